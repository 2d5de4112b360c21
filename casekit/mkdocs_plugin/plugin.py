"""The `casekit` MkDocs plugin: a thin adapter over `casekit.site` for `mkdocs build`/`serve`.

    plugins:
      - search
      - casekit:
          today: 2026-11-20     # optional: fixed 기준일 for reproducible builds

The casebook root is the folder of mkdocs.yml. What the plugin does, event by event:

- on_config: casekit's stylesheet, templates and the Markdown extensions the pages use (table
  alignment as an attribute the sanitizer keeps).
- on_files: `casekit.core.casebook.check` - the same check as `casekit check` - refuses while any
  error remains (PluginError listing them); otherwise every page `casekit.site.generate` makes is
  added as a generated file (lists in the nav, case pages out of it). Of docs/ only what
  `casekit.core.docs.scan_docs` allows is published (its pages with the text it read, its checked
  images and PDFs); every other file MkDocs found there is dropped, never read.
- on_page_markdown / on_page_content: privacy on the casebook's own docs/ pages
  (`guard.secure_page`): front-matter strings escaped, their HTML sanitized
  (`casekit.site.sanitize`), titles and table of contents plain text, given names masked.
  casekit's generated pages were sanitized when they were made.
- on_post_build: `casekit.site.build.POST_BUILD`, the steps `casekit build` runs too: the Korean
  search index, then a Content-Security-Policy in every page, world-readable files and the audit
  of every output file (`casekit.site.audit.finish_site`); any finding fails the build.

`casekit build` runs the generator with this plugin in `pages: false` mode: the pages are already
made, so only the privacy of the docs/ pages it names is left to do here.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page as MkPage

from casekit.core import clock
from casekit.core.links import LEFT, addresses_rewritten
from casekit.mkdocs_plugin import guard
from casekit.mkdocs_plugin.config import CasekitConfig
from casekit.site.html import hrefs_placed, place_url
from casekit.site.sandboxed import sandbox
from casekit.site.sanitize import plain_headings
from casekit.site.theme_files import CSS_FILE, CSS_URI, JS_FILE, JS_URI, NEEDED_EXTENSIONS, TEMPLATES

if TYPE_CHECKING:
    from collections.abc import Collection

    from casekit.core.casebook import Report
    from casekit.core.sensitive import SensitiveIndex

# The checker, the page maker and the audit are imported where a `pages: true` build (`mkdocs build`,
# `mkdocs serve`) first needs them. `casekit build` runs the generator with `pages: false` in a process
# of its own for every build, where they are never called: imported at the top, they took an eighth of
# that process's time (the sample's: 1.15 s with them, 1.00 s without).


log = logging.getLogger("mkdocs.plugins.casekit")

WATCHED = ("cases", "resources", "schemas", "templates", "casekit.yml")

__all__ = ["CasekitPlugin"]


class CasekitPlugin(BasePlugin[CasekitConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.root: Path | None = None
        self.report: Report | None = None
        self.today: dt.date | None = None
        self.index: SensitiveIndex | None = None
        self.docs_assets: dict[str, Path] = {}
        self.generated: set[str] = set()
        self.docs_links: dict[str, dict[str, str]] = {}  # see CasekitConfig.docs_links

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        if self.config.pages:  # (MkDocs empties site_dir after this event, before on_files' check could refuse;
            # `casekit build`, pages: false, builds into its own folder and checked the site folder itself)
            from casekit.site.build import UnsafeSiteDir, safe_site_dir

            try:
                safe_site_dir(self.root, Path(os.path.abspath(config.site_dir)), "mkdocs.yml site_dir")
            except UnsafeSiteDir as exc:
                raise PluginError(str(exc)) from None
        if self.config.caseload_limit is not None:
            log.warning("casekit: caseload_limit 옵션은 더 쓰지 않습니다. casekit.yml의 caseload: {limit: …}에 "
                        "적으세요 (deprecated: set caseload.limit in casekit.yml)")
        for ext in NEEDED_EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        # column alignment as an attribute the sanitizer keeps, not a style attribute it drops
        config.mdx_configs.setdefault("tables", {})["use_align_attribute"] = True
        if CSS_URI not in [str(x) for x in config.extra_css]:
            config.extra_css.append(CSS_URI)
        if JS_URI not in [str(x) for x in config.extra_javascript]:
            config.extra_javascript.append(JS_URI)
        # the theme's templates (a casebook's custom_dir among them) rendered in Jinja's sandbox, as `casekit build`
        # renders them (casekit.site.sandboxed): a template in the casebook runs no code on the build machine
        sandbox(type(config.theme).__module__.split(".")[0])
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
        if not (self.config.enabled and self.config.pages):
            return None
        assert self.root is not None
        from casekit.core.casebook import check
        from casekit.core.links import docs_link_places
        from casekit.core.sensitive import SensitiveIndex
        from casekit.core.workers import no_gc
        from casekit.site.audit import docs_site_path
        from casekit.site.build import held_images, refusal, sensitive_needles, warnings_note
        from casekit.site.generate import generate

        with no_gc():  # the report and the pages made without the collector's passes (see build.collector_paused)
            report = check(self.root, keep=True)
            if report.errors:
                raise PluginError(refusal(report, self.config.max_findings))
            self.report = report
            self.today = self.config.today or clock.today()
            if self.config.caseload_limit is not None:  # deprecated alias of casekit.yml caseload.limit
                report.config.caseload["limit"] = self.config.caseload_limit
            self.index = SensitiveIndex(sensitive_needles(report))
            self.docs_assets, docs_pages = publish_docs(self.root, files, config, held_images(report))
            made = generate(report, self.today, index=self.index)
            self.docs_links = {docs_site_path(rel): placed
                               for rel, placed in docs_link_places(docs_pages, report.docs_published, made.site.targets).items()}
        self.generated = set()
        for note in made.site.notes:  # e.g. no git history: no "마지막 변경" on the records
            log.info("casekit: %s", note)
        for line in warnings_note(report)[1:]:  # (the values published unmasked; the count is said below)
            log.warning("casekit: %s", line.strip())
        for page in made.pages:
            self._add(files, config, page.src_uri, page.markdown,
                      InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV)
        self._add(files, config, CSS_URI, CSS_FILE.read_text(encoding="utf-8"), InclusionLevel.INCLUDED)
        self._add(files, config, JS_URI, JS_FILE.read_text(encoding="utf-8"), InclusionLevel.INCLUDED)
        log.info("casekit: 사례 %d건, 자원 %d곳, 기록 %d개 검사 통과 (경고 %d건) — 페이지 %d개 생성, 기준일 %s",
                 len(made.site.cases), len(made.site.resources), made.site.files.records, made.site.warnings,
                 len(self.generated), self.today)
        return files

    def _add(self, files: Files, config: MkDocsConfig, uri: str, content: str, inclusion: InclusionLevel) -> None:
        existing = files.get_file_from_path(uri)
        if existing is not None:
            log.warning("casekit: docs/%s 대신 사례집이 만든 페이지를 씁니다 (this path belongs to the casebook)", uri)
            files.remove(existing)
        files.append(File.generated(config, uri, content=content, inclusion=inclusion))
        self.generated.add(uri)

    # -- privacy -------------------------------------------------------------
    def on_page_markdown(self, markdown: str, /, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if self.config.enabled:
            page.meta = guard.escape_meta(page.meta)
            missing = guard.missing_theme_file(page.meta, config.theme.get_env())
            if missing is not None:  # (the theme would stop the build with Jinja's traceback)
                key, value = missing
                raise PluginError(
                    f"{page.file.src_uri}의 머리말 '{key}: {value}'이(가) 가리키는 것이 테마에 없습니다. 지우거나 테마에 "
                    f"있는 이름을 쓰세요 ({page.file.src_uri}: the {key} its front matter names is not the theme's: "
                    f"remove it or name one the theme has)")
            if self._people_wrote(page):  # no anchor made of a <script> in a heading (sanitize.plain_headings)
                placed = self.docs_links.get(page.file.src_uri) if self.config.pages else None
                if placed:  # its links to records, cases, resources written where they lead (casekit build did so)
                    markdown = addresses_rewritten(markdown, functools.partial(place_url, placed, page_folder(page.url), LEFT))
                return plain_headings(markdown)
        return None

    @event_priority(-100)  # after other plugins changed the content, before search indexes it
    def on_page_content(self, html: str, /, *, page: MkPage, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or not self._people_wrote(page):
            return None
        html = guard.secure_page(page, html, self.index)
        placed = (self.docs_links if self.config.pages else self.config.docs_links).get(page.file.src_uri)
        if placed:  # its links to a record, a case or a resource, which the generator cannot resolve
            html = hrefs_placed(html, page_folder(page.url), placed.get, LEFT)
        return html

    def _people_wrote(self, page: MkPage) -> bool:
        """A page whose HTML people wrote (a docs/ page), not one casekit generated and sanitized."""
        if self.config.pages:
            return page.file.src_uri not in self.generated
        return page.file.src_uri in self.config.docs_pages

    @event_priority(-100)  # after the search plugin has written search/search_index.json
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.root is None or self.report is None or self.today is None:
            return
        from casekit.site.build import BuildContext, post_build

        ctx = BuildContext(self.root, self.report, Path(config.site_dir), "mkdocs", self.today,
                           theme_dirs=[Path(d) for d in config.theme.dirs], docs_assets=self.docs_assets,
                           index=self.index)
        findings = post_build(ctx)
        for note in ctx.notes:
            log.info("casekit: %s", note)
        for f in findings:
            if f.severity != "error":
                log.warning("casekit: %s: [%s] %s", f.path, f.code, f.message_ko)
        errors = [f for f in findings if f.severity == "error"]
        if errors:
            raise PluginError(audit_refusal(errors, self.config.max_findings))


def page_folder(url: str) -> str:
    """The site folder (`guide/`, `""` for the root) a page at `url` (`guide/`, `a/b.html`) is read from."""
    if not url or url.endswith("/"):
        return url
    return url.rsplit("/", 1)[0] + "/" if "/" in url else ""


def publish_docs(root: Path, files: Files, config: MkDocsConfig,
                 held: Collection[str] = ()) -> tuple[dict[str, Path], list[tuple[str, str]]]:
    """Keep in `files` only the docs/ pages and assets `scan_docs` allows (pages with the text it
    read, so nothing is opened twice); drop every other file MkDocs found in docs/ (links out,
    FIFOs, text and settings files, backups) and the images of restricted cases (`held`,
    casekit.site.build.held_images) before anything reads it. Returns the kept assets, and the
    pages published ((casebook path, text))."""
    from casekit.core.docs import scan_docs
    from casekit.site.audit import docs_assets, docs_site_path

    scan = scan_docs(root)
    pages = {docs_site_path(rel): (rel, text) for rel, text in scan.pages}
    assets = docs_assets(root, [rel for rel in scan.assets if rel not in held])
    docs_dir = os.path.normpath(config.docs_dir)
    kept: dict[str, Path] = {}
    published: list[tuple[str, str]] = []
    for f in list(files):
        if f.generated_by is not None or f.src_dir is None or os.path.normpath(f.src_dir) != docs_dir:
            continue  # casekit's pages, the theme's files
        if f.src_uri in pages:
            f.content_string = pages[f.src_uri][1]
            published.append(pages[f.src_uri])
        elif f.src_uri in assets:
            kept[f.src_uri] = assets[f.src_uri]
        else:
            files.remove(f)
            log.warning("casekit: docs/%s 은 게시하지 않습니다 (not published: not allowed by the docs policy)",
                        f.src_uri)
    return kept, published


def audit_refusal(findings: list[Any], limit: int) -> str:
    lines = [f"casekit: 만들어진 사이트에서 문제가 {len(findings)}건 나와 빌드를 멈춥니다. 이 사이트 폴더를 게시하지 마세요 "
             f"(the audit of the built site found {len(findings)} problem(s); do not publish this folder):"]
    for f in findings[:limit]:
        lines.append(f"  {f.path}" + (f":{f.line}" if f.line else "") + f": [{f.code}] {f.message_ko}")
    if len(findings) > limit:
        lines.append(f"  … 외 {len(findings) - limit}건 (and {len(findings) - limit} more)")
    return "\n".join(lines)
