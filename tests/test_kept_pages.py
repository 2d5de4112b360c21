"""A reused build folder: the pages of a case are made again only when something they show changed.

Every test compares the build folder's docs/ and blocks/ after the rebuild with those of a build
made from nothing (a copy of the casebook without .casekit): whatever casekit kept must be byte
for byte what it would have made.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.site.build import pages_index
from casekit.site.generate import PAGES_MANIFEST, Written, generate, write_build_folder
from tests.conftest import copy_casebook

TODAY = dt.date(2026, 11, 20)
CASES = 14  # in the sample casebook


def build_folder(casebook: Path, today: dt.date = TODAY, defer: bool = True) -> Written:
    """What `casekit build` does with the build folder: the case pages' blocks left to make while
    the generator runs (`defer`; made here at once, with no generator)."""
    report = check(casebook, keep=True)
    assert not report.errors, report.errors
    index = pages_index(report)  # masks given names in the bodies
    written = write_build_folder(casebook, generate(report, today, keep=False, index=index), defer=defer)
    if defer:
        assert written.pending is not None and not (casebook / ".casekit/build" / PAGES_MANIFEST).exists()
        written.pending()
    assert written.pending is None
    return written


def files(casebook: Path) -> dict[str, bytes]:
    work = casebook / ".casekit/build"
    return {p.relative_to(work).as_posix(): p.read_bytes() for part in ("docs", "blocks")
            for p in (work / part).rglob("*") if p.is_file()}


def fresh(casebook: Path, tmp_path: Path, today: dt.date = TODAY) -> dict[str, bytes]:
    """The build folder made from nothing, for the casebook as it is now."""
    other = tmp_path / "fresh"
    shutil.rmtree(other, ignore_errors=True)
    shutil.copytree(casebook, other, ignore=shutil.ignore_patterns(".casekit"))
    assert build_folder(other, today, defer=False).remade == sum(1 for _ in (other / "cases").iterdir())
    return files(other)


@pytest.fixture
def casebook(tmp_path: Path) -> Path:
    book = copy_casebook(tmp_path / "casebook")
    first = build_folder(book)
    assert first.remade == CASES and (book / ".casekit/build" / PAGES_MANIFEST).is_file()
    return book


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_nothing_changed_no_case_page_is_made_again(casebook: Path, tmp_path: Path) -> None:
    before = files(casebook)
    again = build_folder(casebook)
    assert again.remade == 0 and again.changed == 0
    assert files(casebook) == before == fresh(casebook, tmp_path)


def test_an_edited_record_remakes_its_case_alone(casebook: Path, tmp_path: Path) -> None:
    record = casebook / "cases/2026-0003/01-intake.md"
    record.write_text(record.read_text(encoding="utf-8") + "\n추가 관찰: 방문 약속을 다시 잡았다.\n", encoding="utf-8")
    again = build_folder(casebook)
    assert again.remade == 1
    assert files(casebook) == fresh(casebook, tmp_path)


def test_a_new_record_and_a_case_gone(casebook: Path, tmp_path: Path) -> None:
    shutil.rmtree(casebook / "cases/2026-0014")
    source = casebook / "cases/2026-0005"
    last = sorted(p.name for p in source.glob("*.md"))[-1]
    text = (source / last).read_text(encoding="utf-8")
    assert build_folder(casebook).remade == CASES - 1  # its sensitive values are no longer masked elsewhere
    assert files(casebook) == fresh(casebook, tmp_path)
    (source / last).write_text(text.replace("worker: kim.sw", "worker: lee.sw", 1), encoding="utf-8")
    assert build_folder(casebook).remade == 1
    assert files(casebook) == fresh(casebook, tmp_path)


@pytest.mark.parametrize("change", ["today", "settings", "resource", "sensitive value of another case", "schema"])
def test_what_every_case_page_shows_remakes_them_all(casebook: Path, tmp_path: Path, change: str) -> None:
    today = TODAY
    if change == "today":
        today = TODAY + dt.timedelta(days=40)  # the D-days of every case move
    elif change == "settings":
        edit(casebook / "casekit.yml", "due_soon_days: 7", "due_soon_days: 10")
    elif change == "resource":
        edit(casebook / "resources/gaon-food-bank.md", 'name: "가온구 기초푸드뱅크·푸드마켓"', 'name: "가온구 푸드뱅크"')
    elif change == "sensitive value of another case":  # a given name masked in every case's bodies
        edit(casebook / "cases/2026-0005/01-intake.md", 'name: "최순자"', 'name: "최순희"')
    else:
        schema = casebook / "schemas/monitoring.schema.json"
        data = json.loads(schema.read_text(encoding="utf-8"))
        data["title"] = str(data.get("title", "")) + " (개정)"
        schema.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert build_folder(casebook, today).remade == CASES
    assert files(casebook) == fresh(casebook, tmp_path, today)


def test_a_page_changed_in_the_build_folder_is_made_again(casebook: Path, tmp_path: Path) -> None:
    work = casebook / ".casekit/build"
    page = work / "docs/cases/2026-0002.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    blocks = sorted((work / "blocks").glob("*.json"))
    blocks[0].unlink()
    again = build_folder(casebook)
    assert 1 <= again.remade <= 2
    assert files(casebook) == fresh(casebook, tmp_path)


@pytest.mark.parametrize("manifest", [
    "{", "[]", '{"format": 1, "cases": []}', '{"format": 99, "cases": {}}', "\ufffe\x00",
    "outside",  # a case's files pointed out of the build folder, with the right digests
    "wrong types",
])
def test_a_broken_or_hostile_manifest_makes_the_pages_again(casebook: Path, tmp_path: Path, manifest: str) -> None:
    path = casebook / ".casekit/build" / PAGES_MANIFEST
    if manifest in ("outside", "wrong types"):
        data = json.loads(path.read_text(encoding="utf-8"))
        entry = data["cases"]["2026-0002"]
        if manifest == "outside":
            import hashlib

            target = casebook / "mkdocs.yml"
            digest = hashlib.blake2b(target.read_bytes(), digest_size=16).hexdigest()
            entry["files"] = [[True, "../../../mkdocs.yml", digest], [True, "cases/2026-0002/summary.md", digest]]
        else:
            data["cases"]["2026-0003"] = {"key": entry["key"], "files": [[1, None, 2], "x"]}
            entry["files"] = "docs"
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_text(manifest, encoding="utf-8")
    again = build_folder(casebook)
    assert again.remade == {"outside": 1, "wrong types": 2}.get(manifest, CASES)
    assert files(casebook) == fresh(casebook, tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == 1


def test_a_build_stopped_halfway_leaves_no_manifest_to_trust(casebook: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest is taken away before the pages are written and put back when all are."""
    import casekit.site.generate as generate_module

    record = casebook / "cases/2026-0003/01-intake.md"
    record.write_text(record.read_text(encoding="utf-8") + "\n메모\n", encoding="utf-8")

    def stop(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(generate_module, "scan_docs", stop)  # after the pages, before the manifest
    with pytest.raises(KeyboardInterrupt):
        build_folder(casebook)
    assert not (casebook / ".casekit/build" / PAGES_MANIFEST).exists()
    monkeypatch.undo()
    assert build_folder(casebook).remade == CASES
    assert files(casebook) == fresh(casebook, tmp_path)


def test_pages_masked_by_an_index_of_unknown_values_are_never_kept(casebook: Path, tmp_path: Path) -> None:
    from casekit.core.sensitive import SensitiveIndex
    from casekit.site.build import sensitive_needles

    report = check(casebook, keep=True)
    index = SensitiveIndex(sensitive_needles(report))  # no digest: what it masks is not known
    written = write_build_folder(casebook, generate(report, TODAY, keep=False, index=index))
    assert written.remade is None and not (casebook / ".casekit/build" / PAGES_MANIFEST).exists()
    assert files(casebook) == fresh(casebook, tmp_path)
    assert build_folder(casebook).remade == CASES


def test_the_digest_of_the_sensitive_values_is_that_of_the_values_not_their_order() -> None:
    from casekit.core.sensitive import needles_digest

    needles = [("최순자", "cases/a/01-intake.md", "client.name"), ("010-0000-1005", "cases/a/01-intake.md", "client.phone")]
    assert needles_digest(needles) == needles_digest(needles[::-1])
    assert needles_digest(needles) != needles_digest(needles[:1])
    assert needles_digest(needles) != needles_digest([("최순희", *needles[0][1:]), needles[1]])
    assert needles_digest([("a\x00b", "c", "d"), ("e", "f", "g")]) != needles_digest([("a", "b\x00c", "d"), ("e", "f", "g")])


def test_blocks_made_while_the_generator_runs_are_those_made_at_once(tmp_path: Path) -> None:
    """`casekit build` writes the case pages with their slots, then makes the blocks while the
    generator runs (write_build_folder(defer=True), Written.pending): the same files."""
    book = copy_casebook(tmp_path / "casebook")
    deferred = build_folder(book)
    assert deferred.remade == CASES and deferred.changed == len(files(book))
    assert files(book) == fresh(book, tmp_path)
    assert build_folder(book).remade == 0  # the manifest names the blocks made later too


def test_what_is_left_to_write_is_written_whatever_the_generator_does(tmp_path: Path) -> None:
    from casekit.site.build import run_generator

    (tmp_path / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")  # MkDocs cannot read it
    done: list[bool] = []
    found = run_generator("mkdocs", tmp_path / "mkdocs.yml", meanwhile=lambda: done.append(True))
    assert done == [True] and [f.code for f in found] == ["generator-failed"]
    done.clear()
    found = run_generator("no_such_generator_casekit", tmp_path / "mkdocs.yml", meanwhile=lambda: done.append(True))
    assert done == [True] and [f.code for f in found] == ["generator-missing"]


def test_a_case_whose_key_cannot_be_taken_is_always_made_again(casebook: Path, tmp_path: Path) -> None:
    def unpicklable() -> Written:
        report = check(casebook, keep=True)
        made = generate(report, TODAY, keep=False, index=pages_index(report))
        for case in made.site.cases.values():
            case.note = lambda: None  # type: ignore[attr-defined]  # (a local function: pickle refuses it)
        return write_build_folder(casebook, made)

    assert unpicklable().remade == CASES
    assert unpicklable().remade == CASES  # a key that could not be taken never matches
    assert files(casebook) == fresh(casebook, tmp_path)
