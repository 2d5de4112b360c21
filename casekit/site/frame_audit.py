"""Composed pages audited with their frame read once a kind of page (casekit.site.compose).

A composed page is a frame (the theme's header, menu, footer and table of contents) with the
page's content in it. The frame is the same on every page of its kind but for its holes
(casekit.site.frame): the title and the case id, the anchor and the text of each item of the
table of contents, all of characters that make no markup (`frame._SAFE`, anchors, ids checked
here) and for the Content-Security-Policy written into its head. So the audit reads the frame
once a kind, composed with marks in its holes and nothing in it (`FrameAudit.of`: it must find
nothing there), and for each page:

- the content alone, as a page is read (`casekit.site.audit.audit_content`), provided a browser
  reading it is back in the body's text where it ends, as where it began: then nothing in it can
  change how the frame around it is read (`casekit.site.elements.closed_elements`);
- the lines of the frame's text that hold a hole, with the page's values in them, for the
  casebook's sensitive values (a client's name in a title);
- the page's policy, where a browser applies it to all that follows.

A page where any of these finds anything, or cannot be read this way, is audited whole, as any
page is: the shortcut only ever says that a page is clean, and what the audit says of a page
with a finding is what the whole page's audit says. (`tests/test_frame_audit.py` holds the two
ways to the same verdicts on pages built to tell them apart.)
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from casekit.core.findings import Finding
from casekit.site.audit import Expected, Scanner, audit_content, audit_html, page_texts, policy_of
from casekit.site.csp import META_NAME, TrustedScripts, add_csp
from casekit.site.frame import ANCHOR, ID, TEXT, TITLE, Frame, Heading, Outline

MARKS = {TITLE: "ckholetitle", ID: "ckholeid", ANCHOR: "ckholeanchor", TEXT: "ckholetext"}
_MARK = re.compile("|".join(MARKS.values()))
_ITEM_MARKS = (MARKS[ANCHOR], MARKS[TEXT])
_WHITE = " \t\n\r\f"  # (HTML's white space)
_NEXT_TAG = re.compile(r"<[A-Za-z]")
_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]*")  # a case id that makes no markup (else the page is audited whole)


@dataclass(frozen=True)
class FrameAudit:
    """A kind of page's frame, audited: the lines of its text that hold a hole (as marks)."""

    lines: tuple[str, ...]
    then: str  # the white space between the content and the frame's next tag (see elements.closed_elements)

    @classmethod
    def of(cls, frame: Frame, page: Outline, rel: str, scan: Scanner, expected: Expected,
           trusted: TrustedScripts) -> FrameAudit | None:
        """The audit of `frame` (that of `page`, a page of its kind): None when the audit finds
        anything in the frame composed with marks in its holes, or when the content does not sit
        between tags in it (its pages are then audited whole): after a tag's ">" and white space,
        before white space and a start tag's "<" and letter. A browser reads the content there in
        the body's text as it reads the fragment `closed_elements` judges."""
        before = (frame.tail or frame.head)[-1]
        after = frame.after[0] if frame.after else ""
        then = after[: len(after) - len(after.lstrip(_WHITE))] if isinstance(after, str) else ""
        if not (isinstance(before, str) and before.rstrip(_WHITE).endswith(">") and isinstance(after, str)
                and _NEXT_TAG.match(after, len(then))):
            return None
        marked = Outline(page.front, tuple(
            Heading(p.level, MARKS[TITLE] if p.level == 1 else MARKS[TEXT], p.anchor if p.level == 1 else MARKS[ANCHOR],
                    p.classes, p.label) if isinstance(p, Heading) else p for p in page.parts))
        text = frame.compose(marked, MARKS[ID], "")
        if text is None:
            return None
        text = add_csp(text, trusted)
        if audit_html(rel, text, scan, expected):
            return None
        return cls(tuple(dict.fromkeys(line for line in page_texts(text, scan, expected) if _MARK.search(line))), then)

    def findings(self, rel: str, text: str, content: str, page: Outline, cid: str, scan: Scanner,
                 expected: Expected) -> list[Finding] | None:
        """[] when the page `text` (`content` in this frame, its policy written in) is clean, read
        as above; None when it must be audited whole (something was found, or it cannot be read so)."""
        if _ID.fullmatch(cid) is None or META_NAME in content:
            return None  # (add_csp takes an old policy out wherever it stands: the page's content would not be this)
        policy = policy_of(text[:65536].lower())
        if policy is None:
            return None
        found = audit_content(rel, content, scan, expected, self.then)
        if found is None or found:
            return None
        return [] if not scan.find(rel, "\n".join(self._lines(page, cid) + [html.unescape(policy)])) else None

    def _lines(self, page: Outline, cid: str) -> list[str]:
        """The frame's lines that hold a hole, with the page's values (and lower-cased: the audit
        reads a page's text lower-cased, its raw elements as written); an item's once an item."""
        values = [{MARKS[TITLE]: page.title, MARKS[ID]: cid}]
        if page.title.lower() != page.title:
            values.append({MARKS[TITLE]: page.title.lower(), MARKS[ID]: cid.lower()})
        out = []
        for line in self.lines:
            if any(mark in line for mark in _ITEM_MARKS):
                for h in page.toc:
                    for v in values:
                        out.append(_fill(line, {**v, MARKS[ANCHOR]: h.anchor, MARKS[TEXT]: h.text}))
                        if h.text.lower() != h.text or h.anchor.lower() != h.anchor:
                            out.append(_fill(line, {**v, MARKS[ANCHOR]: h.anchor.lower(), MARKS[TEXT]: h.text.lower()}))
            else:
                out += [_fill(line, v) for v in values]
        return out


def _fill(line: str, values: dict[str, str]) -> str:
    return _MARK.sub(lambda m: values[m.group()], line)
