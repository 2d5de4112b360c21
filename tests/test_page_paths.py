"""A value from a record names a page only as one folder of its list (casekit.site.views.segment):
a casebook whose schema lets a worker id be anything ("^.*$") cannot make the build write a file
outside the build folder or the site, nor a folder named with markup."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casekit.site.build import build
from casekit.site.views import need_url, resource_url, risk_url, segment, worker_url


@pytest.mark.parametrize("value", ["kim.sw", "park_sw-2", "2026-0001", "주거", "high"])
def test_what_the_rules_allow_is_its_own_folder(value: str) -> None:
    assert segment(value) == value
    assert worker_url(value) == f"workers/{value}/"


@pytest.mark.parametrize("value", ["../../../pwnout", "..", ".hidden", "a/b", "a\\b", 'x"><img src=x onerror=alert(1)>',
                                   "", " kim", "kim.sw\n", "c:", "x" * 65, "%2e%2e"])
def test_anything_else_is_a_folder_named_by_its_hash(value: str) -> None:
    for url in (worker_url(value), need_url(value), risk_url(value), resource_url(value)):
        folder = url.split("/")[1]
        assert re.fullmatch(r"x-[0-9a-f]{12}", folder), url
        assert url.count("/") == 2
    assert segment(value) != segment(value + "!")


def test_a_loosened_schema_cannot_put_a_page_outside_the_site(sample: Path) -> None:
    schema = sample / "schemas" / "common.schema.json"
    data = json.loads(schema.read_text(encoding="utf-8"))
    data["$defs"]["workerId"]["pattern"] = "^.*$"
    schema.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    hostile = {"cases/2026-0009/01-intake.md": "../../../../../pwnout",
               "cases/2026-0008/01-intake.md": 'x\\"><img src=x onerror=alert(1)>'}
    for rel, worker in hostile.items():
        path = sample / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^worker: .*$", f'worker: "{worker}"', text, count=1), encoding="utf-8")
    before = {p for p in sample.parent.rglob("*")}
    result = build(sample)
    assert not [f for f in result.findings if f.severity == "error"]
    outside = {p for p in sample.parent.rglob("*") if sample not in p.parents and p != sample} - before
    assert outside == set()
    folders = sorted(p.name for p in (sample / "site" / "workers").iterdir() if p.is_dir())
    assert "kim.sw" in folders and len([f for f in folders if re.fullmatch(r"x-[0-9a-f]{12}", f)]) == 2
    assert not [f for f in folders if "<" in f or f[0] == "."]
    page = next(p for p in (sample / "site" / "workers").glob("x-*/index.html")
                if "pwnout" in p.read_text(encoding="utf-8"))
    assert "담당자 ../../../../../pwnout" in page.read_text(encoding="utf-8")  # the id shown, escaped, as written


def test_a_docs_page_named_like_an_address_is_not_published(sample: Path) -> None:
    """docs/javascript:alert(1).md was linked as `javascript:alert(1)/` by the search (an attack
    probe's; only the CSP stopped the click): a name with a colon is not published."""
    from casekit.core.casebook import check

    (sample / "docs" / "javascript:alert(1).md").write_text("# 자바테스트\n\n자바스크립트실험 문장입니다.\n", encoding="utf-8")
    found = [(f.code, f.path) for f in check(sample, cache=False).findings]
    assert ("docs-not-published", "docs/javascript:alert(1).md") in found
    build(sample)
    published = [p for p in (sample / "site").rglob("*") if "javascript:" in p.name or "자바스크립트실험" in
                 (p.read_text(encoding="utf-8", errors="replace") if p.is_file() else "")]
    assert published == []


def test_a_docs_page_whose_folder_is_named_like_a_site_file_is_not_published(sample: Path) -> None:
    """docs/sitemap.xml.md is published as `sitemap.xml/index.html`, docs/search/search_index.json.md
    as a folder where the search writes its index: the build stopped with a traceback (File exists,
    Is a directory; an attack probe's). A page whose site folder is named like a file is not published."""
    from casekit.core.casebook import check

    pages = ["docs/sitemap.xml.md", "docs/search/search_index.json.md", "docs/cases/index.html.md",
             "docs/notes.json/a.md"]
    for rel in pages:
        (sample / rel).parent.mkdir(parents=True, exist_ok=True)
        (sample / rel).write_text("# 겹치는 쪽\n\n본문.\n", encoding="utf-8")
    (sample / "docs" / "v1.2.md").write_text("# 1.2판\n\n본문.\n", encoding="utf-8")  # a dot alone is fine
    found = [(f.code, f.path) for f in check(sample, cache=False).findings]
    assert all(("docs-not-published", rel) in found for rel in pages), found
    assert ("docs-not-published", "docs/v1.2.md") not in found
    result = build(sample)
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    assert (sample / "site" / "sitemap.xml").is_file() and (sample / "site" / "search" / "search_index.json").is_file()
    assert (sample / "site" / "v1.2" / "index.html").is_file()
