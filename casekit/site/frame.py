"""Case pages put into a frame the generator rendered, instead of each sent through it.

A casebook of 10,000 cases has 20,000 case and summary pages, and each one MkDocs renders is
~2 ms of Python-Markdown and Material's templates, only to wrap casekit's own HTML in the same
frame: the header, the menu, the footer, the table of contents. So `casekit build` has the
generator render the other pages and a few real case pages (the proofs), learns from one proof
of each kind of page (case page, summary page) where its page-specific parts sit, and writes the
rest of the case pages itself:

- the page's title (in `<title>` and the header) and its case id (in any URL of the frame);
- the table of contents: one item a `##` heading, the item's markup taken from the proof;
- the content: the `#`/`##` headings and raw HTML blocks of the page's Markdown, as
  Python-Markdown writes them (`render_content`).

Nothing is guessed. A frame is used only when every other proof, composed from it, comes out
byte for byte as the generator rendered it (`learn`), so any setting or plugin that makes pages
differ in another way (a permalink on headings, a page's date from git, a theme that writes the
title elsewhere) shows as a failed proof, and the build goes back to rendering every page. A page
is composed only when its Markdown is nothing but such headings and blocks and its texts are of
characters no Markdown extension reads as markup (`outline`): any other page (an id with Latin
letters, a qualifier with punctuation) is rendered by the generator as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from casekit.site.html import md_escape

# the texts a composed page may show in its headings and title: Hangul syllables, Latin letters,
# digits, single spaces and the few signs casekit writes itself, which none of the Markdown
# extensions composing allows (casekit.site.compose.EXTENSIONS) turns into markup: no "--"
# (smarty), "(c)" or "1st" (smartsymbols), "<", "&", "*", "_", "`", "[", ":", "@", "." ...
_SAFE = re.compile(r"[가-힣0-9A-Za-z·○()\-]+(?: [가-힣0-9A-Za-z·○()\-]+)*")
_UNSAFE = re.compile(r"--|\d(?:st|nd|rd|th)\b|\([A-Za-z]+\)", re.I)
_HEADING = re.compile(r"(#{1,2}) (.+?) \{ #([A-Za-z][A-Za-z0-9-]*)((?: \.[A-Za-z][A-Za-z0-9-]*)*)( data-search-exclude=\"\")? \}")
_FRONT = re.compile(r"---\n(?:[^\n]*\n)*?---\n\n")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    classes: tuple[str, ...] = ()
    label: bool = False  # the site's own heading, out of the search index (views.heading)


Part = Heading | int  # a heading, or the number of a raw HTML block (a slot)


@dataclass(frozen=True)
class Outline:
    """A generated page as a frame composes it: its front matter and its parts, in order."""

    front: str
    parts: tuple[Part, ...]

    @property
    def title(self) -> str:
        first = self.parts[0]
        assert isinstance(first, Heading) and first.level == 1
        return first.text

    @property
    def toc(self) -> list[Heading]:
        return [p for p in self.parts if isinstance(p, Heading) and p.level == 2]


def outline(markdown: str, slot: Callable[[int], str]) -> Outline | None:
    """The outline of a page's Markdown with its blocks as `slot(n)`: front matter, then one `#`
    heading, then `##` headings and slots, each with an explicit anchor and safe text. None when
    the page has anything else (it is then rendered by the generator)."""
    front = ""
    m = _FRONT.match(markdown)
    if m:
        front, markdown = m.group(0), markdown[m.end():]
    if not markdown.endswith("\n"):
        return None
    parts: list[Part] = []
    n = 0
    for chunk in markdown[:-1].split("\n\n"):
        if chunk == slot(n):
            parts.append(n)
            n += 1
            continue
        h = _HEADING.fullmatch(chunk)
        text = shown(h.group(2)) if h is not None else None
        if h is None or text is None:
            return None
        parts.append(Heading(len(h.group(1)), text, h.group(3), tuple(c[1:] for c in h.group(4).split()),
                             h.group(5) is not None))
    levels = [p.level for p in parts if isinstance(p, Heading)]
    if not levels or levels[0] != 1 or not isinstance(parts[0], Heading) or 1 in levels[1:]:
        return None
    return Outline(front, tuple(parts))


def shown(text: str) -> str | None:
    """The heading text `text` (as casekit.site.html.md_escape wrote it) as a page shows it, when
    it is safe (see _SAFE); else None."""
    plain = text.replace("\\(", "(").replace("\\)", ")")
    if _SAFE.fullmatch(plain) is None or _UNSAFE.search(plain) or md_escape(plain) != text:
        return None
    return plain


def render_content(page: Outline, block: Callable[[int], str]) -> str:
    """The page's content as Python-Markdown (with attr_list and toc) writes it: the elements a
    line apart, a raw HTML block followed by an empty line."""
    out: list[str] = []
    for part in page.parts:
        if isinstance(part, int):
            out.append(block(part) + "\n")  # a raw HTML block ends its line
        else:
            # (attributes in the order Python-Markdown writes them: by name)
            cls = f' class="{" ".join(part.classes)}"' if part.classes else ""
            label = ' data-search-exclude=""' if part.label else ""
            out.append(f'<h{part.level}{cls}{label} id="{part.anchor}">{part.text}</h{part.level}>')
    return "\n".join(out)


# a piece of a frame: text as it is, or TITLE / ID (the page's), ANCHOR / TEXT (a toc item's)
TITLE, ID, ANCHOR, TEXT = 0, 1, 2, 3
Piece = str | int


@dataclass(frozen=True)
class Frame:
    """A rendered page cut around its page-specific parts (see the module's text)."""

    head: tuple[Piece, ...]  # up to the first toc item's anchor (all before the content, without a toc)
    item: tuple[Piece, ...] | None  # one toc item, from its anchor to the next item's (None: never two)
    tail: tuple[Piece, ...] | None  # from the last toc item's anchor to the content (None: no toc)
    after: tuple[Piece, ...]  # after the content
    front: str = ""  # the front matter of the pages it holds (the proof's: hide, search… shape the frame)

    def holds(self, least: int, most: int) -> bool:
        """Whether pages with `least` to `most` table-of-contents items can be composed."""
        return self.tail is None or (least >= 1 and (self.item is not None or most <= 1))

    def compose(self, page: Outline, cid: str, content: str) -> str | None:
        """The page as the generator would render it; None when this frame cannot hold it."""
        toc = page.toc
        if page.front != self.front or not self.holds(len(toc), len(toc)):
            return None
        values = {TITLE: page.title, ID: cid}
        out = [_fill(self.head, values)]
        if self.tail is not None:
            for h in toc[:-1]:
                assert self.item is not None
                out.append(_fill(self.item, {**values, ANCHOR: h.anchor, TEXT: h.text}))
            last = toc[-1]
            out.append(_fill(self.tail, {**values, ANCHOR: last.anchor, TEXT: last.text}))
        out += [content, _fill(self.after, values)]
        return "".join(out)


def _fill(pieces: Sequence[Piece], values: dict[int, str]) -> str:
    return "".join(p if isinstance(p, str) else values[p] for p in pieces)


def _cut(text: str, value: str, piece: int, count: int | None = None) -> list[Piece]:
    """`text` with (the first `count`) occurrences of `value` as `piece`."""
    parts = text.split(value) if count is None else text.split(value, count)
    out: list[Piece] = [parts[0]]
    for p in parts[1:]:
        out += [piece, p]
    return out


def _then(pieces: list[Piece], value: str, piece: int) -> list[Piece]:
    """`pieces` with every occurrence of `value` in their text as `piece`."""
    out: list[Piece] = []
    for p in pieces:
        out += _cut(p, value, piece) if isinstance(p, str) else [p]
    return [p for p in out if p != ""]


@dataclass(frozen=True)
class Proof:
    """A real page the generator rendered: what it was made from, and what came out."""

    cid: str
    page: Outline
    slot: Callable[[int], str]  # its slots, as written in its Markdown
    html: str  # as the generator wrote it (before its blocks went into their slots)


def cut(proof: Proof) -> Frame | None:
    """The frame of `proof`'s page, or None when its parts are not where this module looks."""
    content = render_content(proof.page, proof.slot)
    html = proof.html
    if html.count(content) != 1:
        return None
    at = html.index(content)
    before, after = html[:at], html[at + len(content):]
    title, cid = proof.page.title, proof.cid

    def own(pieces: list[Piece]) -> list[Piece]:  # the page's title and case id as pieces
        return _then(_then(pieces, title, TITLE), cid, ID)

    toc = proof.page.toc
    found = []
    at = 0
    for h in toc:
        mark = f'href="#{h.anchor}"'
        p = before.find(mark, at)
        if p < 0:
            break
        found.append(p + len('href="#'))
        at = found[-1]
    if not found:  # no table of contents (hide: toc)
        if any(f'href="#{h.anchor}"' in before for h in toc):
            return None
        return Frame(tuple(own([before])), None, None, tuple(own([after])), proof.page.front)
    if len(found) != len(toc):
        return None

    def item(text: str, h: Heading) -> list[Piece] | None:
        if not text.startswith(h.anchor) or text.count(h.text) < 1:
            return None
        rest = text[len(h.anchor):]
        return own([ANCHOR, *_cut(rest, h.text, TEXT, 1)])

    unit = item(before[found[0]:found[1]], toc[0]) if len(toc) > 1 else None
    tail = item(before[found[-1]:], toc[-1])
    if (unit is None and len(toc) > 1) or tail is None or TEXT not in tail:
        return None
    return Frame(tuple(own([before[: found[0]]])), None if unit is None else tuple(unit), tuple(tail),
                 tuple(own([after])), proof.page.front)


def learn(proofs: Sequence[Proof]) -> Frame | None:
    """The frame cut from the first proof, when it composes every proof exactly as rendered."""
    if len(proofs) < 2:
        return None
    frame = cut(proofs[0])
    if frame is None:
        return None
    for proof in proofs:
        if frame.compose(proof.page, proof.cid, render_content(proof.page, proof.slot)) != proof.html:
            return None
    return frame
