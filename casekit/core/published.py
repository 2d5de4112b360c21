"""Sensitive values in published text, across the whole casebook, without scanning twice.

A sensitive value found in published text (the body or an ordinary field of the same record,
another record, another case, a resource, a page of docs/) is a `sensitive-in-text` finding.
Every value of every record and resource goes into one index; each published text is scanned
with it. A text's findings depend only on the text and on that index, so they are kept (per
record in the cache, per resource or page beside it) under a hash of the index's values, and a
text is scanned again only when it changed or the values did.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casekit.core.cache import Cache
from casekit.core.findings import Finding
from casekit.core.sensitive import SensitiveIndex, scan, scan_fields, scan_name
from casekit.core.source import Parsed
from casekit.core.summary import Summary, public_fields, unpack_fields
from casekit.core.workers import Spool, Task, check_record

if TYPE_CHECKING:
    from casekit.core.schemas import SchemaSet

Needle = tuple[str, str, str]  # value, source file, field name
Fields = tuple[str, "array[int]"]  # published front-matter values: see summary.public_fields


@dataclass
class Unit:
    """The published text of one file: its body (from a line) and its published fields."""

    rel: str
    body: str
    body_line: int
    fields: Fields

    def digest(self) -> str:
        h = hashlib.blake2b(digest_size=16)
        h.update(repr((self.body, self.body_line, self.fields)).encode("utf-8", "surrogatepass"))
        return h.hexdigest()


@dataclass
class Published(Unit):
    """A resource: what it publishes, and what it must not (its sensitive values)."""

    sensitive: list[tuple[str, str]]


def published(parsed: Parsed, rel: str, patterns: list[tuple[Any, ...]]) -> Published:
    from casekit.core.schemas import sensitive_values

    fields = public_fields(parsed, patterns)
    return Published(rel, parsed.body, parsed.body_line, fields, sensitive_values(parsed.data, patterns))


def needles_of(summaries: Iterable[Summary], resources: Iterable[Published]) -> list[Needle]:
    out = [(v, s.rel, f) for s in summaries for f, v in s.sensitive]
    out += [(v, p.rel, f) for p in resources for f, v in p.sensitive]
    return out


def values_key(rel: str, values: Iterable[tuple[str, str]]) -> bytes:
    """A digest of one record's needles (its (field, value) pairs, from `rel`): b"" when it has none."""
    joined = "\x01".join(f"{v}\x00{rel}\x00{f}" for f, v in values)
    return hashlib.blake2b(joined.encode("utf-8", "surrogatepass"), digest_size=16).digest() if joined else b""


def casebook_key(records: list[bytes], others: list[Needle]) -> str:
    """What the index is made of: the records' needles (each record's `values_key`, in the
    casebook's order) followed by `others` (the resources'). Equal keys, equal findings for the same
    text; equal values in the same places give equal keys. A record's values are digested once, when
    it is checked: the 60,000 values of a large casebook are not joined again in each check."""
    joined = "\x01".join("\x00".join(needle) for needle in others)
    digest = hashlib.blake2b(b"".join(records), digest_size=16)
    digest.update(joined.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def scan_unit(unit: Unit, index: SensitiveIndex, root: str | None = None) -> list[Finding]:
    """Every sensitive value of the index, and every variant of one, found in `unit`'s published
    text: the body read as a reader sees it (located at each hit), the fields at the value (its
    file under `root` read again for the lines of the fields a value is found in: where the
    field is written on its line as it reads), else at the field."""
    if not index:
        return []
    found = scan(index, unit.rel, unit.body, unit.body_line, 1, body=True)
    # (a docs page's front matter is in its text, read as written, and its values as YAML reads them:
    # a value the text shows already is said once, where the text says it)
    lines = {(f.line, f.code, f.message_en) for f in found}
    found += [f for f in scan_fields(index, unit.rel, unpack_fields(unit.fields),
                                     None if root is None else lines_of(root, unit.rel))
              if (f.line, f.code, f.message_en) not in lines]
    out: list[Finding] = []
    seen: set[tuple[str, int | None, int | None, str, str]] = set()
    for f in found:
        key = (f.path, f.line, f.column, f.code, f.message_en)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def lines_of(root: str, rel: str) -> Callable[[int], str]:
    """The text of a line (1-based) of the file `rel` under `root`, read once when first asked
    ("" when it cannot be read: the finding then stays at its field)."""
    lines: list[str] | None = None

    def line(n: int) -> str:
        nonlocal lines
        if lines is None:
            lines = []
            try:  # (a regular file only, never through a link nor blocking on a FIFO put in its place)
                fd = os.open(os.path.join(root, rel), os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
                with os.fdopen(fd, "rb") as f:
                    if stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                        lines = f.read(MAX_REREAD).decode("utf-8", "replace").split("\n")
            except OSError:
                pass
        return lines[n - 1] if 0 < n <= len(lines) else ""

    return line


MAX_REREAD = 1 << 20  # (a front matter is in a file's first megabyte)


# one record to scan: (rel, the signature its entry has, its text is in the spool (checked in
# this run) rather than the cache, its text is to be kept in the cache)
ScanItem = tuple[str, Any, bool, bool]
# what one task scans: cache shard n's records; or (n = -1) resources and docs/ pages, the
# names of docs/ files and folders, and case folders (`cases/<id>`: their names are the case ids)
ScanGroup = tuple[int, list[ScanItem], list[Unit], list[str], list[str]]
_INDEX: dict[str, SensitiveIndex] = {}  # this process's index, by the key of its values


def index_of(needles: Callable[[], list[Needle]], key: str, store: Cache) -> SensitiveIndex:
    """The index of `needles()` (hashed as `key`): this process's, else the cache's, else made
    (and kept in the cache for the next check)."""
    index = _INDEX.get(key)
    if index is None:
        index = store.load_index(key) if store else None
        if not isinstance(index, SensitiveIndex):
            index = SensitiveIndex(needles())
            index.prepare()
            store.save_index(key, index)
        _INDEX.clear()
        _INDEX[key] = index
    return index


def forget_index() -> None:
    _INDEX.clear()


def scan_group(
    group: ScanGroup, needles: Callable[[], list[Needle]], key: str, root: str, spool: Spool, store: Cache,
    reread: tuple[SchemaSet, list[str], dt.date],
) -> list[tuple[str, list[Finding]]]:
    """(rel, findings) of scan_unit for the records of cache shard n, their texts read where
    they are: in the spool (records checked in this run: see workers.check_group) or in the
    cache (records whose values changed elsewhere); a text lost from the cache is read again
    from its record. The texts of records checked in this run are then kept in the cache's
    shard n, by this process alone. Group -1: the resources, docs/ pages, the names of docs/
    files and folders (their findings together, under "") and case folders' (each under its own)."""
    n, items, units, names, folders = group
    index = index_of(needles, key, store)
    out = [(u.rel, scan_unit(u, index, root)) for u in units]
    if names:  # all under "": a name may also be a page's rel
        out.append(("", [f for rel in names for f in scan_name(index, rel)]))
    out += [(rel, scan_name(index, rel)) for rel in folders]
    if not items:
        return out
    fresh = spool.get(n)
    kept = store.kept_texts(n) if store else {}
    keep = {}
    for rel, sig, in_spool, cacheable in items:
        raw = fresh.get(rel) if in_spool else kept.get(rel)
        if raw is None or raw[0] != sig:  # lost, or of another version of the file: read again
            s = check_record(Task.of(root, rel), *reread).summary
            raw = (sig, s.public_text, s.public_line, s.public_fields)
        if cacheable:
            keep[rel] = raw
        out.append((rel, scan_unit(Unit(rel, raw[1], raw[2], raw[3]), index, root)))
    if store:
        store.keep_texts(n, keep, kept)
    return out
