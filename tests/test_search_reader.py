"""The search index's page reader, fed by lxml's HTML parser, against the same reader fed by
Python's html.parser (what it was until lxml took over for speed).

The index holds what the reader collects: the h1, the blocks of about-fields, the other blocks.
Both parsers must hand it the same tags and text, on every page of the built sample site and on
markup a careless or hostile record could bring (unclosed and stray tags, entities, comments,
scripts, tables, nesting far past libxml2's default depth limit).
"""

from __future__ import annotations

import html.parser
import random
from pathlib import Path
from typing import Any

import pytest

from casekit.site import search_index as si
from tests.browser_support import built_site  # noqa: F401  (a fixture)


class _Reference(html.parser.HTMLParser):
    """html.parser's events handed to the same reader (si._Reader)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reader = si._Reader()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.reader.start(tag, {k: v if v is not None else "" for k, v in attrs})

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)  # (html.parser's default: a start tag, then an end tag)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.reader.end(tag)

    def handle_data(self, data: str) -> None:
        self.reader.data(data)


def reference(article: str) -> tuple[Any, ...]:
    parser = _Reference()
    parser.feed(article)
    parser.close()
    r = parser.reader.close()
    return r.seen_article, r.title, r.about, r.body, r.label


def fast(article: str) -> tuple[Any, ...]:
    r = si.read_article(article)
    return r.seen_article, r.title, r.about, r.body, r.label


def test_every_page_of_the_sample_site_reads_the_same(built_site: Path) -> None:  # noqa: F811
    pages = si.index_files(built_site)
    assert len(pages) > 40
    for path, location in pages:
        text = path.read_text(encoding="utf-8")
        start, end = text.find("<article"), text.rfind("</article>")
        if start < 0:
            continue
        article = si._without_unindexed(text[start : end + len("</article>")])
        assert fast(article) == reference(article), location


ODD = [
    "<article><h1>제목 &amp; 부제</h1><p>첫 문장.<p>둘째 문장</article>",
    "<article><p>열린 <b>굵게 <i>기울임</p> 밖</article>",
    "<article><div data-field='goal'>목표 <!-- 주석 --> 이어짐</div></article>",
    "<article><script>var x = '<p>안</p>';</script><style>p{}</style><p>보임</p></article>",
    "<article><table><tr><td>목록 칸</td><td data-field='summary'>요약</td></tr></table></article>",
    "<article><dl><dt data-field='household'>가구</dt><dd>1인 가구</dd><dt>나이</dt><dd>70대</dd></dl></article>",
    "<article><p>앞</span></div>뒤</p><p>&lt;script&gt; &#xAC00;&#44032; &nbsp;끝</p></article>",
    "<article><svg><text>그림 글</text></svg><noscript>대신</noscript><template>틀</template>본문</article>",
    "<article><p data-search-exclude>빼기</p><h2>소제목</h2>본문<br>줄<hr>끝</article>",
    "<article><article><h1>안쪽 글</h1></article><p>바깥</p></article>",
    "<article>" + "<div>" * 1200 + "깊은 곳" + "</div>" * 1200 + "<p>다음</p></article>",
    "<article><ul><li>하나<li>둘<ol><li>셋</ol></ul>넷</article>",
    "<article><p>끝나지 않은",
]


WELL_FORMED = [  # the shapes casekit's own pages have, as it writes them
    "<article><div data-field='goal'>목표 <!-- 주석 --> 이어짐</div></article>",
    "<article><table><tr><td>목록 칸</td><td data-field='summary'>요약</td></tr></table></article>",
    "<article><dl><dt data-field='household'>가구</dt><dd>1인 가구</dd><dt>나이</dt><dd>70대</dd></dl></article>",
    "<article><p data-search-exclude>빼기</p><h2>소제목</h2>본문<br>줄<hr>끝</article>",
    "<article><ck-noindex><p>목록</p></ck-noindex><p>본문</p></article>",
]


def published(article: str) -> str:
    """A record's markup as it reaches a page: through the sanitizer, which writes well-formed
    HTML (a stray </div> is dropped there, as a browser ignores it; html.parser would not)."""
    from casekit.site.sanitize import sanitize_html

    inner = article.removeprefix("<article>").removesuffix("</article>")
    return "<article>" + sanitize_html(inner) + "</article>"


@pytest.mark.parametrize("article", WELL_FORMED, ids=range(len(WELL_FORMED)))
def test_casekit_markup_reads_the_same(article: str) -> None:
    assert fast(article) == reference(article)


@pytest.mark.parametrize("article", ODD, ids=range(len(ODD)))
def test_odd_markup_reads_the_same_once_published(article: str) -> None:
    article = published(article)
    assert fast(article) == reference(article)


def _flow(rng: random.Random, depth: int) -> str:
    """Random well-nested markup of the kinds Markdown and casekit write: blocks holding text and
    inline elements, lists of items, definition lists, tables, excluded and about-field blocks."""
    words = ["가온 복지관", "주거 지원", "&amp;", "&#44032;", ". ", "긴 문장입니다. 다음 문장", "<br>", "<!-- c -->"]

    def inline() -> str:
        out = []
        for _ in range(rng.randint(0, 3)):
            if depth < 6 and rng.random() < 0.3:
                tag = rng.choice(["b", "i", "span", "a href='x'", "code"])
                out.append(f"<{tag}>{_flow_inline(rng, words)}</{tag.split()[0]}>")
            else:
                out.append(rng.choice(words))
        return "".join(out)

    parts = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.randint(0, 8) if depth < 5 else 0
        if kind <= 2:
            parts.append(f"<p>{inline()}</p>")
        elif kind == 3:
            items = "".join(f"<li>{inline()}{_flow(rng, depth + 1) if rng.random() < 0.3 else ''}</li>"
                            for _ in range(rng.randint(1, 3)))
            tag = rng.choice(["ul", "ol"])
            parts.append(f"<{tag}>{items}</{tag}>")
        elif kind == 4:
            field = rng.choice(["goal", "summary", "note"])
            parts.append(f"<dl><dt data-field='{field}'>{inline()}</dt><dd>{_flow(rng, depth + 1)}</dd></dl>")
        elif kind == 5:
            cells = "".join(f"<td{rng.choice(['', ' data-field=goal'])}>{inline()}</td>" for _ in range(2))
            parts.append(f"<table><tr><th>{inline()}</th>{cells}</tr></table>")
        elif kind == 6:
            parts.append(f"<div data-search-exclude>{_flow(rng, depth + 1)}</div>")
        elif kind == 7:
            level = rng.randint(1, 3)
            parts.append(f"<h{level}>{inline()}</h{level}>")
        else:
            parts.append(f"<div data-field='{rng.choice(['goal', 'x'])}'>{_flow(rng, depth + 1)}</div>")
    return "".join(parts)


def _flow_inline(rng: random.Random, words: list[str]) -> str:
    return "".join(rng.choice(words) for _ in range(rng.randint(0, 2)))


def test_random_well_nested_markup_reads_the_same() -> None:
    rng = random.Random(5)
    for _ in range(600):
        article = "<article>" + _flow(rng, 0) + "</article>"
        assert fast(article) == reference(article), article


def test_a_fields_terms_read_as_one_text_are_its_blocks_terms() -> None:
    """_weights reads each field's blocks joined a line apart: the same terms, as often, as the
    blocks read one by one, whatever their edges (combining marks, loose jamo, Latin, digits)."""
    from collections import Counter

    from casekit.site import search_ko

    pieces = ["주거지원을", "상담하였음", "\u0301", "e", "\u1100", "\u1161", "\u11a8", "가", "각", "ABC", "12", " ",
              "·", "-", "연계했다", "아이", "\u3131", "ｆ", "\u200b"]
    rng = random.Random(11)
    for _ in range(2000):
        blocks = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 5))]
        one_by_one = Counter(t for b in blocks for t in search_ko.terms(b))
        assert Counter(search_ko.terms("\n".join(blocks))) == one_by_one, blocks
        page = si.Page("cases/x/", "제목", about=blocks, body=blocks[::-1])
        weights = si._weights(page)
        assert set(weights) == set(one_by_one) | set(search_ko.terms("제목"))


def test_an_element_has_a_role_only_by_its_tag_or_its_attributes() -> None:
    """The reader asks an element for its role only when its tag (`_ROLE_TAGS`) or one of its
    attributes (data-field, data-search-exclude, data-search-nodate) can give it one: any other
    element, whatever else it carries, has none (so a role given another way must name its tag)."""
    tags = ["p", "div", "span", "td", "tr", "li", "a", "h3", "section", "ck-card", "figure", "small"]
    attrs: list[dict[str, str]] = [{}, {"class": "ck-record"}, {"class": "x", "href": "y"}, {"data-goal": "G1"},
                                   {"title": "goal"}, {"data-risk": "high", "data-stage": "plan"}]
    for tag in tags:
        assert tag not in si._ROLE_TAGS
        for attr in attrs:
            reader = si._Reader()
            reader.seen_article = True
            assert reader.role(tag, attr) == "", (tag, attr)


def test_a_case_types_rationale_is_read_apart_from_the_link_before_it(built_site: Path) -> None:  # noqa: F811
    """The summary card's 대상자 구분 ends with a link to the 사정 that chose it and the rationale,
    drawn as a block of its own: the index read "06 사정자녀 등교 거부와 ..." (a term 사정자녀)."""
    page = si.read_page(built_site / "cases" / "2026-0002" / "index.html", "cases/2026-0002/")
    assert page is not None
    text = "\n".join(page.about + page.body)
    assert "자녀 등교 거부와" in text
    assert "사정자녀" not in text and "사정 자녀 등교" in text


def test_a_summary_rows_note_is_read_apart_from_the_words_before_it(built_site: Path) -> None:  # noqa: F811
    """The 최근 사후관리 row ends "· 사후관리 끝" and the follow-up's note, drawn as a block of its own
    (`small.ck-note`): the index read "사후관리 끝가정 방문." (a term 끝가정), and a snippet showed it so."""
    page = si.read_page(built_site / "cases" / "2026-0001" / "index.html", "cases/2026-0001/")
    assert page is not None
    text = "\n".join(page.about + page.body)
    assert "사후관리 끝" in text and "끝가정" not in text


@pytest.mark.parametrize(("location", "help_page"), [
    ("guide/", True), ("privacy/", True), ("editors/", True), ("records/", True), ("team/notes/", True),
    ("", False), ("cases/2026-0001/", False), ("cases/2026-0001/summary/", False), ("resources/gaon-food-bank/", False),
    ("due/", False), ("stages/intake/", False), ("needs/economy/", False), ("risk/crisis/", False), ("workers/kim.sw/", False),
])
def test_a_help_page_weighs_less_than_a_record_page(location: str, help_page: bool) -> None:
    """The guide, privacy and editors pages (docs/) talk of every need and service a record holds:
    they stood in the first five for 56 of 271 case queries of a search probe. Their terms weigh
    HELP_WEIGHT as much as the same words on a page casekit makes of the records."""
    text = dict(title="기초생활수급 안내", about=["주거급여 신청"], body=["기초생활수급 신청 절차를 안내했다."])
    record = si._weights(si.Page("cases/2026-0009/", **text))
    weights = si._weights(si.Page(location, **text))
    factor = si.HELP_WEIGHT if help_page else 1.0
    assert weights.keys() == record.keys() and all(abs(weights[t] - factor * record[t]) < 1e-9 for t in record)


def test_a_field_inside_a_line_is_read_with_its_role() -> None:
    """The case summary's 기간 says how the case went in a span of its own (`course`: 1회 재개, 접수
    당일 종결), weighed as the title is; the rest of the line is the cell's, a block of its own."""
    page = si.page_of('<article><h1>2026-0003</h1><dl><dt data-field="span">기간</dt><dd>접수 2026-04-02'
                      '<span data-search-exclude> · 최근 기록</span> 2026-04-02<span data-field="course"> · 접수 당일 종결'
                      '</span><span data-field="course"> · 1회 재개</span> 끝</dd></dl></article>', "cases/2026-0003/")
    assert page is not None
    assert page.label == ["· 접수 당일 종결", "· 1회 재개"] and page.body == ["접수 2026-04-02", "2026-04-02", "끝"]
    assert si.weighed(page) is not None and si._weights(page)["당일"] == si.WEIGHTS["label"]
