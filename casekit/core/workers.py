"""Checking records on every core: one record's own checks, and a pool that runs them in chunks.

A worker reads, parses, validates and PII-scans a record and sends back only its findings and
its `Summary` (small, plain, picklable), never the parsed front matter. The pool is forked, so
the schemas (compiled once in the parent) and every module are already loaded in each worker.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import multiprocessing
import os
import pickle
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from casekit.core import clock
from casekit.core.docs import (
    outside_content,
    pasted_tables,
    repeated_front_matter,
    stalling_paragraphs,
    template_tags,
)
from casekit.core.findings import Finding
from casekit.core.links import (
    Anchors,
    Link,
    Targets,
    body_links,
    heading_anchors,
    heading_findings,
    outside_links,
    own_heading_links,
)
from casekit.core.names import parse_record_name
from casekit.core.pictures import Pictures, body_pictures
from casekit.core.pii import date_dependent, scan_parsed
from casekit.core.rules_practice import case_rules
from casekit.core.schemas import SchemaSet
from casekit.core.source import Parsed, Signature, read_signed, split
from casekit.core.summary import Summary, check_parsed, summary_blob

MIN_PARALLEL = 300  # fewer records than this are checked in the calling process: a pool costs ~0.1 s
CHUNK = 64  # records per task: few round trips, yet both cores stay busy to the end


@dataclass
class Task:
    disk: str
    rel: str
    case: str
    nn: int
    stage: str

    @classmethod
    def of(cls, root: str, rel: str) -> Task:
        """The task of record `rel` (cases/<id>/NN-<stage>.md) of the casebook at `root`."""
        _, case, name = rel.split("/")
        nn, stage = parse_record_name(name) or (0, "")
        return cls(os.path.join(root, rel), rel, case, nn, stage)


@dataclass
class Result:
    """What one record alone tells: its findings (schema, names, PII) and its summary."""

    findings: list[Finding]
    summary: Summary
    signature: Signature | None  # the file as it was read; None: changed while read (not cached)
    valid_until: str | None  # a date from which these findings may differ (a birth date then past)
    parsed: Any = None  # the parsed record, only when asked for (never sent between processes)
    pictures: str = ""  # the key of the docs/ images its pictures were looked up in ("": it shows none)
    links: tuple[Link, ...] = ()  # its body's links to the casebook (judged against every file: `link-missing`)


def signature(disk: str | os.DirEntry[str]) -> Signature | None:
    """What tells a file's versions apart (a listed file's from its directory entry: no path to
    parse again); None when it cannot be read."""
    try:
        st = disk.stat() if isinstance(disk, os.DirEntry) else os.stat(disk)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


def check_record(
    task: Task, schemas: SchemaSet, allow: list[str], today: dt.date | None = None, keep: bool = False,
    pictures: Pictures | None = None,
) -> Result:
    """Read, parse, validate and PII-scan one record: everything it alone can tell, with the docs/
    images its pictures may name (`pictures`; None: they are not looked up)."""
    text, findings, sig = read_signed(task.disk, task.rel)
    parsed = None
    valid_until = None
    looked_up = ""
    links: list[Link] = []
    if text is None:
        summary = Summary(rel=task.rel, case=task.case, nn=task.nn, stage=task.stage)
    else:
        parsed = split(text, task.rel)
        parsed.findings[:0] = findings
        findings, summary = check_parsed(parsed, task.rel, task.case, task.nn, task.stage, schemas)
        # the body is published even when the front matter is broken
        findings += scan_parsed(parsed, task.rel, schemas.unscanned_paths(task.stage), allow, today)
        findings += stalling_paragraphs(parsed.body, task.rel, parsed.body_line)
        findings += pasted_tables(parsed.body, task.rel, parsed.body_line)
        findings += repeated_front_matter(parsed.body, task.rel, parsed.body_line)
        findings += outside_content(parsed.body, task.rel, parsed.body_line)
        findings += template_tags(parsed.body, task.rel, parsed.body_line)
        links = body_links(parsed.body, parsed.body_line)
        findings += outside_links(task.rel, links)
        own = own_heading_links(parsed.body, parsed.body_line)
        if own:  # (to its own headings: judged here; to another file's, across the casebook)
            findings += heading_findings(task.rel, own, Targets.of([task.rel], []), _own_anchors(parsed.body))
        shown = body_pictures(parsed.body, parsed.body_line) if pictures is not None else []
        if shown and pictures is not None:
            findings += pictures.missing(task.rel, shown)
            looked_up = pictures.key
        valid_until = date_dependent(text, today or clock.today())
        # field names repeat: one object each, also after pickling a chunk
        summary.sensitive = [(sys.intern(f), v) for f, v in summary.sensitive]
    return Result(findings, summary, sig, valid_until, parsed if keep else None, looked_up, tuple(links))


def _own_anchors(body: str) -> Callable[[str], Anchors]:
    found = heading_anchors(body)
    return lambda _rel: found


def load_record(task: Task) -> tuple[Signature | None, Parsed | None]:
    """A record read again for what it says, after it was checked: its values and body (no
    positions, no findings: those came from the check), with the signature of the file read."""
    text, _, sig = read_signed(task.disk, task.rel)
    if text is None:
        return sig, None
    parsed = split(text, task.rel)
    return sig, Parsed(data=parsed.data, body=parsed.body, body_line=parsed.body_line, front_line=parsed.front_line)


Texts = dict[str, tuple[Any, ...]]  # rel -> (signature, body, body line, packed fields): see published


@dataclass
class Checked:
    """A record checked by `check_group`, as sent back: its summary packed (summary.summary_blob),
    its sensitive values beside it (the casebook-wide index needs them at once)."""

    findings: list[Finding]
    signature: Signature | None
    valid_until: str | None
    blob: bytes
    values: list[tuple[str, str]]
    parsed: Any = None
    pictures: str = ""  # Result.pictures
    links: tuple[Link, ...] = ()  # Result.links


CaseRules = tuple[list[Finding], Any]  # a case's findings and facts: see rules_practice.case_rules


def check_group(
    group: tuple[int, list[Task], list[str]], schemas: SchemaSet, allow: list[str], today: dt.date, spool: Spool,
    keep: bool, rules: tuple[dict[str, str], bool], store: Any = None, pictures: Pictures | None = None,
) -> tuple[list[Checked], dict[str, CaseRules]]:
    """check_record for each task of one cache shard. What goes back is small: findings and
    sensitive values; the summaries packed into the `store`'s summaries shard n by this task
    (read back only when a rule needs one; sent back packed where the cache keeps nothing); the
    published texts (the bulk) put in the `spool`, where the scan for sensitive values
    (`published.scan_group`) reads them; and the case rules of the `whole` cases (those all of
    whose records are in the group), found here while their summaries are at hand (`rules`: the
    resource ids with their names, whether resident numbers may be kept)."""
    n, tasks, whole = group
    out: list[Checked] = []
    texts: Texts = {}
    blobs: dict[str, tuple[Signature, bytes]] = {}
    by_case: dict[str, list[Summary]] = {}
    for task in tasks:
        r = check_record(task, schemas, allow, today, keep, pictures)
        s = r.summary
        texts[task.rel] = (r.signature, s.public_text, s.public_line, s.public_fields)
        by_case.setdefault(task.case, []).append(s)
        blob = summary_blob(s)
        if store is not None and r.signature is not None and store.keeps(r.signature):
            blobs[task.rel] = (r.signature, blob)
        out.append(Checked(r.findings, r.signature, r.valid_until, blob, s.sensitive, r.parsed, r.pictures, r.links))
    if blobs and store.keep_blobs(n, blobs):
        for c, task in zip(out, tasks, strict=True):
            if task.rel in blobs:
                c.blob = b""  # in the cache's file: not sent
    spool.put(n, texts)
    return out, {cid: case_rules(cid, by_case[cid], *rules, today=today) for cid in whole}


class Spool:
    """Where the published texts of the records checked in this run wait for the scan: files in
    a private folder (mode 0700, removed after the check), or, where no folder can be made (a
    read-only temporary folder), this process's memory, and then no worker is forked."""

    def __init__(self, folders: list[str | None]) -> None:
        self.folder: str | None = None
        self._memory: dict[int, Texts] = {}
        for parent in folders:
            try:
                if parent is not None:
                    os.makedirs(parent, mode=0o700, exist_ok=True)
                self.folder = tempfile.mkdtemp(prefix="casekit-check-", dir=parent)
                return
            except OSError:
                continue

    def put(self, n: int, texts: Texts) -> None:
        if self.folder is None:
            self._memory[n] = texts
            return
        with open(os.path.join(self.folder, f"{n:02d}.pickle"), "wb") as f:
            pickle.dump(texts, f, protocol=pickle.HIGHEST_PROTOCOL)

    def get(self, n: int) -> Texts:
        if self.folder is None:
            return self._memory.get(n, {})
        try:
            with open(os.path.join(self.folder, f"{n:02d}.pickle"), "rb") as f:
                texts: Texts = pickle.load(f)
                return texts
        except FileNotFoundError:
            return {}

    def remove(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        self._memory.clear()


# --- the pool ----------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}  # what forked workers inherit: the function and its fixed arguments


def default_jobs() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


_PAUSABLE: dict[threading.Thread, threading.Lock] = {}  # threads that may run while we fork: see pausable


@contextlib.contextmanager
def pausable(thread: threading.Thread, lock: threading.Lock) -> Iterator[None]:
    """While in this block, `thread` does not stop a pool from forking: it touches anything shared
    (a stream, its own state) only while holding `lock`, which the pool holds while it forks; so
    no child starts with a lock held by a thread it does not have. (A progress line drawn on the
    terminal is such a thread: without this, a check at a terminal ran on one core.)"""
    _PAUSABLE[thread] = lock
    try:
        yield
    finally:
        _PAUSABLE.pop(thread, None)


def can_fork() -> bool:
    """Forking is cheap and shares the loaded schemas; it is safe only while no other thread runs
    but those that can be paused (`pausable`)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    main = threading.current_thread()
    return all(t is main or t in _PAUSABLE for t in threading.enumerate())


@contextlib.contextmanager
def _paused() -> Iterator[None]:
    locks = list(_PAUSABLE.values())
    for lock in locks:
        lock.acquire()
    try:
        yield
    finally:
        for lock in reversed(locks):
            lock.release()


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: a check allocates hundreds of thousands of small,
    acyclic objects (summaries, findings), and the collections they set off cost a quarter of a
    cold check of 10,000 cases. Forked workers inherit the pause and collect after each task."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:  # (a one-shot command may leave it paused: `casekit check` does)
            gc.enable()


class Background:
    """`func(*args)` run in a forked process while this one goes on with other work (`result`
    waits for it). The child changes nothing this process sees: what it returns is all it tells,
    so `func` must give every change it makes as its value, but for files it writes itself. Run
    here instead, when `result` is asked for, where it cannot fork or when the child failed in
    any way: the same result, later."""

    def __init__(self, func: Callable[..., Any], *args: Any) -> None:
        self.func, self.args = func, args
        self.pid = 0
        self.read = -1
        if not can_fork():
            return
        try:
            read, write = os.pipe()
        except OSError:  # (no file descriptor left: done here)
            return
        try:
            with _paused():
                pid = os.fork()
        except OSError:  # (no process or memory left to fork with: done here, when asked)
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: never back into the caller's code, never its exit handlers
            code = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb") as out:
                    pickle.dump(func(*args), out, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            except BaseException:  # (the parent then does the work itself)
                pass
            finally:
                os._exit(code)
        os.close(write)
        self.pid, self.read = pid, read

    def result(self) -> Any:
        if self.pid:
            read, self.read = self.read, -1  # (closed below, whatever happens: never closed twice)
            with os.fdopen(read, "rb") as got:
                data = got.read()
            _, status = os.waitpid(self.pid, 0)
            self.pid = 0
            if status == 0 and data:
                with contextlib.suppress(Exception):
                    return pickle.loads(data)
        return self.func(*self.args)

    def discard(self) -> None:
        """Stop the child without its result (the caller failed before asking for it, or while
        waiting for it)."""
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            self.pid = 0
        if self.read >= 0:
            with contextlib.suppress(OSError):
                os.close(self.read)
            self.read = -1


def _run_chunk(items: Sequence[Any]) -> list[Any]:
    func, args = _STATE["func"], _STATE["args"]
    if not _STATE.get("frozen"):  # what the worker inherited is never garbage: out of the collector's sight
        gc.freeze()
        _STATE["frozen"] = True
    out = [func(item, *args) for item in items]
    if not gc.isenabled():
        gc.collect()  # this task's cyclic garbage, if any (the pause is inherited)
    return out


def run_all(
    func: Callable[..., Any], items: Sequence[Any], args: tuple[Any, ...], jobs: int, *,
    chunk: int = CHUNK, size: int | None = None,
) -> list[Any]:
    """[func(item, *args) for item in items], on `jobs` forked processes when that pays off.

    Results come back in the order of `items`, sent `chunk` items a task. `size`: how many
    records the items stand for (default: one each); fewer than MIN_PARALLEL are not worth a
    pool. `args` are not sent: the forked workers inherit them. With one job, few records or no
    fork (Windows, or other threads running), everything runs here, with the same results."""
    jobs = min(jobs, (len(items) + chunk - 1) // chunk)
    if jobs <= 1 or (len(items) if size is None else size) < MIN_PARALLEL or not can_fork():
        return [func(item, *args) for item in items]
    chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    _STATE.update(func=func, args=args)
    try:
        try:
            with _paused():  # the workers are forked here, all at once
                pool = multiprocessing.get_context("fork").Pool(jobs)
        except OSError:  # (no process or memory left to fork with: everything here, the same results)
            return [func(item, *args) for item in items]
        with pool:
            parts = pool.map(_run_chunk, chunks, chunksize=1)
    finally:
        _STATE.clear()
    return [result for part in parts for result in part]
