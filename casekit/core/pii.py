"""PII guard: personal numbers and addresses written where they would be published.

Record bodies and every front-matter field *not* marked `x-sensitive` (or `x-public`) end up
on the casebook site, so these are findings there:

| code | what | severity |
|---|---|---|
| `pii-resident-number` | 주민등록번호 / 외국인등록번호 `YYMMDD-GNNNNNN` (also masked `YYMMDD-G******`; in parts: 뒷자리 GNNNNNN) | error |
| `pii-phone` | mobile 010/011/016-019, area codes 02, 031-064, 070, 050x, +82, 15xx/16xx/18xx (also in Korean digit words) | error |
| `pii-email` | e-mail addresses | error |
| `pii-account` | bank account-like numbers | warning |

How false alarms are kept low (dates `2026-03-15`, amounts `1,200,000원`, case ids `2026-0001`,
times, versions never match):

- A resident number needs a real calendar birth date (YYMMDD), not in the future, and a
  gender/century digit 1-8 (5-8: registered foreigners). No check digit is required: numbers
  issued since October 2020 end in random digits. Old numbers with a valid check digit match
  like any other (`rrn_check_digit_ok` tells them apart, for tests and reports).
- A phone number needs a real Korean prefix and separators (`-`, `.`, space, `)` after an area
  code); without separators only `010` + 8 digits counts.
- An account number is 10-14 digits in 3-4 hyphenated groups, not starting like a year and not
  shaped like a business registration number (3-2-5); a bare run of 10-14 digits only counts
  right after a bank word (계좌, 통장, 이체, 은행, 농협 ...), and groups written apart (`110 234 567890`) only
  there too, with a group of four digits or more.
- A resident number's back part written under its word (뒷자리, 뒤 7자리, 뒷번호) counts only after a word for
  the number (주민번호, 주민등록, 외국인등록) on its line; its front part only under 앞자리 (or right before
  뒷자리), a real birth date.
- No number may touch other digits or ASCII letters, or be glued to a unit (년, 원, 명, 호 ...).

Text is compared after mapping full-width characters (０１０－…, common with Korean IMEs),
Unicode dashes and spaces to ASCII and dropping zero-width characters; positions are those of
the original text. A phone or resident number written in Korean digit words (`공일공-일이삼사-오육칠팔`)
is read as its digits (`word_readings`). The guard catches mistakes, not deliberate disguise (images, `O` for 0).

Known public numbers (an agency's switchboard, a national hotline) are allowed in `casekit.yml`,
compared by digits (`02-0000-1234` also allows `02 0000 1234`) or, for e-mail, ignoring case:

    pii:
      allow: ["02-0000-1234", "1577-1389", "info@example.org"]

One body line can be exempted by writing `<!-- casekit: pii-ok -->` on it; this never
exempts a resident registration number.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from casekit.core import clock
from casekit.core.bidi import displayed
from casekit.core.findings import Finding, finding
from casekit.core.reader import (
    DIGIT_RANGES,
    FOLD_TABLE,
    IGNORABLE_RE,
    NUMBER_FORMS,
    Offsets,
    compat_reading,
    digits_unconfused,
    fold,
    markup_text,
    reader_text,
)
from casekit.core.source import Parsed, outside, value_start

RESIDENT, PHONE_CODE, EMAIL_CODE, ACCOUNT_CODE = "pii-resident-number", "pii-phone", "pii-email", "pii-account"
BANK_ACCOUNT_CODE, CARD_CODE, LICENSE_CODE = "pii-bank-account", "pii-card", "pii-driver-license"
PASSPORT_CODE = "pii-passport"

# numbers a line's `<!-- casekit: pii-ok -->` never allows: nobody's to publish
NOT_ALLOWED_INLINE = frozenset([RESIDENT, CARD_CODE, LICENSE_CODE, PASSPORT_CODE])
INLINE_ALLOW = re.compile(r"<!--\s*casekit:\s*pii-ok\s*-->")

# --- looking at the text as a reader of the site sees it ---------------------------------

# full-width forms, Unicode dashes, odd spaces, other scripts' and superscript/circled digits (the
# sensitive index's `fold`: one table)
_TO_ASCII = FOLD_TABLE


_SPACED_DIGITS = re.compile(r"(?<![0-9])[0-9](?:[ \t][0-9]){7,}(?![0-9])")  # 0 1 0 1 2 3 4 5 6 7 8


def _view(text: str) -> tuple[str, list[int] | Offsets | None]:
    """`text` with look-alike characters mapped to ASCII (and letters drawn as digits in a number read
    as digits: `digits_unconfused`; what NFKC makes otherwise, as the site's audit reads it, so read:
    `compat_reading`, ⒑ as 10.) and the spaces of digits written one by one dropped; an index map when
    characters were dropped or added."""
    mapped = text if text.isascii() else text.translate(_TO_ASCII)
    read, at = compat_reading(mapped)  # (0⒑0000.1001, 010﹒0000﹒1001)
    if at is not None:
        view, index = _view_read(read)
        return view, at if index is None else [at[i] for i in index]
    return _view_read(mapped)


def _view_read(mapped: str) -> tuple[str, list[int] | None]:
    """`_view` of a text folded and read as NFKC reads it."""
    mapped = digits_unconfused(mapped) or mapped  # (O1O-1234-5678: letters drawn as digits)
    spaced = _SPACED_DIGITS.search(mapped) is not None
    unseen = IGNORABLE_RE.search(mapped) is not None  # characters drawn as nothing (010\u034f0000…)
    if not spaced and not unseen:
        return mapped, None
    drop = bytearray(len(mapped))
    for m in IGNORABLE_RE.finditer(mapped) if unseen else ():
        drop[m.start()] = 1
    if spaced:
        for m in _SPACED_DIGITS.finditer(mapped):
            for i in range(m.start() + 1, m.end(), 2):
                drop[i] = 1
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(mapped):
        if not drop[i]:
            chars.append(ch)
            index.append(i)
    index.append(len(mapped))
    return "".join(chars), index


# --- patterns -------------------------------------------------------------------------------

# Each pattern below begins with the character a number begins with and asserts what stands before
# it only then (`_AFTER_START`: the assertion is one character longer, over the one taken). A pattern
# that began with its assertions was tried at every position of a text, lookbehinds and all: 0.4 µs
# a character for RRN and PHONE, most of the guard's time on a page of prose. Begun with a character
# (a class of them), the regular expression engine skips to where one stands before trying the rest.
_START = r"(?<![0-9A-Za-z_])(?<![0-9][.\-])"  # not inside a longer number or word
_AFTER_START = r"(?<![0-9A-Za-z_].)(?<![0-9][.\-].)"  # _START, after the number's first character
_END = r"(?![0-9A-Za-z_])(?![.\-][0-9])"
# a phone or resident number may follow the label it is written under, glued to it (HP010-1234-5678,
# TEL02-123-4567, ID850101-1234567, 주민번호 written RRN…): those labels, not any word, start one
_LABELS = ("HP", "Hp", "hp", "TEL", "Tel", "tel", "PHONE", "Phone", "phone", "MOBILE", "Mobile", "mobile",
           "ID", "RRN", "rrn", "NO", "No", "no")
# (after the number's first character, as _AFTER_START)
_AFTER_NUM_START = "(?:(?<![0-9A-Za-z_].)|" + "|".join(f"(?<={label}.)" for label in _LABELS) + r")(?<![0-9][.\-].)"
# between a number's groups: one or two marks of those a writer types there (a hyphen, a dot, a
# slash, an underscore, a middle dot ·ㆍ•, a tilde, =, a colon; a Markdown escape `\-` before one),
# a space or two either side; or one or two spaces alone. (The sensitive index reads a casebook
# value through any of these; a number no field holds was missed through `_`, `·` or two spaces.)
_SEP = r"(?:[ \t]{0,2}(?:\\?[-./_·ㆍ•~=:]){1,2}[ \t]{0,2}|[ \t]{1,2})"
_MASK = r"[*xX●○#]"

RRN = re.compile(
    rf"(?P<yy>\d{_AFTER_NUM_START}\d)(?P<mm>\d\d)(?P<dd>\d\d){_SEP}?"
    + rf"(?:(?P<g>[1-8])(?P<rest>\d{{6}}|{_MASK}{{6}})|{_MASK}{{7}})"
    + _END
)
_PREFIX = rf"(?:\+{_AFTER_NUM_START}82[ \t.\-]?(?:\(0\)[ \t]?)?|0{_AFTER_NUM_START})"  # domestic 0, or +82 with the 0 dropped
PHONE = re.compile(
    "(?:"
    + _PREFIX
    + "(?:"
    + rf"10(?:\)[ \t]?|{_SEP})?\d{{4}}{_SEP}?\d{{4}}"  # 010: separators optional, also 010)
    + rf"|1[16789](?:\)[ \t]?|{_SEP})\d{{3,4}}{_SEP}\d{{4}}"  # 011, 016-019
    + rf"|(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|50[2-8])(?:\)[ \t]?|{_SEP})\d{{3,4}}{_SEP}\d{{4}}"
    + ")"
    + rf"|1{_AFTER_NUM_START}[568]\d\d{_SEP}\d{{4}}"  # 전국대표번호 15xx, 16xx, 18xx
    + ")"
    + _END
)
# a number abroad, as E.164 writes it: `+`, a country code, a separator, then groups (a family's
# number in Viet Nam, +84 912 345 678); or all its digits joined (+84912345678). The country codes
# are those of the countries most people born abroad who live in Korea come from, and the largest
# (not Korea's: PHONE reads +82). Told from a sum or a score by the code, by its length (10 to 15
# digits in all, `_INTL_DIGITS`: the shortest such number has 10) and by the separator after the
# code (`+2026-03-15` is none)
_COUNTRIES = (
    1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57,
    58, 60, 61, 62, 63, 64, 65, 66, 81, 84, 86, 90, 91, 92, 93, 94, 95, 98, 212, 213, 216, 218, 233, 234,
    249, 251, 254, 255, 256, 260, 263, 351, 352, 353, 358, 359, 370, 371, 372, 373, 374, 375, 380, 381, 420,
    421, 670, 852, 853, 855, 856, 880, 886, 960, 961, 962, 963, 964, 965, 966, 967, 968, 971, 972, 973, 974,
    975, 976, 977, 992, 993, 994, 995, 996, 998,
)
_COUNTRY = "(?:" + "|".join(sorted(map(str, _COUNTRIES), key=lambda code: (-len(code), code))) + ")"  # (longest first)
INTL_PHONE = re.compile(
    rf"\+(?<![0-9A-Za-z_+].)(?:{_COUNTRY}(?:[ \t.\-]\(?\d{{1,4}}\)?|\(\d{{1,4}}\))(?:[ \t.\-]?\(?\d{{1,5}}\)?){{1,5}}"
    rf"|{_COUNTRY}\d{{7,13}})" + _END
)
_INTL_DIGITS = range(10, 16)
# a phone or resident number in Korean digit words, as a probe wrote one to hide it (공일공-일이삼사-오육칠팔,
# 공일공 일이삼사 오육칠팔, 영이 칠오구 삼삼삼삼, 육구공칠이일-일이삼사오육칠), or in words and digits
# (010-일이삼사-오육칠팔, 공일공-1234-5678): a run of nine words or digits or more, a word among them, one or
# two spaces or a mark between them, each word read as its digit (공 and 영 0, 일 1 … 구 9), and the number
# PHONE or RRN finds in the run so read, bounded as they bound one in digits (`word_readings`). A number
# after a digit and a mark (통화 2026-03-10 공일공-…, 메모4: 공일공 …, 1. 공일공 …) or before one is found as
# 010-… is there: the run was read whole, as one number, and was none. A particle 이 glued to a number's
# last word (…오육칠팔이다) is no digit. The words alone are in every sentence (이, 일, 사, 오, 구); a run of
# nine or more holding a number's shape is in none
WORD_DIGIT_CHARS = "공영일이삼사오육륙칠팔구"
WORD_DIGITS = str.maketrans(WORD_DIGIT_CHARS, "001234566789")
_WORD_RUN = re.compile(
    rf"[{WORD_DIGIT_CHARS}\d](?<![{WORD_DIGIT_CHARS}\d].)"
    rf"(?:(?:[ \t]{{1,2}}|[ \t]?[-./_·ㆍ•~=:)][ \t]?)?[{WORD_DIGIT_CHARS}\d]){{8,}}+"
)
_ITEM = frozenset(WORD_DIGIT_CHARS + "0123456789")


def _has_word_number(text: str) -> bool:
    """Whether `text` holds a run of `_WORD_RUN` with a word in it (digits alone are PHONE's)."""
    return not text.isascii() and any(not m.group().isascii() for m in _WORD_RUN.finditer(text))


def word_readings(text: str) -> list[str]:
    """`text` with the Korean digit words of each run of them (`_WORD_RUN`, a word among its digits)
    read as digits, character for character: one reading, and a second where a 이 ending a group is
    a particle (공일공 일이삼사 오육칠팔이다); a 이 ending the run after a digit is one in both
    (0101234567이 is no 010-1234-5672). No reading when `text` holds no such run (most texts)."""
    if text.isascii():
        return []
    runs = [m for m in _WORD_RUN.finditer(text) if not m.group().isascii()]
    if not runs:
        return []
    first: list[str] = []
    second: list[str] = []
    pos = 0
    for m in runs:
        start, end = m.span()
        read = list(m.group().translate(WORD_DIGITS))
        particles = []  # (a 이 that ends a group: a digit in one reading, a particle in the other)
        at = text.find("이", start + 1, end)
        while at >= 0:
            if at + 1 == end and text[at - 1].isdigit():
                read[at - start] = "이"
            elif text[at - 1] in _ITEM and (at + 1 == end or text[at + 1] not in _ITEM):
                particles.append(at - start)
            at = text.find("이", at + 1, end)
        first += (text[pos:start], "".join(read))
        for k in particles:
            read[k] = "이"
        second += (text[pos:start], "".join(read))
        pos = end
    one, two = "".join([*first, text[pos:]]), "".join([*second, text[pos:]])
    return [one] if two == one else [one, two]


EMAIL = re.compile(
    r"[A-Za-z0-9._%+\-](?<![A-Za-z0-9._%+\-].)[A-Za-z0-9._%+\-]*@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![A-Za-z0-9\-])"
)
ACCOUNT = re.compile(r"\d" + _AFTER_START + r"\d{1,5}(?:\\?-\d{2,7}){2,3}" + _END)
# a driver's licence number as Korea writes it: region (or its name's two digits), year, serial,
# check (11-12-345678-90; the region may be written as its name: 서울 12-345678-90)
LICENSE = re.compile(_START + r"(?:\d{2}|[가-힣]{2})[ \-]\d{2}-\d{6}-\d{2}" + _END)
_LICENSE_DIGITS = re.compile(r"\d\d-\d{6}-\d\d")  # what each holds, found first (LICENSE leads with a word too)
# a passport's number (고유식별정보, with the resident, foreign-resident and licence numbers): Korea's
# (M12345678; M123A4567 since 2021) and those of the countries most clients born abroad come from
# (a letter or two and 7-8 digits, a letter after some: Viet Nam's C1234567, the Philippines'
# P1234567A), told from a code by the word for a passport ending at most 20 characters before it;
# digits alone are left out (a 접수번호 written after 여권 사본 is none)
PASSPORT = re.compile(r"[A-Za-z](?<![0-9A-Za-z_].)(?:[A-Za-z]?[ \-]?\d{7,8}[A-Za-z]?|\d{3}[A-Za-z]\d{4})" + _END)
PASSPORT_WORD = re.compile(r"(?:여권|passport|護照|护照|hộ chiếu|pasaporte)[^\n]{0,20}$", re.IGNORECASE)
CARD_WORD = re.compile(r"(?:카드|신용|체크|card|visa|master)[^\n]{0,20}$", re.IGNORECASE)
# a payment card's number: 16 digits in fours, or 15 as American Express writes them (4-6-5), with
# one separator throughout or none; told from other numbers by its check digit (Luhn)
CARD = re.compile(r"\d" + _AFTER_START + r"(?:\d{3}([ \-]?)\d{4}\1\d{4}\1\d{4}|\d{3}([ \-]?)\d{6}\2\d{5})" + _END)
BARE_DIGITS = re.compile(r"\d" + _AFTER_START + r"\d{9,13}" + _END)
BANK_WORD = re.compile(
    r"(?:계좌|통장|입금|이체|송금|예금주|은행|뱅크|농협|신협|수협|우체국|새마을금고|국민|신한|우리|하나|기업|"
    r"account|bank)[^\n]{0,20}$",
    re.IGNORECASE,
)
# an account's groups apart, after a bank's word (계좌 110 234 567890, 통장: 신한은행 110 - 234 - 567890): one or
# two spaces between groups, or a hyphen with spaces about it; the shape ACCOUNT reads (10-14 digits in 3-4
# groups), a group of four digits or more among them (every bank's number has one: 3-3-6, 3-6-5, 4-4-4,
# 6-2-6, 3-4-4-2 …; sums written in thousands apart, 12 000 000 000, have none). Only after a bank's word:
# groups apart are also scores, times and tables (`_spaced_account`)
_ACCOUNT_GAP = r"(?:[ \t]{1,2}|[ \t]{0,2}\\?-[ \t]{0,2})"
SPACED_ACCOUNT = re.compile(r"\d" + _AFTER_START + r"\d{1,5}(?:" + _ACCOUNT_GAP + r"\d{2,7}){2,3}" + _END)
_GROUPS = re.compile(r"\d+")
# a number's next group, or its last, beyond the end (or before the start) of a match: the match is part of
# a longer run of groups (a table's row, 2026 05 20 14 30), not a number of its own; digits glued to a word
# after it are a count, no group (계좌 110 234 567890 2회 입금)
_GROUP_AFTER = re.compile(r"[ \t]{0,2}(?:\\?-[ \t]{0,2})?\d++(?!\w)")
_GROUP_BEFORE = re.compile(r"\d[ \t]{0,2}(?:\\?-[ \t]{0,2})?$")
# a resident registration number written in two parts, each under its word (주민번호 앞자리 850315 뒷자리 2345678):
# the back part's seven digits (1-4 a Korean's first, 5-8 a registered foreigner's) after 뒷자리, 뒤 7자리,
# 뒷번호 … (`RESIDENT_BACK`), a word for the number before them on their line (`RESIDENT_WORD`): with the
# birth date it is the person's number, and a birth date is rarely far; the front part (six digits of a birth
# date) where it stands under 앞자리, 앞 6자리 … (`RESIDENT_FRONT`) or right before the back part's word
_PART_GAP = r"[ \t]*+(?:[은는이가][ \t]*+)?(?:[:=(\[\-][ \t]*+)?"
RESIDENT_BACK = re.compile(r"[뒷뒤][ \t]?(?:(?:7|일곱)[ \t]?자리|자리|번호|부분|숫자)?" + _PART_GAP + r"(?P<back>[1-8]\d{6})" + _END)
RESIDENT_FRONT = re.compile(r"앞[ \t]?(?:(?:6|여섯)[ \t]?자리|자리|번호|부분|숫자)?" + _PART_GAP
                            + r"(?P<yy>\d\d)(?P<mm>\d\d)(?P<dd>\d\d)" + _END)
_FRONT_BEFORE = re.compile(r"(?<![0-9A-Za-z_])(?<![0-9][.\-])(?P<yy>\d\d)(?P<mm>\d\d)(?P<dd>\d\d)[ \t]*[,/]?[ \t]*$")
RESIDENT_WORD = re.compile(r"(?:주민[ \t]?(?:등록)?[ \t]?번호|주민등록|주민번|외국인[ \t]?등록|RRN|resident)[^\n]{0,30}$",
                           re.IGNORECASE)
_UNIT_AFTER = re.compile(r"(?:년|원|만|억|명|개|건|회|세|살|%|평|㎡|호|층|번지|kg|cm)")

_CENTURY = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}


def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text.translate(_TO_ASCII))


def _born(yy: str, mm: str, dd: str, century: int) -> dt.date | None:
    try:
        return dt.date(century + int(yy), int(mm), int(dd))
    except ValueError:
        return None


def _plausible_rrn(m: re.Match[str], today: dt.date) -> bool:
    centuries = [_CENTURY[m["g"]]] if m["g"] else [1900, 2000]
    for century in centuries:
        born = _born(m["yy"], m["mm"], m["dd"], century)
        if born is not None and born <= today:
            return True
    return False


def rrn_check_digit_ok(number: str) -> bool:
    """True when the 13 digits carry a valid pre-2020 check digit (citizens 1-4, foreigners 5-8).

    Numbers issued since October 2020 have a random last digit, so the guard never requires this.
    """
    d = [int(c) for c in _digits(number)]
    if len(d) != 13:
        return False
    total = sum(a * b for a, b in zip(d[:12], (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5), strict=True))
    base = 13 if d[6] >= 5 else 11
    return (base - total % 11) % 10 == d[12]


# six digits or more in a row; led by one digit alone, so that the regex engine skips to the next
# digit fast (a pattern that starts with a repeat is tried at every character: \d{6,} took 40%
# longer on a record); the same runs, whole
_DIGIT_RUN = re.compile(r"\d\d{5,}")


def date_dependent(text: str, today: dt.date) -> str | None:
    """The first future date that six digits of a record's text could name (YYMMDD): the guard
    counts a resident number only when its birth date is past (`_plausible_rrn`), so on that day
    the findings may change. None when nothing in the text can."""
    first: dt.date | None = None  # (\d and int() read full-width digits as they are)
    text = compat_reading(fold(text))[0]  # (①, ⑩ 10, ⒈ 1.: as the guard reads them)
    # a day of the 1900s is past; of the 2000s, only years from this one on can be ahead
    centuries = [c for c in (1900, 2000) if c + 99 >= today.year]
    for m in _DIGIT_RUN.finditer(text):
        run = m.group(0)
        for i in range(len(run) - 5):
            yy = int(run[i : i + 2])
            for century in centuries:
                if century + yy < today.year:
                    continue
                try:
                    day = dt.date(century + yy, int(run[i + 2 : i + 4]), int(run[i + 4 : i + 6]))
                except ValueError:
                    continue
                if day > today and (first is None or day < first):
                    first = day
    return first.isoformat() if first else None


def _looks_like_year(group: str) -> bool:
    return len(group) == 4 and group[:2] in ("19", "20")


def _starts_with_date(digits: str) -> bool:
    if not _looks_like_year(digits[:4]):
        return False
    return _born(digits[2:4], digits[4:6], digits[6:8], int(digits[:2]) * 100) is not None


class _Allow:
    """The configured allowlist: numbers compared by digits, addresses ignoring case."""

    def __init__(self, allow: Iterable[str]) -> None:
        self.numbers: set[str] = set()
        self.texts: set[str] = set()
        for entry in allow:
            entry = str(entry).strip()
            if not entry:
                continue
            self.texts.add(entry.lower())
            if "@" not in entry and not re.search(r"[A-Za-z가-힣]", entry) and len(_digits(entry)) >= 7:
                self.numbers.add(_number_key(entry))

    @classmethod
    def of(cls, allow: Iterable[str]) -> _Allow:
        return allow if isinstance(allow, _Allow) else cls(allow)

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __contains__(self, matched: object) -> bool:
        if not isinstance(matched, str):
            return False
        return matched.strip().lower() in self.texts or (
            "@" not in matched and _number_key(matched) in self.numbers
        )


def allowed_numbers(allow: Iterable[str]) -> _Allow:
    """The configured allowlist (`casekit.yml` `pii.allow`), to ask whether a number or an address
    written is in it (`in`): numbers compared by their digits."""
    return _Allow.of(allow)


def _number_key(text: str) -> str:
    digits = _digits(text)
    if text.lstrip().startswith("+82"):
        digits = "0" + digits[2:].removeprefix("0")
    return digits


# the shortest thing reported is a masked resident number (690721-*******): six digits. The
# non-digits between them are taken possessively (a text with fewer digits fails at once, where
# `(?:\d\D*){6}` tried every way to share them out: it took most of the guard's time on a body)
# a digit of any script (\d), or one that shows as a digit (superscript ¹, circled ①: reader.DIGIT_RANGES)
# (the latter all in the Basic Multilingual Plane: a class of them there is a bitmap; the digits of
# the planes beyond, 𝟎 …, are decimal digits, `\d`)
_DIGIT = "\\d" + "".join(re.escape(chr(cp)) for a, b, _ in DIGIT_RANGES for cp in range(a, b + 1)
                          if not chr(cp).isdecimal()) + "".join(re.escape(chr(cp)) for cp in NUMBER_FORMS if cp <= 0xFFFF)
_SIX_DIGITS = re.compile(f"[{_DIGIT}](?:[^{_DIGIT}]*+[{_DIGIT}]){{5}}")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")  # eight digits, but no number nor address reported is one


# the number forms beyond the Basic Multilingual Plane (🄁 0, … 🄊 9,): a class holding them with the rest is
# a list of ranges tried one by one (`_SIX_DIGITS` twice as slow), so they are looked for apart
_NUMBER_FORMS_BEYOND = re.compile("[" + "".join(re.escape(chr(cp)) for cp in NUMBER_FORMS if cp > 0xFFFF) + "]")


def _maybe_pii(text: str) -> bool:
    """Whether `text` holds an @ or six digits: else nothing in it can be a number or an address
    the guard looks for."""
    return "@" in text or "＠" in text or _SIX_DIGITS.search(text) is not None or (
        not text.isascii() and _NUMBER_FORMS_BEYOND.search(text) is not None
        and _SIX_DIGITS.search(compat_reading(fold(text))[0]) is not None)


def find_pii(
    text: str, allow: Iterable[str] = (), *, today: dt.date | None = None, bidi: bool = True
) -> list[tuple[str, int, str]]:
    """(code, offset, matched text) for each personal number or address in `text`, in text order.
    `bidi`: also in the order a browser draws the text where it holds right-to-left text (`bidi.displayed`:
    \u200f1001_0000_010 shows 010_0000_1001), found at the characters it is drawn from."""
    allowed = _Allow.of(allow)
    found = list(_find_pii(text, allowed, today))
    drawn = displayed(text) if bidi else None
    if drawn is None:
        return found
    shown, at = drawn
    hits = []
    for code, offset, matched in _find_pii(shown, allowed, today):
        spread = at[offset:offset + len(matched)]
        hits.append((code, min(spread), text[min(spread):max(spread) + 1]))
    return _with_drawn(found, hits)


# what a number is taken for where two readings of the same characters differ (as written, as drawn):
# the stronger, an error before a warning (١٠٠١-٠٠٠٠-٠١٠, written as an account's digits, is drawn as a phone)
_STRENGTH = {RESIDENT: 0, CARD_CODE: 1, LICENSE_CODE: 1, PASSPORT_CODE: 1, PHONE_CODE: 2, EMAIL_CODE: 2,
             BANK_ACCOUNT_CODE: 3, ACCOUNT_CODE: 4}


def _with_drawn(found: list[tuple[str, int, str]], drawn: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """`found` (in text order, none overlapping) with the numbers `drawn`, found where the text is drawn
    otherwise than written: one that shares characters with numbers found takes their place when it is
    stronger (`_STRENGTH`), else is left out (٠١٠-١٢٣٤-٥٦٧٨ is a phone, not also the account it is drawn as)."""
    starts = [f[1] for f in found]
    ends = [f[1] + len(f[2]) for f in found]
    replaced: set[int] = set()
    added = []
    for code, start, matched in drawn:
        over = range(bisect.bisect_right(ends, start), bisect.bisect_left(starts, start + len(matched)))
        if all(_STRENGTH[found[i][0]] > _STRENGTH[code] for i in over):
            replaced.update(over)
            added.append((code, start, matched))
    if not added:
        return found
    return sorted([f for i, f in enumerate(found) if i not in replaced] + added, key=lambda f: f[1])


def _find_pii(text: str, allow: Iterable[str], today: dt.date | None) -> Iterator[tuple[str, int, str]]:
    """`find_pii` of `text` as written."""
    words = _has_word_number(text) or (IGNORABLE_RE.search(text) is not None
                                        and _has_word_number(IGNORABLE_RE.sub("", text)))
    if not words and not _maybe_pii(text):
        read = digits_unconfused(text)  # (010-OOOO-lOOl holds three digits)
        if read is None or not _maybe_pii(read):
            return
    view, index = _view(text)
    allowed = _Allow.of(allow)
    today = today or clock.today()
    hits: list[tuple[int, int, str]] = []
    taken = bytearray(len(view))  # 1 where an earlier, stronger match sits

    def take(start: int, end: int, code: str) -> None:
        hits.append((start, end, code))
        taken[start:end] = b"\x01" * (end - start)

    def free(start: int, end: int) -> bool:
        return taken.find(1, start, end) < 0

    def glued_to_unit(end: int) -> bool:
        return _UNIT_AFTER.match(view, end) is not None

    for m in RRN.finditer(view):
        if _plausible_rrn(m, today) and not glued_to_unit(m.end()):
            take(m.start(), m.end(), RESIDENT)
    for start, end in _resident_parts(view, today) if "뒤" in view or "뒷" in view else ():
        if free(start, end) and not glued_to_unit(end):
            take(start, end, RESIDENT)
    for m in EMAIL.finditer(view):
        if free(*m.span()):
            take(m.start(), m.end(), EMAIL_CODE)
    for m in PHONE.finditer(view):
        if free(*m.span()) and not glued_to_unit(m.end()):
            take(m.start(), m.end(), PHONE_CODE)
    for read in word_readings(view) if words else ():  # (a number in Korean digit words)
        for m in RRN.finditer(read):
            if read[m.start():m.end()] != view[m.start():m.end()] and free(*m.span()) and _plausible_rrn(m, today) \
                    and not glued_to_unit(m.end()):
                take(m.start(), m.end(), RESIDENT)
        for m in PHONE.finditer(read):
            if read[m.start():m.end()] != view[m.start():m.end()] and free(*m.span()) and not glued_to_unit(m.end()):
                take(m.start(), m.end(), PHONE_CODE)
    for m in INTL_PHONE.finditer(view):
        if free(*m.span()) and len(_digits(m.group(0))) in _INTL_DIGITS and not glued_to_unit(m.end()):
            take(m.start(), m.end(), PHONE_CODE)
    for m in LICENSE.finditer(view) if _LICENSE_DIGITS.search(view) else ():
        if free(*m.span()) and not glued_to_unit(m.end()):
            take(m.start(), m.end(), LICENSE_CODE)
    for m in PASSPORT.finditer(view):
        if free(*m.span()) and _word_before(PASSPORT_WORD, view, m.start()) and not glued_to_unit(m.end()):
            take(m.start(), m.end(), PASSPORT_CODE)
    for m in CARD.finditer(view):
        card = luhn_ok(_digits(m.group(0))) or _word_before(CARD_WORD, view, m.start())
        if free(*m.span()) and card and not glued_to_unit(m.end()):
            take(m.start(), m.end(), CARD_CODE)
    for m in ACCOUNT.finditer(view):
        groups = re.split(r"\\?-", m.group(0))
        n = len(_digits(m.group(0)))
        if (
            10 <= n <= 14
            and free(*m.span())
            and not _looks_like_year(groups[0])
            and [len(g) for g in groups] != [3, 2, 5]  # 사업자등록번호, published by businesses
            and not glued_to_unit(m.end())
        ):
            take(m.start(), m.end(), BANK_ACCOUNT_CODE if _bank_before(view, m.start()) else ACCOUNT_CODE)
    for m in SPACED_ACCOUNT.finditer(view):
        if free(*m.span()) and _spaced_account(view, m) and not glued_to_unit(m.end()):
            take(m.start(), m.end(), BANK_ACCOUNT_CODE)
    for m in BARE_DIGITS.finditer(view):
        if (
            free(*m.span())
            and _bank_before(view, m.start())
            and not _starts_with_date(m.group(0))
            and not glued_to_unit(m.end())
        ):
            take(m.start(), m.end(), BANK_ACCOUNT_CODE)

    for start, end, code in sorted(hits):
        if view[start:end].translate(WORD_DIGITS) in allowed:
            continue
        if index is not None:
            start, end = index[start], index[end - 1] + 1
        yield code, start, text[start:end]


def _bank_before(view: str, start: int) -> bool:
    """Whether a bank's word (계좌, 통장, 입금, 국민은행 …) comes before `start` on its line, at most
    40 characters before: the number is an account's, not a case's or a document's."""
    return _word_before(BANK_WORD, view, start)


def _spaced_account(view: str, m: re.Match[str]) -> bool:
    """Whether a match of SPACED_ACCOUNT is an account's number: its groups apart (ACCOUNT reads those
    joined by hyphens), 10-14 digits with a group of four or more, not led by a year nor shaped like a
    business registration number (3-2-5), no group of digits right before or after it, and a bank's word
    before it on its line."""
    number = m.group(0)
    groups = _GROUPS.findall(number)
    sizes = [len(g) for g in groups]
    return (
        (" " in number or "\t" in number)
        and 10 <= sum(sizes) <= 14
        and max(sizes) >= 4
        and sizes != [3, 2, 5]
        and not _looks_like_year(groups[0])
        and _GROUP_AFTER.match(view, m.end()) is None
        and _GROUP_BEFORE.search(view, max(0, m.start() - 8), m.start()) is None
        and _bank_before(view, m.start())
    )


def _resident_parts(view: str, today: dt.date) -> Iterator[tuple[int, int]]:
    """(start, end) of each part of a resident registration number written in two parts under their words
    (주민번호 앞자리 850315 뒷자리 2345678; 생년월일 850315, 주민번호 뒷자리 2345678): the back part's seven digits
    after its word (`RESIDENT_BACK`) with a word for the number before them on their line (`RESIDENT_WORD`),
    and the birth date written as the front part near them, under 앞자리 … (`RESIDENT_FRONT`) or right before
    the back part's word, when it is a real day past for the back part's century."""
    for m in RESIDENT_BACK.finditer(view):
        if not _word_before(RESIDENT_WORD, view, m.start()):
            continue
        yield m.start("back"), m.end("back")
        lo, hi = max(0, m.start() - 40), min(len(view), m.end() + 40)
        lo = view.rfind("\n", lo, m.start()) + 1 or lo  # (on its line)
        if (line_end := view.find("\n", m.end(), hi)) >= 0:
            hi = line_end
        fronts = list(RESIDENT_FRONT.finditer(view, lo, hi))
        before = _FRONT_BEFORE.search(view, lo, m.start())
        if before is not None:
            fronts.append(before)
        for f in fronts:
            born = _born(f["yy"], f["mm"], f["dd"], _CENTURY[m["back"][0]])
            if born is not None and born <= today:
                yield f.start("yy"), f.end("dd")


def _word_before(words: re.Pattern[str], view: str, start: int) -> bool:
    """Whether one of `words` (a pattern ending in `$`) comes before `start` on its line, at most
    40 characters before."""
    window = max(0, start - 40)
    line_start = view.rfind("\n", window, start) + 1 or window
    return words.search(view, line_start, start) is not None


def luhn_ok(digits: str) -> bool:
    """Whether a card number's last digit is its check digit (the Luhn formula every card uses)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


# where a number may run on past a line break (a soft break is a space on the page; `>` starts a
# quote's next line) or a table's cell border (`| 010 | 0000 | 1001 |` reads as the number); the
# spaces taken whole (possessive: a digit, a line break and 400,000 spaces tried every split of them:
# a line of `* * * …` took nine minutes)
_BREAK = re.compile(r"(?:[ \t]*+(?:\n[ \t]*+(?:>[ \t]*+)*+|\|))++[ \t]*+")
_DIGIT_BREAK_DIGIT = re.compile(r"[0-9)\-.](?:[ \t]*+(?:\n[ \t]*+(?:>[ \t]*+)*+|\|))++[ \t]*+[0-9+(\-.]")


def _digit_at(text: str, i: int) -> bool:
    """Whether `text[i]` is an ASCII digit. A line ending in a hyphen right after a digit, the next line
    starting with one, is a number going on on the next line (1234-5678-⏎9012-3456), which a page shows
    with a space after the hyphen (`1234-5678- 9012-3456`, no separator a card's or an account's number
    is written with): `_across_breaks` reads it without the space, as the number written on one line."""
    return 0 <= i < len(text) and "0" <= text[i] <= "9"


def _across_breaks(text: str, allowed: _Allow, today: dt.date | None = None) -> Iterator[tuple[str, int, int]]:
    """(code, offset in `text`, offset of its last character) of each number that only reads whole across a line break or a
    table cell's border, the breaks read as the space a page shows; and, where a line ends in a digit
    and the next starts with one, read without it too: 010-2345-67⏎89 shows 010-2345-67 89, a number
    a reader reads whole (the groups of a number are not written with a space inside one)."""
    if "\n" not in text and "|" not in text or _DIGIT_BREAK_DIGIT.search(text) is None:
        return
    glued = False
    for digits in (False, True):
        parts: list[str] = []
        starts: list[int] = []  # where each part begins in the joined text
        origins: list[int] = []  # and in `text`
        breaks: list[int] = []  # joined offsets of the spaces put for breaks (or of what follows a break read as none)
        pos = joined = 0
        for m in _BREAK.finditer(text):
            if "\n" not in m.group(0) and "|" not in m.group(0):
                continue
            parts.append(text[pos : m.start()])
            starts.append(joined)
            origins.append(pos)
            joined += m.start() - pos
            breaks.append(joined)
            pos = m.end()
            if "\n" in m.group(0) and _digit_at(text, pos):
                before = text[m.start() - 1 : m.start()]
                if before == "-" and _digit_at(text, m.start() - 2):
                    continue  # (a line ending in a group's hyphen runs on into the next group: `_digit_at`)
                if _digit_at(text, m.start() - 1):
                    glued = True
                    if digits:
                        continue  # (a digit on either side: read as one group too)
            parts.append(" ")
            joined += 1
        parts.append(text[pos:])
        starts.append(joined)
        origins.append(pos)
        for code, offset, matched in find_pii("".join(parts), allowed, today=today, bidi=False):
            k = bisect.bisect_right(breaks, offset)
            if k < len(breaks) and breaks[k] < offset + len(matched):
                i = bisect.bisect_right(starts, offset) - 1
                j = bisect.bisect_right(starts, offset + len(matched) - 1) - 1
                yield code, origins[i] + offset - starts[i], origins[j] + offset + len(matched) - 1 - starts[j]
        if not glued:
            return


def scan_text(
    text: str, rel: str, first_line: int, allow: Iterable[str] = (), today: dt.date | None = None
) -> list[Finding]:
    """Findings for a Markdown body that starts at file line `first_line`: exact line and column.
    `today`: the day a resident number's birth date must be past by (None: today)."""
    out: list[Finding] = []
    if not text:
        return out
    allowed = _Allow.of(allow)
    rt = reader_text(text)  # entities and escapes decoded, as a reader sees it
    hits = {(rt.source_offset(offset), code) for code, offset, _ in find_pii(rt.text, allowed, today=today, bidi=False)}
    across = list(_across_breaks(rt.text, allowed, today))
    hits |= {(rt.source_offset(offset), code) for code, offset, _ in across}
    drawn = rt.displayed()  # (right-to-left text, as it is drawn: \u200f1001_0000_010 shows 010_0000_1001)
    if drawn is not None:
        drawing, places = drawn
        hits |= {(rt.source_offset(min(places[offset:offset + len(matched)])), code)
                 for code, offset, matched in find_pii(drawing, allowed, today=today, bidi=False)}
        hits |= {(rt.source_offset(places[offset]), code) for code, offset, _ in _across_breaks(drawing, allowed, today)}
    for at, markup in rt.markup:  # a tag's attributes, a link's address and comments are published too
        shown = markup_text(markup)  # as a tooltip or the status bar shows it: at the tag when decoded
        hits |= {(at + offset if shown == markup else at, code)
                 for code, offset, _ in find_pii(shown, allowed, today=today)}
    if not hits:
        return out
    if any(code == ACCOUNT_CODE for _, code in hits):  # (a number a line holds a part of, read whole across
        # its break as stronger: 카드 1234-5678-9012-⏎3456 is a card's number, not also an account's on a line)
        stronger = {at for at, code in hits if code != ACCOUNT_CODE}
        spans = [(rt.source_offset(a), rt.source_offset(b)) for code, a, b in across if code != ACCOUNT_CODE]
        hits = {(at, code) for at, code in hits if code != ACCOUNT_CODE
                or not (at in stronger or any(a <= at <= b for a, b in spans))}
    starts = _line_starts(text)
    lines = text.split("\n")
    # whether a line allows what it holds: each line searched once (for each hit, a body of one
    # long line with 69,000 numbers took 13 s of its check's 18)
    allows: dict[int, bool] = {}
    for offset, code in sorted(hits):
        line, col = _position(starts, offset)
        if code not in NOT_ALLOWED_INLINE:
            if line not in allows:
                allows[line] = INLINE_ALLOW.search(lines[line]) is not None
            if allows[line]:
                continue
        out.append(finding(code, rel, first_line + line, col))
    return out


def scan_parsed(
    parsed: Parsed, rel: str, sensitive: list[tuple[Any, ...]], allow: list[str], today: dt.date | None = None
) -> list[Finding]:
    """Findings for PII in the body (and the lines above a front matter that does not start the file)
    and in every published (not sensitive, not public) front-matter value.

    `sensitive` are the paths not to scan (`SchemaSet.unscanned_paths`). A body finding points at
    the match itself; a field finding at the match too when the value stands on its line as it
    reads, else at the start of the field's value. `today`: as `scan_text`'s (a check's day, the
    same its cached findings are kept until: `date_dependent`).
    """
    allowed = _Allow.of(allow)
    out = scan_text(parsed.lead, rel, 1, allowed, today) if parsed.lead.strip() else []  # (above a front matter found lower)
    out += scan_text(parsed.body, rel, parsed.body_line, allowed, today)
    if parsed.data is not None:
        seen: set[tuple[str, int, int]] = set()
        # the few values that could hold PII, then those of them outside the sensitive paths
        # (both filters keep order: in this order the paths are matched for one value, not thirty)
        candidates = list(_candidates(parsed.leaves()))
        for path, text in outside(candidates, [tuple(p) for p in sensitive]) if candidates else ():
            found = find_pii(text, allowed, today=today)
            if not found:
                continue
            line, at = parsed.where(path)
            # (where the value starts on its line, found once for all its numbers: a value of a megabyte
            # compared again for each of its 75,000 numbers took minutes)
            start = value_start(parsed.line_text(line), at, text)
            for code, offset, _ in found:
                col = at if start is None else start + offset + 1  # (at the number: `note: "연락처 010-…"`)
                if (code, line, col) not in seen:
                    seen.add((code, line, col))
                    out.append(finding(code, rel, line, col))
    return out


def scan_values(values: Iterable[tuple[str, int, int]], rel: str, allow: Iterable[str] = (),
                today: dt.date | None = None, line_of: Callable[[int], str] | None = None) -> list[Finding]:
    """Findings for the published texts `(text, line, column)` of a settings file (mkdocs.yml's site name,
    copyright, menu labels, extra texts: on every page), each at the number where the text is written on
    its line as it reads (`line_of`: the file's text of a line), else at the text."""
    allowed = _Allow.of(allow)
    out: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for text, line, column in values:
        found = find_pii(text, allowed, today=today) if _worth_scanning(text) else []
        start = value_start(line_of(line), column, text) if found and line_of is not None else None
        for code, offset, _ in found:
            at = column if start is None else start + offset + 1
            if (code, line, at) not in seen:
                seen.add((code, line, at))
                out.append(finding(code, rel, line, at))
    return out


def _candidates(leaves: list[tuple[tuple[Any, ...], Any]]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, text) of the published values that could hold what find_pii reports: most cannot
    (a date, a code, a short text)."""
    for path, value in leaves:
        if isinstance(value, str):
            if _worth_scanning(value):
                yield path, value
        elif isinstance(value, int) and not isinstance(value, bool):
            text = str(value)  # an unquoted 13-digit number is still a resident number
            if _maybe_pii(text):
                yield path, text


@functools.lru_cache(maxsize=1 << 16)
def _worth_scanning(value: str) -> bool:
    """A published text value that could hold what find_pii reports. Values repeat from record
    to record (a status, a programme, a date), so the answer is remembered."""
    return (_maybe_pii(value) and not _DATE_ONLY.fullmatch(value)) or _has_word_number(value)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    """0-based line index and 1-based column of `offset`."""
    i = bisect.bisect_right(starts, offset) - 1
    return i, offset - starts[i] + 1
