"""A record's or resource's Markdown body, made into the HTML a page shows: headings shifted under
the record's heading, rendered by casekit, then cleaned of anything that must not be published.

This is THE place record HTML is sanitized (`casekit.site.sanitize.sanitize_html`, nh3's allowlist):
every record and resource body goes through `BodyRenderer.html`, so the generator (MkDocs,
ProperDocs, Zensical) only ever sees finished, sanitized HTML with given names masked.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Callable

import markdown

from casekit.core.links import LEFT, RESOURCE_HEADING, Targets, anchor_words
from casekit.core.pictures import Pictures, shown_at
from casekit.core.sensitive import SensitiveIndex, scope_of
from casekit.site.html import Markup, as_url, escape, headings_named, hrefs_placed, relative_url
from casekit.site.sanitize import sanitize_html

# What a record body may use: plain Markdown, tables, notes. No attr_list (no attributes from records).
EXTENSIONS = ("tables", "sane_lists", "admonition", "fenced_code")


class BodyRenderer:
    """Renders bodies with one Markdown instance; `index` masks given names (○○) in what it renders
    (those of the body's own case); `pictures`: the docs/ images the site publishes, which a
    body's pictures are pointed at from the page it is shown on (None: addresses left as written);
    `targets`: what a body's links to the casebook may name (casekit.core.links; None: links left
    as written)."""

    def __init__(self, index: SensitiveIndex | None = None, pictures: Pictures | None = None,
                 targets: Targets | None = None) -> None:
        # table alignment as an attribute the sanitizer keeps, not a style attribute it drops
        self.md = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html",
                                    extension_configs={"tables": {"use_align_attribute": True}})
        self.index = index
        self.pictures = pictures
        self.targets = targets

    def html(self, body: str, rel: str, by: int, drop_title: str | None = None) -> Markup | None:
        """The body as sanitized HTML, headings `by` levels down; None when there is nothing to show."""
        text = demote(body, by, drop_title)
        if not text.strip():
            return None
        html = plain_html(text)
        if html is None:
            self.md.reset()
            html = self.md.convert(text)
        html = sanitize_html(html)
        if self.pictures is not None and "<img" in html:
            html = pictures_placed(html, rel, self.pictures)
        words = self._id_words(scope_of(rel))
        if self.targets is not None and "<a" in html:
            html = links_placed(html, rel, self.targets, words)
        if self.index is not None:
            html = self.index.mask(html, scope=scope_of(rel))
        prefix = self.targets.heading_prefix(rel) if self.targets is not None else None
        if prefix is not None and ("<h" in html or ' id="' in html):  # (named from the masked text)
            html = headings_named(html, prefix, words)
        return Markup(html)

    def _id_words(self, scope: str | None) -> Callable[[str], str]:
        """The words of an id (`anchor_words`) made of a text of a body under `scope`; "" when they
        hold a sensitive value or a given name of the case: the words drop the marks between them,
        so `## 010!!0000!!1001` or `## 영🙂희 메모`, which neither check nor the mask reads as a
        value, would give an id of `01000001001` or `영희-메모` (the page's text stays as written)."""
        index = self.index

        def words(text: str) -> str:
            found = anchor_words(text)
            return "" if found and index is not None and index.find(found, scope=scope) else found

        return words


# a picture as the sanitizer writes it (attribute values in double quotes, which may hold ">"); no "<"
# outside them: the sanitizer writes none there, and a "<img" it never closed (it closes them all)
# would have been read again to the end from each one (100,000 of them: 45 s), now to the next "<"
_IMG = re.compile(r'<img\b(?:[^<>"]|"[^"]*")*>')
_IMG_SRC = re.compile(r'\ssrc="([^"]*)"')
_IMG_ALT = re.compile(r'\salt="([^"]*)"')
MISSING = '<span class="ck-blocked" title="사이트에 실린 그림 중에 없습니다">[그림 없음{alt}]</span>'


def pictures_placed(html: str, rel: str, pictures: Pictures) -> str:
    """`html` (a sanitized body of the casebook file `rel`) with each picture's address written from
    the page the body is shown on to the published docs/ image it names (casekit.core.pictures);
    a picture that names none is "[그림 없음: its alt text]" (`check` says `image-not-found`)."""
    page = shown_at(rel)
    if page is None:
        return html

    def place(m: re.Match[str]) -> str:
        tag = m.group()
        src = _IMG_SRC.search(tag)
        found = pictures.site_path(rel, _html.unescape(src.group(1))) if src is not None else None
        if found is not None and src is not None:
            return tag[:src.start(1)] + str(escape(as_url(relative_url(found, page)))) + tag[src.end(1):]
        alt = _IMG_ALT.search(tag)
        text = " ".join(_html.unescape(alt.group(1)).split()) if alt is not None else ""
        return MISSING.format(alt=f": {escape(text)}" if text else "")

    return _IMG.sub(place, html)


def links_placed(html: str, rel: str, targets: Targets, words: Callable[[str], str] = anchor_words) -> str:
    """`html` (a sanitized body of the casebook file `rel`) with each link to the casebook written
    from the page the body is shown on to the page that shows what it names (a record: its place
    on its case page); a link that leaves the casebook keeps its text, not its address (`check`
    says `link-outside`). Any other link is left as written. A link to a heading whose words
    `words` makes no id of (a sensitive value: see BodyRenderer._id_words) leads to the record's
    place, or the resource's page, without them."""
    page = shown_at(rel)
    if page is None:
        return html

    def place(href: str) -> str | None:
        found = targets.place(rel, href)
        if found is None or found == LEFT or "#" not in found:
            return found
        location, _, fragment = found.partition("#")
        head, dash, rest = fragment.partition("-")
        if dash and (head == RESOURCE_HEADING[:-1] or _RECORD_PLACE.fullmatch(head)) and rest and not words(rest):
            return location if head == RESOURCE_HEADING[:-1] else f"{location}#{head}"
        return found

    return hrefs_placed(html, page, place, LEFT)


_RECORD_PLACE = re.compile(r"r[0-9]+")  # a record's place on its case page (r02), the start of its headings' ids


# Text Markdown leaves as it is: no character of its syntax (emphasis, code, links, HTML, entities,
# escapes, tables, admonitions, headings' hashes), no tab or control character
_PLAIN = re.compile(r"[^\\`*_{}\[\]#+!<>&|~\x00-\x1f\x7f]+")
_HEADING = re.compile(r"(#{1,6}) (.+)")
_LIST_LIKE = re.compile(r"[0-9]+[.)]\s")


def plain_html(text: str) -> str | None:
    """What Python-Markdown (with EXTENSIONS) makes of `text` when it is only ATX headings
    (`## 상담 내용`), paragraphs of plain text and tight lists of plain items (`- 경제: ...`, the
    lines of a list one after another, after a heading, a blank line or nothing): each line either
    a heading, empty, an item or a line no Markdown rule reads (none of its syntax characters; not
    starting like a list, a quote, a code block or a setext underline; no white space at either
    end). None for any other text, which Python-Markdown renders: a list after a paragraph's line
    or with a line right after it, or a list a blank line after another (one loose list). Most
    record bodies are such text; rendering them here costs a fraction of Python-Markdown's time
    (tests/test_body.py holds the two to the same HTML)."""
    blocks: list[str] = []
    para: list[str] = []
    items: list[str] = []

    def paragraph() -> None:
        if para:
            blocks.append("<p>" + "\n".join(para) + "</p>")
            para.clear()

    def listed() -> None:
        if items:
            blocks.append("<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>")
            items.clear()

    for line in text.split("\n"):
        if not line:
            paragraph()
            listed()
            continue
        if line[0].isspace() or line[-1].isspace():
            return None
        if line.startswith("- "):
            item = line[2:]
            if para or not _plain_line(item) or (not items and blocks and blocks[-1].startswith("<ul>")):
                return None
            items.append(item)
            continue
        if items:  # a line right after an item: part of it, or a heading ending the list
            return None
        if line[0] == "#":
            m = _HEADING.fullmatch(line)
            if m is None or m.group(2)[0].isspace() or _PLAIN.fullmatch(m.group(2)) is None:
                return None
            paragraph()
            level = len(m.group(1))
            blocks.append(f"<h{level}>{m.group(2)}</h{level}>")
            continue
        if not _plain_line(line):
            return None
        para.append(line)
    paragraph()
    listed()
    return "\n".join(blocks)


def _plain_line(line: str) -> bool:
    """Whether a paragraph's line (or a list item's text) is one no Markdown rule reads."""
    return not (line[0] in "-=" or line[0].isspace() or _PLAIN.fullmatch(line) is None or _LIST_LIKE.match(line))


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_NOT_PARAGRAPH = re.compile(r"^\s*$|^ {4}|^\s*(?:[#>|]|[-*+]\s|\d+[.)]\s)")


def demote(body: str, by: int, drop_title: str | None = None) -> str:
    """Shift a record body's headings down `by` levels (it sits under the record's heading)."""
    out: list[str] = []
    fence: str | None = None
    dropped = drop_title is None
    for line in body.replace("\r\n", "\n").split("\n"):
        if fence is not None:
            out.append(line)
            if line.strip().startswith(fence):
                fence = None
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)[0] * 3
            out.append(line)
            continue
        m = _ATX.match(line)
        if m:
            if not dropped and drop_title is not None and line.strip("# \t") == drop_title.strip():
                dropped = True
                continue
            dropped = True
            level = min(6, len(m.group(2)) + by)
            out.append(m.group(1) + "#" * level + line[m.end():])
            continue
        m = _SETEXT.match(line)
        if m and out and not _NOT_PARAGRAPH.match(out[-1]):
            level = min(6, (1 if m.group(1)[0] == "=" else 2) + by)
            out[-1] = "#" * level + " " + out[-1].strip()
            continue
        if line.strip():
            dropped = True
        out.append(line)
    return "\n".join(out).strip("\n")
