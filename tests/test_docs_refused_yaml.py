"""A YAML alias bomb in a docs/ page's front matter (or in the `meta` plugin's file): check refuses
it where it is written, and the plugin's escape_meta stays linear if one is reached (see
fixtures/docs-refused)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from casekit.core.casebook import check
from casekit.core.docs import front_matter_refused, scan_docs
from casekit.core.site_settings import meta_file
from casekit.mkdocs_plugin.guard import escape_meta
from casekit.site.build import Refused, build

LEVELS = "abcdefghi"


def bomb(levels: int = 9) -> str:
    """Front matter of `levels` lists of nine aliases of the list before (9**levels strings)."""
    lines = ["---", "title: 안내", 'a: &a ["<x>","x","x","x","x","x","x","x","x"]']
    for prev, name in zip(LEVELS, LEVELS[1:levels], strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n---\n# 안내\n"


def test_escape_meta_escapes_a_shared_list_once() -> None:
    meta = yaml.load(bomb().split("---\n")[1], Loader=yaml.SafeLoader)  # as MkDocs loads it: aliases shared
    started = time.process_time()
    out = escape_meta(meta)
    assert time.process_time() - started < 0.5  # (was 9x a level: hours at nine levels)
    assert out["a"][0] == "&lt;x&gt;" and out["i"][0][0][0][0][0][0][0][0][0] == "&lt;x&gt;"
    assert out["i"][0] is out["i"][1]  # shared as it was loaded, not copied out
    assert meta["a"][0] == "<x>"  # the page's own values untouched


def test_escape_meta_keeps_a_list_that_holds_itself() -> None:
    meta = yaml.load("loop: &l [\"<b>\", *l]\n", Loader=yaml.SafeLoader)
    out = escape_meta(meta)
    assert out["loop"][0] == "&lt;b&gt;" and out["loop"][1] is out["loop"]
    assert escape_meta({"t": ("<i>", 1, None)}) == {"t": ["&lt;i&gt;", 1, None]}


def test_front_matter_aliases_and_tags_at_their_place() -> None:
    started = time.process_time()
    found = front_matter_refused(bomb(), "docs/bomb.md")
    assert time.process_time() - started < 0.5
    assert [(f.code, f.line, f.column) for f in found][:3] == [("yaml-alias", 3, 4), ("yaml-alias", 4, 4),
                                                                ("yaml-alias", 4, 8)]
    assert len(found) == 10  # (at most MAX_SAME_FINDINGS of one code)
    assert "직접 적으세요" in found[0].message_ko and found[0].severity == "error"
    tagged = front_matter_refused("---\nok: !!str 글\nx: !!binary aGk=\ny: !!python/name:os.system\n---\n", "d.md")
    assert [(f.code, f.line, f.column) for f in tagged] == [("yaml-tag", 3, 4), ("yaml-tag", 4, 4)]
    assert "!!binary" in tagged[0].message_ko
    # plain front matter, a body's `*`/`&`/`!` and a front matter MkDocs does not read are not judged
    assert front_matter_refused("---\ntitle: 안내 & 참고!\n---\n*강조* &a *a\n", "d.md") == []
    assert front_matter_refused("# 제목\n---\na: &a [*a]\n---\n", "d.md") == []


def test_a_page_with_an_alias_bomb_is_refused_and_not_built(sample: Path) -> None:
    (sample / "docs/bomb.md").write_text(bomb(), encoding="utf-8")
    started = time.perf_counter()
    report = check(sample)
    assert time.perf_counter() - started < 60
    found = [(f.code, f.line, f.column, f.severity) for f in report.findings if f.path == "docs/bomb.md"]
    assert found[0] == ("yaml-alias", 3, 4, "error") and len([c for c, *_ in found if c == "yaml-alias"]) == 10
    assert "docs/bomb.md" not in [rel for rel, _ in scan_docs(sample).pages]  # never handed to MkDocs either
    with pytest.raises(Refused, match="yaml-alias"):
        build(sample, sample.parent / "site")


def test_the_meta_plugins_file_is_read_as_a_page_front_matter(sample: Path) -> None:
    settings = sample / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert meta_file(sample) is None
    settings.write_text(text.replace("  - casekit\n", "  - casekit\n  - meta\n"), encoding="utf-8")
    assert meta_file(sample) == ".meta.yml"
    (sample / "docs/.meta.yml").write_text("a: &a [x, x]\nb: [*a, *a]\n", encoding="utf-8")
    (sample / "docs/defaults.md").write_text("c: !!python/object/apply:os.system [true]\n", encoding="utf-8")
    found = [(f.path, f.code, f.line, f.column) for f in check(sample).findings if f.code.startswith("yaml-")]
    assert found == [("docs/.meta.yml", "yaml-alias", 1, 4), ("docs/.meta.yml", "yaml-alias", 2, 5),
                     ("docs/.meta.yml", "yaml-alias", 2, 9)]
    # another file named as the plugin's: read whole, as the plugin reads it
    settings.write_text(text.replace("  - casekit\n", "  - casekit\n  - material/meta:\n      meta_file: defaults.md\n"),
                        encoding="utf-8")
    assert meta_file(sample) == "defaults.md"
    found = [(f.path, f.code, f.line, f.column) for f in check(sample).findings if f.code.startswith("yaml-")]
    assert found == [("docs/defaults.md", "yaml-tag", 1, 4)]
    settings.write_text(text.replace("  - casekit\n", "  - casekit\n  - meta:\n      enabled: false\n"), encoding="utf-8")
    assert meta_file(sample) is None
