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
import shutil
import time
from pathlib import Path

import pytest

from casekit.core.allowlist import in_values_masked
from casekit.core.casebook import check
from casekit.core.docs import outside_content
from casekit.core.page_rules import _start_tag, tag_problems, template_problems
from casekit.core.template_branches import branches_off, settings_context
from casekit.site.body import BodyRenderer

RECORD = "cases/2026-0001/04-intervention.md"

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


# -- a "<" inside a quoted attribute value of a record's body --------------------------------------

IN_VALUES = ['<a title="<script>x</script>">링크</a> 글', '그림 <img alt="a <script> b" src="x.png"> 뒤',
             "<p title='<script>'>문단</p>", '<img alt="<script>x</script>" src="x.png">', '<a title="<form>">x</a>',
             '<abbr title="<iframe src=//x.example>">x</abbr>', '<a\n title="<script>x</script>">두 줄</a>']
TOLD = ("html-left-out", "outside-content", "html-unclosed")


@pytest.mark.parametrize("body", IN_VALUES)
def test_a_tag_written_inside_an_attribute_value_is_left_out_of_nothing(body: str) -> None:
    """The sanitizer keeps the attribute whole (or drops it whole): the page shows the link or the
    picture with the text `<script>…` in its title; check said a <script> or <form> was left out,
    or left open."""
    assert [f.code for f in outside_content(body + "\n", RECORD, 1) if f.code in TOLD] == []
    shown = str(BodyRenderer().html(body + "\n", RECORD, 0))
    assert "&lt;" in shown and "<script" not in shown and "<form" not in shown and "<iframe" not in shown, shown


def test_a_real_tag_beside_one_in_a_value_is_still_told() -> None:
    found = [(f.code, f.column) for f in outside_content(
        '<a title="<script>x</script>">링크</a> <script>y()</script> <form>z</form>\n', RECORD, 1) if f.code in TOLD]
    assert found == [("outside-content", 38), ("html-left-out", 59)]
    handler = [f.message_ko for f in outside_content('<img alt="<script>" onerror="x()" src="a.png">\n', RECORD, 1)
               if f.code == "html-left-out"]
    assert len(handler) == 1 and "onerror" in handler[0]
    unclosed = '<a title="<script>x</script>"\n'  # (no ">": no tag, the <script> is one)
    assert [f.code for f in outside_content(unclosed, RECORD, 1)] == ["outside-content"]


@pytest.mark.parametrize("void", ['<embed src="https://x.example/e.swf">', '<frameset><frame src="/f"></frameset>'])
def test_what_follows_a_void_element_dropped_whole_is_still_read(void: str) -> None:
    """`<embed>` and `<frame>` have no end tag: check waited for one and read nothing after them (the
    attack base-refresh-frames: its `<form>`, `<input>`, `<button>` went unnamed; its only
    html-left-out was a `<script>` inside an `<iframe src="data:…">` value, told twice)."""
    body = void + '\n\n<form action="/x">y</form>\n'
    assert [(f.code, f.line) for f in outside_content(body, RECORD, 1) if f.code == "html-left-out"] == [
        ("html-left-out", 3)]


def test_a_hostile_body_of_quoted_values_is_read_in_linear_time() -> None:
    started = time.process_time()
    for text in ('<a b="<' * 200_000, "<a b='<a c=\"" * 100_000, '<a b="' + "x <a " * 200_000, '<a b="\n<a b="\n' * 100_000,
                 "<a b='" + '<a c="x" ' * 100_000):
        in_values_masked(text)
    assert time.process_time() - started < 5.0


def test_check_and_the_built_page_agree_on_a_script_in_a_title(sample: Path, run) -> None:
    record = sample / RECORD
    written = record.read_text(encoding="utf-8")
    record.write_text(written + "\n" + "\n\n".join(IN_VALUES[:4]) + "\n", encoding="utf-8")
    found = [(f.code, f.line) for f in check(sample, cache=False).findings if f.path == RECORD and f.code in TOLD]
    assert found == [], found
    result = run(sample, "build")
    assert result.exit_code == 0, result.output[-3000:]
    page = next(p for p in (sample / "site").rglob("*.html") if "a &lt;script&gt; b" in p.read_text(encoding="utf-8"))
    shown = page.read_text(encoding="utf-8")
    assert 'title="&lt;script&gt;x&lt;/script&gt;"' in shown and "<script>x</script>" not in shown


# -- a copy of Material's templates in the casebook's theme folder ----------------------------------

def _material() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


def with_material_copy(root: Path, settings: tuple[str, str] | None = None) -> Path:
    """`root` with Material's base.html and its partials copied unchanged into overrides/ (its
    custom_dir), and `settings` (old, new) replaced in its mkdocs.yml."""
    written = (root / "mkdocs.yml").read_text(encoding="utf-8")
    written = written.replace("  features: []\n", "  features: []\n  custom_dir: overrides\n", 1)
    if settings is not None:
        assert settings[0] in written
        written = written.replace(*settings, 1)
    (root / "mkdocs.yml").write_text(written, encoding="utf-8")
    (root / "overrides").mkdir()
    shutil.copy2(_material() / "base.html", root / "overrides" / "base.html")
    shutil.copytree(_material() / "partials", root / "overrides" / "partials",
                    ignore=lambda folder, names: [n for n in names if not n.endswith(".html") and "." in n])
    return root


def refused(root: Path) -> list[tuple[str, int | None]]:
    return [(f.path, f.line) for f in check(root, cache=False).findings if f.code == "theme-template-refused"]


def _lines_with(rel: str, needle: str) -> list[int]:
    text = (_material() / rel).read_text(encoding="utf-8")
    return [i for i, line in enumerate(text.splitlines(), 1) if needle in line]


def test_a_copy_of_materials_base_template_passes_check_and_the_build(sample: Path, run) -> None:
    """Its Google Fonts links are in `{% if config.theme.font != false %}` and its share link in
    `{% if "search.share" in features %}`: with `font: false` and no features neither is written."""
    assert _lines_with("base.html", "fonts.googleapis.com") and _lines_with("partials/search.html", "javascript:")
    assert refused(with_material_copy(sample)) == []
    result = run(sample, "build")
    assert result.exit_code == 0, result.output[-3000:]
    assert not [p for p in (sample / "site").rglob("*.html") if "fonts.g" in p.read_text(encoding="utf-8")]


def test_settings_that_turn_the_branch_on_bring_the_finding_back(sample: Path) -> None:
    with_material_copy(sample, ("  font: false", "  font:\n    text: Noto Sans KR\n   "))
    links = _lines_with("base.html", "https://fonts.g")
    assert [(p, line) for p, line in refused(sample) if p == "overrides/base.html"] == [
        ("overrides/base.html", line) for line in links]


def test_a_feature_that_turns_a_branch_on_brings_its_finding_back(sample: Path) -> None:
    with_material_copy(sample, ("  features: []", "  features: [search.share]"))
    assert refused(sample) == [("overrides/partials/search.html", _lines_with("partials/search.html", "javascript:")[0])]


@pytest.mark.parametrize(("template", "told"), [
    ('<link rel="stylesheet" href="https://cdn.example/x.css">', True),  # the user's own, in no branch
    ('{% if config.theme.font != false %}<link rel="stylesheet" href="https://cdn.example/x.css">{% endif %}', False),
    ('{% if config.theme.font == false %}<link rel="stylesheet" href="https://cdn.example/x.css">{% endif %}', True),
    ('{% if config.theme.font %}x{% else %}<link rel="stylesheet" href="https://cdn.example/x.css">{% endif %}', True),
    ('{% if not config.theme.font %}x{% else %}<link rel="stylesheet" href="https://cdn.example/x.css">{% endif %}', False),
    ('{% if page.meta.x %}<link rel="stylesheet" href="https://cdn.example/x.css">{% endif %}', True),  # not known
    ('{% if config.theme.font or page.x %}<link href="https://cdn.example/x.css" rel="stylesheet">{% endif %}', True),
    ('{% if config.theme.font and page.x %}<link href="https://cdn.example/x.css" rel="stylesheet">{% endif %}', False),
    ('{% if config.site_url %}<link rel="stylesheet" href="https://cdn.example/x.css">{% endif %}', True),  # not read
    ('{% if config.theme.font %}{% block extrahead %}<link rel="stylesheet" href="https://cdn.example/x.css">'
     '{% endblock %}{% endif %}', True),  # (a block is rendered by self.extrahead() anywhere)
    ('{% if config.theme.font %}{% raw %}{% endif %}{% endraw %}<link rel="stylesheet" href="https://cdn.example/x.css">'
     '{% endif %}', False),
    ('{% if config.theme.font %}<link rel="stylesheet" href="https://cdn.example/x.css">', True),  # Jinja's error: all read
    ('{% set features = ["search.share"] %}{% if "search.share" in features %}<a href="javascript:x()">x</a>{% endif %}',
     True),  # (a name set to two values in the theme's templates is not known)
    ('{% set config = {"theme": {"font": true}} %}{% if config.theme.font %}<link rel="stylesheet" '
     'href="https://cdn.example/x.css">{% endif %}', True),  # (a template's own `config` is not the settings)
])
def test_a_branch_is_left_out_only_when_the_settings_turn_it_off(sample: Path, template: str, told: bool) -> None:
    with_material_copy(sample)
    (sample / "overrides" / "main.html").write_text('{% extends "base.html" %}\n' + template + "\n", encoding="utf-8")
    assert [line for path, line in refused(sample) if path == "overrides/main.html"] == ([2] if told else [])


def test_what_is_left_out_keeps_every_place() -> None:
    config = settings_context({"name": "material", "font": False}, {}, {"font": {"text": "Roboto"}, "features": []})
    text = ('a{% if config.theme.font %}\n<link href="https://x.example/">\n{% elif true %}b{% else %}\nc'
            '{% endif %}\n<base href="/">')
    shown = branches_off(text, config, dict)
    assert len(shown) == len(text) and shown.count("\n") == text.count("\n")
    assert "x.example" not in shown and "\nc" not in shown and shown.endswith('<base href="/">') and "b" in shown
    assert template_problems(shown) == [(5, 1, "site-active-content", "<base>")]


def test_a_hostile_template_is_read_in_linear_time() -> None:
    config = settings_context({"name": "material", "font": False}, {}, {"features": []})
    started = time.process_time()
    for text in ("{% if x %}" * 200_000, "{% if config.theme.font %}<a>{% endif %}\n" * 50_000, "{%" * 500_000,
                 "{% if config.theme.font %}" * 5000 + "x" + "{% endif %}" * 5000, "{% if '" * 200_000,
                 "{% if config.theme.font %}" + "{% elif config.theme.font %}" * 50_000 + "{% endif %}"):
        assert len(branches_off(text, config, dict)) == len(text)
    assert time.process_time() - started < 15.0
