"""Reading a casebook's schema files without trusting them: every problem is a located finding.

A schema is read like a record (a regular file inside `schemas/`, at most 1 MiB, UTF-8: a FIFO
or a link to `/dev/zero` is reported, never read), parsed as JSON (a syntax error points at its
line and column), and checked before anything validates with it:

- it is itself a valid JSON Schema (the 2020-12 meta-schema, with `pattern` and
  `patternProperties` compiled as regular expressions): a list where an object belongs, a bad
  regex, a wrong type, each at the JSON position of the offending value;
- it nests at most `MAX_DEPTH` levels;
- every `$ref` resolves to a sibling file or a `$defs`/pointer in one, and no chain of `$ref`s
  loops back on itself; nothing is fetched from the network.

A schema with findings is not used: the schema shipped with casekit of the same name stands in
(when there is one), and the finding says so.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

from casekit.core.findings import Finding, finding
from casekit.core.schema_words import json_problem, short, unmet
from casekit.core.source import read_file

MAX_DEPTH = 64
_META_URI = "https://json-schema.org/draft/2020-12/schema"


@functools.cache
def _meta() -> Any:
    """The meta-schema as jsonschema checks it (imported when first needed: a tenth of casekit's
    start-up time, and only a schema the compiled check refuses needs it)."""
    from jsonschema import Draft202012Validator, FormatChecker

    return Draft202012Validator(Draft202012Validator.META_SCHEMA, format_checker=FormatChecker(["regex"]))


@functools.cache
def _meta_rs() -> Any:
    from jsonschema_specifications import REGISTRY

    return jsonschema_rs.Draft202012Validator(REGISTRY[_META_URI].contents, validate_formats=False)


def read_schemas(folder: Path, prefix: str) -> tuple[dict[str, Any], dict[str, list[Finding]]]:
    """{name: schema} of every readable, well-formed `*.schema.json` in `folder`, and the findings
    of the others by name. `prefix` is the folder as findings name it (`schemas`)."""
    from casekit.core.names import inside  # names needs schemas' STAGES: imported when first used

    texts: dict[str, tuple[str, str]] = {}
    problems: dict[str, list[Finding]] = {}
    try:
        paths = sorted(folder.glob("*.schema.json"))
    except OSError:
        paths = []
    for path in paths:
        name = path.name[: -len(".schema.json")]
        rel = f"{prefix}/{path.name}"
        if not inside(folder, path):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            problems[name] = [finding("symlink-outside", rel, None, None, target=target)]
            continue
        text, fs = read_file(str(path), rel)
        if text is None:
            problems[name] = fs
        else:
            texts[name] = (rel, text)
    schemas: dict[str, Any] = {}
    for name, (rel, text) in texts.items():
        try:
            schema = json.loads(text)
        except json.JSONDecodeError as exc:
            detail, detail_en = json_problem(exc.msg)
            problems[name] = [finding("schema-invalid", rel, exc.lineno, exc.colno, detail=detail, detail_en=detail_en)]
            continue
        except (ValueError, RecursionError):
            problems[name] = [finding("schema-invalid", rel, 1, 1, detail=_TOO_DEEP[0], detail_en=_TOO_DEEP[1])]
            continue
        if not isinstance(schema, dict):
            problems[name] = [finding("schema-invalid", rel, 1, 1, detail="스키마는 중괄호 { }로 감싼 JSON 객체여야 합니다.",
                                      detail_en="a schema must be a JSON object {...}")]
            continue
        schemas[name] = schema
    # linted again while one turns out broken: a `$ref` into a schema found broken after it was linted
    # is judged against the shipped schema that stands in (`_ref_problem`), whatever the files' order
    changed = True
    while changed:
        changed = False
        for name in list(schemas):
            rel, text = texts[name]
            fs = _lint(name, schemas[name], schemas, rel, text, set(problems))
            if fs:
                problems[name] = fs
                del schemas[name]
                changed = True
    return schemas, problems


_TOO_DEEP = (f"{MAX_DEPTH}단계보다 깊이 중첩되어 있습니다. 구조를 얕게 하세요.", f"nested more than {MAX_DEPTH} levels")
_SHIPPED = Path(__file__).resolve().parent.parent / "defaults" / "schemas"


@functools.lru_cache(maxsize=16)
def _shipped(name: str) -> Any:
    """The shipped schema `name` (what stands in for the casebook's when it is broken), None without one."""
    try:
        return json.loads((_SHIPPED / f"{name}.schema.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _lint(name: str, schema: dict[str, Any], schemas: dict[str, Any], rel: str, text: str,
          broken: set[str]) -> list[Finding]:
    """Findings for one parsed schema; a `$ref` into a file already reported (`broken`) is not
    reported again: the shipped schema of that name stands in for it."""
    where = _Locator(text)
    depth_path = _too_deep(schema)
    if depth_path is not None:
        return [finding("schema-invalid", rel, *where(depth_path), detail=_TOO_DEEP[0],
                        detail_en=_TOO_DEEP[1])]
    out: list[Finding] = []
    try:
        errors = [] if _meta_ok(schema) else sorted(_meta().iter_errors(schema), key=lambda e: list(map(str, e.absolute_path)))[:10]
    except (RecursionError, re.error, ValueError) as exc:  # the meta-schema itself gave up
        return [finding("schema-invalid", rel, 1, 1, detail="스키마를 검사하다 멈췄습니다: 정규식이 너무 복잡하거나 구조가 "
                        "너무 깊습니다.", detail_en=f"checking the schema gave up: {exc}")]
    for error in errors:
        detail, detail_en = _meta_problem(error)
        said = finding("schema-invalid", rel, *where(tuple(error.absolute_path)), detail=detail, detail_en=detail_en)
        if not any((f.line, f.column, f.message_ko) == (said.line, said.column, said.message_ko) for f in out):
            out.append(said)  # (the forms of an `anyOf` the meta-schema gives a keyword, each said alike: once)
    if out:
        return out
    for path, ref in _refs(schema, ()):
        problem = _ref_problem(name, ref, schemas, broken)
        if problem:
            out.append(finding("schema-invalid", rel, *where((*path, "$ref")), detail=f"$ref '{ref[:80]}': {problem[0]}",
                               detail_en=f"$ref '{ref[:80]}': {problem[1]}"))
    return out


def _meta_problem(error: Any) -> tuple[str, str]:
    """What the meta-schema finds wrong at a place of a schema, in Korean and in English: where (the
    keys down to it), and what the keyword there asks (never jsonschema's English message)."""
    from jsonschema.exceptions import best_match

    if error.validator in ("anyOf", "oneOf") and error.context:
        # (`"type": "strin"`: of the forms the keyword takes, the list of its words says most)
        error = next((e for e in error.context if e.validator in ("enum", "const")), None) or best_match(error.context)
    ko, en = unmet(error.validator, error.validator_value, error.instance,
                   error.schema if isinstance(error.schema, dict) else {}, short, matched=not error.context)
    where = ".".join(str(part) for part in error.absolute_path)
    return (f"'{where}': {ko}", f"'{where}': {en}") if where else (ko, en)


def _meta_ok(schema: dict[str, Any]) -> bool:
    """The meta-schema's verdict, fast: jsonschema-rs (compiled) for the structure, Python's `re`
    for the one format checked (`regex`: every `pattern`, every key of `patternProperties`).
    False sends the schema to jsonschema, which says where and why."""
    try:
        # (jsonschema-rs's own copy of the 2020-12 meta-schema when the schema names it, as casekit's
        # do: no registry to import, a tenth of a warm check; any other `$schema` is never looked up
        # there, it would be fetched from the network: the registry's meta-schema checks it)
        meta = jsonschema_rs.meta if schema.get("$schema") == _META_URI else _meta_rs()
        if not meta.is_valid(schema):
            return False
    except (ValueError, OverflowError, jsonschema_rs.ReferencingError):
        return False
    stack: list[Any] = [schema]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            patterns = [value["pattern"]] if isinstance(value.get("pattern"), str) else []
            if isinstance(value.get("patternProperties"), dict):
                patterns += list(value["patternProperties"])
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except (re.error, RecursionError, OverflowError):
                    return False
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return True


def _too_deep(value: Any) -> tuple[Any, ...] | None:
    stack: list[tuple[Any, tuple[Any, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return path
        if isinstance(node, dict):
            stack.extend((v, (*path, k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, (*path, i)) for i, v in enumerate(node))
    return None


def _refs(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str):
            yield path, ref
        for k, v in value.items():
            yield from _refs(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _refs(v, (*path, i))


def _target(base: str, ref: str, schemas: dict[str, Any]) -> tuple[str, Any] | list[str]:
    """(schema name, the node a `$ref` names), or why it names nothing ([Korean, English])."""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", ref):
        return ["casekit은 다른 곳(인터넷)의 스키마를 가져오지 않습니다. schemas/ 폴더의 파일을 가리키세요.",
                "casekit never fetches a schema from another host"]
    file_part, _, pointer = ref.partition("#")
    name = file_part[: -len(".schema.json")] if file_part.endswith(".schema.json") else (file_part or base)
    if name not in schemas:
        return [f"그런 스키마 파일이 없습니다({file_part}).", f"no such schema file ({file_part})"]
    node: Any = schemas[name]
    for part in [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/") if p]:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return [f"'{part}'이(가) 없습니다.", f"'{part}' not found"]
    return name, node


def _ref_problem(base: str, ref: str, schemas: dict[str, Any], broken: set[str]) -> list[str] | None:
    """Why a `$ref` names nothing ([Korean, English]), following a chain of them; None when it names something."""
    seen: set[tuple[str, str]] = set()
    while True:
        file_part, _, pointer = ref.partition("#")
        if file_part.endswith(".schema.json") and (into := file_part[: -len(".schema.json")]) in broken:
            # the shipped schema stands in for the broken one: what it names must be there too, or
            # the field is checked against nothing (a `$defs` entry only the broken file held)
            shipped = _shipped(into)
            if shipped is None:
                return None
            found = _target(into, "#" + pointer, {into: shipped})
            return ([f"casekit 기본 {file_part}에서: {found[0]} (사례집의 {file_part}에 문제가 있어 기본 스키마가 대신합니다)",
                     f"{found[1]} in the shipped {file_part}, which stands in for the casebook's (broken)"]
                    if isinstance(found, list) else None)
        if (base, ref) in seen:
            return ["$ref를 따라가면 처음 자리로 되돌아옵니다(순환).", "the $ref chain loops back on itself"]
        seen.add((base, ref))
        found = _target(base, ref, schemas)
        if isinstance(found, list):
            return found
        base, node = found
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return None
        ref = node["$ref"]


class _Locator:
    """JSON path -> (line, column) of the value, by composing the JSON text as YAML nodes once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root: yaml.Node | None = None
        self.done = False

    def __call__(self, path: tuple[Any, ...]) -> tuple[int, int]:
        if not self.done:
            self.done = True
            try:
                self.root = yaml.compose(self.text, Loader=yaml.SafeLoader)
            except (yaml.YAMLError, RecursionError, ValueError):
                self.root = None
        node = self.root
        best = (1, 1)
        for part in path:
            if node is None:
                break
            best = (node.start_mark.line + 1, node.start_mark.column + 1)
            if isinstance(node, yaml.MappingNode):
                node = next((v if part != "$ref" else k for k, v in node.value if k.value == str(part)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
                node = node.value[part]
            else:
                node = None
        if node is not None:
            best = (node.start_mark.line + 1, node.start_mark.column + 1)
        return best
