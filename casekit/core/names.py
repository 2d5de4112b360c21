"""Names that come from users or from the disk: case ids, stages, record and resource file names.

Every name is checked here before it becomes a path, so nothing casekit reads or writes can
leave the casebook through `..`, a separator, an absolute path, a device name or a link.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from casekit.core.schemas import STAGES

CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
RESOURCE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
RECORD_NAME = re.compile(r"(\d\d)-([a-z]+)\.md")
# Windows reserves these names in every folder, with any extension; a casebook is shared across machines
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
)


def valid_case_id(name: str) -> bool:
    return CASE_ID.fullmatch(name) is not None and name.lower() not in RESERVED


def valid_resource_id(name: str) -> bool:
    return RESOURCE_ID.fullmatch(name) is not None and name not in RESERVED


def valid_stage(name: str) -> bool:
    return name in STAGES


def parse_record_name(name: str) -> tuple[int, str] | None:
    """`03-plan.md` → (3, 'plan'); None for anything else (NN 01–99, a known stage)."""
    m = RECORD_NAME.fullmatch(name)
    if not m or not valid_stage(m.group(2)):
        return None
    nn = int(m.group(1))
    return (nn, m.group(2)) if 1 <= nn <= 99 else None


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every link resolved, stays within `root`."""
    try:
        resolved = Path(os.path.realpath(path))
        return resolved == root or root in resolved.parents
    except (OSError, ValueError):
        return False
