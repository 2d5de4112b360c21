"""From bytes on disk to front matter values with positions, and a body.

Everything that can go wrong with a file becomes a finding; nothing here raises on bad input.

The front matter is read as a stream of YAML *events* (libyaml when available) and turned into
values by our own iterative builder, never by PyYAML's recursive composer or constructor:

- nesting is counted as events arrive, and parsing stops at the first level past `MAX_DEPTH`, so
  `[[[[...` or `- - - -...` 100,000 levels deep costs microseconds instead of a C stack overflow;
- anchors and aliases are refused where they are written (an alias is never expanded, so an
  alias "bomb" costs nothing);
- duplicate keys, non-text keys, merge keys (`<<`), foreign tags (`!!python/object`), control
  characters and out-of-range numbers are refused with their own position;
- every position is computed from the event's character index, counting only `\\n` as a line
  break (YAML also breaks lines at U+0085, U+2028 and U+2029; editors do not).

A file whose front matter has any YAML-level error yields findings and no data: the schema and
the process rules never judge a document that was only half understood.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from casekit.core.changes import conflict_line
from casekit.core.findings import NOT_REGULAR, Finding, finding, os_reasons
from casekit.core.hints import body_start, numbered_entry, tab_advice, yaml_hint
from casekit.core.masking import SENSITIVE_KEYS, masked
from casekit.core.reader import IGNORABLE_RE

try:  # libyaml is several times faster; fall back to the pure-Python parser
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1 << 20  # a record is a page of text; 1 MiB is far beyond any real one
_LIBYAML_NESTING = "exceeded maximum nesting depth"  # libyaml >= 0.2.5's own limit (1000 flow levels)
MAX_DEPTH = 32  # levels of nested lists/mappings, the front matter itself being level 1
MAX_YAML_FINDINGS = 50  # per file: past this many YAML problems, stop reading (a hostile file)
MAX_SAME_FINDINGS = 10  # per file and code: more of the same (an alias bomb's every `*`) are not listed
MAX_INT_BITS = 64  # larger integers are refused: they cannot be printed or compared safely

Path = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = (_TAG + t for t in ("str", "null", "bool", "int", "float"))
_TIMESTAMP, _MERGE, _VALUE = (_TAG + t for t in ("timestamp", "merge", "value"))
_MAP, _SEQ = _TAG + "map", _TAG + "seq"
_NODE_EVENTS = frozenset({yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent})
_SCALAR_TAGS = {_STR, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP}


def yaml_events(src: str) -> Iterator[Any]:
    """The YAML events of `src`, read by libyaml when present (nothing built: an alias costs
    nothing); yaml.YAMLError, RecursionError, ValueError or OverflowError on what YAML refuses."""
    return yaml.parse(src, Loader=_Loader)  # type: ignore[no-any-return]


def plain_tag(event: Any) -> bool:
    """Whether a node event's explicit tag, if any, is one records may carry (`!`, `!!str`,
    `!!int` … on a scalar; `!!map`, `!!seq` on a collection): not `!!python/…`, `!!set`, `!!binary`."""
    tag = getattr(event, "tag", None)
    if tag is None or tag == "!":
        return True
    return tag in (_SCALAR_TAGS if isinstance(event, yaml.ScalarEvent) else (_MAP, _SEQ))
_TEXT_TAGS = {_STR, _TIMESTAMP, _MERGE, _VALUE}  # dates stay text: the schema's "format: date" judges them
_CONSTRUCTOR = SafeConstructor()
_RESOLVER = Resolver()
# YAML 1.2 numbers that YAML 1.1 (PyYAML) reads as text: 1e3, 1.5e3, 0o17. Other YAML tools read them
# as numbers, so where text is meant they must be quoted.
_YAML12_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+")
_YAML12_OCTAL = re.compile(r"0o[0-7]+")
# numbers as people write them; YAML 1.1 also reads 14:30 as 870 (base 60), 030 as 24 (octal),
# 1_000 as 1000 and 0x1F as 31: those are refused (`yaml-number-form`), never taken silently
REFUSED = "refused"  # Parsed.resolved: a value refused where it stands (its finding made), not checked again
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_ODD_FLOAT = re.compile(r"[:_]")
# what YAML refuses to read at all (the printable set of YAML 1.1 §5.1)
_NUMBER_START = frozenset("0123456789+-.")
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LONE_CR = re.compile(r"\r(?!\n)")
_KEY_KIND = {
    _INT: "숫자(number)",
    _FLOAT: "숫자(number)",
    _BOOL: "참/거짓(true/false)",
    _NULL: "빈 값(null)",
    _TIMESTAMP: "날짜(date)",
}


class Pos(NamedTuple):
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
    resolved: dict[Path, str] = field(default_factory=dict)  # plain scalars YAML turned into non-text
    body: str = ""
    body_line: int = 1
    front_line: int = 1
    findings: list[Finding] = field(default_factory=list)
    front: str = ""  # the front matter's text (where a finding finds a character on its line)
    lead: str = ""  # lines above an opening '---' found lower down (front-matter-not-first): scanned as body text
    _leaves: list[tuple[Path, Any]] | None = field(default=None, repr=False, compare=False)
    _lines: tuple[str, list[str]] | None = field(default=None, repr=False, compare=False)  # (front, its lines)

    def leaves(self) -> list[tuple[Path, Any]]:
        """(path, value) of every value of `data` that is not a mapping or a list, in order: one
        walk that validation, the summaries and the PII guard all read (made when first asked)."""
        if self._leaves is None:
            self._leaves = []
            if self.data is not None:
                _walk_leaves(self.data, (), self._leaves)
        return self._leaves

    def line_text(self, line: int) -> str:
        """The text of file line `line` of the front matter ('' outside it)."""
        i = line - self.front_line
        if self._lines is None or self._lines[0] is not self.front:  # (split once: asked for each finding)
            self._lines = (self.front, self.front.split("\n"))
        lines = self._lines[1]
        return lines[i] if 0 <= i < len(lines) else ""

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


def _walk_leaves(value: Any, path: Path, out: list[tuple[Path, Any]]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _walk_leaves(v, (*path, k), out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _walk_leaves(v, (*path, i), out)
    else:
        out.append((path, value))


def outside(leaves: list[tuple[Path, Any]], patterns: list[tuple[Any, ...]]) -> list[tuple[Path, Any]]:
    """The leaves whose path lies outside every pattern (a key, or "*" for any list item, at each
    step; a pattern covers everything below it): what a walk that does not enter the patterns
    would meet. `patterns`: tuples."""
    if not patterns:
        return leaves
    if any(not p for p in patterns):
        return []
    trie = _trie(patterns)
    out = []
    free = "*" not in trie  # then a first step not in the trie is outside (most leaves are)
    for leaf in leaves:
        path = leaf[0]
        if (free and path and path[0] not in trie) or not _covered(trie, path):
            out.append(leaf)
    return out


def within(leaves: list[tuple[Path, Any]], patterns: list[tuple[Any, ...]]) -> list[tuple[Path, Any]]:
    """The leaves whose path lies inside a pattern (`outside`'s others)."""
    if any(not p for p in patterns):
        return leaves
    trie = _trie(patterns)
    return [leaf for leaf in leaves if _covered(trie, leaf[0])] if patterns else []


def _trie(patterns: list[tuple[Any, ...]]) -> dict[Any, Any]:
    trie: dict[Any, Any] = {}  # step -> the steps after it; None: a pattern ends here
    for p in patterns:
        node = trie
        for step in p:
            node = node.setdefault(step, {})
        node[None] = True
    return trie


def _covered(trie: dict[Any, Any], path: Path) -> bool:
    node = trie
    for step in path:
        below = node.get(step if isinstance(step, str) else "*")
        if below is None:
            return False
        if None in below:
            return True
        node = below
    return False


# --- bytes to text -----------------------------------------------------------------------


# embeddings, overrides and isolates: they make the browser show text in another order than it is
# written (\u202e수영박\u202c shows 박영수), so what a check reads is not what a reader sees
BIDI_CONTROLS = "\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def empty_advice(rel: str) -> dict[str, str]:
    """What to do about an empty file, by what it is: a record is made again from its template,
    anything else is restored from git (the words are the file-empty message's `advice`)."""
    parts = rel.split("/")
    if len(parts) == 3 and parts[0] == "cases" and parts[2].endswith(".md") and parts[2] != "index.md":
        return {"advice": "이 파일을 지우고 `casekit add`로 다시 만들거나, templates/ 폴더의 같은 단계 서식을 복사해 채우세요.",
                "advice_en": "delete it and make it again with `casekit add`, or copy its stage's template from templates/"}
    if len(parts) == 2 and parts[0] == "resources":
        return {"advice": "resources/ 폴더의 다른 자원 파일을 복사해 채우거나, 쓰지 않는 자원이면 파일을 지우세요.",
                "advice_en": "copy another resource file of resources/ and fill it in, or delete the file"}
    return {"advice": "지워진 내용을 되살리세요(git을 쓰면 `git restore 파일`로 마지막 커밋의 내용을 되찾습니다).",
            "advice_en": "restore its content (with git: `git restore FILE` brings back the last commit's)"}


def decode(raw: bytes, rel: str) -> tuple[str | None, list[Finding]]:
    """Bytes to text. UTF-8 (with or without BOM) only; say which encoding it was otherwise.

    CRLF and a BOM are valid. Old-Mac CR line ends are read (YAML and editors break lines there
    too) with a warning; decomposed Hangul (NFD) is composed with a warning.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None, [finding("file-empty", rel, 1, 1, **empty_advice(rel))]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        return None, [finding("encoding-utf16", rel, 1, 1)]
    if b"\x00" in raw:
        line, col = _byte_position(raw, raw.index(b"\x00"))
        return None, [finding("file-binary", rel, line, col)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _looks_cp949(raw):  # point at the first Korean text, which any editor now shows garbled
            first = next(i for i, b in enumerate(raw) if b >= 0x80)
            return None, [finding("encoding-cp949", rel, *_byte_position(raw, first))]
        line, col = _byte_position(raw, exc.start)
        if exc.end != len(raw) or exc.reason != "unexpected end of data":
            return None, [finding("encoding-invalid", rel, line, col, position=exc.start + 1)]
        # the file ends inside a character (cut while it was written or copied): read what comes
        # before it, so what else the cut broke (a front matter left open) is said too
        text = raw[:exc.start].decode("utf-8")
        cut = [finding("file-cut", rel, line, col, count=len(raw) - exc.start)]
        more = decode(raw[:exc.start], rel) if text.strip() else (None, [])
        return more[0], cut + more[1]
    findings: list[Finding] = []
    if "\r" in text:
        lone = _LONE_CR.search(text)
        if lone is not None:
            findings.append(finding("line-endings-cr", rel, *_text_position(text[: lone.start()])))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and any(c in text for c in BIDI_CONTROLS):  # (each a fast scan; rare)
        # one finding a line that holds any (the first there), so each place is found in one check
        for m in itertools.islice(_BIDI_LINE.finditer(text), MAX_BIDI_FINDINGS):
            findings.append(finding("bidi-control", rel, *_text_position(text[: m.start(1)]),
                                    char=f"{ord(m.group(1)):04X}"))
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        line, col = _first_non_nfc(text)
        findings.append(finding("unicode-nfd", rel, line, col))
        text = unicodedata.normalize("NFC", text)
    return text, findings


_BIDI_LINE = re.compile(f"^[^\n{BIDI_CONTROLS}]*([{BIDI_CONTROLS}])", re.M)
MAX_BIDI_FINDINGS = 20  # a file full of them: the first lines' are enough to see what happened


def _text_position(prefix: str) -> tuple[int, int]:
    """1-based line and column just after `prefix` (CRLF, CR and LF each end a line)."""
    prefix = prefix.replace("\r\n", "\n").replace("\r", "\n")
    return prefix.count("\n") + 1, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a BOM: zero bytes on one side of each pair only, and it decodes cleanly."""
    head = raw[:512]
    head = head[: len(head) // 2 * 2]
    pairs = len(head) // 2
    if pairs < 4:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= pairs * 0.3 and even * 4 <= odd:
        encoding = "utf-16-le"
    elif even >= pairs * 0.3 and odd * 4 <= even:
        encoding = "utf-16-be"
    else:
        return False
    try:
        sample = head.decode(encoding)
    except UnicodeDecodeError:
        return False
    return not any(ch < " " and ch not in "\t\n\r" for ch in sample)


def _looks_cp949(raw: bytes) -> bool:
    """Korean text saved as CP949/EUC-KR: decodes (mostly) to Hangul."""
    sample = raw[: 1 << 16]
    alt = sample.decode("cp949", errors="replace")
    hangul = sum(1 for ch in alt if "\uac00" <= ch <= "\ud7a3")
    return hangul >= 1 and alt.count("\ufffd") <= hangul // 10


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _first_non_nfc(text: str) -> tuple[int, int]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not unicodedata.is_normalized("NFC", line):
            for col, ch in enumerate(line, 1):
                if "\u1100" <= ch <= "\u115f":  # a leading consonant starts a decomposed syllable
                    return lineno, col
                if unicodedata.combining(ch) or "\u1160" <= ch <= "\u11ff":  # belongs to the letter before
                    return lineno, max(col - 1, 1)
            return lineno, 1
    return 1, 1


Signature = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns: what tells a file's versions apart


def read_file(disk_path: str, rel: str, max_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, list[Finding]]:
    """Read at most `max_bytes` (+1 to notice more) of a regular file; never blocks on a pipe or device."""
    text, findings, _ = read_signed(disk_path, rel, max_bytes)
    return text, findings


def read_signed(
    disk_path: str, rel: str, max_bytes: int = MAX_FILE_BYTES
) -> tuple[str | None, list[Finding], Signature | None]:
    """read_file, and the signature of the file read: taken from the open file before and after
    reading, None when they differ (written to while read: not to be remembered as read) or
    when nothing was read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(disk_path, flags)
    except OSError as exc:
        return None, [finding("file-unreadable", rel, None, None, **os_reasons(exc))], None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, [finding("file-unreadable", rel, None, None, **NOT_REGULAR)], None
        if info.st_size > max_bytes:  # (what is found depends on the size alone: signed)
            sig = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
            return None, [finding("file-too-large", rel, None, None, size=info.st_size, limit=max_bytes)], sig
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:  # the size may have changed since fstat: read bounded anyway
            # asked for what fstat said (+1 to see it grew), then by 64 KiB: a read of the whole
            # limit allocates (and zeroes) 1 MiB each time, a third of reading a casebook
            want = info.st_size + 1 if not chunks else 1 << 16
            chunk = os.read(fd, min(want, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        after = os.fstat(fd)
    except OSError as exc:
        return None, [finding("file-unreadable", rel, None, None, **os_reasons(exc))], None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > max_bytes:
        return None, [finding("file-too-large", rel, None, None, size=len(raw), limit=max_bytes)], None
    sig = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
    same = sig == (after.st_size, after.st_mtime_ns, after.st_ino, after.st_ctime_ns) and len(raw) == info.st_size
    text, findings = decode(raw, rel)
    return text, findings, sig if same else None


def column_in(parsed: Parsed, line: int, col: int, value: str, index: int) -> int:
    """The column of `value[index]` on `line`, the value starting at `col` (after an opening quote);
    `col` itself when the value is not written there as it reads (escapes, several lines)."""
    return column_at(parsed.line_text(line), col, value, index)


def column_at(text: str, col: int, value: str, index: int) -> int:
    """`column_in` on a line's `text`."""
    start = value_start(text, col, value)
    return col if start is None else start + index + 1


def value_start(text: str, col: int, value: str) -> int | None:
    """Where on a line's `text` the value at `col` starts (0-based: after an opening quote), when
    it is written there as it reads; else None. Once for a value with many places to show: a
    value of a megabyte compared again for each took the square of its size."""
    start = col if text[col - 1 : col] in ("'", '"') else col - 1
    return start if text.startswith(value, start) else None


# --- text to front matter -------------------------------------------------------------------


def conflict_finding(rel: str, line: int) -> Finding:
    """`git-conflict` at the `<<<<<<<` line of `rel`: a record (two people, or one case id twice), or
    a file of YAML whole (casekit.yml, mkdocs.yml, a handover.yml), none of whose settings is read."""
    if rel.endswith(".md"):
        return finding("git-conflict", rel, line, 1, why="두 사람이 같은 기록을 고쳤거나 같은 사례 번호를 썼을 때 생깁니다.",
                       why_en="two people changed the same record or used the same case id",
                       hint=" 다른 사례라면 한쪽을 새 번호로 옮기세요(casekit new로 번호를 받고 git mv).",
                       hint_en="; if they are different cases, move one to a new id (casekit new, then git mv)")
    name = rel.rsplit("/", 1)[-1]
    return finding("git-conflict", rel, line, 1, why=f"두 사람이 {name}을(를) 함께 고쳐 git이 두 내용을 합치지 못했습니다.",
                   why_en=f"two people changed {name} and git could not merge them",
                   hint=" 그때까지 casekit은 이 파일을 읽지 않습니다.", hint_en="; until then casekit does not read the file")


def split(text: str, rel: str) -> Parsed:
    """Split front matter from body and parse it; findings for everything that is wrong."""
    parsed = Parsed()
    conflict = conflict_line(text)
    if conflict is not None:  # a merge left half-resolved: nothing in it can be trusted yet
        parsed.findings.append(conflict_finding(rel, conflict))
        parsed.body = text
        return parsed
    first_end = text.find("\n")
    lead = 0  # lines before the opening '---' (a blank line, a `# 제목`): said once, the front matter still read
    if (text if first_end < 0 else text[:first_end]).rstrip() != "---":
        lead = _lines_before_front(text)
        if not lead:
            first = text if first_end < 0 else text[:first_end]
            indented = first.strip() == "---" and first[:1].isspace()  # `  ---`: YAML's marker only at the line's start
            see = ("resources/ 폴더의 다른 자원 파일", "another file in resources/") if rel.startswith("resources/") else \
                ("templates/ 폴더의 같은 단계 서식", "templates/")
            # the opening line left out of a front matter that is there (`case: …` on line 1, a '---' below)
            close = _FRONT_END.search(text, first_end + 1) if first_end >= 0 and _KEY_LINE.match(first) else None
            hidden = "".join(dict.fromkeys(f"U+{ord(ch):04X}" for ch in first if IGNORABLE_RE.fullmatch(ch)))
            titled = _TITLED_OPENING.fullmatch(first.rstrip())  # `--- 접수 기록`: a title typed after it
            dashed = _DASHES_ONLY.fullmatch(first.strip()) is not None  # `----`, `—`, `‐‐‐`, `- - -`
            if close is None and first_end >= 0 and (hidden or indented or titled or dashed) \
                    and _KEY_LINE.match(text[first_end + 1 : first_end + 200].lstrip(" ")):
                # an opening line mistyped, the fields after it: what follows its closing '---' is the body
                # (the fields hold a client's numbers: not read as text the site shows)
                close = _FRONT_END.search(text, first_end + 1)
            if titled:
                advice = (f"첫 줄의 '---' 뒤에 글('{titled.group(1)}')이 있습니다. 머리말을 여는 첫 줄에는 '---'만 "
                          "씁니다: 그 글은 지우거나, 머리말을 닫는 '---' 줄 뒤 본문 첫머리에 제목(# …)으로 옮기세요.",
                          f"the first line holds text after its '---' ('{titled.group(1)}'): the line that opens the "
                          "fields is '---' alone; delete the text or move it below the closing '---' as the body's "
                          "title")
            elif hidden and IGNORABLE_RE.sub("", first).strip() == "---":
                # (pasted from a messenger or a web page, or saved by two tools that each put a BOM)
                advice = (f"첫 줄의 '---'에 보이지 않는 문자({hidden})가 섞여 있습니다. 첫 줄을 지우고 '---'를 다시 치세요.",
                          f"the first line's '---' holds an invisible character ({hidden}): delete the line and type '---' again")
            elif indented:
                advice = ("첫 줄의 '---' 앞에 빈칸이 있습니다. 빈칸을 지워 줄 맨 앞에서 '---'로 시작하세요.",
                          "the first line's '---' is indented: start it at the beginning of the line")
            elif dashed:  # `----`, `--`, `———`, `—`, `- - -`: three hyphens, no more, no fewer
                advice = (f"머리말을 여닫는 줄은 하이픈(-) 딱 세 개('---')입니다. 첫 줄을 '---'로 고치세요(지금은 "
                          f"'{first.strip()}').",
                          f"the line that opens the fields is exactly three hyphens: change '{first.strip()}' to '---' "
                          "(and the closing line too)")
            elif close is not None:
                at = text.count("\n", 0, close.start()) + 1
                advice = (f"머리말을 여는 '---' 줄이 빠졌습니다: 첫 줄 위에 '---' 한 줄을 넣으세요({at}번째 줄의 '---'가 "
                          "머리말을 닫습니다).", f"the opening '---' is left out: add one above the first line (line {at} "
                          "closes the fields)")
            else:
                advice = (f"첫 줄에 '---'를 쓰고 항목(키: 값)을 적은 뒤 '---' 줄로 닫으세요. {see[0]}을(를) 보고 맞추세요.",
                          f"write '---', the fields, and a closing '---' (see {see[1]})")
            parsed.findings.append(finding("front-matter-missing", rel, 1, 1, advice=advice[0], advice_en=advice[1]))
            if close is not None:  # its fields are where a client's numbers belong: only the body is read as text
                parsed.body_line = text.count("\n", 0, close.start()) + 2
                parsed.body = text[close.end() + 1 :]
            else:
                parsed.body = text
            return parsed
        lines = text.split("\n", lead + 1)
        filled = [line for line in lines[:lead] if line.strip()]
        headed = any(line.lstrip().startswith("#") for line in filled)
        what = "글" if not all(line.lstrip().startswith("#") for line in filled) else "제목" if filled else "빈 줄"
        parsed.findings.append(finding(
            "front-matter-not-first", rel, 1, 1, count=lead, start=lead + 1,
            what=what + ("과 빈 줄" if filled and len(filled) < lead else ""),
            advice=" 제목은 머리말을 닫는 '---' 줄 뒤, 본문 첫머리에 쓰세요." if headed else "",
            advice_en=" (a heading goes after the closing '---', at the top of the body)" if headed else ""))
        parsed.lead = "\n".join(lines[:lead])  # (from line 1: not published, but in the file, so PII-scanned)
        first_end = text.find("\n", sum(len(line) + 1 for line in lines[:lead]))
    end = _FRONT_END.search(text, first_end + 1) if first_end >= 0 else None
    if end is None:
        lines = text.split("\n")
        body = body_start(lines[lead:])
        body = body + lead if body else None
        # a closing line typed short or long, or as other dashes (`--`, `----`, `—`): said at it
        near = next((n for n in range(lead + 2, (body or len(lines)) + 1) if _DASHES_LINE.match(lines[n - 1])), None)
        if near is not None:
            typed = lines[near - 1].strip()
            parsed.findings.append(finding("front-matter-unclosed", rel, near, 1,
                                           advice=f"이 줄을 대시 세 개 '---'로 고치세요(지금은 '{typed}').",
                                           advice_en=f"this line reads '{typed}': make it '---'"))
            return parsed
        where = (f"({body}번째 줄 앞)", f" (before line {body})") if body else ("", "")
        parsed.findings.append(finding(
            "front-matter-unclosed", rel, body or 1, 1,
            advice=f"항목(키: 값)이 끝나고 본문이 시작하기 전에 '---' 한 줄을 넣으세요{where[0]}. "
                   "저장하다 만 파일이라면 편집기에서 다시 저장하세요.",
            advice_en=f"add one where the fields end and the body begins{where[1]}"))
        return parsed
    parsed.front_line = lead + 2
    parsed.body_line = text.count("\n", 0, end.start()) + 2
    parsed.body = text[end.end() + 1 :]
    front = parsed.front = text[first_end + 1 : end.start()] or "\n"
    if _MARKED.search(front) is not None:
        bullets, front = list_markers(front, rel, parsed.front_line)
        parsed.findings += bullets  # (the rest read with a '-' in their place: nothing else follows from them)
    odd = "\u3000" in front or "\u00a0" in front or "\uff1a" in front  # (in: a tenth of the regex's cost)
    readings = wide_spaces(front, rel, parsed.front_line) if odd else []
    if readings:  # said where it is, once, and the front matter read as meant (the file is left as it is)
        front, moves = _read_respaced(readings, rel, parsed)
        if parsed.data is not None and ("#" in front):
            parsed.findings += unmoved(comment_cuts(front, rel, parsed.front_line), moves)
        return parsed
    if "{{" in front:
        unfilled = template_unfilled(front, rel, parsed.front_line)
        if unfilled is not None:  # (the YAML slips the tags make say nothing more)
            parsed.findings.append(unfilled)
            return parsed
    _parse_yaml(front, rel, parsed)
    if parsed.data is not None and ("#" in front):
        parsed.findings += comment_cuts(front, rel, parsed.front_line)
    if parsed.data is not None and "\\" in front:
        parsed.findings += escaped_controls(parsed, rel)
    if parsed.data is not None and "\n " in front:
        folded = folded_items(front, rel, parsed.front_line)
        if folded is not None:  # (as a YAML error: what the value reads is not what was meant)
            parsed.findings.append(folded)
            parsed.data = None
    return parsed


# a list item or a value written plain (`- naraedong-welfare-team`, `resources: 생계`; not a key, a
# quote, a block, a flow or an anchor), then a line indented deeper that starts a list item: YAML
# folds that line into the value (`naraedong-welfare-team - gaon-health-center`)
_PLAIN_LINE = re.compile(r"( *)(?:- +|[A-Za-z_][\w.-]*: +)(?![|>'\"\[{&*!#%@`-])(?!.*:(?: |$))\S")
_DASH_LINE = re.compile(r"( *)- ")
# a line (not blank) that has a list item indented deeper on the line after it
_UNDER_IT = re.compile(r"^( *)[^ \n].*\n(?=\1 +- )", re.M)


def folded_items(front: str, rel: str, first_line: int) -> Finding | None:
    """A list item (or a value) written plain with the lines of a list indented deeper under it,
    which YAML reads as one value (one item of the list moved left): the first such, at its line."""
    lines: list[str] | None = None
    # (the lines that have a list item indented deeper under them first, found in one pass: a line
    # at a time in Python, every line's pattern reading it whole for a `: `, took a sixth of reading
    # the front matter)
    n = at = 0
    for under in _UNDER_IT.finditer(front):
        if lines is None:
            lines = front.split("\n")
        n += front.count("\n", at, under.start())
        at = under.start()
        line = lines[n]
        m = _PLAIN_LINE.match(line)
        if m is None:
            continue
        deeper = _DASH_LINE.match(lines[n + 1])
        if deeper is None or len(deeper.group(1)) <= len(m.group(1)):
            continue
        count = next((k for k, later in enumerate(lines[n + 1 :]) if not later.startswith(deeper.group(1) + "- ")),
                     len(lines) - n - 1)
        value = " - ".join([line[m.end() - 1 :].strip(), *(x.strip()[2:].strip() for x in lines[n + 1 : n + 1 + count])])
        mine, theirs = len(m.group(1)), len(deeper.group(1))
        if line.lstrip().startswith("-"):  # an item moved left of the others
            said = {"what": f"목록 항목의 들여쓰기가 다릅니다: 이 줄은 {mine}칸, 아래 {count}줄은 {theirs}칸 들여 썼습니다.",
                    "what_en": f"list items indented unlike: this line by {mine}, the {count} line(s) below by {theirs}",
                    "fix": "목록의 항목들을 같은 칸으로 맞추세요.", "fix_en": "indent the list's items alike"}
        else:  # `strengths: 한 가지` with the list's items below it: a value and a list both
            key = line.strip().split(":", 1)[0]
            said = {"what": f"'{key}:' 뒤에 값을 적고 그 아래 {count}줄에도 목록 항목을 적었습니다.",
                    "what_en": f"a value after '{key}:' and {count} list item(s) below it",
                    "fix": f"목록으로 쓰려면 '{key}:' 뒤의 값을 지우고 그 내용을 아래 항목들처럼 한 줄에 '- '로 적으세요.",
                    "fix_en": f"for a list, leave '{key}:' bare and write that value as an item below, with '- '"}
        return finding("yaml-folded-list", rel, first_line + n, 1, value=value if len(value) <= 80 else value[:79] + "…",
                       **said)
    return None


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def escaped_controls(parsed: Parsed, rel: str) -> list[Finding]:
    """A control character a double-quoted value writes as an escape (`"\\e[31m"`, `"\\a"`, `"\\x07"`):
    YAML takes it, the site would publish it and a terminal would obey it. As the character written
    raw is (`yaml-control-char`), an error at the value. (A tab or a line break is text.)"""
    out = []
    for path, value in parsed.leaves():
        if isinstance(value, str):
            bad = _CONTROL.search(value)
            if bad is not None:
                out.append(finding("yaml-control-char", rel, *parsed.where(path), char=f"{ord(bad.group()):04X}"))
    return out


_TEMPLATE_TAG = re.compile(r"\{\{[#/^]?\s*[A-Za-z_][\w.]*\s*\}\}")


def template_unfilled(front: str, rel: str, first_line: int) -> Finding | None:
    """A template's `{{case}}`, `{{#goals}}` … left in front matter (templates/ copied by hand, not
    through `casekit add`): one finding at the first, naming the lines of the others."""
    lines = [n for n, line in enumerate(front.split("\n")) if _TEMPLATE_TAG.search(line)]
    if not lines:
        return None
    first = front.split("\n")[lines[0]]
    m = _TEMPLATE_TAG.search(first)
    assert m is not None
    parts = rel.split("/")
    stage = re.match(r"[0-9]{2}-([a-z]+)\.md$", parts[-1]) if len(parts) == 3 and parts[0] == "cases" else None
    add = f"casekit add {parts[1]} {stage.group(1)}" if stage else "casekit add <사례 ID> <단계>"
    places = ", ".join(str(first_line + n) for n in lines[:12]) + (" …" if len(lines) > 12 else "")
    return finding("template-unfilled", rel, first_line + lines[0], m.start() + 1, tag=m.group(), count=len(lines),
                   lines=places, add=add)


MAX_LEAD = 10  # lines before an opening '---' taken for a slip (a blank line, a heading), not a file without front matter
_KEY_LINE = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*:(?:[ \t]|$)")


def _lines_before_front(text: str) -> int:
    """How many lines (a blank line, a `# 제목`, a line of prose: none of them `key: value`) stand
    before a '---' line that opens front matter (a key at the left edge on the line after it, and a
    closing '---' further down); 0 when there is no such '---' within the first MAX_LEAD lines."""
    lines = text.split("\n", MAX_LEAD + 2)
    for n, line in enumerate(lines[: MAX_LEAD + 1]):
        if line.rstrip() == "---":
            after = lines[n + 1] if n + 1 < len(lines) else ""
            rest = text.split("\n", n + 1)[-1] if n + 1 < len(lines) else ""
            closed = _FRONT_END.search(rest) is not None
            return n if n and _KEY_LINE.match(after) and closed else 0
        if _KEY_LINE.match(line.lstrip()):  # `case: x` before any '---': the opening line left out, not this
            return 0
    return 0


# a list written with a sign that only looks like YAML's `- ` (a full-width hyphen, a bullet, a dash
# from a word processor, Markdown's `*` or `+`): YAML reads it as text, or as an alias (`*`)
LIST_MARKERS = "\uff0d\u2022\u00b7\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u3161\u25aa\u25e6\u2219\u2027\u30fb\u318d*+"
_MARKED = re.compile(f"^[ \t]*[{LIST_MARKERS}][ \t\u3000]", re.MULTILINE)  # (one search: most files have none)
_MARKER_LINE = re.compile(f"^([ \t]*)([{LIST_MARKERS}])[ \t\u3000]+(?=\\S)")
_OPENS_BLOCK = re.compile(r"^[ \t]*(?:-[ \t]+)?[^\s:#'\"][^:#]*:[ \t]*(?:#.*)?$")  # `key:` with nothing after it
_MARKER_NAMES = {"\uff0d": "전각 하이픈(－)", "\u2022": "글머리 기호(•)", "\u00b7": "가운뎃점(·)", "\u318d": "아래아(ㆍ)",
                 "\u3161": "한글 모음 ㅡ", "*": "별표(*)", "+": "더하기(+)"}


def list_markers(front: str, rel: str, first_line: int) -> tuple[list[Finding], str]:
    """List items marked with a sign other than YAML's `-` where a list is expected (under a `key:`
    with no value, or after an item of the same list): an error at each sign, and the front matter
    with a '-' in its place (the same length: every position stays) so the rest is read as meant.
    Under a `key:` it takes two such lines in a row (one alone may be text that starts with a
    bullet: the schema's `wrong-type` says so when a list was meant)."""
    lines = front.split("\n")
    out: list[Finding] = []
    listing: int | None = None  # the indentation of the list being written, when one is
    opened = False

    def next_is_marked(n: int, indent: int) -> bool:
        following = next((x for x in lines[n + 1 :] if x.strip() and not x.lstrip().startswith("#")), "")
        m = _MARKER_LINE.match(following)
        return m is not None and len(m.group(1)) == indent

    for n, line in enumerate(lines):
        m = _MARKER_LINE.match(line)
        if m is not None and ((opened and next_is_marked(n, len(m.group(1)))) or listing == len(m.group(1))):
            sign = m.group(2)
            name = _MARKER_NAMES.get(sign, f"줄표({sign}, U+{ord(sign):04X})")
            rest = line[m.end():].strip()
            out.append(finding("list-marker", rel, first_line + n, len(m.group(1)) + 1, sign=name,
                               sign_en=f"U+{ord(sign):04X}", example=f"- {rest}" if len(rest) <= 40 else "- …"))
            # (a full-width space after the sign is part of the same slip: read as a space, said once)
            lines[n] = line[: m.start(2)] + "-" + line[m.end(2) : m.end()].replace("\u3000", " ") + line[m.end() :]
            listing, opened = len(m.group(1)), False
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        opened = _OPENS_BLOCK.match(line) is not None
        item = re.match(r"^([ \t]*)-[ \t]", line)
        listing = len(item.group(1)) if item is not None else None
    return out, "\n".join(lines) if out else front


# a space YAML does not read as one (U+3000, what a Korean input method types in full-width mode;
# U+00A0 and the other Unicode spaces, pasted from the web or a word processor), or a full-width
# colon, where YAML needs a space or a key's colon
_ODD_SPACES = "\u3000\u00a0\u2000-\u200a\u202f\u205f"
_ODD_LAYOUT = re.compile(f"[{_ODD_SPACES}\uff1a]")
_ODD_RUN = re.compile(f"[{_ODD_SPACES}]+")
_DASH_ODD = re.compile(f"-([{_ODD_SPACES}]+)")
_WIDE_AFTER_COLON = re.compile(f"^[ \t]*(?:-[ \t]+)?[^\\s:#'\"][^:#]*:[{_ODD_SPACES}]")
_WIDE_COLON = re.compile("^[ \t]*(?:-[ \t]+)?[A-Za-z_][A-Za-z0-9_]*[ \t]*\uff1a")
_ODD_NAMES = {
    "\u3000": ("전각 공백(U+3000, 한글 입력기의 넓은 빈칸)", "a full-width space (U+3000)"),
    "\u00a0": ("줄바꿈 없는 공백(U+00A0, 웹이나 문서에서 복사할 때 섞이는 빈칸)", "a no-break space (U+00A0)"),
    "\uff1a": ("전각 콜론(：, U+FF1A)", "a full-width colon (U+FF1A)"),
}


def _odd_name(ch: str) -> tuple[str, str]:
    return _ODD_NAMES.get(ch, (f"특수 공백(U+{ord(ch):04X})", f"a Unicode space (U+{ord(ch):04X})"))


Moves = dict[int, list[tuple[int, int]]]  # file line -> (column after which the text moved, by how much)
_LEAD = re.compile(f"[ \t{_ODD_SPACES}]*")
# (`^([ \t]*(?:-[ \t]+)*)[^\s:#'\"][^:#]*:…`, whose key may begin at any `- ` and reads to the same ":": it was
# read again from each `- ` of a line of 100,000 of them (minutes); all of them or all but the last are
# the only ones that can differ, so only those are tried: the same matches, fuzzed)
_BLOCK_OPENER = re.compile(r"^([ \t]*+(?:-[ \t]++(?=-[ \t]))*+(?:-[ \t]++)?)[^\s:#'\"][^:#]*+:[ \t]++[|>][-+0-9]*+[ \t]*+"
                           r"(?:#.*)?$")


def wide_spaces(front: str, rel: str, first_line: int) -> list[tuple[str, Moves, list[Finding]]]:
    """Spaces YAML does not read as spaces (a full-width U+3000, a no-break U+00A0 …) where YAML needs
    a space, and a full-width colon after a key: each an error at its place, instead of a YAML error
    lines later (or a value that silently holds the character). With them, the readings of the front
    matter as meant, to try in order: each odd space a space (U+3000 typed once for each space), then,
    when an indentation holds U+3000, each of those two spaces (as wide as it is drawn: typed once for
    two spaces); a full-width colon a colon and a space. Each with how its lines' columns moved, and
    its findings (which tell how many spaces to type); none when there is nothing of the kind."""
    out: list[Finding] = []
    out2: list[Finding] = []
    ones: list[str] = []
    twos: list[str] = []
    moves1: Moves = {}
    moves2: Moves = {}
    wide_indent = False
    block: int | None = None  # the indentation of the key whose text block (`|`, `>`) is being read
    for number, line in enumerate(front.split("\n"), first_line):
        spaces = len(line) - len(line.lstrip(" "))
        if block is not None and (not line.strip() or spaces > block):
            ones.append(line)  # a line of text: a space there is the text's own
            twos.append(line)
            continue
        block = None
        opener = _BLOCK_OPENER.match(line)
        if opener is not None:
            block = len(opener.group(1).replace("- ", "  "))
        if _ODD_LAYOUT.search(line) is None:
            ones.append(line)
            twos.append(line)
            continue
        lead = _LEAD.match(line).group(0)  # type: ignore[union-attr] # (matches the empty text at least)
        one = two = line
        shift = 0  # how far the second reading's text after the indentation moved
        odd = _ODD_LAYOUT.search(lead)
        if odd is not None:
            plain = _ODD_RUN.sub(lambda m: " " * len(m.group(0)), lead)
            wide = _ODD_RUN.sub(lambda m: " " * len(m.group(0)), lead.replace("\u3000", "  "))
            for into, n in ((out, len(plain)), (out2, len(wide))):
                into.append(_wide(rel, number, odd.start() + 1, lead[odd.start()], "들여쓰기", "in the indentation",
                                  retype=(f"이 줄의 들여쓰기를 지우고 스페이스 {n}칸으로 다시 넣으세요.",
                                          f"retype this line's indentation as {n} spaces")))
            one, two = plain + line[len(lead):], wide + line[len(lead):]
            shift = len(wide) - len(lead)
            if shift:
                wide_indent = True
                moves2.setdefault(number, []).append((len(wide), shift))
        fixes: list[tuple[int, int, str]] = []  # (index, length, what to put there) in `one`
        dash = _DASH_ODD.match(one, len(lead))
        if dash is not None:
            found = _wide(rel, number, dash.start(1) + 1, one[dash.start(1)], "목록 표시(-) 뒤", "after the list dash")
            out.append(found)
            out2.append(found)
            fixes.append((dash.start(1), len(dash.group(1)), " " * len(dash.group(1))))
        colon = _WIDE_COLON.match(one)
        if colon is not None:
            at = colon.end() - 1
            found = _wide(rel, number, at + 1, "\uff1a", "항목 이름 뒤", "after the key")
            out.append(found)
            out2.append(found)
            after = one[at + 1 : at + 2]
            fixes.append((at, 1, ":" if after in ("", " ", "\t") or _ODD_RUN.match(after) else ": "))
        probe = one if colon is None else one[: colon.end() - 1] + ":" + one[colon.end() :]
        spaced = _WIDE_AFTER_COLON.match(probe)
        if spaced is not None:
            run = _ODD_RUN.match(probe, spaced.end() - 1)
            assert run is not None
            found = _wide(rel, number, run.start() + 1, probe[run.start()], "콜론(:) 뒤", "after the colon")
            out.append(found)
            out2.append(found)
            fixes.append((run.start(), len(run.group(0)), " " * len(run.group(0))))
        grown = 0
        for index, length, put in sorted(fixes):
            one = one[: index + grown] + put + one[index + grown + length :]
            two = two[: index + grown + shift] + put + two[index + grown + shift + length :]
            if len(put) != length:
                moves1.setdefault(number, []).append((index + grown + 1, len(put) - length))
                moves2.setdefault(number, []).append((index + grown + shift + 1, len(put) - length))
                grown += len(put) - length
        ones.append(one)
        twos.append(two)
    if not out:
        return []
    readings = [("\n".join(ones), moves1, out)]
    if wide_indent:
        readings.append(("\n".join(twos), moves2, out2))
    return readings


def _wide(rel: str, number: int, column: int, ch: str, where: str, where_en: str,
          retype: tuple[str, str] | None = None) -> Finding:
    what, what_en = _odd_name(ch)
    meant, meant_en = ("반각 콜론", "a colon") if ch == "\uff1a" else ("스페이스", "a space")
    ko, en = retype or (f"이 문자를 지우고 {meant}(으)로 다시 넣으세요.", f"delete it and type {meant_en}")
    return finding("yaml-wide-space", rel, number, column, where=where, where_en=where_en,
                   what=what, what_en=what_en, meant=meant, meant_en=meant_en, retype=ko, retype_en=en)


def moved_back(line: int, column: int, moves: Moves) -> int:
    """The column in the file of what a reading (`wide_spaces`) has at `line`, `column`."""
    return column - sum(by for after, by in moves.get(line, ()) if column > after)


def _read_respaced(readings: list[tuple[str, Moves, list[Finding]]], rel: str, parsed: Parsed) -> tuple[str, Moves]:
    """Read the front matter as `wide_spaces` found it meant: the first reading YAML reads without a
    problem (else the first), its findings, its positions and YAML's findings at the file's own
    columns; its text and how its columns moved."""
    chosen: tuple[Parsed, str, Moves, list[Finding]] | None = None
    for text, moves, wide in readings:
        trial = Parsed(front_line=parsed.front_line, body_line=parsed.body_line, front=parsed.front)
        _parse_yaml(text, rel, trial)
        if chosen is None or (trial.data is not None and not trial.findings):
            chosen = (trial, text, moves, wide)
        if trial.data is not None and not trial.findings:
            break
    assert chosen is not None
    trial, text, moves, wide = chosen
    parsed.findings += wide
    parsed.data, parsed.resolved, parsed._leaves = trial.data, trial.resolved, trial._leaves
    parsed.positions = {path: Pos(p.key_line, moved_back(p.key_line, p.key_column, moves),
                                  p.line, moved_back(p.line, p.column, moves))
                        for path, p in trial.positions.items()} if moves else trial.positions
    parsed.findings += unmoved(trial.findings, moves)
    return text, moves


def unmoved(findings: list[Finding], moves: Moves) -> list[Finding]:
    """`findings` made on a reading (`wide_spaces`), at the file's own columns."""
    return [f if f.line not in moves or f.column is None else
            dataclasses.replace(f, column=moved_back(f.line, f.column, moves)) for f in findings]


# a plain value, then a space and a "#" right before a word: YAML reads a comment there and the
# value ends before it (`활동: 도움이 된 것 #1은 동행` is "도움이 된 것"); a comment meant as one has
# a space after its "#" (`# 예: …`), and a quoted value keeps its "#"
_KEY_PREFIX = re.compile(r"[ \t]*(?:-[ \t]+)*(?:[^\s#'\"][^:#]*:[ \t]+)?")
_CUT_AT = re.compile(r"[ \t]#(?=[^\s#])")


def comment_cuts(front: str, rel: str, first_line: int) -> list[Finding]:
    """A warning where a plain value is cut short by what YAML reads as a comment, and where a line
    reads as a Markdown heading (`## 상담 내용`): YAML takes it for a comment, and it is in no record."""
    out: list[Finding] = []
    inside: set[int] | None = None  # the lines a value of several lines holds (worked out when one may matter)
    for i, line in enumerate(front.split("\n")):
        if "#" not in line:
            continue
        if inside is None:
            inside = _value_lines(front)
        if i in inside:  # (`note: |` and its lines, a quoted value going on: text, not a comment)
            continue
        number = first_line + i
        stripped = line.lstrip()
        if stripped.startswith("##") and stripped.lstrip("#").strip():
            out.append(finding("comment-heading", rel, number, len(line) - len(stripped) + 1,
                               heading=_short(stripped, 40)))
            continue
        if stripped.startswith("#"):
            continue
        prefix = _KEY_PREFIX.match(line)  # (it matches the empty text at least)
        start = prefix.end() if prefix is not None else 0
        value = line[start:]
        if not value or value[0] in "'\"|>[{&*!%@`#":
            continue
        cut = _CUT_AT.search(value)
        if cut is not None:
            kept = value[: cut.start()].rstrip()
            out.append(finding("comment-cuts-value", rel, number, start + cut.start() + 2, kept=kept,
                               rest=value[cut.start() + 1 :].strip()))
    return out


def _value_lines(front: str) -> set[int]:
    """The lines (0-based) of `front` that a scalar begun on an earlier line goes on into: a block
    (`|`, `>`), a quoted or a plain value of several lines. Nothing when it does not scan."""
    out: set[int] = set()
    try:
        for token in yaml.scan(front, Loader=_Loader):
            end = token.end_mark.line if token.end_mark.column else token.end_mark.line - 1  # (a block ends at the next line's start)
            if isinstance(token, yaml.ScalarToken) and end > token.start_mark.line:
                out.update(range(token.start_mark.line + 1, end + 1))
    except yaml.YAMLError:
        return out
    return out


# the line that closes front matter: `---` or `...`, then only what str.strip() would drop (re's
# \s is the same whitespace); a line is what "\n" ends
# (ㅡ, the Hangul vowel drawn as a dash: ㅡㅡㅡ typed for a line; and ─ ━, box-drawing dashes)
_DASH_CHARS = "\u2010-\u2015\u2212\uff0d\u30fc\u3161\u2500\u2501"
# (each run taken whole: `[-…]*[…][-…]*` split a line of 100,000 `ㅡ` every way between its two runs, minutes)
_DASHES_LINE = re.compile(rf"^[ \t]*+(?:-{{2}}|-{{4,}}+|-*+[{_DASH_CHARS}][-{_DASH_CHARS}]*+"
                          rf"|---[ \t]*+\S.*+)$")  # `--`, `----`, `—`, `－－－`, `ㅡㅡㅡ`, `--- x`
# a line of dashes, not '---' (one only when it is no hyphen: `—`, a word processor's for `---`)
_DASHES_ONLY = re.compile(r"(?:[-\u2010-\u2015\u2212\uff0d\u30fc\u3161][ \t]*){2,12}|[\u2010-\u2015\u2212\uff0d\u30fc]")
_TITLED_OPENING = re.compile(r"---[ \t]+([^\s-].{0,60})")  # `--- 접수 기록` as a file's first line
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)


def parse_yaml(src: str, rel: str, first_line: int = 1) -> Parsed:
    """Parse a whole YAML mapping (a settings file, say) with the same guards as front matter."""
    parsed = Parsed(front_line=first_line, body_line=first_line, front=src)
    conflict = conflict_line(src)
    if conflict is not None:  # a merge left half-resolved: its YAML error would be at the `=======` after it
        parsed.findings.append(conflict_finding(rel, conflict + first_line - 1))
        return parsed
    _parse_yaml(src if src.endswith("\n") else src + "\n", rel, parsed)
    return parsed


def _parse_yaml(src: str, rel: str, parsed: Parsed) -> None:
    simple = plain_yaml.read(src, parsed.front_line)
    if simple is not None:  # the usual shape, read line by line: the same values the builder makes
        parsed.data, parsed.positions, parsed.resolved, parsed._leaves = simple
        return
    before = len(parsed.findings)
    if not _Builder(src, rel, parsed).run(_Loader):
        # libyaml 0.2.5+ (PyYAML 6.0.4's wheels) stops flow nesting past 1000 levels while it scans
        # ahead, before our own limit sees the events: run the pure-Python parser, which has no
        # such limit, so `yaml-too-deep` lands where nesting passes MAX_DEPTH under every PyYAML
        del parsed.findings[before:]
        parsed.positions.clear()
        _Builder(src, rel, parsed).run(yaml.SafeLoader)


_DASHES_LEAD = re.compile(r"[ \t]*(?:-[ \t]+)*")  # a line's indentation and list dashes


# a key YAML read from a list's entry numbered instead of dashed (`1. goal` of `1. goal: 주거 안정`, `② id`)
_NUMBERED_KEY_NAME = re.compile(r"\s*(?:[0-9]{1,2}[.)]|[\u2460-\u2473])\s*[A-Za-z_][\w.-]*\s*")


class _Stop(Exception):
    """Parsing ends here (too deep, too many problems): the findings say why."""


_SKIP = object()  # a mapping key whose entry is refused: its value is read (for findings) but not kept
_AWAIT = object()  # a mapping waiting for its next key


@dataclass
class _Frame:
    is_map: bool
    value: Any  # dict or list
    path: Path
    keep: bool  # whether what is inside becomes data
    as_key: bool  # this collection is itself a mapping key (refused)
    key: Any = _AWAIT  # mapping: the pending key (str or _SKIP), or _AWAIT
    key_at: tuple[int, int] = (0, 0)
    first: dict[str, int] = field(default_factory=dict)
    dup_run: tuple[int, int] | None = None  # (line, first line) of the last repeated key, while keys keep repeating
    last_numbered: int = 0  # the line of its last key that is a list's entry numbered instead of dashed (`2. goal`)
    numbered_said: bool = False  # a list of entries numbered with their keys at the numbers' column: said once


class _Builder:
    """Events to plain values (dict, list, str, int, float, bool, None) with positions."""

    def __init__(self, src: str, rel: str, parsed: Parsed) -> None:
        self.src = src
        self.lines: list[str] | None = None  # (src's lines, split when a numbered list's repeated key asks)
        self.rel = rel
        self.parsed = parsed
        self.first_line = parsed.front_line  # the file line of the YAML text's first line
        self.plain_breaks = not any(ch in src for ch in "\r\x85\u2028\u2029")
        self.errors = 0
        self.same: dict[str, int] = {}
        self.stack: list[_Frame] = []
        self.root: Any = _AWAIT
        self.root_at = (parsed.front_line, 1)

    @cached_property
    def starts(self) -> list[int]:
        """Where each line of the YAML text starts (only needed for positions off the fast path)."""
        return [0] + [m.end() for m in re.finditer("\n", self.src)]

    # positions and findings
    def at(self, mark: Any) -> tuple[int, int]:
        if mark is None:
            return self.first_line, 1
        if self.plain_breaks:  # only \n breaks lines: the parser's own line and column are right
            return mark.line + self.first_line, mark.column + 1
        index = min(max(int(mark.index), 0), len(self.src))
        line = bisect.bisect_right(self.starts, index) - 1
        return line + self.first_line, index - self.starts[line] + 1

    def fail(self, code: str, where: tuple[int, int], **args: Any) -> None:
        self.errors += 1
        seen = self.same[code] = self.same.get(code, 0) + 1
        if seen <= MAX_SAME_FINDINGS:
            self.parsed.findings.append(finding(code, self.rel, where[0], where[1], **args))
        if self.errors >= MAX_YAML_FINDINGS:
            raise _Stop

    def refuse(self, path: Path, where: tuple[int, int], keep: bool, **args: Any) -> None:
        """A number written in a form YAML 1.1 reads unlike a person (`yaml-number-form`): an error
        at its place, the value left empty and the rest of the front matter still read and checked
        (the schema says nothing more about that value: `resolved` marks it "refused")."""
        seen = self.same["yaml-number-form"] = self.same.get("yaml-number-form", 0) + 1
        if seen <= MAX_SAME_FINDINGS:
            self.parsed.findings.append(finding("yaml-number-form", self.rel, where[0], where[1], **args))
        if keep:
            self.parsed.resolved[path] = REFUSED

    def run(self, loader_class: Any) -> bool:
        """Build the value; False when libyaml gave up on its own nesting limit (retry without it)."""
        bad = _NON_PRINTABLE.search(self.src)
        if bad is not None:
            idx = bad.start()
            line = bisect.bisect_right(self.starts, idx) - 1
            where = (line + self.first_line, idx - self.starts[line] + 1)
            self.parsed.findings.append(
                finding("yaml-control-char", self.rel, *where, char=f"{ord(bad.group()):04X}")
            )
            return True
        documents = 0
        loader = loader_class(self.src)
        try:
            while True:  # events one by one: nothing here recurses, and we may stop at any point
                event: Any = loader.get_event()
                kind: type = type(event)
                if kind in _NODE_EVENTS:
                    self.node(event, kind)
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    self.end()
                elif event is None or kind is yaml.StreamEndEvent:
                    break
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        self.fail("yaml-syntax", self.at(event.start_mark),
                                  problem="expected a single document in the front matter, found another")
                        raise _Stop
        except _Stop:
            return True
        except yaml.MarkedYAMLError as exc:
            if exc.problem == _LIBYAML_NESTING and loader_class is not yaml.SafeLoader:
                return False
            self.syntax_error(exc)
            return True
        except (yaml.YAMLError, ValueError, RecursionError, OverflowError) as exc:  # reader errors, pathology
            problem = (str(exc).splitlines() or ["invalid YAML"])[0]
            self.parsed.findings.append(finding("yaml-syntax", self.rel, self.first_line, 1, problem=problem))
            return True
        finally:
            loader.dispose()
        if self.errors:
            return True
        root = self.root
        if root is _AWAIT:  # no node at all: nothing but comments and blank lines
            line = max(self.first_line - 1, 1)
            self.parsed.findings.append(finding("front-matter-not-mapping", self.rel, line, 1, kind="빈 머리말(empty)"))
        elif isinstance(root, dict):
            self.parsed.data = root
        else:
            found = "목록(list)" if isinstance(root, list) else "하나의 값(scalar)"
            self.parsed.findings.append(finding("front-matter-not-mapping", self.rel, *self.root_at, kind=found))
        return True

    def numbered_flat(self, parent: _Frame, key: str, where: tuple[int, int]) -> bool:
        """Whether `key` repeated at `where` is one of a list's entries numbered instead of dashed, with
        their keys at the numbers' column (`goals:` / `  1. goal: 주거 안정` / `  id: G1` / `  2. goal: …` /
        `  id: G2`): one mapping to YAML, whose `id` repeats. Said then (yaml-syntax, once, at the list's
        first number) with the advice for numbered entries, not as a repeated key to merge or dash."""
        if parent.first[key] > parent.last_numbered:
            return False  # (not repeated from one numbered entry to the next)
        if self.lines is None:
            self.lines = self.src.split("\n")
        told = numbered_entry(self.lines, where[0] - self.first_line + 1, flat=True)
        if told is None:
            return False
        at_line, at_col, hint, hint_en = told
        parent.numbered_said = True
        self.fail("yaml-syntax", (at_line + self.first_line - 1, at_col), problem=f"found duplicate key '{_short(key)}'",
                  hint=hint, hint_en=" " + hint_en)
        return True

    def syntax_error(self, exc: yaml.MarkedYAMLError) -> None:
        mark = exc.problem_mark or exc.context_mark
        line, col = self.at(mark)
        text_line = self._line_text(line)
        indent = text_line[: len(text_line) - len(text_line.lstrip(" \t"))]
        dashes = _DASHES_LEAD.match(text_line).group(0)  # type: ignore[union-attr] # (matches the empty text at least)
        if "\t" not in indent and "\t" in dashes:  # `-<TAB>goal: G2`: a tab after the list's dash
            fixed = re.sub(r"-[ \t]+", "- ", dashes.lstrip(" ")) + text_line[len(dashes):]
            self.parsed.findings.append(finding(
                "yaml-tab", self.rel, line, dashes.index("\t") + 1,
                hint=f" 목록 표시(-) 뒤의 탭을 지우고 스페이스 한 칸을 넣으세요. 예: {fixed.rstrip()}",
                hint_en=f" (after the list dash: replace the tab with one space, {fixed.rstrip()})"))
            return
        if "\t" in indent:
            spaces = tab_advice(self.src.split("\n"), line - self.first_line + 1)
            hint = (f" 탭을 지우고 이 줄을 스페이스 {spaces}칸 들여 쓰세요(같은 묶음의 항목들과 같은 칸)." if spaces is not None
                    else " 탭을 지우고 스페이스로 들여 쓰세요.")
            self.parsed.findings.append(finding(
                "yaml-tab", self.rel, line, indent.index("\t") + 1, hint=hint,
                hint_en=f" (indent it {spaces} spaces, as the entries around it)" if spaces is not None else ""))
            return
        context = exc.context or ""
        if context and exc.context_mark is not None and exc.problem_mark is not None:
            started = self.at(exc.context_mark)
            # where the unfinished thing began: often the real mistake (not the front matter's own
            # first line, where every top-level mapping begins: a line number that says nothing)
            if started != (line, col) and started[0] > self.first_line:
                context += f" (line {started[0]}, column {started[1]})"
        problem = " ".join(p for p in (context, exc.problem) if p) or "invalid YAML"
        lines = self.src.split("\n")
        ctx_line = self.at(exc.context_mark)[0] - self.first_line + 1 if exc.context_mark is not None else None
        at_line, at_col, hint, hint_en = yaml_hint(problem, lines, line - self.first_line + 1, ctx_line,
                                                   front=self.rel.endswith(".md"))  # (casekit.yml: a YAML file whole)
        if at_line != line - self.first_line + 1 or at_col is not None:  # the mistake is not where the parser stopped
            line, col = at_line + self.first_line - 1, at_col or 1
        self.parsed.findings.append(finding(
            "yaml-syntax", self.rel, line, col, problem=problem,
            hint=hint or "이 줄이나 바로 윗줄의 따옴표, 콜론(:), 들여쓰기를 확인하세요.",
            hint_en=(" " + hint_en) if hint_en else "",
        ))

    def _line_text(self, file_line: int) -> str:
        i = file_line - self.first_line
        if not 0 <= i < len(self.starts):
            return ""
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(self.src)
        return self.src[self.starts[i] : end]

    # building
    def node(self, event: Any, kind: type) -> None:
        mark = event.start_mark
        where = (mark.line + self.first_line, mark.column + 1) if self.plain_breaks else self.at(mark)
        stack = self.stack
        parent = stack[-1] if stack else None
        if kind is yaml.ScalarEvent and parent is not None and event.tag is None and event.anchor is None:
            # the common case, with scalar() and done() inlined: an untagged text key or text value
            plain = event.implicit[0]
            text = event.value
            text_kind = _plain_kind(text) if plain else _PLAIN_STR
            if parent.is_map:
                if parent.key is _AWAIT:
                    if text_kind == _PLAIN_STR:
                        parent.key = self.key(text, _STR, where, plain)
                        return
                elif text_kind != _PLAIN_OTHER:
                    if parent.keep and parent.key is not _SKIP:
                        key_at = parent.key_at
                        self.parsed.positions[(*parent.path, parent.key)] = Pos(key_at[0], key_at[1], where[0], where[1])
                        parent.value[parent.key] = text
                    parent.key = _AWAIT
                    return
            elif text_kind != _PLAIN_OTHER:
                if parent.keep:
                    self.parsed.positions[(*parent.path, len(parent.value))] = Pos(where[0], where[1], where[0], where[1])
                parent.value.append(text)
                return
        as_key = False
        if parent is None:
            path: Path = ()
            keep = True
            key_at = where
            self.root_at = where
        elif parent.is_map:
            if parent.key is _AWAIT:
                as_key = True
                path, keep, key_at = parent.path, False, where
            else:
                keep = parent.keep and parent.key is not _SKIP
                path = (*parent.path, parent.key) if keep else parent.path
                key_at = parent.key_at
        else:
            path, keep, key_at = (*parent.path, len(parent.value)), parent.keep, where
        if event.anchor is not None:
            self.fail("yaml-alias", where)
            if kind is yaml.AliasEvent:
                self.done(parent, _SKIP if as_key else None)
                return
            keep = False
        if keep:
            self.parsed.positions[path] = Pos(key_at[0], key_at[1], where[0], where[1])
        if kind is yaml.ScalarEvent:
            self.done(parent, self.scalar(event, path, where, as_key, keep))
            return
        is_map = kind is yaml.MappingStartEvent
        if len(stack) >= MAX_DEPTH:
            self.fail("yaml-too-deep", where, limit=MAX_DEPTH)
            raise _Stop
        ctag = event.tag
        if ctag is not None and ctag != "!" and ctag != (_MAP if is_map else _SEQ):
            self.fail("yaml-tag", where, tag=ctag)
            keep = False
        if as_key:
            self.fail("yaml-bad-key", where, kind="목록·사전(list/mapping)")
        stack.append(_Frame(is_map, {} if is_map else [], path, keep, as_key))

    def end(self) -> None:
        frame = self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        self.done(parent, _SKIP if frame.as_key else frame.value)

    def done(self, parent: _Frame | None, value: Any) -> None:
        """A node is complete: hand it to its parent (as a key, a mapping value or a list item)."""
        if parent is None:
            self.root = value
        elif not parent.is_map:
            parent.value.append(value)
        elif parent.key is _AWAIT:
            parent.key = value  # a key string, or _SKIP for a refused key
        else:
            if parent.key is not _SKIP and parent.keep:
                parent.value[parent.key] = value
            parent.key = _AWAIT

    def scalar(self, event: Any, path: Path, where: tuple[int, int], as_key: bool, keep: bool) -> Any:
        text = event.value
        explicit = event.tag is not None
        if event.tag == "!":  # the non-specific tag: text, whatever it looks like (YAML 1.2 §6.9.1)
            tag: str = _STR
        else:
            tag = event.tag if explicit else _RESOLVER.resolve(yaml.ScalarNode, text, event.implicit)
        plain = not explicit and bool(event.implicit and event.implicit[0])
        if explicit and tag not in _SCALAR_TAGS:  # "!" became _STR above
            self.fail("yaml-tag", where, tag=tag)
            return _SKIP if as_key else None
        if plain and tag == _STR and text[:1] in _NUMBER_START:
            if _YAML12_FLOAT.fullmatch(text):
                tag = _FLOAT
            elif _YAML12_OCTAL.fullmatch(text):
                tag = _INT
        if as_key:
            return self.key(text, tag, where, plain)
        if tag in _TEXT_TAGS:
            return text
        if plain and keep:
            self.parsed.resolved[path] = tag[len(_TAG) :]
        if tag == _NULL:
            return None
        if tag == _BOOL:
            value = _CONSTRUCTOR.bool_values.get(text.lower())
            if value is None:
                self.fail("yaml-syntax", where, problem=f"'{_short(text)}' is not true or false (!!bool)")
            return value
        try:
            if tag == _INT:
                number: Any = int(text[2:], 8) if text.startswith("0o") else _CONSTRUCTOR.construct_yaml_int(
                    yaml.ScalarNode(tag, text)
                )
                if number.bit_length() > MAX_INT_BITS:
                    raise OverflowError
                if plain and not _PLAIN_INT.fullmatch(text):
                    return self.refuse(path, where, keep, **number_form(text, number, path))
                return number
            if plain and _ODD_FLOAT.search(text):
                return self.refuse(path, where, keep, **number_form(
                    text, _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode(tag, text)), path))
            return float(text) if _YAML12_FLOAT.fullmatch(text) else _CONSTRUCTOR.construct_yaml_float(
                yaml.ScalarNode(tag, text)
            )
        except OverflowError:
            self.fail("yaml-number-too-large", where, value=_short(text, 20))
        except (ValueError, TypeError, IndexError, yaml.YAMLError):
            if plain:  # only the 4300-digit guard of int() gets here for plain numbers
                self.fail("yaml-number-too-large", where, value=_short(text, 20))
            else:
                self.fail("yaml-syntax", where, problem=f"'{_short(text)}' is not a valid {tag[len(_TAG):]}")
        return None

    def key(self, text: str, tag: str, where: tuple[int, int], plain: bool) -> Any:
        parent = self.stack[-1]
        if tag == _MERGE and plain:
            self.fail("yaml-merge", where)
            return _SKIP
        if tag not in (_STR, _VALUE, _MERGE):
            self.fail("yaml-bad-key", where, kind=_KEY_KIND.get(tag, tag))
            return _SKIP
        if text in parent.first and (parent.numbered_said or (parent.dup_run is None and self.numbered_flat(parent, text, where))):
            return _SKIP  # `  1. goal: …` / `  id: G1` / `  2. goal: …` / `  id: G2`: said at the list's first number
        if text in parent.first:
            run = parent.dup_run
            parent.dup_run = (where[0], parent.first[text])
            # the keys after it repeat too, in order: one list item whose '- ' was left out, one finding
            if run is None or where[0] <= run[0] or parent.first[text] <= run[1]:
                self.fail("yaml-duplicate-key", where, key=_short(text), first_line=parent.first[text])
            return _SKIP
        parent.dup_run = None
        parent.first[text] = where[0]
        if _NUMBERED_KEY_NAME.fullmatch(text):
            parent.last_numbered = where[0]
        parent.key_at = where
        return text


_PLAIN_STR, _PLAIN_DATE, _PLAIN_OTHER = 0, 1, 2
_PLAIN_KINDS: dict[str, int] = {}  # plain scalar -> how it reads (memo: enum words and ids repeat)


def _plain_kind(text: str) -> int:
    """Whether a plain (unquoted, untagged) scalar reads as text, as a date (kept as text), or other."""
    known = _PLAIN_KINDS.get(text)
    if known is None:
        tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
        if tag == _STR:
            known = _PLAIN_STR if plain_is_text(text) else _PLAIN_OTHER
        else:
            known = _PLAIN_DATE if tag == _TIMESTAMP else _PLAIN_OTHER
        if len(_PLAIN_KINDS) < 8192:
            _PLAIN_KINDS[text] = known
    return known


def plain_is_text(value: str) -> bool:
    """Whether `value`, written unquoted, reads back as this text (not a number, date, yes/no, null)."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    if tag != _STR:
        return False
    return not (value[:1] in _NUMBER_START and (_YAML12_FLOAT.fullmatch(value) or _YAML12_OCTAL.fullmatch(value)))


_DATE_KEY = re.compile(r"(?:^|_)(?:date|start|end|done|due|since|until|review)$|^(?:next_review|deadline)$")
_MONTH_DAY = re.compile(r"(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])")  # (0426: April 26)


def number_form(text: str, number: Any, path: tuple[Any, ...] = ()) -> dict[str, str]:
    """What a `yaml-number-form` finding says about a plain number YAML 1.1 reads in an unusual way
    (14:30, 030, 1_000, 0x1F): its value as read, and what to write instead. Under a sensitive key
    (`masking.SENSITIVE_KEYS`: phone: 01000001001) only its shape is shown; a number with a leading
    0 and the digits of a phone number is told to be quoted, never to lose its 0."""
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    digits = text.lstrip("+-").replace("-", "")
    if key in SENSITIVE_KEYS or (digits.startswith("0") and digits.isdigit() and 9 <= len(digits) <= 11):
        shown = masked(_short(text, 20)) if key in SENSITIVE_KEYS else _short(text, 20)
        return {"value": shown, "read": "(앞의 0이 빠진 다른 수)" if key in SENSITIVE_KEYS else str(number),
                "advice": f"전화번호 같은 번호는 글자이므로 따옴표로 감싸세요(\"{shown}\").",
                "advice_en": f"a number such as a phone number is text: quote it (\"{shown}\")"}
    quoted = f'"{_short(text, 20)}"'
    if ":" in text:
        ko = f"걸린 시간이면 분으로 적고(1:30 → 90), 시각이면 따옴표로 감싸세요({quoted})."
        en = f"write a duration in minutes (1:30 -> 90), or quote a time of day ({quoted})"
    elif text.lstrip("+-")[:2].lower() in ("0x", "0b", "0o"):
        ko = f"10진법 {number}(으)로 적거나, 글자라면 따옴표로 감싸세요({quoted})."
        en = f"write it in decimal ({number}), or quote it if it is text ({quoted})"
    elif _DATE_KEY.search(key) and (day := _MONTH_DAY.fullmatch(text)) is not None:
        # `date: 0426`: a month and a day typed without the year (read as the octal 278)
        ko = f"날짜라면 연도를 붙여 YYYY-{day[1]}-{day[2]}처럼 적으세요(YYYY는 그 일이 있었던 해)."
        en = f"write a date with its year, YYYY-{day[1]}-{day[2]} (YYYY: the year it happened)"
    elif text.lstrip("+-").startswith("0") and text.lstrip("+-")[1:2].isdigit():
        plain = text.replace("_", "")
        sign, digits = ("-" if plain.startswith("-") else ""), plain.lstrip("+-").lstrip("0") or "0"
        ko = f"수라면 앞의 0을 빼고 {sign}{digits}(으)로 적고, 번호처럼 글자라면 따옴표로 감싸세요({quoted})."
        en = f"drop the leading 0 ({sign}{digits}) for a number, or quote it if it is text ({quoted})"
    else:  # 1_000
        plain = text.replace("_", "")
        ko = f"수라면 밑줄(_) 없이 {plain}(으)로 적고, 글자라면 따옴표로 감싸세요({quoted})."
        en = f"write it without underscores ({plain}), or quote it if it is text ({quoted})"
    read = str(number) if not isinstance(number, float) or number != int(number) else str(int(number))
    return {"value": _short(text, 20), "read": read, "advice": ko, "advice_en": en}


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


# (at the end: it reads this module's constants and _plain_kind)
from casekit.core import plain_yaml  # noqa: E402
