"""casekit.site.slots: the generator gets each page with its HTML blocks as empty slots, and the
built site gets them back. The site must come out byte for byte as it would with whole pages."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from casekit.core.findings import Finding
from casekit.core.sensitive import SensitiveIndex
from casekit.site import generate as generate_mod
from casekit.site.audit import Expected, Scanner
from casekit.site.build import build
from casekit.site.finish import Job, finish_pages
from casekit.site.slots import SLOT, page_key, stub
from casekit.site.views import Block, Plan, make_page
from tests.conftest import copy_casebook

TODAY = dt.date(2026, 11, 20)


def _site(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_slotted_build_makes_the_same_site_as_whole_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    casebook = copy_casebook(tmp_path / "casebook")
    # every page through MkDocs (composing, casekit.site.compose, has tests of its own)
    slotted = build(casebook, tmp_path / "slotted", TODAY, "mkdocs", compose=False)
    assert slotted.errors == [], slotted.findings
    docs = casebook / ".casekit/build/docs"
    case_md = (docs / "cases/2026-0002.md").read_text(encoding="utf-8")
    assert 'data-ck-slot="' in case_md and "ck-timeline" not in case_md  # MkDocs never saw the blocks
    assert "## 타임라인" in case_md  # the headings stay: the generator's table of contents
    monkeypatch.setattr(generate_mod, "stub", lambda page: None)
    monkeypatch.setattr(Plan, "slotted", lambda self, slot: None)  # the case pages, made while MkDocs runs
    # casekit's code changed under it: the case pages the last build kept are not the ones it makes now
    (casebook / ".casekit/build" / generate_mod.PAGES_MANIFEST).unlink()
    whole = build(casebook, tmp_path / "whole", TODAY, "mkdocs", compose=False)
    assert whole.errors == [], whole.findings
    assert not any((casebook / ".casekit/build/blocks").glob("*.json"))  # the unused blocks are removed
    assert _site(tmp_path / "slotted") == _site(tmp_path / "whole")
    html = (tmp_path / "slotted/cases/2026-0002/index.html").read_text(encoding="utf-8")
    assert "data-ck-slot" not in html and 'data-testid="timeline"' in html


def _page_with_blocks() -> tuple[str, list[str]]:
    page = make_page("cases/x.md", "cases/x/", ["# x", Block("<p>하나</p>"), "## 둘", Block("<p>둘</p>")])
    made = stub(page)
    assert made is not None
    return page_key(page), made[1]


def fill(site: Path, store: Path) -> list[Finding]:
    """The page pass over `site`, its blocks in `store`: what went wrong with the slots."""
    return finish_pages(site, Job(store, Scanner(SensitiveIndex([])), Expected(), search=False)).problems


def _site_with(tmp_path: Path, body: str, key: str, blocks: list[str]) -> tuple[Path, Path]:
    site, store = tmp_path / "site", tmp_path / "blocks"
    (site / "cases/x").mkdir(parents=True)
    store.mkdir()
    (store / f"{key}.json").write_text(json.dumps(blocks, ensure_ascii=False), encoding="utf-8")
    (site / "cases/x/index.html").write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    return site, store


def test_every_slot_is_filled_in_order(tmp_path: Path) -> None:
    key, blocks = _page_with_blocks()
    body = SLOT.format(key=key, n=0) + "<h2>둘</h2>" + SLOT.format(key=key, n=1)
    site, store = _site_with(tmp_path, body, key, blocks)
    assert fill(site, store) == []
    html = (site / "cases/x/index.html").read_text(encoding="utf-8")
    assert html.index("하나") < html.index("<h2>둘</h2>") < html.index("<p>둘</p>") and "data-ck-slot" not in html


@pytest.mark.parametrize("body", [
    "{0}",  # a slot lost by the generator
    "{1}<h2>둘</h2>{0}",  # out of order
    "{0}{0}{1}",  # one more: written into a record, say
    '{0}{1}<div class="ck-block" data-ck-slot="{key}:1" markdown="0" hidden></div>',  # rewritten
])
def test_a_slot_that_does_not_come_out_as_written_fails_the_build(tmp_path: Path, body: str) -> None:
    key, blocks = _page_with_blocks()
    slots = [SLOT.format(key=key, n=n) for n in range(2)]
    site, store = _site_with(tmp_path, body.format(*slots, key=key), key, blocks)
    found = fill(site, store)
    assert [f.code for f in found] == ["generator-failed"] and "cases/x/index.html" in found[0].message_en


def test_a_slot_written_into_a_record_is_not_filled(tmp_path: Path) -> None:
    """A record body cannot make a slot: the sanitizer keeps no data-ck-slot attribute."""
    casebook = copy_casebook(tmp_path / "casebook")
    record = casebook / "cases/2026-0002/01-intake.md"
    key = page_key(make_page("cases/2026-0002.md", "", []))
    record.write_text(record.read_text(encoding="utf-8") + "\n" + SLOT.format(key=key, n=0) + "\n", encoding="utf-8")
    result = build(casebook, tmp_path / "site", TODAY, "mkdocs")
    assert result.errors == [], result.findings
    html = (tmp_path / "site/cases/2026-0002/index.html").read_text(encoding="utf-8")
    assert "data-ck-slot" not in html


def test_a_name_made_of_an_alias_and_the_site_name_is_not_read_in_the_page_title(tmp_path: Path) -> None:
    """The title joins the page's and the site's: "… 오○철 - 가온 사례집" read as the name 철가온 (a
    hyphen is a separator a name may be spelled out with) and failed the build. casekit's
    template joins them with " | "."""
    casebook = copy_casebook(tmp_path / "casebook")
    owner = casebook / "cases/2026-0014/01-intake.md"  # 오○철
    other = next(p for p in sorted(casebook.glob("cases/*/01-intake.md")) if p != owner and "  name: " in p.read_text(encoding="utf-8"))
    text = other.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("  name: "))
    other.write_text(text.replace(name, '  name: "철가온"', 1), encoding="utf-8")
    result = build(casebook, tmp_path / "site", TODAY, "mkdocs")
    assert result.errors == [], result.findings
    title = (tmp_path / "site" / "cases" / owner.parent.name / "index.html").read_text(encoding="utf-8")
    assert "오○철 | 가온 사례집</title>" in title


def test_the_search_reader_leaves_out_what_it_would_skip_and_nothing_else() -> None:
    """search_index._without_unindexed drops what is inside each outermost <ck-noindex> (the
    reader skips it anyway), keeps a block's end where the dropped part had one, and leaves
    unbalanced markup alone; the reader gets the same text either way."""
    from casekit.site import search_index as si

    html = ('<article><h1>사례</h1><p>앞 문장<ck-noindex data-search-exclude><div>목록 <ck-noindex>안쪽</ck-noindex>'
            '</div></ck-noindex>뒤 문장</p><p>둘째 <ck-noindex>숨김</ck-noindex>이어짐</p></article>')
    dropped = si._without_unindexed(html)
    assert "목록" not in dropped and "안쪽" not in dropped and "숨김" not in dropped
    assert si._without_unindexed("<p>a<ck-noindex>b</p>") == "<p>a<ck-noindex>b</p>"
    assert si._without_unindexed("<p>a</ck-noindex>b</p>") == "<p>a</ck-noindex>b</p>"

    def read(text: str) -> tuple[list[str], list[str]]:
        reader = si.read_article(text)
        return reader.title, reader.body

    assert read(dropped) == read(html)
    assert read(html)[1] == ["앞 문장", "뒤 문장", "둘째 이어짐"]
