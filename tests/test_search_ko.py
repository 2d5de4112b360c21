"""Korean search on the casebook site, measured through Material's real search in Chromium.

The query set is tests/search_queries.yml. `test_korean_search_recall` types every query into
the search box of the built sample site and counts a query as found when every expected page
is among the results Material shows first (ten). It prints the table and asserts >= 90%.

Compare the configurations that were tried (one build, the index rewritten per variant):

    .venv/bin/python -m tests.test_search_ko --compare          # a, b, c, d
    PYTHONPATH=/path/to/kiwipiepy .venv/bin/python -m tests.test_search_ko --compare --kiwi
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from casekit import search_ko
from casekit.search_ko import SEPARATOR, expand_search_index, hangul_suffixes, strip_particle
from tests.browser_support import (  # noqa: F401  (browser, built_site, served_site are fixtures)
    TOP_N,
    Query,
    browser,
    build_sample,
    built_site,
    format_table,
    load_queries,
    mean_reciprocal_rank,
    open_context,
    recall,
    run_queries,
    serve,
    served_site,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "search_queries.yml"
REPO = HERE.parent
TARGET_RECALL = 0.90


# --------------------------------------------------------------------------------------------
# The pieces, without a browser


@pytest.mark.parametrize(
    ("typed", "stem"),
    [
        ("주거지원을", "주거지원"),
        ("정신건강복지센터에서", "정신건강복지센터"),
        ("일자리를", "일자리"),
        ("법률홈닥터와", "법률홈닥터"),
        ("보건소에서", "보건소"),
        ("할머니가", "할머니"),
        ("어르신들에게", "어르신"),
        ("집으로", "집"),
        ("아이", "아이"),  # two syllables: a single-syllable particle is not cut
        ("회의", "회의"),
        ("사례회의", "사례회"),  # over-cut on the query side only: still a prefix of 사례회의
        ("주거", "주거"),
        ("G1을", "G1을"),  # not all Hangul: left alone
        ("을", "을"),
    ],
)
def test_strip_particle(typed: str, stem: str) -> None:
    assert strip_particle(typed) == stem


def test_hangul_suffixes_are_parts_of_shown_words() -> None:
    assert hangul_suffixes("가온주거복지센터") == ["온주거복지센터", "주거복지센터", "거복지센터", "복지센터", "지센터", "센터"]
    assert hangul_suffixes("기초푸드뱅크·푸드마켓 G1") == [
        "초푸드뱅크", "푸드뱅크", "드뱅크", "뱅크", "드마켓", "마켓",
    ]
    assert hangul_suffixes("주거 위기") == []  # two-syllable words have no shorter suffix to add


def _fake_index(tmp_path: Path, separator: str = search_ko.DEFAULT_SEPARATOR) -> Path:
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    data = {
        "config": {"lang": ["en"], "separator": separator, "pipeline": [" "],
                   "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}},
        "docs": [
            {"location": "resources/gaon-food-bank/", "title": "가온구 기초푸드뱅크·푸드마켓",
             "text": "<p>사례관리 기관의 추천서로 &lt;푸드마켓&gt; 이용</p>"},
            {"location": "cases/", "title": "Cases", "text": "2026-0001"},
        ],
    }
    (site / "search" / "search_index.json").write_text(json.dumps(data), encoding="utf-8")
    return site


def test_expand_search_index(tmp_path: Path) -> None:
    site = _fake_index(tmp_path)
    stats = expand_search_index(site)
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["config"]["separator"] == SEPARATOR
    for name, boost in search_ko.FIELDS.items():
        assert data["config"]["fields"][name] == {"boost": boost}
    food = data["docs"][0]
    assert food["ko_title"].split() == ["온구", "초푸드뱅크", "푸드뱅크", "드뱅크", "뱅크", "드마켓", "마켓"]
    assert "관리" in food["ko"].split() and "드마켓" in food["ko"].split()  # 사례관리, <푸드마켓>
    assert "푸드뱅크" not in food["ko"].split()  # the text never says it
    assert "ko" not in data["docs"][1] and "ko_title" not in data["docs"][1]  # nothing Korean, nothing added
    assert stats["entries"] == 2
    assert stats["suffixes"] == len(food["ko"].split()) + len(food["ko_title"].split())
    # Idempotent.
    before = (site / "search" / "search_index.json").read_bytes()
    expand_search_index(site)
    assert (site / "search" / "search_index.json").read_bytes() == before


def test_expand_search_index_keeps_a_users_separator(tmp_path: Path) -> None:
    site = _fake_index(tmp_path, separator=r"[\s]+")
    expand_search_index(site)
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["config"]["separator"] == r"[\s]+"


def test_expand_search_index_without_search(tmp_path: Path) -> None:
    assert expand_search_index(tmp_path)["entries"] == 0


def _search_plugin_options(mkdocs_yml: Path) -> dict[str, Any] | None:
    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use !ENV and other tags; they are irrelevant here.
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Loader) or {}
    for plugin in config.get("plugins") or []:
        if plugin == "search":
            return {}
        if isinstance(plugin, dict) and "search" in plugin:
            return plugin["search"] or {}
    return None


def test_sample_mkdocs_yml_uses_the_korean_separator() -> None:
    """One source of truth: the sample's search entry carries casekit.search_ko.SEPARATOR."""
    options = _search_plugin_options(REPO / "mkdocs.yml")
    assert options is not None, "mkdocs.yml has no search plugin entry"
    assert options.get("separator") == SEPARATOR


# --------------------------------------------------------------------------------------------
# The query set is honest: its words are on the expected pages of the built site


def _page_text(site: Path, path: str) -> str:
    file = site / path.strip("/") / "index.html"
    assert file.is_file(), f"expected page {path} does not exist in the built site"
    markup = file.read_text(encoding="utf-8")
    main = re.search(r"<article\b.*?</article>", markup, re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", main.group(0) if main else markup))


@pytest.mark.slow
def test_query_set_is_realistic_and_honest(built_site: Path) -> None:  # noqa: F811
    queries = load_queries(QUERIES)
    assert len(queries) >= 30
    assert len({q.query for q in queries}) == len(queries), "duplicate queries"
    with_particles = [q for q in queries if any(strip_particle(w) != w for w in q.query.split())]
    assert len(with_particles) >= 5, "keep queries typed with particles attached"
    problems = []
    for q in queries:
        for path in q.expect:
            shown = _page_text(built_site, path)
            for word in q.query.split():
                if strip_particle(word) not in shown:
                    problems.append(f"{q.query!r}: {strip_particle(word)!r} is not shown on {path}")
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_search_index_holds_only_what_pages_show(built_site: Path) -> None:  # noqa: F811
    data = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["config"]["separator"] == SEPARATOR
    for name in search_ko.FIELDS:
        assert name in data["config"]["fields"], "casekit.search_ko.expand_search_index did not run"
    expanded = 0
    for entry in data["docs"]:
        title = html.unescape(re.sub(r"<[^>]+>", " ", entry.get("title", "")))
        text = " ".join([html.unescape(re.sub(r"<[^>]+>", " ", entry.get("text", ""))), *entry.get("tags", [])])
        for name, shown in (("ko", text), ("ko_title", title)):
            runs = re.findall(r"[가-힣]+", shown)
            for form in entry.get(name, "").split():
                assert any(run.endswith(form) and run != form for run in runs), (
                    f"{entry['location']}: {name} {form!r} is not part of a word the entry shows"
                )
                expanded += 1
    assert expanded > 0


# --------------------------------------------------------------------------------------------
# In the browser


@pytest.mark.browser
@pytest.mark.slow
def test_browser_separator_cuts_particles_like_strip_particle(browser: Browser, served_site: str) -> None:  # noqa: F811
    """The separator is a JavaScript regex in the browser; it must cut what strip_particle cuts."""
    words = sorted({w for q in load_queries(QUERIES) for w in q.query.split()}
                   | {"아이", "회의", "사례회의에서", "집으로", "어르신들에게", "생계·주거급여", "가족센터(건강가정지원센터)"})
    with open_context(browser) as (context, log):
        page = context.new_page()
        page.goto(served_site)
        cuts = page.evaluate(
            """([separator, words]) => words.map(word => {
                 const re = new RegExp(separator, 'g'); const parts = []; let index = 0, m;
                 while ((m = re.exec(word)) !== null) {
                   if (m.index > index) parts.push(word.slice(index, m.index));
                   index = m.index + m[0].length;
                   if (m[0].length === 0) re.lastIndex = m.index + 1;
                 }
                 if (index < word.length) parts.push(word.slice(index));
                 return parts;
               })""",
            [SEPARATOR, words],
        )
        assert log.foreign() == []
    for word, parts in zip(words, cuts, strict=True):
        if re.fullmatch(r"[가-힣]+", word):
            assert parts == [strip_particle(word)], f"{word}: browser {parts}, python {strip_particle(word)}"
    assert dict(zip(words, cuts, strict=True))["생계·주거급여"] == ["생계", "주거급여"]
    assert dict(zip(words, cuts, strict=True))["가족센터(건강가정지원센터)"] == ["가족센터", "건강가정지원센터"]


@pytest.mark.browser
@pytest.mark.slow
def test_korean_search_recall(browser: Browser, served_site: str, capsys: pytest.CaptureFixture[str],  # noqa: F811
                              tmp_path: Path) -> None:
    queries = load_queries(QUERIES)
    with open_context(browser) as (context, log):
        page = context.new_page()
        page.goto(served_site)
        started = time.monotonic()
        outcomes = run_queries(page, served_site, queries)
        elapsed = time.monotonic() - started
        foreign = log.foreign()
    table = format_table(outcomes, title=f"Korean search over the sample casebook ({len(queries)} queries, "
                                         f"{elapsed:.1f}s, Material search in Chromium)")
    (tmp_path / "search-recall.txt").write_text(table + "\n", encoding="utf-8")
    with capsys.disabled():
        print("\n" + table)
    assert foreign == [], f"search made requests off loopback: {foreign}"
    assert recall(outcomes) >= TARGET_RECALL, f"recall {recall(outcomes):.1%} < {TARGET_RECALL:.0%}\n{table}"


# --------------------------------------------------------------------------------------------
# python -m tests.test_search_ko --compare : the configurations tried, on one build


def _variant(site: Path, *, separator: str | None, lang: list[str] | None = None,
             pipeline: list[str] | None = None, expand: Callable[[Path], Any] | None = None) -> None:
    path = site / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    config = data["config"]
    for name in search_ko.FIELDS:
        config["fields"].pop(name, None)
        for entry in data["docs"]:
            entry.pop(name, None)
    config["separator"] = separator or search_ko.DEFAULT_SEPARATOR
    if lang is not None:
        config["lang"] = lang
    if pipeline is not None:
        config["pipeline"] = pipeline
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if expand is not None:
        expand(site)
        # expand_search_index keeps a non-default separator; restore the variant's.
        data = json.loads(path.read_text(encoding="utf-8"))
        data["config"]["separator"] = separator or search_ko.DEFAULT_SEPARATOR
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _kiwi_expand(site: Path) -> None:
    """Option e: like expand_search_index, but only suffixes that start at a noun found by Kiwi."""
    from kiwipiepy import Kiwi  # type: ignore[import-not-found]

    kiwi = Kiwi()
    expand_search_index(site)
    path = site / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["docs"]:
        for name, shown in search_ko.shown_text(entry).items():
            forms: dict[str, None] = {}
            for run in re.findall(r"[가-힣]+", shown):
                for token in kiwi.tokenize(run):
                    if token.tag.startswith("NN") and 0 < token.start <= len(run) - 2:
                        forms.setdefault(run[token.start:], None)
            entry[name] = " ".join(forms)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def compare(with_kiwi: bool = False) -> list[tuple[str, float, float, int, int]]:
    from playwright.sync_api import sync_playwright

    from tests.browser_support import CHROMIUM, LAUNCH_ARGS

    variants: dict[str, dict[str, Any]] = {
        "a  default (lang en, separator [\\s\\-]+)": {"separator": None},
        "b  lang: [ko] (lunr-languages ko; Material's ko pipeline is empty)": {"separator": None, "lang": ["ko"]},
        "b2 lang: [ko], pipeline: [trimmer, stopWordFilter]": {
            "separator": None, "lang": ["ko"], "pipeline": ["trimmer", "stopWordFilter"]},
        "c  separator = search_ko.SEPARATOR": {"separator": SEPARATOR},
        "d  separator + suffix fields ko, ko_title (search_ko.expand_search_index)": {
            "separator": SEPARATOR, "expand": expand_search_index},
    }
    if with_kiwi:
        variants["e  separator + Kiwi noun-start suffixes (kiwipiepy)"] = {
            "separator": SEPARATOR, "expand": _kiwi_expand}
    queries = load_queries(QUERIES)
    results = []
    with tempfile.TemporaryDirectory(prefix="casekit-search-") as tmp:
        built = build_sample(Path(tmp) / "build")
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            for n, (name, options) in enumerate(variants.items()):
                site = Path(tmp) / f"variant-{n}"
                shutil.copytree(built, site)
                _variant(site, **options)
                with serve(site) as url, open_context(b) as (context, log):
                    page = context.new_page()
                    page.goto(url)
                    outcomes = run_queries(page, url, queries)
                    assert log.foreign() == [], log.foreign()
                print(format_table(outcomes, title=f"\n== {name}"))
                results.append((name, recall(outcomes), mean_reciprocal_rank(outcomes),
                                sum(o.found for o in outcomes), len(outcomes)))
            b.close()
    print(f"\nrecall per configuration ({len(queries)} queries, found = all expected pages in the top {TOP_N}):")
    for name, r, mrr, found, total in results:
        print(f"  {found:3d}/{total}  {r:6.1%}  MRR {mrr:.3f}  {name}")
    return results


if __name__ == "__main__":
    if "--compare" not in sys.argv:
        sys.exit("usage: python -m tests.test_search_ko --compare [--kiwi]")
    compare(with_kiwi="--kiwi" in sys.argv)


__all__ = ["Query", "compare"]
