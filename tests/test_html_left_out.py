"""HTML in a body that the site leaves out (`html-left-out`): `casekit check` says so at its line and
column, asking the sanitizer the site uses (casekit.core.allowlist), so a colleague's pasted
`<span style=…>` and an attacker's `onerror=` or `javascript:` link are seen in review, not only
silently dropped from the page."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from casekit.core.allowlist import START_TAG, left_out
from casekit.core.casebook import check
from casekit.core.docs import MAX_LEFT_OUT, outside_content
from casekit.site.body import BodyRenderer

RECORD = "cases/2026-0001/04-intervention.md"


def left(body: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of each html-left-out finding of `body` (a record's, from line 1)."""
    return [(f.line or 0, f.column or 0, f.message_ko) for f in outside_content(body, RECORD, 1)
            if f.code == "html-left-out"]


@pytest.mark.parametrize(("written", "words"), [
    ('<span style="color:red">급함</span>', "<span> 태그의 style 속성"),
    ('<img src="../../docs/img/a.png" onerror="alert(1)">', "<img> 태그의 onerror 속성"),
    # a quoted value holding ">" is still inside the tag, for Markdown and the browser alike
    ('<img src="../../docs/img/a.png" alt="a>b" onerror="alert(1)">', "<img> 태그의 onerror 속성"),
    ("<span title='3 > 2' style=\"color:red\">급함</span>", "<span> 태그의 style 속성"),
    ('<p align="center" style="x">가운데</p>', "<p> 태그의 align, style 속성"),
    ('<a href="../2026-0002/" target="_blank">다른 사례</a>', "<a> 태그의 target 속성"),
    ('<div class="md-dialog">로그인</div>', "<div> 태그의 class 속성"),
    ('<h2 id="__search">가짜</h2>', "<h2> 태그의 id 속성"),
    ('<span class="tabbed-block">숨김</span>', "<span> 태그의 class 속성"),
    ('<a href="jav&#x09;ascript:alert(1)">누르세요</a>', "<a> 태그의 href 속성"),
    ('<a href="data:text/html,x">누르세요</a>', "<a> 태그의 href 속성"),
    ('<font color="red">빨간 글씨</font>', "<font> 태그"),
    ('<form action="/x"><input name="q"></form>', "<form> 태그"),
    ('<meta http-equiv="refresh" content="0;url=/x">', "<meta> 태그"),
    ('<textarea>지운 줄 아는 메모</textarea>', "<textarea> 요소"),
    ("[누르세요](javascript:alert(1))", "이 링크의 주소"),
    ("[파일](file:///etc/passwd)", "이 링크의 주소"),
])
def test_what_the_site_leaves_out_is_named_at_its_place(written: str, words: str) -> None:
    found = left(f"첫 줄\n\n앞의 글 {written}\n")
    assert [(line, column) for line, column, _ in found][:1] == [(3, 6)]
    assert found[0][2].startswith(words + ("은" if words.endswith("속성") else "는") + " 사이트에 싣지 않습니다")


def test_a_script_is_told_apart_from_a_pasted_style() -> None:
    script = "누가 왜 넣었는지 확인하고 지우세요"
    assert script in left('<img src="a.png" onerror="x">')[0][2]
    assert script in left('<a href=" JaVa\tScript:x">a</a>')[0][2]
    assert script in left("[a](vbscript:x)")[0][2]
    assert script not in left('<span style="x">a</span>')[0][2]
    assert "http(s)·mailto·tel" in left("[a](data:text/html,x)")[0][2]


@pytest.mark.parametrize("kept", [
    "<br>", "줄<br/>바꿈", "<details open><summary>더 보기</summary>내용</details>", "<b>굵게</b> <u>밑줄</u>",
    '<a href="https://example.org/">바깥</a>', '<a href="../2026-0002/">사례</a>', '<a href="tel:010">전화</a>',
    '<img src="../../docs/img/a.png" alt="가계도" width="200">', '<span class="note">참고</span>',
    '<table><tr><td align="center">가운데</td></tr></table>', '<time datetime="2026-03-15">3월 15일</time>',
    "<https://example.org/>", "<담당자@example.org>", "3 < 5 그리고 5 > 3", "<주의> 표시", "a<b",
    "[사례](../2026-0002/) [바깥](https://example.org) [메일](mailto:a@example.org)",
    "`<span style=\"x\">코드</span>`", "```\n<font>코드</font>\n```",
])
def test_what_the_site_keeps_gets_no_finding(kept: str) -> None:
    assert left(f"앞의 글\n\n{kept}\n") == []


def test_what_is_dropped_with_its_element_is_not_named_again() -> None:
    """The <svg> is outside-content; the tags it holds go with it (only the first line's
    <textarea> is named, not the <font> inside it, on this line or the next)."""
    found = outside_content('<svg><circle onload="x"/><foo></svg> <font>뒤</font>\n'
                            "<textarea><font>안</font>\n<b style=x>안</b></textarea><i style=x>밖</i>", RECORD, 1)
    assert [(f.code, f.line, f.column) for f in found] == [
        ("outside-content", 1, 1), ("html-left-out", 1, 38), ("html-left-out", 2, 1), ("html-left-out", 3, 28)]


def test_each_finding_says_what_the_page_shows() -> None:
    """Render every case of the parametrized list with the site's own body renderer: an attribute
    check names is gone from the page, the text it was on is still there; a tag it names is gone."""
    renderer = BodyRenderer()
    for written, gone, stays in [
        ('<span style="color:red">급함</span>', "style=", "급함"),
        ('<a href="javascript:alert(1)">누르세요</a>', "javascript", "누르세요"),
        ("[누르세요](javascript:alert(1))", "javascript", "누르세요"),
        ('<font color="red">빨간 글씨</font>', "<font", "빨간 글씨"),
        ('<p onclick="x">문단</p>', "onclick", "문단"),
    ]:
        assert left(written), written
        page = str(renderer.html(f"{written}\n", RECORD, 1))
        assert gone not in page and stays in page, (written, page)


def test_a_start_tag_is_judged_by_the_sanitizer_itself() -> None:
    """left_out agrees with the site's cleaner on every tag the HTML spec and a word processor's
    paste bring: kept as written, or not."""
    from casekit.site.sanitize import sanitize_html

    for tag in ["p", "span", "div", "a", "img", "td", "th", "li", "ol", "font", "center", "o:p", "input", "video"]:
        for attrs in ["", ' class="MsoNormal"', ' style="x"', ' align="center"', ' href="https://x.kr/"',
                      ' src="a.png"', ' colspan="2"', ' lang="ko"', ' onclick="x"', ' title="t"']:
            if tag == "img":  # (an image without an address is the pictures' business: "[외부 자료 생략]")
                attrs = ' src="a.png"' + attrs if "src=" not in attrs else attrs
            m = START_TAG.match(f"<{tag}{attrs}>")
            if m is None:
                continue
            verdict = left_out(m.group(1), m.group(2))
            context = ("<table><tr>", "</tr></table>") if tag in ("td", "th") else ("", "")
            page = sanitize_html(f"{context[0]}<{tag}{attrs}>x</{tag}>{context[1]}")
            same = re.search(rf"<{tag}{re.escape(attrs)}[ >]", page) is not None
            if attrs == "" or (tag == "a" and attrs.startswith(" href")):
                same = same or re.search(rf"<{tag}{re.escape(attrs)} rel=", page) is not None
            assert (verdict is None) == same, (tag, attrs, verdict, page)


@pytest.mark.parametrize(("written", "where", "words"), [
    ('전화 상담 <img src="../../docs/img/a.png"\n onerror="alert(1)"> 끝', (3, 7), "<img> 태그의 onerror 속성"),
    ('<a\n  href="javascript:alert(1)">누르세요</a>', (3, 1), "<a> 태그의 href 속성"),
    ('<span\nstyle="color:red">급함</span>', (3, 1), "<span> 태그의 style 속성"),
    ('<font\ncolor="red">빨간 글씨</font>', (3, 1), "<font> 태그"),
])
def test_a_tag_written_over_several_lines_is_read_whole(written: str, where: tuple[int, int], words: str) -> None:
    """The page's Markdown reads a start tag going on over the lines of a paragraph as one tag (the
    sanitizer then takes its attribute away): named at its first line, as if on one."""
    found = left(f"첫 줄\n\n{written}\n")
    assert [(line, column) for line, column, _ in found] == [where]
    assert found[0][2].startswith(words)
    page = str(BodyRenderer().html(f"{written}\n", RECORD, 1))
    assert not re.search(r"onerror|javascript|style=|<font", page), page


def test_a_split_tag_from_afar_and_what_follows_it_are_named() -> None:
    found = outside_content('<img\n src="https://evil.example/x.png"> 뒤에 <b style="x">굵게</b>\n', RECORD, 1)
    assert [(f.code, f.line, f.column) for f in found] == [("outside-content", 1, 1), ("html-left-out", 2, 39)]


@pytest.mark.parametrize("text", [
    "x <b\n\ny style=\"x\">",  # a blank line ends the paragraph: no tag
    "`<meta name=\"a\"\ncontent=\"b\">` 예시",  # a code span going on to the next line
    "3 <5\n그리고 style=\"x\"",  # never closed
    "<a\n href=\"javascript:x\"\n>인용",  # a line starting with > is a quote: the "tag" is text
    "<b\n# 제목 style=\"x\">",  # a heading ends the paragraph
    "<b\n" + "속성 없음\n" * 30 + "style=\"x\">",  # longer than a tag is written
])
def test_what_only_looks_like_a_split_tag_is_passed_over(text: str) -> None:
    assert left(f"첫 줄\n\n{text}\n") == []


def test_a_reference_style_link_is_judged_where_its_address_is() -> None:
    """[글][1] with `[1]: javascript:…` below: the link's address is named at its definition; a
    picture's from another host is outside-content there; an address the site keeps, nothing."""
    body = ("[누르세요][1], [지도][Map], ![가계도][g], [여기][ok]\n\n[1]: javascript:alert(1)\n"
            "[map]: <data:text/html,x> \"제목\"\n[g]: https://evil.example/g.png\n[ok]: https://example.org/\n")
    found = [(f.code, f.line, f.column) for f in outside_content(body, RECORD, 1)]
    assert sorted(found) == [("html-left-out", 3, 1), ("html-left-out", 4, 1), ("outside-content", 5, 1)]
    assert "누가 왜 넣었는지" in left(body)[0][2]
    page = str(BodyRenderer().html(body, RECORD, 1))
    assert "javascript" not in page and "data:" not in page and "evil.example" not in page, page


@pytest.mark.parametrize(("written", "column"), [
    ("[참고]: 2026-03-05", 1), ("[주의]: 확인함", 1), ("- [확인]: 완료", 3), ("> [메모]: 전화함", 3),
    ("[참고]:\n완료", 1), ('[주의]: 약 "복용"', 1),
])
def test_a_line_markdown_takes_for_a_link_address_is_named(written: str, column: int) -> None:
    """`[참고]: 확인함` at the start of a line is a link reference definition to Markdown: the page
    drops the line. check says so (line-not-shown); the same words escaped, or longer, show."""
    body = f"상담 내용\n\n{written}\n\n다음 문단\n"
    found = [(f.code, f.line, f.column) for f in outside_content(body, RECORD, 1)]
    assert found == [("line-not-shown", 3, column)]
    page = str(BodyRenderer().html(body, RECORD, 1))
    assert written.split("]: ")[-1].split(":\n")[-1].strip('"') not in page.replace("다음 문단", ""), page


@pytest.mark.parametrize("shown", [
    "[참고]: 약 복용 확인함", "\\[참고]: 확인함", "[참고] 확인함", "참고: 확인함", "```\n[참고]: 확인\n```",
    "    [참고]: 들여 쓴 코드", "[글][a]\n\n[a]: https://example.org/",
])
def test_lines_markdown_shows_are_not_named(shown: str) -> None:
    assert outside_content(f"상담 내용\n\n{shown}\n", RECORD, 1) == []


def test_a_pasted_page_is_named_a_few_times_not_hundreds() -> None:
    body = "\n".join(f'<p class="MsoNormal" style="margin:0">{n}번째 줄</p>' for n in range(500))
    assert len(left(body)) == MAX_LEFT_OUT


def test_hostile_lines_are_read_in_one_pass() -> None:
    started = time.process_time()
    for line in ("<a" * 100_000, "<b>" * 100_000, '<a "' * 100_000, "<svg>" + "<b>" * 100_000,
                 "[a](" * 100_000, "[a](javascript:x)" * 20_000, "<font>" * 100_000,
                 ("<a\n" + "x\n" * 30) * 30_000, "[a]: b\n" * 100_000, "[a][b]" * 100_000,
                 '<a "' + "x>" * 100_000, '<a "x>' * 100_000):
        outside_content(line, RECORD, 1)
    for line in ("*{a" * 100_000 + "}", "# " + "a {" * 100_000 + "}", "# a" + " " * 100_000 + "x {b}",
                 "x\n{: a" + " " * 100_000 + "b}", "x\n{: " + "a " * 100_000 + "}"):
        outside_content(line, "docs/guide.md", 1, attr_lists=True)  # (attribute lists)
    assert time.process_time() - started < 15.0  # (~2-4 s of CPU; a reading quadratic in a line takes minutes)


def _append(root: Path, rel: str, text: str) -> int:
    path = root / rel
    old = path.read_text(encoding="utf-8")
    path.write_text(old.rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")
    return old.rstrip("\n").count("\n") + 3


def test_check_names_it_in_records_resources_and_docs_pages(sample: Path) -> None:
    assert "html-left-out" not in {f.code for f in check(sample, cache=False).findings}  # the sample is clean
    places = {RECORD: _append(sample, RECORD, '<span style="color:red">급함</span>'),
              "resources/bitgaram-study-room.md": _append(sample, "resources/bitgaram-study-room.md", "[지도](javascript:x)"),
              "docs/guide.md": _append(sample, "docs/guide.md", '<font color="red">안내</font>')}
    found = {(f.path, f.line, f.column, f.severity) for f in check(sample, cache=False).findings
             if f.code == "html-left-out"}
    assert found == {(rel, line, 1, "warning") for rel, line in places.items()}


def test_harmless_tags_written_first_do_not_hide_a_script_from_review() -> None:
    """At most MAX_LEFT_OUT findings a body, but the ones that would run a script are all named."""
    body = "\n".join(['<span style="x">a</span>'] * (MAX_LEFT_OUT + 5)
                     + ['<img src="a.png" onerror="alert(1)">', "[x](jav&#x09;ascript:alert(1))"])
    found = left(body)
    assert len(found) == MAX_LEFT_OUT + 2
    assert [line for line, _, _ in found[-2:]] == [MAX_LEFT_OUT + 6, MAX_LEFT_OUT + 7]
    assert all("누가 왜 넣었는지" in message for _, _, message in found[-2:])


DOCS_PAGE = "\n".join([
    "# 안내 {: onclick=\"alert(1)\" }",  # 1
    "",
    "문단 첫 줄",
    "{: style=\"color:red\" .md-dialog }",  # 4: the paragraph's attributes
    "",
    "[링크](guide.md){: onmouseover=alert(1) } 그리고 *강조*{: .note } 와 {이름} `코드`{: #x }",  # 6
    "",
    "{: onclick=x }",  # 8: a paragraph of its own: text, not an attribute list
    "",
    "![사진](img/a.png){: onerror=alert(1) }",  # 10
    "",
    "```",
    "{: onclick=y }",
    "```",
])


def test_a_docs_pages_attribute_lists_are_read_as_the_tags_they_give_attributes_to(sample: Path, run) -> None:
    """`docs/` pages read Python-Markdown's attribute lists (mkdocs.yml enables attr_list): `## 제목
    {: onclick=… }` gives the heading a handler, which the site drops without a word. Check names
    each at its brace, as it names the same attribute written in a tag; record bodies (no attr_list)
    show the braces as text and get nothing."""
    found = [(f.line, f.column, f.message_ko) for f in outside_content(DOCS_PAGE, "docs/guide.md", 1, attr_lists=True)]
    assert [(line, col) for line, col, _ in found] == [(1, 6), (4, 1), (6, 15), (10, 17)]
    assert "<h1> 태그의 onclick 속성" in found[0][2] and "누가 왜 넣었는지" in found[0][2]
    assert "<p> 태그의 style, class 속성" in found[1][2] and "누가 왜" not in found[1][2]
    assert "<a> 태그의 onmouseover 속성" in found[2][2] and "<img> 태그의 onerror 속성" in found[3][2]
    assert outside_content(DOCS_PAGE, RECORD, 1) == []
    # as the site has it: the page's Markdown gave the attributes, its sanitizer took them away
    (sample / "docs/notice.md").write_text(DOCS_PAGE + "\n", encoding="utf-8")
    named = [(f.line, f.column) for f in check(sample, cache=False).findings
             if f.code == "html-left-out" and f.path == "docs/notice.md"]
    assert named == [(1, 6), (4, 1), (6, 15), (10, 17)]
    assert run(sample, "build").exit_code == 0
    page = (sample / "site/notice/index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    assert "안내" in article and "문단 첫 줄" in article and "{: onclick=x }" in article
    assert not re.search(r"<[^>]*(?:\son[a-z]+=|style=|md-dialog)", article), article


def test_a_loading_tag_whose_quoted_value_holds_a_tag_is_that_tag() -> None:
    """`<iframe src="data:text/html,<script>…</script>">`: the <iframe> is left out (its address
    holds text); a reading that stopped at the '<' in the value said nothing of the <iframe>."""
    found = [(f.code, f.column) for f in outside_content(
        '<iframe src="data:text/html,<script>parent.x=1</script>"></iframe>', RECORD, 1)]
    assert ("outside-content", 1) in found, found
    assert [(f.code, f.column) for f in outside_content("<img src='https://x.example/a.png' alt=\"a<b\">", RECORD, 1)
            ] == [("outside-content", 1)]
