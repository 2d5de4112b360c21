"""What every page shares: URLs, the page frame, badges, and the case and due tables.

URL scheme (tests rely on it): `/` home, `/cases/`, `/cases/<id>/`, `/due/`, `/resources/`,
`/resources/<id>/`, `/workers/`, `/workers/<id>/`, `/needs/`, `/needs/<domain>/`, `/risk/`,
`/risk/<level>/`, `/stages/<stage>/`. A long list goes on over pages `<url>_p2/`, `<url>_p3/` …
(no case, resource or worker id starts with `_`). Links are written relative, so the site works
under any path.

A page is Markdown whose structured parts are raw HTML blocks (`<div class="ck-block">` at the
start of a line, blank lines around): Python-Markdown passes them through untouched, so the page
needs no generator plugin to come out right (MkDocs, ProperDocs and Zensical alike).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from casekit.core.due import Due
from casekit.core.schemas import STAGE_KO
from casekit.site.html import Markup, el, join, md_escape, relative_url, table_box, table_label
from casekit.site.indexes import STATE_KO, Case, Site

ROWS = 200  # no page lists more rows than this; longer lists go on over numbered pages
STATUS_KO = {"open": "진행 중", "aftercare": "사후관리 중", "closed": "종결"}
WIDE = "---\nhide:\n  - toc\n---\n\n"  # dashboards and indexes use the full width
SECTIONS = ("cases", "resources", "workers", "needs", "risk", "stages")

T = TypeVar("T")


@dataclass(frozen=True)
class Page:
    src_uri: str
    url: str
    markdown: str
    in_nav: bool = False
    blocks: tuple[str, ...] = ()  # the raw HTML blocks of `markdown`, in order, as written there (see BLOCK)


BLOCK = '<div class="ck-block" markdown="0">\n{}\n</div>'  # a raw HTML block of a page, around its HTML


# -- URLs --------------------------------------------------------------------
# A value that names a page is one folder of the site: what the casebook's rules allow (case and
# resource ids, worker ids, need domains and risk levels of the schemas) passes as written; anything
# else (a schema loosened to "^.*$" lets a worker be "../../x" or "a/b") gets a folder named by its
# hash, so no value from a record can put a page outside its list, or a file outside the site.
_SEGMENT = re.compile(r"[A-Za-z0-9가-힣][A-Za-z0-9가-힣_.-]{0,63}")


def segment(value: str) -> str:
    """`value` as one folder of a page's URL (see _SEGMENT)."""
    if _SEGMENT.fullmatch(value) and ".." not in value:
        return value
    return "x-" + hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()


def case_url(cid: str) -> str:
    return f"cases/{segment(cid)}/"


def resource_url(rid: str) -> str:
    return f"resources/{segment(rid)}/"


def worker_url(wid: str) -> str:
    return f"workers/{segment(wid)}/"


def need_url(key: str) -> str:
    return f"needs/{segment(key)}/"


def risk_url(level: str) -> str:
    return f"risk/{segment(level)}/"


def stage_url(stage: str) -> str:
    return f"stages/{segment(stage)}/"


def page_url(url: str, n: int) -> str:
    """Page `n` (1-based) of the list at `url`."""
    return url if n <= 1 else f"{url}_p{n}/"


def src_uri(url: str) -> str:
    """The generated file behind a directory URL: '' → index.md, 'a/' → a/index.md, 'a/b/' → a/b.md."""
    parts = url.strip("/").split("/") if url else []
    if not parts:
        return "index.md"
    if len(parts) == 1 and parts[0] in SECTIONS:
        return f"{parts[0]}/index.md"
    if parts[-1] == "index":  # an id spelled "index" must not take its section's index page
        return "/".join(parts) + "/index.md"
    return "/".join(parts) + ".md"


# -- the page frame ----------------------------------------------------------
class Block(str):
    """Finished HTML, written into the page as a raw HTML block (never parsed as Markdown)."""


def block(*parts: Markup | str | None) -> Block:
    return Block("\n".join(str(p) for p in parts if p))


_BLANK_LINE = re.compile(r"\n(?=[ \t]*\n)")


def make_page(src: str, url: str, parts: Sequence[str], in_nav: bool = False) -> Page:
    md: list[str] = []
    blocks: list[str] = []
    seen: dict[str, int] = {}  # table regions named so far (unique_regions), across the blocks
    for part in parts:
        if isinstance(part, Block):
            html = _block_html(part, seen)
            blocks.append(html)
            md.append(BLOCK.format(html))
        else:
            md.append(part)
    return Page(src, url, "\n\n".join(md) + "\n", in_nav, tuple(blocks))


def _block_html(part: Block, seen: dict[str, int]) -> str:
    # one <div> at the start of a line, no blank line inside (an empty comment holds the line
    # open): Python-Markdown, and any generator built on it, keeps the block as it is
    return unique_regions(_BLANK_LINE.sub("\n<!-- -->", str(part).strip()), seen)


class Deferred:
    """A block made only when asked for (see Plan)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Block]) -> None:
        self.make = make


@dataclass
class Plan:
    """A page whose blocks (`Deferred` parts) are made when asked for: `casekit build` writes
    the case pages' Markdown with empty slots first (`slotted`), starts the generator, and makes
    the blocks while it runs (`blocks`). `page()` is the page as make_page makes it."""

    src: str
    url: str
    parts: Sequence[str | Deferred]
    in_nav: bool = False
    front: str = ""  # front matter, as written before the page's Markdown

    def page(self) -> Page:
        page = make_page(self.src, self.url, [p.make() if isinstance(p, Deferred) else p for p in self.parts],
                         self.in_nav)
        return dataclasses.replace(page, markdown=self.front + page.markdown) if self.front else page

    def slotted(self, slot: Callable[[int], str]) -> str | None:
        """The page's Markdown with its n-th block as `slot(n)` (casekit.site.slots.stub of the
        page, without making a block); None when the page has no block."""
        md: list[str] = []
        n = 0
        for part in self.parts:
            if isinstance(part, Deferred | Block):
                md.append(slot(n))
                n += 1
            else:
                md.append(part)
        return self.front + "\n\n".join(md) + "\n" if n else None

    def blocks(self) -> list[str]:
        """Every block, made now, in order (as make_page writes them)."""
        seen: dict[str, int] = {}
        return [_block_html(p.make() if isinstance(p, Deferred) else p, seen) for p in self.parts
                if isinstance(p, Deferred | Block)]


_REGION = re.compile(r'(role="region" tabindex="0" aria-label=")([^"]*)(")')


def unique_regions(text: str, seen: dict[str, int] | None = None) -> str:
    """A second table region with the same name on a page is named "… (2)": a screen reader's list
    of regions tells them apart. `seen`: the names met so far on the page (its earlier blocks)."""
    seen = {} if seen is None else seen

    def name(m: re.Match[str]) -> str:
        seen[m.group(2)] = seen.get(m.group(2), 0) + 1
        n = seen[m.group(2)]
        return m.group(1) + m.group(2) + (f" ({n})" if n > 1 else "") + m.group(3)

    return _REGION.sub(name, text)


def heading(level: int, text: str, anchor: str | None = None, cls: str | None = None, *, label: bool = False) -> str:
    """A Markdown heading with its anchor and classes. `label`: a heading the site gives every page
    of a kind (타임라인, 동의 기록, 이 자원을 연계한 사례), left out of the search index
    (`data-search-exclude`): a query for its words would otherwise match every such page."""
    attrs = " ".join(([f"#{anchor}"] if anchor else []) + [f".{c}" for c in (cls or "").split()]
                     + (['data-search-exclude=""'] if label else []))
    return "#" * level + " " + md_escape(text) + (f" {{ {attrs} }}" if attrs else "")


def noindex(markup: Markup) -> Markup:
    """Shown, but left out of the search index: listings and summaries repeat what the records say.

    The wrapper is an element of its own kind because Material's search parser compares elements
    by tag name only, so `data-search-exclude` on a <div> ends at the first nested </div>."""
    return el("ck-noindex", {"data-search-exclude": True}, markup)


# -- rendering helpers bound to one page -------------------------------------
class View:
    """Rendering helpers bound to one page (relative links are computed from its URL)."""

    def __init__(self, site: Site, url: str):
        self.site = site
        self.url = url

    @property
    def asof(self) -> str:
        return f"기준일 {self.site.today.isoformat()}"

    def href(self, target: str) -> str:
        return relative_url(target, self.url)

    def a(self, target: str, *children: object, cls: str | None = None, title: str | None = None) -> Markup:
        return el("a", {"href": self.href(target), "class": cls, "title": title}, *children)

    def case_link(self, case: Case, alias: bool = True) -> Markup:
        return join([
            self.a(case_url(case.id), case.id, cls="ck-case-id"),
            el("span", {"class": "ck-alias"}, case.alias) if alias and case.alias else None,
            restricted_badge(case),
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

    def due(self, due: Due | None, with_label: bool = True, with_basis: bool = False) -> Markup:
        """The deadline and its D-day; the D-day is counted from the 기준일, said beside it
        (`with_basis`) or in the column heading (tables)."""
        if due is None:
            return el("span", {"class": "ck-due ck-due-none"}, "없음")
        state = due.state(self.site.today, self.site.soon_days)
        parts = [due.label + " " if with_label else "", due.due.isoformat(), " (", due.days_text(self.site.today), ")"]
        return el("span", {"class": f"ck-due ck-due-{state}", "data-state": state,
                           "title": f"{STATE_KO[state]} · {self.asof}"},
                  "".join(parts), el("small", {"class": "ck-asof-inline", "data-search-nodate": True}, f" {self.asof}") if with_basis else None)

    def table(self, heads: list[str], rows: Iterable[Markup], attrs: dict[str, str] | None = None,
              search: bool = False, label: str | None = None) -> Markup:
        """A table; left out of the search index unless `search` (listings repeat what case pages say)."""
        table = table_box(el("table", {"class": "ck-table", **(attrs or {})},
                             el("thead", None, el("tr", None, [el("th", {"scope": "col"}, h) for h in heads])),
                             el("tbody", None, rows)), label or table_label(heads))
        return table if search else noindex(table)


# -- pagination --------------------------------------------------------------
def chunks(items: Sequence[T], size: int = ROWS, first: int | None = None) -> list[Sequence[T]]:
    """`items` cut into pages of `size`; the first page holds `first` (room for what else it shows)."""
    first = size if first is None else first
    head = [items[:first]]
    return head + [items[i:i + size] for i in range(first, len(items), size)]


def pager(v: View, base: str, n: int, total: int) -> Markup | None:
    """Links to every page of a list (`쪽`), the current one marked."""
    if total <= 1:
        return None
    links = [el("li", None, el("strong", {"aria-current": "page"}, f"{i}쪽") if i == n else v.a(page_url(base, i), f"{i}쪽"))
             for i in range(1, total + 1)]
    return el("nav", {"class": "ck-pager", "aria-label": "쪽 이동", "data-testid": "pager"},
              el("ul", None, links))


def paged(site: Site, url: str, items: Sequence[T], frame: Callable[[View, Sequence[T], str], list[str]],
          in_nav: bool = False, first: int | None = None) -> Iterator[Page]:
    """One page per ROWS items at `url`, `url_p2/` …; `frame(view, items, position)` makes each page's parts.
    `first`: fewer rows on the first page, which shows more than the list."""
    parts = chunks(items, ROWS, first)
    start = 0
    for n, part in enumerate(parts, start=1):
        purl = page_url(url, n)
        v = View(site, purl)
        position = f"{start + 1}–{start + len(part)}번째 / 전체 {len(items)}건 · {n}/{len(parts)}쪽" if len(parts) > 1 else ""
        start += len(part)
        body = frame(v, part, position)
        nav = pager(v, url, n, len(parts))
        if nav is not None:
            body = [*body, block(nav)]
        yield make_page(src_uri(purl), purl, body, in_nav and n == 1)


# -- shared tables -----------------------------------------------------------
def restricted_badge(case: Case) -> Markup | None:
    """열람 제한: the case's narratives are not on the site (summary only)."""
    if not case.restricted:
        return None
    return el("span", {"class": "ck-badge ck-restricted-badge", "data-restricted": case.restricted}, "열람 제한")


def sort_open_first(cases: Iterable[Case]) -> list[Case]:
    order = {"open": 0, "aftercare": 1, "closed": 2}
    return sorted(cases, key=lambda c: (order[c.status], -c.risk_rank, c.id))


def case_rows(v: View, cases: Iterable[Case]) -> Iterator[Markup]:
    for c in cases:
        yield el("tr", {"data-case": c.id, "data-stage": c.stage, "data-status": c.status,
                        "data-restricted": c.restricted},
                 el("td", None, v.a(case_url(c.id), c.id, cls="ck-case-id")),
                 el("td", {"class": "ck-alias"}, c.alias or restricted_badge(c) or "-"),
                 el("td", None, v.stage(c.stage)),
                 el("td", None, v.status(c)),
                 el("td", None, v.worker_link(c.worker)),
                 el("td", None, v.risk(c.risk)),
                 el("td", {"class": "ck-date"}, c.opened or "-"),
                 el("td", {"class": "ck-date"}, c.last_date or "-"),
                 el("td", None, v.due(c.due)))


def case_heads(v: View) -> list[str]:
    return ["사례", "가명", "현재 단계", "상태", "담당", "위기도", "접수일", "최근 기록", f"다음 할 일 ({v.asof})"]


def case_table(v: View, cases: Iterable[Case], testid: str = "case-list") -> Markup:
    return v.table(case_heads(v), case_rows(v, cases), {"data-testid": testid})


def due_table(v: View, dues: Sequence[Due], states: tuple[str, ...], limit: int | None = None,
              more: str = "due/") -> Markup:
    """One table, a group (tbody) per state, 위기도 first then lateness; `data-testid="due-list"`.
    With `limit`, at most that many rows per state and a link to the rest."""
    site = v.site
    groups = []
    hidden = 0
    for state in states:
        every = [d for d in dues if d.state(site.today, site.soon_days) == state]
        items = every[:limit] if limit is not None else every
        hidden += len(every) - len(items)
        # tasks, and the cases they are of (the home page's tiles count cases)
        count = f" 할 일 {len(every)}건 · 사례 {len({d.case for d in every})}건" + \
            (f" (위에서 {len(items)}건)" if len(items) < len(every) else "")
        rows = [el("tr", {"class": "ck-group"}, el("th", {"colspan": "7", "scope": "rowgroup"},
                   el("span", {"class": f"ck-due-head ck-due-{state}"}, STATE_KO[state]), count))]
        for d in items:
            case = site.cases.get(d.case)
            rows.append(el("tr", {"data-case": d.case, "data-state": state,
                                  "data-risk": case.risk if case and case.risk else None},
                           el("td", None, v.due(d, with_label=False)),
                           el("td", None, v.risk(case.risk if case else None)),
                           el("td", None, v.case_link(case) if case else d.case),
                           el("td", None, d.label),
                           el("td", None, v.stage(case.stage) if case else ""),
                           el("td", None, v.worker_link(d.worker)),
                           el("td", {"class": "ck-basis"}, basis_link(v, case, d.basis) if case else "")))
        groups.append(el("tbody", {"class": f"ck-state-{state}"}, rows))
    heads = (f"기한 ({v.asof})", "위기도", "사례", "할 일", "현재 단계", "담당", "근거 기록")
    head = el("thead", None, el("tr", None, [el("th", {"scope": "col"}, h) for h in heads]))
    table = el("table", {"class": "ck-table ck-due-table", "data-testid": "due-list"}, head, groups)
    link = el("p", {"class": "ck-more"}, v.a(more, f"외 {hidden}건 — 기한 전체 보기")) if hidden else None
    return join([noindex(table_box(table, "기한 표: 기한, 위기도, 사례, 할 일, 담당")), link])


def basis_link(v: View, case: Case, rel: str) -> Markup:
    for r in case.records:
        if r.rel == rel:
            return el("a", {"href": v.href(case_url(case.id)) + "#" + r.anchor}, f"{r.nn:02d} {r.stage_ko}")
    return Markup("")
