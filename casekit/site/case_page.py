"""The case page: summary, timeline, goals per plan, activities per episode, linked resources, records."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from casekit.core.schemas import STAGE_KO
from casekit.site import case_practice as practice
from casekit.site.body import BodyRenderer
from casekit.site.fields import FieldRenderer
from casekit.site.html import Markup, el, join, table_box
from casekit.site.indexes import (
    SEVERITY_RANK,
    STATE_KO,
    Activity,
    Case,
    GoalRow,
    PlanBlock,
    Record,
    Site,
)
from casekit.site.views import (
    Block,
    Deferred,
    Page,
    Plan,
    View,
    block,
    case_url,
    heading,
    noindex,
    src_uri,
)

COMMON_KEYS = ("case", "stage", "date", "worker")
# how a resource came into the case, by the stage that names it
LINK_KO = {"intake": "접수 때 의뢰", "closure": "종결 때 의뢰", "assessment": "사정", "plan": "계획",
           "intervention": "실행", "monitoring": "점검"}


# 간접실천: shown together as one group of the activity log, after the six direct-practice skills
INDIRECT = ("linking", "coordination", "advocacy")


def group_activities(site: Site, activities: list[Activity]) -> list[tuple[str, str, list[Activity]]]:
    """(key, Korean label, activities) in the schema's order: six direct-practice skills, then 연계·조정·옹호."""
    labels = site.activity_labels
    order = [t for t in labels if t not in INDIRECT]
    indirect = [t for t in labels if t in INDIRECT] or list(INDIRECT)
    groups: list[tuple[str, str, list[Activity]]] = [(t, labels.get(t, t), []) for t in order]
    groups.append(("indirect", "·".join(labels.get(t, t) for t in indirect), []))
    index = {key: i for i, (key, _, _) in enumerate(groups)}
    for a in activities:
        key = "indirect" if a.type in INDIRECT else a.type
        if key not in index:
            index[key] = len(groups)
            groups.append((key, labels.get(key, key or "기타"), []))
        groups[index[key]][2].append(a)
    return groups


def goal_lookup(case: Case) -> Callable[[Record, str], str | None]:
    """The text of goal `gid` as the plan in force at `record` states it (goals are per plan)."""
    plan_for: dict[str, Record | None] = {}
    current: Record | None = None
    for r in case.records:
        if r.stage == "plan":
            current = r
        elif r.stage == "intake":
            current = None
        plan_for[r.rel] = current

    def lookup(record: Record, gid: str) -> str | None:
        plan = plan_for.get(record.rel)
        for g in (plan.data.get("goals") or []) if plan else []:
            if isinstance(g, dict) and g.get("id") == gid and isinstance(g.get("goal"), str):
                return str(g["goal"])
        return None

    return lookup


def case_page(site: Site, case: Case, bodies: BodyRenderer) -> Page:
    return case_plan(site, case, bodies).page()


def case_plan(site: Site, case: Case, bodies: BodyRenderer) -> Plan:
    """The case page, its blocks made when asked for (views.Plan): the headings first."""
    url = case_url(case.id)
    v = View(site, url)
    lookup = goal_lookup(case)
    title = f"{case.id} · {case.alias}" if case.alias else case.id
    if case.restricted:  # 열람 제한: the summary only; the records hold nothing but their structure
        md: list[str | Deferred] = [
            heading(1, title, "title"), Deferred(lambda: block(practice.restricted_notice(v, case))),
            Deferred(lambda: block(summary_card(v, case))),
            heading(2, "타임라인", "timeline", label=True), Deferred(lambda: block(timeline(v, case))),
            heading(2, "기록", "records", label=True), Deferred(lambda: block(practice.restricted_records(v, case)))]
        return Plan(src_uri(url), url, md)
    md = [
        heading(1, title, "title"),
        Deferred(lambda: block(summary_card(v, case))),
        heading(2, "타임라인", "timeline", label=True),
        Deferred(lambda: block(timeline(v, case))),
        heading(2, "목표와 경과", "goals", label=True),
        Deferred(lambda: block(goals_table(v, case))),
        heading(2, "활동 기록", "activities", label=True),
        Deferred(lambda: block(activity_log(v, case, lookup))),
        heading(2, "연계 자원", "resources", label=True),
        Deferred(lambda: block(linked_resources(v, case))),
    ]
    for name, anchor, part in (("사례회의", "conferences", practice.conferences(v, case)),
                               ("가구와 생태도", "household", practice.household(v, case)),
                               ("동의 기록", "consents", practice.consents(v, case))):
        if part is not None:
            md += [heading(2, name, anchor, label=True), block(part)]
    for r in case.records:
        text = f"{r.nn:02d} {r.stage_ko}" + (f" ({r.qualifier})" if r.qualifier else "") + f" · {r.date or '날짜 없음'}"
        md.append(heading(2, text, r.anchor, f"ck-record ck-record-{r.stage}"))
        md.append(Deferred(functools.partial(record_block, v, r, bodies, lookup)))
    return Plan(src_uri(url), url, md)


def record_block(v: View, r: Record, bodies: BodyRenderer, lookup: Callable[[Record, str], str | None]) -> Block:
    """One record on its case page: who and when, its fields, its body."""
    fields = FieldRenderer(v.site.schemas, v.resource_link, lambda gid: lookup(r, gid))
    meta = el("p", {"class": "ck-record-meta"}, v.stage(r.stage, r.qualifier), " 담당 ", v.worker_link(r.worker),
              " · ", el("code", {"class": "ck-rel"}, r.rel),
              el("span", {"class": "ck-changed", "data-search-nodate": True}, f" · 마지막 변경: {r.changed}") if r.changed else None)
    body = bodies.html(r.body, r.rel, 2)
    return block(el("div", {"class": "ck-record-data", "data-stage": r.stage, "data-nn": f"{r.nn:02d}"},
                    meta, fields.record(r.stage, r.data, COMMON_KEYS)),
                 el("div", {"class": "ck-record-body"}, body) if body else None)


def episode_label(case: Case, n: int) -> str:
    intake = next((r for r in case.records if r.episode == n and r.stage == "intake"), None)
    when = f" · 접수 {intake.date}" if intake and intake.date else ""
    return f"{n}차 사례관리" + (" (재개)" if n > 1 else "") + when


def summary_card(v: View, case: Case) -> Markup:
    site = v.site
    needs = sorted(case.needs, key=lambda n: -SEVERITY_RANK.get(str(n.get("severity")), 0))
    by_domain: dict[str, str] = {}
    for n in needs:
        d, s = n.get("domain"), n.get("severity")
        if isinstance(d, str) and d not in by_domain:
            by_domain[d] = s if isinstance(s, str) else ""
    need_items = [el("li", {"data-domain": d}, v.domain(d), " ", v.severity(s)) for d, s in by_domain.items()]
    goals = case.open_goals()
    goal_items = [el("li", {"data-goal": g.id}, el("strong", None, g.id), " ", g.text, " ",
                     el("span", {"class": f"ck-prog ck-prog-{g.latest_status or 'none'}"},
                        site.progress_labels.get(g.latest_status or "", g.latest_status or "점검 전")))
                  for g in goals]
    if case.closed:  # (the results are in the case page's 목표와 경과, not on the summary page)
        goal_cell: Markup = el("span", None, "종결된 사례입니다 ", _label("(목표별 결과는 전체 기록의 목표와 경과)"))
    elif goal_items:
        goal_cell = el("ul", {"class": "ck-list"}, goal_items)
    else:
        goal_cell = el("span", None, "아직 계획이 없습니다" if case.plan_now is None else "모두 달성")
    rows: list[tuple[str, Markup | str, str]] = [
        ("현재 단계", join([v.stage(case.stage), " ", v.status(case),
                         el("strong", {"class": "ck-restricted-mark"}, " 열람 제한") if case.restricted else None]), "stage"),
        ("담당", v.worker_link(case.worker), "worker"),
        ("위기도", join([v.risk(case.risk), el("small", None, f" {case.assessment.date} 사정")
                        if case.assessment and case.assessment.date else None]), "risk"),
    ]
    rows += practice.summary_rows(v, case)
    if not case.restricted:
        rows += [("욕구 영역", el("ul", {"class": "ck-inline"}, need_items) if need_items else "사정 전", "needs"),
                 ("진행 중 목표", goal_cell, "goals")]
    if case.closure is not None:
        rows.append(("종결", closure_text(v, case), "closure"))
        rows.append(("최근 사후관리", followup_text(v, case), "followup"))
    rows += [
        ("다음 할 일", join([v.due(case.due, with_basis=True), practice.due_list(v, case)]), "due"),
        # (its labels left out of the search index: on every case page, 최근 and 기록 would match them
        # all; the dates around them are read as blocks of their own)
        ("기간", join([f"접수 {case.opened or '-'}", _label(" · 최근 기록"), f" {case.last_date or '-'}",
                     _label(f" · 기록 {len(case.records)}건"), _course(case)]),
         "span"),
    ]
    dl = el("dl", {"class": "ck-summary-list"},
            [join([el("dt", {"data-field": key}, k), el("dd", None, val)]) for k, val, key in rows])
    return el("section", {"class": f"ck-card ck-summary ck-card-{case.status}", "data-testid": "case-summary",
                          "data-stage": case.stage, "data-status": case.status}, dl)


def _course(case: Case) -> Markup | None:
    """How the case went, said in the summary's 기간 (reopened; its current episode closed the day of
    its intake), each a field search weighs as the page's title (`search_index.LABEL_FIELDS`):
    `재개된 사례` and `접수 당일 종결` typed rank the cases that are so above those that use the words."""
    ep = case.model.current
    same_day = ep is not None and ep.intake is not None and ep.closure is not None and bool(ep.intake.date) \
        and ep.intake.date == ep.closure.date
    said = [f"{case.episodes - 1}회 재개" if case.episodes > 1 else None, "접수 당일 종결" if same_day else None]
    return join([el("span", {"data-field": "course"}, f" · {s}") for s in said if s]) if any(said) else None


def _label(text: str) -> Markup:
    """Words the site writes on every case page of a kind, shown but not indexed for search."""
    return el("span", {"data-search-exclude": True}, text)


def closure_text(v: View, case: Case) -> Markup:
    """종결 사유 and date (a link to the closure on the case page, from any page), with the note
    when the reason is 기타."""
    c = case.closure
    assert c is not None
    reason = c.data.get("reason")
    labels = v.site.labels("closure", "reason")
    note = c.data.get("reason_note")
    return join([v.a(f"{case_url(case.id)}#{c.anchor}", c.date or "날짜 없음"), " ",
                 el("strong", {"data-reason": reason if isinstance(reason, str) else None},
                    labels.get(str(reason), str(reason or "사유 없음"))),
                 el("small", {"class": "ck-note"}, " " + note) if isinstance(note, str) and note.strip() else None])


def followup_text(v: View, case: Case) -> Markup:
    f = case.followup
    if f is None:
        return el("span", {"class": "ck-muted"}, "아직 없음")
    status = f.data.get("status")
    labels = v.site.labels("followup", "status")
    note = next((f.data[k] for k in ("note", "summary") if isinstance(f.data.get(k), str)), None)
    return join([v.a(f"{case_url(case.id)}#{f.anchor}", f.date or "날짜 없음"), " ",
                 el("strong", None, labels.get(str(status), str(status or "-"))),
                 " · 사후관리 끝" if f.data.get("aftercare_done") is True else None,
                 # (a note is drawn as a block of its own, small.ck-note: the space before it keeps the
                 # search index from reading its first word into the last word before it, "끝가정")
                 el("small", {"class": "ck-note"}, " " + note) if note else None])


def timeline(v: View, case: Case) -> Markup:
    site = v.site
    dated = [r for r in case.records if r.date]
    points = [dt.date.fromisoformat(r.date) for r in dated if r.date]
    show_today = not case.closed or case.aftercare
    extra: list[dt.date] = ([case.due.due] if case.due is not None else []) + ([site.today] if show_today else [])
    if not points:
        return el("div", {"class": "ck-timeline", "data-testid": "timeline"}, el("p", {"data-search-exclude": True}, "날짜가 있는 기록이 없습니다."))
    start = min(points + extra)
    end = max(points + extra)
    span = max(1, (end - start).days)

    def pos(d: dt.date) -> float:
        return 100 * (d - start).days / span if end != start else 50.0

    def side(x: float) -> str:  # labels near the right end open to the left, so they are never cut off
        return " ck-flip" if x > 70 else ""

    track: list[Markup] = []
    for i, r in enumerate(dated[:-1]):
        a, b = points[i], points[i + 1]
        if b > a:
            track.append(el("span", {"class": f"ck-tl-seg ck-fill-{r.stage}", "aria-hidden": "true",
                                     "style": f"left:{pos(a):.2f}%;width:{pos(b) - pos(a):.2f}%"}))
    lanes: list[float] = []
    for r, d in zip(dated, points, strict=True):
        x = pos(d)
        lane = 0
        while lane < len(lanes) and x - lanes[lane] < 4:
            lane += 1
        if lane == len(lanes):
            lanes.append(x)
        else:
            lanes[lane] = x
        name = f"{r.nn:02d} {r.stage_ko}" + (f"({r.qualifier})" if r.qualifier else "") + f" {r.date}"
        track.append(el("a", {"class": f"ck-tl-dot ck-fill-{r.stage} ck-lane-{lane % 3}", "href": f"#{r.anchor}",
                              "style": f"left:{x:.2f}%", "title": name, "aria-label": name}, f"{r.nn:02d}"))
    # 기준일 above the line, the deadline below it: the two labels never meet
    if show_today:
        x = pos(site.today)
        track.append(el("span", {"class": "ck-tl-today" + side(x), "style": f"left:{x:.2f}%"},
                        el("span", None, f"기준일 {site.today.isoformat()[5:]}")))
    if case.due is not None:
        state = case.due.state(site.today, site.soon_days)
        x = pos(case.due.due)
        track.append(el("span", {"class": f"ck-tl-due ck-due-{state}" + side(x), "style": f"left:{x:.2f}%"},
                        el("span", None, f"{case.due.label} {case.due.due.isoformat()[5:]} "
                                         f"({case.due.days_text(site.today)} · {STATE_KO[state]})")))
    # (a line break between the marks, which stand apart by their positions: read as text, without
    # one, a case's dots 01 02 03 ran into 010203, a date of birth to the audit, and its axis's
    # two dates into one number)
    axis = el("div", {"class": "ck-tl-axis"}, el("span", None, start.isoformat()), "\n", el("span", None, end.isoformat()))
    items = []
    prev: dt.date | None = None
    for r, d in zip(dated, points, strict=True):
        gap = f"+{(d - prev).days}일" if prev is not None else "시작"
        items.append(el("li", {"class": f"ck-tl-item ck-stage-{r.stage}", "data-nn": f"{r.nn:02d}"},
                        el("a", {"href": f"#{r.anchor}"}, el("span", {"class": f"ck-tl-mark ck-fill-{r.stage}"}),
                           f"{r.nn:02d} {r.stage_ko}" + (f"({r.qualifier})" if r.qualifier else "")),
                        " ", el("time", {"datetime": r.date}, r.date), " ", el("small", None, gap)))
        prev = d
    items += [el("li", {"class": f"ck-tl-item ck-stage-{r.stage}"}, el("a", {"href": f"#{r.anchor}"},
                 f"{r.nn:02d} {r.stage_ko}"), " 날짜 없음") for r in case.records if not r.date]
    return noindex(el("div", {"class": "ck-timeline", "data-testid": "timeline",
                              "aria-label": f"기록 {len(case.records)}건의 타임라인"},
                      el("div", {"class": "ck-tl-track"}, el("span", {"class": "ck-tl-line"}),
                         [part for mark in track for part in ("\n", mark)]), axis,
                      el("ol", {"class": "ck-tl-list"}, items)))


def goals_table(v: View, case: Case) -> Markup:
    if not case.plans:
        return table_box(el("table", {"class": "ck-table ck-goals", "data-testid": "goals-table"},
                            el("tbody", None, el("tr", None, el("td", None, "계획 기록이 아직 없습니다.")))), "목표 표")
    need_domain: dict[tuple[int, str], str] = {}
    for rec in case.records:
        if rec.stage == "assessment":
            for n in rec.data.get("needs") or []:
                if isinstance(n, dict) and isinstance(n.get("id"), str) and isinstance(n.get("domain"), str):
                    need_domain[(rec.episode, n["id"])] = n["domain"]
    groups = []
    for block_ in case.plans:
        plan = block_.plan
        label = f"{plan.nn:02d} {plan.qualifier or '계획'} · {plan.date or ''}"
        if case.episodes > 1:
            label = f"{episode_label(case, plan.episode)} — {label}"
        rows = [el("tr", {"class": "ck-group"}, el("th", {"colspan": "5", "scope": "rowgroup"},
                   el("a", {"href": f"#{plan.anchor}"}, label)))]
        rows += [_goal_row(v, g, block_, need_domain) for g in block_.goals]
        groups.append(el("tbody", {"data-plan": f"{plan.nn:02d}", "data-episode": plan.episode}, rows))
    heads = ("목표", "욕구", "목표일", "점검 경과", "종결 결과")
    head = el("thead", None, el("tr", None, [el("th", {"scope": "col"}, h) for h in heads]))
    return noindex(table_box(el("table", {"class": "ck-table ck-goals", "data-testid": "goals-table"}, head, groups),
                             "목표 표: 목표, 욕구, 목표일, 점검 경과, 종결 결과"))


def goal_result(v: View, g: GoalRow, plan: PlanBlock) -> Markup:
    """What became of a goal: the closure's result; else the next plan; else, when the episode was
    closed without evaluating it, the reason; else what the last 점검 said (달성) or 진행 중."""
    site = v.site
    if g.result is not None:
        _, result, note = g.result
        return join([el("span", {"class": f"ck-res ck-res-{result}"}, site.result_labels.get(result, result)),
                     el("small", {"class": "ck-note"}, " " + note) if note else None])
    if g.superseded_by is not None:
        return el("span", {"class": "ck-muted"}, f"{g.superseded_by.nn:02d} 수정 계획으로 이어짐")
    if plan.closure is not None:
        reason = str(plan.closure.data.get("reason") or "")
        label = site.labels("closure", "reason").get(reason, reason or "사유 없음")
        return el("span", {"class": "ck-muted"}, f"평가 없이 종결 ({label})")
    if g.latest_status == "achieved":
        return el("span", {"class": "ck-res ck-res-achieved"}, "달성 (점검)")
    return el("span", {"class": "ck-muted"}, "진행 중")


def _goal_row(v: View, g: GoalRow, plan: PlanBlock, need_domain: dict[tuple[int, str], str]) -> Markup:
    site = v.site
    checks = [el("li", {"class": f"ck-prog ck-prog-{status}"},
                 el("a", {"href": f"#{rec.anchor}"}, (rec.date or "")[5:]), " ",
                 site.progress_labels.get(status, status),
                 el("small", {"class": "ck-note"}, " " + note) if note else None)
              for rec, status, note in g.checks]
    domain = need_domain.get((plan.plan.episode, g.need)) if g.need else None
    need = join([v.domain(domain) if domain else None, el("small", None, f" {g.need}") if g.need else None])
    return el("tr", {"data-goal": g.id, "data-status": g.latest_status, "data-result": g.result[1] if g.result else None},
              el("td", None, el("strong", None, g.id), " ", el("span", {"class": "ck-goal-text"}, g.text)),
              el("td", None, need),
              el("td", {"class": "ck-date"}, g.target_date or "-"),
              el("td", None, el("ol", {"class": "ck-checks"}, checks) if checks else el("span", {"class": "ck-muted"},
                                                                                          "점검 전")),
              el("td", None, goal_result(v, g, plan)))


def activity_log(v: View, case: Case, lookup: Callable[[Record, str], str | None]) -> Markup:
    """The activities grouped by practice type; a reopened case gets one log per episode, so a
    goal id always means one goal of one plan."""
    episodes = sorted({a.record.episode for a in case.activities})
    parts: list[Markup] = []
    for n in episodes:
        acts = [a for a in case.activities if a.record.episode == n]
        if case.episodes > 1:
            parts.append(el("h3", {"id": f"act-ep{n}", "class": "ck-episode"}, episode_label(case, n)))
        parts.append(_activity_groups(v, acts, lookup, f"ep{n}-" if case.episodes > 1 else ""))
    if not case.activities:
        parts.append(el("p", {"class": "ck-muted"}, "실행 기록이 아직 없습니다."))
    return noindex(el("section", {"class": "ck-activities", "data-testid": "activity-log"}, parts))


def _activity_groups(v: View, activities: list[Activity], lookup: Callable[[Record, str], str | None],
                     prefix: str) -> Markup:
    site = v.site
    groups = group_activities(site, activities)
    mix = el("ul", {"class": "ck-mix"},
             [el("li", {"class": "ck-mix-item" + ("" if acts else " ck-empty"), "data-type": key},
                 el("a", {"href": f"#act-{prefix}{key}"} if acts else {}, label), " ", el("strong", None, len(acts)))
              for key, label, acts in groups])
    sections = []
    for key, label, acts in groups:
        if not acts:
            continue
        minutes = sum(a.minutes or 0 for a in acts)
        rows = []
        for a in acts:
            kind = site.activity_labels.get(a.type, a.type) if key == "indirect" else None
            text = lookup(a.record, a.goal) if a.goal else None
            goal = join([el("strong", {"class": "ck-goal-ref"}, a.goal),
                         el("small", {"class": "ck-goal-text"}, " " + text) if text else None]) if a.goal else Markup("-")
            rows.append(el("tr", {"data-type": a.type},
                           el("td", {"class": "ck-date"}, a.date),
                           el("td", None, goal),
                           el("td", None, join([el("span", {"class": "ck-kind"}, kind + " ") if kind else None,
                                                a.summary])),
                           el("td", None, v.resource_link(a.resource) if a.resource else "-"),
                           el("td", {"class": "ck-num"}, a.minutes if a.minutes is not None else "-"),
                           el("td", None, el("a", {"href": f"#{a.record.anchor}"}, f"{a.record.nn:02d}"))))
        sections.append(el("div", {"class": "ck-act-group", "data-type": key},
                           el("h4" if prefix else "h3", {"id": f"act-{prefix}{key}"}, label, " ",
                              el("small", None, f"{len(acts)}건" + (f" · {minutes}분" if minutes else ""))),
                           v.table(["날짜", "목표", "내용", "자원", "분", "기록"], rows)))
    return join([mix, sections])


def linked_resources(v: View, case: Case) -> Markup:
    if not case.resources:
        return el("p", {"class": "ck-muted", "data-testid": "linked-resources"}, "연계한 자원이 없습니다.")
    items = []
    names = v.site.resources
    for rid, counts in sorted(case.resources.items(), key=lambda kv: names[kv[0]].name if kv[0] in names else kv[0]):
        how = " · ".join(f"{LINK_KO.get(s, STAGE_KO.get(s, s))} {n}" for s, n in counts.items())
        items.append(el("li", {"data-resource": rid, "data-via": " ".join(counts)}, v.resource_link(rid), " ",
                        el("small", None, how)))
    return el("ul", {"class": "ck-resource-list", "data-testid": "linked-resources"}, items)


__all__ = ["case_page", "LINK_KO"]
