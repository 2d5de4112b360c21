"""docs/: what may be published, and what check says about the rest (see also fixtures/docs-refused)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from casekit.core.casebook import check
from casekit.core.docs import MAX_LINE, scan_docs
from casekit.site.build import build
from tests.test_fixtures import materialize


def test_the_sample_publishes_its_pages_and_images(sample: Path) -> None:
    scan = scan_docs(sample)
    docs = sample / "docs"
    # the sample holds only publishable files: every page and every image is published, nothing refused
    assert [rel for rel, _ in scan.pages] == sorted(p.relative_to(sample).as_posix() for p in docs.rglob("*.md"))
    assert scan.assets == sorted(p.relative_to(sample).as_posix() for p in docs.rglob("*.png"))
    assert "docs/guide.md" in [rel for rel, _ in scan.pages] and "docs/img/casebook-home.png" in scan.assets
    assert scan.findings == []
    assert "docs/img" in scan.names


def test_only_checked_files_are_published(tmp_path: Path) -> None:
    root = materialize("docs-refused", tmp_path)
    started = time.perf_counter()
    scan = scan_docs(root)
    assert time.perf_counter() - started < 5  # a FIFO is never opened for reading, nothing huge is read
    # (theme.md is a page: its front matter's error, docs-theme-missing, refuses the build)
    assert [rel for rel, _ in scan.pages] == ["docs/guide.md", "docs/move.md", "docs/theme.md", "docs/홍길동-이야기.md"]
    assert scan.assets == ["docs/img/ok.png"]
    refused = {f.path for f in scan.findings}
    for rel in ("docs/pipe.md", "docs/passwd.md", "docs/img/zero.png", "docs/record.md", "docs/img/fake.png",
                "docs/img/logo.svg", "docs/page.html", "docs/notes.txt", "docs/guide.md~", "docs/big.md",
                "docs/brackets.md", "docs/links.md", "docs/wide.md", "docs/theme.md", "docs/bomb.md", "docs/tagged.md",
                "docs/a\\b.md", "docs/img/a\\b.png", "docs/x\\y", "docs/.meta.yml"):
        assert rel in refused, rel
    assert not any(".hidden" in n for n in scan.names)


def test_a_page_of_brackets_is_refused_quickly(tmp_path: Path, sample: Path) -> None:
    (sample / "docs/attack.md").write_text("[" * 20000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    report = check(sample)
    assert time.perf_counter() - started < 10
    assert [(f.code, f.line, f.column) for f in report.findings if f.path == "docs/attack.md"] == [
        ("docs-line-too-long", 1, MAX_LINE + 1)
    ]


def test_a_page_over_one_mebibyte_is_reported_not_skipped(sample: Path) -> None:
    (sample / "docs/big.md").write_bytes(b"x" * ((1 << 20) + 1))
    assert [f.code for f in check(sample).findings if f.path == "docs/big.md"] == ["file-too-large"]


def test_docs_as_a_link_out_is_not_followed(tmp_path: Path, sample: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text("# secret\n", encoding="utf-8")
    os.rename(sample / "docs", tmp_path / "old-docs")
    os.symlink(outside, sample / "docs")
    scan = scan_docs(sample)
    assert scan.pages == [] and scan.assets == []
    assert [(f.path, f.code) for f in scan.findings] == [("docs", "symlink-outside")]


def test_a_hard_link_is_not_published(tmp_path: Path, sample: Path) -> None:
    # a page with another name outside the casebook, and one with the name of a restricted case's record:
    # each would publish, as it changes, a text the casebook does not hold as a page (a symbolic link is refused)
    outside = tmp_path / "outside.md"
    outside.write_text("# 외부 문서\n\nHARDLINK_CANARY_777\n", encoding="utf-8")
    os.link(outside, sample / "docs/notes.md")
    os.link(sample / "cases/2026-0010/02-assessment.md", sample / "docs/hl2.md")
    os.link(sample / "docs/img/casebook-home.png", sample / "docs/img/again.png")
    scan = scan_docs(sample)
    said = {f.path: f for f in scan.findings}
    for rel in ("docs/notes.md", "docs/hl2.md", "docs/img/again.png"):
        assert said[rel].code == "docs-not-published" and said[rel].severity == "warning", rel
        assert "하드 링크" in said[rel].message_ko and "hard link" in said[rel].message_en
        assert rel not in scan.assets and rel not in [r for r, _ in scan.pages]
    # the file it shares its data with is a hard link too (two names): neither is published
    assert "docs/img/casebook-home.png" not in scan.assets
    site = tmp_path / "site"
    build(sample, site)
    published = [p for p in site.rglob("*") if p.is_file()]
    assert not any(p.parent.name in ("notes", "hl2") for p in published)
    for p in published:
        data = p.read_bytes()
        assert b"HARDLINK_CANARY_777" not in data and "위험도를 평가했다".encode() not in data, p


def test_a_name_holding_a_client_name_is_an_error(sample: Path) -> None:
    (sample / "docs/박영수").mkdir()
    codes = [(f.path, f.code) for f in check(sample).findings]
    assert ("docs/박영수", "sensitive-in-text") in codes


def test_a_paragraph_that_would_stall_the_renderer_is_refused_in_records_resources_and_docs(sample: Path) -> None:
    """Brackets left open, or nested deep, make Python-Markdown's link and tag patterns backtrack
    (30,000 `[` in a record took a build 90 s; a million, hours): refused, located at the
    paragraph, whether they sit on one line or one a line, and found in a blink."""
    from casekit.core.docs import stalling_paragraphs

    record = sample / "cases/2026-0001/04-intervention.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "\n" + "[" * 30000 + "\n", encoding="utf-8")
    resource = sorted((sample / "resources").glob("*.md"))[0]
    resource.write_text(resource.read_text(encoding="utf-8") + "\n" + "<a " * 5000 + "\n", encoding="utf-8")
    (sample / "docs" / "lines.md").write_text("# 안내\n\n" + "[ 가나다\n" * 4000, encoding="utf-8")
    (sample / "docs" / "nested.md").write_text("# 안내\n\n" + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    started = time.perf_counter()
    found = {(f.path, f.line) for f in check(sample).findings if f.code == "markdown-brackets"}
    assert time.perf_counter() - started < 20
    assert found == {("cases/2026-0001/04-intervention.md", text.count("\n") + 2),
                     (resource.relative_to(sample).as_posix(), resource.read_text(encoding="utf-8").count("\n")),
                     ("docs/lines.md", 3), ("docs/nested.md", 3)}
    # ordinary brackets, however many (as many as markdown-marks allows a paragraph: 2,000 times this
    # one took a quarter of a second to render): passed over
    ok = "상담 [만족] (3회) <b>확인</b> " * 600 + "\n\n" + "- [x](../y/) 연계\n" * 500
    assert stalling_paragraphs(ok, "cases/c/02-assessment.md", 1) == []


def test_what_the_site_leaves_out_of_a_body_is_said_where_it_is_written(sample: Path) -> None:
    """An image or frame from another host, a script, a style: the site leaves them out ("[외부
    자료 생략]"), and check says so at their place, as a warning; code shows them as code."""
    record = sample / "cases/2026-0001/04-intervention.md"
    text = record.read_text(encoding="utf-8")
    n = text.count("\n") + 1
    record.write_text(text + "\n".join([
        "", "![사진](https://example.org/x.png) <img src='//cdn.example/a.png'> <img src=\"../x.png\">",
        "<script>alert(1)</script> `<script>`는 코드, [링크](https://example.org)는 괜찮습니다",
        "```", "<iframe src=\"https://x.example\"></iframe>", "```",
        "<IFRAME SRC=https://x.example></IFRAME> <video poster=\"https://x/p.png\"></video>", ""]), encoding="utf-8")
    found = [(f.line, f.column, f.severity) for f in check(sample).findings if f.code == "outside-content"]
    assert found == [(n + 1, 1, "warning"), (n + 1, 34, "warning"), (n + 2, 1, "warning"), (n + 6, 1, "warning"),
                     (n + 6, 41, "warning")]


def test_a_docs_page_where_casekit_publishes_its_own_is_refused(sample: Path) -> None:
    """docs/cases/2026-0001/index.md took the case page's place in the site (its timeline and
    goals gone), and docs/index.md or docs/due.md were dropped for casekit's, each without a word
    (found by a probe that attacked a copy of the sample)."""
    for rel in ("cases/2026-0001/index.md", "cases/2026-0001/summary/index.md", "resources/x/index.md",
                "workers/kim.sw/index.md", "due/index.md", "due.md", "index.md", "README.md", "Risk/index.md"):
        page = sample / "docs" / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("# 가짜 사례\n\n가짜 내용\n", encoding="utf-8")
    scan = scan_docs(sample)
    clashes = sorted(f.path for f in scan.findings if f.code == "docs-page-clash")
    assert len(clashes) == 9 and all(f.severity == "error" for f in scan.findings if f.code == "docs-page-clash")
    assert not [rel for rel, _ in scan.pages if "가짜" in _], scan.pages
    assert {"docs/guide.md", "docs/privacy.md"} <= {rel for rel, _ in scan.pages}  # the others stay
    assert sorted(f.path for f in check(sample).errors) == clashes


def test_every_page_casekit_makes_is_where_a_docs_page_would_clash(sample: Path) -> None:
    """`generated_place` knows every part of the site casekit's pages are in (its list in
    casekit.core.docs is kept with casekit.site.views.SECTIONS by this test)."""
    import datetime as dt

    from casekit.core.docs import generated_place
    from casekit.site.generate import generate

    made = generate(check(sample, keep=True), dt.date(2026, 12, 1))
    assert made.pages and [p.src_uri for p in made.pages if generated_place(p.src_uri) is None] == []


def test_a_pages_template_or_icon_out_of_the_theme_is_refused_at_its_value(sample: Path) -> None:
    """`template: ../../etc/passwd` (or an icon) in a docs page passed check; the build then stopped
    with generator-failed, in MkDocs' words (found by a probe). check says it at the value; the
    theme's own names pass."""
    from casekit.core.casebook import check

    page = sample / "docs/theme.md"
    page.write_text("---\ntemplate: ../../../../etc/passwd\nicon: '/etc/hostname'\n---\n# 안내\n", encoding="utf-8")
    found = [(f.path, f.code, f.line, f.column) for f in check(sample).errors]
    assert found == [("docs/theme.md", "docs-theme-missing", 2, 11), ("docs/theme.md", "docs-theme-missing", 3, 8)]
    page.write_text("---\ntemplate: main.html\nicon: material/emoticon-happy\n---\n# 안내\n", encoding="utf-8")
    assert not check(sample).errors


def test_a_docs_page_is_scanned_again_when_it_changes_and_its_findings_kept_while_it_does_not(sample: Path) -> None:
    """The PII scan of docs/ pages is kept in the cache by the page's text: a phone number
    written in, taken out and put back is found, gone and found again, never a stale answer."""
    page = sample / "docs" / "contacts.md"
    phone = "# 연락처\n\n상담 010-2345-6789\n"

    def phones() -> list[tuple[str, int | None]]:
        return [(f.path, f.line) for f in check(sample).findings if f.code == "pii-phone"]

    page.write_text(phone, encoding="utf-8")
    assert phones() == [("docs/contacts.md", 3)] == phones()  # found, then found from the cache
    page.write_text("# 연락처\n\n상담은 복지관 대표번호로\n", encoding="utf-8")
    assert phones() == []
    page.write_text(phone, encoding="utf-8")
    assert phones() == [("docs/contacts.md", 3)]
    guide = sample / "docs" / "guide.md"  # another page changed: this one's findings stay
    guide.write_text(guide.read_text(encoding="utf-8") + "\n추가 안내\n", encoding="utf-8")
    assert phones() == [("docs/contacts.md", 3)]
