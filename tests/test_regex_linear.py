"""Patterns whose backtracking an attacker (or a careless paste) could make take the square or the
cube of a record's size: a code span's closing run looked for from every backtick for every length
of its run, a comment's spaces split every way, a line of dashes split between two runs. Each is
read in time growing with its size, through `casekit check`, with the results the old patterns gave
(fuzzed against them). The CPU bounds are several times what is measured; the old patterns took
tens of seconds at the small sizes here, and minutes to hours at the large ones."""

from __future__ import annotations

import json
import os
import random
import re
import time
from pathlib import Path
from typing import Any

import pytest

from casekit.core import pictures, schemas, sensitive, source
from casekit.core.source import MAX_FILE_BYTES

REL = "cases/2026-0001/06-monitoring.md"


def _cpu_now() -> float:
    children = os.times()  # (a check of many records forks workers: their time too)
    return time.process_time() + children.children_user + children.children_system


def _check(sample: Path, run: Any, text: str) -> tuple[float, list[tuple[str, int | None, int | None]]]:
    """The CPU time of `casekit check` with the monitoring record's text `text`, and its findings there."""
    (sample / REL).write_text(text, encoding="utf-8")
    start = _cpu_now()
    result = run(sample, "check", "--no-cache", "--format", "json")
    spent = _cpu_now() - start
    found = json.loads(result.output)["findings"]
    return spent, [(f["code"], f["line"], f["column"]) for f in found if f["path"] == REL]


# --- code spans in a body's line (pictures.body_lines, read for links and pictures) ---------------

_OLD_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def test_code_spans_are_blanked_where_the_pattern_blanked_them() -> None:
    rng = random.Random(7)
    pieces = ["`", "``", "```", "````", "a", " ", "b c", "\r", "\t", "가"]
    for _ in range(40_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16)))
        assert pictures._blank_code_spans(line) == _OLD_CODE_SPAN.sub(lambda c: " " * len(c.group()), line), line


@pytest.mark.parametrize("line", ["x" + "`" * 1_000_000, "`a" * 500_000, "``a`" * 250_000, "`" * 500_000 + " ``"])
def test_a_long_line_of_backticks_is_blanked_in_linear_time(line: str) -> None:
    start = time.process_time()
    pictures._blank_code_spans(line)
    assert time.process_time() - start < 5.0  # (~0.002-0.9 s)


def test_a_line_of_backticks_in_a_body_is_checked_in_linear_time(sample: Path, run: Any) -> None:
    """`x```…`` (no fence: a letter first) with a link and a picture in the body: the code span
    pattern tried every length of the run from each of its backticks, to the end of the line
    (700 backticks: ~10 s of `casekit check`; 1,000: 28 s; a million, years)."""
    text = (sample / REL).read_text(encoding="utf-8") + "\n[점검표](05-intervention.md) ![사진](a.png)\n"
    expected = [("image-not-found", 35, 27), ("link-missing", 35, 1)]
    spent, found = _check(sample, run, text + "x" + "`" * 700 + "\n")
    assert spent < 3.0 and sorted(found) == expected  # (~0.2 s)
    spent, found = _check(sample, run, text + "x" + "`" * 1_000_000 + "\n")
    assert spent < 5.0 and sorted(found) == expected  # (~0.2 s)



_OLD_REFERENCE = re.compile(r"""^ {0,3}(?:>[ ]?)*(?:(?:[-*+]|[0-9]{1,9}[.)])[ ]+)?\[([^\[\]]*)\]:[ ]*"""
                            r"""(?:([^\s]+)[ ]*(?:(["'])(.*)\3[ ]*|\((.*)\)[ ]*)?)?$""")
_OLD_REFERENCE_NEXT = re.compile(r"""^[ ]*([^\s]+)[ ]*(?:(["'])(.*)\2[ ]*|\((.*)\)[ ]*)?$""")


def test_a_reference_definition_is_read_as_the_pattern_read_it() -> None:
    rng = random.Random(6)
    pieces = ["[a]:", "[a]: ", "[", "]", ":", " ", "  ", "\t", '"', "'", "(", ")", "x", "y z", ">", "- ", "1. ", "\u3000"]
    for _ in range(60_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        for text in (line, "[a]: " + line):  # (label, where, address; True: none, on the next line)
            old = _OLD_REFERENCE.match(text)
            head = pictures.REFERENCE_HEAD.match(text)
            new = None if head is None else head.end() == len(text) or pictures._address(text, head.end())
            assert (old and (old.group(1), old.start(1), old.group(2) or True)) == (
                head and new and (head.group(1), head.start(1), new)), text
        nxt = _OLD_REFERENCE_NEXT.match(line)
        assert (nxt and nxt.group(1)) == pictures._address(line, len(line) - len(line.lstrip(" "))), line


def test_a_reference_definition_of_many_quotes_is_checked_in_linear_time(sample: Path, run: Any) -> None:
    """`[점검표]: ` then a run of double quotes and ` x y`: with the whole run not the address, the
    pattern tried a title from each quote, read to the line's end (15,000: ~12 s of `casekit check`;
    a million, hours). It is no definition: the label's picture is the file the next one names, and
    the label on that line a link to it (Python-Markdown: `<a href="missing.png">점검표</a>`)."""
    text = (sample / REL).read_text(encoding="utf-8")
    for quotes in (15_000, 1_000_000):
        spent, found = _check(sample, run, text + "\n[점검표]: " + '"' * quotes + " x y\n![사진][점검표]\n\n[점검표]: missing.png\n")
        assert spent < 3.0 and found == [("image-not-found", 36, 1), ("link-missing", 38, 1)]  # (~0.2-0.6 s)

# --- a value given as a comment (schemas.commented_out) -------------------------------------------

_OLD_COMMENTED = re.compile(r"\s*(?:-\s+)?(?:(?P<key>[^\s:#\"'-][^:#]*?)\s*:)?\s+(?P<comment>#.*?)\s*$")


def test_a_comment_for_a_value_is_read_as_the_pattern_read_it() -> None:
    rng = random.Random(8)
    pieces = [" ", "  ", "\t", "\u3000", "-", "- ", "#", ":", ": ", "a", "b c", '"', "'", "\n", "\r", "x:"]
    for _ in range(100_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        old, new = _OLD_COMMENTED.match(line), schemas._COMMENTED.match(line)
        assert (old and (old.span(), old["key"], old["comment"], old.start("comment"))) == (
            new and (new.span(), new["key"], new["comment"], new.start("comment"))), line


@pytest.mark.parametrize("value", ["#{}x", "{}#x", "-{}x", "#{}#{}x"])
def test_a_long_comment_for_a_value_is_read_in_linear_time(value: str) -> None:
    for line in ("worker: " + value.replace("{}", " " * 300_000), value.replace("{}", " " * 300_000),
                 "a" + " " * 300_000 + "b"):
        start = time.process_time()
        schemas._COMMENTED.match(line)
        assert time.process_time() - start < 2.0  # (~0.01 s)


def test_a_value_given_as_a_long_comment_is_checked_in_linear_time(sample: Path, run: Any) -> None:
    """`worker: #      …x`: the comment was read again from each of its characters to the end of
    the line (40,000 spaces: ~9 s of `casekit check`; 1,000,000: more than an hour)."""
    text = (sample / REL).read_text(encoding="utf-8")
    for spaces in (40_000, 1_000_000):
        spent, found = _check(sample, run, text.replace("worker: kim.sw", "worker: #" + " " * spaces + "x"))
        assert spent < 3.0 and found == [("empty-value", 5, 9)]  # (~0.2 s)


# --- a closing line of front matter typed as other dashes (source.split) --------------------------

_D = source._DASH_CHARS
_OLD_DASHES_LINE = re.compile(rf"^[ \t]*(?:-{{2}}|-{{4,}}|[-{_D}]*[{_D}][-{_D}]*|---[ \t]*\S.*)$")


def test_a_line_of_dashes_is_read_as_the_pattern_read_it() -> None:
    rng = random.Random(9)
    pieces = [" ", "\t", "-", "---", "ㅡ", "—", "\u2010", "─", "x", "\n", "－", "ー", " x"]
    for _ in range(100_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        old, new = _OLD_DASHES_LINE.match(line), source._DASHES_LINE.match(line)
        assert (old and old.span()) == (new and new.span()), line


def test_a_long_line_of_dashes_in_front_matter_is_checked_in_linear_time(sample: Path, run: Any) -> None:
    """Front matter left open, a line of `ㅡㅡㅡ…x` in it: the pattern for a closing line typed as
    other dashes split the run every way between its two runs of dashes (40,000: ~10 s of
    `casekit check`; 300,000: twenty minutes)."""
    front, body = (sample / REL).read_text(encoding="utf-8").split("\n---\n", 1)
    for dashes in (40_000, (MAX_FILE_BYTES - 4_000) // 3):
        spent, found = _check(sample, run, front + "\n" + "ㅡ" * dashes + "x\n# 점검\n" + body)
        assert spent < 3.0 and found == [("front-matter-unclosed", 24, 1)]  # (~0.2 s)


# --- a key opening a block, in front matter with a wide space (source.wide_spaces) ----------------

_OLD_BLOCK_OPENER = re.compile(r"^([ \t]*(?:-[ \t]+)*)[^\s:#'\"][^:#]*:[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")


def test_a_key_opening_a_block_is_read_as_the_pattern_read_it() -> None:
    rng = random.Random(10)
    pieces = [" ", "\t", "-", "- ", "-\t", ":", ": ", "|", ">", "#", "a", "'", '"', "1", "+", "\u3000", "\n", "x: |"]
    for _ in range(100_000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        old, new = _OLD_BLOCK_OPENER.match(line), source._BLOCK_OPENER.match(line)
        assert (old and (old.span(), old.group(1))) == (new and (new.span(), new.group(1))), line


def test_a_line_of_list_markers_in_front_matter_with_a_wide_space_is_checked_in_linear_time(sample: Path,
                                                                                          run: Any) -> None:
    """`- - - … x` in front matter that holds a full-width space: the pattern for a key opening a
    block let its key begin at each `- ` and read from there to the line's end (50,000: ~18 s of
    `casekit check`; 400,000: twenty minutes)."""
    text = (sample / REL).read_text(encoding="utf-8").replace("worker: kim.sw", "worker: kim.sw\u3000")
    for markers in (50_000, 400_000):
        spent, found = _check(sample, run, text.replace("decision: close", "decision: close\n" + "- " * markers + "x"))
        assert spent < 3.0 and ("yaml-syntax", 24, 1) in found  # (~0.2 s)


# --- the choices a template's placeholder lists (schemas.placeholder_advice) ----------------------


def test_asides_are_taken_out_of_choices_as_the_pattern_took_them() -> None:
    rng = random.Random(12)
    pieces = ["(", ")", "a", " ", "\n", "((", "))", "b c", "\r"]
    for _ in range(100_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        assert schemas._without_asides(text) == re.sub(r"\(.*?\)", "", text), text


def test_a_placeholder_of_many_parentheses_is_checked_in_linear_time(sample: Path, run: Any) -> None:
    """`worker: "<선택: ((((…>"`: each "(" of the choices was read to the end for its ")" (50,000:
    ~14 s of `casekit check`; 400,000: fifteen minutes)."""
    text = (sample / REL).read_text(encoding="utf-8")
    for parentheses in (50_000, 400_000):
        spent, found = _check(sample, run, text.replace("worker: kim.sw", 'worker: "<선택: ' + "(" * parentheses + '>"'))
        assert spent < 3.0 and found == [("placeholder", 5, 9)]  # (~0.2 s)


# --- a casebook schema's own pattern, where a rejected value is explained (schemas.pattern_matches)


def test_a_schemas_pattern_explains_a_rejected_value_with_the_engine_that_rejected_it(sample: Path,
                                                                                       run: Any) -> None:
    """A worker's id pattern changed in the casebook's schemas to `^(a+)+$`, and `worker: aaa…aB`:
    jsonschema-rs rejects it at once, but the explanation (would it fit in lower case?) asked
    Python's re, which tries every split of the a's (28: ~15 s of `casekit check`; 40: hours)."""
    common = sample / "schemas" / "common.schema.json"
    common.write_text(common.read_text(encoding="utf-8").replace('"^[A-Za-z][A-Za-z0-9_.-]{0,31}$"', '"^(a+)+$"'),
                      encoding="utf-8")
    text = (sample / REL).read_text(encoding="utf-8")
    for letters in (28, 40):
        spent, found = _check(sample, run, text.replace("worker: kim.sw", "worker: " + "a" * letters + "B"))
        assert spent < 3.0 and [code for code, _, _ in found] == ["bad-pattern"]  # (~0.2 s)
    assert schemas.pattern_matches("^(a+)+$", "a" * 40 + "b") is False
    assert schemas.pattern_matches("^[a-z]+$", "kim") and not schemas.pattern_matches("^[a-z]+$", "kim\n")


def test_an_id_typed_as_a_number_is_explained_with_the_engine_that_rejected_it(sample: Path, run: Any) -> None:
    """`goal: 1` for G1 is explained by trying the pattern with its letters before the number
    (`write G1`). That try ran the casebook's pattern with Python's re: a goal-id pattern changed
    to `^G[0-9]((([0-9]+)+)+)+x$` and `goal: 1111…` (15 digits) took 16 s, 18 digits over a
    minute; jsonschema-rs, which rejected it, answers at once. The advice itself is unchanged."""
    rel = "cases/2026-0001/04-intervention.md"
    text = (sample / rel).read_text(encoding="utf-8")
    (sample / rel).write_text(text.replace("    goal: G1", "    goal: 1", 1), encoding="utf-8")
    result = run(sample, "check", "--no-cache", "--format", "json")
    said = [f["message"] for f in json.loads(result.output)["findings"] if f["path"] == rel and f["line"] == 9]
    assert any("G1로 적으세요" in m for m in said), said
    common = sample / "schemas" / "common.schema.json"
    common.write_text(common.read_text(encoding="utf-8").replace('"^G[0-9]{1,3}$"', '"^G[0-9]((([0-9]+)+)+)+x$"'),
                      encoding="utf-8")
    (sample / rel).write_text(text.replace("    goal: G1", "    goal: " + "1" * 18, 1), encoding="utf-8")
    start = _cpu_now()
    result = run(sample, "check", "--no-cache", "--format", "json")
    assert _cpu_now() - start < 3.0  # (~0.3 s)
    codes = [f["code"] for f in json.loads(result.output)["findings"] if f["path"] == rel and f["line"] == 9]
    assert codes, codes


# --- a value written again and again, in its forms (sensitive) ------------------------------------

_LEAK_INDEX = sensitive.SensitiveIndex([("박영수", "cases/2026-0001/01-intake.md", "client.name"),
                                        ("1969-07-21", "cases/2026-0001/01-intake.md", "client.birth_date")])


@pytest.mark.parametrize(("unit", "each"), [
    ("69.07.21 ", 1), ("박 영수 ", 1), ("박영수 영수 씨 ", 1),
    ("ㅂㅏㄱㅇㅕㅇㅅㅜ ", 1), ("ㅂㅏㄱ영수 ", 1), ("ㅂ ", 0), ("ㅂ", 0), ("ㅎ-ㅣ", 0), ("ㄱ-", 0),  # (jamo: compose_jamo)
    ("六九.〇七.二一 ", 1), ("六-", 0), ("六", 0), ("十", 0), ("一九六九年七月二十一日 ", 1),  # (CJK numerals)
    ("일구육구. 칠. 이십일 ", 1), ("일구육구 칠 ", 0), ("일구", 0), ("일구육구 ", 0),  # (number words apart)
])
def test_the_forms_of_a_leaked_value_are_read_in_linear_time(unit: str, each: int) -> None:
    """A text of one unit repeated, in a client's own record: the value itself again and again, in
    its forms, or a jamo, a numeral, a dash or a year's words again and again. Each hit tried
    against every other hit (a given name against the names, a date against the dates) took the
    square of their number (8,000 `69.07.21`: 2.0 s of `find`; 8,000 `박 영수`: 2.1 s; 8,000
    `ㅂㅏㄱ영수`, its jamo composed so: 2.3 s); 300,000 characters were minutes."""
    text = unit * (300_000 // len(unit))
    start = time.process_time()
    hits = _LEAK_INDEX.find(text, scope="cases/2026-0001/")
    assert time.process_time() - start < 15.0  # (~0.1-2 s)
    assert len([h for h in hits if h.variant != "given-name"]) == each * (300_000 // len(unit))


_PHONE_INDEX = sensitive.SensitiveIndex([("010-0000-1001", "cases/2026-0001/01-intake.md", "client.phone")])


@pytest.mark.parametrize(("unit", "each"), [
    ("공일공 공공공공 일공공일 3 ", 1), ("1. 공일공-공공공공-일공공일이다 ", 1),  # (a digit beside each: one run of them all)
    ("일 ", 0), ("공일", 0), ("이-", 0), ("일이", 0), ("이 ", 0),
])
def test_numbers_in_digit_words_are_read_in_linear_time(unit: str, each: int) -> None:
    """A run of digit words and digits is read whole, as digits, and searched for every number in it
    (`pii.word_readings`): a text of one unit repeated, 300,000 characters, is one run."""
    from casekit.core.pii import find_pii

    text = unit * (300_000 // len(unit))
    start = time.process_time()
    numbers = list(find_pii(text))
    hits = _PHONE_INDEX.find(text)
    assert time.process_time() - start < 10.0  # (~0.2-0.5 s)
    assert len(numbers) == len(hits) == each * (300_000 // len(unit))


def test_a_record_full_of_jamo_numerals_and_number_words_is_checked_in_linear_time(sample: Path, run: Any) -> None:
    """A body of 60,000 Hangul letters typed apart, CJK numerals and digit words that are no one's
    value, with the client's name in jamo and her birth date in numerals and in words apart at its end:
    those three found, at their lines, in time growing with the body's size."""
    text = (sample / REL).read_text(encoding="utf-8")
    filler = ("ㄱ. ㅎㅎ ㅠㅠ ㅂ-ㅏ 六九〇七 二十 일구육구 칠 이 사 구 " * 2_000) + "\n"
    leaks = "\nㅂㅏㄱ ㅇㅕㅇ ㅅㅜ 씨\n\n一九六九年七月二十一日\n\n일구육구. 칠. 이십일\n"
    lines = text.count("\n") + 1
    spent, found = _check(sample, run, text + filler + leaks)
    assert sorted(found) == [("sensitive-variant-in-text", lines + 2, 1), ("sensitive-variant-in-text", lines + 4, 1),
                             ("sensitive-variant-in-text", lines + 6, 1)], found
    assert spent < 10.0  # (~1 s)
