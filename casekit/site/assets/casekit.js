/* casekit: the 출력일 (print date) on printed pages is the day the page is printed, not the day the
   site was built. A local file (no inline script): sets the text of .ck-print-date and the
   --ck-printed custom property that the @page margin boxes of casekit.css show on every page.
   And the search box searches whatever way its text changed: Material 9 reads it on `keyup` only,
   so a query pasted from a phone's long-press menu or a mouse's context menu, dropped in, dictated,
   picked from the keyboard's suggestions or committed by an IME without a key event never searched.
   And a search result, when followed, opens its page at the sentence it shows: the worker names that
   sentence in the teaser (`data-ck-at`, a `#:~:text=` fragment), added to the link as it is clicked,
   tapped or opened with Enter (in the link itself, Material would show the result as a section);
   on a phone, a result on the page already open too, once Material has let the page scroll again.
   And a link to a heading of a record that is not there (renamed since, or spelled otherwise) opens
   the case page at the record, not at its top. */
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
  /* A record's body headings are `r02-영역별-욕구` on its case page, which a link written
     `02-assessment.md#영역별-욕구` names (casekit.core.links): one naming no heading there goes to
     the record's place (`#r02`) instead, the address saying so. */
  function toRecord() {
    var hash = location.hash.slice(1);
    var m = /^(r[0-9]+)-./.exec(hash);
    if (!m) { return; }
    var name = hash;
    try { name = decodeURIComponent(hash); } catch (e) { /* (not %-encoded: as it is) */ }
    if (document.getElementById(name) || !document.getElementById(m[1])) { return; }
    location.replace("#" + m[1]);
  }
  toRecord();
  window.addEventListener("hashchange", toRecord);
  /* Results are shown only while the box holds the query they answer (each result names it,
     `data-ck-q`, from the worker; an answer with none, its query heard from the worker): typed
     fast, the results of a query the typist has gone past, "no results" of a lone ㅊ while the box
     reads 체, or an answer crossing a newer query on its way, are hidden (`data-ck-stale`:
     casekit.css) until the newest query's come, never shown as the answer to the text in the box. */
  /* An answer with no results names no query in the list (nothing carries data-ck-q): the count
     line said "no results" of ㅊ while the box read 체, whose answer was on its way. So the query
     of each answer is heard from the worker itself (its answers say it: `query`), beside Material:
     Material's worker is met as Material first posts to it (Worker's postMessage, put back at
     once), and an answer of another query than the box's, empty or not, is hidden too. */
  var answered = null;
  if (typeof Worker !== "undefined" && Worker.prototype && Worker.prototype.postMessage) {
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      if (message && typeof message.type === "number" && Worker.prototype.postMessage !== post) {
        Worker.prototype.postMessage = post;
        this.addEventListener("message", function (ev) {
          var data = ev.data && ev.data.type === 3 ? ev.data.data : null;  /* RESULT */
          if (data && typeof data.query === "string") { answered = data.query; fresh(); }
        });
      }
      return post.apply(this, arguments);
    };
  }
  function fresh() {
    var box = document.querySelector(".md-search__input");
    var result = document.querySelector(".md-search-result");
    if (!box || !result) { return; }
    var tag = result.querySelector(".md-search-result__list [data-ck-q]");
    var stale = (answered !== null && answered !== box.value)
      || (tag !== null && tag.getAttribute("data-ck-q") !== box.value);
    if (stale !== result.hasAttribute("data-ck-stale")) {
      if (stale) { result.setAttribute("data-ck-stale", ""); } else { result.removeAttribute("data-ck-stale"); }
      result.setAttribute("aria-busy", stale ? "true" : "false");
    }
  }
  /* The worker answers a query twice (the first screen as soon as its pages are known, then with
     the sentences that hold the query and the other results) and Material draws the list anew each
     time. A result moved to with the arrow keys lost the focus to the page as its element went:
     Enter opened nothing, the next arrow went back to the first result. The result with the same
     link is given the focus again. */
  var focused = null;
  document.addEventListener("focusin", function (ev) {
    focused = ev.target && ev.target.closest && ev.target.closest(".md-search-result__list") ? ev.target : null;
  });
  function refocus(list) {
    if (!focused || focused.isConnected) { return; }
    var was = focused.getAttribute("href");
    focused = null;
    var active = document.activeElement;
    if (was === null || (active && active !== document.body)) { return; }
    var links = list.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === was) { links[i].focus({ preventScroll: true }); return; }
    }
  }
  var list = document.querySelector(".md-search-result__list");
  if (list) { new MutationObserver(function () { fresh(); refocus(list); }).observe(list, { childList: true }); }
  document.addEventListener("input", function (ev) {
    var box = ev.target;
    if (box && box.classList && box.classList.contains("md-search__input")) {
      /* the keyup Material listens for on the box itself (not bubbling: nothing else hears it);
         a value it has searched already is not searched again */
      box.dispatchEvent(new KeyboardEvent("keyup"));
      fresh();
    }
  });
  /* The worker answers a query twice (the first screen, then its better sentences and the other
     results) and Material draws the list anew each time. A result pressed with a mouse under the
     first answer and let go under the second was lost: the element pressed is gone, so the browser
     sends no click at all. Let go over a result with the same link, the click is given to it. (A
     finger's tap is taken where it is lifted: the browser's own click reaches the new result.) */
  var pressed = null;
  function resultLink(node) {
    return node && node.closest ? node.closest("a.md-search-result__link") : null;
  }
  document.addEventListener("pointerdown", function (ev) {
    pressed = ev.pointerType === "mouse" && ev.button === 0 ? resultLink(ev.target) : null;
  }, true);
  document.addEventListener("pointerup", function (ev) {
    var was = pressed;
    pressed = null;
    if (!was || was.isConnected || ev.pointerType !== "mouse" || ev.button !== 0) { return; }
    var now = resultLink(ev.target);
    if (!now || now.getAttribute("href") !== was.getAttribute("href")) { return; }
    now.dispatchEvent(new MouseEvent("click", {
      bubbles: true, cancelable: true, view: window, button: 0, detail: 1,
      clientX: ev.clientX, clientY: ev.clientY, screenX: ev.screenX, screenY: ev.screenY,
      ctrlKey: ev.ctrlKey, shiftKey: ev.shiftKey, altKey: ev.altKey, metaKey: ev.metaKey
    }));
  }, true);
  document.addEventListener("click", function (ev) {
    var link = resultLink(ev.target);
    var at = link ? link.querySelector("[data-ck-at]") : null;
    if (!at) { return; }
    var href = link.href.split("#")[0] + at.getAttribute("data-ck-at");
    link.href = href;
    /* On a phone, Material holds the page still while the search is open (body[data-md-scrolllock],
       position: fixed) and, as the search closes, scrolls back to where the page was: a result on
       the page already open was scrolled to under the lock, then scrolled away from. There, go to
       the sentence once the lock is gone (the click still closes the search, as Material does). */
    var body = document.body;
    if (!body.hasAttribute("data-md-scrolllock") || ev.defaultPrevented
        || link.href.split("#")[0] !== location.href.split("#")[0]) { return; }
    ev.preventDefault();
    var done = false;
    var go = function () {
      if (done) { return; }
      done = true;
      watch.disconnect();
      location.href = href;
    };
    var watch = new MutationObserver(function () { if (!body.hasAttribute("data-md-scrolllock")) { go(); } });
    watch.observe(body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
    setTimeout(go, 1000);  /* (should the lock stay: go all the same) */
  }, true);
})();
