"""What a practitioner probe found written as people write it: a numbered list in the fields,
case folders moved into a year's folder, an age or a time of day where the form has none, a
stage typed with the keyboard in Korean mode, an Office owner file and a record kept as HWP
beside the records, a worker's name typed for the worker id. Each is said once, where it is,
with what to write, and no advice that would do harm (merge the items, make a case 2026,
rename a backup into a second record)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.names import copy_of
from casekit.core.schemas import numbered_items
from tests.test_practitioner_mistakes import edit

INTAKE = "cases/2026-0001/01-intake.md"
PROBLEMS = ('  - "다니던 공장이 폐업해 6개월째 소득이 없음"\n  - "월세 2개월 체납"\n'
            '  - "당뇨 약을 3개월째 끊은 상태"')




def findings_of(sample: Path, prefix: str) -> list:
    return [f for f in check(sample, today=None).findings if f.path.startswith(prefix)]


@pytest.mark.parametrize(("marks", "said"), [(("1.", "2.", "3."), "1. 2. 3."), (("1)", "2)", "3)"), "1) 2) 3)"),
                                             (("①", "②", "③"), "① ② ③")])
def test_a_numbered_list_is_told_to_start_each_item_with_a_dash(sample: Path, marks: tuple[str, ...],
                                                                said: str) -> None:
    """`presenting_problems:` then `  1. …` `  2. …`: YAML folds the lines into one text, and
    wrong-type told to write it as one item holding all three."""
    items = ["다니던 공장이 폐업해 6개월째 소득이 없음", "월세 2개월 체납", "당뇨 약을 3개월째 끊은 상태"]
    line = edit(sample, INTAKE, PROBLEMS, "\n".join(f"  {m} {i}" for m, i in zip(marks, items, strict=True)))
    found = [f for f in findings_of(sample, INTAKE) if f.severity == "error"]
    assert [(f.code, f.line, f.column) for f in found] == [("wrong-type", line, 3)]
    message = found[0].message_ko
    assert f"번호({said}) 대신 항목마다 '- '로 시작하세요" in message, message
    assert "'  - 다니던 공장이 폐업해 6개월째 소득이 없음', '  - 월세 2개월 체납', '  - 당뇨 약을 3개월째 끊은 상태'" in message
    assert "하나뿐이어도" not in message


@pytest.mark.parametrize(("text", "items"), [
    ("1. 가 2. 나", ["가", "나"]), ("1) 가 나 2) 다", ["가 나", "다"]), ("①가 ②나 ③다", ["가", "나", "다"]),
    ("1.5배 인상", None), ("1. 하나뿐", None), ("1. 가 3. 나", None), ("2. 가 3. 나", None),
])
def test_numbered_items_count_on_from_one(text: str, items: list[str] | None) -> None:
    assert numbered_items(text) == items


PLAN = "cases/2026-0001/03-plan.md"


def with_goals(sample: Path, goals: str) -> int:
    """The plan's goals (the lines under `goals:`) replaced by `goals`; the line they start at."""
    text = (sample / PLAN).read_text(encoding="utf-8")
    start, end = text.index("goals:\n") + len("goals:\n"), text.index("services:\n")
    return edit(sample, PLAN, text[start:end], goals)


@pytest.mark.parametrize(("numbered", "said", "example"), [
    ('  1. goal: 주거 안정\n     target_date: 2026-08-01\n  2. goal: 자활 참여\n     target_date: 2026-09-01\n',
     "1. 2.", "'  - goal: 주거 안정' / '    target_date: 2026-08-01'"),
    ('  1) id: G1\n     need: N1\n  2) id: G2\n     need: N2\n', "1) 2)", "'  - id: G1' / '    need: N1'"),
    ('  ① id: G1\n     need: N1\n  ② id: G2\n     need: N2\n', "① ②", "'  - id: G1' / '    need: N1'"),
    ('1. id: G1\n   need: N1\n2. id: G2\n   need: N2\n', "1. 2.", "'- id: G1' / '  need: N1'"),  # (at the key's own column)
    ('  1.\n     id: G1\n     need: N1\n  2.\n     id: G2\n', "1. 2.", "'  - id: G1' / '    need: N1'"),
])
def test_a_numbered_list_of_entries_is_told_to_dash_each_and_indent_its_keys_under_it(
        sample: Path, numbered: str, said: str, example: str) -> None:
    """`goals:` then `  1. goal: 주거 안정` / `     target_date: …`: YAML reads '1. goal' as a key and
    stops at the next line, and was told to line the keys up with the number ("같은 묶음의 항목은 같은
    칸에서 시작하세요", "0칸 … 3칸으로 맞추세요"), which made it worse. It is told to write a '- ' for
    each number, with the keys under it, at the first numbered line."""
    line = with_goals(sample, numbered)
    found = [f for f in findings_of(sample, PLAN) if f.severity == "error"]
    assert [(f.code, f.line) for f in found] == [("yaml-syntax", line)], found
    message = found[0].message_ko
    assert f"목록의 항목은 번호({said}) 대신 '- '로 시작합니다" in message and f"예: {example}" in message, message
    assert "칸으로 맞추세요" not in message and "같은 칸에서 시작하세요" not in message, message


@pytest.mark.parametrize("numbered", [
    '  1. goal: 주거 안정\n  id: G1\n  need: N1\n  2. goal: 자활 참여\n  id: G2\n  need: N2\n',
    '  1) goal: 주거 안정\n  id: G1\n  2) goal: 자활 참여\n  id: G2\n  3) goal: 건강 관리\n  id: G3\n',
])
def test_numbered_entries_with_their_keys_not_indented_under_them_get_the_numbered_advice(
        sample: Path, numbered: str) -> None:
    """`  1. goal: 주거 안정` / `  id: G1` / `  2. goal: …` / `  id: G2`: one mapping to YAML, whose `id`
    repeats, was told yaml-duplicate-key ("하나로 합치세요 … 이 줄 앞에 '- '를 붙이세요"): one finding, at
    the first number, with the advice for numbered entries and the keys shown under the '- '."""
    line = with_goals(sample, numbered)
    found = [f for f in findings_of(sample, PLAN) if f.severity == "error"]
    assert [(f.code, f.line, f.column) for f in found] == [("yaml-syntax", line, 3)], found
    message = found[0].message_ko
    assert "대신 '- '로 시작합니다" in message and "예: '  - goal: 주거 안정' / '    id: G1'" in message, message
    assert "합치세요" not in message, message


def test_a_key_repeated_outside_a_numbered_list_is_still_a_repeated_key(sample: Path) -> None:
    line = edit(sample, PLAN, "    need: N1\n", "    need: N1\n    need: N2\n") + 1
    found = [f for f in findings_of(sample, PLAN) if f.severity == "error"]
    assert [(f.code, f.line) for f in found] == [("yaml-duplicate-key", line)], found


@pytest.mark.parametrize("numbered", ['  1. id: G1\n  2. id: G2\n', '  1. id: G1\n'])
def test_numbered_entries_yaml_reads_as_keys_are_told_to_dash_each(sample: Path, numbered: str) -> None:
    """`  1. id: G1` and `  2. id: G2` alone read as a mapping of keys '1. id', '2. id': the same advice."""
    line = with_goals(sample, numbered)
    found = [f for f in findings_of(sample, PLAN) if f.severity == "error" and f.code == "wrong-type"]
    assert [f.line for f in found] == [line], found
    assert "번호(1." in found[0].message_ko and "'  - id: G1'" in found[0].message_ko, found[0].message_ko


@pytest.mark.parametrize(("members", "code"), [
    ('  1. name: "김민준"\n     relation: "자녀(아들)"\n  2. id: M2\n', "yaml-syntax"),
    ('  1. name: "김민준"\n', "wrong-type"),
    ('  1. name: "김민준"\n  relation: "자녀(아들)"\n  2. name: "김서연"\n  relation: "자녀(딸)"\n', "yaml-syntax"),
])
def test_a_numbered_entry_shows_no_sensitive_value(sample: Path, members: str, code: str) -> None:
    rel = "cases/2026-0002/01-intake.md"
    text = (sample / rel).read_text(encoding="utf-8")
    start = text.index("household_members:\n") + len("household_members:\n")
    line = edit(sample, rel, text[start:text.index("presenting_problems:")], members)
    found = [f for f in findings_of(sample, rel) if f.code == code]
    assert [f.line for f in found] == [line], found
    message = found[0].message_ko + found[0].message_en
    assert "대신 '- '로 시작합니다" in message and "김민준" not in message and "민준" not in message, message


def test_a_numbered_entry_is_not_said_of_an_error_outside_its_list(sample: Path) -> None:
    """A colon in a value below the list (a value to quote) keeps its own advice."""
    with_goals(sample, "  1. id: G1\n  2. id: G2\n")
    line = edit(sample, PLAN, 'frequency: "월 2회"', "frequency: 월: 2회")
    found = [f for f in findings_of(sample, PLAN) if f.code == "yaml-syntax"]
    assert [f.line for f in found] == [line] and "따옴표로 감싸세요" in found[0].message_ko, found


def test_case_folders_moved_into_a_year_folder_are_told_to_move_back(sample: Path) -> None:
    """`mkdir cases/2026; mv cases/2026-0003 cases/2026-0012 cases/2026/`: case-empty told to make a case
    2026 (casekit new 2026) and folder-in-case to put the records directly into cases/2026/."""
    (sample / "cases/2026").mkdir()
    for case in ("2026-0003", "2026-0012"):
        (sample / "cases" / case).rename(sample / "cases/2026" / case)
    found = findings_of(sample, "cases/2026/") + findings_of(sample, "cases/2026")
    assert sorted({(f.code, f.path, f.severity) for f in found}) == [
        ("case-in-folder", "cases/2026/2026-0003", "error"), ("case-in-folder", "cases/2026/2026-0012", "error")]
    message = next(f.message_ko for f in found if f.path.endswith("0003"))
    assert "사례 폴더는 cases/ 바로 아래에 두세요: git mv cases/2026/2026-0003 cases/2026-0003" in message, message
    assert "casekit new" not in message and "기록 2개" in message


def test_a_case_folder_put_into_another_folder_is_no_folder_of_records(sample: Path) -> None:
    """A closed case moved into cases/종결/ (no case id) or into another case's folder: the case
    is to come back, not its records to be spread into the folder it sits in (and no bad-case-id
    for 종결); a folder of records put away (old/) is still folder-in-case."""
    (sample / "cases/종결").mkdir()
    (sample / "cases/2026-0003").rename(sample / "cases/종결/2026-0003")
    (sample / "cases/2026-0004").rename(sample / "cases/2026-0002/2026-0004")
    (sample / "cases/2026-0001/old").mkdir()
    (sample / "cases/2026-0001/06-monitoring.md").rename(sample / "cases/2026-0001/old/06-monitoring.md")
    found = [(f.code, f.path) for f in findings_of(sample, "cases/") if f.line is None]
    assert sorted(found) == [("case-in-folder", "cases/2026-0002/2026-0004"), ("case-in-folder", "cases/종결/2026-0003"),
                             ("folder-in-case", "cases/2026-0001/old")]


def test_a_case_folder_moved_beside_its_own_copy_is_told_to_merge(sample: Path) -> None:
    (sample / "cases/2026").mkdir()
    (sample / "cases/2026/2026-0003").mkdir()
    for record in (sample / "cases/2026-0003").iterdir():
        (sample / "cases/2026/2026-0003" / record.name).write_bytes(record.read_bytes())
    found = [f for f in findings_of(sample, "cases/2026/") if f.code == "case-in-folder"]
    assert len(found) == 1 and "cases/2026-0003이 이미 있으니 두 폴더의 기록을 견주어" in found[0].message_ko


@pytest.mark.parametrize(("rel", "old", "new", "says"), [
    (INTAKE, '  household: "1인 가구"\n', '  household: "1인 가구"\n  age: 75\n',
     "나이를 적는 항목은 없습니다. 나이는 age_group(연령대)이나 birth_date(생년월일)로 적으세요: 만 75세면 age_group: older."),
    ("cases/2026-0002/01-intake.md", "    age_group: child\n", "    age_group: child\n    age: 9\n",
     "나이는 age_group(연령대)로 적으세요: 만 9세면 age_group: child."),
])
def test_an_age_is_told_the_fields_that_hold_it(sample: Path, rel: str, old: str, new: str, says: str) -> None:
    edit(sample, rel, old, new)
    found = [f for f in findings_of(sample, rel) if f.severity == "error"]
    assert [f.code for f in found] == ["unknown-field"]
    assert says in found[0].message_ko, found[0].message_ko


@pytest.mark.parametrize("written", ["14:30", '"14:30"', "오후 2시"])
def test_a_time_of_day_is_one_finding_telling_where_it_goes(sample: Path, written: str) -> None:
    """`time: 14:30` in an activity was unknown-field and yaml-number-form (시각이면 따옴표로 …), the
    second telling to keep a field no form has."""
    rel = "cases/2026-0001/04-intervention.md"
    line = edit(sample, rel, "    minutes: 40\n", f"    minutes: 40\n    time: {written}\n") + 1
    found = [f for f in findings_of(sample, rel) if f.severity == "error"]
    assert [(f.code, f.line, f.column) for f in found] == [("unknown-field", line, 5)], found
    assert "시각을 적는 항목은 없습니다. 시각은 활동의 summary(내용)에 함께 적거나" in found[0].message_ko
    assert "본문에 적으세요" in found[0].message_ko and "따옴표" not in found[0].message_ko


@pytest.mark.parametrize(("typed", "meant"), [("ㅓㅐㅜㅑ새ㅑㅜㅎ", "monitoring"), ("ㅡㅐㅜㅑ새ㄱ", "monitoring"),
                                              ("ㅑㅜㅅㅁㅏㄷ", "intake")])
def test_a_stage_typed_in_korean_mode_is_guessed(sample: Path, run, typed: str, meant: str) -> None:
    result = run(sample, "add", "2026-0012", typed)
    assert result.exit_code == 2
    assert f"혹시 {meant}인가요?" in result.output and "한/영 키" in result.output, result.output


@pytest.mark.parametrize(("worker", "says"), [("김사회", "영문 ID(예: kim.sw)"), ("kim.sw ", "끝에 공백")])
@pytest.mark.parametrize("command", [["new"], ["add", "2026-0012", "점검"]])
def test_a_worker_id_mistyped_is_a_usage_error_naming_why(sample: Path, run, worker: str, says: str,
                                                          command: list[str]) -> None:
    before = sorted(p.relative_to(sample) for p in (sample / "cases").rglob("*"))
    result = run(sample, *command, "--worker", worker)
    assert result.exit_code == 2, result.output
    assert says in result.output and "invalid worker id" in result.output, result.output
    assert sorted(p.relative_to(sample) for p in (sample / "cases").rglob("*")) == before


def test_office_owner_files_and_records_kept_in_another_program_are_not_renamed_into_records(sample: Path) -> None:
    """`03-plan.md.bak.hwp` and `~$-intervention.md` were told to be renamed 10-plan.md and
    11-intervention.md: a second plan and a second intervention of the same text."""
    case = sample / "cases/2026-0001"
    (case / "03-plan.md.bak.hwp").write_bytes((case / "03-plan.md").read_bytes())
    (case / "~$-intervention.md").write_bytes(b"\x0ckim.sw" + b"\x00" * 40)
    (case / "~$03-plan.md").write_bytes((case / "03-plan.md").read_bytes())
    found = {f.path.rsplit("/", 1)[-1]: f for f in findings_of(sample, "cases/2026-0001/") if f.line is None}
    assert {name: (f.code, f.severity) for name, f in found.items()} == {
        "03-plan.md.bak.hwp": ("backup-file", "warning"), "~$-intervention.md": ("unexpected-file", "warning"),
        "~$03-plan.md": ("unexpected-file", "warning")}
    assert "03-plan.md의 백업으로 보입니다" in found["03-plan.md.bak.hwp"].message_ko
    assert "잠금 파일" in found["~$-intervention.md"].message_ko
    assert all("바꾸세요" not in f.message_ko for f in found.values())


@pytest.mark.parametrize(("name", "original"), [("03-plan.md.bak.hwp", "03-plan.md"), ("03-plan.md.hwp", "03-plan.md"),
                                                ("01-intake.md.docx", "01-intake.md")])
def test_a_record_kept_under_another_programs_extension_is_its_backup(name: str, original: str) -> None:
    assert copy_of(name) == (original, "editor")
