"""The line reader of simple front matter (core/plain_yaml) against the event builder.

`plain_yaml.read` either gives exactly what `source._Builder` makes of a text (values, the
position of every key and value, the tags plain scalars resolved to, the leaves in order) or
None, and then the builder reads it. These tests hold it to that on every record of the sample,
on generated texts of the shape it reads, and on those texts broken line by line with YAML's
traps; and they check that it does read the shapes records are written in.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casekit.core import plain_yaml
from casekit.core.source import Parsed, _Builder, _Loader, split

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("CASEKIT_FUZZ_EXAMPLES", "60")) * 5
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def built(src: str, first_line: int = 2) -> Parsed:
    parsed = Parsed(front_line=first_line, body_line=first_line)
    _Builder(src, "x.md", parsed).run(_Loader)
    return parsed


def assert_same(src: str, first_line: int = 2) -> bool:
    """The reader's result is the builder's, or it reads nothing; whether it read `src`."""
    fast = plain_yaml.read(src, first_line)
    if fast is None:
        return False
    want = built(src, first_line)
    assert want.findings == [], src
    data, positions, resolved, leaves = fast
    assert repr(data) == repr(want.data), src  # (repr: True and 1, 1 and 1.0 told apart)
    assert list(positions.items()) == list(want.positions.items()), src
    assert resolved == want.resolved, src
    assert leaves == want.leaves(), src
    return True


def front_matter(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("---\n", 2)[1]


SAMPLE = sorted((ROOT / "cases").glob("*/*.md"))


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_record_is_read_as_the_builder_reads_it(path: Path) -> None:
    assert assert_same(front_matter(path)), "records are written in the simple shape: the fast path must take them"


def test_split_gives_the_same_parsed_record_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    for path in SAMPLE[:40]:
        text = path.read_text(encoding="utf-8")
        fast = split(text, "r.md")
        monkeypatch.setattr(plain_yaml, "read", lambda src, first_line: None)
        slow = split(text, "r.md")
        monkeypatch.undo()
        assert (fast.data, fast.positions, fast.resolved, fast.body, fast.body_line, fast.findings) == (
            slow.data, slow.positions, slow.resolved, slow.body, slow.body_line, slow.findings)
        assert fast.leaves() == slow.leaves()


def test_other_texts_of_the_tests_and_templates_agree_when_read() -> None:
    paths = sorted((ROOT / "tests" / "fixtures").rglob("*.md")) + sorted((ROOT / "casekit" / "defaults").rglob("*.md"))
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        parts = text.split("---\n", 2)
        if len(parts) == 3:
            assert_same(parts[1])


# YAML's traps: each either read as the builder reads it, or left to the builder
TRAPS = [
    "yes", "No", "ON", "off", "true", "False", "null", "~", "Null", "", " ", "1e3", "1.5", "0o17", "012", "0x1F",
    "-5", "+5", "1_000", "10:30", "99999999999999999999", "0", "7", "2025-01-31", "2025-1-5", "2025-01-31T10:00:00",
    ".inf", ".nan", "a: b", "a:b", "a #b", "a#b", "#c", "[a, b]", "[a,b]", "[ ]", "[]", "[a, [b]]", "[a,]",
    '["x, y", z]', "['x']", "[1, 2]", "[yes]", "[a] x", "{a: 1}", "{}", '"q"', '"q" ', '"a\\"b"', '"a\\nb"',
    "'s'", "'it''s'", "'s' x", '"x" # c', "&a x", "*a", "!!str 1", "!x y", "|", ">", "? x", "- x", "-x",
    "%x", "@x", "`x`", "x ", "x  y", "가온 복지관", "\"가온\"", "a, b", "a [b]", "a 'b'", 'a "b"', "<<",
    "\t", "x\ty", "\u3000", "\u00a0x", "\u2028", "x\u2029y", "\x85", "é", "\ufeff", "\ufeffx", "x\ufeff", "\x7f", "\x1b",
]
KEYS = ["case", "date", "name", "note", "items", "goal", "yes", "null", "on", "a_b", "x1", "_x", "키", "a-b", "<<", "1"]


def scalars() -> st.SearchStrategy[str]:
    """Mostly values of the shape the reader takes (so that it is held to the builder's
    results), a trap one time in four."""
    words = st.text(alphabet="가나다라 abcXYZ019-:#,.'\"[]{}!&*?|>@%\\", min_size=1, max_size=12)
    plain = st.text(alphabet="가나다 abz09-.()", min_size=1, max_size=10)
    usual = st.one_of(
        plain,
        plain.map(lambda w: f'"{w}"'),
        st.sampled_from(["1", "42", "true", "false", "null", "2025-01-31", "ab-cd", "가온 복지관 (2층)"]),
        st.lists(st.sampled_from(["a", "b-c", '"x, y"', "가온", "2025-01-01"]), max_size=4)
        .map(lambda items: "[" + ", ".join(items) + "]"),
    )
    odd = st.one_of(
        st.sampled_from(TRAPS),
        words,
        words.map(lambda w: '"' + w.replace('"', "").replace("\\", "") + '"'),
        words.map(lambda w: "'" + w.replace("'", "") + "'"),
        st.lists(st.sampled_from(["a", '"x, y"', "1", "yes", "'q'", "[a]", ""]), max_size=4)
        .map(lambda items: "[" + ", ".join(items) + "]"),
    )
    return st.integers(0, 3).flatmap(lambda n: odd if n == 0 else usual)


@st.composite
def block(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> list[str]:
    """Lines of a block mapping at `indent`: keys with scalars, nested mappings, lists of
    scalars and lists of mappings (the shapes records have), at varied indents."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(KEYS) if draw(st.integers(0, 19)) == 0 else st.sampled_from(KEYS[:6]))
        kind = draw(st.integers(0, 5)) if depth < 3 else 0
        pad = " " * indent
        if kind <= 2:
            lines.append(f"{pad}{key}:{draw(st.sampled_from([' ', '  ']))}{draw(scalars())}")
        elif kind == 3:
            lines.append(f"{pad}{key}:")
            lines += draw(block(indent + draw(st.sampled_from([2, 2, 1, 4])), depth + 1))
        else:
            lines.append(f"{pad}{key}:")
            step = draw(st.sampled_from([2, 2, 4, 0]))
            for _ in range(draw(st.integers(1, 3))):
                if kind == 4:
                    lines.append(f"{pad}{' ' * step}- {draw(scalars())}")
                else:
                    inner = draw(block(indent + step + 2, depth + 1))
                    lines.append(f"{pad}{' ' * step}- {inner[0].lstrip(' ')}")
                    lines += inner[1:]
        if draw(st.integers(0, 12)) == 0:
            lines.append(draw(st.sampled_from(["", "# note", "   # note", "  ", "#"])))
    return lines


@st.composite
def broken(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """`lines` with a few lines dropped, repeated, re-indented or cut."""
    lines = list(lines)
    for _ in range(draw(st.integers(0, 3))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.integers(0, 4))
        if how == 0:
            del lines[i]
        elif how == 1:
            lines.insert(i, lines[i])
        elif how == 2:
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip(" ")
        elif how == 3:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            lines[i] = lines[i] + draw(st.sampled_from([" ", " # c", ":", " x", "\t", '"']))
    return lines


@SETTINGS
@given(st.data())
def test_generated_front_matter_is_read_as_the_builder_reads_it(data: st.DataObject) -> None:
    lines = data.draw(block())
    lines = data.draw(broken(lines))
    first = data.draw(st.sampled_from([1, 2, 7]))
    assert_same("\n".join(lines) + "\n", first)


@SETTINGS
@given(st.data())
def test_sample_records_broken_line_by_line_are_read_as_the_builder_reads_them(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(SAMPLE))
    lines = front_matter(path).split("\n")
    lines = data.draw(broken(lines))
    assert_same("\n".join(lines))


def test_the_simple_shapes_are_read_and_the_rest_left_to_the_builder() -> None:
    read: dict[str, Any] = {
        'a: "x"\nb: 1\nc: true\nd: ~\ne: 2025-01-31\n': {"a": "x", "b": 1, "c": True, "d": None, "e": "2025-01-31"},
        "a:\n  - x\n  - y: 1\n    z: '2'\nb: [p, \"q, r\"]\nc: []\n": {"a": ["x", {"y": 1, "z": "2"}], "b": ["p", "q, r"], "c": []},
        "# note\na:\n\n  b: 가온 복지관\n": {"a": {"b": "가온 복지관"}},
    }
    for src, want in read.items():
        assert assert_same(src)
        result = plain_yaml.read(src, 2)
        assert result is not None and result[0] == want
    for src in ["a: 1e3\n", "a: x # c\n", "a:\n- x\n", "a:\nb: 1\n", "a: |\n  x\n", "a: x\n  y\n", "a: 1\na: 2\n",
                "yes: 1\n", "a: &x 1\n", "a: {b: 1}\n", 'a: "x\\ty"\n', "a: [1]\n", "- a\n", "a: 012\n", "a:\tb\n", ""]:
        assert plain_yaml.read(src, 2) is None, src


@pytest.mark.parametrize("depth", range(26, 40))
def test_nesting_past_the_limit_is_left_to_the_builder(depth: int) -> None:
    """Block mappings, item mappings and a flow list nested around MAX_DEPTH: the reader reads
    exactly the texts the builder takes without `yaml-too-deep`, and leaves it the others."""
    from casekit.core.source import MAX_DEPTH

    shapes = {
        "mappings": "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v: 1\n",
        "flow list": "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v: [a, b]\n",
        # k0: / - k1: / - k2: ...: a list and a mapping a level each
        "items": "".join("  " * (2 * i) + ("- " if i else "") + f"k{i}:\n" for i in range(depth // 2)) +
                 "  " * (2 * (depth // 2)) + "- v: 1\n",
    }
    for name, src in shapes.items():
        deep = [f for f in built(src).findings if f.code == "yaml-too-deep"]
        read = assert_same(src)
        assert read != bool(deep), (name, depth, MAX_DEPTH)
