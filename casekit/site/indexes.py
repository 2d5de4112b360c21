"""What the site shows, computed once from a core `Report`: every case (casekit.site.records), the
resources, and the views over many cases (workers, resources' cases, deadlines in reading order).

Nothing here knows MkDocs or HTML.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from casekit.core import history
from casekit.core.case import Case as CaseModel
from casekit.core.casebook import Report
from casekit.core.due import Due
from casekit.core.due import due_order as core_due_order
from casekit.core.findings import Checked
from casekit.core.links import Targets, body_links
from casekit.core.pictures import Pictures
from casekit.core.schemas import STAGES, SchemaSet, redact
from casekit.site.practice import change_text, restricted_data
from casekit.site.records import (
    RISK_RANK,
    SEVERITY_RANK,
    STATE_KO,
    Activity,
    Case,
    GoalRow,
    PlanBlock,
    Record,
    make_case,
    qualifier,
)

T = TypeVar("T")


@dataclass
class ResourceView:
    id: str
    rel: str
    data: dict[str, Any]  # redacted
    body: str
    links: tuple[tuple[str, str | None], ...] = ()  # as Record.links

    @property
    def name(self) -> str:
        name = self.data.get("name")
        return name if isinstance(name, str) and name.strip() else self.id


@dataclass
class Site:
    as_of: dt.date  # the 기준일: read it as `today`, which notes that it was read
    schemas: SchemaSet
    deadlines: dict[str, Any]
    caseload: dict[str, Any]  # casekit.yml `caseload`: limit and weights by risk level
    cases: dict[str, Case]
    resources: dict[str, ResourceView]
    dues: list[Due]  # the next thing due in each case (what `casekit status` and `casekit due` say)
    every_due: list[Due] = field(default_factory=list)  # everything due in every case, several per case
    notes: list[str] = field(default_factory=list)  # for the build log (e.g. no git history)
    files: Checked = field(default_factory=lambda: Checked(0, 0))  # records and resources, as `casekit check` counts
    warnings: int = 0
    pictures: Pictures = field(default_factory=Pictures)  # the docs/ images a body's pictures may name
    targets: Targets = field(default_factory=Targets)  # what a body's links to the casebook may name
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False)  # labels and groupings, computed once
    today_read: bool = field(default=False, repr=False)  # whether `today` was read since it was last set False

    @property
    def today(self) -> dt.date:
        """The 기준일, noted as read: a composed case page that never reads it is kept from one
        day's build to the next (casekit.site.compose.Store)."""
        self.today_read = True
        return self.as_of

    @property
    def soon_days(self) -> int:
        return int(self.deadlines["due_soon_days"])

    @property
    def caseload_limit(self) -> float:
        return float(self.caseload["limit"])

    def weight(self, case: Case) -> float:
        """What an open case weighs in a worker's 사례 부담: its 위기도's weight (unassessed: 1)."""
        return float(self.caseload["weights"].get(case.risk or "", 1))

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """`make()`, made once a site: a grouping every page of a listing shows."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]  # type: ignore[no-any-return]

    def labels(self, kind: str, *path: str) -> dict[str, str]:
        key = ("labels", kind, path)
        if key not in self._memo:
            self._memo[key] = self.schemas.enum_labels(kind, tuple(path))
        return self._memo[key]  # type: ignore[no-any-return]

    @property
    def domain_labels(self) -> dict[str, str]:
        return self.labels("assessment", "needs", "*", "domain")

    @property
    def risk_labels(self) -> dict[str, str]:
        return self.labels("assessment", "risk_level")

    @property
    def severity_labels(self) -> dict[str, str]:
        return self.labels("assessment", "needs", "*", "severity")

    @property
    def activity_labels(self) -> dict[str, str]:
        return self.labels("intervention", "activities", "*", "type")

    @property
    def progress_labels(self) -> dict[str, str]:
        return self.labels("monitoring", "progress", "*", "status")

    @property
    def result_labels(self) -> dict[str, str]:
        return self.labels("closure", "results", "*", "result")

    def workers(self) -> dict[str, list[Case]]:
        """Each worker's current cases (the core model's worker: a handover counts from its date); every
        worker who wrote a record or handed a case over is listed, with no current case when all were handed over."""
        if "workers" in self._memo:
            return self._memo["workers"]  # type: ignore[no-any-return]
        out: dict[str, list[Case]] = {w: [] for c in self.cases.values() for w in c.past_workers}
        for case in self.cases.values():
            if case.worker:
                out[case.worker].append(case)
        self._memo["workers"] = dict(sorted(out.items()))
        return self._memo["workers"]  # type: ignore[no-any-return]

    def past_cases(self, worker: str) -> list[Case]:
        return list(self.past_workers_index().get(worker, []))

    def resource_cases(self) -> dict[str, list[Case]]:
        if "resources" not in self._memo:
            out: dict[str, list[Case]] = defaultdict(list)
            for case in self.cases.values():
                for rid in case.resources:
                    out[rid].append(case)
            self._memo["resources"] = out
        return self._memo["resources"]  # type: ignore[no-any-return]

    def past_workers_index(self) -> dict[str, list[Case]]:
        if "past" not in self._memo:
            out: dict[str, list[Case]] = defaultdict(list)
            for case in self.cases.values():
                for w in case.past_workers:
                    if w != case.worker:
                        out[w].append(case)
            self._memo["past"] = out
        return self._memo["past"]  # type: ignore[no-any-return]


def due_order(d: Due, case: Case | None, today: dt.date, soon_days: int) -> tuple[int, int, int, str]:
    """What a supervisor reads first (casekit.core.due.due_order: `casekit due` lists in the same order)."""
    return core_due_order(d, case.risk if case else None, today, soon_days)


def build_site(report: Report, today: dt.date) -> Site:
    """The site model: the core `Case` of every case (with its handovers) and the records redacted for
    display; a restricted case keeps only the structure of its records (no narrative, no body)."""
    schemas = report.schemas
    deadlines = report.config.deadlines
    hist = history.load(report.root, report.config)  # once per build
    notes = [f.message_ko for f in hist.notes]
    cases: dict[str, Case] = {}
    targets = Targets.of(report.records, [res.rel for res in report.resources.values()],
                         report.docs_published.items())
    for cid in sorted(report.summaries):
        if not report.summaries[cid]:
            continue
        model = CaseModel.of(cid, report.summaries[cid], report.handovers.get(cid))
        records = []
        for s in model.records:
            parsed = report.parsed.get(s.rel)
            raw = parsed.data if parsed is not None and isinstance(parsed.data, dict) else {}
            data = redact(raw, schemas.sensitive_paths.get(s.stage, []))
            body = parsed.body if parsed is not None else ""
            if model.restricted:
                data, body = restricted_data(s.stage, data), ""
            record = Record(s.rel, s.nn, s.stage, s.date, s.worker, data, body, qualifier(s.stage, data, schemas))
            record.changed = change_text(hist, s.rel)
            record.links = targets.resolved(s.rel, body_links(body, 1))
            records.append(record)
        cases[cid] = make_case(model, records, deadlines, today)
    resources = {}
    for rid in sorted(report.resources):
        res = report.resources[rid]
        raw = res.parsed.data if res.parsed is not None and isinstance(res.parsed.data, dict) else {}
        body = res.parsed.body if res.parsed is not None else ""
        resources[rid] = ResourceView(rid, res.rel, redact(raw, schemas.sensitive_paths.get("resource", [])), body,
                                      targets.resolved(res.rel, body_links(body, 1)))
    soon = int(deadlines["due_soon_days"])

    def order(dues: list[Due]) -> list[Due]:
        return sorted(dues, key=lambda d: due_order(d, cases.get(d.case), today, soon))

    return Site(
        as_of=today,
        schemas=schemas,
        deadlines=deadlines,
        caseload=report.config.caseload,
        cases=cases,
        resources=resources,
        # the same as core `all_due` / `every_due` with the handovers, from each case's dues computed once
        dues=order([c.due for c in cases.values() if c.due is not None]),
        every_due=order([d for c in cases.values() for d in c.dues]),
        notes=notes,
        files=Checked(len(report.records), report.files - len(report.records) - report.handover_files,
                      report.handover_files),
        warnings=len(report.findings) - len(report.errors),
        pictures=report.pictures,  # (as check looked the bodies' pictures up)
        targets=targets,
    )


__all__ = ["RISK_RANK", "SEVERITY_RANK", "STAGES", "STATE_KO", "Activity", "Case", "GoalRow", "PlanBlock", "Record",
           "ResourceView", "Site", "build_site", "due_order"]
