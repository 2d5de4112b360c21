"""casekit.site.finish: one read of each built page (fill, CSP, audit, search reading) gives what
the separate passes gave: the same site, byte for byte, and the same findings."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from casekit.core.casebook import check
from casekit.site.audit import Expected, Scanner, finish_site
from casekit.site.build import BuildContext, pages_index, post_build, refused_by, run_generator, theme_dirs
from casekit.site.finish import Job, finish_pages
from casekit.site.generate import generate, write_build_folder
from casekit.site.search_index import WORKER, build_search_index
from casekit.site.slots import BLOCKS_DIR, fill_text
from tests.conftest import copy_casebook

pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 11, 20)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A casebook and the site MkDocs made of it, before any post-build step."""
    casebook = copy_casebook(tmp_path_factory.mktemp("finish") / "casebook")
    report = check(casebook, keep=True)
    written = write_build_folder(casebook, generate(report, TODAY, keep=False, index=pages_index(report)))
    assert written.slotted
    assert run_generator("mkdocs", written.config) == []
    return casebook, casebook / ".casekit/build"


def fill_each(site: Path, blocks: Path) -> None:
    """The blocks put back, page by page (as the fill pass did before the page pass)."""
    for path in sorted(site.rglob("*.html")):
        text, problem = fill_text(path.read_bytes().decode("utf-8", "surrogateescape"), blocks)
        assert problem is None, path
        path.write_bytes(text.encode("utf-8", "surrogateescape"))


def plant(site: Path) -> None:
    """What an attacker's record and a careless colleague leave in the built pages."""
    page = site / "cases/2026-0005/index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</article>", "<p>최순자 010-0000-1005</p><img src=\"https://x.example/a.png\">"
                                 "<script>alert(1)</script></article>", 1), encoding="utf-8")
    (site / "cases/2026-0006/index.html").write_bytes(b"<html><head><meta charset=\"utf-8\"></head><body>"
                                                      b"<article><h1>\xff\xfe \xed\xa0\x80</h1></article></body></html>")


@pytest.mark.parametrize("planted", [False, True])
def test_one_pass_makes_the_site_and_the_findings_of_the_separate_passes(generated: tuple[Path, Path], tmp_path: Path,
                                                                         planted: bool) -> None:
    casebook, work = generated
    report = check(casebook, keep=True)
    index = pages_index(report)
    separate, one = tmp_path / "separate", tmp_path / "one"
    shutil.copytree(work / "site", separate)
    shutil.copytree(work / "site", one)
    if planted:
        plant(separate)
        plant(one)
    ctx = BuildContext(casebook, report, one, "mkdocs", TODAY, theme_dirs=theme_dirs(casebook, "mkdocs", work),
                       index=index, blocks_dir=work / BLOCKS_DIR)
    # the passes as they were: fill, the Korean index, then the CSP and the audit of every file
    fill_each(separate, work / BLOCKS_DIR)
    build_search_index(separate, sensitive=refused_by(index))
    before = finish_site(separate, index, ctx.expected())
    now = post_build(ctx)
    assert ctx.finished is not None and len(ctx.finished.audited) > 70 and len(ctx.finished.read) > 70
    assert tree(one) == tree(separate)
    assert now == before
    assert bool(now) == planted
    if planted:
        codes = {f.code for f in now if f.path == "cases/2026-0005/index.html"}
        assert {"site-sensitive", "site-outside-load", "site-active-content"} <= codes, codes


def test_a_page_over_the_size_limit_or_not_utf8_is_no_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import casekit.site.finish as finish_mod
    from casekit.core.sensitive import SensitiveIndex

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(f'<html><head><meta charset="utf-8"></head><body><article><h1>홈</h1>'
                                     f'<script src="{WORKER}"></script></article></body></html>', encoding="utf-8")
    (site / "big.html").write_text("<html><body><article>" + "가" * 400 + "</article></body></html>", encoding="utf-8")
    (site / "bytes.html").write_bytes(b"<html><body><article>\xff\xc3(</article></body></html>")
    monkeypatch.setattr(finish_mod, "MAX_FILE", 1000)
    job = Job(None, Scanner(SensitiveIndex([])), Expected(), search=False)
    done = finish_pages(site, job)
    assert job.search and set(done.audited) == {"index.html", "bytes.html"} and "big.html" not in done.read
    assert (site / "bytes.html").read_bytes().endswith(b"<article>\xff\xc3(</article></body></html>")
    assert b"Content-Security-Policy" in (site / "bytes.html").read_bytes()
    assert b"Content-Security-Policy" not in (site / "big.html").read_bytes()  # left to finish_site, which names it


def test_the_pages_are_finished_on_every_core_with_what_one_process_makes(generated: tuple[Path, Path], tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages left after composing are few but some are large (the lists of every case): they
    go to a pool by their size, not their number, the largest first; the site and what the pass
    found are those of one process taking them in turn."""
    import casekit.core.workers as workers
    import casekit.site.finish as finish_mod

    casebook, work = generated
    report = check(casebook, keep=True)
    index = pages_index(report)
    runs: dict[int, tuple[Any, ...]] = {}
    for jobs in (1, 2):
        site = tmp_path / f"jobs{jobs}"
        shutil.copytree(work / "site", site)
        plant(site)
        calls: list[tuple[int, int, list[str]]] = []

        pids = tmp_path / f"pids{jobs}"

        def run_all(func, items, args, jobs_, *, _calls=calls, _pids=pids, **kw):  # type: ignore[no-untyped-def]
            _calls.append((jobs_, kw["size"], [rel for rel, _ in items]))

            def where(item, *a):  # type: ignore[no-untyped-def]
                with _pids.open("a") as f:
                    f.write(f"{os.getpid()}\n")
                return func(item, *a)

            return workers.run_all(where, items, args, jobs_, **kw)

        monkeypatch.setattr(finish_mod, "default_jobs", lambda jobs=jobs: jobs)
        monkeypatch.setattr(finish_mod, "run_all", run_all)
        monkeypatch.setattr(finish_mod, "PAGE_WEIGHT", 1024)  # (the sample's pages as heavy as a casebook's)
        ctx = BuildContext(casebook, report, site, "mkdocs", TODAY, theme_dirs=theme_dirs(casebook, "mkdocs", work),
                           index=index, blocks_dir=work / BLOCKS_DIR)
        before = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
        done = finish_pages(site, ctx.page_job())
        monkeypatch.undo()
        [(_, size, order)] = calls
        assert size >= workers.MIN_PARALLEL
        assert len(set(pids.read_text().split())) == jobs  # one process, or a pool of two
        assert [before[rel] for rel in order] == sorted(before.values(), reverse=True)  # the largest first
        runs[jobs] = (tree(site), done.audited, done.read, done.problems)
    assert runs[1] == runs[2]
    assert any(runs[2][1].values())  # the planted page's findings
