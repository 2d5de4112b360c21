"""Nothing lost, nothing left, nothing raw on the terminal: unknown cases, odd file names, left temp
files, unreadable folders, schemas that are FIFOs or links to /dev/zero (real files, real processes)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.scaffold import TEMP_MAX_AGE, _open_dir, sweep_temp_files
from casekit.reporters import printable
from tests.builders import FULL_PATH, make_casebook

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}


def casekit(cwd: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "casekit", *args], cwd=cwd, capture_output=True, env=ENV,
                          timeout=timeout, check=False)


def test_status_of_an_unknown_case(tmp_path: Path) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:2]})
    proc = casekit(root, "status", "NOPE-1")
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2
    assert "Traceback" not in err and str(tmp_path) not in err
    assert "사례 'NOPE-1'이 없습니다" in err


def test_odd_file_names_never_reach_the_terminal_raw(tmp_path: Path) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:1]})
    folder = os.fsencode(root / "cases" / "c1")
    (Path(os.fsdecode(folder)) / "evil\x1b[2J\u202egnp.md").write_text("x", encoding="utf-8")
    raw = "메모".encode("cp949") + b".txt"  # a CP949 file name: bytes that are not UTF-8
    with open(os.path.join(folder, raw), "wb") as fh:
        fh.write(b"x")
    text = casekit(root, "check")
    assert b"\x1b" not in text.stdout and "\u202e".encode() not in text.stdout
    assert b"\\x1b[2J\\u202egnp.md" in text.stdout
    proc = casekit(root, "check", "--format", "json")
    payload = json.loads(proc.stdout.decode("utf-8"))  # valid UTF-8 JSON
    paths = {f["path"] for f in payload["findings"]}
    shown = printable(os.fsdecode(raw))
    assert "%B8" in shown and f"cases/c1/{shown}" in paths
    assert "cases/c1/evil\\x1b[2J\\u202egnp.md" in paths


def test_a_temp_file_left_is_reported_then_swept(tmp_path: Path) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:2]})
    left = root / "cases/c1/.casekit-0123456789abcdef.tmp"
    left.write_text("half a rec", encoding="utf-8")
    assert [(f.path, f.code, f.severity) for f in check(root).findings] == [
        ("cases/c1/.casekit-0123456789abcdef.tmp", "temp-file-left", "warning")
    ]
    fd = _open_dir(root / "cases/c1")
    try:
        assert sweep_temp_files(fd) == []  # younger than a minute: perhaps still being written
        old = time.time() - TEMP_MAX_AGE - 5
        os.utime(left, (old, old))
        assert sweep_temp_files(fd) == [left.name]
    finally:
        os.close(fd)
    left.write_text("again", encoding="utf-8")
    os.utime(left, (old, old))
    proc = casekit(root, "add", "c1", "plan")
    assert proc.returncode == 0, proc.stderr
    assert not left.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_check_and_add_never_read_a_fifo_or_dev_zero_schema(tmp_path: Path) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:2]})
    shutil.copytree(REPO / "casekit/defaults/schemas", root / "schemas")
    os.unlink(root / "schemas/plan.schema.json")
    os.mkfifo(root / "schemas/plan.schema.json")
    os.unlink(root / "schemas/assessment.schema.json")
    os.symlink("/dev/zero", root / "schemas/assessment.schema.json")
    started = time.perf_counter()
    proc = casekit(root, "check", "--format", "json", timeout=30)
    codes = {(f["path"], f["code"]) for f in json.loads(proc.stdout)["findings"]}
    assert ("schemas/plan.schema.json", "file-unreadable") in codes
    assert ("schemas/assessment.schema.json", "symlink-outside") in codes
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    add = casekit(root, "add", "c1", "plan", timeout=30)
    assert add.returncode == 0 and b"Traceback" not in add.stderr, add.stderr
    assert time.perf_counter() - started < 30


def _as_nobody(root: Path) -> subprocess.CompletedProcess[bytes] | None:
    """`casekit check --format json` as an unprivileged user (root reads every folder)."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"  # the venv's packages fit only it
    python = next((p for p in (f"/usr/bin/{version}", f"/usr/local/bin/{version}") if os.path.isfile(p)), "")
    site = next(iter((REPO / ".venv/lib").glob("python3*/site-packages")), None)
    if os.geteuid() != 0 or not python or site is None or not os.access(python, os.X_OK):
        return None
    env = {"LANG": "C.UTF-8", "PYTHONPATH": f"{REPO}:{site}", "PYTHONDONTWRITEBYTECODE": "1", "HOME": "/tmp"}
    try:
        proc = subprocess.run([python, "-c", "import casekit.cli"], env=env, user=65534, capture_output=True,
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    return subprocess.run([python, "-m", "casekit", "check", "--format", "json"], cwd=root, env=env, user=65534,
                          capture_output=True, timeout=60, check=False)


def _unreadable_check(base: Path, folder: Path) -> list[dict]:
    """The findings of a check of the casebook in `base` with `folder` unreadable: as an unprivileged
    user (root reads anything), everything else readable to all."""
    for dirpath, dirnames, filenames in os.walk(base):
        for name in dirnames:
            os.chmod(os.path.join(dirpath, name), 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)
    os.chmod(folder, 0o000)
    root = folder.parent if folder.name == "schemas" else folder.parent.parent
    if os.geteuid() == 0:
        proc = _as_nobody(root)
        if proc is None:
            pytest.skip("running as root and cannot run a check as an unprivileged user")
        return json.loads(proc.stdout)["findings"]
    return [f.as_dict() for f in check(root).findings]


def test_an_unreadable_case_folder_is_reported_not_empty() -> None:
    base = Path(tempfile.mkdtemp(prefix="casekit-perm-"))
    try:
        os.chmod(base, 0o755)
        root = make_casebook(base / "book", {"c1": FULL_PATH[:1], "c2": FULL_PATH[:1]})
        findings = _unreadable_check(base, root / "cases/c2")
        assert [(f["path"], f["code"]) for f in findings] == [("cases/c2", "folder-unreadable")]
    finally:
        os.chmod(base / "book/cases/c2", 0o755)
        shutil.rmtree(base)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_the_build_refuses_a_fifo_or_dev_zero_schema_without_hanging(sample: Path, tmp_path: Path) -> None:
    os.unlink(sample / "schemas/plan.schema.json")
    os.mkfifo(sample / "schemas/plan.schema.json")
    os.unlink(sample / "schemas/common.schema.json")
    os.symlink("/dev/zero", sample / "schemas/common.schema.json")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")], cwd=sample,
                          capture_output=True, env={**ENV, "NO_MKDOCS_2_WARNING": "1"}, timeout=120, check=False)
    err = proc.stderr.decode("utf-8", errors="replace")
    assert proc.returncode != 0 and "Traceback" not in err
    assert "schemas/plan.schema.json" in err and "file-unreadable" in err


def test_a_worker_name_with_a_bidi_override_is_escaped_in_status_and_due(tmp_path: Path) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:1]})
    record = root / "cases/c1/01-intake.md"
    record.write_text(record.read_text(encoding="utf-8").replace("worker: kim.sw", 'worker: "kim\u202eabc"'),
                      encoding="utf-8")
    for args in (("status",), ("due", "--all")):
        out = casekit(root, *args).stdout
        assert "\u202e".encode() not in out and b"kim\\u202eabc" in out, (args, out)


def test_a_quoted_value_holding_nul_or_any_control_escape_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    """A double-quoted YAML value may spell any character ("\\x00", "\\u2028"): the published
    fields are packed by length, not split at a separator no value could hold (found by
    tests/test_fuzz.py: "\\x00" as the case id raised IndexError in the scan)."""
    from tests.conftest import copy_casebook

    book = copy_casebook(tmp_path / "casebook")
    record = book / "cases/2026-0001/01-intake.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace('case: "2026-0001"', 'case: "\\x00"', 1)
                      .replace("\n---\n", '\nnote_extra: "앞\\x00뒤 \\u2028 010-1234-5678"\n---\n', 1), encoding="utf-8")
    for _ in range(2):  # checked, then from the cache
        report = check(book)
        codes = {f.code for f in report.findings if f.path == "cases/2026-0001/01-intake.md"}
        assert "case-mismatch" in codes or "wrong-value" in codes or "pattern" in codes, codes


@pytest.mark.parametrize("value", ['"kim.sw\\n"', '"kim.sw\\r\\n"', '"kim.sw\\n\\n"'])
def test_a_pattern_holds_to_the_end_of_the_value_as_json_schema_means_it(sample: Path, value: str) -> None:
    """JSON Schema patterns are ECMA-262: `$` ends the text. Python's re.search also lets `$`
    match before a last line break, so `worker: "kim.sw\\n"` passed ^…$ and the site made a folder
    and a workers-page row for "kim.sw\\n" beside kim.sw."""
    from casekit.core.casebook import check
    from casekit.core.schemas import ecma_regex

    record = sample / "cases/2026-0001/04-intervention.md"
    record.write_text(record.read_text(encoding="utf-8").replace("worker: kim.sw", f"worker: {value}", 1),
                      encoding="utf-8")
    found = [(f.code, f.line, f.message_ko) for f in check(sample).findings if f.severity == "error"]
    # (the line break named as what it is: `odd-character`, the value taken as kim.sw, not a folder of its own)
    assert [(c, n) for c, n, _ in found] == [("odd-character", 5)] and "줄바꿈" in found[0][2], found
    assert re.search(ecma_regex("^[A-Za-z][A-Za-z0-9_.-]{0,31}$"), "kim.sw\n") is None
    assert ecma_regex(r"^a\$[$b]x$") == r"^a\$[$b]x\Z"


def test_what_is_named_as_a_record_but_is_no_file_is_said_for_what_it_is(sample: Path) -> None:
    """A FIFO, a folder, a broken link and a link to itself, each named as a record: one finding
    each, saying what it is (not a bad name: the name is right; not a link out: it leads nowhere)."""
    import os

    from casekit.core.casebook import check

    os.mkfifo(sample / "cases/2026-0001/10-followup.md")
    (sample / "cases/2026-0002/12-monitoring.md").mkdir()
    os.symlink("nowhere.md", sample / "cases/2026-0003/03-followup.md")
    os.symlink("04-followup.md", sample / "cases/2026-0003/04-followup.md")
    found = {f.path: f for f in check(sample).findings}
    expected = {"cases/2026-0001/10-followup.md": "파이프", "cases/2026-0002/12-monitoring.md": "폴더",
                "cases/2026-0003/03-followup.md": "nowhere.md", "cases/2026-0003/04-followup.md": "맴도는"}
    for rel, words in expected.items():
        assert found[rel].code == "file-unreadable" and words in found[rel].message_ko, found[rel]
    assert not [f for f in found.values() if f.code in ("bad-file-name", "symlink-outside", "case-empty")]


def test_what_is_named_as_a_resource_but_is_no_file_is_said_for_what_it_is(sample: Path) -> None:
    """A FIFO or a folder with a good resource name got 'the name breaks the rule' (bad-resource-id)."""
    import os

    os.mkfifo(sample / "resources/gaon-food-bank2.md")
    (sample / "resources/foo.md").mkdir()
    found = {f.path: f for f in check(sample).findings}
    for rel, words in {"resources/gaon-food-bank2.md": "파이프", "resources/foo.md": "자원 이름을 한 폴더"}.items():
        assert found[rel].code == "file-unreadable" and words in found[rel].message_ko, found[rel]
    assert not [f for f in found.values() if f.code == "bad-resource-id"]


def test_an_empty_file_gets_advice_for_what_it_is(sample: Path) -> None:
    """Every empty file was told to be made again with `casekit add` from a stage's template."""
    for rel in ("mkdocs.yml", "schemas/plan.schema.json", "resources/gaon-food-bank.md", "cases/2026-0001/01-intake.md"):
        (sample / rel).write_bytes(b"")
    said = {f.path: f.message_ko for f in check(sample).findings if f.code == "file-empty"}
    assert "casekit add" in said["cases/2026-0001/01-intake.md"]
    assert "다른 자원 파일" in said["resources/gaon-food-bank.md"] and "casekit add" not in said["resources/gaon-food-bank.md"]
    for rel in ("mkdocs.yml", "schemas/plan.schema.json"):
        assert "git restore" in said[rel] and "casekit add" not in said[rel], said


def test_a_case_or_record_a_leading_dot_hides_is_named_not_passed_over(sample: Path) -> None:
    """`cases/.2026-0016/` was never checked, published or mentioned; `.01-intake.md` left only
    "no records" on its case. Other hidden files (an editor's swap file) stay unmentioned."""
    shutil.copytree(sample / "cases/2026-0001", sample / "cases/.2026-0016")
    (sample / "cases/2026-0017").mkdir()
    shutil.copy(sample / "cases/2026-0002/01-intake.md", sample / "cases/2026-0017/.01-intake.md")
    (sample / "cases/2026-0001/.01-intake.md.swp").write_bytes(b"x")
    (sample / "cases/.cache").mkdir()
    found = {f.path: f for f in check(sample).findings}
    hidden = found["cases/.2026-0016"]
    assert (hidden.code, hidden.severity) == ("bad-case-id", "warning") and "2026-0016으로 바꾸세요" in hidden.message_ko
    record = found["cases/2026-0017/.01-intake.md"]
    assert record.code == "unexpected-file" and "01-intake.md로 바꾸세요" in record.message_ko, record
    assert not [p for p in found if p.endswith((".swp", "/.cache"))]


def test_a_value_a_comment_cuts_short_is_a_warning_at_the_hash(sample: Path) -> None:
    """`summary: 도움이 된 것 #1은 동행` is the value "도움이 된 것": YAML reads a comment from the
    "#" after a space, and the rest is lost without a word. A warning at the "#" says so; a
    comment meant as one (`# 예`) and a quoted value are left alone."""
    from casekit.core.casebook import check

    record = sample / "cases/2026-0001/04-intervention.md"
    text = record.read_text(encoding="utf-8")
    old = '    summary: "기초생활수급 신청 절차와'
    assert old in text
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(old)) + 1
    line = next(x for x in lines if x.startswith(old))
    record.write_text(text.replace(line, '    summary: 도움이 된 것 #1은 동행 # 예: 주석', 1), encoding="utf-8")
    found = [(f.code, f.line, f.column) for f in check(sample).findings if f.code == "comment-cuts-value"]
    assert found == [("comment-cuts-value", at, 22)]
    from casekit.core.source import comment_cuts

    assert comment_cuts('a: "#1 따옴표"\n# 주석\nb: 값 # 예: 주석\nc: http://x/#frag\n', "x.md", 2) == []


@pytest.mark.parametrize("rule_below", [False, True])
def test_a_missing_closing_dashes_line_is_found_where_the_body_begins(sample: Path, rule_below: bool) -> None:
    """The closing '---' left out: with no '---' below, the front matter is unclosed; with a '---'
    rule further down the body, YAML takes that for the end and stops at the body's first
    sentence. Either way the finding points at the body's first line (its heading) and says to
    put '---' before it."""
    from casekit.core.casebook import check

    plan = sample / "cases/2026-0001/03-plan.md"
    lines = plan.read_text(encoding="utf-8").split("\n")
    closing = lines.index("---", 1)
    body = lines[:closing] + lines[closing + 1 :] + (["", "---", "", "끝."] if rule_below else [])
    plan.write_text("\n".join(body), encoding="utf-8")
    found = [(f.code, f.line, f.column, f.message_ko) for f in check(sample).findings
             if f.path.endswith("2026-0001/03-plan.md") and f.severity == "error"]
    code = "yaml-syntax" if rule_below else "front-matter-unclosed"
    assert [(c, line, col) for c, line, col, _ in found] == [(code, closing + 1, 1)]
    assert "'---'" in found[0][3] and "앞" in found[0][3]


@pytest.mark.parametrize(("old", "new", "column", "where"), [
    ("    goal: G1\n", "\u3000\u3000\u3000\u3000goal: G1\n", 1, "들여쓰기"),
    ("    goal: G1\n", "  \u3000 goal: G1\n", 3, "들여쓰기"),
    ("    goal: G1\n", "    goal:\u3000G1\n", 10, "콜론(:) 뒤"),
    ("    goal: G1\n", "    goal:\u00a0G1\n", 10, "줄바꿈 없는 공백"),  # pasted from the web
    ("    goal: G1\n", "  \u00a0 goal: G1\n", 3, "들여쓰기"),
    ("    goal: G1\n", "    goal\uff1aG1\n", 9, "전각 콜론"),
    ("  - date:", "  -\u00a0date:", 4, "목록 표시(-) 뒤"),
])
def test_a_full_width_space_where_yaml_needs_a_space_is_found_where_it_is(
    sample: Path, old: str, new: str, column: int, where: str
) -> None:
    """A Korean input method in full-width mode types U+3000 for a space: in the indentation or
    after a colon YAML stops lines later with another cause; said at the space itself, once."""
    from casekit.core.casebook import check

    record = sample / "cases/2026-0001/04-intervention.md"
    text = record.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    record.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = [(f.code, f.line, f.column) for f in check(sample).findings
             if f.path.endswith("2026-0001/04-intervention.md") and f.severity == "error"]
    assert found == [("yaml-wide-space", line, column)]
    assert where in next(f.message_ko for f in check(sample).findings if f.code == "yaml-wide-space")


@pytest.mark.parametrize(("written", "fixed"), [("４０", "40으로"), ('"1,200"', "1200으로"), ("４５", "45로")])
def test_a_number_written_in_full_width_digits_or_with_commas_is_shown_in_ascii(
    sample: Path, written: str, fixed: str
) -> None:
    from casekit.core.casebook import check

    record = sample / "cases/2026-0001/04-intervention.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("    minutes: 40\n", f"    minutes: {written}\n", 1), encoding="utf-8")
    found = [f for f in check(sample).findings if f.code == "wrong-type"]
    assert len(found) == 1 and fixed in found[0].message_ko, found


def test_a_reference_in_the_wrong_case_gets_one_finding_that_says_which_was_meant(sample: Path) -> None:
    from casekit.core.casebook import check

    record = sample / "cases/2026-0001/04-intervention.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("    goal: G1\n", "    goal: g1\n", 1), encoding="utf-8")
    found = [(f.code, f.message_ko) for f in check(sample).findings if f.path.endswith("2026-0001/04-intervention.md")]
    assert [c for c, _ in found] == ["unknown-goal"] and "G1" in found[0][1]


def test_an_unreadable_schemas_folder_is_reported_once_and_the_shipped_schemas_stand_in() -> None:
    """schemas/ unreadable (chmod 000, not root) gave one schema-unavailable ('파일이 없습니다') per
    record, nothing at schemas/: it is one folder-unreadable there, and the records are checked
    against the shipped schemas (as for a missing folder: a record's error still found)."""
    base = Path(tempfile.mkdtemp(prefix="casekit-perm-"))
    try:
        os.chmod(base, 0o755)
        root = make_casebook(base / "book", {"c1": FULL_PATH[:1], "c2": FULL_PATH[:1]})
        shutil.copytree(REPO / "schemas", root / "schemas", dirs_exist_ok=True)
        intake = root / "cases/c2/01-intake.md"
        intake.write_text(intake.read_text(encoding="utf-8").replace("stage: intake", "stage: intake\nbogus_field: 1"),
                          encoding="utf-8")
        findings = _unreadable_check(base, root / "schemas")
        assert [(f["path"], f["code"]) for f in findings] == [
            ("cases/c2/01-intake.md", "unknown-field"), ("schemas", "folder-unreadable"), ("schemas", "schema-replaced")]
    finally:
        os.chmod(base / "book/schemas", 0o755)
        shutil.rmtree(base)


@pytest.mark.parametrize(("stage", "rel"), [("monitoring", "cases/2026-0001/05-monitoring.md"),
                                         # (a schema read before common.schema.json, found broken after it)
                                         ("assessment", "cases/2026-0001/02-assessment.md")])
def test_a_ref_into_a_broken_schema_that_the_shipped_one_lacks_is_its_own_finding(sample: Path, stage: str,
                                                                                  rel: str) -> None:
    """A probe: `monitoring.schema.json` took a record's `date` from a `$defs` entry of the casebook's
    `common.schema.json`, which held a mistake elsewhere (`"type": 5`); the shipped common stood in for
    it, lacking that entry, and `date: 12345` went unchecked with no word. The `$ref` is now judged
    against the schema that stands in: the stage schema is reported and replaced too, and the record's
    date is checked against the shipped one."""
    common = sample / "schemas/common.schema.json"
    schema = json.loads(common.read_text(encoding="utf-8"))
    schema.setdefault("$defs", {})["mydate"] = {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    schema["$defs"]["junk"] = {"type": 5}
    common.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    path = sample / f"schemas/{stage}.schema.json"
    own = json.loads(path.read_text(encoding="utf-8"))
    own["properties"]["date"] = {"$ref": "common.schema.json#/$defs/mydate"}
    path.write_text(json.dumps(own, ensure_ascii=False, indent=2), encoding="utf-8")
    record = sample / rel
    record.write_text(re.sub(r"^date: .*$", "date: 12345", record.read_text(encoding="utf-8"), count=1, flags=re.M),
                      encoding="utf-8")
    found = {(f.path, f.code) for f in check(sample, cache=False).findings}
    assert (f"schemas/{stage}.schema.json", "schema-invalid") in found, found
    assert (f"schemas/{stage}.schema.json", "schema-replaced") in found, found
    assert (rel, "wrong-type") in found, found


def test_a_key_a_casebook_schema_refuses_with_false_is_a_finding_at_its_line(tmp_path: Path) -> None:
    """A casebook's schema may refuse a key with the schema `false` (`"review_date": false`): walking
    the schema for its sensitive and phone fields took `false` for a mapping, and `casekit check` ended
    in a traceback. It is one finding, at the key's line (jsonschema's error leaves the key out of
    its path)."""
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:3]})
    shutil.copytree(REPO / "schemas", root / "schemas")
    plan = root / "schemas/plan.schema.json"
    schema = json.loads(plan.read_text(encoding="utf-8"))
    schema["properties"]["review_date"] = False
    plan.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    record = root / "cases/c1/03-plan.md"
    record.write_text(record.read_text(encoding="utf-8").replace("type: initial", "type: initial\nreview_date: '2026-05-01'"),
                      encoding="utf-8")
    found = [f for f in check(root, cache=False).findings if f.path == "cases/c1/03-plan.md"]
    line = record.read_text(encoding="utf-8").splitlines().index("review_date: '2026-05-01'") + 1
    assert [(f.code, f.line) for f in found] == [("schema-violation", line)], found
