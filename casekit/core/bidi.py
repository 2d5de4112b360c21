"""Text in the order a browser draws it, where it holds right-to-left characters.

A right-to-left letter (Hebrew, Arabic, Syriac, Thaana, NKo … and their presentation forms), the marks
RLM and ALM, or Arabic digits make the digits and the marks between them that follow lay out right to
left: `\u200f1001_0000_010` and `\u05d0 1001 0000 010` are drawn `010_0000_1001` and `010 0000 1001 \u05d0`,
so a number written backwards is shown the right way round, and every check of what is written read
it backwards. A record may hold such letters (a client's name in Arabic script) and such marks (phones
paste U+200E and U+200F around a number), so the guards also read each paragraph that holds one in
the order it is drawn (`displayed`), by the rules of the Unicode Bidirectional Algorithm (UAX #9) for
a left-to-right paragraph, as casekit's pages are: the weak types (W1-W7), the neutrals (N1, N2), the
levels (I1) and their reversal (L1, L2). Left out, as casekit refuses what they read: the explicit
embeddings, overrides and isolates (`bidi-control`: read here as the strong type they open), and
bracket pairs (N0: a bracket is read as any other neutral). A paragraph is a text's run between blank
lines (a page shows a single line break as a space); a text without any right-to-left character
costs one scan (`RTL_RE`).
"""

from __future__ import annotations

import re
import unicodedata

# what makes a paragraph hold right-to-left text: every character whose bidirectional type is R, AL or
# AN, or the embedding, override and isolate that open right-to-left (tests/test_bidi.py recomputes it)
RTL_RE = re.compile("[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufefe"
                    "\U00010800-\U00010fff\U0001e800-\U0001efff]")
# between paragraphs: a blank line, or the NUL of the texts searched together (sensitive.TEXT_BREAK)
_PARAGRAPH = re.compile(r"\n[ \t\x00]*\n|\x00")
_STRONG = {"L": "L", "LRE": "L", "LRO": "L", "LRI": "L", "R": "R", "RLE": "R", "RLO": "R", "RLI": "R", "AL": "AL"}
_NEUTRAL = frozenset(("B", "S", "WS", "ON"))


def _types(paragraph: str) -> list[str]:
    """The bidirectional type of each character, the explicit controls read as the strong type they
    open (or a neutral: PDF, PDI, FSI), a line break as white space, an unassigned character as L."""
    out = []
    for ch in paragraph:
        kind = unicodedata.bidirectional(ch)
        out.append("WS" if ch == "\n" else _STRONG.get(kind, "ON" if kind in ("PDF", "PDI", "FSI") else kind or "L"))
    return out


def _levels(paragraph: str) -> list[int]:
    """The embedding level of each character of a left-to-right paragraph (0, 1 or 2)."""
    types = _types(paragraph)
    kept = [i for i, t in enumerate(types) if t != "BN"]  # (X9: drawn as nothing, read past)
    t = [types[i] for i in kept]
    n = len(t)
    for k in range(n):  # W1: a mark takes the type of what it is drawn on
        if t[k] == "NSM":
            t[k] = t[k - 1] if k else "L"
    strong = "L"
    for k in range(n):  # W2: digits after Arabic letters are Arabic numbers; W3: AL is R
        if t[k] in ("L", "R", "AL"):
            strong = t[k]
        elif t[k] == "EN" and strong == "AL":
            t[k] = "AN"
    t = ["R" if x == "AL" else x for x in t]
    for k in range(1, n - 1):  # W4: one separator between two numbers of a kind joins them
        if t[k] == "ES" and t[k - 1] == "EN" and t[k + 1] == "EN":
            t[k] = "EN"
        elif t[k] == "CS" and t[k - 1] == t[k + 1] and t[k - 1] in ("EN", "AN"):
            t[k] = t[k - 1]
    k = 0
    while k < n:  # W5: a run of terminators beside a European number is one
        if t[k] == "ET":
            end = k
            while end < n and t[end] == "ET":
                end += 1
            if (k and t[k - 1] == "EN") or (end < n and t[end] == "EN"):
                t[k:end] = ["EN"] * (end - k)
            k = end
        else:
            k += 1
    t = ["ON" if x in ("ES", "ET", "CS") else x for x in t]  # W6
    strong = "L"
    for k in range(n):  # W7: European digits after left-to-right text are left to right
        if t[k] in ("L", "R"):
            strong = t[k]
        elif t[k] == "EN" and strong == "L":
            t[k] = "L"
    k = 0
    while k < n:  # N1, N2: neutrals between two of a direction take it (numbers count as R), else L
        if t[k] in _NEUTRAL:
            end = k
            while end < n and t[end] in _NEUTRAL:
                end += 1
            before = "L" if k == 0 else ("R" if t[k - 1] in ("R", "EN", "AN") else "L")
            after = "L" if end == n else ("R" if t[end] in ("R", "EN", "AN") else "L")
            t[k:end] = [before if before == after else "L"] * (end - k)
            k = end
        else:
            k += 1
    levels = [0] * len(paragraph)
    for k, i in enumerate(kept):  # I1
        levels[i] = 1 if t[k] == "R" else 2 if t[k] in ("EN", "AN") else 0
    for i, kind in enumerate(types):  # (X9's characters: the level of the one before them)
        if kind == "BN":
            levels[i] = levels[i - 1] if i else 0
    # L1: a tab, a line's end, and the white space before either, at the paragraph's level
    k = len(paragraph)
    for i in range(len(paragraph) - 1, -1, -1):
        if types[i] == "S" or (types[i] in ("WS", "BN") and k == i + 1):
            levels[i] = 0
            k = i
    return levels


def _reordered(levels: list[int]) -> list[int]:
    """L2: the indexes of a paragraph in the order they are drawn: from the highest level down to 1,
    each run of characters at that level or above reversed."""
    order = list(range(len(levels)))
    for level in range(max(levels, default=0), 0, -1):
        k = 0
        while k < len(order):
            if levels[order[k]] >= level:
                end = k
                while end < len(order) and levels[order[end]] >= level:
                    end += 1
                order[k:end] = order[k:end][::-1]
                k = end
            else:
                k += 1
    return order


def displayed(raw: str, shown: str | None = None, where: list[int] | None = None) -> tuple[str, list[int]] | None:
    """The paragraphs of `raw` that hold right-to-left text, each in the order a browser draws it,
    joined by a line, a NUL and a line (no value is found across one), and the offset of each of their
    characters; None when no paragraph of `raw` holds any (most texts) or each is drawn as written.
    `shown`, `where`: the text whose characters are drawn, when `raw` only gives their types (a reader's
    text, folded, with the direction marks it dropped put back: `reader.ReaderText.displayed`): `raw[k]`
    is `shown[where[k]]`, or nothing drawn where `where[k]` is negative; the offsets are `shown`'s."""
    if raw.isascii() or RTL_RE.search(raw) is None:
        return None
    chars: list[str] = []
    at: list[int] = []
    start = 0
    for end, after in [m.span() for m in _PARAGRAPH.finditer(raw)] + [(len(raw), len(raw))]:
        paragraph = raw[start:end]
        if RTL_RE.search(paragraph) is not None:
            order = _reordered(_levels(paragraph))
            drawn = [start + k if where is None else where[start + k] for k in order]
            drawn = [i for i in drawn if i >= 0]
            if drawn != sorted(drawn):  # (else drawn as written)
                if at:
                    chars.append("\n\x00\n")
                    at += [at[-1]] * 3
                chars += [(raw if shown is None else shown)[i] for i in drawn]
                at += drawn
        start = after
    return ("".join(chars), at) if at else None
