"""Tiny HTML building blocks. Text is always escaped; only `Markup` passes through as markup."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

__all__ = ["Markup", "el", "escape", "join", "md_escape", "relative_url"]

Child = Any  # str | Markup | int | None | Iterable[Child]


def _flatten(children: Iterable[Child], out: list[str]) -> None:
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, Markup):
            out.append(str(child))
        elif isinstance(child, str):
            out.append(str(escape(child)))
        elif isinstance(child, int | float):
            out.append(str(child))
        else:
            _flatten(child, out)


_BLOCK = frozenset(
    ["address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"]
)


def el(tag: str, attrs: dict[str, Any] | None = None, *children: Child) -> Markup:
    """`<tag attrs>children</tag>`; attributes with None/False values are left out."""
    parts = [f"<{tag}"]
    for key, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(f" {key}")
        else:
            parts.append(f' {key}="{escape(str(value))}"')
    parts.append(">")
    if tag in ("br", "hr", "img", "meta", "wbr"):
        return Markup("".join(parts))
    _flatten(children, parts)
    # a newline after block elements keeps neighbouring cells' words apart in the search index
    parts.append(f"</{tag}>\n" if tag in _BLOCK else f"</{tag}>")
    return Markup("".join(parts))


def join(children: Iterable[Child], sep: Child = "") -> Markup:
    out: list[str] = []
    first = True
    for child in children:
        if not first:
            _flatten([sep], out)
        _flatten([child], out)
        first = False
    return Markup("".join(out))


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#!<>&])")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def md_escape(text: str) -> str:
    """Text for a Markdown heading or inline run, shown literally (no markup, no attributes)."""
    text = " ".join(text.split())
    return _MD_SPECIAL.sub(lambda m: _ENTITIES.get(m.group(1)) or "\\" + m.group(1), text)


def relative_url(target: str, page: str) -> str:
    """Link from the page at directory URL `page` ('' or 'cases/x/') to `target` ('' or 'a/b/')."""
    start = page.rstrip("/") or "."
    dest = target.rstrip("/") or "."
    rel = posixpath.relpath(dest, start)
    if rel == ".":
        return "./"
    return rel + "/" if target.endswith("/") or target == "" else rel
