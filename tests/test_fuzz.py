"""Fuzzing `check` with broken versions of the sample records (hypothesis).

Each example takes one record of a copy of the sample casebook and breaks it: its bytes (flip,
insert, delete), its lines (drop, duplicate, swap), its keys (rename, delete) or its values
(YAML traps, huge strings, odd Unicode). Whatever comes out, `check`:

- never raises;
- reports only paths inside the casebook, lines within the file (or None), columns >= 1,
  a known severity and a known code;
- never writes (every file's mtime and hash are the same before and after).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit.core.casebook import check
from casekit.core.messages import MESSAGES
from tests.conftest import copy_casebook

EXAMPLES = int(os.environ.get("CASEKIT_FUZZ_EXAMPLES", "60"))  # raise it for a long hunt; 60 keeps CI fast
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

KEY_LINE = re.compile(rb"^( *(?:- )?)([A-Za-z_][A-Za-z0-9_]*)(:)", re.MULTILINE)
VALUE_LINE = re.compile(rb"^( *(?:- )?[A-Za-z_][A-Za-z0-9_]*: )(.+)$", re.MULTILINE)
BREAKS = re.compile(rb"\r\n|\r|\n")

TRAPS = [
    "yes", "no", "on", "off", "~", "null", "", "010", "0o17", "0x1F", "1e3", "1_000", "1:30", ".inf", ".nan", "-.5",
    "2026-02-30", "2026-1-5", "2026-13-01", "2026-01-05T10:00:00Z", "=", "<<", "*a", "&a x", "&a [*a]", "!!python/object:os.system x",
    "!!binary aGk=", "!!bool maybe", "!x y", "[", "]", "{", "}", "[[[[[", "{a: [b, {c: d}]}", "|", ">-", "'", '"', "'a''b'",
    '"\\x00"', '"\\u2028"', "- a", "? x", ": y", "#", "a # b", "%YAML 1.1", "---", "...", "@x", "`x`", "<플레이스홀더>",
    "9" * 5000, "0b" + "1" * 300, "x" * 100_000, "G1", "N9", "kim.sw", "\t", "a\tb",
]


@st.composite
def unicode_text(draw: Any) -> str:
    return draw(st.text(st.characters(codec="utf-8"), max_size=40) | st.text(max_size=40))


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_casebook(tmp_path_factory.mktemp("fuzz") / "casebook")


def records(book: Path) -> list[Path]:
    return sorted(p for p in (book / "cases").glob("*/*.md")) + sorted((book / "resources").glob("*.md"))


def snapshot(book: Path) -> dict[str, tuple[int, str]]:
    out = {}
    for dirpath, _dirs, files in os.walk(book):
        for name in files:
            p = Path(dirpath, name)
            out[str(p)] = (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
    return out


def line_count(raw: bytes) -> int:
    return len(BREAKS.split(raw))


def check_invariants(book: Path, target: Path) -> None:
    """Run `check` as the CLI would, on the whole casebook or on the broken record's case."""
    before = snapshot(book)
    scope = None if target.parent.name == "resources" else [target.parent]
    report = check(book, scope)
    after = snapshot(book)
    assert after == before, "check wrote to the casebook"
    root = Path(os.path.realpath(book))
    for f in report.findings:
        assert f.code in MESSAGES, f
        assert f.severity in ("error", "warning"), f
        assert not os.path.isabs(f.path) and ".." not in f.path.split("/"), f
        disk = root / f.path
        assert os.path.realpath(disk).startswith(str(root) + os.sep), f
        if f.line is None:
            assert f.column is None, f
            continue
        assert f.column is not None and f.column >= 1, f
        assert f.line >= 1, f
        if disk.is_file():
            assert f.line <= line_count(disk.read_bytes()), (f, line_count(disk.read_bytes()))
        for message in (f.message_ko, f.message_en):
            assert isinstance(message, str) and message


def mutate_and_check(book: Path, data: Any, mutate: Any) -> None:
    files = records(book)
    target = data.draw(st.sampled_from(files), label="file")
    original = target.read_bytes()
    try:
        broken = mutate(original)
        target.write_bytes(broken)
        os.utime(target, ns=(1_000_000_000, 1_000_000_000))
        check_invariants(book, target)
    finally:
        target.write_bytes(original)


@SETTINGS
@given(data=st.data())
def test_byte_mutations(book: Path, data: Any) -> None:
    def mutate(raw: bytes) -> bytes:
        out = bytearray(raw)
        for _ in range(data.draw(st.integers(1, 4), label="edits")):
            op = data.draw(st.sampled_from(["flip", "insert", "delete"]), label="op")
            pos = data.draw(st.integers(0, len(out)), label="pos")
            if op == "flip" and out:
                pos = min(pos, len(out) - 1)
                out[pos] ^= 1 << data.draw(st.integers(0, 7), label="bit")
            elif op == "insert":
                out[pos:pos] = data.draw(
                    st.binary(min_size=1, max_size=8)
                    | st.sampled_from([b"\x00", b"\r", b"\t", b"\xef\xbb\xbf", b"\xff\xfe", b"---\n", b"\n---\n", b": ", b"&a ", b"*a"]),
                    label="bytes",
                )
            else:
                del out[pos : pos + data.draw(st.integers(1, 16), label="len")]
        return bytes(out)

    mutate_and_check(book, data, mutate)


@SETTINGS
@given(data=st.data())
def test_line_mutations(book: Path, data: Any) -> None:
    def mutate(raw: bytes) -> bytes:
        lines = raw.split(b"\n")
        for _ in range(data.draw(st.integers(1, 3), label="edits")):
            if not lines:
                break
            i = data.draw(st.integers(0, len(lines) - 1), label="i")
            j = data.draw(st.integers(0, len(lines) - 1), label="j")
            op = data.draw(st.sampled_from(["drop", "duplicate", "swap", "indent", "dedent"]), label="op")
            if op == "drop":
                del lines[i]
            elif op == "duplicate":
                lines.insert(j, lines[i])
            elif op == "swap":
                lines[i], lines[j] = lines[j], lines[i]
            elif op == "indent":
                lines[i] = b"  " + lines[i]
            else:
                lines[i] = lines[i].lstrip(b" ")
        return b"\n".join(lines)

    mutate_and_check(book, data, mutate)


@SETTINGS
@given(data=st.data())
def test_key_mutations(book: Path, data: Any) -> None:
    def mutate(raw: bytes) -> bytes:
        keys = list(KEY_LINE.finditer(raw))
        if not keys:
            return raw
        m = data.draw(st.sampled_from(keys), label="key")
        if data.draw(st.booleans(), label="delete"):
            end = raw.find(b"\n", m.start())
            return raw[: m.start()] + (raw[end + 1 :] if end >= 0 else b"")
        new = data.draw(
            st.sampled_from(["case", "stage", "date", "<<", "1", "true", "~", "? a", "a b", "키", "x" * 300, ""])
            | unicode_text(),
            label="new key",
        )
        return raw[: m.start(2)] + new.encode("utf-8", "surrogatepass") + raw[m.end(2) :]

    mutate_and_check(book, data, mutate)


@SETTINGS
@given(data=st.data())
def test_value_mutations(book: Path, data: Any) -> None:
    def mutate(raw: bytes) -> bytes:
        values = list(VALUE_LINE.finditer(raw))
        if not values:
            return raw
        for _ in range(data.draw(st.integers(1, 3), label="edits")):
            values = list(VALUE_LINE.finditer(raw))
            if not values:
                break
            m = data.draw(st.sampled_from(values), label="value")
            new = data.draw(
                st.sampled_from(TRAPS)
                | unicode_text()
                | st.integers(-(2**80), 2**80).map(str)
                | st.floats(allow_nan=True).map(repr)
                | unicode_text().map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'),
                label="new value",
            )
            raw = raw[: m.start(2)] + new.encode("utf-8", "surrogatepass") + raw[m.end(2) :]
        return raw

    mutate_and_check(book, data, mutate)


@settings(max_examples=max(EXAMPLES // 2, 1), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_whole_file_replacements(book: Path, data: Any) -> None:
    """Random text, random YAML-ish front matter, random bytes in place of a whole record."""
    front = st.lists(st.tuples(st.sampled_from(["case", "stage", "date", "worker", "x"]), st.sampled_from(TRAPS)),
                     max_size=6)

    def mutate(_raw: bytes) -> bytes:
        kind = data.draw(st.sampled_from(["text", "yaml", "bytes"]), label="kind")
        if kind == "bytes":
            return data.draw(st.binary(max_size=300), label="bytes")
        if kind == "text":
            return data.draw(unicode_text(), label="text").encode("utf-8", "surrogatepass")
        pairs = data.draw(front, label="pairs")
        return ("---\n" + "".join(f"{k}: {v}\n" for k, v in pairs) + "---\n").encode("utf-8", "surrogatepass")

    mutate_and_check(book, data, mutate)


TOKENS = ["a", "b", "case", ":", ": ", " ", "  ", "\n", "\n  ", "\n- ", "- ", "[", "]", "{", "}", ",", "? ", "&x ", "*x",
          "!!str ", "!!python/object ", "!t ", "'", '"', "\\", "|", ">", "#", "---", "...", "%", "@", "\t", "\r", "\r\n",
          "yes", "010", "1e3", "~", "<<", "2026-02-30", "홍길동", "\u2028", "\x85", "\ufeff", "\x07", "é", "\U0001f600"]


# errors the parser finds in a front matter it reads all the same: a value YAML reads as another (`010`,
# the number 8; `1:30`, 90 minutes), a bidirectional control reordering what a line shows (a long hunt,
# CASEKIT_FUZZ_EXAMPLES=1500, found `a: 010`)
READ_WITH_VALUES = frozenset({"yaml-number-form", "bidi-control"})


@settings(max_examples=EXAMPLES * 5, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join) | st.text(max_size=200))
def test_front_matter_parser_on_token_soup(soup: str) -> None:
    """The parser alone, on YAML punctuation soup: never raises; every position is in the text."""
    from casekit.core.source import decode, split

    text, findings = decode(("---\n" + soup + "\n---\nbody\n").encode("utf-8", "surrogatepass"), "x.md")
    if text is None:
        return
    parsed = split(text, "x.md")
    lines = text.count("\n") + 1
    for f in findings + parsed.findings:
        assert f.code in MESSAGES
        assert f.line is None or 1 <= f.line <= lines, (f, lines)
        assert f.column is None or f.column >= 1
    for pos in parsed.positions.values():
        assert 1 <= pos.line <= lines and 1 <= pos.key_line <= lines and pos.column >= 1 and pos.key_column >= 1
    if parsed.data is not None:  # (read: no error but one about a value as read, kept with the values)
        assert not [f for f in parsed.findings if f.severity == "error" and f.code not in READ_WITH_VALUES]
