"""Case ids: the random default, the sequential scheme of casekit.yml (numbering under a lock), and
what `check` says when ids collide or when two clones picked the same number (a git conflict)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casekit.core.config import load_config
from casekit.core.ids import IdScheme, collisions, next_sequential, parse_scheme
from casekit.core.init import init_casebook
from tests.builders import FULL_PATH, make_casebook
from tests.test_changed import GIT_ENV, git

SEQUENTIAL = 'ids:\n  scheme: sequential\n  prefix: "{year}-"\n  width: 4\n'


def test_default_stays_random(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path / "book", {})
    out = run(root, "new", "--worker", "kim.sw", "--date", "2026-11-22").output.splitlines()[0]
    assert re.fullmatch(r"cases/20261122-[0-9A-HJKMNP-TV-Z]{4}/01-intake\.md", out)


def test_a_random_id_among_numbered_cases_is_said_with_the_next_number(sample: Path, run) -> None:
    """`casekit new` in a casebook of 2026-0001 … 2026-0014 made 20261201-V531 in silence: every list
    mixed the two from then on (a probe). It is made (random is the default) and warned of, with the
    next number and the setting that makes it; once `ids.scheme` is written, nothing is said."""
    made = run(sample, "new", "--worker", "kim.sw", "--date", "2026-11-22")
    assert made.exit_code == 0 and re.fullmatch(r"cases/20261122-[0-9A-Z]{4}/01-intake\.md", made.stdout.strip())
    assert "다른 사례 번호는 모두 2026-0014처럼 일련번호인데" in made.stderr
    assert "casekit new 2026-0015로 만드세요" in made.stderr and "scheme: sequential" in made.stderr
    shutil.rmtree((sample / made.stdout.strip()).parent)  # (the casebook numbered again, throughout)
    config = sample / "casekit.yml"
    config.write_text(config.read_text(encoding="utf-8") + 'ids: {scheme: random}\n', encoding="utf-8")
    chosen = run(sample, "new", "--worker", "kim.sw", "--date", "2026-11-22")
    assert chosen.exit_code == 0 and "경고" not in chosen.stderr, chosen.output


def test_sequential_numbers_follow_the_highest_of_the_year(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path / "book", {"2026-0011": FULL_PATH[:1], "2025-0040": FULL_PATH[:1]})
    (root / "casekit.yml").write_text(SEQUENTIAL, encoding="utf-8")
    # --force: 2027-01-02 may lie ahead of today, and `new` refuses a future intake date without it
    made = [run(root, "new", "--worker", "kim.sw", "--date", day, "--force").output.splitlines()[0]
            for day in ("2026-11-22", "2026-11-23", "2025-12-31", "2027-01-02")]
    assert made == ["cases/2026-0012/01-intake.md", "cases/2026-0013/01-intake.md",
                    "cases/2025-0041/01-intake.md", "cases/2027-0001/01-intake.md"]
    text = (root / "cases/2026-0013/01-intake.md").read_text(encoding="utf-8")
    assert 'case: "2026-0013"' in text or "case: 2026-0013" in text
    assert run(root, "check", "cases/2026-0013").exit_code == 1  # placeholders, but no id trouble
    assert "case-mismatch" not in run(root, "check", "cases/2026-0013").output


def test_next_sequential_reads_the_number_whatever_its_zeros_and_case() -> None:
    scheme = IdScheme("sequential", "GA-{year}-", 3)
    day = dt.date(2026, 1, 5)
    assert next_sequential(scheme, day, []) == "GA-2026-001"
    assert next_sequential(scheme, day, ["ga-2026-7", "GA-2026-0012", "GA-2025-900", "GA-2026-x", "notes"]) == "GA-2026-013"
    assert next_sequential(scheme, day, ["GA-2026-999"]) == "GA-2026-1000"  # wider, never wrapped


def test_sequential_new_in_parallel_processes_gets_distinct_consecutive_numbers(tmp_path: Path) -> None:
    root = make_casebook(tmp_path / "book", {})
    (root / "casekit.yml").write_text(SEQUENTIAL, encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, "-m", "casekit", "new", "--worker", "kim.sw", "--date", "2026-05-01"],
                              cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    outs = [p.communicate()[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert sorted(outs) == [f"cases/2026-{n:04d}/01-intake.md" for n in range(1, 7)]


@pytest.mark.parametrize(("raw", "problem"), [
    ({"scheme": "serial"}, "ids.scheme"),
    ({"scheme": "sequential", "prefix": "../{year}"}, "ids.prefix"),
    ({"scheme": "sequential", "width": 0}, "ids.width"),
    ({"scheme": "sequential", "width": True}, "ids.width"),
    ({"scheme": "sequential", "start": 5}, "unknown key"),
    ("sequential", "a mapping"),
])
def test_bad_id_settings_are_config_findings(raw: object, problem: str) -> None:
    scheme, problems = parse_scheme(raw)
    assert scheme.scheme in ("random", "sequential") and len(problems) == 1 and problem in problems[0]


def test_bad_id_settings_are_located_in_casekit_yml(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:1]})
    (root / "casekit.yml").write_text("lang: ko\nids:\n  scheme: serial\n", encoding="utf-8")
    assert load_config(root).ids == IdScheme()  # a bad setting falls back to the default
    found = json.loads(run(root, "check", "--format", "json").output)["findings"]
    assert [(f["path"], f["line"], f["code"]) for f in found] == [("casekit.yml", 3, "config-invalid")]


def test_init_writes_the_random_scheme_explicitly(tmp_path: Path) -> None:
    init_casebook(tmp_path / "book")
    assert load_config(tmp_path / "book").ids == IdScheme("random", "{year}-", 4)
    assert not load_config(tmp_path / "book").findings


def test_colliding_ids_are_reported_on_both_folders(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path / "book", {
        "2026-13": FULL_PATH[:1], "2026-0013": FULL_PATH[:1], "2026-0014": FULL_PATH[:1],
        "ab-1": FULL_PATH[:1], "AB-1": FULL_PATH[:1],
    })
    found = json.loads(run(root, "check", "--format", "json").output)["findings"]
    letter_case = [f["path"] for f in found if f["code"] == "case-id-collision"]
    assert sorted(letter_case) == ["cases/AB-1", "cases/ab-1"]  # the random scheme: letter case only
    (root / "casekit.yml").write_text(SEQUENTIAL, encoding="utf-8")
    result = run(root, "check", "--format", "json")
    found = json.loads(result.output)["findings"]
    assert sorted(f["path"] for f in found if f["code"] == "case-id-collision") == \
        ["cases/2026-0013", "cases/2026-13", "cases/AB-1", "cases/ab-1"]
    assert result.exit_code == 1 and all(f["severity"] == "error" for f in found if f["code"] == "case-id-collision")
    text = run(root, "check", "cases/2026-13").output
    assert "2026-0013" in text and "같은 일련번호" in text  # a check of one case names the other
    assert collisions(["x"], IdScheme("sequential")) == []


def test_two_clones_that_pick_the_same_number_get_a_conflict_that_check_reports(tmp_path: Path, run) -> None:
    """The trade-off of the sequential scheme, for real: two clones create 2026-0001 on the same
    day; git stops the merge with an add/add conflict and `check` points at the markers."""
    origin = make_casebook(tmp_path / "origin", {})
    (origin / "casekit.yml").write_text(SEQUENTIAL, encoding="utf-8")
    (origin / "cases").mkdir()
    (origin / "cases/.gitkeep").write_text("", encoding="utf-8")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-qm", "start")
    clones = []
    for who in ("kim.sw", "lee.sw"):
        clone = tmp_path / who
        git(tmp_path, "clone", "-q", str(origin), str(clone))
        assert run(clone, "new", "--worker", who, "--date", "2026-03-02").output.startswith("cases/2026-0001/")
        git(clone, "add", "-A")
        git(clone, "commit", "-qm", f"{who}: 새 사례")
        clones.append(clone)
    kim, lee = clones
    git(lee, "fetch", "-q", str(kim), "main")  # as if kim had pushed and lee pulled
    merge = subprocess.run(["git", "-C", str(lee), "merge", "FETCH_HEAD"], capture_output=True, text=True,
                           env={**os.environ, **GIT_ENV})
    assert merge.returncode != 0 and "add/add" in merge.stdout
    found = json.loads(run(lee, "check", "--format", "json").output)["findings"]
    conflict = [f for f in found if f["code"] == "git-conflict"]
    assert conflict == [{"path": "cases/2026-0001/01-intake.md", "line": 5, "column": 1, "severity": "error",
                         "code": "git-conflict", "message": conflict[0]["message"]}]
    assert "병합 충돌" in conflict[0]["message"] and "casekit new" in conflict[0]["message"]
    lines = (lee / "cases/2026-0001/01-intake.md").read_text(encoding="utf-8").splitlines()
    assert lines[4].startswith("<<<<<<< ")
    assert [f["code"] for f in found if f["path"].startswith("cases/2026-0001")] == ["git-conflict"]  # nothing piled on


def test_new_refuses_an_id_that_collides_with_a_case_there(tmp_path: Path, run) -> None:
    """`new ABC` then `new abc` made both folders (one folder on Windows and macOS), and check
    then refused both; `new 2026-12` beside 2026-0012 in the sequential scheme the same."""
    root = make_casebook(tmp_path / "book", {"ABC": FULL_PATH[:1], "2026-0012": FULL_PATH[:1]})
    (root / "casekit.yml").write_text(SEQUENTIAL, encoding="utf-8")
    for cid, why in (("abc", "대소문자만 다릅니다"), ("2026-12", "같은 일련번호입니다")):
        result = run(root, "new", cid, "--worker", "kim.sw", "--date", "2026-11-22")
        assert result.exit_code == 1 and why in result.output and "다른 번호를 주세요" in result.output, result.output
        assert not (root / "cases" / cid).exists()
    assert run(root, "new", "ABC", "--worker", "kim.sw").exit_code == 1  # there already: as before
    made = run(root, "new", "XYZ", "--worker", "kim.sw", "--date", "2026-11-22")
    assert made.exit_code == 0 and (root / "cases/XYZ/01-intake.md").is_file(), made.output


@pytest.mark.parametrize("holder", ["2026", "종결"])
def test_sequential_new_skips_the_id_of_a_case_moved_into_a_folder(sample: Path, run, holder: str) -> None:
    """A case folder moved by mistake into a folder of cases/ (cases/2026/2026-0014/, which check
    reports as case-in-folder) was not seen by `new`: it handed out 2026-0014 again, two cases under
    one id once the folder is moved back. The next number skips it, and naming it is refused."""
    (sample / "casekit.yml").write_text(SEQUENTIAL, encoding="utf-8")
    (sample / "cases" / holder).mkdir(exist_ok=True)
    shutil.move(sample / "cases/2026-0014", sample / "cases" / holder / "2026-0014")
    assert "case-in-folder" in run(sample, "check").output
    made = run(sample, "new", "--worker", "kim.sw", "--date", "2026-11-22")
    assert made.exit_code == 0 and made.stdout.strip() == "cases/2026-0015/01-intake.md", made.output
    assert not (sample / "cases/2026-0014").exists()
    for cid, says in (("2026-0014", f"git mv cases/{holder}/2026-0014 cases/2026-0014"), ("2026-14", "같은 일련번호입니다")):
        again = run(sample, "new", cid, "--worker", "kim.sw", "--date", "2026-11-22")
        assert again.exit_code == 1 and says in again.output, again.output
        assert not (sample / "cases" / cid).exists(), again.output


def test_a_random_id_among_numbered_cases_counts_those_moved_into_a_folder(sample: Path, run) -> None:
    """The warning's next number counts a case moved into a folder (and not the folder as a case)."""
    (sample / "cases/2026").mkdir()
    shutil.move(sample / "cases/2026-0014", sample / "cases/2026/2026-0014")
    made = run(sample, "new", "--worker", "kim.sw", "--date", "2026-11-22")
    assert made.exit_code == 0 and "casekit new 2026-0015로 만드세요" in made.stderr, made.output
