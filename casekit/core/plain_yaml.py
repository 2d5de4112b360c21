"""The front matter most records have, read without libyaml's event stream.

Nearly every record's front matter is a block mapping of simple keys whose values are one-line
scalars (double- or single-quoted without escapes, or plain words, numbers, dates), nested block
mappings and block sequences indented under their key. For that shape, reading line by line
costs a third of walking libyaml's events in Python (`source._Builder`), which was as much as
the whole "floor" of a check (one `yaml.load` per record).

`read` returns exactly what the builder would make of such a text, values, positions and
resolved tags alike, or None as soon as a line is anything else: a flow collection, a block
scalar, a continued line, an escape, a tag, an anchor, a comment after a value, a tab, an empty
value, a duplicate key, a number that is not a plain decimal... Then the caller runs the
builder, which also gives any finding: this reader never makes one, and never guesses.
`tests/test_plain_yaml.py` holds the two to the same results on every record of the sample, on
generated texts of this shape, and on texts cut and spliced from them.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from casekit.core.source import (
    _BOOL,
    _CONSTRUCTOR,
    _INT,
    _NON_PRINTABLE,
    _NULL,
    _PLAIN_OTHER,
    _PLAIN_STR,
    _RESOLVER,
    MAX_DEPTH,
    Path,
    Pos,
    _plain_kind,
)

_DQ = re.compile(r'"([^"\\]*)" *')  # a double-quoted one-line scalar without escapes
_SQ = re.compile(r"'([^']*)' *")  # a single-quoted one without '' (its only escape)
# what may not start a plain scalar here (YAML's indicators, and `-`/`?`/`:` that may start one)
_NOT_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")
# tabs; what YAML also reads as line breaks (only "\n" may break lines here); what it refuses
_REFUSED = re.compile("[\t\r\x85\u2028\u2029]|" + _NON_PRINTABLE.pattern)
_NOT_INSIDE = re.compile(r"[:#\[\]{}]")  # plain scalars with these go to the builder
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]{0,17})")  # a plain int that int() reads as YAML 1.1 does
_OTHER_VALUES: dict[str, tuple[Any, str] | None] = {}  # plain non-text scalar -> (value, tag), None: not here


def _other(text: str) -> tuple[Any, str] | None:
    """The value and resolved tag of a plain scalar that is not text (a number, true/false,
    null), when it is one this reader takes: decimal ints, booleans, null."""
    if text in _OTHER_VALUES:
        return _OTHER_VALUES[text]
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    out: tuple[Any, str] | None = None
    if tag == _BOOL:
        out = (_CONSTRUCTOR.bool_values[text.lower()], "bool")
    elif tag == _NULL:
        out = (None, "null")
    elif tag == _INT and _DECIMAL.fullmatch(text):
        out = (int(text), "int")
    if len(_OTHER_VALUES) < 4096:
        _OTHER_VALUES[text] = out
    return out


class _Unread(Exception):
    """Not of the shape this reader takes: the builder reads it."""


def _scalar(text: str) -> tuple[Any, str | None]:
    """The value of a one-line scalar written after `key: ` or `- ` (and the tag a plain non-text
    one resolved to); _Unread when it is not one this reader takes."""
    first = text[0]
    if first == '"':
        m = _DQ.fullmatch(text)
        if m is None:
            raise _Unread
        return m.group(1), None
    if first == "'":
        m = _SQ.fullmatch(text)
        if m is None:
            raise _Unread
        return m.group(1), None
    if first in _NOT_FIRST or _NOT_INSIDE.search(text):
        raise _Unread
    value = text.rstrip(" ")
    kind = _plain_kind(value)
    if kind != _PLAIN_OTHER:  # text, or a date (kept as text)
        return value, None
    other = _other(value)
    if other is None:
        raise _Unread
    return other


# an item of a one-line flow list, and what follows it: `"text"` or a plain word, then `,` or `]`
_FLOW_ITEM = re.compile(r""" *(?:"([^"\\]*)"|([^ ,\[\]{}:#"'](?:[^,\[\]{}:#"']*[^ ,\[\]{}:#"'])?)) *([,\]])""")
_FLOW_EMPTY = re.compile(r"\[ *\] *")


def _flow_list(text: str, path: Path, line: int, column: int, positions: dict[Path, Pos],
               leaves: list[tuple[Path, Any]]) -> list[str]:
    """The items of a one-line flow list of plain words or quoted texts (`[a, b]`, as lists of
    resources are written), the list starting at `column`; _Unread for any other flow list."""
    items: list[str] = []
    if _FLOW_EMPTY.fullmatch(text):
        return items
    pos = 1
    while True:
        m = _FLOW_ITEM.match(text, pos)
        if m is None:
            raise _Unread  # empty (`[a,,b]`, `[a,]`), nested, escaped, or unclosed
        quoted, value, after = m.groups()
        if quoted is not None:
            value, at = quoted, m.start(1) - 1
        elif value[0] in _NOT_FIRST or _plain_kind(value) == _PLAIN_OTHER:
            raise _Unread  # a number, true/false, null...
        else:
            at = m.start(2)
        item_path = (*path, len(items))
        positions[item_path] = _new(Pos, (line, column + at, line, column + at))
        items.append(value)
        leaves.append((item_path, value))
        pos = m.end()
        if after == "]":
            if text[pos:].strip(" "):
                raise _Unread  # something after the list
            return items


class _Frame:
    __slots__ = ("indent", "is_map", "value", "path")

    def __init__(self, indent: int, is_map: bool, value: Any, path: Path) -> None:
        self.indent = indent
        self.is_map = is_map
        self.value = value
        self.path = path


def read(src: str, first_line: int) -> tuple[dict[str, Any], dict[Path, Pos], dict[Path, str], list[tuple[Path, Any]]] | None:
    """(values, positions, resolved tags, leaves) of front matter `src` whose first line is file
    line `first_line`, as `source._Builder` gives them; None when `src` is not of the simple
    shape (see the module's doc)."""
    if _REFUSED.search(src) is not None:
        return None
    try:
        return _read(src, first_line)
    except _Unread:
        return None


# one line: its indent, a list item's `- `, a `key:` (then spaces), and the rest
_LINE = re.compile(r"( *)(- )?(?:([A-Za-z_][A-Za-z0-9_]*):(?: +|$))?(.*)")
_new = tuple.__new__  # Pos without its Python-level __new__: a third of the cost, millions of times

# what a line is (see _line)
_BLANK, _VALUE, _BLOCK, _FLOW = range(4)
_BLANK_LINE = (_BLANK, 0, False, None, None, None, 0)
Line = tuple[int, int, bool, str | None, Any, str | None, int]
# line -> what it is: the keys and the words of a practice's vocabulary (`    scope: case_management`,
# `stage: monitoring`) repeat from record to record, and a dict lookup costs a tenth of reading
# one again. Values are immutable (text, numbers, true/false, null); flow lists are made anew.
_LINES: dict[str, Line] = {}
_LINES_MAX = 1 << 15  # (at most a few MiB a process)
_LINE_MAX_LENGTH = 100  # (narrative lines seldom repeat: not kept)


def _line(line: str) -> Line:
    """(kind, indent, list item, key, value, tag, column of the value) of one line of front
    matter: _BLANK (blank or a comment), _VALUE (`key: scalar` or `- scalar`), _BLOCK (`key:`,
    its value the lines below), _FLOW (`key: [..]`, the value its text); _Unread for a line this
    reader does not take."""
    spaces, dash, key, rest = _LINE.match(line).groups()  # type: ignore[union-attr] # (.* matches)
    if dash is None and key is None and (not rest or rest[0] == "#"):
        return _BLANK_LINE
    if dash is not None:
        if rest[:1] == " " or (key is None and not rest):
            raise _Unread  # `-  ` with more spaces, or `-` with nothing after it
    elif key is None:
        raise _Unread  # `-word`, a quoted key, a flow collection...
    if key is not None and key not in _KEYS_OK and not _key_ok(key):
        raise _Unread  # a key YAML reads as true/false/null (the builder refuses it)
    at = len(line) - len(rest) + 1
    if not rest:
        return (_BLOCK, len(spaces), dash is not None, key, None, None, at)
    if rest[0] == "[" and key is not None:
        return (_FLOW, len(spaces), dash is not None, key, rest, None, at)
    value, tag = _scalar(rest)
    return (_VALUE, len(spaces), dash is not None, key, value, tag, at)


def _read(src: str, first_line: int) -> tuple[dict[str, Any], dict[Path, Pos], dict[Path, str], list[tuple[Path, Any]]]:
    positions: dict[Path, Pos] = {}
    resolved: dict[Path, str] = {}
    leaves: list[tuple[Path, Any]] = []
    stack: list[_Frame] = []
    root: dict[str, Any] | None = None
    # a key whose value is the block on the lines below it: (its mapping, key, path, key line,
    # key column, the key's indent)
    pending: tuple[dict[str, Any], Any, Path, int, int, int] | None = None
    known = _LINES
    line_no = first_line - 1
    top: Any = None
    for line in src.split("\n"):
        line_no += 1
        t = known.get(line)
        if t is None:
            t = _line(line)
            if len(line) <= _LINE_MAX_LENGTH and len(known) < _LINES_MAX:
                known[line] = t
        kind, indent, dash, key, value, tag, at = t
        if kind == _BLANK:
            continue
        if pending is not None:  # the first line of a key's block: it opens a mapping or a list
            owner, pkey, ppath, key_line, key_col, key_indent = pending
            pending = None
            if indent <= key_indent or len(stack) >= MAX_DEPTH:
                raise _Unread  # an empty value, a list not indented under its key, or too deep
            block: Any = [] if dash else {}
            owner[pkey] = block
            positions[ppath] = _new(Pos, (key_line, key_col, line_no, indent + 1))
            top = _Frame(indent, not dash, block, ppath)
            stack.append(top)
        elif top is None:
            if dash:
                raise _Unread  # a list, not a mapping: the builder says so
            root = {}
            positions[()] = _new(Pos, (line_no, indent + 1, line_no, indent + 1))
            top = _Frame(indent, True, root, ())
            stack.append(top)
        elif top.indent != indent or top.is_map == dash:  # (else: the next entry of the same block)
            while top.indent > indent:
                stack.pop()
                if not stack:
                    raise _Unread
                top = stack[-1]
            if top.indent != indent or top.is_map == dash:
                raise _Unread  # between two levels, or a key where list items are (or the reverse)
        col = indent + 1
        if dash:
            path = (*top.path, len(top.value))
            positions[path] = _new(Pos, (line_no, col + 2, line_no, col + 2))
            if key is None:  # `- value`
                top.value.append(value)
                if tag is not None:
                    resolved[path] = tag
                leaves.append((path, value))
                continue
            # `- key: ...`: a mapping starts in the item, its keys two columns in
            if len(stack) >= MAX_DEPTH:
                raise _Unread  # (the builder says `yaml-too-deep`, where)
            item_map: dict[str, Any] = {}
            top.value.append(item_map)
            indent += 2
            col += 2
            top = _Frame(indent, True, item_map, path)
            stack.append(top)
        mapping = top.value
        if key in mapping:
            raise _Unread  # a repeated key: the builder says where
        path = (*top.path, key)
        if kind == _VALUE:
            mapping[key] = value
            positions[path] = _new(Pos, (line_no, col, line_no, at))
            if tag is not None:
                resolved[path] = tag
            leaves.append((path, value))
        elif kind == _BLOCK:
            pending = (mapping, key, path, line_no, col, indent)
        else:  # `[word, word]`: its items are leaves, not the list
            if len(stack) >= MAX_DEPTH:
                raise _Unread
            positions[path] = _new(Pos, (line_no, col, line_no, at))
            mapping[key] = _flow_list(value, path, line_no, at, positions, leaves)
    if pending is not None or root is None:
        raise _Unread  # ends on an empty value, or holds nothing
    return root, positions, resolved, leaves


_KEYS_OK: set[str] = set()  # keys seen to read as text


def _key_ok(key: str) -> bool:
    if _plain_kind(key) != _PLAIN_STR:
        return False
    if len(_KEYS_OK) < 4096:
        _KEYS_OK.add(key)
    return True
