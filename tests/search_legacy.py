"""The approach casekit used before its own search index (kept to measure against, not shipped).

Material's lunr search with (c) a separator regex that cuts one particle off a typed word and
(d) build-time suffix fields `ko` and `ko_title` added to Material's search_index.json. It was
`casekit/search_ko.py` until casekit's chunked index replaced it; `python -m tests.test_search_ko
--compare` still runs it in Chromium next to the current search, on both query sets.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

# Particles (조사) removed from the end of a typed word. A particle of two or more syllables needs
# one syllable before it, a single-syllable particle two (so 아이, 회의, 제도 keep their last
# syllable). Longer forms come first only for readability: the regex anchors at the word's end
# and takes the leftmost match, which is the longest particle.
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

# Material's own default (its English translation); casekit replaces it, a user's own value stays.
DEFAULT_SEPARATOR = r"[\s\-]+"
# Whitespace and punctuation that join Korean words on these pages (· in 생계·주거급여, brackets in
# 가족센터(건강가정지원센터), slashes, quotes, ellipses), then the particle rules above.
_PUNCT = r"[\s\-·•,.:;!?()\[\]{}<>\"'“”‘’「」『』/|~…]+"
SEPARATOR = (
    _PUNCT
    + r"|(?<=^[가-힣]+)(?:" + "|".join(LONG_PARTICLES) + r")$"
    + r"|(?<=^[가-힣]{2,})(?:" + "|".join(SHORT_PARTICLES) + r")$"
)

# The extra search fields and their weights (Material's own: title 1000, text 1, tags 1e6).
FIELDS: dict[str, float] = {"ko": 1.0, "ko_title": 10.0}
MIN_SUFFIX = 2  # syllables

_HANGUL_RUN = re.compile(r"[가-힣]+")
_TAG = re.compile(r"<[^>]*>")
_STRIP = re.compile(
    r"(?<=^[가-힣])(?:" + "|".join(LONG_PARTICLES) + r")$"
    r"|(?<=^[가-힣]{2})(?:" + "|".join(SHORT_PARTICLES) + r")$"
)


def strip_particle(word: str) -> str:
    """What the separator leaves of one typed Hangul word: `주거지원을` -> `주거지원`.

    Python's `re` has no variable-length lookbehind, so this mirrors SEPARATOR by trying each
    cut from the left (the leftmost cut the separator would make is the longest particle).
    """
    if not re.fullmatch(r"[가-힣]+", word):
        return word
    for cut in range(1, len(word)):
        stem, tail = word[:cut], word[cut:]
        if tail in LONG_PARTICLES or (tail in SHORT_PARTICLES and cut >= 2):
            return stem
    return word


def hangul_suffixes(text: str, *, min_len: int = MIN_SUFFIX) -> list[str]:
    """The proper suffixes (at least `min_len` syllables) of the Hangul words in `text`.

    `가온주거복지센터` -> 온주거복지센터, 주거복지센터, 거복지센터, 복지센터, 지센터, 센터.
    Whole words are left out: the title and text fields already hold them.
    """
    seen: dict[str, None] = {}
    for run in _HANGUL_RUN.findall(text):
        for i in range(1, len(run) - min_len + 1):
            seen.setdefault(run[i:], None)
    return list(seen)


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub(" ", markup))


def shown_text(entry: dict[str, Any]) -> dict[str, str]:
    """What a search entry shows, as plain text, for each field casekit adds."""
    text = [_plain(entry["text"])] if isinstance(entry.get("text"), str) else []
    tags = entry.get("tags")
    if isinstance(tags, list):
        text += [str(t) for t in tags]
    title = _plain(entry["title"]) if isinstance(entry.get("title"), str) else ""
    return {"ko": " ".join(text), "ko_title": title}


def expand_search_index(site_dir: str | os.PathLike[str]) -> dict[str, int]:
    """Post-process `<site_dir>/search/search_index.json` in place for Korean search.

    Adds the `ko` and `ko_title` fields (suffixes of the entry's own Hangul words) to every
    entry, registers them in the index's `config.fields`, and sets `SEPARATOR` when the
    configured separator is still Material's default. Idempotent. Returns counts for logging; a
    site without a search index (search plugin disabled) is left alone and reports zeros.
    """
    path = Path(site_dir) / "search" / "search_index.json"
    stats = {"entries": 0, "suffixes": 0, "bytes_before": 0, "bytes_after": 0}
    if not path.is_file():
        return stats
    raw = path.read_text(encoding="utf-8")
    stats["bytes_before"] = len(raw.encode("utf-8"))
    data = json.loads(raw)
    config = data.setdefault("config", {})
    if config.get("separator") in (None, "", DEFAULT_SEPARATOR):
        config["separator"] = SEPARATOR
    fields = config.setdefault("fields", {})
    for name, boost in FIELDS.items():
        fields[name] = {"boost": boost}
    for entry in data.get("docs", []):
        for name, shown in shown_text(entry).items():
            entry.pop(name, None)
            suffixes = hangul_suffixes(shown)
            if suffixes:
                entry[name] = " ".join(suffixes)
                stats["suffixes"] += len(suffixes)
        stats["entries"] += 1
    out = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    stats["bytes_after"] = len(out.encode("utf-8"))
    # Write beside and rename, so a reader never sees half a file.
    fd, tmp = tempfile.mkstemp(prefix=".search_index.", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(out)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return stats
