"""`casekit reassign`: hand a worker's open cases to another worker from a given day on.

The handover is an entry appended to `cases/<id>/handover.yml` (see `casekit.core.handover`);
no record is touched, so who did past work stays as it was written. The file is rewritten
atomically (a temporary file in the same folder, flushed, then renamed over the old one)
under the case folder's lock, with every byte that was there kept as it was: the entry is
appended, in the file's own line endings and indentation, and the result is parsed back
before anything is written: it must read as the old entries plus the new one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from casekit.core import clock
from casekit.core.casebook import Report, check
from casekit.core.due import case_dues, is_closed
from casekit.core.findings import os_reason
from casekit.core.handover import (
    HANDOVER_FILE,
    current_worker,
    known_workers,
    parse,
    read_entries,
    typo_workers,
    unknown_worker,
)
from casekit.core.hints import attach_particles, close_to
from casekit.core.names import case_id_advice, inside, valid_case_id
from casekit.core.needles import screen
from casekit.core.scaffold import (
    WORKER,
    _scalar,
    _yaml_text,
    case_hint,
    case_summaries,
    locked,
    staged,
    write_new,
)
from casekit.core.source import read_file

HEADER = (
    "# 담당자 변경(인수인계) 기록: `casekit reassign`이 항목을 덧붙입니다.\n"
    "# 지난 항목은 고치지 말고, 바뀐 일은 새 항목으로 덧붙이세요. (handovers: appended, never edited)\n"
    "handovers:\n"
)


class ReassignError(Exception):
    """A request reassign refuses; nothing was written. `usage`: the command was mistyped (an id not
    there or not written as ids are), told as `status` and `due` tell it (a usage error, exit 2)."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass
class Planned:
    case: str
    rel: str
    from_worker: str
    to_worker: str
    entry: list[str]  # the lines appended (without line endings)
    unread: int = 0  # check's errors in the case's records: what they hold (a later date, another worker) is not known

    def as_dict(self) -> dict[str, object]:
        return {"case": self.case, "file": self.rel, "from": self.from_worker, "to": self.to_worker, "append": self.entry}


@dataclass
class Skipped:
    case: str
    why: str  # Korean first, English in parentheses


def entry_lines(date: dt.date, from_worker: str, to_worker: str, reason: str | None, by: str | None) -> list[str]:
    lines = [f"- date: {date.isoformat()}", f"  from: {_scalar(from_worker)}", f"  to: {_scalar(to_worker)}"]
    if reason:
        lines.append(f"  reason: {_yaml_text(reason)}")
    if by:
        lines.append(f"  by: {_scalar(by)}")
    return lines


def plan(root: Path, from_worker: str, to_worker: str, cases: list[str] | None = None, *, reason: str | None = None,
         date: dt.date | None = None, by: str | None = None, report: Report | None = None, force: bool = False
         ) -> tuple[list[Planned], list[Skipped]]:
    """What `reassign` would append: the open cases whose current worker is `from_worker` (all of
    them, or those of `cases`), and why each asked-for case is left out.

    A `from_worker` the casebook does not name is refused with the id it most likely meant; so is
    a `to_worker` it does not name that is one slip from one it does (lee.sww for lee.sw), unless
    `force` (a new colleague whose id happens to look like another's)."""
    for who, value in (("--from", from_worker), ("--to", to_worker), ("--by", by)):
        if value is not None and not WORKER.fullmatch(value):
            if WORKER.fullmatch(value.strip()):  # (pasted with a space: `--to 'lee.sw '`)
                raise ReassignError(f"{who}: 사례관리자 ID '{value}'의 앞이나 끝에 공백이 있습니다: {who} {value.strip()}"
                                    "처럼 적으세요 (a space around the worker id)", usage=True)
            report = report or check(root)  # (the ids there are, as `due --worker` lists them)
            workers = known_workers(report.summaries, report.handovers) - set(typo_workers(report.summaries, report.handovers))
            listed = ", ".join(sorted(workers)[:12]) or "(없음)"
            raise ReassignError(f"{who}: 사례관리자 ID '{value}'가 규칙(영문으로 시작, 영문·숫자·._- 최대 32자)에 맞지 않습니다. "
                                f"있는 담당자: {listed} (invalid worker id)", usage=True)
    if from_worker == to_worker:
        raise ReassignError("전 담당자와 새 담당자가 같습니다 (--from and --to are the same worker)")
    for case in cases or []:
        if not valid_case_id(case):
            raise ReassignError(f"사례 번호가 규칙에 맞지 않습니다 (invalid case id): '{case}'.{case_id_advice(case)}",
                                usage=True)
    today = clock.today()
    date = date or today
    if date > today:  # (casekit counts a handover from the moment it is written: check says handover-future)
        raise ReassignError(f"--date {date.isoformat()}: 오늘({today.isoformat()})보다 뒤입니다. 적는 순간부터 새 "
                            "담당자가 맡은 것으로 보이므로 실제로 넘기는 날에 실행하세요 (a handover is counted as soon "
                            "as it is written: run this on the day the cases change hands)")
    report = report or check(root)
    if reason:  # (what check would refuse in handover.yml is never written there: the next reassign would stop at it)
        found = screen(report, reason, f"cases/{cases[0] if cases else '-'}/{HANDOVER_FILE}")
        if found:
            raise ReassignError("--reason: " + " ".join(dict.fromkeys(f.message_ko for f in found)) + " 아무 파일에도 "
                                "적지 않았습니다. 사유에서 그 내용을 빼고 다시 실행하세요 (the reason holds a sensitive value "
                                "or number; nothing was written)")
    known = known_workers(report.summaries, report.handovers)
    typos = typo_workers(report.summaries, report.handovers)  # (kim written once for kim.sw: not a worker to go by)
    # the handover.yml files check finds errors in: their entries, and so who has those cases now, may not have been read
    unread_files = {f.path for f in report.errors if f.path.startswith("cases/") and f.path.endswith(f"/{HANDOVER_FILE}")}
    why = unknown_worker(from_worker, known, typos)
    if why is not None and not any(_names(report.root / rel, from_worker) for rel in unread_files):
        raise ReassignError(f"--from: {why} (no case names this worker)", usage=True)
    if not force and (to_worker in typos or (to_worker not in known and close_to(to_worker, sorted(known - set(typos)))
                                             is not None)):
        raise ReassignError(f"--to: {unknown_worker(to_worker, known, typos)} 새로 맡는 담당자의 ID가 맞다면 --force를 "
                            "붙이세요 (no case names this worker; --force hands over to it anyway)", usage=True)
    slips = {w for w, meant in typos.items() if meant == from_worker}
    unread: Counter[str] = Counter(  # each case's errors in its records (not its handover.yml), counted once
        parts[1] for f in report.errors if len(parts := f.path.split("/")) > 2 and parts[0] == "cases"
        and parts[2] != HANDOVER_FILE)
    planned: list[Planned] = []
    skipped: list[Skipped] = []
    for case in cases if cases else sorted(report.summaries):
        records = report.summaries.get(case)
        if not records:
            if cases:
                raise ReassignError(attach_particles(f"사례 '{case}'이(가) 없습니다.{case_hint(root / 'cases', case)} "
                                                     f"`casekit status`로 전체 사례 목록을 보세요 (no such case: {case})"),
                                    usage=True)
            continue
        handovers = report.handovers.get(case, [])
        worker = current_worker(records, handovers)
        rel = f"cases/{case}/{HANDOVER_FILE}"
        if rel in unread_files and (cases or (
                (worker == from_worker or _names(report.root / rel, from_worker))
                and not (is_closed(records) and not case_dues(case, records, report.config.deadlines, handovers)))):
            # who has the case is read from that file: the records' worker is no answer while it is broken
            first = min((f for f in report.errors if f.path == rel), key=lambda f: (f.line or 0, f.column or 0))
            where = f"{rel}:{first.line}" if first.line else rel
            skipped.append(Skipped(case, attach_particles(
                f"{where}에 오류가 있어 지금 담당자를 알 수 없습니다: {first.message_ko} 이 파일을 먼저 고친 뒤 다시 "
                f"실행하세요(casekit check {case}가 그곳을 알려 줍니다) (fix {rel} first: who has the case is read from it)")))
            continue
        if worker in slips:  # its last record's worker mistyped: the case would be left with nobody
            skipped.append(Skipped(case, attach_particles(
                f"지금 담당자가 '{worker}'(으)로 적혀 있습니다. 혹시 {from_worker}인가요? 그 기록의 worker를 {from_worker}"
                f"(으)로 고친 뒤 다시 실행하세요 (casekit check가 그곳을 알려 줍니다) (the case's worker is written "
                f"'{worker}': a slip for {from_worker}?)")))
            continue
        if worker != from_worker:
            if cases:
                skipped.append(Skipped(case, f"지금 담당자는 {worker or '(없음)'}입니다 (the case is not {from_worker}'s)"))
            continue
        # a closed case in 사후관리 (a follow-up or a reopening still due) is the worker's work too:
        # left with a worker who is leaving, its overdue follow-up would be nobody's
        if is_closed(records) and not case_dues(case, records, report.config.deadlines, handovers):
            if cases:
                skipped.append(Skipped(case, "종결되고 사후관리도 끝난 사례입니다 (the case is closed, its follow-ups done)"))
            continue
        last_date = max((r.date for r in records if r.date), default=None)
        if last_date is not None and date.isoformat() < last_date:
            skipped.append(Skipped(case, f"마지막 기록({last_date})보다 이른 날({date.isoformat()})부터 넘길 수는 없습니다 "
                                         "(the handover date is before the case's latest record)"))
            continue
        if not _regular_or_missing(report.root / rel):
            skipped.append(Skipped(case, f"{rel}이 일반 파일이 아닙니다(폴더, 파이프나 링크). 덧붙이지 않았습니다 "
                                         "(not a regular file; nothing appended)"))
            continue
        planned.append(Planned(case, rel, from_worker, to_worker, entry_lines(date, from_worker, to_worker, reason, by),
                               unread[case]))
    return planned, skipped


def apply(root: Path, planned: list[Planned]) -> tuple[list[str], list[Skipped]]:
    """Append each planned entry (atomically, under the case folder's lock); the files written, and
    the cases left alone because, under the lock, their current worker is no longer `from`
    (another `reassign` ran at the same moment)."""
    root = Path(os.path.realpath(root))
    written: list[str] = []
    skipped: list[Skipped] = []
    for p in planned:
        folder = root / "cases" / p.case
        if os.path.islink(folder) or not folder.is_dir() or not inside(root, folder):
            raise ReassignError(f"cases/{p.case}가 사례 폴더가 아닙니다(심볼릭 링크이거나 없음). 쓰지 않았습니다 "
                                f"(cases/{p.case} is not a case folder; nothing written)")
        try:
            with locked(folder):
                now = current_worker(case_summaries(root, p.case), read_entries(str(folder)))
                if now != p.from_worker:
                    skipped.append(Skipped(p.case, f"방금 담당자가 {now}(으)로 바뀌었습니다 (handed over meanwhile)"))
                    continue
                _append(folder, p)
        except OSError as exc:
            raise ReassignError(f"{p.rel}을 쓸 수 없습니다 (cannot write): {os_reason(exc)}") from None
        written.append(p.rel)
    return written, skipped


def _names(path: Path, worker: str) -> bool:
    """Whether the file at `path` (a handover.yml check could not read) has `worker`'s id in it, as a word."""
    if os.path.islink(path):  # (never followed)
        return False
    text, _ = read_file(str(path), HANDOVER_FILE)
    return text is not None and re.search(rf"(?<![\w.-]){re.escape(worker)}(?![\w.-])", text) is not None


def _regular_or_missing(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _read(folder: Path) -> bytes | None:
    """handover.yml's bytes (None: there is none); never waits on a pipe or follows a link."""
    try:
        fd = os.open(folder / HANDOVER_FILE, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ReassignError(f"cases/{folder.name}/{HANDOVER_FILE}이 일반 파일이 아닙니다(폴더, 파이프나 장치). 쓰지 "
                            "않았습니다 (not a regular file; nothing written)")
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


def appended(old: bytes, lines: list[str]) -> bytes:
    """`old` with the entry appended: same BOM, line endings and list indentation; old bytes kept."""
    text = old.decode("utf-8-sig")
    bom = old[: len(old) - len(text.encode())]
    newline = "\r\n" if "\r\n" in text else "\n"
    items = [ln for ln in text.splitlines() if ln.lstrip().startswith("- ")]
    indent = " " * (len(items[-1]) - len(items[-1].lstrip())) if items else "  "
    tail = "" if not text or text.endswith("\n") else newline
    return bom + (text + tail + "".join(indent + ln + newline for ln in lines)).encode()


def _append(folder: Path, p: Planned) -> None:
    old = _read(folder)
    if old is None:
        new = (HEADER + "".join("  " + ln + "\n" for ln in p.entry)).encode()
        try:
            write_new(folder, HANDOVER_FILE, new.decode())
            return
        except FileExistsError:
            old = _read(folder)  # made a moment ago by someone without our lock: append to it
            assert old is not None
    new = appended(old, p.entry)
    before = parse(old.decode("utf-8-sig"), p.rel)
    after = parse(new.decode("utf-8-sig"), p.rel)
    entry = (parse("x:\n" + "".join("  " + ln + "\n" for ln in p.entry), p.rel).data or {}).get("x")
    expected = [*((before.data or {}).get("handovers") or []), *(entry or [])]
    if after.findings or not isinstance(after.data, dict) or after.data.get("handovers") != expected:
        raise ReassignError(f"{p.rel} 끝에 항목을 덧붙일 수 없는 모양입니다(handovers 목록이 파일 끝에 있어야 합니다). "
                            f"쓰지 않았습니다 (the file does not end with the handovers list; nothing written)")
    _replace(folder, HANDOVER_FILE, new, old)


def _replace(folder: Path, name: str, data: bytes, expected_old: bytes) -> None:
    """Write `data` to a temporary file in `folder`, flush it, then rename it over `name`, unless
    `name` changed since it was read (an editor saving at the same moment): then nothing changes."""
    with staged(folder, data) as (dir_fd, tmp):
        with suppress(OSError):
            os.chmod(tmp, os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode & 0o7777, dir_fd=dir_fd)
        if _read(folder) != expected_old:
            raise ReassignError(f"{name}이 방금 바뀌었습니다. 다시 실행하세요 (the file changed meanwhile; run again)")
        os.rename(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)


__all__ = ["Planned", "ReassignError", "Skipped", "appended", "apply", "entry_lines", "plan"]
