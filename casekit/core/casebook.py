"""A casebook on disk: find its root, list its records, check them all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casekit.core.config import Config, load_config
from casekit.core.docs import DocsScan, scan_docs
from casekit.core.findings import Finding, finding, sort_findings
from casekit.core.handover import HANDOVER_FILE, Handover
from casekit.core.handover import check_file as check_handover
from casekit.core.ids import collisions
from casekit.core.names import inside, looks_like_record, parse_record_name, valid_case_id, valid_resource_id
from casekit.core.pii import scan_parsed
from casekit.core.rules import check_case
from casekit.core.rules_practice import check_casebook
from casekit.core.scaffold import TEMP_FILE
from casekit.core.schemas import STAGES, SchemaSet, sensitive_values
from casekit.core.sensitive import SensitiveIndex, scan_fields
from casekit.core.sensitive import scan as scan_sensitive
from casekit.core.site_settings import check_site_settings
from casekit.core.source import Parsed
from casekit.core.summary import Summary, check_file, parse_file, public_strings

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
    disk: Path
    rel: str


@dataclass
class Layout:
    cases: dict[str, list[RecordFile]] = field(default_factory=dict)
    resources: dict[str, tuple[Path, str]] = field(default_factory=dict)
    handovers: dict[str, tuple[Path, str]] = field(default_factory=dict)  # case -> its handover.yml
    findings: list[Finding] = field(default_factory=list)


def _entries(folder: Path, rel: str, findings: list[Finding]) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:  # reported: an unreadable case folder is not an empty one
        findings.append(finding("folder-unreadable", rel, None, None, reason=exc.strerror or str(exc)))
        return []


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
    findings.append(finding("symlink-outside", rel, None, None, target=target))
    return True


def _listing(root: Path, folder: Path, rel: str, findings: list[Finding]) -> Iterator[tuple[os.DirEntry[str], str]]:
    """The entries of a casebook folder worth looking at: hidden files and links out are passed
    over (the latter reported); a folder that is itself a link out is reported and not listed."""
    if folder.is_symlink() and not inside(root, folder):
        findings.append(finding("symlink-outside", rel, None, None, target=os.readlink(folder)))
        return
    if not folder.is_dir():
        return
    for entry in _entries(folder, rel, findings):
        erel = f"{rel}/{entry.name}"
        if TEMP_FILE.fullmatch(entry.name):  # an interrupted `new`/`add`: the next one there removes it
            findings.append(finding("temp-file-left", erel, None, None))
        elif not entry.name.startswith(".") and not _link_escapes(root, entry, erel, findings):
            yield entry, erel


def scan(root: Path) -> Layout:
    """List the casebook's records and resources; bad names and escaping links become findings."""
    root = Path(os.path.realpath(root))
    layout = Layout()
    for entry, rel in _listing(root, root / "cases", "cases", layout.findings):
        if not entry.is_dir():
            layout.findings.append(finding("unexpected-file", rel, None, None, name=entry.name))
            continue
        if not valid_case_id(entry.name):
            layout.findings.append(finding("bad-case-id", rel, None, None, name=entry.name))
            continue
        records = layout.cases.setdefault(entry.name, [])
        for item, irel in _listing(root, Path(entry.path), rel, layout.findings):
            parsed = parse_record_name(item.name)
            if parsed is not None and item.is_file():
                records.append(RecordFile(entry.name, parsed[0], parsed[1], Path(item.path), irel))
            elif item.name == HANDOVER_FILE and item.is_file():
                layout.handovers[entry.name] = (Path(item.path), irel)
            elif looks_like_record(item.name):
                layout.findings.append(
                    finding("bad-file-name", irel, None, None, name=item.name, stages=", ".join(STAGES))
                )
            else:
                layout.findings.append(finding("unexpected-file", irel, None, None, name=item.name))
        if layout.findings and (layout.findings[-1].code, layout.findings[-1].path) == ("folder-unreadable", rel):
            del layout.cases[entry.name]  # not an empty case: one we could not read
    for entry, rel in _listing(root, root / "resources", "resources", layout.findings):
        stem = entry.name[:-3] if entry.name.endswith(".md") else None
        if stem is None:
            layout.findings.append(finding("unexpected-file", rel, None, None, name=entry.name))
        elif not valid_resource_id(stem) or not entry.is_file():
            layout.findings.append(finding("bad-resource-id", rel, None, None, name=entry.name))
        else:
            layout.resources[stem] = (Path(entry.path), rel)
    return layout


@dataclass
class Published:
    """What a resource publishes (body, fields) and what it must not (its sensitive values)."""

    rel: str
    body: str
    body_line: int
    fields: list[tuple[str, int, int]]
    sensitive: list[tuple[str, str]]


def _published(parsed: Parsed, rel: str, patterns: list[tuple[Any, ...]]) -> Published:
    fields = [(text, *parsed.where(path)) for path, text in public_strings(parsed.data, patterns)]
    return Published(rel, parsed.body, parsed.body_line, fields, sensitive_values(parsed.data, patterns))


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
    summaries: dict[str, list[Summary]] = field(default_factory=dict)
    parsed: dict[str, Parsed | None] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    handovers: dict[str, list[Handover]] = field(default_factory=dict)  # case -> its handovers, in file order

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def _select(root: Path, layout: Layout, targets: list[Path] | None) -> tuple[set[str] | None, bool]:
    """Which cases (None: all) and whether resources are checked, for the paths asked for."""
    if not targets:
        return None, True
    cases: set[str] = set()
    with_resources = False
    for target in targets:
        t = Path(os.path.abspath(target))
        if not inside(root, t):
            raise CasebookError(f"사례집 밖의 경로입니다 (outside the casebook {root}): {target}")
        rel = Path(os.path.realpath(t)).relative_to(root).parts
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


def check(root: Path, targets: list[Path] | None = None, keep: bool = False) -> Report:
    """Check the casebook at `root` (or only the cases/resources under `targets`). Never writes."""
    root = Path(os.path.realpath(root))
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
    findings += [f for f in layout.findings + collisions(layout.cases, config.ids) if _wanted(f.path, wanted, with_resources)]

    published: list[Published] = []
    inactive: set[str] = set()
    for rid, (disk, rel) in layout.resources.items():
        fs, parsed = _check_resource(rid, disk, rel, schemas)
        if parsed is not None and parsed.data is not None:
            published.append(_published(parsed, rel, schemas.sensitive_paths.get("resource", [])))
        report.files += 1
        if parsed is not None and isinstance(parsed.data, dict) and parsed.data.get("status") == "inactive":
            inactive.add(rid)
        if keep:
            report.resources[rid] = Resource(rid, rel, parsed)
        if with_resources:
            findings += fs
            if parsed is not None:
                findings += scan_parsed(parsed, rel, schemas.unscanned_paths("resource"), config.pii_allow)
    resource_ids = set(layout.resources)
    for case, files in layout.cases.items():
        if wanted is not None and case not in wanted:
            continue
        summaries = []
        for rf in files:
            fs, summary, parsed = check_file(str(rf.disk), rf.rel, case, rf.nn, rf.stage, schemas)
            findings += fs
            if parsed is not None:  # the body is published even when the front matter is broken
                findings += scan_parsed(parsed, rf.rel, schemas.unscanned_paths(rf.stage), config.pii_allow)
            summaries.append(summary)
            report.files += 1
            if keep:
                report.parsed[rf.rel] = parsed
        findings += check_case(f"cases/{case}", summaries, resource_ids)
        if case in layout.handovers:
            fs, report.handovers[case], hparsed = check_handover(str(layout.handovers[case][0]),
                                                                 layout.handovers[case][1], schemas, summaries)
            findings += fs + (scan_parsed(hparsed, layout.handovers[case][1], [], config.pii_allow) if hparsed else [])
            report.files += 1
        report.summaries[case] = sorted(summaries, key=lambda s: (s.nn, s.rel))
    findings += check_casebook(report.summaries, inactive, config.allow_resident_number)
    findings += _sensitive_in_published(root, report.summaries, published, wanted is None)
    report.findings = sort_findings(findings)
    return report


def _sensitive_in_published(
    root: Path, summaries: dict[str, list[Summary]], resources: list[Published], with_docs: bool
) -> list[Finding]:
    """A sensitive value found in published text: the body or an ordinary field of the same record,
    another record of the case, another case, a resource, or a page of docs/. One pass over every
    text with one index of every value, whatever the number of cases."""
    needles = [(v, s.rel, f) for recs in summaries.values() for s in recs for f, v in s.sensitive]
    needles += [(v, p.rel, f) for p in resources for f, v in p.sensitive]
    index = SensitiveIndex(needles)
    docs = scan_docs(root) if with_docs else DocsScan()
    if not index:
        return docs.findings
    found: list[Finding] = []
    for recs in summaries.values():
        for s in recs:
            found += scan_sensitive(index, s.rel, s.public_text, s.public_line, 1, body=True)
            found += scan_fields(index, s.rel, s.public_fields)
    for p in resources:
        found += scan_sensitive(index, p.rel, p.body, p.body_line, 1, body=True)
        found += scan_fields(index, p.rel, p.fields)
    for rel, text in docs.pages:
        found += scan_sensitive(index, rel, text, 1, 1, body=True)
    for rel in docs.names:  # a file or folder name ends up in a URL
        found += scan_sensitive(index, rel, rel.rsplit("/", 1)[-1], None, None, body=False)
    out: list[Finding] = list(docs.findings)
    seen: set[tuple[str, int | None, int | None, str, str]] = set()
    for f in found:
        key = (f.path, f.line, f.column, f.code, f.message_en)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


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
    value = parsed.data.get("id")
    if value is not None and value != rid:
        line, col = parsed.where(("id",))
        findings.append(finding("resource-id-mismatch", rel, line, col, value=value, expected=rid))
    return findings, parsed
