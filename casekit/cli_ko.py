"""Korean for what click itself prints (usage lines, option headings, usage errors).

click marks its own strings for gettext (`from gettext import gettext as _` in each module), so the
translation is installed by giving those modules a lookup in this table; a string not in the table
stays English. Installed by the `casekit` command only, never on import, and only for Korean.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

KO: dict[str, str] = {
    "Usage:": "사용법:",
    "Options": "옵션",
    "Commands": "명령",
    "Positional arguments": "위치 인자",
    "Show this message and exit.": "이 도움말을 보여 주고 끝냅니다.",
    "Show the version and exit.": "버전을 보여 주고 끝냅니다.",
    "%(prog)s, version %(version)s": "%(prog)s, 버전 %(version)s",
    "Error: {message}": "오류: {message}",
    "Try '{command} {option}' for help.": "도움말: '{command} {option}'",
    "Missing argument": "빠진 인자:",
    "Missing option": "빠진 옵션:",
    "Missing parameter": "빠진 값:",
    "Missing parameter: {param_name}": "값이 빠졌습니다: {param_name}",
    "Missing {param_type}": "{param_type} 값이 빠졌습니다",
    "Missing command.": "명령이 빠졌습니다.",
    "No such command {name!r}.": "{name!r}라는 명령은 없습니다.",
    "No such option {name!r}.": "{name!r}라는 옵션은 없습니다.",
    "Option {name!r} does not take a value.": "{name!r} 옵션은 값을 받지 않습니다.",
    "Invalid value for {param_hint}: {message}": "{param_hint}의 값이 잘못되었습니다: {message}",
    "Invalid value: {message}": "값이 잘못되었습니다: {message}",
    "Aborted!": "중단했습니다.",
    "default: {default}": "기본값: {default}",
    "env var: {var}": "환경 변수: {var}",
    "Choose from:\n\t{choices}": "다음 중에서 고르세요:\n\t{choices}",
    "{value!r} is not {choice}.": "쓸 수 없는 값입니다: {value!r}. 쓸 수 있는 값: {choice}.",
    "{value!r} is not one of {choices}.": "쓸 수 없는 값입니다: {value!r}. 쓸 수 있는 값: {choices}.",
    "{value!r} is not a valid {number_type}.": "{number_type} 값이 아닙니다: {value!r}.",
    "{value} is not in the range {range}.": "허용 범위({range})를 벗어난 값입니다: {value}.",
    "{name} {filename!r} does not exist.": "없는 {name}입니다: {filename!r}",
    "{name} {filename!r} is a directory.": "파일이 아니라 폴더입니다: {filename!r}",
    "{name} {filename!r} is a file.": "폴더가 아니라 파일입니다: {filename!r}",
    "{name} {filename!r} is not readable.": "읽을 수 없는 {name}입니다: {filename!r}",
    "{name} {filename!r} is not writable.": "쓸 수 없는 {name}입니다: {filename!r}",
    "Could not open file {filename!r}: {message}": "파일을 열 수 없습니다: {filename!r}: {message}",
    "file": "파일",
    "directory": "폴더",
    "path": "경로",
    "Got unexpected extra argument ({args})": "필요 없는 인자가 더 있습니다 ({args})",
    "Got unexpected extra arguments ({args})": "필요 없는 인자가 더 있습니다 ({args})",
    "Option {name!r} requires an argument.": "{name!r} 옵션에는 값이 필요합니다.",
    "Option {name!r} requires {nargs} arguments.": "{name!r} 옵션에는 값 {nargs}개가 필요합니다.",
    "Did you mean {possibility}?": "혹시 {possibility}인가요?",
    "(Did you mean one of: {possibilities}?)": "(혹시 다음 중 하나인가요: {possibilities}?)",
}

# click's modules that bind `_` (and `ngettext`) at import
_MODULES = ("click.core", "click.decorators", "click.exceptions", "click.formatting", "click.parser", "click.types",
            "click.termui")


def gettext_ko(message: str) -> str:
    return KO.get(message, message)


def ngettext_ko(singular: str, plural: str, n: int) -> str:
    return KO.get(singular if n == 1 else plural, singular if n == 1 else plural)


def install() -> None:
    """Make click speak Korean in this process (the `casekit` command calls this for ko)."""
    for name in _MODULES:
        module = importlib.import_module(name)
        replacements: dict[str, Callable[..., str]] = {"_": gettext_ko, "ngettext": ngettext_ko}
        for attr, func in replacements.items():
            if hasattr(module, attr):
                setattr(module, attr, func)
