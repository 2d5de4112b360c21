"""A casebook on disk: find its root, list its records, check them all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import operator
import os
import posixpath
import re
import stat
import subprocess
import time
import zlib
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from casekit.core import clock
from casekit.core.cache import SHARDS, Cache, Entry, cache_key
from casekit.core.changes import git_command
from casekit.core.config import CONFIG_FILE, Config, load_config
from casekit.core.docs import (
    DocsScan,
    held_back,
    held_back_findings,
    outside_content,
    pasted_tables,
    scan_docs,
    stalling_paragraphs,
    template_tags,
    without_code,
)
from casekit.core.findings import Finding, finding, os_reasons, sort_findings
from casekit.core.handover import HANDOVER_FILE, Handover, unrecorded_change
from casekit.core.handover import check_file as check_handover
from casekit.core.handover import worker_uses as handover_workers
from casekit.core.hints import close_to
from casekit.core.ids import collisions
from casekit.core.links import (
    Anchors,
    Targets,
    body_links,
    docs_link_findings,
    heading_anchors,
    heading_findings,
    missing_links,
    outside_links,
    own_heading_links,
)
from casekit.core.moved import front_stage, moved_case, records_in
from casekit.core.names import (
    COPY_BY,
    OWNER_FILE,
    case_id_problem,
    copy_of,
    inside,
    looks_like_record,
    name_parts,
    number_in_order,
    odd_hint,
    parse_record_name,
    record_name_for,
    valid_case_id,
    valid_resource_id,
)
from casekit.core.phones import malformed_phones, mobiles_published
from casekit.core.pictures import Pictures
from casekit.core.pii import allowed_numbers, date_dependent, scan_parsed, scan_text, scan_values
from casekit.core.published import (
    Needle,
    Published,
    ScanGroup,
    ScanItem,
    Unit,
    casebook_key,
    forget_index,
    index_of,
    lines_of,
    needles_of,
    published,
    scan_group,
    values_key,
)
from casekit.core.rules import ORDER_CODES
from casekit.core.rules_practice import Facts, across_cases, case_rules
from casekit.core.scaffold import TEMP_FILE
from casekit.core.schemas import STAGE_KO, STAGES, SchemaSet, typed_as_number
from casekit.core.sensitive import NAME_OK_FIELD, values_too_long
from casekit.core.site_settings import SETTINGS_FILE, check_site_settings, published_settings
from casekit.core.source import Parsed, plain_is_text, read_file, read_signed, split
from casekit.core.summary import Summary, pack_fields, parse_file, public_fields, record_order, unpack_fields
from casekit.core.template_files import check_templates
from casekit.core.workers import (
    MIN_PARALLEL,
    Background,
    CaseRules,
    Signature,
    Spool,
    Task,
    check_group,
    check_record,
    default_jobs,
    load_record,
    no_gc,
    run_all,
    signature,
)

ROOT_MARKER = "mkdocs.yml"


class CasebookError(Exception):
    """A problem with how casekit was called (no casebook found, a path outside it): exit 2."""


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds mkdocs.yml."""
    start = Path(os.path.abspath(start))
    if start.is_file():
        start = start.parent
    for folder in (start, *start.parents):
        if (folder / ROOT_MARKER).is_file():
            return folder
    return None


@dataclass
class RecordFile:
    case: str
    nn: int
    stage: str
    disk: str
    rel: str
    listed: os.DirEntry[str] | None = None  # its entry in the folder's listing

    def signature(self) -> Signature | None:
        """The file as listed (workers.signature): what the cache compares. Taken only when the
        cache has an entry to compare (never in a first check: 62,000 stat calls saved)."""
        return signature(self.listed if self.listed is not None else self.disk)


@dataclass(frozen=True)
class Unread:
    """A file of a case named unlike a record that is one (`intake.md`, `03-plann.md`): not read, and
    its `bad-file-name` (which says so with `hint`), for the findings that wait for it (`deferred`)."""

    rel: str
    name: str
    nn: int  # the number it is to take
    stage: str  # the stage it is to be read as
    upto: int  # the number of the case's next record of that stage (100: none): the records it governs end there
    gap_at: str | None  # the record a `number-gap` for its number is said at (None: its number is no gap)
    hint: str
    hint_en: str
    until: int = 100  # the number of the case's next intake after it (its episode ends there; 100: none)


@dataclass
class Layout:
    cases: dict[str, list[RecordFile]] = field(default_factory=dict)
    resources: dict[str, tuple[Path, str]] = field(default_factory=dict)
    handovers: dict[str, tuple[Path, str]] = field(default_factory=dict)  # case -> its handover.yml
    findings: list[Finding] = field(default_factory=list)
    # case -> each file named unlike a record that is one
    unread: dict[str, list[Unread]] = field(default_factory=dict)
    # resource id -> its `name:` ("" when it has none that reads): set by check once the resources
    # are read, for the hint of a record naming a resource by its name (`unknown-resource`)
    resource_names: dict[str, str] = field(default_factory=dict)
    # a resource's `id` unlike its file's name -> that name (a file renamed: `resource_renamed`)
    renamed_resources: dict[str, str] = field(default_factory=dict)
    # the `id` of a resource file whose name is no resource id (가온 푸드뱅크.md: bad-resource-id, the
    # file not read) -> the file (`resource_renamed`)
    misnamed_resources: dict[str, str] = field(default_factory=dict)

    def resource_refs(self) -> dict[str, str]:
        """Every resource id with its name ("" unknown): what a record's `resource:` may name."""
        return {rid: self.resource_names.get(rid, "") for rid in self.resources}


def _entries(folder: Path | str, rel: str, findings: list[Finding]) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=_name)
    except OSError as exc:  # reported: an unreadable case folder is not an empty one
        findings.append(finding("folder-unreadable", rel, None, None, **os_reasons(exc)))
        return []


_name = operator.attrgetter("name")


def _link_escapes(root: Path, entry: os.DirEntry[str], rel: str, findings: list[Finding]) -> bool:
    """Report a symbolic link that leads out of the casebook; True when it must not be followed."""
    if not entry.is_symlink():
        return False
    if inside(root, Path(entry.path)):
        return False
    try:
        target = os.readlink(entry.path)
    except OSError:
        target = "?"
    try:
        os.stat(entry.path)
    except OSError:  # it leads nowhere (gone, or round in a loop): not out of the casebook
        findings.append(finding("file-unreadable", rel, None, None,
                                reason=f"가리키는 파일이 없거나 제자리를 맴도는 바로가기(링크 → {target})입니다. 링크를 지우세요 "
                                       "(a broken or looping link)"))
        return True
    findings.append(finding("symlink-outside", rel, None, None, target=target))
    return True


def _listing(
    root: Path, folder: Path | str, rel: str, findings: list[Finding], listed: bool = False
) -> Iterator[tuple[os.DirEntry[str], str]]:
    """The entries of a casebook folder worth looking at: hidden files and links out are passed
    over (the latter reported); a folder that is itself a link out is reported and not listed.
    `listed`: `folder` came from such a listing, as a folder (not a link out: already checked)."""
    if not listed:
        folder = Path(folder)
        if folder.is_symlink() and not inside(root, folder):
            findings.append(finding("symlink-outside", rel, None, None, target=os.readlink(folder)))
            return
        if not folder.is_dir():
            return
    for entry in _entries(folder, rel, findings):
        name = entry.name
        erel = f"{rel}/{name}"
        if name.startswith(".casekit-") and TEMP_FILE.fullmatch(name):  # an interrupted `new`/`add`
            findings.append(finding("temp-file-left", erel, None, None))  # (the next one there removes it)
        elif name.startswith(".") and (hidden := _hidden_entry(entry, rel, erel)) is not None:
            findings.append(hidden)
        elif name.lower() in SYSTEM_FILES:  # (Windows' and macOS's own: passed over, as the casebook's .gitignore does)
            continue
        elif not name.startswith(".") and not (entry.is_symlink() and _link_escapes(root, entry, erel, findings)):
            yield entry, erel


# files a file manager leaves in every folder it shows (thumbnails, a folder's icon and view): nobody's
# record, nothing to do about (`casekit init`'s .gitignore keeps them out of git). Hidden ones (.DS_Store,
# ._*) are passed over as every hidden file is.
SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini", "icon\r"})
# what a file that is no record is told, by its kind: a scan, a photo, a document (the worker's notes or a
# client's papers: in git, never read, never published) or anything else
_PAPERS = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".gif", ".heic", ".webp", ".tif", ".tiff", ".bmp", ".hwp",
                     ".hwpx", ".doc", ".docx", ".xls", ".xlsx", ".csv", ".ppt", ".pptx", ".zip", ".txt", ".rtf", ".odt"})


def _unexpected(rel: str, name: str) -> Finding:
    """`unexpected-file` for `name` at `rel` (in cases/, a case folder or resources/), saying what to do."""
    folder = rel.split("/")
    papers = os.path.splitext(name)[1].lower() in _PAPERS and not name.startswith(OWNER_FILE)
    private = (" 검사도 게시도 되지 않지만, git에 올리면 저장소에 그대로 남습니다. 스캔한 서류나 사진처럼 개인정보가 담긴 "
               "파일이면 사례집 밖(기관의 안전한 저장소)으로 옮기고, 필요한 내용은 기록 본문에 적으세요. 필요 없는 "
               "파일이면 지우세요.", "; it is neither checked nor published, but kept in git once committed: move a "
               "scan or a photo holding personal data out of the casebook (to the agency's own storage) and write "
               "what is needed in a record; delete it otherwise")
    if folder[0] == "resources":
        where, what = ("resources 폴더", "resources/"), ("자원 파일(.md)", "a resource (.md)")
        hint = private if papers else (" 자원은 resources/<자원 id>.md 파일 하나에 적습니다(예: resources/gaon-food-bank.md). "
                                        "자원이면 그 이름의 Markdown 파일로 저장하고, 아니면 지우거나 사례집 밖으로 옮기세요.",
                                        "; a resource is one file, resources/<id>.md: save it as one, or move or "
                                        "delete it")
    elif len(folder) == 2:  # cases/notes.txt: in no case
        where, what = ("cases 폴더", "cases/"), ("사례 폴더", "a case folder")
        hint = private if papers else (" 사례의 기록은 cases/<사례 ID>/ 폴더에 NN-단계.md 이름으로 둡니다. 필요 없는 "
                                        "파일이면 지우거나 사례집 밖으로 옮기세요.", "; a case's records go in "
                                        "cases/<case id>/ as NN-stage.md: move or delete it")
    else:
        where, what = ("사례 폴더", "the case folder"), ("기록", "a record")
        hint = private if papers else (f" 검사도 게시도 되지 않습니다. 이 사례의 기록이라면 내용을 NN-단계.md 기록"
                                        f"(casekit add {folder[1]} 점검처럼)에 옮겨 적고 이 파일은 지우세요. 필요 없는 "
                                        "파일이면 지우세요.", "; it is neither checked nor published: write what it "
                                        f"holds in a record (casekit add {folder[1]} …) and delete it")
    if name.startswith(OWNER_FILE):  # ~$-intervention.md: no copy of the record, nor a record to rename
        hint = (" 워드·한글 같은 프로그램이 파일을 열어 둔 동안 만드는 잠금 파일(~$로 시작)로 보입니다. 기록으로 "
                "읽지 않습니다. 그 프로그램을 닫고, 파일이 남아 있으면 지우세요.",
                "; it looks like the owner file Word or 한글 keeps while a file is open (~$…), not read as a record: "
                "close the program and delete the file if it stays")
    return finding("unexpected-file", rel, None, None, name=name, where=where[0], where_en=where[1], what=what[0],
                   what_en=what[1], hint="." + hint[0], hint_en=hint[1])


def _case_within(root: Path, item: os.DirEntry[str], rel: str, folder: str) -> Finding | None:
    """`case-in-folder` when `item`, in the folder `folder` of cases/, is a case folder moved there (a
    year's folder, cases/2026/2026-0003/): named as a case and its records say so (their `case:`), not
    a folder of records put away (old/, whose records name the case they were put away from)."""
    inside = moved_case(item, rel, folder)
    if inside is None:
        return None
    there = os.path.lexists(root / "cases" / item.name)
    fix = (f"cases/{item.name}이(가) 이미 있으니 두 폴더의 기록을 견주어 cases/{item.name} 하나로 합치세요.",
           f"cases/{item.name} is there too: compare the two and merge them into cases/{item.name}") if there \
        else (f"git mv cases/{folder}/{item.name} cases/{item.name}", f"git mv cases/{folder}/{item.name} cases/{item.name}")
    return finding("case-in-folder", rel, None, None, name=item.name, folder=folder, count=len(inside),
                   fix=fix[0], fix_en=fix[1])


def _cases_within(root: Path, entry: os.DirEntry[str], rel: str) -> list[Finding]:
    """`case-in-folder` for each case folder moved into `entry`, a folder of cases/ (cases/종결/)."""
    try:
        if not entry.is_dir(follow_symlinks=False):
            return []
        with os.scandir(entry.path) as it:
            items = sorted((e for e in it if e.is_dir(follow_symlinks=False)), key=lambda e: e.name)
    except OSError:
        return []
    return [f for e in items if (f := _case_within(root, e, f"{rel}/{e.name}", entry.name)) is not None]


def _hidden_entry(entry: os.DirEntry[str], rel: str, erel: str) -> Finding | None:
    """A warning for a case folder or a record whose name a leading dot hides (`.2026-0016/`,
    `.01-intake.md`): never checked, never published, and nothing said of it before. Other
    hidden files (.gitkeep, an editor's .swp) are passed over as they always were."""
    name, shown = entry.name, entry.name.lstrip(".")
    hint = (f" 이름이 점(.)으로 시작해 숨겨져 검사도 게시도 되지 않습니다. 숨기려던 것이 아니면 {shown}(으)로 바꾸세요.",
            f"; a leading dot hides it: it is never checked or published. Unless meant, rename it {shown}")
    try:
        is_dir = entry.is_dir(follow_symlinks=False)
    except OSError:
        return None
    if rel == "cases" and is_dir and valid_case_id(shown) and _holds_records(entry.path):  # (not .vscode/)
        return finding("bad-case-id", erel, None, None, severity="warning", name=name, hint=hint[0], hint_en=hint[1])
    if rel.startswith("cases/") and rel.count("/") == 1 and not is_dir and parse_record_name(shown) is not None:
        return finding("unexpected-file", erel, None, None, name=name, where="사례 폴더", where_en="the case folder",
                       what="기록", what_en="a record", hint="." + hint[0], hint_en=hint[1])
    return None


def _holds_records(folder: str) -> bool:
    try:
        return any(parse_record_name(name) is not None for name in os.listdir(folder))
    except OSError:
        return False


def _not_a_file(entry: os.DirEntry[str], what: tuple[str, str] = ("기록", "record")) -> str:
    """Why an entry named as a record (or a resource: `what`) is not one, in words a social worker knows."""
    try:
        mode = entry.stat().st_mode
    except OSError:
        return f"가리키는 파일이 없는 바로가기(링크)입니다. 링크를 지우고 {what[0]} 파일을 두세요 (a broken link)"
    if stat.S_ISDIR(mode):
        return f"{what[0]} 이름을 한 폴더입니다. 폴더를 옮기거나 이름을 바꾸세요 (a folder named as a {what[1]})"
    return f"일반 파일이 아닙니다(파이프나 장치). 지우고 {what[0]} 파일을 두세요 (not a regular file: a FIFO or a device)"


# a reference that breaks its id's pattern (goal: g1) and names nothing: the finding that says
# which one was meant (unknown-goal: 혹시 G1인가요?) is the one kept at that place
_REFERENCE_CODES = frozenset({"unknown-goal", "unknown-need", "unknown-resource"})
# what a finding at the same place says better: a value's pattern is wrong because the reference is
# unknown; a reference is unknown because it names several (need: N1, N2: several-ids, not "N1, N2
# is no need"); a number looks like a phone (pii-phone) because it is the client's own (sensitive-in-text);
# `resource: 129` naming no resource is unknown-resource, not a wrong-type telling to quote what names nothing
# (a record's `case` unlike its folder's name, typed as digits, with a space or as no id at all:
# case-mismatch, which says what to write, is the one finding at the value)
_SAID_BETTER = {"bad-pattern": _REFERENCE_CODES | {"case-mismatch"}, "wrong-type": frozenset({"unknown-resource", "case-mismatch"}),
                "several-ids": frozenset({"case-mismatch"}),
                **{code: frozenset({"several-ids"}) for code in _REFERENCE_CODES},
                **{code: frozenset({"sensitive-in-text", "sensitive-variant-in-text"})
                for code in ("pii-phone", "pii-account", "pii-bank-account", "pii-email", "pii-resident-number",
                             "pii-card", "pii-driver-license", "pii-passport")}}


# what the process and practice rules say of a case only because a record of this stage was not read
# (its file not named as a record): the intake's consents, the assessment's needs, the plan's goals …
DEPENDS_ON = {
    "intake": frozenset({"first-not-intake", "sharing-without-consent", "sharing-refused", "assessment-without-consent",
                         "plan-without-consent", "after-withdrawal"}),
    "assessment": frozenset({"plan-without-assessment", "unknown-need", "selection-before-assessment",
                             "reassessment-first", "unknown-member", "need-not-planned"}),
    "plan": frozenset({"needs-plan", "unknown-goal", "goal-without-plan", "activity-before-plan", "closure-goal-unevaluated",
                       "revised-plan-without-earlier", "service-not-in-plan"}),
    "closure": frozenset({"followup-before-closure"}),
}
# what the rules say of a later record only because an earlier one of this stage was not read: the
# first record needing a plan is where needs-plan is said (`03-plann.md` holding `stage: monitoring`:
# said at it once renamed, naming the intervention after it); a closure's goals judged with no 점검
DEPENDS_ON_EARLIER = {
    "intervention": frozenset({"needs-plan"}),
    "monitoring": frozenset({"needs-plan", "closure-without-monitoring"}),
}


WHAT_IT_HOLDS = {"intake": "접수 내용(동의 등)", "assessment": "사정 내용(욕구 등)", "plan": "계획 내용(목표 등)",
                 "closure": "종결 여부", "intervention": "실행 기록", "monitoring": "점검 기록"}


def _waits_for(f: Finding, u: Unread) -> bool:
    """Whether the case's finding `f` is made only because `u` was not read: a rule needing a record of
    its stage, said at a record `u` governs — one after it, up to and including the case's next record
    of that stage (a later plan's revised-plan-without-earlier, the work between the two's needs-plan),
    in its episode (a reopened case plans again) — or the gap its number leaves (`number-gap`: "restore
    05 from git")."""
    if f.code == "number-gap" and f.path == u.gap_at:
        return True
    if f.code in DEPENDS_ON_EARLIER.get(u.stage, ()):
        upto = u.until - 1
    elif f.code in DEPENDS_ON.get(u.stage, ()):
        upto = min(u.upto, u.until - 1)
    else:
        return False
    named = parse_record_name(f.path.rsplit("/", 1)[-1])
    return named is not None and u.nn < named[0] <= upto


def deferred(findings: list[Finding], unread: dict[str, list[Unread]]) -> list[Finding]:
    """`findings` without those a case's rules make only because one of its records was not read
    (`intake.md`: "first record is not the intake", "shared without consent" where the consents are in
    it; `05-monitor.md`: number 05 missing): the file's `bad-file-name` says how many wait for it to be
    renamed, and which."""
    if not unread:
        return findings
    out: list[Finding] = []
    waiting: dict[str, list[str]] = {}
    owner = {f"cases/{case}/": files for case, files in unread.items()}
    for f in findings:
        files = owner.get(f.path[: f.path.rfind("/") + 1]) if f.path.startswith("cases/") else None
        hit = next((u.rel for u in files or () if _waits_for(f, u)), None)
        if hit is None:
            out.append(f)
        else:
            waiting.setdefault(hit, []).append(f.code)
    said = {u.rel: u for files in unread.values() for u in files}
    for i, f in enumerate(out):
        if f.code == "bad-file-name" and f.path in waiting:
            u = said[f.path]
            codes = waiting[f.path]
            held = any(code != "number-gap" for code in codes)
            gap = "number-gap" in codes
            why = (f"이 파일의 {WHAT_IT_HOLDS[u.stage]}을(를) 읽지 못하고 순번 {u.nn:02d}도 빈 것으로 보여" if held and gap
                   else f"이 파일의 {WHAT_IT_HOLDS[u.stage]}을(를) 읽지 못해" if held
                   else f"이 파일을 기록으로 읽지 못해 순번 {u.nn:02d}이(가) 빈 것으로 보여")
            out[i] = finding(
                "bad-file-name", f.path, f.line, f.column, name=u.name, stages=", ".join(STAGES),
                hint=f"{u.hint} {why}, 그에 따라 달라지는 이 사례의 다른 기록 검사 {len(codes)}건은 이름을 고친 뒤 다시 "
                     "합니다.",
                hint_en=f"{u.hint_en} {len(codes)} finding(s) on the case's other records that depend on it "
                        f"({', '.join(dict.fromkeys(codes))}) wait until it is renamed;")
    return out




def folder_renamed(findings: list[Finding], layout: Layout) -> list[Finding]:
    """`findings` with the case-mismatch of every record of a case folder (two or more), all naming
    one case, made one `case-folder-renamed` at its first record: the folder renamed (`2026-001` for
    `2026-0001`) is one mistake, not one per record."""
    by_folder: dict[str, list[Finding]] = {}
    for f in findings:
        if f.code == "case-mismatch":
            by_folder.setdefault(f.path[: f.path.rfind("/")], []).append(f)
    drop: set[int] = set()
    said: list[Finding] = []
    for folder, found in by_folder.items():
        case = folder.rsplit("/", 1)[-1]
        values = {f.arg("value") for f in found}
        if len(found) < 2 or len(found) != len(layout.cases.get(case, ())) or len(values) != 1 or None in values:
            continue
        first = min(found, key=lambda f: f.path)
        drop.update(id(f) for f in found)
        said.append(finding("case-folder-renamed", first.path, first.line, first.column, value=values.pop(),
                            folder=case, count=len(found)))
    return [f for f in findings if id(f) not in drop] + said if said else findings


def resource_deleted(findings: list[Finding], root: Path, layout: Layout | None = None) -> list[Finding]:
    """`findings` with each `unknown-resource` whose resource file git knows was there (deleted in
    the working tree, or by a commit) telling how to bring it back: a resource deleted by mistake
    gave one bare error at every record naming it. One git call a resource id named so; nothing
    said without git or a repository."""
    refs = {ref for f in findings if f.code == "unknown-resource" and (ref := f.arg("ref")) is not None
            and valid_resource_id(ref)}
    if not refs:
        return findings
    gone: dict[str, str] = {}
    became: dict[str, str] = {}  # a deleted resource's id -> the resource it was renamed to (file and id alike)
    for ref in sorted(refs)[:MAX_DELETED_LOOKUPS]:
        rel = f"resources/{ref}.md"
        try:
            done = subprocess.run(git_command(root, "log", "--diff-filter=D", "--format=%h", "-1", "HEAD", "--", rel),
                                  capture_output=True, check=False, timeout=20)
            there = subprocess.run(git_command(root, "cat-file", "-e", f"HEAD:./{rel}"), capture_output=True,
                                   check=False, timeout=20)
        except (OSError, subprocess.SubprocessError):
            return findings
        commit = done.stdout.decode("ascii", "replace").strip() if done.returncode == 0 else ""
        if there.returncode == 0:  # in the last commit, gone from the folder: deleted and not committed
            gone[ref] = f"git checkout HEAD -- {rel}"
        elif commit:
            gone[ref] = f"git checkout {commit}^ -- {rel}"
        if ref in gone and layout is not None:
            new = _renamed_to(root, "HEAD" if there.returncode == 0 else f"{commit}^", rel, layout.resource_names)
            if new is not None:
                became[ref] = new
    if not gone:
        return findings
    out = []
    for f in findings:
        ref = f.arg("ref") if f.code == "unknown-resource" else None
        if ref is not None and ref in became:
            new = became[ref]
            f = finding("unknown-resource", f.path, f.line, f.column, ref=ref,
                        hint=f" 자원 파일 resources/{ref}.md의 이름과 id가 '{new}'(으)로 바뀌었습니다(같은 자원 이름). "
                             f"기록의 '{ref}'를 '{new}'(으)로 고치세요. 바꾸려던 것이 아니면 되돌리세요: {gone[ref]}",
                        hint_en=f" resources/{ref}.md was renamed to resources/{new}.md (the same resource name): write "
                                f"'{new}' here, or bring the old file back: {gone[ref]}")
        elif ref is not None and ref in gone:
            f = finding("unknown-resource", f.path, f.line, f.column, ref=ref,
                        hint=f" 자원 파일 resources/{ref}.md가 지워졌습니다. 실수였다면 되돌리세요: {gone[ref]} "
                             "(서비스가 끝난 자원이면 파일을 두고 status: inactive로 적습니다).",
                        hint_en=f" resources/{ref}.md was deleted; if by mistake, bring it back: {gone[ref]}")
        out.append(f)
    return out


_NAME_LINE = re.compile(r"""^name:[ \t]*(["']?)(.*?)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def _renamed_to(root: Path, source: str, rel: str, names: dict[str, str]) -> str | None:
    """The resource of the casebook that the deleted `rel` (as git keeps it at `source`) became, its
    file and id renamed alike: the one resource with the deleted file's `name`."""
    try:
        shown = subprocess.run(git_command(root, "show", f"{source}:./{rel}"), capture_output=True, check=False, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    if shown.returncode != 0 or len(shown.stdout) > 1 << 20:
        return None
    m = _NAME_LINE.search(shown.stdout.decode("utf-8", "replace").split("\n---", 1)[0])
    name = m.group(2).strip() if m else ""
    same = [rid for rid, other in names.items() if name and other == name]
    return same[0] if len(same) == 1 else None


MAX_DELETED_LOOKUPS = 20  # resource ids asked of git in one check (a casebook with hundreds missing: its first)


# a case id first, then words after a space, `_` or `-` (2026-0001_박영수, 2026-0003 김○○, 2026-0001-홍길동): the
# client's name, or a note, added to the folder's name
_ID_THEN_WORDS = re.compile(r"([A-Za-z0-9][A-Za-z0-9_-]*)(.*[^\x00-\x7f].*)")
_CASE_LINE = re.compile(r"""^case:[ \t]*(["']?)([^"'#\s]+)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def _id_with_words(entry: os.DirEntry[str]) -> tuple[str, str] | None:
    """The hint for a case folder named with words after its id (`2026-0001_박영수`): the id to rename it
    to (the one its records' `case:` all give, else the id the name starts with) and that a folder's name
    is seen by everyone (the site's addresses, git's history): no client's name there. None when the name
    is not of that shape."""
    lead = _ID_THEN_WORDS.match(entry.name)
    named = lead.group(1).rstrip("_-") if lead is not None else None
    records = records_in(entry)
    said = {_front_value(os.path.join(entry.path, name), _CASE_LINE) for name in records}
    given = next(iter(said)) if len(said) == 1 else None
    if given is not None and valid_case_id(given) and (given == named or not os.path.lexists(
            os.path.join(os.path.dirname(entry.path), given))):  # (not another case's: a record copied in)
        meant = given
        why = (f"이 폴더의 기록 {len(records)}개가 모두 case: \"{given}\"입니다" if len(records) > 1 else
               f"이 폴더의 기록이 case: \"{given}\"입니다", f"its record(s) say case: \"{given}\"")
    elif named is not None and valid_case_id(named):
        meant = named
        why = (f"사례 번호 {named} 뒤에 글자가 붙어 있습니다", f"words follow the case id {named}")
    else:
        return None
    return (f" {why[0]}. 폴더 이름을 {meant}(으)로 바꾸세요. 폴더 이름은 사이트 주소와 git 기록에 그대로 보이니 대상자 "
            "이름 같은 개인정보는 넣지 마세요.",
            f"; {why[1]}: rename the folder {meant}. A folder's name is seen in the site's addresses and in git's "
            "history: keep a client's name out of it")


def _front_value(path: str, line: re.Pattern[str]) -> str | None:
    """Group 2 of `line` in the front matter of the file at `path` (its first 64 KiB, read never through a
    link nor blocking on a FIFO), when it starts with one; None otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                return None
            head = f.read(1 << 16).decode("utf-8", "replace")
    except OSError:
        return None
    if not head.lstrip("\ufeff").startswith("---"):
        return None
    m = line.search(head.split("\n---", 1)[0])
    return m.group(2) if m is not None else None


_ID_LINE = re.compile(r"""^id:[ \t]*(["']?)([a-z0-9][a-z0-9-]*)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def _front_id(entry: os.DirEntry[str]) -> str | None:
    """The `id:` a resource file's front matter gives (read from its first 64 KiB, never through a link
    nor blocking on a FIFO), when it is a resource id; None otherwise."""
    found = _front_value(entry.path, _ID_LINE)
    return found if found is not None and valid_resource_id(found) else None


def _naming(findings: list[Finding], ids: dict[str, str]) -> dict[str, list[Finding]]:
    """The unknown-resource findings of `findings` naming each of `ids`."""
    naming: dict[str, list[Finding]] = {}
    for f in findings if ids else ():
        if f.code == "unknown-resource" and (ref := f.arg("ref")) is not None and ref in ids:
            naming.setdefault(ref, []).append(f)
    return naming


def resource_renamed(findings: list[Finding], layout: Layout) -> list[Finding]:
    """`findings` with a resource file renamed (gaon-food-bank.md saved as gaon-foodbank.md, its `id`
    kept: `Layout.renamed_resources`) said once: its resource-id-mismatch becomes one
    `resource-file-renamed` naming the records that still name the id, whose unknown-resource
    findings (each guessing the new name: the typo) it stands for, also when the resources are
    not among what was checked (`casekit check cases/<id>`: the case's findings as a full check gives them)."""
    renamed = layout.renamed_resources
    naming = _naming(findings, renamed)
    if not naming:
        return findings
    mismatch = {value: f for f in findings if f.code == "resource-id-mismatch"
                and (value := f.arg("value")) is not None and value in naming}
    drop = {id(f) for found in naming.values() for f in found} | {id(f) for f in mismatch.values()}
    said = [finding("resource-file-renamed", f.path, f.line, f.column, value=v, name=renamed[v],
                    count=len({x.path for x in naming[v]}), refs=len(naming[v])) for v, f in mismatch.items()]
    return [f for f in findings if id(f) not in drop] + said


def resource_misnamed(findings: list[Finding], layout: Layout) -> list[Finding]:
    """`findings` with a resource file saved under a name that is no resource id (gaon-food-bank.md as
    `가온 푸드뱅크.md`, its `id` kept: `Layout.misnamed_resources`) said once: its bad-resource-id and
    the unknown-resource findings of the records that name its id (15 in five cases for the sample's
    food bank) become one `resource-file-renamed` at the file, naming the id to give it back."""
    misnamed = layout.misnamed_resources
    naming = _naming(findings, misnamed)
    if not naming:
        return findings
    files = {misnamed[v] for v in naming}
    drop = {id(f) for found in naming.values() for f in found}
    drop |= {id(f) for f in findings if f.code == "bad-resource-id" and f.path in files}
    said = [finding("resource-file-renamed", misnamed[v], None, None, value=v, name=posixpath.basename(misnamed[v]),
                    count=len({x.path for x in found}), refs=len(found)) for v, found in naming.items()]
    return [f for f in findings if id(f) not in drop] + said


# what a case's process rules say of a record only because it stands in that case: its order among
# the case's records, its goals and needs against the case's plan and assessment, its date against theirs
_OF_ITS_PLACE = ORDER_CODES | frozenset().union(*DEPENDS_ON.values()) | frozenset({
    "goal-not-monitored", "date-decreasing", "date-year-typo", "activity-after-record", "activity-before-plan", "task-before-meeting",
    "service-not-in-plan", "number-gap", "record-copied", "worker-changed-unrecorded", "case-copied"})


def copied_in(findings: list[Finding]) -> list[Finding]:
    """`findings` without what the case's rules say of a record whose `case` names another case (a
    record copied in from another case, most often): its case-mismatch says to move it or make it
    this case's, and its goals, dates and order were that other case's (a monitoring record copied
    from 2026-0001 into 2026-0002 also gave two goal-not-monitored and a date-decreasing)."""
    mismatched = {f.path for f in findings if f.code == "case-mismatch"}
    if not mismatched:
        return findings
    return [f for f in findings if not (f.path in mismatched and f.code in _OF_ITS_PLACE)]


_RENAME_TO = re.compile(r"(?:rename this record|then name this one) (\S+\.md)")
_RENAME_NAME = re.compile(r"(?<![0-9A-Za-z])[0-9]{2}-[a-z]+\.md(?![0-9A-Za-z])")  # (\b: 로 after it is a letter too)


def templates_outside(root: Path) -> list[Finding]:
    """`templates/` or a `templates/<stage>.md` that is a link out of the casebook (to
    /etc/hostname, say): `casekit new` and `add` refuse it; check says so before anyone runs them."""
    folder = root / "templates"
    if not os.path.lexists(folder):
        return []
    if not inside(root, folder):
        return [finding("symlink-outside", "templates", None, None, target=_link_target(folder))]
    out = []
    for stage in STAGES:
        path = folder / f"{stage}.md"
        if os.path.lexists(path) and not inside(root, path):
            out.append(finding("symlink-outside", f"templates/{stage}.md", None, None, target=_link_target(path)))
    return out


# the casebook's own folders, with what a file (or a pipe) in a folder's place costs
_TOP_FOLDERS = {
    "cases": ("사례 기록이 하나도 검사되지도 게시되지도 않았고, `casekit new`도 사례를 만들 수 없습니다.",
              "no record was checked or published, and `casekit new` cannot make a case"),
    "resources": ("자원이 하나도 검사되지도 게시되지도 않았습니다.", "no resource was checked or published"),
    "schemas": ("casekit 기본 스키마로 대신 검사했습니다.", "the shipped schemas were used instead"),
    "templates": ("`casekit new`와 `add`는 casekit 기본 서식을 씁니다.", "`casekit new` and `add` use the shipped templates"),
}


def folders_not_folders(root: Path) -> list[Finding]:
    """`cases`, `resources`, `schemas` or `templates` that is there but no folder (a file saved
    under the name, a pipe): it was read as missing and the check said nothing. Missing is no
    finding (a new casebook; the shipped schemas and templates stand in); a link out of the
    casebook is symlink-outside, said where it is listed."""
    out = []
    for name, (effect, effect_en) in _TOP_FOLDERS.items():
        path = root / name
        if not os.path.lexists(path) or not inside(root, path) or path.is_dir():
            continue
        regular = path.is_file()
        out.append(finding("folder-not-folder", name, None, None, name=name,
                           kind="파일" if regular else "파이프나 장치 같은 특수 파일",
                           kind_en="a file" if regular else "a special file (a pipe or a device)",
                           effect=effect, effect_en=effect_en))
    return out


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path) if path.is_symlink() else str(path)
    except OSError:
        return str(path)


def one_rename(findings: list[Finding]) -> list[Finding]:
    """`findings` with one new name for a file both `duplicate-number` and `stage-mismatch` tell to
    rename (an intervention saved as 04-monitoring.md beside 04-intervention.md: 05-intervention.md,
    the free number duplicate-number names; stage-mismatch, made from the file alone, named the
    taken 04-intervention.md)."""
    free = {f.path: m.group(1) for f in findings
            if f.code == "duplicate-number" and (m := _RENAME_TO.search(f.message_en)) is not None}
    if not free:
        return findings
    out = []
    for f in findings:
        name = free.get(f.path) if f.code == "stage-mismatch" else None
        if name is not None:
            f = dataclasses.replace(f, message_ko=_RENAME_NAME.sub(name, f.message_ko),
                                    message_en=_RENAME_NAME.sub(name, f.message_en))
        out.append(f)
    return out


def one_per_place(findings: list[Finding]) -> list[Finding]:
    """`findings` without one that another at the same place says better (`_SAID_BETTER`): a
    bad-pattern where an unknown-goal/need/resource stands, a PII pattern where the value is named
    as a sensitive value of the casebook (one finding for one number, not two at one column)."""
    better = {code for codes in _SAID_BETTER.values() for code in codes}
    places: dict[tuple[str, int | None, int | None], set[str]] = {}
    for f in findings:
        if f.code in better:
            places.setdefault((f.path, f.line, f.column), set()).add(f.code)
    if not places:
        return findings
    return [f for f in findings
            if not (f.code in _SAID_BETTER and _SAID_BETTER[f.code] & places.get((f.path, f.line, f.column), set()))]


def scan(root: Path) -> Layout:
    """List the casebook's records and resources; bad names and escaping links become findings."""
    root = Path(os.path.realpath(root))
    layout = Layout()
    for entry, rel in _listing(root, root / "cases", "cases", layout.findings):
        if not entry.is_dir():
            if (parse_record_name(entry.name) is not None or looks_like_record(entry.name)) \
                    and not entry.name.startswith(OWNER_FILE):  # cases/03-plan.md
                layout.findings.append(finding("record-outside-case", rel, None, None, name=entry.name))
            else:
                layout.findings.append(_unexpected(rel, entry.name))
            continue
        if not valid_case_id(entry.name) and (within := _cases_within(root, entry, rel)):  # cases/종결/2026-0003/
            layout.findings += within
            continue
        if not valid_case_id(entry.name):
            why, why_en, meant = case_id_problem(entry.name)
            hint = (f"{why} 폴더 이름을 {meant}(으)로 바꾸세요.", f"{why_en}; rename the folder {meant}") if meant \
                else (why, why_en)
            copied = copy_of(entry.name + ".md")  # `2026-0002 (1)`, `2026-0002 - 복사본`: a copy of a case's folder
            original = copied[0][:-3] if copied is not None else None
            if original is not None and valid_case_id(original) and (root / "cases" / original).is_dir():
                hint = (f" 사례 폴더 {original}의 복사본으로 보입니다(동기화 프로그램이나 탐색기가 만든 것). "
                        f"{original}에 없는 내용만 옮기고 이 폴더는 지우세요.",
                        f"; it looks like a copy of case folder {original} (a sync client's or a file manager's): "
                        f"move anything {original} lacks into it, then delete this folder")
            elif meant is None and (named := _id_with_words(entry)) is not None:
                hint = named
            layout.findings.append(finding("bad-case-id", rel, None, None, name=entry.name, hint=hint[0],
                                           hint_en=hint[1]))
            continue
        records = layout.cases.setdefault(entry.name, [])
        misnamed: list[tuple[str, str, str | None]] = []  # (name, path in the casebook, on disk when a file)
        moved: list[Finding] = []  # case folders moved into this one
        for item, irel in _listing(root, entry.path, rel, layout.findings, listed=True):
            parsed = parse_record_name(item.name)
            if parsed is not None and item.is_file():
                records.append(RecordFile(entry.name, parsed[0], parsed[1], item.path, irel, item))
            elif item.name == HANDOVER_FILE and item.is_file():
                layout.handovers[entry.name] = (Path(item.path), irel)
            elif item.name == HANDOVER_FILE:  # a folder, a FIFO, a device: not a file to delete unread
                layout.findings.append(finding("file-unreadable", irel, None, None,
                                               reason=_not_a_file(item, ("담당자 변경 파일", "handover file"))))
            elif parsed is not None:  # named as a record, but a folder, a FIFO, a device, a broken link
                layout.findings.append(finding("file-unreadable", irel, None, None, reason=_not_a_file(item)))
            elif item.name.startswith(OWNER_FILE) and item.is_file():  # ~$-intervention.md: Word's or 한글's, no record
                layout.findings.append(_unexpected(irel, item.name))
            elif looks_like_record(item.name) or copy_of(item.name) is not None:  # `#01-intake.md#` too
                misnamed.append((item.name, irel, item.path if item.is_file() else None))
            elif close_to(item.name, [HANDOVER_FILE]) is not None and item.is_file():  # handover.yaml, Handover.yml
                layout.findings.append(finding(
                    "unexpected-file", irel, None, None, name=item.name, where="사례 폴더", where_en="the case folder",
                    what="기록", what_en="a record",
                    hint=f". 담당자 변경 파일이라면 이름을 {HANDOVER_FILE}(으)로 바꾸세요: 이 이름으로는 읽지 않습니다.",
                    hint_en=f"; if it records handovers, rename it {HANDOVER_FILE}: it is not read under this name"))
            elif (nested := _case_within(root, item, irel, entry.name)) is not None:  # cases/2026/2026-0003/
                moved.append(nested)
            elif (inside := records_in(item)):  # cases/<id>/old/06-monitoring.md: put away, and never read
                shown = ", ".join(inside[:3]) + (" …" if len(inside) > 3 else "")
                layout.findings.append(finding("folder-in-case", irel, None, None, name=item.name, count=len(inside),
                                               names=shown))
            else:
                layout.findings.append(_unexpected(irel, item.name))
        if misnamed:
            _misnamed(layout, entry.name, records, misnamed)
        if moved:
            layout.findings += moved
            if not records and not misnamed and entry.name not in layout.handovers:
                del layout.cases[entry.name]  # cases/2026/: a folder of cases, not a case without records
        if layout.findings and (layout.findings[-1].code, layout.findings[-1].path) == ("folder-unreadable", rel):
            del layout.cases[entry.name]  # not an empty case: one we could not read
    copies: list[tuple[str, str, tuple[str, str]]] = []
    for entry, rel in _listing(root, root / "resources", "resources", layout.findings):
        stem = entry.name[:-3] if entry.name.endswith(".md") else None
        if stem is not None and valid_resource_id(stem) and entry.is_file():
            layout.resources[stem] = (Path(entry.path), rel)
        elif stem is not None and valid_resource_id(stem):  # a good name, but a folder, a FIFO, a broken link
            layout.findings.append(finding("file-unreadable", rel, None, None,
                                           reason=_not_a_file(entry, ("자원", "resource"))))
        elif entry.name.startswith(OWNER_FILE) and entry.is_file():  # ~$on-food-bank.md: Word's or 한글's, no resource
            layout.findings.append(_unexpected(rel, entry.name))
        elif (copy := copy_of(entry.name)) is not None and valid_resource_id(copy[0][:-3]):
            copies.append((rel, entry.name, copy))  # said once every resource is known
        elif stem is None:
            layout.findings.append(_unexpected(rel, entry.name))
        else:
            layout.findings.append(finding("bad-resource-id", rel, None, None, name=entry.name))
            own = _front_id(entry) if entry.is_file(follow_symlinks=False) else None
            if own is not None and own not in layout.resources:
                layout.misnamed_resources.setdefault(own, rel)
    for rel, name, copy in copies:
        layout.findings.append(_copy_finding(rel, name, *copy) if copy[0][:-3] in layout.resources
                               else finding("bad-resource-id", rel, None, None, name=name) if name.endswith(".md")
                               else _unexpected(rel, name))
    return layout



def _stage_said(stage: str) -> tuple[str, str]:
    return f"{STAGE_KO[stage]}({stage})", stage


def _misnamed(layout: Layout, case: str, records: list[RecordFile],
              misnamed: list[tuple[str, str, str | None]]) -> None:
    """`bad-file-name` for each file of a case folder named unlike a record (`intake.md`, `03-plann.md`,
    `03-plan (1).md`), with the name to give it, or `copy-file` for a copy of a record that is there; a
    record not read under its name goes into `layout.unread`. What the file's front matter says it is
    (`stage: plan`) wins over what its name is guessed to be; where the two differ, both are named."""
    taken = {r.nn for r in records}
    in_case = [(r.nn, r.stage) for r in records]  # (a name without a number takes the one its stage's order gives)
    present = {os.path.basename(r.rel) for r in records}
    fronts = {name: front_stage(disk, irel) for name, irel, disk in misnamed}
    copy_names = {name: copy_of(name) for name, _, _ in misnamed}
    originals: dict[str, str] = {}  # a copy -> the record it copies (`03-paln (1).md`: 03-plan.md)
    for name, c in copy_names.items():
        original = (c[0] if parse_record_name(c[0]) is not None else record_name_for(c[0], 0)) if c else None
        front = fronts[name]
        if original is not None and (front is None or front.stage in (None, original[3:-3])):  # (else: no copy of it)
            originals[name] = original
    # copies of one record whose original is not there (03-plan (1).md and 03-plan - 복사본.md):
    # each is told of the others, and the one name the right one is to take
    orphans: dict[str, list[str]] = {}
    for name, copied in originals.items():
        if copied not in present:
            orphans.setdefault(copied, []).append(name)
    claimed: dict[str, str] = {}  # an original missing -> the name its copies are told
    meant: str | None
    for name, irel, _ in misnamed:  # said with the name meant (the case's next number when none was written)
        copy, original = copy_names[name], originals.get(name)
        if copy is not None and original in present:  # a sync client's, an editor's or a person's copy: one finding naming it
            layout.findings.append(_copy_finding(irel, name, original, copy[1]))
            continue
        if original is not None and len(orphans[original]) > 1:
            if original not in claimed:
                claimed[original] = _claim(original, taken)
            meant = claimed[original]
            others = ", ".join(f"'{n}'" for n in orphans[original] if n != name)
            hint = (f" {others}와(과) 함께 {original}의 사본으로 보이는데, {original}이(가) 없습니다. 내용을 "
                    f"비교해 맞는 하나를 {meant}(으)로 바꾸고 나머지는 지우세요.",
                    f" it and {others} look like copies of {original}, which is missing: compare them, "
                    f"rename the right one {meant} and delete the others;")
            layout.findings.append(finding("bad-file-name", irel, None, None, name=name, stages=", ".join(STAGES),
                                           hint=hint[0], hint_en=hint[1]))
            _unread(layout, case, records, irel, name, meant, hint)
            continue
        number, guessed = (int(original[:2]), original[3:-3]) if original is not None else name_parts(name)
        front = fronts[name]
        # the front matter decides for a name shaped as a record's (a number or a stage word in it), or
        # one naming this case (`notes.md` holding a memo is no record, nor is told to become one)
        told = front.stage if front is not None and (number or guessed or front.case == case) else None
        stage = told or guessed
        meant = None
        if stage is not None:
            nn = number or number_in_order(stage, in_case)
            meant = _claim(f"{nn:02d}-{stage}.md", taken) if nn <= 99 else None
        odd, odd_en = odd_hint(name)  # a trailing space: the name meant would look the same as this one
        odd_en = f" {odd_en};" if odd_en else ""
        where: tuple[int | None, int | None] = (None, None)
        if meant is None or meant == name:
            hint = (odd, odd_en)
        elif told is not None and front is not None and guessed is not None and told != guessed:
            # 03-plann.md holding `stage: monitoring`: the content says one stage, the name another
            alt = f"{meant[:2]}-{guessed}.md"
            said, said_g = _stage_said(told), _stage_said(guessed)
            hint = (f"{odd} 이름은 {said_g[0]} 기록 같지만 이 파일 {front.line}행(머리말)에는 stage: {told}(으)로 "
                    f"적혀 있습니다. {STAGE_KO[told]} 기록이면 {meant}(으)로 바꾸고, {STAGE_KO[guessed]} 기록이면 "
                    f"stage를 {guessed}(으)로 고친 뒤 {alt}(으)로 바꾸세요.",
                    f"{odd_en} its name reads as {said_g[1]}, but its front matter says stage: {told} (line "
                    f"{front.line}): a {said[1]} record is to be renamed {meant}; a {said_g[1]} record gets "
                    f"stage: {guessed} and the name {alt}.")
            where = (front.line, front.column)
        elif told is not None and front is not None and guessed is None:  # 03-xyz.md holding `stage: plan`
            hint = (f"{odd} 이 파일 {front.line}행(머리말)의 stage: {told}에 따라 {meant}(으)로 바꾸세요.",
                    f"{odd_en} as its front matter says stage: {told} (line {front.line}), rename it {meant}.")
            where = (front.line, front.column)
        else:
            hint = (f"{odd} {meant}(으)로 바꾸세요.", f"{odd_en} rename it {meant}.")
        layout.findings.append(finding("bad-file-name", irel, *where, name=name, stages=", ".join(STAGES),
                                       hint=hint[0], hint_en=hint[1]))
        if meant is not None:
            _unread(layout, case, records, irel, name, meant, hint)


def _unread(layout: Layout, case: str, records: list[RecordFile], rel: str, name: str, meant: str,
            hint: tuple[str, str]) -> None:
    """Note the file at `rel`, a record of the case not read under its name `name` (to be `meant`):
    the findings that follow only from its absence wait for it (`deferred`)."""
    named = parse_record_name(meant)
    if named is None:
        return
    nn, stage = named
    later = [r for r in records if r.nn > nn]
    gap_at = min(later, key=lambda r: r.nn).rel if later and all(r.nn != nn for r in records) else None
    upto = min((r.nn for r in records if r.stage == stage and r.nn > nn), default=100)  # the next such record
    until = min((r.nn for r in records if r.stage == "intake" and r.nn > nn), default=100)
    layout.unread.setdefault(case, []).append(Unread(rel, name, nn, stage, upto, gap_at, *hint, until=until))


def _claim(name: str, taken: set[int]) -> str:
    """The record name `name`, or with the case's next number when another record has its number
    (never a name another record has); its number then taken."""
    if int(name[:2]) in taken:
        name = f"{max(taken) + 1:02d}{name[2:]}"
    taken.add(int(name[:2]))
    return name


def _copy_finding(rel: str, name: str, original: str, by: str) -> Finding:
    """A copy a sync client, a person or an editor left beside `original`. A sync client's (`01-intake (1).md`)
    or a person's (`03-plan_최종.md`, `03-plan-old.md`)
    is an error, as a misnamed record is: two versions of one record, never checked as a record, and
    the site is not built while it is there, so no half-merged case is published and no later text
    is silently passed over. An editor's or a merge tool's backup (`01-intake.md~`, `#01-intake.md#`,
    `.orig`) is a warning: editors make them on every save, and they are neither checked nor published."""
    return finding("backup-file" if by == "editor" else "copy-file", rel, None, None, name=name, original=original,
                   by=COPY_BY[by][0], by_en=COPY_BY[by][1])


@dataclass
class Resource:
    id: str
    rel: str
    parsed: Parsed | None


@dataclass
class Report:
    """Everything `check` learnt: findings, and per case the summaries (and parsed records, kept on request)."""

    root: Path
    config: Config
    schemas: SchemaSet
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    handover_files: int = 0  # of `files`: the cases' handover.yml (neither records nor resources)
    records: list[str] = field(default_factory=list)  # the records checked (their paths)
    signatures: dict[str, Signature | None] = field(default_factory=dict)  # each as it was checked
    parsed: dict[str, Parsed | None] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    handovers: dict[str, list[Handover]] = field(default_factory=dict)  # case -> its handovers, in file order
    pictures: Pictures = field(default_factory=Pictures)  # the docs/ images the bodies' pictures were looked up in
    docs_published: dict[str, str] = field(default_factory=dict)  # docs/ pages and files by casebook path: site location
    make_summaries: Callable[[], dict[str, list[Summary]]] | None = field(default=None, repr=False)
    _summaries: dict[str, list[Summary]] | None = field(default=None, repr=False)

    @property
    def summaries(self) -> dict[str, list[Summary]]:
        """Per case checked, its records' summaries in order (made when first asked for)."""
        if self._summaries is None:
            self._summaries = self.make_summaries() if self.make_summaries is not None else {}
        return self._summaries

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def _record_reader(layout: Layout) -> Callable[[str], str | None]:
    """A record's text by its casebook path (None: not a record of `layout`, or unreadable)."""
    disks = {rf.rel: rf.disk for records in layout.cases.values() for rf in records}

    def read(rel: str) -> str | None:
        return read_file(disks[rel], rel)[0] if rel in disks else None

    return read


def _select(root: Path, layout: Layout, targets: list[Path] | None) -> tuple[set[str] | None, bool]:
    """Which cases (None: all) and whether resources are checked, for the paths asked for."""
    if not targets:
        return None, True
    cases: set[str] = set()
    with_resources = False
    for target in targets:
        t = Path(os.path.abspath(target))
        if inside(root, t):
            rel = Path(os.path.realpath(t)).relative_to(root).parts
        else:  # judged by where it is written: a link in the casebook leading out (or nowhere) is its case's,
            # whose check says where it leads (symlink-outside)
            written = Path(os.path.realpath(t.parent)) / t.name
            if written == root or not written.is_relative_to(root):
                raise CasebookError(f"사례집 밖의 경로입니다 (outside the casebook {root}): {target}")
            rel = written.relative_to(root).parts
        if not rel:
            return None, True
        if rel[0] == "cases" and len(rel) == 1:
            cases.update(layout.cases)
        elif rel[0] == "cases":
            cases.add(rel[1])
        elif rel[0] == "resources":
            with_resources = True
        elif rel[0] in ("schemas", "templates") or t.is_file():
            return None, True
    return cases, with_resources


def check(
    root: Path,
    targets: list[Path] | None = None,
    keep: bool = False,
    *,
    jobs: int | None = None,
    cache: bool = True,
    today: dt.date | None = None,
) -> Report:
    """Check the casebook at `root` (or only the cases/resources under `targets`). Never writes
    the casebook; keeps what it learnt in the cache (see casekit.core.cache) unless `cache` is False.

    Whatever the targets, every record contributes its sensitive values (from the cache when
    unchanged), so a value of another case is found in the ones checked. `jobs`: processes to
    check records with (default: every core); `keep`: parse every record and keep the result.
    """
    started = time.time_ns()
    root = Path(os.path.realpath(root))
    jobs = jobs or default_jobs()
    today = today or clock.today()
    day = today.isoformat()
    config = load_config(root)
    schema_dir = root / "schemas"
    outside = (schema_dir.exists() or schema_dir.is_symlink()) and not inside(root, schema_dir)
    schemas = SchemaSet.load(None if outside else schema_dir)
    report = Report(root=root, config=config, schemas=schemas)
    layout = scan(root)
    wanted, with_resources = _select(root, layout, targets)
    findings = [*config.findings, *check_site_settings(root), *schemas.findings]
    if outside:  # never read schemas from outside the casebook: the shipped defaults stand in
        target = os.readlink(schema_dir) if schema_dir.is_symlink() else str(schema_dir)
        findings.append(finding("symlink-outside", "schemas", None, None, target=target))
    findings += templates_outside(root) + folders_not_folders(root) + check_templates(root, schemas)
    findings += [f for f in layout.findings + collisions(layout.cases, config.ids) if _wanted(f.path, wanted, with_resources)]
    settings = [config.deadlines, config.pii_allow, config.lang, config.allow_resident_number]
    store = Cache(root if cache else None, cache_key(schemas.schemas, schemas.errors, settings), started)
    docs = scan_docs(root)  # (the images the pictures of bodies may name; its findings: a full check's)
    pictures = report.pictures = docs.pictures
    published_docs = report.docs_published = docs.published()
    linkable = functools.cache(lambda: _targets(layout, published_docs))  # (made when a body links the casebook)
    anchors = _anchors_of(str(root))  # (a file's read when a link names one of its headings)

    resources: list[Published] = []
    inactive: set[str] = set()
    allow_list = allowed_numbers(config.pii_allow)
    for rid, (disk, rel) in layout.resources.items():
        fs, parsed = _check_resource(rid, disk, rel, schemas)
        if parsed is not None and parsed.data is not None:
            fs += mobiles_published(parsed, "resource", rel, schemas, allow_list)
        if parsed is not None and parsed.data is not None:
            resources.append(published(parsed, rel, schemas.sensitive_paths.get("resource", [])))
            name = parsed.data.get("name")
            layout.resource_names[rid] = name.strip() if isinstance(name, str) else ""
            own = parsed.data.get("id")
            if isinstance(own, str) and own != rid and own not in layout.resources:
                layout.renamed_resources[own] = rid
            if parsed.data.get("status") == "inactive":
                inactive.add(rid)
        report.files += 1
        if keep:
            report.resources[rid] = Resource(rid, rel, parsed)
        if with_resources:
            findings += fs
            if parsed is not None:
                findings += scan_parsed(parsed, rel, schemas.unscanned_paths("resource"), config.pii_allow, today)
                findings += stalling_paragraphs(parsed.body, rel, parsed.body_line)
                findings += pasted_tables(parsed.body, rel, parsed.body_line)
                findings += outside_content(parsed.body, rel, parsed.body_line)
                findings += template_tags(parsed.body, rel, parsed.body_line)
                links = body_links(parsed.body, parsed.body_line)
                findings += outside_links(rel, links) + (missing_links(rel, links, linkable()) if links else [])
                links += own_heading_links(parsed.body, parsed.body_line)
                if any("#" in address for _, _, address in links):
                    findings += heading_findings(rel, links, linkable(), anchors)
                findings += pictures.findings(rel, parsed.body, parsed.body_line)

    if wanted is None:  # (a full check's, as the docs/ pages' other findings)
        findings += docs_link_findings(docs.pages, published_docs, linkable)

    # the published texts of this run: in the temporary folder, else the cache's, else in memory
    spool = Spool([None, str(store.folder.parent) if store.folder else None])
    if spool.folder is None:
        jobs = 1
    try:
        with no_gc():
            # keep: checked as always (on every core, from the cache), then every record read
            # again for its values alone, also on every core, and kept if it is still the file
            # that was checked; else everything again, parsed and checked here in one go
            files = report.files  # (the resources so far)
            done = _check(root, wanted, with_resources, layout, config, schemas, store, report, list(findings),
                          resources, inactive, spool, day, jobs, False, docs, linkable, anchors)
            if keep and not _load_parsed(done, jobs):
                again = Report(root=root, config=config, schemas=schemas, files=files, resources=report.resources,
                               pictures=pictures, docs_published=published_docs)
                done = _check(root, wanted, with_resources, layout, config, schemas, store, again, findings,
                              resources, inactive, spool, day, jobs, True, docs, linkable, anchors)
            return done
    finally:
        spool.remove()


def _front_values(text: str, rel: str) -> tuple[str, array[int]]:
    """A docs page's front-matter values as YAML reads them, packed as a record's published fields
    (the page's whole text is scanned as written too): `title: "\\ubc15…"` spells a name in escapes
    that only the reading shows, and MkDocs publishes the title."""
    if not text.startswith("---"):
        return "", array("I")
    parsed = split(text, rel)
    return public_fields(parsed, []) if parsed.data is not None else ("", array("I"))


def _anchors_of(root: str) -> Callable[[str], Anchors | None]:
    """The `heading_anchors` of the body of a record or resource of the casebook at `root`, each
    file read once (None when it cannot be read)."""
    known: dict[str, Anchors | None] = {}

    def anchors(rel: str) -> Anchors | None:
        if rel not in known:
            text, _, _ = read_signed(os.path.join(root, rel), rel)
            known[rel] = None if text is None else heading_anchors(split(text, rel).body)
        return known[rel]

    return anchors


def _targets(layout: Layout, docs: dict[str, str]) -> Targets:
    """What the links of bodies may name: every record and resource of the casebook, whatever
    is checked, and the published docs/ pages and files."""
    records = [rf.rel for files in layout.cases.values() for rf in files]
    return Targets.of(records, [rel for _, rel in layout.resources.values()], docs.items())


def _load_parsed(report: Report, jobs: int) -> bool:
    """Every record `report` checked, parsed again (values and body; no positions) into
    `report.parsed`; False (and nothing kept) when any is not the file that was checked."""
    loaded = run_all(load_record, [Task.of(str(report.root), rel) for rel in report.records], (), jobs, chunk=256)
    for rel, (sig, _) in zip(report.records, loaded, strict=True):
        if sig is None or sig != report.signatures.get(rel):
            return False
    report.parsed = {rel: parsed for rel, (_, parsed) in zip(report.records, loaded, strict=True)}
    return True


def _check(
    root: Path, wanted: set[str] | None, with_resources: bool, layout: Layout, config: Config, schemas: SchemaSet,
    store: Cache, report: Report, findings: list[Finding], resources: list[Published], inactive: set[str],
    spool: Spool, day: str, jobs: int, keep: bool, docs: DocsScan, linkable: Callable[[], Targets],
    anchors: Callable[[str], Anchors | None],
) -> Report:
    entries, computed = _records(layout, schemas, config, store, day, jobs, keep, report, spool, report.pictures)
    chosen = [c for c in layout.cases if wanted is None or c in wanted]
    for case in chosen:
        for rf in layout.cases[case]:
            findings += entries[rf.rel].findings
            links = entries[rf.rel].links
            if links:
                findings += missing_links(rf.rel, links, linkable())
                if any("#" in address for _, _, address in links):
                    findings += heading_findings(rf.rel, links, linkable(), anchors)
            report.records.append(rf.rel)
            report.signatures[rf.rel] = entries[rf.rel].signature
        report.files += len(layout.cases[case])

    def case_summaries(c: str) -> list[Summary]:  # (one case's: the others' stay unread)
        return report._summaries[c] if report._summaries is not None else \
            sorted((entries[rf.rel].summary for rf in layout.cases[c]), key=record_order)

    def summaries() -> dict[str, list[Summary]]:
        return {c: case_summaries(c) for c in chosen}

    report.make_summaries = summaries
    handover_units: list[Unit] = []
    parsed_handovers: dict[str, Parsed | None] = {}  # (read once: the worker ids across cases read them again)
    for case in chosen:  # 담당자 변경: validated against the case's records
        if case in layout.handovers:
            disk, rel = layout.handovers[case]
            fs, report.handovers[case], hparsed = check_handover(str(disk), rel, schemas, case_summaries(case), day)
            parsed_handovers[case] = hparsed
            findings += fs + (scan_parsed(hparsed, rel, [], config.pii_allow, dt.date.fromisoformat(day))
                              if hparsed else [])
            if hparsed is not None and hparsed.data is not None:  # its reasons are on the case page
                handover_units.append(published(hparsed, rel, []))
            report.files += 1
            report.handover_files += 1
    if wanted is None:  # (a full check: the texts of the settings the site publishes, as docs/ pages are checked)
        findings += _settings_pii(root, config, dt.date.fromisoformat(day))
        if config.published:  # (the worker ids of history.authors, on the case pages)
            handover_units.append(Unit(CONFIG_FILE, "", 1, pack_fields(config.published)))
    # the sensitive values, when few records are to be scanned: in a process of their own (when
    # there are two cores) while this one works out the case rules and those across cases (at 10,000
    # cases, with one record edited, loading the index of values alone took as long as the rules
    # across cases); else here, on every core
    reread = (schemas, config.pii_allow, dt.date.fromisoformat(day))
    key = _index_key(entries, resources)
    args = (root, entries, resources, wanted, with_resources, store, spool, reread, jobs, handover_units,
            docs if wanted is None else None, tuple(c for c in chosen if layout.cases[c]), key)
    sensitive = Background(_sensitive, *args) if jobs > 1 and _light(entries, key) else None
    try:
        findings, facts = _rules(layout, entries, wanted, with_resources, store, day, config, computed, chosen,
                                 report.handovers, case_summaries, parsed_handovers, inactive, findings)
        if wanted is None and report.pictures.by_source:  # (a full check's, as docs/ findings: the images of
            # restricted cases kept out; which cases are restricted comes with their facts, cached, not their summaries)
            restricted = {c: [rf.rel for rf in layout.cases[c]] for c in chosen if c in facts and facts[c][6]}
            findings += held_back_findings(held_back(report.pictures, restricted, _record_reader(layout)))
        findings += _kept(sensitive.result() if sensitive is not None else _sensitive(*args), entries, store)
    except BaseException:
        if sensitive is not None:
            sensitive.discard()
        raise
    if wanted is None:
        store.forget_except(set(entries))
    store.save()
    report.findings = sort_findings(deferred(one_rename(one_per_place(copied_in(folder_renamed(resource_deleted(resource_misnamed(resource_renamed(findings, layout), layout), root, layout), layout)))),
                                             layout.unread))
    return report


def _rules(
    layout: Layout, entries: dict[str, Entry], wanted: set[str] | None, with_resources: bool, store: Cache, day: str,
    config: Config, computed: dict[str, CaseRules], chosen: list[str], handovers: dict[str, list[Handover]],
    case_summaries: Callable[[str], list[Summary]], parsed_handovers: dict[str, Parsed | None], inactive: set[str],
    findings: list[Finding],
) -> tuple[list[Finding], dict[str, Facts]]:
    """`findings` with what the case rules and the rules across cases say, and without what
    the handovers, the records put away and the worker typos say better; and every case's facts."""
    found, facts = _case_rules(layout, entries, wanted, store, day, config.allow_resident_number, computed)
    findings += found
    # a worker taking the case over (the case rules' worker-changed-unrecorded, worked out without the
    # handovers: cached with them) is no finding where handover.yml says so; only those cases' summaries are read
    covered = {case for case in chosen if (handover := handovers.get(case)) and any(
        f.code == "worker-changed-unrecorded" and f.path.startswith(f"cases/{case}/") for f in found)
        and not unrecorded_change(case_summaries(case), handover, case)}
    if covered:
        findings = [f for f in findings if not (f.code == "worker-changed-unrecorded" and f.path.split("/")[1] in covered)]
    # a record number skipped where the record was put away in a folder of the case: folder-in-case says where
    put_away = {f.path.split("/")[1] for f in layout.findings if f.code == "folder-in-case"}
    if put_away:
        findings = [f for f in findings if not (f.code == "number-gap" and f.path.split("/")[1] in put_away)]
    # the checks across cases (two open cases with one alias, …) compare every case's facts,
    # whatever was asked for, so that a case checked alone gets the findings a full check gives it
    # (every case's handover.yml: a worker id is judged against all the casebook names)
    named = [use for case, (disk, rel) in layout.handovers.items()
             for use in handover_workers(str(disk), rel, parsed_handovers.get(case))]
    findings += [f for f in across_cases(facts, inactive, named) if _wanted(f.path, wanted, with_resources)]
    # a worker id mistyped in a record (`lee` for lee.sw) is its worker-typo, not also a change of worker
    # whose advice is a handover to the typo
    typos = {(f.path, f.line) for f in findings if f.code == "worker-typo"}
    if typos:
        findings = [f for f in findings if not (f.code == "worker-changed-unrecorded" and (f.path, f.line) in typos)]
    return findings, facts


STAT_APART = 500  # cases in the later half of a casebook whose signatures another process takes


def _signatures(cases: list[tuple[str, list[RecordFile]]]) -> list[Signature | None]:
    return [rf.signature() for _, files in cases for rf in files]


def _records(
    layout: Layout, schemas: SchemaSet, config: Config, store: Cache, day: str, jobs: int, keep: bool, report: Report,
    spool: Spool, pictures: Pictures,
) -> tuple[dict[str, Entry], dict[str, CaseRules]]:
    """Every record's findings and summary: from the cache when unchanged, else checked on every
    core, a cache shard a task (their published texts go to `spool`: see workers.check_group);
    and the case rules of the cases all of whose records were checked (found there)."""
    entries: dict[str, Entry] = {}
    todo: list[Task] = []
    today = dt.date.fromisoformat(day)

    def reread(rel: str) -> Summary:  # a kept summary that was lost
        return check_record(Task.of(str(report.root), rel), schemas, config.pii_allow, today).summary

    store.reread = reread
    cases = list(layout.cases.items())
    half = len(cases) // 2
    # the signatures of the later half taken by a process of its own meanwhile, where most are to
    # be compared (62,000 stat calls at 10,000 cases: a seventh of a check with nothing changed)
    later = Background(_signatures, cases[half:]) if not keep and jobs > 1 and half >= STAT_APART and store.kept_any() \
        else None
    sigs: Iterator[Signature | None] | None = None
    try:
        for i, (case, files) in enumerate(cases):
            if i == half and later is not None:
                sigs = iter(later.result())
            shard = Cache.shard_of(f"cases/{case}/")  # a case's records share a shard
            for rf in files:
                hit = None if keep else store.get(rf.rel, rf.signature if sigs is None else next(sigs), day, shard)
                if hit is not None and hit.pictures and hit.pictures != pictures.key:
                    hit = None  # its pictures were looked up in other docs/ images: checked again
                if hit is not None:
                    entries[rf.rel] = hit
                else:
                    todo.append(Task(rf.disk, rf.rel, case, rf.nn, rf.stage))
    except BaseException:
        if later is not None:
            later.discard()
        raise
    groups: dict[int, list[Task]] = {}
    for t in todo:
        groups.setdefault(Cache.shard_of(t.rel), []).append(t)
    whole: dict[int, list[str]] = {}  # per group, the cases all of whose records are in it
    for case, files in layout.cases.items():
        if files and all(rf.rel not in entries for rf in files):
            whole.setdefault(Cache.shard_of(files[0].rel), []).append(case)
    work = [(n, tasks, whole.get(n, [])) for n, tasks in sorted(groups.items())]
    args = (schemas, config.pii_allow, today, spool, keep, (layout.resource_refs(), config.allow_resident_number),
            store if store else None, pictures)
    # keep: the site needs every record parsed, here in this process (a parsed record is not sent)
    parts = run_all(check_group, work, args, 1 if keep else jobs, chunk=1, size=len(todo))
    store.written_blobs(n for n, _, _ in work)
    rules: dict[str, CaseRules] = {}
    for (_, tasks, _), (checked, found) in zip(work, parts, strict=True):
        rules.update(found)
        for t, c in zip(tasks, checked, strict=True):
            # a summary the worker kept in the cache is read from there when a rule needs it
            fetch = None if c.blob else (store, t.rel)
            entries[t.rel] = entry = Entry(c.signature, c.valid_until, c.findings, None, blob=c.blob, values=c.values,
                                           fetch=fetch, pictures=c.pictures, links=c.links,
                                           values_key=values_key(t.rel, c.values))
            store.put(t.rel, entry, blob_kept=not c.blob)
            if keep:
                report.parsed[t.rel] = c.parsed
    if todo:  # in the casebook's order again (see published.casebook_key)
        entries = {rf.rel: entries[rf.rel] for files in layout.cases.values() for rf in files}
    return entries, rules


def _case_rules(
    layout: Layout, entries: dict[str, Entry], wanted: set[str] | None, store: Cache, day: str, allow_rrn: bool,
    computed: dict[str, CaseRules],
) -> tuple[list[Finding], dict[str, Facts]]:
    """The process rules of each case checked, and every case's facts for the checks across cases
    (`rules_practice.case_rules`); a case's are kept while its records, the resources (ids and
    names) and the day are the same (the summaries of unchanged cases are never unpacked), and taken from
    `computed` when the workers found them."""
    resource_ids = layout.resource_refs()  # (with their names: the hint of a resource named by its name)
    ids_key = hashlib.blake2b(repr(sorted(resource_ids.items())).encode(), digest_size=8).hexdigest()
    # kept in the cache a shard at a time, the records' shards (one edited case rewrites its own)
    kept: dict[int, dict[str, tuple[int, list[Finding], Facts]]] = {n: {} for n in range(SHARDS)} if store else {}
    out: list[Finding] = []
    facts: dict[str, Facts] = {}
    base = (int(ids_key, 16), dt.date.fromisoformat(day).toordinal())
    for case, files in layout.cases.items():
        key = _case_key([rf.rel for rf in files], [entries[rf.rel].signature for rf in files], base)
        mine = wanted is None or case in wanted
        n = Cache.shard_of(f"cases/{case}/")
        known = store.case_rules(n).get(case) if store else None
        if key is not None and known is not None and known[0] == key:
            kept[n][case] = known
            facts[case] = known[2]
            out += known[1] if mine else []
            continue
        if case in computed:
            found, facts[case] = computed[case]
        else:
            found, facts[case] = case_rules(case, [entries[rf.rel].peek() for rf in files], resource_ids, allow_rrn,
                                            today=dt.date.fromisoformat(day))
        if mine:  # (another case's own findings are not asked for: its facts are)
            out += found
            if key is not None and store:
                kept[n][case] = (key, found, facts[case])
    for n, rules in kept.items():
        store.set_case_rules(n, rules)
    return out, facts


def _sensitive(
    root: Path,
    entries: dict[str, Entry],
    resources: list[Published],
    wanted: set[str] | None,
    with_resources: bool,
    store: Cache,
    spool: Spool,
    reread: tuple[SchemaSet, list[str], dt.date],
    jobs: int,
    handovers: list[Unit],
    docs: DocsScan | None,
    cases: tuple[str, ...],  # the case folders checked that hold records (their names are scanned)
    key: str,  # the index's key (`_index_key`)
) -> Sensitive:
    """`sensitive-in-text` for the records, resources, handover.yml files, docs/ pages and case ids checked, with an index of
    the values of the WHOLE casebook; a text's findings are reused while neither it nor the
    values changed. Scanned on every core, a cache shard a task, where the texts are
    (`published.scan_group`); the index is made (or loaded) there too, never held here.
    Changes nothing but files of the cache: what is to be kept is in its value (see `_kept`), so
    that it may run in a process of its own beside the case rules."""
    def needles() -> list[Needle]:  # (only when the index of these values must be made)
        return [(v, rel, f) for rel, e in entries.items() for f, v in e.values] + needles_of((), resources)

    out: list[Finding] = []
    groups: dict[int, list[ScanItem]] = {}
    for rel, e in entries.items():
        if not _wanted(rel, wanted, with_resources):
            continue
        if e.needles == key:
            out += e.sensitive
            continue
        groups.setdefault(Cache.shard_of(rel), []).append((rel, e.signature, not e.needles, store.keeps(e.signature)))
    extra: list[Unit] = list(resources) if with_resources else []
    extra += handovers  # the handover.yml files of the cases checked (a reason naming the client)
    known: dict[str, tuple[str, list[Finding]]] = store.load_extra().get("published", {}) if store else {}
    kept: dict[str, tuple[str, list[Finding]]] = {}
    if docs is not None:  # (a full check's)
        out += docs.findings
        out += _docs_pii(docs, reread[1], reread[2], known, kept)
        extra += [Unit(rel, text, 1, _front_values(text, rel)) for rel, text in docs.pages]
        settings = published_settings(root)
        if settings is not None:
            extra.append(Unit(SETTINGS_FILE, "", 1, settings))
    # a case's id, its folder's name, is in its pages' addresses and titles (the name is the rel: the index alone)
    folders = [f"cases/{case}" for case in sorted(cases)]
    digests = {u.rel: u.digest() + key for u in extra} | dict.fromkeys(folders, key)
    if SETTINGS_FILE in digests:  # (its findings hang on its lines' `# casekit: name-ok` too, in no text it publishes)
        digests[SETTINGS_FILE] += _digest(_name_ok_lines(root))
    for rel, digest in digests.items():
        if rel in known and known[rel][0] == digest:
            out += known[rel][1]
            kept[rel] = known[rel]
    units = [u for u in extra if u.rel not in kept]
    folders = [rel for rel in folders if rel not in kept]
    names: list[str] = []
    names_key = _digest(docs.names) + key if docs is not None else ""
    if docs is not None and docs.names:  # a file or folder name of docs/ ends up in a URL
        if known.get("docs/ names", ("",))[0] == names_key:
            kept["docs/ names"] = known["docs/ names"]
            out += known["docs/ names"][1]
        else:
            names = docs.names
    work: list[ScanGroup] = [(n, items, [], [], []) for n, items in sorted(groups.items())]
    if units or names or folders:
        work.append((-1, [], units, names, folders))
    size = sum(len(items) for items in groups.values()) + len(units)
    args = (needles, key, str(root), spool, store, reread)
    forget_index()  # a process's index lives for one check
    if work:
        # made (or loaded) once, here: the forked workers inherit it. (Kept in the cache here too:
        # pickled by a worker beside the scan, it cost 100 MiB more memory, every page it touched
        # copied from the parent's)
        index_of(needles, key, store)
    found: list[tuple[str, list[Finding]]] = []
    for part in run_all(scan_group, work, args, jobs, chunk=1, size=size) if work else []:
        for rel, fs in part:
            out += fs
            if rel == "":
                kept["docs/ names"] = (names_key, fs)
            elif rel in entries:
                found.append((rel, fs))
            else:
                kept[rel] = (digests[rel], fs)
    return out, key, found, kept if store and wanted is None else None


def _index_key(entries: dict[str, Entry], resources: list[Published]) -> str:
    """The key of the index of the casebook's sensitive values (published.casebook_key)."""
    keys = []
    for rel, e in entries.items():
        if e.values:
            if not e.values_key:  # (an entry checked in this run has it already: see _records)
                e.values_key = values_key(rel, e.values)
            keys.append(e.values_key)
    return casebook_key(keys, needles_of((), resources))


# records a casebook holds at least for `_sensitive` to run in a process of its own: in a smaller one
# the fork costs more than it saves (the sample's 83 records: 0.26 s checked with the process,
# 0.32 s; 0.06 s and 0.11 s from the cache)
MIN_BACKGROUND = 1000


def _light(entries: dict[str, Entry], key: str) -> bool:
    """Whether `_sensitive` has few records to scan (fewer than a pool pays off for: a check with a
    few records edited, or none) in a casebook large enough (MIN_BACKGROUND): then it runs in a
    process of its own beside the case rules. With many (a cold check, a value changed: every
    record), it runs here, on every core, as before: its process would copy the pages the case
    rules touch here (130 MiB more at 10,000 cases)."""
    return len(entries) >= MIN_BACKGROUND and sum(e.needles != key for e in entries.values()) < MIN_PARALLEL


# `_sensitive`'s value: its findings, the index's key, each record scanned again with its findings,
# and the published texts' findings to keep (None: not kept)
Sensitive = tuple[list[Finding], str, list[tuple[str, list[Finding]]], dict[str, tuple[str, list[Finding]]] | None]


def _kept(result: Sensitive, entries: dict[str, Entry], store: Cache) -> list[Finding]:
    """What `_sensitive` found, kept in the entries and the cache; its findings."""
    out, key, found, kept = result
    for rel, fs in found:
        e = entries[rel]
        e.needles, e.sensitive = key, fs
        store.update(rel, e)
    if kept is not None:
        store.set_extra("published", kept)
    return out


def _docs_pii(docs: DocsScan, allow: list[str], today: dt.date, known: dict[str, tuple[str, list[Finding]]],
              kept: dict[str, tuple[str, list[Finding]]]) -> list[Finding]:
    """Phone, resident and account numbers, e-mail in the docs/ pages, as in a record body (code
    left out: a how-to's examples); a page's findings reused while its text is the same (kept under
    "pii:<rel>" in `kept`: the cache's folder is the settings' own, `pii_allow` included). Scanned
    anew at every check, the sample's 60 KB of docs/ took 0.04 s of the 0.9 s a check with nothing
    changed takes at 10,000 cases. Kept too while the first day to come that its digits could name
    is the same (`date_dependent`): a resident number counts once its birth date is past on the
    check's day (`today`), so the page is scanned again when that day comes."""
    out: list[Finding] = []
    for rel, text in docs.pages:
        name, digest = f"pii:{rel}", _digest((text, date_dependent(text, today)))
        if name in known and known[name][0] == digest:
            found = known[name][1]
        else:
            found = scan_text(without_code(text), rel, 1, allow, today)
        kept[name] = (digest, found)
        out += found
    return out


def _name_ok_lines(root: Path) -> list[str]:
    """The lines of mkdocs.yml that say `# casekit: name-ok` (`sensitive.NAME_OK_FIELD`)."""
    text, _ = read_file(str(root / SETTINGS_FILE), SETTINGS_FILE)
    return [line for line in (text or "").split("\n") if NAME_OK_FIELD.search(line)]


def _settings_pii(root: Path, config: Config, today: dt.date) -> list[Finding]:
    """Phone, resident and account numbers and e-mail addresses in the texts of the settings the site
    publishes, as in a record's field: mkdocs.yml's (site name, description, copyright, menu labels,
    extra texts: on every page) and casekit.yml's (the worker ids of history.authors, on the case
    pages); each at the number where the text is written on its line as it reads."""
    out: list[Finding] = []
    settings = published_settings(root)
    if settings is not None:
        out += scan_values(unpack_fields(settings), SETTINGS_FILE, config.pii_allow, today,
                           lines_of(str(root), SETTINGS_FILE))
    if config.published:
        out += scan_values(config.published, CONFIG_FILE, config.pii_allow, today, lines_of(str(root), CONFIG_FILE))
    return out


def _case_key(rels: list[str], sigs: list[Signature | None], base: tuple[int, int]) -> int | None:
    """What a case's rule findings depend on: its records (paths and signatures), the resource
    ids and the day (`base`); None when a record was not read whole (never kept). Python's hash of
    a tuple of ints: the same in every process (only text hashes are salted), and fast."""
    if None in sigs:
        return None
    return hash((base, zlib.crc32("\x00".join(rels).encode("utf-8", "surrogatepass")), *sigs))


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _wanted(path: str, wanted: set[str] | None, with_resources: bool) -> bool:
    if wanted is None:
        return True
    parts = path.split("/")
    if parts[0] == "resources":
        return with_resources
    return len(parts) > 1 and parts[0] == "cases" and parts[1] in wanted


def _check_resource(rid: str, disk: Path, rel: str, schemas: SchemaSet) -> tuple[list[Finding], Parsed | None]:
    parsed, findings = parse_file(str(disk), rel)
    findings = list(findings)
    if parsed is None or parsed.data is None:
        return findings, parsed
    findings += schemas.validate("resource", parsed, rel)
    findings += malformed_phones(parsed, "resource", rel, schemas)
    findings += values_too_long(parsed, rel, schemas.sensitive_paths.get("resource", []))
    value = parsed.data.get("id")
    if value is not None and value != rid and not typed_as_number(value, rid):
        line, col = parsed.where(("id",))
        said = [i for i, f in enumerate(findings) if (f.line, f.column) == (line, col) and f.code == "bad-pattern"]
        shown = rid if plain_is_text(rid) else f'"{rid}"'  # (`id: "129"`: written plain, YAML reads a number)
        if said:  # `id: 가온푸드뱅크`: one finding, saying the id to write (the file's name, which records use)
            findings[said[0]] = finding("resource-id-mismatch", rel, line, col, value=value, expected=rid, shown=shown)
        else:
            findings.append(finding("resource-id-mismatch", rel, line, col, value=value, expected=rid, shown=shown))
    return findings, parsed
