"""How findings are printed: one table of reporters, chosen by `--format`."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from itertools import groupby

from casekit.core.findings import Finding, summarize

SEVERITY_KO = {"error": "오류", "warning": "경고"}
# what must never reach a terminal raw: C0/C1 controls, DEL, bidi overrides and isolates, line and
# paragraph separators, and the lone surrogates a non-UTF-8 file name decodes to (surrogateescape)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with every character that could garble or disguise terminal output written as an
    escape (`\\x1b`, `\\u202e`); a byte of a non-UTF-8 file name as `%B0`. Used for paths and
    messages in every reporter, so a file name is shown the same way everywhere."""

    def esc(m: re.Match[str]) -> str:
        cp = ord(m.group())
        if 0xDC80 <= cp <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
            return f"%{cp - 0xDC00:02X}"
        return f"\\x{cp:02x}" if cp <= 0xFF else f"\\u{cp:04x}"

    return _UNSAFE.sub(esc, text)


def _group(path: str) -> str:
    parts = path.split("/")
    return "/".join(parts[:2]) if parts[0] == "cases" and len(parts) > 2 else parts[0]


def text(findings: list[Finding], files: int, lang: str) -> str:
    findings = [_printable(f) for f in findings]
    lines: list[str] = []
    for group, items in groupby(findings, key=lambda f: _group(f.path)):
        lines.append(group)
        for f in items:
            where = f.path[len(group) + 1 :] if f.path.startswith(group + "/") else f.path
            if f.line is not None:
                where += f":{f.line}:{f.column or 1}"
            sev = f.severity if lang == "en" else SEVERITY_KO[f.severity]
            lines.append(f"  {where}  {sev}  [{f.code}] {f.message(lang)}")
        lines.append("")
    s = summarize(findings, files)
    if lang == "en":
        verdict = "no problems" if not findings else f"{s['errors']} error(s), {s['warnings']} warning(s)"
        lines.append(f"checked {files} file(s): {verdict}")
    else:
        verdict = "문제 없음" if not findings else f"오류 {s['errors']}건, 경고 {s['warnings']}건"
        lines.append(f"파일 {files}개 검사: {verdict}")
    return "\n".join(lines)


def _printable(f: Finding) -> Finding:
    return dataclasses.replace(f, path=printable(f.path), message_ko=printable(f.message_ko),
                               message_en=printable(f.message_en))


def json_report(findings: list[Finding], files: int, lang: str) -> str:
    """Always valid UTF-8 JSON: control characters are JSON escapes, and a byte of a non-UTF-8
    file name (a lone surrogate) is written `%B0`, as in the text report."""
    findings = [_printable(f) for f in findings]
    payload = {"findings": [f.as_dict(lang) for f in findings], "summary": summarize(findings, files)}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def github(findings: list[Finding], files: int, lang: str) -> str:
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
    s = summarize(findings, files)
    out.append(f"casekit: {files} files, {s['errors']} errors, {s['warnings']} warnings")
    return "\n".join(out)


REPORTER_BY_NAME: dict[str, Callable[[list[Finding], int, str], str]] = {
    "text": text,
    "json": json_report,
    "github": github,
}
