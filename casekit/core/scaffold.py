"""Adding cases and records from templates. Writes are atomic and never overwrite.

A record is written to a temporary file in the target folder, flushed to disk, then *linked*
to its final name: `link` fails if the name exists, so an existing record is never replaced,
and readers never see a half-written file. (Where the file system has no hard links, the name
is first claimed with an exclusive create and the finished file renamed over our own claim.)
Numbering within a case happens under an exclusive lock on the case folder, so two processes
adding to the same case at the same moment get consecutive numbers instead of the same one.

Nothing here follows a symbolic link out of the casebook: `cases/`, the case folder, the
templates and the schemas are checked before they are used, and the case folder is opened
without following links.

Before anything is written the draft record is run through the same case rules `check` runs:
a record out of process order, dated before the case's last record or after today (and an
intake date years back) is refused with `Refused`, a value the adapters word; `force` writes it.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import secrets
import stat
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from casekit.core import clock
from casekit.core.config import load_config
from casekit.core.findings import Finding, os_reason
from casekit.core.handover import read_entries, worker_on
from casekit.core.hints import attach_particles, close_to
from casekit.core.ids import IdScheme, clashes, next_sequential, random_id
from casekit.core.keyboard import typed_keys
from casekit.core.moved import moved_cases
from casekit.core.names import (
    STAGE_WORDS,
    case_id_advice,
    inside,
    odd_hint,
    parse_record_name,
    valid_case_id,
    valid_stage,
    word_key,
)
from casekit.core.reader import IGNORABLE_RE
from casekit.core.rules import ORDER_CODES, Episode, check_case, episodes, said_of
from casekit.core.schemas import DEFAULTS, PROCESS_STAGES, STAGE_KO, STAGES, SchemaSet
from casekit.core.source import plain_is_text, read_file, split
from casekit.core.summary import Summary, check_file, check_parsed, parse_file, record_order

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: numbering falls back to link-or-retry only
    fcntl = None  # type: ignore[assignment]

WORKER = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,31}")
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")  # safe to write unquoted, unless it reads as a number, yes/no...
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR_FD = {os.open, os.link, os.unlink, os.rename} <= os.supports_dir_fd
_NO_HARD_LINKS = {errno.EPERM, errno.EXDEV, errno.ENOSYS, errno.EMLINK,
                  getattr(errno, "ENOTSUP", errno.EPERM), getattr(errno, "EOPNOTSUPP", errno.EPERM)}


class ScaffoldError(Exception):
    """A request `new`/`add` refuses (bad id, unknown case, existing file): nothing was written.
    The message's '이(가)', '은(는)' … are replaced by the particle that fits the word before them."""

    def __init__(self, message: str) -> None:
        super().__init__(attach_particles(message))


class NoSuchCase(ScaffoldError):
    """`add` for a case the casebook does not have: a mistake in what was typed (the adapter's usage error)."""


class BadCaseId(ScaffoldError):
    """A case id not written as ids are (a space pasted after it, `..`): a mistake in what was typed (the adapter's
    usage error, as for a case not there)."""


class BadWorkerId(ScaffoldError):
    """A worker id not written as ids are (`김사회`, a space pasted after `kim.sw`): a mistake in what was
    typed (the adapter's usage error, as for a case id)."""


class Refused(ScaffoldError):
    """The record would break the process order, go back in time, or carries an implausible date:
    nothing was written. `force=True` writes it anyway. A value for the adapter to word:
    `reasons` (Korean, the same messages `check` gives), their `codes`, the records that *would*
    be in order now as (stage word, label) pairs, and the case's last record date. `closed`: refused
    because the case is closed (`after-closure`: only a follow-up or a reopening may come), not
    merely a refusal in a closed case (a follow-up dated before the last record is refused for its date)."""

    def __init__(self, case: str, stage: str, reasons: list[str], codes: list[str],
                 instead: list[tuple[str, str]] | None = None, last_date: str | None = None,
                 closed: bool = False) -> None:
        super().__init__("\n".join(reasons))
        self.case, self.stage, self.reasons, self.codes = case, stage, reasons, codes
        self.instead = instead or []
        self.last_date = last_date
        self.closed = closed

    @property
    def about_date(self) -> bool:
        return any(c in DATE_CODES for c in self.codes)


@dataclass
class Written:
    path: Path
    rel: str
    warnings: list[str] = field(default_factory=list)  # written with force although refused, or a random id among numbered ones (Korean)


# --- what a record may be called ----------------------------------------------------------------

# words that name an intervention of one kind: the record comes with that activity type filled in
ACTIVITY_WORDS: dict[str, str] = {"위기개입": "crisis_intervention", "crisis": "crisis_intervention",
                                  "crisis_intervention": "crisis_intervention"}
_BY_KEY: dict[str, tuple[str, str | None]] = {
    **{word_key(w): (s, None) for s in STAGES for w in (s, STAGE_KO[s], *STAGE_WORDS.get(s, ()))},
    **{word_key(w): ("intervention", a) for w, a in ACTIVITY_WORDS.items()},
}


def resolve_stage(word: str) -> tuple[str, str | None] | None:
    """(stage id, activity type or None) for what a practitioner wrote, or None. Only an id ever
    becomes part of a file name, whatever was typed."""
    if not word or len(word) > 40:
        return None
    return _BY_KEY.get(word_key(word))


def stage_guess(word: str) -> str | None:
    """The stage word a typo most likely meant ('점겅' → '점검'), for "혹시 …인가요?"."""
    pool = [w for s in STAGES for w in (STAGE_KO[s], s, *STAGE_WORDS.get(s, ()))] + ["위기개입"]
    return close_to(word, pool, cutoff=0.5) if word and len(word) <= 40 else None  # 2 syllables, 1 off: 0.5


def stage_keyed(word: str) -> str | None:
    """The stage id a word typed with the keyboard left in Hangul stands for (ㅡㅐㅜㅑ새ㄱ: monitoring,
    ㅑㅜㅅㅁㅏㄷ: intake, 한/영 not pressed), or with one slip more; None otherwise."""
    keys = typed_keys(word) if word and len(word) <= 40 else None
    if keys is None:
        return None
    resolved = resolve_stage(keys)
    return resolved[0] if resolved is not None and resolved[1] is None else close_to(keys, STAGES)


def new_case_id(today: dt.date | None = None) -> str:
    """`20261122-K7QF`: the random scheme (see casekit/core/ids.py). The folder is created
    exclusively, so a local clash is retried; a clash across clones shows up as a git conflict."""
    return random_id(today or clock.today())


def _outside(what: str, target: Path) -> ScaffoldError:
    try:
        where = os.readlink(target)
    except OSError:
        where = "?"
    return ScaffoldError(
        f"{what}이(가) 사례집 밖({where})을 가리키는 심볼릭 링크입니다. 따라가지 않았습니다 "
        f"({what} is a symbolic link leading outside the casebook; not followed)"
    )


def template_text(root: Path, stage: str) -> str:
    """The casebook's `templates/<stage>.md`, else the default; never one reached through a link out."""
    if not valid_stage(stage):
        raise ScaffoldError(f"알 수 없는 단계 '{stage}' (unknown stage)")
    real_root = Path(os.path.realpath(root))
    for folder, base, rel in (
        (root / "templates", real_root, f"templates/{stage}.md"),
        (DEFAULTS / "templates", Path(os.path.realpath(DEFAULTS / "templates")), f"(기본) templates/{stage}.md"),
    ):
        path = folder / f"{stage}.md"
        if not os.path.lexists(path):
            continue
        if not inside(base, path):
            raise _outside(rel, path if os.path.islink(path) else folder)
        if not path.is_file():
            continue
        text, findings = read_file(str(path), rel)
        if text is None:
            problem = findings[0].message_ko if findings else "?"
            raise ScaffoldError(f"템플릿을 읽을 수 없습니다 (cannot read the template) {rel}: {problem}")
        return text
    raise ScaffoldError(f"템플릿이 없습니다 (no template): templates/{stage}.md")


def _escape(value: str) -> str:
    """`value` for the inside of a YAML double-quoted string: one line, every character visible."""
    out = []
    for ch in value:
        if ch in "\\\"":
            out.append("\\" + ch)
        elif ch in "\r\n":
            out.append(" ")
        elif ch == "\t" or "\x20" <= ch <= "\x7e" or "\xa0" <= ch <= "\ud7ff" or "\ue000" <= ch <= "\ufffd" \
                or ch >= "\U00010000":
            out.append(ch)
        else:  # controls, DEL, C1, U+2028/2029 (line breaks to YAML), U+FFFE/FFFF
            out.append(f"\\u{ord(ch):04x}" if ord(ch) > 0xFF else f"\\x{ord(ch):02x}")
    return "".join(out)


def _yaml_text(value: str) -> str:
    return '"' + _escape(value) + '"'


def _scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as this very text (plain when that is safe)."""
    if _PLAIN.fullmatch(value) and plain_is_text(value):
        return value
    return _yaml_text(value)


_TOKENS = re.compile(r"\{\{#goals\}\}\n?(.*?)\{\{/goals\}\}\n?|\{\{(case|date|worker|goal_ids)\}\}", re.DOTALL)
_GOAL_TOKENS = re.compile(r" — \{\{goal\.text\}\}|\{\{goal\.(id|text)\}\}")


def render(template: str, *, case: str, date: str, worker: str | None, goals: dict[str, str]) -> str:
    """Fill a template in one pass (a value is never read again as a token), every value quoted
    as YAML needs: a worker called `no` or a goal id with a newline cannot change the record."""
    items = goals or {"G1": "목표"}
    values = {
        "case": _scalar(case),
        "date": date if _ISO_DATE.fullmatch(date) else _yaml_text(date),
        "worker": _scalar(worker) if worker else _yaml_text("<담당 사례관리자 ID>"),
        "goal_ids": _escape(", ".join(goals) if goals else "G1"),
    }

    def goal_block(block: str) -> str:
        out = []
        for gid, gtext in items.items():
            text = _escape(gtext)

            def fill(m: re.Match[str], gid: str = gid, text: str = text) -> str:
                if m.group(1) == "id":
                    return _scalar(gid)
                if m.group(1) == "text":
                    return text
                return f" — {text}" if text else ""

            out.append(_GOAL_TOKENS.sub(fill, block))
        return "".join(out)

    def fill(m: re.Match[str]) -> str:
        return goal_block(m.group(1)) if m.group(2) is None else values[m.group(2)]

    return _TOKENS.sub(fill, template)


def _open_dir(folder: Path) -> int:
    """A descriptor on `folder` itself, never on what a link in its place points to."""
    return os.open(folder, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC)


def write_new(folder: Path, name: str, text: str) -> Path:
    """Write `folder/name` atomically; fail with FileExistsError if it exists. Never overwrites."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise ValueError(f"not a plain file name: {name!r}")
    data = text.encode("utf-8")
    if not _DIR_FD:  # pragma: no cover - platforms without *at() calls
        return _write_new_by_path(folder, name, data)
    with staged(folder, data) as (dir_fd, tmp):
        try:
            os.link(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)  # atomic, and refuses an existing name
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            # no hard links on this file system: claim the name exclusively, then move our file onto our claim
            os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW, 0o666, dir_fd=dir_fd))
            os.rename(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    return folder / name


@contextmanager
def staged(folder: Path, data: bytes) -> Iterator[tuple[int, str]]:
    """(descriptor of `folder`, name of a temporary dot file in it holding `data`, flushed to disk):
    link or rename it into place inside the block; it is removed afterwards if still there."""
    dir_fd = _open_dir(folder)
    try:
        with suppress(OSError):
            sweep_temp_files(dir_fd)
        tmp = _create_temp(dir_fd)
        try:
            fd = os.open(tmp, os.O_WRONLY | _O_NOFOLLOW | _O_CLOEXEC, dir_fd=dir_fd)
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX)  # ours while we write: a sweep elsewhere leaves it alone
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            yield dir_fd, tmp
        finally:
            with suppress(FileNotFoundError):
                os.unlink(tmp, dir_fd=dir_fd)
        with suppress(OSError):
            os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


TEMP_FILE = re.compile(r"\.casekit-[0-9a-f]{16}\.tmp")
TEMP_MAX_AGE = 60.0  # seconds: a temp file older than this, and not locked, was left by an interrupted write


def sweep_temp_files(dir_fd: int, now: float | None = None) -> list[str]:
    """Remove the temp files an interrupted `new`/`add` left in a folder (older than a minute and
    not locked by a writer); the names removed. Never follows a link, never blocks."""
    now = time.time() if now is None else now
    removed = []
    with os.scandir(dir_fd) as it:
        names = [e.name for e in it if TEMP_FILE.fullmatch(e.name)]
    for name in names:
        try:
            info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < TEMP_MAX_AGE:
                continue
            fd = os.open(name, os.O_RDONLY | _O_NOFOLLOW | _O_CLOEXEC | getattr(os, "O_NONBLOCK", 0), dir_fd=dir_fd)
        except OSError:
            continue
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a writer holds it: still in use
            os.unlink(name, dir_fd=dir_fd)
            removed.append(name)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def _create_temp(dir_fd: int) -> str:
    for _ in range(100):
        tmp = f".casekit-{secrets.token_hex(8)}.tmp"  # a dot file: `check` only reports it
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_CLOEXEC, 0o666, dir_fd=dir_fd))
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _write_new_by_path(folder: Path, name: str, data: bytes) -> Path:  # pragma: no cover - Windows
    import tempfile

    target = folder / name
    fd, tmp = tempfile.mkstemp(prefix=".casekit-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.link(tmp, target)
    finally:
        os.unlink(tmp)
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
    fd = _open_dir(folder)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _check_worker(worker: str | None) -> None:
    if worker is not None and not WORKER.fullmatch(worker):
        raise BadWorkerId(
            f"사례관리자 ID '{worker}'이(가) 규칙(영문으로 시작, 영문·숫자·._- 최대 32자)에 맞지 않습니다."
            f"{_worker_advice(worker)} (invalid worker id)"
        )


def _worker_advice(worker: str) -> str:
    """Why `worker` is no worker id, when it can be told: characters nobody sees (` 끝에 공백`), with the
    id meant, or a name in Hangul where the id is in Latin letters."""
    odd, _ = odd_hint(worker)
    clean = unicodedata.normalize("NFKC", IGNORABLE_RE.sub("", worker)).strip()
    meant = f" --worker {clean}처럼 적으세요." if odd and clean != worker and WORKER.fullmatch(clean) else ""
    if odd:
        return odd + meant
    if re.search("[가-힣ㄱ-ㅣ]", worker):
        return " 이름이 아니라 기록의 worker:에 적는 영문 ID(예: kim.sw)를 적으세요."
    return ""


def _check_case_id(case_id: str) -> None:
    if not valid_case_id(case_id):
        raise BadCaseId(
            f"사례 번호 '{case_id}'이(가) 규칙(영문·숫자로 시작, 영문·숫자·-·_ 최대 64자, Windows 장치 이름 제외)에 맞지 않습니다."
            f"{case_id_advice(case_id)} (invalid case id)"
        )


def _cases_dir(root: Path, *, create: bool) -> Path:
    cases = root / "cases"
    if os.path.islink(cases) and not inside(root, cases):
        raise _outside("cases/", cases)
    if create:
        try:
            cases.mkdir(exist_ok=True)
        except OSError as exc:
            raise ScaffoldError(f"cases/ 폴더를 만들 수 없습니다 (cannot create cases/): {os_reason(exc)}") from None
    if not cases.is_dir():
        raise ScaffoldError("cases/가 폴더가 아닙니다 (cases/ is not a folder)")
    return cases


def _schemas(root: Path) -> SchemaSet:
    folder = root / "schemas"
    if os.path.lexists(folder) and not inside(root, folder):
        raise _outside("schemas/", folder)
    return SchemaSet.load(folder)


# an intake date further back than this is taken for a typo (2016 for 2026) unless forced
OLDEST_INTAKE_YEARS = 5
DATE_CODES = frozenset({"date-decreasing", "date-year-typo", "date-future", "date-far-future", "date-too-old"})
# what `add` refuses to write unless forced: the order rules `check` runs, and dates going back or ahead
REFUSED_CODES = ORDER_CODES | DATE_CODES


_NUMBERED = re.compile(r"(.*?[^0-9])([0-9]+)")


def _id_as_the_others(case_id: str, names: set[str]) -> tuple[str, str, int] | None:
    """(the id written with as many digits as every other case's of its prefix, one of those, the
    count) when it has fewer or more (2026-15 among 2026-0001 … : 2026-0015); None otherwise (or
    with fewer than three others to go by)."""
    m = _NUMBERED.fullmatch(case_id)
    if m is None:
        return None
    widths = {len(o.group(2)): o.group(0) for n in sorted(names)
              if (o := _NUMBERED.fullmatch(n)) is not None and o.group(1) == m.group(1)}
    count = sum(1 for n in names if (o := _NUMBERED.fullmatch(n)) is not None and o.group(1) == m.group(1))
    if count < 3 or len(widths) != 1:
        return None
    (width, example), = widths.items()
    if width == len(m.group(2)) or len(str(int(m.group(2)))) > width:
        return None
    return f"{m.group(1)}{int(m.group(2)):0{width}d}", example, width


def new_case(root: Path, *, case_id: str | None, worker: str | None, date: dt.date | None = None,
             today: dt.date | None = None, force: bool = False) -> Written:
    """Create `cases/<id>/01-intake.md` from the template. Refuses an existing case, and (unless
    `force`) an intake date after `today` or more than OLDEST_INTAKE_YEARS before it: the id is
    made from the date, so a typo would name the case."""
    _check_worker(worker)
    if case_id is not None:
        _check_case_id(case_id)
    today = today or clock.today()
    date = date or today
    root = Path(os.path.realpath(root))
    template = template_text(root, "intake")  # before anything is written: a refusal leaves no trace
    if not force:
        _check_intake_date(root, template, case_id, date, today)
    config = load_config(root)
    scheme = config.ids
    sequential = case_id is None and scheme.scheme == "sequential"
    cases = _cases_dir(root, create=True)
    # case folders moved into a folder of cases/ (cases/2026/2026-0015/: check's case-in-folder): their
    # ids are taken, though no cases/<id>/ holds them
    moved = moved_cases(root)
    mixed = _numbered_like_the_others(cases, date, moved) \
        if case_id is None and not sequential and not config.ids_chosen else None
    if case_id is not None and case_id in moved:
        raise ScaffoldError(attach_particles(
            f"사례 '{case_id}'이(가) 이미 있습니다: {moved[case_id]} (cases/ 바로 아래가 아니라 폴더 안으로 옮겨져 있습니다). "
            f"git mv {moved[case_id]} cases/{case_id}(으)로 제자리에 두거나, 다른 번호를 주세요 "
            f"(case exists, moved into a folder: {moved[case_id]})"))
    if case_id is not None:  # ABC beside abc (one folder on Windows and macOS), 2026-7 beside 2026-0007
        names = {e.name for e in os.scandir(cases) if e.is_dir()} | set(moved)
        clash = next((c for c in clashes(names | {case_id}, scheme) if c[0] == case_id), None)
        if clash is not None and case_id not in names:  # (one there already: refused below, as it is)
            _, other, why, why_en = clash
            raise ScaffoldError(attach_particles(f"사례 번호 '{case_id}'이(가) 이미 있는 사례의 번호와 겹칩니다: '{other}' ({why}). "
                                                 f"다른 번호를 주세요 (the id collides with case '{other}': {why_en})"))
        meant = _id_as_the_others(case_id, names)
        if meant is not None and not force and case_id not in names:  # 2026-15 among 2026-0001 … 2026-0014
            raise ScaffoldError(f"다른 사례 번호는 모두 {meant[1]}처럼 숫자 {meant[2]}자리입니다. 혹시 {meant[0]}인가요? "
                                f"이대로 만들려면 --force를 붙이세요 (the other ids have {meant[2]} digits: {meant[0]}?)")
    for _attempt in range(20):
        # sequential numbers are taken under a lock on cases/: two `new`s at once get consecutive numbers
        with locked(cases) if sequential else nullcontext():
            if case_id is not None:
                cid = case_id
            elif sequential:
                cid = next_sequential(scheme, date, [*os.listdir(cases), *moved])
            else:
                cid = new_case_id(date)
                if cid in moved:
                    continue
            folder = cases / cid
            made = True
            try:
                folder.mkdir()  # exclusive: the id is ours once this succeeds
            except FileExistsError:
                if case_id is None:
                    continue
                _refuse_started(root, folder)  # a folder made by hand (mkdir) and nothing in it yet: the case starts here
                made = False
            except OSError as exc:
                raise ScaffoldError(f"사례 폴더를 만들 수 없습니다 (cannot create the case folder): {os_reason(exc)}") from None
        text = render(template, case=cid, date=date.isoformat(), worker=worker, goals={})
        try:
            with nullcontext() if made else locked(folder):  # (under the lock `add` numbers the case's records in)
                if not made:
                    _refuse_started(root, folder)
                path = write_new(folder, "01-intake.md", text)
        except FileExistsError:
            raise ScaffoldError(f"사례 '{cid}'이(가) 이미 있습니다 (case exists): cases/{cid}") from None
        except OSError as exc:
            if made:
                with suppress(OSError):
                    folder.rmdir()  # only if still empty: nothing half-made stays behind
            raise ScaffoldError(f"기록을 쓸 수 없습니다 (cannot write the record): {os_reason(exc)}") from None
        _fsync_dir(cases)
        return Written(path, f"cases/{cid}/01-intake.md", [attach_particles(mixed)] if mixed else [])
    raise ScaffoldError("새 사례 번호를 만들지 못했습니다 (could not allocate a case id)")


def _refuse_started(root: Path, folder: Path) -> None:
    """Refuse (`ScaffoldError`) a case folder that is there unless it is a folder of the casebook's own
    (no link) holding no record yet: no file named as a record is, nor numbered as one (`01-intake_최종.md`,
    whose number `add` counts as taken). Anything else in it (.gitkeep) is left as it is."""
    exists = f"사례 '{folder.name}'이(가) 이미 있습니다 (case exists): cases/{folder.name}"
    if os.path.islink(folder) or not folder.is_dir() or not inside(root, folder):
        raise ScaffoldError(exists)
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise ScaffoldError(f"{exists}. 폴더를 읽을 수 없습니다: {os_reason(exc)}") from None
    if any(parse_record_name(name) for name in names):
        raise ScaffoldError(exists)
    numbered = next((name for name in names if _LEADING_NUMBER.match(name)), None)
    if numbered is not None:  # (01-intake_최종.md: a new 01-intake.md beside it would be a second intake)
        raise ScaffoldError(f"{exists}. 그 안의 {numbered}은(는) 이름이 기록 이름의 규칙에 맞지 않습니다: 고칠 이름은 "
                            f"casekit check {folder.name}이(가) 알려 줍니다 (a misnamed record is there: rename it)")


def _numbered_like_the_others(cases: Path, date: dt.date, moved: dict[str, str]) -> str | None:
    """A warning when a random id (`20261205-V531`) is made where every case (three or more) is
    numbered in sequence (2026-0001 …: an office's register), with the next number and the setting
    that makes it: the ids are mixed in every list from now on. `moved`: the cases moved into a folder
    of cases/ (by id, with their paths), counted as cases, and their folders (cases/2026/) not."""
    holders = {rel.split("/")[1] for rel in moved.values()}
    names = [e.name for e in os.scandir(cases) if e.is_dir() and not e.name.startswith(".") and e.name not in holders]
    names += [cid for cid in moved if cid not in names]
    numbered = [m for n in names if (m := re.fullmatch(r"([0-9]{4}-)([0-9]{3,6})", n)) is not None]
    widths = {len(m.group(2)) for m in numbered}
    if len(names) < 3 or len(numbered) != len(names) or len(widths) != 1:
        return None
    width = widths.pop()
    following = next_sequential(IdScheme("sequential", "{year}-", width), date, names)
    return (f"다른 사례 번호는 모두 {sorted(names)[-1]}처럼 일련번호인데 무작위 번호로 만들었습니다. 다음 번호가 "
            f"맞다면 이 폴더를 지우고 casekit new {following}(으)로 만드세요. casekit.yml에 ids: {{scheme: sequential, "
            f"prefix: \"{{year}}-\", width: {width}}}를 넣으면 번호 없이도 다음 번호로 만듭니다 (every other case is "
            f"numbered in sequence: casekit new {following}, or set ids.scheme: sequential)")


def _check_intake_date(root: Path, template: str, case_id: str | None, date: dt.date, today: dt.date) -> None:
    cid = case_id or "new"
    rel = f"cases/{cid}/01-intake.md"
    draft = _draft_summary(root, render(template, case=cid, date=date.isoformat(), worker=None, goals={}),
                           rel, cid, 1, "intake")
    found = [f for f in check_case(f"cases/{cid}", [draft], set(), today) if f.code in DATE_CODES]
    reasons = list(dict.fromkeys(f.message_ko for f in found))  # the intake's date stands in several fields
    codes = list(dict.fromkeys(f.code for f in found))
    try:
        oldest = today.replace(year=today.year - OLDEST_INTAKE_YEARS)
    except ValueError:  # 29 February
        oldest = today.replace(year=today.year - OLDEST_INTAKE_YEARS, day=28)
    if date < oldest:
        reasons.append(attach_particles(
            f"접수일 {date.isoformat()}이(가) 오늘({today.isoformat()})보다 {OLDEST_INTAKE_YEARS}년 넘게 앞섭니다. "
            "연도를 잘못 적지 않았는지 확인하세요."))
        codes.append("date-too-old")
    if reasons:
        raise Refused(cid, "intake", reasons, codes)


def _draft_summary(root: Path, text: str, rel: str, case: str, nn: int, stage: str,
                   schemas: SchemaSet | None = None) -> Summary:
    """What the rules see of a record not yet written: its text, summarized as `check` would."""
    _, summary = check_parsed(split(text, rel), rel, case, nn, stage, schemas or _schemas(root))
    return summary


def case_summaries(root: Path, case: str) -> list[Summary]:
    _check_case_id(case)
    folder = root / "cases" / case
    schemas = _schemas(root)
    out = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        parsed = parse_record_name(entry.name)
        if parsed is None or entry.is_symlink() or not entry.is_file(follow_symlinks=False):
            continue
        _, summary, _ = check_file(entry.path, f"cases/{case}/{entry.name}", case, parsed[0], parsed[1], schemas)
        out.append(summary)
    return sorted(out, key=record_order)


def add_record(
    root: Path, case: str, stage: str, *, worker: str | None, date: dt.date | None = None,
    today: dt.date | None = None, force: bool = False, activity: str | None = None,
) -> Written:
    """Add the case's next record (next NN) for `stage`, common keys filled in.

    Refuses (`Refused`, nothing written) a record the process rules `check` runs would reject
    where it stands (a monitoring before any plan, anything but follow-up after a closure …),
    one dated before the case's last record, or after `today`; `force` writes it anyway and
    returns those findings as warnings. `activity` (an intervention's activity type, e.g.
    crisis_intervention) fills in the first activity: a crisis intervention may come before a plan."""
    _check_case_id(case)
    if not valid_stage(stage):
        raise ScaffoldError(f"알 수 없는 단계 '{stage}'. 쓸 수 있는 단계: {', '.join(STAGES)} (unknown stage)")
    _check_worker(worker)
    root = Path(os.path.realpath(root))
    cases = _cases_dir(root, create=False) if os.path.lexists(root / "cases") else root / "cases"
    folder = cases / case
    if os.path.islink(folder):
        if not inside(root, folder):
            raise _outside(f"cases/{case}", folder)
        raise ScaffoldError(
            f"cases/{case}는 심볼릭 링크입니다. 링크를 통해서는 기록을 추가하지 않습니다 "
            f"(cases/{case} is a symbolic link; casekit does not add records through links)"
        )
    if not folder.is_dir():
        raise NoSuchCase(f"사례 '{case}'이(가) 없습니다.{case_hint(cases, case)} "
                            f"사례 목록은 `casekit status`로 봅니다 (no such case): cases/{case}")
    if not inside(root, folder):
        raise _outside(f"cases/{case}", folder)
    today = today or clock.today()
    date = date or today
    template = template_text(root, stage)
    try:
        with locked(folder):
            return _add_locked(root, folder, case, stage, template, worker, date, today, force, activity)
    except OSError as exc:
        raise ScaffoldError(f"기록을 쓸 수 없습니다 (cannot write the record): {os_reason(exc)}") from None


_LEADING_NUMBER = re.compile(r"([0-9]{1,3})(?=[-_ .])")


def _add_locked(root: Path, folder: Path, case: str, stage: str, template: str, worker: str | None,
                date: dt.date, today: dt.date, force: bool, activity: str | None) -> Written:
    records = case_summaries(root, case)
    if worker is None:  # the case's worker on the record's date (a handover counts from its day), if a valid id
        worker = worker_on(records, read_entries(str(folder)), date.isoformat())
        worker = worker if worker and WORKER.fullmatch(worker) else None
    ep = episodes(records)[-1] if records else None
    names = [e.name for e in os.scandir(folder)]
    numbers = [n for n in (parse_record_name(name) for name in names) if n]
    # a record misnamed (09-folowup.md, 09-followup_최종.md) keeps its number too: the next is after it
    taken = [int(m.group(1)) for name in names if (m := _LEADING_NUMBER.match(name))]
    nn = max([n for n, _ in numbers] + taken, default=0) + 1
    text = _draft(template, case, stage, date, worker, ep, activity)
    if stage == "intake" and ep is not None and ep.closure is not None and ep.intake is not None:
        text = carry_client(text, root, ep.intake.rel)  # the same client comes back
    schemas = _schemas(root)
    objections = _objections(case, records, _draft_summary(root, text, f"cases/{case}/{nn:02d}-{stage}.md", case, nn,
                                                           stage, schemas), today, ep)
    if objections and not force:
        codes = [f.code for f in objections]
        ordered = any(c in ORDER_CODES for c in codes)
        raise Refused(
            case, stage, list(dict.fromkeys(f.message_ko for f in objections)), codes,
            _in_order_now(root, case, records, nn, date, worker, ep, schemas, stage) if ordered else [],
            max((r.date for r in records if r.date), default=None),
            ep is not None and ep.closure is not None and "after-closure" in codes,
        )
    while nn <= 99:
        name = f"{nn:02d}-{stage}.md"
        try:
            path = write_new(folder, name, text)
        except FileExistsError:
            nn += 1  # someone without the lock (another tool) took it: never overwrite
            continue
        return Written(path, f"cases/{case}/{name}", [f.message_ko for f in objections])
    raise ScaffoldError(f"사례 '{case}'의 순번이 99를 넘습니다 (no record number left)")


def _draft(template: str, case: str, stage: str, date: dt.date, worker: str | None, ep: Episode | None,
           activity: str | None) -> str:
    goals = dict(ep.plan.goals) if ep and ep.plan else {}
    text = render(template, case=case, date=date.isoformat(), worker=worker, goals=goals)
    if stage == "intake" and ep is not None and ep.closure is not None:
        text = _mark_reopening(text, ep.closure.date)
    if stage == "intervention" and activity:
        text = _fill_activity(text, activity, date)
    return text


def _fill_activity(text: str, activity: str, date: dt.date) -> str:
    """The template's first activity as `activity` on the record's date; a crisis intervention
    needs no goal (it may come before any plan), so its goal line goes."""
    text = re.sub(r'^(\s*-?\s*)type: "<[^"\n]*>"[ \t]*$', lambda m: f"{m.group(1)}type: {activity}", text,
                  count=1, flags=re.MULTILINE)
    text = re.sub(r'^(\s*-\s*)date: "<[^"\n]*>"[ \t]*$', lambda m: f"{m.group(1)}date: {date.isoformat()}", text,
                  count=1, flags=re.MULTILINE)
    if activity == "crisis_intervention":
        text = re.sub(r'^[ \t]+goal: "<[^"\n]*>"[ \t]*\n', "", text, count=1, flags=re.MULTILINE)
    return text


def _objections(case: str, records: list[Summary], draft: Summary, today: dt.date, ep: Episode | None) -> list[Finding]:
    """Why `draft`, added after `records`, may not be written: the findings of the very rules
    `check` runs that say a record does not belong where it stands, or that its date is wrong."""
    found = [f for f in check_case(f"cases/{case}", [*records, draft], set(), today)
             if f.code in REFUSED_CODES and said_of(f, draft.rel)]
    if draft.stage == "intervention" and ep is not None and ep.case_type == "service_linkage":
        # 서비스연계: linking may come without a plan; the skeleton cannot tell yet what it will hold
        found = [f for f in found if f.code != "needs-plan"]
    return found


def _in_order_now(root: Path, case: str, records: list[Summary], nn: int, date: dt.date, worker: str | None,
                  ep: Episode | None, schemas: SchemaSet, asked: str) -> list[tuple[str, str]]:
    """The records that would be in order instead, as (word for `add`, label), in process order."""
    out: list[tuple[str, str]] = []
    choices = [(s, None) for s in PROCESS_STAGES] + [("intervention", "crisis_intervention")]
    for stage, activity in choices:
        if stage == asked and activity is None:
            continue
        try:
            template = template_text(root, stage)
        except ScaffoldError:
            continue
        text = _draft(template, case, stage, date, worker, ep, activity)
        draft = _draft_summary(root, text, f"cases/{case}/{nn:02d}-{stage}.md", case, nn, stage, schemas)
        found = check_case(f"cases/{case}", [*records, draft], set())
        if any(f.code in ORDER_CODES and said_of(f, draft.rel) for f in found):
            continue
        if activity:  # offered when an ordinary intervention is not in order: before any plan
            if not any(w == STAGE_KO["intervention"] for w, _ in out):
                out.append(("위기개입", "위기개입(계획 전에도 쓸 수 있는 실행 기록)"))
            continue
        reopening = stage == "intake" and ep is not None and ep.closure is not None
        out.append((STAGE_KO[stage], "다시 열기(재개 접수)" if reopening else STAGE_KO[stage]))
    return sorted(out, key=lambda item: item[1].startswith("다시 열기"))  # reopening last: the rarer wish


def case_hint(cases: Path, case: str) -> str:
    """" 혹시 2026-0012인가요?" for a case id written with fewer or more digits than the others
    (2026-12, 2026-012: read as its number, never as the id it is one keystroke from: 2026-1 is
    2026-0001, not 2026-0014), one keystroke away from an existing case, or for its number alone
    when one case's id ends in it (0012, 12) (`add`, `log`, `status`, `check`)."""
    try:
        known = [e.name for e in os.scandir(cases) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return ""
    padded = _id_as_the_others(case.strip(), set(known))  # 2026-1 among 2026-NNNN: 2026-0001, not 2026-0014
    # (and no other guess when the number is not a case's: 2026-21 is not 2026-0012)
    guess = close_to(case, known) if padded is None else padded[0] if padded[0] in known else None
    if guess is None and case.isdigit():
        ending = [k for k in known if k.rsplit("-", 1)[-1].lstrip("0") == case.lstrip("0") != ""]
        guess = ending[0] if len(ending) == 1 else None
    return f" 혹시 {guess}인가요?" if guess else ""


_CARRIED = "  # {rel}에서 옮겨 왔습니다. 연락처·주소·가구가 바뀌었으면 고치세요."


def carry_client(text: str, root: Path, rel: str) -> str:
    """A reopening's intake draft with the client as the last intake (`rel`) recorded them: each
    scalar of its `client` block in place of the template's line for it (or of its commented-out
    example), the others added, and its household_members; the rest of the draft as it was. A
    last intake that cannot be read, or a template without a top-level `client:`, leaves it as is."""
    parsed, _ = parse_file(str(root / rel), rel)
    data = parsed.data if parsed is not None else None
    client = data.get("client") if data is not None else None
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.fullmatch(r"client:[ \t]*", line)), None)
    if data is None or not isinstance(client, dict) or start is None:
        return text
    end = start + 1
    while end < len(lines) and lines[end][:1] in (" ", "\t"):
        end += 1
    block = lines[start + 1 : end]
    for key, value in client.items():
        if not (isinstance(key, str) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key)) or \
                not isinstance(value, (str, bool, int, float)):
            continue
        line = f"  {key}: {_value_text(value)}"
        at = next((i for i, b in enumerate(block) if re.match(rf"\s+(?:#\s*)?{key}:", b)), None)
        if at is not None:
            block[at] = line
        else:
            last = max((i for i, b in enumerate(block) if re.match(r"\s+[A-Za-z_]", b)), default=-1)
            block.insert(last + 1, line)
    lines[start + 1 : end] = [_CARRIED.format(rel=rel), *block]
    members = data.get("household_members")
    if isinstance(members, list) and members and not any(line.startswith("household_members:") for line in lines):
        dumped = yaml.safe_dump({"household_members": members}, allow_unicode=True, sort_keys=False,
                                default_flow_style=False).rstrip("\n").split("\n")
        rest = start + 2 + len(block)  # the template's commented example (`# household_members:` …) gives way
        at = next((i for i in range(rest, len(lines)) if not lines[i].startswith("#")
                   or re.match(r"#\s*household_members:", lines[i])), len(lines))
        stop = at
        if at < len(lines) and lines[at].startswith("#"):
            stop = at + 1
            while stop < len(lines) and re.match(r"#\s{2,}\S", lines[stop]):
                stop += 1
        lines[at:stop] = dumped
    return "\n".join(lines)


def _value_text(value: str | bool | int | float) -> str:
    """A value read from a record, written back as YAML reads it again."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, (int, float)) else _scalar(value)


def _mark_reopening(text: str, closed: str | None) -> str:
    block = '\nreopening:\n  reason: "<재개 사유>"\n'
    if closed:
        block += f"  previous_closure: {closed}\n"
    return re.sub(r"^(worker: .*)$", lambda m: m.group(1) + block.rstrip("\n"), text, count=1, flags=re.MULTILINE)

