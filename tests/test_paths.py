"""Nothing casekit reads or writes escapes the casebook: not through an id, a stage, a path or a link.

Hostile ids and stages are refused by `new`/`add` before anything is written; symbolic links that
lead out of the casebook are reported (`symlink-outside`) and never followed, by `check` or by
`add`/`new`. "Never followed" is checked twice: a canary in the link's target never shows up in
any output, and no file or folder outside the casebook is opened at all (every `open`, `os.open`
and `os.scandir` is watched while the command runs).
"""

from __future__ import annotations

import builtins
import io
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from casekit.core.casebook import check
from casekit.core.names import inside, parse_record_name, valid_case_id, valid_resource_id, valid_stage
from casekit.core.scaffold import ScaffoldError, add_record, new_case, resolve_stage, template_text
from tests.builders import open_case_book

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CANARY = "CANARY-7f3a9c-비밀"

HOSTILE_IDS = [
    "..", ".", "../x", "a/b", "a\\b", "/etc", "/tmp/x", "C:\\x", "C:", "con", "NUL", "Com1", "lpt9", "aux",
    "a" * 65, "", " ", " x", "x ", "-x", "--x", "a\nb", "a\tb", "x\x00y", "a.b", "*", "~", "$HOME", "a:b",
    "ｃａｓｅ1",  # fullwidth letters
    "саse",  # Cyrillic с and а
    "case١",  # Arabic-Indic digit one
    "é", "사례1", "a\u200bb",  # zero-width space
]
HOSTILE_STAGES = ["", "..", "../intake", "intake/../x", "INTAKE", "Intake", "intake ", "ｉｎｔａｋｅ", "іntake", "/etc",
                  "intake.md", "con", "followup\n"]


def tree(root: Path) -> dict[str, tuple[str, int, int]]:
    """Every path under `root` with its kind, size and mtime: a snapshot to compare."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath, name)
            st = p.lstat()
            kind = "link" if p.is_symlink() else "dir" if p.is_dir() else "file"
            out[str(p.relative_to(root))] = (kind, st.st_size, st.st_mtime_ns)
    return out


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """A small valid casebook (one case, c1, intake to plan) and, beside it, `elsewhere/` with canaries."""
    root = open_case_book(tmp_path / "book")
    out = tmp_path / "elsewhere"
    (out / "case").mkdir(parents=True)
    (out / "secret.md").write_text(f"---\ncase: c1\nstage: assessment\n{CANARY}: x\n---\n{CANARY}\n", encoding="utf-8")
    (out / "case/01-intake.md").write_text(f"---\ncase: evil\n{CANARY}: 1\n---\n", encoding="utf-8")
    (out / "resources").mkdir()
    (out / "resources/evil.md").write_text(f"---\nid: evil\n{CANARY}: 1\n---\n", encoding="utf-8")
    (out / "templates").mkdir()
    for stage in ("intake", "assessment", "monitoring"):
        (out / "templates" / f"{stage}.md").write_text(f"---\ncase: {{{{case}}}}\nnote: {CANARY}\n---\n", encoding="utf-8")
    (out / "schemas").mkdir()
    (out / "schemas/intake.schema.json").write_text(
        json.dumps({"type": "object", "required": ["zzz"], "properties": {"zzz": {"title": CANARY}}}), encoding="utf-8"
    )
    (out / "casekit.yml").write_text("lang: en\n", encoding="utf-8")
    return root


def outside_dir(book: Path) -> Path:
    return book.parent / "elsewhere"


@contextmanager
def watch_opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record the real path of everything opened or listed while the block runs."""
    seen: list[str] = []

    def record(path: Any) -> None:
        if isinstance(path, int):
            return
        with suppress(TypeError, ValueError):
            seen.append(os.path.realpath(os.fsdecode(path)))

    real_open, real_os_open, real_scandir = builtins.open, os.open, os.scandir

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        record(file)
        return real_open(file, *args, **kwargs)

    def fake_os_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("dir_fd") is None:
            record(path)
        return real_os_open(path, *args, **kwargs)

    def fake_scandir(path: Any = ".") -> Any:
        record(path)
        return real_scandir(path)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    try:
        yield seen
    finally:
        monkeypatch.undo()


def assert_never_opened(seen: list[str], book: Path) -> None:
    out = os.path.realpath(outside_dir(book))
    escaped = [p for p in seen if p == out or p.startswith(out + os.sep)]
    assert not escaped, f"read outside the casebook: {escaped}"


def assert_no_canary(*texts: str) -> None:
    for text in texts:
        assert CANARY not in text
        assert "root:x:0:0" not in text  # /etc/passwd


def run_check(run: Any, book: Path, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    result = run(book, "check", "--format", "json", *args)
    assert_no_canary(result.output)
    text = run(book, "check", *args)
    assert_no_canary(text.output)
    payload = json.loads(result.stdout) if result.exit_code in (0, 1) else {"findings": []}
    return result.exit_code, payload["findings"], result.output


def symlink_findings(findings: list[dict[str, Any]]) -> list[str]:
    return sorted(f["path"] for f in findings if f["code"] == "symlink-outside")


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_IDS)
def test_hostile_case_ids_are_invalid(name: str) -> None:
    assert not valid_case_id(name)
    assert not valid_resource_id(name)


@pytest.mark.parametrize("name", ["c1", "2026-0001", "20261122-K7QF", "A_b-9", "a" * 64, "x"])
def test_ordinary_case_ids_are_valid(name: str) -> None:
    assert valid_case_id(name)


@pytest.mark.parametrize("stage", HOSTILE_STAGES)
def test_hostile_stages_are_invalid(stage: str) -> None:
    assert not valid_stage(stage)


@pytest.mark.parametrize(
    "name",
    ["1-intake.md", "00-intake.md", "100-intake.md", "03-unknown.md", "01-intake.MD", "01-Intake.md", "０１-intake.md",
     "٠١-intake.md", "01-intake.md.bak", "01-intake.md/", "01-intake", "../01-intake.md", "01-іntake.md"],
)
def test_only_exact_record_names_parse(name: str) -> None:
    assert parse_record_name(name) is None


# --- new / add refuse hostile ids and stages ----------------------------------------------------


@pytest.mark.parametrize("case_id", HOSTILE_IDS)
def test_new_refuses_hostile_ids(book: Path, run: Any, case_id: str) -> None:
    before = tree(book.parent)
    result = run(book, "new", "--id", case_id, "--worker", "kim.sw")
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output
    assert tree(book.parent) == before
    with pytest.raises(ScaffoldError):
        new_case(book, case_id=case_id, worker=None)
    assert tree(book.parent) == before


@pytest.mark.parametrize("case_id", HOSTILE_IDS)
def test_add_refuses_hostile_ids(book: Path, run: Any, case_id: str) -> None:
    before = tree(book.parent)
    result = run(book, "add", "--", case_id, "monitoring")
    assert result.exit_code in (1, 2), result.output
    assert tree(book.parent) == before
    with pytest.raises(ScaffoldError):
        add_record(book, case_id, "monitoring", worker=None)
    assert tree(book.parent) == before


@pytest.mark.parametrize("stage", HOSTILE_STAGES)
def test_add_refuses_hostile_stages(book: Path, run: Any, stage: str) -> None:
    before = tree(book.parent)
    result = run(book, "add", "c1", stage)
    # the command reads a stage id in another letter case or with spaces around it as the id itself
    # (the file name is always the id); here that record is out of order, so it is refused all the same
    assert result.exit_code == (1 if resolve_stage(stage) else 2), result.output
    assert tree(book.parent) == before
    with pytest.raises(ScaffoldError):
        add_record(book, "c1", stage, worker=None)
    with pytest.raises(ScaffoldError):
        template_text(book, stage)
    assert tree(book.parent) == before


def test_hostile_worker_ids_are_refused(book: Path, run: Any) -> None:
    before = tree(book.parent)
    for worker in ("no worker", "a\nstage: plan", "../x", "-"):  # (a usage error, as a bad case id is: exit 2)
        assert run(book, "add", "c1", "monitoring", "--worker", worker).exit_code == 2
        assert run(book, "new", "--worker", worker).exit_code == 2
    assert tree(book.parent) == before


def test_values_from_records_cannot_inject_yaml_into_new_records(book: Path, run: Any) -> None:
    """A goal id or worker read from an earlier record is quoted when written into the next one."""
    plan = book / "cases/c1/03-plan.md"
    text = plan.read_text(encoding="utf-8").replace("  - id: G1\n", '  - id: "G1\\nstage: evil"\n')
    plan.write_text(text.replace("worker: kim.sw", 'worker: "no"'), encoding="utf-8")
    result = run(book, "add", "c1", "monitoring", "--date", "2026-04-01")
    assert result.exit_code == 0, result.output
    added = (book / "cases/c1/04-monitoring.md").read_text(encoding="utf-8")
    assert "\nstage: monitoring\n" in added and "stage: evil" not in added.replace('"G1 stage: evil"', "")
    assert '\nworker: "no"\n' in added  # a valid id, but unquoted YAML would read it as false
    for record in (book / "cases/c1").iterdir():  # a worker value that is no valid id is not carried over
        record.write_text(record.read_text(encoding="utf-8").replace('worker: "no"', "worker: kim.sw").replace(
            "worker: kim.sw", 'worker: "kim\\nstage: evil"'), encoding="utf-8")
    assert run(book, "add", "c1", "monitoring", "--date", "2026-04-02").exit_code == 0
    added = (book / "cases/c1/05-monitoring.md").read_text(encoding="utf-8")
    assert 'worker: "<담당 사례관리자 ID>"' in added and "evil" not in added.replace('"G1 stage: evil"', "")


# --- symbolic links out of the casebook ---------------------------------------------------------


def test_case_folder_linked_out_is_reported_not_followed(book: Path, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (book / "cases/evil").symlink_to(outside_dir(book) / "case", target_is_directory=True)
    code, findings, _ = run_check(run, book)
    assert code == 1
    assert symlink_findings(findings) == ["cases/evil"]
    before = tree(outside_dir(book))
    result = run(book, "add", "evil", "monitoring")
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert_no_canary(result.output)
    assert tree(outside_dir(book)) == before
    with watch_opens(monkeypatch) as seen:
        check(book)
        with pytest.raises(ScaffoldError):
            add_record(book, "evil", "monitoring", worker=None)
    assert_never_opened(seen, book)


def test_record_linked_out_is_reported_not_followed(book: Path, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (book / "cases/c1/04-intervention.md").symlink_to(outside_dir(book) / "secret.md")
    (book / "cases/c1/05-monitoring.md").symlink_to("/etc/passwd")
    code, findings, _ = run_check(run, book)
    assert code == 1
    assert symlink_findings(findings) == ["cases/c1/04-intervention.md", "cases/c1/05-monitoring.md"]
    with watch_opens(monkeypatch) as seen:
        check(book)
    assert_never_opened(seen, book)
    assert "/etc/passwd" not in seen
    # `add` skips the links when it reads the case, but counts their numbers: nothing is overwritten
    result = run(book, "add", "c1", "monitoring", "--date", "2026-04-01")
    assert result.exit_code == 0 and result.stdout.strip() == "cases/c1/06-monitoring.md"
    assert_no_canary(result.output, (book / "cases/c1/06-monitoring.md").read_text(encoding="utf-8"))


def test_resources_linked_out_are_reported_not_followed(book: Path, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (book / "resources").symlink_to(outside_dir(book) / "resources", target_is_directory=True)
    code, findings, _ = run_check(run, book)
    assert code == 1 and symlink_findings(findings) == ["resources"]
    with watch_opens(monkeypatch) as seen:
        check(book)
    assert_never_opened(seen, book)


def test_one_resource_linked_out_is_reported(book: Path, run: Any) -> None:
    (book / "resources").mkdir()
    (book / "resources/evil.md").symlink_to(outside_dir(book) / "resources/evil.md")
    code, findings, _ = run_check(run, book)
    assert code == 1 and symlink_findings(findings) == ["resources/evil.md"]


def test_cases_linked_out_is_reported_and_new_add_refuse(book: Path, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.move(book / "cases", outside_dir(book) / "cases")
    (book / "cases").symlink_to(outside_dir(book) / "cases", target_is_directory=True)
    code, findings, _ = run_check(run, book)
    assert code == 1 and symlink_findings(findings) == ["cases"]
    before = tree(book.parent)
    for args in (("new",), ("new", "--id", "c2"), ("add", "c1", "monitoring")):
        result = run(book, *args)
        assert result.exit_code == 1, (args, result.output)
        assert "symbolic link" in result.output
    assert tree(book.parent) == before
    with watch_opens(monkeypatch) as seen:
        check(book)
        for call in (lambda: new_case(book, case_id=None, worker=None), lambda: add_record(book, "c1", "plan", worker=None)):
            with pytest.raises(ScaffoldError):
                call()
    assert_never_opened(seen, book)


@pytest.mark.parametrize("what", ["folder", "file"])
def test_templates_linked_out_are_refused(book: Path, run: Any, monkeypatch: pytest.MonkeyPatch, what: str) -> None:
    if what == "folder":
        (book / "templates").symlink_to(outside_dir(book) / "templates", target_is_directory=True)
    else:
        (book / "templates").mkdir()
        for stage in ("intake", "monitoring"):
            (book / "templates" / f"{stage}.md").symlink_to(outside_dir(book) / "templates" / f"{stage}.md")
    before = tree(book.parent)
    for args in (("new", "--id", "c2"), ("add", "c1", "monitoring")):
        result = run(book, *args)
        assert result.exit_code == 1, (args, result.output)
        assert "symbolic link" in result.output
        assert_no_canary(result.output)
    assert tree(book.parent) == before
    with watch_opens(monkeypatch) as seen, pytest.raises(ScaffoldError):
        new_case(book, case_id="c3", worker=None)
    assert_never_opened(seen, book)


def test_schemas_linked_out_are_refused_by_add(book: Path, run: Any) -> None:
    (book / "schemas").symlink_to(outside_dir(book) / "schemas", target_is_directory=True)
    before = tree(book.parent)
    result = run(book, "add", "c1", "monitoring")
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert tree(book.parent) == before


def test_check_does_not_read_schemas_linked_out(book: Path, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (book / "schemas").symlink_to(outside_dir(book) / "schemas", target_is_directory=True)
    with watch_opens(monkeypatch) as seen:
        check(book)
    assert_never_opened(seen, book)


def test_check_does_not_read_settings_linked_out(book: Path, run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    (book / "casekit.yml").symlink_to(outside_dir(book) / "casekit.yml")
    with watch_opens(monkeypatch) as seen:
        check(book)
    assert_never_opened(seen, book)


def test_check_path_through_a_link_out_is_its_finding_never_followed(book: Path, run: Any) -> None:
    """A case folder that is a link out, asked for by its path: judged where it is written (in
    cases/), it gets its symlink-outside finding, and nothing it leads to is read."""
    (book / "cases/evil").symlink_to(outside_dir(book) / "case", target_is_directory=True)
    code, findings, _ = run_check(run, book, "cases/evil")  # (no canary in the output: run_check)
    assert code == 1 and symlink_findings(findings) == ["cases/evil"]
    result = run(book, "check", str(outside_dir(book) / "case"))  # a path written outside: not the casebook's
    assert result.exit_code == 2


def test_link_loops_and_dangling_links_are_reported(book: Path, run: Any) -> None:
    (book / "cases/loop").symlink_to("loop")
    (book / "cases/dangling").symlink_to(book.parent / "nowhere")
    (book / "cases/c1/04-intervention.md").symlink_to("04-intervention.md")
    (book / "resources").mkdir()
    (book / "resources/gone.md").symlink_to("../nowhere.md")
    code, findings, _ = run_check(run, book)
    assert code == 1
    # each reported, none followed; as leading nowhere (not out of the casebook)
    assert symlink_findings(findings) == []
    assert sorted(f["path"] for f in findings if f["code"] == "file-unreadable") == [
        "cases/c1/04-intervention.md", "cases/dangling", "cases/loop", "resources/gone.md"]
    assert run(book, "add", "loop", "monitoring").exit_code == 1


def test_links_inside_the_casebook_are_followed(book: Path, run: Any) -> None:
    spare = book / "spare"
    spare.mkdir()
    shutil.move(book / "cases/c1/03-plan.md", spare / "03-plan.md")
    (book / "cases/c1/03-plan.md").symlink_to("../../spare/03-plan.md")
    code, findings, _ = run_check(run, book)
    assert (code, findings) == (0, [])
    assert inside(book, book / "cases/c1/03-plan.md")


def test_add_refuses_a_case_folder_that_is_a_link_even_inside(book: Path, run: Any) -> None:
    (book / "cases/c1-alias").symlink_to("c1", target_is_directory=True)
    before = tree(book.parent)
    result = run(book, "add", "c1-alias", "monitoring")
    assert result.exit_code == 1 and "symbolic link" in result.output
    assert tree(book.parent) == before


def test_cases_that_is_a_file_is_refused(book: Path, run: Any) -> None:
    shutil.rmtree(book / "cases")
    (book / "cases").write_text("not a folder\n", encoding="utf-8")
    for args in (("new",), ("add", "c1", "plan")):
        result = run(book, *args)
        assert result.exit_code == 1, result.output
    assert (book / "cases").read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.parametrize("case_id", ["010", "1e3", "yes", "No", "null", "True", "2026-01-05", "0x1F", "1_000", "0o17"])
def test_ids_yaml_would_misread_are_quoted_in_new_records(book: Path, run: Any, case_id: str) -> None:
    result = run(book, "new", "--id", case_id, "--worker", "kim.sw", "--date", "2026-03-02")
    assert result.exit_code == 0, result.output
    from casekit.core.source import split

    parsed = split((book / "cases" / case_id / "01-intake.md").read_text(encoding="utf-8"), "x")
    assert parsed.data is not None and parsed.data["case"] == case_id
    result = run(book, "add", case_id, "assessment", "--date", "2026-03-03")
    assert result.exit_code == 0, result.output
    parsed = split((book / "cases" / case_id / "02-assessment.md").read_text(encoding="utf-8"), "x")
    assert parsed.data is not None and parsed.data["case"] == case_id and parsed.data["worker"] == "kim.sw"
    findings = json.loads(run(book, "check", "--format", "json", f"cases/{case_id}").stdout)["findings"]
    assert not [f for f in findings if f["code"] in ("case-mismatch", "wrong-type")], findings


@pytest.mark.parametrize(
    ("name", "expected"),
    [("01-intake.MD", True), ("1-intake.md", True), ("01-Intake.md", True), ("03-unknown.md", True),
     ("02-plan", True), ("notes.txt", False), ("photo.jpg", False), ("README", False)],
)
def test_looks_like_record(name: str, expected: bool) -> None:
    from casekit.core.names import looks_like_record

    assert looks_like_record(name) is expected


@pytest.mark.parametrize("form", ["path", "changed"])
def test_a_record_linked_out_asked_for_by_its_path_is_reported(book: Path, run: Any, form: str) -> None:
    """`casekit check cases/c1/04-intervention.md`, that record a link leading out of the casebook, was
    refused as a path outside the casebook (a usage error), the pre-commit form too: the path is
    judged by where it is written, and the link gets its symlink-outside finding."""
    import subprocess

    link = book / "cases/c1/04-intervention.md"
    args: list[str] = [str(link)]
    if form == "changed":
        for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"]):
            subprocess.run(["git", "-C", str(book), *command], check=True, capture_output=True)
        args = ["--changed", "HEAD", *args]
    link.symlink_to(outside_dir(book) / "secret.md")
    code, findings, output = run_check(run, book, *args)
    assert code == 1, output
    assert symlink_findings(findings) == ["cases/c1/04-intervention.md"]
