"""The `casekit` MkDocs plugin: `mkdocs build` / `mkdocs serve` (and ProperDocs) over casekit.site.

    plugins:
      - search
      - casekit:
          today: 2026-11-20     # optional: fixed 기준일 for reproducible builds

`casekit build` needs no plugin (it writes the pages to a build folder and runs any generator);
this adapter hands MkDocs the very same pages, event by event:

- on_config: casekit's stylesheet, templates and the Markdown extensions the pages use.
- on_files: `casekit.core.casebook.check` - the same check as `casekit check` - refuses while any
  error remains (PluginError listing them); otherwise every page `casekit.site.generate` makes is
  added as a generated file (lists in the nav, case pages out of it).
- on_page_content: the casebook's own docs/ pages: external loads out, sensitive values stop it.
- on_post_build: `casekit.site.build.POST_BUILD`, the steps `casekit build` runs too
  (Korean search index and worker, external loads, sensitive values in the output).
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
from casekit.site.build import BuildContext, post_build, refusal, sensitive_needles
from casekit.site.generate import CSS_FILE, CSS_URI, NEEDED_EXTENSIONS, TEMPLATES, generate

log = logging.getLogger("mkdocs.plugins.casekit")

WATCHED = ("cases", "resources", "schemas", "templates", "casekit.yml")

__all__ = ["CasekitPlugin", "refusal"]


class CasekitPlugin(BasePlugin[CasekitConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.root: Path | None = None
        self.report: Report | None = None
        self.today: dt.date | None = None
        self.guard: Guard | None = None
        self.generated: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        if self.config.caseload_limit is not None:
            log.warning("casekit: caseload_limit 옵션은 더 쓰지 않습니다. casekit.yml의 caseload: {limit: …}에 "
                        "적으세요 (deprecated: set caseload.limit in casekit.yml)")
        for ext in NEEDED_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        if CSS_URI not in [str(x) for x in config.extra_css]:
            config.extra_css.append(CSS_URI)
        # our templates sit just above the theme's own (a casebook's custom_dir still wins)
        dirs = config.theme.dirs
        if str(TEMPLATES) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        return config

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled and self.root is not None:
            for name in WATCHED:
                if (self.root / name).exists():
                    server.watch(str(self.root / name))
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        assert self.root is not None
        report = check(self.root, keep=True)
        if report.errors:
            raise PluginError(refusal(report, self.config.max_findings))
        self.report = report
        self.today = self.config.today or dt.date.today()
        if self.config.caseload_limit is not None:  # deprecated alias of casekit.yml caseload.limit
            report.config.caseload["limit"] = self.config.caseload_limit
        made = generate(report, self.today)
        self.guard = Guard(sensitive_needles(report))
        self.generated = set()
        for note in made.site.notes:  # e.g. no git history: no "마지막 변경" on the records
            log.info("casekit: %s", note)
        for rel, what in made.removed:
            log.warning("casekit: %s: 외부에서 불러오는 자료를 뺐습니다 (external resource removed): %s", rel, what)
        for page in made.pages:
            self._add(files, config, page.src_uri, page.markdown,
                      InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV)
        self._add(files, config, CSS_URI, CSS_FILE.read_text(encoding="utf-8"), InclusionLevel.INCLUDED)
        log.info("casekit: 사례 %d건, 자원 %d곳, 기록 %d개 검사 통과 (경고 %d건) — 페이지 %d개 생성, 기준일 %s",
                 len(made.site.cases), len(made.site.resources), report.files, made.site.warnings,
                 len(self.generated), self.today)
        return files

    def _add(self, files: Files, config: MkDocsConfig, uri: str, content: str, inclusion: InclusionLevel) -> None:
        existing = files.get_file_from_path(uri)
        if existing is not None:
            log.warning("casekit: docs/%s 대신 사례집이 만든 페이지를 씁니다 (this path belongs to the casebook)", uri)
            files.remove(existing)
        files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        self.generated.add(uri)

    @event_priority(-100)  # after other plugins changed the content, before search indexes it
    def on_page_content(self, html: str, /, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
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

    @event_priority(-100)  # after the search plugin has written search/search_index.json
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.root is None or self.report is None or self.today is None:
            return
        ctx = BuildContext(self.root, self.report, Path(config.site_dir), "mkdocs", self.today)
        findings = post_build(ctx)
        for note in ctx.notes:
            log.info("casekit: %s", note)
        for f in findings:
            if f.severity != "error":
                log.warning("casekit: %s: [%s] %s", f.path, f.code, f.message_ko)
        errors = [f for f in findings if f.severity == "error"]
        if errors:
            raise PluginError("casekit: 만든 사이트가 검사를 통과하지 못했습니다 (the built site failed its checks):\n"
                              + "\n".join(f"  {f.path}: [{f.code}] {f.message_ko}" for f in errors))
