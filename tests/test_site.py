"""The casebook site: real `mkdocs build`s of copies of the sample casebook (no browser).

One build with a fixed 기준일 is shared by the module; the refusal and guard tests build their
own small variations. Expectations are read from the sample's files and from the core (the due
logic), not written down twice, so the sample can grow without breaking these tests.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from casekit.core.casebook import check
from casekit.core.due import all_due
from casekit.core.schemas import STAGE_KO
from casekit.site.body import demote
from casekit.site.views import src_uri
from tests.conftest import copy_casebook

pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 11, 20)
NEED_DOMAINS = ("safety", "health", "daily_living", "family", "social", "economy", "education", "employment",
                "living_environment", "legal_rights", "other")
RISK_LEVELS = ("low", "medium", "high", "crisis")


def build_site(casebook: Path, out: Path, today: dt.date | None = TODAY) -> Path:
    config = load_config(str(casebook / "mkdocs.yml"), site_dir=str(out))
    if today is not None:
        config.plugins["casekit"].config["today"] = today
    build(config)
    return out


@pytest.fixture(scope="module")
def casebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_casebook(tmp_path_factory.mktemp("site") / "casebook")


@pytest.fixture(scope="module")
def site(casebook: Path) -> Path:
    return build_site(casebook, casebook.parent / "out")


def read(site: Path, url: str) -> str:
    path = site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"
    assert path.is_file(), f"no page at /{url.strip('/')}/ ({path})"
    return path.read_text(encoding="utf-8")


def cases_on_disk(casebook: Path) -> dict[str, list[str]]:
    """case id -> its record stages in NN order, from the file names."""
    out = {}
    for folder in sorted((casebook / "cases").iterdir()):
        if folder.is_dir():
            out[folder.name] = [f.stem[3:] for f in sorted(folder.glob("[0-9][0-9]-*.md"))]
    return out


class Elements(HTMLParser):
    """Start tags with their attributes, and the text inside an element with a given data-testid."""

    def __init__(self, testid: str | None = None):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.testid = testid
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if self.depth:
            self.depth += 1
        elif self.testid and a.get("data-testid") == self.testid:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def section(html: str, testid: str) -> str:
    p = Elements(testid)
    p.feed(html)
    text = " ".join(" ".join(p.text).split())
    assert text, f"no element with data-testid={testid}"
    return text


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = Elements()
    p.feed(html)
    return p.tags


def output_files(site: Path) -> Iterator[Path]:
    return (p for p in site.rglob("*") if p.is_file())


# -- URL scheme --------------------------------------------------------------------------------


def test_every_page_of_the_url_scheme_exists(casebook: Path, site: Path) -> None:
    report = check(casebook)
    urls = ["", "cases/", "due/", "resources/", "workers/", "needs/", "risk/"]
    urls += [f"cases/{c}/" for c in cases_on_disk(casebook)]
    urls += [f"resources/{p.stem}/" for p in (casebook / "resources").glob("*.md")]
    urls += [f"workers/{w}/" for w in {recs[-1].worker for recs in report.summaries.values() if recs[-1].worker}]
    urls += [f"needs/{d}/" for d in NEED_DOMAINS] + [f"risk/{lvl}/" for lvl in RISK_LEVELS]
    for url in urls:
        html = read(site, url)
        assert "<h1" in html, f"/{url} has no heading"
    assert (site / "404.html").is_file()


def test_no_markdown_sources_in_the_output(site: Path) -> None:
    leftovers = [p.relative_to(site) for p in output_files(site) if p.suffix in (".md", ".yml", ".yaml")]
    assert leftovers == []


def test_generated_file_names_keep_ids_from_shadowing_section_indexes() -> None:
    assert src_uri("") == "index.md"
    assert src_uri("cases/") == "cases/index.md"
    assert src_uri("cases/2026-0001/") == "cases/2026-0001.md"
    assert src_uri("cases/index/") == "cases/index/index.md"
    assert src_uri("workers/lee.sw/") == "workers/lee.sw.md"
    assert src_uri("due/") == "due.md"


def test_every_link_between_pages_resolves(site: Path) -> None:
    """To a page, and to the place on it a `#fragment` names (a closure's date on the home page
    and the 종결 stage page links to that record on its case page, not to `#r07` of the list)."""
    broken = []
    ids: dict[Path, set[str]] = {}
    for page in site.rglob("*.html"):
        for href, fragment in re.findall(r'href="([^"#?]*)(?:\?[^"#]*)?(?:#([^"]*))?"', page.read_text(encoding="utf-8")):
            if re.match(r"[a-z][a-z0-9+.-]*:|//", href):
                continue
            target = (site / href.lstrip("/") if href.startswith("/") else page.parent / href).resolve() if href else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(re.findall(r'\sid="([^"]+)"', target.read_text(encoding="utf-8")))
                if fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)} -> {href}#{fragment}")
    assert broken == []


def test_a_worker_who_handed_a_case_over_still_has_a_page(sample: Path, tmp_path: Path) -> None:
    intake = sample / "cases" / "2026-0002" / "01-intake.md"
    text = intake.read_text(encoding="utf-8")
    worker = re.search(r"^worker: (\S+)$", text, re.M).group(1)  # type: ignore[union-attr]
    intake.write_text(text.replace(f"worker: {worker}", "worker: former.sw", 1), encoding="utf-8")
    out = build_site(sample, tmp_path / "out")
    page = read(out, "workers/former.sw/")
    assert "2026-0002" in page and "이전에 기록한 사례" in page
    assert 'href="../../workers/former.sw/"' in read(out, "cases/2026-0002/")


# -- home ----------------------------------------------------------------------------------------


def test_home_counts_cases_by_stage_and_each_stage_page_lists_them(casebook: Path, site: Path) -> None:
    html = read(site, "")
    counts = {a["data-stage"]: int(a["data-count"] or 0) for t, a in tags(html) if t == "li" and a.get("data-count")}
    # a case stands at its last record that is not a 사례회의 (a conference does not move the stage)
    on_disk = {case: [s for s in stages if s != "conference"] for case, stages in cases_on_disk(casebook).items()}
    for stage in STAGE_KO:
        if stage != "conference":
            assert counts.get(stage) == sum(1 for stages in on_disk.values() if stages[-1] == stage), stage
    for case, stages in on_disk.items():
        page = read(site, f"stages/{stages[-1]}/")
        assert f'data-case="{case}"' in page, f"case {case} is not on the page of its stage {stages[-1]}"
    caseload = section(html, "caseload")
    for stage, label in STAGE_KO.items():
        assert label in caseload, f"stage {stage} ({label}) missing from the caseload"


def test_home_due_list_matches_the_core_due_logic(casebook: Path, site: Path) -> None:
    report = check(casebook)
    soon = report.config.deadlines["due_soon_days"]
    expected = {d.case: d.state(TODAY, soon) for d in all_due(report.summaries, report.config.deadlines)
                if d.state(TODAY, soon) != "upcoming"}
    assert expected, "the sample should have overdue or due-soon work on the fixed day"
    html = read(site, "")
    rows = {a["data-case"]: a["data-state"] for t, a in tags(html) if t == "tr" and a.get("data-state")}
    assert rows == expected
    # within each state: 위기 > 높음 > 보통 > 낮음 > 미사정, then the most overdue first
    rank = {"crisis": 4, "high": 3, "medium": 2, "low": 1}
    ordered = [(a["data-state"], rank.get(a.get("data-risk") or "", 0)) for t, a in tags(html)
               if t == "tr" and a.get("data-state")]
    for state in ("overdue", "due_soon"):
        risks = [r for s, r in ordered if s == state]
        assert risks == sorted(risks, reverse=True), f"{state} rows are not sorted by risk: {risks}"
    assert "기준일 2026-11-20" in section(html, "due-list")
    due = section(html, "due-list")
    assert "기한 지남" in due and "곧 마감" in due
    full = read(site, "due/")
    every = {a["data-case"] for t, a in tags(full) if t == "tr" and a.get("data-state")}
    assert every == {d.case for d in all_due(report.summaries, report.config.deadlines)}


def test_overdue_counts_say_whether_they_count_cases_or_tasks(casebook: Path, site: Path, run) -> None:
    """A supervisor's probe: "기한 지남" was 9 on the home tile (cases) and 16 in `casekit due` and on
    /due/ (tasks), the unit unsaid. The tiles say 사례; the lists say 할 일 and 사례 both, alike."""
    html = read(site, "")
    tile = re.search(r'<span class="ck-tile-num">(\d+)</span><span class="ck-tile-label">기한 지남 사례</span>', html)
    assert tile is not None
    due = read(site, "due/")
    head = re.search(r"기한 지남</span> 할 일 (\d+)건 · 사례 (\d+)건", due)
    assert head is not None and int(head.group(2)) == int(tile.group(1)) <= int(head.group(1))
    cli = run(casebook, "due", "--today", TODAY.isoformat()).stdout.strip().splitlines()[-1]
    assert f"할 일 기한 지남 {head.group(1)}건(사례 {head.group(2)}건)" in cli, cli


def test_home_shows_caseload_per_worker_with_the_limit(site: Path) -> None:
    html = read(site, "")
    workers = [a["data-worker"] for t, a in tags(html) if t == "tr" and a.get("data-worker")]
    assert workers, "no worker rows in the caseload"
    caseload = section(html, "caseload")
    assert "한도 20" in caseload and "casekit.yml" in caseload
    assert "위기 3 · 높음 2" in caseload


# -- case page -----------------------------------------------------------------------------------


def rich_case(casebook: Path) -> str:
    """A case with a plan, an intervention, monitoring and a re-assessment (the richest page)."""
    for case, stages in cases_on_disk(casebook).items():
        if {"plan", "intervention", "monitoring"} <= set(stages) and stages.count("assessment") > 1:
            return case
    pytest.skip("the sample has no case with a re-assessment")


def test_case_page_shows_summary_timeline_goals_and_activities(casebook: Path, site: Path) -> None:
    case = rich_case(casebook)
    stages = cases_on_disk(casebook)[case]
    html = read(site, f"cases/{case}/")
    summary = section(html, "case-summary")
    assert STAGE_KO[stages[-1]] in summary
    timeline = section(html, "timeline")
    for i, stage in enumerate(stages, start=1):
        assert f"{i:02d} {STAGE_KO[stage]}" in timeline
    ids = [a.get("id") for t, a in tags(html) if t == "h2"]
    assert [x for x in ids if x and re.fullmatch(r"r\d\d", x)] == [f"r{i:02d}" for i in range(1, len(stages) + 1)]

    report = check(casebook, keep=True)
    plan_goals = {g["id"] for rel, p in report.parsed.items() if rel.startswith(f"cases/{case}/") and "-plan" in rel
                  for g in p.data["goals"]}
    goal_rows = {a["data-goal"] for t, a in tags(html) if t == "tr" and a.get("data-goal")}
    assert plan_goals and plan_goals <= goal_rows
    goals = section(html, "goals-table")
    assert "달성" in goals or "진행 중" in goals

    activities = section(html, "activity-log")
    for label in ("위기개입", "교육·훈련", "협력적 활동", "상담·치료", "정보제공", "자기옹호 지원", "연계·조정·옹호"):
        assert label in activities
    summaries = [a["summary"] for rel, p in report.parsed.items() if rel.startswith(f"cases/{case}/")
                 and rel.endswith("-intervention.md") for a in p.data["activities"]]
    assert summaries and all(" ".join(s.split()) in activities for s in summaries)


def test_case_page_names_the_client_only_by_alias(casebook: Path, site: Path) -> None:
    report = check(casebook, keep=True)
    for rel, parsed in report.parsed.items():
        if not rel.endswith("-intake.md"):
            continue
        client = parsed.data["client"]
        html = read(site, f"cases/{rel.split('/')[1]}/")
        if "restricted" in parsed.data:  # 열람 제한: not even the alias
            assert client["alias"] not in html and "열람 제한" in html
        else:
            assert client["alias"] in html
        assert client["name"] not in html


def test_records_print_one_after_another_with_print_marks(casebook: Path, site: Path) -> None:
    """The full record prints every record, one after another (a page break per record made the
    sample case 14 sheets); every sheet carries 내부용, the 출력일 and its page number."""
    case = rich_case(casebook)
    html = read(site, f"cases/{case}/")
    records = [a for t, a in tags(html) if t == "h2" and "ck-record" in (a.get("class") or "").split()]
    assert len(records) == len(cases_on_disk(casebook)[case])
    css = (site / "assets" / "casekit" / "casekit.css").read_text(encoding="utf-8")
    print_css = css[css.index("@media print"):]
    assert not re.search(r"h2\.ck-record\s*\{[^}]*break-before:\s*page", print_css)
    page_rule = css[css.index("@page"):css.index("@media print")]
    assert '"내부용"' in page_rule and "counter(page)" in page_rule and "var(--ck-printed" in page_rule
    assert ".md-sidebar" in print_css and ".md-header" in print_css
    assert 'href="../../assets/casekit/casekit.css"' in html
    assert 'src="../../assets/casekit/casekit.js"' in html
    assert 'href="summary/"' in html and "요약 인쇄" in html
    assert 'class="ck-print-mark"' in html


# -- scale and privacy ---------------------------------------------------------------------------


def test_navigation_stays_small_on_case_pages(casebook: Path, site: Path) -> None:
    html = read(site, f"cases/{next(iter(cases_on_disk(casebook)))}/")
    nav_links = re.findall(r'class="md-nav__link[^"]*"', html)
    assert len(nav_links) < 40, "cases must not be listed in the navigation"
    assert 'href="../2026-' not in html.split('class="md-content"')[0]


def test_no_generator_tag_and_nothing_loaded_from_other_hosts(site: Path) -> None:
    for path in output_files(site):
        if path.suffix not in (".html", ".css", ".js", ".json", ".xml"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site)
        assert '<meta name="generator"' not in text, rel
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, rel
        if path.suffix == ".html":
            assert not re.search(r'<script[^>]+src="(https?:)?//', text), rel
            assert not re.search(r'<link[^>]+href="(https?:)?//', text), rel
            assert not re.search(r'<(img|iframe|source|audio|video)[^>]+src="(https?:)?//', text), rel
        if path.suffix == ".css":
            assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", text), rel
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), rel


def test_404_and_sitemap_hold_no_case_data(casebook: Path, site: Path) -> None:
    page = (site / "404.html").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "페이지를 찾을 수 없습니다" in page
    report = check(casebook, keep=True)
    aliases = [p.data["client"]["alias"] for rel, p in report.parsed.items() if rel.endswith("-intake.md")]
    assert aliases
    for alias in aliases:
        assert alias not in page and alias not in sitemap


# -- refusals ------------------------------------------------------------------------------------


def refused(casebook: Path, out: Path, caplog: pytest.LogCaptureFixture) -> str:
    """Build, expect the casekit plugin to stop it; the message it gave (mkdocs logs it, then aborts)."""
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(casebook, out)
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR and "casekit" in r.getMessage()]
    assert messages, "the build stopped, but not by casekit"
    assert not (out / "index.html").exists()
    return "\n".join(messages)


def test_build_refuses_while_check_finds_errors(sample: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    record = next((sample / "cases").glob("*/02-*.md"))
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r'^date: .*$', 'date: "2026-02-30"', text, count=1, flags=re.M), encoding="utf-8")
    message = refused(sample, tmp_path / "out", caplog)
    rel = record.relative_to(sample).as_posix()
    assert re.search(re.escape(rel) + r":\d+:\d+: \[bad-date\]", message), message
    assert "casekit check" in message


def test_mkdocs_build_command_exits_non_zero_on_errors(sample: Path, tmp_path: Path) -> None:
    record = next((sample / "cases").glob("*/01-intake.md"))
    record.write_text(record.read_text(encoding="utf-8").replace("stage: intake", "stage: intak", 1),
                      encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")], cwd=sample,
                          capture_output=True, text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode != 0
    assert record.relative_to(sample).as_posix() in proc.stderr
    assert "casekit check" in proc.stderr


def test_a_sensitive_value_in_another_file_stops_the_build(
    casebook: Path, sample: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A client's real name in a resource description: check finds it (located), the build refuses."""
    report = check(casebook, keep=True)
    _, parsed = next((r, p) for r, p in report.parsed.items() if r.endswith("01-intake.md"))
    name = parsed.data["client"]["name"]
    resource = next((sample / "resources").glob("*.md"))
    resource.write_text(resource.read_text(encoding="utf-8") + f"\n\n{name} 님이 자주 이용합니다.\n", encoding="utf-8")
    message = refused(sample, tmp_path / "out", caplog)
    assert f"resources/{resource.name}:" in message and "[sensitive-in-text]" in message and "client.name" in message
    assert name not in message


def test_external_images_and_scripts_in_a_record_are_left_out(sample: Path, tmp_path: Path) -> None:
    record = next((sample / "cases").glob("*/01-intake.md"))
    record.write_text(record.read_text(encoding="utf-8")
                      + "\n\n![사진](https://example.org/p.png)\n\n<script src=\"https://cdn.example.org/x.js\"></script>\n",
                      encoding="utf-8")
    out = build_site(sample, tmp_path / "out")
    html = read(out, f"cases/{record.parent.name}/")
    assert "example.org" not in html
    assert "[외부 자료 생략]" in html


def test_refusal_is_a_plugin_error_naming_the_place(sample: Path) -> None:
    """Called directly, the plugin raises PluginError (mkdocs turns it into "Aborted with a BuildError")."""
    from casekit.mkdocs_plugin.plugin import CasekitPlugin

    record = next((sample / "cases").glob("*/01-intake.md"))
    record.write_text(record.read_text(encoding="utf-8").replace("worker:", "worker: \"\"\nx:", 1), encoding="utf-8")
    config = load_config(str(sample / "mkdocs.yml"))
    plugin = config.plugins["casekit"]
    assert isinstance(plugin, CasekitPlugin)
    plugin.on_config(config)
    from mkdocs.structure.files import Files

    with pytest.raises(PluginError, match=re.escape(record.relative_to(sample).as_posix()) + r":\d+:\d+"):
        plugin.on_files(Files([]), config=config)


def test_demote_shifts_headings_below_the_record_heading() -> None:
    body = "# 접수\n\n## 의뢰 경위\n\n```md\n# not a heading\n```\n\n제목\n---\n\n본문\n"
    assert demote(body, 2) == "### 접수\n\n#### 의뢰 경위\n\n```md\n# not a heading\n```\n\n#### 제목\n\n본문"
    assert demote("# 이름\n\n설명", 1, drop_title="이름") == "설명"


# -- case page: episodes, goals, referrals, timeline ---------------------------------------------


def reopened_case(casebook: Path) -> str:
    for case, stages in cases_on_disk(casebook).items():
        if stages.count("intake") > 1:
            return case
    pytest.skip("the sample has no reopened case")


def test_a_reopened_case_keeps_its_episodes_apart(casebook: Path, site: Path) -> None:
    case = reopened_case(casebook)
    html = read(site, f"cases/{case}/")
    log = section(html, "activity-log")
    assert "1차 사례관리" in log and "2차 사례관리 (재개)" in log
    episodes = [a.get("data-episode") for t, a in tags(html) if t == "tbody" and a.get("data-plan")]
    assert episodes == sorted(episodes) and {"1", "2"} <= set(episodes)
    # a goal id means one goal within each episode's activity log
    parts = re.split(r'<h3 id="act-ep\d+"', html.split('data-testid="activity-log"')[1].split("</section>")[0])[1:]
    assert len(parts) == 2
    for part in parts:
        texts: dict[str, set[str]] = {}
        for gid, text in re.findall(r'class="ck-goal-ref">(G\d+)</strong><small class="ck-goal-text"> ([^<]*)<', part):
            texts.setdefault(gid, set()).add(text)
        assert texts and all(len(v) == 1 for v in texts.values()), texts


def test_a_plan_shows_each_goal_text_once_in_its_row(casebook: Path, site: Path) -> None:
    """A plan's goals table: the goal's id column shows G1 alone (named 목표 ID), its text stands in
    the 목표 column once (it stood beside the id too); the services table keeps the text beside
    the goal it serves."""
    html = read(site, f"cases/{rich_case(casebook)}/")
    tables = [t for t in re.findall(r'<table class="ck-data">.*?</table>', html, re.S)
              if '<th data-field="id"' in t and '<th data-field="goal"' in t]
    assert tables
    for table in tables:
        assert '<th data-field="id" scope="col">목표 ID</th>' in table
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S):
            goal = re.search(r'<td data-label="목표" data-field="goal">([^<]*)</td>', row)
            assert goal is not None and row.count(goal.group(1)) == 1, row
    services = re.findall(r'<td data-label="목표" data-field="goal"><strong class="ck-goal-ref">G\d+</strong>'
                          r'<small class="ck-goal-text"> [^<]+</small></td>', html)
    assert services


def test_goal_text_is_shown_and_achieved_goals_never_read_in_progress(casebook: Path, site: Path) -> None:
    case = rich_case(casebook)
    html = read(site, f"cases/{case}/")
    assert 'class="ck-goal-text"' in section_html(html, "activity-log")
    achieved = re.findall(r'<tr data-goal="[^"]+" data-status="achieved".*?</tr>', html, re.S)
    assert achieved, "the richest case has goals a 점검 marked achieved"
    for row in achieved:
        result = row.rsplit("<td", 1)[-1]  # the 종결 결과 column
        assert "진행 중" not in result and ("달성" in result or "수정 계획" in result), row


def section_html(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[start:start + 200_000]


def test_timeline_dots_are_named_and_labels_sit_apart(casebook: Path, site: Path) -> None:
    case = rich_case(casebook)
    html = read(site, f"cases/{case}/")
    dots = [a for t, a in tags(html) if t == "a" and "ck-tl-dot" in (a.get("class") or "")]
    assert dots and all(re.fullmatch(r"\d\d \S+(\(.+\))? \d{4}-\d\d-\d\d", a.get("aria-label") or "") for a in dots)
    assert "기준일 11-20" in section(html, "timeline")
    css = (site / "assets" / "casekit" / "casekit.css").read_text(encoding="utf-8")
    today = re.search(r"\.ck-tl-today > span \{([^}]*)\}", css)
    due = re.search(r"\.ck-tl-due > span \{([^}]*)\}", css)
    assert today and due and "top:" in today.group(1) and "bottom:" in due.group(1), "labels on opposite sides"
    assert ".ck-flip > span" in css


def test_referrals_at_intake_and_closure_show_on_the_case_and_the_resource(sample: Path) -> None:
    from casekit.site.generate import generate

    closure = next(p for p in sorted((sample / "cases").glob("*/*-closure.md"))
                   if "reason: referred" in p.read_text(encoding="utf-8"))
    resource = sorted((sample / "resources").glob("*.md"))[0].stem
    text = re.sub(r"^referred_to: .*\n", "", closure.read_text(encoding="utf-8"), flags=re.MULTILINE)  # (another agency)
    closure.write_text(text.replace("reason: referred\n", f"reason: referred\nreferred_to: {resource}\n", 1),
                       encoding="utf-8")
    report = check(sample, keep=True)
    assert not report.errors, report.errors
    pages = {p.src_uri: p.markdown for p in generate(report, TODAY).pages}
    case = closure.parent.name
    linked = re.search(r'<li data-resource="' + re.escape(resource) + r'" data-via="([^"]*)"', pages[f"cases/{case}.md"])
    assert linked and "closure" in linked.group(1).split()
    assert "종결 때 의뢰" in pages[f"cases/{case}.md"]
    assert f'<tr data-case="{case}" data-via="closure"' in pages[f"resources/{resource}.md"]


# -- dashboard -----------------------------------------------------------------------------------


def test_closed_cases_show_their_reason_and_latest_followup(casebook: Path, site: Path) -> None:
    html = read(site, "")
    closed = section(html, "recent-closures")
    report = check(casebook, keep=True)
    labels = report.schemas.enum_labels("closure", ("reason",))
    for rel, parsed in report.parsed.items():
        if rel.endswith("-closure.md"):
            assert labels[parsed.data["reason"]] in closed, rel
    assert "최근 사후관리" in html and ("안정" in closed or "지원 필요" in closed)


def test_unmet_needs_and_undelivered_services_are_counted(site: Path) -> None:
    gaps = section(read(site, ""), "gaps")
    assert "제공 안 됨" in gaps and "일부 제공" in gaps
    needs = read(site, "needs/")
    assert "계획에 없는 욕구" in needs and "제공 안 됨·일부" in needs


def test_caseload_limit_and_weights_come_from_casekit_yml(sample: Path) -> None:
    from casekit.site.generate import generate

    cfg = sample / "casekit.yml"
    text = re.sub(r"^caseload:.*?(?=^\S|\Z)", "", cfg.read_text(encoding="utf-8"), flags=re.M | re.S)
    cfg.write_text(text + "caseload:\n  limit: 2\n  weights: {crisis: 5}\n", encoding="utf-8")
    report = check(sample, keep=True)
    assert not report.errors, report.errors
    home = next(p.markdown for p in generate(report, TODAY).pages if p.src_uri == "index.md")
    assert "한도 2" in home and "위기 5" in home and "한도 넘음" in home


def test_a_bad_caseload_setting_is_a_finding_not_a_guess(sample: Path) -> None:
    cfg = sample / "casekit.yml"
    text = re.sub(r"^caseload:.*?(?=^\S|\Z)", "", cfg.read_text(encoding="utf-8"), flags=re.M | re.S)
    cfg.write_text(text + "caseload:\n  limit: many\n  weights: {urgent: 2}\n", encoding="utf-8")
    report = check(sample)
    details = [f.message_en for f in report.findings if f.code == "config-invalid"]
    assert any("caseload.limit" in d for d in details) and any("caseload.weights.urgent" in d for d in details)
    assert report.config.caseload["limit"] == 20


def test_the_plugins_caseload_limit_is_a_deprecated_alias(sample: Path, tmp_path: Path,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(str(sample / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    config.plugins["casekit"].config["today"] = TODAY
    config.plugins["casekit"].config["caseload_limit"] = 3
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.casekit"):
        build(config)
    assert any("caseload_limit" in r.getMessage() and "casekit.yml" in r.getMessage() for r in caplog.records)
    assert "한도 3" in section(read(tmp_path / "out", ""), "caseload")


def test_every_case_has_a_one_page_summary_left_out_of_search(casebook: Path, site: Path) -> None:
    """/cases/<id>/summary/ for every case: the summary card, current goals, links that reach the
    case page's records; never a search result (the case page answers every query)."""
    case = rich_case(casebook)
    to_records = 0
    for cid in cases_on_disk(casebook):
        card = read(site, f"cases/{cid}/summary/").split('data-testid="case-summary"')[1].split("</section>")[0]
        assert re.findall(r'href="#', card) == [], f"{cid}: a link to an anchor the summary page lacks"
        to_records += len(re.findall(r'href="\.\./#', card))
    assert to_records > 0, "closed cases link their 종결 and 사후관리 records on the case page"
    html = read(site, f"cases/{case}/summary/")
    assert 'data-testid="case-summary"' in html and 'data-testid="summary-goals"' in html
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "/summary/" not in index


def test_el_escapes_text_and_attributes_as_markupsafe_does() -> None:
    """casekit.site.html escapes plain strings itself (fast); the bytes must be markupsafe's."""
    import random

    from markupsafe import escape

    from casekit.site.html import Markup, el, join

    rng = random.Random(7)
    alphabet = "a가<>&'\"=; \n○"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert el("td", {"title": text, "data-x": 3, "hidden": True, "no": None}, text, 5, None, [text, Markup("<b>x</b>")]) == (
            f'<td title="{escape(text)}" data-x="3" hidden>{escape(text)}5{escape(text)}<b>x</b></td>\n')
        assert join([text, Markup("<i>")], ", ") == f"{escape(text)}, <i>"
        assert type(el("span", None, text)) is Markup


def test_relative_urls_are_posixpaths_relpath() -> None:
    import itertools
    import posixpath

    from casekit.site.html import _relpath, relative_url

    paths = ["", "cases", "cases/x", "cases/x/y", "a/b", "a", "cases/_p2", "x/./y", "a//b", "due"]
    for dest, start in itertools.product(paths, paths):
        assert _relpath(dest or ".", start or ".") == posixpath.relpath(dest or ".", start or ".")
    assert relative_url("cases/2026-0001/", "workers/kim.sw/") == "../../cases/2026-0001/"
    assert relative_url("", "cases/x/") == "../../" and relative_url("cases/x/", "cases/x/") == "./"


def test_values_are_shown_in_the_practice_words_without_their_codes(casebook: Path, site: Path) -> None:
    """대상자 구분, 종결 사유 and the gap columns say 고난도, 목표 달성, 계획에 없는 욕구: the
    schema's code (intensive, goals_achieved, unmet) stays in a data- attribute for tools, not in
    the text a worker reads beside the word (it read 고난도 (intensive))."""
    report = check(casebook)
    codes = {code for kind in report.schemas.schemas for code in _enum_codes(report.schemas.schemas[kind])}
    codes |= {"unmet", "partly", "not_delivered"}
    assert {"intensive", "goals_achieved", "moved"} <= codes
    pages = [site / "index.html", *sorted((site / "stages").rglob("index.html")), *sorted((site / "cases").rglob("index.html"))]
    shown = []
    for page in pages:
        text = re.sub(r"<(script|style)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)
        for code in re.findall(r"\(([a-z]+(?:_[a-z]+)*)\)", re.sub(r"<[^>]+>", "", text)):
            if code in codes:
                shown.append(f"{page.relative_to(site)}: ({code})")
    assert shown == []
    summary = read(site, f"cases/{rich_case(casebook)}/summary/")
    assert re.search(r'<dt>대상자 구분</dt>\s*<dd><span data-case-type="[a-z_]+">[가-힣]', summary)


def _enum_codes(schema: object) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "enum" and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _enum_codes(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _enum_codes(value)
