"""`casekit new` and `casekit add` refuse what would break the case: a record out of process order,
dated before the case's last record or after today, an intake date that is a typo; `--force`
writes it anyway. Stage words as practitioners write them; "혹시 …인가요?" for near misses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.scaffold import Refused, ScaffoldError, add_record, new_case, resolve_stage
from tests.conftest import TODAY


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / "cases").rglob("*")}


def last_date(root: Path, case: str) -> str:
    dates = []
    for path in sorted((root / "cases" / case).glob("[0-9][0-9]-*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("date:"):
                dates.append(line.split(":", 1)[1].strip().strip('"'))
                break
    return max(dates)


def no_unpicked_particles(text: str) -> None:
    for pair in ("이(가)", "은(는)", "을(를)", "과(와)", "(으)로"):
        assert pair not in text, text


# --- add: out of order, back in time, ahead of today -------------------------------------------


def test_add_to_a_closed_case_is_refused_with_what_to_write_instead(sample: Path, run) -> None:
    before = files(sample)
    result = run(sample, "add", "2026-0001", "점검")
    assert result.exit_code == 1
    assert files(sample) == before  # nothing written
    err = result.stderr
    assert "종결된 사례입니다" in err and "종결 후에는 사후관리만" in err
    assert "casekit add 2026-0001 사후관리" in err
    assert "다시 열기(재개 접수): casekit add 2026-0001 접수" in err
    assert "--force" in err
    no_unpicked_particles(err)


@pytest.mark.parametrize("case", ["2026-0001", "2026-0004", "2026-0007"])
def test_a_follow_up_dated_too_early_in_a_closed_case_is_refused_for_its_date_not_the_closure(
        sample: Path, run, case: str) -> None:
    """A follow-up may come after a closure: refused for its date, the first line said "종결된 사례입니다",
    the one reason it was not."""
    last = last_date(sample, case)
    before = files(sample)
    result = run(sample, "add", case, "사후관리", "--date", "2026-05-01")
    assert result.exit_code == 1 and files(sample) == before
    headline = result.stderr.splitlines()[0]
    assert headline == f"{case}에 사후관리 기록을 쓰지 않았습니다. 날짜가 앞선 기록보다 이릅니다.", result.stderr
    assert "종결" not in result.stderr and f"마지막 기록의 날짜는 {last}입니다" in result.stderr
    with pytest.raises(Refused) as caught:
        add_record(sample, case, "followup", worker=None, date=dt.date(2026, 5, 1), today=TODAY)
    assert caught.value.codes == ["date-decreasing"] and not caught.value.closed


def test_force_writes_the_refused_record_and_warns(sample: Path, run) -> None:
    result = run(sample, "add", "2026-0001", "점검", "--force")
    assert result.exit_code == 0
    assert result.stdout.strip() == "cases/2026-0001/10-monitoring.md"
    assert (sample / "cases/2026-0001/10-monitoring.md").is_file()
    assert "경고: 종결 후에는 사후관리만" in result.stderr


def test_add_before_any_plan_is_refused_and_offers_assessment_and_crisis_intervention(sample: Path, run) -> None:
    before = files(sample)
    for stage in ("점검", "실행"):
        result = run(sample, "add", "2026-0009", stage)
        assert result.exit_code == 1, result.output
        assert "계획이 없습니다" in result.stderr
        assert "casekit add 2026-0009 사정" in result.stderr
        assert "casekit add 2026-0009 위기개입" in result.stderr
    assert files(sample) == before


def test_crisis_intervention_may_come_before_a_plan(sample: Path, run) -> None:
    result = run(sample, "add", "2026-0009", "위기개입")
    assert result.exit_code == 0 and "경고" not in result.stderr and "기록의 <...> 안내 문구를 채운 뒤" in result.stderr
    text = (sample / "cases/2026-0009/02-intervention.md").read_text(encoding="utf-8")
    assert "type: crisis_intervention" in text and "goal:" not in text
    assert f"  - date: {TODAY.isoformat()}" in text
    assert "needs-plan" not in run(sample, "check", "cases/2026-0009").output


def test_add_dated_before_the_last_record_is_refused(sample: Path, run) -> None:
    last = last_date(sample, "2026-0012")
    earlier = (dt.date.fromisoformat(last) - dt.timedelta(days=30)).isoformat()
    before = files(sample)
    result = run(sample, "add", "2026-0012", "점검", "--date", earlier)
    assert result.exit_code == 1
    assert files(sample) == before
    assert f"기록 날짜 {earlier}이 앞선 기록" in result.stderr or f"기록 날짜 {earlier}가 앞선 기록" in result.stderr
    assert f"마지막 기록의 날짜는 {last}입니다" in result.stderr
    no_unpicked_particles(result.stderr)
    forced = run(sample, "add", "2026-0012", "점검", "--date", earlier, "--force")
    assert forced.exit_code == 0 and (sample / forced.stdout.strip()).is_file()
    assert "경고:" in forced.stderr


def test_add_dated_after_today_is_refused(sample: Path, run) -> None:
    ahead = (TODAY + dt.timedelta(days=10)).isoformat()
    before = files(sample)
    result = run(sample, "add", "2026-0012", "점검", "--date", ahead)
    assert result.exit_code == 1 and files(sample) == before
    assert f"오늘({TODAY.isoformat()})보다 뒤입니다" in result.stderr


def test_add_in_order_says_nothing_and_writes(sample: Path, run) -> None:
    result = run(sample, "add", "2026-0012", "점검")
    assert result.exit_code == 0 and "경고" not in result.stderr and "기록의 <...> 안내 문구를 채운 뒤" in result.stderr
    assert result.stdout.strip() == "cases/2026-0012/05-monitoring.md"


@pytest.mark.parametrize("misnamed", ["04-intervension.md", "04-intervention_최종.md", "04-실행.md"])
def test_add_numbers_after_a_misnamed_record_too(sample: Path, run, misnamed: str) -> None:
    """A record whose name check cannot read (a misspelt stage, a version mark) still holds its
    number: `add` wrote a second 04 beside it (a probe renamed 09-followup.md to 09-folowup.md)."""
    folder = sample / "cases/2026-0012"
    (folder / "04-intervention.md").rename(folder / misnamed)
    result = run(sample, "add", "2026-0012", "점검", "--force")
    assert result.stdout.strip() == "cases/2026-0012/05-monitoring.md", result.output
    assert not (folder / "04-monitoring.md").exists()


def test_the_core_refusal_is_a_value(sample: Path) -> None:
    with pytest.raises(Refused) as caught:
        add_record(sample, "2026-0001", "monitoring", worker=None, today=TODAY)
    refused = caught.value
    assert refused.codes == ["after-closure"] and refused.closed
    assert [word for word, _ in refused.instead] == ["사후관리", "접수"]
    written = add_record(sample, "2026-0001", "monitoring", worker=None, today=TODAY, force=True)
    assert written.path.is_file() and written.warnings


# --- new: an intake date that is a typo --------------------------------------------------------


@pytest.mark.parametrize("day", ["2062-11-30", (TODAY + dt.timedelta(days=1)).isoformat(),
                                 (TODAY - dt.timedelta(days=6 * 366)).isoformat()])
def test_new_refuses_an_intake_date_ahead_of_today_or_years_back(sample: Path, run, day: str) -> None:
    before = files(sample)
    result = run(sample, "new", "--date", day)
    assert result.exit_code == 1
    assert files(sample) == before  # no case folder, no id taken
    assert "새 사례를 만들지 않았습니다" in result.stderr and day in result.stderr and "--force" in result.stderr
    no_unpicked_particles(result.stderr)


def test_new_with_force_takes_the_date_as_given(sample: Path, run) -> None:
    result = run(sample, "new", "--date", "2062-11-30", "--force")
    assert result.exit_code == 0 and result.stdout.startswith("cases/20621130-")
    assert (sample / result.stdout.strip()).is_file()


def test_new_takes_today_and_a_date_within_the_years(sample: Path, run) -> None:
    for day in (TODAY, TODAY - dt.timedelta(days=4 * 365)):
        result = run(sample, "new", "--date", day.isoformat())
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(f"cases/{day:%Y%m%d}-")


def test_new_refusal_in_the_core_takes_today(tmp_path: Path, sample: Path) -> None:
    with pytest.raises(Refused) as caught:
        new_case(sample, case_id="x1", worker=None, date=dt.date(2026, 12, 2), today=dt.date(2026, 12, 1))
    assert caught.value.codes == ["date-future"]
    assert not (sample / "cases/x1").exists()


@pytest.mark.parametrize("force", [False, True])
def test_new_starts_a_case_in_an_empty_folder_made_by_hand(sample: Path, run, force: bool) -> None:
    """`mkdir cases/2026-0015` then `casekit new 2026-0015` (with --force too) said "이미 있습니다", while
    check said case-empty: start with 01-intake.md. The folder holds no record: the intake is written in
    it, and what else is there (.gitkeep) stays as it was."""
    folder = sample / "cases/2026-0015"
    folder.mkdir()
    (folder / ".gitkeep").write_bytes(b"")
    empty = [f for f in check(sample, [folder]).findings if f.code == "case-empty"]
    assert [f.message_ko for f in empty] == ["사례 폴더에 기록이 없습니다. 접수 기록(01-intake.md)부터 만드세요: "
                                             "casekit new 2026-0015"], empty
    result = run(sample, "new", "2026-0015", "--worker", "kim.sw", *(["--force"] if force else []))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "cases/2026-0015/01-intake.md"
    assert sorted(p.name for p in folder.iterdir()) == [".gitkeep", "01-intake.md"]
    assert (folder / ".gitkeep").read_bytes() == b""
    assert "case: 2026-0015" in (folder / "01-intake.md").read_text(encoding="utf-8")
    assert not [f for f in check(sample, [folder]).findings if f.code == "case-empty"]
    again = run(sample, "new", "2026-0015")  # a record there now: the case exists
    assert again.exit_code == 1 and "사례 '2026-0015'가 이미 있습니다" in again.output


def test_new_leaves_a_folder_with_a_misnamed_record_alone(sample: Path, run) -> None:
    folder = sample / "cases/2026-0015"
    folder.mkdir()
    (folder / "01-intake_최종.md").write_text("접수", encoding="utf-8")
    before = files(sample)
    result = run(sample, "new", "2026-0015")
    assert result.exit_code == 1 and files(sample) == before
    assert "01-intake_최종.md는 이름이 기록 이름의 규칙에 맞지 않습니다" in result.output, result.output
    assert "casekit check 2026-0015가 알려 줍니다" in result.output
    with pytest.raises(ScaffoldError):
        new_case(sample, case_id="2026-0015", worker=None)
    (sample / "cases/2026-0016").symlink_to(folder, target_is_directory=True)  # never written through a link
    assert run(sample, "new", "2026-0016").exit_code == 1 and files(sample) == {*before, "cases/2026-0016"}


# --- the words for a stage ---------------------------------------------------------------------


@pytest.mark.parametrize(("word", "stage"), [
    ("실행(개입)", "intervention"), ("실행/개입", "intervention"), ("개입", "intervention"),
    ("모니터링", "monitoring"), ("Monitoring", "monitoring"), ("MONITORING", "monitoring"),
    ("재사정", "assessment"), ("재접수", "intake"), ("사후 관리", "followup"), ("follow-up", "followup"),
    ("사례회의", "conference"),
])
def test_stage_words(word: str, stage: str) -> None:
    assert resolve_stage(word) == (stage, None)


def test_crisis_word_names_an_intervention_of_that_kind() -> None:
    assert resolve_stage("위기개입") == ("intervention", "crisis_intervention")
    assert resolve_stage("../intake") is None and resolve_stage("ｉｎｔａｋｅ") is None


@pytest.mark.parametrize(("case", "word", "written"), [
    ("2026-0012", "실행(개입)", "cases/2026-0012/05-intervention.md"),
    ("2026-0012", "모니터링", "cases/2026-0012/05-monitoring.md"),
    ("2026-0012", "Monitoring", "cases/2026-0012/05-monitoring.md"),
    ("2026-0002", "재사정", None),
    ("2026-0001", "사후 관리", "cases/2026-0001/10-followup.md"),
    ("2026-0001", "재접수", "cases/2026-0001/10-intake.md"),
])
def test_add_takes_the_words_the_help_shows_and_practice_uses(sample: Path, run, case: str, word: str,
                                                             written: str | None) -> None:
    result = run(sample, "add", case, word)
    assert result.exit_code == 0, result.output
    rel = result.stdout.strip()
    assert rel.endswith(f"-{resolve_stage(word)[0]}.md")  # type: ignore[index]
    if written:
        assert rel == written
    if word == "재접수":
        assert "reopening:" in (sample / rel).read_text(encoding="utf-8")


def test_an_unknown_stage_gets_a_guess_and_the_list(sample: Path, run) -> None:
    result = run(sample, "add", "2026-0012", "점겅")
    assert result.exit_code == 2
    assert "혹시 점검인가요?" in result.output and "monitoring(점검)" in result.output


def test_a_mistyped_case_id_gets_the_closest_case(sample: Path, run) -> None:
    before = files(sample)
    result = run(sample, "add", "2026-012", "점검")
    assert result.exit_code == 2  # (a usage error, as `casekit status` says of a case not there)
    assert "혹시 2026-0012인가요?" in result.output
    assert files(sample) == before


@pytest.mark.parametrize("args", [("add", "2026-0012 ", "점검"), ("new", "2026-0015 "), ("new", "--id", "2026-0015 ")])
def test_a_case_id_with_a_space_pasted_after_it_is_a_usage_error_naming_the_space(sample: Path, run,
                                                                                 args: tuple[str, ...]) -> None:
    """`casekit add '2026-0012 ' 점검` exited 1, as a refusal does; a case id typed wrong is a usage error
    (exit 2), as a case not there is, and as `status`, `log` and `reassign` say of the same id."""
    before = files(sample)
    result = run(sample, *args)
    assert result.exit_code == 2, result.output
    meant = args[-2] if args[0] == "add" else args[-1]
    assert "끝에 공백" in result.output and f"{meant.strip()}로 적으세요" in result.output, result.output
    assert files(sample) == before


def test_messages_pick_the_particle(sample: Path, run) -> None:
    missing = run(sample, "add", "2026-0099", "점검")
    assert "사례 '2026-0099'가 없습니다" in missing.output
    exists = run(sample, "new", "2026-0001")
    assert "사례 '2026-0001'이 이미 있습니다" in exists.output
    worker = run(sample, "add", "2026-0012", "점검", "--worker", "1kim")
    assert "사례관리자 ID '1kim'이 규칙" in worker.output
    for result in (missing, exists, worker):
        no_unpicked_particles(result.output)


def test_a_reopening_starts_from_the_client_as_last_recorded(sample: Path, run) -> None:
    """재접수 of a closed case: the draft held the template's `<실명 …>` placeholders, so the worker
    typed the client's name, birth date, phone and household again (and could mistype them). It
    carries the last intake's client block and household members, and says where they came from."""
    from casekit.core.summary import parse_file

    intake = sample / "cases" / "2026-0001" / "01-intake.md"
    text = intake.read_text(encoding="utf-8")
    text = text.replace('  household: "1인 가구"\n', '  household: "1인 가구"\n  language: 베트남어\n  interpreter: true\n'
                        'household_members:\n  - id: M1\n    relation: 자녀\n    age_group: child\n', 1)
    intake.write_text(text, encoding="utf-8")
    result = run(sample, "add", "2026-0001", "재접수")
    assert result.exit_code == 0, result.output
    rel = result.stdout.strip()
    draft = (sample / rel).read_text(encoding="utf-8")
    old, _ = parse_file(str(intake), "cases/2026-0001/01-intake.md")
    new, findings = parse_file(str(sample / rel), rel)
    assert old is not None and new is not None and not [f for f in findings if f.severity == "error"], findings
    assert new.data["client"] == old.data["client"]
    assert new.data["household_members"] == old.data["household_members"]
    assert "cases/2026-0001/01-intake.md에서 옮겨 왔습니다" in draft
    assert "<실명" not in draft and "# household_members:" not in draft
    assert new.data["reopening"]["reason"] == "<재개 사유>"  # what is new is still the worker's to write
    assert new.data["presenting_problems"] == ["<주 호소 문제>"]


def test_a_first_intake_is_the_template_as_it_is(sample: Path, run) -> None:
    before = set((sample / "cases").iterdir())
    result = run(sample, "new", "--worker", "kim.sw")
    assert result.exit_code == 0, result.output
    (case,) = set((sample / "cases").iterdir()) - before
    draft = (case / "01-intake.md").read_text(encoding="utf-8")
    assert "<실명" in draft and "옮겨 왔습니다" not in draft


def test_a_record_added_and_not_yet_filled_is_one_finding_a_placeholder(sample: Path, run) -> None:
    """Each field left as the template wrote it is its `placeholder` error, once: not also an
    unknown-resource (`<자원 ID: …>`) or unknown-goal (`<목표 ID: G1>`) at the same place."""
    from casekit.core.casebook import check

    for stage in ("assessment", "plan", "intervention"):
        assert run(sample, "add", "2026-0009", stage, "--force").exit_code == 0
    added = [f for f in check(sample, cache=False).findings if f.path.startswith("cases/2026-0009/0") and
             not f.path.endswith("01-intake.md")]
    assert added and {f.code for f in added} <= {"placeholder", "required"}, {f.code for f in added}
    places = [(f.path, f.line, f.column) for f in added]
    assert len(places) == len(set(places))


def test_a_template_linked_out_of_the_casebook_is_a_finding_of_check(sample: Path) -> None:
    """`templates/intake.md` a link to /etc/hostname had no finding in check; `new` and `add` refuse it
    (found by a probe)."""
    from casekit.core.casebook import check

    target = sample / "templates/intake.md"
    target.unlink()
    target.symlink_to("/etc/hostname")
    found = [(f.path, f.code) for f in check(sample).errors]
    assert found == [("templates/intake.md", "symlink-outside")], found


@pytest.mark.parametrize(("case", "said"), [("..", "'..'이 규칙"), (".", "'.'이 규칙"), ("../x", "'../x'가 규칙"),
                                            ("a/b", "'a/b'가 규칙"), ("-", "'-'이 규칙"), (" ", "' '이 규칙")])
@pytest.mark.parametrize("args", [("add", "{}", "점검"), ("new", "{}"), ("new", "--id", "{}")])
def test_a_hostile_case_id_takes_the_particle_of_its_signs_as_read(
        sample: Path, run, case: str, said: str, args: tuple[str, ...]) -> None:
    """'..'이(가): a case id of signs only had no letter to choose by; read as its signs' names (점점 -> 이,
    슬래시 … 엑스 -> 가), and the casebook is left as it was."""
    before = files(sample)
    result = run(sample, *(a.format(case) for a in args))
    assert result.exit_code == 2 and said in result.output, result.output
    no_unpicked_particles(result.output)
    assert "Traceback" not in result.output and files(sample) == before


@pytest.mark.parametrize("case", ["..", ".", "../x", "a/b", "-"])
@pytest.mark.parametrize("args", [("log", "{}"), ("status", "{}"), ("reassign", "{}", "--from", "w01", "--to", "w02"),
                                  ("check", "{}")])
def test_every_command_taking_a_case_id_picks_the_particle(sample: Path, run, case: str, args: tuple[str, ...]) -> None:
    before = files(sample)
    result = run(sample, *(a.format(case) for a in args))
    no_unpicked_particles(result.output)
    assert "Traceback" not in result.output and files(sample) == before
