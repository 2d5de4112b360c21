"""The casebook site: a thin MkDocs adapter over casekit.core.

`plugin.CasekitPlugin` runs the same check as `casekit check`, refuses to build while it finds
errors, and turns the casebook into generated pages (home dashboard, case pages, resource
directory, worker, need-domain, risk and due indexes). Only redacted data is ever rendered.
"""
