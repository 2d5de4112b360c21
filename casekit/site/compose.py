"""The case and summary pages `casekit build` writes itself, into frames (casekit.site.frame).

    composable(...)     in the build folder's writing: whether a case's two pages can be
                        composed (their Markdown is headings and blocks of safe text)
    Composing           the cases left out of docs/, and the proofs the generator renders
    learn_frames(...)   after the generator: each kind of page's frame, proven on the proofs
    compose_cases(...)  every left-out case's pages made, put in their frames, then finished as
                        the page pass finishes any page (CSP, audit, search reading), on every core

A generator that lists its pages in sitemap.xml (MkDocs with `site_url`) gets no composed pages:
its sitemap would miss them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import json
import os
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casekit.core.cache import cache_home
from casekit.core.findings import Finding
from casekit.core.workers import default_jobs, run_all
from casekit.site.body import BodyRenderer
from casekit.site.case_page import case_plan
from casekit.site.finish import Done, Finished, Job, finished, record
from casekit.site.frame import Frame, Outline, Proof, learn, outline, render_content
from casekit.site.frame_audit import FrameAudit
from casekit.site.indexes import Case, Site
from casekit.site.search_index import Weighed
from casekit.site.slots import digest, page_key_of, slot_of
from casekit.site.summary_page import summary_plan
from casekit.site.views import BLOCK

# what composing knows the rendering of: Material with casekit's templates and no others, no
# plugin but search, no hooks, and Markdown extensions that leave the safe text of a heading as it
# is (casekit.site.frame._SAFE). A casebook set up otherwise has every page rendered by its generator.
PLUGINS = frozenset({"search", "material/search"})
EXTENSIONS = frozenset({
    "toc", "tables", "attr_list", "admonition", "md_in_html", "def_list", "footnotes", "sane_lists", "meta",
    "nl2br", "smarty", "fenced_code", "codehilite", "extra", "legacy_attrs", "legacy_em", "wikilinks",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.tabbed",
    "pymdownx.tasklist", "pymdownx.mark", "pymdownx.tilde", "pymdownx.caret", "pymdownx.betterem",
    "pymdownx.smartsymbols", "pymdownx.keys", "pymdownx.emoji", "pymdownx.magiclink", "pymdownx.critic",
    "pymdownx.saneheaders", "pymdownx.arithmatex", "pymdownx.escapeall",
})
KINDS = ("case", "summary")
CASES_A_TASK = 25


@dataclass
class Composing:
    """What the build folder leaves to compose_cases: the cases whose pages are not in docs/, and
    the proofs (cases whose pages are, and could be composed) to learn and prove the frames on."""

    cases: list[str] = field(default_factory=list)
    proofs: list[str] = field(default_factory=list)
    tocs: dict[str, tuple[int, int]] = field(default_factory=dict)  # by kind, the fewest and most toc items
    fronts: dict[str, set[str]] = field(default_factory=dict)  # by kind, the pages' front matter

    def add(self, cid: str, shapes: tuple[tuple[int, str], ...]) -> None:
        self.cases.append(cid)
        for kind, (n, front) in zip(KINDS, shapes, strict=True):
            least, most = self.tocs.get(kind, (n, n))
            self.tocs[kind] = (min(least, n), max(most, n))
            self.fronts.setdefault(kind, set()).add(front)


def config_allows(cfg: dict[str, Any], user_theme: Any) -> bool:
    """Whether the build's config (generate.derived_config, before casekit's plugin is added) and
    the user's theme settings are ones composing knows the rendering of (see PLUGINS)."""
    theme = cfg.get("theme")
    if not isinstance(theme, dict) or theme.get("name") != "material" or cfg.get("hooks"):
        return False
    if isinstance(user_theme, dict) and user_theme.get("custom_dir"):
        return False
    plugins = [_name(p) for p in cfg.get("plugins") or []]
    exts = [_name(e) for e in cfg.get("markdown_extensions") or []]
    return all(p in PLUGINS for p in plugins) and \
        all(e is not None and e.removeprefix("markdown.extensions.") in EXTENSIONS for e in exts)


def _name(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    return next(iter(entry)) if isinstance(entry, dict) and len(entry) == 1 and isinstance(next(iter(entry)), str) else None


@dataclass
class Made:
    """One composed page: where it goes, its outline with slots, and its blocks when made."""

    src: str
    url: str
    page: Outline
    slot: Callable[[int], str]
    blocks: Callable[[], list[str]]


def pages_of(site: Site, cid: str, bodies: BodyRenderer) -> dict[str, Made] | None:
    """The case's two pages as outlines (their blocks not made yet); None when either is more
    than headings and blocks of safe text (it then goes through the generator)."""
    case = site.cases[cid]
    plan = case_plan(site, case, bodies)
    slot = slot_of(page_key_of(plan.src))
    md = plan.slotted(slot)
    page = outline(md, slot) if md is not None else None
    if page is None:
        return None
    summary = summary_plan(site, case)
    sslot = slot_of(page_key_of(summary.src))
    smd = summary.slotted(sslot)
    spage = outline(smd, sslot) if smd is not None else None
    if spage is None:
        return None
    return {"case": Made(plan.src, plan.url, page, slot, plan.blocks),
            "summary": Made(summary.src, summary.url, spage, sslot, summary.blocks)}


def composable(site: Site, cid: str, bodies: BodyRenderer) -> tuple[tuple[int, str], ...] | None:
    """The shape of each of the case's pages (in KINDS' order: its table-of-contents items, its
    front matter) when they can be composed; else None."""
    pages = pages_of(site, cid, bodies)
    return None if pages is None else tuple((len(pages[kind].page.toc), pages[kind].page.front) for kind in KINDS)


def proof_candidates(site: Site, linked: set[str]) -> list[str]:
    """Cases of different sizes (the most records, the fewest, the middle; a restricted one):
    a frame learned on one of them must compose the others as the generator rendered them."""
    ids = sorted((cid for cid in site.cases if cid not in linked), key=lambda c: (-len(site.cases[c].records), c))
    picks = [ids[0], ids[-1], ids[len(ids) // 2]] if ids else []
    picks += [cid for cid in ids if site.cases[cid].restricted][:1]
    return list(dict.fromkeys(picks))


def site_file(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


def learn_frames(site_dir: Path, site: Site, bodies: BodyRenderer, composing: Composing) -> dict[str, Frame] | None:
    """Each kind's frame from the proofs as the generator wrote them (before the page pass);
    None when any kind's frame cannot be learned or proven, cannot hold every page to compose
    (their tables of contents, their front matter), or the sitemap lists pages."""
    proofs = composing.proofs
    got: dict[str, list[Proof]] = {kind: [] for kind in KINDS}
    for cid in proofs:
        pages = pages_of(site, cid, bodies)
        if pages is None:
            continue
        for kind in KINDS:
            made = pages[kind]
            try:
                html = site_file(site_dir, made.url).read_bytes().decode("utf-8")
            except (OSError, UnicodeDecodeError):
                return None
            got[kind].append(Proof(cid, made.page, made.slot, html))
    frames = {}
    for kind in KINDS:
        frame = learn(sorted(got[kind], key=lambda p: -len(p.page.toc)))  # cut from the fullest table of contents
        if frame is None or not frame.holds(*composing.tocs.get(kind, (0, 0))) \
                or not composing.fronts.get(kind, set()) <= {frame.front}:
            return None
        frames[kind] = frame
    return None if _lists_pages(site_dir) else frames


def _lists_pages(site_dir: Path) -> bool:
    """Whether the generator's sitemap lists pages (MkDocs with `site_url`): it would miss the
    composed ones. (`casekit check` refuses `site_url`: its canonical links name another host.)"""
    try:
        return "<url>" in (site_dir / "sitemap.xml").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


# -- composed pages kept from the last build -----------------------------------
STORE = "composed"  # in the build folder: the last build's composed pages, each case's as <id>.<file>
_STORE_FORMAT = 6  # (5 kept no short values of fields (search_index.values); 1 kept each case's files in a folder of its own; 2 keyed every case on the 기준일; 3 no rest sentences; 4 unsigned digests)
KEY_FILE = "build-key"  # in casekit's cache folder (casekit.core.cache.cache_home): what kept pages are signed with
_MANIFEST = "manifest.json"
_FILES = {"case": ".case.html", "summary": ".summary.html", "read": ".read.json"}  # a case's, after its id


@dataclass
class Store:
    """The composed pages of the last build (`.casekit/build/composed/`). A case's pages are kept
    when its key is the one they were composed with (the case and all every case page depends on:
    casekit.site.generate.KeptPages.case_key, with the frames and the reading for search) and each
    file still holds what was written; anything else composes them again. Only pages the audit
    found nothing in are kept. Paths come from the site's case ids, never from the manifest.

    The 기준일 is in the key of a case whose pages read it when they were composed (`Site.today`:
    an open case's timeline and D-days); the pages of a case that did not read it (a closed case)
    are kept from one day's build to the next. Composing is deterministic: with the same case and
    the same everything else, it reads the 기준일 again, or again does not, whatever the day."""

    path: Path
    key: Callable[[Case], str | None]  # the case's key, None when it cannot be taken (never kept)
    entries: dict[str, Any] = field(default_factory=dict)  # the last build's, by case id
    secret: bytes | None = None  # what this machine signs kept pages with (`build_key`); None: nothing kept

    @classmethod
    def open(cls, path: Path, key: Callable[[Case], str | None], secret: bytes | None = None) -> Store:
        """The store at `path` with the last build's manifest, which is removed until this build
        saves its own (a build stopped halfway keeps nothing). `secret`: `build_key()`'s."""
        entries: dict[str, Any] = {}
        try:
            data = json.loads((path / _MANIFEST).read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == _STORE_FORMAT and isinstance(data.get("cases"), dict):
                entries = data["cases"]
        except (OSError, UnicodeDecodeError, ValueError):
            pass
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            path.unlink()
        path.mkdir(parents=True, exist_ok=True)
        (path / _MANIFEST).unlink(missing_ok=True)
        return cls(path, key, entries, secret)

    def sign(self, cid: str, name: str, key: str, data: bytes) -> str | None:
        """A kept file's signature: keyed with this machine's secret, over the case, the kind of
        file, the case's key and the bytes. A page is published unaudited only with it, so a build
        folder written by anyone else (a CI cache restored from a pull request, a casebook unpacked
        with its .casekit/, a hand that recomputed the digest) is composed and audited again; nor
        can one case's kept page stand in for another's."""
        if self.secret is None:
            return None
        mac = hashlib.blake2b(digest_size=16, key=self.secret, person=b"casekit-kept")
        mac.update(f"{cid}\0{name}\0{key}\0".encode("utf-8", "surrogatepass"))
        mac.update(data)
        return mac.hexdigest()

    def kept(self, cid: str, key: str | None, as_of: dt.date) -> dict[str, tuple[bytes, Weighed | None]] | None:
        """(the page, its reading for search) by kind, when the last build's can stay. `key`: the
        case's without the 기준일 (`as_of`), added when the pages read it."""
        entry = self.entries.get(cid)
        if key is None or self.secret is None or not isinstance(entry, dict) \
                or entry.get("key") != dated_key(key, as_of, entry.get("dated")):
            return None
        digests = entry.get("digests")
        if not isinstance(digests, dict):
            return None
        files = {}
        for name in (*KINDS, "read"):
            try:  # a regular file, never a link (a kept page is linked into the site as it is)
                fd = os.open(self.file(cid, name), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                with os.fdopen(fd, "rb") as f:
                    if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                        return None
                    files[name] = f.read()
            except OSError:
                return None
            signed = self.sign(cid, name, str(entry["key"]), files[name])
            if not isinstance(digests.get(name), str) or signed is None or not hmac.compare_digest(digests[name], signed):
                return None
        try:
            reads = json.loads(files["read"].decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(reads, dict) or any(reads.get(k) is not None and _weighed(reads.get(k)) is None for k in KINDS):
            return None  # a reading not as casekit writes them: the pages are composed again
        return {kind: (files[kind], _weighed(reads.get(kind))) for kind in KINDS}

    def keep(self, cid: str, key: str, as_of: dt.date, dated: bool,
             pages: dict[str, tuple[bytes, Weighed | None]]) -> dict[str, Any] | None:
        """Store the case's finished pages and their readings (the site's copies are linked to
        them afterwards): its manifest entry (None: nothing kept, without a secret to sign with).
        `dated`: whether composing them read the 기준일."""
        if self.secret is None:
            return None
        files = {kind: data for kind, (data, _) in pages.items()}
        files["read"] = json.dumps({kind: read for kind, (_, read) in pages.items()}, ensure_ascii=False).encode("utf-8")
        for name, data in files.items():
            stored = self.file(cid, name)
            if stored.is_dir() and not stored.is_symlink():
                shutil.rmtree(stored)
            stored.unlink(missing_ok=True)  # never written through: the site's copy may be a link to it
            stored.write_bytes(data)
        entry_key = dated_key(key, as_of, dated)
        return {"key": entry_key, "dated": dated,
                "digests": {name: self.sign(cid, name, entry_key, data) for name, data in files.items()}}

    def file(self, cid: str, name: str) -> Path:
        """Where the case's `name` (a kind of page, or "read") is kept."""
        return self.path / f"{cid}{_FILES[name]}"

    def save(self, entries: dict[str, Any]) -> None:
        """This build's manifest (by case id), written whole then put in place; the files of
        other cases removed (and anything else there)."""
        ours = {f"{cid}{suffix}" for cid in entries for suffix in _FILES.values()}
        for child in self.path.iterdir():
            if child.name != _MANIFEST and child.name not in ours:
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        tmp = self.path / f".{_MANIFEST}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"format": _STORE_FORMAT, "cases": entries}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path / _MANIFEST)


def build_key() -> bytes | None:
    """This machine's secret for kept composed pages, in casekit's cache folder (never in the
    casebook, so it comes with no copy, archive or cache of one), made at the first build: 32
    random bytes, the file readable by its owner only. None when it can be neither read nor made
    (every case's pages are then composed and audited at each build)."""
    home = cache_home()
    path = home / KEY_FILE
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as f:
            data = f.read(64) if stat.S_ISREG(os.fstat(f.fileno()).st_mode) else b""
        if len(data) == 32:
            return data
    except OSError:
        pass
    secret = os.urandom(32)
    tmp = home / f".{KEY_FILE}.{os.getpid()}.tmp"
    try:
        home.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secret)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)  # (two first builds at once: the last one's stands; the other's pages are made again)
    except OSError:
        return None
    return secret


def dated_key(key: str, as_of: dt.date, dated: Any) -> str:
    """A case's key with the 기준일 when its pages read it (`dated`: True), else as it is."""
    return digest(f"{key}:{as_of.isoformat()}".encode()) if dated is True else key


def frames_key(frames: dict[str, Frame], job: Job) -> str:
    """What a kept composed page depends on besides its case: the frames, and whether it is read for search."""
    return digest(repr((sorted(frames.items()), job.search)).encode("utf-8", "surrogatepass"))


def _place(data: bytes, stored: Path | None, target: Path) -> None:
    """The page at `target`: a link to its stored copy where the file system allows, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if stored is not None:
        try:
            os.link(stored, target)
            return
        except OSError:
            pass
    target.write_bytes(data)


def compose_cases(site_dir: Path, site: Site, bodies: BodyRenderer, frames: dict[str, Frame], cases: list[str],
                  job: Job, store: Store | None = None) -> tuple[Finished, int]:
    """Every page of `cases` made, composed into its frame, finished and written to the site
    (pages `store` kept from the last build, unchanged, put back as they are): what was
    finished, and how many cases were composed anew."""
    out = Finished()
    job = dataclasses.replace(job, blocks_dir=None)  # no slots: the blocks go straight in
    salt = frames_key(frames, job)
    shares = [cases[i : i + CASES_A_TASK] for i in range(0, len(cases), CASES_A_TASK)]
    entries: dict[str, Any] = {}
    anew = 0
    audits = frame_audits(site, bodies, frames, cases, job)
    for done, made in run_all(_compose_share, shares, (site_dir, site, bodies, frames, job, store, salt, audits),
                              default_jobs(), chunk=1, size=len(cases)):
        for rel, findings, read, problem in done:
            record(out, rel, findings, read, problem, job)
            out.skipped.add(rel)
        for cid, (entry, fresh) in made.items():
            if entry is not None:
                entries[cid] = entry
            anew += fresh
    if store is not None:
        store.save(entries)
    return out, anew


Share = tuple[list[Done], dict[str, tuple[dict[str, Any] | None, bool]]]  # (pages, by case: its entry, made anew)


def frame_audits(site: Site, bodies: BodyRenderer, frames: dict[str, Frame], cases: list[str],
                 job: Job) -> dict[str, FrameAudit | None]:
    """Each kind's frame audited once, with the pages of the first case of `cases` that composes
    (casekit.site.frame_audit); a kind missing or None: its pages are audited whole."""
    for cid in cases:
        pages = pages_of(site, cid, bodies)
        if pages is not None:
            return {kind: FrameAudit.of(frames[kind], pages[kind].page, _rel(cid, kind), job.scan, job.expected,
                                        job.trusted) for kind in KINDS}
    return {}


def _compose_share(ids: list[str], site_dir: Path, site: Site, bodies: BodyRenderer, frames: dict[str, Frame],
                   job: Job, store: Store | None, salt: str,
                   audits: dict[str, FrameAudit | None]) -> Share:
    out: list[Done] = []
    entries: dict[str, tuple[dict[str, Any] | None, bool]] = {}
    for cid in ids:
        case_key = store.key(site.cases[cid]) if store is not None else None
        key = None if case_key is None else digest(f"{case_key}:{salt}".encode())
        kept = store.kept(cid, key, site.as_of) if store is not None else None
        if kept is not None and store is not None:
            for kind in KINDS:
                page, read = kept[kind]
                _place(page, store.file(cid, kind), site_dir / _rel(cid, kind))
                out.append((_rel(cid, kind), [], read, None))
            entries[cid] = (store.entries[cid], False)
            continue
        site.today_read = False  # (set by composing the case's pages when they read the 기준일)
        pages = pages_of(site, cid, bodies)
        done: dict[str, tuple[bytes, Weighed | None]] = {}
        clean = True  # only pages the audit found nothing in are kept
        for kind in KINDS:
            rel = _rel(cid, kind)
            text = None
            if pages is not None:
                made = pages[kind]
                blocks = made.blocks()
                content = render_content(made.page, lambda n, b=blocks: BLOCK.format(b[n]))  # type: ignore[misc]
                text = frames[kind].compose(made.page, cid, content)
            if text is None or pages is None:
                out.append((rel, None, None, "사례 페이지를 틀에 넣지 못했습니다 (a case page could not be composed)"))
                clean = False
                continue
            audit = audits.get(kind)
            data, findings, read, problem = finished(
                rel, text, job, None if audit is None else _clean(audit, rel, content, pages[kind].page, cid, job))
            out.append((rel, findings, read, problem))
            if data is not None:
                done[kind] = (data, read)
            clean = clean and data is not None and findings == []
        entry = store.keep(cid, key, site.as_of, site.today_read, done) \
            if store is not None and key is not None and clean else None
        for kind, (data, _) in done.items():
            _place(data, store.file(cid, kind) if entry is not None and store is not None else None,
                   site_dir / _rel(cid, kind))
        entries[cid] = (entry, True)
    return out, entries


def _clean(audit: FrameAudit, rel: str, content: str, shape: Outline, cid: str,
           job: Job) -> Callable[[str], list[Finding] | None]:
    """What tells `finished` that the composed page is clean (see casekit.site.frame_audit)."""
    return lambda secured: audit.findings(rel, secured, content, shape, cid, job.scan, job.expected)


def _rel(cid: str, kind: str) -> str:
    return f"cases/{cid}/index.html" if kind == "case" else f"cases/{cid}/summary/index.html"


def _weighed(read: Any) -> Weighed | None:
    """A reading for search as read.json keeps it (JSON: lists for tuples); None when it is not
    one casekit.site.search_index.weighed makes."""
    if not isinstance(read, list) or len(read) != 2:
        return None
    entry, weights = read
    if not (isinstance(entry, list) and len(entry) == 4 and isinstance(entry[0], str) and isinstance(entry[1], str)
            and all(isinstance(part, list) and all(isinstance(x, str) for x in part) for part in entry[2:])):
        return None
    if not isinstance(weights, dict) or not all(isinstance(k, str) and type(v) in (int, float)
                                                for k, v in weights.items()):
        return None
    return entry, weights
