"""Korean search on the casebook site, measured in real Chromium against a real build.

Two query sets: tests/search_queries.yml (the project's, extended with verb forms and compounds)
and tests/search_queries_blind.yml (written from the records before the search code was read).
A query is found when every expected page is among the first ten results Material's search box
shows; `first:` pins the page that must come first. Targets: >= 97% on each set; at 1,000 cases
<= 3 MB downloaded and < 1 s to the first result. The measuring lives in tests/search_measure.py:

    .venv/bin/python -m tests.test_search_ko --compare      # every approach tried, both sets
    .venv/bin/python -m tests.test_search_ko --scale 1000   # bytes and time to first result
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest
import yaml

from casekit.site import search_ko
from casekit.site.build import build
from casekit.site.search_index import (
    EXCLUDED,
    MAX_SENTENCES,
    SHARD_DIR,
    VALUE_JOIN,
    VALUE_SEP,
    WORKER,
    build_search_index,
    index_files,
    page_of,
    sentences,
    shard_of,
    values,
    weighed,
)
from tests.browser_support import (  # noqa: F401  (browser, built_site, served_site are fixtures)
    SNIPPET_JS,
    browser,
    built_site,
    format_table,
    load_queries,
    open_context,
    search,
    serve,
    served_site,
    site_path,
)
from tests.search_measure import (
    QUERY_SETS,
    REPO,
    firsts,
    found,
    measure_first_result,
    run_set,
    synthetic_site,
)

NEW_YEAR = dt.date(2026, 1, 1)  # the reader's day the worker and Python are both given (relative dates)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

TARGET_RECALL = 0.97
SCALE_BYTES = 3 * 2**20  # what a browser downloads before its first result, at 1,000 cases
SCALE_SECONDS = 1.0  # the first result at 1,000 cases, on a quiet machine (measured by `--scale`)
SCALE_CEILING = 3.0  # what the suite holds it to, beside its own load (the best of SCALE_TRIES)
SCALE_TRIES = 3

# --------------------------------------------------------------------------------------------
# Terms, without a browser


@pytest.mark.parametrize(
    ("typed", "stem"),
    [
        ("주거지원을", "주거지원"), ("정신건강복지센터에서", "정신건강복지센터"), ("할머니가", "할머니"),
        ("어르신들에게", "어르신"), ("집으로", "집"), ("상담하였음", "상담"), ("연계했다", "연계"),
        ("방문함", "방문"), ("결정됨", "결정"), ("상담받음", "상담"), ("거부하였음", "거부"),
        ("대상임", "대상"),
        ("아이", "아이"), ("피해", "피해"), ("기한", "기한"), ("모임", "모임"),  # two syllables stay
        ("G1을", "G1을"), ("을", "을"),
    ],
)
def test_stem(typed: str, stem: str) -> None:
    assert search_ko.stem(typed) == stem


def test_terms_make_compounds_meet_joined_or_split() -> None:
    joined = {t for _, ts in search_ko.query_terms("채무독촉") for t in ts}
    assert {"채무", "독촉"} <= joined
    assert {"채무", "독촉"} <= set(search_ko.terms("채무 독촉 전화"))
    assert {"주거", "지원"} <= set(search_ko.terms("가온주거복지센터 주거지원"))
    assert search_ko.terms("약을 먹지 않음")[:2] == ["약을", "약"]  # 고혈압 약 finds 약을
    assert search_ko.query_terms("2026-0006 을") == [("2026-0006", ["20260006"])]  # joined, as the index holds it


def test_a_worker_id_is_one_query_word_looked_for_joined() -> None:
    """kim.sw searched kim and sw, and every page with another *.sw worker was a result: a run of
    letters and digits joined by dots or underscores is one query word looked for joined, as the
    index holds it (its parts stay terms: kim alone finds Kim's pages)."""
    groups = search_ko.query_groups
    assert groups("kim.sw") == [("kim.sw", (("kimsw",),))] and groups("KIM.SW 방문") == [
        ("kim.sw", (("kimsw",),)), ("방문", (("방문",),))]
    assert groups("lee_hj") == [("lee_hj", (("leehj",),))] and groups("kim.sw.") == groups("kim.sw")
    assert {"kim", "sw", "kimsw"} <= set(search_ko.terms("접수 담당 kim.sw · 마지막 변경"))
    assert {"lee", "hj", "leehj"} <= set(search_ko.terms("담당자 lee_hj"))
    assert "kimsw" not in search_ko.terms("담당 lee.sw, park.sw")
    # dates written with dots stay dates, and give no joined term
    assert groups("2026.03.04") == [("2026.03.04", (("2026-03-04",),))]
    assert groups("2026.3") == [("2026.3", (("2026-03",),))]
    assert groups("2026. 3. 4.") == [("2026. 3. 4", (("2026-03-04",),))]
    assert set(search_ko.terms("2026.03.04 방문")) == {"2026", "03", "04", "방문", "2026-03-04", "2026-03", "3월"}
    # a decimal or a version of digits only is as written (joined, 1.5 would be 15, on every page
    # with a 15); an e-mail address is its two runs; a version with a letter is joined
    assert groups("1.5") == [("1.5", (("1.5",),))] and "15" not in search_ko.terms("1.5배")
    assert {"36", "36.5"} <= set(search_ko.terms("체온 36.5도")) and "365" not in search_ko.terms("체온 36.5도")
    assert groups("a.b@c.org") == [("a.b", (("ab",),)), ("c.org", (("corg",),))]
    assert groups("v1.2.3") == [("v1.2.3", (("v123",),))] and "v123" in search_ko.terms("버전 v1.2.3")
    assert "23" not in search_ko.terms("버전 v1.2.3") and "v12" in search_ko.terms("버전 v1.2.3")
    # a file name as the site shows it (01-intake.md) is found typed with or without its extension
    assert groups("01-intake") == [("01-intake", (("01intake",),))]
    assert groups("01-intake.md") == [("01-intake", (("01intake",),)), ("md", (("md",),))]
    assert "01intake" in search_ko.terms("원본 cases/2026-0007/01-intake.md")


def test_a_month_and_day_without_a_year_is_a_day_of_each_year() -> None:
    """03-04 looked for 0304 and found nothing: a month and day typed without a year (03-04, 3/4,
    3.4., 3. 4.) is read as 3월 4일 is, that day of each year the index holds; a run that is no
    month and day stays a run (101-1 an address, 000-1234 a phone number's end, 2-30), and 3.4 with
    no closing dot a decimal."""
    groups, years = search_ko.query_groups, [2025, 2026]
    day = (("3월4일",), ("2025-03-04",), ("2026-03-04",))
    for typed in ("03-04", "3-4", "3/4", "03/04", "3.4.", "3. 4."):
        assert groups(typed, years) == [(typed, day)], typed
    assert groups("03-04에 방문", years) == [("03-04", day), ("방문", (("방문",),))]
    assert groups("3월 4일", years) == [("3월 4일", day)]
    assert groups("12/31", years) == [("12/31", (("12월31일",), ("2025-12-31",), ("2026-12-31",)))]
    assert groups("101-1", years) == [("101-1", (("1011",),))]
    assert groups("000-1234", years) == [("000-1234", (("0001234",),))]
    assert groups("2-30", years) == [("2-30", (("230",),))] and groups("13/1", years) == [("13", (("13",),))]
    assert groups("03-04-05", years) == [("03-04-05", (("030405",),))]
    assert groups("3.4", years) == [("3.4", (("3.4",),))]
    assert groups("2026-03-04", years) == [("2026-03-04", (("2026-03-04",),))]
    assert search_ko.date_terms("연락처 03-04") == []  # (a page's text is not read so)


def test_a_run_no_one_types_is_not_a_term() -> None:
    """An attacker's probe: a record holding `x` 200,000 times put a 200,000-character term into the
    term shard every query of its hash downloads (211 KB). A run longer than MAX_TERM is not indexed;
    the words around it are."""
    from casekit.site.search_index import MAX_TERM, Page, weighed

    read = weighed(Page("cases/c1/", "c1", [], ["상담을 했다 " + "x" * 200_000 + " 주거 지원", "kim.sw 방문"]))
    assert read is not None
    _, weights = read
    assert max(len(t) for t in weights) <= MAX_TERM and {"상담", "주거", "지원", "kimsw"} <= set(weights)
    assert "x" * MAX_TERM not in weights


def test_shards_are_stable() -> None:
    assert shard_of("주거", 256) == shard_of("주거", 256)
    assert {shard_of(t, 8) for t in ("주거", "지원", "상담", "연계", "채무", "2026")} != {0}


# --------------------------------------------------------------------------------------------
# The index, on the built sample


def markup(site: Path, location: str) -> str:
    return (site / location / "index.html" if not location.endswith(".html") else site / location).read_text(encoding="utf-8")


def _shown(site: Path, location: str, *, inline: bool = False) -> str:
    """The article's text; `inline`: tags of words such as <strong>글</strong>은 join, as a browser shows them."""
    text = markup(site, location)
    main = re.search(r"<article\b.*?</article>", text, re.S)
    tag = r"</?(?:a|strong|em|b|i|code|span|small|abbr|mark|time)\b[^>]*>" if inline else r"<[^>]+>"
    text = re.sub(tag, "", main.group(0) if main else text) if inline else re.sub(tag, " ", main.group(0) if main else text)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _docs(site: Path) -> list[list[Any]]:
    out: list[list[Any]] = []
    manifest = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    for n in range(manifest["heads_at"]):  # the doc shards (the head shards follow)
        out += json.loads((site / SHARD_DIR / f"d-{n}.json").read_text(encoding="utf-8"))
    return out


def _rests(site: Path, ck: dict[str, Any]) -> dict[int, list[str]]:
    """Each doc's sentences in the rest shards, by doc number."""
    out: dict[int, list[str]] = {}
    per = ck["docs_per_shard"]
    for n in range(ck["heads_at"]):
        path = site / SHARD_DIR / f"r-{n}.json"
        if path.exists():
            for i, rest in enumerate(json.loads(path.read_text(encoding="utf-8"))):
                if rest:
                    out[n * per + i] = rest
    return out


@pytest.mark.slow
def test_a_long_pages_other_sentences_wait_in_its_rest_shard(built_site: Path) -> None:  # noqa: F811
    """A page with more sentences than its doc shard keeps has every other one in the rest shard of
    the same number (the worker fetches it when no kept sentence holds the query): together they
    are the page's sentences, each once; a shard of short pages has none."""
    ck = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    docs, rests = _docs(built_site), _rests(built_site, ck)
    n = next(i for i, d in enumerate(docs) if d[0] == "cases/2026-0006/")
    assert docs[n][3:] == [1] and len(docs[n][2]) <= MAX_SENTENCES
    text = built_site / "cases" / "2026-0006" / "index.html"
    page = page_of(text.read_text(encoding="utf-8"), "cases/2026-0006/")
    assert page is not None
    shown = list(dict.fromkeys(sentences(page.about) + sentences(page.body)))
    assert sorted(docs[n][2] + rests[n]) == sorted(shown + values(page, shown))
    assert any("나가라고" in s for s in rests[n]) and not any("나가라고" in s for s in docs[n][2])
    short = [i // ck["docs_per_shard"] for i, d in enumerate(docs) if len(d) == 3]
    assert any(not (built_site / SHARD_DIR / f"r-{i}.json").exists() for i in short)


@pytest.mark.slow
def test_index_holds_only_what_pages_show(built_site: Path) -> None:  # noqa: F811
    manifest = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    ck = manifest["config"]["casekit"]
    assert manifest["docs"] == [] and ck["particles"] and ck["endings"]
    docs = _docs(built_site)
    assert len(docs) == ck["docs"] > 40
    shown_terms: set[str] = set()
    rests = _rests(built_site, ck)
    for n, (location, title, kept, *more) in enumerate(docs):
        shown = _shown(built_site, location)
        bare = "".join(shown.split())  # tags become spaces in `shown`; compare without them
        assert "".join(title.split()) in bare
        rest = rests.get(n, [])
        assert more == ([1] if rest else []), f"{location}: flagged {more}, {len(rest)} more sentences"
        assert not set(rest) & set(kept)
        for sentence in kept + rest:
            sentence = sentence.replace(search_ko.NODATE, "")  # (a bookkeeping date's mark: the worker shows it without)
            if "".join(sentence.rstrip("…").split()) in bare:
                continue
            # a field's short values with its label (`values`): the label a <dt> or a cell's data-label
            label, _, held = sentence.partition(VALUE_SEP)
            assert held, f"{location}: snippet {sentence!r} is not on the page"
            assert "".join(label.split()) in bare or f'data-label="{label}"' in markup(built_site, location), sentence
            for value in held.rstrip("…").split(VALUE_JOIN):
                assert "".join(value.split()) in bare, f"{location}: value {value!r} of {sentence!r} is not on the page"
        shown_terms |= set(search_ko.terms(shown)) | set(search_ko.terms(_shown(built_site, location, inline=True)))
    for shard in (built_site / SHARD_DIR).glob("t-*.json"):
        data = json.loads(shard.read_text(encoding="utf-8"))
        for term, postings in data.items():
            assert term in shown_terms, f"{term!r} is not a term of any page"
            assert shard.name == f"t-{shard_of(term, ck['term_shards'])}.json"
            assert all(0 <= d < ck["docs"] for d in postings[0::2])
    assert (built_site / WORKER).read_bytes() == (REPO / "casekit" / "site" / "assets" / "search-worker.js").read_bytes()


@pytest.mark.slow
def test_the_case_summaries_are_no_search_results(built_site: Path) -> None:  # noqa: F811
    """A case summary (printed for a 사례회의) says `search: exclude: true`, as the case page answers
    every query: a query finds each case once, not its page and its summary."""
    locations = {d[0] for d in _docs(built_site)}
    summaries = sorted((built_site / "cases").glob("*/summary/index.html"))
    assert len(summaries) >= 10 and "cases/2026-0001/" in locations
    assert [loc for loc in locations if loc.endswith("/summary/")] == []
    assert all(EXCLUDED in p.read_text(encoding="utf-8") for p in summaries)
    assert EXCLUDED not in (built_site / "cases" / "2026-0001" / "index.html").read_text(encoding="utf-8")


def _postings(site: Path, term: str) -> set[int]:
    manifest = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    shard = json.loads((site / SHARD_DIR / f"t-{shard_of(term, manifest['term_shards'])}.json").read_text("utf-8"))
    return set(shard.get(term, [])[0::2])


_RECORDS = ("//article//h2[contains(@class, 'ck-record')] | //article//div[contains(@class, 'ck-record-data')]"
            " | //article//div[contains(@class, 'ck-record-body')] | //article//section[contains(@class, 'ck-summary')]")


@pytest.mark.slow
def test_the_sites_own_words_match_no_case_page(built_site: Path) -> None:  # noqa: F811
    """The 요약 인쇄 (사례회의용 A4 한 쪽) link, the print mark (내부용 · 만든 날), the section
    headings (타임라인, 목표와 경과, 동의 기록 ...), the ecomap's legend and the restricted notice
    are the site's, on every case page: a query for 사례회의, 요약, 인쇄 or 타임라인 matched every
    case. Every term each case page is indexed under comes from its records as the page shows them
    (their headings, fields and bodies, and the values of the summary card, whose labels are never
    indexed), and none of those words matches every case page."""
    from lxml import html as lxml_html

    cases = sorted(p.parent.name for p in (built_site / "cases").glob("*/index.html"))
    docs = {entry[0]: n for n, entry in enumerate(_docs(built_site))}
    assert len(cases) > 10 and all(f"cases/{c}/" in docs for c in cases)
    common: set[str] | None = None
    records: list[set[str]] = []
    for case in cases:
        text = (built_site / "cases" / case / "index.html").read_text(encoding="utf-8")
        page = page_of(text, f"cases/{case}/")
        assert page is not None
        held = set(search_ko.terms("\n".join([page.title, *page.about, *page.body])))
        common = held if common is None else common & held
        tree = lxml_html.fromstring(text)
        parts = "".join(lxml_html.tostring(x, encoding="unicode") for x in tree.xpath(_RECORDS))
        shown = page_of(f"<article>{parts}</article>", f"cases/{case}/")
        records.append(set(search_ko.terms("\n".join([*shown.about, *shown.body]))) if shown else set())
    assert common is not None
    assert not {t for t in common if not all(t in r for r in records)}
    every = {docs[f"cases/{c}/"] for c in cases}
    for word in ("사례회의", "요약", "인쇄", "내부용", "만든", "타임라인", "경과", "생태도", "최근", "점선", "지지체계"):
        for group in search_ko.word_groups(word):
            assert not every <= set.intersection(*(_postings(built_site, t) for t in group)), (word, group)


def test_a_docs_page_out_of_search_is_not_indexed(sample: Path) -> None:
    """`search: exclude: true` in a docs page's front matter (Material's way) keeps it out of
    casekit's Korean index too; a page without it is found."""
    (sample / "docs" / "internal.md").write_text(
        "---\nsearch:\n  exclude: true\n---\n\n# 내부 안내\n\n주거 지원 절차를 적은 내부 문서입니다.\n", encoding="utf-8")
    (sample / "docs" / "open.md").write_text("# 공개 안내\n\n주거 지원 절차를 적은 문서입니다.\n", encoding="utf-8")
    result = build(sample, today=dt.date(2026, 12, 1))
    assert not result.errors
    locations = {d[0] for d in _docs(result.site_dir)}
    assert "open/" in locations and "internal/" not in locations
    assert EXCLUDED in (result.site_dir / "internal" / "index.html").read_text(encoding="utf-8")
    assert page_of((result.site_dir / "internal" / "index.html").read_text(encoding="utf-8"), "internal/") is None


@pytest.mark.slow
def test_snippets_are_sentences_not_field_labels(built_site: Path) -> None:  # noqa: F811
    docs = {d[0]: d for d in _docs(built_site)}
    case = docs["cases/2026-0006/"]
    # (a long page: its kept sentences are those holding the most of its words, see `kept`)
    assert "퇴거 통보를 받았고, 지금 사는 반지하 방은 곰팡이와 침수 위험으로 살기 어려움" in case[2]
    labels = {"주 호소 문제", "욕구 내용", "목표", "가구 형태", "현재 단계", "담당", "위기도"}
    assert not labels & set(case[2])


def test_a_fields_short_values_are_kept_with_its_label() -> None:
    """A value too short for a sentence (a target date, a need domain) that holds a term no sentence
    of the page holds is kept as `label: value`, the values of one label on one line; a value a
    sentence already shows is not (no bytes for nothing)."""
    article = ("<article><h1>2026-0012</h1><dl><dt data-field='domains'>욕구 영역</dt><dd><ul><li>경제</li>"
               "<li>건강</li></ul></dd></dl><table><tr><td data-label='목표' data-field='goal'>체납 전기요금을 정리하고"
               " 건강 검진을 받는다</td><td data-label='목표일' data-field='target_date'>2026-11-30</td></tr>"
               "<tr><td data-label='목표일' data-field='target_date'>2026-12-31</td></tr></table></article>")
    page = page_of(article, "cases/2026-0012/")
    assert page is not None
    read = weighed(page)
    assert read is not None
    entry, _ = read
    assert entry[2] == ["체납 전기요금을 정리하고 건강 검진을 받는다", "욕구 영역: 경제",
                        "목표일: 2026-11-30 · 2026-12-31"], entry


@pytest.mark.slow
def test_index_is_idempotent_and_replaces_old_shards(built_site: Path, tmp_path: Path) -> None:  # noqa: F811
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / SHARD_DIR / "t-9999.json").write_text("{}", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (built_site / SHARD_DIR).iterdir()}
    stats = build_search_index(site)
    assert {p.name: p.read_bytes() for p in (site / SHARD_DIR).iterdir()} == before
    assert stats["pages"] == len(_docs(site)) and stats["index_bytes"] > 0


@pytest.mark.slow
def test_shards_written_on_every_core_are_those_written_in_one(built_site: Path, tmp_path: Path,  # noqa: F811
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The shards are written by forked workers when there are many (a casebook of thousands of
    cases): the same files, bytes and counts as one process writes (the sample's few shards are
    written in one: here the workers are made to take them, a few shards a task)."""
    import casekit.core.workers as workers
    import casekit.site.search_index as search_index

    one, many = tmp_path / "one", tmp_path / "many"
    shutil.copytree(built_site, one)
    shutil.copytree(built_site, many)
    alone = build_search_index(one)
    pids = tmp_path / "pids"
    write = search_index._write_shard

    def writing(n: int, *args: object) -> int:
        with pids.open("a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return write(n, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(workers, "MIN_PARALLEL", 0)
    monkeypatch.setattr(search_index, "SHARDS_A_TASK", 3)
    monkeypatch.setattr(search_index, "default_jobs", lambda: 2)
    monkeypatch.setattr(search_index, "_write_shard", writing)
    assert build_search_index(many) == alone
    assert set(pids.read_text(encoding="utf-8").split()) - {str(os.getpid())}  # (in forked workers, not here)
    assert tree_bytes(many / "search") == tree_bytes(one / "search")


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_sample_mkdocs_yml_holds_no_search_internals() -> None:
    """casekit sets search up itself: the casebook's mkdocs.yml only asks for a search box."""
    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !!python/name and friends
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert "search" in config["plugins"]
    assert "separator" not in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


_KEPT_TIE = """
import json, sys
from casekit.site.search_index import MAX_SENTENCES, kept
high = [f"h{i:02d}x{i:02d}"[:8].ljust(8, "z") for i in range(MAX_SENTENCES - 1)]
shown = high + ["bbbbbbbb", "xa xb xc", "lo lp lq"]  # the last place: "bbbbbbbb" and "xa xb xc" tie
weights = {t: 1.0 for t in high}
weights.update(bbbbbbbb=0.36, xa=0.01, xb=0.04, xc=0.09, lo=0.0001, lp=0.0001, lq=0.0001)
print(json.dumps(kept(shown, weights)))
"""


def test_snippets_are_the_same_in_every_process() -> None:
    """A page's kept sentences do not depend on the process's string hashing: two sentences whose
    terms weigh the same (0.6 as 0.1 + 0.2 + 0.3 and as 0.6) tie, and the earlier is kept, in
    every process (summed in set order, 0.1 + 0.2 + 0.3 came to 0.6000000000000001 in some)."""
    import subprocess

    got = set()
    for seed in range(8):
        out = subprocess.run([sys.executable, "-c", _KEPT_TIE], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": str(seed)}, cwd=REPO)
        got.add(out.stdout.strip())
    assert len(got) == 1
    assert "bbbbbbbb" in json.loads(got.pop())


def test_a_site_whose_pages_do_not_name_the_worker_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "index.html").write_text("<article><h1>주거</h1></article>", encoding="utf-8")
    (tmp_path / "search" / "search_index.json").write_text('{"config": {}, "docs": [1]}', encoding="utf-8")
    assert build_search_index(tmp_path)["pages"] == 0
    assert (tmp_path / "search" / "search_index.json").read_text(encoding="utf-8") == '{"config": {}, "docs": [1]}'
    assert not (tmp_path / SHARD_DIR).exists() and not (tmp_path / WORKER).exists()


@pytest.mark.slow
@pytest.mark.parametrize("name", list(QUERY_SETS))
def test_query_sets_are_honest(built_site: Path, name: str) -> None:  # noqa: F811
    """Every typed word, stemmed, is on each expected page, whole or as the parts of a compound."""
    queries = load_queries(QUERY_SETS[name])
    raw = {item["q"]: item for item in yaml.safe_load(QUERY_SETS[name].read_text(encoding="utf-8"))["queries"]}
    assert len(queries) >= 50 and len({q.query for q in queries}) == len(queries)
    problems = []
    for q in queries:
        shown_as = raw[q.query].get("shown_as") or {}
        for path in q.expect:
            shown = _shown(built_site, path.strip("/") + "/").lower()
            for word, _ts in search_ko.query_terms(q.query):
                typed = shown_as.get(word, word)
                if not (_in_parts(search_ko.stem(typed), shown) or _in_parts(typed, shown)):
                    problems.append(f"{name}: {q.query!r}: {word!r} is not shown on {path}")
    assert not problems, "\n".join(problems)


def _in_parts(word: str, shown: str) -> bool:
    """`word` is shown whole, or cut into parts that are each shown (채무독촉: 채무 독촉; 고혈압약: 고혈압 약).

    A part of one syllable counts only at the end, as a word of its own on the page (약 in "고혈압 약을").
    """
    def shown_part(part: str, last: bool) -> bool:
        if len(part) >= 2 or part == word:
            return part in shown
        return last and re.search(rf"(?:^|\s){re.escape(part)}", shown) is not None

    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ok[end] = any(ok[start] and shown_part(word[start:end], end == len(word)) for start in range(end))
    return ok[-1]


def test_function_words_are_left_out_of_a_query_that_holds_another_word() -> None:
    """`월세 때문에 힘들어요` ranked 2026-0001 ("나이 때문에") and the privacy page ("때문입니다")
    second and third, above pages about rent: 때문에 says nothing of what is looked for."""
    assert [w for w, _ in search_ko.query_terms("월세 때문에 힘들어요")] == ["월세", "힘들어요"]
    assert [w for w, _ in search_ko.query_terms("병원에 가는 것이 힘들어요")] == ["병원에", "가는", "힘들어요"]
    assert [w for w, _ in search_ko.query_terms("때문에")] == ["때문에"]  # alone, it is what is looked for
    assert [w for w, _ in search_ko.query_terms("및 위해")] == ["및", "위해"]
    assert [w for w, _ in search_ko.query_terms("등 통증")] == ["등", "통증"]  # 등: the back too
    # 안, 못 (not): a record says 가지 않음, 거부함, 못 감 where a query says 안 가요; the rest is looked for
    assert [w for w, _ in search_ko.query_terms("병원에 안 가요")] == ["병원에", "가요"]
    assert [w for w, _ in search_ko.query_terms("약을 못 먹어요")] == ["약을", "먹어요"]
    assert [w for w, _ in search_ko.query_terms("안내")] == ["안내"] and search_ko.query_terms("안전 점검")[0][0] == "안전"


def test_a_noun_typed_with_때문에_joined_is_the_noun() -> None:
    """`빚때문에` found nothing of case 2026-0007 (빚 독촉) and `월세때문에` only "나이 때문에":
    때문에 typed onto its noun, as it often is, was part of the word (found by a probe)."""
    assert search_ko.query_terms("빚때문에") == [("빚때문에", ["빚", "채무", "부채"])]  # (빚's other words: EVERYDAY_WORDS)
    assert [ts for _, ts in search_ko.query_terms("월세때문에 힘들어요")] == \
        [ts for _, ts in search_ko.query_terms("월세 때문에 힘들어요")]
    assert search_ko.stem("월세때문") == "월세"


def test_a_case_called_by_its_number_is_that_case() -> None:
    """`13번 사례` ranked case 2026-0013 eighth (found by a probe): 13번 looks for the case number's
    last part, 0013, as `0013` typed does, or for 13 and 번 as typed."""
    assert search_ko.query_terms("13번 사례") == [("13번", ["0013", "13", "번"]), ("사례", ["사례"])]
    assert search_ko.query_groups("0013번")[0][1] == (("0013",), ("0013", "번"))
    assert [w for w, _ in search_ko.query_terms("13번째")] == ["13번째"]  # an ordinal (a count), not a case


def test_a_day_typed_with_a_two_digit_year_is_that_day() -> None:
    """`26.3.4`, `26-03-04` found nothing (found by a probe): a worker's short way of writing a day,
    read as 2026-03-04 when the index holds dates of 2026, and as typed otherwise."""
    for typed in ("26.3.4", "26.03.04", "26-03-04", "26/3/4"):
        assert search_ko.query_groups(typed, [2025, 2026]) == [(typed, (("2026-03-04",),))], typed
    assert search_ko.query_groups("26.3.4", [2025]) != [("26.3.4", (("2026-03-04",),))]  # no such year held
    assert search_ko.query_groups("26.2.30", [2026])[0][1] != (("2026-02-30",),)  # no such day
    assert search_ko.query_groups("1.26.3.4", [2026])[0][1] != (("2026-03-04",),)  # a longer run


# --------------------------------------------------------------------------------------------
# In the browser


_TERMS_JS = """
async ([words, config, today]) => {
  const src = await (await fetch('assets/casekit/search-worker.js')).text();
  const make = new Function('self', 'addEventListener', 'postMessage',
    src + '; return m => { manifest = m; return queryTerms; };');
  const queryTerms = make({location: location}, () => {}, () => {})(config);
  return words.map(w => queryTerms(w, today).map(x => [x.word, x.terms]));
}
"""


@pytest.mark.browser
@pytest.mark.slow
def test_worker_cuts_terms_like_python(browser: Browser, served_site: str, built_site: Path) -> None:  # noqa: F811
    words = sorted({q.query for path in QUERY_SETS.values() for q in load_queries(path)}
                   | {"아이", "사례회의에서", "생계·주거급여", "가족센터(건강가정지원센터)", "G1을", "2026-0006",
                      "월세 때문에 힘들어요", "때문에", "병원에 가는 것이 힘들어요", "및 위해", "등 통증",
                      "빚때문에", "월세때문", "26.3.4", "26-03-04 방문", "26/3/4", "12.3.4", "26.02.30",
                      "13번 사례", "0013번", "3번 방문", "13번째", "13번을", "30만 원", "월 30만 원", "30만원씩"})
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        js = page.evaluate(_TERMS_JS, [words, config, [2026, 1, 1]])
    for word, got in zip(words, js, strict=True):
        want = [[w, list(dict.fromkeys(ts))] for w, ts in search_ko.query_terms(word, config["years"], NEW_YEAR)]
        assert got == want, f"{word}: browser {got}, python {want}"




@pytest.mark.browser
@pytest.mark.slow
def test_snippet_escapes_the_sentence_and_marks_only_text(browser: Browser, served_site: str,  # noqa: F811
                                                          built_site: Path) -> None:  # noqa: F811
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    sentences = ["<b>amp</b> & 채무 독촉 전화가 계속 옴", "다른 문장"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        got = page.evaluate(SNIPPET_JS, [config, sentences, "채무독촉 amp"])
    assert got == "&lt;b&gt;<mark>amp</mark>&lt;/b&gt; &amp; <mark>채무 독촉</mark> 전화가 계속 옴"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "want"), [
    ("2월", "12월 점검 예정 · <mark>2026-02-10</mark> 방문, <mark>2월</mark> 초 상담"),
    ("2026-02 상담", "12월 점검 예정 · <mark>2026-02-10</mark> 방문, 2월 초 <mark>상담</mark>"),
    ("2월 10일", "12월 점검 예정 · <mark>2026-02-10</mark> 방문, 2월 초 상담"),
])
def test_a_snippet_marks_the_dates_a_typed_date_holds(browser: Browser, served_site: str,  # noqa: F811
                                                      built_site: Path, query: str, want: str) -> None:  # noqa: F811
    """A date typed marks the dates of that month or day, however written, and not 12월 for 2월."""
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    sentences = ["12월에 다시 점검한다", "12월 점검 예정 · 2026-02-10 방문, 2월 초 상담"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        got = page.evaluate(SNIPPET_JS, [config, sentences, query])
    assert got == want


@pytest.mark.browser
@pytest.mark.parametrize(("query", "sentences", "want"), [
    ("어제는", ["어르신은 어제는 미안했다며"], "어르신은 <mark>어제</mark>는 미안했다며"),
    ("오늘", ["세로줄은 오늘, 점선은 기한입니다."], "세로줄은 <mark>오늘</mark>, 점선은 기한입니다."),
    ("이번 달 점검", ["이번달에 점검함"], "<mark>이번달</mark>에 <mark>점검함</mark>"),
    ("지난달", ["지난 달 방문"], "<mark>지난 달</mark> 방문"),
    ("오늘", ["오늘날 복지는"], "오늘날 복지는"),  # (not 오늘날, as a query reads it)
])
def test_a_snippet_marks_a_day_named_from_today_where_it_is_named_so(
        browser: Browser, served_site: str, built_site: Path, query: str, sentences: list[str],  # noqa: F811
        want: str) -> None:
    """A tester: `오늘` found the records and guide pages by their 오늘, `어제` and `어제는` 2026-0005 by
    "어제는 미안했다", none marked (a date typed marked only the dates it means)."""
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        assert page.evaluate(SNIPPET_JS, [config, sentences, query]) == want
        got = _teasers(browser, served_site, "어제는")
    assert any("<mark>어제</mark>는 미안했다" in text for location, text in got if location == "/cases/2026-0005/"), got


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", list(QUERY_SETS))
def test_korean_search_recall(browser: Browser, served_site: str, capsys: pytest.CaptureFixture[str],  # noqa: F811
                              tmp_path: Path, name: str) -> None:
    with open_context(browser) as (context, log):
        page = context.new_page()
        page.goto(served_site)
        started = time.monotonic()
        outcomes, rate = run_set(page, served_site, QUERY_SETS[name])
        elapsed = time.monotonic() - started
        foreign = log.foreign()
    table = format_table(outcomes, title=f"{name} set ({len(outcomes)} queries, {elapsed:.1f}s, casekit search in Chromium)")
    (tmp_path / f"search-recall-{name}.txt").write_text(table + "\n", encoding="utf-8")
    with capsys.disabled():
        print(f"\n{table}\nwith first-place rules: {rate:.1%}")
    missed = [o.query.query for o in outcomes if not found(o, firsts(QUERY_SETS[name]))]
    assert foreign == [], f"search made requests off loopback: {foreign}"
    assert rate >= TARGET_RECALL, f"{name}: recall {rate:.1%} < {TARGET_RECALL:.0%}; missed {missed}\n{table}"


@pytest.mark.browser
@pytest.mark.slow
def test_result_shows_a_sentence_with_the_query_marked(browser: Browser, served_site: str) -> None:  # noqa: F811
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, "채무독촉")]
        assert pages[0] == "/cases/2026-0007/"
        first = page.locator(".md-search-result__item").first
        assert "채무 독촉" in first.inner_text()
        assert first.locator("mark").count() >= 1


@pytest.mark.browser
def test_a_typed_word_is_neither_met_nor_marked_inside_a_word_with_a_particle(
        browser: Browser, served_site: str) -> None:  # noqa: F811
    """동의 (consent) typed: 아동의 (아동 with the particle 의) neither finds a page nor is marked. The
    child's case 2026-0011 says 아동의 결석 in its selection and was fourth by that sentence; it is
    found by its own 동의했다, and shows it."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, "동의")]
        assert "/cases/2026-0011/" in pages, pages
        at = pages.index("/cases/2026-0011/")
        page.wait_for_function("i => { const it = document.querySelectorAll('.md-search-result__item')[i];"
                               " return it && it.innerText.includes('동의했다'); }", arg=at, timeout=10_000)
        # every result as shown at one moment (the list is drawn again as more results come: a
        # locator taken from it may name an item gone by the time it is read)
        shown = page.eval_on_selector_all(".md-search-result__item", "items => items.map(it => it.innerHTML)")
        assert len(shown) > at
        for html in shown:
            assert "아<mark>동의" not in html and "아동의</mark>" not in html, html


@pytest.mark.browser
@pytest.mark.parametrize(("query", "case", "forms"), [
    ("치료를 미뤄요", "/cases/2026-0006/", ["미룸", "미루고"]),  # 치료를 미룸; 치료도 미루고 있었다
    ("미뤘다", "/cases/2026-0007/", ["미룸", "미루었다"]),  # 상담 예약은 미룸; 상담 예약도 미루었다
    ("가사 지원 줄였어요", "/cases/2026-0011/", ["줄임"]),  # 가사 지원은 주 1회로 줄임
])
def test_a_verb_typed_as_said_finds_and_marks_its_noun_form(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                            case: str, forms: list[str]) -> None:
    """Records are written in the noun form (…ㅁ: 미룸, 줄임, 지냄); a worker types the verb as it is
    said (미뤄요, 미뤘다, 줄였어요). The page is found by the verb, and a form of it is marked in its
    sentence (미룸 of 미뤄요, or the other forms the page writes, 미루고)."""
    _shows_marked(browser, served_site, query, case, forms)


@pytest.mark.browser
def test_a_verb_form_no_page_holds_finds_no_page_by_its_ending(browser: Browser, served_site: str) -> None:  # noqa: F811
    """쫓겨났어요 (no page says 쫓겨나다) listed two pages, each by the 어요 of a sentence (좋겠어요,
    좋아졌어요), 어요 marked: the bigrams of a verb form's ending are no word of a page. A page that
    writes the form itself is still found by it."""
    with open_context(browser) as (context, _):
        page = context.new_page()
        page.goto(served_site)
        assert search(page, "쫓겨났어요") == []
        assert served_site + "cases/2026-0013/" in search(page, "좋겠어요")
        found = search(page, "고장났어요")  # (2026-0014: 보청기가 고장 나)
        assert found and found[0] == served_site + "cases/2026-0014/", found
        assert served_site + "cases/2026-0011/" not in found and served_site + "cases/2026-0013/" not in found


def _shows_marked(browser: Browser, served_site: str, query: str, case: str,  # noqa: F811
                  forms: list[str]) -> None:
    """`query` typed finds `case` in its first three, and its result marks one of `forms` (the result
    is shown again once the page's other sentences are read)."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        assert case in pages[:3], pages
        at = pages.index(case)
        page.wait_for_function("([i, forms]) => { const it = document.querySelectorAll('.md-search-result__item')[i];"
                               " return it && [...it.querySelectorAll('mark')].some(m => forms.includes(m.innerText)); }",
                               arg=[at, forms], timeout=10_000)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "case", "words"), [
    ("집주인이 나가라고", "/cases/2026-0006/", ["집주인", "나가라고"]),  # far down a long case page
    ("4월 둘째 주", "/cases/2026-0001/", ["4월", "둘째"]),
])
def test_a_long_page_shows_the_sentence_the_query_found_it_by(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                              case: str, words: list[str]) -> None:
    """When none of the sentences a long page keeps in its doc shard holds the query, the result
    shows the page's sentence that does (from its rest shard, once the first results are shown),
    not a sentence of other words."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        assert pages[0] == case
        # (shown first with a kept sentence, then again with the one that holds the query)
        page.wait_for_function("words => { const first = document.querySelector('.md-search-result__item');"
                               " return first && words.every(w => first.innerText.includes(w)); }", arg=words,
                               timeout=10_000)
        first = page.locator(".md-search-result__item").first
        assert first.locator("mark").count() >= 2, first.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize(("query", "location", "label", "marked"), [
    ("11월 30일", "/cases/2026-0012/", "목표일: ", "2026-11-30"),  # found by its goals' target dates only
    ("경제", "/resources/gaon-job-center/", "욕구 영역: ", "경제"),  # by a need domain of the resource
    ("kimsw", "/cases/2026-0004/", "", "kim.sw"),  # the worker id typed joined: kim.sw on the page
])
def test_a_result_found_by_a_short_value_shows_the_field_marked(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                                location: str, label: str, marked: str) -> None:
    """A probe: results found by a field's short value (a target date, a need domain: shorter than a
    sentence) showed a sentence of other words, nothing marked, and `kimsw` did not mark the kim.sw
    of the sentence it showed. The result shows the field's label and the value marked."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        assert location in pages, pages
        at = pages.index(location)
        page.wait_for_function("([i, label, marked]) => { const it = document.querySelectorAll('.md-search-result__item')[i];"
                               " return it && it.innerText.includes(label) && [...it.querySelectorAll('mark')]"
                               ".some(m => !m.closest('h1') && m.innerText === marked); }",
                               arg=[at, label, marked], timeout=10_000)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "case", "word"), [
    ("가계부 쓰기", "/cases/2026-0002/", "가계부"),  # not "자녀가 받아쓰기와 셈하기를": 쓰기 is on many pages
])
def test_a_snippet_shows_the_rarer_word_the_page_was_found_by(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                            case: str, word: str) -> None:
    """Of two sentences each holding one word of the query, the one holding the word few pages have
    is shown (each word's score weighed by its terms' idf): a probe's snippet showed 쓰기's sentence.
    (A sentence writing a word whole still outweighs one holding part of a rarer one: 등교 때 아이를
    for 등교거부하는 아이, where 등교를 거부함 holds all of the rarer word; left as it is.)"""
    _shows_marked(browser, served_site, query, case, [word])


@pytest.mark.browser
@pytest.mark.slow
def test_a_date_typed_with_its_year_shows_the_sentence_that_says_the_day_without_it(
        browser: Browser, served_site: str, built_site: Path) -> None:  # noqa: F811
    """`2026.09.29` found 2026-0005 (a record of that day) and showed its first sentence, nothing
    marked, no fragment: the sentence saying `9월 29일` is chosen among the page's sentences (not
    marked: it may be another year's). The page is shown with the field that holds the day itself,
    the day marked (its 활동 날짜: the short values of a field, `search_index.values`)."""
    docs = _docs(built_site)
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    n = next(i for i, d in enumerate(docs) if d[0] == "cases/2026-0005/")
    sentences = [s for s in docs[n][2] + _rests(built_site, config).get(n, []) if not re.match(r"[^:.!?]{1,20}: ", s)]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        assert "9월 29일" in page.evaluate(SNIPPET_JS, [config, sentences, "2026.09.29"])
        pages = [site_path(h, served_site) for h in search(page, "2026.09.29")]
        assert pages[0] == "/cases/2026-0005/", pages
        page.wait_for_function("() => { const it = document.querySelector('.md-search-result__item');"
                               " return it && [...it.querySelectorAll('mark')].some(m => m.innerText === '2026-09-29')"
                               " && it.innerText.includes('활동 날짜: '); }", timeout=10_000)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "first", "marked"), [
    ("kim.sw", "/workers/kim.sw/", "kim.sw"),  # its page's title is the id: nothing was marked
    ("위기도 높음", "/risk/high/", "높음"),
])
def test_a_result_title_marks_what_the_query_holds(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                   first: str, marked: str) -> None:
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        assert pages[0] == first, pages
        page.wait_for_function("w => { const t = document.querySelector('.md-search-result__item h1');"
                               " return t && [...t.querySelectorAll('mark')].some(m => m.innerText === w); }",
                               arg=marked, timeout=10_000)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "wanted", "within"), [
    # 애도 is also 애 + the particle 도, and 애 looks for 아이, 아동, 자녀: summed, a child's case
    # holding the three came second by a hair, the resource offering 애도 상담 fourth (a browser probe)
    ("애도", "/cases/2026-0005/", 1), ("애도", "/resources/gaon-mental-health-center/", 2),
    # 초기면접 is 접수 (a stage's other name), or 초기 and 면접 apart: the stage page was not in the
    # first ten, below case pages holding 접수, 초기 and 면접 summed (now fourth or fifth, below the
    # cases that hold 초기 and 면접 both, 초기상담 and a job's 면접, as the split reading 초기 면접 looks for)
    ("초기면접", "/stages/intake/", 10),
    # its own forms still add up: 돌봄과 is 돌봄 or 돌보다, and the case writing both (돌봄과, 돌봐) stays
    # above the editors' page that writes 돌봄 and 맞지 않는 (the best of the two alone put it second)
    ("돌봄과 안 맞아요", "/cases/2026-0002/", 1),
])
def test_a_word_scores_by_the_reading_a_page_holds_best(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                        wanted: str, within: int) -> None:
    """A word's own forms (its stem's bigrams, the noun uncut, a verb's keys) and its other names (a
    stage's, the practice's word for an everyday one) are ways a page may write it: a page scores
    by its own forms or one other name, whichever it holds best, not by all of them added up."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        assert wanted in pages[:within], pages


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "first", "marked"), [
    # the one page of 4인 가구 was ninth, below pages of 1인 and 2인 가구, and 4 was never marked
    ("4인 가구", "/cases/2026-0013/", "4인"), ("4 인 가구", "/cases/2026-0013/", "4인"),
    ("2인 가구", "/cases/2026-0009/", "2인"),
    ("2개월 체납", "/cases/2026-0001/", "2개월"),  # (3개월 체납 ranked the same)
    ("6주째", "/cases/2026-0001/", "6주째"),  # the 3주째 page was first
    ("주 1회", None, "주 1회"),  # the first three said 주 2회
])
def test_a_number_and_its_counter_find_that_count_first(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                        first: str | None, marked: str) -> None:
    """A number with its counter is a term of its own: the pages of that count come first (the
    pages of another number with the counter after them) and the count is marked."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        if first is not None:
            assert pages[0] == first, pages
        page.wait_for_function("w => { const t = document.querySelector('.md-search-result__item');"
                               " return t && [...t.querySelectorAll('mark')].some(m => m.innerText === w); }",
                               arg=marked, timeout=10_000)


@pytest.mark.browser
@pytest.mark.slow
def test_how_often_is_no_month(browser: Browser, served_site: str, built_site: Path) -> None:  # noqa: F811
    """`월 2회` (twice a month): the first results write 월 2회, not 9월과 10월 (월 read as a month)."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, "월 2회")]
    holding = {f"/{location}" for path, location in index_files(built_site)
               if re.search(r"(?<![0-9가-힣])월 ?2회", (read := page_of(path.read_text(encoding="utf-8"), location))
                            and " ".join([read.title, *read.about, *read.body]) or "")}
    assert "/resources/gaon-food-bank/" in holding
    assert pages[:len(holding)] and set(pages[:min(len(holding), 5)]) <= holding, (pages, holding)


@pytest.mark.browser
def test_an_amount_no_page_holds_finds_no_page_by_its_number(browser: Browser, served_site: str) -> None:  # noqa: F811
    """A tester: `30만원` gave 12 results and `월 30만 원` 15, none marked (pages of 30일, 2026-10-30 ...),
    where no page of the sample holds an amount: a count's other reading, the number and the counter
    as words, found a page holding the number alone. It finds one holding both (a count of one digit
    has no other reading, the digit is no term: 5개월 체납 finds the pages of 체납), and 만 of 30만 원 is
    the counter's, no particle."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        for query in ("30만원", "30만 원", "월 30만 원", "30만원 "):
            assert search(page, query) == [], query
        pages = [site_path(h, served_site) for h in search(page, "5개월 체납")]  # (no page says 5개월)
        assert {"/cases/2026-0001/", "/cases/2026-0006/", "/cases/2026-0012/"} <= set(pages[:3]), pages


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "wanted", "marked"), [
    # the word being typed (no space after it) is the start of a term: each showed no result
    ("k", "/workers/kim.sw/", "k"), ("kim.s", "/workers/kim.sw/", "kim.s"),
    ("2026-000", "/cases/2026-0001/", "2026-000"),
    # Hangul mid-syllable: a final that may start the next syllable, a syllable that may take one
    ("어먼", "/cases/2026-0009/", "어머니"), ("엄", "/cases/2026-0009/", "어머"),
    ("주걱", "/cases/2026-0001/", "주거급"), ("병워", "/cases/2026-0004/", "병원"),
])
def test_the_word_being_typed_finds_the_terms_it_starts(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                        wanted: str, marked: str) -> None:
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        assert wanted in pages, pages
        page.wait_for_function("([i, w]) => { const t = document.querySelectorAll('.md-search-result__item')[i];"
                               " return t && [...t.querySelectorAll('mark')].some(m => m.innerText === w); }",
                               arg=[pages.index(wanted), marked], timeout=10_000)
        # typed to its end (a space after it): the word alone, no term it starts
        assert [site_path(h, served_site) for h in search(page, query + " ")] == []


@pytest.mark.browser
@pytest.mark.parametrize(("query", "found", "not_found", "wrong"), [
    # typed whole and held by a page: no syllable on its way to another (알<mark>아낼</mark>, 유<mark>지되</mark>도록)
    ("아내", "/cases/2026-0008/", "/records/", "<mark>아낼"),
    ("지도", "/cases/2026-0006/", "/guide/", "<mark>지되"),
    ("지도", "/cases/2026-0006/", "/privacy/", "열<mark>지도"),  # (열지도 따라가지도 않습니다: verbs)
    # a noun is no other word sharing one of its bigrams ("재활 운동을 배우기 시작함": 배우 of 배우자)
    ("배우자", "/cases/2026-0005/", "/cases/2026-0006/", None),
    ("배우자 ", "/cases/2026-0005/", "/cases/2026-0006/", None),
    ("남편", "/cases/2026-0013/", "/cases/2026-0006/", None),
])
def test_a_word_typed_whole_is_no_other_word_it_shares_a_syllable_with(
        browser: Browser, served_site: str, query: str, found: str, not_found: str, wrong: str | None) -> None:  # noqa: F811
    """A tester: `아내` found the records page by "알<mark>아낼</mark> 수 있는", `지도` marked the guide's
    "유<mark>지되</mark>도록" (the word being typed read as a syllable on its way to 아낼, 지되), and
    `배우자`, `남편`, `아내` (배우자, another name) found 2026-0006 by "재활 운동을 배우기 시작함", nothing
    marked (배우, one of 배우자's two bigrams). The word still finds what it says."""
    got = _teasers(browser, served_site, query)
    locations = [location for location, _ in got]
    assert found in locations and not_found not in locations, got
    assert wrong is None or not any(wrong in text for _, text in got), got


@pytest.mark.browser
@pytest.mark.parametrize(("query", "found", "not_found"), [
    # another name: the pages of 국민취업지원제도, not those of 지원 (긴급지원) or 제도 alone
    ("국취", {"/cases/2026-0002/", "/resources/gaon-job-center/"}, {"/cases/2026-0012/", "/cases/2026-0008/"}),
    # 고용센터: not "고용 욕구" alone, nor 고용 and a 센터 anywhere (욕구 영역: 고용 · 경제 of the 자활센터, or
    # 2026-0001's 행정복지센터); 치매검사: not "청력 검사"; 재활운동: not "재활용"
    ("고용센터", {"/resources/gaon-job-center/", "/cases/2026-0002/"},
     {"/cases/2026-0009/", "/resources/gaon-self-sufficiency-center/", "/cases/2026-0001/", "/cases/2026-0006/"}),
    ("치매검사 ", {"/resources/gaon-health-center/"}, {"/cases/2026-0014/", "/resources/gaon-mental-health-center/"}),
    ("재활운동 ", {"/cases/2026-0006/", "/resources/gaon-health-center/"}, {"/resources/gaon-self-sufficiency-center/"}),
    # written apart, or with a part of it only where no page holds it whole (고혈압 약)
    ("고혈압약", {"/cases/2026-0005/"}, set()),
    # a count of one digit: not a lone 개 (기록 83개, 10개 영역)
    ("3개 ", set(), {"/", "/needs/", "/editors/"}),
    ("4인 가구", {"/cases/2026-0013/"}, set()),
])
def test_a_long_word_or_a_name_is_found_by_no_part_of_it_alone(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                                found: set[str], not_found: set[str]) -> None:
    """A probe: `국취` gave 27 results, most by 지원, 제도 or 취업, one bigram of 국민취업지원제도; `고용센터` found
    "고용 욕구", `치매검사` 7 pages by 검사 alone, `3개` every page of a lone 개. A noun of four syllables or
    more is held whole (joined, or apart: 재활 운동), or by two bigrams where no page holds it so; another
    name of it whole; a count of one digit as the count."""
    _finds_first(browser, served_site, query, found, not_found)


def _finds_first(browser: Browser, site: str, query: str, found: set[str], not_found: set[str]) -> None:  # noqa: F811
    """`query` typed into the site's search box: `found` are its first results, none of `not_found` among them."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(site)
        pages = [site_path(h, site) for h in search(page, query)]
    assert found <= set(pages) and not (not_found & set(pages)), pages
    assert set(pages[:len(found)]) == found, pages


@pytest.mark.browser
@pytest.mark.parametrize(("query", "found", "not_found"), [
    # a case number's tail: not the phone numbers whose parts joined start with it (02-000-3456)
    ("0003", {"/cases/2026-0003/"}, {"/resources/gaon-self-sufficiency-center/"}),
    ("0001", {"/cases/2026-0001/"}, {"/resources/gaon-dv-counselling/"}),
    ("0002", {"/cases/2026-0002/"}, {"/resources/gaon-job-center/", "/resources/gaon-mental-health-center/"}),
    # a noun of three syllables no page holds: not a page of one of its bigrams (청소를, 적당한지)
    ("청소년", set(), {"/cases/2026-0005/", "/resources/haneul-church-volunteers/"}),
    ("한지윤", set(), {"/privacy/"}),
    # particles typed apart: nothing (이<mark>으려</mark>면, 방문건<mark>강</mark>관리)
    ("을", set(), {"/records/", "/cases/2026-0001/"}),
    # 열람 (access): not 여름 (summer) of 2026-0006, read as the same verb's noun form (여르다)
    ("열람 제한", {"/cases/2026-0010/", "/records/", "/guide/"}, {"/cases/2026-0006/"}),
    # a particle after letters: ID, not the 나 of 나가는, 나를 (2026-0004, the neighbours' group)
    ("ID나", {"/privacy/", "/records/", "/guide/"}, {"/cases/2026-0004/", "/resources/naraedong-neighbors/"}),
    # a verb of -기도 하다 no page says: nothing, not the pages of 했다 (typed last) and 위기도
    ("울기도 했다", set(), {"/cases/2026-0009/", "/cases/2026-0001/"}),
    ("은 는 이 가", set(), {"/resources/gaon-health-center/", "/cases/2026-0001/"}),
    # -word excludes the pages holding it, +word keeps only those
    ("긴급지원 -주거", {"/cases/2026-0008/", "/cases/2026-0013/"}, {"/cases/2026-0006/", "/resources/naraedong-welfare-team/"}),
    ("주거 +긴급지원", {"/cases/2026-0006/", "/resources/naraedong-welfare-team/"}, {"/resources/gaon-housing-welfare-center/"}),
])
def test_a_query_finds_the_pages_holding_what_it_says(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                     found: set[str], not_found: set[str]) -> None:
    """A probe: `0003` found "대표 전화: 02-000-3456" (the word being typed, the start of 0003456, that
    phone number's parts joined), `청소년` the pages of 청소, `을` and `은 는 이 가` 6 and 48 pages marking
    으려, 강, 간, `긴급지원 -주거` the pages of 주거 first. A tester: `열람 제한` listed 2026-0006 by "여름
    침수", `ID나` the pages of 나가는 and 나를, `울기도 했다` ten pages of 했다 marking 위<mark>기도</mark>."""
    _finds_first(browser, served_site, query, found, not_found)


@pytest.mark.browser
@pytest.mark.parametrize(("query", "first", "below"), [
    ("자활센터 초기상담에 동행했다", "/cases/2026-0001/", "/resources/gaon-self-sufficiency-center/"),
    ("방문건강관리 연계", "/cases/2026-0001/", "/cases/2026-0014/"),
])
def test_a_page_saying_the_query_in_one_sentence_ranks_above_one_holding_its_words_apart(
        browser: Browser, served_site: str, query: str, first: str, below: str) -> None:  # noqa: F811
    """A probe: `자활센터 초기상담에 동행했다` ranked the centre's page ("... 동행하면") above the record
    saying "자활센터 초기상담에 동행했다.", `방문건강관리 연계` 2026-0014 (의뢰, no 연계) above "보건소
    방문건강관리에 연계했다." (a sentence of the page's rest shard, not of its kept ones)."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
    assert first in pages and below in pages and pages.index(first) < pages.index(below), pages
    assert pages.index(first) <= 1, pages


@pytest.mark.browser
@pytest.mark.parametrize(("query", "wanted", "wrong"), [
    # the keyboard mid-syllable: the start of a word (주거, 주간), not the word 주 of "주 2회"
    ("주ㄱ", re.compile(r"<mark>(주[가-깋]|죽)"), re.compile(r"<mark>주</mark>")),
    # a day: the dates of that day, marked, not any page with a 15 and the word 일
    ("15일", re.compile(r"<mark>[^<]*15"), re.compile(r"^(?!.*<mark>)")),
    # a one-syllable word after others: not the start of 낮, 낱; nor a syllable inside another word
    ("보청기가 고장 나", re.compile(r"<mark>보청기가</mark>"), re.compile(r"<mark>[낮낱]|[가-힣]<mark>나</mark>")),
    ("힘들어함", re.compile(r"<mark>힘들"), re.compile(r"<mark>들어")),
    # letters and a particle: the ID of "ID나", not the id of link-outside, nor 나
    ("ID나", re.compile(r"<mark>ID</mark>나"), re.compile(r"[A-Za-z]<mark>|</mark>[A-Za-z]|<mark>나")),
])
def test_a_snippet_marks_what_the_query_found_it_by(browser: Browser, served_site: str, query: str,  # noqa: F811
                                                    wanted: re.Pattern[str], wrong: re.Pattern[str]) -> None:
    """A probe: `주ㄱ` gave the 16 pages of "<mark>주</mark> 2회" (ㄱ dropped: NFKC makes it U+1100, which
    no pattern read), `15일` 11 pages with nothing marked, `보청기가 고장 나` "위기도: <mark>낮</mark>음" and
    "경로당이<mark>나</mark>", `힘들어함` "예를 <mark>들어</mark>"."""
    got = _teasers(browser, served_site, query)
    assert got and wanted.search(got[0][1]), got
    assert not any(wrong.search(text) for _, text in got), got


@pytest.mark.browser
@pytest.mark.parametrize(("query", "sentences", "want"), [
    ("지도", ["사례집 밖을 가리키는 링크는 열지도 따라가지도 않습니다"], "사례집 밖을 가리키는 링크는 열지도 따라가지도 않습니다"),
    ("지도", ["열지도 않은 방문건강관리와 복약지도"], "열지도 않은 방문건강관리와 복약<mark>지도</mark>"),
    ("반지하를", ["지금 사는 반지하 방은 곰팡이"], "지금 사는 <mark>반지하</mark> 방은 곰팡이"),
    ("지하", ["지금 사는 반지하 방은 곰팡이"], "지금 사는 반<mark>지하</mark> 방은 곰팡이"),
    ("65세", ["1965년생, 650명 중 만 65세 이상"], "1965년생, 650명 중 만 <mark>65세</mark> 이상"),
    # a verb's form in -기도 하다 for the verb typed; not 기도 (prayer) inside it
    ("울었다", ["아이가 울기도 하고 웃기도 했다"], "아이가 <mark>울기도</mark> 하고 웃기도 했다"),
    ("기도", ["아이가 울기도 하고 웃기도 했다"], "아이가 울기도 하고 웃기도 했다"),
    ("울었다", ["아이가 울기까지 했다"], "아이가 <mark>울기까지</mark> 했다"),
    ("먹었다", ["밥을 먹기조차 못했다"], "밥을 <mark>먹기조차</mark> 못했다"),
    ("기까지", ["아이가 울기까지 했다"], "아이가 울기까지 했다"),
    # letters as a run of their own: not inside another
    ("id", ["링크는 link-outside 경고, ID나 주소"], "링크는 link-outside 경고, <mark>ID</mark>나 주소"),
])
def test_a_snippet_marks_the_word_not_another_holding_its_syllables(
        browser: Browser, served_site: str, built_site: Path, query: str, sentences: list[str], want: str) -> None:  # noqa: F811
    """A probe: `지도` marked "열<mark>지도</mark> 따라가<mark>지도</mark> 않습니다" (verbs with 도 read as the noun
    지도), `반지하를` "<mark>반지</mark>하" (반지하 cut as 반지 and the light verb 하)."""
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        assert page.evaluate(SNIPPET_JS, [config, sentences, query]) == want


def _tiny_site(root: Path, pages: dict[str, str]) -> Path:
    """A site of `pages` (location -> its article's text, a paragraph a line; "" the home page, which
    names the worker as casekit's pages do), its index built as `casekit build` builds it."""
    for location, text in pages.items():
        body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
        folder = root / location
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(
            f'<html><body><script>"{WORKER}"</script><article><h1>{html.escape(location or "home")}</h1>{body}'
            "</article></body></html>", encoding="utf-8")
    assert build_search_index(root)["pages"] == len(pages)
    return root


_RANKED_JS = """
async ([config, queries]) => {
  const src = await (await fetch('assets/casekit/search-worker.js')).text();
  const make = new Function('self', 'addEventListener', 'postMessage',
    src + '; return m => { manifest = m; return { search, fetchJSON }; };');
  const w = make({location: location}, () => {}, () => {})(config);
  const out = [];
  for (const q of queries) {
    const hits = await w.search(q);
    const ranked = hits ? hits.ranked : [];
    out.push(await Promise.all(ranked.map(async r => {
      const shard = await w.fetchJSON('d-' + Math.floor(r.doc / config.docs_per_shard) + '.json');
      return shard[r.doc % config.docs_per_shard][0];
    })));
  }
  return out;
}
"""


def _ranked(browser: Browser, site: Path, queries: list[str]) -> list[list[str]]:  # noqa: F811
    """The locations the worker ranks for each of `queries` on `site`, best first."""
    config = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    with serve(site) as base, open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(base)
        return cast("list[list[str]]", page.evaluate(_RANKED_JS, [config, queries]))


@pytest.mark.browser
def test_a_compound_or_a_verb_is_found_as_written_not_by_its_parts_anywhere(browser: Browser,  # noqa: F811
                                                                            tmp_path: Path) -> None:
    """A tester: `고용센터` ranked pages holding 고용 and 센터 apart (far from each other) among those of the
    compound, `동의서` missed "동의 서" written apart, and `울기도 했다` found no page of 울었다, only those of
    했다 (the word being typed) and 위기도. The compound typed joined finds it joined, then written apart
    side by side, and no page where its parts merely stand (nor 동의 서류: see test_search_forms); the
    verb of -기도 하다 finds the verb's forms, and a page saying 울기도 하고 is found by 울었다."""
    site = _tiny_site(tmp_path / "site", {
        "": "사례집 첫 쪽입니다.",
        "joined/": "가온 고용센터에 연계했다.",
        "apart/": "가온 고용 센터에 연계했다.",
        "far/": "고용 욕구가 있어 가온 자활센터에 연계했다.",
        "form/": "사례관리 동의서를 받았다.",
        "form-apart/": "정보 제공 동의 서 작성을 도왔다.",
        "papers/": "동의 서류를 모두 냈다.",
        "cried/": "아이가 밤새 울었다.",
        "cried-too/": "아이가 울기도 하고 웃기도 했다.",
        "crisis/": "위기도 높음. 다시 상담하기로 했다.",
    })
    joined, consent, cried, cried_too = _ranked(browser, site, ["고용센터", "동의서", "울기도 했다", "울었다"])
    assert joined == ["joined/", "apart/"], joined
    assert set(consent) == {"form/", "form-apart/"} and consent[0] == "form/", consent
    assert set(cried) == {"cried/", "cried-too/"}, cried
    assert set(cried_too) == {"cried/", "cried-too/"}, cried_too


@pytest.mark.browser
def test_a_verb_is_found_by_its_forms_not_by_a_reu_verb_or_a_noun_in_gi(browser: Browser,  # noqa: F811
                                                                       tmp_path: Path) -> None:
    """A probe: `열라고` (telling to open) ranked the page of "여름" (summer) and not that of "열었다";
    `놀라` (surprised) ranked "놀러 갔다" (went to play) and not "놀람"; `울기까지 했다` and `먹기조차 못했다`
    found no page of 울었다, 먹었다 (read as the nouns 울기, 먹기), nor 울었다 and 먹었다 a page saying so;
    `오라고` (told to come) found "월세가 올랐다" (오르다) and not "왔다", `먹으라고` no page of 먹었다, and
    `놀란` (surprised) none of 놀랐다."""
    site = _tiny_site(tmp_path / "site", {
        "": "사례집 첫 쪽입니다.",
        "summer/": "여름 침수 피해가 컸다.",
        "opened/": "문을 열었다.",
        "told/": "문을 열라고 했다.",
        "surprised/": "아이가 놀랐다.",
        "startled/": "놀람이 컸다.",
        "played/": "친구와 놀러 갔다.",
        "cried/": "아이가 밤새 울었다.",
        "cried-even/": "아이가 울기까지 했다.",
        "ate/": "밥을 먹었다.",
        "not-even/": "밥을 먹기조차 못했다.",
        "winter/": "동절기까지 지원한다. 전기조차 끊겼다.",
        "rent-up/": "월세가 올랐다.",
        "came/": "집에 왔다.",
    })
    got = dict(zip(queries := ["열라고", "여름", "놀라", "울기까지 했다", "울었다", "먹기조차 못했다", "먹었다",
                               "오라고", "먹으라고", "놀란"],
                   _ranked(browser, site, queries), strict=True))
    # 오라고, 먹으라고 (told to come, to eat): 오다's and 먹다's, not 오르다's; 놀란 (surprised): 놀라다's
    # (then 열라고's page, by its 라고)
    assert got["오라고"][0] == "came/" and "rent-up/" not in got["오라고"], got
    assert set(got["먹으라고"][:2]) == {"ate/", "not-even/"}, got
    assert set(got["놀란"]) == {"surprised/", "startled/"}, got
    assert set(got["열라고"]) == {"told/", "opened/"} and got["여름"] == ["summer/"], got
    assert set(got["놀라"]) == {"surprised/", "startled/"}, got
    assert set(got["울기까지 했다"]) == {"cried/", "cried-even/"}, got
    assert set(got["먹기조차 못했다"]) == {"ate/", "not-even/"}, got
    assert {"cried-even/"} <= set(got["울었다"]) and {"not-even/"} <= set(got["먹었다"]), got
    assert "winter/" not in {p for ranked in got.values() for p in ranked}, got


@pytest.mark.browser
def test_a_number_with_a_dot_being_typed_is_the_start_of_that_number(browser: Browser, served_site: str) -> None:  # noqa: F811
    """A tester: `1.5` typed as the last word gave 15 results (15세, 자원 15곳, dates ending -15), `0.5`
    11 (dates -05-), none marked, and with a space after it none: the word being typed was the start
    of terms with its dot dropped (15, 05). The index holds a number with a dot as written (1.6.1 of
    the privacy page's 버전(1.6.1)), and so the word being typed is looked for."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        for query in ("1.5", "0.5", "1.5 "):
            assert search(page, query) == [], query
        assert [site_path(h, served_site) for h in search(page, "1.6")] == ["/privacy/"]
        page.wait_for_function("() => { const t = document.querySelector('.md-search-result__item');"
                               " return t && [...t.querySelectorAll('mark')].some(m => m.innerText === '1.6'); }",
                               timeout=10_000)


@pytest.mark.browser
@pytest.mark.slow
def test_a_page_holding_the_word_being_typed_ranks_above_one_holding_a_longer_term(
        browser: Browser, served_site: str, built_site: Path) -> None:  # noqa: F811
    """`on` typed (a word of the sample's guide pages, and the start of `one`): the pages holding
    on come first, then those holding only a term it starts."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, "on", top=100)]
    exact = {p for p in (f"/{loc}" for loc in _locations(built_site, "on")) if p in pages}
    assert exact and len(pages) > len(exact), pages
    assert set(pages[:len(exact)]) == exact, (pages, exact)


def _locations(site: Path, term: str) -> list[str]:
    ck = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    shard = json.loads((site / SHARD_DIR / f"t-{shard_of(term, ck['term_shards'])}.json").read_text(encoding="utf-8"))
    docs = _docs(site)
    return [docs[d][0] for d in shard.get(term, [])[::2]]


@pytest.fixture(scope="module")
def site_1000(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_site(tmp_path_factory.mktemp("scale"), 1000)


def _first_screen() -> int:
    """The worker's FIRST_SCREEN: how many results it shows before the list is scrolled."""
    worker = (REPO / "casekit" / "site" / "assets" / "search-worker.js").read_text(encoding="utf-8")
    found = re.search(r"^const FIRST_SCREEN = (\d+);", worker, re.M)
    assert found, "search-worker.js no longer says FIRST_SCREEN"
    return int(found.group(1))


@pytest.mark.browser
@pytest.mark.slow
def test_first_result_at_1000_cases(browser: Browser, site_1000: Path) -> None:  # noqa: F811
    """Each query in a fresh browser context (nothing cached), at 1,000 cases. What makes the first
    result as quick at 1,000 cases as at 14 is what it waits for, which the test holds exactly (what
    the worker fetched before it posted the first results, in its own order): the query's term
    shards, the doc shards of the first screen and at most as many rest shards, nothing of the other
    results; and at most SCALE_BYTES downloaded. Its time (0.38-0.48 s on a quiet
    machine, `python -m tests.test_search_ko --scale 1000`) is held only to SCALE_CEILING, the best of
    SCALE_TRIES tries: beside the suite's own load the same query took 0.47-1.86 s, and a bound of
    2.5x the sample's time measured in the same run failed a clean CI at 1.07 s against 1.03 s."""
    screen = _first_screen()
    for query in ("주거 지원", "채무독촉", "상담하였음"):
        tries = [measure_first_result(browser, site_1000, query, 1000)]
        while min(t.seconds for t in tries) >= SCALE_SECONDS and len(tries) < SCALE_TRIES:
            tries.append(measure_first_result(browser, site_1000, query, 1000))
        for t in tries:
            assert t.bytes_total <= SCALE_BYTES, t
            assert t.shards_before("t") >= 1, t
            assert 1 <= t.shards_before("d") <= screen and t.shards_before("r") <= screen, t
            assert all(name.split("-")[0] in {"t", "d", "r"} for name in t.before), t
        assert min(t.seconds for t in tries) < SCALE_CEILING, tries


if __name__ == "__main__":
    from tests.search_measure import main

    main(sys.argv)


# The first results' pages and teasers (their HTML, the fragment's span left out), once the worker's
# second answer has come (read until two reads 400 ms apart agree)
_TEASERS_JS = """
() => [...document.querySelectorAll('.md-search-result__item')].slice(0, 10).map(it => [
  (it.querySelector('a.md-search-result__link') || {}).href || '',
  (() => { const a = it.querySelector('.md-search-result__article').cloneNode(true);
    a.querySelectorAll('h1, h2, .md-search-result__icon, nav, .md-search-result__terms').forEach(x => x.remove());
    return a.innerHTML.replace(/<span class="ck-at"[^>]*><\\/span>/, '').trim(); })()])
"""


def _teasers(browser: Browser, base: str, query: str) -> list[tuple[str, str]]:  # noqa: F811
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(base)
        search(page, query)
        got: list[list[str]] = []
        for _ in range(25):
            page.wait_for_timeout(400)
            now = page.evaluate(_TEASERS_JS)
            if now == got:
                break
            got = now
    return [(site_path(href, base), text) for href, text in got]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("query", [f"{dt.date.today().month}월", f"{dt.date.today():%Y-%m}", "이번 달", "지난달 점검"])
def test_the_sites_bookkeeping_dates_are_neither_shown_nor_marked_for_a_month(
        browser: Browser, served_site: str, query: str) -> None:  # noqa: F811
    """A tester on the sample built 2026-12-07: `12월`, `2026-12`, `이번 달` showed "… 기준일
    <mark>2026-12-07</mark>" and `지난달 점검` "마지막 변경: <mark>2026-11-22</mark>" (the site's
    bookkeeping, `data-search-nodate`), and the records' own December dates were never shown. A date so
    marked is neither the sentence a snippet is chosen for nor marked; the invisible mark that says so
    is not shown."""
    got = _teasers(browser, served_site, query)
    assert got, query
    for location, text in got:
        assert not re.search(r"(기준일|변경:|만든 날) <mark>", text), (location, text)
        assert "\u2060" not in text, (location, text)
    assert sum("<mark>" in text for _, text in got) >= min(3, len(got)), got


def test_a_noun_of_two_syllables_ending_as_a_particle_does_is_looked_for_whole() -> None:
    """`회의` was also 회 and the particle 의 (and `제도` 제 and 도, `애도` 애, with 애's other words):
    where the index holds the word whole (`whole`), it is looked for whole only; a one-syllable noun
    and a particle that ends no noun (약을), or one the syllable before does not fit (빚이), is as before."""
    assert search_ko.query_terms("회의") == [("회의", ["회의", "회"])]  # (the index not asked)
    held = {"회의", "제도", "애도", "약을", "빚이", "아이"}
    assert search_ko.query_terms("회의", whole=held) == [("회의", ["회의"])]
    assert search_ko.query_terms("회의를", whole=held) == [("회의를", ["회의"])]
    assert search_ko.query_terms("사례 회의", whole=held) == [("사례", ["사례"]), ("회의", ["회의"])]
    assert search_ko.query_terms("제도", whole=held) == [("제도", ["제도", "제다"])]
    assert search_ko.query_terms("애도", whole=held) == [("애도", ["애도", "애다"])]  # (not 애: 아이, 아동, 자녀)
    assert search_ko.query_terms("아이", whole=held) == [("아이", ["아이", "아동", "자녀"])]  # (its own other words)
    assert search_ko.query_terms("약을", whole=held) == search_ko.query_terms("약을") == [("약을", ["약을", "약"])]
    assert search_ko.query_terms("빚이", whole=held) == search_ko.query_terms("빚이")
    assert search_ko.query_terms("제도", whole={"회의"}) == search_ko.query_terms("제도")  # not held: as before


_WHOLE_JS = """
async ([words, config, whole]) => {
  const src = await (await fetch('assets/casekit/search-worker.js')).text();
  const make = new Function('self', 'addEventListener', 'postMessage',
    src + '; return m => { manifest = m; return queryTerms; };');
  const queryTerms = make({location: location}, () => {}, () => {})(config);
  return words.map(w => queryTerms(w, [2026, 1, 1], new Set(whole)).map(x => [x.word, x.terms]));
}
"""


@pytest.mark.browser
def test_worker_looks_for_a_held_noun_whole_like_python(browser: Browser, served_site: str,  # noqa: F811
                                                         built_site: Path) -> None:  # noqa: F811
    words = ["회의", "회의를", "사례 회의", "제도", "애도", "아이", "약을", "빚이", "정도", "태도", "의의", "평가", "효과"]
    held = ["회의", "제도", "애도", "약을", "빚이", "아이", "정도", "의의", "평가"]
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        js = page.evaluate(_WHOLE_JS, [words, config, held])
    for word, got in zip(words, js, strict=True):
        want = [[w, list(dict.fromkeys(ts))] for w, ts in search_ko.query_terms(word, config["years"], NEW_YEAR, set(held))]
        assert got == want, f"{word}: browser {got}, python {want}"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "wrong", "right"), [
    # a noun ending as a particle does, cut as if it were one: its first syllable marked alone
    ("회의", r"[0-9]<mark>회</mark>|<mark>회</mark>의", "사례<mark>회의</mark>"),
    ("사례 회의", r"<mark>사례회</mark>의|[0-9]<mark>회</mark>", "<mark>사례회의</mark>"),
    ("제도", r"<mark>제</mark>(?!도)", "<mark>제도"),
    # another name's parts marked as if typed
    ("국취", r"<mark>국민취업지원제</mark>도", "<mark>국민취업지원제도</mark>"),
    ("긴급지원", r"<mark>복지|복지</mark>", "<mark>긴급지원</mark>"),
    ("동사무소", r"<mark>주민</mark>", "<mark>행정복지센터</mark>"),
    ("고용센터", r"<mark>(지원|센터)</mark>", "<mark>고용센터</mark>"),
])
def test_a_snippet_marks_a_word_whole_not_a_syllable_or_another_names_parts(
        browser: Browser, served_site: str, query: str, wrong: str, right: str) -> None:  # noqa: F811
    """A tester: `회의` showed "사례<mark>회</mark>의 2<mark>회</mark>" (and 2026-0012's "별도 사례회의
    없이" nothing marked), `제도` "<mark>제</mark> 말은", `국취` "<mark>국민취업지원제</mark>도", `긴급지원`
    (긴급복지) the 복지 of 행정복지센터, `동사무소` (주민센터) "주민등록 주민", `고용센터` 지원 and 센터.
    A word is marked whole (회의 inside 사례회의 too), another name as a whole, never their parts apart."""
    got = _teasers(browser, served_site, query)
    assert got, query
    bad = [(location, text) for location, text in got if re.search(wrong, text)]
    assert not bad, bad
    assert any(right in text for _, text in got), got
