"""Reading published text as a reader compares it (casekit.core.reading): the faster forms give
what the plain definitions give, on text made to confuse them."""

from __future__ import annotations

import html
import random
import re
import unicodedata
from urllib.parse import unquote

import pytest

from casekit.core.reading import (
    INLINE_TAGS,
    alternation,
    html_text,
    normalize_text,
    with_percent_decoded,
    without_cdata,
)
from casekit.site.audit import RAW_TAGS

# and the combining marks that decorate any letter (accents, overlays, enclosing circles)
_PLAIN_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061-\u2064"
                               "\u0300-\u036f\u20d0-\u20ff\u1dc0-\u1dff]")
_PLAIN_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _plain_normalize(text: str) -> str:
    return _PLAIN_ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text))


def _plain_percent(urls: str) -> str:
    decoded = _PLAIN_PERCENT.sub(lambda m: unquote(m.group(0)), urls)
    return urls if decoded == urls else urls + "\n" + decoded


PIECES = ["김", "민", "수", "010", "-", "1234", " ", "\n", "%", "%2", "%2D", "%ED%99%8D", "%zz", "left:1.5%;",
          "\u200b", "\u00ad", "\u2062", "\u180e", "\ufeff", "\uff11", "ｆ", "\u1100\u1161", "e\u0301", "·",
          "…", "\u0301", "\u0338", "\u1161", "."]


def test_normalized_text_is_nfkc_without_zero_width_characters() -> None:
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 20)))
        assert normalize_text(text) == _plain_normalize(text), repr(text)


def test_percent_escapes_are_decoded_as_before() -> None:
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 20)))
        assert with_percent_decoded(text) == _plain_percent(text), repr(text)
    assert with_percent_decoded("a%ED%99%8Db") == "a%ED%99%8Db\na홍b"


@pytest.mark.parametrize("words", [INLINE_TAGS, RAW_TAGS, ("a", "ab", "abc", "b", "x-y", "x.y", "x")])
def test_a_factored_alternation_matches_what_the_flat_list_does(words: tuple[str, ...]) -> None:
    flat, factored = re.compile("|".join(map(re.escape, words))), re.compile(alternation(words))
    probes = {w[:k] + tail for w in words for k in range(len(w) + 1) for tail in ("", "a", "r", "-", "b")}
    assert probes  # every word, its beginnings and a letter more
    for probe in probes:
        assert bool(flat.fullmatch(probe)) == bool(factored.fullmatch(probe)), probe
        assert (flat.match(probe + ">") is None) == (factored.match(probe + ">") is None), probe


def test_html_text_with_the_factored_inline_tags_is_the_plain_definition() -> None:
    inline = re.compile("</?(?:" + "|".join(map(re.escape, INLINE_TAGS)) + r")(?=[\s/>])[^>]*>")
    pieces = ["<", ">", "/", " ", "\n", "a", "ab", "abbr", "s", "sp", "span", "strong", "st", "ck-noindex", "ck-", "탁",
              "해온", "=", '"', "p", "div", "<b>", "</i>", "<!--", "-->", "<![cdata[", "]]>", "&amp;", "time", "tt"]
    rng = random.Random(7)
    for _ in range(3000):
        markup = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        plain = html.unescape(re.sub(r"<[^>]*>", "\n", inline.sub("", without_cdata(markup))))
        assert html_text(markup) == plain, markup
