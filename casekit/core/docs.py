"""What of `docs/` may be published: Markdown pages and a short list of checked static files.

`scan_docs(root)` walks the casebook's `docs/` folder without following a link out of it and
without opening anything but regular files (a FIFO or a device is reported, never read):

- pages (`*.md`, `*.markdown`) are read with the same guards as records (size at most 1 MiB,
  UTF-8, regular files only) and refused when a line would make the Markdown renderer crawl
  (longer than `MAX_LINE` characters, or a long run of unbalanced brackets);
- images are published only if their type is allowed (`ASSET_TYPES`: PNG, JPEG, GIF, WebP),
  they read as that type to their end, they are at most `MAX_ASSET_BYTES`, and they hold nothing
  but their picture (no EXIF or XMP, no comment or text chunk, nothing after their end:
  `casekit.core.images`); PDFs are not (their text, scripts and links cannot be checked);
- an image of a restricted case (열람 제한) is not published, as its records are not
  (`held_back`): one whose path names the case (`docs/img/2026-0010-genogram.png`, as images are
  named) or that one of the case's records shows; `check` says so (`docs-not-published`, a warning);
- everything else (SVG and HTML, which can carry script; text, settings and data files; editor
  backups) is reported and not published; hidden files and folders are passed over.

`casekit check` reports every finding here, and scans the pages and every file and folder name
for sensitive values with the casebook-wide index; the site publishes `pages` and `assets` only.
"""

from __future__ import annotations

import bisect
import functools
import html
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from casekit.core.allowlist import (
    AS_IT_IS,
    DROP_WITH_CONTENT,
    START_TAG,
    attributes,
    cleaned_kept_open,
    in_values_masked,
    left_out,
    markdown_html,
    may_swallow,
    shown_as_written,
    unclosed_tags,
)
from casekit.core.findings import NOT_REGULAR, Finding, finding, os_reasons, two_languages
from casekit.core.images import extra
from casekit.core.names import inside
from casekit.core.pictures import (
    GENERATED_SECTIONS,
    MKDOCS_FRONT,
    Pictures,
    body_lines,
    body_pictures,
    page_url,
    references,
)
from casekit.core.site_settings import docs_dir, meta_file, page_templates
from casekit.core.source import _TEMPLATE_TAG, MAX_SAME_FINDINGS, plain_tag, read_file, yaml_events

PAGE_SUFFIXES = (".md", ".markdown")
MAX_ASSET_BYTES = 10 << 20
MAX_LINE = 5000  # characters on one line of a page
MAX_BRACKETS = 200  # unbalanced [ or ( on one line: Python-Markdown's link parser backtracks on them
MAX_DEPTH = 16  # folder levels below docs/
MAX_ENTRIES = 10000
ASSET_TYPES: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),  # and WEBP at byte 8
}
_BACKUP = re.compile(r"(?:~|\.bak|\.swp|\.swo|\.orig|\.rej|\.tmp)$", re.IGNORECASE)
_ACTIVE = (".svg", ".svgz", ".html", ".htm", ".xhtml", ".xml", ".js", ".mjs", ".css")
# a page's folder on the site (`docs/sitemap.xml.md` is published as `sitemap.xml/index.html`) named
# like a file the generator, the theme or the search writes: `sitemap.xml`, `search/search_index.json`,
# `assets/javascripts/bundle.….js`, `cases/index.html`. The two collide and the build stopped
# with a traceback (File exists, Is a directory).
_FILE_LIKE = re.compile(r"\.(?:html?|xhtml|xml|gz|json|js|mjs|map|css|txt|ico|svgz?|png|jpe?g|gif|webp|woff2?|ttf)$",
                        re.IGNORECASE)


def generated_place(under: str) -> str | None:
    """The part of the site a docs/ page at `under` (its path below the pages folder) would take
    from casekit's own pages ("cases/", the home page …); None when it clashes with none."""
    low = under.lower()
    if low in ("index.md", "readme.md"):
        return "첫 페이지, index"
    first = low.split("/", 1)[0]
    first = first[: -len(".md")] if first.endswith(".md") else first
    return f"{first}/" if first in GENERATED_SECTIONS else None


@dataclass
class DocsScan:
    pages: list[tuple[str, str]] = field(default_factory=list)  # ("docs/guide.md", text): may be published
    assets: list[str] = field(default_factory=list)  # "docs/img/x.png": static files that may be published
    findings: list[Finding] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # every file and folder looked at: its name is published too
    pictures: Pictures = field(default_factory=Pictures)  # `assets`, for the pictures of bodies to name

    def published(self) -> dict[str, str]:
        """The site location of each page and file the site publishes from docs/, by casebook path
        (`docs/guide.md`: `guide/`; `docs/img/x.png`: `img/x.png`), for the links of bodies to name."""
        prefix = self.pictures.folder + "/"
        pages = {rel: page_url(rel[len(prefix):]) for rel, _ in self.pages if rel.startswith(prefix)}
        return pages | self.pictures.by_source


def scan_docs(root: Path) -> DocsScan:
    """Everything of `root/docs` that may be published, and findings for the rest."""
    root = Path(os.path.realpath(root))
    out = DocsScan()
    name, out.findings = docs_dir(root)  # `docs_dir` of mkdocs.yml; None when it leaves the casebook
    out.pictures = Pictures.of(name, [])
    if name is None:
        return out
    docs = root / name
    if not os.path.lexists(docs):
        return out
    if not inside(root, docs):
        out.findings.append(finding("symlink-outside", name, None, None, target=_target(docs)))
        return out
    if not docs.is_dir():
        out.findings.append(finding("docs-not-published", name, None, None, reason="폴더가 아닙니다 (not a folder)"))
        return out
    real_docs = Path(os.path.realpath(docs))
    meta = meta_file(root)  # the `meta` plugin's file, when the plugin is on: loaded as YAML, merged into pages
    stack: list[tuple[Path, str, int]] = [(docs, name, 0)]
    seen = 0
    while stack:
        folder, rel, depth = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            out.findings.append(finding("folder-unreadable", rel, None, None, **os_reasons(exc)))
            continue
        for entry in reversed(entries):
            if entry.name.startswith("."):
                if entry.name == meta and entry.is_file(follow_symlinks=False):  # (the default, .meta.yml)
                    _meta_file(Path(entry.path), f"{rel}/{entry.name}", out)
                continue
            seen += 1
            if seen > MAX_ENTRIES:
                out.findings.append(finding("docs-not-published", rel, None, None, reason=f"파일이 너무 많습니다 (more than {MAX_ENTRIES} entries)"))
                return out
            erel = f"{rel}/{entry.name}"
            out.names.append(erel)
            refused = name_refused(erel)
            if refused is not None:  # (a folder: nothing in it is published, the name said once)
                out.findings.append(refused)
                continue
            path = Path(entry.path)
            if entry.is_symlink() and not inside(real_docs, path):
                if inside(root, path):  # a record or a file of .git, say: never published through a link
                    out.findings.append(finding("docs-not-published", erel, None, None,
                                                reason=f"docs/ 밖을 가리키는 링크 (a link out of docs/: {_target(path)})"))
                else:
                    out.findings.append(finding("symlink-outside", erel, None, None, target=_target(path)))
                continue
            try:
                info = os.stat(path)
            except OSError as exc:
                out.findings.append(finding("file-unreadable", erel, None, None, **os_reasons(exc)))
                continue
            mode = info.st_mode
            if stat.S_ISREG(mode) and info.st_nlink > 1:  # (git makes none: made on this machine, by hand)
                out.findings.append(finding("docs-not-published", erel, None, None, reason=HARD_LINK))
            elif stat.S_ISDIR(mode):
                if depth + 1 > MAX_DEPTH:
                    out.findings.append(finding("docs-not-published", erel, None, None, reason="폴더가 너무 깊습니다 (too deep)"))
                else:
                    stack.append((path, erel, depth + 1))
            elif not stat.S_ISREG(mode):
                out.findings.append(finding("file-unreadable", erel, None, None, **NOT_REGULAR))
            else:
                _file(path, erel, out)
                if entry.name == meta:
                    _meta_file(path, erel, out)
    out.names.sort()
    out.pages.sort()
    kept: list[tuple[str, str]] = []
    for rel, text in out.pages:  # (the published ones are the rest: never the casebook's page in another's stead)
        place = generated_place(rel.split("/", 1)[1])
        if place is None:
            kept.append((rel, text))
        else:
            out.findings.append(finding("docs-page-clash", rel, None, None, place=place))
    out.pages = kept
    templates = page_templates(root) if out.pages else None
    for rel, text in out.pages:
        out.findings.extend(theme_problems(rel, text, templates))
    out.assets.sort()
    out.pictures = Pictures.of(name, out.assets)
    for rel, text in out.pages:  # (a page's picture is read from its own folder, as MkDocs reads it)
        out.findings.extend(out.pictures.findings(rel, text, 1))
    return out


_THEME_KEY = re.compile(r"^(template|icon)[ \t]*:[ \t]*(['\"]?)([^'\"#\n]*?)\2[ \t]*(?:#.*)?$", re.MULTILINE)


def theme_problems(rel: str, text: str, templates: Path | None) -> list[Finding]:
    """A docs page's front matter `template:` or `icon:` that names nothing of the theme (Material
    stops the build on it), or a path out of the theme (`../../etc/passwd`): at its value.
    `templates`: the theme's templates folder (None: only paths out of it are judged)."""
    if not text.startswith("---"):
        return []
    end = text.find("\n---", 3)
    if end < 0:
        return []
    front = text[:end]
    out = []
    for m in _THEME_KEY.finditer(front):
        key, value = m.group(1), m.group(3).strip()
        if not value:
            continue
        parts = value.replace("\\", "/").split("/")
        if key == "template" and parts[-1].lower() == "redirect.html":  # Material's: a script sends the reader on
            line_start = front.rfind("\n", 0, m.start()) + 1
            out.append(finding("docs-redirect", rel, front.count("\n", 0, m.start()) + 1, m.start(3) - line_start + 1))
            continue
        bad = value.startswith(("/", "\\")) or ".." in parts or ":" in value
        if not bad and templates is not None:
            target = templates / value if key == "template" else templates / ".icons" / f"{value}.svg"
            bad = not target.is_file()
        if bad:
            line_start = front.rfind("\n", 0, m.start()) + 1
            out.append(finding("docs-theme-missing", rel, front.count("\n", 0, m.start()) + 1,
                               m.start(3) - line_start + 1, key=key, value=value[:60]))
    return out


def unwritable(rel: str) -> bool:
    """Whether the build refuses to write a file at `rel` (its path in a folder of the build):
    one that would land outside the folder (`/…`, `..`) or where a backslash, a folder separator
    to some readers, puts it (`casekit.site.generate._Folder.write`)."""
    return rel.startswith("/") or "\\" in rel or ".." in rel.split("/")


def name_refused(rel: str, at: str | None = None) -> Finding | None:
    """`docs-not-published`, an error, for a docs/ file or folder whose name the build cannot
    write (`unwritable`): git on Linux stores `docs/a\\b.md`, and the build stopped on it. `at`:
    the file the finding names, when `rel` is its path in the build folder (default `rel`)."""
    if not unwritable(rel):
        return None
    at = at or rel
    if "\\" not in rel:  # (no name scandir gives: `..`, a leading `/`)
        return finding("docs-not-published", at, None, None, severity="error",
                       reason="사이트 폴더 밖을 가리키는 이름입니다. 이름을 바꾸세요 (a name leading out of the site's folder: "
                              "rename it)")
    return finding("docs-not-published", at, None, None, severity="error",
                   reason="이름에 역슬래시(\\)가 있습니다. 사이트를 만들 때 폴더 구분자로 읽혀 쓸 수 없으니 역슬래시를 빼고 "
                          "이름을 바꾸세요(예: a-b.md) (a backslash in the name reads as a folder separator: rename it)")


def front_matter_refused(text: str, rel: str) -> list[Finding]:
    """`yaml-alias` and `yaml-tag` in a docs page's front matter as MkDocs reads it: an alias is
    shared when loaded and copied out in full by what reads the values after (nine levels of
    nine aliases: hundreds of millions of strings, a build that never ends)."""
    m = MKDOCS_FRONT.match(text)
    return yaml_refused(m.group(1), rel, 2) if m is not None else []


def yaml_refused(src: str, rel: str, first_line: int) -> list[Finding]:
    """Where YAML text `src` (its first line at file line `first_line`) uses an anchor or alias
    (`&a`, `*a`: `yaml-alias`) or a tag other than the plain ones (`!!python/…`, `!!set`:
    `yaml-tag`), as records are refused them: each at its place, MAX_SAME_FINDINGS a code at
    most. Read as events: nothing is built, so an alias costs nothing here."""
    if "&" not in src and "*" not in src and "!" not in src:
        return []
    out: list[Finding] = []
    said: Counter[str] = Counter()

    def refuse(code: str, mark: Any, **args: str) -> None:
        said[code] += 1
        if said[code] <= MAX_SAME_FINDINGS:
            line, column = (mark.line + first_line, mark.column + 1) if mark is not None else (first_line, 1)
            out.append(finding(code, rel, line, column, **args))

    try:
        for event in yaml_events(src):
            if not isinstance(event, yaml.NodeEvent):
                continue
            if event.anchor is not None:
                refuse("yaml-alias", event.start_mark)
            if not plain_tag(event):
                refuse("yaml-tag", event.start_mark, tag=str(getattr(event, "tag", "")).replace("tag:yaml.org,2002:", "!!")[:60])
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError):
        pass  # (MkDocs keeps no front matter it cannot read: what came before is said)
    return out


def _meta_file(path: Path, rel: str, out: DocsScan) -> None:
    """The `meta` plugin's file (`meta_file`, `.meta.yml` unless set): the plugin loads it whole as
    YAML and merges it into every page of its folder, so its anchors, aliases and tags are
    refused as a page's front matter's are."""
    text, _ = read_file(str(path), rel)  # (a page's other findings: _file's)
    if text is not None:
        said = {(f.path, f.line, f.column, f.code) for f in out.findings}  # (a page's front matter: said once)
        out.findings.extend(f for f in yaml_refused(text, rel, 1) if (f.path, f.line, f.column, f.code) not in said)


# what docs/ may publish, said where a file is refused for its type (not for its name or place:
# a backslash, a folder too deep, there the list is beside the point)
# a file of docs/ with another name elsewhere (`ln`): maybe a file outside the casebook, maybe a
# record of a restricted case, whose text the page would publish as it changes there
HARD_LINK = ("하드 링크입니다: 같은 파일이 다른 이름으로도 있어(사례집 밖이나 기록일 수 있습니다) 그곳의 내용이 그대로 "
             "실립니다. 링크를 지우고 내용을 복사해 두세요 (a hard link: the file has another name too, maybe outside "
             "the casebook or a record, whose text it would publish; keep a copy instead)")
PUBLISHED_KO = "실을 수 있는 것은 Markdown 쪽(.md)과 촬영 정보 없는 그림(png, jpg, gif, webp)입니다"
PUBLISHED_EN = "only Markdown pages (.md) and png, jpg, gif and webp images without metadata are published"


def _file(path: Path, rel: str, out: DocsScan) -> None:
    name = path.name.lower()
    suffix = os.path.splitext(name)[1]
    if _BACKUP.search(name):
        out.findings.append(finding("docs-not-published", rel, None, None, reason="편집기 백업 파일 (an editor backup)"))
    elif ":" in rel:  # docs/javascript:x.md would be linked as `javascript:x/` (the search, the menu)
        out.findings.append(finding("docs-not-published", rel, None, None,
                                    reason="이름에 쌍점(:)이 있으면 사이트의 링크가 다른 주소(javascript: 같은)로 읽힙니다. "
                                           "쌍점을 빼고 이름을 바꾸세요 (a colon makes its links read as another scheme)"))
    elif suffix in PAGE_SUFFIXES and any(_FILE_LIKE.search(part) for part in
                                         [*rel.split("/")[1:-1], os.path.splitext(path.name)[0]]):
        out.findings.append(finding("docs-not-published", rel, None, None,
                                    reason="사이트에서 이 쪽의 폴더 이름이 파일 이름(sitemap.xml, search_index.json 같은)처럼 "
                                           "됩니다. 사이트가 만드는 파일과 겹치니 이름에서 .xml, .json 같은 끝을 빼세요 "
                                           "(its folder on the site is named like a file, which may be one the site writes)"))
    elif suffix in PAGE_SUFFIXES:
        text, problems = read_file(str(path), rel)
        out.findings.extend(problems)
        if text is not None:
            bad = pathological_lines(text, rel) or stalling_paragraphs(text, rel, 1) or front_matter_refused(text, rel)
            out.findings.extend(bad + outside_content(text, rel, 1, attr_lists=True))
            if not bad:
                out.pages.append((rel, text))
    elif suffix in ASSET_TYPES:
        problem = _asset_problem(path, rel, suffix)
        if problem is None:
            out.assets.append(rel)
        else:
            out.findings.append(problem)
    elif suffix == ".pdf":
        out.findings.append(finding("docs-not-published", rel, None, None,
                                    reason="PDF는 안의 글·스크립트·링크를 검사할 수 없습니다. 내용은 문서 쪽(.md)이나 그림으로 "
                                           "옮기세요 (a PDF's text, scripts and links cannot be checked)"))
    elif suffix in _ACTIVE:
        out.findings.append(
            finding("docs-not-published", rel, None, None,
                    reason=f"스크립트를 품을 수 있는 형식입니다. {PUBLISHED_KO} (it can carry script; {PUBLISHED_EN})")
        )
    else:
        out.findings.append(
            finding("docs-not-published", rel, None, None,
                    reason=f"허용하지 않는 형식입니다. {PUBLISHED_KO} (type not allowed: {suffix or name}; {PUBLISHED_EN})")
        )


def _asset_problem(path: Path, rel: str, suffix: str) -> Finding | None:
    """None when the file is the image its name says, small enough and with nothing but its picture
    (casekit.core.images); never blocks, never reads more than MAX_ASSET_BYTES."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return finding("file-unreadable", rel, None, None, **os_reasons(exc))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return finding("file-unreadable", rel, None, None, **NOT_REGULAR)
        if info.st_size > MAX_ASSET_BYTES:
            return finding("file-too-large", rel, None, None, size=info.st_size, limit=MAX_ASSET_BYTES)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            if sum(map(len, chunks)) > MAX_ASSET_BYTES:  # (grew while read)
                return finding("file-too-large", rel, None, None, size=sum(map(len, chunks)), limit=MAX_ASSET_BYTES)
        data = b"".join(chunks)
    except OSError as exc:
        return finding("file-unreadable", rel, None, None, **os_reasons(exc))
    finally:
        os.close(fd)
    if not (data.startswith(ASSET_TYPES[suffix]) and (suffix != ".webp" or data[8:12] == b"WEBP")):
        return finding("docs-asset-mismatch", rel, 1, 1, kind=suffix[1:].upper())
    carried = extra(data, suffix)
    if carried is not None:
        ko, en = two_languages(carried) or (carried, carried)
        return finding("docs-not-published", rel, None, None, reason=f"그림 안의 {ko}. 그 정보를 지우고 다시 저장하세요",
                       reason_en=f"the picture carries {en}: remove it and save again")
    return None


def held_back(pictures: Pictures, restricted: Mapping[str, Iterable[str]],
              body: Callable[[str], str | None]) -> dict[str, tuple[str, str | None]]:
    """The docs/ images (`pictures`: those `scan_docs` allows) that stay out of the site because they
    belong to a restricted case (열람 제한), whose records reach no page and no other output file:
    by casebook path, (the case, the record that shows it; None: its path names the case). An image
    belongs to the case when its path below docs/ names the case (`img/2026-0010-genogram.png`,
    `img/2026-0010/…`), or when one of the case's records shows it. `restricted`: each restricted
    case's records (casebook paths); `body(rel)`: a record's text (None: unread)."""
    out: dict[str, tuple[str, str | None]] = {}
    if not restricted or not pictures.by_source:
        return out
    ids = sorted(restricted, key=len, reverse=True)
    named = re.compile(r"(?<![0-9A-Za-z])(" + "|".join(map(re.escape, ids)) + r")(?![0-9])")
    for source, site_rel in sorted(pictures.by_source.items()):
        m = named.search(site_rel)
        if m is not None:
            out[source] = (m.group(1), None)
    for case in sorted(restricted):
        for rel in restricted[case]:
            text = body(rel)
            for _, _, address, tag in body_pictures(text, 1) if text else ():
                shown = pictures.site_path(rel, address, tag)
                if shown is not None:
                    out.setdefault(pictures.by_site_path[shown], (case, rel))
    return out


def held_back_findings(held: Mapping[str, tuple[str, str | None]]) -> list[Finding]:
    """`docs-not-published` (a warning) for each image `held_back` keeps out of the site."""
    out = []
    for rel, (case, record) in sorted(held.items()):
        if record is None:
            why = (f"이름에 열람 제한 사례 {case}의 번호가 있어 그 사례의 기록처럼 싣지 않습니다",
                   f"its name carries the restricted case {case}: kept out like the case's records")
        else:
            why = (f"열람 제한 사례 {case}의 기록({record})이 보여 주는 그림이라 그 기록처럼 싣지 않습니다. 다른 페이지에도 "
                   "쓸 그림이면 그 사례가 드러나지 않는지 확인하고 다른 이름으로 복사해 두세요",
                   f"shown by {record} of the restricted case {case}: kept out like the record; for another page, "
                   "keep a copy under another name")
        out.append(finding("docs-not-published", rel, None, None, reason=f"{why[0]} ({why[1]})"))
    return out


def pathological_lines(text: str, rel: str) -> list[Finding]:
    """Lines that would make the Markdown renderer take seconds or minutes: too long, or a long
    run of unbalanced brackets (link syntax backtracks on each)."""
    out: list[Finding] = []
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE:
            out.append(finding("docs-line-too-long", rel, number, MAX_LINE + 1, length=len(line), limit=MAX_LINE))
        elif line.count("[") - line.count("]") > MAX_BRACKETS or line.count("(") - line.count(")") > MAX_BRACKETS:
            out.append(finding("docs-brackets", rel, number, 1, limit=MAX_BRACKETS))
    return out


MAX_NESTING = 64  # brackets open inside each other in one paragraph: [[[[ … ]]]] backtracks as badly
# inline HTML tags in one paragraph, even balanced (`<b>x</b>` 20,000 times: 5 s, 100,000: minutes;
# Python-Markdown's inline pass is quadratic in them): 5,000 take a fifth of a second
MAX_TAGS = 5000
_PAIRS = (("[", "]"), ("(", ")"), ("<", ">"))
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


# a fenced code block, to its closing fence or the end (the fence and the marks after it taken whole:
# a line of 40,000 backticks or tildes with no line feed after it tried every split of them, 1 s)
_FENCE = re.compile(r"^( {0,3})(`{3,}+|~{3,}+)[^\n]*+\n.*?(?:^ {0,3}\2[`~]*+[ \t]*+$|\Z)", re.S | re.M)
_TICKS = re.compile(r"`+")


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block (`_FENCE`) and inline code span of `text`, in order:
    what one pattern found, `_FENCE` or a run of backticks, anything, the same run again
    (`(`+)(?!`).+?(?<!`)\\3(?!`)`, re.S), without its time: it looked for a closing run from every
    backtick of an unclosed one (a run of 40,000 backticks took 14 s; a record may hold a million).
    A span opened at a backtick is closed by the first later run of exactly as many backticks as
    follow it in its own run; failing that, the next backtick of its run is tried."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    if not runs and "~~~" not in text:
        return []
    starts_of: dict[int, list[int]] = {}  # a run's length -> the starts of the runs that long, in order
    for s, e in runs:
        starts_of.setdefault(e - s, []).append(s)
    out: list[tuple[int, int]] = []
    pos = at = 0  # where the search goes on; the first run not yet passed
    fence = _FENCE.search(text)
    while True:
        if fence is not None and fence.start() < pos:
            fence = _FENCE.search(text, pos)
        limit = fence.start() if fence is not None else len(text)
        span = None
        while at < len(runs) and runs[at][0] < limit and span is None:
            s, e = runs[at]
            for p in range(max(s, pos), min(e, limit)):
                later = starts_of.get(e - p, [])
                i = bisect.bisect_right(later, s)
                if i < len(later):
                    span = (p, later[i] + e - p)
                    break
            else:
                at += 1
        if span is None and fence is None:
            return out
        if span is None:
            assert fence is not None
            span = fence.span()
        out.append(span)
        pos = span[1]
        while at < len(runs) and runs[at][1] <= pos:
            at += 1


def without_code(text: str) -> str:
    """`text` with its fenced code blocks and inline code spans blanked (every character but line
    breaks a space: positions stay): a docs/ page's how-to shows example numbers there
    (`02-000-1234`, a purge command), which the personal-number guard is not for. The casebook's
    own sensitive values are still looked for in all of it."""
    if "`" not in text and "~~~" not in text:
        return text
    out: list[str] = []
    pos = 0
    for start, end in code_spans(text):
        out.append(text[pos:start])
        out.append("".join(c if c == "\n" else " " for c in text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


MAX_LIST_DEPTH = 100  # lists inside lists: Python-Markdown recurses per level (500 levels: RecursionError)
# an item, and the items that start on its line inside it (`- - - x` is three lists, one in another)
_LIST_ITEM = re.compile(r"^([ \t]*)((?:(?:[-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$))+)", re.M)
_LIST_MARKER = re.compile(r"[-*+]|[0-9]{1,9}[.)]")


def deep_lists(text: str, rel: str, first_line: int) -> list[Finding]:
    """A list nested more than MAX_LIST_DEPTH levels (each item indented past the one above, or
    items started on one line: `- - - … x`, a record of 200,000 of them broke the build with a
    RecursionError after a minute), which the Markdown renderer cannot render (it recurses once
    per level): one finding, at its item."""
    if text.count("\n") < MAX_LIST_DEPTH and sum(map(text.count, "-*+.)")) < MAX_LIST_DEPTH:
        return []  # (fewer lines than levels, and fewer marks than a line of items would need)
    stack: list[int] = []
    for m in _LIST_ITEM.finditer(text):
        indent = len(m.group(1).expandtabs(4))
        while stack and stack[-1] >= indent:
            stack.pop()
        stack.append(indent)
        if len(stack) + len(_LIST_MARKER.findall(m.group(2))) - 1 > MAX_LIST_DEPTH:
            line = first_line + text.count("\n", 0, m.start())
            return [finding("markdown-too-deep", rel, line, 1, limit=MAX_LIST_DEPTH)]
    return []


_TAB_CELLS = re.compile(r"^[ \t]*[^\s\t][^\t\n]*\t+[^\s\t]", re.M)  # text, a tab, text: cells pasted from a sheet
_PIPE_ROW = re.compile(r"^[ \t]{0,3}\|.*\|[ \t]*$")
_DELIMITER_ROW = re.compile(r"^[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")


def pasted_tables(text: str, rel: str, first_line: int) -> list[Finding]:
    """A table the site would show as one run-together paragraph (`table-not-rendered`, at its
    first line): cells pasted from a spreadsheet (two lines or more of text with tabs between), a
    pipe table right under a sentence (Markdown makes a table only of a block of its own: a blank
    line before it), or pipe rows without the `|---|---|` row under the first."""
    if "\t" not in text and "|" not in text:
        return []
    lines = without_code(text).split("\n")
    out: list[Finding] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _TAB_CELLS.match(line) and i + 1 < len(lines) and _TAB_CELLS.match(lines[i + 1]):
            out.append(finding("table-not-rendered", rel, first_line + i, 1,
                               advice="탭으로 나뉜 칸(엑셀에서 붙여 넣은 표)은 한 문단으로 이어집니다. | 칸 | 칸 | 모양의 "
                                      "Markdown 표로 바꾸고, 둘째 줄에 |---|---|를 넣으세요.",
                               advice_en="cells separated by tabs (pasted from a spreadsheet) run together: write a "
                                         "Markdown table, | a | b |, with |---|---| as its second line"))
            while i < len(lines) and _TAB_CELLS.match(lines[i]):
                i += 1
            continue
        if _PIPE_ROW.match(line) and i + 1 < len(lines) and _PIPE_ROW.match(lines[i + 1]) \
                and not _DELIMITER_ROW.match(line):
            start = i
            while i < len(lines) and _PIPE_ROW.match(lines[i]):
                i += 1
            rows = lines[start:i]
            if not _DELIMITER_ROW.match(rows[1]):
                out.append(finding("table-not-rendered", rel, first_line + start, 1,
                                   advice="표의 둘째 줄에 |---|---| 구분 줄이 없어 표가 되지 않습니다. 첫 줄(제목 칸) 아래에 "
                                          "칸 수만큼 |---|를 넣으세요.",
                                   advice_en="the table has no |---|---| row under its first: add one, a --- a column"))
            elif start and lines[start - 1].strip():
                out.append(finding("table-not-rendered", rel, first_line + start, 1,
                                   advice="표 바로 위에 글이 붙어 있어 표가 되지 않습니다. 표 앞에 빈 줄을 한 줄 넣으세요.",
                                   advice_en="a table right under a line of text is not one: add a blank line before it"))
            continue
        i += 1
    return out


# a front matter in a record's body: a '---' line, then `case:` or `stage:` among the `key: value`
# lines right under it, then a closing '---' (a record pasted twice, or another record pasted in)
# (each line read one way only: an indented line is one blank and the rest, not `[ \t]+` and the rest,
# whose ways of splitting a line's indent multiplied from line to line, so that 20 lines of nested
# items with no closing '---' took minutes and a merge conflict hung check)
_BODY_FRONT = re.compile(r"^---[ \t]*\n((?:[A-Za-z_][\w.-]*:[^\n]*\n(?:[ \t][^\n]*\n)*){2,})---[ \t]*$", re.M)
_RECORD_KEY = re.compile(r"^(?:case|stage):", re.M)


def repeated_front_matter(text: str, rel: str, first_line: int) -> list[Finding]:
    """`front-matter-repeated`: a record's body holding a front matter of its own, at its first line
    (the whole record pasted twice; another record pasted in). The site would show its fields as the
    body's text, as a heading and a paragraph: values kept out of the page, a client's among them."""
    if "\n---" not in text and not text.startswith("---"):
        return []
    plain = without_code(text)
    out = []
    for m in _BODY_FRONT.finditer(plain):
        if m.start() == 0 and first_line == 1:
            continue  # the record's own front matter, its body the whole file (a merge conflict, no closing '---')
        if _RECORD_KEY.search(m.group(1)):
            line = first_line + plain.count("\n", 0, m.start())
            out.append(finding("front-matter-repeated", rel, line, 1, end=line + m.group().count("\n")))
    return out


def stalling_paragraphs(text: str, rel: str, first_line: int) -> list[Finding]:
    """Paragraphs that would make the Markdown renderer crawl (its link and tag patterns backtrack,
    quadratically): more than MAX_BRACKETS brackets left open, or brackets nested deeper than
    MAX_NESTING, in one paragraph, however many lines it spans (`[` alone on 4,000 lines of one
    paragraph took 3 s, 8,000 nested `[` 2 s, and a record may hold a million characters), or
    more than MAX_TAGS inline tags, balanced or not. A paragraph with few brackets is passed over
    at the cost of three counts."""
    out: list[Finding] = deep_lists(text, rel, first_line)
    if text.count("<") > MAX_ELEMENT_DEPTH:
        out += deep_elements(text, rel, first_line)
    deep = {f.line for f in out}  # (a line of list markers, `* * * … x`, is too deep: not also crowded)
    out += [f for f in crowded_paragraphs(text, rel, first_line) if f.line not in deep]
    out += crowded_blocks(text, rel, first_line)
    if sum(text.count(o) for o, _ in _PAIRS) <= MAX_NESTING:
        return out
    start = 0
    for cut in [*(m.start() for m in _BLANK_LINE.finditer(text)), len(text)]:
        block = text[start:cut]
        if sum(block.count(o) for o, _ in _PAIRS) > MAX_NESTING and (_stalls(block) or block.count("<") > MAX_TAGS):
            line = first_line + text.count("\n", 0, start) + (1 if start else 0)
            out.append(finding("markdown-brackets", rel, line, 1, limit=MAX_BRACKETS, depth=MAX_NESTING))
        start = cut + 1
    return out


# What Python-Markdown's inline patterns (and the extensions records and docs/ pages use) each turn
# into a placeholder, rebuilding the paragraph's whole text once a match: an entity or a character
# reference (`&amp;`, `&#1`), a backslash escape, a run of backticks (a code span), a run of `*` or
# `_` (emphasis), `[` or `![` (a link, a picture, a reference), `<` (a tag, a comment, an autolink),
# a line break (two spaces at a line's end), `{` (an attribute list). Counted generously: a mark
# that makes nothing counts too. So a paragraph costs about (marks x its length): `&#1` 32,000
# times (96 KB) took 1.5 s, `&amp;` 32,000 times 6 s, `**a**` 5,000 times in 1 MB 1 s, and a
# record of 300 KB of `&#1` a build of a minute. Measured (Python-Markdown 3.11, this machine's
# CPU): at the limits, 5,000 marks in 20,000 characters, 1,000 in 100,000, 100 in 1,000,000, the
# worst construct adds at most about a fifth of a second to the paragraph's rendering.
MAX_MARKS = 5000  # marks in one paragraph, however short
MAX_MARK_WORK = 100_000_000  # marks x characters of one paragraph
# (a line break, two spaces or more before the end of a line, is tried at the first of the spaces only,
# or the second when the first is escaped: tried at each, a line of 200,000 spaces took 12 s to check)
_INLINE_MARK = re.compile(r"&[#A-Za-z0-9]|\\[^\n]|`+|\*+|_+|!?\[|<|\{|(?:(?<! )|(?<=\\ )) {2,}\n")


def mark_limit(length: int) -> int:
    """The most inline marks a paragraph of `length` characters may hold (`MAX_MARKS`, fewer when
    long: at most MAX_MARK_WORK marks x characters)."""
    return min(MAX_MARKS, MAX_MARK_WORK // max(length, 1))


def crowded_paragraphs(text: str, rel: str, first_line: int) -> list[Finding]:
    """`markdown-marks`, an error, at each paragraph holding more inline marks (_INLINE_MARK) than
    `mark_limit` allows for its length: Python-Markdown's inline pass rebuilds the paragraph once
    a mark, so `&#1`, `\\*` or `` `a `` repeated 100,000 times in a record stalled the build for
    a minute. Passed over at once when the text is too short to hold more marks than the limit (a
    mark is a character at least), in one count when the whole text could not hold such a paragraph."""
    if len(text) <= MAX_MARKS or len(_INLINE_MARK.findall(text)) <= mark_limit(len(text)):
        return []
    out: list[Finding] = []
    start = 0
    for cut in [*(m.start() for m in _BLANK_LINE.finditer(text)), len(text)]:
        block = text[start:cut]
        count, limit = len(_INLINE_MARK.findall(block)), mark_limit(len(block))
        if count > limit:
            at = start + len(block) - len(block.lstrip())  # (its first character)
            line_start = text.rfind("\n", 0, at) + 1
            out.append(finding("markdown-marks", rel, first_line + text.count("\n", 0, at), at - line_start + 1,
                               count=f"{count:,}", limit=f"{limit:,}", length=f"{len(block):,}"))
        start = cut + 1
    return out


# Lines that open a block Python-Markdown splits off the text around it, copying the rest each time:
# a horizontal rule (`***`, `- - -`), a fence (```` ``` ````, `~~~a`), an admonition (`!!! note`,
# `??? note`), and a heading right under a line (not a blank one). Without blank lines between them
# the cost grows with their square: `***` 4,000 times in one record took 2.9 s of the build (32,000:
# minutes), `~~~a` 1.0 s, `!!! note` 0.65 s, `## a` 8,000 times in a docs/ page 10 s (16,000: 34 s,
# the admonition's and the table's tests reading the rest of the text again for each); 300 take a
# fiftieth of a second. The busiest page of the repository (the README) has 38.
MAX_BLOCK_MARKS = 300
_BLOCK_MARK = re.compile(r"^ {0,3}+(?:([*_-])[ \t]*+(?:\1[ \t]*+){2,}$|`{3,}|~{3,}|!!!|\?\?\?)"
                         r"|^(?<=[^\n]\n) {0,3}+#{1,6}(?=[ \t]|$)", re.M)


def crowded_blocks(text: str, rel: str, first_line: int) -> list[Finding]:
    """`markdown-blocks`, an error, at the line of the block mark past MAX_BLOCK_MARKS in `text`
    (a record's body, a docs/ page); passed over in one count when it has fewer lines."""
    if text.count("\n") < MAX_BLOCK_MARKS:
        return []
    for n, m in enumerate(_BLOCK_MARK.finditer(text), 1):
        if n > MAX_BLOCK_MARKS:
            return [finding("markdown-blocks", rel, first_line + text.count("\n", 0, m.start()),
                            m.start() - text.rfind("\n", 0, m.start()), limit=MAX_BLOCK_MARKS)]
    return []


MAX_ELEMENT_DEPTH = 300  # HTML elements left open inside each other in a whole body (no record needs 30)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
                   "p", "li", "dt", "dd", "tr", "td", "th", "option"})  # (void, or closed by what follows them)


def deep_elements(text: str, rel: str, first_line: int) -> list[Finding]:
    """HTML elements opened inside each other past MAX_ELEMENT_DEPTH across the whole body (`<div>` 30
    times a paragraph, 6,000 paragraphs: each paragraph passes `stalling_paragraphs`, but the raw HTML
    blocks carry the elements open from one to the next, and the browser reading the page for the
    audit took minutes): `html-nested-deep` at the line where the depth passes it."""
    depth = 0
    for m in _TAG.finditer(text):
        name = m.group(2).lower()
        if m.group(1):
            depth = max(depth - 1, 0)
        elif not m.group(3) and name not in _VOID:
            depth += 1
            if depth > MAX_ELEMENT_DEPTH:
                line = first_line + text.count("\n", 0, m.start())
                return [finding("html-nested-deep", rel, line, m.start() - text.rfind("\n", 0, m.start()),
                                depth=MAX_ELEMENT_DEPTH)]
    return []


def _stalls(block: str) -> bool:
    for opener, closer in _PAIRS:
        if block.count(opener) <= MAX_NESTING:
            continue
        depth = deepest = 0
        for ch in block:
            if ch == opener:
                depth += 1
                deepest = max(deepest, depth)
            elif ch == closer and depth:
                depth -= 1
        if deepest > MAX_NESTING or depth > MAX_BRACKETS:
            return True
    return False


# a Markdown link's address ([글](주소), not a picture's) that names a scheme (javascript:, data: …);
# no bracket in the text: a line of "[" read in one pass
_MD_LINK = re.compile(r"(?<!!)\[[^\[\]\n]*\]\(\s*<?\s*([^\s()<>]+)")
_LINK_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*(?::|&colon;)", re.IGNORECASE)
# what the site leaves out of a body: an image, video or frame from another host (its address
# goes, "[외부 자료 생략]" stays), and scripts, styles, frames and embedded objects whatever they hold
# (no bracket in the alt text: a line of "![" read in one pass, as casekit.core.pictures reads it)
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\(\s*<?\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:|//)")
_LOADING = frozenset(["script", "style", "iframe", "frame", "frameset", "object", "embed", "svg", "math", "link",
                      "img", "video", "audio", "source"])
# (its ">" on the line: a tag going on to the next line of its paragraph is judged whole when it ends,
# and one that never ends there is text, shown as written: `<svg width="10"` is not left out; a quoted
# value is the tag's whatever it holds: `<iframe src="data:text/html,<script>…</script>">` is an
# <iframe> whose address holds text, no <script>)
_LOADING_TAG = re.compile(r"<(" + "|".join(sorted(_LOADING)) + r""")(?=[\s/>])((?:[^<>"']|"[^"]*"|'[^']*')*)>""",
                          re.IGNORECASE)
_FROM_AFAR = re.compile(r"""\b(?:src|srcset|poster|data|href)\s*=\s*["']?\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:|//)""",
                        re.IGNORECASE)


def outside_content(text: str, rel: str, first_line: int, attr_lists: bool = False) -> list[Finding]:
    """What the site will leave out of a Markdown body, each at its place: an image or a frame
    loaded from another host, a script, a style, an embedded object (`outside-content`); and any
    other tag or attribute the sanitizer takes away (`html-left-out`: `<font>`, `<form>`,
    `style=`, `onerror=`, a `javascript:` link …, as casekit.core.allowlist.left_out asks the
    sanitizer; at most MAX_LEFT_OUT a body). A start tag written over several lines of a paragraph
    (`<img` on one, `onerror=…>` on the next: the page's Markdown reads it as one tag) is read whole,
    at its first line; a reference-style link's address (`[글][1]` … `[1]: javascript:…`) is
    judged where it is defined. Code (fenced, or in backticks) is shown as code, not left out, and
    passed over. `attr_lists`: the page's Markdown reads Python-Markdown's attribute lists (`docs/`
    pages: `## 제목 {: onclick=… }`), whose attributes are judged as a tag's."""
    lists = attr_lists and "{" in text and "}" in text
    if "<" not in text and "](" not in text and "]:" not in text and not lists:
        return []
    text = in_values_masked(text)  # (a "<" in an attribute's quoted value is its text: `title="<script>"`)
    out: list[Finding] = []
    left: list[Finding] = []
    page_tags: list[tuple[Finding, str]] = []  # a web page's own tags (<html>, <head> …): pasted whole, said once
    inside: str | None = None  # an element dropped with all it holds, still open: its tags go with it
    unclosed = _unclosed_at(text, first_line)  # (line, column): shown as written, not left out (html-unclosed)
    pending: tuple[int, int, list[str], bool] | None = None  # a start tag not closed on its line: (line, column, lines, told)

    def judge(name: str, attrs: str, number: int, column: int, told: bool, whole: bool) -> None:
        """One start tag: `outside-content` for what loads from afar (`whole`: not already read line
        by line), `html-left-out` for what the sanitizer takes away."""
        nonlocal inside
        low = name.lower()
        if (number, column) in unclosed:
            _say_unclosed(low, rel, number, column, unclosed, out)
            return
        what = _loading(low, attrs) if whole and not told else None
        if what is not None:
            out.append(finding("outside-content", rel, number, column, what=what))
            told = True
        verdict = left_out(name, attrs)
        if verdict is None:
            return
        if verdict[0] == "content" and not attrs.rstrip().endswith("/") and low not in _VOID and low != "frame":
            inside = name  # (not a void <embed> or <frame>: no end tag ends it, and all after it went unread)
        if not told and len(left) < MAX_SCRIPTS_LEFT_OUT:  # (past the caps nothing more is kept: not made either)
            written = attributes(attrs)
            script = _runs_script(verdict[1], written)
            if len(left) < MAX_LEFT_OUT or script:
                made = finding("html-left-out", rel, number, column, **_left_out_words(low, verdict, written))
                if low in _PAGE_TAGS and not script:
                    page_tags.append((made, low))
                _keep_left_out(left, made, script)

    for number, line in body_lines(text, first_line):
        at = 0
        if pending is not None:
            p_line, p_column, parts, p_told = pending
            pending = None
            if line.strip() and "<" not in line and ">" not in line and not line.lstrip().startswith("#"):
                # (an attribute a line: not closed yet)
                if len(parts) < _MAX_SPLIT_TAG:
                    parts.append(line)
                    pending = (p_line, p_column, parts, p_told)
                continue
            if line.strip() and not line.lstrip().startswith((">", "#")):  # (not a quote or a heading: the paragraph goes on)
                before = "\n".join(parts) + "\n"
                tag = START_TAG.match(before + line)
                if tag is not None:
                    judge(tag.group(1), tag.group(2), p_line, p_column, p_told, whole=True)
                    at = max(tag.end() - len(before), 0)
        if "<" not in line and "](" not in line:
            continue
        for found in _MD_IMAGE.finditer(line):
            out.append(finding("outside-content", rel, number, found.start() + 1, what="다른 곳의 그림"))
        for link in _MD_LINK.finditer(line) if "](" in line else ():
            _link_left_out(link.group(1), rel, number, link.start() + 1, left)
        told = set()
        for tag in _LOADING_TAG.finditer(line):
            if (number, tag.start() + 1) in unclosed:
                _say_unclosed(tag.group(1).lower(), rel, number, tag.start() + 1, unclosed, out)
                told.add(tag.start())
                continue
            what = _loading(tag.group(1).lower(), tag.group(2))
            if what is not None:
                out.append(finding("outside-content", rel, number, tag.start() + 1, what=what))
                told.add(tag.start())
        while line.find("<", at) >= 0:
            if inside is not None:
                end = _end_tag(inside).search(line, at)
                if end is None:
                    break
                at, inside = end.end(), None
                continue
            start = START_TAG.search(line, at)
            if start is None:
                last = line.rfind("<", at)
                if _OPEN_TAG.match(line, last) and ">" not in line[last:] and "`" not in line[:last]:
                    # (a backtick left open before it: a code span going on to the next line)
                    pending = (number, last + 1, [line[last:]], last in told)
                break
            at = start.end()
            judge(start.group(1), start.group(2), number, start.start() + 1, start.start() in told, whole=False)
    for (number, column), shown in unclosed.items():  # (what no tag of a line named: a comment the site shows)
        if not shown.said:
            _say_unclosed(shown.name, rel, number, column, unclosed, out)
    if "]:" in text:
        _references_left_out(text, rel, first_line, left, out)
    if lists:
        _attr_lists_left_out(text, rel, first_line, left)
    if len({name for _, name in page_tags}) >= 2:  # a web page pasted whole: one finding, not one a tag
        first = page_tags[0][0]
        said = {id(f) for f, _ in page_tags}
        names = ", ".join(f"<{n}>" for n in dict.fromkeys(name for _, name in page_tags))
        left = [f for f in left if id(f) not in said]
        left.insert(0, finding("html-page-pasted", rel, first.line, first.column, tags=names))
    return out + left


def template_tags(text: str, rel: str, first_line: int) -> list[Finding]:
    """A template's tag (`{{goal.text}}`, `{{#goals}}` …) left in a body, which the page would show
    as written: one warning at the first, naming the lines of the others (code is passed over)."""
    if "{{" not in text:
        return []
    places = [(number, m) for number, line in body_lines(text, first_line) if "{{" in line
              for m in [_TEMPLATE_TAG.search(line)] if m is not None]
    if not places:
        return []
    (number, m), lines = places[0], [n for n, _ in places]
    shown = ", ".join(str(n) for n in lines[:12]) + (" …" if len(lines) > 12 else "")
    return [finding("template-tag-in-body", rel, number, m.start() + 1, tag=m.group(), count=len(lines), lines=shown)]


# an end tag of a <plaintext>, which ends nothing (the HTML parser reads all after the start tag as text)
_PLAINTEXT_END = re.compile(r"</plaintext(?=[\s/>])", re.IGNORECASE)


@dataclass
class _Shown:
    """A start tag (or a comment, "!--") the site shows as written: its name, why (_NO_END: no end
    tag of its own after it; _IN_VAIN: a </plaintext> after it, which ends nothing; _TANGLED:
    the body read whole has an element its end tag does not end, and the site shows every tag of
    OPEN_ENDED and every comment of it as written), and whether `html-unclosed` was said of it."""

    name: str
    why: str
    said: bool


_NO_END, _IN_VAIN, _TANGLED = "no end", "in vain", "tangled"


def _unclosed_at(text: str, first_line: int) -> dict[tuple[int, int], _Shown]:
    """The (line, column) of each start tag of a body (its code passed over) that the site shows as
    written, as it reads its HTML: one casekit.core.allowlist.unclosed_tags finds open to the end,
    and, should the body read whole still have an element left open (`<svg><foreignObject><div>…
    </svg>`: casekit.core.allowlist.cleaned_whole), every start tag of OPEN_ENDED and every comment
    (said of: at most MAX_LEFT_OUT a body). The page shows such a tag, not what it leaves out."""
    if "<" not in text:
        return {}
    numbers: list[int] = []
    starts: list[int] = []
    parts: list[str] = []
    at = 0
    for number, line in body_lines(text, first_line, comments=True):  # (unclosed_tags passes over comments)
        numbers.append(number)
        starts.append(at)
        parts.append(line)
        at += len(line) + 1
    joined = "\n".join(parts)
    found = [(start, name, _IN_VAIN if name == "plaintext" and _PLAINTEXT_END.search(joined, end) else _NO_END)
             for start, end, name in unclosed_tags(joined, markdown=True)]
    gone: set[int] = set()  # (tags shown as written inside an element the site leaves out whole: said of it)
    if may_swallow(joined):
        cleaned, how = cleaned_kept_open(markdown_html(_escaped_at(joined, found)))
        if how != AS_IT_IS:
            known = {start for start, _, _ in found}
            found = sorted(found + [(start, name, _TANGLED) for start, name in shown_as_written(joined)
                                    if start not in known])
        else:
            kept = {int(n) for n in _MARKED.findall(cleaned)}
            gone = {start for n, (start, _, _) in enumerate(found) if n not in kept}
    out = {}
    for n, (start, name, why) in enumerate(found):
        i = bisect.bisect_right(starts, start) - 1
        # (past the cap: as if said)
        out[(numbers[i], start - starts[i] + 1)] = _Shown(name, why, n >= MAX_LEFT_OUT or start in gone)
    return out


_MARK = "\ue001{}\ue001"  # (a tag's number, after its "<" escaped: whether the page keeps it as text)
_MARKED = re.compile("\ue001([0-9]+)\ue001")


def _escaped_at(text: str, found: list[tuple[int, str, str]]) -> str:
    """`text` with the "<" at each start of `found` escaped (as casekit.core.allowlist.kept_open shows
    the tags it finds as written) and marked with its number (_MARK)."""
    parts, at = [], 0
    for n, (start, _, _) in enumerate(found):
        parts += [text[at:start], "&lt;", _MARK.format(n)]
        at = start + 1
    return "".join(parts) + text[at:]


def _say_unclosed(name: str, rel: str, number: int, column: int, unclosed: dict[tuple[int, int], _Shown],
                  out: list[Finding]) -> None:
    """`html-unclosed` of the start tag `<name` (a comment: "!--") at (number, column), once."""
    shown = unclosed[(number, column)]
    if shown.said:
        return
    shown.said = True
    name = shown.name
    tangle = ("이 글에는 닫는 태그로도 끝나지 않는 요소가 있어(<svg> 안에 열어 둔 <div>처럼 태그가 얽힘)",
              "an element of this body is not ended by its end tag (tags tangled: a <div> left open inside an <svg>)")
    if shown.why == _TANGLED and name == "!--":
        said = (f"{tangle[0]}, 주석(<!-- -->)도 글자로 보입니다: 그 안에 쓴 것이 사이트에 실립니다.",
                f"{tangle[1]}, so a comment (<!-- -->) shows as text too, what it holds published")
    elif shown.why == _TANGLED:
        said = (f"{tangle[0]}, <{name}> 태그는 닫은 것까지 모두 글자로 보입니다.",
                f"{tangle[1]}, so every <{name}> tag shows as text, closed or not")
    elif shown.why == _IN_VAIN:  # (a <plaintext> with its end tag after it: nothing ends it)
        said = (f"<{name}> 태그가 닫히지 않았습니다(뒤에 쓴 </{name}>도 이 태그를 끝내지 못합니다).",
                f"the <{name}> tag is never closed (the </{name}> after it does not end it)")
    else:
        said = (f"<{name}> 태그가 닫히지 않았습니다(뒤에 닫는 태그 </{name}>이(가) 없습니다).",
                f"the <{name}> tag is never closed (no </{name}> after it)")
    if shown.why == _TANGLED:
        advice = ("안에서 연 태그를 바깥 태그의 닫는 태그보다 먼저 닫거나, 필요 없는 태그와 주석을 지우세요. 글의 모양은 "
                  "Markdown으로 쓰세요.", "close what is opened inside before the outer end tag, or delete the tags "
                  "and comments")
    elif name == "plaintext":
        advice = ("이 태그는 닫아도 끝나지 않으니 지우세요. 글의 모양은 Markdown으로 쓰세요.",
                  "delete it (nothing ends a <plaintext>)")
    elif name in DROP_WITH_CONTENT:
        advice = (f"필요 없는 태그이면 지우세요. 꼭 쓰려면 </{name}>로 닫으세요(닫으면 그 사이의 내용은 사이트에 "
                  "싣지 않습니다).", f"delete it, or close it with </{name}> (what is between is then left out)")
    else:  # (<xmp>, <noembed>, <noframes>: what they hold is shown as text, its tags too)
        advice = (f"필요 없는 태그이면 지우세요. 닫으면(</{name}>) 그 사이의 글이 태그까지 글자 그대로 보입니다.",
                  f"delete it (closed with </{name}>, what is between shows as text, its tags too)")
    out.append(finding("html-unclosed", rel, number, column, name=name, said=said[0], said_en=said[1],
                       advice=advice[0], advice_en=advice[1]))


# a web page's own elements, which a body holds only when a page was pasted in whole
_PAGE_TAGS = frozenset({"html", "head", "body", "meta", "title", "link", "base"})


# Python-Markdown's attr_list, where it reads one (markdown.extensions.attr_list): at the end of a
# heading, on the last line of a block (a line of its own after the block's first), right after an
# inline element (emphasis, code, a link or a picture); its tokens as its scanner cuts them
_ATTR_LIST = r"\{:?[ ]*([^{}\n ][^{}\n]*)\}"  # (no brace inside: a line of "*{" is read in one pass)
_HEADING = re.compile(r" {0,3}#{1,6}[ ]")
_ATTRS_AT = re.compile(_ATTR_LIST + r"[ ]*$")
_BLOCK_ATTRS = re.compile(r"[ ]*" + _ATTR_LIST + r"[ ]*$")
_INLINE_ATTRS = re.compile(r"(?<=[*_`)\]])" + _ATTR_LIST)
_ATTR_TOKEN = re.compile(r"""([^ =}]+)=("[^"]*"|'[^']*'|[^ =}]+)|([^ =}]+)""")


def _attr_lists_left_out(text: str, rel: str, first_line: int, left: list[Finding]) -> None:
    """`html-left-out` for what the sanitizer takes from the attributes an attribute list gives
    (`{: onclick="…" }`, `{: style="…" }`, `{: .md-dialog }`), judged as the element's start tag."""
    previous = ""
    for number, line in body_lines(text, first_line):
        if "{" in line:
            marker = _HEADING.match(line)
            block = _BLOCK_ATTRS.match(line) if marker is None and previous.strip() else None
            if marker is not None:  # a heading's list ends it, after a space
                brace = line.rfind("{")
                heading = _ATTRS_AT.match(line, brace) if brace >= marker.end() and line[brace - 1] == " " else None
                level = f"h{len(marker.group().strip())}"
                found = [(level, heading.start(1), heading.group(1))] if heading is not None else []
            elif block is not None:
                found = [("p", block.start(1), block.group(1))]
            else:
                found = [(_inline_element(line, m.start()), m.start(1), m.group(1)) for m in _INLINE_ATTRS.finditer(line)]
            for name, at, written in found:
                attrs = _as_attributes(written)
                verdict = left_out(name, attrs)
                if verdict is not None:
                    given = attributes(attrs)
                    _keep_left_out(left, finding("html-left-out", rel, number, line.rfind("{", 0, at) + 1,
                                                 **_left_out_words(name, verdict, given)), _runs_script(verdict[1], given))
        previous = line


def _inline_element(line: str, at: int) -> str:
    """The element an inline attribute list at `at` (after its `)`, `]`, `*`, `_` or backtick) is given to."""
    end = line[at - 1]
    if end in ")]":
        opened = line.rfind("[", 0, line.rfind("]", 0, at))
        return "img" if opened > 0 and line[opened - 1] == "!" else "a"
    return "code" if end == "`" else "em"


def _as_attributes(written: str) -> str:
    """An attribute list's tokens as a start tag's attributes (`.c` a class, `#i` the id)."""
    classes: list[str] = []
    parts: list[str] = []
    for m in _ATTR_TOKEN.finditer(written):
        if m.group(3) is not None:
            word = m.group(3)
            if word.startswith("."):
                classes.append(word[1:])
            elif word.startswith("#"):
                parts.append(f'id="{html.escape(word[1:])}"')
            else:
                parts.append(html.escape(word))
        else:
            value = m.group(2)
            value = value[1:-1] if value[:1] in "\"'" and len(value) >= 2 else value
            parts.append(f'{html.escape(m.group(1))}="{html.escape(html.unescape(value))}"')
    if classes:
        parts.append(f'class="{html.escape(" ".join(classes))}"')
    return " " + " ".join(parts)


_PICTURE_TAGS = frozenset(["img", "video", "audio", "source"])


def _loading(name: str, attrs: str) -> str | None:
    """What `outside-content` says of a lower-cased start tag `name` (its attributes `attrs`): a
    picture from another host, or an element the site leaves out whatever it holds; None for
    anything else (a picture of the casebook's own: a relative address)."""
    if name in _PICTURE_TAGS:
        return "다른 곳의 그림·영상" if _FROM_AFAR.search(attrs) else None
    return f"<{name}> 요소" if name in _LOADING else None
_OPEN_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*(?:[\s/]|$)")
_MAX_SPLIT_TAG = 20  # lines: a longer "tag" is text with a "<" in it
# a reference-style link's definition as Python-Markdown reads one on a line of its own ([1]: 주소,
# up to three spaces in, in a list item or a quote too, a title after it or none: the line is taken off
# the page), or its label on
# one line and its address alone on the next; and the uses of a label: [글][1], [1][], [1] (![그림][1])


def _link_left_out(address: str, rel: str, number: int, column: int, left: list[Finding]) -> None:
    """`html-left-out` for a Markdown link whose address the sanitizer drops (javascript:, data: …)."""
    if _LINK_SCHEME.match(_CONTROLS.sub("", html.unescape(address))):  # (jav&#x09;ascript: too)
        verdict = left_out("a", ' href="' + address.replace('"', "&quot;") + '"')
        if verdict is not None:
            written = {"href": html.unescape(address)}
            _keep_left_out(left, finding("html-left-out", rel, number, column,
                                         **_left_out_words("a", verdict, written, link=True)),
                           _runs_script(verdict[1], written))


def _keep_left_out(left: list[Finding], found: Finding, script: bool) -> None:
    """At most MAX_LEFT_OUT findings a body, but a script's always (up to MAX_SCRIPTS_LEFT_OUT):
    twenty harmless tags written first must not hide an attacker's handler from review."""
    if len(left) < MAX_LEFT_OUT or (script and len(left) < MAX_SCRIPTS_LEFT_OUT):
        left.append(found)


def _references_left_out(text: str, rel: str, first_line: int, left: list[Finding], out: list[Finding]) -> None:
    """The reference-style links and pictures of a body, judged at their definitions: a link's
    address the sanitizer drops (`html-left-out`), a picture's from another host (`outside-content`);
    a definition nothing uses is a line the page does not show (`line-not-shown`: "[참고]: 확인함")."""
    refs = references(text, first_line)
    for label, (number, column, address, written) in refs.defined.items():
        if label in refs.pictures and (_LINK_SCHEME.match(address) or address.startswith("//")):
            out.append(finding("outside-content", rel, number, column, what="다른 곳의 그림"))
        if label in refs.links:
            _link_left_out(address, rel, number, column, left)
        elif label not in refs.pictures:
            out.append(finding("line-not-shown", rel, number, column, text=_shown(written)))


def _shown(line: str) -> str:
    return line if len(line) <= 40 else line[:39] + "…"


@functools.lru_cache(maxsize=64)
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}[\s/>]", re.IGNORECASE)


MAX_LEFT_OUT = 20  # findings a body: a page pasted from a word processor has hundreds of tags
MAX_SCRIPTS_LEFT_OUT = 200  # findings a body when the ones past MAX_LEFT_OUT would run a script


def _left_out_words(name: str, verdict: tuple[str, tuple[str, ...]], written: dict[str, str],
                    link: bool = False) -> dict[str, str]:
    """The html-left-out message's words for one tag (`link`: a Markdown link, [글](주소))."""
    kind, gone = verdict
    if link:
        words = {"what": "이 링크의 주소", "what_en": "this link's address",
                 "shown": "링크의 글은 보이지만 누를 수 없습니다", "shown_en": "its text shows, not as a link"}
    elif kind == "content":
        words = {"what": f"<{name}> 요소", "what_en": f"the <{name}> element",
                 "shown": "그 안에 쓴 내용도 보이지 않습니다", "shown_en": "with all it holds"}
    elif kind == "tag":
        words = {"what": f"<{name}> 태그", "what_en": f"the <{name}> tag",
                 "shown": "태그 안의 글은 보이고 태그의 모양과 기능은 빠집니다", "shown_en": "its text stays"}
    else:
        names = ", ".join(gone)
        words = {"what": f"<{name}> 태그의 {names} 속성", "what_en": f"the {names} attribute of <{name}>",
                 "shown": "태그와 글은 보이고 그 속성만 빠집니다", "shown_en": "the tag and its text stay"}
    if _runs_script(gone, written):
        words.update(advice="스크립트를 실행하려는 코드입니다. 누가 왜 넣었는지 확인하고 지우세요.",
                     advice_en="it would run a script: find out who put it there and why, and delete it")
    elif "href" in gone:
        words.update(advice="링크는 사이트 안의 주소나 http(s)·mailto·tel 주소로만 겁니다([설명](https://…)).",
                     advice_en="a link goes to an address of the site or an http(s), mailto or tel address")
    else:
        words.update(advice="글의 모양은 Markdown으로 쓰세요(**굵게**, 목록, 표, > 인용).",
                     advice_en="write the text's form in Markdown (**bold**, lists, tables, > quotes)")
    return words


def _runs_script(gone: tuple[str, ...], written: dict[str, str]) -> bool:
    """Whether the attributes the site takes away (`gone`, of a tag written with `written`) would
    run a script: an on… handler, a javascript: or vbscript: address."""
    return any(a.startswith("on") or (a in ("href", "src") and _script_url(written.get(a, ""))) for a in gone)


def _script_url(value: str) -> bool:
    """Whether a link's address is a javascript: or vbscript: one (spaces and controls in it, which a
    browser skips, left out): the words of the finding, not what the site keeps (the sanitizer decides)."""
    return _CONTROLS.sub("", value).lower().startswith(("javascript:", "vbscript:"))


_CONTROLS = re.compile(r"[\x00-\x20]+")


def _target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"
