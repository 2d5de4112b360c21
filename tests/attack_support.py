"""The attack corpus (tests/attacks/<name>/): apply an attack to a copy of the sample, build it for
real, and inspect the output independently of casekit's own audit (a stdlib HTML parser).

Used by tests/test_attacks.py (every attack, every check) and tests/test_csp_browser.py (every
page of every attacked build in Chromium). The folder format is in tests/attacks/README.md.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import runpy
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

try:  # `python -m pytest` from the repository root puts it on sys.path
    from tests.conftest import copy_casebook
except ImportError:  # pragma: no cover
    from conftest import copy_casebook  # type: ignore[no-redef]

ATTACKS = Path(__file__).resolve().parent / "attacks"


def attack_names() -> list[str]:
    return sorted(p.name for p in ATTACKS.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def expectation(name: str) -> dict[str, Any]:
    path = ATTACKS / name / "expect.json"
    if not path.is_file():
        raise AssertionError(f"tests/attacks/{name}/expect.json is missing: say what the build must do")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def never(name: str) -> list[str]:
    path = ATTACKS / name / "never.txt"
    if not path.is_file():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line]


def apply(name: str, root: Path) -> None:
    """The attack's edits and make.py, applied to the casebook copy at `root`."""
    folder = ATTACKS / name
    edits_file = folder / "edits.json"
    edits = json.loads(edits_file.read_text(encoding="utf-8")) if edits_file.is_file() else []
    for edit in edits:
        path = root / edit["file"]
        if "write" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit["write"], encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        if "replace" in edit:
            old, new = edit["replace"]
            assert old in text, f"{name}: {edit['file']} does not contain {old!r}"
            text = text.replace(old, new, 1)
        elif "replace_re" in edit:
            pattern, new = edit["replace_re"]
            text, n = re.subn(pattern, lambda _m, new=new: new, text, count=1)
            assert n == 1, f"{name}: {edit['file']} does not match {pattern!r}"
        else:
            text += edit["append"]
        path.write_text(text, encoding="utf-8")
    make = folder / "make.py"
    if make.is_file():
        runpy.run_path(str(make), run_name="casekit_attack")["make"](root)


@dataclass
class Built:
    name: str
    casebook: Path
    site: Path
    returncode: int
    output: str


def build_attack(name: str, tmp: Path, *, timeout: float = 180) -> Built:
    """Copy the sample into `tmp`, apply attack `name`, run a real `mkdocs build` (a subprocess,
    under the attack's umask); a build that hangs fails the test through the timeout."""
    casebook = copy_casebook(tmp / "casebook")
    apply(name, casebook)
    site = tmp / "site"
    umask = expectation(name).get("umask")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(casebook / "mkdocs.yml"),
           "--site-dir", str(site)]

    def preexec() -> None:
        if umask:
            os.umask(int(umask, 8))

    proc = subprocess.run(cmd, cwd=casebook, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, preexec_fn=preexec, check=False)
    return Built(name, casebook, site, proc.returncode, proc.stdout + proc.stderr)


def site_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def raw_texts(site: Path) -> dict[str, str]:
    """Every output file as text (the gzipped sitemap decompressed), by relative path."""
    out = {}
    for path in site_files(site):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data.decode("utf-8", "replace")
    return out


# --- an inspection of built pages that shares no code with casekit.site.audit -------------------

LOADING = {"src", "srcset", "data", "poster", "background", "action", "formaction", "xlink:href", "lowsrc",
           "dynsrc", "codebase", "manifest", "ping", "imagesrcset"}
ACTIVE = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}


def _loads_from_outside(url: str) -> bool:
    url = re.sub(r"[\t\n\r]", "", url.strip()).replace("\\", "/")
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return bool(parts.scheme) and parts.scheme.lower() not in {"data", "blob"} and ":" in url.split("/")[0]


class PageInspector(HTMLParser):
    """What a page would run or load, read with Python's own HTML parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.inline_scripts: list[str] = []
        self.ids: list[str] = []
        self.metas: list[dict[str, str | None]] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self.metas.append(dict(attrs))
            if a.get("http-equiv", "").lower() == "refresh":
                self.problems.append("meta refresh")
        if tag in ACTIVE:
            self.problems.append(f"<{tag}>")
        if "id" in a:
            self.ids.append(a["id"])
        for key, value in a.items():
            if key.startswith("on"):
                self.problems.append(f"<{tag} {key}>")
            # as a browser reads a URL: outer white space and controls dropped, tabs and newlines inside too
            url = re.sub(r"[\t\n\r]", "", value.strip(" \t\n\r\f\x00"))
            scheme = url.split(":", 1)[0].lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url) else ""
            if key in {"href", "src", "action", "formaction", "data", "xlink:href"} and scheme in {"javascript", "vbscript"}:
                self.problems.append(f"<{tag} {key}=javascript>")
            if key == "href" and scheme == "data":
                self.problems.append(f"<{tag} href=data:>")
            if key in {"srcdoc", "style"} and ("//" in value or "url(" in value.lower() or "\\" in value):
                self.problems.append(f"<{tag} {key}> with a URL")
            if key in LOADING or (key == "href" and tag not in {"a", "area"}):
                candidates = [c.strip().split(" ")[0] for c in value.split(",")] if "srcset" in key else [value]
                for c in candidates:
                    if _loads_from_outside(c):
                        self.problems.append(f"<{tag} {key}> loads {c[:60]}")
        if tag == "script" and "src" not in a and a.get("type", "") not in {"application/json"}:
            self._script = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None


def inspect_page(text: str) -> PageInspector:
    p = PageInspector()
    p.feed(text)
    p.close()
    return p


def script_shape(script: str) -> str:
    """An inline script with its page-relative base URL blanked (it differs by folder depth)."""
    return re.sub(r'new URL\("[./]*"', 'new URL("~"', script)
