"""Real Chromium against attacked builds: nothing runs, nothing leaves 127.0.0.1, and the CSP holds.

1. Every attack of tests/attacks/ whose build passes is applied to ONE copy of the sample (their
   edits compose), built for real, served on 127.0.0.1, and every page is loaded. Payloads that
   would run set `window.__pwned` or fetch http://evil.example/: both counts must be zero, and
   so must Content-Security-Policy violations (the first wall, the sanitizer, held on its own).
2. The theme itself works under the CSP with zero violations: search, navigation, palette.
3. An outside load and an inline script are planted into a built page AFTER the build, past the
   sanitizer and the audit, pointing at a second server on another port (another origin): the
   browser must block them by the page's CSP (securitypolicyviolation events, no request made,
   no script run).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.attack_support import apply, attack_names, expectation
from tests.browser_support import (  # noqa: F401  (fixtures)
    QuietServer,
    browser,
    build_sample,
    build_site,
    open_context,
    search,
    serve,
)
from tests.conftest import copy_casebook

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
  [e.effectiveDirective, e.blockedURI, (e.sample || '').slice(0, 60)].join(' | ')));
"""


@contextmanager
def counting_server(directory: Path) -> Iterator[tuple[str, list[str]]]:
    """Another origin (127.0.0.1, another port) that records every request it receives."""
    hits: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            hits.append(self.path)

    server = QuietServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def _pages(site: Path) -> list[str]:
    """Every page of the site as a URL path ('' for the home page)."""
    out = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        out.append("" if rel == "." else rel + "/")
    return out


@pytest.fixture(scope="module")
def attacked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("attacked")
    casebook = copy_casebook(tmp / "casebook")
    names = [n for n in attack_names() if expectation(n)["build"] == "ok"]
    assert len(names) >= 6
    for name in names:
        apply(name, casebook)
    return build_site(casebook, tmp / "site")


def _visit(context: Any, base_url: str, paths: list[str]) -> tuple[list[str], list[str]]:
    """(pages where a payload ran, CSP violations) after loading each page."""
    context.add_init_script(WATCH)
    page = context.new_page()
    ran: list[str] = []
    violations: list[str] = []
    for path in paths:
        page.goto(base_url + path, wait_until="load")
        page.wait_for_timeout(30)  # let focus and toggle events fire
        if page.evaluate("window.__pwned !== undefined"):
            ran.append(f"{path}: window.__pwned = {page.evaluate('String(window.__pwned)')}")
        violations += [f"{path}: {v}" for v in page.evaluate("window.__violations")]
    page.close()
    return ran, violations


def test_no_payload_runs_and_nothing_leaves_loopback_on_any_attacked_page(attacked_site: Path, browser) -> None:  # noqa: F811
    paths = _pages(attacked_site)
    assert len(paths) > 50
    with serve(attacked_site) as base_url, open_context(browser) as (context, log):
        ran, violations = _visit(context, base_url, paths)
        # the search box renders titles and text from the index: the payloads are found as text only
        page = context.new_page()
        page.goto(base_url, wait_until="networkidle")
        for query in ("pwned", "title", "script", "img"):
            search(page, query)
            page.wait_for_timeout(100)
            if page.evaluate("window.__pwned !== undefined"):
                ran.append(f"search {query!r}: window.__pwned = {page.evaluate('String(window.__pwned)')}")
        violations += [f"search: {v}" for v in page.evaluate("window.__violations")]
    assert ran == []
    assert log.foreign() == []
    assert violations == []


def test_the_theme_works_under_the_csp_search_navigation_palette(tmp_path: Path, browser) -> None:  # noqa: F811
    casebook = copy_casebook(tmp_path / "casebook")
    config = casebook / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  features: []",
        "  features: [navigation.instant, search.highlight, content.code.copy]\n  palette:\n"
        "    - scheme: default\n      toggle:\n        icon: material/brightness-7\n        name: 어둡게\n"
        "    - scheme: slate\n      toggle:\n        icon: material/brightness-4\n        name: 밝게"), encoding="utf-8")
    site = build_site(casebook, tmp_path / "site")
    with serve(site) as base_url, open_context(browser) as (context, log):
        context.add_init_script(WATCH)
        page = context.new_page()
        page.goto(base_url + "cases/", wait_until="networkidle")
        page.locator("a.ck-case-id").first.click()  # instant navigation (fetch + swap)
        page.wait_for_url("**/cases/*/")
        page.wait_for_load_state("networkidle")
        assert page.locator("article .ck-timeline [style]").count() > 0
        violations = list(page.evaluate("window.__violations"))
        assert search(page, "주거"), "search found nothing"
        page.goto(base_url, wait_until="networkidle")
        page.locator("[data-md-component=palette] label:visible").first.click()
        page.reload(wait_until="networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        violations += page.evaluate("window.__violations")
    assert violations == []
    assert log.foreign() == []


def test_the_csp_blocks_an_outside_load_planted_past_the_sanitizer(tmp_path: Path, browser) -> None:  # noqa: F811
    site = build_sample(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (other / "x.css").write_text("body{display:none}", encoding="utf-8")
    with serve(site) as base_url, counting_server(other) as (other_url, hits), open_context(browser) as (context, _):
        page_file = site / "due" / "index.html"
        planted = (f'<img id="planted-img" src="{other_url}x.png">'
                   f'<link rel="stylesheet" href="{other_url}x.css">'
                   f'<div style="background-image:url({other_url}x.png)">bg</div>'
                   "<script>window.__pwned = 'planted'</script>")
        page_file.write_text(page_file.read_text(encoding="utf-8").replace("</article>", planted + "</article>"),
                             encoding="utf-8")
        context.add_init_script(WATCH)
        page = context.new_page()
        page.goto(base_url + "due/", wait_until="networkidle")
        page.wait_for_timeout(200)
        violations = page.evaluate("window.__violations")
        ran = page.evaluate("window.__pwned !== undefined")
    directives = {v.split(" | ")[0] for v in violations}
    assert {"img-src", "style-src-elem", "script-src-elem"} <= directives, violations
    assert any(other_url.rstrip("/") in v for v in violations), violations
    assert not ran
    assert hits == [], "the other origin was asked"


def test_a_planted_copy_with_the_csp_removed_would_have_loaded(tmp_path: Path, browser) -> None:  # noqa: F811
    """The control for the test above: without the policy the same planted load does reach the
    other origin, so the block above is the CSP's doing."""
    site = build_sample(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    page_file = site / "due" / "index.html"
    text = page_file.read_text(encoding="utf-8")
    start = text.index('<meta http-equiv="Content-Security-Policy"')
    text = text[:start] + text[text.index(">", start) + 1:]
    with serve(site) as base_url, counting_server(other) as (other_url, hits), open_context(browser) as (context, _):
        page_file.write_text(text.replace("</article>", f'<img src="{other_url}x.png"></article>'), encoding="utf-8")
        page = context.new_page()
        page.goto(base_url + "due/", wait_until="networkidle")
    assert hits == ["/x.png"]
    shutil.rmtree(other)
