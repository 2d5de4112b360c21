"""PII guard: personal numbers and addresses written where they would be published.

Record bodies and every field *not* marked `x-sensitive` end up on the casebook site, so a
resident registration number, phone number, e-mail address or account number there is a
finding. Known public numbers (an agency's switchboard) are allowed in `casekit.yml`:

    pii:
      allow: ["02-0000-1234", "info@example.org"]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from casekit.core.findings import Finding, finding
from casekit.core.schemas import redact
from casekit.core.source import Parsed

_NOT_DIGIT_BEFORE = r"(?<![\d\w-])"
_NOT_DIGIT_AFTER = r"(?![\d\w])"

# YYMMDD, gender/century digit 1-8, six more digits (since October 2020 the last ones are random:
# no check digit is tested, a plausible birth date keeps false alarms low)
RRN = re.compile(_NOT_DIGIT_BEFORE + r"(\d{2})(\d{2})(\d{2})\s?[-–]?\s?([1-8])\d{6}" + _NOT_DIGIT_AFTER)
PHONE = re.compile(
    _NOT_DIGIT_BEFORE
    + r"(?:01[016789][-.\s]?\d{3,4}[-.\s]?\d{4}"  # mobile
    + r"|0(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|50\d)[-.)\s]\s?\d{3,4}[-.\s]?\d{4}"  # area codes, 070, 050x
    + r"|1[5-9]\d\d-\d{4})"  # 1588-xxxx style
    + _NOT_DIGIT_AFTER
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
ACCOUNT = re.compile(_NOT_DIGIT_BEFORE + r"\d{2,6}-\d{2,6}-\d{2,7}(?:-\d{1,3})?" + _NOT_DIGIT_AFTER)

_CENTURY = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _plausible_rrn(m: re.Match[str]) -> bool:
    yy, mm, dd, g = m.group(1), m.group(2), m.group(3), m.group(4)
    try:
        born = dt.date(_CENTURY[g] + int(yy), int(mm), int(dd))
    except ValueError:
        return False
    return born <= dt.date.today()


def find_pii(text: str, allow: list[str] | tuple[str, ...] = ()) -> Iterator[tuple[str, int, str]]:
    """(code, offset, matched text) for each personal number or address in `text`."""
    allowed_digits = {_digits(a) for a in allow if _digits(a)}
    allowed_text = {a.strip().lower() for a in allow}
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in taken)

    def ok(m: re.Match[str]) -> bool:
        return _digits(m.group(0)) not in allowed_digits and m.group(0).lower() not in allowed_text

    for m in RRN.finditer(text):
        if _plausible_rrn(m) and ok(m):
            taken.append(m.span())
            yield "pii-resident-number", m.start(), m.group(0)
    for m in EMAIL.finditer(text):
        if ok(m):
            taken.append(m.span())
            yield "pii-email", m.start(), m.group(0)
    for m in PHONE.finditer(text):
        if free(m) and ok(m):
            taken.append(m.span())
            yield "pii-phone", m.start(), m.group(0)
    for m in ACCOUNT.finditer(text):
        n = len(_digits(m.group(0)))
        if free(m) and 10 <= n <= 14 and ok(m) and not _is_date_like(m.group(0)):
            yield "pii-account", m.start(), m.group(0)


def _is_date_like(s: str) -> bool:
    parts = s.split("-")
    return len(parts) == 3 and len(parts[0]) == 4 and parts[0].startswith(("19", "20"))


def scan_parsed(parsed: Parsed, rel: str, sensitive: list[tuple[Any, ...]], allow: list[str]) -> list[Finding]:
    """Findings for PII in the body and in every non-sensitive string of the front matter."""
    out: list[Finding] = []
    body = parsed.body
    if body:
        line_starts = _line_starts(body)
        for code, offset, _ in find_pii(body, allow):
            line, col = _position(line_starts, offset)
            out.append(finding(code, rel, parsed.body_line + line, col))
    if parsed.data is not None:
        for path, text in _strings(redact(parsed.data, sensitive), ()):
            for code, _, _ in find_pii(text, allow):
                line, col = parsed.where(path)
                out.append(finding(code, rel, line, col))
    return out


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _strings(v, (*path, i))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    return i, offset - starts[i] + 1
