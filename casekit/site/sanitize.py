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

import re

import nh3

# (the allowlist, what it keeps and why, is casekit.core.allowlist's: `casekit check` reads a body's
# tags against the same cleaner, html-left-out)
from casekit.core.allowlist import CLEANER, DROP_WITH_CONTENT

# an image whose address was refused: the reader sees that something was left out
_NO_SRC_IMG = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
BLOCKED = '<span class="ck-blocked" title="외부 자료는 싣지 않습니다">[외부 자료 생략]</span>'


def sanitize_html(html: str) -> str:
    """`html` (a fragment rendered from Markdown written by people) with only the allowlist left."""
    if not html:
        return html
    return _NO_SRC_IMG.sub(BLOCKED, CLEANER.clean(html))


def plain_text(html: str) -> str:
    """The text a reader sees of a short HTML fragment (a title): tags gone, entities decoded."""
    import html as _html

    return _html.unescape(nh3.clean(html, tags=set(), clean_content_tags=set(DROP_WITH_CONTENT)))
