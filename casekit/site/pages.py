"""The dashboard and the lists: home (현황), all cases, cases by stage, and what is due.

Every list is cut into pages of at most `views.ROWS` rows; the home page shows counts and the
first rows of each urgent list, with links to the rest, so no page grows with the casebook.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from casekit.core.due import KIND_KO as DUE_KO
from casekit.core.due import Due
from casekit.core.schemas import STAGE_KO, STAGES
from casekit.site.gaps import KIND_KO, counts, site_gaps
from casekit.site.html import Markup, el, join
from casekit.site.indexes import Case, Site
from casekit.site.practice import conference as read_conference
from casekit.site.records import Record
from casekit.site.views import (
    WIDE,
    Page,
    View,
    block,
    case_table,
    case_url,
    due_table,
    heading,
    make_page,
    noindex,
    paged,
    sort_open_first,
    stage_url,
)

HOME_DUE_LIMIT = 30  # rows per state on the home page (overdue, due soon); the rest on /due/
HOME_CLOSED = 15  # latest closures on the home page
HOME_GAPS = 10  # domains and resources in the 자원의 한계 table


def worker_load(site: Site) -> list[tuple[str, int, float, int, int, int]]:
    if "load" in site._memo:
        return site._memo["load"]  # type: ignore[no-any-return]
    """(worker, open cases, 사례 부담 weighted by 위기도, aftercare, overdue, due soon), heaviest first."""
    stats = []
    for wid, cases in site.workers().items():
        open_ = [c for c in cases if c.status == "open"]
        load = sum(site.weight(c) for c in open_)
        stats.append((wid, len(open_), load, sum(1 for c in cases if c.status == "aftercare"),
                      sum(1 for c in cases if c.due_state == "overdue"), sum(1 for c in cases if c.due_state == "due_soon")))
    site._memo["load"] = sorted(stats, key=lambda s: (-s[2], -s[1], s[0]))
    return site._memo["load"]  # type: ignore[no-any-return]


def weights_text(site: Site) -> str:
    w = site.caseload["weights"]
    return " · ".join(f"{site.risk_labels.get(k, k)} {w[k]:g}" for k in ("crisis", "high", "medium", "low") if k in w)


HOME_WORKERS = 25  # heaviest caseloads on the home page; all on /workers/

Load = tuple[str, int, float, int, int, int]


def worker_bars(v: View, limit: int | None = None, stats: Sequence[Load] | None = None) -> Markup:
    site = v.site
    every = worker_load(site)
    stats = every if stats is None else stats
    if not stats:
        return el("p", None, "담당자가 없습니다.")
    cap = site.caseload_limit
    scale = max([cap * 1.1] + [s[2] + s[3] for s in every])
    rows = []
    for wid, n_open, load, after, overdue, soon in stats[:limit]:
        over = load > cap
        bar = el("div", {"class": "ck-bar", "role": "img",
                         "aria-label": f"사례 부담 {load:g} (한도 {cap:g}), 진행 {n_open}건, 사후관리 {after}건"},
                 el("span", {"class": "ck-bar-fill" + (" ck-over" if over else ""),
                             "style": f"width:{100 * load / scale:.2f}%"}),
                 el("span", {"class": "ck-bar-after", "style": f"width:{100 * after / scale:.2f}%"}),
                 el("span", {"class": "ck-bar-limit", "style": f"left:{100 * cap / scale:.2f}%"}))
        rows.append(el("tr", {"data-worker": wid, "data-load": f"{load:g}", "class": "ck-overloaded" if over else None},
                       el("th", {"scope": "row"}, v.worker_link(wid)),
                       el("td", {"class": "ck-bar-cell"}, bar),
                       el("td", {"class": "ck-num"}, el("strong", None, f"{load:g}"),
                          el("span", {"class": "ck-badge ck-badge-over"}, "한도 넘음") if over else None),
                       el("td", {"class": "ck-num"}, n_open),
                       el("td", {"class": "ck-num"}, after),
                       el("td", {"class": "ck-num"},
                          el("span", {"class": "ck-count-overdue"}, overdue) if overdue else "0"),
                       el("td", {"class": "ck-num"}, soon)))
    # (cases, as 진행 and 사후관리 count: a case with three tasks overdue is one; /due/ lists the tasks)
    heads = ["담당자", f"사례 부담 (한도 {cap:g})", "부담", "진행", "사후관리", "기한 지남 사례", "곧 마감 사례"]
    table = v.table(heads, rows, {"class": "ck-table ck-caseload-workers", "id": "caseload-workers"})
    more = (el("p", {"class": "ck-more"}, v.a("workers/", f"담당자 {len(stats)}명 모두 보기"))
            if limit is not None and len(every) > limit else None)
    return join([table, more])


def caseload_note(v: View) -> Markup:
    site = v.site
    return el("p", {"class": "ck-note"},
              f"사례 부담 = 진행 중 사례를 위기도로 가중한 합 ({weights_text(site)}; 미사정 1). "
              f"한도 {site.caseload_limit:g}. 한도와 가중치는 casekit.yml의 caseload에서 정합니다 "
              "(limit, weights: crisis·high·medium·low).")


def stage_counts(v: View) -> Markup:
    """Cases by current stage: a bar and a count per stage, each a link to that stage's list."""
    site = v.site
    by_stage = site.memo("by_stage", lambda: Counter(c.stage for c in site.cases.values()))
    biggest = max([1, *by_stage.values()])
    groups = []
    for stage in STAGES:
        if stage == "conference":  # not a stage a case stands at: the meetings are counted apart
            continue
        n = by_stage.get(stage, 0)
        groups.append(el("li", {"class": "ck-stage-group", "data-stage": stage, "data-count": n},
                         v.a(stage_url(stage), v.stage(stage), cls="ck-stage-link"),
                         el("span", {"class": "ck-bar ck-bar-small", "aria-hidden": "true"},
                            el("span", {"class": f"ck-bar-fill ck-fill-{stage}", "style": f"width:{100 * n / biggest:.2f}%"})),
                         el("strong", {"class": "ck-num"}, f"{n}건")))
    meetings = conference_rows(site)
    groups.append(el("li", {"class": "ck-stage-group ck-conference-count", "data-stage": "conference",
                            "data-count": len(meetings)},
                     v.a(stage_url("conference"), v.stage("conference"), cls="ck-stage-link"),
                     el("span", {"class": "ck-muted"}, "열린 회의"),
                     el("strong", {"class": "ck-num"}, f"{len(meetings)}회")))
    return noindex(el("ul", {"class": "ck-stage-groups", "id": "caseload-stage"}, groups))


def recent_closures(v: View, cases: Sequence[Case]) -> Markup:
    from casekit.site.case_page import closure_text, followup_text  # the case page's wording, one place

    rows = [el("tr", {"data-case": c.id, "data-status": c.status},
               el("td", None, v.case_link(c)),
               el("td", None, closure_text(v, c) if c.closure else "-"),
               el("td", None, followup_text(v, c)),
               el("td", None, v.due(c.due)),
               el("td", None, v.worker_link(c.worker)))
            for c in cases]
    return v.table(["사례", "종결 (사유)", "최근 사후관리", f"다음 할 일 ({v.asof})", "담당"], rows,
                   {"data-testid": "recent-closures"})


def closed_by_date(site: Site) -> list[Case]:
    closed = [c for c in site.cases.values() if c.closure is not None]
    return sorted(closed, key=lambda c: (c.closure.date or "" if c.closure else "", c.id), reverse=True)


def gap_table(v: View, limit: int | None = None, testid: str = "gaps") -> Markup:
    """자원의 한계: unmet needs by need domain, undelivered services by resource."""
    site = v.site
    gaps = site_gaps(site)
    by_domain = counts(gaps, "domain")
    by_res = counts(gaps, "resource")
    kinds = ("unmet", "not_delivered", "partly")

    def rows(table: dict[str, Counter[str]], label: object) -> list[Markup]:
        top = sorted(table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:limit]
        return [el("tr", {"data-key": key}, el("th", {"scope": "row"}, label(key)),  # type: ignore[operator]
                   [el("td", {"class": "ck-num"}, c.get(k, 0)) for k in kinds]) for key, c in top]

    heads = ["", *(KIND_KO[k] for k in kinds)]
    domain_rows = rows(by_domain, v.domain)
    res_rows = rows(by_res, v.resource_link)
    return el("section", {"class": "ck-gaps", "data-testid": testid},
              el("p", {"class": "ck-note"}, f"진행 중 사례 기준 · 계획에 없는 욕구 {sum(1 for g in gaps if g.kind == 'unmet')}건, "
                 f"제공 안 됨·일부 제공 서비스 {sum(1 for g in gaps if g.kind != 'unmet')}건 (가장 최근 사정·계획·점검)"),
              el("h3", {"id": "gaps-domain"}, "욕구 영역별"),
              v.table(["욕구 영역", *heads[1:]], domain_rows, {"data-testid": f"{testid}-domain"}) if domain_rows
              else el("p", {"class": "ck-muted"}, "없음"),
              el("h3", {"id": "gaps-resource"}, "자원별"),
              v.table(["자원", *heads[1:]], res_rows, {"data-testid": f"{testid}-resource"}) if res_rows
              else el("p", {"class": "ck-muted"}, "없음"))


def due_kinds(v: View) -> Markup:
    """Everything overdue or due soon in every case, counted by kind (KIND_KO): a goal's target date,
    crisis contact, the selection conference … beside the next step of each case."""
    site = v.site
    counts: dict[str, Counter[str]] = {}
    for d in site.every_due:
        state = d.state(site.today, site.soon_days)
        if state != "upcoming":
            counts.setdefault(d.kind, Counter())[state] += 1
    items = [el("li", {"data-kind": kind}, DUE_KO.get(kind, kind), " ",
                el("strong", {"class": "ck-due-overdue"}, f"기한 지남 {c['overdue']}") if c["overdue"] else None,
                " " if c["overdue"] and c["due_soon"] else None,
                el("span", {"class": "ck-due-due_soon"}, f"곧 마감 {c['due_soon']}") if c["due_soon"] else None)
             for kind, c in sorted(counts.items(), key=lambda kv: (-kv[1]["overdue"], -kv[1]["due_soon"], kv[0]))]
    return noindex(el("section", {"class": "ck-due-kinds", "data-testid": "due-kinds"},
                      el("h3", {"id": "due-by-kind"}, "할 일 종류별 (사례마다 할 일 모두)"),
                      el("ul", {"class": "ck-inline"}, items) if items else el("p", {"class": "ck-muted"}, "없음")))


def home(site: Site) -> Page:
    v = View(site, "")
    cases = list(site.cases.values())
    n_open = sum(1 for c in cases if c.status == "open")
    n_after = sum(1 for c in cases if c.status == "aftercare")
    states = Counter(d.state(site.today, site.soon_days) for d in site.dues)

    def tile(label: str, value: int, cls: str, target: str | None = None) -> Markup:
        inner = [el("span", {"class": "ck-tile-num"}, value), el("span", {"class": "ck-tile-label"}, label)]
        return v.a(target, *inner, cls=f"ck-tile {cls}") if target else el("div", {"class": f"ck-tile {cls}"}, inner)

    tiles = el("div", {"class": "ck-tiles", "data-testid": "stats"},
               tile("전체 사례", len(cases), "ck-tile-all", "cases/"),
               tile("진행 중", n_open, "ck-tile-open"),
               tile("종결", len(cases) - n_open, "ck-tile-closed", stage_url("closure")),
               tile("사후관리 중", n_after, "ck-tile-after"),
               # (cases, by each one's earliest deadline, as the tiles before; /due/ counts every task)
               tile("기한 지남 사례", states["overdue"], "ck-tile-overdue" + (" ck-alert" if states["overdue"] else ""),
                    "due/"),
               tile("곧 마감 사례", states["due_soon"], "ck-tile-soon", "due/"))
    asof = el("p", {"class": "ck-asof", "data-testid": "asof", "data-search-nodate": True},
              f"{v.asof} (D-day와 '며칠 지남'은 이 날부터 셉니다) · 곧 마감 = {site.soon_days}일 이내 · "
              f"{site.files.ko()} 검사 통과" + (f" (경고 {site.warnings}건)" if site.warnings else ""))
    md = [
        WIDE + "# 사례집 현황",
        block(asof, tiles),
        heading(2, "기한 지남 · 곧 마감", "due"),
        block(el("p", {"class": "ck-note"}, "위기도가 높은 사례부터, 같은 위기도에서는 오래 밀린 일부터 보입니다. ",
                 v.a("due/", "예정된 일까지 모두 보기")),
              due_table(v, site.dues, ("overdue", "due_soon"), HOME_DUE_LIMIT), due_kinds(v)),
        heading(2, "사례 부담", "caseload"),
        block(el("section", {"class": "ck-caseload", "data-testid": "caseload"},
                 el("h3", {"id": "caseload-by-worker"}, "담당자별"),
                 caseload_note(v), worker_bars(v, HOME_WORKERS),
                 el("h3", {"id": "caseload-by-stage"}, "단계별 (사례마다 현재 단계)"),
                 stage_counts(v))),
        heading(2, "자원의 한계", "gaps"),
        block(gap_table(v, HOME_GAPS)),
        heading(2, "최근 종결", "closed"),
        block(recent_closures(v, closed_by_date(site)[:HOME_CLOSED]),
              el("p", {"class": "ck-more"}, v.a(stage_url("closure"), "종결 단계의 사례 모두 보기"))),
    ]
    return make_page("index.md", "", md, True)


def cases_index(site: Site) -> Iterator[Page]:
    cases = sort_open_first(site.cases.values())
    n_open = sum(1 for c in cases if c.status == "open")

    def frame(v: View, part: Sequence[Case], position: str) -> list[str]:
        return [WIDE + "# 사례 목록",
                block(el("p", {"class": "ck-asof", "data-search-nodate": True}, f"전체 {len(cases)}건 · 진행 중 {n_open}건 · "
                         f"종결 {len(cases) - n_open}건 · 진행 중 먼저, 위기도 높은 순 · {v.asof}"
                         + (f" · {position}" if position else "")),
                      stage_counts(v), case_table(v, part))]

    yield from paged(site, "cases/", cases, frame, in_nav=True)


def conference_rows(site: Site) -> list[tuple[Case, Record]]:
    """Every 사례회의 record of the casebook, the latest first (a conference is held in any stage
    and never moves it: its page lists the meetings, not the cases "at" it). Made once a site:
    every page of the case list counts them."""
    def rows() -> list[tuple[Case, Record]]:
        found = [(c, r) for c in site.cases.values() for r in c.records if r.stage == "conference"]
        return sorted(found, key=lambda cr: (cr[1].date or "", cr[0].id, cr[1].nn), reverse=True)

    return site.memo("conferences", rows)


def conference_pages(site: Site) -> Iterator[Page]:
    rows = conference_rows(site)
    kinds = site.labels("conference", "kind")
    cases = len({c.id for c, _ in rows})

    def frame(v: View, part: Sequence[tuple[Case, Record]], position: str) -> list[str]:
        body = []
        for c, r in part:
            meeting = read_conference(r.rel, r.anchor, r.data)
            body.append(el("tr", {"data-case": c.id, "data-kind": meeting.kind},
                           el("td", {"class": "ck-date"}, meeting.date or "날짜 없음"),
                           el("td", None, v.case_link(c)),
                           el("td", None, v.a(f"{case_url(c.id)}#{r.anchor}", kinds.get(meeting.kind or "", meeting.kind or "사례회의"))),
                           el("td", {"class": "ck-num"}, f"{len(meeting.decisions)}건" if meeting.decisions else "-"),
                           el("td", {"class": "ck-date"}, meeting.next_meeting or "-"),
                           el("td", None, v.worker_link(r.worker))))
        table = v.table(["날짜", "사례", "사례회의 유형", "결정 사항", "다음 회의", "기록한 담당"], body,
                        {"data-testid": "conferences-list"})
        return [WIDE + heading(1, "단계: 사례회의"),
                block(el("p", {"class": "ck-asof", "data-search-nodate": True}, f"conference · 사례회의 {len(rows)}회 (사례 {cases}건), 최근 회의부터 · "
                         "사례회의는 어느 단계에서나 열리고 사례의 단계를 바꾸지 않습니다 · " + v.asof
                         + (f" · {position}" if position else "")),
                      table if rows else el("p", {"class": "ck-muted"}, "사례회의 기록이 없습니다."))]

    yield from paged(site, stage_url("conference"), rows, frame)


def stage_pages(site: Site) -> Iterator[Page]:
    for stage in STAGES:
        if stage == "conference":
            yield from conference_pages(site)
            continue
        cases = sort_open_first(c for c in site.cases.values() if c.stage == stage)
        label = STAGE_KO[stage]

        def frame(v: View, part: Sequence[Case], position: str, label: str = label, stage: str = stage,
                  cases: list[Case] = cases) -> list[str]:
            table = (recent_closures(v, part) if stage in ("closure", "followup") else case_table(v, part, "stage-cases"))
            return [WIDE + heading(1, f"단계: {label}"),
                    block(el("p", {"class": "ck-asof", "data-search-nodate": True}, f"{stage} · 현재 이 단계인 사례 {len(cases)}건 · {v.asof}"
                             + (f" · {position}" if position else "")),
                          table if cases else el("p", {"class": "ck-muted"}, "해당 사례가 없습니다."))]

        yield from paged(site, stage_url(stage), cases, frame)


def due_pages(site: Site) -> Iterator[Page]:
    dl = site.deadlines
    rules = el("ul", {"class": "ck-rules"},
               el("li", None, f"사정(욕구 및 위기도 조사): 접수 뒤 {dl['assessment_days']}일 이내 (assessment_days)"),
               el("li", None, f"서비스 제공계획: 접수 뒤 {dl['plan_days']}일 이내 (plan_days)"),
               el("li", None, f"점검: 기록에 적힌 다음 점검일, 없으면 앞 기록 뒤 {dl['monitoring_days']}일 (monitoring_days), "
                  f"고난도 사례는 {dl['monitoring_days_intensive']}일 (monitoring_days_intensive)"),
               el("li", None, f"재사정: 점검에서 결정한 뒤 {dl['assessment_days']}일 이내 (assessment_days); "
                  f"계획 수정: 점검에서 결정한 뒤 {dl['revised_plan_days']}일 이내 (revised_plan_days)"),
               el("li", None, f"종결: 점검에서 종결을 결정한 뒤 {dl['closure_days']}일 이내 (closure_days)"),
               el("li", None, "사후관리: 종결 뒤 " + ", ".join(f"{d}일" for d in dl["followup_days"])
                  + " (followup_days; 종결·사후관리 기록에 적힌 날짜가 있으면 그 날짜); "
                  f"재개 접수: 사후관리에서 재개를 요청한 뒤 {dl['reopen_days']}일 이내 (reopen_days)"),
               # the rules of the newer deadlines: explanation, not what a search for 사례회의 is after
               # (on the <li> itself: a wrapper element between <ul> and <li> breaks the list for screen readers)
               el("li", {"data-search-exclude": True}, f"선정 사례회의(대상자 구분): 사정 뒤 {dl['conference_days']}일 이내 "
                  "(conference_days); 사례회의에서 정한 다음 회의일과 할 일의 기한(마친 날을 적을 때까지)"),
               el("li", {"data-search-exclude": True}, f"목표 달성 예정일, 위기 사례 연락 {dl['crisis_contact_days']}일마다 "
                  f"(crisis_contact_days), 정기 재사정: 사정 뒤 {dl['reassessment_days']}일 (reassessment_days)"),
               el("li", None, f"곧 마감: 기한까지 {dl['due_soon_days']}일 이내 (due_soon_days)"))

    def frame(v: View, part: Sequence[Due], position: str) -> list[str]:
        return [WIDE + "# 기한",
                block(el("p", {"class": "ck-asof", "data-search-nodate": True}, f"{v.asof} · 사례마다 할 일 모두(점검, 목표 달성 예정일, 사례회의 …) · 기한 지남, 곧 마감, 예정 순으로 "
                         "묶고, 묶음 안에서는 위기도 높은 순, 오래 밀린 순" + (f" · {position}" if position else "")),
                      due_table(v, part, ("overdue", "due_soon", "upcoming"))),
                heading(2, "기한 기준", "rules"),
                block(el("p", None, "기한은 사례집의 casekit.yml(deadlines)에서 정하며 ", el("code", None, "casekit due"),
                         " 명령과 같은 계산을 씁니다."), rules)]

    yield from paged(site, "due/", site.every_due, frame, in_nav=True)
