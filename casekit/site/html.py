"""Tiny HTML building blocks. Text is always escaped; only `Markup` passes through as markup."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from html import unescape
from typing import Any

from markupsafe import Markup, escape

from casekit.core.links import numbered

__all__ = ["A_TAG", "Markup", "as_url", "cards_box", "el", "end_tag", "escape", "escape_text", "headings_named",
           "hrefs_placed", "join", "md_escape", "place_url", "placed_url", "relative_url", "start_tag", "table_box",
           "table_label", "trusted"]

Child = Any  # str | Markup | int | None | Iterable[Child]


def escape_text(value: str) -> str:
    """`value` escaped for HTML text and attribute values: what markupsafe.escape gives for a
    plain string (a test compares them), without making a Markup object of every piece."""
    if not ("&" in value or "<" in value or ">" in value or "'" in value or '"' in value):
        return value
    return value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;").replace('"', "&#34;")


def trusted(html: str) -> Markup:
    """`html`, markup made here from escaped text and tags, as Markup (Markup's own __new__
    would look for __html__ on it: it is a str we just made)."""
    return str.__new__(Markup, html)


def _flatten(children: Iterable[Child], out: list[str]) -> None:
    for child in children:
        kind = type(child)
        if kind is Markup:
            out.append(child)
        elif kind is str:
            out.append(escape_text(child))
        elif child is None or child is False:
            continue
        elif isinstance(child, Markup) or hasattr(child, "__html__"):
            out.append(str(escape(child)))
        elif isinstance(child, str):
            out.append(escape_text(str(child)))
        elif isinstance(child, (int, float)):
            out.append(str(child))
        else:
            _flatten(child, out)


_BLOCK = frozenset(
    ["address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"]
)


def el(tag: str, attrs: dict[str, Any] | None = None, *children: Child) -> Markup:
    """`<tag attrs>children</tag>`; attributes with None/False values are left out."""
    # (~1,000 elements a case page: start_tag and _flatten's common cases written out here)
    if attrs:
        parts = [f"<{tag}"]
        for key, value in attrs.items():
            if value is None or value is False:
                continue
            if value is True:
                parts.append(f" {key}")
            else:
                parts.append(f' {key}="{escape_text(value) if type(value) is str else _attr(value)}"')
        parts.append(">")
    else:
        parts = [f"<{tag}>"]
    if tag in _VOID:
        return _new(Markup, "".join(parts))
    for child in children:
        kind = type(child)
        if kind is Markup:
            parts.append(child)
        elif kind is str:
            parts.append(escape_text(child))
        elif child is not None:
            _flatten((child,), parts)
    parts.append(_END.get(tag) or f"</{tag}>")
    return _new(Markup, "".join(parts))


_new = str.__new__


def start_tag(tag: str, attrs: dict[str, Any] | None = None) -> str:
    """The opening tag `el` writes: for markup made in a loop with the same attributes each
    time (a table's cells), made once."""
    return str(el(tag, attrs)).removesuffix(end_tag(tag))


def end_tag(tag: str) -> str:
    """The closing tag `el` writes."""
    # a newline after block elements keeps neighbouring cells' words apart in the search index
    return _END.get(tag) or f"</{tag}>"


_VOID = frozenset(["br", "hr", "img", "meta", "wbr"])
_END = {tag: f"</{tag}>\n" for tag in _BLOCK}


def _attr(value: Any) -> str:
    if type(value) is str:
        return escape_text(value)
    return str(escape(str(value)))  # (str() first: a Markup value is escaped as text too)


def join(children: Iterable[Child], sep: Child = "") -> Markup:
    """`children` flattened as el flattens them, `sep` between each two (a None child counts)."""
    seps: list[str] = []
    _flatten((sep,), seps)
    between = "".join(seps)
    out: list[str] = []
    first = True
    for child in children:
        if not first:
            out.append(between)
        first = False
        kind = type(child)
        if kind is Markup:
            out.append(child)
        elif kind is str:
            out.append(escape_text(child))
        elif child is not None:
            _flatten((child,), out)
    return _new(Markup, "".join(out))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!<>&])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def md_escape(text: str) -> str:
    """Text for a Markdown heading or inline run, shown literally (no markup, no attributes)."""
    text = " ".join(text.split())
    return _MD_SPECIAL.sub(lambda m: _ENTITIES.get(m.group(1)) or "\\" + m.group(1), text)


@functools.lru_cache(maxsize=1 << 16)
def relative_url(target: str, page: str) -> str:
    """Link from the page at directory URL `page` ('' or 'cases/x/') to `target` ('' or 'a/b/')."""
    start = page.rstrip("/") or "."
    dest = target.rstrip("/") or "."
    rel = _relpath(dest, start)
    if rel == ".":
        return "./"
    return rel + "/" if target.endswith("/") or target == "" else rel


def as_url(path: str) -> str:
    """A site path as a URL: the characters a browser reads otherwise escaped (`a#b.png` is not `a`)."""
    return path.replace("%", "%25").replace("#", "%23").replace("?", "%3F").replace(" ", "%20")


# a link as the sanitizer writes it (every attribute's value in double quotes)
A_TAG = re.compile(r'<a\b(?:[^<>"]|"[^"]*")*>')
_A_HREF = re.compile(r'\shref="([^"]*)"')


def hrefs_placed(html: str, page: str, place: Callable[[str], str | None], left: str) -> str:
    """`html` (sanitized) with each link whose address (unescaped) `place` finds a site location
    for (`cases/2026-0001/#r01`) written from the page at the site folder `page` to it; one it says
    `left` of (it leaves the casebook) keeps its text, not its address. Any other link is left as
    written."""

    def placed(address: str) -> str | None:
        found = place(address)
        return address if found is None else None if found == left else placed_url(found, page)

    return values_changed(html, A_TAG, _A_HREF, placed)


def values_changed(html: str, tags: re.Pattern[str], attr: re.Pattern[str], change: Callable[[str], str | None]) -> str:
    """`html` (sanitized) with the value of the attribute `attr` finds (its value the match's group
    1) in each tag `tags` finds given `change(value)` (unescaped; written back escaped), or taken
    out where it gives None; a value it gives back unchanged leaves the tag as it is."""

    def changed(m: re.Match[str]) -> str:
        tag = m.group()
        found = attr.search(tag)
        if found is None:
            return tag
        value = unescape(found.group(1))
        new = change(value)
        if new == value:
            return tag
        if new is None:
            return tag[:found.start()] + tag[found.end():]
        return tag[:found.start(1)] + escape_text(new) + tag[found.end(1):]

    return tags.sub(changed, html)


# a heading as the sanitizer writes it (every tag closed; attribute values in double quotes)
_HEADING = re.compile(r'<h([1-6])((?:\s(?:[^<>"]|"[^"<]*")*)?)>((?:(?!</h[1-6]>)[^<]|<(?!/h[1-6]>))*)</h\1>')
_ID_ATTR = re.compile(r'\sid="([^"]*)"')
_START_TAG = re.compile(r'<[a-zA-Z][a-zA-Z0-9]*(?:[^<>"]|"[^"]*")*>')  # (as the sanitizer writes one)
_ANY_TAG = re.compile(r"<[^>]*>")


def headings_named(html: str, prefix: str, words: Callable[[str], str]) -> str:
    """`html` (sanitized) with an id on each heading that has none: `prefix` and the words of its
    text (`words`: casekit.core.links.anchor_words, or "" for text no id is to be made of), `-1`,
    `-2` … after one taken already, as an editor's preview numbers them; a heading without words
    keeps none. An id the writer gave an element (`<div id="x">`) is made `prefix` and its words
    alike (dropped when it has none), so that no element of a body takes an id of the page's
    (`r03`, `timeline`, another record's heading) and a link to it (`#x`, placed `#r02-x`) finds it."""
    used: set[str] = set()  # (the words alone: every id of the body has the prefix)
    taken: dict[str, int] = {}

    def id_of(text: str) -> str | None:
        found = words(text)
        if not found:
            return None
        name = numbered(found, used, taken)
        used.add(name)
        return prefix + name

    def named(m: re.Match[str]) -> str:
        level, attrs, inner = m.groups()
        name = None if _ID_ATTR.search(attrs) else id_of(unescape(_ANY_TAG.sub("", inner)))
        return m.group() if name is None else f'<h{level}{attrs} id="{escape_text(name)}">{inner}</h{level}>'

    if ' id="' in html:
        html = values_changed(html, _START_TAG, _ID_ATTR, id_of)
    return _HEADING.sub(named, html) if "<h" in html else html


def place_url(places: dict[str, str], page: str, left: str, address: str) -> str | None:
    """The URL, from the page at the site folder `page`, of where the link `address` leads
    (`places`: address -> site location, casekit.core.links.docs_link_places); None when it leads
    nowhere known, or out of the casebook (`left`)."""
    found = places.get(address)
    return None if found is None or found == left else placed_url(found, page)


def placed_url(found: str, page: str) -> str:
    """The URL, from the page at the site folder `page`, of a site location (`cases/2026-0001/#r01`)."""
    location, _, fragment = found.partition("#")
    return as_url(relative_url(location, page)) + (f"#{fragment}" if fragment else "")


def _relpath(dest: str, start: str) -> str:
    """posixpath.relpath for two paths under one root, without asking for the working directory
    (the site's pages link to each other ~60 times a page)."""
    if dest.startswith("/") or start.startswith("/") or ".." in dest.split("/") or ".." in start.split("/"):
        return posixpath.relpath(dest, start)
    a = [p for p in start.split("/") if p and p != "."]
    b = [p for p in dest.split("/") if p and p != "."]
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    parts = [".."] * (len(a) - common) + b[common:]
    return "/".join(parts) if parts else "."


# -- tables on any screen ----------------------------------------------------
_THEAD = re.compile(r"<thead\b.*?</thead>", re.S)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_TR = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S)
_TD = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]+>")


def table_label(heads: Sequence[str]) -> str:
    return "표: " + ", ".join(heads[:3]) + (" …" if len(heads) > 3 else "")


def table_box(table: Markup, label: str) -> Markup:
    """A table in a box of its own: a named region that scrolls sideways when the table is wider
    than the screen (focusable, so a keyboard can scroll it), never the page. A table with a header
    row also carries each column's name on its cells (`data-label`), so a narrow screen shows every
    row as a card of "name: value" lines (casekit.css) and no column is ever off screen."""
    html = str(table)
    head = _THEAD.search(html)
    cls = "ck-table-wrap"
    if head is not None and html.count("<table") == 1:
        names = [" ".join(unescape(_TAG.sub("", h)).split()) for h in _TH.findall(head.group(0))]

        def cells(m: re.Match[str]) -> str:
            it = iter(names)
            return m.group(1) + _TD.sub(lambda _: f'<td data-label="{escape(next(it, ""))}"', m.group(2)) + m.group(3)

        html = html[:head.end()] + _TR.sub(cells, html[head.end():])
        cls += " ck-cards-wrap"
    return el("div", {"class": cls, "role": "region", "tabindex": "0", "aria-label": label}, Markup(html))


def cards_box(table: Markup, label: str) -> Markup:
    """`table_box` of a table (one, with a header row) whose cells carry their `data-label` already."""
    return el("div", {"class": "ck-table-wrap ck-cards-wrap", "role": "region", "tabindex": "0", "aria-label": label}, table)
