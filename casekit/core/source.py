"""From bytes on disk to front matter values with positions, and a body.

Everything that can go wrong with a file becomes a finding; nothing here raises on bad input.
The YAML is *composed* (libyaml when available) so every value keeps its line and column, and
converted by our own walker so duplicate keys, aliases, foreign tags and deep nesting are refused
instead of silently accepted.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from casekit.core.findings import Finding, finding

try:  # libyaml is several times faster; fall back to the pure-Python loader
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1 << 20  # a record is a page of text; 1 MiB is far beyond any real one
MAX_DEPTH = 32
FLOW_SCAN_THRESHOLD = 200  # above this many [ and { we count nesting before composing

Path = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = SafeConstructor()


@dataclass(frozen=True)
class Pos:
    """Where a value sits: its key (for mapping entries) and the value itself; 1-based."""

    key_line: int
    key_column: int
    line: int
    column: int


@dataclass
class Parsed:
    """A file split into front matter values (with positions) and body."""

    data: dict[str, Any] | None = None
    positions: dict[Path, Pos] = field(default_factory=dict)
    resolved: dict[Path, str] = field(default_factory=dict)  # plain scalars YAML 1.1 turned into non-text
    body: str = ""
    body_line: int = 1
    front_line: int = 1
    findings: list[Finding] = field(default_factory=list)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Best position for `path`: its own, else the nearest ancestor's."""
        p = path
        while True:
            pos = self.positions.get(p)
            if pos is not None:
                return (pos.key_line, pos.key_column) if key else (pos.line, pos.column)
            if not p:
                return (self.front_line, 1)
            p = p[:-1]


def decode(raw: bytes, rel: str) -> tuple[str | None, list[Finding]]:
    """Bytes to text. UTF-8 (with or without BOM) only; say which encoding it was otherwise."""
    if not raw.strip():
        return None, [finding("file-empty", rel, 1, 1)]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        return None, [finding("encoding-utf16", rel, 1, 1)]
    if b"\x00" in raw:
        off = raw.index(b"\x00")
        line, col = _byte_position(raw, off)
        return None, [finding("file-binary", rel, line, col)]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        try:
            alt = raw.decode("cp949")
        except UnicodeDecodeError:
            alt = ""
        if any("\uac00" <= ch <= "\ud7a3" for ch in alt):
            return None, [finding("encoding-cp949", rel, line, col)]
        return None, [finding("encoding-invalid", rel, line, col, position=exc.start + 1)]
    findings: list[Finding] = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        line, col = _first_non_nfc(text)
        findings.append(finding("unicode-nfd", rel, line, col))
        text = unicodedata.normalize("NFC", text)
    return text, findings


def _looks_utf16(raw: bytes) -> bool:
    head = raw[:64]
    return len(head) >= 8 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4)


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _first_non_nfc(text: str) -> tuple[int, int]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not unicodedata.is_normalized("NFC", line):
            for col, ch in enumerate(line, 1):
                if unicodedata.combining(ch) or "\u1100" <= ch <= "\u11ff":
                    return lineno, max(col - 1, 1)
            return lineno, 1
    return 1, 1


def read_file(disk_path: str, rel: str, max_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, list[Finding]]:
    """Read at most `max_bytes` (+1 to notice more) without following the caller's trust in size."""
    try:
        with open(disk_path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        return None, [finding("file-unreadable", rel, None, None, reason=exc.strerror or str(exc))]
    if len(raw) > max_bytes:
        try:
            size = os.path.getsize(disk_path)
        except OSError:
            size = len(raw)
        return None, [finding("file-too-large", rel, None, None, size=size, limit=max_bytes)]
    return decode(raw, rel)


def split(text: str, rel: str) -> Parsed:
    """Split front matter from body and parse it; findings for everything that is wrong."""
    parsed = Parsed()
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        parsed.findings.append(finding("front-matter-missing", rel, 1, 1))
        parsed.body = text
        return parsed
    end = None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            end = i
            break
    if end is None:
        parsed.findings.append(finding("front-matter-unclosed", rel, 1, 1))
        return parsed
    parsed.front_line = 2
    parsed.body_line = end + 2
    parsed.body = "\n".join(lines[end + 1 :])
    fm_lines = lines[1:end]
    for i, line in enumerate(fm_lines):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            parsed.findings.append(finding("yaml-tab", rel, i + 2, line.index("\t") + 1))
            return parsed
    _parse_yaml("\n".join(fm_lines) + "\n", rel, parsed)
    return parsed


def _parse_yaml(src: str, rel: str, parsed: Parsed) -> None:
    offset = parsed.front_line  # YAML line 0 is this file line
    if src.count("[") + src.count("{") > FLOW_SCAN_THRESHOLD:
        deep = _flow_too_deep(src)
        if deep is not None:
            parsed.findings.append(finding("yaml-too-deep", rel, deep[0] + offset, deep[1] + 1, limit=MAX_DEPTH))
            return
    try:
        node = yaml.compose(src, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        line, col = (mark.line + offset, mark.column + 1) if mark else (offset, 1)
        parsed.findings.append(finding("yaml-syntax", rel, line, col, problem=problem))
        return
    except (yaml.YAMLError, RecursionError, ValueError) as exc:  # reader errors, pathological input
        parsed.findings.append(finding("yaml-syntax", rel, offset, 1, problem=str(exc).splitlines()[0]))
        return
    if node is None:
        parsed.findings.append(finding("front-matter-not-mapping", rel, offset - 1, 1, kind="빈 머리말(empty)"))
        return
    if not isinstance(node, yaml.MappingNode):
        kind = "목록(list)" if isinstance(node, yaml.SequenceNode) else "하나의 값(scalar)"
        parsed.findings.append(
            finding("front-matter-not-mapping", rel, node.start_mark.line + offset, node.start_mark.column + 1, kind=kind)
        )
        return
    walker = _Walker(rel, offset, parsed)
    data = walker.build(node, (), 0, None)
    if isinstance(data, dict):
        parsed.data = data


def _flow_too_deep(src: str) -> tuple[int, int] | None:
    """Count flow nesting with the event parser (iterative, bounded memory) before composing."""
    depth = 0
    try:
        for event in yaml.parse(src, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line, event.start_mark.column
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # compose will report the syntax error with its mark
    return None


class _Walker:
    def __init__(self, rel: str, offset: int, parsed: Parsed) -> None:
        self.rel = rel
        self.offset = offset
        self.parsed = parsed
        self.seen: set[int] = set()

    def _at(self, mark: Any) -> tuple[int, int]:
        return mark.line + self.offset, mark.column + 1

    def _fail(self, code: str, mark: Any, **args: Any) -> None:
        line, col = self._at(mark)
        self.parsed.findings.append(finding(code, self.rel, line, col, **args))

    def build(self, node: yaml.Node, path: Path, depth: int, key_mark: Any) -> Any:
        if id(node) in self.seen:
            self._fail("yaml-alias", key_mark or node.start_mark)
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self._fail("yaml-too-deep", node.start_mark, limit=MAX_DEPTH)
            return None
        vline, vcol = self._at(node.start_mark)
        kline, kcol = self._at(key_mark) if key_mark is not None else (vline, vcol)
        self.parsed.positions[path] = Pos(kline, kcol, vline, vcol)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                self._fail("yaml-tag", node.start_mark, tag=node.tag)
                return None
            return [self.build(item, (*path, i), depth + 1, None) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any] | None:
        if node.tag != _TAG + "map":
            self._fail("yaml-tag", node.start_mark, tag=node.tag)
            return None
        out: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self._fail("yaml-alias", key_node.start_mark)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail("yaml-bad-key", key_node.start_mark, kind="목록·사전(list/mapping)")
                continue
            key = str(key_node.value)
            kline, _ = self._at(key_node.start_mark)
            if key in first:
                self._fail("yaml-duplicate-key", key_node.start_mark, key=key, first_line=first[key])
                continue
            first[key] = kline
            out[key] = self.build(value_node, (*path, key), depth + 1, key_node.start_mark)
        return out

    def _scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self._fail("yaml-tag", node.start_mark, tag=tag)
            return None
        if tag == _TAG + "str" or tag == _TAG + "timestamp":
            # dates stay text: the schema's "format: date" judges them, so 2026-02-30 is a finding
            return node.value
        if node.style is None or node.style == "":
            self.parsed.resolved[path] = tag[len(_TAG) :]
        if tag == _TAG + "null":
            return None
        try:
            if tag == _TAG + "bool":
                return _CONSTRUCTOR.construct_yaml_bool(node)
            if tag == _TAG + "int":
                return _CONSTRUCTOR.construct_yaml_int(node)
            return _CONSTRUCTOR.construct_yaml_float(node)
        except (ValueError, yaml.YAMLError):
            return node.value
