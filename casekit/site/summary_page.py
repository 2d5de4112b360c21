"""`/cases/<id>/summary/`: a case on one printed A4 page, for a 사례회의.

The summary card of the case page, the household and case type when the records say them, the
current plan's goals with their target dates and latest 점검, and the next deadline with its 기준일.
The page is left out of search (the case page already answers every query) and reached from the
"요약 인쇄" link on each case page (templates/main.html). Print marks (내부용, 출력일, page numbers)
come from casekit.css and casekit.js like every other page.
"""

from __future__ import annotations

from casekit.site.case_page import summary_card
from casekit.site.html import Markup, el, join, table_box
from casekit.site.indexes import Case, Site
from casekit.site.views import Deferred, Page, Plan, View, block, case_url, heading, noindex, src_uri

# Material's search plugin reads this front matter: the page is never a search result.
NO_SEARCH = "---\nsearch:\n  exclude: true\nhide:\n  - toc\n  - navigation\n---\n\n"


def summary_url(cid: str) -> str:
    return f"cases/{cid}/summary/"


def _latest(case: Case, stage: str) -> dict[str, object]:
    rec = next((r for r in reversed(case.records) if r.stage == stage), None)
    return rec.data if rec is not None else {}


def profile(v: View, case: Case) -> Markup | None:
    """가구 형태 (intake client.household) and 대상자 구분 (assessment selection.case_type), if given."""
    rows = []
    client = _latest(case, "intake").get("client")
    household = client.get("household") if isinstance(client, dict) else None
    if isinstance(household, str) and household.strip():
        rows.append(("가구 형태", household))
    selection = _latest(case, "assessment").get("selection")
    case_type = selection.get("case_type") if isinstance(selection, dict) else None
    if isinstance(case_type, str):
        label = v.site.labels("assessment", "selection", "case_type").get(case_type, case_type)
        # the practice's word alone (the code stays for tools, in an attribute)
        rows.append(("대상자 구분", el("span", {"data-case-type": case_type}, label)))
    if not rows:
        return None
    return el("dl", {"class": "ck-summary-list ck-profile", "data-testid": "case-profile"},
              [join([el("dt", None, k), el("dd", None, val)]) for k, val in rows])


def current_goals(v: View, case: Case) -> Markup:
    goals = case.open_goals()
    if not goals:
        text = ("종결된 사례입니다." if case.closed else "열람 제한 사례라 목표를 싣지 않습니다." if case.restricted
                else "아직 계획이 없습니다." if case.plan_now is None else "진행 중인 목표가 없습니다.")
        return el("p", {"class": "ck-muted", "data-testid": "summary-goals"}, text)
    rows = []
    for g in goals:
        last = g.checks[-1] if g.checks else None
        check = (join([last[0].date or "", " ", v.site.progress_labels.get(last[1], last[1]),
                       el("small", {"class": "ck-note"}, " " + last[2]) if last[2] else None])
                 if last else el("span", {"class": "ck-muted"}, "점검 전"))
        rows.append(el("tr", {"data-goal": g.id},
                       el("td", None, el("strong", None, g.id), " ", el("span", {"class": "ck-goal-text"}, g.text)),
                       el("td", {"class": "ck-date"}, g.target_date or "-"),
                       el("td", None, check)))
    heads = ("목표", "목표일", "최근 점검")
    table = el("table", {"class": "ck-table ck-goals", "data-testid": "summary-goals"},
               el("thead", None, el("tr", None, [el("th", {"scope": "col"}, h) for h in heads])),
               el("tbody", None, rows))
    return table_box(table, "현재 목표 표: 목표, 목표일, 최근 점검")


def on_case_page(markup: Markup) -> Markup:
    """The card links to records by `#anchor` on the case page; from here they go one level up."""
    return Markup(str(markup).replace('href="#', 'href="../#'))


def summary_page(site: Site, case: Case) -> Page:
    return summary_plan(site, case).page()


def summary_plan(site: Site, case: Case) -> Plan:
    """The summary page, its blocks made when asked for (views.Plan)."""
    url = summary_url(case.id)
    v = View(site, url)
    title = f"{case.id} · {case.alias}" if case.alias else case.id
    links = el("p", {"class": "ck-print-links ck-screen-only"},
               v.a(case_url(case.id), "전체 기록 보기"), " · 브라우저의 인쇄(Ctrl+P)로 A4 한 쪽에 인쇄됩니다.")
    parts: list[str | Deferred] = [
        heading(1, f"{title} 사례 요약", "title"),
        Deferred(lambda: block(noindex(join([links, on_case_page(summary_card(v, case)), profile(v, case)])))),
        heading(2, "현재 목표", "summary-goals"),
        Deferred(lambda: block(noindex(current_goals(v, case)))),
    ]
    return Plan(src_uri(url), url, parts, front=NO_SEARCH)
