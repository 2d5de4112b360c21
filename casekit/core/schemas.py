"""Stage schemas: loading, validation mapped back to file positions, sensitive paths, labels."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from casekit.core.findings import Finding, finding, os_reasons
from casekit.core.hints import (
    CURLY_QUOTES,
    DASHES,
    attach_particles,
    clean_code,
    close_to,
    date_hint,
    enum_hint,
    excel_date,
    later_date,
    may_hold_odd,
    month_day,
    odd_characters,
    percent_hint,
    short_year_hint,
    unseen_in_name,
)
from casekit.core.keyboard import typed_keys
from casekit.core.masking import SENSITIVE_KEYS, masked
from casekit.core.reader import IGNORABLE_RE
from casekit.core.reading import sub_closed
from casekit.core.schema_files import read_schemas
from casekit.core.schema_words import TYPE_WORDS, english, kind_of, pattern_words, shown_values, unmet
from casekit.core.source import BIDI_CONTROLS, LIST_MARKERS, REFUSED, Parsed, Path, column_in

if TYPE_CHECKING:  # jsonschema (pure Python) is imported only to explain an invalid record
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
    from referencing import Registry

# the process in order; a case conference (사례회의) may stand anywhere after the intake without changing it
PROCESS_STAGES = ("intake", "assessment", "plan", "intervention", "monitoring", "closure", "followup")
STAGES = (*PROCESS_STAGES, "conference")
STAGE_KO = {
    "intake": "접수",
    "assessment": "사정",
    "plan": "계획",
    "intervention": "실행",
    "monitoring": "점검",
    "closure": "종결",
    "followup": "사후관리",
    "conference": "사례회의",
}
KINDS = (*STAGES, "resource", "handover")  # handover: cases/<id>/handover.yml
DEFAULTS = FsPath(__file__).resolve().parent.parent / "defaults"
# a template's or a hint's stand-in left as the value: `<목표>`, `...`, `…`, `___`
PLACEHOLDER = re.compile(r"^\s*(?:<.*>|\.{2,}|…+|_{3,})\s*$", re.DOTALL)


def _takes(schema: dict[str, Any], value: str) -> bool:
    """Whether `value` is one the field takes: one of its codes, or what its pattern (an id's) asks."""
    enum = schema.get("enum")
    return value in enum if isinstance(enum, list) else isinstance(schema.get("pattern"), str) and _fits(value, schema)


def field_name(path: Path, lang: str = "ko") -> str:
    """`needs[1].domain`: dotted keys, list items counted from 1 as people count."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + part
    return out or ("(front matter)" if lang == "en" else "(머리말)")


_MISSING = ("파일이 없습니다", "there is no such file")  # (why a kind has no schema, when no finding says why)


@dataclass
class SchemaSet:
    """The schemas of one casebook (its `schemas/` folder, else the defaults shipped with casekit)."""

    folder: FsPath
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: dict[str, tuple[str, str]] = field(default_factory=dict)  # why a kind has no schema, (Korean, English)
    compiled: bool = True  # False: jsonschema alone (the equivalence tests compare both ways)

    findings: list[Finding] = field(default_factory=list)  # about the schema files themselves

    @classmethod
    def load(cls, folder: FsPath | None) -> SchemaSet:
        """The schemas of `folder`; a broken one is reported (`schema_files`) and the shipped
        schema of the same name stands in for it, so a bad schema never stops a check."""
        unreadable: Finding | None = None
        if folder is not None and folder.is_dir():
            try:
                os.listdir(folder)
            except OSError as exc:  # not one record's schema missing, 110 times: the folder, once
                unreadable = finding("folder-unreadable", "schemas", None, None, **os_reasons(exc))
        if folder is None or not folder.is_dir() or unreadable is not None:
            folder = DEFAULTS / "schemas"
        self = cls(folder)
        if unreadable is not None:
            self.findings += [unreadable, finding(
                "schema-replaced", "schemas", None, None, fallback="casekit 기본 스키마로 대신 검사합니다.",
                fallback_en="the shipped schemas are used instead")]
        custom = folder != DEFAULTS / "schemas"
        schemas, problems = read_schemas(folder, "schemas" if custom else "(기본) schemas")
        self.schemas.update(schemas)
        for name, found in problems.items():
            default = DEFAULTS / "schemas" / f"{name}.schema.json"
            if custom and default.is_file():
                self.schemas[name] = json.loads(default.read_text(encoding="utf-8"))
                fallback, fallback_en = "casekit 기본 스키마로 대신 검사합니다.", "the shipped schema is used instead"
            else:
                self.errors[name] = (found[0].message_ko, found[0].message_en)
                fallback, fallback_en = "이 스키마 없이 검사합니다.", "checked without this schema"
            self.findings += found
            self.findings.append(finding("schema-replaced", found[0].path, None, None, fallback=fallback,
                                         fallback_en=fallback_en))
        return self

    @cached_property
    def registry(self) -> Registry:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012 as _DRAFT

        resources = []
        for name, schema in self.schemas.items():
            res = Resource.from_contents(schema, default_specification=_DRAFT)
            resources.append((schema.get("$id", f"{name}.schema.json"), res))
        return Registry(retrieve=_no_retrieval).with_resources(resources)  # type: ignore[call-arg]

    @cached_property
    def _validators(self) -> dict[str, Draft202012Validator]:
        from jsonschema import Draft202012Validator, FormatChecker, validators

        # `pattern` as JSON Schema means it (ECMA-262: `$` ends the text), not as Python's re.search
        # reads it (`$` also before a last line break: "kim.sw\n" passed ^[a-z.]+$ and made a folder)
        ecma = validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})
        out = {}
        for kind in KINDS:
            if kind in self.schemas:
                # refs inlined once here: validating a record then never looks a reference up
                out[kind] = ecma(
                    self.inline(self.schemas[kind], kind), registry=self.registry, format_checker=FormatChecker()
                )
        return out

    def inline(self, schema: Any, base: str, depth: int = 0) -> Any:
        """A copy of `schema` with every `$ref` to a sibling file or `$defs` replaced by its target."""
        if depth > 32 or not isinstance(schema, dict):
            return schema
        if isinstance(schema.get("$ref"), str) and not schema["$ref"].startswith(("http:", "https:")):
            target, target_base = self.resolve(schema, base)
            if "$ref" in target and target is not schema:
                return schema  # a chain we do not follow: leave it to the registry
            schema, base = target, target_base
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in ("properties", "$defs", "patternProperties"):
                out[key] = {k: self.inline(v, base, depth + 1) for k, v in value.items()}
            elif key in ("items", "additionalProperties", "not", "if", "then", "else", "contains"):
                out[key] = self.inline(value, base, depth + 1)
            elif key in ("allOf", "anyOf", "oneOf", "prefixItems") and isinstance(value, list):
                out[key] = [self.inline(v, base, depth + 1) for v in value]
            else:
                out[key] = value
        return out

    def validator(self, kind: str) -> Draft202012Validator | None:
        return self._validators.get(kind)

    @cached_property
    def _compiled(self) -> dict[str, Any]:
        """jsonschema-rs validators (compiled, ~50x faster): they only say valid or not. A record
        they pass is valid; one they fail is explained by jsonschema, which alone makes findings."""
        try:
            import jsonschema_rs
        except ImportError:  # pragma: no cover - a dependency; without it everything still works
            return {}
        out: dict[str, Any] = {}
        registry = None
        for kind in KINDS:
            if kind not in self.schemas:
                continue
            try:
                if registry is None:
                    registry = jsonschema_rs.Registry(
                        [(s.get("$id", f"{n}.schema.json"), s) for n, s in self.schemas.items()],
                        retriever=_no_retrieval_rs,
                    )
                out[kind] = jsonschema_rs.Draft202012Validator(
                    self.inline(self.schemas[kind], kind), validate_formats=True, registry=registry,
                    retriever=_no_retrieval_rs, formats={"date": _calendar_date},
                )
            except Exception:  # a schema it cannot compile is left to jsonschema alone
                continue
        return out

    def passes(self, kind: str, data: Any) -> bool:
        """Whether the compiled validator accepts `data` (False: unknown, or invalid: ask jsonschema)."""
        compiled = self._compiled.get(kind)
        if compiled is None or not self.compiled:
            return False
        try:
            return bool(compiled.is_valid(data))
        except Exception:  # a value it cannot take (a huge number): let jsonschema judge
            return False

    def compiled_error_kinds(self, kind: str, data: Any) -> frozenset[str] | None:
        """The kinds of error the compiled validator finds in `data`, by jsonschema-rs's names ("Required",
        "AdditionalProperties", "Enum"…; empty: valid), asked without importing jsonschema. None when it
        cannot say (no compiled validator, or a value it cannot take): then ask `validate`."""
        compiled = self._compiled.get(kind) if self.compiled else None
        if compiled is None:
            return None
        try:
            return frozenset(type(e.kind).__name__ for e in compiled.iter_errors(data))
        except Exception:  # a value it cannot take (a huge number): let jsonschema judge
            return None

    def resolve(self, schema: dict[str, Any], base: str) -> tuple[dict[str, Any], str]:
        """Follow a `$ref` (same file or a sibling file) to the schema it names (a boolean schema,
        `"review_date": false`, or another that is no mapping: as an empty one)."""
        if not isinstance(schema, dict):
            return {}, base
        ref = schema.get("$ref")
        if not ref:
            return schema, base
        file_part, _, pointer = ref.partition("#")
        target_name = file_part[: -len(".schema.json")] if file_part else base
        doc = self.schemas.get(target_name, {})
        for part in [p for p in pointer.split("/") if p]:
            doc = doc.get(part, {}) if isinstance(doc, dict) else {}
        merged = {**doc, **{k: v for k, v in schema.items() if k != "$ref"}}
        return merged, target_name

    @cached_property
    def sensitive_paths(self) -> dict[str, list[Path]]:
        """For each kind, the paths (with '*' for list items) whose values are never published: those
        the casebook's schemas mark `x-sensitive`, and always those casekit's shipped schemas mark
        (a schema edited to drop the mark from client.name does not publish the name)."""
        return self._marked("x-sensitive", _shipped_sensitive)

    @cached_property
    def public_paths(self) -> dict[str, list[Path]]:
        """Paths marked `x-public`: published on purpose (an agency's phone), so not scanned for PII."""
        return {kind: self._annotated(kind, "x-public") for kind in KINDS}

    @cached_property
    def phone_paths(self) -> dict[str, list[Path]]:
        """Paths marked `x-phone`: fields holding phone numbers (casekit.core.phones judges each
        number in them), the casebook's and always those casekit's shipped schemas mark."""
        return self._marked("x-phone", _shipped_phones)

    def _marked(self, annotation: str, shipped: Callable[[], dict[str, list[Path]]]) -> dict[str, list[Path]]:
        """For each kind, the paths the casebook's schemas mark with `annotation`, then those
        casekit's shipped schemas mark (`shipped`) that they do not."""
        theirs = shipped() if self.folder != DEFAULTS / "schemas" else {}
        out: dict[str, list[Path]] = {}
        for kind in KINDS:
            paths = self._annotated(kind, annotation)
            out[kind] = paths + [p for p in theirs.get(kind, []) if p not in paths]
        return out

    def _annotated(self, kind: str, annotation: str) -> list[Path]:
        found: list[Path] = []
        if kind in self.schemas:
            self._walk(self.schemas[kind], kind, (), annotation, found, 0)
        return found

    def _walk(self, schema: dict[str, Any], base: str, path: Path, annotation: str, found: list[Path], depth: int) -> None:
        if depth > 16:
            return
        schema, base = self.resolve(schema, base)
        if schema.get(annotation) is True:
            found.append(path)
            return
        for key, sub in (schema.get("properties") or {}).items():
            self._walk(sub, base, (*path, key), annotation, found, depth + 1)
        items = schema.get("items")
        if isinstance(items, dict):
            self._walk(items, base, (*path, "*"), annotation, found, depth + 1)

    def unscanned_paths(self, kind: str) -> list[Path]:
        """Paths the PII guard skips: sensitive ones (never published) and public ones."""
        return [*self.sensitive_paths.get(kind, []), *self.public_paths.get(kind, [])]

    def schema_at(self, kind: str, path: Path) -> dict[str, Any]:
        """The part of a kind's schema that describes the value at `path` (empty when none)."""
        schema, base = self.schemas.get(kind, {}), kind
        for part in path:
            schema, base = self.resolve(schema, base)
            if isinstance(part, int) or part == "*":
                schema = schema.get("items") or {}
            else:
                schema = (schema.get("properties") or {}).get(part) or {}
        schema, base = self.resolve(schema, base)
        return schema if isinstance(schema, dict) else {}

    def enum_labels(self, kind: str, path: Path) -> dict[str, str]:
        """Korean labels of the enum at `path` of a kind's schema (empty when none)."""
        return dict(self.schema_at(kind, path).get("x-enum-labels") or {})

    def blank_values(self, kind: str, parsed: Parsed, rel: str) -> list[tuple[Path, Finding]]:
        """`empty-value` for each value of spaces, tabs or invisible spaces alone (`"   "`, `"\\t"`) where
        the schema asks for text (minLength 1, a pattern, a format or a choice) or the key is required:
        RECORD-FORMAT's rule 7, required fields present *and filled*."""
        out = []
        for path, v in parsed.leaves():
            if not isinstance(v, str) or not v or (v[0] != " " and not v[0].isspace()) or v.strip():
                continue
            at = self.schema_at(kind, path)
            parent = self.schema_at(kind, path[:-1]) if path and isinstance(path[-1], str) else {}
            asks = at.get("minLength", 0) >= 1 or any(k in at for k in ("pattern", "format", "enum", "const")) \
                or path[-1] in (parent.get("required") or ())
            if not asks:
                continue
            line, col = parsed.where(path)
            title = at.get("title") if isinstance(at.get("title"), str) else ""
            out.append((path, finding("empty-value", rel, line, col, field=field_name(path), title=title,
                                      hint=" 빈칸(공백·탭)만 적혀 있습니다: 내용을 적으세요.",
                                      hint_en=": it holds only spaces or tabs; write its content")))
        return out

    def validate(self, kind: str, parsed: Parsed, rel: str) -> list[Finding]:
        """Placeholders first, then the schema; one finding per offending value, located."""
        data = parsed.data
        if data is None:
            return []
        findings: list[Finding] = self.odd_values(kind, parsed, rel) if kind in self.schemas else []
        placeholders = [path for path, v in parsed.leaves()
                        if isinstance(v, str) and ("<" in v or ".." in v or "…" in v or "___" in v) and PLACEHOLDER.match(v)]
        refused = [path for path, tag in parsed.resolved.items() if tag == REFUSED]
        if kind in self.schemas:  # `reason: "   "`: filled for the schema (minLength 1), empty for a reader
            blanks = self.blank_values(kind, parsed, rel)
            findings += [f for _, f in blanks]
            refused += [path for path, _ in blanks]
        for ph in placeholders:
            line, col = parsed.where(ph)
            at = self.schema_at(kind, ph) if kind in self.schemas else {}
            title = at["title"] if isinstance(at.get("title"), str) else ""
            advice, advice_en = placeholder_advice(ph, _get(data, ph), at)
            findings.append(finding("placeholder", rel, line, col, field=field_name(ph), value=_short(_get(data, ph)),
                                    title=title, advice=advice, advice_en=advice_en))
        if kind not in self.schemas:
            reason, reason_en = self.errors.get(kind, _MISSING)
            return [*findings, finding("schema-unavailable", rel, 1, 1, stage=kind, reason=reason, reason_en=reason_en)]
        if self.passes(kind, data):
            return findings
        validator = self.validator(kind)
        if validator is None:
            reason, reason_en = self.errors.get(kind, _MISSING)
            return [*findings, finding("schema-unavailable", rel, 1, 1, stage=kind, reason=reason, reason_en=reason_en)]
        reported: set[tuple[Path, str]] = set()
        errors = sorted(validator.iter_errors(data), key=_error_rank)
        typos = _typos(errors)  # a misspelt key is one mistake: "unknown field", not also "required"
        for error in errors:
            path: Path = tuple(error.absolute_path)
            if any(path[: len(p)] == p for p in placeholders) or any(path[: len(p)] == p for p in refused):
                continue
            for f in self._explain(kind, error, path, parsed, rel, typos):
                key = (path, f.code) if f.code not in ("required", "unknown-field") else (path, f.message_en)
                if key in reported or any((path, c) in reported for c in _SUPERSEDES.get(f.code, ())):
                    continue
                reported.add(key)
                findings.append(f)
        return findings

    def odd_values(self, kind: str, parsed: Parsed, rel: str) -> list[Finding]:
        """A code, an id or a date (a value whose schema gives a pattern, a fixed value or the date
        format) that holds a character only looking right (`２０２６`, a full-width space, `－`, a space at
        the end) and is right without it: one `odd-character` finding at that character, and the
        value taken as meant, so that neither the schema nor a rule says it again. (A choice of a
        list, `enum`, says so in its `not-in-list` finding.)"""
        out: list[Finding] = []
        assert parsed.data is not None
        if parsed.front and not may_hold_odd(parsed.front):
            return out  # (one search of the text: most records hold no such character)
        for path, value in parsed.leaves():
            if not isinstance(value, str) or not path or (value.isascii() and value == value.strip()):
                continue
            odd = odd_characters(value)
            if odd is None or any(ch in BIDI_CONTROLS for ch in value):  # (bidi-control says that, and the value stays)
                continue
            schema = self.schema_at(kind, path)
            fixed = clean_code(value)
            if not fixed or not _fits(fixed, schema):
                continue
            where, what, what_en, index = odd
            line, col = parsed.where(path)
            col = column_in(parsed, line, col, value, index)
            key = next((p for p in reversed(path) if isinstance(p, str)), "")
            shown = f"{key}: {fixed}" if isinstance(path[-1], str) else f"- {fixed}"
            dropped = "".join(ch for ch in value if not ch.isspace() and not IGNORABLE_RE.fullmatch(ch)) == fixed
            dashed = any(ch in DASHES for ch in value)
            advice = ("지우세요" if dropped else "하이픈(-)으로 바꿔 쓰세요" if dashed else "반각으로 쓰세요") + f": {shown}"
            if any(ch in CURLY_QUOTES for ch in value):  # (pasted from a word processor or a messenger)
                quoted = f'{key}: "{fixed}"' if isinstance(path[-1], str) else f'- "{fixed}"'
                advice = f"YAML은 이 따옴표를 값의 글자로 읽습니다. 따옴표를 지우거나 곧은 따옴표(\")로 쓰세요: {quoted}"
            title = schema.get("title", "")
            out.append(finding("odd-character", rel, line, col, field=field_name(path), title=title, where=where, what=what,
                               what_en=what_en, advice=advice, fixed=shown, value=_short(value)))
            parent: Any = parsed.data
            for step in path[:-1]:
                parent = parent[step]
            parent[path[-1]] = fixed  # (taken as meant: the error stays until the file is fixed)
            parsed._leaves = None
        return out

    def _explain(self, kind: str, error: ValidationError, path: Path, parsed: Parsed, rel: str,
                 typos: dict[Path, str] | None = None) -> list[Finding]:
        typos = typos or {}
        if error.validator is None and isinstance(parent := _get(parsed.data, path), dict):
            # (a value the schema `false` refuses: jsonschema's error leaves its key out of the path)
            props = self.schema_at(kind, path).get("properties") or {}
            path = next(((*path, k) for k, sub in props.items() if sub is False and k in parent
                         and parent[k] == error.instance), path)
        schema = error.schema if isinstance(error.schema, dict) else {}
        title = schema.get("title", "")
        name = field_name(path)
        line, col = parsed.where(path)
        v = error.validator
        # a sensitive field's value is never shown, nor a value made from it: only its shape (masking)
        secret = bool(schema.get("x-sensitive"))

        def val(x: Any) -> str:
            return masked(_short(x)) if secret else _short(x)

        def hinted(h: str) -> str:  # (a value made from it, 1969-07-21 of 1969-7-21; not an example, 010 or 1e3)
            # (its particles chosen first, from the value as it reads: 1969-07-21로, not 1969-○○-○○(으)로)
            return _VALUE_DIGITS.sub(_value_shape, attach_particles(h)) if secret else h
        if v == "required":
            props = schema.get("properties") or {}
            out = []
            for missing in error.validator_value:
                if isinstance(error.instance, dict) and missing not in error.instance and (*path, missing) not in typos:
                    # (a field an `if`/`then` requires: its title is where the object's properties are)
                    sub = props.get(missing) or self.schema_at(kind, (*path, missing))
                    kl, kc = parsed.where(path, key=True)
                    hint, hint_en = _required_hint(missing, sub, bool(path))
                    out.append(finding("required", rel, kl, kc, field=field_name((*path, missing)), title=sub.get("title", ""),
                                       hint=hint, hint_en=hint_en))
            return out
        if v == "additionalProperties":
            allowed = ", ".join(schema.get("properties") or {})
            extras = [k for k in error.instance if k not in (schema.get("properties") or {})]
            out = []
            props = schema.get("properties") or {}
            for extra in extras:
                kl, kc = parsed.where((*path, extra), key=True)
                guess = close_to(extra, list(props)) or by_title(extra, props, list(props)) or key_synonym(extra, props)
                keyed = keyboard_key(extra, props) if guess is None else None  # (ㅇㅁㅅㄷ: date, 한/영 not pressed)
                guess = guess or keyed
                hint = hint_en = ""
                above = _moved_out(error.instance, extra, props) if guess is None else None
                clean = clean_code(extra) if isinstance(extra, str) else extra
                odd = ("", "")
                if clean != extra and clean in props:
                    odd = unseen_in_name(extra)
                told = _no_such_field(extra, props, error.instance.get(extra)) if guess is None else None
                if told is not None:  # `age: 75`, `time: 14:30`: no such field, and where it is written instead
                    hint, hint_en = told
                    if parsed.resolved.get((*path, extra)) == REFUSED:  # `14:30` read as 870: said here, once
                        at = parsed.where((*path, extra))
                        parsed.findings[:] = [f for f in parsed.findings
                                              if not (f.code == "yaml-number-form" and (f.line, f.column) == at)]
                elif odd[0]:  # `wor\u200bker:`: the key looks right and is not (a character no one sees)
                    hint = f" 항목 이름에 {odd[0]}이(가) 섞여 있습니다. 그 글자를 지우고 다시 쓰세요: {clean}:"
                    hint_en = f" the key holds {odd[1]}: retype it as {clean}:"
                elif above is not None:  # `rationale:` moved left out of `selection:`
                    children = [k for k in error.instance[above] if isinstance(k, str)]
                    inner = parsed.where((*path, above, children[0]), key=True)[1] if children else kc + 2
                    hint = f" '{above}:' 아래 항목이라면 다른 항목들처럼 {inner - 1}칸 들여 쓰세요."
                    hint_en = f" if it belongs under '{above}:', indent it by {inner - 1} like the others;"
                elif guess is not None:
                    sub_title = (props.get(guess) or {}).get("title", "")
                    shown = f"'{guess}'({sub_title})" if sub_title else f"'{guess}'"
                    hint, hint_en = f" 혹시 {shown}을(를) 뜻했나요?", f" did you mean '{guess}'?"
                    if keyed is not None:
                        hint += (f" '{extra}'은(는) 한/영 키가 한글에 놓인 채 친 {guess}입니다. 한/영 키를 눌러 영문으로 "
                                 f"바꾼 뒤 '{guess}:'을(를) 다시 치세요.")
                        hint_en += (f" '{extra}' is {guess} typed with the keyboard in Korean mode (press the Han/Yeong key, "
                                    "retype it);")
                out.append(finding("unknown-field", rel, kl, kc, field=field_name((*path, extra)), allowed=allowed,
                                   hint=attach_particles(hint), hint_en=hint_en))
            return out
        if "propertyNames" in error.relative_schema_path and isinstance(error.instance, str):
            # (a key of the mapping at `path` whose name the schema's `propertyNames` refuses: said of the key)
            kl, kc = parsed.where((*path, error.instance), key=True)
            ko, en = unmet(v, error.validator_value, error.instance, schema, _short)
            return [finding("schema-violation", rel, kl, kc, field=field_name((*path, error.instance)),
                            field_en=field_name((*path, error.instance), "en"), title="",
                            detail=f"이 키의 이름이 규칙에 맞지 않습니다: {ko}",
                            detail_en=f"the key's name is not allowed: {en}")]
        dated = schema.get("format") == "date"
        if (v in ("type", "const") and error.instance is None) or (v == "enum" and error.instance == "") \
                or (v in ("format", "pattern") and error.instance == ""):
            # `worker:`, `stage:`, `reason: ""`: said as empty, with the values it takes when they are few
            choices = schema.get("enum") or ([schema["const"]] if "const" in schema else None)
            comment = commented_out(parsed, line, path) if error.instance is None else None
            if comment is not None:  # `note: #1 목표 달성`: the worker sees a value, YAML a comment
                key, quoted, col = comment
                return [finding("empty-value", rel, line, col, field=name, title=title,
                                hint=f" 값이 #으로 시작하면 YAML은 # 뒤를 메모(주석)로 읽어 값이 비게 됩니다. 따옴표로 "
                                     f"감싸세요: {key}{quoted}",
                                hint_en=f"; a value that starts with # is read as a comment: quote it, {key}{quoted}")]
            if dated and not choices and path and path[-1] not in (self.schema_at(kind, path[:-1]).get("required") or ()):
                # `done:` left empty: a date, or the line away while there is none (not a date a record must have)
                return [finding("empty-value", rel, line, col, field=name, title=title,
                                hint=" 날짜(YYYY-MM-DD)를 적거나, 아직 없으면 이 줄을 지우세요.",
                                hint_en="; write a date (YYYY-MM-DD), or leave the line out while there is none")]
            # (what to write: the values it takes when they are few, a date's form, what its pattern
            # says, a list's or a mapping's lines)
            hint, hint_en = _value_form(schema)
            if not hint and path and isinstance(path[-1], str) and (block := _block_form(path[-1], schema, True)) is not None:
                hint, hint_en = block
            return [finding("empty-value", rel, line, col, field=name, title=title, hint=hint, hint_en=hint_en)]
        if v == "type":
            expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
            actual = kind_of(error.instance)
            lead = "" if secret or not path else f"{path[-1]}: " if isinstance(path[-1], str) else "- "
            hint_ko, hint_en = _type_hint(expected, actual, parsed.resolved.get(path), error.instance, schema, lead)
            written = parsed.line_text(line)[col - 1:].rstrip() if line else ""
            props = schema.get("properties") or {}
            if expected == "object" and actual in ("string", "array") and props and not hint_ko:
                # `aftercare: "6주 후 전화 확인"`, `- G1 달성`: the shape the form wants, with its keys
                if isinstance(path[-1], int):
                    shape = _entry_shape(schema)
                    hint_ko = f" 목록의 항목마다 '키: 값'으로 나눠 적으세요(둘째 키부터는 '-' 없이 두 칸 더 들여): {shape}"
                else:
                    key = next((p for p in reversed(path) if isinstance(p, str)), "")
                    shape = _entry_shape(schema, entry=False)
                    hint_ko = f" '{key}:' 다음 줄부터 두 칸 들여 '키: 값'으로 나눠 적으세요: {shape}"
                hint_en = f" write it as keys and values on the lines below, indented: {shape}"
            if expected == "string" and actual == "object" and written[:1] not in "[{" and ": " in written \
                    and not hint_ko:
                # `- 등하교: 학교 앞까지 동행`: a colon and a space in a text make it a key and its value
                q = '"' if "'" in written else "'"
                example = "" if secret else f": {'- ' if isinstance(path[-1], int) else ''}{q}{written}{q}"
                hint_ko = f" 글 안에 '콜론(:)과 공백'이 있으면 YAML은 '키: 값'으로 읽습니다. 글 전체를 따옴표로 감싸세요{example}"
                hint_en = f" a colon and a space inside a text make YAML read a key and a value: quote the whole text{example}"
            items = error.instance if isinstance(error.instance, list) else []
            if expected == "string" and written[:1] == "[" and items and not hint_ko \
                    and all(isinstance(x, str) and _takes(schema, x) for x in items):
                # `worker: [kim.sw]`, `type: [information, linking]`: an id or a code in brackets, which
                # no id holds (quoted, '[kim.sw]' would be the next error)
                if len(items) == 1:
                    example = "" if secret else f": {lead}{items[0]}"
                    hint_ko, hint_en = f" 대괄호([ ])를 빼고 적으세요{example}", f" leave the brackets out{example}"
                else:
                    listed = "" if secret else f": {', '.join(items)}"
                    hint_ko = f" 값은 하나만 적습니다. 하나를 고르고, 다른 것은 항목을 따로 만들어 적으세요{listed}"
                    hint_en = f" one value only: pick one, and write the others as entries of their own{listed}"
            if expected == "string" and actual in ("array", "object") and written[:1] in "[{" and not hint_ko:
                # `reason: [심사중]`: a form's brackets, which YAML reads as a list (or braces, a mapping)
                key = next((p for p in reversed(path) if isinstance(p, str)), "")
                what = "대괄호([ ])로 감싼 값은 목록으로" if written[0] == "[" else "중괄호({ })로 감싼 값은 항목 묶음으로"
                q = '"' if "'" in written else "'"
                example = "" if secret else f": {key}: {q}{written}{q}"  # (a sensitive value is never shown)
                hint_ko = f" YAML은 {what} 읽습니다. 글로 쓰려면 값 전체를 따옴표로 감싸세요{example}"
                hint_en = f" YAML reads a value in {'brackets as a list' if written[0] == '[' else 'braces as a mapping'}:" \
                          f" quote the whole value{example}"
            types = [error.validator_value] if isinstance(error.validator_value, str) else list(error.validator_value)
            return [
                finding(
                    "wrong-type", rel, line, col, field=name, title=title,
                    expected=" 또는 ".join(TYPE_WORDS.get(t, (t, t))[0] for t in types),
                    expected_en=" or ".join(TYPE_WORDS.get(t, (t, t))[1] for t in types),
                    actual=TYPE_WORDS.get(actual, (actual, actual))[0], actual_en=TYPE_WORDS.get(actual, (actual, actual))[1],
                    hint=hinted(hint_ko), hint_en=hinted(hint_en),
                )
            ]
        if v == "enum":
            labels = schema.get("x-enum-labels") or {}
            allowed, allowed_en = shown_values(list(error.validator_value), labels)
            hint, hint_en = enum_hint(error.instance, list(error.validator_value), labels)
            return [finding("not-in-list", rel, line, col, field=name, title=title, value=val(error.instance),
                            allowed=allowed, allowed_en=allowed_en, hint=hinted(hint), hint_en=hinted(hint_en))]
        if (v == "format" and error.validator_value == "date") or (v == "pattern" and schema.get("format") == "date"):
            hint, hint_en = short_year_hint(error.instance, _dates_in(parsed.data)) or date_hint(error.instance)
            record_day = (parsed.data or {}).get("date")
            short = month_day(error.instance) if path != ("date",) else None
            if short is not None and isinstance(record_day, str) and _calendar_date(record_day):
                # `date: 3/12` of an activity: the year of the record's date, as a question
                with contextlib.suppress(ValueError):
                    meant = dt.date(int(record_day[:4]), *short).isoformat()
                    hint = f" 연도를 넣어 적으세요: 기록 날짜({record_day})와 같은 해라면 {meant}"
                    hint_en = f" add the year: {meant} if it is the year of the record's date ({record_day})"
            counted = later_date(error.instance, record_day) if not hint else None
            if counted is not None:  # `next_review: 한 달 후`: the date it counts to from the record's
                key = next((p for p in reversed(path) if isinstance(p, str)), "")
                hint = f" 날짜(YYYY-MM-DD)로 적으세요: 기록 날짜에서 '{error.instance}'이면 {key}: {counted}"
                hint_en = f" write the date: '{error.instance}' from the record's date is {counted}"
            return [finding("bad-date", rel, line, col, field=name, title=title, value=val(error.instance),
                            hint=hinted(hint), hint_en=hinted(hint_en))]
        if v == "pattern" and isinstance(error.instance, str) and not secret:
            cased = next((x for x in (error.instance.upper(), error.instance.lower())
                          if x != error.instance and pattern_matches(error.validator_value, x)), None)
            if cased is not None:  # g1 for G1, Gaon-Food-Bank for gaon-food-bank
                key = next((p for p in reversed(path) if isinstance(p, str)), "")
                size = "대문자" if cased == error.instance.upper() else "소문자"
                size_en = "capitals" if cased == error.instance.upper() else "lowercase"
                return [finding("bad-pattern", rel, line, col, field=name, title=title, value=val(error.instance),
                                description=f"{size}로 적으세요: {key}: {cased}",
                                description_en=f"write it in {size_en}: {key}: {cased}")]
        if v == "pattern" and isinstance(error.instance, str):
            joined = re.fullmatch(r"([A-Za-z][A-Za-z0-9]*)(?:[,·ㆍ]| (?=[A-Za-z0-9]{1,3}$))([A-Za-z0-9]+)",
                                  error.instance.strip())
            if joined is not None and pattern_matches(error.validator_value, ".".join(joined.groups())):
                meant = ".".join(joined.groups())  # kim,sw or kim sw: one id typed with a comma or a space for its dot
                return [finding("bad-pattern", rel, line, col, field=name, title=title, value=val(error.instance),
                                description=f"혹시 {meant}인가요? 쉼표나 가운뎃점, 공백 대신 점(.)을 찍으세요.",
                                description_en=f"did you mean {meant}? write a dot (.), not a comma, a middle dot or "
                                               "a space")]
            ids = [x for x in re.split(r"\s*(?:[,/·、;]|\s및\s|\s)\s*", error.instance.strip()) if x]
            if len(ids) >= 2 and all(pattern_matches(error.validator_value, x) for x in ids):
                key = next((p for p in reversed(path) if isinstance(p, str)), "")
                if key == "worker":  # (a record has one worker: no item of its own to give the others)
                    return [finding("bad-pattern", rel, line, col, field=name, title=title, value=val(error.instance),
                                    description=f"기록마다 담당자는 한 명입니다: 이 기록을 쓴 사람을 worker: {ids[0]}처럼 "
                                                f"적고, 함께한 사람({', '.join(ids[1:])})은 본문에 적으세요.",
                                    description_en=f"a record has one worker: write the one who wrote it (worker: "
                                                   f"{ids[0]}), and the others ({', '.join(ids[1:])}) in the body")]
                return [finding("several-ids", rel, line, col, field=name, title=title, value=val(error.instance),
                                key=key, first=val(ids[0]), rest=val(", ".join(ids[1:])))]
        if v == "pattern":
            description, description_en = pattern_words(schema, error.validator_value)
            return [
                finding("bad-pattern", rel, line, col, field=name, title=title, value=val(error.instance),
                        description=description, description_en=description_en)
            ]
        if v == "const":
            return [
                finding("wrong-value", rel, line, col, field=name, title=title,
                        expected=error.validator_value, value=val(error.instance))
            ]
        if v in ("minItems", "minLength", "minProperties") and not error.instance:  # (`participants: []`: the lines to write)
            block = _block_form(path[-1], schema, True) if path and isinstance(path[-1], str) else None
            return [finding("empty-value", rel, line, col, field=name, title=title,
                            hint=block[0] if block else "", hint_en=block[1] if block else "")]
        if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            ko, en = _range_words(schema)
            return [finding("out-of-range", rel, line, col, field=name, title=title, value=val(error.instance),
                            range=ko, range_en=en)]
        # any other keyword of a casebook's own schema (maxItems, maxLength, uniqueItems, anyOf, ...): what it
        # asks, in words (jsonschema's message is English, and shows the whole value as Python writes it)
        detail, detail_en = unmet(v, error.validator_value, error.instance, schema, val, matched=not error.context)
        if v in ("anyOf", "oneOf", "not", "contains", "minContains", "maxContains") and schema.get("description"):
            detail += f" ({schema['description']})"  # (what the field asks, in the schema's words)
            detail_en += f" ({english(schema['description'])})" if english(schema["description"]) else ""
        return [finding("schema-violation", rel, line, col, field=name, field_en=field_name(path, "en"), title=title,
                        detail=detail, detail_en=detail_en)]


def _value_form(schema: dict[str, Any]) -> tuple[str, str]:
    """What a value of `schema` is written as, said after "is empty" or "is missing": a date's
    form, the codes of a list, or the field's description of its pattern; ("", "") when none."""
    values = schema.get("enum") or ([schema["const"]] if "const" in schema else None)
    if values:
        shown, shown_en = shown_values(list(values), schema.get("x-enum-labels") or {})
        return f" 쓸 수 있는 값: {shown}", f"; use one of: {shown_en}"
    if schema.get("format") == "date":
        return " 날짜를 YYYY-MM-DD로 적으세요(예: 2026-03-05).", "; write a date as YYYY-MM-DD (2026-03-05)"
    if schema.get("pattern") and schema.get("description"):
        ko, en = pattern_words(schema, schema["pattern"])
        return f" {ko}", f"; {en}"
    return "", ""


def _required_hint(key: str, schema: dict[str, Any], nested: bool) -> tuple[str, str]:
    """How to add a missing field: its line, and what its value is written as."""
    where = "해당 항목 안에" if nested else "머리말(--- 사이)에"
    if "const" in schema:  # (stage: the file's own)
        return f" {where} '{key}: {schema['const']}' 한 줄을 넣으세요.", f"; add the line '{key}: {schema['const']}'"
    block = _block_form(key, schema)
    if block is not None:  # (a list or a mapping: one line `participants: 값` would be the next error)
        return f" {where}{block[0]}", block[1]
    form, form_en = _value_form(schema)
    return (f" {where} '{key}: 값' 한 줄을 넣으세요.{form}", f"; add a line '{key}: …'{form_en}")


def _block_form(key: str, schema: dict[str, Any], written: bool = False) -> tuple[str, str] | None:
    """How a list or a mapping field is written, for a hint (its `key:` line, then its entries or
    keys indented below it; `written`: the line is there, empty); None for a field of one value."""
    lead = f" '{key}:' 아래에" if written else f" '{key}:' 줄을 쓰고, 그 아래에"
    lead_en = f"; below '{key}:'" if written else f"; write '{key}:' and below it"
    kind = schema.get("type")
    found = schema.get("items")
    items: dict[str, Any] = found if isinstance(found, dict) else {}
    if kind == "array" and isinstance(items.get("properties"), dict):
        shape = _entry_shape(items)
        return (f"{lead} 두 칸 들여 항목마다 '{shape}'처럼 적으세요(둘째 키부터는 '-' 없이 두 칸 더 들여).",
                f"{lead_en}, indented, one entry each: '{shape}'")
    if kind == "array":
        return (f"{lead} 두 칸 들여 '- 값' 줄을 하나씩 적으세요.", f"{lead_en}, indented, one '- …' line each")
    if kind == "object" and isinstance(schema.get("properties"), dict):
        shape = _entry_shape(schema, entry=False)
        return (f"{lead} 두 칸 들여 '{shape}'를 한 줄에 하나씩 적으세요.", f"{lead_en}, indented, one line each: '{shape}'")
    return None


_YES = frozenset({"예", "네", "응", "그렇다", "동의", "있음", "o", "y", "ㅇ"})
_NO = frozenset({"아니오", "아니요", "아니", "아님", "없음", "미동의", "x", "n", "ㄴ"})
_VALUE_DIGITS = re.compile(r"[0-9][0-9-]{3,}")


def _entry_shape(schema: dict[str, Any], *, entry: bool = True) -> str:
    """How a mapping of `schema` is written, for a hint: its required keys first, then the others, up
    to three (`- goal: … / status: … / note: …`; `entry`: as a list's entry, with its `- `)."""
    found = schema.get("properties")
    props: dict[str, Any] = found if isinstance(found, dict) else {}
    required = [k for k in schema.get("required") or () if k in props]
    keys = (required + [k for k in props if k not in required])[:3]
    shape = " / ".join(f"{k}: …" for k in keys)
    return f"- {shape}" if entry else shape


def _value_shape(m: re.Match[str]) -> str:
    """A value a hint makes from a sensitive one, as ○ but a date's year (the century a two-digit
    year was taken in: 1955-○○-○○ of 55-12-01; a year alone identifies no one)."""
    text = m.group()
    year = 5 if re.match(r"[0-9]{4}-", text) else 0
    return text[:year] + masked(text[year:], digits_only=True)


def _fits(value: str, schema: dict[str, Any]) -> bool:
    """Whether `value` is what a code-like schema (a pattern, a fixed value, the date format) asks."""
    if "const" in schema:
        return bool(value == schema["const"])
    if schema.get("format") == "date" and not _calendar_date(value):
        return False
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        return pattern_matches(pattern, value, strict=True)
    return schema.get("format") == "date"


# (`\s*(?:-\s+)?(?:(?P<key>[^\s:#\"'-][^:#]*?)\s*:)?\s+(?P<comment>#.*?)\s*$`, each run of spaces taken whole:
# that one split a line's run of spaces between two of its \s every way, and read a comment's again from
# each of its characters, and a line of 100,000 spaces took minutes; the same matches, fuzzed)
_COMMENTED = re.compile(r"\s*+(?P<dash>-\s++)?+(?:(?P<key>[^\s:#\"'-](?:\s*+[^\s:#])*+)\s*+:\s++|(?(dash)(?<=\s\s)|(?<=\s)))"
                        r"(?P<comment>#(?:[^\S\n]*+\S)*+)\s*+$")


def commented_out(parsed: Parsed, line: int, path: Path) -> tuple[str, str, int] | None:
    """("key: " or "- ", the comment quoted, the column of its #) when the front matter's line `line` gives the value at
    `path` as a comment (`note: #1 목표 달성`, `- #2`): what the worker typed as the value."""
    m = _COMMENTED.match(parsed.line_text(line))
    if m is None or not path:
        return None
    key = path[-1]
    if isinstance(key, str) and m["key"] is not None and m["key"].strip() == key:
        lead = f"{key}: "
    elif isinstance(key, int) and m["key"] is None:
        lead = "- "
    else:
        return None
    comment = m["comment"].replace("\\", "\\\\").replace('"', '\\"')
    return lead, f'"{comment}"', m.start("comment") + 1


_ASIDE = re.compile(r"\([^)\n]*\)")


def _without_asides(text: str) -> str:
    """`re.sub(r"\\(.*?\\)", "", text)`, in time linear in the text: from each "(" that pattern read
    to the line's end for a ")" (a value of 100,000 "(": minutes). Line by line, and after a line's
    last ")" not at all (sub_closed)."""
    return "\n".join(sub_closed(_ASIDE, "", line, ")", "(") for line in text.split("\n"))


def placeholder_advice(path: Path, value: str, schema: dict[str, Any]) -> tuple[str, str]:
    """How to fill in a template's `<…>` left as it is: the value alone without the brackets, one of
    the choices it lists, or what it asks for; for a `...` (or `…`, `___`), what the field asks for."""
    key = next((p for p in reversed(path) if isinstance(p, str)), "")
    if not value.strip().startswith("<"):  # `...`, `…`, `___`: a stand-in for what the field asks
        title = schema.get("title") if isinstance(schema.get("title"), str) else ""
        allowed = [a for a in (schema.get("enum") or []) if isinstance(a, str)]
        what = " | ".join(allowed[:6]) + (" …" if len(allowed) > 6 else "") if allowed else ""
        return (f"'{value.strip()}' 자리에 실제 {title or '내용'}을(를) 적으세요" + (f" ({what} 가운데 하나)." if what else "."),
                f"write the actual {english(title) or 'value'} in place of '{value.strip()}'" + (f" (one of {what})" if what else ""))
    inner = value.strip()[1:-1].strip()
    lead = f"{key}: " if isinstance(path[-1], str) else "- "
    allowed = [a for a in (schema.get("enum") or []) if isinstance(a, str)]
    # (the choices end where a dash begins what they are about: `… | stalled — <the goal's text>`)
    listed = re.split(r"\s[—–-]\s", inner.split(":", 1)[1], maxsplit=1)[0] if ":" in inner else ""
    choices = [_without_asides(c).strip() for c in listed.split("|")] if listed else []
    choices = [c for c in choices if c] or allowed
    if inner in allowed or (not choices and re.fullmatch(r"[A-Za-z0-9_.\-]+", inner)):
        return (f"꺾쇠 < >와 따옴표를 지우고 값만 적으세요. 예: {lead}{inner}",
                f"remove the angle brackets and quotes, keep the value: {lead}{inner}")
    if len(choices) > 1:
        shown = " | ".join(choices[:6]) + (" …" if len(choices) > 6 else "")
        return (f"꺾쇠 < >와 안내를 지우고 {shown} 가운데 하나만 적으세요. 예: {lead}{choices[0]}",
                f"remove the brackets and the guide, write one of {shown}: {lead}{choices[0]}")
    return ("꺾쇠 < > 안의 안내대로 실제 내용을 적고, 꺾쇠는 지우세요.",
            "write what the guide in angle brackets asks for, without the brackets")


@functools.lru_cache(maxsize=1)
def _shipped_sensitive() -> dict[str, list[Path]]:
    return dict(SchemaSet.load(DEFAULTS / "schemas").sensitive_paths)


@functools.lru_cache(maxsize=1)
def _shipped_phones() -> dict[str, list[Path]]:
    return dict(SchemaSet.load(DEFAULTS / "schemas").phone_paths)


def _range_words(schema: dict[str, Any]) -> tuple[str, str]:
    """The range a schema's minimum and maximum (or exclusive ones) allow, in Korean and English
    (`0~100`, `0-100`; `10 미만`, `less than 10`): of two bounds on one side, the tighter. A whole
    number's exclusive bound is said as the whole number within it (exclusiveMaximum 10: 9 이하)."""
    def num(x: Any) -> str:
        return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)

    def bound(inclusive: str, exclusive: str, step: int) -> tuple[float, bool] | None:
        found = []  # (the bound, whether the bound itself is allowed)
        if isinstance(schema.get(inclusive), int | float) and not isinstance(schema[inclusive], bool):
            found.append((schema[inclusive], True))
        value = schema.get(exclusive)
        if isinstance(value, int | float) and not isinstance(value, bool):
            whole = schema.get("type") == "integer" and (isinstance(value, int) or value.is_integer())
            found.append((int(value) + step, True) if whole else (value, False))
        if not found:
            return None
        # (the tighter: the greater least bound, the smaller greatest; at the same number, the exclusive)
        return sorted(found, key=lambda b: (b[0] * step, not b[1]))[-1]

    low, high = bound("minimum", "exclusiveMinimum", 1), bound("maximum", "exclusiveMaximum", -1)
    if low and high and low[1] and high[1]:
        return f"{num(low[0])}~{num(high[0])}", f"{num(low[0])}-{num(high[0])}"
    ko = [f"{num(b[0])} {word}" for b, word in ((low, "이상" if low and low[1] else "초과"),
                                                (high, "이하" if high and high[1] else "미만")) if b]
    en = [f"{word} {num(b[0])}" for b, word in ((low, "at least" if low and low[1] else "more than"),
                                                (high, "at most" if high and high[1] else "less than")) if b]
    return " ".join(ko), " and ".join(en)


_RANK = {"type": 0, "required": 1, "additionalProperties": 2, "const": 3, "enum": 4, "format": 5, "pattern": 6}
_SUPERSEDES = {  # a code not said at a place where one of these is (a value left empty is `empty-value` alone)
    "bad-pattern": ("wrong-type", "bad-date", "empty-value"),
    "bad-date": ("wrong-type", "bad-date", "empty-value"),
    "empty-value": ("wrong-type",),
    "not-in-list": ("wrong-type", "empty-value"),
    "wrong-value": ("empty-value",),
    "schema-violation": ("wrong-type", "not-in-list", "bad-date", "bad-pattern", "empty-value"),
}


def by_title(key: str, props: dict[str, Any], pool: list[str]) -> str | None:
    """The key of `pool` whose Korean title a key written in Korean names (단계 -> stage, 날짜 -> date,
    담당자 -> worker: the title itself, a part of it, or its syllables in order), when only one does."""
    if not isinstance(key, str) or not re.search("[가-힣]", key):
        return None
    typed = re.sub(r"\s", "", key)
    titles = [(p, re.sub(r"\s|\(.*?\)", "", str((props.get(p) or {}).get("title", "")))) for p in pool]

    def in_order(title: str) -> bool:
        rest = iter(title)
        return all(ch in rest for ch in typed)

    for fits in (lambda t: t == typed, lambda t: typed in t, in_order):
        hits = [p for p, title in titles if title and fits(title)]
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


# keys written for another of the same form, by habit (a 점검's `status` in a 종결's results, whose key is
# `result`) or in other words (`owner` for a task's `who`): what each may stand for
KEY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "status": ("result",), "result": ("status",), "owner": ("who",), "assignee": ("who",), "person": ("who",),
    "manager": ("who",), "completed": ("done",), "finished": ("done",), "deadline": ("due",), "due_date": ("due",),
    "contact_method": ("contact",), "goal_id": ("goal",), "need_id": ("need",), "아이디": ("id",),
}


def key_synonym(extra: Any, keys: Any) -> str | None:
    """The key among `keys` that `extra` stands for by KEY_SYNONYMS (None when none)."""
    if not isinstance(extra, str):
        return None
    return next((k for k in KEY_SYNONYMS.get(extra.strip().lower(), ()) if k in keys), None)


def keyboard_key(extra: Any, keys: Any) -> str | None:
    """The key among `keys` that `extra` is, typed with the keyboard left in Hangul (ㅇㅁㅅㄷ for date,
    재갇ㄱ for worker: 한/영 not pressed), or with one slip more (None when none)."""
    if not isinstance(extra, str) or extra.isascii():
        return None
    typed = typed_keys(extra)
    if typed is None:
        return None
    return typed if typed in keys else close_to(typed, keys)


# keys written for what a form keeps otherwise: an age (the age group, the birth date) and a time of day
# (an activity's summary or the record's body: no form has a time)
AGE_KEYS = frozenset({"age", "나이", "연령", "만나이", "만 나이"})
TIME_KEYS = frozenset({"time", "start_time", "end_time", "시각", "시간", "방문시간", "상담시간"})
# the age group by full years of age (the schemas' ageGroup says the same):
# 아동 0-12, 청소년 13-18, 청년·성인 19-39, 중장년 40-64, 노인 65 and over
AGE_GROUPS = (("child", 0), ("youth", 13), ("adult", 19), ("middle_aged", 40), ("older", 65))


def age_group_of(age: int) -> str:
    """The `age_group` of one of `age` full years (AGE_GROUPS)."""
    return [group for group, start in AGE_GROUPS if age >= start][-1]


def _no_such_field(extra: Any, props: dict[str, Any], value: Any) -> tuple[str, str] | None:
    """What to write instead of a key no form has, for an age (`age: 75`: the age group or the birth
    date) or a time of day (`time: 14:30`: the activity's summary or the body); None for other keys."""
    if not isinstance(extra, str):
        return None
    key = extra.strip().lower()
    if key in AGE_KEYS and "age_group" in props:
        fields = "age_group(연령대)" + ("이나 birth_date(생년월일)" if "birth_date" in props else "")
        years = value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 130 else None
        example = f": 만 {years}세면 age_group: {age_group_of(years)}" if years is not None else ""
        return (f" 나이를 적는 항목은 없습니다. 나이는 {fields}로 적으세요{example}.",
                f" no form has an age: write the age group (age_group){' or the birth date' if 'birth_date' in props else ''}"
                f"{f', age_group: {age_group_of(years)} for {years}' if years is not None else ''};")
    if key in TIME_KEYS:
        where = "활동의 summary(내용)에 함께 적거나(예: summary: \"14:30 가정방문, …\") 본문에" if "summary" in props \
            else "본문에"
        spent = " 걸린 시간이면 minutes에 분으로 적으세요." if "minutes" in props else ""
        return (f" 시각을 적는 항목은 없습니다. 시각은 {where} 적으세요.{spent}",
                " no form has a time of day: write it in the activity's summary or in the body"
                f"{'; a duration goes in minutes' if spent else ''};")
    return None


def _typos(errors: list[ValidationError]) -> dict[Path, str]:
    """Required keys that are missing because they were misspelt: (path of the key) -> the key as typed."""
    out: dict[Path, str] = {}
    missing: dict[Path, set[str]] = {}
    for error in errors:
        if error.validator == "required" and isinstance(error.instance, dict):
            missing.setdefault(tuple(error.absolute_path), set()).update(
                k for k in error.validator_value if k not in error.instance)
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            path = tuple(error.absolute_path)
            props = (error.schema.get("properties") or {}) if isinstance(error.schema, dict) else {}
            for extra in error.instance:
                pool = missing.get(path, set())
                guess = (close_to(extra, pool) or by_title(extra, props, sorted(pool)) or key_synonym(extra, pool)
                         or keyboard_key(extra, pool)) if extra not in props else None
                if guess is not None:
                    out[(*path, guess)] = extra
                above = _moved_out(error.instance, extra, props)
                if above is not None and extra in missing.get((*path, above), set()):
                    out[(*path, above, extra)] = extra  # (the key of `above` moved left: said at the key)
    return out


def _moved_out(instance: dict[str, Any], extra: str, props: dict[str, Any]) -> str | None:
    """The key just above `extra`, when `extra` is not a key here but one of that key's mapping
    (`selection:` … then `rationale:` at the left edge: its last line moved left)."""
    keys = list(instance)
    at = keys.index(extra) if extra in keys else 0
    if extra in props or at == 0:
        return None
    above = keys[at - 1]
    sub = props.get(above) if isinstance(props.get(above), dict) else None
    if not isinstance(instance.get(above), dict) or sub is None:
        return None
    inner = sub.get("properties") or {}
    return above if extra in inner else None


def ecma_regex(pattern: str) -> str:
    """`pattern` for Python's re with `$` (outside a character class, not escaped) as ECMA-262
    reads it without the m flag: the end of the text, never before a last line break (`\\Z`)."""
    out: list[str] = []
    escaped = in_class = False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "$":
            out.append("\\Z")
            continue
        out.append(ch)
    return "".join(out)


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    from jsonschema import ValidationError

    if not validator.is_type(instance, "string"):
        return
    if not pattern_matches(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def pattern_matches(pattern: str, text: str, strict: bool = False) -> bool:
    """Whether a schema's `pattern` finds `text`, by the engine that validates (jsonschema-rs: linear
    time, or a bounded backtracker), also where a rejected value is explained: Python's re, which
    explained them, took hours on a casebook schema's `^(a+)+$` and a value of 40 characters. Python's
    re only where jsonschema-rs cannot compile the pattern (`strict`: then no match where re cannot either)."""
    rust = _rust_pattern(pattern)
    if rust is not None:
        return bool(rust.is_valid(text))
    try:
        return re.search(ecma_regex(pattern), text) is not None
    except re.error:  # as jsonschema itself does with a pattern re cannot compile
        if strict:
            return False
        return re.search(pattern, text) is not None


@functools.lru_cache(maxsize=512)
def _rust_pattern(pattern: str) -> Any:
    """jsonschema-rs's validator of one `pattern` (its regex engine never backtracks without bound:
    a schema's `^(a+)+$` against 40 characters took Python's re hours), or None."""
    try:
        import jsonschema_rs

        return jsonschema_rs.Draft202012Validator({"type": "string", "pattern": pattern})
    except Exception:  # (not installed, or a pattern it cannot compile: Python's re decides)
        return None


def _no_retrieval(uri: str) -> Any:
    from referencing.exceptions import NoSuchResource

    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]  # never fetch a schema from the network


def _no_retrieval_rs(uri: str) -> Any:
    raise ValueError(f"casekit never fetches a schema: {uri}")


def _dates_in(data: Any, depth: int = 0) -> list[dt.date]:
    """The dates (YYYY-MM-DD) a record's front matter holds, at any depth: what a date typed otherwise
    is read against (20.05.26 in a record of 2026)."""
    if isinstance(data, str):
        with contextlib.suppress(ValueError):
            return [dt.date.fromisoformat(data)] if len(data) == 10 else []
        return []
    if depth > 8 or not isinstance(data, (dict, list)):
        return []
    values = data.values() if isinstance(data, dict) else data
    return [d for v in values for d in _dates_in(v, depth + 1)]


def _calendar_date(value: str) -> bool:
    """`format: date` as jsonschema's FormatChecker and the rest of casekit read it (a date Python
    can hold): jsonschema-rs alone passes year 0000 (RFC 3339 allows it), which every rule after
    validation then took for a missing date (a record dated 0000-01-01 passed the check)."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _error_rank(error: ValidationError) -> tuple[int, int]:
    return (len(error.absolute_path), _RANK.get(str(error.validator), 9))


_UNIT = re.compile(r"(-?[0-9]+)\s*(분|점|회|번|명|개|건|원|세|살|일|min|minutes?)")
_HOURS = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*시간(?:\s*([0-9]+)\s*분)?")
# a number said about, as it is spoken (약 40분, 40분 정도, 1시간쯤): the number is what to write
_ABOUT = re.compile(r"^(?:약|대략|한|about|approx\.?)\s*|\s*(?:정도|쯤|가량|남짓|내외|여|approx\.?)$")
# a time said in Korean number words (한 시간, 두 시간 반, 삼십 분, 한 시간 사십오 분): hours counted with
# the native words, as they are spoken (한·두·세·네 … 열두), minutes with the Sino ones (오, 삼십, 사십오);
# 반 is half an hour. Anything else (한두 시간, 서너 시간, 몇 분, 반나절) says no one number: no guess.
_NATIVE_HOURS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
                 "열한": 11, "열두": 12}
_SINO = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
_SPOKEN_TIME = re.compile(  # (read without its spaces: 한시간 반 is 한시간반)
    r"(?:약|대략|about)?(?:(?P<h>[0-9]+|열[한두]|[한두세네]|다섯|여섯|일곱|여덟|아홉|열)시간(?P<half>반)?|(?P<halfhour>반)시간)?"
    r"(?:(?P<m>[0-9]+|[일이삼사오육칠팔구백십]+)분)?(?:정도|쯤|가량|남짓|내외)?")


def _sino_number(words: str) -> int | None:
    """삼십 -> 30, 사십오 -> 45, 백이십 -> 120, 오 -> 5; None for what is not one number (십십, 일십이 is 12)."""
    m = re.fullmatch(r"(?:([이삼사오육칠팔구]?)백)?(?:([이삼사오육칠팔구]?)십)?([일이삼사오육칠팔구]?)", words)
    if m is None or not words:
        return None
    hundreds = (_SINO.get(m.group(1), 1) if "백" in words else 0) * 100
    tens = (_SINO.get(m.group(2), 1) if "십" in words else 0) * 10
    return hundreds + tens + _SINO.get(m.group(3), 0)


def spoken_minutes(text: str) -> tuple[int, bool] | None:
    """(the minutes, whether hours were said) a time said in words means (한 시간 반 -> (90, True), 삼십 분 ->
    (30, False)); None when it is not one clear number of minutes, or holds no number word at all (40분:
    the other hints say those)."""
    if len(text) > 40:
        return None  # (a time said is short)
    m = _SPOKEN_TIME.fullmatch(re.sub(r"(?<![0-9])\s+|\s+(?![0-9])", "", text))  # (1 2시간: not 12)
    if m is None or not (m.group("h") or m.group("halfhour") or m.group("m")):
        return None
    if not re.search(r"[한두세네다여일아열이삼사오육칠팔구백십반]", text):
        return None  # digits alone (1시간 30분, 40분): said by the hints for digits
    hours = m.group("h") or ""
    total = 30 if m.group("halfhour") else 0
    total += (int(hours) if hours.isdigit() else _NATIVE_HOURS[hours]) * 60 if hours else 0
    total += 30 if m.group("half") else 0
    said = m.group("m") or ""
    if said:
        minutes = int(said) if said.isdigit() else _sino_number(said)
        if minutes is None or m.group("half") or (m.group("halfhour") and minutes):
            return None  # 한 시간 반 십 분: not one reading
        total += minutes
    return (total, bool(hours or m.group("halfhour"))) if total else None


def typed_as_number(value: Any, name: str) -> bool:
    """`case: 20260001` in the folder 20260001, `id: 129` in resources/129.md: the id the name
    gives, typed without quotes so YAML read a number. One mistake, said once, by the schema's
    `wrong-type` (which says to quote it), not also as an id that differs from the name."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and str(value) == name


def _type_hint(expected: str, actual: str, resolved: str | None, value: Any = None,
               schema: dict[str, Any] | None = None, key: str = "") -> tuple[str, str]:
    """What to write instead of a value of the wrong type (`key`: how its line starts, `case: ` or
    `- `, for an example written out in full; "" for a value never shown, a sensitive one's)."""
    schema = schema or {}
    if expected in ("integer", "number") and isinstance(value, str):
        written = unicodedata.normalize("NFKC", value).strip().replace(",", "")
        if re.fullmatch(r"-?[0-9]+(?:\.[0-9]+)?", written) and written != value:  # ４０, 1,200
            return (f" 반각 숫자 {written}(으)로 적으세요(전각 숫자나 쉼표는 글자로 읽힙니다).",
                    f" write {written} in ASCII digits (full-width digits and commas read as text).")
        if re.fullmatch(r"-?[0-9]+", written):  # "20": quoted
            return (f" 따옴표 없이 {written}(으)로 적으세요(따옴표 안은 글자로 읽힙니다).",
                    f" write {written} without quotes (quoted, it is text).")
        spoken = spoken_minutes(written)
        if spoken is not None:  # 한 시간 반, 삼십 분: the number the words say
            if spoken[1]:
                return (f" 분으로 바꿔 숫자만 적으세요. 예: {spoken[0]}", f" write the minutes as a number: {spoken[0]}")
            return (f" 분을 숫자로만 적으세요. 예: {spoken[0]}", f" write the minutes as a number: {spoken[0]}")
        about = _ABOUT.sub("", written) or written
        if about != written and re.fullmatch(r"-?[0-9]+", about):  # 약 40
            return (f" 숫자만 적으세요(약·정도 없이). 예: {about}", f" write the number only: {about}")
        written = about
        hours = _HOURS.fullmatch(written)
        if hours is not None:
            minutes = round(float(hours.group(1)) * 60) + int(hours.group(2) or 0)
            return (f" 분으로 바꿔 숫자만 적으세요. 예: {minutes}", f" write the minutes as a number: {minutes}")
        unit = _UNIT.fullmatch(written)
        if unit is not None:
            return (f" 단위({unit.group(2)}) 없이 숫자만 적으세요. 예: {unit.group(1)}",
                    f" write the number without the unit: {unit.group(1)}")
        return (" 숫자만 적으세요(단위나 설명 없이).", " write a number only (no unit or words).")
    if expected == "integer" and isinstance(value, float) and 0 < value < 24 and "분" in str(schema.get("title", "")):
        # minutes: 1.5 (hours typed where minutes are asked): 90, not the 2 a rounding gives
        return (f" 분으로 적으세요: {value:g}시간이면 {round(value * 60)}", f" write minutes: {value:g} hours is {round(value * 60)}")
    if expected == "integer" and isinstance(value, float) and value == value and abs(value) < 1e15:  # 40.5 (not nan, inf)
        return (f" 소수점 없이 정수로 적으세요. 예: {round(value)}", f" write a whole number: {round(value)}")
    if expected == "string" and schema.get("format") == "date" and resolved == "int" and isinstance(value, int):
        digits = str(value)
        serial = excel_date(value)
        if serial is not None:  # date: 46162, a date pasted from Excel as its number
            return (f" 엑셀의 날짜 번호로 보입니다(엑셀에서 {digits}은(는) {serial}): 그날이면 {key}\"{serial}\"처럼 "
                    "적으세요.", f" it looks like Excel's number for a date ({digits} is {serial}): write \"{serial}\".")
        if len(digits) == 8:
            return (f" 날짜는 \"{digits[:4]}-{digits[4:6]}-{digits[6:]}\"처럼 하이픈(-)을 넣어 적으세요.",
                    f" write the date with hyphens: \"{digits[:4]}-{digits[4:6]}-{digits[6:]}\".")
    if expected == "string" and schema.get("format") == "date" and resolved == "bool":
        # `done: 예`, `done: true`: a date field answered as a form's box
        return (" 예/아니오가 아니라 날짜(YYYY-MM-DD)를 적습니다(예: 2026-11-12). 아직 아니라면 이 항목을 지우세요.",
                " write a date (YYYY-MM-DD), not yes or no; leave the field out while it has none.")
    enum = [a for a in (schema.get("enum") or []) if isinstance(a, str)]
    if expected == "string" and resolved == "bool" and enum:
        return (f" YAML이 yes/no/true/false 같은 말을 참·거짓으로 읽었습니다. 이 항목에는 {', '.join(enum)} 가운데 "
                "하나를 적으세요.", f" YAML read a yes/no word as a boolean; write one of {', '.join(enum)}.")
    if expected == "string" and resolved == "bool":
        return (
            " YAML은 yes/no/on/off/true/false를 참·거짓으로 읽습니다. 글자로 쓰려면 따옴표로 감싸세요(예: \"no\").",
            " YAML reads yes/no/on/off/true/false as booleans; quote it to keep the text.",
        )
    if expected == "string" and resolved == "int" and isinstance(value, int) and isinstance(schema.get("pattern"), str):
        # `goal: 1` for G1, `need: 2` for N2: the id the pattern takes with its letters before the number
        # (tried as the validator tries it, in linear time: Python's re took minutes on a casebook's
        # `^G[0-9]((([0-9]+)+)+)+x$` and 18 digits; the pattern whole, as `re.fullmatch` tried it)
        lead = re.match(r"\^([A-Za-z]+)\[0-9\]", schema["pattern"])
        if lead is not None and pattern_matches(f"^(?:{schema['pattern']})$", f"{lead.group(1)}{value}", strict=True):
            ident = f"{lead.group(1)}{value}"
            return (f" {ident}(으)로 적으세요(ID는 앞의 글자까지 씁니다).", f" write {ident} (an id has its letter).")
    if expected == "string" and resolved in ("int", "float") and enum and str(value) not in enum:
        # `status: 80`: quoting it would not make it one of the codes
        labels = schema.get("x-enum-labels") or {}
        codes = enum
        said = percent_hint(float(value), codes, labels) if isinstance(value, (int, float)) else None
        allowed = ", ".join(f"{c}({labels[c]})" if c in labels else c for c in codes)
        return (said[0] if said else f" 정해진 코드 중 하나를 적으세요: {allowed}",
                said[1] if said else f" write one of the codes: {', '.join(codes)}")
    if expected == "string" and resolved == "int" and isinstance(value, int) and not isinstance(value, bool) and key:
        # `case: 20260001`, `id: 129` (a resource), `worker: 1234`: an id typed as digits, which YAML reads as a number
        pattern, text = schema.get("pattern"), str(value)
        if isinstance(pattern, str) and not pattern_matches(pattern, text):  # (quoting it would not do)
            told = f": {schema['description']}" if schema.get("description") else "."
            return (f" YAML이 숫자로 읽었고, 따옴표로 감싸도 이 항목의 형식에 맞지 않습니다{told}",
                    " YAML read it as a number, and quoted it would not fit the field's form either.")
        return (f" YAML이 숫자로 읽었습니다. ID처럼 글자로 쓰려면 따옴표로 감싸세요: {key}\"{text}\"",
                f" YAML read it as a number; quote it to keep the text: {key}\"{text}\"")
    if expected == "string" and resolved in ("int", "float"):
        return (
            " YAML이 숫자로 읽었습니다(010, 1e3, 1_000 등). 글자로 쓰려면 따옴표로 감싸세요.",
            " YAML read it as a number (010, 1e3, 1_000...); quote it to keep the text.",
        )
    if expected == "string" and resolved == "null":
        return (" 값이 비어 있습니다.", " the value is empty.")
    if expected == "boolean" and actual == "string":
        word = str(value).strip().lower() if isinstance(value, str) else ""
        meant = "true" if word in _YES else "false" if word in _NO else None
        if word in ("true", "false"):  # "true": quoted, it is text
            return (f" 따옴표를 지우고 {word}로 적으세요(따옴표 안은 글자로 읽힙니다).",
                    f" write {word} without quotes (quoted, it is text).")
        if meant is not None:  # 예, 아니오: what the form's 예/아니오 box means
            return (f" '{value}' 대신 {meant}로 적으세요(true 또는 false).", f" write {meant} (true or false).")
        return (" true 또는 false로 적으세요.", " write true or false.")
    if expected == "array" and isinstance(value, str) and value.strip()[:1] in LIST_SIGNS:
        sign = value.strip()[0]
        return (f" 목록 표시가 '{sign}'입니다: 목록은 '- '(반각 하이픈과 공백)으로 쓰세요. 예: - {value.strip()[1:].strip()}",
                f" the list item starts with '{sign}': start list items with '- '")
    found = schema.get("items")
    entry: dict[str, Any] = found if isinstance(found, dict) else {}
    props = entry.get("properties") if isinstance(entry.get("properties"), dict) else {}
    numbered_keys = [(m, v) for k, v in value.items() if isinstance(k, str) and (m := _NUMBERED_KEY.fullmatch(k))] \
        if expected == "array" and isinstance(value, dict) and props else []
    if numbered_keys:
        # `goals:` then `  1. id: G1`, `  2. id: G2`: entries numbered, read as keys '1. id' and '2. id'
        marks = " ".join(dict.fromkeys(m.group(1) for m, _ in numbered_keys[:3]))

        def shown_value(key: str, v: Any) -> str:  # (a value shown only where nothing sensitive may stand)
            sub = (props or {}).get(key)
            plain = isinstance(sub, dict) and not sub.get("x-sensitive") and not schema.get("x-sensitive") \
                and key not in SENSITIVE_KEYS and not isinstance(v, (dict, list)) and v is not None
            return _short(v, 30) if plain else "…"
        shown = ", ".join(f"'  - {m.group(2)}: {shown_value(m.group(2), v)}'" for m, v in numbered_keys[:3]) \
            + (" …" if len(numbered_keys) > 3 else "")
        return (f" 목록의 항목은 번호({marks}) 대신 '- '로 시작합니다. 항목마다 번호를 '- '로 바꾸고, 그 아래 키들은 '- ' "
                f"뒤의 첫 키와 같은 칸에 맞춰 쓰세요: {shown}",
                f" a list's entries start with '- ', not a number ({marks}): put '- ' for each number and line the keys "
                f"below it up with the first key after it: {shown}")
    if expected == "array" and isinstance(value, dict) and value and props and not any(k in props for k in value):
        # `progress:` then `  G1: achieved`: keyed by goal, where the list wants an entry of keys per goal
        shape = _entry_shape(entry)
        return (f" 목록의 항목마다 '- '로 시작해 '키: 값'으로 나눠 적으세요(둘째 키부터는 '-' 없이 두 칸 더 들여): "
                f"{shape}", f" one entry each, of keys and values: {shape}")
    if expected == "array" and isinstance(value, dict) and value and isinstance(next(iter(value)), str):
        # `handovers:` then `  date: …` / `  from: …`: an entry's keys without the `- ` that makes it one
        first = next(iter(value))
        return (f" 목록의 항목은 '- '로 시작합니다: 항목마다 첫 키 앞에 '- '를 붙이세요(예: - {first}: …, 다음 키들은 "
                "'-' 없이 두 칸 더 들여).", f" a list's entries start with '- ': put one before each entry's first key "
                f"(- {first}: …)")
    numbered = numbered_items(value) if expected == "array" and isinstance(value, str) else None
    if numbered is not None and not entry.get("properties"):
        # `presenting_problems:` then `  1. …`, `  2. …` (or 1) 2), ① ②): YAML folds the lines into one text
        shown, shown_en = _listed([_short(item, 30) for item in numbered], bool(schema.get("x-sensitive")))
        return (f" YAML은 번호 붙인 줄들을 한 글로 이어 읽습니다. 번호({numbered_marks(value)}) 대신 항목마다 '- '로 "
                f"시작하세요: {shown}",
                f" YAML folds numbered lines into one text: start each item with '- ' instead of a number: {shown_en}")
    if expected == "array" and isinstance(value, str) and value.strip() and entry.get("properties"):
        # `progress: G1 달성, G2 진행중`, `results: 모두 달성`: a list of entries of several keys each
        shape = _entry_shape(entry)
        return (f" 이 키 다음 줄부터 항목마다 '- '로 시작해 '키: 값'으로 나눠 적으세요(둘째 키부터는 '-' 없이 두 칸 더 "
                f"들여): {shape}", f" one entry a line below the key, each of keys and values: {shape}")
    if expected == "array" and isinstance(value, str) and value.strip():
        # `resources: a, b` or one item on the key's line: YAML reads a text, the form wants a list
        items = [part.strip() for part in re.split(r"[,、，;/·]", value) if part.strip()]
        shown, shown_en = _listed(items, bool(schema.get("x-sensitive")))
        if len(items) >= 2:
            return (f" 쉼표로 이어 쓰지 말고 이 키 다음 줄부터 한 줄에 하나씩 '- '로 적으세요: {shown}",
                    f" not separated by commas: one item a line below the key, each starting with '- ': {shown_en}")
        return (f" 하나뿐이어도 목록으로, 이 키 다음 줄에 '- '로 적으세요: {shown}",
                f" a list even for one item: on the line below the key, starting with '- ': {shown_en}")
    if expected == "string" and isinstance(value, list) and len(value) >= 2 and schema.get("pattern"):
        first, rest = str(value[0]), ", ".join(str(v) for v in value[1:4])
        return (f" 여기에는 ID 하나만 적습니다. 주된 하나({first})를 적고, 나머지({rest})는 항목을 따로 만들어 적으세요.",
                f" one id only here: write the main one ({first}) and give the others ({rest}) items of their own.")
    return ("", "")


def _listed(items: list[str], secret: bool) -> tuple[str, str]:
    """The first three of `items` as a hint writes them (`'  - 월세 체납', …`), in Korean and English; a
    sensitive list's by their places only (항목 1, item 1): its items are never shown."""
    def lines(words: list[str]) -> str:
        return ", ".join(f"'  - {word}'" for word in words[:3]) + (" …" if len(items) > 3 else "")

    if secret:
        places = range(1, len(items) + 1)
        return lines([f"항목 {n}" for n in places]), lines([f"item {n}" for n in places])
    return lines(items), lines(items)


# signs people start a list item with instead of YAML's `-` (see source.list_markers)
LIST_SIGNS = frozenset(LIST_MARKERS)

_FIRST_NUMBER = re.compile(r"(?:1[.)]\s+|①\s*)")
# a key YAML read from an entry numbered as a list's item is (`1. id` of `1. id: G1`, `② goal`)
_NUMBERED_KEY = re.compile(r"\s*([0-9]{1,2}[.)]|[\u2460-\u2473])\s*([A-Za-z_][\w.-]*)\s*")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _mark(first: str, n: int) -> str:
    """The mark of item `n` of a list numbered as its first item is (`1.`, `1)`, `①`)."""
    return _CIRCLED[n - 1] if first == "①" else f"{n}{first[1]}"


def numbered_items(text: str) -> list[str] | None:
    """The items of a list written with numbers (`1. 다니던 공장이 … 2. 월세 2개월 체납`, `1) … 2) …`,
    `① … ②`: the lines YAML folded into one text), when it starts at 1 and counts on through two
    items or more, each with words; else None (`1.5배`, a text that only holds a number)."""
    text = text.strip()
    m = _FIRST_NUMBER.match(text)
    if m is None:
        return None
    first = m.group(0).strip()
    items: list[str] = []
    pos, n = m.end(), 2
    while n <= len(_CIRCLED):
        nxt = re.compile(rf"(?:^|\s){re.escape(_mark(first, n))}(?:\s|$)" if first != "①"
                         else re.escape(_mark(first, n))).search(text, pos)
        if nxt is None:
            break
        items.append(text[pos:nxt.start()].strip())
        pos, n = nxt.end(), n + 1
    items.append(text[pos:].strip())
    return items if len(items) >= 2 and all(items) else None


def numbered_marks(text: str) -> str:
    """`1. 2. 3.` (or `1) 2)`, `① ②`): the marks a numbered list (numbered_items) was written with."""
    m = _FIRST_NUMBER.match(text.strip())
    first = m.group(0).strip() if m is not None else "1."
    count = min(len(numbered_items(text) or ()), 3) or 3
    return " ".join(_mark(first, n) for n in range(1, count + 1))


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sensitive_values(data: Any, patterns: list[Path]) -> list[tuple[str, str]]:
    """(field name, value) for every sensitive value present in `data`."""
    out: list[tuple[str, str]] = []
    for pattern in patterns:
        _collect(data, pattern, (), out)
    return out


def _collect(data: Any, pattern: Path, path: Path, out: list[tuple[str, str]]) -> None:
    if not pattern:
        if data is None or isinstance(data, bool):
            return
        if isinstance(data, dict | list):
            for leaf in _leaves(data):
                out.append((field_name(path), leaf))
        else:
            out.append((field_name(path), str(data)))
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for i, item in enumerate(data):
                _collect(item, rest, (*path, i), out)
    elif isinstance(data, dict) and head in data:
        _collect(data[head], rest, (*path, head), out)


def _leaves(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [x for v in data.values() for x in _leaves(v)]
    if isinstance(data, list):
        return [x for v in data for x in _leaves(v)]
    return [] if data is None else [str(data)]


def redact(data: Any, patterns: list[Path]) -> Any:
    """A copy of `data` with every sensitive value removed (the key is dropped)."""
    return _redact(data, _plan(tuple(tuple(p) for p in patterns)))


_DROP: Any = object()  # a key whose value is sensitive as a whole


@functools.lru_cache(maxsize=4096)
def _plan(patterns: tuple[tuple[Any, ...], ...]) -> tuple[bool, dict[Any, Any], Any]:
    """What `patterns` ask of a value, worked out once (a stage's patterns are the same for all its
    records): (drop it whole; by key of a mapping, the plan of its value, or _DROP; the plan of a
    list's items, or None)."""
    if any(len(p) == 0 for p in patterns):
        return True, {}, None
    by_key: dict[Any, list[tuple[Any, ...]]] = {}
    for p in patterns:
        by_key.setdefault(p[0], []).append(p[1:])
    keys = {k: _DROP if any(len(p) == 0 for p in sub) else _plan(tuple(sub)) for k, sub in by_key.items()}
    star = by_key.get("*")
    return False, keys, (_plan(tuple(star)) if star else None)


def _redact(data: Any, plan: tuple[bool, dict[Any, Any], Any]) -> Any:
    drop, keys, items = plan
    if drop:
        return None
    if isinstance(data, dict):
        if not keys:
            return dict(data)
        out = {}
        for k, v in data.items():
            sub = keys.get(k) if isinstance(k, str) else next((s for key, s in keys.items() if key == k), None)
            if sub is None:
                out[k] = v
            elif sub is not _DROP:
                out[k] = _redact(v, sub)
        return out
    if isinstance(data, list):
        return [_redact(v, items) for v in data] if items is not None else list(data)
    return data
