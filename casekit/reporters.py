"""How findings are printed: one table of reporters, chosen by `--format`."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import groupby

from casekit.core.findings import Checked, Finding, summarize

SEVERITY_KO = {"error": "오류", "warning": "경고"}


def _group(path: str) -> str:
    parts = path.split("/")
    return "/".join(parts[:2]) if parts[0] == "cases" and len(parts) > 2 else parts[0]


def text(findings: list[Finding], files: int, lang: str) -> str:
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
        what = files.en() if isinstance(files, Checked) else f"{files} file(s)"
        lines.append(f"checked {what}: {verdict}")
    else:
        verdict = "문제 없음" if not findings else f"오류 {s['errors']}건, 경고 {s['warnings']}건"
        what = files.ko() if isinstance(files, Checked) else f"파일 {files}개"
        lines.append(f"{what} 검사: {verdict}")
    return "\n".join(lines)


def json_report(findings: list[Finding], files: int, lang: str) -> str:
    payload = {"findings": [f.as_dict(lang) for f in findings], "summary": summarize(findings, files)}
    return json.dumps(payload, ensure_ascii=False, indent=2)


def github(findings: list[Finding], files: int, lang: str) -> str:
    """GitHub Actions workflow commands: each finding becomes an annotation on the file."""

    def esc(s: str) -> str:
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(s: str) -> str:
        return esc(s).replace(":", "%3A").replace(",", "%2C")

    out = []
    for f in findings:
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
