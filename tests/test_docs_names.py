"""A docs/ file or folder name the build folder cannot hold (`docs/a\\b.md`: git on Linux stores
it): an error at it in check, and a finding, never a traceback, from a build that meets one
(see fixtures/docs-refused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.docs import DocsScan, name_refused, scan_docs, unwritable
from casekit.site import build as build_mod
from casekit.site.build import Refused, build


def test_a_name_with_a_backslash_is_an_error_at_it(sample: Path) -> None:
    (sample / "docs/a\\b.md").write_text("# bs\n", encoding="utf-8")
    (sample / "docs/img/a\\b.png").write_bytes((sample / "docs/img/casebook-home.png").read_bytes())
    (sample / "docs/x\\y").mkdir()
    (sample / "docs/x\\y/in.md").write_text("# in\n", encoding="utf-8")
    report = check(sample, keep=True)
    found = sorted((f.path, f.code, f.severity) for f in report.findings if "\\" in f.path)
    assert found == [("docs/a\\b.md", "docs-not-published", "error"), ("docs/img/a\\b.png", "docs-not-published", "error"),
                     ("docs/x\\y", "docs-not-published", "error")]
    said = next(f for f in report.findings if f.path == "docs/a\\b.md")
    assert "역슬래시" in said.message_ko and "이름을 바꾸세요" in said.message_ko
    # what may be published is said where a file's type is refused, not where its name or place is
    assert "실을 수 있는 것" not in said.message_ko and "only Markdown" not in said.message_en
    scan = scan_docs(sample)
    assert not any("\\" in rel for rel, _ in scan.pages) and not any("\\" in rel for rel in scan.assets)
    with pytest.raises(Refused, match="docs-not-published"):
        build(sample, sample.parent / "site")


def test_the_build_refuses_a_backslash_name_check_did_not_see(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = check(sample, keep=True)  # clean; the file comes after it (or check was bypassed)
    (sample / "docs/a\\b.md").write_text("# bs\n", encoding="utf-8")
    monkeypatch.setattr(build_mod, "check", lambda root, keep: report)
    # (scan_docs publishes no such name now: a scan that did, as the one before this check)
    monkeypatch.setattr("casekit.site.generate.scan_docs", lambda root: _scan_publishing(root, "docs/a\\b.md"))

    def no_generator(*args: object, **kwargs: object) -> list[object]:
        raise AssertionError("the generator ran")

    monkeypatch.setattr(build_mod, "run_generator", no_generator)
    result = build(sample, sample.parent / "site")  # no ValueError's traceback
    assert [(f.path, f.code, f.severity) for f in result.errors] == [("docs/a\\b.md", "docs-not-published", "error")]
    assert not (sample.parent / "site").exists()


def _scan_publishing(root: Path, rel: str) -> DocsScan:
    """scan_docs as it was before names were judged: `rel` among the pages."""
    scan = scan_docs(root)
    scan.pages = sorted([*scan.pages, (rel, "# bs\n")])
    return scan


def test_unwritable_is_what_the_build_folder_refuses() -> None:
    for rel in ("a\\b.md", "/abs.md", "../up.md", "x/../../y.md"):
        assert unwritable(rel)
        assert name_refused(rel) is not None
    for rel in ("a-b.md", "img/a.png", "...md", "a..b.md"):
        assert not unwritable(rel) and name_refused(rel) is None


def test_the_list_of_what_may_be_published_is_said_where_a_type_is_refused(sample: Path) -> None:
    (sample / "docs/notes.txt").write_text("메모\n", encoding="utf-8")
    (sample / "docs/page.html").write_text("<p>x</p>\n", encoding="utf-8")
    deep = sample / "docs" / "/".join(f"d{i}" for i in range(20))
    deep.mkdir(parents=True)
    (deep / "p.md").write_text("# p\n", encoding="utf-8")
    said = {f.path: f for f in scan_docs(sample).findings if f.code == "docs-not-published"}
    for rel in ("docs/notes.txt", "docs/page.html"):
        assert "실을 수 있는 것은 Markdown 쪽(.md)" in said[rel].message_ko, said[rel].message_ko
        assert "only Markdown pages (.md)" in said[rel].message_en
        assert said[rel].message_ko.count("실을 수 있는 것") == 1
    too_deep = [f for rel, f in said.items() if rel.startswith("docs/d0/")]
    assert too_deep and all("너무 깊습니다" in f.message_ko and "실을 수 있는 것" not in f.message_ko for f in too_deep)


def test_a_given_name_in_a_docs_file_or_folder_name_is_an_error(sample: Path) -> None:
    """`docs/img/지윤.png` (the contact 한지윤 주무관's given name) and `docs/민호-메모.md` (the client
    정민호's) were published with the name in their addresses, with no finding or a warning saying
    the page masks it (no mask reaches an address). A client's or a contact's given name as a word
    of its own in a name, or marked as a person's (`영수님-통화.md`), is an error of check, and of
    the build's audit; one inside a longer word (`민호가-메모.md`) stays a warning, and a word no
    one is named (`안내.md`) nothing."""
    from casekit.core.needles import sensitive_needles
    from casekit.core.sensitive import SensitiveIndex
    from casekit.site.audit import Scanner, _scan_name

    (sample / "docs/img/casebook-home.png").rename(sample / "docs/img/지윤.png")
    for name in ("민호-메모.md", "영수님-통화.md", "민호가-메모.md", "안내.md", "지윤/index.md"):
        (sample / "docs" / name).parent.mkdir(exist_ok=True)
        (sample / "docs" / name).write_text("# 메모\n\n내용.\n", encoding="utf-8")
    report = check(sample, keep=True)
    found = sorted((f.path, f.code, f.severity) for f in report.findings if f.path.startswith("docs/")
                   and "given-name" in f.code)
    assert found == [("docs/img/지윤.png", "given-name-in-name", "error"),
                     ("docs/민호-메모.md", "given-name-in-name", "error"),
                     ("docs/민호가-메모.md", "given-name-in-text", "warning"),
                     ("docs/영수님-통화.md", "given-name-in-name", "error"),
                     ("docs/지윤", "given-name-in-name", "error")], found
    assert "자원 담당자 이름" in next(f.message_ko for f in report.findings if f.path == "docs/img/지윤.png")
    scan = Scanner(SensitiveIndex(sensitive_needles(report)))
    for rel in ("img/지윤.png", "민호-메모", "영수님-통화", "지윤"):  # (the audit reads each folder's name)
        assert {f.code for f in _scan_name(rel, scan)} == {"site-sensitive"}, rel
    for rel in ("민호가-메모", "안내"):
        assert _scan_name(rel, scan) == [], rel
    with pytest.raises(Refused):
        build(sample, sample.parent / "site")
