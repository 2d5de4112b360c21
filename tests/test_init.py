"""`casekit init`: a new casebook from the package's defaults, and the whole path a new team takes
(wheel -> fresh venv outside the repository -> init -> new -> fill -> check -> site build)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from casekit.core.casebook import check
from casekit.core.init import InitError, init_casebook, planned
from casekit.core.schemas import DEFAULTS

REPO = Path(__file__).resolve().parent.parent


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml holds a `!!python/name:` tag (the slugify function): read it as text here."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: f"!{suffix}")


def _yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTagLoader)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_init_writes_every_file_from_the_defaults(tmp_path: Path, run) -> None:
    result = run(tmp_path, "init", "book")
    assert result.exit_code == 0, result.output
    root = tmp_path / "book"
    tree = _tree(root)
    assert set(tree) == set(planned())
    # one source of truth: schemas and templates are byte for byte the package's defaults
    for folder in ("schemas", "templates"):
        shipped = {p.name: p.read_bytes() for p in (DEFAULTS / folder).iterdir() if p.is_file()}
        assert {k.split("/", 1)[1]: v for k, v in tree.items() if k.startswith(folder + "/")} == shipped
    assert tree["cases/.gitkeep"] == b"" and tree["resources/.gitkeep"] == b""
    assert re.search("[가-힣]", tree["docs/start.md"].decode())


def test_init_site_settings_are_private_and_korean(tmp_path: Path) -> None:
    init_casebook(tmp_path / "book", name='우리 "사례집": 가온')
    mk = _yaml(tmp_path / "book/mkdocs.yml")
    assert mk["site_name"] == '우리 "사례집": 가온'
    assert mk["theme"]["language"] == "ko" and mk["theme"]["font"] is False
    assert "repo_url" not in mk and "site_url" not in mk and "google_analytics" not in mk
    assert mk["extra"]["generator"] is False
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in mk["plugins"]]
    assert "casekit" in plugins
    # the search box only: casekit puts its own Korean index behind it (no casekit internals here)
    assert "search" in mk["plugins"] and not any(isinstance(p, dict) and "search" in p for p in mk["plugins"])
    pages = [next(iter(item.values())) for item in mk["nav"]]
    assert "start.md" in pages and (tmp_path / "book/docs/start.md").is_file()


def test_init_ci_and_hooks_check_and_build(tmp_path: Path) -> None:
    init_casebook(tmp_path / "book")
    root = tmp_path / "book"
    gh = _yaml(root / ".github/workflows/casekit.yml")
    assert set(gh[True]) >= {"push"}  # YAML 1.1 reads the key `on` as true
    steps = " ".join(str(s.get("run", "")) for s in gh["jobs"]["casekit"]["steps"])
    assert "casekit check" in steps and "casekit build" in steps
    assert any(str(s.get("uses", "")).startswith("actions/upload-artifact") for s in gh["jobs"]["casekit"]["steps"])
    gl = _yaml(root / ".gitlab-ci.yml")
    job = gl["casekit"]
    script = " ".join(job["script"])
    assert "casekit check --format junit" in script and "casekit build" in script
    assert job["artifacts"]["reports"]["junit"] == "casekit-junit.xml" and job["artifacts"]["when"] == "always"
    hooks = _yaml(root / ".pre-commit-config.yaml")["repos"][0]["hooks"]
    assert hooks[0]["id"] == "casekit-check" and hooks[0]["entry"].startswith("casekit check --changed")
    published = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hooks[0]["entry"] == published["entry"] and hooks[0]["files"] == published["files"]


def test_init_gitignore_covers_the_site_and_temp_files(tmp_path: Path) -> None:
    root = tmp_path / "book"
    init_casebook(root)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    probes = ["site/index.html", ".casekit/cache.db", ".cache/x", "cases/c1/.casekit-0123abcd.tmp",
              "cases/c1/01-intake.md~", "cases/c1/.01-intake.md.swp", ".DS_Store"]
    done = subprocess.run(["git", "-C", str(root), "check-ignore", "--no-index", *probes],
                          capture_output=True, text=True)
    assert sorted(done.stdout.split()) == sorted(probes)
    kept = subprocess.run(["git", "-C", str(root), "check-ignore", "--no-index", "cases/c1/01-intake.md",
                           "resources/.gitkeep"], capture_output=True, text=True)
    assert kept.stdout == ""


def test_init_refuses_a_folder_with_files(tmp_path: Path, run) -> None:
    root = tmp_path / "book"
    root.mkdir()
    (root / "notes.txt").write_text("mine", encoding="utf-8")
    result = run(tmp_path, "init", "book")
    assert result.exit_code == 1 and "비어 있지 않습니다" in result.output and "notes.txt" in result.output
    assert _tree(root) == {"notes.txt": b"mine"}


def test_init_refuses_a_folder_inside_a_casebook_even_forced(tmp_path: Path, run) -> None:
    # `casekit init` in a new, empty case folder made a casebook there: the `casekit new` run
    # next wrote cases/2026-0020/cases/…/01-intake.md, which the team's check and site never see
    outer = tmp_path / "book"
    init_casebook(outer)
    case = outer / "cases" / "2026-0020"
    case.mkdir()
    before = _tree(outer)
    for args in (("init",), ("init", "--force")):
        result = run(case, *args)
        assert result.exit_code == 1, result.output
        assert f"이미 사례집({outer}) 안에 있습니다" in result.output and "casekit new" in result.output
    assert _tree(outer) == before and not any(case.iterdir())
    again = run(outer, "init")
    assert again.exit_code == 1 and "는 이미 사례집입니다" in again.output
    # a plain MkDocs site (no cases/) may still hold a casebook in a subfolder
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert "mkdocs.yml" in init_casebook(tmp_path / "site" / "book").written


def test_init_accepts_a_folder_with_only_git(tmp_path: Path) -> None:
    root = tmp_path / "book"
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    assert "mkdocs.yml" in init_casebook(root).written


def test_force_adds_only_missing_files_and_never_overwrites(tmp_path: Path, run) -> None:
    root = tmp_path / "book"
    init_casebook(root)
    (root / "mkdocs.yml").write_text("site_name: 내 설정\n", encoding="utf-8")
    (root / "schemas/intake.schema.json").unlink()
    shutil.rmtree(root / ".github")
    before = _tree(root)
    result = run(tmp_path, "init", "book", "--force")
    assert result.exit_code == 0, result.output
    after = _tree(root)
    assert after["mkdocs.yml"] == "site_name: 내 설정\n".encode()
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(after) - set(before) == {"schemas/intake.schema.json", ".github/workflows/casekit.yml"}
    assert set(result.output.splitlines()[:2]) == {"schemas/intake.schema.json", ".github/workflows/casekit.yml"}


def test_force_never_writes_through_a_link_out(tmp_path: Path) -> None:
    root = tmp_path / "book"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    root.mkdir()
    (root / ".github").symlink_to(outside)
    with pytest.raises(InitError, match="링크"):
        init_casebook(root, force=True)
    assert list(outside.iterdir()) == []


def test_init_refuses_a_bad_name_before_writing(tmp_path: Path) -> None:
    with pytest.raises(InitError):
        init_casebook(tmp_path / "book", name="두 줄\n이름")
    assert not (tmp_path / "book").exists()


@pytest.mark.parametrize("name", ["가온 <script>alert(1)</script>", "<b>가온</b>", "가온<!-- x -->"])
def test_init_refuses_a_name_with_html_that_check_would_refuse(tmp_path: Path, name: str) -> None:
    """init wrote the name, then check refused it (settings-unsafe) and told the user to delete it."""
    with pytest.raises(InitError, match="HTML 태그"):
        init_casebook(tmp_path / "book", name=name)
    assert not (tmp_path / "book").exists()
    book = init_casebook(tmp_path / "ok", name="가온 < 복지관 > 사례집").root  # (no tag: fine, and check agrees)
    assert check(book).findings == []


def test_an_initialised_casebook_checks_clean_and_takes_a_case(tmp_path: Path, run) -> None:
    root = tmp_path / "book"
    init_casebook(root)
    assert run(root, "check").exit_code == 0
    new = run(root, "new", "--worker", "kim.sw", "--date", "2026-11-20")
    assert new.exit_code == 0 and new.output.startswith("cases/20261120-")
    record = root / new.output.splitlines()[0]
    record.write_text(fill_placeholders(record.read_text(encoding="utf-8"), "2026-11-20"), encoding="utf-8")
    result = run(root, "check")
    assert result.exit_code == 0, result.output


_PLACEHOLDER = re.compile(r'"<([^"]*)>"')


def fill_placeholders(text: str, day: str) -> str:
    """Fill every `"<...>"` of a template as a worker would: a date where a date is asked, the first
    choice where choices are listed, else a distinct line of Korean text."""
    count = 0

    def value(m: re.Match[str]) -> str:
        nonlocal count
        hint = m.group(1)
        if "YYYY-MM-DD" in hint:
            return day
        if "true | false" in hint:
            return "true"
        choices = re.search(r":\s*([a-z_]+)(?:\s*\|\s*[a-z_]+)+", hint)
        if choices:
            return choices.group(1)
        count += 1
        return f'"기록 {"가나다라마바사아자차카타파하"[count % 14]}{count}번 내용"'

    return _PLACEHOLDER.sub(value, text)


@pytest.mark.slow
def test_new_team_path_from_a_wheel_in_a_fresh_venv(tmp_path: Path) -> None:
    """Build the wheel, install it into a fresh venv outside the repository, init a casebook,
    add a case, fill its intake, check it clean and build the site there."""
    started = time.monotonic()
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, src / name)
    shutil.copytree(REPO / "casekit", src / "casekit", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONPATH", None)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(src)],
                   check=True, env=env, capture_output=True)
    wheel = next(wheels.glob("casekit-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin/python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True, env=env,
                   capture_output=True)
    bin_ = venv / "bin"

    def sh(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={**env, "PATH": f"{bin_}:{env['PATH']}"})

    work = tmp_path / "team"
    work.mkdir()
    made = sh(str(bin_ / "casekit"), "init", "casebook", "--name", "가온 사례집", cwd=work)
    assert made.returncode == 0, made.stderr
    book = work / "casebook"
    # what was installed is the wheel, not this repository
    where = sh(str(bin_ / "python"), "-c", "import casekit; print(casekit.__file__)", cwd=book)
    assert str(venv) in where.stdout and str(REPO) not in where.stdout
    assert _tree(book)["schemas/intake.schema.json"] == (DEFAULTS / "schemas/intake.schema.json").read_bytes()
    new = sh(str(bin_ / "casekit"), "new", "--worker", "kim.sw", "--date", "2026-11-20", cwd=book)
    assert new.returncode == 0, new.stderr
    record = book / new.stdout.strip()
    unfilled = sh(str(bin_ / "casekit"), "check", cwd=book)
    assert unfilled.returncode == 1 and "placeholder" in unfilled.stdout
    record.write_text(fill_placeholders(record.read_text(encoding="utf-8"), "2026-11-20"), encoding="utf-8")
    checked = sh(str(bin_ / "casekit"), "check", cwd=book)
    assert checked.returncode == 0, checked.stdout
    built = sh(str(bin_ / "mkdocs"), "build", "--strict", "--site-dir", str(tmp_path / "site"), cwd=book)
    assert built.returncode == 0, built.stderr
    case_id = record.parent.name
    page = (tmp_path / "site/cases" / case_id / "index.html").read_text(encoding="utf-8")
    assert case_id in page and "가온 사례집" in page
    print(f"wheel -> venv -> init -> check -> build: {time.monotonic() - started:.1f}s")


def test_readme_shows_the_ci_files_init_writes() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    files = planned()
    for name in (".github/workflows/casekit.yml", ".gitlab-ci.yml"):
        block = re.search(rf"`{re.escape(name)}`\n\n```yaml\n(.*?)```", readme, re.DOTALL)
        assert block is not None, f"README does not show {name}"
        assert block.group(1) == files[name], f"README's {name} differs from what init writes"
