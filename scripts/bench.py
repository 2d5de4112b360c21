#!/usr/bin/env python3
"""Benchmark casekit on large synthetic casebooks. Not a test: it reports, it does not judge.

    .venv/bin/python scripts/bench.py --cases 1000 10000            # everything
    .venv/bin/python scripts/bench.py --cases 1000 --no-build       # check only (about 2 minutes)

A casebook of N cases is made from the sample's 14 cases (every stage, in the proportions of a
practice: intake-only and early closures, full paths, reassessments, reopenings), each clone
varied: its own client name, numbers, address and birth date, all dates shifted, a few sentences
of Korean prose from the sample added to bodies, and open cases given extra monitoring records.

Each measurement is a separate process; its wall time and peak memory (proportional set size of
the whole process tree, sampled: workers included, the pages they share with their parent
counted once; never below the largest process's ru_maxrss)
are stated as ratios to a baseline from the same run, because this machine is shared and noisy:

- floor: one process reading every record and `yaml.load(front matter, Loader=yaml.CSafeLoader)`,
  nothing else;
- naive: python-frontmatter + `jsonschema.validate` per file (what a first script would do);
- check cold (cache deleted), warm (nothing changed), one edit (one record changed), one case
  (`casekit check cases/<id>`, warm): the `casekit check` command, end to end;
- build: `casekit build` (or `mkdocs build` with the plugin) beside a plain `mkdocs build` of as
  many plain Markdown pages of similar size (Material, search plugin), the two taking turns
  --repeat times from nothing (the fastest of each counts), then `casekit build` again
  with one record edited (the build folder kept: one case's pages made again);
- search payload: what a browser downloads of the search before its first result shows. The plain
  site's: Material's search worker and its whole index (`search/search_index.json`), which the
  worker fetches before it can answer anything. casekit's: measured in Chromium (Debian's, through
  Playwright, as the tests use it; `tests/search_measure.py`), three queries typed into the built
  site in a fresh browser each, the largest counted: the worker, the manifest and the shards it
  fetched until the first result showed. Without Chromium that row is left out and said so; the
  index's size on disk (every shard, those a browser fetches only for the results it shows too)
  is reported beside it either way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable

FLOOR = r"""
import sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
n = 0
for p in sorted([*root.glob("cases/*/*.md"), *root.glob("resources/*.md")]):
    text = p.read_text(encoding="utf-8")
    end = text.find("\n---", 3)
    yaml.load(text[4:end], Loader=yaml.CSafeLoader)
    n += 1
print(n)
"""

NAIVE = r"""
import json, sys
from pathlib import Path
import frontmatter, jsonschema
from referencing import Registry, Resource
root = Path(sys.argv[1])
schemas = {p.name[:-12]: json.loads(p.read_text(encoding="utf-8")) for p in (root / "schemas").glob("*.schema.json")}
registry = Registry().with_resources(
    (s.get("$id", f"{k}.schema.json"), Resource.from_contents(s)) for k, s in schemas.items())
bad = 0
for p in sorted([*root.glob("cases/*/*.md"), *root.glob("resources/*.md")]):
    post = frontmatter.load(p)
    kind = "resource" if p.parent.name == "resources" else p.stem.split("-", 1)[1]
    try:
        jsonschema.validate(post.metadata, schemas[kind], registry=registry)
    except jsonschema.ValidationError:
        bad += 1
print(bad)
"""


# --- the synthetic casebook -------------------------------------------------------------------

SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부황보"
GIVEN = "가강건경고관광교구규균근기길나남노누다단달담대덕도동두라래로루리마만명무문미민바박반배백범별병보봉빈사산상새서석선설섭성세소솔수숙순슬승시신아안애야양어언연열영예오옥온완요용우운울웅원월위유윤율으은음의이익인일임자잔장재전정제조종주준중지진찬창채천철초춘충치탁태택판평표하한해혁현형혜호홍화환황효후훈휘희"
DATE = re.compile(r"\b(20[12][0-9])-([01][0-9])-([0-3][0-9])\b")
RECORD_DATE = re.compile(r'^date: "?([0-9]{4}-[0-9]{2}-[0-9]{2})', re.M)


def _person(rng: random.Random, used: set[str], pairs: set[str]) -> str:
    """A name no other client has and no sample text contains (방문한 is a word, not a client), with a
    given name no text holds either (박사정: check names 사정 in every page as a given name)."""
    while True:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        if name not in used and name[1:] not in pairs:
            used.add(name)
            return name


def _shift(text: str, days: int) -> str:
    def sub(m: re.Match[str]) -> str:
        try:
            return (dt.date(int(m[1]), int(m[2]), int(m[3])) + dt.timedelta(days=days)).isoformat()
        except ValueError:
            return m[0]

    return DATE.sub(sub, text)


def _split(text: str) -> tuple[str, str]:
    end = text.index("\n---", 3)
    return text[: end + 4], text[end + 4 :]


# the client's age group (2 spaces in: a household member's is 4) and the ages it holds, as the
# intake schema's bands (check's age-group-mismatch): a clone is born so that its age fits the
# group of the sample case it copies at each of its intakes (records over two years at most)
CLIENT_AGE_GROUP = re.compile(r'^  age_group: "?([a-z_]+)"?$', re.M)
AGES = {"child": (0, 12), "youth": (13, 18), "adult": (19, 39), "middle_aged": (40, 64), "older": (65, 95)}


def _birth(rng: random.Random, book: list[tuple[str, str]], shift: int) -> dt.date:
    """A birth date for the clone of `book`: its client's age group at the first intake (moved by
    `shift` days), two years to spare before the band ends. Never in 2000-2009: a resident number's
    front (YYMMDD) then never reads as the digits of a synthetic case id (S000626), which the output
    audit would rightly call a variant of it; nor after 2022: a child born on a day some record of
    another case is dated (2024 on) would rightly be a sensitive value in that record."""
    intake = next(text for name, text in book if name.endswith("-intake.md"))
    group = CLIENT_AGE_GROUP.search(_split(intake)[0])
    low, high = AGES.get(group.group(1) if group else "adult", AGES["adult"])
    dated = RECORD_DATE.search(_split(intake)[0])
    day = (dt.date.fromisoformat(dated.group(1)) if dated else dt.date.today()) + dt.timedelta(days=shift)
    while True:
        age = rng.randint(max(low, 4), max(low, high - 2))
        birth = day - dt.timedelta(days=365 * age + rng.randint(30, 330))
        if not 2000 <= birth.year <= 2009 and birth.year <= 2022:
            return birth


# the words of a record's own line in a clone (`make_casebook`): five of them, in an order no other record has
MEMO_WORDS = ("상담", "방문", "전화", "확인", "연계", "지원", "가족", "건강", "주거", "생계", "일자리", "학교", "병원",
              "센터", "서류", "신청", "결정", "안내", "동행", "점검", "계획", "목표", "변화", "의지", "관계", "이웃",
              "자녀", "식사", "수급", "생활")


def make_casebook(dest: Path, n_cases: int, seed: int = 10) -> Path:
    """A casebook of `n_cases` cases cloned from the sample, each clone varied."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in ("mkdocs.yml", "casekit.yml"):
        shutil.copy2(REPO / part, dest / part)
    for part in ("resources", "schemas", "templates", "docs", "overrides"):
        if (REPO / part).is_dir():
            shutil.copytree(REPO / part, dest / part)
    samples = sorted(p for p in (REPO / "cases").iterdir() if p.is_dir())
    books = [[(f.name, f.read_text(encoding="utf-8")) for f in sorted(s.glob("*.md"))] for s in samples]
    prose: dict[str, list[str]] = {}  # stage -> sentences of the sample's bodies
    for book in books:
        for name, text in book:
            stage = name[3:-3]
            for line in _split(text)[1].splitlines():
                if line.strip() and not line.startswith(("#", "|", "-", "<", ">")):
                    prose.setdefault(stage, []).append(line.strip())
    texts = [text for book in books for _, text in book]
    texts += [f.read_text(encoding="utf-8") for part in ("docs", "resources") for f in sorted((REPO / part).rglob("*.md"))]
    used = {text[i : i + 3] for text in texts for i in range(len(text) - 2)}  # (단계인 is in a docs/ page)
    # (each two syllables in a row with what is between them left out, as check reads a given name
    # split by punctuation: 예: `박○○` holds 예박)
    hangul = [re.sub(r"[^가-힣]+", "", text) for text in texts]
    pairs = {text[i : i + 2] for text in hangul for i in range(len(text) - 1)}
    cases = dest / "cases"
    cases.mkdir()
    aliases: dict[str, int] = {}
    for i in range(n_cases):
        k = i % len(samples)
        src, book = samples[k].name, list(books[k])
        cid = f"S{i:06d}"
        # an open case whose last monitoring is its latest review gets more reviews (1-3)
        if not any("-closure" in n for n, _ in book) and any("-monitoring" in n for n, _ in book):
            last = max((n for n, _ in book if "-monitoring" in n), key=lambda n: int(n[:2]))
            text = dict(book)[last]
            nn = max(int(n[:2]) for n, _ in book)
            for j in range(rng.randint(1, 3)):
                # (a line of its own: a review is not the last one's text again, which check calls record-copied)
                again = _shift(text, 45 * (j + 1)).rstrip("\n") + f"\n\n추가 점검 {j + 1}회차: 지난 점검 뒤의 변화를 다시 확인했다.\n"
                book.append((f"{nn + j + 1:02d}-monitoring.md", again))
        shift = -rng.randint(0, 720)
        # no record dated after the day the casebook is made (check would rightly call it one
        # written ahead, `date-future`): the added reviews move the case back in time when needed
        latest = max(dt.date.fromisoformat(m[1]) for _, text in book for m in RECORD_DATE.finditer(_split(text)[0]))
        shift = min(shift, (dt.date.today() - latest).days)
        name = _person(rng, used, pairs)
        birth = _birth(rng, book, shift)
        digits = f"{1000 + i // 10000:04d}-{i % 10000:04d}"
        # the digit of century and sex, as the intake's gender says (check holds the two together)
        female = any(re.search(r"^\s+gender: female\b", text, re.M) for _, text in book)
        century = ("2" if female else "1") if birth.year < 2000 else ("4" if female else "3")
        values = {
            "name": name,
            "birth_date": birth.isoformat(),
            "resident_number": f"{birth:%y%m%d}-{century}{i:06d}",
            "phone": f"010-{digits}",
            "referrer_contact": f"010-{9000 - i // 10000:04d}-{i % 10000:04d}",
            # road-name addresses with 동·호 (as most are): a lot number such as "가람동 3-58" would
            # also match a row of a list page that shows 가람동 beside the counts 3 and 58
            "address": f"가온구 {rng.choice(['나래', '가람', '다온', '새솔'])}로{rng.randint(1, 40)}길 "
                       f"{rng.randint(1, 99)}, {rng.randint(101, 120)}동 {rng.randint(1, 25)}{rng.randint(1, 4):02d}호",
        }
        # 김○수 as the schema advises, numbered when another case took it: an agency keeps the
        # aliases of its open cases apart (the alias-duplicate rule), so the clones do too
        alias = f"{name[0]}○{name[2]}"
        aliases[alias] = aliases.get(alias, 0) + 1
        if aliases[alias] > 1:
            alias += str(aliases[alias])
        folder = cases / cid
        folder.mkdir()
        for fname, text in book:
            head, body = _split(text)
            head = re.sub(rf'^case: "?{re.escape(src)}"?$', f'case: "{cid}"', head, count=1, flags=re.M)
            for key, value in values.items():
                head = re.sub(rf'^(\s+{key}: )".*"$', rf'\g<1>"{value}"', head, flags=re.M)
            head = re.sub(r'^(\s+alias: )".*"$', rf'\g<1>"{alias}"', head, flags=re.M)
            head = re.sub(r'^(\s+birth_date: )"[0-9-]+"', rf'\g<1>"{values["birth_date"]}"', head, flags=re.M)
            pool = prose.get(fname[3:-3]) or []
            extra = " ".join(rng.sample(pool, min(len(pool), rng.randint(0, 3))))
            # a line of the record's own, as every record has (a body word for word another case's is
            # what check calls case-copied), of words the sample holds: the index gets no terms from it
            n = i * 100 + int(fname[:2])
            own = " ".join(MEMO_WORDS[n // len(MEMO_WORDS) ** k % len(MEMO_WORDS)] for k in range(5))
            body = body.rstrip("\n") + ("\n\n" + extra if extra else "") + f"\n\n메모: {own}.\n"
            (folder / fname).write_text(_shift(head, shift) + _shift(body, shift), encoding="utf-8")
    return dest


def make_plain(dest: Path, pages: int, page_bytes: int, seed: int = 10) -> Path:
    """A plain MkDocs site: `pages` Markdown pages of Korean prose, Material theme, search."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "docs").mkdir(parents=True)
    # a short fixed menu, as the casebook's own mkdocs.yml has: without `nav` MkDocs lists every
    # page in the menu of every page, and the baseline would time that (quadratic: 69 s for
    # 2,092 pages against 4.9 s with this menu), not the building of pages
    (dest / "mkdocs.yml").write_text(
        "site_name: plain\ntheme:\n  name: material\n  language: ko\n  font: false\nplugins:\n  - search\n"
        "nav:\n  - index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n",
        encoding="utf-8",
    )
    prose = [
        line.strip()
        for f in sorted((REPO / "cases").glob("*/*.md"))
        for line in _split(f.read_text(encoding="utf-8"))[1].splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for i in range(pages):
        parts = [f"# 문서 {i}\n"]
        size = 0
        section = 0
        while size < page_bytes:
            if size // 1500 >= section:
                section += 1
                parts.append(f"\n## 항목 {section}\n")
            line = rng.choice(prose)
            parts.append(line)
            size += len(line.encode("utf-8")) + 1
        folder = dest / "docs" / f"d{i // 500:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"p{i:06d}.md").write_text("\n".join(parts) + "\n", encoding="utf-8")
    (dest / "docs" / "index.md").write_text("# plain\n", encoding="utf-8")
    return dest


# --- measuring ---------------------------------------------------------------------------------


def _pss(pid: int) -> int | None:
    """Proportional set size of one process (a page shared by n processes counts 1/n), or None."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _tree_rss(pid: int) -> int:
    """Memory of `pid` and its descendants (Linux /proc), 0 when unknown: the sum of their
    proportional set sizes, so the pages forked workers share with their parent count once (the
    sum of resident sizes would count them in every process); resident size where PSS is not
    available."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        p = int(entry)
        children.setdefault(int(fields[1]), []).append(p)
        rss[p] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        pss = _pss(p)
        total += rss.get(p, 0) if pss is None else pss
        todo += children.get(p, [])
    return total


def run(cmd: list[str], cwd: Path, ok: tuple[int, ...] = (0,), every: float | None = 0.05) -> dict[str, float]:
    """Wall seconds and peak MiB of `cmd` (its whole process tree), its memory sampled `every`
    seconds (None: not sampled, only the largest process's peak from wait4: reading the
    proportional set sizes takes milliseconds of a core a sample, which a command using both
    cores of the machine would wait for)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        peak, sampling = 0, os.path.isdir("/proc") and every is not None
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG if sampling else 0)
            if pid:
                break
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(every or 0.05)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n{stderr[-3000:]}")
    # ru_maxrss of wait4: the largest single process of the tree (its reaped workers included)
    maxrss = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime  # the tree's CPU time: steadier than wall time on a busy machine
    return {"seconds": seconds, "cpu": cpu, "peak_mib": max(peak / 2**20, maxrss), "maxrss_mib": maxrss, "stdout": stdout}


def _check(root: Path, *extra: str) -> list[str]:
    return [PY, "-m", "casekit", "check", "--format", "json", *extra]


def bench_check(root: Path, repeat: int) -> list[tuple[str, dict[str, float], str]]:
    rows: list[tuple[str, dict[str, float], str]] = []

    def best(name: str, cmd: list[str], base: str, ok: tuple[int, ...] = (0,), before: object = None,
             apart: bool = False) -> None:
        """The fastest of `repeat` runs; `apart`: timed unsampled, its memory from one more run
        (casekit uses both cores: a sampler would slow it down, not the one-process floor)."""
        results = []
        for _ in range(repeat):
            if callable(before):
                before()
            results.append(run(cmd, root, ok, every=None if apart else 0.05))
        r = min(results, key=lambda x: x["seconds"])
        if apart:
            if callable(before):
                before()
            results.append(run(cmd, root, ok))
        r["peak_mib"] = max(x["peak_mib"] for x in results)
        r["cpu"] = min(x["cpu"] for x in results)
        rows.append((name, r, base))

    cache = Path(os.environ["CASEKIT_CACHE_DIR"])  # set by main(): this run's own cache folder
    drop = lambda: shutil.rmtree(cache, ignore_errors=True)  # noqa: E731
    best("floor", [PY, "-c", FLOOR, str(root)], "floor")
    # the naive peer once, whatever --repeat says: it takes minutes, and its ratios (20-40x) dwarf
    # the noise; a slow run of it flatters casekit a little, which the CPU ratio shows
    naive = run([PY, "-c", NAIVE, str(root)], root, (0,), every=0.05)
    rows.append(("naive", naive, "floor"))
    best("check cold", _check(root), "floor", (0, 1), before=drop, apart=True)
    run(_check(root), root, (0, 1))  # the cache is filled
    best("check warm", _check(root), "floor", (0, 1), apart=True)
    victim = sorted((root / "cases").glob("*/*-monitoring.md"))[len(list((root / "cases").iterdir())) // 2]
    original = victim.read_text(encoding="utf-8")
    counter = iter(range(10**6))

    def edit() -> None:
        victim.write_text(original + f"\n추가 관찰 {next(counter)}: 이번 주 방문에서 특이사항 없음.\n", encoding="utf-8")

    best("check one edit", _check(root), "floor", (0, 1), before=edit, apart=True)
    victim.write_text(original, encoding="utf-8")
    run(_check(root), root, (0, 1))
    best("check one case", _check(root, str(victim.parent)), "floor", (0, 1), apart=True)
    return rows


def bench_build(root: Path, work: Path, repeat: int = 1) -> list[tuple[str, dict[str, float], str]]:
    """The builds from nothing (no site, no build folder), casekit's and the plain one taking
    turns `repeat` times, the fastest of each counted: this machine's speed drifts by a quarter
    within minutes, and runs that alternate meet the same drift."""
    rows: list[tuple[str, dict[str, float], str]] = []
    has_build = subprocess.run([PY, "-m", "casekit", "build", "--help"], capture_output=True, check=False).returncode == 0
    env_cmd = [PY, "-m", "casekit", "build"] if has_build else [PY, "-m", "mkdocs", "build", "-q", "-d", "site"]
    plain_cmd = [PY, "-m", "mkdocs", "build", "-q", "-d", "site"]
    site = root / "site"
    runs: list[dict[str, float]] = []
    plains: list[dict[str, float]] = []
    plain: Path | None = None
    for _ in range(max(repeat, 1)):
        for leftover in (site, root / ".casekit" / "build"):
            shutil.rmtree(leftover, ignore_errors=True)
        runs.append(run(env_cmd, root, every=0.25))  # (minutes long: sampled less often, to disturb it less)
        if plain is None:  # as many pages as casekit's site, of its records' text
            pages = sum(1 for p in site.rglob("*.html") if p.name != "404.html")
            text_bytes = sum(p.stat().st_size for p in (root / "cases").rglob("*.md"))
            plain = make_plain(work / "plain", pages, max(text_bytes // max(pages, 1), 200))
        shutil.rmtree(plain / "site", ignore_errors=True)
        plains.append(run(plain_cmd, plain, every=0.25))
    r = min(runs, key=lambda m: m["seconds"])
    p = min(plains, key=lambda m: m["seconds"])
    rows.append(("plain mkdocs build", p, "plain mkdocs build"))
    rows.append(("casekit build" if has_build else "mkdocs build (plugin)", r, "plain mkdocs build"))
    if has_build:  # again with the build folder kept, one record edited: one case's pages made again
        victim = sorted((root / "cases").glob("*/*-monitoring.md"))[len(list((root / "cases").iterdir())) // 3]
        original = victim.read_text(encoding="utf-8")
        victim.write_text(original + "\n추가 관찰: 다음 방문 일정을 다시 잡았다.\n", encoding="utf-8")
        try:
            again = run(env_cmd, root, every=0.25)
        finally:
            victim.write_text(original, encoding="utf-8")
        rows.append(("casekit build, 1 edit", again, "plain mkdocs build"))
    plain_site = plain / "site"
    plain_payload = sum(f.stat().st_size for f in (plain_site / "search").rglob("*") if f.is_file()) + \
        sum(f.stat().st_size for f in plain_site.glob("assets/javascripts/workers/search*.js"))
    rows.append(("plain search payload", {"bytes": plain_payload}, "plain search payload"))
    first = first_result_bytes(site)
    if first is not None:
        rows.append(("casekit search payload", {"bytes": first}, "plain search payload"))
    on_disk = sum(f.stat().st_size for f in (site / "search").rglob("*") if f.is_file())
    rows.append(("casekit index on disk", {"bytes": on_disk}, "plain search payload"))
    rows.append(("pages", {"count": pages}, ""))
    return rows


FIRST_QUERIES = ("주거 지원", "채무독촉", "상담하였음")  # (as tests/test_search_ko.py times them)


def first_result_bytes(site: Path) -> int | None:
    """The most bytes of search (its worker, manifest and shards) Chromium downloaded before the
    first result of FIRST_QUERIES showed, each typed in a fresh browser context into `site`
    served on localhost; None (and a line saying why) when there is no browser to measure with."""
    sys.path.insert(0, str(REPO))
    try:
        from tests.search_measure import browser_or_none, measure_first_result
    except ImportError as e:  # (the test tools are not installed: `bash scripts/test.sh` installs them)
        print(f"# search payload not measured: {e}")
        return None
    finally:
        sys.path.pop(0)
    with browser_or_none() as browser:
        if browser is None:
            print("# search payload not measured: no Chromium (/usr/bin/chromium) to measure it in")
            return None
        return max(measure_first_result(browser, site, query, 0).bytes_search for query in FIRST_QUERIES)


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) // 1024
    except OSError:
        mem = 0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return (f"nproc {os.cpu_count()}, {cpu}, RAM {mem} MiB, load {load:.1f}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement; the fastest counts")
    ap.add_argument("--no-build", action="store_true", help="skip the site builds")
    ap.add_argument("--build-cases", type=int, nargs="*", help="build the site only at these sizes")
    ap.add_argument("--keep", type=Path, help="generate the casebooks here and keep them")
    ap.add_argument("--generate", action="store_true", help="only generate the casebooks (with --keep)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="casekit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ["CASEKIT_CACHE_DIR"] = str(work / "cache")  # never the user's own cache
    # Python's default: compiled modules kept beside their source (__pycache__). A machine that sets
    # PYTHONDONTWRITEBYTECODE (this one does) makes every command compile casekit's ~70 modules
    # again, ~0.2 s of each check, which no user's Python does; the package is compiled once here.
    bytecode = "PYTHONDONTWRITEBYTECODE" not in os.environ
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([PY, "-c", "import casekit, compileall, pathlib; "
                    "compileall.compile_dir(pathlib.Path(casekit.__file__).parent, quiet=1)"], check=False)
    started = time.perf_counter()
    print(f"# casekit benchmark, {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"# {machine()}")
    print("# ratio = this figure / its baseline in the same run; time = fastest of --repeat runs")
    print("# bytecode: casekit compiled and its modules' caches used, as Python does by default"
          + ("" if bytecode else " (PYTHONDONTWRITEBYTECODE was set here; unset for the measured commands)"))
    print("# cpu = user+system seconds of the whole process tree (workers included): on a shared")
    print("# machine wall time mostly measures the wait for a core; a quiet machine shows the wall ratio")
    print(f"{'cases':>6} {'records':>8}  {'what':<24} {'seconds':>8} {'ratio':>7} {'cpu s':>7} {'cpu ratio':>9}  {'baseline':<20} {'peak MiB':>8}")
    results = []
    try:
        for n in args.cases:
            root = make_casebook(work / f"cb{n}", n)
            if args.generate:
                print(f"generated {root}")
                continue
            records = sum(1 for _ in root.glob("cases/*/*.md"))
            rows = bench_check(root, args.repeat)
            if not args.no_build and (args.build_cases is None or n in args.build_cases):
                rows += bench_build(root, work, args.repeat)
            base = {name: r for name, r, _ in rows}
            for name, r, b in rows:
                if "seconds" in r:
                    ratio = r["seconds"] / base[b]["seconds"]
                    cpu_ratio = r["cpu"] / base[b]["cpu"]
                    print(f"{n:>6} {records:>8}  {name:<24} {r['seconds']:>8.2f} {ratio:>6.2f}x {r['cpu']:>7.2f} "
                          f"{cpu_ratio:>8.2f}x  {b:<20} {r['peak_mib']:>8.0f}")
                elif "bytes" in r:
                    ratio = r["bytes"] / base[b]["bytes"]
                    print(f"{n:>6} {records:>8}  {name:<24} {r['bytes'] / 2**20:>7.2f}M {ratio:>6.2f}x  {b:<20}")
                else:
                    print(f"{n:>6} {records:>8}  {name:<24} {r['count']:>8}")
                results.append({"cases": n, "records": records, "what": name, "baseline": b,
                                **{k: v for k, v in r.items() if k != "stdout"}})
            for other in ("check cold", "check warm"):
                wall = base["naive"]["seconds"] / base[other]["seconds"]
                cpu = base["naive"]["cpu"] / base[other]["cpu"]
                print(f"{n:>6} {records:>8}  {'naive / ' + other:<24} {'':>8} {wall:>6.1f}x {'':>7} {cpu:>8.1f}x")
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)
                shutil.rmtree(work / "plain", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"# whole run: {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
