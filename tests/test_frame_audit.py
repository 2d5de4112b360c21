"""A composed page audited with its frame read once (casekit.site.frame_audit) gets the verdict the
audit of the whole page gives: the shortcut only ever says a page is clean. Each attack below is
put into the content (or the title, or a heading) of a case page of the sample, composed into its
real frame, and finished both ways."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

import casekit.site.build as build_mod
import casekit.site.compose as compose_mod
from casekit.site.build import build
from casekit.site.compose import _clean, _rel, pages_of
from casekit.site.elements import closed_elements
from casekit.site.finish import finished
from casekit.site.frame import Heading, Outline, render_content
from casekit.site.frame_audit import FrameAudit
from casekit.site.views import BLOCK
from tests.conftest import copy_casebook

TODAY = dt.date(2026, 11, 20)
NAME = "박영수"  # the client of 2026-0001 (cases/2026-0001/01-intake.md)
PHONE = "010-0000-1001"


@pytest.fixture(scope="module")
def composing(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What compose_cases was handed when the sample was built (its frames, its audit's scanner)."""
    book = copy_casebook(tmp_path_factory.mktemp("frame-audit") / "casebook")
    seen: dict[str, Any] = {}
    original = compose_mod.compose_cases

    def spy(site_dir, site, bodies, frames, cases, job, store=None):  # type: ignore[no-untyped-def]
        seen.update(site=site, bodies=bodies, frames=frames, cases=cases, job=job)
        return original(site_dir, site, bodies, frames, cases, job, store)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(build_mod, "compose_cases", spy)
        result = build(book, today=TODAY)
    assert not result.errors and seen["cases"], result.errors
    seen["job"] = dataclasses.replace(seen["job"], blocks_dir=None)
    return seen


def _page(composing: dict[str, Any], kind: str) -> tuple[str, Outline, str]:
    cid = "2026-0001" if "2026-0001" in composing["cases"] else composing["cases"][0]
    made = pages_of(composing["site"], cid, composing["bodies"])
    assert made is not None
    blocks = made[kind].blocks()
    return cid, made[kind].page, render_content(made[kind].page, lambda n: BLOCK.format(blocks[n]))


def both_ways(composing: dict[str, Any], kind: str, cid: str, page: Outline, content: str) -> tuple[Any, Any, bool]:
    """(the whole page's findings, the shortcut's, whether the shortcut said clean)."""
    job = composing["job"]
    frame = composing["frames"][kind]
    audit = FrameAudit.of(frame, page, _rel(cid, kind), job.scan, job.expected, job.trusted)
    assert audit is not None, "the sample's frame is clean"
    text = frame.compose(page, cid, content)
    assert text is not None
    rel = _rel(cid, kind)
    whole = finished(rel, text, job)
    fast = finished(rel, text, job, _clean(audit, rel, content, page, cid, job))
    secured = whole[0].decode("utf-8")
    return whole[1], fast[1], audit.findings(rel, secured, content, page, cid, job.scan, job.expected) == []


@pytest.mark.parametrize("kind", ["case", "summary"])
def test_a_clean_page_is_found_clean_without_its_frame_read_again(composing: dict[str, Any], kind: str) -> None:
    cid, page, content = _page(composing, kind)
    whole, fast, shortcut = both_ways(composing, kind, cid, page, content)
    assert whole == fast == [] and shortcut


ATTACKS = [
    '<img src="x" onerror="alert(1)">',
    f"<a title='{NAME}'>참고</a>",  # single quotes
    f'<a href="tel:%30%31%30-0000-1001">{"전화"}</a>',
    f"<p>연락처 {PHONE}</p>",
    f"<p>{NAME[:2]}<b></b>{NAME[2:]}</p>",  # split by an inline tag
    f"<!-- {NAME}",  # a comment left open: the frame after it is its text
    f'<a title="{NAME}',  # an attribute left open
    "<script>",  # left open: the frame after it is a script not the theme's
    '<script src="x.js">',
    "<style>",
    "<xmp>",
    "<noembed>",
    "<textarea>",
    "<title>",
    "<plaintext>",
    "<svg><style>",
    "<b>굵게",  # an element left open, nothing wrong in it
    "</article></div></div></div>",  # the frame's elements closed early
    "</body></html>",
    '<body onload="alert(1)">',
    '<html manifest="https://evil.example/x">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<script>alert(1)</script>",
    "<style>@import url(https://evil.example/x.css);</style>",
    '<iframe src="https://evil.example/"></iframe>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    '<template><img src="x" onerror="alert(1)"></template>',
    "<table><tr><td>셀",
    "<select><option>하나",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    "<p>\u202e1001-0000-010</p>",
    f"<p>이름= '{NAME}'</p>",
    '<a href="javascript:alert(1)">눌러</a>',
    '<div style="background:url(https://evil.example/x.png)">x</div>',
    '<meta charset="iso-2022-jp">',
    "<p>x</p><",
    "<p>x</p></",
    "<p>x</p><a",
    f"<p>{NAME[:1]}",  # a name cut at the content's end, the frame's text after it
    # a policy element in the content: the build takes it out, and the number is whole on the page
    f'<p>{PHONE[:2]}<meta http-equiv="Content-Security-Policy" content="x">{PHONE[2:]}</p>',
]


@pytest.mark.parametrize("where", ["start", "end"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_an_attack_in_the_content_gets_the_whole_pages_verdict(composing: dict[str, Any], attack: str,
                                                               where: str) -> None:
    cid, page, content = _page(composing, "case")
    content = attack + "\n" + content if where == "start" else content + attack
    whole, fast, shortcut = both_ways(composing, "case", cid, page, content)
    assert fast == whole
    assert not (shortcut and whole), "the shortcut said clean where the whole page has findings"


@pytest.mark.parametrize("kind", ["case", "summary"])
@pytest.mark.parametrize("hole", ["title", "heading"])
def test_a_sensitive_value_in_a_hole_of_the_frame_is_found(composing: dict[str, Any], kind: str, hole: str) -> None:
    cid, page, content = _page(composing, kind)
    parts = list(page.parts)
    at = 0 if hole == "title" else next(i for i, p in enumerate(parts) if isinstance(p, Heading) and p.level == 2)
    head = parts[at]
    assert isinstance(head, Heading)
    parts[at] = dataclasses.replace(head, text=f"{head.text} {NAME}")
    whole, fast, shortcut = both_ways(composing, kind, cid, Outline(page.front, tuple(parts)), content)
    assert whole and any(f.code == "site-sensitive" for f in whole), whole
    assert fast == whole and not shortcut


def test_a_frame_with_anything_in_it_is_not_used(composing: dict[str, Any]) -> None:
    job = composing["job"]
    frame = composing["frames"]["case"]
    cid, page, _ = _page(composing, "case")
    bad = dataclasses.replace(frame, after=(*frame.after, '<img src="x" onerror="alert(1)">'))
    assert FrameAudit.of(bad, page, _rel(cid, "case"), job.scan, job.expected, job.trusted) is None


@pytest.mark.parametrize(("fragment", "closed"), [
    ('<p class="a">글</p>\n<table><tr><td>x</td></tr></table>\n', True),
    ("<svg><title>제목</title></svg>", True),
    ("</div></article>", True),  # (end tags with nothing open are ignored)
    ("<div>", False),
    ("<b>x", False),
    ("<!--", False),
    ('<a title="', False),
    ("<textarea>", False),
    ("<svg>", False),
    ("<table>", False),
    ("<select>", False),
    ("<template>", False),
    ("<p>x</p><", True),  # ("<" and white space or a "<": text)
    ("<p>x</p></", False),  # ("</" and anything but a letter: a comment up to the next ">")
    ("<p>x</p><a", False),
    ("<p>x</p>&amp", True),
])
@pytest.mark.parametrize("then", ["", "\n  \n"])
def test_a_fragment_is_closed_only_when_a_browser_is_back_in_the_bodys_text(fragment: str, closed: bool,
                                                                            then: str) -> None:
    assert (closed_elements(fragment, then) is not None) is closed


def test_only_white_space_may_follow_a_fragment() -> None:
    with pytest.raises(ValueError):
        closed_elements("<p>x</p>", "x")
