"""The files casekit adds to every casebook site, by where they live and where the site serves them.

A module of names only: the MkDocs plugin reads them in the generator's process, which `casekit
build` starts for every build, and importing `casekit.site.generate` there (the whole checker and
composer) took an eighth of that process's time for pages it does not make."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
CSS_URI = "assets/casekit/casekit.css"
CSS_FILE = HERE / "assets" / "casekit.css"
JS_URI = "assets/casekit/casekit.js"  # the print date (출력일); a local file, no inline script
JS_FILE = HERE / "assets" / "casekit.js"
TEMPLATES = HERE / "templates"
# Markdown extensions the generated pages rely on (added when mkdocs.yml does not list them)
NEEDED_EXTENSIONS = ("toc", "tables", "attr_list")
