"""casekit.site.build.sensitive_needles: every x-sensitive value of the casebook, taken from the
records' summaries (what check found), is what walking every parsed record again gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casekit.core.casebook import Report, check
from casekit.core.schemas import sensitive_values
from casekit.site.build import sensitive_needles
from tests.conftest import copy_casebook


def walked(report: Report) -> list[tuple[str, str, str]]:
    """The plain definition: each parsed record's sensitive values, then the resources'."""
    out: list[tuple[str, str, str]] = []
    for rel, parsed in report.parsed.items():
        if parsed is None or not isinstance(parsed.data, dict):
            continue
        stage = rel.rsplit("/", 1)[-1][3:-3]
        out += [(v.strip(), rel, f) for f, v in sensitive_values(parsed.data, report.schemas.sensitive_paths.get(stage, []))]
    for res in report.resources.values():
        data: Any = res.parsed.data if res.parsed is not None else None
        if isinstance(data, dict):
            out += [(v.strip(), res.rel, f) for f, v in sensitive_values(data, report.schemas.sensitive_paths.get("resource", []))]
    return [n for n in out if len(n[0]) >= 2]


def test_the_needles_are_those_of_every_parsed_record(tmp_path: Path) -> None:
    root = copy_casebook(tmp_path / "b")
    record = root / "cases" / "2026-0001" / "01-intake.md"  # values padded with spaces
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace('address: "', 'address: "  ', 1).replace('name: "박영수"', 'name: " 박영수 "', 1),
                      encoding="utf-8")
    cold = check(root, keep=True)
    assert cold.parsed and not cold.errors
    needles = sensitive_needles(cold)
    assert needles == walked(cold) and len(needles) > 80
    warm = check(root, keep=True)  # the summaries from the cache this time
    assert sensitive_needles(warm) == walked(warm) == needles
