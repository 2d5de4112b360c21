"""Checking on every core, and one case checked with the whole casebook's sensitive values."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from casekit.core import cache as cache_mod
from casekit.core import casebook as casebook_mod
from casekit.core import published as published_mod
from casekit.core import workers
from casekit.core.casebook import check
from tests.conftest import copy_casebook


@pytest.fixture
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path / "cache"))
    return copy_casebook(tmp_path / "book")


def _pids_of_checks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, root: Path, jobs: int) -> tuple[list, set[int]]:
    """Findings, and the processes that checked records (each writes its pid to a file)."""
    log = tmp_path / f"pids-{jobs}"
    log.mkdir()
    real = casebook_mod.check_record

    def marking(task, *args, **kwargs):
        (log / str(os.getpid())).touch()
        return real(task, *args, **kwargs)

    with monkeypatch.context() as m:
        for module in (casebook_mod, workers, published_mod):
            m.setattr(module, "check_record", marking)
        m.setattr(workers, "MIN_PARALLEL", 1)
        m.setattr(workers, "CHUNK", 4)
        report = check(root, jobs=jobs, cache=False)
    return report.findings, {int(p.name) for p in log.iterdir()}


def test_records_are_checked_in_worker_processes_with_the_same_findings(book, tmp_path, monkeypatch) -> None:
    one, pids = _pids_of_checks(monkeypatch, tmp_path, book, 1)
    assert pids == {os.getpid()}
    two, pids = _pids_of_checks(monkeypatch, tmp_path, book, 2)
    assert two == one
    assert os.getpid() not in pids and len(pids) == 2


def test_with_another_thread_running_records_are_checked_here(book, tmp_path, monkeypatch) -> None:
    """Forking while a thread runs can deadlock the child: then the pool is not used."""
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        found, pids = _pids_of_checks(monkeypatch, tmp_path, book, 2)
    finally:
        stop.set()
        t.join()
    assert pids == {os.getpid()}
    assert found == check(book, jobs=1, cache=False).findings


def test_one_case_is_checked_against_every_case_sensitive_values(book) -> None:
    """`casekit check cases/<id>` used to index only that case: a name from another case was missed."""
    other = book / "cases/2026-0002/05-monitoring.md"
    other.write_text(other.read_text(encoding="utf-8") + "\n박영수 님 댁에 함께 방문함\n", encoding="utf-8")
    for cache in (False, True, True):  # cold, then the cache filled, then from the cache
        found = check(book, [book / "cases/2026-0002"], cache=cache).findings
        hits = [f for f in found if f.code == "sensitive-in-text"]
        assert [(f.path, f.line) for f in hits] == [("cases/2026-0002/05-monitoring.md", len(other.read_text(encoding="utf-8").splitlines()))]
        assert all(f.path.startswith("cases/2026-0002/") or "/" not in f.path for f in found)


def test_cli_jobs_and_no_cache(book, run) -> None:
    a = run(book, "check", "--format", "json", "--jobs", "1", "--no-cache")
    b = run(book, "check", "--format", "json", "--jobs", "2")
    c = run(book, "check", "--format", "json")
    assert a.exit_code == b.exit_code == c.exit_code == 0
    assert a.output == b.output == c.output
    bad = run(book, "check", "--jobs", "0")
    assert bad.exit_code == 2


def test_no_folder_for_the_spool_means_one_process_and_the_same_findings(tmp_path: Path, monkeypatch) -> None:
    """Where no temporary folder can be made (a read-only /tmp, a full disk), the texts wait in
    memory and the check runs in one process, with the same findings."""
    root = copy_casebook(tmp_path / "book")
    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path / "cache"))
    expected = check(root, jobs=2, cache=False).findings

    def refuse(*args, **kwargs):
        raise PermissionError(13, "read-only file system")

    monkeypatch.setattr(workers.tempfile, "mkdtemp", refuse)
    monkeypatch.setattr(workers, "MIN_PARALLEL", 1)
    assert workers.Spool([None]).folder is None
    assert check(root, jobs=2).findings == expected
    assert check(root, jobs=2).findings == expected  # from the cache


def _pid(_: int) -> int:
    return os.getpid()


def test_a_progress_line_on_a_terminal_does_not_keep_the_check_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """The progress line is drawn by a thread; a pool is forked all the same, while that thread
    waits (workers.pausable), so a check typed at a terminal uses every core. Any other thread
    still keeps everything in this process."""
    import io

    monkeypatch.delenv("CI", raising=False)  # (progress is never drawn in CI: here it must be)
    monkeypatch.setenv("TERM", "xterm")

    from casekit.progress import progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    items = list(range(workers.MIN_PARALLEL * 2))
    with progress("검사 중", stream=Terminal(), delay=0) as bar:
        assert bar._thread is not None and bar._thread.is_alive()
        assert workers.can_fork()
        pids = set(workers.run_all(_pid, items, (), 2, chunk=16))
    assert os.getpid() not in pids
    assert not workers._PAUSABLE  # the thread ended and is forgotten
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not workers.can_fork()
        assert set(workers.run_all(_pid, items, (), 2, chunk=16)) == {os.getpid()}
    finally:
        release.set()
        other.join()


def test_kept_records_are_read_again_only_while_they_are_the_files_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """check(keep=True) checks as always (cache, every core), then reads every record again for
    its values; a record that is not the file that was checked (written in between) sends it
    back to checking and parsing everything in one go: the site never shows unchecked text."""
    casebook = copy_casebook(tmp_path / "casebook")
    plain = check(casebook, cache=False)
    kept = check(casebook, keep=True)
    assert [f.message_en for f in kept.findings] == [f.message_en for f in plain.findings]
    assert set(kept.parsed) == set(kept.records) and all(p is not None and p.data for p in kept.parsed.values())
    assert all(not p.positions for p in kept.parsed.values())  # values and body only
    victim = kept.records[3]
    real = workers.load_record

    def written_in_between(task: workers.Task):  # as if the file changed after it was checked
        sig, parsed = real(task)
        if task.rel == victim:
            (casebook / victim).write_text((casebook / victim).read_text(encoding="utf-8") + "\n추가 기록\n",
                                           encoding="utf-8")
            return (sig[0] + 1, *sig[1:]) if sig else None, parsed
        return sig, parsed

    monkeypatch.setattr(casebook_mod, "load_record", written_in_between)
    again = check(casebook, keep=True)
    assert again.parsed[victim] is not None and again.parsed[victim].body.endswith("추가 기록\n")
    assert again.parsed[victim].positions  # parsed where it was checked, the second time
    assert [f.message_en for f in again.findings] == [f.message_en for f in check(casebook, cache=False).findings]


def _in_child_only(parent: int) -> int:
    if os.getpid() != parent:
        raise RuntimeError("a bug that shows in the forked process alone")
    return 7


def test_background_work_gives_its_value_and_the_parents_own_when_the_child_fails() -> None:
    started = workers.Background(sorted, [3, 1, 2])
    assert started.pid  # forked: the caller went on while it ran
    assert started.result() == [1, 2, 3]
    failing = workers.Background(_in_child_only, os.getpid())
    assert failing.pid
    assert failing.result() == 7  # the child's failure is the parent's work, done again here


def test_background_work_discarded_leaves_no_process_behind() -> None:
    import time

    started = workers.Background(time.sleep, 30)
    pid = started.pid
    started.discard()
    with pytest.raises(ChildProcessError):  # reaped: no zombie left for the caller
        os.waitpid(pid, os.WNOHANG)
    done = workers.Background(sorted, [2, 1])
    assert done.result() == [1, 2]
    read, write = os.pipe()  # (most likely the numbers the result's pipe had)
    try:
        done.discard()  # after the result: nothing of anyone else's closed
        os.write(write, b"x")
        assert os.read(read, 1) == b"x"
    finally:
        os.close(read)
        os.close(write)


def test_background_work_with_another_thread_running_is_done_here() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        started = workers.Background(os.getpid)
        assert not started.pid
        assert started.result() == os.getpid()
    finally:
        stop.set()
        other.join()


def test_the_sensitive_values_are_scanned_beside_the_case_rules_with_the_same_findings(book, monkeypatch) -> None:
    """A full check scans for the casebook's sensitive values in a forked process while the case
    rules run here: the same findings as on one core, cold and from the cache."""
    forked: list[int] = []
    real = workers.Background.__init__

    def counting(self, func, *args):
        real(self, func, *args)
        forked.append(self.pid)

    monkeypatch.setattr(workers.Background, "__init__", counting)
    monkeypatch.setattr(cache_mod, "RACY_NS", 0)  # (files written just now are kept too)
    other = book / "cases/2026-0002/05-monitoring.md"
    other.write_text(other.read_text(encoding="utf-8") + "\n박영수 님 댁에 함께 방문함\n", encoding="utf-8")
    (book / "docs/phones.md").write_text("# 연락처\n\n상담 010-2345-6789\n", encoding="utf-8")
    one = check(book, jobs=1, cache=False).findings
    assert not forked
    # a casebook of fewer than MIN_BACKGROUND records (the sample's 83): here, the fork costs more
    assert check(book, jobs=2).findings == one
    assert not forked
    monkeypatch.setattr(casebook_mod, "MIN_BACKGROUND", 50)
    assert check(book, jobs=2, cache=False).findings == one
    assert check(book, jobs=2).findings == one
    assert len(forked) == 2 and all(forked)
    # many records to scan (a cold check, a value changed): here, on every core, as before (a
    # process beside the case rules would copy every page they touch)
    monkeypatch.setattr(casebook_mod, "MIN_PARALLEL", 5)
    forked.clear()
    assert check(book, jobs=2, cache=False).findings == one
    assert not forked
    assert check(book, jobs=2).findings == one  # (from the cache: nothing to scan again)
    assert len(forked) == 1
    assert {"sensitive-in-text", "pii-phone"} <= {f.code for f in one if f.path in (
        "cases/2026-0002/05-monitoring.md", "docs/phones.md")}


def test_the_later_half_signatures_taken_apart_still_tell_an_edited_record(book, monkeypatch) -> None:
    """With a cache to compare against, the signatures of the later half of the cases are taken by a
    forked process while this one compares the first half's: a record edited in either half is
    checked again, one left alone is not."""
    monkeypatch.setattr(cache_mod, "RACY_NS", 0)  # (files written just now are kept too)
    monkeypatch.setattr(casebook_mod, "STAT_APART", 1)
    forked: list[int] = []
    real = workers.Background.__init__

    def counting(self, func, *args):
        real(self, func, *args)
        if func is casebook_mod._signatures:
            forked.append(self.pid)

    monkeypatch.setattr(workers.Background, "__init__", counting)
    cold = check(book, jobs=2).findings
    assert not forked  # (nothing kept yet: no signature to compare)
    assert check(book, jobs=2).findings == cold
    assert len(forked) == 1 and forked[0]
    cases = sorted(p.name for p in (book / "cases").iterdir() if p.is_dir())
    checked: list[str] = []
    real_group = casebook_mod.check_group

    def noting(group, *args):
        checked.extend(t.rel for t in group[1])
        return real_group(group, *args)

    monkeypatch.setattr(casebook_mod, "check_group", noting)
    for case in (cases[0], cases[-1]):  # the first half, the later half
        record = sorted((book / "cases" / case).glob("*-intake.md"))[0]
        record.write_text(record.read_text(encoding="utf-8") + "\n추가 기록\n", encoding="utf-8")
        expected = check(book, jobs=1, cache=False).findings
        checked.clear()
        assert check(book, jobs=2).findings == expected
        assert checked == [record.relative_to(book).as_posix()]


def test_background_work_when_fork_fails_is_done_here(monkeypatch) -> None:
    """No process left to fork (EAGAIN) or no file descriptor for the pipe: the work is done
    here, with the same result, never a traceback."""
    def refused():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    started = workers.Background(sorted, [2, 1])
    assert not started.pid and started.result() == [1, 2]
    monkeypatch.undo()

    def no_pipe():
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(os, "pipe", no_pipe)
    started = workers.Background(sorted, [3, 1])
    assert not started.pid and started.result() == [1, 3]


def test_a_check_when_fork_fails_gives_the_same_findings(book, monkeypatch) -> None:
    expected = check(book, jobs=1).findings

    def refused():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refused)
    monkeypatch.setattr(casebook_mod, "STAT_APART", 1)
    monkeypatch.setattr(workers, "MIN_PARALLEL", 1)  # (the pool of workers tried too)
    assert check(book, jobs=2).findings == expected
    assert check(book, jobs=2, cache=False).findings == expected
