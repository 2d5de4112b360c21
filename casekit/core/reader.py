"""Markdown/HTML source as a reader of the site sees it, with a map back to the source.

Shared by the sensitive-value index and the PII guard, so both judge the same text: tags and
comments dropped (kept aside in `ReaderText.markup`: attributes and comments are published in
the page source), entities and backslash escapes decoded, `*` (one to three: emphasis; a longer
run, a masked number's `******`, is shown as written), `~~` and `` ` `` markup and
zero-width characters dropped, look-alikes folded (full-width forms, Unicode dashes and the
Hangul `ㅡ` used as one, odd spaces), all without losing where each character came from.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata
from dataclasses import dataclass
from dataclasses import field as dc_field
from urllib.parse import unquote

from casekit.core.bidi import RTL_RE, displayed

_FOLD: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # full-width forms
_FOLD.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\u3161\u1173"})
# what is drawn as a dash without being one: box-drawing lines (─ ━, the 한글 word processor's
# symbol table), the katakana long vowel ー (and its half-width ｰ), the CJK numeral 一, the hyphen
# bullet, the modifier and heavy minus, the two- and three-em dashes, the horizontal line extension.
# 010─0000─1001 read 010-0000-1001 on the page and was published: none of them was a separator.
_FOLD.update({ord(c): "-" for c in "\u2500\u2501\u2574\u2576\u2578\u257a\u30fc\uff70\u4e00\u2043\u02d7"
                                      "\u2796\u2e3a\u2e3b\u23af"})
_FOLD.update({ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"})
# Digits a browser shows as a digit that are not ASCII's: every script's decimal digits (٠١٢ Arabic-
# Indic, ०१२ Devanagari …) and what NFKC makes one digit of (superscripts ¹²³, subscripts, circled
# ①, mathematical 𝟎𝟏): (first, last code point, the first's value). 010-0000-1001 written ⁰¹⁰-… or
# ٠١٠-… is that number (tests/test_pii_separators.py recomputes this from unicodedata).
DIGIT_RANGES: tuple[tuple[int, int, int], ...] = (
    (0x00B2, 0x00B3, 2), (0x00B9, 0x00B9, 1), (0x0660, 0x0669, 0), (0x06F0, 0x06F9, 0), (0x07C0, 0x07C9, 0),
    (0x0966, 0x096F, 0), (0x09E6, 0x09EF, 0), (0x0A66, 0x0A6F, 0), (0x0AE6, 0x0AEF, 0), (0x0B66, 0x0B6F, 0),
    (0x0BE6, 0x0BEF, 0), (0x0C66, 0x0C6F, 0), (0x0CE6, 0x0CEF, 0), (0x0D66, 0x0D6F, 0), (0x0DE6, 0x0DEF, 0),
    (0x0E50, 0x0E59, 0), (0x0ED0, 0x0ED9, 0), (0x0F20, 0x0F29, 0), (0x1040, 0x1049, 0), (0x1090, 0x1099, 0),
    (0x17E0, 0x17E9, 0), (0x1810, 0x1819, 0), (0x1946, 0x194F, 0), (0x19D0, 0x19D9, 0), (0x1A80, 0x1A89, 0),
    (0x1A90, 0x1A99, 0), (0x1B50, 0x1B59, 0), (0x1BB0, 0x1BB9, 0), (0x1C40, 0x1C49, 0), (0x1C50, 0x1C59, 0),
    (0x2070, 0x2070, 0), (0x2074, 0x2079, 4), (0x2080, 0x2089, 0), (0x2460, 0x2468, 1), (0x24EA, 0x24EA, 0),
    (0xA620, 0xA629, 0), (0xA8D0, 0xA8D9, 0), (0xA900, 0xA909, 0), (0xA9D0, 0xA9D9, 0), (0xA9F0, 0xA9F9, 0),
    (0xAA50, 0xAA59, 0), (0xABF0, 0xABF9, 0), (0x104A0, 0x104A9, 0), (0x10D30, 0x10D39, 0),
    (0x11066, 0x1106F, 0), (0x110F0, 0x110F9, 0), (0x11136, 0x1113F, 0), (0x111D0, 0x111D9, 0),
    (0x112F0, 0x112F9, 0), (0x11450, 0x11459, 0), (0x114D0, 0x114D9, 0), (0x11650, 0x11659, 0),
    (0x116C0, 0x116C9, 0), (0x11730, 0x11739, 0), (0x118E0, 0x118E9, 0), (0x11950, 0x11959, 0),
    (0x11C50, 0x11C59, 0), (0x11D50, 0x11D59, 0), (0x11DA0, 0x11DA9, 0), (0x16A60, 0x16A69, 0),
    (0x16AC0, 0x16AC9, 0), (0x16B50, 0x16B59, 0), (0x1D7CE, 0x1D7D7, 0), (0x1D7D8, 0x1D7E1, 0),
    (0x1D7E2, 0x1D7EB, 0), (0x1D7EC, 0x1D7F5, 0), (0x1D7F6, 0x1D7FF, 0), (0x1E140, 0x1E149, 0),
    (0x1E2F0, 0x1E2F9, 0), (0x1E950, 0x1E959, 0), (0x1FBF0, 0x1FBF9, 0),
)
_FOLD.update({cp: str(first + cp - a) for a, b, first in DIGIT_RANGES for cp in range(a, b + 1)})
# the Hanja of an address's units, read as the Hangul a Korean address writes: 103棟 1502號 is 103동
# 1502호 (棟 동, 號 and its simplified 号 호, 層 and 层 층, 番地 번지), each one character for one as
# all of `fold`. Only the sensitive index and the PII guard read a text folded: a text is shown,
# searched and kept as written.
_FOLD.update({ord(h): k for h, k in zip("棟號号層层番地", "동호호층층번지", strict=True)})
# the characters of these blocks a reader reads as a number: what NFKC makes a number of (⑩ 10, ⑴ (1),
# ⒈ 1., ㉑ 21, ㋆ 7月, ㏴ 21日, 🄁 0,, ½ 1⁄2), and the enclosed digits and numbers it leaves as they are (❶ 1,
# ➉ 10, ⓫ 11, ⓵ 1, ㉈ 10)
_NUMBER_BLOCKS = ((0x00BC, 0x00BE), (0x2150, 0x218F), (0x2460, 0x24FF), (0x2776, 0x2793), (0x3248, 0x32FF),
                  (0x3358, 0x3370), (0x33E0, 0x33FE), (0x1F100, 0x1F10C))
_ENCLOSED = ((0x2460, 0x24FF), (0x2776, 0x2793), (0x3248, 0x324F), (0x1F100, 0x1F10C))  # (drawn round a number)


def _number_forms() -> dict[int, str]:
    """Each character of `_NUMBER_BLOCKS` NFKC makes a text holding a digit and no Latin letter of (⑩
    10, ⒈ 1., not ㎡ m2) -> that text folded; each enclosed one it leaves, with a whole number for its
    value -> the number (❶ 1, ➉ 10). Not those `fold` reads as one digit already (① 1). (A few
    hundred characters read at import: a fraction of a millisecond.)"""
    forms: dict[int, str] = {}
    for first, last in _NUMBER_BLOCKS:
        for cp in range(first, last + 1):
            c = chr(cp)
            if cp in _FOLD:
                continue
            read = unicodedata.normalize("NFKC", c)
            if read != c:
                read = read.translate(_FOLD)
                if any("0" <= ch <= "9" for ch in read) and not any(ch.isascii() and ch.isalpha() for ch in read):
                    forms[cp] = read
            elif any(a <= cp <= b for a, b in _ENCLOSED):
                value = unicodedata.numeric(c, None)
                if value is not None and value == int(value):
                    forms[cp] = str(int(value))
    return forms


# characters a reader reads as a number that `fold` does not make the digits of (`compat_reading` reads
# them, as the site's audit does; the PII guard counts them as digits)
NUMBER_FORMS = _number_forms()
# those NFKC leaves as they are (❶ ➉ ⓫ ㉈ 🄋): the audit reads them as their number (`DIGIT_TABLE`), and
# `fold` as their digit (❶ 1) or as the circled number NFKC reads as the same (❿ ⑩, ⓫ ⑪, ㉊ ㉚), which
# `compat_reading` reads as its digits; the three with none (㉍ 60, ㉎ 70, ㉏ 80) `compat_reading` reads itself
_KEPT_BY_NFKC = {cp: read for cp, read in NUMBER_FORMS.items() if unicodedata.normalize("NFKC", chr(cp)) == chr(cp)}
_CIRCLED = {read: cp for cp, read in sorted(NUMBER_FORMS.items(), reverse=True)
            if unicodedata.normalize("NFKC", chr(cp)) == read}
_FOLD.update({cp: read if len(read) == 1 else chr(_CIRCLED[read]) for cp, read in _KEPT_BY_NFKC.items()
              if len(read) == 1 or read in _CIRCLED})
_NUMBERS_KEPT = {chr(cp): read for cp, read in _KEPT_BY_NFKC.items() if cp not in _FOLD}
FOLD_TABLE = _FOLD  # what `fold` maps (the PII guard's view of a text maps the same)
DIGIT_TABLE: dict[int, str] = {cp: str(first + cp - a) for a, b, first in DIGIT_RANGES for cp in range(a, b + 1)}
DIGIT_TABLE.update(_KEPT_BY_NFKC)  # (what NFKC, as the audit reads a page first, leaves: ❶ 1, ❿ 10)
# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters a browser draws
# as nothing, so 박\u034f영\u034f수 reads 박영수. Zero-width spaces and joiners, the soft hyphen,
# direction marks and overrides, variation selectors, Hangul fillers, tag characters …
IGNORABLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
    # and the combining marks that decorate any letter or digit (accents, overlays, enclosing circles
    # and keycaps): what NFC (records are read NFC) leaves of them sits on a base with no composed
    # form, 0́ 1⃝ 0̶, and a reader reads the base. Scripts whose vowels are marks
    # (Thai, Devanagari …) keep theirs: their blocks are not here.
    (0x0300, 0x036F), (0x0483, 0x0489), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
)
# the body of a character class of them (for `[...]`)
IGNORABLE = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in IGNORABLE_RANGES)
IGNORABLE_RE = re.compile(f"[{IGNORABLE}]")
_ZERO_WIDTH = IGNORABLE
# (`:` and `,`: 010:0000:1001 and 010,0000,1001 read as the number they group; `#`, quotes and
# brackets: 나래동 #101-1, 나래동 '101-1', 『101-1』 read as the address they wrap; every dot drawn at
# mid-height or low between two parts: · ㆍ • ‧ ・ ∙ ⋅, the one-dot leader ․, ⸱, the Greek ano teleia,
# half-width ･, the ideographic full stops 。 and ｡; the modifier letters ʼ ʻ an apostrophe is written
# with, as McCune–Reischauer marks an aspirate: Chʼoe Chʼŏl-su)
# `※` and pictographs (emoji, dingbats, arrows; not the shapes ○ ◯ □ ⬤ 🔴 nor ☆ ★, which mask a name, 한○종):
# 영🙂희 and 영※희 read as the given name they split (`!` and `?` join a given name's syllables alone: `sensitive`)
_MARKS = "※\u2190-\u21ff\u2600-\u2604\u2607-\u27bf\U0001f300-\U0001f533\U0001f536-\U0001f5ff\U0001f600-\U0001f64f\U0001f900-\U0001f9ff"
_SEP_CHARS = r"\s\-./()·ㆍ•‧・∙⋅․⸱·･。｡*_~`\\:,#'\"‘’ʼʻ“”『』「」《》〈〉\[\]" + _MARKS + _ZERO_WIDTH
SEP_CHARS = _SEP_CHARS  # what the sensitive index ignores between the characters of a value


def _char_class(codes: list[int]) -> str:
    """The body of a character class (`[...]`) of these code points, as ranges."""
    runs: list[list[int]] = []
    for c in sorted(codes):
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in runs)


# what `fold` looks for first: the characters of the Basic Multilingual Plane it maps (a class of
# them there is a bitmap, one test a character), then any character beyond it (a class holding
# those is a list of ranges tried one by one at every character: 25 times slower on a record)
# a digit DIGIT_TABLE maps: of the Basic Multilingual Plane (a bitmap), or any character beyond it
OTHER_DIGIT_RE = re.compile("[" + _char_class([c for c in DIGIT_TABLE if c <= 0xFFFF]) + "]|[\U00010000-\U0010FFFF]")
_FOLDABLE = re.compile("[" + _char_class([c for c in _FOLD if c <= 0xFFFF]) + "]|[\U00010000-\U0010FFFF]")


def fold(text: str) -> str:
    """`text` with full-width forms, dashes (and `ㅡ`), odd spaces and other scripts' digits (and
    superscript, circled …) mapped to ASCII; same length."""
    return text if text.isascii() or not _FOLDABLE.search(text) else text.translate(_FOLD)


@functools.lru_cache(maxsize=1 << 12)
def _compat(ch: str) -> str | None:
    """What NFKC makes of the character `ch` (not ASCII), folded, where that is not `ch` and a reader
    of a folded text does not read it otherwise: not a character drawn as nothing (dropped), nor a
    Hangul letter (`compose_jamo` reads those; ㆍ is a middle dot)."""
    if ch in _NUMBERS_KEPT:
        return _NUMBERS_KEPT[ch]
    if IGNORABLE_RE.match(ch) or "\u3131" <= ch <= "\u318e":
        return None
    read = unicodedata.normalize("NFKC", ch)
    return None if read == ch else IGNORABLE_RE.sub("", fold(read))  # (¨ is a space and a mark drawn on it)


class Offsets:
    """Where each character of a reading of a text (`compat_reading`) is in the text, and one past
    its end: a character read as several is at each of them (`at[k]`, found by bisection: a list of
    every offset cost more than reading the text)."""

    __slots__ = ("_ends", "_sources", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []  # where the reading of each character read otherwise starts
        self._ends: list[int] = []  # and ends
        self._sources: list[int] = []  # the character's offset in the text

    def add(self, start: int, end: int, source: int) -> None:
        self._starts.append(start)
        self._ends.append(end)
        self._sources.append(source)

    def __getitem__(self, k: int) -> int:
        i = bisect.bisect_right(self._starts, k) - 1
        if i < 0:
            return k
        return self._sources[i] if k < self._ends[i] else self._sources[i] + 1 + k - self._ends[i]


def compat_reading(text: str) -> tuple[str, Offsets | None]:
    """`text` (folded) as the site's audit reads it where it differs (`reading.normalize_text`: NFKC):
    a number of one character as its digits (`0⒑0000.1001` -> `010.0000.1001`, ⑩ 10, ❿ 10), and every
    other character NFKC makes something else of (﹒ ., … ..., ʰ h, ¨ a space, ⼆ 二). Returns the
    reading and where its characters are in `text` (`Offsets`), or None when it is `text` (most
    texts: NFKC's quick check, a nanosecond a character, says so)."""
    if text.isascii() or (unicodedata.is_normalized("NFKC", text) and not any(ch in text for ch in _NUMBERS_KEPT)):
        return text, None
    out: list[str] = []
    at = Offsets()
    pos = length = 0  # (length: of the reading so far)
    for m in _NOT_HANGUL_NOR_ASCII.finditer(text):
        read = _compat(m.group())
        if read is None:
            continue
        i = m.start()
        out += (text[pos:i], read)
        length += i - pos
        at.add(length, length + len(read), i)
        length += len(read)
        pos = i + 1
    if not out:
        return text, None
    out.append(text[pos:])
    return "".join(out), at


_NOT_HANGUL_NOR_ASCII = re.compile("[^\x00-\x7f\uac00-\ud7a3]")  # (where a Korean text's few others are)


# characters drawn as a digit, typed for one inside a number to hide it (O1O-1234-5678, o10-l234-5678,
# ㅇ1ㅇ-ㅇㅇㅇㅇ-1ㅇㅇ1, 0|0-0000-|00|, б9О721-…): after Unicode's confusables (UTS #39, confusables.txt),
# each character whose prototype is a digit, or the letter O or l that 0's and 1's prototype is (a
# Greek or Cyrillic O, Ι І Ӏ, the bars | ǀ ׀ ∣, Ƨ 2, З 3, Ƽ 5, б 6, Ȣ 8 …), and the Hangul letters a
# Korean keyboard types for 0 and 1 (ㅇ, ㅣ). Not the digits of other scripts (`fold` reads them as
# their value), nor what NFKC makes one of (ℓ Ⅰ ｌ: `compat_reading` does), nor the circles that mask a
# number (○: 010-○○○○-1001 is masked) or are a CJK numeral (〇: `sensitive` reads 六九〇七二一).
DIGIT_LOOKALIKES = {
    "0": "OoΟοσОоՕօᴏᴑⲞⲟჿⵔዐꓳꬽㅇᄋ",
    "1": "IlƖΙІӀӏǀ׀|∣⏽￨│Ⲓᛁⵏꓲㅣᅵ",
    "2": "ƧϨꙄᒿꛯꝚ",
    "3": "ƷȜЗӠⳌꝪꞫ",
    "4": "Ꮞ",
    "5": "Ƽ",
    "6": "бᏮⳒ",
    "8": "Ȣȣ",
    "9": "ꝮⳊ",
}
_LOOKALIKES = "".join(DIGIT_LOOKALIKES.values())
_AS_DIGITS = str.maketrans({ch: digit for digit, chars in DIGIT_LOOKALIKES.items() for ch in chars})
_LIKE_BODY = re.escape(_LOOKALIKES)  # (the body of a character class)
_LIKE = f"[{_LIKE_BODY}]"
# a group of such characters alone (OOOO, lOOl of 010-OOOO-lOOl) is read when it is letters: not the
# bars (a table's |), nor the Hangul letters unless the text types them for digits beside a digit
# (ㅇ1ㅇ-ㅇㅇㅇㅇ-1ㅇㅇ1: 010-ㅇㅇㅇㅇ-1234 is how a Korean writer masks a number, as with ○ or *)
_HANGUL_LIKE = "ㅇᄋㅣᅵ"
_GROUP_LIKE = "[" + re.escape("".join(ch for ch in _LOOKALIKES if ch not in _HANGUL_LIKE and
                                      not unicodedata.category(ch).startswith(("P", "S")))) + "]"
_GROUP_OR_HANGUL_LIKE = _GROUP_LIKE[:-1] + _HANGUL_LIKE + "]"
_CONFUSABLE = re.compile(_LIKE)  # (looked for first: a fifth of the time of `_LOOKS_LIKE_DIGIT`)
_LOOKS_LIKE_DIGIT = re.compile(f"{_LIKE}(?=[0-9])|(?<=[0-9]){_LIKE}|(?<=[0-9][-./_ ]){_LIKE}{{2}}")
# read as the digits in a word of digits and such characters that holds a digit, with no Latin, Greek
# or Cyrillic letter beside it (No1, CO2, Call010 are words; Hangul may touch it: 전화O1O-…)
_DIGIT_WORD = re.compile(rf"(?<![0-9A-Za-zΑ-Ωα-ωА-Яа-я])[0-9{_LIKE_BODY}]*[0-9][0-9{_LIKE_BODY}]*(?![A-Za-zΑ-Ωα-ωА-Яа-я])")
# and a group of two such letters or more alone after a group of digits, one mark or space between them,
# that ends the number or is followed by another group (OOOO and lOOl of 010-OOOO-lOOl), once the words
# holding a digit are read (a letter alone is a word: 2019 I moved)
_GROUP_AFTER = r"(?<=[0-9][-./_ ]){0}{{2,}}(?=[-./_ ][0-9{1}]|(?![0-9A-Za-zΑ-Ωα-ωА-Яа-я]))"
_LETTER_GROUP = re.compile(_GROUP_AFTER.format(_GROUP_LIKE, _LIKE_BODY))
_LETTER_OR_HANGUL_GROUP = re.compile(_GROUP_AFTER.format(_GROUP_OR_HANGUL_LIKE, _LIKE_BODY))


def digits_unconfused(text: str) -> str | None:
    """`text` with the characters drawn as digits (`DIGIT_LOOKALIKES`: O, l, I, a Greek or Cyrillic O,
    ㅇ, |, б …) read as digits in each word of digits and such characters (`O1O-l234-5678` ->
    `010-1234-5678`); same length. None when `text` has none (most texts: one search, 1.5 µs a
    record's body)."""
    if _CONFUSABLE.search(text) is None or _LOOKS_LIKE_DIGIT.search(text) is None:
        return None
    read = _DIGIT_WORD.sub(lambda m: m.group().translate(_AS_DIGITS), text)
    typed = any(read.count(ch) < text.count(ch) for ch in _HANGUL_LIKE if ch in text)  # (ㅇ for 0 beside a digit)
    group = _LETTER_OR_HANGUL_GROUP if typed else _LETTER_GROUP
    for _ in range(3):  # (each group read makes the next one a group after digits)
        again = group.sub(lambda m: m.group().translate(_AS_DIGITS), read)
        if again == read:
            break
        read = again
    return None if read == text else read


def _latin_base_table() -> dict[int, str]:
    """Each Latin letter with a diacritic, of the Latin-1 Supplement, Latin Extended-A and -B and
    Latin Extended Additional (Vietnamese: ế ộ ữ), -> its base letter or letters, case kept: what
    NFKD leaves without combining marks (ư -> u, ơ -> o), what Unicode names `… LETTER X WITH …`
    (đ -> d, ø -> o, ł -> l, ħ -> h: a stroke or a hook does not decompose), and the ligatures and
    letters typed as two on a keyboard that has none (ß -> ss, æ -> ae, œ -> oe, þ -> th)."""
    named = re.compile(r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH ")
    table: dict[int, str] = {}
    for first, last in ((0x00C0, 0x024F), (0x1E00, 0x1EFF)):
        for cp in range(first, last + 1):
            ch = chr(cp)
            name = unicodedata.name(ch, "")
            if not name.startswith("LATIN") or not ch.isalpha():
                continue
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            m = named.match(name)
            if base.isascii() and base.isalpha():
                table[cp] = base
            elif m is not None:
                table[cp] = m.group(2) if m.group(1) == "CAPITAL" else m.group(2).lower()
    table.update({ord(c): base for c, base in (
        ("ß", "ss"), ("ẞ", "SS"), ("æ", "ae"), ("Æ", "AE"), ("ǣ", "ae"), ("Ǣ", "AE"), ("ǽ", "ae"), ("Ǽ", "AE"),
        ("œ", "oe"), ("Œ", "OE"), ("þ", "th"), ("Þ", "TH"), ("ð", "d"), ("Ð", "D"), ("ı", "i"), ("ȷ", "j"),
        ("ŋ", "n"), ("Ŋ", "N"), ("ĸ", "k"), ("ŉ", "n"))})
    return table


# Latin letters with a diacritic -> their base letters (`base_letters`); a few become two (ß -> ss)
LATIN_BASE: dict[int, str] = _latin_base_table()
LATIN_MARKED = re.compile("[" + _char_class(list(LATIN_BASE)) + "]")
# the Greek and Cyrillic letters drawn as a Latin one (Unicode's confusables, UTS #39: each whose
# prototype is an ASCII letter, or ĸ for к; Ι І Ӏ as I, whose prototype l is drawn as I is), typed in a
# word of Latin letters to hide it (Park Yоungsu, a Cyrillic о), or making one up (ΚΙΜ, Greek capitals)
LATIN_LOOKALIKES: dict[int, str] = {ord(c): latin for c, latin in zip(
    "ͿΑΒΕΖΗΙΚΜΝΟΡΤΥΧαγινορσυϒϜϱϲϳϹϺЅІЈАВЕКМНОРСТУХЬагеорсухѕіјѡѴѵҮүһҽӀӏԁԌԛԜԝк",
    "JABEZHIKMNOPTYXayivopouYFpcjCMSIJABEKMHOPCTYXbareopcyxsijwVvYyheIidGqWwk", strict=True)}
# and the small letter of each capital whose small letter is none, as the capital's (κ к k, м m, н h …):
# the site's audit reads a page in small letters (Υ and Ν, whose small υ and ν are drawn as u and v,
# read so there: check reads the capitals as Y and N)
LATIN_LOOKALIKES.update({ord(chr(cp).lower()): latin.lower() for cp, latin in list(LATIN_LOOKALIKES.items())
                         if chr(cp).lower() != chr(cp) and ord(chr(cp).lower()) not in LATIN_LOOKALIKES})
_LOOKALIKE_LETTER = re.compile("[" + _char_class(list(LATIN_LOOKALIKES)) + "]")
_BASE_OR_LOOKALIKE = re.compile("[" + _char_class([*LATIN_BASE, *LATIN_LOOKALIKES]) + "]")
# a word of Latin, Greek and Cyrillic letters (and the marks NFC leaves on them)
_LGC_WORD = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0370-\u03ff\u0400-\u052f\u0300-\u036f]+")


def _drawn_latin(m: re.Match[str]) -> str:
    """A word (`_LGC_WORD`) with its Greek and Cyrillic letters drawn as Latin ones as those Latin
    letters, when it holds a Latin letter besides (Yоungsu) or is all such letters (ΚΙΜ); else as it
    is (a Greek or Russian word: Σοφία, Ольга)."""
    word = m.group()
    if _LOOKALIKE_LETTER.search(word) is None:
        return word
    rest = word.translate(dict.fromkeys(LATIN_LOOKALIKES))
    if rest and not any(ch.isascii() or ord(ch) in LATIN_BASE for ch in rest):
        return word
    return word.translate(LATIN_LOOKALIKES)


def base_letters(text: str) -> tuple[str, list[int] | None]:
    """`text` with every Latin letter that carries a diacritic as its base letter (`LATIN_BASE`:
    `Trần Văn Hùng` -> `Tran Van Hung`, `Đặng` -> `Dang`, `Straße` -> `Strasse`), case kept: a
    foreign client's name as it is typed on a Korean keyboard; and the Greek and Cyrillic letters
    drawn as Latin ones in a word of Latin letters as those (`LATIN_LOOKALIKES`: `Park Yоungsu`
    with a Cyrillic о -> `Park Youngsu`). Returns the text and, when some
    letter became two, the offset in `text` of each character of the result and one past the end
    (None when the result has `text`'s length: the offsets are the same). Text in ASCII and
    Hangul, all but a few records, is returned as it is after one scan."""
    if text.isascii() or _BASE_OR_LOOKALIKE.search(text) is None:
        return text, None
    if _LOOKALIKE_LETTER.search(text) is not None:
        text = _LGC_WORD.sub(_drawn_latin, text)  # (one for one: the offsets are the same)
        if LATIN_MARKED.search(text) is None:
            return text, None
    out = text.translate(LATIN_BASE)
    if len(out) == len(text):
        return out, None
    at: list[int] = []
    for i, ch in enumerate(text):
        at.extend([i] * len(LATIN_BASE.get(ord(ch), ch)))
    at.append(len(text))
    return out, at


# Hangul letters typed apart instead of as syllables (`compose_jamo`): the compatibility jamo of a
# keyboard (ㅂㅏㄱ, U+3131–U+3163) and the conjoining jamo of decomposed text that NFC left apart
# (ᄇ ᅡ ᆨ, U+1100–U+11FF: separated, or with a zero-width character between them that a reader
# drops), each read as its compatibility letter. (ㅡ, U+3161 and U+1173, is folded to a dash first:
# see `_vowel_at`.) Old letters, and ㆍ (a middle dot in Korean text), are left as they are.
_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_CHO_AT = {c: i for i, c in enumerate(_CHO)}
_JUNG_AT = {c: i for i, c in enumerate(_JUNG)}
_JONG_AT = {c: i + 1 for i, c in enumerate(_JONG)}  # (0: no final)
_JAMO_LETTER = {c: c for c in _CHO + _JUNG + _JONG}
_JAMO_LETTER.update({chr(0x1100 + i): c for i, c in enumerate(_CHO)})
_JAMO_LETTER.update({chr(0x1161 + i): c for i, c in enumerate(_JUNG)})
_JAMO_LETTER.update({chr(0x11A8 + i): c for i, c in enumerate(_JONG)})
# a vowel of two typed as its two (ㅗ ㅏ for ㅘ: 최 as ㅊㅗㅣ, 희 as ㅎㅡㅣ)
_TWO_VOWELS = {("ㅗ", "ㅏ"): "ㅘ", ("ㅗ", "ㅐ"): "ㅙ", ("ㅗ", "ㅣ"): "ㅚ", ("ㅜ", "ㅓ"): "ㅝ", ("ㅜ", "ㅔ"): "ㅞ",
               ("ㅜ", "ㅣ"): "ㅟ", ("ㅡ", "ㅣ"): "ㅢ"}
# what a text holding jamo to compose holds: a modern letter of either kind (found in one scan)
JAMO_CHARS = "\u3131-\u3163\u1100-\u1112\u1161-\u1175\u11a8-\u11c2"  # (the body of a character class)
JAMO_RE = re.compile(f"[{JAMO_CHARS}]")
# what may stand between the letters of a syllable typed apart (ㅂ ㅏ ㄱ, ㅂ.ㅏ.ㄱ): one to three
# separators (`SEP_CHARS`) but a line break
_JAMO_GAP = re.compile("[ \t" + _SEP_CHARS[2:] + "]{1,3}")


def _vowel_at(text: str, k: int, dash: bool, eu_i: bool) -> tuple[int, str] | None:
    """(where, which) of the vowel after a consonant that ends at `k`: right there or past a gap
    (`_JAMO_GAP`). `dash`: the consonant starts a syllable, so a dash after it, folded from ㅡ (`fold`),
    is that vowel where no other vowel follows the gap it would be (ㅇ-ㄴ: 은; ㅂ-ㅏ: 바), and
    before ㅣ too when `eu_i` (ㅎ-ㅣ: 희; else a mark, 히)."""
    if k >= len(text):
        return None
    vowel = _JAMO_LETTER.get(text[k])
    if vowel in _JUNG_AT:
        return k, vowel
    if dash and text[k] == "-" and eu_i and _JAMO_LETTER.get(text[k + 1:k + 2]) == "ㅣ":
        return k, "ㅡ"
    gap = _JAMO_GAP.match(text, k)
    if gap is not None:
        vowel = _JAMO_LETTER.get(text[gap.end():gap.end() + 1])
        if vowel in _JUNG_AT:
            return gap.end(), vowel
    return (k, "ㅡ") if dash and text[k] == "-" else None


def _letter_at(text: str, k: int) -> tuple[int, str] | None:
    """(where, which) of the letter right at `k` or past a gap there."""
    letter = _JAMO_LETTER.get(text[k:k + 1])
    if letter is None:
        gap = _JAMO_GAP.match(text, k)
        if gap is None:
            return None
        k = gap.end()
        letter = _JAMO_LETTER.get(text[k:k + 1])
    return None if letter is None else (k, letter)


def _syllable(text: str, i: int, eu_i: bool) -> tuple[str, int] | None:
    """The syllable whose first consonant is at `i`, and where it ends: a vowel after it (two
    typed apart made one), and a consonant after that which no vowel follows (ㅂㅏㄱㅇ: 박, then ㅇ);
    None where no vowel follows."""
    found = _vowel_at(text, i + 1, True, eu_i)
    if found is None:
        return None
    k, vowel = found
    k += 1
    nxt = _letter_at(text, k)
    if nxt is not None and (vowel, nxt[1]) in _TWO_VOWELS:
        vowel, k = _TWO_VOWELS[vowel, nxt[1]], nxt[0] + 1
        nxt = _letter_at(text, k)
    final = 0
    if nxt is not None and nxt[1] in _JONG_AT and _vowel_at(text, nxt[0] + 1, False, eu_i) is None:
        final, k = _JONG_AT[nxt[1]], nxt[0] + 1
    return chr(0xAC00 + (_CHO_AT[_JAMO_LETTER[text[i]]] * 21 + _JUNG_AT[vowel]) * 28 + final), k


def _after_syllable(text: str, i: int, eu_i: bool) -> tuple[str, int] | None:
    """The syllable without a final at `i` - 1 with the letters right after it that it takes, and
    where it then ends: a vowel making a vowel of two with its own (초ᅵ: 최), then a consonant
    which no vowel follows (바ㄱ: 박). NFKC, as the site's audit reads text, leaves `ㅊㅗㅣ` as `초ᅵ`,
    `ㅂㅏㄱ` as `바ᄀ`. None where it takes none."""
    code = ord(text[i - 1]) - 0xAC00
    vowel, k = _JUNG[code % 588 // 28], i
    if (vowel, _JAMO_LETTER[text[i]]) in _TWO_VOWELS:
        vowel, k = _TWO_VOWELS[vowel, _JAMO_LETTER[text[i]]], i + 1
    final = 0
    letter = _JAMO_LETTER.get(text[k:k + 1])
    if letter in _JONG_AT and _vowel_at(text, k + 1, False, eu_i) is None:
        final, k = _JONG_AT[letter], k + 1
    return None if k == i else (chr(0xAC00 + code - code % 588 + _JUNG_AT[vowel] * 28 + final), k)


def compose_jamo(text: str, eu_i: bool = True) -> tuple[str, list[int] | None]:
    """`text` (folded) with its Hangul letters typed apart composed into syllables, as a reader reads
    them: `ㅂㅏㄱㅇㅕㅇㅅㅜ`, `ㅂ ㅏ ㄱ ㅇ ㅕ ㅇ ㅅ ㅜ` (separators inside a syllable dropped, between
    syllables kept: `ㅂㅏㄱ ㅇㅕㅇ` -> `박 영`), conjoining jamo NFC left apart, a syllable and the
    letters typed after it that it takes (`바ㄱ`, `초ㅣ`: `_after_syllable`). Returns the
    text and the offset in `text` of each character of the result and one past the end, as
    `base_letters` does (a syllable's is its first letter's; it ends where the next character
    starts), or None when nothing was composed. Only a text holding a modern letter (`JAMO_RE`)
    is read, and only around its letters. `eu_i`: a dash before ㅣ is ㅡ (see `_vowel_at`)."""
    if text.isascii() or JAMO_RE.search(text) is None:
        return text, None
    out: list[str] = []
    at: list[int] = []
    pos = 0  # (text[:pos] is in out)
    m = JAMO_RE.search(text)
    while m is not None:
        i = m.start()
        letter = _JAMO_LETTER[text[i]]
        found: tuple[str, int] | None = None
        before = text[i - 1] if i > pos else ""
        if "가" <= before <= "힣" and (ord(before) - 0xAC00) % 28 == 0:
            found = _after_syllable(text, i, eu_i)
            if found is not None:
                i -= 1  # (the syllable is written anew)
        if found is None and letter in _CHO_AT:
            found = _syllable(text, i, eu_i)
        if found is None:
            m = JAMO_RE.search(text, i + 1)
            continue
        out.append(text[pos:i])
        at.extend(range(pos, i))
        out.append(found[0])
        at.append(i)
        pos = found[1]
        m = JAMO_RE.search(text, pos)
    if not out:
        return text, None
    out.append(text[pos:])
    at.extend(range(pos, len(text)))
    at.append(len(text))
    return "".join(out), at


_UNIT = re.compile(
    r"<!--.*?(?:-->|\Z)|<[A-Za-z/!?][^<>]{0,1000}>"
    # a link's brackets and address: [010](#a)-0000-1001 shows 010-0000-1001 (the address is
    # published too: read as markup); an image's `![`, a reference link's `][ref]`
    r"|\]\((?:[^()\n]|\([^()\n]*\)){0,2000}\)|\]\[[^\[\]\n]{0,200}\]|!?\[(?=[^\[\]\n]{0,2000}\][\[(])"
    r"|&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\\[!-/:-@\[-`{-~]|(?<!\*)\*{1,3}(?!\*)|~~+|`+|[" + _ZERO_WIDTH + "]+"
    r"|(?:%[0-9A-Fa-f]{2}){2,}"  # percent-encoded bytes in a link: the browser's address bar shows them decoded
    r"|(?<![A-Za-z0-9-])[Xx][Nn]--[A-Za-z0-9-]{1,59}"  # a punycode host label (`IDNA_LABEL`): shown decoded
    r"|:(?:zero|one|two|three|four|five|six|seven|eight|nine|keycap_ten):",  # a digit's emoji shortcode (`EMOJI_DIGITS`)
    re.DOTALL,
)
# the shortcodes pymdownx.emoji draws as a digit's keycap (0️⃣ … 9️⃣, 🔟) on a docs/ page: a phone written
# `:zero::one::zero:-:one::two:…` was published as 0⃣1⃣0⃣-1⃣2⃣…, read by no text check (a probe). Read as
# the digits everywhere: written out where no extension draws them, they spell the number all the same
EMOJI_DIGITS = {"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                "eight": "8", "nine": "9", "keycap_ten": "10"}
_EMOJI_DIGIT = re.compile(r":(?:" + "|".join(EMOJI_DIGITS) + r"):")


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
    marks: list[tuple[int, str]] = dc_field(default_factory=list)  # (reader offset, direction marks dropped there)

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

    def displayed(self) -> tuple[str, list[int]] | None:
        """The paragraphs of the text that hold right-to-left text, in the order a browser draws them
        (`bidi.displayed`), with the reader offset of each character; None when there are none (most
        texts: one scan). The order is worked out from the characters as written (Arabic digits, which
        the text has folded to ASCII, lay out right to left) and the direction marks the text dropped
        (U+200F before 1001_0000_010 draws it 010_0000_1001)."""
        if self.source.isascii():
            return None
        if not self._r:
            return displayed(self.source, self.text) if RTL_RE.search(self.source) else None
        if RTL_RE.search(self.source) is None and RTL_RE.search(self.text) is None and "&#" not in self.source \
                and "%" not in self.source:
            return None
        raw: list[str] = []
        where: list[int] = []
        marks = list(reversed(self.marks))  # (those not put back yet, the next last)

        def put_marks(upto: int) -> None:  # the marks dropped before reader offset `upto`, where they were
            while marks and marks[-1][0] <= upto:
                raw.append(marks[-1][1])
                where.extend([-1] * len(marks.pop()[1]))

        ends = [*self._r[1:], len(self.text)]
        for r, s, is_linear, s_end, r_end in zip(self._r, self._s, self._linear, self._s_end, ends, strict=True):
            put_marks(r)
            shown = self.text[r:r_end]
            if is_linear:
                written = self.source[s:s + len(shown)]
            else:
                unit = self.source[s:s_end]
                written = html.unescape(unit) if unit.startswith("&") else unquote(unit, errors="replace") \
                    if unit.startswith("%") else shown
            raw.append(written if len(written) == len(shown) else shown)
            where.extend(range(r, r_end))
        put_marks(len(self.text))
        return displayed("".join(raw), self.text, where)


# the marks, drawn as nothing, that set the direction of what follows them (a reader's text drops them:
# `ReaderText.marks` keeps where, for the order the text is drawn in)
_DIRECTION_MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DIRECTION_MARK = re.compile(f"[{_DIRECTION_MARKS}]")
# what a unit (`_UNIT`) starts with: a tag or comment, an entity, a backslash escape, emphasis or
# code markup, zero-width characters, percent-encoded bytes
_UNIT_FIRST = re.compile("[<&\\\\*~`%\\[\\]" + _ZERO_WIDTH + "]")


# a tag a browser draws as a break between the texts on either side: any but the inline ones
# (`<b>`, `<span>`, `<a>` … leave 010<b>-0000</b>-1001 one number) and comments
_INLINE_TAGS = ("a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|"
                "sub|sup|time|tt|u|var|wbr")
_BREAKING_TAG = re.compile(rf"</?(?!(?:{_INLINE_TAGS})\b)[A-Za-z]", re.IGNORECASE)


def markup_text(markup: str) -> str:
    """A tag's or a link address's text as a browser shows it in a tooltip or the status bar:
    entities, percent-encoded bytes and punycode host labels decoded (`&#48;10`, `tel:%30%31%30`,
    `https://xn--bh3b03i1td.kr/`: `idna_decoded`)."""
    if "&" in markup:
        markup = html.unescape(markup)
    if "%" in markup:
        markup = unquote(markup, errors="replace")
    return fold(idna_decoded(markup))


# a host's internationalized label as a text or a page holds it (punycode): the status bar and the
# address bar show it decoded (`xn--bh3b03i1td` is 박영수), and so the site's audit reads it
# (`reading.with_percent_decoded`) and `casekit check` (`reader_text`, `markup_text`, `idna_decoded`)
IDNA_LABEL = re.compile(r"(?<![A-Za-z0-9-])[Xx][Nn]--[A-Za-z0-9-]{1,59}")


def _idna_label(m: re.Match[str]) -> str:
    try:
        return m.group(0)[4:].encode("ascii").decode("punycode")
    except UnicodeError:
        return m.group(0)


def idna_decoded(text: str) -> str:
    """`text` with each punycode label (`IDNA_LABEL`) decoded: `xn--bh3b03i1td.kr` -> `박영수.kr` (a
    label that is no punycode as it is)."""
    return IDNA_LABEL.sub(_idna_label, text) if ("n--" in text or "N--" in text) else text


def reader_text(source: str) -> ReaderText:
    """Markdown/HTML source as a reader sees it: tags and comments dropped, entities and
    backslash escapes decoded, emphasis and code markup and zero-width characters dropped,
    look-alikes folded (`fold`). Offsets map back with `source_offset`/`source_span`."""
    folded = fold(source)
    # most record bodies hold no markup: looking for the few characters a unit starts with takes
    # a tenth of the time _UNIT takes to find none (its pattern is tried at every character)
    if _UNIT_FIRST.search(folded) is None and "n--" not in folded and "N--" not in folded \
            and (":" not in folded or _EMOJI_DIGIT.search(folded) is None):
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
    marks: list[tuple[int, str]] = []
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
        if unit.startswith(("<", "](")):
            markup.append((m.start(), unit))
            if _BREAKING_TAG.match(unit):  # 010-0000-1001<br>x, <p>…</p><p>…</p>: a browser shows a break there
                segment("\n", m.start(), m.end(), False)
        elif unit.startswith("&"):
            segment(fold(html.unescape(unit)), m.start(), m.end(), False)
        elif unit.startswith("%"):
            segment(fold(unquote(unit, errors="replace")), m.start(), m.end(), False)
        elif unit[:4].lower() == "xn--":
            decoded = idna_decoded(unit)
            segment(fold(decoded), m.start(), m.end(), decoded == unit)
        elif unit.startswith("\\"):
            segment(unit[1], m.start(), m.end(), False)
        elif unit.startswith(":"):
            segment(EMOJI_DIGITS[unit[1:-1]], m.start(), m.end(), False)
        elif unit[0] in _DIRECTION_MARKS or _DIRECTION_MARK.search(unit):  # (drawn as nothing, yet ordering what follows)
            marks.append((r, "".join(_DIRECTION_MARK.findall(unit))))
        pos = m.end()
    segment(folded[pos:], pos, len(folded), True)
    return ReaderText("".join(out), source, r_starts, s_starts, linear, s_ends, markup, marks)


# struck-through text (<del>, <s>, <strike>, Markdown's ~~…~~ as pymdownx.tilde draws it): a page shows it,
# and a reader reads a value straight through a struck character (박<del>가</del>영수 reads 박영수, a probe).
# `unstruck` gives the text without it, read as well as the text as written. A <del> or ~~ ends with its
# paragraph (a blank line, a block's end tag). An <s> or <strike> left open does not: they are formatting
# elements, which a browser opens again in each paragraph after it until one closes them (HTML's "reconstruct
# the active formatting elements", three of a kind at most: the sanitizer writes them so), so 박<s>가⏎⏎나</s>영수
# shows 박 ⏎⏎ 영수 with 가 and 나 struck, and was read 박 ⏎⏎ 나영수 (a probe)
_STRUCK = re.compile(r"<(/?)(del|s|strike)(?=[\s/>])[^<>]{0,1000}>|~{2,}|\n[ \t]*\n"
                     r"|</(?:p|li|dd|dt|td|th|div|h[1-6]|blockquote|pre|section|article|table|tr)\s*>",
                     re.IGNORECASE)
_STRUCK_TAG = re.compile(r"<(?:del|s|strike)(?=[\s/>])", re.IGNORECASE)


def _tilde_can(source: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether the run of tildes `source[start:end]` can open a strike (no space after it) and whether it
    can close one (no space before it), as pymdownx.tilde judges a run of two (its `no_space`: the same
    strikes as it drew for 3,221 random lines of ~~, letters, spaces and punctuation)."""
    before = source[start - 1] if start else " "
    after = source[end] if end < len(source) else " "
    return not after.isspace(), not before.isspace()


def _paired_tildes(source: str) -> set[int]:
    """Where each run of tildes of `source` that strikes (opens or closes a strike) starts: each run that
    can close (`_tilde_can`) closes the last one open before it in its paragraph that can open, as
    pymdownx.tilde pairs them; a run none pairs is drawn as it is: `정리~~ 박~~가~~영수` strikes 가 alone
    (it was read striking 박 and 영수, keeping 가: 박영수 not found), `x ~~a` shows x ~~a (it was read
    striking to the paragraph's end)."""
    paired: set[int] = set()
    openers: list[int] = []
    for m in _STRUCK.finditer(source):
        if not m.group(0).startswith("~"):
            if m.group(1) is None:  # (a paragraph's end: `~~` pairs within a paragraph)
                openers = []
            continue
        opens, closes = _tilde_can(source, m.start(), m.end())
        if closes and openers:
            paired.update((openers.pop(), m.start()))
        elif opens:
            openers.append(m.start())
    return paired


def unstruck(source: str) -> tuple[str, list[tuple[int, int]]] | None:
    """`source` with what it strikes through taken out (the elements <del>, <s>, <strike> whole, and
    Markdown's `~~…~~`), and where each piece kept starts: (offset in the text, offset in `source`),
    for `unstruck_offset`. None when nothing is struck (most texts: a substring test or two)."""
    if "~~" not in source and ("<" not in source or _STRUCK_TAG.search(source) is None):
        return None
    pieces: list[str] = []
    starts: list[tuple[int, int]] = []
    depth, kept_open, tilde, pos, length = 0, 0, False, 0, 0  # (kept_open: <s>, <strike> open, of `depth`)

    def keep(end: int) -> None:
        nonlocal length
        if end > pos:
            pieces.append(source[pos:end])
            starts.append((length, pos))
            length += end - pos

    paired = _paired_tildes(source) if "~~" in source else set()
    for m in _STRUCK.finditer(source):
        token = m.group(0)
        was = depth > 0 or tilde
        if token.startswith("~"):
            if m.start() not in paired:
                continue  # (drawn as it is: `정리~~ 이웃`, a `~~` none closes)
            tilde = not tilde
        elif m.group(1) is not None:  # (<del>, </del> …)
            formatting = m.group(2).lower() != "del"
            if m.group(1):
                if depth == (kept_open if not formatting else 0) or (formatting and not kept_open):
                    continue  # (an end tag of an element none is open of closes nothing: </del> no <s>)
                kept_open -= formatting
                depth -= 1
            else:
                depth += 1
                kept_open += formatting
        else:  # (a paragraph's end: what it left open ends there, but <s> and <strike>, opened again after it)
            kept_open = min(kept_open, 3)
            depth, tilde = kept_open, False
            if was:
                pos = m.start()
                if depth:  # (the paragraphs stay apart: 박<s>가⏎⏎나</s>영수 reads 박⏎⏎영수, not 박영수)
                    keep(m.end())
            continue
        now = depth > 0 or tilde
        if now and not was:
            keep(m.start())
        elif was and not now:
            pos = m.end()
    if not (depth > 0 or tilde):
        keep(len(source))
    if len(starts) == 1 and starts[0] == (0, 0) and length == len(source):
        return None
    return "".join(pieces), starts


def unstruck_offset(starts: list[tuple[int, int]], offset: int) -> int:
    """The offset in the source of `offset` in its `unstruck` text (`starts`: where each piece kept starts)."""
    if not starts:
        return offset
    i = max(bisect.bisect_right(starts, offset, key=lambda piece: piece[0]) - 1, 0)
    return starts[i][1] + (offset - starts[i][0])
