"""The `casekit` command: a thin click adapter over casekit.core."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click

from casekit.core.casebook import CasebookError, check, find_root
from casekit.core.due import all_due, case_due, is_closed
from casekit.core.names import valid_case_id
from casekit.core.rules import episodes
from casekit.core.scaffold import ScaffoldError, add_record, new_case
from casekit.core.schemas import STAGE_KO, STAGES
from casekit.reporters import REPORTER_BY_NAME

STATE_KO = {"overdue": "기한 지남", "due_soon": "곧 마감", "upcoming": "예정"}


def _lang(option: str | None, root: Path | None = None) -> str:
    if option:
        return option
    if root is not None:
        from casekit.core.config import load_config

        cfg = load_config(root)
        if cfg.lang:
            return cfg.lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "ko"
    return "ko"


def _root(paths: tuple[str, ...] = ()) -> Path:
    start = Path(paths[0]) if paths else Path.cwd()
    root = find_root(start)
    if root is None:
        raise click.UsageError(
            f"사례집을 찾을 수 없습니다: {start}에서 위로 mkdocs.yml이 없습니다 "
            "(no casebook: no mkdocs.yml at or above this folder)"
        )
    return root


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"YYYY-MM-DD 날짜가 아닙니다: {value}") from None


lang_option = click.option(
    "--lang", type=click.Choice(["ko", "en"]), default=None, help="메시지 언어 (message language; default: ko, or the locale)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="casekit")
def main() -> None:
    """casekit: 사례관리 기록을 파일로 관리합니다 (case records as plain files)."""


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option(
    "--format", "fmt", type=click.Choice(sorted(REPORTER_BY_NAME)), default="text", show_default=True,
    help="출력 형식 (output format).",
)
@lang_option
@click.option("--no-cache", is_flag=True, help="저장해 둔 검사 결과를 쓰지 않고 모두 다시 읽습니다 (ignore and do not write the cache).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="동시에 쓸 프로세스 수 (processes; default: every core).")
def check_cmd(paths: tuple[str, ...], fmt: str, lang: str | None, no_cache: bool, jobs: int | None) -> None:
    """사례집을 검사합니다 (check the casebook). Never changes a file.

    Exit 0 when nothing is wrong, 1 when an error is found, 2 on a usage error.
    Unchanged records are not read again: their results are kept in the cache folder
    (~/.cache/casekit, or $CASEKIT_CACHE_DIR), which is always safe to delete.
    """
    root = _root(paths)
    lang = _lang(lang, root)
    try:
        report = check(root, [Path(p) for p in paths] or None, jobs=jobs, cache=not no_cache)
    except CasebookError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(REPORTER_BY_NAME[fmt](report.findings, report.files, lang))
    sys.exit(1 if report.errors else 0)


@main.command("new")
@click.argument("case", required=False)
@click.option("--id", "case_id", default=None, help="사례 번호를 직접 정합니다 (choose the case id; same as CASE).")
@click.option("--worker", envvar="CASEKIT_WORKER", default=None, help="담당 사례관리자 ID (env CASEKIT_WORKER).")
@click.option("--date", "date", default=None, help="접수일 YYYY-MM-DD (default: today).")
def new_cmd(case: str | None, case_id: str | None, worker: str | None, date: str | None) -> None:
    """새 사례를 만듭니다: cases/<id>/01-intake.md (create a case with its intake record).

    Without CASE (or --id) the id is generated: YYYYMMDD-XXXX.
    """
    if case is not None and case_id is not None and case != case_id:
        raise click.UsageError("사례 번호를 한 번만 주세요 (give the case id once: CASE or --id)")
    case_id = case_id if case_id is not None else case
    root = _root()
    try:
        written = new_case(root, case_id=case_id, worker=worker, date=_today(date))
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(written.rel)
    click.echo("접수 기록의 <...> 안내 문구를 채운 뒤 `casekit check`로 확인하세요.", err=True)


class StageType(click.ParamType):
    """A stage id, or its Korean name (접수, 사정, 계획, 실행/개입, 점검, 종결, 사후관리)."""

    name = "stage"

    def convert(self, value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
        stage = STAGE_ALIASES.get(value)  # exact: a stage name becomes part of a file name
        if stage is None:
            choices = ", ".join(f"{s}({STAGE_KO[s]})" for s in STAGES)
            self.fail(f"알 수 없는 단계 '{value}' (unknown stage). 쓸 수 있는 단계: {choices}", param, ctx)
        return stage

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "STAGE"


STAGE_ALIASES = {**{s: s for s in STAGES}, **{ko: s for s, ko in STAGE_KO.items()}, "개입": "intervention"}


@main.command("add")
@click.argument("case")
@click.argument("stage", type=StageType())
@click.option("--worker", envvar="CASEKIT_WORKER", default=None, help="담당 사례관리자 ID (default: the case's last worker).")
@click.option("--date", "date", default=None, help="기록 날짜 YYYY-MM-DD (default: today).")
def add_cmd(case: str, stage: str, worker: str | None, date: str | None) -> None:
    """사례에 다음 기록을 추가합니다 (add the case's next record for STAGE).

    STAGE: intake assessment plan intervention monitoring closure followup, or in Korean
    접수 사정 계획 실행(개입) 점검 종결 사후관리.
    """
    root = _root()
    try:
        written = add_record(root, case, stage, worker=worker, date=_today(date))
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(written.rel)


@main.command("status")
@click.argument("case", required=False)
@click.option("--today", default=None, help="기준일 YYYY-MM-DD (default: today).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def status_cmd(case: str | None, today: str | None, fmt: str) -> None:
    """사례별 현재 단계와 다음 할 일 (where each case stands)."""
    root = _root()
    if case is not None and not valid_case_id(case):
        raise click.UsageError(f"사례 번호가 규칙에 맞지 않습니다: {case}")
    day = _today(today)
    report = check(root, [root / "cases" / case] if case else None)
    if case is not None and case not in report.summaries:
        raise click.UsageError(f"사례가 없습니다 (no such case): {case}")
    deadlines = report.config.deadlines
    rows = []
    for cid, records in sorted(report.summaries.items()):
        if not records:
            continue
        last = records[-1]
        due = case_due(cid, records, deadlines)
        errors = [f for f in report.errors if f.path.startswith(f"cases/{cid}/") or f.path == f"cases/{cid}"]
        ep = episodes(records)[-1]
        missing = []
        if ep.intake and ep.intake.eligibility not in ("ineligible", "referred_elsewhere"):
            for stage_name, present in (("assessment", ep.assessment), ("plan", ep.plan)):
                if present is None and ep.closure is None:
                    missing.append(stage_name)
        rows.append({
            "case": cid,
            "stage": last.stage,
            "stage_ko": STAGE_KO[last.stage],
            "closed": is_closed(records),
            "last_date": last.date,
            "worker": next((r.worker for r in reversed(records) if r.worker), None),
            "records": len(records),
            "missing": missing,
            "errors": len(errors),
            "next": due.as_dict(day, deadlines["due_soon_days"]) if due else None,
        })
    if fmt == "json":
        click.echo(json.dumps({"today": day.isoformat(), "cases": rows}, ensure_ascii=False, indent=2))
        return
    for row in rows:
        nxt = row["next"]
        if nxt:
            when = f"{nxt['label']} {nxt['due']} ({STATE_KO[nxt['state']]}, {nxt['days_left']:+d}일)"
        else:
            when = "없음"
        state = "종결" if row["closed"] else "진행 중"
        click.echo(f"{row['case']}  {row['stage_ko']}({row['stage']}) · {state} · 마지막 기록 {row['last_date'] or '-'}"
                   f" · 담당 {row['worker'] or '-'}")
        click.echo(f"    다음: {when}")
        if row["missing"]:
            click.echo("    빠진 단계: " + ", ".join(STAGE_KO[m] for m in row["missing"]))
        if row["errors"]:
            click.echo(f"    검사 오류 {row['errors']}건: casekit check cases/{row['case']}")
    click.echo(f"사례 {len(rows)}건")


@main.command("due")
@click.option("--today", default=None, help="기준일 YYYY-MM-DD (default: today).")
@click.option("--all", "show_all", is_flag=True, help="예정된 일도 모두 보입니다 (include upcoming work).")
@click.option("--worker", default=None, help="이 사례관리자의 사례만 (only this worker's cases).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def due_cmd(today: str | None, show_all: bool, worker: str | None, fmt: str) -> None:
    """기한이 지났거나 곧 다가오는 일 (work that is overdue or due soon)."""
    root = _root()
    day = _today(today)
    report = check(root)
    soon = report.config.deadlines["due_soon_days"]
    items = [d for d in all_due(report.summaries, report.config.deadlines) if worker is None or d.worker == worker]
    if not show_all:
        items = [d for d in items if d.state(day, soon) != "upcoming"]
    if fmt == "json":
        payload = {"today": day.isoformat(), "due_soon_days": soon, "items": [d.as_dict(day, soon) for d in items]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    for d in items:
        click.echo(f"{STATE_KO[d.state(day, soon)]:6}  {d.due.isoformat()} ({d.days_left(day):+d}일)  {d.case}  "
                   f"{d.label}  담당 {d.worker or '-'}")
    overdue = sum(1 for d in items if d.state(day, soon) == "overdue")
    click.echo(f"기한 지남 {overdue}건, 곧 마감 {sum(1 for d in items if d.state(day, soon) == 'due_soon')}건"
               f" (기준일 {day.isoformat()}, 곧 마감 = {soon}일 이내)")


__all__ = ["main"]
