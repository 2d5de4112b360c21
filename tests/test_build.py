"""`casekit build`: the casebook site without the MkDocs plugin, on MkDocs, ProperDocs and Zensical.

Real builds of copies of the sample (each generator in its own process, as `casekit build` runs
them); the pages' size and row cap on a synthetic casebook cloned from the sample's cases.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import posixpath
import re
import shutil
from pathlib import Path

import markdown
import pytest

from casekit.core.casebook import check
from casekit.core.sensitive import SensitiveIndex
from casekit.site.audit import Expected, Scanner, default_theme_dirs, page_texts
from casekit.site.build import BuildContext, Refused, build, post_build, secure_output
from casekit.site.generate import generate
from casekit.site.html import el
from casekit.site.views import ROWS, block, make_page
from scripts.bench import make_casebook
from tests.conftest import TODAY as RUN_DAY
from tests.conftest import copy_casebook

pytestmark = pytest.mark.slow

TODAY = "2026-11-20"
RICH_CASE = "2026-0002"


def tree_digest(root: Path) -> dict[str, str]:
    """Every source file of a casebook and its hash (the build folder and the site left out)."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_file() and not rel.startswith((".casekit/", "site/", "out/")):
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8") if url.strip("/") else \
        (site / "index.html").read_text(encoding="utf-8")


def assert_case_pages(casebook: Path, site: Path) -> None:
    for folder in (casebook / "cases").iterdir():
        html = page(site, f"cases/{folder.name}/")
        assert 'data-testid="case-summary"' in html and 'data-testid="timeline"' in html, folder.name
        assert "<p><div" not in html and "&lt;div" not in html and "&lt;table" not in html, \
            f"{folder.name}: an HTML block went through Markdown"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    casebook = copy_casebook(tmp_path_factory.mktemp("build") / "casebook")
    before = tree_digest(casebook)
    result = build(casebook, casebook.parent / "out", dt.date.fromisoformat(TODAY), "mkdocs")
    assert result.errors == [], result.findings
    return casebook, result.site_dir, before


def test_casekit_build_with_mkdocs_makes_every_page_and_leaves_sources_alone(
    built: tuple[Path, Path, dict[str, str]], run
) -> None:
    casebook, site, before = built
    assert tree_digest(casebook) == before, "casekit build changed a file of the casebook"
    assert_case_pages(casebook, site)
    for url in ("", "cases/", "due/", "resources/", "workers/", "needs/", "risk/", "stages/closure/",
                "guide/", "privacy/"):
        assert "<h1" in page(site, url), url
    assert not [p for p in site.rglob("*") if p.suffix in (".md", ".yml", ".yaml")]
    derived = (casebook / ".casekit" / "build" / "mkdocs.yml").read_text(encoding="utf-8")
    # the casekit plugin only in pages: false mode (the pages are made; it secures the docs/ pages)
    assert "docs_dir: docs" in derived and "pages: false" in derived and "casekit.css" in derived
    assert (site / "search" / "search_index.json").is_file()


def test_material_indexes_nothing_and_the_search_box_stays(built: tuple[Path, Path, dict[str, str]]) -> None:
    """casekit's Korean index replaces Material's: the derived config turns Material's search
    plugin off (it parsed every page for an index thrown away), and casekit's header partial
    still shows the search box; search/search_index.json is casekit's manifest."""
    casebook, site, _ = built
    from casekit.site.generate import load_user_config  # (reads the !!python/name tags MkDocs takes)

    assert {"search": {"enabled": False}} in load_user_config(casebook / ".casekit" / "build")["plugins"]
    for url in ("", "cases/", "guide/"):
        assert 'class="md-search__input"' in page(site, url), url
    manifest = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert manifest["docs"] == [] and manifest["config"]["casekit"]["docs"] > 40


def test_the_generators_process_does_not_load_the_checker_it_never_calls() -> None:
    """`casekit build` starts the generator with the plugin in `pages: false` mode for every build:
    the checker, the page maker and the audit, an eighth of that process's time when imported
    with the plugin, are imported only by a `pages: true` build that calls them."""
    import subprocess
    import sys

    code = ("import sys, casekit.mkdocs_plugin.plugin, casekit.mkdocs_plugin.guard; "
            "print(sorted(m for m in ('casekit.core.casebook', 'casekit.core.sensitive', 'casekit.site.build', "
            "'casekit.site.generate', 'casekit.site.audit', 'casekit.core.workers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", out


def test_the_plugin_and_casekit_build_make_the_same_pages(built: tuple[Path, Path, dict[str, str]],
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The MkDocs plugin stays for `mkdocs build`/`serve` and hands MkDocs the same generated pages."""
    import gc

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    import casekit.core.casebook as casebook_module

    casebook, site, _ = built
    config = load_config(str(casebook / "mkdocs.yml"), site_dir=str(tmp_path / "plugin-site"))
    config.plugins["casekit"].config["today"] = dt.date.fromisoformat(TODAY)
    collecting: list[bool] = []
    check_ = casebook_module.check  # (the plugin imports it when its on_files first needs it)

    def checking(*args, **kwargs):  # type: ignore[no-untyped-def]
        collecting.append(gc.isenabled())
        return check_(*args, **kwargs)

    monkeypatch.setattr(casebook_module, "check", checking)
    was = gc.isenabled()
    gc.enable()
    try:
        mkdocs_build(config)
        # the collector paused while the report and pages are made, as casekit build does, then on again
        assert collecting == [False] and gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
    article = re.compile(r"<article\b.*?</article>", re.S)
    for url in ("", f"cases/{RICH_CASE}/", "due/"):
        ours = article.search(page(site, url))
        theirs = article.search(page(tmp_path / "plugin-site", url))
        assert ours and theirs and ours.group(0) == theirs.group(0), url


def test_cli_build_refuses_while_check_finds_errors(sample: Path, run) -> None:
    record = next((sample / "cases").glob("*/02-*.md"))
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"^date: .*$", 'date: "2026-02-30"', text, count=1, flags=re.M), encoding="utf-8")
    result = run(sample, "build", "--today", TODAY)
    assert result.exit_code == 1
    rel = record.relative_to(sample).as_posix()
    assert re.search(re.escape(rel) + r":\d+:\d+: \[bad-date\]", result.output), result.output
    assert not (sample / "site").exists()


def test_cli_build_says_a_reference_day_far_from_today(sample: Path, run) -> None:
    """`casekit build --today 2036-12-05` (a year typed wrong) built a site showing work ten years
    overdue without a word: it is said on stderr (and the site built: a past day may be on purpose)."""
    today = RUN_DAY
    day = today + dt.timedelta(days=3653)
    result = run(sample, "build", "--today", day.isoformat(), "--site-dir", "out")
    assert result.exit_code == 0, result.output
    assert f"주의: 기준일 {day}" in result.stderr and f"오늘({today})보다 10년 뒤 날짜입니다" in result.stderr, result.stderr
    assert (sample / "out" / "index.html").is_file() and f"기준일 {day}" in result.stdout
    assert "검사 경고" not in result.stderr, result.stderr  # (the sample has none)


def test_cli_build_says_the_warnings_it_builds_with_and_the_values_it_publishes(sample: Path, run) -> None:
    """A build goes on with check's warnings and said nothing of them: a number check only warned
    might be an account (no bank's word before it) was published as written, unsaid, when no
    `casekit check` ran before the build. The build says how many warnings there are, and where
    each value it publishes unmasked is."""
    record = sample / "cases" / "2026-0002" / "07-plan.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "\n후원금은 110-234-567890 으로 받기로 했다.\n", encoding="utf-8")
    line = text.count("\n") + 2
    result = run(sample, "build", "--today", TODAY, "--site-dir", "out")
    assert result.exit_code == 0, result.output
    assert "검사 경고 1건이 있습니다" in result.stderr, result.stderr
    assert "그 가운데 1건은 개인정보로 보이는 값이 가려지지 않고 사이트에 그대로 실립니다" in result.stderr, result.stderr
    assert f"cases/2026-0002/07-plan.md:{line}:6: [pii-account]" in result.stderr, result.stderr
    assert "110-234-567890" in (sample / "out" / "cases" / "2026-0002" / "index.html").read_text(encoding="utf-8")


def test_the_plugin_warns_of_the_values_it_publishes_unmasked(sample: Path, tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """`mkdocs build` with the plugin says them too, as MkDocs warnings (`--strict` stops on them)."""
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    record = sample / "cases" / "2026-0002" / "07-plan.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "\n후원금은 110-234-567890 으로 받기로 했다.\n", encoding="utf-8")
    config = load_config(str(sample / "mkdocs.yml"), site_dir=str(tmp_path / "plugin-site"))
    config.plugins["casekit"].config["today"] = dt.date.fromisoformat(TODAY)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.casekit"):
        mkdocs_build(config)
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and r.name == "mkdocs.plugins.casekit"]
    assert any("cases/2026-0002/07-plan.md:" in m and "[pii-account]" in m for m in said), said


def test_a_build_into_a_new_folder_says_the_files_it_wrote_there(sample: Path, run) -> None:
    """`casekit build --site-dir NEW` said "새로 쓴 파일 0개" of the 177 files it wrote into a folder that
    did not exist: the count was of the build folder (.casekit/build), reused from the last build. The
    line says the site's files (all this build's: the folder is replaced) and where the other count is."""
    assert run(sample, "build", "--today", TODAY).exit_code == 0  # (the build folder, made)
    result = run(sample, "build", "--today", TODAY, "--site-dir", "fresh")
    assert result.exit_code == 0, result.output
    files = sum(1 for path in (sample / "fresh").rglob("*") if not path.is_dir())
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith(f"{sample / 'fresh'}: ") and f", 파일 {files}개 (" in line and files > 100, line
    assert "빌드 폴더(.casekit/build)에 새로 쓴 파일 0개" in line, line  # (reused whole: nothing in it changed)
    assert not re.search(r"[(,] 새로 쓴 파일", line), line


def test_cli_build_will_not_overwrite_the_casebook(sample: Path, run) -> None:
    for target in (".", "cases", str(sample / "docs")):
        result = run(sample, "build", "--site-dir", target)
        assert result.exit_code == 2, target
    (sample / "notes").mkdir()
    (sample / "notes" / "keep.txt").write_text("x", encoding="utf-8")
    assert run(sample, "build", "--site-dir", "notes").exit_code == 2
    assert (sample / "notes" / "keep.txt").is_file()


def test_a_site_folder_that_is_a_link_is_refused_before_anything_is_written(sample: Path, run, tmp_path: Path) -> None:
    """A `site` link committed to the casebook (or `--site-dir` through a link below it) would carry the
    private site to where it leads, a public web folder that holds a built site, say."""
    public = tmp_path / "public"
    public.mkdir()
    (public / "index.html").write_text("public", encoding="utf-8")
    (sample / "site").symlink_to(public)
    result = run(sample, "build", "--today", TODAY)
    assert result.exit_code == 2 and "링크" in result.output, result.output
    (sample / "site").unlink()
    (sample / "out").symlink_to(public)
    result = run(sample, "build", "--today", TODAY, "--site-dir", "out/site")
    assert result.exit_code == 2 and "링크" in result.output, result.output
    assert sorted(p.name for p in public.iterdir()) == ["index.html"]
    assert (public / "index.html").read_text(encoding="utf-8") == "public"


def cli_build(sample: Path, run, generator: str) -> Path:
    if importlib.util.find_spec(generator) is None:
        pytest.skip(f"casekit[{generator}] is not installed")
    result = run(sample, "build", "--today", TODAY, "--generator", generator, "--site-dir", "out")
    assert result.exit_code == 0, result.output
    assert_case_pages(sample, sample / "out")
    return sample / "out"


def test_casekit_build_with_properdocs(sample: Path, run) -> None:
    site = cli_build(sample, run, "properdocs")
    assert "<h1" in page(site, "due/") and (site / "search" / "search_index.json").is_file()
    assert '<meta name="generator"' not in page(site, "")


def test_casekit_build_with_zensical_has_the_case_pages(sample: Path, run) -> None:
    site = cli_build(sample, run, "zensical")
    assert "casekit.css" in page(site, f"cases/{RICH_CASE}/")
    assert 'name="robots" content="noindex, nofollow"' in page(site, "")


def test_html_in_a_docs_page_refused_under_zensical_names_the_source_lines(sample: Path, run) -> None:
    """Zensical runs no MkDocs plugin, so the HTML written in a docs/ page is published as written
    and the audit refuses the site, naming only `bad/index.html` and a line of the built page: the
    build also names the source file and the places `casekit check` warned of, and what to do."""
    if importlib.util.find_spec("zensical") is None:
        pytest.skip("casekit[zensical] is not installed")
    (sample / "docs" / "bad.md").write_text(
        "# 안내\n\n본문 <script>alert(1)</script> 입니다.\n\n<img src=\"img/x.png\" onerror=\"alert(2)\">\n",
        encoding="utf-8")
    result = run(sample, "build", "--today", TODAY, "--generator", "zensical", "--site-dir", "out")
    assert result.exit_code == 1, result.output
    assert "bad/index.html" in result.output and "[site-active-content]" in result.output
    note = next(line for line in result.output.splitlines() if line.strip().startswith("docs/bad.md:"))
    assert "Zensical" in note and "(3:4, 5:1)" in note and "--generator mkdocs" in note, note
    assert not (sample / "out").exists()


def test_a_sensitive_value_in_the_output_is_an_error_of_the_post_build_checks(
    built: tuple[Path, Path, dict[str, str]], tmp_path: Path
) -> None:
    casebook, site, _ = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    report = check(casebook, keep=True)
    name = next(p.data["client"]["name"] for r, p in report.parsed.items() if r.endswith("01-intake.md"))
    target = copy / "guide" / "index.html"
    target.write_text(target.read_text(encoding="utf-8").replace("</article>", f"<p>{name}</p></article>"),
                      encoding="utf-8")
    ctx = BuildContext(casebook, report, copy, "mkdocs", dt.date.fromisoformat(TODAY))
    found = secure_output(ctx)  # the audit of the output: the last word on what is published
    assert [f.code for f in found] == ["site-sensitive"] and found[0].path == "guide/index.html"
    assert name not in found[0].message_ko
    assert [f.code for f in post_build(ctx) if f.severity == "error"] == ["site-sensitive"]


def test_no_birth_date_before_the_casebook_is_read_in_its_site(built: tuple[Path, Path, dict[str, str]]) -> None:
    """Every day from 1920 to the eve of the sample's first record, as a client's birth date: the
    audit reads none of them in any page (the theme's icons drew "16 6.5", read as 2016-06-05,
    and a case's timeline dots 01 02 03 ran into 010203, read as 2001-02-03: a client born on
    either day failed every build)."""
    casebook, site, _ = built
    first = min(dt.date.fromisoformat(m.group(1)) for f in casebook.glob("cases/*/*.md")
                if (m := re.search(r'^date: "(\d{4}-\d{2}-\d{2})"', f.read_text(encoding="utf-8"), re.M)))
    days = [dt.date(1920, 1, 1) + dt.timedelta(n) for n in range((first - dt.date(1920, 1, 1)).days)]
    index = SensitiveIndex([(d.isoformat(), "cases/x/01-intake.md", "client.birth_date") for d in days])
    expected = Expected.for_theme(default_theme_dirs(casebook))
    read = Scanner(SensitiveIndex([]))
    found = {(f.relative_to(site).as_posix(), line[h.start:h.end]) for f in site.rglob("*.html")
             for line in page_texts(f.read_text(encoding="utf-8"), read, expected) for h in index.find(line)}
    assert found == set()


def test_a_birth_date_that_is_also_a_record_date_is_never_published(sample: Path) -> None:
    """RECORD-FORMAT: the site publishes no value of an x-sensitive property, written any way. A
    baby referred on the day it was born has an intake of its birth date, a date every list of
    records shows: check refuses, at each place that date stands (the records of any case dated
    that day), and no site is built."""
    intake = sample / "cases" / "2026-0003" / "01-intake.md"
    text = intake.read_text(encoding="utf-8")
    born = re.search(r'^date: "([0-9-]+)"', text, re.M).group(1)  # type: ignore[union-attr]
    intake.write_text(re.sub(r'birth_date: "[0-9-]+"', f'birth_date: "{born}"', text), encoding="utf-8")
    errors = [f for f in check(sample).errors if f.code == "sensitive-in-text"]
    assert {(f.path, f.line) for f in errors} >= {("cases/2026-0003/01-intake.md", 4)}
    # the advice fits a date: the day stays as it was, the birth date (not required) is left out
    at_date = next(f for f in errors if (f.path, f.line) == ("cases/2026-0003/01-intake.md", 4))
    assert "생년월일(필수 아님)을 비우세요" in at_date.message_ko and "지우세요" not in at_date.message_ko
    assert "leave the birth date out of cases/2026-0003/01-intake.md" in at_date.message_en
    with pytest.raises(Refused):
        build(sample, sample.parent / "out", dt.date.fromisoformat(TODAY), "mkdocs")
    assert not (sample.parent / "out").exists()


def test_a_birth_date_a_help_page_spells_in_a_longer_number_builds(sample: Path) -> None:
    """A help page shows a masked number, `800101-1******`: no date where it stands, but the search
    index cut 800101 out of it as a term, which alone read as 1980-01-01 (a common birth date) and
    failed the build (the sample's privacy page showed it). A term that alone reads as a sensitive
    value is left out of the index; the page itself is audited as it stands."""
    intake = sample / "cases" / "2026-0001" / "01-intake.md"
    text = re.sub(r'birth_date: "[0-9-]+"', 'birth_date: "1980-01-01"', intake.read_text(encoding="utf-8"))
    text = re.sub(r'\n  resident_number: "[0-9-]+"', "", text)  # (its number spoke of the old birth date)
    intake.write_text(text, encoding="utf-8")
    help_page = sample / "docs" / "privacy.md"
    help_page.write_text(help_page.read_text(encoding="utf-8") + "\n가린 번호의 예: `800101-1******`\n", encoding="utf-8")
    note = sample / "cases" / "2026-0002" / "02-assessment.md"
    note.write_text(note.read_text(encoding="utf-8") + "\n약값 영수증을 모아 두었다.\n", encoding="utf-8")
    result = build(sample, sample.parent / "out", dt.date.fromisoformat(TODAY), "mkdocs")
    assert result.errors == [], result.errors
    terms = {t for f in (result.site_dir / "search" / "casekit").glob("t-*.json")
             for t in json.loads(f.read_text(encoding="utf-8"))}
    assert "800101" not in terms and "2026-03-04" in terms
    assert "영수" in terms  # (영수증 in 2026-0002: 영수, a client's given name alone, is no finding of the audit)


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_is_paused_while_the_site_model_is_made_and_left_as_found(
    sample: Path, monkeypatch: pytest.MonkeyPatch, collecting: bool
) -> None:
    """The report and site model are made with the cyclic collector paused; the build folder and
    composing (forked workers) with it as the caller had it and the heap made so far frozen;
    afterwards nothing stays frozen and the collector is as it was, after a refused build too."""
    import gc

    import casekit.site.build as site_build

    seen: dict[str, list[tuple[bool, bool]]] = {}

    def watched(name: str):  # type: ignore[no-untyped-def]
        step = getattr(site_build, name)

        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            seen.setdefault(name, []).append((gc.isenabled(), gc.get_freeze_count() > 0))
            return step(*args, **kwargs)
        return run

    for name in ("check", "generate", "write_build_folder", "compose_cases"):
        monkeypatch.setattr(site_build, name, watched(name))
    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        result = build(sample, today=dt.date.fromisoformat(TODAY))
        assert not result.errors and result.composed > 0
        assert seen == {"check": [(False, False)], "generate": [(False, False)],
                        "write_build_folder": [(collecting, True)], "compose_cases": [(collecting, True)]}
        assert gc.isenabled() is collecting and gc.get_freeze_count() == 0
        intake = next(sample.glob("cases/*/01-intake.md"))
        intake.write_text(intake.read_text(encoding="utf-8").replace("stage: intake", "stage: [", 1), encoding="utf-8")
        with pytest.raises(site_build.Refused):
            build(sample, today=dt.date.fromisoformat(TODAY))
        assert gc.isenabled() is collecting and gc.get_freeze_count() == 0
    finally:
        (gc.enable if was else gc.disable)()


def test_html_blocks_come_through_python_markdown_untouched() -> None:
    """No plugin hook puts the HTML back: it must survive Markdown as it is, blank lines included."""
    inner = el("div", {"class": "x"}, el("span", {"class": "ck-multiline"}, "첫 줄\n\n둘째 *줄* <b>"),
               el("table", None, el("tr", None, el("td", None, "a_b_c"))))
    md = make_page("p.md", "p/", ["# 제목", block(inner), "본문 *강조*"]).markdown
    for extensions in (["toc", "tables", "attr_list"], ["toc", "tables", "attr_list", "md_in_html"]):
        html = markdown.markdown(md, extensions=extensions)
        assert "<em>강조</em>" in html
        assert "<em>줄</em>" not in html and "&lt;b&gt;" in html and "a_b_c" in html
        assert "<p><div" not in html and "<p><span" not in html


# -- size ----------------------------------------------------------------------------------------


def test_no_page_lists_more_than_the_row_cap(tmp_path: Path) -> None:
    """A casebook of 2.5 pages' worth of cases: every list is cut into pages, none over ROWS rows."""
    n = ROWS * 2 + 50
    casebook = make_casebook(tmp_path / "big", n)
    report = check(casebook, keep=True)
    assert not report.errors
    made = generate(report, dt.date.fromisoformat(TODAY))
    uris = {p.src_uri for p in made.pages}
    assert {"cases/index.md", "cases/_p2.md", "cases/_p3.md"} <= uris
    assert "cases/_p4.md" not in uris
    biggest = 0
    for p in made.pages:
        rows = len(re.findall(r"<tr data-(?:case|resource|worker|goal|type|domain|risk|key)=", p.markdown))
        biggest = max(biggest, len(p.markdown.encode("utf-8")))
        one_case = re.fullmatch(r"cases/[^_/][^/]*\.md", p.src_uri)  # grows with its own records, not with N
        if not one_case:
            assert rows <= ROWS, f"{p.src_uri}: {rows} rows"
    # a page's size no longer grows with the number of cases (a list page of ROWS rows ≈ 150 KB)
    assert biggest < 400_000, biggest
    listed = set()
    for p in made.pages:
        if p.src_uri == "cases/index.md" or p.src_uri.startswith("cases/_p"):
            listed |= set(re.findall(r'<tr data-case="([^"]+)"', p.markdown))
    assert len(listed) == n, "every case is on exactly one page of the case list"
    urls = {p.url for p in made.pages}
    for p in made.pages:
        nav = re.search(r'<nav class="ck-pager".*?</nav>', p.markdown, re.S)
        for href in re.findall(r'href="([^"]+)"', nav.group(0) if nav else ""):
            target = posixpath.normpath(posixpath.join(p.url, href)) + "/"
            assert target in urls, f"{p.url}: the pager links to {href}, which is no page"


def test_a_generator_that_fails_is_a_finding_with_its_message(sample: Path, run) -> None:
    config = sample / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("name: material", "name: no-such-theme", 1),
                      encoding="utf-8")
    result = run(sample, "build", "--today", TODAY)
    assert result.exit_code == 1
    assert "[generator-failed]" in result.output and "no-such-theme" in result.output
    assert not (sample / "site").exists()


def test_a_bare_mkdocs_yml_still_gets_search_and_no_outside_fonts(tmp_path: Path, run) -> None:
    from tests.builders import FULL_PATH
    from tests.builders import make_casebook as small_casebook

    root = small_casebook(tmp_path / "cb", {"c1": FULL_PATH})  # mkdocs.yml: site_name only
    result = run(root, "build", "--today", TODAY)
    assert result.exit_code == 0, result.output
    home = page(root / "site", "")
    assert (root / "site" / "search" / "search_index.json").is_file()
    assert "fonts.googleapis" not in home and "fonts.gstatic" not in home
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: t\n"


def test_properdocs_runs_the_casekit_plugin_of_an_existing_setup(sample: Path) -> None:
    """`properdocs build` on a casebook whose mkdocs.yml lists `- casekit`: the plugin runs under
    ProperDocs (it aliases mkdocs.* to itself) and the pages come out as with MkDocs."""
    import subprocess
    import sys

    if importlib.util.find_spec("properdocs") is None:
        pytest.skip("casekit[properdocs] is not installed")
    proc = subprocess.run([sys.executable, "-m", "properdocs", "build", "-q", "-d", str(sample / "out")], cwd=sample,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    assert_case_pages(sample, sample / "out")
    assert (sample / "out" / "assets" / "casekit" / "casekit.css").is_file()


def test_a_reused_build_folder_is_written_again_only_where_pages_changed(tmp_path: Path) -> None:
    """The second build writes the pages of the changed case (and the lists that show it), keeps
    every other file as it was (its mtime too: incremental generators rebuild less), and removes
    the pages of a case that is gone; the pages are those a first build would make. (A page's
    Markdown goes to docs/, its HTML blocks to blocks/: casekit.site.slots.)"""
    casebook = copy_casebook(tmp_path / "casebook")
    today = dt.date.fromisoformat(TODAY)
    work = casebook / ".casekit/build"
    from casekit.site.generate import write_build_folder
    from casekit.site.slots import page_key
    from casekit.site.views import Page

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
                if p.is_file() and p.parts[len(folder.parts)] in ("docs", "blocks")}

    write_build_folder(casebook, generate(check(casebook, keep=True), today).pages)
    first = files(work)
    stamps = {rel: (work / rel).stat().st_mtime_ns for rel in first}
    planted = work / "docs" / "cases" / "planted.md"  # left by someone: not a page of this build
    planted.write_text("x", encoding="utf-8")
    record = casebook / "cases/2026-0003/01-intake.md"
    record.write_text(record.read_text(encoding="utf-8") + "\n추가 관찰: 방문 약속을 다시 잡았다.\n", encoding="utf-8")
    shutil.rmtree(casebook / "cases/2026-0014")
    written = write_build_folder(casebook, generate(check(casebook, keep=True), today).pages)
    second = files(work)
    assert written.slotted
    assert not planted.exists()
    assert not any("2026-0014" in rel for rel in second), "the pages of a case that is gone stay"
    gone = f"blocks/{page_key(Page('cases/2026-0014.md', '', ''))}.json"
    assert gone in first and gone not in second, "the blocks of a case that is gone stay"
    rewritten = {rel for rel in second if rel not in stamps or (work / rel).stat().st_mtime_ns != stamps[rel]}
    assert f"blocks/{page_key(Page('cases/2026-0003.md', '', ''))}.json" in rewritten
    assert written.changed == len(rewritten) and 0 < len(rewritten) < len(second) // 4, sorted(rewritten)
    fresh = tmp_path / "fresh"
    shutil.copytree(casebook, fresh, ignore=shutil.ignore_patterns(".casekit"))
    write_build_folder(fresh, generate(check(fresh, keep=True), today).pages)
    assert second == files(fresh / ".casekit/build")


_HEADINGS_PAGE = """# 머리

## 둘째 <script>window.__pwned</script>h2 제목

본문.

## `<script>` 쓰지 않기

셋째 <style>p { color: red }</style>제목
---------------------------------------
"""


@pytest.mark.parametrize("generator", ["mkdocs", "zensical"])
def test_a_script_in_a_docs_heading_is_in_no_anchor(sample: Path, run, generator: str) -> None:
    """`## 둘째 <script>window.__pwned</script>h2 제목` got the anchor 둘째-window__pwnedh2-제목 (and
    a contents entry of that text), though the sanitizer leaves `둘째 h2 제목` on the page: the
    elements dropped with their content are out of a heading's Markdown before the generator makes
    anchors (`mkdocs build` with the plugin; `casekit build`, here with Zensical, which runs no
    plugin); a `<script>` written as code stays in its heading."""
    if importlib.util.find_spec(generator) is None:
        pytest.skip(f"casekit[{generator}] is not installed")
    (sample / "docs" / "headings.md").write_text(_HEADINGS_PAGE, encoding="utf-8")
    if generator == "mkdocs":
        from tests.browser_support import build_site

        site = build_site(sample, sample / "out")
    else:
        result = run(sample, "build", "--today", TODAY, "--generator", generator, "--site-dir", "out")
        assert result.exit_code == 0, result.output
        site = sample / "out"
    html = page(site, "headings/")
    ids = re.findall(r'<h2 id="([^"]+)"', html)
    assert ids == ["둘째-h2-제목", "script-쓰지-않기", "셋째-제목"], ids
    assert "pwned" not in html
    assert "color: red" not in html
    assert all(f'href="#{i}"' in html for i in ids)  # the table of contents links them


def test_plain_headings_leaves_code_front_matter_and_other_lines() -> None:
    from casekit.site.sanitize import plain_headings

    text = ("---\ntitle: a <script>x</script>\n---\n\n## b <SCRIPT src=x>y</script >c\n\n본문 <script>z</script>\n\n"
            "```\n## <script>code</script>\n```\n\n## `<script>s</script>` and \\<script>t</script>\n\n"
            "## unclosed <script>rest\n")
    assert plain_headings(text) == (
        "---\ntitle: a <script>x</script>\n---\n\n## b c\n\n본문 <script>z</script>\n\n"
        "```\n## <script>code</script>\n```\n\n## `<script>s</script>` and \\<script>t</script>\n\n## unclosed \n")


def test_plain_headings_reads_a_heading_of_backticks_in_linear_time() -> None:
    """A docs/ heading holding a `<` and a long run of backticks that close nowhere (hostile, or a
    paste gone wrong): the old code-span pattern looked for a closing run from each backtick."""
    import time

    from casekit.site.sanitize import plain_headings

    for ticks in ("`" * 100_000, "`a" * 50_000, "``x`" * 25_000):
        text = f"## <b>제목</b> {ticks} <script>x</script>\n"
        started = time.process_time()
        out = plain_headings(text)
        assert time.process_time() - started < 2, len(ticks)
        assert "<script>" not in out.split(ticks[-5:])[-1], out[-40:]
    assert plain_headings("## a `` <script>s</script> `` b <script>t</script>\n") == "## a `` <script>s</script> `` b \n"


def test_a_step_that_stops_halfway_leaves_no_unaudited_site(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A post-build step that stops (an interrupt, a bug) before the audit has read the site: the
    site is removed, as when the audit finds an error, and the error goes on up (a full disk is a
    site-not-written finding: tests/test_site_install.py)."""
    import casekit.site.build as build_module

    def stops(ctx: BuildContext) -> list:
        raise RuntimeError("a bug")

    monkeypatch.setattr(build_module, "POST_BUILD", [build_module.finish_pages_step, stops,
                                                     build_module.secure_output])
    site = sample / "site"
    with pytest.raises(RuntimeError, match="a bug"):
        build(sample, site_dir=site, today=dt.date.fromisoformat(TODAY))
    assert not site.exists()
