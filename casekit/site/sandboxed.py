"""Run MkDocs or ProperDocs with the theme's templates rendered in Jinja's sandbox.

    python -m casekit.site.sandboxed mkdocs build -q -f .casekit/build/mkdocs.yml

A casebook's `theme.custom_dir` holds templates anyone who can edit the casebook writes, and
MkDocs renders them with a plain `jinja2.Environment`: `{{ lipsum.__globals__["os"].popen("id") }}`
in `overrides/main.html` ran a command on the build machine and published its output and the
build's environment on every page, check, build and audit passing (a probe). Here the
generator's theme environment is Jinja's own `ImmutableSandboxedEnvironment` (jinja2.sandbox,
kept by the Jinja project: no attribute starting with `_`, no function's globals, no unsafe
callable, no mutation of what the generator passes in), made where MkDocs makes its own
(`Theme.get_env`), with the same loader, filters and translations; on top of it casekit calls
nothing but Jinja's own callables and plain values' methods (not the generator's objects': a
second probe read and wrote files through `page.file.generated(…)`), and caps range() loops. Material's and casekit's
templates render in it unchanged (tests/test_sandbox.py); a template that reaches for more fails
the build with Jinja's SecurityError, which casekit reports as the generator's failure.

Zensical renders its templates in Rust (MiniJinja), where no Python object is reachable: it is
run as it is. This module imports only the generator asked for (ProperDocs aliases `mkdocs.*` to
itself when imported: the two must not share a process).
"""

from __future__ import annotations

import datetime as dt
import importlib
import runpy
import sys
import types
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

GENERATORS = ("mkdocs", "properdocs")
# what a template may call besides Jinja's own (macros, super(), loop helpers, its globals): methods of
# plain values (a text's, a list's, a mapping's) and these types; never a method of the generator's
# objects (`page.file.generated(config, …, abs_src_path="/proc/self/environ").content_string` read any
# file and `.copy_file()` wrote one, inside Jinja's sandbox: a probe)
_PLAIN = (str, bytes, int, float, bool, list, tuple, dict, set, frozenset, type(None), dt.date, dt.time, dt.timedelta)
_CALLABLE_TYPES = frozenset({dict, list, tuple, str, int, float, bool, set, frozenset, len, sorted, min, max})
MAX_ITERATIONS = 1_000_000  # what a build's templates may loop over with range() in all (nested loops ran for hours)
# what a template may read of casekit's own objects (the plugin, as `config.plugins.casekit`): its settings
# only. The plugin holds the check's report, every record's values and bodies, restricted cases' too, and
# the index of every sensitive value: `{{ config.plugins.casekit.report.parsed[…].data.client.phone }}` in
# a casebook's `overrides/main.html` put every client's name, phone and address on every page of a
# `mkdocs build`, check, build and audit passing (a probe)
_CASEKIT_READABLE = frozenset({"config"})


class CasekitSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, calling nothing but Jinja's own callables, plain values' methods and
    a few builtins, and looping with range() at most MAX_ITERATIONS times in all."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.iterations = 0
        self.globals["range"] = self._range

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        self.iterations += len(numbers)
        if self.iterations > MAX_ITERATIONS:
            raise SecurityError(f"the templates' range() loops passed {MAX_ITERATIONS:,} iterations")
        return numbers

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        module = type(obj).__module__ or ""
        return not module.startswith("casekit.") or module == "casekit.mkdocs_plugin.config" \
            or attr in _CASEKIT_READABLE

    def is_safe_callable(self, obj: Any) -> bool:
        if not super().is_safe_callable(obj):
            return False
        try:
            if obj in _CALLABLE_TYPES:
                return True
        except TypeError:  # (unhashable)
            pass
        if isinstance(obj, (types.BuiltinMethodType, types.MethodWrapperType)):  # ("abc".split, {}.get; not len)
            return isinstance(getattr(obj, "__self__", None), _PLAIN)
        module = getattr(obj, "__module__", None) or type(obj).__module__
        return isinstance(module, str) and (module == "jinja2" or module.startswith(("jinja2.", "markupsafe")))


class _SandboxedJinja(types.ModuleType):
    """The `jinja2` a generator's module sees: Jinja itself, but its Environment the sandbox's, and a
    Template made from a string (MkDocs' `extra_templates`) compiled in the sandbox too."""

    Environment = CasekitSandbox

    def __getattr__(self, name: str) -> Any:
        return getattr(jinja2, name)

    @staticmethod
    def Template(source: str, *args: Any, **kwargs: Any) -> jinja2.Template:  # (jinja2.Template's name)
        return CasekitSandbox().from_string(source)


def sandbox(generator: str) -> None:
    """Make `generator` build its theme's Jinja environment, and the templates it makes from a
    string, in the sandbox (in this process)."""
    shim = _SandboxedJinja("jinja2")
    for module in ("theme", "commands.build"):
        importlib.import_module(f"{generator}.{module}").jinja2 = shim  # type: ignore[attr-defined]


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in GENERATORS:
        sys.exit(f"usage: python -m casekit.site.sandboxed {{{'|'.join(GENERATORS)}}} build [options]")
    generator = argv[0]
    sandbox(generator)
    sys.argv = [generator, *argv[1:]]
    runpy.run_module(generator, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
