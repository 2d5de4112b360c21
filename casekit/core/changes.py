"""What changed, according to git: the records `casekit check --changed` looks at.

Two questions, each answered by one or two git calls (never one per file):

- `since(root, rev)`: every path that differs between `rev` and the working tree (committed,
  staged or not), plus files git does not track yet;
- `staged(root)`: what the next commit holds (pre-commit runs hooks on exactly that).

Paths come back relative to the casebook root, even when the casebook is a folder inside a
larger repository. A rename yields both names, a deletion the name that is gone: the case it
belonged to is still checked with the records it has left. `scope()` turns the paths into what
`check()` takes.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  # git's id of the empty tree: "before the first commit"
MAIN_BRANCHES = ("origin/main", "main", "origin/master", "master")
# outside cases/ and resources/, these change what every record means: check everything
WHOLE_CASEBOOK = ("schemas", "templates", "docs", "casekit.yml", "mkdocs.yml")


# A casebook copied or unpacked from elsewhere brings its own .git/config and .git/hooks. git runs
# programs they name even for the read-only questions casekit asks: `core.fsmonitor` on every status
# and diff against the working tree, the `post-index-change` hook when status refreshes the index,
# a filter driver's clean command when a file's content is compared. Every git call casekit makes
# switches these off (a user's own global filters, git-lfs, are left alone).
SAFE_OPTIONS = ("-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "--no-optional-locks")
_FILTER_COMMANDS = ("clean", "smudge", "process")


def git_command(root: Path, *args: str, filters: tuple[str, ...] | None = None) -> list[str]:
    """`git -C root ARGS` with the repository's own settings that run programs switched off
    (`filters`: `local_filters(root)` when the caller read them already)."""
    filters = local_filters(root) if filters is None else filters
    return ["git", "-C", str(root), *SAFE_OPTIONS, *filters, *args]


def local_filters(root: Path) -> tuple[str, ...]:
    """`-c filter.NAME.clean=` … for every filter driver the repository's own config defines
    (reading the config runs nothing)."""
    try:
        done = subprocess.run(["git", "-C", str(root), "config", "--local", "--includes", "-z", "--name-only",
                               "--get-regexp", r"^filter\."], capture_output=True, check=False)
    except OSError:
        return ()
    drivers = {key.rsplit(".", 1)[0] for key in done.stdout.decode("utf-8", "replace").split("\0") if key.count(".") >= 2}
    out: list[str] = []
    for driver in sorted(drivers):
        out += [item for command in _FILTER_COMMANDS for item in ("-c", f"{driver}.{command}=")]
        out += ["-c", f"{driver}.required=false"]
    return tuple(out)


class GitError(Exception):
    """git is missing, this is not a repository, or a revision does not exist: a usage error."""


@dataclass(frozen=True)
class Change:
    status: str  # git's letter: A added, M modified, D deleted, R renamed, C copied, T type, U unmerged, ? untracked
    path: str  # relative to the casebook root, with /
    old: str | None = None  # the former name of a rename or copy


def _git(root: Path, *args: str) -> str:
    env = {**os.environ, "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        done = subprocess.run(git_command(root, *args), capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise GitError("git이 설치되어 있지 않습니다 (git is not installed)") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(detail[-1] if detail else f"git {args[0]} failed")
    return done.stdout.decode("utf-8", "surrogateescape")


def is_repository(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except GitError:
        return False


def _require_repository(root: Path) -> None:
    if not is_repository(root):
        raise GitError(
            f"{root}는 git 저장소가 아닙니다. --changed는 git 기록으로 바뀐 파일을 찾습니다; "
            "저장소 밖에서는 `casekit check`로 전체를 검사하세요 "
            "(not a git repository: --changed finds changed files from git; run a full `casekit check`)"
        )


def _has_head(root: Path) -> bool:
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    except GitError:
        return False
    return True


def default_base(root: Path) -> str:
    """The merge base of HEAD with the main branch (origin/main, main, origin/master or master)."""
    _require_repository(root)
    for branch in MAIN_BRANCHES:
        try:
            _git(root, "rev-parse", "--verify", "--quiet", f"{branch}^{{commit}}")
        except GitError:
            continue
        if not _has_head(root):
            return EMPTY_TREE
        try:
            return _git(root, "merge-base", "HEAD", branch).strip()
        except GitError:
            continue  # unrelated histories: try the next name
    if not _has_head(root):
        return EMPTY_TREE  # a repository without commits: everything in it is new
    raise GitError(
        "기준 브랜치(origin/main, main, origin/master, master)를 찾지 못했습니다. "
        "`casekit check --changed REV`로 비교할 커밋을 주세요 "
        "(no main branch found: give the revision to compare with)"
    )


def _parse_name_status(out: str) -> list[Change]:
    """`git diff -z --name-status` output: status NUL path NUL (renames and copies: two paths)."""
    tokens = out.split("\0")
    changes = []
    i = 0
    while i < len(tokens) and tokens[i]:
        status = tokens[i][0]
        if status in "RC":
            changes.append(Change(status, tokens[i + 2], tokens[i + 1]))
            i += 3
        else:
            changes.append(Change(status, tokens[i + 1]))
            i += 2
    return changes


def _diff(root: Path, *args: str) -> list[Change]:
    # --relative: only what lies under the casebook, named relative to it (a casebook may be a
    # folder of a larger repository); -M: renames as renames; -z: names as they are, unquoted
    return _parse_name_status(_git(root, "diff", "-z", "--name-status", "-M", "--relative", "--no-ext-diff", *args))


def since(root: Path, rev: str | None = None) -> list[Change]:
    """Everything that differs between `rev` (default: the merge base with the main branch) and
    the working tree, and every file git does not track yet (and does not ignore)."""
    _require_repository(root)
    base = rev if rev is not None else default_base(root)
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{tree}}")
    except GitError:
        raise GitError(f"git에 없는 리비전입니다 (unknown revision): {base}") from None
    changes = _diff(root, base)
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard")
    changes += [Change("?", p) for p in untracked.split("\0") if p]
    return changes


def staged(root: Path) -> list[Change]:
    """What the next commit changes (the index against HEAD, or against nothing before the first commit)."""
    _require_repository(root)
    return _diff(root, "--cached", "HEAD" if _has_head(root) else EMPTY_TREE)


def scope(root: Path, changes: list[Change]) -> list[Path] | None:
    """What `check()` must look at for these changes: None for the whole casebook (settings,
    schemas, templates or docs changed, or a resource was removed that records may name), else
    the case folders that still exist and resources/ when a resource changed (possibly [])."""
    cases: set[str] = set()
    resources = False
    for change in changes:
        for path in (change.path, change.old):
            if path is None:
                continue
            parts = path.split("/")
            if parts[0] in WHOLE_CASEBOOK:
                return None
            if parts[0] == "cases" and len(parts) > 1:
                cases.add(parts[1])
            elif parts[0] == "resources":
                if change.status in "DR":
                    return None  # a resource is gone: any case may name it
                resources = True
    targets = [root / "cases" / c for c in sorted(cases) if (root / "cases" / c).is_dir()]
    if resources and (root / "resources").is_dir():
        targets.append(root / "resources")
    return targets


def conflict_line(text: str) -> int | None:
    """The 1-based line where a git conflict starts (`<<<<<<< `, then `=======`, then `>>>>>>> `
    in that order), or None. A lone `=======` is a Markdown heading underline, not a conflict."""
    if "<<<<<<<" not in text:  # the common case costs one scan in C
        return None
    start = middle = None
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith("<<<<<<< ") or line.rstrip() == "<<<<<<<":
            start, middle = number, None
        elif start is not None and line.rstrip() == "=======":
            middle = number
        elif middle is not None and (line.startswith(">>>>>>> ") or line.rstrip() == ">>>>>>>"):
            return start
    return None
