"""Record texts an attacker shaped to make a pattern or a loop take the square (or more) of their
size: a run of backticks, spaces in a date, a field of 300,000 characters. Each is read in time
growing with its size, with the results the slow reading gave (the CPU bounds are 5-10 times the
time measured, so that a busy machine passes them; the slow reading took minutes)."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

import pytest

from casekit.core import hints
from casekit.core.docs import code_spans, pasted_tables, without_code

REL = "cases/2026-0001/06-monitoring.md"


def _cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


# --- code in a body (docs.without_code) -------------------------------------------------------

# the one pattern `without_code` blanked code with
_CODE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^ {0,3}\2[`~]*[ \t]*$|\Z)|(`+)(?!`).+?(?<!`)\3(?!`)",
                   re.S | re.M)


def test_code_is_found_where_the_one_pattern_found_it() -> None:
    rng = random.Random(11)
    pieces = ["`", "``", "```", "````", "~", "~~~", "~~~~", "a", " ", "  ", "\t", "\n", "b\n", "|"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        assert code_spans(text) == [m.span() for m in _CODE.finditer(text)], text
        assert without_code(text) == _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


@pytest.mark.parametrize("code", ["`" * 300_000, "~" * 300_000, "`" * 2_000 + "a" * 300_000, "``a" * 100_000,
                                  ("`" * 50 + "a") * 6_000])
def test_a_run_of_backticks_is_read_in_linear_time(code: str) -> None:
    """A body with a table's `|` is read without its code (`pasted_tables`): from each backtick
    of a run of them no other run closes, the pattern looked for one to the end (14 s for 40,000
    backticks; a record of 300,000, most of an hour)."""
    body = "| 칸 | 칸 |\n" + code + "\n"
    assert _cpu(lambda: pasted_tables(body, REL, 7)) < 1.0  # (~0.05 s)


# --- dates and codes in the front matter (hints) ----------------------------------------------


@pytest.mark.parametrize("value", [" " * 300_000 + "x", "x" + " " * 300_000, "１" * 300_000, "“" * 300_000,
                                   " 2026-0001" + "\u3000" * 300_000])
def test_odd_characters_of_a_long_value_are_read_in_linear_time(value: str) -> None:
    """Whether each character stood at an end was asked by stripping all before and after it (a
    value of 20,000 spaces 0.1 s, of 300,000 half a minute)."""
    assert _cpu(lambda: hints.odd_characters(value)) < 1.0  # (~0.05 s)


def test_odd_characters_are_said_as_they_were() -> None:
    assert hints.odd_characters("  2026-0001") == (" 앞", "공백", "a space at an end", 0)
    assert hints.odd_characters("2026-0001\u3000 ") == (" 끝", "전각 공백(U+3000), 공백",
                                                         "a full-width space (U+3000), a space at an end", 9)
    assert hints.odd_characters("２０２６-００１ “x” １") == ("", "전각 숫자(２０２６), 둥근 따옴표(“”)",
                                                              "full-width digits, curly quotes", 0)


@pytest.mark.parametrize("value", [" " * 400 + "x", "x" + " " * 400 + "14:30", "1 " * 200, " " * 300_000])
def test_a_long_date_gets_no_hint_in_no_time(value: str) -> None:
    """The patterns of a date with its time or its day of the week shared a run of spaces out
    between their parts every way (200 spaces: 2.6 s; 400: minutes). No date is so long."""
    assert _cpu(lambda: hints.date_hint(value)) < 0.05
    assert hints.date_hint(value) == ("", "")
    assert hints.date_hint("2026-11-25 (수)")[0] and hints.date_hint("2026.11.25 오후 2시 30분")[0]


# --- the parts of an address (sensitive.address_details) -----------------------------------------

_OLD_FLOOR = re.compile(r"(\d+(?:-\d+)?)\s*,?\s*(\d+)\s*층")
_OLD_APT = re.compile(r"(\d+)\s*동\s*(\d+)\s*호")


def test_a_flat_and_a_floor_are_read_as_the_backtracking_patterns_read_them() -> None:
    from casekit.core.sensitive import _APT, _FLOOR

    rng = random.Random(5)
    pieces = ["1", "2", "12", "-", " ", ",", "층", "동", "호", "가", "로", "\t", "٣", "03", "101"]
    for _ in range(30_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        assert [(m.span(), m.groups()) for m in _OLD_FLOOR.finditer(text)] == [
            (m.span(), (m[1] or m[2] or m[3] or m[4], m[5])) for m in _FLOOR.finditer(text)], text
        assert [(m.span(), m.groups()) for m in _OLD_APT.finditer(text)] == [
            (m.span(), m.groups()) for m in _APT.finditer(text)], text


@pytest.mark.parametrize("unit", ["1", "가", "1동 ", "101호 ", "1-", "12 층", "가아파트 "])
def test_the_parts_of_a_long_address_are_looked_for_in_linear_time(unit: str) -> None:
    """`client.address: "1111…"`: the floor's pattern split 40,000 digits every way between its two
    numbers from each digit (more than minutes); a street's read 100,000 syllables again from each."""
    from casekit.core.sensitive import MAX_ADDRESS, address_details

    assert _cpu(lambda: address_details((unit * 300_000)[:300_000])) < 0.5  # (~0.05 s)
    assert _cpu(lambda: address_details((unit * MAX_ADDRESS)[:MAX_ADDRESS])) < 0.05
    assert address_details("가온구 나래동 101-1 2층") == ["101-1 2층", "2층 101-1", "나래동 101-1", "나래동101-1번지",
                                                     "나래동제101-1호", "나래동산101-1", "나래동101번지1호", "나래동101의1",
                                                     "나래동101번지의1", "나래동101번지1"]
