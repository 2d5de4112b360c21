"""Adding cases and records from templates. Writes are atomic and never overwrite.

A record is written to a temporary file in the target folder, flushed to disk, then *linked*
to its final name: `link` fails if the name exists, so an existing record is never replaced,
and readers never see a half-written file. Numbering within a case happens under an
exclusive lock on the case folder, so two processes adding to the same case at the same
moment get consecutive numbers instead of the same one.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import secrets
import tempfile
from contextlib import contextmanager
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from casekit.core.names import inside, parse_record_name, valid_case_id, valid_stage
from casekit.core.rules import episodes
from casekit.core.schemas import DEFAULTS, STAGES
from casekit.core.summary import Summary, check_file
from casekit.core.schemas import SchemaSet

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: numbering falls back to link-or-retry only
    fcntl = None  # type: ignore[assignment]

WORKER = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,31}")
_ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U


class ScaffoldError(Exception):
    """A request `new`/`add` refuses (bad id, unknown case, existing file): nothing was written."""


@dataclass
class Written:
    path: Path
    rel: str


def new_case_id(today: dt.date | None = None) -> str:
    """`20261122-K7QF`: the date, then 20 random bits. Two clones creating cases on the same day
    collide with odds of about one in a million per pair; the folder is created exclusively, so a
    local clash is retried, and a clash across clones shows up as a git conflict, never a merge."""
    today = today or dt.date.today()
    suffix = "".join(secrets.choice(_ID_ALPHABET) for _ in range(4))
    return f"{today:%Y%m%d}-{suffix}"


def template_text(root: Path, stage: str) -> str:
    for folder in (root / "templates", DEFAULTS / "templates"):
        path = folder / f"{stage}.md"
        if path.is_file() and inside(folder.resolve(), path):
            return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    raise ScaffoldError(f"템플릿이 없습니다 (no template): templates/{stage}.md")


def _yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def render(template: str, *, case: str, date: str, worker: str | None, goals: dict[str, str]) -> str:
    text = template.replace("{{case}}", case).replace("{{date}}", date)
    text = text.replace("{{worker}}", worker if worker else _yaml_text("<담당 사례관리자 ID>"))
    text = text.replace("{{goal_ids}}", ", ".join(goals) if goals else "G1")

    def repeat(m: re.Match[str]) -> str:
        block = m.group(1)
        items = goals or {"G1": "목표"}
        out = []
        for gid, gtext in items.items():
            escaped = gtext.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
            text = block.replace("{{goal.id}}", gid)
            text = text.replace(" — {{goal.text}}", f" — {escaped}" if escaped else "").replace("{{goal.text}}", escaped)
            out.append(text)
        return "".join(out)

    return re.sub(r"\{\{#goals\}\}\n?(.*?)\{\{/goals\}\}\n?", repeat, text, flags=re.DOTALL)


def write_new(folder: Path, name: str, text: str) -> Path:
    """Write `folder/name` atomically; fail with FileExistsError if it exists. Never overwrites."""
    target = folder / name
    fd, tmp = tempfile.mkstemp(prefix=".casekit-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.link(tmp, target)  # atomic, and refuses an existing name
    finally:
        os.unlink(tmp)
    _fsync_dir(folder)
    return target


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on a folder (flock on its descriptor: no lock file is left behind)."""
    if fcntl is None:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _check_worker(worker: str | None) -> None:
    if worker is not None and not WORKER.fullmatch(worker):
        raise ScaffoldError(
            f"사례관리자 ID '{worker}'이(가) 규칙(영문으로 시작, 영문·숫자·._- 최대 32자)에 맞지 않습니다 "
            "(invalid worker id)"
        )


def new_case(root: Path, *, case_id: str | None, worker: str | None, date: dt.date | None = None) -> Written:
    """Create `cases/<id>/01-intake.md` from the template. Refuses an existing case."""
    _check_worker(worker)
    date = date or dt.date.today()
    cases = root / "cases"
    if cases.is_symlink() and not inside(root.resolve(), cases):
        raise ScaffoldError("cases/ 폴더가 사례집 밖을 가리키는 링크입니다 (cases/ links outside the casebook)")
    cases.mkdir(exist_ok=True)
    if case_id is not None and not valid_case_id(case_id):
        raise ScaffoldError(
            f"사례 번호 '{case_id}'이(가) 규칙(영문·숫자로 시작, 영문·숫자·-·_ 최대 64자)에 맞지 않습니다 (invalid case id)"
        )
    for _attempt in range(20):
        cid = case_id or new_case_id(date)
        folder = cases / cid
        try:
            folder.mkdir()  # exclusive: the id is ours once this succeeds
        except FileExistsError:
            if case_id is not None:
                raise ScaffoldError(f"사례 '{cid}'이(가) 이미 있습니다 (case exists): cases/{cid}") from None
            continue
        text = render(template_text(root, "intake"), case=cid, date=date.isoformat(), worker=worker, goals={})
        path = write_new(folder, "01-intake.md", text)
        return Written(path, f"cases/{cid}/01-intake.md")
    raise ScaffoldError("새 사례 번호를 만들지 못했습니다 (could not allocate a case id)")


def case_summaries(root: Path, case: str) -> list[Summary]:
    folder = root / "cases" / case
    schemas = SchemaSet.load(root / "schemas")
    out = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        parsed = parse_record_name(entry.name)
        if parsed is None or entry.is_symlink() or not entry.is_file():
            continue
        _, summary, _ = check_file(entry.path, f"cases/{case}/{entry.name}", case, parsed[0], parsed[1], schemas)
        out.append(summary)
    return sorted(out, key=lambda s: (s.nn, s.rel))


def add_record(
    root: Path, case: str, stage: str, *, worker: str | None, date: dt.date | None = None
) -> Written:
    """Add the case's next record (next NN) for `stage`, common keys filled in."""
    if not valid_case_id(case):
        raise ScaffoldError(f"사례 번호 '{case}'이(가) 규칙에 맞지 않습니다 (invalid case id)")
    if not valid_stage(stage):
        raise ScaffoldError(f"알 수 없는 단계 '{stage}'. 쓸 수 있는 단계: {', '.join(STAGES)} (unknown stage)")
    _check_worker(worker)
    folder = root / "cases" / case
    if folder.is_symlink() or not folder.is_dir() or not inside(root.resolve(), folder):
        raise ScaffoldError(f"사례 '{case}'이(가) 없습니다 (no such case): cases/{case}")
    date = date or dt.date.today()
    with locked(folder):
        records = case_summaries(root, case)
        worker = worker or next((r.worker for r in reversed(records) if r.worker), None)
        ep = episodes(records)[-1] if records else None
        goals = dict(ep.plan.goals) if ep and ep.plan else {}
        numbers = [n for n in (parse_record_name(e.name) for e in os.scandir(folder)) if n]
        nn = max((n for n, _ in numbers), default=0) + 1
        text = render(template_text(root, stage), case=case, date=date.isoformat(), worker=worker, goals=goals)
        if stage == "intake" and ep is not None and ep.closure is not None:
            text = _mark_reopening(text, ep.closure.date)
        while nn <= 99:
            name = f"{nn:02d}-{stage}.md"
            try:
                path = write_new(folder, name, text)
            except FileExistsError:
                nn += 1  # someone without the lock (another tool) took it: never overwrite
                continue
            except OSError as exc:
                if exc.errno == errno.EEXIST:
                    nn += 1
                    continue
                raise
            return Written(path, f"cases/{case}/{name}")
    raise ScaffoldError(f"사례 '{case}'의 순번이 99를 넘습니다 (no record number left)")


def _mark_reopening(text: str, closed: str | None) -> str:
    block = '\nreopening:\n  reason: "<재개 사유>"\n'
    if closed:
        block += f"  previous_closure: {closed}\n"
    return re.sub(r"^(worker: .*)$", lambda m: m.group(1) + block.rstrip("\n"), text, count=1, flags=re.MULTILINE)
