"""Leak test: no `x-sensitive` value, and no source file, reaches the built casebook site.

Every `x-sensitive` field of every record and resource of a copy of the sample gets a unique
canary (created where the record leaves it out); the copy is a real git repository; a real
`mkdocs build` runs; then every output file (HTML, search index, sitemap.xml and the
decompressed sitemap.xml.gz, 404.html, assets, anything) is searched for the canaries and for
every sensitive value of the unmodified sample, in the forms a page, a JSON file or a URL may
give them (HTML entities, \\uXXXX escapes, %-encoding, other case, other whitespace).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import html
import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
import yaml

from casekit.core.schemas import STAGES, SchemaSet, sensitive_values
from casekit.core.source import split
from tests.conftest import copy_casebook

pytestmark = pytest.mark.slow

RUN = uuid.uuid4().hex[:10]  # per run, so no page that merely talks about canaries can match
KOREAN_STEM = "카나리아" + "".join(chr(0xAC00 + int(RUN[i : i + 2], 16) * 40 + i) for i in range(0, 8, 2))
ASCII_STEM = f"CANARY-{RUN}-"


def require_plugin() -> None:
    """Skip only while the site plugin does not exist yet; once it does, the build must work."""
    if importlib.util.find_spec("casekit.mkdocs_plugin.plugin") is None:  # pragma: no cover
        pytest.skip("the casekit MkDocs plugin (casekit/mkdocs_plugin/plugin.py) does not exist yet")


# --- the casebook's records ------------------------------------------------------------------


def records(root: Path) -> Iterator[tuple[Path, str]]:
    """(file, kind) for every record and resource of the casebook."""
    for path in sorted((root / "cases").glob("*/*.md")):
        m = re.fullmatch(r"\d\d-([a-z]+)\.md", path.name)
        if m and m.group(1) in STAGES:
            yield path, m.group(1)
    for path in sorted((root / "resources").glob("*.md")):
        yield path, "resource"


def read_record(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter (plain YAML data) and the body, exactly as written."""
    text = path.read_text(encoding="utf-8")
    parsed = split(text, path.name)
    assert parsed.data is not None, path
    lines = text.split("\n")
    return parsed.data, "\n".join(lines[parsed.body_line - 1 :])


def write_record(path: Path, data: dict[str, Any], body: str) -> None:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def sample_sensitive_values(root: Path) -> set[str]:
    schemas = SchemaSet.load(root / "schemas")
    out: set[str] = set()
    for path, kind in records(root):
        data, _ = read_record(path)
        for _, value in sensitive_values(data, schemas.sensitive_paths[kind]):
            if len(value.strip()) >= 2:
                out.add(value.strip())
    return out


# --- planting canaries -------------------------------------------------------------------------


@dataclass
class Canaries:
    strings: list[str] = field(default_factory=list)  # whole values planted
    needles: set[str] = field(default_factory=set)  # what must never be found in the output
    planted: int = 0
    fields: set[tuple[str, tuple[Any, ...]]] = field(default_factory=set)  # (kind, path) that got at least one


def leaf_schema(schemas: SchemaSet, kind: str, path: tuple[Any, ...]) -> dict[str, Any]:
    schema, base = schemas.schemas[kind], kind
    for part in path:
        schema, base = schemas.resolve(schema, base)
        if part == "*":
            schema = schema.get("items") or {}
        else:
            schema = (schema.get("properties") or {}).get(part) or {}
    schema, _ = schemas.resolve(schema, base)
    return schema


def make_value(schema: dict[str, Any], n: int, canaries: Canaries) -> Any:
    kind = schema.get("type")
    if schema.get("format") == "date":
        day = dt.date(1901, 1, 1) + dt.timedelta(days=41 * n)  # 1900s: no other date on the site looks like it
        canaries.strings.append(day.isoformat())
        canaries.needles.update(date_forms(day))
        return day.isoformat()
    if kind == "array":
        return [make_value(schema.get("items") or {"type": "string"}, n, canaries)]
    if kind == "object":
        pytest.fail(f"extend the leak test: sensitive object field {schema.get('title')}")
    assert kind in (None, "string"), f"extend the leak test for sensitive fields of type {kind}"
    assert "pattern" not in schema and "enum" not in schema, "extend the leak test: constrained sensitive field"
    hexid = uuid.uuid4().hex
    korean = f"{KOREAN_STEM}{n:04d}"
    canaries.strings.append(f"{korean} {ASCII_STEM}{hexid}")
    canaries.needles.update({korean, f"{ASCII_STEM}{hexid}", hexid})
    return f"{korean} {ASCII_STEM}{hexid}"


def date_forms(day: dt.date) -> set[str]:
    y, m, d = day.year, day.month, day.day
    return {
        day.isoformat(),
        f"{y}{m:02d}{d:02d}",
        f"{y}.{m:02d}.{d:02d}",
        f"{y}/{m:02d}/{d:02d}",
        f"{y}. {m}. {d}",
        f"{y}년 {m}월 {d}일",
        f"{y}년 {m:02d}월 {d:02d}일",
    }


def set_path(data: Any, path: tuple[Any, ...], make: Any) -> int:
    """Set every value at `path` ('*': each list item) to make(); create missing mappings. How many set."""
    head, rest = path[0], path[1:]
    if head == "*":
        if not isinstance(data, list):
            return 0
        if not rest:
            for i in range(len(data)):
                data[i] = make()
            return len(data)
        return sum(set_path(item, rest, make) for item in data)
    if not isinstance(data, dict):
        return 0
    if not rest:
        data[head] = make()
        return 1
    if not isinstance(data.get(head), dict | list):
        if rest[0] == "*":
            return 0  # a list the record does not have (household_members, consents): nothing to plant
        data[head] = {}
    return set_path(data[head], rest, make)


def plant(root: Path) -> Canaries:
    """Replace or add every x-sensitive value of every record and resource with a unique canary."""
    schemas = SchemaSet.load(root / "schemas")
    canaries = Canaries()
    n = 0
    for path, kind in records(root):
        data, body = read_record(path)
        for sensitive in schemas.sensitive_paths[kind]:
            schema = leaf_schema(schemas, kind, sensitive)

            def make(schema: dict[str, Any] = schema) -> Any:
                nonlocal n
                n += 1
                return make_value(schema, n, canaries)

            count = set_path(data, sensitive, make)
            canaries.planted += count
            if count:
                canaries.fields.add((kind, sensitive))
        write_record(path, data, body)
    return canaries


# --- git and the build -------------------------------------------------------------------------


def git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "casekit test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "casekit test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(root.parent),
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit_all(root: Path, message: str) -> None:
    if not (root / ".git").is_dir():
        git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)


def build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """A real MkDocs build, as users run it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


def check_clean(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "casekit", "check"], cwd=root, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- reading the output as anyone who gets hold of it could ----------------------------------------


_WS = re.compile(r"\s+")
_UESC = re.compile(r"\\u([0-9a-fA-F]{4})")


def _norm(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).lower()


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _json_strings(v)


def readings(path: Path) -> list[str]:
    """The file's text in every form a value could hide in, normalised for searching."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8", errors="replace")
    forms = [text, html.unescape(text), unquote(text), _UESC.sub(lambda m: chr(int(m.group(1), 16)), text)]
    if path.suffix == ".json" or path.name.endswith(".json.gz"):
        with contextlib.suppress(ValueError):
            forms.append("\n".join(_json_strings(json.loads(text))))
    forms.append(html.unescape(unquote(forms[3])))
    return [_norm(f) for f in forms]


def output_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def hits(site: Path, needles: set[str]) -> list[str]:
    """'file: needle … context' for every needle found anywhere in the output."""
    wanted = {_norm(n): n for n in needles if n.strip()}
    if not wanted:
        return []
    pattern = re.compile("|".join(re.escape(k) for k in sorted(wanted, key=len, reverse=True)))
    found = set()
    for path in output_files(site):
        for reading in set(readings(path)):
            for m in pattern.finditer(reading):
                context = reading[max(0, m.start() - 80) : m.end() + 80]
                found.add(f"{path.relative_to(site)}: {wanted[m.group(0)]!r} … {context!r}")
    return sorted(found)


def digit_forms(values: set[str]) -> set[str]:
    """Numbers also as bare digits (a tel: link, a reformatted phone)."""
    out = set()
    for v in values:
        digits = re.sub(r"\D", "", v)
        if len(digits) >= 7 and re.fullmatch(r"[\d\s\-.()+]+", v):
            out.add(digits)
    return out


# --- fixtures ---------------------------------------------------------------------------------------


@dataclass
class Built:
    root: Path
    site: Path
    canaries: Canaries
    sample_values: set[str]
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    require_plugin()
    base = tmp_path_factory.mktemp("leak")
    root = copy_casebook(base / "casebook")
    sample_values = sample_sensitive_values(root)
    commit_all(root, "sample casebook")  # the sample's real values stay in the git history
    canaries = plant(root)
    check_clean(root)  # the planted casebook is valid, so the build must not refuse it
    commit_all(root, "canaries")
    site = base / "site"
    result = build(root, site)
    return Built(root, site, canaries, sample_values, result)


@pytest.fixture(scope="module")
def built_sample(tmp_path_factory: pytest.TempPathFactory) -> Built:
    require_plugin()
    base = tmp_path_factory.mktemp("sample")
    root = copy_casebook(base / "casebook")
    commit_all(root, "sample casebook")
    site = base / "site"
    return Built(root, site, Canaries(), sample_sensitive_values(root), build(root, site))


def _assert_built(b: Built) -> None:
    assert b.result.returncode == 0, b.result.stdout + b.result.stderr
    assert (b.site / "index.html").is_file()


# --- the tests ----------------------------------------------------------------------------------------


def test_every_sensitive_field_got_a_canary(built: Built) -> None:
    schemas = SchemaSet.load(built.root / "schemas")
    kinds = {kind for _, kind in records(built.root)}
    expected = {(kind, path) for kind in kinds for path in schemas.sensitive_paths[kind]}
    assert expected
    # every sensitive field of every kind got a canary somewhere (a field inside a list, such as
    # household_members[].name, only where a record has that list: the sample has each of them)
    assert built.canaries.fields == expected, expected - built.canaries.fields
    for path, kind in records(built.root):
        data, _ = read_record(path)
        values = [v for _, v in sensitive_values(data, schemas.sensitive_paths[kind])]
        assert all(v in built.canaries.strings for v in values), path


def test_the_site_was_built_and_publishes_the_records(built: Built) -> None:
    _assert_built(built)
    pages = [p for p in output_files(built.site) if p.suffix == ".html"]
    assert len(pages) >= 2
    everything = "\n".join(r for p in output_files(built.site) for r in readings(p))
    for case in sorted(p.name for p in (built.root / "cases").iterdir() if p.is_dir()):
        assert case in everything, f"case {case} is not on the site: the leak test would prove nothing"


def test_no_canary_anywhere_in_the_output(built: Built) -> None:
    _assert_built(built)
    stems = {KOREAN_STEM, ASCII_STEM}  # also a canary cut short
    found = hits(built.site, built.canaries.needles | stems)
    assert found == [], "sensitive values published:\n" + "\n".join(found)


def test_no_sample_value_from_the_git_history_in_the_output(built: Built) -> None:
    _assert_built(built)
    needles = built.sample_values | digit_forms(built.sample_values)
    found = hits(built.site, needles)
    assert found == [], "sensitive values published:\n" + "\n".join(found)


def test_no_sensitive_value_of_the_unmodified_sample_in_its_site(built_sample: Built) -> None:
    _assert_built(built_sample)
    values = built_sample.sample_values
    assert values, "the sample has sensitive values"
    found = hits(built_sample.site, values | digit_forms(values))
    assert found == [], "sensitive values published:\n" + "\n".join(found)


def test_no_given_name_of_the_unmodified_sample_in_its_site(built_sample: Built) -> None:
    """RECORD-FORMAT: no recognisable variant of a sensitive value, a given name among them, anywhere in
    the output. casekit's own stylesheet (a comment's example, 박…영수) and the sample's privacy page
    (박철수(부), 카나리아 holding 나리) published given names of the sample's clients and contacts."""
    from casekit.core.casebook import check
    from casekit.core.needles import sensitive_needles
    from casekit.core.sensitive import PERSON_FIELDS, name_part

    _assert_built(built_sample)
    givens = set()
    for value, _, field_ in sensitive_needles(check(built_sample.root, keep=True, cache=False)):
        name = name_part(field_, value) or value
        if PERSON_FIELDS.search(field_) and re.fullmatch(r"[가-힣]{3}", name):
            givens.add(name[1:])
    assert {"영수", "철수", "나리"} <= givens, givens
    found = hits(built_sample.site, givens)
    assert found == [], "given names published:\n" + "\n".join(found)


def test_sitemap_is_searched_too(built: Built) -> None:
    _assert_built(built)
    gz = built.site / "sitemap.xml.gz"
    if gz.is_file():
        assert "<urlset" in gzip.decompress(gz.read_bytes()).decode("utf-8")


def _sources(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.is_file():
            yield path


def test_no_source_file_reaches_the_output(built: Built) -> None:
    _assert_built(built)
    bad = []
    for path in output_files(built.site):
        rel = path.relative_to(built.site)
        name = path.name.lower()
        if ".git" in rel.parts or name in (".gitignore", ".gitattributes"):
            bad.append(f"{rel}: from .git")
        if name.endswith((".yml", ".yaml", ".schema.json")) or name == "mkdocs.yml":
            bad.append(f"{rel}: configuration or schema file")
        if name.endswith(".md"):
            bad.append(f"{rel}: Markdown source")
        head = path.read_bytes()[:200].lstrip(b"\xef\xbb\xbf")
        if head.startswith((b"---\n", b"---\r\n")):
            bad.append(f"{rel}: starts like a record with front matter")
        content = path.read_bytes()
        if b'"x-sensitive"' in content and b'"properties"' in content:
            bad.append(f"{rel}: contains a schema")
        if b"ref: refs/heads/" in content or b"[core]\n\trepositoryformatversion" in content:
            bad.append(f"{rel}: contains git metadata")
    assert bad == [], "\n".join(bad)


def test_no_source_content_reaches_the_output(built: Built) -> None:
    """No record, resource, schema, config or git file is published as a whole, under any name."""
    _assert_built(built)
    outputs = [p.read_bytes() for p in output_files(built.site)]
    leaked = []
    for src in _sources(built.root):
        rel = src.relative_to(built.root)
        if rel.parts[0] == ".git" and (rel.parts[1:2] == ("objects",) or src.stat().st_size > 100_000):
            continue  # compressed objects: their content is checked through the canaries
        content = src.read_bytes().strip()
        if len(content) < 40 or rel.parts[0] in ("docs", "overrides"):
            continue  # tiny files and the site's own pages say nothing
        if any(content in out for out in outputs):
            leaked.append(str(rel))
    assert leaked == [], "source files published:\n" + "\n".join(leaked)


_EXTERNAL_REF = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//"""
    r"""|<link\b(?![^>]*\brel\s*=\s*["']?(?:canonical|alternate|prev|next)\b)[^>]*\bhref\s*=\s*["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?\s*["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_no_outside_requests(built: Built) -> None:
    """Opening a page fetches nothing from elsewhere: no web fonts, CDN scripts or analytics."""
    _assert_built(built)
    bad = []
    for path in output_files(built.site):
        if path.suffix not in (".html", ".css", ".js", ".xml", ".json") and path.suffix != ".svg":
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in _EXTERNAL_REF.finditer(text):
            bad.append(f"{path.relative_to(built.site)}: {text[m.start() : m.start() + 160]!r}")
        if path.suffix == ".html" and re.search(r"googletagmanager|google-analytics|gtag\(", text):
            bad.append(f"{path.relative_to(built.site)}: analytics")
    assert bad == [], "\n".join(bad[:40])


def test_build_refuses_when_check_finds_a_planted_number(tmp_path: Path) -> None:
    require_plugin()
    root = copy_casebook(tmp_path / "casebook")
    record = root / "cases" / "2026-0001" / "05-monitoring.md"
    number = "690721-1234567"
    record.write_text(record.read_text(encoding="utf-8") + f"\n주민번호 {number}\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build(root, site)
    assert result.returncode != 0, "the build published a casebook with errors"
    if site.is_dir():
        assert hits(site, {number}) == []



def test_the_search_sees_through_encodings(tmp_path: Path) -> None:
    """The scanner itself: a canary hidden by JSON, HTML, URL or gzip encoding is still found."""
    canaries = Canaries()
    korean_and_ascii = make_value({"type": "string"}, 7, canaries)
    korean, ascii_ = korean_and_ascii.split(" ")
    birth = make_value({"format": "date"}, 7, canaries)
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(json.dumps({"docs": [{"text": korean}]}), encoding="utf-8")
    (site / "a.html").write_text("".join(f"&#{ord(ch)};" for ch in ascii_.lower()), encoding="utf-8")
    (site / "b.js").write_text("fetch('/q?name=" + quote(korean) + "')", encoding="utf-8")
    year, month, day = birth.split("-")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(f"<urlset>{year}년 {int(month)}월 {int(day)}일".encode()))
    found = {line.split(":", 1)[0] for line in hits(site, canaries.needles)}
    assert found == {"search/search_index.json", "a.html", "b.js", "sitemap.xml.gz"}
