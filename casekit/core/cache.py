"""What `check` learnt about each record, kept between runs so an unchanged record is not read again.

Where: `$CASEKIT_CACHE_DIR`, else `$XDG_CACHE_HOME/casekit`, else `~/.cache/casekit`; one folder
per casebook (by its real path), never inside the casebook, so nothing of it can reach git, the
site, or come in with someone else's commit. Deleting it is always safe: the next check is cold.

What: per record, its findings and its `Summary` (what the casebook-wide rules need), with the
`sensitive-in-text` findings of the last scan; never the parsed front matter. The folder's name
is a hash of casekit's version and code, the schemas and the settings: change any and the old
entries are simply not found (and removed later).

When an entry is trusted: the file's size, mtime, inode and ctime are those it had when it was
read, it did not change while it was read, and it had not been touched in the two seconds before
the check started (a later write in the same timestamp tick would otherwise go unseen: such a
file is checked again next time). An entry whose PII findings depend on the date (six digits that
would read as a birth date still in the future) is dropped on that date.

Two processes at once: each shard is written to a temporary file and renamed over the old one,
so a reader sees a whole old shard or a whole new one; a shard that cannot be read (truncated,
corrupt, another format, a value of another shape, no regular file) is ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import stat
import tempfile
import time
import zlib
from array import array
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from casekit.core.findings import Finding
from casekit.core.summary import Summary, summary_blob, summary_of_blob
from casekit.core.workers import Signature

FORMAT = 96  # (95 kept birth dates with a break or spaces inside a group unfound and ~~ paired by toggling, so a stray ~~ hid a value struck after it; 94 kept numbers and birth dates broken across a line unfound, an <s> left open ending with its paragraph, right-to-left text with a strike unread, minutes in Korean number words unhinted, 20.05.26 read year-first only, numbered entries with flat keys told yaml-duplicate-key, and G1 for a plan's G01 guessed by spelling; 93 kept sensitive-in-text blind to a value spelled across a struck-through character, 박<del>가</del>영수; 92 kept given names with 씨댁, 엄마 or two particles glued on unfound, digits as emoji shortcodes unread, a list's first item after a tab told its keys' column, a copy under another stage's name unsaid, a record a year ahead a date-future warning and spoken minutes without a number; 91 kept year-last dates (05-20-2026) unhinted, numbered lists of entries told to line keys up with the number, and schema findings with jsonschema's English in Korean and the schemas' Korean titles in English; 90 kept case facts without whether the case is restricted, given names of other cases and of contacts unfound after 씨/님/titles, mkdocs.yml given names as warnings, no McCune–Reischauer names nor digits drawn as ㅇ | б, punycode unread, accounts apart and resident numbers in two parts unfound, withdrew-without-words an error, no target-date-far, a numbered list told to be one item, a time of day told twice, a handover.yml conflict a yaml-syntax, and a body's own front matter told repeated; 89 kept PII and sensitive findings blind to numbers in digit words after a digit and a mark, to right-to-left text read as drawn and to characters NFKC reads otherwise than the fold (0⒑0000.1001); 88 kept keys typed in Korean mode unguessed, unseen characters and tabs after a dash unnamed, particles after a jamo, ○ or … undecided, date hints without a stray jamo, a weekday first or an Excel number, followup-before-closure without what to do, no empty-value for a value of spaces alone, and case rules without activity-before-intake and goal-without-plan for work before any plan; 87 kept records' findings without front-matter-repeated, front-matter-missing saying no '---' was there and reading a mistyped opening line's fields as the body, and html-left-out blind to the class inline and list numbers past four digits; 86 kept bad-date of an activity's date typed without its year (3/26) telling YYYY-03-26, not the record's year; 85 kept bad-date without a hint for a letter typed for a digit (2026-04-2O), a span (2026-04-20~21) or a day said in words (작년); 84 kept case rules without the mistyped number a record's date points to (14-intervention for 04); 83 kept encoding-invalid, and nothing more, for a file that ends inside a character (file-cut); 82 kept yaml-number-form telling a date typed as month and day (date: 0426) to drop its leading 0; 81 kept required and empty-value for a list or a mapping telling to write one line 'key: 값', or nothing; 80 kept sensitive findings blind to ※ and pictographs between a value's characters (영🙂희) and to ! and ? between a given name's syllables (영!!희); 79 kept wrong-type telling to quote an id or code in brackets (worker: '[kim.sw]') and not-in-list keeping the first of the template's choices left in a value; 78 kept records' findings without link-heading-missing for a link to a heading of their own body; 77 kept link-outside said in English with two examples of three; 76 kept sensitive findings blind to a year in digits before a month and day in words (69. 칠. 이십일); 75 kept sensitive findings blind to digits apart with the last typed together (6 9 0 7 21); 74 kept sensitive findings blind to an address's units in Hanja (103棟 1502號); 73 kept PII findings of records, resources and handover.yml files made on the machine's day, not the check's, and the docs/ pages' whatever the day; 72 kept sensitive findings blind to 廿 and 卅 and to the formal numerals 壹 貳 參 … (壹玖陸玖年柒月貳拾壹日), to a birth date in number words apart with a year of two (육구. 칠. 이십일), to a part of a number in CJK numerals all 一 between spaces or marks (一九六四 一一 〇三), to a birth date in digits spelled apart (6 9 0 7 2 1), and to one with a birth year (69년생 7월 21일), took digits of other numbers in a row for a flat's number (10-31 (401일 for 103동 1401호), read no address's number in number words (백삼동 천오백이호), and no letter drawn as a digit (O1O-1234-5678); 71 kept sensitive findings blind to ○ and ◯ typed for 〇; 70 kept sensitive findings blind to a phone or resident number in CJK numerals holding 一 (〇一〇-一二三四-五六七八, 六九〇七二一-一二三四五六七), and to numbers in CJK numerals in an index without dates; 69 kept sensitive findings blind to a number in CJK numerals (六九〇七二一-1234567); 68 kept an index without its longest word's length, and texts flooded with nested values read match by match; 67 kept sensitive findings blind to a name in jamo (ㅂㅏㄱㅇㅕㅇㅅㅜ), birth dates in CJK numerals (一九六九年七月二十一日) or number words apart (일구육구. 칠. 이십일), an index without year_leads, and an id typed as a number explained by Python's re; 66 had no sensitive-value-too-long, markdown-marks nor markdown-blocks, kept theme-template-refused for branches the settings turn off, html-left-out for tags inside quoted attribute values, nothing after a void embed or frame, and sensitive findings blind to a romanised given name mixing spellings (Park Youngsu) or spelling ㄱ k (Kim Kyungsoo), and to birth dates in digit words alone (육구공칠이일) or with the year last in words (칠월 이십일일(일구육구년)), and to a name in Latin letters written with a title (Maria Santos 선생님); 65 kept date hints for dates of any length and address parts of values of any length; 64 kept no outside-content for a loading tag whose quoted value holds a '<' (<iframe src="data:…<script>…">); 63 kept a consent's resources typed as digits out of its references, and its ids after one placed at the index of the one before; 62 kept html-unclosed blind to tags tangled so an end tag does not end its element, said a start tag without its '>' left out, and read a line of list markers as one list; 61 kept goal-not-monitored a goal, need-not-planned a need, and a reference typed as digits as a number; 60 kept sensitive and pii findings blind to romanised Korean names, Latin given names alone, numbers and birth dates in Korean number words, and 101번지의 1 / 2층 101-1; 59 kept case-mismatch beside wrong-type for an id typed as digits, closure-goal-unevaluated a goal, needs-plan without the records it covers, and needs-plan standing past a misnamed monitoring; 58 kept no html-unclosed (an element left open said to be left out with what it holds); 57 kept given-name-in-field without its name-ok line; 56 kept sensitive findings and the index blind to Latin names without their accents or in another order (Le Thi Huong, Hung Tran) and to birth dates in CJK words, with a two-digit year last or other dots (1969年7月21日, 7/21/69, 1969‧07‧21); 55 kept one plan-after-ineligible, sharing-refused, assessment- or plan-without-consent and after-withdrawal a record, not one at the decision, consents without where their action is, and closures without the goals their note names; 54 kept case rules without date-year-typo, and date-decreasing advising a swap the stage order forbids; 53 kept child-consent-self where the age group was the slip the birth date shows; 52 had no template-tag-in-body and kept findings said without what to write (a field left empty or out, `=` for `:`, curly quotes, a line of four dashes) and particles after a Korean word with its example in brackets; 51 kept pii findings blind to a number no field holds written with `_`, `·`, `~`, `=`, `:`, two marks or two spaces between its groups (010_1234_5678), to passport numbers (pii-passport) and to numbers abroad (+84 912 345 678); 50 kept sensitive findings blind to a birth date written in English (July 21, 1969); 49 kept a case id's sensitive value at every record's case:, not once at its folder; 48 kept a docs/ name's findings telling to edit a text, the name read as written only; 47 kept no client of a closed case among its facts (client-returning); 46 read no phone or resident number glued to its label (HP010-…); 45 kept no given name of a name in three parts (응우옌 티 린: 티린, 린 씨); 44 kept sensitive findings blind to other marks between a number's groups (010=0000=1001, 0082-10-…, 1969_07_21); 43 kept sensitive-in-text findings that took a Latin letter touching a number for its edge (HP010-…); 42 kept no closure's aftercare plan of none (aftercare-none-with-check); 41 kept no finding's arguments (Finding.args); 40 said case-copied of one record alike; 39 kept case rules without closure-unreachable-reached; 38 had no monitoring's unmet goals (closure-achieved-unreviewed); 37 kept unknown-goal without the goal-by-its-words hint; 36 kept after-withdrawal naming the stage by its code; 35 took results misspelt or written as text for goals unevaluated; 34 kept case rules without followup-done-with-next nor needs_support's followup-crisis-left; 33 kept no body keys among a case's facts (case-copied); 32 took a progress or result entry written as a text for a goal unmonitored; 31 kept case rules without the swapped-numbers hint; 30 kept no intake's alone_at (household-mismatch); 29 kept case rules without agreement-before-plan; 28 kept case rules without consent-after-record, and shares dated before the case judged on that date; 27 kept no follow-up status (kind) and case rules without next-far-after-record, initial-again, followup-crisis-left; 26 had no needs_unnamed; 25 kept case rules without worker-changed-unrecorded; 24 had no members_unread; 23 kept ids in the wrong case as written (g1 for G1); 22 kept no goal ids' places nor body keys (goal-id-reused, record-copied) and case rules without number-gap; 21 kept case rules without closure-without-monitoring; 20 had no plan's services_unread; 19 kept no plan's nor monitoring's service pairs; 18 kept no reopening's previous_closure nor where aftercare_done is; 17 kept no need's severity; 16 kept no key of a record's sensitive values; 15 had no plan agreement date nor crisis activities; 14 had no `phone-malformed`; 13 kept no intake's `age_group` place; 12 kept no record's links; 11 took a monitoring record's empty `progress` for goals not monitored; 10 had no `tasks_due` nor `goal_unnamed`; 9 no `tasks_done`; 8 no `open_tasks`; 7 placed a consent entry at its `- `, not its date; 6 had no `worker_at` nor the workers in a case's facts; 5 had no `pictures`)
SHARDS = 64
RACY_NS = 2_000_000_000  # files written this close before a check are not cached (timestamp granularity)
STALE_SECONDS = 3600  # cache folders of other versions or settings are removed after an hour unused
_CORE = Path(__file__).resolve().parent


def cache_home() -> Path:
    explicit = os.environ.get("CASEKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "casekit"


def cache_dir(root: Path) -> Path:
    """The cache folder of the casebook at `root` (its real path)."""
    name = hashlib.blake2b(str(Path(os.path.realpath(root))).encode(), digest_size=10).hexdigest()
    return cache_home() / name


def cache_key(*parts: Any) -> str:
    """A hash of casekit's version and code and of `parts` (schemas, settings): the entries' validity."""
    from casekit import __version__

    code = sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in _CORE.glob("*.py"))
    blob = json.dumps([FORMAT, __version__, code, *parts], sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.blake2b(blob.encode(), digest_size=12).hexdigest()


class Entry:
    """One record's findings and summary. A cached entry's summary is not even read until asked for
    (it lies in a file of its own): a check with nothing changed needs only the findings and the
    sensitive values."""

    __slots__ = ("_blob", "_fetch", "_summary", "findings", "links", "needles", "pictures", "sensitive", "signature",
                 "valid_until", "values", "values_key")

    def __init__(
        self,
        signature: Signature | None,
        valid_until: str | None,
        findings: list[Finding],
        summary: Summary | None,
        needles: str = "",
        sensitive: list[Finding] | None = None,
        blob: bytes = b"",
        values: list[tuple[str, str]] | None = None,
        fetch: tuple[Cache, str] | None = None,
        pictures: str = "",
        links: tuple[tuple[int, int, str], ...] = (),
        values_key: bytes = b"",
    ) -> None:
        self.signature = signature
        self.valid_until = valid_until
        self.findings = findings
        self._summary = summary
        self._blob = blob
        self._fetch = fetch
        self.needles = needles  # the sensitive-value index `sensitive` was found with
        self.sensitive = sensitive if sensitive is not None else []
        self.values = values if values is not None else (summary.sensitive if summary is not None else [])
        self.pictures = pictures  # the docs/ images its pictures were looked up in (workers.Result.pictures)
        self.links = links  # its body's links to the casebook (workers.Result.links)
        self.values_key = values_key  # published.values_key of its values, once taken (b"": not yet)

    def peek(self) -> Summary:
        """The summary, without keeping it unpacked (a rule that reads every case once)."""
        if self._summary is None and self._blob:
            return summary_of_blob(self._blob)
        return self.summary

    @property
    def summary(self) -> Summary:
        if self._summary is None:
            if self._blob:
                self._summary = _unblob(self._blob)
            else:
                assert self._fetch is not None and self.signature is not None, "a summary, a blob or a cache"
                store, rel = self._fetch
                self._summary = store.summary_of(rel, self.signature)
                self._fetch = None
        return self._summary


# Stored as plain tuples; a Summary as a blob (summary.summary_blob) in a file of its own, its
# published text in a third, read only when it must be scanned again.


def _pack_findings(fs: list[Finding]) -> tuple[tuple[Any, ...], ...]:
    return tuple((f.path, f.line, f.column, f.severity, f.code, f.message_ko, f.message_en, f.args) for f in fs)


def _unpack_findings(raw: tuple[tuple[Any, ...], ...]) -> list[Finding]:
    return [Finding(*f) for f in raw]


_unblob = summary_of_blob


def _blob_of(entry: Entry) -> bytes:
    return entry._blob or summary_blob(entry.summary)


def _pack(entry: Entry) -> tuple[Any, ...]:
    return (entry.signature, entry.valid_until, _pack_findings(entry.findings),
            entry.needles, _pack_findings(entry.sensitive), tuple(entry.values), entry.pictures, entry.links,
            entry.values_key)


def _unpack(raw: tuple[Any, ...], fetch: tuple[Cache, str]) -> Entry:
    sig, valid_until, found, needles, sensitive, values, pictures, links, values_key = raw
    return Entry(sig, valid_until, _unpack_findings(found) if found else [], None, needles,
                 _unpack_findings(sensitive) if sensitive else [], b"", list(values), fetch, pictures, links,
                 values_key)


def _open_regular(path: Path) -> Any:
    """`path` opened for reading if it is a regular file itself (no link followed, a FIFO not waited
    on); OSError otherwise."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                 | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# The shapes of what each file keeps: a value of any other is as if absent (a damaged cache must
# neither stop nor change a check). Checked when loaded, the entries of a shard each when asked for.

def _is_sig(v: Any) -> bool:
    return type(v) is tuple and len(v) == 4 and all(type(x) is int for x in v)


def _is_place(v: Any) -> bool:
    return v is None or type(v) is int


def _packed_ok(raw: Any) -> bool:
    """A finding packed by `_pack_findings`."""
    return (type(raw) is tuple and len(raw) == 8 and type(raw[0]) is str and _is_place(raw[1]) and _is_place(raw[2])
            and type(raw[3]) is str and type(raw[4]) is str and type(raw[5]) is str and type(raw[6]) is str
            and _args_ok(raw[7]))


def _args_ok(v: Any) -> bool:
    return type(v) is tuple and all(type(a) is tuple and len(a) == 2 and type(a[0]) is str and type(a[1]) is str
                                    for a in v)


def _finding_ok(f: Any) -> bool:
    return (type(f) is Finding and type(f.path) is str and _is_place(f.line) and _is_place(f.column)
            and type(f.severity) is str and type(f.code) is str and type(f.message_ko) is str
            and type(f.message_en) is str and _args_ok(f.args))


def _findings_ok(v: Any) -> bool:
    return type(v) is list and all(_finding_ok(f) for f in v)


def _entry_ok(raw: Any) -> bool:
    """An entry packed by `_pack`."""
    return (type(raw) is tuple and len(raw) == 9 and (raw[0] is None or _is_sig(raw[0]))
            and (raw[1] is None or type(raw[1]) is str) and type(raw[2]) is tuple and all(map(_packed_ok, raw[2]))
            and type(raw[3]) is str and type(raw[4]) is tuple and all(map(_packed_ok, raw[4]))
            and type(raw[5]) is tuple and all(type(v) is tuple and len(v) == 2 and type(v[0]) is str
                                              and type(v[1]) is str for v in raw[5])
            and type(raw[6]) is str and type(raw[7]) is tuple
            and all(type(x) is tuple and len(x) == 3 and type(x[0]) is int and type(x[1]) is int
                    and type(x[2]) is str for x in raw[7])
            and type(raw[8]) is bytes)


def _by_rel(v: Any, item: Callable[[Any], bool]) -> bool:
    return type(v) is dict and all(type(k) is str and item(x) for k, x in v.items())


def _entries_ok(v: Any) -> bool:
    """A shard of entries (each entry's inside is checked when it is asked for: `get`)."""
    return _by_rel(v, lambda raw: type(raw) is tuple and len(raw) == 9)


def _texts_ok(v: Any) -> bool:
    return _by_rel(v, lambda raw: type(raw) is tuple and len(raw) == 4 and _is_sig(raw[0]) and type(raw[1]) is str
                   and type(raw[2]) is int and type(raw[3]) is tuple and len(raw[3]) == 2 and type(raw[3][0]) is str
                   and isinstance(raw[3][1], array))


def _blobs_ok(v: Any) -> bool:
    return _by_rel(v, lambda raw: type(raw) is tuple and len(raw) == 2 and _is_sig(raw[0]) and type(raw[1]) is bytes)


def _rules_ok(v: Any) -> bool:
    """case -> (its key, its findings, its facts: rules_practice.Facts)."""
    return _by_rel(v, lambda raw: type(raw) is tuple and len(raw) == 3 and type(raw[0]) is int
                   and _findings_ok(raw[1]) and _facts_ok(raw[2]))


def _facts_ok(v: Any) -> bool:
    def rows(x: Any, n: int) -> bool:
        return type(x) is list and all(type(r) is tuple and len(r) == n for r in x)

    return (type(v) is tuple and len(v) == 7 and (v[0] is None or (type(v[0]) is tuple and len(v[0]) == 5))
            and rows(v[1], 4) and (v[2] is None or type(v[2]) is str) and rows(v[3], 4) and rows(v[4], 3)
            and (v[5] is None or (type(v[5]) is tuple and len(v[5]) == 6)) and type(v[6]) is bool)


def _extra_ok(v: Any) -> bool:
    """Its "published": rel -> (digest, findings)."""
    return type(v) is dict and _by_rel(v.get("published", {}), lambda raw: type(raw) is tuple and len(raw) == 2
                                       and type(raw[0]) is str and _findings_ok(raw[1]))


_SHARD_OF: dict[str, int] = {}  # rel -> its shard (see Cache.shard_of)


class Cache:
    """Entries by record path, in shards by case; `Cache(None)` keeps nothing (--no-cache)."""

    def __init__(self, root: Path | None, key: str = "", started_ns: int | None = None) -> None:
        self.folder = cache_dir(root) / key if root is not None else None
        self.reread: Callable[[str], Summary] | None = None  # a record's summary read again (see summary_of)
        self.started_ns = time.time_ns() if started_ns is None else started_ns
        self._shards: dict[int, dict[str, Any]] = {}  # rel -> packed tuple, or an Entry put in this run
        self._texts: dict[int, dict[str, tuple[Any, ...]]] = {}
        self._blobs: dict[int, dict[str, Any]] = {}  # rel -> (signature, blob), or an Entry put in this run
        self._dirty: set[int] = set()
        self._dirty_texts: set[int] = set()
        self._dirty_blobs: set[int] = set()
        self.extra: dict[str, Any] = {}  # small values kept beside the entries (resources, docs pages)
        self._rules: dict[int, dict[str, Any]] = {}  # by shard: case -> its rules' key, findings and facts
        self._dirty_rules: set[int] = set()
        self._extra_dirty = False
        self._extra_loaded = False

    def __bool__(self) -> bool:
        return self.folder is not None

    def kept_any(self) -> bool:
        """Whether any entry may be kept (a shard file is there): else every record is read anew."""
        if self.folder is None:
            return False
        try:
            return any(name.endswith(".pickle") and name[:2].isdigit() for name in os.listdir(self.folder))
        except OSError:
            return False

    @staticmethod
    def shard_of(rel: str) -> int:
        n = _SHARD_OF.get(rel)
        if n is None:  # (asked four times a record, 250,000 times in a check of 10,000 cases)
            cut = rel.find("/", rel.find("/") + 1)
            n = zlib.crc32((rel[:cut] if cut > 0 else rel).encode()) % SHARDS  # cases/<id>: a case in one shard
            if len(_SHARD_OF) < 1 << 18:
                _SHARD_OF[rel] = n
        return n

    def _shard(self, n: int) -> dict[str, Any]:
        shard = self._shards.get(n)
        if shard is None:
            shard = self._shards[n] = self._read(f"{n:02d}.pickle", _entries_ok) or {}
        return shard

    def _text_shard(self, n: int) -> dict[str, tuple[Any, ...]]:
        shard = self._texts.get(n)
        if shard is None:
            shard = self._texts[n] = self._read(f"{n:02d}.texts.pickle", _texts_ok) or {}
        return shard

    def _blob_shard(self, n: int) -> dict[str, Any]:
        shard = self._blobs.get(n)
        if shard is None:
            shard = self._blobs[n] = self._read(f"{n:02d}.summaries.pickle", _blobs_ok) or {}
        return shard

    def summary_of(self, rel: str, sig: Signature) -> Summary:
        """A cached entry's summary from its own file; `self.reread(rel)` (the record read again)
        when that file lost it."""
        raw = self._blob_shard(self.shard_of(rel)).get(rel)
        if isinstance(raw, Entry):
            return raw.summary
        if isinstance(raw, tuple) and len(raw) == 2 and raw[0] == sig:
            with contextlib.suppress(Exception):  # a damaged blob: as if absent
                return _unblob(raw[1])
        if self.reread is None:
            raise LookupError(f"{rel}: its summary is not kept and there is no way to read it again")
        return self.reread(rel)

    def _read(self, name: str, valid: Callable[[Any], bool]) -> Any:
        """The value kept in `name` if it has the shape `valid` wants; None for anything else: no
        file, no regular file (a FIFO would block the check, a link lead elsewhere), a truncated or
        foreign file, a value of another shape (it is rewritten when its entries change)."""
        if self.folder is None:
            return None
        try:
            with _open_regular(self.folder / name) as f:
                head, value = pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign file, no regular file: as if there were none
            return None
        if head != ("casekit-cache", FORMAT):
            return None
        try:
            return value if valid(value) else None
        except Exception:  # (a value whose comparisons themselves fail)
            return None

    def get(self, rel: str, sig: Signature | None | Callable[[], Signature | None], today: str,
            shard: int | None = None) -> Entry | None:
        """The entry kept for `rel` if `sig` is still its signature (its summary is read when asked
        for: see `summary_of`). `sig`: or what gives it, asked only when there is an entry.
        `shard`: `shard_of(rel)`, when known."""
        if self.folder is None:
            return None
        raw = self._shard(self.shard_of(rel) if shard is None else shard).get(rel)
        if raw is None:
            return None
        if callable(sig):
            sig = sig()
        if sig is None:
            return None
        if isinstance(raw, Entry):  # put in this run
            return raw if raw.signature == sig else None
        if not _entry_ok(raw):  # another shape: as if absent (rewritten when checked)
            return None
        if raw[0] != sig:
            return None
        if raw[1] is not None and today >= raw[1]:
            return None
        try:
            return _unpack(raw, (self, rel))
        except (TypeError, ValueError):  # another layout: as if absent
            return None

    def put(self, rel: str, entry: Entry, blob_kept: bool = False) -> None:
        """Keep `entry` unless its file was written too recently to be told apart from a later write.
        `blob_kept`: its summary is in its shard file already (keep_blobs)."""
        if self.folder is None:
            return
        shard = self._shard(n := self.shard_of(rel))
        sig = entry.signature
        if sig is None or max(sig[1], sig[3]) >= self.started_ns - RACY_NS:
            if shard.pop(rel, None) is not None:
                self._dirty.add(n)
            return
        shard[rel] = entry  # packed when written: the blobs of all entries never exist at once
        self._dirty.add(n)
        if not blob_kept:
            self._blob_shard(n)[rel] = entry
            self._dirty_blobs.add(n)  # (its published text is kept by `keep_texts`, where it is)

    def keeps(self, sig: Signature | None) -> bool:
        """Whether an entry of this signature is kept (see `put`)."""
        return self.folder is not None and sig is not None and max(sig[1], sig[3]) < self.started_ns - RACY_NS

    def kept_texts(self, n: int) -> dict[str, tuple[Any, ...]]:
        """Shard `n` of the published texts: rel -> (signature, body, body line, fields). Read
        afresh and not held: a worker scans shard after shard, and would otherwise end up holding
        the texts of half the casebook."""
        return self._texts.pop(n, None) or self._read(f"{n:02d}.texts.pickle", _texts_ok) or {}

    def keep_texts(self, n: int, texts: dict[str, tuple[Any, ...]], shard: dict[str, tuple[Any, ...]] | None = None) -> None:
        """Write these published texts into shard `n` at once (from whichever process holds them:
        shard n is read and written by one process only in a check). `shard`: its kept texts,
        when just read (`kept_texts`)."""
        if self.folder is None or not texts:
            return
        shard = self.kept_texts(n) if shard is None else shard
        shard.update(texts)
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._write(f"{n:02d}.texts.pickle", shard)

    def keep_blobs(self, n: int, blobs: dict[str, tuple[Signature, bytes]]) -> bool:
        """Write these packed summaries into summaries shard `n` at once, from the process that
        made them (shard n is written by one task only in a check); whether they were kept. The
        entries that go with them come later (`put` with `blob_kept`)."""
        if self.folder is None:
            return False
        shard = self._read(f"{n:02d}.summaries.pickle", _blobs_ok) or {}
        shard.update(blobs)
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._write(f"{n:02d}.summaries.pickle", shard)
        except OSError:
            return False
        self._blobs.pop(n, None)  # read again when needed: the file has it
        return True

    def written_blobs(self, shards: Iterable[int]) -> None:
        """Summaries shards another process wrote (keep_blobs): read them again when needed."""
        for n in shards:
            self._blobs.pop(n, None)

    def update(self, rel: str, entry: Entry) -> None:
        """The sensitive findings of a cached entry were found again: keep them."""
        n = self.shard_of(rel)
        if self.folder is not None and rel in self._shard(n):
            self._shard(n)[rel] = entry
            self._dirty.add(n)

    def forget_except(self, present: set[str]) -> None:
        """Drop entries of records that are gone (only after a check of the whole casebook)."""
        if self.folder is None:
            return
        for n in range(SHARDS):
            shard = self._shard(n)
            gone = [rel for rel in shard if rel not in present]
            for rel in gone:
                del shard[rel]
                if self._text_shard(n).pop(rel, None) is not None:
                    self._dirty_texts.add(n)
                if self._blob_shard(n).pop(rel, None) is not None:
                    self._dirty_blobs.add(n)
            if gone:
                self._dirty.add(n)

    def load_index(self, key: str) -> Any:
        """The sensitive-value index kept for the values hashed as `key` (see published.casebook_key),
        or None: loading it takes a tenth of the time of making it from 50,000 values."""
        kept = self._read("index.pickle", lambda v: isinstance(v, tuple) and len(v) == 2)
        return kept[1] if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == key else None

    def save_index(self, key: str, index: Any) -> None:
        if self.folder is None:
            return
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            self._write("index.pickle", (key, index))

    def load_extra(self) -> dict[str, Any]:
        if not self._extra_loaded:
            self.extra = self._read("extra.pickle", _extra_ok) or {}
            self._extra_loaded = True
        return self.extra

    def set_extra(self, name: str, value: Any) -> None:
        self.load_extra()
        if self.extra.get(name) != value:
            self.extra[name] = value
            self._extra_dirty = True

    def case_rules(self, n: int) -> dict[str, Any]:
        """Shard `n` of what the case rules found (casebook._case_rules): case -> (key, findings, facts)."""
        rules = self._rules.get(n)
        if rules is None:
            rules = self._rules[n] = (self._read(f"{n:02d}.rules.pickle", _rules_ok) or {}) if self.folder is not None else {}
        return rules

    def set_case_rules(self, n: int, rules: dict[str, Any]) -> None:
        """Keep shard `n` of the case rules (written by `save` when it changed: one edited case
        rewrites its shard, not the rules of the whole casebook)."""
        if self.folder is not None and self.case_rules(n) != rules:
            self._rules[n] = rules
            self._dirty_rules.add(n)

    def save(self) -> None:
        """Write the changed shards atomically; never fails the check (a cache is only a cache)."""
        if self.folder is None or not (self._dirty or self._dirty_texts or self._dirty_blobs or self._extra_dirty
                                       or self._dirty_rules):
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            for n in sorted(self._dirty_texts):  # texts first: an entry never lacks its text for long
                self._write(f"{n:02d}.texts.pickle", self._texts[n])
            for n in sorted(self._dirty_blobs):
                self._write(f"{n:02d}.summaries.pickle", {
                    rel: (e.signature, _blob_of(e)) if isinstance(e, Entry) else e
                    for rel, e in self._blobs[n].items()})
            for n in sorted(self._dirty):
                shard = self._shards[n]
                self._write(f"{n:02d}.pickle", {rel: e if isinstance(e, tuple) else _pack(e) for rel, e in shard.items()})
            for n in sorted(self._dirty_rules):
                self._write(f"{n:02d}.rules.pickle", self._rules[n])
            if self._extra_dirty:
                self._write("extra.pickle", self.extra)
            self._dirty.clear()
            self._dirty_rules.clear()
            self._dirty_texts.clear()
            self._dirty_blobs.clear()
            self._extra_dirty = False
            self._remove_stale()
        except OSError:
            return

    def _write(self, name: str, value: Any) -> None:
        assert self.folder is not None
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump((("casekit-cache", FORMAT), value), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def _remove_stale(self) -> None:
        assert self.folder is not None
        now = time.time()
        for other in self.folder.parent.iterdir():
            if other != self.folder and other.is_dir():
                with contextlib.suppress(OSError):
                    if now - other.stat().st_mtime > STALE_SECONDS:
                        shutil.rmtree(other, ignore_errors=True)

