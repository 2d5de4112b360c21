"""`casekit init DIR`: a new, empty casebook from the defaults shipped inside the package.

What it writes comes from `casekit/defaults/` only: the schemas and templates every casebook
starts from (the sample casebook's `schemas/` and `templates/` are copies of the same files) and
`defaults/casebook/` for the rest (site and casekit settings, a start page, .gitignore, a
pre-commit config, a GitHub Actions workflow and a GitLab CI job).

It refuses a folder that already holds anything (a `.git` alone does not count), unless asked to
`force`, which adds only the files that are missing: an existing file is never overwritten, and
nothing is written through a symbolic link that leads out of the folder. Each file is written
atomically (see `scaffold.write_new`).
"""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from casekit import __version__
from casekit.core.findings import os_reason
from casekit.core.hints import attach_particles
from casekit.core.names import inside
from casekit.core.scaffold import write_new
from casekit.core.schemas import DEFAULTS
from casekit.core.site_settings import MARKUP

CASEBOOK = DEFAULTS / "casebook"
DEFAULT_NAME = "사례집"
MAX_NAME = 100
# where each file of defaults/casebook/ goes (dot files are shipped without their dot)
LAYOUT = {
    "mkdocs.yml": "mkdocs.yml",
    "casekit.yml": "casekit.yml",
    "docs/start.md": "docs/start.md",
    "gitignore": ".gitignore",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-workflow.yml": ".github/workflows/casekit.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}
EMPTY_FOLDERS = ("cases", "resources")  # each kept in git by an empty .gitkeep (check skips dot files)


class InitError(Exception):
    """`init` refuses (a non-empty folder, a bad name, a link out): nothing was written."""


@dataclass
class InitResult:
    root: Path
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # already there (with --force): left as they were


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME or any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        raise InitError(
            f"사례집 이름은 한 줄, {MAX_NAME}자 이내의 보이는 글자여야 합니다 "
            f"(the casebook name must be one line of at most {MAX_NAME} visible characters)"
        )
    if MARKUP.search(name):  # the theme puts site_name into every page as HTML: check refuses it there
        raise InitError("사례집 이름에 HTML 태그(<…>)는 쓸 수 없습니다: 사이트의 모든 쪽에 그대로 들어갑니다. 태그를 빼고 "
                        "다시 주세요 (no HTML tags in the casebook name: the theme puts it into every page)")
    return name


def planned(name: str = DEFAULT_NAME) -> dict[str, str]:
    """Every file `init` writes (path relative to the casebook -> text), in writing order."""
    values = {
        "{{site_name}}": json.dumps(_check_name(name), ensure_ascii=False),  # a JSON string is a YAML one
        "{{casekit_version}}": __version__,
    }
    files: dict[str, str] = {}
    for source, target in LAYOUT.items():
        text = (CASEBOOK / source).read_text(encoding="utf-8")
        for token, value in values.items():
            text = text.replace(token, value)
        files[target] = text
    for folder in ("schemas", "templates"):
        for path in sorted((DEFAULTS / folder).iterdir()):
            if path.is_file():
                files[f"{folder}/{path.name}"] = path.read_text(encoding="utf-8")
    for folder in EMPTY_FOLDERS:
        files[f"{folder}/.gitkeep"] = ""
    return files


def _contents(dest: Path) -> list[str]:
    try:
        return sorted(name for name in os.listdir(dest) if name != ".git")
    except OSError as exc:
        raise InitError(f"폴더를 읽을 수 없습니다 (cannot read the folder) {dest}: {os_reason(exc)}") from None


def init_casebook(dest: Path, *, name: str = DEFAULT_NAME, force: bool = False) -> InitResult:
    """Create a new casebook in `dest` (created if missing). See the module's text."""
    files = planned(name)  # a bad name is refused before anything is written
    if os.path.lexists(dest) and not dest.is_dir():
        raise InitError(f"폴더가 아닙니다 (not a folder): {dest}")
    _refuse_inside_a_casebook(dest)
    if dest.is_dir() and not force:
        present = _contents(dest)
        if "mkdocs.yml" in present and "cases" in present:
            raise InitError(attach_particles(
                f"{Path(os.path.abspath(dest))}은(는) 이미 사례집입니다. 새 사례는 `casekit new`로 만듭니다; 빠진 설정 파일만 더하려면 --force를 "
                "쓰세요 (already a casebook: add a case with `casekit new`; --force adds only missing files)"
            ))
        if present:
            shown = ", ".join(present[:5]) + (" …" if len(present) > 5 else "")
            raise InitError(
                f"{dest}가 비어 있지 않습니다 ({shown}). 빈 폴더를 주거나, 빠진 파일만 더하려면 --force를 "
                f"쓰세요; 있는 파일은 덮어쓰지 않습니다 (the folder is not empty: give an empty one, or "
                f"--force to add only the missing files; existing files are never overwritten)"
            )
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InitError(f"폴더를 만들 수 없습니다 (cannot create the folder) {dest}: {os_reason(exc)}") from None
    root = Path(os.path.realpath(dest))
    result = InitResult(root)
    for rel, text in files.items():
        target = root / rel
        if os.path.lexists(target):
            result.kept.append(rel)
            continue
        folder = target.parent
        _make_folders(root, folder, rel)
        try:
            write_new(folder, target.name, text)
        except FileExistsError:
            result.kept.append(rel)  # appeared meanwhile: still never overwritten
            continue
        except OSError as exc:
            raise InitError(f"{rel}을 쓸 수 없습니다 (cannot write): {os_reason(exc)}") from None
        result.written.append(rel)
    return result


def _refuse_inside_a_casebook(dest: Path) -> None:
    """A casebook inside another one's folders (`casekit init` run in a new, empty case folder)
    would take the `casekit new` and `add` run there: their records land where the team's check and
    site never look. Refused, even with --force; a site that is not a casebook (no cases/) may
    still hold one."""
    at = Path(os.path.abspath(dest)).parent
    for folder in (at, *at.parents):
        if (folder / "mkdocs.yml").is_file():
            if (folder / "cases").is_dir():
                raise InitError(attach_particles(
                    f"{Path(os.path.abspath(dest))}은(는) 이미 사례집({folder}) 안에 있습니다. 새 사례는 그 사례집에서 `casekit new`로 만들고, "
                    "새 사례집은 그 밖의 폴더에 만드세요; 아무것도 쓰지 않았습니다 (inside the casebook "
                    f"{folder}: add a case there with `casekit new`, or create the new casebook elsewhere)"))
            return


def _make_folders(root: Path, folder: Path, rel: str) -> None:
    """Create `folder` under `root`, refusing to go through a link that leads outside."""
    missing = []
    at = folder
    while not os.path.lexists(at):
        missing.append(at)
        at = at.parent
    if not inside(root, at) or not at.is_dir():
        raise InitError(
            f"{rel}: {at.relative_to(root) if at != root else '.'}이 사례집 밖을 가리키는 링크이거나 폴더가 아닙니다 "
            "(a link leading outside the casebook, or not a folder); 쓰지 않았습니다"
        )
    for path in reversed(missing):
        try:
            path.mkdir()
        except FileExistsError:
            pass
        except OSError as exc:
            raise InitError(f"폴더를 만들 수 없습니다 (cannot create) {path}: {os_reason(exc)}") from None
        if not inside(root, path) or not path.is_dir():
            raise InitError(f"{rel}: 사례집 밖을 가리키는 링크입니다 (a link leading outside); 쓰지 않았습니다")
