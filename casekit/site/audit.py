"""The last word on what is published: the built site read as a browser and a search engine would.

Run after every build, whatever generator made the pages (`audit_site`), and on its own as
`casekit audit SITE_DIR`. It trusts neither the generator nor the theme's templates; it reads
every file the site folder holds and fails on

- a sensitive value of the casebook (`SensitiveIndex`, with its variants) in any text a reader,
  a search engine or a script could get at: HTML text with tags stripped and entities decoded,
  every attribute value, JSON strings (the search index), XML and gzip (sitemaps), CSS, file and
  folder names; all after Unicode NFKC, without zero-width characters, percent-decoded. A finding
  names the output file and the source record and field, never the value;
- a reference that would make the browser load from another host (src, srcset, link href,
  url(), @import, image-set, meta refresh, base, object data, SVG href, poster, background …);
  a plain link the reader clicks (`<a href="https://…">`) is allowed;
- active content the theme did not bring: an inline script that is not one of the theme's own,
  an event-handler attribute, a `javascript:` URL, frames, objects, forms;
- any file that was not produced from the casebook: pages, the search index and sitemaps are;
  theme and casekit assets only when byte-identical to the installed ones; `docs/` assets only
  when `scan_docs` allowed them and they equal the source; any other file is a finding.

An image (PNG, JPEG, GIF, WebP), allowed or not, is read for the casebook's sensitive values too:
its runs of text read as UTF-8 and as UTF-16 (`image_text`). `check` publishes an image only when
each of its blocks draws the picture (casekit.core.images); a block it misses is caught here.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import html
import itertools
import json
import posixpath
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from casekit.core.allowlist import ATTRIBUTE_PATTERN as _ATTR
from casekit.core.bidi import RTL_RE, displayed
from casekit.core.docs import scan_docs
from casekit.core.findings import Finding, finding, os_reasons, sort_findings
from casekit.core.page_rules import (
    ACTIVE_TAGS,
    REORDERING_TAGS,
    attribute_problem,
    tag_name_problems,
    tag_problems,
)
from casekit.core.reader import unstruck
from casekit.core.reading import (
    MAX_GUNZIP,
    SCHEME,
    alternation,
    attribute_values,
    clean_url,
    css_outside_hosts,
    gunzip,
    html_text,
    is_outside,
    is_script_url,
    json_strings,
    normalize_text,
    with_percent_decoded,
    xml_text,
)
from casekit.core.sensitive import TEXT_BREAK, SensitiveIndex, name_given_hits, name_text
from casekit.core.source import BIDI_CONTROLS
from casekit.core.workers import default_jobs, run_all
from casekit.site.csp import POLICY, TrustedScripts, secure_site
from casekit.site.elements import SECONDS, Element, closed_elements, elements
from casekit.site.tree import walk

SEARCH_INDEX = "search/search_index.json"
SEARCH_INDEXES = (SEARCH_INDEX, "search.json")  # Material's and Zensical's own search index
SEARCH_SHARD = re.compile(r"search/casekit/[tdrv]-[0-9]{1,6}\.json")  # casekit's Korean index (casekit.site.search_index)
ASSETS = "assets/casekit"  # where casekit's own stylesheet is published
PAGE_SUFFIXES = (".html",)
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")
GENERATOR_JSON = ("tags.json",)  # Material's tags plugin's list of tags and the pages under each: read as JSON
MAX_FILE = 256 * 2**20  # a site file bigger than this is not read (and is a finding)
# text-like files the audit reads as text when they are allowed at all
TEXT_SUFFIXES = frozenset({".html", ".htm", ".xml", ".json", ".css", ".js", ".txt", ".md", ".yml", ".yaml", ".svg",
                           ".map", ".csv", ".tsv", ".xhtml", ".webmanifest"})

# -- HTML, read as a browser does (patterns run on the lower-cased page: they stay fast) --
RAW_TAGS = ("script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe", "noscript")
# (the definition; read by _raw_elements, which never tries an element that cannot end)
_RAW = re.compile(r"<(" + alternation(RAW_TAGS) + r")\b([^>]*)>(.*?)</\1[\s/>]", re.S)
_RAW_END = {tag: re.compile(r"</" + tag + r"[\s/>]") for tag in RAW_TAGS}
_COMMENT = re.compile(r"<!--(.*?)(?:-->|\Z)", re.S)
# one tag (unrolled: quoted attribute values may hold ">")
# every start tag, whole (quoted attribute values may hold ">"); possessive (`*+`): what a run
# took is never given back, as it could never end the tag (the engine keeps no positions to retry)
_WHOLE_TAG = re.compile(r"""<[a-z][^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+>""")
# the same, or where no ">" ends it, what it read up to there (one pass over the page, as no text
# it read is tried again; when one does not end, _tags reads the page again with _whole_tags)
_TAG_OR_NOT = re.compile(r"""<[a-z][^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+>?""")
_TAG_START = re.compile(r"<[a-z]")
_TAG_STOP = re.compile(r"""[>"']""")

# a character encoding a page declares (<meta charset>, http-equiv content-type): a browser reads
# the page in it, so text the audit read as UTF-8 may show otherwise (ISO-2022-JP turns "#0#1#0"
# into ０１０)
_CHARSET = re.compile(r"""<meta\b[^>]*?charset\s*=\s*["']?\s*([^\s"';>]*)""")
_META = re.compile(r"<meta\b")
UTF8 = frozenset({"utf-8", "utf8", "unicode-1-1-utf-8"})
MANY_BAD_TAGS = 16  # more distinct bad tags than this in a page: their lines found in one pass
# casekit's Content-Security-Policy (casekit.site.csp.POLICY, the form add_csp writes, lower-cased),
# and what may stand before it in a page: the browser applies a policy to what follows it only
_HASHES = r"(?: 'sha256-[a-z0-9+/]+=*')*"
_POLICY = re.compile(
    r'<meta http-equiv="content-security-policy" content="'
    + re.escape("; ".join(POLICY).lower())
    .replace(re.escape(" {scripts}"), _HASHES)
    .replace(re.escape("{style_attrs}"), r"(?:'none'|'unsafe-hashes'" + _HASHES + ")")
    + '">')
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_BEFORE_POLICY = re.compile(r"(?:\ufeff)?\s*(?:<!doctype[^>]*>\s*)?(?:<html\b[^>]*>\s*)?(?:<head\b[^>]*>\s*)?"
                            r"(?:<meta\s+charset\s*=\s*[\"']?utf-8[\"']?\s*/?>\s*)?")


@dataclass
class Expected:
    """What may be published besides pages: assets the site is allowed to copy, by site path."""

    theme_dirs: list[Path] = field(default_factory=list)  # the theme's folders (assets compared byte for byte)
    own_assets: dict[str, Path] = field(default_factory=dict)  # casekit's assets: site path -> source file
    docs_assets: dict[str, Path] = field(default_factory=dict)  # allowed docs/ assets: site path -> source file
    trusted: TrustedScripts | None = None  # the theme's inline scripts
    _scripts: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)  # (known_script's answers)

    def known_script(self, path: str) -> bool:
        """Whether the site path `path` is one of the scripts a site may hold: casekit's own, or a
        file at that path in one of the theme's folders (the site's copy is compared with it)."""
        known = self._scripts.get(path)
        if known is None:
            known = self._scripts[path] = path in self.own_assets or any((d / path).is_file() for d in self.theme_dirs)
        return known

    @classmethod
    def for_theme(cls, theme_dirs: list[Path], docs_assets: dict[str, Path] | None = None) -> Expected:
        """What a site built with this theme (its template folders, in order) may hold."""
        return cls(theme_dirs=list(theme_dirs), own_assets=casekit_assets(), docs_assets=dict(docs_assets or {}),
                   trusted=TrustedScripts.from_theme(theme_dirs))


def casekit_assets() -> dict[str, Path]:
    """casekit's own static files (its stylesheet) by the site path they are published at."""
    base = Path(__file__).resolve().parent.parent
    out: dict[str, Path] = {}
    for folder in (base / "site" / "assets", base / "mkdocs_plugin" / "assets"):
        if folder.is_dir():
            for f in sorted(folder.iterdir()):
                if f.is_file():
                    out.setdefault(f"{ASSETS}/{f.name}", f)
    return out


def default_theme_dirs(root: Path) -> list[Path]:
    """The template folders of the installed packages a casebook's site is built with, when no
    generator says so: casekit's templates, Material's (when installed). Not the casebook's own
    `overrides/` or `custom_dir`: a script or file there is not one the site may trust unread."""
    base = Path(__file__).resolve().parent.parent
    dirs = [base / "site" / "templates", base / "mkdocs_plugin" / "templates"]
    try:
        import material  # the theme package, if installed; only its files are read
    except ImportError:
        pass
    else:
        dirs.append(Path(material.__file__).resolve().parent / "templates")
    return [d for d in dirs if d.is_dir()]


def docs_site_path(rel: str) -> str:
    """Where a file of `scan_docs` ("docs/img/x.png", under mkdocs.yml's docs_dir) is published."""
    return rel.split("/", 1)[1]


def docs_assets(root: Path, assets: Iterable[str]) -> dict[str, Path]:
    """`scan_docs(root).assets` by the site path they are published at."""
    return {docs_site_path(rel): root / rel for rel in assets}


def audit_casebook(root: Path, site_dir: Path, needles: list[tuple[str, str, str]],
                   theme_dirs: list[Path] | None = None) -> list[Finding]:
    """The audit of `site_dir` built from the casebook at `root` (what `casekit audit` runs):
    `needles` are its sensitive values, (value, source, field)."""
    expected = Expected.for_theme(theme_dirs if theme_dirs is not None else default_theme_dirs(root),
                                  docs_assets=docs_assets(root, scan_docs(root).assets))
    return audit_site(site_dir, SensitiveIndex(needles), expected)


def finish_site(site_dir: Path, index: SensitiveIndex, expected: Expected,
                done: dict[str, list[Finding]] | None = None) -> list[Finding]:
    """The CSP in every page, every file world-readable, then the audit of every file.
    `done`: pages the page pass (casekit.site.finish) already secured and audited, with their
    findings: not read again.
    The findings (empty when the site may be published)."""
    secure_site(site_dir, expected.trusted or TrustedScripts(), skip=set(done or ()))
    return audit_site(site_dir, index, expected, done)


def audit_site(site_dir: Path, index: SensitiveIndex, expected: Expected,
               done: dict[str, list[Finding]] | None = None) -> list[Finding]:
    """Every finding about the built site at `site_dir` (paths in findings: relative to it).
    `done`: files (by site path) audited already as they are now, with their findings."""
    site_dir = Path(site_dir)
    scan = Scanner(index)
    out: list[Finding] = []
    files: list[tuple[str, str]] = []
    for rel, path, kind in walk(site_dir):
        out += _scan_name(rel, scan)
        if kind == "file":
            if done is not None and rel in done:
                out += done[rel]
            else:
                files.append((rel, path))
        elif kind == "unreadable":
            out.append(finding("site-unexpected-file", rel, reason="감사가 읽을 수 없는 폴더라 그 안의 파일은 검사되지 않습니다",
                               reason_en="a folder the audit cannot read: its files go unchecked"))
        elif kind != "dir":
            out.append(finding("site-not-regular", rel, kind=kind))
    # the files read on every core, each worker with its own copy of the scanner (what one has read
    # another reads again: a file's findings depend on the file alone)
    for found in run_all(_audit_item, files, (scan, expected), default_jobs(), chunk=32):
        out += found
    return sort_findings(out)


def _audit_item(item: tuple[str, str], scan: Scanner, expected: Expected) -> list[Finding]:
    rel, path = item
    return audit_file(rel, Path(path), scan, expected)


def audit_file(rel: str, path: Path, scan: Scanner, expected: Expected) -> list[Finding]:
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            return [finding("site-unexpected-file", rel, reason=f"{size}바이트", reason_en=f"{size} bytes")]
        data = path.read_bytes()
    except OSError as exc:  # (a file the audit cannot read goes unchecked: a web server may serve it)
        why = os_reasons(exc)
        return [finding("site-unexpected-file", rel, reason=f"감사가 읽을 수 없는 파일: {why['reason']}",
                        reason_en=f"a file the audit cannot read: {why['reason_en']}")]
    return audit_data(rel, data, scan, expected)


def audit_data(rel: str, data: bytes, scan: Scanner, expected: Expected, text: str | None = None) -> list[Finding]:
    """The findings of one file of the site, `rel`, holding `data` (at most MAX_FILE bytes).
    `text`: `data` decoded, when the caller has it (the page pass: the text it encoded)."""
    low = rel.lower()
    suffix = Path(low).suffix
    if suffix in PAGE_SUFFIXES:  # (never one of the assets: a page is always read)
        if text is None:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:  # (a UTF-16 byte-order mark: the browser reads it as UTF-16)
                return [finding("site-unexpected-file", rel, reason="UTF-8이 아닌 페이지", reason_en="page not UTF-8")]
        return audit_html(rel, text, scan, expected)
    if suffix in IMAGE_SUFFIXES:  # (its bytes read as text: a block check missed holds no value either)
        found = scan.find(rel, image_text(data))
        if found or _identical_asset(rel, data, expected):
            return found
        return [finding("site-unexpected-file", rel, None, None, **_why_unexpected(suffix))]
    if _identical_asset(rel, data, expected):
        return []
    if rel in SEARCH_INDEXES or SEARCH_SHARD.fullmatch(rel) or rel in GENERATOR_JSON:
        return _audit_json(rel, data, scan)
    if rel in SITEMAPS:
        if rel.endswith(".gz"):
            try:
                data = gunzip(data, MAX_GUNZIP + 1)
            except (OSError, EOFError, zlib.error):
                return [finding("site-unexpected-file", rel, reason="gzip 압축이 깨졌습니다", reason_en="not valid gzip")]
            if len(data) > MAX_GUNZIP:  # (what lies past the limit would go unread)
                return [finding("site-unexpected-file", rel, reason=f"풀면 {MAX_GUNZIP}바이트가 넘습니다",
                                        reason_en=f"more than {MAX_GUNZIP} bytes unpacked")]
        return scan.find(rel, with_percent_decoded(xml_text(data.decode("utf-8", "replace"))))
    return [finding("site-unexpected-file", rel, None, None, **_why_unexpected(suffix))]


IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".bmp", ".tif", ".tiff", ".avif"})
# a run of characters text is written in (Latin letters with their accents, Hangul, its letters,
# CJK punctuation and ideographs, full-width forms), long enough to hold a value: what an image's
# bytes read as text hold besides noise (compressed pixels read as UTF-16 are mostly CJK and Hangul:
# a run of them is read only when ASCII, a digit or a space is near, see _UTF16_RUN)
_TEXT_RUN = re.compile("[\t\x20-\x7e\u00a0-\u024f\u1e00-\u1eff\u3000-\u303f\u3130-\u318f\u4e00-\u9fff"
                       "\uac00-\ud7a3\uff01-\uffee]{3,}")
_UTF16_RUN = re.compile("[\t\x20-\x7e\u00a0-\u024f\u1e00-\u1eff\u3000-\u303f\u3130-\u318f"
                        "\uac00-\ud7a3\uff01-\uffee]{3,}")

# what a value needs (casekit.core.sensitive: a name of Hangul, CJK or Latin letters, a number of
# six digits or more): a run holding none of it is noise, not read (2 MB of noise, 8 s to read)
_MAY_HOLD = re.compile("[\uac00-\ud7a3\u3131-\u318e]{2}|[\u4e00-\u9fff]{2}|[A-Za-z\u00c0-\u024f\u1e00-\u1eff]{4}"
                       "|(?:[0-9\uff10-\uff19][^0-9\uff10-\uff19]{0,3}){5}[0-9\uff10-\uff19]")


def image_text(data: bytes) -> str:
    """The runs of text an image's bytes hold, read as UTF-8 and as UTF-16 (both byte orders, from
    an even and an odd byte), one a line: a name, a phone or a resident number written into a block
    of the file (a colour profile's description, a comment, a palette's name) as a program writes
    text."""
    runs = _TEXT_RUN.findall(data.decode("utf-8", "replace"))
    for start in (0, 1):
        part = data[start : start + (len(data) - start) // 2 * 2]
        for codec in ("utf-16-le", "utf-16-be"):
            runs += _UTF16_RUN.findall(part.decode(codec, "replace"))
    return "\n".join(run for run in runs if _MAY_HOLD.search(run))


def _why_unexpected(suffix: str) -> dict[str, str]:
    if suffix in TEXT_SUFFIXES:
        return {"reason": "사례집에서 만들지 않은 텍스트 파일", "reason_en": "text file not made from the casebook"}
    return {"reason": "테마나 casekit의 자산도, 허용된 docs/ 자료도 아닙니다", "reason_en": "not a theme, casekit or allowed docs/ asset"}


def _identical_asset(rel: str, data: bytes, expected: Expected) -> bool:
    candidates: list[Path] = [d / rel for d in expected.theme_dirs]
    for table in (expected.own_assets, expected.docs_assets):
        if rel in table:
            candidates.append(table[rel])
    digest = None
    for cand in candidates:
        try:
            st = cand.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or st.st_size != len(data) or cand.suffix == ".html":
            continue
        digest = digest or hashlib.sha256(data).digest()
        if hashlib.sha256(cand.read_bytes()).digest() == digest:
            return True
    return False


# -- text views --------------------------------------------------------------
class Scanner:
    """What one audit run has read so far. Text is read one distinct line at a time and tags are
    judged one distinct tag at a time: a line or a tag already read in another file (the theme's
    frame, a record shown on several pages, the search index repeating the pages) is not read
    again; the lines and tags with a finding are remembered, so every file that holds them is
    still named. A line is remembered as it stands in the file (most of a page's lines were read
    on another page: they are not normalized again) and as normalized (two lines that read alike
    once normalized go through the SensitiveIndex once)."""

    def __init__(self, index: SensitiveIndex) -> None:
        self.index = index
        self.lines: set[str] = set()  # every line read, as it stands in the file
        self.bidi: dict[str, str] = {}  # line as it stands -> the bidirectional controls it holds (when any)
        self.line_hits: dict[str, frozenset[tuple[str, str]]] = {}  # line as it stands -> sources found in it
        self.seen: set[str] = set()  # every line read, normalized
        self.hits: dict[str, frozenset[tuple[str, str]]] = {}  # normalized line -> sources found in it
        self._json: dict[str, str] = {}
        self._config: dict[str, list[tuple[str, str]]] = {}  # a settings block's problems, by its text
        self.tags: set[str] = set()  # every distinct start tag judged so far
        self.bad_tags: dict[str, list[tuple[str, str]]] = {}
        self.elements: dict[Element, list[tuple[str, str]]] = {}  # every distinct element judged -> its problems

    def json_text(self, text: str) -> str:
        """Every string of the JSON `text`, one a line, remembered: every page carries the same few
        theme settings. Raises ValueError on invalid JSON."""
        if text not in self._json:
            strings: list[str] = []
            json_strings(json.loads(text), strings)
            self._json[text] = "\n".join(strings)
        return self._json[text]

    def config_problems(self, text: str) -> list[tuple[str, str]]:
        """(code, what) for a theme's settings block (Material's `__config`, JSON already read by
        json_text) that names a search worker other than a script file of the site, or a base on
        another host: the theme starts `new Worker(new URL(search, base))` on every page."""
        if text not in self._config:
            problems: list[tuple[str, str]] = []
            value = json.loads(text)
            if isinstance(value, dict):
                worker, base = value.get("search"), value.get("base")
                if isinstance(base, str) and (is_outside(base) or is_script_url(base)):
                    problems.append(("site-outside-load", f"__config base {base[:60]}"))
                if isinstance(worker, str) and not _site_script(worker):
                    problems.append(("site-active-content", f"__config search worker {worker[:60]}"))
            self._config[text] = problems
        return self._config[text]

    def find(self, rel: str, text: str) -> list[Finding]:
        if not text:
            return []
        lines = set(text.split("\n"))
        new = lines - self.lines
        if new:
            self._read(list(new))
            self.lines |= new
        controls = "".join(self.bidi[line] for line in lines & self.bidi.keys()) if self.bidi else ""
        reordered = [finding("site-bidi-control", rel, char=f"{ord(c):04X}") for c in BIDI_CONTROLS if c in controls]
        if not self.index:
            return reordered
        found: set[tuple[str, str]] = set()
        for line in lines & self.line_hits.keys():
            found |= self.line_hits[line]
        return reordered + [finding("site-sensitive", rel, source=src, field=fld) for src, fld in sorted(found)]

    def _read(self, new: list[str]) -> None:
        """Read lines not read before (as they stand): their bidirectional controls, and the
        values of the SensitiveIndex in them once normalized. Normalizing the lines joined by
        "\n" gives each line normalized (no character normalizes to or across a line feed)."""
        joined = "\n".join(new)
        if _BIDI.search(joined):
            for line in new:
                controls = "".join(c for c in BIDI_CONTROLS if c in line)
                if controls:
                    self.bidi[line] = controls
        if not self.index:
            return
        # (a line normalized as it stands is kept once: the same string remembered both ways)
        normalized = [line if norm == line else norm
                      for line, norm in zip(new, normalize_text(joined).split("\n"), strict=True)]
        # a line holding right-to-left text, also as it is drawn: normalized, the marks that order it are
        # gone and Arabic digits are ASCII's (\u200f1001_0000_010 and ١٠٠١-٠٠٠٠-٠١٠ show 010-0000-1001)
        drawn = {line: normalize_text(shown[0]) for line in new if (shown := displayed(line)) is not None} \
            if RTL_RE.search(joined) else {}
        self._search({line for line in normalized if line not in self.seen} | set(drawn.values()) - self.seen)
        for line, norm in zip(new, normalized, strict=True):
            found = self.hits.get(norm, frozenset()) | self.hits.get(drawn.get(line, norm), frozenset())
            if found:
                self.line_hits[line] = found

    def _search(self, lines: set[str]) -> None:
        """Search normalized lines not searched before for the values of the SensitiveIndex."""
        if not lines:
            return
        fresh = sorted(lines)
        self.seen |= lines
        # lines searched together, each on its own: set apart by a break no value spans (two
        # lines that only met in this block, "…114" and "301…", are not one "114 301")
        block = TEXT_BREAK.join(fresh)
        starts: list[int] | None = None
        for offset, sources in self.index.finditer(block):
            if starts is None:
                starts = list(itertools.accumulate((len(s) + len(TEXT_BREAK) for s in fresh[:-1]), initial=0))
            line = fresh[bisect.bisect_right(starts, offset) - 1]
            self.hits[line] = self.hits.get(line, frozenset()) | frozenset(sources)


def _scan_name(rel: str, scan: Scanner) -> list[Finding]:
    """A file's or folder's name, as `casekit check` reads it (`scan_name`): the values and variants
    the pages may not show, and the given names a name shows where no mask reaches (`name_given_hits`)."""
    text = name_text(rel.rsplit("/", 1)[-1])
    found = scan.find(rel, text)
    given = {where for hit in name_given_hits(scan.index, text) for where in hit.sources} if scan.index else set()
    named = [finding("site-sensitive", rel, source=src, field=fld) for src, fld in sorted(given)]
    return found + [f for f in named if f not in found]


def _audit_json(rel: str, data: bytes, scan: Scanner) -> list[Finding]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return [finding("site-unexpected-file", rel, reason="JSON 문법이 깨졌습니다", reason_en="not valid JSON")]
    strings: list[str] = []
    json_strings(value, strings)
    # the search index holds HTML fragments: their text and their attribute values
    joined = "\n".join(strings).lower()
    urls = "\n".join(s for s in strings if "%" in s and len(s) < 2048)
    return scan.find(rel, html_text(joined) + "\n" + attribute_values(joined) + "\n" + with_percent_decoded(urls))


# -- HTML pages --------------------------------------------------------------
def audit_html(rel: str, page: str, scan: Scanner, expected: Expected) -> list[Finding]:
    out, texts = _read_html(rel, page, scan, expected)
    out.extend(scan.find(rel, "\n".join(texts)))
    return out


def page_texts(page: str, scan: Scanner, expected: Expected) -> list[str]:
    """The texts of `page` the audit scans for sensitive values (what `audit_html` hands the
    scanner), one a line: casekit.site.frame_audit finds the lines of a frame holding a hole."""
    return "\n".join(_read_html("", page, scan, expected)[1]).split("\n")


def audit_content(rel: str, content: str, scan: Scanner, expected: Expected, then: str = "") -> list[Finding] | None:
    """The findings of the content of a composed page (casekit.site.frame_audit), read alone as
    `audit_html` reads a page, with two differences: no policy is looked for (the frame has it), and
    single-quoted attribute values are read whatever the content holds (the page's policy holds
    "='", which has `audit_html` read them on the whole page). None when the content may not be
    read apart from its frame: a browser would not be back in the body's text where it ends (a
    comment, a tag, a raw-text element or an element left open: `elements.closed_elements`) or
    it is too large to be parsed here. `then`: the white space after the content in its page, before
    the frame's next tag."""
    built = closed_elements(content, then)
    if built is None:
        return None
    out, texts = _read_html(rel, content, scan, expected, whole=False, built=built)
    out.extend(scan.find(rel, "\n".join(texts)))
    return out


def _read_html(rel: str, page: str, scan: Scanner, expected: Expected, whole: bool = True,
               built: set[Element] | None = None) -> tuple[list[Finding], list[str]]:
    """The findings of `page` but the sensitive values, and the texts to scan for them.
    `whole`: a page (else a composed page's content: see audit_content); `built`: its elements
    when they are known (else parsed here)."""
    out: list[Finding] = []
    texts: list[str] = []
    trusted = expected.trusted
    low = page.lower()
    same = len(low) == len(page)
    lines = _LineCounter(low)

    def raw(start: int, tag: str, attrs: str, body_start: int, body_end: int) -> str:
        body = (page if same else low)[body_start:body_end]
        line = lines.line_at(start) if tag in ("script", "style", "iframe") else None
        if tag == "script":
            kind = _attr_value(attrs, "type")
            if kind is not None and kind.strip() in ("application/json", "application/ld+json"):
                try:
                    texts.append(scan.json_text(body))
                except ValueError:
                    out.append(finding("site-active-content", rel, line, what="<script> (invalid JSON)"))
                    texts.append(body)
                else:
                    out.extend(finding(code, rel, line, what=what) for code, what in scan.config_problems(body))
            else:
                src = _attr_value(attrs, "src")
                if src is None and body.strip() and (trusted is None or not trusted.matches(body)):
                    out.append(finding("site-active-content", rel, line, what="inline <script> not from the theme"))
                elif src is not None and not _known_script(rel, src, expected):
                    out.append(finding("site-active-content", rel, line, what=f"<script src> {src[:60]}"))
                texts.append(body)
        elif tag == "style":
            out.extend(_css_loads(rel, body, line or 0))
            texts.append(body)
        elif tag in ("iframe", "noscript", "noembed", "noframes", "xmp"):
            if tag == "iframe":
                out.append(finding("site-active-content", rel, line, what="<iframe>"))
            texts.append(html_text(body))
        else:
            texts.append(html.unescape(body))
        return f"<{tag}{attrs}>\n"

    if not same:
        low = page.lower()  # positions differ from the page's: scripts are read from the lower-cased text
    if whole and not has_policy(low):
        out.append(finding("site-no-policy", rel))
    for charset in _charsets(low) if "charset" in low else ():
        if charset not in UTF8:
            out.append(finding("site-unexpected-file", rel, reason=f"페이지가 문자 인코딩을 {charset[:20]}(으)로 밝힙니다",
                               reason_en=f"page declares charset {charset[:20]}"))
    parts: list[str] = []  # the page with each raw element's body taken out (what _RAW.sub(raw, low) gives)
    at = 0
    for start, end, tag, attrs, body_start, body_end in _raw_elements(low):
        parts += (low[at:start], raw(start, tag, attrs, body_start, body_end))
        at = end
    if parts:
        parts.append(low[at:])
        low = "".join(parts)
    said: set[tuple[str, str]] = set()  # (code, what) of the tags' findings
    out.extend(_tags(rel, low, scan, said))
    out.extend(_elements(rel, page, scan, said, built))
    if "<!--" in low:  # each comment's text kept as it is taken out (one pass, not a findall and a sub)
        low = _COMMENT.sub(lambda m: _kept(texts, html.unescape(m.group(1))), low)
    values = with_percent_decoded(attribute_values(low, single=None if whole else True))
    texts.append(values)
    if "-" in values:  # casekit's ids of a body's headings, and the fragments naming them, without their prefix
        texts.append("\n".join(_ANCHOR_TAIL.findall(values)))
    texts.append(html_text(low))
    again = unstruck(low)  # (and without what it strikes through: 박<del>가</del>영수 reads 박영수)
    if again is not None:
        texts.append(html_text(again[0]))
    return out, texts


# the words of an id casekit gives a heading of a body (`r02-…` on a case page, `h-…` on a resource's),
# or of a fragment naming one (`./#r02-…`): read apart too, since after `r02-` a number reads as the
# tail of the digits before the hyphen, not a number of its own (`r02-01000001001` holds a phone)
_ANCHOR_TAIL = re.compile(r"(?:^|#)(?:r[0-9]+|h)-([^\s#]+)", re.MULTILINE)


def has_policy(low: str) -> bool:
    """Whether the lower-cased page holds casekit's policy where a browser applies it to all that follows."""
    return policy_of(low) is not None


def policy_of(low: str) -> str | None:
    """The element of casekit's policy in the lower-cased page, when it stands where a browser
    applies it to all that follows; else None."""
    policy = _POLICY.search(low, 0, 65536)
    return policy.group() if policy is not None and _BEFORE_POLICY.fullmatch(low, 0, policy.start()) else None


def _charsets(low: str) -> list[str]:
    """The encodings a lower-cased page declares: `m.group(1) for m in _CHARSET.finditer(low)`, in
    time linear in the page. A match lies before the next ">" after its "<meta": it is sought
    there, and once one "<meta" finds none there, the others before that ">" are not tried."""
    out = []
    at = 0
    stop = dead = -1  # the next ">" after the last "<meta" tried; "<meta" before `dead` cannot match
    while (meta := _META.search(low, at)) is not None:
        start = meta.start()
        at = start + 1
        if start < dead:
            continue
        if stop < start:
            stop = low.find(">", start)
            stop = len(low) if stop < 0 else stop
        m = _CHARSET.match(low, start, stop)
        if m is None:
            dead = stop
        else:
            out.append(m.group(1))
            at = m.end()
    return out


def _raw_elements(low: str) -> list[tuple[int, int, str, str, int, int]]:
    """The elements whose text is raw (scripts, styles, titles …) in a lower-cased page, left to
    right: (start, end, tag, attributes, start of the body, end of the body) of each match of
    `_RAW.finditer(low)`, in time linear in the page: once an element has no end tag after it,
    no later element of that name is tried (the pattern would scan from each to the end of the
    page and fail)."""
    out = []
    at = 0
    alive: tuple[str, ...] = RAW_TAGS
    opening = _raw_start(alive)
    while (m := opening.search(low, at)) is not None:
        tag = m.group(1)
        head_end = low.find(">", m.end())
        if head_end < 0:  # (no ">" after: nothing from here on is an element)
            break
        end = _RAW_END[tag].search(low, head_end + 1)
        if end is None:
            alive = tuple(name for name in alive if name != tag)
            if not alive:
                break
            opening = _raw_start(alive)
            at = m.start() + 1
            continue
        out.append((m.start(), end.end(), tag, low[m.end():head_end], head_end + 1, end.start()))
        at = end.end()
    return out


@functools.lru_cache(maxsize=64)
def _raw_start(tags: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"<(" + alternation(tags) + r")\b")


def _kept(texts: list[str], text: str) -> str:
    """Nothing, once `text` is added to `texts` (a `sub` that takes out what it keeps)."""
    texts.append(text)
    return ""


class _LineCounter:
    """Line numbers of offsets in `text`, asked in increasing order (the elements of a page, read
    left to right): each counts the line feeds from the one asked before, not from the start."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset, self.line = 0, 1

    def line_at(self, offset: int) -> int:
        if offset < self.offset:
            self.offset, self.line = 0, 1
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _site_script(src: str) -> bool:
    """Whether a <script src> names a script file of the site: no scheme (data:, blob:, another
    host), a path ending in .js. Every .js file of the site is one of the theme's or casekit's
    (the others are findings); any other file a page names as a script (a page, a JSON shard)
    would run with the site's rights: the policy's 'self' allows it."""
    url = clean_url(src)
    path = url.split("#", 1)[0].split("?", 1)[0]
    return not url.startswith("//") and SCHEME.match(url) is None and path.endswith(".js")


def _known_script(rel: str, src: str, expected: Expected) -> bool:
    """Whether a <script src> of the page at site path `rel` names a script the site holds as its
    own: a script file of the site (`_site_script`) that, resolved from the page, stays inside the
    site and is casekit's or one of the theme's (`Expected.known_script`; a path from the top, read
    from the site's). Not a path above the site's top (`../../../x.js`): the host's other files; nor
    a name no file of the theme holds (`extra_javascript: [evil.js]` in mkdocs.yml published
    `<script src="evil.js">` with no such file): whatever is put there later would run with the
    site's rights, the policy's 'self' allowing it."""
    if not _site_script(src):
        return False
    url = unquote(clean_url(src).split("#", 1)[0].split("?", 1)[0]).replace("\\", "/")
    # (a path from the top, as MkDocs writes the 404 page's, served from anywhere: read from the site's top)
    path = posixpath.normpath(url.lstrip("/") if url.startswith("/") else posixpath.join(posixpath.dirname(rel), url))
    if path in (".", "..") or path.startswith("../"):
        return False
    return expected.known_script(path)


def _attr_value(attrs: str, name: str) -> str | None:
    for m in _ATTR.finditer(attrs):
        if m.group(1).lower() == name:
            return html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
    return None


def _tags(rel: str, low: str, scan: Scanner, said: set[tuple[str, str]]) -> Iterator[Finding]:
    """Problems in the tags of a lower-cased page. Every distinct tag (with its attributes) is
    judged once per site; a tag seen before gets the same verdict without being parsed again.
    `said` gets the (code, what) of each finding."""
    tags = set(_TAG_OR_NOT.findall(low))
    new = tags - scan.tags
    read_again = None
    if any(tag[-1] != ">" for tag in new):  # a "<" no ">" ends: the page read again, each part once
        # (a tag seen before ends in ">": the ones that do not are never kept in scan.tags)
        read_again = _whole_tags(low)
        tags = {tag for _, tag in read_again}
        new = tags - scan.tags
    for tag in new:
        problems = tag_problems(tag)
        if problems:
            scan.bad_tags[tag] = problems
    scan.tags |= new
    bad = tags & scan.bad_tags.keys()
    if len(bad) <= MANY_BAD_TAGS:
        first = {tag: low.find(tag) for tag in bad}
    else:  # (where each is first found as a tag, the lines counted in one pass: each looked for
        # from the page's start, thousands of distinct tags would take time growing with the square)
        first = {}
        spans = read_again if read_again is not None else ((m.start(), m.group()) for m in _WHOLE_TAG.finditer(low))
        for start, tag in spans:
            if tag in bad:
                first.setdefault(tag, start)
    counter = _LineCounter(low)
    for tag in sorted(bad, key=first.__getitem__):
        line = counter.line_at(first[tag])
        for code, what in scan.bad_tags[tag]:
            said.add((code, what))
            yield finding(code, rel, line, what=what)


def _whole_tags(low: str) -> list[tuple[int, str]]:
    """(start, tag) of each match of `_WHOLE_TAG.finditer(low)`, in time linear in the page
    whatever it holds. From a "<" no ">" ends, the pattern reads to the end of the page (or to a
    quote never closed), fails, and tries again from the next "<": on a page of "<a" repeated,
    the time grows with the square of its size. Here what one attempt read is remembered: from a
    ">" or quote reached outside quotes, every attempt goes on alike, so each is followed once."""
    out = []
    ends: dict[int, int] = {}  # a ">" or quote reached outside quotes -> where the tag ends (-1: it does not)
    size = len(low)
    stop = -1  # the first ">" or quote at or after the last tag name's letter
    at = 0
    while (m := _TAG_START.search(low, at)) is not None:
        start = m.start()
        if stop < start + 2:
            found = _TAG_STOP.search(low, start + 2)
            stop = found.start() if found is not None else size
        j, path, end = stop, [], -1
        while j < size:
            known = ends.get(j)
            if known is not None:
                end = known
                break
            path.append(j)
            if low[j] == ">":
                end = j + 1
                break
            close = low.find(low[j], j + 1)  # the quote's closing one
            if close < 0:
                break
            found = _TAG_STOP.search(low, close + 1)
            j = found.start() if found is not None else size
        for p in path:
            ends[p] = end
        if end < 0:
            at = start + 1
        else:
            out.append((start, low[start:end]))
            at = end
    return out


def _elements(rel: str, page: str, scan: Scanner, said: set[tuple[str, str]],
              built: set[Element] | None = None) -> Iterator[Finding]:
    """Problems in the elements of a page as a browser builds them (`casekit.site.elements`: an
    HTML5 parser's tokenizer and tree construction). The patterns of `_tags` read a tag generously
    but not as the tokenizer does: a quote opens a value only after "=" (`<img " src=x onerror=…>`
    is an element with a handler), a comment ends at its first "-->" whatever it holds, and in
    `<svg>` or `<math>` a `<style>` holds markup. What the patterns missed is found here (`said`:
    what they found on this page); the line is not known (the parser keeps no positions).
    `built`: the page's elements when the caller has them."""
    if built is None:
        built = elements(page)
    if built is None:
        yield finding("site-unexpected-file", rel, reason=f"감사가 {SECONDS}초 안에 브라우저처럼 읽지 못했습니다(요소가 너무 깊이 겹쳐 있나요?)",
                      reason_en=f"the audit could not read it as a browser does within {SECONDS} s (elements nested too deep?)")
        return
    problems: list[tuple[str, str]] = []
    judged = scan.elements
    for key in built:
        if key[1] or key[0] in ACTIVE_TAGS or key[0] in REORDERING_TAGS:
            found = judged.get(key)
            if found is None:
                found = judged[key] = element_problems(*key)
            problems += found
    for code, what in sorted(set(problems)):
        if (code, what) not in said:
            yield finding(code, rel, None, what=what)


def element_problems(name: str, attrs: tuple[tuple[str, str | None], ...]) -> list[tuple[str, str]]:
    """(code, what) for everything wrong with one element as the parser built it (attribute
    values decoded, names as the tokenizer ended them); judged as `tag_problems` judges a tag."""
    name = name.lower()
    out = tag_name_problems(name)
    joined = " ".join(f"{key}={value}" for key, value in attrs).lower()
    for key, value in attrs:
        if value is not None:
            problem = attribute_problem(name, key.lower(), value.lower(), joined)
            if problem is not None:
                out.append(problem)
    return out


def _css_loads(rel: str, css: str, line: int) -> Iterator[Finding]:
    for host in css_outside_hosts(css):
        yield finding("site-outside-load", rel, line or None, what=f"CSS {host}")
