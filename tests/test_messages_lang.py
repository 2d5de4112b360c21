"""Each kind of schema error said wholly in one language: a record's value the schema refuses (with
casekit's shipped schemas and with a casebook's own, which may use any keyword of JSON Schema) and a
schema file that is itself broken. The Korean message holds no English words but the casebook's own
(field names, codes, values, the schema's text) and a few names (YAML, JSON, YYYY-MM-DD); the English
one no Hangul but what the worker wrote. (jsonschema's English, `[{'id': 'G1', …}] is too long`, was
the Korean message's detail, and the json module's, `Expecting ',' delimiter`, a broken schema's; the
schema's Korean titles, labels and descriptions were in the English.)"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from casekit.core.casebook import check
from casekit.core.findings import Finding
from casekit.core.schema_words import FORMAT_WORDS
from casekit.core.schemas import DEFAULTS
from tests.builders import FULL_PATH, make_casebook

SCHEMA_CODES = {"required", "wrong-type", "not-in-list", "bad-date", "bad-pattern", "odd-character", "several-ids",
                "wrong-value", "unknown-field", "empty-value", "out-of-range", "schema-violation", "placeholder",
                "schema-invalid", "schema-replaced", "schema-unavailable"}
# names a Korean message may write in Latin letters: formats, the tool, JSON Schema's own words
NAMES = {"YAML", "JSON", "YYYY", "MM", "DD", "ID", "U", "casekit", "true", "false"} | {  # (and the formats': IPv4, URI)
    word for name, _, example in FORMAT_WORDS.values() for word in re.findall("[A-Za-z]+", name + " " + example)}
HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]+")
LATIN = re.compile(r"(?<![\\A-Za-z])[A-Za-z]+")  # (a backslash's escape, \n, is no word)

Patch = Callable[[dict[str, Any]], None]


def _at(*keys: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """The property schema at `keys` of a stage schema (`"[]"`: a list's items)."""
    def get(schema: dict[str, Any]) -> dict[str, Any]:
        for key in keys:
            schema = schema["items"] if key == "[]" else schema["properties"][key]
        return schema
    return get


def _add(*keys: str, **words: Any) -> Patch:
    return lambda schema: _at(*keys)(schema).update(words)


GOAL = {"id": "G1", "need": "N1", "goal": "생계 안정", "target_date": "2026-06-30"}
SERVICE = {"goal": "G1", "resource": "food-bank", "service": "식품 지원", "start": "2026-04-01"}
ACTIVITY = {"date": "2026-04-10", "type": "linking", "goal": "G1", "summary": "푸드뱅크 연계", "minutes": 40}

# (name, stage, fields of the record, the stage schema's change, the code expected)
RECORDS: list[tuple[str, str, dict[str, Any], Patch | None, str]] = [
    ("text-given-a-number", "plan", {"services": [{**SERVICE, "service": 123}]}, None, "wrong-type"),
    ("list-given-a-text", "plan", {"goals": "생계 안정"}, None, "wrong-type"),
    ("list-given-a-comma-list", "intake", {"presenting_problems": "실직, 월세 체납"}, None, "wrong-type"),
    ("boolean-given-a-word", "plan", {"agreement": {"client_agreed": "네", "date": "2026-04-01"}}, None, "wrong-type"),
    ("mapping-given-a-text", "plan", {"agreement": "동의함"}, None, "wrong-type"),
    ("whole-number-given-hours", "intervention", {"activities": [{**ACTIVITY, "minutes": "1시간 30분"}]}, None,
     "wrong-type"),
    ("id-given-a-number", "plan", {"services": [{**SERVICE, "goal": 1}]}, None, "wrong-type"),
    ("missing-key", "plan", {"type": None}, None, "required"),
    ("missing-nested-key", "plan", {"goals": [{k: v for k, v in GOAL.items() if k != "target_date"}]}, None,
     "required"),
    ("missing-key-an-if-asks", "intake", {"consents": [{"date": "2026-03-01", "scope": "case_management",
                                                        "action": "given", "by": "legal_guardian"}]}, None, "required"),
    ("code-not-in-list", "plan", {"type": "first"}, None, "not-in-list"),
    ("label-for-a-code", "plan", {"type": "최초"}, None, "not-in-list"),
    ("fixed-value", "plan", {"type": "revised"}, lambda s: s["properties"].update(
        type={"const": "initial", "title": "계획 유형"}), "wrong-value"),
    ("name-for-an-id", "plan", {"worker": "김사회"}, None, "bad-pattern"),
    ("id-of-another-form", "plan", {"goals": [{**GOAL, "id": "X1"}]}, None, "bad-pattern"),
    ("id-in-lowercase", "plan", {"goals": [{**GOAL, "id": "g1"}], "services": [{**SERVICE, "goal": "g1"}]}, None,
     "bad-pattern"),
    ("id-with-a-comma", "plan", {"worker": "kim,sw"}, None, "bad-pattern"),
    ("two-workers", "plan", {"worker": "kim.sw lee.sw"}, None, "bad-pattern"),
    ("several-ids", "plan", {"services": [{**SERVICE, "goal": "G1, G2"}]}, None, "several-ids"),
    ("pattern-of-a-casebook-without-description", "plan", {"worker": "kim"}, lambda s: s["properties"].update(
        worker={"type": "string", "pattern": "^[a-z]+\\.[a-z]+$"}), "bad-pattern"),
    ("no-such-day", "plan", {"date": "2026-02-30"}, None, "bad-date"),
    ("date-with-dots", "plan", {"date": "2026.04.01"}, None, "bad-date"),
    ("date-in-words", "plan", {"review_date": "한 달 후"}, None, "bad-date"),
    ("empty-text", "plan", {"services": [{**SERVICE, "service": ""}]}, None, "empty-value"),
    ("empty-code", "plan", {"type": ""}, None, "empty-value"),
    ("empty-list", "plan", {"services": []}, None, "empty-value"),
    ("unknown-key", "plan", {"foo": 1}, None, "unknown-field"),
    ("unknown-nested-key", "plan", {"goals": [{**GOAL, "zzz": 1}]}, None, "unknown-field"),
    ("key-typed-in-korean-mode", "plan", {"worker": None, "재갇ㄱ": "kim.sw"}, None, "unknown-field"),
    ("key-by-its-title", "plan", {"type": None, "계획 유형": "initial"}, None, "unknown-field"),
    ("full-width-space", "plan", {"worker": "kim.sw\u3000"}, None, "odd-character"),
    ("number-too-large", "intervention", {"activities": [{**ACTIVITY, "minutes": 5000}]}, None, "out-of-range"),
    ("template-left", "plan", {"type": "<initial | revised>"}, None, "placeholder"),
    ("template-dots", "plan", {"services": [{**SERVICE, "service": "..."}]}, None, "placeholder"),
    # a casebook's own schema: any keyword of JSON Schema 2020-12
    ("too-many-items", "plan", {"goals": [GOAL, {**GOAL, "id": "G2"}]}, _add("goals", maxItems=1), "schema-violation"),
    ("too-few-items", "plan", {}, _add("goals", minItems=2), "schema-violation"),
    ("too-long", "plan", {}, _add("services", "[]", "service", maxLength=3), "schema-violation"),
    ("too-short", "plan", {}, _add("services", "[]", "service", minLength=20), "schema-violation"),
    ("items-twice", "intake", {"presenting_problems": ["월세 체납", "월세 체납"]},
     _add("presenting_problems", uniqueItems=True), "schema-violation"),
    ("too-many-keys", "plan", {}, _add("agreement", maxProperties=1), "schema-violation"),
    ("too-few-keys", "plan", {}, _add("agreement", minProperties=4), "schema-violation"),
    ("too-many-keys-at-the-top", "plan", {}, lambda s: s.update(maxProperties=3), "schema-violation"),
    ("not-a-multiple", "intervention", {"activities": [{**ACTIVITY, "minutes": 45}]},
     _add("activities", "[]", "minutes", multipleOf=10), "schema-violation"),
    ("below-an-exclusive-minimum", "intervention", {"activities": [{**ACTIVITY, "minutes": 40}]},
     _add("activities", "[]", "minutes", exclusiveMinimum=40), "out-of-range"),
    ("above-an-exclusive-maximum", "intervention", {"activities": [ACTIVITY]}, _add("activities", "[]", "minutes", exclusiveMaximum=30),
     "out-of-range"),
    ("not", "plan", {}, _add("type", **{"not": {"const": "initial"}}), "schema-violation"),
    ("any-of", "plan", {}, _add("type", anyOf=[{"const": "revised"}, {"const": "other"}]), "schema-violation"),
    ("one-of-none", "plan", {}, _add("type", oneOf=[{"const": "revised"}, {"const": "other"}]), "schema-violation"),
    ("one-of-two", "plan", {}, _add("type", oneOf=[{"type": "string"}, {"minLength": 1}]), "schema-violation"),
    ("a-key-asks-for-another", "plan", {}, lambda s: s.update(dependentRequired={"type": ["revision_reason"]}),
     "schema-violation"),
    ("key-name-too-long", "plan", {}, lambda s: s.update(propertyNames={"maxLength": 7}), "schema-violation"),
    ("no-email", "plan", {}, _add("worker", format="email"), "schema-violation"),
    ("no-ip-address", "plan", {}, _add("worker", format="ipv4"), "schema-violation"),
    ("list-without-the-item", "plan", {}, _add("goals", contains={"properties": {"id": {"const": "G9"}}}),
     "schema-violation"),
    ("list-with-too-few-of-the-item", "plan", {}, _add("goals", contains={"required": ["id"]}, minContains=2),
     "schema-violation"),
    ("list-with-too-many-of-the-item", "plan", {"goals": [GOAL, {**GOAL, "id": "G2"}]},
     _add("goals", contains={"required": ["id"]}, maxContains=1), "schema-violation"),
    ("items-past-the-prefix", "intake", {"presenting_problems": ["실직", "체납"]},
     _add("presenting_problems", prefixItems=[{"type": "string"}], items=False), "schema-violation"),
    ("unevaluated-key", "plan", {"foo": 1}, lambda s: (s.pop("additionalProperties"), s.update(
        unevaluatedProperties=False)), "schema-violation"),
    ("key-the-schema-refuses", "plan", {"review_date": "2026-05-01"}, lambda s: s["properties"].update(
        review_date=False), "schema-violation"),
    ("one-of-two-types", "plan", {"type": ["a"]}, _add("type", type=["string", "integer"]), "wrong-type"),
]


def _casebook(tmp_path: Path, stage: str, fields: dict[str, Any], patch: Patch | None) -> tuple[Path, Path]:
    """c1 with intake, assessment, plan and intervention, the record of `stage` holding `fields`;
    the casebook's own schemas (casekit's, changed by `patch`) when there is a patch."""
    path = [(s, day, fields if s == stage else {}) for s, day, _ in FULL_PATH[:4]]
    root = make_casebook(tmp_path / "book", {"c1": path})
    if patch is not None:
        shutil.copytree(DEFAULTS / "schemas", root / "schemas")
        file = root / "schemas" / f"{stage}.schema.json"
        schema = json.loads(file.read_text(encoding="utf-8"))
        patch(schema)
        file.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    record = next((root / "cases/c1").glob(f"*-{stage}.md"))
    return root, record


def _words(value: Any) -> set[str]:
    """Every key and every scalar (as text) in `value`."""
    if isinstance(value, dict):
        return set().union(*(({str(k)} | _words(v)) for k, v in value.items())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_words, value)) if value else set()
    return {str(value)}


def _casebook_words(root: Path) -> set[str]:
    """The Latin words of the schemas that apply (field names, codes, titles, descriptions, labels)."""
    folder = root / "schemas" if (root / "schemas").is_dir() else DEFAULTS / "schemas"
    text = " ".join(p.read_text(encoding="utf-8") for p in folder.glob("*.json"))
    return set(LATIN.findall(text))


def _said_in_one_language(findings: list[Finding], written: set[str], casebook: set[str]) -> None:
    """No English word in a Korean message but the casebook's own and NAMES; no Hangul in an English
    one but within what the worker wrote (`written`)."""
    allowed = casebook | NAMES | set(LATIN.findall(" ".join(written)))
    for f in findings:
        foreign = [w for w in LATIN.findall(f.message_ko) if w not in allowed]
        assert not foreign, f"[{f.code}] Korean message with English words {foreign}: {f.message_ko}"
        korean = [w for w in HANGUL.findall(f.message_en) if not any(w in value for value in written)]
        assert not korean, f"[{f.code}] English message with Hangul {korean}: {f.message_en}"


@pytest.mark.parametrize(("name", "stage", "fields", "patch", "code"), RECORDS, ids=[r[0] for r in RECORDS])
def test_a_schema_error_in_a_record_is_said_wholly_in_korean_and_wholly_in_english(
        tmp_path: Path, name: str, stage: str, fields: dict[str, Any], patch: Patch | None, code: str) -> None:
    root, record = _casebook(tmp_path, stage, fields, patch)
    rel = record.relative_to(root).as_posix()
    findings = [f for f in check(root, [record], cache=False).findings if f.path == rel and f.code in SCHEMA_CODES]
    assert code in {f.code for f in findings}, [(f.code, f.message_ko) for f in findings]
    text = record.read_text(encoding="utf-8")
    written = _words(yaml.safe_load(text.split("---")[1])) | {text.split("---")[1]}
    _said_in_one_language(findings, written, _casebook_words(root))


# (name, the schema file changed, its new text made of the shipped one's, the code expected)
SCHEMA_FILES: list[tuple[str, str, Callable[[str], str], str]] = [
    ("comma-missing", "plan", lambda t: t.replace('"title": "계획 기록",', '"title": "계획 기록"', 1), "schema-invalid"),
    ("comma-after-the-last", "plan", lambda t: t.replace('"minItems": 1,', '"minItems": 1,,', 1), "schema-invalid"),
    ("single-quotes", "plan", lambda t: t.replace('"title": "계획 기록"', "'title': '계획 기록'", 1), "schema-invalid"),
    ("text-after-the-end", "plan", lambda t: t + "\n}", "schema-invalid"),
    ("string-not-closed", "plan", lambda t: t.replace('"계획 기록",', '"계획 기록,', 1), "schema-invalid"),
    ("backslash", "plan", lambda t: t.replace('"계획 기록"', '"계획\\q기록"', 1), "schema-invalid"),
    ("no-object", "plan", lambda t: "[1, 2]", "schema-invalid"),
    ("too-deep", "plan", lambda t: '{"a":' * 70 + "1" + "}" * 70, "schema-invalid"),
    ("type-misspelt", "plan", lambda t: t.replace('"type": "string"', '"type": "strin"', 1), "schema-invalid"),
    ("length-as-text", "plan", lambda t: t.replace('"minLength": 1', '"minLength": "1"', 1), "schema-invalid"),
    ("length-below-zero", "plan", lambda t: t.replace('"minLength": 1', '"minLength": -1', 1), "schema-invalid"),
    ("required-as-text", "plan", lambda t: re.sub(r'"required": \[[^\]]*\]\s*,\s*"additionalProperties": false\s*}\s*$',
                                                  '"required": "case", "additionalProperties": false}', t),
     "schema-invalid"),
    ("required-twice", "plan", lambda t: t.replace('"required": [\n    "case",', '"required": [\n    "case", "case",', 1),
     "schema-invalid"),
    ("regex-broken", "plan", lambda t: t.replace('"minLength": 1', '"minLength": 1, "pattern": "[a-"', 1),
     "schema-invalid"),
    ("schema-as-a-list", "plan", lambda t: t.replace('"additionalProperties": false', '"additionalProperties": []', 1),
     "schema-invalid"),
    ("ref-to-no-file", "plan", lambda t: t.replace("common.schema.json#/$defs/date", "nofile.schema.json#/$defs/date", 1),
     "schema-invalid"),
    ("ref-to-no-definition", "plan", lambda t: t.replace("#/$defs/date", "#/$defs/nodate", 1), "schema-invalid"),
    ("ref-to-another-host", "plan", lambda t: t.replace("common.schema.json#/$defs/date", "https://example.org/d.json", 1),
     "schema-invalid"),
    ("ref-in-a-loop", "plan", lambda t: t.replace('"common.schema.json#/$defs/date"', '"#/$defs/a"', 1).replace(
        '"properties": {', '"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "properties": {', 1),
     "schema-invalid"),
    ("schema-missing", "plan", lambda t: "", "schema-unavailable"),
]


@pytest.mark.parametrize(("name", "stage", "change", "code"), SCHEMA_FILES, ids=[s[0] for s in SCHEMA_FILES])
def test_a_broken_schema_file_is_said_wholly_in_korean_and_wholly_in_english(
        tmp_path: Path, name: str, stage: str, change: Callable[[str], str], code: str) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:3]})
    shutil.copytree(DEFAULTS / "schemas", root / "schemas")
    file = root / "schemas" / f"{stage}.schema.json"
    text = change(file.read_text(encoding="utf-8"))
    assert text != file.read_text(encoding="utf-8"), name
    if text:
        file.write_text(text, encoding="utf-8")
    else:  # (the casebook's schemas/ without the stage's: checked without one)
        file.unlink()
    findings = [f for f in check(root, cache=False).findings if f.code in SCHEMA_CODES]
    assert code in {f.code for f in findings}, [(f.code, f.message_ko) for f in findings]
    _said_in_one_language(findings, {text}, _casebook_words(root) | {"array", "boolean", "integer", "null", "number",
                                                                     "object", "string"})


# -- what the system or the audit gives as a reason: said in each language too -------------------
# (the Korean said "권한이 없습니다 (permission denied)" and "파일을 읽을 수 없습니다: 일반 파일이
# 아닙니다(파이프나 장치). 지우고 기록 파일을 두세요 (not a regular file: a FIFO or a device)"; the English
# the same, Korean first, and the audit's reasons were English in the Korean message)
ENGLISH_ASIDE = re.compile(r"\([^()\uac00-\ud7a3]*[A-Za-z]{3,}[^()\uac00-\ud7a3]*\)")


def _reasons_said_once(findings: list[Finding]) -> None:
    assert findings
    for f in findings:
        assert not ENGLISH_ASIDE.search(f.message_ko), f"[{f.code}] {f.message_ko}"
        assert not HANGUL.search(f.message_en), f"[{f.code}] {f.message_en}"


def test_files_that_cannot_be_read_are_said_in_each_language(tmp_path: Path) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:3]})
    case = root / "cases" / "c1"
    os.mkfifo(case / "04-intervention.md")  # a record's name on a FIFO
    (case / "05-monitoring.md").mkdir()  # ... on a folder
    (case / "06-assessment.md").symlink_to(case / "nowhere.md")  # ... on a link to nothing
    (root / "resources").mkdir(exist_ok=True)
    os.mkfifo(root / "resources" / "legal-aid.md")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "guide.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "docs" / "notes.md~").write_text("# 메모\n", encoding="utf-8")
    findings = [f for f in check(root, cache=False).findings
                if f.code in {"file-unreadable", "docs-not-published", "folder-unreadable"}]
    assert {f.path for f in findings} >= {"cases/c1/04-intervention.md", "cases/c1/05-monitoring.md",
                                          "cases/c1/06-assessment.md", "resources/legal-aid.md",
                                          "docs/guide.pdf", "docs/notes.md~"}, [(f.path, f.code) for f in findings]
    _reasons_said_once(findings)


@pytest.mark.parametrize(("rel", "data"), [
    ("notes.txt", b"hello"),  # a text file not made from the casebook
    ("tool.exe", b"MZ"),  # not an asset
    ("page.html", "<p>é</p>".encode("utf-16")),  # a page not in UTF-8
    ("search/search_index.json", b"{not json"),
    ("sitemap.xml.gz", b"not gzip"),
], ids=["text", "binary", "utf16-page", "broken-json", "broken-gzip"])
def test_the_audits_reasons_are_said_in_each_language(rel: str, data: bytes) -> None:
    from casekit.core.sensitive import SensitiveIndex
    from casekit.site.audit import Expected, Scanner, audit_data

    findings = [f for f in audit_data(rel, data, Scanner(SensitiveIndex([])), Expected())
                if f.code == "site-unexpected-file"]
    _reasons_said_once(findings)


def test_an_os_error_is_said_in_each_language() -> None:
    from casekit.core.findings import finding, os_reasons

    for number in (errno.EACCES, errno.ELOOP, errno.EIO, errno.ETIMEDOUT):
        said = finding("file-unreadable", "cases/c1/01-intake.md", **os_reasons(OSError(number, os.strerror(number))))
        _reasons_said_once([said])
