"""The page pass: every HTML page of a built site read once, on every core, and finished.

For each page, in a worker: its blocks put back into their slots (`casekit build` with MkDocs or
ProperDocs: casekit.site.slots), its Content-Security-Policy written in (casekit.site.csp), the
page written once; then the bytes just written are audited as the audit reads any file
(casekit.site.audit.audit_data) and, where the site uses casekit's Korean search, its article is
read for the index (casekit.site.search_index.page_of). The steps after it (the search index,
`finish_site`) take what the pass found and read only what it did not: the other files, and
pages it could not take (a link, a file over the audit's size limit).

Each step was its own pass over the site before, reading every page again (four reads and two
writes a page): the same results, now from one read and one write.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from casekit.core.findings import Finding
from casekit.core.workers import default_jobs, run_all
from casekit.site.audit import MAX_FILE, Expected, Scanner, audit_data, walk
from casekit.site.csp import TrustedScripts, add_csp
from casekit.site.search_index import Weighed, indexing, location_of, page_of, weighed
from casekit.site.slots import fill_text, slot_problem


@dataclass
class Finished:
    """What the page pass did, by site path."""

    audited: dict[str, list[Finding]] = field(default_factory=dict)  # each page's audit findings
    read: dict[str, Weighed | None] = field(default_factory=dict)  # each indexed page, read for the index
    problems: list[Finding] = field(default_factory=list)  # slots that did not come out as written
    skipped: set[str] = field(default_factory=set)  # pages done before (composed) but not audited here


@dataclass
class Job:
    """What finishing a page needs (the workers inherit it)."""

    blocks_dir: Path | None  # where the slotted pages' blocks wait (None: no page has slots)
    scan: Scanner
    expected: Expected
    search: bool = False  # read the pages for casekit's Korean index (finish_pages: when the site uses it)

    @property
    def trusted(self) -> TrustedScripts:
        return self.expected.trusted or TrustedScripts()


Done = tuple[str, list[Finding] | None, Weighed | None, str | None]  # (site path, findings, read, problem)


def finish_pages(site_dir: Path, job: Job, done: Finished | None = None) -> Finished:
    """Fill, secure, audit and read every page of the site at `site_dir`. `done`: what was
    finished already (pages casekit composed itself, casekit.site.compose), added to."""
    site_dir = Path(site_dir)
    out = done if done is not None else Finished()
    skip = set(out.audited) | out.skipped
    pages = [(rel, path) for rel, path, kind in walk(site_dir)
             if kind == "file" and rel.endswith(".html") and rel not in skip]
    job.search = indexing(site_dir)
    # the pages a share by size, the largest first, a few a task: with the case pages composed,
    # what is left is a hundred pages, a few of them lists of every case (a tenth of a megabyte
    # each at 1,000 cases), which one process took in turn while the other core waited
    sizes = {rel: _size(path) for rel, path in pages}
    pages.sort(key=lambda item: -sizes[item[0]])
    weight = sum(sizes.values()) // PAGE_WEIGHT
    for rel, findings, read, problem in run_all(_finish, pages, (job,), default_jobs(), chunk=4, size=weight):
        record(out, rel, findings, read, problem, job)
    return out


PAGE_WEIGHT = 4096  # bytes of pages that count as one record for run_all's `size` (a pool pays off from ~1 MB)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def record(out: Finished, rel: str, findings: list[Finding] | None, read: Weighed | None, problem: str | None,
            job: Job) -> None:
    if problem is not None:
        out.problems.append(slot_problem(rel, problem))
    elif findings is not None:
        out.audited[rel] = findings
        if job.search and location_of(rel) is not None:
            out.read[rel] = read


def _finish(item: tuple[str, str], job: Job) -> Done:
    rel, path = item[0], Path(item[1])
    try:
        if path.stat().st_size > MAX_FILE:
            return rel, None, None, None  # the audit names it; nothing else reads it
        text = path.read_bytes().decode("utf-8", "surrogateescape")
    except OSError:
        return rel, None, None, None  # left to the passes after (which report what they cannot read)
    data, findings, read, problem = finished(rel, text, job)
    if data is not None:
        path.write_bytes(data)
    return rel, findings, read, problem


def finished(rel: str, text: str, job: Job, clean: Callable[[str], list[Finding] | None] | None = None,
             ) -> tuple[bytes | None, list[Finding] | None, Weighed | None, str | None]:
    """(the finished page, its findings, what the index reads of it, None), or a slot problem.
    `clean`: for a composed page, [] when it finds the page (its policy written in) clean, else
    None (casekit.site.frame_audit: the page is then audited whole)."""
    if job.blocks_dir is not None:
        text, problem = fill_text(text, job.blocks_dir)
        if problem is not None:
            return None, None, None, problem
    text = add_csp(text, job.trusted)
    audited: str | None
    try:  # the page as the audit and the index read it: the text itself, when its bytes decode to it
        data, shown = text.encode("utf-8"), text
        audited = shown
    except UnicodeEncodeError:  # (bytes that were not UTF-8, kept as they were: the audit names the page)
        data = text.encode("utf-8", "surrogateescape")
        shown, audited = data.decode("utf-8", "replace"), None
    if len(data) > MAX_FILE:
        return data, None, None, None
    findings = clean(audited) if clean is not None and audited is not None else None
    if findings is None:
        findings = audit_data(rel, data, job.scan, job.expected, audited)
    location = location_of(rel)
    read = weighed(page_of(shown, location)) if job.search and location is not None else None
    return data, findings, read, None
