"""Allowlist sanitizing of HTML that comes from people: record bodies, resources, docs pages.

Markdown lets a writer put any HTML into a record. After Markdown rendering, every such piece
goes through nh3 (the Python binding to Rust's ammonia, an html5ever-based allowlist
sanitizer): it parses the fragment as a browser would and keeps only the tags and attributes
listed in casekit.core.allowlist. A home-made regex filter loses against HTML (odd end tags, entities, newlines
inside URLs); a parser with an allowlist does not have to know the attacks.

What survives, and why, is casekit.core.allowlist's (TAGS, ATTRIBUTES, CLEANER): headings,
paragraphs, lists, tables, quotes, code, emphasis, images from the site itself, details and
admonition boxes, links a reader clicks; nothing that runs or loads, no id or class the theme's
interface or its hiding styles use. `casekit check` reads every body's tags against the same
cleaner and says what the site will leave out (`html-left-out`).
"""

from __future__ import annotations

import html as _html
import re

import nh3

# (the allowlist, what it keeps and why, is casekit.core.allowlist's: `casekit check` reads a body's
# tags against the same cleaner, html-left-out)
from casekit.core.allowlist import DROP_WITH_CONTENT, cleaned_whole
from casekit.core.docs import code_spans

# an image whose address was refused: the reader sees that something was left out
_NO_SRC_IMG = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
BLOCKED = '<span class="ck-blocked" title="외부 자료는 싣지 않습니다">[외부 자료 생략]</span>'


def sanitize_html(html: str) -> str:
    """`html` (a fragment rendered from Markdown written by people) with only the allowlist left."""
    if not html:
        return html
    return _NO_SRC_IMG.sub(BLOCKED, _cleaned_whole(html))


def _cleaned_whole(html: str) -> str:
    """`html` cleaned, nothing after an element left open swallowed with it (casekit.core.allowlist
    .cleaned_whole, whose verdict `casekit check` reads of the body too)."""
    return cleaned_whole(html)[0]


def plain_text(html: str) -> str:
    """The text a reader sees of a short HTML fragment (a title): tags gone, entities decoded."""
    return _html.unescape(nh3.clean(html, tags=set(), clean_content_tags=set(DROP_WITH_CONTENT)))


# --- headings of docs/ pages --------------------------------------------------------------------
# Markdown's table of contents makes a heading's anchor (and its entry) from the heading's text
# with its tags stripped, the content of a <script> kept: `## 둘째 <script>window.__pwned</script>h2`
# got the anchor 둘째-window__pwnedh2 although the sanitizer leaves `둘째 h2` on the page. A custom
# `slugify` cannot help (it is handed that text already joined), so the elements the sanitizer drops
# with their content are taken out of a heading's Markdown before any generator reads it.
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_DROPPED = re.compile(r"(?<!\\)<(" + "|".join(sorted(DROP_WITH_CONTENT)) + r")\b[^>]*>(?:.*?</\1\s*>|.*$)",
                      re.IGNORECASE)


def _heading_text(line: str) -> str:
    """A heading's line without the elements dropped with their content (code spans left alone)."""
    if "<" not in line:
        return line
    out, at = [], 0
    # (the code spans as Python-Markdown reads them, in linear time: the pattern this used,
    # (`+)(?:.*?[^`])??\1(?!`), looked for a closing run from each backtick of a run that closes
    # nowhere, and a heading of `<` and 20,000 backticks took a second of the build, 100,000 twenty)
    for start, end in code_spans(line):
        out += [_DROPPED.sub("", line[at:start]), line[start:end]]
        at = end
    return "".join(out) + _DROPPED.sub("", line[at:])


def plain_headings(markdown: str) -> str:
    """`markdown` (a docs/ page) with `<script>…</script>`, `<style>…</style>` and the other elements
    the sanitizer drops with their content (DROP_WITH_CONTENT) taken out of its headings (ATX `##`
    and setext, underlined), outside fenced code and code spans, so the anchors and the table of
    contents any generator makes of them hold only what the page shows. Other lines are left as
    they are (the sanitizer drops such elements from the HTML)."""
    if "<" not in markdown:
        return markdown
    lines = markdown.split("\n")
    fence: str | None = None
    start = 0
    if lines[0].rstrip() == "---":  # front matter (YAML, not Markdown): left as it is
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
    for i, line in enumerate(lines):
        if i < start:
            continue
        m = _FENCE.match(line)
        if fence is not None:
            if m is not None and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            continue
        if m is not None:
            fence = m.group(1)
        elif _ATX.match(line):
            lines[i] = _heading_text(line)
        elif i > start and _SETEXT.match(line) and lines[i - 1].strip():
            j = i - 1  # the paragraph the underline makes a heading of
            while j >= start and lines[j].strip() and not _ATX.match(lines[j]) and not _FENCE.match(lines[j]):
                lines[j] = _heading_text(lines[j])
                j -= 1
    return "\n".join(lines)
