"""`casekit audit SITE` says a finding the same in more than three files once, with how many files
hold it, as `casekit build` does (one function: casekit.core.findings.said_once): what a theme's
template puts on every page was said hundreds of times. Its exit status is as before, and the
reports machines read (--format json …) keep every finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casekit.core.findings import Finding, said_once
from casekit.site.build import finding_lines

REFRESH = '<meta http-equiv="refresh" content="0; url=https://evil.example/">'


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from click.testing import CliRunner

    from casekit.cli import main
    from tests.conftest import copy_casebook

    root = copy_casebook(tmp_path_factory.mktemp("said-once") / "casebook")
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(main, ["build"], catch_exceptions=False, env={"LANG": "ko_KR.UTF-8"})
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return root, root / "site"


def tampered(built: tuple[Path, Path], tmp_path: Path, few: int = 3) -> tuple[Path, list[str]]:
    """A copy of the built site: every page refreshes to another host (as a theme template would
    make it), `few` pages hold an inline handler, one page a script from another host."""
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(built[1], copy)
    pages = sorted(str(p.relative_to(copy)) for p in copy.rglob("*.html"))
    assert len(pages) > 10
    for i, rel in enumerate(pages):
        path = copy / rel
        text = path.read_text(encoding="utf-8")
        extra = REFRESH
        if i < few:
            extra += '<img src="x.png" onerror="alert(1)">'
        if i == few:
            extra += '<script src="https://cdn.example/x.js"></script>'
        assert "</head>" in text
        path.write_text(text.replace("</head>", extra + "</head>", 1), encoding="utf-8")
    return copy, pages


def test_the_audit_says_a_finding_of_every_page_once(built, tmp_path: Path, run) -> None:
    root, _ = built
    site, pages = tampered(built, tmp_path)
    result = run(root, "audit", str(site))
    assert result.exit_code == 1
    said = [line for line in result.output.splitlines() if "evil.example" in line]
    assert len(said) == 1, result.output[-3000:]
    assert f"같은 것이 파일 {len(pages)}개에 있습니다" in said[0] and "theme.custom_dir" in said[0]
    # (three files or fewer: said in each, with no count)
    handlers = [line for line in result.output.splitlines() if "onerror" in line]
    assert len(handlers) == 3 and not any("같은 것이" in line for line in handlers), result.output[-3000:]
    script = [line for line in result.output.splitlines() if "cdn.example" in line]
    assert len(script) == 2 and not any("같은 것이" in line for line in script)  # (active content, a load)
    # the last line still counts every finding
    everything = json.loads(run(root, "audit", str(site), "--format", "json").output)["findings"]
    errors = sum(f["severity"] == "error" for f in everything)
    assert f"오류 {errors}건" in result.output.splitlines()[-1]


def test_the_json_report_keeps_every_finding(built, tmp_path: Path, run) -> None:
    root, _ = built
    site, pages = tampered(built, tmp_path)
    result = run(root, "audit", str(site), "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.output)["findings"]
    refreshes = [f for f in found if "evil.example" in f["message"]]
    assert sorted({f["path"] for f in refreshes}) == sorted(pages)
    assert not any("같은 것이" in f["message"] for f in found)


def test_said_in_english(built, tmp_path: Path, run) -> None:
    root, _ = built
    site, pages = tampered(built, tmp_path)
    result = run(root, "audit", str(site), "--lang", "en")
    assert result.exit_code == 1
    said = [line for line in result.output.splitlines() if "evil.example" in line]
    assert len(said) == 1 and f"(the same in {len(pages)} files: look at the theme's templates" in said[0]
    assert "같은" not in said[0]


def test_a_clean_site_still_passes(built, run) -> None:
    root, site = built
    result = run(root, "audit", str(site))
    assert result.exit_code == 0, result.output


def _f(path: str, message: str = "m") -> Finding:
    return Finding(path, 1, 1, "error", "site-x", message, message)


def test_the_build_and_the_audit_group_alike() -> None:
    """One reading for both: the same in four files once (counted in files, not findings); the
    same four times in one file, or in three files, each time."""
    many = [_f(f"p{i}.html") for i in range(4)]
    one_file = [_f("q.html", "n")] * 4
    three = [_f(f"r{i}.html", "o") for i in range(3)]
    said = said_once(many + one_file + three)
    assert said == [(many[0], 4)] + [(f, 0) for f in one_file + three]
    lines = finding_lines(many + one_file + three)
    assert len(lines) == 1 + 4 + 3 and "같은 것이 파일 4개에 있습니다" in lines[0]
