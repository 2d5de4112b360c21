"""Who changed which record, and when: the casebook's git history read in one pass.

`load(root)` runs `git log` once over the whole casebook (raw diff entries with rename
detection) and keeps, for every file, its last change, and for every case the list of its
changes, renames followed back to today's file name. It never runs git once per file (the
MkDocs git-date plugins do, and slow builds by 70% and more).

"Who" is a worker id, never a git e-mail address: the `history.authors` mapping of
`casekit.yml` (e-mail -> worker id) decides first, else the `worker` field the record held
at that change (read for all the changes wanted in one `git cat-file --batch`). E-mail
addresses are shown only with `history: {show_email: true}`.

`uncommitted` holds the casebook files that differ from the last commit (one `git status`), so
a page can say its date is older than the file.

Outside a git repository, without git, or before the first commit there is no history: the
History is empty and carries a note (a finding) saying so. In a shallow clone the history
stops at the graft: changes in the graft commit are marked `cut` (the file changed then *or
earlier*) and a note says so.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from casekit.core.changes import git_command, local_filters
from casekit.core.config import Config, load_config
from casekit.core.findings import Finding, finding

STATUS = {"A": "added", "M": "modified", "R": "renamed", "D": "deleted", "C": "copied", "T": "modified"}
STATUS_KO = {"added": "추가", "modified": "수정", "renamed": "이름 바뀜", "deleted": "삭제", "copied": "복사"}
_FORMAT = "%x1e%H%x1f%aI%x1f%aE%x1f%s"
_WORKER_LINE = re.compile(rb"^worker:[ \t]*([\"']?)([A-Za-z][A-Za-z0-9_.-]{0,31})\1[ \t]*(?:#.*)?\r?$", re.MULTILINE)
_NULL_SHA = "0" * 40


@dataclass(frozen=True)
class Change:
    """One change of one file in one commit (paths relative to the casebook root)."""

    commit: str
    date: str  # the author date, ISO 8601 with offset
    who: str | None  # a worker id; None when neither the mapping nor the record says
    email: str | None  # only when `history.show_email` is set
    path: str  # the file's name in that commit
    current: str | None  # its name today (renames followed); None when it was deleted since
    status: str  # added | modified | renamed | deleted | copied
    old_path: str | None  # the name before a rename
    subject: str  # the commit message's first line
    cut: bool = False  # the graft commit of a shallow clone: changed then or earlier
    blob: str = ""  # the file's content id after the change (before it, for a delete)
    from_record: bool = False  # `who` is the record's `worker` (no `history.authors` entry for the committer)

    @property
    def who_ko(self) -> str:
        """Who, as shown: the committer's worker id (`history.authors`), or the record's `worker`
        said as such (기록상 담당: a supervisor's correction committed under no mapping is not the
        worker's own edit), or 담당자 미상."""
        if self.who is None:
            return "담당자 미상"
        return f"{self.who} (기록상 담당)" if self.from_record else self.who

    @property
    def day(self) -> str:
        return self.date[:10]

    @property
    def status_ko(self) -> str:
        """What happened, in Korean. At a shallow clone's graft git calls every file "added" (the
        commit has no parent to compare with): the file was there then, changed then or earlier."""
        return "그때 있던 파일 (이전 이력 없음)" if self.cut and self.status == "added" else STATUS_KO[self.status]

    @property
    def said_subject(self) -> str:
        """The commit message, where it is this change's: at a graft, the commit's message is about
        the files it changed, which no one can tell apart from the files it only holds."""
        return "" if self.cut else self.subject

    def as_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("date", "who", "path", "current", "status", "old_path", "subject", "cut")}
        out["who_from"] = None if self.who is None else "record" if self.from_record else "authors"
        out["commit"] = self.commit
        if self.email is not None:
            out["email"] = self.email
        return out


@dataclass
class History:
    root: Path
    available: bool = False
    notes: list[Finding] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)  # newest first
    uncommitted: set[str] = field(default_factory=set)  # files changed, added or deleted since the last commit
    _last: dict[str, Change] = field(default_factory=dict)
    _by_case: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _authors: dict[str, str] = field(default_factory=dict)
    _workers: dict[str, str | None] = field(default_factory=dict)  # blob -> worker field
    _filters: tuple[str, ...] = ()  # the repository's own filter drivers, switched off (`git_command`)

    def last_change(self, rel: str) -> Change | None:
        """The newest change of the file `rel` (casebook-relative, as it is named today)."""
        change = self._last.get(rel)
        return self._who(change) if change is not None else None

    def case_log(self, case: str) -> list[Change]:
        """Every change to the case's files, newest first (deleted and renamed records included)."""
        changes = [self.changes[i] for i in self._by_case.get(case, [])]
        self._resolve(changes)
        return [self._who(c) for c in changes]

    def _who(self, change: Change) -> Change:
        if change.who is not None:
            return change
        worker = self._workers.get(change.blob)
        return replace(change, who=worker, from_record=worker is not None)

    def _resolve(self, changes: list[Change]) -> None:
        """Read the `worker` field of the wanted file versions: one `git cat-file --batch` for all."""
        wanted = sorted({c.blob for c in changes if c.who is None and c.blob and c.blob not in self._workers})
        if not wanted:
            return
        try:
            proc = subprocess.run(
                git_command(self.root, "cat-file", "--batch", filters=self._filters),
                input=("\n".join(wanted) + "\n").encode(), capture_output=True, check=True, env=_env(),
            )
        except (OSError, subprocess.CalledProcessError):
            self._workers.update(dict.fromkeys(wanted))
            return
        out, pos = proc.stdout, 0
        for sha in wanted:
            end = out.find(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if len(header) < 3 or header[1] != b"blob":
                self._workers[sha] = None
                continue
            size = int(header[2])
            self._workers[sha] = _worker_of(out[pos : pos + size])
            pos += size + 1


def _worker_of(blob: bytes) -> str | None:
    """The `worker:` of a record's front matter (the first lines up to the closing `---`)."""
    head = blob[:8192].lstrip(b"\xef\xbb\xbf")
    if not head.startswith(b"---"):
        return None
    close = re.search(rb"\n---[ \t]*\r?\n", head)
    m = _WORKER_LINE.search(head, 0, close.start() if close else len(head))
    return m.group(2).decode() if m else None


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat"})
    return env


def _git(root: Path, *args: str, filters: tuple[str, ...] = ()) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(git_command(root, *args, filters=filters), capture_output=True, env=_env())


def load(root: Path, config: Config | None = None) -> History:
    """The history of the casebook at `root` from one `git log` (plus one `git cat-file` for the
    workers of the files' last changes). Never raises for a missing git or repository."""
    root = Path(os.path.realpath(root))
    config = config or load_config(root)
    hist = History(root=root, _authors={k.lower(): v for k, v in config.history_authors.items()})
    try:
        hist._filters = local_filters(root)  # (one `git config`: a copied repository's filters run nothing)
        probe = _git(root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--git-path", "shallow",
                     "--show-prefix")
    except OSError:
        hist.notes.append(finding("history-no-git", ".", None, None, reason="git을 찾을 수 없습니다 (git not found)"))
        return hist
    lines = probe.stdout.decode(errors="replace").splitlines()
    if probe.returncode != 0 or not lines or lines[0] != "true":
        hist.notes.append(finding("history-no-git", ".", None, None, reason="git 저장소가 아닙니다 (not a git repository)"))
        return hist
    grafts: set[str] = set()
    if len(lines) > 2 and lines[1] == "true":
        shallow = Path(lines[2]) if os.path.isabs(lines[2]) else root / lines[2]
        try:
            grafts = set(shallow.read_text(encoding="ascii").split())
        except OSError:
            grafts = set()
    proc = _git(root, "-c", "core.quotepath=off", "-c", "log.showSignature=false", "log", "--no-color", "--raw",
                "-z", "-M", "--no-abbrev", "--relative", "--encoding=UTF-8", f"--format={_FORMAT}", "HEAD", "--",
                filters=hist._filters)
    if proc.returncode != 0:
        hist.notes.append(finding("history-no-git", ".", None, None, reason="아직 커밋이 없습니다 (no commits yet)"))
        return hist
    hist.available = True
    _parse(hist, proc.stdout.decode("utf-8", errors="replace"), grafts, config.history_show_email)
    if grafts:
        cut = [c for c in hist.changes if c.cut]
        when = min((c.day for c in cut), default="?")
        hist.notes.append(finding("history-shallow", ".", None, None, date=when))
    hist._resolve(list(hist._last.values()))
    hist.uncommitted = _uncommitted(root, lines[3] if len(lines) > 3 else "", hist._filters)
    return hist


def _uncommitted(root: Path, prefix: str, filters: tuple[str, ...]) -> set[str]:
    """Casebook files that differ from the last commit (`git status`: paths from the repository's top)."""
    proc = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--", ".",
                filters=filters)
    out = set()
    for entry in proc.stdout.decode("utf-8", errors="replace").split("\0"):
        path = entry[3:]
        if len(entry) > 3 and path.startswith(prefix):
            out.add(path[len(prefix):])
    return out


def _parse(hist: History, out: str, grafts: set[str], show_email: bool) -> None:
    fate: dict[str, str | None] = {}  # a name in older commits -> the file's name today (None: deleted)
    for chunk in out.split("\x1e")[1:]:
        header, _, raw = chunk.partition("\0")
        parts = header.split("\x1f")
        if len(parts) < 4:
            continue
        sha, date, email, subject = parts[0], parts[1], parts[2], "\x1f".join(parts[3:])
        who = hist._authors.get(email.lower())
        tokens = raw.lstrip("\n").split("\0")
        i = 0
        while i < len(tokens) and tokens[i].startswith(":"):
            meta = tokens[i][1:].split(" ")
            letter = meta[4][:1] if len(meta) > 4 else "M"
            old_blob, new_blob = (meta[2], meta[3]) if len(meta) > 3 else ("", "")
            if letter in "RC":
                old, path = tokens[i + 1], tokens[i + 2]
                i += 3
            else:
                old, path = None, tokens[i + 1]
                i += 2
            current = fate.get(path, path)
            if letter == "D":
                current = None
                fate[path] = None
            elif letter == "R" and old is not None:
                fate[old] = current
            change = Change(
                commit=sha, date=date, who=who, email=email if show_email else None, path=path, current=current,
                status=STATUS.get(letter, "modified"), old_path=old if letter == "R" else None, subject=subject,
                cut=sha in grafts, blob=old_blob if letter == "D" else new_blob,
            )
            if change.blob == _NULL_SHA:
                change = replace(change, blob="")
            index = len(hist.changes)
            hist.changes.append(change)
            if current is not None and current not in hist._last:
                hist._last[current] = change
            cases = {_case_of(p) for p in (path, current, old) if p}
            for case in cases - {None}:
                hist._by_case[case].append(index)  # type: ignore[index]


def _case_of(rel: str) -> str | None:
    parts = rel.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "cases" else None


__all__ = ["STATUS_KO", "Change", "History", "load"]
