"""What the case page shows of practice beyond the process, read from the redacted records of one case:
사례회의, consent entries, the household, 대상자 구분, cultural fields, handovers and each record's last
change in the git history. Also what a restricted case (열람 제한) keeps of its records: only the
structure, so no page function can publish its narratives. Nothing here knows MkDocs or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from casekit.core.history import History

# what a restricted case's records keep: the structure of the case, never a narrative
RESTRICTED_KEEP = ("case", "stage", "date", "worker", "type", "kind", "risk_level", "decision", "next_review",
                   "review_date", "next_meeting", "status", "reason")
# the cultural fields of an intake's `client`, in the order the page shows them
CULTURE_KEYS = ("language", "interpreter", "multicultural", "nationality", "disability", "communication_needs")


def restricted_data(stage: str, data: dict[str, Any]) -> dict[str, Any]:
    """A restricted case's record reduced to its structure: dates, stage, worker, codes. Free text,
    lists of needs, goals, activities, participants, household members and bodies are gone."""
    out = {k: data[k] for k in RESTRICTED_KEEP if k in data and not isinstance(data[k], dict | list)}
    if stage != "closure":  # a closure's reason is a code; elsewhere `reason` may be prose
        out.pop("reason", None)
    selection = data.get("selection")
    if isinstance(selection, dict):
        out["selection"] = {k: selection[k] for k in ("case_type", "risk_score") if k in selection}
    return out


def change_text(hist: History | None, rel: str) -> str | None:
    """"마지막 변경: 날짜 · 담당자" for a record, from the history loaded once per build; None outside git.
    Never a commit subject or an e-mail address."""
    if hist is None or not hist.available:
        return None
    if rel in hist.uncommitted:
        return "커밋 전 변경"
    change = hist.last_change(rel)
    if change is None:
        return None
    day = f"{change.day} 또는 그 이전" if change.cut else change.day
    return f"{day} · {change.who_ko}"


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


@dataclass
class Participant:
    agency: str
    role: str
    resource: str | None = None


@dataclass
class Task:
    task: str
    who: str
    due: str | None
    goal: str | None = None
    done: str | None = None


@dataclass
class Conference:
    rel: str
    anchor: str
    date: str | None
    kind: str | None
    participants: list[Participant] = field(default_factory=list)  # by agency and role: never a name
    decisions: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    next_meeting: str | None = None
    selection: dict[str, Any] | None = None


def conference(rel: str, anchor: str, data: dict[str, Any]) -> Conference:
    out = Conference(rel, anchor, _str(data.get("date")), _str(data.get("kind")), next_meeting=_str(data.get("next_meeting")))
    for p in data.get("participants") or []:
        if isinstance(p, dict) and _str(p.get("agency")) and _str(p.get("role")):
            out.participants.append(Participant(p["agency"], p["role"], _str(p.get("resource"))))
    out.decisions = [d for d in data.get("decisions") or [] if _str(d)]
    for t in data.get("tasks") or []:
        if isinstance(t, dict) and _str(t.get("task")):
            out.tasks.append(Task(t["task"], _str(t.get("who")) or "-", _str(t.get("due")), _str(t.get("goal")),
                                  _str(t.get("done"))))
    if isinstance(data.get("selection"), dict):
        out.selection = data["selection"]
    return out


@dataclass
class ConsentRow:
    date: str
    scope: str
    action: str
    by: str | None
    relation: str | None  # of a legal representative; never the guardian's name
    method: str | None
    resources: list[str]
    rel: str
    anchor: str


def consent_rows(records: list[Any]) -> list[ConsentRow]:
    """Every dated consent entry of the case, oldest first (a withdrawal is a later entry)."""
    out = []
    for r in records:
        for c in r.data.get("consents") or []:
            if isinstance(c, dict) and _str(c.get("date")) and _str(c.get("scope")) and _str(c.get("action")):
                res = [x for x in c.get("resources") or [] if isinstance(x, str)]
                out.append(ConsentRow(c["date"], c["scope"], c["action"], _str(c.get("by")), _str(c.get("relation")),
                                      _str(c.get("method")), res, r.rel, r.anchor))
    return sorted(out, key=lambda c: c.date)


def selection_of(records: list[Any]) -> tuple[dict[str, Any], Any] | None:
    """The latest 대상자 구분·선정 (case type, risk score, rationale) and the record that decided it."""
    for r in reversed(records):
        sel = r.data.get("selection")
        if isinstance(sel, dict) and sel.get("case_type"):
            return sel, r
    return None


def culture_of(records: list[Any]) -> dict[str, Any]:
    """Language, interpreter, 다문화, nationality, disability and communication needs from the latest intake."""
    for r in reversed(records):
        client = r.data.get("client") if r.stage == "intake" else None
        if isinstance(client, dict):
            return {k: client[k] for k in CULTURE_KEYS if k in client and client[k] not in (None, "")}
    return {}


__all__ = ["CULTURE_KEYS", "Conference", "ConsentRow", "change_text", "conference", "consent_rows", "culture_of",
           "restricted_data", "selection_of"]
