"""Whoever can edit mkdocs.yml, a record or a custom theme folder must not get a script onto the site,
code run on the build machine, another file's text published, or the build stalled.

Found by a probe that attacked copies of the sample: a `copyright` holding a `<script>` that
Material prints as it is (and whose redirect the CSP trusted as the theme's own), `hooks:` and
`!!python/object/apply` run at build time, `pymdownx.snippets` publishing /etc/passwd, a YAML
alias bomb, a `custom_dir` template with its own scripts, records drawing a fake theme dialog or
writing a phone number backwards with `dir`, 100,000 inline tags, a 500-level list, a deadline of
a billion days."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.config import MAX_DAYS
from casekit.site.csp import TrustedScripts
from casekit.site.sanitize import sanitize_html


def settings_findings(root: Path, code: str = "settings-unsafe") -> list[tuple[int | None, str]]:
    return [(f.line, f.message_ko) for f in check(root).findings if f.path == "mkdocs.yml" and f.code == code]


def append(root: Path, text: str) -> int:
    """Append `text` to the copy's mkdocs.yml; the line it starts on."""
    path = root / "mkdocs.yml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before.rstrip("\n") + "\n" + text, encoding="utf-8")
    return before.rstrip("\n").count("\n") + 2


def test_the_sample_settings_are_safe(sample: Path) -> None:
    assert settings_findings(sample) == []  # (its `!!python/name:markdown.extensions.toc.slugify_unicode` is fine)


@pytest.mark.parametrize(("text", "says"), [
    ("hooks:\n  - hook.py\n", "'hooks'"),
    ("INHERIT: ../other.yml\n", "'INHERIT'"),
    # a docs page rendered by MkDocs as a Jinja template of its own (jinja2.Template: no sandbox, a probe ran `id`)
    ("extra_templates:\n  - memo.md\n", "'extra_templates'"),

    ('extra:\n  x: !!python/object/apply:os.system ["id"]\n', "python/object/apply"),
    ("extra:\n  x: !!python/name:os.system\n", "python/name:os.system"),
    # a name an allowed package imports: as the toc slugify, shutil.rmtree deleted the folder a heading named
    ("extra:\n  x: !!python/name:material.plugins.blog.plugin.rmtree\n", "shutil.rmtree"),
    ("extra:\n  x: !!python/name:markdown.extensions.toc.re\n", "python/name:markdown.extensions.toc.re"),
    ("site_author: !ENV CI_TOKEN\n", "'!ENV'"),
    ("copyright: '<script>location.replace(\"https://evil.example\")</script>'\n", "HTML 태그"),
    ("extra:\n  note: <img src=x onerror=alert(1)>\n", "HTML 태그"),
    ("extra:\n  a: &a [1, 2, 3]\n  b: [*a, *a, *a]\n", "YAML 별칭"),
    ("markdown_extensions:\n  - toc\n", "같은 키가 두 번"),  # MkDocs takes this one, unchecked
    # a merge key: MkDocs' loader merges its settings in, a check of a mapping's own keys never saw them (a probe:
    # `<<: {hooks: [evil.py]}` ran as root, publishing /etc/passwd on every page), whatever the key is spelt
    ("<<: {hooks: [evil_hook.py]}\n", "YAML 병합 키"),
    ("!!merge innocuous: {INHERIT: other.yml}\n", "YAML 병합 키"),
    ("theme_extra:\n  <<: {custom_dir: ..}\n", "YAML 병합 키"),
    # no tag, a quote out of the attribute the theme writes it into: 164 `<a onfocus>` the audit refused (a probe)
    ("site_description: '가온\" autofocus onfocus=\"alert(1)\" x=\"'\n", "따옴표 뒤에 '이름=' 꼴"),
    ("copyright: \"가온' onmouseover='alert(1)\"\n", "따옴표 뒤에 '이름=' 꼴"),
])
def test_settings_that_run_code_read_files_or_inject_html_are_refused(sample: Path, text: str, says: str) -> None:
    line = append(sample, text)
    found = settings_findings(sample)
    assert found and all(line <= n < line + text.count("\n") for n, _ in found if n is not None), found
    assert any(says in message for _, message in found), found


@pytest.mark.parametrize("plugin", [
    "  - tags:\n      export_file: ../../../tmp/x.json\n", "  - tags:\n      export_file: /etc/x.json\n",
    "  - meta:\n      meta_file: ../cases/2026-0001/01-intake.md\n", "  - material/tags:\n      export_file: ~/x.json\n",
    "  - search:\n      jieba_dict: ../../../etc/passwd\n", "  - material/search:\n      jieba_dict_user: /etc/shadow\n",
])
def test_a_plugins_file_out_of_its_folder_is_refused(sample: Path, plugin: str) -> None:
    """The tags plugin (allowed) wrote its export to `../../../tmp/x.json` as the build's user (a
    probe: as root it could overwrite any file); the meta plugin could read a record as its meta file."""
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("plugins:\n", "plugins:\n" + plugin, 1), encoding="utf-8")
    found = settings_findings(sample)
    option = plugin.split(":")[1].split()[-1]
    assert any(f"'plugins: {option}'" in message for _, message in found), found
    path.write_text(text.replace("plugins:\n", "plugins:\n" + plugin.split(":")[0] + ":\n      "
                                 + option + ": inside.json\n", 1), encoding="utf-8")
    assert not [m for _, m in settings_findings(sample) if f"'plugins: {option}'" in m]


def test_the_callbacks_markdown_extensions_document_are_allowed(sample: Path) -> None:
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nextra:\n" in text
    path.write_text(text.replace("\nextra:\n", "\nextra:\n" + "".join(f"  c{i}: !!python/name:{name}\n" for i, name in enumerate([
        "markdown.extensions.toc.slugify", "pymdownx.superfences.fence_code_format", "pymdownx.slugs.slugify",
        "material.extensions.emoji.twemoji", "material.extensions.emoji.to_svg", "pymdownx.emoji.to_svg"])), 1),
        encoding="utf-8")
    assert settings_findings(sample) == []


@pytest.mark.parametrize("extension", ["pymdownx.snippets", "pymdownx.b64", "markdown_include.include"])
def test_markdown_extensions_that_read_files_are_refused(sample: Path, extension: str) -> None:
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert "markdown_extensions:\n" in text
    path.write_text(text.replace("markdown_extensions:\n", f"markdown_extensions:\n  - {extension}:\n"
                                                          "      base_path: ['/']\n", 1), encoding="utf-8")
    assert any(extension in message for _, message in settings_findings(sample))


@pytest.mark.parametrize(("options", "refused"), [
    ("      mode: accept\n", True), ("      mode: reject\n", True), ("      mode: 'accept '\n", True),
    ("      mode: [accept]\n", True), ("      mode: view\n", False), ("      {}\n", False)])
def test_critic_markup_publishing_one_side_of_a_change_is_refused(sample: Path, options: str, refused: bool) -> None:
    """With pymdownx.critic in accept mode a docs/ page's `010-{--999--}1234-5678` was published as
    010-1234-5678 and `{~~가~>영~~}수 씨` as 영수 씨 (unmasked), what check read with both sides (a probe);
    `박{--가--}영수` passed check and the build's audit refused it. View mode shows both sides, as check
    reads them."""
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert "markdown_extensions:\n" in text
    entry = "  - pymdownx.critic\n" if options.strip() == "{}" else "  - pymdownx.critic:\n" + options
    path.write_text(text.replace("markdown_extensions:\n", "markdown_extensions:\n" + entry, 1), encoding="utf-8")
    line = text[:text.index("markdown_extensions:\n")].count("\n") + 3
    found = settings_findings(sample)
    assert found == ([(line, found[0][1])] if refused else []), found
    assert not refused or "pymdownx.critic" in found[0][1] and "view" in found[0][1]


def test_a_nav_label_with_a_script_is_refused(sample: Path) -> None:
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - 현황: index.md", "  - '현황<script>alert(1)</script>': index.md", 1),
                    encoding="utf-8")
    assert [n for n, _ in settings_findings(sample)] == [text[: text.index("  - 현황")].count("\n") + 1]


@pytest.mark.slow
@pytest.mark.parametrize("hooks", ["hooks:\n  - hook.py\n", "<<: {hooks: [hook.py]}\n"])
def test_a_build_never_runs_the_settings_code(sample: Path, tmp_path: Path, hooks: str) -> None:
    marker = tmp_path / "ran"
    (sample / "hook.py").write_text(f"open({str(marker)!r}, 'w').write('hook')\n", encoding="utf-8")
    append(sample, f'{hooks}extra:\n  x: !!python/object/apply:os.system ["touch {marker}"]\n')
    proc = subprocess.run([sys.executable, "-m", "casekit", "build"], cwd=sample, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "LANG": "ko_KR.UTF-8"})
    assert proc.returncode != 0 and "settings-unsafe" in proc.stdout + proc.stderr
    assert not marker.exists()


def test_a_template_or_icon_the_theme_lacks_is_named() -> None:
    from mkdocs.theme import Theme

    from casekit.mkdocs_plugin.guard import missing_theme_file
    env = Theme(name="material").get_env()
    assert missing_theme_file({"template": "main.html", "icon": "material/account", "title": "x"}, env) is None
    assert missing_theme_file({"icon": "nosuch/icon"}, env) == ("icon", "nosuch/icon")
    assert missing_theme_file({"template": "../../../etc/passwd"}, env) == ("template", "../../../etc/passwd")
    assert missing_theme_file({"template": ["a"]}, env) == ("template", "['a']")


@pytest.mark.slow
@pytest.mark.parametrize("front", ["icon: nosuch/icon", "template: nosuch.html"])
def test_a_docs_page_naming_what_the_theme_lacks_is_a_message_not_a_traceback(sample: Path, front: str) -> None:
    """Material's menu includes `.icons/<icon>.svg`, MkDocs renders with `template`: a name the theme
    lacks stopped the build with Jinja's TemplateNotFound traceback (found by a probe of the sample),
    then with the plugin's generator-failed; check now refuses it at the value, before any build."""
    guide = sample / "docs" / "guide.md"
    guide.write_text(f"---\n{front}\n---\n" + guide.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "casekit", "build"], cwd=sample, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "LANG": "ko_KR.UTF-8"})
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "docs/guide.md:2:" in out and "[docs-theme-missing]" in out, out
    assert "Traceback" not in out and "File \"" not in out, out[-3000:]
    key, value = front.split(": ")
    assert f"'{key}: {value}'" in out and not (sample / "site").exists(), out[-3000:]


@pytest.mark.slow
def test_scripts_from_a_custom_dir_are_not_trusted(sample: Path) -> None:
    path = sample / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  custom_dir: evil\n", 1),
                    encoding="utf-8")
    (sample / "evil" / "assets").mkdir(parents=True)
    (sample / "evil" / "main.html").write_text(
        '{% extends "base.html" %}{% block scripts %}{{ super() }}<script>document.title="PWNED"</script>'
        "<script src=\"{{ 'assets/pwn.js' | url }}\"></script>{% endblock %}", encoding="utf-8")
    (sample / "evil" / "assets" / "pwn.js").write_text('document.body.innerHTML="PWNED"', encoding="utf-8")
    # a file that is not a template is copied into the site unread: check names it, at the file
    found = [(f.path, f.code) for f in check(sample).findings if f.code == "theme-file-refused"]
    assert found == [("evil/assets/pwn.js", "theme-file-refused")], found
    (sample / "evil" / "assets" / "pwn.js").unlink()
    # a template's inline script: check names it at its tag (not one of the theme's own)
    found = [(f.path, f.line, f.column) for f in check(sample).findings if f.code == "theme-template-refused"]
    assert found == [("evil/main.html", 1, 58)], found
    (sample / "evil" / "main.html").write_text(
        '{% extends "base.html" %}{% block scripts %}{{ super() }}'
        "<script src=\"{{ 'assets/pwn.js' | url }}\"></script>{% endblock %}", encoding="utf-8")
    # a template's script from its folder: the build's audit refuses it (check cannot render a template)
    proc = subprocess.run([sys.executable, "-m", "casekit", "build"], cwd=sample, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "LANG": "ko_KR.UTF-8"})
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "site-active-content" in out, out


@pytest.mark.parametrize(("make", "says"), [
    # a template that includes a file through a link: /etc/passwd, the build's environment or a
    # restricted record on every page, and check, build and audit passed (a probe)
    (lambda d: (d / "leak.html").symlink_to("/etc/passwd"), "다른 파일을 가리키는 링크입니다"),
    (lambda d: (d / "r.html").symlink_to("../cases/2026-0010/04-intervention.md"), "다른 파일을 가리키는 링크입니다"),
    (lambda d: (d / "partials").symlink_to("/etc"), "다른 파일을 가리키는 링크입니다"),
    (lambda d: os.mkfifo(d / "fifo.html"), "일반 파일이 아닙니다"),
    (lambda d: (d / "extra.css").write_text("body{}", encoding="utf-8"), "템플릿(.html)만 둡니다"),
])
def test_a_theme_folder_holding_a_link_or_what_is_no_template_is_refused_at_the_entry(sample: Path, make, says: str) -> None:
    path = sample / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1),
                    encoding="utf-8")
    (sample / "overrides").mkdir()
    (sample / "overrides" / "main.html").write_text('{% extends "base.html" %}', encoding="utf-8")
    assert [f for f in check(sample).findings if f.severity == "error"] == []
    make(sample / "overrides")
    found = [(f.path.split("/")[0], f.code, f.message_ko) for f in check(sample).findings if f.severity == "error"]
    assert len(found) == 1 and found[0][:2] == ("overrides", "theme-file-refused") and says in found[0][2], found


@pytest.mark.parametrize("value", [".", "cases", "docs", "../elsewhere", "/tmp"])
def test_a_theme_folder_that_is_the_casebook_a_source_folder_or_outside_is_refused(sample: Path, value: str) -> None:
    """`custom_dir: .` copied every record into the site for the audit to refuse 284 files."""
    path = sample / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("theme:\n", f"theme:\n  custom_dir: '{value}'\n", 1),
                    encoding="utf-8")
    assert any("theme.custom_dir" in message for _, message in settings_findings(sample)), settings_findings(sample)


@pytest.mark.parametrize("name", ["pymdownx.snippets:SnippetExtension", "pymdownx.b64:B64Extension",
                                  " pymdownx.snippets ", "markdown_include.include:IncludeExtension"])
def test_a_file_reading_extension_named_with_its_class_is_refused(sample: Path, name: str) -> None:
    """`pymdownx.snippets:SnippetExtension` (Python-Markdown's module:Class) published /etc/passwd
    and the build's environment: the module is what is judged."""
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("markdown_extensions:\n", f"markdown_extensions:\n  - '{name}':\n"
                                                          "      restrict_base_path: false\n", 1), encoding="utf-8")
    assert any(name.strip() in message for _, message in settings_findings(sample)), settings_findings(sample)


@pytest.mark.parametrize("plugin", ["privacy", "material/privacy"])
def test_the_privacy_plugin_is_refused(sample: Path, plugin: str) -> None:
    """It downloads every outside address a page names from the build machine (a record's image
    address made the build fetch a local server's answer), and failed every build of the sample."""
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert "\n  - search" in text
    path.write_text(text.replace("\n  - search", f"\n  - {plugin}\n  - search", 1), encoding="utf-8")
    found = settings_findings(sample, "settings-outside-load")
    assert any(plugin in message and "내려받습니다" in message for _, message in found), found


def test_a_theme_script_template_takes_only_a_relative_url(tmp_path: Path) -> None:
    """Material's redirect.html: `window.location.replace(["{{ page.meta.location }}", …])`."""
    (tmp_path / "redirect.html").write_text(
        '<script>window.location.replace(["{{ page.meta.location }}",window.location.search,'
        'window.location.hash].join(""))</script>', encoding="utf-8")
    trusted = TrustedScripts.from_theme([tmp_path])
    script = 'window.location.replace(["{}",window.location.search,window.location.hash].join(""))'
    assert trusted.matches(script.format("../cases/"))
    for outside in ("https://evil.example/phish", "//evil.example", "javascript:alert(1)", "/\\evil.example"):
        assert not trusted.matches(script.format(outside)), outside


def test_records_cannot_wear_the_themes_classes_or_reorder_text() -> None:
    html = sanitize_html('<div class="md-dialog md-dialog--active note"><a href="https://evil.example">'
                         '다시 로그인하세요</a></div><p dir="rtl"><span dir="ltr" class="ck-done">3001</span></p>')
    assert "md-dialog" not in html and "ck-done" not in html and "dir=" not in html
    assert 'class="note"' in html  # other classes stay (Markdown's admonitions)


@pytest.mark.parametrize("markup", [
    '<span class="tabbed-block">가</span>', '<em class="note tabbed-block">가</em>', '<a class="headerlink">가</a>',
    '<a class="footnote-backref">가</a>', '<span class="giscus">가</span>', '<a id="q">가</a>',
])
def test_records_cannot_hide_text_with_the_themes_classes(markup: str) -> None:
    """박<span class="tabbed-block">가</span>영수 read 박영수 in Chromium while every text check read 박가영수."""
    html = sanitize_html(f"<p>박{markup}영수</p>")
    for hidden in ("tabbed-block", "headerlink", "footnote-backref", "giscus", "id="):
        assert hidden not in html, html
    assert "가" in html


def _theme_rules() -> list[tuple[str, str]]:
    """(selectors, declarations) of each rule of the installed Material's stylesheet, media and
    support queries opened."""
    import re

    material = pytest.importorskip("material")
    css_dir = Path(material.__file__).parent / "templates/assets/stylesheets"
    css = "".join(p.read_text(encoding="utf-8") for p in css_dir.glob("main*.css"))
    css = re.sub(r"@(?:media|supports)[^{]*\{", "", re.sub(r"/\*.*?\*/", "", css, flags=re.S))
    return re.findall(r"([^{}]+)\{([^{}]*)\}", css)


def _theme_classes(declares: re.Pattern[str], last: str, within: str = "") -> set[str]:
    """The first class of each selector's last part that matches `last` (not the theme's own `md-`),
    of the rules whose declarations `declares` finds, in selectors holding `within`."""
    import re

    classes = set()
    for selectors, body in _theme_rules():
        if not declares.search(body):
            continue
        for selector in selectors.split(","):
            if within not in selector:
                continue
            m = re.fullmatch(last, selector.strip().split(" ")[-1].split(">")[-1])
            if m and not m.group(1).startswith("md-"):
                classes.add(m.group(1))
    return classes


def test_every_class_the_installed_theme_hides_text_with_is_dropped() -> None:
    """Read Material's stylesheet: a rule that hides, shrinks to nothing or makes invisible whatever
    wears one plain class must find that class dropped from records (a theme update adds some)."""
    import re

    hiding = re.compile(r"display:\s*none|visibility:\s*hidden|font-size:\s*0(?![.\d])|opacity:\s*0(?![.\d])")
    classes = _theme_classes(hiding, r"\.([a-z][a-z0-9_-]*)")
    assert "tabbed-block" in classes  # the rule that hid 가 in the probe
    for name in sorted(classes):
        assert name not in sanitize_html(f'<p>박<span class="{name}">가</span>영수</p>'), name


def test_every_class_the_installed_theme_floats_or_reorders_with_is_dropped() -> None:
    """`<span class="inline end">수</span><span class="inline end">영</span><span class="inline end">박</span>`
    read 박 영 수 in Chromium (`.inline.end{float:right}`: each floated left of the one before) while every
    text check read 수영박 (an attacker probe). Read Material's stylesheet: a rule that floats or
    reorders what wears one plain class in a page's text must find that class dropped."""
    import re

    moving = re.compile(r"float:\s*(?:left|right)|(?<![\w-])order:|(?:row|column|wrap)-reverse|direction:\s*rtl")
    # (in a page's text only: the theme's own interface holds no record's markup)
    classes = _theme_classes(moving, r"\.([a-z][a-z0-9_-]*)(?:\.[a-z][a-z0-9_-]*)*", within=".md-typeset")
    assert "inline" in classes  # the rule that reordered the name in the probe
    for name in sorted(classes):
        html = sanitize_html(f'<p><span class="{name} end">수</span><span class="{name} end">영</span></p>')
        assert f'class="{name}' not in html and f" {name}" not in html, (name, html)


def test_a_list_numbered_from_a_birth_date_loses_its_number() -> None:
    """`<ol start="19690720">`: its second item showed 19690721., a client's birth date, which no text
    check read. Small numbers stay (a list continued after a paragraph)."""
    html = sanitize_html('<ol start="19690720"><li>가</li><li>생일</li></ol><ol start="4"><li value="7">다</li>'
                         '<li value="19690721">라</li></ol>')
    assert "1969" not in html
    assert '<ol start="4"><li value="7">' in html


@pytest.mark.parametrize(("body", "code"), [
    ("<b>정</b>" * 5000, "markdown-brackets"),
    ("".join("  " * i + "- a\n" for i in range(150)), "markdown-too-deep"),
])
def test_bodies_that_would_stall_or_crash_the_renderer_are_refused(sample: Path, body: str, code: str) -> None:
    record = sample / "cases/2026-0003/02-closure.md"
    record.write_text(record.read_text(encoding="utf-8") + "\n\n" + body, encoding="utf-8")
    assert code in {f.code for f in check(sample).findings if f.path.endswith("2026-0003/02-closure.md")}


def test_a_list_a_hundred_levels_deep_still_renders() -> None:
    from casekit.site.body import BodyRenderer

    html = BodyRenderer().html("".join("  " * i + "- a\n" for i in range(100)), "cases/x/01-intake.md", 1)
    assert html is not None and html.count("<li>") == 100


def test_a_deadline_past_any_calendar_is_a_finding(sample: Path) -> None:
    path = sample / "casekit.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("assessment_days: 10", "assessment_days: 999999999"),
                    encoding="utf-8")
    found = [f for f in check(sample).findings if f.code == "config-invalid"]
    assert found and f"0~{MAX_DAYS}" in found[0].message_ko


@pytest.mark.parametrize(("section", "name"), [
    ("plugins", "material/projects"), ("plugins", "macros"), ("markdown_extensions", "markdown_exec"),
])
def test_plugins_and_extensions_casekit_does_not_know_are_refused(sample: Path, section: str, name: str) -> None:
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert f"{section}:\n" in text
    path.write_text(text.replace(f"{section}:\n", f"{section}:\n  - {name}\n", 1), encoding="utf-8")
    assert any(f"{section}: {name}" in message for _, message in settings_findings(sample))


def test_a_schema_cannot_unmark_what_the_shipped_schemas_keep_private(sample: Path) -> None:
    import json

    from casekit.core.schemas import SchemaSet

    path = sample / "schemas" / "intake.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(schema, ensure_ascii=False).replace('"x-sensitive": true', '"x-sensitive": false')
    path.write_text(text, encoding="utf-8")
    assert "x-sensitive\": true" not in path.read_text(encoding="utf-8")
    paths = SchemaSet.load(sample / "schemas").sensitive_paths["intake"]
    assert ("client", "name") in paths and ("client", "birth_date") in paths


def test_a_schema_pattern_that_backtracks_cannot_hang_check(sample: Path) -> None:
    import json
    import time

    path = sample / "schemas" / "intake.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["worker"] = {"type": "string", "pattern": "^(a+)+$"}
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    record = sample / "cases/2026-0002/01-intake.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("worker: ", 'worker: "' + "a" * 60 + '!"\nx_worker: ', 1), encoding="utf-8")
    started = time.perf_counter()
    found = [f for f in check(sample).findings if f.path.endswith("2026-0002/01-intake.md") and f.code == "bad-pattern"]
    assert found and time.perf_counter() - started < 30  # Python's re: 2^60 steps


def test_docs_pages_get_the_personal_number_guard_but_not_in_code(sample: Path) -> None:
    guide = sample / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n\n연락: counsel.team@gmail.com, 전화 010-9876-5432\n\n"
                     "예시: `010-1111-2222`\n\n```\n800101-1234567\n```\n", encoding="utf-8")
    codes = sorted(f.code for f in check(sample).findings if f.path == "docs/guide.md")
    assert codes == ["pii-email", "pii-phone"]


@pytest.mark.slow
def test_given_names_in_docs_pages_are_masked_in_the_built_site(sample: Path, tmp_path: Path) -> None:
    from casekit.site.build import build

    guide = sample / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n\n## 영수 씨 상담 기록 안내\n\n영수 씨 사례를 참고하세요.\n",
                     encoding="utf-8")
    result = build(sample, tmp_path / "site")
    page = (tmp_path / "site" / "guide" / "index.html").read_text(encoding="utf-8")
    assert not result.errors
    assert "영수" not in page and "○○ 씨 상담 기록 안내" in page


@pytest.mark.parametrize(("old", "new", "says"), [
    ("language: ko", "language: kr", "'theme: language: kr'"),
    ("language: ko", "language: ko\n  icon:\n    logo: nosuch/thing", "'theme: icon: nosuch/thing'"),
    ("language: ko", "language: ko\n  icon:\n    admonition:\n      note: material/../../x", "'theme: icon: material/../../x'"),
    # Material includes these as icons too (a probe: check passed, the build printed Jinja's traceback)
    ("language: ko", "language: ko\n  palette:\n    - scheme: default\n      toggle:\n        icon: nope/missing\n"
     "        name: 어둡게", "'theme: palette: toggle: icon: nope/missing'"),
    ("language: ko", "language: ko\n  palette:\n    scheme: default\n    toggle:\n      icon: nope/missing",
     "'theme: palette: toggle: icon: nope/missing'"),
    ("extra:\n", "extra:\n  social:\n    - icon: fontawesome/brands/doesnotexist\n      link: /x\n",
     "'extra: social: icon: fontawesome/brands/doesnotexist'"),
])
def test_a_theme_language_or_icon_material_lacks_is_located_by_check(sample: Path, old: str, new: str,
                                                                     says: str) -> None:
    """`language: kr` (for ko) or an icon Material lacks passed check; the build then stopped on
    Jinja's TemplateNotFound, shown as a traceback (found by a probe of the sample)."""
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [f for f in check(sample).errors if f.code == "settings-theme-missing"]
    assert len(found) == 1 and says in found[0].message_ko, found
    line = path.read_text(encoding="utf-8").splitlines()[found[0].line - 1]
    assert line[found[0].column - 1:].startswith(says.rsplit(": ", 1)[1].rstrip("'")), line


def test_the_sample_theme_names_and_real_icons_pass(sample: Path) -> None:
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("language: ko", "language: ko\n  icon:\n    logo: material/library\n"
                                 "    admonition:\n      note: octicons/tag-16\n  palette:\n    - toggle:\n"
                                 "        icon: material/brightness-7", 1)
                    .replace("extra:\n", "extra:\n  social:\n    - icon: fontawesome/brands/github\n      link: /x\n", 1),
                    encoding="utf-8")
    assert [f for f in check(sample).findings if f.path == "mkdocs.yml"] == []


def test_a_docs_page_on_the_redirect_template_is_refused_by_check(sample: Path) -> None:
    """`template: redirect.html` with `location: //evil.example/x` passed check; the build's audit then
    refused the theme's inline script and meta refresh (a probe)."""
    (sample / "docs" / "move.md").write_text("---\ntemplate: redirect.html\nlocation: //evil.example/x\n---\n# 옮김\n",
                                             encoding="utf-8")
    found = [(f.path, f.line, f.column, f.code) for f in check(sample).findings if f.severity == "error"]
    assert found == [("docs/move.md", 2, 11, "docs-redirect")], found


def test_settings_read_again_in_the_same_process_say_the_same(sample: Path) -> None:
    """The settings are composed once for each text and the nodes shared between the checks that
    read them: building the theme's values (which merges a `<<` key into its mapping) must leave
    them as read, or the next check of the same text would no longer see the merge key."""
    path = sample / "mkdocs.yml"
    (sample / "overrides").mkdir(exist_ok=True)
    (sample / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    text = path.read_text(encoding="utf-8").replace("extra:\n", "extra:\n  <<: {homepage: /}\n", 1)
    path.write_text(text.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1), encoding="utf-8")
    first = settings_findings(sample)
    assert any("YAML 병합 키" in message for _, message in first), first
    assert settings_findings(sample) == first
