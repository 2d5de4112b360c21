"""A YAML alias bomb in a docs/ page's front matter: the plugin's escape_meta stays linear."""

from __future__ import annotations

import time

import yaml

from casekit.mkdocs_plugin.guard import escape_meta

LEVELS = "abcdefghi"


def bomb(levels: int = 9) -> str:
    """Front matter of `levels` lists of nine aliases of the list before (9**levels strings)."""
    lines = ["---", "title: 안내", 'a: &a ["<x>","x","x","x","x","x","x","x","x"]']
    for prev, name in zip(LEVELS, LEVELS[1:levels], strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n---\n# 안내\n"


def test_escape_meta_escapes_a_shared_list_once() -> None:
    meta = yaml.load(bomb().split("---\n")[1], Loader=yaml.SafeLoader)  # as MkDocs loads it: aliases shared
    started = time.perf_counter()
    out = escape_meta(meta)
    assert time.perf_counter() - started < 0.5  # (was 9x a level: hours at nine levels)
    assert out["a"][0] == "&lt;x&gt;" and out["i"][0][0][0][0][0][0][0][0][0] == "&lt;x&gt;"
    assert out["i"][0] is out["i"][1]  # shared as it was loaded, not copied out
    assert meta["a"][0] == "<x>"  # the page's own values untouched


def test_escape_meta_keeps_a_list_that_holds_itself() -> None:
    meta = yaml.load("loop: &l [\"<b>\", *l]\n", Loader=yaml.SafeLoader)
    out = escape_meta(meta)
    assert out["loop"][0] == "&lt;b&gt;" and out["loop"][1] is out["loop"]
    assert escape_meta({"t": ("<i>", 1, None)}) == {"t": ["&lt;i&gt;", 1, None]}
