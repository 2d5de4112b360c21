"""Every sensitive value of a checked casebook (what no page, and no text casekit writes, may show)."""

from __future__ import annotations

from casekit.core.casebook import Report
from casekit.core.findings import Finding
from casekit.core.pii import scan_text
from casekit.core.schemas import sensitive_values
from casekit.core.sensitive import SensitiveIndex, scan


def sensitive_needles(report: Report) -> list[tuple[str, str, str]]:
    """(value, source file, field) for every x-sensitive value in the casebook: what no page may show."""
    schemas = report.schemas
    out: list[tuple[str, str, str]] = []
    # each record's values as its check found them (Summary.sensitive: the same walk of the same
    # values, kept in the cache; walking 62,000 parsed records again cost 2 s at 10,000 cases)
    summaries = {s.rel: s for records in report.summaries.values() for s in records}
    for rel in report.records:
        summary = summaries.get(rel)
        if summary is not None:
            out += [(value.strip(), rel, field_) for field_, value in summary.sensitive]
    for res in report.resources.values():
        if res.parsed is None or not isinstance(res.parsed.data, dict):
            continue
        for field_, value in sensitive_values(res.parsed.data, schemas.sensitive_paths.get("resource", [])):
            out.append((value.strip(), res.rel, field_))
    return [n for n in out if len(n[0]) >= 2]


def screen(report: Report, text: str, rel: str) -> list[Finding]:
    """The errors `casekit check` would find in `text` written as a published value of file `rel`
    (a handover's reason): another value of the casebook in it, or a variant of one; a phone,
    resident or account number, an e-mail address. What casekit writes into a user's file is
    screened so, before it writes: nothing it writes is refused by the next check."""
    found = [f for f in scan(SensitiveIndex(sensitive_needles(report)), rel, text, 1, 1, body=False)
             if f.severity == "error"]
    found += [f for f in scan_text(text, rel, 1, report.config.pii_allow) if f.severity == "error"]
    return found
