"""What one record contributes to the cross-record rules: small, plain, picklable.

`check_file` reads, parses and validates one file on its own and returns its findings and
this summary, so files can be checked in parallel and cached; the process rules then run
as a cheap second pass over the summaries of a case.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import operator
import pickle
import re
from array import array
from dataclasses import dataclass, field, fields
from itertools import accumulate
from typing import Any

from casekit.core.findings import Finding, finding
from casekit.core.phones import malformed_phones
from casekit.core.schemas import (
    PLACEHOLDER,
    STAGE_KO,
    SchemaSet,
    field_name,
    sensitive_values,
    typed_as_number,
)
from casekit.core.sensitive import values_too_long
from casekit.core.source import Parsed, outside, read_file, split

Where = tuple[int, int]
# (date, scope, action, resources it covers or None for all, by, line, column of its date, line,
# column of its action: where a finding on the decision itself, a refusal later records go against, points)
Consent = tuple[str, str, str, tuple[str, ...] | None, str, int, int, int, int]


@dataclass(slots=True)  # tens of thousands are held at once: no per-instance dict
class Summary:
    rel: str
    case: str
    nn: int
    stage: str
    ok: bool = False  # front matter parsed to a mapping
    date: str | None = None
    where: Where = (1, 1)  # the `stage:` key, or line 1: where record-level findings point
    date_at: Where = (1, 1)
    worker: str | None = None
    worker_at: Where = (1, 1)  # the `worker:` value (a near miss of another record's worker is found there)
    reopening: bool = False
    previous_closure: str | None = None  # a reopening intake's `reopening.previous_closure`
    previous_closure_at: Where = (1, 1)
    eligibility: str | None = None
    risk: str | None = None
    needs: list[str] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict)
    doubled_goals: int = 0  # goal ids given twice in a plan (duplicate-id) or left out (required): as many goals lost their own id
    agreed: bool | None = None
    # (kind, id, line, column): kind is goal | need | resource
    refs: list[tuple[str, str, int, int]] = field(default_factory=list)
    activities: list[tuple[str, int, int]] = field(default_factory=list)  # (date, line, col) of each dated activity
    crisis_activities: list[tuple[int, int]] = field(default_factory=list)  # (line, col) of the dates of crisis ones
    crisis_only: bool = False  # an intervention whose activities are all crisis intervention
    ungoaled: list[tuple[str, int, int]] = field(default_factory=list)  # (type, line, col) of activities without a goal
    progress: list[str] = field(default_factory=list)
    goal_unnamed: bool = False  # a progress or result entry whose goal is left out or empty (or progress itself): its own finding says so
    achieved: list[str] = field(default_factory=list)  # goals a monitoring reports achieved
    decision: str | None = None
    next_review: str | None = None
    review_date: str | None = None
    reason: str | None = None
    reason_note: bool = False
    note_goals: list[str] = field(default_factory=list)  # the goals a closure's reason_note names (G4, G5; G4~G5)
    results: list[str] = field(default_factory=list)
    aftercare_first: str | None = None
    aftercare_none: Where | None = None  # where a closure's aftercare.plan says there is none (없음, 해당 없음 …)
    reopen: bool | None = None
    next_check: str | None = None
    next_at: Where = (1, 1)  # where the record's next date (next_review, aftercare.first_check, next_check) is
    aftercare_done: bool = False
    aftercare_done_at: Where = (1, 1)
    sensitive: list[tuple[str, str]] = field(default_factory=list)
    public_text: str = ""  # the body: where a sensitive value must not appear
    public_line: int = 1
    # the published fields: their texts joined, and (line, column, length) of each, flat (packed:
    # tens of thousands of records are held at once); see public_fields
    public_fields: tuple[str, array[int]] = field(default_factory=lambda: ("", array("I")))
    # --- practice: consent, selection, household, conference, plausibility (issue 11) ---
    kind: str | None = None  # assessment/plan `type`, conference `kind`, follow-up `status`
    kind_at: Where = (1, 1)
    review_at: Where = (1, 1)
    member_refs: list[tuple[str, str, int, int]] = field(default_factory=list)  # (need or goal id, 가구원 id, line, col)
    eligibility_at: Where = (1, 1)
    consents: list[Consent] = field(default_factory=list)
    consent_unclear: bool = False  # a consent entry that could not be read: its own finding says why
    case_type: str | None = None  # 대상자 구분 (selection.case_type)
    case_type_at: Where = (1, 1)
    risk_score: int | None = None
    members: dict[str, str] = field(default_factory=dict)  # 가구원 id -> relation
    member_ages: dict[str, str] = field(default_factory=dict)
    need_members: dict[str, str] = field(default_factory=dict)  # need id -> 가구원 id
    need_severity: dict[str, str] = field(default_factory=dict)  # need id -> its severity (사정)
    goals_at: Where = (1, 1)  # where a plan's `goals` are, a monitoring's `progress`, a closure's `results`
    risk_at: Where = (1, 1)  # where an assessment's `risk_level` is
    goal_needs: dict[str, str] = field(default_factory=dict)
    goal_members: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    goal_targets: list[tuple[str, str, int, int]] = field(default_factory=list)  # (goal, target date, line, col)
    unagreed_goals: list[tuple[str, int, int]] = field(default_factory=list)  # goals not agreed, with no note why
    service_spans: list[tuple[str, str, int, int]] = field(default_factory=list)  # (start, end, line, col of end)
    # a plan's or a monitoring's services: (goal, resource, line, col of the resource)
    services: list[tuple[str, str, int, int]] = field(default_factory=list)
    services_unread: bool = False  # an entry of `services` whose goal or resource is not text (`goal: 2`)
    agreed_reason: bool = False
    agreed_at: Where = (1, 1)
    agreed_on: str | None = None  # a plan's agreement.date
    agreed_on_at: Where = (1, 1)
    reason_at: Where = (1, 1)
    revision_reason: bool = False
    shares: list[tuple[str, str, int, int]] = field(default_factory=list)  # (resource, date, line, col): information given to it
    linking_only: bool = False  # an intervention of linking, coordination, information or crisis work only
    result_values: dict[str, str] = field(default_factory=dict)
    client_words: bool = False
    next_meeting: str | None = None
    open_tasks: list[str] = field(default_factory=list)  # a conference's tasks not done: their due dates
    tasks_done: list[tuple[str, int, int]] = field(default_factory=list)  # (done date, line, col) of its tasks
    tasks_due: list[tuple[str, int, int]] = field(default_factory=list)  # (due date, line, col) of its tasks
    restricted: str | None = None
    alias: str | None = None
    alias_at: Where = (1, 1)
    age_group: str | None = None
    birth: str | None = None  # the client's birth date (intake), to judge it against the record's
    birth_at: Where = (1, 1)
    age_group_at: Where = (1, 1)  # the intake's `client.age_group` value
    resident_at: Where | None = None
    track_at: Where | None = None
    dates: list[tuple[str, int, int]] = field(default_factory=list)  # every date in the front matter
    informal_supports: list[str] = field(default_factory=list)
    goal_ids_at: dict[str, Where] = field(default_factory=dict)  # a plan's goal id -> where it is written
    body_key: str = ""  # a digest of the body's own text, when it has enough to tell a copy (record-copied)
    body_at: int = 1  # the body's first line
    needs_unnamed: int = 0  # an assessment's needs whose id is left out: as many ids the plan may name (required says so)
    members_unread: bool = False  # `household_members` written but not as a list of members: its own finding says so
    alone_at: Where | None = None  # an intake's `client.household` that says the client lives alone (1인 가구, 독거)
    unmet: list[str] = field(default_factory=list)  # a monitoring's goals found stalled or not started

    @property
    def file_name(self) -> str:
        """The record's file name, as findings name another record (03-assessment.md)."""
        return self.rel.rsplit("/", 1)[-1]


def pack_fields(fields: list[tuple[str, int, int]]) -> tuple[str, array[int]]:
    """(text, line, column) of each field, packed as `public_fields` packs them."""
    return "".join(text for text, _, _ in fields), array("I", [n for text, line, col in fields for n in (line, col, len(text))])


def unpack_fields(packed: tuple[str, array[int]]) -> list[tuple[str, int, int]]:
    """(text, line, column) of each field packed by `public_fields`."""
    joined, numbers = packed
    ends = list(accumulate(numbers[2::3]))
    return [(joined[start:end], line, col)
            for start, end, line, col in zip([0, *ends], ends, numbers[0::3], numbers[1::3], strict=False)]


def record_order(r: Summary) -> tuple[int, str, str]:
    """The order of a case's records: by number; two records given one number (a duplicate-number
    error) by date, so that the rules after it judge the case as it happened rather than by the
    letters of the stage names (03-intervention.md before 03-plan.md)."""
    return (r.nn, r.date or "", r.rel)



def named_records(records: list[Summary]) -> dict[str, Any]:
    """The records a finding said once, at the decision they go against, names (an ineligible intake, a
    refused consent): how many (`count`), their file names (`names`, the first five), their stages
    (`what`, in Korean; `what_en`), and every file name (`records`: `rules.said_of` reads it back)."""
    names = list(dict.fromkeys(r.file_name for r in records))
    return {"count": len(names), "names": ", ".join(names[:5]) + (" …" if len(names) > 5 else ""),
            "what": "·".join(dict.fromkeys(STAGE_KO.get(r.stage, r.stage) for r in records)),
            "what_en": "/".join(dict.fromkeys(r.stage for r in records)), "records": ", ".join(names)}


# a goal id in words (G4, g4, G 4), or a run of them (G4~G5, G1-G3): not inside a longer word or number
_GOAL_IN_WORDS = re.compile(r"(?<![A-Za-z0-9])[Gg] ?([0-9]{1,3})(?: *[~〜\-–] *(?:[Gg] ?)?([0-9]{1,3}))?(?![0-9])")


def goals_named(text: str) -> list[str]:
    """The goal ids a text names ("G4, G5는 평가를 원하지 않음", "G4~G5 …"), each once, as the plan writes them."""
    out: dict[str, None] = {}
    for m in _GOAL_IN_WORDS.finditer(text):
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) else first
        for n in range(first, last + 1) if first <= last <= first + 20 else (first, last):
            out[f"G{n}"] = None
    return list(out)

def valid_date(value: Any) -> str | None:
    if isinstance(value, str) and len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return None
        return value
    return None


def parse_file(disk: str, rel: str) -> tuple[Parsed | None, list[Finding]]:
    text, findings = read_file(disk, rel)
    if text is None:
        return None, findings
    parsed = split(text, rel)
    parsed.findings[:0] = findings
    return parsed, parsed.findings


def check_file(
    disk: str, rel: str, case: str, nn: int, stage: str, schemas: SchemaSet
) -> tuple[list[Finding], Summary, Parsed | None]:
    """Read, parse and validate one record; everything it alone can tell."""
    parsed, findings = parse_file(disk, rel)
    if parsed is None:
        return list(findings), Summary(rel=rel, case=case, nn=nn, stage=stage), None
    findings, summary = check_parsed(parsed, rel, case, nn, stage, schemas)
    return findings, summary, parsed


def check_parsed(
    parsed: Parsed, rel: str, case: str, nn: int, stage: str, schemas: SchemaSet
) -> tuple[list[Finding], Summary]:
    """Validate a parsed record and summarize it (its parse findings included)."""
    summary = Summary(rel=rel, case=case, nn=nn, stage=stage)
    if parsed.data is None:
        return list(parsed.findings), summary
    own = schemas.validate(stage, parsed, rel)
    findings = list(parsed.findings)  # (after validating: a value a finding of its key says is not said twice)
    data = parsed.data
    written = data.get("stage")
    content = stage
    if isinstance(written, str) and written != stage and written in STAGE_KO and written in schemas.schemas:
        # an intervention saved as 04-monitoring.md: judged as what it holds when that fits it better (not
        # "progress missing", "activities unknown", "goal not monitored" that only follow from the name)
        odd = [f for f in own if f.code == "odd-character"]  # (said once, by the first validation: values then taken as meant)
        theirs = schemas.validate(written, parsed, rel)
        if len(theirs) < len(own) - len(odd):
            own, content = odd + theirs, written
    findings += own
    summary.ok = True
    if ("stage",) in parsed.positions:
        summary.where = parsed.where(("stage",), key=True)
    if data.get("case") is not None and data.get("case") != case and not typed_as_number(data.get("case"), case):
        line, col = parsed.where(("case",))
        findings.append(finding("case-mismatch", rel, line, col, value=data.get("case"), folder=case))
    if written is not None and written != stage:
        line, col = parsed.where(("stage",))
        # says more than the schema's `const` ("must be 'plan'"): it names the file name as the reason
        findings = [f for f in findings if not (f.code == "wrong-value" and (f.line, f.column) == (line, col))]
        name = f"{nn:02d}-{content}.md"
        advice = (f"내용이 {STAGE_KO[content]}({content}) 기록이어서 그렇게 검사했습니다: 파일 이름을 {name}(으)로 바꾸세요.",
                  f"it reads as a {content} record and was checked as one: rename the file {name}") if content != stage \
            else (f"'stage: {stage}'(으)로 적거나, 다른 단계의 기록이라면 파일 이름을 고치세요.",
                  f"write 'stage: {stage}' or rename the file")
        findings.append(finding("stage-mismatch", rel, line, col, value=written, expected=stage, advice=advice[0],
                                advice_en=advice[1]))
        summary.stage = content
    _summarize(summary, parsed, data, content)
    findings += duplicate_ids(parsed, data, content, rel)
    findings += goals_twice(parsed, data, content, rel)
    findings += activities_twice(parsed, data, content, rel)
    from casekit.core.summary_practice import referral_without_agency, resident_number_mismatch

    findings += referral_without_agency(parsed, data, content, rel)
    findings += resident_number_mismatch(parsed, data, content, rel)
    findings += malformed_phones(parsed, content, rel, schemas)
    patterns = schemas.sensitive_paths.get(content, [])
    findings += values_too_long(parsed, rel, patterns)
    summary.sensitive = [(f, v) for f, v in sensitive_values(data, patterns) if len(v.strip()) >= 2]
    summary.public_text, summary.public_line = parsed.body, parsed.body_line
    own_text = body_words(parsed.body)
    if not own_text and _SECTION.search(parsed.body) and not any(f.code == "placeholder" for f in findings):
        # the template's sections never written in (a record just added: its placeholders say so)
        findings.append(finding("body-empty", rel, parsed.body_line, 1, stage_ko=STAGE_KO.get(content, content)))
    elif len(own_text) >= COPY_MIN_CHARS:
        summary.body_key = hashlib.blake2b(own_text.encode(), digest_size=12).hexdigest()
    summary.body_at = parsed.body_line
    summary.public_fields = public_fields(parsed, patterns)
    return findings, summary


# the lists whose items other records call by id: (key, its items in Korean, in English)
ID_LISTS = {"assessment": ("needs", "욕구", "need"), "plan": ("goals", "목표", "goal")}


def duplicate_ids(parsed: Parsed, data: dict[str, Any], stage: str, rel: str) -> list[Finding]:
    """An id given twice in one list (two needs N1): the second is found at its id, with the line
    of the first and an id not taken yet."""
    if stage not in ID_LISTS:
        return []
    key, kind, kind_en = ID_LISTS[stage]
    items = [(i, item["id"]) for i, item in enumerate(_list(data.get(key)))
             if isinstance(item, dict) and isinstance(item.get("id"), str)]
    taken = {ident for _, ident in items}
    first: dict[str, int] = {}
    out = []
    for i, ident in items:
        line, col = parsed.where((key, i, "id"))
        if ident not in first:
            first[ident] = line
            continue
        prefix = kind_en[0].upper()
        free = next(f"{prefix}{n}" for n in range(1, len(taken) + 2) if f"{prefix}{n}" not in taken)
        out.append(finding("duplicate-id", rel, line, col, kind=kind, kind_en=kind_en, id=ident,
                           first_line=first[ident], next=free))
    return out


# the lists of a record that say something of each goal of its plan: (key, what it says in Korean, in English)
GOAL_LISTS = {"monitoring": ("progress", "진행 상황", "progress"), "closure": ("results", "결과", "result")}


def goals_twice(parsed: Parsed, data: dict[str, Any], stage: str, rel: str) -> list[Finding]:
    """A goal named twice in a monitoring's progress or a closure's results (G2 achieved, then G2
    not achieved; G3's entry copied and left G2): the second, at its goal, with the first's line.
    Which one holds is not for casekit to pick, and the goal the copy took the place of goes
    unreported (goal-not-monitored says which)."""
    if stage not in GOAL_LISTS:
        return []
    key, what, what_en = GOAL_LISTS[stage]
    first: dict[str, int] = {}
    out = []
    for i, item in enumerate(_list(data.get(key))):
        goal = item.get("goal") if isinstance(item, dict) else None
        if not isinstance(goal, str) or not goal:
            continue
        line, col = parsed.where((key, i, "goal"))
        if goal in first:
            out.append(finding("goal-twice", rel, line, col, goal=goal, what=what, what_en=what_en, first_line=first[goal]))
        else:
            first[goal] = line
    return out


_LOWER_ID = re.compile(r"[gnm][0-9]{1,3}")


def id_as_meant(value: str) -> str:
    """A goal's, a need's or a member's id as meant when only its letter's case is wrong (g1: G1)."""
    return value.upper() if _LOWER_ID.fullmatch(value) else value


def activities_twice(parsed: Parsed, data: dict[str, Any], stage: str, rel: str) -> list[Finding]:
    """An intervention's activity written twice, every field the same (pasted twice, or copied
    to add the next one and left as it was): the second, at its `- `, with the first's line."""
    if stage != "intervention":
        return []
    first: dict[str, int] = {}
    out = []
    for i, item in enumerate(_list(data.get("activities"))):
        if not isinstance(item, dict) or len(item) < 2:
            continue
        key = repr(sorted(item.items(), key=lambda kv: str(kv[0])))
        line, col = parsed.where(("activities", i), key=False)
        if key in first:
            out.append(finding("activity-twice", rel, line, col, first_line=first[key]))
        else:
            first[key] = line
    return out


# a body's own text shorter than this is not judged a copy of another's (전화로 안부 확인함.)
COPY_MIN_CHARS = 40
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def body_words(body: str) -> str:
    """What a body says of its own: its lines but headings, HTML comments and blank lines, each
    without the white space around it. Empty for a body left as the template's headings."""
    if "<!--" in body:
        body = _HTML_COMMENT.sub("", body)
    return "\n".join(s for line in body.split("\n") if (s := line.strip()) and not _HEADING.match(s))


_HEADING = re.compile(r"#{1,6}(?:\s|$)")
# a section heading (## 목표별 진행 상황): a body holding only such headings is a template's, unwritten
# (a body of one title, or none, is a record's own choice)
_SECTION = re.compile(r"^[ \t]*##", re.MULTILINE)


def _services(s: Summary, parsed: Parsed, data: dict[str, Any], ref: Any) -> None:
    """A plan's or a monitoring's services: their references, and each (goal, resource) pair."""
    for i, item in enumerate(_list(data.get("services"))):
        ref("goal", ("services", i, "goal"))
        ref("resource", ("services", i, "resource"))
        if isinstance(item, dict) and isinstance(item.get("goal"), str) and isinstance(item.get("resource"), str):
            s.services.append((item["goal"], item["resource"], *parsed.where(("services", i, "resource"))))
        elif isinstance(item, dict) and any(k in item and not isinstance(item[k], str) for k in ("goal", "resource")):
            s.services_unread = True


def _summarize(s: Summary, parsed: Parsed, data: dict[str, Any], stage: str) -> None:
    def ref(kind: str, path: tuple[Any, ...]) -> None:
        value = _get(data, path)
        if kind == "resource" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # (`resource: 129`, an id typed as digits: the id "129", unknown-resource when none is)
        if isinstance(value, str) and value:
            line, col = parsed.where(path)
            s.refs.append((kind, value, line, col))

    s.date = valid_date(data.get("date"))
    s.date_at = parsed.where(("date",))
    s.worker = data.get("worker") if isinstance(data.get("worker"), str) else None
    s.worker_at = parsed.where(("worker",))
    if stage == "intake":
        s.reopening = isinstance(data.get("reopening"), dict)
        s.previous_closure = valid_date(_get(data, ("reopening", "previous_closure")))
        s.previous_closure_at = parsed.where(("reopening", "previous_closure"))
        s.eligibility = _str(_get(data, ("eligibility", "decision")))
        ref("resource", ("referral", "referred_to"))
    elif stage == "assessment":
        s.risk = _str(data.get("risk_level"))
        for need in _list(data.get("needs")):
            if isinstance(need, dict) and isinstance(need.get("id"), str):
                s.needs.append(id_as_meant(need["id"]))
            elif isinstance(need, dict):
                s.needs_unnamed += 1
        for i, _ in enumerate(_list(data.get("resources"))):
            ref("resource", ("resources", i))
    elif stage == "plan":
        for i, goal in enumerate(_list(data.get("goals"))):
            if isinstance(goal, dict) and not isinstance(goal.get("id"), str):
                s.doubled_goals += 1  # a goal whose id is left out or empty: the ids naming it wait for it
            elif isinstance(goal, dict):
                text = _str(goal.get("goal")) or ""
                gid = id_as_meant(goal["id"])  # (g1: its bad-pattern says so; the records naming G1 find it)
                s.doubled_goals += gid in s.goals
                s.goals[gid] = "" if PLACEHOLDER.match(text) else text
                s.goal_ids_at.setdefault(gid, parsed.where(("goals", i, "id")))
                ref("need", ("goals", i, "need"))
        _services(s, parsed, data, ref)
        agreed = _get(data, ("agreement", "client_agreed"))
        s.agreed = agreed if isinstance(agreed, bool) else None
        s.review_date = valid_date(data.get("review_date"))
    elif stage == "intervention":
        acts = [a for a in _list(data.get("activities")) if isinstance(a, dict)]
        s.crisis_only = bool(acts) and all(a.get("type") == "crisis_intervention" for a in acts)
        for i, act in enumerate(_list(data.get("activities"))):
            if isinstance(act, dict) and act.get("goal") is None:
                line, col = parsed.where(("activities", i), key=False)
                s.ungoaled.append((str(act.get("type")), line, col))
            ref("goal", ("activities", i, "goal"))
            ref("resource", ("activities", i, "resource"))
            d = valid_date(act.get("date")) if isinstance(act, dict) else None
            if d:
                line, col = parsed.where(("activities", i, "date"))
                s.activities.append((d, line, col))
                if act.get("type") == "crisis_intervention":
                    s.crisis_activities.append((line, col))
    elif stage == "monitoring":
        # `progress: []`, left empty or out: its own finding (empty-value, missing-field) says so, not one a goal
        s.goal_unnamed |= not _list(data.get("progress"))
        for i, item in enumerate(_list(data.get("progress"))):
            ref("goal", ("progress", i, "goal"))
            # (an entry written as a text, `- G1 달성`: its wrong-type says so, not also a goal unmonitored)
            s.goal_unnamed |= not isinstance(item, dict) or not _str(item.get("goal"))
            if isinstance(item, dict) and isinstance(item.get("goal"), str):
                s.progress.append(item["goal"])
                if item.get("status") == "achieved":
                    s.achieved.append(item["goal"])
                elif item.get("status") in ("stalled", "not_started"):
                    s.unmet.append(item["goal"])
        _services(s, parsed, data, ref)
        s.decision = _str(data.get("decision"))
        s.next_review = valid_date(data.get("next_review"))
        s.next_at = parsed.where(("next_review",))
    elif stage == "closure":
        s.reason = _str(data.get("reason"))
        s.reason_note = bool(_str(data.get("reason_note")))
        s.note_goals = goals_named(_str(data.get("reason_note")) or "")
        # results written as a text, or under a key misspelt (`result:`): its own finding says so, not one a goal
        written = data.get("results")
        s.goal_unnamed |= (written is not None and not isinstance(written, list)) or (
            written is None and any(isinstance(k, str) and k != "results" and k.lower().rstrip("s") == "result"
                                    for k in data))
        for i, item in enumerate(_list(data.get("results"))):
            ref("goal", ("results", i, "goal"))
            s.goal_unnamed |= not isinstance(item, dict) or not _str(item.get("goal"))
            if isinstance(item, dict) and isinstance(item.get("goal"), str):
                s.results.append(item["goal"])
        s.aftercare_first = valid_date(_get(data, ("aftercare", "first_check")))
        s.next_at = parsed.where(("aftercare", "first_check"))
        plan = _get(data, ("aftercare", "plan"))
        if isinstance(plan, str) and NONE_WORDS.fullmatch(plan.strip()):
            s.aftercare_none = parsed.where(("aftercare", "plan"))
        ref("resource", ("referred_to",))
    elif stage == "followup":
        reopen = data.get("reopen")
        s.reopen = reopen if isinstance(reopen, bool) else None
        s.next_check = valid_date(data.get("next_check"))
        s.next_at = parsed.where(("next_check",))
        s.aftercare_done = data.get("aftercare_done") is True
        s.aftercare_done_at = parsed.where(("aftercare_done",))
    from casekit.core.summary_practice import summarize_practice  # consent, selection, household, conference

    summarize_practice(s, parsed, data, stage)


def public_fields(parsed: Parsed, patterns: list[Any]) -> tuple[str, array[int]]:
    """Every text value of a file outside the sensitive `patterns` ('*': any list item), with its
    position: what the site publishes of its front matter. Packed: the texts joined as they are
    (a quoted YAML value may hold any character, NUL included: no separator is safe) and, per
    field, its line, column and length in a flat array; `unpack_fields` undoes it."""
    published = outside(parsed.leaves(), [tuple(p) for p in patterns])
    at, where = parsed.positions.get, parsed.where  # (a leaf has its own position but where a key was refused)
    texts: list[str] = []
    numbers: list[int] = []
    for path, v in published:
        if isinstance(v, str):
            p = at(path)
            texts.append(v)
            numbers += (p.line, p.column, len(v)) if p else (*where(path), len(v))
    return "".join(texts), array("I", numbers)


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


__all__ = ["Summary", "check_file", "check_parsed", "field_name", "parse_file", "record_order", "valid_date"]


# A summary between processes and in the cache: a blob of its field values by name, without its
# published text (kept apart: see workers.check_group). Unpacked only when a rule needs it.
_TEXT_FIELDS = ("public_text", "public_line", "public_fields")
_BLOB_FIELDS = tuple(f.name for f in fields(Summary) if f.name not in _TEXT_FIELDS)


_blob_values = operator.attrgetter(*_BLOB_FIELDS)  # (one call for the tuple of them all)


# a text that says "none" as a field's whole value: 없음, 해당 없음, 계획 없음, 미실시, 안 함, -, none, N/A
NONE_WORDS = re.compile(r"(?:(?:해당|계획|사후관리)?\s*(?:없음|없다|없습니다|미실시|미정|안\s*함|하지\s*않음|안\s*하기로\s*함)|"
                        r"-+|—|x|none|n/?a|no)\.?", re.IGNORECASE)


def summary_blob(s: Summary) -> bytes:
    return pickle.dumps(_blob_values(s), protocol=pickle.HIGHEST_PROTOCOL)


def summary_of_blob(blob: bytes) -> Summary:
    summary = Summary.__new__(Summary)
    for name, value in zip(_BLOB_FIELDS, pickle.loads(blob), strict=True):
        setattr(summary, name, value)
    summary.public_text, summary.public_line, summary.public_fields = "", 1, ("", array("I"))
    return summary
