"""casekit's own settings: `casekit.yml` beside `mkdocs.yml` (all keys optional).

A setting that cannot be used keeps its default and becomes a `config-invalid` finding at the key
or value it is about, in Korean (and English), with an example of the right form: a bad value is an
error; an unknown top-level key (`deadline:` for `deadlines:`) is a warning with a guess at what
was meant, as is a `pii.allow` written as text, which is still used, read as a comma-separated list.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from casekit.core.findings import ERROR, WARNING, Finding, finding
from casekit.core.hints import close_to, enum_hint
from casekit.core.ids import MAX_WIDTH, IdScheme, parse_scheme
from casekit.core.names import inside
from casekit.core.source import Parsed, parse_yaml, read_file

CONFIG_FILE = "casekit.yml"
# Warnings (a setting casekit does not know, a `pii.allow` read as a list) are `config-invalid` at
# warning severity until messages.py has a code of their own ("config-warning").
WARNING_CODE = "config-warning"

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
    "reopen_days": 7,  # 재개 접수: after a follow-up asks for the case to be reopened
}

# 사례 부담 (caseload): open cases weighted by 위기도 against a per-worker limit (the site's dashboard)
DEFAULT_CASELOAD: dict[str, Any] = {"limit": 20, "weights": {"crisis": 3, "high": 2, "medium": 1, "low": 1}}
RISK_KO = {"crisis": "위기", "high": "높음", "medium": "보통", "low": "낮음"}  # schemas' riskLevel labels
LANGS = {"ko": "한국어", "en": "영어"}
_LANG_WORDS = {"korean": "ko", "kor": "ko", "kr": "ko", "한글": "ko", "english": "en", "eng": "en", "영문": "en"}

# Every setting casekit reads, each with the example shown when it is written wrong. Sections map
# their keys to an example value (written after `key: `).
SCALARS = {"lang": "ko", "allow_resident_number": "false"}
SECTIONS: dict[str, dict[str, str]] = {
    "deadlines": {k: json.dumps(v) for k, v in DEFAULT_DEADLINES.items()},
    "pii": {"allow": '["02-0000-1234"]'},
    "caseload": {"limit": "20", "weights": "{crisis: 3, high: 2, medium: 1, low: 1}"},
    "history": {"authors": "{kim@agency.kr: kim.sw}", "show_email": "false"},
    "ids": {"scheme": "sequential", "prefix": '"{year}-"', "width": "4"},
}
_SECTION_EXAMPLE = {
    "deadlines": "deadlines: {plan_days: 30}",
    "pii": 'pii: {allow: ["02-0000-1234"]}',
    "caseload": "caseload: {limit: 20, weights: {crisis: 3, high: 2, medium: 1, low: 1}}",
    "history": "history: {authors: {kim@agency.kr: kim.sw}, show_email: false}",
    "ids": 'ids: {scheme: sequential, prefix: "{year}-", width: 4}',
}
_SECTION_KO = {"deadlines": "단계별 기한 날짜 수", "pii": "개인정보 검사의 허용 목록", "caseload": "사례 부담의 한도와 가중치",
               "history": "변경 이력의 작성자", "ids": "새 사례 번호 규칙"}


@dataclass
class Config:
    deadlines: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_DEADLINES))
    pii_allow: list[str] = field(default_factory=list)
    lang: str | None = None
    history_authors: dict[str, str] = field(default_factory=dict)  # git e-mail -> worker id
    history_show_email: bool = False
    # what the site publishes of the settings, (text, line, column): the worker ids of `history.authors`,
    # shown on the case pages as who changed a record last (a person's name or number must not be one)
    published: list[tuple[str, int, int]] = field(default_factory=list)
    ids: IdScheme = field(default_factory=IdScheme)  # how `casekit new` makes case ids (casekit/core/ids.py)
    ids_chosen: bool = False  # `ids.scheme` written in casekit.yml (else random is the default, not a choice)
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
    if (text is None and problems and all(p.code == "file-empty" for p in problems)) or (
            text is not None and all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())):
        return cfg  # empty, or comments only: every setting is optional, so nothing is set and nothing is wrong
    errors = [p for p in problems if p.severity == ERROR]
    if errors or parsed is None:
        first = errors[0] if errors else problems[0]
        ko, en = first.message_ko, first.message_en
        if first.code in ("file-empty", "front-matter-not-mapping"):  # (their words are about records)
            ko, en = _NOT_SETTINGS
        ko = ko.replace("머리말(YAML)을", "이 파일을").replace("머리말", "이 파일")  # (a YAML file whole, not a record's)
        # (a merge conflict is said as a record's is, at its `<<<<<<<` line)
        cfg.findings.append(first if first.code == "git-conflict" else _finding(first.line, first.column, ko, en))
        # settings that cannot be read are not known to be off: a resident number kept waits for the file
        # (else the warning tells to delete what `allow_resident_number: true` may allow)
        cfg.allow_resident_number = True
        return cfg
    raw: Any = parsed.data if parsed.data is not None else {}
    if not isinstance(raw, dict):
        cfg.findings.append(_finding(*parsed.where(()), *_NOT_SETTINGS))
        return cfg
    at = _Locate(parsed, cfg.findings)
    _top_level(at, raw)
    _deadlines(cfg, at, raw.get("deadlines"))
    _pii(cfg, at, raw.get("pii"))
    allow_rrn = raw.get("allow_resident_number", False)
    if isinstance(allow_rrn, bool):
        cfg.allow_resident_number = allow_rrn
    else:  # (`예`: not known to be off, so a resident number kept waits for it too)
        cfg.allow_resident_number = True
        at.value(("allow_resident_number",), *_true_or_false("allow_resident_number", "false"))
    _caseload(cfg, at, raw.get("caseload"))
    _lang(cfg, at, raw.get("lang"))
    _history(cfg, at, raw.get("history"))
    _ids(cfg, at, raw.get("ids"))
    return cfg


_NOT_SETTINGS = (
    "설정을 '이름: 값' 줄로 적으세요(모두 생략할 수 있으니, 바꿀 설정이 없으면 이 파일을 지워도 됩니다). 예: lang: ko",
    "write settings as 'name: value' lines (all are optional: without any, delete the file), e.g. lang: ko",
)


def _finding(line: int | None, column: int | None, ko: str, en: str, severity: str = ERROR) -> Finding:
    """A finding about casekit.yml whose detail is `ko` in Korean and `en` in English."""
    code = "config-invalid" if severity == ERROR else WARNING_CODE
    made = finding(code, CONFIG_FILE, line, column, severity=severity, detail=ko)
    return replace(made, message_en=finding(code, CONFIG_FILE, line, column, detail=en).message_en)


class _Locate:
    """Findings about casekit.yml, each at the key or the value it is about."""

    def __init__(self, parsed: Parsed, out: list[Finding]) -> None:
        self.parsed = parsed
        self.out = out

    def value(self, path: tuple[str | int, ...], ko: str, en: str, severity: str = ERROR) -> None:
        self.out.append(_finding(*self.parsed.where(path), ko, en, severity))

    def key(self, path: tuple[str | int, ...], ko: str, en: str, severity: str = ERROR) -> None:
        self.out.append(_finding(*self.parsed.where(path, key=True), ko, en, severity))

    def unknown(self, section: str, key: str) -> None:
        """A key that `section` does not have: what it may have meant, else the keys it has."""
        known = list(SECTIONS[section])
        guess = close_to(key, known)
        if guess is not None:
            hint = (f" 혹시 {guess}인가요? 예: {guess}: {SECTIONS[section][guess]}", f"; did you mean {guess}?")
        else:
            hint = (f" 쓸 수 있는 이름: {', '.join(known)}", f"; known: {', '.join(known)}")
        self.key((section, key), f"{section} 아래에 '{key}' 설정은 없어서 casekit이 읽지 않습니다.{hint[0]}",
                 f"{section}.{key}: unknown setting (ignored){hint[1]}")

    def section(self, section: str, raw: Any) -> dict[str, Any] | None:
        """`raw` when it is a mapping (its unknown keys reported); None, with a finding unless absent."""
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.value((section,), f"{section}: 그 아래에 {_SECTION_KO[section]}을(를) '이름: 값' 줄로 적으세요. "
                                   f"예: {_SECTION_EXAMPLE[section]}",
                       f"{section}: a mapping, e.g. {_SECTION_EXAMPLE[section]}")
            return None
        for key in raw:
            if key not in SECTIONS[section]:
                self.unknown(section, key)
        return raw


def _top_level(at: _Locate, raw: dict[str, Any]) -> None:
    """A warning on each top-level key casekit does not read: a typo (`deadline:`), or a section's key
    written at the top (`plan_days:`, `pii_allow:`)."""
    known = [*SCALARS, *SECTIONS]
    candidates = {k: k for k in known}
    for section, keys in SECTIONS.items():
        for key in keys:
            candidates[f"{section}.{key}"] = f"{section}.{key}"
            candidates.setdefault(key, f"{section}.{key}")
    for key in raw:
        if key in SCALARS or key in SECTIONS:
            continue
        guess = key if key in candidates else close_to(key, list(candidates))
        target = candidates[guess] if guess is not None else None
        if target is None:
            hint = (f" 쓸 수 있는 설정: {', '.join(known)}", f"; known settings: {', '.join(known)}")
        elif "." in target:
            section, sub = target.split(".", 1)
            hint = (f" 혹시 {section} 아래의 {sub}인가요? 예: {section}: {{{sub}: {SECTIONS[section][sub]}}}",
                    f"; did you mean {sub} under {section}? e.g. {section}: {{{sub}: {SECTIONS[section][sub]}}}")
        else:
            hint = (f" 혹시 {target}인가요?", f"; did you mean {target}?")
        at.key((key,), f"'{key}' 설정은 없어서 casekit이 읽지 않습니다.{hint[0]}",
               f"unknown setting '{key}' (ignored){hint[1]}", severity=WARNING)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _true_or_false(name: str, example: str) -> tuple[str, str]:
    key = name.rsplit(".", 1)[-1]
    return (f"{name}: true 또는 false를 적으세요. 예: {key}: {example}",
            f"{name}: true or false, e.g. {key}: {example}")


MAX_DAYS = 3660  # ten years: a deadline further off is a typo (and dates past year 9999 cannot be made)


# deadlines of 0 days make every case due at once (due_soon_days 0 is no warning window: it may be 0)
AT_LEAST_A_DAY = frozenset({"assessment_days", "plan_days", "monitoring_days", "conference_days", "closure_days",
                            "revised_plan_days", "reassessment_days", "monitoring_days_intensive", "crisis_contact_days"})


def _deadlines(cfg: Config, at: _Locate, raw: Any) -> None:
    deadlines = at.section("deadlines", raw)
    for key, value in (deadlines or {}).items():
        if key not in DEFAULT_DEADLINES:
            continue  # (reported by section())
        example = f"{key}: {SECTIONS['deadlines'][key]}"
        if key == "followup_days":
            if isinstance(value, list) and value and all(isinstance(v, int) and not isinstance(v, bool)
                                                         and 0 < v <= MAX_DAYS for v in value):
                cfg.deadlines[key] = sorted(value)
            else:
                at.value(("deadlines", key), f"deadlines.{key}: 종결 후 사후관리까지의 날짜 수(1 이상의 숫자)를 "
                                             f"목록으로 적으세요. 예: {example}",
                         f"deadlines.{key}: a list of positive days, e.g. {example}")
        elif isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_DAYS:
            cfg.deadlines[key] = value
            if value == 0 and key in AT_LEAST_A_DAY:  # (every case due the day it is opened or reviewed)
                at.value(("deadlines", key), f"deadlines.{key}: 0일이면 모든 사례가 그날 바로 기한이 됩니다. 날짜 수를 "
                                             f"적으세요. 예: {example}",
                         f"deadlines.{key}: 0 makes every case due the same day; write the days, e.g. {example}",
                         severity=WARNING)
        else:
            written = str(value).strip() if isinstance(value, str) else ""
            digits = re.fullmatch(r"([0-9]{1,4})\s*(?:일|days?)?", written)
            how = (f"따옴표나 단위 없이 숫자만 적으세요: {key}: {digits.group(1)}" if digits else
                   f"날짜 수(0~{MAX_DAYS}의 숫자)로 적으세요. 예: {example}")
            at.value(("deadlines", key), f"deadlines.{key}: {how}",
                     f"deadlines.{key}: a number of days (0-{MAX_DAYS}), e.g. {example}")


def _pii(cfg: Config, at: _Locate, raw: Any) -> None:
    """`pii: {allow: ["02-0000-1234", "info@example.org"]}`: public numbers and addresses the PII guard
    accepts. Text instead of a list is used, split at commas, with a warning showing the list form."""
    pii = at.section("pii", raw)
    allow = (pii or {}).get("allow")
    if allow is None:
        return
    where = ("pii", "allow")
    if isinstance(allow, str) or _number(allow):
        items = [p.strip() for p in str(allow).split(",") if p.strip()]
        shown = "[" + ", ".join(json.dumps(p, ensure_ascii=False) for p in items or ["02-0000-1234"]) + "]"
        if items:
            cfg.pii_allow = items
            at.value(where, f"pii.allow: 목록으로 적으세요. 예: allow: {shown} (이번에는 이 목록으로 읽었습니다)",
                     f"pii.allow: write a list, e.g. allow: {shown} (read as that list this time)", severity=WARNING)
        else:
            at.value(where, f"pii.allow: 목록으로 적으세요. 예: allow: {shown}", f"pii.allow: a list, e.g. allow: {shown}")
        return
    if not isinstance(allow, list):
        example = 'allow: ["02-0000-1234", "info@example.org"]'
        at.value(where, f"pii.allow: 공개 번호나 주소의 목록으로 적으세요. 예: {example}",
                 f"pii.allow: a list of public numbers or addresses, e.g. {example}")
        return
    for i, item in enumerate(allow):
        if isinstance(item, str) or _number(item):
            cfg.pii_allow.append(str(item))
        else:
            at.value((*where, i), 'pii.allow: 목록의 각 항목에는 번호나 주소 하나를 적으세요. 예: - "02-0000-1234"',
                     'pii.allow: each item is one number or address, e.g. - "02-0000-1234"')


def _lang(cfg: Config, at: _Locate, raw: Any) -> None:
    if raw is None:
        return
    if isinstance(raw, str) and raw in LANGS:
        cfg.lang = raw
        return
    word = raw.strip().lower() if isinstance(raw, str) else raw
    code = _LANG_WORDS.get(word) if isinstance(word, str) else None
    if code is None and isinstance(word, str) and word in LANGS:
        code = word
    hint = (f" '{raw}' 대신 {code}을(를) 적으세요.", f" write {code} instead of '{raw}'.") if code \
        else enum_hint(raw, list(LANGS), LANGS)
    at.value(("lang",), f"lang: ko(한국어) 또는 en(영어) 중 하나를 적으세요.{hint[0]} 예: lang: ko",
             f"lang: ko or en.{hint[1]} e.g. lang: ko")


def _caseload(cfg: Config, at: _Locate, raw: Any) -> None:
    """`caseload: {limit: 20, weights: {crisis: 3, high: 2, medium: 1, low: 1}}`; bad values keep the default."""
    caseload = at.section("caseload", raw)
    for key, value in (caseload or {}).items():
        if key == "limit":
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                cfg.caseload["limit"] = value
            else:
                at.value(("caseload", "limit"), "caseload.limit: 담당자 한 명의 사례 한도를 1 이상의 숫자로 적으세요. "
                                                "예: limit: 20", "caseload.limit: a positive number, e.g. limit: 20")
        elif key == "weights":
            _weights(cfg, at, value)


def _weights(cfg: Config, at: _Locate, weights: Any) -> None:
    example = f"weights: {SECTIONS['caseload']['weights']}"
    levels = ", ".join(f"{k}({v})" for k, v in RISK_KO.items())
    if not isinstance(weights, dict):
        at.value(("caseload", "weights"), f"caseload.weights: 위기도별 가중치를 적으세요. 예: {example}",
                 f"caseload.weights: a weight per risk level, e.g. {example}")
        return
    by_label = {label: code for code, label in RISK_KO.items()}
    if len(weights) >= 2 and all(isinstance(k, str) and k.strip() in by_label for k in weights):
        # `{위기: 3, 높음: 2, …}`: every level by its Korean name: one finding, taken as meant
        meant = {by_label[k.strip()]: v for k, v in weights.items()}
        written = "{" + ", ".join(f"{k}: {v}" for k, v in meant.items()) + "}"
        at.key(("caseload", "weights", next(iter(weights))),
               f"caseload.weights: 위기도는 한글 이름이 아니라 코드로 적습니다: weights: {written}",
               f"caseload.weights: write the risk levels' codes: weights: {written}", severity=WARNING)
        weights = meant
    for level, weight in weights.items():
        where = ("caseload", "weights", level)
        if level not in RISK_KO:
            hint = enum_hint(level, list(RISK_KO), RISK_KO)
            at.key(where, f"caseload.weights.{level}: 위기도는 {levels} 중 하나입니다.{hint[0]} 예: {example}",
                   f"caseload.weights.{level}: crisis, high, medium or low, each a number.{hint[1]} e.g. {example}")
        elif _number(weight) and weight >= 0:
            cfg.caseload["weights"][level] = weight
        else:
            default = DEFAULT_CASELOAD["weights"][level]
            at.value(where, f"caseload.weights.{level}: 가중치를 0 이상의 숫자로 적으세요. 예: {level}: {default}",
                     f"caseload.weights.{level}: a number, 0 or more, e.g. {level}: {default}")


def _history(cfg: Config, at: _Locate, raw: Any) -> None:
    """`history: {authors: {e-mail: worker id}, show_email: false}` (casekit log, the case page)."""
    history = at.section("history", raw)
    if history is None:
        return
    authors = history.get("authors")
    example = f"authors: {SECTIONS['history']['authors']}"
    if isinstance(authors, dict):
        for email, worker in authors.items():
            if isinstance(worker, str):
                cfg.history_authors[email] = worker
                cfg.published.append((worker, *at.parsed.where(("history", "authors", email))))
            else:
                at.value(("history", "authors", email), f"history.authors: 전자우편 주소 '{email}' 뒤에 사례관리자 ID를 "
                                                         f"적으세요. 예: {example}",
                         f"history.authors.{email}: a worker id, e.g. {example}")
    elif authors is not None:
        at.value(("history", "authors"), f"history.authors: git 전자우편 주소마다 사례관리자 ID를 적으세요. 예: {example}",
                 f"history.authors: a mapping of git e-mail to worker id, e.g. {example}")
    email = history.get("show_email", False)
    if isinstance(email, bool):
        cfg.history_show_email = email
    else:
        at.value(("history", "show_email"), *_true_or_false("history.show_email", "false"))


_IDS_PROBLEMS = {  # parse_scheme's problems (casekit/core/ids.py), in Korean with an example
    "ids.scheme": ("random(무작위) 또는 sequential(일련번호) 중 하나를 적으세요. 예: scheme: sequential",
                   "random or sequential, e.g. scheme: sequential"),
    "ids.prefix": ('영문자, 숫자, 붙임표(-), 밑줄(_), {year}만 쓸 수 있고(40자까지) 붙임표나 밑줄로 시작할 수 없습니다. '
                   '예: prefix: "{year}-"',
                   'letters, digits, - and _ and {year}, not starting with - or _, e.g. prefix: "{year}-"'),
    "ids.width": (f"번호의 자릿수를 1부터 {MAX_WIDTH}까지의 숫자로 적으세요. 예: width: 4",
                  f"a number of digits from 1 to {MAX_WIDTH}, e.g. width: 4"),
}


def _ids(cfg: Config, at: _Locate, raw: Any) -> None:
    """`ids:` is read by casekit/core/ids.py; here its problems are located and put in Korean."""
    cfg.ids, problems = parse_scheme(raw)
    cfg.ids_chosen = isinstance(raw, dict) and "scheme" in raw
    if at.section("ids", raw) is None:
        return  # (absent, or not a mapping: reported by section())
    for problem in problems:
        name = problem.split(":", 1)[0]
        if name in _IDS_PROBLEMS:
            ko, en = _IDS_PROBLEMS[name]
            at.value(("ids", name.split(".", 1)[1]), f"{name}: {ko}", f"{name}: {en}")
        elif not problem.startswith("ids: unknown key"):  # (unknown keys: reported by section())
            at.value(("ids",), problem, problem)
