"""casekit.core.source: bytes → text → front matter, on broken and hostile input.

Every case must end in findings (located in the file) or in data, never in an exception,
and pathological input must cost little time and memory.
"""

from __future__ import annotations

import os
import threading
import time
import tracemalloc
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from casekit.core import source
from casekit.core.schemas import SchemaSet
from casekit.core.source import MAX_DEPTH, MAX_FILE_BYTES, decode, parse_yaml, plain_is_text, read_file, split

REC = "cases/c1/01-intake.md"


def parse(text: str) -> source.Parsed:
    return split(text, REC)


def codes(parsed: source.Parsed) -> list[tuple[str, int | None, int | None]]:
    return [(f.code, f.line, f.column) for f in parsed.findings]


def fm(body: str) -> str:
    """A record whose front matter is `body` (file line 2 is the first line of `body`)."""
    return "---\n" + body + "---\n# 본문\n"


def bomb(levels: int = 9, fan: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * fan) + "]")
    return "\n".join(lines) + "\n"


# --- bytes to text -------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b" ", b"\n\n", b" \t\r\n \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_and_blank_files(raw: bytes) -> None:
    text, findings = decode(raw, REC)
    assert text is None
    assert [(f.code, f.line, f.column) for f in findings] == [("file-empty", 1, 1)]


def test_bom_and_crlf_are_valid_and_lines_still_count() -> None:
    raw = b"\xef\xbb\xbf---\r\ncase: c1\r\nstage: intake\r\n---\r\nbody\r\n"
    text, findings = decode(raw, REC)
    assert findings == []
    assert text == "---\ncase: c1\nstage: intake\n---\nbody\n"
    parsed = parse(text)
    assert parsed.data == {"case": "c1", "stage": "intake"}
    assert parsed.where(("stage",)) == (3, 8)
    assert parsed.body_line == 5


def test_old_mac_line_ends_are_read_with_a_warning() -> None:
    raw = b"---\rcase: c1\rstage: intake\r---\rbody\r"
    text, findings = decode(raw, REC)
    assert [(f.code, f.severity, f.line, f.column) for f in findings] == [("line-endings-cr", "warning", 1, 4)]
    assert text is not None
    assert parse(text).where(("stage",)) == (3, 8)


def test_nfd_hangul_warns_then_reads_as_nfc() -> None:
    nfc = "---\nalias: 홍길동\n---\n"
    text, findings = decode(unicodedata.normalize("NFD", nfc).encode(), REC)
    assert [(f.code, f.severity, f.line, f.column) for f in findings] == [("unicode-nfd", "warning", 2, 8)]
    assert text == nfc
    assert parse(text).data == {"alias": "홍길동"}


@pytest.mark.parametrize("encoding", ["cp949", "euc-kr"])
def test_cp949_says_so_and_how_to_convert(encoding: str) -> None:
    raw = "---\ncase: c1\nname: 홍길동\n---\n".encode(encoding)
    text, findings = decode(raw, REC)
    assert text is None
    (f,) = findings
    assert (f.code, f.line, f.column) == ("encoding-cp949", 3, 7)
    for message in (f.message_ko, f.message_en):
        assert "CP949" in message and "iconv -f CP949 -t UTF-8" in message


@pytest.mark.parametrize(
    "raw",
    [
        "\ufeff---\ncase: c1\n---\n".encode("utf-16-le"),
        "\ufeff---\ncase: c1\n---\n".encode("utf-16-be"),
        "---\ncase: c1\nname: 홍길동\n---\n".encode("utf-16-le"),
        "---\ncase: c1\nname: 홍길동\n---\n".encode("utf-16-be"),
    ],
    ids=["le-bom", "be-bom", "le", "be"],
)
def test_utf16_is_named(raw: bytes) -> None:
    text, findings = decode(raw, REC)
    assert text is None
    assert [(f.code, f.line, f.column) for f in findings] == [("encoding-utf16", 1, 1)]
    assert "iconv -f UTF-16 -t UTF-8" in findings[0].message_en


@pytest.mark.parametrize(
    ("raw", "where"),
    [
        (b"---\ncase: c1\x00\n---\n", (2, 9)),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (3, 1)),
        (bytes(range(256)) * 4, (1, 1)),
        (b"\x00" * 64, (1, 1)),
    ],
)
def test_nul_bytes_mean_binary(raw: bytes, where: tuple[int, int]) -> None:
    text, findings = decode(raw, REC)
    assert text is None
    assert [(f.code, f.line, f.column) for f in findings] == [("file-binary", *where)]


def test_invalid_utf8_is_located() -> None:
    text, findings = decode(b"---\ncase: c\xff1\n---\n", REC)
    assert text is None
    assert [(f.code, f.line, f.column) for f in findings] == [("encoding-invalid", 2, 8)]


# --- reading files -------------------------------------------------------------------------------


def test_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "01-intake.md"
    with open(big, "wb") as fh:  # 64 MiB, sparse: only the size is large
        fh.truncate(64 << 20)
    tracemalloc.start()
    start = time.perf_counter()
    text, findings = read_file(str(big), REC)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert text is None
    assert [f.code for f in findings] == ["file-too-large"]
    assert elapsed < 0.5
    assert peak < 1 << 20


def test_just_over_the_limit_is_too_large_and_at_the_limit_is_read(tmp_path: Path) -> None:
    at = tmp_path / "at.md"
    at.write_bytes(b"---\na: 1\n---\n" + b"x" * (MAX_FILE_BYTES - 13))
    assert at.stat().st_size == MAX_FILE_BYTES
    text, findings = read_file(str(at), REC)
    assert text is not None and findings == []
    over = tmp_path / "over.md"
    over.write_bytes(at.read_bytes() + b"x")
    text, findings = read_file(str(over), REC)
    assert text is None and [f.code for f in findings] == ["file-too-large"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_not_read_and_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "01-intake.md"
    os.mkfifo(fifo)
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(read_file(str(fifo), REC)), daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # unblock the reader before failing, or the test run hangs
        with open(fifo, "wb"):
            pass
        pytest.fail("read_file blocked on a named pipe")
    text, findings = result[0]  # type: ignore[misc]
    assert text is None and [f.code for f in findings] == ["file-unreadable"]


def test_a_folder_or_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    for path in (tmp_path, tmp_path / "missing.md"):
        text, findings = read_file(str(path), REC)
        assert text is None and [f.code for f in findings] == ["file-unreadable"]
        assert findings[0].line is None


# --- front matter --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# no front matter\n", [("front-matter-missing", 1, 1)]),
        ("---\ncase: c1\n# body\n", [("front-matter-unclosed", 3, 1)]),
        ("---\n---\n", [("front-matter-not-mapping", 1, 1)]),
        ("---\n# only a comment\n---\n", [("front-matter-not-mapping", 1, 1)]),
        ("---\n- a\n- b\n---\n", [("front-matter-not-mapping", 2, 1)]),
        ("---\n\n  just text\n---\n", [("front-matter-not-mapping", 3, 3)]),
        ("---\ncase: c1\n--- two\n---\n", [("yaml-syntax", 3, 1)]),
    ],
)
def test_front_matter_shapes(text: str, expected: list[tuple[str, int, int]]) -> None:
    parsed = parse(text)
    assert codes(parsed) == expected
    assert parsed.data is None


def test_valid_front_matter_keeps_positions_of_keys_and_values() -> None:
    parsed = parse(fm('case: c1\nclient:\n  alias: "홍○○"\n  tags: [a, "b"]\nnote: |\n  line\n'))
    assert parsed.findings == []
    assert parsed.data == {"case": "c1", "client": {"alias": "홍○○", "tags": ["a", "b"]}, "note": "line\n"}
    assert parsed.positions[("client", "alias")] == source.Pos(4, 3, 4, 10)
    assert parsed.where(("client", "tags", 1)) == (5, 13)
    assert parsed.where(("client", "missing"), key=True) == (3, 1)


def test_yaml_line_breaks_editors_do_not_show_do_not_shift_positions() -> None:
    # YAML breaks lines at U+2028, U+2029 and U+0085; editors and `casekit` count only \n
    parsed = parse(fm('a: "x\u2028y\u2029z\x85w"\nb: 1\nc: [1, *nope]\n'))
    assert codes(parsed) == [("yaml-alias", 4, 8)]


def test_syntax_errors_carry_the_parsers_position() -> None:
    parsed = parse(fm("case: c1\nlist: [1, 2\nnext: 3\n"))
    # libyaml reads "2 next" on and trips over the ':' on line 4; the mistake is the '[' never closed
    assert codes(parsed) == [("yaml-syntax", 3, 7)]
    parsed = parse(fm("case: c1\nlist: [1, 2\n"))
    assert codes(parsed) == [("yaml-syntax", 3, 7)]
    assert "expected ',' or ']'" in parsed.findings[0].message_en
    assert "'['가 ']'로 닫히지 않았습니다" in parsed.findings[0].message_ko


@pytest.mark.parametrize(
    ("body", "where"),
    [("a:\n\tb: 1\n", (3, 1)), ("a: 1\n\tb: 2\n", (3, 1)), ("a:\n  - 1\n \t- 2\n", (4, 2))],
)
def test_tab_indentation_is_named(body: str, where: tuple[int, int]) -> None:
    assert codes(parse(fm(body))) == [("yaml-tab", *where)]


def test_a_tab_inside_a_block_scalar_is_content() -> None:
    parsed = parse(fm("note: |\n  one\n  \ttwo\n"))
    assert parsed.findings == [] and parsed.data == {"note": "one\n\ttwo\n"}


def test_duplicate_keys_top_level_and_nested() -> None:
    parsed = parse(fm("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n"))
    assert codes(parsed) == [("yaml-duplicate-key", 5, 3), ("yaml-duplicate-key", 6, 1)]
    assert "first at line 4" in parsed.findings[0].message_en
    assert parsed.data is None


def test_anchors_and_aliases_are_refused_where_written() -> None:
    parsed = parse(fm("a: &x 1\nb: *x\nc: [*x, *x]\n"))
    assert codes(parsed) == [("yaml-alias", 2, 4), ("yaml-alias", 3, 4), ("yaml-alias", 4, 5), ("yaml-alias", 4, 9)]
    assert parsed.data is None


def test_alias_bomb_is_refused_fast_with_bounded_memory() -> None:
    text = fm(bomb(levels=30, fan=30))  # a billion laughs many times over, if it were ever expanded
    tracemalloc.start()
    start = time.perf_counter()
    parsed = parse(text)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 2
    assert peak < 8 << 20
    assert {f.code for f in parsed.findings} == {"yaml-alias"}
    assert len(parsed.findings) == source.MAX_SAME_FINDINGS
    assert parsed.data is None


def test_a_file_full_of_problems_stops_early() -> None:
    text = fm("".join(f"k: {i}\n" for i in range(200_000)))  # 200,000 duplicate keys, ~1.2 MB
    start = time.process_time()
    parsed = parse(text)
    assert time.process_time() - start < 2
    assert len(parsed.findings) <= source.MAX_YAML_FINDINGS


DEEP = 100_000


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ("note: " + "[" * DEEP + "]" * DEEP + "\n", (2, 7 + MAX_DEPTH - 1)),
        ("note: " + "[" * DEEP + "\n", (2, 7 + MAX_DEPTH - 1)),
        ("note: " + "{a: " * DEEP + "\n", (2, 7 + 4 * (MAX_DEPTH - 1))),
        ("note:\n  " + "- " * DEEP + "x\n", (3, 3 + 2 * (MAX_DEPTH - 1))),
        ("note:\n  " + "? " * DEEP + "x\n", (3, 3 + 2 * (MAX_DEPTH - 1))),
        ("note:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(60)), (2 + MAX_DEPTH, MAX_DEPTH + 1)),
    ],
    ids=["flow-seq", "flow-unclosed", "flow-map", "block-seq", "complex-keys", "block-map"],
)
def test_deep_nesting_is_refused_in_bounded_time(body: str, where: tuple[int, int]) -> None:
    start = time.process_time()
    parsed = parse(fm(body))  # no RecursionError, no C stack overflow
    assert time.process_time() - start < 2
    assert codes(parsed)[-1] == ("yaml-too-deep", *where)
    assert {f.code for f in parsed.findings[:-1]} <= {"yaml-bad-key"}  # `? ? ?`: mappings as keys, on the way down
    assert parsed.data is None


class _LibyamlWithLimit(yaml.SafeLoader):
    """Behaves as libyaml >= 0.2.5 (PyYAML 6.0.4's wheels): it gives up on flow nesting past a
    limit of its own while it scans ahead, before any event of the deep part reaches us."""

    def fetch_more_tokens(self) -> None:
        if self.flow_level > 40:
            raise yaml.scanner.ScannerError("while increasing flow level", self.get_mark(),
                                            "exceeded maximum nesting depth", self.get_mark())
        super().fetch_more_tokens()


@pytest.mark.parametrize("loader", [yaml.SafeLoader, _LibyamlWithLimit, source._Loader],
                         ids=["no-limit", "libyaml-limit", "installed"])
@pytest.mark.parametrize(("body", "where"), [
    ("note: " + "[" * DEEP + "]" * DEEP + "\n", (2, 7 + MAX_DEPTH - 1)),
    ("note: " + "{a: " * DEEP + "\n", (2, 7 + 4 * (MAX_DEPTH - 1))),
], ids=["flow-seq", "flow-map"])
def test_deep_flow_is_too_deep_under_every_pyyaml(monkeypatch: pytest.MonkeyPatch, loader: type,
                                                  body: str, where: tuple[int, int]) -> None:
    """Old libyaml (no limit), new libyaml (its own limit at 1000 levels) and the pure-Python
    parser all give `yaml-too-deep` at the level past MAX_DEPTH, never libyaml's `yaml-syntax`."""
    monkeypatch.setattr(source, "_Loader", loader)
    parsed = parse(fm("key: [ok]\n" + body))
    assert codes(parsed) == [("yaml-too-deep", where[0] + 1, where[1])]


def test_nesting_up_to_the_limit_is_fine() -> None:
    body = "note: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n"
    parsed = parse(fm(body))
    assert parsed.findings == []


@pytest.mark.parametrize(
    ("body", "kind"),
    [("1: one\n", "number"), ("true: yes\n", "true/false"), ("~: x\n", "null"), ("2026-01-05: x\n", "date"),
     ("[a, b]: x\n", "list/mapping"), ("{a: 1}: x\n", "list/mapping"), ("? - a\n: x\n", "list/mapping")],
)
def test_keys_must_be_text(body: str, kind: str) -> None:
    parsed = parse(fm(body))
    assert [f.code for f in parsed.findings] == ["yaml-bad-key"]
    assert (parsed.findings[0].line, parsed.findings[0].column) == (2, 1 if not body.startswith("?") else 3)
    assert kind in parsed.findings[0].message_en
    assert parsed.data is None


def test_quoted_keys_are_text() -> None:
    assert parse(fm('"1": one\n\'true\': x\n')).data == {"1": "one", "true": "x"}


def test_merge_key_is_refused() -> None:
    parsed = parse(fm("a:\n  <<: {b: 1}\n  c: 2\n"))
    assert codes(parsed) == [("yaml-merge", 3, 3)]
    assert parse(fm('a:\n  "<<": x\n')).data == {"a": {"<<": "x"}}  # quoted, it is just a (bad) key name


@pytest.mark.parametrize(
    ("value", "col"),
    [("!!python/object/apply:os.system [ls]", 4), ("!!python/name:os.system ''", 4), ("!!binary aGk=", 4),
     ("!!set {a, b}", 4), ("!!omap [a: 1]", 4), ("!local x", 4), ("[1, !!python/tuple [2]]", 8)],
)
def test_foreign_tags_are_refused(value: str, col: int) -> None:
    parsed = parse(fm(f"a: {value}\n"))
    assert codes(parsed) == [("yaml-tag", 2, col)]
    assert parsed.data is None


def test_standard_tags_are_read_and_bad_ones_reported() -> None:
    assert parse(fm("a: !!str 010\nb: !!int '7'\nc: ! 12\n")).data == {"a": "010", "b": 7, "c": "12"}
    parsed = parse(fm("a: !!bool maybe\nb: !!int x\nc: !!float y\n"))
    assert [(f.code, f.line) for f in parsed.findings] == [("yaml-syntax", 2), ("yaml-syntax", 3), ("yaml-syntax", 4)]


def test_numbers_too_large_to_handle_are_refused() -> None:
    parsed = parse(fm("a: " + "9" * 5000 + "\nb: 0x" + "f" * 100 + "\nc: 12345\n"))
    assert codes(parsed) == [("yaml-number-too-large", 2, 4), ("yaml-number-too-large", 3, 4)]


def test_control_characters_are_located() -> None:
    parsed = parse(fm('a: 1\nb: "x\x07y"\n'))
    assert codes(parsed) == [("yaml-control-char", 3, 6)]
    assert "U+0007" in parsed.findings[0].message_en


def test_yaml_11_and_12_resolution() -> None:
    parsed = parse(fm("a: no\nb: 10\nc: 1e3\ne: =\nf: 2026-02-30\ng: 2026-1-5\nh: '010'\nj: -7\n"))
    assert parsed.findings == []
    assert parsed.data == {"a": False, "b": 10, "c": 1000.0, "e": "=", "f": "2026-02-30", "g": "2026-1-5",
                           "h": "010", "j": -7}
    assert parsed.resolved == {("a",): "bool", ("b",): "int", ("c",): "float", ("j",): "int"}


@pytest.mark.parametrize(("written", "read", "advice"), [
    ("14:30", "870", "분으로"), ("1:30", "90", '"1:30"'), ("010", "8", "10(으)로"[:2]), ("0o17", "15", "10진법 15"),
    ("0x1F", "31", "10진법 31"), ("0b11", "3", "10진법 3"), ("1_000", "1000", "밑줄(_) 없이 1000"),
    ("1:30.5", "90.5", "분으로"), ("-030", "-24", "-30"),
])
def test_numbers_yaml_11_reads_unlike_a_person_are_refused_where_they_stand(written: str, read: str,
                                                                             advice: str) -> None:
    """14:30 is 870 to YAML 1.1 (base 60), 010 is 8 (octal), 1_000 is 1000: never taken silently. The
    value is left empty and marked, the rest of the front matter is still read."""
    parsed = parse(fm(f"a: 1\nminutes: {written}\nb: x\n"))
    assert codes(parsed) == [("yaml-number-form", 3, 10)]
    assert f"숫자 {read}" in parsed.findings[0].message_ko and advice in parsed.findings[0].message_ko
    assert parsed.data == {"a": 1, "minutes": None, "b": "x"}
    assert parsed.resolved[("minutes",)] == "refused"


@pytest.mark.parametrize("value", ["no", "yes", "on", "off", "True"])
def test_yes_no_where_text_is_expected_says_to_quote(value: str) -> None:
    schemas = SchemaSet.load(None)
    parsed = parse(fm(f"case: c1\nstage: intake\ndate: 2026-03-02\nworker: kim.sw\npresenting_problems:\n  - {value}\n"))
    found = [f for f in schemas.validate("intake", parsed, REC) if f.code == "wrong-type"]
    assert [(f.line, f.column) for f in found] == [(7, 5)]
    assert "따옴표" in found[0].message_ko and "quote" in found[0].message_en


@pytest.mark.parametrize("value", ["010", "1e3", "1_000", "0x1F", "3.5", "1010"])
def test_numbers_where_text_is_expected_say_to_quote(value: str) -> None:
    """One finding at the value, saying to quote it: `wrong-type`, or `yaml-number-form` for the
    forms YAML 1.1 reads unlike a person (010, 1_000, 0x1F), the schema then silent about it."""
    schemas = SchemaSet.load(None)
    parsed = parse(fm(f"case: c1\nstage: intake\ndate: 2026-03-02\nworker: {value}\n"))
    found = [f for f in parsed.findings + schemas.validate("intake", parsed, REC)
             if f.code in ("wrong-type", "yaml-number-form")]
    assert [(f.line, f.column) for f in found] == [(5, 9)]
    assert "따옴표" in found[0].message_ko and "quote" in found[0].message_en


@pytest.mark.parametrize("value", ["2026-02-30", "2026-1-5", "2026-13-01", "'2026-02-30'"])
def test_impossible_or_short_dates_are_bad_dates(value: str) -> None:
    schemas = SchemaSet.load(None)
    parsed = parse(fm(f"case: c1\nstage: intake\ndate: {value}\nworker: kim.sw\n"))
    found = [f for f in schemas.validate("intake", parsed, REC) if f.code == "bad-date"]
    assert [(f.line, f.column) for f in found] == [(4, 7)]


def test_plain_is_text() -> None:
    for text in ("kim.sw", "2026-0001", "c9", "G1", "1-2"):
        assert plain_is_text(text), text
    for text in ("no", "Yes", "null", "~", "010", "1e3", "0o17", "2026-01-05", "1:30", ".inf", ""):
        assert not plain_is_text(text), text


def test_parse_yaml_for_settings_files() -> None:
    parsed = parse_yaml("lang: en\npii:\n  allow: [a]\n", "casekit.yml")
    assert parsed.data == {"lang": "en", "pii": {"allow": ["a"]}}
    assert parsed.where(("pii", "allow")) == (3, 10)
    bad = parse_yaml(bomb(), "casekit.yml")
    assert bad.data is None and bad.findings[0].code == "yaml-alias"


def test_settings_file_gets_the_same_guards(tmp_path: Path) -> None:
    from casekit.core.casebook import check

    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    (tmp_path / "casekit.yml").write_text("pii: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    report = check(tmp_path)
    assert [f.code for f in report.findings] == ["config-invalid"]


def _random_record(rng: Any, keys: list[Any], shortest: int) -> tuple[dict[Any, Any], list[tuple[Any, ...]]]:
    """Random front matter (mappings, lists and values, 4 levels at most) and 0-3 random paths into
    it, each of `shortest` to 3 keys."""

    def value(depth: int) -> object:
        roll = rng.random()
        if depth > 3 or roll < 0.4:
            return rng.choice(["글", "010-1234-5678", 7, None, True, "2026-01-02"])
        if roll < 0.7:
            return {rng.choice(keys): value(depth + 1) for _ in range(rng.randint(0, 3))}
        return [value(depth + 1) for _ in range(rng.randint(0, 3))]

    data = {rng.choice(keys): value(1) for _ in range(rng.randint(1, 4))}
    return data, [tuple(rng.choice(keys) for _ in range(rng.randint(shortest, 3))) for _ in range(rng.randint(0, 3))]


def test_one_walk_of_the_leaves_gives_what_each_walk_gave() -> None:
    """Parsed.leaves (one walk) filtered by `outside` gives what a walk that does not enter the
    sensitive paths gives (the walk casekit used before, here), on random records and random paths."""
    import random

    from casekit.core.source import Parsed, outside

    def public_strings(data: Any, patterns: list[list[str]]) -> list[tuple[tuple[Any, ...], str]]:
        out: list[tuple[tuple[Any, ...], str]] = []

        def walk(v: Any, path: tuple[Any, ...], pats: list[tuple[Any, ...]]) -> None:
            if isinstance(v, str):
                out.append((path, v))
            elif isinstance(v, dict):
                for k, x in v.items():
                    sub = [p[1:] for p in pats if p[0] == k] if pats else pats
                    if not any(len(p) == 0 for p in sub):
                        walk(x, (*path, k), sub)
            elif isinstance(v, list):
                sub = [p[1:] for p in pats if p[0] == "*"] if pats else pats
                if not any(len(p) == 0 for p in sub):
                    for i, x in enumerate(v):
                        walk(x, (*path, i), sub)

        if not any(len(p) == 0 for p in patterns):
            walk(data, (), [tuple(p) for p in patterns])
        return out

    rng = random.Random(11)
    keys = ["name", "household", "client", "note", "*", "phone"]
    for _ in range(3000):
        data, patterns = _random_record(rng, keys, 1)
        leaves = Parsed(data=data).leaves()
        mine = [(path, v) for path, v in outside(leaves, patterns) if isinstance(v, str)]
        assert mine == public_strings(data, [list(p) for p in patterns]), (data, patterns)
    assert outside(leaves, [()]) == []


def test_redact_plans_give_what_the_walk_gave() -> None:
    """schemas.redact (each stage's patterns worked out once) gives what the walk it replaced
    gave, on random records and random paths (\"*\" keys and list items, a whole value, nothing)."""
    import random

    from casekit.core.schemas import redact

    def before(data: Any, patterns: list[tuple[Any, ...]]) -> Any:
        if any(len(p) == 0 for p in patterns):
            return None
        if isinstance(data, dict):
            out = {}
            for k, v in data.items():
                sub = [p[1:] for p in patterns if p and p[0] == k]
                if any(len(p) == 0 for p in sub):
                    continue
                out[k] = before(v, sub) if sub else v
            return out
        if isinstance(data, list):
            sub = [p[1:] for p in patterns if p and p[0] == "*"]
            return [before(v, sub) if sub else v for v in data]
        return data

    rng = random.Random(12)
    keys = ["name", "household", "client", "note", "*", "phone", 3]
    for _ in range(3000):
        data, patterns = _random_record(rng, keys, 0)
        got = redact(data, [list(p) for p in patterns])
        assert got == before(data, patterns), (data, patterns)
        assert got is not data  # a copy: the page model may change it


def test_published_fields_are_packed_with_their_positions() -> None:
    """summary.public_fields packs each published text with (line, column) as Parsed.where gives
    them and its length, on every record of the sample and every stage's paths."""
    from array import array

    from casekit.core.schemas import SchemaSet
    from casekit.core.source import outside
    from casekit.core.summary import public_fields, unpack_fields

    def pack_fields(items: list[tuple[str, int, int]]) -> tuple[str, array[int]]:
        return "".join(t for t, _, _ in items), array("I", [v for t, line, col in items for v in (line, col, len(t))])

    root = Path(__file__).resolve().parent.parent
    schemas = SchemaSet.load(root / "schemas")
    for path in sorted((root / "cases").glob("*/*.md")):
        parsed = split(path.read_text(encoding="utf-8"), "r.md")
        for patterns in (schemas.sensitive_paths.get(path.stem.split("-", 1)[1], []), []):
            want = pack_fields([(v, *parsed.where(p)) for p, v in outside(parsed.leaves(), [tuple(x) for x in patterns])
                                if isinstance(v, str)])
            got = public_fields(parsed, patterns)
            assert got == want and unpack_fields(got) == unpack_fields(want), path


def test_an_arabic_letter_mark_before_digits_is_a_direction_control() -> None:
    """U+061C is drawn as nothing, and digits after it are laid out right to left in groups:
    "\u061c1001-0000-010" shows as 010-0000-1001 (an attack probe's: a client's phone number shown
    whole while every check read it backwards). U+200E/U+200F stay allowed (phones paste them
    around numbers; they do not reorder digits)."""
    from casekit.core.source import decode

    text = "a: 1\n휴대폰 \u061c1001-0000-010 로 연락함.\n전화 \u200e010-0000-1001\u200f\n"
    assert [(f.code, f.line, f.column) for f in decode(text.encode(), "x.md")[1]] == [("bidi-control", 2, 5)]


def test_every_line_with_a_direction_control_is_found_in_one_check() -> None:
    """Only the first was reported: removing it revealed the next, one check at a time."""
    from casekit.core.source import MAX_BIDI_FINDINGS, decode

    text = "a: 1\n본문 \u2067숨김\u2069\n\n끝 \u202e뒤집힘\u202c 그리고 \u202e또\n"
    found = [(f.code, f.line, f.column) for f in decode(text.encode(), "x.md")[1]]
    assert found == [("bidi-control", 2, 4), ("bidi-control", 4, 3)]
    many = "".join(f"줄 {i}\u202e\n" for i in range(100))
    assert len(decode(many.encode(), "x.md")[1]) == MAX_BIDI_FINDINGS
