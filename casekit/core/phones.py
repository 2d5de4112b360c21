"""Phone numbers in the fields that hold them: whether each number written there can be dialled.

A phone field (`x-phone: true` in a schema: the client's 연락처, the referrer's, an agency's 대표
전화 and its contact's) is free text: `010-0000-1234`, `02-000-1234 (내선 12)`, `1577-1389`,
`딸 010-0000-5678`, `없음`. Each number in it (a run of digits, with `-`, `.`, spaces or
brackets between groups, or `+82` before) is judged as Korean numbers are written:

| kind | prefix | then |
|---|---|---|
| mobile | 010 | 4 + 4 digits |
| mobile (old) | 011, 016-019 | 3-4 + 4 |
| Seoul | 02 | 3-4 + 4 |
| other areas | 031-033, 041-044, 051-055, 061-064 | 3-4 + 4 |
| internet phone | 070 | 4 + 4 |
| toll-free | 080 | 3-4 + 4 |
| personal number | 0502-0508 | 3-4 + 4 |
| 전국대표번호 | 15xx, 16xx, 18xx | 4 |

written grouped (`010-0000-1234`, `(02) 000-1234`, `+82 10 0000 1234`) or as one run of digits of
the right length (`01000001234`). A run of fewer than seven digits that does not start with 0 is
no attempt at a number (`내선 123`, `1366`, `129`, `2층`) and is left alone; so is a value with
no digits (`없음`) and a number partly masked (`010-****-1234`). What is judged is the text as
the PII guard reads it: full-width digits and Unicode dashes as their ASCII selves.

A number that fits none of these (`010-000-10012`, `010-1234-567`, `02-12-3456`, `0101234567`)
is a `phone-malformed` warning at the number: nobody can call the client back on it. The finding
shows the number's shape, not its digits (`010-○○○-○○○○○`): the field is the client's, and
findings are printed in terminals and CI logs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from casekit.core.findings import Finding, finding
from casekit.core.reader import FOLD_TABLE
from casekit.core.schemas import SchemaSet, column_in, field_name
from casekit.core.source import Parsed, within

__all__ = ["PhoneProblem", "malformed_phones", "mobiles_published", "phone_problems"]

# a number as written: digits, with separators between groups ( - . space ) and brackets around the
# area code, or +82 before; a mask character (* x X ● ○ #) makes it a masked number, not judged
_RUN = re.compile(r"\+?\(?[0-9](?:[0-9*xX●○#]|[ \t]?[-.)][ \t]?(?=[(0-9*xX●○#])|[ \t](?=[(0-9])|\((?=[0-9]))*")
_GROUPS = re.compile(r"[0-9]+")
_MASK = re.compile(r"[*xX●○#]")
_AREAS = frozenset({"02", "031", "032", "033", "041", "042", "043", "044", "051", "052", "053", "054", "055",
                    "061", "062", "063", "064"})
_PERSONAL = frozenset(f"050{d}" for d in "2345678")
_OLD_MOBILE = frozenset({"011", "016", "017", "018", "019"})
SHAPE_MAX = 24  # a finding shows no more of a number's shape (a run of a thousand digits is one mistake)


@dataclass(frozen=True)
class PhoneProblem:
    """A number a phone field holds that is no Korean phone number."""

    at: int  # where it starts in the value
    written: str  # as written
    number: str  # as read (full-width digits and Unicode dashes as ASCII)
    why: str  # what is wrong with it, in Korean
    why_en: str

    @property
    def shape(self) -> str:
        """The number with its prefix and separators as written and every other digit as ○ (a
        finding says which number without saying it: the field is the client's, never printed)."""
        groups = list(_GROUPS.finditer(self.number))
        abroad = self.number.startswith("+") and len(groups) > 1
        cut = groups[0].end() if abroad else 0  # (+82 is kept)
        if groups[abroad:]:
            first = groups[abroad].group()
            home = "0" + first if abroad and not first.startswith("0") else first
            if _is_prefix(home):
                cut = groups[abroad].end()
            else:  # one run: its prefix, when it starts with one
                n = next((n for n in (4, 3, 2) if _is_prefix(home[:n])), 0)
                cut = groups[abroad].start() + max(n - (len(home) - len(first)), 0) if n else cut
        shown = self.number[:cut] + re.sub(r"[0-9]", "○", self.number[cut:])
        return shown if len(shown) <= SHAPE_MAX else shown[: SHAPE_MAX - 1] + "…"


def phone_problems(value: str) -> list[PhoneProblem]:
    """The numbers written in a phone field's `value` that are no Korean phone number, each with
    where it starts (an index into `value`) and why."""
    if not any(ch.isdigit() for ch in value):
        return []
    view = "".join(ch.translate(FOLD_TABLE)[:1] or " " for ch in value)  # (one for one: indexes stay)
    out: list[PhoneProblem] = []
    for m in _runs(view):
        text = m.group().rstrip(" \t-.)")
        groups = _GROUPS.findall(text)
        if _MASK.search(text) or (text.startswith("+") and groups[0] != "82"):
            continue  # masked, or a number abroad (+86 …): not judged
        if len("".join(groups)) < 7 and not (text.startswith(("0", "(0", "+")) and len(groups) > 1):
            continue  # 내선 123, 1366, 2층: no attempt at a number
        why = _why_not(groups[1:] if text.startswith("+") else groups, text.startswith("+"))
        if why is not None:
            out.append(PhoneProblem(m.start(), value[m.start() : m.start() + len(text)], text, *why))
    return out


def _runs(view: str) -> Iterator[re.Match[str]]:
    for m in _RUN.finditer(view):
        before = view[max(m.start() - 2, 0) : m.start()]
        if before[-1:].isascii() and (before[-1:].isalnum() or before[-1:] == "_") or \
                (before[-1:] in ("-", ".") and before[:1].isdigit()):
            continue  # inside a word or a longer number (a run the pattern left: 1-2, 1.5); Tel.010 is judged
        yield m


def _why_not(groups: list[str], abroad: bool) -> tuple[str, str] | None:
    """None when `groups` (the digits of a number, group by group; after +82 when `abroad`) make a
    Korean phone number, else what is wrong, in Korean and English."""
    if not groups:
        return "+82 뒤에 번호가 없습니다.", "nothing after +82"
    if abroad and groups[0] == "0" and len(groups) > 1:  # +82 (0)2 …: the 0 written in brackets
        groups = groups[1:]
    if abroad and not groups[0].startswith("0"):
        groups = ["0" + groups[0], *groups[1:]]  # +82 10 …: the 0 dropped
    if len(groups) == 1:
        return _why_not_run(groups[0])
    first = groups[0]
    if first[:2] in ("15", "16", "18") and len(first) == 4:  # 전국대표번호
        if len(groups) != 2 or len(groups[1]) != 4:
            return "대표번호(15xx·16xx·18xx)는 1577-0000처럼 4자리 두 묶음입니다.", \
                "a 15xx/16xx/18xx number is two groups of four digits"
        return None
    if not _is_prefix(first):
        return _NO_PREFIX
    if len(groups) == 2:  # a prefix and the rest run together (010-00001234)
        return _why_not_run("".join(groups))
    if len(groups) > 3:
        return f"숫자가 {len(groups)}묶음입니다(국번-가운데-끝, 3묶음).", f"{len(groups)} groups of digits, not 3"
    middle, last = groups[1], groups[2]
    if first in ("010", "070") and len(middle) != 4:
        return f"가운데 자리가 {len(middle)}자리입니다({first} 번호는 4자리).", \
            f"the middle group has {len(middle)} digits ({first} numbers have 4)"
    if len(middle) not in (3, 4):
        return f"가운데 자리가 {len(middle)}자리입니다(3~4자리).", f"the middle group has {len(middle)} digits (3 or 4)"
    if len(last) != 4:
        return f"끝자리가 {len(last)}자리입니다(4자리).", f"the last group has {len(last)} digits (4)"
    return None


def _why_not_run(digits: str) -> tuple[str, str] | None:
    """A number written without separators: its prefix, then as many digits as it takes."""
    if digits[:2] in ("15", "16", "18") and not digits.startswith("0"):
        want: tuple[int, ...] = (8,)
    elif digits.startswith(("010", "070")):
        want = (11,)
    elif digits.startswith("02"):
        want = (9, 10)
    else:
        prefix = digits[:4] if digits.startswith("050") else digits[:3]
        if not _is_prefix(prefix):
            return _NO_PREFIX
        want = (len(prefix) + 7, len(prefix) + 8)
    if len(digits) in want:
        return None
    shown = "~".join(str(n) for n in want)
    return f"숫자가 {len(digits)}자리입니다(이 국번은 {shown}자리).", f"{len(digits)} digits ({shown} for this prefix)"


_NO_PREFIX = ("앞자리가 국번(010, 02, 031 …)이 아닙니다.", "it does not start with a Korean prefix (010, 02, 031 …)")


def _is_prefix(group: str) -> bool:
    return group in ("010", "070", "080") or group in _AREAS or group in _OLD_MOBILE or group in _PERSONAL


def malformed_phones(parsed: Parsed, kind: str, rel: str, schemas: SchemaSet) -> list[Finding]:
    """A `phone-malformed` warning at each number a record's phone fields (`SchemaSet.phone_paths`)
    hold that is no Korean phone number."""
    patterns = schemas.phone_paths.get(kind)
    if not patterns or parsed.data is None:
        return []
    out: list[Finding] = []
    for path, value in within(parsed.leaves(), patterns):
        if not isinstance(value, str):
            continue
        for problem in phone_problems(value):
            line, col = parsed.where(path)
            col = column_in(parsed, line, col, value, problem.at)  # (the number's own, when written as it reads)
            title = schemas.schema_at(kind, path).get("title")
            out.append(finding("phone-malformed", rel, line, col, field=field_name(path),
                               title=title if isinstance(title, str) else "", shape=problem.shape,
                               why=problem.why, why_en=problem.why_en))
    return out


def mobiles_published(parsed: Parsed, kind: str, rel: str, schemas: SchemaSet, allowed: Any) -> list[Finding]:
    """A `phone-mobile-public` error at each mobile number (010, 011, 016-019) written in a phone
    field published on purpose (`x-public`: a resource's 대표 전화): a small group's contact writes
    their own mobile there, which then goes onto the site, while `contact_phone` keeps it private.
    `allowed`: a number there the agency made public (`casekit.yml` `pii.allow`, `pii._Allow`)."""
    public = schemas.public_paths.get(kind) or []
    phones = schemas.phone_paths.get(kind) or []
    paths = [p for p in public if p in phones]
    if not paths or parsed.data is None:
        return []
    out: list[Finding] = []
    for path, value in within(parsed.leaves(), paths):
        if not isinstance(value, str) or not any(ch.isdigit() for ch in value):
            continue
        view = "".join(ch.translate(FOLD_TABLE)[:1] or " " for ch in value)
        for m in _runs(view):
            text = m.group().rstrip(" \t-.)")
            digits = "".join(_GROUPS.findall(text))
            home = "0" + digits[2:] if text.startswith("+") and digits.startswith("82") else digits
            if home[:3] not in ("010", *_OLD_MOBILE) or len(home) not in (10, 11) or text in allowed:
                continue
            line, col = parsed.where(path)
            col = column_in(parsed, line, col, value, m.start())
            title = schemas.schema_at(kind, path).get("title")
            shape = PhoneProblem(m.start(), text, text, "", "").shape
            out.append(finding("phone-mobile-public", rel, line, col, field=field_name(path),
                               title=title if isinstance(title, str) else "", shape=shape))
    return out

