"""What a message may show of a sensitive value: its shape, never the value.

check's output ends up in terminals shared on screen and in CI logs kept for months: a finding
about a sensitive field (a birth date written 1969-7-21, a phone number YAML reads as a number, an
address with a colon) shows the value as ○ with its separators kept (○○○○-○-○○), which still
says what to fix.
"""

from __future__ import annotations

import re

# The keys of the sensitive fields of casekit's schemas (x-sensitive), for what is found before the
# schema is read (a YAML slip): a message about a value under such a key never shows it.
SENSITIVE_KEYS = frozenset({"name", "guardian_name", "birth_date", "resident_number", "phone", "address",
                            "referrer_contact", "contact_person", "contact_phone"})
_SHOWN = re.compile(r"[0-9A-Za-z\uac00-\ud7a3]")
_DIGIT = re.compile(r"[0-9]")


_UNITS = frozenset("년월일호층동번지세")  # after a digit, the unit of a date or an address: its shape


def masked(text: str, digits_only: bool = False) -> str:
    """`text` with every letter and digit (`digits_only`: every digit) as ○, its separators kept,
    and a unit right after a digit (`1969년 7월 21일` -> `○○○○년 ○월 ○○일`: what to fix, and the
    particle after it, are still told)."""
    if digits_only:
        return _DIGIT.sub("○", text)
    def unit(at: int) -> bool:  # (번지: 지 after 번 after a digit)
        before = text[max(at - 2, 0) : at]
        return text[at] in _UNITS and (before[-1:].isdigit() or (text[at] == "지" and before[:1].isdigit()
                                                                 and before[-1:] == "번"))

    return _SHOWN.sub(lambda m: m.group() if m.start() and unit(m.start()) else "○", text)
