"""Right-to-left text is read in the order a browser draws it, too (`casekit.core.bidi`).

A probe: `연락 메모 A: \u200f1001_0000_010` (U+200F, which casekit allows: phones paste it), `\u05d0 1001 0000 010`
(a Hebrew letter) and a resident number `\u200f0 0 0 0 0 0 1 - 1 2 7 0 9 6` passed check and the build's audit,
and Chromium drew them `010_0000_1001`, `010 0000 1001 \u05d0`, `6 9 0 7 2 1 - 1 0 0 0 0 0 0`: 2026-0001's
client's phone and resident number (010-0000-1001, 690721-1000000), written backwards."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.pii import find_pii
from casekit.core.reader import reader_text
from tests.conftest import copy_casebook, write_pages

REC = "cases/2026-0004/03-followup.md"  # (another case's record: the client's values count everywhere)
INTAKE = "cases/2026-0001/01-intake.md"


def test_every_right_to_left_character_is_looked_for() -> None:
    """`RTL_RE`, written out as blocks, holds every character whose bidirectional type is R, AL or AN,
    and the embedding, override and isolate that open right-to-left text."""
    from casekit.core.bidi import RTL_RE

    missing = [f"U+{cp:04X}" for cp in range(0x110000)
               if unicodedata.bidirectional(chr(cp)) in ("R", "AL", "AN", "RLE", "RLO", "RLI") and not RTL_RE.match(chr(cp))]
    assert missing == []


@pytest.mark.parametrize(("written", "drawn"), [
    # (what Chromium drew, the probe's three)
    ("연락 메모 A: \u200f1001_0000_010", "연락 메모 A: 010_0000_1001\u200f"),
    ("\u05d0 1001 0000 010", "010 0000 1001 \u05d0"),
    ("\u200f0 0 0 0 0 0 1 - 1 2 7 0 9 6", "6 9 0 7 2 1 - 1 0 0 0 0 0 0\u200f"),
    # digits after an Arabic letter are Arabic numbers: a hyphen between them is a neutral (W2, W6)
    ("\u0627 1001-0000-010", "010-0000-1001 \u0627"),
    # after a Hebrew letter a hyphen joins European digits into one number, drawn as written (W4)
    ("\u05d0 010-0000-1001", "010-0000-1001 \u05d0"),
    # Arabic-Indic digits are Arabic numbers, laid out right to left in groups with no letter at all
    ("\u0661\u0660\u0660\u0661-\u0660\u0660\u0660\u0660-\u0660\u0661\u0660",
     "\u0660\u0661\u0660-\u0660\u0660\u0660\u0660-\u0661\u0660\u0660\u0661"),
    # a soft line break is a space on the page: one paragraph
    ("a\u200f1001_0000\n_010", "a010_\n0000_1001\u200f"),
])
def test_text_is_drawn_as_the_bidirectional_algorithm_lays_it_out(written: str, drawn: str) -> None:
    from casekit.core.bidi import displayed

    shown = displayed(written)
    assert shown is not None and shown[0] == drawn
    assert sorted(shown[1]) == list(range(len(written)))  # (each character once, at its place)


@pytest.mark.parametrize("text", [
    "2026-03-10 통화. 연락처 변경 없음.", "전화 \u200e010-0000-1001\u200f", "메모 1001_0000_010",  # (no right-to-left text)
])
def test_text_drawn_as_written_is_not_read_again(text: str) -> None:
    from casekit.core.bidi import displayed

    assert displayed(text) is None


def test_only_the_paragraphs_holding_right_to_left_text_are_read_again() -> None:
    from casekit.core.bidi import displayed

    shown = displayed("다음 방문 1001_0000_010\n\n아흐마드(\u0623\u062d\u0645\u062f) 씨와 통화.\n\n메모 1001_0000_010")
    assert shown is not None and shown[0] == "아흐마드(\u062f\u0645\u062d\u0623) 씨와 통화."


PLANTED = [
    ("연락 메모 A: ", "\u200f1001_0000_010", ""),
    ("", "\u05d0 1001 0000 010", ""),
    ("", "\u200f0 0 0 0 0 0 1 - 1 2 7 0 9 6", ""),
    ("번호 ", "\u0661\u0660\u0660\u0661-\u0660\u0660\u0660\u0660-\u0660\u0661\u0660", ""),
    ("메모 **", "\u200f1001**_0000_010", ""),  # (emphasis between: the mark is dropped, where it was kept)
    ("메모 &rlm;", "1001_0000_010", ""),  # (the mark as an entity)
]


def test_a_clients_number_drawn_the_right_way_round_fails_check(tmp_path: Path) -> None:
    """Each at its first digit as written, said as the client's value (written another way, but the
    Arabic digits, drawn as the value itself)."""
    root = copy_casebook(tmp_path / "book")
    rec = root / REC
    text = rec.read_text(encoding="utf-8").rstrip("\n")
    rec.write_text(text + "\n\n" + "\n\n".join("".join(p) for p in PLANTED) + "\n", encoding="utf-8")
    first = text.count("\n") + 3
    found = sorted((f.line or 0, f.column, f.code) for f in check(root).findings if f.path == REC)
    lines = ["".join(parts) for parts in PLANTED]
    assert [(line, col) for line, col, _ in found] == [
        (first + 2 * i, next(k for k, ch in enumerate(line) if ch.isdigit()) + 1) for i, line in enumerate(lines)], found
    assert {code for _, _, code in found} == {"sensitive-variant-in-text", "sensitive-in-text"}  # (١٠٠١… drawn: the value)


def test_a_number_drawn_the_right_way_round_in_a_field_fails_check(tmp_path: Path) -> None:
    root = copy_casebook(tmp_path / "book")
    rec = root / REC
    text = rec.read_text(encoding="utf-8")
    rec.write_text(text.replace('note: "정신건강', 'note: "연락 메모 A: \u200f1001_0000_010. 정신건강', 1), encoding="utf-8")
    found = [(f.line, f.code) for f in check(root).findings if f.path == REC]
    assert found == [(9, "sensitive-variant-in-text")], found


@pytest.mark.parametrize(("text", "code", "matched"), [
    ("연락 \u200f5678_1234_010", "pii-phone", "5678_1234_010"),  # (no one's number: the pattern says it)
    ("\u05d0 5678 1234 010 \u05d1", "pii-phone", "5678 1234 010"),
    ("\u200f5678_1234_010 이다", "pii-phone", "5678_1234_010"),
])
def test_a_number_drawn_the_right_way_round_is_a_personal_number(text: str, code: str, matched: str) -> None:
    assert (code, matched) in [(c, m) for c, _, m in find_pii(text)]
    assert (code, matched) not in [(c, m) for c, _, m in find_pii(text, bidi=False)]


def test_the_sites_audit_reads_a_page_as_it_is_drawn(tmp_path: Path) -> None:
    """The audit normalizes a page (the marks go, Arabic digits are ASCII's): a line holding right-to-left
    text is also read as it is drawn, from the page's text as it stands."""
    from casekit.site.audit import audit_casebook

    root = copy_casebook(tmp_path / "book")
    forms = ["".join(parts) for parts in PLANTED[:4]]
    write_pages(tmp_path / "site", forms, "<p>아흐마드(\u0623\u062d\u0645\u062f) 씨와 통화</p><p>1001_0000_010</p>"
                    "<p>\u200e010-1234-5678\u200f</p>")
    needles = [("010-0000-1001", INTAKE, "client.phone"), ("690721-1000000", INTAKE, "client.resident_number")]
    refused = sorted(f.path for f in audit_casebook(root, tmp_path / "site", needles) if f.code == "site-sensitive")
    assert refused == sorted(f"p{i}/index.html" for i in range(len(forms))), refused


def test_a_clients_name_in_arabic_script_passes_check(tmp_path: Path) -> None:
    """Right-to-left letters are no error: a client's name in Arabic script, beside numbers and dates."""
    root = copy_casebook(tmp_path / "book")
    rec = root / REC
    text = rec.read_text(encoding="utf-8")
    rec.write_text(text.replace('note: "정신건강', 'note: "이웃 \u0623\u062d\u0645\u062f 씨(2026-03-10 방문). 정신건강', 1)
                   + "\n이웃 아흐마드(\u0623\u062d\u0645\u062f \u0639\u0644\u064a) 씨와 2026-03-10 14:00 통화, 3/17 재방문.\n"
                   + "\n\u05d0 2026-0001 사례, 1,200,000원 지원.\n", encoding="utf-8")
    assert [(f.path, f.code) for f in check(root).findings] == []


@pytest.mark.parametrize("unit", ["\u05d0 1 ", "\u200f1_", "\u0661-", "\u05d0 \u200f010 ", "a\u200f1001_0000_010 "])
def test_right_to_left_text_is_read_in_linear_time(unit: str) -> None:
    text = unit * (200_000 // len(unit))
    start = time.process_time()
    find_pii(text)
    reader_text(text).displayed()
    assert time.process_time() - start < 10.0  # (~1 s)


def test_a_right_to_left_paragraph_of_many_numbers_is_read_in_linear_time() -> None:
    """Each number found as written and as drawn is weighed against those it shares characters with
    found by bisection, not against every other one."""
    from casekit.core.sensitive import SensitiveIndex, scan

    index = SensitiveIndex([("010-0000-1001", INTAKE, "client.phone")])
    text = "\u05d0 " + "010-0000-1001 1001_0000_010 010-1234-5678 " * 5_000
    start = time.process_time()
    numbers = find_pii(text)
    found = scan(index, REC, text, 1, 1, body=True)
    assert time.process_time() - start < 20.0  # (~3 s)
    assert len(numbers) == 15_000 and len(found) == 10_000
