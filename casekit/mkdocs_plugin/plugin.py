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
  need and risk pages out of it, so the sidebar stays small with thousands of cases).
- on_page_content: puts the pages' HTML blocks in place, removes anything a browser would fetch
  from another host, and stops the build if any x-sensitive value of the casebook shows up on a
  page (`guard.Guard`) - including places the core's per-case check cannot see.
- on_post_build: writes casekit's Korean search index and worker into the built site
  (`casekit.site.search_index.build_search_index`; Material's search box talks to that worker).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from casekit.core.casebook import Report, check
from casekit.mkdocs_plugin.config import CasekitConfig
from casekit.mkdocs_plugin.guard import Guard, strip_external_loads
from casekit.mkdocs_plugin.model import build_site, sensitive_needles
from casekit.mkdocs_plugin.pages import all_pages, fill_blocks

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
        self.guard: Guard | None = None
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
        self.guard = Guard(sensitive_needles(report))
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
        if not (self.config.enabled and self.config.korean_search):
            return
        if not any(name in config.plugins for name in ("search", "material/search")):
            return
        from casekit.site.search_index import build_search_index

        stats = build_search_index(config.site_dir)
        log.info("casekit: 한국어 검색 색인 — 페이지 %d쪽, 검색어 %d개, 조각 %d+%d개 (%d바이트)", stats["pages"],
                 stats["terms"], stats["term_shards"], stats["doc_shards"], stats["index_bytes"])

    # -- privacy -------------------------------------------------------------
    @event_priority(-100)  # after other plugins changed the content, before search indexes it
    def on_page_content(self, html: str, /, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        blocks = self.blocks.pop(page.file.src_uri, None)
        if blocks and page.file.generated_by is not None:
            html = fill_blocks(html, blocks)
        html, blocked = strip_external_loads(html)
        for url in blocked:
            log.warning("casekit: %s: 외부에서 불러오는 자료를 뺐습니다 (external resource removed): %s",
                        page.file.src_uri, url)
        if self.guard is not None:
            hits = self.guard.find(html)
            if page.title:
                hits += self.guard.find(str(page.title))
            if hits:
                where = ", ".join(sorted({f"{src} ({field})" for src, field in hits}))
                raise PluginError(
                    f"casekit: 페이지 {page.file.src_uri}에 민감 정보(x-sensitive)가 들어 있어 빌드를 멈춥니다: "
                    f"{where}. 본문이나 다른 기록에 그 값을 적지 마세요. "
                    f"(a value of an x-sensitive field appears on this page; the value itself is not shown)"
                )
        return html


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

