"""casekit.site.elements: a page's elements as an HTML5 parser builds them, in bounded time."""

from __future__ import annotations

import time

import pytest

from casekit.core.sensitive import SensitiveIndex
from casekit.site import elements
from casekit.site.audit import Expected, Scanner, audit_data

INDEX = SensitiveIndex([])


def codes(page: str) -> list[tuple[str, str]]:
    return [(f.code, f.message_en) for f in audit_data("x.html", page.encode(), Scanner(INDEX), Expected(), page)
            if f.code != "site-no-policy"]


def test_the_parser_reads_names_values_and_templates_as_a_browser() -> None:
    built = elements.parse('<IMG " SRC=x OnError=&quot;a&quot;><template><tr onclick=1></template><svg><a xlink:href=j>')
    assert ("img", (('"', None), ("src", "x"), ("onerror", '"a"'))) in built
    assert ("tr", (("onclick", "1"),)) in built  # (a template's content, parsed as in a template)
    assert ("a", (("xlink:href", "j"),)) in built


def test_a_long_page_nested_as_pages_are_is_read_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    page = "<ul><li><p>가나다</p><br><img src=a.png></li></ul>" * (elements.INLINE // 20) + '<img " src=x onerror=alert(1)>'
    assert len(page) > elements.INLINE and elements.nesting_bound(page) == 3

    def no_child(*args: object, **kwargs: object) -> None:
        raise AssertionError("a child process for a page nested three deep")

    monkeypatch.setattr(elements.subprocess, "run", no_child)
    assert [code for code, _ in codes(page)] == ["site-active-content"]


def test_a_long_page_nested_deep_is_read_in_a_child_with_the_same_result() -> None:
    page = "<div>" * (elements.SHALLOW + 1) + "<p>가나다</p>" * (elements.INLINE // 10) + '<img " src=x onerror=alert(1)>'
    assert len(page) > elements.INLINE and elements.nesting_bound(page) > elements.SHALLOW
    assert elements.elements(page) == elements.parse(page)
    assert [code for code, _ in codes(page)] == ["site-active-content"]


def test_the_nesting_bound_reads_high() -> None:
    bound = elements.nesting_bound
    assert bound("<div/>" * 5) == 5  # (the parser opens a self-closed div)
    assert bound("<div></x>" * 5) == 5  # (an end tag that names no open element closes nothing)
    assert bound("<b><i></b></i>") == 2 and bound("<br><img><hr><input>") == 0
    assert bound("<!-- <div><div> -->") == 2  # (what a comment holds counts: on the high side)


def test_a_page_nested_too_deep_is_a_finding_not_a_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(elements, "SECONDS", 2)
    page = "<div>" * 1_000_000 + "<img src=x onerror=alert(1)>"  # (minutes for the parser)
    started = time.monotonic()
    found = codes(page)
    assert time.monotonic() - started < 30
    assert any(code == "site-unexpected-file" and "as a browser does" in message for code, message in found)
    assert any(code == "site-active-content" for code, _ in found)  # (the patterns still read the tags)


def test_a_page_nested_deep_but_short_is_read_in_process() -> None:
    page = "<div>" * (elements.INLINE // 5 - 10) + "<img src=x onerror=alert(1)>"
    started = time.monotonic()
    assert ("img", (("src", "x"), ("onerror", "alert(1)"))) in (elements.elements(page) or set())
    assert time.monotonic() - started < 20  # (~1 s here: the bound INLINE keeps)
