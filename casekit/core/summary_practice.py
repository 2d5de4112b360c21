"""What a record tells the practice checks: consent entries, the 대상자 구분, the household,
conferences, what is shared with which agency, and every date (for year typos).

Filled into the record's `Summary` by `summary.check_file`; read by `case`, `rules_practice` and `due`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from casekit.core.findings import Finding, finding
from casekit.core.hints import near_miss
from casekit.core.schemas import PLACEHOLDER
from casekit.core.source import Parsed
from casekit.core.summary import Summary, _get, _list, _str, id_as_meant, valid_date

SHARING_ACTIVITIES = frozenset({"linking", "coordination", "advocacy"})
LINKING_ACTIVITIES = frozenset({"linking", "coordination", "information", "crisis_intervention"})

# an intake's `client.household` saying the client lives alone (1인 가구, 독거, 혼자 삶, 단독 가구)
ALONE = re.compile(r"1\s*인\s*가구|독거|혼자\s*(?:삶|살|사는|거주)|단독\s*가구")

CONSENT_ACTIONS = frozenset({"given", "refused", "withdrawn"})  # a consent entry's `action`
CONSENT_SCOPES = frozenset({"case_management", "information_sharing"})  # a consent entry's `scope`


def _scope_slip(scope: str) -> bool:
    """Whether a consent's scope is one of ours mistyped: written in words (`사례관리`), or a code one
    slip from ours (`case_managment`). A code of a casebook's own (`photo`) is no slip."""
    return scope not in CONSENT_SCOPES and (re.fullmatch(r"[a-z][a-z0-9_]*", scope) is None
                                            or any(near_miss(scope, known) for known in CONSENT_SCOPES))


def summarize_practice(s: Summary, parsed: Parsed, data: dict[str, Any], stage: str) -> None:
    """Consent, selection, household, conference and the dates plausibility checks read."""

    def at(path: tuple[Any, ...]) -> tuple[int, int]:
        return parsed.where(path)

    def share(path: tuple[Any, ...], date: str | None) -> None:
        value = _get(data, path)
        if isinstance(value, str) and value and not PLACEHOLDER.match(value) and (date or s.date):
            s.shares.append((value, date or s.date or "", *at(path)))

    kind_key = "kind" if stage == "conference" else "status" if stage == "followup" else "type"
    s.kind, s.kind_at = _str(data.get(kind_key)), at((kind_key,))
    s.dates += [(v, *parsed.where(path)) for path, v in parsed.leaves()  # (len first: most values are no date)
                if isinstance(v, str) and len(v) == 10 and path and path[-1] != "birth_date" and valid_date(v)]
    for i, entry in enumerate(_list(data.get("consents"))):
        if isinstance(entry, dict):
            d = valid_date(entry.get("date"))
            scope, action = _str(entry.get("scope")), _str(entry.get("action"))
            # (another action, or a scope meant as one of ours, `사례관리` or `case_managment`: the
            # schema's finding says so, and what was consented to is not known)
            if d and scope and not _scope_slip(scope) and action in CONSENT_ACTIONS:
                res = entry.get("resources")
                # each id where it is written (`129`, an id typed as digits: the id "129", unknown-resource
                # when none is, as `resource: 129` is)
                named = [(j, str(r) if isinstance(r, int) and not isinstance(r, bool) else r)
                         for j, r in enumerate(res)] if isinstance(res, list) else []
                named = [(j, r) for j, r in named if isinstance(r, str)]
                covered = tuple(r for _, r in named) if isinstance(res, list) else None
                if covered is None and isinstance(entry.get("agencies"), list):
                    covered = ()  # named agencies outside the resource directory only: no resource is covered
                for j, rid in named:
                    s.refs.append(("resource", rid, *at(("consents", i, "resources", j))))
                # (where its date is: a finding about when consent was given points there)
                s.consents.append((d, scope, action, covered, _str(entry.get("by")) or "self", *at(("consents", i, "date")),
                                   *at(("consents", i, "action"))))
                continue
        s.consent_unclear = True
    selection = data.get("selection")
    if isinstance(selection, dict):
        s.case_type = _str(selection.get("case_type"))
        s.case_type_at = at(("selection", "case_type"))
        score = selection.get("risk_score")
        s.risk_score = score if isinstance(score, int) and not isinstance(score, bool) else None
    written = data.get("household_members")
    s.members_unread = written is not None and (not isinstance(written, list)
                                                or any(not isinstance(m, dict) for m in written))
    for member in _list(written):
        if isinstance(member, dict) and isinstance(member.get("id"), str):
            mid = id_as_meant(member["id"])
            s.members[mid] = _str(member.get("relation")) or ""
            s.member_ages[mid] = _str(member.get("age_group")) or ""
    if stage == "intake":
        household = _str(_dict(data.get("client")).get("household"))
        if household and ALONE.search(household):
            s.alone_at = at(("client", "household"))
        s.eligibility_at = at(("eligibility", "decision")) if ("eligibility", "decision") in parsed.positions else s.where
        legacy = data.get("consent")
        if isinstance(legacy, dict) and s.date:
            d = valid_date(legacy.get("date")) or s.date
            for scope in ("case_management", "information_sharing"):
                value = legacy.get(scope)
                if isinstance(value, bool):
                    s.consents.append((d, scope, "given" if value else "refused", None, "self", *at(("consent", scope)),
                                       *at(("consent", scope))))
                elif value is not None:
                    s.consent_unclear = True
        restricted = data.get("restricted")
        if isinstance(restricted, dict):
            s.restricted = _str(restricted.get("reason")) or "other"
        client = _dict(data.get("client"))
        s.alias, s.alias_at = _str(client.get("alias")), at(("client", "alias"))
        s.age_group, s.age_group_at = _str(client.get("age_group")), at(("client", "age_group"))
        s.birth, s.birth_at = valid_date(client.get("birth_date")), at(("client", "birth_date"))
        if client.get("resident_number") not in (None, ""):
            s.resident_at = at(("client", "resident_number"))
        if "track" in data:
            s.track_at = at(("track",))
        if s.eligibility == "referred_elsewhere":
            share(("referral", "referred_to"), s.date)
    elif stage == "assessment":
        s.informal_supports = [x for x in _list(data.get("informal_supports")) if isinstance(x, str)]
        s.risk_at = at(("risk_level",))
        for i, need in enumerate(_list(data.get("needs"))):
            if not isinstance(need, dict) or not isinstance(need.get("id"), str):
                continue
            nid = id_as_meant(need["id"])
            if isinstance(need.get("severity"), str):
                s.need_severity.setdefault(nid, need["severity"])
            if isinstance(need.get("member"), str):
                s.need_members[nid] = need["member"]
                s.member_refs.append((nid, need["member"], *at(("needs", i, "member"))))
    elif stage == "plan":
        agreement = _dict(data.get("agreement"))
        s.agreed_reason = bool(_str(agreement.get("reason")) or _str(agreement.get("client_words")))
        s.agreed_at = at(("agreement", "client_agreed")) if "client_agreed" in agreement else s.where
        s.agreed_on = valid_date(agreement.get("date"))
        s.agreed_on_at = at(("agreement", "date"))
        s.revision_reason = bool(_str(data.get("revision_reason")))
        s.review_at = at(("review_date",))
        s.goals_at = parsed.where(("goals",), key=True)
        for i, goal in enumerate(_list(data.get("goals"))):
            if not isinstance(goal, dict) or not isinstance(goal.get("id"), str):
                continue
            gid = id_as_meant(goal["id"])
            if isinstance(goal.get("need"), str):
                s.goal_needs[gid] = goal["need"]
            if isinstance(goal.get("member"), str):
                s.goal_members[gid] = (goal["member"], *at(("goals", i, "member")))
                s.member_refs.append((gid, goal["member"], *at(("goals", i, "member"))))
            target = valid_date(goal.get("target_date"))
            if target:
                s.goal_targets.append((gid, target, *at(("goals", i, "target_date"))))
            if goal.get("client_agreed") is False and not _str(goal.get("note")):
                s.unagreed_goals.append((gid, *at(("goals", i, "client_agreed"))))
        for i, service in enumerate(_list(data.get("services"))):
            if isinstance(service, dict):
                start, end = valid_date(service.get("start")), valid_date(service.get("end"))
                if start and end:
                    s.service_spans.append((start, end, *at(("services", i, "end"))))
                share(("services", i, "resource"), valid_date(service.get("start")) or s.date)
    elif stage == "intervention":
        acts = [a for a in _list(data.get("activities")) if isinstance(a, dict)]
        # (a type written as a list or a mapping, [information, linking], is no type: wrong-type says so)
        s.linking_only = bool(acts) and all(_str(a.get("type")) in LINKING_ACTIVITIES for a in acts)
        for i, act in enumerate(_list(data.get("activities"))):
            if isinstance(act, dict) and _str(act.get("type")) in SHARING_ACTIVITIES:
                share(("activities", i, "resource"), valid_date(act.get("date")))
    elif stage == "monitoring":
        s.goals_at = parsed.where(("progress",), key=True) if ("progress",) in parsed.positions else s.where
    elif stage == "closure":
        note = _str(data.get("reason_note")) or ""
        s.reason_at = at(("reason",)) if "reason" in data else s.where
        s.goals_at = parsed.where(("results",), key=True) if ("results",) in parsed.positions else s.where
        # the client's own words: in their field, or quoted in the note ("… '혼자 해 보겠다'며 …")
        s.client_words = bool(_str(data.get("client_words"))) or any(q in note for q in "'\"“”‘’「」『』")
        for item in _list(data.get("results")):
            if isinstance(item, dict) and isinstance(item.get("goal"), str) and isinstance(item.get("result"), str):
                s.result_values[item["goal"]] = item["result"]
        if s.reason == "referred":
            share(("referred_to",), s.date)
    elif stage == "conference":
        s.next_meeting = valid_date(data.get("next_meeting"))
        s.next_at = at(("next_meeting",))
        for i, _ in enumerate(_list(data.get("participants"))):
            ref_path = ("participants", i, "resource")
            value = _get(data, ref_path)
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(value)  # (`resource: 129`: as summary's refs read it)
            if isinstance(value, str) and value:
                s.refs.append(("resource", value, *at(ref_path)))
            share(ref_path, s.date)  # an agency at the table hears the case: consent must cover it
        s.open_tasks = sorted(due for t in _list(data.get("tasks")) if isinstance(t, dict) and not t.get("done")
                              and (due := valid_date(t.get("due"))) is not None)
        for i, task in enumerate(_list(data.get("tasks"))):
            if isinstance(task, dict) and (done := valid_date(task.get("done"))) is not None:
                s.tasks_done.append((done, *at(("tasks", i, "done"))))
            if isinstance(task, dict) and (due := valid_date(task.get("due"))) is not None:
                s.tasks_due.append((due, *at(("tasks", i, "due"))))
            value = _get(data, ("tasks", i, "goal"))
            if isinstance(value, str) and value:
                s.refs.append(("goal", value, *at(("tasks", i, "goal"))))


def referral_without_agency(parsed: Parsed, data: dict[str, Any], stage: str, rel: str) -> list[Finding]:
    """A closure for 이관 (`reason: referred`) or an intake judged 타 기관 의뢰 (`referred_elsewhere`) that
    does not say to which agency: the 연계 확인 that follows (and the consent to share with it) needs it."""
    if stage == "closure" and data.get("reason") == "referred" and not _str(data.get("referred_to")):
        return [finding("referred-without-agency", rel, *parsed.where(("reason",)), key="referred_to",
                        what="종결 사유가 타 기관 이관(referred)",
                        what_en="the closure reason is referred")]
    eligibility = _dict(data.get("eligibility"))
    if stage == "intake" and eligibility.get("decision") == "referred_elsewhere" \
            and not _str(_dict(data.get("referral")).get("referred_to")):
        return [finding("referred-without-agency", rel, *parsed.where(("eligibility", "decision")),
                        key="referral.referred_to", what="대상 여부가 타 기관 의뢰(referred_elsewhere)",
                        what_en="the intake decision is referred_elsewhere")]
    return []


_RRN_HIDDEN = re.compile(r"[*●○xX]")
_RRN_TEXT = re.compile(r"[0-9][0-9 \-*●○xX]*")  # digits, a hyphen or spaces, and marks hiding digits
_RRN_CENTURY = {"9": 1800, "0": 1800, "1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000, "8": 2000}


def resident_number_mismatch(parsed: Parsed, data: dict[str, Any], stage: str, rel: str) -> list[Finding]:
    """An intake's resident number that cannot be the client's: not 13 digits (a digit lost or
    doubled), or its first seven (the birth date and the digit of century and sex) unlike the
    intake's own birth_date or gender. A slip in the one number an agency must get right for a
    benefit application; said without the number (it is sensitive), at it."""
    client = _dict(data.get("client"))
    number = client.get("resident_number")
    if stage != "intake" or not isinstance(number, str) or not number.strip():
        return []
    at = parsed.where(("client", "resident_number"))
    text = unicodedata.normalize("NFKC", number)
    if not _RRN_TEXT.fullmatch(text.strip()):
        return []  # (words, not a number with a slip in it: what it is, the schema does not say)
    digits = "".join(c for c in text if c.isdigit())
    # 690721-1******, 690721-1: the back kept hidden or left out, as agencies often write it
    part = _RRN_HIDDEN.search(text) is not None or len(digits) in (6, 7)
    if (len(digits) != 13 and not part) or len(digits) < 6 or len(digits) > 13:
        return [finding("resident-number-mismatch", rel, *at, what=f"숫자가 {len(digits)}자리입니다(13자리여야 합니다)",
                        what_en=f"it has {len(digits)} digits, not 13")]
    out = []
    birth = valid_date(client.get("birth_date"))
    centuries = [_RRN_CENTURY[digits[6]]] if len(digits) >= 7 else [1900, 2000]
    if birth and birth not in {f"{c + int(digits[:2])}-{digits[2:4]}-{digits[4:6]}" for c in centuries}:
        out.append(finding("resident-number-mismatch", rel, *at, what="앞자리와 뒷자리 첫 숫자가 뜻하는 생년월일이 "
                           "birth_date와 다릅니다", what_en="the birth date its first seven digits give is not birth_date"))
    gender = client.get("gender")
    if len(digits) >= 7 and gender in ("male", "female") and (gender == "male") != (int(digits[6]) % 2 == 1):
        out.append(finding("resident-number-mismatch", rel, *at, what="뒷자리 첫 숫자가 뜻하는 성별이 gender와 다릅니다",
                           what_en="the sex its seventh digit gives is not gender"))
    return out


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
