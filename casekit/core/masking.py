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


def masked(text: str, digits_only: bool = False) -> str:
    """`text` with every letter and digit (`digits_only`: every digit) as ○, its separators kept."""
    return (_DIGIT if digits_only else _SHOWN).sub("○", text)
