"""The search box as people use it, in real Chromium over the built sample: typed fast, its answers
ordered, on a phone (a browser probe's findings D5, D6 and D3).

Shards are served by a server of this module that can hold them back (`slow`), so an answer that
takes its time, while the typist has gone on, is seen as it would be on a slow network.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from casekit.site.search_index import index_files, page_of
from tests.browser_support import (  # noqa: F401  (browser, built_site are fixtures)
    QuietServer,
    browser,
    built_site,
    open_context,
    search,
    site_path,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser]


class _Slow:
    """How long the server holds back a shard of the index, and how many it held back."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.held = 0
        self.only = ""  # (held back: only the shards whose name starts so, "r-" the rest of long pages)


class _Handler(http.server.SimpleHTTPRequestHandler):
    slow: _Slow

    def do_GET(self) -> None:
        if "/search/casekit/" in self.path and self.slow.seconds and \
                self.path.rsplit("/", 1)[-1].startswith(self.slow.only):
            self.slow.held += 1
            time.sleep(self.slow.seconds)
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # (each page's worker asks the server again)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def slow_site(built_site: Path) -> Iterator[tuple[str, _Slow]]:  # noqa: F811
    """The sample site served on loopback, its shards held back while `slow.seconds` says so."""
    slow = _Slow()
    handler = functools.partial(type("Handler", (_Handler,), {"slow": slow}), directory=str(built_site))
    server = QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="slow-site", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/", slow
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# What the result list shows now: the box's text, whether the list is visible, each result's page and
# the query it names (data-ck-q)
_SHOWN_JS = """
() => {
  const box = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  const items = [...list.querySelectorAll('.md-search-result__item')];
  return {
    box: box.value,
    visible: getComputedStyle(list).visibility === 'visible' && !list.hidden,
    pages: items.map(it => (it.querySelector('a.md-search-result__link') || {}).href || null),
    queries: items.map(it => { const q = it.querySelector('[data-ck-q]'); return q ? q.getAttribute('data-ck-q') : null; }),
  };
}
"""


# The worker has answered the empty query: the meta line shows the placeholder
_READY_JS = """
() => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  const meta = document.querySelector('.md-search-result__meta');
  return meta && meta.textContent.trim() === config.translations['search.result.placeholder'];
}
"""


def _shown(page: Page) -> dict[str, Any]:
    shown: dict[str, Any] = page.evaluate(_SHOWN_JS)
    return shown


def _desk_search(page: Page, query: str, *, fast: bool = False) -> None:
    """The search box clicked, once the worker is ready `query` typed into it: key by key with no
    delay between keys (`fast`), or put in whole as a paste would."""
    box = page.locator(".md-search__input")
    box.click()
    page.wait_for_function(_READY_JS)
    if fast:
        box.type(query, delay=0)
    else:
        box.fill(query)
        box.press("End")


def _settled(page: Page, want: list[str], seconds: float = 15) -> dict[str, Any]:
    """What the list shows once its first pages are `want` (or `seconds` have passed)."""
    deadline = time.monotonic() + seconds
    while True:
        shown = _shown(page)
        if (shown["visible"] and shown["pages"][: len(want)] == want) or time.monotonic() > deadline:
            return shown
        page.wait_for_timeout(100)


@pytest.mark.parametrize(("before", "typed"), [("주거", " 반지하 곰팡이"), ("채무", " 독촉 전화 법률홈닥터")])
def test_results_shown_are_for_the_text_in_the_box(browser: Browser, slow_site: tuple[str, _Slow],  # noqa: F811
                                                   before: str, typed: str) -> None:
    """D5: typed fast (no delay between keys) while the index answers slowly, the results of the
    query typed before stayed up under the new text until the newest query's came. Results shown
    are always for the text in the box: the older ones are hidden as the text changes, and what is
    shown at last is what the final query, typed alone, shows, each result naming that query."""
    base, slow = slow_site
    final = before + typed
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(base)
        want = search(page, final)
        assert want
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(base)
        assert search(page, before)
        box = page.locator(".md-search__input")
        box.press("End")
        slow.seconds, slow.held = 1.5, 0
        try:
            box.type(typed, delay=0)
            # while the newest query's shards are held back: nothing shown is another query's answer
            for _ in range(8):
                shown = _shown(page)
                assert shown["box"] == final
                if shown["visible"] and shown["pages"]:
                    assert shown["pages"][:3] == want[:3] and set(shown["queries"]) - {None} == {final}, shown
                page.wait_for_timeout(100)
            assert slow.held, "no shard was held back: the test saw no answer wait"
        finally:
            slow.seconds = 0
        shown = _settled(page, want[:5])
        assert shown["visible"] and shown["pages"][: len(want)] == want, (shown, want)
        assert shown["queries"][0] == final


def test_a_fast_typist_sees_the_final_querys_results(browser: Browser, slow_site: tuple[str, _Slow]) -> None:  # noqa: F811
    """Typed from an empty box with no delay between keys, the list settles on the final query's
    results, as typed alone: an answer to a query typed past is never the one left up."""
    base, _ = slow_site
    final = "집주인이 나가라고 했다"
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(base)
        want = search(page, final)
        assert want
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(base)
        _desk_search(page, final, fast=True)
        shown = _settled(page, want[:5])
        assert shown["box"] == final and shown["pages"][: len(want)] == want, shown
        assert set(shown["queries"]) - {None} == {final}, shown


def _holding(site: Path, compound: str) -> set[str]:
    """The pages whose indexed text holds `compound`, joined or with spaces inside it."""
    out = set()
    for path, location in index_files(site):
        page = page_of(path.read_text(encoding="utf-8"), location)
        if page is not None and compound in "".join([page.title, *page.label, *page.about, *page.body]).replace(" ", ""):
            out.add("/" + location)
    return out


@pytest.mark.parametrize(("query", "compound"), [
    ("위기 개입", "위기개입"),  # typed apart: the pages holding 위기 and 개입 (or 실행, its stage) apart came first
    ("위기개입", "위기개입"),
    ("자살위기", "자살위기"),
    ("자살 위기", "자살위기"),
])
def test_pages_holding_the_whole_phrase_or_compound_come_first(browser: Browser, slow_site: tuple[str, _Slow],  # noqa: F811
                                                                built_site: Path, query: str, compound: str) -> None:  # noqa: F811
    """D6: `위기 개입` showed first the case pages holding 위기 somewhere and 개입 (or its stage's name,
    실행) elsewhere, and the resource whose service is 위기개입 below the first ten. The pages holding the
    compound (or the two nouns as one) come first, every one of them, then the pages holding parts."""
    base, _ = slow_site
    holders = _holding(built_site, compound)
    assert len(holders) >= 3, holders
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(base)
        pages = [site_path(h, base) for h in search(page, query)]
    assert set(pages[: len(holders)]) == holders, (pages, holders)


# Playwright's 'Pixel 5' (its user agent left to the browser's own)
PIXEL_5 = {"viewport": {"width": 393, "height": 727}, "screen": {"width": 393, "height": 851},
           "device_scale_factor": 2.75, "is_mobile": True, "has_touch": True}
# Where the first text of the page's article holding `word` stands in the viewport: [top, bottom], or null
_WORD_AT_JS = """(word) => {
  const walk = document.createTreeWalker(document.querySelector('.md-content article'), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const at = n.data.indexOf(word);
    if (at < 0 || !n.parentElement.checkVisibility()) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + word.length);
    const r = range.getBoundingClientRect();
    return [r.top, r.bottom];
  }
  return null;
}"""
# whether that text stands in view, below the header
_WORD_IN_VIEW_JS = ("(word) => { const at = (" + _WORD_AT_JS + ")(word);"
                    " const header = document.querySelector('.md-header').getBoundingClientRect().bottom;"
                    " return at !== null && header <= at[0] && at[1] <= innerHeight; }")


def _phone_search(page: Page, query: str) -> None:
    """The search opened with a tap on a phone's search button, `query` typed into its box."""
    page.get_by_role("button", name="검색", exact=True).tap()
    page.wait_for_function(_READY_JS)
    page.locator(".md-search__input").focus()
    page.keyboard.insert_text(query)


def _settled_at(page: Page, words: str) -> tuple[list[float] | None, float]:
    """Where `words` stand in the viewport once a result tapped has been followed, and the header's
    bottom. casekit.js goes to the sentence once the lock is gone (at most a second later; more on a
    busy machine): waited for, up to 10 s, then held still a moment (nothing moves it away again)."""
    with contextlib.suppress(Exception):  # (playwright's TimeoutError: the caller's assertion says where it is)
        page.wait_for_function(_WORD_IN_VIEW_JS, arg=words, timeout=10_000)
    page.wait_for_timeout(300)
    return page.evaluate(_WORD_AT_JS, words), page.evaluate(
        "() => document.querySelector('.md-header').getBoundingClientRect().bottom")


@pytest.mark.parametrize("scrolled", [0, 2000])
def test_on_a_pixel_5_a_result_on_the_page_open_goes_to_its_sentence_and_the_page_keeps_its_width(
        browser: Browser, slow_site: tuple[str, _Slow], scrolled: int) -> None:  # noqa: F811
    """D3 on a phone (Playwright's Pixel 5): reading 2026-0006, a search for a sentence far down it,
    the result tapped, stopped some 1,100 px short of the sentence, and the page was 479 px wide
    after the search closed, on a 393 px screen. Material's search overlay, a circle scaled to cover
    the screen, stretched the page to 1,265 px while the search was open; the page went to the
    sentence laid out that wide, then was laid out narrower (its text longer). casekit.css clips the
    body's overflow across on a phone: the sentence is in view, below the header, and the page as
    wide as the screen."""
    base, _ = slow_site
    with open_context(browser, **PIXEL_5) as (context, _log):
        page = context.new_page()
        page.goto(base + "cases/2026-0006/")
        page.evaluate(f"() => scrollTo(0, {scrolled})")
        _phone_search(page, "집주인이 나가라고")
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
        # the first result tapped once it shows the sentence that holds the query (before the page's
        # other sentences come, it shows the best of those kept, which a reader tapping goes to)
        page.wait_for_function("() => (document.querySelector('.md-search-result__item')?.textContent || '')"
                               ".includes('나가라고')", timeout=10_000)
        first = page.locator(".md-search-result__item a.md-search-result__link").first
        assert site_path(first.get_attribute("href") or "", base) == "/cases/2026-0006/"
        first.tap()
        page.wait_for_function("() => !document.getElementById('__search').checked"
                               " && !document.body.hasAttribute('data-md-scrolllock')")
        at, header = _settled_at(page, "나가라고")
        height, width = page.evaluate("() => [innerHeight, innerWidth]")
        assert at is not None and header <= at[0] and at[1] <= height, (at, header, height)
        assert width == PIXEL_5["viewport"]["width"]
        assert page.evaluate("() => document.documentElement.scrollWidth") == width


def test_on_a_pixel_5_a_result_tapped_before_its_better_sentence_came_goes_to_the_sentence_it_shows(
        browser: Browser, slow_site: tuple[str, _Slow]) -> None:  # noqa: F811
    """Tapped at once, while the page's other sentences (its rest shard) are still on their way, the
    first result names the best of the sentences kept for it, and the page open (that result's page)
    goes to the sentence the result showed, not to the one holding the query that came later."""
    base, slow = slow_site
    slow.seconds, slow.only = 8.0, "r-"
    try:
        with open_context(browser, **PIXEL_5) as (context, _log):
            page = context.new_page()
            page.goto(base + "cases/2026-0006/")
            _phone_search(page, "집주인이 나가라고")
            page.wait_for_function("() => document.querySelectorAll('.md-search-result__item [data-ck-at]').length > 0")
            named = page.evaluate("() => decodeURIComponent(document.querySelector('.md-search-result__item [data-ck-at]')"
                                  ".getAttribute('data-ck-at').split('=')[1].split(',')[0])")
            assert "나가라고" not in named, named  # (the sentence kept: the one with the query is in the rest)
            first = page.locator(".md-search-result__item a.md-search-result__link").first
            assert site_path(first.get_attribute("href") or "", base) == "/cases/2026-0006/"
            first.tap()
            words = " ".join(named.split()[1:3])  # (past a goal's id, which stands in a cell of its own)
            at, header = _settled_at(page, words)
            assert at is not None and header <= at[0] and at[1] <= PIXEL_5["viewport"]["height"], (named, at, header)
    finally:
        slow.seconds, slow.only = 0, ""


# The first result shown: kept so that a test can tell when the list has been drawn again
_KEEP_FIRST_JS = "() => { window.__ckFirst = document.querySelector('.md-search-result__item'); return !!window.__ckFirst; }"
_REDRAWN_JS = ("() => window.__ckFirst && !window.__ckFirst.isConnected"
               " && !!document.querySelector('.md-search-result__item a.md-search-result__link')")


def _first_answer(page: Page, base: str, *, phone: bool = False) -> None:
    """The home page searched for a sentence far down 2026-0006's page, its results shown from the
    worker's first answer (the test holds back the rest shards its second answer waits for), the
    first result kept (_REDRAWN_JS tells when the list is drawn again)."""
    page.goto(base)
    if phone:
        _phone_search(page, "집주인이 나가라고")
    else:
        _desk_search(page, "집주인이 나가라고")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item [data-ck-at]').length > 1")
    assert page.evaluate(_KEEP_FIRST_JS)


@pytest.mark.parametrize("pointer", ["mouse", "touch"])
def test_a_result_pressed_as_the_list_is_drawn_again_is_still_followed(
        browser: Browser, slow_site: tuple[str, _Slow], pointer: str) -> None:  # noqa: F811
    """D5's blink: the worker answers a query twice (the first screen as soon as its pages are
    known, then again with the sentences that hold the query), and Material draws the list anew
    each time. A result pressed under the first answer and released under the second was lost: the
    element pressed was gone, so the browser's click went to no result and nothing opened. Pressed
    with a mouse or a finger, held while the second answer redraws the list, then let go over the
    same result: its page opens."""
    base, slow = slow_site
    slow.seconds, slow.only = 3.0, "r-"  # (the second answer waits for the rest shard of a long page)
    try:
        options: dict[str, Any] = PIXEL_5 if pointer == "touch" else {}
        with open_context(browser, **options) as (context, _log):
            page = context.new_page()
            _first_answer(page, base, phone=pointer == "touch")
            first = page.locator(".md-search-result__item a.md-search-result__link").first
            assert site_path(first.get_attribute("href") or "", base) == "/cases/2026-0006/"
            box_at = first.bounding_box()
            assert box_at is not None
            x, y = box_at["x"] + min(40, box_at["width"] / 2), box_at["y"] + min(20, box_at["height"] / 2)
            if pointer == "touch":
                cdp = context.new_cdp_session(page)
                point = [{"x": x, "y": y, "id": 1}]
                cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
            else:
                page.mouse.move(x, y)
                page.mouse.down()
            page.wait_for_function(_REDRAWN_JS, timeout=15_000)  # (the second answer, under the finger)
            assert page.url == base
            if pointer == "touch":
                cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
            else:
                page.mouse.up()
            page.wait_for_url(base + "cases/2026-0006/**", timeout=10_000)
    finally:
        slow.seconds, slow.only = 0, ""


# The result link that has the keyboard's focus: its address, or null
_FOCUSED_JS = ("() => { const a = document.activeElement;"
               " return a && a.matches && a.matches('.md-search-result__list a[href]') ? a.getAttribute('href') : null; }")


def test_a_result_chosen_with_the_arrow_keys_keeps_the_focus_as_the_list_is_drawn_again(
        browser: Browser, slow_site: tuple[str, _Slow]) -> None:  # noqa: F811
    """The keyboard's side of D5's blink: a result moved to with the arrow keys under the first
    answer lost the focus when the second answer drew the list anew (the element focused was gone,
    the focus went back to the page), so Enter opened nothing and the next arrow went back to the
    first result. The result moved to keeps the focus, and Enter opens its page."""
    base, slow = slow_site
    slow.seconds, slow.only = 3.0, "r-"
    try:
        with open_context(browser) as (context, _log):
            page = context.new_page()
            _first_answer(page, base)
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
            chosen = page.evaluate(_FOCUSED_JS)
            assert chosen, "the arrow keys moved to no result"
            page.wait_for_function(_REDRAWN_JS, timeout=15_000)
            assert page.evaluate(_FOCUSED_JS) == chosen
            page.keyboard.press("Enter")
            page.wait_for_url(chosen.split("#")[0] + "**", timeout=10_000)  # (Material's links are absolute)
    finally:
        slow.seconds, slow.only = 0, ""


# What the count line says and whether it shows: its text, visible or not
_META_JS = """
() => {
  const meta = document.querySelector('.md-search-result__meta');
  return { box: document.querySelector('.md-search__input').value, text: meta.textContent.trim(),
           visible: getComputedStyle(meta).visibility === 'visible' };
}
"""
_NONE_JS = """
() => document.querySelector('.md-search-result__meta').textContent.trim()
  === JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']
"""


def test_no_results_for_a_query_typed_past_is_not_said_of_the_text_in_the_box(
        browser: Browser, slow_site: tuple[str, _Slow]) -> None:  # noqa: F811
    """Typed as a Korean IME does (ㅊ, then 체), the count line kept the answer to ㅊ, "no results",
    while the box read 체, whose answer was on its way (200 ms on a desk, 1.5 s on a slow phone
    network): an empty answer carries no result naming its query, and casekit.js hid only results.
    It is hidden too until the box's query is answered, then the count of 체 shows."""
    base, slow = slow_site
    none = "검색어와 일치하는 문서가 없습니다"
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(base)
        _desk_search(page, "ㅊ")
        page.wait_for_function(_NONE_JS)
        box = page.locator(".md-search__input")
        slow.seconds, slow.held = 1.5, 0
        try:
            box.fill("체")
            box.press("End")
            seen = []
            for _ in range(8):
                seen.append(page.evaluate(_META_JS))
                page.wait_for_timeout(100)
            assert slow.held, "no shard was held back: the test saw no answer wait"
        finally:
            slow.seconds = 0
        wrong = [s for s in seen if s["box"] == "체" and s["visible"] and s["text"] == none]
        assert not wrong, seen
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
        page.wait_for_timeout(300)
        now = page.evaluate(_META_JS)
        assert now["visible"] and now["text"] != none and now["box"] == "체", now
