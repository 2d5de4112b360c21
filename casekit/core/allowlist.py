"""What HTML written by people the casebook's site keeps: the sanitizer's allowlist, and a reading
of a body's tags against it.

Markdown lets a writer put any HTML into a record. The site (casekit.site.sanitize) passes every
body, after Markdown rendering, through nh3 (the Python binding to Rust's ammonia, an
html5ever-based allowlist sanitizer) configured here as `CLEANER`: it parses the fragment as a
browser would and keeps only the tags and attributes listed below. A home-made regex filter
loses against HTML (odd end tags, entities, newlines inside URLs); a parser with an allowlist
does not have to know the attacks.

What survives: the structure Markdown and casekit's pages need (headings, paragraphs, lists,
tables, quotes, code, emphasis, images, details, admonition boxes), links a reader clicks
(relative, http(s), mailto, tel; `rel="noopener noreferrer"`), images from the site itself
only (a relative address: no scheme, no `//`, no backslash, no control character). Nothing
that runs or loads: no script, style, on* handler, srcset, base, meta, frame, object, form,
svg or math, no class that makes the theme load from another host (`mermaid`: Material then
asks unpkg.com for a script). An `id` that could clobber the theme's own (`__search`, `__config` …) is dropped, and
so is a class the theme or casekit styles its interface with (`md-dialog`, `ck-…`); no `dir`.
Nor a class (or an `<a id>`) the theme's stylesheet hides or shrinks text with (`tabbed-block`,
`headerlink` …): `박<span class="tabbed-block">가</span>영수` reads 박영수 in the browser while
every text check, `casekit audit`'s included, reads 박가영수.

`left_out(tag)`: what the sanitizer takes away from one start tag a body holds, asked of the
sanitizer itself (the tag cleaned in the context it needs), so `casekit check` says what the
site will not show exactly as the site decides it (casekit.core.docs.outside_content).
"""

from __future__ import annotations

import functools
import html
import re

import nh3

from casekit.core.pictures import is_site_address as is_local_path
from casekit.core.pictures import without_comments

# -- the allowlist (data) ----------------------------------------------------
TAGS: frozenset[str] = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
    "a", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sup", "sub",
    "code", "pre", "kbd", "samp", "var", "blockquote", "q", "cite", "abbr", "dfn", "time",
    "img", "figure", "figcaption", "details", "summary", "wbr",
})
# the tag and everything in it is removed (not only the tag)
DROP_WITH_CONTENT: frozenset[str] = frozenset({"script", "style", "template", "noscript", "iframe", "frame",
                                               "frameset", "object", "embed", "svg", "math", "textarea", "title"})
# SVG and MathML element names the sanitizer (ammonia) takes away with all they hold wherever they
# stand, an HTML paragraph too: `상담 중 <stop> 버튼을 누르라고 안내함` lost all after "상담 중"
# (tests/test_html_unclosed.py asks the cleaner for each, and for the names beside them it keeps)
FOREIGN_DROPPED: frozenset[str] = frozenset({
    "animate", "circle", "defs", "desc", "ellipse", "filter", "g", "line", "marker", "mask", "metadata", "mpath",
    "path", "pattern", "polygon", "polyline", "rect", "set", "stop", "switch", "symbol", "text", "tspan", "use",
    "view", "annotation", "annotation-xml", "maction", "menclose", "merror", "mfenced", "mfrac", "mi",
    "mmultiscripts", "mn", "mo", "mover", "mpadded", "mphantom", "mroot", "mrow", "ms", "mspace", "msqrt", "mstyle",
    "msub", "msubsup", "msup", "mtable", "mtd", "mtext", "mtr", "munder", "munderover", "semantics", "mglyph",
    "malignmark",
})
# data-search-exclude: a docs page keeps a paragraph out of the search index (Material, casekit)
# (no `dir`: `<span dir="ltr">` pieces in a `dir="rtl"` line show 010-0000-1003 written backwards in
# the source, as the bidi controls casekit refuses would)
GENERIC_ATTRIBUTES: frozenset[str] = frozenset({"class", "id", "title", "lang", "data-search-exclude"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"colspan", "rowspan", "scope", "abbr"}),
    "td": frozenset({"colspan", "rowspan"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed"}),
    "li": frozenset({"value"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    # (no `cite` on blockquote or q: an address no reader sees or clicks, which the sanitizer's
    # scheme check does not read: `<blockquote cite="javascript:…">` was published as written)
    "del": frozenset({"datetime"}),
    "ins": frozenset({"datetime"}),
}
# Python-Markdown's tables extension writes column alignment as an `align` attribute when
# `use_align_attribute` is on (the plugin turns it on), instead of a style attribute
ALIGN = {"th": {"align": {"left", "right", "center"}}, "td": {"align": {"left", "right", "center"}}}
# links a reader clicks; nothing is ever loaded from them
LINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
# Material's own element ids all start with "__" (__search, __drawer, __config, __palette_0 …)
RESERVED_ID = re.compile(r"^_|^md-")
# classes the theme and casekit style their own interface with (md-dialog, md-header, ck-blocked …):
# a record wearing them could draw a fake notice or login box over the page
RESERVED_CLASS = re.compile(r"^(?:md|ck)[-_]", re.I)
# classes Material's stylesheet hides (display: none), makes invisible (opacity 0, font-size 0) or
# takes out of the line with: text inside one is in the page's source but not on the screen, so a
# sensitive value split by one (박<span class="tabbed-block">가</span>영수) passes every text check
# and still reads whole. pymdownx.tabbed needs <input>/<label>, which the allowlist drops anyway.
# (tests/test_settings_unsafe.py checks this list against the installed theme's stylesheet.)
HIDING_CLASS = re.compile(r"^(?:tabbed-[a-z-]*|headerlink|footnote-backref|giscus|task-list-(?:control|indicator))$",
                          re.I)


# classes Material's stylesheet floats with (`[dir=ltr] .md-typeset .inline.end{float:right}`: for
# admonitions set beside the text): pieces of a name or number in spans floated one after another
# are drawn in the reverse order (`<span class="inline end">수</span>…영…박` reads 박 영 수 on the page,
# 수영박 to every text check). An admonition written `!!! note inline end` is then an ordinary one.
# (tests/test_settings_unsafe.py checks this list against the installed theme's stylesheet.)
REORDERING_CLASS = re.compile(r"^inline$", re.I)
# a list's first number and an item's number: small ones only (`<ol start="19690720">`: its second
# item is numbered 19690721, a client's birth date, in no text a check reads)
LIST_NUMBER = re.compile(r"\s*-?[0-9]{1,4}\s*")


# classes that make the theme load from another host: Material's bundle finds `pre.mermaid` and
# adds <script src="https://unpkg.com/mermaid@11/…"> to the page (blocked by the CSP, still an ask)
LOADING_CLASS = re.compile(r"^mermaid$", re.I)


def _filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "id" and (RESERVED_ID.search(value) or tag == "a"):  # Material hides `.highlight code a[id]`
        return None
    if attr == "class":
        kept = [c for c in value.split()
                if not RESERVED_CLASS.match(c) and not HIDING_CLASS.match(c) and not LOADING_CLASS.match(c)
                and not REORDERING_CLASS.match(c)]
        return " ".join(kept) or None
    if attr in ("start", "value") and tag in ("ol", "li") and not LIST_NUMBER.fullmatch(value):
        return None
    if tag == "img" and attr == "src" and not is_local_path(value):
        # an empty address loads nothing (a browser asks for no file): kept, so the page says
        # "[그림 없음]" (casekit.site.body) as check says image-not-found, not "[외부 자료 생략]"
        return "" if not value.strip() else None
    return value


CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROP_WITH_CONTENT),
    attributes={"*": set(GENERIC_ATTRIBUTES), **{tag: set(attrs) for tag, attrs in ATTRIBUTES.items()}},
    tag_attribute_values={tag: {k: set(v) for k, v in vals.items()} for tag, vals in ALIGN.items()},
    attribute_filter=_filter,
    strip_comments=True,
    link_rel="noopener noreferrer",
    url_schemes=set(LINK_SCHEMES),
)


# -- one tag of a body, against the allowlist ---------------------------------
# a start tag on one line: its name as HTML spells one (so `<https://…>` and `<a@b.kr>`, Markdown's
# autolinks, are not tags), then anything but a bracket, or quoted values, which may hold a ">" as
# the browser reads them (`alt="a>b" onerror=…` is one tag) but no "<" (each try ends at the next
# "<": a line of 100,000 "<a" is read in one pass)
START_TAG = re.compile(r"""<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>""")
# one attribute of a start tag's rest, as a browser splits them (the audit reads tags with it too;
# white space is HTML's, not Unicode's: before `="`, a no-break space starts an unquoted value, so
# `alt=\u00a0"a onerror=…"` gives the image an onerror handler)
ATTRIBUTE_PATTERN = re.compile(r"""([^\t\n\f\r "'>/=\x00]+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]+)))?""")
# what a table's part is cleaned inside (the HTML parser drops a <td> found outside a table)
_CONTEXT = {"td": ("<table><tr>", "</tr></table>"), "th": ("<table><tr>", "</tr></table>"),
            "tr": ("<table>", "</table>"), "tbody": ("<table>", "</table>"), "thead": ("<table>", "</table>"),
            "tfoot": ("<table>", "</table>"), "caption": ("<table>", "</table>"),
            "colgroup": ("<table>", "</table>"), "col": ("<table><colgroup>", "</colgroup></table>")}
# attributes the sanitizer adds (a link's rel) or that other findings speak of (an image's address:
# outside-content, image-not-found)
_OTHERS = {"rel"}


def attributes(attrs: str) -> dict[str, str]:
    """A start tag's attributes (after its name) by lower-cased name, the first of each name (as
    a browser keeps them), values with their entities decoded."""
    out: dict[str, str] = {}
    for m in ATTRIBUTE_PATTERN.finditer(attrs):
        name = m.group(1).lower()
        value = next((g for g in m.groups()[1:] if g is not None), "")
        out.setdefault(name, html.unescape(value) if "&" in value else value)
    return out


@functools.lru_cache(maxsize=4096)
def left_out(name: str, attrs: str) -> tuple[str, tuple[str, ...]] | None:
    """What the sanitizer takes away from the start tag `<name attrs>`: ("tag", ()) when the tag
    goes (its content stays), ("content", ()) when the tag goes with all it holds, ("attributes",
    (name, …)) when attributes go (a class some of whose names go counts as one); None when it is
    kept as written. An image's `src` is left to the findings about pictures."""
    name = name.lower()
    if name in DROP_WITH_CONTENT or name in FOREIGN_DROPPED:
        return "content", ()
    if name not in TAGS:
        return "tag", ()
    before, after = _CONTEXT.get(name, ("", ""))
    cleaned = CLEANER.clean(f"{before}<{name}{attrs}>{after}")
    kept = next((attributes(m.group(2)) for m in START_TAG.finditer(cleaned) if m.group(1) == name), None)
    if kept is None:
        return "tag", ()
    written = attributes(attrs)
    gone = [a for a, value in written.items()
            if a not in _OTHERS and not (name == "img" and a == "src")
            and (a not in kept or (a == "class" and kept[a].split() != value.split()))]
    return ("attributes", tuple(gone)) if gone else None


# -- an element left open, which would take the rest of a body with it -----------------------------
# Elements whose content the browser's HTML parser does not read as the page's HTML until their own
# end tag: raw text (`<textarea>`, `<title>`, `<style>`, `<script>`, `<xmp>`, `<iframe>`, `<noembed>`,
# `<noframes>`, `<noscript>`), `<plaintext>` (which nothing ends), and the elements the sanitizer
# drops with all they hold that an ordinary end tag does not end (`<svg>`, `<math>`: foreign content;
# `<template>`, `<object>`: a `</p>` inside makes a new paragraph in them). Left open in a body, each
# took the rest of the record off the page without a trace; so does, to the end of its paragraph, an
# SVG or MathML name the sanitizer drops with its content (FOREIGN_DROPPED: `<stop>`, `<text>`) (the rest as its text, dropped with it,
# or shown as HTML source). Such a start tag with no end tag of its own after it is shown as written
# instead (its "<" escaped: casekit.site.sanitize), and the rest of the body is published; `casekit
# check` names it (`html-unclosed`) from the same reading (`unclosed_tags`).
OPEN_ENDED: frozenset[str] = frozenset({"textarea", "title", "style", "script", "xmp", "iframe", "noembed",
                                        "noframes", "noscript", "plaintext", "svg", "math", "template",
                                        "object"}) | FOREIGN_DROPPED
_OPEN_ENDED_TAG = re.compile(r"<(" + "|".join(sorted(OPEN_ENDED)) + r")(?=[\s/>])(?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*>",
                             re.IGNORECASE)
# the same start tag in a Markdown body, which Markdown reads a block at a time: one whose ">" comes
# only after a blank line (`<svg width="10"`, then a later paragraph's `a > b`) is no tag, its "<" is
# shown as written (Python-Markdown escapes it), and what follows is the page's as any text is
_NO_BLANK = r"(?:\n(?![ \t]*\n))"
_OPEN_ENDED_MARKDOWN_TAG = re.compile(
    r"<(" + "|".join(sorted(OPEN_ENDED)) + r")(?=[\s/>])(?:[^<>\"'\n]|" + _NO_BLANK + r"|\"(?:[^\"<\n]|" + _NO_BLANK
    + r")*\"|'(?:[^'<\n]|" + _NO_BLANK + r")*')*>", re.IGNORECASE)
# (<svg/> and <math/> are whole, empty: the parser reads a self-closing tag in foreign content so)
_SELF_CLOSED = frozenset({"svg", "math"})


def unclosed_tags(text: str, markdown: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased name) of each start tag in `text` (HTML, or with `markdown` a Markdown
    body with its code blanked: no tag goes on past a blank line) of an element of OPEN_ENDED that
    no end tag of its own (`</textarea>`) follows, comments passed over; a `<plaintext>` always
    (nothing ends it). One pass: each name's end tags are found once."""
    tags = _OPEN_ENDED_MARKDOWN_TAG if markdown else _OPEN_ENDED_TAG
    if "<" not in text or tags.search(text) is None:
        return []
    if "<!--" in text:
        text = without_comments(text)
    last_end: dict[str, int] = {}
    out = []
    for m in tags.finditer(text):
        name = m.group(1).lower()
        if name in _SELF_CLOSED and m.group().endswith("/>"):
            continue
        if name not in last_end:
            ends = [e.start() for e in _end_of(name).finditer(text)] if name != "plaintext" else []
            last_end[name] = ends[-1] if ends else -1
        if last_end[name] < m.end():
            out.append((m.start(), m.end(), name))
    return out


@functools.lru_cache(maxsize=32)
def _end_of(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE)


def kept_open(html_text: str) -> str:
    """`html_text` with the "<" of each start tag `unclosed_tags` finds escaped: the tag shows as
    written and what follows it is read as the page's HTML (sanitized as any is), not swallowed."""
    found = unclosed_tags(html_text)
    if not found:
        return html_text
    parts, at = [], 0
    for start, _, _ in found:
        parts += [html_text[at:start], "&lt;"]
        at = start + 1
    return "".join(parts) + html_text[at:]


# -- the body read whole: what the site cleans, and what check says it shows ----------------------------
# text after everything else, which the cleaner keeps unless something left open swallows it
_END_MARK = "\ue000casekit-end\ue000"
_OPEN_ENDED_START = re.compile(r"<(?=(?:" + "|".join(sorted(OPEN_ENDED)) + r")[\s/>])|<(?=!--)", re.IGNORECASE)
AS_IT_IS, OPEN_ENDED_SHOWN, ALL_SHOWN = 0, 1, 2  # how cleaned_whole cleaned


def cleaned_whole(html_text: str) -> tuple[str, int]:
    """`html_text` cleaned, nothing after an element left open swallowed with it, and how: AS_IT_IS
    (an element of OPEN_ENDED with no end tag of its own shown as written: kept_open, `casekit check`
    says `html-unclosed` of it); should the parser still read the fragment's end as inside an element
    (nested so that its end tag does not end it: `<svg><foreignObject><div>…</svg>`),
    OPEN_ENDED_SHOWN: every such start tag and every comment shown as written; ALL_SHOWN, should even
    that not do: all of it as text. Text is never lost to the page unseen. (casekit.site.sanitize
    cleans every body so; casekit.core.docs asks it of a body's Markdown read as its page's HTML,
    `markdown_html`, to say what the page shows.)"""
    if not may_swallow(html_text):
        return CLEANER.clean(html_text), AS_IT_IS
    return cleaned_kept_open(kept_open(html_text))


def may_swallow(text: str) -> bool:
    """Whether `text` holds a start tag of OPEN_ENDED or a comment (else it is cleaned as it is)."""
    return "<" in text and _OPEN_ENDED_START.search(text) is not None


def cleaned_kept_open(html_text: str) -> tuple[str, int]:
    """`cleaned_whole` of HTML whose elements left open are shown as written already (kept_open;
    check escapes those its Markdown reading finds, `unclosed_tags(…, markdown=True)`)."""
    if _END_MARK in html_text:
        return CLEANER.clean(html_text), AS_IT_IS
    for how, tried in enumerate((html_text, _OPEN_ENDED_START.sub("&lt;", html_text))):
        cleaned = CLEANER.clean(tried + _END_MARK)  # (the elements still open are closed after the mark)
        if _END_MARK in cleaned:
            return cleaned.replace(_END_MARK, ""), how
    return html.escape(html_text), ALL_SHOWN


# a start tag whose quoted values may hold "<" (`<a title="<script>x</script>">`: a browser reads one
# <a> with a title, and the page shows it so), within a paragraph (no blank line in it); each part read
# once (possessive): its name and the attribute names and unquoted values hold no "<", so each try ends
# at the next "<" or the next quote's end
_NOT_BLANK = r"(?:[ \t\r\f]|\n(?![ \t]*\n))"
_QUOTED_TAG = re.compile(
    r"<[A-Za-z][^\s/>\x00<\"']*+(?:" + _NOT_BLANK + r"++[^\s\"'<>/=]++(?:" + _NOT_BLANK + r"*+=" + _NOT_BLANK
    + r"""*+(?:"(?:[^"\n]|\n(?![ \t]*\n))*+"|'(?:[^'\n]|\n(?![ \t]*\n))*+'|[^\s"'=<>`]++))?+|/)*+"""
    + _NOT_BLANK + r"*+/?>")
IN_VALUE = "\u2039"  # what a "<" inside an attribute's quoted value is read as: text, no tag (‹)


def in_values_masked(text: str) -> str:
    """`text` with each "<" inside a quoted attribute value of a start tag made IN_VALUE, every
    offset kept: `<img alt="a <script> b">` is an image with that alt text, and the site publishes it
    so (the sanitizer keeps or drops the attribute whole); the <script> in it is left out of nothing."""
    if "<" not in text or ('"' not in text and "'" not in text):
        return text
    return _QUOTED_TAG.sub(lambda m: m.group() if "<" not in m.group()[1:] else "<" + m.group()[1:].replace("<", IN_VALUE),
                           text)


# what Markdown passes on of a body's "<" as HTML (Python-Markdown reads a block at a time): a start or
# end tag whose ">" comes before a blank line and before another "<", or a comment with a "-->" after
# it; any other "<" it writes as text (one pass: each try ends at the next "<")
_MARKDOWN_HTML = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?=[\s/>])(?:[^<>\n]|\n(?![ \t]*\n))*>|!--)")


def markdown_html(text: str) -> str:
    """A Markdown body (its code blanked) as the HTML of its page reads for the parser: its tags and
    comments as written, every other "<" as text (`&lt;`): for `cleaned_whole`'s verdict (places are
    not kept)."""
    if "<" not in text:
        return text
    parts, at = [], 0
    last_close = text.rfind("-->")
    for m in _MARKDOWN_HTML.finditer(text):
        if m.group() == "<!--" and last_close < m.end():  # (no end after it: text)
            continue
        parts += [text[at:m.start()].replace("<", "&lt;"), m.group()]
        at = m.end()
    return "".join(parts) + text[at:].replace("<", "&lt;")


def shown_as_written(text: str) -> list[tuple[int, str]]:
    """(start, lower-cased name) of each start tag of OPEN_ENDED a Markdown body (its code blanked)
    makes, and (start, "!--") of each comment (with a "-->" after it): what the site shows as written
    when it cleans the body OPEN_ENDED_SHOWN."""
    if "<" not in text:
        return []
    out = [(m.start(), m.group(1).lower()) for m in _OPEN_ENDED_MARKDOWN_TAG.finditer(text)]
    if "<!--" in text:
        last_close = text.rfind("-->")
        out += [(m.start(), "!--") for m in re.finditer("<!--", text) if m.end() <= last_close]
    return sorted(out)
