"""Privacy guards applied to every page's content before it is templated and indexed for search.

- `Guard` knows every x-sensitive value of the casebook (client names, phone numbers, resource
  contact persons …) and finds any of them in a rendered page. The core's check already refuses
  them anywhere in published text; this is the second lock on the same door.
- `strip_external_loads` removes anything that would make a reader's browser fetch from another
  host (images, frames, stylesheets written into a record body) and every script in page content
  (a script could fetch anything); the theme's own local scripts are not page content.
"""

from __future__ import annotations

import re
from html import escape

from casekit.core.sensitive import SensitiveIndex


class Guard:
    """Defence in depth on the rendered page: the core's SensitiveIndex, fed each value as written
    and HTML-escaped. `casekit check` already refuses these values in published text, so a hit
    here means a page shows something the core never saw as text (a title, a generated label)."""

    def __init__(self, needles: list[tuple[str, str, str]]):
        variants = []
        for value, src, field in needles:
            for variant in {value, escape(value, quote=False), escape(value)}:
                variants.append((variant, src, field))
        self.index = SensitiveIndex(variants)

    def find(self, text: str) -> list[tuple[str, str]]:
        """(source file, field) of every sensitive value found in `text`."""
        hits: set[tuple[str, str]] = set()
        for _, sources in self.index.finditer(text):
            hits |= sources
        return sorted(hits)


_SCRIPT = re.compile(r"<script\b([^>]*)>.*?</script\s*>", re.I | re.S)
_LOAD_TAG = re.compile(
    r"<(img|script|iframe|frame|embed|object|source|audio|video|track|link|input|image|use)\b[^>]*>", re.I
)
_EXTERNAL = re.compile(r"""\b(?:src|href|srcset|data|poster|xlink:href)\s*=\s*["']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^"'\s>]*)""",
                       re.I)
_CSS_URL = re.compile(r"""url\(\s*["']?\s*((?:[a-z][a-z0-9+.-]*:)?//[^)"']*)["']?\s*\)""", re.I)
_STYLED = re.compile(r"""<style\b[^>]*>.*?</style>|\bstyle\s*=\s*(?:"[^"]*"|'[^']*')""", re.I | re.S)
_IMPORT = re.compile(r"""@import\s+["']((?:[a-z][a-z0-9+.-]*:)?//[^"']*)["']""", re.I)


def strip_external_loads(html: str) -> tuple[str, list[str]]:
    """The page without anything fetched from another host, and what was removed."""
    blocked: list[str] = []

    def tag(m: re.Match[str]) -> str:
        ext = _EXTERNAL.search(m.group(0))
        if ext is None:
            return m.group(0)
        blocked.append(ext.group(1))
        return '<span class="ck-blocked" title="외부 자료는 싣지 않습니다">[외부 자료 생략]</span>'

    def css(m: re.Match[str]) -> str:
        blocked.append(m.group(1))
        return "none" if m.group(0).startswith("url") else ""

    def styled(m: re.Match[str]) -> str:
        return _IMPORT.sub(css, _CSS_URL.sub(css, m.group(0)))

    def script(m: re.Match[str]) -> str:
        ext = _EXTERNAL.search(m.group(1))
        blocked.append(ext.group(1) if ext else "<script>")
        return '<span class="ck-blocked" title="스크립트는 싣지 않습니다">[스크립트 생략]</span>'

    html = _SCRIPT.sub(script, html)
    html = _LOAD_TAG.sub(tag, html)
    if "//" in html:
        html = _STYLED.sub(styled, html)
    return html, blocked
