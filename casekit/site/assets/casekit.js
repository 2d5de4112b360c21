/* casekit: the 출력일 (print date) on printed pages is the day the page is printed, not the day the
   site was built. A local file (no inline script): sets the text of .ck-print-date and the
   --ck-printed custom property that the @page margin boxes of casekit.css show on every page. */
(function () {
  "use strict";
  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  function mark() {
    var text = "출력일 " + today();
    document.documentElement.style.setProperty("--ck-printed", JSON.stringify(text));
    var els = document.querySelectorAll(".ck-print-date");
    for (var i = 0; i < els.length; i++) { els[i].textContent = text; }
  }
  mark();
  window.addEventListener("beforeprint", mark);
})();
