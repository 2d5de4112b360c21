"""The second wall: a Content-Security-Policy in every page, and files every web server can read.

A post-build step over the site folder, so it works after any generator, over file:// and
behind any web server (no header configuration needed). Every HTML file gets, right after its
`<meta charset>`, a

    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'sha256-…' …">

that lets the browser load scripts, styles, images, fonts and data only from the site itself.
The theme's inline scripts are allowed by hash, never with 'unsafe-inline': only a script
whose text is one of the theme's own inline scripts (its templates, with the template
expressions standing for a URL) is hashed; anything else that ended up inline is left out of
the policy, so the browser refuses to run it, and the audit reports it. Style attributes the
pages carry (casekit's timeline bars) are allowed by hash too (`style-src-attr 'unsafe-hashes'`).

`make_world_readable` gives every file mode 0644 and every folder 0755: the web server's user
must be able to read the search index (written 0600 by some versions) and everything else.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casekit.core.page_rules import executable as _executable
from casekit.core.page_rules import inline_scripts, theme_script_bodies
from casekit.core.workers import default_jobs, run_all
from casekit.site.tree import set_modes, walk

POLICY = (
    "default-src 'none'",
    "script-src 'self' {scripts}",
    "style-src 'self'",
    "style-src-attr {style_attrs}",
    "img-src 'self' data:",  # data: only for the theme's icons drawn in CSS (never another host)
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "frame-src 'none'",
)
META_NAME = "Content-Security-Policy"
# Case-sensitive on purpose: an inline script or style attribute spelled otherwise than generators
# write them (<SCRIPT>, STYLE=) gets no hash, so the browser refuses it (and the audit reports it).
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script[\s/>]", re.S)  # (read by inline_scripts)
# a style attribute is `style=` after white space; found from its name (the pattern starts with it,
# so the regex engine skips to each "style" instead of trying every space of the page)
_STYLE_ATTR = re.compile(r"""style\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SPACE = re.compile(r"\s")
_EXPR = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_OLD_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass
class TrustedScripts:
    """The theme's own inline scripts, from its template files: literal text, where a template
    expression (`{{ base_url }}`) may stand for a relative URL and nothing else."""

    patterns: list[re.Pattern[str]] = field(default_factory=list)

    @classmethod
    def from_theme(cls, theme_dirs: Iterable[Path]) -> TrustedScripts:
        patterns = []
        for body in sorted(theme_script_bodies(theme_dirs)):
            parts = _EXPR.split(body)
            # a template expression in a theme script is a relative URL inside a JS string literal:
            # never one with a scheme or a host (Material's redirect script would otherwise send a
            # reader anywhere a setting wrote it to)
            patterns.append(re.compile(r"(?!/[/\\])[^\"'\\<>\s`:]*".join(re.escape(p) for p in parts), re.S))
        return cls(patterns)

    def matches(self, script: str) -> bool:
        return any(p.fullmatch(script) for p in self.patterns)


def policy_for(page: str, trusted: TrustedScripts) -> str:
    """The CSP text for one page: hashes of its trusted inline scripts and of its style attributes."""
    scripts = sorted({sha256_source(body) for attrs, body in inline_scripts(page)
                      if _executable(attrs) and trusted.matches(body)})
    styles = sorted({sha256_source(html.unescape(value)) for value in style_attributes(page)})
    style_attrs = "'unsafe-hashes' " + " ".join(styles) if styles else "'none'"
    return "; ".join(POLICY).format(scripts=" ".join(scripts), style_attrs=style_attrs).replace("'self' ;", "'self';")


def style_attributes(page: str) -> list[str]:
    """The values of the style attributes of `page` (`\\sstyle\\s*=\\s*"…"` or '…', left to right,
    not overlapping), as they stand in the page."""
    out = []
    at = 1
    while (m := _STYLE_ATTR.search(page, at)) is not None:
        if _SPACE.match(page, m.start() - 1):
            a, b = m.group(1, 2)
            out.append(a if a is not None else b)
            at = m.end() + 1
        else:
            at = m.start() + 1
    return out


def add_csp(page: str, trusted: TrustedScripts) -> str:
    """`page` with its policy as the first meta element after <meta charset> (or first in <head>)."""
    if META_NAME in page:
        page = _OLD_CSP.sub("", page)
    meta = f'<meta http-equiv="{META_NAME}" content="{policy_for(page, trusted)}">\n'
    m = _CHARSET.search(page, 0, 4096) or _HEAD.search(page, 0, 4096)
    if m is None:
        return meta + page
    return page[: m.end()] + "\n" + meta + page[m.end():]


@dataclass
class Stats:
    pages: int = 0
    files: int = 0


def secure_site(site_dir: Path, trusted: TrustedScripts, skip: set[str] | None = None) -> Stats:
    """Write the CSP into every HTML file under `site_dir` (but those in `skip`, site paths: the
    page pass of casekit.site.finish wrote theirs) and make everything world-readable."""
    stats = Stats()
    site_dir = Path(site_dir)
    pages = [path for rel, path, kind in walk(site_dir)
             if kind == "file" and rel.endswith(".html") and (not skip or rel not in skip)]
    stats.pages = sum(run_all(_secure_page, pages, (trusted,), default_jobs(), chunk=64))  # on every core
    stats.files = make_world_readable(site_dir)
    return stats


def _secure_page(file: str, trusted: TrustedScripts) -> int:
    path = Path(file)
    page = path.read_text(encoding="utf-8", errors="surrogateescape")
    path.write_text(add_csp(page, trusted), encoding="utf-8", errors="surrogateescape")
    return 1


def make_world_readable(site_dir: Path) -> int:
    """Mode 0644 for every file and 0755 for every folder under `site_dir` (links left alone)."""
    return set_modes(site_dir, 0o644, 0o755)
