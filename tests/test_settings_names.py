"""Settings files told as records are: a merge conflict, a YAML mistake in Korean with what to write, and
names MkDocs passes over or takes for what is not there (a misspelt setting, plugin or option, a menu
entry naming no page, a `docs_dir` naming no folder), each at its place with the name meant."""

from __future__ import annotations

import datetime as dt
import importlib.util
import inspect
import re
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.site_settings import check_site_settings
from tests.conftest import TODAY

CONFLICT = "<<<<<<< HEAD\n{a}=======\n{b}>>>>>>> their-branch\n"


def _edit(path: Path, old: str, new: str) -> int:
    """Replace `old` (once) in `path`; the 1-based line where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _said(root: Path, path: str) -> list[tuple[str, int | None, int | None, str]]:
    return [(f.code, f.line, f.column, f.severity) for f in check(root).findings if f.path == path]


def test_a_merge_conflict_in_a_settings_file_is_git_conflict_at_its_first_marker(sample: Path) -> None:
    """casekit.yml said `config-invalid … (YAML 원문: while scanning a simple key …)` and mkdocs.yml
    `settings-invalid: mapping values are not allowed here` at the line after the marker."""
    at = _edit(sample / "mkdocs.yml", "site_name: 가온 사례집\n",
               CONFLICT.format(a="site_name: 가온 사례집\n", b="site_name: 가온 사례집 (내부)\n"))
    at2 = _edit(sample / "casekit.yml", "lang: ko\n", CONFLICT.format(a="lang: ko\n", b="lang: en\n"))
    handover = sample / "cases/2026-0001/handover.yml"
    entry = "  - date: 2026-03-20\n    from: {w}\n    to: lee.sw\n    reason: 휴직\n"
    handover.write_text("handovers:\n" + CONFLICT.format(a=entry.format(w="kim.sw"), b=entry.format(w="park.sw")),
                        encoding="utf-8")
    findings = check(sample).findings
    said = [(f.path, f.code, f.line, f.column) for f in findings if f.code == "git-conflict"]
    assert said == [("casekit.yml", "git-conflict", at2, 1), ("cases/2026-0001/handover.yml", "git-conflict", 2, 1),
                    ("mkdocs.yml", "git-conflict", at, 1)], said
    for path in ("mkdocs.yml", "casekit.yml", "cases/2026-0001/handover.yml"):
        assert [f.code for f in findings if f.path == path] == ["git-conflict"], path
    words = next(f for f in findings if f.path == "mkdocs.yml").message_ko
    assert "두 사람이 mkdocs.yml을 함께 고쳐" in words and "사례 번호" not in words, words


def test_a_records_merge_conflict_is_said_as_before(sample: Path) -> None:
    record = sample / "cases/2026-0001/03-plan.md"
    _edit(record, "type: initial\n", CONFLICT.format(a="type: initial\n", b="type: revised\n"))
    found = [f for f in check(sample).findings if f.path == "cases/2026-0001/03-plan.md"]
    assert [f.code for f in found] == ["git-conflict"]
    assert found[0].message_ko == (
        "git 병합 충돌 표시(<<<<<<<, =======, >>>>>>>)가 남아 있습니다. 두 사람이 같은 기록을 고쳤거나 같은 사례 번호를 썼을 "
        "때 생깁니다. 두 내용 가운데 맞는 것을 남기고 표시 줄을 지운 뒤 다시 검사하세요. 다른 사례라면 한쪽을 새 번호로 "
        "옮기세요(casekit new로 번호를 받고 git mv).")
    assert found[0].message_en == (
        "git merge conflict markers (<<<<<<<, =======, >>>>>>>) are left in the file: two people changed the same "
        "record or used the same case id; keep the right text, delete the marker lines and check again; if they are "
        "different cases, move one to a new id (casekit new, then git mv)")


def test_a_yaml_mistake_in_mkdocs_yml_gets_the_records_korean_advice(sample: Path) -> None:
    """`site_name: 가온 사례집: 내부용` said only `mapping values are not allowed here`."""
    at = _edit(sample / "mkdocs.yml", "site_name: 가온 사례집\n", "site_name: 가온 사례집: 내부용\n")
    found = [f for f in check(sample).findings if f.path == "mkdocs.yml"]
    assert [(f.code, f.line) for f in found] == [("settings-invalid", at)]
    ko = found[0].message_ko
    assert '값 전체를 따옴표로 감싸세요. 예: site_name: "가온 사례집: 내부용"' in ko, ko
    assert "mapping values" not in ko.split("(YAML 원문:")[0], ko  # (YAML's English only as the gloss)
    _edit(sample / "mkdocs.yml", "site_name: 가온 사례집: 내부용\n", "site_name: 가온 사례집\n")
    at = _edit(sample / "mkdocs.yml", "  language: ko\n", "\tlanguage: ko\n")
    found = [f for f in check(sample).findings if f.path == "mkdocs.yml"]
    assert [(f.code, f.line, f.column) for f in found] == [("settings-invalid", at, 1)]
    assert "탭을 지우고 이 줄을 스페이스 2칸 들여 쓰세요" in found[0].message_ko, found[0].message_ko


def test_the_plugins_options_are_checked_at_their_place(sample: Path) -> None:
    """`today: 2026.11.20` stopped `mkdocs build` and check passed it; `todya:` was passed over."""
    at = _edit(sample / "mkdocs.yml", "  - casekit\n", "  - casekit:\n      today: 2026.11.20\n      todya: 2026-11-20\n")
    found = [f for f in check_site_settings(sample)]
    assert [(f.code, f.line, f.column, f.severity) for f in found] == [
        ("settings-value", at + 1, 14, "error"), ("settings-unknown", at + 2, 7, "warning")]
    assert "2026-11-20으로 적으세요" in found[0].message_ko and "혹시 today인가요?" in found[1].message_ko
    _edit(sample / "mkdocs.yml", "      today: 2026.11.20\n      todya: 2026-11-20\n",
          "      today: '2026-11-20'\n      enabled: true\n      max_findings: 20\n")
    assert check_site_settings(sample) == []


def test_casekit_build_counts_from_the_plugins_today_unless_given(sample: Path, run) -> None:
    """`casekit build` counted from the real day while `mkdocs build` honoured the plugin's `today`."""
    day = TODAY + dt.timedelta(days=3653)  # (far: said before the build, as a --today so far is)
    _edit(sample / "mkdocs.yml", "  - casekit\n", f"  - casekit:\n      today: {day.isoformat()}\n")
    result = run(sample, "build", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith(f"주의: 기준일 {day}"), result.stderr
    assert f"기준일 {day}: mkdocs.yml의 today" in result.stdout, result.stdout


def test_a_menu_entry_or_docs_dir_naming_nothing_is_a_warning_with_the_name_meant(sample: Path) -> None:
    at = _edit(sample / "mkdocs.yml", "  - 사용 안내: guide.md\n", "  - 사용 안내: guid.md\n")
    found = [f for f in check_site_settings(sample)]
    assert [(f.code, f.line, f.column, f.severity) for f in found] == [("settings-nav-missing", at, 12, "warning")]
    assert "'사용 안내'가 가리키는 guid.md는 docs/ 폴더에도" in found[0].message_ko and "혹시 guide.md인가요?" in \
        found[0].message_ko, found[0].message_ko
    _edit(sample / "mkdocs.yml", "guid.md", "guide.md")
    at = _edit(sample / "mkdocs.yml", "docs_dir: docs\n", "docs_dir: doc\n")
    found = [f for f in check_site_settings(sample)]
    assert [(f.code, f.line, f.column, f.severity) for f in found] == [("settings-docs-missing", at, 11, "warning")]
    assert "혹시 docs인가요?" in found[0].message_ko, found[0].message_ko


def test_a_misspelt_plugin_or_setting_is_named_with_the_one_meant(sample: Path) -> None:
    at = _edit(sample / "mkdocs.yml", "  - casekit\n", "  - casekt\n")
    found = check_site_settings(sample)
    assert [(f.code, f.line) for f in found] == [("settings-unsafe", at)]
    assert "혹시 casekit인가요?" in found[0].message_ko, found[0].message_ko
    _edit(sample / "mkdocs.yml", "  - casekt\n", "  - casekit\n")
    lines = [_edit(sample / "mkdocs.yml", f"\n{old}:", f"\n{new}:") + 1 for old, new in (
        ("theme", "theem"), ("plugins", "plugin"), ("markdown_extensions", "markdown_extension"))]
    found = [f for f in check_site_settings(sample) if f.code == "settings-unknown"]
    assert [(f.line, f.column, f.severity) for f in found] == [(n, 1, "warning") for n in sorted(lines)]
    assert [re.search(r"혹시 (\w+)인가요", f.message_ko).group(1) for f in found] == [  # type: ignore[union-attr]
        "theme", "plugins", "markdown_extensions"]


# Names casekit keeps to say "did you mean" (casekit.core.settings_names, casekit.core.site_settings), held
# against what the installed MkDocs, Python-Markdown and Material accept: an upgrade within the pinned
# range that adds, renames or drops one fails here, not silently in a user's mkdocs.yml.

# in MkDocs' schema but no setting to write: MkDocs sets it from the file's path and refuses it in the file
NOT_WRITTEN = {"config_file_path"}
# known, though in no schema: MkDocs' YAML loader (mkdocs.utils.yaml) reads it before the schema does
LOADER_KEYS = {"INHERIT"}
# plugins refused for what they fetch (site_settings.FETCHING_PLUGINS) that are not Material's: named so
# that the refusal says why, installed or not
THIRD_PARTY_FETCHING = {"git-committers"}
# extensions refused for the files they read (site_settings.UNSAFE_EXTENSIONS), of packages casekit does
# not install: named so that the refusal says why
THIRD_PARTY_INCLUDES = {"markdown_include.include", "mdx_include", "markdown_include"}


def _schema_keys(config: type) -> list[str]:
    return [k for k, _ in config._schema]


def _plugins_of(theme: str) -> set[str]:
    """The plugin names MkDocs loads with `theme` (a bare name also as `theme/name`:
    config_options.Plugins.load_plugin_with_namespace)."""
    from mkdocs.plugins import get_plugins

    installed = set(get_plugins())
    return installed | {name.split("/", 1)[1] for name in installed if name.startswith(f"{theme}/")}


def test_the_top_level_names_are_mkdocs_own() -> None:
    import mkdocs.utils.yaml
    from mkdocs.config.defaults import MkDocsConfig

    from casekit.core.settings_names import MKDOCS_KEYS

    assert len(set(MKDOCS_KEYS)) == len(MKDOCS_KEYS)
    assert set(MKDOCS_KEYS) == set(_schema_keys(MkDocsConfig)) - NOT_WRITTEN | LOADER_KEYS
    assert all(f"'{key}'" in inspect.getsource(mkdocs.utils.yaml) for key in LOADER_KEYS)
    assert set(_schema_keys(MkDocsConfig)) >= NOT_WRITTEN  # (an exception that no longer is one: drop it)


def test_the_top_level_names_are_properdocs_own_too() -> None:
    """`casekit build --generator properdocs` reads the same mkdocs.yml (ProperDocs: MkDocs' fork)."""
    pytest.importorskip("properdocs")
    import properdocs.utils.yaml
    from properdocs.config.defaults import ProperDocsConfig

    from casekit.core.settings_names import MKDOCS_KEYS

    assert set(MKDOCS_KEYS) == set(_schema_keys(ProperDocsConfig)) - NOT_WRITTEN | LOADER_KEYS
    assert all(f"'{key}'" in inspect.getsource(properdocs.utils.yaml) for key in LOADER_KEYS)


def test_the_plugins_options_are_its_own_with_their_forms() -> None:
    from mkdocs.config import config_options as c

    from casekit.core.settings_names import PLUGIN_OPTIONS
    from casekit.mkdocs_plugin.config import CasekitConfig, _Date

    assert list(PLUGIN_OPTIONS) == _schema_keys(CasekitConfig)
    types = {bool: "bool", int: "int", list: "list", dict: "dict"}
    for name, option in CasekitConfig._schema:
        inner = option.option if isinstance(option, c.Optional) else option
        form = "date" if isinstance(inner, _Date) else types[inner._type]
        assert PLUGIN_OPTIONS[name][0] == form, name
        assert PLUGIN_OPTIONS[name][1].startswith(f"{name}: "), name


def test_the_extensions_known_by_name_are_python_markdowns_own() -> None:
    """SAFE_EXTENSIONS: the short names Python-Markdown registers for its own extensions (`toc`,
    `tables`); the others are known by their packages' prefixes (pymdownx., material.extensions.)."""
    from importlib.metadata import distribution

    from casekit.core.site_settings import SAFE_EXTENSION_PREFIXES, SAFE_EXTENSIONS, UNSAFE_EXTENSIONS

    own = {e.name for e in distribution("markdown").entry_points if e.group == "markdown.extensions"}
    assert own == SAFE_EXTENSIONS
    for name in SAFE_EXTENSIONS:  # (each also as its module: markdown.extensions.toc)
        assert importlib.util.find_spec(f"markdown.extensions.{name}") is not None, name
    for prefix in SAFE_EXTENSION_PREFIXES:
        assert importlib.util.find_spec(prefix.rstrip(".")) is not None, prefix
    for module in set(UNSAFE_EXTENSIONS) - THIRD_PARTY_INCLUDES:
        assert importlib.util.find_spec(module) is not None, module
    assert set(UNSAFE_EXTENSIONS) >= THIRD_PARTY_INCLUDES


def test_the_plugins_known_by_name_are_ones_mkdocs_loads_with_material() -> None:
    """SAFE_PLUGINS and FETCHING_PLUGINS name plugins MkDocs loads with Material's theme, each of
    Material's both as written in its docs (`tags`) and with its theme (`material/tags`)."""
    from casekit.core.site_settings import FETCHING_PLUGINS, SAFE_PLUGINS

    loaded = _plugins_of("material")
    named = SAFE_PLUGINS | set(FETCHING_PLUGINS) - THIRD_PARTY_FETCHING
    assert named <= loaded, sorted(named - loaded)
    assert set(FETCHING_PLUGINS) >= THIRD_PARTY_FETCHING
    for names in (SAFE_PLUGINS, set(FETCHING_PLUGINS)):
        bare = {n for n in names if "/" not in n}
        themed = {n.split("/", 1)[1] for n in names if n.startswith("material/")}
        assert themed <= bare, sorted(themed - bare)
        assert {n for n in bare if f"material/{n}" in loaded} <= themed


def test_the_themes_refused_for_their_cdns_are_mkdocs_own() -> None:
    from importlib.metadata import distribution

    from casekit.core.site_settings import CDN_THEMES

    assert set(CDN_THEMES) == {e.name for e in distribution("mkdocs").entry_points if e.group == "mkdocs.themes"}


def test_the_settings_refused_are_mkdocs_own() -> None:
    from casekit.core.settings_names import MKDOCS_KEYS
    from casekit.core.site_settings import UNSAFE_KEYS

    assert set(UNSAFE_KEYS) <= set(MKDOCS_KEYS)


def test_config_file_path_which_mkdocs_refuses_is_an_error_at_its_line(sample: Path) -> None:
    at = _edit(sample / "mkdocs.yml", "\ntheme:", "\nconfig_file_path: mkdocs.yml\ntheme:") + 1
    found = check_site_settings(sample)
    assert [(f.code, f.line, f.column, f.severity) for f in found] == [("settings-invalid", at, 1, "error")]
    assert "config_file_path" in found[0].message_ko and "지우세요" in found[0].message_ko, found[0].message_ko
