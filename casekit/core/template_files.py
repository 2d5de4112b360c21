"""The casebook's record templates (`templates/<stage>.md`), checked as `casekit new` and `add` use them.

`new` and `add` copy a template into every record they write, filling `{{case}}`, `{{date}}`,
`{{worker}}`, `{{goal_ids}}` and one `{{#goals}}…{{/goals}}` block per goal (casekit.core.scaffold):
a template that cannot be read as YAML, whose front matter is no mapping, whose `stage:` is another
stage's or that names a field the stage's schema does not know makes every such record broken. Its
`"<…>"` values are the worker's to fill (the records' `placeholder` findings say so), never
findings of the template. The tokens are filled on their own lines, so a finding keeps the
template's line and column.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from casekit.core.findings import Finding, finding
from casekit.core.hints import close_to
from casekit.core.names import inside
from casekit.core.schemas import STAGES, SchemaSet
from casekit.core.source import read_file, split

FOLDER = "templates"
# what scaffold.render fills, each with a value a record may hold; `{{#goals}}`/`{{/goals}}` become
# blank (their lines stay, so the lines below keep their numbers)
_FILLED = {"case": "2026-0001", "date": "2026-01-01", "worker": "kim.sw", "goal_ids": "G1", "goal.id": "G1",
           "goal.text": "목표", "#goals": "", "/goals": ""}
_TOKEN = re.compile(r"\{\{\s*([#/^]?\s*[A-Za-z_][\w.]*)\s*\}\}")
# what a template is judged on: the front matter as read, and the field names the schema knows
_KEPT_CODES = frozenset({"unknown-field", "required"})


def check_templates(root: Path, schemas: SchemaSet) -> list[Finding]:
    """Findings for the casebook's `templates/` (none when it has none: the shipped ones stand in).
    A link out of the casebook is `templates_outside`'s, a file in the folder's place `folder-not-folder`."""
    folder = root / FOLDER
    if not folder.is_dir() or not inside(root, folder):
        return []
    try:
        names = sorted(e.name for e in os.scandir(folder) if not e.name.startswith("."))
    except OSError:
        return []
    out: list[Finding] = []
    for name in names:
        rel = f"{FOLDER}/{name}"
        path = folder / name
        stem, ext = os.path.splitext(name)
        if ext == ".md" and stem in STAGES and inside(root, path) and path.exists() and not path.is_file():
            out.append(finding("file-unreadable", rel, None, None, reason=_not_a_file(path)))
            continue  # (`new`/`add` pass over it: said here, at its place, not as a template missing)
        if ext.lower() != ".md" or path.is_dir():
            continue  # (notes beside the templates: never used, nothing to say)
        if stem not in STAGES or ext != ".md":  # (`plan.MD`: `new` and `add` read plan.md only)
            meant = stem if stem in STAGES else close_to(stem, STAGES)
            hint = (f" 혹시 {meant}.md인가요? 이름을 바꾸세요.", f"; did you mean {meant}.md? rename it") if meant \
                else ("", "")
            out.append(finding("template-unused", rel, None, None, name=name, stages=", ".join(STAGES),
                               hint=hint[0], hint_en=hint[1]))
            continue
        if not inside(root, path) or not path.is_file():
            continue  # (templates_outside says a link out; `new`/`add` pass over what is no file)
        out += _check_one(str(path), rel, stem, schemas)
    present = {n[:-3] for n in names if n.endswith(".md") and (folder / n).exists()}  # (what is no file: said above)
    missing = [s for s in STAGES if s not in present]
    if missing:
        out.append(finding("template-missing", FOLDER, None, None, stages=", ".join(f"{s}.md" for s in missing)))
    return out


def _not_a_file(path: Path) -> str:
    if path.is_dir():
        return "서식 이름을 한 폴더입니다. 폴더를 옮기거나 이름을 바꾸세요 (a folder named as a template)"
    return "일반 파일이 아닙니다(파이프나 장치). 지우고 서식 파일을 두세요 (not a regular file: a FIFO or a device)"


def _check_one(disk: str, rel: str, stage: str, schemas: SchemaSet) -> list[Finding]:
    text, problems = read_file(disk, rel)
    if text is None:
        return [_invalid(f, rel) for f in problems if f.severity == "error"]
    out: list[Finding] = []
    filled_lines = []
    for number, line in enumerate(text.split("\n"), 1):
        def fill(m: re.Match[str], number: int = number) -> str:
            token = re.sub(r"\s+", "", m.group(1))
            if token in _FILLED:
                return _FILLED[token]
            out.append(finding("template-invalid", rel, number, m.start() + 1, detail=(
                f"알 수 없는 자리 표시 {m.group(0)}입니다. casekit이 채우는 것은 {{{{case}}}}, {{{{date}}}}, "
                f"{{{{worker}}}}, {{{{goal_ids}}}}, {{{{#goals}}}}…{{{{/goals}}}} 안의 {{{{goal.id}}}}와 "
                f"{{{{goal.text}}}}뿐이라, 이 글자는 기록에 그대로 남습니다"), detail_en=(
                f"unknown placeholder {m.group(0)}: casekit fills {{{{case}}}}, {{{{date}}}}, {{{{worker}}}}, "
                "{{goal_ids}}, and {{goal.id}}, {{goal.text}} inside {{#goals}}…{{/goals}}; it stays in the records")))
            return "x"

        filled_lines.append(_TOKEN.sub(fill, line))
    parsed = split("\n".join(filled_lines), rel)
    out += [_invalid(f, rel) for f in parsed.findings if f.severity == "error"]
    data = parsed.data
    if not isinstance(data, dict):
        return out
    written = data.get("stage")
    if written != stage:
        at = parsed.where(("stage",)) if "stage" in data else (parsed.front_line, 1)
        shown = "없습니다" if written is None else f"'{written}'입니다"
        out.append(finding("template-invalid", rel, *at, detail=(
            f"stage 값이 {shown}. 이 서식은 {stage} 기록을 만드니 'stage: {stage}'로 적으세요"),
            detail_en=f"its stage is {written!r}: this template makes {stage} records, write 'stage: {stage}'"))
    if _may_lack_or_add(schemas, stage, data):
        out += [_invalid(f, rel) for f in schemas.validate(stage, parsed, rel) if f.code in _KEPT_CODES]
    return out


# what a template's "<…>" prompts make the compiled validator say, none of which is a field the schema
# does not know or a required one left out (`_KEPT_CODES`)
_PROMPTS_ONLY = frozenset({"Enum", "Pattern", "Format", "Type", "Const", "MinLength", "MaxLength", "Minimum",
                           "Maximum", "ExclusiveMinimum", "ExclusiveMaximum", "MultipleOf", "MinItems", "MaxItems",
                           "UniqueItems"})


def _may_lack_or_add(schemas: SchemaSet, stage: str, data: object) -> bool:
    """Whether the template may leave a required field out or name one the schema does not know: the
    compiled validator's errors are asked first, so that a template whose only errors are its prompts
    (every shipped one) costs no import of the pure-Python validator, which explains: a tenth of a
    warm check of 10,000 cases. Unsure (no compiled validator, an error of another kind): True."""
    kinds = schemas.compiled_error_kinds(stage, data)
    return kinds is None or not kinds <= _PROMPTS_ONLY


def _invalid(f: Finding, rel: str) -> Finding:
    """A finding of the template's text as `template-invalid`, at its place (its words were written for
    a record: the template's are every record's to come)."""
    return finding("template-invalid", rel, f.line, f.column, detail=f.message_ko.rstrip(". "),
                   detail_en=f.message_en.rstrip(". "))
