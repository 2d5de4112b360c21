"""The casebook site in a real browser: build the sample, serve it on loopback, drive Chromium.

One build, one server and one browser for the whole module (tests/browser_support.py); each
test opens its own browser context and checks that every request it made stayed on 127.0.0.1.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser_support import (  # noqa: F401  (browser, built_site, served_site are fixtures)
    RESULT_ITEM,
    RequestLog,
    browser,
    built_site,
    open_context,
    open_result,
    search,
    served_site,
    site_path,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# A case with a revised plan, five goals and every kind of record: the richest page.
RICH_CASE = "2026-0002"
# Values from its intake's x-sensitive fields: never on any page.
RICH_CASE_SECRETS = ("이영희", "920214", "010-0000-1002", "가온빌라")


@dataclass
class Tab:
    page: Page
    log: RequestLog
    base: str
    errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")

    def goto(self, path: str) -> None:
        response = self.page.goto(self.url(path))
        assert response is not None and response.ok, f"{path}: HTTP {response.status if response else '-'}"

    def assert_stayed_local(self) -> None:
        assert self.log.urls, "no request was recorded at all - is the request log attached?"
        assert self.log.foreign() == [], f"requests left 127.0.0.1: {self.log.foreign()}"
        assert self.errors == [], f"JavaScript errors on the page: {self.errors}"


@pytest.fixture
def tab(browser: Browser, served_site: str) -> Iterator[Tab]:  # noqa: F811
    with open_context(browser) as (context, log):
        page = context.new_page()
        t = Tab(page, log, served_site)
        page.on("pageerror", lambda exc: t.errors.append(str(exc)))
        yield t
        # Teardown net for tests that stop early: still nothing may have left loopback.
        assert log.foreign() == [], f"requests left 127.0.0.1: {log.foreign()}"


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = tmp_path / "screenshots"
    folder.mkdir()
    return folder


def due_now(site: Path) -> list[dict]:
    """What `casekit due` reports today for the built casebook copy (overdue and due soon)."""
    casebook = site.parent / "casebook"
    proc = subprocess.run(
        [sys.executable, "-m", "casekit", "due", "--format", "json"],
        cwd=casebook, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, f"casekit due failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return json.loads(proc.stdout)["items"]


def text_of(page: Page, selector: str) -> str:
    loc = page.locator(selector)
    assert loc.count() >= 1, f"{selector} is not on {page.url}"
    loc.first.wait_for(state="visible")
    return loc.first.inner_text()


# --------------------------------------------------------------------------------------------


def test_home_shows_caseload_and_due_list(tab: Tab, built_site: Path, shots: Path) -> None:  # noqa: F811
    tab.goto("/")
    caseload = text_of(tab.page, "[data-testid=caseload]")
    for worker in ("kim.sw", "lee.sw", "park.sw"):
        assert worker in caseload, f"worker {worker} missing from the caseload:\n{caseload}"

    due_list = text_of(tab.page, "[data-testid=due-list]")
    items = due_now(built_site)
    assert items, "the sample casebook should have overdue or due-soon work today"
    for item in items:
        assert item["case"] in due_list, f"{item} is not in the home page's due list:\n{due_list}"
    # Every due item links to its case.
    links = tab.page.locator("[data-testid=due-list] a[href]")
    hrefs = {site_path(tab.page.url, tab.base)} | {
        site_path(h, tab.base) for h in links.evaluate_all("els => els.map(e => e.href)")
    }
    for item in items:
        assert f"/cases/{item['case']}/" in hrefs, f"no link to case {item['case']} in the due list"

    tab.page.screenshot(path=str(shots / "home.png"), full_page=True)
    assert (shots / "home.png").stat().st_size > 10_000
    tab.assert_stayed_local()


def test_follow_a_case_link_and_read_timeline_goals_and_activities(tab: Tab, shots: Path) -> None:
    tab.goto("/")
    link = tab.page.locator(f"[data-testid=caseload] a[href*='{RICH_CASE}']").first
    if link.count() == 0:  # the caseload may group by worker without case links: use the cases list
        tab.goto("/cases/")
        link = tab.page.locator(f"a[href*='{RICH_CASE}']").first
    with tab.page.expect_navigation():
        link.click()
    assert site_path(tab.page.url, tab.base) == f"/cases/{RICH_CASE}/"

    summary = text_of(tab.page, "[data-testid=case-summary]")
    assert RICH_CASE in summary or RICH_CASE in tab.page.title()
    assert "lee.sw" in summary

    timeline = text_of(tab.page, "[data-testid=timeline]")
    # Records in order: intake, assessment, plan, ..., the re-assessment and the revised plan.
    dates = re.findall(r"2026-\d\d-\d\d", timeline)
    record_dates = ["2026-03-18", "2026-03-27", "2026-04-08", "2026-06-18", "2026-06-26", "2026-11-12"]
    positions = [dates.index(d) for d in record_dates if d in dates]
    assert len(positions) == len(record_dates), f"timeline lacks record dates {record_dates}:\n{timeline}"
    assert positions == sorted(positions), f"timeline is not in record order:\n{timeline}"
    for stage in ("접수", "사정", "계획", "점검"):
        assert stage in timeline, f"stage {stage} missing from the timeline"
    assert "재사정" in timeline or "재사정" in summary, "the re-assessment should be visible"

    goals = text_of(tab.page, "[data-testid=goals-table]")
    for goal_id in ("G1", "G2", "G3", "G4", "G5"):
        assert goal_id in goals, f"{goal_id} missing from the goals table:\n{goals}"
    assert "정신건강 상담을 받아 잠과 식사를 되찾는다" in goals  # G4 of the revised plan
    assert "달성" in goals, "achieved goals (G1, G5) should read 달성"
    assert "진행" in goals, "goals in progress should read 진행 중"
    assert tab.page.locator("[data-testid=goals-table] table, table[data-testid=goals-table]").count() >= 1

    activities = text_of(tab.page, "[data-testid=activity-log]")
    assert "법률홈닥터 상담을 예약하고" in activities
    assert "정신건강복지센터 초기 상담을 연계하고" in activities

    body = tab.page.locator("body").inner_text()
    for secret in RICH_CASE_SECRETS:
        assert secret not in body, f"sensitive value {secret!r} is shown on the case page"

    tab.page.screenshot(path=str(shots / f"case-{RICH_CASE}.png"), full_page=True)
    assert (shots / f"case-{RICH_CASE}.png").stat().st_size > 10_000
    tab.assert_stayed_local()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("주거지원을", "/cases/2026-0006/"),  # page says 주거지원이
        ("푸드뱅크", "/resources/gaon-food-bank/"),  # page says 기초푸드뱅크·푸드마켓
        ("정신건강복지센터에서", "/resources/gaon-mental-health-center/"),
        ("동기강화 상담", "/cases/2026-0007/"),
    ],
)
def test_korean_search_in_the_search_box(tab: Tab, query: str, expected: str) -> None:
    tab.goto("/")
    pages = [site_path(h, tab.base) for h in search(tab.page, query)]
    assert expected in pages, f"{query!r}: {expected} not among {pages}"
    # The hit is a working link: click it and land on the page.
    open_result(tab.page, tab.base, expected)
    tab.assert_stayed_local()


def test_print_view_hides_navigation_and_prints_a_pdf(tab: Tab, tmp_path: Path) -> None:
    tab.goto(f"/cases/{RICH_CASE}/")
    tab.page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-tabs", ".md-footer", ".md-search"):
        loc = tab.page.locator(chrome)
        for i in range(loc.count()):
            assert not loc.nth(i).is_visible(), f"{chrome} is visible in the print view"
    for record in ("[data-testid=case-summary]", "[data-testid=timeline]", "[data-testid=goals-table]",
                   "[data-testid=activity-log]"):
        assert tab.page.locator(record).first.is_visible(), f"{record} is hidden in the print view"

    pdf = tmp_path / f"case-{RICH_CASE}.pdf"
    tab.page.pdf(path=str(pdf), format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    assert pages > 1, f"the case report printed on {pages} page(s); a case with 11 records needs more"
    tab.assert_stayed_local()


@pytest.mark.parametrize(
    ("path", "testid"),
    [
        ("/cases/", None),
        ("/resources/", None),
        ("/resources/gaon-food-bank/", None),
        ("/workers/", "caseload"),
        ("/workers/kim.sw/", None),
        ("/needs/health/", None),
        ("/risk/high/", None),
        ("/due/", "due-list"),
    ],
)
def test_every_kind_of_page_opens(tab: Tab, path: str, testid: str | None) -> None:
    tab.goto(path)
    assert tab.page.locator("article h1, .md-content h1").first.is_visible(), f"{path} has no heading"
    if testid:
        assert tab.page.locator(f"[data-testid={testid}]").first.is_visible(), f"{path} lacks {testid}"
    tab.assert_stayed_local()


@pytest.mark.parametrize("case", ["2026-0002", "2026-0005", "2026-0006", "2026-0009", "2026-0011"])
def test_timeline_labels_never_overlap_or_leave_the_timeline(tab: Tab, case: str) -> None:
    tab.goto(f"/cases/{case}/")
    box = tab.page.locator("[data-testid=timeline]").first.bounding_box()
    labels = [loc.bounding_box() for sel in (".ck-tl-today > span", ".ck-tl-due > span")
              for loc in tab.page.locator(sel).all()]
    labels = [b for b in labels if b is not None]
    assert box is not None and labels, f"{case}: no timeline labels"
    for b in labels:
        assert box["x"] - 0.5 <= b["x"] and b["x"] + b["width"] <= box["x"] + box["width"] + 0.5, \
            f"{case}: a label is cut off at the timeline's edge: {b} outside {box}"
    if len(labels) == 2:
        a, b = labels
        apart = (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                 or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
        assert apart, f"{case}: the 기준일 and deadline labels overlap: {a} {b}"
    names = tab.page.locator(".ck-tl-dot").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert names and all(re.match(r"\d\d \S+.* \d{4}-\d\d-\d\d$", n or "") for n in names), names
    tab.assert_stayed_local()
