"""Links a body makes to the casebook itself (casekit.core.links): one that leaves the casebook is
`link-outside` at its line and column and the site shows its text alone; one that names a record,
a case or a resource leads to the page that shows it, also on a page kept from the last build."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.links import LEFT, Targets, body_links, outside_links
from casekit.site.body import BodyRenderer
from casekit.site.build import build

TODAY = dt.date(2026, 12, 3)
TARGETS = Targets.of(["cases/2026-0001/01-intake.md", "cases/2026-0001/02-assessment.md", "cases/2026-0002/01-intake.md"],
                     ["resources/naraedong-welfare-team.md"], [("docs/files/안내.pdf", "files/안내.pdf")])
REL = "cases/2026-0001/02-assessment.md"


@pytest.mark.parametrize(("address", "placed"), [
    ("01-intake.md", "cases/2026-0001/#r01"),
    ("./01-intake.md#goals", "cases/2026-0001/#goals"),
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
    ("#top", None),
    ("https://example.org/a", None),
])
def test_an_address_leads_where_the_editor_or_the_site_reads_it(address: str, placed: str | None) -> None:
    assert TARGETS.place(REL, address) == placed


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
    assert [(f.code, f.path, f.line, f.column) for f in report.findings if f.code == "link-outside"] == \
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
    # the record linked to is gone: the page kept from the last build is made again, the link left as written
    (sample / "cases/2026-0001/09-followup.md").unlink()
    again = build(sample, today=TODAY)
    assert not again.errors
    assert _hrefs(again.site_dir / "cases/2026-0002/index.html")["링크1"] == "../2026-0001/09-followup.md"
