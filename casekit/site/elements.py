"""A page's elements as a browser builds them, for the audit (`casekit.site.audit`).

The page is parsed by lexbor (through selectolax), an HTML5 parser: the tokenizer and the tree
construction as the standard writes them, as Chromium and Firefox parse. What it gives is every
distinct element, its name and its attributes in order (values decoded), the content of every
`<template>` included.

Tree construction is not linear in every page: for many start tags (`<div>`, `<ul>`, `<p>` …)
the standard looks down the stack of open elements, so a page of `<div>` nested 100,000 deep
takes seconds, and a million minutes. A page of casekit's is never nested more than a few dozen
deep, but a page changed after its build may be anything. A page of at most `INLINE` characters
is parsed here (at most ~1 s however nested); a longer one too when `nesting_bound` says it
cannot nest deeper than `SHALLOW` and it is at most `LARGE`; any other page is parsed in a child
process given `SECONDS` (and 4 GiB), so no page holds the audit longer. A page that runs out of
either is None: the audit says it could not read it.

    python -m casekit.site.elements < page.html     # the child: JSON of the elements
"""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import sys

from selectolax.lexbor import LexborHTMLParser, LexborNode

Element = tuple[str, tuple[tuple[str, "str | None"], ...]]  # (name, its attributes in order)
INLINE = 128 * 1024  # characters: a page this long or shorter takes at most ~1 s however nested
SHALLOW = 1000  # a longer page nested at most this deep (by nesting_bound) is parsed here too ...
LARGE = 8 * 2**20  # ... up to this many characters
SECONDS = 60
MEMORY = 4 * 2**30
# every tag, end tags with their "/" (what a comment or a script holds too: the bound only grows)
_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)")
# elements never on the stack of open elements (HTML's void elements)
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr", "param", "keygen", "basefont", "bgsound", "frame", "image"})


def elements(page: str) -> set[Element] | None:
    """Every distinct element of `page` as a browser builds it; None when it could not be read
    in the time and memory given (only a page longer than INLINE can run out)."""
    if len(page) <= INLINE or (len(page) <= LARGE and nesting_bound(page) <= SHALLOW):
        return parse(page)
    try:
        done = subprocess.run([sys.executable, "-P", "-m", "casekit.site.elements"], input=page.encode("utf-8", "replace"),
                              capture_output=True, timeout=SECONDS, check=False)
    except (subprocess.TimeoutExpired, OSError):
        return None
    if done.returncode != 0:
        return None
    try:
        return {(name, tuple((key, value) for key, value in attrs)) for name, attrs in json.loads(done.stdout)}
    except (ValueError, TypeError):
        return None


def nesting_bound(page: str) -> int:
    """How deep the page's elements may nest, read cheaply and on the high side: every start tag
    but a void element's opens one (a self-closed `<div/>` too, as the parser takes it), an end tag
    closes one only when it names the one opened last. The parser closes more (implied end tags,
    `</div>` closing what it holds) and opens what no tag names only around tables and for
    formatting it reopens (`<b>`), each a few to a tag."""
    stack: list[str] = []
    deepest = 0
    for m in _TAG.finditer(page):
        name = m.group(2).lower()
        if m.group(1):
            if stack and stack[-1] == name:
                stack.pop()
        elif name not in VOID:
            stack.append(name)
            if len(stack) > deepest:
                deepest = len(stack)
    return deepest


def closed_elements(fragment: str, then: str = "") -> set[Element] | None:
    """The elements of `fragment`, a composed page's content, as a browser builds them in a page's
    body, when a browser that reads it there is back where it began once it has read it: in the
    body's text, with no element, comment, tag or raw text left open. The fragment is parsed
    after `<!doctype html><body>` and followed by an element of a name of its own with a random
    id, which must come out as the body's last child, with that id alone (anything left open
    would take it in: a `<div>` or `<b>` as its child, a comment or `<textarea>` as text, `<a
    title="` as an attribute, `<table>` or `<select>` elsewhere or not at all). `then`: the white
    space that follows the fragment in its page, before a start tag (the element stands in for
    that tag), read after it here too. None when it is not closed, or when the fragment is longer
    than `elements` parses in this process."""
    if then.strip(" \t\n\r\f"):
        raise ValueError("only white space may follow a fragment before its end")
    if not (len(fragment) <= INLINE or (len(fragment) <= LARGE and nesting_bound(fragment) <= SHALLOW)):
        return None
    token = secrets.token_hex(8)
    tree = LexborHTMLParser(f"<!doctype html><body>{fragment}{then}<{_SENTINEL} id={token}></{_SENTINEL}>")
    last = tree.body.last_child if tree.body is not None else None
    if last is None or last.tag != _SENTINEL or last.attributes != {"id": token}:
        return None
    out = _collect(tree.root)
    out.discard((_SENTINEL, (("id", token),)))
    return out


_SENTINEL = "ck-end-of-content"


def parse(page: str) -> set[Element]:
    return _collect(LexborHTMLParser(page).root)


def _collect(root: LexborNode | None) -> set[Element]:
    out: set[Element] = set()
    bare: set[str] = set()  # the names of elements without attributes
    roots = [root] if root is not None else []
    while roots:
        for node in roots.pop().traverse():
            name = node.tag or ""
            if name == "template":  # (its content is a fragment apart from the tree)
                roots += node.template_fragments()
            attributes = node.attributes
            if attributes:
                out.add((name, tuple(attributes.items())))
            else:
                bare.add(name)
    out.update((name, ()) for name in bare)
    return out


def main() -> int:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not on this platform
        pass
    page = sys.stdin.buffer.read().decode("utf-8", "replace")
    json.dump(list(parse(page)), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
