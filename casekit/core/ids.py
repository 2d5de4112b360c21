"""New case ids, and case ids that collide.

Two schemes, chosen in casekit.yml (`ids:`):

- `random` (the default): `20261122-K7QF`, the intake date and 20 random bits (Crockford base32).
  Clones that create cases on the same day collide with odds of about one in a million per pair.
- `sequential`: `2026-0013`, a prefix (`{year}` is the intake year) and the next number of that
  prefix, `width` digits. What workers are used to; but two clones that each create a case
  before they pull each other's pick the same number. Git then stops the merge with an add/add
  conflict in `01-intake.md` (both sides added the same file), which `casekit check` reports as
  `git-conflict` until it is resolved.

Ids *collide* when two case folders would be one case to a person or a machine: the same id but
for letter case (one folder on Windows and macOS, whose file systems ignore case), or, under the
sequential scheme, the same prefix and number written with a different count of zeros
(`2026-13` and `2026-0013`). `check` reports each such pair (`case-id-collision`).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from casekit.core.findings import Finding, finding

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
SCHEMES = ("random", "sequential")
_PREFIX = re.compile(r"(?:[A-Za-z0-9_-]|\{year\})*")
MAX_WIDTH = 9


@dataclass(frozen=True)
class IdScheme:
    scheme: str = "random"
    prefix: str = "{year}-"
    width: int = 4

    def prefix_for(self, day: dt.date) -> str:
        return self.prefix.replace("{year}", f"{day.year:04d}")


def parse_scheme(raw: object) -> tuple[IdScheme, list[str]]:
    """casekit.yml's `ids:` mapping -> the scheme, and what is wrong with it (English details)."""
    if raw is None:
        return IdScheme(), []
    if not isinstance(raw, dict):
        return IdScheme(), ["ids: a mapping (scheme, prefix, width)"]
    problems = [f"ids: unknown key '{k}'" for k in raw if k not in ("scheme", "prefix", "width")]
    scheme = raw.get("scheme", "random")
    if scheme not in SCHEMES:
        problems.append("ids.scheme: random or sequential")
        scheme = "random"
    prefix = raw.get("prefix", "{year}-")
    if not isinstance(prefix, str) or not _PREFIX.fullmatch(prefix) or len(prefix) > 40 \
            or prefix[:1] in ("-", "_"):
        problems.append("ids.prefix: letters, digits, - and _ and {year}, not starting with - or _")
        prefix = "{year}-"
    width = raw.get("width", 4)
    if isinstance(width, bool) or not isinstance(width, int) or not 1 <= width <= MAX_WIDTH:
        problems.append(f"ids.width: a number of digits from 1 to {MAX_WIDTH}")
        width = 4
    return IdScheme(scheme, prefix, width), problems


def random_id(day: dt.date) -> str:
    """`20261122-K7QF`: the date, then 20 random bits."""
    return f"{day:%Y%m%d}-" + "".join(secrets.choice(ALPHABET) for _ in range(4))


def _number(case_id: str, prefix: str) -> int | None:
    """The number of `case_id` under `prefix` (letter case ignored), or None."""
    if len(case_id) <= len(prefix) or case_id[: len(prefix)].lower() != prefix.lower():
        return None
    rest = case_id[len(prefix) :]
    return int(rest) if rest.isascii() and rest.isdigit() else None


def next_sequential(scheme: IdScheme, day: dt.date, existing: Iterable[str]) -> str:
    """The prefix of `day` and one more than the highest number under it among `existing`."""
    prefix = scheme.prefix_for(day)
    numbers = [n for n in (_number(c, prefix) for c in existing) if n is not None]
    return f"{prefix}{max(numbers, default=0) + 1:0{scheme.width}d}"


def collisions(case_ids: Iterable[str], scheme: IdScheme) -> list[Finding]:
    """A finding on each case folder whose id collides with another's (see the module's text)."""
    return [finding("case-id-collision", f"cases/{cid}", None, None, name=cid, other=other, why=why, why_en=why_en)
            for cid, other, why, why_en in clashes(case_ids, scheme)]


Clash = tuple[str, str, str, str]  # (an id, one it collides with, why in Korean, in English)


def clashes(case_ids: Iterable[str], scheme: IdScheme) -> list[Clash]:
    """Each id that collides with another, with one of those and why (`collisions` as values)."""
    ids = sorted(case_ids)
    out: list[Clash] = []
    by_fold: dict[str, list[str]] = {}
    for cid in ids:
        by_fold.setdefault(cid.casefold(), []).append(cid)
    for group in by_fold.values():
        out += _pairs(group, "대소문자만 다릅니다 (Windows와 macOS에서는 한 폴더입니다)", "they differ only in letter case")
    if scheme.scheme == "sequential":
        prefix = re.escape(scheme.prefix).replace(re.escape("{year}"), "[0-9]{4}")
        shape = re.compile(f"({prefix})([0-9]+)", re.IGNORECASE)
        by_number: dict[tuple[str, int], list[str]] = {}
        for cid in ids:
            m = shape.fullmatch(cid)
            if m:
                by_number.setdefault((m.group(1).casefold(), int(m.group(2))), []).append(cid)
        for group in by_number.values():
            if len({c.casefold() for c in group}) > 1:  # not already reported as a letter-case pair
                out += _pairs(group, "같은 일련번호입니다", "the same sequential number")
    return out


def _pairs(group: list[str], why: str, why_en: str) -> list[Clash]:
    if len(group) < 2:
        return []
    return [(cid, next(o for o in group if o != cid), why, why_en) for cid in group]
