"""Numbers the PII guard reads although they are written apart: an account's groups after a bank's word
with spaces between them, and a resident registration number in two parts, each under its word (a
practitioner's probe: `계좌 110 234 567890 (신한)` and `주민번호 앞자리 850315 뒷자리 2345678` passed check and
the build, where `신한 110-234-567890` and `850315 - 2345678` were refused)."""

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


RESIDENT_PARTS = [
    ("주민번호 앞자리 850315 뒷자리 2345678 확인함", ["850315", "2345678"]),
    ("생년월일 850315, 주민번호 뒷자리 2345678", ["2345678"]),  # (the back part alone names the person)
    ("주민등록번호 앞 6자리 850315, 뒤 7자리 2345678", ["850315", "2345678"]),
    ("주민번호 850315 뒷자리 2345678", ["850315", "2345678"]),  # (the birth date right before the back's word)
    ("주민번호 뒷자리는 1234567", ["1234567"]),
    ("주민 번호 뒷번호: 2345678", ["2345678"]),
    ("주민등록증 확인, 뒷자리 4123456", ["4123456"]),
    ("외국인등록번호 뒷자리 5234567", ["5234567"]),  # registered foreigners: 5-8
    ("외국인 등록번호 앞자리 950101, 뒷자리 6123456", ["950101", "6123456"]),
    ("주민번호 뒷자리 2345678, 앞자리 850315", ["2345678", "850315"]),
    ("주민번호 앞자리 991315 뒷자리 2345678", ["2345678"]),  # (no 13th month: no birth date, the back part still)
]


@pytest.mark.parametrize(("text", "parts"), RESIDENT_PARTS, ids=[r[0] for r in RESIDENT_PARTS])
def test_a_resident_number_in_two_parts_under_their_words_is_found(text: str, parts: list[str]) -> None:
    assert codes(text) == [("pii-resident-number", p) for p in sorted(parts, key=text.index)]


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
    "주민센터 방문, 뒷자리 2345678",  # (no word for a resident number)
    "주민번호 뒷자리 9234567",  # (9: no resident's digit)
    "주민번호 뒤 72345678",  # (eight digits)
    "주민번호 뒷자리 1******",  # (the sex digit alone)
    "주민번호 뒷자리 2345678원",
    "주민등록등본 2부 발급, 뒷면 1234567",
    "뒷자리 2345678",
    "전화번호 뒷자리 5678, 주민번호는 받지 않음",
    "생년월일 850315",
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
    planted = [_plant_in_body(record, line)[0] for line in [
        "주민번호 앞자리 850315 뒷자리 2345678 확인함", "생년월일 850315, 주민번호 뒷자리 2345678",
        "계좌 110 234 567890 (신한)", "통장: 신한은행 110 234 567890"]]
    result = run(sample, "check", "--format", "json")
    assert result.exit_code == 1, result.output
    rel = "cases/2026-0012/04-intervention.md"
    assert [(f["path"], f["line"], f["column"], f["code"], f["severity"]) for f in _findings(result)] == [
        (rel, planted[0], 10, "pii-resident-number", "error"), (rel, planted[0], 21, "pii-resident-number", "error"),
        (rel, planted[1], 23, "pii-resident-number", "error"),
        (rel, planted[2], 4, "pii-bank-account", "error"), (rel, planted[3], 10, "pii-bank-account", "error")]
    built = run(sample, "build")
    assert built.exit_code != 0
    assert f"{rel}:{planted[2]}:4: [pii-bank-account]" in built.output
    assert f"{rel}:{planted[0]}:21: [pii-resident-number]" in built.output
    _write_allow(sample, ["110-234-567890"])  # (an agency's public account: allowed as the hyphenated one is)
    result = run(sample, "check", "--format", "json")
    assert {f["code"] for f in _findings(result)} == {"pii-resident-number"}


@pytest.mark.parametrize("unit", ["계좌 110 234 ", "110 234 567890 ", "뒷자리 ", "뒤 7자리 - ", "앞자리 850315 뒤",
                                  "주민번호 앞자리 850315 뒷자리 2345678 "])
def test_groups_and_parts_are_read_in_linear_time(unit: str) -> None:
    """A row of groups after a bank's word, and the words for a resident number's parts, repeated over
    300,000 characters: each match is tried once (~0.3 s)."""
    import time

    from casekit.core.pii import find_pii

    text = unit * (300_000 // len(unit))
    start = time.process_time()
    found = find_pii(text)
    assert time.process_time() - start < 10.0
    assert len(found) == (2 * (300_000 // len(unit)) if "2345678" in unit else 0)
