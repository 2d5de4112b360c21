"""What in a page's start tag makes a browser load from another host or run something: the rules
the build's last audit (casekit.site.audit) judges every published tag by, and that `casekit
check` applies to a casebook's own theme templates (`theme.custom_dir`: `overrides/main.html`)
before any page is built. A template's `<meta http-equiv="refresh">`, `<base href>` or
`<style>@import url(https://…)</style>` lands in the head of every page: the audit then refuses
the site once a page, hundreds of times; check names it once, at its line and column in the
template (`theme-template-refused`). So does an inline `<script>` of a template that is not the
theme's own (a copy of one of Material's, Jinja and all): the audit trusts no other.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from casekit.core.allowlist import ATTRIBUTE_PATTERN as _ATTR
from casekit.core.reading import css_outside_hosts, host_of, is_outside, is_script_url

# attributes whose value the browser loads (in a plain <a>/<area>, href is a click, not a load)
LOAD_ATTRIBUTES = frozenset({
    "src", "srcset", "imagesrcset", "data", "poster", "background", "lowsrc", "dynsrc", "codebase",
    "archive", "classid", "manifest", "ping", "longdesc", "xlink:href", "action", "formaction",
})
CLICK_TAGS = frozenset({"a", "area"})
ACTIVE_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base",
                         "fencedframe"})
# SVG animation sets another attribute of its parent to its values (an <a>'s href to javascript:)
SVG_ANIMATION = frozenset({"set", "animate", "animatemotion", "animatetransform", "animatecolor"})
_REFRESH = re.compile(r"url\s*=", re.I)
# what shows a text in another order or form than it is written, which the audit (reading what is
# written) cannot vouch for: `<bdo dir="rtl">수영박</bdo>` is seen 박영수; a picture written into the
# page (`<img src="data:image/svg+xml;base64,…">`: an SVG's <text>, any raster's pixels) is read by
# no text check. The theme writes `dir="ltr"` (on <body>) and no data: address in a page; the
# sanitizer keeps neither in what people write.
REORDERING_TAGS = frozenset({"bdo"})
_STYLE_REORDERS = re.compile(r"(?<![\w-])(?:direction|unicode-bidi|writing-mode|order)\s*:|(?:row|column|wrap)-reverse")
_DATA_URL = re.compile(r"\s*data:", re.I)
# one lower-cased start tag: its name, its attributes (unrolled: quoted values may hold ">"), each part
# read once (possessive): its name is the longest that leaves the rest attributes closed by ">" (a name
# holding a quote, `<a"x y">`, is tried shorter by _start_tag; a name let go back one character at a
# time had `<a` and 10,000 letters with no ">" take 2.3 s, 100,000 letters 4 minutes)
_TAG = re.compile(r"""<([a-z][^\s/>\x00]*+)([^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+)>""")
_NAME = re.compile(r"<[a-z][^\s/>\x00]*+")
_SPECIAL = re.compile(r"""[>"']""")


def _start_tag(tag: str) -> tuple[str, str] | None:
    """(name, attributes) of a lower-cased start tag as `<([a-z][^\\s/>\\x00]*)([^>"']*(?:(?:"[^"]*"|'[^']*')
    [^>"']*)*)>` matches it, in time linear in the tag. Tried with the longest name first (_TAG);
    when that fails, a shorter name can only help when it ends before a quote the name holds
    (`<a"x y">`: the name `a`, its attribute `"x y"`): where reading from each quote of the tag
    ends is found once, from the last quote to the first."""
    m = _TAG.match(tag)
    if m is not None:
        return m.group(1), m.group(2)
    name = _NAME.match(tag)
    if name is None or ('"' not in name.group() and "'" not in name.group()):
        return None
    ends: dict[int, int] = {}  # a quote opening a value, read outside any value -> the ">" it leads to (-1: none)
    quotes = [i for i, c in enumerate(tag) if c in "\"'"]
    for at in reversed(quotes):
        closed = tag.find(tag[at], at + 1)
        nxt = _SPECIAL.search(tag, closed + 1) if closed >= 0 else None
        ends[at] = -1 if nxt is None else nxt.start() if tag[nxt.start()] == ">" else ends.get(nxt.start(), -1)
    for at in reversed(quotes):
        if 2 <= at < name.end() and ends[at] >= 0:
            return tag[1:at], tag[at:ends[at]]
    return None


def tag_problems(tag: str) -> list[tuple[str, str]]:
    """(code, what) for everything wrong with one lower-cased start tag."""
    found = _start_tag(tag)
    if found is None:
        return []
    name, attrs = found
    out = tag_name_problems(name)
    for a in _ATTR.finditer(attrs):
        value = a.group(2) if a.group(2) is not None else a.group(3) if a.group(3) is not None else a.group(4)
        if value is not None:
            problem = attribute_problem(name, a.group(1), html.unescape(value) if "&" in value else value, attrs)
            if problem is not None:
                out.append(problem)
    return out


def tag_name_problems(name: str) -> list[tuple[str, str]]:
    """(code, what) for a lower-cased element name the site may not hold whatever its attributes."""
    if name in ACTIVE_TAGS:
        return [("site-active-content", f"<{name}>")]
    if name in REORDERING_TAGS:
        return [("site-unreadable-text", f"<{name}>")]
    return []


def attribute_problem(tag: str, key: str, value: str, attrs: str) -> tuple[str, str] | None:
    """(code, what) for one attribute (lower-cased `key` and `value`) of a start tag `<tag attrs>`
    that loads from another host or runs a script; None for any other."""
    if key.startswith("on"):
        return "site-active-content", f"<{tag} {key}>"
    if key == "style":
        hosts = css_outside_hosts(value)
        if hosts:
            return "site-outside-load", f"<{tag} style> {hosts[0]}"
        turned = _STYLE_REORDERS.search(value)
        return ("site-unreadable-text", f"<{tag} style={turned.group().strip(' ;:')}>") if turned else None
    if key == "dir" and value.strip() not in ("ltr", "") and "{" not in value:  # (a template's `{{ direction }}`:
        # the page it renders is judged)
        return "site-unreadable-text", f"<{tag} dir={value.strip()[:10]}>"
    if key == "srcdoc":
        return "site-active-content", f"<{tag} srcdoc>"
    if key in ("href", "src", "action", "formaction", "data", "xlink:href") and is_script_url(value):
        return "site-active-content", f"<{tag} {key}=javascript:>"
    if tag in SVG_ANIMATION and key in ("to", "from", "by", "values"):  # <set attributeName="href" to=…>
        for url in value.split(";"):
            if is_script_url(url):
                return "site-active-content", f"<{tag} {key}=javascript:>"
            if is_outside(url):
                return "site-outside-load", f"<{tag} {key}> {host_of(url)}"
    if tag == "meta" and key == "content" and _REFRESH.search(value) and "refresh" in attrs.lower():
        url = _REFRESH.split(value, 1)[1].strip().strip("'\"")
        return "site-active-content", f"<meta refresh> {host_of(url) or url[:40]}"
    if key in LOAD_ATTRIBUTES or (key == "href" and tag not in CLICK_TAGS):
        if any(_DATA_URL.match(url) for url in _candidates(key, value) if url):
            return "site-unreadable-text", f"<{tag} {key}=data:>"
        for url in _candidates(key, value):
            if is_outside(url):
                return "site-outside-load", f"<{tag} {key}> {host_of(url)}"
    return None


def _candidates(key: str, value: str) -> list[str]:
    if key in ("srcset", "imagesrcset"):
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    if key in ("ping", "archive"):
        return value.split()
    return [value]


# -- a theme's template, read before the build --------------------------------------------------
# a Jinja comment ({# … #}: nothing of it is rendered) and a start tag whose quoted values may hold
# ">" but no "<" (each try ends at the next "<": a template of "<a" repeated is read in one pass)
_START_TAG = re.compile(r"""<[a-z][^<>"']*(?:(?:"[^"<]*"|'[^'<]*')[^<>"']*)*>""")
MAX_TEMPLATE_FINDINGS = 20  # a template: the first ones, in the order they are written
_NOT_NEWLINE = re.compile(r"[^\n]")
_STYLE_START = re.compile(r"<style[\s/>]")
# a page's inline scripts as a browser runs them (casekit.site.csp hashes those it trusts)
_SCRIPT_START = re.compile(r"<script\b")
_SCRIPT_END = re.compile(r"</script[\s/>]")
_NOT_EXECUTED = frozenset({"application/json", "application/ld+json", "text/template", "text/x-template"})


def executable(attrs: str) -> bool:
    """Whether a `<script attrs>` runs what it holds (no src, no data type)."""
    m = re.search(r"""\btype\s*=\s*["']?([^"'\s>]+)""", attrs, re.I)
    if m and m.group(1).lower() in _NOT_EXECUTED:
        return False
    return not re.search(r"\bsrc\s*=", attrs, re.I)


def inline_scripts(page: str) -> list[tuple[str, str]]:
    """(attributes, text) of each script of `page`, as `<script\\b([^>]*)>(.*?)</script[\\s/>]`
    reads them, in time linear in the page: once a "<script" has no ">" or no end tag after it, no
    later one has (the pattern would scan from each to the end of the page and fail)."""
    return [(page[name_end:opened], page[opened + 1:closed]) for _, name_end, opened, closed in _scripts(page)]


def _scripts(page: str) -> Iterator[tuple[int, int, int, int]]:
    """(where `<script` starts, where its name ends, its '>', its end tag) of each script of `page`."""
    at = 0
    while (m := _SCRIPT_START.search(page, at)) is not None:
        opened = page.find(">", m.end())
        end = _SCRIPT_END.search(page, opened + 1) if opened >= 0 else None
        if end is None:
            break
        yield m.start(), m.end(), opened, end.start()
        at = end.end()


def theme_script_bodies(theme_dirs: Iterable[Path]) -> frozenset[str]:
    """The text of each inline script the templates of a theme's folders run (none with Jinja's
    `{% %}`): the only inline scripts a site may trust, as written in the templates."""
    seen: set[str] = set()
    for folder in theme_dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.html")):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for attrs, body in inline_scripts(text):
                if executable(attrs) and body.strip() and "{%" not in body:
                    seen.add(body)
    return frozenset(seen)


def template_problems(text: str, trusted: frozenset[str] = frozenset()) -> list[tuple[int, int, str, str]]:
    """(line, column, code, what) of each start tag of a theme's template (Jinja's `{# #}` comments
    and HTML comments passed over) the build's audit would refuse on every page it is in (the
    rules above), of each `<style>` element whose CSS loads from another host (`@import`,
    `url()`), and of each inline `<script>` whose text is none of `trusted` (the theme's own,
    `theme_script_bodies`), at its start tag: one a tag, the first problem of each; at most
    MAX_TEMPLATE_FINDINGS."""
    if "<" not in text:
        return []
    low = _blanked(_blanked(text.lower(), "{#", "#}"), "<!--", "-->")
    out: list[tuple[int, str, str]] = []
    for m in _START_TAG.finditer(low):
        problems = tag_problems(m.group())
        if problems:
            out.append((m.start(), *problems[0]))
    written = text if len(low) == len(text) else low  # (lower() kept every offset: the script as written)
    for start, name_end, opened, closed in _scripts(low):
        body = written[opened + 1:closed]
        if executable(low[name_end:opened]) and body.strip() and body not in trusted:
            out.append((start, "site-active-content", "inline <script>"))
    at = 0
    while (style := _STYLE_START.search(low, at)) is not None:  # (one pass: each read to its end tag once)
        opened = low.find(">", style.start())
        end = low.find("</style", opened) if opened >= 0 else -1
        end = len(low) if end < 0 else end
        hosts = css_outside_hosts(low[opened + 1:end]) if opened >= 0 else []
        if hosts:
            out.append((style.start(), "site-outside-load", f"<style> CSS {hosts[0]}"))
        at = max(end, style.end())
    newlines = [i for i, c in enumerate(low) if c == "\n"] if out else []
    placed = []
    for start, code, what in sorted(out)[:MAX_TEMPLATE_FINDINGS]:
        line = bisect.bisect_left(newlines, start)
        placed.append((line + 1, start - (newlines[line - 1] + 1 if line else 0) + 1, code, what))
    return placed


def _blanked(text: str, opener: str, closer: str) -> str:
    """`text` with each comment from `opener` to `closer` (or to its end) made spaces, its lines
    kept (one pass: a text of openers with no closer is no trap)."""
    if opener not in text:
        return text
    parts, at = [], 0
    while (start := text.find(opener, at)) >= 0:
        end = text.find(closer, start + len(opener))
        end = len(text) if end < 0 else end + len(closer)
        parts += [text[at:start], _NOT_NEWLINE.sub(" ", text[start:end])]
        at = end
    return "".join(parts) + text[at:]
