"""The `casekit-check` hook run by the real pre-commit tool on real `git commit`s in a temporary
repository: a bad record blocks the commit and shows the finding, a good one passes, only the
staged cases are checked (with the other records their rules need), and a commit that only
deletes a record is checked too.

Two hook definitions are tested: the one `casekit init` writes (`repo: local`, the casekit on
PATH), and the published `.pre-commit-hooks.yaml` of this repository, which pre-commit installs
from a git snapshot of this working tree into its own virtualenv (slow: a pip install)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from casekit.core.init import init_casebook
from tests.builders import FULL_PATH, make_casebook
from tests.test_changed import GIT_ENV

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "LANG": "ko_KR.UTF-8"}
    for var in ("PRE_COMMIT", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(var, None)
    return env


def _sh(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)


def _casebook(path: Path, config: str, env: dict[str, str]) -> Path:
    root = make_casebook(path, {"c1": FULL_PATH[:3]})
    init_casebook(root, force=True)  # the rest of a real casebook; make_casebook's files stay
    (root / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    for args in (("git", "init", "-q", "-b", "main"), (str(PRE_COMMIT), "install")):
        done = _sh(root, env, *args)
        assert done.returncode == 0, done.stdout + done.stderr
    return root


def _commit(root: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    return _sh(root, env, "git", "commit", "-q", "-m", message)


def _head(root: Path, env: dict[str, str]) -> str:
    return _sh(root, env, "git", "rev-parse", "HEAD").stdout.strip()


def _scenario(root: Path, env: dict[str, str]) -> None:
    add = lambda *paths: _sh(root, env, "git", "add", *paths)  # noqa: E731
    add("-A")
    first = _commit(root, env, "사례집 시작")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "casekit check" in first.stdout + first.stderr  # the hook did run
    start = _head(root, env)

    # a bad record blocks the commit, and the output says what and where
    plan = root / "cases/c1/03-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("need: N1", "need: N7"), encoding="utf-8")
    add("cases/c1/03-plan.md")
    blocked = _commit(root, env, "계획 수정")
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and _head(root, env) == start
    assert "[unknown-need]" in out and "03-plan.md:" in out and "N7" in out, out

    # fixed, it passes
    plan.write_text(plan.read_text(encoding="utf-8").replace("need: N7", "need: N1"), encoding="utf-8")
    add("cases/c1/03-plan.md")
    (root / "cases/c1/03-plan.md").write_text(plan.read_text(encoding="utf-8") + "\n덧붙임\n", encoding="utf-8")
    add("cases/c1/03-plan.md")
    passed = _commit(root, env, "계획 보완")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert _head(root, env) != start

    # only what is staged is checked: a broken case left unstaged does not block c3's commit
    broken = root / "cases/c2"
    broken.mkdir()
    (broken / "01-intake.md").write_text("---\ncase: c2\nstage: intake\n---\n", encoding="utf-8")
    shutil.copytree(root / "cases/c1", root / "cases/c3")
    for p in (root / "cases/c3").iterdir():
        p.write_text(p.read_text(encoding="utf-8").replace("case: c1", "case: c3"), encoding="utf-8")
    add("cases/c3")
    other = _commit(root, env, "새 사례 c3")
    assert other.returncode == 0, other.stdout + other.stderr
    assert "c2" not in other.stdout + other.stderr

    # a commit that only deletes a record is checked: c3's plan loses its assessment
    _sh(root, env, "git", "rm", "-q", "cases/c3/02-assessment.md")
    deleted = _commit(root, env, "사정 기록 삭제")
    out = deleted.stdout + deleted.stderr
    assert deleted.returncode != 0 and "[plan-without-assessment]" in out and "cases/c3" in out, out


LOCAL_CONFIG = (REPO / "casekit/defaults/casebook/pre-commit-config.yaml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_hook_casekit_init_writes(tmp_path: Path) -> None:
    env = _env(tmp_path / "pre-commit-home")
    root = _casebook(tmp_path / "book", LOCAL_CONFIG, env)
    assert (root / ".pre-commit-config.yaml").read_text(encoding="utf-8") == LOCAL_CONFIG
    _scenario(root, env)


@pytest.mark.slow
def test_the_published_hook_installed_by_pre_commit(tmp_path: Path) -> None:
    started = time.monotonic()
    env = _env(tmp_path / "pre-commit-home")
    hook_repo = tmp_path / "casekit-src"  # a snapshot of this working tree, as a git repository
    hook_repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, hook_repo / name)
    shutil.copytree(REPO / "casekit", hook_repo / "casekit", ignore=shutil.ignore_patterns("__pycache__"))
    for args in (("git", "init", "-q", "-b", "main"), ("git", "add", "-A"), ("git", "commit", "-q", "-m", "casekit")):
        assert _sh(hook_repo, env, *args).returncode == 0
    config = yaml.safe_dump({"repos": [{"repo": str(hook_repo), "rev": _head(hook_repo, env),
                                        "hooks": [{"id": "casekit-check"}]}]})
    # the casekit on PATH must not be the one that runs: pre-commit's own environment does
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != str(Path(sys.executable).parent))
    root = _casebook(tmp_path / "book", config, {**env, "PATH": f"{Path(sys.executable).parent}:{env['PATH']}"})
    installed = _sh(root, {**env, "PATH": f"{Path(sys.executable).parent}:{env['PATH']}"},
                    str(PRE_COMMIT), "install-hooks")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert shutil.which("casekit", path=env["PATH"]) is None
    _scenario(root, env)
    print(f"published hook: install and five commits in {time.monotonic() - started:.1f}s")
