"""Handovers (담당자 변경): who is responsible for a case from which day on.

A handover is recorded in the case folder, in `cases/<id>/handover.yml`, as an entry appended
to a list; past records keep the worker who wrote them, and past entries are never edited:

    # 담당자 변경 기록 ...
    handovers:
      - date: 2026-11-30
        from: kim.sw
        to: lee.sw
        reason: "육아휴직"
        by: park.sv

`casekit check` validates the file against `schemas/handover.schema.json` (the shipped
default when a casebook made before handovers has no copy) with located findings, and checks
that entries are in date order, not before the intake, and not from a worker to the same one.
`current_worker` is the one answer to "who has this case now" for status, due and the site.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from casekit.core.findings import Finding, finding
from casekit.core.hints import attach_particles, close_to, near_miss
from casekit.core.schemas import SchemaSet
from casekit.core.source import Parsed, parse_yaml, read_file
from casekit.core.summary import Summary, record_order, valid_date

HANDOVER_FILE = "handover.yml"


@dataclass(frozen=True)
class Handover:
    date: str
    from_worker: str
    to_worker: str
    reason: str | None = None
    by: str | None = None
    line: int = 1

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.date, "from": self.from_worker, "to": self.to_worker, "reason": self.reason, "by": self.by}


@lru_cache(maxsize=1)
def _default_schemas() -> SchemaSet:
    return SchemaSet.load(None)


def parse(text: str, rel: str) -> Parsed:
    return parse_yaml(text, rel)


def entries(parsed: Parsed) -> list[Handover]:
    """The well-formed entries of a parsed handover file (the schema reports the others)."""
    data = parsed.data or {}
    out = []
    items = data.get("handovers") if isinstance(data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        date, frm, to = valid_date(item.get("date")), item.get("from"), item.get("to")
        if date and isinstance(frm, str) and isinstance(to, str):
            reason, by = item.get("reason"), item.get("by")
            out.append(Handover(date, frm, to, reason if isinstance(reason, str) else None,
                                by if isinstance(by, str) else None, parsed.where(("handovers", i))[0]))
    return out


def read_entries(folder: str) -> list[Handover]:
    """The entries of `folder/handover.yml` (none when it is missing or unreadable), unchecked."""
    path = f"{folder}/{HANDOVER_FILE}"
    if os.path.islink(path):  # never followed: a link could lead out of the casebook
        return []
    text, _ = read_file(path, HANDOVER_FILE)
    return entries(parse(text, HANDOVER_FILE)) if text is not None else []


def _whole_file(f: Finding) -> Finding:
    """A parser's finding about handover.yml, said of the file (not of a record's 머리말)."""
    if f.code == "front-matter-not-mapping" and "list" in f.message_en:  # the entries without `handovers:` above them
        return dataclasses.replace(
            f, message_ko=f"{HANDOVER_FILE}의 목록은 handovers: 아래에 둡니다. 맨 위에 handovers: 한 줄을 넣고 목록의 "
                          "각 줄을 두 칸 들여 쓰세요.",
            message_en=f"{HANDOVER_FILE}'s entries go under `handovers:`: add that line on top and indent the list by two")
    if "머리말" not in f.message_ko:
        return f
    return dataclasses.replace(f, message_ko=f.message_ko.replace("머리말(YAML)", HANDOVER_FILE).replace(
        "머리말", HANDOVER_FILE))


def check_file(disk: str, rel: str, schemas: SchemaSet, records: list[Summary],
               today: str = "") -> tuple[list[Finding], list[Handover], Parsed | None]:
    """Read and validate `cases/<id>/handover.yml`; its findings, its entries, the parsed file.
    `today` (YYYY-MM-DD, "" for none): a handover dated after it is written ahead of time."""
    text, findings = read_file(disk, rel)
    if text is None:
        return findings, [], None
    parsed = parse(text, rel)
    # (the parser's messages speak of a record's 머리말: this file is YAML from its first line)
    findings = [*findings, *(_whole_file(f) for f in parsed.findings)]
    if parsed.data is None:
        return findings, [], parsed
    kind_schemas = schemas if "handover" in schemas.schemas else _default_schemas()
    findings += kind_schemas.validate("handover", parsed, rel)
    found = entries(parsed)
    intake = next((r.date for r in records if r.stage == "intake" and r.date), None)
    previous: str | None = None
    for i, h in enumerate(found):
        where = parsed.where(("handovers", i, "date"))
        if previous is not None and h.date < previous:
            findings.append(finding("handover-date-order", rel, *where, date=h.date, previous=previous))
        if intake is not None and h.date < intake:
            findings.append(finding("handover-before-intake", rel, *where, date=h.date, intake=intake))
        then = current_worker([r for r in records if r.date and r.date <= h.date], found[:i])
        said = {(f.line, f.column) for f in findings}  # (`from: 김사회`: its bad-pattern says to write the id)
        if then is not None and then != h.from_worker and parsed.where(("handovers", i, "from")) not in said:
            findings.append(finding("handover-from-mismatch", rel, *parsed.where(("handovers", i, "from")),
                                    worker=h.from_worker, date=h.date, current=then))
        if today and h.date > today:  # (casekit counts a handover written down at once: who has the case now)
            findings.append(finding("handover-future", rel, *where, date=h.date, today=today, worker=h.to_worker))
        if h.from_worker == h.to_worker:
            findings.append(finding("handover-same-worker", rel, *parsed.where(("handovers", i, "to")), worker=h.to_worker))
        previous = max(previous or h.date, h.date)
    return findings, found, parsed


def unrecorded_change(records: list[Summary], handovers: list[Handover], case: str) -> list[Finding]:
    """The case's records naming another worker from one record to the end, with no handover to
    that worker (`worker-changed-unrecorded`): casekit now counts the case as the new worker's
    (status, due), and nothing says who handed it over, when, or why. Said once, at the first
    record of the new worker. A near miss of the old id is a typo (worker-typo says so)."""
    ordered = [r for r in sorted(records, key=record_order) if r.ok and r.worker]
    if not ordered:
        return []
    now = ordered[-1].worker
    start = len(ordered) - 1
    while start > 0 and ordered[start - 1].worker == now:
        start -= 1
    if start == 0 or any(r.worker == now for r in ordered[:start]):
        return []  # (the case's own worker throughout, or back with one who had it: a record written for them)
    r, prev = ordered[start], ordered[start - 1]
    assert r.worker is not None and prev.worker is not None
    if near_miss(r.worker, prev.worker) or any(h.to_worker == r.worker and (not r.date or h.date <= r.date)
                                               for h in handovers):
        return []
    return [finding("worker-changed-unrecorded", r.rel, *r.worker_at, old=prev.worker, new=r.worker,
                    date=r.date or "YYYY-MM-DD", case=case)]


def worker_uses(disk: str, rel: str, parsed: Parsed | None = None) -> list[tuple[str, str, int, int, str]]:
    """Every worker id `cases/<id>/handover.yml` names, where: (id, file, line, column, from|to|by);
    none when it cannot be read (its own findings say why when its case is checked). `parsed`:
    the file as `check_file` parsed it, when it was (else it is read here)."""
    if parsed is None:
        if os.path.islink(disk):
            return []
        text, _ = read_file(disk, rel)
        parsed = parse(text, rel) if text is not None else None
    items = parsed.data.get("handovers") if parsed is not None and isinstance(parsed.data, dict) else None
    out = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        for key in ("from", "to", "by"):
            value = item.get(key) if isinstance(item, dict) else None
            if isinstance(value, str) and value and parsed is not None:
                out.append((value, rel, *parsed.where(("handovers", i, key)), key))
    return out


def current_worker(records: list[Summary], handovers: list[Handover] | None = None) -> str | None:
    """Who has the case now: the new worker of the latest handover, unless a record written after
    it (a later date) names someone else; else the worker of the latest record that names one."""
    ordered = sorted(records, key=record_order)
    last = next((r for r in reversed(ordered) if r.worker), None)
    latest = max(handovers or [], key=lambda h: h.date, default=None)  # the first of equal dates...
    latest = next((h for h in reversed(handovers or []) if latest and h.date == latest.date), latest)  # ...no: the last
    if latest is not None and (last is None or last.date is None or latest.date >= last.date):
        return latest.to_worker
    return last.worker if last is not None else None


def worker_on(records: list[Summary], handovers: list[Handover] | None, day: str) -> str | None:
    """Who had the case on `day` (YYYY-MM-DD): `current_worker` over the records and handovers up to
    that day. A record written for a day before a handover is the old worker's."""
    return current_worker([r for r in records if r.date and r.date <= day], [h for h in handovers or [] if h.date <= day])


def known_workers(summaries: dict[str, list[Summary]], handovers: dict[str, list[Handover]]) -> set[str]:
    """Every worker id the casebook names: in a record's `worker` or a handover's from/to."""
    named = {r.worker for records in summaries.values() for r in records if r.worker}
    named.update(w for hs in handovers.values() for h in hs for w in (h.from_worker, h.to_worker))
    return named


def typo_meanings(uses: dict[str, int]) -> dict[str, str]:
    """{id: the id meant} for each worker id written in one place only when a near miss of it
    (`near_miss`: kim.ws for kim.sw) is written in several, or it is the first part alone of one
    id written in several (kim for kim.sw): `worker-typo`'s reading, and the command line's. Two
    ids that each have several uses are two people; an id with no near miss is a new worker."""
    # (odd characters, a space for the dot: their own finding)
    ids = [w for w in uses if w.isascii() and w == w.strip() and w and " " not in w]
    meant: dict[str, str] = {}
    for w in ids:
        if uses[w] != 1:
            continue
        close = [v for v in ids if uses[v] >= 2 and near_miss(w, v)]
        if close:
            meant[w] = max(close, key=lambda v: (uses[v], v))
            continue
        shortened = [v for v in ids if uses[v] >= 2 and len(w) >= 2 and v[len(w):len(w) + 1] in (".", "_", "-")
                     and v.startswith(w)]
        if len(shortened) == 1:
            meant[w] = shortened[0]
    return meant


def typo_workers(summaries: dict[str, list[Summary]], handovers: dict[str, list[Handover]]) -> dict[str, str]:
    """`typo_meanings` of the ids the records' `worker` and the handover.yml files name."""
    uses: dict[str, int] = {}
    named = [r.worker for records in summaries.values() for r in records if r.worker]
    named += [w for hs in handovers.values() for h in hs for w in (h.from_worker, h.to_worker, h.by) if w]
    for w in named:
        uses[w] = uses.get(w, 0) + 1
    return typo_meanings(uses)


def unknown_worker(worker: str, known: set[str], typos: dict[str, str] | None = None) -> str | None:
    """Why `worker` (typed on the command line) names nobody in the casebook, with the id most
    likely meant ("혹시 kim.sw인가요?") or the ids there are; None when the casebook knows it."""
    typos = typos or {}
    if worker in typos:  # written once, a slip for another's id: a list of it would be that one case
        return attach_particles(f"담당자 '{worker}'은(는) 이 사례집의 기록 한 곳에만 나옵니다. 혹시 {typos[worker]}인가요? "
                                f"같은 사람이면 그 기록의 worker를 {typos[worker]}(으)로 고치세요(casekit check가 "
                                "그곳을 알려 줍니다)")
    if worker in known:
        return None
    meant = close_to(worker, sorted(known - set(typos)))
    if meant is not None:
        return attach_particles(f"담당자 '{worker}'은(는) 이 사례집에 없습니다. 혹시 {meant}인가요?")
    listed = ", ".join(sorted(known - set(typos))[:12]) or "(없음)"
    return attach_particles(f"담당자 '{worker}'은(는) 이 사례집에 없습니다. 있는 담당자: {listed}")


__all__ = ["HANDOVER_FILE", "Handover", "check_file", "current_worker", "entries", "known_workers", "parse",
           "read_entries", "typo_meanings", "typo_workers", "unknown_worker", "worker_uses"]
