"""Every page of the casebook site as finished Markdown, and the folder a generator builds from.

`pages(report, today)` is what both pipelines use: `casekit build` writes the pages into a build
folder (`write_build_folder`), the MkDocs plugin hands them to MkDocs as generated files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import pickle
import posixpath
import re
import shutil
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from casekit.core.casebook import Report
from casekit.core.docs import name_refused, scan_docs, unwritable
from casekit.core.findings import Finding
from casekit.core.links import LEFT, addresses_rewritten, docs_link_places
from casekit.core.names import CASE_ID, inside
from casekit.core.pictures import page_url
from casekit.core.sensitive import SensitiveIndex
from casekit.core.workers import default_jobs, run_all
from casekit.site.body import BodyRenderer
from casekit.site.case_page import case_page, case_plan
from casekit.site.compose import Composing, composable, config_allows, proof_candidates
from casekit.site.directory import (
    need_pages,
    needs_index,
    resource_pages,
    resources_index,
    risk_index,
    risk_pages,
    worker_pages,
    workers_index,
)
from casekit.site.html import place_url
from casekit.site.indexes import Site, build_site
from casekit.site.pages import cases_index, due_pages, home, stage_pages
from casekit.site.records import Case
from casekit.site.sanitize import plain_headings
from casekit.site.slots import BLOCKS_DIR, digest, encode_blocks, page_key, page_key_of, slot_of, stub
from casekit.site.summary_page import summary_page, summary_url
from casekit.site.theme_files import CSS_FILE, CSS_URI, JS_FILE, JS_URI, NEEDED_EXTENSIONS, TEMPLATES
from casekit.site.views import Page, case_url, src_uri

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent  # casekit/: its code is part of what a kept page was made by
BUILD_DIR = ".casekit/build"  # under the casebook root; .gitignore'd


@dataclass
class Generated:
    site: Site
    pages: list[Page]
    stream: Iterator[Page] = field(default_factory=lambda: iter(()))  # the pages not yet made (keep=False)
    bodies: BodyRenderer | None = None  # what renders record bodies (for render_unit)


@dataclass
class Written:
    """What `write_build_folder` wrote: the derived config, the number of pages, notes for the user."""

    config: Path
    pages: int
    notes: list[str]
    changed: int = 0  # files of docs/ and blocks/ written (new or changed): the others kept from the last build
    slotted: bool = False  # the pages' HTML blocks wait in blocks/ for the built site (casekit.site.slots)
    remade: int | None = None  # cases whose pages were made anew (the others' kept from the last build)
    # what is left to write (the case pages' blocks, with `defer`): call it while the generator
    # runs, and before anything reads blocks/ (it sets `changed` and the manifest)
    pending: Callable[[], None] | None = None
    # the cases whose pages casekit composes itself, after the generator (casekit.site.compose):
    # not in docs/; None when every page goes through the generator
    composing: Composing | None = None
    # docs/ files the build folder cannot hold (`docs-not-published`, an error): check says so
    # first; a build that gets one anyway refuses with it, never with a traceback
    refused: list[Finding] = field(default_factory=list)


Unit = tuple[str, Any]  # a share of the pages, small enough to send to a worker: see page_units
CASES_A_UNIT = 25


def page_units(site: Site) -> list[Unit]:
    """The site's pages in shares (an index, a few cases, a resource, a worker's list…), in the
    order of all_pages; each made by render_unit, in any process that holds the site."""
    units: list[Unit] = [(kind, None) for kind in ("home", "cases", "stages", "due", "resources", "workers",
                                                   "needs", "risk")]
    ids = list(site.cases)
    units += [("case", tuple(ids[i : i + CASES_A_UNIT])) for i in range(0, len(ids), CASES_A_UNIT)]
    units += [("resource", rid) for rid in site.resources]
    units += [("worker", wid) for wid in site.workers()]
    units += [("need", key) for key in site.domain_labels]
    units += [("level", level) for level in site.risk_labels]
    return units


def render_unit(site: Site, bodies: BodyRenderer, unit: Unit) -> Iterator[Page]:
    kind, key = unit
    if kind == "case":
        for cid in key:
            yield case_page(site, site.cases[cid], bodies)
            yield summary_page(site, site.cases[cid])
    elif kind == "resource":
        yield from resource_pages(site, site.resources[key], bodies)
    elif kind == "worker":
        yield from worker_pages(site, key, site.workers()[key])
    elif kind == "need":
        yield from need_pages(site, key)
    elif kind == "level":
        yield from risk_pages(site, key)
    else:
        yield from _INDEXES[kind](site)


_INDEXES: dict[str, Callable[[Site], Iterable[Page]]] = {
    "home": lambda site: [home(site)], "cases": cases_index, "stages": stage_pages, "due": due_pages,
    "resources": resources_index, "workers": workers_index, "needs": lambda site: [needs_index(site)],
    "risk": risk_index,
}


def all_pages(site: Site, bodies: BodyRenderer) -> Iterator[Page]:
    for unit in page_units(site):
        yield from render_unit(site, bodies, unit)


def generate(report: Report, today: dt.date, keep: bool = True, index: SensitiveIndex | None = None) -> Generated:
    """The site model and every page, from a report `check(root, keep=True)` found no error in.
    With `keep=False` the pages are left to be made one by one (`Generated.stream`), so a large
    casebook's pages never sit in memory together. `index` masks given names in record bodies."""
    site = build_site(report, today)
    bodies = BodyRenderer(index, site.pictures, site.targets)
    made = Generated(site, [], all_pages(site, bodies), bodies)
    if keep:
        made.pages = list(made.stream)
    return made


# -- the build folder --------------------------------------------------------
class Tagged:
    """A YAML value with a tag casekit does not interpret (`!!python/name:…`, `!ENV`): kept as written."""

    def __init__(self, tag: str, value: Any):
        self.tag = tag
        self.value = value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True))
    assert isinstance(node, yaml.MappingNode)
    return Tagged(node.tag, loader.construct_mapping(node, deep=True))


def _represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_Loader.add_multi_constructor("!", _tagged)
_Dumper.add_representer(Tagged, _represent)


def load_user_config(root: Path) -> dict[str, Any]:
    with open(root / "mkdocs.yml", encoding="utf-8") as f:
        data = yaml.load(f, Loader=_Loader)
    return data if isinstance(data, dict) else {}


def _is_casekit(entry: Any) -> bool:
    return entry == "casekit" or (isinstance(entry, dict) and "casekit" in entry)


def _without_indexing(entry: Any) -> Any:
    """Material's search plugin with `enabled: false`: it stays among the plugins, so the theme
    still shows its search box (which talks to casekit's worker), but no longer parses every page
    into an index that casekit's build then replaces (8% of MkDocs' time on a large casebook)."""
    name = entry if isinstance(entry, str) else next(iter(entry)) if isinstance(entry, dict) and len(entry) == 1 else None
    if name not in ("search", "material/search"):
        return entry
    options = entry[name] if isinstance(entry, dict) and isinstance(entry[name], dict) else {}
    return {name: {**options, "enabled": False}}


def derived_config(root: Path, user: dict[str, Any], work: Path) -> dict[str, Any]:
    """The user's mkdocs.yml, pointed at the generated pages, with casekit's CSS and templates and
    without the casekit plugin (the pages are already made). Paths are made absolute."""
    cfg = dict(user)
    cfg["docs_dir"] = "docs"
    cfg["site_dir"] = "site"
    plugins = cfg.get("plugins", ["search"])  # MkDocs' own default when mkdocs.yml names none
    cfg["plugins"] = [p for p in plugins or [] if not _is_casekit(p)]
    theme = cfg.get("theme")
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme} if isinstance(theme, str) else {"name": "material"}
    theme["custom_dir"] = "overrides"
    theme["font"] = False  # never Google Fonts: a reader's browser asks no other host for anything
    cfg["theme"] = theme
    extra = dict(cfg.get("extra") or {})
    extra.setdefault("generator", False)  # no "Made with …" footer
    options = next((p["casekit"] for p in plugins or [] if isinstance(p, dict) and "casekit" in p), None)
    # the templates name casekit's Korean search worker unless the plugin options turn it off
    extra.setdefault("casekit_search", not (isinstance(options, dict) and options.get("korean_search") is False))
    cfg["extra"] = extra
    extra_css = list(cfg.get("extra_css") or [])
    if CSS_URI not in extra_css:
        extra_css.append(CSS_URI)
    cfg["extra_css"] = extra_css
    extra_js = list(cfg.get("extra_javascript") or [])
    if JS_URI not in extra_js:
        extra_js.append(JS_URI)
    cfg["extra_javascript"] = extra_js
    exts = list(cfg.get("markdown_extensions") or [])
    names = {e if isinstance(e, str) else next(iter(e)) for e in exts if isinstance(e, str | dict) and e}
    exts += [e for e in NEEDED_EXTENSIONS if e not in names]
    cfg["markdown_extensions"] = exts
    if isinstance(cfg.get("INHERIT"), str):
        cfg["INHERIT"] = str((root / cfg["INHERIT"]).resolve())
    if isinstance(cfg.get("hooks"), list):
        cfg["hooks"] = [str((root / h).resolve()) if isinstance(h, str) else h for h in cfg["hooks"]]
    return cfg


class _Folder:
    """A folder of the build written again: a file whose bytes are unchanged is not touched (its
    modification time stays, so a generator that rebuilds only what changed, such as Zensical or
    `mkdocs serve --dirtyreload`, redoes only the pages of the cases that changed), and whatever
    the build did not write this time is removed at the end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.written: set[Path] = set()
        self.changed = 0
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            path.unlink()
        for folder, dirs, files in os.walk(path):  # casekit makes no links: one found was planted
            for name in dirs + files:
                if os.path.islink(os.path.join(folder, name)):
                    os.unlink(os.path.join(folder, name))

    def write(self, rel: str, data: bytes) -> bool:
        """Write `rel` unless it holds `data` already; whether it was written."""
        if unwritable(rel):  # (views.segment makes none; check reports a docs/ name that is: name_refused)
            raise ValueError(f"a generated page outside the build folder: {rel!r}")
        target = self.path / rel
        self.written.add(target)
        try:
            if target.is_file() and not target.is_symlink() and target.stat().st_size == len(data) \
                    and target.read_bytes() == data:
                return False
        except OSError:
            pass
        for parent in reversed(target.relative_to(self.path).parents):  # a file where a folder goes: an old one
            if (self.path / parent).is_file():
                (self.path / parent).unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            shutil.rmtree(target)
        target.write_bytes(data)
        self.changed += 1
        return True

    def wrote(self, rel: str, changed: bool) -> None:
        """What another process's copy of this folder wrote (see _write_unit); a file this copy
        wrote itself (the work done here, not in a worker) is counted once."""
        if self.path / rel in self.written:
            return
        self.written.add(self.path / rel)
        self.changed += changed

    def copy(self, rel: str, source: Path) -> None:
        self.write(rel, source.read_bytes())

    def copy_tree(self, source: Path) -> None:
        """Every regular file under `source`, never through a link (check refuses one in a theme's
        folder: a template could include the file it leads to, /etc/passwd or a restricted record)."""
        for top, dirs, files in os.walk(source):  # (links to folders are not followed)
            dirs.sort()
            for name in sorted(files):
                path = Path(top) / name
                if not path.is_symlink() and path.is_file():
                    self.copy(path.relative_to(source).as_posix(), path)

    def exists(self, rel: str) -> bool:
        return self.path / rel in self.written

    def finish(self) -> None:
        """Remove what this build did not write (deepest first, then emptied folders)."""
        if not self.path.is_dir():
            return
        for path in sorted(self.path.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            elif path not in self.written:
                path.unlink()


Wrote = tuple[bool, str, bool]  # (in docs/, else in blocks/; the file; whether it was written anew)


def _page_files(page: Page, slotted: bool) -> list[tuple[bool, str, bytes]]:
    """(in docs/, else in blocks/; the file; its bytes) of one page."""
    made = stub(page) if slotted else None
    if made is None:
        return [(True, page.src_uri, page.markdown.encode("utf-8"))]
    return [(True, page.src_uri, made[0].encode("utf-8")), (False, f"{page_key(page)}.json", encode_blocks(made[1]))]


def _write_page(page: Page, docs: _Folder, blocks: _Folder, slotted: bool) -> list[Wrote]:
    return [(in_docs, rel, (docs if in_docs else blocks).write(rel, data))
            for in_docs, rel, data in _page_files(page, slotted)]


# -- pages kept from the last build ------------------------------------------
PAGES_MANIFEST = "pages.json"  # in the build folder: each case's key and the files its pages are
_MANIFEST_FORMAT = 1


class KeptPages:
    """Which case pages of the last build can stay as they are. A case's pages depend on the case
    (its records as the site shows them, their git history, its handovers and deadlines: the
    site's `Case`, hashed whole) and on what every case page reads of the casebook (`site_key`:
    casekit's code, the 기준일, the schemas, the deadline settings, the resources, the sensitive
    values that mask given names, slotting). Their files are kept when the case's key is the one
    the build folder's manifest holds and each file still holds what was written for it; anything
    else (no manifest, another casekit, a file changed or gone) makes the pages again."""

    def __init__(self, site_key: str, manifest: dict[str, Any]) -> None:
        self.site_key = site_key.encode()
        self.manifest = manifest

    def case_key(self, case: Case) -> str | None:
        """The case's key; None when it cannot be taken (its pages are then always made)."""
        try:
            return digest(self.site_key + pickle.dumps(case, protocol=pickle.HIGHEST_PROTOCOL))
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None

    def kept(self, cid: str, key: str | None, docs: _Folder, blocks: _Folder) -> list[Wrote] | None:
        entry = self.manifest.get(cid)
        if key is None or not isinstance(entry, dict) or entry.get("key") != key or not isinstance(entry.get("files"), list):
            return None
        expected = {src_uri(case_url(cid)), src_uri(summary_url(cid))}
        expected_blocks = {f"{page_key_of(rel)}.json" for rel in expected}
        files = entry["files"]
        if not all(isinstance(f, list) and len(f) == 3 and isinstance(f[1], str) for f in files):
            return None
        if {f[1] for f in files if f[0] is True} != expected or not {f[1] for f in files if f[0] is False} <= expected_blocks:
            return None  # only the case's own files, each named as this casekit names it
        for in_docs, rel, want in files:
            try:
                if digest(((docs if in_docs else blocks).path / rel).read_bytes()) != want:
                    return None
            except OSError:
                return None
        return [(in_docs, rel, False) for in_docs, rel, _ in files]


def site_key(site: Site, index: SensitiveIndex | None, slotted: bool, dated: bool = True) -> str:
    """What every case page depends on besides its case (see KeptPages). `dated`: with the 기준일
    (composed pages leave it out, and add it to the key of a case whose pages read it:
    casekit.site.compose.Store)."""
    from casekit import __version__

    code = sorted((p.relative_to(PACKAGE).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
                  for p in PACKAGE.rglob("*.py"))
    parts = [_MANIFEST_FORMAT, __version__, code, site.as_of.isoformat() if dated else None, site.deadlines, site.caseload,
             site.schemas.schemas, slotted, None if index is None else index.digest, site.pictures.key]
    blob = json.dumps(parts, sort_keys=True, default=repr, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return digest(blob + pickle.dumps(site.resources, protocol=pickle.HIGHEST_PROTOCOL))


def load_manifest(work: Path) -> dict[str, Any]:
    """The last build's manifest of case pages ({} when there is none or it cannot be read)."""
    try:
        data = json.loads((work / PAGES_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != _MANIFEST_FORMAT or not isinstance(data.get("cases"), dict):
        return {}
    return data["cases"]  # type: ignore[no-any-return]


def save_manifest(work: Path, cases: dict[str, Any]) -> None:
    """Written whole to a new file, then put in place: a build stopped halfway leaves the old one."""
    tmp = work / f".{PAGES_MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"format": _MANIFEST_FORMAT, "cases": cases}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, work / PAGES_MANIFEST)


# what a share of the pages wrote, its cases' manifest entries (with whether the pages were made
# anew) and the cases whose case page's blocks are still to be made (`defer`)
# (and, with `compose`, the cases left out of docs/ with their pages' shapes, and the proofs
# that could be composed)
Made = tuple[list[Wrote], dict[str, tuple[dict[str, Any], bool]], list[str], list[tuple[str, tuple[tuple[int, str], ...]]],
             list[str]]


@dataclass(frozen=True)
class Compose:
    """Which cases the build folder leaves to casekit.site.compose: any that can be composed
    except the proofs and the cases the casebook's own docs/ pages link to (the generator
    resolves those links, so it must know the pages)."""

    proofs: frozenset[str]
    linked: frozenset[str]


def _write_unit(unit: Unit, site: Site, bodies: BodyRenderer, docs: _Folder, blocks: _Folder,
                slotted: bool, kept: KeptPages | None = None, defer: bool = False,
                compose: Compose | None = None) -> Made:
    """Make a share of the pages and write them (in a worker: what it wrote goes back to be
    counted, the folders here being its copies). A case whose pages the last build left as they
    would be made now is not made again. `defer` (slotted pages only): a case page's Markdown is
    written with its slots, its blocks left for `_write_blocks`. `compose`: a case whose pages
    casekit can compose is left out, and only named."""
    kind, ids = unit
    if kind != "case" or kept is None:
        return [w for page in render_unit(site, bodies, unit) for w in _write_page(page, docs, blocks, slotted)], \
            {}, [], [], []
    wrote: list[Wrote] = []
    entries: dict[str, tuple[dict[str, Any], bool]] = {}
    later: list[str] = []
    left: list[tuple[str, tuple[tuple[int, str], ...]]] = []
    proofs: list[str] = []
    for cid in ids:
        shapes = composable(site, cid, bodies) if compose is not None and cid not in compose.linked else None
        if shapes is not None and compose is not None:
            if cid not in compose.proofs:
                left.append((cid, shapes))
                continue
            proofs.append(cid)
        case = site.cases[cid]
        key = kept.case_key(case)
        same = kept.kept(cid, key, docs, blocks)
        if same is None:
            plan = case_plan(site, case, bodies)
            md = plan.slotted(slot_of(page_key_of(plan.src))) if defer and slotted else None
            if md is None:
                files = _page_files(plan.page(), slotted)
            else:
                files = [(True, plan.src, md.encode("utf-8"))]
                later.append(cid)
            files += _page_files(summary_page(site, case), slotted)
            same = [(in_docs, rel, (docs if in_docs else blocks).write(rel, data)) for in_docs, rel, data in files]
            entries[cid] = ({"key": key, "files": [[in_docs, rel, digest(data)] for in_docs, rel, data in files]}, True)
        else:
            entries[cid] = (kept.manifest[cid], False)
        wrote += same
    return wrote, entries, later, left, proofs


def _read_from(site_rel: str, generator: str) -> str:
    """The site folder a relative link written in the docs/ page `site_rel` is read from: MkDocs and
    ProperDocs leave a link to no page of docs/ as written, read from the page's own folder
    (`guide/`); Zensical writes every relative link from the page's source folder (`""` for guide.md:
    `cases/x/` is published as `../cases/x/`, `../due/` as `../../due/`)."""
    if generator in ("mkdocs", "properdocs"):
        return page_url(site_rel)
    folder = posixpath.dirname(site_rel)
    return f"{folder}/" if folder else ""


_CASE_LINK = re.compile(f"cases/({CASE_ID.pattern})")


def _linked_cases(root: Path, user_docs: Path) -> set[str]:
    """The cases the casebook's own docs/ pages or its mkdocs.yml (a `nav` entry) name a path of,
    or whose page a docs/ page would stand in for:
    the generator must know their pages, so they are never composed (casekit.site.compose)."""
    prefix = user_docs.relative_to(root).as_posix() + "/" if inside(root, user_docs) else None
    # (a page's path too: a docs/ page where a case page goes gives way to it, with a note)
    texts = [f"{rel[len(prefix):]}\n{text}" for rel, text in scan_docs(root).pages
             if prefix is not None and rel.startswith(prefix)]
    with contextlib.suppress(OSError):
        texts.append((root / "mkdocs.yml").read_text(encoding="utf-8", errors="replace"))
    return {m.group(1) for text in texts for m in _CASE_LINK.finditer(text)}


def _write_blocks(ids: list[str], site: Site, bodies: BodyRenderer, blocks: _Folder) -> list[tuple[str, str, bool, str]]:
    """The blocks of the case pages of `ids`, made and written: (case, file, written anew, digest)."""
    out = []
    for cid in ids:
        plan = case_plan(site, site.cases[cid], bodies)
        rel, data = f"{page_key_of(plan.src)}.json", encode_blocks(plan.blocks())
        out.append((cid, rel, blocks.write(rel, data), digest(data)))
    return out


def custom_dir_of(user: dict[str, Any]) -> str | None:
    """The `theme.custom_dir` of the casebook's settings `user` (load_user_config), as written; None
    when there is none."""
    theme = user.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return custom if isinstance(custom, str) and custom.strip() else None


def write_build_folder(root: Path, pages: Iterable[Page] | Generated, work: Path | None = None,
                       generator: str = "mkdocs", defer: bool = False, compose: bool = False,
                       held: Collection[str] = ()) -> Written:
    """Write docs/ (every generated page, then the casebook's own pages where casekit made none),
    overrides/ and mkdocs.yml into the build folder. A build folder kept from the last build is
    reused: only files whose content changed are written, and what is gone is removed. `defer`:
    the case pages' blocks (most of the work) are left to `Written.pending`, to make while the
    generator renders the pages (they wait outside docs/, which it reads when it starts). `compose`
    (slotted pages only): the case pages casekit can compose itself are left out of docs/
    (`Written.composing`), but for a few proofs of each size. `held`: docs/ images kept out of the
    site (casekit.core.docs.held_back: a restricted case's)."""
    work = work or root / BUILD_DIR
    notes: list[str] = []
    shutil.rmtree(work / "site", ignore_errors=True)
    docs = _Folder(work / "docs")
    blocks = _Folder(work / BLOCKS_DIR)
    user = load_user_config(root)
    derived = derived_config(root, user, work)
    # the blocks wait outside the generator where casekit's own search reads the pages; another
    # generator's search (Zensical's) indexes what it renders, so it gets them whole
    slotted = generator in ("mkdocs", "properdocs") and bool(derived["extra"]["casekit_search"])
    if slotted:  # casekit's Korean index replaces Material's: its search box stays, its indexing goes
        derived["plugins"] = [_without_indexing(p) for p in derived["plugins"]]
    user_docs = root / str(user.get("docs_dir") or "docs")
    count = 0
    remade: int | None = None
    manifest: dict[str, Any] = {}
    waiting: list[str] = []  # cases whose case page's blocks are still to be made (defer)
    composing: Composing | None = None
    if isinstance(pages, Generated) and pages.bodies is not None:
        # made and written on every core, a share of the pages a task (the workers hold the site)
        units = page_units(pages.site)
        index = pages.bodies.index
        # pages masked by an index whose values are not known (no digest) are never kept
        kept = KeptPages(site_key(pages.site, index, slotted), load_manifest(work)) \
            if index is None or index.digest is not None else None
        (work / PAGES_MANIFEST).unlink(missing_ok=True)  # until this build's pages are all written
        plan = None
        if compose and slotted and kept is not None and config_allows(derived, user.get("theme")):
            linked = _linked_cases(root, user_docs)
            plan = Compose(frozenset(proof_candidates(pages.site, linked)), frozenset(linked))
        left: list[tuple[str, tuple[tuple[int, str], ...]]] = []
        proofs: list[str] = []

        def write(units: list[Unit], plan: Compose | None) -> None:
            nonlocal count, remade
            args = (pages.site, pages.bodies, docs, blocks, slotted, kept, defer, plan)
            for wrote, entries, later, out, proved in run_all(_write_unit, units, args, default_jobs(), chunk=4,
                                                              size=2 * len(pages.site.cases)):
                for in_docs, rel, changed in wrote:
                    count += in_docs
                    (docs if in_docs else blocks).wrote(rel, changed)
                for cid, (entry, anew) in entries.items():
                    manifest[cid] = entry
                    remade = (remade or 0) + anew
                waiting.extend(later)
                left.extend(out)
                proofs.extend(proved)

        write(units, plan)
        if plan is not None and len(proofs) < 2 and left:  # nothing to prove a frame on: all through the generator
            ids = [cid for cid, _ in left]
            units, left[:] = [("case", tuple(ids[i : i + CASES_A_UNIT])) for i in range(0, len(ids), CASES_A_UNIT)], []
            write(units, None)
        if left:
            composing = Composing(proofs=proofs)
            for cid, shapes in left:
                composing.add(cid, shapes)
            remade = (remade or 0) + len(left)
        remade = (remade or 0) if kept is not None else None
        site, bodies = pages.site, pages.bodies
    else:
        for page in pages.stream if isinstance(pages, Generated) else pages:
            _write_page(page, docs, blocks, slotted)
            count += 1
    # of the casebook's own docs/, only what scan_docs allows: its pages with the text it read, its
    # checked images and PDFs; nothing else there is opened (check reports the rest)
    scan = scan_docs(root)
    mask_index = pages.bodies.index if isinstance(pages, Generated) and pages.bodies is not None else None
    docs_pages: list[str] = []
    docs_links: dict[str, dict[str, str]] = {}  # (by page: where its links to records, cases, resources lead)
    targets = pages.site.targets if isinstance(pages, Generated) else None
    prefix = user_docs.relative_to(root).as_posix() + "/" if inside(root, user_docs) else None
    published = [(rel, text) for rel, text in scan.pages] + [(rel, None) for rel in scan.assets if rel not in held]
    docs_published = scan.published()
    refused: list[Finding] = []
    for rel, text in published:
        if prefix is None or not rel.startswith(prefix):
            continue
        site_rel = rel[len(prefix):]
        bad = name_refused(site_rel, rel)
        if bad is not None:  # (scan_docs publishes none: a file named so since check ran)
            refused.append(bad)
            continue
        if docs.exists(site_rel):
            notes.append(f"{rel} 대신 사례집이 만든 페이지를 씁니다 (this path belongs to the casebook)")
            continue
        if text is None:
            docs.copy(site_rel, root / rel)
        else:
            # given names masked in the source, so the heading anchors and the table of contents the
            # generator makes from it never hold one either (the plugin masks the HTML again); and
            # the content of a <script> (or another element the sanitizer drops) out of its headings,
            # so no anchor or contents entry is made of it, whichever generator reads the page
            placed = docs_link_places([(rel, text)], docs_published, targets).get(rel) if targets is not None else None
            if placed:  # its links to records, cases, resources: written where they lead, for any generator
                docs_links[site_rel] = placed  # (and for the plugin: one leaving the casebook loses its address)
                text = addresses_rewritten(text, functools.partial(place_url, placed, _read_from(site_rel, generator), LEFT))
            masked = mask_index.mask(text) if mask_index is not None else text
            docs.write(site_rel, (plain_headings(masked) if site_rel.endswith(".md") else masked).encode("utf-8"))
            docs_pages.append(site_rel)
    docs.copy(CSS_URI, CSS_FILE)
    docs.copy(JS_URI, JS_FILE)
    docs.finish()
    overrides = _Folder(work / "overrides")
    custom = custom_dir_of(user)
    if custom is not None and (root / custom).is_dir() and inside(root, root / custom):
        overrides.copy_tree(root / custom)  # the casebook's own templates win: written first, kept
    for path in sorted(TEMPLATES.rglob("*")):
        rel = path.relative_to(TEMPLATES).as_posix()
        if path.is_file() and not overrides.exists(rel):
            overrides.copy(rel, path)
    overrides.finish()
    config = work / "mkdocs.yml"
    if generator in ("mkdocs", "properdocs"):  # they run plugins: the docs/ pages are secured as MkDocs renders
        derived["plugins"].append({"casekit": {"pages": False, "docs_pages": docs_pages,
                                               "korean_search": derived["extra"]["casekit_search"]}
                                   | ({"docs_links": docs_links} if docs_links else {})})
    text = yaml.dump(derived, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    config.write_text("# made by `casekit build` from ../../mkdocs.yml; do not edit (rewritten on every build)\n"
                      + text, encoding="utf-8")
    written = Written(config, count, notes, docs.changed, slotted, remade, composing=composing, refused=refused)

    def complete() -> None:
        """The blocks left to make (on every core), then blocks/ tidied and the manifest written."""
        written.pending = None
        if waiting:
            shares = [waiting[i : i + CASES_A_UNIT] for i in range(0, len(waiting), CASES_A_UNIT)]
            for made in run_all(_write_blocks, shares, (site, bodies, blocks), default_jobs(), chunk=1, size=len(waiting)):
                for cid, rel, changed, hashed in made:
                    blocks.wrote(rel, changed)
                    manifest[cid]["files"].append([False, rel, hashed])
        blocks.finish()
        written.changed += blocks.changed
        if remade is not None:
            save_manifest(work, manifest)

    written.pending = complete
    if not defer:
        complete()
    return written
