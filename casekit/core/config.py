"""casekit's own settings: `casekit.yml` beside `mkdocs.yml` (all keys optional)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casekit.core.findings import Finding, finding
from casekit.core.ids import IdScheme, parse_scheme
from casekit.core.names import inside
from casekit.core.source import parse_yaml, read_file

CONFIG_FILE = "casekit.yml"

DEFAULT_DEADLINES = {
    "assessment_days": 10,  # 욕구 및 위기도 조사: intake + 10 days
    "plan_days": 30,  # 서비스 제공계획: intake + 30 days
    "monitoring_days": 30,  # next 점검 when the record gives no date
    "followup_days": [30, 90, 180],  # 사후관리 checks after closure
    "due_soon_days": 7,
    "conference_days": 5,  # 선정 사례회의: assessment + 5 days
    "closure_days": 14,  # 종결: after a monitoring decides to close
    "revised_plan_days": 14,  # 수정 계획: after a monitoring decides to revise the plan
    "reassessment_days": 180,  # 정기 재사정: every 6 months after the latest assessment
    "monitoring_days_intensive": 14,  # 고난도 사례의 점검 주기
    "crisis_contact_days": 7,  # 위기 사례: contact at least weekly
}

# 사례 부담 (caseload): open cases weighted by 위기도 against a per-worker limit (the site's dashboard)
DEFAULT_CASELOAD: dict[str, Any] = {"limit": 20, "weights": {"crisis": 3, "high": 2, "medium": 1, "low": 1}}


@dataclass
class Config:
    deadlines: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_DEADLINES))
    pii_allow: list[str] = field(default_factory=list)
    lang: str | None = None
    history_authors: dict[str, str] = field(default_factory=dict)  # git e-mail -> worker id
    history_show_email: bool = False
    ids: IdScheme = field(default_factory=IdScheme)  # how `casekit new` makes case ids (casekit/core/ids.py)
    allow_resident_number: bool = False  # 주민등록번호: only with a legal basis (개인정보보호법 §24의2)
    caseload: dict[str, Any] = field(default_factory=lambda: {**DEFAULT_CASELOAD,
                                                              "weights": dict(DEFAULT_CASELOAD["weights"])})
    findings: list[Finding] = field(default_factory=list)


def load_config(root: Path) -> Config:
    cfg = Config()
    path = root / CONFIG_FILE
    if not path.exists() and not path.is_symlink():
        return cfg
    if not inside(root, path):
        target = os.readlink(path) if path.is_symlink() else str(path)
        cfg.findings.append(finding("symlink-outside", CONFIG_FILE, None, None, target=target))
        return cfg
    # the same guarded reader as records: size bound, encodings, aliases, depth, duplicate keys
    text, problems = read_file(str(path), CONFIG_FILE)
    parsed = parse_yaml(text, CONFIG_FILE) if text is not None else None
    if parsed is not None:
        problems = problems + parsed.findings
    errors = [p for p in problems if p.severity == "error"]
    if errors or parsed is None:
        first = errors[0] if errors else problems[0]
        cfg.findings.append(
            finding("config-invalid", CONFIG_FILE, first.line, first.column, detail=first.message_ko)
        )
        return cfg
    raw: Any = parsed.data if parsed.data is not None else {}
    if not isinstance(raw, dict):
        cfg.findings.append(finding("config-invalid", CONFIG_FILE, 1, 1, detail="not a mapping"))
        return cfg
    deadlines = raw.get("deadlines") or {}
    if isinstance(deadlines, dict):
        for key, value in deadlines.items():
            if key not in DEFAULT_DEADLINES:
                cfg.findings.append(finding("config-invalid", CONFIG_FILE, 1, 1, detail=f"unknown deadline '{key}'"))
            elif key == "followup_days":
                if isinstance(value, list) and value and all(isinstance(v, int) and v > 0 for v in value):
                    cfg.deadlines[key] = sorted(value)
                else:
                    cfg.findings.append(
                        finding("config-invalid", CONFIG_FILE, 1, 1, detail="followup_days: a list of positive days")
                    )
            elif isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                cfg.deadlines[key] = value
            else:
                cfg.findings.append(finding("config-invalid", CONFIG_FILE, 1, 1, detail=f"{key}: a number of days"))
    pii = raw.get("pii") or {}
    if isinstance(pii, dict) and isinstance(pii.get("allow"), list):
        cfg.pii_allow = [str(x) for x in pii["allow"]]
    allow_rrn = raw.get("allow_resident_number", False)
    if isinstance(allow_rrn, bool):
        cfg.allow_resident_number = allow_rrn
    else:
        cfg.findings.append(finding("config-invalid", CONFIG_FILE, 1, 1, detail="allow_resident_number: true or false"))
    _caseload(cfg, raw.get("caseload"))
    if raw.get("lang") in ("ko", "en"):
        cfg.lang = raw["lang"]
    _history(cfg, raw.get("history"), parsed)
    cfg.ids, id_problems = parse_scheme(raw.get("ids"))
    line, col = parsed.where(("ids",))
    cfg.findings += [finding("config-invalid", CONFIG_FILE, line, col, detail=p) for p in id_problems]
    return cfg


def _history(cfg: Config, raw: Any, parsed: Any) -> None:
    """`history: {authors: {e-mail: worker id}, show_email: false}` (casekit log, the case page)."""
    if raw is None:
        return
    authors = raw.get("authors") if isinstance(raw, dict) else None
    email = raw.get("show_email", False) if isinstance(raw, dict) else None
    ok = isinstance(raw, dict) and isinstance(authors, dict | None) and isinstance(email, bool)
    ok = ok and all(isinstance(k, str) and isinstance(v, str) for k, v in (authors or {}).items())
    if not ok:
        line, col = parsed.where(("history",))
        detail = "history: {authors: {e-mail: 사례관리자 ID}, show_email: true/false}"
        cfg.findings.append(finding("config-invalid", CONFIG_FILE, line, col, detail=detail))
        return
    cfg.history_authors = dict(authors or {})
    cfg.history_show_email = bool(email)
def _caseload(cfg: Config, raw: Any) -> None:
    """`caseload: {limit: 20, weights: {crisis: 3, high: 2, medium: 1, low: 1}}`; bad values keep the default."""
    if raw is None:
        return
    if not isinstance(raw, dict):
        cfg.findings.append(finding("config-invalid", CONFIG_FILE, 1, 1, detail="caseload: a mapping (limit, weights)"))
        return
    for key, value in raw.items():
        if key == "limit" and isinstance(value, int) and not isinstance(value, bool) and value > 0:
            cfg.caseload["limit"] = value
        elif key == "weights" and isinstance(value, dict):
            for level, weight in value.items():
                if level in DEFAULT_CASELOAD["weights"] and isinstance(weight, int | float) \
                        and not isinstance(weight, bool) and weight >= 0:
                    cfg.caseload["weights"][level] = weight
                else:
                    cfg.findings.append(finding("config-invalid", CONFIG_FILE, 1, 1,
                                                detail=f"caseload.weights.{level}: crisis/high/medium/low, a number"))
        elif key == "limit":
            cfg.findings.append(finding("config-invalid", CONFIG_FILE, 1, 1, detail="caseload.limit: a positive number"))
        else:
            cfg.findings.append(finding("config-invalid", CONFIG_FILE, 1, 1,
                                        detail=f"caseload.{key}: limit (a positive number) or weights"))
