"""Numbers the PII guard reads although they are written apart: an account's groups after a bank's word
with spaces between them (a practitioner's probe: `계좌 110 234 567890 (신한)` passed check and the build,
where `신한 110-234-567890` was refused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_pii import REALISTIC, _findings, _plant_in_body, _write_allow, codes

ACCOUNTS = [
    ("계좌 110 234 567890 (신한)", "110 234 567890"),
    ("통장: 신한은행 110 234 567890", "110 234 567890"),
    ("계좌번호 110 234 567890", "110 234 567890"),
    ("입금 계좌 1002 123 456789", "1002 123 456789"),
    ("이체 110-234-567890", "110-234-567890"),  # (이체: a bank's word, as 입금 is; a warning before)
    ("송금 110 234 567890", "110 234 567890"),
    ("예금주 본인, 국민은행 123456 01 234567", "123456 01 234567"),  # 6-2-6
    ("하나은행 123 456789 01234", "123 456789 01234"),  # 3-6-5
    ("농협 301 1234 5678 91", "301 1234 5678 91"),  # 3-4-4-2
    ("카카오뱅크 3333 01 1234567", "3333 01 1234567"),  # 4-2-7
    ("계좌 1234 5678 9012", "1234 5678 9012"),  # 4-4-4
    ("계좌 110 - 234 - 567890", "110 - 234 - 567890"),  # (hyphens with spaces about them)
    ("계좌 110  234  567890", "110  234  567890"),
    ("통장 110-234 567890", "110-234 567890"),
    ("계좌 １１０ ２３４ ５６７８９０", "１１０ ２３４ ５６７８９０"),  # (full-width, as an IME types them)
    ("계좌 110 234 567890 2회 입금", "110 234 567890"),  # (a count after it: no next group)
]


@pytest.mark.parametrize(("text", "matched"), ACCOUNTS, ids=[a[0] for a in ACCOUNTS])
def test_an_accounts_groups_apart_after_a_banks_word_are_an_account(text: str, matched: str) -> None:
    assert codes(text) == [("pii-bank-account", matched)]


INNOCENT = [
    "금액 110 234원",
    "입금 110 234원 확인",
    "통장 잔액 12 000 000 000 원",  # (thousands apart: no group of four)
    "우리 기관 대표 내선 1234, 상담실 내선 2345",  # (a phone's extensions)
    "계좌 사본 p. 12 13 14 15 16",  # (page numbers)
    "통장 사본 첨부 (110 234 235쪽)",
    "입금일 2026 03 15 1430 확인",  # (led by a year)
    "우리 팀 회의 2026 05 20 14 30 10",
    "은행 방문 3회, 점수 10 20 30 40 50 60",
    "계좌 123 45 67890",  # (a business registration number's shape)
    "계좌 110 234 567890 1234 5678",  # (part of a longer row of groups)
    "하나 둘 셋: 1 2 3",
    "110 234 567890",  # (no bank's word: groups apart are also scores, times, tables)
    "사례 110 234 567890 참조",
]


@pytest.mark.parametrize("text", INNOCENT)
def test_innocent_groups_and_parts_are_none(text: str) -> None:
    assert codes(text) == []


def test_no_new_false_alarms_on_realistic_text() -> None:
    assert codes(REALISTIC) == []


def test_an_account_apart_is_allowed_by_its_digits() -> None:
    assert codes("후원 계좌 110 234 567890", ("110-234-567890",)) == []


def test_check_and_the_build_refuse_the_probes_forms_at_their_places(sample: Path, run) -> None:
    record = sample / "cases" / "2026-0012" / "04-intervention.md"
    planted = [_plant_in_body(record, line)[0] for line in ["계좌 110 234 567890 (신한)", "통장: 신한은행 110 234 567890"]]
    result = run(sample, "check", "--format", "json")
    assert result.exit_code == 1, result.output
    rel = "cases/2026-0012/04-intervention.md"
    assert [(f["path"], f["line"], f["column"], f["code"], f["severity"]) for f in _findings(result)] == [
        (rel, planted[0], 4, "pii-bank-account", "error"), (rel, planted[1], 10, "pii-bank-account", "error")]
    built = run(sample, "build")
    assert built.exit_code != 0
    assert f"{rel}:{planted[0]}:4: [pii-bank-account]" in built.output
    _write_allow(sample, ["110-234-567890"])  # (an agency's public account: allowed as the hyphenated one is)
    assert run(sample, "check").exit_code == 0


@pytest.mark.parametrize("unit", ["계좌 110 234 ", "110 234 567890 ", "계좌 110 234 567890 "])
def test_groups_and_parts_are_read_in_linear_time(unit: str) -> None:
    """A row of groups after a bank's word repeated over 300,000 characters: each match is tried once
    (~0.1 s)."""
    import time

    from casekit.core.pii import find_pii

    text = unit * (300_000 // len(unit))
    start = time.process_time()
    found = find_pii(text)
    assert time.process_time() - start < 10.0
    assert len(found) == (300_000 // len(unit) if unit.endswith("567890 ") and "계좌" in unit else 0)
