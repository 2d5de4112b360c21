"""An element left open in a body (`html-unclosed`): a `<svg>`, `<math>`, `<textarea>`, `<style>` …
with no end tag of its own used to take the rest of the record off the page without a trace (the
browser's HTML parser reads all that follows as its content, which the sanitizer drops, or shows it
as HTML source). The site now shows such a tag as written and publishes what follows;
`casekit check` says so at the tag's line and column, from the same reading
(casekit.core.allowlist.unclosed_tags)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casekit.core.allowlist import CLEANER, FOREIGN_DROPPED, OPEN_ENDED, unclosed_tags
from casekit.core.casebook import check
from casekit.core.docs import outside_content
from casekit.site.body import BodyRenderer
from casekit.site.sanitize import sanitize_html

RECORD = "cases/2026-0001/04-intervention.md"
AFTER = "첫 문단.\n\n어쩌다 {tag} 붙여 넣음\n\n둘째 문단은 남아야 함.\n\n## 다음 제목\n\n- 셋째 항목\n"
TAGS = ['<svg width="10">', "<math>", "<textarea>", "<title>", "<style>", "<script>", "<xmp>", "<plaintext>",
        "<noembed>", "<noframes>", "<iframe>", "<noscript>", "<template>", "<object>", "<SVG>",
        "<svg><title>아이콘", "<svg><desc>", "<math><mi>", "<noscript><p>", "<textarea/>", "<template/>"]


def shown(body: str) -> str:
    return str(BodyRenderer().html(body, RECORD, 1))


@pytest.mark.parametrize("tag", TAGS)
def test_what_follows_an_element_left_open_is_published(tag: str) -> None:
    page = shown(AFTER.format(tag=tag))
    assert "둘째 문단은 남아야 함." in page and "셋째 항목" in page and "다음 제목" in page
    # (an SVG or MathML part written alone, <desc> or <mi>, still takes its paragraph's text with it)
    assert "붙여 넣음" in page or tag in ("<svg><desc>", "<math><mi>")
    name = tag[1:].split(">")[0].split()[0].rstrip("/").lower()
    assert f"&lt;{name}" in page.lower()  # the tag itself, as written


@pytest.mark.parametrize("tag", TAGS)
def test_check_names_the_tag_left_open_at_its_place(tag: str) -> None:
    found = [(f.code, f.line, f.column, f.severity, f.message_ko) for f in outside_content(AFTER.format(tag=tag), RECORD, 1)]
    name = tag[1:].split(">")[0].split()[0].rstrip("/").lower()
    assert found[0][:4] == ("html-unclosed", 3, 5, "warning"), found
    assert found[0][4].startswith(f"<{name}> 태그가 닫히지 않았습니다")
    assert "뒤의 글은 빠짐없이 실립니다" in found[0][4] and "지우세요" in found[0][4]
    # (nothing says the element is left out "with all it holds": it is not)
    assert not any(code in ("outside-content", "html-left-out") and (line, column) == (3, 5)
                   for code, line, column, _, _ in found)


def test_every_open_ended_element_is_tried() -> None:
    """(the SVG and MathML names the sanitizer drops: test_an_svg_or_mathml_name_in_a_paragraph…)"""
    assert {t[1:].split(">")[0].split()[0].rstrip("/").lower() for t in TAGS} >= OPEN_ENDED - FOREIGN_DROPPED


@pytest.mark.parametrize(("closed", "code"), [
    ('<svg width="10"><circle r="4"/></svg>', "outside-content"), ("<textarea>메모</textarea>", "html-left-out"),
    ("<style>p { color: red }</style>", "outside-content"), ("<svg/>", "outside-content"),
    ("<math><mi>x</mi></math>", "outside-content"),
])
def test_a_closed_element_is_still_left_out_whole(closed: str, code: str) -> None:
    body = AFTER.format(tag=closed)
    page = shown(body)
    assert "둘째 문단은 남아야 함." in page and "&lt;" not in page
    assert "메모" not in page and "color" not in page and "circle" not in page
    assert [(f.code, f.line, f.column) for f in outside_content(body, RECORD, 1)][:1] == [(code, 3, 5)]


def test_a_later_element_of_the_same_name_does_not_close_an_earlier_one_after_it() -> None:
    body = "앞 <textarea>닫힘</textarea> 가운데\n\n<textarea> 열린 채\n\n끝 문단\n"
    found = sorted((f.line, f.column, f.code) for f in outside_content(body, RECORD, 1))
    assert found == [(1, 3, "html-left-out"), (3, 1, "html-unclosed")]
    page = shown(body)
    assert "닫힘" not in page and "가운데" in page and "&lt;textarea&gt; 열린 채" in page and "끝 문단" in page


@pytest.mark.parametrize("code", ["`<svg>` 코드", "```\n<textarea>\n```", "<!-- <svg> -->"])
def test_code_and_comments_are_passed_over(code: str) -> None:
    body = f"앞\n\n{code}\n\n끝 문단\n"
    assert [f for f in outside_content(body, RECORD, 1) if f.code == "html-unclosed"] == []
    assert "끝 문단" in shown(body)


def test_an_end_tag_in_a_comment_does_not_close_it() -> None:
    body = "앞 <svg> <!-- </svg> --> 뒤\n\n끝 문단\n"
    assert [(f.code, f.line, f.column) for f in outside_content(body, RECORD, 1)] == [("html-unclosed", 1, 3)]
    page = shown(body)
    assert "&lt;svg&gt;" in page and "끝 문단" in page


def test_nesting_the_parser_reads_otherwise_still_loses_no_text() -> None:
    """`</svg>` inside an HTML part of an SVG (<foreignObject>) with a <div> open in it does not end
    the <svg> for the browser: the sanitizer then shows every such tag as written, never drops the rest."""
    html = "<p>앞 <svg><foreignObject><div>그림 설명</svg> 뒤</p>\n<p>끝 문단</p>"
    assert "끝 문단" not in CLEANER.clean(html)  # (what the cleaner alone makes of it)
    page = sanitize_html(html)
    assert "끝 문단" in page and " 뒤" in page and "&lt;svg&gt;" in page


def test_the_reading_is_linear() -> None:
    import time

    started = time.process_time()  # (CPU time: a busy machine's waits for a core are not the reading's)
    for text in ("<svg>" * 100_000, "<textarea>" * 50_000 + "</textarea>", "<!--" * 100_000 + "<svg>",
                 "<svg " + '"' * 100_000):
        unclosed_tags(text)
        outside_content(text, RECORD, 1)
    assert time.process_time() - started < 10.0  # (~1.5 s; a reading quadratic in the tags takes minutes)


def test_check_and_build_agree_on_a_casebook(sample: Path, run) -> None:
    record = sample / RECORD
    text = record.read_text(encoding="utf-8").rstrip("\n")
    first = text.count("\n") + 3
    record.write_text(text + '\n\n그림 <svg width="10"> 붙여 넣음\n\n<math>\n\n이 문단이 사이트에 남아야 합니다.\n\n'
                      "- 마지막 항목도 남아야 합니다\n", encoding="utf-8")
    found = [(f.code, f.line, f.column) for f in check(sample, cache=False).findings if f.path == RECORD
             and f.code in ("html-unclosed", "outside-content", "html-left-out")]
    assert found == [("html-unclosed", first, 4), ("html-unclosed", first + 2, 1)]
    result = run(sample, "build")
    assert result.exit_code == 0, result.output
    page = (sample / "site/cases/2026-0001/index.html").read_text(encoding="utf-8")
    assert "이 문단이 사이트에 남아야 합니다." in page and "마지막 항목도 남아야 합니다" in page
    assert "&lt;svg width=&quot;10&quot;&gt; 붙여 넣음" in page or '&lt;svg width="10"&gt; 붙여 넣음' in page


def test_an_svg_or_mathml_name_in_a_paragraph_does_not_take_the_rest_of_it() -> None:
    """The sanitizer takes `<stop>`, `<text>`, `<g>`, `<mi>` … away with all they hold wherever they
    stand: written in a paragraph and left open, the rest of the paragraph went; closed, what they
    hold goes, and check now says so (not that the text stays)."""
    body = "상담 중 <stop> 버튼을 누르라고 안내함. 이후 면담 내용 중요.\n\n다음 문단 <text>숨김</text> 보임\n"
    page = shown(body)
    assert "&lt;stop&gt; 버튼을 누르라고 안내함. 이후 면담 내용 중요." in page and "숨김" not in page and "보임" in page
    found = sorted((f.line, f.column, f.code, f.message_ko) for f in outside_content(body, RECORD, 1))
    assert [(line, column, code) for line, column, code, _ in found] == [(1, 6, "html-unclosed"),
                                                                         (3, 7, "html-left-out")]
    assert "그 안에 쓴 내용도 보이지 않습니다" in found[1][3]


def test_the_foreign_names_dropped_are_the_sanitizers() -> None:
    """FOREIGN_DROPPED is what the installed cleaner takes away with its content, no more, no less
    (among the SVG and MathML names, and the HTML ones beside them)."""
    from casekit.core.allowlist import DROP_WITH_CONTENT

    names = FOREIGN_DROPPED | {"clippath", "lineargradient", "foreignobject", "textpath", "font", "center", "marquee",
                               "applet", "listing", "image", "spacer", "blink", "foo"}
    dropped = {n for n in names - DROP_WITH_CONTENT if "x" not in CLEANER.clean(f"<p>a <{n}>x</{n}> b</p>")}
    assert dropped == FOREIGN_DROPPED


# -- a start tag with no ">" of its own --------------------------------------------------------------
# (Markdown reads a body a block at a time: a "<svg width="10"" whose ">" never comes in its paragraph
# is text, which Python-Markdown escapes; the page shows it as written, and what follows as any text)
NO_END = ['<svg width="10"', "<svg", "<textarea", "<style", "<math", "<script", "<iframe", "<plaintext", "<stop",
          '<img src="https://x.example/a.png"']
NO_END_PLACES = {
    "end of a line": "첫 문단.\n\n어쩌다 {tag}\n\n둘째 문단은 남아야 함.\n\n- 셋째 항목\n",
    "a line of its own": "첫 문단.\n\n{tag}\n이어진 줄 붙여 넣음\n\n둘째 문단은 남아야 함.\n\n- 셋째 항목\n",
    "end of the body": "첫 문단 셋째 항목.\n\n둘째 문단은 남아야 함 {tag}",
    "a '>' paragraphs later": "첫 문단.\n\n어쩌다 {tag} 붙여 넣음\n\n둘째 문단은 남아야 함.\n\n- 셋째 항목 3 > 2\n",
    "its end tag paragraphs later": "첫 문단.\n\n어쩌다 {tag} 붙여 넣음\n\n둘째 문단은 남아야 함.\n\n"
                                    "- 셋째 항목 3 > 2 {end}\n",
}


@pytest.mark.parametrize("place", NO_END_PLACES)
@pytest.mark.parametrize("tag", NO_END)
def test_a_start_tag_whose_end_never_comes_is_text(tag: str, place: str) -> None:
    name = tag[1:].split()[0]
    body = NO_END_PLACES[place].format(tag=tag, end=f"</{name}>")
    page = shown(body)
    assert "둘째 문단은 남아야 함" in page and "셋째 항목" in page
    assert f"&lt;{name}" in page and ("붙여 넣음" in page or "붙여 넣음" not in body)
    # check says nothing is left out or swallowed: nothing is (it said the <svg> was not published)
    assert outside_content(body, RECORD, 1) == []


@pytest.mark.parametrize("tag", ['<svg width="10"', "<textarea", "<style", "<math", "<plaintext"])
def test_a_start_tag_ended_a_line_later_in_its_paragraph_is_read_whole(tag: str) -> None:
    """The same tag whose ">" comes on a later line of its paragraph is a tag: left open, it is shown
    as written and check says html-unclosed at its first line."""
    body = f"첫 문단.\n\n어쩌다 {tag} 붙여 넣음\n다음 줄 3 > 2 이어서\n\n둘째 문단은 남아야 함.\n"
    page = shown(body)
    name = tag[1:].split()[0]
    assert f"&lt;{name}" in page and "이어서" in page and "둘째 문단은 남아야 함." in page
    assert [(f.code, f.line, f.column) for f in outside_content(body, RECORD, 1)] == [("html-unclosed", 3, 5)]


def test_a_picture_from_afar_written_over_two_lines_is_still_said() -> None:
    body = '앞 글\n<img src="https://x.example/a.png"\nalt="그림"> 뒤 글\n\n끝 문단\n'
    assert [(f.code, f.line, f.column) for f in outside_content(body, RECORD, 1)] == [("outside-content", 2, 1)]
    assert "[외부 자료 생략]" in shown(body)


def test_a_plaintext_is_said_unended_with_its_end_tag_after_it_or_none() -> None:
    """Nothing ends a <plaintext>: check said "no </plaintext> after it" of one followed by its end tag."""
    with_end = outside_content("첫 <plaintext> 글 </plaintext> 뒤\n\n둘째.\n", RECORD, 1)
    assert [(f.code, f.line, f.column) for f in with_end] == [("html-unclosed", 1, 3)]
    assert "뒤에 쓴 </plaintext>도 이 태그를 끝내지 못합니다" in with_end[0].message_ko
    assert "없습니다" not in with_end[0].message_ko and "no </plaintext>" not in with_end[0].message_en
    assert "the </plaintext> after it does not end it" in with_end[0].message_en
    alone = outside_content("첫 <plaintext> 글\n\n둘째.\n", RECORD, 1)
    assert "뒤에 닫는 태그 </plaintext>가 없습니다" in alone[0].message_ko and "no </plaintext> after it" in alone[0].message_en
    page = shown("첫 <plaintext> 글 </plaintext> 뒤\n\n둘째.\n")
    assert "&lt;plaintext&gt; 글" in page and "뒤" in page and "둘째." in page


def test_check_and_build_agree_on_start_tags_with_no_end(sample: Path, run) -> None:
    """A real build of the sample casebook: each tag whose ">" never comes shows as written, all
    after it is published, and check says nothing of them; a <plaintext> followed by its end tag is
    said never ended, truly."""
    record = sample / RECORD
    text = record.read_text(encoding="utf-8").rstrip("\n")
    first = text.count("\n") + 3
    record.write_text(text + '\n\n그림 <svg width="10"\n\n글상자 <textarea 메모를 붙여 넣음\n\n<style\n\n'
                      "첫째 남을 문단 3 > 2 </svg>\n\n<plaintext> 붙임 </plaintext> 뒤 글\n\n"
                      "- 마지막 항목도 남아야 합니다 <math", encoding="utf-8")
    found = [(f.code, f.line, f.column, f.message_ko) for f in check(sample, cache=False).findings if f.path == RECORD
             and f.code in ("html-unclosed", "outside-content", "html-left-out")]
    assert [found[0][:3]] == [("html-unclosed", first + 8, 1)] and len(found) == 1, found
    assert "뒤에 쓴 </plaintext>도 이 태그를 끝내지 못합니다" in found[0][3]
    result = run(sample, "build")
    assert result.exit_code == 0, result.output
    page = (sample / "site/cases/2026-0001/index.html").read_text(encoding="utf-8")
    for shown_as_written in ('&lt;svg width="10"', "&lt;textarea 메모를 붙여 넣음", "&lt;style", "첫째 남을 문단 3 &gt; 2",
                             "&lt;plaintext&gt; 붙임", "뒤 글", "마지막 항목도 남아야 합니다 &lt;math"):
        assert shown_as_written in page.replace("&quot;", '"'), shown_as_written


# -- a body read whole: tags tangled so an end tag does not end its element --------------------------
TANGLED = [
    ("앞 <svg><foreignObject><div>그림 설명</svg> 뒤\n\n끝 문단\n", [(1, 3, "svg")]),
    ("<div>\n앞 <svg><foreignObject><div>그림 설명</svg> 뒤\n</div>\n\n끝 문단\n", [(2, 3, "svg")]),
    ("앞 <svg><foreignObject><div>그림</svg> 뒤 <!-- 상담자 메모 --> 그리고 <style>p {}</style> 끝\n\n<svg/> 끝 문단\n",
     [(1, 3, "svg"), (1, 39, "!--"), (1, 59, "style"), (3, 1, "svg")]),
    ("앞 <math><mtext><div>식</math> 뒤\n\n<textarea>메모</textarea> 끝 문단\n", []),
]


@pytest.mark.parametrize(("body", "places"), TANGLED)
def test_check_says_what_the_site_shows_of_a_tangled_body(body: str, places: list[tuple[int, int, str]]) -> None:
    """`<svg><foreignObject><div>…</svg>`: the </svg> does not end the <svg> (a <div> is open in its
    HTML part), the body's end is read inside it, and the site shows every <svg>, <style> …, closed
    ones too, and every comment as written (casekit.core.allowlist.cleaned_whole). check reads the
    body through the same function and says so of each (it said the <svg> was left out)."""
    page = shown(body)
    assert "끝 문단" in page and "뒤" in page
    found = outside_content(body, RECORD, 1)
    tangled = sorted((f.line, f.column) for f in found if f.code == "html-unclosed" and "얽힘" in f.message_ko)
    assert tangled == [(line, column) for line, column, _ in places], found
    for line, column, name in places:
        assert f"&lt;{name}" in page  # shown as written
        assert not any((f.line, f.column) == (line, column) and f.code in ("outside-content", "html-left-out")
                       for f in found)
    if places:
        said = next(f for f in found if (f.line, f.column) == places[0][:2])
        assert "닫는 태그로도 끝나지 않는 요소가 있어" in said.message_ko and "닫히지 않았습니다" not in said.message_ko
        assert "not ended by its end tag" in said.message_en
    else:  # (the <div> ends the <math> for the parser: nothing is read to the end, each is left out)
        assert "&lt;" not in page and "메모" not in page
        assert [f.code for f in found] == ["outside-content", "html-left-out"], found


@pytest.mark.parametrize("body", ["앞 <svg><desc><div>그림 설명</svg> 뒤\n\n끝 문단\n",
                                  "앞 <math><mtext><div>식</math> 뒤\n\n끝 문단\n"])
def test_a_tag_left_open_inside_an_element_left_out_is_not_said_shown(body: str) -> None:
    """A <desc> left open in a closed <svg> is shown as written inside the <svg>, which the site
    leaves out whole: check said '<desc…>' shows; it says the <svg> is left out (the rest shows)."""
    page = shown(body)
    assert "&lt;" not in page and ("그림 설명" in page or "식" in page)
    assert "뒤" in page and "끝 문단" in page
    assert [(f.code, f.line, f.column) for f in outside_content(body, RECORD, 1)] == [("outside-content", 1, 3)]


def test_a_comment_the_site_shows_in_a_tangled_body_is_said_to_be_published() -> None:
    body = "앞 <svg><foreignObject><div>그림</svg> 뒤\n\n<!-- 상담자만 볼 메모 -->\n\n끝 문단\n"
    assert "상담자만 볼 메모" in shown(body)
    said = [f for f in outside_content(body, RECORD, 1) if (f.line, f.column) == (3, 1)]
    assert [f.code for f in said] == ["html-unclosed"]
    assert "주석(<!-- -->)도 글자로 보입니다: 그 안에 쓴 것이 사이트에 실립니다" in said[0].message_ko
    # untangled, a comment is left out of the page and check passes it over
    plain = "앞 <svg><foreignObject><div>그림</div></foreignObject></svg> 뒤\n\n<!-- 상담자만 볼 메모 -->\n\n끝 문단\n"
    assert "상담자만 볼 메모" not in shown(plain)
    assert [f.code for f in outside_content(plain, RECORD, 1)] == ["outside-content"]


def test_an_unclosed_comment_is_text_to_markdown_not_a_tangle() -> None:
    body = "앞 <!-- 메모를 닫지 않음\n\n끝 문단\n"
    page = shown(body)
    assert "&lt;!-- 메모를 닫지 않음" in page and "끝 문단" in page
    assert outside_content(body, RECORD, 1) == []


def test_check_and_build_agree_on_a_tangled_body(sample: Path, run) -> None:
    record = sample / RECORD
    text = record.read_text(encoding="utf-8").rstrip("\n")
    first = text.count("\n") + 3
    record.write_text(text + "\n\n그림 <svg><foreignObject><div>설명</svg> 뒤 글\n\n<!-- 상담자만 볼 메모 -->\n\n"
                      "이 문단이 사이트에 남아야 합니다.\n", encoding="utf-8")
    found = [(f.code, f.line, f.column, f.message_ko) for f in check(sample, cache=False).findings if f.path == RECORD
             and f.code in ("html-unclosed", "outside-content", "html-left-out")]
    assert sorted(place[:3] for place in found) == [("html-left-out", first, 9), ("html-unclosed", first, 4),
                                                    ("html-unclosed", first + 2, 1)], found
    assert all("얽힘" in message for code, _, _, message in found if code == "html-unclosed")
    result = run(sample, "build")
    assert result.exit_code == 0, result.output
    page = (sample / "site/cases/2026-0001/index.html").read_text(encoding="utf-8")
    for text_shown in ("&lt;svg&gt;", "설명", "뒤 글", "&lt;!-- 상담자만 볼 메모 --&gt;", "이 문단이 사이트에 남아야 합니다."):
        assert text_shown in page, text_shown
