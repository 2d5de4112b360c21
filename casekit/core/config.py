"""casekit's own settings: `casekit.yml` beside `mkdocs.yml` (all keys optional)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casekit.core.findings import Finding, finding
from casekit.core.names import inside
from casekit.core.source import parse_yaml, read_file

CONFIG_FILE = "casekit.yml"

DEFAULT_DEADLINES = {
    "assessment_days": 10,  # 욕구 및 위기도 조사: intake + 10 days
    "plan_days": 30,  # 서비스 제공계획: intake + 30 days
    "monitoring_days": 30,  # next 점검 when the record gives no date
    "followup_days": [30, 90, 180],  # 사후관리 checks after closure
    "due_soon_days": 7,
}

# 사례 부담 (caseload): open cases weighted by 위기도 against a per-worker limit (the site's dashboard)
DEFAULT_CASELOAD: dict[str, Any] = {"limit": 20, "weights": {"crisis": 3, "high": 2, "medium": 1, "low": 1}}


@dataclass
class Config:
    deadlines: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_DEADLINES))
    pii_allow: list[str] = field(default_factory=list)
    lang: str | None = None
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
    _caseload(cfg, raw.get("caseload"))
    if raw.get("lang") in ("ko", "en"):
        cfg.lang = raw["lang"]
    return cfg


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
