"""Korean search terms, made the same way at build time (Python) and at query time (JavaScript).

Korean glues particles (조사) and verb endings (어미) to words and writes compounds both joined and
apart: a worker types 상담하였음 where the record says 상담했다, 채무독촉 where it says 채무 독촉,
주거 지원 where it says 주거지원. Instead of a dictionary (kiwipiepy: 218 MB installed, and it
does not split compounds it does not know, such as 가온지역자활센터), every word becomes:

1. its stem: a trailing particle (을, 에서, 에게는 ...) and then a light-verb or copula ending
   (하였음, 했다, 함, 됨, 받음, 이다 ...) are cut, keeping at least two syllables (one for a long
   particle), so 아이, 회의, 피해, 기한 keep their last syllable;
2. the Hangul bigrams of that stem (채무독촉 -> 채무 무독 독촉; a one-syllable stem is its own term).

Bigrams make a compound findable joined or split and make infix search free (주거 is in
가온주거복지센터). Latin letters and digits form whole lowercase terms (2026, 0006, kim, sw).

The same tables are written into the search manifest, and `assets/search-worker.js` applies them
to what is typed, so the two sides cannot drift (tests/test_search_ko.py runs both on the same
words). This module knows nothing of MkDocs or HTML.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["ENDINGS", "PARTICLES", "bigrams", "query_terms", "stem", "terms", "words"]

# Particles, longest first where one is the tail of another (the cut takes the longest match).
LONG_PARTICLES: tuple[str, ...] = (
    "에서부터", "으로부터", "에게서는",
    "에서는", "에서도", "에서의", "에게는", "에게도", "에게서", "한테서", "한테는", "께서는",
    "으로는", "으로도", "으로서", "으로써", "로부터", "까지는", "까지도", "부터는", "이라도",
    "이라는", "이랑은", "처럼은", "들에게", "들에서", "들한테",
    "에서", "에게", "한테", "께서", "께는", "으로", "까지", "부터", "처럼", "보다", "마다", "조차",
    "에는", "에도", "에의", "로는", "로도", "로서", "로써", "와는", "과는", "와도", "과도", "이나",
    "이랑", "이란", "이며", "이고", "들이", "들을", "들은", "들의", "들과", "들도", "들로", "들에",
    "들께",
)
SHORT_PARTICLES: tuple[str, ...] = (
    "을", "를", "이", "가", "은", "는", "에", "의", "와", "과", "도", "로", "만", "께", "들", "랑",
)
PARTICLES: tuple[str, ...] = LONG_PARTICLES + SHORT_PARTICLES

# Endings of the light verbs records are written with (상담하였음, 연계했다, 방문함, 결정됨,
# 상담받음, 대상임), longest first. Cut only when two syllables stay.
ENDINGS: tuple[str, ...] = tuple(sorted({
    "하였으나", "하였는데", "하였지만", "하였으며", "하였으므로", "하였음", "하였다", "하였고", "하였던",
    "했으나", "했는데", "했지만", "했으며", "했음", "했다", "했고", "했던", "했고요", "했어요", "했습니다",
    "합니다", "하도록", "하려고", "하면서", "하기로", "하지만",
    "함", "하다", "한다", "하고", "하며", "하여", "해서", "하는", "하기", "하게", "하면", "하려", "하지", "한",
    "되었음", "되었다", "되었고", "되었으며", "됐음", "됐다", "됐고", "됩니다",
    "됨", "된다", "되다", "되고", "되며", "되어", "되는", "되기", "되면", "된",
    "받았음", "받았다", "받았고", "받음", "받고", "받는", "받을", "받아", "받기", "받게",
    "시켰음", "시켰다", "시킴", "드렸음", "드렸다", "드림",
    "이었음", "이었다", "였음", "였다", "입니다", "이다", "임",
}, key=lambda e: (-len(e), e)))
_PARTICLE_ORDER: tuple[str, ...] = tuple(sorted(set(PARTICLES), key=lambda p: (-len(p), p)))
_SHORT = frozenset(SHORT_PARTICLES)

_WORD = re.compile(r"[가-힣]+|[0-9A-Za-z]+")
_HANGUL = re.compile(r"[가-힣]+")


def _by_length(tails: tuple[str, ...]) -> list[tuple[int, frozenset[str]]]:
    lengths = sorted({len(t) for t in tails}, reverse=True)
    return [(n, frozenset(t for t in tails if len(t) == n)) for n in lengths]


def _cut(word: str, tails: list[tuple[int, frozenset[str]]], keep: int, keep_short: int) -> str:
    """Cut the longest tail that leaves enough of the word (the worker's `cut` does the same)."""
    for n, group in tails:
        rest = len(word) - n
        if rest >= (keep_short if n == 1 else keep) and word[rest:] in group:
            return word[:rest]
    return word


_PARTICLE_TAILS = _by_length(_PARTICLE_ORDER)
_ENDING_TAILS = _by_length(ENDINGS)


def stem(word: str) -> str:
    """A Hangul word without its trailing particle, then without a light-verb ending.

    주거지원을 -> 주거지원, 상담하였음 -> 상담, 연계했다 -> 연계, 정신건강복지센터에서 -> 정신건강복지센터,
    아이 -> 아이, 피해 -> 피해. Anything that is not all Hangul is returned unchanged.
    """
    if not _HANGUL.fullmatch(word):
        return word
    word = _cut(word, _PARTICLE_TAILS, keep=1, keep_short=2)
    return _cut(word, _ENDING_TAILS, keep=2, keep_short=2)


def bigrams(word: str) -> list[str]:
    """The Hangul bigrams of a stem (a one-syllable stem is its own term)."""
    if len(word) < 2:
        return [word] if word else []
    return [word[i:i + 2] for i in range(len(word) - 1)]


def words(text: str) -> list[str]:
    """The words of `text` (NFC): runs of Hangul, runs of Latin letters and digits (lowercased)."""
    text = unicodedata.normalize("NFC", text)
    return [w if _HANGUL.fullmatch(w) else w.lower() for w in _WORD.findall(text)]


@functools.lru_cache(maxsize=1 << 16)  # a casebook repeats its words: cut each once
def _word_terms(word: str) -> tuple[str, ...]:
    if not _HANGUL.fullmatch(word):
        return (word,) if len(word) >= 2 else ()
    s = stem(word)
    if len(s) == 1 and s in _SHORT:  # a stray particle
        return ()
    if len(s) == 2 and s[1] in _SHORT:  # 약을, 집에: a one-syllable word and its particle, or 아이, 마을
        return (s, s[0])
    return tuple(bigrams(s))


def terms(text: str) -> list[str]:
    """Every index term of `text`, in order, repeats kept (the caller counts them)."""
    return [t for w in words(text) for t in _word_terms(w)]


def query_terms(query: str) -> list[tuple[str, list[str]]]:
    """What a typed query looks for: each typed word with its terms (`search-worker.js` mirrors this)."""
    return [(w, list(ts)) for w in words(query) if (ts := _word_terms(w))]
