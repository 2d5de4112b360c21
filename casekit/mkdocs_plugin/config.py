"""Options of the `casekit` MkDocs plugin (all optional)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c


class _Date(c.OptionallyRequired[dt.date]):
    """A calendar date, written `YYYY-MM-DD` (quoted or not)."""

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise base.ValidationError(f"YYYY-MM-DD 형식의 날짜가 아닙니다 (not a date): {value!r}")


class CasekitConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # 기준일: the day "overdue" and "due soon" are counted from; empty = the day of the build.
    # Fix it for reproducible builds and tests.
    today = c.Optional(_Date())
    # Deprecated: the caseload limit is set in casekit.yml (`caseload: {limit: 20}`); when given
    # here it still wins, with a warning.
    caseload_limit = c.Optional(c.Type(int))
    # How many findings the refusal message lists before "… and N more".
    max_findings = c.Type(int, default=20)
    # Korean search (casekit.site.search_index): a chunked index of Korean terms and casekit's
    # search worker behind Material's search box. false: Material's own lunr search, untouched.
    korean_search = c.Type(bool, default=True)
    # false: the pages were already made (`casekit build` runs the generator so); the plugin then
    # only secures the casebook's own docs/ pages named in `docs_pages` (their site paths).
    pages = c.Type(bool, default=True)
    docs_pages = c.Type(list, default=[])
    # false mode: by docs/ page (its site path), where each of its links to a record, a case or a
    # resource leads on the site, by the address as written (casekit.core.links.docs_link_places)
    docs_links = c.Type(dict, default={})
