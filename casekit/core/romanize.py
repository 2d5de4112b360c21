"""A Korean name in Latin letters, as a passport, a form abroad or a colleague writes it.

`김민수` is written `Kim Minsu`, `Kim Min-su`, `Minsu Kim`, `KIM MIN SU`, `Gim Minsu`, `Kim Minsoo`;
`박영수` `Park Youngsu`, `김경수` `Kim Kyungsoo` or `Kim Kyeongsu`: the family name as families spell
it (김 Kim or Gim, 이 Lee, Yi or Rhee, 박 Park or Bak …), the given name syllable by syllable in the
Revised Romanization (민수 Minsu: names are written without the sound changes between syllables),
in the spelling most people still use for theirs (수 soo, 영 young, 정 jung, 경 kyung), or in a
third some families keep (경 kyeong, 명 myoung), each syllable its own way (영수 Youngsu). And in the
McCune–Reischauer romanization, South Korea's official one from 1984 to 2000 (older passports,
certificates and documents abroad): 박영수 `Pak Yŏng-su`, 최철수 `Ch'oe Ch'ŏl-su`, 김대중 `Kim Tae-jung`
(`_mr`), the whole name so written.
`romanizations` gives the forms of one name, lower case, without separators (the sensitive index
drops spaces, hyphens and apostrophes between letters, and reads ŏ and ŭ as o and u): at most
`MAX_SPELLINGS` of them, so that the index stays small.
"""

from __future__ import annotations

import functools
import itertools
import re

_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_MEDIAL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
           "eu", "ui", "i")
_FINAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
          "t", "t", "k", "t", "p", "t")

# the family names of nine Koreans in ten, and the spellings their families use (the Revised
# Romanization's among them); a family name not here is written by the Revised Romanization and
# the common spelling of its syllables (`_syllable`)
FAMILY: dict[str, tuple[str, ...]] = {
    "김": ("kim", "gim"), "이": ("lee", "yi", "rhee", "ri"), "박": ("park", "bak", "pak"), "최": ("choi", "choe"),
    "정": ("jung", "jeong", "chung"), "강": ("kang", "gang"), "조": ("cho", "jo"), "윤": ("yoon", "yun"),
    "장": ("jang", "chang"), "임": ("lim", "im", "rim"), "한": ("han",), "오": ("oh", "o"), "서": ("seo", "suh"),
    "신": ("shin", "sin"), "권": ("kwon", "gwon"), "황": ("hwang",), "안": ("ahn", "an"), "송": ("song",),
    "류": ("ryu", "yoo", "yu"), "유": ("yoo", "yu", "you"), "홍": ("hong",), "전": ("jeon", "chun", "jun"),
    "고": ("ko", "go"), "문": ("moon", "mun"), "양": ("yang",), "손": ("son", "sohn"), "배": ("bae",),
    "백": ("baek", "paik"), "허": ("heo", "huh"), "남": ("nam",), "심": ("shim", "sim"), "노": ("noh", "no", "roh"),
    "하": ("ha",), "곽": ("kwak", "gwak"), "성": ("sung", "seong"), "차": ("cha",), "주": ("joo", "ju", "chu"),
    "우": ("woo", "u"), "구": ("koo", "gu", "ku"), "민": ("min",), "진": ("jin",), "나": ("na", "ra"), "지": ("ji",),
    "엄": ("um", "eom"), "채": ("chae",), "원": ("won",), "천": ("chun", "cheon"), "방": ("bang",),
    "공": ("kong", "gong"), "현": ("hyun", "hyeon"), "함": ("ham",), "변": ("byun", "byeon"), "염": ("yeom", "yum"),
    "여": ("yeo", "yuh"), "추": ("choo", "chu"), "도": ("do", "doh"), "소": ("so",), "석": ("seok", "suk"),
    "선": ("sun", "seon"), "설": ("seol", "sul"), "마": ("ma",), "길": ("gil", "kil"), "연": ("yeon", "yun"),
    "위": ("wi", "wee"), "표": ("pyo",), "명": ("myung", "myeong"), "기": ("ki", "gi"), "반": ("ban",),
    "라": ("ra", "la"), "왕": ("wang",), "금": ("geum", "keum"), "옥": ("ok",), "육": ("yuk", "yook"), "인": ("in",),
    "맹": ("maeng",), "제": ("je",), "모": ("mo",), "탁": ("tak",), "국": ("kook", "guk"), "어": ("eo", "uh"),
    "남궁": ("namgung", "namkoong"), "황보": ("hwangbo",), "제갈": ("jegal",), "선우": ("sunwoo", "seonu"),
    "독고": ("dokgo",), "사공": ("sagong",), "서문": ("seomun",),
}
COMPOUND = frozenset(k for k in FAMILY if len(k) == 2)

# McCune–Reischauer, as the sensitive index reads it: the apostrophe of an aspirate (ch' k' t' p')
# is a separator it drops, so ㅊ ㅋ ㅌ ㅍ read as ㅈ ㄱ ㄷ ㅂ do at the start of a word (ch k t p), and a
# breve is a mark on its base letter (`reader.base_letters`): ŏ reads o, ŭ u. ㄱ ㄷ ㅂ ㅈ are voiced
# (g d b j) inside a word after a vowel or ㄴ ㄹ ㅁ ㅇ (대중 Tae-jung, 남궁 Namgung); the 1984 rules write
# ㅅ before ㅣ and ㅟ as sh (시 shi, 쉬 shwi). (ŏ is also typed u, as in Chun, Sung: `_mr(…, "u")`.)
_MR_INITIAL = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t", "p", "h")
_MR_VOICED = {0: "g", 3: "d", 7: "b", 12: "j"}  # (ㄱ ㄷ ㅂ ㅈ)
_MR_MEDIAL = ("a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu",
              "u", "ui", "i")
_MR_VOICING = ("inside", "never", "always")  # voiced inside the word (the rule); never (Tae-chung); always (Dae-jung)


def _rr(syllable: str) -> str:
    """One Hangul syllable in the Revised Romanization (a character that is none: empty)."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return ""
    return _INITIAL[code // 588] + _MEDIAL[code % 588 // 28] + _FINAL[code % 28]


def _common(rr: str) -> str:
    """A syllable as most people spell their own name (수 soo, 윤 yoon, 영 young, 정 jung, 철 chul,
    희 hee, 우 woo, 경 kyung, 명 myung, 기 ki, 규 kyu, 서 suh)."""
    if rr == "u":
        return "woo"
    if rr.startswith("g") and not rr.startswith("gg"):  # ㄱ first: 경 Kyung, 기 Ki, 광 Kwang, 근 Keun
        rr = "k" + rr[1:]
    if rr == "yeong":
        return "young"
    if rr.endswith("yeong"):  # after a consonant: 명 Myung, 형 Hyung, 병 Byung, 경 Kyung
        return rr[:-5] + "yung"
    if rr.endswith("ui"):
        return rr[:-2] + "ee"
    if rr.endswith("eo"):  # an open syllable: 서 Suh, 허 Huh
        return rr[:-2] + "uh"
    if "eo" in rr:
        return rr.replace("eo", "u")
    if "u" in rr and "eu" not in rr and "wu" not in rr and not rr.endswith("ung") and not re.match(r"[^y]+yu", rr):
        return rr.replace("u", "oo", 1)  # (but 규 Kyu, 휴 Hyu)
    return rr


def _other(rr: str) -> str:
    """A third spelling some families keep: the Revised Romanization with ㄱ first as k (경 Kyeong,
    기 Ki), or `young` after a consonant (명 Myoung, 경 Kyoung); else the syllable as it is."""
    if rr.startswith("g") and not rr.startswith("gg"):
        return "k" + rr[1:]
    if rr.endswith("yeong") and rr != "yeong":
        return rr[:-5] + "young"
    return rr


@functools.lru_cache(maxsize=4096)
def _syllable(syllable: str) -> tuple[str, ...]:
    """The spellings of one syllable of a given name: the Revised Romanization, the common
    spelling, and a third (`_other`), without repeats: one to three."""
    rr = _rr(syllable)
    return tuple(dict.fromkeys((rr, _common(rr), _other(rr))))


def _mr(word: str, o: str = "o", voicing: str = "inside", sh: bool = False) -> str:
    """`word` (Hangul syllables) in the McCune–Reischauer romanization as the index reads it (see
    `_MR_INITIAL`): ŏ written `o` ("o" or "u"), ㄱ ㄷ ㅂ ㅈ voiced by `voicing` (`_MR_VOICING`), ㅅ
    before ㅣ and ㅟ written sh or not (`sh`). Empty when a character is no Hangul syllable."""
    out: list[str] = []
    voiced_before = False  # (whether the sound before is a vowel or ㄴ ㄹ ㅁ ㅇ)
    for syllable in word:
        code = ord(syllable) - 0xAC00
        if not 0 <= code < 11172:
            return ""
        first, medial, final = code // 588, code % 588 // 28, code % 28
        vowel = _MR_MEDIAL[medial].replace("ŏ", o)
        if first in _MR_VOICED and (voicing == "always" or (voicing == "inside" and voiced_before)):
            initial = _MR_VOICED[first]
        elif first == 9 and sh and medial in (16, 20):  # (ㅅ before ㅟ, ㅣ)
            initial = "sh"
        else:
            initial = _MR_INITIAL[first]
        out.append(initial + vowel + _FINAL[final])
        voiced_before = _FINAL[final] in ("", "n", "l", "m", "ng")
    return "".join(out)


MAX_MR = len(_MR_VOICING) * 2 * 2  # McCune–Reischauer spellings of a given name: voicing × ŏ as o or u × 시 si or shi


@functools.lru_cache(maxsize=8192)
def _mr_spellings(word: str) -> tuple[str, ...]:
    """The McCune–Reischauer spellings of `word` (`_mr`), without repeats: the rule's first (ŏ as
    o, then as u), then the others; at most MAX_MR."""
    return tuple(dict.fromkeys(_mr(word, o, voicing, sh) for sh in (False, True) for voicing in _MR_VOICING
                               for o in ("o", "u")))


def _split(name: str) -> tuple[str, str] | None:
    """(family name, given name) of a Korean name of 2 to 4 syllables (a compound family name, 남궁,
    of a name of four); None for another value."""
    if not 2 <= len(name) <= 4 or not all("가" <= ch <= "힣" for ch in name):
        return None
    return (name[:2], name[2:]) if len(name) == 4 and name[:2] in COMPOUND else (name[:1], name[1:])


MAX_GIVENS = 9  # spellings of a given name: a given name of two syllables has at most 3 × 3
# spellings of a family name: the most FAMILY lists (4: 이 Lee, Yi, Rhee, Ri), and McCune–Reischauer's two (ŏ o, u)
MAX_FAMILIES = max(map(len, FAMILY.values())) + 2
MAX_SPELLINGS = MAX_FAMILIES * (MAX_GIVENS + MAX_MR) * 2  # of a whole name, in either order


@functools.lru_cache(maxsize=8192)
def _givens(given: str) -> tuple[str, ...]:
    """The given name with each syllable spelt every way `_syllable` knows (영수: Yeongsu,
    Youngsoo, Youngsu, Yeongsoo), the Revised Romanization and the common spelling first; at
    most MAX_GIVENS (a given name of three syllables or more: the ones mixing fewest spellings)."""
    ways = [_syllable(s) for s in given]
    spelt = dict.fromkeys("".join(w[i] for w, i in zip(ways, pick, strict=True))
                          for pick in _picks(tuple(len(w) for w in ways)))
    return tuple(spelt)[:MAX_GIVENS]


@functools.lru_cache(maxsize=256)
def _picks(counts: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Which spelling of each syllable, for syllables of `counts` spellings: every syllable spelt
    the same way first (all Revised, all common, …), then those mixing the fewest."""
    return sorted(itertools.product(*map(range, counts)), key=lambda pick: (len(set(pick)) > 1, sum(p > 0 for p in pick)))


def romanizations(name: str) -> list[str]:
    """The Latin spellings of a Korean name of 2 to 4 syllables (family name first, of one
    syllable or a compound one: 남궁민수), family name first and last, lower case, run together;
    none for another value. The given name by the Revised Romanization and by the common spelling,
    and by McCune–Reischauer's (`_mr`); the family name as FAMILY lists it (else as a given name is
    spelt) and by McCune–Reischauer's (박 Pak, 정 Chŏng, 최 Ch'oe: the rule, ŏ as o and as u). At most
    MAX_SPELLINGS."""
    split = _split(name)
    if split is None:
        return []
    family, given = split
    families = tuple(dict.fromkeys((*(FAMILY.get(family) or _givens(family)), _mr(family, "o"), _mr(family, "u"))))
    givens = _givens(given) + _mr_spellings(given)
    out = dict.fromkeys(f + g for f in families for g in givens)
    out.update(dict.fromkeys(g + f for f in families for g in givens))
    return list(out)


def given_romanizations(name: str) -> list[str]:
    """The given name of a Korean name (`romanizations`) in Latin letters alone: Minsu, Minsoo of 김민수,
    and its McCune–Reischauer spellings (Yŏngsu, read Yongsu, of 박영수)."""
    split = _split(name)
    return list(dict.fromkeys([*_givens(split[1]), *_mr_spellings(split[1])])) if split is not None else []
