"""The casebook's Korean search index, made from the built site: `build_search_index(site_dir)`.

Run after any generator has written the site (the MkDocs plugin calls it from on_post_build;
`casekit build` calls it after MkDocs, ProperDocs or Zensical). It reads each page's article as
a browser shows it and writes a chunked index that the browser fetches piece by piece:

    search/search_index.json          a small manifest (Material's search UI fetches it first)
    search/casekit/t-<n>.json         term shards: term -> [doc, weight, doc, weight, ...]
    search/casekit/d-<n>.json         doc shards: [location, title, [sentence, ...]] per page
                                      (MAX_SENTENCES at most; then 1 when it has more), then
                                      head shards ([location, title] of HEADS_PER_SHARD pages each)
    search/casekit/r-<n>.json         rest shards: the other sentences of the pages of d-<n>
                                      (only where one of them has more)
    search/casekit/v-<n>.json         the terms in order, each with how many pages hold it
                                      (the manifest's `vocab`: the first term of each), for
                                      the last word of a query, looked for as a term's start
    assets/casekit/search-worker.js   the search worker Material's UI talks to (our own, no lunr)

A long page keeps the sentences that hold the most of its words (`kept`: a greedy cover of its
terms, in no more bytes than MAX_SENTENCES of its sentences take on average, after the shortest
sentence of each month it is dated in, MAX_MONTHS at most), so a query's word
most often has a sentence to be shown with, even when the page writes it only once, far down.
A query downloads the manifest, the shards of its terms and the doc shards of its first screen of
results: tens of kilobytes, however many cases the casebook holds; the other results' doc shards
(then head shards) come after the first result is shown, with the rest shards of the first
screen's pages none of whose kept sentences holds the query (the worker then shows the page's
sentence that does: `집주인이 나가라고` on a long case page).

What is indexed is what users search for: the page title (h1), the fields a record is *about*
(주 호소 문제, 욕구 내용, 목표, 활동 내용, 사유, 가구 형태, 서비스 ...; `data-field` on the page), and
the body text, weighted title > about > body, so the case whose records are about 주거 ranks
above a page that mentions it in passing. Text the page marks `data-search-exclude` (repeats of
the records) and table cells without a `data-field` (rows of list pages, which grow with the
casebook) are left out. Only text a page shows goes in, cut into terms; snippets are whole
sentences of that text. Nothing else of the site is read. The dates a page shows are terms too
(search_ko.date_terms: 2026-03-15, 2026-03, 3월), so a month or a day finds the records of it, the
record headings (03 사례회의 · 2026-10-30) weighing like the about-fields; not the dates of the
site's own bookkeeping, which the page marks `data-search-nodate` (마지막 변경, 만든 날, 기준일: the
same day on every page, no record's; read with `search_ko.NODATE` in each of its dates, so that a
snippet neither picks nor marks it for a month typed either); the manifest says which years the index holds dates of
(`years`: a day typed without its year looks in each).
"""

from __future__ import annotations

import heapq
import itertools
import json
import math
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from lxml import etree

from casekit.core.workers import default_jobs, run_all
from casekit.site import search_ko
from casekit.site.tree import site_order, walk

__all__ = ["ABOUT_FIELDS", "SHARD_DIR", "WORKER", "build_search_index", "index_files", "shard_of"]

ASSET = Path(__file__).resolve().parent / "assets" / "search-worker.js"
WORKER = "assets/casekit/search-worker.js"
MANIFEST = "search/search_index.json"
SHARD_DIR = "search/casekit"
# Fields whose text says what a case or resource is about (the schema's property names).
ABOUT_FIELDS = frozenset({
    "presenting_problems", "household", "description", "goal", "summary",
    "reason", "reason_note", "service", "area", "domains", "kind", "sector", "referrer",
})
# Fields the site writes that say what kind of case a page is, as its title says whose (`course`,
# the case summary's 1회 재개, 접수 당일 종결): weighed as the title, so `재개된 사례` typed ranks the
# case reopened above one whose goal says 진료를 재개하고 eight times, `접수 당일 종결` the case closed
# the day of its intake above one that writes 접수, 당일 and 종결 apart. Never a snippet.
LABEL_FIELDS = frozenset({"course"})
WEIGHTS = {"title": 8.0, "label": 8.0, "about": 3.0, "body": 1.0}
# The pages casekit makes of the records (a case, a resource, the lists by stage, need, risk, worker,
# what is due); every other page is a page of the casebook's docs/ (its guide, privacy notes, the
# editors' help), which talks of everything a record does: its terms weigh HELP_WEIGHT as much, so
# a query for a need or a service ranks the records that hold it above the guide that explains it
# (a search probe: the guide, privacy and editors pages stood in the first five for 56 of 271 case
# queries). A word only a help page writes still finds it first, above a record holding it one
# syllable off (통역 typed: the guide, not 통번역; at 0.5 the record came first, unmarked).
RECORD_PAGES = ("", "cases/", "resources/", "due/", "needs/", "risk/", "stages/", "workers/")
HELP_WEIGHT = 0.75
K1 = 1.2  # term-frequency saturation (BM25)
B = 0.25  # how much a long page is discounted (BM25); 0-0.3 measured alike, 0.4+ lets long case pages sink
DOCS_PER_SHARD = 4  # the first results of a query sit in different shards: keep each small
TARGET_SHARD_BYTES = 24_000
MAX_SENTENCES = 24  # per page in the doc shards, chosen to hold the most of its words (`kept`)
MAX_MONTHS = 12  # months of a page whose dates a kept sentence holds first (`kept`)
SLOT = 40  # what a kept sentence costs beyond its characters, in characters (`kept`)
VOCAB_BYTES = 8_000  # of the terms in order (`v-<n>.json`), a file: what a word being typed fetches
HEADS_PER_SHARD = 64  # [location, title] of the results past the first fifty, this many pages a file
MAX_SENTENCE = 160  # characters
MIN_SENTENCE = 8  # shorter blocks are labels and values (경제 높음, 사정 전), not sentences
VALUE_SEP = ": "  # between a field's label and its short values (`values`: 목표일: 2026-10-31 · 2026-11-30)
VALUE_JOIN = " · "
MAX_TERM = 64  # characters: a longer run (xxxx… pasted 200,000 times into a record) is no word anyone types,
# and indexed it made the term shard every query of its hash downloads 200 KB
_BLOCK = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "div", "tr",
          "section", "br", "ul", "ol", "table", "blockquote", "pre", "figcaption", "summary"}
_SKIP = {"script", "style", "template", "svg", "noscript"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"}
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")
_TWO_HANGUL = re.compile(r"[가-힣]{2}")  # (a sentence holds two syllables together at least)


@dataclass
class Page:
    location: str
    title: str = ""
    about: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    label: list[str] = field(default_factory=list)  # (LABEL_FIELDS)
    values: list[tuple[str, str]] = field(default_factory=list)  # (a field's label, a value too short for a sentence: `values`)


# The tags whose element may have a role of its own, whatever its attributes (`_Reader.role`); any
# other element has one only by the attributes `_ROLE_ATTRS`. (Most of a page's elements have
# neither: their start is a few look-ups.)
_ROLE_TAGS = frozenset({"article", "ck-noindex", "dt", "th", "dd", "h1", "h2", "table"}) | _SKIP


class _Reader:
    """The article of a page as text blocks: the h1, blocks inside an about-field, other blocks.

    Fed the page's tags and text in order (the `target` interface of lxml's parser: start, end,
    data, close); the roles of the open elements are counted as they open and close, and what a
    piece of text would ask of them (is it read? is it the site's bookkeeping?) is worked out
    again only when an element with a role opens or closes (`taking`), not for each piece."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, str]] = []  # (tag, role) role: article, skip, about, label, cell, table, h1, nodate, ""
        self.roles: dict[str, int] = dict.fromkeys(("article", "skip", "about", "label", "cell", "table", "h1", "nodate"), 0)
        self.taking = 0  # what the roles say of text now: 0 left out, 1 read, 2 read and inside data-search-nodate
        self.title: list[str] = []
        self.about: list[str] = []
        self.body: list[str] = []
        self.label: list[str] = []
        self.buf: list[str] = []
        self.nodate: list[str] = []  # the part of buf inside data-search-nodate
        self.seen_article = False
        self.dd_role = ""  # the role of the <dd> after a labelled <dt>
        self.dt_text: list[str] | None = None  # the text of the <dt> open, its field's label
        self.dd_label = ""  # the label of the <dd> after it
        self.labels: list[tuple[int, str]] = []  # (depth in `stack`, label) of the labelled fields open
        self.values: list[tuple[str, str]] = []  # (label, text) of a field's blocks too short to be sentences

    def flush(self) -> None:
        if not self.buf:
            return
        text = " ".join("".join(self.buf).split())
        self.buf = []
        nodate = ""
        if self.nodate:
            nodate = " ".join("".join(self.nodate).split())
            self.nodate = []
        if not text:
            return
        roles = self.roles
        where = "title" if roles["h1"] else "label" if roles["label"] else "about" if roles["about"] else "body"
        getattr(self, where).append(text)
        if (self.labels and where != "title" and nodate != text
                and (len(text) < MIN_SENTENCE or not _TWO_HANGUL.search(text))):
            self.values.append((self.labels[-1][1], text))

    def _taking(self) -> int:
        roles = self.roles
        if not roles["article"] or roles["skip"]:
            return 0
        if roles["table"] and not (roles["about"] or roles["label"] or roles["cell"]):
            return 0  # rows of lists: they grow with the casebook and repeat other pages
        return 2 if roles["nodate"] else 1

    def start(self, tag: str, attrs: Any) -> None:
        if self.buf and (tag in _BLOCK or ("data-search-exclude" in attrs and not self.roles["skip"])
                         or "data-field" in attrs):
            # (text left out ends a block too: the text around it is not one sentence of the page,
            # 접수 2026-03-04 <span data-search-exclude>· 최근 기록</span> 2026-10-21; and a field
            # inside a line is a block of its own, read with its role: <span data-field="course">)
            self.flush()
        if tag in _VOID:
            return
        if tag in _ROLE_TAGS or "data-field" in attrs or "data-search-exclude" in attrs or "data-search-nodate" in attrs:
            role = self.role(tag, attrs)
            if role:
                self.stack.append((tag, role))
                self.roles[role] += 1
                self.taking = self._taking()
                label = self.dd_label if tag == "dd" else attrs.get("data-label") if "data-field" in attrs else None
                if label and role in ("about", "cell"):
                    self.labels.append((len(self.stack), " ".join(label.split())))
                if tag == "dd":
                    self.dd_label = ""
                return
        self.stack.append((tag, ""))

    def role(self, tag: str, attrs: Any) -> str:
        """The role of an element that opens: what its text is to the index ("": its parent's)."""
        field_name = attrs.get("data-field")
        if tag == "article" and not self.seen_article:
            self.seen_article = True
            return "article"
        if tag in _SKIP or "data-search-exclude" in attrs or tag == "ck-noindex":
            return "skip"
        if "data-search-nodate" in attrs:  # the site's bookkeeping: its words indexed, not its dates
            return "nodate"
        if tag in {"dt", "th"}:  # a field's label: not what the page is about, never a snippet
            if tag == "dt":
                self.dd_role = "about" if field_name in ABOUT_FIELDS else "cell"
                self.dt_text = []
            return "skip"
        if tag == "dd" and not field_name:
            role, self.dd_role = self.dd_role, ""
            return role
        if tag == "h1":
            return "h1"
        if tag == "h2" and "ck-record" in (attrs.get("class") or ""):
            return "about"  # a record's heading on a case page (03 사례회의 · date): the work the case holds
        if tag == "table":
            return "table"
        if field_name in ABOUT_FIELDS:
            return "about"
        if field_name in LABEL_FIELDS:
            return "label"
        if tag in {"td", "th", "dd"} and field_name:
            return "cell"
        return ""

    def end(self, tag: str) -> None:
        if tag in _VOID:
            return
        stack = self.stack
        if self.buf and (tag in _BLOCK or (stack and stack[-1][0] == tag and stack[-1][1] in ("about", "label"))):
            self.flush()  # (a field's text ends with it, inside a line too: `start`)
        if tag == "dt" and self.dt_text is not None:
            self.dd_label, self.dt_text = " ".join("".join(self.dt_text).split()), None
        if stack and stack[-1][0] == tag:  # (most often: the element open last)
            role = stack.pop()[1]
            if role:
                self.roles[role] -= 1
                self.taking = self._taking()
                if self.labels and self.labels[-1][0] > len(stack):
                    self.labels.pop()
            return
        for i in range(len(stack) - 1, -1, -1):
            if stack[i][0] == tag:
                for _, role in stack[i:]:
                    if role:
                        self.roles[role] -= 1
                del stack[i:]
                self.taking = self._taking()
                while self.labels and self.labels[-1][0] > len(stack):
                    self.labels.pop()
                break

    def data(self, data: str) -> None:
        if self.dt_text is not None:
            self.dt_text.append(data)
        if self.taking == 2:  # the site's bookkeeping: its words read, its dates made no date
            data = search_ko.undated(data)
            self.nodate.append(data)
        if self.taking:
            self.buf.append(data)

    def close(self) -> _Reader:
        self.flush()
        return self


def read_article(article: str) -> _Reader:
    """The reader fed `article` by lxml's HTML parser (libxml2's HTML5 tokenizer, in C: the pure-
    Python html.parser it replaces took 80% of the index's time on 20,000 pages, for the same
    tags and text; tests/test_search_reader.py compares them). No limits on depth or size: a
    record nested 1,000 levels deep is read to its end."""
    reader = _Reader()
    parser = etree.HTMLParser(target=reader, recover=True, no_network=True, huge_tree=True,
                              remove_comments=True, remove_pis=True)
    parser.feed(article)
    out: _Reader = parser.close()
    return out


_NOINDEX = re.compile(r"<ck-noindex[\s>]|</ck-noindex\s*>")
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(_BLOCK)) + r")[\s/>]")


def _without_unindexed(html: str) -> str:
    """`html` with what is inside each outermost <ck-noindex> element left out (the reader skips
    all of it: 40% of the pages' HTML, lists and summaries), the empty element kept in its place.
    Unbalanced tags: `html` as it is."""
    out: list[str] = []
    depth = at = 0
    for m in _NOINDEX.finditer(html):
        if m.group().startswith("</"):
            depth -= 1
            if depth < 0:
                return html
            if depth == 0:
                if _BLOCK_TAG.search(html, at, m.start()):  # it ended a block of text: still does
                    out.append("<br>")
                at = m.start()
        else:
            if depth == 0:
                close = html.find(">", m.start())
                if close < 0:
                    return html
                out.append(html[at : close + 1])
                at = close + 1
            depth += 1
    if depth:
        return html
    out.append(html[at:])
    return "".join(out)


def read_page(path: Path, location: str) -> Page | None:
    return page_of(path.read_text(encoding="utf-8", errors="replace"), location)


EXCLUDED = '<meta name="casekit-search" content="exclude">'  # (templates/main.html: `search: exclude: true`)


def page_of(text: str, location: str) -> Page | None:
    """The page's article (title, about-fields, body) as the index reads it; None without one, or
    when the page's front matter left it out of search (`search: exclude: true`, as Material's
    search plugin reads it: the theme's head says so, `EXCLUDED`)."""
    start, end = text.find("<article"), text.rfind("</article>")
    if start < 0 or EXCLUDED in text[:start]:
        return None
    article = text[start:end + len("</article>")] if end > start else text[start:]  # not the theme's chrome
    reader = read_article(_without_unindexed(article))
    if not reader.seen_article:
        return None
    return Page(location, " ".join(reader.title), reader.about, reader.body, reader.label, reader.values)


# a page's entry ([location, title, kept sentences, its other sentences]) and its terms' weights
Weighed = tuple[list[object], dict[str, float]]


def _read_weighed(item: tuple[str, str]) -> Weighed | None:
    return weighed(read_page(Path(item[0]), item[1]))


def weighed(page: Page | None) -> Weighed | None:
    """A page's entry ([location, title, snippets, rest]: `kept` of its sentences, the
    about-fields first, for the doc shards; the sentences not kept, in the page's order, for the
    rest shards) and its terms' weights."""
    if page is None:
        return None
    shown = list(dict.fromkeys(sentences(page.about) + sentences(page.body)))
    weights = _weights(page)
    # (each sentence's terms, cut once for both `kept` and `values`, when either needs them)
    terms = [set(search_ko.terms(s, runs=False)) for s in shown] if len(shown) > MAX_SENTENCES or page.values else None
    chosen = kept(shown, weights, terms)
    taken = set(chosen)
    rest = [s for s in shown if s not in taken]
    extra = values(page, shown, terms)
    # (with the kept sentences while MAX_SENTENCES of them hold them all: shown with the first results)
    if len(chosen) + len(extra) <= MAX_SENTENCES:
        chosen += extra
    else:
        rest += extra
    return [page.location, page.title, chosen, rest], weights


def values(page: Page, shown: list[str], terms: list[set[str]] | None = None) -> list[str]:
    """The short values of a page's fields (목표일 2026-11-30, 욕구 영역 경제: no sentences) that hold
    a term none of its sentences holds, those of one label as one line, `label: value · value`
    (`VALUE_SEP`, `VALUE_JOIN`; MAX_SENTENCE characters at most): a result found by such a value
    shows the field that matched, the value marked, not a sentence of other words (it showed
    nothing marked). The other values add nothing a sentence does not show. `terms`: each
    sentence's (`search_ko.terms` without the joined forms of runs: kim.sw is held as kim and sw)."""
    if not page.values:
        return []
    held = set().union(*(terms if terms is not None else [search_ko.terms(s, runs=False) for s in shown]))
    by_label: dict[str, list[str]] = {}
    for label, value in dict.fromkeys(page.values):
        own = set(search_ko.terms(value, runs=False))
        if own - held:
            by_label.setdefault(label, []).append(value)
            held |= own
    out: list[str] = []
    for label, texts in by_label.items():
        line: list[str] = []
        for text in texts:
            if line and len(label + VALUE_SEP + VALUE_JOIN.join([*line, text])) > MAX_SENTENCE:
                out.append(label + VALUE_SEP + VALUE_JOIN.join(line))
                line = []
            line.append(text)
        out.append(label + VALUE_SEP + VALUE_JOIN.join(line))
    return [line if len(line) <= MAX_SENTENCE else line[: MAX_SENTENCE - 1] + "…" for line in out]


def kept(shown: list[str], weights: dict[str, float] | None = None, terms: list[set[str]] | None = None) -> list[str]:
    """The sentences of a page the doc shards keep, in the page's order (the about-fields first):
    all of them when they are MAX_SENTENCES or fewer; else MAX_SENTENCES at most, in no more
    characters than MAX_SENTENCES of its sentences take on average, so that whatever word a query
    meets the page by, a kept sentence most often holds it. A greedy cover of the terms of the
    page's words and dates (not the joined forms of its runs, kimsw for kim.sw, which spell its
    parts again): each time, the sentence holding the most weight of terms no chosen sentence holds (a
    term's weight in the page, square-rooted: a word written once counts too), for its length (a
    sentence counted SLOT characters longer: its place among the MAX_SENTENCES costs too), the
    earlier of equals; then, when every term is held, the earliest others that fit. Before all that,
    beyond the budget, the shortest sentence of each month the page is dated in (MAX_MONTHS at most,
    the most weighed first: its records' headings, 01 접수 · 2026-03-18), so a month typed shows the
    date it found the page by. (On the sample casebook, 69% of the snippets a one-word query shows
    hold a match, 67% without the months, against 57% with the first MAX_SENTENCES and 63% with
    this cover in the bytes of the first MAX_SENTENCES; 66.6% when the cover counted the joined
    forms of hyphenated runs too, 66.1% with those of kim.sw.)"""
    if len(shown) <= MAX_SENTENCES:
        return shown
    # (not the bytes of its first MAX_SENTENCES: a case page opens with short values, 높음, kim.sw,
    # 01 접수 · 2026-03-04, and those bytes held 15 to 22 of the sample's case pages' sentences)
    budget = MAX_SENTENCES * sum(len(s) for s in shown) // len(shown)
    weight = {t: math.sqrt(w) for t, w in (weights or {}).items()}
    # (a sentence's gain summed with math.fsum: exact, so the same whatever order its set of terms
    # comes in, which changes with each process's string hashing; `sum` could break a tie one way
    # in one build and the other way in the next, and the same site gave other snippets)
    # (the terms of a sentence's words and dates, not the joined forms of its runs: 20260007 and
    # kimsw are its 2026 and 0007, kim and sw spelled again; counted as terms of their own, they gave
    # a short bookkeeping line, 접수 담당 kim.sw · cases/2026-0007/01-intake.md, the place of a
    # sentence with words more; nor a word's other readings, a verb's key: 멈춘다 read as 멈추다 and
    # 멈출다 too took the place of "채무 독촉이 계속되어 …" on its case page)
    if terms is None:
        terms = [set(search_ko.terms(s, runs=False)) for s in shown]
    # the best sentence at the top of a heap; what a sentence adds only falls as others are chosen,
    # so one whose gain has fallen since it was put in goes back with its gain now (a lazy greedy:
    # the same choice as looking at every sentence each time, for a few looks)
    # (the terms' weights by `map` with a default of 1.0, the loop in C; fsum is exact, so the
    # order a set gives its terms in does not change the sum)
    heap = [(-g / (len(s) + SLOT), i, g) for i, s in enumerate(shown)
            if (g := math.fsum(map(weight.get, terms[i], itertools.repeat(1.0)))) > 0]
    heapq.heapify(heap)
    held: set[str] = set()
    chosen: list[int] = []
    # first, each month the page is dated in (its records' headings, 01 접수 · 2026-03-18), by its
    # shortest sentence, beyond the budget: a month typed (3월, 2026-03) shows the date it found the
    # page by, whatever else the page's words are (the greedy left them out, or not, as the day of
    # the build moved the page's lines), and the words stay covered as before
    months = sorted((t for t in weight if len(t) == 7 and search_ko.is_date_term(t)), key=lambda t: (-weight[t], t))
    for month in months[:MAX_MONTHS]:
        at = None if month in held else min((i for i in range(len(shown)) if month in terms[i]),
                                             key=lambda i: (len(shown[i]), i), default=None)
        if at is not None:  # (a month only a short value shows is in no sentence)
            chosen.append(at)
            held |= terms[at]
    while heap and len(chosen) < MAX_SENTENCES:
        _, i, g = heapq.heappop(heap)
        if len(shown[i]) > budget:
            continue  # (the budget only shrinks)
        now = math.fsum(map(weight.get, terms[i] - held, itertools.repeat(1.0)))
        if now != g:
            if now > 0:
                heapq.heappush(heap, (-now / (len(shown[i]) + SLOT), i, now))
            continue
        chosen.append(i)
        budget -= len(shown[i])
        held |= terms[i]
    taken = set(chosen)
    left = [i for i in range(len(shown)) if i not in taken]
    for i in left:  # every term held (or no sentence holding a new one fits): the earliest others
        if len(chosen) == MAX_SENTENCES:
            break
        if len(shown[i]) <= budget:
            chosen.append(i)
            budget -= len(shown[i])
    return [shown[i] for i in sorted(chosen)]


def index_files(site: Path) -> list[tuple[Path, str]]:
    """The pages to index: every HTML page but the 404 page, with its location (`cases/2026-0001/`)."""
    return [(Path(path), location) for _, path, location in _index_pages(site)]


def _index_pages(site: Path) -> list[tuple[str, str, str]]:
    """(site path, path, location) of each page to index, in the site's order."""
    pages = sorted(((rel, path) for rel, path, kind in walk(site) if kind == "file" and rel.endswith(".html")),
                   key=lambda page: site_order(page[0]))
    return [(rel, path, location) for rel, path in pages if (location := location_of(rel)) is not None]


def location_of(rel: str) -> str | None:
    """Where the page at site path `rel` is found (`cases/2026-0001/`); None: a page not indexed."""
    if rel in {"404.html"} or rel.startswith(("search/", "assets/")):
        return None
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def indexing(site_dir: Path) -> bool:
    """Whether the site's pages name casekit's search worker (else its search is the generator's)."""
    home = site_dir / "index.html"
    return home.is_file() and WORKER in home.read_text(encoding="utf-8", errors="replace")


def sentences(blocks: list[str]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        for part in _SENTENCE_END.split(block):
            part = part.strip()
            if len(part) < MIN_SENTENCE or not _TWO_HANGUL.search(part):
                continue
            out.append(part if len(part) <= MAX_SENTENCE else part[: MAX_SENTENCE - 1] + "…")
    return list(dict.fromkeys(out))


def shard_of(term: str, shards: int) -> int:
    """Which term shard holds `term` (search-worker.js computes the same)."""
    h = 0
    for ch in term:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return h % shards


def _weights(page: Page) -> dict[str, float]:
    # each field's blocks read as one text, a line a block (no word spans a line break, and NFKC
    # leaves the break alone: the terms of the blocks one by one, at a block's cost of each call)
    tf: dict[str, Counter[str]] = {
        "title": Counter(search_ko.terms(page.title)),
        "about": Counter(search_ko.terms("\n".join(page.about))),
        "body": Counter(search_ko.terms("\n".join(page.body))),
        "label": Counter(search_ko.terms("\n".join(page.label))),
    }
    raw: dict[str, float] = {}
    for name, counts in tf.items():
        for term, n in counts.items():
            if n <= 0 or len(term) > MAX_TERM:
                continue
            raw[term] = raw.get(term, 0.0) + WEIGHTS[name] * (1 + math.log(n))
    if page.location != "" and not page.location.startswith(RECORD_PAGES[1:]):
        raw = {term: w * HELP_WEIGHT for term, w in raw.items()}
    return raw


def _write_json(path: Path, data: object, new: bool = False) -> int:
    """`data` as JSON at `path`, put in place whole (`new`: a file of a folder this build made
    empty, the shards: written straight, no reader can be halfway through it)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # markup characters as JSON escapes: what a page showed as text never stands in the file as a
    # tag (`<script>` typed into an alias), whatever reads the file; the worker gets the same strings
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    payload = text.encode("utf-8")
    if new:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), 0o644)  # (whatever the umask)
            fh.write(payload)
        return len(payload)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".ck-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(payload)


SHARDS_A_TASK = 256


def _write_shard(n: int, out: Path, files: list[tuple[str, object]]) -> int:
    name, data = files[n]
    return _write_json(out / name, data, new=True)


def build_search_index(site_dir: str | os.PathLike[str], read: dict[str, Weighed | None] | None = None,
                       sensitive: Callable[[str], bool] | None = None) -> dict[str, int]:
    """Write casekit's Korean search index into a built site; return counts and sizes.

    Does nothing (all counts 0) unless the site's pages name casekit's worker in Material's
    `__config` (the casekit theme templates do that), so a generator's own search is never broken.

    Replaces `search/search_index.json` (Material's whole-site index, which every browser would
    download before its first result) with a small manifest, writes the term and doc shards
    under `search/casekit/` (old shards removed first) and the worker to `assets/casekit/`.
    Idempotent: the same site gives the same bytes. `read`: pages (by site path) the page pass
    (casekit.site.finish) read already, as they are now; the others are read here. `sensitive`:
    whether a term alone reads as a sensitive value (`casekit build`: the audit's index); such a
    term is left out. A page holding the value is the audit's finding; but a term is a piece cut
    out of its page: 800101 of a masked example `800101-1******` in a help page is no one's date of
    birth where it stands, yet alone in the index it read as 1980-01-01 and failed the build.
    """
    site = Path(site_dir)
    stats = {"pages": 0, "terms": 0, "term_shards": 0, "doc_shards": 0, "index_bytes": 0, "manifest_bytes": 0}
    if not indexing(site):
        # The pages do not name casekit's worker (another theme, Zensical, korean_search: false):
        # the generator's own search index is left as it is.
        return stats
    files = _index_pages(site)
    done = read or {}
    # pages read and weighed on every core (the HTML parser is most of the time)
    fresh = iter(run_all(_read_weighed, [(path, location) for rel, path, location in files if rel not in done], (),
                         default_jobs(), chunk=32))
    read_all = [done[rel] if rel in done else next(fresh) for rel, _, _ in files]
    got = [r for r in read_all if r is not None]
    # a page's kept sentences in the doc shards, with a 1 after them when it has others: those
    # are in the rest shard of its doc shard's number, fetched only to show a result none of
    # whose kept sentences holds the query
    rests = [cast("list[str]", entry[3]) for entry, _ in got]
    pages = [[*entry[:3], *([1] if rest else [])] for (entry, _), rest in zip(got, rests, strict=True)]
    raw = [weights for _, weights in got]
    # a page's length is its words': its date terms say again what its words 2026, 03, 15 say, its
    # counts what 4 and 인 say, its terms across two words ("용 센") what the two say, a verb form's second
    # key (놀르다 of 놀랐다) what its first says (each of the site's terms judged once, not once a page it is on)
    every = set().union(*raw)
    dates = frozenset(t for t in every if search_ko.is_date_term(t))
    again = dates | frozenset(t for t in every if search_ko.is_count_term(t) or search_ko.is_across_term(t)
                              or search_ko.is_regular_key(t))
    lengths = [sum(w for t, w in r.items() if t not in again) for r in raw]
    avg = (sum(lengths) / len(lengths)) if lengths else 1.0
    doc_shards = -(-len(pages) // DOCS_PER_SHARD)
    heads_at = doc_shards
    postings: dict[str, list[int]] = {}
    get = postings.get  # (5.6 million postings at 10,000 cases: this loop is written for speed)
    for doc, (weights, length) in enumerate(zip(raw, lengths, strict=True)):
        norm = K1 * (1 - B + B * length / avg)
        for term, w in weights.items():  # (each term's postings come in the order of the docs all the same)
            # BM25's saturated term frequency, scaled to a small integer (1..100)
            score = round(100 * w / (w + norm))
            held = get(term)
            if held is None:
                postings[term] = [doc, score if score > 1 else 1]
            else:
                held += (doc, score if score > 1 else 1)
    if sensitive is not None:
        for term in [t for t in postings if sensitive(t)]:
            del postings[term]
    total = sum(len(t.encode()) + 4 + 6 * len(v) for t, v in postings.items())
    years = sorted({int(t[:4]) for t in dates if t[:1].isdigit() and t[4:5] == "-"})
    shards = 1
    while total / shards > TARGET_SHARD_BYTES and shards < 4096:
        shards *= 2
    out = site / SHARD_DIR
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        out.unlink()
    elif out.is_dir():
        shutil.rmtree(out)
    out.mkdir(parents=True)  # empty: the shards are written straight into it
    buckets: list[dict[str, list[int]]] = [{} for _ in range(shards)]
    for term in sorted(postings):
        buckets[shard_of(term, shards)][term] = postings[term]
    stats.update(pages=len(pages), terms=len(postings), term_shards=shards)
    shards_out: list[tuple[str, object]] = [(f"t-{n}.json", bucket) for n, bucket in enumerate(buckets)]
    shards_out += [(f"d-{n // DOCS_PER_SHARD}.json", pages[n:n + DOCS_PER_SHARD])
                   for n in range(0, len(pages), DOCS_PER_SHARD)]
    shards_out += [(f"r-{n // DOCS_PER_SHARD}.json", rests[n:n + DOCS_PER_SHARD])
                   for n in range(0, len(pages), DOCS_PER_SHARD) if any(rests[n:n + DOCS_PER_SHARD])]
    shards_out += [(f"d-{heads_at + n // HEADS_PER_SHARD}.json", [page[:2] for page in pages[n:n + HEADS_PER_SHARD]])
                   for n in range(0, len(pages), HEADS_PER_SHARD)]
    # the terms in order with their page counts (flat: term, pages, term, pages ...), VOCAB_BYTES a
    # file: the word being typed is looked for as the start of a term (kim.s, 2026-000, 어먼), the
    # worker finding the file of a range by the manifest's first term of each (`vocab`)
    vocab: list[list[object]] = [[]]
    size = 0
    for term in sorted(postings):
        if search_ko.is_across_term(term):  # (two words' syllables: the start of no word typed, 엄 of "엄 마")
            continue
        if size >= VOCAB_BYTES:
            vocab.append([])
            size = 0
        vocab[-1] += [term, len(postings[term]) // 2]
        size += len(term.encode()) + 8
    vocab = [chunk for chunk in vocab if chunk]
    shards_out += [(f"v-{n}.json", chunk) for n, chunk in enumerate(vocab)]
    stats["doc_shards"] = doc_shards
    # the shards written on every core (~7,000 files at 10,000 cases: JSON and a new file each);
    # the workers are forked with `shards_out` (never sent: a task is a run of its numbers), each
    # hands back the bytes it wrote
    stats["index_bytes"] += sum(run_all(_write_shard, range(len(shards_out)), (out, shards_out), default_jobs(),
                                        chunk=SHARDS_A_TASK))
    manifest = {
        # Material's UI hands `config` and `docs` to the worker named in the page's __config.
        "config": {"lang": ["ko"], "separator": r"[\s\-]+", "pipeline": [], "fields": {},
                   "casekit": {"version": 2, "docs": len(pages), "term_shards": shards,
                               "docs_per_shard": DOCS_PER_SHARD, "shard_dir": SHARD_DIR,
                               "heads_at": heads_at, "heads_per_shard": HEADS_PER_SHARD,
                               "particles": list(search_ko._PARTICLE_ORDER), "endings": list(search_ko.ENDINGS),
                               "bare_endings": list(search_ko.BARE_ENDINGS), "alone_nothing": sorted(search_ko.ALONE_NOTHING), "predicate_do": search_ko.PREDICATE_DO.pattern,
                               "predicate_gi": search_ko.PREDICATE_GI.pattern, "gi": search_ko.GI,
                               "run_particles": list(search_ko.RUN_PARTICLES), "across": search_ko.ACROSS,
                               "short_particles": list(search_ko.SHORT_PARTICLES),
                               "noun_final": [list(e) for e in search_ko.NOUN_FINAL],
                               "lemma_endings": [list(e) for e in search_ko.LEMMA_ENDINGS],
                               "aliases": search_ko.ALIASES,
                               "spellings": [list(e) for e in search_ko.SPELLINGS],
                               "function_words": sorted(search_ko.FUNCTION_WORDS),
                               "date_tails": list(search_ko.DATE_TAILS), "years": years,
                               "counters": list(search_ko.COUNTERS), "periods": list(search_ko.PERIODS),
                               "vocab": [chunk[0] for chunk in vocab]}},
        "docs": [],
    }
    stats["manifest_bytes"] = _write_json(site / MANIFEST, manifest)
    worker = site / WORKER
    worker.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ASSET, worker)
    os.chmod(worker, 0o644)
    return stats
