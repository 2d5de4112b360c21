"""The CI formats of `casekit check`: JUnit XML (GitLab, Jenkins) and SARIF 2.1.0 (code scanning),
each held to its expected shape: SARIF against the OASIS schema (tests/data, see its NOTICE),
JUnit as GitLab's parser reads it (testsuites > testsuite > testcase, <failure> per error)."""

from __future__ import annotations

import json
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

from jsonschema import Draft4Validator

from casekit.core.messages import MESSAGES
from tests.builders import FULL_PATH, make_casebook

DATA = Path(__file__).resolve().parent / "data"


def _broken(tmp_path: Path) -> Path:
    """c1 clean but for a stray file (a finding without a line), c2 with errors (placeholder, plan
    without assessment) and a warning (decomposed Hangul), c3 whose record is broken YAML."""
    root = make_casebook(tmp_path / "book", {
        "c1": FULL_PATH[:3],
        "c2": [("intake", "2026-03-01", {"presenting_problems": ["<주 호소 문제>"]}),
               ("plan", "2026-03-05", {})],
        "c3": FULL_PATH[:1],
    })
    (root / "cases/c3/01-intake.md").write_text("---\ncase: c3\nstage: [intake\n---\n", encoding="utf-8")
    (root / "cases/c1/bad-name.md").write_text("x", encoding="utf-8")
    intake = root / "cases/c2/01-intake.md"  # decomposed Hangul (as macOS may save it): a warning
    intake.write_text(intake.read_text(encoding="utf-8") + unicodedata.normalize("NFD", "상담 내용\n"), encoding="utf-8")
    return root


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path: Path, run) -> None:
    root = _broken(tmp_path)
    result = run(root, "check", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.output)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0]
    spoilt = json.loads(result.output)  # the schema does catch a wrong shape
    spoilt["runs"][0]["results"][0]["level"] = "fatal"
    spoilt["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"] = {"startLine": 0}
    assert len(list(Draft4Validator(schema).iter_errors(spoilt))) == 2
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "casekit" and log["version"] == "2.1.0"
    rules = [r["id"] for r in driver["rules"]]
    assert set(rules) == set(MESSAGES)  # a rule for every code, found or not
    findings = json.loads(run(root, "check", "--format", "json").output)["findings"]
    assert len(run_["results"]) == len(findings) > 3
    for res, f in zip(run_["results"], findings, strict=True):
        assert res["ruleId"] == f["code"] and rules[res["ruleIndex"]] == f["code"]
        assert res["level"] == f["severity"] and res["message"]["text"] == f["message"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == f["path"]
        if f["line"] is None:
            assert "region" not in loc
        else:
            assert loc["region"] == {"startLine": f["line"], "startColumn": f["column"]}
    assert {r["level"] for r in run_["results"]} == {"error", "warning"}
    assert any(r["level"] == "warning" for r in run_["results"]) and any("region" not in r["locations"][0]["physicalLocation"] for r in run_["results"])


def test_sarif_with_nothing_found_is_valid_and_empty(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:1]})
    result = run(root, "check", "--format", "sarif", "--lang", "en")
    assert result.exit_code == 0
    log = json.loads(result.output)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert not list(Draft4Validator(schema).iter_errors(log))
    assert log["runs"][0]["results"] == []


def test_junit_has_a_testcase_per_checked_file_and_a_failure_per_error(tmp_path: Path, run) -> None:
    root = _broken(tmp_path)
    result = run(root, "check", "--format", "junit")
    assert result.exit_code == 1
    assert result.output.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    top = ET.fromstring(result.output.encode("utf-8"))
    assert top.tag == "testsuites"
    suites = top.findall("testsuite")
    assert len(suites) == 1
    cases = suites[0].findall("testcase")
    names = [c.get("name") for c in cases]
    checked = sorted(p.relative_to(root).as_posix() for p in root.glob("*/**/*.md"))
    assert sorted(names) == checked  # every checked file, the clean ones too (c1's bad-name.md included)
    findings = json.loads(run(root, "check", "--format", "json").output)["findings"]
    for case in cases:
        path = case.get("name")
        assert case.get("file") == path and case.get("classname")
        mine = [f for f in findings if f["path"] == path]
        failures = case.findall("failure")
        assert [fl.get("type") for fl in failures] == [f["code"] for f in mine if f["severity"] == "error"]
        for fl, f in zip(failures, [f for f in mine if f["severity"] == "error"], strict=True):
            assert f["message"] in fl.get("message") and f["message"] in fl.text
            if f["line"] is not None:
                assert f"{path}:{f['line']}:{f['column']}" in fl.text
        warnings = [f for f in mine if f["severity"] == "warning"]
        out = case.find("system-out")
        assert (out is not None) == bool(warnings)
        for w in warnings:
            assert w["message"] in out.text
    failed = sum(1 for c in cases if c.find("failure") is not None)
    assert suites[0].get("tests") == str(len(cases)) and suites[0].get("failures") == str(failed) and failed >= 2
    assert top.get("tests") == str(len(cases)) and top.get("failures") == str(failed)
    clean = next(c for c in cases if c.get("name") == "cases/c1/01-intake.md")
    assert list(clean) == []  # a passing testcase has no children


def test_junit_on_a_clean_casebook_passes(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH})
    result = run(root, "check", "--format", "junit")
    assert result.exit_code == 0
    suite = ET.fromstring(result.output.encode("utf-8")).find("testsuite")
    assert suite is not None and suite.get("failures") == "0"
    assert len(suite.findall("testcase")) == 8  # seven records and one resource



def test_printable_is_one_rule_and_keeps_line_breaks_only_when_asked() -> None:
    """The reporters' escaping is casekit.core.printable's (export uses it too): every C0/C1 control,
    DEL and bidi control as a visible escape; with `lines` a tab, LF and CR stay text."""
    from casekit.core.printable import has_unsafe, printable
    from casekit.reporters import printable as reporters_printable

    assert reporters_printable is printable
    raw = "a\x1b]52;c;eA==\x07\x1b[2J\tb\r\nc\x0b\x0c\x7f\x85\x9b\u202e\u2066d\udcb0"
    assert printable(raw) == "a\\x1b]52;c;eA==\\x07\\x1b[2J\\x09b\\x0d\\x0ac\\x0b\\x0c\\x7f\\x85\\x9b\\u202e\\u2066d%B0"
    assert printable(raw, lines=True) == "a\\x1b]52;c;eA==\\x07\\x1b[2J\tb\r\nc\\x0b\\x0c\\x7f\\x85\\x9b\\u202e\\u2066d%B0"
    assert has_unsafe(raw) and has_unsafe("\t") and not has_unsafe("\t\r\n", lines=True)
    assert printable("사례 2026-0001 보통", lines=True) == "사례 2026-0001 보통"


def _pasted(tmp_path: Path, numbers: int, phones: int = 0) -> Path:
    """c1 whose intake has `numbers` lines of a resident registration number pasted into its body
    (a finding each), and `phones` lines of a phone number (another code) after them."""
    root = make_casebook(tmp_path / "book", {"c1": FULL_PATH[:1]})
    intake = root / "cases/c1/01-intake.md"
    intake.write_text(intake.read_text(encoding="utf-8") + "\n" + "850315-1234567\n" * numbers
                      + "010-1234-5678\n" * phones, encoding="utf-8")
    return root


def test_text_folds_many_findings_of_one_kind_in_one_file_and_counts_them_all(tmp_path: Path, run) -> None:
    """A number pasted down a record thousands of times printed a line for each: the text report
    shows the first five of a code in a file, then one line with how many more, where, and how to see
    them; the counts, the exit code, `--all` and the machines' formats hold every one."""
    root = _pasted(tmp_path, 40, phones=2)
    every = json.loads(run(root, "check", "--format", "json").output)["findings"]
    numbers = [f for f in every if f["code"] == "pii-resident-number"]
    assert len(numbers) == 40 and len(every) == 42
    result = run(root, "check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    shown = [line for line in lines if "[pii-resident-number]" in line]
    assert len(shown) == 6, result.output
    assert shown[:5] == [f"  01-intake.md:{f['line']}:1  오류  [pii-resident-number] {f['message']}" for f in numbers[:5]]
    first, last = numbers[5]["line"], numbers[-1]["line"]
    assert shown[5] == (f"  01-intake.md  오류  [pii-resident-number] 같은 문제가 이 파일에 35건 더 있습니다"
                        f"({first}~{last}번째 줄, 여기서는 생략). 모두 보려면: casekit check --all")
    assert sum("[pii-phone]" in line for line in lines) == 2  # (another code: its own five)
    assert lines[-1] == "기록 1개, 자원 1개 검사: 오류 42건, 경고 0건"
    english = run(root, "check", "--lang", "en")
    assert english.exit_code == 1
    assert (f"  01-intake.md  error  [pii-resident-number] 35 more of the same in this file (lines {first}-{last}), "
            f"left out here; to see them all: casekit check --all") in english.output.splitlines()
    assert english.output.splitlines()[-1] == "checked 1 record(s) and 1 resource(s): 42 error(s), 0 warning(s)"
    everything = run(root, "check", "--all")
    assert everything.exit_code == 1
    assert sum("[pii-resident-number]" in line for line in everything.output.splitlines()) == 40
    assert "casekit check --all" not in everything.output
    for fmt in ("json", "github", "junit", "sarif"):  # (read by machines: every finding, --all or not)
        assert run(root, "check", "--format", fmt).output.count("pii-resident-number") \
            == run(root, "check", "--format", fmt, "--all").output.count("pii-resident-number") >= 40


def test_text_shows_five_findings_of_one_kind_in_one_file_as_before(tmp_path: Path, run) -> None:
    root = _pasted(tmp_path, 5)
    result = run(root, "check")
    assert result.output == run(root, "check", "--all").output
    assert sum("[pii-resident-number]" in line for line in result.output.splitlines()) == 5
    assert "casekit check --all" not in result.output
