"""The policy a page's CSP carries (casekit.site.csp): its style attributes found as a browser
would meet them, whatever the page; the hashes of their values, however they are quoted."""

from __future__ import annotations

import html
import random
import re

from casekit.site.csp import TrustedScripts, add_csp, policy_for, sha256_source, style_attributes

# the plain definition: `\sstyle=` then a quoted value, left to right, not overlapping
_REFERENCE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _reference(page: str) -> list[str]:
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _REFERENCE.finditer(page)]


def test_style_attributes_are_the_plain_definitions_on_pages_made_to_confuse_it() -> None:
    pieces = [" ", "\n", "\t", "\u3000", "x", "style", "style=", "style =", '"', "'", "=", "<span ", ">", "a:b",
              'style="left:1%"', "style='top:2%'", "xstyle=", "\u00a0style=", "스타일", "%"]
    rng = random.Random(7)
    for _ in range(3000):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert style_attributes(page) == _reference(page), page


def test_the_timeline_bars_of_a_page_are_found_in_order() -> None:
    page = ('<div class="ck-tl"><span class="a" style="left:0.00%;width:1.68%"></span>'
            '<span style="left:1.68%"></span><p>style="not an attribute"</p></div>')
    assert style_attributes(page) == ["left:0.00%;width:1.68%", "left:1.68%"]


def test_a_single_quoted_style_attribute_is_hashed_by_its_value() -> None:
    # (it was hashed as the empty text: the browser then refused the style)
    page = "<head><meta charset=\"utf-8\"></head><p style='color:red'>x</p><p style=\"\">y</p>"
    policy = policy_for(page, TrustedScripts())
    assert sha256_source("color:red") in policy and sha256_source("") in policy
    assert "'unsafe-hashes'" in policy


def test_entities_in_a_style_attribute_are_hashed_decoded_once() -> None:
    page = '<p style="font-family:&quot;A&quot;">x</p>'
    assert sha256_source(html.unescape("font-family:&quot;A&quot;")) in policy_for(page, TrustedScripts())


def test_the_policy_goes_after_the_charset_once() -> None:
    page = '<html><head><meta charset="utf-8"><title>t</title></head><body style="x"></body></html>'
    once = add_csp(page, TrustedScripts())
    assert once.count("Content-Security-Policy") == 1
    assert add_csp(once, TrustedScripts()).count("Content-Security-Policy") == 1  # the old one replaced
    assert once.index("Content-Security-Policy") > once.index("charset")
