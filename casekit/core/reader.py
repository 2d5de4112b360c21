"""Markdown/HTML source as a reader of the site sees it, with a map back to the source.

Shared by the sensitive-value index and the PII guard, so both judge the same text: tags and
comments dropped (kept aside in `ReaderText.markup`: attributes and comments are published in
the page source), entities and backslash escapes decoded, `*`, `~~` and `` ` `` markup and
zero-width characters dropped, look-alikes folded (full-width forms, Unicode dashes and the
Hangul `ㅡ` used as one, odd spaces), all without losing where each character came from.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from urllib.parse import unquote

_FOLD: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # full-width forms
_FOLD.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\u3161\u1173"})
_FOLD.update({ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})
# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters a browser draws
# as nothing, so 박\u034f영\u034f수 reads 박영수. Zero-width spaces and joiners, the soft hyphen,
# direction marks and overrides, variation selectors, Hangul fillers, tag characters …
IGNORABLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# the body of a character class of them (for `[...]`)
IGNORABLE = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in IGNORABLE_RANGES)
IGNORABLE_RE = re.compile(f"[{IGNORABLE}]")
_ZERO_WIDTH = IGNORABLE
_SEP_CHARS = r"\s\-./()·ㆍ•‧・∙⋅*_~`\\" + _ZERO_WIDTH
SEP_CHARS = _SEP_CHARS  # what the sensitive index ignores between the characters of a value


_FOLDABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")


def fold(text: str) -> str:
    """`text` with full-width forms, dashes (and `ㅡ`) and odd spaces mapped to ASCII; same length."""
    return text if text.isascii() or not _FOLDABLE.search(text) else text.translate(_FOLD)


_UNIT = re.compile(
    r"<!--.*?(?:-->|\Z)|<[A-Za-z/!?][^<>]{0,1000}>"
    r"|&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\\[!-/:-@\[-`{-~]|\*+|~~+|`+|[" + _ZERO_WIDTH + "]+"
    r"|(?:%[0-9A-Fa-f]{2}){2,}",  # percent-encoded bytes in a link: the browser's address bar shows them decoded
    re.DOTALL,
)


@dataclass
class ReaderText:
    """Text as a reader sees it, with a map back to the source it came from."""

    text: str
    source: str
    _r: list[int]  # reader offset where each segment starts
    _s: list[int]  # source offset where each segment starts
    _linear: list[bool]  # a segment copied as is (else one replaced unit)
    _s_end: list[int]
    markup: list[tuple[int, str]] = dc_field(default_factory=list)  # (source offset, tag or comment): not text, yet published

    def source_offset(self, offset: int) -> int:
        """The source offset of reader offset `offset`."""
        if not self._r:
            return offset
        i = max(bisect.bisect_right(self._r, offset) - 1, 0)
        return self._s[i] + (offset - self._r[i]) if self._linear[i] else self._s[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) of the reader text `[start, end)`."""
        if not self._r:
            return start, end
        last = max(end - 1, start)
        i = max(bisect.bisect_right(self._r, last) - 1, 0)
        stop = self._s[i] + (last - self._r[i]) + 1 if self._linear[i] else self._s_end[i]
        return self.source_offset(start), stop


# what a unit (`_UNIT`) starts with: a tag or comment, an entity, a backslash escape, emphasis or
# code markup, zero-width characters, percent-encoded bytes
_UNIT_FIRST = re.compile("[<&\\\\*~`%" + _ZERO_WIDTH + "]")


def reader_text(source: str) -> ReaderText:
    """Markdown/HTML source as a reader sees it: tags and comments dropped, entities and
    backslash escapes decoded, emphasis and code markup and zero-width characters dropped,
    look-alikes folded (`fold`). Offsets map back with `source_offset`/`source_span`."""
    folded = fold(source)
    # most record bodies hold no markup: looking for the few characters a unit starts with takes
    # a tenth of the time _UNIT takes to find none (its pattern is tried at every character)
    if _UNIT_FIRST.search(folded) is None:
        return ReaderText(folded, source, [], [], [], [])
    return _reader_text(folded, source)


def _reader_text(folded: str, source: str) -> ReaderText:
    if not _UNIT.search(folded):
        return ReaderText(folded, source, [], [], [], [])
    out: list[str] = []
    r_starts: list[int] = []
    s_starts: list[int] = []
    linear: list[bool] = []
    s_ends: list[int] = []
    markup: list[tuple[int, str]] = []
    pos = r = 0

    def segment(text: str, s: int, e: int, is_linear: bool) -> None:
        nonlocal r
        if not text:
            return
        out.append(text)
        r_starts.append(r)
        s_starts.append(s)
        linear.append(is_linear)
        s_ends.append(e)
        r += len(text)

    for m in _UNIT.finditer(folded):
        segment(folded[pos : m.start()], pos, m.start(), True)
        unit = m.group(0)
        if unit.startswith("<"):
            markup.append((m.start(), unit))
        elif unit.startswith("&"):
            segment(fold(html.unescape(unit)), m.start(), m.end(), False)
        elif unit.startswith("%"):
            segment(fold(unquote(unit, errors="replace")), m.start(), m.end(), False)
        elif unit.startswith("\\"):
            segment(unit[1], m.start(), m.end(), False)
        pos = m.end()
    segment(folded[pos:], pos, len(folded), True)
    return ReaderText("".join(out), source, r_starts, s_starts, linear, s_ends, markup)
