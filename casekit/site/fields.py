"""Front matter as a definition list, driven by the stage's JSON Schema.

Titles and enum labels come from the schema (`title`, `x-enum-labels`), so a casebook that
changes its schemas changes its pages. Only ever called with redacted data.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from casekit.core.schemas import SchemaSet
from casekit.site.html import (
    Markup,
    cards_box,
    el,
    end_tag,
    escape,
    escape_text,
    join,
    start_tag,
    table_box,
    table_label,
    trusted,
)

Node = dict[str, Any]
LinkResource = Callable[[str], Markup]
_NOTHING: Node = {}  # the schema of what the schemas do not describe (never changed: it is shared)

# FieldRenderer's schema lookups, kept from record to record: by the identity of the SchemaSet
# and of the schema node asked about, each kept alive in the entry (no other object takes their
# id while it is a key). Nodes are only read, and the ones a lookup gives are kept ones, so a
# whole walk is answered from here. Emptied when full (a casebook's schemas need a few hundred).
_KEPT: dict[tuple[Any, ...], tuple[Any, Any, Any]] = {}
_KEPT_MAX = 50_000


def _keep(key: tuple[Any, ...], entry: tuple[Any, Any, Any]) -> None:
    if len(_KEPT) >= _KEPT_MAX:
        _KEPT.clear()
    _KEPT[key] = entry


class FieldRenderer:
    def __init__(self, schemas: SchemaSet, link_resource: LinkResource, goal_title: Callable[[str], str | None]):
        self.schemas = schemas
        self.link_resource = link_resource
        self.goal_title = goal_title

    # -- schema navigation -------------------------------------------------
    # What the schemas say of a key is the same in every record of a kind, and every case has
    # records of the same kinds: each answer is kept (_KEPT), so a record's walk through its
    # schema is answered without resolving a `$ref` again.
    def _resolve(self, node: Node, base: str) -> tuple[Node, str]:
        key = ("resolve", id(self.schemas), id(node), base)
        got = _KEPT.get(key)
        if got is not None and got[0] is node and got[1] is self.schemas:
            return got[2]
        found = self._resolve_now(node, base)
        _keep(key, (node, self.schemas, found))
        return found

    def _resolve_now(self, node: Node, base: str) -> tuple[Node, str]:
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 8:
            node, base = self.schemas.resolve(node, base)
            seen += 1
        return (node if isinstance(node, dict) else _NOTHING), base

    def _child(self, node: Node, base: str, key: str | int) -> tuple[Node, str, str]:
        """The schema for `key` under `node`, its base file, and what it refers to (resourceId, goalId …)."""
        kept = ("child", id(self.schemas), id(node), base, type(key), key)  # (1, True and 1.0 are one dict key)
        got = _KEPT.get(kept)
        if got is not None and got[0] is node and got[1] is self.schemas:
            return got[2]
        found = self._child_now(node, base, key)
        _keep(kept, (node, self.schemas, found))
        return found

    def _child_now(self, node: Node, base: str, key: str | int) -> tuple[Node, str, str]:
        node, base = self._resolve(node, base)
        if isinstance(key, int):
            sub = node.get("items") or _NOTHING
        else:
            sub = (node.get("properties") or _NOTHING).get(key) or _NOTHING
        ref = sub.get("$ref", "") if isinstance(sub, dict) else ""
        kind = ref.rsplit("/", 1)[-1] if isinstance(ref, str) else ""
        sub, sub_base = self._resolve(sub, base)
        return sub, sub_base, kind

    # -- rendering ---------------------------------------------------------
    def record(self, kind: str, data: dict[str, Any], skip: tuple[str, ...] = ()) -> Markup:
        root = self.schemas.schemas.get(kind, _NOTHING)
        items = [(k, v) for k, v in _ordered(data, root) if k not in skip]
        return self._dl(root, kind, items, "ck-fields")

    def _dl(self, node: Node, base: str, items: list[tuple[str, Any]], cls: str) -> Markup:
        parts: list[str] = []
        for key, value in items:
            if _empty(value):
                continue
            sub, sub_base, ref = self._child(node, base, key)
            title = shown_title(sub.get("title") or key, ref)
            if type(key) is str and type(title) is str:  # (as el writes it, without an el a row)
                parts += ('<dt data-field="', escape_text(key), '">', escape_text(title), "</dt>\n")
            else:
                parts.append(el("dt", {"data-field": key}, title))
            parts += ("<dd>", self._value(sub, sub_base, ref, value), "</dd>\n")
        if not parts:
            return Markup("")
        return trusted(start_tag("dl", {"class": cls}) + "".join(parts) + "</dl>\n")

    def _value(self, node: Node, base: str, ref: str, value: Any) -> Markup:
        if isinstance(value, bool):
            return Markup("예") if value else Markup("아니요")
        if isinstance(value, dict):
            return self._dl(node, base, _ordered(value, node), "ck-fields ck-nested")
        if isinstance(value, list):
            if all(isinstance(v, dict) for v in value):
                return self._table(node, base, value)
            item, item_base, item_ref = self._child(node, base, 0)
            shown = [self._value(item, item_base, item_ref, v) for v in value if not _empty(v)]
            if not shown:
                return trusted('<ul class="ck-list"></ul>\n')
            return trusted('<ul class="ck-list"><li>' + "</li>\n<li>".join(shown) + "</li>\n</ul>\n")
        return self._scalar(node, ref, value)

    def _scalar(self, node: Node, ref: str, value: Any) -> Markup:
        text = str(value)
        labels = node.get("x-enum-labels") or {}
        if isinstance(value, str) and value in labels:
            return escape(labels[value])
        if ref == "resourceId" and isinstance(value, str):
            return self.link_resource(value)
        if ref == "goalId" and isinstance(value, str):  # the goal's text shown beside its id, not on hover
            goal = self.goal_title(value)
            return join([el("strong", {"class": "ck-goal-ref"}, value),
                         el("small", {"class": "ck-goal-text"}, " " + goal) if goal else None])
        if ref == "date" and isinstance(value, str):
            return _span("ck-date", value)
        if isinstance(value, str) and "\n" in value.strip():
            return _span("ck-multiline", value.strip())
        return escape(text)

    def _table(self, node: Node, base: str, rows: list[dict[str, Any]]) -> Markup:
        item, item_base = self._resolve((self._resolve(node, base)[0].get("items") or _NOTHING), base)
        keys: list[str] = [k for k in (item.get("properties") or {}) if any(not _empty(r.get(k)) for r in rows)]
        for r in rows:
            keys += [k for k in r if k not in keys and not _empty(r.get(k))]
        cells: list[str] = []
        subs = {k: self._child(item, item_base, k) for k in keys}
        if "id" in subs:  # a row's own id (a plan's goal G1): its text is the row's, not shown beside it again
            subs["id"] = (*subs["id"][:2], "")
        titles = [str(shown_title(subs[k][0].get("title") or k, subs[k][2])) for k in keys]
        heads = [_column_start(k) + escape_text(title) + "</th>\n"
                 for k, title in zip(keys, titles, strict=True)]
        values = [[None if _empty(r.get(k)) else self._value(*subs[k], r.get(k)) for k in keys] for r in rows]
        # each cell carries its column's name (a phone shows a row as a card), as table_box gives them:
        # here, where the names are known, unless a cell holds a table of its own (table_box then gives none)
        nested = any(v is not None and "<table" in v for row in values for v in row)
        labels = [None if nested else " ".join(title.split()) for title in titles]  # (el leaves out a None)
        opens = [_cell_start(k, name) for k, name in zip(keys, labels, strict=True)]
        for row in values:
            cells += ("<tr>", *[part for o, v in zip(opens, row, strict=True) for part in (o, v or "", "</td>\n")], "</tr>\n")
        body = trusted("".join(["<tbody>", *cells, end_tag("tbody")]))
        head = trusted("".join(["<thead><tr>", *heads, "</tr>\n</thead>\n"]))
        table = el("table", {"class": "ck-data"}, head, body)
        return table_box(table, table_label(titles)) if nested else cards_box(table, table_label(titles))


# a table's opening tags, the same in every table of a kind: made once (typed: True is not 1)
@functools.lru_cache(maxsize=4096, typed=True)
def _column_start(key: Any) -> str:
    return start_tag("th", {"data-field": key, "scope": "col"})


@functools.lru_cache(maxsize=4096, typed=True)
def _cell_start(key: Any, label: str | None) -> str:
    return start_tag("td", {"data-label": label, "data-field": key})


def _span(cls: str, text: str) -> Markup:
    """`el("span", {"class": cls}, text)`, for a plain string without el's work (a date a row)."""
    if type(text) is not str:
        return el("span", {"class": cls}, text)
    return trusted(f'<span class="{cls}">{escape_text(text)}</span>')


def shown_title(title: str, ref: str) -> str:
    """A column of resource or goal ids shows names and goal texts: "자원 ID" reads "자원"."""
    if ref in ("resourceId", "goalId") and title.endswith(" ID"):
        return title[:-3]
    return title


def _ordered(data: dict[str, Any], node: Node) -> list[tuple[str, Any]]:
    """Keys in the schema's property order, then any the schema does not name."""
    props = list((node.get("properties") or {}) if isinstance(node, dict) else {})
    known = [(k, data[k]) for k in props if k in data]
    return known + [(k, v) for k, v in data.items() if k not in props]


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}
