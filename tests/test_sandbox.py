"""A casebook's theme templates (`theme.custom_dir`) are rendered in Jinja's sandbox.

A probe put `{{ lipsum.__globals__["os"].popen("id; … /proc/self/environ | base64") }}` in
`overrides/main.html`: the build ran it as root and published the output and the build's
environment on every page, check, build and audit passing. The generator now renders its theme in
`jinja2.sandbox.ImmutableSandboxedEnvironment` (casekit.site.sandboxed), under `casekit build` and
under the MkDocs plugin alike; a template that reaches for Python's internals stops the build with
a finding at the template, and ordinary overrides still render."""

from __future__ import annotations

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
        assert generator_command(generator, Path("mkdocs.yml"))[1:4] == ["-m", "casekit.site.sandboxed", generator]


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


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs"])
def test_the_theme_environment_is_the_sandbox_in_the_generators_process(generator: str) -> None:
    """As the MkDocs plugin sets it up (a process of its own: the patch is for the generator's process)."""
    code = (f"from casekit.site.sandboxed import sandbox; sandbox({generator!r}); "
            f"from {generator}.theme import Theme; from jinja2.sandbox import ImmutableSandboxedEnvironment; "
            "env = Theme(name='material').get_env(); "
            "assert isinstance(env, ImmutableSandboxedEnvironment), type(env); "
            "assert env.filters['url'] and env.get_template('main.html'); print('ok')")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr
