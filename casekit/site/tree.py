"""The files of a built site, listed fast: a site of 10,000 cases has 50,000 entries, and the
steps after the generator (the page pass, the CSP, the search index, the audit) each list them.
No MkDocs; nothing is read but the folder listings (and, to set modes, each entry's mode)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path


def walk(site_dir: Path) -> Iterator[tuple[str, str, str]]:
    """(relative path, path, kind) for everything under `site_dir`, each folder's entries by name
    (folders and links to folders first, as os.walk lists them), then the folders' own; links are
    not followed; a folder that cannot be listed is yielded again as "unreadable" (the site folder
    itself as "."). Each entry's kind is the one the folder listing gives (no call per file: a site
    of 10,000 cases has 50,000 entries); its path is a string (a Path object for each cost the
    steps that list a site of 10,000 cases 3 seconds)."""
    base = os.fspath(site_dir)
    pending = [""]
    while pending:
        rel_dir = pending.pop()
        folder = os.path.join(base, rel_dir) if rel_dir else base
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:  # said, never passed over: what it holds could be served by a web server
            yield rel_dir or ".", folder, "unreadable"  # that may read it
            continue
        dirs: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            try:
                (dirs if entry.is_dir() else files).append(entry)
            except OSError:
                files.append(entry)
        dirs.sort(key=lambda e: e.name)
        files.sort(key=lambda e: e.name)
        below: list[str] = []
        for entry in dirs + files:
            rel = f"{rel_dir}/{entry.name}" if rel_dir else entry.name
            try:
                if entry.is_symlink():
                    kind = "symlink"
                elif entry.is_dir(follow_symlinks=False):
                    kind = "dir"
                    below.append(rel)
                elif entry.is_file(follow_symlinks=False):
                    kind = "file"
                else:
                    kind = "special"
            except OSError:
                kind = "special"
            yield rel, entry.path, kind
        pending.extend(reversed(below))  # the first folder walked next


def site_order(rel: str) -> tuple[str, ...]:
    """The order of sorted(Path objects) for site paths: by their parts ("a/x" before "a-b/x")."""
    return tuple(rel.split("/"))


def set_modes(site_dir: Path, file_mode: int = 0o644, dir_mode: int = 0o755) -> int:
    """Every file under `site_dir` given `file_mode` and every folder `dir_mode` (the folder itself
    too), links left alone; an entry already so is not touched. The number of files."""
    count = 0
    _mode(os.fspath(site_dir), dir_mode)
    for _, path, kind in walk(site_dir):
        if kind == "file":
            _mode(path, file_mode)
            count += 1
        elif kind == "dir":
            _mode(path, dir_mode)
    return count


def _mode(path: str, mode: int) -> None:
    if stat.S_IMODE(os.lstat(path).st_mode) != mode:
        os.chmod(path, mode)
