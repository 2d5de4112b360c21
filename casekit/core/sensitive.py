"""Where x-sensitive values turn up in published text, across the whole casebook.

Every value of an `x-sensitive` field (a client's name, a phone number, a resource's contact
person) is compiled once into one trie-shaped regular expression, so every body and published
field of every record, every resource and every page of `docs/` is scanned in a single pass
each, whatever the number of cases. `casekit check` reports each hit as `sensitive-in-text`;
the site build refuses on the same findings, so the two never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

MIN_LENGTH = 2
TRIE_LENGTH = 64  # longer values are searched one by one: the trie's nesting follows a value's length
_SPACE = re.compile(r"\s+")


def normalize(value: str) -> str:
    return _SPACE.sub(" ", value.strip())


def trie_pattern(words: Iterable[str]) -> str:
    """One regex matching any of `words`, longest first; a space matches any run of white space."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)


class SensitiveIndex:
    """Finds any of many values in text, ignoring case and the width of white space."""

    def __init__(self, needles: Iterable[tuple[str, str, str]]) -> None:
        """needles: (value, source file, field name)."""
        self.sources: dict[str, set[tuple[str, str]]] = {}
        for value, src, field in needles:
            norm = normalize(value)
            if len(norm) >= MIN_LENGTH:
                self.sources.setdefault(norm.casefold(), set()).add((src, field))
        words = sorted((w for w in self.sources if len(w) <= TRIE_LENGTH), key=len, reverse=True)
        self.pattern = re.compile(trie_pattern(words), re.IGNORECASE) if words else None
        self.long = [
            (w, re.compile(r"\s+".join(re.escape(part) for part in w.split(" ")), re.IGNORECASE))
            for w in self.sources
            if len(w) > TRIE_LENGTH
        ]

    def __bool__(self) -> bool:
        return self.pattern is not None or bool(self.long)

    def finditer(self, text: str) -> Iterator[tuple[int, set[tuple[str, str]]]]:
        """(offset, {(source, field)}) for each value found in `text`."""
        if not text:
            return
        if self.pattern is not None:
            for m in self.pattern.finditer(text):
                sources = self.sources.get(normalize(m.group(0)).casefold())
                if sources:
                    yield m.start(), sources
        for word, pattern in self.long:
            for m in pattern.finditer(text):
                yield m.start(), self.sources[word]
