"""casekit.site.fields: front matter as HTML. A table of records' rows gives each cell its column's
name (`data-label`: a phone shows each row as a card) as table_box gives them, and none when a
cell holds a table of its own."""

from __future__ import annotations

import re
from pathlib import Path

from casekit.core.schemas import SchemaSet
from casekit.site.fields import FieldRenderer
from casekit.site.html import Markup, table_box

ROOT = Path(__file__).resolve().parent.parent


def _renderer() -> FieldRenderer:
    return FieldRenderer(SchemaSet.load(ROOT / "schemas"), lambda rid: Markup(f"<a>{rid}</a>"), lambda gid: f"목표 {gid}")


def _generic(html: str) -> str:
    """The same table with its labels and cards class taken off, boxed by table_box as before."""
    table = re.search(r"<table.*</table>\n?", html, re.S)
    assert table is not None
    label = re.search(r'aria-label="([^"]*)"', html)
    assert label is not None
    bare = re.sub(r' data-label="[^"]*"', "", table.group(0))
    return str(table_box(Markup(bare), Markup(label.group(1)).unescape()))


def test_a_plans_tables_are_labelled_as_table_box_labels_them() -> None:
    data = {"type": "initial", "goals": [
        {"id": "G1", "need": "N1", "goal": "월세를 <안정>시킨다 & 유지", "indicator": "체납 해소", "target_date": "2026-05-31"},
        {"id": "G2", "need": "N2", "goal": "자활근로 참여", "target_date": "2026-06-30"}],
        "services": [{"goal": "G1", "resource": "gaon-food", "service": "식품 꾸러미", "frequency": "월 2회"}]}
    html = str(_renderer().record("plan", data))
    tables = re.findall(r'<div class="ck-table-wrap[^"]*".*?</table>\s*</div>', html, re.S)
    assert len(tables) == 2 and all("ck-cards-wrap" in t for t in tables)
    for box in tables:
        assert box.strip() == _generic(box).strip()
    assert '<td data-label="목표 ID" data-field="id">G1</td>' in html


def test_a_table_holding_a_table_has_no_labels() -> None:
    data = {"extra": [{"name": "가", "parts": [{"x": "1"}, {"x": "2"}]}, {"name": "나"}]}
    html = str(_renderer().record("plan", data))
    assert html.count("<table") == 2
    outer = html.split("<table", 1)[1]
    assert '<td data-field="name">가</td>' in outer and '<td data-field="name">나</td>' in outer
    assert html.count("ck-cards-wrap") == 1  # the inner table's only
    inner = re.search(r'<div class="ck-table-wrap ck-cards-wrap".*?</table>\n</div>\n', html, re.S)
    assert inner is not None and inner.group(0) == _generic(inner.group(0))


def test_the_tags_made_once_are_those_el_writes() -> None:
    import random

    from casekit.site.html import el, end_tag, start_tag

    rng = random.Random(3)
    alphabet = "a가<>&'\"=; \n○"
    for tag in ("td", "th", "span", "dl", "tbody", "a", "ck-noindex"):
        for _ in range(100):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
            attrs = {"data-label": text, "data-field": rng.choice([text, 1, None]), "hidden": rng.choice([True, False])}
            assert start_tag(tag, attrs) + "x" + end_tag(tag) == el(tag, attrs, "x")


def test_each_casebooks_schemas_give_its_own_titles_in_one_process(tmp_path: Path) -> None:
    # (schema lookups are kept from record to record: never from another casebook's schemas)
    import json
    import shutil

    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    path = tmp_path / "schemas" / "plan.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["properties"]["goals"]["items"]["properties"]["goal"]["title"] = "바뀐 목표 제목"
    schema["properties"]["type"]["x-enum-labels"]["initial"] = "처음 계획"
    path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    data = {"type": "initial", "goals": [{"id": "G1", "goal": "월세 안정"}]}
    for _ in range(2):
        shipped = str(_renderer().record("plan", data))
        ours = str(FieldRenderer(SchemaSet.load(tmp_path / "schemas"), lambda rid: Markup(rid), lambda gid: None)
                   .record("plan", data))
        assert "바뀐 목표 제목" in ours and "처음 계획" in ours
        assert "바뀐 목표 제목" not in shipped and "처음 계획" not in shipped and "최초 계획" in shipped
