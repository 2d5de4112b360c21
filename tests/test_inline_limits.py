"""Paragraphs crowded with inline Markdown marks (`markdown-marks`): Python-Markdown's inline pass
rebuilds a paragraph once a match, so `&#1`, `\\*` or `` `a `` repeated through 300 KB of one
paragraph made a build take a minute. Refused by check at the paragraph, quickly; a paragraph just
under the limit renders as written."""

from __future__ import annotations

import resource
import time
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.docs import MAX_MARKS, mark_limit, scan_docs, stalling_paragraphs
from casekit.site.body import BodyRenderer
from casekit.site.build import Refused, build

RECORD = "cases/2026-0001/04-intervention.md"

# each construct of Python-Markdown's inline patterns, one mark a repeat (two where said), and
# what its rendering shows of it
CONSTRUCTS = [
    ("&#1", None),  # a character reference without its ";"
    ("&amp;", "&amp;"),
    ("\\*", "*"),  # an escape
    ("`a", "<code>a</code>"),  # a backtick: each pair of them a code span
    ("`a` ", "<code>a</code>"),  # a code span (two runs of backticks: two marks)
    ("*a ", None),
    ("_a ", None),
    ("[a](b) ", ">a</a>"),
    ("![a](b.png) ", None),
    ("<b>굵게</b> ", "<b>굵게</b>"),
    ("<https://a.example/> ", None),
    ("<a@b.example> ", None),
    ("가  \n", "<br"),  # a line break
]


def _cpu() -> float:
    """CPU seconds of this process and its ended children (check runs records on every core)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _marks(unit: str) -> int:
    return 2 if unit.startswith(("`a`", "<b>")) else 1


@pytest.mark.parametrize(("unit", "shown"), CONSTRUCTS)
def test_a_paragraph_of_one_construct_past_the_limit_is_refused_quickly_at_its_place(
        sample: Path, unit: str, shown: str | None) -> None:
    record = sample / RECORD
    text = record.read_text(encoding="utf-8")
    paragraph = "상담 내용: " + unit * min(100_000, 600_000 // len(unit))  # (300 KB or more: a minute's build, before)
    record.write_text(text + "\n" + paragraph + "\n", encoding="utf-8")
    started = _cpu()
    found = [f for f in check(sample, cache=False).findings if f.code == "markdown-marks"]
    assert _cpu() - started < 20  # (a check of the sample: a second or two; the render alone took 20–70 s)
    assert [(f.path, f.line, f.column) for f in found] == [(RECORD, text.count("\n") + 2, 1)]
    assert "Markdown 기호" in found[0].message_ko and "빈 줄로 나누거나" in found[0].message_ko


@pytest.mark.parametrize(("unit", "shown"), CONSTRUCTS)
def test_a_paragraph_just_under_the_limit_renders_as_written(unit: str, shown: str | None) -> None:
    n = MAX_MARKS // _marks(unit)
    paragraph = "상담 내용: " + unit * n
    while n * _marks(unit) > mark_limit(len(paragraph)):  # (a longer construct: fewer of it)
        n -= 50
        paragraph = "상담 내용: " + unit * n
    body = "## 상담\n\n" + paragraph + "\n"
    assert stalling_paragraphs(body, RECORD, 12) == []
    started = time.process_time()
    html = BodyRenderer().html(body, RECORD, 1)
    assert time.process_time() - started < 2.0  # (measured: at most a fifth of a second)
    assert html is not None and "상담 내용" in html
    if shown is not None:
        assert html.count(shown) >= n * 0.45  # (a pair of backticks: one span)


def test_the_limit_is_lower_for_a_long_paragraph() -> None:
    """Each mark costs the paragraph's length: 1,000 marks in 100,000 characters are past it."""
    long = ("가나다라마바사아자차카타파하 " * 7 + "**확인**") * 1000  # 1,000 bold words, 2,000 marks, 110,000 chars
    assert mark_limit(len(long)) < 2000
    found = stalling_paragraphs("## 상담\n\n" + long + "\n", RECORD, 12)
    assert [(f.code, f.line, f.column) for f in found] == [("markdown-marks", 14, 1)]
    started = time.process_time()
    for _ in range(20):
        stalling_paragraphs(("&#1" * 300_000 + "\n\n") * 3, RECORD, 1)  # (counting: linear, 1 MB at a time)
    assert time.process_time() - started < 40  # (7.5 s here: a quadratic count would take hours)


def test_realistic_records_and_long_korean_paragraphs_are_never_refused(sample: Path) -> None:
    assert not [f for f in check(sample, cache=False).findings if f.code == "markdown-marks"]
    sentence = ("2026년 3월 4일 가정 방문. 어머니(**김○○**, 52세)는 [주민센터](../resources/center.md) 담당자와 통화 후 "
                "`긴급생활지원` 신청 서류를 준비했다고 함. 아들은 _학교 상담실_ 에서 주 1회 상담 중. "
                "전기요금 3개월 체납(약 18만 원) &mdash; 한전에 분할 납부 요청 예정. ")
    paragraph = sentence * 100  # one paragraph of 24,000 characters, 1,200 marks: more than any record writes
    assert stalling_paragraphs("## 상담 내용\n\n" + paragraph + "\n", RECORD, 12) == []
    lines = "\n".join([sentence] * 40) + "  \n"  # a paragraph of 40 lines
    assert stalling_paragraphs(lines * 3, RECORD, 12) == []


def test_the_build_refuses_a_crowded_record_and_leaves_out_a_crowded_docs_page(sample: Path) -> None:
    record = sample / RECORD
    record.write_text(record.read_text(encoding="utf-8") + "\n" + "\\*" * 150_000 + "\n", encoding="utf-8")
    page = sample / "docs" / "crowded.md"
    page.write_text("# 안내\n\n" + "&#1\n" * 40_000, encoding="utf-8")  # (a paragraph of 40,000 short lines)
    scan = scan_docs(sample)
    assert "docs/crowded.md" not in [rel for rel, _ in scan.pages]
    assert [(f.line, f.column) for f in scan.findings if f.path == "docs/crowded.md" and f.code == "markdown-marks"] \
        == [(3, 1)]
    started = _cpu()
    with pytest.raises(Refused) as refused:
        build(sample, site_dir=sample.parent / "site")
    assert _cpu() - started < 20
    said = {(f.path, f.code) for f in refused.value.report.errors}
    assert {(RECORD, "markdown-marks"), ("docs/crowded.md", "markdown-marks")} <= said
    assert not (sample.parent / "site").exists()


@pytest.mark.parametrize("unit", ['<img ', '<img "', "<a ", '<a "x', '<img "<img '])
def test_the_patterns_that_find_pictures_and_links_in_a_body_read_it_once(unit: str) -> None:
    """casekit.site.body's _IMG and _A read the sanitizer's HTML, which closes every tag; a "<img"
    left open was read again to the end from each one (100,000 of them: 45 s). Now to the next "<"."""
    from casekit.site.body import _IMG
    from casekit.site.html import A_TAG as _A

    started = time.process_time()
    text = unit * (100_000 // len(unit))
    assert _IMG.search(text) is None and _A.search(text) is None
    assert time.process_time() - started < 1.0  # (measured: 0.003 s; 45 s before)
    assert _IMG.search('<img src="a" alt="x > <b>">').group() == '<img src="a" alt="x > <b>">'


@pytest.mark.parametrize("unit", ["***\n", "- - -\n", "_\t_\t_\n", "~~~a\n", "```\n", "!!! note\n", "??? note\n",
                                  "## a\n"])
def test_too_many_block_marks_are_refused_at_the_line_past_the_limit(tmp_path: Path, unit: str) -> None:
    """A body of thousands of lines each opening a horizontal rule, a fence or an admonition, with no
    blank line between them: Python-Markdown's block pass copies the rest of the text for each
    (`***` 4,000 times: 3 s of the build; 32,000: minutes). Check says markdown-blocks at the line
    of the 301st, fast; 300 pass."""
    from casekit.core.docs import MAX_BLOCK_MARKS, crowded_blocks

    started = time.process_time()
    found = crowded_blocks("본문\n" + unit * 40_000, "cases/x/02-assessment.md", 10)
    assert time.process_time() - started < 2
    assert [(f.code, f.line, f.column) for f in found] == [("markdown-blocks", 10 + 1 + MAX_BLOCK_MARKS, 1)]
    assert crowded_blocks("본문\n" + unit * MAX_BLOCK_MARKS, "cases/x/02-assessment.md", 10) == []


def test_a_record_and_a_docs_page_of_horizontal_rules_are_refused_by_check_and_the_build(sample: Path) -> None:
    record = sample / RECORD
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "\n" + "***\n" * 32_000, encoding="utf-8")
    (sample / "docs" / "rules.md").write_text("# 안내\n\n" + "- - -\n" * 8_000, encoding="utf-8")
    started = _cpu()
    found = [(f.path, f.line) for f in check(sample, cache=False).findings if f.code == "markdown-blocks"]
    assert found == [(RECORD, text.count("\n") + 2 + 300), ("docs/rules.md", 3 + 300)], found
    with pytest.raises(Refused):
        build(sample, site_dir=sample.parent / "site")
    assert _cpu() - started < 30  # (the record alone took minutes to render)
    assert not (sample.parent / "site").exists()


def test_headings_with_blank_lines_around_them_count_for_nothing() -> None:
    """A long page of sections (a glossary of 1,000 headings) is read in linear time when its
    headings have blank lines around them: only a heading right under a line counts."""
    from casekit.core.docs import crowded_blocks

    assert crowded_blocks("# 용어\n\n" + "## 사정\n\n욕구와 강점을 살핌.\n\n" * 1_000, "docs/terms.md", 1) == []
    assert crowded_blocks("# 용어\n\n" + "## 사정\n욕구와 강점을 살핌.\n" * 1_000, "docs/terms.md", 1) != []
