"""Where x-sensitive values, or a variant of one, turn up in published text, across the whole casebook.

Every value of an `x-sensitive` field (a client's name, a phone number, a birth date, an address)
is turned into its *variants* and put once into one Aho-Corasick automaton (pyahocorasick: made
from 100,000 values in a tenth of a second, where a regular expression of them took seconds to
compile), so every body and published field of every record, every resource and every page of
`docs/` is scanned in a single pass each, whatever the number of cases.

Matching happens on the text as a reader sees it: `reader_text` turns Markdown/HTML source into
that text (tags and comments dropped, entities and backslash escapes decoded, `*`/`~`/`` ` ``
markup dropped) with a map back to the source. The index then folds look-alikes (full-width
digits and letters, Unicode dashes, the Hangul `ㅡ` used as a dash, odd spaces) and ignores
*separators* between characters: white space, `-` `.` `/` `(` `)`, middle dots `·ㆍ•‧・` and other
dots (`․` `。`), zero-width characters, markup characters, `※` and pictographs (emoji, arrows,
shapes); between the two syllables of a given name, `!` and `?` too (영!!희). Latin letters are compared by their base
letters (`reader.base_letters`, in the values and in the text alike: `Lê Thị Hương` is kept as
`lethihuong`, and `Le Thi Huong`, `LE THI HUONG` are found), and a match of Latin letters only counts
as a word of its own (not `Le An` in `clean`). Between two digits, up to three other marks (`=`,
`+`, `→`, `&` …) or one Latin letter that is no hex digit (`x`) join a number's groups too (`_JOIN`), and a Latin
letter touching a number is no edge of it (only a digit is). So `탁 해 온`, `탁·해온`, `탁**해온**`,
`010)0000ㅡ1001`, `010=0000=1001`, `HP010-0000-1001` and `６９０７２１` are all found. Which variant
matched is reported (`Hit.variant`):

| variant | example for the value | code (severity) |
|---|---|---|
| `exact` | the value itself (case and white space ignored) | `sensitive-in-text` (error) |
| `spaced` | a name with spaces, dots, hyphens, markup between syllables | `sensitive-variant-in-text` (error) |
| `number` | a phone, resident or account number with other separators, or none; `+82`, `0082` | same |
| `date` | `1958-03-17` as `1958년 3월 17일`, `58년생 3월 17일`, `1958年3月17日`, `58.03.17`, `1958.3.17`, `1958/03/17`, `1958_03_17`, `1958‧03‧17`, `3월 17일(1958년)`, `580317`, `17.03.1958`, `3/17/1958`, `3/17/58`, `17.3.58`, in digits spelled apart `5 8 0 3 1 7`, `1 9 5 8 - 0 3 - 1 7`, in Korean number words `일구오팔년 삼월 십칠일`, `오팔년 삼월 십칠일생`, `천구백오십팔년 삼월 십칠일`, `삼월 십칠일(일구오팔년)`, in digit words alone `오팔공삼일칠`, `일구오팔-공삼-일칠`, in number words apart `일구오팔. 삼. 십칠`, `일구오팔 삼 십칠`, `오팔. 삼. 십칠`, in CJK numerals `一九五八年三月十七日`, `五八〇三一七`, `一九五八.三.一七`, `壹玖伍捌年參月拾柒日` | same |
| `resident-front` | the first 7 characters `690721-1`, or the first 6 digits before a hyphen | same |
| `address-detail` | `103동 1502호` (`1502호 103동`, `103-1502`, `백삼동 천오백이호`), `1502호`, `나래로 12`, `101-1 2층` (`2층 101-1`); a lot as `나래동 101번지 1호`, `101번지의 1`, `101번지 1`, `제101-1호`, `산101-1` | same |
| `unaccented` | a name in Latin letters with its accents dropped or changed: `Le Thi Huong`, `TranVanHung`, `Trần Văn Hung` for `Trần Văn Hùng` | same |
| `name-order` | a name in Latin letters in another order: `Hùng Trần Văn`, `Hung Van Tran`; its family and given name alone (`Hung Tran`, `Tran Hung`) where no word of another name (a capitalised Latin word, not a title) touches them | same |
| `romanized` | a Korean name in Latin letters (`romanize`): `Kim Minsu`, `Min-su Kim`, `GIM MIN SU`, `Kim Minsoo` for `김민수`, as a word of its own | same |
| `jamo` | a Hangul value with its letters typed apart (`reader.compose_jamo`): `ㅌㅏㄱㅎㅐㅇㅗㄴ`, `ㅌㅏㄱ ㅎㅐ ㅇㅗㄴ`, `ㅌ ㅏ ㄱ ㅎ ㅐ ㅇ ㅗ ㄴ`, `타ㄱ해온`, conjoining jamo NFC left apart | same |
| `name-part` | a person's field's name without its title or relationship (`정보람` of `정보람 팀장`) | same |
| `given-name` | the given name alone (`해온` for `탁해온`; `티린`, `린 씨` for `응우옌 티 린`; `Huong` for `Lê Thị Hương`, `Maria` for `Maria Santos`: `_latin_given`; `Minsu`, `Minsoo` for `김민수`) | `given-name-in-text` (warning: masked in bodies); in a front-matter value or a text of mkdocs.yml, `given-name-in-field` (error: published as written); in a docs/ file's or folder's name, `given-name-in-name` (error) |

Given names collide with ordinary words, so `check` only warns of one in a body, and a line
holding `<!-- casekit: name-ok -->` is exempt; the published bodies mask them (`SensitiveIndex.mask`).
A front-matter value is published as written: there it is an error, as in a text of mkdocs.yml.
A given name alone counts as a word only in its own case's records (`scope_of`): in a casebook of
thousands of clients, most two-syllable words are somebody's given name. Elsewhere (another
case's records, a resource, docs/, mkdocs.yml) every client's and every resource contact's given
name counts where Korean marks it as a person's (`CUES_GLUED` …: 민호 씨와, 지윤 주무관에게, 지윤이가;
`SensitiveIndex.cued_hits`). A file's or folder's name is published in the site's addresses, where
nothing is masked: a given name as a word of its own there (`지윤.png`), or after a cue, is
`given-name-in-name`, an error (`name_given_hits`). Every other variant counts everywhere.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import html
import itertools
import json
import math
import pickle
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import ahocorasick

from casekit.core.bidi import displayed
from casekit.core.findings import Finding, finding
from casekit.core.pii import WORD_DIGIT_CHARS, WORD_DIGITS, word_readings
from casekit.core.reader import (
    JAMO_CHARS,
    JAMO_RE,
    LATIN_MARKED,
    Offsets,
    ReaderText,
    base_letters,
    compat_reading,
    compose_jamo,
    digits_unconfused,
    fold,
    idna_decoded,
    markup_text,
    reader_text,
    unstruck,
    unstruck_offset,
)
from casekit.core.reader import SEP_CHARS as _SEP_CHARS
from casekit.core.romanize import FAMILY, given_romanizations, romanizations
from casekit.core.schemas import field_name
from casekit.core.site_settings import SETTINGS_FILE
from casekit.core.source import Parsed, value_start, within

MIN_LENGTH = 2
# the longest sensitive value looked for: a real one (a name, a phone, a birth date; an address, the
# longest, is a line) is far shorter. Past it a value is text pasted into the field, no value: its
# canonical form, one word of the index, made every search of a text take the square of that word's
# length (pyahocorasick follows the word's prefixes back from each character of a text that repeats
# it: 100,000 syllables of `client.address` held `casekit check` for minutes). Such a value is left
# out of the index, and `values_too_long` says so, at the value, as an error: a value no text is
# searched for is not protected, and the site is not built with it
MAX_VALUE = 300
# the most matches of the index's words a character of a text may hold, on average, before the rest of
# the text is one hit of the values matched: a real text holds a few in all (a phone number written
# out is three or four of its forms ending at one digit). Values nested in each other (client names
# 가가, 가가가 … 가×300 in 299 cases) and a text of 가 made every character hold hundreds: 40,000
# characters took 8 s, a megabyte minutes and gigabytes, each match a tuple sorted. Reported so, the
# text fails check (sensitive-in-text) and is masked whole from there, never published.
FLOOD = 16
_SPACE = re.compile(r"\s+")
NAME_OK = re.compile(r"<!--\s*casekit:\s*name-ok\s*-->")
# the same for a front-matter value, whose line is YAML: `- "도움을 요청할 줄 앎"  # casekit: name-ok`
NAME_OK_FIELD = re.compile(r"#\s*casekit:\s*name-ok\b")
MASK_CHAR = "○"

EXACT, SPACED, NUMBER, DATE, RESIDENT_FRONT, ADDRESS, NAME_PART, GIVEN = (
    "exact", "spaced", "number", "date", "resident-front", "address-detail", "name-part", "given-name",
)
UNACCENTED, NAME_ORDER, ROMANIZED = "unaccented", "name-order", "romanized"
JAMO = "jamo"  # (a value found once the Hangul letters typed apart in the text are composed: `compose_jamo`)
_DASH_I = re.compile("-[ㅣ\u1175]")  # (ㅡㅣ folded, or a mark before ㅣ: `SensitiveIndex._with_jamo`)
NAME_PAIR = NAME_ORDER + "-2"  # (two words of a longer name: only where no word of another name touches them: `_touches_a_name`)
VARIANT_KO = {
    SPACED: "띄어 쓰거나 기호를 넣은 값",
    NUMBER: "구분 기호를 바꾼 번호",
    DATE: "다른 형식으로 쓴 날짜",
    RESIDENT_FRONT: "주민등록번호 앞자리",
    ADDRESS: "상세 주소",
    NAME_PART: "직함이나 관계를 뺀 이름",
    GIVEN: "성을 뺀 이름",
    UNACCENTED: "성조·악센트 부호를 빼거나 바꿔 쓴 로마자",
    NAME_ORDER: "성과 이름의 순서를 바꾼 로마자 이름",
    ROMANIZED: "로마자로 적은 한글 이름",
    JAMO: "자모로 풀어 쓴 글자",
}
_RANK = {EXACT: 0, RESIDENT_FRONT: 1, NUMBER: 2, DATE: 3, ADDRESS: 4, NAME_PART: 5, SPACED: 6, UNACCENTED: 6,
         ROMANIZED: 6, JAMO: 6, NAME_ORDER: 7, GIVEN: 8}

_SEPS = re.compile(f"[{_SEP_CHARS}]+")
# the separators but white space (`\s`, first in the set): `_compact` drops white space with str.split
_SEPS_NOT_SPACE = re.compile("[" + _SEP_CHARS.replace("\\s", "", 1) + "]+")
_KEEP = re.compile(f"[^{_SEP_CHARS}]+")
_HANGUL = re.compile(r"[가-힣]")
_NAME = re.compile(r"[가-힣]{2,5}")
_SPACED_NAME = re.compile(r"[가-힣]{1,4}(?: [가-힣]{1,2}){2,3}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DIGITISH = re.compile(r"\+?[0-9][0-9 \-./()]*[0-9]")
# a date as people write it: 1958-03-17, 1958.3.17, 1958/03/17, 1958년 3월 17일, 58.03.17, 19580317, 580317
# (Latin letters around a date do not hide it: DOB1969-07-21, b19690721; only the six digits alone
# need none, see `_date_hits`). The marks between its parts: - . / and what else is typed there
# (1969_07_21, 1969=07=21, 1969;07;21, 1969~07~21), and the dots drawn at mid-height or low that a
# form or a word processor puts there (1969·07·21, 1969‧07‧21, 1969・07・21, 1969。07。21: the
# separators of `reader.SEP_CHARS` that are dots; `．` is folded to `.`); never `:` nor `,` (10:05:31
# is a time, 12,05,31 a list)
_DATE_DOTS = "·ㆍ•‧・∙⋅․⸱·･。｡"
_DATE_MARKS = "-./_=;~" + _DATE_DOTS
_DATE_TEXT = re.compile(  # the first digit leads (a fast scan), then: not inside a longer number
    rf"(\d)(?<![0-9].)(?<![0-9][{_DATE_MARKS}].)(?:"
    # in words, Korean or CJK (1969年7月21日, as a Chinese or Japanese document writes it)
    r"(?P<y1>\d{3}|\d)[ \t]*[년年](?:[ \t]*[생生])?[ \t]*,?[ \t]*(?P<m1>\d{1,2})[ \t]*[월月][ \t]*(?P<d1>\d{1,2})(?:[ \t]*[일日])?"
    # the same mark between the parts: 1958.3.17, 58. 3. 17. (never 16 6.5, as icons' drawings hold)
    rf"|(?P<y2>\d{{3}}|\d)[ \t]*(?P<sep>[{_DATE_MARKS}])[ \t]*(?P<m2>\d{{1,2}})[ \t]*(?P=sep)[ \t]*(?P<d2>\d{{1,2}})"
    # spaces alone only after a four-digit year (10 12 5 is a drawing's numbers, or a list's)
    r"|(?P<y3>\d{3})[ \t]+(?P<m3>\d{1,2})[ \t]+(?P<d3>\d{1,2})"
    r"|(?P<digits>\d{7}|\d{5})"
    # the month and day first, a four-digit year after them in words: 7월 21일(1969년), 7월 21일, 1969년
    # (two digits there are more often a span of years: 3월 5일, 10년 만에)
    r"|(?P<m4>\d?)[ \t]*[월月][ \t]*(?P<d4>\d{1,2})[ \t]*[일日][ \t]*[(,]?[ \t]*(?P<y4>\d{4})[ \t]*[년年])"
    rf"(?![0-9])(?![{_DATE_MARKS}][0-9])"
)
# a date with its digits spelled apart, each alone between spaces (6 9 0 7 2 1, 1 9 6 9 - 0 7 - 2 1, as a
# hand that hides it types one): read with each run of such digits joined (`_SPELLED_RUN`, two digits
# or more: 0 7), where three digits with spaces between them are (`_SPELLED_HINT`: rare, so looked for
# first, in a third of the time of looking for the runs)
_SPELLED_HINT = re.compile(r"[0-9][ \t]{1,2}[0-9][ \t]{1,2}[0-9]")
# A run of four such digits or more may also have a group of two or four digits before it and one or
# two groups of two after it, joined with it (6 9 0 7 21, 1 9 6 9 07 21, 1969 0 7 2 1, 69 0 7 2 1:
# the last digits typed together once the hand tired); fewer would take a list of numbers for a
# date (1 2 10 15), and groups alone stay apart (69 07 21: a timeline's marks, see README)
_SPELLED_RUN = re.compile(r"(?<![0-9])(?:(?:[0-9]{2}){1,2}[ \t]{1,2})?[0-9](?![0-9])(?:[ \t]{1,2}[0-9](?![0-9])){3,}"
                          r"(?:[ \t]{1,2}[0-9]{2}(?![0-9])){0,2}"
                          r"|(?<![0-9])[0-9](?![0-9])(?:[ \t]{1,2}[0-9](?![0-9]))+")
# what a date so read may not stand beside: a number, a Latin letter touching it, or one alone (a drawing's
# path data, `a3 3 0 0 0 3-3`, `1.2 1.2 0 0 1`, `M 6 9 0 7 2 1 L`, is digits apart too); a word (DOB) may
_SPELLED_BEFORE = re.compile(r"(?:[0-9.,+\-][ \t]*|(?<![A-Za-z])[A-Za-z][ \t]*|[A-Za-z])\Z")  # (searched before it)
_SPELLED_AFTER = re.compile(r"[ \t]*(?:[0-9,+\-]|\.[ \t]*[0-9])|[A-Za-z]|[ \t]+[A-Za-z](?![A-Za-z])")
# the year last, as other countries write it (a client from abroad, a form copied): 21.07.1969 (day
# first), 7/21/1969 (month first), and with two digits of a year (21.7.69, 7/21/69, as an American
# or a British form writes a birth date); both readings are tried, and both centuries. Two digits
# of a year only after - . / or a dot (`_DATE_DOTS`): 21~7~69 is a range, 21=7=69 a sum
_DATE_YEAR_LAST = re.compile(
    rf"(\d)(?<![0-9].)(?<![0-9][{_DATE_MARKS}].)(\d?)[ \t]*([{_DATE_MARKS}])[ \t]*(\d{{1,2}})[ \t]*\3[ \t]*(\d{{4}}|\d{{2}})"
    rf"(?![0-9])(?![{_DATE_MARKS}][0-9])"
)
_SHORT_YEAR_MARKS = "-./" + _DATE_DOTS
# a line break inside a date, the date going on on the next line (of a paragraph, or of a quote: `> `),
# after one of its parts' marks (1969-07-⏎21, 1969.⏎7. 21., 1969년⏎7월 21일) or before one (1969⏎-07-21):
# a page shows a space there, and `_DATE_TEXT` reads none across a line (texts are joined with line feeds:
# `_part_clean`). `SensitiveIndex.broken_date_hits` reads the dates across these breaks (`_date_line_breaks`:
# each line feed found by this pattern, led by the line feed, then what stands before it looked at)
_DATE_LINE_BREAK = re.compile(rf"\n(?:[ \t]*>)*[ \t]*(?=[0-9]|[{_DATE_MARKS}][ \t]*[0-9])")
_DATE_PART_END = frozenset(_DATE_MARKS + "년월年月")
# a line break, or spaces, INSIDE one of a date's groups of digits (1969-0⏎7-21, 19⏎69-07-21, 1969-07-2 1):
# a page shows a space there (a soft line break is drawn as one), which a reader reads through. Only
# where the rest has a date's marks, one gap per date: a list's or a timeline's numbers (69 07 21,
# 1200⏎3400) stay apart (a resident number's front split, 6907⏎21-1234567, is `pii`'s).
# `SensitiveIndex.broken_date_hits` reads each such date with its gap (groups y, m, d) taken out
_GAP = r"(?:[ \t]*\n(?:[ \t]*>)*[ \t]*|[ \t]+)"
_MARK = rf"[ \t]*[{_DATE_MARKS}][ \t]*"
# The year is one of four digits: with two (0 0-3-3, 10-0 3-3) the numbers of an icon's drawing on
# every page of the site (an SVG path) read as 2000-03-03 and 2010-03-03, which a client born so failed
_GROUP_GAP = re.compile(
    rf"\d(?<![0-9].)(?:(?:(?P<y>{_GAP})\d{{3}}|\d(?P<y2>{_GAP})\d\d|\d\d(?P<y3>{_GAP})\d){_MARK}\d{{1,2}}{_MARK}\d"
    rf"|\d{{3}}{_MARK}\d(?P<m>{_GAP})\d{_MARK}\d"  # (the first digit leads: a fast scan)
    rf"|\d{{3}}{_MARK}\d{{1,2}}{_MARK}\d(?P<d>{_GAP})\d(?![0-9]))"
)


def _date_line_breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) in `text` of each line break (its spaces and a quote's `>` with it) inside a date
    (`_DATE_LINE_BREAK`): after a digit and a part's mark, a digit next, or after a digit, a mark next."""
    out = []
    for m in _DATE_LINE_BREAK.finditer(text):
        start = m.start()
        while start and text[start - 1] in " \t":
            start -= 1
        before = text[max(start - 2, 0):start]
        if len(before) < 2:
            continue
        if text[m.end()].isdigit():
            if before[0].isdigit() and before[1] in _DATE_PART_END:
                out.append((start, m.end()))
        elif before[1].isdigit():
            out.append((start, m.end()))
    return out
# in English, as a passport, a foreign registration card or a form copied from abroad writes a birth
# date (a probe published `July 21, 1969` and `21 July 1969`): the month's name or its abbreviation,
# the day before or after it, a four-digit year (two digits too after a day first: 21-Jul-69)
_MONTH_NAMES = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
                "nov": 11, "dec": 12}
_MONTH_WORD = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
               r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
# (a fast scan first: three letters that may begin a month's name, any case; a lookbehind leading a
# pattern made the scan of every text 20 times slower, a quarter more CPU for a cold check)
_MONTH_HINT = re.compile(r"[JFMASONDjfmasond][aepucoAEPUCO][nbrylgptvcNBRYLGPTVC]")
_DATE_ENGLISH = re.compile(
    rf"(?i)(?<![a-z0-9])(?:(?P<mon1>{_MONTH_WORD})\.?[ \t]*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?[ \t]*,?[ \t]*(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]*[-/.]?[ \t]*(?P<mon2>{_MONTH_WORD})\.?[ \t]*[-/.,]?[ \t]*"
    rf"(?P<y2>\d{{4}}|\d{{2}}))(?![0-9])"
)
# in Korean number words, as a probe wrote a birth date to hide it (일구육구년 칠월 이십일일, 육구년 칠월
# 이십일일생, 천구백육십구년 칠월 이십일일): the year digit by digit (two or four of them) or as a number
# (천구백육십구), the month and the day as numbers (십이월, 유월, 시월; 이십일일), a part in digits
# beside them (1969년 칠월 이십일일); 년 월 일 all written. Looked for only where one part is in words
# (`_date_words_hint`: rare in prose, and 년 and 월 are found by str.find, seven times faster than a
# pattern of what may stand around them)
_KO_DIGITS = {"공": 0, "영": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9}
_KO_NUMBER = "일이삼사오육륙칠팔구"
# after 년 a month in words, after 월 a day in words; before 년 a year in words
_WORDS_AFTER = re.compile(rf"[ \t]*(?:[{_KO_NUMBER}십유시]{{1,2}}[ \t]*월|[{_KO_NUMBER}십]{{1,4}}[ \t]*일)")
_WORD_BEFORE_YEAR = re.compile(rf"[{_KO_NUMBER}공영십백천][ \t]*\Z")


def _date_words_hint(text: str) -> bool:
    """Whether `text` may hold a date with a part in Korean number words (`_DATE_WORDS`)."""
    for ch in "년월":
        at = text.find(ch)
        while at >= 0:
            if _WORDS_AFTER.match(text, at + 1) or (ch == "년" and _WORD_BEFORE_YEAR.search(text, max(at - 12, 0), at)):
                return True
            at = text.find(ch, at + 1)
    return False


_DATE_WORDS = re.compile(
    rf"(?<![0-9{_KO_NUMBER}공영십백천])(?P<y>\d{{4}}|\d{{2}}|[{_KO_NUMBER}공영십백천]{{2,8}})[ \t]*년(?:[ \t]*생)?[ \t]*,?[ \t]*"
    rf"(?P<m>\d{{1,2}}|[{_KO_NUMBER}십유시]{{1,2}})[ \t]*월[ \t]*(?P<d>\d{{1,2}}|[{_KO_NUMBER}십]{{1,4}})[ \t]*일"
)

# the month and day first, the year after them (칠월 이십일일(일구육구년), 칠월 이십일일, 일구육구년), a
# four-digit year only, as `_DATE_TEXT`'s digits (two are more often a span of years: 10년 만에)
_DATE_WORDS_YEAR_LAST = re.compile(
    rf"(?<![0-9{_KO_NUMBER}공영십])(?P<m>\d{{1,2}}|[{_KO_NUMBER}십유시]{{1,2}})[ \t]*월[ \t]*"
    rf"(?P<d>\d{{1,2}}|[{_KO_NUMBER}십]{{1,4}})[ \t]*일[ \t]*[(,]?[ \t]*(?P<y>\d{{4}}|[{_KO_NUMBER}공영십백천]{{4,8}})[ \t]*년"
)
# a birth date as digit words alone, as a resident number's front or a date's digits are read out
# (육구공칠이일 for 690721, 일구육구공칠이일, 일구육구-공칠-이일): six or eight words, or groups of
# four (two), two and two with one mark or space between them, a particle 이 or 일 after them or
# none (육구공칠이일이다); kept only when it is a sensitive date
_DATE_DIGIT_WORDS = re.compile(
    rf"(?<![{WORD_DIGIT_CHARS}])(?P<y>(?:[{WORD_DIGIT_CHARS}]{{2}}){{1,2}})(?P<sep>[ \t./-]?)(?P<m>[{WORD_DIGIT_CHARS}]{{2}})(?P=sep)"
    rf"(?P<d>[{WORD_DIGIT_CHARS}]{{2}})(?:(?![{WORD_DIGIT_CHARS}])|(?=[이일](?![{WORD_DIGIT_CHARS}])))"
)

# a month in digit words holds 공 or 영 (01 … 10) or is 일일 or 일이: where a date of them may be
_MONTH_DIGIT_WORDS = ("공", "영", "일일", "일이")


def _digit_word_dates(text: str) -> list[re.Match[str]]:
    """Each run of `_DATE_DIGIT_WORDS` in `text`, looked for around where a month may be (found
    with str.find: a pattern led by the words, 이 and 일 in every sentence, scanned a record's text
    five times slower)."""
    found: dict[int, re.Match[str]] = {}
    for lead in _MONTH_DIGIT_WORDS:
        at = text.find(lead)
        while at >= 0:
            m = _DATE_DIGIT_WORDS.search(text, max(at - 6, 0), at + 16)  # (its lookahead within)
            if m is not None:
                found.setdefault(m.start(), m)
            at = text.find(lead, at + 1)
    return [found[k] for k in sorted(found)]


def _ko_number(words: str) -> int | None:
    """A number written in Korean number words: digit by digit (일구육구 1969, 공칠 07) or as a
    number (천구백육십구 1969, 이십일 21, 십이 12); None when it reads as neither (이이십)."""
    if words.isdigit():
        return int(words)
    if not any(unit in words for unit in "십백천"):
        digits = [_KO_DIGITS.get(ch) for ch in words]
        return None if None in digits else int("".join(map(str, digits)))
    total, digit = 0, None
    last_unit = 10_000
    for ch in words:
        if ch in "십백천":
            unit = {"십": 10, "백": 100, "천": 1000}[ch]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            value = _KO_DIGITS.get(ch)
            if value is None or value == 0 or digit is not None:
                return None
            digit = value
    return total + (digit or 0)


# a birth date in number words without 년 월 일, its parts apart with spaces or one mark: 일구육구. 칠.
# 이십일, 일구육구 칠 이십일, 일구육구/공칠/이십일일 (the month and the day in digit words, as numbers or in
# digits). The year is four digit words, a whole word of them: 일, 이, 사, 구 are in every sentence
# (일구어 온 텃밭에서 이십일 동안 칠 명이), a year of four followed by a month and a day in none. Looked
# for only where the first two words of a sensitive date's year are (`SensitiveIndex.year_leads`:
# 일구 of 1969, found by str.find), and kept only when it is a sensitive date
_DATE_WORDS_APART = re.compile(
    rf"(?<![0-9{WORD_DIGIT_CHARS}])(?P<y>[{WORD_DIGIT_CHARS}]{{4}})"
    r"(?:[ \t]{0,2}(?P<mark>[./·ㆍ-])[ \t]{0,2}|[ \t]{1,2})"
    rf"(?P<m>[{WORD_DIGIT_CHARS}십]{{1,2}}|[0-9]{{1,2}})"
    r"(?(mark)[ \t]{0,2}(?P=mark)[ \t]{0,2}|[ \t]{1,2})"
    rf"(?P<d>[{WORD_DIGIT_CHARS}십]{{1,4}}|[0-9]{{1,2}}(?![0-9]))"
)
# a year of two digit words so (육구. 칠. 이십일: 69), the same mark between its parts (with spaces
# alone, 오이 삼 일, it is in prose): found from the month between its marks, rarer than a digit word
# (`_MONTH_BETWEEN_MARKS`, the year two whole words before it, the day after it: `_DAY_AFTER`), and
# read as a year of 19xx and of 20xx
_MONTH_BETWEEN_MARKS = re.compile(
    rf"(?P<mark>[./·ㆍ-])[ \t]{{0,2}}(?P<m>[{WORD_DIGIT_CHARS}십]{{1,2}}|[0-9]{{1,2}})[ \t]{{0,2}}(?P=mark)")
_DAY_AFTER = re.compile(rf"[ \t]{{0,2}}(?P<d>[{WORD_DIGIT_CHARS}십]{{1,4}}|[0-9]{{1,2}}(?![0-9]))")
_DIGIT_OR_WORD = frozenset(WORD_DIGIT_CHARS + "0123456789")
# each digit (0-9) as the digit words that write it (0: 공 영)
_DIGIT_WORDS_OF = {str(d): "".join(w for w, v in _KO_DIGITS.items() if v == d) for d in range(10)}

# a date in CJK numerals, as a Chinese or Japanese document writes one, or a hand that hides it
# (一九六九年七月二十一日, 六九〇七二一, 一九六九.七.二一): its numbers are read as digits (二十一 21,
# 千九百六十九 1969, 六九〇七二一 690721) and the text so read as `_DATE_TEXT` reads a date in digits
# (年 月 日 are its). `fold` has made 一 a dash (it is drawn as one: 010一0000): a run of dashes
# touching a numeral, 年 月 日 or a dot is 一 again, and one between two numerals may be a mark as
# well (六九-〇七-二一): each reading is tried (`_cjk_readings`)
# (○ and ◯, circles, are how a Korean keyboard types 〇: 二○○五年, 六九○七二一). The formal numerals of
# a contract or a cheque (갖은자: 壹 貳 參 肆 伍 陸 柒 捌 玖 拾 佰 仟, and their Chinese and Japanese forms 贰 叁
# 参 陆 弐) read as the plain ones (壹玖陸玖年柒月貳拾壹日), and 廿 and 卅, twenty and thirty in a date (七月廿一日)
_CJK_FORMAL = {"壹": "一", "貳": "二", "贰": "二", "弐": "二", "參": "三", "叁": "三", "参": "三", "肆": "四",
               "伍": "五", "陸": "六", "陆": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千"}
_CJK_NUMERALS = "〇○◯零一二三四五六七八九十百千廿卅" + "".join(_CJK_FORMAL)
_CJK_UNITS = frozenset("十百千廿卅拾佰仟")  # (a run holding one is read as a number, not digit by digit)
_CJK_RUN = re.compile(f"[{_CJK_NUMERALS}]+")
_CJK_SET = frozenset(_CJK_NUMERALS)
_NUMERAL_OR_DIGIT = _CJK_SET | frozenset("0123456789")
_NEAR_CJK = frozenset(_CJK_NUMERALS + "年月日./·")
_CJK_DIGITS = str.maketrans("〇○◯零一二三四五六七八九", "0000123456789") | str.maketrans(
    {k: v.translate(str.maketrans("一二三四五六七八九", "123456789")) for k, v in _CJK_FORMAL.items() if v not in "十百千"})
_CJK_AS_WORDS = str.maketrans(dict(zip("〇○◯零一二三四五六七八九十百千", "공공공영일이삼사오육칠팔구십백천", strict=True))
                              | {"廿": "이십", "卅": "삼십"})  # (for `_ko_number`)
_CJK_AS_WORDS |= {ord(k): _CJK_AS_WORDS[ord(v)] for k, v in _CJK_FORMAL.items()}
_DASH_RUN = re.compile("-+")
_AROUND_PART = frozenset(" \t\u3000_=;~:,()")  # (what may stand between a number's parts, but a dash and `_NEAR_CJK`)
# what only a text holding jamo to compose (`compose_jamo`) or a CJK numeral holds: searched for once,
# a text that holds neither (most) pays one scan for both
_JAMO_OR_CJK = re.compile(f"[{JAMO_CHARS}{_CJK_NUMERALS}]")


# a run of dashes between two numerals read every way (`_every_reading`) is at most this long, and
# one cluster of numbers (`_CJK_CLUSTER`) is read at most so many ways, a text at most MAX_CJK_READINGS
# (a hostile text of numerals and dashes costs a bounded multiple of its length; past the bounds
# the three readings of the whole text, `_cjk_readings`, still hold)
MAX_DASHES_APART = 6
MAX_CLUSTER_READINGS = 64
MAX_CJK_READINGS = 1024
# a number as written around its numerals: numerals, digits, dashes and the marks and spaces that
# group a phone number, a resident number or a date (年 月 日 too)
_CJK_CLUSTER = re.compile(f"[{_CJK_NUMERALS}0-9年月日\\-./·ㆍ() \t]+")


# a stretch of text that may hold a number in CJK numerals: runs of numerals, digits and dashes (一,
# folded) with at most two of what may stand between a number's parts between them (a separator the
# index ignores, = ; ~, 年 月 日, 년 월 일: 六九년 七월 二一일, 六九_〇七_二一); holding a numeral and three
# of those characters at least (二年二月二日), so a mask or a bullet (이○○ 씨, ○ 상담) costs no reading
_CJK_STRETCH = re.compile(f"(?:[{_CJK_NUMERALS}0-9-]++[{_SEP_CHARS.replace(chr(92) + '-', '')}=;~年月日년월일]{{0,2}}+)++")
_NUMBER_CHARS = re.compile(f"[{_CJK_NUMERALS}0-9-]")


def _may_hold_cjk_number(text: str) -> bool:
    """Whether `text` (folded) has a stretch that may be a number in CJK numerals: looked for around
    each run of numerals (eight characters either side hold three of a stretch's characters, when
    it has them: at most two marks between its runs); past 1,000 runs, taken to have one."""
    for n, run in enumerate(_CJK_RUN.finditer(text)):
        s, e = run.span()
        if e - s >= 3 or n >= 1000:
            return True
        ws = max(0, s - 8)
        for m in _CJK_STRETCH.finditer(text[ws:e + 8]):
            if m.start() <= s - ws < m.end() and len(_NUMBER_CHARS.findall(m.group())) >= 3:
                return True
    return False


def _dash_runs(text: str) -> list[tuple[int, int, tuple[str, str, str], bool]]:
    """Each run of dashes touching a CJK numeral in `text` (folded): its start and end, what it
    reads as in each of `_cjk_readings`' three readings, and whether it lies between two numerals
    (or a numeral and a digit), where it may be 一 or a mark."""
    runs: list[tuple[int, int, tuple[str, str, str], bool]] = []
    for m in _DASH_RUN.finditer(text):
        s, e = m.span()
        k = e - s
        left, right = text[s - 1:s], text[e:e + 1]
        # (between a numeral and a digit too: 六九〇七二一-1234567; "" is no numeral: a set, not a str)
        if (left in _CJK_SET or right in _CJK_SET) and {left, right} <= _NUMERAL_OR_DIGIT:
            ends = "-" + "一" * (k - 2) + "-" if k > 2 else None
            runs.append((s, e, ("一" * k, ends or ("-" if k == 1 else "-一"), ends or ("-" if k == 1 else "一-")), True))
        elif left in _NEAR_CJK or right in _NEAR_CJK:
            runs.append((s, e, ("一" * k,) * 3, False))
        elif (left in _AROUND_PART or not left) and (right in _AROUND_PART or not right) and k <= MAX_DASHES_APART:
            # a part of a number all 一, between spaces or marks or at the text's edge (一九六四 一一 〇三,
            # 〇一〇_一一一一_五六七八, 一九一一_〇一_一一), or a mark so written (六九 - 〇七 - 二一): read both ways
            runs.append((s, e, ("一" * k, "-" * k, "-" * k), False))
    return runs


def _replaced(text: str, offset: int, plan: Iterable[tuple[int, str]]) -> str:
    """`text` (which starts at `offset` of the text the plan's starts are in) with each (start, new)
    of `plan` written over it, the same length."""
    pieces, pos = [], 0
    for s, new in plan:
        pieces += [text[pos:s - offset], new]
        pos = s - offset + len(new)
    pieces.append(text[pos:])
    return "".join(pieces)


def _cjk_readings(text: str, runs: list[tuple[int, int, tuple[str, str, str], bool]]) -> list[tuple[str, list[int]]]:
    """`text` (folded, holding a CJK numeral; `runs`: its `_dash_runs`) with its numbers in CJK
    numerals written in digits, and the offset in `text` of each character of it and one past the
    end; a reading for each way its dashes between two numerals may be read: all 一, or the first
    and last of a run marks (六九-〇七-二一; -一一- of 一九六四-一一-〇三), or of two, the second (二一-〇七)."""
    plans = [[(s, options[i]) for s, _, options, _ in runs] for i in range(3)]
    return [_cjk_in_digits(_replaced(text, 0, plan)) for i, plan in enumerate(plans) if plan not in plans[:i]]


def _every_reading(k: int) -> list[str]:
    """Each way a run of `k` dashes between two numerals may be read: all 一 (`fold` made 一 a
    dash), one of them a mark (〇一〇-一二三四: its dashes, -, --, the second a mark), or the first
    and the last."""
    out = ["一" * k, *("一" * i + "-" + "一" * (k - 1 - i) for i in range(k))]
    return out + ["-" + "一" * (k - 2) + "-"] if k > 2 else out


def _cluster_readings(text: str, runs: list[tuple[int, int, tuple[str, str, str], bool]]) -> Iterator[tuple[int, str]]:
    """Each number of `text` written with CJK numerals and dashes between them (`_CJK_CLUSTER`), with
    a character around it, read every way its dashes between two numerals may be (`_every_reading`),
    each run on its own: a phone number 〇一〇-一二三四-五六七八 (folded 〇-〇--二三四-五六七八) needs
    its first dash 一, the next two a mark and 一, the last a mark, which none of `_cjk_readings` has.
    (A dash at a number's edge stays 一: 一六九〇七二一 is no birth date.) (where the window starts,
    the window so read); within the bounds (MAX_DASHES_APART, MAX_CLUSTER_READINGS, MAX_CJK_READINGS)."""
    budget = MAX_CJK_READINGS
    i = 0
    for m in _CJK_CLUSTER.finditer(text):
        inside = []
        while i < len(runs) and runs[i][0] < m.end():
            if runs[i][0] >= m.start():
                inside.append(runs[i])
            i += 1
        # (a run between two numerals read every way; one between marks, 一 or a mark)
        apart = [run for run in inside if run[3] or run[2][0] != run[2][1]]
        if not apart or len(apart) > MAX_CLUSTER_READINGS or any(e - s > MAX_DASHES_APART for s, e, _, _ in apart):
            continue  # (each run apart has two ways at least)
        ways = [_every_reading(e - s) if between else list(options[:2]) for s, e, options, between in apart]
        count = math.prod(len(w) for w in ways)
        if count > MAX_CLUSTER_READINGS or count > budget:
            continue
        budget -= count
        ws, we = max(0, m.start() - 1), min(len(text), m.end() + 1)
        window = text[ws:we]
        fixed = [(s, options[0]) for s, _, options, between in inside if not between and options[0] == options[1]]
        for choice in itertools.product(*ways):
            plan = sorted(fixed + [(run[0], new) for run, new in zip(apart, choice, strict=True)])
            yield ws, _replaced(window, ws, plan)


def _read_as(text: str, parts: Iterable[tuple[int, int, str, Iterable[int] | None]]) -> tuple[str, list[int]]:
    """`text` with each (start, end, new, where) of `parts` (in text order, apart) read as `new`;
    and the offset in `text` of each character of that reading and one past its end: `where` for a
    part's characters when given, else the part's own when `new` is as long, else its start."""
    pieces: list[str] = []
    at: list[int] = []
    pos = 0
    for start, end, new, where in parts:
        pieces += [text[pos:start], new]
        at += range(pos, start)
        at += where if where is not None else range(start, end) if len(new) == end - start else [start] * len(new)
        pos = end
    pieces.append(text[pos:])
    at += range(pos, len(text) + 1)
    return "".join(pieces), at


def _cjk_in_digits(text: str) -> tuple[str, list[int]]:
    """`text` with each run of CJK numerals in digits: digit for digit (六九〇七二一 690721), or as
    a number where it holds 十 百 千 (二十一 21; one that reads as none, 二二十, is left as it is);
    and the offset in `text` of each character and one past the end (`_read_as`)."""
    parts = []
    for m in _CJK_RUN.finditer(text):
        run = m.group()
        if not _CJK_UNITS.isdisjoint(run):
            value = _ko_number(run.translate(_CJK_AS_WORDS))
            if value is None:
                continue
            parts.append((m.start(), m.end(), str(value), None))
        else:
            parts.append((m.start(), m.end(), run.translate(_CJK_DIGITS), None))
    return _read_as(text, parts)


# inside a longer number: 2026-04-24 holds no 04-24, 010-0000-10012 no phone. Latin letters are no
# edge: HP010-0000-1001, ID690721-1000000, 010-0000-1001HP, an anchor `#r010-0000-1001` show the
# number whole (a probe published them)
_DIGIT_BEFORE = re.compile(r"[0-9][-./]?$")
_DIGIT_AFTER = re.compile(r"[-./]?[0-9]")
# the international prefix of a number dialled from Korea (0082, 001 82, 00700-82): the 82 after it
# starts the number, as after +82, and is not the tail of a longer one
_IDD_BEFORE = re.compile(r"(?<![0-9])00(?:[12568]|700)?[-./ \t()]*$")
# six digits alone with a Latin letter beside them are an id's (S000421, a case's number), not a
# date's yymmdd: the one date form a letter still bounds
_LETTER_EDGE = re.compile(r"[A-Za-z]")
# what may follow a name in its word: 씨, 님 or a kinship title (순자할머니, 순자언니, 영수엄마: a child's
# mother named by the child), 댁 or 집 after 씨 or 님 (영수씨댁: the household visited), 네 (순자네, 순자씨네: her
# family's), and particles, each or none (박영수님과, 영수씨가, 영수씨댁에서, 순자할머니에게는); or one or two
# particles alone (영수에게는, 영수한테서). After a title or 네 the particles a noun takes too (으로, 에, 하고,
# 처럼, 보다, 까지 …) count, after a bare name only those that mark a person or its case (지원으로, 지원에,
# 지원하고 are words): 영수씨댁, 영수님댁, 영수엄마, 영수씨에게서, 영수에게는 were published whole
_PERSON_PARTICLES = "께서|에게서|한테서|에게|한테|이랑|이나|이|가|은|는|을|를|의|와|과|도|만|께|랑"
_NOUN_PARTICLES = "으로|에서|하고|처럼|보다|까지|부터|만큼|조차|마저|에|로|뿐"
_TAIL = re.compile(r"(?:(?:(?:씨|님)[댁집]?|할머니|할아버지|어머니|아버지|어르신|엄마|아빠|언니|오빠|누나|동생|이모|고모|삼촌|형)네?"
                   f"(?:{_PERSON_PARTICLES}|{_NOUN_PARTICLES}){{0,2}}"
                   f"|네(?:{_PERSON_PARTICLES}|{_NOUN_PARTICLES}){{0,2}}"
                   f"|(?:{_PERSON_PARTICLES}){{0,2}}"
                   r"|이는|이가|이를|이의|이와|이도|이랑|아|야)(?![가-힣])")


# A given name alone counts in its own case's texts wherever it starts and ends a word (`_TAIL`); in
# any other text (another case's record, a resource, a page of docs/, mkdocs.yml) only where Korean
# marks the word as a person (`SensitiveIndex.cued_hits`), and then of every client and every
# resource contact: an honorific, a kinship word or a title after it (민호 씨와, 지윤 주무관에게, 순자
# 할머니가), or the 이 a consonant-final name takes before a particle (지윤이가, 민경이는). A bare
# word is never enough there: 지원 (support), 영수 (영수증), 보람, 소리 are everybody's words. The
# cues glued to a name or a space apart: none of them ends an ordinary word of two syllables
# (마음씨, 하느님 are rare, and a given name there says name-ok)
CUES_GLUED = ("씨", "님", "어르신", "할머님", "할머니", "할아버님", "할아버지", "어머님", "어머니", "아버님", "아버지", "엄마",
              "아빠", "언니", "오빠", "누나", "이모", "고모", "삼촌", "주무관", "선생님", "선생")
# a space apart only: glued, a title is a department's (지원팀장, 지원과장, 지원센터장: the head of a
# support team), 군 and 양 are words (지원군), 형 a type (지원형, 참여형). Not 대표: 주민 대표, 가족 대표
CUES_SPACED = ("팀장", "과장", "실장", "부장", "차장", "센터장", "관장", "원장", "소장", "국장", "사회복지사",
               "복지사", "상담사", "상담원", "간호사", "변호사", "학생", "군", "양", "형", "동생")
# after a name whose last syllable has a final consonant: 이, then a particle (지윤이가, 민경이는); never
# 이 alone nor a particle after 이 that a noun takes too (지원이 필요, 지원이랑, 지원이나)
CUES_I = ("이가", "이는", "이를", "이의", "이와", "이도", "이에게", "이한테")
_CUE_PARTICLES = ("께서|에게서|한테서|에게|한테|이랑|이나|으로|에서|하고|처럼|보다|까지|부터|만큼|이|가|은|는|을|를|의|와|과|도|만|"
                  "께|랑|에|로")
# one alternation of the cues, longest first, no group around each (so the regex engine skips ahead to
# their first syllables: named groups made the search of every text nine times slower), the kind of
# each looked up after (`_CUE_KIND`)
_CUE = re.compile("(?:" + "|".join(sorted(CUES_GLUED + CUES_SPACED + CUES_I, key=len, reverse=True)) + ")"
                  f"(?=[댁네]?(?:{_CUE_PARTICLES}){{0,2}}(?![가-힣]))")
_CUE_KIND = dict.fromkeys(CUES_GLUED, "glued") | dict.fromkeys(CUES_SPACED, "spaced") | dict.fromkeys(CUES_I, "i")


def _cued(text: str, end: int) -> bool:
    """Whether a cue that marks a person (`_CUE`: 씨, 님, 주무관, 팀장 …) follows `text[:end]`, glued or
    a space apart."""
    return _CUE.match(text, end) is not None or (text[end:end + 1] == " " and _CUE.match(text, end + 1) is not None)


def _final_consonant(syllable: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (지윤's 윤, not 민호's 호)."""
    return (ord(syllable) - 0xAC00) % 28 != 0


def _word_key(word: str) -> str:
    """A word of the index (a variant's canonical form) as the automaton holds it: its Latin letters
    as base letters (`base_letters`), in lower case."""
    based = base_letters(word)[0]
    return word if based is word else _compact(based).casefold()


def normalize(value: str) -> str:
    return _SPACE.sub(" ", value.strip())


def canon(text: str) -> str:
    """What a value is compared by: folded, separators dropped, case ignored."""
    return _compact(fold(text)).casefold()


# what else joins a number's digit groups, in the text with its separators dropped (`_compact`):
# a run of one to three other marks (010=0000=1001, 010→0000→1001, 010&0000&1001, 010 … 0000) or
# one Latin letter not a hex digit (010x0000x1001, 010 o 0000 o 1001), between two digits. Words
# between digits never join them (the digits of a value strewn over a sentence are no value), nor
# NUL (`TEXT_BREAK`); a hash's hex letters stay, so no digits of a digest run together.
_JOIN = re.compile(r"[0-9]([^\w\x00]{1,3}|[g-zG-Z])(?=[0-9])")


def _joined(compact: str) -> tuple[str, list[tuple[int, int]]]:
    """`compact` without the marks that join digit groups (`_JOIN`), and the (start, end) in
    `compact` of each run kept (none when nothing is dropped)."""
    runs: list[tuple[int, int]] = []
    at = 0
    for m in _JOIN.finditer(compact):
        runs.append((at, m.start(1)))
        at = m.end(1)
    if not runs:
        return compact, []
    runs.append((at, len(compact)))
    return "".join(compact[s:e] for s, e in runs), runs


def _compact(text: str) -> str:
    """`_SEPS.sub("", text)`, in half the time: white space, most separators in prose, goes with
    str.split (which splits where `\\s` of a str pattern matches: both ask Py_UNICODE_ISSPACE),
    the few others with a pattern that has far fewer matches to replace."""
    return _SEPS_NOT_SPACE.sub("", "".join(text.split()))


# --- variants of one value ------------------------------------------------------------------


def variants(value: str) -> list[tuple[str, str, bool]]:
    """(canonical form, variant, needs a separator in the text) for one sensitive value; none
    for a date (`date_key`)."""
    return _variants(normalize(fold(value)))


def _variants(v: str) -> list[tuple[str, str, bool]]:
    """`variants` of a value already normalized and folded."""
    if _ISO_DATE.fullmatch(v):
        return []  # dates are found by their own pattern (`SensitiveIndex.dates`), in every written form
    compact = _compact(v)
    out: list[tuple[str, str, bool]] = [(compact.casefold(), EXACT, False)]  # canon(v): v is folded
    if _DIGITISH.fullmatch(v):
        digits = re.sub(r"\D", "", v)
        if len(digits) == 13 and re.fullmatch(r"\d{6}[\s\-]*\d{7}", v):  # a resident number
            out += [(digits[:7], RESIDENT_FRONT, False), (digits[:6], RESIDENT_FRONT + "-6", False)]
        if digits.startswith("0") and 9 <= len(digits) <= 11:  # a phone number written +82
            out.append(("82" + digits[1:], NUMBER, False))
    elif _SPACED_NAME.fullmatch(v) and len(compact) <= 8 and not TITLES.intersection(v.split()):
        # a name of three parts or more, a family name then given names of one or two syllables each
        # (응우옌 티 린, as a Vietnamese name is written in Hangul): the given name is what follows the
        # family name (티린, written 티 린 too); its last part alone, of one syllable (린), only with
        # 씨 or 님 after it (a syllable alone is in every other word)
        parts = v.split()
        out.append(("".join(parts[1:]), GIVEN, False))
        if len(parts[-1]) == 1:
            out += [(parts[-1] + "씨", GIVEN, False), (parts[-1] + "님", GIVEN, False)]
    elif _NAME.fullmatch(compact) and len(compact) in (3, 4):
        out.append((compact[-2:], GIVEN, False))
        # in Latin letters, as a passport or a form abroad writes it: Kim Minsu, Min-su Kim, GIM MINSU
        # (`romanize`: at most 72 spellings; of fewer than 5 letters, none: they are in every other word)
        out += [(w, ROMANIZED, False) for w in romanizations(compact) if len(w) >= 5]
        # and its given name alone so (Minsu, Minsoo: a given name, in its own case's texts only)
        out += [(w, GIVEN, False) for w in given_romanizations(compact)
                if len(w) >= MIN_LATIN_GIVEN and w not in _NOT_GIVEN]
    elif 2 <= len(parts := v.split(" ")) <= 4 and all(_LATIN_NAME_PART.fullmatch(base_letters(p)[0]) for p in parts):
        # a name in Latin letters (Trần Văn Hùng, a client from abroad) in another order, as forms
        # abroad and people write it: the given name first (Hùng Trần Văn, Hung Van Tran), the
        # family name and the given name alone (Tran Hung, Hung Tran: `NAME_PAIR`, a word of its own,
        # not two words of another name, Tran Hung Dao); never one of its words alone (Van, Le, Thi
        # are in every other Vietnamese name), nor an order of fewer than 5 letters
        orders = {_compact("".join(order)).casefold(): NAME_ORDER if len(order) == len(parts) else NAME_PAIR
                  for order in _name_orders(parts)}
        out += [(w, orders[w], False) for w in sorted(orders) if len(w) >= 5 and w != out[0][0]]
        given = _latin_given(parts)
        if given is not None:
            out.append((given, GIVEN, False))
    else:
        out += [(part, ADDRESS, part.isdigit()) for part in map(canon, address_details(v))]
    # six digits at least: fewer (58.3.17 of 2004-02-04 is 0424) turn up in every date and amount
    return [(w, kind, sep) for w, kind, sep in out if len(w) >= MIN_LENGTH and not (w.isdigit() and len(w) < 6)]


# a word of a name in Latin letters, once its letters are base letters (`base_letters`): Hung, O'Neil, Van-Hung
_LATIN_NAME_PART = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")


# family names that come first in a name in Latin letters (Vietnamese, Chinese, Korean ones), and
# the words of a name that are no given name alone (Văn, Thị: in most Vietnamese names; particles)
_FAMILY_FIRST = frozenset({
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
    "ly", "dinh", "trinh", "truong", "lam", "luong", "cao", "ta", "chau", "tong", "quach", "kieu", "lai", "ha",
    "thai", "doan", "luu", "vuong", "trieu", "nong", "wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang",
    "zhou", "wu", "xu", "sun", "hu", "zhu", "gao", "lin", "he", "guo", "ma", "luo", "liang", "song", "zheng", "xie",
    "han", "tang", "feng", "yu", "dong", "xiao", "cheng", "yuan", "deng", "fu", "shen", "zeng", "peng", "lu", "su",
    "jiang", "cai", "jia", "ding", "wei", "xue", "ye", "yan", "pan", "du", "dai", "xia", "zhong", "tian", "ren",
    "fan", "fang", "shi", "yao", "tan", "liao", "zou", "xiong", "jin", "qin", "qiu", "hou",
    *(spelling for spellings in FAMILY.values() for spelling in spellings),
})
_NOT_GIVEN = frozenset({"van", "thi", "von", "der", "den", "del", "dos", "das", "bin", "binti", "ibn", "ben", "mac"})
MIN_LATIN_GIVEN = 3  # letters: a given name of two (An, Vy, Li) is in every other word


def _latin_given(parts: list[str]) -> str | None:
    """The given name of a name in Latin letters, as a word of the index: the last word where the
    family name comes first (a Vietnamese, Chinese or Korean family name, a Vietnamese middle
    name Thị or Văn, or a first word in capitals as a passport writes the family name: Lê Thị
    Hương, Wang Fang, KARIMOV Alisher), else the first (Maria Santos). None when it is a word
    of many names (Van, Thi) or shorter than `MIN_LATIN_GIVEN` letters."""
    based = [base_letters(p)[0] for p in parts]
    words = [_compact(b).casefold() for b in based]
    family_first = (words[0] in _FAMILY_FIRST or any(w in ("thi", "van") for w in words[1:-1])
                    or (based[0].isupper() and len(based[0]) > 1 and not based[-1].isupper()))
    at = -1 if family_first else 0
    if len(words[at]) < MIN_LATIN_GIVEN or words[at] in _NOT_GIVEN:
        return None
    return _compact(parts[at]).casefold()


def _name_orders(parts: list[str]) -> set[tuple[str, ...]]:
    """Other orders of the words of a name in Latin letters (`parts`: family name first, or not:
    every order of two or three words, and of four the last first, the first last, all reversed),
    and its first and last words alone, in either order, for a name of three or four words."""
    if len(parts) <= 3:
        orders = set(itertools.permutations(parts))
    else:
        orders = {(parts[-1], *parts[:-1]), (*parts[1:], parts[0]), tuple(reversed(parts))}
    if len(parts) > 2:
        orders |= {(parts[0], parts[-1]), (parts[-1], parts[0])}
    orders.discard(tuple(parts))
    return orders


# a field that holds a person's name (client.name, household[2].name, guardian_name, a resource's
# contact_person), often with a title or a relationship beside it: 정보람 팀장, 박철수(부), 주무관 한지윤
PERSON_FIELDS = re.compile(r"(?:^|\.)(?:name|[a-z_]*_name|contact_person)$")
_HANGUL_WORD = re.compile(r"[가-힣]+")
# words that come before or after a name in such a field and are not one (3 or 4 syllables: the
# length of a name)
TITLES = frozenset({
    "주무관", "팀장님", "과장님", "센터장", "관장님", "부장님", "실장님", "선생님", "담당자", "상담사", "사회복지사",
    "봉사팀장", "통합사례", "사례관리", "복지팀장", "사무장", "원장님", "목사님", "전도사", "간호사", "통장님", "이장님",
    "어머니", "아버지", "할머니", "할아버지", "외할머니", "배우자", "큰아들", "작은딸", "큰딸", "막내딸", "보호자",
})


def name_part(field: str, value: str) -> str | None:
    """The name in a person's field when the value holds more than the name (정보람 팀장 ->
    정보람): the first word of Hangul of 3 or 4 syllables that is not a title, among its first two.
    Or its words of Latin letters, two or more, when the rest are titles (Maria Santos 선생님, Dr.
    Maria Santos -> Maria Santos). None for other fields, for a value that is the name alone (its
    variants are the value's), and for one of more than three words or 30 characters (five and 40
    for a name in Latin letters): a sentence, not a name with its title."""
    parts = value.split()
    if PERSON_FIELDS.search(_INDEX_IN_FIELD.sub("", field)) is None or len(parts) > 5 or len(value) > 40:
        return None  # (a name and its title or relationship are short: not a sentence written in the field)
    words = _HANGUL_WORD.findall(value)
    if len(words) < 2 and _compact(value) == (words[0] if words else ""):
        return None
    for word in words[:2] if len(parts) <= 3 and len(value) <= 30 else ():
        if 3 <= len(word) <= 4 and word not in TITLES:
            return word if word != _compact(value) else None
    # a name in Latin letters with a title or a relationship, in Korean or Latin letters (Maria
    # Santos 선생님, Dr. Maria Santos, Trần Văn Hùng 팀장): its words of Latin letters but the titles
    latin = [p for p in parts if _LATIN_NAME_PART.fullmatch(base_letters(p)[0])
             and p.lower().rstrip(".") not in _LATIN_TITLES]
    if 2 <= len(latin) < len(parts) and all(_LATIN_NAME_PART.fullmatch(base_letters(p)[0])
                                            or p.lower().rstrip(".") in _LATIN_TITLES or p.strip("()[],") in TITLES
                                            or p.strip("()[],") in _SHORT_TITLES for p in parts):
        return " ".join(latin)
    return None


# a title or an honorific of one or two syllables, after a name in Latin letters (Maria Santos 님)
_SHORT_TITLES = frozenset({"님", "씨", "팀장", "과장", "부장", "실장", "차장", "대리", "주임", "계장", "선생", "교수", "박사",
                           "원장", "소장", "국장", "관장", "목사", "신부", "수녀", "통장", "이장", "엄마", "아빠", "남편",
                           "아내", "아들", "딸", "언니", "오빠", "누나", "형", "동생", "이모", "고모", "삼촌"})
_INDEX_IN_FIELD = re.compile(r"\[\d+\]")
# (a number is taken whole from its first digit: one that does not lead to 동 from there does not
# from a later digit either, and a value of 40,000 digits tried every start and every split of them,
# the floor's in its two numbers too: minutes)
_APT = re.compile(r"(?<!\d)(\d++)\s*+동\s*+(\d++)\s*+호")
_APT_NAME = re.compile(r"([가-힣A-Za-z0-9]*[가-힣](?:아파트|빌라|맨션|타운|하이츠|빌|연립|오피스텔|주공))\s*")
_ROOM = re.compile(r"(?<![0-9])(\d{3,4})\s*호(?![가-힣])")
# a floor after a number (101-1 2층, 101 2층), or the last digit of the number read as the floor
# (1012층: 101 2층), as `(\d+(?:-\d+)?)\s*,?\s*(\d+)\s*층` read them: groups 1-4 the number, 5 the floor
_FLOOR = re.compile(r"(?<!\d)(?:(\d++-\d++)(?=\s*+,?\s*+\d)|(\d++-\d+)(?=\d\s*+층)|(\d++)(?=\s*+,?\s*+\d)|(\d+)(?=\d\s*+층))"
                    r"\s*+,?\s*+(\d++)\s*+층")
# an address is a line: past this, a value is none, and its parts are not looked for
MAX_ADDRESS = MAX_VALUE
_STREET = re.compile(r"([가-힣0-9]*[가-힣](?:로|길|동|리|가))\s*(\d+(?:-\d+)?)(?![0-9])")


def _reach(spans: Iterable[tuple[int, int]]) -> Callable[[int], int]:
    """For spans (start, end): the furthest end of those that start before an offset (-1: none),
    asked for many offsets, each by bisection. Whether a hit is inside one of many (`reach(start + 1)
    >= end`) or overlaps one (`reach(end) > start`): each hit tried against each span took the
    square of a text's hits (8,000 `박 영수` in a client's own record: 2.1 s of `find`)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    ends = list(itertools.accumulate((e for _, e in ordered), max))
    return lambda offset: ends[i - 1] if (i := bisect.bisect_left(starts, offset)) else -1


def leftmost_longest(automaton: Any, text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the automaton's words in `text`, leftmost-longest and not overlapping:
    from each place on, the longest word that starts there, then on from its end. (pyahocorasick's
    `iter_long` drops matches: with `가온구나래동448반지하` and `나래동448` in the automaton, it found
    nothing in `가온구나래동448`, a value written at the end of a text, nor `a` in `cbbbba` with `bbab`
    and `a`: a check passed what the audit of the pages then refused, or missed.) Every match
    `iter` gives, sorted: texts hold few."""
    found = sorted((end + 1 - len(word), -len(word), word) for end, word in automaton.iter(text))
    out: list[tuple[int, int, str]] = []
    at = 0
    for start, minus, word in found:
        if start >= at:
            out.append((start, start - minus, word))
            at = start - minus
    return out


# a flat's, a lot's or a street's number in Korean number words (백삼동 천오백이호, 일공삼동 일오공이호, 나래동
# 백일번지, 나래로 십이): two number words at least before 동, 호, 번지 or 층 (one is in every other sentence:
# 이동, 공동, 구호), or a word of them after 로 or 길; read as digits where they read as a number
# (`SensitiveIndex._address_word_hits`; one pattern, its first character a number word, 로 or 길: 4 µs
# a record's body, two patterns 8)
_ADDRESS_WORDS = re.compile(f"[{_KO_NUMBER}십백천공영로길](?:(?<=[로길])[ \t]?(?P<street>[{_KO_NUMBER}십백천공영]{{1,8}})"
                            f"(?![가-힣])|(?<![로길])[{_KO_NUMBER}십백천공영]{{1,7}}(?=[ \t]*(?:동|호|번지|층)))")
# the digits of a 동 and a 호 (103동 1401호) written as a flat's number (103-1401, 103 1401, 103/1401):
# two groups, the 호 of three or four digits (`address_details`)
_FLAT_NUMBER = re.compile(r"[0-9]{1,4}[^0-9]{1,3}[0-9]{3,4}")


def address_details(address: str) -> list[str]:
    """The detailed parts of an address that identify a home: `103동 1502호`, `1502호`,
    `101-1 2층`, `나래로 12` (street or neighbourhood with its number). None in a text longer
    than MAX_ADDRESS (a street's and a flat's patterns read a long run of Hangul or digits again
    from each of its characters)."""
    out: list[str] = []
    if len(address) > MAX_ADDRESS:
        return out
    for m in _APT.finditer(address):
        # 103동 1502호, also written 103-1502, and the flat first: 1502호 103동
        out += [m.group(0), f"{m.group(1)}-{m.group(2)}", f"{m.group(2)}호 {m.group(1)}동"]
        named = _APT_NAME.search(address, 0, m.start())
        if named is not None and not address[named.end():m.start()].strip():
            # 나래아파트 2동 605호 as the neighbours write it: 나래아파트 2-605, 2/605 (2605 alone is any number)
            name = named.group(1)
            out += [f"{name} {m.group(1)}-{m.group(2)}", f"{name} {m.group(0)}", f"{name} {m.group(2)}호"]
        if len(m.group(2)) >= 3:
            out.append(m.group(2) + "호")
    # a room without a 동 (가온빌라 301호: a villa, a 원룸): its number as well, as 1502호 of 103동 1502호
    out += [m.group(1) + "호" for m in _ROOM.finditer(address) if _APT.search(address, 0, m.end()) is None]
    for m in _FLOOR.finditer(address):  # 101-1 2층, and the floor first: 2층 101-1 (a lot's number only)
        number = m.group(1) or m.group(2) or m.group(3) or m.group(4)
        out += [m.group(0)] + ([f"{m.group(5)}층 {number}"] if "-" in number else [])
    for m in _STREET.finditer(address):  # 나래동 101-1, as a lot is written too: 101번지 1호, 제101-1호, 산101-1
        street, number = m.groups()
        out += [m.group(0), f"{street}{number}번지", f"{street}제{number}호", f"{street}산{number}"]
        if "-" in number:  # 101번지 1호, and 101의 1 as an older way writes a lot's sub-number
            main, sub = number.split("-", 1)
            out += [f"{street}{main}번지{sub}호", f"{street}{main}의{sub}", f"{street}{main}번지의{sub}", f"{street}{main}번지{sub}"]
    return out


# --- the index ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """A sensitive value (or a variant of one) found at `text[start:end]`."""

    start: int
    end: int
    sources: frozenset[tuple[str, str]]  # (source file, field)
    variant: str

    @property
    def code(self) -> str:
        if self.variant == EXACT:
            return "sensitive-in-text"
        return "given-name-in-text" if self.variant == GIVEN else "sensitive-variant-in-text"

    @property
    def field(self) -> str:
        return min(f for _, f in self.sources)


def _with_drawn(hits: list[Hit], drawn: tuple[str, list[int]] | None, find: Callable[[str], list[Hit]]) -> list[Hit]:
    """`hits`, and those `find` finds in the text `drawn` (`bidi.displayed`: the paragraphs of a text that
    hold right-to-left text in the order they are drawn, with where each character is in the text), at the
    characters they are drawn from (from the first to the last: a number drawn right to left is
    written backwards) but where a hit of `hits` is, in text order."""
    if drawn is None:
        return hits
    drawing, places = drawn
    reach = _reach((h.start, h.end) for h in hits)
    out = list(hits)
    for hit in find(drawing):
        spread = places[hit.start:hit.end]
        start, end = min(spread), max(spread) + 1
        if reach(end) <= start:  # (where a value is found as written, that one is said)
            out.append(Hit(start, end, hit.sources, hit.variant))
    return sorted(out, key=lambda h: (h.start, -h.end))


def _at_characters(hits: list[Hit], at: Offsets) -> list[Hit]:
    """`hits` in a text read otherwise (`compat_reading`) at the characters of the text as written:
    `at`, the offset of each character of the reading there and one past its end."""
    return [Hit(at[h.start], at[h.end - 1] + 1, h.sources, h.variant) for h in hits]


def _lower(text: str) -> str:
    """`text` in lower case, character for character (offsets kept: the few characters whose
    lower case is longer, such as İ, stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class _PackedWords(dict):  # type: ignore[type-arg]
    """A dict whose values are kept as pickled bytes until looked up (word -> variant -> sources,
    value -> sources): a loaded index unpacks only what a text holds."""

    def __getitem__(self, word: str) -> Any:
        value = dict.__getitem__(self, word)
        if isinstance(value, bytes):
            value = pickle.loads(value)
            dict.__setitem__(self, word, value)
        return value  # type: ignore[no-any-return]

    def get(self, word: str, default: Any = None) -> Any:
        return self[word] if word in self else default  # noqa: SIM401 (self.get is this method)

    def items(self) -> Any:
        return ((w, self[w]) for w in self)


class SensitiveIndex:
    """Finds any of many values, and their variants, in text."""

    def __init__(self, needles: Iterable[tuple[str, str, str]]) -> None:
        """needles: (value, source file, field name)."""
        self.sources: dict[str, set[tuple[str, str]]] = {}  # normalized value -> where it comes from
        self.words: dict[str, dict[str, set[tuple[str, str]]]] = {}  # canonical form -> variant -> sources
        self.needs_sep: set[tuple[str, str]] = set()
        self.dates: dict[tuple[int, ...], set[tuple[str, str]]] = {}  # (year, month, day) -> sources
        # the words kept with their Latin letters as base letters (`base_letters`: Lê Thị Hương is
        # found as lethihuong, the text's letters folded alike), and for such a word the forms its
        # values are written in (lêthịhương): a text that writes it otherwise is `unaccented`
        self.marked: dict[str, set[str]] = {}
        # the given names of resource contacts written with a title (지윤 of `한지윤 주무관`), found only
        # after a cue (`cued_hits`), with their sources
        self.contact_given: dict[str, set[tuple[str, str]]] = {}
        known: dict[str, list[tuple[str, str, bool]]] = {}  # variants of a value seen before (a common name)
        for value, src, field in needles:
            norm = normalize(value)
            if not MIN_LENGTH <= len(norm) <= MAX_VALUE:
                continue  # (too long: no real value, see MAX_VALUE; `values_too_long` says so at it)
            where = (src, field)
            self.sources.setdefault(norm.casefold(), set()).add(where)
            v = fold(norm)  # normalize(fold(value)): fold maps white space to white space, nothing else to it
            date = _ISO_DATE.fullmatch(v)
            if date:  # (no variants: see `variants`)
                self.dates.setdefault(tuple(map(int, date.groups())), set()).add(where)
                continue
            found = known.get(v)
            if found is None:
                found = known[v] = _variants(v)
            name = name_part(field, v)
            if name is not None:  # the name without its title, and its given name in its own case's texts
                named = _variants(name)
                found = found + [(w, NAME_PART if kind == EXACT else kind, sep) for w, kind, sep in named
                                 if kind != GIVEN or src.startswith("cases/")]
                # a resource contact's given name (지윤 of 한지윤 주무관): only where a cue marks a person
                for w, kind, _ in named:
                    if kind == GIVEN and not src.startswith("cases/") and _GIVEN_WORD.fullmatch(w):
                        self.contact_given.setdefault(w, set()).add(where)
            for written, kind, sep in found:
                word = _word_key(written)
                if word != written:
                    self.marked.setdefault(word, set()).add(written)
                self.words.setdefault(word, {}).setdefault(kind, set()).add(where)
                if sep:
                    self.needs_sep.add((word, kind))
        # the first two digit words of each sensitive date's year (일구 of 1969; 이공, 이영 of 2005): where a
        # date in number words apart may start (`_DATE_WORDS_APART`)
        self.year_leads = sorted({a + b for year, _, _ in self.dates if 1000 <= year <= 9999
                                  for a in _DIGIT_WORDS_OF[str(year)[0]] for b in _DIGIT_WORDS_OF[str(year)[1]]})
        # a given name alone only counts at the start of a word: searched apart, in the text as it
        # is (its few separators allowed), so the ordinary words it hides in cost nothing
        self.digest: str | None = None  # of the needles, when the maker took it (needles_digest)
        self.given = {w for w, kinds in self.words.items() if len(w) == 2 and len(kinds) == 1 and GIVEN in kinds}
        # a given name in Latin letters (Huong of Lê Thị Hương, Minsu of 김민수): then a tag of ASCII alone
        # may hold one (`mask`)
        self._ascii_given = any(w.isascii() and GIVEN in kinds for w, kinds in self.words.items())
        firsts = "".join(sorted({w[0] for w in self.given}))
        self.given_pattern = _given_pattern(firsts)
        # every given name of two syllables (a client's, a household member's, a contact's …), found in
        # any text where a cue marks it as a person's (`cued_hits`)
        self.cued = frozenset(
            {w for w, kinds in self.words.items() if GIVEN in kinds and _GIVEN_WORD.fullmatch(w)} | set(self.contact_given))
        self._scoped: dict[str, tuple[dict[str, frozenset[tuple[str, str]]], str]] = {}
        self._by_scope: dict[str, dict[str, set[tuple[str, str]]]] | None = None
        self.automaton: Any = None  # every word but the given names alone, made when first searched with
        self._longest = 1  # (its longest word: `_words_automaton`)
        self._any_words = any(w not in self.given for w in self.words)
        # no word holds the NUL of TEXT_BREAK: no word nor date is found across the texts joined
        # by it, so `find_joined` may judge each text alone (else it searches the joined text)
        self._parts_apart = not any("\x00" in w for w in self.words)
        self._clean: set[str] = set()  # texts that hold no word and no date (see find_joined)
        self._unclean: set[str] = set()  # texts that do

    def _words_automaton(self) -> Any:
        if self.automaton is None:
            automaton = ahocorasick.Automaton()
            self._longest = 1  # (the longest word: how far back a match may start, `FLOOD`)
            for word in self.words:
                if word not in self.given:
                    automaton.add_word(_lower(word), word)
                    self._longest = max(self._longest, len(_lower(word)))
            automaton.make_automaton()
            self.automaton = automaton
        return self.automaton

    def _has_word(self, text: str) -> bool:
        """Whether the automaton finds a word in `text` (ASCII: its letters as they are, lower case)."""
        return next(self._words_automaton().iter(_compact(text).lower()), None) is not None

    def prepare(self) -> None:
        """Make what searching needs now (the automaton), so that a pickled index has it."""
        self._words_automaton()

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (kept in the cache) so that loading it is fast: the given names by scope made
        now, and each word's variants and sources, and each scope's given names, as bytes, unpacked
        only for a word found or a case scanned (the given names of 10,000 cases, unpacked whole,
        were three fifths of the time to load the index of a 10,000-case casebook)."""
        self._given_in("")  # makes _by_scope
        state = dict(self.__dict__)
        state["_scoped"] = {}
        state["_clean"], state["_unclean"] = set(), set()
        for name in ("words", "sources", "_by_scope"):
            state[name] = {k: pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL) for k, v in getattr(self, name).items()}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.words, self.sources = _PackedWords(state["words"]), _PackedWords(state["sources"])
        self._by_scope = _PackedWords(state["_by_scope"])

    def __bool__(self) -> bool:
        return self._any_words or bool(self.given) or bool(self.dates) or bool(self.cued)

    def _given_sources(self, word: str) -> frozenset[tuple[str, str]]:
        """Where the given name `word` comes from: the values it is the given name of."""
        kinds = self.words.get(word)
        return frozenset(kinds.get(GIVEN, ()) if kinds else ()) | frozenset(self.contact_given.get(word, ()))

    def cued_hits(self, text: str) -> list[Hit]:
        """The given names of `cued` in folded `text` where a cue after them marks a person (`_CUE`): the
        name starting a word, its syllables a few separators apart as `_GIVEN_GAP` allows, then the cue
        glued or a space apart (a title only a space apart; 이가 glued, after a final consonant)."""
        if not self.cued:
            return []
        out = []
        for m in _CUE.finditer(text):
            at = m.start()
            if at < 2:
                continue
            name = _NAME_BEFORE.search(text, max(at - 12, 0), at)
            if name is None:
                continue
            word = name.group(1) + name.group(2)
            if word not in self.cued:
                continue
            kind, spaced = _CUE_KIND[m.group()], bool(name.group(3))
            if (kind == "spaced" and not spaced) or (kind == "i" and (spaced or name.end(2) != at or
                                                                     not _final_consonant(name.group(2)))):
                continue
            out.append(Hit(name.start(1), name.end(2), self._given_sources(word), GIVEN))
        return out

    def whole_given(self, text: str) -> list[Hit]:
        """The given names of `cued` written as a word of their own in `text` (no Hangul either side of
        them: `지윤.png`, `민호 메모`): what a file's or folder's name counts (`name_given_hits`)."""
        if not self.cued:
            return []
        return [Hit(m.start(), m.end(), self._given_sources(m.group()), GIVEN)
                for m in _WHOLE_TWO.finditer(text) if m.group() in self.cued]

    def _given_in(self, scope: str) -> tuple[dict[str, frozenset[tuple[str, str]]], str]:
        """The given names of the values from files under `scope`, with their sources, and their
        first syllables (found by `_given_spans`: a regex compiled per case cost a quarter of the
        scan of a large casebook)."""
        if self._by_scope is None:  # every given name under the scope of its source, in one pass
            self._by_scope = {}
            for word, kinds in self.words.items():
                for src in kinds.get(GIVEN, ()):
                    at = scope_of(src[0])
                    if at is not None:
                        self._by_scope.setdefault(at, {}).setdefault(word, set()).add(src)
        known = self._scoped.get(scope)
        if known is None:  # texts come case by case: the last few scopes are kept
            names = {w: frozenset(s) for w, s in self._by_scope.get(scope, {}).items()}
            firsts = "".join(sorted({w[0] for w in names if w in self.given}))
            if len(self._scoped) >= 8:
                self._scoped.pop(next(iter(self._scoped)))
            known = self._scoped[scope] = (names, firsts)
        return known

    def find(self, text: str, *, folded: bool = False, scope: str | None = None) -> list[Hit]:
        """Every value or variant found in `text` (plain text: run Markdown through `reader_text`
        first), in text order. Offsets are those of `text`. `folded`: `text` is already `fold`ed
        (a `ReaderText.text` is: `drawn_hits` reads it as it is drawn). `scope` (see `scope_of`): a
        given name alone counts only when it is the given name of a value from a file under `scope`
        (the text's own case); None: of any value. A text as written is also read in the order a
        browser draws it where it holds right-to-left text (`bidi.displayed`)."""
        if not text or not self:
            return []
        if folded:
            return self._find_read(text, scope)
        return _with_drawn(self._find_read(fold(text), scope), displayed(text), lambda drawing: self._find_read(
            fold(drawing), scope))

    def drawn_hits(self, rt: ReaderText, written: list[Hit], *, scope: str | None = None) -> list[Hit]:
        """What `find` finds in a reader's text as it is drawn where it holds right-to-left text
        (`ReaderText.displayed`: 1001_0000_010 after U+200F shows 010_0000_1001), at the characters of
        `rt.text` it is drawn from, but where a hit of `written` (its `find`) is."""
        drawn = rt.displayed()
        if drawn is None or not self:
            return []
        known = set(written)
        return [h for h in _with_drawn(written, drawn, lambda drawing: self._find_read(drawing, scope)) if h not in known]

    def broken_date_hits(self, text: str, written: list[Hit]) -> list[Hit]:
        """The sensitive dates of a reader's `text` (folded) whose parts run on across a line break
        inside a paragraph (`_DATE_LINE_BREAK`: 1969-07-⏎21, 1969.⏎7. 21., 1969년⏎7월 21일), which a page
        shows with a space where the break is, but those `written` (`find` of `text`) holds: [] for a
        text with no such break (most: one search). (A break inside a group, 1969-0⏎7-21: `_gap_date_hits`.)"""
        breaks = _date_line_breaks(text) if self.dates and "\n" in text else []
        if not breaks:
            return []
        pieces: list[str] = []
        pos = 0
        for start, end in breaks:  # (spaces of the same length: the same offsets)
            pieces += (text[pos:start], " " * (end - start))
            pos = end
        joined = "".join(pieces) + text[pos:]
        known = {(h.start, h.end) for h in written}
        return [h for h in self._date_hits(joined, gaps=False) if (h.start, h.end) not in known
                and any(h.start < b and e < h.end for b, e in breaks)]

    def _gap_date_hits(self, text: str, written: list[Hit]) -> list[Hit]:
        """The sensitive dates of `text` (folded) with a line break or spaces inside one of their groups
        of digits (`_GROUP_GAP`: 1969-0⏎7-21, 1969-0 7-21, 19⏎69-07-21), read with the gap taken out,
        at the characters of `text`; none where a date of `written` is already. [] for a text with no
        such gap (most: one search)."""
        gaps = [m.span(g) for m in _GROUP_GAP.finditer(text) for g in ("y", "y2", "y3", "m", "d") if m.start(g) >= 0]
        if not gaps:
            return []
        read, at = _read_as(text, ((s, e, "", None) for s, e in gaps))
        dated = sorted((h.start, h.end) for h in written if h.variant in (EXACT, DATE, RESIDENT_FRONT))
        ends = list(itertools.accumulate((e for _, e in dated), max))  # (the furthest end of those before)
        out = []
        for hit in self._date_hits(read, gaps=False):
            start, end = at[hit.start], at[hit.end - 1] + 1
            k = bisect.bisect_left(gaps, (start + 1, 0))  # (a gap inside it: the first starting after its start)
            inside = k < len(gaps) and gaps[k][1] < end
            j = bisect.bisect_left(dated, (end, 0))  # (a date written overlapping it: one starting before its end)
            if inside and not (j and ends[j - 1] > start):
                out.append(Hit(start, end, hit.sources, DATE))
        return out

    def unstruck_hits(self, source: str, written: list[Hit], rt: ReaderText,
                      scope: str | None) -> list[tuple[Hit, int, list[tuple[int, int]]]]:
        """What `find` finds in the Markdown/HTML `source` read without what it strikes through
        (`reader.unstruck`: 박<del>가</del>영수 and 010-<s>9</s>0000-1001 show 박영수 and 010-0000-1001 to a
        reader reading through the struck character), but a value `written` (`find` of `rt`, the source
        as read) holds already: each hit with its source offset and the source spans of its characters
        a reader sees. [] for a source striking nothing through (most: a substring test or two)."""
        again = unstruck(source) if self else None
        if again is None:
            return []
        text, starts = again
        read = reader_text(text)
        told = [(*rt.source_span(h.start, h.end), h.sources) for h in written]
        out: list[tuple[Hit, int, list[tuple[int, int]]]] = []
        found = self.find(read.text, folded=True, scope=scope)
        found += self.drawn_hits(read, found, scope=scope)  # (and as it is drawn: \u200f1001_0000_<s>9</s>010)
        for hit in found:
            spans = [(unstruck_offset(starts, s), unstruck_offset(starts, e - 1) + 1)
                     for i in range(hit.start, hit.end) if not _SEPS.match(read.text[i])
                     for s, e in (read.source_span(i, i + 1),)]
            if not spans:
                continue
            start, end = spans[0][0], spans[-1][1]
            if any(s <= start and end <= e and hit.sources <= sources for s, e, sources in told):
                continue  # (found as written: said once)
            out.append((hit, unstruck_offset(starts, read.source_offset(hit.start)), spans))
        return out

    def _find_read(self, text: str, scope: str | None) -> list[Hit]:
        """`find` of folded `text` as written, read as NFKC reads it (`compat_reading`)."""
        read, at = compat_reading(text)  # (0⒑0000.1001: ⒑ is 10., 박﹒영﹒수: as the site's audit reads them)
        if at is not None:
            return _at_characters(self._find(read, scope, None), at)
        return self._find(text, scope, None)

    def find_joined(self, parts: list[str], *, scope: str | None = None) -> list[Hit]:
        """`find(TEXT_BREAK.join(parts), scope=scope)`, the same hits found sooner: the published
        fields of a record. Most of them hold the same few texts in record after record (a
        status, a programme, a worker's name), so each text is judged once (`_part_clean`): a
        record all of whose fields hold no word and no date needs only the search for the given
        names of its scope, the one part of `find` that depends on where the text is."""
        text = TEXT_BREAK.join(parts)
        if not text or not self:
            return []
        folded, drawn = fold(text), displayed(text)
        read, at = compat_reading(folded)
        if at is not None:  # (each part judged alone reads it as written: searched whole)
            hits = _at_characters(self._find(read, scope, None), at)
        else:
            clean = drawn is None and self._parts_apart and (
                self._clean.issuperset(parts) or all(map(self._part_clean, parts)))
            hits = self._find(folded, scope, [] if clean else None)
        return _with_drawn(hits, drawn, lambda drawing: self._find_read(fold(drawing), scope))

    def _part_clean(self, part: str) -> bool:
        """True when `find` of `part`, wherever it is joined with TEXT_BREAK, can only give given
        names: the automaton finds no word (in any case: a text that `_lower` would treat by
        context, with a capital sigma or an İ, is never clean) and no sensitive date is in it.
        Neither a word (no NUL in any: `_parts_apart`) nor a date (`_DATE_TEXT` crosses no line)
        spans a TEXT_BREAK, and its NUL and line feeds look to both as the start or end of a text."""
        if part in self._clean:
            return True
        if part in self._unclean:
            return False
        folded = fold(part)
        clean = "\u03a3" not in folded and "\u0130" not in folded and not self._date_hits(folded) and \
            not self._cjk_hits(folded) and not self._address_word_hits(folded) and \
            not self._unconfused_hits(folded, None) and not self._digit_word_hits(folded)
        if clean and self._any_words:
            compact = base_letters(_joined(_compact(folded))[0])[0]
            # a word found may still be none where it stands (`ara`, a given name in Latin letters, in
            # `naraedong-welfare-team`; `osu` in `closure`): judged as `find` judges it, any case's given
            # names counted (the part is judged alone: no word nor the judging of one reaches across a
            # TEXT_BREAK, see `_judge`)
            clean = next(self._words_automaton().iter(compact.lower()), None) is None or not self._compact_hits(folded, None)
        if len(part) <= 200:  # what repeats is short (a status, a name, a date): a long text is told once
            if len(self._clean) + len(self._unclean) >= 100_000:  # (10,000 cases: some 22,000 texts)
                self._clean.clear()
                self._unclean.clear()
            (self._clean if clean else self._unclean).add(part)
        return clean

    def _find(self, text: str, scope: str | None, others: list[Hit] | None, jamo: bool = True) -> list[Hit]:
        """`find` of folded `text`; `others`: the hits of every word but given names alone, and
        of dates, when known (none: `find_joined`), else None (searched here). `jamo`: and in
        `text` with its Hangul letters typed apart composed (`_with_jamo`), known `others` or not."""
        hits = []
        if scope is None:
            names = None
            spans: Iterable[tuple[int, int]] = (m.span() for m in self.given_pattern.finditer(text)) \
                if self.given_pattern is not None else ()
        else:
            names, firsts = self._given_in(scope)
            spans = _given_spans(text, firsts)
        for start, end in spans:
            word = text[start] + text[end - 1]
            if word in self.given and (names is None or word in names):
                hit = self._judge(text, start, end, word, names)
                if hit is not None:
                    hits.append(hit)
        if self.cued:  # (any case's, any contact's given name, where a cue marks a person: once)
            own = {(h.start, h.end) for h in hits}
            hits += [h for h in self.cued_hits(text) if (h.start, h.end) not in own]
        rare = _JAMO_OR_CJK.search(text) if jamo and not text.isascii() else None
        if others is None:
            others = self._compact_hits(text, names) + self._date_hits(text)
            if rare is not None:  # (a CJK numeral or jamo: rare, so looked for first)
                others += self._cjk_hits(text)
            others += self._unconfused_hits(text, names)
            worded = self._address_word_hits(text) + self._digit_word_hits(text)
            if worded:  # (103동 천오백이호 holds 103동, 육구공칠이일-일… a date: one hit)
                reach = _reach((h.start, h.end) for h in worded)
                others = [o for o in others if reach(o.start + 1) < o.end] + worded
        if hits and others:  # a given name inside a hit of the whole name is that hit
            reach = _reach((o.start, o.end) for o in others)
            hits = [g for g in hits if reach(g.start + 1) < g.end]
        found = hits + others
        if rare is not None and JAMO_RE.search(text, rare.start()) is not None:
            found = self._with_jamo(text, scope, found)
        return sorted(found, key=lambda h: (h.start, -h.end))

    def _with_jamo(self, text: str, scope: str | None, found: list[Hit]) -> list[Hit]:
        """`found` in `text`, and what is found once its Hangul letters typed apart are composed into
        syllables (`compose_jamo`: ㅂㅏㄱㅇㅕㅇㅅㅜ, ㅂㅏㄱ ㅇㅕㅇ ㅅㅜ), at the letters in `text`: a `jamo` hit
        (a given name alone stays `given-name`), which takes the place of a hit inside it (영수 of
        ㅂㅏㄱ영수). A dash before ㅣ is read both ways (ㅎ-ㅣ: 희, folded from ㅎㅡㅣ, or 히)."""
        jamo: dict[tuple[int, int], Hit] = {}
        for eu_i in (True, False) if _DASH_I.search(text) else (True,):
            composed, at = compose_jamo(text, eu_i)
            if at is None:
                continue
            for hit in self._find(composed, scope, None, jamo=False):
                start, end = at[hit.start], at[hit.end]
                if JAMO_RE.search(text, start, end) is None:
                    continue  # (no letter composed in it: found in `text` as it is)
                jamo.setdefault((start, end), Hit(start, end, hit.sources, GIVEN if hit.variant == GIVEN else JAMO))
        if not jamo:
            return found
        reach = _reach(jamo)
        kept, furthest = [], -1  # (and of these, one inside another the other reading found is that one)
        for hit in sorted(jamo.values(), key=lambda h: (h.start, -h.end)):
            if hit.end > furthest:
                kept.append(hit)
                furthest = hit.end
        return [h for h in found if reach(h.start + 1) < h.end] + kept

    def _date_hits(self, text: str, *, gaps: bool = True) -> list[Hit]:
        """Every written form of a sensitive date but in CJK numerals (`_cjk_hits`): each date-like
        run read as (year, month, day). `gaps`: and with a line break or spaces inside a group
        (`_gap_date_hits`: 1969-0⏎7-21)."""
        if not self.dates:
            return []
        hits = self._digit_date_hits(text)
        if _SPELLED_HINT.search(text) is not None:  # (digits spelled apart: rare, so looked for first)
            hits += self._spelled_date_hits(text)
        if _date_words_hint(text):  # (number words: rare, so looked for first)
            hits += self._word_date_hits(text)
        for m in _digit_word_dates(text):
            y_words, mo_words, d_words = m.group("y", "m", "d")
            y, mo, d = (int(w.translate(WORD_DIGITS)) for w in (y_words, mo_words, d_words))
            for year in [y] if len(y_words) == 4 else [1900 + y, 2000 + y]:
                sources = self.dates.get((year, mo, d))
                if sources:
                    hits.append(Hit(m.start(), m.end(), frozenset(sources), DATE))
                    break
        hits += self._apart_word_dates(text, hits)
        if _MONTH_HINT.search(text) is not None:  # (a month named in English: rare, so looked for first)
            for m in _DATE_ENGLISH.finditer(text):
                mon, day, yy = (m.group("mon1"), m.group("d1"), m.group("y1")) if m.group("mon1") else \
                    (m.group("mon2"), m.group("d2"), m.group("y2"))
                month = _MONTH_NAMES[mon[:3].lower()]
                for year in [int(yy)] if len(yy) == 4 else [1900 + int(yy), 2000 + int(yy)]:
                    sources = self.dates.get((year, month, int(day)))
                    if sources:
                        hits.append(Hit(m.start(), m.end(), frozenset(sources), DATE))
                        break
        if gaps:  # (a line break or spaces inside a group: rare, one search)
            hits += self._gap_date_hits(text, hits)
        return hits

    def _spelled_date_hits(self, text: str) -> list[Hit]:
        """The sensitive dates in `text` written in digits spelled apart (`_SPELLED_RUN`): read with each
        run of single digits between spaces joined (6 9 0 7 2 1 as 690721), at the characters of
        `text`; only those a run joined is in (the others are `_digit_date_hits`' of `text`)."""
        read, at = _read_as(text, ((m.start(), m.end(), m.group().replace(" ", "").replace("\t", ""),
                                    [m.start() + i for i, ch in enumerate(m.group()) if ch not in " \t"])
                                   for m in _SPELLED_RUN.finditer(text)))
        out = []
        for hit in self._digit_date_hits(read):
            start, end = at[hit.start], at[hit.end - 1] + 1
            # (a run joined in it, and nothing beside it a drawing's path data has: `_SPELLED_BEFORE`)
            if end - start != hit.end - hit.start and _SPELLED_BEFORE.search(text, max(start - 64, 0), start) is None and \
                    _SPELLED_AFTER.match(text, end) is None:
                out.append(Hit(start, end, hit.sources, DATE))
        return out

    def _digit_date_hits(self, text: str) -> list[Hit]:
        """The sensitive dates written in digits in `text` (`_DATE_TEXT`, `_DATE_YEAR_LAST`)."""
        hits: list[Hit] = []
        for m in _DATE_TEXT.finditer(text):
            first, digits = m.group(1), m.group("digits")
            if digits:
                digits = first + digits
                if len(digits) == 6 and (_LETTER_EDGE.match(text, m.end()) or m.start() and _LETTER_EDGE.match(text, m.start() - 1)):
                    continue
                y, mo, d = (digits[:4], digits[4:6], digits[6:]) if len(digits) == 8 else (digits[:2], digits[2:4], digits[4:])
            elif m.group("y4"):
                y, mo, d = m.group("y4"), first + m.group("m4"), m.group("d4")
            else:
                n = "1" if m.group("y1") else "2" if m.group("y2") else "3"
                y, mo, d = first + m.group("y" + n), m.group("m" + n), m.group("d" + n)
            years = [int(y)] if len(y) == 4 else [1900 + int(y), 2000 + int(y)]
            for year in years:
                sources = self.dates.get((year, int(mo), int(d)))
                if sources:
                    exact = m.group(0) == f"{year:04d}-{int(mo):02d}-{int(d):02d}"
                    hits.append(Hit(m.start(), m.end(), frozenset(sources), EXACT if exact else DATE))
                    break
        read = {(h.start, h.end) for h in hits}  # (a set: each looked up, not each hit tried)
        for m in _DATE_YEAR_LAST.finditer(text):
            lead, second, mark, middle, last = m.groups()
            one, two = int(lead + second), int(middle)
            if len(last) == 4:
                years = [int(last)]
            elif mark in _SHORT_YEAR_MARKS and m.span() not in read:
                years = [1900 + int(last), 2000 + int(last)]  # (69.07.21 read year first already: once)
            else:
                continue
            for year in years:
                sources = self.dates.get((year, two, one)) or self.dates.get((year, one, two))  # day first, or month first
                if sources:
                    hits.append(Hit(m.start(), m.end(), frozenset(sources), DATE))
                    break
        return hits

    def _cjk_hits(self, text: str) -> list[Hit]:
        """The sensitive dates and numbers in `text` (holding a CJK numeral) written with a number
        in CJK numerals, at its characters: read with its numerals as digits (`_cjk_readings`, and
        each number apart, `_cluster_readings`), a date as `date` and a number as `number` (a
        resident number, 六九〇七二一-一二三四五六七 or 六九〇七二一-1234567: its front is no date,
        inside a longer number; a phone number, 〇一〇-一二三四-五六七八)."""
        if not _may_hold_cjk_number(text):  # (most texts, and a mask or a bullet: 이○○, ○ 상담)
            return []
        runs = _dash_runs(text)
        readings = [(0, text, read, at) for read, at in _cjk_readings(text, runs)]
        for ws, window in _cluster_readings(text, runs):
            read, at = _cjk_in_digits(window)
            readings.append((ws, text[ws:ws + len(window)], read, at))
        found: dict[tuple[int, int], Hit] = {}
        for ws, seen, read, at in readings:
            dates = self._digit_date_hits(read)
            numbers = [h for h in self._compact_hits(read, None) if h.variant != GIVEN] if self._any_words else []
            for hits, plain in ((dates, DATE), (numbers, NUMBER)):
                for hit in hits:
                    start, end = at[hit.start], at[hit.end]
                    if read[hit.start:hit.end] != seen[start:end]:  # (else in digits: found in `text` as it is)
                        variant = plain if hit.variant in (EXACT, SPACED) else hit.variant
                        found.setdefault((ws + start, ws + end), Hit(ws + start, ws + end, hit.sources, variant))
        return list(found.values())

    def _unconfused_hits(self, text: str, names: dict[str, frozenset[tuple[str, str]]] | None) -> list[Hit]:
        """The numbers and dates in `text` with letters drawn as digits in them (`digits_unconfused`:
        O1O-1234-5678, 196O-O7-21), at its characters (read with them as digits: the same length)."""
        read = digits_unconfused(text)
        if read is None:
            return []
        out = []
        for hit in (self._compact_hits(read, names) if self._any_words else []) + self._date_hits(read):
            if hit.variant != GIVEN and read[hit.start:hit.end] != text[hit.start:hit.end]:  # (else found as it is)
                plain = DATE if _ISO_DATE.fullmatch(read[hit.start:hit.end]) else NUMBER
                out.append(Hit(hit.start, hit.end, hit.sources, plain if hit.variant in (EXACT, SPACED) else hit.variant))
        return out

    def _digit_word_hits(self, text: str) -> list[Hit]:
        """The numbers in `text` written in Korean digit words, or in words and digits (공일공-공공공공-일공공일,
        010-공공공공-일공공일), at its characters: each run of them read as digits (`pii.word_readings`, the
        same length), the hits of a value of digits in a reading, bounded as one in digits is (통화
        2026-03-10 공일공-… holds 010-…; 3공일공… is a longer number)."""
        if not self._any_words:
            return []
        found: dict[tuple[int, int], Hit] = {}
        for read in word_readings(text):
            for hit in self._compact_hits(read, None):
                seen = read[hit.start:hit.end]
                if hit.variant != GIVEN and seen != text[hit.start:hit.end] and _HANGUL.search(seen) is None:
                    variant = NUMBER if hit.variant in (EXACT, SPACED) else hit.variant
                    found.setdefault((hit.start, hit.end), Hit(hit.start, hit.end, hit.sources, variant))
        return list(found.values())

    def _address_word_hits(self, text: str) -> list[Hit]:
        """The details of addresses in `text` with a number in Korean number words (`_ADDRESS_WORDS`:
        백삼동 천오백이호 for 103동 1502호), at its characters: read with those numbers
        in digits, the hits a number so read is in."""
        if not self._any_words:
            return []
        parts = []
        for m in _ADDRESS_WORDS.finditer(text):
            start, end = m.span("street") if m["street"] else m.span()
            value = _ko_number(text[start:end])
            if value is not None:
                parts.append((start, end, str(value), None))
        if not parts:
            return []
        read, at = _read_as(text, parts)
        out = []
        for hit in self._compact_hits(read, None):
            start, end = at[hit.start], at[hit.end]
            if hit.variant != GIVEN and read[hit.start:hit.end] != text[start:end]:  # (else found as it is)
                out.append(Hit(start, end, hit.sources, ADDRESS if hit.variant in (EXACT, SPACED) else hit.variant))
        return out

    def _apart_word_dates(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The sensitive dates in number words apart in `text` (`_DATE_WORDS_APART`, and with a year of
        two words, `_MONTH_BETWEEN_MARKS`), but where
        `hits` has one (일구육구-공칠-이일 is `_DATE_DIGIT_WORDS`' too). A day in words may end in
        일 (日) or a particle 이 (이십일일, 이십일이다): read with it, then without."""
        found: list[Hit] = []
        for lead in self.year_leads:
            at = text.find(lead)
            while at >= 0:
                m = _DATE_WORDS_APART.match(text, at)
                mo = None if m is None else _ko_number(m["m"])
                if m is not None and mo is not None:
                    found += self._day_hit(m.start(), [int(m["y"].translate(WORD_DIGITS))], mo, m["d"], m.start("d"))
                at = text.find(lead, at + 1)
        # (a year of two words; or of two or four digits, the month or the day in words: 69. 칠. 이십일)
        for m in _MONTH_BETWEEN_MARKS.finditer(text) if self.dates else ():
            end = m.start()
            for _ in range(2):
                end -= end > 0 and text[end - 1] in " \t"
            mo = _ko_number(m["m"])
            day = None if mo is None else _DAY_AFTER.match(text, m.end())
            if mo is None or day is None:
                continue
            for n in (4, 2):  # the year, a whole number: four digits, or two digits or two words
                year = text[max(end - n, 0):end]
                if len(year) < n or (end > n and text[end - n - 1] in _DIGIT_OR_WORD):
                    continue
                if year.isascii() and year.isdigit() and not (m["m"] + day["d"]).isascii():  # (else `_digit_date_hits`')
                    yy = int(year)
                elif n == 2 and all(ch in WORD_DIGIT_CHARS for ch in year):
                    yy = int(year.translate(WORD_DIGITS))
                else:
                    continue
                found += self._day_hit(end - n, [yy] if n == 4 else [1900 + yy, 2000 + yy], mo, day["d"], day.start("d"))
                break
        if not found:
            return found
        reach, out, taken = _reach((h.start, h.end) for h in hits), [], 0
        for hit in sorted(found, key=lambda h: h.start):
            if hit.start >= taken and reach(hit.end) <= hit.start:
                out.append(hit)
                taken = hit.end
        return out

    def _day_hit(self, start: int, years: list[int], month: int, words: str, at: int) -> list[Hit]:
        """The sensitive date of one of `years`, `month`, and the day `words` (at `at`) read with a
        last 일 (日) or 이 (a particle), then without: its hit from `start`, or none."""
        for d in (words, words[:-1]) if len(words) > 1 and words[-1] in "일이" else (words,):
            day = _ko_number(d)
            if day is None:
                continue
            for year in years:
                sources = self.dates.get((year, month, day))
                if sources:
                    return [Hit(start, at + len(d), frozenset(sources), DATE)]
        return []

    def _word_date_hits(self, text: str) -> list[Hit]:
        """The sensitive dates in `text` with a part in Korean number words and 년 월 일 written
        (`_DATE_WORDS`, `_DATE_WORDS_YEAR_LAST`)."""
        hits: list[Hit] = []
        for m in _DATE_WORDS.finditer(text):
            y_words, mo_words, d_words = m.group("y", "m", "d")
            if (y_words + mo_words + d_words).isdigit():
                continue  # (in digits: `_DATE_TEXT`'s)
            y = _ko_number(y_words)
            mo = {"유": 6, "시": 10}.get(mo_words) if mo_words in ("유", "시") else _ko_number(mo_words)
            d = _ko_number(d_words)
            if y is None or mo is None or d is None:
                continue
            digit_by_digit = y_words.isdigit() or not any(unit in y_words for unit in "십백천")
            if digit_by_digit and len(y_words) not in (2, 4):
                continue
            for year in [y] if y >= 100 else [1900 + y, 2000 + y]:
                sources = self.dates.get((year, mo, d))
                if sources:
                    hits.append(Hit(m.start(), m.end(), frozenset(sources), DATE))
                    break
        for m in _DATE_WORDS_YEAR_LAST.finditer(text):
            mo_words, d_words, y_words = m.group("m", "d", "y")
            if (y_words + mo_words + d_words).isdigit():
                continue  # (in digits: `_DATE_TEXT`'s)
            mo = {"유": 6, "시": 10}.get(mo_words) if mo_words in ("유", "시") else _ko_number(mo_words)
            d, y = _ko_number(d_words), _ko_number(y_words)
            if y is not None and mo is not None and d is not None and y >= 1000:
                sources = self.dates.get((y, mo, d))
                if sources:
                    hits.append(Hit(m.start(), m.end(), frozenset(sources), DATE))
        return hits

    def _compact_hits(self, folded: str, names: dict[str, frozenset[tuple[str, str]]] | None) -> list[Hit]:
        """Hits of every word but given names, found in the text with its separators dropped."""
        if not self._any_words:
            return []
        # the Latin letters as base letters (Le Thi Huong for Lê Thị Hương, as the words are kept);
        # `back`: where each character of `text` is in `folded`, when some letter became two (ß -> ss)
        text, back = base_letters(folded)
        compact, joins = _joined(_compact(text))
        # every match, leftmost-longest first (`leftmost_longest`): a value's longest form (the whole
        # address before its 동·호), and what it covers is taken. A word of Latin letters that is no
        # hit (inside a longer word: `anh` in `Van Hung`) takes nothing, so the name after it is found
        lowered = _lower(compact)
        matches = ((end + 1 - len(word), -len(word), word) for end, word in self._words_automaton().iter(lowered))
        cap = FLOOD * len(lowered) + 4 * MAX_VALUE
        found = list(itertools.islice(matches, cap + 1))  # (the automaton gives them in the order of their ends)
        flooded = len(found) > cap
        if flooded:  # the rest of the text is one hit (`FLOOD`): from where a match not read could start
            rest, seen = max(0, found[-1][0] - found[-1][1] - self._longest), {w for _, _, w in found}
            found = [m for m in found if m[0] < rest]
        found.sort()
        if not found:
            return []
        kept_at = list(itertools.accumulate((e - s for s, e in joins[:-1]), initial=0)) if joins else []

        def unjoined(k: int) -> int:  # an offset without the joining marks -> with them (the text without separators)
            if not joins:
                return k
            i = bisect.bisect_right(kept_at, k) - 1
            return joins[i][0] + (k - kept_at[i])

        runs = [(m.start(), m.end()) for m in _KEEP.finditer(text)]
        run_starts = []
        at = 0
        for s, e in runs:
            run_starts.append(at)
            at += e - s

        def original(k: int) -> int:  # an offset in `compact` -> in `text`
            k = unjoined(k)
            i = bisect.bisect_right(run_starts, k) - 1
            return runs[i][0] + (k - run_starts[i])

        hits = []
        taken = 0
        for cs, minus, word in found:
            if cs < taken:
                continue
            start, end = original(cs), original(cs - minus - 1) + 1
            if text is folded:
                hit = self._judge(text, start, end, word, names)
            else:  # (judged in the text of base letters, named by what it is written as)
                written = folded[start:end] if back is None else folded[back[start]:back[end - 1] + 1]
                hit = self._judge(text, start, end, word, names, written)
                if hit is not None and back is not None:
                    hit = Hit(back[hit.start], back[hit.end - 1] + 1, hit.sources, hit.variant)
            if hit is not None:
                hits.append(hit)
            if hit is not None or not (word.isascii() and word.isalpha()):
                taken = cs - minus
        if flooded and (at := original(rest)) < len(text):
            sources = frozenset(src for w in seen for where in self.words[w].values() for src in where)
            flood = Hit(at, len(text), sources, EXACT)
            hits.append(flood if back is None else Hit(back[at], len(folded), sources, EXACT))
        return hits

    def _judge(self, text: str, start: int, end: int, word: str,
               names: dict[str, frozenset[tuple[str, str]]] | None, written: str | None = None) -> Hit | None:
        """The variant a match is, or None when its surroundings say it is something else.
        `names`: the given names in scope with their sources (None: every one). `written`: the
        match as the text writes it, when `text` has its Latin letters as base letters."""
        span = text[start:end] if written is None else written
        if end - start > 4 * len(word):  # letters strewn far apart are not the value
            return None
        before = text[start - 1] if start else ""
        if word.isascii() and word.isalpha() and _in_latin_word(text, start, end):
            return None  # a name in Latin letters is a word of its own (Le An is not in clean, Hung not in Hungary)
        separated = end - start > len(word)  # (what the span holds beyond the word: separators, joining marks)
        digit_edge = (word[0].isdigit() and _DIGIT_BEFORE.search(text, max(start - 2, 0), start) is not None) or (
            word[-1].isdigit() and _DIGIT_AFTER.match(text, end) is not None)
        idd = _IDD_BEFORE.search(text, max(start - 12, 0), start) if digit_edge and word.startswith("82") else None
        if idd is not None and not (word[-1].isdigit() and _DIGIT_AFTER.match(text, end)):
            start, digit_edge = idd.start(), False  # 0082-10-…: the number with its prefix, as +82-10-… is
        exact = self.sources.get(normalize(span).casefold())
        if exact and not digit_edge:
            return Hit(start, end, frozenset(exact), EXACT)
        best: tuple[int, str, set[tuple[str, str]]] | None = None
        for kind, sources in self.words[word].items():
            if kind == GIVEN and word.isascii() and not text[start].isupper():
                # a given name in Latin letters alone is written as a name is, capitalised (Minsu 씨,
                # HUONG); in small letters it is a word of an id, an address or a mail address
                # (gaon-food-bank for a client 김가온; minsu.center@…); the whole name counts in any case
                continue
            if kind == GIVEN and names is not None:
                if word not in names:
                    continue
                sources = set(names[word])
            if (word, kind) in self.needs_sep and not separated:
                continue
            if kind == ADDRESS and word.isdigit() and _FLAT_NUMBER.fullmatch(span) is None:
                continue  # 103-1401 of 103동 1401호 is a 동 and a 호, not digits of other numbers: 10-31 (401일 지남)
            if kind == NAME_PAIR:
                if _touches_a_name(text, start, end):
                    continue  # Tran Hung in Tran Hung Dao (a street, another person) is not Tran Van Hung
                kind = NAME_ORDER
            elif kind == RESIDENT_FRONT + "-6":
                if before.isdigit() or re.match(r"\s*-", text[end:end + 3]) is None:
                    continue
                kind = RESIDENT_FRONT
            elif digit_edge:
                continue
            elif (kind in (GIVEN, EXACT, NAME_PART) and _HANGUL.match(word[0])
                  and (_HANGUL.match(before) or (kind == GIVEN or separated) and not _TAIL.match(text, end))):
                continue  # a name starts a word and ends it (a particle or 씨/님 may follow)
            if kind == EXACT:
                kind = self._plain_kind(word, span)
            if best is None or _RANK[kind] < best[0]:
                best = (_RANK[kind], kind, sources)
        if best is None:
            return None
        return Hit(start, end, frozenset(best[2]), best[1])

    def _plain_kind(self, word: str, written: str) -> str:
        """The value itself, written with other separators (`written`: as the text writes it), or
        its Latin letters with other accents or none."""
        if DATE in self.words[word]:
            return DATE
        if word.isdigit() or (word[:1].isdigit() and not _HANGUL.search(word)):
            return NUMBER
        if word in self.marked or LATIN_MARKED.search(written):
            letters = _compact(unicodedata.normalize("NFC", written)).casefold()
            if letters not in self.marked.get(word, (word,)):
                return UNACCENTED
        return SPACED

    def finditer(self, text: str) -> Iterator[tuple[int, set[tuple[str, str]]]]:
        """(offset, {(source, field)}) for each value or variant found in `text` that must not be
        published at all: every variant but the given name alone (which `mask` hides instead)."""
        for hit in self.find(text):
            if hit.variant != GIVEN:
                yield hit.start, set(hit.sources)

    def mask(self, text: str, *, markdown: bool = True, scope: str | None = None) -> str:
        """`text` with every value or variant found replaced by ○, one per character a reader
        sees (markup around them kept). Lines holding `<!-- casekit: name-ok -->` keep a given
        name. `markdown`: `text` is Markdown/HTML source (else plain text). `scope`: whose given
        names are masked (see `find`)."""
        rt = reader_text(text) if markdown else ReaderText(fold(text), text, [], [], [], [])
        hits = self.find(rt.text, folded=True, scope=scope)
        hits += self.broken_date_hits(rt.text, hits) if markdown else []  # (1969-07-⏎21: shown 1969-07- 21)
        edits: list[tuple[int, int, str]] = []  # (source start, end, what goes there)
        name_ok = _lines_having(text, NAME_OK)
        for hit in hits:
            if hit.variant == GIVEN and name_ok(rt.source_offset(hit.start)):
                continue
            for i in range(hit.start, hit.end):
                if not _SEPS.match(rt.text[i]):
                    edits.append((*rt.source_span(i, i + 1), MASK_CHAR))
        for hit, at, spans in self.unstruck_hits(text, hits, rt, scope) if markdown else ():
            if not (hit.variant == GIVEN and name_ok(at)):  # (the characters not struck through: 박<del>가</del>영수)
                edits += [(s, e, MASK_CHAR) for s, e in spans]
        # a tag's attribute values are published too (title, alt, a link's address): masked alike
        for at, tag in rt.markup:
            if (tag.isascii() and not (self._ascii_given and "=" in tag and self._has_word(tag))
                    and _MARKUP_ESCAPE.search(tag) is None):
                continue  # (a tag of ASCII alone holds a given name only in Latin letters, in an attribute, or escaped)
            if not name_ok(at):
                masked = self._mask_markup(tag, scope)
                if masked != tag:
                    edits.append((at, at + len(tag), masked))
        if not edits:
            return text
        out, pos = [], 0
        for s, e, new in sorted(set(edits)):
            if s < pos:
                continue
            out.append(text[pos:s])
            out.append(new)
            pos = e
        out.append(text[pos:])
        return "".join(out)


    def _mask_markup(self, tag: str, scope: str | None) -> str:
        """A tag or a link's address (`ReaderText.markup`) with what it shows masked: as written, and
        as a tooltip or the status bar shows it (`markup_text`: `title="&#50689;수 씨"`,
        `https://x.org/%EC%98%81%EC%88%98`, a punycode host), each escape that spells a masked
        character put back as ○. `scan` reads markup so, and told of these that the page masks them;
        the page published them whole. Nothing is unescaped that shows nothing masked."""
        masked = self.mask(tag, markdown=False, scope=scope)  # (never unescaped: it goes back as it was)
        if not _ESCAPED.search(masked) and ("n--" not in masked and "N--" not in masked):
            return masked
        text, spans = _decoded_markup(masked)
        hits = self.find(text, folded=True, scope=scope)
        if not hits:
            return masked
        covered: dict[tuple[int, int], int] = {}  # source span -> how many masked characters it shows
        for hit in hits:
            for i in range(hit.start, hit.end):
                if not _SEPS.match(text[i]):
                    covered[spans[i]] = covered.get(spans[i], 0) + 1
        out, pos = [], 0
        for (s, e), n in sorted(covered.items()):
            if s < pos:
                continue
            out += [masked[pos:s], MASK_CHAR * n]
            pos = e
        out.append(masked[pos:])
        return "".join(out)


# an escape a browser shows decoded in a tooltip or the status bar: a run of percent-encoded bytes,
# a character reference (`markup_text`); a punycode label (`IDNA_LABEL`)
_ESCAPED = re.compile(r"(?:%[0-9A-Fa-f]{2})+|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_MARKUP_ESCAPE = re.compile(_ESCAPED.pattern + r"|(?<![A-Za-z0-9-])[Xx][Nn]--[A-Za-z0-9-]{1,59}")


def _decoded_markup(markup: str) -> tuple[str, list[tuple[int, int]]]:
    """`markup` as `markup_text` reads it, folded, and for each of its characters the span of `markup`
    it is drawn from: an escape's characters all map to the whole escape (a percent-encoded byte run to
    the bytes of each character), any other character to itself."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []

    def put(text: str, s: int, e: int) -> None:
        for ch in fold(text):
            out.append(ch)
            spans.append((s, e))

    pos = 0
    for m in _MARKUP_ESCAPE.finditer(markup):
        for i in range(pos, m.start()):
            put(markup[i], i, i + 1)
        written = m.group()
        if written.startswith("%"):
            decoder = codecs.getincrementaldecoder("utf-8")("replace")
            start = m.start()
            for k in range(0, len(written), 3):
                ch = decoder.decode(bytes([int(written[k + 1:k + 3], 16)]))
                if ch:
                    put(ch, start, m.start() + k + 3)
                    start = m.start() + k + 3
            tail = decoder.decode(b"", final=True)
            if tail:
                put(tail, start, m.end())
        elif written.startswith("&"):
            put(html.unescape(written), m.start(), m.end())
        else:
            put(idna_decoded(written), m.start(), m.end())
        pos = m.end()
    for i in range(pos, len(markup)):
        put(markup[i], i, i + 1)
    return "".join(out), spans


# the word of Latin letters just before or after a match (white space between), and the titles
# that come before a name and are none (Mr Hung Tran)
_LATIN_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]*\Z")
_LATIN_WORD_AFTER = re.compile(r"[ \t]*([A-Za-z]+)")
_LATIN_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "mme", "mlle", "herr", "frau"})


def _touches_a_name(text: str, start: int, end: int) -> bool:
    """Whether a word of another name touches `text[start:end]`: a word of Latin letters that
    starts with a capital (Tran Hung Dao, Dang Anh Tuan), just before or after it, white space
    between; not a title (Mr Hung Tran) nor a word in small letters (Hung Tran and his son)."""
    before = _LATIN_WORD_BEFORE.search(text, max(start - 40, 0), start)
    after = _LATIN_WORD_AFTER.match(text, end)
    return any(m is not None and m.group(1)[0].isupper() and m.group(1).lower() not in _LATIN_TITLES
               for m in (before, after))


def _in_latin_word(text: str, start: int, end: int) -> bool:
    """Whether the match `text[start:end]` of Latin letters starts or ends inside a longer word
    of Latin letters (Le An in `clean`, Hung in `Hungary`): a letter on both sides of its edge,
    unless a capital follows a small letter there, as where words written together meet
    (`MrTranVanHung`)."""
    return (start > 0 and _one_word(text[start - 1], text[start])) or (end < len(text) and _one_word(text[end - 1], text[end]))


def _one_word(left: str, right: str) -> bool:
    """Two characters side by side in one word of Latin letters."""
    return (left.isascii() and left.isalpha() and right.isascii() and right.isalpha()
            and not (left.islower() and right.isupper()))


# (between the syllables of a given name, `!` and `?` too: 영!!희 reads 영희; between a number's digits they
# are marks `_JOIN` counts, three at most)
_GIVEN_GAP = f"[{_SEP_CHARS}!?]{{0,3}}"
_GIVEN_REST = re.compile(f"{_GIVEN_GAP}[가-힣]")
# a given name of two syllables starting a word, just before a cue (a space between them or none: group 3)
_NAME_BEFORE = re.compile(rf"(?<![가-힣])([가-힣]){_GIVEN_GAP}([가-힣])([ \t]?)\Z")
_GIVEN_WORD = re.compile("[가-힣]{2}")
_WHOLE_TWO = re.compile("(?<![가-힣])[가-힣]{2}(?![가-힣])")


def needles_digest(needles: Iterable[tuple[str, str, str]]) -> str:
    """A hash of the needles an index is made from, whatever their order: what the index finds."""
    blob = json.dumps(sorted(needles), ensure_ascii=True)  # (each string quoted: no two lists spell alike)
    return hashlib.blake2b(blob.encode("ascii"), digest_size=16).hexdigest()


def _given_spans(text: str, firsts: str) -> list[tuple[int, int]]:
    """What `_given_pattern(firsts)` finds in `text`, found with str.find: a case has a few
    given names, and a pattern compiled for each case costs more than the search."""
    starts: list[int] = []
    for ch in firsts:
        at = text.find(ch)
        while at >= 0:
            starts.append(at)
            at = text.find(ch, at + 1)
    out: list[tuple[int, int]] = []
    end = 0
    for i in sorted(starts):
        if i < end or (i and "가" <= text[i - 1] <= "힣"):  # taken, or not at the start of a word
            continue
        m = _GIVEN_REST.match(text, i + 1)
        if m is not None:
            out.append((i, m.end()))
            end = m.end()
    return out


def _given_pattern(firsts: str) -> re.Pattern[str] | None:
    """The first syllable of a given name, at the start of a word (checked after it: the charset
    first lets the regex engine skip ahead fast), then its second syllable, a few separators apart."""
    return re.compile(f"[{firsts}](?<![가-힣][가-힣]){_GIVEN_GAP}[가-힣]") if firsts else None


def scope_of(rel: str) -> str | None:
    """Whose given names count as a word of their own in the text of file `rel`: in a record, those
    of its own case (a client's given name alone in another client's record is almost always an
    ordinary word: with thousands of clients, most two-syllable words are somebody's given name); in a
    resource, its own; in a page of docs/ (few, written by hand, and a story about a client there is
    the risk), every client's (None). Any client's or contact's given name counts in any text after a
    cue (`SensitiveIndex.cued_hits`)."""
    parts = rel.split("/")
    if parts[0] == "cases" and len(parts) > 2:
        return f"cases/{parts[1]}/"
    return rel if parts[0] == "resources" else None


def _lines_having(text: str, pattern: re.Pattern[str]) -> Callable[[int], bool]:
    """Whether the line of `text` that holds an offset holds `pattern` (within the line: a match
    across a line feed is none), asked for many offsets: each line searched once, found by
    bisection (searching the line again for each hit, a text of one long line with a given name
    in every word, 200 KB, took 8 s to mask), and none when `pattern` is nowhere in `text`
    (most texts)."""
    if pattern.search(text) is None:
        return lambda offset: False
    breaks = [m.start() for m in _NEWLINE.finditer(text)]
    known: dict[int, bool] = {}

    def has(offset: int) -> bool:
        i = bisect.bisect_left(breaks, offset)  # the line's end: the first line feed at or after `offset`
        if i not in known:
            start = breaks[i - 1] + 1 if i else 0
            known[i] = pattern.search(text, start, breaks[i] if i < len(breaks) else len(text)) is not None
        return known[i]

    return has


_NEWLINE = re.compile("\n")


def locator(text: str, first_line: int) -> Callable[[int], tuple[int, int]]:
    """File line and 1-based column of an offset in a text that starts at file line `first_line`,
    for the many offsets of one text: its line feeds found once, each offset's line by bisection
    (counting them from the start for each hit, a 900 KB body with 128,000 given names took 11 s
    of a check's 13)."""
    starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def locate(offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, offset) - 1
        return first_line + i, offset - starts[i] + 1

    return locate


TEXT_BREAK = "\n\x00\n"  # between texts searched together (fields, lines): no value or variant spans it


def scan_fields(index: SensitiveIndex, rel: str, fields: list[tuple[str, int, int]],
                line_of: Callable[[int], str] | None = None) -> list[Finding]:
    """Findings for the published fields `(text, line, column)` of one file, each located at its
    field; all searched in one pass (a record has dozens of short fields). Given names: of its
    own case (`scope_of`). `line_of`: the file's text of a line, read when a field holds a value:
    where the field is written on its line as it reads, the finding is at the value in it
    (`note: "… 박영수 님 …"`), else at the field."""
    fields = [(idna_decoded(text), line, column) for text, line, column in fields]  # (xn--… as the audit reads it)
    hits = index.find_joined([text for text, _, _ in fields], scope=scope_of(rel)) if fields else []
    if not hits:
        return []
    starts, at = [], 0
    for text, _, _ in fields:
        starts.append(at)
        at += len(text) + len(TEXT_BREAK)
    own = scope_of(rel)  # (a record's: cases/<id>/)
    case_id = own[len("cases/"):-1] if own is not None and own.startswith("cases/") else None
    # what each field holding a hit is, worked out once for all its hits (a field of a megabyte holds
    # a hundred thousand: its text read again for each took the square of its size): a date, the
    # start of its value on its line (None: at the field), a name-ok on its line
    known: dict[int, tuple[bool, int | None, bool]] = {}
    out = []
    for hit in hits:
        i = bisect.bisect_right(starts, hit.start) - 1
        text, line, column = fields[i]
        if text == case_id and hit.variant != GIVEN:  # its `case:`: said once, at its folder (`scan_name`)
            continue
        if i not in known:
            written = line_of(line) if line_of is not None else None
            known[i] = (_ISO_DATE.fullmatch(text.strip()) is not None,
                        None if written is None else value_start(written, column, text),
                        written is not None and NAME_OK_FIELD.search(written) is not None)
        date_field, start, name_ok = known[i]
        if hit.variant == GIVEN and name_ok:
            continue  # (a given name that is an ordinary word there, said so on its line)
        at = column if start is None else start + hit.start - starts[i] + 1
        out.append(_finding(hit, rel, line, at, date_field=date_field, in_field=True, text=text,
                            end=hit.end - starts[i]))
    return out


# what to do about a sensitive value where it would be published: in a text, take it out; a date
# field that is a birth date (a baby's intake on the day it was born, a target date on a child's
# birthday) says what the day is, which stays: the date chosen otherwise, or the birth date left out
ADVICE = ("본문과 일반 항목에서 지우세요(사람을 가리켜야 하면 가명 표기로).", "use the alias")
DATE_ADVICE = (
    "이 항목은 날짜이고, 생년월일과 같은 날짜는 사이트에 실을 수 없습니다. 목표일·검토일처럼 정하는 날짜면 다른 날로 "
    "정하세요. 기록한 날처럼 사실인 날짜면 바꾸지 말고 {source}의 생년월일(필수 아님)을 비우세요(연령대 age_group은 "
    "남깁니다).",
    "this is a date field, and a date that is a birth date cannot be published: choose another day for a date you set "
    "(a target or review date); a date that is a fact stays, so leave the birth date out of {source_en} (keep "
    "age_group)",
)

# a file's or folder's name is published as it stands, in the site's addresses and in a title made
# of it: renamed, not edited (a case folder's name is its id, which its records' `case:` repeat)
NAME_ADVICE = (
    "파일·폴더 이름은 사이트의 주소(URL)와 제목에 그대로 실립니다. 민감 정보가 없는 이름으로 바꾸세요.",
    "a file's or folder's name is published in the site's addresses and titles: rename it",
)
CASE_ID_ADVICE = (
    "사례 번호(사례 폴더 이름)는 사이트의 주소(URL)와 제목에 그대로 실립니다. 민감 정보가 없는 번호(2026-0001 같은)로 "
    "폴더 이름을 바꾸고, 그 기록들의 case: 값도 같은 번호로 고치세요.",
    "the case id (its folder's name) is published in the site's addresses and titles: rename the folder to an id "
    "without it (such as 2026-0001) and write that id in the case: of its records",
)


# what a sensitive field is called in the practice's words (the finding names both)
FIELD_KO = {
    "client.name": "클라이언트 실명", "client.birth_date": "클라이언트 생년월일", "client.resident_number": "주민등록번호",
    "client.phone": "클라이언트 전화번호", "client.address": "클라이언트 주소", "referral.referrer_contact": "의뢰인 연락처",
    "consents.guardian_name": "법정대리인 이름", "household_members.name": "가구원 실명", "participants.name": "참석자 이름",
    "contact_person": "자원 담당자 이름", "contact_phone": "자원 담당자 연락처",
}
_INDEX = re.compile(r"\[[0-9*]+\]")


def field_label(field: str) -> str:
    """`client.name` -> `client.name, 클라이언트 실명` (a field casekit does not name: as it is)."""
    ko = FIELD_KO.get(_INDEX.sub("", field).replace(".*.", "."))
    return f"{field}, {ko}" if ko else field


def values_too_long(parsed: Parsed, rel: str, patterns: list[tuple[Any, ...]]) -> list[Finding]:
    """A `sensitive-value-too-long` error at each value of a sensitive field (`patterns`: the
    schema's `x-sensitive` paths for the file's kind) longer than MAX_VALUE characters, white space
    counted as the index counts it (`normalize`): the index leaves it out (no text is searched for
    it), and a value nothing protects must not pass unsaid."""
    if not patterns or parsed.data is None:
        return []
    out = []
    for path, value in within(parsed.leaves(), patterns):
        if not isinstance(value, str) or len(value) <= MAX_VALUE:
            continue  # (a number YAML read is short: a longer one is refused as one, yaml-number-too-large)
        size = len(normalize(value))
        if size > MAX_VALUE:
            line, column = parsed.where(path)
            name = field_name(path)
            out.append(finding("sensitive-value-too-long", rel, line, column, field=field_label(name), field_en=name,
                               length=f"{size:,}", limit=MAX_VALUE))
    return out


def _finding(hit: Hit, rel: str, line: int | None, column: int | None, date_field: bool = False,
             in_field: bool = False, advice: tuple[str, str] | None = None, text: str = "", end: int = 0) -> Finding:
    """`in_field`: a value published as written (a front-matter field, a handover's reason, a text of
    mkdocs.yml), which the site does not mask: a given name there is `given-name-in-field`, an error,
    in a record's or a resource's field, and in a text of mkdocs.yml where Korean marks it as a
    person's (`_cued`: a cue after it, `민호 씨`, `지윤 주무관`); elsewhere `given-name-in-text`, a
    warning (a body's is masked; a docs/ page's front matter is read as the page is; a bare one in
    mkdocs.yml: an agency's name, 가온 사례집, is some client's given name in a casebook of thousands).
    `text`, `end`: the text `hit` was found in and where it ends there (what follows it: a cue?).
    `advice`: what to do (Korean, English) when not the ADVICE of a text (a name: rename it)."""
    # whose value it is (the record or resource it is written in, never the value): a record's date
    # that is a client's birth date, a name that is another case's client's, is found at once
    source = min(src for src, field in hit.sources if field == hit.field)
    others = len({src for src, _ in hit.sources}) - 1
    args: dict[str, Any] = {"field": field_label(hit.field), "field_en": hit.field,
                            "source": source + (f" 외 {others}곳" if others else ""),
                            "source_en": source + (f" and {others} more" if others else "")}
    if hit.variant not in (EXACT, GIVEN):
        args["variant"] = VARIANT_KO[hit.variant]
        args["variant_en"] = hit.variant
    ko, en = advice or (DATE_ADVICE if date_field and hit.field.rsplit(".", 1)[-1] == "birth_date" else ADVICE)
    args["advice"], args["advice_en"] = ko.format(source=source), en.format(source_en=source)
    code = "given-name-in-field" if in_field and hit.variant == GIVEN and (
        _cued(text, end) if rel == SETTINGS_FILE else scope_of(rel) is not None) else hit.code
    return finding(code, rel, line, column, **args)


def scan(index: SensitiveIndex, rel: str, text: str, line: int | None, column: int | None, *, body: bool) -> list[Finding]:
    """Findings for the values and variants in one published text: a Markdown body (located at
    each hit, read as a reader sees it) or a field (located at the field). Given names count
    only those of `rel`'s own case (`scope_of`)."""
    out: list[Finding] = []
    rt = reader_text(text) if body else None
    scope = scope_of(rel)
    # (a field's punycode labels as the site's audit reads them: `reader.idna_decoded`)
    searched = rt.text if rt is not None else idna_decoded(text)
    written = index.find(searched, folded=rt is not None, scope=scope)
    if rt is not None:  # (right-to-left text, as it is drawn: \u200f1001_0000_010 shows 010_0000_1001)
        written += index.drawn_hits(rt, written, scope=scope)
        written += index.broken_date_hits(rt.text, written)  # (1969-07-⏎21: shown 1969-07- 21)
    found: list[tuple[Hit, int | None]] = [(hit, None) for hit in written]
    if rt is not None:  # (and read without what it strikes through: 박<del>가</del>영수 reads 박영수)
        found += [(hit, at) for hit, at, _ in index.unstruck_hits(text, written, rt, scope)]
    for tag_at, markup in rt.markup if rt is not None else ():  # attributes and comments are published too
        shown = markup_text(markup)  # as a tooltip or the status bar shows it: at the tag when decoded
        found += [(hit, tag_at + hit.start if shown == markup else tag_at) for hit in index.find(shown, scope=scope)]
    if rt is None:  # (a field: published as written)
        return [_finding(hit, rel, line, column, in_field=True, text=searched, end=hit.end) for hit, _ in found]
    if not found:  # (most texts)
        return out
    name_ok, locate = _lines_having(text, NAME_OK), locator(text, line or 1)
    for hit, at in found:  # (at: where in the source, for a hit in markup)
        offset = rt.source_offset(hit.start) if at is None else at
        if hit.variant == GIVEN and name_ok(offset):
            continue
        out.append(_finding(hit, rel, *locate(offset)))
    return out


def name_text(name: str) -> str:
    """A file's or folder's name as the site's audit reads it (`casekit.site.audit`): percent-decoded,
    its - and _ read as spaces (`010-0000-1001`, `박%EC%98%81%EC%88%98` as a title shows them), then
    as it stands (in an address)."""
    return unquote(name).replace("-", " ").replace("_", " ") + "\n" + name


def scan_name(index: SensitiveIndex, rel: str) -> list[Finding]:
    """Findings for the name of the file or folder `rel` (its last part, read as the site's audit
    reads it: `name_text`), at the file, saying to rename it; a case folder's (`cases/<id>`, whose
    name is the case id in the site's addresses and titles) saying to renumber the case. A value
    once, as it reads best (`010-0000-1001` as written, not as the `010 0000 1001` of its title)."""
    parts = rel.split("/")
    advice = CASE_ID_ADVICE if len(parts) == 2 and parts[0] == "cases" else NAME_ADVICE
    text = name_text(parts[-1])
    best: dict[frozenset[tuple[str, str]], Hit] = {}
    named = name_given_hits(index, text)
    for hit in index.find(text, scope=scope_of(rel)) + named:
        if hit.sources not in best or _RANK[hit.variant] < _RANK[best[hit.sources].variant]:
            best[hit.sources] = hit
    out = []
    for hit in best.values():
        if hit.variant == GIVEN and any(h.sources == hit.sources for h in named):
            out.append(finding("given-name-in-name", rel, field=field_label(hit.field), field_en=hit.field))
        else:
            out.append(_finding(hit, rel, None, None, in_field=True, advice=advice))
    return out


def name_given_hits(index: SensitiveIndex, text: str) -> list[Hit]:
    """The given names in a file's or folder's name (`name_text`) that the site would publish in its
    addresses, where no mask reaches: a client's or a resource contact's given name as a word of its
    own (`지윤.png`, `민호-메모.md`: `whole_given`) or marked as a person's by a cue (`민호씨-통화.md`,
    `cued_hits`), once each (a name is read twice in `text`). A given name inside a longer word
    (`민호가-메모.md`) stays a warning of `find` (`given-name-in-text`): the page masks it."""
    folded = fold(text)
    out: dict[frozenset[tuple[str, str]], Hit] = {}
    for hit in index.whole_given(folded) + index.cued_hits(folded):
        out.setdefault(hit.sources, hit)
    return list(out.values())
