"""Writes are safe: atomic, never overwriting, and correct when many processes write at once.

The process tests start real `casekit` processes together (each imports casekit, then waits at a
barrier file, so they reach the critical section at the same moment) and check what they leave:
distinct consecutive numbers, complete files, no temporary files.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from casekit.core import scaffold
from casekit.core.scaffold import ScaffoldError, add_record, new_case, write_new
from casekit.core.source import split
from tests.builders import open_case_book

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASEKIT = Path(sys.executable).with_name("casekit")
N = 8

# imports casekit first, then waits for the go file: all processes hit the write at the same moment
BARRIER = r"""
import os, sys, time
sync, argv = sys.argv[1], sys.argv[2:]
from casekit.cli import main
open(os.path.join(sync, "ready-%d" % os.getpid()), "w").close()
deadline = time.monotonic() + 60
while not os.path.exists(os.path.join(sync, "go")) and time.monotonic() < deadline:
    time.sleep(0.0005)
sys.argv = ["casekit", *argv]
main()
"""


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A casebook with one open case c1 (intake, assessment, plan)."""
    return open_case_book(tmp_path / "book")


def together(book: Path, sync: Path, commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Run `casekit` with each argument list, all released at the same instant."""
    if sync.exists():
        shutil.rmtree(sync)
    sync.mkdir()
    env = {**os.environ, "LANG": "ko_KR.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    procs = [
        subprocess.Popen([sys.executable, "-c", BARRIER, str(sync), *args], cwd=book, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for args in commands
    ]
    deadline = time.monotonic() + 60
    while len(list(sync.glob("ready-*"))) < len(procs) and time.monotonic() < deadline:
        time.sleep(0.005)
    (sync / "go").touch()
    out = []
    for args, proc in zip(commands, procs, strict=True):
        stdout, stderr = proc.communicate(timeout=120)
        out.append(subprocess.CompletedProcess(args, proc.returncode, stdout, stderr))
    return out


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".casekit-*"))


def record_numbers(folder: Path) -> list[int]:
    return sorted(int(p.name[:2]) for p in folder.iterdir() if re.fullmatch(r"\d\d-[a-z]+\.md", p.name))


def assert_complete(path: Path, case: str, stage: str) -> None:
    text = path.read_text(encoding="utf-8")
    parsed = split(text, path.name)
    assert parsed.findings == [], (path, parsed.findings)
    assert parsed.data is not None and parsed.data["case"] == case and parsed.data["stage"] == stage
    template = (FIXTURES.parent.parent / "casekit/defaults/templates" / f"{stage}.md").read_text(encoding="utf-8")
    assert text.endswith(template.rsplit("---\n", 1)[1]), path  # the body, to the last byte


# --- one writer ------------------------------------------------------------------------------------


def test_write_new_is_atomic_and_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    path = write_new(tmp_path, "01-intake.md", "---\ncase: c1\n---\n본문\n")
    assert path == tmp_path / "01-intake.md"
    assert path.read_text(encoding="utf-8") == "---\ncase: c1\n---\n본문\n"
    assert len(synced) >= 2  # the file, then the folder
    assert leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "02-monitoring.md"
    target.write_bytes(b"\xff\xfeoriginal bytes\r\n")
    before = (target.read_bytes(), target.stat().st_mtime_ns, target.stat().st_ino)
    with pytest.raises(FileExistsError):
        write_new(tmp_path, "02-monitoring.md", "new text")
    assert (target.read_bytes(), target.stat().st_mtime_ns, target.stat().st_ino) == before
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "../x", "a\\b", "x\x00"])
def test_write_new_takes_plain_names_only(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        write_new(tmp_path / "sub", name, "x")
    assert list(tmp_path.iterdir()) == []


def test_write_new_does_not_write_through_a_linked_folder(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    with pytest.raises(OSError):
        write_new(tmp_path / "link", "01-intake.md", "x")
    assert list(real.iterdir()) == []


def test_write_new_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some file systems (FAT, some network shares) refuse `link`: claim the name, then rename onto it."""

    def no_link(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    path = write_new(tmp_path, "01-intake.md", "complete\n")
    assert path.read_text(encoding="utf-8") == "complete\n"
    path.write_bytes(b"theirs")
    with pytest.raises(FileExistsError):
        write_new(tmp_path, "01-intake.md", "mine\n")
    assert path.read_bytes() == b"theirs"
    assert leftovers(tmp_path) == []


def test_a_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_args: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError):
        write_new(tmp_path, "01-intake.md", "x" * 10_000)
    assert list(tmp_path.iterdir()) == []


def test_add_skips_a_number_taken_behind_its_back(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another tool (without casekit's lock) creates 04-monitoring.md between numbering and writing."""
    real = scaffold.write_new
    theirs = b"---\ncase: c1\nstage: monitoring\n---\nwritten by someone else\n"

    def racing(folder: Path, name: str, text: str) -> Path:
        if name == "04-monitoring.md" and not (folder / name).exists():
            (folder / name).write_bytes(theirs)
        return real(folder, name, text)

    monkeypatch.setattr(scaffold, "write_new", racing)
    written = add_record(book, "c1", "monitoring", worker="kim.sw")
    assert written.rel == "cases/c1/05-monitoring.md"
    assert (book / "cases/c1/04-monitoring.md").read_bytes() == theirs
    assert_complete(written.path, "c1", "monitoring")


def test_add_never_touches_existing_records(book: Path, run: Any) -> None:
    folder = book / "cases/c1"
    (folder / "04-monitoring.md").write_bytes(b"not even front matter\x00")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    result = run(book, "add", "c1", "monitoring", "--worker", "kim.sw", "--date", "2026-04-01")
    assert result.exit_code == 0 and result.stdout.strip() == "cases/c1/05-monitoring.md"
    for name, snapshot in before.items():
        assert ((folder / name).read_bytes(), (folder / name).stat().st_mtime_ns) == snapshot


def test_write_errors_are_reported_not_raised(book: Path, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(*_args: Any, **_kwargs: Any) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(scaffold, "write_new", denied)
    result = run(book, "add", "c1", "monitoring")
    assert result.exit_code == 1 and "권한이 없습니다 (permission denied)" in result.output
    result = run(book, "new", "--id", "c2")
    assert result.exit_code == 1 and "권한이 없습니다 (permission denied)" in result.output
    assert not (book / "cases/c2").exists()  # the half-made case folder is gone again
    with pytest.raises(ScaffoldError):
        new_case(book, case_id=None, worker=None)
    assert sorted(p.name for p in (book / "cases").iterdir()) == ["c1"]


# --- many processes at once ---------------------------------------------------------------------------


@pytest.mark.slow
def test_concurrent_add_gives_distinct_consecutive_numbers(book: Path, tmp_path: Path) -> None:
    folder = book / "cases/c1"
    start = max(record_numbers(folder))
    args = ["add", "c1", "monitoring", "--worker", "kim.sw", "--date", "2026-04-01"]
    written: list[str] = []
    for _round in range(3):
        results = together(book, tmp_path / "sync", [args] * N)
        for r in results:
            assert r.returncode == 0, r.stderr
            assert "Traceback" not in r.stderr
        written += [r.stdout.strip() for r in results]
    assert len(set(written)) == len(written) == 3 * N
    assert record_numbers(folder) == list(range(1, start + 3 * N + 1))
    assert leftovers(book) == []
    contents = {(book / rel).read_bytes() for rel in written}
    assert len(contents) == 1  # every file complete and identical, to the byte
    assert_complete(book / written[0], "c1", "monitoring")


@pytest.mark.slow
def test_concurrent_add_of_mixed_stages_with_the_real_command(book: Path) -> None:
    """The installed `casekit` script, launched all at once (no barrier)."""
    folder = book / "cases/c1"
    start = max(record_numbers(folder))
    stages = ["monitoring", "intervention"] * (N // 2)
    procs = [subprocess.Popen([str(CASEKIT), "add", "c1", stage, "--date", "2026-04-01"], cwd=book,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for stage in stages]
    results = [(p.communicate(timeout=120), p.returncode) for p in procs]
    for (_out, err), code in results:
        assert code == 0, err
    assert record_numbers(folder) == list(range(1, start + N + 1))
    for (out, _err), _code in results:
        rel = out.strip()
        assert_complete(book / rel, "c1", rel.rsplit("-", 1)[1][:-3])
    assert leftovers(book) == []


@pytest.mark.slow
def test_concurrent_new_with_the_same_id_has_one_winner(book: Path, tmp_path: Path) -> None:
    for round_ in range(2):
        cid = f"race{round_}"
        results = together(book, tmp_path / "sync", [["new", "--id", cid, "--worker", "kim.sw"]] * N)
        winners = [r for r in results if r.returncode == 0]
        losers = [r for r in results if r.returncode != 0]
        assert len(winners) == 1, [r.stderr for r in results]
        assert winners[0].stdout.strip() == f"cases/{cid}/01-intake.md"
        for r in losers:
            assert r.returncode == 1
            assert "이미 있습니다 (case exists)" in r.stderr and "Traceback" not in r.stderr
        assert sorted(p.name for p in (book / "cases" / cid).iterdir()) == ["01-intake.md"]
        assert_complete(book / "cases" / cid / "01-intake.md", cid, "intake")
    assert leftovers(book) == []


@pytest.mark.slow
def test_concurrent_new_without_id_gives_distinct_cases(book: Path, tmp_path: Path) -> None:
    made: list[str] = []
    for _round in range(2):
        results = together(book, tmp_path / "sync", [["new", "--worker", "kim.sw"]] * N)
        for r in results:
            assert r.returncode == 0, r.stderr
        made += [r.stdout.strip() for r in results]
    assert len(set(made)) == len(made) == 2 * N
    for rel in made:
        case = rel.split("/")[1]
        assert sorted(p.name for p in (book / "cases" / case).iterdir()) == ["01-intake.md"]
        assert_complete(book / rel, case, "intake")
    assert leftovers(book) == []
