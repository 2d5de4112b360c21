"""Checking records on every core: one record's own checks, and a pool that runs them in chunks.

A worker reads, parses, validates and PII-scans a record and sends back only its findings and
its `Summary` (small, plain, picklable), never the parsed front matter. The pool is forked, so
the schemas (compiled once in the parent) and every module are already loaded in each worker.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from casekit.core.findings import Finding
from casekit.core.pii import scan_parsed
from casekit.core.schemas import SchemaSet
from casekit.core.source import read_file, split
from casekit.core.summary import Summary, check_parsed

MIN_PARALLEL = 300  # fewer records than this are checked in the calling process: a pool costs ~0.1 s
CHUNK = 64  # records per task: few round trips, yet both cores stay busy to the end

Signature = tuple[int, int, int, int]  # size, mtime_ns, inode, ctime_ns


@dataclass
class Task:
    disk: str
    rel: str
    case: str
    nn: int
    stage: str


@dataclass
class Result:
    """What one record alone tells: its findings (schema, names, PII) and its summary."""

    findings: list[Finding]
    summary: Summary
    signature: Signature | None  # the file as it was read; None: changed while read (not cached)
    valid_until: str | None  # a date from which these findings may differ (a birth date then past)
    parsed: Any = None  # the parsed record, only when asked for (never sent between processes)


def signature(disk: str) -> Signature | None:
    try:
        st = os.stat(disk)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def check_record(
    task: Task, schemas: SchemaSet, allow: list[str], today: dt.date | None = None, keep: bool = False
) -> Result:
    """Read, parse, validate and PII-scan one record: everything it alone can tell."""
    before = signature(task.disk)
    text, findings = read_file(task.disk, task.rel)
    parsed = None
    valid_until = None
    if text is None:
        summary = Summary(rel=task.rel, case=task.case, nn=task.nn, stage=task.stage)
    else:
        parsed = split(text, task.rel)
        parsed.findings[:0] = findings
        findings, summary = check_parsed(parsed, task.rel, task.case, task.nn, task.stage, schemas)
        # the body is published even when the front matter is broken
        findings += scan_parsed(parsed, task.rel, schemas.unscanned_paths(task.stage), allow)
        valid_until = _date_dependent(text, today or dt.date.today())
        # field names repeat: one object each, also after pickling a chunk
        summary.sensitive = [(sys.intern(f), v) for f, v in summary.sensitive]
    after = signature(task.disk)
    return Result(findings, summary, before if before == after else None, valid_until, parsed if keep else None)


_SIX_DIGITS = re.compile(r"\d{6,}")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _date_dependent(text: str, today: dt.date) -> str | None:
    """The first future date that six digits of the record could name (YYMMDD): the PII guard
    counts a resident number only when its birth date is past, so on that day the findings may
    change. None when nothing in the record can."""
    first: dt.date | None = None
    if not text.isascii():
        text = text.translate(_WIDE_DIGITS)
    for m in _SIX_DIGITS.finditer(text):
        run = m.group(0)
        for i in range(len(run) - 5):
            yy, mm, dd = int(run[i : i + 2]), int(run[i + 2 : i + 4]), int(run[i + 4 : i + 6])
            for century in (1900, 2000):
                try:
                    day = dt.date(century + yy, mm, dd)
                except ValueError:
                    continue
                if day > today and (first is None or day < first):
                    first = day
    return first.isoformat() if first else None


# --- the pool ----------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}  # what forked workers inherit: the function and its fixed arguments


def default_jobs() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Forking is cheap and shares the loaded schemas; it is safe only while no other thread runs."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _run_chunk(items: Sequence[Any]) -> list[Any]:
    func, args = _STATE["func"], _STATE["args"]
    return [func(item, *args) for item in items]


def run_all(func: Callable[..., Any], items: Sequence[Any], args: tuple[Any, ...], jobs: int) -> list[Any]:
    """[func(item, *args) for item in items], on `jobs` forked processes when that pays off.

    Results come back in the order of `items`. With one job, few items or no fork (Windows, or
    other threads running), everything runs here, with the same results."""
    jobs = min(jobs, (len(items) + CHUNK - 1) // CHUNK)
    if jobs <= 1 or len(items) < MIN_PARALLEL or not can_fork():
        return [func(item, *args) for item in items]
    chunks = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    _STATE.update(func=func, args=args)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_run_chunk, chunks, chunksize=1)
    finally:
        _STATE.clear()
    return [result for part in parts for result in part]
