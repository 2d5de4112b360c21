"""Shared harness for the real-browser tests.

Build a copy of the sample casebook into a temporary folder, serve it on loopback with
`http.server`, drive Debian's headless Chromium through Playwright, and record every request
the pages make so a test can assert that nothing left 127.0.0.1.

Test modules use it like this::

    from tests.browser_support import browser, built_site, served_site  # noqa: F401  (fixtures)

Every fixture here is module scoped: one build, one server and one browser per module.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

try:  # `python -m pytest` from the repository root puts it on sys.path
    from tests.conftest import copy_casebook
except ImportError:  # pragma: no cover - plain `pytest`, rootdir-relative imports
    from conftest import copy_casebook  # type: ignore[no-redef]

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

CHROMIUM = Path(os.environ.get("CASEKIT_CHROMIUM", "/usr/bin/chromium"))
# Playwright's own browser download does not work here; Debian's chromium does.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOOPBACK_HOSTS = {"127.0.0.1"}
# Schemes that never touch the network.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}
# Material shows ten results at once and renders more only when the list is scrolled.
TOP_N = 10


# --------------------------------------------------------------------------------------------
# Chromium: skip only when it is missing outside CI


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_chromium() -> Path:
    """The chromium binary, or skip the test (outside CI) / fail it (CI=true) when missing."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    reason = (
        f"{CHROMIUM} is missing: the browser tests drive Debian's chromium "
        "(apt-get install -y chromium; scripts/test.sh installs it)"
    )
    if in_ci():
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


# --------------------------------------------------------------------------------------------
# Build and serve


def build_site(casebook: Path, site_dir: Path, *, timeout: float = 300) -> Path:
    """Run `mkdocs build` on a casebook folder (a subprocess: plugins keep no state between builds)."""
    cmd = [
        sys.executable, "-m", "mkdocs", "build", "--quiet",
        "--config-file", str(casebook / "mkdocs.yml"), "--site-dir", str(site_dir),
    ]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(cmd, cwd=casebook, capture_output=True, text=True, timeout=timeout, env=env)
    if proc.returncode != 0:
        raise AssertionError(
            f"mkdocs build failed (exit {proc.returncode}) in {casebook}:\n{proc.stdout}\n{proc.stderr}"
        )
    if not (site_dir / "index.html").is_file():
        raise AssertionError(f"mkdocs build wrote no {site_dir / 'index.html'}")
    return site_dir


def build_sample(tmp: Path) -> Path:
    """Copy the sample casebook into `tmp/casebook` and build it into `tmp/site`."""
    casebook = copy_casebook(tmp / "casebook")
    return build_site(casebook, tmp / "site")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closed a connection while a file was sent (a page left, a context
        closed) is no error of the site: said as a traceback in the test log, it read as one."""
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port in a thread; yields the base URL (with `/`)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="casebook-site", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --------------------------------------------------------------------------------------------
# Requests: everything must stay on loopback


def is_local(url: str) -> bool:
    """True for loopback http(s)/ws URLs and for URLs that never reach the network (data: ...)."""
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname in LOOPBACK_HOSTS


@dataclass
class RequestLog:
    """Every request the pages (and their workers) of one browser context made."""

    urls: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", lambda request: self.urls.append(request.url))
        # A second net: anything not on loopback is recorded and aborted, never sent.
        context.route("**/*", self._route)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def foreign(self) -> list[str]:
        return sorted({u for u in [*self.urls, *self.blocked] if not is_local(u)})


# --------------------------------------------------------------------------------------------
# Fixtures (module scoped: one build, one server, one browser per test module)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample casebook, copied and built once per module; returns the site folder."""
    return build_sample(tmp_path_factory.mktemp("casebook-site"))


@pytest.fixture(scope="module")
def served_site(built_site: Path) -> Iterator[str]:
    with serve(built_site) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(executable), args=LAUNCH_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@contextmanager
def open_context(browser: Browser, **kwargs: Any) -> Iterator[tuple[BrowserContext, RequestLog]]:
    """A fresh browser context (Korean locale, desktop size) with its request log attached."""
    options: dict[str, Any] = {"locale": "ko-KR", "viewport": {"width": 1280, "height": 900}}
    options.update(kwargs)
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    log = RequestLog()
    log.attach(context)
    try:
        yield context, log
    finally:
        context.close()


# --------------------------------------------------------------------------------------------
# Material search, driven like a person would


def site_path(url: str, base_url: str) -> str:
    """`http://127.0.0.1:PORT/cases/2026-0001/#goals` -> `/cases/2026-0001/`."""
    absolute = urljoin(base_url, url)
    path = urlsplit(absolute).path
    base_path = urlsplit(base_url).path.rstrip("/")
    if base_path and path.startswith(base_path):
        path = path[len(base_path):]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path or "/"


RESULT_ITEM = ".md-search-result__item"
_FIRST_LINK_JS = "items => items.map(li => (li.querySelector('a.md-search-result__link') || {}).href || null)"
_PLACEHOLDER_JS = """
() => {
  const config = JSON.parse(document.getElementById('__config').textContent);
  return (config.translations || {})['search.result.placeholder'] || 'Type to start searching';
}
"""
_WAIT_META_JS = """
([text, equal]) => {
  const meta = document.querySelector('.md-search-result__meta');
  if (!meta) return false;
  const now = meta.textContent.trim();
  return equal ? now === text : (now !== '' && now !== text);
}
"""


def open_search(page: Page) -> None:
    """Open Material's search dialog and wait until its index is built (the worker answers)."""
    page.locator("label[for='__search']").first.click()
    page.locator(".md-search__input").wait_for(state="visible")
    # Before the worker is ready the meta line shows the initialiser text; once it has answered
    # the first, empty query it shows the placeholder.
    page.wait_for_function(_WAIT_META_JS, arg=[page.evaluate(_PLACEHOLDER_JS), True], timeout=30_000)


def search(page: Page, query: str, *, top: int = TOP_N) -> list[str]:
    """Type `query` into Material's search box; return the result pages (absolute URLs) in rank order.

    Material groups hits by page: each `.md-search-result__item` is one page; its first link is
    the page itself, the links after it are the page's best sections. Only the first `top` pages
    are returned (Material renders ten at first).
    """
    box = page.locator(".md-search__input")
    if not box.is_visible():
        open_search(page)
    placeholder = page.evaluate(_PLACEHOLDER_JS)
    # Clear first so that two queries with the same result count are still told apart.
    box.fill("")
    box.press("End")  # Material reads the value on keyup
    page.wait_for_function(_WAIT_META_JS, arg=[placeholder, True])
    box.fill(query)
    box.press("End")
    page.wait_for_function(_WAIT_META_JS, arg=[placeholder, False])
    # The worker answers a query twice, the pages in the same order both times (the first screen
    # as soon as its pages are known, then with better snippets and the other results): read the
    # list until two reads agree, in case a late keyup or the second answer drew it again.
    previous: list[str] | None = None
    deadline = time.monotonic() + 5
    while True:
        hrefs = page.eval_on_selector_all(RESULT_ITEM, _FIRST_LINK_JS)
        if hrefs == previous or time.monotonic() > deadline:
            break
        previous = hrefs
        page.wait_for_timeout(60)
    return [h for h in hrefs if h][:top]


_PICK_JS = """
want => {
  const page = new URL(want).pathname;
  for (const item of document.querySelectorAll('.md-search-result__item')) {
    const link = item.querySelector('a.md-search-result__link');
    if (link && new URL(link.href).pathname.replace(/index\\.html$/, '') === page) {
      link.setAttribute('data-test-pick', '');
      return true;
    }
  }
  return false;
}
"""


def open_result(page: Page, base: str, path: str) -> None:
    """Click the search result that is the page `path` (`/cases/2026-0007/`) as a user does, and
    wait until that page is shown. The list is drawn again as results come (the first screen's
    snippets, then the rest): the result is found by its link when it is clicked, not by its place
    in a list read before, and a click the drawing swallowed (the link under the pointer replaced
    between the button's press and its release: no click event) is made again, as a user would."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    target = re.compile(re.escape(path.rstrip("/")) + r"/?(index\.html)?(#.*)?$")
    start = page.url
    for attempt in range(3):
        assert page.evaluate(_PICK_JS, urljoin(base, path.lstrip("/"))), f"{path} is no longer among the results"
        try:
            page.locator("a[data-test-pick]").first.click(timeout=5_000)
            page.wait_for_url(target, timeout=5_000 if attempt < 2 else 15_000)
            return
        except PlaywrightTimeoutError:
            if page.url != start:
                break  # (it went somewhere: said below)
    raise AssertionError(f"clicking the result {path} led to {page.url}")


# --------------------------------------------------------------------------------------------
# The query set and recall


@dataclass
class Query:
    query: str
    expect: list[str]
    why: str = ""


@dataclass
class Outcome:
    query: Query
    results: list[str]

    @property
    def ranks(self) -> list[int | None]:
        return [self.results.index(e) + 1 if e in self.results else None for e in self.query.expect]

    @property
    def found(self) -> bool:
        return all(r is not None for r in self.ranks)


def load_queries(path: Path) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for item in data["queries"]:
        expect = item["expect"]
        queries.append(Query(item["q"], [expect] if isinstance(expect, str) else list(expect), item.get("why", "")))
    return queries


def run_queries(page: Page, base_url: str, queries: list[Query], *, top: int = TOP_N) -> list[Outcome]:
    outcomes = []
    for q in queries:
        pages = [site_path(h, base_url) for h in search(page, q.query, top=top)]
        outcomes.append(Outcome(q, pages))
    return outcomes


def recall(outcomes: list[Outcome]) -> float:
    return sum(o.found for o in outcomes) / len(outcomes) if outcomes else 0.0


def mean_reciprocal_rank(outcomes: list[Outcome]) -> float:
    """Mean over queries of the mean 1/rank of their expected pages (0 for a page not shown)."""
    per_query = [sum(1 / r for r in o.ranks if r) / len(o.ranks) for o in outcomes if o.ranks]
    return sum(per_query) / len(per_query) if per_query else 0.0


def format_table(outcomes: list[Outcome], *, title: str = "") -> str:
    rows = []
    for o in outcomes:
        ranks = ",".join("-" if r is None else str(r) for r in o.ranks)
        rows.append((o.query.query, " ".join(o.query.expect), "yes" if o.found else "NO", ranks))
    widths = [max(_width(r[i]) for r in [("query", "expected", "found", "rank"), *rows]) for i in range(4)]
    lines = [title] if title else []
    header = ("query", "expected", "found", "rank")
    for row in [header, *rows]:
        lines.append("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if row is header:
            lines.append("  ".join("-" * w for w in widths))
    found = sum(o.found for o in outcomes)
    lines.append(f"recall: {found}/{len(outcomes)} = {recall(outcomes):.1%} (found = every expected page in the top {TOP_N});"
                 f" mean reciprocal rank {mean_reciprocal_rank(outcomes):.3f}")
    return "\n".join(lines)


def _width(text: str) -> int:
    # Hangul and other wide characters take two columns in a terminal.
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


# The worker's snippet() run in a page of the site (config: the index's casekit settings)
SNIPPET_JS = """
async ([config, sentences, query]) => {
  const src = await (await fetch('assets/casekit/search-worker.js')).text();
  const make = new Function('self', 'addEventListener', 'postMessage',
    src + '; return m => { manifest = m; return (s, q) => snippet(s, queryTerms(q)); };');
  return make({location: location}, () => {}, () => {})(config)(sentences, query);
}
"""
