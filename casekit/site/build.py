"""`casekit build`: check → pages → the generator (MkDocs, ProperDocs or Zensical) → post-build steps.

    check(root)                 refuse on any error, listing them (`refusal`)
    generate(report, today)     every page as Markdown + finished HTML (record bodies cleaned in
                                casekit.site.body.clean)
    write_build_folder(...)     .casekit/build/{docs,blocks,overrides,mkdocs.yml}: the user's mkdocs.yml
                                plus docs_dir, casekit's CSS and templates, no casekit plugin; the
                                pages' HTML blocks wait in blocks/ (casekit.site.slots)
    run_generator(...)          a subprocess each: `python -m casekit.site.sandboxed mkdocs|properdocs build` (the
                                theme rendered in Jinja's sandbox), `zensical build`;
                                while it renders the pages, the case pages' blocks are made
    post_build(ctx)             POST_BUILD, in order, over the built site: the page pass (blocks
                                back in their slots, CSP, audit and search reading of every page,
                                casekit.site.finish), the Korean index, the rest of the audit; the
                                MkDocs plugin's on_post_build runs the same list

No MkDocs import: generators run as their own processes (ProperDocs aliases `mkdocs.*` to itself
when imported, so it must not share a process with MkDocs).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import gc
import importlib.util
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from casekit.core import clock
from casekit.core.case import restricted_records
from casekit.core.casebook import Report, check
from casekit.core.docs import held_back, scan_docs
from casekit.core.findings import Finding, finding, said_once, same_in_files
from casekit.core.needles import sensitive_needles
from casekit.core.sensitive import SensitiveIndex, needles_digest
from casekit.core.site_settings import docs_dir, holds_sources
from casekit.core.source import read_file
from casekit.core.workers import no_gc
from casekit.reporters import printable
from casekit.site.audit import Expected, Scanner, default_theme_dirs, docs_assets, docs_site_path, finish_site
from casekit.site.compose import STORE, Store, build_key, compose_cases, learn_frames
from casekit.site.finish import Finished, Job, finish_pages
from casekit.site.frame import Frame
from casekit.site.generate import (
    BUILD_DIR,
    Generated,
    KeptPages,
    Written,
    custom_dir_of,
    generate,
    load_user_config,
    site_key,
    write_build_folder,
)
from casekit.site.indexes import Site
from casekit.site.install import NotWritten, build_lock, discard, not_written, stage, swap_in
from casekit.site.search_index import indexing
from casekit.site.slots import BLOCKS_DIR

GENERATORS = ("mkdocs", "properdocs", "zensical")


@dataclass
class BuildContext:
    """What a post-build step gets: the casebook, its check report and where the site was written."""

    root: Path
    report: Report
    site_dir: Path
    generator: str  # mkdocs | properdocs | zensical
    today: dt.date
    notes: list[str] = field(default_factory=list)
    theme_dirs: list[Path] | None = None  # the generator's template folders (None: casekit's + Material's)
    docs_assets: dict[str, Path] | None = None  # docs/ files published as they are (None: from scan_docs)
    index: SensitiveIndex | None = None  # of sensitive_needles(report), when already made (None: made here)
    blocks_dir: Path | None = None  # where slotted pages' blocks wait (casekit.site.slots); None: no slots
    finished: Finished | None = None  # what the page pass did (the steps after it read only the rest)
    _expected: Expected | None = field(default=None, init=False, repr=False)  # made once, by expected()

    def sensitive_index(self) -> SensitiveIndex:
        if self.index is None:
            self.index = SensitiveIndex(sensitive_needles(self.report))
        return self.index

    def page_job(self) -> Job:
        """What the page pass needs (casekit.site.finish)."""
        return Job(self.blocks_dir, Scanner(self.sensitive_index()), self.expected())

    def expected(self) -> Expected:
        """What the site may hold besides pages (theme and casekit assets, allowed docs/ assets)."""
        if self._expected is None:
            if self.docs_assets is not None:
                assets = self.docs_assets
            else:  # (a restricted case's image is no file the site may hold)
                held = held_images(self.report)
                assets = docs_assets(self.root, [rel for rel in scan_docs(self.root).assets if rel not in held])
            self._expected = Expected.for_theme(self.theme_dirs or default_theme_dirs(self.root), docs_assets=assets)
        return self._expected


PostBuild = Callable[[BuildContext], list[Finding]]


def held_images(report: Report) -> dict[str, tuple[str, str | None]]:
    """The docs/ images of restricted cases the site leaves out (casekit.core.docs.held_back), from
    a check's report (its records' bodies when it kept them, else read again)."""
    def body(rel: str) -> str | None:
        parsed = report.parsed.get(rel)
        if parsed is not None:
            return parsed.body
        text, _ = read_file(str(report.root / rel), rel)
        return text

    return held_back(report.pictures, restricted_records(report.summaries), body)


# -- post-build steps --------------------------------------------------------
def finish_pages_step(ctx: BuildContext) -> list[Finding]:
    """Every page read once (casekit.site.finish): its blocks back in their slots, its CSP, its
    audit and what the Korean index reads of it. A slot that did not come out as written fails
    the build (a page without its blocks is not the casebook). Pages finished already (composed
    by casekit.site.compose) are not read again."""
    ctx.finished = finish_pages(ctx.site_dir, ctx.page_job(), ctx.finished)
    return ctx.finished.problems


def korean_search(ctx: BuildContext) -> list[Finding]:
    """casekit's Korean search index and worker (casekit.site.search_index), when the pages name
    the worker (the casekit theme templates with korean_search on; never another generator's own)."""
    from casekit.site.search_index import build_search_index

    stats = build_search_index(ctx.site_dir, ctx.finished.read if ctx.finished is not None else None,
                               refused_by(ctx.sensitive_index()))
    if stats.get("pages"):
        ctx.notes.append(f"한국어 검색 색인: 페이지 {stats['pages']}쪽, 검색어 {stats['terms']}개, "
                         f"조각 {stats['term_shards']}+{stats['doc_shards']}개 ({stats['index_bytes']}바이트)")
    return []


def refused_by(index: SensitiveIndex) -> Callable[[str], bool]:
    """Whether a text alone reads as a sensitive value, as the audit reads it (a given name alone
    is masked in the pages, never refused): the search index leaves such terms out."""
    return lambda text: next(index.finditer(text), None) is not None


def secure_output(ctx: BuildContext) -> list[Finding]:
    """A Content-Security-Policy in every page, every file world-readable, then the audit of every
    output file as a browser and a search engine read it (casekit.site.audit): sensitive values and
    their variants, anything loaded from another host, active content, files not made from the
    casebook. It trusts no generator: any finding is an error of the build."""
    done = ctx.finished.audited if ctx.finished is not None else None
    return finish_site(ctx.site_dir, ctx.sensitive_index(), ctx.expected(), done)


# THE list of post-build steps, run in order by `casekit build` and by the MkDocs plugin's
# on_post_build: the pages finished first, then the search index, so that the CSP and the audit
# see the finished site.
POST_BUILD: list[PostBuild] = [finish_pages_step, korean_search, secure_output]


def post_build(ctx: BuildContext, steps: list[PostBuild] | None = None) -> list[Finding]:
    """The steps in order; after a step that found the generator's output broken, none (nothing
    half-made is worth securing or auditing: the site is removed)."""
    findings: list[Finding] = []
    for step in POST_BUILD if steps is None else steps:
        found = step(ctx)
        findings += found
        if any(f.code == "generator-failed" for f in found):
            break
    return findings


def pages_index(report: Report) -> SensitiveIndex:
    """The index of every sensitive value, with the digest of its values (a case page kept from
    the last build must have been masked with the same values: casekit.site.generate.KeptPages)."""
    needles = sensitive_needles(report)
    index = SensitiveIndex(needles)
    index.digest = needles_digest(needles)
    return index


def _where(f: Finding) -> str:
    """A finding's place as the build prints it: path, path:line or path:line:column."""
    return f.path + (f":{f.line}" if f.line else "") + (f":{f.column}" if f.line and f.column else "")


def finding_lines(findings: list[Finding]) -> list[str]:
    """The lines a build prints of the audit's findings: one a finding, a finding the same in many
    files once, with how many (casekit.core.findings.said_once, as `casekit audit` says them)."""
    lines = []
    for f, files in said_once(findings):
        lines.append(f"{_where(f)}: [{f.code}] {f.message_ko}" + (f" {same_in_files(files)}" if files else ""))
    return lines


def warnings_note(report: Report, limit: int = 10) -> list[str]:
    """What a build says of check's warnings, which it builds with: how many, and each whose value
    the site publishes as written (a pii-* warning: a number that may be a person's account is not
    masked, as a given name is). The build said nothing of them: a casebook built without a check
    before it published such a number unsaid."""
    warned = [f for f in report.findings if f.severity == "warning"]
    if not warned:
        return []
    lines = [f"검사 경고 {len(warned)}건이 있습니다(경고가 있어도 사이트는 만듭니다). 모두 보려면: casekit check"]
    published = [f for f in warned if f.code.startswith("pii-")]
    if published:
        lines.append(f"그 가운데 {len(published)}건은 개인정보로 보이는 값이 가려지지 않고 사이트에 그대로 실립니다. "
                     "개인의 번호라면 지우고, 기관의 후원 계좌처럼 공개된 번호라면 casekit.yml의 pii.allow에 추가하세요:")
        for f in published[:limit]:
            lines.append(printable(f"  {_where(f)}: [{f.code}] {f.message_ko}"))
        if len(published) > limit:
            lines.append(f"  … 그 밖에 {len(published) - limit}건")
    return lines


# -- the whole build ---------------------------------------------------------
class Refused(Exception):
    """The casebook has errors: the site is not built. `str()` lists them."""

    def __init__(self, report: Report, limit: int = 20):
        super().__init__(refusal(report, limit))
        self.report = report


def refusal(report: Report, limit: int) -> str:
    errors = report.errors
    lines = [f"casekit: 사례집에 오류가 {len(errors)}건 있어 사이트를 만들지 않습니다 "
             f"(the casebook has {len(errors)} error(s); the site is not built):"]
    for f in errors[:limit]:
        lines.append(printable(f"  {_where(f)}: [{f.code}] {f.message_ko}"))  # (a path may hold a line break)
    if len(errors) > limit:
        lines.append(f"  … 외 {len(errors) - limit}건 (and {len(errors) - limit} more)")
    lines.append("`casekit check`로 모든 오류를 확인하고 고친 뒤 다시 빌드하세요 (run `casekit check` to see and fix them).")
    return "\n".join(lines)


@dataclass
class BuildResult:
    site_dir: Path
    site: Site
    pages: int
    findings: list[Finding]
    notes: list[str]
    changed: int | None = None  # files of the build folder (.casekit/build) written anew (the rest kept as they were)
    remade: int | None = None  # cases whose pages were made anew (the others' kept from the last build)
    composed: int = 0  # cases whose pages casekit put into the generator's frame (casekit.site.compose)
    files: int | None = None  # files in the site folder (all written by this build: it replaces the folder)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def generator_command(generator: str, config: Path) -> list[str]:
    # -P: the build folder, where it runs, is not put on the module path (a `.casekit/build/jinja2.py`
    # committed to the casebook's repository ran at every build: a probe)
    if generator == "zensical":
        return [sys.executable, "-P", "-m", "zensical", "build", "-f", str(config), "-c"]
    # the theme's templates (a casebook's custom_dir among them) rendered in Jinja's sandbox (casekit.site.sandboxed)
    return [sys.executable, "-P", "-m", "casekit.site.sandboxed", generator, "build", "-q", "-f", str(config)]


def run_generator(generator: str, config: Path, timeout: float = 3600,
                  meanwhile: Callable[[], None] | None = None, root: Path | None = None) -> list[Finding]:
    """Run the generator over the build folder; it writes `site/` beside the derived config.
    `meanwhile`: work done here while the generator runs (the case pages' blocks: it renders the
    pages with their slots on one core, the blocks are made on the others). It is done whatever
    happens to the generator."""
    if importlib.util.find_spec(generator) is None:
        if meanwhile is not None:
            meanwhile()
        return [finding("generator-missing", "mkdocs.yml", generator=generator)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    # its output goes to files, not pipes: nobody reads a pipe while `meanwhile` runs
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        try:
            proc = subprocess.Popen(generator_command(generator, config), cwd=config.parent, stdout=out, stderr=err,
                                    env=env)
        except OSError as exc:  # (it could not start: no permission to run Python, no memory to fork)
            if meanwhile is not None:
                meanwhile()
            return [finding("generator-failed", "mkdocs.yml", generator=generator, exit_code="-",
                            detail=f"{type(exc).__name__}: {exc}"[-2000:])]
        try:
            if meanwhile is not None:
                meanwhile()
            code = proc.wait(timeout=timeout)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        stdout, stderr = (_text_of(f) for f in (out, err))
    if code != 0 and (refused := template_refused(stderr, config.parent, root)) is not None:
        return [refused]
    if code != 0 or not (config.parent / "site" / "index.html").is_file():
        detail = (stderr or stdout or "index.html이 없습니다")[-2000:]
        return [finding("generator-failed", "mkdocs.yml", generator=generator, exit_code=code, detail=detail)]
    return []


_SECURITY = re.compile(r"^jinja2\.exceptions\.SecurityError: (.+)$", re.M)
_TEMPLATE_FRAME = re.compile(r'^  File "([^"\n]+)", line ([0-9]+)', re.M)


def template_refused(stderr: str, work: Path, root: Path | None) -> Finding | None:
    """`generator-template-refused` when the generator stopped on Jinja's sandbox (casekit.site.sandboxed)
    refusing what a template of the build folder's overrides/ (the casebook's custom_dir, then
    casekit's own) reached for: at the casebook's template (`root`: the casebook), with the line and
    what it reached for."""
    security = _SECURITY.search(stderr)
    overrides = os.path.join(os.path.realpath(work), "overrides") + os.sep
    frames = [(name.removeprefix(overrides) if name.startswith(overrides) else name.removeprefix("overrides/"), line)
              for name, line in _TEMPLATE_FRAME.findall(stderr)
              if name.startswith((overrides, "overrides/")) and name.endswith(".html")]
    if security is None or not frames:
        return None
    template, line = frames[-1]
    path, user = "mkdocs.yml", custom_dir_of(load_user_config(root)) if root is not None else None
    template = posixpath.join(user.strip().rstrip("/") if user is not None else "overrides", template.replace(os.sep, "/"))
    if user is not None:
        path = template
    return finding("generator-template-refused", path, int(line), None, template=template, at=line,
                   detail=security.group(1).strip().rstrip(".")[:200])



def _text_of(f: IO[bytes]) -> str:
    f.seek(0)
    return f.read().decode("utf-8", "replace").strip()


def build(root: Path, site_dir: Path | None = None, today: dt.date | None = None, generator: str = "mkdocs",
          work: Path | None = None, compose: bool = True) -> BuildResult:
    """Check, generate, run the generator, post-build. Raises Refused when the casebook has errors.
    `compose`: the case pages casekit can put into a frame the generator rendered are not sent
    through it (casekit.site.compose); False sends every page through the generator."""
    if generator not in GENERATORS:
        raise ValueError(f"unknown generator {generator!r}: {', '.join(GENERATORS)}")
    root = Path(os.path.realpath(root))
    work = work or root / BUILD_DIR
    safe_build_folder(root, work)
    with build_lock(work), collector_paused() as resume:  # (one build at a time: they share the build folder)
        return _build(root, site_dir, today, generator, work, compose, resume)


def _build(root: Path, site_dir: Path | None, today: dt.date | None, generator: str, work: Path,
           compose: bool, resume: Callable[[], None]) -> BuildResult:
    report = check(root, keep=True)
    if report.errors:
        raise Refused(report)
    today = today or clock.today()
    index = pages_index(report)  # masks given names in the pages, then audits them
    made = generate(report, today, keep=False, index=index)
    resume()  # the collector back on, what is alive now out of its sight (see collector_paused)
    held = held_images(report)  # (a restricted case's images: no output file holds them)
    written = write_build_folder(root, made, work, generator, defer=True, compose=compose, held=held)  # blocks: while it runs
    config, notes, pages = written.config, written.notes, written.pages
    notes += made.site.notes  # e.g. no git history: no "마지막 변경" on the records
    notes += warnings_note(report)
    given = site_dir is not None
    if site_dir is None:  # where mkdocs.yml says (site_dir), else site/
        configured = load_user_config(root).get("site_dir")
        site_dir = root / (configured if isinstance(configured, str) and configured else "site")
    named = "--site-dir" if given else "mkdocs.yml site_dir"
    site_dir = Path(os.path.abspath(site_dir))
    try:
        safe_site_dir(root, site_dir, named)
    except UnsafeSiteDir:
        if written.pending is not None:
            written.pending()  # the build folder left whole
        raise
    if written.refused:  # a docs/ file the build folder cannot hold: said as check says it, nothing built
        if written.pending is not None:
            written.pending()
        return BuildResult(site_dir, made.site, pages, written.refused, notes, written.changed, written.remade)
    findings = run_generator(generator, config, meanwhile=written.pending, root=root)
    frames = None
    if not findings and written.composing is not None and made.bodies is not None:
        frames = learn_frames(work / "site", made.site, made.bodies, written.composing)
        if frames is None:  # the proofs did not come out as a frame composes them: every page the generator's
            notes.append("사례 페이지의 틀을 확인하지 못해 모든 페이지를 생성기로 만듭니다 "
                         "(the case pages' frame did not prove out: every page goes through the generator)")
            written = write_build_folder(root, made, work, generator, defer=True, compose=False, held=held)
            config, pages = written.config, written.pages
            findings = run_generator(generator, config, meanwhile=written.pending, root=root)
    if findings:
        return BuildResult(site_dir, made.site, pages, findings, notes, written.changed, written.remade)
    # finished and audited away from the site folder, then put in its place whole (casekit.site.install):
    # the site folder holds the last audited site or this one, never half of one
    def failed(found: Finding) -> BuildResult:
        return BuildResult(site_dir, made.site, pages, [found], notes, written.changed, written.remade)

    kept = site_dir.is_dir()
    try:
        staging = stage(work / "site", site_dir)
    except NotWritten as exc:
        return failed(exc.finding)
    try:
        result = _finish(root, report, staging.folder, site_dir, generator, today, notes, work, written, made, index,
                         frames, pages)
    except OSError as exc:
        discard(staging)
        if exc.errno not in _DISK_ERRORS:
            raise
        return failed(not_written(site_dir, exc, kept))
    except BaseException:  # (a step that stopped halfway: nothing unaudited stays)
        discard(staging)
        raise
    if result.errors:
        discard(staging)
        return result
    try:
        swap_in(staging)
    except NotWritten as exc:
        result.findings.append(exc.finding)
        result.files = None
    return result


# what stops a build for want of room or permission: said as a finding (site-not-written), not a traceback
_DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO})


def _finish(root: Path, report: Report, site_dir: Path, target: Path, generator: str, today: dt.date, notes: list[str],
            work: Path, written: Written, made: Generated, index: SensitiveIndex, frames: dict[str, Frame] | None,
            pages: int) -> BuildResult:
    """The site in its staging folder `site_dir`: its case pages composed, then the post-build steps
    (the audit last). `target`: the site folder it goes to once audited."""
    ctx = BuildContext(root, report, site_dir, generator, today, notes, theme_dirs=theme_dirs(root, generator, work),
                       index=index, blocks_dir=work / BLOCKS_DIR if written.slotted else None)
    if frames is not None and written.composing is not None and made.bodies is not None:
        job = ctx.page_job()
        job.search = indexing(site_dir)
        cases = written.composing.cases
        store = Store.open(work / STORE, KeptPages(site_key(made.site, index, True, dated=False), {}).case_key,
                           build_key())
        ctx.finished, anew = compose_cases(site_dir, made.site, made.bodies, frames, cases, job, store)
        pages += 2 * len(cases)
        if written.remade is not None:  # the cases left to compose were counted as made anew
            written.remade -= len(cases) - anew
    findings = post_build(ctx)
    if any(f.severity == "error" for f in findings):
        shutil.rmtree(site_dir)  # nothing half-checked stays where it could be published
        ctx.notes.append(f"{target}: 새로 만든 사이트가 검사를 통과하지 못해 지웠습니다"
                         + (" (이전 사이트는 그대로 있습니다)" if target.is_dir() else "")
                         + " (removed: the built site failed its checks"
                         + ("; the previous site is left as it was)" if target.is_dir() else ")"))
        if generator == "zensical":
            ctx.notes += unsanitized_docs(report, findings)
    composed = len(written.composing.cases) if frames is not None and written.composing is not None else 0
    files = sum(len(names) for _, _, names in os.walk(site_dir)) if site_dir.is_dir() else None
    return BuildResult(target, made.site, pages, findings, ctx.notes, written.changed, written.remade, composed,
                       files)


# what check warns of in a docs/ page that the sanitizer takes out of it as MkDocs renders it
_LEFT_OUT = frozenset({"html-left-out", "outside-content", "html-page-pasted"})


def unsanitized_docs(report: Report, findings: list[Finding]) -> list[str]:
    """Under Zensical, which runs no MkDocs plugin (so casekit's sanitizer never sees the
    casebook's own docs/ pages as they render, and the HTML written in them is published as
    written, for the audit to refuse): for each docs/ page the audit found errors in, the source
    file and the places check warned of, with what to do."""
    warned: dict[str, list[Finding]] = {}
    for f in report.findings:
        if f.code in _LEFT_OUT and "/" in f.path and f.path.endswith(".md"):
            warned.setdefault(f.path, []).append(f)
    failed = {f.path for f in findings if f.severity == "error"}
    notes = []
    for rel, found in sorted(warned.items()):
        page = docs_site_path(rel)[: -len(".md")]
        base = page[: -len("index")] if page.rsplit("/", 1)[-1] in ("index", "README") else None
        outputs = {f"{base}index.html"} if base is not None else {f"{page}/index.html", f"{page}.html"}
        if outputs & failed:
            places = ", ".join(f"{f.line}:{f.column}" if f.column else str(f.line) for f in found if f.line)
            notes.append(f"{rel}: Zensical로 만들면 docs/ 페이지에 쓴 HTML이 걸러지지 않고 그대로 실립니다. "
                         f"`casekit check`가 알린 자리({places})의 HTML을 지우거나 `--generator mkdocs`로 만드세요 "
                         "(Zensical runs no casekit plugin: the HTML written in this docs/ page is published "
                         "as written; remove it, or build with MkDocs)")
    return notes


@contextlib.contextmanager
def collector_paused() -> Iterator[Callable[[], None]]:
    """The cyclic garbage collector paused while the build makes its report and site model, until
    the build calls what this yields: then everything alive (the report, the site model: millions
    of objects at 10,000 cases, none of them garbage) is frozen out of the collector's sight, and
    the collector is on again (if it was) for the build folder, composing and the steps after
    them, whose forked workers inherit the frozen heap. Collections over that heap as it grew
    took 8 of the 26 s before composing at 10,000 cases (the records' summaries alone unpacked in
    1.0 s without them, 4.7 s with). Forked workers are not left with the pause: they would
    collect after every task (casekit.core.workers), which made composing 5-7% slower. At the end
    the heap is unfrozen (unless someone else froze it before): a process that builds again
    (tests, a server) collects what this left."""
    was_on, was_frozen = gc.isenabled(), gc.get_freeze_count() > 0

    def resume() -> None:
        gc.freeze()
        if was_on:
            gc.enable()

    try:
        with no_gc():  # (which turns it back on at the end, if it was)
            yield resume
    finally:
        if not was_frozen:
            gc.unfreeze()


def theme_dirs(root: Path, generator: str, work: Path) -> list[Path]:
    """The template folders of the installed packages the generator built with (what the audit
    compares assets and inline scripts against): casekit's and the theme's own. Never the build
    folder's overrides: they hold the casebook's `custom_dir`, whose scripts are nobody's the
    site may trust (a template there could put any script on every page)."""
    dirs: list[Path] = []
    if generator == "zensical":
        spec = importlib.util.find_spec("zensical")
        if spec is not None and spec.origin:
            dirs.append(Path(spec.origin).parent / "templates")
    return dirs + [d for d in default_theme_dirs(root) if d not in dirs]


class UnsafeSiteDir(Exception):
    """--site-dir would overwrite the casebook or a folder that is not a built site."""


def safe_build_folder(root: Path, work: Path) -> None:
    """The build folder (.casekit/build) is casekit's own: it may not be, or sit in, a link (a
    `.casekit` link committed to the repository had the build empty and fill the folder it led to),
    and a link among its entries (`.casekit/build/site` -> a public web folder: the generator emptied
    it and wrote the private site there) is taken away, never followed (a probe)."""
    for link in (work, *(p for p in work.parents if root in p.parents)):
        if link.is_symlink():
            raise UnsafeSiteDir(f"빌드 폴더 {link}이(가) 다른 곳을 가리키는 링크입니다. casekit이 만드는 폴더이니 링크를 "
                                f"지우세요: 그대로 두면 링크가 가리키는 곳을 비우고 사이트를 씁니다 (the build folder is a "
                                f"symbolic link: remove it)")
    if work.is_dir():
        with os.scandir(work) as entries:
            links = [entry.path for entry in entries if entry.is_symlink()]
        for path in links:
            os.unlink(path)


def safe_site_dir(root: Path, site_dir: Path, named: str = "--site-dir") -> None:
    """The site folder is replaced on every build: it must not hold the casebook, sit in one of its
    source folders, be a symbolic link (or inside one below the casebook), or be a non-empty folder
    that is not a built site. `named`: where the folder was given (the option, or mkdocs.yml's
    site_dir), for the message."""
    for link in (site_dir, *(p for p in site_dir.parents if root in p.parents)):
        if link.is_symlink():  # a link committed as site/ would carry the private site where it leads
            raise UnsafeSiteDir(f"{named} {site_dir}: {link}은(는) 다른 곳을 가리키는 링크입니다. 사이트가 링크가 "
                                f"가리키는 곳(공개 웹 폴더일 수도 있습니다)에 만들어지므로 링크를 지우거나 실제 폴더를 "
                                f"주세요 (a symbolic link: give the real folder)")
    real = Path(os.path.realpath(site_dir))
    if os.path.lexists(real) and not real.is_dir():
        raise UnsafeSiteDir(f"{named} {site_dir}: 폴더가 아니라 파일입니다. 사이트를 만들 폴더를 주세요 "
                            f"(a file, not a folder)")
    if real == root or real in root.parents:
        raise UnsafeSiteDir(f"{named} {site_dir}: 사례집을 담은 폴더에는 만들 수 없습니다 (it holds the casebook)")
    rel = real.relative_to(root).parts if root in real.parents else ()
    if rel and holds_sources(rel, docs_dir(root)[0]):
        raise UnsafeSiteDir(f"{named} {site_dir}: 사례집의 원본 폴더 안에는 만들 수 없습니다. 만들 때 폴더를 비우므로 "
                            f"기록이 지워집니다 (a source folder: it is emptied on each build)")
    if real.is_dir() and any(real.iterdir()) and not (real / "index.html").is_file():
        raise UnsafeSiteDir(f"{named} {site_dir}: 비어 있지 않은 폴더입니다. 지난번에 만든 사이트 폴더나 빈 폴더를 "
                            "주세요 (not empty and not a built site)")
