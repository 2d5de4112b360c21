"""How findings are printed: one table of reporters, chosen by `--format`."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import groupby

from casekit import __version__
from casekit.core.findings import Checked, Finding, said_once, same_in_files, summarize
from casekit.core.messages import MESSAGES
from casekit.core.printable import printable  # (one rule for the whole tool; imported from here too)

SEVERITY_KO = {"error": "오류", "warning": "경고"}


def _group(path: str) -> str:
    parts = path.split("/")
    return "/".join(parts[:2]) if parts[0] == "cases" and len(parts) > 2 else parts[0]


SHOWN_OF_A_KIND = 5  # findings of one code in one file the text report shows before saying how many more


def text(findings: list[Finding], files: int, lang: str, paths: Sequence[str] = ()) -> str:
    """Each finding on a line, but of one code in one file the first `SHOWN_OF_A_KIND` only, then
    one line saying how many more and where: a number pasted down a record 60,000 times printed
    60,000 lines. The last line counts them all; `casekit check --all` and the formats read by
    machines show every one."""
    return _text(findings, files, lang, [(f, 0) for f in findings], fold=True)


def every_text(findings: list[Finding], files: int, lang: str, paths: Sequence[str] = ()) -> str:
    """`text` with every finding on its line, none folded (`casekit check --all`)."""
    return _text(findings, files, lang, [(f, 0) for f in findings])


def site_text(findings: list[Finding], files: int, lang: str, paths: Sequence[str] = ()) -> str:
    """`text` for a site's audit (`casekit audit`): a finding the same in more than three files is
    said once, with how many, as the build says them (casekit.core.findings.said_once)."""
    return _text(findings, files, lang, said_once(findings))


def _text(findings: list[Finding], files: int, lang: str, said: list[tuple[Finding, int]], fold: bool = False) -> str:
    said = [(_printable(f), alike) for f, alike in said]
    left_out = _left_out(f for f, _ in said) if fold else {}
    lines: list[str] = []
    shown: dict[tuple[str, str, str], int] = {}
    for group, items in groupby(said, key=lambda s: _group(s[0].path)):
        lines.append(group)
        for f, alike in items:
            kind = (f.path, f.code, f.severity)
            if kind in left_out:
                shown[kind] = shown.get(kind, 0) + 1
                if shown[kind] > SHOWN_OF_A_KIND + 1:
                    continue
            where = f.path[len(group) + 1 :] if f.path.startswith(group + "/") else f.path
            sev = f.severity if lang == "en" else SEVERITY_KO[f.severity]
            if shown.get(kind, 0) == SHOWN_OF_A_KIND + 1:  # (where the first left out would be)
                lines.append(f"  {where}  {sev}  [{f.code}] {_more_of_a_kind(*left_out[kind], lang)}")
                continue
            if f.line is not None:
                where += f":{f.line}:{f.column or 1}"
            lines.append(f"  {where}  {sev}  [{f.code}] {f.message(lang)}" + (f" {same_in_files(alike, lang)}" if alike else ""))
        lines.append("")
    lines.append(verdict_line(findings, files, lang))
    return "\n".join(lines)


def _left_out(findings: Iterable[Finding]) -> dict[tuple[str, str, str], tuple[int, int | None, int | None]]:
    """Of each code (and severity) in each file with more than `SHOWN_OF_A_KIND` findings: how many
    the text report leaves out, and the first and last line they are at (None: no line)."""
    of_a_kind: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        of_a_kind.setdefault((f.path, f.code, f.severity), []).append(f)
    out = {}
    for kind, fs in of_a_kind.items():
        if len(fs) > SHOWN_OF_A_KIND:
            lines = [f.line for f in fs[SHOWN_OF_A_KIND:] if f.line is not None]
            out[kind] = (len(fs) - SHOWN_OF_A_KIND, min(lines, default=None), max(lines, default=None))
    return out


def _more_of_a_kind(count: int, first: int | None, last: int | None, lang: str) -> str:
    """The line said in place of the findings of one kind in one file past the first few."""
    if lang == "en":
        at = "" if first is None else f" (line {first})" if first == last else f" (lines {first}-{last})"
        return f"{count} more of the same in this file{at}, left out here; to see them all: casekit check --all"
    at = "" if first is None else f"{first}번째 줄, " if first == last else f"{first}~{last}번째 줄, "
    return f"같은 문제가 이 파일에 {count}건 더 있습니다({at}여기서는 생략). 모두 보려면: casekit check --all"


def verdict_line(findings: list[Finding], files: int, lang: str) -> str:
    """The last line of a report: what was checked and what was found, in the report's language."""
    s = summarize(findings, files)
    if lang == "en":
        verdict = "no problems" if not findings else f"{s['errors']} error(s), {s['warnings']} warning(s)"
        what = files.en() if isinstance(files, Checked) else f"{files} file(s)"
        return f"checked {what}: {verdict}"
    verdict = "문제 없음" if not findings else f"오류 {s['errors']}건, 경고 {s['warnings']}건"
    what = files.ko() if isinstance(files, Checked) else f"파일 {files}개"
    return f"{what} 검사: {verdict}"


def _printable(f: Finding) -> Finding:
    return dataclasses.replace(f, path=printable(f.path), message_ko=printable(f.message_ko),
                               message_en=printable(f.message_en))


def json_report(findings: list[Finding], files: int, lang: str, paths: Sequence[str] = ()) -> str:
    """Always valid UTF-8 JSON: control characters are JSON escapes, and a byte of a non-UTF-8
    file name (a lone surrogate) is written `%B0`, as in the text report."""
    findings = [_printable(f) for f in findings]
    payload = {"findings": [f.as_dict(lang) for f in findings], "summary": summarize(findings, files)}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def github(findings: list[Finding], files: int, lang: str, paths: Sequence[str] = ()) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the file."""

    def esc(s: str) -> str:
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(s: str) -> str:
        return esc(s).replace(":", "%3A").replace(",", "%2C")

    out = []
    for f in map(_printable, findings):
        props = [f"file={prop(f.path)}"]
        if f.line is not None:
            props.append(f"line={f.line}")
            props.append(f"col={f.column or 1}")
        props.append(f"title={prop(f.code)}")
        out.append(f"::{f.severity} {','.join(props)}::{esc(f.message(lang))}")
    out.append(f"casekit: {verdict_line(findings, files, lang)}")  # (the log's last line, as `text` ends)
    return "\n".join(out)


def _where(f: Finding) -> str:
    return f.path + (f":{f.line}:{f.column or 1}" if f.line is not None else "")


def junit(findings: list[Finding], files: int, lang: str, paths: Sequence[str] = ()) -> str:
    """JUnit XML as GitLab and Jenkins read it: one testsuite, a testcase per checked file (and per
    other file with a finding), a <failure> per error; warnings go to the testcase's system-out."""
    import xml.etree.ElementTree as ET  # here, not at the top: `check` on save starts fast

    by_path: dict[str, list[Finding]] = {p: [] for p in paths}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    s = summarize(findings, files)
    failed = sum(1 for fs in by_path.values() if any(f.severity == "error" for f in fs))
    suites = ET.Element("testsuites", name="casekit", tests=str(len(by_path)), failures=str(failed),
                        errors="0", time="0")
    suite = ET.SubElement(suites, "testsuite", name="casekit check", tests=str(len(by_path)),
                          failures=str(failed), errors="0", skipped="0", time="0")
    for path in sorted(by_path):
        group = _group(path)
        case = ET.SubElement(suite, "testcase", classname=group.replace("/", "."), name=path, file=path, time="0")
        warnings = []
        for f in by_path[path]:
            line = f"{_where(f)} [{f.code}] {f.message(lang)}"
            if f.severity == "error":
                failure = ET.SubElement(case, "failure", type=f.code, message=f"[{f.code}] {f.message(lang)}")
                failure.text = line
            else:
                warnings.append(f"{'warning' if lang == 'en' else '경고'}: {line}")
        if warnings:
            ET.SubElement(case, "system-out").text = "\n".join(warnings)
    suite.append(ET.Comment(f" casekit: {files} files, {s['errors']} errors, {s['warnings']} warnings "))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")


SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_TEMPLATE_FIELD = re.compile(r"\{[A-Za-z_]+\}")


def sarif(findings: list[Finding], files: int, lang: str, paths: Sequence[str] = ()) -> str:
    """SARIF 2.1.0 (GitHub code scanning and other viewers): every finding code is a rule of the
    driver; each finding a result with its level and, where it has one, its line and column
    (columns count characters, as casekit's do). Paths are relative to the casebook root."""
    from urllib.parse import quote
    codes = sorted(MESSAGES)
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        severity, ko, en = MESSAGES[code]
        template = _TEMPLATE_FIELD.sub("…", en if lang == "en" else ko)
        rules.append({
            "id": code,
            "name": code,
            "shortDescription": {"text": code},
            "fullDescription": {"text": template},
            "defaultConfiguration": {"level": "error" if severity == "error" else "warning"},
        })
    results = []
    for f in findings:
        location: dict[str, object] = {"artifactLocation": {"uri": quote(f.path, safe="/"), "uriBaseId": "%SRCROOT%"}}
        if f.line is not None:
            location["region"] = {"startLine": f.line, "startColumn": f.column or 1}
        results.append({
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": "error" if f.severity == "error" else "warning",
            "message": {"text": f.message(lang)},
            "locations": [{"physicalLocation": location}],
        })
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "casekit", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


Reporter = Callable[[list[Finding], int, str, Sequence[str]], str]

REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": text,
    "json": json_report,
    "github": github,
    "junit": junit,
    "sarif": sarif,
}

# `casekit check --all`'s: text with every finding on its line (the other formats always hold every one)
EVERY_REPORTER_BY_NAME: dict[str, Reporter] = {**REPORTER_BY_NAME, "text": every_text}

# `casekit audit`'s: the same formats, its text saying a finding the same in many files once (site_text)
SITE_REPORTER_BY_NAME: dict[str, Reporter] = {**REPORTER_BY_NAME, "text": site_text}

# formats read by machines: nothing else (progress, hints) may be mixed into their output
MACHINE_FORMATS = frozenset({"json", "junit", "sarif"})
