"""Correctness does not bend for speed: the same findings, however `check` gets them.

On casebooks with planted defects of every code a record can produce (the golden fixtures,
plus the sample with defects written in by code below), these must agree finding for finding
(path, line, column, severity, code and both messages):

- the reference: one process, no cache, jsonschema alone (the compiled validator switched off);
- the compiled validator; a pool of forked workers; the cache filled, then read back;
- every case checked on its own (`casekit check cases/<id>`), against the reference's findings
  for that case: the sensitive-value index still covers the whole casebook;
- after a record changes (new values, a new sensitive value), against a fresh reference.
"""

from __future__ import annotations

import datetime as dt
import json
import runpy
import shutil
from pathlib import Path

import pytest

from casekit.core import cache as cache_mod
from casekit.core import casebook as casebook_mod
from casekit.core import published as published_mod
from casekit.core import workers
from casekit.core.casebook import check
from casekit.core.findings import Finding
from casekit.core.messages import MESSAGES
from casekit.core.schemas import DEFAULTS, SchemaSet
from tests.conftest import TODAY, copy_casebook

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOT_CASEBOOK = {"expected.json", "make.py", "record.txt", "README.md", "__pycache__"}
# codes no record can produce: a path given on the command line, the settings file, and a file
# the checker cannot open (as root, permissions do not stop it; a FIFO is not named as a record)
NOT_FROM_RECORDS = {"path-outside", "path-not-found", "config-invalid", "config-warning", "file-unreadable"}
# not from `check`: the site build and its audit, `casekit log`; a folder root cannot be kept out of
NOT_FROM_RECORDS |= {c for c in MESSAGES if c.startswith(("site-", "generator-", "history-"))}
NOT_FROM_RECORDS |= {"folder-unreadable"}
# from `check`, with tests of their own (test_reassign, test_ids, test_changed, test_settings) but no
# casebook here yet: the equivalence of these across modes is not shown by this test
NOT_FROM_RECORDS |= {"handover-before-intake", "handover-date-order", "handover-from-mismatch", "handover-same-worker",
                     "case-id-collision", "git-conflict", "settings-docs-dir", "settings-invalid", "handover-future",
                     "settings-theme-missing", "theme-file-refused", "settings-unknown", "settings-value",
                     "settings-nav-missing", "settings-docs-missing"}
# a casebook folder that is a file (cases/, schemas/ …): tests/test_top_folders.py
NOT_FROM_RECORDS |= {"folder-not-folder"}

Key = tuple[str, int | None, int | None, str, str, str, str]


def keys(findings: list[Finding]) -> list[Key]:
    return [(f.path, f.line, f.column, f.severity, f.code, f.message_ko, f.message_en) for f in findings]


@pytest.fixture
def modes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """check() in each mode; the cache in its own folder, recent files cached too."""
    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache_mod, "RACY_NS", 0)

    def reference(root: Path, targets: list[Path] | None = None) -> list[Key]:
        with monkeypatch.context() as m:
            m.setattr(SchemaSet, "passes", lambda self, kind, data: False)
            return keys(check(root, targets, cache=False, jobs=1).findings)

    def compiled(root: Path) -> list[Key]:
        return keys(check(root, cache=False, jobs=1).findings)

    def parallel(root: Path, targets: list[Path] | None = None, cache: bool = True) -> list[Key]:
        with monkeypatch.context() as m:
            m.setattr(workers, "MIN_PARALLEL", 1)
            m.setattr(workers, "CHUNK", 3)
            return keys(check(root, targets, cache=cache, jobs=2).findings)

    def cached(root: Path, targets: list[Path] | None = None) -> tuple[list[Key], int]:
        """check() in one process; how many records it had to read."""
        calls = []
        real = casebook_mod.check_record

        def counting(*args, **kwargs):
            calls.append(args[0].rel)
            return real(*args, **kwargs)

        with monkeypatch.context() as m:
            for module in (casebook_mod, workers, published_mod):
                m.setattr(module, "check_record", counting)
            found = keys(check(root, targets, jobs=1).findings)
        return found, len(calls)

    return reference, compiled, parallel, cached


def _fixture_books(tmp_path: Path) -> list[Path]:
    books = []
    for src in sorted(p for p in FIXTURES.iterdir() if p.is_dir() and (p / "expected.json").is_file()):
        dest = tmp_path / src.name
        dest.mkdir(parents=True)
        for item in src.iterdir():
            if item.name not in NOT_CASEBOOK:
                (shutil.copytree if item.is_dir() else shutil.copy2)(item, dest / item.name)
        if (src / "make.py").is_file():
            runpy.run_path(str(src / "make.py"))["make"](dest)
        books.append(dest)
    return books


def _plant(root: Path) -> None:
    """Defects of the codes the fixtures do not show, written into a copy of the sample."""

    def edit(rel: str, old: str, new: str) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def append(rel: str, line: str) -> None:
        with open(root / rel, "a", encoding="utf-8") as f:
            f.write("\n" + line + "\n")

    edit("cases/2026-0001/04-intervention.md", "minutes: 40", "minutes: 0")  # out-of-range
    edit("cases/2026-0001/01-intake.md", 'referrer: "나래동', 'referrer: ""\n  x_note: "나래동')  # empty-value, unknown-field
    append("cases/2026-0002/05-monitoring.md", "연락처 010-1234-5678, 메일 helper@example.org")  # pii-phone, pii-email
    append("cases/2026-0003/01-intake.md", "주민번호 900101-1234567, 계좌 123-456789-01-234")  # pii-resident, pii-bank-account
    append("cases/2026-0003/01-intake.md", "번호 123-456789-01-234, 카드 4111 1111 1111 1111, 면허 11-12-345678-90")
    # (pii-account, pii-card, pii-driver-license)
    append("cases/2026-0003/01-intake.md", "배우자 여권 M12345678 사본")  # pii-passport
    append("cases/2026-0004/01-intake.md", "지난번 박영수 님과 같은 건물")  # sensitive-in-text: 2026-0001's client
    append("cases/2026-0004/03-followup.md", "목표: {{goal.text}}")  # template-tag-in-body
    append("cases/2026-0005/01-intake.md", "---\ncase: \"2026-0005\"\nstage: intake\n---")  # front-matter-repeated
    # sensitive-variant-in-text (romanized: 2026-0001's client; date in number words: her birth date), pii-phone in words
    append("cases/2026-0004/03-followup.md", "이웃 Park Young-soo 씨, 생신 일구육구년 칠월 이십일일, 연락처 공일공-일이삼사-오육칠팔")
    edit("cases/2026-0002/01-intake.md", '    relation: "자녀(아들)"', '    name: "Trần Văn Hùng"\n    relation: "자녀(아들)"')
    append("cases/2026-0002/05-monitoring.md", "Hung 씨와 통화함")  # given-name-in-text: a Latin given name alone
    (root / "docs" / "due.md").write_text("# 기한\n\n우리 기관의 기한 안내\n", encoding="utf-8")  # docs-page-clash
    (root / "docs" / "민호-메모.md").write_text("# 메모\n", encoding="utf-8")  # given-name-in-name: 2026-0003's client
    append("cases/2026-0004/03-followup.md", "지윤 주무관과 민호 씨에게 연락함")  # given-name-in-text: a contact's, another case's
    outside = root.parent / "outside.md"
    outside.write_text("---\ncase: x\n---\n", encoding="utf-8")
    (root / "cases/2026-0001/10-followup.md").symlink_to(outside)  # symlink-outside
    res = sorted((root / "resources").glob("*.md"))[0]
    text = res.read_text(encoding="utf-8")
    assert f"id: {res.stem}" in text
    res.write_text(text.replace(f"id: {res.stem}", "id: another-id", 1), encoding="utf-8")  # resource-id-mismatch
    shutil.copy2(sorted((root / "resources").glob("*.md"))[1], root / "resources" / "Bad Id.md")  # bad-resource-id
    # schemas of its own: a const (wrong-value), a keyword casekit does not explain (schema-violation),
    # and a stage without a schema (schema-unavailable)
    shutil.rmtree(root / "schemas", ignore_errors=True)
    shutil.copytree(DEFAULTS / "schemas", root / "schemas")
    (root / "schemas" / "followup.schema.json").unlink()
    intake = json.loads((root / "schemas" / "intake.schema.json").read_text(encoding="utf-8"))
    intake["properties"]["track"]["const"] = "full"
    intake["properties"]["worker"] = {**intake["properties"].get("worker", {}), "maxLength": 5}
    (root / "schemas" / "intake.schema.json").write_text(json.dumps(intake, ensure_ascii=False), encoding="utf-8")
    edit("cases/2026-0003/01-intake.md", "presenting_problems:", "track: brief\nx_old_track: x\npresenting_problems:")
    append("cases/2026-0005/05-intervention.md", "연락처 \u202e1001-0000-010\u202c")  # bidi-control
    append("cases/2026-0005/06-monitoring.md", "[" * 300)  # markdown-brackets
    append("cases/2026-0005/06-monitoring.md", "\\*" * 6000)  # markdown-marks
    append("cases/2026-0005/06-monitoring.md", "***\n" * 301)  # markdown-blocks
    append("cases/2026-0005/06-monitoring.md", "".join("  " * i + "- a\n" for i in range(120)))  # markdown-too-deep
    append("cases/2026-0005/07-intervention.md", "![지도](https://maps.example/x.png)")  # outside-content
    append("cases/2026-0005/07-intervention.md", "![가계도](genogram.png)")  # image-not-found
    append("cases/2026-0005/07-intervention.md", "[주소록](../../../../etc/passwd)")  # link-outside
    append("cases/2026-0005/07-intervention.md", "[다른 사례](../2026-0001/99-closure.md)")  # link-missing
    append("cases/2026-0005/07-intervention.md", "[위로](#없는-제목) [접수](01-intake.md#없는-제목)")  # link-heading-missing
    with open(root / "cases/2026-0004/03-followup.md", "ab") as f:  # file-cut: ends inside a character
        f.write("\n끝".encode()[:-1])
    append("cases/2026-0005/07-intervention.md", '<span style="color:red">급함</span>')  # html-left-out
    append("cases/2026-0005/07-intervention.md", "[참고]: 확인함")  # line-not-shown
    append("cases/2026-0005/04-plan.md", '메모 <svg width="10"> 붙여 넣은 그림\n\n뒤의 문단')  # html-unclosed
    edit("mkdocs.yml", "  features: []\n", "  features: []\n  custom_dir: overrides\n")  # theme-template-refused
    (root / "overrides").mkdir(exist_ok=True)
    (root / "overrides" / "main.html").write_text('{% extends "base.html" %}\n{% block extrahead %}\n'
                                                  '  <base href="https://cdn.example/">\n{% endblock %}\n', encoding="utf-8")
    edit("cases/2026-0001/01-intake.md", "worker: kim.sw", "worker: kim.sw #1")  # comment-cuts-value
    edit("cases/2026-0003/02-closure.md", "worker: ", "worker:\u3000")  # yaml-wide-space
    soon = (TODAY + dt.timedelta(days=30)).isoformat()  # date-future: a month on, whenever this runs
    edit("cases/2026-0005/07-intervention.md", "date: \"", f"date: \"{soon}\"\nx_was: \"")
    edit("cases/2026-0010/05-conference.md", '    done: "2026-11-25"', f'    done: "{soon}"')  # done-future
    later = (TODAY + dt.timedelta(days=2 * 365)).isoformat()  # target-date-far: a long-term goal two years on
    edit("cases/2026-0011/03-plan.md", '    target_date: "2026-10-31"', f'    target_date: "{later}"')
    edit("cases/2026-0012/03-plan.md", '  date: "2026-10-28"\n  method', f'  date: "{soon}"\n  method')  # agreement-future
    edit("cases/2026-0013/04-plan.md", '  date: "2026-11-06"\n  method', '  date: "2026-11-12"\n  method')  # activity-before-agreement
    edit("cases/2026-0010/05-conference.md", '    done: "2026-11-18"', '    done: "2026-11-08"')  # task-before-meeting
    edit("cases/2026-0005/03-assessment.md", "  - id: N4", "  - id: N3")  # duplicate-id (the plan's N4 waits)
    edit("cases/2026-0010/03-plan.md", "    need: N2", "    need: N7")  # unknown-need
    # activity-before-intake: a 위기개입 before any plan, its year typed one too early
    edit("cases/2026-0005/02-intervention.md", '  - date: "2026-09-14"', '  - date: "2025-09-14"')
    edit("cases/2026-0002/03-plan.md", "worker: lee.sw", "worker: lee.ws")  # worker-typo (the casebook's ids compared)
    edit("cases/2026-0006/10-plan.md", "need: N1", "need: N1, N2")  # several-ids
    edit("cases/2026-0009/01-intake.md", "decision: eligible", "decision: referred_elsewhere")  # referred-without-agency
    edit("cases/2026-0003/01-intake.md", '"010-0000-1003"', '"010-000-10003"')  # phone-malformed
    edit("cases/2026-0005/01-intake.md", '  address: "가온구 나래동 7-15 1층"',  # sensitive-value-too-long
         '  address: "' + "가온구 나래동 7-15 1층 " * 20 + '"')
    (root / "cases/2026-0012/01-intake.md").rename(root / "cases/2026-0012/intake.md")  # deferred consent findings
    (root / "cases/2026-0014/03-intervention.md").rename(root / "cases/2026-0014/03-monitoring.md")  # read as it holds
    edit("cases/2026-0007/01-intake.md", '  - "사업', '  • "사업')  # list-marker (two items in a row)
    edit("cases/2026-0007/01-intake.md", '  - "가족', '  • "가족')
    edit("cases/2026-0008/02-assessment.md", 'case: "2026-0008"', 'case: "2026-0008\u3000"')  # odd-character
    edit("cases/2026-0011/01-intake.md", '  - date: "2026-06-03"\n    scope: case_management',
         '  - date: "2026-06-15"\n    scope: case_management')  # consent-after-assessment (06-12)
    # the casebook's templates: a field the schema does not know (template-invalid), one under no stage's
    # name (template-unused) and so a stage without one (template-missing)
    tpl = root / "templates" / "closure.md"
    tpl.write_text(tpl.read_text(encoding="utf-8").replace("worker: {{worker}}\n", "worker: {{worker}}\nworkr: x\n", 1),
                   encoding="utf-8")
    (root / "templates" / "followup.md").rename(root / "templates" / "follow-up.md")
    (root / "cases/2026/2026-0099").mkdir(parents=True)  # case-in-folder: a case moved into a year's folder
    (root / "cases/2026/2026-0099/01-intake.md").write_text((root / "cases/2026-0009/01-intake.md").read_text(
        encoding="utf-8").replace('case: "2026-0009"', 'case: "2026-0099"', 1), encoding="utf-8")
    (root / "cases/2026-0004/02-closure.md").write_text(  # front-matter-not-first
        "# 종결\n" + (root / "cases/2026-0004/02-closure.md").read_text(encoding="utf-8"), encoding="utf-8")


def _agree(root: Path, modes, expect_codes: set[str] | None = None) -> set[str]:
    reference, compiled, parallel, cached = modes
    ref = reference(root)
    assert compiled(root) == ref
    assert parallel(root, cache=False) == ref
    assert parallel(root) == ref  # fills the cache (from the workers)
    warm, read = cached(root)
    assert warm == ref
    assert read == 0, "nothing changed: every record comes from the cache"
    for case in sorted(p.name for p in (root / "cases").iterdir() if p.is_dir()):
        one, _ = cached(root, [root / "cases" / case])
        mine = [k for k in ref if k[0].startswith(f"cases/{case}/") or k[0] == f"cases/{case}"
                or k[0].split("/")[0] not in ("cases", "resources", "docs")]
        assert one == mine, case
    return {k[4] for k in ref}


def test_sample_with_planted_defects_agrees_in_every_mode(tmp_path: Path, modes) -> None:
    root = copy_casebook(tmp_path / "book")
    _plant(root)
    codes = _agree(root, modes)
    for code in ("bad-resource-id", "symlink-outside", "out-of-range", "empty-value", "unknown-field", "pii-phone", "pii-email", "pii-resident-number",
                 "pii-account", "pii-bank-account", "pii-card", "pii-driver-license", "pii-passport", "sensitive-in-text", "resource-id-mismatch", "wrong-value",
                 "schema-violation", "schema-unavailable", "link-missing", "link-heading-missing", "file-cut",
                 "activity-before-intake", "target-date-far"):
        assert code in codes, code


def test_a_changed_record_is_read_again_and_the_casebook_wide_rules_follow(tmp_path: Path, modes) -> None:
    reference, _, parallel, cached = modes
    root = copy_casebook(tmp_path / "book")
    parallel(root)
    # a new sensitive value (a new client name) that another case's text already holds
    other = root / "cases/2026-0002/02-assessment.md"
    body_word = other.read_text(encoding="utf-8").rsplit("\n", 3)[-2].strip()[:3]
    intake = root / "cases/2026-0005/01-intake.md"
    text = intake.read_text(encoding="utf-8")
    name_line = next(line for line in text.splitlines() if line.strip().startswith("name:"))
    intake.write_text(text.replace(name_line, f'  name: "{body_word}"', 1), encoding="utf-8")
    warm, read = cached(root)
    assert read == 1
    ref = reference(root)
    assert warm == ref
    assert any(k[4] == "sensitive-in-text" and k[0] == "cases/2026-0002/02-assessment.md" for k in ref)
    # and back: the finding goes away again
    intake.write_text(text, encoding="utf-8")
    warm, read = cached(root)
    assert read == 1
    assert warm == reference(root)


def test_every_fixture_agrees_in_every_mode(tmp_path: Path, modes) -> None:
    seen: set[str] = set()
    for book in _fixture_books(tmp_path / "fixtures"):
        seen |= _agree(book, modes)
    planted = tmp_path / "planted"
    _plant(copy_casebook(planted))
    seen |= _agree(planted, modes)
    missing = set(MESSAGES) - seen - NOT_FROM_RECORDS
    assert not missing, f"codes no test casebook produces: {sorted(missing)}"
