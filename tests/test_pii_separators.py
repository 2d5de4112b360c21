"""The PII guard sees numbers through every separator a writer or a converter uses, and no more."""

from __future__ import annotations

import datetime as dt

import pytest

from casekit.core.pii import scan_text
from tests.test_pii import NEGATIVES, REALISTIC, codes

FOUND = [
    ("690721ㅡ1234567", "pii-resident-number"),  # the Hangul vowel ㅡ typed as a dash
    ("690721\\-1234567", "pii-resident-number"),  # a Markdown escape, as written in the source
    ("690721/1234567", "pii-resident-number"),
    ("690721.1234567", "pii-resident-number"),
    ("6 9 0 7 2 1 1 2 3 4 5 6 7", "pii-resident-number"),
    ("010ㅡ1234ㅡ5678", "pii-phone"),
    ("010\\-1234\\-5678", "pii-phone"),
    ("010/1234/5678", "pii-phone"),
    ("010)1234-5678", "pii-phone"),
    ("010) 1234-5678", "pii-phone"),
    ("0 1 0 1 2 3 4 5 6 7 8", "pii-phone"),
    ("010—1234—5678", "pii-phone"),
    ("０１０ㅡ１２３４ㅡ５６７８", "pii-phone"),
    ("02/1234/5678", "pii-phone"),
    ("110\\-123\\-456789", "pii-account"),
    # a number no field holds, typed with other marks or spaces between its groups (the sensitive
    # index read a casebook value through these; the guard for other numbers did not)
    ("010_1234_5678", "pii-phone"),
    ("010·1234·5678", "pii-phone"),
    ("010ㆍ1234ㆍ5678", "pii-phone"),  # the Hangul middle dot
    ("010•1234•5678", "pii-phone"),
    ("010~1234~5678", "pii-phone"),
    ("010=1234=5678", "pii-phone"),
    ("010:1234:5678", "pii-phone"),
    ("010--1234--5678", "pii-phone"),
    ("010  1234  5678", "pii-phone"),
    ("010 _ 1234 _ 5678", "pii-phone"),
    ("02·123·4567", "pii-phone"),
    ("HP:010_1234_5678", "pii-phone"),
    ("690721_1234567", "pii-resident-number"),
    ("690721·1234567", "pii-resident-number"),
    ("690721 ㆍ 1234567", "pii-resident-number"),
    # digits a browser shows as digits, not ASCII's: the build's audit stopped on them, check did not
    ("⁰¹⁰-¹²³⁴-⁵⁶⁷⁸", "pii-phone"),  # superscript
    ("⓪①⓪-①②③④-⑤⑥⑦⑧", "pii-phone"),  # circled
    ("𝟎𝟏𝟎-𝟏𝟐𝟑𝟒-𝟓𝟔𝟕𝟖", "pii-phone"),  # mathematical bold
    ("٠١٠-١٢٣٤-٥٦٧٨", "pii-phone"),  # Arabic-Indic
    ("६९०७२१-१२३४५६७", "pii-resident-number"),  # Devanagari
]


@pytest.mark.parametrize(("text", "code"), FOUND)
def test_found_through_separators(text: str, code: str) -> None:
    assert [c for c, _ in codes(text)] == [code]


@pytest.mark.parametrize("text", ["690721&#45;1234567", "010&#45;1234&#45;5678", "010&#x2D;1234&#8208;5678",
                                  "010<span></span>-1234-5678", "<abbr title=\"010-1234-5678\">연락처</abbr>"])
def test_a_body_is_read_as_the_reader_sees_it(text: str) -> None:
    found = scan_text("첫 줄\n" + text, "cases/a/02-assessment.md", 10)
    assert [(f.line, f.column) for f in found] == [(11, 1 if not text.startswith("<abbr") else 14)]


def test_no_new_false_alarms() -> None:
    assert codes(REALISTIC) == []
    for text in [*NEGATIVES, "2026/03/15", "1 2 3 4 5 6 7", "점수 1 2 3 4 5", "15/20, 3/4", "v1/2/3",
                 "09:00~18:00", "02:30~04:15", "2026·03·15", "2026_03_15", "10:30 ~ 11:45", "03·15~03·20",
                 "오전 10:00 ~ 오후 12:30", "1,200,000원~1,500,000원", "2026-0001_01-intake"]:
        assert codes(text) == [], text


def test_the_digit_table_is_every_character_unicode_reads_as_one_digit() -> None:
    """reader.DIGIT_RANGES, written out (computing it takes half a second at every start), against
    the installed Unicode database: decimal digits of every script, and what NFKC makes one digit."""
    import unicodedata

    from casekit.core.reader import DIGIT_RANGES, fold

    table = {cp: first + cp - a for a, b, first in DIGIT_RANGES for cp in range(a, b + 1)}
    expected = {}
    for cp in range(0x80, 0x110000):
        if 0xFF10 <= cp <= 0xFF19:
            continue  # (full-width forms: folded with the rest of them)
        c = chr(cp)
        value = unicodedata.decimal(c, None)
        if value is None and len(n := unicodedata.normalize("NFKC", c)) == 1 and n.isascii() and n.isdigit():
            value = int(n)
        if value is not None:
            expected[cp] = value
    assert table == expected
    assert fold("٠١٠-⁰¹²") == "010-012"


def test_check_reads_every_character_as_the_sites_audit_reads_it() -> None:
    """The audit reads a page NFKC-normalized (`reading.normalize_text`); check folded a fixed table of
    characters one for one (`reader.fold`), so `0⒑0000.1001` (⒑ is NFKC's `10.`) passed check and failed
    the audit, and so did 박﹒영﹒수 and 1969﹒07﹒21. Every character is now read alike by both: folded, then
    as NFKC reads it (`compat_reading`), but those drawn as nothing (dropped by both) and the Hangul
    letters typed apart, which check composes (`compose_jamo`) and NFKC reads as conjoining ones."""
    import unicodedata

    from casekit.core.reader import IGNORABLE_RE, compat_reading, fold
    from casekit.core.reading import normalize_text

    differ = []
    for cp in range(0x80, 0x110000):
        c = chr(cp)
        if unicodedata.category(c) in ("Cs", "Co", "Cn") or IGNORABLE_RE.match(c) or 0x3131 <= cp <= 0x318E:
            continue
        if IGNORABLE_RE.sub("", fold(compat_reading(fold(c))[0])) != fold(normalize_text(c)):
            differ.append(f"U+{cp:04X}")
    assert differ == []


@pytest.mark.parametrize(("text", "matched"), [
    ("기록: 0⒑0000.1001", "0⒑0000.1001"),  # (⒑: NFKC's 10.)
    ("연락 0⑩-1234-5678", "0⑩-1234-5678"), ("연락처 010﹒1234﹒5678", "010﹒1234﹒5678"),
    ("연락 0❶0-❶234-5678", "0❶0-❶234-5678"),  # (dingbat digits, which NFKC leaves: read by both as digits)
    ("주민 69⓪7㉑-1234567", "69⓪7㉑-1234567"),
])
def test_a_number_with_digits_nfkc_makes_of_one_character_is_found(text: str, matched: str) -> None:
    from casekit.core.pii import find_pii

    assert [(code, m) for code, _, m in find_pii(text, today=dt.date(2026, 6, 1))] == [
        ("pii-resident-number" if "주민" in text else "pii-phone", matched)]


def test_the_audit_reads_other_scripts_digits_as_the_number_they_show() -> None:
    """NFKC keeps ٠١٠ as it is: a phone written in Arabic-Indic digits passed the output audit."""
    from casekit.core.reading import normalize_text

    assert normalize_text("٠١٠-١٢٣٤-٥٦٧٨ ⁰¹⁰ 𝟎𝟏𝟎 ⓪①⓪ ०१०") == "010-1234-5678 010 010 010 010"
