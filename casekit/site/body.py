"""A record's or resource's Markdown body, made into the HTML a page shows: headings shifted under
the record's heading, rendered by casekit, then cleaned of anything that must not be published.

This is THE place record HTML is sanitized (`clean`): every body goes through `body_html`, so the
generator (MkDocs, ProperDocs, Zensical) only ever sees finished, cleaned HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import markdown

from casekit.mkdocs_plugin.guard import strip_external_loads
from casekit.site.html import Markup

# What a record body may use: plain Markdown, tables, notes. No attr_list (no attributes from records).
EXTENSIONS = ("tables", "sane_lists", "admonition", "fenced_code")


@dataclass
class Cleaning:
    """What cleaning removed, per source file: reported as warnings by the build."""

    removed: list[tuple[str, str]] = field(default_factory=list)  # (source file, what)


def clean(html: str, rel: str, log: Cleaning) -> str:
    """Record HTML without anything a browser would fetch from another host, and without scripts.
    (sec-site's allowlist sanitizer, casekit.site.sanitize, takes this place when it lands.)"""
    html, blocked = strip_external_loads(html)
    log.removed += [(rel, what) for what in blocked]
    return html


class BodyRenderer:
    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")
        self.cleaning = Cleaning()

    def html(self, body: str, rel: str, by: int, drop_title: str | None = None) -> Markup | None:
        """The body as cleaned HTML, headings `by` levels down; None when there is nothing to show."""
        text = demote(body, by, drop_title)
        if not text.strip():
            return None
        self.md.reset()
        return Markup(clean(self.md.convert(text), rel, self.cleaning))


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_NOT_PARAGRAPH = re.compile(r"^\s*$|^ {4}|^\s*(?:[#>|]|[-*+]\s|\d+[.)]\s)")


def demote(body: str, by: int, drop_title: str | None = None) -> str:
    """Shift a record body's headings down `by` levels (it sits under the record's heading)."""
    out: list[str] = []
    fence: str | None = None
    dropped = drop_title is None
    for line in body.replace("\r\n", "\n").split("\n"):
        if fence is not None:
            out.append(line)
            if line.strip().startswith(fence):
                fence = None
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)[0] * 3
            out.append(line)
            continue
        m = _ATX.match(line)
        if m:
            if not dropped and drop_title is not None and line.strip("# \t") == drop_title.strip():
                dropped = True
                continue
            dropped = True
            level = min(6, len(m.group(2)) + by)
            out.append(m.group(1) + "#" * level + line[m.end():])
            continue
        m = _SETEXT.match(line)
        if m and out and not _NOT_PARAGRAPH.match(out[-1]):
            level = min(6, (1 if m.group(1)[0] == "=" else 2) + by)
            out[-1] = "#" * level + " " + out[-1].strip()
            continue
        if line.strip():
            dropped = True
        out.append(line)
    return "\n".join(out).strip("\n")
