"""Run MkDocs or ProperDocs with the theme's templates rendered in Jinja's sandbox.

    python -m casekit.site.sandboxed mkdocs build -q -f .casekit/build/mkdocs.yml

A casebook's `theme.custom_dir` holds templates anyone who can edit the casebook writes, and
MkDocs renders them with a plain `jinja2.Environment`: `{{ lipsum.__globals__["os"].popen("id") }}`
in `overrides/main.html` ran a command on the build machine and published its output and the
build's environment on every page, check, build and audit passing (a probe). Here the
generator's theme environment is Jinja's own `ImmutableSandboxedEnvironment` (jinja2.sandbox,
kept by the Jinja project: no attribute starting with `_`, no function's globals, no unsafe
callable, no mutation of what the generator passes in), made where MkDocs makes its own
(`Theme.get_env`), with the same loader, filters and translations. Material's and casekit's
templates render in it unchanged (tests/test_sandbox.py); a template that reaches for more fails
the build with Jinja's SecurityError, which casekit reports as the generator's failure.

Zensical renders its templates in Rust (MiniJinja), where no Python object is reachable: it is
run as it is. This module imports only the generator asked for (ProperDocs aliases `mkdocs.*` to
itself when imported: the two must not share a process).
"""

from __future__ import annotations

import importlib
import runpy
import sys
import types
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

GENERATORS = ("mkdocs", "properdocs")


class _SandboxedJinja(types.ModuleType):
    """The `jinja2` a generator's theme module sees: Jinja itself, but its Environment the sandbox's."""

    Environment = ImmutableSandboxedEnvironment

    def __getattr__(self, name: str) -> Any:
        return getattr(jinja2, name)


def sandbox(generator: str) -> None:
    """Make `generator`'s theme build its Jinja environment in the sandbox (in this process)."""
    theme = importlib.import_module(f"{generator}.theme")
    theme.jinja2 = _SandboxedJinja("jinja2")  # type: ignore[attr-defined]


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in GENERATORS:
        sys.exit(f"usage: python -m casekit.site.sandboxed {{{'|'.join(GENERATORS)}}} build [options]")
    generator = argv[0]
    sandbox(generator)
    sys.argv = [generator, *argv[1:]]
    runpy.run_module(generator, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
