"""Findings are values: where, how bad, a stable code, and a message in Korean and English."""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field
from typing import Any

from casekit.core.hints import attach_particles
from casekit.core.messages import MESSAGES

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int | None
    column: int | None
    severity: str
    code: str
    message_ko: str = field(compare=False)
    message_en: str = field(compare=False)
    # the arguments a later pass over the findings reads (`KEPT_ARGS`), as (name, text) pairs
    args: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def message(self, lang: str = "ko") -> str:
        return self.message_en if lang == "en" else self.message_ko

    def arg(self, name: str) -> str | None:
        """The argument `name` the finding was made with, for the codes of `KEPT_ARGS`; else None."""
        return next((value for key, value in self.args if key == name), None)

    def as_dict(self, lang: str = "ko") -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
        }

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.column or 0, self.code)


def finding(
    code: str,
    path: str,
    line: int | None = None,
    column: int | None = None,
    *,
    severity: str | None = None,
    **args: Any,
) -> Finding:
    """Make a finding from the message table; `args` fill the message templates. An argument `x`
    given with an `x_en` is said in English by `x_en` (`{x}` of the English template reads it); a
    `reason` without one, written "Korean (English)", is said as its Korean and its English. A
    `title` (a field's, from the schema) is written after the field's name in parentheses, and left
    out when there is none; in English too when it is Korean (the key names the field)."""
    default_severity, ko, en = MESSAGES[code]
    args_en = {**args, **{name[:-3]: value for name, value in args.items() if name.endswith("_en")}}
    if "reason" in args and "reason_en" not in args and (said := two_languages(str(args["reason"]))):
        args, args_en["reason"] = {**args, "reason": said[0]}, said[1]
    if "title" in args:
        title, title_en = args["title"], args_en["title"]
        args = {**args, "title": f"({title})" if title else ""}
        args_en["title"] = f" ({title_en})" if title_en and not _HANGUL.search(str(title_en)) else ""
    return Finding(
        path=path,
        line=line,
        column=column,
        severity=severity or default_severity,
        code=code,
        message_ko=attach_particles(ko.format_map(_Args(args))),
        message_en=en.format_map(_Args(args_en)),
        args=tuple((k, str(args[k])) for k in KEPT_ARGS.get(code, ()) if args.get(k) is not None),
    )


_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")  # (syllables and jamo)


def two_languages(text: str) -> tuple[str, str] | None:
    """A text written "Korean (English)" as its two halves, each said in one language ("권한이
    없습니다", "permission denied"); None when it is not so written (no closing parenthesis after a
    space, Hangul in the parenthesis, none before it)."""
    if not text.endswith(")"):
        return None
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[at], 0)
        if depth == 0:
            break
    else:
        return None
    head, tail = text[:at], text[at + 1:-1]
    if not head.endswith(" ") or _HANGUL.search(tail) or not _HANGUL.search(head):
        return None
    return head.rstrip(), tail


# The arguments kept on a finding of these codes, for the passes that read findings back
# (casekit.core.casebook: a folder renamed, a resource file deleted or renamed, said once):
# the few codes concerned, so that the other findings, thousands in a cache, stay as small.
# (a finding said once, at the decision several records go against, keeps their file names:
# `casekit add` refuses a record such a finding names, rules.said_of)
KEPT_ARGS: dict[str, tuple[str, ...]] = {
    "case-mismatch": ("value",),
    "unknown-resource": ("ref",),
    "resource-id-mismatch": ("value",),
    **{code: ("records",) for code in ("plan-after-ineligible", "assessment-without-consent", "plan-without-consent",
                                       "after-withdrawal", "sharing-refused", "needs-plan")},
}


class _Args(dict[str, Any]):
    """Message arguments; an optional hint (`hint`, `hint_en`) left out reads as nothing."""

    def __missing__(self, key: str) -> str:
        if key.startswith("hint"):
            return ""
        raise KeyError(key)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=Finding.sort_key)


SAME_IN_FILES = 3  # files holding the same finding past which a site's audit says it once


def said_once(findings: list[Finding], at_most: int = SAME_IN_FILES) -> list[tuple[Finding, int]]:
    """The findings of a site's audit as they are said to a person (`casekit build`, `casekit audit`'s
    text): each with 0, but a finding the same (code and message) in more than `at_most` files only
    once, at the first, with how many files hold it. What a theme template puts on every page (a
    script, a `<meta refresh>` that `casekit check` could not read in the template: made by a Jinja
    expression) was found on each of the site's hundreds of pages, the same line hundreds of times.
    (Reports read by machines keep every finding.)"""
    files: dict[tuple[str, str], set[str]] = {}
    for f in findings:
        files.setdefault((f.code, f.message_ko), set()).add(f.path)
    out: list[tuple[Finding, int]] = []
    said: set[tuple[str, str]] = set()
    for f in findings:
        key = (f.code, f.message_ko)
        if len(files[key]) <= at_most:
            out.append((f, 0))
        elif key not in said:
            said.add(key)
            out.append((f, len(files[key])))
    return out


def same_in_files(files: int, lang: str = "ko") -> str:
    """What `said_once` adds to a finding said once for `files` files (the Korean with its English)."""
    en = f"the same in {files} files: look at the theme's templates"
    if lang == "en":
        return f"({en}, theme.custom_dir in mkdocs.yml)"
    return (f"같은 것이 파일 {files}개에 있습니다: 모든 쪽에 들어가는 테마 템플릿(mkdocs.yml의 theme.custom_dir)에서 "
            f"왔는지 살펴보세요 ({en})")


class Checked(int):
    """How many files a check read (an int, as reporters always took), and of which kind."""

    records: int
    resources: int

    def __new__(cls, records: int, resources: int, others: int = 0) -> Checked:
        self = super().__new__(cls, records + resources + others)
        self.records, self.resources = records, resources
        return self

    def ko(self) -> str:
        return f"기록 {self.records}개, 자원 {self.resources}개"

    def en(self) -> str:
        return f"{self.records} record(s) and {self.resources} resource(s)"


def summarize(findings: list[Finding], files: int) -> dict[str, int]:
    errors = sum(1 for f in findings if f.severity == ERROR)
    return {"files": files, "errors": errors, "warnings": len(findings) - errors}


_OS_REASONS: dict[int, tuple[str, str]] = {  # (Korean, English)
    errno.EACCES: ("권한이 없습니다", "permission denied"),
    errno.EPERM: ("권한이 없습니다", "operation not permitted"),
    errno.ENOENT: ("없습니다", "no such file or folder"),
    errno.EISDIR: ("파일이 아니라 폴더입니다", "is a folder"),
    errno.ENOTDIR: ("폴더가 아닙니다", "not a folder"),
    errno.ELOOP: ("바로가기(링크)가 제자리를 맴돕니다", "a link loop"),
    errno.ENOSPC: ("디스크가 가득 찼습니다", "no space left on the disk"),
    errno.EROFS: ("읽기 전용 디스크입니다", "read-only file system"),
    errno.EMFILE: ("열린 파일이 너무 많습니다", "too many open files"),
    errno.ENFILE: ("열린 파일이 너무 많습니다", "too many open files"),
    errno.ENAMETOOLONG: ("이름이 너무 깁니다", "name too long"),
    errno.EIO: ("디스크를 읽다가 오류가 났습니다", "input/output error"),
    errno.EEXIST: ("이미 있습니다", "already exists"),
}
NOT_REGULAR = {"reason": "일반 파일이 아닙니다", "reason_en": "not a regular file"}  # a finding's reason, both languages


def os_reasons(exc: OSError) -> dict[str, str]:
    """Why the system refused, as a finding's `reason` (Korean) and `reason_en` (English): each
    message wholly in its language ("권한이 없습니다", "permission denied")."""
    known = _OS_REASONS.get(exc.errno or -1)
    if known:
        return {"reason": known[0], "reason_en": known[1]}
    number = f"(오류 번호 {exc.errno})" if exc.errno else ""
    return {"reason": f"운영체제가 거부했습니다{number}", "reason_en": str(exc.strerror or exc)}


def os_reason(exc: OSError) -> str:
    """Why the system refused, in Korean with the English after it ("권한이 없습니다 (permission
    denied)"): for what is said in one message to any reader (the CLI's errors), not a finding's."""
    said = os_reasons(exc)
    return f"{said['reason']} ({said['reason_en']})"
