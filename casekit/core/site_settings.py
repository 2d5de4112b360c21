"""Settings in `mkdocs.yml` that would make the published site load something from another host,
run code or read files when it is built, or put raw HTML into its pages (`settings-unsafe`:
`hooks`, `INHERIT`, an `extra_javascript` of the casebook's own, python tags other than `!!python/name:` of a function a Markdown extension,
pymdownx or Material extension module defines itself, `!ENV`, YAML aliases, file-including Markdown extensions, pymdownx.critic
in accept or reject mode (it publishes another text than the one checked), HTML tags in published texts,
`javascript:` or `data:` addresses in them: the menu, `extra.homepage`, `extra.social`).

The casebook's promise is that a reader's browser asks no other host for anything. These
settings break it, so `casekit check` reports each as an error (`settings-outside-load`) at the
key in `mkdocs.yml`, and the build, which refuses on any error, refuses them too:

- `theme.font` missing or not `false` with the Material theme (it loads Google Fonts);
- `extra_javascript` / `extra_css` entries with a scheme (`https:`) or a host (`//cdn...`);
- `repo_url` / `repo_name` (Material calls the host's API for stars and forks);
- `site_url` (written into every page as a canonical link to that host, which the audit refuses);
- `extra.analytics`, `extra.consent`, `google_analytics`;
- `theme.logo`, `theme.favicon` or any `theme.icon` entry that is a URL;
- plugins that fetch at build or view time (`social`, `git-committers`, `offline`, and `privacy`, which
  downloads every outside address a page names from the build machine);
- `pymdownx.emoji` without a generator that inlines the icons (the default loads images from a CDN).

`mkdocs.yml` holds tags casekit's strict record reader refuses (`!!python/name:...`, `!ENV`), so
it is read here by PyYAML's composer into nodes with positions, tags ignored, after the same
guarded read as records (regular file, at most 1 MiB, UTF-8). Nothing is constructed, aliases are
visited once, and nesting past the interpreter's limit is a finding, not a crash.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import functools
import importlib.util
import os
import posixpath
import re
from array import array
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from casekit.core.changes import conflict_line
from casekit.core.findings import Finding, finding
from casekit.core.hints import close_to
from casekit.core.names import inside
from casekit.core.page_rules import template_problems, theme_script_bodies
from casekit.core.settings_names import name_findings, plugin_today
from casekit.core.source import conflict_finding, parse_yaml, read_file
from casekit.core.template_branches import (
    UNKNOWN,
    bindings,
    branches_off,
    known_names,
    material_defaults,
    settings_context,
    theme_bindings,
)

SETTINGS_FILE = "mkdocs.yml"
FETCHING_PLUGINS = {
    "social": "소셜 카드 글꼴을 Google Fonts에서 내려받습니다 (downloads fonts from Google Fonts)",
    "material/social": "소셜 카드 글꼴을 Google Fonts에서 내려받습니다 (downloads fonts from Google Fonts)",
    "git-committers": "GitHub API를 부릅니다 (calls the GitHub API)",
    "offline": "쪽마다 unpkg.com의 스크립트(iframe-worker)를 불러옵니다 (loads a script from unpkg.com on every page)",
    "material/offline": "쪽마다 unpkg.com의 스크립트(iframe-worker)를 불러옵니다 (loads a script from unpkg.com on every page)",
    # (it downloads every outside address a page names, as it builds: a record's image address makes the
    # build machine fetch from its network, a cloud's metadata address included; and its own scripts)
    "privacy": "빌드할 때 쪽에 적힌 바깥 주소(그림·스크립트)를 빌드하는 컴퓨터가 내려받습니다. 내부망 주소도 됩니다. "
               "casekit은 바깥 자료를 싣지 않으므로 필요 없습니다 (fetches every outside address pages name at build "
               "time, from the build machine's network; casekit publishes no outside content)",
    "material/privacy": "빌드할 때 쪽에 적힌 바깥 주소(그림·스크립트)를 빌드하는 컴퓨터가 내려받습니다. 내부망 주소도 "
                        "됩니다. casekit은 바깥 자료를 싣지 않으므로 필요 없습니다 (fetches every outside address pages "
                        "name at build time, from the build machine's network; casekit publishes no outside content)",
}
# MkDocs' own themes load scripts and styles from CDNs (cdnjs, Google Fonts) and run inline scripts:
# casekit makes the site with Material (ProperDocs and Zensical with theirs)
CDN_THEMES = {
    "mkdocs": "MkDocs 기본 테마는 cdnjs.cloudflare.com의 스크립트와 인라인 스크립트를 씁니다. theme: name: material로 "
              "적으세요 (MkDocs' own theme loads scripts from cdnjs: use material)",
    "readthedocs": "readthedocs 테마는 다른 호스트의 글꼴·스크립트와 인라인 스크립트를 씁니다. theme: name: material로 "
                   "적으세요 (the readthedocs theme loads from other hosts: use material)",
}
# settings that run code or read files at build time, or put raw HTML into every page
# (`settings-unsafe`): whoever can edit mkdocs.yml must not get a script onto the site, code run
# on the build machine, or another file's text (a restricted case, /etc/passwd) published
UNSAFE_KEYS = {
    "hooks": "MkDocs가 빌드할 때 저장소의 파이썬 파일을 실행합니다 (runs Python files at build time)",
    "INHERIT": "casekit이 검사하지 않는 다른 설정 파일을 읽습니다 (reads another settings file casekit does not check)",
    "extra_templates": "docs/의 파일을 Jinja 템플릿으로 실행해 그 결과를 싣습니다: 템플릿은 서버의 코드를 부를 수 있습니다 "
                       "(renders docs/ files as Jinja templates: a template can reach the build machine's code)",
}
UNSAFE_EXTENSIONS = {
    "pymdownx.snippets": "다른 파일(사례 기록, 서버의 파일)의 내용을 쪽에 넣습니다 (puts other files' text into pages)",
    "pymdownx.b64": "파일을 읽어 쪽에 넣습니다 (embeds files into pages)",
    "markdown_include.include": "다른 파일의 내용을 쪽에 넣습니다 (includes other files)",
    "mdx_include": "다른 파일의 내용을 쪽에 넣습니다 (includes other files)",
    "markdown_include": "다른 파일의 내용을 쪽에 넣습니다 (includes other files)",
}
CRITIC_MODE = ("accept나 reject로 두면 {--…--} {++…++} {~~…~>…~~}의 한쪽만 쪽에 실려, 검사한 글과 다른 글(이름·번호가 "
               "이어진 글)이 실립니다. mode를 지우거나 view로 두세요 (accept or reject publishes one side of each "
               "change, a text other than the one checked: remove mode or set it to view)")
# plugins casekit knows run no code of the casebook's and read no file it did not check; any
# other (material/projects builds other mkdocs.yml files with their hooks; macros runs main.py)
# is refused
SAFE_PLUGINS = frozenset({"search", "material/search", "casekit", "tags", "material/tags", "meta", "material/meta"})
# Markdown extensions: Python-Markdown's own (the names it registers: tests/test_settings_names.py holds them
# together), pymdownx's and Material's (but the file-including ones above)
SAFE_EXTENSION_PREFIXES = ("markdown.extensions.", "pymdownx.", "material.extensions.")
SAFE_EXTENSIONS = frozenset({"abbr", "admonition", "attr_list", "def_list", "extra", "fenced_code", "footnotes",
                             "md_in_html", "tables", "codehilite", "legacy_attrs", "legacy_em", "meta", "nl2br",
                             "sane_lists", "smarty", "toc", "wikilinks"})
# `!!python/name:` may name a callback a Markdown extension takes (a slugify, a fence format, an emoji
# index): a public function or class that a module of these packages defines itself, read from its
# source without importing it. Not a name the module imports: `material.plugins.blog.plugin.rmtree`
# is shutil.rmtree, and as the `toc` slugify it deleted the folder a heading named, at build time.
# Any other python tag builds or calls objects when MkDocs reads the file.
SAFE_PYTHON_NAMES = ("markdown.extensions.", "pymdownx.", "material.extensions.")
_PY_TAG = "tag:yaml.org,2002:python/"
MARKUP = re.compile(r"<\s*[A-Za-z!/?]")  # an HTML tag (or comment) as a browser starts one
# a quote, then an attribute written after it (`가온" autofocus onfocus="…`): out of an attribute the theme
# writes the value into unescaped, into attributes of its own
_ATTRIBUTE_BREAK = re.compile(r"[\"'`][^\"'`]*?[\s\"'/][A-Za-z_:][-\w:.]*\s*=")
_URL = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.\-]*:|//|\\\\|/\\|\\/)")
_INLINE_EMOJI = ("to_svg", "to_alt", "to_png_sprite", "to_svg_sprite")


MERGE_TAG = "tag:yaml.org,2002:merge"


class _Loader(yaml.SafeLoader):
    """Composes any tag (`!!python/name:`, `!ENV`) into a plain node: nothing is constructed."""


def _nodes(root: Path) -> tuple[yaml.Node | None, list[Finding]]:
    path = root / SETTINGS_FILE
    if not inside(root, path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return None, [finding("symlink-outside", SETTINGS_FILE, None, None, target=target)]
    text, problems = read_file(str(path), SETTINGS_FILE)
    if text is None:
        return None, problems
    conflict = conflict_line(text)
    if conflict is not None:  # (its YAML error would be at the `=======` after it, in YAML's English)
        return None, [*problems, conflict_finding(SETTINGS_FILE, conflict)]
    try:
        return _compose(text), problems
    except yaml.MarkedYAMLError as exc:
        said = _read_error(text)
        if said is not None:
            return None, [*problems, said]
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return None, [*problems, finding("settings-invalid", SETTINGS_FILE, line, col, detail=str(exc.problem))]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        said = _read_error(text) if not isinstance(exc, RecursionError) else None
        if said is not None:
            return None, [*problems, said]
        detail = "너무 깊이 중첩되어 있습니다 (nested too deeply)" if isinstance(exc, RecursionError) else str(exc)
        return None, [*problems, finding("settings-invalid", SETTINGS_FILE, 1, 1, detail=detail)]


# what a record's front matter is told of the same YAML mistake (casekit.core.source: `site_name: 가온: 내부용`
# -> the colon, and the value quoted; a tab; a control character), said of mkdocs.yml
_READ_ERRORS = ("yaml-syntax", "yaml-tab", "yaml-control-char")


def _read_error(text: str) -> Finding | None:
    """settings-invalid for settings PyYAML cannot read, with the advice records get for the same mistake
    (their parser read the text again, its first such finding), at the place it names; None if it names none."""
    said = next((f for f in parse_yaml(text, SETTINGS_FILE).findings if f.code in _READ_ERRORS), None)
    if said is None:
        return None
    ko = said.message_ko.removeprefix("머리말(YAML)을 읽을 수 없습니다. ").replace("머리말", "이 파일")
    made = finding("settings-invalid", SETTINGS_FILE, said.line, said.column, detail=ko)
    en = said.message_en.replace("the front matter", "the file")
    return replace(made, message_en=finding("settings-invalid", SETTINGS_FILE, detail=en).message_en)


def _not_settings(doc: yaml.Node | None) -> Finding:
    """settings-invalid for a mkdocs.yml whose top level is no mapping of settings (`- a`, a bare
    word, `null`, only comments): MkDocs cannot build from it, so check says where, as build will."""
    if isinstance(doc, yaml.SequenceNode):
        kind = ("목록('- …' 줄)", "a list ('- …' lines)")
    elif doc is None or (isinstance(doc, yaml.ScalarNode) and doc.tag == "tag:yaml.org,2002:null"):
        kind = ("빈 값(설정이 하나도 없음)", "nothing (no setting at all)")
    else:
        shown = str(doc.value)[:40] if isinstance(doc, yaml.ScalarNode) else "?"
        kind = (f"글 하나('{shown}')", f"a single value ('{shown}')")
    line, col = _at(doc) if doc is not None else (1, 1)
    return finding("settings-invalid", SETTINGS_FILE, line, col, detail=(
        f"맨 위 단계는 'site_name: 가온 사례집'처럼 '키: 값' 줄들이어야 하는데 {kind[0]}입니다. MkDocs가 설정으로 "
        f"읽지 못해 사이트를 만들 수 없습니다. 지워지거나 잘못 바뀐 내용을 되살리세요(git을 쓰면 `git restore mkdocs.yml`) "
        f"(the top level must be a mapping of settings such as 'site_name: …', found {kind[1]}: MkDocs cannot "
        f"build from it; restore the settings)"))


def _no_site_name(doc: yaml.MappingNode) -> list[Finding]:
    """settings-invalid for settings without a `site_name` of text: MkDocs, ProperDocs and Zensical
    refuse to build without one ("Required configuration not provided"), so check says it first."""
    got = _get(doc, "site_name")
    if got is None:
        line, col = _at(doc)
        return [finding("settings-invalid", SETTINGS_FILE, line, col, detail=(
            "사이트 이름 'site_name: 가온 사례집' 줄이 없습니다. MkDocs는 이 줄 없이 사이트를 만들지 않습니다. "
            "파일 맨 위에 넣으세요 (no 'site_name': MkDocs builds no site without one; add it at the top)"))]
    value = got[1]
    if isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:str" and str(value.value).strip():
        return []
    line, col = _at(value if isinstance(value, yaml.ScalarNode) and value.value else got[0])
    return [finding("settings-invalid", SETTINGS_FILE, line, col, detail=(
        "'site_name'에 사이트 이름을 글로 적으세요(예: site_name: 가온 사례집; 숫자뿐이면 따옴표로: site_name: '2026'). "
        "비어 있거나 목록이나 숫자이면 MkDocs가 사이트를 만들지 않습니다 (site_name must be the site's name as text, "
        "e.g. 'site_name: 가온 사례집'; quote a number)"))]


@functools.lru_cache(maxsize=4)
def _compose(text: str) -> yaml.Node | None:
    """The settings' text composed, once for each text: a check asks five times (the docs folder,
    the theme, the menu …), and PyYAML's composer, pure Python, took a tenth of a small casebook's
    check. The nodes are shared: read, never changed (`_template_config` builds from a copy)."""
    return yaml.compose(text, Loader=_Loader)


def _at(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _items(node: yaml.Node | None) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield key, value


def _get(node: yaml.Node | None, name: str) -> tuple[yaml.Node, yaml.Node] | None:
    return next(((k, v) for k, v in _items(node) if k.value == name), None)


def _scalars(node: yaml.Node, keys: bool = True) -> Iterator[yaml.ScalarNode]:
    """Every scalar under `node` (the mappings' keys too unless `keys` is False), each node visited
    once (an alias is not walked again)."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, yaml.ScalarNode):
            yield n
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(reversed(n.value))
        elif isinstance(n, yaml.MappingNode):
            for k, v in reversed(n.value):
                stack.extend((v, k) if keys else (v,))


def _false(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value.lower() in ("false", "no", "off")


def settings_today(root: Path) -> dt.date | None:
    """The 기준일 `plugins: - casekit: {today: …}` in mkdocs.yml gives (`mkdocs build` counts from it, and so
    does `casekit build` without --today), or None (not set, or no date: check says so)."""
    return plugin_today(_nodes(Path(os.path.realpath(root)))[0])


def published_settings(root: Path) -> tuple[str, array[int]] | None:
    """Every text of `mkdocs.yml` (keys too: a menu label is a key) with its line, column and
    length, packed as a record's published fields are (casekit.core.summary.public_fields): the
    site name, menu labels, copyright and extra texts are published on every page, so the
    casebook's sensitive values are looked for there too, and found at their place."""
    doc, _ = _nodes(Path(os.path.realpath(root)))
    if doc is None:
        return None
    texts: list[str] = []
    numbers: list[int] = []
    for scalar in _scalars(doc):
        if isinstance(scalar.value, str) and scalar.value.strip():
            texts.append(scalar.value)
            numbers += (*_at(scalar), len(scalar.value))
    return "".join(texts), array("I", numbers)


def _leaves(value: str) -> bool:
    """A folder setting that leads out of the casebook: absolute, a drive or `..`."""
    value = value.strip().replace("\\", "/")
    return bool(value.startswith("/") or re.match(r"[A-Za-z]:", value) or ".." in value.split("/"))


# the casebook's own folders: a site folder (emptied before each build) must never be or hold one
SOURCE_FOLDERS = ("cases", "resources", "schemas", "templates", "docs")


def holds_sources(parts: tuple[str, ...], docs: str | None = None) -> bool:
    """Whether a site folder at `parts` (its path under the casebook's root, () for the root
    itself) is the casebook, one of its source folders (or the pages folder `docs`), is inside
    one, or is a hidden folder (.git, .casekit): emptying it loses what the casebook holds."""
    if not parts:
        return True
    return parts[0] in SOURCE_FOLDERS or parts[0] == (docs or "docs").split("/")[0] or parts[0].startswith(".")


def _site_dir_problem(value: str, docs: str | None) -> str | None:
    """What is wrong with `site_dir: value` (None: nothing): out of the casebook, or where
    MkDocs, which empties the folder before it builds, would delete the records."""
    norm = posixpath.normpath(value.strip().replace("\\", "/") or ".")
    if _leaves(norm):
        return ("사이트가 사례집 밖(공개 웹 폴더일 수도 있습니다)에 만들어지고 그곳의 사이트를 지웁니다. 사례집 안의 "
                "폴더(예: site)를 쓰거나 casekit build --site-dir로 직접 주세요 (the site would be written outside "
                "the casebook)")
    if holds_sources(tuple(p for p in norm.split("/") if p not in ("", ".")), docs):
        return ("MkDocs는 만들기 전에 이 폴더를 비웁니다: 사례집 폴더 자체나 원본 폴더(cases, resources, schemas, "
                "templates, docs, .git 같은 숨은 폴더)를 쓰면 기록이 지워집니다. site 같은 새 폴더 이름을 쓰세요 "
                "(MkDocs empties site_dir before it builds: the casebook or one of its source folders would be deleted)")
    return None


def docs_dir(root: Path) -> tuple[str | None, list[Finding]]:
    """The pages folder `mkdocs.yml` names (`docs_dir`, default `docs`) relative to the casebook
    root, or None with a finding when it leaves the casebook (nothing there is scanned or published)."""
    return _docs_dir_of(_nodes(Path(os.path.realpath(root)))[0])


def _docs_dir_of(doc: yaml.Node | None) -> tuple[str | None, list[Finding]]:
    """`docs_dir` of the settings already read as nodes."""
    entry = _get(doc, "docs_dir")
    if entry is None or not isinstance(entry[1], yaml.ScalarNode) or not entry[1].value.strip():
        return "docs", []
    value = entry[1].value.strip().replace("\\", "/").rstrip("/")
    parts = value.split("/")
    if _leaves(value) or value in (".", ""):
        return None, [finding("settings-docs-dir", SETTINGS_FILE, *_at(entry[1]), value=value)]
    return "/".join(p for p in parts if p not in ("", ".")), []


def meta_file(root: Path) -> str | None:
    """The file name the Material `meta` plugin loads as YAML in every folder of docs/ and merges
    into the pages there (`meta_file`, `.meta.yml` unless set); None when the plugin is off."""
    doc, _ = _nodes(Path(os.path.realpath(root)))
    plugins = _get(doc, "plugins")
    node = plugins[1] if plugins else None
    entries: list[tuple[yaml.Node | None, yaml.Node | None]] = []
    if isinstance(node, yaml.SequenceNode):  # `- meta` or `- meta: {meta_file: …}`
        for item in node.value:
            entries.append((item, None) if isinstance(item, yaml.ScalarNode) else next(_items(item), (None, None)))
    else:  # `plugins: {meta: {…}}`
        entries += _items(node)
    for name, options in entries:
        if not isinstance(name, yaml.ScalarNode) or name.value not in ("meta", "material/meta"):
            continue
        enabled = _get(options, "enabled")
        if enabled is not None and _false(enabled[1]):
            return None
        value = _get(options, "meta_file")
        return str(value[1].value) if value is not None and isinstance(value[1], yaml.ScalarNode) else ".meta.yml"
    return None


def _aliases(root: Path) -> list[tuple[int, int]]:
    """Where `mkdocs.yml` uses a YAML alias (`*name`): MkDocs builds every copy (ten levels of nine
    aliases: gigabytes), so none is accepted."""
    text, _ = read_file(str(root / SETTINGS_FILE), SETTINGS_FILE)
    if text is None or "*" not in text:
        return []
    out: list[tuple[int, int]] = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                out.append((event.start_mark.line + 1, event.start_mark.column + 1))
    except (yaml.YAMLError, RecursionError, ValueError):
        pass  # (reported as settings-invalid)
    return out


MAX_CUSTOM_ENTRIES = 2000  # a theme's overrides hold a few templates: past this, a folder that is not one


def custom_dir_problems(root: Path | None, value: str, docs: str | None) -> list[tuple[str | None, str]]:
    """What is wrong with `theme.custom_dir: value` (its templates are rendered into every page and
    its other files copied into the site): a folder out of the casebook, the casebook or one of its
    source folders; an entry that is a link (`overrides/leak.html` -> /etc/passwd, or a restricted
    record: `{% include %}` published it on every page), not a regular file, or not a template.
    (file, what) a problem; file None for the folder itself."""
    norm = posixpath.normpath(value.strip().replace("\\", "/") or ".")
    if _leaves(norm):
        return [(None, "테마 폴더가 사례집 밖에 있습니다: 사례집 안의 폴더(예: overrides)를 쓰세요 (custom_dir leaves the casebook)")]
    parts = tuple(p for p in norm.split("/") if p not in ("", "."))
    if holds_sources(parts, docs):
        return [(None, "테마 폴더의 파일은 모든 쪽에 들어가거나 사이트에 복사됩니다: 사례집 폴더 자체나 원본 폴더(cases, "
                       "docs …)를 쓰면 기록이 사이트에 실립니다. overrides 같은 새 폴더를 쓰세요 (custom_dir is the casebook "
                       "or one of its source folders: its files would be published)")]
    if root is None:
        return []
    folder = Path(os.path.realpath(root)) / norm
    if os.path.islink(Path(root) / norm) or (folder.exists() and not inside(Path(os.path.realpath(root)), folder)):
        return [(None, f"테마 폴더 {value}이(가) 다른 곳을 가리키는 링크입니다. 폴더 자체를 두세요 (custom_dir is a link)")]
    out: list[tuple[str | None, str]] = []
    seen = 0
    for top, dirs, files in os.walk(folder):  # (does not follow links: each is reported)
        dirs[:] = [d for d in sorted(dirs) if not d.startswith(".")]
        for name in sorted(dirs + files):
            path = os.path.join(top, name)
            rel = posixpath.join(value.strip().rstrip("/"), os.path.relpath(path, folder).replace(os.sep, "/"))
            seen += 1
            if seen > MAX_CUSTOM_ENTRIES:
                return out + [(None, f"테마 폴더에 파일이 너무 많습니다 (more than {MAX_CUSTOM_ENTRIES} entries)")]
            if os.path.islink(path):
                out.append((rel, "다른 파일을 가리키는 링크입니다. 템플릿이 그 파일(서버의 파일, 사례 기록)의 내용을 모든 "
                                 "쪽에 넣을 수 있습니다. 링크를 지우고 템플릿 파일 자체를 두세요 (a link: a template can "
                                 "include what it leads to, a restricted record or a server file, on every page)"))
                dirs[:] = [d for d in dirs if d != name]
            elif name in files and not os.path.isfile(path):
                out.append((rel, "일반 파일이 아닙니다(파이프나 장치). 지우세요 (not a regular file)"))
            elif name in files and not name.endswith(".html") and not name.startswith("."):
                out.append((rel, "테마 폴더에는 템플릿(.html)만 둡니다. 다른 파일은 casekit이 검사하지 않은 채 사이트에 "
                                 "복사되고 빌드 끝의 검사가 사이트를 지웁니다. CSS·그림은 docs/로 옮기세요 (only templates: "
                                 "another file is copied into the site unchecked, and the build's audit refuses it)"))
        if len(out) >= 20:
            break
    return out


# why the build's audit refuses what a theme's template puts on every page
_REFUSED_WHY = {
    "meta refresh": ("읽는 사람을 자동으로 다른 주소로 보냅니다", "it sends the reader to another address"),
    "base": ("쪽의 모든 링크와 그림 주소가 다른 곳을 기준으로 읽히게 합니다",
             "it has every link and picture address of the page read from another place"),
    "site-outside-load": ("사이트가 다른 곳에서 자료를 불러옵니다(사례집 사이트는 다른 곳에 아무것도 묻지 않습니다)",
                          "the site would load from another host (the casebook site asks no other host for anything)"),
    "site-active-content": ("casekit이 검사하지 않은 스크립트나 내용을 실행하거나 끼워 넣습니다",
                            "it runs or embeds a script or content casekit did not check"),
    "site-unreadable-text": ("글자를 적힌 것과 다른 순서(dir, <bdo>)나 그림(data: 주소)으로 보여 주어, 검사가 읽는 글과 "
                             "화면의 글이 달라집니다", "it shows text in another order (dir, <bdo>) or as a picture (a data: "
                             "address) than the audit reads"),
    "inline script": ("테마(Material)의 것이 아닌 스크립트입니다. 사례집 사이트는 casekit과 테마의 스크립트만 "
                      "실행합니다(방문 통계·채팅 위젯 같은 스크립트는 읽는 사람의 정보를 다른 곳으로 보낼 수 있습니다)",
                      "a script not the theme's (Material's): the casebook site runs casekit's and the theme's scripts "
                      "only (an analytics or chat script may send what a reader reads elsewhere)"),
}


def custom_template_findings(root: Path, value: str, doc: yaml.Node | None = None) -> list[Finding]:
    """`theme-template-refused` for each tag of a template of the casebook's theme folder
    (`theme.custom_dir: value`) that the build's last audit would refuse on every page the template
    is in (casekit.core.page_rules.template_problems: a `<meta http-equiv="refresh">`, a `<base
    href>`, a `<style>` importing CSS from another host …), at its line and column: said once here,
    before the build, not once a page after it. (For a folder custom_dir_problems does not refuse.)
    What a `{% if %}` branch the settings `doc` turn off holds is written on no page and not judged
    (casekit.core.template_branches: Material's Google Fonts links with `font: false`)."""
    norm = posixpath.normpath(value.strip().replace("\\", "/") or ".")
    folder = Path(os.path.realpath(root)) / norm
    out: list[Finding] = []
    seen = 0
    templates: list[tuple[str, str]] = []
    for top, dirs, files in os.walk(folder):  # (links are not followed: custom_dir_problems names them)
        dirs[:] = [d for d in sorted(dirs) if not d.startswith(".") and not os.path.islink(os.path.join(top, d))]
        for name in sorted(files):
            seen += 1
            path = os.path.join(top, name)
            if seen > MAX_CUSTOM_ENTRIES or not name.endswith(".html") or os.path.islink(path):
                continue
            rel = posixpath.join(value.strip().rstrip("/"), os.path.relpath(path, folder).replace(os.sep, "/"))
            text, _ = read_file(path, rel, max_bytes=MAX_TEMPLATE_BYTES)
            templates.append((rel, text or ""))
    config = _template_config(doc)
    own = bindings([text for _, text in templates]) if config is not None else ({}, frozenset({"*"}))
    if "config" in own[0] or own[1] & {"config", "*"}:  # (`config` set by a template, or Jinja's syntax error)
        config = None
    known = functools.cache(lambda: _known_names(own, config) if config is not None else {})
    for rel, text in templates:
        shown = branches_off(text, config, known) if config is not None else text
        for line, column, code, what in template_problems(shown, _theme_scripts()):
            kind = "meta refresh" if what.startswith("<meta refresh>") else "base" if what.startswith("<base") \
                else "inline script" if what == "inline <script>" else code
            why, why_en = _REFUSED_WHY[kind]
            out.append(finding("theme-template-refused", rel, line, column, what=what, why=why, why_en=why_en))
    return out


def _template_config(doc: yaml.Node | None) -> dict[str, Any] | None:
    """`config` as a theme's template reads what the settings decide of it (theme, extra), or None
    (no settings read, or YAML aliases in them: nothing is built from those)."""
    if doc is None or _has_alias(doc):
        return None
    values: dict[str, Any] = {}
    for key in ("theme", "extra"):
        entry = _get(doc, key)
        if entry is not None:
            try:
                # (from a copy: building merges `<<` keys into their mapping's node, which is shared)
                values[key] = yaml.SafeLoader("").construct_document(copy.deepcopy(entry[1]))
            except (yaml.YAMLError, RecursionError, ValueError, TypeError):
                values[key] = UNKNOWN
    templates = _material_templates()
    defaults = material_defaults(templates) if templates is not None else None
    return settings_context(values.get("theme", UNKNOWN), values.get("extra", UNKNOWN), defaults)


def _has_alias(doc: yaml.Node) -> bool:
    seen: set[int] = set()
    stack = [doc]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            return True
        seen.add(id(n))
        if isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack.extend((k, v))
    return False


def _known_names(own: tuple[dict[str, list[Any]], frozenset[str]], config: dict[str, Any]) -> dict[str, Any]:
    """The names the casebook's templates (`own`: their bindings) and Material's set once from the settings."""
    templates = _material_templates()
    return known_names([own] + ([theme_bindings(templates)] if templates is not None else []), config)


MAX_TEMPLATE_BYTES = 2 * 2**20  # a theme's template is a few kilobytes


def _typo(name: str, known: frozenset[str]) -> tuple[str, str]:
    """For a plugin or an extension casekit does not know: the one it knows that was probably meant
    (`casekt` for casekit), as the finding's last words; nothing when none is close."""
    meant = close_to(name, sorted(known))
    if meant is None:
        return "", ""
    return (f" 혹시 {meant}인가요? 그렇다면 {name}을(를) {meant}(으)로 고치세요.", f"; did you mean {meant}? then write {meant}")


def _unsafe(doc: yaml.Node, aliases: list[tuple[int, int]], root: Path | None = None) -> list[Finding]:
    out: list[Finding] = []

    def report(node: yaml.Node, key: str, what: str, hint: tuple[str, str] = ("", "")) -> None:
        out.append(finding("settings-unsafe", SETTINGS_FILE, *_at(node), key=key, what=what, hint=hint[0],
                           hint_en=hint[1]))

    for node, _ in _all_nodes(doc, set()):  # MkDocs takes the last of two equal keys, these checks the first
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for k, _ in _items(node):
                if k.tag == MERGE_TAG:  # `<<:` or `!!merge any:` (a key MkDocs' loader merges, these checks would not see)
                    report(k, str(k.value), "YAML 병합 키(<<, !!merge)입니다: MkDocs는 그 안의 설정(hooks 같은)을 "
                                            "읽지만 casekit의 검사에는 보이지 않습니다. 설정을 그 자리에 그대로 적으세요 "
                                            "(a YAML merge key: its settings would reach MkDocs unchecked; write them out)")
                if k.value in keys:
                    report(k, str(k.value), "같은 키가 두 번 있으면 MkDocs는 뒤의 것을 씁니다 (a key written twice: "
                                            "MkDocs takes the last)")
                keys.add(k.value)
    for line, col in aliases[:1]:
        out.append(finding("settings-unsafe", SETTINGS_FILE, line, col, key="*",
                           what="YAML 별칭은 MkDocs가 펼쳐 만들어 메모리를 다 씁니다 (a YAML alias: expanded by MkDocs)"))
    for key, what in UNSAFE_KEYS.items():
        entry = _get(doc, key)
        if entry is not None:
            report(entry[0], key, what)
    scripts = _get(doc, "extra_javascript")  # (an address: settings-outside-load's)
    items = scripts[1].value if scripts and isinstance(scripts[1], yaml.SequenceNode) else [scripts[1]] if scripts else []
    for item in items:
        entry = _get(item, "path") if isinstance(item, yaml.MappingNode) else None  # (`- path: x.js` too)
        scalar = item if isinstance(item, yaml.ScalarNode) else entry[1] if entry is not None else None
        if isinstance(scalar, yaml.ScalarNode) and str(scalar.value).strip() and not _URL.match(str(scalar.value)) \
                and not str(scalar.value).lstrip("/").startswith("assets/casekit/"):
            report(scalar, "extra_javascript",
                   f"'{str(scalar.value)[:60]}'을(를) 모든 쪽에 스크립트로 싣습니다. casekit과 테마의 것이 아닌 스크립트는 "
                   "검사할 수 없고, 그 자리에 나중에 놓인 파일이 사이트의 권한으로 실행됩니다 (a script that is not "
                   "casekit's or the theme's, on every page)")
    theme = _get(doc, "theme")
    custom = _get(theme[1], "custom_dir") if theme is not None and isinstance(theme[1], yaml.MappingNode) else None
    if custom is not None and isinstance(custom[1], yaml.ScalarNode):
        problems = custom_dir_problems(root, str(custom[1].value), _docs_dir_of(doc)[0])
        for rel, what in problems:
            if rel is None:
                report(custom[1], "theme.custom_dir", what)
            else:  # (at the file: the link or the stray file is what to remove, not the setting)
                out.append(finding("theme-file-refused", rel, None, None, what=what))
        if root is not None and all(rel is not None for rel, _ in problems):
            out += custom_template_findings(root, str(custom[1].value), doc)
    site_dir = _get(doc, "site_dir")
    if site_dir is not None and isinstance(site_dir[1], yaml.ScalarNode):
        problem = _site_dir_problem(str(site_dir[1].value), _docs_dir_of(doc)[0])
        if problem is not None:
            report(site_dir[1], "site_dir", problem)
    extensions = _get(doc, "markdown_extensions")
    for name in _named(extensions[1] if extensions else None):
        value = str(name.value)
        module = extension_module(value)  # (pymdownx.snippets:SnippetExtension names the module too)
        if module in UNSAFE_EXTENSIONS:
            report(name, f"markdown_extensions: {value}", UNSAFE_EXTENSIONS[module])
        elif value not in SAFE_EXTENSIONS and not value.startswith(SAFE_EXTENSION_PREFIXES):
            report(name, f"markdown_extensions: {value}",
                   "casekit이 모르는 Markdown 확장은 빌드 때 코드를 실행하거나 파일을 읽을 수 있습니다 (an extension casekit "
                   "does not know may run code or read files; Python-Markdown's, pymdownx and Material's are fine)",
                   _typo(value, SAFE_EXTENSIONS))
    for node in extensions[1].value if extensions and isinstance(extensions[1], yaml.SequenceNode) else []:
        # pymdownx.critic in accept or reject mode publishes one side of each {--…--} {++…++} {~~…~>…~~}: text no
        # check reads as it is shown (`박{--가--}영수`, `010-{--9--}1234-5678`); view mode shows both, as check reads
        ext_name, options = next(_items(node), (node, None))
        if isinstance(ext_name, yaml.ScalarNode) and extension_module(str(ext_name.value)) == "pymdownx.critic":
            mode = _get(options, "mode")
            if mode is not None and not (isinstance(mode[1], yaml.ScalarNode) and str(mode[1].value).strip() == "view"):
                report(mode[1], "markdown_extensions: pymdownx.critic: mode", CRITIC_MODE)
    plugins = _get(doc, "plugins")
    for name in _named(plugins[1] if plugins else None):
        if str(name.value) not in SAFE_PLUGINS and str(name.value) not in FETCHING_PLUGINS:
            report(name, f"plugins: {name.value}",
                   "casekit이 아는 플러그인만 쓸 수 있습니다(search, tags, meta): 다른 플러그인은 빌드 때 "
                   "코드를 실행하거나 검사하지 않은 파일을 읽을 수 있습니다 (only plugins casekit knows)",
                   _typo(str(name.value), SAFE_PLUGINS))
    for file_key, file_value in _plugin_paths(plugins[1] if plugins else None):
        if _leaves(str(file_value.value)) or str(file_value.value).strip().startswith("~"):
            report(file_value, f"plugins: {file_key.value}",
                   "플러그인이 사이트 폴더나 docs/ 밖의 파일을 읽거나 씁니다(../ 나 절대 경로): 빌드하는 컴퓨터의 파일을 "
                   "덮어쓰거나 사례 기록을 읽을 수 있습니다. 폴더 안의 이름만 적으세요 (a plugin's file out of the site or "
                   "docs folder: it could overwrite a file of the build machine or read a record)")
    skip = {id(v) for k, v in _items(doc) if k.value in ("plugins", "markdown_extensions")}
    for ext in extensions[1].value if extensions and isinstance(extensions[1], yaml.SequenceNode) else []:
        for node, _ in _all_nodes(ext, set()):  # an option an extension writes into pages (toc's title)
            if isinstance(node, yaml.ScalarNode) and node is not ext and MARKUP.search(str(node.value)):
                report(node, node.value[:40], "이 확장은 이 값을 쪽에 HTML 그대로 넣습니다(스크립트도) (the extension puts "
                                              "this value into pages as HTML, scripts too)")
    for node, published in _all_nodes(doc, skip):
        tag = node.tag or ""
        if tag == _TIMESTAMP and isinstance(node, yaml.ScalarNode) and not _is_date(node):
            out.append(finding("settings-invalid", SETTINGS_FILE, *_at(node), detail=(
                f"YAML이 날짜로 읽는 값인데 달력에 없는 날짜입니다: {node.value[:40]}. 날짜라면 바로잡고, 글이라면 "
                f"따옴표로 감싸세요 (read as a date that does not exist: correct it, or quote it as text)")))
        if tag.startswith(_PY_TAG + "name:") and not is_callback(tag[len(_PY_TAG) + 5:]):
            report(node, tag.replace("tag:yaml.org,2002:", "!!"),
                   "Markdown 확장·pymdownx·Material 확장 모듈이 스스로 정의한 함수만 쓸 수 있습니다. 모듈이 가져온 "
                   "이름(shutil.rmtree 같은)은 빌드 때 파일과 폴더를 지울 수도 있습니다 (only a function a Markdown "
                   "extension, pymdownx or Material extension module defines itself; a name it imports, such as "
                   "shutil.rmtree, may delete files at build time)")
        elif tag.startswith(_PY_TAG) and not tag.startswith(_PY_TAG + "name:"):
            report(node, tag.replace("tag:yaml.org,2002:", "!!"),
                   "MkDocs가 설정을 읽을 때 파이썬 코드를 실행합니다 (runs Python code when MkDocs reads the file)")
        elif tag == "!ENV":
            report(node, "!ENV", "빌드하는 컴퓨터의 환경 변수(비밀번호·토큰이 있을 수 있음)를 사이트에 넣을 수 있습니다 "
                                 "(puts the build machine's environment variables into the site)")
        elif published and isinstance(node, yaml.ScalarNode) and MARKUP.search(node.value):
            report(node, node.value[:40], "HTML 태그는 테마가 모든 쪽에 그대로 넣습니다(스크립트도) (the theme puts HTML "
                                          "here into every page as it is, scripts too)")
        elif published and isinstance(node, yaml.ScalarNode) and _ATTRIBUTE_BREAK.search(node.value):
            report(node, node.value[:40], "따옴표 뒤에 '이름=' 꼴이 있습니다. 테마가 이 값을 태그의 속성 안에 그대로 넣는 곳이 "
                                          "있어, 따옴표가 속성을 닫고 뒤의 글(onfocus= 같은)이 새 속성이 됩니다 (a quote "
                                          "then name=: where the theme puts the value into an attribute, the quote ends "
                                          "it and what follows is an attribute of its own, an event handler too)")
        elif published and isinstance(node, yaml.ScalarNode) and runs_when_followed(node.value):
            report(node, node.value[:40], "javascript:·data: 주소는 테마가 링크로 싣고, 누르면 실행되거나 열립니다 "
                                          "(the theme writes it as a link that runs or opens when followed: the menu, "
                                          "the home link, a social link)")
    return out


def extension_module(name: str) -> str:
    """The module a `markdown_extensions` entry loads: Python-Markdown takes `module:Class` as well as
    `module` (so `pymdownx.snippets:SnippetExtension` is pymdownx.snippets), spaces around either."""
    return name.split(":", 1)[0].strip()


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_ASCII_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def runs_when_followed(value: str) -> bool:
    """Whether a settings value read as an address runs or opens content when followed
    (`javascript:`, `vbscript:`, `data:`), read as a browser reads a link's scheme: leading
    spaces and control characters dropped, tabs and line breaks anywhere, any case."""
    scheme = _ASCII_TAB_OR_NEWLINE.sub("", value.lstrip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                          "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c"
                                                          "\x1d\x1e\x1f \t\n\r")).split(":", 1)
    return len(scheme) == 2 and scheme[0].lower() in ("javascript", "vbscript", "data")


def is_callback(name: str) -> bool:
    """`name` (`pymdownx.superfences.fence_code_format`) is a public function or class that a module
    under SAFE_PYTHON_NAMES defines at its top level."""
    module, _, attr = name.rpartition(".")
    return (name.startswith(SAFE_PYTHON_NAMES) and attr.isidentifier() and not attr.startswith("_")
            and attr in _defined(module))


@functools.lru_cache(maxsize=64)
def _defined(module: str) -> frozenset[str]:
    """The functions and classes `module`'s own source defines at its top level, read as text: the
    module is not imported (its package's top level is only found, not run)."""
    top, *parts = module.split(".")
    if not all(p.isidentifier() for p in (top, *parts)):
        return frozenset()
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return frozenset()
    for base in (spec.submodule_search_locations or []) if spec else []:
        for path in (Path(base, *parts).with_suffix(".py"), Path(base, *parts, "__init__.py")):
            if parts and path.is_file():
                try:
                    tree = ast.parse(path.read_text(encoding="utf-8"))
                except (OSError, SyntaxError, ValueError):
                    return frozenset()
                return frozenset(n.name for n in tree.body
                                 if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
    return frozenset()


def _is_date(node: yaml.ScalarNode) -> bool:
    """Whether a value YAML resolves to a date (`2026-02-30`, unquoted) is one: MkDocs (and the
    build) would stop on it with a Python error."""
    try:
        yaml.constructor.SafeConstructor().construct_yaml_timestamp(node)
    except (ValueError, OverflowError, yaml.YAMLError):
        return False
    return True


# plugin options naming a file whose names do not say so: Material's search reads jieba's dictionaries
_FILE_OPTIONS = frozenset({"jieba_dict", "jieba_dict_user"})


def _plugin_paths(node: yaml.Node | None) -> Iterator[tuple[yaml.ScalarNode, yaml.ScalarNode]]:
    """(option, value) of every plugin option naming a file (`tags: export_file`, `meta: meta_file`,
    `…_file`, `…_dir`, search's `jieba_dict`): the tags plugin wrote its export to `../../../etc/…` as the build's user (a probe)."""
    entries = node.value if isinstance(node, yaml.SequenceNode) else [node] if isinstance(node, yaml.MappingNode) else []
    for entry in entries:
        for _, options in _items(entry):
            for option, value in _items(options):
                if isinstance(option, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode) \
                        and (str(option.value).endswith(("_file", "_dir", "_path")) or str(option.value) in _FILE_OPTIONS):
                    yield option, value


def _named(node: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    """The names of a plugins or markdown_extensions list (each a name, or a one-key mapping of a
    name to its options) or mapping."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            name = item if isinstance(item, yaml.ScalarNode) else next((k for k, _ in _items(item)), None)
            if isinstance(name, yaml.ScalarNode):
                yield name
    else:
        for key, _ in _items(node):
            yield key  # type: ignore[misc]


def _all_nodes(node: yaml.Node, skip: set[int]) -> Iterator[tuple[yaml.Node, bool]]:
    """Every node once, with whether its text is published (not under plugins or markdown_extensions,
    whose options are code settings, not text)."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(node, True)]
    while stack:
        n, published = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        yield n, published
        if isinstance(n, yaml.SequenceNode):
            stack.extend((c, published) for c in reversed(n.value))
        elif isinstance(n, yaml.MappingNode):
            for k, v in reversed(n.value):
                stack.extend(((v, published and id(v) not in skip), (k, published)))


@functools.cache
def _material_templates() -> Path | None:
    """Material's templates folder, when Material is installed (else nothing to compare with)."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).parent / "templates"
    return folder if folder.is_dir() else None


@functools.cache
def _theme_scripts() -> frozenset[str]:
    """The inline scripts of Material's templates, as written: the only ones a template of the
    casebook's own may hold (the build's audit refuses any other on every page it is in)."""
    templates = _material_templates()
    return theme_script_bodies([templates]) if templates is not None else frozenset()


def page_templates(root: Path) -> Path | None:
    """Where a docs page's `template:` and `icon:` are looked for: Material's templates, unless the
    theme is another or has a `custom_dir` of its own (then only a path out of it is judged)."""
    doc, _ = _nodes(Path(os.path.realpath(root)))
    theme = _get(doc, "theme")
    if theme is not None:
        tval = theme[1]
        name = tval if isinstance(tval, yaml.ScalarNode) else (_get(tval, "name") or (None, None))[1]
        if not (isinstance(name, yaml.ScalarNode) and name.value == "material") or _get(tval, "custom_dir") is not None:
            return None
    return _material_templates()


_ICON_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)+")


def _theme_names(doc: yaml.Node) -> list[Finding]:
    """`theme: language` and the `theme: icon` names Material lacks: the generator stopped on
    them with Jinja's TemplateNotFound traceback (`language: kr` for ko), after check passed."""
    theme = _get(doc, "theme")
    templates = _material_templates()
    if theme is None or templates is None:
        return []
    name = _get(theme[1], "name")
    if name is None or not isinstance(name[1], yaml.ScalarNode) or name[1].value != "material":
        return []
    out = []
    language = _get(theme[1], "language")
    if language is not None and isinstance(language[1], yaml.ScalarNode):
        value = str(language[1].value)
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,20}", value) or \
                not (templates / "partials" / "languages" / f"{value}.html").is_file():
            out.append(finding("settings-theme-missing", SETTINGS_FILE, *_at(language[1]), key="theme: language",
                               value=value[:40], hint=" 한국어 사이트는 ko로 적으세요.", hint_en=" A Korean site is ko."))
    for node, key in _icon_names(doc, theme[1]):
        value = str(node.value)
        if "//" in value or ":" in value:
            continue  # (another host's: settings-outside-load says so)
        if not _ICON_NAME.fullmatch(value) or not (templates / ".icons" / f"{value}.svg").is_file():
            out.append(finding("settings-theme-missing", SETTINGS_FILE, *_at(node), key=key, value=value[:60],
                               hint=" Material 아이콘 이름(예: material/library)을 적으세요.",
                               hint_en=" Name one of Material's icons (material/library, say)."))
    return out


def _icon_names(doc: yaml.Node, theme: yaml.Node) -> Iterator[tuple[yaml.ScalarNode, str]]:
    """Every icon name Material includes as `.icons/<name>.svg` (a name it lacks stopped the build with
    Jinja's traceback, check passing: a probe): `theme.icon.*`, each `theme.palette` entry's
    `toggle.icon`, each `extra.social` link's `icon`; with the key to name."""
    icons = _get(theme, "icon")
    for node in _scalars(icons[1], keys=False) if icons is not None else ():
        yield node, "theme: icon"
    palette = _get(theme, "palette")
    schemes = palette[1].value if palette is not None and isinstance(palette[1], yaml.SequenceNode) else \
        [palette[1]] if palette is not None else []
    for scheme in schemes:
        toggle = _get(scheme, "toggle")
        icon = _get(toggle[1], "icon") if toggle is not None else None
        if icon is not None and isinstance(icon[1], yaml.ScalarNode):
            yield icon[1], "theme: palette: toggle: icon"
    extra = _get(doc, "extra")
    social = _get(extra[1], "social") if extra is not None else None
    for link in social[1].value if social is not None and isinstance(social[1], yaml.SequenceNode) else []:
        icon = _get(link, "icon")
        if icon is not None and isinstance(icon[1], yaml.ScalarNode):
            yield icon[1], "extra: social: icon"


def check_site_settings(root: Path) -> list[Finding]:
    """Findings for `mkdocs.yml` settings that load from another host, run code, read files or
    put raw HTML into pages, located at their key."""
    real = Path(os.path.realpath(root))
    doc, out = _nodes(real)
    if (doc is None and not any(f.severity == "error" for f in out)) or (
            doc is not None and not isinstance(doc, yaml.MappingNode)):
        out.append(_not_settings(doc))  # (MkDocs refuses it: "Required configuration not provided", no place)
    if doc is None or not isinstance(doc, yaml.MappingNode):
        return out
    out += _no_site_name(doc)
    aliases = _aliases(real)
    out += _unsafe(doc, aliases, real)
    if not aliases:  # (an alias is refused whatever it names: no bomb walked for names)
        out += _theme_names(doc)
        out += name_findings(doc, real, _docs_dir_of(doc)[0])

    def report(node: yaml.Node, key: str, what: str) -> None:
        out.append(finding("settings-outside-load", SETTINGS_FILE, *_at(node), key=key, what=what))

    theme = _get(doc, "theme")
    if theme is not None:
        tkey, tval = theme
        name = tval if isinstance(tval, yaml.ScalarNode) else (_get(tval, "name") or (None, None))[1]
        material = isinstance(name, yaml.ScalarNode) and name.value == "material"
        font = _get(tval, "font")
        if material and font is None:
            report(tkey, "theme.font", "Google Fonts (font: false가 없음; font: false is missing)")
        elif font is not None and not _false(font[1]):
            report(font[1], "theme.font", "Google Fonts")
        if isinstance(name, yaml.ScalarNode) and name.value in CDN_THEMES:
            report(name, "theme.name", CDN_THEMES[name.value])
        for key in ("logo", "favicon", "icon"):
            entry = _get(tval, key)
            for scalar in _scalars(entry[1]) if entry else ():
                if _URL.match(scalar.value):
                    report(scalar, f"theme.{key}", scalar.value)
    for key in ("extra_javascript", "extra_css"):
        entry = _get(doc, key)
        for scalar in _scalars(entry[1]) if entry else ():
            if _URL.match(scalar.value):
                report(scalar, key, scalar.value)
    site_url = _get(doc, "site_url")
    if site_url is not None and isinstance(site_url[1], yaml.ScalarNode) and site_url[1].value.strip():
        report(site_url[0], "site_url", "모든 쪽에 이 주소로 가는 <link rel=canonical>이 실립니다 (every page "
                                        "links to that host as its canonical address)")
    for key in ("repo_url", "repo_name", "google_analytics"):
        entry = _get(doc, key)
        if entry is not None:
            report(entry[0], key, "저장소 호스트의 API 또는 분석 서비스 (the repository host's API or analytics)")
    extra = _get(doc, "extra")
    alternate = _get(extra[1], "alternate") if extra else None
    for item in alternate[1].value if alternate and isinstance(alternate[1], yaml.SequenceNode) else []:
        link = _get(item, "link")  # (in every page's head: <link rel=alternate href=…>, fetched by some browsers)
        if link is not None and isinstance(link[1], yaml.ScalarNode) and _URL.match(str(link[1].value)):
            report(link[1], "extra.alternate", str(link[1].value)[:60])
    for key in ("analytics", "consent"):
        entry = _get(extra[1], key) if extra else None
        if entry is not None:
            report(entry[0], f"extra.{key}", "분석 서비스 (analytics)")
    plugins = _get(doc, "plugins")
    for pname in _named(plugins[1] if plugins else None):
        if pname.value in FETCHING_PLUGINS:
            report(pname, f"plugins: {pname.value}", FETCHING_PLUGINS[pname.value])
    extensions = _get(doc, "markdown_extensions")
    for node in (extensions[1].value if extensions and isinstance(extensions[1], yaml.SequenceNode) else []):
        ext = node if isinstance(node, yaml.ScalarNode) else next((k for k, _ in _items(node)), None)
        if ext is None or ext.value != "pymdownx.emoji":
            continue
        options = next((v for _, v in _items(node)), None)
        generator = _get(options, "emoji_generator")
        gen = generator[1] if generator else None
        if not (isinstance(gen, yaml.ScalarNode) and gen.tag.endswith(_INLINE_EMOJI) or
                isinstance(gen, yaml.ScalarNode) and gen.value.endswith(_INLINE_EMOJI)):
            report(ext, "markdown_extensions: pymdownx.emoji", "이모지 그림 CDN (emoji images from a CDN; use emoji_generator to_svg)")
    return out
