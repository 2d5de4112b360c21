"""Schemas and templates: one source of truth (casekit/defaults), copied into the sample casebook."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from casekit.core.schemas import DEFAULTS, KINDS, STAGES, SchemaSet

REPO = Path(__file__).resolve().parent.parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize("folder", ["schemas", "templates"])
def test_sample_copies_do_not_drift(folder: str) -> None:
    shipped = {p.name: p.read_bytes() for p in (DEFAULTS / folder).iterdir() if p.is_file()}
    sample = {p.name: p.read_bytes() for p in (REPO / folder).iterdir() if p.is_file()}
    assert sample == shipped, f"{folder}/ differs from casekit/defaults/{folder}/: copy one over the other"


@pytest.mark.parametrize("kind", [*KINDS, "common"])
def test_schema_is_valid_and_korean(kind: str) -> None:
    schema = json.loads((DEFAULTS / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, sub in (node.get("properties") or {}).items():
                assert HANGUL.search(sub.get("title", "")), f"{kind}:{path}.{key} has no Korean title"
                assert HANGUL.search(sub.get("description", "")), f"{kind}:{path}.{key} has no Korean description"
                walk(sub, f"{path}.{key}")
            if isinstance(node.get("items"), dict):
                walk(node["items"], path + "[]")
            for name, sub in (node.get("$defs") or {}).items():
                walk(sub, f"$defs.{name}")
            if "enum" in node:
                labels = node.get("x-enum-labels", {})
                assert set(labels) == set(node["enum"]), f"{kind}:{path} enum without Korean labels"

    walk(schema, "")


def test_identifying_fields_are_sensitive() -> None:
    paths = SchemaSet.load(DEFAULTS / "schemas").sensitive_paths
    assert {("client", "name"), ("client", "phone"), ("client", "address"), ("client", "resident_number"),
            ("client", "birth_date"), ("referral", "referrer_contact")} <= set(paths["intake"])
    assert ("contact_person",) in paths["resource"]


def test_closed_vocabularies() -> None:
    common = json.loads((DEFAULTS / "schemas/common.schema.json").read_text(encoding="utf-8"))["$defs"]
    assert len(common["needDomain"]["enum"]) == 11  # ten domains and "other"
    assert set(common["activityType"]["x-enum-labels"].values()) >= {
        "위기개입", "교육·훈련", "협력적 활동", "상담·치료", "정보제공", "자기옹호 지원", "연계", "조정", "옹호",
    }


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_has_a_korean_template(stage: str) -> None:
    text = (DEFAULTS / "templates" / f"{stage}.md").read_text(encoding="utf-8")
    assert text.startswith("---\ncase: {{case}}\nstage: " + stage + "\ndate: {{date}}\nworker: {{worker}}\n")
    assert HANGUL.search(text) and "<" in text
