"""Regular expressions that read hostile text read it one way: a record, a docs/ page or a file's name
an attacker writes cannot make `casekit check` or `casekit build` (and so pre-commit and CI) hang.

Each pattern that did is tested where it bit, in a subprocess with a timeout (the old pattern took
minutes to days: the suite must not hang on it); then every compiled pattern of casekit's modules is
timed on generic adversarial texts, so that a new pattern that backtracks catastrophically fails here."""

from __future__ import annotations

import importlib
import itertools
import json
import pkgutil
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import casekit
from casekit.core.names import copy_of
from casekit.site.search_ko import GI, PREDICATE_DO, PREDICATE_GI, predicates

CPU_BOUND = 1.0  # seconds of CPU for what takes a few milliseconds (the machine is shared and slow)


def _cpu_in_subprocess(code: str, timeout: float = 60) -> float:
    """The CPU seconds `code` (which binds `work`, a callable) takes in a fresh interpreter; fails the
    test, not the suite, when it runs past `timeout`."""
    program = f"import time\n{code}\nstarted = time.process_time()\nwork()\nprint(time.process_time() - started)\n"
    try:
        done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=timeout,
                              check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {timeout} s: a pattern tries every way to read the text")
    return float(done.stdout.strip().splitlines()[-1])


# --- a file's name: names._COPY_MARK ------------------------------------------------------------------

def test_a_file_named_with_many_dashed_capitals_is_checked_in_a_blink(sample: Path) -> None:
    """`01-intake-A-A-…-A!.md` (40 `-A`) in a case's folder: the pattern for what sync clients add to
    a copy's name (OneDrive's `-DESKTOP-AB12`) could end each computer name at any `-`, and tried
    every way (26 `-A` took 23 s of check, 40 would take days). It is still told a misnamed file."""
    folder = next(p for p in sorted((sample / "cases").iterdir()) if p.is_dir())
    record = next(folder.glob("01-*.md"))
    name = "01-intake" + "-A" * 40 + "!.md"
    (folder / name).write_text(record.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-m", "casekit", "check", "--no-cache", "--format", "json"],
                              cwd=sample, capture_output=True, text=True, timeout=120, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("check hung on a file's name")
    found = {f["code"] for f in json.loads(done.stdout)["findings"] if name in f["path"]}
    assert found, done.stdout[-2000:]


@pytest.mark.parametrize("tail", ["-A" * 60, "_copy 1" * 30, ".sync-conflict-A-B-C" * 10, "-A--copy" * 30,
                                  "-DESKTOP-사본" * 20, " (1)" * 60])
def test_the_marks_of_a_copy_are_read_one_way(tail: str) -> None:
    cpu = _cpu_in_subprocess(f"from casekit.core.names import copy_of\nwork = lambda: copy_of('01-intake{tail}!.md')")
    assert cpu < CPU_BOUND, cpu


@pytest.mark.parametrize(("name", "made_from"), [
    ("01-intake (1).md", "01-intake.md"), ("04-intervention 2.md", "04-intervention.md"),
    ("01-intake-DESKTOP-AB12.md", "01-intake.md"), ("01-intake-DESKTOP-AB12-copy.md", "01-intake.md"),
    ("01-intake-DESKTOP-AB12-사본.md", "01-intake.md"), ("01-intake-DESKTOP-AB12 (1).md", "01-intake.md"),
    ("01-intake copy 2.md", "01-intake.md"), ("01-intake - 복사본.md", "01-intake.md"),
    ("01-intake.sync-conflict-20261130-101010-ABCDEFG.md", "01-intake.md"),
    ("01-intake.sync-conflict-20261130-101010-ABCDEFG-복사본.md", "01-intake.md"),
])
def test_the_copies_sync_clients_make_are_still_known(name: str, made_from: str) -> None:
    found = copy_of(name)
    assert found is not None and found[0] == made_from, found


# --- a record's body: docs._INLINE_MARK ------------------------------------------------------------------

def test_a_body_line_of_spaces_is_counted_in_a_blink() -> None:
    """A line of 1,000,000 spaces (a record is up to 1 MiB): the mark of a line break (two spaces or
    more before the end of a line) was tried at each of them, each reading the rest of the run: 200,000
    took 12 s of check, 1,000,000 would take five minutes."""
    cpu = _cpu_in_subprocess("from casekit.core.docs import crowded_paragraphs\n"
                             "work = lambda: crowded_paragraphs('가' + ' ' * 1_000_000 + 'x\\n', 'x.md', 1)")
    assert cpu < CPU_BOUND, cpu


@pytest.mark.parametrize("text", ["a  \nb", "a\\   \nb", "a\\  \nb", "\\\\   \n", "  \n  \n", "a \\ \n", " \\  \n"])
def test_line_breaks_are_counted_as_before(text: str) -> None:
    from casekit.core.docs import _INLINE_MARK
    before = re.compile(r"&[#A-Za-z0-9]|\\[^\n]|`+|\*+|_+|!?\[|<|\{| {2,}\n")
    assert _INLINE_MARK.findall(text) == before.findall(text)


# --- the search index: search_ko.predicates ----------------------------------------------------------------

@pytest.mark.parametrize(("piece", "count", "tail"), [("가", 1_000_000, "지도"), ("가지도 ", 200_000, "x"),
                                                    ("가지도 ", 200_000, "않는다")])
def test_verb_forms_before_a_negation_are_found_in_a_blink(piece: str, count: int, tail: str) -> None:
    """A record's line of 200,000 가 took 134 s of the build (PREDICATE_DO searched from each syllable
    read the run to its end), 20,000 `가지도 ` 12 s (each word read the rest of the run of verbs)."""
    cpu = _cpu_in_subprocess(f"from casekit.site.search_ko import predicates\ntext = {piece!r} * {count} + {tail!r}\n"
                             "work = lambda: predicates(text)")
    assert cpu < CPU_BOUND, cpu


def test_verb_forms_before_a_negation_are_those_of_the_pattern() -> None:
    """`predicates` drops the 도 `PREDICATE_DO` matches (the pattern the search worker uses)."""
    pieces = ["지도", "기도", "고도", "도", "지", "가", "열", " ", "  ", "\n", "않", "못", "말", "모르", "모름", "몰", "모",
              "x", ",", "(", "\u3000", "가지도", "않지도"]
    rng = random.Random(5)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert predicates(text) == PREDICATE_DO.sub(lambda m: m.group()[:-1], text), text
    assert predicates("약을 먹지도 못하고 잠들지도 않는다. 복약 지도 않음") == "약을 먹지 못하고 잠들지 않는다. 복약 지도 않음"


def test_verb_forms_before_hada_are_those_of_the_pattern() -> None:
    """`predicates` marks the particle `PREDICATE_GI` matches (울기도 했다), after dropping what
    `PREDICATE_DO` does, as the search worker applies the two patterns."""
    pieces = ["기도", "기는", "기만", "지도", "도", "기", "울", "가", " ", "  ", "\n", "하", "했다", "하고", "해요", "함",
              "한", "할머니", "않", "못", "x", ",", "하기도", "읽기는", "하지", "기까지", "기조차", "까지", "조차",
              "못했다", "못하고", "먹기조차"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        want = PREDICATE_GI.sub(lambda m: m.group()[:m.group().rindex("기") + 1] + GI,
                                PREDICATE_DO.sub(lambda m: m.group()[:-1], text))
        assert predicates(text) == want, text
    assert predicates("울기도 하고 웃기도 했다. 위기도 높음") == f"울기{GI} 하고 웃기{GI} 했다. 위기도 높음"
    assert predicates("울기까지 했다. 먹기조차 못 했다. 전기조차 끊김") == f"울기{GI} 했다. 먹기{GI} 못 했다. 전기조차 끊김"


@pytest.mark.parametrize("text", ["'가' * 200_000 + ' 가'", "'가 ' + '가' * 200_000 + '기도 했다'",
                                  "'가기도 ' * 20_000 + '했다'", "'ID나' * 100_000", "'가가 ' * 50_000"])
def test_the_terms_of_a_long_text_are_read_in_a_blink(text: str) -> None:
    """The words side by side (`search_ko._PAIR`: a run read once from where it starts), the verbs of
    -기도 하다 (`gi_keys`: each run read back once) and the particles after letters (`RUN_PARTICLE`)."""
    cpu = _cpu_in_subprocess(f"from casekit.site.search_ko import terms\ntext = {text}\nwork = lambda: terms(text)")
    assert cpu < CPU_BOUND, cpu


def test_a_date_option_of_many_spaces_is_read_in_a_blink() -> None:
    """`--date "2026-12-05 <4,000 spaces> x"`: the date-with-a-time pattern shared the spaces out
    every way (400 took 0.2 s, 4,000 minutes); a text past MAX_DATE_TEXT is no date mistyped."""
    cpu = _cpu_in_subprocess("import datetime as dt\nfrom casekit.core.hints import option_date_hint\n"
                             "work = lambda: option_date_hint('2026-12-05' + ' ' * 4000 + 'x', '--date', dt.date(2026, 12, 7))")
    assert cpu < CPU_BOUND, cpu


# --- every pattern ---------------------------------------------------------------------------------------

_PIECES = [" ", "\t", "\u3000", "가", "가 ", "지도 ", "1", "1-", "1.", "1,", "12:", "-", "- ", "-A", "A-", "a_", "a.",
           "[", "](", "<", "<a ", "*", "`", "_", "#", "> ", "|", ":", "a: ", "(", ")", "&", "\\", '"', "'",
           "\n", "\n  ", "\n    - ", "\n\t", "  a\n", "    - a\n", "\t\t\n", "가\n", "a ", "A"]
_SUFFIXES = ["\x00", "\n!"]
_REPEATS = (4, 8, 12, 16, 20, 24, 32, 48, 64)  # growing slowly: a pattern that doubles a repeat stops early
SLOW = 0.1  # CPU seconds of one reading past which a pattern is slow (the texts are at most a few hundred characters;
# the slowest pattern reads them in a hundredth)


def _module_patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, tuple[str, re.Pattern[str]]] = {}
    for info in pkgutil.walk_packages(casekit.__path__, "casekit."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value if isinstance(value, (tuple, list, frozenset)) else (value,)
            for x in values:
                if isinstance(x, re.Pattern) and isinstance(x.pattern, str):
                    found.setdefault(x.pattern, (f"{info.name}.{name}", x))
    return dict(found.values())


def _leads(pattern: re.Pattern[str]) -> list[str]:
    """Texts to put before the repeats: none, a few lines like fields, and the pattern's own opening
    literal text (`---\\n`, `<!--`) with and without those lines after it."""
    source = re.sub(r"^(?:\^|\\A)", "", pattern.pattern)
    literal, at = "", 0
    while at < len(source):
        ch = source[at]
        if ch == "\\" and source[at + 1:at + 2] == "n":
            ch, size = "\n", 2
        elif ch == "\\" and source[at + 1:at + 2] and not source[at + 1].isalnum():
            ch, size = source[at + 1], 2
        elif ch in "\\()[]{}*+?|.^$":
            break
        else:
            size = 1
        if source[at + size:at + size + 1] in ("*", "+", "?", "{"):
            break
        literal, at = literal + ch, at + size
    leads = ["", "a: b\nc: d\n"]
    if literal:
        leads += [literal, literal + "\na: b\nc: d\n"]
    return leads


def _slowest(pattern: re.Pattern[str]) -> tuple[float, str]:
    worst = (0.0, "")
    for lead, piece, suffix in itertools.product(_leads(pattern), _PIECES, _SUFFIXES):
        for n in _REPEATS:
            text = lead + piece * n + suffix
            started = time.process_time()
            pattern.search(text)
            pattern.fullmatch(text)
            took = time.process_time() - started
            if took > worst[0]:
                worst = (took, text)
            if took > SLOW:
                return worst
    return worst


# patterns only ever given a short text: the date hints read at most MAX_DATE_TEXT (40) characters
SHORT_TEXT_ONLY = frozenset({"casekit.core.hints._WITH_TIME", "casekit.core.hints._WEEKDAY"})


def test_no_pattern_tries_every_way_to_read_a_text() -> None:
    """Each compiled pattern of casekit's modules, on runs of blanks, Hangul, digits and separators,
    dashes, brackets, `<`, `*`, indented lines and mixes (after the pattern's own opening text), up to
    a few hundred characters: none takes a tenth of a second. A pattern whose time doubles with
    each repeat (nested repeats that can share text: `(?:[ \\t]+[^\\n]*\\n)*` in a repeat) stops at a
    few dozen, where a catastrophic one is already slow."""
    slow = []
    for name, pattern in _module_patterns().items():
        if name in SHORT_TEXT_ONLY:
            continue
        took, text = _slowest(pattern)
        if took > SLOW:
            slow.append((name, round(took, 3), text[:60]))
    assert not slow, slow


@pytest.mark.parametrize("source", [
    r"^---[ \t]*\n((?:[A-Za-z_][\w.-]*:[^\n]*\n(?:[ \t]+[^\n]*\n)*){2,})---[ \t]*$",  # docs._BODY_FRONT before 4a2d1aa
    r"(?:\s*\([^()]*\)|\s+[0-9]{1,3}|[\s_-]+(?i:copy|사본|복사본)(?:\s+[0-9]{1,3})?"
    r"|-(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]*|\.sync-conflict-[0-9A-Za-z-]+)+$",  # names._COPY_MARK before
])
def test_the_probe_finds_the_patterns_that_hung(source: str) -> None:
    """The general test above would have failed on the patterns that hung check."""
    code = (f"import re\nfrom tests.test_redos import _slowest, SLOW\np = re.compile({source!r}, re.M)\n"
            "def work():\n    assert _slowest(p)[0] > SLOW\n")
    _cpu_in_subprocess(code, timeout=120)
