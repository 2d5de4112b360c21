"""A sensitive value copied into published text is an error (`sensitive-in-text`), located exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casekit.core.schemas import SchemaSet, field_name, sensitive_values
from casekit.core.source import split

INTAKE = "cases/2026-0001/01-intake.md"
MONITORING = "cases/2026-0001/05-monitoring.md"
RESOURCE = "resources/gaon-food-bank.md"


def _values(root: Path, rel: str, kind: str) -> dict[str, str]:
    """The sample record's sensitive values, by field name (client.name -> 박영수)."""
    schemas = SchemaSet.load(root / "schemas")
    parsed = split((root / rel).read_text(encoding="utf-8"), rel)
    assert parsed.data is not None
    return dict(sensitive_values(parsed.data, schemas.sensitive_paths[kind]))


def _append(root: Path, rel: str, line_text: str) -> int:
    """Append a body line; its file line number."""
    path = root / rel
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + line_text + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.split("\n")) - 1


def _replace(root: Path, rel: str, old: str, new: str) -> tuple[int, int]:
    """Replace `old` by `new` once; (line, column) where `new` starts."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    idx = text.index(new)
    return text.count("\n", 0, idx) + 1, idx - (text.rfind("\n", 0, idx) + 1) + 1


def _findings(run, root: Path) -> tuple[int, list[dict]]:
    result = run(root, "check", "--format", "json", "--lang", "en")
    return result.exit_code, json.loads(result.output)["findings"]


def _sensitive(findings: list[dict]) -> set[tuple[str, int, int, str]]:
    out = set()
    for f in findings:
        if f["code"] == "sensitive-in-text":
            field = f["message"].split("(", 1)[1].split(")", 1)[0]
            out.add((f["path"], f["line"], f["column"], field))
    return out


def test_the_sample_has_sensitive_values_to_protect(sample: Path) -> None:
    values = _values(sample, INTAKE, "intake")
    assert {"client.name", "client.resident_number", "client.phone", "client.address"} <= set(values)


@pytest.mark.parametrize(
    "field",
    ["client.name", "client.birth_date", "client.resident_number", "client.phone", "client.address", "referral.referrer_contact"],
)
def test_own_sensitive_value_in_body(sample: Path, run, field: str) -> None:
    value = _values(sample, INTAKE, "intake")[field]
    line = _append(sample, INTAKE, f"면담 메모: {value} 확인함")
    code, findings = _findings(run, sample)
    assert code == 1
    assert (INTAKE, line, 8, field) in _sensitive(findings)


def test_own_sensitive_value_in_a_published_field(sample: Path, run) -> None:
    name = _values(sample, INTAKE, "intake")["client.name"]
    line, column = _replace(sample, INTAKE, 'household: "1인 가구"', f'household: "1인 가구({name})"')
    code, findings = _findings(run, sample)
    assert code == 1
    name_column = column + len('household: "1인 가구(')  # (at the name in the value)
    assert _sensitive(findings) == {(INTAKE, line, name_column, "client.name")}


def test_intake_name_in_a_later_record_body(sample: Path, run) -> None:
    name = _values(sample, INTAKE, "intake")["client.name"]
    line = _append(sample, MONITORING, f"오늘 {name} 님이 직접 전화했다.")
    code, findings = _findings(run, sample)
    assert code == 1
    assert _sensitive(findings) == {(MONITORING, line, 4, "client.name")}


def test_several_values_on_one_line_each_located(sample: Path, run) -> None:
    values = _values(sample, INTAKE, "intake")
    name, address = values["client.name"], values["client.address"]
    line = _append(sample, MONITORING, f"{name} 님 댁({address}) 방문")
    code, findings = _findings(run, sample)
    assert code == 1
    got = _sensitive(findings)
    assert (MONITORING, line, 1, "client.name") in got
    assert (MONITORING, line, len(name) + 6, "client.address") in got


def test_a_reformatted_number_of_the_client_is_one_finding_naming_whose_it_is(sample: Path, run) -> None:
    # the client's own number written differently: one finding naming whose number it is (the
    # variant), not also the PII guard's at the same column
    values = _values(sample, INTAKE, "intake")
    bare_rrn = values["client.resident_number"].replace("-", "")
    spaced_phone = values["client.phone"].replace("-", " ")
    line = _append(sample, MONITORING, f"번호 {bare_rrn} / {spaced_phone}")
    code, findings = _findings(run, sample)
    assert code == 1
    got = {(f["path"], f["line"], f["column"], f["code"]) for f in findings}
    assert got == {(MONITORING, line, 4, "sensitive-variant-in-text"),
                   (MONITORING, line, 4 + len(bare_rrn) + 3, "sensitive-variant-in-text")}, got


def test_the_alias_is_fine(sample: Path, run) -> None:
    alias = split((sample / INTAKE).read_text(encoding="utf-8"), INTAKE).data["client"]["alias"]
    _append(sample, MONITORING, f"{alias} 님이 직접 전화했다.")
    code, findings = _findings(run, sample)
    assert code == 0, findings


def test_intake_name_in_a_later_record_field(sample: Path, run) -> None:
    name = _values(sample, INTAKE, "intake")["client.name"]
    old = '"5월 초 생계급여와 주거급여가 결정되었고 체납 월세를 정리함"'
    line, column = _replace(sample, MONITORING, old, f'"{name} 님 수급 결정"')
    code, findings = _findings(run, sample)
    assert code == 1
    assert (MONITORING, line, column + 1, "client.name") in _sensitive(findings)  # (after the quote)


def test_resource_contact_person_in_resource_body(sample: Path, run) -> None:
    person = _values(sample, RESOURCE, "resource")["contact_person"]
    line = _append(sample, RESOURCE, f"담당 {person}에게 연락")
    code, findings = _findings(run, sample)
    assert code == 1
    assert (RESOURCE, line, 4, "contact_person") in _sensitive(findings)


def test_field_names_are_the_ones_users_write() -> None:
    assert field_name(("client", "name")) == "client.name"
