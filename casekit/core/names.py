"""Names that come from users or from the disk: case ids, stages, record and resource file names.

Every name is checked here before it becomes a path, so nothing casekit reads or writes can
leave the casebook through `..`, a separator, an absolute path, a device name or a link.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from casekit.core.hints import attach_particles, edit_distance, unseen_in_name
from casekit.core.reader import IGNORABLE_RE
from casekit.core.schemas import STAGE_KO, STAGES

# ASCII only, spelled out: `\d` and `\w` would also match lookalikes such as "０１" or "٠١"
CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
RESOURCE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
RECORD_NAME = re.compile(r"([0-9][0-9])-([a-z]+)\.md")
RECORD_PREFIX = re.compile(r"[0-9]+-[A-Za-z]+")
# Windows reserves these names in every folder, with any extension; a casebook is shared across machines
RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def valid_case_id(name: str) -> bool:
    return isinstance(name, str) and CASE_ID.fullmatch(name) is not None and name.lower() not in RESERVED


def odd_hint(name: str) -> tuple[str, str]:
    """` 보이지 않거나 모양만 같은 문자가 있습니다: 끝에 공백.` for a message, and its English clause
    (`it holds characters …: a space at the end`); ('', '') for a name without such characters."""
    ko, en = unseen_in_name(name)
    if not ko:
        return "", ""
    return f" 보이지 않거나 모양만 같은 문자가 있습니다: {ko}.", f"it holds characters that show nothing or only look alike: {en}"


def case_id_problem(name: str) -> tuple[str, str, str | None]:
    """Why `name` is no case id, in Korean (a sentence after a space) and English (a clause after
    `; `), and the id meant when the name is one but for characters nobody sees (`2026-0014 `,
    `２０２６-0015`, `2026-0015.`, a zero-width space): that id, else None."""
    if not isinstance(name, str) or not name:
        return " 비어 있습니다.", "; it is empty", None
    if name.lower() in RESERVED:
        return (f" {name}은(는) Windows가 장치 이름으로 남겨 둔 이름(con, prn, aux, nul, com1~9, lpt1~9)이라, "
                "Windows에서는 이 이름의 폴더를 만들 수도 열 수도 없습니다. 다른 번호를 쓰세요.",
                f"; {name} is a device name Windows reserves (con, prn, aux, nul, com1-9, lpt1-9): no folder can have "
                "it there; use another id", None)
    ko, en = odd_hint(name)
    en = f"; {en}" if en else ""
    clean = unicodedata.normalize("NFKC", IGNORABLE_RE.sub("", name)).strip().rstrip(".").strip()
    meant = clean if clean != name and valid_case_id(clean) else None
    if ko:
        return ko, en, meant
    if len(name) > 64:
        return f" {len(name)}자입니다(64자까지).", f"; it is {len(name)} characters long (at most 64)", None
    bad = "".join(dict.fromkeys(ch for ch in name if not re.fullmatch(r"[A-Za-z0-9_-]", ch)))
    if bad:
        shown = ", ".join(f"'{ch}'" if ch != " " else "공백" for ch in bad)
        shown_en = ", ".join(f"'{ch}'" if ch != " " else "a space" for ch in bad)
        return f" 쓸 수 없는 문자가 있습니다: {shown}.", f"; it holds characters an id cannot: {shown_en}", meant
    return (f" 첫 글자가 영문이나 숫자가 아닙니다: '{name[0]}'.", f"; its first character '{name[0]}' is no letter or digit",
            None)


def case_id_advice(name: str) -> str:
    """For a case id refused on the command line: why, and the id to write when it is one but for
    characters nobody sees (` 보이지 않거나 … 끝에 공백. 2026-0014로 적으세요.`); Korean, particles set."""
    why, _, meant = case_id_problem(name)
    return attach_particles(why + (f" {meant}(으)로 적으세요." if meant else ""))


def valid_resource_id(name: str) -> bool:
    return isinstance(name, str) and RESOURCE_ID.fullmatch(name) is not None and name not in RESERVED


def valid_stage(name: str) -> bool:
    return isinstance(name, str) and name in STAGES


@functools.lru_cache(maxsize=4096)  # a casebook's record names repeat: 01-intake.md in every case
def parse_record_name(name: str) -> tuple[int, str] | None:
    """`03-plan.md` → (3, 'plan'); None for anything else (NN 01–99, a known stage)."""
    m = RECORD_NAME.fullmatch(name)
    if not m or not valid_stage(m.group(2)):
        return None
    nn = int(m.group(1))
    return (nn, m.group(2)) if 1 <= nn <= 99 else None


def word_key(word: str) -> str:
    """Letter case, spaces and the joins between the parts of a name are not counted:
    `Monitoring`, `사후 관리`, `follow-up`, `crisis_intervention` (never `.` or `/`: `../intake` is no stage).
    Hangul as macOS writes it in file names (NFD: 점검 as ㅈㅓㅁㄱㅓㅁ) is the same word."""
    return re.sub(r"[\s_\-·]", "", unicodedata.normalize("NFC", word).casefold())


# the words practitioners write for each stage (the names the help shows, and common synonyms)
STAGE_WORDS: dict[str, tuple[str, ...]] = {
    "intake": ("접수", "재접수", "초기상담", "초기면접", "재개", "reopening"),
    "assessment": ("사정", "재사정", "욕구사정", "초기사정", "reassessment"),
    "plan": ("계획", "서비스계획", "사례계획", "계획수정", "재계획", "수정계획", "서비스제공계획"),
    "intervention": ("실행", "개입", "실행(개입)", "실행/개입", "서비스제공"),
    "monitoring": ("점검", "모니터링", "중간점검"),
    "closure": ("종결", "사례종결", "종결평가", "평가및종결"),  # (평가 alone: 사정 is 욕구평가 too)
    "followup": ("사후관리", "follow-up", "사후점검", "사후확인", "사후"),
    "conference": ("사례회의",),
}


def stage_of_word(word: str) -> str | None:
    """The stage a practitioner's word names (모니터링 -> monitoring, 실행(개입) -> intervention), or None."""
    if not word or len(word) > 40:
        return None
    key = word_key(word)
    return next((s for s in STAGES for w in (s, STAGE_KO[s], *STAGE_WORDS.get(s, ())) if word_key(w) == key), None)


_NAME_PARTS = re.compile(r"^\s*([0-9]{1,3})?[\s_\-.]*(.+?)\s*$")

# what may follow a stage word in a record's file name, the name still meaning that stage's record: a
# plural or an -ing, a form's own word (계획서, 사정기록지, 사례회의록, closure-report), a revision
# (plan-revised, 계획수정: a new record of the stage, not a copy)
_AFTER_STAGE = frozenset(word_key(w) for w in (
    "s", "es", "ing", "ning", "form", "report", "record", "sheet", "revised", "revision", "updated", "new",
    "서", "록", "표", "지", "기록", "기록지", "기록서", "보고", "보고서", "양식", "일지", "내용", "결과", "수정", "수정본",
    "변경"))


def _hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _weight(text: str) -> int:
    """Letters, a Hangul syllable counted as two (계획 weighs as much as plan)."""
    return sum(2 if _hangul(ch) else 1 for ch in text)


@functools.cache
def _stage_keys() -> tuple[tuple[str, str], ...]:
    """(word key, stage) of every word that names a stage: its id, its Korean name, the practice's words."""
    return tuple(dict.fromkeys((word_key(w), s) for s in STAGES for w in (s, STAGE_KO[s], *STAGE_WORDS.get(s, ()))))


def _one(stages: set[str]) -> str | None:
    return next(iter(stages)) if len(stages) == 1 else None


@functools.lru_cache(maxsize=1024)
def stage_in_name(word: str) -> str | None:
    """The stage the word of a record's file name means, written as `stage_of_word` reads it or
    slipped: lengthened by a form's word (`plans`, `계획서`, `사례회의록`, `plan-revised`), cut short
    (`monitor`, `follow`, `assess`, `close`, `closing`), or one or two letters off (`plann`, `paln`,
    `assesment`, `intervension`, `게획` as one stroke of a key off). None when no one stage is
    that close: `notes`, `메모`, `readme`, `interview`, `plan.pdf` (a scan: no record) are none."""
    exact = stage_of_word(word)
    if exact is not None:
        return exact
    key = word_key(word)
    if _weight(key) < 3 or len(key) > 40:
        return None
    keys = _stage_keys()
    # a stage word, then what forms add to it (계획서: not 실행계획서, two stages' words)
    longer = {s for w, s in keys if key.startswith(w) and key[len(w):] in _AFTER_STAGE}
    if longer:
        return _one(longer)
    # the start of a stage word, four letters at least (monitor, 사후관), or of a word ending otherwise (close, closing)
    shorter = set()
    for w, s in keys:
        common = len(os.path.commonprefix([key, w]))
        if _weight(key[:common]) >= 4 and (common == len(key) or (
                common < len(w) and _weight(key[common:]) <= 3 and _weight(w[common:]) <= 3)):
            shorter.add(s)
    if shorter:
        return _one(shorter)
    # a slip of one letter (two in a word of eight or more); Hangul by its strokes' letters (jamo):
    # 게획 is one off 계획, 사진 two off 사정 (another word)
    jamo = unicodedata.normalize("NFD", key)
    best: dict[str, int] = {}
    for w, s in keys:
        hangul = any(_hangul(ch) for ch in w)
        steps = edit_distance(jamo, unicodedata.normalize("NFD", w))
        if steps <= (1 if hangul or len(w) < 8 else 2):
            best[s] = min(steps, best.get(s, steps))
    if not best:
        return None
    fewest = min(best.values())
    return _one({s for s, n in best.items() if n == fewest})


def name_parts(name: str) -> tuple[int, str | None]:
    """The number (0 when none is written, or none a record takes: 00, 120) and the stage a file
    named unlike a record reads as: `4-intervention.md`, `04_실행.md`, `０４-intervention.md`,
    `04-Intervention.MD`, `03-plann.md`, `03-plan_최종.md`, `07-closure_old.md`, `03-paln (1).md`
    (see `stage_in_name`, `copy_of`); (0, None) for `notes.md`."""
    plain = unicodedata.normalize("NFKC", IGNORABLE_RE.sub("", name))  # ０４-실행.md, a zero-width space
    stem = re.sub(r"(?:\.(?:md|markdown|txt))+$", "", plain.strip(), flags=re.IGNORECASE)
    m = _NAME_PARTS.match(stem)
    if m is None:
        return 0, None
    number = int(m.group(1)) if m.group(1) else 0
    number = number if 1 <= number <= 99 else 0
    stage = stage_of_word(m.group(2))  # (실행(개입) before what a copy adds is taken off: `(1)`)
    if stage is None:
        bare, _ = _unmarked(m.group(2))
        stage = stage_in_name(bare) if bare else None
    return number, stage


def record_name_for(name: str, next_nn: int | Callable[[str], int]) -> str | None:
    """The record file name a misnamed file was meant to have: `4-intervention.md` -> 04-intervention.md,
    `04_실행.md`, `０４-intervention.md` -> 04-intervention.md, `04-Intervention.MD`, `03-plann.md`,
    `03-plan_최종.md` (see `name_parts`), `intervention.md` -> the case's next
    number (`next_nn`, or what it gives for the stage), as is `00-intake.md`; None when no stage can be read
    from it."""
    number, stage = name_parts(name)
    if stage is None:
        return None
    if not number:  # none, or one no record takes (00-intake.md, 100-monitoring.md): its place in the case
        number = next_nn(stage) if callable(next_nn) else next_nn
    return f"{number:02d}-{stage}.md" if 1 <= number <= 99 else None


# where each stage stands in a case (an intervention and a monitoring alternate; a conference stands anywhere)
STAGE_RANK = {"intake": 0, "assessment": 1, "plan": 2, "intervention": 3, "monitoring": 3, "closure": 4, "followup": 5}


def number_in_order(stage: str, records: list[tuple[int, str]]) -> int:
    """The number a record of `stage` written without one takes among a case's `records` (number,
    stage): the first free number where no record before it comes later in the stage order and none
    after it earlier (intake.md beside 02-assessment.md is 01); else the case's next number."""
    last = max((nn for nn, _ in records), default=0)
    rank = STAGE_RANK.get(stage)
    if rank is not None:
        taken = {nn for nn, _ in records}
        ranked = [(nn, STAGE_RANK[st]) for nn, st in records if st in STAGE_RANK]
        for n in range(1, min(last + 1, 99) + 1):
            if n not in taken and all(r <= rank for nn, r in ranked if nn < n) and all(r >= rank for nn, r in ranked if nn > n):
                return n
    return last + 1


# what sync clients, file managers and editors add to a file's name when they copy it or keep a backup
_BACKUP_END = re.compile(r"(?:~|\.(?:bak|orig|old|backup|save|tmp))+$", re.IGNORECASE)  # 01-intake.md~, .md.bak
_KEPT_AS = re.compile(r"(.+?\.md)((?:\.[A-Za-z0-9]{1,10})+)", re.IGNORECASE)  # 03-plan.md.bak.hwp, 03-plan.md.docx
# an Office (Word, Excel, 한글) owner file: ~$ and the name of the file open in it, its first letters cut
OWNER_FILE = "~$"
_MERGE_MARK = re.compile(r"_(?:BACKUP|BASE|LOCAL|REMOTE)_[0-9]+$")  # git mergetool: 01-intake_LOCAL_1234.md
# (each name is read one way: the parts, which repeat, share no text. A computer's name and a Syncthing
# mark take every `-` and letter they can but the dashes before a copy word they cannot take whole
# (-DESKTOP-copy, -DESKTOP-사본), and a copy word's number is
# a part of its own. Where two parts could take the same text, every way was tried: a file named
# 01-intake-A-A-…! with 26 `-A` took 23 s to check, one with 40, days.)
_COPY_MARK = re.compile(
    r"(?:\s*\([^()]*\)"  # (1), (홍길동의 충돌된 사본 2026-11-30), (conflicted copy …): Dropbox, Google Drive, a download
    r"|\s+[0-9]{1,3}"  # ` 2`: iCloud, the macOS Finder
    r"|[\s_-]+(?i:copy|사본|복사본)"  # Finder's ` copy` (` copy 2`: then the number), Windows' ` - 복사본`
    r"|-(?=[A-Z0-9-]*[A-Z])[A-Z0-9](?:[A-Z0-9]|-(?!-*+(?:(?!COPY)(?i:copy)|사본|복사본)))*+"  # -DESKTOP-AB12: OneDrive adds the computer's name
    r"|\.sync-conflict-[0-9A-Za-z-](?:[0-9A-Za-z]|-(?!-*+(?:사본|복사본)))*+"  # Syncthing
    r")+$"
)
# what a person adds to a record's name when keeping a version of it apart: 03-plan_최종.md, 03-plan 최종.md,
# 03-plan_v2.md, 03-plan-old.md, 03-plan_백업.md, 03-plan_20260325.md (not a revision: 03-plan-revised.md is
# a new plan, `_AFTER_STAGE`)
_SAVED_WORDS = (r"최종본?|최최종|진짜\s*최종|완성본?|백업|이전|예전|원본|임시|초안|"
                r"old|final|fin|backup|bak|draft|temp|tmp|"
                r"v\.?[0-9]{1,3}|ver\.?\s*[0-9]{0,3}|version\s*[0-9]{0,3}|버전\s*[0-9]{0,3}|"
                r"[0-9]{4}[-.]?[0-9]{2}[-.]?[0-9]{2}|[0-9]{6}")
_SAVED_MARK = re.compile(
    rf"(?:[\s_\-.]+(?i:{_SAVED_WORDS})"  # 03-plan_최종, 03-plan-old, 03-plan v2
    r"|(?<=[A-Za-z])(?:최종본?|최최종|백업|이전|원본|임시|초안)"  # 03-plan최종
    r")$"
)
COPY_BY = {  # who leaves such a copy, for the finding
    "sync": ("Dropbox·OneDrive·iCloud 같은 동기화 프로그램이나 복사로 생긴 것",
             "made by a sync program (Dropbox, OneDrive, iCloud …) or by copying the file"),
    "saved": ("이름에 '최종'·'v2'·'old' 같은 표시를 붙여 따로 저장한 것",
              "saved apart with a mark such as _최종, _v2 or -old in its name"),
    "editor": ("편집기나 병합 도구가 남긴 백업", "a backup an editor or a merge tool left"),
}


def _unmarked(stem: str) -> tuple[str, bool]:
    """`stem` without what sync clients and people add to a copy's name (`_COPY_MARK`, `_SAVED_MARK`,
    in any order: `03-plan_최종 (1)`), and whether a person's mark was among it."""
    saved = False
    while True:
        bare = _COPY_MARK.sub("", stem)
        kept = _SAVED_MARK.sub("", bare)
        saved = saved or kept != bare
        if kept == stem:
            return stem, saved
        stem = kept


def copy_of(name: str) -> tuple[str, str] | None:
    """The name a sync client's, a person's or an editor's copy was made from, and who makes such
    copies (`sync`, `saved` or `editor`): `01-intake (1).md`, `04-intervention 2.md`,
    `01-intake-DESKTOP-AB12.md`, `01-intake.md~`, `01-intake.md.bak`, `#01-intake.md#`, `01-intake.txt`
    (saved again as text) -> 01-intake.md; `03-plan_최종.md`, `03-plan_v2.md`, `03-plan-old.md` -> 03-plan.md.
    None for any other name.
    The name returned is not checked: the caller asks whether it is a record's (or a resource's).
    Only names that are no record's are asked about (the listing holds tens of thousands)."""
    text = unicodedata.normalize("NFC", name)
    by = "sync"
    if len(text) > 2 and text[0] == text[-1] == "#":  # Emacs: #01-intake.md#, the unsaved edits
        text, by = text[1:-1], "editor"
    bare = _BACKUP_END.sub("", text)
    if bare != text:
        text, by = bare, "editor"
    kept = _KEPT_AS.fullmatch(text)
    if kept is not None and kept.group(2).lower() != ".txt":  # 03-plan.md.bak.hwp, 03-plan.md.hwp: kept in another program's file
        text, by = kept.group(1), "editor"
    if text[:8].lower() == "copy of ":  # Google Drive
        text = text[8:]
    if text.lower().endswith(".txt") and RECORD_PREFIX.match(text):  # a record saved again as text (Notepad)
        text = text[:-4] if text[:-4].endswith(".md") else text[:-4] + ".md"
    if not text.endswith(".md"):
        return None
    stem = text[:-3]
    bare = _MERGE_MARK.sub("", stem)
    if bare != stem:
        by = "editor"
    bare, saved = _unmarked(bare)
    if not bare or (bare + ".md" == name):
        return None
    return bare + ".md", "saved" if saved and by == "sync" else by


def looks_like_record(name: str) -> bool:
    """A name meant as a record but spelt wrong (`1-intake.md`, `01-intake.MD`, `01-Intake.md`):
    report it as a bad file name (an error), not as a stray file, so no record is silently skipped."""
    return name.lower().endswith((".md", ".markdown")) or RECORD_PREFIX.match(name) is not None


def case_of_path(root: Path, text: str) -> str | None:
    """The case a path names, where a case id was asked for: `cases/2026-0012/` (a shell's completion),
    `.` in a case folder, a record's path; None when `text` is no such path (an id is left to the caller)."""
    if not isinstance(text, str) or not text or (
            "/" not in text and os.sep not in text and text not in (".", "..") and not os.path.exists(text)):
        return None
    try:
        rel = Path(os.path.realpath(text)).relative_to(os.path.realpath(root)).parts
    except (OSError, ValueError):
        return None
    return rel[1] if len(rel) >= 2 and rel[0] == "cases" and valid_case_id(rel[1]) else None


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every link resolved, stays within `root` (itself resolved here too).

    A path that cannot be resolved (a dangling link, a link loop) counts as outside: casekit never
    follows what it cannot vouch for."""
    try:
        real_root = Path(os.path.realpath(root))
        resolved = Path(os.path.realpath(path, strict=True))
        return resolved == real_root or real_root in resolved.parents
    except (OSError, ValueError, RuntimeError):
        return False


SOURCE_FOLDERS = ("cases", "resources", "schemas", "templates", "docs", "overrides")  # (and every dot folder)
SETTINGS_FILES = ("mkdocs.yml", "casekit.yml", "README.md")


def source_part(root: Path, path: Path) -> str | None:
    """The part of the casebook at `root` that writing `path` (links resolved) would overwrite or
    put a file into: a source folder (cases/, docs/, .git/ …) or a settings file; None when it
    is none of them (outside the casebook, or a file of its own at the top)."""
    real_root = Path(os.path.realpath(root))
    real = Path(os.path.realpath(path))
    if real == real_root or real_root not in real.parents:
        return None if real != real_root else "."
    rel = real.relative_to(real_root).parts
    if len(rel) > 1 and (rel[0] in SOURCE_FOLDERS or rel[0].startswith(".")):
        return rel[0] + "/"
    if len(rel) == 1 and (rel[0] in SETTINGS_FILES or rel[0].startswith(".") or rel[0] in SOURCE_FOLDERS):
        return rel[0]
    return None
