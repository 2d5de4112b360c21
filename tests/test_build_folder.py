"""The build folder (.casekit/build) is casekit's own, whatever a casebook's repository holds there.

A probe committed `.casekit/build/jinja2.py` (the generator ran from that folder with `python -m`,
which puts it first on the module path: the file ran at every build), a link `.casekit/build/site`
to another folder (the generator emptied it and wrote the private site there) and a `.casekit` link
(the build emptied and filled the folder it led to)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casekit.site.build import UnsafeSiteDir, build


@pytest.mark.slow
def test_a_module_planted_in_the_build_folder_is_never_imported(sample: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    work = sample / ".casekit" / "build"
    work.mkdir(parents=True)
    for name in ("jinja2.py", "markdown.py", "yaml.py", "casekit.py"):
        (work / name).write_text(f"open({str(marker)!r}, 'w').write('planted')\n", encoding="utf-8")
    result = build(sample)
    assert not result.errors, result.findings
    assert not marker.exists()


@pytest.mark.slow
def test_a_link_in_the_build_folder_is_taken_away_not_followed(sample: Path, tmp_path: Path) -> None:
    public = tmp_path / "public"
    public.mkdir()
    (public / "keep.txt").write_text("someone else's file", encoding="utf-8")
    work = sample / ".casekit" / "build"
    work.mkdir(parents=True)
    (work / "site").symlink_to(public)
    (work / "docs").symlink_to(public)
    result = build(sample)
    assert not result.errors, result.findings
    assert sorted(p.name for p in public.iterdir()) == ["keep.txt"]  # emptied and filled before
    assert not (work / "site").is_symlink() and (sample / "site" / "index.html").is_file()
    assert not (sample / "site").is_symlink()


@pytest.mark.parametrize("linked", [".casekit", ".casekit/build"])
def test_a_build_folder_that_is_a_link_is_refused(sample: Path, tmp_path: Path, linked: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "build").mkdir(parents=True)
    (elsewhere / "build" / "keep.txt").write_text("x", encoding="utf-8")
    link = sample / linked
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(elsewhere if linked == ".casekit" else elsewhere / "build", link)
    with pytest.raises(UnsafeSiteDir, match="링크"):
        build(sample)
    assert sorted(p.name for p in (elsewhere / "build").iterdir()) == ["keep.txt"]
