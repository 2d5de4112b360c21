"""Every generated page as Markdown (headings in Markdown, structured parts as escaped HTML blocks).

URL scheme (other tests rely on it): `/` home, `/cases/`, `/cases/<id>/`, `/due/`, `/resources/`,
`/resources/<id>/`, `/workers/`, `/workers/<id>/`, `/needs/`, `/needs/<domain>/`, `/risk/`,
`/risk/<level>/`. Links inside HTML blocks are written relative, so the site works under any path.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from casekit.core.due import Due
from casekit.core.schemas import STAGE_KO, STAGES
from casekit.mkdocs_plugin.fields import FieldRenderer
from casekit.mkdocs_plugin.html import Markup, el, join, md_escape, relative_url
from casekit.mkdocs_plugin.model import (
    RISK_RANK,
    SEVERITY_RANK,
    STATE_KO,
    Case,
    GoalRow,
    Record,
    ResourceView,
    Site,
    group_activities,
)

HOME_DUE_LIMIT = 50
STATUS_KO = {"open": "진행 중", "aftercare": "사후관리 중", "closed": "종결"}
COMMON_KEYS = ("case", "stage", "date", "worker")


WIDE = "---\nhide:\n  - toc\n---\n\n"  # dashboards and indexes use the full width


@dataclass(frozen=True)
class Page:
    src_uri: str
    url: str
    markdown: str
    in_nav: bool = False
    blocks: tuple[str, ...] = ()


# -- URLs --------------------------------------------------------------------
def case_url(cid: str) -> str:
    return f"cases/{cid}/"


def resource_url(rid: str) -> str:
    return f"resources/{rid}/"


def worker_url(wid: str) -> str:
    return f"workers/{wid}/"


def need_url(key: str) -> str:
    return f"needs/{key}/"


def risk_url(level: str) -> str:
    return f"risk/{level}/"


def src_uri(url: str) -> str:
    """The generated file behind a directory URL: '' → index.md, 'a/' → a/index.md, 'a/b/' → a/b.md."""
    parts = url.strip("/").split("/") if url else []
    if not parts:
        return "index.md"
    if len(parts) == 1 and parts[0] in ("cases", "resources", "workers", "needs", "risk"):
        return f"{parts[0]}/index.md"
    if parts[-1] == "index":  # an id spelled "index" must not take its section's index page
        return "/".join(parts) + "/index.md"
    return "/".join(parts) + ".md"


# -- small pieces ------------------------------------------------------------
class View:
    """Rendering helpers bound to one page (relative links are computed from its URL)."""

    def __init__(self, site: Site, url: str):
        self.site = site
        self.url = url

    def href(self, target: str) -> str:
        return relative_url(target, self.url)

    def a(self, target: str, *children: object, cls: str | None = None, title: str | None = None) -> Markup:
        return el("a", {"href": self.href(target), "class": cls, "title": title}, *children)

    def case_link(self, case: Case, alias: bool = True) -> Markup:
        return join([
            self.a(case_url(case.id), case.id, cls="ck-case-id"),
            el("span", {"class": "ck-alias"}, case.alias) if alias and case.alias else None,
        ], " ")

    def worker_link(self, wid: str | None) -> Markup:
        return self.a(worker_url(wid), wid, cls="ck-worker") if wid else Markup("-")

    def resource_link(self, rid: str) -> Markup:
        res = self.site.resources.get(rid)
        if res is None:
            return el("span", {"class": "ck-missing"}, rid)
        return self.a(resource_url(rid), res.name, cls="ck-resource", title=rid)

    def stage(self, stage: str, qualifier: str | None = None) -> Markup:
        text = STAGE_KO.get(stage, stage) + (f" · {qualifier}" if qualifier else "")
        return el("span", {"class": f"ck-stage ck-stage-{stage}", "data-stage": stage}, text)

    def status(self, case: Case) -> Markup:
        return el("span", {"class": f"ck-status ck-status-{case.status}"}, STATUS_KO[case.status])

    def risk(self, level: str | None) -> Markup:
        if not level:
            return el("span", {"class": "ck-risk ck-risk-none"}, "미사정")
        return el("span", {"class": f"ck-risk ck-risk-{level}", "data-risk": level},
                  self.site.risk_labels.get(level, level))

    def severity(self, level: str | None) -> Markup:
        if not level:
            return Markup("")
        return el("span", {"class": f"ck-sev ck-sev-{level}"}, self.site.severity_labels.get(level, level))

    def domain(self, key: str, link: bool = True) -> Markup:
        label = self.site.domain_labels.get(key, key)
        if link:
            return self.a(need_url(key), label, cls="ck-domain", title=key)
        return el("span", {"class": "ck-domain", "title": key}, label)

    def due(self, due: Due | None, with_label: bool = True) -> Markup:
        if due is None:
            return el("span", {"class": "ck-due ck-due-none"}, "없음")
        state = due.state(self.site.today, self.site.soon_days)
        parts = [due.label + " " if with_label else "", due.due.isoformat(), " (", days_text(due, self.site.today), ")"]
        return el("span", {"class": f"ck-due ck-due-{state}", "data-state": state, "title": STATE_KO[state]},
                  "".join(parts))

    def table(self, heads: list[str], rows: Iterable[Markup], attrs: dict[str, str] | None = None,
              search: bool = False) -> Markup:
        """A table; left out of the search index unless `search` (listings repeat what case pages say)."""
        table = el("div", {"class": "ck-table-wrap"},
                   el("table", {"class": "ck-table", **(attrs or {})},
                      el("thead", None, el("tr", None, [el("th", None, h) for h in heads])),
                      el("tbody", None, rows)))
        return table if search else noindex(table)


def noindex(markup: Markup) -> Markup:
    """Shown, but left out of the search index: listings and summaries repeat what the records say.

    The wrapper is an element of its own kind because Material's search parser compares elements
    by tag name only, so `data-search-exclude` on a <div> ends at the first nested </div>."""
    return el("ck-noindex", {"data-search-exclude": True}, markup)


def days_text(due: Due, today: dt.date) -> str:
    left = due.days_left(today)
    if left < 0:
        return f"{-left}일 지남"
    if left == 0:
        return "오늘"
    return f"D-{left}"


class Block(str):
    """Finished HTML. It never goes through Markdown: the page's Markdown holds a placeholder
    comment, and the plugin puts the HTML back into the rendered page (`fill_blocks`). Parsing
    large HTML tables as Markdown would take most of the build time with thousands of cases."""


def block(*parts: Markup | str | None) -> Block:
    return Block("\n".join(str(p) for p in parts if p))


NONCE = secrets.token_hex(4)  # placeholders cannot be typed into a record by accident
_PLACEHOLDER = re.compile(r"<!--casekit:" + NONCE + r":(\d+)-->")


def make_page(src: str, url: str, parts: list[str], in_nav: bool = False) -> Page:
    md: list[str] = []
    blocks: list[str] = []
    for part in parts:
        if isinstance(part, Block):
            md.append(f"<!--casekit:{NONCE}:{len(blocks)}-->")
            blocks.append(str(part))
        else:
            md.append(part)
    return Page(src, url, "\n\n".join(md) + "\n", in_nav, tuple(blocks))


def fill_blocks(html: str, blocks: tuple[str, ...], clean: Callable[[str], str] = str) -> str:
    """The rendered page with every placeholder replaced by its HTML block; `clean` is applied to
    the rendered Markdown between them (what people wrote), never to the blocks casekit built."""
    out: list[str] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(html):
        out.append(clean(html[pos:m.start()]))
        n = int(m.group(1))
        out.append(blocks[n] if n < len(blocks) else "")
        pos = m.end()
    out.append(clean(html[pos:]))
    return "".join(out)


def heading(level: int, text: str, anchor: str | None = None, cls: str | None = None) -> str:
    attrs = " ".join(([f"#{anchor}"] if anchor else []) + [f".{c}" for c in (cls or "").split()])
    return "#" * level + " " + md_escape(text) + (f" {{ {attrs} }}" if attrs else "")


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_NOT_PARAGRAPH = re.compile(r"^\s*$|^ {4}|^\s*(?:[#>|]|[-*+]\s|\d+[.)]\s)")


def demote(body: str, by: int, drop_title: str | None = None) -> str:
    """Shift a record body's headings down `by` levels (it sits under the record's heading)."""
    out: list[str] = []
    fence: str | None = None
    dropped = drop_title is None
    for line in body.replace("\r\n", "\n").split("\n"):
        if fence is not None:
            out.append(line)
            if line.strip().startswith(fence):
                fence = None
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)[0] * 3
            out.append(line)
            continue
        m = _ATX.match(line)
        if m:
            if not dropped and drop_title is not None and line.strip("# \t") == drop_title.strip():
                dropped = True
                continue
            dropped = True
            level = min(6, len(m.group(2)) + by)
            out.append(m.group(1) + "#" * level + line[m.end():])
            continue
        m = _SETEXT.match(line)
        if m and out and not _NOT_PARAGRAPH.match(out[-1]):
            level = min(6, (1 if m.group(1)[0] == "=" else 2) + by)
            out[-1] = "#" * level + " " + out[-1].strip()
            continue
        if line.strip():
            dropped = True
        out.append(line)
    return "\n".join(out).strip("\n")


# -- shared components -------------------------------------------------------
def due_table(v: View, dues: list[Due], states: tuple[str, ...], limit: int | None = None) -> Markup:
    """One table, a group (tbody) per state; `data-testid="due-list"`."""
    site = v.site
    groups = []
    shown = 0
    total = 0
    for state in states:
        items = [d for d in dues if d.state(site.today, site.soon_days) == state]
        total += len(items)
        if limit is not None:
            items = items[: max(0, limit - shown)]
        shown += len(items)
        rows = [el("tr", {"class": "ck-group"}, el("th", {"colspan": "6"},
                   el("span", {"class": f"ck-due-head ck-due-{state}"}, STATE_KO[state]), f" {len(items)}건"))]
        for d in items:
            case = site.cases.get(d.case)
            rows.append(el("tr", {"data-case": d.case, "data-state": state},
                           el("td", None, v.due(d, with_label=False)),
                           el("td", None, v.case_link(case) if case else d.case),
                           el("td", None, d.label),
                           el("td", None, v.stage(case.stage) if case else ""),
                           el("td", None, v.worker_link(d.worker)),
                           el("td", {"class": "ck-basis"}, v.a(case_url(d.case), d.basis.rsplit("/", 1)[-1])
                              if case is None else _basis_link(v, case, d.basis))))
        groups.append(el("tbody", {"class": f"ck-state-{state}"}, rows))
    head = el("thead", None, el("tr", None, [el("th", None, h) for h in ("기한", "사례", "할 일", "현재 단계", "담당",
                                                                          "근거 기록")]))
    table = el("table", {"class": "ck-table ck-due-table", "data-testid": "due-list"}, head, groups)
    more = None
    if limit is not None and total > shown:
        more = el("p", {"class": "ck-more"}, v.a("due/", f"외 {total - shown}건 — 기한 전체 보기"))
    return join([noindex(el("div", {"class": "ck-table-wrap"}, table)), more])


def _basis_link(v: View, case: Case, rel: str) -> Markup:
    for r in case.records:
        if r.rel == rel:
            return el("a", {"href": v.href(case_url(case.id)) + "#" + r.anchor}, f"{r.nn:02d} {r.stage_ko}")
    return Markup("")


def worker_bars(v: View) -> Markup:
    site = v.site
    workers = site.workers()
    if not workers:
        return el("p", None, "담당자가 없습니다.")
    stats = []
    for wid, cases in workers.items():
        open_ = sum(1 for c in cases if c.status == "open")
        after = sum(1 for c in cases if c.status == "aftercare")
        overdue = sum(1 for c in cases if c.due_state == "overdue")
        soon = sum(1 for c in cases if c.due_state == "due_soon")
        stats.append((wid, open_, after, overdue, soon))
    stats.sort(key=lambda s: (-s[1], -s[2], s[0]))
    limit = site.caseload_limit
    scale = max([limit + 1] + [s[1] + s[2] for s in stats])
    rows = []
    for wid, open_, after, overdue, soon in stats:
        over = open_ > limit
        bar = el("div", {"class": "ck-bar", "role": "img",
                         "aria-label": f"진행 {open_}건, 사후관리 {after}건, 적정 {limit}건"},
                 el("span", {"class": "ck-bar-fill" + (" ck-over" if over else ""),
                             "style": f"width:{100 * open_ / scale:.2f}%"}),
                 el("span", {"class": "ck-bar-after", "style": f"width:{100 * after / scale:.2f}%"}),
                 el("span", {"class": "ck-bar-limit", "style": f"left:{100 * limit / scale:.2f}%",
                             "title": f"적정 {limit}건"}))
        rows.append(el("tr", {"data-worker": wid, "class": "ck-overloaded" if over else None},
                       el("th", {"scope": "row"}, v.worker_link(wid)),
                       el("td", {"class": "ck-bar-cell"}, bar),
                       el("td", {"class": "ck-num"}, el("strong", None, open_),
                          el("span", {"class": "ck-badge ck-badge-over"}, "과부하") if over else None),
                       el("td", {"class": "ck-num"}, after),
                       el("td", {"class": "ck-num"},
                          el("span", {"class": "ck-count-overdue"}, overdue) if overdue else "0"),
                       el("td", {"class": "ck-num"}, soon)))
    heads = ["담당자", f"진행 중 사례 (적정 {limit}건 기준)", "진행", "사후관리", "기한 지남", "곧 마감"]
    return v.table(heads, rows, {"class": "ck-table ck-caseload-workers", "id": "caseload-workers"})


def stage_groups(v: View) -> Markup:
    """Every case under its current stage: a bar per stage and the cases as links."""
    site = v.site
    by_stage: dict[str, list[Case]] = {s: [] for s in STAGES}
    for case in site.cases.values():
        by_stage.setdefault(case.stage, []).append(case)
    biggest = max([1] + [len(c) for c in by_stage.values()])
    groups = []
    for stage, cases in by_stage.items():
        chips = [el("li", {"data-case": c.id, "data-stage": c.stage},
                    v.a(case_url(c.id), c.id, el("span", {"class": "ck-alias"}, c.alias) if c.alias else None,
                        cls=f"ck-chip ck-chip-{c.status}", title=STATUS_KO[c.status]))
                 for c in cases]
        groups.append(el("div", {"class": "ck-stage-group", "data-stage": stage},
                         el("div", {"class": "ck-stage-head"},
                            v.stage(stage),
                            el("span", {"class": "ck-bar ck-bar-small"},
                               el("span", {"class": f"ck-bar-fill ck-fill-{stage}",
                                           "style": f"width:{100 * len(cases) / biggest:.2f}%"})),
                            el("strong", {"class": "ck-num"}, f"{len(cases)}건")),
                         el("ul", {"class": "ck-chips"}, chips) if chips else None))
    return noindex(el("div", {"class": "ck-stage-groups", "id": "caseload-stage"}, groups))


def case_rows(v: View, cases: Iterable[Case]) -> Iterator[Markup]:
    for c in cases:
        yield el("tr", {"data-case": c.id, "data-stage": c.stage, "data-status": c.status},
                 el("td", None, v.a(case_url(c.id), c.id, cls="ck-case-id")),
                 el("td", {"class": "ck-alias"}, c.alias or "-"),
                 el("td", None, v.stage(c.stage)),
                 el("td", None, v.status(c)),
                 el("td", None, v.worker_link(c.worker)),
                 el("td", None, v.risk(c.risk)),
                 el("td", {"class": "ck-date"}, c.opened or "-"),
                 el("td", {"class": "ck-date"}, c.last_date or "-"),
                 el("td", None, v.due(c.due)))


CASE_HEADS = ["사례", "가명", "현재 단계", "상태", "담당", "위기도", "접수일", "최근 기록", "다음 할 일"]


def case_table(v: View, cases: Iterable[Case], testid: str = "case-list") -> Markup:
    return v.table(CASE_HEADS, case_rows(v, cases), {"data-testid": testid})


def _sort_open_first(cases: Iterable[Case]) -> list[Case]:
    order = {"open": 0, "aftercare": 1, "closed": 2}
    return sorted(cases, key=lambda c: (order[c.status], c.id))


# -- pages -------------------------------------------------------------------
def home(site: Site) -> Page:
    v = View(site, "")
    cases = list(site.cases.values())
    n_open = sum(1 for c in cases if c.status == "open")
    n_after = sum(1 for c in cases if c.status == "aftercare")
    n_closed = len(cases) - n_open
    overdue = sum(1 for d in site.dues if d.state(site.today, site.soon_days) == "overdue")
    soon = sum(1 for d in site.dues if d.state(site.today, site.soon_days) == "due_soon")

    def tile(label: str, value: int, cls: str, target: str | None = None) -> Markup:
        inner = [el("span", {"class": "ck-tile-num"}, value), el("span", {"class": "ck-tile-label"}, label)]
        return v.a(target, *inner, cls=f"ck-tile {cls}") if target else el("div", {"class": f"ck-tile {cls}"}, inner)

    tiles = el("div", {"class": "ck-tiles", "data-testid": "stats"},
               tile("전체 사례", len(cases), "ck-tile-all", "cases/"),
               tile("진행 중", n_open, "ck-tile-open"),
               tile("종결", n_closed, "ck-tile-closed"),
               tile("사후관리 중", n_after, "ck-tile-after"),
               tile("기한 지남", overdue, "ck-tile-overdue" + (" ck-alert" if overdue else ""), "due/"),
               tile("곧 마감", soon, "ck-tile-soon", "due/"))
    asof = el("p", {"class": "ck-asof"}, f"기준일 {site.today.isoformat()} · 곧 마감 = {site.soon_days}일 이내 · "
              f"기록 {site.files}개 검사 통과" + (f" (경고 {site.warnings}건)" if site.warnings else ""))
    md = [
        WIDE + "# 사례집 현황",
        block(asof, tiles),
        heading(2, "기한 지남 · 곧 마감", "due"),
        block(el("p", {"class": "ck-note"}, "접수 뒤 사정, 접수 뒤 계획, 다음 점검, 종결 뒤 사후관리까지 사례마다 다음 할 일의 기한입니다. ",
                 v.a("due/", "예정된 일까지 모두 보기")),
              due_table(v, site.dues, ("overdue", "due_soon"), HOME_DUE_LIMIT)),
        heading(2, "사례 부담", "caseload"),
        block(el("section", {"class": "ck-caseload", "data-testid": "caseload"},
                 el("h3", {"id": "caseload-by-worker"}, "담당자별"),
                 worker_bars(v),
                 el("h3", {"id": "caseload-by-stage"}, "단계별 (사례마다 현재 단계)"),
                 stage_groups(v))),
    ]
    return make_page("index.md", "", md, True)


def cases_index(site: Site) -> Page:
    v = View(site, "cases/")
    cases = list(site.cases.values())
    n_open = sum(1 for c in cases if c.status == "open")
    md = [
        WIDE + "# 사례 목록",
        block(el("p", {"class": "ck-asof"}, f"전체 {len(cases)}건 · 진행 중 {n_open}건 · 종결 {len(cases) - n_open}건 · "
                 f"기준일 {site.today.isoformat()}"),
              case_table(v, cases)),
    ]
    return make_page("cases/index.md", "cases/", md, True)


def due_page(site: Site) -> Page:
    v = View(site, "due/")
    dl = site.deadlines
    rules = el("ul", {"class": "ck-rules"},
               el("li", None, f"사정(욕구 및 위기도 조사): 접수 뒤 {dl['assessment_days']}일 이내"),
               el("li", None, f"서비스 제공계획: 접수 뒤 {dl['plan_days']}일 이내"),
               el("li", None, f"점검: 기록에 적힌 다음 점검일, 없으면 앞 기록 뒤 {dl['monitoring_days']}일"),
               el("li", None, "재사정·계획 수정: 점검에서 결정한 뒤 " + f"{dl['assessment_days']}일 이내"),
               el("li", None, "사후관리: 종결 뒤 " + ", ".join(f"{d}일" for d in dl["followup_days"])
                  + " (종결·사후관리 기록에 적힌 날짜가 있으면 그 날짜)"),
               el("li", None, f"곧 마감: 기한까지 {dl['due_soon_days']}일 이내"))
    md = [
        WIDE + "# 기한",
        block(el("p", {"class": "ck-asof"}, f"기준일 {site.today.isoformat()} · 사례마다 다음 할 일 하나씩, 기한 순"),
              due_table(v, site.dues, ("overdue", "due_soon", "upcoming"))),
        heading(2, "기한 기준", "rules"),
        block(el("p", None, "기한은 사례집의 casekit.yml(deadlines)에서 정하며 ", el("code", None, "casekit due"),
                 " 명령과 같은 계산을 씁니다."), rules),
    ]
    return make_page("due.md", "due/", md, True)


# -- case page ---------------------------------------------------------------
def case_page(site: Site, case: Case) -> Page:
    url = case_url(case.id)
    v = View(site, url)
    plan_for: dict[str, Record | None] = {}
    current_plan: Record | None = None
    for r in case.records:
        if r.stage == "plan":
            current_plan = r
        elif r.stage == "intake":
            current_plan = None
        plan_for[r.rel] = current_plan
    active: dict[str, Record | None] = {"plan": None}

    def goal_title(gid: str) -> str | None:
        plan = active["plan"]
        for g in (plan.data.get("goals") or []) if plan else []:
            if isinstance(g, dict) and g.get("id") == gid and isinstance(g.get("goal"), str):
                return g["goal"]
        return None

    fields = FieldRenderer(site.schemas, v.resource_link, goal_title)
    title = f"{case.id} · {case.alias}" if case.alias else case.id
    md = [
        heading(1, title),
        block(summary_card(v, case)),
        heading(2, "타임라인", "timeline"),
        block(timeline(v, case)),
        heading(2, "목표와 경과", "goals"),
        block(goals_table(v, case)),
        heading(2, "활동 기록", "activities"),
        block(activity_log(v, case, fields, plan_for, active)),
        heading(2, "연계 자원", "resources"),
        block(linked_resources(v, case)),
    ]
    for r in case.records:
        active["plan"] = plan_for.get(r.rel) if r.stage != "plan" else r
        text = f"{r.nn:02d} {r.stage_ko}" + (f" ({r.qualifier})" if r.qualifier else "") + f" · {r.date or '날짜 없음'}"
        md.append(heading(2, text, r.anchor, f"ck-record ck-record-{r.stage}"))
        meta = el("p", {"class": "ck-record-meta"}, v.stage(r.stage, r.qualifier), " 담당 ", v.worker_link(r.worker),
                  " · ", el("code", {"class": "ck-rel"}, r.rel))
        md.append(block(el("div", {"class": "ck-record-data", "data-stage": r.stage, "data-nn": f"{r.nn:02d}"},
                           meta, fields.record(r.stage, r.data, COMMON_KEYS))))
        body = demote(r.body, 2)
        if body.strip():
            md.append(body)
    return make_page(src_uri(url), url, md)


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
    if case.closed:
        goal_cell: Markup = el("span", None, "종결된 사례입니다 (목표별 결과는 아래 표)")
    elif goal_items:
        goal_cell = el("ul", {"class": "ck-list"}, goal_items)
    else:
        goal_cell = el("span", None, "아직 계획이 없습니다" if not case.plans else "모두 달성")
    rows = [
        ("현재 단계", join([v.stage(case.stage), " ", v.status(case)]), "stage"),
        ("담당", v.worker_link(case.worker), "worker"),
        ("위기도", join([v.risk(case.risk), el("small", None, f" {case.assessment.date} 사정")
                        if case.assessment and case.assessment.date else None]), "risk"),
        ("욕구 영역", el("ul", {"class": "ck-inline"}, need_items) if need_items else "사정 전", "needs"),
        ("진행 중 목표", goal_cell, "goals"),
        ("다음 할 일", v.due(case.due), "due"),
        ("기간", f"접수 {case.opened or '-'} · 최근 기록 {case.last_date or '-'} · 기록 {len(case.records)}건"
         + (f" · {case.episodes - 1}회 재개" if case.episodes > 1 else ""), "span"),
    ]
    dl = el("dl", {"class": "ck-summary-list"},
            [join([el("dt", {"data-field": key}, k), el("dd", None, val)]) for k, val, key in rows])
    return el("section", {"class": f"ck-card ck-summary ck-card-{case.status}", "data-testid": "case-summary",
                          "data-stage": case.stage, "data-status": case.status}, dl)


def timeline(v: View, case: Case) -> Markup:
    site = v.site
    dated = [r for r in case.records if r.date]
    points = [dt.date.fromisoformat(r.date) for r in dated if r.date]
    extra: list[dt.date] = []
    if case.due is not None:
        extra.append(case.due.due)
    if not case.closed or case.aftercare:
        extra.append(site.today)
    if not points:
        return el("div", {"class": "ck-timeline", "data-testid": "timeline"}, el("p", None, "날짜가 있는 기록이 없습니다."))
    start = min(points + extra)
    end = max(points + extra)
    span = max(1, (end - start).days)

    def pos(d: dt.date) -> float:
        return 100 * (d - start).days / span if end != start else 50.0

    track: list[Markup] = []
    for i, r in enumerate(dated[:-1]):
        a, b = points[i], points[i + 1]
        if b > a:
            track.append(el("span", {"class": f"ck-tl-seg ck-fill-{r.stage}",
                                     "style": f"left:{pos(a):.2f}%;width:{pos(b) - pos(a):.2f}%",
                                     "title": f"{r.stage_ko} {a.isoformat()} ~ {b.isoformat()}"}))
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
        lane %= 3
        track.append(el("a", {"class": f"ck-tl-dot ck-fill-{r.stage} ck-lane-{lane}", "href": f"#{r.anchor}",
                              "style": f"left:{x:.2f}%", "title": f"{r.nn:02d} {r.stage_ko} {r.date}"},
                        f"{r.nn:02d}"))
    if not case.closed or case.aftercare:
        track.append(el("span", {"class": "ck-tl-today", "style": f"left:{pos(site.today):.2f}%"},
                        el("span", None, "오늘")))
    if case.due is not None:
        state = case.due.state(site.today, site.soon_days)
        track.append(el("span", {"class": f"ck-tl-due ck-due-{state}", "style": f"left:{pos(case.due.due):.2f}%",
                                 "title": f"{case.due.label} {case.due.due.isoformat()} ({STATE_KO[state]})"},
                        el("span", None, case.due.label)))
    axis = el("div", {"class": "ck-tl-axis"}, el("span", None, start.isoformat()), el("span", None, end.isoformat()))
    items = []
    prev: dt.date | None = None
    for r, d in zip(dated, points, strict=True):
        gap = f"+{(d - prev).days}일" if prev is not None else "시작"
        items.append(el("li", {"class": f"ck-tl-item ck-stage-{r.stage}", "data-nn": f"{r.nn:02d}"},
                        el("a", {"href": f"#{r.anchor}"}, el("span", {"class": f"ck-tl-mark ck-fill-{r.stage}"}),
                           f"{r.nn:02d} {r.stage_ko}" + (f"({r.qualifier})" if r.qualifier else "")),
                        " ", el("time", {"datetime": r.date}, r.date), " ", el("small", None, gap)))
        prev = d
    undated = [r for r in case.records if not r.date]
    items += [el("li", {"class": f"ck-tl-item ck-stage-{r.stage}"}, el("a", {"href": f"#{r.anchor}"},
                 f"{r.nn:02d} {r.stage_ko}"), " 날짜 없음") for r in undated]
    return noindex(el("div", {"class": "ck-timeline", "data-testid": "timeline",
                      "aria-label": f"기록 {len(case.records)}건의 타임라인"},
              el("div", {"class": "ck-tl-track"}, el("span", {"class": "ck-tl-line"}), track), axis,
              el("ol", {"class": "ck-tl-list"}, items)))


def goals_table(v: View, case: Case) -> Markup:
    if not case.plans:
        return el("div", {"class": "ck-table-wrap"},
                  el("table", {"class": "ck-table ck-goals", "data-testid": "goals-table"},
                     el("tbody", None, el("tr", None, el("td", None, "계획 기록이 아직 없습니다.")))))
    need_domain: dict[str, str] = {}
    groups = []
    for block_ in case.plans:
        plan = block_.plan
        for rec in case.records:
            if rec.stage == "assessment" and rec.nn < plan.nn:
                for n in rec.data.get("needs") or []:
                    if isinstance(n, dict) and isinstance(n.get("id"), str) and isinstance(n.get("domain"), str):
                        need_domain[n["id"]] = n["domain"]
        label = f"{plan.nn:02d} {plan.qualifier or '계획'} · {plan.date or ''}"
        rows = [el("tr", {"class": "ck-group"}, el("th", {"colspan": "5"},
                   el("a", {"href": f"#{plan.anchor}"}, label)))]
        for g in block_.goals:
            rows.append(_goal_row(v, g, need_domain))
        groups.append(el("tbody", {"data-plan": f"{plan.nn:02d}"}, rows))
    head = el("thead", None, el("tr", None, [el("th", None, h) for h in ("목표", "욕구", "목표일", "점검 경과", "종결 결과")]))
    return noindex(el("div", {"class": "ck-table-wrap"},
                      el("table", {"class": "ck-table ck-goals", "data-testid": "goals-table"}, head, groups)))


def _goal_row(v: View, g: GoalRow, need_domain: dict[str, str]) -> Markup:
    site = v.site
    checks = [el("li", {"class": f"ck-prog ck-prog-{status}", "title": note or None},
                 el("a", {"href": f"#{rec.anchor}"}, (rec.date or "")[5:]), " ",
                 site.progress_labels.get(status, status))
              for rec, status, note in g.checks]
    if g.result is not None:
        rec, result, note = g.result
        result_cell: Markup = join([el("span", {"class": f"ck-res ck-res-{result}"}, site.result_labels.get(result, result)),
                                    el("small", {"class": "ck-note"}, " " + note) if note else None])
    elif g.superseded_by is not None:
        result_cell = el("span", {"class": "ck-muted"}, f"{g.superseded_by.nn:02d} 수정 계획으로 이어짐")
    else:
        result_cell = el("span", {"class": "ck-muted"}, "진행 중")
    latest_note = g.checks[-1][2] if g.checks else ""
    need = join([v.domain(need_domain[g.need]) if g.need in need_domain else None,
                 el("small", None, f" {g.need}") if g.need else None])
    return el("tr", {"data-goal": g.id, "data-status": g.latest_status, "data-result": g.result[1] if g.result else None},
              el("td", None, el("strong", None, g.id), " ", g.text),
              el("td", None, need),
              el("td", {"class": "ck-date"}, g.target_date or "-"),
              el("td", None, el("ol", {"class": "ck-checks"}, checks) if checks else el("span", {"class": "ck-muted"},
                                                                                          "점검 전"),
                 el("small", {"class": "ck-note"}, latest_note) if latest_note else None),
              el("td", None, result_cell))


def activity_log(v: View, case: Case, fields: FieldRenderer, plan_for: dict[str, Record | None],
                 active: dict[str, Record | None]) -> Markup:
    site = v.site
    groups = group_activities(site, case.activities)
    mix = el("ul", {"class": "ck-mix"},
             [el("li", {"class": "ck-mix-item" + ("" if acts else " ck-empty"), "data-type": key},
                 el("a", {"href": f"#act-{key}"} if acts else {}, label), " ", el("strong", None, len(acts)))
              for key, label, acts in groups])
    sections = []
    for key, label, acts in groups:
        if not acts:
            continue
        minutes = sum(a.minutes or 0 for a in acts)
        rows = []
        for a in acts:
            active["plan"] = plan_for.get(a.record.rel)
            kind = site.activity_labels.get(a.type, a.type) if key == "indirect" else None
            goal = el("abbr", {"title": fields.goal_title(a.goal)}, a.goal) if a.goal else Markup("-")
            rows.append(el("tr", {"data-type": a.type},
                           el("td", {"class": "ck-date"}, a.date),
                           el("td", None, goal),
                           el("td", None, join([el("span", {"class": "ck-kind"}, kind + " ") if kind else None,
                                                a.summary])),
                           el("td", None, v.resource_link(a.resource) if a.resource else "-"),
                           el("td", {"class": "ck-num"}, a.minutes if a.minutes is not None else "-"),
                           el("td", None, el("a", {"href": f"#{a.record.anchor}"}, f"{a.record.nn:02d}"))))
        sections.append(el("div", {"class": "ck-act-group", "data-type": key},
                           el("h3", {"id": f"act-{key}"}, label, " ",
                              el("small", None, f"{len(acts)}건" + (f" · {minutes}분" if minutes else ""))),
                           v.table(["날짜", "목표", "내용", "자원", "분", "기록"], rows)))
    if not case.activities:
        sections.append(el("p", {"class": "ck-muted"}, "실행 기록이 아직 없습니다."))
    return noindex(el("section", {"class": "ck-activities", "data-testid": "activity-log"}, mix, sections))


def linked_resources(v: View, case: Case) -> Markup:
    if not case.resources:
        return el("p", {"class": "ck-muted", "data-testid": "linked-resources"}, "연계한 자원이 없습니다.")
    items = []
    for rid, counts in sorted(case.resources.items(), key=lambda kv: v.site.resources[kv[0]].name
                              if kv[0] in v.site.resources else kv[0]):
        how = " · ".join(f"{STAGE_KO.get(s, s)} {n}" for s, n in counts.items())
        items.append(el("li", {"data-resource": rid}, v.resource_link(rid), " ", el("small", None, how)))
    return el("ul", {"class": "ck-resource-list", "data-testid": "linked-resources"}, items)


# -- resources ---------------------------------------------------------------
def resources_index(site: Site) -> Page:
    v = View(site, "resources/")
    used = site.resource_cases()
    kind_labels = site.labels("resource", "kind")
    sector_labels = site.labels("resource", "sector")
    status_labels = site.labels("resource", "status")
    by_kind: dict[str, list[ResourceView]] = {}
    for res in sorted(site.resources.values(), key=lambda r: r.name):
        by_kind.setdefault(str(res.data.get("kind") or ""), []).append(res)
    groups = []
    for kind in [*kind_labels, *[k for k in by_kind if k not in kind_labels]]:
        items = by_kind.get(kind)
        if not items:
            continue
        rows = [el("tr", {"class": "ck-group"}, el("th", {"colspan": "6"}, kind_labels.get(kind, kind or "구분 없음"),
                                                   f" {len(items)}곳"))]
        for res in items:
            cases = used.get(res.id, [])
            n_open = sum(1 for c in cases if c.status == "open")
            domains = [d for d in res.data.get("domains") or [] if isinstance(d, str)]
            status = str(res.data.get("status") or "")
            rows.append(el("tr", {"data-resource": res.id, "data-status": status},
                           el("td", None, v.resource_link(res.id)),
                           el("td", None, sector_labels.get(str(res.data.get("sector")), res.data.get("sector") or "-")),
                           el("td", None, join([v.domain(d) for d in domains], ", ")),
                           el("td", None, res.data.get("area") or "-"),
                           el("td", None, el("span", {"class": f"ck-res-status ck-res-{status}"},
                                             status_labels.get(status, status or "-"))),
                           el("td", {"class": "ck-num"}, f"{len(cases)}건 (진행 {n_open})")))
        groups.append(el("tbody", None, rows))
    head = el("thead", None, el("tr", None, [el("th", None, h) for h in ("이름", "부문", "욕구 영역", "지역", "상태",
                                                                          "연계 사례")]))
    table = noindex(el("div", {"class": "ck-table-wrap"},
                       el("table", {"class": "ck-table", "data-testid": "resource-list"}, head, groups)))
    md = [WIDE + "# 자원망",
          block(el("p", {"class": "ck-asof"}, f"자원 {len(site.resources)}곳 · 공식·비공식 자원과 그 자원을 연계한 사례"),
                table if site.resources else el("p", None, "등록된 자원이 없습니다 (resources/ 폴더가 비어 있음)."))]
    return make_page("resources/index.md", "resources/", md, True)


def resource_page(site: Site, res: ResourceView) -> Page:
    url = resource_url(res.id)
    v = View(site, url)
    fields = FieldRenderer(site.schemas, v.resource_link, lambda _g: None)
    cases = _sort_open_first(site.resource_cases().get(res.id, []))
    rows = []
    for c in cases:
        counts = c.resources.get(res.id, {})
        how = " · ".join(f"{STAGE_KO.get(s, s)} {n}" for s, n in counts.items())
        rows.append(el("tr", {"data-case": c.id},
                       el("td", None, v.case_link(c)), el("td", None, v.stage(c.stage)), el("td", None, v.status(c)),
                       el("td", None, v.worker_link(c.worker)), el("td", None, how)))
    md = [
        WIDE + heading(1, res.name),
        block(el("div", {"class": "ck-card ck-resource-card", "data-testid": "resource-card"},
                 el("p", {"class": "ck-record-meta"}, el("code", {"class": "ck-rel"}, res.rel)),
                 fields.record("resource", res.data, ("id", "name")))),
    ]
    body = demote(res.body, 1, drop_title=res.name)
    if body.strip():
        md.append(body)
    md.append(heading(2, "이 자원을 연계한 사례", "cases"))
    md.append(block(v.table(["사례", "현재 단계", "상태", "담당", "연계 (단계별 횟수)"], rows,
                            {"data-testid": "resource-cases"}) if rows
                    else el("p", {"class": "ck-muted", "data-testid": "resource-cases"}, "이 자원을 연계한 사례가 없습니다.")))
    return make_page(src_uri(url), url, md)


# -- workers -----------------------------------------------------------------
def workers_index(site: Site) -> Page:
    v = View(site, "workers/")
    md = [WIDE + "# 담당자",
          block(el("p", {"class": "ck-asof"}, f"담당자 {len(site.workers())}명 · 적정 진행 사례 {site.caseload_limit}건"
                   " 기준 (mkdocs.yml의 casekit caseload_limit) · 막대: 진행 중(진한 색)과 사후관리 중(옅은 색)"),
                el("section", {"class": "ck-caseload", "data-testid": "caseload"}, worker_bars(v)))]
    return make_page("workers/index.md", "workers/", md, True)


def worker_page(site: Site, wid: str, cases: list[Case]) -> Page:
    url = worker_url(wid)
    v = View(site, url)
    n_open = sum(1 for c in cases if c.status == "open")
    over = n_open > site.caseload_limit
    dues = [d for d in site.dues if d.worker == wid]
    past = site.past_cases(wid)
    md = [
        WIDE + heading(1, f"담당자 {wid}"),
        block(el("p", {"class": "ck-asof" + (" ck-alert" if over else "")},
                 f"진행 중 {n_open}건 (적정 {site.caseload_limit}건) · 전체 {len(cases)}건",
                 el("span", {"class": "ck-badge ck-badge-over"}, "과부하") if over else None)),
        heading(2, "기한", "due"),
        block(due_table(v, dues, ("overdue", "due_soon", "upcoming"))),
        heading(2, "맡은 사례", "cases"),
        block(case_table(v, _sort_open_first(cases), "caseload")),
    ]
    if past:
        md += [heading(2, "이전에 기록한 사례 (지금은 다른 담당)", "past"), block(case_table(v, past, "past-cases"))]
    return make_page(src_uri(url), url, md)


# -- needs -------------------------------------------------------------------
def needs_index(site: Site) -> Page:
    v = View(site, "needs/")
    by_domain = _cases_by_domain(site)
    biggest = max([1] + [len(c) for c in by_domain.values()])
    res_count = {d: sum(1 for r in site.resources.values() if d in (r.data.get("domains") or []))
                 for d in site.domain_labels}
    rows = []
    for key in site.domain_labels:
        cases = by_domain.get(key, [])
        n_open = sum(1 for c in cases if c.status == "open")
        rows.append(el("tr", {"data-domain": key},
                       el("th", {"scope": "row"}, v.domain(key), " ", el("small", None, key)),
                       el("td", {"class": "ck-bar-cell"},
                          el("span", {"class": "ck-bar"},
                             el("span", {"class": "ck-bar-fill", "style": f"width:{100 * n_open / biggest:.2f}%"}),
                             el("span", {"class": "ck-bar-after",
                                         "style": f"width:{100 * (len(cases) - n_open) / biggest:.2f}%"}))),
                       el("td", {"class": "ck-num"}, n_open),
                       el("td", {"class": "ck-num"}, len(cases)),
                       el("td", {"class": "ck-num"}, res_count.get(key, 0))))
    md = [WIDE + "# 욕구 영역",
          block(el("p", {"class": "ck-asof"}, "사례마다 가장 최근 사정의 욕구를 통합사례관리 10개 영역과 기타로 나눕니다."),
                v.table(["영역", "사례 (진행 중·종결)", "진행 중", "전체", "자원"], rows, {"data-testid": "need-list"}))]
    return make_page("needs/index.md", "needs/", md, True)


def _cases_by_domain(site: Site) -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = {}
    for case in site.cases.values():
        for d in case.need_domains:
            out.setdefault(d, []).append(case)
    return out


def need_page(site: Site, key: str) -> Page:
    url = need_url(key)
    v = View(site, url)
    label = site.domain_labels.get(key, key)
    cases = _sort_open_first(_cases_by_domain(site).get(key, []))
    rows = []
    for c in cases:
        needs = [n for n in c.needs if n.get("domain") == key]
        sev = max((str(n.get("severity")) for n in needs), key=lambda s: SEVERITY_RANK.get(s, 0), default=None)
        text = el("ul", {"class": "ck-list"}, [el("li", None, n.get("description") or "") for n in needs])
        rows.append(el("tr", {"data-case": c.id, "data-status": c.status},
                       el("td", None, v.case_link(c)), el("td", None, v.stage(c.stage)), el("td", None, v.status(c)),
                       el("td", None, v.severity(sev)), el("td", None, text), el("td", None, v.worker_link(c.worker))))
    resources = [r for r in sorted(site.resources.values(), key=lambda r: r.name) if key in (r.data.get("domains") or [])]
    md = [
        WIDE + heading(1, f"욕구 영역: {label}"),
        block(el("p", {"class": "ck-asof"}, f"{key} · 사례 {len(cases)}건 (가장 최근 사정 기준)")),
        heading(2, "사례", "cases"),
        block(v.table(["사례", "현재 단계", "상태", "심각도", "욕구 내용", "담당"], rows, {"data-testid": "need-cases"})
              if rows else el("p", {"class": "ck-muted", "data-testid": "need-cases"}, "이 영역의 욕구가 있는 사례가 없습니다.")),
        heading(2, "이 영역의 자원", "resources"),
        block(el("ul", {"class": "ck-resource-list"}, [el("li", None, v.resource_link(r.id)) for r in resources])
              if resources else el("p", {"class": "ck-muted"}, "이 영역을 다루는 자원이 없습니다.")),
    ]
    return make_page(src_uri(url), url, md)


# -- risk --------------------------------------------------------------------
def risk_index(site: Site) -> Page:
    v = View(site, "risk/")
    levels = sorted(site.risk_labels, key=lambda k: -RISK_RANK.get(k, 0))
    counts = {lvl: [c for c in site.cases.values() if c.risk == lvl] for lvl in levels}
    unassessed = [c for c in site.cases.values() if c.risk is None]
    biggest = max([1] + [len(c) for c in counts.values()])
    rows = []
    for lvl in levels:
        cases = counts[lvl]
        n_open = sum(1 for c in cases if c.status == "open")
        rows.append(el("tr", {"data-risk": lvl},
                       el("th", {"scope": "row"}, v.a(risk_url(lvl), v.risk(lvl)), " ", el("small", None, lvl)),
                       el("td", {"class": "ck-bar-cell"},
                          el("span", {"class": "ck-bar"},
                             el("span", {"class": f"ck-bar-fill ck-risk-fill-{lvl}",
                                         "style": f"width:{100 * n_open / biggest:.2f}%"}),
                             el("span", {"class": "ck-bar-after",
                                         "style": f"width:{100 * (len(cases) - n_open) / biggest:.2f}%"}))),
                       el("td", {"class": "ck-num"}, n_open), el("td", {"class": "ck-num"}, len(cases))))
    md = [WIDE + "# 위기도",
          block(el("p", {"class": "ck-asof"}, "사례마다 가장 최근 사정의 위기도입니다."),
                v.table(["위기도", "사례 (진행 중·종결)", "진행 중", "전체"], rows, {"data-testid": "risk-list"}))]
    if unassessed:
        md += [heading(2, f"사정 전 사례 ({len(unassessed)}건)", "unassessed"),
               block(case_table(v, _sort_open_first(unassessed), "unassessed-cases"))]
    return make_page("risk/index.md", "risk/", md, True)


def risk_page(site: Site, level: str) -> Page:
    url = risk_url(level)
    v = View(site, url)
    label = site.risk_labels.get(level, level)
    cases = _sort_open_first(c for c in site.cases.values() if c.risk == level)
    md = [WIDE + heading(1, f"위기도: {label}"),
          block(el("p", {"class": "ck-asof"}, f"{level} · 사례 {len(cases)}건 (진행 중 먼저)"),
                case_table(v, cases, "risk-cases") if cases
                else el("p", {"class": "ck-muted", "data-testid": "risk-cases"}, "해당 사례가 없습니다."))]
    return make_page(src_uri(url), url, md)


# -- all of them -------------------------------------------------------------
def all_pages(site: Site) -> Iterator[Page]:
    yield home(site)
    yield cases_index(site)
    yield due_page(site)
    yield resources_index(site)
    yield workers_index(site)
    yield needs_index(site)
    yield risk_index(site)
    for case in site.cases.values():
        yield case_page(site, case)
    for res in site.resources.values():
        yield resource_page(site, res)
    for wid, cases in site.workers().items():
        yield worker_page(site, wid, cases)
    for key in site.domain_labels:
        yield need_page(site, key)
    for level in site.risk_labels:
        yield risk_page(site, level)


__all__ = ["Page", "all_pages", "fill_blocks", "case_url", "demote", "resource_url", "src_uri", "worker_url"]
