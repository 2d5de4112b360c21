"""Reading published text as a reader compares it (casekit.site.reading): the faster forms give
what the plain definitions give, on text made to confuse them."""

from __future__ import annotations

import random
import re
import unicodedata
from urllib.parse import unquote

from casekit.site.reading import normalize_text, with_percent_decoded

_PLAIN_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061-\u2064]")
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
