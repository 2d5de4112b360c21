"""Privacy on each page while MkDocs renders it; the generator-independent parts live in casekit.site.

- `escape_meta`: every string of a page's front matter HTML-escaped before any template sees it
  (Material prints `page.meta.title`, `subtitle`, `description` … without escaping).
- `secure_page`: the rendered page with the HTML people wrote (record bodies, resources, docs
  pages) sanitized (`casekit.site.sanitize.sanitize_html`), casekit's own blocks put in place
  unchanged, given names masked, and the title and table of contents turned into escaped plain
  text (the theme prints them raw, and its `<title>` unescapes with `striptags`).

What the built site finally holds is judged by `casekit.site.audit` after the build.
"""

from __future__ import annotations

from html import escape
from typing import Any

from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import AnchorLink

from casekit.core.sensitive import SensitiveIndex
from casekit.mkdocs_plugin.pages import fill_blocks
from casekit.site.sanitize import plain_text, sanitize_html


def escape_meta(value: Any) -> Any:
    """Front matter with every string (keys and values, at any depth) HTML-escaped."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {escape_meta(k): escape_meta(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [escape_meta(v) for v in value]
    return value


def safe_text(markup: str, index: SensitiveIndex | None) -> str:
    """A title for the theme to print raw: plain text, given names masked, escaped."""
    text = plain_text(markup)
    if index is not None:
        text = index.mask(text, markdown=False)
    return escape(text)


def secure_page(page: MkPage, html: str, blocks: tuple[str, ...], index: SensitiveIndex | None) -> str:
    html = fill_blocks(html, blocks, sanitize_html)
    if index is not None:
        html = index.mask(html)
    if page.title:
        page.title = safe_text(str(page.title), index)
    _plain_toc(page.toc, index)
    return html


def _plain_toc(items: Any, index: SensitiveIndex | None) -> None:
    stack: list[AnchorLink] = list(items or [])
    while stack:
        item = stack.pop()
        item.title = safe_text(item.title, index)
        stack.extend(item.children)
