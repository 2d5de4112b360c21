"""Case folders moved by mistake into a folder of cases/ (cases/2026/2026-0015/, cases/종결/2026-0003/).

`check` reports each as `case-in-folder` (casebook.scan); `casekit new` hands none of their ids
out again (scaffold): the case is still there, only in the wrong place, and a second
cases/2026-0015/ would be two cases under one id once it is moved back. Both ask `moved_case`,
so they cannot disagree on what such a folder is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from casekit.core.names import inside, parse_record_name, stage_of_word, valid_case_id
from casekit.core.source import read_file, split


@dataclass(frozen=True)
class Front:
    """What a misnamed file's front matter says of what it is: its `stage` (the stage's id, None when
    it names none), where that value is, and its `case`."""

    stage: str | None
    line: int
    column: int
    case: object


def front_stage(disk: str | None, rel: str) -> Front | None:
    """The `stage:` of the file at `disk` (read as a record is: bounded, never blocking on a pipe),
    None when it has none that reads (no front matter, not text, unreadable). `stage: 계획` or
    `Plan` is the plan: the name the file is to take is the stage's id."""
    if disk is None:
        return None
    text, _ = read_file(disk, rel)
    if text is None:
        return None
    parsed = split(text, rel)
    data = parsed.data
    if data is None or ("stage",) not in parsed.positions:
        return None
    value = data.get("stage")
    line, col = parsed.where(("stage",))
    return Front(stage_of_word(value) if isinstance(value, str) else None, line, col, data.get("case"))


def records_in(entry: os.DirEntry[str]) -> list[str]:
    """The names of the records (by their names) directly in `entry` when it is a folder (not
    followed when a link), sorted; [] otherwise or when it cannot be listed."""
    try:
        if not entry.is_dir(follow_symlinks=False):
            return []
        with os.scandir(entry.path) as it:
            return sorted(e.name for e in it if parse_record_name(e.name) is not None)
    except OSError:
        return []


def moved_case(item: os.DirEntry[str], rel: str, folder: str) -> list[str] | None:
    """The records of `item` (at `rel`), in the folder `folder` of cases/, when it is a case folder
    moved there: named as a case and its records say so (their `case:`), not a folder of records put
    away (old/, whose records name the case they were put away from). None otherwise."""
    if item.name == folder or not valid_case_id(item.name):
        return None
    names = records_in(item)
    fronts = (front_stage(os.path.join(item.path, name), f"{rel}/{name}") for name in names[:3])
    if not any(front is not None and str(front.case) == item.name for front in fronts):
        return None
    return names


def moved_cases(root: Path) -> dict[str, str]:
    """Each case folder moved into a folder of cases/ (`moved_case`), by its id, with its path in the
    casebook (`cases/2026/2026-0015`): ids that are taken though no cases/<id>/ holds them. Hidden
    folders and links that lead out of the casebook are passed over, as `check` passes them over."""
    cases = root / "cases"
    out: dict[str, str] = {}
    for entry in _folders(root, cases):
        for item in _folders(root, Path(entry.path)):
            rel = f"cases/{entry.name}/{item.name}"
            if item.name not in out and moved_case(item, rel, entry.name) is not None:
                out[item.name] = rel
    return out


def _folders(root: Path, folder: Path) -> list[os.DirEntry[str]]:
    """The folders in `folder` worth looking into, sorted by name; [] when it cannot be listed."""
    if folder.is_symlink() and not inside(root, folder):
        return []
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return []
    out = []
    for e in entries:
        if e.name.startswith(".") or (e.is_symlink() and not inside(root, Path(e.path))):
            continue
        try:
            if e.is_dir():
                out.append(e)
        except OSError:
            continue
    return out
