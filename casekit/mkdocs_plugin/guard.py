"""Privacy on each page while MkDocs renders it; the generator-independent parts live in casekit.site.

- `escape_meta`: every string of a page's front matter HTML-escaped before any template sees it
  (Material prints `page.meta.title`, `subtitle`, `description` … without escaping).
- `missing_theme_file`: a page's `template:` or `icon:` naming nothing the theme has (the build
  would stop with Jinja's traceback; the plugin stops it with a message instead).
- `secure_page`: a rendered page people wrote (the casebook's docs/ pages) sanitized
  (`casekit.site.sanitize.sanitize_html`), given names masked, and the title and table of
  contents turned into escaped plain text (the theme prints them raw, and its `<title>` unescapes
  with `striptags`). Record and resource bodies are sanitized when casekit makes its pages
  (`casekit.site.body`).

What the built site finally holds is judged by `casekit.site.audit` after the build.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, TemplateNotFound
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import AnchorLink

from casekit.site.sanitize import plain_text, sanitize_html

if TYPE_CHECKING:
    from casekit.core.sensitive import SensitiveIndex


def escape_meta(value: Any, _done: dict[int, Any] | None = None) -> Any:
    """Front matter with every string (keys and values, at any depth) HTML-escaped.

    A list or mapping YAML shares (an alias, `*a`: MkDocs and the `meta` plugin load them as one
    object) is escaped once and shared again, and one that holds itself (`&a [*a]`) stays a loop:
    the work is linear in what was written, never in what the aliases expand to (nine levels of
    nine aliases are 387 million strings; `casekit check` refuses aliases in docs/ pages)."""
    if isinstance(value, str):
        return escape(value)
    if not isinstance(value, dict | list | tuple):
        return value
    done = {} if _done is None else _done
    kept = done.get(id(value))
    if kept is not None:
        return kept
    if isinstance(value, dict):
        mapping: dict[Any, Any] = {}
        done[id(value)] = mapping  # (before its items: a mapping that holds itself)
        for k, v in value.items():
            mapping[escape_meta(k, done)] = escape_meta(v, done)
        return mapping
    items: list[Any] = []
    done[id(value)] = items
    for v in value:
        items.append(escape_meta(v, done))
    return items


def missing_theme_file(meta: Mapping[str, Any], env: Environment) -> tuple[str, str] | None:
    """The front-matter key and value of a page that name a theme file the theme lacks: `template:`
    (MkDocs renders the page with it) or `icon:` (Material includes `.icons/<icon>.svg` in the
    menu). Either stops the whole build with Jinja's traceback (TemplateNotFound)."""
    if env.loader is None:
        return None
    for key, name in (("template", "{}"), ("icon", ".icons/{}.svg")):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            return key, str(value)
        try:
            env.loader.get_source(env, name.format(value))
        except TemplateNotFound:
            return key, value
    return None


def safe_text(markup: str, index: SensitiveIndex | None) -> str:
    """A title for the theme to print raw: plain text, given names masked, escaped."""
    text = plain_text(markup)
    if index is not None:
        text = index.mask(text, markdown=False)
    return escape(text)


def secure_page(page: MkPage, html: str, index: SensitiveIndex | None) -> str:
    """A page people wrote (docs/), as it may be published: sanitized, given names masked, title
    and table of contents plain escaped text."""
    html = sanitize_html(html)
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
