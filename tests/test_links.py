"""Links a body makes to the casebook itself (casekit.core.links): one that leaves the casebook is
`link-outside` at its line and column and the site shows its text alone; one that names a record,
a case or a resource leads to the page that shows it, also on a page kept from the last build."""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
import urllib.parse
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.links import (
    LEFT,
    Targets,
    addresses_rewritten,
    anchor_words,
    body_links,
    docs_link_findings,
    docs_link_places,
    examples,
    heading_anchors,
    heading_findings,
    missing_links,
    outside_links,
)
from casekit.site.body import BodyRenderer
from casekit.site.build import build
from casekit.site.html import headings_named
from tests.browser_support import browser, open_context, serve  # noqa: F401

TODAY = dt.date(2026, 12, 3)
TARGETS = Targets.of(["cases/2026-0001/01-intake.md", "cases/2026-0001/02-assessment.md", "cases/2026-0002/01-intake.md"],
                     ["resources/naraedong-welfare-team.md"],
                     [("docs/files/안내.pdf", "files/안내.pdf"), ("docs/guide.md", "guide/"), ("docs/forms/index.md", "forms/")])
REL = "cases/2026-0001/02-assessment.md"


@pytest.mark.parametrize(("address", "placed"), [
    ("01-intake.md", "cases/2026-0001/#r01"),
    ("./01-intake.md#goals", "cases/2026-0001/#r01-goals"),  # one of the record's headings
    ("../2026-0002/01-intake.md", "cases/2026-0002/#r01"),
    ("../2026-0002/", "cases/2026-0002/"),
    ("../2026-0002", "cases/2026-0002/"),
    ("../../resources/naraedong-welfare-team.md", "resources/naraedong-welfare-team/"),
    ("../../docs/files/%EC%95%88%EB%82%B4.pdf", "files/안내.pdf"),
    ("/cases/2026-0002/", "cases/2026-0002/"),  # from the site's root
    ("../../resources/naraedong-welfare-team/", "resources/naraedong-welfare-team/"),  # as the site reads it
    ("../../../etc/passwd", LEFT),
    ("..\\..\\..\\etc\\passwd", LEFT),  # (a browser reads \\ as /)
    ("../../../../cases/2026-0002/", LEFT),
    ("09-followup.md", None),  # no such record: left as written
    ("/etc/passwd", None),
    ("/cases/2026-0009/", None),  # no such case
    # from the site's root, to casekit's own pages: written from the page (a site served below a folder)
    ("/", ""),
    ("/due/", "due/"),
    ("/workers/kim.sw/#cases", "workers/kim.sw/#cases"),
    ("/sitemap.xml", "sitemap.xml"),
    ("../../due/", None),  # (relative: it holds below a folder as written)
    ("../../docs/guide.md#기록", "guide/#기록"),  # a docs/ page: where it is published
    ("../2026-0002/#goals", "cases/2026-0002/#goals"),  # a case page's own part
    ("02-assessment.md#영역별-욕구", "cases/2026-0001/#r02-영역별-욕구"),
    ("02-assessment.md#%EC%98%81%EC%97%AD%EB%B3%84-%EC%9A%95%EA%B5%AC", "cases/2026-0001/#r02-영역별-욕구"),
    ("02-assessment.md#사정--욕구-및-위기도-조사", "cases/2026-0001/#r02-사정-욕구-및-위기도-조사"),  # (GitHub's)
    ("02-assessment.md#·", "cases/2026-0001/#r02"),  # no words: the record's place
    ("02-assessment.md#r02", "cases/2026-0001/#r02"),
    ("01-intake", "cases/2026-0001/#r01"),  # (its .md left out: the record, as a resource's page is found)
    ("02-assessment#영역별-욕구", "cases/2026-0001/#r02-영역별-욕구"),
    ("../../docs/guide", "guide/"),  # the record's place, as the site's address names it
    ("01-intake.md#r02", "cases/2026-0001/#r01-r02"),  # (a heading of 01-intake.md: there is none, the record)
    ("#r02", "cases/2026-0001/#r02"),
    ("../../docs/forms/index.md", "forms/"),
    ("../../guide/", "guide/"),
    ("#top", "cases/2026-0001/#r02-top"),  # a heading of the record's own body
    ("#%EC%98%81%EC%97%AD%EB%B3%84-%EC%9A%95%EA%B5%AC", "cases/2026-0001/#r02-영역별-욕구"),
    (" #영역별--욕구", "cases/2026-0001/#r02-영역별-욕구"),
    ("#", "cases/2026-0001/#r02"),  # no words: the record's place
    ("../../resources/naraedong-welfare-team.md#운영-시간", "resources/naraedong-welfare-team/#h-운영-시간"),
    ("../../resources/naraedong-welfare-team.md#", "resources/naraedong-welfare-team/"),
    ("https://example.org/a", None),
])
def test_an_address_leads_where_the_editor_or_the_site_reads_it(address: str, placed: str | None) -> None:
    assert TARGETS.place(REL, address) == placed


@pytest.mark.parametrize(("address", "missing"), [
    ("09-followup.md", True),  # no such record
    ("02-assesment.md#goals", True),  # a file name mistyped
    ("../2026-0003/", True),  # no such case
    ("../2026-0003", True),
    ("/cases/2026-0009/", True),  # from the site's root
    ("../2026-0002/03-plan.md", True),
    ("../../resources/없는-자원.md", True),
    ("../../README.md", True),  # a file of the casebook the site does not publish
    ("01-intake.md", False),
    ("../2026-0002/", False),
    ("../../resources/naraedong-welfare-team.md", False),
    ("../../resources/naraedong-welfare-team/", False),  # as the site reads it
    ("../../docs/files/안내.pdf", False),
    ("../../docs/guide.md", False),  # a docs/ page, published as guide/
    ("../../../etc/x.md", False),  # out of the casebook: link-outside says so
    # a folder or file the site's root has not: a file of the casebook the site does not publish,
    # a folder of its own, an absolute path of the writer's computer
    ("/etc/passwd", True),
    ("../../casekit.yml", True),
    ("../../resources/naraedong-welfare-team.yml", True),
    ("../../templates/", True),
    ("../../docs/", True),  # (its pages are published at the site's root)
    ("..\\..\\schemas\\record.schema.json", True),
    # a file (a name with an extension) the site does not publish
    ("../../docs/files/동의서.hwp", True),
    ("../../files/없는.pdf", True),
    ("../../guide/x.png", True),
    ("handover.yml", True),
    ("../2026-0002/사진.jpg", True),
    # what the site has that the casebook does not hold: left alone
    ("../2026-0001/summary/", False),
    ("../../due/", False),
    ("../../needs/housing/", False),  # (a page of casekit's own, of a value it cannot list here)
    ("../../workers/kim.sw/", False),
    ("../../workers/kim.sw", False),
    ("../../", False),
    ("/", False),
    ("../../sitemap.xml", False),
    ("../../search/search_index.json", False),
    ("../../assets/casekit/casekit.css", False),
    ("../../404.html", False),
    ("../../guide/index.html", False),
    ("../../files/", False),
    ("https://example.org/x.md", False),
    ("#r09", False),
])
def test_a_link_to_a_record_or_case_the_casebook_does_not_hold_is_named(address: str, missing: bool) -> None:
    assert TARGETS.missing(REL, address) is missing
    found = missing_links(REL, [(7, 3, address)], TARGETS)
    assert [(f.code, f.severity, f.line, f.column) for f in found] == ([("link-missing", "warning", 7, 3)] if missing else [])
    assert all("사이트에 실린 기록·사례·자원·문서 중에 없습니다" in f.message_ko and address in f.message_ko for f in found)


def test_the_links_of_a_body_are_found_where_they_are_written_and_never_in_code() -> None:
    body = ("첫 줄\n"
            "[접수](01-intake.md) 와 [밖](../../../x.md)\n"
            '<a href="../../../../y">태그</a> `[코드](../../../z)`\n'
            "```\n[울타리](../../../w)\n```\n"
            "[참고][1] ![그림](../../../p.png) [웹](https://example.org/) [위](#top)\n"
            "\n[1]: ../../../../r.md\n")
    links = body_links(body, 10)
    assert links == [(11, 1, "01-intake.md"), (11, 22, "../../../x.md"), (12, 1, "../../../../y"), (18, 1, "../../../../r.md")]
    found = outside_links(REL, links)
    assert [(f.code, f.line, f.column) for f in found] == [("link-outside", 11, 22), ("link-outside", 12, 1),
                                                          ("link-outside", 18, 1)]
    assert all(f.severity == "warning" and "사례집 밖" in f.message_ko for f in found)


def test_the_renderer_points_links_at_their_pages_and_takes_the_address_of_one_leaving() -> None:
    html = str(BodyRenderer(targets=TARGETS).html(
        "[접수](01-intake.md) [다른](../2026-0002/01-intake.md) [밖](../../../../etc/passwd) [없음](09-followup.md) "
        "[웹](https://example.org/)", REL, 2))
    hrefs = re.findall(r'<a(?: href="([^"]*)")?[^>]*>([^<]*)</a>', html)
    assert hrefs == [("./#r01", "접수"), ("../2026-0002/#r01", "다른"), ("", "밖"), ("09-followup.md", "없음"),
                     ("https://example.org/", "웹")]


def _append(path: Path, text: str) -> int:
    """Append a paragraph to a record; the number of its line."""
    before = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(before + "\n\n" + text + "\n", encoding="utf-8")
    return before.count("\n") + 3


def _hrefs(page: Path) -> dict[str, str | None]:
    html = page.read_text(encoding="utf-8")
    return {text: href or None for href, text in re.findall(r'<a(?: href="([^"]*)")?[^>]*>(링크[^<]*)</a>', html)}


def test_check_and_build_on_the_sample(sample: Path) -> None:
    record = sample / "cases/2026-0002/11-monitoring.md"
    line = _append(record, "[링크1](../2026-0001/09-followup.md) [링크2](03-plan.md) "
                           "[링크3](../../resources/naraedong-welfare-team.md) [링크4](../../../../../../etc/passwd)")
    report = check(sample, cache=False, today=TODAY)
    assert [(f.code, f.path, f.line, f.column) for f in report.findings if f.code.startswith("link-")] == \
        [("link-outside", "cases/2026-0002/11-monitoring.md", line, 103)]
    result = build(sample, today=TODAY)
    assert not result.errors
    page = result.site_dir / "cases/2026-0002/index.html"
    hrefs = _hrefs(page)
    assert hrefs == {"링크1": "../2026-0001/#r09", "링크2": "./#r03", "링크3": "../../resources/naraedong-welfare-team/",
                     "링크4": None}
    for href in filter(None, hrefs.values()):  # each leads to a page of the site, and a record's place on it
        target, _, anchor = href.partition("#")
        shown = (page.parent / target / "index.html").resolve()
        assert shown.is_file(), href
        assert not anchor or f'id="{anchor}"' in shown.read_text(encoding="utf-8")
    # the record linked to is gone: the page kept from the last build is made again, the link left as
    # written, and check names it, from the cache too, and when the linking case is checked alone
    (sample / "cases/2026-0001/09-followup.md").unlink()
    again = build(sample, today=TODAY)
    assert not again.errors
    assert _hrefs(again.site_dir / "cases/2026-0002/index.html")["링크1"] == "../2026-0001/09-followup.md"
    for report in (check(sample, today=TODAY), check(sample, [sample / "cases/2026-0002"], today=TODAY)):
        assert [(f.code, f.path, f.line, f.column) for f in report.findings if f.code.startswith("link-")] == \
            [("link-missing", "cases/2026-0002/11-monitoring.md", line, 1),
             ("link-outside", "cases/2026-0002/11-monitoring.md", line, 103)]


def test_a_resource_linking_a_case_that_is_not_there_is_named(sample: Path) -> None:
    resource = next(iter(sorted((sample / "resources").glob("*.md"))))
    line = _append(resource, "[사례](../cases/2026-0001/) [없는 사례](../cases/2026-0404/)")
    found = [(f.code, f.path, f.line, f.column) for f in check(sample, cache=False, today=TODAY).findings
             if f.code.startswith("link-")]
    assert found == [("link-missing", f"resources/{resource.name}", line, 27)]


def test_a_link_to_a_docs_page_leads_to_it_and_one_to_a_file_the_site_has_not_is_named(sample: Path) -> None:
    """A record linking the casebook's guide as its editor previews it (`../../docs/guide.md`) was
    named `link-missing` and left as written on the site, a link to no page; the guide is published
    as guide/, where the link now leads. A link to a file of the casebook the site does not publish
    (its settings, a resource's file misnamed, its templates), to an absolute path of the writer's
    computer or to a file of docs/ that is not there led to no page either, with no word from check:
    each is `link-missing` at its line and column, from the cache too. A link from the site's root
    to one of casekit's own pages (`/due/`) is written from the page, as one to a record is."""
    record = sample / "cases/2026-0002/11-monitoring.md"
    links = ["[링크1](../../docs/guide.md#기록)", "[링크2](../../guide/)", "[링크3](../../casekit.yml)",
             "[링크4](../../resources/naraedong-welfare-team.yml)", "[링크5](../../templates/)", "[링크6](/etc/hosts)",
             "[링크7](../../docs/files/동의서.hwp)", "[링크8](../../due/)", "[링크9](../../workers/kim.sw/)",
             "[링크10](/)", "[링크11](/due/)"]
    text = " ".join(links)
    line = _append(record, text)
    named = [(line, text.index(link) + 1) for link in links[2:7]]
    for cache in (False, True, True):
        report = check(sample, cache=cache, today=TODAY)
        found = [(f.code, f.path, f.line, f.column) for f in report.findings if f.code.startswith("link-")]
        assert found == [("link-missing", "cases/2026-0002/11-monitoring.md", n, c) for n, c in named]
    result = build(sample, today=TODAY)
    assert not result.errors
    page = result.site_dir / "cases/2026-0002/index.html"
    hrefs = _hrefs(page)
    assert hrefs["링크1"] == "../../guide/#기록" and hrefs["링크2"] == "../../guide/"
    # from the site's root to casekit's own pages: written from the page (it holds below a folder too)
    assert hrefs["링크10"] == "../../" and hrefs["링크11"] == "../../due/"
    for text in ("링크1", "링크2", "링크8", "링크9", "링크10", "링크11"):
        href = hrefs[text]
        assert href is not None and (page.parent / href.split("#")[0] / "index.html").resolve().is_file(), (text, href)
    for text in ("링크3", "링크4", "링크5", "링크6", "링크7"):  # (left as written: they lead to no file of the site)
        href = hrefs[text]
        assert href is not None
        target = result.site_dir / href.lstrip("/") if href.startswith("/") else page.parent / href
        assert not target.resolve().exists() or (target.is_dir() and not (target / "index.html").exists()), (text, href)


DOCS = "docs/guide.md"


@pytest.mark.parametrize(("address", "placed", "missing"), [
    # as an editor previews it, from docs/
    ("../cases/2026-0001/01-intake.md", "cases/2026-0001/#r01", False),
    ("../cases/2026-0001/02-assessment.md#goals", "cases/2026-0001/#r02-goals", False),
    ("../cases/2026-0002/", "cases/2026-0002/", False),
    ("../resources/naraedong-welfare-team.md", "resources/naraedong-welfare-team/", False),
    ("forms/index.md", "forms/", False),  # another docs/ page (the generator resolves it too)
    ("files/안내.pdf", "files/안내.pdf", False),
    ("/cases/2026-0002/", "cases/2026-0002/", False),  # from the site's root
    ("/due/", "due/", False),
    ("../../etc/passwd", LEFT, False),  # out of the casebook: link-outside says so
    ("../cases/2026-0009/01-intake.md", None, True),  # no such case
    ("../cases/2026-0001/09-followup.md", None, True),  # no such record
    ("nothere.md", None, True),  # no such docs/ page
    ("../README.md", None, True),  # a file of the casebook the site does not publish
    # as the site reads it, from the page's own folder (guide/)
    ("../casekit.yml", None, True),
    ("../templates/", None, True),
    ("../due/", None, False),  # casekit's own page: left alone
    ("../workers/kim.sw/", None, False),
])
def test_a_docs_pages_link_leads_where_the_editor_or_the_site_reads_it(address: str, placed: str | None,
                                                                      missing: bool) -> None:
    assert TARGETS.place(DOCS, address) == placed
    assert TARGETS.missing(DOCS, address) is missing


def test_the_examples_of_a_links_message_are_written_from_the_file_itself() -> None:
    assert examples(REL) == "01-intake.md, ../2026-0002/, ../../resources/자원.md"
    assert examples("resources/naraedong-welfare-team.md") == \
        "../cases/2026-0001/01-intake.md, ../cases/2026-0002/, 자원.md"
    assert examples(DOCS) == "../cases/2026-0001/01-intake.md, ../cases/2026-0002/, ../resources/자원.md"
    assert examples("docs/forms/a.md") == \
        "../../cases/2026-0001/01-intake.md, ../../cases/2026-0002/, ../../resources/자원.md"
    [found] = missing_links(DOCS, [(3, 5, "nothere.md")], TARGETS)
    assert "(예: ../cases/2026-0001/01-intake.md, ../cases/2026-0002/, ../resources/자원.md)" in found.message_ko
    assert "(e.g. ../cases/2026-0001/01-intake.md, ../cases/2026-0002/, ../resources/자원.md)" in found.message_en


def test_where_a_docs_pages_links_lead_is_worked_out_for_those_that_name_the_casebook() -> None:
    text = ("---\ntitle: 안내\n---\n[기록](../cases/2026-0001/01-intake.md) [없음](nothere.md) [웹](https://example.org/)\n"
            "`[코드](../cases/2026-0002/)` [밖](../../x) [양식](forms/index.md) [자원](/resources/naraedong-welfare-team/)\n")
    published = {"docs/guide.md": "guide/", "docs/forms/index.md": "forms/", "docs/files/안내.pdf": "files/안내.pdf"}
    assert docs_link_places([(DOCS, text), ("docs/empty.md", "글\n")], published, TARGETS) == {
        DOCS: {"../cases/2026-0001/01-intake.md": "cases/2026-0001/#r01", "../../x": LEFT,
               "/resources/naraedong-welfare-team/": "resources/naraedong-welfare-team/"}}  # (forms/: the generator's)


def _docs_links(sample: Path) -> tuple[list[str], int]:
    """Links appended to the sample's guide (docs/guide.md); the number of their line."""
    links = ["[링크1](../cases/2026-0001/01-intake.md)", "[링크2](../cases/2026-0002/05-monitoring.md#상담)",
             "[링크3](../cases/2026-0003/)", "[링크4](../resources/naraedong-welfare-team.md)", "[링크5](privacy.md)",
             "[링크6](../cases/2026-0099/01-intake.md)", "[링크7](nothere.md)", "[링크8](../casekit.yml)",
             "[링크9](../../../etc/passwd)", '<a href="../cases/2026-0004/02-closure.md">링크10</a>', "[링크11](/due/)"]
    return links, _append(sample / "docs/guide.md", " ".join(links))


def test_a_docs_pages_links_are_judged_as_a_records_are(sample: Path, run) -> None:
    """A docs/ page's links were read by no one: a guide linking a record that is not there, or a
    page of docs/ misnamed, led to a 'page not found' with no word from check. Each is now
    `link-missing` (or `link-outside`, leaving the casebook) at its line and column, its message's
    examples written from docs/; the sample's own docs/ pages link nothing amiss."""
    assert not [f for f in check(sample, cache=False, today=TODAY).findings if f.code.startswith("link-")]
    links, line = _docs_links(sample)
    text = " ".join(links)
    expected = [("link-missing", "docs/guide.md", line, text.index(links[i]) + 1) for i in (5, 6, 7)]
    expected.insert(2, ("link-outside", "docs/guide.md", line, text.index(links[8]) + 1))
    for cache in (False, True, True):
        report = check(sample, cache=cache, today=TODAY)
        found = [(f.code, f.path, f.line, f.column) for f in report.findings if f.code.startswith("link-")]
        assert sorted(found) == sorted(expected)
    result = run(sample, "check")
    assert f"guide.md:{line}:{text.index(links[6]) + 1}" in result.output
    assert "../cases/2026-0001/01-intake.md, ../cases/2026-0002/, ../resources/자원.md" in result.output
    # a check of one case names another file's links in none of its findings
    assert not [f for f in check(sample, [sample / "cases/2026-0001"], today=TODAY).findings if f.code.startswith("link-")]


def _docs_hrefs_lead_to_their_pages(site: Path, plugin: bool = True) -> None:
    page = site / "guide/index.html"
    hrefs = _hrefs(page)
    if not plugin:  # (Zensical runs none: a link leaving the casebook keeps its address, leading nowhere)
        hrefs["링크9"] = None
    assert hrefs["링크1"] == "../cases/2026-0001/#r01"
    assert hrefs["링크2"] == "../cases/2026-0002/#r05-상담"
    assert hrefs["링크3"] == "../cases/2026-0003/"
    assert hrefs["링크4"] == "../resources/naraedong-welfare-team/"
    assert hrefs["링크5"] == "../privacy/"  # (the generator's: a docs/ page)
    assert hrefs["링크9"] is None  # out of the casebook: its text alone
    assert hrefs["링크10"] == "../cases/2026-0004/#r02"
    assert hrefs["링크11"] == "../due/"
    for text in ("링크1", "링크3", "링크4", "링크5", "링크10", "링크11"):
        href = hrefs[text]
        assert href is not None
        target, _, anchor = href.partition("#")
        shown = (page.parent / target / "index.html").resolve()
        assert shown.is_file(), (text, href)
        assert not anchor or f'id="{anchor}"' in shown.read_text(encoding="utf-8"), (text, href)
    for text in ("링크6", "링크7", "링크8"):  # (left as written: check names them; they lead to nothing the site has)
        href = hrefs[text]
        assert href is not None
        path = urllib.parse.urlsplit(urllib.parse.urljoin("https://intranet/guide/", href)).path.lstrip("/")
        assert not (site / path).is_file() and not (site / path / "index.html").is_file(), (text, href)


def test_a_docs_pages_links_to_records_cases_and_resources_lead_to_their_pages(sample: Path) -> None:
    """A docs/ page's link to a record as an editor previews it (`../cases/2026-0001/01-intake.md`)
    was published as written, a link to no page: the generator resolves the links between docs/
    pages alone. It now leads to the record's place on its case page, as a record's link does, with
    `casekit build` and with `mkdocs build` and the plugin alike; one leaving the casebook keeps its
    text alone."""
    _docs_links(sample)
    result = build(sample, today=TODAY)
    assert not result.errors
    _docs_hrefs_lead_to_their_pages(result.site_dir)


def test_a_docs_pages_links_lead_to_their_pages_under_zensical(sample: Path) -> None:
    """Zensical, which runs no plugin, reads a relative link from the page's source folder (it
    publishes `cases/x/` in docs/guide.md as `../cases/x/`): the links are written so."""
    pytest.importorskip("zensical")
    _docs_links(sample)
    result = build(sample, today=TODAY, generator="zensical")
    assert not result.errors
    _docs_hrefs_lead_to_their_pages(result.site_dir, plugin=False)


def test_the_plugin_places_a_docs_pages_links_as_casekit_build_does(sample: Path, tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    _docs_links(sample)
    config = load_config(str(sample / "mkdocs.yml"), site_dir=str(tmp_path / "plugin-site"))
    config.plugins["casekit"].config["today"] = TODAY
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        mkdocs_build(config)
    _docs_hrefs_lead_to_their_pages(tmp_path / "plugin-site")
    # MkDocs warns of the links that lead nowhere, not of those the plugin wrote where they lead
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and "contains a link" in r.getMessage()]
    assert sorted(re.findall(r"contains a link '([^']*)'", " ".join(warned))) == \
        sorted(["../cases/2026-0099/01-intake.md", "nothere.md", "../casekit.yml"])


def test_the_links_between_docs_pages_are_judged_without_every_records_targets(sample: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """What every record's link may name (a tenth of a second at 10,000 cases) is made for a docs/
    page's link to something other than a docs/ page, not for the sample's guide linking its privacy
    page: a check with nothing changed stays as quick."""
    import casekit.core.casebook as casebook_module

    made: list[int] = []
    targets = casebook_module._targets

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(1)
        return targets(*args, **kwargs)

    monkeypatch.setattr(casebook_module, "_targets", counted)
    assert "](privacy.md)" in (sample / "docs/guide.md").read_text(encoding="utf-8")
    assert not [f for f in check(sample, cache=False, today=TODAY).findings if f.code.startswith("link-")]
    assert made == []
    _append(sample / "docs/guide.md", "[없는 기록](../cases/2026-0099/01-intake.md)")
    assert [f.code for f in check(sample, cache=False, today=TODAY).findings if f.code.startswith("link-")] == \
        ["link-missing"]
    assert made == [1]


def test_the_addresses_of_a_pages_links_are_rewritten_in_place_and_nothing_else() -> None:
    text = ("---\ntitle: \"[제목](../cases/2026-0001/01-intake.md)\"\n---\n"
            "[가](../cases/2026-0001/01-intake.md \"제목\") [나](<../cases/2026-0001/01-intake.md>) [다][1] [라][2] [마][3]\n"
            '<a class="x" href="../cases/2026-0001/01-intake.md">마</a> <a href=../cases/2026-0001/01-intake.md>바</a>\n'
            "`[코드](../cases/2026-0001/01-intake.md)` [없음](nothere.md) [괄호](../cases/(x).md)\n"
            "```\n[울타리](../cases/2026-0001/01-intake.md)\n```\n"
            "[1]: ../cases/2026-0001/01-intake.md \"제목\"\n[2]:\n  <../cases/(x).md>\r\n[3]:\n   <../cases/2026-0001/01-intake.md>\n")
    urls = {"../cases/2026-0001/01-intake.md": "../cases/2026-0001/#r01", "../cases/(x).md": "../cases/(x)/"}
    out = addresses_rewritten(text, urls.get)
    assert out == text.replace("../cases/2026-0001/01-intake.md", "../cases/2026-0001/#r01").replace(
        "title: \"[제목](../cases/2026-0001/#r01)", "title: \"[제목](../cases/2026-0001/01-intake.md)").replace(
        "`[코드](../cases/2026-0001/#r01)`", "`[코드](../cases/2026-0001/01-intake.md)`").replace(
        "[울타리](../cases/2026-0001/#r01)", "[울타리](../cases/2026-0001/01-intake.md)")
    # (the front matter's title is a title; code and fenced code are shown as written; a URL that would
    # need escaping, with parentheses, is left to the HTML)
    assert "[괄호](../cases/(x).md)" in out and "<../cases/(x).md>" in out
    assert addresses_rewritten(text, lambda a: None) == text


def test_what_a_docs_pages_front_matter_holds_is_no_link() -> None:
    text = "---\ntitle: '[안내](nothere.md)'\n---\n\n[없음](nothere.md)\n"
    found = docs_link_findings([(DOCS, text)], {DOCS: "guide/"}, lambda: TARGETS)
    assert [(f.code, f.line, f.column) for f in found] == [("link-missing", 5, 1)]


def test_a_line_of_many_links_is_rewritten_in_time_linear_in_it() -> None:
    """Each line is put together once: an edit at a time copied the line again for each link."""

    line = " ".join(f"[{i}](../cases/2026-0001/01-intake.md)" for i in range(50_000))
    started = time.process_time()
    out = addresses_rewritten(line + "\n", {"../cases/2026-0001/01-intake.md": "../cases/2026-0001/#r01"}.get)
    assert out == line.replace("01-intake.md", "#r01") + "\n"
    assert time.process_time() - started < 3.0  # (measured: 0.17 s)


@pytest.mark.parametrize(("heading", "words"), [
    ("영역별 욕구", "영역별-욕구"),
    ("사정 · 욕구 및 위기도 조사", "사정-욕구-및-위기도-조사"),
    ("사정--욕구-및-위기도-조사", "사정-욕구-및-위기도-조사"),  # (GitHub's preview)
    ("Plan B: 주거 (2차)", "plan-b-주거-2차"),
    ("  -- ", ""),
    ("목표_1", "목표_1"),
])
def test_a_headings_words_and_a_fragment_naming_it_are_the_same_anchor(heading: str, words: str) -> None:
    assert anchor_words(heading) == words


def test_a_records_headings_are_named_on_its_case_page_once_each_and_from_their_masked_text() -> None:
    body = ("# 사정\n\n## 영역별 욕구\n\n글\n\n## 영역별 욕구\n\n### <b>강점</b> &amp; 자원\n\n## ·\n\n"
            '<h2 id="mine">내 제목</h2>\n')
    html = str(BodyRenderer(targets=TARGETS).html(body, REL, 2))
    assert re.findall(r"<h([1-6])(?: id=\"([^\"]*)\")?>", html) == [
        ("3", "r02-사정"), ("4", "r02-영역별-욕구"), ("4", "r02-영역별-욕구-1"), ("5", "r02-강점-자원"), ("4", ""), ("2", "r02-mine")]
    # a resource's body: its headings' ids begin with h- (the words alone may be an id of the page's: `cases`)
    resource = str(BodyRenderer(targets=TARGETS).html("## 운영 시간\n\n## cases\n\n[위](#운영-시간)\n",
                                                      "resources/naraedong-welfare-team.md", 1))
    assert re.findall(r'id="([^"]*)"', resource) == ["h-운영-시간", "h-cases"]
    assert 'href="./#h-운영-시간"' in resource
    # a docs/ page's links and headings are the generator's
    assert Targets.of([], []).heading_prefix("docs/guide.md") is None
    assert TARGETS.place("docs/guide.md", "#기록") is None


def test_a_link_to_a_heading_of_its_own_record_leads_to_that_heading_on_the_case_page() -> None:
    """`[아래](#영역별-욕구)` in a record, as an editor's preview links a heading of the same file,
    was left as written on the case page, where the heading's id is `r02-영역별-욕구`: it led nowhere."""
    body = "## 영역별 욕구\n\n[위로](#영역별-욕구) [처음](#) [없음](#없는-제목)\n"
    html = str(BodyRenderer(targets=TARGETS).html(body, REL, 2))
    assert re.findall(r'href="([^"]*)"', html) == ["./#r02-영역별-욕구", "./#r02", "./#r02-없는-제목"]
    assert 'id="r02-영역별-욕구"' in html


def test_a_link_to_a_records_heading_opens_its_case_page_there_or_at_the_record(sample: Path, browser) -> None:  # noqa: F811
    """A link written as an editor's preview names a heading (`02-assessment.md#영역별-욕구`) led to
    the top of the case page: the record's headings had no id. They are named `r02-영역별-욕구`,
    and one the link names that is not there (renamed since) opens the page at the record."""
    _append(sample / "cases/2026-0001/05-monitoring.md",
            "[링크1](02-assessment.md#영역별-욕구) [링크2](02-assessment.md#없는-제목) "
            "[링크4](../../resources/gaon-food-bank.md#이용-방법)")
    _append(sample / "cases/2026-0001/02-assessment.md", "[링크3](#강점과-자원)")  # (its own heading)
    _append(sample / "resources/gaon-food-bank.md", "## 이용 방법\n\n" + "이용 안내 문단.\n\n" * 60)
    result = build(sample, today=TODAY)
    assert not result.errors
    with serve(result.site_dir) as base, open_context(browser) as (context, _):
        page = context.new_page()
        for link, where in (("링크1", "r02-영역별-욕구"), ("링크2", "r02"), ("링크3", "r02-강점과-자원"),
                            ("링크4", "h-이용-방법")):
            page.goto(base + "cases/2026-0001/")
            page.get_by_role("link", name=link, exact=True).click()
            page.wait_for_function("w => location.hash === '#' + encodeURIComponent(w) || location.hash === '#' + w", arg=where)
            page.wait_for_function("w => { const e = document.getElementById(w); if (!e) { return false; }"  # (another page: loading)
                                   " const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; }",
                                   arg=where)
        page.goto(base + "cases/2026-0001/#r03-%EC%97%86%EB%8A%94")  # (opened from elsewhere: the same)
        page.wait_for_function("() => location.hash === '#r03'")


@pytest.mark.parametrize("body", [
    "# 사정\n\n## 영역별 욕구\n\n글\n\n## 영역별 욕구\n\n### <b>강점</b> &amp; 자원\n\n## ·\n",
    "## 닫는 해시 ##\n\n> ## 인용 안 제목\n\n- ## 목록 안 제목\n\n1. ### 번호 목록 안\n",
    "셋이트 제목\n===\n\n둘째 셋이트\n---\n\n문단\n",
    "## [링크](01-intake.md) 있는 제목\n\n## `코드` 있는 제목\n\n## *강조* 와 **굵게**\n",
    "```\n## 코드 안은 제목 아님\n```\n\n~~~python\n# 이것도\n~~~\n\n## 코드 뒤 제목\n",
    "<h2>HTML 제목</h2>\n\n<h3 class=\"x\">속성 있는 <em>제목</em></h3>\n\n## 김&nbsp;씨 면담\n",
    "## Plan B: 주거 (2차)\n\n## 목표_1\n\n#### 네 단계\n\n###### 여섯\n",
    "   ## 세 칸 들여\n\n    ## 네 칸은 코드\n\n##붙은 해시\n",
])
def test_check_knows_every_heading_id_the_case_page_gives(body: str) -> None:
    """check says a link names no heading only of one the page does not have: every id the case
    page gives a heading of a body is among the body's `heading_anchors` (read loosely)."""
    html = str(BodyRenderer(targets=TARGETS).html(body, REL, 2))
    ids = {i.removeprefix("r02-") for i in re.findall(r'<h[1-6][^>]* id="(r02-[^"]*)"', html)}
    assert ids
    assert ids <= set(heading_anchors(body)), (ids - set(heading_anchors(body)), html)
    assert "코드-안은-제목-아님" not in heading_anchors(body) and "이것도" not in heading_anchors(body)


def test_a_link_naming_a_heading_a_record_has_not_is_named_where_it_is(sample: Path) -> None:
    """A link to a heading renamed since (`02-assessment.md#욕구`, `#위기-판단` in the record itself)
    opens the case page at the record, not the heading, and nothing said so: check names it at
    its line and column with the record's headings, from the cache too, when the linking case is
    checked alone, and when the heading named is renamed in the other record (the linking record
    unchanged). A link to a heading that is there, or to a record without a fragment, is not named."""
    monitoring = sample / "cases/2026-0001/05-monitoring.md"
    assessment = sample / "cases/2026-0001/02-assessment.md"
    resource = sample / "resources/gaon-food-bank.md"
    links = ["[a](02-assessment.md#영역별-욕구)", "[b](02-assessment.md#욕구)", "[c](02-assessment.md#r02)",
             "[d](../../resources/gaon-food-bank.md#이용-안내)", "[e](../2026-0002/#goals)",
             "[f](02-assessment.md#사정--욕구-및-위기도-조사)"]
    text = " ".join(links)
    line = _append(monitoring, text)
    mine = "[위로](#강점과-자원) [틀림](#위기-판단) [빈](#)"
    own = _append(assessment, mine)
    _append(resource, "## 이용 안내\n\n평일 10시-17시.")
    expected = [("cases/2026-0001/02-assessment.md", own, mine.index("[틀림]") + 1), ("cases/2026-0001/05-monitoring.md", line, text.index("[b]") + 1)]

    def named(report) -> list[tuple[str, int | None, int | None]]:
        return [(f.path, f.line, f.column) for f in report.findings if f.code == "link-heading-missing"]

    for cache in (False, True, True):
        assert named(check(sample, cache=cache, today=TODAY)) == expected
    assert named(check(sample, [sample / "cases/2026-0001"], today=TODAY)) == expected
    report = check(sample, cache=False, today=TODAY)
    message = next(f for f in report.findings if f.code == "link-heading-missing" and f.line == line)
    assert "02-assessment.md" in message.message_ko and "#영역별-욕구" in message.message_ko
    assert "#위기도-판단" in message.message_ko  # (the headings it has, to pick from)
    # the heading renamed in the record linked to: the link that named it is named, the linking record unchanged
    assessment.write_text(assessment.read_text(encoding="utf-8").replace("## 영역별 욕구", "## 욕구 영역"), encoding="utf-8")
    assert named(check(sample, today=TODAY)) == [expected[0], (expected[1][0], line, 1), expected[1]]


@pytest.mark.parametrize("text", [
    "#" + " " * 1_000_000 + "x",  # (the closing hashes looked for after every split of the spaces)
    "## 제목" + " #" * 500_000 + " x",
    "<h2>" * 200_000 + "</h3>",  # (each opening's end tag looked for to the end of the line)
    "<h1 " * 250_000,
    "## 같은 제목\n" * 100_000,  # (each numbered after counting past the ones before)
    "제목\n---\n" * 100_000,
])
def test_a_bodys_headings_are_read_in_linear_time(text: str) -> None:
    started = time.process_time()
    heading_anchors(text)
    assert time.process_time() - started < 3.0  # (measured: 0.01-0.3 s)


def test_many_headings_of_the_same_words_are_named_in_linear_time() -> None:
    started = time.process_time()
    html = headings_named("<h2>같은 제목</h2>\n" * 50_000, "r02-", anchor_words)
    assert time.process_time() - started < 3.0  # (a count from 1 for each took minutes)
    assert html.count('id="r02-같은-제목-49999"') == 1
    assert list(heading_anchors("## 같은 제목\n" * 3 + "## 같은 제목 1\n")) == ["같은-제목", "같은-제목-1", "같은-제목-2", "같은-제목-1-1"]


def test_no_id_nor_link_of_a_case_page_is_made_of_words_holding_a_sensitive_value(sample: Path) -> None:
    """A heading's id is its words with the marks between them dropped: `## 010!!…0000!!…1001`, which
    check does not read as the phone (too many marks), gave `r02-01000001001`; `## 영🙂희 메모` gave
    `r02-영희-메모`, the client's given name the mask left in the text. The audit passed both (a
    probe). Such a heading gets no id, and a link to it leads to the record."""
    phone = "010" + "!" * 14 + "0000" + "!" * 14 + "1001"  # (2026-0001's client's phone)
    record = sample / "cases/2026-0002/02-assessment.md"  # (its client: 이영희)
    _append(record, f"## {phone}\n\n## 1969!07!21 생일\n\n## 영🙂희 메모\n\n## 영!!희 씨와 면담\n\n## 평범한 제목\n\n"
                    f"[링크1](#{phone}) [링크2](#1969!07!21-생일) [링크3](#영희-씨와-면담) [링크4](#평범한-제목)")
    result = build(sample, today=TODAY)
    assert not result.errors, [f.code for f in result.errors]
    html = (result.site_dir / "cases/2026-0002/index.html").read_text(encoding="utf-8")
    ids = re.findall(r' id="(r02-[^"]*)"', html)
    assert "r02-평범한-제목" in ids
    for value in ("01000001001", "19690721", "영희"):
        assert not [i for i in ids if value in i], (value, ids)
        assert value not in urllib.parse.unquote(html), value
    hrefs = _hrefs(result.site_dir / "cases/2026-0002/index.html")
    assert hrefs == {"링크1": "./#r02", "링크2": "./#r02", "링크3": "./#r02", "링크4": "./#r02-평범한-제목"}


def test_an_id_a_writer_gives_an_element_takes_no_id_of_the_page() -> None:
    """`<div id="r03">` in record 02 took record 03's place on the case page (links and casekit.js
    led to it; `timeline`, another record's heading ids alike). A writer's id is made the record's,
    as its headings' are, and a link to it (`#mine`) finds it."""
    body = '<div id="r03">가짜</div>\n\n<div id="timeline">x</div>\n\n<p id="mine">여기</p>\n\n<div id="·">y</div>\n\n[여기로](#mine)\n'
    html = str(BodyRenderer(targets=TARGETS).html(body, REL, 2))
    assert re.findall(r' id="([^"]*)"', html) == ["r02-r03", "r02-timeline", "r02-mine"]
    assert 'href="./#r02-mine"' in html


def test_links_to_headings_are_judged_in_linear_time() -> None:
    """A record of 150,000 headings and 65,000 links to a missing one took check 140 s: each link's
    words were looked for among the headings one by one (a probe)."""
    body = "## 제목\n" * 100_000
    links = [(n, 1, "#없는-제목") for n in range(50_000)]
    anchors = heading_anchors(body)
    started = time.process_time()
    found = heading_findings(REL, links, TARGETS, lambda _rel: anchors)
    assert time.process_time() - started < 5.0  # (measured: 0.6 s)
    assert len(found) == 50_000


def test_a_link_to_a_record_without_its_md_leads_to_the_record_and_its_headings_are_judged() -> None:
    """`[접수](01-intake)` (the .md left out) was left as written, a link to "page not found", with no
    word from check; the same slip for a resource led to its page. It leads to the record; one naming
    no record (`09-followup`) is link-missing, as `09-followup.md` is."""
    assert TARGETS.heading_named(REL, "01-intake#없는-제목") == ("cases/2026-0001/01-intake.md", "없는-제목")
    found = heading_findings(REL, [(3, 1, "01-intake#없는-제목")], TARGETS, lambda _rel: {"의뢰-경위": None})
    assert [(f.code, f.line) for f in found] == [("link-heading-missing", 3)]
    assert not missing_links(REL, [(3, 1, "01-intake")], TARGETS)
    assert [f.code for f in missing_links(REL, [(3, 1, "09-followup")], TARGETS)] == ["link-missing"]  # (no such record)
