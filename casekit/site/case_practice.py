"""The parts of the case page about practice around the process: 대상자 구분, culture and
communication, handovers, 사례회의, consent history, the household with its ecomap, everything due,
and the page of a restricted case (열람 제한: summary only). Reads casekit.site.practice.
"""

from __future__ import annotations

from casekit.core.case import RESTRICTED_KO
from casekit.site.ecomap import ecomap_svg
from casekit.site.html import Markup, el, join
from casekit.site.indexes import STATE_KO, Case
from casekit.site.practice import conference as read_conference
from casekit.site.practice import (
    consent_rows,
    culture_of,
    selection_of,
)
from casekit.site.views import View, noindex

CULTURE_KO = {"language": "사용 언어", "interpreter": "통역", "multicultural": "다문화 가구", "nationality": "국적",
              "disability": "장애", "communication_needs": "의사소통 지원"}


def summary_rows(v: View, case: Case) -> list[tuple[str, Markup | str, str]]:
    """Rows the summary card adds: 대상자 구분 with risk score and rationale, culture, handovers."""
    rows: list[tuple[str, Markup | str, str]] = []
    labels = v.site.labels("assessment", "selection", "case_type")
    found = selection_of(case.records)
    if case.case_type:
        sel = found[0] if found else {}
        rec = found[1] if found else None
        score = sel.get("risk_score")
        rationale = sel.get("rationale")
        rows.append(("대상자 구분", join([
            el("strong", {"class": f"ck-case-type ck-case-type-{case.case_type}", "data-case-type": case.case_type},
               labels.get(case.case_type, case.case_type)),
            f" · 위기도 점수 {score}" if isinstance(score, int) else None,
            el("small", None, " ", el("a", {"href": f"#{rec.anchor}"}, f"{rec.nn:02d} {rec.stage_ko}")) if rec else None,
            # (a space before the rationale, drawn as a block of its own: the search index reads the
            # link's "06 사정" and the rationale as words apart, not "사정자녀 ...")
            Markup(" ") if isinstance(rationale, str) else None,
            el("span", {"class": "ck-note ck-rationale"}, rationale) if isinstance(rationale, str) else None]),
            "case-type"))
    culture = culture_of(case.records)
    if culture:
        items = []
        for key, value in culture.items():
            text = ("예" if value else "아니요") if isinstance(value, bool) else str(value)
            items.append(el("li", {"data-culture": key}, f"{CULTURE_KO.get(key, key)} {text}"))
        rows.append(("문화·의사소통", el("ul", {"class": "ck-inline"}, items), "culture"))
    if case.model.handovers:
        rows.append(("담당자 변경", handover_list(v, case), "handovers"))
    return rows


def handover_list(v: View, case: Case) -> Markup:
    """Each handover: date, from → to, and the reason (not for a restricted case: prose)."""
    items = [el("li", {"data-date": h.date}, el("time", {"datetime": h.date}, h.date), " ",
                v.worker_link(h.from_worker), " → ", v.worker_link(h.to_worker),
                el("small", {"class": "ck-note"}, f" {h.reason}") if h.reason and not case.restricted else None)
             for h in case.model.handovers]
    return el("ul", {"class": "ck-list ck-handovers", "data-testid": "handovers"}, items)


def due_list(v: View, case: Case) -> Markup | None:
    """Everything due in the case (a review, a goal's target date, crisis contact …), earliest first."""
    if len(case.dues) < 2:
        return None
    site = v.site
    items = []
    for d in sorted(case.dues, key=lambda d: (d.due, d.kind)):
        state = d.state(site.today, site.soon_days)
        items.append(el("li", {"data-kind": d.kind, "data-state": state},
                        el("span", {"class": f"ck-due ck-due-{state}"}, f"{d.label} {d.due.isoformat()}"),
                        f" ({d.days_text(site.today)} · {STATE_KO[state]})"))
    return noindex(el("ul", {"class": "ck-list ck-dues", "data-testid": "case-dues"}, items))


def conferences(v: View, case: Case) -> Markup | None:
    """사례회의: kind, participants by agency and role (never a name), decisions, tasks, next meeting."""
    recs = [r for r in case.records if r.stage == "conference"]
    if not recs:
        return None
    kinds = v.site.labels("conference", "kind")
    parts = []
    for r in recs:
        c = read_conference(r.rel, r.anchor, r.data)
        who = [el("li", None, p.agency, " · ", p.role, " (", v.resource_link(p.resource), ")" if p.resource else None)
               if p.resource else el("li", None, f"{p.agency} · {p.role}") for p in c.participants]
        tasks = [el("tr", None, el("td", None, t.task), el("td", None, t.who), el("td", {"class": "ck-date"}, t.due or "-"),
                    el("td", {"class": "ck-date"}, t.done or "-"), el("td", None, t.goal or "-")) for t in c.tasks]
        parts.append(el("div", {"class": "ck-card ck-conference", "data-nn": f"{r.nn:02d}", "data-kind": c.kind},
                        el("h3", None, el("a", {"href": f"#{r.anchor}"}, f"{r.nn:02d} 사례회의"), " ",
                           kinds.get(c.kind or "", c.kind or ""), " · ", c.date or "날짜 없음"),
                        el("h4", None, f"참석 기관·역할 {len(c.participants)}명"),
                        el("ul", {"class": "ck-list ck-participants"}, who),
                        el("h4", None, "결정 사항") if c.decisions else None,
                        el("ul", {"class": "ck-list ck-decisions"}, [el("li", None, d) for d in c.decisions])
                        if c.decisions else None,
                        el("h4", None, "할 일") if tasks else None,
                        v.table(["할 일", "담당", "기한", "마친 날", "목표"], tasks) if tasks else None,
                        el("p", {"class": "ck-next-meeting"}, "다음 회의 ", el("time", {"datetime": c.next_meeting},
                                                                          c.next_meeting))
                        if c.next_meeting else None))
    return el("section", {"class": "ck-conferences", "data-testid": "conferences"}, parts)


def consents(v: View, case: Case) -> Markup | None:
    """Consent history: dated entries; a legal representative by relation, never by name."""
    rows = consent_rows(case.records)
    if not rows:
        return None
    site = v.site

    def lab(key: str, value: str | None) -> str:
        return site.labels("intake", "consents", "*", key).get(value or "", value or "-")

    body = []
    for c in rows:
        by = lab("by", c.by) + (f" ({c.relation})" if c.relation and c.by == "legal_guardian" else "")
        scope = join([lab("scope", c.scope), ": " if c.resources else None,
                      join([v.resource_link(x) for x in c.resources], ", ") if c.resources else None])
        body.append(el("tr", {"data-action": c.action, "data-scope": c.scope},
                       el("td", {"class": "ck-date"}, c.date), el("td", None, scope),
                       el("td", None, el("strong", {"class": f"ck-consent-{c.action}"}, lab("action", c.action))),
                       el("td", None, by), el("td", None, lab("method", c.method)),
                       el("td", None, el("a", {"href": f"#{c.anchor}"}, c.rel.rsplit("/", 1)[-1][:2]))))
    return el("section", {"data-testid": "consents"}, v.table(["날짜", "범위", "동의 여부", "동의한 사람", "방법", "기록"], body))


def household(v: View, case: Case) -> Markup | None:
    """가구원 (relation and age group, never names) and the ecomap (생태도) as inline SVG."""
    ages = v.site.labels("intake", "household_members", "*", "age_group")
    members = [(rel, ages.get(age, age)) for _, rel, age in case.model.members]
    supports = case.model.informal_supports
    res = v.site.resources
    linked = [(res[r].name, str(res[r].data.get("kind") or "formal")) for r in case.model.linked_resources if r in res]
    if not (members or supports or linked):
        return None
    items = [el("li", {"data-member": mid}, f"{rel} · {ages.get(age, age) or '연령대 미상'}")
             for mid, rel, age in case.model.members]
    return el("section", {"class": "ck-household", "data-testid": "household"},
              el("ul", {"class": "ck-list ck-members"}, items) if items else el("p", {"class": "ck-muted", "data-search-exclude": True},
                                                                                  "가구원 기록이 없습니다."),
              el("figure", {"class": "ck-ecomap-figure", "data-testid": "ecomap"},
                 Markup(ecomap_svg(members, supports, linked)),
                 el("figcaption", {"data-search-exclude": True}, "생태도: 점선은 비공식 지지체계, 실선은 공식 자원")))


def restricted_notice(v: View, case: Case) -> Markup:
    reason = case.restricted or ""
    label = v.site.labels("intake", "restricted", "reason").get(reason) or RESTRICTED_KO.get(reason, reason)
    return el("div", {"class": "ck-card ck-restricted", "data-testid": "restricted", "role": "note"},
              el("strong", None, "열람 제한"), f" ({label}) ",
              # (the same words on every restricted case page: not indexed, or 목표 or 가구 would find them all)
              el("span", {"data-search-exclude": True}, "— 이 사례는 요약만 싣습니다. 기록의 내용, 목표, 활동, "
                 "가구 정보는 사이트에 없으며 담당자가 사례 기록 원본에서 확인합니다."))


def restricted_records(v: View, case: Case) -> Markup:
    """A restricted case's records: number, stage, date and worker only."""
    rows = [el("tr", {"id": r.anchor, "data-nn": f"{r.nn:02d}"}, el("td", None, f"{r.nn:02d}"),
               el("td", None, v.stage(r.stage, r.qualifier)), el("td", {"class": "ck-date"}, r.date or "-"),
               el("td", None, v.worker_link(r.worker)), el("td", None, r.changed or "-"))
            for r in case.records]
    return noindex(v.table(["번호", "단계", "날짜", "담당", "마지막 변경"], rows, {"data-testid": "restricted-records"}))


__all__ = ["conferences", "consents", "due_list", "household", "restricted_notice", "restricted_records",
           "summary_rows"]
