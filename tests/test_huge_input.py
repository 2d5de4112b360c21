"""Hostile and huge records take time growing with their size, not with its square: a body of one
long line, a given name in every word, thousands of tags, links or emphasis marks near the size
limit (casekit.core.source.MAX_FILE_BYTES) are checked, masked and published as fast as their size
allows, with the findings and pages they had when read the slow way."""

from __future__ import annotations

import functools
import json
import random
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casekit.core import pii, sensitive
from casekit.core.docs import MAX_LIST_DEPTH, deep_lists
from casekit.core.sensitive import NAME_OK, SensitiveIndex, locator, scan
from casekit.site.body import BodyRenderer

REL = "cases/2026-0001/06-monitoring.md"
INDEX = SensitiveIndex([("박영수", "cases/2026-0001/01-intake.md", "client.name"),
                        ("010-0000-1001", "cases/2026-0001/01-intake.md", "client.phone")])
SCOPE = "cases/2026-0001/"


def _cpu(work: Callable[[], object], runs: int = 2) -> float:
    """The least CPU time of `runs` calls of `work`."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def _line_has(text: str, offset: int, pattern: re.Pattern[str]) -> bool:
    """Whether the line holding `offset` holds `pattern`, the line searched for each offset (what
    `mask` and `scan` asked before `sensitive._lines_having`)."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return pattern.search(text, start, len(text) if end < 0 else end) is not None


def _line_by_line(text: str, pattern: re.Pattern[str]) -> Callable[[int], bool]:
    return lambda offset: _line_has(text, offset, pattern)


def _counting_lines(text: str, first_line: int) -> Callable[[int], tuple[int, int]]:
    """File line and column of an offset, the line feeds before it counted for each (what `scan`
    did before `sensitive.locator`)."""
    return lambda offset: (first_line + text.count("\n", 0, offset), offset - (text.rfind("\n", 0, offset) + 1) + 1)


# pieces of a body: the given name (alone, glued, spaced, in markup and attributes), the whole name,
# the number, the name-ok comment (whole, and cut by a line feed: no exemption), line feeds
PIECES = ["영수", "영수 ", " 영수씨", "영 수", "**영수**", "<b>영수</b>", "<i title='영수'>x</i>", "[영수](영수)",
          "박영수", "010-0000-1001", "<!-- casekit: name-ok -->", "<!--\ncasekit: name-ok -->", "\n", "\n\n", " ",
          "글", "<!-- 영수 -->", "&amp;", "\\*", "`영수`", "name-ok", "<!-- casekit:", " name-ok -->"]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 60))) for _ in range(count)]


def test_mask_and_scan_exempt_the_lines_they_exempted_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts(1500, 5)
    fast_masks = [INDEX.mask(t, scope=SCOPE) for t in texts]
    fast_scans = [scan(INDEX, REL, t, 7, 1, body=True) for t in texts]
    monkeypatch.setattr(sensitive, "_lines_having", _line_by_line)
    monkeypatch.setattr(sensitive, "locator", _counting_lines)
    assert [INDEX.mask(t, scope=SCOPE) for t in texts] == fast_masks
    assert [scan(INDEX, REL, t, 7, 1, body=True) for t in texts] == fast_scans
    assert any("○" in m for m in fast_masks) and any("영수" in m for m in fast_masks)  # (masked, and exempt)


@pytest.mark.parametrize("tail", ["", " <!-- casekit: name-ok -->"])
def test_a_text_dense_with_a_given_name_is_masked_in_linear_time(tail: str) -> None:
    """A body of one 200 KB line with the client's given name in every word: its line was searched
    again for each of its 66,000 hits (8 s to mask it)."""
    def dense(n: int) -> str:
        return "영수 " * (n // 3) + tail

    text = dense(200_000)
    masked = INDEX.mask(text, scope=SCOPE)
    assert masked == (text if tail else "○○ " * (200_000 // 3))
    assert _cpu(lambda: INDEX.mask(text, scope=SCOPE), 1) < 2.0  # (~0.4 s; 8 s before)
    # (100 KB -> 200 KB: 1.2 s -> 4.3 s before, 3.7 times; now twice. 3 times: a busy machine's noise;
    # measured again, up to three times, when a busy machine stretched one pair: 0.23 -> 0.71 s failed
    # once in a clean-clone run, the same code measured 2.0-2.2 times at 100, 200 and 400 KB)
    pairs = []
    for _ in range(3):
        once, twice = (_cpu(functools.partial(INDEX.mask, dense(n), scope=SCOPE), 3) for n in (100_000, 200_000))
        pairs.append((once, twice))
        if twice <= 3.0 * max(once, 0.05):
            break
    else:
        raise AssertionError(pairs)


def test_the_name_ok_lines_of_a_long_text_are_read_once() -> None:
    searched: list[tuple[int, int]] = []

    class Counting:
        def search(self, text: str, start: int = 0, end: int = 10**9) -> re.Match[str] | None:
            searched.append((start, end))
            return NAME_OK.search(text, start, end)

    text = "영수 <!-- casekit: name-ok -->\n" + "영수 " * 10_000
    has = sensitive._lines_having(text, Counting())  # type: ignore[arg-type]
    assert [has(at) for at in range(0, len(text), 3)] == [_line_has(text, at, NAME_OK) for at in range(0, len(text), 3)]
    assert len(searched) == 3  # (the text once, each of its two lines once)


def test_an_offset_is_located_as_counting_the_line_feeds_before_it_did() -> None:
    for text in [*_texts(300, 8), "", "\n", "a\n\nb\n"]:
        fast, slow = locator(text, 7), _counting_lines(text, 7)
        assert [fast(at) for at in range(len(text) + 1)] == [slow(at) for at in range(len(text) + 1)], text


def test_the_hits_of_a_body_of_one_long_line_are_located_in_linear_time() -> None:
    """Each hit of a body was located by counting the line feeds before it: a 900 KB body with a
    given name in every word (128,000 hits) took 11 s of its check's 13."""
    text = "영수 " * 300_000
    locate = locator(text, 1)
    assert _cpu(lambda: [locate(at) for at in range(0, len(text), 3)], 1) < 1.0  # (~0.1 s)
    assert locate(len(text) - 3) == (1, len(text) - 2)


def test_the_pii_ok_lines_of_a_body_are_read_once_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """`scan_text` looked for `<!-- casekit: pii-ok -->` in a hit's line for each hit: a body of one
    long line with 69,000 phone numbers (900 KB) took 13 s of its check's 18."""
    searched: list[str] = []
    pattern = pii.INLINE_ALLOW

    class Counting:
        def search(self, line: str) -> re.Match[str] | None:
            searched.append(line)
            return pattern.search(line)

    body = "010-1234-5678 " * 5_000 + "\n연락처 010-2345-6789 <!-- casekit: pii-ok -->\n" + "010-3456-7890 " * 5_000
    found = pii.scan_text(body, REL, 10)
    assert len(found) == 10_000 and {f.line for f in found} == {10, 12}
    monkeypatch.setattr(pii, "INLINE_ALLOW", Counting())
    assert pii.scan_text(body, REL, 10) == found
    assert len(searched) == 3  # (each line with a number once)


@pytest.mark.parametrize("marker", ["- ", "* ", "1. ", "+\t"])
def test_a_line_of_list_markers_is_a_finding_not_a_traceback_in_the_build(sample: Path, run: Any, marker: str) -> None:
    """`- - - … x`: a list in a list on one line, once a marker; 200,000 of them broke the build
    with a RecursionError after a minute, the check having passed the record."""
    record = sample / "cases" / "2026-0001" / "06-monitoring.md"
    record.write_text(record.read_text(encoding="utf-8") + "\n" + marker * 200_000 + "x\n", encoding="utf-8")
    found = json.loads(run(sample, "check", "--no-cache", "--format", "json").output)["findings"]
    assert [(f["code"], f["path"], f["line"]) for f in found] == [
        ("markdown-too-deep", "cases/2026-0001/06-monitoring.md", record.read_text(encoding="utf-8").count("\n"))]


def test_a_list_as_deep_as_allowed_is_rendered() -> None:
    """MAX_LIST_DEPTH is below what the renderer can draw, on one line or on many."""
    deep = MAX_LIST_DEPTH - 2  # (items one inside another, then a line of two more)
    for text in ["- " * MAX_LIST_DEPTH + "x", "".join("  " * d + "- a\n" for d in range(deep)) + "  " * deep + "- - x"]:
        assert deep_lists(text, REL, 1) == []
        assert BodyRenderer().html(text, REL, 1) is not None
    assert deep_lists("- " * (MAX_LIST_DEPTH + 1) + "x", REL, 1) != []


@pytest.mark.parametrize("spaces", [" " * 400_000, "\t" * 400_000, "> " * 200_000, "| " * 200_000])
def test_a_number_then_a_break_and_a_long_run_of_spaces_is_scanned_in_linear_time(spaces: str) -> None:
    """A digit or a `.` at a line's end, then a line of `* * * …` (spaces to a reader): the search
    for a number across the break tried every split of the spaces (nine minutes for 400,000)."""
    body = "점검 2회차 결과 1.\n" + spaces + "x\n전화 010\n0000\n1001 로 연락"
    found = pii.scan_text(body, REL, 10)
    assert [f.code for f in found] == ["pii-phone"]
    assert _cpu(lambda: pii.scan_text(body, REL, 10), 1) < 3.0  # (~0.4 s; minutes before)
