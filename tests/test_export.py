"""`casekit export` and `casekit report`: files that parse back, no sensitive value unless asked
(canaries planted in every x-sensitive field of a copy of the sample), Excel-safe CSV, exact counts."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from casekit.core.export import safe_cell
from casekit.core.schemas import SchemaSet, sensitive_values
from tests.builders import FULL_PATH, make_casebook, read_pty
from tests.test_leak import plant, read_record, records


def parse_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 byte-order mark for Excel"
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")  # RFC 4180 line ends (none inside cells here)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def export(run, root: Path, *args: str) -> tuple[bytes, str]:
    out = root / "out.file"
    result = run(root, "export", *args, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out.read_bytes(), result.output


def test_csv_and_json_parse_back_on_the_sample(sample: Path, run) -> None:
    data, _ = export(run, sample)
    rows = parse_csv(data)
    assert [r["사례 번호"] for r in rows] == sorted(p.name for p in (sample / "cases").iterdir())
    first = rows[0]
    assert first["상태"] == "종결" and first["종결 사유"] == "목표 달성" and first["담당자"] == "kim.sw"
    assert first["욕구 영역"] == "경제; 고용; 건강" and first["목표별 최근 결과"] == "G1: 달성; G2: 달성; G3: 달성"
    payload = json.loads(export(run, sample, "--format", "json", "--activities")[0])
    assert [c["case"] for c in payload["cases"]] == [r["사례 번호"] for r in rows]
    assert payload["cases"][0]["need_domains"] == ["경제", "고용", "건강"]
    activities = parse_csv(export(run, sample, "--activities")[0])
    assert len(activities) == len(payload["activities"]) > 10
    assert {a["활동 유형(한글)"] for a in activities} >= {"연계", "위기개입", "상담·치료"}
    assert all(a["사례 번호"] and a["활동일"] for a in activities)
    # what practice records beyond the seven stages: 대상자 구분, 열람 제한, 사례회의
    by_id = {r["사례 번호"]: r for r in rows}
    assert by_id["2026-0002"]["대상자 구분"] == "고난도" and by_id["2026-0002"]["위기도 점수"].isdigit()
    assert by_id["2026-0010"]["열람 제한"] and not by_id["2026-0001"]["열람 제한"]
    assert sum(int(r["사례회의 수"]) for r in rows) >= 2
    assert all(r["현재 단계"] != "conference" for r in rows)  # a 사례회의 does not move the stage


def case_canaries(root: Path) -> set[str]:
    schemas = SchemaSet.load(root / "schemas")
    out = set()
    for path, kind in records(root):
        if kind != "resource":
            data, _ = read_record(path)
            out |= {v for _, v in sensitive_values(data, schemas.sensitive_paths[kind])}
    return out


@pytest.mark.slow
def test_no_sensitive_value_unless_asked(sample: Path, run) -> None:
    canaries = plant(sample)
    planted = case_canaries(sample)
    assert canaries.planted > 50 and len(planted) > 50
    assert run(sample, "check").exit_code == 0
    outputs = {
        "csv": export(run, sample)[0], "json": export(run, sample, "--format", "json", "--activities")[0],
        "activities": export(run, sample, "--activities")[0],
        "report": run(sample, "report", "--month", "2026-04", "--format", "json").output.encode(),
        "xlsx": xlsx_text(export(run, sample, "--format", "xlsx", "--activities")[0]).encode(),
    }
    for name, data in outputs.items():
        text = data.decode("utf-8-sig")
        leaked = [n for n in canaries.needles if n in text]
        assert leaked == [], f"{name} export leaks {leaked[:3]}"

    data, err = export(run, sample, "--include-sensitive")
    assert "경고: --include-sensitive로 민감 정보" in err
    text = data.decode("utf-8-sig")
    assert {v for v in planted if v not in text} == set()
    header = parse_csv(data)[0].keys()
    assert "민감:intake.client.name" in header and "민감:intake.client.resident_number" in header
    full = json.loads(export(run, sample, "--format", "json", "--include-sensitive")[0])
    assert {v for v in planted if v not in json.dumps(full, ensure_ascii=False)} == set()
    book = xlsx_text(export(run, sample, "--format", "xlsx", "--include-sensitive")[0])
    assert {v for v in planted if v not in book} == set()


PASTED = {  # what a worker types into free text: the client's name, given name, phone and resident number
    "plan": ('goal: "기초생활수급(생계·주거급여) 결정을 받아', 'goal: "박영수 님이 기초생활수급(생계·주거급여) 결정을 받아'),
    "intervention": ("클라이언트가 서류 목록을 직접 적어 갔다.",
                     "영수씨 휴대폰 010 0000 1001로 문자 보냄. 주민번호 690721-1000000 확인. 옆집 010-7777-1234."),
}


@pytest.mark.parametrize("args", [(), ("--activities",), ("--format", "json", "--activities"),
                                  ("--format", "xlsx", "--activities")])
def test_a_name_or_number_typed_into_free_text_is_masked_and_said(sample: Path, run, args: tuple[str, ...]) -> None:
    """check calls them errors and build refuses them: an export (for Excel, for e-mail) masks them
    as the site would, says so on stderr, and gives them back only with --include-sensitive."""
    if "xlsx" in args:
        pytest.importorskip("openpyxl")
    for name, (old, new) in PASTED.items():
        path = next((sample / "cases/2026-0001").glob(f"*-{name}.md"))
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    data, err = export(run, sample, *args)
    text = xlsx_text(data) if "xlsx" in args else data.decode("utf-8-sig")
    for value in ("박영수", "영수씨", "0000 1001", "690721", "7777-1234"):
        assert value not in text, (args, value)
    csv_of_activities = args == ("--activities",)  # (the activity rows only: no goals)
    assert csv_of_activities or "○○○ 님이 기초생활수급" in text
    if "--activities" in args:
        assert "○○씨 휴대폰" in text and "○○○○○○-○○○○○○○ 확인" in text
    assert "개인정보" in err and "○로 가려" in err and "2026-0001 목표 G1" in err
    assert "casekit check" in err
    full, err = export(run, sample, *args, "--include-sensitive")
    full_text = xlsx_text(full) if "xlsx" in args else full.decode("utf-8-sig")
    assert (csv_of_activities or "박영수 님이" in full_text) and "○로 가려" not in err
    if "--activities" in args:
        assert "690721-1000000 확인" in full_text


def test_nothing_is_masked_in_the_sample(sample: Path, run) -> None:
    """The masking has no false alarm on a casebook check passes: every goal and 내용 as written."""
    data, err = export(run, sample, "--format", "json", "--activities")
    assert "○" not in data.decode("utf-8") and "개인정보" not in err


def xlsx_text(data: bytes) -> str:
    """Every XML part of a workbook, as text with its character references read (what anyone
    unzipping it would read: openpyxl writes Hangul as &#52852; when lxml is installed, and a
    value leaked that way must still be found)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "\n".join(html.unescape(z.read(name).decode("utf-8")) for name in z.namelist())


def test_xlsx_parses_back_with_both_sheets_and_no_formula(tmp_path: Path, run) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    act = ("intervention", "2026-04-20", {"activities": [
        {"date": "2026-04-10", "type": "linking", "goal": "G1", "summary": "=1+1 계산하지 마세요"}]})
    root = make_casebook(tmp_path / "b", {"c1": [*FULL_PATH[:3], act], "c2": FULL_PATH})
    data, _ = export(run, root, "--format", "xlsx", "--activities")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["사례", "활동"]
    cases = [[c.value for c in row] for row in book["사례"].iter_rows()]
    assert cases[0][:4] == ["사례 번호", "현재 단계", "현재 단계(한글)", "상태"]
    assert [r[0] for r in cases[1:]] == ["c1", "c2"] and cases[2][3] == "종결"
    summary = book["활동"]["J2"]
    assert (summary.value, summary.data_type) == ("=1+1 계산하지 마세요", "s")
    assert "<f>" not in xlsx_text(data)
    assert run(root, "export", "--format", "xlsx").exit_code == 2  # a workbook is written to a file only


def test_formula_injection_guard_and_quoting(tmp_path: Path, run) -> None:
    plan = ("plan", "2026-04-01", {"goals": [
        {"id": "G1", "need": "N1", "goal": '=HYPERLINK("http://x","클릭"), 쉼표와 "따옴표"', "target_date": "2026-06-30"}]})
    root = make_casebook(tmp_path / "b", {"c1": [*FULL_PATH[:2], plan]})
    rows = parse_csv(export(run, root)[0])
    assert rows[0]["목표"] == 'G1 =HYPERLINK("http://x","클릭"), 쉼표와 "따옴표"'  # starts with G1: safe as it is
    for value, expected in [("=1+1", "'=1+1"), ("+82", "'+82"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                            ("\t=x", "'\t=x"), ("보통", "보통"), (3, 3), (True, "예"), (["a", "=b"], "a; =b"), (None, ""),
                            # after white space (trimmed on import), and full-width or small forms
                            (" =1+1", "' =1+1"), ("\u3000=1+1", "'\u3000=1+1"), ("\xa0@SUM(A1)", "'\xa0@SUM(A1)"),
                            ("＝1+1", "'＝1+1"), ("＋82", "'＋82"), ("﹦1", "'﹦1"), ("－2", "'－2"), ("＠x", "'＠x"),
                            ("1=1", "1=1"), ("  보통", "  보통"), ("２０２６", "２０２６"),
                            # after invisible format characters: zero-width space, BOM, word joiner, soft hyphen
                            ("\u200b=1+1", "'\u200b=1+1"), ("\ufeff@SUM(A1)", "'\ufeff@SUM(A1)"),
                            ("\u2060\u200d+82", "'\u2060\u200d+82"), ("\xad-2", "'\xad-2"), ("\u200b보통", "\u200b보통")]:
        assert safe_cell(value) == expected


def test_formula_guard_on_a_whole_cell(tmp_path: Path, run) -> None:
    act = ("intervention", "2026-04-20", {"activities": [
        {"date": "2026-04-10", "type": "linking", "goal": "G1", "summary": "=cmd|'/c calc'!A1"}]})
    root = make_casebook(tmp_path / "b", {"c1": [*FULL_PATH[:3], act]})
    rows = parse_csv(export(run, root, "--activities")[0])
    assert rows[0]["내용"] == "'=cmd|'/c calc'!A1"


def test_monthly_report_writes_a_records_text_as_text_never_as_a_formula_or_a_control(tmp_path: Path, run) -> None:
    """A need domain, an activity type (a record's own text, valid or not) that starts like a formula
    or holds an escape sequence or a bidi override is counted under a key that is safe in every format:
    the CSV cell starts with an apostrophe (as export writes it), nothing reaches a terminal raw."""
    domain = '=HYPERLINK("http://x","클릭")\x1b[2J\u202e'
    assess = ("assessment", "2026-03-05", {"needs": [{"id": "N1", "domain": domain, "description": "생계"}]})
    act = ("intervention", "2026-04-20", {"activities": [
        {"date": "2026-04-10", "type": "@SUM(1)\x1b]52;c;eA==\x07", "goal": "G1", "summary": "방문"}]})
    root = make_casebook(tmp_path / "b", {"c1": [FULL_PATH[0], assess, FULL_PATH[2], act]})
    out = tmp_path / "april.csv"
    assert run(root, "report", "--month", "2026-04", "--format", "csv", "-o", str(out)).exit_code == 0
    cells = [cell for row in csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")) for cell in row]
    assert "'=HYPERLINK(\"http://x\",\"클릭\")\\x1b[2J\\u202e" in cells
    assert "'@SUM(1)\\x1b]52;c;eA==\\x07" in cells
    assert not [c for c in cells if c and c[0] in "=+-@"]
    for fmt in ("text", "json", "csv"):
        shown = run(root, "report", "--month", "2026-04", "--format", fmt).output
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", shown), fmt
        assert "\\x1b[2J" in shown.replace("\\\\", "\\")


def test_monthly_report_counts(tmp_path: Path, run) -> None:
    moved = [("intake", "2026-04-03", {}), ("closure", "2026-04-20", {"reason": "moved", "results": None})]
    root = make_casebook(tmp_path / "b", {
        "a": FULL_PATH,                 # intake 03-01 ... closure 06-30, follow-up 07-30
        "b": FULL_PATH[:5],             # open since 03-01
        "c": moved,                     # opened and closed (moved) in April
        "d": [("intake", "2026-05-02", {"worker": "lee.sw"})],
    })
    (root / "cases/b/handover.yml").write_text(
        "handovers:\n  - date: 2026-06-01\n    from: kim.sw\n    to: lee.sw\n", encoding="utf-8")
    assert run(root, "check").exit_code == 0
    april = json.loads(run(root, "report", "--month", "2026-04", "--format", "json").output)
    assert (april["opened"], april["closed"], april["open_at_end"], april["active"]) == (1, 1, 2, 3)
    assert april["closed_by_reason"] == {"moved": 1}
    assert april["open_by_worker"] == {"kim.sw": 2}
    assert april["need_domains"] == {"economy": 2}  # a and b were assessed; c never was
    assert april["activities_by_type"] == {"linking": 2}
    june = json.loads(run(root, "report", "--month", "2026-06", "--format", "json").output)
    assert (june["opened"], june["closed"], june["open_at_end"]) == (0, 1, 2)
    assert june["open_by_worker"] == {"lee.sw": 2}  # b handed over on 06-01, d is lee.sw's
    assert june["closed_by_reason"] == {"goals_achieved": 1}
    july = json.loads(run(root, "report", "--month", "2026-07", "--format", "json").output)
    assert july["followups"] == 1
    text = run(root, "report", "--month", "2026-04").output
    assert "2026-04 월간 사례관리 실적" in text and "전출·이사: 1건" in text and "경제: 2건" in text
    rows = list(csv.reader(io.StringIO(run(root, "report", "--month", "2026-04", "--format", "csv").output.lstrip("\ufeff"))))
    assert ["closed", "moved", "전출·이사", "1"] in rows
    assert run(root, "report", "--month", "2026-13").exit_code == 2


def test_the_report_lists_in_the_forms_order_and_says_a_month_is_not_over(sample: Path, run) -> None:
    """A supervisor's probe: need domains came by their English key (기타 between 경제 and 법률), and
    the current month's report counted `월말 진행 중` at a month's end not come yet, without a word."""
    from casekit.core.schemas import SchemaSet

    domains = list(SchemaSet.load(sample / "schemas").enum_labels("assessment", ("needs", "*", "domain")).values())
    text = run(sample, "report", "--month", "2026-11").output
    shown = [line.strip().split(":")[0] for line in text.splitlines() if line.startswith("    ")
             and line.strip().split(":")[0] in domains]
    assert len(shown) >= 5 and shown == [d for d in domains if d in shown] and shown[-1] == "기타", shown
    assert "아직 끝나지 않은 달" not in text and "월말 진행 중" in text
    partial = run(sample, "report", "--month", "2026-11", "--today", "2026-11-20")
    assert "※ 아직 끝나지 않은 달입니다: 2026-11-20까지의 기록으로 센 숫자" in partial.output, partial.output
    assert "2026-11-20 현재 진행 중" in partial.output and "월말 진행 중" not in partial.output
    data = json.loads(run(sample, "report", "--month", "2026-11", "--format", "json", "--today", "2026-11-20").stdout)
    assert (data["complete"], data["as_of"]) == (False, "2026-11-20")
    whole = json.loads(run(sample, "report", "--month", "2026-11", "--format", "json").output)
    assert (whole["complete"], whole["as_of"]) == (True, "2026-11-30")
    # records dated after the day counted up to are not counted (the 11-25 점검's activities)
    assert sum(data["activities_by_type"].values()) <= sum(whole["activities_by_type"].values())


def test_a_month_before_the_first_record_is_reported_and_said(sample: Path, run) -> None:
    """`casekit report 2025-11` (a year typed wrong for 2026-11) printed an all-zero report, exit 0: it
    could be handed in as the month's 실적. It is still printed, and stderr says the month has no record."""
    first = min(dt.date.fromisoformat(m.group(1)) for path in sample.glob("cases/*/*.md")
                if (m := re.search(r'^date: "?([0-9]{4}-[0-9]{2}-[0-9]{2})', path.read_text(encoding="utf-8"), re.M)))
    year_before = f"{first.year - 1:04d}-{first.month:02d}"
    for fmt in ("text", "json"):
        result = run(sample, "report", year_before, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert f"주의: {year_before}에는 기록이 없습니다(첫 기록 {first}). 연도를 확인하세요" in result.stderr, result.stderr
        assert "주의" not in result.stdout
    assert json.loads(result.stdout)["month"] == year_before
    said = run(sample, "report", "--month", f"{first.year - 1}년 {first.month}월").stderr
    assert f"주의: {year_before}에는 기록이 없습니다" in said, said
    assert "기록이 없습니다" not in run(sample, "report", first.strftime("%Y-%m")).stderr


def test_a_day_given_far_off_or_wrong_is_said_with_its_option(sample: Path, run) -> None:
    """`--today 0001-01-05` made the default month "1-01" (strftime writes the year 1 so) and refused it
    as not YYYY-MM; a wrong day was "값이 잘못되었습니다" without naming --today or --date."""
    early = run(sample, "report", "--today", "0001-01-05")
    assert early.exit_code == 0 and early.stdout.startswith("0001-01 월간 사례관리 실적"), early.output
    assert "주의: 기준일 0001-01-05는 오늘(" in early.stderr and "연도를 확인하세요" in early.stderr, early.stderr
    assert "--month 0001-01" in run(sample, "report", "--today", "0001-01-05", "--month", "2026-01").output
    for args, option in ((("report", "--today", "2026-13-01"), "--today"), (("due", "--today", "2026-13-01"), "--today"),
                         (("add", "2026-0012", "점검", "--date", "2026-02-30"), "--date")):
        wrong = run(sample, *args)
        said = wrong.output.split("YYYY-MM-DD 날짜가 아닙니다")[0]  # (click's words before ours name the option)
        assert wrong.exit_code == 2 and option in said.splitlines()[-1], wrong.output


def test_a_restricted_case_exports_its_structure_only(sample: Path, run) -> None:
    """열람 제한 (2026-0010, domestic violence): as on the site, its goals go by id and its activities
    without their 내용 (the school it asked to keep the abuser from, ...) unless the sensitive
    values are asked for too."""
    import yaml

    front = (sample / "cases" / "2026-0010" / "04-intervention.md").read_text(encoding="utf-8").split("---")[1]
    narratives = [a["summary"] for a in yaml.safe_load(front)["activities"]]
    plan = (sample / "cases" / "2026-0010" / "03-plan.md").read_text(encoding="utf-8").split("---")[1]
    narratives += [g["goal"] for g in yaml.safe_load(plan)["goals"]]
    assert len(narratives) > 5
    outputs = {"csv": export(run, sample)[0], "activities": export(run, sample, "--activities")[0],
               "json": export(run, sample, "--format", "json", "--activities")[0],
               "xlsx": xlsx_text(export(run, sample, "--format", "xlsx", "--activities")[0]).encode()}
    for name, data in outputs.items():
        text = data.decode("utf-8-sig")
        assert [n for n in narratives if n in text] == [], name
    rows = {r["사례 번호"]: r for r in parse_csv(outputs["csv"])}
    assert rows["2026-0010"]["목표"] == "G1; G2; G3; G4" and rows["2026-0010"]["열람 제한"]
    activities = [a for a in parse_csv(outputs["activities"]) if a["사례 번호"] == "2026-0010"]
    assert activities and all(a["활동 유형"] and not a["내용"] for a in activities)
    full = export(run, sample, "--format", "json", "--activities", "--include-sensitive")[0].decode("utf-8")
    assert all(n in full for n in narratives)


@pytest.mark.parametrize("command", ["export", "report"])
@pytest.mark.parametrize("target", ["cases/2026-0001/01-intake.md", "mkdocs.yml", "casekit.yml", "docs/out.csv",
                                    "resources/new.csv", ".git/out.csv"])
def test_output_never_overwrites_or_writes_into_the_casebooks_sources(sample: Path, run, command: str,
                                                                       target: str) -> None:
    """`-o cases/…/01-intake.md` replaced the record with CSV (and mkdocs.yml, casekit.yml …)."""
    before = {p: p.read_bytes() for p in sample.rglob("*") if p.is_file()}
    result = run(sample, command, "-o", target)
    assert result.exit_code == 2 and "사례집의 원본" in result.output, result.output
    assert {p: p.read_bytes() for p in sample.rglob("*") if p.is_file()} == before
    elsewhere = run(sample / "cases", command, "-o", "../out.csv")  # the top folder, from below: allowed
    assert elsewhere.exit_code == 0, elsewhere.output
    assert (sample / "out.csv").stat().st_size > 0
    assert [p.name for p in sample.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("command", ["export", "report"])
def test_output_into_a_fifo_or_a_link_to_one_is_written_into_never_replaced(sample: Path, run, command: str,
                                                                            tmp_path: Path) -> None:
    """`-o /dev/null`, `-o /dev/stdout` (a link to whatever stdout is) or `-o` a FIFO: the output goes
    into it. They were replaced by a regular file (a probe turned this machine's /dev/null into CSV)."""
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "stdout"
    link.symlink_to(fifo)
    for target in (fifo, link):
        got: list[bytes] = []
        reader = threading.Thread(target=lambda into=got: into.append(fifo.read_bytes()))
        reader.start()
        result = run(sample, command, "-o", str(target))
        reader.join(timeout=30)
        assert result.exit_code == 0, result.output
        assert fifo.is_fifo() and link.is_symlink() and got and got[0], target


# an OSC 52 (sets the clipboard in many terminals), a screen clear, a colour, a bidi override and
# isolate, VT and FF (openpyxl refuses them), C1 controls (NEL, CSI) and NUL; and as export shows them
RAW = "\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J\x1b[31mRED\u202e 가\x0b나\x0c다\x85\x9b\u2066끝\x00"
SHOWN = "\\x1b]52;c;ZWNobyBwd25lZA==\\x07\\x1b[2J\\x1b[31mRED\\u202e 가\\x0b나\\x0c다\\x85\\x9b\\u2066끝\\x00"
# what no export may carry raw: every C0/C1 control but tab, LF and CR, and every bidi control
UNSAFE_RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def control_casebook(tmp_path: Path) -> Path:
    intake = ("intake", "2026-03-01", {"client": {"alias": "홍○○", "name": "홍길동", "phone": "010-0000-1111",
                                                  "address": "가온구\x1b[2J 1"}})
    plan = ("plan", "2026-04-01", {"goals": [{"id": "G1", "need": "N1", "goal": f"생계 {RAW}", "target_date": "2026-06-30"}]})
    act = ("intervention", "2026-04-20", {"activities": [
        {"date": "2026-04-10", "type": "linking", "goal": "G1", "summary": f"홍길동\x1b[0m 님 {RAW}\t탭\n줄"},
        {"date": "2026-04-11", "type": "linking", "goal": "G1", "summary": "=cmd|' /c calc'!A1\x07"}]})
    return make_casebook(tmp_path / "b", {"c1": [intake, FULL_PATH[1], plan, act]})


def test_control_characters_in_a_csv_to_stdout_are_escaped_and_said(tmp_path: Path, run) -> None:
    """A probe's record printed an OSC 52 and a screen clear raw to the terminal (`casekit export`):
    every value is written as check's reporters show it (`\\x1b`, `\\u202e`; tab and line breaks kept),
    the formula guard and the masking still hold, and stderr says where, once."""
    root = control_casebook(tmp_path)
    result = run(root, "export")  # the CSV to the (pseudo-)stdout
    assert result.exit_code == 0, result.output
    assert not UNSAFE_RAW.search(result.stdout), repr(result.stdout)
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"), newline="")))
    assert rows[0]["목표"] == f"G1 생계 {SHOWN}"
    assert result.stderr.count("제어 문자") == 1 and "1곳" in result.stderr and "c1 목표" in result.stderr
    assert "casekit check" in result.stderr and not UNSAFE_RAW.search(result.stderr)
    result = run(root, "export", "--activities")
    assert result.exit_code == 0, result.output
    assert not UNSAFE_RAW.search(result.stdout), repr(result.stdout)
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"), newline="")))
    assert rows[0]["내용"] == f"○○○\\x1b[0m 님 {SHOWN}\t탭\n줄"  # (the name masked, tab and line break kept)
    assert rows[1]["내용"] == "'=cmd|' /c calc'!A1\\x07"  # the formula guard as before
    assert "홍길동" not in result.stdout
    assert "c1 04-intervention.md 활동 2026-04-10 내용" in result.stderr and "3곳" in result.stderr
    assert result.stderr.count("제어 문자") == 1
    result = run(root, "export", "--include-sensitive")  # the sensitive columns too
    assert result.exit_code == 0 and not UNSAFE_RAW.search(result.stdout)
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"), newline="")))
    assert rows[0]["민감:intake.client.address"] == "가온구\\x1b[2J 1" and "c1 민감 정보" in result.stderr
    assert safe_cell("=1\x1b[2J") == "'=1\\x1b[2J" and safe_cell("\t=x\x07") == "'\t=x\\x07"  # guarded, then escaped


def test_control_characters_never_reach_a_real_terminal(tmp_path: Path) -> None:
    """The same on a pseudo-terminal: no ESC, BEL or bidi control is written to it."""
    import os
    import pty
    import subprocess
    import sys

    root = control_casebook(tmp_path)
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "casekit", "export", "--activities"], cwd=root,
                            stdout=slave, stderr=subprocess.DEVNULL, env=os.environ | {"LANG": "C.UTF-8"})
    os.close(slave)
    seen = read_pty(master)
    proc.wait()
    assert proc.returncode == 0
    text = seen.decode("utf-8")
    assert not UNSAFE_RAW.search(text), repr(text)
    assert SHOWN in text


def test_control_characters_in_json_and_xlsx_are_escaped(tmp_path: Path, run) -> None:
    """JSON escaped C0 controls itself but wrote C1 controls and bidi raw; XLSX crashed with a
    traceback (openpyxl's IllegalCharacterError). Both hold the escaped text, read back."""
    openpyxl = pytest.importorskip("openpyxl")
    root = control_casebook(tmp_path)
    data, err = export(run, root, "--format", "json", "--activities")
    assert not UNSAFE_RAW.search(data.decode("utf-8"))
    payload = json.loads(data)
    assert payload["cases"][0]["goals"] == [f"G1 생계 {SHOWN}"]
    assert [a["summary"] for a in payload["activities"]] == [f"○○○\\x1b[0m 님 {SHOWN}\t탭\n줄", "=cmd|' /c calc'!A1\\x07"]
    assert not UNSAFE_RAW.search(json.dumps(payload, ensure_ascii=False)) and err.count("제어 문자") == 1
    data, err = export(run, root, "--format", "xlsx", "--activities", "--include-sensitive")
    book = openpyxl.load_workbook(io.BytesIO(data))
    cases = [[c.value for c in row] for row in book["사례"].iter_rows()]
    assert cases[1][cases[0].index("목표")] == f"G1 생계 {SHOWN}"
    assert cases[1][cases[0].index("민감:intake.client.address")] == "가온구\\x1b[2J 1"
    summaries = [book["활동"].cell(row, 10) for row in (2, 3)]
    assert [c.value for c in summaries] == [f"홍길동\\x1b[0m 님 {SHOWN}\t탭\n줄", "=cmd|' /c calc'!A1\\x07"]
    assert summaries[1].data_type == "s" and "<f>" not in xlsx_text(data)  # text, never a formula
    assert not UNSAFE_RAW.search(xlsx_text(data)) and err.count("제어 문자") == 1
