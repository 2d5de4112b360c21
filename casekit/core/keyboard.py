"""The Korean keyboard (두벌식), both ways: the Hangul a run of Latin keys types with the input method
in Hangul mode (`keyboard_hangul`: tkfP -> 사례, the search's query typed with the keyboard left in
English), and the keys a run of Hangul was typed with (`typed_keys`: ㅇㅁㅅㄷ -> date, 재갇ㄱ -> worker,
a key of a record typed with the keyboard left in Korean, 한/영 not pressed).
"""

from __future__ import annotations

import unicodedata

# the jamo each Latin key types, Shift giving the double consonants and ㅒ ㅖ (any other capital
# types what its small letter does)
KEYS = dict(zip("qwertyuiopasdfghjklzxcvbnmQWERTOP", "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡㅃㅉㄸㄲㅆㅒㅖ", strict=True))
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ",
          "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]
JOINED_VOWELS = {"ㅗㅏ": "ㅘ", "ㅗㅐ": "ㅙ", "ㅗㅣ": "ㅚ", "ㅜㅓ": "ㅝ", "ㅜㅔ": "ㅞ", "ㅜㅣ": "ㅟ", "ㅡㅣ": "ㅢ"}
JOINED_FINALS = {"ㄱㅅ": "ㄳ", "ㄴㅈ": "ㄵ", "ㄴㅎ": "ㄶ", "ㄹㄱ": "ㄺ", "ㄹㅁ": "ㄻ", "ㄹㅂ": "ㄼ", "ㄹㅅ": "ㄽ",
                 "ㄹㅌ": "ㄾ", "ㄹㅍ": "ㄿ", "ㄹㅎ": "ㅀ", "ㅂㅅ": "ㅄ"}
SPLIT_FINALS = {joined: (pair[0], pair[1]) for pair, joined in JOINED_FINALS.items()}

# the other way: each jamo (a compatibility jamo, as a syllable's parts are written alone) -> its
# keys, in small letters (a double consonant is its key with Shift: ㄲ -> r; ㅘ -> hk, ㄳ -> rt)
_JAMO_KEYS = {jamo: key.lower() for key, jamo in KEYS.items()}
_JAMO_KEYS |= {joined: _JAMO_KEYS[pair[0]] + _JAMO_KEYS[pair[1]] for pair, joined in (JOINED_VOWELS | JOINED_FINALS).items()}


def keyboard_hangul(typed: str) -> str | None:
    """The Hangul a run of Latin letters types on the Korean keyboard (tkfP -> 사례, wnrj -> 주거:
    the input method left in English), when every key falls into a syllable and there are two
    syllables or more; else None (kim, intake, adhd, sw: a jamo left alone; go -> 해, a syllable
    alone, is more often a word than a slip). (`search-worker.js` mirrors this.)"""
    if not typed.isascii() or not typed.isalpha() or len(typed) < 3:
        return None
    jamo = [KEYS.get(c) or KEYS.get(c.lower()) for c in typed]
    out: list[str] = []
    initial, vowel, final = "", "", ""

    def syllable() -> str:
        return chr(0xAC00 + (INITIALS.index(initial) * 21 + VOWELS.index(vowel)) * 28 + FINALS.index(final))

    for j in jamo:
        if j is None:
            return None
        if j in VOWELS:
            if not initial:
                return None  # a vowel with no consonant before it
            if not vowel:
                vowel = j
            elif not final and vowel + j in JOINED_VOWELS:
                vowel = JOINED_VOWELS[vowel + j]
            elif final:  # the final consonant starts the next syllable
                kept, moved = SPLIT_FINALS.get(final, ("", final))
                final = kept
                out.append(syllable())
                initial, vowel, final = moved, j, ""
            else:
                return None
        elif not vowel:
            if initial:
                return None  # two consonants with no vowel
            initial = j
        elif not final and j in FINALS:
            final = j
        elif final and final + j in JOINED_FINALS:
            final = JOINED_FINALS[final + j]
        else:
            out.append(syllable())
            initial, vowel, final = j, "", ""
    if not vowel:
        return None
    out.append(syllable())
    return "".join(out) if len(out) >= 2 else None


def typed_keys(text: str) -> str | None:
    """The keys `text` was typed with on the Korean keyboard, in small letters (ㅇㅁㅅㄷ -> date,
    재갇ㄱ -> worker, ㄴㅅㅁㅎㄷ -> stage, 해미 -> goal, ㅜㄷㅌㅅ_ㄱㄷ퍋ㅈ -> next_review: a key typed with
    the input method left in Hangul), each syllable taken apart into its initial, vowel and final;
    what the two layouts share (digits, `_`, `-`) and Latin letters typed as they are kept. None when
    `text` holds no Hangul, or a character no key of the keyboard types (a Hanja, an old jamo)."""
    out: list[str] = []
    hangul = False
    for ch in unicodedata.normalize("NFC", text):
        code = ord(ch)
        if 0xAC00 <= code <= 0xD7A3:
            initial, rest = divmod(code - 0xAC00, 21 * 28)
            vowel, final = divmod(rest, 28)
            out += (_JAMO_KEYS[INITIALS[initial]], _JAMO_KEYS[VOWELS[vowel]], _JAMO_KEYS[FINALS[final]] if final else "")
            hangul = True
        elif ch in _JAMO_KEYS:
            out.append(_JAMO_KEYS[ch])
            hangul = True
        elif ch.isascii() and ch.isprintable():
            out.append(ch.lower())
        else:
            return None
    return "".join(out) if hangul else None
