"""`casekit check --changed [REV]` in real git repositories: the cases that changed (modified,
added, untracked, with a record deleted, renamed) get exactly the findings a full check gives them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from casekit.core.changes import Change, conflict_line, scope
from tests.builders import FULL_PATH, make_casebook

GIT_ENV = {"GIT_AUTHOR_NAME": "kim.sw", "GIT_AUTHOR_EMAIL": "kim@example.invalid",
           "GIT_COMMITTER_NAME": "kim.sw", "GIT_COMMITTER_EMAIL": "kim@example.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=True)
    return done.stdout


def repo_with_cases(path: Path, cases: dict[str, list]) -> Path:
    root = make_casebook(path, cases)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "사례집 시작")
    return root


def findings(run, root: Path, *args: str) -> list[dict]:
    result = run(root, "check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)["findings"]


def of_cases(items: list[dict], cases: set[str]) -> list[dict]:
    return [f for f in items if f["path"].split("/")[:1] == ["cases"] and f["path"].split("/")[1] in cases]


def test_changed_cases_get_the_findings_of_a_full_check(tmp_path: Path, run) -> None:
    root = repo_with_cases(tmp_path / "book", {
        "c1": FULL_PATH[:3], "c2": FULL_PATH[:3], "c3": FULL_PATH[:2], "c4": FULL_PATH[:1], "c9": FULL_PATH[:2],
    })
    # c4 is broken on main already: a full check sees it, a check of this branch's changes does not
    (root / "cases/c4/01-intake.md").write_text("---\ncase: c4\nstage: intake\n---\n", encoding="utf-8")
    git(root, "commit", "-qam", "c4 깨짐")
    git(root, "checkout", "-q", "-b", "work")
    # modified and committed: a goal that names a need the assessment does not have
    plan = root / "cases/c1/03-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("need: N1", "need: N7"), encoding="utf-8")
    git(root, "commit", "-qam", "c1 계획 수정")
    # a record deleted (not committed): c2's plan now lacks its assessment
    git(root, "rm", "-q", "cases/c2/02-assessment.md")
    # a case renamed: c3 -> c5 (the records still say case: c3: one case-folder-renamed)
    git(root, "mv", "cases/c3", "cases/c5")
    # a new case that git does not track yet, with a placeholder left in it
    shutil.copytree(root / "cases/c9", root / "cases/c6")
    for p in (root / "cases/c6").iterdir():
        p.write_text(p.read_text(encoding="utf-8").replace("case: c9", "case: c6").replace("월세 체납", "<주 호소 문제>"),
                     encoding="utf-8")

    full = findings(run, root)
    changed = findings(run, root, "--changed")
    touched = {"c1", "c2", "c5", "c6"}
    assert changed == of_cases(full, touched)
    assert {f["path"].split("/")[1] for f in changed} == touched  # each of them has something to report
    assert of_cases(full, {"c4"}) and not of_cases(changed, {"c4", "c9"})
    codes = {f["code"] for f in changed}
    assert {"unknown-need", "plan-without-assessment", "case-folder-renamed", "placeholder"} <= codes, codes
    # an explicit REV: only what changed since the commit that broke c4 (the same set here)
    assert findings(run, root, "--changed", "main") == changed
    # since the branch's own last commit: c1's plan change is no longer "changed"
    assert of_cases(findings(run, root, "--changed", "HEAD"), {"c1"}) == []


def test_staged_files_with_paths_as_pre_commit_passes_them(tmp_path: Path, run) -> None:
    root = repo_with_cases(tmp_path / "book", {"c1": FULL_PATH[:3], "c2": FULL_PATH[:3]})
    # c2 is broken in the working tree but not staged: not part of the commit, not checked
    (root / "cases/c2/01-intake.md").write_text("---\ncase: c2\n---\n", encoding="utf-8")
    # c1: only its plan is staged; the check still reads its other records (cross-record rules)
    plan = root / "cases/c1/03-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n덧붙임\n", encoding="utf-8")
    git(root, "add", "cases/c1/03-plan.md")
    staged = findings(run, root, "--changed", "--", "cases/c1/03-plan.md")
    assert of_cases(staged, {"c2"}) == []
    assert staged == of_cases(findings(run, root), {"c1"})


def test_nothing_changed(tmp_path: Path, run) -> None:
    root = repo_with_cases(tmp_path / "book", {"c1": FULL_PATH[:1]})
    result = run(root, "check", "--changed")
    assert result.exit_code == 0 and "파일 0개 검사" in result.output
    assert json.loads(run(root, "check", "--changed", "--format", "json").output)["findings"] == []


def test_settings_schemas_and_removed_resources_mean_the_whole_casebook(tmp_path: Path) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:1], "c2": FULL_PATH[:1]})
    assert scope(root, [Change("M", "schemas/intake.schema.json")]) is None
    assert scope(root, [Change("M", "casekit.yml")]) is None
    assert scope(root, [Change("D", "resources/food-bank.md")]) is None
    assert scope(root, [Change("R", "resources/new.md", "resources/food-bank.md")]) is None
    assert scope(root, [Change("M", "resources/food-bank.md")]) == [root / "resources"]
    assert scope(root, [Change("R", "cases/c2/01-intake.md", "cases/gone/01-intake.md")]) == [root / "cases/c2"]
    assert scope(root, [Change("M", "README.md"), Change("D", "cases/gone/01-intake.md")]) == []


def test_a_casebook_inside_a_larger_repository(tmp_path: Path, run) -> None:
    repo = tmp_path / "repo"
    root = make_casebook(repo / "casebook", {"c1": FULL_PATH[:1], "c2": FULL_PATH[:1]})
    (repo / "README.md").write_text("x", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "x")
    git(repo, "checkout", "-q", "-b", "work")
    (root / "cases/c2/01-intake.md").write_text("---\ncase: c2\n---\n", encoding="utf-8")
    (repo / "README.md").write_text("y", encoding="utf-8")
    changed = findings(run, root, "--changed")
    assert changed and {f["path"].split("/")[1] for f in changed} == {"c2"}
    assert changed == of_cases(findings(run, root), {"c2"})


def test_outside_git_and_without_a_main_branch_are_usage_errors(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:1]})
    result = run(root, "check", "--changed")
    assert result.exit_code == 2 and "git 저장소가 아닙니다" in result.output
    git(root, "init", "-q", "-b", "trunk")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "x")
    result = run(root, "check", "--changed")
    assert result.exit_code == 2 and "기준 브랜치" in result.output
    result = run(root, "check", "--changed", "no-such-rev")
    assert result.exit_code == 2 and "no-such-rev" in result.output
    assert run(root, "check", "--changed", "HEAD").exit_code == 0


@pytest.mark.parametrize(("text", "line"), [
    ("---\n<<<<<<< HEAD\ncase: a\n=======\ncase: b\n>>>>>>> other\n---\n", 2),
    ("제목\n=======\n본문\n", None),  # a Markdown heading underline is not a conflict
    ("<<<<<<< HEAD\n본문\n", None),
    ("a\n<<<<<<< ours\nx\n||||||| base\ny\n=======\nz\n>>>>>>> theirs\n", 2),
])
def test_conflict_markers(text: str, line: int | None) -> None:
    assert conflict_line(text) == line


def test_a_changed_case_that_names_another_cases_client_is_caught(tmp_path: Path, run) -> None:
    root = repo_with_cases(tmp_path / "book", {"c1": FULL_PATH[:1], "c2": FULL_PATH[:1]})
    other = root / "cases/c2/01-intake.md"
    other.write_text(other.read_text(encoding="utf-8").replace("홍길동", "박서준"), encoding="utf-8")
    git(root, "commit", "-qam", "c2")
    git(root, "checkout", "-q", "-b", "work")
    mine = root / "cases/c1/01-intake.md"
    mine.write_text(mine.read_text(encoding="utf-8") + "\n박서준 씨와 같은 건물에 산다.\n", encoding="utf-8")
    full = findings(run, root)
    assert [f["code"] for f in of_cases(full, {"c1"})] == ["sensitive-in-text"]
    assert findings(run, root, "--changed") == of_cases(full, {"c1"})
