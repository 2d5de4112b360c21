"""What a JSON Schema keyword a record's value does not meet asks, said in Korean and in English.

The schema findings casekit knows best (a wrong type, a missing key, a code not in the list, a
date, a pattern) have codes of their own (casekit.core.schemas). A casebook's own schemas may use
any keyword of JSON Schema 2020-12 (`maxItems`, `maxLength`, `uniqueItems`, `anyOf`,
`dependentRequired`, ...): what each asks is said here, never jsonschema's English message, which
shows the whole value as Python writes it (`[{'id': 'G1', ...}] is too long`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")

# the JSON types, as a message says what a value is or must be
TYPE_WORDS = {
    "string": ("글자", "text"),
    "boolean": ("참/거짓(true 또는 false)", "true or false"),
    "integer": ("정수", "a whole number"),
    "number": ("숫자", "a number"),
    "array": ("목록(- 로 시작하는 항목들)", "a list"),
    "object": ("항목 묶음(키: 값)", "a mapping"),
    "null": ("빈 값", "empty"),
}

# formats of JSON Schema: how each is said, and an example (jsonschema checks most of them)
FORMAT_WORDS: dict[str, tuple[str, str, str]] = {
    "email": ("이메일 주소", "an email address", "name@example.org"),
    "idn-email": ("이메일 주소", "an email address", "name@example.org"),
    "uri": ("인터넷 주소(URI)", "a URI", "https://example.org/"),
    "iri": ("인터넷 주소(IRI)", "an IRI", "https://example.org/"),
    "uri-reference": ("인터넷 주소(URI)", "a URI reference", "https://example.org/"),
    "date-time": ("날짜와 시각", "a date and time", "2026-03-05T14:30:00+09:00"),
    "time": ("시각", "a time of day", "14:30:00+09:00"),
    "duration": ("기간(ISO 8601)", "a duration (ISO 8601)", "P3D"),
    "ipv4": ("IPv4 주소", "an IPv4 address", "192.0.2.1"),
    "ipv6": ("IPv6 주소", "an IPv6 address", "2001:db8::1"),
    "hostname": ("호스트 이름", "a host name", "example.org"),
    "uuid": ("UUID", "a UUID", "123e4567-e89b-12d3-a456-426614174000"),
    "regex": ("올바른 정규식", "a valid regular expression", ""),
}

# the patterns of casekit's shipped schemas (schemas/common.schema.json), said in English: their
# descriptions are Korean (a casebook's own pattern is said by its description, or shown)
PATTERN_WORDS_EN: dict[str, str] = {
    "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$": "a case id is its folder's name: a letter or digit, then letters, digits, "
                                        "- or _",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "write a date as YYYY-MM-DD",
    "^[A-Za-z][A-Za-z0-9_.-]{0,31}$": "a worker's id, not a name: a letter, then letters, digits, '.', '_' or '-' "
                                      "(e.g. kim.sw)",
    "^G[0-9]{1,3}$": "a goal's id: G and a number (G1, G2 …)",
    "^N[0-9]{1,3}$": "a need's id: N and a number (N1, N2 …)",
    "^[a-z0-9][a-z0-9-]{0,63}$": "a resource's id, the name of its file in resources/ without .md: lowercase "
                                 "letters, digits and -",
    "^M[0-9]{1,2}$": "a household member's id: M and a number (M1, M2 …)",
}


# what Python's json module says of a schema file that is no JSON, in Korean and in English
JSON_PROBLEMS: dict[str, tuple[str, str]] = {
    "Expecting value": ("값이 있어야 할 자리입니다: 값이 빠졌거나, 마지막 항목 뒤에 쉼표가 있거나, 작은따옴표(')를 썼습니다.",
                        "a value is expected here: one is missing, a comma follows the last item, or single quotes (') "
                        "are used"),
    "Expecting property name enclosed in double quotes": (
        "키는 큰따옴표(\")로 감싸야 합니다(마지막 항목 뒤의 쉼표도 이렇게 읽힙니다).",
        "a key must be in double quotes (\"), and no comma may follow the last item"),
    "Expecting ':' delimiter": ("키 뒤에 콜론(:)이 빠졌습니다.", "a colon (:) is missing after the key"),
    "Expecting ',' delimiter": ("항목 사이에 쉼표(,)가 빠졌습니다.", "a comma (,) is missing between two items"),
    "Extra data": ("JSON이 끝난 뒤에 글이 더 있습니다: 바깥 중괄호 { } 뒤를 지우세요.",
                   "more text after the JSON ends: delete what follows the outer braces { }"),
    "Unterminated string starting at": ("글(문자열)을 닫는 큰따옴표(\")가 없습니다.", "a string is not closed by a double quote (\")"),
    "Invalid control character at": ("글(문자열) 안에 줄바꿈이나 탭이 있습니다: \\n, \\t로 쓰세요.",
                                     "a line break or a tab inside a string: write \\n or \\t"),
    "Invalid \\escape": ("역슬래시(\\) 표기가 잘못되었습니다: 역슬래시 자체는 \\\\로 쓰세요.",
                        "an invalid backslash escape: write a backslash itself as \\\\"),
    "Invalid \\uXXXX escape": ("\\u 뒤에는 16진수 네 자리를 씁니다.", "\\u must be followed by four hex digits"),
    "Illegal trailing comma before end of object": ("마지막 항목 뒤의 쉼표를 지우세요.", "delete the comma after the last item"),
    "Illegal trailing comma before end of array": ("마지막 항목 뒤의 쉼표를 지우세요.", "delete the comma after the last item"),
}


def json_problem(message: str) -> tuple[str, str]:
    """What a JSON syntax error (json.JSONDecodeError's `msg`) means, in Korean and in English."""
    return JSON_PROBLEMS.get(message, ("JSON으로 읽을 수 없습니다: 이 자리의 따옴표, 쉼표, 괄호를 확인하세요.", message))


def short(value: Any, limit: int = 60) -> str:
    """`value` as a message shows it: text as it is, anything else as JSON; at most `limit` characters."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def english(text: Any) -> str:
    """`text` (a schema's title, description or label) when it holds no Hangul, else ""."""
    return text if isinstance(text, str) and not _HANGUL.search(text) else ""


def shown_values(values: list[Any], labels: dict[str, str]) -> tuple[str, str]:
    """The values of a list (`enum`) as the Korean and the English message show them: each with its
    label in Korean (`initial(최초 계획)`), in English with the label only when it is English."""
    def shown(value: Any, label: Any) -> str:
        return f"{value}({label})" if label else str(value)

    ko = ", ".join(shown(v, labels.get(v) if isinstance(v, str) else None) for v in values)
    en = ", ".join(shown(v, english(labels.get(v)) if isinstance(v, str) else None) for v in values)
    return ko, en


def pattern_words(schema: dict[str, Any], pattern: Any) -> tuple[str, str]:
    """What a value of a `pattern` is written as: the field's description (in English, when it is
    English, else what casekit knows of a shipped pattern), else the pattern itself."""
    description = schema.get("description")
    ko = description if isinstance(description, str) and description.strip() else ""
    en = english(ko) or PATTERN_WORDS_EN.get(str(pattern), "")
    return (ko or f"정해진 형식(정규식 {pattern})에 맞게 적으세요.",
            en or f"write it in the form the schema gives (the regular expression {pattern})")


# of maxItems/minItems, maxLength/minLength, maxProperties/minProperties: what is counted (its subject
# and unit in Korean, its unit in English) and what to do when there are too many, and too few
_SIZES = {
    "Items": ("항목이 ", "개", "item", ("항목을 줄이세요.", "remove some"), ("빠진 항목을 더하세요.", "add the missing ones")),
    "Length": ("", "자", "character", ("줄여 쓰세요.", "shorten it"), ("더 자세히 적으세요.", "write more")),
    "Properties": ("키가 ", "개", "key", ("필요 없는 키를 지우세요.", "remove the ones not needed"),
                   ("빠진 키를 더하세요.", "add the missing ones")),
}


def _sized(counted: str, size: int, limit: int, most: bool) -> tuple[str, str]:
    """`size` items (characters, keys) where at most (`most`) or at least `limit` are allowed."""
    subject, unit, unit_en, fewer, more = _SIZES[counted]

    def en(n: int) -> str:
        return f"{n} {unit_en}{'' if n == 1 else 's'}"

    if most:
        return (f"{subject}{size}{unit}인데 {limit}{unit}까지만 적을 수 있습니다. {fewer[0]}",
                f"it has {en(size)}, at most {en(limit)} allowed: {fewer[1]}")
    return (f"{subject}{size}{unit}인데 {limit}{unit} 이상 적어야 합니다. {more[0]}",
            f"it has {en(size)}, at least {en(limit)} needed: {more[1]}")


# minimum and the like: what a number must be, said after it and before the bound
_BOUNDS = {
    "minimum": (" 이상이어야 합니다", "at least"),
    "maximum": (" 이하여야 합니다", "at most"),
    "exclusiveMinimum": ("보다 커야 합니다", "more than"),
    "exclusiveMaximum": ("보다 작아야 합니다", "less than"),
}


def kind_of(value: Any) -> str:
    """The JSON type of a value read from YAML or JSON (a key of TYPE_WORDS)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _said_again(items: list[Any]) -> Any:
    """The first item of `items` that an earlier one is the same as (None when none is), in linear time."""
    seen: set[str] = set()
    for item in items:
        key = json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)
        if key in seen:
            return item
        seen.add(key)
    return None


def unmet(keyword: str | None, asked: Any, value: Any, schema: dict[str, Any], shown: Callable[[Any], str],
          matched: bool = False) -> tuple[str, str]:
    """What `keyword` (asking `asked`) of `schema` says of `value`, which does not meet it, in Korean
    and in English: what is wrong and what to do. `shown` writes a value as a message may show it
    (short, a sensitive one masked); `matched`: a `oneOf` that more than one of its forms fit."""
    size = len(value) if isinstance(value, (str, list, dict)) else 0
    n = asked if isinstance(asked, int) and not isinstance(asked, bool) else None
    if keyword and keyword[3:] in _SIZES and keyword[:3] in ("max", "min") and n is not None:
        return _sized(keyword[3:], size, n, keyword.startswith("max"))
    if keyword == "uniqueItems" and isinstance(value, list):
        twice = _said_again(value)
        which, which_en = (f"({shown(twice)})", f" ({shown(twice)})") if twice is not None else ("", "")
        return (f"같은 항목{which}이 두 번 이상 적혀 있습니다. 하나만 남기고 지우세요.",
                f"the same item{which_en} is written more than once: keep one")
    if keyword == "multipleOf":
        return (f"{shown(value)}은(는) {asked}의 배수여야 합니다.", f"{shown(value)} must be a multiple of {asked}")
    if keyword == "format":
        ko_what, en_what, example = FORMAT_WORDS.get(str(asked), (f"'{asked}' 형식", f"in the form '{asked}'", ""))
        return (f"'{shown(value)}'은(는) {ko_what}이(가) 아닙니다." + (f" 예: {example}" if example else ""),
                f"'{shown(value)}' is not {en_what}" + (f" (e.g. {example})" if example else ""))
    if keyword == "pattern":
        ko, en = pattern_words(schema, asked)
        return f"'{shown(value)}'이(가) 형식에 맞지 않습니다. {ko}", f"'{shown(value)}' does not have the expected form: {en}"
    if keyword in ("enum", "const"):
        values = list(asked) if keyword == "enum" and isinstance(asked, list) else [asked]
        ko, en = shown_values(values, schema.get("x-enum-labels") or {})
        return (f"'{shown(value)}'은(는) 쓸 수 없습니다. 쓸 수 있는 값: {ko}", f"'{shown(value)}' is not allowed; use one of: {en}")
    if keyword == "type":
        types = [asked] if isinstance(asked, str) else list(asked or [])
        ko = " 또는 ".join(TYPE_WORDS.get(str(t), (str(t), str(t)))[0] for t in types)
        en = " or ".join(TYPE_WORDS.get(str(t), (str(t), str(t)))[1] for t in types)
        found_ko, found_en = TYPE_WORDS[kind_of(value)]
        return f"{ko}이어야(여야) 하는데 {found_ko}입니다.", f"it must be {en}, found {found_en}"
    if keyword in _BOUNDS:
        ko, en = _BOUNDS[keyword]
        return f"{shown(value)}은(는) {asked}{ko}.", f"{shown(value)} must be {en} {asked}"
    if keyword == "required" and isinstance(asked, list) and isinstance(value, dict):
        missing = ", ".join(f"'{k}'" for k in asked if k not in value)
        return f"꼭 있어야 하는 키 {missing}이(가) 없습니다.", f"the required key {missing} is missing"
    if keyword == "dependentRequired" and isinstance(asked, dict) and isinstance(value, dict):
        pairs = [(key, need) for key, needs in asked.items() if key in value
                 for need in (needs if isinstance(needs, list) else []) if need not in value]
        ko = ", ".join(f"'{key}'이(가) 있으면 '{need}'도" for key, need in pairs)
        en = "; ".join(f"with '{key}', write '{need}' too" for key, need in pairs)
        return f"{ko} 적어야 합니다.", en
    if keyword == "contains":
        return ("목록에 이 자리가 요구하는 항목이 하나도 없습니다. 그 항목을 더하세요.",
                "the list holds none of the items it must hold: add one")
    if keyword == "minContains":
        return (f"목록에 이 자리가 요구하는 항목이 {asked}개 이상 있어야 합니다. 더하세요.",
                f"the list must hold at least {asked} of the items it asks for: add them")
    if keyword == "maxContains":
        return (f"목록에 이 자리가 요구하는 항목이 {asked}개까지만 있을 수 있습니다. 줄이세요.",
                f"the list may hold at most {asked} of those items: remove some")
    if keyword == "items" and asked is False and isinstance(value, list):  # (past its prefixItems)
        return _sized("Items", size, len(schema.get("prefixItems") or []), True)
    if keyword in ("unevaluatedProperties", "additionalProperties") and isinstance(value, dict):
        found = schema.get("properties")
        props: dict[str, Any] = found if isinstance(found, dict) else {}
        extras = ", ".join(f"'{k}'" for k in value if k not in props)
        return (f"이 자리에 쓸 수 없는 키가 있습니다({extras}). 지우거나 이름을 고치세요.",
                f"keys not allowed here ({extras}): delete them or correct their names")
    if keyword == "unevaluatedItems":
        return "목록에 이 자리에 쓸 수 없는 항목이 있습니다. 지우세요.", "the list holds items not allowed here: delete them"
    if keyword is None:  # (the schema `false`: nothing may stand here)
        return "이 자리에는 아무것도 적을 수 없습니다. 이 줄을 지우세요.", "nothing may be written here: delete the line"
    if keyword == "not":
        what = f"'{shown(value)}'은(는)" if isinstance(value, (str, int, float)) else "이 값은"
        what_en = f"'{shown(value)}'" if isinstance(value, (str, int, float)) else "this value"
        return f"{what} 여기에 쓸 수 없습니다. 다른 값을 적으세요.", f"{what_en} is not allowed here: write another"
    if keyword == "oneOf" and matched:
        return ("값이 이 자리가 받는 형태 가운데 둘 이상에 맞아 어느 것인지 정할 수 없습니다. 한 가지 형태로만 적으세요.",
                "the value fits more than one of the forms this field takes; it must fit exactly one")
    if keyword in ("anyOf", "oneOf"):
        return ("값이 이 자리가 받는 형태 가운데 어느 것에도 맞지 않습니다. 스키마의 설명대로 적으세요.",
                "the value fits none of the forms this field takes: write it as the schema describes")
    return (f"값이 스키마의 '{keyword}' 조건에 맞지 않습니다. 스키마 파일의 이 항목을 확인하세요.",
            f"the value does not meet the schema's '{keyword}': look at this field in the schema file")

