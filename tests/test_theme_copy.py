"""A copy of Material's own templates in a casebook's theme folder, a `<script>` written inside a
record's attribute value, and a start tag read in time linear in its length.

- A copy of Material's `base.html` (and its partials) in `theme.custom_dir`, unchanged, with the
  casebook's settings (`font: false`, no features), gets no `theme-template-refused`: the Google
  Fonts `<link>`s sit in `{% if config.theme.font != false %}`, which these settings turn off;
  the build passes its audit. With a Google font set, or a `<link>` of the user's own outside such
  a branch, the finding comes.
- `<a title="<script>x</script>">` and `<img alt="a <script> b">` leave nothing out of the
  published page: no `html-left-out` (nor `outside-content`, `html-unclosed`); a real `<script>`
  is still told.
- casekit.core.page_rules reads a start tag's name and attributes in linear time.
"""

from __future__ import annotations

import random
import re
import time

from casekit.core.page_rules import _start_tag, tag_problems

# the pattern page_rules read a tag with before: its name given back one character at a time
_OLD_TAG = re.compile(r"""<([a-z][^\s/>\x00]*)([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""", re.S)


def _old(tag: str) -> tuple[str, str] | None:
    m = _OLD_TAG.match(tag)
    return None if m is None else (m.group(1), m.group(2))


def test_a_tag_is_read_as_the_old_pattern_read_it() -> None:
    rnd = random.Random(11)
    letters = ['a', 'b', '"', "'", '>', ' ', '/', '=', '\x00', '\n', '<', '-']
    tags = ['<a href="/x">', "<img alt='a > b' src=x.png>", '<a"x y">', "<a'b'c\"d\">", '<a"', '<a "b>',
            '<meta http-equiv="refresh" content="0; url=https://x.example/">', '<a\nhref=y>']
    tags += ["<" + rnd.choice("ab") + "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 12)))
             for _ in range(30_000)]
    for tag in tags:
        assert _start_tag(tag) == _old(tag), tag


def test_a_hostile_tag_is_read_in_linear_time() -> None:
    """`<a` and 10,000 letters with no ">" took 2.3 s, 100,000 four minutes (each length of the name
    tried); quotes in the name (`<a"'"'…`) are read once too."""
    started = time.process_time()
    for tag in ("<" + "a" * 1_000_000, '<a"' + "b" * 1_000_000, "<a" + "'\"" * 300_000, '<a"' + "x" * 1_000_000 + ' y">',
                "<a" + '"' + "'" * 1_000_000):
        tag_problems(tag)
    assert time.process_time() - started < 10.0
    assert tag_problems('<a"' + "x" * 100_000 + ' y" onclick="z">') == [("site-active-content", "<a onclick>")]
