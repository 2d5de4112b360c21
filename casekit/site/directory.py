"""Pages over many cases by one key: resources (자원망), workers (담당자), need domains, risk levels.

Each index shows counts; each key's page lists its cases over numbered pages of at most ROWS rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from casekit.core.schemas import STAGE_KO
from casekit.site.body import BodyRenderer
from casekit.site.case_page import LINK_KO
from casekit.site.fields import FieldRenderer
from casekit.site.gaps import KIND_KO, Gap, counts, site_gaps
from casekit.site.html import Markup, el, join
from casekit.site.indexes import RISK_RANK, SEVERITY_RANK, Case, ResourceView, Site
from casekit.site.pages import Load, caseload_note, worker_bars, worker_load
from casekit.site.views import (
    ROWS,
    WIDE,
    Page,
    View,
    block,
    case_table,
    due_table,
    heading,
    make_page,
    need_url,
    paged,
    resource_url,
    risk_url,
    sort_open_first,
    worker_url,
)


def _bar(n_open: int, total: int, biggest: int, fill: str = "ck-bar-fill") -> Markup:
    return el("span", {"class": "ck-bar", "aria-hidden": "true"},
              el("span", {"class": fill, "style": f"width:{100 * n_open / biggest:.2f}%"}),
              el("span", {"class": "ck-bar-after", "style": f"width:{100 * (total - n_open) / biggest:.2f}%"}))


def _asof(text: str, position: str) -> Markup:
    return el("p", {"class": "ck-asof", "data-search-nodate": True}, text + (f" · {position}" if position else ""))


# -- resources ---------------------------------------------------------------
def resources_index(site: Site) -> Iterator[Page]:
    used = site.resource_cases()
    gaps = counts(site_gaps(site), "resource")
    kind_labels = site.labels("resource", "kind")
    sector_labels = site.labels("resource", "sector")
    status_labels = site.labels("resource", "status")
    order = {k: i for i, k in enumerate(kind_labels)}
    every = sorted(site.resources.values(), key=lambda r: (order.get(str(r.data.get("kind") or ""), 99), r.name))

    def frame(v: View, part: Sequence[ResourceView], position: str) -> list[str]:
        rows = []
        for res in part:
            cases = used.get(res.id, [])
            n_open = sum(1 for c in cases if c.status == "open")
            domains = [d for d in res.data.get("domains") or [] if isinstance(d, str)]
            status = str(res.data.get("status") or "")
            kind = str(res.data.get("kind") or "")
            short = gaps.get(res.id, Counter())
            rows.append(el("tr", {"data-resource": res.id, "data-status": status},
                           el("td", None, v.resource_link(res.id)),
                           el("td", None, kind_labels.get(kind, kind or "-")),
                           el("td", None, sector_labels.get(str(res.data.get("sector")), res.data.get("sector") or "-")),
                           el("td", None, join([v.domain(d) for d in domains], ", ")),
                           el("td", None, res.data.get("area") or "-"),
                           el("td", None, el("span", {"class": f"ck-res-status ck-res-{status}"},
                                             status_labels.get(status, status or "-"))),
                           el("td", {"class": "ck-num"}, f"{len(cases)}건 (진행 {n_open})"),
                           el("td", {"class": "ck-num"}, sum(short.values()) if short else 0)))
        heads = ["이름", "구분", "부문", "욕구 영역", "지역", "상태", "연계 사례", "제공 안 됨·일부"]
        return [WIDE + "# 자원망",
                block(_asof(f"자원 {len(site.resources)}곳 · 공식·비공식 자원과 그 자원을 연계한 사례 "
                            "(접수·종결 때 의뢰한 곳 포함) · 자원 파일은 resources/ 폴더", position),
                      v.table(heads, rows, {"data-testid": "resource-list"}) if site.resources
                      else el("p", None, "등록된 자원이 없습니다 (resources/ 폴더가 비어 있음)."))]

    yield from paged(site, "resources/", every, frame, in_nav=True)


def resource_pages(site: Site, res: ResourceView, bodies: BodyRenderer) -> Iterator[Page]:
    cases = sort_open_first(site.resource_cases().get(res.id, []))
    short = [g for g in site_gaps(site) if g.resource == res.id]

    def frame(v: View, part: Sequence[Case], position: str) -> list[str]:
        rows = []
        for c in part:
            how = " · ".join(f"{LINK_KO.get(s, STAGE_KO.get(s, s))} {n}" for s, n in c.resources.get(res.id, {}).items())
            rows.append(el("tr", {"data-case": c.id, "data-via": " ".join(c.resources.get(res.id, {}))},
                           el("td", None, v.case_link(c)), el("td", None, v.stage(c.stage)), el("td", None, v.status(c)),
                           el("td", None, v.worker_link(c.worker)), el("td", None, how)))
        md = [WIDE + heading(1, res.name)]
        if v.url == resource_url(res.id):  # the card and the text on the first page only
            fields = FieldRenderer(site.schemas, v.resource_link, lambda _g: None)
            md.append(block(el("div", {"class": "ck-card ck-resource-card", "data-testid": "resource-card"},
                               el("p", {"class": "ck-record-meta"}, el("code", {"class": "ck-rel"}, res.rel)),
                               fields.record("resource", res.data, ("id", "name"))),
                            gap_list(v, short)))
            body = bodies.html(res.body, res.rel, 1, drop_title=res.name)
            if body:
                md.append(block(el("div", {"class": "ck-record-body"}, body)))
        md.append(heading(2, "이 자원을 연계한 사례", "cases", label=True))
        md.append(block(_asof(f"{len(cases)}건", position),
                        v.table(["사례", "현재 단계", "상태", "담당", "연계 (단계별 횟수)"], rows,
                                {"data-testid": "resource-cases"}) if rows
                        else el("p", {"class": "ck-muted", "data-testid": "resource-cases", "data-search-exclude": True},
                                "이 자원을 연계한 사례가 없습니다.")))
        return md

    yield from paged(site, resource_url(res.id), cases, frame)


def gap_list(v: View, gaps: list[Gap]) -> Markup | None:
    if not gaps:
        return None
    items = [el("li", {"data-case": g.case.id, "data-kind": g.kind}, v.case_link(g.case), " ",
                el("strong", None, KIND_KO[g.kind]), " ", g.text) for g in gaps[:50]]
    return el("section", {"class": "ck-gaps", "data-testid": "resource-gaps"},
              el("h3", {"id": "gaps"}, f"제공하지 못한 서비스 {len(gaps)}건 (진행 중 사례의 최근 점검)"),
              el("ul", {"class": "ck-list"}, items))


# -- workers -----------------------------------------------------------------
def workers_index(site: Site) -> Iterator[Page]:
    stats = worker_load(site)

    def frame(v: View, part: Sequence[Load], position: str) -> list[str]:
        return [WIDE + "# 담당자",
                block(_asof(f"담당자 {len(stats)}명 · 사례 부담 큰 순 · 막대: 사례 부담(진한 색)과 사후관리 중(옅은 색), "
                            "세로선: 한도", position),
                      el("section", {"class": "ck-caseload", "data-testid": "caseload"}, caseload_note(v),
                         worker_bars(v, None, part)))]

    yield from paged(site, "workers/", stats, frame, in_nav=True)


WORKER_DUE = 20  # rows per state (overdue, due soon) on a worker's page
WORKER_PAST = 20  # cases the worker wrote in but handed over


def worker_pages(site: Site, wid: str, cases: list[Case]) -> Iterator[Page]:
    load = next((s for s in worker_load(site) if s[0] == wid), (wid, 0, 0.0, 0, 0, 0))
    over = load[2] > site.caseload_limit
    dues = [d for d in site.every_due if d.worker == wid]  # every kind of deadline of the worker's cases
    past = sort_open_first(site.past_cases(wid))

    def frame(v: View, part: Sequence[Case], position: str) -> list[str]:
        md = [WIDE + heading(1, f"담당자 {wid}"),
              block(el("p", {"class": "ck-asof" + (" ck-alert" if over else ""), "data-testid": "worker-load", "data-search-nodate": True},
                       f"사례 부담 {load[2]:g} (한도 {site.caseload_limit:g}) · 진행 중 {load[1]}건 · 맡은 사례 {len(cases)}건",
                       el("span", {"class": "ck-badge ck-badge-over"}, "한도 넘음") if over else None))]
        first = v.url == worker_url(wid)
        if first:
            md += [heading(2, "기한", "due"), block(due_table(v, dues, ("overdue", "due_soon"), WORKER_DUE))]
        md += [heading(2, "맡은 사례", "cases"), block(_asof(f"{len(cases)}건 · 진행 중 먼저, 위기도 높은 순", position),
                                                   case_table(v, part, "caseload"))]
        if past and first:
            md += [heading(2, "이전에 기록한 사례 (지금은 다른 담당)", "past"),
                   block(_asof(f"{len(past)}건" + (f" 중 {WORKER_PAST}건" if len(past) > WORKER_PAST else ""), ""),
                         case_table(v, past[:WORKER_PAST], "past-cases"))]
        return md

    first_rows = ROWS - 2 * WORKER_DUE - (min(len(past), WORKER_PAST) if past else 0)
    yield from paged(site, worker_url(wid), sort_open_first(cases), frame, first=first_rows)


# -- needs -------------------------------------------------------------------
def _cases_by_domain(site: Site) -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for case in site.cases.values():
        for d in case.need_domains:
            out.setdefault(d, []).append(case)
    return out


def needs_index(site: Site) -> Page:
    v = View(site, "needs/")
    by_domain = _cases_by_domain(site)
    gaps = counts(site_gaps(site), "domain")
    biggest = max([1] + [len(c) for c in by_domain.values()])
    res_count = {d: sum(1 for r in site.resources.values() if d in (r.data.get("domains") or []))
                 for d in site.domain_labels}
    rows = []
    for key in site.domain_labels:
        cases = by_domain.get(key, [])
        n_open = sum(1 for c in cases if c.status == "open")
        g = gaps.get(key, Counter())
        rows.append(el("tr", {"data-domain": key},
                       el("th", {"scope": "row"}, v.domain(key), " ", el("small", None, key)),
                       el("td", {"class": "ck-bar-cell"}, _bar(n_open, len(cases), biggest)),
                       el("td", {"class": "ck-num"}, n_open),
                       el("td", {"class": "ck-num"}, len(cases)),
                       el("td", {"class": "ck-num"}, res_count.get(key, 0)),
                       el("td", {"class": "ck-num"}, g.get("unmet", 0)),
                       el("td", {"class": "ck-num"}, g.get("partly", 0) + g.get("not_delivered", 0))))
    heads = ["영역", "사례 (진행 중·종결)", "진행 중", "전체", "자원", "계획에 없는 욕구", "제공 안 됨·일부"]
    md = [WIDE + "# 욕구 영역",
          block(el("p", {"class": "ck-asof", "data-search-nodate": True}, "사례마다 가장 최근 사정의 욕구를 통합사례관리 10개 영역과 기타로 나눕니다. "
                   "오른쪽 두 칸은 진행 중 사례에서 채워지지 않은 욕구입니다(자원의 한계)."),
                v.table(heads, rows, {"data-testid": "need-list"}))]
    return make_page("needs/index.md", "needs/", md, True)


def need_pages(site: Site, key: str) -> Iterator[Page]:
    label = site.domain_labels.get(key, key)
    cases = sort_open_first(_cases_by_domain(site).get(key, []))
    resources = [r for r in sorted(site.resources.values(), key=lambda r: r.name) if key in (r.data.get("domains") or [])]

    def frame(v: View, part: Sequence[Case], position: str) -> list[str]:
        rows = []
        for c in part:
            needs = [n for n in c.needs if n.get("domain") == key]
            sev = max((str(n.get("severity")) for n in needs), key=lambda s: SEVERITY_RANK.get(s, 0), default=None)
            text = el("ul", {"class": "ck-list"}, [el("li", None, n.get("description") or "") for n in needs])
            rows.append(el("tr", {"data-case": c.id, "data-status": c.status},
                           el("td", None, v.case_link(c)), el("td", None, v.stage(c.stage)), el("td", None, v.status(c)),
                           el("td", None, v.severity(sev)), el("td", None, text), el("td", None, v.worker_link(c.worker))))
        md = [WIDE + heading(1, f"욕구 영역: {label}"),
              block(_asof(f"{key} · 사례 {len(cases)}건 (가장 최근 사정 기준)", position)),
              heading(2, "사례", "cases"),
              block(v.table(["사례", "현재 단계", "상태", "심각도", "욕구 내용", "담당"], rows, {"data-testid": "need-cases"})
                    if rows else el("p", {"class": "ck-muted", "data-testid": "need-cases"}, "이 영역의 욕구가 있는 사례가 없습니다."))]
        if v.url == need_url(key):
            md += [heading(2, "이 영역의 자원", "resources"),
                   block(el("ul", {"class": "ck-resource-list"}, [el("li", None, v.resource_link(r.id)) for r in resources])
                         if resources else el("p", {"class": "ck-muted"}, "이 영역을 다루는 자원이 없습니다."))]
        return md

    yield from paged(site, need_url(key), cases, frame)


# -- risk --------------------------------------------------------------------
def risk_index(site: Site) -> Iterator[Page]:
    levels = sorted(site.risk_labels, key=lambda k: -RISK_RANK.get(k, 0))
    counts_ = {lvl: [c for c in site.cases.values() if c.risk == lvl] for lvl in levels}
    unassessed = sort_open_first(c for c in site.cases.values() if c.risk is None)
    biggest = max([1] + [len(c) for c in counts_.values()])

    def frame(v: View, part: Sequence[Case], position: str) -> list[str]:
        rows = [el("tr", {"data-risk": lvl},
                   el("th", {"scope": "row"}, v.a(risk_url(lvl), v.risk(lvl)), " ", el("small", None, lvl)),
                   el("td", {"class": "ck-bar-cell"}, _bar(sum(1 for c in counts_[lvl] if c.status == "open"),
                                                           len(counts_[lvl]), biggest, f"ck-bar-fill ck-risk-fill-{lvl}")),
                   el("td", {"class": "ck-num"}, sum(1 for c in counts_[lvl] if c.status == "open")),
                   el("td", {"class": "ck-num"}, len(counts_[lvl])))
                for lvl in levels]
        md = [WIDE + "# 위기도",
              block(el("p", {"class": "ck-asof", "data-search-nodate": True}, "사례마다 가장 최근 사정의 위기도입니다."),
                    v.table(["위기도", "사례 (진행 중·종결)", "진행 중", "전체"], rows, {"data-testid": "risk-list"}))]
        if part:
            md += [heading(2, f"사정 전 사례 ({len(unassessed)}건)", "unassessed"),
                   block(_asof("", position), case_table(v, part, "unassessed-cases"))]
        return md

    yield from paged(site, "risk/", unassessed, frame, in_nav=True)


def risk_pages(site: Site, level: str) -> Iterator[Page]:
    label = site.risk_labels.get(level, level)
    cases = sort_open_first(c for c in site.cases.values() if c.risk == level)

    def frame(v: View, part: Sequence[Case], position: str) -> list[str]:
        return [WIDE + heading(1, f"위기도: {label}"),
                block(_asof(f"{level} · 사례 {len(cases)}건 (진행 중 먼저)", position),
                      case_table(v, part, "risk-cases") if cases
                      else el("p", {"class": "ck-muted", "data-testid": "risk-cases"}, "해당 사례가 없습니다."))]

    yield from paged(site, risk_url(level), cases, frame)
