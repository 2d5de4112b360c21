"""Which `{% if %}` branches of a theme's template the casebook's settings turn off: a template's
text with those branches blanked, so `casekit check` judges only what may reach a page.

Material's `base.html` writes its Google Fonts `<link>`s inside `{% if config.theme.font != false %}`;
the casebook's `mkdocs.yml` sets `font: false`, so a copy of that template in `theme.custom_dir`
puts no such link on any page, and check must not refuse it. A branch is left out only when its
condition can be decided from the settings alone, as Jinja would decide it:

- `config.theme` is the casebook's `theme:` over Material's own defaults (its `mkdocs_theme.yml`, as
  MkDocs merges them), `config.extra` the casebook's `extra:`; any other `config.…`, a key the
  settings do not hold, and any name but `config` are not known (the branch may be written);
- a name the theme's templates `{% set %}` once, to a value of the settings alone (Material's
  `{% set features = config.theme.features or [] %}`), is that value or undefined where it is read:
  a condition on it is decided only when both give the same answer;
- an expression of anything else (a call, a filter but `default`/`length`, page or nav values) is
  not known: the branch is judged as if it were written.

A branch holding a `{% block %}` is kept (`self.name()` renders a block anywhere), and when the
template's `{% if %}`s are not read as Jinja reads them (its own parser is asked), or the template
has a syntax error, nothing is left out. Positions are kept: every character of a branch left out
becomes a space, its newlines stay.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

UNKNOWN: Any = object()  # a value the settings alone do not decide
_UNDEFINED: Any = object()  # a name read before anything set it (Jinja's Undefined)
_OPEN = re.compile(r"\{[%#{]")
_IN_TAG = re.compile(r"""["']|%\}|\}\}""")
_KEYWORD = re.compile(r"\s*([A-Za-z_]+)")
_NOT_NEWLINE = re.compile(r"[^\n]")
_END_RAW = re.compile(r"\{%[-+]?\s*endraw\s*[-+]?%\}")
# Jinja's statements that end with `end<name>` (a `set` without "=" too)
_PAIRED = frozenset({"for", "if", "block", "macro", "call", "filter", "with", "autoescape", "trans"})
# what MkDocs puts in a template's context (a template's `{% set %}` of one of these is not its only value)
_CONTEXT = frozenset({"config", "page", "nav", "base_url", "extra_css", "extra_javascript", "mkdocs_version",
                      "build_date_utc", "pages", "toc", "meta", "lang", "self", "super", "loop", "caller",
                      "varargs", "kwargs", "namespace", "range", "lipsum", "dict", "cycler", "joiner"})
_TESTS = {"defined": lambda v: True, "none": lambda v: v is None, "mapping": lambda v: isinstance(v, dict),
          "string": lambda v: isinstance(v, str), "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
          "sequence": lambda v: isinstance(v, (list, tuple, str, dict)),
          "iterable": lambda v: isinstance(v, (list, tuple, str, dict)),
          "true": lambda v: v is True, "false": lambda v: v is False, "boolean": lambda v: isinstance(v, bool)}
MAX_CONDITION = 2000  # a condition longer than this is not read (it is not known)
MAX_BRANCHES = 2000  # a template with more `{% if %}`/`{% elif %}` is judged whole (Material's base.html has 33)


def settings_context(theme: Any, extra: Any, defaults: dict[str, Any] | None) -> dict[str, Any]:
    """`config` as a template sees what the casebook's settings decide of it: `theme` (the
    `theme:` value of mkdocs.yml) over `defaults` (Material's mkdocs_theme.yml: another theme's
    are not known) and `extra`; UNKNOWN for what is not plain data."""
    if isinstance(theme, str):
        theme = {"name": theme}
    merged = {**defaults, **theme} if isinstance(theme, dict) and theme.get("name") == "material" and defaults else UNKNOWN
    return {"theme": merged, "extra": extra if isinstance(extra, dict) else UNKNOWN}


@functools.cache
def material_defaults(templates: Path) -> dict[str, Any] | None:
    """Material's own theme settings (mkdocs_theme.yml), which MkDocs puts under the casebook's."""
    import yaml

    try:
        data = yaml.safe_load((templates / "mkdocs_theme.yml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) else None


# -- the names the theme's templates set --------------------------------------------------------

def bindings(texts: Iterable[str]) -> tuple[dict[str, list[Any]], frozenset[str]]:
    """(name -> the expressions `{% set name = … %}` gives it, names bound any other way: a loop's,
    a macro's, an import's, a `{% set %}` of several or of a block) over the templates `texts`; a
    template Jinja cannot parse makes every name unknown ("*" among the second)."""
    import jinja2
    from jinja2 import nodes

    env = jinja2.Environment()
    sets: dict[str, list[Any]] = {}
    other: set[str] = set()
    for text in texts:
        try:
            tree = env.parse(text)
        except (jinja2.TemplateSyntaxError, RecursionError, ValueError):
            return {}, frozenset({"*"})
        targets = set()
        for node in tree.find_all(nodes.Assign):
            if isinstance(node.target, nodes.Name):
                sets.setdefault(node.target.name, []).append(node.node)
                targets.add(id(node.target))
        for bound in tree.find_all((nodes.Name, nodes.Import, nodes.FromImport)):
            if isinstance(bound, nodes.Name) and bound.ctx in ("store", "param") and id(bound) not in targets:
                other.add(bound.name)
            elif isinstance(bound, nodes.Import):
                other.add(bound.target)
            elif isinstance(bound, nodes.FromImport):
                other.update(n if isinstance(n, str) else n[1] for n in bound.names)
    return sets, frozenset(other)


@functools.cache
def theme_bindings(templates: Path) -> tuple[dict[str, list[Any]], frozenset[str]]:
    """`bindings` of a theme's own templates (Material's), read once a process."""
    texts = []
    for path in sorted(templates.rglob("*.html")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return bindings(texts)


def known_names(found: Iterable[tuple[dict[str, list[Any]], frozenset[str]]], config: dict[str, Any]) -> dict[str, Any]:
    """The names the templates set (`found`: their `bindings`) only with `{% set name = … %}`, each
    time to the same value of the settings alone: their value."""
    sets: dict[str, list[Any]] = {}
    other: set[str] = set()
    for named, bound in found:
        for name, exprs in named.items():
            sets.setdefault(name, []).extend(exprs)
        other |= bound
    if "*" in other:
        return {}
    out: dict[str, Any] = {}
    for name, exprs in sets.items():
        if name in _CONTEXT or name in other:
            continue
        values = [_value(e, {"config": config}) for e in exprs]
        if all(v is not UNKNOWN for v in values) and all(v == values[0] for v in values):
            out[name] = values[0]
    return out


# -- a condition --------------------------------------------------------------------------------

def _value(node: Any, names: dict[str, Any]) -> Any:
    """What a Jinja expression evaluates to from `names`, or UNKNOWN."""
    from jinja2 import nodes

    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items = [_value(i, names) for i in node.items]
        if any(i is UNKNOWN or i is _UNDEFINED for i in items):
            return UNKNOWN
        return items if isinstance(node, nodes.List) else tuple(items)
    if isinstance(node, nodes.Name):
        return names.get(node.name, UNKNOWN)
    if isinstance(node, (nodes.Getattr, nodes.Getitem)):
        base = _value(node.node, names)
        key = node.attr if isinstance(node, nodes.Getattr) else _value(node.arg, names)
        if isinstance(base, dict) and isinstance(key, str) and key in base and not hasattr(dict, key):
            return base[key]
        return UNKNOWN
    if isinstance(node, nodes.Not):
        truth = _truth(node.node, names)
        return UNKNOWN if truth is None else not truth
    if isinstance(node, (nodes.And, nodes.Or)):
        left = _value(node.left, names)
        if left is UNKNOWN:
            return UNKNOWN
        if isinstance(node, nodes.And):
            return left if not _bool(left) else _value(node.right, names)
        return left if _bool(left) else _value(node.right, names)
    if isinstance(node, nodes.Compare):
        return _compare(node, names)
    if isinstance(node, nodes.Test):
        return _test(node, names)
    if isinstance(node, nodes.Filter) and node.node is not None:
        return _filter(node, names)
    if isinstance(node, nodes.CondExpr):
        truth = _truth(node.test, names)
        if truth is None or (not truth and node.expr2 is None):
            return UNKNOWN
        return _value(node.expr1 if truth else node.expr2, names)
    return UNKNOWN


def _bool(value: Any) -> bool:
    return False if value is _UNDEFINED else bool(value)


def _truth(node: Any, names: dict[str, Any]) -> bool | None:
    """Whether a condition holds (None: not known); `a and b` is false when either is."""
    from jinja2 import nodes

    if isinstance(node, (nodes.And, nodes.Or)):
        left, right = _truth(node.left, names), _truth(node.right, names)
        if isinstance(node, nodes.And):
            return False if False in (left, right) else True if left is True and right is True else None
        return True if True in (left, right) else False if left is False and right is False else None
    if isinstance(node, nodes.Not):
        inner = _truth(node.node, names)
        return None if inner is None else not inner
    value = _value(node, names)
    return None if value is UNKNOWN else _bool(value)


_OPS = {"eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "in": lambda a, b: a in b,
        "notin": lambda a, b: a not in b, "lt": lambda a, b: a < b, "gt": lambda a, b: a > b,
        "lteq": lambda a, b: a <= b, "gteq": lambda a, b: a >= b}


def _compare(node: Any, names: dict[str, Any]) -> Any:
    left = _value(node.expr, names)
    for operand in node.ops:
        right = _value(operand.expr, names)
        if left is UNKNOWN or right is UNKNOWN or operand.op not in _OPS:
            return UNKNOWN
        if _UNDEFINED in (left, right):  # (Undefined equals only Undefined, holds nothing, is in nothing)
            if operand.op in ("eq", "ne"):
                same = left is right
                held: Any = same if operand.op == "eq" else not same
            elif operand.op in ("in", "notin") and right is _UNDEFINED and left is not _UNDEFINED:
                held = operand.op == "notin"
            else:
                return UNKNOWN
        else:
            try:
                held = _OPS[operand.op](left, right)
            except TypeError:
                return UNKNOWN
        if not held:
            return False
        left = right
    return True


def _test(node: Any, names: dict[str, Any]) -> Any:
    value = _value(node.node, names)
    if node.name == "defined" and value is _UNDEFINED:
        return False
    if node.name == "undefined" and value is not UNKNOWN:
        return value is _UNDEFINED
    if value is UNKNOWN or value is _UNDEFINED or node.name not in _TESTS or node.args or node.kwargs:
        return UNKNOWN
    return _TESTS[node.name](value)


def _filter(node: Any, names: dict[str, Any]) -> Any:
    value = _value(node.node, names)
    if value is UNKNOWN or node.kwargs or node.dyn_args or node.dyn_kwargs:
        return UNKNOWN
    if node.name in ("d", "default"):
        args = [_value(a, names) for a in node.args]
        if not args or any(a is UNKNOWN for a in args):
            return UNKNOWN
        boolean = len(args) > 1 and _bool(args[1])
        return args[0] if value is _UNDEFINED or (boolean and not _bool(value)) else value
    if node.name in ("length", "count") and not node.args and isinstance(value, (list, tuple, str, dict)):
        return len(value)
    return UNKNOWN


@functools.lru_cache(maxsize=1024)
def _condition(text: str) -> Any:
    """The expression of `{% if text %}` (Jinja's own parser), or None."""
    import jinja2

    if len(text) > MAX_CONDITION:
        return None
    try:
        tree = jinja2.Environment().parse("{% if " + text + " %}{% endif %}")
    except (jinja2.TemplateSyntaxError, RecursionError, ValueError):
        return None
    return tree.body[0].test if len(tree.body) == 1 and isinstance(tree.body[0], jinja2.nodes.If) else None


def decided(text: str, config: dict[str, Any], known: Callable[[], dict[str, Any]]) -> bool | None:
    """Whether `{% if text %}` holds from the settings (None: not known). A name of `known()` (asked
    only when the condition reads a name but `config`) is read both as its value and as undefined:
    known only when both agree."""
    expr = _condition(text)
    if expr is None:
        return None
    from jinja2 import nodes

    used = {n.name for n in expr.find_all(nodes.Name)} - {"config"}
    values = known() if used else {}
    used &= values.keys()
    names = {"config": config, **values}
    first = _truth(expr, names)
    if first is None or not used:
        return first
    return first if _truth(expr, {**names, **{n: _UNDEFINED for n in used}}) == first else None


# -- a template's text ----------------------------------------------------------------------------

def _tags(text: str) -> Iterator[tuple[int, int, int, str, str]] | None:
    """(start, end, where its keyword is, keyword, the rest) of each `{% %}` tag of `text` in order,
    Jinja's comments and `{{ }}` passed over, a `{% raw %}` read to its end; None when a tag, a
    comment or a string in one is not closed."""
    out = []
    at = 0
    while (m := _OPEN.search(text, at)) is not None:
        kind = text[m.start() + 1]
        if kind == "#":
            end = text.find("#}", m.end())
            if end < 0:
                return None
            at = end + 2
            continue
        closer = "%}" if kind == "%" else "}}"
        pos = m.end()
        while True:
            n = _IN_TAG.search(text, pos)
            if n is None:
                return None
            if n.group() in ("'", '"'):
                close = text.find(n.group(), n.end())
                if close < 0:
                    return None
                pos = close + 1
                continue
            if n.group() != closer:
                pos = n.end()
                continue
            break
        at = n.end()
        if kind == "{":
            continue
        inner = text[m.end():n.start()]
        body = inner[1:] if inner[:1] in "-+" else inner
        body = body[:-1] if body[-1:] in "-+" else body
        word = _KEYWORD.match(body)
        keyword = word.group(1) if word else ""
        start_of_word = m.end() + (len(inner) - len(inner.lstrip("-+").lstrip()) if word else 0)
        rest = body[word.end():] if word else body
        out.append((m.start(), n.end(), start_of_word, keyword, rest))
        if keyword == "raw":
            end_raw = _END_RAW.search(text, at)
            if end_raw is None:
                return None
            at = end_raw.end()
    return iter(out)


def _jinja_ifs(text: str) -> list[int] | None:
    """The lines of each `if` and `elif` as Jinja's parser reads them, in order; None on its error."""
    import jinja2
    from jinja2 import nodes

    try:
        tree = jinja2.Environment().parse(text)
    except (jinja2.TemplateSyntaxError, RecursionError, ValueError):
        return None
    return [n.lineno for n in tree.find_all(nodes.If)]


def branches_off(text: str, config: dict[str, Any], known: Callable[[], dict[str, Any]]) -> str:
    """`text` with each `{% if %}` / `{% elif %}` / `{% else %}` branch the settings turn off made
    spaces (its newlines kept); `text` itself when its `{% if %}`s are not read as Jinja reads them."""
    if "{%" not in text:
        return text
    tags = _tags(text)
    if tags is None:
        return text
    stack: list[list[Any]] = []  # [keyword, taken, branch start, branch off, branch holds a block]
    off: list[tuple[int, int]] = []
    lines: list[int] = []
    line, counted = 1, 0

    def close(frame: list[Any], at: int) -> None:
        if frame[3] and not frame[4]:
            off.append((frame[2], at))

    def open_branch(frame: list[Any], condition: str | None, end: int) -> None:
        truth = None if condition is None else decided(condition, config, known)
        frame[2], frame[4] = end, False
        if frame[1]:
            frame[3] = True
        elif condition is None:  # (else)
            frame[3] = False
        else:
            frame[3] = truth is False
            frame[1] = truth is True

    for start, end, word_at, keyword, rest in tags:
        if keyword in ("if", "elif"):
            cond_at = word_at + len(keyword)
            cond_at += len(text[cond_at:end]) - len(text[cond_at:end].lstrip())
            where = word_at if keyword == "if" else cond_at
            line += text.count("\n", counted, where)  # (the tags in order: each newline counted once)
            counted = where
            lines.append(line)
            if len(lines) > MAX_BRANCHES:
                return text
        if keyword == "if":
            frame: list[Any] = ["if", False, end, False, False]
            stack.append(frame)
            open_branch(frame, rest, end)
        elif keyword in ("elif", "else") and stack and stack[-1][0] == "if":
            frame = stack[-1]
            close(frame, start)
            open_branch(frame, rest if keyword == "elif" else None, end)
        elif keyword == "else" and stack and stack[-1][0] == "for":
            pass
        elif keyword.startswith("end") and keyword[3:] in _PAIRED | {"set"}:
            if not stack or stack[-1][0] != keyword[3:]:
                return text
            frame = stack.pop()
            if frame[0] == "if":
                close(frame, start)
        elif keyword in _PAIRED or (keyword == "set" and "=" not in rest):
            stack.append([keyword, False, end, False, False])
        elif keyword in ("elif", "else"):
            return text
        if keyword == "block":
            for frame in stack:
                frame[4] = True
    if stack or not off or _jinja_ifs(text) != lines:
        return text
    parts, at = [], 0
    for a, b in sorted(off):
        if a < at:
            continue
        parts += [text[at:a], _NOT_NEWLINE.sub(" ", text[a:b])]
        at = b
    return "".join(parts) + text[at:]
