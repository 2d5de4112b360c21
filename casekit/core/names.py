"""Names that come from users or from the disk: case ids, stages, record and resource file names.

Every name is checked here before it becomes a path, so nothing casekit reads or writes can
leave the casebook through `..`, a separator, an absolute path, a device name or a link.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from pathlib import Path

from casekit.core.schemas import STAGE_KO, STAGES

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


def word_key(word: str) -> str:
    """Letter case, spaces and the joins between the parts of a name are not counted:
    `Monitoring`, `사후 관리`, `follow-up`, `crisis_intervention` (never `.` or `/`: `../intake` is no stage).
    Hangul as macOS writes it in file names (NFD: 점검 as ㅈㅓㅁㄱㅓㅁ) is the same word."""
    return re.sub(r"[\s_\-·]", "", unicodedata.normalize("NFC", word).casefold())


# the words practitioners write for each stage (the names the help shows, and common synonyms)
STAGE_WORDS: dict[str, tuple[str, ...]] = {
    "intake": ("접수", "재접수", "초기상담", "초기면접", "재개", "reopening"),
    "assessment": ("사정", "재사정", "욕구사정", "초기사정", "reassessment"),
    "plan": ("계획", "서비스계획", "사례계획", "계획수정", "재계획"),
    "intervention": ("실행", "개입", "실행(개입)", "실행/개입", "서비스제공"),
    "monitoring": ("점검", "모니터링", "중간점검"),
    "closure": ("종결", "사례종결"),
    "followup": ("사후관리", "follow-up"),
    "conference": ("사례회의",),
}


def stage_of_word(word: str) -> str | None:
    """The stage a practitioner's word names (모니터링 -> monitoring, 실행(개입) -> intervention), or None."""
    if not word or len(word) > 40:
        return None
    key = word_key(word)
    return next((s for s in STAGES for w in (s, STAGE_KO[s], *STAGE_WORDS.get(s, ())) if word_key(w) == key), None)


_NAME_PARTS = re.compile(r"^\s*([0-9]{1,3})?[\s_\-.]*(.+?)\s*$")


def record_name_for(name: str, next_nn: int) -> str | None:
    """The record file name a misnamed file was meant to have: `4-intervention.md` -> 04-intervention.md,
    `04_실행.md` -> 04-intervention.md, `04-Intervention.MD`, `intervention.md` -> the case's next
    number; None when no stage can be read from it."""
    stem = re.sub(r"(?:\.(?:md|markdown|txt))+$", "", name.strip(), flags=re.IGNORECASE)
    m = _NAME_PARTS.match(stem)
    if m is None:
        return None
    stage = stage_of_word(m.group(2))
    if stage is None:
        return None
    number = int(m.group(1)) if m.group(1) else next_nn
    return f"{number:02d}-{stage}.md" if 1 <= number <= 99 else None


def looks_like_record(name: str) -> bool:
    """A name meant as a record but spelt wrong (`1-intake.md`, `01-intake.MD`, `01-Intake.md`):
    report it as a bad file name (an error), not as a stray file, so no record is silently skipped."""
    return name.lower().endswith((".md", ".markdown")) or RECORD_PREFIX.match(name) is not None


def case_of_path(root: Path, text: str) -> str | None:
    """The case a path names, where a case id was asked for: `cases/2026-0012/` (a shell's completion),
    `.` in a case folder, a record's path; None when `text` is no such path (an id is left to the caller)."""
    if not isinstance(text, str) or not text or (
            "/" not in text and os.sep not in text and text not in (".", "..") and not os.path.exists(text)):
        return None
    try:
        rel = Path(os.path.realpath(text)).relative_to(os.path.realpath(root)).parts
    except (OSError, ValueError):
        return None
    return rel[1] if len(rel) >= 2 and rel[0] == "cases" and valid_case_id(rel[1]) else None


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
