"""What the case pages show of practice, from real `casekit build`s of copies of the sample:
the site and `casekit status` agree (one case model), 사례회의, 대상자 구분, household and ecomap,
consent history, culture, handovers, "마지막 변경" from a real git history, the due kinds, and a
restricted case whose narratives reach no output file (canary sentences planted in every field).
"""

from __future__ import annotations

import datetime as dt
import gzip
import html as htmllib
import json
import os
import re
import subprocess
import urllib.parse
from pathlib import Path

import pytest
import yaml

from casekit.core.casebook import check
from casekit.core.due import KIND_KO
from casekit.site.build import BuildResult, build
from tests.browser_support import browser  # noqa: F401  (a fixture: real headless Chromium)
from tests.conftest import copy_casebook
from tests.test_site import read, section, tags

pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 11, 20)
SUBJECT = "커밋 제목은 사이트에 나오지 않아야 함 zz-subject-91"
EMAIL = "hidden.author.zz91@example.org"
RESTRICTED = "2026-0010"


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "kim", "GIT_AUTHOR_EMAIL": EMAIL, "GIT_COMMITTER_NAME": "kim",
           "GIT_COMMITTER_EMAIL": EMAIL, "GIT_AUTHOR_DATE": "2026-11-18T09:00:00+09:00",
           "GIT_COMMITTER_DATE": "2026-11-18T09:00:00+09:00", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root)}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with a handover in 2026-0001, committed to a real git repository, one file changed since."""
    root = copy_casebook(tmp_path_factory.mktemp("content") / "casebook")
    (root / "cases" / "2026-0001" / "handover.yml").write_text(
        "handovers:\n  - date: \"2026-11-02\"\n    from: kim.sw\n    to: park.sw\n    reason: \"육아휴직\"\n",
        encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", SUBJECT)
    path = root / "cases" / "2026-0002" / "01-intake.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n추가한 문단.\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(book: Path) -> BuildResult:
    result = build(book, book.parent / "site", today=TODAY)
    assert not result.errors, result.errors
    return result


def output_text(site_dir: Path) -> dict[Path, str]:
    """Every output file as text: gzip opened, JSON also with its escapes undone."""
    out = {}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        if path.suffix == ".json":
            text += json.dumps(json.loads(text), ensure_ascii=False)
        out[path] = text + htmllib.unescape(text) + urllib.parse.unquote(text)
    return out


def test_site_and_status_agree_on_every_case(book: Path, built: BuildResult, run) -> None:
    result = run(book, "status", "--format", "json", "--today", TODAY.isoformat())
    assert result.exit_code == 0, result.output
    rows = {r["case"]: r for r in json.loads(result.stdout)["cases"]}
    assert set(rows) == set(built.site.cases)
    for cid, case in built.site.cases.items():
        row = rows[cid]
        assert (case.worker, case.stage, case.closed) == (row["worker"], row["stage"], row["closed"]), cid
        assert case.case_type == row["case_type"] and case.restricted == row["restricted"], cid
        nxt = row["next"]
        assert (case.due.kind, case.due.due.isoformat()) == (nxt["kind"], nxt["due"]) if nxt else case.due is None, cid
        html = read(built.site_dir, f"cases/{cid}/")
        card = [a for t, a in tags(html) if a.get("data-testid") == "case-summary"][0]
        assert card["data-stage"] == row["stage"], cid
    assert rows["2026-0001"]["worker"] == "park.sw"  # the handover counts from its date


def test_handover_shows_the_current_worker_and_the_entries(built: BuildResult) -> None:
    html = read(built.site_dir, "cases/2026-0001/")
    card = section(html, "case-summary")
    assert "park.sw" in card and "2026-11-02" in card and "육아휴직" in card
    assert "kim.sw" in section(html, "handovers") and "→" in section(html, "handovers")
    worker = read(built.site_dir, "workers/park.sw/")
    assert any(t == "tr" and a.get("data-case") == "2026-0001" for t, a in tags(worker))
    assert "2026-0001" in section(worker, "caseload")


def test_conference_records_show_participants_by_agency_and_role_decisions_tasks_next_meeting(
        book: Path, built: BuildResult) -> None:
    report = check(book, keep=True)
    for rel, parsed in report.parsed.items():
        if not rel.endswith("-conference.md") or rel.startswith(f"cases/{RESTRICTED}/"):
            continue
        data = parsed.data
        html = read(built.site_dir, f"cases/{rel.split('/')[1]}/")
        conf = section(html, "conferences")
        for p in data["participants"]:
            assert p["agency"] in conf and p["role"] in conf
            assert "name" not in p or p["name"] not in html
        for d in data.get("decisions", []):
            assert d in conf
        for t in data.get("tasks", []):
            assert t["task"] in conf and t["who"] in conf and t["due"] in conf
        if data.get("next_meeting"):
            assert f"다음 회의 {data['next_meeting']}" in conf


def test_summary_card_shows_case_type_risk_score_and_rationale(book: Path, built: BuildResult) -> None:
    report = check(book, keep=True)
    latest: dict[str, dict] = {}
    for rel, parsed in sorted(report.parsed.items()):
        if isinstance(parsed.data.get("selection"), dict):
            latest[rel.split("/")[1]] = parsed.data["selection"]
    assert latest
    labels = {"intensive": "고난도", "general": "일반", "service_linkage": "서비스연계"}
    for cid, sel in latest.items():
        card = section(read(built.site_dir, f"cases/{cid}/"), "case-summary")
        assert labels[sel["case_type"]] in card, cid
        if "risk_score" in sel:
            assert f"위기도 점수 {sel['risk_score']}" in card, cid
        assert (sel["rationale"] in card) != (cid == RESTRICTED), cid  # a restricted case: no rationale


def test_summary_card_says_how_the_case_went(book: Path, built: BuildResult) -> None:
    """A case reopened says so (1회 재개), one closed the day of its intake too (접수 당일 종결), each
    in a `course` field search weighs as the page's title (`search_index.LABEL_FIELDS`)."""
    pages = {cid: read(built.site_dir, f"cases/{cid}/") for cid in ("2026-0003", "2026-0006", "2026-0007")}
    assert section(pages["2026-0003"], "case-summary").endswith("· 접수 당일 종결")
    assert '<span data-field="course"> · 접수 당일 종결</span>' in pages["2026-0003"]
    assert section(pages["2026-0006"], "case-summary").endswith("· 1회 재개")
    assert '<span data-field="course"> · 1회 재개</span>' in pages["2026-0006"]
    assert 'data-field="course"' not in pages["2026-0007"]  # closed, not the day of its intake, never reopened


def test_household_ecomap_consent_and_culture(book: Path, built: BuildResult) -> None:
    report = check(book, keep=True)
    html = read(built.site_dir, "cases/2026-0013/")
    household = section(html, "household")
    intake = report.parsed["cases/2026-0013/01-intake.md"].data
    for m in intake["household_members"]:
        assert m["relation"] in household
        assert "name" not in m or m["name"] not in html
    assert "<svg" in html and 'data-testid="ecomap"' in html and "<script" not in section(html, "ecomap")
    card = section(html, "case-summary")
    assert "사용 언어" in card and intake["client"]["language"] in card and "통역 예" in card
    guardian = read(built.site_dir, "cases/2026-0011/")
    consents = section(guardian, "consents")
    assert "법정대리인 (조모(미성년후견인))" in consents and "철회" in consents
    assert "정옥순" not in guardian
    actions = [a.get("data-action") for t, a in tags(guardian) if t == "tr" and a.get("data-action")]
    assert "withdrawn" in actions and actions.index("withdrawn") > actions.index("given")


def test_records_show_their_last_change_and_never_a_commit_subject_or_email(built: BuildResult) -> None:
    html = read(built.site_dir, "cases/2026-0001/")
    assert "마지막 변경: 2026-11-18 · " in html
    # no history.authors here: who is the record's worker, and says so (not the committer)
    assert re.search(r"마지막 변경: 2026-11-18 · [a-z.]+ \(기록상 담당\)", html)
    assert "마지막 변경: 커밋 전 변경" in read(built.site_dir, "cases/2026-0002/")
    for path, text in output_text(built.site_dir).items():
        assert "zz-subject-91" not in text and EMAIL not in text, path


def test_due_pages_list_every_kind_with_its_korean_label(built: BuildResult) -> None:
    site = built.site
    kinds = {d.kind for d in site.every_due}
    assert len(kinds) > len({d.kind for d in site.dues}), "every_due should show more kinds than the next step"
    text = "".join(read(built.site_dir, u) for u in ["due/"] + [f"due/_p{n}/" for n in range(2, 9)
                                                              if (built.site_dir / f"due/_p{n}").is_dir()])
    for kind in kinds:
        assert KIND_KO[kind] in text, kind
    home = section(read(built.site_dir, ""), "due-kinds")
    late = {d.kind for d in site.every_due if d.state(TODAY, site.soon_days) != "upcoming"}
    for kind in late:
        assert KIND_KO[kind] in home, kind


def test_practice_sections_print(built: BuildResult, browser, tmp_path: Path) -> None:  # noqa: F811
    """In Chromium's print view the 사례회의, household with its ecomap, consent history and the
    대상자 구분 are all shown, and the page prints to a PDF."""
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((built.site_dir / "cases" / "2026-0013" / "index.html").as_uri())
        page.emulate_media(media="print")
        for testid in ("conferences", "household", "ecomap", "consents"):
            assert page.locator(f"[data-testid={testid}]").first.is_visible(), testid
        assert page.locator("[data-field=case-type]").is_visible()
        box = page.locator("svg.ck-ecomap").bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 100
        pdf = tmp_path / "case.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        assert pdf.read_bytes().startswith(b"%PDF-")
        assert all(u.startswith(("file:", "data:")) for u in requests), [u for u in requests if not u.startswith("file:")]
    finally:
        context.close()


# -- a restricted case's narratives reach no output file -----------------------------------------
HANGUL = re.compile(r"[가-힣]")
FIELD = re.compile(r"^(\s*(?:- )?(?:[A-Za-z_]+:[ \t]+)?)(.*)$")


def plant(folder: Path) -> list[str]:
    """Every Hangul value in the front matter and every body line of every record: a unique canary."""
    canaries: list[str] = []

    def canary() -> str:
        canaries.append(f"qz{len(canaries):04d}xk")
        return f"뀷쀍퉯 문장 {canaries[-1]} 입니다"

    for path in sorted(folder.glob("[0-9][0-9]-*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        lines = []
        for line in front.splitlines():
            m = FIELD.match(line)
            assert not line.rstrip().endswith(("|", ">")), f"{path.name}: block scalars are not planted"
            lines.append(f'{m.group(1)}"{canary()}"' if m and HANGUL.search(m.group(2)) else line)
        body_lines = [(re.match(r"#*\s*", ln).group(0) + canary()) if ln.strip() else ln for ln in body.splitlines()]
        path.write_text("---\n" + "\n".join(lines) + "\n---\n" + "\n".join(body_lines) + "\n", encoding="utf-8")
        yaml.safe_load(front)  # the original parsed; the planted one must too
        yaml.safe_load("\n".join(lines))
    return canaries


def test_a_restricted_cases_narratives_reach_no_output_file(tmp_path: Path) -> None:
    root = copy_casebook(tmp_path / "casebook")
    canaries = plant(root / "cases" / RESTRICTED)
    assert len(canaries) > 60
    report = check(root)
    assert not report.errors, [f.message_ko for f in report.errors]
    result = build(root, tmp_path / "site", today=TODAY)
    assert not result.errors, result.errors
    html = read(result.site_dir, f"cases/{RESTRICTED}/")
    assert "열람 제한" in html and "lee.sw" in html and "2026-11-12" in html  # the summary is there
    assert 'data-restricted="domestic_violence"' in read(result.site_dir, "cases/")
    files = output_text(result.site_dir) | output_text(root / ".casekit" / "build" / "docs")
    assert any(p.name == "search_index.json" for p in files)
    for path, text in files.items():
        assert "뀷쀍퉯" not in text, path
        found = [c for c in canaries if c in text]
        assert not found, f"{path}: {found[:5]}"
    # outside git: no "마지막 변경", and the build says why
    assert "마지막 변경:" not in html
    assert any("git" in n for n in result.notes)


def test_a_reopened_case_before_its_new_assessment_shows_no_old_risk_type_or_goals(tmp_path: Path) -> None:
    """A reopening starts a new episode: 위기도, 대상자 구분 and the goals are decided again (DOMAIN.md). Before
    the new assessment the case page said 위기도 보통, 대상자 구분 일반 and 진행 중 목표 "모두 달성" from the closed
    episode; `status --format json` gave the old case_type."""
    from casekit.core.case import Case
    from casekit.site.generate import generate
    from tests.builders import FULL_PATH, make_casebook

    selected = {"type": "initial", "selection": {"case_type": "general", "risk_score": 40, "rationale": "위기 신호 없음"}}
    path = [FULL_PATH[0], ("assessment", "2026-03-05", selected), *FULL_PATH[2:],
            ("intake", "2026-09-01", {"reopening": {"reason": "다시 위기", "previous_closure": "2026-06-30"}})]
    root = make_casebook(tmp_path, {"c1": path})
    report = check(root, keep=True)
    assert not report.errors, report.errors
    assert Case.of("c1", report.summaries["c1"]).case_type is None  # to be decided after the new assessment
    made = generate(report, dt.date(2026, 9, 3))
    case = made.site.cases["c1"]
    assert case.risk is None and case.assessment is None and case.case_type is None and case.open_goals() == []
    page = {p.src_uri: p for p in made.pages}["cases/c1.md"]
    text = page.markdown + "".join(page.blocks)
    assert "모두 달성" not in text.split("## ")[0] and "아직 계획이 없습니다" in text
    assert 'data-case-type="general"' not in text


def test_home_counts_records_and_resources_as_check_does_and_the_due_rules_name_each_interval(tmp_path: Path) -> None:
    """The home page said "기록 98개 검사 통과" for the sample's 83 records and 15 resources (`casekit check`:
    기록 83개, 자원 15개); the due page's rules gave 계획 수정 the assessment's 10 days (it is revised_plan_days,
    14) and left out the closure after a decision to close and the 고난도 monitoring interval."""
    from casekit.site.generate import generate
    from tests.builders import FULL_PATH, make_casebook

    root = make_casebook(tmp_path, {"c1": FULL_PATH[:3], "c2": FULL_PATH[:2]})
    (root / "casekit.yml").write_text("deadlines:\n  revised_plan_days: 21\n  closure_days: 9\n"
                                      "  monitoring_days_intensive: 12\n", encoding="utf-8")
    report = check(root, keep=True)
    assert not report.errors, report.errors
    pages = {p.src_uri: p for p in generate(report, dt.date(2026, 4, 2)).pages}
    home = pages["index.md"].markdown + "".join(pages["index.md"].blocks)
    assert "기록 5개, 자원 1개 검사 통과" in home
    due = pages["due.md"].markdown + "".join(pages["due.md"].blocks)
    assert "재사정: 점검에서 결정한 뒤 10일 이내" in due and "계획 수정: 점검에서 결정한 뒤 21일 이내 (revised_plan_days)" in due
    assert "종결: 점검에서 종결을 결정한 뒤 9일 이내 (closure_days)" in due
    assert "고난도 사례는 12일 (monitoring_days_intensive)" in due


def test_a_restricted_or_closed_cases_goals_are_said_truly_on_its_pages(book: Path, built: BuildResult) -> None:
    """2026-0010 has four goals in progress, withheld: its summary said "진행 중인 목표가 없습니다" and
    its card could say "모두 달성"; a closed case's summary pointed at a results table it does not
    hold (found by a supervisor's probe)."""
    for rel in (f"cases/{RESTRICTED}/", f"cases/{RESTRICTED}/summary/"):
        html = read(built.site_dir, rel)
        assert "진행 중인 목표가 없습니다" not in html and "모두 달성" not in html, rel
    assert "열람 제한 사례라 목표를 싣지 않습니다" in read(built.site_dir, f"cases/{RESTRICTED}/summary/")
    closed = read(built.site_dir, "cases/2026-0011/summary/")
    assert "아래 표" not in closed and "목표별 결과는 전체 기록의 목표와 경과" in closed
