"""`casekit report`: the counts an agency's monthly report asks for, computed from record dates.

For the month M: cases opened (intakes dated in M, reopenings counted apart), cases closed by
reason (closures dated in M), cases open at the end of M, cases active in M by need domain
(the latest assessment up to the month's end), open cases at the month's end by worker (the
worker then, handovers included), follow-ups done and activities by type in M. Only
closed vocabularies and counts: no sensitive value, no free text.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from casekit.core import clock
from casekit.core.casebook import Report
from casekit.core.export import safe_cell
from casekit.core.handover import current_worker
from casekit.core.hints import attach_particles
from casekit.core.printable import printable
from casekit.core.schemas import SchemaSet

SECTIONS = {
    "opened": "신규 접수",
    "reopened": "재개 접수",
    "closed": "종결(사유별)",
    "open_at_end": "월말 진행 중",
    "need_domains": "욕구 영역별 사례(이달 진행)",
    "workers": "담당자별 월말 진행 사례",
    "followups": "사후관리 실시",
    "activities": "실행 활동(유형별)",
}


@dataclass
class Monthly:
    month: str
    start: dt.date
    end: dt.date
    totals: dict[str, int] = field(default_factory=dict)
    closed: Counter[str] = field(default_factory=Counter)
    need_domains: Counter[str] = field(default_factory=Counter)
    workers: Counter[str] = field(default_factory=Counter)
    activities: Counter[str] = field(default_factory=Counter)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    as_of: dt.date | None = None  # the day counted up to, when the month is not over yet (else None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "month": self.month, "start": self.start.isoformat(), "end": self.end.isoformat(),
            "complete": self.as_of is None, "as_of": (self.as_of or self.end).isoformat(), **self.totals,
            "closed_by_reason": dict(sorted(self.closed.items())),
            "need_domains": dict(sorted(self.need_domains.items())),
            "open_by_worker": dict(sorted(self.workers.items())),
            "activities_by_type": dict(sorted(self.activities.items())),
        }


def month_range(month: str) -> tuple[dt.date, dt.date]:
    """`2026-04` -> (2026-04-01, 2026-04-30); ValueError when it is not a month."""
    year, _, mon = month.partition("-")
    if len(year) != 4 or len(mon) != 2 or not (year + mon).isdigit():
        raise ValueError(month)
    y, m = int(year), int(mon)
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


_MONTH_WORDS = re.compile(r"^\s*(?:([0-9]{4})\s*(?:년|[-./]|)\s*)?([0-9]{1,2})\s*월?\s*$")


def month_hint(text: str) -> str:
    """What a `--month` that is not YYYY-MM should say: '2026-9', '2026.09', '2026년 9월', '202609'
    -> 2026-09로 적으세요; '9월' -> 연도를 넣어; '2026-13' -> 월은 01~12."""
    value = unicodedata.normalize("NFKC", text)
    day = re.fullmatch(r"\s*([0-9]{4})[-./]([0-9]{1,2})[-./][0-9]{1,2}\s*", value)  # a date given for a month
    m = _MONTH_WORDS.match(value) if day is None else None
    year, month = (day.group(1), day.group(2)) if day else (m.group(1), m.group(2)) if m else (None, None)
    if month is None:
        return "달은 YYYY-MM으로 적으세요. 예: --month 2026-09"
    if not 1 <= int(month) <= 12:
        return f"{int(month)}월은 없습니다. 월은 01~12입니다. 예: --month 2026-09"
    if year is not None and int(year) == 0:
        return "0000년은 없습니다. 연도는 0001~9999입니다. 예: --month 2026-09"
    if year is None:
        return f"연도를 넣어 YYYY-{int(month):02d}처럼 적으세요. 예: --month {clock.today().year}-{int(month):02d}"
    return attach_particles(f"{year}-{int(month):02d}(으)로 적으세요. 예: --month {year}-{int(month):02d}")


_KOREAN_MONTH = re.compile(r"\s*([0-9]{4})\s*년\s*([0-9]{1,2})\s*월\s*")


def korean_month(text: str) -> str | None:
    """A month in the Korean spelling, `2026년 11월` (`2026년11월`; also typed unquoted, its two words
    joined again by the caller), as YYYY-MM: '2026-11'. None for anything else (month_hint says it)."""
    m = _KOREAN_MONTH.fullmatch(unicodedata.normalize("NFKC", text))
    if m is None:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    return f"{year:04d}-{month:02d}" if year and 1 <= month <= 12 else None


def before_records_note(month: str, first: dt.date | None) -> str | None:
    """What to say of a month asked for that ends before the first record (`first`): its report is
    all zeros and could be handed in as the month's 실적 (`2025-11`, a year typed wrong for 2026-11).
    None when the month holds or follows records, or nothing is dated."""
    _, end = month_range(month)
    if first is None or end >= first:
        return None
    check = "연도를" if int(month[:4]) != first.year else "달을"
    return attach_particles(f"주의: {month}에는 기록이 없습니다(첫 기록 {first}). {check} 확인하세요 "
                            f"(no records in {month}: the first is dated {first})")


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def compute(report: Report, month: str, today: dt.date | None = None) -> Monthly:
    """The month's counts; `today` inside the month: counted up to it, and said (`as_of`)."""
    start, end = month_range(month)
    out = Monthly(month, start, end, labels=_labels(report.schemas),
                  as_of=today if today is not None and start <= today < end else None)
    totals = Counter({"opened": 0, "reopened": 0, "closed": 0, "open_at_end": 0, "active": 0, "followups": 0})
    for case, records in sorted(report.summaries.items()):
        dated = [r for r in records if (d := _d(r.date)) is not None and d <= (out.as_of or end)]
        opened_at: dt.date | None = None  # the open episode's intake date, walking the records in order
        active = False
        domains: list[str] = []
        for r in dated:
            day = _d(r.date)
            assert day is not None
            in_month = day >= start
            if r.stage == "intake":
                opened_at = day
                if in_month:
                    totals["reopened" if r.reopening else "opened"] += 1
            elif r.stage == "closure":
                if opened_at is not None and day >= start:
                    active = True
                opened_at = None
                if in_month:
                    totals["closed"] += 1
                    out.closed[printable(r.reason) if r.reason else "unknown"] += 1
            elif r.stage == "followup" and in_month:
                totals["followups"] += 1
            elif r.stage == "assessment":
                domains = _domains(report, r.rel)
        for r in dated:
            if r.stage == "intervention":
                out.activities.update(_activities(report, r.rel, start, out.as_of or end))
        if opened_at is not None:
            active = True
            totals["open_at_end"] += 1
            handovers = [h for h in report.handovers.get(case, []) if h.date <= (out.as_of or end).isoformat()]
            out.workers[printable(current_worker(dated, handovers) or "-")] += 1
        if active:
            totals["active"] += 1
            out.need_domains.update(set(domains))
    out.totals = dict(totals)
    return out


def _domains(report: Report, rel: str) -> list[str]:
    parsed = report.parsed.get(rel)
    needs = parsed.data.get("needs") if parsed is not None and isinstance(parsed.data, dict) else None
    return [printable(n["domain"]) for n in needs or [] if isinstance(n, dict) and isinstance(n.get("domain"), str)]


def _activities(report: Report, rel: str, start: dt.date, end: dt.date) -> list[str]:
    parsed = report.parsed.get(rel)
    acts = parsed.data.get("activities") if parsed is not None and isinstance(parsed.data, dict) else None
    out = []
    for act in acts or []:
        if isinstance(act, dict) and isinstance(act.get("type"), str) and isinstance(act.get("date"), str):
            try:
                day = dt.date.fromisoformat(act["date"])
            except ValueError:
                continue
            if start <= day <= end:
                out.append(printable(act["type"]))
    return out


def _labels(schemas: SchemaSet) -> dict[str, dict[str, str]]:
    return {
        "closed": schemas.enum_labels("closure", ("reason",)),
        "need_domains": schemas.enum_labels("assessment", ("needs", "*", "domain")),
        "activities": schemas.enum_labels("intervention", ("activities", "*", "type")),
    }


def rows(m: Monthly) -> list[tuple[str, str, str, int]]:
    """(section, key, Korean label, count): one table for text and CSV."""
    t = m.totals
    out = [("opened", "", SECTIONS["opened"], t["opened"]), ("reopened", "", SECTIONS["reopened"], t["reopened"]),
           ("closed", "", "종결 합계", t["closed"])]
    out += [("closed", k, m.labels["closed"].get(k, k), v) for k, v in _in_order(m.closed, m.labels["closed"])]
    open_label = f"{m.as_of.isoformat()} 현재 진행 중" if m.as_of is not None else SECTIONS["open_at_end"]
    out += [("open_at_end", "", open_label, t["open_at_end"]), ("active", "", "이달 진행 사례", t["active"])]
    out += [("need_domains", k, m.labels["need_domains"].get(k, k), v)
            for k, v in _in_order(m.need_domains, m.labels["need_domains"])]
    out += [("workers", k, k, v) for k, v in sorted(m.workers.items())]
    out += [("followups", "", SECTIONS["followups"], t["followups"])]
    out += [("activities", k, m.labels["activities"].get(k, k), v)
            for k, v in _in_order(m.activities, m.labels["activities"])]
    return out


def _in_order(counts: Counter[str], labels: dict[str, str]) -> list[tuple[str, int]]:
    """`counts` in the schema's order of its values (욕구 영역: 안전, 건강 … 기타 last, as the forms list
    them), then any value the schema does not list, by name."""
    order = {key: i for i, key in enumerate(labels)}
    return sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def note(m: Monthly) -> str | None:
    """What a report of a month not over yet says of its counts (None when the month is over)."""
    if m.as_of is None:
        return None
    return (f"※ 아직 끝나지 않은 달입니다: {m.as_of.isoformat()}까지의 기록으로 센 숫자입니다 "
            f"(월말 진행은 {m.as_of.isoformat()} 현재). 달이 끝난 뒤 다시 뽑으세요.")


def render(m: Monthly, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(m.as_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(["구분(section)", "항목(key)", "이름", "건수"])
        # (a need domain, an activity type, a worker id is a record's own text, valid or not: a
        # value such as `=HYPERLINK(…)` is written as export writes it, never as a formula)
        writer.writerows([safe_cell(cell) for cell in row] for row in rows(m))
        if m.as_of is not None:  # (last: the table above reads as it always does)
            writer.writerow(["as_of", m.as_of.isoformat(), note(m), ""])
        return "\ufeff" + buf.getvalue()
    lines = [f"{m.month} 월간 사례관리 실적 ({m.start.isoformat()} ~ {m.end.isoformat()})"]
    if m.as_of is not None:
        lines.append(f"  {note(m)}")
    section = None
    for sec, key, label, count in rows(m):
        if key and sec != section:
            head = f"담당자별 진행 사례({m.as_of.isoformat()} 현재)" if sec == "workers" and m.as_of else SECTIONS[sec]
            lines.append(f"  {head}:")
        section = sec if key else None
        lines.append(f"    {label}: {count}건" if key else f"  {label}: {count}건")
    return "\n".join(lines) + "\n"


__all__ = ["Monthly", "compute", "month_range", "render", "rows"]
