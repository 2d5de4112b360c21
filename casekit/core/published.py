"""Sensitive values in published text, across the whole casebook, without scanning twice.

A sensitive value found in published text (the body or an ordinary field of the same record,
another record, another case, a resource, a page of docs/) is a `sensitive-in-text` finding.
Every value of every record and resource goes into one index; each published text is scanned
with it. A text's findings depend only on the text and on that index, so they are kept (per
record in the cache, per resource or page beside it) under a hash of the index's values, and a
text is scanned again only when it changed or the values did.
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casekit.core.findings import Finding
from casekit.core.sensitive import SensitiveIndex, scan, scan_fields
from casekit.core.source import Parsed
from casekit.core.summary import Summary, pack_fields, public_strings

Needle = tuple[str, str, str]  # value, source file, field name
Fields = tuple[str, "array[int]"]  # published front-matter values: see summary.pack_fields


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

    fields = pack_fields([(text, *parsed.where(path)) for path, text in public_strings(parsed.data, patterns)])
    return Published(rel, parsed.body, parsed.body_line, fields, sensitive_values(parsed.data, patterns))


def record_unit(s: Summary) -> Unit:
    return Unit(s.rel, s.public_text, s.public_line, s.public_fields)


def needles_of(summaries: Iterable[Summary], resources: Iterable[Published]) -> list[Needle]:
    out = [(v, s.rel, f) for s in summaries for f, v in s.sensitive]
    out += [(v, p.rel, f) for p in resources for f, v in p.sensitive]
    return out


def needles_key(needles: list[Needle]) -> str:
    """What the index is made of: equal keys, equal findings for the same text."""
    return hashlib.blake2b(repr(sorted(needles)).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def scan_unit(unit: Unit, index: SensitiveIndex) -> list[Finding]:
    """Every sensitive value of the index, and every variant of one, found in `unit`'s published
    text: the body read as a reader sees it (located at each hit), the fields at each field."""
    if not index:
        return []
    found = scan(index, unit.rel, unit.body, unit.body_line, 1, body=True)
    joined, positions = unit.fields
    if positions:
        texts = joined.split("\x00")
        found += scan_fields(index, unit.rel, [(t, positions[2 * k], positions[2 * k + 1]) for k, t in enumerate(texts)])
    out: list[Finding] = []
    seen: set[tuple[str, int | None, int | None, str, str]] = set()
    for f in found:
        key = (f.path, f.line, f.column, f.code, f.message_en)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
