"""Reading published files as a browser and a search engine do: the text a reader sees (tags
stripped, entities decoded, inline markup not breaking words, NFKC, no zero-width characters),
attribute values, JSON strings, XML and gzip; URLs as a browser resolves them (white space,
tabs and newlines, backslashes, scheme-relative and `https:host` forms); CSS with its escapes
decoded. Used by `casekit.site.audit`, and by `casekit check` for a theme's templates
(casekit.core.page_rules); no MkDocs, no I/O beyond the bytes handed in.
"""

from __future__ import annotations

import gzip
import html
import io
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import unquote

from casekit.core.reader import DIGIT_TABLE, IDNA_LABEL, IGNORABLE_RE, OTHER_DIGIT_RE, idna_decoded

MAX_GUNZIP = 64 * 2**20

# (a pattern that starts with its "%": the engine then skips from one "%" to the next)
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*")
_ASCII_WS = dict.fromkeys(map(ord, "\t\n\r\f"), None)


def alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, factored by their common beginnings
    (`s(?:amp|mall|pan)?` for s, samp, small, span): the regex engine tries each alternative
    in turn, so one that starts each tag name's letters once tries a few where a flat list of
    thirty tries every one at each "<" of a page. The same strings as `"|".join(words)` (none empty)."""
    first: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        if word:
            first.setdefault(word[0], []).append(word[1:])
    parts = []
    for ch, rests in first.items():
        longer = [r for r in rests if r]
        if len(rests) == 1:
            parts.append(re.escape(ch + rests[0]))
        else:
            parts.append(re.escape(ch) + "(?:" + alternation(longer) + ")" + ("?" if "" in rests else ""))
    return "|".join(parts)


INLINE_TAGS = ("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
               "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
               "wbr", "ck-noindex")
# inline elements do not break a word for a reader: 탁<b>해온</b> reads 탁해온
_INLINE = re.compile(r"</?(?:" + alternation(INLINE_TAGS) + r")(?=[\s/>])[^>]*>")
ANY_TAG = re.compile(r"<[^>]*>")
_DQ_VALUE = re.compile(r'=\s*"([^"]*)"')
_SQ_VALUE = re.compile(r"=\s*'([^']*)'")
# an unquoted value (`title=010-0000-1001`: the browser shows it as a tooltip): after a name's
# last character and "=", up to HTML white space or ">"
_UQ_VALUE = re.compile(r"""=(?<=[^\s"'<>/=]=)[\t\n\f\r ]*([^\t\n\f\r "'<>=`][^\t\n\f\r >]*)""")
# an XML CDATA section: in a sitemap, and in a page's <svg> or <math>, its text is shown as text
_CDATA = re.compile(r"<!\[cdata\[(.*?)(?:\]\]>|\Z)", re.S | re.I)
# what the URL standard takes off both ends of a URL (C0 controls and space) before resolving it
_URL_STRIP = "".join(map(chr, range(0x21)))
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# CSS: escapes, url(), @import and strings inside image-set()
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.S)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_URL = re.compile(r"""(?:url|src)\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')|"""
                      r"""(?:image-set|-webkit-image-set|cross-fade|element)\((.*?)\)""", re.I | re.S)
# where a match of _CSS_URL may begin
_CSS_URL_START = re.compile(r"(?:url|src|image-set|-webkit-image-set|cross-fade|element)\(|@import\s", re.I)
_CSS_STRING = re.compile(r"""["']([^"']*)["']""")


def normalize_text(text: str) -> str:
    """What a reader or a search engine compares: NFKC, other scripts' digits as ASCII's (٠١٠ reads
    010: NFKC keeps them), without the characters drawn as nothing (Default_Ignorable_Code_Point:
    zero-width, variation selectors, fillers, tags …)."""
    if "…" in text:  # (NFKC's "...": every page shows one, and the rest of a page is most often NFKC already)
        text = text.replace("…", "...")
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if OTHER_DIGIT_RE.search(text):
        text = text.translate(DIGIT_TABLE)
    return IGNORABLE_RE.sub("", text) if IGNORABLE_RE.search(text) else text


def with_percent_decoded(urls: str) -> str:
    """`urls` followed by the same text with %-escapes and punycode host labels (`xn--…`) decoded
    (when it has any), as a browser shows an address: a name in a URL."""
    decoded = _PERCENT.sub(lambda m: unquote(m.group(0)), urls) if "%" in urls else urls
    if IDNA_LABEL.search(decoded):  # (as `casekit check` reads them: `reader.idna_decoded`)
        decoded = idna_decoded(decoded)
    return urls if decoded == urls else urls + "\n" + decoded


def sub_closed(pattern: re.Pattern[str], repl: str, text: str, close: str = ">", opener: str = "<") -> str:
    """`pattern.sub(repl, text)` for a pattern whose every match ends in `close` (a tag's ">"),
    in time linear in the text: the text after the last `close` is left as it stands, unsearched,
    when an `opener` stands there (from each, the pattern would scan to the end of the text and
    fail: a page of "<a" repeated would take time growing with the square of its size). Before
    the last `close`, every attempt finds one and ends there."""
    last = text.rfind(close)
    end = last + len(close) if last >= 0 else 0
    if text.find(opener, end) < 0:
        return pattern.sub(repl, text)
    return pattern.sub(repl, text[:end]) + text[end:]


def without_cdata(markup: str) -> str:
    """`markup` with each CDATA section replaced by its text (on lines of its own)."""
    return _CDATA.sub(lambda m: "\n" + m.group(1) + "\n", markup) if "<![" in markup else markup


def xml_text(text: str) -> str:
    return html.unescape(sub_closed(ANY_TAG, "\n", without_cdata(text.lower())))


def gunzip(data: bytes, limit: int = MAX_GUNZIP) -> bytes:
    """`data` unpacked, at most `limit` bytes of it. Raises OSError (not gzip), EOFError (cut short) or zlib.error (damaged)."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
        return gz.read(limit)


def json_strings(value: object, out: list[str]) -> None:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            out.extend(k for k in v if isinstance(k, str))
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)


def attribute_values(markup: str, single: bool | None = None) -> str:
    """Every attribute value of `markup` (quoted or not), entities decoded, one a line. `single`:
    whether values in single quotes are read (None: when the markup holds one)."""
    values = "\n".join(_DQ_VALUE.findall(markup))
    if single or (single is None and ("='" in markup or "= '" in markup)):
        values += "\n" + "\n".join(_SQ_VALUE.findall(markup))
    values += "\n" + "\n".join(_UQ_VALUE.findall(markup))
    return html.unescape(values)


def html_text(markup: str) -> str:
    """Text of HTML as shown: block tags break words, inline tags do not, entities decoded."""
    return html.unescape(sub_closed(ANY_TAG, "\n", sub_closed(_INLINE, "", without_cdata(markup))))


def clean_url(url: str) -> str:
    """The URL as a browser resolves it: outer C0 controls and spaces (U+0000-U+0020, the URL
    standard's) and inner tabs/newlines gone, \\ as /: `\x01//host/x.png` loads from the host."""
    return url.strip(_URL_STRIP).translate(_ASCII_WS).replace("\\", "/")


def is_script_url(url: str) -> bool:
    m = SCHEME.match(clean_url(url))
    return m is not None and m.group(1).lower() in ("javascript", "vbscript")


def is_outside(url: str) -> bool:
    """True when loading `url` from a page of this site could reach another host."""
    url = clean_url(url)
    if url.startswith("//"):
        return True
    m = SCHEME.match(url)
    if m is None:
        return False
    return m.group(1).lower() not in ("data", "blob", "about")


def host_of(url: str) -> str:
    url = clean_url(url)
    m = re.match(r"^(?:[a-zA-Z][a-zA-Z0-9+.\-]*:)?/*([^/?#]*)", url)
    return m.group(1)[:80] if m else ""


def css_unescape(css: str) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1):
            code = int(m.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return m.group(2) if m.group(2) != "\n" else ""

    if "\\" not in css and "/*" not in css:
        return css
    return _CSS_ESCAPE.sub(one, sub_closed(_CSS_COMMENT, "", css, "*/", "/*"))


def _css_references(css: str) -> list[re.Match[str]]:
    """`_CSS_URL.finditer(css)`, in time linear in the text: a "url(" with no ")" after it is not
    tried (the pattern would scan from each to the end of the text and fail)."""
    last = css.rfind(")")
    if css.find("(", last + 1) < 0:  # every "(" has a ")" after it: every "url(" ends there
        return list(_CSS_URL.finditer(css))
    out = []
    at = 0
    while (start := _CSS_URL_START.search(css, at)) is not None:
        m = None
        if start.start() < last or start.group().startswith("@"):  # (@import ends in a quote)
            m = _CSS_URL.match(css, start.start())
        if m is None:
            at = start.start() + 1
        else:
            out.append(m)
            at = m.end()
    return out


def css_outside_hosts(css: str) -> list[str]:
    """The hosts that `css` (escapes decoded) would load from: url(), @import, image-set() strings."""
    css = css_unescape(css)
    hosts = []
    for m in _css_references(css):
        if m.group(6) is not None:
            urls = _CSS_STRING.findall(m.group(6)) + re.findall(r"url\(\s*['\"]?([^'\")]*)", m.group(6), re.I)
        else:
            urls = [next((g for g in m.groups()[:5] if g is not None), "")]
        hosts += [host_of(url) for url in urls if is_outside(url)]
    return hosts
