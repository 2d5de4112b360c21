"""Pictures a body shows from the casebook itself, and the docs/ image each one names.

A record, a resource or a `docs/` page may show a picture of the casebook's own (`![가계도](…)`,
`<img src="…">` with an address that has no scheme and no host). The site publishes only the
images `scan_docs` allows from `docs/`, so such an address works only when it names one of them.
It is read as the writer's editor previews it, from the file's own folder
(`../../docs/img/genogram.png` in `cases/2026-0001/02-assessment.md`); in a record or resource also
as the site reads it, from the page the body is shown on (`../../img/genogram.png` on
`cases/2026-0001/`), and from the site's root (`/img/genogram.png`). The site writes each found
picture's address from its page (casekit.site.body), and shows "[그림 없음]" in place of one that
names no published image, which `check` reports (`image-not-found`) at its line and column.

Knows nothing of HTML rendering or MkDocs: addresses in, casebook paths out.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from casekit.core.findings import Finding, finding

# an image in Markdown: ![alt](address "title") or ![alt](<address with spaces>)
# (no bracket in the alt text: a line of a thousand "![" is read in one pass, not one a "![";
# an address may hold balanced parentheses, as Markdown reads it; an escaped \![ is no picture)
_MD_PICTURE = re.compile(r"(?<!\\)!\[[^\[\]\n]*\]\(\s*(?:<([^>\n]*)>|((?:[^\s()]|\([^\s()]*\))*))")
_IMG = re.compile(r"<img(?=[\s/>])([^>]*)>?", re.IGNORECASE)
_SRC = re.compile(r"""(?:^|[\s"'/])src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TICKS = re.compile(r"`+")
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\\\x7f]")
_ENTITY = re.compile(r"&(?:amp|quot|#39|#x27|lt|gt);")
_ENTITIES = {"&amp;": "&", "&quot;": '"', "&#39;": "'", "&#x27;": "'", "&lt;": "<", "&gt;": ">"}


def body_lines(text: str, first_line: int, comments: bool = False) -> Iterator[tuple[int, str]]:
    """(line number, line) of a Markdown body outside fenced code, code spans blanked out (each
    character a space: columns stay): what the site shows as code is never a picture or a tag.
    A comment closed on its line is blanked too, unless `comments`."""
    fence = None
    for number, line in enumerate(text.split("\n"), first_line):
        m = _FENCE_LINE.match(line)
        if fence is not None:
            fence = None if m is not None and m.group(1)[0] == fence else fence
            continue
        if m is not None:
            fence = m.group(1)[0]
            continue
        if "`" in line:
            line = _blank_code_spans(line)
        if "<!--" in line and not comments:  # (a comment on one line: the site leaves it out)
            line = without_comments(line)
        yield number, line


def _blank_code_spans(line: str) -> str:
    """`line` (no "\\n" in it) with each code span blanked, as `re.sub(r"(`+)(?:(?!\\1).)+?\\1", spaces, line)`
    blanked them, in time linear in the line: that pattern looked for a closing run from every
    backtick of a run that closes nowhere, for every length of it (a line of 1,000 backticks: 11 s).
    A span opens at the first backtick of a run from which the rest of the run, p backticks, is
    shorter than twice the longest later run; the first min(p, that longest) backticks of the first
    later run as long close it (the same spans, fuzzed against the pattern)."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    longest_after = [0] * len(runs)  # the longest run after each
    for i in range(len(runs) - 2, -1, -1):
        longest_after[i] = max(longest_after[i + 1], runs[i + 1][1] - runs[i + 1][0])
    parts: list[str] = []
    pos = i = 0  # where the last span ended; the run looked at
    while i < len(runs):
        start, end = runs[i]
        after = longest_after[i]
        if max(start, pos) >= end or not after:
            i += 1
            continue
        opens = max(start, pos, end - 2 * after + 1)
        ticks = min(end - opens, after)
        i = next(t for t in range(i + 1, len(runs)) if runs[t][1] - runs[t][0] >= ticks)
        parts += [line[pos:opens], " " * (runs[i][0] + ticks - opens)]
        pos = runs[i][0] + ticks
    return "".join(parts) + line[pos:] if parts else line


def unescaped(value: str) -> str:
    """An attribute value as written in a tag (`src="a&amp;b"`), with the entities a writer uses decoded."""
    return _ENTITY.sub(lambda e: _ENTITIES[e.group()], value)


def without_comments(line: str) -> str:
    """`line` (or any text) with each comment closed in it blanked out, positions kept (one pass: a
    text of "<!--" with no end is no trap; from a comment never closed on, nothing is blanked)."""
    parts: list[str] = []
    at = 0
    while (start := line.find("<!--", at)) >= 0:
        end = line.find("-->", start + 4)
        if end < 0:
            break
        parts += [line[at:start], " " * (end + 3 - start)]
        at = end + 3
    return "".join(parts) + line[at:]


def is_local(address: str) -> bool:
    """Whether an image address names a file of the site itself: no scheme, no `//` host."""
    address = address.strip()
    return bool(address) and not address.startswith(("//", "\\\\")) and _SCHEME.match(address) is None


def _names_nothing(address: str, line: str, end: int) -> bool:
    """Whether a Markdown picture's address is empty (`![사진]()`, `![사진]( )`, `![사진](<>)`): the
    page shows "[그림 없음]" in its place, as for a file it does not publish."""
    return not address.strip() and line[end:].lstrip().startswith(")")


def is_site_address(url: str) -> bool:
    """Whether a URL can only name a file of this site, as the sanitizer keeps an image's address
    (casekit.site.sanitize): relative or /-rooted, no scheme, no `//` host, no backslash, no white
    space or control character anywhere in it. A local picture's address that is not one is
    dropped from the page ("[외부 자료 생략]")."""
    if not url or _UNSAFE_CHARS.search(url):
        return False
    if url.startswith("//") or _SCHEME.match(url):
        return False
    first = url.split("/", 1)[0]
    return ":" not in first


Picture = tuple[int, int, str, bool]  # (line, column, address, written as an <img> tag)

# a link reference definition ("[1]: photo.png", in a list or a quote too), its address alone on
# the next line, and a reference-style link or picture ([글][1], [글][], [글]; ![사진][1] …)
# a link reference definition, `[label]: address "title"`, read as
# `^ {0,3}(?:>[ ]?)*(?:(?:[-*+]|[0-9]{1,9}[.)])[ ]+)?\[([^\[\]]*)\]:[ ]*(?:([^\s]+)[ ]*(?:(["'])(.*)\3[ ]*|\((.*)\)[ ]*)?)?$`
# (`[ ]*([^\s]+)…` for its address alone on the next line): the label, then the address (`_address`)
REFERENCE_HEAD = re.compile(r"""^ {0,3}(?:>[ ]?)*(?:(?:[-*+]|[0-9]{1,9}[.)])[ ]+)?\[([^\[\]]*)\]:[ ]*""")
_ADDRESS = re.compile(r"""([^\s]++)[ ]*(?:(["'])(.*)\2[ ]*|\((.*)\)[ ]*)?$""")
NOT_SPACES = re.compile(r"[^\s]+")
_OPENING = {'"': '"', "'": "'", ")": "("}  # a title's closing mark -> its opening one
_REFERENCE_USE = re.compile(r"(!?)\[([^\[\]\n]*)\](?:[ ]?\[([^\[\]\n]*)\])?")


@dataclass
class References:
    """A body's link reference definitions and what uses them, by label (lower-cased, spaces folded)."""

    defined: dict[str, tuple[int, int, str, str]] = field(default_factory=dict)  # (line, column, address, as written)
    pictures: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # where each label is shown as a picture
    links: set[str] = field(default_factory=set)


def references(text: str, first_line: int) -> References:
    """The reference definitions of a body (the first of each label, as Markdown keeps) and the
    reference-style links and pictures that use a label. Only bodies holding "]:" have any."""
    out = References()
    if "]:" not in text:
        return out
    label_line: tuple[int, int, str, str] | None = None  # "[참고]:" alone on a line: its address may be on the next
    for number, line in body_lines(text, first_line):
        if label_line is not None:
            at, column, label, written = label_line
            label_line = None
            address = _address(line, len(line) - len(line.lstrip(" ")))
            if address is not None:
                out.defined.setdefault(label, (at, column, unbracketed(address), written + " " + line.strip()))
                continue
        m = REFERENCE_HEAD.match(line)
        address = None if m is None or m.end() == len(line) else _address(line, m.end())
        if m is not None and (m.end() == len(line) or address is not None):
            label = " ".join(m.group(1).lower().split())
            if address is None:
                label_line = (number, m.start(1), label, line.strip())
            else:
                out.defined.setdefault(label, (number, m.start(1), unbracketed(address), line.strip()))
            continue
        if "[" in line:
            for use in _REFERENCE_USE.finditer(line):
                if line.startswith("(", use.end()):
                    continue  # an inline link or picture ([글](주소))
                label = " ".join((use.group(3) or use.group(2)).lower().split())
                if use.group(1):
                    out.pictures.setdefault(label, []).append((number, use.start() + 1))
                else:
                    out.links.add(label)
    return out


def _address(line: str, at: int) -> str | None:
    """The address of a reference definition from `at` of `line` (no "\\n" in it), as
    `([^\\s]+)[ ]*(?:(["'])(.*)\\2[ ]*|\\((.*)\\)[ ]*)?$` read it there; None where that does not match.
    In time linear in the line: the pattern, failing with the whole run of non-spaces for the
    address, tried a title from each quote and parenthesis of the run, each read to the line's end
    (a line of 8,000 quotes: 1.3 s; 40,000: 30 s). A title ends at the line's last character but
    spaces, so the one tried last in the run before that, of its opening mark, is the one that fits."""
    whole = _ADDRESS.match(line, at)
    if whole is not None:
        return whole.group(1)
    run = NOT_SPACES.match(line, at)
    last = len(line.rstrip(" ")) - 1
    opening = _OPENING.get(line[last]) if run is not None and last >= 0 else None
    if run is None or opening is None:
        return None
    title = line.rfind(opening, at + 1, min(run.end(), last))  # (`x"y z"`: the address x, the title "y z")
    return line[at:title] if title > at else None


def unbracketed(address: str) -> str:
    address = address[1:] if address.startswith("<") else address
    return address[:-1] if address.endswith(">") else address


def body_pictures(text: str, first_line: int) -> list[Picture]:
    """Each picture a Markdown body shows from the casebook itself (no scheme, no host), in order."""
    if "![" not in text and ("<" not in text or _IMG.search(text) is None):  # (most bodies: no lower-casing)
        return []
    out: list[Picture] = []
    for number, line in body_lines(text, first_line):
        if "![" in line:
            for m in _MD_PICTURE.finditer(line):
                address = m.group(1) if m.group(1) is not None else m.group(2)
                if is_local(address) or _names_nothing(address, line, m.end()):
                    out.append((number, m.start() + 1, address, False))
        if "<" in line:
            for m in _IMG.finditer(line):
                src = _SRC.search(m.group(1))
                if src is not None:
                    address = next(g for g in src.groups() if g is not None)
                    address = unescaped(address)
                    if is_local(address) or not address.strip():
                        out.append((number, m.start() + 1, address, True))
    refs = references(text, first_line)  # ![사진][1] with "[1]: photo.png": the page shows photo.png
    for label, uses in refs.pictures.items():
        if label in refs.defined and is_local(address := refs.defined[label][2]):
            out += [(number, column, address, False) for number, column in uses]
    return sorted(out)


# where casekit publishes the pages it makes (casekit.site.views.SECTIONS, the deadlines page; the
# home page besides): a docs/ page there would take a generated page's place or be dropped for it
GENERATED_SECTIONS = ("cases", "resources", "workers", "needs", "risk", "stages", "due")


def shown_at(rel: str) -> str | None:
    """The site folder of the page a record's or resource's body is shown on (a record: its case
    page, `cases/<id>/`; a resource: `resources/<id>/`); None for any other file."""
    parts = rel.split("/")
    if len(parts) == 3 and parts[0] == "cases":
        return f"cases/{parts[1]}/"
    if len(parts) == 2 and parts[0] == "resources" and parts[1].endswith(".md"):
        return f"resources/{parts[1][:-3]}/"
    return None


@dataclass(frozen=True)
class Pictures:
    """The docs/ images the site publishes (`scan_docs(root).assets`), by the site path each is
    published at (`img/x.png` for `docs/img/x.png`)."""

    by_site_path: dict[str, str] = field(default_factory=dict)
    by_source: dict[str, str] = field(default_factory=dict)  # the same, the other way round
    folder: str = "docs"  # mkdocs.yml's docs_dir

    @classmethod
    def of(cls, folder: str | None, assets: Iterable[str]) -> Pictures:
        """From `scan_docs`: its folder (mkdocs.yml's docs_dir) and its assets (casebook paths)."""
        if folder is None:
            return cls()
        prefix = folder.rstrip("/") + "/"
        by_site_path = {rel[len(prefix):]: rel for rel in sorted(assets) if rel.startswith(prefix)}
        return cls(by_site_path, {source: site_rel for site_rel, source in by_site_path.items()}, folder.rstrip("/"))

    @functools.cached_property
    def key(self) -> str:
        """What a body's pictures were read against: changes when an image is added or removed."""
        return hashlib.blake2b(repr(sorted(self.by_site_path.items())).encode("utf-8", "surrogatepass"),
                               digest_size=8).hexdigest()

    def site_path(self, rel: str, address: str, tag: bool = False) -> str | None:
        """Where the published image a local picture address in the body of the casebook file
        `rel` names is in the site (`img/x.png`); None when it names none, or is no address the
        site keeps (`is_site_address`). In a `docs/` page (`tag`: written as an <img> tag), as
        MkDocs reads it: a Markdown picture from the page's own folder, never out of `docs/`; a
        tag, which MkDocs leaves as written, from the page's address (`guide.md`: `guide/`)."""
        if not is_site_address(address):
            return None
        path = unquote(address.split("#", 1)[0].split("?", 1)[0])
        if not path:
            return None
        if path.startswith("/"):  # from the site's root
            return self._published(path.lstrip("/"))
        if rel.startswith(self.folder + "/"):
            source = rel[len(self.folder) + 1:]
            base = page_url(source) if tag else posixpath.dirname(source)
            return self._published(posixpath.normpath(posixpath.join(base, path)))
        found = self.by_source.get(posixpath.normpath(posixpath.join(posixpath.dirname(rel), path)))
        if found is not None:  # as the editor previews it, from the file's folder
            return found
        shown = shown_at(rel)
        return self._published(posixpath.normpath(posixpath.join(shown, path))) if shown is not None else None

    def _published(self, site_rel: str) -> str | None:
        return site_rel if site_rel in self.by_site_path and not site_rel.startswith("..") else None

    def findings(self, rel: str, text: str, first_line: int) -> list[Finding]:
        """`image-not-found` for each picture of a body (the file `rel`'s, from `first_line`)
        that names no published image."""
        return self.missing(rel, body_pictures(text, first_line))

    def missing(self, rel: str, shown: list[Picture]) -> list[Finding]:
        """`image-not-found` for each of `shown` (`body_pictures` of the file `rel`) that names no published image."""
        missing = [(line, column) for line, column, address, tag in shown if self.site_path(rel, address, tag) is None]
        if not missing:
            return []
        page = rel.startswith(self.folder + "/")  # MkDocs shows a docs/ page's as it is: broken
        example = posixpath.relpath(f"{self.folder}/img/그림.png", posixpath.dirname(rel) or ".")
        return [finding("image-not-found", rel, line, column, folder=self.folder, example=example,
                        shown="깨진 그림이" if page else "'[그림 없음]'이",
                        shown_en="a broken image" if page else "'[그림 없음]'")
                for line, column in missing]


# a docs/ page's front matter as MkDocs reads it (mkdocs.utils.meta.YAML_RE): YAML between a line of
# three dashes at the page's start and the next line of three dashes or dots
MKDOCS_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def page_body(text: str) -> tuple[str, int]:
    """A docs/ page's Markdown without its front matter (`MKDOCS_FRONT`), and the number of its first line."""
    m = MKDOCS_FRONT.match(text)
    return (text[m.end():], text.count("\n", 0, m.end()) + 1) if m is not None else (text, 1)


def page_url(page: str) -> str:
    """The folder a docs/ page (`guide.md`, `a/index.md`) is published as (`guide/`, `a/`)."""
    stem = page.rsplit(".", 1)[0]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"
