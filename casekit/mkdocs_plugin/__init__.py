"""The casebook site's MkDocs adapter: `plugin.CasekitPlugin` hands MkDocs the pages casekit.site makes.

`casekit build` does not need it; it stays for `mkdocs build`, `mkdocs serve` and ProperDocs setups
that list `- casekit` under `plugins:`.
"""
