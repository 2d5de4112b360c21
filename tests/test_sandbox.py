"""A casebook's theme templates (`theme.custom_dir`) are rendered in Jinja's sandbox.

A probe put `{{ lipsum.__globals__["os"].popen("id; … /proc/self/environ | base64") }}` in
`overrides/main.html`: the build ran it as root and published the output and the build's
environment on every page, check, build and audit passing. The generator now renders its theme in
`jinja2.sandbox.ImmutableSandboxedEnvironment` (casekit.site.sandboxed), under `casekit build` and
under the MkDocs plugin alike; a template that reaches for Python's internals stops the build with
a finding at the template, and ordinary overrides still render."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casekit.site.build import build, generator_command

ATTACKS = [
    '{{ lipsum.__globals__["os"].popen("touch MARKER").read() }}',
    '{{ cycler.__init__.__globals__.os.popen("touch MARKER").read() }}',
    "{{ self._TemplateReference__context }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    '{{ config.__class__.__init__.__globals__["os"].system("touch MARKER") }}',
    # the generator's own objects' methods (a second probe: read /proc/self/environ, wrote files, inside the sandbox)
    '{{ page.file.generated(config, "a.txt", abs_src_path="/proc/self/environ").content_string }}',
    '{{ page.file.generated(config, "../../../MARKER", content="x").copy_file() }}',
    "{{ config.theme.get_env() }}",
    # loops with no end in sight (ran until the generator's hour was out)
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
]


def _custom(sample: Path, template: str) -> Path:
    path = sample / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1),
                    encoding="utf-8")
    (sample / "overrides").mkdir()
    main = sample / "overrides" / "main.html"
    main.write_text('{% extends "base.html" %}\n{% block content %}{{ super() }}\n' + template + "\n{% endblock %}\n",
                    encoding="utf-8")
    return main


def test_the_generators_run_in_the_sandbox() -> None:
    for generator in ("mkdocs", "properdocs"):
        assert generator_command(generator, Path("mkdocs.yml"))[1:5] == ["-P", "-m", "casekit.site.sandboxed", generator]


@pytest.mark.slow
@pytest.mark.parametrize("attack", ATTACKS)
def test_a_template_reaching_for_python_stops_the_build_at_the_template(sample: Path, tmp_path: Path,
                                                                       attack: str) -> None:
    marker = tmp_path / "ran"
    _custom(sample, attack.replace("MARKER", str(marker)))
    result = build(sample)
    assert not marker.exists()
    if "(" not in attack:  # an unsafe attribute only shown: Jinja's sandbox renders it as nothing
        assert not result.errors, result.findings
        page = (sample / "site" / "index.html").read_text(encoding="utf-8")
        assert "Context" not in page and "TemplateReference" not in page
        return
    refused = [f for f in result.findings if f.code == "generator-template-refused"]
    assert [(f.path, f.line, f.severity) for f in refused] == [("overrides/main.html", 3, "error")], result.findings
    assert "샌드박스" in refused[0].message_ko and "Traceback" not in refused[0].message_ko
    assert not (sample / "site").exists()  # nothing was published


@pytest.mark.slow
def test_an_ordinary_override_still_renders(sample: Path) -> None:
    _custom(sample, '<p class="agency-note">{{ config.site_name }} · {{ page.title }} · {{ "%s쪽" % 1 }}'
                    "{% for item in [1, 2] %}{{ loop.index }}{% endfor %}</p>")
    result = build(sample)
    assert not result.errors, result.findings
    assert 'class="agency-note"' in (sample / "site" / "index.html").read_text(encoding="utf-8")


def _in_generators_process(generator: str, code: str) -> str:
    """What `code` prints, run after `sandbox(generator)` in a process of its own (the patch is for
    the generator's process, as `python -m casekit.site.sandboxed` and the MkDocs plugin set it up)."""
    script = f"from casekit.site.sandboxed import CasekitSandbox, sandbox; sandbox({generator!r})\n{code}"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    return proc.stdout.strip() + proc.stderr


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_a_template_made_from_a_string_is_the_sandboxs_too(generator: str) -> None:
    """MkDocs renders `extra_templates` with `jinja2.Template(text)` (check refuses the key; the
    sandbox stands behind it)."""
    said = _in_generators_process(generator, (
        f"from {generator}.commands import build\nfrom jinja2.exceptions import SecurityError\n"
        "t = build.jinja2.Template('{{ lipsum.__globals__.os.popen(\"id\").read() }}')\n"
        "ok = build.jinja2.Template('{{ 1 + 1 }}').render() == '2'\n"
        "try:\n t.render(); print('rendered')\nexcept SecurityError: print('refused' if ok else 'broken')"))
    assert said == "refused", said


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_the_theme_environment_is_the_sandbox_in_the_generators_process(generator: str) -> None:
    said = _in_generators_process(generator, (
        f"from {generator}.theme import Theme\nenv = Theme(name='material').get_env()\n"
        "assert isinstance(env, CasekitSandbox), type(env)\n"
        "assert env.filters['url'] and env.get_template('main.html')\nprint('ok')"))
    assert said == "ok", said



def _mkdocs_build(sample: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=sample,
                          capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.slow
def test_a_template_reads_nothing_of_the_plugin_but_its_settings(sample: Path, tmp_path: Path) -> None:
    """The plugin holds the check's report (every record's values and bodies, restricted cases' too)
    and the index of every sensitive value: a probe's `overrides/main.html` printed every client's
    name and phone on every page of a plain `mkdocs build` through `config.plugins.casekit.report`,
    check and audit passing. Shown, what the plugin holds is nothing; followed, it stops the build."""
    _custom(sample, "{% set p = config.plugins.casekit %}<p>[{{ p.report }}][{{ p.index }}][{{ p.root }}]"
                    "[{{ p['report'] }}][{{ p | attr('generated') }}]"
                    "<span class='setting'>{{ p.config.korean_search }}</span></p>")
    proc = _mkdocs_build(sample, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "out" / "cases" / "2026-0001" / "index.html").read_text(encoding="utf-8")
    assert "<p>[][][][][]<span class='setting'>True</span></p>" in page


@pytest.mark.slow
def test_a_template_following_the_plugins_report_stops_the_build(sample: Path, tmp_path: Path) -> None:
    intake = '"cases/2026-0001/01-intake.md"'
    _custom(sample, f"<p>{{{{ config.plugins.casekit.report.parsed[{intake}].data.client.phone }}}}"
                    f"{{{{ (config.plugins['casekit'] | attr('report')).parsed[{intake}].data.client.name }}}}</p>")
    proc = _mkdocs_build(sample, tmp_path / "out")
    assert proc.returncode != 0 and "SecurityError" in proc.stderr, proc.stderr
    published = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.html"))
    assert "010-0000-1001" not in published and "박영수" not in published
