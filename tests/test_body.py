"""casekit.site.body: record bodies rendered without Python-Markdown (plain_html, for headings and
plain paragraphs) come out exactly as Python-Markdown renders them, and any other text is left to it."""

from __future__ import annotations

import random
from pathlib import Path

import markdown

from casekit.site.body import EXTENSIONS, BodyRenderer, demote, plain_html

ROOT = Path(__file__).resolve().parent.parent


_MD = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html",
                        extension_configs={"tables": {"use_align_attribute": True}})


def _markdown(text: str) -> str:
    _MD.reset()
    return _MD.convert(text)


def _bodies() -> list[str]:
    out = []
    for path in sorted((ROOT / "cases").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if "\n---\n" in text else ""
        if body.strip():
            out.append(demote(body, 2))
    return out


def test_the_sample_bodies_render_as_python_markdown_renders_them() -> None:
    bodies = _bodies()
    plain = [b for b in bodies if plain_html(b) is not None]
    assert len(plain) >= len(bodies) * 0.8  # (most bodies are headings and paragraphs: the point of it)
    for body in plain:
        assert plain_html(body) == _markdown(body)


# lines and pieces that Markdown reads in other ways, beside plain Korean text
PIECES = ["상담 내용", "방문했다.", "2026-03-04 방문", "2026.03.04", "1. 첫째", "1) 첫째", "3월", "(괄호)", ": 끝",
          "- 목록", "* 별", "+ 더하기", "> 인용", "    코드", "\t탭", "\u3000들여쓰기", "끝 ", "끝  ", "\xa0공백",
          "#해시", "# 제목", "## 제목 ##", "###### 여섯", "####### 일곱", "##  두 칸", "## ", "#", "=", "===", "---",
          "***", "<b>굵게</b>", "&amp;", "&", "a_b_c", "*강조*", "`코드`", "[링크](x)", "!!! note", "| 표 |", "~~~",
          "```", "\\*", "<!-- -->", "http://x.example", "a\x02b", "", "", "", "다음 줄", "\"따옴표\" '작은'",
          "가\u2028나", "가\x85나", "가\xa0나", "가\u3000나", "가\u200b나", "—", "…", "%", "$", "^", "@", "a = b",
          "1.5배", "3)", "(1) 첫째", "10. 항목", "가. 나.", "다\r라", "Ⅰ. 개요", "①"]


def test_random_texts_render_as_python_markdown_renders_them() -> None:
    rng = random.Random(5)
    taken = 0
    for _ in range(8000):
        lines = []
        for _ in range(rng.randint(1, 6)):
            line = rng.choice(PIECES)
            if rng.random() < 0.3:
                line += " " + rng.choice(PIECES)
            lines.append(line)
        text = "\n".join(lines).strip("\n")
        if not text.strip():
            continue
        got = plain_html(text)
        if got is not None:
            taken += 1
            assert got == _markdown(text), repr(text)
    assert taken > 250  # (the plain path was tried on many texts, not only refused)


def test_a_body_renders_the_same_either_way() -> None:
    renderer = BodyRenderer()
    body = "## 상담 내용\n어머니와 먼저 이야기를 나누었다.\n둘째 줄\n\n### 다음\n\n문단 (괄호): 끝."
    assert plain_html(body) is not None
    html = renderer.html(body, "cases/2026-0001/01-intake.md", 0)
    assert str(html) == "<h2>상담 내용</h2>\n<p>어머니와 먼저 이야기를 나누었다.\n둘째 줄</p>\n<h3>다음</h3>\n<p>문단 (괄호): 끝.</p>"


def test_a_tight_list_under_a_heading_is_rendered_without_python_markdown() -> None:
    # (how an assessment lists its needs: ~8% of the bodies of a large casebook, each ~0.5 ms in Python-Markdown)
    body = ("## 영역별 욕구\n- 경제: 실직 후 소득이 끊겼다. 월세 체납이 두 달째다.\n- 건강: 당뇨 약을 끊었다.\n\n"
            "## 강점과 자원\n오랜 근무 경력이 강점이다.\n\n- 끝의 목록")
    assert plain_html(body) is not None
    assert plain_html(body) == _markdown(body)
    assert "<li>건강: 당뇨 약을 끊었다.</li>" in _markdown(body)


def test_random_texts_with_lists_render_as_python_markdown_renders_them() -> None:
    rng = random.Random(7)
    lists = 0
    for _ in range(8000):
        lines = []
        for _ in range(rng.randint(1, 7)):
            r = rng.random()
            line = "" if r < 0.2 else rng.choice(["## 제목", "# 큰 제목", "문단"]) if r < 0.35 else rng.choice(PIECES)
            if r > 0.45:
                line = rng.choice(["- ", "- ", "-", "* ", "1. ", "-  ", "- - "]) + line
            lines.append(line)
        text = "\n".join(lines).strip("\n")
        if not text.strip():
            continue
        got = plain_html(text)
        if got is not None:
            assert got == _markdown(text), repr(text)
            lists += "<ul>" in got
    assert lists > 100  # (the plain path took many texts with lists, not only refused them)
