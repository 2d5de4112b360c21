"""`casekit build` puts the site in place whole (casekit.site.install): finished and audited away
from the site folder, then swapped in by renames; a full disk, a busy or read-only folder is a
`site-not-written` finding with the old site left as it was; one build at a time in a casebook.
Found by a robustness probe: the old site was deleted first, then a copy that failed on a full
disk left 114 of 187 files, never audited, and a 30 KB traceback."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import casekit.site.build as build_module
import casekit.site.install as install
from casekit.site.build import BuildContext, build, run_generator
from tests.conftest import TODAY

DAY = TODAY


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if ".casekit-" in p.name) + \
        sorted(p.name for p in site.iterdir() if p.name.startswith(".casekit-"))


def test_a_failed_build_leaves_the_old_site_and_a_swap_replaces_it_whole(sample: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    site = sample / "site"
    first = build(sample, site_dir=site, today=DAY)
    assert not first.errors and (site / "index.html").is_file()
    (site / "old-marker.txt").write_text("old", encoding="utf-8")  # what tells the old site from a new one
    before = sorted(str(p.relative_to(site)) for p in site.rglob("*"))

    seen: list[Path] = []

    def disk_full(ctx: BuildContext) -> list:
        seen.append(ctx.site_dir)  # finished away from the site folder, the old site still whole there
        assert ctx.site_dir != site and (site / "old-marker.txt").is_file() and (ctx.site_dir / "index.html").is_file()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build_module, "POST_BUILD", [build_module.finish_pages_step, disk_full,
                                                     build_module.secure_output])
    result = build(sample, site_dir=site, today=DAY)
    assert [f.code for f in result.errors] == ["site-not-written"]
    assert "디스크 공간이 부족합니다" in result.errors[0].message_ko
    assert "이전 사이트는 그대로 있습니다" in result.errors[0].message_ko
    assert seen and not seen[0].exists()  # the staging folder removed
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*")) == before  # the old site as it was
    assert leftovers(site) == []
    monkeypatch.undo()

    # a build killed halfway left a staging folder beside the site (its process gone): cleared;
    # the site folder cannot be renamed (a mount point: EBUSY): its contents replaced
    stale = sample / f".site{install.NEW}999999999"
    (stale / "cases").mkdir(parents=True)
    real_rename = os.rename

    def busy(src: object, dst: object) -> None:
        if Path(str(src)) == site or Path(str(dst)) == site:
            raise OSError(errno.EBUSY, "Device or resource busy", str(src))
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(install.os, "rename", busy)
    result = build(sample, site_dir=site, today=DAY)
    assert not result.errors, result.findings
    assert (site / "index.html").is_file() and not (site / "old-marker.txt").exists()
    assert result.files == sum(len(names) for _, _, names in os.walk(site))
    assert not stale.exists() and leftovers(site) == []
    assert not (sample / ".casekit/build/site").exists()


def test_a_copy_into_the_site_folder_that_fails_leaves_the_old_site(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """In place (a mount point): the new site is copied in beside the old before any old file is
    moved; a full disk partway leaves the old site whole and nothing of the new one."""
    site, new = tmp_path / "site", tmp_path / "staged"
    for folder, text in ((site, "old"), (new, "new")):
        (folder / "cases/a").mkdir(parents=True)
        for name in ("index.html", "cases/a/index.html", "x.css", "y.js"):
            (folder / name).write_text(text, encoding="utf-8")
    copied: list[str] = []
    real_copy = shutil.copy2

    def fills(src: str, dst: object) -> object:
        if len(copied) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(dst))
        copied.append(src)
        return real_copy(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(install.shutil, "copy2", fills)
    with pytest.raises(install.NotWritten) as failed:
        install.swap_in(install.Staging(new, site, in_place=True, copied=False))
    assert failed.value.finding.code == "site-not-written"
    assert "이전 사이트는 그대로 있습니다" in failed.value.finding.message_ko
    assert sorted(p.name for p in site.iterdir()) == ["cases", "index.html", "x.css", "y.js"]
    assert all(p.read_text(encoding="utf-8") == "old" for p in site.rglob("*") if p.is_file())
    assert not new.exists()  # the staging folder removed


def test_a_site_that_is_a_file_is_refused_in_words(sample: Path, run) -> None:
    (sample / "site").write_text("not a folder\n", encoding="utf-8")
    result = run(sample, "build", "--today", TODAY.isoformat())
    assert result.exit_code == 2, result.output
    assert "폴더가 아니라 파일입니다" in result.output
    assert (sample / "site").read_text(encoding="utf-8") == "not a folder\n"


def test_a_second_build_at_once_is_refused(sample: Path, run) -> None:
    """Two builds of one casebook share .casekit/build: the second says another is running (a
    process holding the lock, as a running build does) and touches nothing."""
    (sample / ".casekit").mkdir(exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys; f = open(sys.argv[1], 'a'); fcntl.flock(f, fcntl.LOCK_EX); "
                               "print('held', flush=True); sys.stdin.read()", str(sample / ".casekit/build.lock")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = run(sample, "build", "--today", TODAY.isoformat())
        assert result.exit_code == 1, result.output
        assert "다른 빌드가 이 사례집에서 진행 중입니다" in result.output
        assert not (sample / "site").exists() and not (sample / ".casekit/build/docs").exists()
    finally:
        holder.communicate("")
    with build_module.build_lock(sample / ".casekit/build"):  # freed when its holder ended
        pass


def test_a_generator_that_cannot_start_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", sys.executable)

    monkeypatch.setattr(build_module.subprocess, "Popen", refused)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    done: list[bool] = []
    found = run_generator("mkdocs", tmp_path / "mkdocs.yml", meanwhile=lambda: done.append(True))
    assert done == [True] and [f.code for f in found] == ["generator-failed"]
    assert "PermissionError" in found[0].message_ko
