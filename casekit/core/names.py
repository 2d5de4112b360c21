"""Names that come from users or from the disk: case ids, stages, record and resource file names.

Every name is checked here before it becomes a path, so nothing casekit reads or writes can
leave the casebook through `..`, a separator, an absolute path, a device name or a link.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from casekit.core.schemas import STAGES

# ASCII only, spelled out: `\d` and `\w` would also match lookalikes such as "０１" or "٠١"
CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
RESOURCE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
RECORD_NAME = re.compile(r"([0-9][0-9])-([a-z]+)\.md")
RECORD_PREFIX = re.compile(r"[0-9]+-[A-Za-z]+")
# Windows reserves these names in every folder, with any extension; a casebook is shared across machines
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def valid_case_id(name: str) -> bool:
    return isinstance(name, str) and CASE_ID.fullmatch(name) is not None and name.lower() not in RESERVED


def valid_resource_id(name: str) -> bool:
    return isinstance(name, str) and RESOURCE_ID.fullmatch(name) is not None and name not in RESERVED


def valid_stage(name: str) -> bool:
    return isinstance(name, str) and name in STAGES


@functools.lru_cache(maxsize=4096)  # a casebook's record names repeat: 01-intake.md in every case
def parse_record_name(name: str) -> tuple[int, str] | None:
    """`03-plan.md` → (3, 'plan'); None for anything else (NN 01–99, a known stage)."""
    m = RECORD_NAME.fullmatch(name)
    if not m or not valid_stage(m.group(2)):
        return None
    nn = int(m.group(1))
    return (nn, m.group(2)) if 1 <= nn <= 99 else None


def looks_like_record(name: str) -> bool:
    """A name meant as a record but spelt wrong (`1-intake.md`, `01-intake.MD`, `01-Intake.md`):
    report it as a bad file name (an error), not as a stray file, so no record is silently skipped."""
    return name.lower().endswith((".md", ".markdown")) or RECORD_PREFIX.match(name) is not None


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every link resolved, stays within `root` (itself resolved here too).

    A path that cannot be resolved (a dangling link, a link loop) counts as outside: casekit never
    follows what it cannot vouch for."""
    try:
        real_root = Path(os.path.realpath(root))
        resolved = Path(os.path.realpath(path, strict=True))
        return resolved == real_root or real_root in resolved.parents
    except (OSError, ValueError, RuntimeError):
        return False
