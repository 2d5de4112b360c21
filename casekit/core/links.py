"""Links a body makes to the casebook itself, and what each one names.

A record's body may link to another record (`[접수 기록](01-intake.md)`, `[2026-0002](../2026-0002/)`),
a resource (`../../resources/naraedong-welfare-team.md`) or a published `docs/` file. Such an
address is read as the writer's editor previews it, from the file's own folder; in a record or a
resource also as the site reads it, from the page the body is shown on (`cases/<id>/`,
`resources/<id>/`), and from the site's root (`/cases/2026-0002/`). A browser reads `\\` as `/`.

- One that leaves the casebook from the file's folder (`../../../../etc/passwd`) is
  `link-outside` (a warning, at its line and column): the site shows its text, not the link.
- One that names a record, a case, a resource or a published `docs/` file is pointed by the site
  at the page that shows it (a record: its place on its case page, `cases/<id>/#r02`).
- One that names a Markdown file or a case folder of the casebook that is not there (a record's
  file name mistyped, `02-assesment.md`; a case id that does not exist) is `link-missing` (a
  warning, at its line and column): the site leaves it as written, and it leads to no page. So
  is one that names, as the site reads it, what the site has not: a folder or file its root has
  not (`../../casekit.yml`, `../../templates/`, `/etc/hosts`), a file of the casebook or of docs/
  it does not publish (`handover.yml`, `../../docs/files/동의서.hwp`).
- Any other is left as written (a page of casekit's own the casebook does not know of: `../../due/`).

A `docs/` page's links are read the same way, from the page's folder and from the folder it is
published as (`docs_link_findings`; `docs_link_places` and `addresses_rewritten` write them into the
page the generator renders).

Knows nothing of HTML rendering or MkDocs: addresses in, site locations out.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import posixpath
import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from casekit.core.findings import Finding, finding
from casekit.core.pictures import (
    GENERATED_SECTIONS,
    NOT_SPACES,
    REFERENCE_HEAD,
    body_lines,
    is_local,
    page_body,
    references,
    shown_at,
    unbracketed,
    unescaped,
)

Link = tuple[int, int, str]  # (line, column, address as written)
Anchors = dict[str, None]  # the words of a body's headings' ids, in order (`heading_anchors`)

# a link in Markdown ([글](주소 "제목"), [글](<주소>)), not a picture's; no bracket in the text (a
# line of "[" is read in one pass); an address may hold balanced parentheses, as Markdown reads it
_MD_LINK = re.compile(r"(?<![!\\])\[[^\[\]\n]*\]\(\s*(?:<([^>\n]*)>|((?:[^\s()]|\([^\s()]*\))*))")
_A = re.compile(r"<a(?=[\s/>])([^>]*)>?", re.IGNORECASE)
_HREF = re.compile(r"""(?:^|[\s"'/])href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_ASCII_WS = re.compile(r"[\t\n\r]")  # (a browser takes tabs and line breaks out of an address)
LEFT = "left"  # `Targets.place`: the address leads out of the casebook (the site shows the text alone)


def body_links(text: str, first_line: int) -> list[Link]:
    """Each link of a Markdown body to a path of the casebook or the site (no scheme, no `//`
    host, not an anchor of the page alone), in order: Markdown links, `<a href>` tags, and
    reference-style links (`[글][1]` with `[1]: 01-intake.md`) at their definitions."""
    return _links(text, first_line, _judged)


def own_heading_links(text: str, first_line: int) -> list[Link]:
    """Each link of a Markdown body to a heading of that body alone (`[위로](#영역별-욕구)`), as
    `body_links` finds links (a fragment without words, `#`, is none)."""
    return _links(text, first_line, _own_fragment) if "#" in text else []


def _own_fragment(address: str) -> bool:
    address = _ASCII_WS.sub("", address).strip()
    return address.startswith("#") and bool(anchor_words(unquote(address[1:])))


def _links(text: str, first_line: int, keep: Callable[[str], bool]) -> list[Link]:
    if not _may_link(text):
        return []
    out: list[Link] = []
    for number, line in body_lines(text, first_line):
        if "](" in line:
            for m in _MD_LINK.finditer(line):
                address = m.group(1) if m.group(1) is not None else m.group(2)
                if keep(address):
                    out.append((number, m.start() + 1, address))
        if "<" in line:
            for m in _A.finditer(line):
                href = _HREF.search(m.group(1))
                if href is not None:
                    address = unescaped(next(g for g in href.groups() if g is not None))
                    if keep(address):
                        out.append((number, m.start() + 1, address))
    refs = references(text, first_line)
    for label in refs.links:
        if label in refs.defined and keep(address := refs.defined[label][2]):
            number, column, _, _ = refs.defined[label]
            out.append((number, column, address))
    return sorted(set(out))


def _may_link(text: str) -> bool:
    """Whether `text` may hold a link at all (most bodies hold none: nothing more is read)."""
    return "](" in text or "]:" in text or ("<" in text and _A.search(text) is not None)


def _judged(address: str) -> bool:
    path = _path(address)
    return bool(path) and is_local(address.replace("\\", "/"))


def _path(address: str) -> str:
    """The path part of an address as a browser reads it: no tabs or line breaks, `\\` as `/`,
    without its query and fragment, %-escapes decoded."""
    address = _ASCII_WS.sub("", address).strip().replace("\\", "/")
    return unquote(address.split("#", 1)[0].split("?", 1)[0])


def _fragment(address: str) -> str:
    return address.split("#", 1)[1] if "#" in address else ""


def casebook_path(rel: str, address: str) -> str | None:
    """The casebook path a local address in the file `rel` names from the file's own folder, as an
    editor previews it (`cases/2026-0001/01-intake.md`; `""` for the casebook's root); None when
    it leaves the casebook."""
    path = _path(address)
    if path.startswith("/"):
        joined = posixpath.normpath(path.lstrip("/") or ".")
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    if joined == ".." or joined.startswith("../"):
        return None
    return "" if joined == "." else joined


def outside_links(rel: str, links: Iterable[Link]) -> list[Finding]:
    """`link-outside` for each of `links` (`body_links` of the file `rel`) that leaves the casebook."""
    return [finding("link-outside", rel, line, column, address=address[:80], examples=examples(rel))
            for line, column, address in links if not _path(address).startswith("/") and casebook_path(rel, address) is None]


def missing_links(rel: str, links: Iterable[Link], targets: Targets) -> list[Finding]:
    """`link-missing` for each of `links` (`body_links` of the file `rel`) that `targets.missing` says of."""
    return [finding("link-missing", rel, line, column, address=address[:80], examples=examples(rel))
            for line, column, address in links if targets.missing(rel, address)]


# what a record's links are shown as (a record of the case, another case, a resource)
_RECORD_EXAMPLES = "01-intake.md, ../2026-0002/, ../../resources/자원.md"
_EXAMPLE_TARGETS = ("cases/2026-0001/01-intake.md", "cases/2026-0002/", "resources/자원.md")


def heading_findings(rel: str, links: Iterable[Link], targets: Targets,
                     anchors: Callable[[str], Anchors | None]) -> list[Finding]:
    """`link-heading-missing` for each of `links` (of the file `rel`: `body_links` or
    `own_heading_links`) that names a heading (its fragment) of a record or resource whose body
    has none of those words (`anchors`: the `heading_anchors` of a file's body; None when it
    cannot be read, and then nothing is said of it)."""
    out = []
    for line, column, address in links:
        named = targets.heading_named(rel, address)
        if named is None:
            continue
        target, words = named
        found = anchors(target)
        if found is None or words in found:
            continue
        shown = ", ".join(f"#{a}" for a in itertools.islice(found, 6)) + (" …" if len(found) > 6 else "")
        out.append(finding("link-heading-missing", rel, line, column, address=address[:80],
                           file=posixpath.basename(target), headings=shown or "-"))
    return out


# a heading as Markdown reads it, loosely (inside a quote or a list item too; Python-Markdown wants
# no space after the hashes, `##제목`): a link naming a heading is never said to miss one the page may
# have. Each pattern is read in time linear in the line (the heading's closing hashes are cut off in
# Python: `(.*?)(?:[ \t]+#+)?[ \t]*$` tried every split of a line of spaces)
_ATX_START = re.compile(r"[ \t]{0,3}(?:>[ \t]?)*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?#{1,6}")
_SETEXT_LINE = re.compile(r"[ \t]{0,3}(?:=+|-+)[ \t]*$")
_FENCE_OPEN = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_H_OPEN = re.compile(r"<h([1-6])\b[^<>]*>", re.IGNORECASE)  # (to the next "<" at most: no rescan)
_H_CLOSE = re.compile(r"</h([1-6])\s*>", re.IGNORECASE)
_LINK_TEXT = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_ANY_TAG = re.compile(r"<[^<>]*>")


def _atx_text(line: str) -> str | None:
    """The text of an ATX heading's line (`## 제목 ##`: 제목), None for another line."""
    m = _ATX_START.match(line) if "#" in line else None
    if m is None:
        return None
    text = line[m.end():].strip(" \t").lstrip("#")
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        text = bare.rstrip(" \t")
    return text


def _html_headings(line: str) -> list[str]:
    """The texts of the `<h2>…</h2>` elements of one line, in linear time (each opening tag's end tag
    found among the line's end tags by bisection, not by reading the rest of the line again)."""
    closes: dict[str, list[tuple[int, int]]] = {}
    for m in _H_CLOSE.finditer(line):
        closes.setdefault(m.group(1), []).append((m.start(), m.end()))
    out: list[str] = []
    at = 0
    for m in _H_OPEN.finditer(line) if closes else ():
        if m.start() < at:
            continue
        ends = closes.get(m.group(1), [])
        i = bisect.bisect_left(ends, (m.end(), -1))
        if i < len(ends):
            out.append(line[m.end():ends[i][0]])
            at = ends[i][1]
    return out


def heading_anchors(text: str) -> Anchors:
    """The words of the headings of a Markdown body as the page that shows it names them
    (`anchor_words`, without the page's prefix; `-1`, `-2` after words taken already), in order (a
    dict: a link's words are looked up in it, not searched for among 100,000 headings): ATX and
    setext headings outside fenced code, and `<h2>` tags. Read loosely (a heading inside an HTML
    block counts too), so that a link is never said to name a heading the page has."""
    texts: list[str] = []
    fence = None
    before = ""
    for line in text.split("\n"):
        m = _FENCE_OPEN.match(line)
        if fence is not None:
            fence = None if m is not None and m.group(1)[0] == fence else fence
            continue
        if m is not None:
            fence, before = m.group(1)[0], ""
            continue
        atx = _atx_text(line)
        if atx is not None:
            texts.append(atx)
        elif before.strip() and _SETEXT_LINE.match(line):
            texts.append(before)
        if "<" in line:
            texts += _html_headings(line)
        before = line
    used: dict[str, None] = {}
    taken: dict[str, int] = {}  # the last number given after the words (none below it is free)
    for heading in texts:
        words = anchor_words(html.unescape(_ANY_TAG.sub("", _LINK_TEXT.sub(r"\1", heading))))
        if words:
            used[numbered(words, used, taken)] = None
    return used


def numbered(words: str, used: Container[str], taken: dict[str, int]) -> str:
    """`words`, or the first of `words-1`, `words-2` … not `used`, as an editor's preview numbers a
    heading of words taken already; `taken` keeps where each words' count got to, so that 100,000
    headings of the same words are numbered in linear time."""
    n = taken.get(words, 0)
    name = f"{words}-{n}" if n else words
    while name in used:
        n += 1
        name = f"{words}-{n}"
    taken[words] = n
    return name


@functools.lru_cache(maxsize=64)
def examples(rel: str) -> str:
    """How a link to a record, a case and a resource is written in the file `rel` (its messages'
    examples): from a record, `01-intake.md, ../2026-0002/, ../../resources/자원.md`; from any
    other file, each from the file's own folder (a docs/ page: `../cases/2026-0001/01-intake.md` ...)."""
    if shown_at(rel) is not None and rel.startswith("cases/"):
        return _RECORD_EXAMPLES
    folder = posixpath.dirname(rel) or "."
    return ", ".join(posixpath.relpath(target, folder) + ("/" if target.endswith("/") else "")
                     for target in _EXAMPLE_TARGETS)


def docs_link_findings(pages: Iterable[tuple[str, str]], published: dict[str, str],
                       targets: Callable[[], Targets]) -> list[Finding]:
    """`link-outside` and `link-missing` for the links of the casebook's docs/ pages ((casebook path,
    text), `casekit.core.docs.DocsScan.pages`), read as in a record: from the page's folder, as an
    editor previews it (`../cases/2026-0001/01-intake.md` from docs/guide.md), and as the site reads
    it, from the folder the page is published as (guide/). `published`: the docs/ pages and files
    the site publishes (`DocsScan.published`); `targets` (every record's: a tenth of a second at
    10,000 cases) is made only for a link to anything else, never for one between docs/ pages."""
    out: list[Finding] = []
    for rel, text in pages:
        links = body_links(*page_body(text))  # (what the front matter holds is no link: a title is text)
        if links:
            out += outside_links(rel, links)
            judged = [link for link in links if (found := casebook_path(rel, link[2])) is not None and found not in published]
            if judged:
                out += missing_links(rel, judged, targets())
    return out


def docs_link_places(pages: Iterable[tuple[str, str]], published: dict[str, str],
                     targets: Targets) -> dict[str, dict[str, str]]:
    """By docs/ page (casebook path), where each link of its text to the casebook leads on the site
    (`Targets.place`: a site location, or LEFT), by its address as written: what the generator
    cannot know (a record, a case, a resource; one of casekit's own pages from the site's root).
    A link to a docs/ page or file (`published`) is left to the generator, which resolves it."""
    out: dict[str, dict[str, str]] = {}
    for rel, text in pages:
        links = [link for link in body_links(*page_body(text)) if casebook_path(rel, link[2]) not in published]
        placed = {address: where for address, where in targets.resolved(rel, links) if where is not None}
        if placed:
            out[rel] = placed
    return out


# what a URL written into Markdown in a link's place may not hold: it would need escaping there, or
# in an HTML attribute (such a link is left to the HTML, `casekit.site.html.hrefs_placed`)
_UNWRITABLE = re.compile(r"""[\s"'<>()\[\]&\\`]""")


def addresses_rewritten(text: str, url_of: Callable[[str], str | None]) -> str:
    """`text` (Markdown, a docs/ page's) with the address of each link `body_links` finds in it (a
    Markdown link, an `<a href>` tag, a reference definition a link uses) that `url_of` gives a URL
    for written as that URL, every other character kept: the generator then reads a link it can
    follow, not a path of the casebook it warns it cannot find. A URL that would need escaping in
    Markdown or HTML (`_UNWRITABLE`), or an address not where it was found, is left as written, and
    so is the page's front matter."""
    body, _ = page_body(text)
    if not _may_link(body):
        return text
    front, text = text[: len(text) - len(body)], body
    lines = text.split("\n")
    shown: dict[int, str] = {}  # (line index: the line as body_lines reads it, code blanked)
    edits: dict[int, list[tuple[int, int, str]]] = {}

    def edit(index: int, start: int, end: int, address: str, bracketed: bool = False) -> None:
        url = url_of(address)
        if url is not None and not _UNWRITABLE.search(url):
            edits.setdefault(index, []).append((start, end, f"<{url}>" if bracketed else url))

    for number, line in body_lines(text, 1):
        index = number - 1
        shown[index] = line
        if "](" in line:
            for m in _MD_LINK.finditer(line):
                group = 1 if m.group(1) is not None else 2
                if _judged(m.group(group)):
                    edit(index, m.start(group), m.end(group), m.group(group))
        if "<" in line:
            for m in _A.finditer(line):
                href = _HREF.search(m.group(1))
                if href is not None:
                    group = next(g for g in (1, 2, 3) if href.group(g) is not None)
                    address = unescaped(href.group(group))
                    if _judged(address):
                        edit(index, m.start(1) + href.start(group), m.start(1) + href.end(group), address)
    refs = references(text, 1)
    for label in refs.links:
        if label not in refs.defined or not _judged(address := refs.defined[label][2]):
            continue
        index = refs.defined[label][0] - 1
        line = shown.get(index, "")
        head = REFERENCE_HEAD.match(line)
        if head is not None and head.end() < len(line):
            run = NOT_SPACES.match(line, head.end())
        else:  # (the address on the line after its label)
            index += 1
            line = shown.get(index, "")
            run = NOT_SPACES.match(line, len(line) - len(line.lstrip(" ")))
        if run is not None and unbracketed(run.group()) == address:
            edit(index, run.start(), run.end(), address, bracketed=run.group().startswith("<"))
    for index, changes in edits.items():  # (each line put together once: a line of 50,000 links stays linear)
        line, parts, at = lines[index], [], 0
        for start, end, url in sorted(set(changes)):
            if start >= at:
                parts += [line[at:start], url]
                at = end
        lines[index] = "".join(parts) + line[at:]
    return front + "\n".join(lines)


def _site_path(shown: str | None, path: str) -> str | None:
    """The site path (`cases/2026-0002`, `""` for the root) that the path part of a link names as
    the site reads it, on the page at the site folder `shown` (`Targets.shown`): from that page, or
    from the site's root (`/…`); None when no page shows it, or it leaves the site."""
    if path.startswith("/"):
        site = posixpath.normpath(path.lstrip("/") or ".")
    else:
        if shown is None:
            return None
        site = posixpath.normpath(posixpath.join(shown, path))
    if site == "..":
        return None
    return "" if site == "." else site if not site.startswith("../") else None


_RECORD_ANCHOR = re.compile(r"r[0-9]+")  # a record's place on its case page (r02)
RESOURCE_HEADING = "h-"  # what the ids of a resource's headings begin with on its page (`Targets.heading_prefix`)
_NOT_WORD = re.compile(r"[^\w\s-]")
_DASHES = re.compile(r"[-\s]+")


def anchor_words(text: str) -> str:
    """A heading's words as an anchor, and a link's fragment as the words of the heading it names:
    lower-cased, without marks, each run of spaces and hyphens one hyphen (`영역별-욕구` for "영역별
    욕구"; `사정-욕구` for "사정 · 욕구", and for `사정--욕구`, as GitHub's preview spells it), so that
    the fragment an editor's preview gives a heading names it however that editor spells anchors."""
    return _DASHES.sub("-", _NOT_WORD.sub("", text.lower())).strip("-")


# a case's folder as a casebook path (cases/2026-0002): a page of the site when the case has records
_CASE_FOLDER = re.compile(r"cases/[^/]+")
_RECORD_STEM = re.compile(r"cases/[^/]+/[0-9]{2}-[a-z]+")  # a record's name without its .md (09-followup)
# what the site has at its root besides what the casebook holds: casekit's own pages, the search
# index and the theme's files (their folders), the generator's 404 page and sitemap
_SITE_FOLDERS = frozenset(GENERATED_SECTIONS) | {"search", "assets"}
_SITE_FILES = frozenset({"404.html", "sitemap.xml", "sitemap.xml.gz"})
_UNLISTED = _SITE_FOLDERS - {"cases", "resources"}  # (what is in them, Targets cannot list)
# a file's name with an extension (a page of the site is a folder, or an .html file in one)
_EXTENSION = re.compile(r"\.[0-9A-Za-z]{1,10}$")


@dataclass(frozen=True)
class Targets:
    """What a body's links may name, by casebook path (`cases/2026-0001/02-assessment.md`,
    `cases/2026-0001`, `resources/x.md`, `docs/guide.md`, `docs/files/a.pdf`), with the site
    location that shows it (`cases/2026-0001/#r02`, `cases/2026-0001/`, `resources/x/`,
    `guide/`, `files/a.pdf`)."""

    by_source: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Iterable[str], resources: Iterable[str], docs: Iterable[tuple[str, str]] = ()) -> Targets:
        """From the casebook's records and resources (casebook paths) and its published `docs/`
        files ((casebook path, site location))."""
        out: dict[str, str] = {}
        for rel in records:
            parts = rel.split("/")
            if len(parts) == 3 and parts[0] == "cases" and parts[2][:2].isdigit():
                out[rel] = f"cases/{parts[1]}/#r{parts[2][:2]}"
                out.setdefault(f"cases/{parts[1]}", f"cases/{parts[1]}/")
        for rel in resources:
            if rel.startswith("resources/") and rel.endswith(".md") and rel.count("/") == 1:
                out[rel] = f"resources/{rel[len('resources/'):-3]}/"
        out.update(docs)
        if out:
            out.setdefault("cases", "cases/")
            out.setdefault("resources", "resources/")
        return cls(out)

    @functools.cached_property
    def locations(self) -> frozenset[str]:
        """The site locations of what the casebook holds, without their fragments (made once)."""
        return frozenset(location.split("#", 1)[0] for location in self.by_source.values())

    @functools.cached_property
    def roots(self) -> frozenset[str]:
        """The names at the site's root: casekit's own folders, and the first part of the location
        of each page and file of the casebook (`guide` for `guide/`, `img` for `img/x.png`)."""
        return _SITE_FOLDERS | {location.split("/", 1)[0] for location in self.locations if location}

    def shown(self, rel: str) -> str | None:
        """The site folder of the page that shows the file `rel`: a record's case page
        (`cases/<id>/`), a resource's page, a docs/ page's own (`guide/` for docs/guide.md); None
        for any other file."""
        shown = shown_at(rel)
        if shown is None and rel.endswith(".md"):
            location = self.by_source.get(rel)
            if location is not None and location.endswith("/"):  # (a docs/ page: published as a folder)
                return location
        return shown

    def heading_prefix(self, rel: str) -> str | None:
        """What the ids of the headings of the body of the record or resource `rel` begin with on
        the page that shows it (a record's on its case page, `r02-`; a resource's, `h-`: the
        words alone could be an id casekit's page has, `cases`), which a link to the file with a
        fragment names (`02-assessment.md#영역별-욕구`: `#r02-영역별-욕구`); None for any other file."""
        location = self.by_source.get(rel)
        if location is None:
            return None
        anchor = location.partition("#")[2]
        if _RECORD_ANCHOR.fullmatch(anchor):
            return f"{anchor}-"
        return RESOURCE_HEADING if rel.startswith("resources/") and rel.endswith(".md") else None

    def heading_named(self, rel: str, address: str) -> tuple[str, str] | None:
        """(the file, the words of the heading) when the link `address` in the body of `rel`
        names a heading of a record or resource (`02-assessment.md#영역별-욕구`, or `#영역별-욕구` of
        `rel`'s own body) and its fragment has words; None for any other link."""
        address = _ASCII_WS.sub("", address).strip()
        if address.startswith("#"):
            target: str | None = rel
        elif _judged(address) and "#" in address:
            target = self.named(rel, address)
            if target is None or self.place(rel, address) != self._heading_at(target, _fragment(address)):
                return None
        else:
            return None
        if target is None or self.heading_prefix(target) is None:
            return None
        words = self._heading_words(target, _fragment(address))
        return (target, words) if words else None

    def _heading_words(self, target: str, fragment: str) -> str:
        """The words of the heading of `target`'s body that `fragment` names; "" when it names none:
        no words, or the record's own place (`01-intake.md#r01`, as the site's address has it)."""
        words = anchor_words(unquote(fragment))
        return "" if words and self.heading_prefix(target) == words + "-" else words

    def _heading_at(self, target: str, fragment: str) -> str | None:
        """Where the heading of `target`'s body that `fragment` names is on the page that shows it
        (`cases/2026-0001/#r02-영역별-욕구`), `target`'s own place when the fragment names none;
        None when `target`'s headings have no ids there."""
        prefix = self.heading_prefix(target)
        if prefix is None:
            return None
        location = self.by_source[target]
        words = self._heading_words(target, fragment)
        return location.split("#", 1)[0] + "#" + prefix + words if words else location

    def _own_heading(self, rel: str, address: str) -> str | None:
        """Where a link of the body of `rel` to a heading of that body alone (`#영역별-욕구`) leads
        (`_heading_at`); None when the address is not such a link."""
        address = _ASCII_WS.sub("", address).strip()
        return self._heading_at(rel, address[1:]) if address.startswith("#") else None

    def named(self, rel: str, address: str) -> str | None:
        """The casebook path the local address `address` in the file `rel` names (`casebook_path`),
        a Markdown file's written without its `.md` (`01-intake`, `../../docs/guide`: a name
        the casebook has with it) taken for that file, as the site takes a resource's
        (`../../resources/x`, its page `resources/x/`)."""
        found = casebook_path(rel, address)
        if found and found not in self.by_source and f"{found}.md" in self.by_source \
                and _EXTENSION.search(found.rsplit("/", 1)[-1]) is None:
            return f"{found}.md"
        return found

    def place(self, rel: str, address: str) -> str | None:
        """Where the link `address` in the body of the file `rel` leads on the site: the location
        of what it names (a record: its place, or with a fragment the heading of its body the
        fragment names, `#r02-영역별-욕구`; a resource with a fragment, the heading `#h-이용-방법`;
        anything else with its fragment kept), or, from the site's root, of one of casekit's own
        pages (`/due/`: `due/`); LEFT when it leaves the casebook; None when it names nothing the
        casebook holds (left as written). A fragment alone (`#영역별-욕구`) names a heading of
        `rel`'s own body, as an editor's preview reads it."""
        if not _judged(address):
            return self._own_heading(rel, address)
        path = _path(address)
        fragment = _fragment(address)
        found = self.named(rel, address)
        if found is None and not path.startswith("/"):
            return LEFT
        location = self.by_source.get(found) if found is not None else None
        if location is None:  # as the site reads it: from the page the body is shown on, or its root
            site = _site_path(self.shown(rel), path)
            if site is None:
                return None
            location = next((c for c in (site, site + "/") if c in self.locations), None)
            if location is None and path.startswith("/") and (site in ("", *_SITE_FILES) or site.split("/", 1)[0] in _UNLISTED):
                # from the site's root to what the site has that the casebook does not list (`/`,
                # `/due/`): written from the page, so it holds on a site served below a folder too
                location = site + "/" if site and path.endswith("/") else site
            if location is None:
                return None
        if fragment:
            heading = self._heading_at(found, fragment) if found is not None and location == self.by_source.get(found) else None
            if heading is not None:  # a record's or resource's: one of its headings, else its place
                return heading
            location = location.split("#", 1)[0] + "#" + fragment
        return location

    def missing(self, rel: str, address: str) -> bool:
        """Whether the link `address` in the file `rel` stays in the casebook, names nothing the site
        publishes (`place` finds nothing: it is left as written), and leads to no page of the site:
        it names, from the file's folder, a Markdown file or a case folder the casebook does not
        hold; or, as the site reads it, a folder or file the site's root has not (`/etc/hosts`,
        `../../templates/`, `../../casekit.yml`), or a file (a name with an extension other than
        .html, not ending in `/`) the site does not publish in a folder of docs/ pages and files
        (`../../docs/files/동의서.hwp`) or in cases/ and resources/ (`../../resources/x.yml`).
        What casekit's other folders hold are pages the casebook may not know of (`../../due/`,
        `../../workers/kim.sw`): left alone."""
        found = casebook_path(rel, address) if _judged(address) else None
        if found is None or self.place(rel, address) is not None:
            return False
        if found.endswith(".md") or _CASE_FOLDER.fullmatch(found) or _RECORD_STEM.fullmatch(found):
            return True
        path = _path(address)
        site = _site_path(self.shown(rel), path)
        if not site or site in _SITE_FILES:
            return False
        first, last = site.split("/", 1)[0], site.rsplit("/", 1)[-1]
        if first not in self.roots:
            return True
        # (the folders of casekit's pages that no file of the casebook names hold pages alone, some
        # named with a dot: workers/kim.sw/; the search index and the theme's files are the generator's)
        return first not in _UNLISTED and not path.endswith("/") and _EXTENSION.search(last) is not None \
            and not last.lower().endswith((".html", ".htm"))

    def resolved(self, rel: str, links: Iterable[Link]) -> tuple[tuple[str, str | None], ...]:
        """(address, `place`) of each link: what the page showing the body depends on."""
        return tuple((address, self.place(rel, address)) for _, _, address in links)
