"""Case pages composed into a frame the generator rendered (casekit.site.compose, casekit.site.frame).

The promise: a composed site is, file for file and byte for byte, the site the generator would
have rendered page by page. Every build test here builds the casebook both ways and compares;
where composing must not happen (an unknown plugin, a setting that changes headings) the frame
is refused and the site is still the generator's.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casekit.site.build import BuildResult, Refused, build
from casekit.site.compose import _lists_pages
from casekit.site.frame import Frame, Heading, Outline, Proof, learn, outline, render_content, shown
from tests.conftest import copy_casebook

TODAY = dt.date(2026, 11, 20)


def both(casebook: Path, tmp_path: Path) -> tuple[BuildResult, dict[str, bytes], BuildResult, dict[str, bytes]]:
    """The casebook built with composing and without (in a copy): results and every file."""
    other = tmp_path / "whole"
    shutil.copytree(casebook, other, ignore=shutil.ignore_patterns(".casekit", "site"))
    composed = build(casebook, tmp_path / "site-composed", today=TODAY)
    whole = build(other, tmp_path / "site-whole", today=TODAY, compose=False)
    assert not composed.errors and not whole.errors, (composed.errors, whole.errors)
    return composed, site_files(composed.site_dir), whole, site_files(whole.site_dir)


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def assert_same(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b)
    differ = [rel for rel in a if a[rel] != b[rel]]
    assert not differ, differ[:10]


def test_the_composed_site_is_the_generators_byte_for_byte(sample: Path, tmp_path: Path) -> None:
    composed, a, whole, b = both(sample, tmp_path)
    assert composed.composed and composed.composed >= 5  # most of the sample's cases
    assert whole.composed == 0
    assert composed.pages == whole.pages
    assert_same(a, b)
    # a composed page is finished like any other: CSP, slots filled, in the search index
    page = a["cases/2026-0001/index.html"].decode()
    assert "Content-Security-Policy" in page and "data-ck-slot" not in page and "ck-record-data" in page
    assert any(b'"cases/2026-0001/"' in data for rel, data in a.items() if rel.startswith("search/casekit/"))


def test_a_case_with_text_no_frame_can_hold_goes_through_the_generator(sample: Path, tmp_path: Path) -> None:
    intake = sample / "cases/2026-0003/01-intake.md"
    intake.write_text(intake.read_text(encoding="utf-8").replace('alias: "정○○"', 'alias: "정○○ *"'), encoding="utf-8")
    composed, a, whole, b = both(sample, tmp_path)
    assert composed.composed and whole.composed == 0
    assert_same(a, b)
    assert "정○○ \\*" in (sample / ".casekit/build/docs/cases/2026-0003.md").read_text(encoding="utf-8")


def test_permalinks_on_headings_fail_the_proof_and_every_page_is_rendered(sample: Path, tmp_path: Path) -> None:
    config = sample / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      toc_depth: 2\n", "      toc_depth: 2\n      permalink: true\n"),
                      encoding="utf-8")
    composed, a, whole, b = both(sample, tmp_path)
    assert composed.composed == 0
    assert any("틀을 확인하지 못해" in n for n in composed.notes)
    assert 'class="headerlink"' in a["cases/2026-0001/index.html"].decode()
    assert_same(a, b)


@pytest.mark.parametrize("edit", [
    ("theme:\n", "theme:\n  custom_dir: mine\n"),  # its templates could render any page otherwise
    # (a hook could change any page too: hooks are refused outright, `settings-unsafe`)
    ("  - admonition\n", "  - admonition\n  - abbr\n"),  # an extension that can mark up safe text
])
def test_a_setup_composing_does_not_know_renders_every_page(sample: Path, tmp_path: Path,
                                                            edit: tuple[str, str]) -> None:
    config = sample / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert edit[0] in text
    (sample / "mine" / "partials").mkdir(parents=True)  # a custom_dir overriding one partial, without scripts
    (sample / "mine" / "partials" / "copyright.html").write_text("<div class=\"md-copyright\">가온</div>\n")
    config.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    composed, a, whole, b = both(sample, tmp_path)
    assert composed.composed == 0
    assert_same(a, b)


def test_with_site_url_the_build_refuses_at_the_key(sample: Path, tmp_path: Path) -> None:
    """MkDocs with `site_url` lists its pages in sitemap.xml (it would miss composed ones: nothing
    is composed then, compose._lists_pages) and writes a canonical link to that host into every
    page, which the audit refuses; check says so at the key, and the build does not start."""
    config = sample / "mkdocs.yml"
    config.write_text("site_url: https://casebook.example.org/\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(Refused) as refused:
        build(sample, tmp_path / "site", today=TODAY)
    assert [(f.path, f.code, f.line) for f in refused.value.report.errors] == [("mkdocs.yml", "settings-outside-load", 1)]
    assert not (tmp_path / "site").exists()
    sitemap = tmp_path / "listed"
    sitemap.mkdir()
    (sitemap / "sitemap.xml").write_text("<urlset><url><loc>https://casebook.example.org/</loc></url></urlset>")
    assert _lists_pages(sitemap) and not _lists_pages(tmp_path)


def test_a_rebuild_keeps_the_composed_pages_of_unchanged_cases(sample: Path, tmp_path: Path) -> None:
    first = build(sample, tmp_path / "one", today=TODAY)
    assert first.composed and first.remade == 14
    again = build(sample, tmp_path / "two", today=TODAY)
    assert again.composed == first.composed and again.remade == 0
    assert_same(site_files(tmp_path / "one"), site_files(tmp_path / "two"))
    # one record edited: that case alone is made again, and the site is the one made from nothing
    store = sample / ".casekit/build/composed"
    composed_ids = sorted(p.name.removesuffix(".case.html") for p in store.glob("*.case.html"))
    cid = composed_ids[0]
    record = sorted((sample / "cases" / cid).glob("*.md"))[-1]
    record.write_text(record.read_text(encoding="utf-8") + "\n덧붙인 문장입니다.\n", encoding="utf-8")
    edited = build(sample, tmp_path / "three", today=TODAY)
    assert edited.remade == 1
    assert "덧붙인 문장입니다." in (tmp_path / "three" / "cases" / cid / "index.html").read_text(encoding="utf-8")
    other = tmp_path / "fresh"
    shutil.copytree(sample, other, ignore=shutil.ignore_patterns(".casekit"))
    build(other, tmp_path / "four", today=TODAY)
    assert_same(site_files(tmp_path / "three"), site_files(tmp_path / "four"))


def test_a_build_on_another_day_keeps_only_the_pages_that_do_not_show_the_day(sample: Path, tmp_path: Path) -> None:
    """A new 기준일 makes again the cases whose pages show it (an open case's timeline and D-days)
    and keeps the others (a closed case); on every day the site is the one made from nothing,
    including a day far enough on that deadlines change state (due soon, overdue)."""
    import json

    first = build(sample, tmp_path / "day0", today=TODAY)
    assert first.composed and first.remade == 14
    store = sample / ".casekit/build/composed"
    entries = json.loads((store / "manifest.json").read_text(encoding="utf-8"))["cases"]
    dated = {cid for cid, entry in entries.items() if entry["dated"]}
    undated = set(entries) - dated
    assert dated and undated  # the sample has both: open cases, and closed ones without 사후관리
    for cid in dated:  # what made them dated: the page shows the day
        assert "기준일 11-20" in (tmp_path / "day0/cases" / cid / "index.html").read_text(encoding="utf-8")
    for cid in undated:
        assert "기준일" not in (tmp_path / "day0/cases" / cid / "index.html").read_text(encoding="utf-8")
    proofs = first.remade - first.composed  # rendered by the generator: made again on any new day
    for n, days in enumerate((1, 45)):
        day = TODAY + dt.timedelta(days=days)
        later = build(sample, tmp_path / f"later{n}", today=day)
        assert later.remade == proofs + len(dated), (days, later.remade)
        kept = {cid for cid, entry in
                json.loads((store / "manifest.json").read_text(encoding="utf-8"))["cases"].items() if not entry["dated"]}
        assert kept == undated
        other = tmp_path / f"fresh{n}"
        shutil.copytree(sample, other, ignore=shutil.ignore_patterns(".casekit"))
        build(other, tmp_path / f"fresh-site{n}", today=day)
        assert_same(site_files(tmp_path / f"later{n}"), site_files(tmp_path / f"fresh-site{n}"))


def test_a_store_of_the_old_layout_is_composed_again_and_cleared(sample: Path, tmp_path: Path) -> None:
    """A build folder from casekit before format 2 (a folder a case, manifest format 1): nothing in
    it is trusted, every case is composed again, and its folders are removed."""
    import json

    first = build(sample, tmp_path / "one", today=TODAY)
    store = sample / ".casekit/build/composed"
    ids = sorted(p.name.removesuffix(".case.html") for p in store.glob("*.case.html"))
    manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
    for cid in ids:  # each case's files moved into a folder of its own, as format 1 kept them
        (store / cid).mkdir()
        for suffix in (".case.html", ".summary.html", ".read.json"):
            (store / f"{cid}{suffix}").rename(store / cid / suffix[1:])
    manifest["format"] = 1
    (store / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    again = build(sample, tmp_path / "two", today=TODAY)
    assert not again.errors and again.composed == first.composed
    assert again.remade == first.composed  # none of the composed kept (the proofs are, in docs/)
    assert not [p for p in store.iterdir() if p.is_dir()]
    assert sorted(p.name.removesuffix(".case.html") for p in store.glob("*.case.html")) == ids
    assert_same(site_files(tmp_path / "one"), site_files(tmp_path / "two"))


@pytest.fixture(scope="module")
def untampered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The site of a fresh copy of the sample built from nothing (no build folder): what a build
    after any tampering must make, byte for byte (built once for all of them)."""
    tmp = tmp_path_factory.mktemp("untampered")
    build(copy_casebook(tmp / "fresh"), tmp / "site", today=TODAY)
    return site_files(tmp / "site")


@pytest.mark.parametrize("tamper", ["page", "read", "read-shape", "symlink", "manifest", "links", "forged", "swapped"])
def test_a_tampered_store_is_never_published(sample: Path, tmp_path: Path, tamper: str,
                                             untampered: dict[str, bytes]) -> None:
    from casekit.site.compose import Store, build_key

    build(sample, tmp_path / "one", today=TODAY)
    store = sample / ".casekit/build/composed"
    cid = sorted(p.name.removesuffix(".case.html") for p in store.glob("*.case.html"))[0]
    signer = Store(store, lambda case: None, secret=build_key())  # (this machine's key: as casekit signs)

    def signed(name: str, data: bytes, entries: dict) -> str:
        return signer.sign(cid, name, entries[cid]["key"], data) or ""

    if tamper == "page":  # a kept page changed: its case is composed again
        page = store / f"{cid}.case.html"
        page.write_bytes(page.read_bytes().replace(b"</article>", b"<p>planted</p></article>"))
    elif tamper in ("forged", "swapped"):  # the manifest written to match, without this machine's key
        import hashlib
        import json
        manifest = store / "manifest.json"
        data = json.loads(manifest.read_text(encoding="utf-8"))
        page = store / f"{cid}.case.html"
        if tamper == "forged":  # a script planted, its digest recomputed (an attacker's probe published it)
            planted = page.read_bytes().replace(b"</article>", b"<p>planted</p><script>alert(1)</script></article>")
            page.unlink()
            page.write_bytes(planted)
            data["cases"][cid]["digests"]["case"] = hashlib.blake2b(planted, digest_size=16).hexdigest()
        else:  # another case's kept page, signed as casekit signed it, put in this case's place
            other = sorted(p.name.removesuffix(".case.html") for p in store.glob("*.case.html"))[1]
            theirs = (store / f"{other}.case.html").read_bytes().replace(b"</article>", b"<p>planted</p></article>")
            page.unlink()
            page.write_bytes(theirs)
            data["cases"][cid]["digests"]["case"] = signer.sign(other, "case", data["cases"][cid]["key"], theirs)
        manifest.write_text(json.dumps(data), encoding="utf-8")
    elif tamper == "read":  # what the search index reads of a kept page changed: composed again
        read = store / f"{cid}.read.json"
        read.write_text(read.read_text(encoding="utf-8").replace(f'"cases/{cid}/"', '"cases/planted/"'), encoding="utf-8")
    elif tamper in ("read-shape", "symlink"):  # consistent with its manifest, but not as casekit writes
        import hashlib
        import json
        manifest = store / "manifest.json"
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if tamper == "read-shape":
            planted = json.dumps({"case": [["x", 1, None], {"a": "b"}], "summary": None}).encode()
            (store / f"{cid}.read.json").write_bytes(planted)
            data["cases"][cid]["digests"]["read"] = signed("read", planted, data["cases"])
        else:  # a kept page that is a link to a file outside the casebook
            outside = tmp_path / "outside.html"
            outside.write_bytes(b"<p>planted</p>")
            (store / f"{cid}.case.html").unlink()
            (store / f"{cid}.case.html").symlink_to(outside)
            data["cases"][cid]["digests"]["case"] = signed("case", b"<p>planted</p>", data["cases"])
        manifest.write_text(json.dumps(data), encoding="utf-8")
    elif tamper == "manifest":  # a manifest naming files out of the store: never read
        manifest = store / "manifest.json"
        manifest.write_text(manifest.read_text(encoding="utf-8").replace(f'"{cid}"', '"../../../etc"'), encoding="utf-8")
    else:  # the site's copies are links to the store: editing the built site changes neither
        (tmp_path / "one" / "cases" / cid / "index.html").unlink()
    again = build(sample, tmp_path / "two", today=TODAY)
    assert not again.errors
    assert b"planted" not in (tmp_path / "two" / "cases" / cid / "index.html").read_bytes()
    assert again.remade == (0 if tamper == "links" else 1)
    assert not (tmp_path / "two" / "cases" / cid / "index.html").is_symlink()
    assert_same(site_files(tmp_path / "two"), untampered)


def test_kept_pages_are_signed_with_a_key_outside_the_casebook(sample: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The key is made once, in casekit's cache folder, readable by its owner only; a build folder
    brought to another machine (another key) keeps nothing; without a key that can be made, every
    case is composed (and audited) at each build, and the site is the same."""
    import os
    import stat

    from casekit.site.compose import KEY_FILE, build_key

    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path / "cache"))
    key = build_key()
    assert key is not None and len(key) == 32 and build_key() == key
    assert stat.S_IMODE(os.stat(tmp_path / "cache" / KEY_FILE).st_mode) == 0o600
    first = build(sample, tmp_path / "one", today=TODAY)
    assert first.composed and build(sample, tmp_path / "two", today=TODAY).remade == 0  # all kept
    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path / "elsewhere"))  # another machine: another key
    assert build(sample, tmp_path / "three", today=TODAY).remade == first.composed  # (the proofs stay in docs/)
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path / "file"))  # no key can be made: nothing kept
    assert build_key() is None
    for name in ("four", "five"):
        again = build(sample, tmp_path / name, today=TODAY)
        assert not again.errors and again.remade == first.composed
    assert_same(site_files(tmp_path / "one"), site_files(tmp_path / "five"))


# -- the frame, on its own ----------------------------------------------------
def slot(n: int) -> str:
    return f'<div class="ck-block" data-ck-slot="0123456789abcdef:{n}" markdown="0"></div>'


def page_md(title: str, heads: list[str]) -> str:
    parts = [f"# {title} {{ #title }}", slot(0)]
    for i, h in enumerate(heads):
        parts += [f"## {h} {{ #h{i} .ck-record }}", slot(i + 1)]
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("text", ["1st 사정", "사정 (c)", "a--b", "김*", "김_", "`x`", "[x]", "a:b", "a.b", "a  b", " a",
                                  "<b>", "a&b", "a@b", "x\\y"])
def test_text_an_extension_could_mark_up_is_not_composed(text: str) -> None:
    assert outline(page_md("2026-0001 · 박○○", [text]), slot) is None


def test_escaped_parentheses_are_shown_as_written() -> None:
    assert shown("06 사정 \\(재사정\\) · 2024-08-07") == "06 사정 (재사정) · 2024-08-07"
    assert shown("06 사정 (재사정)") is None  # not as casekit escapes it
    page = outline(page_md("S0001 · 박○○", ["06 사정 \\(재사정\\) · 2024-08-07", "타임라인"]), slot)
    assert page is not None and page.title == "S0001 · 박○○"
    assert page.toc == [Heading(2, "06 사정 (재사정) · 2024-08-07", "h0", ("ck-record",)),
                        Heading(2, "타임라인", "h1", ("ck-record",))]


def test_a_page_with_anything_but_headings_and_blocks_is_not_composed() -> None:
    assert outline(page_md("제목", ["하나"]).replace(slot(1), "문단"), slot) is None
    assert outline("## 둘 { #a }\n\n" + slot(0) + "\n", slot) is None  # no title
    assert outline("# 제목\n\n" + slot(0) + "\n", slot) is None  # no anchor: the generator's slug


def rendered(title: str, cid: str, heads: list[str], extra: str = "") -> Proof:
    """A page as a Material-like generator would render it."""
    page = outline(page_md(title, heads), slot)
    assert page is not None
    toc = "".join(f'<li><a href="#{h.anchor}">{h.text}</a></li>\n' for h in page.toc)
    html = (f"<title>{title} | 사례집</title><link href=\"/cases/{cid}/\">\n<nav><ul>{toc}</ul></nav>\n"
            f"<article>{render_content(page, slot)}</article>{extra}\n")
    return Proof(cid, page, slot, html)


def test_a_frame_learned_from_one_page_composes_others() -> None:
    proofs = [rendered("2026-0001 · 박○○", "2026-0001", ["타임라인", "01 접수", "02 사정"]),
              rendered("2026-0002 · 김○○", "2026-0002", ["타임라인"]),
              rendered("2026-0003 · 이○○", "2026-0003", ["타임라인", "01 접수"])]
    frame = learn(proofs)
    assert isinstance(frame, Frame)
    other = rendered("S9 · 최○○", "S9", ["가", "나", "다", "라"])
    assert frame.compose(other.page, other.cid, render_content(other.page, slot)) == other.html
    empty = Outline("", (Heading(1, "제목", "title"), 0))
    assert frame.compose(empty, "x", "") is None  # no heading for its table of contents


def test_a_frame_that_differs_between_pages_is_refused() -> None:
    proofs = [rendered("2026-0001 · 박○○", "2026-0001", ["타임라인", "01 접수"]),
              rendered("2026-0002 · 김○○", "2026-0002", ["타임라인", "01 접수"], extra="<p>수정일 2026-11-02</p>")]
    assert learn(proofs) is None
    assert learn(proofs[:1]) is None  # one page proves nothing


def test_a_frame_holds_only_the_tables_of_contents_it_was_learned_for() -> None:
    one = learn([rendered("2026-0001 · 박○○ 사례 요약", "2026-0001", ["현재 목표"]),
                 rendered("2026-0002 · 김○○ 사례 요약", "2026-0002", ["현재 목표"])])
    assert one is not None and one.holds(1, 1) and not one.holds(1, 2) and not one.holds(0, 1)
    many = learn([rendered("2026-0001 · 박○○", "2026-0001", ["타임라인", "01 접수"]),
                  rendered("2026-0002 · 김○○", "2026-0002", ["타임라인"])])
    assert many is not None and many.holds(1, 40) and not many.holds(0, 3)


def test_a_case_the_menu_or_a_docs_page_links_to_is_rendered_by_the_generator(sample: Path, tmp_path: Path) -> None:
    config = sample / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - 사례 목록: cases/index.md\n",
                                                                 "  - 사례 목록: cases/index.md\n  - 한 사례: cases/2026-0003.md\n"),
                      encoding="utf-8")
    guide = sample / "docs/guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n예: [사례 2026-0004](cases/2026-0004.md)\n", encoding="utf-8")
    composed, a, whole, b = both(sample, tmp_path)
    assert composed.composed
    docs = sample / ".casekit/build/docs/cases"
    assert (docs / "2026-0003.md").is_file() and (docs / "2026-0004.md").is_file()
    assert_same(a, b)


def test_a_docs_page_where_a_case_page_goes_is_refused(sample: Path, tmp_path: Path) -> None:
    """It gave way to the case page with a note; a page at docs/cases/2026-0001/index.md took the
    case page's place instead. Either is now check's docs-page-clash: nothing is built."""

    (sample / "docs/cases").mkdir(parents=True, exist_ok=True)
    (sample / "docs/cases/2026-0002.md").write_text("# 다른 페이지\n\n내용\n", encoding="utf-8")
    with pytest.raises(Refused, match=r"docs/cases/2026-0002.md: \[docs-page-clash\]"):
        build(sample, tmp_path / "site", today=dt.date(2026, 11, 20))
    assert not (tmp_path / "site").exists()


def test_every_page_renders_each_case_page_with_the_generator(sample: Path, run) -> None:  # type: ignore[no-untyped-def]
    done = run(sample, "build", "--every-page", "--today", "2026-11-20")
    assert done.exit_code == 0, done.output
    assert "틀에 넣은" not in done.output
    assert not any((sample / ".casekit/build/composed").glob("*/case.html"))
    done = run(sample, "build", "--today", "2026-11-20")
    assert done.exit_code == 0 and "틀에 넣은 사례 10건" in done.output, done.output


def test_a_frame_holds_only_pages_with_its_front_matter() -> None:
    proofs = [rendered("2026-0001 · 박○○", "2026-0001", ["타임라인", "01 접수"]),
              rendered("2026-0002 · 김○○", "2026-0002", ["타임라인"])]
    frame = learn(proofs)
    assert frame is not None and frame.front == ""
    hidden = outline("---\nhide:\n  - toc\n---\n\n" + page_md("2026-0003 · 이○○", ["타임라인"]), slot)
    assert hidden is not None and hidden.front
    assert frame.compose(hidden, "2026-0003", render_content(hidden, slot)) is None
