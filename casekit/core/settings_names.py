"""Names in `mkdocs.yml` that MkDocs passes over, or takes for what is not there, with the build going on:
a misspelt setting (`plugin:` for `plugins:`, `theem:`: MkDocs only warns, and the site is built
without it: `settings-unknown`), an option of the casekit plugin misspelt (`todya:`) or of the wrong
form (`today: 2026.11.20`: `mkdocs build` stops on it, `settings-value`), a menu entry naming no page
(`- 사용 안내: guid.md`: the menu links to nothing, `settings-nav-missing`) and a `docs_dir` naming no
folder (`docs_dir: doc`: the casebook's own pages leave the site, `settings-docs-missing`). Each is said
at its place with the name most likely meant.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from collections.abc import Iterator
from pathlib import Path

import yaml

from casekit.core.findings import Finding, finding
from casekit.core.hints import close_to, date_hint
from casekit.core.pictures import GENERATED_SECTIONS

SETTINGS_FILE = "mkdocs.yml"
_TAG = "tag:yaml.org,2002:"

# MkDocs' settings (mkdocs.config.defaults.MkDocsConfig, ProperDocs' the same; tests/test_settings_names.py
# holds them together), and INHERIT, which MkDocs' YAML loader reads; not config_file_path, which MkDocs sets
# from the file's path and refuses in it ("Can't set config_file_path in config")
MKDOCS_KEYS = ("site_name", "nav", "pages", "exclude_docs", "draft_docs", "not_in_nav", "site_url", "site_description",
               "site_author", "theme", "docs_dir", "site_dir", "copyright", "google_analytics", "dev_addr",
               "use_directory_urls", "repo_url", "repo_name", "edit_uri_template", "edit_uri", "extra_css",
               "extra_javascript", "extra_templates", "markdown_extensions", "mdx_configs", "strict", "remote_branch",
               "remote_name", "extra", "plugins", "hooks", "watch", "validation", "INHERIT")
# the casekit plugin's options (casekit.mkdocs_plugin.config.CasekitConfig; a test holds the two together,
# forms too): the form each takes, with an example
PLUGIN_OPTIONS = {"enabled": ("bool", "enabled: true"), "today": ("date", "today: 2026-11-20"),
                  "caseload_limit": ("int", "caseload_limit: 20"), "max_findings": ("int", "max_findings: 20"),
                  "korean_search": ("bool", "korean_search: true"), "pages": ("bool", "pages: true"),
                  "docs_pages": ("list", "docs_pages: []"), "docs_links": ("dict", "docs_links: {}")}
_FORMS = {"bool": ("true 또는 false", "true or false"), "int": ("숫자", "a number"),
          "list": ("목록", "a list"), "dict": ("'이름: 값' 묶음", "a mapping")}
# the pages casekit makes whatever the casebook holds (a menu may name them): the home page, the deadlines
# page, each section's index (casekit.site.views.SECTIONS); pages under a section are made too
MADE_PAGES = ("index.md", "due.md", *(f"{s}/index.md" for s in GENERATED_SECTIONS if s != "due"))
MAX_DOCS_FILES = 2000  # docs/ pages listed for a guess: a casebook's guide is a few pages


def _items(node: yaml.Node | None) -> Iterator[tuple[yaml.ScalarNode, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield key, value


def _get(node: yaml.Node | None, name: str) -> tuple[yaml.ScalarNode, yaml.Node] | None:
    return next(((k, v) for k, v in _items(node) if k.value == name), None)


def _at(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _guess(name: str, known: list[str]) -> tuple[str, str]:
    meant = close_to(name, known)
    return (f" 혹시 {meant}인가요?", f"; did you mean {meant}?") if meant is not None else ("", "")


def name_findings(doc: yaml.MappingNode, root: Path, docs: str | None) -> list[Finding]:
    """settings-unknown, settings-value, settings-nav-missing and settings-docs-missing (settings-invalid for
    config_file_path, which MkDocs refuses) of the settings `doc` of the casebook at `root` (its real path),
    whose pages folder is `docs` (None: out of it)."""
    out: list[Finding] = []
    for key, _ in _items(doc):
        if str(key.value) == "config_file_path":  # (MkDocs sets it from the file's path and stops the build)
            out.append(finding("settings-invalid", SETTINGS_FILE, *_at(key), detail=(
                "config_file_path는 MkDocs가 mkdocs.yml의 위치로 스스로 정하는 값이라 파일에 쓰면 빌드가 멈춥니다. "
                "이 줄을 지우세요 (MkDocs sets config_file_path from where mkdocs.yml is and stops when the file "
                "sets it: \"Can't set config_file_path in config\"; delete this line)")))
        elif str(key.value) not in MKDOCS_KEYS:
            hint = _guess(str(key.value), list(MKDOCS_KEYS))
            out.append(finding("settings-unknown", SETTINGS_FILE, *_at(key), key=str(key.value)[:60], owner="MkDocs",
                               owner_en="MkDocs", hint=hint[0], hint_en=hint[1]))
    out += _plugin_options(doc)
    folder = _docs_folder(doc, root, docs, out)
    if folder is not None:
        out += _menu(doc, root, folder)
    return out


def _plugin_options(doc: yaml.MappingNode) -> list[Finding]:
    """The casekit plugin's options misspelt or of the wrong form (`mkdocs build` reads them; `casekit
    build` reads `today` too)."""
    options = _casekit_options(doc)
    out: list[Finding] = []
    for key, value in _items(options):
        name = str(key.value)
        if name not in PLUGIN_OPTIONS:
            hint = _guess(name, list(PLUGIN_OPTIONS))
            out.append(finding("settings-unknown", SETTINGS_FILE, *_at(key), key=f"plugins: casekit: {name[:40]}",
                               owner="casekit 플러그인", owner_en="the casekit plugin", hint=hint[0], hint_en=hint[1]))
            continue
        form, example = PLUGIN_OPTIONS[name]
        if _fits(value, form):
            continue
        shown = str(value.value)[:40] if isinstance(value, yaml.ScalarNode) else "…"
        if form == "date":
            ko, en = (h.strip().rstrip(".") for h in date_hint(shown))
            what = (f"기준일(today)은 YYYY-MM-DD 날짜로 적습니다. {ko or '예: ' + example}",
                    f"the reference day (today) is a date, YYYY-MM-DD; {en or 'e.g. ' + example}")
        else:
            what = (f"{_FORMS[form][0]}(으)로 적으세요. 예: {example}", f"{_FORMS[form][1]}, e.g. {example}")
        out.append(finding("settings-value", SETTINGS_FILE, *_at(value), key=f"plugins: casekit: {name}", value=shown,
                           what=what[0], what_en=what[1]))
    return out


def _casekit_options(doc: yaml.MappingNode) -> yaml.Node | None:
    """The options of the casekit plugin (`plugins: - casekit: {today: …}`, or `plugins: {casekit: …}`)."""
    plugins = _get(doc, "plugins")
    node = plugins[1] if plugins is not None else None
    entries = [item for item in node.value if isinstance(item, yaml.MappingNode)] \
        if isinstance(node, yaml.SequenceNode) else [node]
    for entry in entries:
        found = _get(entry, "casekit")
        if found is not None:
            return found[1]
    return None


def _fits(node: yaml.Node, form: str) -> bool:
    """Whether MkDocs takes `node` for the option (casekit.mkdocs_plugin.config: `today` a date, quoted
    or not, or nothing; the others of their type)."""
    tag = node.tag or ""
    if form == "list":
        return isinstance(node, yaml.SequenceNode)
    if form == "dict":
        return isinstance(node, yaml.MappingNode)
    if not isinstance(node, yaml.ScalarNode):
        return False
    if tag == _TAG + "null":  # (left empty: the option's default)
        return True
    if form == "bool":
        return tag == _TAG + "bool"
    if form == "int":
        return tag == _TAG + "int"
    if tag == _TAG + "timestamp":  # (a day the calendar lacks: site_settings says so)
        return True
    try:
        dt.date.fromisoformat(str(node.value).strip())
    except ValueError:
        return False
    return True


def plugin_today(doc: yaml.Node | None) -> dt.date | None:
    """The 기준일 the casekit plugin's `today` gives (`casekit build` counts from it unless --today is
    given), or None: not set, or not a date (settings-value says so)."""
    if not isinstance(doc, yaml.MappingNode):
        return None
    today = _get(_casekit_options(doc), "today")
    if today is None or not isinstance(today[1], yaml.ScalarNode) or today[1].tag == _TAG + "null":
        return None
    text = str(today[1].value).strip()
    try:
        return dt.datetime.fromisoformat(text).date() if today[1].tag == _TAG + "timestamp" \
            else dt.date.fromisoformat(text)
    except ValueError:
        return None


def _docs_folder(doc: yaml.MappingNode, root: Path, docs: str | None, out: list[Finding]) -> Path | None:
    """The pages folder, or None (out of the casebook, or missing: settings-docs-missing when named)."""
    if docs is None:
        return None
    folder = root / docs
    if folder.is_dir():
        return folder
    entry = _get(doc, "docs_dir")
    # (`docs`, MkDocs' default, missing: a casebook without pages of its own, casekit's own pages only)
    if entry is not None and isinstance(entry[1], yaml.ScalarNode) and docs != "docs":
        try:
            there = sorted(e.name for e in os.scandir(root) if e.is_dir() and not e.name.startswith("."))
        except OSError:
            there = []
        hint = _guess(docs, there)
        out.append(finding("settings-docs-missing", SETTINGS_FILE, *_at(entry[1]), value=str(entry[1].value)[:60],
                           hint=hint[0], hint_en=hint[1]))
    return None


def _menu_targets(node: yaml.Node | None, label: str = "") -> Iterator[tuple[yaml.ScalarNode, str]]:
    """(page, its label) of every entry of the menu, sections walked (a menu is a few dozen entries)."""
    stack: list[tuple[yaml.Node, str]] = [(node, label)] if node is not None else []
    seen: set[int] = set()
    while stack:
        n, name = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, yaml.ScalarNode):
            yield n, name
        elif isinstance(n, yaml.SequenceNode):
            stack.extend((c, name) for c in reversed(n.value))
        elif isinstance(n, yaml.MappingNode):
            stack.extend((v, str(k.value)) for k, v in reversed(n.value) if isinstance(k, yaml.ScalarNode))


def _menu(doc: yaml.MappingNode, root: Path, folder: Path) -> list[Finding]:
    """settings-nav-missing for each menu entry naming a page neither in the pages folder nor made by casekit."""
    nav = _get(doc, "nav")
    out: list[Finding] = []
    pages: list[str] | None = None
    docs = folder.relative_to(root).as_posix()
    for node, label in _menu_targets(nav[1] if nav is not None else None):
        target = str(node.value).strip()
        if node.tag != _TAG + "str" or not target or "://" in target or target.startswith(("/", "#", "//")) or \
                ":" in target.split("/", 1)[0] or not target.endswith(".md"):
            continue  # (an address, an anchor, or no page: MkDocs links it as written)
        page = posixpath.normpath(target)
        parts = page.split("/")
        if page in MADE_PAGES or (len(parts) > 1 and parts[0] in GENERATED_SECTIONS):
            continue
        if (folder / page).is_file():
            continue
        if pages is None:
            pages = _pages(folder)
        hint = _guess(page, [*pages, *MADE_PAGES])
        out.append(finding("settings-nav-missing", SETTINGS_FILE, *_at(node), label=label[:40] or page[:40],
                           value=target[:60], docs=docs, hint=hint[0], hint_en=hint[1]))
    return out


def _pages(folder: Path) -> list[str]:
    """The Markdown pages under `folder`, as paths in it (hidden folders not walked; at most MAX_DOCS_FILES)."""
    found: list[str] = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += (Path(top, f).relative_to(folder).as_posix() for f in sorted(files) if f.endswith(".md"))
        if len(found) >= MAX_DOCS_FILES:
            break
    return found[:MAX_DOCS_FILES]
