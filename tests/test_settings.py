"""mkdocs.yml settings that would load from another host: located findings in check (and so the build)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.site_settings import check_site_settings


def _write(root: Path, text: str) -> None:
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


def test_the_sample_settings_load_nothing_from_outside(sample: Path) -> None:
    assert check_site_settings(sample) == []


def test_material_without_font_false_loads_google_fonts(tmp_path: Path) -> None:
    _write(tmp_path, "site_name: t\ntheme: material\n")
    assert [(f.code, f.line, f.column) for f in check_site_settings(tmp_path)] == [("settings-outside-load", 2, 1)]
    _write(tmp_path, "site_name: t\ntheme:\n  name: mkdocs\n")  # (no Google Fonts; cdnjs: see below)
    assert [(f.code, f.line, f.column) for f in check_site_settings(tmp_path)] == [("settings-outside-load", 3, 9)]


def test_a_cdn_script_in_the_sample_fails_check(sample: Path) -> None:
    path = sample / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8") + "extra_javascript:\n  - 'https://cdn.example.org/x.js'\n",
                    encoding="utf-8")
    report = check(sample)
    assert [(f.path, f.code, f.severity) for f in report.errors] == [("mkdocs.yml", "settings-outside-load", "error")]
    last = len(path.read_text(encoding="utf-8").splitlines())
    assert (report.errors[0].line, report.errors[0].column) == (last, 5)


def test_broken_or_hostile_settings_are_findings(tmp_path: Path) -> None:
    _write(tmp_path, "site_name: [unclosed\n")
    assert [f.code for f in check_site_settings(tmp_path)] == ["settings-invalid"]
    _write(tmp_path, "a: " + "[" * 5000 + "\n")
    assert [f.code for f in check_site_settings(tmp_path)] == ["settings-invalid"]
    bomb = "site_name: t\na: &a [x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(12)
    ) + "theme:\n  name: material\n  font: false\n  icon: {x: *m}\n"
    _write(tmp_path, bomb)
    started = time.process_time()
    # read in no time, every node once; refused once (MkDocs would expand it: gigabytes)
    assert [(f.code, f.line) for f in check_site_settings(tmp_path)] == [("settings-unsafe", 3)]
    assert time.process_time() - started < 2


def test_a_settings_file_that_is_a_fifo_or_huge_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "mkdocs.yml")
    started = time.perf_counter()
    assert [f.code for f in check_site_settings(tmp_path)] == ["file-unreadable"]
    os.unlink(tmp_path / "mkdocs.yml")
    (tmp_path / "mkdocs.yml").write_bytes(b"site_name: t\n#" + b"x" * (1 << 20))
    assert [f.code for f in check_site_settings(tmp_path)] == ["file-too-large"]
    assert time.perf_counter() - started < 2


def test_docs_dir_is_followed_inside_and_refused_outside(sample: Path) -> None:
    from casekit.core.docs import scan_docs

    os.rename(sample / "docs", sample / "pages")
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8").replace("docs_dir: docs", "docs_dir: pages")
    path.write_text(text, encoding="utf-8")
    pages = [rel for rel, _ in scan_docs(sample).pages]
    assert "pages/guide.md" in pages and "pages/privacy.md" in pages and all(p.startswith("pages/") for p in pages)
    path.write_text(text.replace("docs_dir: pages", "docs_dir: ../elsewhere"), encoding="utf-8")
    scan = scan_docs(sample)
    assert scan.pages == [] and [f.code for f in scan.findings] == ["settings-docs-dir"]
    assert [f.code for f in check(sample).errors] == ["settings-docs-dir"]


@pytest.mark.parametrize("value", ["/var/www/html", "../public", "site/../../public", "C:\\\\inetpub\\\\wwwroot"])
def test_a_site_dir_outside_the_casebook_is_refused_at_its_value(sample: Path, value: str) -> None:
    """`site_dir` in mkdocs.yml is where every build writes (and first deletes) the private site: outside
    the casebook it may be a public web folder. `casekit build --site-dir` stays the way to choose one."""
    path = sample / "mkdocs.yml"
    path.write_text(f"site_dir: '{value}'\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    found = [(f.code, f.line, f.column) for f in check(sample).errors]
    assert found == [("settings-unsafe", 1, 11)], found
    path.write_text(path.read_text(encoding="utf-8").replace(f"site_dir: '{value}'", "site_dir: built/site"),
                    encoding="utf-8")
    assert check(sample).errors == []


@pytest.mark.parametrize("value", ["cases", "resources/", "cases/2026-0001", "site/../schemas", "templates", ".git",
                                   ".", "docs/site"])
def test_a_site_dir_that_is_or_holds_the_sources_is_refused_at_its_value(sample: Path, value: str) -> None:
    """MkDocs empties `site_dir` before it builds: `site_dir: cases` passed check, and a plain
    `mkdocs build` deleted every record (the plugin's check came after the folder was emptied)."""
    path = sample / "mkdocs.yml"
    path.write_text(f"site_dir: '{value}'\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    found = [(f.code, f.line, f.column) for f in check(sample).errors]
    assert found == [("settings-unsafe", 1, 11)], found
    assert "기록이 지워집니다" in check(sample).errors[0].message_ko


@pytest.mark.slow
@pytest.mark.parametrize("value", ["cases", ".git"])
def test_mkdocs_build_never_empties_a_source_folder_named_as_site_dir(sample: Path, value: str) -> None:
    """The plugin refuses the folder before MkDocs cleans it: every file there is kept, byte for byte."""
    (sample / ".git").mkdir(exist_ok=True)
    (sample / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (sample / value).rglob("*") if p.is_file()}
    path = sample / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"site_dir: '{value}'\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=sample, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode != 0 and "원본 폴더" in proc.stderr, proc.stderr[-2000:]
    assert {p: p.read_bytes() for p in (sample / value).rglob("*") if p.is_file()} == before


def test_the_build_names_where_the_site_folder_was_given(sample: Path) -> None:
    """`casekit build` with site_dir from mkdocs.yml said `--site-dir`, an option the user never gave."""
    from casekit.site.build import UnsafeSiteDir, safe_site_dir

    with pytest.raises(UnsafeSiteDir, match=r"^mkdocs.yml site_dir .*원본 폴더"):
        safe_site_dir(sample, sample / "resources", "mkdocs.yml site_dir")
    with pytest.raises(UnsafeSiteDir, match=r"^--site-dir .*원본 폴더"):
        safe_site_dir(sample, sample / "cases" / "out")


def test_a_date_that_does_not_exist_is_located_and_the_build_refuses_it(sample: Path) -> None:
    """YAML reads `2026-02-30` unquoted as a date: MkDocs (and the build) stopped on it with a
    Python traceback while check said nothing."""
    from casekit.site.build import Refused, build

    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("site_name:", "copyright: 2026-02-30\nsite_name:", 1), encoding="utf-8")
    line = text[: text.index("site_name:")].count("\n") + 1
    found = [(f.code, f.line, f.column) for f in check_site_settings(sample)]
    assert found == [("settings-invalid", line, 12)]
    assert "2026-02-30" in check(sample).errors[0].message_ko
    try:
        build(sample)
    except Refused as refused:
        assert "settings-invalid" in str(refused)
    else:
        raise AssertionError("built with a date that does not exist in mkdocs.yml")
    path.write_text(text.replace("site_name:", "copyright: '2026-02-30'\nextra_date: 2026-02-28\nsite_name:", 1),
                    encoding="utf-8")
    # quoted, it is text; a real date stays one (extra_date is no MkDocs setting: a warning, settings-unknown)
    assert [f.code for f in check_site_settings(sample)] == ["settings-unknown"]


def test_site_url_and_addresses_that_run_are_said_at_their_place_not_on_every_page(tmp_path: Path) -> None:
    """The theme writes site_url into every page (a canonical link to that host) and the menu,
    extra.homepage and extra.social as links: the audit refused the built site on every page,
    naming pages, while check said nothing. check says each at its place in mkdocs.yml."""
    _write(tmp_path, "site_name: t\nsite_url: https://casebook.agency.local/\ntheme:\n  name: material\n  font: false\n"
                     "extra:\n  homepage: ' JaVa\tscript:alert(1)'\n  social:\n    - icon: material/home\n      link: DATA:text/html,x\n"
                     "nav:\n  - 홈: index.md\n  - 도움: \"java\\nscript:alert(2)\"\n  - 웹: https://example.org/\n"
                     "copyright: 'data 보호: 가온'\n")
    found = [(f.code, f.line, f.column) for f in check_site_settings(tmp_path)]
    assert found == [("settings-unsafe", 7, 13), ("settings-unsafe", 10, 13), ("settings-unsafe", 13, 9),
                     ("settings-outside-load", 2, 1)]


@pytest.mark.parametrize(("old", "new", "at", "code", "column"), [
    ("  name: material", "  name: mkdocs", "name: mkdocs", "settings-outside-load", 9),
    ("  name: material", "  name: readthedocs", "name: readthedocs", "settings-outside-load", 9),
    ("  generator: false", "  generator: false\n  alternate:\n    - name: English\n      link: https://x.example/\n"
                           "      lang: en", "link: https://x.example/", "settings-outside-load", 13),
    ("      toc_depth: 2", "      toc_depth: 2\n      title: \"<img src=x onerror=alert(1)>\"", "title:", "settings-unsafe",
     14),
    ("  - search ", "  - offline\n  - search ", "- offline", "settings-outside-load", 5),
])
def test_settings_the_audit_refused_on_every_page_are_said_at_their_place_by_check(
        sample: Path, old: str, new: str, at: str, code: str, column: int) -> None:
    """Each passed check, then the build's audit refused the site naming pages (513 findings for the
    mkdocs theme's cdnjs scripts), never mkdocs.yml (found by a probe): check says it at the value."""
    path = sample / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = next(i for i, x in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if x.strip().startswith(at))
    found = [(f.code, f.line, f.column) for f in check(sample).errors]
    assert found == [(code, line, column)], found


@pytest.mark.slow
def test_the_tags_plugin_builds_and_its_tags_json_is_audited(sample: Path) -> None:
    """The tags plugin is allowed; its tags.json was refused as a file not made from the casebook."""
    from casekit.site.build import build

    path = sample / "mkdocs.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - search ", "  - tags\n  - search ", 1),
                    encoding="utf-8")
    result = build(sample)
    assert not result.errors, result.errors
    assert (sample / "site/tags.json").is_file()


def test_personal_numbers_in_the_published_settings_are_found_at_their_place(sample: Path) -> None:
    """mkdocs.yml's texts are printed on every page (the copyright, the site's name and description, a menu
    label, an `extra:` text the theme shows): a phone, resident number or e-mail there passed check, while
    the same line in a docs/ page is refused. Each is found at its line and column; a public number in
    casekit.yml's pii.allow is allowed there as anywhere."""
    settings = sample / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("site_description: 가온종합사회복지관 통합사례관리 사례집 (내부용)",
                        'site_description: "문의 02-0000-1234, 담당 010-2222-3333"\n'
                        'copyright: "문의 010-9876-5432 | 주민 800101-1234567 | kim@example.com"', 1)
    text = text.replace("  generator: false", '  generator: false\n  contact: "담당 kim2@example.org"', 1)
    text = text.replace("  - 기한: due.md", '  - "기한 010-4444-5555": due.md', 1)
    settings.write_text(text, encoding="utf-8")
    config = sample / "casekit.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("allow: []", 'allow: ["02-0000-1234"]', 1),
                      encoding="utf-8")
    lines = text.split("\n")

    def at(written: str) -> tuple[int, int]:
        line = next(i for i, t in enumerate(lines) if written in t)
        return line + 1, lines[line].index(written) + 1

    found = sorted((f.line, f.column, f.code) for f in check(sample).findings if f.path == "mkdocs.yml")
    assert found == sorted([(*at("010-2222-3333"), "pii-phone"), (*at("010-9876-5432"), "pii-phone"),
                            (*at("800101-1234567"), "pii-resident-number"), (*at("kim@example.com"), "pii-email"),
                            (*at("kim2@example.org"), "pii-email"), (*at("010-4444-5555"), "pii-phone")]), found


def test_a_worker_id_of_the_history_settings_is_published_and_checked(sample: Path) -> None:
    """casekit.yml's history.authors gives the worker id each case page names as who changed a record
    last: a client's name or a phone written there would be published."""
    config = sample / "casekit.yml"
    config.write_text(config.read_text(encoding="utf-8") + "history:\n  authors:\n"
                      "    kim@agency.kr: kim.sw\n    lee@agency.kr: 박영수\n    park@agency.kr: \"park 010-2468-1357\"\n",
                      encoding="utf-8")
    lines = config.read_text(encoding="utf-8").split("\n")
    found = sorted((f.line, f.column, f.code) for f in check(sample).findings if f.path == "casekit.yml")
    name = next(i for i, t in enumerate(lines) if "박영수" in t)
    phone = next(i for i, t in enumerate(lines) if "010-2468-1357" in t)
    assert found == [(name + 1, lines[name].index("박영수") + 1, "sensitive-in-text"),
                     (phone + 1, lines[phone].index("010-2468-1357") + 1, "pii-phone")], found


@pytest.mark.parametrize("text, line, column", [("- a\n", 1, 1), ("hello\n", 1, 1), ("null\n", 1, 1),
                                                ("# only a comment\n", 1, 1), ("# site\n\n  - site_name: t\n", 3, 3)])
def test_settings_that_are_no_mapping_fail_check_and_build_at_their_place(
        sample: Path, run, text: str, line: int, column: int) -> None:
    _write(sample, text)  # MkDocs refused it ("Required configuration not provided") after check had passed
    report = check(sample)
    assert [(f.path, f.code, f.line, f.column) for f in report.errors] == [("mkdocs.yml", "settings-invalid", line, column)]
    assert "'키: 값'" in report.errors[0].message_ko
    result = run(sample, "build")
    assert result.exit_code != 0 and f"mkdocs.yml:{line}:{column}: [settings-invalid]" in result.output
    assert "Traceback" not in result.output and not (sample / "site").exists()


@pytest.mark.parametrize("value, column, words", [
    (None, 1, "줄이 없습니다"),  # the line deleted: said where the settings begin
    ("", 1, "글로 적으세요"),  # left empty: said at its key
    (" 2026", 12, "따옴표"),  # a number (MkDocs: "Expected type: <class 'str'>"): said at the value
    (" [가온, 사례집]", 1, "글로 적으세요"),  # a list: said at its key
])
def test_settings_without_a_site_name_of_text_fail_check_and_build_at_their_place(
        sample: Path, run, value: str | None, column: int, words: str) -> None:
    settings = sample / "mkdocs.yml"
    lines = settings.read_text(encoding="utf-8").split("\n")
    at = next(i for i, x in enumerate(lines) if x.startswith("site_name:"))
    if value is None:
        del lines[at]
        at = next(i for i, x in enumerate(lines) if x and not x.startswith("#"))  # the first setting
    else:
        lines[at] = "site_name:" + value
    settings.write_text("\n".join(lines), encoding="utf-8")  # MkDocs refused it after check had passed
    report = check(sample)
    assert [(f.path, f.code, f.line, f.column) for f in report.errors] == [("mkdocs.yml", "settings-invalid", at + 1, column)]
    assert words in report.errors[0].message_ko
    result = run(sample, "build")
    assert result.exit_code != 0 and f"mkdocs.yml:{at + 1}:{column}: [settings-invalid]" in result.output
    assert "Traceback" not in result.output and not (sample / "site").exists()


def test_a_given_name_in_the_published_settings_is_an_error_at_its_place(sample: Path) -> None:
    """mkdocs.yml's texts are printed as written on every page, never masked: a given name there
    that Korean marks as a person's (`민호 씨 기한`) is an error as in a record's front-matter value, at
    its line and column; a bare one (`site_description: 영수 사례집`, 영수: the given name of the
    clients 박영수 and 김영수) a warning, as an agency's name (가온 사례집) is some client's given name
    in a casebook of thousands; a line ending in `# casekit: name-ok` says the word is none."""
    from casekit.site.build import Refused, build

    settings = sample / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("site_description: 가온종합사회복지관 통합사례관리 사례집 (내부용)", "site_description: 영수 사례집", 1)
    text = text.replace("  - 기한: due.md", "  - 민호 씨 기한: due.md", 1)
    settings.write_text(text, encoding="utf-8")
    lines = text.split("\n")
    description = next(i for i, t in enumerate(lines) if t.startswith("site_description:")) + 1
    label = next(i for i, t in enumerate(lines) if "민호 씨 기한" in t) + 1
    found = [(f.line, f.column, f.code, f.severity) for f in check(sample).findings if f.path == "mkdocs.yml"]
    assert found == [(description, len("site_description: ") + 1, "given-name-in-text", "warning"),
                     (label, 5, "given-name-in-field", "error")], found
    with pytest.raises(Refused):
        build(sample, sample.parent / "site")
    lines[description - 1] += "  # casekit: name-ok"
    lines[label - 1] += "  # casekit: name-ok"
    settings.write_text("\n".join(lines), encoding="utf-8")
    assert [f for f in check(sample).findings if f.path == "mkdocs.yml"] == []
