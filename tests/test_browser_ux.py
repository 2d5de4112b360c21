"""The casebook site on a phone, at 200% zoom, on paper and for assistive technology (issue 8: 6-8).

Real Chromium over the built sample (tests/browser_support.py). Screenshots land in the test's
tmp folder (`screenshots/`); PDFs are read back with poppler's pdfinfo and pdftotext; the
accessibility check injects axe-core from tests/js/node_modules (`npm ci --prefix tests/js`,
which scripts/test.sh runs).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser_support import browser, built_site, in_ci, open_context, served_site  # noqa: F401

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RICH_CASE = "2026-0002"
AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
# every kind of page the site makes
PAGES = {
    "home": "/",
    "cases": "/cases/",
    "case": f"/cases/{RICH_CASE}/",
    "summary": f"/cases/{RICH_CASE}/summary/",
    "due": "/due/",
    "resources": "/resources/",
    "resource": "/resources/gaon-food-bank/",
    "workers": "/workers/",
    "worker": "/workers/kim.sw/",
    "needs": "/needs/",
    "need": "/needs/health/",
    "risk": "/risk/",
    "risk-level": "/risk/high/",
}
# desktop, a phone, and a 1280 px window at 200% zoom (640 CSS px, two device pixels each)
SIZES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
    "zoom200": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
}


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        reason = f"{name} is missing (apt-get install poppler-utils; scripts/test.sh installs it)"
        if in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return path


def open_page(page: Page, base: str, path: str) -> None:
    response = page.goto(base + path.lstrip("/"))
    assert response is not None and response.ok, f"{path}: HTTP {response.status if response else '-'}"


def sideways(page: Page) -> dict[str, Any]:
    return page.evaluate("""() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
        wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
              && !e.closest('.ck-table-wrap')).slice(0, 5).map(e => e.tagName + '.' + e.className)})""")


@pytest.mark.parametrize("size", list(SIZES))
def test_no_page_scrolls_sideways_and_key_columns_stay_on_screen(
        browser: Browser, served_site: str, size: str, tmp_path: Path) -> None:  # noqa: F811
    shots = tmp_path / "screenshots"
    shots.mkdir()
    with open_context(browser, **SIZES[size]) as (context, log):
        page = context.new_page()
        for name, path in PAGES.items():
            open_page(page, served_site, path)
            m = sideways(page)
            assert m["scroll"] <= m["inner"], f"{size} {path}: the page is {m['scroll']} px wide in {m['inner']}: {m['wide']}"
            page.screenshot(path=str(shots / f"{name}-{size}.png"), full_page=True)
            page.screenshot(path=str(shots / f"{name}-{size}-top.png"))
        # 다음 할 일 on the case list, 기한 and 담당 on the due list: inside the window on every row
        for path, labels in (("/cases/", ("다음 할 일", "담당")), ("/due/", ("기한", "담당"))):
            open_page(page, served_site, path)
            for label in labels:
                cells = page.locator(f"td[data-label^='{label}']")
                assert cells.count() > 0, f"{path}: no cell of the {label} column"
                right = max(b["x"] + b["width"] for b in (cells.nth(i).bounding_box() for i in range(cells.count())) if b)
                assert right <= SIZES[size]["viewport"]["width"] + 0.5, f"{size} {path}: {label} is off screen ({right} px)"
        # goal text wraps between words, long ids anywhere
        open_page(page, served_site, PAGES["case"])
        assert page.locator(".ck-goal-text").first.evaluate("e => getComputedStyle(e).wordBreak") == "keep-all"
        assert (shots / f"case-{size}.png").stat().st_size > 10_000
    assert log.foreign() == [], log.foreign()


@pytest.mark.parametrize("size", ["desktop", "phone", "zoom200"])
def test_timeline_labels_never_overlap_or_leave_the_timeline_at_any_size(
        browser: Browser, served_site: str, size: str) -> None:  # noqa: F811
    with open_context(browser, **SIZES[size]) as (context, _):
        page = context.new_page()
        for case in ("2026-0002", "2026-0005", "2026-0006", "2026-0009", "2026-0011"):
            open_page(page, served_site, f"/cases/{case}/")
            box = page.locator("[data-testid=timeline]").first.bounding_box()
            labels = [b for sel in (".ck-tl-today > span", ".ck-tl-due > span")
                      for b in (loc.bounding_box() for loc in page.locator(sel).all()) if b]
            assert box is not None and labels
            for b in labels:
                assert box["x"] - 0.5 <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"] + 0.5, (size, case, b, box)
            for i, a in enumerate(labels):
                for b in labels[i + 1:]:
                    apart = (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                             or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
                    assert apart, f"{size} {case}: timeline labels overlap: {a} {b}"


# -- print -----------------------------------------------------------------------------------


def print_pdf(page: Page, out: Path) -> tuple[int, list[str]]:
    """Print the open page to an A4 PDF as the browser's print dialog would; (pages, text per page)."""
    page.emulate_media(media="print")
    page.pdf(path=str(out), format="A4", print_background=True, prefer_css_page_size=True)
    info = subprocess.run([need_tool("pdfinfo"), str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    text = subprocess.run([need_tool("pdftotext"), "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    sheets = [s for s in text.split("\f") if s.strip()]
    return pages, sheets


@pytest.mark.parametrize(("kind", "path", "most"), [
    ("summary", f"/cases/{RICH_CASE}/summary/", 1),
    # 9 sheets today; 14 before (a page break before every record). Room for a little more content.
    ("full", f"/cases/{RICH_CASE}/", 12),
])
def test_print_to_pdf_marks_every_sheet_and_cuts_nothing(
        browser: Browser, served_site: str, tmp_path: Path, kind: str, path: str, most: int) -> None:  # noqa: F811
    with open_context(browser) as (context, _):
        page = context.new_page()
        open_page(page, served_site, path)
        pages, sheets = print_pdf(page, tmp_path / f"{RICH_CASE}-{kind}.pdf")
        assert 1 <= pages <= most, f"{kind}: {pages} sheets (at most {most})"
        if kind == "summary":
            assert pages == 1
        assert len(sheets) == pages
        for n, sheet in enumerate(sheets, start=1):
            assert "내부용" in sheet, f"sheet {n} has no 내부용 mark"
            assert re.search(r"출력일 \d{4}-\d\d-\d\d", sheet), f"sheet {n} has no 출력일"
            assert f"{n} / {pages}쪽" in sheet, f"sheet {n} has no page number"
        assert RICH_CASE in sheets[0]
        # nothing cut off at the right: laid out at the A4 text width (186 mm ≈ 703 px), no element
        # sticks out of the page
        page.set_viewport_size({"width": 703, "height": 1000})
        m = sideways(page)
        assert m["scroll"] <= m["inner"], f"{kind}: printed content is {m['scroll']} px wide in {m['inner']}: {m['wide']}"
        tables = page.evaluate("() => [...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right)")
        assert all(r <= 703 for r in tables), tables


def test_case_page_links_to_its_one_page_summary(browser: Browser, served_site: str) -> None:  # noqa: F811
    with open_context(browser) as (context, _):
        page = context.new_page()
        open_page(page, served_site, f"/cases/{RICH_CASE}/")
        link = page.get_by_role("link", name="요약 인쇄")
        with page.expect_navigation():
            link.click()
        assert page.url.endswith(f"/cases/{RICH_CASE}/summary/")
        for testid in ("case-summary", "case-profile", "summary-goals"):
            assert page.locator(f"[data-testid={testid}]").first.is_visible(), testid
        assert "한부모 가구" in page.locator("[data-testid=case-profile]").inner_text()


# -- accessibility ---------------------------------------------------------------------------


def axe_path() -> Path:
    if not AXE.is_file():
        reason = f"{AXE} is missing: run `npm ci --prefix tests/js` (scripts/test.sh does)"
        if in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return AXE


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation(browser: Browser, served_site: str, size: str) -> None:  # noqa: F811
    axe = axe_path()
    found: list[str] = []
    # axe is the test's tool, not the site's: the context lets it past the pages' CSP (which blocks
    # every inline script the theme did not bring, as it should)
    with open_context(browser, bypass_csp=True, **SIZES[size]) as (context, log):
        page = context.new_page()
        for path in PAGES.values():
            open_page(page, served_site, path)
            page.add_script_tag(path=str(axe))
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            assert result["passes"] is not None
            for v in result["violations"]:
                if v["impact"] in ("serious", "critical"):
                    targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:3]]
                    found.append(f"{path} {v['id']} ({v['impact']}, {len(v['nodes'])}): {targets}")
    assert found == [], "\n".join(found)
    assert log.foreign() == [], log.foreign()


FOCUSED_JS = """() => { const e = document.activeElement; if (!e || e === document.body) return null;
    const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return {html: e.outerHTML.slice(0, 90), w: r.width, h: r.height, vis: s.visibility, op: s.opacity}; }"""


def test_every_focus_stop_is_visible_and_timeline_links_are_named(browser: Browser, served_site: str) -> None:  # noqa: F811
    with open_context(browser) as (context, _):
        page = context.new_page()
        for path in (PAGES["case"], PAGES["home"], PAGES["due"]):
            open_page(page, served_site, path)
            hidden = page.evaluate("""() => [...document.querySelectorAll('[tabindex]:not([tabindex="-1"])')]
                .filter(e => !e.getClientRects().length || getComputedStyle(e).visibility === 'hidden')
                .map(e => e.outerHTML.slice(0, 80))""")
            assert hidden == [], f"{path}: tabindex on hidden elements: {hidden}"
            for _ in range(80):
                page.keyboard.press("Tab")
                stop = page.evaluate(FOCUSED_JS)
                if stop is None:
                    continue
                if stop["op"] != "1" or stop["vis"] == "hidden":  # e.g. Material's skip link fades in
                    page.wait_for_timeout(400)
                    stop = page.evaluate(FOCUSED_JS)
                assert stop["w"] > 0 and stop["h"] > 0 and stop["vis"] != "hidden" and stop["op"] != "0", \
                    f"{path}: invisible focus stop {stop}"
        open_page(page, served_site, PAGES["case"])
        names = page.locator(".ck-tl-dot").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
        assert names and all(re.match(r"\d\d \S+.* \d{4}-\d\d-\d\d$", n or "") for n in names), names
