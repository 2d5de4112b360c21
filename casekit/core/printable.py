"""Text as it may be shown: one rule for the whole tool (check's reporters, the CLI's messages, export).

A record, a file name or a setting may hold a character that garbles or disguises what it is shown
in: an escape sequence (`\\x1b]52;…\\x07` sets the clipboard in many terminals, `\\x1b[2J` clears the
screen), another C0/C1 control, a bidi override that reorders what follows. `printable` writes each
as a visible escape (`\\x1b`, `\\u202e`), and a byte of a non-UTF-8 file name as `%B0`.
"""

from __future__ import annotations

import re

# what must never reach a terminal raw: C0/C1 controls, DEL, bidi overrides and isolates, line and
# paragraph separators, and the lone surrogates a non-UTF-8 file name decodes to (surrogateescape)
UNSAFE_CHARS = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
_UNSAFE_IN_LINES = re.compile(f"(?![\t\n\r])[{UNSAFE_CHARS}]")  # the same, but tab and line breaks are text


def _esc(m: re.Match[str]) -> str:
    cp = ord(m.group())
    if 0xDC80 <= cp <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"%{cp - 0xDC00:02X}"
    return f"\\x{cp:02x}" if cp <= 0xFF else f"\\u{cp:04x}"


def printable(text: str, *, lines: bool = False) -> str:
    """`text` with every character that could garble or disguise terminal output written as an
    escape (`\\x1b`, `\\u202e`); a byte of a non-UTF-8 file name as `%B0`. Used for paths and
    messages in every reporter, so a file name is shown the same way everywhere. With `lines`, a tab,
    a line feed and a carriage return are kept (a value's own text, as export writes it)."""
    return (_UNSAFE_IN_LINES if lines else _UNSAFE).sub(_esc, text)


def has_unsafe(text: str, *, lines: bool = False) -> bool:
    """Whether `printable(text, lines=lines)` changes `text`."""
    return (_UNSAFE_IN_LINES if lines else _UNSAFE).search(text) is not None


__all__ = ["UNSAFE_CHARS", "has_unsafe", "printable"]
