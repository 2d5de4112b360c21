"""`casekit export`: the caseload as rows, one per case (and one per activity), as CSV or JSON.

Every value comes from records with their `x-sensitive` values removed first (the schemas'
sensitive paths, `casekit.core.schemas.redact`), so no sensitive value can reach a column by
accident. A restricted case (열람 제한) keeps its structure only, as on the site: its goals by id
(no text) and its activities without their 내용. With `include_sensitive` each case row also
carries the sensitive values, one column per field (`intake.client.name`, ...), several records'
values joined by " | ", and a restricted case its goals' and activities' text.

What a worker typed into a free text (a goal, an activity's 내용) is published nowhere but may still
hold a client's name, phone or resident number: `casekit check` calls those errors and `casekit
build` refuses them, and without `include_sensitive` the export masks them as the site would, ○
a character (`Masker`): every sensitive value of the casebook and its variants (the given name in
its own case, and any client's or contact's after a cue: 민호 씨), and every phone, resident, card or account number and e-mail address `pii.allow`
does not allow. `Export.masked` counts the texts changed, for the command to say so.

No value carries a control character raw (check calls one `yaml-control-char`): an escape sequence
(`\\x1b]52;…\\x07` sets the clipboard in many terminals, `\\x1b[2J` clears the screen) would be obeyed
by the terminal a CSV is printed to, and openpyxl refuses the C0 controls in a workbook. Every C0/C1
control other than tab, line feed and carriage return, and every bidi control, is written as a
visible escape (`\\x1b`, `\\u202e`), as check's reporters show them (`casekit.core.printable`), in
every format and column; `Export.escaped` lists where, for the command to say so.

XLSX (with the optional `openpyxl`, `pip install 'casekit[xlsx]'`) holds both tables as sheets
and stores every text as text. CSV is written for Excel as much as for programs: UTF-8 with a byte-order mark (Excel then
reads Korean correctly), RFC 4180 quoting and CRLF line ends, and a cell that starts with
= + - @ (or a tab or carriage return; also after white space, and in full-width form: ＝ ＋)
gets a leading apostrophe so a spreadsheet never runs it as a formula.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from casekit.core.case import Case
from casekit.core.casebook import Report
from casekit.core.masking import masked
from casekit.core.needles import sensitive_needles
from casekit.core.pii import find_pii
from casekit.core.printable import printable
from casekit.core.rules import episodes
from casekit.core.schemas import STAGE_KO, redact, sensitive_values
from casekit.core.sensitive import SensitiveIndex
from casekit.core.summary import Summary

CASE_COLUMNS = [
    ("case", "사례 번호"), ("stage", "현재 단계"), ("stage_ko", "현재 단계(한글)"), ("status", "상태"),
    ("intake_date", "접수일"), ("reopened", "재개 여부"), ("closure_date", "종결일"), ("worker", "담당자"),
    ("risk_level", "위기도"), ("case_type", "대상자 구분"), ("risk_score", "위기도 점수"), ("restricted", "열람 제한"),
    ("need_domains", "욕구 영역"), ("goals", "목표"), ("results", "목표별 최근 결과"),
    ("conferences", "사례회의 수"), ("closure_reason", "종결 사유"), ("records", "기록 수"), ("last_date", "마지막 기록일"),
]
ACTIVITY_COLUMNS = [
    ("case", "사례 번호"), ("record", "기록"), ("date", "활동일"), ("type", "활동 유형"), ("type_ko", "활동 유형(한글)"),
    ("goal", "목표"), ("resource", "자원"), ("minutes", "시간(분)"), ("worker", "담당자"), ("summary", "내용"),
]
SENSITIVE_WARNING = (
    "경고: --include-sensitive로 민감 정보(이름, 주민등록번호, 연락처, 주소 등)를 함께 내보냅니다. "
    "이 파일은 외부로 보내거나 공유 폴더에 두지 말고, 쓰고 나면 지우세요 (sensitive values included)."
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Export:
    cases: list[dict[str, Any]] = field(default_factory=list)
    activities: list[dict[str, Any]] = field(default_factory=list)
    sensitive_columns: list[str] = field(default_factory=list)
    masked: list[tuple[str, str]] = field(default_factory=list)  # (case, what) of each text masked
    escaped: list[tuple[str, str]] = field(default_factory=list)  # (case, what) of each value with a control escaped


class Masker:
    """A free text as an export without `include_sensitive` shows it: the casebook's sensitive
    values and their variants (see `casekit.core.sensitive`; a given name in its own case, or after a cue),
    and the personal numbers `casekit.core.pii` finds, as ○ (separators kept)."""

    def __init__(self, report: Report) -> None:
        self.index = SensitiveIndex(sensitive_needles(report))
        self.allow = report.config.pii_allow
        self.masked: list[tuple[str, str]] = []

    def __call__(self, text: Any, case: str, what: str) -> Any:
        if not isinstance(text, str) or not text:
            return text
        out = self.index.mask(text, markdown=False, scope=f"cases/{case}/") if self.index else text
        hits = list(find_pii(out, self.allow))
        for _code, offset, found in reversed(hits):
            out = out[:offset] + masked(found, digits_only=True) + out[offset + len(found):]
        if out != text:
            self.masked.append((case, what))
        return out


def _escaped(value: Any) -> Any:
    """`value` (a text, or a list or dict of them) with every control character but tab, LF and CR,
    and every bidi control, written as a visible escape (`casekit.core.printable`)."""
    if isinstance(value, str):
        return printable(value, lines=True)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {_escaped(k): _escaped(v) for k, v in value.items()}
    return value


def _escape_row(row: dict[str, Any], columns: list[tuple[str, str]], case: str, where: str,
                escaped: dict[tuple[str, str], None]) -> None:
    """Each value of `row` escaped (`_escaped`), and where one changed noted in `escaped`."""
    names = dict(columns)
    for key, value in row.items():
        clean = _escaped(value)
        if clean != value:
            row[key] = clean
            escaped.setdefault((case, f"{where}{names.get(key) or ('민감 정보' if key == 'sensitive' else key)}"))


def _data(report: Report, record: Summary, include_sensitive: bool) -> dict[str, Any]:
    parsed = report.parsed.get(record.rel)
    data = parsed.data if parsed is not None and isinstance(parsed.data, dict) else {}
    if include_sensitive:
        return data
    return redact(data, report.schemas.sensitive_paths.get(record.stage, [])) or {}


def _label(report: Report, kind: str, path: tuple[Any, ...], value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return report.schemas.enum_labels(kind, path).get(value, value)


def build(report: Report, *, activities: bool = False, include_sensitive: bool = False) -> Export:
    """Rows from a `check(root, keep=True)` report (parsed records kept)."""
    out = Export()
    sensitive_seen: dict[str, None] = {}
    escaped: dict[tuple[str, str], None] = {}
    mask = None if include_sensitive else Masker(report)
    for case, records in sorted(report.summaries.items()):
        if not records:
            continue
        row = _case_row(report, case, records, include_sensitive)
        if mask is not None:
            row["goals"] = [mask(g, case, f"목표 {g.split(' ', 1)[0]}") for g in row["goals"]]
        _escape_row(row, CASE_COLUMNS, case, "", escaped)
        if include_sensitive:
            for key in row["sensitive"]:
                sensitive_seen.setdefault(key)
        out.cases.append(row)
        if activities:
            rows = _activity_rows(report, case, records, include_sensitive)
            if row["restricted"] and not include_sensitive:  # 열람 제한: what was done, not the narrative
                for act in rows:
                    act["summary"] = None
            elif mask is not None:
                for act in rows:
                    act["summary"] = mask(act["summary"], case, f"{act['record'].rsplit('/', 1)[-1]} 활동 {act['date']}")
            for act in rows:
                _escape_row(act, ACTIVITY_COLUMNS, case, f"{act['record'].rsplit('/', 1)[-1]} 활동 {act['date']} ", escaped)
            out.activities += rows
    out.sensitive_columns = sorted(sensitive_seen)
    out.masked = mask.masked if mask is not None else []
    out.escaped = list(escaped)
    return out


def _case_row(report: Report, case: str, records: list[Summary], include_sensitive: bool) -> dict[str, Any]:
    ep = episodes(records)[-1]
    last = records[-1]
    data = {r.rel: _data(report, r, include_sensitive) for r in records}
    needs = []
    if ep.assessment is not None:
        for need in data[ep.assessment.rel].get("needs") or []:
            domain = need.get("domain") if isinstance(need, dict) else None
            label = _label(report, "assessment", ("needs", "*", "domain"), domain)
            if label and label not in needs:
                needs.append(label)
    goals, results = _goals(report, ep, records, data)
    model = Case.of(case, records, report.handovers.get(case))  # the one case model: a 사례회의 does not move the stage
    if model.restricted and not include_sensitive:  # 열람 제한: the goals by id, never their text
        goals = [g.split(" ", 1)[0] for g in goals]
    stage = model.stage or last.stage
    start = ep.intake.nn if ep.intake is not None else 0  # 대상자 구분 of the current episode (decided again after a reopening)
    selection = next((r for r in reversed(records) if r.case_type and r.nn >= start), None)
    row: dict[str, Any] = {
        "case": case,
        "stage": stage,
        "stage_ko": STAGE_KO.get(stage, stage),
        "status": "종결" if ep.closure is not None else "진행 중",
        "intake_date": ep.intake.date if ep.intake else None,
        "reopened": bool(ep.intake and ep.intake.reopening),
        "closure_date": ep.closure.date if ep.closure else None,
        "worker": model.worker,
        "risk_level": _label(report, "assessment", ("risk_level",), ep.assessment.risk) if ep.assessment else "",
        "case_type": _label(report, "assessment", ("selection", "case_type"), model.case_type) if model.case_type else "",
        "risk_score": selection.risk_score if selection is not None else None,
        "restricted": _label(report, "intake", ("restricted", "reason"), model.restricted) if model.restricted else "",
        "conferences": len(model.conferences),
        "need_domains": needs,
        "goals": goals,
        "results": results,
        "closure_reason": _label(report, "closure", ("reason",), ep.closure.reason) if ep.closure else "",
        "records": len(records),
        "last_date": last.date,
    }
    if include_sensitive:
        sens: dict[str, list[str]] = {}
        for r in records:
            for name, value in sensitive_values(data[r.rel], report.schemas.sensitive_paths.get(r.stage, [])):
                values = sens.setdefault(f"{r.stage}.{name}", [])
                if value not in values:
                    values.append(value)
        row["sensitive"] = sens
    return row


def _goals(report: Report, ep: Any, records: list[Summary], data: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """The latest plan's goals, and each goal's latest result (closure result, else latest progress)."""
    if ep.plan is None:
        return [], []
    goals = [f"{gid} {text}".strip() for gid, text in ep.plan.goals.items()]
    latest: dict[str, str] = {}
    for r in records:
        if r.nn <= ep.plan.nn:
            continue
        if r.stage == "monitoring":
            items, kind, key = data[r.rel].get("progress"), "monitoring", ("progress", "*", "status")
        elif r.stage == "closure":
            items, kind, key = data[r.rel].get("results"), "closure", ("results", "*", "result")
        else:
            continue
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("goal"), str):
                latest[item["goal"]] = _label(report, kind, key, item.get(key[-1]))
    return goals, [f"{gid}: {latest[gid]}" for gid in ep.plan.goals if latest.get(gid)]


def _activity_rows(report: Report, case: str, records: list[Summary], include_sensitive: bool) -> list[dict[str, Any]]:
    rows = []
    for r in records:
        if r.stage != "intervention":
            continue
        for act in _data(report, r, include_sensitive).get("activities") or []:
            if not isinstance(act, dict):
                continue
            rows.append({
                "case": case, "record": r.rel, "date": act.get("date"), "type": act.get("type"),
                "type_ko": _label(report, "intervention", ("activities", "*", "type"), act.get("type")),
                "goal": act.get("goal"), "resource": act.get("resource"),
                "minutes": act.get("minutes") if isinstance(act.get("minutes"), int) else None,
                "worker": r.worker, "summary": act.get("summary"),
            })
    return rows


def plain_cell(value: Any) -> str | int:
    """A cell's value: lists joined by "; ", booleans as 예/아니오, nothing as an empty text; a control
    character (but tab, LF, CR) or a bidi control as a visible escape (`_escaped`), so no cell holds
    what a terminal would obey or openpyxl refuses, whatever `Export` it comes from."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, int):
        return value
    if isinstance(value, list):
        return printable("; ".join(str(v) for v in value), lines=True)
    return printable(str(value), lines=True)


def safe_cell(value: Any) -> str | int:
    """A CSV cell: a text that starts like a formula gets a leading apostrophe (never run by a
    spreadsheet), also after white space (` =1+1`: a spreadsheet may trim it on import) and in its
    full-width or small forms (`＝`, `＋`, `﹦`: Excel in a Korean or Japanese locale reads them as
    = + when a cell is entered), and after invisible format characters (a zero-width space, a
    byte-order mark, a soft hyphen: `\u200b=1+1`, which another spreadsheet or a cleaning script may
    drop)."""
    cell = plain_cell(value)
    if not isinstance(cell, str):
        return cell
    head = cell[_visible_start(cell):]
    if cell.startswith(_FORMULA_START) or (head and unicodedata.normalize("NFKC", head[0]).startswith(_FORMULA_START)):
        return "'" + cell
    return cell


def _visible_start(cell: str) -> int:
    """Where `cell` starts past white space and invisible format characters (Unicode's Cf:
    zero-width space and joiners, word joiner, byte-order mark, soft hyphen, tags)."""
    i = 0
    while i < len(cell) and (cell[i].isspace() or unicodedata.category(cell[i]) == "Cf"):
        i += 1
    return i


def _table(rows: list[dict[str, Any]], columns: list[tuple[str, str]], sensitive: list[str]) -> list[list[Any]]:
    """Header row (Korean) and the rows' values, sensitive columns last."""
    out: list[list[Any]] = [[ko for _, ko in columns] + [f"민감:{name}" for name in sensitive]]
    for row in rows:
        values = [row.get(key) for key, _ in columns]
        out.append(values + [" | ".join(row.get("sensitive", {}).get(name, [])) for name in sensitive])
    return out


def to_xlsx(export: Export, activities: bool) -> bytes:
    """An Excel workbook (openpyxl, the `xlsx` extra): sheet 사례, and 활동 with `activities`. Every text
    is stored as text, so a value that looks like a formula is shown, never computed."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    tables = [("사례", _table(export.cases, CASE_COLUMNS, export.sensitive_columns))]
    if activities:
        tables.append(("활동", _table(export.activities, ACTIVITY_COLUMNS, [])))
    for title, table in tables:
        sheet = book.create_sheet(title)
        for values in table:
            cells = []
            for value in values:
                cell = WriteOnlyCell(sheet, value=plain_cell(value))
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # not "f": text that starts with = stays text
                cells.append(cell)
            sheet.append(cells)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def to_csv(rows: list[dict[str, Any]], columns: list[tuple[str, str]], sensitive: list[str] | None = None) -> str:
    """RFC 4180 CSV (CRLF, quotes doubled) with a BOM; Korean headers as a worker reads them."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows([safe_cell(v) for v in values] for values in _table(rows, columns, sensitive or []))
    return "\ufeff" + buf.getvalue()


def to_json(export: Export, activities: bool) -> str:
    payload: dict[str, Any] = {"cases": export.cases}
    if activities:
        payload["activities"] = export.activities
    payload = _escaped(payload)  # (json escapes C0 controls itself, but not C1 ones or bidi controls)
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render(export: Export, fmt: str, activities: bool) -> str:
    """The whole export as one text: JSON (cases, and activities when asked), or CSV: one table per
    file, so the case rows, or with `activities` the activity rows."""
    if fmt == "json":
        return to_json(export, activities)
    if activities:
        return to_csv(export.activities, ACTIVITY_COLUMNS)
    return to_csv(export.cases, CASE_COLUMNS, export.sensitive_columns)


__all__ = ["ACTIVITY_COLUMNS", "CASE_COLUMNS", "SENSITIVE_WARNING", "Export", "build", "plain_cell", "render", "safe_cell", "to_csv", "to_xlsx"]
