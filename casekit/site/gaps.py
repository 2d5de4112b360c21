"""자원의 한계: what open cases need and do not get, counted by need domain and by resource.

Derived from the records of each open case's current episode, never stored:
- an *unmet need*: a need of the latest assessment that no goal of the plan made after it addresses;
- an *undelivered service*: a service the latest 점검 (after the latest plan) marks as 일부 제공
  (`partly`) or 제공 안 됨 (`not_delivered`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from casekit.site.indexes import Case, Record, Site


@dataclass(frozen=True)
class Gap:
    case: Case
    kind: str  # unmet | partly | not_delivered
    domain: str | None
    resource: str | None
    text: str  # the need's description or the service's goal


KIND_KO = {"unmet": "계획에 없는 욕구", "partly": "일부 제공", "not_delivered": "제공 안 됨"}


def _latest(records: list[Record], stage: str, after: int = 0) -> Record | None:
    return next((r for r in reversed(records) if r.stage == stage and r.nn > after), None)


def case_gaps(case: Case) -> list[Gap]:
    if case.status != "open":
        return []
    records = [r for r in case.records if r.episode == case.records[-1].episode]
    assessment = _latest(records, "assessment")
    plan = _latest(records, "plan", assessment.nn if assessment else 0)
    if assessment is None or plan is None:
        return []  # waiting for a plan is a deadline (기한), not a gap
    needs = {n["id"]: n for n in assessment.data.get("needs") or [] if isinstance(n, dict) and isinstance(n.get("id"), str)}
    goals: dict[str, dict[str, Any]] = {g["id"]: g for g in plan.data.get("goals") or []
                                        if isinstance(g, dict) and isinstance(g.get("id"), str)}
    covered = {g.get("need") for g in goals.values()}
    out = [Gap(case, "unmet", _str(n.get("domain")), None, _str(n.get("description")) or nid)
           for nid, n in needs.items() if nid not in covered]
    monitoring = _latest(records, "monitoring", plan.nn)
    for item in (monitoring.data.get("services") or []) if monitoring else []:
        if not isinstance(item, dict) or item.get("delivered") not in ("partly", "not_delivered"):
            continue
        goal = goals.get(str(item.get("goal")), {})
        need = needs.get(str(goal.get("need")), {})
        out.append(Gap(case, str(item["delivered"]), _str(need.get("domain")), _str(item.get("resource")),
                       _str(goal.get("goal")) or str(item.get("goal") or "")))
    return out


def site_gaps(site: Site) -> list[Gap]:
    return site.memo("gaps", lambda: [g for case in site.cases.values() for g in case_gaps(case)])


def counts(gaps: list[Gap], by: str) -> dict[str, Counter[str]]:
    """{domain or resource: Counter(kind)}; gaps without one are left out."""
    out: dict[str, Counter[str]] = {}
    for g in gaps:
        key = g.domain if by == "domain" else g.resource
        if key:
            out.setdefault(key, Counter())[g.kind] += 1
    return out


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
