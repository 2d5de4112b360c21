"""Small valid casebooks built in code, for rule and CLI tests."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import yaml

BASE: dict[str, dict[str, Any]] = {
    "intake": {
        "referral": {"source": "public", "referrer": "나래동 행정복지센터"},
        "client": {"alias": "홍○○", "name": "홍길동", "phone": "010-0000-1111"},
        "presenting_problems": ["월세 체납"],
        "eligibility": {"decision": "eligible", "reason": "복합 욕구"},
        "consent": {"case_management": True, "information_sharing": True},
    },
    "assessment": {
        "type": "initial",
        "risk_level": "medium",
        "needs": [{"id": "N1", "domain": "economy", "severity": "high", "description": "생계비 부족"}],
        "strengths": ["일하려는 의지"],
        "resources": ["food-bank"],
    },
    "plan": {
        "type": "initial",
        "goals": [{"id": "G1", "need": "N1", "goal": "생계 안정", "target_date": "2026-06-30"}],
        "services": [{"goal": "G1", "resource": "food-bank", "service": "식품 지원", "start": "2026-04-01"}],
        "agreement": {"client_agreed": True, "date": "2026-04-01"},
    },
    "intervention": {
        "activities": [{"date": "2026-04-10", "type": "linking", "goal": "G1", "summary": "푸드뱅크 연계"}],
    },
    "monitoring": {
        "progress": [{"goal": "G1", "status": "in_progress", "note": "식품 지원 받음"}],
        "decision": "continue",
        "next_review": "2026-06-01",
    },
    "closure": {
        "reason": "goals_achieved",
        "results": [{"goal": "G1", "result": "achieved"}],
        "client_feedback": "고맙다고 함",
    },
    "followup": {"contact": "phone", "status": "stable", "reopen": False},
    "conference": {
        "kind": "review",
        "participants": [{"agency": "가온종합사회복지관", "role": "사례관리자"}],
        "decisions": ["계획대로 진행"],
    },
}

RESOURCE = {
    "id": "food-bank",
    "name": "가온구 푸드뱅크",
    "kind": "formal",
    "sector": "nonprofit",
    "domains": ["economy"],
    "services": ["식품 지원"],
    "status": "active",
}


def record_text(case_id: str, stage_id: str, day: str, body: str = "본문", **fields: Any) -> str:
    stage = stage_id
    data: dict[str, Any] = {"case": case_id, "stage": stage_id, "date": day, "worker": "kim.sw"}
    data.update(copy.deepcopy(BASE[stage]))
    if stage == "intake":  # distinct aliases: two open cases with the same alias are a warning of their own
        data["client"]["alias"] = f"홍○○ {case_id}"
    for key, value in fields.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}\n"


def make_casebook(root: Path, cases: dict[str, list[tuple[str, str, dict[str, Any]]]]) -> Path:
    """cases: {case_id: [(stage, date, overrides), ...]} numbered 01, 02, ... in order."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    res = root / "resources"
    res.mkdir(exist_ok=True)
    (res / "food-bank.md").write_text(
        "---\n" + yaml.safe_dump(RESOURCE, allow_unicode=True, sort_keys=False) + "---\n푸드뱅크\n", encoding="utf-8"
    )
    for case, records in cases.items():
        folder = root / "cases" / case
        folder.mkdir(parents=True, exist_ok=True)
        for i, (stage, date, overrides) in enumerate(records, 1):
            (folder / f"{i:02d}-{stage}.md").write_text(record_text(case, stage, date, **overrides), encoding="utf-8")
    return root


FULL_PATH = [
    ("intake", "2026-03-01", {}),
    ("assessment", "2026-03-05", {}),
    ("plan", "2026-04-01", {}),
    ("intervention", "2026-04-20", {}),
    ("monitoring", "2026-05-01", {}),
    ("closure", "2026-06-30", {}),
    ("followup", "2026-07-30", {}),
]


def open_case_book(dest: Path) -> Path:
    """The `valid-lifecycle` fixture cut to an open case: c1 with intake, assessment and plan."""
    import shutil

    fixture = Path(__file__).resolve().parent / "fixtures" / "valid-lifecycle"
    shutil.copytree(fixture, dest, ignore=shutil.ignore_patterns("expected.json"))
    for name in ("04-intervention.md", "05-monitoring.md", "06-closure.md", "07-followup.md"):
        (dest / "cases/c1" / name).unlink()
    return dest


def read_pty(master: int) -> bytes:
    """All a pseudo-terminal's other end wrote, until it is closed (then `master` is closed too)."""
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # (Linux: EIO once the other end is closed)
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return seen
