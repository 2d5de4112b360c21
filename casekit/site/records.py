"""One case as the site shows it: the core's `casekit.core.case.Case` (episodes, stage, closed, the
current worker after a handover, case type, restricted) plus what only pages need: the redacted
records (data and bodies for display), plans and goals, activities and linked resources. Due
dates are the core's (`case_due`/`case_dues` with the handovers). Nothing here knows MkDocs or HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from casekit.core.case import Case as CaseModel
from casekit.core.due import RISK_RANK, Due, case_due, case_dues
from casekit.core.rules import NOT_ELIGIBLE
from casekit.core.schemas import STAGE_KO, SchemaSet
from casekit.core.summary import Summary

STATE_KO = {"overdue": "기한 지남", "due_soon": "곧 마감", "upcoming": "예정"}
SEVERITY_RANK = {"urgent": 4, "high": 3, "medium": 2, "low": 1}

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
    changed: str | None = None  # "마지막 변경: 날짜 · 담당자" from the git history (casekit.site.practice)
    # where each of the body's links to the casebook leads (casekit.core.links.Targets.resolved): what
    # its page depends on besides the record (a kept page is made again when one leads elsewhere)
    links: tuple[tuple[str, str | None], ...] = ()

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
    """The core model (`model`) for structure; the rest is what pages derive from the redacted records."""

    id: str
    records: list[Record]
    model: CaseModel
    aftercare: bool = False  # closed, follow-up still due
    risk: str | None = None
    assessment: Record | None = None
    plans: list[PlanBlock] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    resources: dict[str, dict[str, int]] = field(default_factory=dict)  # id -> {stage: count}
    due: Due | None = None  # the next thing due (what `casekit status` says)
    dues: list[Due] = field(default_factory=list)  # everything due in the case (`case_dues`)
    due_state: str | None = None
    closure: Record | None = None  # the latest episode's closure
    followup: Record | None = None  # the latest episode's latest follow-up

    @property
    def summaries(self) -> list[Summary]:
        return self.model.records

    @property
    def stage(self) -> str:
        """Where the case stands: a conference does not move the stage (as in `casekit status`)."""
        return self.model.stage or self.records[-1].stage

    @property
    def closed(self) -> bool:
        return self.model.closed

    @property
    def worker(self) -> str | None:
        """Who has the case now, a handover counting from its date."""
        return self.model.worker

    @property
    def past_workers(self) -> set[str]:
        """Everyone who wrote a record or handed the case over."""
        return {r.worker for r in self.records if r.worker} | {h.from_worker for h in self.model.handovers}

    @property
    def episodes(self) -> int:
        return max(1, len(self.model.episodes))

    @property
    def case_type(self) -> str | None:
        return self.model.case_type

    @property
    def restricted(self) -> str | None:
        """The reason the case is 열람 제한 (its narratives are kept off the site), or None."""
        return self.model.restricted

    @property
    def ineligible(self) -> bool:
        ep = self.model.current
        return ep is not None and ep.intake is not None and ep.intake.eligibility in NOT_ELIGIBLE

    @property
    def alias(self) -> str | None:
        if self.restricted:
            return None
        return next((r.alias for r in reversed(self.summaries) if r.stage == "intake" and r.alias), None)

    @property
    def opened(self) -> str | None:
        return self.records[0].date

    @property
    def last_date(self) -> str | None:
        return max((r.date for r in self.records if r.date), default=None)

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

    @property
    def plan_now(self) -> PlanBlock | None:
        """The latest plan of the current episode (a reopened case has none until it is planned again)."""
        if not self.plans or self.plans[-1].plan.episode != self.episodes:
            return None
        return self.plans[-1]

    def open_goals(self) -> list[GoalRow]:
        plan = self.plan_now
        if self.closed or plan is None:
            return []
        return [g for g in plan.goals if g.result is None and g.latest_status != "achieved"]


def number_episodes(records: list[Record], model: CaseModel) -> None:
    """Each record's episode, as the core model splits the case (the rules and due use it too)."""
    starts = [ep.intake.nn for ep in model.episodes[1:] if ep.intake is not None]
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


def make_case(model: CaseModel, records: list[Record], deadlines: dict[str, Any], today: dt.date) -> Case:
    """The site's case over the core model: `records` are the model's records, redacted for display."""
    number_episodes(records, model)
    case = Case(model.id, records, model)
    summaries, handovers = model.records, model.handovers
    case.due = case_due(model.id, summaries, deadlines, handovers, today)  # (as of the site's 기준일, as due --today)
    case.dues = case_dues(model.id, summaries, deadlines, handovers, today)
    case.due_state = case.due.state(today, int(deadlines["due_soon_days"])) if case.due else None
    case.aftercare = case.closed and case.due is not None
    by_rel = {r.rel: r for r in records}
    ep = model.current
    # 위기도 and needs of the current episode: a reopened case is assessed again (미사정 until then)
    case.assessment = by_rel.get(ep.assessment.rel) if ep is not None and ep.assessment is not None else None
    case.risk = model.risk
    if ep is not None:
        case.closure = by_rel.get(ep.closure.rel) if ep.closure is not None else None
        case.followup = by_rel.get(ep.followups[-1].rel) if ep.followups else None
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
