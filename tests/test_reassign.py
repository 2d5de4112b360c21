"""`casekit reassign`: handovers appended to cases/<id>/handover.yml, nothing else touched;
check validates the file; status, due, add and export see the new worker at once."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casekit.core import handover, reassign
from casekit.core.casebook import check
from tests.builders import FULL_PATH, make_casebook
from tests.conftest import TODAY

OPEN = FULL_PATH[:3]  # intake, assessment, plan


def book(tmp_path: Path) -> Path:
    return make_casebook(tmp_path / "book", {
        "c1": OPEN,
        "c2": FULL_PATH[:5],
        "c3": [*FULL_PATH[:-1], ("followup", "2026-07-30", {"aftercare_done": True})],  # closed for good: stays
        "c4": [(s, d, {**o, "worker": "lee.sw"}) for s, d, o in OPEN],
    })


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_dry_run_writes_nothing(tmp_path: Path, run) -> None:
    root = book(tmp_path)
    before = snapshot(root)
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "--reason", "육아휴직", "--dry-run",
                 "--date", "2026-06-01")
    assert result.exit_code == 0, result.output
    assert "c1: kim.sw → choi.sw" in result.output and "c2: kim.sw → choi.sw" in result.output
    assert "c3" not in result.output and "c4" not in result.output
    assert '    + - date: 2026-06-01' in result.output and '    +   reason: "육아휴직"' in result.output
    assert snapshot(root) == before


@pytest.mark.parametrize("dry", [True, False])
def test_the_last_line_says_which_cases_were_left(tmp_path: Path, run, dry: bool) -> None:
    """A supervisor's probe: with a case left (named on stderr first), `--dry-run` ended "사례 1건을
    넘길 수 있습니다" and exit 0, read as all handed over. The last line names the cases left, and
    the dry run ends as the hand-over would (1)."""
    root = book(tmp_path)
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "c1", "c3", "--date", "2026-07-31",
                 *(["--dry-run"] if dry else []))
    assert result.exit_code == 1, result.output
    last = result.output.strip().splitlines()[-1]
    assert "사례 1건(c3)은 " in last and ("넘기지 않습니다" if dry else "넘기지 못했습니다") in last, last
    assert "건너뜀 c3" in result.output


def test_the_handover_file_is_named_as_it_opens_from_where_reassign_ran(tmp_path: Path, run) -> None:
    """As `add` and `new` print their record: in a case's folder, `handover.yml`, not the path from the root."""
    root = book(tmp_path)
    result = run(root / "cases" / "c1", "reassign", "--from", "kim.sw", "--to", "choi.sw", "c1", "--date", "2026-06-01")
    assert result.exit_code == 0 and "c1: kim.sw → choi.sw  (handover.yml)" in result.output, result.output
    assert (root / "cases/c1/handover.yml").is_file()


def test_reassign_appends_and_everyone_sees_the_new_worker(tmp_path: Path, run) -> None:
    root = book(tmp_path)
    before = snapshot(root)
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "--reason", "육아휴직", "--by", "park.sv",
                 "--date", "2026-06-01")
    assert result.exit_code == 0, result.output
    assert "사례 2건을 choi.sw에게 넘겼습니다" in result.output
    after = snapshot(root)
    assert {k: v for k, v in after.items() if k in before} == before  # no record changed
    assert sorted(set(after) - set(before)) == ["cases/c1/handover.yml", "cases/c2/handover.yml"]
    text = (root / "cases/c1/handover.yml").read_text(encoding="utf-8")
    assert text.endswith('handovers:\n  - date: 2026-06-01\n    from: kim.sw\n    to: choi.sw\n'
                         '    reason: "육아휴직"\n    by: park.sv\n')

    check = run(root, "check", "--format", "json")
    assert check.exit_code == 0, check.output  # validated, and not an unexpected file
    assert json.loads(check.output)["summary"]["files"] == 2 + sum(1 for k in before if k.startswith(("cases/", "resources/")))
    status = json.loads(run(root, "status", "--format", "json", "--today", "2026-06-02").stdout)
    assert {r["case"]: r["worker"] for r in status["cases"]} == {"c1": "choi.sw", "c2": "choi.sw", "c3": "kim.sw",
                                                                 "c4": "lee.sw"}
    due = json.loads(run(root, "due", "--all", "--worker", "choi.sw", "--format", "json", "--today", "2026-06-02").stdout)
    assert sorted({i["case"] for i in due["items"]}) == ["c1", "c2"]  # (several deadlines a case)
    added = run(root, "add", "c1", "intervention", "--date", "2026-06-03", env={"CASEKIT_WORKER": ""})
    assert "worker: choi.sw" in (root / added.stdout.strip()).read_text(encoding="utf-8")


def test_a_record_dated_before_the_handover_is_the_old_workers(tmp_path: Path, run) -> None:
    """The handover counts from its date: a record added for a day before it (a visit written up late)
    is the old worker's by default, as check reads it; lee.sw there made check warn handover-from-mismatch."""
    root = book(tmp_path)
    assert run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "c1", "--date", "2026-06-01").exit_code == 0
    added = run(root, "add", "c1", "intervention", "--date", "2026-05-20", env={"CASEKIT_WORKER": ""})
    assert added.exit_code == 0, added.output
    assert "worker: kim.sw" in (root / added.stdout.strip()).read_text(encoding="utf-8")
    after = run(root, "add", "c1", "intervention", "--date", "2026-06-01", env={"CASEKIT_WORKER": ""})
    assert "worker: choi.sw" in (root / after.stdout.strip()).read_text(encoding="utf-8")  # from its day on


def test_append_keeps_every_byte_bom_crlf_and_indentation(tmp_path: Path) -> None:
    root = book(tmp_path)
    old = ("\ufeff# 우리 기관 메모\r\nhandovers:\r\n- date: 2026-04-02\r\n  from: kim.sw\r\n  to: lee.sw\r\n"
           "- date: 2026-05-01\r\n  from: lee.sw\r\n  to: kim.sw   # 복귀").encode()
    (root / "cases/c1/handover.yml").write_bytes(old)
    planned, skipped = reassign.plan(root, "kim.sw", "choi.sw", ["c1"], date=dt.date(2026, 6, 1))
    assert skipped == [] and len(planned) == 1
    written, late = reassign.apply(root, planned)
    assert written == ["cases/c1/handover.yml"] and late == []
    new = (root / "cases/c1/handover.yml").read_bytes()
    assert new.startswith(old)
    assert new[len(old):] == b"\r\n- date: 2026-06-01\r\n  from: kim.sw\r\n  to: choi.sw\r\n"
    parsed = handover.parse(new.decode("utf-8-sig"), "h")
    assert [h.to_worker for h in handover.entries(parsed)] == ["lee.sw", "kim.sw", "choi.sw"]


def test_a_worker_id_typed_wrong_is_refused_with_the_one_meant(tmp_path: Path, run) -> None:
    root = book(tmp_path)
    before = snapshot(root)
    result = run(root, "reassign", "--from", "kim.s", "--to", "choi.sw")
    # (a mistyped id is a usage error, exit 2, as `due --worker` and `status` say it: not "nothing to hand over")
    assert result.exit_code == 2 and "--from: 담당자 'kim.s'는 이 사례집에 없습니다. 혹시 kim.sw인가요?" in result.output
    # a --to one slip from a worker there would hand the cases to nobody: refused, nothing written
    result = run(root, "reassign", "--from", "kim.sw", "--to", "lee.sww", "c1")
    assert result.exit_code == 2 and "혹시 lee.sw인가요?" in result.output and "--force" in result.output
    assert snapshot(root) == before
    forced = run(root, "reassign", "--from", "kim.sw", "--to", "lee.sww", "c1", "--force", "--date", "2026-06-01")
    assert forced.exit_code == 0, forced.output
    assert "to: lee.sww" in (root / "cases" / "c1" / "handover.yml").read_text(encoding="utf-8")


def test_a_file_it_cannot_append_to_is_left_alone(tmp_path: Path, run) -> None:
    root = book(tmp_path)
    flow = b'handovers: [{date: 2026-04-02, from: lee.sw, to: kim.sw}]\n'
    (root / "cases/c1/handover.yml").write_bytes(flow)
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "c1")
    assert result.exit_code == 1
    assert "덧붙일 수 없는 모양입니다" in result.output
    assert (root / "cases/c1/handover.yml").read_bytes() == flow
    assert not list((root / "cases/c1").glob(".casekit-*"))  # no temporary file left


def test_given_cases_of_another_worker_or_closed_are_named(tmp_path: Path, run) -> None:
    root = book(tmp_path)
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "c1", "c3", "c4")
    assert result.exit_code == 1
    assert "건너뜀 c3: 종결되고 사후관리도 끝난 사례입니다" in result.output
    assert "건너뜀 c4: 지금 담당자는 lee.sw입니다" in result.output
    assert (root / "cases/c1/handover.yml").exists() and not (root / "cases/c3/handover.yml").exists()
    early = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "c2", "--date", "2026-04-30")
    assert early.exit_code == 1 and "마지막 기록(2026-05-01)보다 이른 날(2026-04-30)부터" in early.output
    assert not (root / "cases/c2/handover.yml").exists()
    assert run(root, "reassign", "--from", "nobody", "--to", "choi.sw").exit_code == 2
    bad = run(root, "reassign", "--from", "kim.sw", "--to", "1bad")
    assert bad.exit_code == 2 and "invalid worker id" in bad.output and "있는 담당자: " in bad.output
    gone = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "c9")
    assert gone.exit_code == 2 and "no such case" in gone.output
    spaced = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw ", "c1")
    assert spaced.exit_code == 2 and "공백이 있습니다: --to choi.sw처럼" in spaced.output


@pytest.mark.parametrize("dry", [True, False])
def test_cases_named_and_all_left_are_said_to_be_left_not_that_there_are_none(tmp_path: Path, run, dry: bool) -> None:
    """`reassign --from kim.sw c2 --date` (a day before c2's last record) refused the date, then ended
    "kim.sw에게서 넘길 진행 중 사례가 없습니다": c2 is open and kim.sw's. The last line names the cases left."""
    root = book(tmp_path)
    before = snapshot(root)
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "c2", "--date", "2026-04-30",
                 *(["--dry-run"] if dry else []))
    assert result.exit_code == 1 and snapshot(root) == before
    assert "건너뜀 c2: 마지막 기록(2026-05-01)보다 이른 날" in result.output
    assert "넘길 진행 중 사례가 없습니다" not in result.output, result.output
    last = result.output.strip().splitlines()[-1]
    assert "사례 1건(c2)은 " in last and ("넘기지 않습니다" if dry else "넘기지 못했습니다") in last, last


BROKEN = 'handovers:\n  - date: 2026-06-01\n    from: kim.sw\n    to: lee.sw\n    reason: "육아휴직\n'  # (a quote left open)


def test_a_case_whose_handover_file_is_broken_is_said_to_need_the_file_fixed(tmp_path: Path, run) -> None:
    """c1's handover.yml, handing it to lee.sw, has a quote left open: `reassign --from lee.sw c1` said
    "지금 담당자는 kim.sw입니다" (its records' worker), not a word of the file that says who has it."""
    root = book(tmp_path)
    (root / "cases/c1/handover.yml").write_text(BROKEN, encoding="utf-8")
    before = snapshot(root)
    result = run(root, "reassign", "--from", "lee.sw", "--to", "choi.sw", "c1")
    assert result.exit_code == 1 and snapshot(root) == before
    assert "지금 담당자는" not in result.output, result.output
    assert "건너뜀 c1: cases/c1/handover.yml:5에 오류가 있어 지금 담당자를 알 수 없습니다" in result.output
    assert "읽을 수 없습니다" in result.output and "먼저 고친 뒤 다시 실행하세요" in result.output
    assert "사례 1건(c1)은 넘기지 못했습니다" in result.output.strip().splitlines()[-1]
    # handing over all of lee.sw's cases: c4 goes, c1 (lee.sw's by the file) is not left in silence
    every = run(root, "reassign", "--from", "lee.sw", "--to", "choi.sw", "--dry-run")
    assert every.exit_code == 1 and "c4: lee.sw → choi.sw" in every.output
    assert "건너뜀 c1: cases/c1/handover.yml:5에 오류가 있어" in every.output, every.output
    # an id only the broken file names is no typo: the case it names is said, as above
    (root / "cases/c1/handover.yml").write_text(BROKEN.replace("lee.sw", "oh.sw"), encoding="utf-8")
    only = run(root, "reassign", "--from", "oh.sw", "--to", "choi.sw", "--dry-run")
    assert only.exit_code == 1 and "건너뜀 c1: cases/c1/handover.yml:5에 오류가 있어" in only.output, only.output
    # a worker the file does not name is not told of it
    other = run(root, "reassign", "--from", "lee.sw", "--to", "choi.sw", "--dry-run")
    assert other.exit_code == 0 and "c1" not in other.output, other.output


@pytest.mark.parametrize(("text", "code", "line", "column"), [
    ("handovers:\n  - date: 2026-13-01\n    from: kim.sw\n    to: lee.sw\n", "bad-date", 2, 11),
    ("handovers:\n  - date: 2026-04-02\n    from: kim.sw\n    too: lee.sw\n", "unknown-field", 4, 5),
    ("handovers:\n  - date: 2026-05-02\n    from: kim.sw\n    to: lee.sw\n"
     "  - date: 2026-04-02\n    from: lee.sw\n    to: kim.sw\n", "handover-date-order", 5, 11),
    ("handovers:\n  - date: 2026-02-02\n    from: kim.sw\n    to: lee.sw\n", "handover-before-intake", 2, 11),
    ("handovers:\n  - date: 2026-04-02\n    from: kim.sw\n    to: kim.sw\n", "handover-same-worker", 4, 9),
    ("handovers:\n  - date: 2026-04-02\n    from: kim.sw\n   to: x\n", "yaml-syntax", None, None),
    ("handovers:\n  - date: 2026-04-02\n    from: lee.sw\n    to: choi.sw\n", "handover-from-mismatch", 3, 11),
])
def test_check_validates_the_handover_file(tmp_path: Path, run, text: str, code: str, line: int | None,
                                           column: int | None) -> None:
    root = book(tmp_path)
    (root / "cases/c1/handover.yml").write_text(text, encoding="utf-8")
    result = run(root, "check", "--format", "json")
    assert result.exit_code == (0 if code == "handover-from-mismatch" else 1)  # a warning only
    found = [f for f in json.loads(result.output)["findings"] if f["path"] == "cases/c1/handover.yml"]
    assert code in [f["code"] for f in found], found
    if line is not None:
        assert [(f["line"], f["column"]) for f in found if f["code"] == code] == [(line, column)]


def test_bad_handover_file_blocks_reassign_of_that_case(tmp_path: Path, run) -> None:
    root = book(tmp_path)
    (root / "cases/c1/handover.yml").write_text("handovers: 3\n", encoding="utf-8")
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw")
    assert "건너뜀 c1" in result.output and "c2: kim.sw → choi.sw" in result.output
    assert (root / "cases/c1/handover.yml").read_text(encoding="utf-8") == "handovers: 3\n"


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_handover_file_that_is_a_pipe_or_a_folder_is_named_not_waited_on(tmp_path: Path, run, kind: str) -> None:
    """A FIFO named handover.yml made reassign wait forever after printing the handover as done."""
    import os

    root = book(tmp_path)
    path = root / "cases/c1/handover.yml"
    os.mkfifo(path) if kind == "fifo" else path.mkdir()
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "--date", "2026-07-01")
    not_a_file = "일반 파일이 아닙니다" if kind == "fifo" else "폴더입니다"  # (check's file-unreadable, saying which)
    assert "건너뜀 c1" in result.output and not_a_file in result.output, result.output
    assert "c2: kim.sw → choi.sw" in result.output
    assert reassign._read(root / "cases/c2") is not None
    with pytest.raises(reassign.ReassignError, match="일반 파일이 아닙니다"):
        reassign._read(root / "cases/c1")


@pytest.mark.parametrize("kind", ["fifo", "folder", "dangling"])
def test_check_names_a_handover_file_that_is_no_file_unreadable(tmp_path: Path, kind: str) -> None:
    """A FIFO or a folder named handover.yml was told to be deleted (unexpected-file, a warning), where
    a dangling link of that name is the error it is: the case's handovers cannot be read."""
    import os

    root = book(tmp_path)
    path = root / "cases/c1/handover.yml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(root / "nowhere.yml")
    found = [(f.code, f.severity) for f in check(root).findings if f.path == "cases/c1/handover.yml"]
    assert found == [("file-unreadable", "error")]


def test_current_worker_rule(tmp_path: Path) -> None:
    from casekit.core.casebook import check

    root = book(tmp_path)
    report = check(root)
    records = report.summaries["c1"]  # latest record 2026-04-01 by kim.sw
    h = handover.Handover
    assert handover.current_worker(records, []) == "kim.sw"
    assert handover.current_worker(records, [h("2026-04-01", "kim.sw", "lee.sw")]) == "lee.sw"  # same day: handover
    assert handover.current_worker(records, [h("2026-03-20", "kim.sw", "lee.sw")]) == "kim.sw"  # a later record
    two = [h("2026-05-01", "kim.sw", "lee.sw"), h("2026-05-01", "lee.sw", "park.sw")]
    assert handover.current_worker(records, two) == "park.sw"  # equal dates: the later entry


def test_concurrent_reassigns_hand_over_once(tmp_path: Path) -> None:
    root = book(tmp_path)
    code = ("import sys; from casekit.cli import main; "
            "sys.argv=['casekit','reassign','--from','kim.sw','--to',sys.argv[1],'c1','--date','2026-06-01']; main()")
    procs = [subprocess.Popen([sys.executable, "-c", code, f"w{i}.sw"], cwd=root, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for i in range(4)]
    outputs = [p.communicate(timeout=120) for p in procs]
    entries = handover.entries(handover.parse((root / "cases/c1/handover.yml").read_text(encoding="utf-8"), "h"))
    assert len(entries) == 1 and entries[0].from_worker == "kim.sw"
    assert sum(p.returncode == 0 for p in procs) == 1, outputs


def test_a_closed_case_in_aftercare_is_handed_over_with_the_open_ones(tmp_path: Path, run) -> None:
    """A follow-up still due is the worker's work: left with a worker on leave, 2026-0007's overdue
    사후관리 was nobody's. A case whose follow-ups are done stays where it is."""
    root = make_casebook(tmp_path / "book", {"c1": OPEN, "c5": FULL_PATH,  # one follow-up of three done
                                             "c3": [*FULL_PATH[:-1], ("followup", "2026-07-30", {"aftercare_done": True})]})
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "--date", "2026-08-01")
    assert result.exit_code == 0, result.output
    assert (root / "cases/c5/handover.yml").exists() and not (root / "cases/c3/handover.yml").exists()
    status = json.loads(run(root, "status", "c5", "--today", "2026-08-02", "--format", "json").stdout)
    assert status["cases"][0]["worker"] == "choi.sw", status


@pytest.mark.parametrize("name", ["handover.yaml", "Handover.yml", "handovers.yml"])
def test_a_misnamed_handover_file_is_told_the_name_it_is_read_by(tmp_path: Path, name: str) -> None:
    """handover.yaml was only 'a file that is not a record', and the handover it held ignored."""
    from casekit.core.casebook import check

    root = book(tmp_path)
    (root / "cases/c1" / name).write_text("handovers:\n  - date: 2026-06-01\n    from: kim.sw\n    to: lee.sw\n",
                                          encoding="utf-8")
    (found,) = [f for f in check(root).findings if f.path == f"cases/c1/{name}"]
    assert found.code == "unexpected-file" and "handover.yml로 바꾸세요" in found.message_ko, found
    (other,) = [f for f in check(root).findings if f.path == f"cases/c1/{name}"]
    assert other == found


def test_a_handover_dated_ahead_is_refused_by_reassign_and_warned_of_by_check(tmp_path: Path, run) -> None:
    """A handover written for a later day (2062-11-01, or next month) checked clean, and `status`
    showed the new worker at once: casekit counts a handover from when it is written."""
    from casekit.core.casebook import check

    root = book(tmp_path)
    before = snapshot(root)
    ahead = (TODAY + dt.timedelta(days=16)).isoformat()
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "c1", "--date", ahead)
    assert result.exit_code != 0 and f"--date {ahead}: 오늘" in result.output, result.output
    assert snapshot(root) == before
    (root / "cases/c1/handover.yml").write_text(
        f"handovers:\n  - date: {ahead}\n    from: kim.sw\n    to: choi.sw\n", encoding="utf-8")
    found = [(f.code, f.severity, f.line, f.column) for f in check(root).findings if f.path == "cases/c1/handover.yml"]
    assert found == [("handover-future", "warning", 2, 11)], found


def test_a_reason_holding_a_name_or_a_number_is_refused_before_anything_is_written(tmp_path: Path, run) -> None:
    """`--reason "이순자 님이 … 010-2222-3333"` was appended; check then refused handover.yml, and the
    next reassign refused the case until the file was edited, which its header says not to do (found
    by a probe). The reason is screened as check screens the file, before anything is written; the
    message names whose value it is, never the value."""
    from casekit.core.casebook import check

    root = book(tmp_path)
    assert not check(root).errors
    assert "홍길동" in (root / "cases/c1/01-intake.md").read_text(encoding="utf-8")  # (the builders' client)
    before = snapshot(root)
    for reason in ("홍길동 님이 담당자 변경 요청", "연락처 010-2222-3333로 요청", "홍 길 동 요청"):
        result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "--reason", reason, "c1")
        assert result.exit_code != 0 and "--reason:" in result.output and "아무 파일에도 적지 않았습니다" in result.output, \
            result.output
        assert "010-2222-3333" not in result.output and "홍길동" not in result.output
        assert snapshot(root) == before
    result = run(root, "reassign", "--from", "kim.sw", "--to", "choi.sw", "--reason", "육아휴직", "c1")
    assert result.exit_code == 0, result.output
    assert not [f for f in check(root).errors if f.path == "cases/c1/handover.yml"]


def test_a_broken_handover_file_is_spoken_of_as_the_file_not_a_records_front_matter(tmp_path: Path) -> None:
    """A YAML slip in handover.yml said 머리말(YAML)을 읽을 수 없습니다 (found by a probe): the file has
    no 머리말, it is YAML from its first line."""
    from casekit.core.casebook import check

    root = book(tmp_path)
    (root / "cases/c1/handover.yml").write_text(
        "handovers:\n  - date: 2026-06-01\n    from: kim.sw\n  to: choi.sw\n", encoding="utf-8")
    found = [f for f in check(root).errors if f.path == "cases/c1/handover.yml"]
    assert found and all("머리말" not in f.message_ko for f in found), [f.message_ko for f in found]
    assert "handover.yml을 읽을 수 없습니다" in found[0].message_ko, found[0].message_ko


# --- a worker taking a case over with no handover said (worker-changed-unrecorded) ---

def _records_by(sample: Path, case: str, worker: str, names: tuple[str, ...]) -> None:
    for name in names:
        path = sample / "cases" / case / name
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^worker: .*$", f"worker: {worker}", text, count=1), encoding="utf-8")


def test_a_case_whose_records_go_on_under_another_worker_unsaid_is_one_warning(sample: Path) -> None:
    _records_by(sample, "2026-0002", "kim.sw", ("10-intervention.md", "11-monitoring.md"))
    found = [f for f in check(sample, today=dt.date(2026, 12, 5)).findings if f.path.startswith("cases/2026-0002/")]
    assert [(f.code, f.path, f.line) for f in found] == [
        ("worker-changed-unrecorded", "cases/2026-0002/10-intervention.md", 5)], found
    said = found[0].message_ko
    assert "담당자가 lee.sw에서 kim.sw로 바뀌었는데 담당자 변경 기록이 없습니다" in said, said
    assert "cases/2026-0002/handover.yml에 남기세요: handovers: - date: 2026-10-10, from: lee.sw, to: kim.sw" in said
    (sample / "cases/2026-0002/handover.yml").write_text(
        'handovers:\n  - date: 2026-10-01\n    from: lee.sw\n    to: kim.sw\n    reason: "업무 조정"\n', encoding="utf-8")
    assert [f for f in check(sample, today=dt.date(2026, 12, 5)).findings if f.path.startswith("cases/2026-0002/")] == []


def test_one_record_written_for_the_cases_worker_is_not_a_handover(sample: Path) -> None:
    _records_by(sample, "2026-0002", "kim.sw", ("09-monitoring.md",))  # the case's worker again after it
    assert [f for f in check(sample, today=dt.date(2026, 12, 5)).findings if f.path.startswith("cases/2026-0002/")] == []


@pytest.mark.parametrize(("args", "says"), [
    (("kim.sw", "choi.sw"), "담당자 ID는 옵션으로 적습니다: casekit reassign --from kim.sw --to choi.sw"),
    (("--to", "choi.sw"), "빠진 옵션: '--from'. 예: casekit reassign --from kim.sw --to lee.sw"),
])
def test_the_workers_written_as_cases_are_told_the_options(tmp_path: Path, run, args: tuple[str, ...], says: str) -> None:
    """`casekit reassign kim.sw lee.sw` said only that --from was missing (a probe)."""
    root = book(tmp_path)
    before = snapshot(root)
    result = run(root, "reassign", *args)
    assert result.exit_code == 2 and says in result.output, result.output
    assert snapshot(root) == before


def test_a_case_with_a_record_check_cannot_read_is_said_as_due_says_it(sample: Path, run) -> None:
    """`due`, `export` and `report` warned of the unreadable record; `reassign` listed the case in
    silence, although the record's date and worker were unknown to it (a probe)."""
    record = sample / "cases/2026-0005/07-intervention.md"
    record.write_text(record.read_text(encoding="utf-8").replace("worker: kim.sw\n", 'worker: "kim.sw\n', 1),
                      encoding="utf-8")
    result = run(sample, "reassign", "--from", "kim.sw", "--to", "lee.sw", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "주의 2026-0005: 기록에 검사 오류 1건이 있어" in result.stderr and "casekit check" in result.stderr
    assert "주의 2026-0007" not in result.stderr
