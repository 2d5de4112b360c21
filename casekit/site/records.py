"""One case as the site shows it: its redacted records, episodes, plans and goals, activities and
linked resources. Derived from the core's summaries and parsed records (no due date is stored:
`due` is the core's `case_due` over the summaries). Nothing here knows MkDocs or HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from casekit.core.due import Due, case_due, is_closed
from casekit.core.rules import NOT_ELIGIBLE, episodes
from casekit.core.schemas import STAGE_KO, SchemaSet
from casekit.core.summary import Summary

STATE_KO = {"overdue": "기한 지남", "due_soon": "곧 마감", "upcoming": "예정"}
SEVERITY_RANK = {"urgent": 4, "high": 3, "medium": 2, "low": 1}
RISK_RANK = {"crisis": 4, "high": 3, "medium": 2, "low": 1}

@dataclass
class Record:
    rel: str
    nn: int
    stage: str
    date: str | None
    worker: str | None
    data: dict[str, Any]  # redacted front matter
    body: str
    qualifier: str | None = None  # 재사정, 수정 계획, 재개 접수 …
    episode: int = 1  # 1 for the first intake's records, 2 after the first reopening …

    @property
    def anchor(self) -> str:
        return f"r{self.nn:02d}"

    @property
    def stage_ko(self) -> str:
        return STAGE_KO.get(self.stage, self.stage)


@dataclass
class GoalRow:
    id: str
    text: str
    need: str | None
    target_date: str | None
    checks: list[tuple[Record, str, str]] = field(default_factory=list)  # (monitoring, status, note)
    result: tuple[Record, str, str] | None = None  # (closure, result, note)
    superseded_by: Record | None = None

    @property
    def latest_status(self) -> str | None:
        return self.checks[-1][1] if self.checks else None


@dataclass
class PlanBlock:
    plan: Record
    goals: list[GoalRow]
    closure: Record | None = None  # the closure that ended this plan's episode, if any


@dataclass
class Activity:
    record: Record
    date: str
    type: str
    goal: str | None
    resource: str | None
    summary: str
    minutes: int | None


@dataclass
class Case:
    id: str
    records: list[Record]
    summaries: list[Summary]
    alias: str | None = None
    stage: str = "intake"
    closed: bool = False
    aftercare: bool = False  # closed, follow-up still due
    ineligible: bool = False
    worker: str | None = None
    past_workers: set[str] = field(default_factory=set)
    risk: str | None = None
    assessment: Record | None = None
    plans: list[PlanBlock] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    resources: dict[str, dict[str, int]] = field(default_factory=dict)  # id -> {stage: count}
    due: Due | None = None
    due_state: str | None = None
    opened: str | None = None
    last_date: str | None = None
    episodes: int = 1
    track: str | None = None
    closure: Record | None = None  # the latest episode's closure
    followup: Record | None = None  # the latest episode's latest follow-up

    @property
    def risk_rank(self) -> int:
        return RISK_RANK.get(self.risk or "", 0)

    @property
    def stage_ko(self) -> str:
        return STAGE_KO.get(self.stage, self.stage)

    @property
    def status(self) -> str:
        if not self.closed:
            return "open"
        return "aftercare" if self.aftercare else "closed"

    @property
    def needs(self) -> list[dict[str, Any]]:
        if self.assessment is None:
            return []
        return [n for n in self.assessment.data.get("needs") or [] if isinstance(n, dict)]

    @property
    def need_domains(self) -> list[str]:
        seen: list[str] = []
        for n in self.needs:
            d = n.get("domain")
            if isinstance(d, str) and d not in seen:
                seen.append(d)
        return seen

    def open_goals(self) -> list[GoalRow]:
        if self.closed or not self.plans:
            return []
        return [g for g in self.plans[-1].goals if g.result is None and g.latest_status != "achieved"]


def number_episodes(records: list[Record], summaries: list[Summary]) -> None:
    """Each record's episode, as the core's `episodes` splits the case (the rules and due use it too)."""
    starts = [ep.intake.nn for ep in episodes(summaries)[1:] if ep.intake is not None]
    for r in records:
        r.episode = 1 + sum(1 for nn in starts if nn <= r.nn)


def qualifier(stage: str, data: dict[str, Any], schemas: SchemaSet) -> str | None:
    if stage == "intake" and isinstance(data.get("reopening"), dict):
        return "재개 접수"
    if stage in ("assessment", "plan"):
        kind = data.get("type")
        if kind in ("reassessment", "revised"):
            return schemas.enum_labels(stage, ("type",)).get(kind, kind)
    return None


def make_case(cid: str, records: list[Record], summaries: list[Summary], deadlines: dict[str, Any], today: dt.date) -> Case:
    case = Case(cid, records, summaries)
    last = records[-1]
    case.stage = last.stage
    case.closed = is_closed(summaries)
    case.worker = next((r.worker for r in reversed(records) if r.worker), None)
    case.past_workers = {r.worker for r in records if r.worker}
    eps = episodes(summaries)
    case.episodes = len(eps)
    intake_rel = eps[-1].intake.rel if eps[-1].intake is not None else None
    case.ineligible = eps[-1].intake is not None and eps[-1].intake.eligibility in NOT_ELIGIBLE
    case.opened = records[0].date
    case.last_date = max((r.date for r in records if r.date), default=None)
    case.due = case_due(cid, summaries, deadlines)
    case.due_state = case.due.state(today, int(deadlines["due_soon_days"])) if case.due else None
    case.aftercare = case.closed and case.due is not None
    for r in reversed(records):
        client = r.data.get("client") if r.stage == "intake" else None
        if isinstance(client, dict) and isinstance(client.get("alias"), str):
            case.alias = client["alias"]
            break
    for r in records:
        if r.rel == intake_rel and isinstance(r.data.get("track"), str):
            case.track = r.data["track"]
    assessments = [r for r in records if r.stage == "assessment"]
    if assessments:
        case.assessment = assessments[-1]
        risk = case.assessment.data.get("risk_level")
        case.risk = risk if isinstance(risk, str) else None
    last_ep = [r for r in records if r.episode == records[-1].episode]
    case.closure = next((r for r in reversed(last_ep) if r.stage == "closure"), None)
    case.followup = next((r for r in reversed(last_ep) if r.stage == "followup"), None)
    case.plans = _plans(records)
    case.activities = _activities(records)
    case.resources = _resources(records)
    return case


def _plans(records: list[Record]) -> list[PlanBlock]:
    """Each plan's goals followed through the monitoring records to the closure (or the next plan)."""
    blocks: list[PlanBlock] = []
    current: PlanBlock | None = None
    for r in records:
        if r.stage == "plan":
            rows = []
            for g in r.data.get("goals") or []:
                if isinstance(g, dict) and isinstance(g.get("id"), str):
                    rows.append(
                        GoalRow(g["id"], _s(g.get("goal")), _opt(g.get("need")), _opt(g.get("target_date")))
                    )
            if current is not None:
                for row in current.goals:
                    if row.result is None:
                        row.superseded_by = r
            current = PlanBlock(r, rows)
            blocks.append(current)
        elif r.stage == "intake":
            current = None
        elif current is not None and r.stage == "monitoring":
            by_id = {row.id: row for row in current.goals}
            for item in r.data.get("progress") or []:
                if isinstance(item, dict) and item.get("goal") in by_id:
                    by_id[item["goal"]].checks.append((r, _s(item.get("status")), _s(item.get("note"))))
        elif current is not None and r.stage == "closure":
            by_id = {row.id: row for row in current.goals}
            for item in r.data.get("results") or []:
                if isinstance(item, dict) and item.get("goal") in by_id:
                    by_id[item["goal"]].result = (r, _s(item.get("result")), _s(item.get("note")))
            current.closure = r
            current = None
    return blocks


def _activities(records: list[Record]) -> list[Activity]:
    out = []
    for r in records:
        if r.stage != "intervention":
            continue
        for a in r.data.get("activities") or []:
            if not isinstance(a, dict):
                continue
            minutes = a.get("minutes")
            out.append(
                Activity(
                    r, _s(a.get("date")) or (r.date or ""), _s(a.get("type")), _opt(a.get("goal")),
                    _opt(a.get("resource")), _s(a.get("summary")),
                    minutes if isinstance(minutes, int) and not isinstance(minutes, bool) else None,
                )
            )
    return sorted(out, key=lambda a: (a.date, a.record.nn))


def _resources(records: list[Record]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}

    def add(rid: Any, stage: str) -> None:
        if isinstance(rid, str) and rid:
            counts = out.setdefault(rid, {})
            counts[stage] = counts.get(stage, 0) + 1

    for r in records:
        d = r.data
        if r.stage == "intake":  # referred elsewhere at intake (referral.referred_to)
            referral = d.get("referral")
            if isinstance(referral, dict):
                add(referral.get("referred_to"), "intake")
        elif r.stage == "closure":  # referred on at closure
            add(d.get("referred_to"), "closure")
        elif r.stage == "assessment":
            for rid in d.get("resources") or []:
                add(rid, "assessment")
        elif r.stage in ("plan", "monitoring", "intervention"):
            key = "activities" if r.stage == "intervention" else "services"
            for item in d.get(key) or []:
                if isinstance(item, dict):
                    add(item.get("resource"), r.stage)
    return out


def _s(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _opt(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
