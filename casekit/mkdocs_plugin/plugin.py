"""The `casekit` MkDocs plugin: check the casebook, refuse on errors, generate its pages.

    plugins:
      - search
      - casekit:
          today: 2026-11-20     # optional: fixed 기준일 for reproducible builds

The casebook root is the folder of mkdocs.yml. What the plugin does, event by event:

- on_config: adds its stylesheet (a local file) and its theme templates (no generator meta tag,
  no-referrer/noindex meta tags, a Korean 404 page), and the Markdown extensions its pages use.
- on_files: runs `casekit.core.casebook.check` - the same check as `casekit check` - and raises
  PluginError listing the first errors (path:line:col) while any error remains; otherwise adds
  every page as a generated file (home, lists and indexes in the nav; case, resource, worker,
  need and risk pages out of it, so the sidebar stays small with thousands of cases). Of docs/
  only what `casekit.core.docs.scan_docs` allows is published (its pages with the text it read,
  its checked images and PDFs); every other file MkDocs found there is dropped, never read.
- on_page_markdown / on_page_content: privacy on each page (`guard.secure_page`): front-matter
  strings escaped, HTML from records and docs sanitized (`casekit.site.sanitize`), titles and
  table of contents plain text, given names masked; then the pages' HTML blocks put in place.
- on_post_build: adds the Korean search field to Material's search index (`casekit.search_ko`),
  then `casekit.site.audit.finish_site`: a Content-Security-Policy in every page, every file
  world-readable, and the audit of every output file; any finding fails the build.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from casekit.core.casebook import Report, check
from casekit.core.docs import scan_docs
from casekit.core.findings import Finding
from casekit.core.sensitive import SensitiveIndex
from casekit.mkdocs_plugin import guard
from casekit.mkdocs_plugin.config import CasekitConfig
from casekit.mkdocs_plugin.model import build_site, sensitive_needles
from casekit.mkdocs_plugin.pages import all_pages
from casekit.site.audit import Expected, docs_assets, docs_site_path, finish_site

log = logging.getLogger("mkdocs.plugins.casekit")

HERE = Path(__file__).resolve().parent
CSS_URI = "assets/casekit/casekit.css"
# Markdown extensions the generated pages rely on (added when mkdocs.yml does not list them)
NEEDED_EXTENSIONS = ("toc", "tables", "attr_list")
WATCHED = ("cases", "resources", "schemas", "templates", "casekit.yml")


class CasekitPlugin(BasePlugin[CasekitConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.root: Path | None = None
        self.index: SensitiveIndex | None = None
        self.docs_assets: dict[str, Path] = {}
        self.generated: set[str] = set()
        self.blocks: dict[str, tuple[str, ...]] = {}

    # -- configuration -------------------------------------------------------
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        for ext in NEEDED_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        # column alignment as an attribute the sanitizer keeps, not a style attribute it drops
        config.mdx_configs.setdefault("tables", {})["use_align_attribute"] = True
        if CSS_URI not in [str(x) for x in config.extra_css]:
            config.extra_css.append(CSS_URI)
        # our templates sit just above the theme's own (a casebook's custom_dir still wins)
        templates = str(HERE / "templates")
        dirs = config.theme.dirs
        if templates not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, templates)
        return config

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled and self.root is not None:
            for name in WATCHED:
                if (self.root / name).exists():
                    server.watch(str(self.root / name))
        return server

    # -- pages ---------------------------------------------------------------
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        assert self.root is not None
        report = check(self.root, keep=True)
        if report.errors:
            raise PluginError(refusal(report, self.config.max_findings))
        today = self.config.today or dt.date.today()
        site = build_site(report, today, self.config.caseload_limit)
        self.index = SensitiveIndex(sensitive_needles(report))
        self.docs_assets = publish_docs(self.root, files, config)
        self.generated = set()
        self.blocks = {}
        for page in all_pages(site):
            self._add(files, config, page.src_uri, page.markdown,
                      InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV)
            self.blocks[page.src_uri] = page.blocks
        self._add(files, config, CSS_URI, (HERE / "assets" / "casekit.css").read_text(encoding="utf-8"),
                  InclusionLevel.INCLUDED)
        log.info(
            "casekit: 사례 %d건, 자원 %d곳, 기록 %d개 검사 통과 (경고 %d건) — 페이지 %d개 생성, 기준일 %s",
            len(site.cases), len(site.resources), report.files, site.warnings, len(self.generated), today,
        )
        return files

    def _add(self, files: Files, config: MkDocsConfig, uri: str, content: str, inclusion: InclusionLevel) -> None:
        existing = files.get_file_from_path(uri)
        if existing is not None:
            log.warning("casekit: docs/%s 대신 사례집이 만든 페이지를 씁니다 (this path belongs to the casebook)", uri)
            files.remove(existing)
        files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        self.generated.add(uri)

    @event_priority(-100)  # after the search plugin has written search/search_index.json
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        from casekit.search_ko import expand_search_index

        stats = expand_search_index(config.site_dir)
        if stats["entries"]:
            log.info("casekit: 한국어 검색 색인 %d항목 (%d → %d바이트)", stats["entries"], stats["bytes_before"],
                     stats["bytes_after"])
        assert self.root is not None and self.index is not None
        expected = Expected.for_theme([Path(d) for d in config.theme.dirs], docs_assets=self.docs_assets)
        findings = finish_site(Path(config.site_dir), self.index, expected)
        if findings:
            raise PluginError(audit_refusal(findings, self.config.max_findings))

    # -- privacy -------------------------------------------------------------
    def on_page_markdown(self, markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if self.config.enabled:
            page.meta = guard.escape_meta(page.meta)
        return None

    @event_priority(-100)  # after other plugins changed the content, before search indexes it
    def on_page_content(self, html: str, /, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        blocks = self.blocks.pop(page.file.src_uri, ())
        return guard.secure_page(page, html, blocks, self.index)


def publish_docs(root: Path, files: Files, config: MkDocsConfig) -> dict[str, Path]:
    """Keep in `files` only the docs/ pages and assets `scan_docs` allows (pages with the text it
    read, so nothing is opened twice); drop every other file MkDocs found in docs/ (links out,
    FIFOs, text and settings files, backups) before anything reads it. Returns the kept assets."""
    scan = scan_docs(root)
    pages = {docs_site_path(rel): text for rel, text in scan.pages}
    assets = docs_assets(root, scan.assets)
    docs_dir = os.path.normpath(config.docs_dir)
    kept: dict[str, Path] = {}
    for f in list(files):
        if f.generated_by is not None or f.src_dir is None or os.path.normpath(f.src_dir) != docs_dir:
            continue  # casekit's pages, the theme's files
        if f.src_uri in pages:
            f.content_string = pages[f.src_uri]
        elif f.src_uri in assets:
            kept[f.src_uri] = assets[f.src_uri]
        else:
            files.remove(f)
            log.warning("casekit: docs/%s 은 게시하지 않습니다 (not published: not allowed by the docs policy)",
                        f.src_uri)
    return kept


def audit_refusal(findings: list[Finding], limit: int) -> str:
    lines = [f"casekit: 만들어진 사이트에서 문제가 {len(findings)}건 나와 빌드를 멈춥니다. 이 사이트 폴더를 게시하지 마세요 "
             f"(the audit of the built site found {len(findings)} problem(s); do not publish this folder):"]
    for f in findings[:limit]:
        lines.append(f"  {f.path}" + (f":{f.line}" if f.line else "") + f": [{f.code}] {f.message_ko}")
    if len(findings) > limit:
        lines.append(f"  … 외 {len(findings) - limit}건 (and {len(findings) - limit} more)")
    return "\n".join(lines)


def refusal(report: Report, limit: int) -> str:
    errors = report.errors
    lines = [f"casekit: 사례집에 오류가 {len(errors)}건 있어 사이트를 만들지 않습니다 "
             f"(the casebook has {len(errors)} error(s); the site is not built):"]
    for f in errors[:limit]:
        where = f.path + (f":{f.line}" if f.line else "") + (f":{f.column}" if f.line and f.column else "")
        lines.append(f"  {where}: [{f.code}] {f.message_ko}")
    if len(errors) > limit:
        lines.append(f"  … 외 {len(errors) - limit}건 (and {len(errors) - limit} more)")
    lines.append("`casekit check`로 모든 오류를 확인하고 고친 뒤 다시 빌드하세요 (run `casekit check` to see and fix them).")
    return "\n".join(lines)

