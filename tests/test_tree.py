"""Listing a built site (casekit.site.tree): every entry with the kind lstat gives it, links never
followed, whatever was planted; modes set without following links."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from casekit.site.tree import set_modes, site_order, walk


def _reference(site_dir: Path) -> list[tuple[str, Path, str]]:
    """The plain definition: os.walk without following links, each entry's kind from lstat."""
    out = []
    for dirpath, dirnames, filenames in os.walk(site_dir, followlinks=False):
        base = Path(dirpath)
        for name in dirnames + filenames:
            path = base / name
            mode = path.lstat().st_mode
            kind = ("symlink" if stat.S_ISLNK(mode) else "dir" if stat.S_ISDIR(mode)
                    else "file" if stat.S_ISREG(mode) else "special")
            out.append((path.relative_to(site_dir).as_posix(), path, kind))
        dirnames[:] = [d for d in dirnames if not (base / d).is_symlink()]
    return sorted(out)


def _planted(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "cases" / "2026-0001" / "summary").mkdir(parents=True)
    (site / "cases" / "2026-0001" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (site / "cases" / "2026-0001" / "summary" / "index.html").write_text("<p>y</p>", encoding="utf-8")
    (site / "a-b").mkdir()
    (site / "a-b" / "index.html").write_text("z", encoding="utf-8")
    (site / "a").mkdir()
    (site / "a" / "index.html").write_text("z", encoding="utf-8")
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "deep" / "secret.html").write_text("secret", encoding="utf-8")
    (site / "linked-dir").symlink_to(outside, target_is_directory=True)
    (site / "linked.html").symlink_to(outside / "deep" / "secret.html")
    (site / "broken.html").symlink_to(tmp_path / "nowhere")
    os.mkfifo(site / "pipe.html")
    (site / "이름 있는 폴더").mkdir()
    (site / "이름 있는 폴더" / "파일.html").write_text("k", encoding="utf-8")
    return site


def test_every_entry_is_listed_with_its_kind_and_no_link_is_followed(tmp_path: Path) -> None:
    site = _planted(tmp_path)
    got = list(walk(site))
    assert all(type(path) is str for _, path, _ in got)  # (no Path object an entry: see walk)
    assert sorted((rel, Path(path), kind) for rel, path, kind in got) == _reference(site)
    kinds = {rel: kind for rel, _, kind in got}
    assert kinds["linked-dir"] == "symlink" and kinds["linked.html"] == "symlink" and kinds["broken.html"] == "symlink"
    assert kinds["pipe.html"] == "special"
    assert not any(rel.startswith("linked-dir/") for rel in kinds)
    assert len(got) == len(kinds)  # each once


def test_a_folder_that_cannot_be_listed_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _planted(tmp_path)
    real = os.scandir

    def scandir(path: str) -> Iterator[os.DirEntry[str]]:
        if path.endswith(os.sep + "a"):
            raise PermissionError(13, "denied", path)  # (root lists any folder: the refusal is made here)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    got = {rel for rel, _, _ in walk(site)}
    assert "a" in got and "a/index.html" not in got and "cases/2026-0001/index.html" in got


def test_site_order_is_the_order_of_sorted_paths() -> None:
    rels = ["a-b/index.html", "a/index.html", "a/b/index.html", "a.b/index.html", "index.html", "가/index.html"]
    assert sorted(rels, key=site_order) == [p.as_posix() for p in sorted(Path(r) for r in rels)]


def test_modes_are_set_on_files_and_folders_never_through_a_link(tmp_path: Path) -> None:
    site = _planted(tmp_path)
    page = site / "cases" / "2026-0001" / "index.html"
    page.chmod(0o600)
    (site / "cases").chmod(0o700)
    secret = tmp_path / "outside" / "deep" / "secret.html"
    secret.chmod(0o600)
    count = set_modes(site)
    assert stat.S_IMODE(page.stat().st_mode) == 0o644
    assert stat.S_IMODE((site / "cases").stat().st_mode) == 0o755
    assert stat.S_IMODE(site.stat().st_mode) == 0o755
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600  # behind a link: untouched
    assert count == sum(1 for _, _, kind in walk(site) if kind == "file")
