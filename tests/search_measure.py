"""Measuring Korean search in Chromium: recall on the query sets, and bytes and time to the first result.

Used by tests/test_search_ko.py (which asserts the targets) and run by hand:

    .venv/bin/python -m tests.test_search_ko --compare      # every approach tried, both query sets
    .venv/bin/python -m tests.test_search_ko --scale 1000   # bytes and time to the first result
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from casekit.site.search_index import SHARD_DIR
from tests import search_legacy
from tests.browser_support import (
    TOP_N,
    Outcome,
    build_sample,
    build_site,
    format_table,
    load_queries,
    mean_reciprocal_rank,
    open_context,
    open_search,
    run_queries,
    serve,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
QUERY_SETS = {"project": HERE / "search_queries.yml", "blind": HERE / "search_queries_blind.yml"}


def firsts(path: Path) -> dict[str, str]:
    """Queries whose `first:` page must be the first result."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {item["q"]: item["first"] for item in data["queries"] if item.get("first")}


def found(outcome: Outcome, first: dict[str, str]) -> bool:
    want = first.get(outcome.query.query)
    return outcome.found and (want is None or (bool(outcome.results) and outcome.results[0] == want))


def run_set(page: Page, base: str, path: Path) -> tuple[list[Outcome], float]:
    queries = load_queries(path)
    want = firsts(path)
    outcomes = run_queries(page, base, queries)
    return outcomes, sum(found(o, want) for o in outcomes) / len(outcomes)


# --------------------------------------------------------------------------------------------
# Scale: a synthetic casebook of N cases cloned from the sample (as scripts/bench.py does)


@dataclass
class FirstResult:
    cases: int
    query: str
    bytes_total: int
    bytes_search: int
    seconds: float
    requests: int
    before: tuple[str, ...] = ()  # the files the search worker asked for before it sent the first results

    def shards_before(self, kind: str) -> int:
        """How many of the shards of `kind` (t terms, d docs, r rests) the worker asked for before it
        sent the query's first results."""
        return sum(1 for name in self.before if name.startswith(kind + "-"))


# Installed in casekit's search worker before a query is typed: the addresses it fetches until it
# posts the first results of `q` (RESULT, 3), in the worker's own order. (Requests seen finishing
# before the page showed the first result also held some of the next ones, fetched right after the
# first results were posted, while the page drew them: 11 doc shards of a first screen of 10.)
_WATCH = """q => {
  self.__ckBefore = [];
  let answered = false;
  const fetchOf = self.fetch, postOf = self.postMessage;
  self.fetch = function (url, ...rest) {
    if (!answered) self.__ckBefore.push(String(url));
    return fetchOf.call(this, url, ...rest);
  };
  self.postMessage = function (message, ...rest) {
    if (message && message.type === 3 && message.data && message.data.query === q) answered = true;
    return postOf.call(this, message, ...rest);
  };
}"""


def measure_first_result(browser: Browser, site: Path, query: str, cases: int) -> FirstResult:
    """Open the home page, type `query`, and count every byte fetched until the first result shows
    (and 200 ms after), and what the search worker fetched before it sent the first results."""
    with serve(site) as url, open_context(browser) as (context, log):
        finished: list[tuple[Any, float]] = []
        context.on("requestfinished", lambda r: finished.append((r, time.monotonic())))  # sizes are read afterwards
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        box = page.locator(".md-search__input")
        if box.is_visible():  # desktop: the box is in the header
            box.click()
        else:
            open_search(page)
        worker = next((w for w in page.workers if "search-worker" in w.url), None)
        if worker is not None:  # what it fetches before it answers, in its own order (_WATCH)
            worker.evaluate(_WATCH, query)
        started = time.monotonic()
        box.fill(query)
        box.press("End")
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=30_000)
        shown = time.monotonic()
        seconds = shown - started
        page.wait_for_timeout(200)  # let the last responses report their sizes
        sizes = [(r.url, r.sizes()["responseBodySize"]) for r, _ in finished]
        before = tuple(url.rsplit("/", 1)[-1] for url in worker.evaluate("self.__ckBefore")) if worker else ()
        assert log.foreign() == []
    total = sum(n for _, n in sizes)
    search_bytes = sum(n for u, n in sizes if "/search/" in u or "search-worker" in u)
    return FirstResult(cases, query, total, search_bytes, seconds, len(sizes), before)


def synthetic_site(tmp: Path, cases: int) -> Path:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from bench import make_casebook  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    casebook = make_casebook(tmp / f"cb{cases}", cases)
    # `casekit build`, as the README builds a casebook: most case pages composed into the frame
    # MkDocs rendered (19 s at 1,000 cases on this machine, against 105 s through `mkdocs build`
    # with the plugin, which renders every page; the search index is the same)
    site = tmp / f"site{cases}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "casekit", "build", "--site-dir", str(site)], cwd=casebook,
                          capture_output=True, text=True, timeout=1200, env=env)
    assert proc.returncode == 0 and (site / "index.html").is_file(), (proc.stdout, proc.stderr)
    return site


# --------------------------------------------------------------------------------------------
# python -m tests.test_search_ko --compare : every approach tried, on both sets


def _material_site(tmp: Path) -> Path:
    """The sample built with Material's own lunr search (korean_search: false)."""
    from tests.conftest import copy_casebook

    casebook = copy_casebook(tmp / "casebook-lunr")
    config = casebook / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - casekit\n", "  - casekit:\n      korean_search: false\n", 1)
    config.write_text(text, encoding="utf-8")
    return build_site(casebook, tmp / "site-lunr")


def _lunr_variant(site: Path, *, separator: str | None, lang: list[str] | None = None,
                  pipeline: list[str] | None = None, expand: bool = False) -> None:
    path = site / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["config"]["separator"] = separator or search_legacy.DEFAULT_SEPARATOR
    if lang is not None:
        data["config"]["lang"] = lang
    if pipeline is not None:
        data["config"]["pipeline"] = pipeline
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    if expand:
        search_legacy.expand_search_index(site)


VARIANTS: dict[str, dict[str, Any]] = {
    "a  Material lunr, defaults (lang en, separator [\\s\\-]+)": {"separator": None},
    "b  Material lunr, lang: [ko] (Material 9.8's lunr.ko)": {"separator": None, "lang": ["ko"]},
    "c  Material lunr + particle separator": {"separator": search_legacy.SEPARATOR},
    "d  Material lunr + separator + suffix fields (casekit 0.x)": {"separator": search_legacy.SEPARATOR, "expand": True},
}
CASEKIT = "e  casekit worker: stems + Hangul bigrams, field weights, chunked index"


def _run_sets(b: Browser, site: Path) -> dict[str, tuple[list[Outcome], float]]:
    with serve(site) as url, open_context(b) as (context, log):
        page = context.new_page()
        page.goto(url)
        out = {name: run_set(page, url, path) for name, path in QUERY_SETS.items()}
        assert log.foreign() == [], log.foreign()
    return out


def _browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    from tests.browser_support import CHROMIUM, LAUNCH_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield b
        finally:
            b.close()


@contextmanager
def browser_or_none() -> Iterator[Browser | None]:
    """Chromium to measure in (scripts/bench.py), or None when it is not installed."""
    from tests.browser_support import CHROMIUM

    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        yield None
        return
    yield from _browser()


def compare(verbose: bool = False) -> list[tuple[str, dict[str, tuple[float, float, int]]]]:
    results = []
    with tempfile.TemporaryDirectory(prefix="casekit-search-") as tmp:
        root = Path(tmp)
        ours = build_sample(root / "ours")
        lunr = _material_site(root)
        for b in _browser():
            runs: list[tuple[str, Path]] = []
            for n, (name, options) in enumerate(VARIANTS.items()):
                site = root / f"variant-{n}"
                shutil.copytree(lunr, site)
                _lunr_variant(site, **options)
                runs.append((name, site))
            runs.append((CASEKIT, ours))
            for name, site in runs:
                per_set = {}
                for set_name, (outcomes, rate) in _run_sets(b, site).items():
                    if verbose:
                        print(format_table(outcomes, title=f"\n== {name} · {set_name}"))
                    per_set[set_name] = (rate, mean_reciprocal_rank(outcomes), len(outcomes))
                results.append((name, per_set))
    print(f"\nrecall@{TOP_N} per approach (found = every expected page in the top {TOP_N}, and the `first:` page first):")
    print(f"  {'project':>16}  {'blind':>16}  approach")
    for name, per_set in results:
        cells = [f"{r:6.1%} MRR {m:.2f}" for r, m, _ in per_set.values()]
        print(f"  {cells[0]:>16}  {cells[1]:>16}  {name}")
    sizes = {k: v[2] for k, v in results[0][1].items()}
    print(f"  ({sizes['project']} and {sizes['blind']} queries)")
    return results


def scale(counts: list[int]) -> list[FirstResult]:
    out = []
    with tempfile.TemporaryDirectory(prefix="casekit-scale-") as tmp:
        for n in counts:
            t0 = time.monotonic()
            site = synthetic_site(Path(tmp), n)
            built = time.monotonic() - t0
            index = sum(p.stat().st_size for p in (site / SHARD_DIR).iterdir())
            for b in _browser():
                for query in ("주거 지원", "채무독촉", "상담하였음"):
                    r = measure_first_result(b, site, query, n)
                    out.append(r)
                    print(f"{n:>6} cases  {query:<8}  first result {r.seconds * 1000:5.0f} ms  downloaded "
                          f"{r.bytes_total / 1024:7.1f} KiB in {r.requests} requests (search: "
                          f"{r.bytes_search / 1024:.1f} KiB)  [index on disk {index / 2**20:.1f} MiB, build {built:.0f} s]")
    return out


def main(argv: list[str]) -> None:
    if "--compare" in argv:
        compare(verbose="-v" in argv)
    elif "--scale" in argv:
        scale([int(a) for a in argv[argv.index("--scale") + 1:] if a.isdigit()] or [1000])
    else:
        sys.exit("usage: python -m tests.test_search_ko --compare [-v] | --scale N [N ...]")
