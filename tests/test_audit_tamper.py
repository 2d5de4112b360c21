"""`casekit audit SITE` on a site changed after its build: each change below was shown in Chromium
(a value on the screen, a script run, a request to another host) while the audit said 문제 없음."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import casekit.site.audit as audit_mod
from casekit.core.sensitive import SensitiveIndex
from casekit.site.audit import Expected, audit_site
from casekit.site.csp import TrustedScripts, add_csp

PHONE = "010-0000-1001"
INDEX = [(PHONE, "cases/a/01-intake.md", "client.phone")]


def page(body: str, csp: bool = True) -> str:
    text = f'<!doctype html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n<title>사례</title>\n</head>\n<body><article>{body}</article></body></html>'
    return add_csp(text, TrustedScripts()) if csp else text


def codes(tmp_path: Path, files: dict[str, str | bytes], expected: Expected | None = None) -> set[tuple[str, str]]:
    site = tmp_path / "site"
    for rel, content in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return {(f.path, f.code) for f in audit_site(site, SensitiveIndex(INDEX), expected or Expected())}


def test_an_untouched_page_passes(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text("/* the site's own script */\n", encoding="utf-8")
    own = Expected(own_assets={"a.js": tmp_path / "a.js"})  # (a script src must name one of the site's own)
    assert codes(tmp_path, {"index.html": page("<p>상담</p>"), "x/index.html": page('<script src="../a.js?v=1"></script>')},
                 own) == set()
    assert codes(tmp_path, {"y/index.html": page('<script src="../b.js"></script>')}, own) == \
        {("y/index.html", "site-active-content")}  # (a script file of no one's)


@pytest.mark.parametrize("body", [
    f"<div title={PHONE}>상담</div>",  # an unquoted attribute: the browser's tooltip
    f"<svg><text><![CDATA[{PHONE}]]></text></svg>",  # CDATA in foreign content is text on the screen
], ids=["unquoted-attribute", "svg-cdata"])
def test_a_value_the_browser_shows_is_found(tmp_path: Path, body: str) -> None:
    assert codes(tmp_path, {"index.html": page(body)}) == {("index.html", "site-sensitive")}


@pytest.mark.parametrize("body", [
    f'<h5 id="r{PHONE}">상담</h5>', f'<a href="#r{PHONE}">이동</a>', f"<p>HP{PHONE}</p>", f"<p>{PHONE}HP</p>",
])
def test_a_value_with_a_latin_letter_glued_to_it_is_found(tmp_path: Path, body: str) -> None:
    """A letter touching the number (an anchor `#r010-…`, `HP010-…`) was read as the edge of an id:
    published, and the audit passed it (a probe)."""
    assert codes(tmp_path, {"index.html": page(body)}) == {("index.html", "site-sensitive")}


@pytest.mark.parametrize("body", [
    "<p>010&amp;0000&amp;1001</p>", "<p>010=0000=1001</p>", "<p>010 → 0000 → 1001</p>", "<p>010x0000x1001</p>",
    "<p>0082-10-0000-1001</p>",
])
def test_a_value_with_other_marks_between_its_groups_is_found(tmp_path: Path, body: str) -> None:
    """Marks other than the separators between the groups of a number (`=`, `&`, `→`, `x`), or the
    prefix dialled from Korea, hid it from the audit (a probe)."""
    assert codes(tmp_path, {"index.html": page(body)}) == {("index.html", "site-sensitive")}


@pytest.mark.parametrize("body", [
    '<p><bdo dir="rtl">1001-0000-010</bdo></p>', '<p dir="rtl"><span dir="ltr">1001</span> <span dir="ltr">010</span></p>',
    '<p><span style="unicode-bidi: bidi-override; direction: rtl">수영박</span></p>',
    '<p style="display:flex;flex-direction:row-reverse"><span>수</span><span>영</span><span>박</span></p>',
    '<img src="data:image/svg+xml;base64,PHN2Zz48dGV4dD4wMTA8L3RleHQ+PC9zdmc+">', '<img src=" DATA:image/png;base64,iVBO">',
    '<picture><source srcset="a.png 1x, data:image/png;base64,iVBO 2x"><img src="a.png"></picture>',
])
def test_text_shown_in_another_order_or_as_a_picture_is_refused(tmp_path: Path, body: str) -> None:
    """A theme template (or a page changed after the build) showed 박영수 010-0000-1001 on every page in
    Chromium, written reversed in a `<bdo dir="rtl">` or drawn by an SVG in a data: address, and the
    audit, reading what is written, passed it (an attacker probe)."""
    assert codes(tmp_path, {"index.html": page(body)}) == {("index.html", "site-unreadable-text")}


def test_the_themes_own_direction_and_plain_styles_pass(tmp_path: Path) -> None:
    body = '<div dir="ltr" style="width:12.5%;display:flex;flex-direction:column"><p style="left:50%">상담</p></div>'
    assert codes(tmp_path, {"index.html": page(body)}) == set()


def test_a_value_in_a_sitemap_cdata_section_is_found(tmp_path: Path) -> None:
    sitemap = f"<urlset><url><loc>https://example.org/<![CDATA[{PHONE}]]></loc></url></urlset>"
    assert codes(tmp_path, {"sitemap.xml": sitemap}) == {("sitemap.xml", "site-sensitive")}


def test_a_url_after_a_control_character_loads_from_the_host(tmp_path: Path) -> None:
    # the URL standard strips C0 controls first: \x01//evil.example/x.png is evil.example's
    found = codes(tmp_path, {"index.html": page('<img src="\x01//evil.example/x.png">')})
    assert found == {("index.html", "site-outside-load")}


def test_a_no_break_space_before_a_quote_does_not_hide_a_handler(tmp_path: Path) -> None:
    # HTML white space is not Unicode's: alt=\u00a0"a is an unquoted value, onerror an attribute
    found = codes(tmp_path, {"index.html": page('<img src=x alt=\u00a0"a onerror=alert(1)//">')})
    assert found == {("index.html", "site-active-content")}


@pytest.mark.parametrize("src", ["evil.html", "search/casekit/d-0.json", "data:text/javascript,alert(1)",
                                 "blob:x", "\x01//evil.example/a.js"])
def test_a_script_must_be_a_js_file_of_the_site(tmp_path: Path, src: str) -> None:
    found = codes(tmp_path, {"index.html": page(f'<script src="{src}"></script>')})
    assert ("index.html", "site-active-content") in found


@pytest.mark.parametrize(("body", "code"), [
    ('<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a></svg>', "site-active-content"),
    ('<svg><a><animate attributeName="href" values="#x; JavaScript:alert(1)"/><text>x</text></a></svg>',
     "site-active-content"),
    ('<svg><image><set attributeName="href" to="//evil.example/a.png"/></image></svg>', "site-outside-load"),
], ids=["set-to", "animate-values", "set-outside"])
def test_svg_animation_setting_a_link_is_found(tmp_path: Path, body: str, code: str) -> None:
    # SMIL sets the parent's href to what `to`/`values` say: a link that runs a script, or a load
    assert codes(tmp_path, {"index.html": page(body)}) == {("index.html", code)}


def test_svg_animation_of_anything_else_passes(tmp_path: Path) -> None:
    body = '<svg><circle r="5"><animate attributeName="opacity" values="0;1;0" dur="2s"/><set attributeName="fill" to="red"/></circle></svg>'
    assert codes(tmp_path, {"index.html": page(body)}) == set()


def test_a_page_without_the_policy_at_its_head(tmp_path: Path) -> None:
    with_policy = page("<p>상담</p>")
    policy = with_policy[with_policy.index('<meta http-equiv="Content-Security-Policy"'):].split("\n", 1)[0]
    moved = with_policy.replace(policy, "").replace("<p>상담</p>", policy + "<p>상담</p>")  # ignored in <body>
    weakened = with_policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    found = codes(tmp_path, {"a.html": page("<p>상담</p>", csp=False), "b.html": moved, "c.html": weakened})
    assert found == {("a.html", "site-no-policy"), ("b.html", "site-no-policy"), ("c.html", "site-no-policy")}


def test_a_page_the_browser_reads_in_another_encoding(tmp_path: Path) -> None:
    utf16 = b"\xff\xfe" + f"<html><body><p>{PHONE}</p></body></html>".encode("utf-16-le")
    jis = page('<meta charset="iso-2022-jp"><p>\x1b$B#0#1#0\x1b(B</p>')
    found = codes(tmp_path, {"a.html": utf16, "b.html": jis})
    assert found == {("a.html", "site-unexpected-file"), ("b.html", "site-unexpected-file")}


def test_a_damaged_or_huge_sitemap_is_a_finding_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit_mod, "MAX_GUNZIP", 1000)
    assert codes(tmp_path / "a", {"sitemap.xml.gz": b"not gzip"}) == {("sitemap.xml.gz", "site-unexpected-file")}
    huge = gzip.compress(b" " * 2000 + f"<loc>{PHONE}</loc>".encode())  # the value past what is read
    assert codes(tmp_path / "b", {"sitemap.xml.gz": huge}) == {("sitemap.xml.gz", "site-unexpected-file")}


def _config(**values: str) -> str:
    import json

    settings = {"base": ".", "features": [], "search": "assets/casekit/search-worker.js", **values}
    return f'<script id="__config" type="application/json">{json.dumps(settings)}</script>'


@pytest.mark.parametrize(("values", "code"), [
    ({"search": "https://evil.example/w.js"}, "site-active-content"),
    ({"search": "data:text/javascript,postMessage(1)"}, "site-active-content"),
    ({"search": "search/casekit/d-0.json"}, "site-active-content"),  # a file of the site run as a worker
    ({"base": "https://evil.example/"}, "site-outside-load"),
    ({"base": "//evil.example"}, "site-outside-load"),
], ids=["worker-elsewhere", "worker-data-url", "worker-not-a-script", "base-elsewhere", "base-scheme-relative"])
def test_the_themes_settings_cannot_start_a_worker_from_elsewhere(tmp_path: Path, values: dict[str, str],
                                                                   code: str) -> None:
    # Material starts new Worker(new URL(config.search, config.base)) on every page
    found = codes(tmp_path, {"index.html": page(_config(**values))})
    assert ("index.html", code) in found, found


def test_the_themes_own_settings_pass(tmp_path: Path) -> None:
    assert codes(tmp_path, {"index.html": page(_config()), "a/index.html": page(_config(base=".."))}) == set()


_AUDIT_AS_NOBODY = """
import json, sys
from pathlib import Path
from casekit.core.sensitive import SensitiveIndex
from casekit.site.audit import Expected, audit_site
found = audit_site(Path(sys.argv[1]), SensitiveIndex([(sys.argv[2], "cases/a/01-intake.md", "client.phone")]), Expected())
print(json.dumps(sorted({(f.path, f.code) for f in found})))
"""


def test_what_the_audit_cannot_read_is_a_finding_not_a_pass(tmp_path: Path) -> None:
    """`casekit audit SITE` run as a user who cannot list a folder (mode 311: a web server that can
    still open its files by name serves them) passed it over and said 문제 없음; a file it could
    not open stopped it with a traceback. Both are findings now. Needs root to run as nobody."""
    import json
    import os
    import shutil
    import subprocess
    import sys
    import tempfile

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run the audit as another user")
    nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(repo)}
    if subprocess.run([*nobody, sys.executable, "-c", "import casekit.site.audit"], cwd="/", env=env,
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("this Python or this checkout cannot be used by nobody")
    site = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        site.chmod(0o755)
        (site / "index.html").write_text(page("<p>상담</p>"), encoding="utf-8")
        hidden = site / "hidden"
        hidden.mkdir()
        (hidden / "index.html").write_text(page(f"<p>{PHONE}</p>"), encoding="utf-8")
        (hidden / "index.html").chmod(0o644)
        hidden.chmod(0o311)  # can be passed through, not listed
        (site / "locked.html").write_text(page("<p>상담</p>"), encoding="utf-8")
        (site / "locked.html").chmod(0o000)
        result = subprocess.run([*nobody, sys.executable, "-c", _AUDIT_AS_NOBODY, str(site), PHONE], cwd="/",
                                env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr[-2000:]
        found = {tuple(x) for x in json.loads(result.stdout)}
        assert found == {("hidden", "site-unexpected-file"), ("locked.html", "site-unexpected-file")}, found
    finally:
        for path in (site / "hidden", site / "locked.html"):
            path.chmod(0o755)
        shutil.rmtree(site, ignore_errors=True)


@pytest.mark.parametrize("body", [
    '<h4 id="r02-01000001001">메모</h4>', '<a href="./#r02-01000001001">메모</a>',
    '<h2 id="h-01000001001">메모</h2>', '<a href="../x/#h-%30%31%30%30%30%30%30%31%30%30%31">메모</a>',
])
def test_a_value_in_an_id_casekit_gives_a_heading_is_found(tmp_path: Path, body: str) -> None:
    """A heading's id is `r02-` and its words, marks dropped (`## 010!!0000!!1001`: r02-01000001001): after
    `2-` the number was read as the tail of a longer one, and the audit passed the phone (a probe)."""
    assert codes(tmp_path, {"index.html": page(body)}) == {("index.html", "site-sensitive")}
