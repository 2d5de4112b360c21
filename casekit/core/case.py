"""One model of a case, computed once from the summaries of its records.

Rules, deadlines, status and the site read this instead of walking the records again:
episodes (`rules.episodes`), consent as dated entries, the 대상자 구분 (case type), the
household, the conferences and whether the case is restricted. It stores no due dates
(`due` computes them over it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, field

from casekit.core.handover import Handover, current_worker
from casekit.core.summary import Consent, Summary, record_order, valid_date

# where a restricted case's narratives stay off the site: the reasons practice names
RESTRICTED_KO = {
    "domestic_violence": "가정폭력",
    "child_abuse": "아동학대",
    "elder_abuse": "노인학대",
    "sexual_violence": "성폭력",
    "suicide_risk": "자살위기",
    "other": "기타",
}


@dataclass
class Episode:
    intake: Summary | None = None
    assessment: Summary | None = None
    plan: Summary | None = None
    closure: Summary | None = None
    followups: list[Summary] = field(default_factory=list)
    conferences: list[Summary] = field(default_factory=list)
    case_type: str | None = None  # 대상자 구분 from the latest assessment or selection conference so far


def episodes(records: list[Summary]) -> list[Episode]:
    """Split a case's records (ordered by NN) into episodes (conferences belong to none)."""
    out: list[Episode] = []
    current = Episode()
    for r in records:
        if r.stage == "intake" and (current.intake is not None or current.closure is not None):
            out.append(current)
            current = Episode()
        if r.stage == "intake":
            current.intake = r
        elif r.stage == "assessment":
            current.assessment = r
        elif r.stage == "plan":
            current.plan = r
        elif r.stage == "closure":
            current.closure = r
        elif r.stage == "followup":
            current.followups.append(r)
        elif r.stage == "conference":
            current.conferences.append(r)
        if r.case_type:
            current.case_type = r.case_type
    out.append(current)
    return out


@dataclass(frozen=True)
class Consents:
    """Every consent entry of a case, oldest first. Nothing is ever edited: a withdrawal is a later entry."""

    entries: tuple[Consent, ...] = ()

    @classmethod
    def of(cls, records: list[Summary]) -> Consents:
        entries = [c for r in records for c in r.consents]
        return cls(tuple(sorted(entries, key=lambda c: c[0])))  # stable: same-day entries keep record order

    def state(self, scope: str, date: str, resource: str | None = None) -> str | None:
        """`given`, `refused`, `withdrawn` or None (never asked) for `scope` on `date` (and `resource`)."""
        entry = self.deciding(scope, date, resource)
        return entry[2] if entry is not None else None

    def deciding(self, scope: str, date: str, resource: str | None = None) -> Consent | None:
        """The entry in force for `scope` on `date` (and `resource`): the latest on or before it that
        covers it; None when none was asked."""
        out = None
        for entry in self.entries:
            d, sc, _, covered, *_ = entry
            if d > date or sc != scope:
                continue
            if resource is not None and covered is not None and resource not in covered:
                continue
            out = entry
        return out

    def withdrawn_at(self, scope: str = "case_management") -> Consent | None:
        """The withdrawal of `scope` still in force at the end (no later consent), if any."""
        last = None
        for entry in self.entries:
            if entry[1] == scope and entry[3] is None:
                last = entry
        return last if last is not None and last[2] == "withdrawn" else None


@dataclass
class Case:
    id: str
    records: list[Summary]
    episodes: list[Episode] = field(default_factory=list)
    consents: Consents = field(default_factory=Consents)
    handovers: list[Handover] = field(default_factory=list)  # 담당자 변경 (cases/<id>/handover.yml)
    # rel -> the year typo of a record (`year_typos`) whose date `records` holds as meant (`of(…, today=…)`)
    year_typos: dict[str, YearTypo] = field(default_factory=dict)

    @classmethod
    def of(cls, case_id: str, records: list[Summary], handovers: list[Handover] | None = None,
           today: str | None = None) -> Case:
        """The case of `records`; with `today`, as meant: a record whose year is mistyped (2016-10-14 in
        a case of 2026) dated as `check` judges it (`dated_as_meant`), its typo in `year_typos`, so
        that due dates, status and pages count from the date `date-year-typo` says to write."""
        records = sorted(records, key=record_order)
        typos: dict[str, YearTypo] = {}
        if today is not None and records:
            records, typos = dated_as_meant(records, today, case_id)
        return cls(case_id, records, episodes(records) if records else [], Consents.of(records), list(handovers or []),
                   typos)

    @property
    def current(self) -> Episode | None:
        return self.episodes[-1] if self.episodes else None

    @property
    def closed(self) -> bool:
        return self.current is not None and self.current.closure is not None

    @property
    def risk(self) -> str | None:
        """위기도 of the current episode's assessment; None until it is assessed (미사정: a reopened
        case is assessed again)."""
        ep = self.current
        return ep.assessment.risk if ep is not None and ep.assessment is not None else None

    @property
    def stage(self) -> str | None:
        """Where the case stands in the process: the last record that is not a conference."""
        return next((r.stage for r in reversed(self.records) if r.stage != "conference"), None)

    @property
    def case_type(self) -> str | None:
        """대상자 구분 decided by the latest assessment or selection conference of the current episode:
        a reopened case is classified again after its new assessment (None until then)."""
        return self.current.case_type if self.current is not None else None

    @property
    def household(self) -> dict[str, str]:
        """가구원 id -> relation, the latest record that lists them winning."""
        out: dict[str, str] = {}
        for r in self.records:
            if r.members:
                out = dict(r.members)
        return out

    @property
    def members(self) -> list[tuple[str, str, str]]:
        """(id, relation, age group) of each 가구원, from the latest record that lists them."""
        latest = next((r for r in reversed(self.records) if r.members), None)
        return [(m, rel, latest.member_ages.get(m, "")) for m, rel in latest.members.items()] if latest else []

    @property
    def informal_supports(self) -> list[str]:
        """비공식 지지체계 as the latest assessment lists them (relations, never names)."""
        return next((r.informal_supports for r in reversed(self.records) if r.stage == "assessment"), [])

    @property
    def linked_resources(self) -> list[str]:
        """Every resource a record of the case names, in the order they first appear (for the ecomap)."""
        seen: dict[str, None] = {}
        for r in self.records:
            for kind, ref, _, _ in r.refs:
                if kind == "resource":
                    seen.setdefault(ref, None)
        return list(seen)

    @property
    def conferences(self) -> list[Summary]:
        return [r for r in self.records if r.stage == "conference"]

    @functools.cached_property
    def restricted(self) -> str | None:
        """(Asked for in every listing row: read once; a case's records do not change once it is made.)"""
        return restricted_reason(self.records)

    @property
    def missing(self) -> list[str]:
        """Stages the open episode still lacks (a 서비스연계 case needs no plan)."""
        ep = self.current
        if ep is None or ep.intake is None or ep.closure is not None or ep.intake.eligibility in ("ineligible", "referred_elsewhere"):
            return []
        out = ["assessment"] if ep.assessment is None else []
        if ep.plan is None and ep.case_type != "service_linkage":
            out.append("plan")
        return out

    @property
    def worker(self) -> str | None:
        """Who has the case now: a handover counts from its date (see `handover.current_worker`)."""
        return current_worker(self.records, self.handovers)


def restricted_reason(records: list[Summary]) -> str | None:
    """The reason a case is restricted (가정폭력, 아동학대, 자살위기 …), from its latest intake; None if it is not."""
    intakes = [r for r in sorted(records, key=record_order) if r.stage == "intake"]
    return next((r.restricted for r in reversed(intakes) if r.restricted), None)


def is_restricted(records: list[Summary]) -> bool:
    """Whether the site must keep this case's narratives off its pages (summary only)."""
    return restricted_reason(records) is not None


def restricted_records(summaries: Mapping[str, list[Summary]]) -> dict[str, list[str]]:
    """The records (casebook paths) of each restricted case of `summaries` (per case, its records')."""
    return {case: [s.rel for s in records] for case, records in summaries.items() if is_restricted(records)}


def dates_going_back(records: list[Summary], today: str, typos: Container[str] = ()) -> list[tuple[Summary, Summary]]:
    """(record, the record above it) for each record (in `record_order`) dated before the one above
    it: its date is the mistake (`date-decreasing`). A record dated after `today` is not what the
    next is held to (`date-future` says it), nor one whose year is mistyped (`typos`, its rel: see
    `year_typos`; 2027-03-25 for 2026-03-25 puts every record after it "before" it)."""
    out = []
    prev: Summary | None = None
    for r in records:
        if r.date and prev is not None and prev.date and r.date < prev.date:
            out.append((r, prev))
        if r.date and r.date <= today and r.rel not in typos:
            prev = r
    return out


# a record out of order by less than this is a day slipped or two records numbered the wrong way
# round, not a year mistyped
YEAR_OFF_DAYS = 183
# the first or the last record of a case, further than a year from the record beside it, whose date
# with another year lands this close to it (and on the right side): its year is mistyped when the
# record's own other dates, or the case id, hold that year
YEAR_NEAR_DAYS = 183
# another date of the record (a consent's, an activity's) this close to the date meant agrees with it
OWN_DATE_DAYS = 31
# a year in a case id (`{year}-NNNN` of the sequential scheme, `YYYYMMDD-XXXX` of the random one):
# four digits 19xx or 20xx, or eight that begin so, standing apart from other digits
_ID_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?:[01][0-9][0-3][0-9])?(?![0-9])")


@dataclass(frozen=True)
class YearTypo:
    """A record date whose year is off from the dates around it by whole years (`year_typos`)."""

    meant: str  # the date with the year the evidence gives it
    before: Summary | None  # the dated records above and below it (None at either end of the case)
    after: Summary | None
    own: str | None  # another date of the record near `meant` (its consent's, its activity's)
    by_id: bool  # the case id holds the year meant (its first record only: the id is made at the intake)

    @property
    def evidence(self) -> int:
        return (self.own is not None) + self.by_id


def case_id_year(case_id: str, today: str) -> int | None:
    """The year a case id holds (2026-0012, 20261014-K7QF, GA2026-12), when it holds exactly one
    from 1990 to next year; None for an id of another shape (kim-001, c1)."""
    found = [int(m.group(1)) for m in _ID_YEAR.finditer(case_id)]
    return found[0] if len(found) == 1 and 1990 <= found[0] <= int(today[:4]) + 1 else None


def dated_as_meant(records: list[Summary], today: str, case_id: str = "") -> tuple[list[Summary], dict[str, YearTypo]]:
    """`records` (in `record_order`) with each date whose year is mistyped (`year_typos`) replaced by
    the date meant, and the typos: the case as `check` judges it, and as due dates count from it."""
    typos = year_typos(records, today, case_id)
    return [dataclasses.replace(r, date=typos[r.rel].meant) if r.rel in typos else r for r in records], typos


def year_typos(records: list[Summary], today: str, case_id: str = "") -> dict[str, YearTypo]:
    """rel -> the year typo of each record whose date's year disagrees with everything around it
    (2016-10-14 for 2026-10-14), judged from the records beside it (not dated after `today`: those
    are `date-future`'s), its own other dates and the year in the case id. Its date with another
    year must fall between its neighbours', and either its own date is out of order with them by
    months (`YEAR_OFF_DAYS`), or it is the case's first or last record, more than a year from the
    record beside it, the year meant landing near it and held by its own dates or the case id. A
    case open for years, each record in order, has none."""
    ordered = sorted(records, key=record_order)
    dated = [r for r in ordered if r.date and valid_date(r.date) and r.date <= today]
    first = ordered[0] if ordered else None
    id_year = case_id_year(case_id, today)
    found: dict[str, YearTypo] = {}
    for i, r in enumerate(dated):
        typo = _year_typo(r, dated[i - 1] if i else None, dated[i + 1] if i + 1 < len(dated) else None,
                          id_year if r is first else None, today)
        if typo is not None:
            found[r.rel] = typo
    # a record dated after today with a record after it dated before it (2027-07-03 for 2026-07-03, the
    # 사후관리 after it 2026-08-04): its year is mistyped, not "a record of the future" that the records
    # after it are not held to (judged against the records dated so far beside it)
    from casekit.core.rules_practice import FUTURE_DAYS  # (further ahead: date-far-future, an error, says it)

    ahead = (dt.date.fromisoformat(today) + dt.timedelta(days=FUTURE_DAYS)).isoformat() if valid_date(today) else today
    for r in ordered:
        if not (r.date and valid_date(r.date) and today < r.date <= ahead) or r.rel in found:
            continue
        at = ordered.index(r)
        before = next((o for o in reversed(dated) if ordered.index(o) < at), None)
        after = next((o for o in dated if ordered.index(o) > at), None)
        if after is None or after.date is None or not after.date < r.date:
            continue
        typo = _year_typo(r, before, after, id_year if r is first else None, today)
        if typo is not None:
            found[r.rel] = typo
    # two records side by side, each in order once the other's year is changed (2026-01-15, 2027-01-20
    # between 2026-01-10 and 2027-02-01): the one more evidence holds; else the later, dated before the one above
    for a, b in zip(dated, dated[1:], strict=False):
        if a.rel in found and b.rel in found:
            found.pop(b.rel if found[b.rel].evidence < found[a.rel].evidence else a.rel)
    return found


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def _year_typo(r: Summary, before: Summary | None, after: Summary | None, id_year: int | None,
               today: str) -> YearTypo | None:
    date = r.date or ""
    low, high = (before.date or "") if before else "", (after.date or "") if after else ""
    others = [d for d, line, col in r.dates if (line, col) != r.date_at]
    own_dates = [d for d in others if abs(_days(date, d)) > YEAR_OFF_DAYS]
    # (a plan's agreement and services dated with it: the date is as meant, whatever its neighbours say)
    backed = any(abs(_days(date, d)) <= OWN_DATE_DAYS for d in others)
    years = [int(d[:4]) for d in own_dates] + ([id_year] if id_year else [])
    years += [int(low[:4]), int(low[:4]) + 1] if low else []
    years += [int(high[:4]), int(high[:4]) - 1] if high else []
    off = bool(low and date < low and _days(date, low) >= YEAR_OFF_DAYS) or bool(high and high < date and _days(high, date) >= YEAR_OFF_DAYS)
    for year in dict.fromkeys(years):
        meant = f"{year:04d}{date[4:]}"
        if year == int(date[:4]) or not 1 <= year <= 9999 or not valid_date(meant) or meant > today \
                or (low and meant < low) or (high and high < meant):
            continue
        own = next((d for d in own_dates if abs(_days(d, meant)) <= OWN_DATE_DAYS), None)
        if backed and own is None:
            continue
        by_id = year == id_year
        if off:
            pass  # out of order by months, in order with the year changed
        elif low and high:
            return None  # in order between two records: a case that went on for years
        elif not low and not high:
            if own is None or not by_id:  # the case's only record: its own dates and the case id both
                continue
        else:
            beside = high or low
            if abs(_days(date, beside)) < 365 or abs(_days(meant, beside)) > YEAR_NEAR_DAYS or (own is None and not by_id):
                continue
        return YearTypo(meant, before, after, own, by_id)
    return None

