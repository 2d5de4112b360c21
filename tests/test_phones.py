"""Phone numbers in the fields that hold them (`x-phone`): a number nobody can dial is a warning
at the number, showing its shape and never its digits (casekit.core.phones)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casekit.core.phones import phone_problems

# written as practitioners write them, and what check says of each number in the value:
# (where it starts, its shape, a word of why) or nothing
NUMBERS: list[tuple[str, list[tuple[int, str, str]]]] = [
    ("010-0000-1234", []),
    ("010 0000 1234", []),
    ("010.0000.1234", []),
    ("01000001234", []),
    ("010-00001234", []),
    ("０１０－００００－１２３４", []),  # full-width, as a Korean IME's full-width mode writes it
    ("010‒0000‒1234", []),  # a figure dash
    ("+82 10-0000-1234", []),
    ("+82-2-000-1234", []),
    ("02-000-1234", []),
    ("02-0000-1234", []),
    ("(02) 000-1234", []),
    ("02)000-1234", []),
    ("031-000-1234", []),
    ("064-000-1234", []),
    ("070-0000-1234", []),
    ("0505-000-1234", []),
    ("080-000-1234", []),  # toll-free
    ("+82 (0)2 000 1234", []),
    ("011-000-1234", []),
    ("1577-1389", []),
    ("15771389", []),
    ("02-000-1234 (내선 12)", []),
    ("031-000-1234~5", []),
    ("딸 010-0000-5678", []),
    ("본인 010-0000-5678, 딸 010-0000-5679", []),
    ("1366", []),  # a hotline: no attempt at a long number
    ("129", []),
    ("없음", []),
    ("미확인(본인 휴대전화 분실)", []),
    ("010-****-1234", []),  # masked: not judged
    ("010-XXXX-1234", []),
    ("+86 138 0000 0000", []),  # abroad: not judged
    ("HP.010-0000-1234", []),
    ("***-****-1234", []),
    ("fax 02-00-1234", [(4, "02-○○-○○○○", "가운데 자리가 2자리")]),
    ("Tel.010-000-1234", [(4, "010-○○○-○○○○", "가운데 자리가 3자리")]),
    ("010-000-10012", [(0, "010-○○○-○○○○○", "가운데 자리가 3자리")]),
    ("010-0000-123", [(0, "010-○○○○-○○○", "끝자리가 3자리")]),
    ("010-0000-12345", [(0, "010-○○○○-○○○○○", "끝자리가 5자리")]),
    ("02-00-1234", [(0, "02-○○-○○○○", "가운데 자리가 2자리")]),
    ("0100001234", [(0, "010○○○○○○○", "숫자가 10자리")]),
    ("1000001234", [(0, "○○○○○○○○○○", "국번")]),
    ("099-000-1234", [(0, "○○○-○○○-○○○○", "국번")]),
    ("010-0000-1234-5", [(0, "010-○○○○-○○○○-○", "4묶음")]),
    ("1577-138", [(0, "○○○○-○○○", "대표번호")]),
    ("+82 10 0000 123", [(0, "+82 10 ○○○○ ○○○", "끝자리가 3자리")]),
    ("본인 010-0000-5678 / 딸 010-0000-567", [(21, "010-○○○○-○○○", "끝자리가 3자리")]),
    ("２０２６－０３－０４", [(0, "○○○○-○○-○○", "국번")]),  # a date in the phone field
]


@pytest.mark.parametrize(("value", "expected"), NUMBERS, ids=[v for v, _ in NUMBERS])
def test_each_number_in_a_phone_field_is_judged(value: str, expected: list[tuple[int, str, str]]) -> None:
    got = phone_problems(value)
    assert [(p.at, p.shape) for p in got] == [(at, shape) for at, shape, _ in expected]
    for problem, (_, _, why) in zip(got, expected, strict=True):
        assert why in problem.why
        assert value[problem.at :].startswith(problem.written)


def test_a_huge_run_of_digits_is_one_short_finding() -> None:
    (problem,) = phone_problems("0" * 1_000_000)
    assert len(problem.shape) <= 24 and problem.shape.endswith("…")


def _check(run, root: Path) -> list[dict]:
    result = run(root, "check", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["findings"]


def _edit(root: Path, rel: str, old: str, new: str) -> int:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, text.index(old)) + 1


def test_a_clients_number_mistyped_is_a_warning_at_the_number(sample: Path, run) -> None:
    rel = "cases/2026-0003/01-intake.md"
    line = _edit(sample, rel, '"010-0000-1003"', '"010-000-10003"')
    found = _check(run, sample)
    assert [(f["path"], f["line"], f["severity"], f["code"]) for f in found] == [(rel, line, "warning", "phone-malformed")]
    text = (sample / rel).read_text(encoding="utf-8").splitlines()[line - 1]
    assert text[found[0]["column"] - 1 :].startswith("010-000-10003")
    message = found[0]["message"]
    assert "client.phone" in message and "010-○○○-○○○○○" in message and "가운데 자리가 3자리" in message
    assert "10003" not in message  # the field is sensitive: its digits are never printed


def test_every_phone_field_is_judged_and_the_second_number_is_pointed_at(sample: Path, run) -> None:
    _edit(sample, "cases/2026-0001/01-intake.md", '"010-0000-2001"', '"주민센터 02-000-12"')  # referrer_contact
    resource = next(p for p in sorted((sample / "resources").glob("*.md")) if "contact_phone:" in p.read_text("utf-8"))
    rel = f"resources/{resource.name}"
    text = resource.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("contact_phone:"))
    line = _edit(sample, rel, old, 'contact_phone: "010-0000-9101, 010-0000-910"')
    found = {(f["path"], f["code"]): f for f in _check(run, sample) if f["code"] == "phone-malformed"}
    assert set(found) == {("cases/2026-0001/01-intake.md", "phone-malformed"), (rel, "phone-malformed")}
    at = found[(rel, "phone-malformed")]
    assert at["line"] == line and at["column"] == len('contact_phone: "010-0000-9101, ') + 1
    assert "02-○○○-○○" in found[("cases/2026-0001/01-intake.md", "phone-malformed")]["message"]


def test_a_casebooks_own_schema_without_the_mark_still_has_its_phones_judged(sample: Path, run) -> None:
    for name in ("intake.schema.json", "resource.schema.json"):  # a casebook set up before x-phone
        path = sample / "schemas" / name
        path.write_text(path.read_text(encoding="utf-8").replace('"x-phone": true,', ""), encoding="utf-8")
    _edit(sample, "cases/2026-0003/01-intake.md", '"010-0000-1003"', '"010-0000-100"')
    assert [f["code"] for f in _check(run, sample)] == ["phone-malformed"]


def test_a_field_a_casebook_marks_is_judged_too(sample: Path, run) -> None:
    path = sample / "schemas" / "intake.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["client"]["properties"]["guardian_phone"] = {
        "type": "string", "title": "보호자 연락처", "x-phone": True, "x-sensitive": True}
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    rel = "cases/2026-0003/01-intake.md"
    line = _edit(sample, rel, '  phone: "010-0000-1003"', '  phone: "010-0000-1003"\n  guardian_phone: "010-0000-100"') + 1
    assert [(f["path"], f["line"], f["code"]) for f in _check(run, sample)] == [(rel, line, "phone-malformed")]


def test_words_and_hotlines_in_a_phone_field_are_no_finding(sample: Path, run) -> None:
    _edit(sample, "cases/2026-0003/01-intake.md", '"010-0000-1003"', '"없음 (긴급 시 1366)"')
    assert _check(run, sample) == []
