"""The process rules of case management, over the summaries of one case's records.

A case is a sequence of episodes: an intake opens one, a closure ends it, follow-ups may come
after, and a new intake marked `reopening` starts the next.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Collection, Container, Iterable, Mapping

from casekit.core import clock
from casekit.core.case import Case, Episode, YearTypo, dated_as_meant, dates_going_back, episodes
from casekit.core.findings import Finding, finding
from casekit.core.hints import close_to
from casekit.core.names import parse_record_name
from casekit.core.schemas import PLACEHOLDER, STAGE_KO
from casekit.core.summary import Summary, named_records, record_order
from casekit.core.summary_practice import LINKING_ACTIVITIES

# closure reasons that explain why goals were not evaluated, with their labels (the closure schema's
# x-enum-labels): closure-goal-unevaluated names them when the reason is `other`
EXCUSED_KO = {
    "ineligible": "사례관리 대상 아님", "referred": "타 기관 이관", "withdrew": "클라이언트 거부·철회", "moved": "전출·이사",
    "deceased": "사망", "unreachable": "연락 두절", "institution": "시설 입소·장기 입원",
    "converted": "전환(일반관리·서비스연계)",
}
EXCUSED_REASONS = frozenset(EXCUSED_KO)
# (closure `other`: the reason meant may be one of these, 전출·이사 for 기타)
_EXCUSED_HINT = {
    "hint": " 종결 사유가 " + ", ".join(f"{ko.split('(')[0]}({code})" for code, ko in EXCUSED_KO.items())
            + "이면 목표를 평가하지 않고 종결할 수 있습니다.",
    "hint_en": "; no evaluation is needed when the reason is " + ", ".join(EXCUSED_KO),
}
NOT_ELIGIBLE = frozenset({"ineligible", "referred_elsewhere"})


def _year_hint(typo: YearTypo) -> dict[str, str]:
    """The hint of a record dated before the one above it whose year is mistyped (`case.year_typos`:
    2025-11-12 for 2026-11-12)."""
    return {"hint": f" 연도를 잘못 적었나요? {typo.meant}", "hint_en": f"; a mistyped year? {typo.meant}"}


def _year_typo_finding(r: Summary, typo: YearTypo, case_id: str) -> Finding:
    """`date-year-typo` at the date of a record whose year is mistyped but which is not dated before
    the one above it (the case's first record, 2016-10-14 for 2026-10-14; 2027-03-25 for 2026-03-25
    before the records after it): what the year likely is, and what says so."""
    ko, en = [], []
    if typo.before is not None:
        ko.append(f"앞 기록 {typo.before.file_name}은(는) {typo.before.date}")
        en.append(f"{typo.before.file_name} above it is dated {typo.before.date}")
    if typo.after is not None:
        ko.append(f"다음 기록 {typo.after.file_name}은(는) {typo.after.date}")
        en.append(f"{typo.after.file_name} below it {typo.after.date}")
    if typo.own is not None:
        ko.append(f"이 기록 안의 다른 날짜는 {typo.own}")
        en.append(f"another date in this record {typo.own}")
    if typo.by_id:
        ko.append(f"사례 번호는 {case_id}")
        en.append(f"the case id {case_id}")
    return finding("date-year-typo", r.rel, *r.date_at, date=r.date, meant=typo.meant, evidence=", ".join(ko),
                   evidence_en=", ".join(en))


# each stage's date, as a worker names it
DATE_WORD = {"intake": "접수일", "assessment": "사정일", "plan": "계획 수립일", "intervention": "실행 기록 날짜",
             "monitoring": "점검일", "closure": "종결일", "followup": "사후관리일", "conference": "사례회의 날짜"}
# where each stage stands in the process (a conference anywhere after the intake; interventions and
# monitorings in any order after the plan)
_RANK = {"intake": 0, "conference": 1, "assessment": 1, "plan": 2, "intervention": 3, "monitoring": 3, "closure": 4,
         "followup": 5}


def _date_wrong(r: Summary, prev: Summary, records: list[Summary], day: str) -> dict[str, str]:
    """The hint of a record dated before the one above it when the two cannot change numbers (the
    stage order forbids it: a 사정 before its 접수, a 사후관리 before its 종결): the date is the
    mistake, and the dates it may have."""
    later = next((o for o in records[records.index(r) + 1 :] if o.date and (prev.date or "") <= o.date <= day), None)
    word, prev_word = DATE_WORD[r.stage], DATE_WORD[prev.stage]
    why = (f"{STAGE_KO[r.stage]}은(는) {STAGE_KO[prev.stage]} 뒤에 하므로 번호 순서는 맞고"
           if _RANK[r.stage] > _RANK[prev.stage] else "두 파일의 번호를 바꾸면 단계 순서가 어긋나므로")
    upto = (f"(다음 기록 {later.file_name}의 날짜 {later.date} 이전)", f" and on or before {later.date} ({later.file_name})") \
        if later is not None else ("", "")
    return {"hint": f" {why}, 이 기록의 날짜가 틀린 것 같습니다: {word}은(는) {prev_word}({prev.date}) 이후여야 합니다"
                    f"{upto[0]}. 날짜를 확인하세요.",
            "hint_en": f"; the two cannot swap numbers without breaking the stage order, so this record's date looks "
                       f"wrong: it must be on or after {prev.date} ({prev.file_name}){upto[1]}"}


def _swap_keeps_order(r: Summary, prev: Summary, records: list[Summary], resources: Collection[str],
                      now: list[Finding]) -> bool:
    """Whether `r` and `prev` numbered the other way round keep the stage order (`_stage_order`, the
    rules themselves): no order finding the case as numbered (`now`) does not already have, so
    that renaming the two files as told makes no new error (01-assessment before 02-intake:
    first-not-intake; 07-followup before 08-closure: followup-before-closure)."""
    i, j = records.index(r), records.index(prev)
    swapped = list(records)
    swapped[i], swapped[j] = dataclasses.replace(prev, nn=r.nn), dataclasses.replace(r, nn=prev.nn)
    swapped.sort(key=record_order)
    known = {(f.code, f.path) for f in now if f.code in _ORDER_BROKEN}
    return all((f.code, f.path) in known for f in _stage_order(swapped, resources) if f.code in _ORDER_BROKEN)


def _swapped(r: Summary, prev: Summary, records: list[Summary]) -> bool:
    """Whether `r`, dated before `prev` just above it, is in order with its neighbours once the
    two change places (07-intake dated after 08-followup: numbered the wrong way round), each a
    date the other's neighbours allow, and the two of different stages."""
    i = records.index(r)
    if i < 1 or records[i - 1] is not prev or r.stage == prev.stage or not r.date or not prev.date:
        return False
    before = records[i - 2].date if i >= 2 else None
    after = records[i + 1].date if i + 1 < len(records) else None
    return (before is None or before <= r.date) and (after is None or prev.date <= after)


def _date_slot(r: Summary, others: list[Summary]) -> tuple[int, int | None]:
    """The number of the last of `others` dated no later than `r`, and the first number after it no
    other record has where `r`'s date keeps the order (before every later-dated one); None when
    there is none."""
    day = r.date or ""
    taken = {o.nn for o in others}
    low = max((o.nn for o in others if (o.date or "") <= day), default=0)  # (a same-day record may stay before it)
    high = min((o.nn for o in others if (o.date or "") > day), default=100)
    return low, next((n for n in range(low + 1, min(high, 100)) if n not in taken), None)


def _misnumbered(r: Summary, records: list[Summary], resources: Collection[str]) -> int | None:
    """The free number `r` (dated before the record above it) was meant to have: the one its date
    takes (`_date_slot`), below its own, where the case's stage order holds with it there
    (14-intervention dated between 03-plan and 05-monitoring, 04 empty: 04 typed as 14)."""
    others = [o for o in records if o is not r]
    if not r.date or any(not o.date for o in others):
        return None
    free = _date_slot(r, others)[1]
    if free is None or free > r.nn:
        return None
    moved = sorted([*others, dataclasses.replace(r, nn=free)], key=record_order)
    return free if not any(f.code in _ORDER_BROKEN for f in _stage_order(moved, resources)) else None


def _free_number(r: Summary, records: list[Summary]) -> dict[str, str]:
    """For the later of two records given one number: the name to give it, the first number no
    record has where its date keeps the order (after every earlier-dated record, before every
    later-dated one: the next after the last, when it is the case's latest); when no such number
    is free, to number the records after it one more first. Nothing when its date is unknown."""
    others = [o for o in records if o is not r]
    if not r.date or any(not o.date for o in others):
        return {"hint": "", "hint_en": ""}
    low, free = _date_slot(r, others)
    if free is not None:
        name = f"{free:02d}-{r.stage}.md"
        return {"hint": f" 이 기록의 파일 이름을 {name}(으)로 바꾸세요.", "hint_en": f"; rename this record {name}"}
    later = sorted(o.nn for o in others if o.nn > low)
    if not later or later[-1] >= 99:
        return {"hint": "", "hint_en": ""}
    return {"hint": f" 날짜 순서에 맞는 빈 순번이 없습니다: {later[0]:02d}번부터 뒤의 기록들의 순번을 하나씩 늘린 뒤 "
                    f"이 기록을 {later[0]:02d}-{r.stage}.md(으)로 바꾸세요.",
            "hint_en": f"; no free number keeps the dates in order: number the records from {later[0]:02d} on "
                       f"one more, then name this one {later[0]:02d}-{r.stage}.md"}


def _misnamed_stage(r: Summary) -> bool:
    """Whether `r` holds a record of another stage than its file name's (read as what it holds)."""
    parsed = parse_record_name(r.file_name)
    return parsed is not None and parsed[1] != r.stage


def check_case(case_rel: str, records: list[Summary], resources: Collection[str],
               today: dt.date | None = None) -> list[Finding]:
    """Every cross-record rule for one case. `records` may be in any order; `resources`: the
    casebook's resource ids (a mapping: with their names, for the hint of a resource named by its name)."""
    if not records:
        return [finding("case-empty", case_rel, case=case_rel.rsplit("/", 1)[-1])]
    out: list[Finding] = []
    records = sorted(records, key=record_order)
    seen: dict[int, Summary] = {}
    for r in records:
        if r.nn in seen:
            kept, moved = seen[r.nn], r
            if _misnamed_stage(kept) and not _misnamed_stage(moved):
                # the one saved under another stage's name is the one to move (05-monitoring.md copied to
                # 05-intervention.md: not the original, told to renumber every record after it)
                kept, moved = moved, kept
                seen[r.nn] = kept
            hint = _free_number(moved, records)
            if moved.body_key and moved.body_key == kept.body_key:  # the same record twice: a copy left as it was
                hint = {"hint": f" 이 파일의 본문은 {kept.file_name}의 본문과 한 글자도 다르지 않습니다. 복사만 하고 고치지 "
                                f"않았다면 이 파일을 지우세요. 따로 쓴 기록이면:{hint['hint']}",
                        "hint_en": f"; its body is word for word {kept.file_name}'s: if it is a copy left as it was, "
                                   f"delete it; if it is a record of its own{hint['hint_en']}"}
            out.append(finding("duplicate-number", moved.rel, 1, 1, nn=f"{r.nn:02d}", other=kept.file_name, **hint))
        else:
            seen[r.nn] = r
    day = (today or clock.today()).isoformat()
    case_id = case_rel.rsplit("/", 1)[-1]
    # the case as meant: a record whose year is mistyped is judged on the date it likely has, so that
    # no other finding compares against the typo (an age counted from it, a consent "a month after"
    # it, a record "years after" it, an activity before a plan dated a year late)
    meant, typos = dated_as_meant(records, day, case_id)
    order = _stage_order(meant, resources)
    out += [f for f in order if f.code == "first-not-intake"]

    decreasing: set[str] = set()  # records dated before the one above: their date is the mistake
    swapped: set[str] = set()  # two records whose numbers were swapped: their order findings follow from it
    for r, prev in dates_going_back(records, day, typos):
        line, col = r.date_at
        hint = {"hint": "", "hint_en": ""}
        if r.rel in typos:
            hint = _year_hint(typos[r.rel])
        elif (meant_nn := _misnumbered(r, records, resources)) is not None:
            name = f"{meant_nn:02d}-{r.stage}.md"
            hint = {"hint": f" 번호를 잘못 붙인 것 같습니다: {meant_nn:02d}번이 비어 있고, 날짜로는 이 기록이 그 자리입니다. "
                            f"파일 이름을 {name}(으)로 바꾸세요.",
                    "hint_en": f"; a number mistyped? {meant_nn:02d} is free and this record's date puts it there: "
                               f"rename it {name}"}
            swapped.add(r.rel)  # (the stage order it breaks where it stands follows from the number)
        elif r.stage != prev.stage and not _swap_keeps_order(meant[records.index(r)], meant[records.index(prev)],
                                                             meant, resources, order):
            hint = _date_wrong(r, prev, records, day)
        elif _swapped(r, prev, records):
            a, b = f"{prev.nn:02d}-{r.stage}.md", f"{r.nn:02d}-{prev.stage}.md"
            hint = {"hint": f" 두 기록의 번호가 바뀐 것 같습니다: 날짜대로라면 이 기록은 {a}, {prev.file_name}은(는) "
                            f"{b}입니다. 두 파일의 이름을 그렇게 바꾸세요.",
                    "hint_en": f"; the two records' numbers look swapped: by their dates this one is {a} and "
                               f"{prev.file_name} is {b}"}
            swapped |= {r.rel, prev.rel}
        out.append(finding("date-decreasing", r.rel, line, col, date=r.date, prev_date=prev.date,
                           prev_name=prev.file_name, **hint))
        decreasing.add(r.rel)
    out += [_year_typo_finding(r, typos[r.rel], case_id) for r in records if r.rel in typos and r.rel not in decreasing]
    out += [f for f in order if f.code != "first-not-intake"]

    for r in records:
        for kind, ref, line, col in _written(r):
            if kind == "resource" and ref not in resources:
                out.append(finding("unknown-resource", r.rel, line, col, ref=ref, **_resource_guess(ref, resources)))
    from casekit.core.rules_practice import check_practice  # the plausibility checks read the same Case

    # a record dated before the one above it, its activities after it: the record's date is the one
    # mistake (date-decreasing), not each activity
    out = [f for f in out if not (f.code == "activity-after-record" and f.path in decreasing)]
    # two records numbered the wrong way round: the date-decreasing that says so, not the stage order they then break
    out = [f for f in out if not (f.code in ORDER_CODES and f.path in swapped)]
    if not any(f.severity == "error" for f in out):  # (a plan deleted: its needs-plan says so, not also the gap)
        out += _number_gaps(seen, case_rel)
    return out + check_practice(Case.of(case_id, meant), today, decreasing)


def _stage_order(records: list[Summary], resources: Collection[str]) -> list[Finding]:
    """The process rules over a case's records in number order (`records`, sorted by
    `record_order`): the one place the stage order is written (first the intake, a plan after an
    assessment, work after a plan, nothing but follow-ups after a closure …), with what each stage
    holds against the stages before it (goals, needs, a closure's evaluations)."""
    out: list[Finding] = []
    first = records[0]
    if first.nn != 1 or first.stage != "intake":
        out.append(finding("first-not-intake", first.rel, 1, 1, name=first.file_name))
    ep = Episode()
    started = False
    # an episode's records that need a plan it lacks (its plan deleted, say): said once, at the first,
    # naming the others (out's index of that finding -> the others' file names)
    unplanned: dict[int, tuple[Summary, str, list[str]]] = {}
    first_unplanned: int | None = None
    # the episode's records that go against its intake's decision that the client is not eligible: said
    # once, at that decision, naming them
    against: list[Summary] = []
    for r in records:
        stage_ko = STAGE_KO[r.stage]
        if r.stage == "intake":
            out += _after_ineligible(ep, against)
            against = []
            if not started:
                if r.reopening:
                    out.append(finding("reopening-without-closure", r.rel, *r.where))
            elif ep.closure is not None:
                if not r.reopening and r.ok:  # an unreadable intake may well be marked: its own finding says why
                    out.append(finding("reopening-unmarked", r.rel, *r.where, file=ep.closure.file_name,
                                       closed=ep.closure.date or "YYYY-MM-DD"))
                elif r.previous_closure and ep.closure.date and r.previous_closure != ep.closure.date:
                    out.append(finding("reopening-closure-date", r.rel, *r.previous_closure_at, date=r.previous_closure,
                                       closure=ep.closure.date, file=ep.closure.file_name))
            elif r.reopening:
                out.append(finding("reopening-without-closure", r.rel, *r.where))
            else:
                out.append(finding("intake-again", r.rel, *r.where))
            ep = Episode(intake=r)
            first_unplanned = None
            started = True
            continue
        started = True
        if r.case_type:
            ep.case_type = r.case_type
        if r.stage == "conference":  # anywhere after the intake; it does not move the case along
            out += _goal_refs(r, ep.plan) if ep.plan is not None else _unplanned_goals(r, unplanned, first_unplanned)
            continue
        if ep.closure is not None and r.stage != "followup":
            out.append(finding("after-closure", r.rel, *r.where, stage=r.stage, stage_ko=stage_ko))
        if (
            r.stage in ("assessment", "plan", "intervention", "monitoring")
            and ep.intake is not None
            and ep.intake.eligibility in NOT_ELIGIBLE
        ):
            against.append(r)
        if r.stage == "assessment":
            ep.assessment = r
        elif r.stage == "plan":
            out += _check_plan(r, ep)
            ep.plan = r
        elif r.stage in ("intervention", "monitoring"):
            work = _check_work(r, ep, stage_ko, resources)
            if work and work[0].code == "needs-plan":
                if first_unplanned is not None:  # (said once, at the first; its activities' dates at each)
                    unplanned[first_unplanned][2].append(r.file_name)
                    work = work[1:]
                else:
                    first_unplanned = len(out)
                    unplanned[first_unplanned] = (r, stage_ko, [])
                out += work
            elif ep.plan is None:  # (a 위기개입 or a 서비스연계's linking, which need no plan: a goal it names does)
                out += _unplanned_goals(r, unplanned, first_unplanned, work)
            else:
                out += work
        elif r.stage == "closure":
            out += _unplanned_goals(r, unplanned, first_unplanned, _check_closure(r, ep, first_unplanned is not None))
            ep.closure = r
        elif r.stage == "followup":
            if ep.closure is None:
                hint, hint_en = _closure_first(r, records)
                out.append(finding("followup-before-closure", r.rel, *r.where, hint=hint, hint_en=hint_en))
            ep.followups.append(r)

    out += _after_ineligible(ep, against)
    for at, (first, first_ko, others) in unplanned.items():
        if others:
            out[at] = finding("needs-plan", first.rel, *first.where, stage=first.stage, stage_ko=first_ko,
                              hint=f" 뒤의 기록 {len(others)}개({', '.join(others)})도 이 계획이 필요합니다.",
                              hint_en=f"; so do {len(others)} later record(s): {', '.join(others)}",
                              records=", ".join(others))  # (`said_of`: `casekit add` refuses a record it names)
    return out


def _closure_first(r: Summary, records: list[Summary]) -> tuple[str, str]:
    """What a follow-up with no closure before it (`followup-before-closure`) is told to do: the
    closure numbered after it, to be put before it (the two numbers swapped, when it comes right
    after); else a closure to put before it, or, in a case still open, a monitoring instead (the
    practice's 사후관리 of a client still served is a 점검)."""
    later = records[records.index(r) + 1 :]
    closure = next((x for x in later if x.stage == "closure"), None)
    if closure is not None and later[0] is closure:
        fixed = f"{r.nn:02d}-closure.md, {closure.nn:02d}-followup.md"
        return (f" 종결 기록 {closure.file_name}이(가) 바로 뒤 번호입니다. 두 번호를 맞바꿔 {fixed}(으)로 바꾸세요.",
                f"; the closure, {closure.file_name}, comes right after: swap the numbers ({fixed})")
    if closure is not None:
        return (f" 종결 기록 {closure.file_name}이(가) 이 기록보다 뒤 번호입니다. 사후관리 기록은 종결 기록 뒤의 번호로 "
                "옮기세요.", f"; the closure, {closure.file_name}, comes later: number the follow-up after it")
    folder = r.rel.rsplit("/", 1)[0]
    return (" 사례를 종결했다면 종결 기록이 이 기록보다 앞 번호로 있어야 합니다(지웠다면 git에서 되살리세요: "
            f"git log --diff-filter=D -- {folder}). 아직 진행 중인 사례라면 사후관리가 아니라 점검(monitoring) 기록으로 "
            "쓰세요.", f"; if the case was closed, its closure must come before this record (restore it from git if "
            f"deleted: git log --diff-filter=D -- {folder}); in a case still open, write a monitoring instead")


def _number_gaps(seen: dict[int, Summary], case_rel: str) -> list[Finding]:
    """A number no record has between two that are (`number-gap`): a record deleted, or a number
    skipped by hand. Said at the record after the gap."""
    out = []
    numbers = sorted(seen)
    for before, after in zip(numbers, numbers[1:], strict=False):
        if after > before + 1:
            missing = f"{before + 1:02d}" if after == before + 2 else f"{before + 1:02d}~{after - 1:02d}"
            out.append(finding("number-gap", seen[after].rel, 1, 1, missing=missing, prev=seen[before].file_name,
                               folder=case_rel))
    return out


# the rules that say a record does not belong where it stands: `casekit add` reports them at once
ORDER_CODES = frozenset({
    "needs-plan", "plan-without-assessment", "plan-after-ineligible", "after-closure", "followup-before-closure",
    "after-withdrawal", "assessment-without-consent", "plan-without-consent", "intake-again",
})

# what a renumbering may break: the stage order findings (`_swap_keeps_order`)
_ORDER_BROKEN = ORDER_CODES | {"first-not-intake", "reopening-without-closure", "reopening-unmarked"}


def said_of(f: Finding, rel: str) -> bool:
    """Whether `f` is said of the record `rel`: at it, or, said once at the decision several records go
    against (an ineligible intake, a refused or withdrawn consent), naming it among them."""
    if f.path == rel:
        return True
    named = f.arg("records")
    return named is not None and f.path.rsplit("/", 1)[0] == rel.rsplit("/", 1)[0] \
        and rel.rsplit("/", 1)[-1] in named.split(", ")


def out_of_order(case_rel: str, records: list[Summary], new: Summary) -> list[Finding]:
    """Why `new`, just added after `records`, is out of order (a monitoring before any plan, an
    assessment after an ineligible closure …): the same rules `check` runs."""
    return [f for f in check_case(case_rel, [*records, new], set()) if f.code in ORDER_CODES and said_of(f, new.rel)]


# what an intake's decision that the client is not eligible means the case does instead: its closure reason
NOT_ELIGIBLE_KO = {"ineligible": ("대상 아님", "ineligible"), "referred_elsewhere": ("타 기관 의뢰", "referred")}


def _after_ineligible(ep: Episode, against: list[Summary]) -> list[Finding]:
    """`plan-after-ineligible`: the intake decided the client is not eligible (or referred them
    elsewhere), and an assessment, plan, intervention or monitoring follows in its episode. One
    mistake, either way: said once, at the decision, naming the records that go against it."""
    if ep.intake is None or not against:
        return []
    decision = ep.intake.eligibility or ""
    decision_ko, closure = NOT_ELIGIBLE_KO.get(decision, (decision, "ineligible"))
    return [finding("plan-after-ineligible", ep.intake.rel, *ep.intake.eligibility_at, decision=decision,
                    decision_ko=decision_ko, closure=closure, **named_records(against))]


def _check_plan(r: Summary, ep: Episode) -> list[Finding]:
    out = []
    if ep.assessment is None:
        out.append(finding("plan-without-assessment", r.rel, *r.where))
    if r.agreed is False and not r.agreed_reason:
        out.append(finding("plan-not-agreed", r.rel, *r.agreed_at))
    known_needs = ep.assessment.needs if ep.assessment else []
    # an id numbered again by mistake (N3 twice in the assessment, G1 twice in the plan): its duplicate-id says so
    unnamed = ep.assessment.needs_unnamed if ep.assessment else 0  # (a need whose id is left out: its required says so)
    needs_renumbered = _renumbered("need", known_needs, len(known_needs) - len(set(known_needs)) + unnamed, r.refs)
    goals_renumbered = _renumbered("goal", r.goals, r.doubled_goals, r.refs)
    for kind, ref, line, col in _written(r):
        if kind == "need" and ep.assessment is not None and ep.assessment.ok and ref not in known_needs \
                and not needs_renumbered:
            out.append(
                finding("unknown-need", r.rel, line, col, ref=ref, assessment=ep.assessment.file_name,
                        known=", ".join(dict.fromkeys(known_needs)) or "-", **_guess(ref, known_needs))
            )
        if kind == "goal" and r.goals and ref not in r.goals and not goals_renumbered:
            out.append(finding("unknown-goal", r.rel, line, col, ref=ref, plan=r.file_name, known=", ".join(r.goals) or "-",
                               **_guess(ref, r.goals)))
    return out


def _unplanned_goals(r: Summary, unplanned: dict[int, tuple[Summary, str, list[str]]], first_unplanned: int | None,
                    found: list[Finding] | None = None) -> list[Finding]:
    """`found` (the record's findings; none given: a `goal-without-plan` at each goal `r` names, made
    here) as said with the episode's plan missing: when a record before it already needs that plan
    (`needs-plan`, at `first_unplanned`), the goals it names are that plan's, and it is named there
    with the others instead."""
    if found is None:
        found = [_goal_without_plan(r, ref, line, col) for kind, ref, line, col in _written(r) if kind == "goal"]
    if first_unplanned is not None and any(f.code == "goal-without-plan" for f in found):
        unplanned[first_unplanned][2].append(r.file_name)
        return [f for f in found if f.code != "goal-without-plan"]
    return found


# what a record names a goal in, with no plan before it (goal-without-plan): the record, and what to do
# when it was made without one
_GOAL_WITHOUT_PLAN = {
    "closure": {"named": "의 결과를 적었는데", "named_en": "evaluated", "record": "종결", "record_en": "closure",
                "fix": "계획 없이 종결했다면 results를 지우세요.", "fix_en": "remove results if the case closed without one"},
    "intervention": {"named": "을(를) 적었는데", "named_en": "named", "record": "실행 기록", "record_en": "intervention",
                     "fix": "계획 전의 위기개입이나 서비스 연계라면 활동의 goal 줄을 지우세요(목표는 계획에서 정합니다).",
                     "fix_en": "remove the activity's goal line if this is crisis or linking work before a plan "
                               "(goals are set in the plan)"},
    "conference": {"named": "을(를) 적었는데", "named_en": "named", "record": "사례회의", "record_en": "conference",
                   "fix": "계획 전의 회의라면 할 일의 goal 줄을 지우세요(목표는 계획에서 정합니다).",
                   "fix_en": "remove the task's goal line if the meeting came before a plan (goals are set in the plan)"},
}


def _goal_without_plan(r: Summary, ref: str, line: int, col: int) -> Finding:
    return finding("goal-without-plan", r.rel, line, col, ref=ref, **_GOAL_WITHOUT_PLAN[r.stage])


def _check_work(r: Summary, ep: Episode, stage_ko: str, resources: Container[str] = ()) -> list[Finding]:
    out = []
    if ep.plan is None:
        if r.stage == "intervention" and not r.ok:
            return []  # unreadable (empty, broken YAML): whether it is a crisis intervention is not known; its own finding says why
        # crisis intervention comes before any plan (위기개입); 서비스연계: services are linked without a
        # full plan. Neither names a goal, which a plan sets; their activities' dates are judged all the same
        if r.stage == "intervention" and (r.crisis_only or (r.linking_only and ep.case_type == "service_linkage")):
            return [_goal_without_plan(r, ref, line, col) for kind, ref, line, col in _written(r) if kind == "goal"] \
                + _activity_dates(r, ep)
        return [finding("needs-plan", r.rel, *r.where, stage=r.stage, stage_ko=stage_ko), *_activity_dates(r, ep)]
    linking = ep.case_type == "service_linkage"
    out += [finding("activity-without-goal", r.rel, line, col) for kind, line, col in r.ungoaled
            if kind != "crisis_intervention" and not (linking and kind in LINKING_ACTIVITIES)]
    out += _goal_refs(r, ep.plan)
    if r.stage == "monitoring" and not _names_unknown_goal(r, ep.plan):
        left = {goal: text for goal, text in ep.plan.goals.items() if goal not in r.progress}
        if r.ok and left:  # (a 점검 leaving four goals out: one warning, at its progress, naming the four)
            line, col = r.goals_at
            out.append(finding("goal-not-monitored", r.rel, line, col, **_goals_left(left)))
        planned = {(goal, resource) for goal, resource, *_ in ep.plan.services}
        # (a plan that lists services, each of a resource that exists: a monitoring checks those; a
        # resource misspelt on either side is its unknown-resource)
        # (nor one whose entries are not all read: `goal: 2` is the plan's wrong-type)
        if ep.plan.ok and planned and not ep.plan.services_unread and all(resource in resources for _, resource in planned):
            out += [finding("service-not-in-plan", r.rel, line, col, goal=goal, resource=resource,
                            plan=ep.plan.file_name)
                    for goal, resource, line, col in r.services
                    if (goal, resource) not in planned and goal in ep.plan.goals and resource in resources]
    return out + _activity_dates(r, ep)


def _activity_dates(r: Summary, ep: Episode) -> list[Finding]:
    """The dates of `r`'s activities against its own date, the episode's plan and the client's
    agreement to it; with no plan (a 위기개입, a 서비스연계's linking, or work whose plan is missing),
    against the day the case was opened."""
    out = []
    opened = ep.intake.date if ep.intake is not None else None
    for date, line, col in r.activities:
        if r.date and date > r.date:
            out.append(finding("activity-after-record", r.rel, line, col, date=date, record_date=r.date))
        elif ep.plan is None:
            if opened and date < opened:
                out.append(finding("activity-before-intake", r.rel, line, col, date=date, opened=opened,
                                   **_year_meant(date, opened, r.date)))
        elif ep.plan.date and date < ep.plan.date:
            hint = (f" 사례 접수일({opened})보다도 이르니 연도나 월을 잘못 적지 않았는지 확인하세요.",
                    f"; it is before the case was opened ({opened}): check the year") if opened and date < opened else ("", "")
            out.append(finding("activity-before-plan", r.rel, line, col, date=date, plan_date=ep.plan.date,
                               hint=hint[0], hint_en=hint[1]))
        elif ep.plan.agreed and ep.plan.agreed_on and date < ep.plan.agreed_on and (line, col) not in r.crisis_activities:
            # (위기개입 waits for no plan, nor for the client's agreement to one)
            out.append(finding("activity-before-agreement", r.rel, line, col, date=date, agreed=ep.plan.agreed_on,
                               plan=ep.plan.file_name))
    return out


def _year_meant(date: str, opened: str, record_date: str | None) -> dict[str, str]:
    """The hint of an activity dated before its case was opened: the date with the record's year,
    when that puts it between the opening and the record (2025-11-09 in a case opened 2026-11-02,
    written 2026-11-13: 2026-11-09)."""
    if not record_date:
        return {}
    meant = record_date[:4] + date[4:]
    try:
        dt.date.fromisoformat(meant)  # (02-29 in a year without it)
    except ValueError:
        return {}
    if meant == date or not opened <= meant <= record_date:
        return {}
    return {"hint": f" 혹시 {meant}인가요?", "hint_en": f"; did you mean {meant}?"}


def _check_closure(r: Summary, ep: Episode, unplanned: bool = False) -> list[Finding]:
    """`unplanned`: records before it in its episode needed the plan it lacks (needs-plan)."""
    out = []
    if r.reason == "other" and not r.reason_note:
        out.append(finding("closure-note-required", r.rel, *r.reason_at))
    if ep.plan is None:  # (a closure at intake needs none; goals evaluated without one name nothing)
        if r.reason == "goals_achieved" and not unplanned and not any(k == "goal" for k, *_ in _written(r)):
            # (no goal was set, nor any work done that needed one: the reason cannot be so; a plan
            # deleted is the needs-plan of the work, goals evaluated without one their goal-without-plan)
            out.append(finding("closure-achieved-without-plan", r.rel, *r.reason_at))
        return out + [_goal_without_plan(r, ref, line, col) for kind, ref, line, col in _written(r) if kind == "goal"]
    out += _goal_refs(r, ep.plan)
    if r.ok and r.reason is not None and r.reason not in EXCUSED_REASONS and not _names_unknown_goal(r, ep.plan):
        # (a goal the reason_note names is one whose missing evaluation it explains: "G4, G5는 평가를 원하지 않음")
        hint = _EXCUSED_HINT if r.reason == "other" else {}
        left = {goal: text for goal, text in ep.plan.goals.items() if goal not in r.results and goal not in r.note_goals}
        if left:  # (one closure leaving five goals out: one finding, at its results, naming the five)
            line, col = r.goals_at
            out.append(finding("closure-goal-unevaluated", r.rel, line, col, **_goals_left(left), **hint))
    return out


def _goals_left(left: dict[str, str]) -> dict[str, str]:
    """What closure-goal-unevaluated and goal-not-monitored say of the goals a closure or a 점검 leaves
    out: each with its words (shortened when there are several), the entry to write for the first,
    the ids for a reason_note."""
    ids = ", ".join(left)
    if len(left) == 1:
        ((goal, text),) = left.items()
        return {"goals": f"{goal}({text})", "goals_en": f"goal {goal} ({text})", "entry": f"이 목표(goal: {goal})의",
                "entry_en": "its", "ids": ids}
    shown = ", ".join(f"{goal}({text if len(text) <= 20 else text[:19].rstrip() + '…'})" for goal, text in left.items())
    first = next(iter(left))
    return {"goals": f"{len(left)}개 {shown}", "goals_en": f"{len(left)} goals, {shown}",
            "entry": f"목표마다 '- goal: {first}'처럼 항목을 하나씩 만들어", "entry_en": "each one's", "ids": ids}


def _written(r: Summary) -> list[tuple[str, str, int, int]]:
    """The record's references but those still the template's placeholder (`<자원 ID: …>`): its
    `placeholder` finding says so, at the same place, not also an unknown-resource."""
    return [ref for ref in r.refs if not PLACEHOLDER.match(ref[1])]


def _names_unknown_goal(r: Summary, plan: Summary) -> bool:
    """Whether a record names a goal its plan lacks (G4 typed for G3, g1 for G1), or leaves an
    entry's goal out: its unknown-goal (required, empty-value) says so, and the plan's goals it then
    seems to leave out (goal-not-monitored, closure-goal-unevaluated) wait until it is corrected."""
    return r.goal_unnamed or (plan.ok and any(kind == "goal" and ref not in plan.goals for kind, ref, *_ in r.refs))


def _goal_refs(r: Summary, plan: Summary) -> list[Finding]:
    if not plan.ok or not plan.goals:
        return []  # the plan unreadable, or its goals not read (`goal:` for `goals:`): its own findings say so
    if _renumbered("goal", plan.goals, plan.doubled_goals, r.refs):
        return []  # a goal numbered again by mistake (G1 twice, G2 gone): the plan's duplicate-id says so
    known = ", ".join(plan.goals) or "-"
    return [
        finding("unknown-goal", r.rel, line, col, ref=ref, plan=plan.file_name, known=known, **_goal_guess(ref, plan.goals))
        for kind, ref, line, col in _written(r)
        if kind == "goal" and ref not in plan.goals
    ]


def _renumbered(kind: str, known: Container[str], doubled: int, refs: list[tuple[str, str, int, int]]) -> bool:
    """Whether the ids of `kind` that `refs` name and `known` (a plan's goals, an assessment's
    needs) lacks may be those its `doubled` repeated ids took the place of (G2 written G1 again):
    no more of them than ids given twice. Their unknown-* findings then wait: its duplicate-id says it."""
    return doubled > 0 and len({ref for k, ref, *_ in refs if k == kind and ref not in known}) <= doubled


def _resource_guess(ref: str, resources: Collection[str]) -> dict[str, str]:
    """The hint for a resource that names nothing: the id a typo meant (`_guess`); else, when it is
    a resource's name (or most of one: 가온구 푸드뱅크 for 가온구 기초푸드뱅크·푸드마켓), the id to
    write instead; else, when it is written in Hangul, that a resource is named by its id."""
    hint = _guess(ref, resources)
    if hint:
        return hint
    names = {rid: name for rid, name in resources.items() if name} if isinstance(resources, Mapping) else {}
    rid = _named(ref, names)
    if rid is not None:
        return {"hint": f" 자원은 이름이 아니라 resources/의 파일 이름(id)으로 적습니다: '{names[rid]}'은(는) "
                        f"'{rid}'입니다 (resources/{rid}.md).",
                "hint_en": f" A resource is named by its id (its file name in resources/), not its name: "
                           f"'{names[rid]}' is '{rid}'."}
    if _HANGUL.search(ref):
        return {"hint": " 자원은 이름이 아니라 resources/의 파일 이름(영문 id, 확장자 .md 없이)으로 적습니다.",
                "hint_en": " A resource is named by its id (its file name in resources/, without .md), not its name."}
    if ref.isascii() and ref.isdigit():  # (`resource: 129`: no resources/129.md, nor a name holding 129)
        return {"hint": " 자원은 번호가 아니라 resources/의 파일 이름(영문 id, 확장자 .md 없이)으로 적습니다. "
                        "resources/ 폴더에서 이 자원의 파일을 찾아 그 이름을 적으세요.",
                "hint_en": " A resource is named by its id (its file name in resources/, without .md), not a number."}
    return {}


_HANGUL = re.compile("[가-힣]")


def _named(ref: str, names: Mapping[str, str]) -> str | None:
    """The resource whose name `ref` is: the same but for spaces and dots, or the one name holding
    all of its words (and no other does), or the closest name."""
    def key(s: str) -> str:
        return re.sub(r"[\s·.,()'\"_-]", "", s.lower())

    k = key(ref)
    if not k:
        return None
    same = [rid for rid, name in names.items() if key(name) == k]
    if len(same) == 1:
        return same[0]
    words = [key(w) for w in ref.split() if key(w)]
    holding = [rid for rid, name in names.items() if words and all(w in key(name) for w in words)]
    if len(holding) == 1:
        return holding[0]
    by_key = {key(name): rid for rid, name in names.items()}
    hit = difflib.get_close_matches(k, list(by_key), n=1, cutoff=0.6)
    return by_key[hit[0]] if hit else None


_ID_THEN_WORDS = re.compile(r"\s*([A-Za-z][0-9]+)(?:[\s:.,·()\-]+)\S")


def _goal_guess(ref: str, goals: dict[str, str]) -> dict[str, str]:
    """The hint for a goal reference the plan lacks: the goal's words written for its id (the plan's
    own sentence, or a part of one goal's only), an id with words after it (`G1 생활비`), else a near id."""
    lead = _ID_THEN_WORDS.match(ref)
    if lead is not None and lead.group(1).upper() in goals:
        gid = lead.group(1).upper()
        return {"hint": f" ID 뒤의 설명을 지우고 ID만 적으세요: goal: {gid}.", "hint_en": f" keep the id alone: goal: {gid}."}
    words = "".join(ref.split())
    if len(words) >= 4:
        meant = [gid for gid, text in goals.items() if words in "".join(str(text).split())]
        if len(meant) == 1:
            return {"hint": f" 목표는 문장이 아니라 ID로 적습니다: 이 목표는 {meant[0]}입니다. goal: {meant[0]}.",
                    "hint_en": f" name a goal by its id: this one is {meant[0]}."}
    return _guess(ref, goals)


_NUMBERED_ID = re.compile(r"\s*([A-Za-z]+)[\s_.\-]*([0-9]{1,9})\s*")


def _same_number(ref: str, known: Iterable[str]) -> str | None:
    """The one known id with the letters and the number of `ref` written otherwise (G1 for G01, g1, G-001:
    a plan that renumbered its goals with zeros): None when none or several are."""
    m = _NUMBERED_ID.fullmatch(ref)
    if m is None:
        return None
    meant = (m.group(1).upper(), int(m.group(2)))
    same = [k for k in known if (n := _NUMBERED_ID.fullmatch(k)) is not None and k != ref
            and (n.group(1).upper(), int(n.group(2))) == meant]
    return same[0] if len(same) == 1 else None


def _guess(ref: str, known: Iterable[str]) -> dict[str, str]:
    """The "혹시 …인가요?" hint for a reference that names nothing, when a known id is close; the id of the
    same letters and number, when one is (G1 where the plan has G01, G2 and G11: G01, not G11)."""
    known = list(known)
    same = _same_number(ref, known)
    if same is not None:
        return {"hint": f" 번호가 같은 {same}이(가) 있습니다: {same}(으)로 고쳐 적으세요.",
                "hint_en": f" {same} has the same number: write {same}."}
    guess = close_to(ref, known, cutoff=0.6)
    return {"hint": f" 혹시 {guess}인가요?", "hint_en": f" Did you mean {guess}?"} if guess else {}


__all__ = ["EXCUSED_KO", "EXCUSED_REASONS", "NOT_ELIGIBLE", "ORDER_CODES", "Episode", "check_case", "episodes", "out_of_order",
           "said_of"]  # episodes: re-exported from case
