"""Sensitive values an attacker (or a paste gone wrong) made absurdly long, and published texts of a
megabyte holding a hundred thousand values: `casekit check` (cold, warm, one case) and `casekit build`
end in seconds, with a finding at the value's line and column.

Each value of an `x-sensitive` field was one word of the index's automaton, and pyahocorasick follows
a word's prefixes back at each character of a text that repeats it: 100,000 syllables of
`client.address`, repeated in a published `eligibility.reason`, held a check for 20 s (100,000 `가`)
to minutes (half a megabyte of digits). Such a value is no real one: it is left out of the index and
said at its line (`sensitive-value-too-long`, an error: a value no text is searched for is not
protected). A published field of a megabyte was read again for each of its hits (its line split, its
value compared on its line: 80 s for 75,000 phone numbers in one note). The CPU bounds are several
times what the check takes now; the old reading took several times more than them."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.sensitive import MAX_VALUE, SensitiveIndex
from tests.conftest import copy_casebook

CODE = "sensitive-value-too-long"
INTAKE = "cases/2026-0001/01-intake.md"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _casekit(root: Path, *args: str, timeout: float = 300) -> tuple[subprocess.CompletedProcess[str], float]:
    """A real `casekit` run in `root` (a process of its own, with its workers): its result and the CPU
    time it and its workers took."""
    before = _children_cpu()
    proc = subprocess.run([sys.executable, "-m", "casekit", *args], cwd=root, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "LANG": "ko_KR.UTF-8", "NO_MKDOCS_2_WARNING": "1"},
                          check=False)
    return proc, _children_cpu() - before


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _plant_everywhere(root: Path, value: str) -> dict[tuple[str, str], tuple[int, int]]:
    """`value` in every kind of sensitive field (a client's name, birth date, resident number,
    phone, address, a referrer's contact, a guardian's name, a household member's name, a meeting's
    participant's name, a resource's contact person and phone) and in a published field and the body
    beside them; {(file, field): (line, column) of the value}."""
    q = _quoted(value)
    text = (root / INTAKE).read_text(encoding="utf-8")
    for key in ("referrer_contact", "name", "birth_date", "resident_number", "phone", "address", "reason"):
        text, n = re.subn(rf"(?m)^(  {key}: ).*$", lambda m: m.group(1) + q, text, count=1)
        assert n == 1, key
    (root / INTAKE).write_text(text + "\n" + value + "\n", encoding="utf-8")
    _edit(root, "cases/2026-0011/01-intake.md", 'guardian_name: "정옥순"', f"guardian_name: {q}")
    _edit(root, "cases/2026-0002/01-intake.md", '    relation: "자녀(아들)"', f'    name: {q}\n    relation: "자녀(아들)"')
    _edit(root, "cases/2026-0010/05-conference.md", '  - agency: "가온종합사회복지관"\n    role: "사례관리자"',
          f'  - agency: "가온종합사회복지관"\n    name: {q}\n    role: "사례관리자"')
    _edit(root, "resources/gaon-food-bank.md", 'contact_person: "정보람 팀장"', f"contact_person: {q}")
    _edit(root, "resources/gaon-food-bank.md", 'contact_phone: "010-0000-9104"', f"contact_phone: {q}")
    where = {}
    for rel, field in [(INTAKE, "referral.referrer_contact"), (INTAKE, "client.name"), (INTAKE, "client.birth_date"),
                       (INTAKE, "client.resident_number"), (INTAKE, "client.phone"), (INTAKE, "client.address"),
                       ("cases/2026-0011/01-intake.md", "consents[1].guardian_name"),
                       ("cases/2026-0002/01-intake.md", "household_members[1].name"),
                       ("cases/2026-0010/05-conference.md", "participants[1].name"),
                       ("resources/gaon-food-bank.md", "contact_person"), ("resources/gaon-food-bank.md", "contact_phone")]:
        key = field.rsplit(".", 1)[-1]
        lines = (root / rel).read_text(encoding="utf-8").split("\n")
        line = next(i for i, text in enumerate(lines, 1) if text.lstrip(" -").startswith(f"{key}: {q}"))
        where[(rel, field)] = (line, lines[line - 1].index(q) + 1)
    return where


# --- the case found: a client's address of 100,000 syllables, published again in a field -------


@pytest.mark.parametrize("unit", ["가", "1", "가나", "010-", "1동 "])
def test_a_huge_address_is_said_at_its_value_and_checked_in_seconds(tmp_path: Path, unit: str) -> None:
    root = copy_casebook(tmp_path / "book")
    value = (unit * 100_000)[:100_000]
    _edit(root, "cases/2026-0002/01-intake.md", 'address: "가온구 나래동 220 가온빌라 301호"', f"address: {_quoted(value)}")
    _edit(root, "cases/2026-0002/01-intake.md", 'reason: "경제, 양육, 고용 욕구가 함께 있는 한부모 가구로 통합사례관리 대상"',
          f"reason: {_quoted(value)}")
    start = time.process_time()
    findings = check(root, cache=False, jobs=1).findings
    assert time.process_time() - start < 6.0  # (~1 s; the old index: 7 s (1동) to 24 s (digits), and the square of the length)
    said = [f for f in findings if f.code == CODE]
    assert [(f.path, f.line, f.column, f.severity) for f in said] == [("cases/2026-0002/01-intake.md", 15, 12, "error")]
    assert "client.address, 클라이언트 주소" in said[0].message_ko and "100,000자" in said[0].message_ko
    assert f"{MAX_VALUE}자" in said[0].message_ko
    # the value is not looked for: its copy in the reason is no finding of its own (the one above says it)
    assert not any(f.code.startswith("sensitive-") and f.code != CODE for f in findings)


def test_a_value_as_long_as_a_real_one_is_still_looked_for(tmp_path: Path) -> None:
    """An address of MAX_VALUE characters is still a value: looked for, no finding at it."""
    root = copy_casebook(tmp_path / "book")
    value = ("가온구 나래동 220 가온빌라 301호 " * 20)[:MAX_VALUE - 1].strip() + "동"
    _edit(root, "cases/2026-0002/01-intake.md", 'address: "가온구 나래동 220 가온빌라 301호"', f"address: {_quoted(value)}")
    _edit(root, "cases/2026-0002/01-intake.md", 'reason: "경제, 양육, 고용 욕구가 함께 있는 한부모 가구로 통합사례관리 대상"',
          f"reason: {_quoted(value)}")
    findings = check(root, cache=False, jobs=1).findings
    assert not any(f.code == CODE for f in findings)
    assert any(f.code == "sensitive-in-text" and f.path == "cases/2026-0002/01-intake.md" for f in findings)
    index = SensitiveIndex([(value, "x.md", "client.address"), ("가" * (MAX_VALUE + 1), "x.md", "client.address")])
    assert index.find(f"주소는 {value}입니다") and not index.find("가" * (MAX_VALUE + 5))


# --- every sensitive field, every way `casekit` reads a casebook ----------------------------------


@pytest.mark.parametrize("unit", ["가", "1969-07-21 ", "Hung "])
def test_every_sensitive_field_too_long_is_said_by_check_warm_check_one_case_and_build(
    tmp_path: Path, unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_casebook(tmp_path / "book")
    value = (unit * 30_000)[:30_000]  # (eight times in the intake: its file stays under 1 MiB)
    where = _plant_everywhere(root, value)
    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path / "cache"))  # (a cache of its own: the second check is warm)
    cold, cold_cpu = _casekit(root, "check", "--format", "json")
    warm, warm_cpu = _casekit(root, "check", "--format", "json")
    one, one_cpu = _casekit(root, "check", "--format", "json", "cases/2026-0001")
    built, build_cpu = _casekit(root, "build")

    def said(proc: subprocess.CompletedProcess[str]) -> dict[tuple[str, str], tuple[int, int]]:
        out = {}
        for f in json.loads(proc.stdout)["findings"]:
            if f["code"] == CODE:
                assert f["severity"] == "error"
                field = re.search(r"민감 정보\(([^,)]+)", f["message"]).group(1)
                out[(f["path"], field)] = (f["line"], f["column"])
        return out

    assert cold.returncode == 1 and said(cold) == where
    assert warm.returncode == 1 and warm.stdout == cold.stdout
    assert one.returncode == 1 and said(one) == {k: v for k, v in where.items() if k[0].startswith("cases/2026-0001/")}
    assert built.returncode != 0 and CODE in built.stdout + built.stderr  # (refused: the values cannot be protected)
    for cpu in (cold_cpu, warm_cpu, one_cpu, build_cpu):
        assert cpu < 15.0  # (each ~1-3 s with its workers; the old index took 3 s at this size for 가, and the square of it)


# --- moderate values, texts of a megabyte ---------------------------------------------------------


@pytest.mark.parametrize("where", ["field", "body"])
def test_a_published_text_of_a_megabyte_full_of_values_is_checked_in_linear_time(tmp_path: Path, where: str) -> None:
    """The client's phone 45,000 times in a progress note (published as written): each number's column was
    found by splitting the front matter into lines again and comparing the note on its line again
    (80 s at a megabyte); in the body (read as a reader sees it) it stays a guard."""
    root = copy_casebook(tmp_path / "book")
    rel = "cases/2026-0001/06-monitoring.md"
    text = "010-0000-1001 " * 45_000  # (630 KB)
    if where == "field":
        _edit(root, rel, 'note: "수급 유지, 추가 체납 없음"', f'note: "{text.strip()}"')
    else:
        _edit(root, rel, "\n---\n", f"\n---\n{text}\n")
    start = time.process_time()
    findings = [f for f in check(root, cache=False, jobs=1).findings if f.path == rel]
    assert time.process_time() - start < 15.0  # (~3.5 s; the field's old reading: 35 s)
    phones = [f for f in findings if f.code == "sensitive-in-text"]
    assert len(phones) == 45_000
    line = next(i for i, t in enumerate((root / rel).read_text(encoding="utf-8").split("\n"), 1) if "010-0000-1001" in t)
    first = len('    note: "') + 1 if where == "field" else 1
    assert (phones[0].line, phones[0].column) == (line, first)
    assert (phones[1].line, phones[1].column) == (line, first + len("010-0000-1001 "))


_NESTED = SensitiveIndex([("가" * k, f"cases/2026-{k:04d}/01-intake.md", "client.name") for k in range(2, MAX_VALUE + 1)])


def test_a_text_flooded_with_values_nested_in_each_other_is_one_finding_read_in_linear_time() -> None:
    """299 clients named 가가, 가가가 … 가×300 (each a value of the index, each inside the next) and a
    text of 가: every character ended hundreds of matches, each a tuple sorted (40,000 characters:
    8 s of `find`; a megabyte: minutes and gigabytes). Past `FLOOD` matches a character, the rest of
    the text is one hit of the values matched: the text fails check and is masked whole from there."""
    for n in (40_000, 160_000):
        start = time.process_time()
        hits = _NESTED.find("가" * n)
        assert time.process_time() - start < 2.0 * n / 40_000 + 2.0  # (~0.8 s for 40,000)
        last = hits[-1]
        assert (last.end, last.variant) == (n, "exact") and len(last.sources) == MAX_VALUE - 1
        covered = sorted((h.start, h.end) for h in hits)
        assert covered[0][0] == 0 and all(a[1] >= b[0] for a, b in zip(covered, covered[1:], strict=False))
    assert set(_NESTED.mask("가" * 40_000, markdown=False)) == {"○"}


def test_a_text_dense_with_real_values_is_read_match_by_match() -> None:
    """A record that writes a client's phone number and name 20,000 times is no flood: each is its
    own hit, where it stands."""
    index = SensitiveIndex([("박영수", INTAKE, "client.name"), ("010-1234-5678", INTAKE, "client.phone")])
    text = "연락처 010-1234-5678 박영수 " * 20_000
    hits = index.find(text)
    assert len(hits) == 40_000 and {h.variant for h in hits} == {"exact"}
    assert [text[h.start:h.end] for h in hits[:2]] == ["010-1234-5678", "박영수"]
