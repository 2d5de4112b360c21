"""History from git: real repositories in temporary folders, several authors, renames, deletes,
shallow clones, no repository at all; and one `git log` for the whole casebook."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from casekit.core import history
from tests.builders import FULL_PATH, make_casebook, record_text

pytestmark = pytest.mark.slow

AUTHORS = {"kim": ("Kim", "kim@agency.kr"), "lee": ("Lee", "lee@agency.kr"), "park": ("Park", "park@agency.kr")}


def git(root: Path, *args: str, author: str = "kim", date: str = "2026-04-01T09:00:00+09:00") -> str:
    name, email = AUTHORS[author]
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(root.parent),
    }
    proc = subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True)
    return proc.stdout


def commit(root: Path, message: str, author: str, date: str) -> None:
    git(root, "add", "-A", author=author, date=date)
    git(root, "commit", "-q", "-m", message, author=author, date=date)


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """c1 written by kim, then lee edits it (worker lee.sw), a record is renamed, one is deleted."""
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:3], "c2": FULL_PATH[:1]})
    git(root, "init", "-q", "-b", "main")
    commit(root, "사례 c1, c2 접수", "kim", "2026-03-01T10:00:00+09:00")
    write(root, "cases/c1/02-assessment.md", record_text("c1", "assessment", "2026-03-05", body="재사정 반영", worker="lee.sw"))
    commit(root, "c1 사정 보완", "lee", "2026-03-06T11:00:00+09:00")
    git(root, "mv", "cases/c1/03-plan.md", "cases/c1/04-plan.md")
    write(root, "cases/c1/03-intervention.md", record_text("c1", "intervention", "2026-03-20"))
    commit(root, "c1 순번 정리", "park", "2026-03-21T12:00:00+09:00")
    (root / "cases/c2/01-intake.md").unlink()
    commit(root, "c2 잘못 만든 사례 삭제", "park", "2026-03-22T13:00:00+09:00")
    return root


def test_last_change_per_file_and_case_log(repo: Path) -> None:
    hist = history.load(repo)
    assert hist.available and hist.notes == []
    last = hist.last_change("cases/c1/02-assessment.md")
    assert last is not None
    assert (last.day, last.who, last.subject, last.status) == ("2026-03-06", "lee.sw", "c1 사정 보완", "modified")
    assert last.email is None  # e-mail addresses only when configured
    intake = hist.last_change("cases/c1/01-intake.md")
    assert intake is not None and (intake.day, intake.who) == ("2026-03-01", "kim.sw")
    plan = hist.last_change("cases/c1/04-plan.md")
    assert plan is not None and plan.status == "renamed" and plan.old_path == "cases/c1/03-plan.md"
    assert hist.last_change("cases/c1/03-plan.md") is None  # no file of that name today
    assert hist.last_change("cases/c2/01-intake.md") is None  # deleted

    log = hist.case_log("c1")
    assert [c.day for c in log] == sorted((c.day for c in log), reverse=True)
    plan_log = [c for c in log if c.current == "cases/c1/04-plan.md"]
    assert [(c.status, c.path) for c in plan_log] == [("renamed", "cases/c1/04-plan.md"), ("added", "cases/c1/03-plan.md")]
    deleted = hist.case_log("c2")
    assert [(c.status, c.current, c.who) for c in deleted] == [("deleted", None, "kim.sw"), ("added", None, "kim.sw")]
    assert all("@" not in json.dumps(c.as_dict()) for c in log)


def test_authors_mapping_and_show_email(repo: Path) -> None:
    (repo / "casekit.yml").write_text(
        "history:\n  authors:\n    PARK@agency.kr: park.sv\n  show_email: true\n", encoding="utf-8"
    )
    hist = history.load(repo)
    intervention = hist.last_change("cases/c1/03-intervention.md")
    assert intervention is not None and intervention.who == "park.sv"  # the mapping wins, case-insensitive
    assert intervention.email == "park@agency.kr"
    assessment = hist.last_change("cases/c1/02-assessment.md")
    assert assessment is not None and assessment.who == "lee.sw"  # not mapped: the record's worker
    # said as such (a supervisor's probe: park committing a correction to lee's record read as lee's edit)
    assert (intervention.who_ko, intervention.as_dict()["who_from"]) == ("park.sv", "authors")
    assert (assessment.who_ko, assessment.as_dict()["who_from"]) == ("lee.sw (기록상 담당)", "record")


def test_bad_history_setting_is_a_located_config_finding(repo: Path, run) -> None:
    (repo / "casekit.yml").write_text("lang: ko\nhistory:\n  authors: [kim]\n", encoding="utf-8")
    result = run(repo, "check", "--format", "json")
    found = [f for f in json.loads(result.output)["findings"] if f["code"] == "config-invalid"]
    assert [(f["line"], f["column"]) for f in found] == [(3, 12)]  # at the value: authors is a mapping


def test_casekit_log_command(repo: Path, run) -> None:
    result = run(repo, "log", "c1")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("2026-03-21  kim.sw  추가  03-intervention.md  c1 순번 정리")
    assert any("이름 바뀜  03-plan.md → 04-plan.md" in ln for ln in lines)
    assert "agency.kr" not in result.output
    payload = json.loads(run(repo, "log", "c1", "--format", "json").output)
    assert payload["available"] is True and len(payload["changes"]) == len(lines) - 1
    assert payload["uncommitted"] == []
    (repo / "cases/c1/01-intake.md").write_text("고침\n", encoding="utf-8")
    write(repo, "cases/c1/05-monitoring.md", "새 기록\n")
    assert run(repo, "log", "c1").output.splitlines()[0] == "커밋하지 않은 변경: 01-intake.md, 05-monitoring.md"
    assert history.load(repo).uncommitted == {"cases/c1/01-intake.md", "cases/c1/05-monitoring.md"}


def test_outside_git_a_note_not_a_traceback(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path / "plain", {"c1": FULL_PATH[:1]})
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    os.environ.update(env)  # keep git from finding a repository above the temporary folder
    try:
        hist = history.load(root)
        result = run(root, "log", "c1")
    finally:
        del os.environ["GIT_CEILING_DIRECTORIES"]
    assert not hist.available and hist.last_change("cases/c1/01-intake.md") is None
    assert [n.code for n in hist.notes] == ["history-no-git"]
    assert result.exit_code == 0
    assert "변경 이력이 없습니다: git 저장소가 아닙니다" in result.output


def test_repository_without_commits(tmp_path: Path) -> None:
    root = make_casebook(tmp_path / "fresh", {"c1": FULL_PATH[:1]})
    git(root, "init", "-q")
    hist = history.load(root)
    assert not hist.available and "아직 커밋이 없습니다" in hist.notes[0].message_ko


def test_shallow_clone_is_cut_at_the_graft(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True)
    hist = history.load(clone)
    assert hist.available
    assert [n.code for n in hist.notes] == ["history-shallow"]
    assert "2026-03-22" in hist.notes[0].message_ko
    intake = hist.last_change("cases/c1/01-intake.md")
    assert intake is not None and intake.cut and intake.day == "2026-03-22"  # "then or earlier"
    full = history.load(repo).last_change("cases/c1/01-intake.md")
    assert full is not None and not full.cut


def test_casekit_log_in_a_shallow_clone_says_what_it_cannot_know(repo: Path, tmp_path: Path, run) -> None:
    """At the graft git lists every file as added, with the last commit's message: `casekit log`
    said `추가` and that message for records written months before it. It says the file was
    there then, with no message (the graft's message is about the files it changed)."""
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True)
    subject = subprocess.run(["git", "log", "-1", "--format=%s"], cwd=clone, check=True, capture_output=True,
                             text=True).stdout.strip()
    lines = [line for line in run(clone, "log", "c1").output.splitlines() if "01-intake.md" in line]
    assert lines and all("그때 있던 파일 (이전 이력 없음)" in line and "추가" not in line for line in lines), lines
    assert all(subject not in line for line in lines), (subject, lines)
    full = [line for line in run(repo, "log", "c1").output.splitlines() if "01-intake.md" in line]
    assert any("추가" in line for line in full), full  # a full clone says what git knows


def test_casebook_in_a_subfolder_of_the_repository(tmp_path: Path) -> None:
    top = tmp_path / "top"
    root = make_casebook(top / "casebook", {"c1": FULL_PATH[:2]})
    write(top, "other/notes.md", "unrelated\n")
    git(top, "init", "-q")
    commit(top, "first", "lee", "2026-05-01T09:00:00+09:00")
    hist = history.load(root)
    assert hist.last_change("cases/c1/02-assessment.md") is not None
    assert all(not c.path.startswith(("other", "casebook/")) for c in hist.changes)
    write(top, "other/notes.md", "changed\n")
    write(root, "cases/c1/03-plan.md", "new\n")
    assert history.load(root).uncommitted == {"cases/c1/03-plan.md"}


def test_one_git_log_for_a_thousand_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 cases over 300 commits: one `git log` and one `git cat-file`, never one call per file."""
    root = tmp_path / "big"
    make_casebook(root, {})
    git(root, "init", "-q")
    authors = list(AUTHORS)
    for n in range(300):
        for k in range(n * 1000 // 300, (n + 1) * 1000 // 300):
            case = f"2026-{k:04d}"
            write(root, f"cases/{case}/01-intake.md", record_text(case, "intake", "2026-03-01", worker=f"w{k % 7}"))
        if n % 3 == 2:  # also edit some earlier records
            for k in range(0, n * 3, 37):
                case = f"2026-{k:04d}"
                write(root, f"cases/{case}/01-intake.md", record_text(case, "intake", "2026-03-01", body=f"수정 {n}"))
        commit(root, f"commit {n}", authors[n % 3], f"2026-03-01T09:{n // 60:02d}:{n % 60:02d}+09:00")
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(args, *a, **kw):  # type: ignore[no-untyped-def]
        calls.append(list(args))
        return real(args, *a, **kw)

    monkeypatch.setattr(history.subprocess, "run", counting)
    start = time.perf_counter()
    hist = history.load(root)
    elapsed = time.perf_counter() - start
    assert sum(1 for c in calls if "log" in c) == 1
    assert len(calls) <= 5  # config (the repository's own filters, switched off), rev-parse, log, cat-file, status
    assert len([k for k in hist._last if k.startswith("cases/")]) == 1000
    assert all(hist.last_change(f"cases/2026-{k:04d}/01-intake.md") is not None for k in range(1000))
    assert elapsed < 20, elapsed
    print(f"history.load: 1000 cases, 300 commits, {len(hist.changes)} changes in {elapsed:.2f} s")


def test_a_copied_repositorys_own_git_settings_run_nothing(repo: Path, tmp_path: Path) -> None:
    """A casebook unpacked from elsewhere brings .git/config and .git/hooks: `casekit log`, the build's
    history and `check --changed` ran its core.fsmonitor, its post-index-change hook, its filters."""
    from casekit.core import changes

    write(repo, ".gitattributes", "*.md filter=x\n")
    commit(repo, "속성", "kim", "2026-03-23T09:00:00+09:00")
    ran = tmp_path / "ran"
    ran.mkdir()
    git(repo, "config", "core.fsmonitor", f"touch {ran}/fsmonitor; false")
    git(repo, "config", "filter.x.clean", f"touch {ran}/filter; cat")
    git(repo, "config", "filter.x.required", "true")
    hook = repo / ".git/hooks/post-index-change"
    hook.write_text(f"#!/bin/sh\ntouch {ran}/hook\n", encoding="utf-8")
    hook.chmod(0o755)
    record = repo / "cases/c1/01-intake.md"
    record.write_text(record.read_text(encoding="utf-8").replace("kim.sw", "lee.sw"), encoding="utf-8")  # same size
    os.utime(record, (time.time() + 5, time.time() + 5))
    hist = history.load(repo)
    assert hist.available and "cases/c1/01-intake.md" in hist.uncommitted
    assert hist.case_log("c1")
    assert {c.path for c in changes.since(repo, "HEAD")} >= {"cases/c1/01-intake.md"}
    assert sorted(p.name for p in ran.iterdir()) == []
    git(repo, "status", "--porcelain")  # git itself, the same repository: the settings are live
    assert {p.name for p in ran.iterdir()} >= {"fsmonitor", "filter"}


def test_casekit_log_never_prints_a_commit_messages_escape_sequences(repo: Path, run) -> None:
    """A commit message is anyone's: ESC ] 0 ; … BEL retitled the terminal, ESC [ 2 J cleared it."""
    write(repo, "cases/c1/05-monitoring.md", "새 기록\n")
    commit(repo, "점검 \x1b]0;가짜 제목\x07 \x1b[2J 추가", "kim", "2026-03-23T09:00:00+09:00")
    output = run(repo, "log", "c1").output
    assert "\x1b" not in output and "\x07" not in output
    assert "점검 \\x1b]0;가짜 제목\\x07 \\x1b[2J 추가" in output.splitlines()[0]
