"""The attack corpus, found by convention (tests/attacks/<name>/, see its README): every attack is
applied to a copy of the sample casebook and built for real. Then

- a build that must be refused is refused, naming every expected code, and `casekit check`
  reports the same codes first (whatever the build refuses, check reports first);
- a build that passes holds none of the attack's `never.txt` strings in any output file, nothing
  that runs or loads from another host (read by Python's own HTML parser, not by casekit's
  audit), only the theme's inline scripts, a CSP first in every page, world-readable files, and
  `casekit audit SITE_DIR` agrees that it may be published.

A second group of tests plants what the sanitizer would never let through straight into a built
site (an outside load, a script, a sensitive value in its disguises, a stray file) and checks that
the audit names each one.
"""

from __future__ import annotations

import gzip
import json
import stat
from pathlib import Path

import pytest

from casekit.cli import main
from tests.attack_support import (
    attack_names,
    build_attack,
    expectation,
    inspect_page,
    never,
    raw_texts,
    script_shape,
)
from tests.browser_support import build_sample

pytestmark = pytest.mark.slow

CSP_MUST = ("default-src 'none'", "base-uri 'none'", "object-src 'none'", "form-action 'none'", "frame-src 'none'",
            "script-src 'self'")


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The inline script shapes of the unattacked sample's site: the theme's own."""
    site = build_sample(tmp_path_factory.mktemp("baseline"))
    shapes: set[str] = set()
    for path in site.rglob("*.html"):
        shapes |= {script_shape(s) for s in inspect_page(path.read_text(encoding="utf-8")).inline_scripts}
    assert 2 <= len(shapes) <= 6, shapes
    return shapes


def audit_cli(run, site: Path, root: Path) -> tuple[int, list[dict[str, object]]]:
    result = run(root, "audit", str(site), "--format", "json", "--lang", "en")
    return result.exit_code, json.loads(result.output)["findings"]


def test_every_attack_folder_says_what_must_happen() -> None:
    names = attack_names()
    assert len(names) >= 8
    for name in names:
        exp = expectation(name)
        assert exp.get("build") in ("ok", "refused"), name
        assert exp["build"] == "ok" or exp.get("codes"), f"{name}: a refused build must name its codes"
        assert set(exp) <= {"build", "codes", "warns", "umask"}, f"{name}: {set(exp)}"


@pytest.mark.parametrize("name", attack_names())
def test_attack(name: str, tmp_path: Path, baseline: set[str], run) -> None:
    exp = expectation(name)
    built = build_attack(name, tmp_path)
    if exp["build"] == "refused":
        assert built.returncode != 0, f"{name}: the build should have been refused:\n{built.output[-3000:]}"
        for code in exp["codes"]:
            assert f"[{code}]" in built.output, f"{name}: the refusal does not name {code}:\n{built.output[-3000:]}"
        result = run(built.casebook, "check", "--format", "json", "--lang", "en")
        assert result.exit_code == 1
        codes = {f["code"] for f in json.loads(result.output)["findings"]}
        assert set(exp["codes"]) <= codes, f"{name}: check does not report {set(exp['codes']) - codes}"
        assert not (built.site / "index.html").exists() or not never(name) or _absent(built.site, never(name))
        return
    assert built.returncode == 0, f"{name}: the build failed:\n{built.output[-4000:]}"
    texts = raw_texts(built.site)
    assert "index.html" in texts and "search/search_index.json" in texts
    # 1. no string of never.txt in any file (raw, and the sitemap decompressed); the theme's own
    # bundles talk about iframes and the like, and the audit holds them byte-identical to the theme's
    ours = {rel: text for rel, text in texts.items() if not rel.startswith("assets/") or rel.startswith("assets/casekit/")}
    for needle in never(name):
        where = [rel for rel, text in ours.items() if needle in text]
        assert not where, f"{name}: {needle!r} is published in {where}"
    # 2. nothing runs or loads from outside, read with Python's own parser
    for rel, text in texts.items():
        if not rel.endswith(".html"):
            continue
        page = inspect_page(text)
        assert not page.problems, f"{name}: {rel}: {page.problems}"
        foreign = [s for s in page.inline_scripts if script_shape(s) not in baseline]
        assert not foreign, f"{name}: {rel}: inline scripts not from the theme: {foreign}"
        dup = {i for i in page.ids if i.startswith("__") and page.ids.count(i) > 1}
        assert not dup, f"{name}: {rel}: theme ids clobbered: {dup}"
        # 3. the CSP is the first meta after the charset, and strict
        assert page.metas[0].get("charset") and page.metas[1].get("http-equiv") == "Content-Security-Policy", rel
        policy = page.metas[1]["content"] or ""
        assert all(part in policy for part in CSP_MUST) and "unsafe-inline" not in policy, policy
    # 4. every file and folder readable by any user (the web server's)
    for path in [built.site, *built.site.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), f"{name}: {path} has mode {oct(mode)}"
    # 5. the audit, as a user runs it, agrees
    code, findings = audit_cli(run, built.site, built.casebook)
    assert code == 0 and findings == [], f"{name}: {findings}"
    # 6. check warns of what the site left out, at its place in the record, so a reviewer sees it
    if exp.get("warns"):
        result = run(built.casebook, "check", "--format", "json", "--lang", "en")
        found = json.loads(result.output)["findings"]
        for code in exp["warns"]:
            places = [f for f in found if f["code"] == code]
            assert places and all(f["line"] and f["column"] for f in places), f"{name}: check does not warn {code}"


def _absent(site: Path, needles: list[str]) -> bool:
    texts = raw_texts(site)
    return not any(n in t for n in needles for t in texts.values())


# --- the audit catches what gets past the build (planted into a built site) ----------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("audited")
    site = build_sample(tmp)
    return tmp / "casebook", site


def _planted(built: tuple[Path, Path], tmp_path: Path, run, plant) -> set[tuple[str, str]]:
    import shutil

    root, site = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    plant(copy)
    code, findings = audit_cli(run, copy, root)
    assert code == (1 if findings else 0)
    return {(str(f["path"]), str(f["code"])) for f in findings}


def _append(copy: Path, rel: str, text: str) -> None:
    path = copy / rel
    path.write_text(path.read_text(encoding="utf-8").replace("</body>", text + "</body>"), encoding="utf-8")


@pytest.mark.parametrize("markup", [
    '<img src="https://evil.example/a.png">',
    '<img src="ok.png" srcset="ok.png 1x, //evil.example/b.png 2x">',
    '<img src="&#47;&#47;evil.example/c.png">',
    '<img src="\\\\evil.example/d.png">',
    '<img src="https:evil.example/e.png">',
    '<img src="ht\ntps://evil.example/f.png">',
    '<div style="background:url(\\2f\\2f evil.example/g.png)"></div>',
    "<style>.x{background-image:image-set('https://evil.example/h.png' 1x)}</style>",
    "<style>@import 'https://evil.example/i.css';</style>",
    '<svg><filter><feImage href="https://evil.example/j.png"/></filter></svg>',
    '<table background="https://evil.example/k.png"></table>',
    '<link rel="preload" href="https://evil.example/l.js" as="script">',
    '<video poster="https://evil.example/m.png"></video>',
    '<object data="https://evil.example/n.swf"></object>',
])
def test_audit_finds_outside_loads_planted_after_the_build(built, tmp_path: Path, run, markup: str) -> None:
    found = _planted(built, tmp_path, run, lambda c: _append(c, "due/index.html", markup))
    assert ("due/index.html", "site-outside-load") in found, found


@pytest.mark.parametrize("markup", [
    "<script>alert(1)</script>",
    "<SCRIPT >alert(1)</SCRIPT\t>",
    '<img src="x.png" onerror="alert(1)">',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<iframe srcdoc="x"></iframe>',
    '<embed src="x.swf">',
    # a script file of no one's (extra_javascript: [evil.js] published this, no such file in the site:
    # whatever is put there later runs, the policy's 'self' allowing it), of the host's, above the site
    '<script src="evil.js"></script>',
    '<script src="/uploads/x.js"></script>',
    '<script src="../../../../assets/javascripts/x.js"></script>',
    '<script src="../assets/casekit/nope.js"></script>',
])
def test_audit_finds_active_content_planted_after_the_build(built, tmp_path: Path, run, markup: str) -> None:
    found = _planted(built, tmp_path, run, lambda c: _append(c, "due/index.html", markup))
    assert ("due/index.html", "site-active-content") in found, found


def test_the_sites_own_scripts_pass_the_audit_from_any_page_and_the_404_page(built) -> None:
    """Every <script src> the built sample holds (Material's bundle, casekit's, the 404 page's paths
    from the top) names a file of the site that is the theme's or casekit's: the audit, which now
    asks, passes them."""
    import re

    _, site = built
    pages = [p for p in site.rglob("*.html")]
    srcs = {(p.relative_to(site).as_posix(), m) for p in pages
            for m in re.findall(r'<script[^>]* src="([^"]+)"', p.read_text(encoding="utf-8"))}
    assert any(rel == "404.html" and src.startswith("/") for rel, src in srcs), srcs
    for rel, src in srcs:
        path = (site / rel).parent / src if not src.startswith("/") else site / src.lstrip("/")
        assert path.resolve().is_file() and site.resolve() in path.resolve().parents, (rel, src)


def test_a_script_of_the_casebooks_own_in_mkdocs_yml_is_refused_by_check(sample: Path, run) -> None:
    """`extra_javascript: [evil.js]` built a site whose every page named a script of no one's."""
    settings = sample / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "extra_javascript:\n  - evil.js\n", encoding="utf-8")
    result = run(sample, "check", "--format", "json")
    found = [(f["code"], f["line"]) for f in json.loads(result.output)["findings"] if f["path"] == "mkdocs.yml"]
    assert found == [("settings-unsafe", settings.read_text(encoding="utf-8").count("\n"))], found


def _value(root: Path) -> str:
    """The sample's first client name (an x-sensitive value)."""
    text = (root / "cases/2026-0001/01-intake.md").read_text(encoding="utf-8")
    return text.split('  name: "', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize("disguise", ["entity", "zero-width", "combining", "markup", "fullwidth-json", "rest-shard",
                                      "percent-name", "sitemap-gz", "punycode-host", "struck"])
def test_audit_finds_a_sensitive_value_in_disguise(built, tmp_path: Path, run, disguise: str) -> None:
    root, _ = built
    name = _value(root)

    def plant(copy: Path) -> None:
        if disguise == "entity":
            _append(copy, "due/index.html", "<p>" + "".join(f"&#{ord(c)};" for c in name) + "</p>")
        elif disguise == "zero-width":
            _append(copy, "due/index.html", "<p>" + "\u200b".join(name) + "</p>")
        elif disguise == "combining":
            _append(copy, "due/index.html", "<p>" + "\u0336".join(name) + "</p>")
        elif disguise == "struck":  # a reader reads the name straight through the struck character
            _append(copy, "due/index.html", f"<p>{name[0]}<del>가</del>{name[1:]} <s>x</s></p>")
        elif disguise == "markup":
            _append(copy, "due/index.html", f"<p>{name[0]}<b>{name[1:]}</b></p>")
        elif disguise == "fullwidth-json":
            index = copy / "search/casekit/d-0.json"  # a doc shard of casekit's Korean search index
            data = json.loads(index.read_text(encoding="utf-8"))
            data[0][2].append("이웃 " + name)
            index.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
        elif disguise == "rest-shard":  # the sentences of long pages the worker fetches for a snippet
            rest = sorted((copy / "search/casekit").glob("r-*.json"))[0]
            data = json.loads(rest.read_text(encoding="utf-8"))
            data[0] = [*(data[0] or []), "이웃 " + "\u200c".join(name)]
            rest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        elif disguise == "punycode-host":  # a link's host: the status bar shows it decoded
            host = "xn--" + name.encode("punycode").decode("ascii")
            _append(copy, "due/index.html", f'<p><a href="https://{host}.example/">자료</a></p>')
        elif disguise == "percent-name":
            from urllib.parse import quote

            (copy / "cases" / quote(name)).mkdir()
            (copy / "cases" / quote(name) / "index.html").write_text("<p>x</p>", encoding="utf-8")
        else:
            gz = copy / "sitemap.xml.gz"
            xml = gzip.decompress(gz.read_bytes()).decode().replace("</urlset>", f"<url><loc>{name}</loc></url></urlset>")
            gz.write_bytes(gzip.compress(xml.encode()))

    found = _planted(built, tmp_path, run, plant)
    assert any(code == "site-sensitive" for _, code in found), found


def _birth_date(root: Path) -> str:
    """The sample's first client's birth date (an x-sensitive value), YYYY-MM-DD."""
    text = (root / "cases/2026-0001/01-intake.md").read_text(encoding="utf-8")
    return text.split('  birth_date: "', 1)[1].split('"', 1)[0]


def _plant_text(copy: Path, where: str, text: str) -> None:
    if where == "page":
        _append(copy, "due/index.html", f"<p>{text}</p>")
    else:  # a doc shard of casekit's Korean search index
        index = copy / "search/casekit/d-0.json"
        data = json.loads(index.read_text(encoding="utf-8"))
        data[0][2].append(text)
        index.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("where", ["page", "search"])
@pytest.mark.parametrize("written", ["{y}年{m}月{d}日", "{yy}年{m}月{d}日生", "{m}/{d}/{yy}", "{mm}/{dd}/{yy}", "{d}/{m}/{yy}",
                                     "{d}.{m}.{yy}", "{y}\u2027{mm}\u2027{dd}", "{y}\u30fb{mm}\u30fb{dd}"])
def test_audit_finds_a_birth_date_written_as_papers_from_abroad_write_it(built, tmp_path: Path, run, written: str,
                                                                        where: str) -> None:
    """1969年7月21日 (a Chinese client's papers), 7/21/69 (an American form), 1969‧07‧21 were
    published and passed the audit (a security review)."""
    root, _ = built
    y, mm, dd = _birth_date(root).split("-")
    text = written.format(y=y, yy=y[2:], mm=mm, dd=dd, m=int(mm), d=int(dd))
    found = _planted(built, tmp_path, run, lambda c: _plant_text(c, where, f"생년월일 {text} 확인"))
    assert any(code == "site-sensitive" for _, code in found), (text, found)


def test_audit_finds_a_latin_name_typed_without_its_accents(built, tmp_path: Path, run) -> None:
    """A foreign client's name (Lê Thị Hương) typed without its accents or in another order passed
    the audit (a security review): the audit's index folds Latin letters as `casekit check` does."""
    import shutil

    root, site = built
    book = tmp_path / "book"
    shutil.copytree(root, book, ignore=shutil.ignore_patterns(".casekit"))
    intake = book / "cases/2026-0002/01-intake.md"
    text = intake.read_text(encoding="utf-8")
    assert '  name: "이영희"' in text
    intake.write_text(text.replace('  name: "이영희"', '  name: "Lê Thị Hương"'), encoding="utf-8")
    for written, where in [("Le Thi Huong 님", "page"), ("LE THI HUONG", "search"), ("Huong Le Thi", "page")]:
        copy = tmp_path / f"site-{where}-{written[:2]}"
        shutil.copytree(site, copy)
        _plant_text(copy, where, f"상담 {written}")
        code, findings = audit_cli(run, copy, book)
        assert code == 1 and {(f["code"], f["path"]) for f in findings} == {
            ("site-sensitive", "due/index.html" if where == "page" else "search/casekit/d-0.json")}, (written, findings)
    copy = tmp_path / "site-clean"
    shutil.copytree(site, copy)
    _plant_text(copy, "page", "Le, Van, Thi 씨, Huong 씨")  # a word of the name alone is no one's name
    assert audit_cli(run, copy, book) == (0, [])


def test_audit_output_never_shows_the_value(built, tmp_path: Path, run) -> None:
    root, site = built
    name = _value(root)
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    _append(copy, "due/index.html", f"<p>{name}</p>")
    result = run(root, "audit", str(copy))
    assert result.exit_code == 1 and "site-sensitive" in result.output and "cases/2026-0001/01-intake.md" in result.output
    assert name not in result.output


@pytest.mark.parametrize("stray", ["notes.txt", "config.yml", "cases/x.md", "assets/javascripts/extra.js", "data.json",
                                   "assets/stylesheets/main.57a0d79d.min.css"])
def test_audit_finds_files_not_made_from_the_casebook(built, tmp_path: Path, run, stray: str) -> None:
    def plant(copy: Path) -> None:
        path = copy / stray
        path.parent.mkdir(parents=True, exist_ok=True)
        # an existing theme file changed by one byte is no longer the theme's
        path.write_bytes((path.read_bytes() if path.exists() else b"x") + b"\n")

    found = _planted(built, tmp_path, run, plant)
    assert (stray, "site-unexpected-file") in found, found


def test_audit_of_the_clean_sample_is_clean(built, tmp_path: Path, run) -> None:
    assert _planted(built, tmp_path, run, lambda c: None) == set()


def test_audit_cli_outside_a_casebook_is_a_usage_error(tmp_path: Path, run) -> None:
    (tmp_path / "site").mkdir()
    result = run(tmp_path, "audit", str(tmp_path / "site"))
    assert result.exit_code == 2 and "mkdocs.yml" in result.output


def test_audit_of_a_folder_that_is_no_built_site_is_a_usage_error(built, run) -> None:
    """`casekit audit /` read the whole machine for over a minute (an attacker's probe)."""
    root, _ = built
    for folder in ("/", str(root), str(root / "cases")):
        result = run(root, "audit", folder)
        assert result.exit_code == 2 and "만들어진 사이트 폴더가 아닙니다" in result.output, folder


def test_audit_command_is_documented() -> None:
    assert main.get_command(None, "audit") is not None  # type: ignore[arg-type]
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "casekit audit" in readme
