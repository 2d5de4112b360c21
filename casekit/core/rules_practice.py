"""Checks a practitioner would make reading a case: consent, plausible dates, what a plan and a
closure claim, the household, and (over the whole casebook) aliases, resident numbers and
resources no longer in service.

Each finding points at the value that is wrong. They run over the one `Case` model, after
the process rules in `rules.check_case`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Collection, Sequence
from operator import itemgetter
from typing import Any

from casekit.core import clock
from casekit.core.case import Case, Consents, Episode, dates_going_back
from casekit.core.findings import Finding, finding
from casekit.core.handover import typo_meanings, unrecorded_change
from casekit.core.schemas import AGE_GROUPS, PLACEHOLDER, STAGE_KO, age_group_of
from casekit.core.summary import Consent, Summary, named_records, record_order, valid_date

# a follow-up's `status` that needs something to follow it (followup-crisis-left), in Korean
FOLLOWUP_NEEDS = {"crisis": "위기", "needs_support": "지원 필요"}
# a follow-up's `status` that says the client was reached (closure-unreachable-reached), in Korean
FOLLOWUP_REACHED = {"stable": "안정", "needs_support": "지원 필요", "crisis": "위기"}
# a consent entry dated more than this many days after the record it is written in is misdated
# (one taken during an intake and dated a few days later counts for it)
CONSENT_LATE_DAYS = 30
# a plan agreed to more than this many days before it is dated is misdated (a plan is agreed as it is made)
AGREED_BEFORE_DAYS = 30
# a record dated more than this many days after today is a typo (2062 for 2026), not a plan
FUTURE_DAYS = 366
# a plan goal's target date (목표일) may lie years ahead: a long-term goal (장기목표: 자립, 부채 정리, a child's
# schooling) is planned so. Past a year it is a warning (check the year); past this many days, an error (a typo)
TARGET_FUTURE_DAYS = 5 * 366
# two records of one episode further apart than this look like a year typo (2027 for 2026)
GAP_DAYS = 730
# after a withdrawal of consent to case management, only these may follow
AFTER_WITHDRAWAL = frozenset({"closure", "followup", "conference", "intake"})


def check_practice(case: Case, today: dt.date | None = None, back: set[str] | None = None) -> list[Finding]:
    """`back`: the records dated before the one above them (`case.dates_going_back`), when the
    caller has them (rules.check_case does: not worked out twice)."""
    out: list[Finding] = []
    future = _future_dates(case, today or clock.today())
    out += future
    typo = {f.path for f in future}  # a record with a year typo: no second finding comparing against it
    out += [f for f in _gaps(case) if f.path not in typo]
    # a record dated before the one above it: its date is the mistake (date-decreasing, with the year
    # it likely meant), not the consent its shares seem to lack on that date, nor its next date far after it
    if back is None:
        back = {r.rel for r, _ in dates_going_back(case.records, (today or clock.today()).isoformat())}
    out += [f for f in _plausible_dates(case) if f.path not in typo
            and not (f.code in ("next-far-after-record", "agreement-before-plan") and f.path in back)]
    late, meant = _consents_misdated(case, back | typo)
    out += _consent(case, back, meant, late)
    out += [f for f in _consent_late(case, typo) if (f.path, f.line) not in {(m[0], m[1]) for m in late}]
    out += _copied_bodies(case)
    out += unrecorded_change(case.records, [], case.id)  # (casebook._check drops it where handover.yml says so)
    out += _unreachable_reached(case)
    ep = Episode()
    monitored = False  # a 점검 since the episode's latest plan
    unmet: dict[str, Summary] = {}  # goals the latest 점검 (since the latest plan) found stalled or not started
    for r in case.records:
        if r.stage == "intake":
            ep = Episode(intake=r)
            monitored = False
            if r.alone_at is not None and r.members:  # (1인 가구 with members listed: one of them is not so)
                shown = ", ".join(f"{m}({rel})" if rel else m for m, rel in list(r.members.items())[:3])
                out.append(finding("household-mismatch", r.rel, *r.alone_at, count=len(r.members),
                                   members=shown + (" …" if len(r.members) > 3 else "")))
            continue
        if r.stage == "conference" and (r.kind == "selection" or r.case_type) and ep.assessment is None:
            out.append(finding("selection-before-assessment", r.rel, *r.kind_at))
        if r.stage == "assessment":
            if r.kind == "initial" and ep.assessment is not None and ep.closure is None:
                out.append(finding("initial-again", r.rel, *r.kind_at, stage_ko="사정", meant="reassessment",
                                   meant_ko="재사정", earlier=ep.assessment.file_name))
            if r.kind == "reassessment" and ep.assessment is None and (ep.intake is not None or not any(
                x.stage == "assessment" and x.nn < r.nn for x in case.records
            )):  # (the first of the case, or of an episode reopened: a new 사정 of the new 접수)
                out.append(finding("reassessment-first", r.rel, *r.kind_at))
            out += _members(r, case)
            out += _risk(r)
            ep.assessment = r
        elif r.stage == "plan":
            out += _plan(r, ep, case, dates=r.rel not in typo)
            ep.plan = r
            monitored = False
            unmet = {}
        elif r.stage == "monitoring":
            monitored = True
            # (a goal this 점검 does not review stays as the one before found it)
            unmet = {g: v for g, v in unmet.items() if g not in r.progress} | {g: r for g in r.unmet}
        elif r.stage == "closure":
            out += _closure(r)
            judged = [g for g, result in r.result_values.items() if result == "achieved" and g in unmet]
            if judged:  # (a probe: a goal the last 점검 found stalled, called achieved at closure with no review between)
                last = unmet[judged[0]]
                out.append(finding("closure-achieved-unreviewed", r.rel, *r.goals_at, goals=", ".join(judged),
                                   monitoring=last.file_name))
            if r.reason == "goals_achieved" and ep.plan is not None and not monitored:
                # (a supervisor's probe: goals judged achieved with no 점검 of the plan that set them)
                out.append(finding("closure-without-monitoring", r.rel, *r.reason_at, plan=ep.plan.file_name))
            ep.closure = r
        elif r.stage == "followup" and r.reopen is True and r.aftercare_done:
            out.append(finding("followup-reopen-and-done", r.rel, *r.aftercare_done_at))
        elif r.stage == "followup" and r.kind in FOLLOWUP_NEEDS and r.reopen is not True \
                and (r.aftercare_done or not r.next_check):
            # (a probe: the client in crisis, or needing support, left every list, status and due saying nothing to do)
            out.append(finding("followup-crisis-left", r.rel, *r.kind_at, case=case.id, status=FOLLOWUP_NEEDS[r.kind]))
        elif r.stage == "followup" and r.aftercare_done and r.next_check:
            # (follow-up ended, and a next check written: `due` drops the date the worker means to keep)
            out.append(finding("followup-done-with-next", r.rel, *r.next_at, date=r.next_check))
        elif r.stage == "followup" and ep.closure is not None and ep.closure.reason == "deceased":
            out.append(finding("after-death", r.rel, *r.where, what="사후관리 기록이 있습니다",
                               what_en="a follow-up record", closure=ep.closure.file_name))
    return out


def _copied_bodies(case: Case) -> list[Finding]:
    """A record whose body says word for word what an earlier record's says (`record-copied`): the
    last record copied to start the next, its text never rewritten. Said at the later one's body."""
    first: dict[str, Summary] = {}
    out = []
    for r in case.records:
        if not r.body_key:
            continue
        if r.body_key in first and first[r.body_key].nn != r.nn:  # (one number twice: duplicate-number says it)
            other = first[r.body_key]
            out.append(finding("record-copied", r.rel, r.body_at, 1, other=other.file_name,
                               stage_ko=STAGE_KO.get(r.stage, r.stage)))
        else:
            first[r.body_key] = r
    return out


def _goal_reused(r: Summary, ep: Episode) -> list[Finding]:
    """A goal id of the episode's earlier plan given to another goal in this one (`goal-id-reused`):
    G3 was 주거 안정, now 취업 준비. The 점검 and 종결 after it then name G3 for both. Another goal is
    one whose words share no two letters running with the earlier's (not its need: a 재사정 numbers
    its needs anew); a goal reworded keeps its id."""
    earlier = ep.plan
    if earlier is None or not r.goals or ep.closure is not None:  # (a plan after a closure: after-closure says it)
        return []
    out = []
    taken = [int(g[1:]) for g in (*earlier.goals, *r.goals) if g[:1] == "G" and g[1:].isdigit()]
    free = f"G{max(taken, default=0) + 1}"
    for goal, text in r.goals.items():
        old = earlier.goals.get(goal)
        if not old or not text:
            continue
        if not _pairs(old) & _pairs(text):
            line, col = r.goal_ids_at.get(goal, r.goals_at)
            out.append(finding("goal-id-reused", r.rel, line, col, goal=goal, old=_cut(old), new=_cut(text),
                               plan=earlier.file_name, free=free))
    return out


def _pairs(text: str) -> set[str]:
    """The two letters running in the words of `text`, a word's last letter left out when it has three
    or more (a particle or an ending: 구한다, 일자리를), and the pairs every goal may hold (위해, 한다)."""
    out: set[str] = set()
    for word in text.split():
        word = "".join(ch for ch in word if ch.isalnum())
        stem = word[:-1] if len(word) >= 3 else word
        out.update(stem[i : i + 2] for i in range(len(stem) - 1))
    return out - _EVERY_GOAL


_EVERY_GOAL = frozenset({"위해", "위한", "통해", "대한", "있도", "도록", "한다", "된다", "하여", "하고", "받아", "받고",
                         "에서", "으로", "하기", "있다", "있게", "않는", "않도", "없이"})


def _cut(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# the earliest birth date taken as written (an older one is a typo: 1855 for 1955)
EARLIEST_BIRTH = "1900-01-01"
AGE_GROUP_SLACK = 1  # years past a band's ends not judged (a birthday near the intake, a programme's own line)
# the name of a record's next date, by stage, as the form shows it
# a conference task's date before the conference, said by which date it is
TASK_DATES = {
    "done": {"what": "할 일을 마친 날", "what_en": "done date",
             "advice": "회의 전에 이미 마친 일이었다면 tasks가 아니라 decisions에 적으세요.",
             "advice_en": "if it was done before the meeting, write it under decisions, not tasks"},
    "due": {"what": "할 일의 기한", "what_en": "due date",
            "advice": "연도나 월을 잘못 적지 않았는지 보세요.", "advice_en": "was the year or the month mistyped?"},
}
NEXT_DATES = {"monitoring": "다음 점검일", "closure": "첫 사후관리일", "followup": "다음 확인일", "conference": "다음 회의일"}


def _future_dates(case: Case, today: dt.date) -> list[Finding]:
    limit = (today + dt.timedelta(days=FUTURE_DAYS)).isoformat()
    target_limit = (today + dt.timedelta(days=TARGET_FUTURE_DAYS)).isoformat()
    day = today.isoformat()
    out = []
    for r in case.records:
        far = False
        targets = {(line, col): goal for goal, _, line, col in r.goal_targets}
        for d, line, col in r.dates:
            goal = targets.get((line, col))
            if goal is not None and limit < d <= target_limit:  # a long-term goal's target, or the year mistyped
                out.append(finding("target-date-far", r.rel, line, col, goal=goal, date=d, today=day))
            elif d > limit:
                out.append(finding("date-far-future", r.rel, line, col, date=d, today=day,
                                   span="5년" if goal is not None else "1년",
                                   span_en="five years" if goal is not None else "a year"))
                far = far or (line, col) == r.date_at
        if r.date and day < r.date and not far:  # what a record tells has happened: not after today
            out.append(finding("date-future", r.rel, *r.date_at, date=r.date, today=day))
        for d, line, col in r.tasks_done:  # a task marked done ahead: casekit due no longer lists it
            if day < d <= limit:
                out.append(finding("done-future", r.rel, line, col, date=d, today=day))
        if r.agreed_on and day < r.agreed_on <= limit:  # the day the client agreed: it has happened
            out.append(finding("agreement-future", r.rel, *r.agreed_on_at, date=r.agreed_on, today=day))
    return out


def full_years(birth: str, day: str) -> int:
    """Full years of age (만 나이) on `day` of one born on `birth` (ISO dates, birth first)."""
    years = int(day[:4]) - int(birth[:4])
    return years - 1 if day[5:10] < birth[5:10] else years


def _age_group_mismatch(r: Summary) -> list[Finding]:
    """`age-group-mismatch` when the intake's age group is not that of the client's age on the
    intake's date by more than AGE_GROUP_SLACK years (a child of 56: a slip in one or the other,
    and the rules that read the age group, the consent of a child, would judge wrongly)."""
    if r.age_group not in dict(AGE_GROUPS) or not r.birth or not r.date:
        return []
    age = full_years(r.birth, r.date)
    near = range(max(age - AGE_GROUP_SLACK, 0), age + AGE_GROUP_SLACK + 1)  # (the ages the slack allows)
    if r.age_group in {age_group_of(a) for a in near}:
        return []
    return [finding("age-group-mismatch", r.rel, *r.age_group_at, group=r.age_group, age=age, birth=r.birth,
                    date=r.date, expected=age_group_of(age))]


def _plausible_dates(case: Case) -> list[Finding]:
    """A birth date after the intake or before 1900; a record's next date before the record; a
    conference's task done before the conference."""
    out = []
    for r in case.records:
        if r.birth and r.date and r.birth > r.date:
            out.append(finding("birth-after-record", r.rel, *r.birth_at, birth=r.birth, date=r.date))
        elif r.birth and r.birth < EARLIEST_BIRTH:
            out.append(finding("birth-too-early", r.rel, *r.birth_at, birth=r.birth))
        elif r.stage == "intake" and r.birth and r.date and r.age_group:
            out += _age_group_mismatch(r)
        upcoming = {"monitoring": r.next_review, "closure": r.aftercare_first, "followup": r.next_check,
                    "conference": r.next_meeting}.get(r.stage)
        if upcoming and r.date and upcoming < r.date:
            out.append(finding("next-before-record", r.rel, *r.next_at, what=NEXT_DATES[r.stage], next=upcoming,
                               date=r.date))
        elif upcoming and r.date and upcoming > _days_after(r.date, NEXT_FAR_DAYS):
            out.append(finding("next-far-after-record", r.rel, *r.next_at, what=NEXT_DATES[r.stage], next=upcoming,
                               date=r.date, **_year_meant(upcoming, r.date)))
        if r.stage == "plan" and r.agreed_on and r.date and valid_date(r.agreed_on) \
                and r.agreed_on < _days_after(r.date, -AGREED_BEFORE_DAYS):
            # (agreed on the plan a month before it was written: a year typo, 2025 for 2026, which also
            # hides every activity carried out before the real agreement)
            meant = next((m for m in (r.date[:4] + r.agreed_on[4:],) if valid_date(m)
                          and _days_after(r.date, -AGREED_BEFORE_DAYS) <= m <= _days_after(r.date, AGREED_BEFORE_DAYS)), "")
            out.append(finding("agreement-before-plan", r.rel, *r.agreed_on_at, date=r.agreed_on, plan_date=r.date,
                               hint=f" 연도를 잘못 적었나요? {meant}" if meant else "",
                               hint_en=f"; a mistyped year? {meant}" if meant else ""))
        sat = r.date if r.stage == "conference" else None
        for when, dates in (("done", r.tasks_done), ("due", r.tasks_due)):
            for d, line, col in dates:
                if sat and d < sat:  # a task the conference gave is neither done nor due before it sat
                    out.append(finding("task-before-meeting", r.rel, line, col, date=sat, task_date=d,
                                       **TASK_DATES[when]))
                elif sat and when == "due" and d > _days_after(sat, NEXT_FAR_DAYS):
                    out.append(finding("next-far-after-record", r.rel, line, col, what="할 일의 기한", next=d,
                                       date=sat, **_year_meant(d, sat)))
    return out


# a next date (a review, a follow-up, a meeting, a task's due date) further than this after its record:
# a year typed one too far (2027-11-13 for 2026-11-13) takes the work off `casekit due` for a year
NEXT_FAR_DAYS = 183


def _days_after(day: str, days: int) -> str:
    try:
        return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return "9999-12-31"


def _year_meant(later: str, day: str) -> dict[str, Any]:
    """The date meant when `later`'s year is one typed too far: the same day in `day`'s year (or the
    next), on or after `day`."""
    for year in (day[:4], str(int(day[:4]) + 1) if day[:4].isdigit() else ""):
        meant = year + later[4:]
        if year and meant != later and valid_date(meant) and day <= meant <= _days_after(day, NEXT_FAR_DAYS):
            return {"hint": f" 연도를 잘못 적었나요? {meant}", "hint_en": f"; a mistyped year? {meant}"}
    return {"hint": "", "hint_en": ""}


def _gaps(case: Case) -> list[Finding]:
    """A record years after the one before it in the same episode: most likely a year typo."""
    out = []
    prev: Summary | None = None
    for r in case.records:
        if r.stage == "intake":
            prev = r
            continue
        if r.date and prev is not None and prev.date and r.stage != "followup":
            days = (dt.date.fromisoformat(r.date) - dt.date.fromisoformat(prev.date)).days
            if days > GAP_DAYS:
                out.append(finding("date-gap", r.rel, *r.date_at, date=r.date, prev_date=prev.date, years=days // 365))
        if r.date:
            prev = r
    return out


Misdated = tuple[str, int, int, str, str]  # (record, line, column, the consent's date, the record's)


def _unreachable_reached(case: Case) -> list[Finding]:
    """`closure-unreachable-reached`: a closure for 연락 두절 (`unreachable`) whose follow-up after it
    talks with the client (stable, needing support, in crisis): the reason picked for another. Said
    once a closure, at its reason."""
    out = []
    closure: Summary | None = None
    for r in case.records:
        if r.stage == "intake":
            closure = None
        elif r.stage == "closure":
            closure = r if r.reason == "unreachable" else None
        elif r.stage == "followup" and closure is not None and r.kind in FOLLOWUP_REACHED:
            out.append(finding("closure-unreachable-reached", closure.rel, *closure.reason_at, followup=r.file_name,
                               status=FOLLOWUP_REACHED[r.kind]))
            closure = None
    return out


def _consents_misdated(case: Case, skip: Collection[str]) -> tuple[list[Misdated], Consents | None]:
    """Each consent entry dated more than CONSENT_LATE_DAYS after the record it is written in
    (2027-03-04 in a 2026-03-04 intake: a year typo), which a consent is not (it is written in the
    record of the day it was given, a withdrawal in a later record); and the case's consents with
    each such entry dated as its record (None when there is none). A record whose own date is the
    mistake (`skip`) is not judged."""
    found: list[Misdated] = []
    entries = []
    for r in case.records:
        for c in r.consents:
            if r.date and r.rel not in skip and valid_date(c[0]) and c[0] > _days_after(r.date, CONSENT_LATE_DAYS):
                found.append((r.rel, c[5], c[6], c[0], r.date))
                c = (r.date, *c[1:])
            entries.append(c)
    return found, (Consents(tuple(sorted(entries, key=lambda c: c[0]))) if found else None)


def _consent(case: Case, misdated: Collection[str] = (), meant: Consents | None = None,
             late: Sequence[Misdated] = ()) -> list[Finding]:
    """`late`: the consent entries dated after their records (`_consents_misdated`), each a
    `consent-after-record`; `meant`: the consents with those dated as their records. A share only
    `meant` covers is not a `sharing-without-consent` of its own but counted in those findings (an
    error then: as written, it was shared before consent)."""
    out: list[Finding] = []
    consents = case.consents
    waiting = 0  # shares given consent only by an entry of `late` dated as meant
    opened = ""  # the date of the case's first intake
    withdrawal: Consent | None = None  # the withdrawal of consent to case management in force, in record order
    # a refusal or a withdrawal that later records go against: said once, at its `action`, naming them
    # (the case-management entry -> the records; the sharing entry -> (record, agency) of each share)
    holder = {c: r for r in case.records for c in r.consents}
    managed: dict[Consent, list[Summary]] = {}
    following: dict[Consent, list[Summary]] = {}  # an intervention or monitoring after a refusal
    shares_against: dict[Consent, list[tuple[Summary, str]]] = {}
    unconsented: dict[str, Finding] = {}  # an intake's eligible-without-consent, by the intake
    # a record that could not be read, or a consent entry that could not: what was consented to is
    # not known, and that record's own finding says why (no false "shared without consent" beside it);
    # so too a case without its intake, which holds the consents (first-not-intake says it once)
    known = any(r.stage == "intake" for r in case.records) and all(r.ok and not r.consent_unclear
                                                                   for r in case.records)
    # no consent written anywhere in the case (the intake's `consents:` left out or deleted): that is
    # one mistake, which eligible-without-consent says at the intake, naming the agencies shared with;
    # not also each share's sharing-without-consent
    unwritten = not any(r.consents for r in case.records) and any(
        r.stage == "intake" and r.ok and r.eligibility == "eligible" and not r.consent_unclear for r in case.records)
    shared = sorted({resource for r in case.records if r.rel not in misdated for resource, *_ in r.shares})
    for r in case.records:
        if not r.date:
            continue
        cm = consents.deciding("case_management", r.date)
        if r.stage == "intake":
            withdrawal = None
            opened = opened or r.date
            # 만 14세 미만: the legal representative consents (개인정보보호법 §22의2); not where the birth
            # date says the age group is the slip (age-group-mismatch: a child of 56)
            if r.age_group == "child" and not _age_group_mismatch(r):
                own = [(line, col) for *_, by, line, col, _, _ in r.consents if by == "self"]
                out += [finding("child-consent-self", r.rel, *own[0])] if own else []  # one finding, at the first
            # consent taken during the intake counts for it, even when dated a few days later
            state = consents.state("case_management", max([r.date, *(c[0] for c in r.consents)]))
            if r.ok and r.eligibility == "eligible" and state != "given" and not r.consent_unclear:
                also = (f" 정보 제공 동의도 없어, 기록에 적힌 기관 {len(shared)}곳({', '.join(shared[:5])}"
                        f"{' …' if len(shared) > 5 else ''})에 정보를 준 것도 동의 없이 한 것이 됩니다: "
                        "'scope: information_sharing'도 적으세요.") if unwritten and known and shared else ""
                unconsented[r.rel] = finding("eligible-without-consent", r.rel, *r.eligibility_at, also=also)
                out.append(unconsented[r.rel])
        elif r.stage in ("assessment", "plan") and cm is not None and cm[2] in ("refused", "withdrawn"):
            managed.setdefault(cm, []).append(r)  # (an assessment or plan after a withdrawal: that withdrawal's)
        elif withdrawal is not None and r.stage not in AFTER_WITHDRAWAL:
            managed.setdefault(withdrawal, []).append(r)
        elif cm is not None and cm[2] == "refused" and r.stage not in AFTER_WITHDRAWAL and not r.crisis_only:
            # (the work after an assessment or plan made against a refusal: named with them, so that the
            # way out the finding gives leaves nothing behind; 위기개입 waits for no consent)
            following.setdefault(cm, []).append(r)
        for resource, date, line, col in r.shares if known and r.rel not in misdated and not unwritten else ():
            if opened and date < opened:
                # a share dated before the case was opened: a year typo (an activity's, which activity-before-plan
                # says) or a service the client had before (a plan's `start`): judged on the record's own date
                date = r.date
            entry = consents.deciding("information_sharing", date, resource)
            state = entry[2] if entry is not None else None
            if state != "given" and meant is not None and meant.state("information_sharing", date, resource) == "given":
                waiting += 1
            elif entry is None:
                out.append(finding("sharing-without-consent", r.rel, line, col, resource=resource, date=date))
            elif state != "given":
                shares_against.setdefault(entry, []).append((r, resource))
        for c in r.consents:  # a later consent to case management ends a withdrawal
            if c[1] == "case_management":
                withdrawal = c if c[2] == "withdrawn" else None
    for entry, records in managed.items():
        records = sorted([*records, *following.get(entry, [])], key=record_order)
        out.append(_consent_against(holder[entry], entry, records))
        if entry[2] == "refused" and holder[entry].rel in unconsented:
            # (the intake's own refusal, written for `given`: said once, at it, not also at the eligibility)
            out.remove(unconsented.pop(holder[entry].rel))
    out += [_sharing_against(holder[entry], entry, shares) for entry, shares in shares_against.items()]
    for rel, line, col, date, record_date in late:
        shares = (f" 이 날짜대로면 그 전에 한 정보 제공 {waiting}건이 동의 없이 한 것이 됩니다.",
                  f"; as dated, {waiting} shares before it were made without consent") if waiting else ("", "")
        out.append(finding("consent-after-record", rel, line, col, severity="error" if waiting else None, date=date,
                           record_date=record_date, shares=shares[0], shares_en=shares[1],
                           **_year_meant(date, record_date)))
    return out



ACTION_KO = {"refused": "거부", "withdrawn": "철회"}


def _consent_against(r: Summary, entry: Consent, records: list[Summary]) -> Finding:
    """A refusal or withdrawal of consent to case management that later records go against (an
    assessment or plan after it; after a withdrawal, any record but closure, follow-up and conference):
    one finding, at the entry's `action`, naming them: either the action is a slip (given meant), or
    those records should not be there. `assessment-without-consent` (or `plan-without-consent`, no
    assessment among them) for a refusal, `after-withdrawal` for a withdrawal."""
    date, _, action, *_, line, col = entry
    if action == "withdrawn":
        code = "after-withdrawal"
    else:
        code = "assessment-without-consent" if any(x.stage == "assessment" for x in records) else "plan-without-consent"
    return finding(code, r.rel, line, col, date=date, withdrawn=date, **named_records(records))


def _sharing_against(r: Summary, entry: Consent, shares: list[tuple[Summary, str]]) -> Finding:
    """A refusal or withdrawal of consent to share information that later records go against (a
    plan's service, a linking activity, a referral to an agency it covers): one finding, at the
    entry's `action`, naming the records and the agencies."""
    date, _, action, *_, line, col = entry
    agencies = list(dict.fromkeys(resource for _, resource in shares))
    return finding("sharing-refused", r.rel, line, col, date=date, action=action, action_ko=ACTION_KO[action],
                   shares=len(shares), agency_count=len(agencies),
                   agencies=", ".join(agencies[:5]) + (" …" if len(agencies) > 5 else ""),
                   **named_records([x for x, _ in shares]))


def _consent_late(case: Case, typo: set[str]) -> list[Finding]:
    """An intake's consent to case management dated after the first 사정 or 계획 that follows it:
    practice assesses only after consent (a warning at the consent's date, naming that record)."""
    out: list[Finding] = []
    intake: Summary | None = None
    for r in case.records:
        if r.stage == "intake":
            intake = r
            continue
        if intake is None or r.stage not in ("assessment", "plan") or not r.date:
            continue
        first, intake = intake, None  # (the first assessment or plan of the episode only)
        if first.rel in typo or r.rel in typo or not first.date or r.date < first.date:
            continue  # a year typo, or dates out of order: their own findings say so
        if case.consents.state("case_management", r.date) == "given":
            continue  # consented by then (another record's entry, or an earlier one)
        given = [c for c in first.consents if c[1] == "case_management" and c[2] == "given" and c[0] > r.date]
        if given:
            date, *_, line, col, _, _ = min(given, key=lambda c: c[0])
            out.append(finding("consent-after-assessment", first.rel, line, col, date=date, record_date=r.date,
                               record=f"{r.nn:02d} {STAGE_KO[r.stage]}", record_en=r.rel.rsplit("/", 1)[-1]))
    return out


def _members(r: Summary, case: Case) -> list[Finding]:
    """A need or goal filed under a household member (가구원) that the case does not list. While an
    intake or assessment before it cannot be read (a slip in its YAML: its household unread), they
    wait: that record's own finding says why, and the members may well be there."""
    if any((not x.ok or x.members_unread) and x.nn <= r.nn and x.stage in ("intake", "assessment")
           for x in case.records if x is not r or x.members_unread):
        return []  # (a household written as one member's keys, its `- ` left out: wrong-type says so)
    known = case_members_before(case, r)
    return [
        finding("unknown-member", r.rel, line, col, member=member, item=item, known=", ".join(known) or "-")
        for item, member, line, col in r.member_refs
        if member not in known
    ]


def case_members_before(case: Case, r: Summary) -> dict[str, str]:
    members: dict[str, str] = {}
    for x in case.records:
        if x.nn > r.nn:
            break
        if x.members:
            members = dict(x.members)
    return members


def _plan(r: Summary, ep: Episode, case: Case, dates: bool = True) -> list[Finding]:
    out: list[Finding] = []
    if r.date and dates:
        for goal, target, line, col in r.goal_targets:
            if target < r.date:
                out.append(finding("target-before-plan", r.rel, line, col, goal=goal, date=target, plan_date=r.date))
        if r.review_date and r.review_date < r.date:
            out.append(finding("review-before-plan", r.rel, *r.review_at, date=r.review_date, plan_date=r.date))
    for start, end, line, col in r.service_spans:
        if end < start:
            out.append(finding("service-ends-before-start", r.rel, line, col, start=start, end=end))
    if r.kind == "initial" and ep.plan is not None and ep.closure is None:
        out.append(finding("initial-again", r.rel, *r.kind_at, stage_ko="계획", meant="revised", meant_ko="수정 계획",
                           earlier=ep.plan.file_name))
    if r.kind == "revised":
        if ep.plan is None:
            out.append(finding("revised-plan-without-earlier", r.rel, *r.kind_at))
        if not r.revision_reason:
            out.append(finding("revised-plan-without-reason", r.rel, *r.kind_at))
    for goal, line, col in r.unagreed_goals:
        out.append(finding("goal-not-agreed", r.rel, line, col, goal=goal))
    out += _goal_reused(r, ep)
    out += _unplanned(r, ep)
    out += _members(r, case)
    known = case_members_before(case, r)
    need_members = ep.assessment.need_members if ep.assessment else {}
    for goal, (member, line, col) in r.goal_members.items():
        need = r.goal_needs.get(goal)
        other = need_members.get(need, member) if need else member
        if member in known and other in known and other != member:  # an unknown member is its own finding
            out.append(finding("goal-member-mismatch", r.rel, line, col, goal=goal, member=member, need=need,
                               need_member=other))
    return out


PLANNED_SEVERITIES = {"urgent": "긴급", "high": "높음"}  # a need of these the plan must give a goal


def _risk(r: Summary) -> list[Finding]:
    """An assessment whose 위기도 says the opposite of its needs (`risk-level-mismatch`): 낮음 with a
    need judged 긴급, or 위기 with none judged above 보통 (the level picked from the list one off, or
    left from the template's example). Said at `risk_level`."""
    if not r.ok or not r.need_severity:
        return []
    severities = set(r.need_severity.values())
    urgent = [need for need, severity in r.need_severity.items() if severity == "urgent"]
    if r.risk == "low" and urgent:
        return [finding("risk-level-mismatch", r.rel, *r.risk_at, level="낮음", level_en="low",
                        why=f"긴급으로 본 욕구({', '.join(urgent)})가 있습니다",
                        why_en=f"need(s) {', '.join(urgent)} are judged urgent")]
    if r.risk == "crisis" and not severities & {"urgent", "high"}:
        return [finding("risk-level-mismatch", r.rel, *r.risk_at, level="위기", level_en="crisis",
                        why="높음이나 긴급으로 본 욕구가 하나도 없습니다", why_en="no need is judged high or urgent")]
    return []


def _unplanned(r: Summary, ep: Episode) -> list[Finding]:
    """A need the assessment before the plan judged 긴급 or 높음 that no goal of the plan names
    (`need-not-planned`): the plan is made from the needs, the pressing ones first. Said at the
    plan's `goals`, once, when every goal has an id of its own and names a need the
    assessment has (else the goals are misnumbered: `duplicate-id`, `required` or `unknown-need`
    says so, and the need of a goal left without its id is not lost). Several such needs are one
    warning naming them all."""
    assessment = ep.assessment
    if assessment is None or not assessment.ok or not r.ok or not r.goals or r.doubled_goals \
            or len(r.goal_needs) < len(r.goals):
        return []
    planned = set(r.goal_needs.values())
    if not planned <= set(assessment.needs):
        return []
    left = {need: PLANNED_SEVERITIES[severity] for need, severity in assessment.need_severity.items()
            if severity in PLANNED_SEVERITIES and need not in planned}
    if not left:
        return []
    # (three pressing needs no goal names: one warning, at the goals, naming the three)
    line, col = r.goals_at
    return [finding("need-not-planned", r.rel, line, col, assessment=assessment.file_name, **_needs_left(left))]


def _needs_left(left: dict[str, str]) -> dict[str, str]:
    """What need-not-planned says of the pressing needs (id -> 긴급 or 높음) no goal of a plan names."""
    if len(left) == 1:
        ((need, severity),) = left.items()
        return {"what": f"심각도 '{severity}'(으)로 본 욕구 {need}", "what_en": f"need {need}, judged {severity}",
                "entry": f"{need}을(를) 가리키는 목표(need: {need})를 세우세요.", "entry_en": f"a goal with need: {need}"}
    first = next(iter(left))
    severities = "·".join(dict.fromkeys(sorted(left.values(), key=list(PLANNED_SEVERITIES.values()).index)))
    # (each need's severity beside it only when they differ: N1 긴급, N3 높음; else N2, N3)
    shown = ", ".join(f"{need} {severity}" if "·" in severities else need for need, severity in left.items())
    return {"what": f"심각도를 {severities}(으)로 본 욕구 {len(left)}개({shown})",
            "what_en": f"{len(left)} needs judged {severities} ({shown})",
            "entry": f"욕구마다 그 욕구를 가리키는 목표(need: {first}처럼)를 하나씩 세우세요.",
            "entry_en": f"a goal for each, with need: {first} and so on"}


def _closure(r: Summary) -> list[Finding]:
    out = []
    if r.reason == "deceased" and r.aftercare_first:
        out.append(finding("after-death", r.rel, *r.next_at, what="첫 사후관리일(aftercare.first_check)이 있습니다",
                           what_en="a first follow-up date (aftercare.first_check)", closure=r.file_name))
    elif r.aftercare_none is not None and r.aftercare_first:  # (사망: after-death says it)
        out.append(finding("aftercare-none-with-check", r.rel, *r.aftercare_none, first=r.aftercare_first))
    if r.reason == "goals_achieved" and r.result_values and "achieved" not in r.result_values.values():
        out.append(finding("goals-achieved-but-none", r.rel, *r.reason_at))
    elif r.reason == "goals_achieved":
        missed = [goal for goal, result in r.result_values.items() if result in ("not_achieved", "dropped")]
        if missed:
            out.append(finding("goals-achieved-not-all", r.rel, *r.reason_at, goals=", ".join(missed)))
    if r.reason == "withdrew" and not r.client_words:
        out.append(finding("withdrew-without-words", r.rel, *r.reason_at))
    return out


# What a case contributes to the checks across cases: its open episode's alias (as compared, as
# written, file, line, column), the resources its current plan names (id, file, line, column), the
# client's key, and the worker every record names (id, file, line, column).
WorkerUse = tuple[str, str, int | None, int | None]
HandoverWorker = tuple[str, str, int | None, int | None, str]  # a handover.yml's: (id, file, line, column, from|to|by)
Facts = tuple[tuple[str, str, str, int | None, int | None] | None, list[tuple[str, str, int | None, int | None]],
              str | None, list[WorkerUse], list[tuple[str, str, int]], tuple[str, str, str, str, int, int] | None, bool]
# (alias, resources of the current plan, the client's key (an open case's), workers, each record's body key with its
# file and body line, the client of the last episode with the day it opened or closed: (key, open|closed, date,
# and the file, line and column of its intake or closure) (client-returning), and whether the case is restricted
# (its pictures in docs/ kept out of the site: casekit.core.docs.held_back, without reading every case's summaries))


def case_facts(case: Case, allow_resident_number: bool = False) -> tuple[list[Finding], Facts]:
    """One case's part of the checks across cases: its own findings, and the facts they
    compare (small, so a check with one record changed need not read every case again)."""
    out: list[Finding] = []
    for r in case.records:
        if r.stage == "intake" and r.track_at is not None:
            out.append(finding("track-deprecated", r.rel, *r.track_at))
        if r.resident_at is not None and not allow_resident_number:
            out.append(finding("resident-number-kept", r.rel, *r.resident_at))
    workers: list[WorkerUse] = [(r.worker, r.rel, *r.worker_at) for r in case.records if r.worker]
    bodies = [(r.body_key, r.rel, r.body_at) for r in case.records if r.body_key]
    ep = case.current
    key = _client_key(ep.intake) if ep is not None else None
    if ep is None or ep.closure is not None:
        closed = (key, "closed", ep.closure.date, ep.closure.rel, *ep.closure.where) \
            if ep is not None and ep.closure is not None and key and ep.closure.date else None
        return out, (None, [], None, workers, bodies, closed, case.restricted is not None)
    alias: tuple[str, str, str, int | None, int | None] | None = None
    if ep.intake is not None and ep.intake.alias and not PLACEHOLDER.match(ep.intake.alias):
        # (a template's `<가명 표기 …>` not yet filled in is its own finding, not a shared alias)
        alias = (ep.intake.alias.replace(" ", ""), ep.intake.alias, ep.intake.rel, *ep.intake.alias_at)
    refs: list[tuple[str, str, int | None, int | None]] = []
    if ep.plan is not None:
        refs = [(ref, ep.plan.rel, line, col) for kind, ref, line, col in ep.plan.refs if kind == "resource"]
    opened = (key, "open", ep.intake.date, ep.intake.rel, *ep.intake.where) \
        if key and ep.intake is not None and ep.intake.date else None
    return out, (alias, refs, key, workers, bodies, opened, case.restricted is not None)


def _client_key(intake: Summary | None) -> str | None:
    """Who the client is, as two open cases of one person would share it: name and birth date
    (hashed: the facts are kept in the cache), None without both."""
    values = dict(intake.sensitive) if intake is not None else {}
    name, birth = values.get("client.name"), values.get("client.birth_date")
    if not isinstance(name, str) or not isinstance(birth, str) or not name.strip() or not birth.strip():
        return None
    return hashlib.blake2b(f"{''.join(name.split())}|{birth.strip()}".encode(), digest_size=16).hexdigest()


def across_cases(facts: dict[str, Facts], inactive: set[str], handover_workers: Sequence[HandoverWorker] = ()) -> list[Finding]:
    """The checks across cases, from each case's `case_facts`: the same alias on two open cases
    (the later case id is told), a resource no longer in service named in an open case's plan, a
    worker id that looks like a slip for another's (with the workers the handover.yml files name)."""
    out: list[Finding] = worker_typos([use for cid in sorted(facts) for use in facts[cid][3]], handover_workers)
    open_aliases: dict[str, str] = {}
    open_clients: dict[str, str] = {}
    copies = _copied_from_cases(facts)
    out += copies
    copied = {f.path.split("/")[1] for f in copies}  # (its alias is the other client's too: case-copied says to rewrite)
    for cid in sorted(facts):
        alias, refs, client, *_ = facts[cid]
        if cid in copied:
            alias = None
        if client is not None and client in open_clients and alias is not None:
            # one person with two open cases: said once (not also as two cases with one alias)
            _, _, rel, line, col = alias
            out.append(finding("client-duplicate", rel, line, col, other=open_clients[client]))
            alias = None
        elif client is not None:
            open_clients[client] = cid
        if alias is not None:
            key, shown, rel, line, col = alias
            if key in open_aliases:
                out.append(finding("alias-duplicate", rel, line, col, alias=shown, other=open_aliases[key]))
            else:
                open_aliases[key] = cid
        out += [finding("inactive-resource", rel, line, col, ref=ref) for ref, rel, line, col in refs if ref in inactive]
    return out + _returning(facts, copied)


def _returning(facts: dict[str, Facts], copied: set[str]) -> list[Finding]:
    """`client-returning`: an open case whose client (name and birth date) is the client of another
    case closed on or before its intake: a returning client's new intake goes into the old case,
    marked as a reopening (RECORD-FORMAT rule 4), not into a new case with no history. The case
    closed last is named."""
    closed: dict[str, tuple[str, str]] = {}  # client key -> (closure date, case) of the latest closure
    for cid in sorted(facts):
        last = facts[cid][5]
        if last is not None and last[1] == "closed" and cid not in copied:
            key, _, date, *_ = last
            if key not in closed or date >= closed[key][0]:
                closed[key] = (date, cid)
    out = []
    for cid in sorted(facts):
        last = facts[cid][5]
        if last is None or last[1] != "open" or cid in copied or last[0] not in closed:
            continue
        key, _, opened, rel, line, col = last
        date, other = closed[key]
        if other != cid and date <= opened:
            out.append(finding("client-returning", rel, line, col, other=other, closed=date))
    return out


def _copied_from_cases(facts: dict[str, Facts]) -> list[Finding]:
    """`case-copied`: a case two or more of whose records' bodies are another case's word for word (a
    case folder copied to start a new case, the `case:` values and the client changed, the other
    client's assessment, plan and story left; one record alike is a stock phrase): once a case, at
    its first such record, naming the case (the earlier id: the one copied) and how many records."""
    first: dict[str, tuple[str, str]] = {}  # body key -> (case, record) of the earliest case holding it
    out = []
    for cid in sorted(facts):
        bodies = facts[cid][4]
        same = [(rel, line, first[key]) for key, rel, line in bodies if key in first and first[key][0] != cid]
        for key, rel, _ in bodies:
            if key not in first:
                first[key] = (cid, rel)
        if same:  # (two records or more of one other case: one alike is a stock phrase, 안부 확인함 …)
            other_case = max({o for _, _, (o, _) in same}, key=lambda o: sum(x[2][0] == o for x in same))
            same = [x for x in same if x[2][0] == other_case]
        if len(same) >= 2:
            rel, line, (other, other_rel) = same[0]
            names = ", ".join(r.rsplit("/", 1)[-1] for r, *_ in same[:3]) + (" …" if len(same) > 3 else "")
            out.append(finding("case-copied", rel, line, 1, other=other, other_name=other_rel.rsplit("/", 1)[-1],
                               count=len(same), names=names))
    return out


def worker_typos(records: list[WorkerUse], handovers: Sequence[HandoverWorker]) -> list[Finding]:
    """A worker id written in one place only (one record's `worker`, one handover's `to`) when a near
    miss of it (`near_miss`: kim.ws for kim.sw) is written in several: a slip that drops the case from
    `casekit due --worker kim.sw`; so is the first part alone of one id (kim for kim.sw). Two workers whose ids are close but who each have several records
    are two people; an id with no near miss is a new worker. (A handover's `from` has its own check
    against the records; its `by`, a supervisor's id, is an id the casebook knows but is not judged.)"""
    uses = Counter(map(itemgetter(0), records))  # (one use a record: 62,000 at 10,000 cases)
    uses.update(map(itemgetter(0), handovers))
    meant = typo_meanings(uses)
    if not meant:
        return []
    places = [(w, rel, line, col, "worker") for w, rel, line, col in records if w in meant]
    places += [(w, rel, line, col, key) for w, rel, line, col, key in handovers if key == "to" and w in meant]
    return [finding("worker-typo", rel, line, col, worker=w, meant=meant[w], count=uses[meant[w]], key=key)
            for w, rel, line, col, key in places]


def case_rules(
    cid: str, summaries: list[Summary], resource_ids: Collection[str], allow_resident_number: bool = False,
    today: dt.date | None = None,
) -> tuple[list[Finding], Facts]:
    """Everything `check` finds in one case from its records' summaries (in file order): the
    process rules, the plausibility checks, and its own part of the checks across cases; and the facts
    the checks across cases compare."""
    from casekit.core.rules import check_case

    own, facts = case_facts(Case.of(cid, sorted(summaries, key=record_order)), allow_resident_number)
    return own + check_case(f"cases/{cid}", summaries, resource_ids, today), facts
