"""Mistakes a tired practitioner makes in a record, each said once, where it is, with what to write.

Found by a probe that edited copies of the sample as case managers do: a time written for a
duration (14:30 read by YAML 1.1 as 870 minutes), keys in Korean, values that only look right
(a full-width space, letters or colon, a no-break space from the web), the template's `<…>` or
its explanation left beside the value, numbers with their unit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from casekit.core.casebook import check

MONITORING = "cases/2026-0001/05-monitoring.md"
INTERVENTION = "cases/2026-0001/04-intervention.md"


def edit(sample: Path, rel: str, old: str, new: str) -> int:
    """Replace the first `old` in a record of the sample copy; the line it stood on."""
    record = sample / rel
    text = record.read_text(encoding="utf-8")
    assert old in text, old
    record.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def errors_in(sample: Path, rel: str) -> list[tuple[str, int, str]]:
    return [(f.code, f.line or 0, f.message_ko) for f in check(sample, today=None).findings
            if f.path.endswith(rel) and f.severity == "error"]


@pytest.mark.parametrize(("old", "new", "says"), [
    ("minutes: 40", "minutes: 14:30", ["숫자 870", "분으로", '"14:30"']),
    ("minutes: 40", "minutes: 1:30", ["숫자 90", "분으로"]),
    ("minutes: 40", "minutes: 040", ["숫자 32", "앞의 0을 빼고 40으로"]),
    ("minutes: 40", "minutes: 1_000", ["숫자 1000", "밑줄(_) 없이 1000으로"]),
])
def test_a_number_yaml_reads_unlike_a_person_is_refused_and_the_rest_still_checked(
        sample: Path, old: str, new: str, says: list[str]) -> None:
    line = edit(sample, INTERVENTION, old, new)
    edit(sample, INTERVENTION, "type: ", "type: councelling_")  # another mistake in the same record
    found = errors_in(sample, INTERVENTION)
    number = [f for f in found if f[0] == "yaml-number-form"]
    assert [(c, n) for c, n, _ in number] == [("yaml-number-form", line)]
    assert all(s in number[0][2] for s in says), number[0][2]
    assert any(c == "not-in-list" for c, _, _ in found)  # the schema still read the record
    assert not any(c == "wrong-type" and n == line for c, n, _ in found)  # one finding for the value


ASSESSMENT = "cases/2026-0012/02-assessment.md"


@pytest.mark.parametrize(("new", "says"), [
    ("resources: naraedong-welfare-team, gaon-food-bank",
     "한 줄에 하나씩 '- '로 적으세요: '  - naraedong-welfare-team', '  - gaon-food-bank'"),
    ("resources: gaon-food-bank", "하나뿐이어도 목록으로, 이 키 다음 줄에 '- '로 적으세요: '  - gaon-food-bank'"),
])
def test_a_list_written_on_the_keys_line_shows_the_list_form(sample: Path, new: str, says: str) -> None:
    """`resources: a, b` (as a form's box is filled in) was "목록이어야 하는데 글자입니다" and no more:
    the worker is shown the items as a list is written."""
    line = edit(sample, ASSESSMENT, "resources:\n  - naraedong-welfare-team\n  - gaon-food-bank", new)
    found = errors_in(sample, ASSESSMENT)
    assert [(c, n) for c, n, _ in found] == [("wrong-type", line)], found
    assert says in found[0][2], found[0][2]


@pytest.mark.parametrize(("old", "new", "says"), [
    ('strengths:\n  - "경로당', 'strengths: 이웃과 잘 지냄\n  - "경로당',
     ["'strengths:' 뒤에 값을 적고 그 아래 2줄에도 목록 항목을", "'strengths:' 뒤의 값을 지우고"]),
])
def test_a_list_yaml_folds_into_one_value_says_which_mistake(sample: Path, old: str, new: str,
                                                             says: list[str]) -> None:
    """A list's first item moved left, and a value written after the list's key (`strengths: 이웃과 잘
    지냄` above the items): YAML folds the lines into one value either way; the second was told its
    line was "0칸" against the items' 2, a mistake it had not made."""
    line = edit(sample, ASSESSMENT, old, new)
    found = errors_in(sample, ASSESSMENT)
    assert [(c, n) for c, n, _ in found] == [("yaml-folded-list", line)], found
    assert all(said in found[0][2] for said in says), found[0][2]


@pytest.mark.parametrize(("old", "new", "meant"), [
    ("stage: monitoring", "단계: monitoring", "'stage'(단계)"),
    ("date: ", "날짜: ", "'date'(기록 날짜)"),
    ("worker: ", "담당자: ", "'worker'(담당 사례관리자)"),
    ("decision: ", "결정: ", "'decision'(점검 결과 결정)"),
    ("next_review: ", "다음 점검일: ", "'next_review'(다음 점검일)"),
])
def test_a_key_written_in_korean_is_matched_to_its_title(sample: Path, old: str, new: str, meant: str) -> None:
    line = edit(sample, MONITORING, old, new)
    found = errors_in(sample, MONITORING)
    assert [(c, n) for c, n, _ in found] == [("unknown-field", line)]  # not also "required"
    assert f"혹시 {meant}" in found[0][2]


@pytest.mark.parametrize(("value", "says"), [
    ("continue\u3000", "전각 공백 U+3000"),
    ("continue\u200b", "보이지 않는 문자 U+200B"),
    ("\uff43\uff4f\uff4e\uff54\uff49\uff4e\uff55\uff45", "전각 글자"),
    ("continue\u00a0", "줄바꿈 없는 공백 U+00A0"),
])
def test_a_value_that_only_looks_right_names_the_odd_characters(sample: Path, value: str, says: str) -> None:
    line = edit(sample, MONITORING, "decision: continue", f"decision: {value}")
    found = errors_in(sample, MONITORING)
    assert [(c, n) for c, n, _ in found] == [("not-in-list", line)]
    assert says in found[0][2] and "continue로 다시 적으세요" in found[0][2]
    assert "혹시" not in found[0][2]  # not "did you mean continue?" beside a value that shows continue


def test_the_templates_explanation_left_after_the_value(sample: Path) -> None:
    edit(sample, MONITORING, "decision: continue", "decision: continue — 계획대로 진행")
    (found,) = errors_in(sample, MONITORING)
    assert found[0] == "not-in-list" and "코드만 적으세요: continue" in found[2]


@pytest.mark.parametrize(("new", "says"), [
    ('status: "<achieved>"', "꺾쇠 < >와 따옴표를 지우고 값만 적으세요. 예: status: achieved"),
    ('status: "<진행 상황: achieved | in_progress | not_started>"', "가운데 하나만 적으세요. 예: status: achieved"),
])
def test_a_placeholder_left_says_how_to_fill_it_in(sample: Path, new: str, says: str) -> None:
    line = edit(sample, MONITORING, "status: achieved", new)
    (found,) = errors_in(sample, MONITORING)
    assert found[:2] == ("placeholder", line)
    assert "(진행 상황)" in found[2] and says in found[2], found[2]


@pytest.mark.parametrize(("value", "says"), [
    ('"40"', "따옴표 없이 40으로"), ("40분", "단위(분) 없이 숫자만 적으세요. 예: 40"),
    ("1시간 30분", "분으로 바꿔 숫자만 적으세요. 예: 90"), ("약 40", "숫자만 적으세요"),
    ("0", "허용 범위(1~1440)"), ("2000", "허용 범위(1~1440)"),
    # the time said as it is spoken: the number to write, not "a number only" with none (found by a probe)
    ("약 40", "예: 40"), ("약 40분", "단위(분) 없이 숫자만 적으세요. 예: 40"), ("40분 정도", "예: 40"),
    ("1.5시간", "분으로 바꿔 숫자만 적으세요. 예: 90"), ("1시간쯤", "예: 60"),
    # said in Korean number words: native hours, Sino minutes, 반 half an hour
    ("한 시간", "분으로 바꿔 숫자만 적으세요. 예: 60"), ("두 시간", "예: 120"), ("한시간 반", "예: 90"),
    ("삼십 분", "분을 숫자로만 적으세요. 예: 30"), ("사십오분", "예: 45"), ("한 시간 이십 분", "예: 80"),
    ("1시간 반", "예: 90"), ("약 한 시간", "예: 60"), ("세 시간 반 정도", "예: 210"),
    # no one number said: no guess
    ("한두 시간", "숫자만 적으세요(단위나 설명 없이)."), ("서너 시간", "숫자만 적으세요(단위나 설명 없이)."),
    ("반나절", "숫자만 적으세요(단위나 설명 없이)."),
])
def test_a_number_field_says_what_to_write(sample: Path, value: str, says: str) -> None:
    line = edit(sample, INTERVENTION, "minutes: 40", f"minutes: {value}")
    (found,) = errors_in(sample, INTERVENTION)
    assert found[1] == line and says in found[2], found[2]


def test_a_date_written_as_eight_digits_gets_its_hyphens(sample: Path) -> None:
    edit(sample, MONITORING, 'date: "2026-05-20"', "date: 20260520")
    (found,) = errors_in(sample, MONITORING)
    assert found[0] == "wrong-type" and '"2026-05-20"처럼' in found[2]


def test_yes_where_a_choice_is_expected_lists_the_choices(sample: Path) -> None:
    edit(sample, MONITORING, "delivered: delivered", "delivered: yes")
    (found,) = errors_in(sample, MONITORING)
    assert "delivered" in found[2] and "따옴표로" not in found[2]


@pytest.mark.parametrize(("value", "says"), [
    ('"2026-05-20 14:30"', "날짜만 적으세요: 2026-05-20"), ("2026-05-20T14:30", "날짜만 적으세요: 2026-05-20"),
    ('"2026.5.20 오후 2시"', "날짜만 적으세요: 2026-05-20"), ('"5월 20일"', "연도를 넣어 YYYY-05-20처럼"),
    ('"2026-13-20 14:30"', "13월은 없습니다"),
])
def test_a_date_with_a_time_or_without_its_year(sample: Path, value: str, says: str) -> None:
    line = edit(sample, MONITORING, 'date: "2026-05-20"', f"date: {value}")
    found = [f for f in errors_in(sample, MONITORING) if f[0] == "bad-date"]
    assert [(c, n) for c, n, _ in found] == [("bad-date", line)] and says in found[0][2], found


@pytest.mark.parametrize(("value", "says"), [
    ("05-20-2026", "연도-월-일 순서로 적으세요: 2026-05-20"), ("20.05.2026", "연도-월-일 순서로 적으세요: 2026-05-20"),
    ('"20/05/2026"', "연도-월-일 순서로 적으세요: 2026-05-20"),
    ("05-06-2026", "2026-05-06과 2026-06-05 중 맞는 날짜를 적으세요"),
])
def test_a_date_with_its_year_last_is_told_the_date_to_write(sample: Path, value: str, says: str) -> None:
    """A record's date in the month-day-year or day-month-year order got a bad-date with no hint."""
    line = edit(sample, MONITORING, 'date: "2026-05-20"', f"date: {value}")
    found = [f for f in errors_in(sample, MONITORING) if f[0] == "bad-date"]
    assert [(c, n) for c, n, _ in found] == [("bad-date", line)] and says in found[0][2], found


@pytest.mark.parametrize(("value", "says"), [
    # 20.05.26 in a record of 2026: yy.mm.dd (2020) as Koreans write it, or the year last (2026): both
    ('"20.05.26"', "(이 기록의 다른 날짜는 2026년), 2020-05-26과 2026-05-20 중 맞는 날짜를 적으세요."),
    ("20-05-26", "2020-05-26과 2026-05-20 중"), ('"20/05/26"', "2020-05-26과 2026-05-20 중"),
    # one reading only near the record's dates, or one date only: that one
    ('"26.05.20"', "연도는 네 자리로 적으세요: 2026-05-20"), ('"26.04.02"', "연도는 네 자리로 적으세요: 2026-04-02"),
])
def test_a_date_in_two_digit_groups_is_read_against_the_records_other_dates(sample: Path, value: str, says: str) -> None:
    """20.05.26 was told 2020-05-26 alone, in a record whose other dates are all of 2026."""
    line = edit(sample, INTERVENTION, 'date: "2026-03-30"', f"date: {value}")
    found = [f for f in errors_in(sample, INTERVENTION) if f[0] == "bad-date"]
    assert [(c, n) for c, n, _ in found] == [("bad-date", line)] and says in found[0][2], found


def test_a_birth_date_with_its_year_last_is_told_its_shape_only(sample: Path) -> None:
    line = edit(sample, INTAKE, 'birth_date: "1969-07-21"', "birth_date: 21.07.1969")
    found = [f for f in check(sample, today=None).findings if f.path == INTAKE]
    assert [(f.code, f.line) for f in found] == [("bad-date", line)], found
    assert "연도-월-일 순서로 적으세요: 1969-○○-○○" in found[0].message_ko
    assert "21" not in found[0].message_ko + found[0].message_en


def test_a_record_copied_from_another_case_says_both_ways_out(sample: Path) -> None:
    (sample / "cases/2026-0002/99-monitoring.md").write_bytes((sample / MONITORING).read_bytes())
    (found,) = [f for f in errors_in(sample, "2026-0002/99-monitoring.md") if f[0] == "case-mismatch"]
    assert 'case: "2026-0002"로 고치고' in found[2] and "그 사례 폴더로 옮기세요" in found[2]


def test_two_new_cases_not_yet_filled_in_do_not_share_an_alias(sample: Path) -> None:
    """The template's `<가명 표기 …>` in two fresh intakes is a placeholder in each, not one alias."""
    from casekit.core.scaffold import new_case

    for cid in ("2026-0901", "2026-0902"):
        new_case(sample, case_id=cid, worker="kim.sw")
    codes = {f.code for f in check(sample).findings if "/2026-09" in f.path}
    assert "placeholder" in codes and "alias-duplicate" not in codes


@pytest.mark.parametrize(("name", "meant"), [
    ("10-monitoring.md.txt", "10-monitoring.md"), ("monitoring.md", "10-monitoring.md"),
    ("10_monitoring.md", "10-monitoring.md"), ("10-점검.md", "10-monitoring.md"),
    ("10-Monitoring.MD", "10-monitoring.md"), ("10-모니터링.md", "10-monitoring.md"),
    (unicodedata.normalize("NFD", "10-점검.md"), "10-monitoring.md"),  # a name from a Mac (NFD Hangul)
    ("5-monitoring.md", "10-monitoring.md"),  # 05 is another record's number: never that name
])
def test_a_misnamed_record_gets_the_name_it_was_meant_to_have(sample: Path, name: str, meant: str) -> None:
    assert sorted(p.name for p in (sample / "cases/2026-0001").glob("0*.md"))[-1] == "09-followup.md"
    (sample / "cases/2026-0001" / name).write_bytes((sample / MONITORING).read_bytes())
    (found,) = [f for f in check(sample).findings if f.code == "bad-file-name"]
    assert f"{meant}로 바꾸세요" in found.message_ko and "검사하지 못했습니다" in found.message_ko, found.message_ko


def test_the_stage_words_of_add_and_of_file_names_are_one_table() -> None:
    from casekit.core.names import record_name_for, stage_of_word
    from casekit.core.scaffold import resolve_stage

    for word in ("모니터링", "실행(개입)", "재사정", "사후 관리", "Follow-Up", "사례회의"):
        assert resolve_stage(word) == (stage_of_word(word), None)
        assert record_name_for(f"3-{word}.md", 9) == f"03-{stage_of_word(word)}.md"
    assert record_name_for("foo.md", 9) is None
    assert record_name_for("120-intake.md", 9) == record_name_for("00-intake.md", 9) == "09-intake.md"  # (no record takes it)


@pytest.mark.parametrize(("old", "new", "says"), [
    ("  - goal: G2", "  -goal: G2", "목록 표시(-) 뒤에 공백이 있어야 합니다. 예: - goal: G2"),
    ("    status: achieved", "   status: achieved", "이 줄은 3칸 들여 썼습니다. 같은 묶음의 다른 항목들처럼 4칸으로 맞추세요"),
    ('    note: "5월 초', "    note: @생계급여 ", '값이 @로 시작하면 YAML은 특수 기호로 읽습니다. 값 전체를 따옴표로 감싸세요. 예: note: "@생계급여'),
    ('    note: "5월 초', "    note: - 생계급여 ", '예: note: "- 생계급여'),
    ('    note: "5월 초', "    note: *중요* ", '예: note: "*중요*'),
    ('    note: "5월 초 생계급여와 주거급여가 결정되었고 체납 월세를 정리함"',
     "    note: 5월 초 생계급여와 주거급여가 결정되었고\n  체납 월세를 정리함", "윗줄의 값이 이 줄로 이어진 것 같습니다"),
])
def test_common_yaml_slips_are_explained(sample: Path, old: str, new: str, says: str) -> None:
    edit(sample, MONITORING, old, new)
    (found,) = errors_in(sample, MONITORING)
    assert found[0] == "yaml-syntax" and says in found[2], found[2]


def test_a_sensitive_value_in_a_body_is_named_in_the_practices_words(sample: Path) -> None:
    edit(sample, INTERVENTION, "# 실행", "# 실행\n\n박영수 씨에게 010-0000-1001로 연락함")
    said = {f[2] for f in errors_in(sample, INTERVENTION) if f[0] == "sensitive-in-text"}
    assert any("client.name, 클라이언트 실명" in m for m in said) and any("클라이언트 전화번호" in m for m in said)
    assert all("지우세요" in m for m in said)


# --- a sync client's or an editor's copy, a case folder's invisible characters, log and new with a slip ---

INTAKE_12 = "cases/2026-0012/01-intake.md"


@pytest.mark.parametrize(("name", "original", "by"), [
    ("01-intake (1).md", "01-intake.md", "동기화 프로그램"),
    ("01-intake (홍길동의 충돌된 사본 2026-11-30).md", "01-intake.md", "동기화 프로그램"),  # Dropbox
    ("01-intake-DESKTOP-AB12.md", "01-intake.md", "동기화 프로그램"),  # OneDrive
    ("04-intervention 2.md", "04-intervention.md", "동기화 프로그램"),  # iCloud, the Finder
    ("01-intake - 복사본.md", "01-intake.md", "동기화 프로그램"),  # Windows Explorer
    ("01-intake.md~", "01-intake.md", "편집기"),
    ("01-intake.md.bak", "01-intake.md", "편집기"),
    ("01-intake.md.orig", "01-intake.md", "편집기"),
    ("#01-intake.md#", "01-intake.md", "편집기"),  # Emacs (an unexpected-file warning before)
])
def test_a_sync_or_editor_copy_is_one_finding_naming_its_original(sample: Path, name: str, original: str, by: str) -> None:
    """A sync client's copy is two versions of one record: an error until merged. An editor's backup
    is made on every save (the old text, or unsaved edits): a warning, neither checked nor published."""
    folder = sample / "cases/2026-0012"
    (folder / name).write_bytes((folder / original).read_bytes())
    found = [f for f in check(sample).findings if f.path == f"cases/2026-0012/{name}"]
    said = found[0].message_ko
    assert by in said, said
    if by == "편집기":
        assert [(f.code, f.severity) for f in found] == [("backup-file", "warning")]
        assert f"{original}의 백업으로 보입니다" in said and "이 파일을 지우세요" in said, said
        assert f"a backup of {original}" in found[0].message_en
    else:
        assert [(f.code, f.severity) for f in found] == [("copy-file", "error")]
        assert f"{original}의 사본으로 보입니다" in said, said
        assert f"필요한 내용을 {original}에 옮긴 뒤 이 파일을 지우세요" in said, said
        assert f"a copy of {original}" in found[0].message_en


def test_a_copy_whose_original_is_gone_is_told_to_take_its_name(sample: Path) -> None:
    folder = sample / "cases/2026-0012"
    (folder / "04-intervention.md").rename(folder / "04-intervention (1).md")
    (found,) = [f for f in check(sample).findings if f.path.startswith("cases/2026-0012/")]
    assert found.code == "bad-file-name" and "04-intervention.md로 바꾸세요" in found.message_ko, found.message_ko


def test_copies_are_only_looked_for_among_names_that_are_no_record() -> None:
    from casekit.core.names import copy_of

    assert copy_of("01-intake.md") is None and copy_of("notes.txt") is None and copy_of("03-plan-revised.md") is None
    assert copy_of("01-intake_LOCAL_1234.md") == ("01-intake.md", "editor")  # git mergetool
    assert copy_of("09-followup.txt") == copy_of("09-followup.md.txt") == ("09-followup.md", "sync")  # (Notepad)
    assert copy_of("01-intake.sync-conflict-20261130-123456-ABCDEFG.md") == ("01-intake.md", "sync")  # Syncthing
    for name in ("03-plan_최종.md", "03-plan 최종.md", "03-plan-old.md", "03-plan_v2.md", "03-plan_20260325.md",
                 "03-plan최종.md", "03-plan_최종 (1).md"):  # a version a person kept apart
        assert copy_of(name) == ("03-plan.md", "saved"), name
    assert copy_of("03-plan_수정.md") is None and copy_of("notes_old.txt") is None


@pytest.mark.parametrize(("folder", "says", "meant"), [
    ("2026-0014 ", "끝에 공백", "2026-0014"),
    ("２０２６-0015", "전각 숫자 ２０２６", "2026-0015"),
    ("2026-0015.", "끝에 마침표(.)", "2026-0015"),
    ("2026-0015\u200b", "보이지 않는 문자 U+200B", "2026-0015"),
])
def test_a_case_folder_name_says_the_character_nobody_sees_and_the_id_meant(
        sample: Path, folder: str, says: str, meant: str) -> None:
    (sample / "cases/2026-0014").rename(sample / "cases" / folder)
    (found,) = [f for f in check(sample).findings if f.code == "bad-case-id"]
    assert says in found.message_ko and f"폴더 이름을 {meant}" in found.message_ko, found.message_ko


def test_a_record_name_with_a_trailing_space_says_so(sample: Path) -> None:
    folder = sample / "cases/2026-0012"
    (folder / "04-intervention.md").rename(folder / "04-intervention.md ")
    (found,) = [f for f in check(sample).findings if f.code == "bad-file-name"]
    assert "끝에 공백" in found.message_ko and "04-intervention.md로 바꾸세요" in found.message_ko, found.message_ko


@pytest.mark.parametrize("name", ["con", "aux", "NUL", "com1"])
def test_new_refuses_a_windows_device_name_saying_why(sample: Path, run, name: str) -> None:
    result = run(sample, "new", name, "--worker", "kim.sw")
    # (a usage error, exit 2, as for any case id not written as ids are: `add` and `new` alike)
    assert result.exit_code == 2 and "Windows가 장치 이름으로 남겨 둔 이름" in result.output, result.output
    assert not (sample / "cases" / name).exists()


def test_log_with_a_mistyped_case_id_says_the_case_meant_with_or_without_git(sample: Path, run) -> None:
    outside = run(sample, "log", "2026-0021", env={"GIT_CEILING_DIRECTORIES": str(sample.parent)})
    assert outside.exit_code == 2 and "사례 '2026-0021'이 없습니다. 혹시" in outside.output, outside.output
    assert "history-no-git" not in outside.output  # the missing case first, not "no history" and exit 0
    env = {"GIT_AUTHOR_NAME": "k", "GIT_AUTHOR_EMAIL": "k@x", "GIT_COMMITTER_NAME": "k", "GIT_COMMITTER_EMAIL": "k@x",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(sample.parent)}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "init"]):
        subprocess.run(["git", *args], cwd=sample, env={**os.environ, **env}, check=True,
                       capture_output=True)
    inside = run(sample, "log", "2026-0021")
    assert inside.exit_code == 2 and "이력에도 없습니다. 혹시 2026-00" in inside.output, inside.output
    assert run(sample, "log", "2026-0012").exit_code == 0


def test_status_with_a_mistyped_case_id_says_the_case_meant(sample: Path, run) -> None:
    result = run(sample, "status", "2026-0102")
    assert result.exit_code == 2 and "사례 '2026-0102'가 없습니다. 혹시 2026-0012인가요?" in result.output, result.output


def test_an_empty_record_gets_no_process_finding_that_would_need_its_content(sample: Path) -> None:
    (sample / "cases/2026-0014/03-intervention.md").write_text("", encoding="utf-8")  # linked before any plan
    found = [f.code for f in check(sample).findings if f.path == "cases/2026-0014/03-intervention.md"]
    assert found == ["file-empty"]  # not also needs-plan: whether it was crisis or linking work is unknown
    (sample / "cases/2026-0001/10-intake.md").write_text("", encoding="utf-8")  # after the closure
    found = [f.code for f in check(sample).findings if f.path == "cases/2026-0001/10-intake.md"]
    assert found == ["file-empty"]  # not also reopening-unmarked: it may well be marked


@pytest.mark.parametrize("name", ["2026-0002 (1)", "2026-0002 - 복사본", "2026-0002 copy", "2026-0002 2"])
def test_a_copied_case_folder_is_called_a_copy(sample: Path, run, name: str) -> None:
    """A case folder copied by a sync client or a file manager said only which characters a case id
    may not hold: it names the folder it copies, as a copied record file does."""
    shutil.copytree(sample / "cases" / "2026-0002", sample / "cases" / name)
    out = run(sample, "check").output
    assert "사례 폴더 2026-0002의 복사본으로 보입니다" in out and "이 폴더는 지우세요" in out, out


def test_two_copies_of_a_missing_record_are_told_of_each_other(sample: Path) -> None:
    """A sync client left 03-plan (1).md and 03-plan - 복사본.md and the original is gone: each was
    told to become a different record (03-plan.md, then 12-plan.md, a plan never written). Each
    now names the other, the original they copy, and that one is kept under its name."""
    case = sample / "cases" / "2026-0002"
    os.rename(case / "03-plan.md", case / "03-plan (1).md")
    shutil.copyfile(case / "03-plan (1).md", case / "03-plan - 복사본.md")
    found = {f.path.rsplit("/", 1)[1]: f for f in check(sample, today=None).findings if f.code == "bad-file-name"}
    assert set(found) == {"03-plan (1).md", "03-plan - 복사본.md"}
    assert "'03-plan - 복사본.md'와(과) 함께 03-plan.md의 사본" in found["03-plan (1).md"].message_ko
    assert "'03-plan (1).md'와(과) 함께 03-plan.md의 사본" in found["03-plan - 복사본.md"].message_ko
    for f in found.values():
        assert "맞는 하나를 03-plan.md로 바꾸고 나머지는 지우세요" in f.message_ko
        assert "12-plan" not in f.message_ko and "compare them, rename the right one 03-plan.md" in f.message_en


def test_copies_of_a_missing_record_whose_number_another_record_took(sample: Path) -> None:
    case = sample / "cases" / "2026-0002"
    os.rename(case / "03-plan.md", case / "02-plan (1).md")
    shutil.copyfile(case / "02-plan (1).md", case / "02-plan (2).md")
    found = [f for f in check(sample, today=None).findings if f.code == "bad-file-name"]
    assert len(found) == 2 and all("맞는 하나를 12-plan.md로 바꾸고" in f.message_ko for f in found), found


def test_year_0000_is_not_a_date(sample: Path) -> None:
    """jsonschema-rs passes 0000-01-01 (RFC 3339 allows it); Python holds no year 0, so every rule
    after validation took the record for one without a date and the check passed."""
    line = edit(sample, MONITORING, 'date: "2026-05-20"', 'date: "0000-05-20"')
    found = errors_in(sample, MONITORING)
    assert [(c, n) for c, n, _ in found] == [("bad-date", line)] and "0000년은 없습니다" in found[0][2], found


def test_year_0000_in_an_option_is_told_why(sample: Path, run) -> None:
    """--month 0000-01 was told to write 0000-01 (what was typed); --today 0000-01-01 got no reason."""
    month = run(sample, "report", "--month", "0000-01")
    assert month.exit_code == 2 and "0000년은 없습니다" in month.output and "0000-01로" not in month.output
    today = run(sample, "due", "--today", "0000-01-01")
    assert today.exit_code == 2 and "0000년은 없습니다" in today.output, today.output


@pytest.mark.parametrize("command", ["due", "status", "report", "export"])
def test_a_record_dated_at_the_end_of_the_calendar_is_a_finding_not_a_traceback(sample: Path, run,
                                                                                 command: str) -> None:
    """9999-12-31, as some offices write "open-ended": its deadline lies past the calendar."""
    edit(sample, "cases/2026-0009/01-intake.md", "date: ", 'date: "9999-12-31"\nx_old_date: ')
    assert any(f.code == "date-far-future" for f in check(sample, today=None).errors)
    args = {"due": ["--today", "2026-11-20", "--all"], "status": ["--today", "2026-11-20"]}.get(command, [])
    result = run(sample, command, *args)
    assert result.exit_code in (0, 1), result.output
    if command == "due":
        assert "9999-12-31" in result.output and "2026-0009" in result.output


def test_due_report_and_export_say_when_a_broken_record_leaves_something_out(sample: Path, run) -> None:
    """A record check cannot read drops its case's deadlines from `due` and its counts from
    `report` (a probe's: an unclosed quote in a plan hid the case's overdue 점검): each says so on
    stderr, naming the case, instead of a list that reads as complete."""
    plan = sample / "cases" / "2026-0012" / "03-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace('goal: "', 'goal: ""', 1), encoding="utf-8")
    for args in (["due"], ["report", "--month", "2026-11"], ["export"]):
        result = run(sample, *args)
        assert "검사 오류 1건 (사례 2026-0012)" in result.stderr, (args, result.stderr)
        assert "casekit check" in result.stderr
    payload = json.loads(run(sample, "due", "--format", "json").stdout)
    assert payload["check_errors"] == 1
    plan.write_text(plan.read_text(encoding="utf-8").replace('goal: ""', 'goal: "', 1), encoding="utf-8")
    assert "검사 오류" not in run(sample, "due").stderr


def test_check_takes_a_case_id_as_status_and_log_do(sample: Path, run) -> None:
    """`casekit check 2026-0012` was refused ('없는 Path입니다'), though `status`, `add` and `log`
    take the id: it checks the case folder now, and a near miss names the case meant."""
    result = run(sample, "check", "2026-0012")
    assert result.exit_code == 0 and "문제 없음" in result.output, result.output
    assert "기록 83개" not in result.output  # one case's records, not the casebook's
    result = run(sample, "check", "2026-012")
    assert result.exit_code == 2 and "혹시 2026-0012인가요?" in result.output, result.output
    result = run(sample, "check", "없는/경로")
    assert result.exit_code == 2 and "사례 번호(2026-0012)" in result.output


# --- a worker id mistyped in one record: `due --worker kim.sw` lost the case, and check said nothing ---

def warnings_of(sample: Path, code: str) -> list[tuple[str, int, int, str]]:
    return [(f.path, f.line or 0, f.column or 0, f.message_ko) for f in check(sample, today=None).findings
            if f.code == code]


@pytest.mark.parametrize("typed", ["kim.ws", "kimsw", "Kim.sw", "kim.s", "kim_sw"])
def test_a_worker_id_mistyped_in_one_record_names_the_id_meant(sample: Path, run, typed: str) -> None:
    line = edit(sample, INTAKE_12, "worker: kim.sw", f"worker: {typed}")
    (found,) = warnings_of(sample, "worker-typo")
    assert found[:3] == (INTAKE_12, line, 9), found
    assert f"담당자 '{typed}'" in found[3] and "여기에만 나옵니다. 혹시 'kim.sw'" in found[3], found[3]
    assert "worker: kim.sw로 고치세요" in found[3]
    # the same finding when only that case is checked (the ids of the whole casebook are compared)
    alone = run(sample, "check", "--format", "json", "cases/2026-0012")
    assert [f["code"] for f in json.loads(alone.stdout)["findings"]] == ["worker-typo"], alone.stdout


def test_a_new_worker_and_two_close_workers_with_several_records_are_not_typos(sample: Path) -> None:
    edit(sample, INTAKE_12, "worker: kim.sw", "worker: jung.sw")  # a new colleague: no id close to it
    for rel in sorted((sample / "cases/2026-0014").glob("*.md")):  # kim.sx has records of its own: a person
        text = rel.read_text(encoding="utf-8")
        rel.write_text(text.replace("worker: kim.sw", "worker: kim.sx").replace("worker: lee.sw", "worker: kim.sx"),
                       encoding="utf-8")
    assert sum("worker: kim.sx" in p.read_text(encoding="utf-8") for p in (sample / "cases/2026-0014").glob("*.md")) >= 2
    assert warnings_of(sample, "worker-typo") == []


def test_a_handovers_new_worker_mistyped_is_found_and_a_handover_counts_as_a_use(sample: Path) -> None:
    handover = sample / "cases/2026-0012/handover.yml"
    handover.write_text("handovers:\n  - date: 2026-11-01\n    from: kim.sw\n    to: lee.ws\n    reason: \"휴직\"\n",
                        encoding="utf-8")
    (found,) = warnings_of(sample, "worker-typo")
    assert found[:3] == ("cases/2026-0012/handover.yml", 4, 9) and "to: lee.sw로 고치세요" in found[3], found
    # a record naming the handover's new worker in the same way: two uses, no longer a slip
    handover.write_text(handover.read_text(encoding="utf-8").replace("lee.ws", "lee.sx"), encoding="utf-8")
    edit(sample, INTAKE_12.replace("01-intake", "04-intervention"), "worker: kim.sw", "worker: lee.sx")
    assert warnings_of(sample, "worker-typo") == []


# --- lines before the opening `---`: the front matter is there, one line down ---

@pytest.mark.parametrize(("lead", "count", "what"), [
    ("\n", 1, "1줄(빈 줄)"), ("# 접수\n", 1, "1줄(제목)을 지우세요. 제목은 머리말을 닫는 '---' 줄 뒤"),
    ("# 접수\n\n", 2, "2줄(제목과 빈 줄)"),
])
def test_lines_before_the_opening_dashes_are_one_finding_and_the_record_is_still_read(
        sample: Path, lead: str, count: int, what: str) -> None:
    record = sample / INTAKE_12
    record.write_text(lead + record.read_text(encoding="utf-8"), encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path == INTAKE_12]
    assert [(f.code, f.line, f.column) for f in found] == [("front-matter-not-first", 1, 1)], found
    said = found[0].message_ko
    assert "첫 줄이 '---'이어야 합니다" in said and f"머리말이 {count + 1}번째 줄에서 시작합니다" in said, said
    assert f"'---' 앞의 {what}" in said, said
    # read from where it is: no "front matter missing", no client phone taken for body text, no
    # sharing without consent in the later records (the consents are read)
    assert not [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")][1:]


def test_a_value_error_in_front_matter_one_line_down_is_found_where_it_is(sample: Path) -> None:
    line = edit(sample, INTAKE_12, 'alias: "이○자"', 'alias: "이○자')
    record = sample / INTAKE_12
    record.write_text("# 접수\n" + record.read_text(encoding="utf-8"), encoding="utf-8")
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path == INTAKE_12]
    assert found == [("front-matter-not-first", 1), ("yaml-syntax", line + 1)], found


# --- characters that only look right in a code, an id or a date: named once, where they are ---

@pytest.mark.parametrize(("old", "new", "says", "char_at"), [
    ("stage: intake", "stage: intake\u3000", "'stage'(단계)의 값 끝에 전각 공백(U+3000)이 있습니다. 지우세요: stage: intake",
     "\u3000"),
    ('case: "2026-0012"', 'case: "\uff12\uff10\uff12\uff16-0012"', "전각 숫자(２０２６)", "\uff12"),
    ('case: "2026-0012"', 'case: "2026-0012 "', "'case'(사례 번호)의 값 끝에 공백이 있습니다. 지우세요: case: 2026-0012", " \""),
    ('date: "2026-10-14"', 'date: "2026\uff0d10\uff0d14"', "전각 하이픈(－)이 있습니다. 반각으로 쓰세요: date: 2026-10-14",
     "\uff0d"),
    ('date: "2026-10-14"', 'date: "2026\u201310\u201314"', "하이픈(-)으로 바꿔 쓰세요: date: 2026-10-14", "\u2013"),
    ("worker: kim.sw", 'worker: "kim.sw "', "지우세요: worker: kim.sw", " \""),
    ("worker: kim.sw", "worker: \uff4b\uff49\uff4d.sw", "전각 글자", "\uff4b"),
    # quotes a word processor or a messenger made of straight ones: YAML keeps them as characters
    ('date: "2026-10-14"', "date: \u201c2026-10-14\u201d",
     '둥근 따옴표(\u201c\u201d)가 있습니다. YAML은 이 따옴표를 값의 글자로 읽습니다. 따옴표를 지우거나 곧은 따옴표(")로 쓰세요: '
     'date: "2026-10-14"', "\u201c"),
    ("worker: kim.sw", "worker: \u2018kim.sw\u2019", '곧은 따옴표(")로 쓰세요: worker: "kim.sw"', "\u2018"),
    ('case: "2026-0012"', "case: \u300c2026-0012\u300d", "낫표(\u300c\u300d)가 있습니다", "\u300c"),
])
def test_a_character_that_only_looks_right_in_an_id_or_date_is_one_finding_at_it(
        sample: Path, old: str, new: str, says: str, char_at: str) -> None:
    line = edit(sample, INTAKE_12, old, new)
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]
    assert [(f.code, f.line) for f in found] == [("odd-character", line)], found  # not also case-mismatch …
    assert says in found[0].message_ko, found[0].message_ko
    assert new.index(char_at, new.index(": ") + 2) + 1 == found[0].column  # at the character itself


def test_a_code_of_a_list_in_curly_quotes_says_why_it_is_not_the_code(sample: Path) -> None:
    line = edit(sample, INTAKE_12, "decision: eligible", "decision: \u201celigible\u201d")
    (found,) = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]
    assert (found.code, found.line) == ("not-in-list", line), found
    assert "따옴표는 YAML이 값의 글자로 읽습니다. 따옴표를 지우고 eligible로 적으세요" in found.message_ko, found.message_ko


def test_a_need_id_with_a_space_is_not_also_an_unknown_need(sample: Path) -> None:
    line = edit(sample, "cases/2026-0012/03-plan.md", "need: N1", 'need: "N1\u3000"')
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]
    assert found == [("odd-character", line)], found


@pytest.mark.parametrize("sign", ["\uff0d", "\u2022", "*", "\u2013", "\u2022\u3000"])
def test_a_list_written_with_another_sign_says_to_use_a_hyphen(sample: Path, sign: str) -> None:
    text = (sample / INTAKE_12).read_text(encoding="utf-8")
    first = text[: text.index('  - "전기요금')].count("\n") + 1
    spaced = sign if sign.endswith("\u3000") else sign + " "  # (a full-width space after it: the same slip)
    (sample / INTAKE_12).write_text(text.replace('  - "', f'  {spaced}"'), encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]
    assert [(f.code, f.line, f.column) for f in found] == [("list-marker", first + i, 3) for i in range(3)], found
    assert "목록은 '- '(반각 하이픈과 공백)으로 쓰세요. 예: - \"전기요금" in found[0].message_ko


def test_one_list_item_written_with_a_bullet_is_told_as_a_list(sample: Path) -> None:
    text = (sample / INTAKE_12).read_text(encoding="utf-8")
    start = text.index('  - "전기요금')
    end = text.index("eligibility:")
    (sample / INTAKE_12).write_text(text[:start] + '  • "전기요금 체납"\n' + text[end:], encoding="utf-8")
    (found,) = [f for f in check(sample, today=None).findings if f.path == INTAKE_12]
    assert found.code == "wrong-type" and "목록은 '- '(반각 하이픈과 공백)으로 쓰세요" in found.message_ko, found


def test_a_bullet_inside_a_text_block_is_left_alone(sample: Path) -> None:
    edit(sample, INTAKE_12, 'household: "1인 가구"', 'household: |\n    • 1인 가구\n    • 자녀 없음')
    assert [f for f in check(sample, today=None).findings if f.path == INTAKE_12] == []


# --- dates as people write them ---

@pytest.mark.parametrize(("value", "says"), [
    ('"2026. 10. 14."', "2026-10-14로 적으세요"), ("2026. 10. 14.", "2026-10-14로 적으세요"),
    ("2026.10.14", "2026-10-14로 적으세요"), ('"2026-10-14 (화)"', "요일은 빼고 날짜만 적으세요: 2026-10-14"),
    ('"2026-10-14 화요일"', "요일은 빼고 날짜만 적으세요: 2026-10-14"), ('"2026-10-14."', "2026-10-14로 적으세요"),
    ('"26-10-14"', "연도는 네 자리로 적으세요: 2026-10-14"), ('"2026. 10. 14. (화)"', "2026-10-14로 적으세요"),
])
def test_a_date_written_the_way_people_write_it_gets_the_date_meant(sample: Path, value: str, says: str) -> None:
    line = edit(sample, INTAKE_12, 'date: "2026-10-14"', f"date: {value}")
    found = [f for f in errors_in(sample, INTAKE_12) if f[1] == line]
    assert [c for c, _, _ in found] == ["bad-date"] and says in found[0][2], found


def test_a_birth_year_in_two_digits_is_taken_in_the_last_century(sample: Path) -> None:
    line = edit(sample, INTAKE_12, 'birth_date: "1955-12-01"', 'birth_date: "55-12-01"')
    (found,) = [f for f in errors_in(sample, INTAKE_12) if f[1] == line]
    assert "연도는 네 자리로 적으세요: 1955-○○-○○" in found[2], found  # (a sensitive value: its year alone shown)


# --- two ids where one goes ---

@pytest.mark.parametrize("value", ["N1, N2", "N1/N2", "N1 및 N2"])
def test_two_needs_in_one_goal_say_to_write_one_and_give_the_other_a_goal(sample: Path, value: str) -> None:
    plan = "cases/2026-0012/03-plan.md"
    line = edit(sample, plan, "need: N1", f"need: {value}")
    found = [f for f in check(sample, today=None).findings if f.path == plan]
    assert [(f.code, f.line) for f in found] == [("several-ids", line)], found
    said = found[0].message_ko
    assert "ID 하나만 적습니다" in said and "need: N1처럼" in said and "나머지(N2)" in said, said
    assert "사정(02-assessment.md)에 없습니다" not in said


def test_two_needs_as_a_list_say_the_same(sample: Path) -> None:
    plan = "cases/2026-0012/03-plan.md"
    edit(sample, plan, "need: N1", "need: [N1, N2]")
    (found,) = [f for f in check(sample, today=None).findings if f.path == plan]
    assert found.code == "wrong-type" and "주된 하나(N1)를 적고, 나머지(N2)" in found.message_ko, found.message_ko


def test_the_quick_test_of_a_record_misses_no_character_the_full_one_names() -> None:
    """`may_hold_odd` spares most records the walk over their values: it must see every character
    `odd_characters` would name, or such a value would pass unnamed."""
    import re

    from casekit.core.hints import _ODD_IN_CODE, may_hold_odd, odd_characters

    named = re.compile(_ODD_IN_CODE.pattern.split("]|", 1)[0] + "]")
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and named.match(chr(c))]
    assert len(chars) > 100 and all(may_hold_odd(f'a: "x{ch}y"\n') for ch in chars)
    assert all(odd_characters(f"x{ch}y") is not None for ch in chars)
    assert may_hold_odd('case: "2026-0012 "\n') and may_hold_odd('case: " 2026-0012"\n')


# --- a record named without its number, and what follows from a record not read as what it is ---

@pytest.mark.parametrize(("moved", "name", "meant"), [
    ("01-intake.md", "intake.md", "01-intake.md"),  # not 05-intake.md: the next number after the last
    ("03-plan.md", "plan.md", "03-plan.md"),
    ("04-intervention.md", "intervention.md", "04-intervention.md"),
    ("01-intake.md", "00-intake.md", "01-intake.md"),  # a number no record takes: as if none were written
    ("04-intervention.md", "00-intervention.md", "04-intervention.md"),
    ("03-plan.md", "100-plan.md", "03-plan.md"),
])
def test_a_record_without_a_number_is_told_the_free_number_its_stage_takes(
        sample: Path, moved: str, name: str, meant: str) -> None:
    folder = sample / "cases/2026-0012"
    (folder / moved).rename(folder / name)
    (found,) = [f for f in check(sample, today=None).findings if f.code == "bad-file-name"]
    assert f"{meant}로 바꾸세요" in found.message_ko, found.message_ko


def test_a_misnamed_intake_is_one_finding_not_a_pile_of_consent_errors(sample: Path) -> None:
    folder = sample / "cases/2026-0012"
    (folder / "01-intake.md").rename(folder / "intake.md")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]
    assert [f.code for f in found] == ["bad-file-name"], found  # not first-not-intake (nor, without an intake, sharing-without-consent)
    assert "접수 내용(동의 등)을 읽지 못해, 그에 따라 달라지는 이 사례의 다른 기록 검사 1건은 이름을 고친 뒤 다시 합니다" \
        in found[0].message_ko, found[0].message_ko
    # an independent problem of the case is still said
    edit(sample, "cases/2026-0012/03-plan.md", "goal: G1", "goal: G9")
    assert "unknown-goal" in [f.code for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]


CASE_1 = "cases/2026-0001"


def case_findings(sample: Path, case: str = CASE_1) -> list:
    return [f for f in check(sample, today=None).findings if f.path.startswith(f"{case}/")]


@pytest.mark.parametrize(("moved", "name", "waiting"), [
    ("03-plan.md", "03-plann.md", 1),  # needs-plan at 04-intervention.md (naming the three after it)
    ("03-plan.md", "03-paln.md", 1),  # two letters swapped
    ("03-plan.md", "03-plan_최종.md", 1),  # a version kept apart, its original gone
    ("03-plan.md", "03-plan 최종.md", 1),
    ("03-plan.md", "03-plan-old.md", 1),
    ("03-plan.md", "03-plan_v2.md", 1),
    ("03-plan.md", "03-plan_20260325.md", 1),
    ("03-plan.md", "03-게획.md", 1),  # one stroke off 계획 on a Korean keyboard
    ("03-plan.md", "03-계획서.md", 1),
    ("02-assessment.md", "02-assesment.md", 1),  # plan-without-assessment at 03-plan.md
    ("07-closure.md", "07-close.md", 2),  # followup-before-closure at 08 and 09
    ("07-closure.md", "07-closure_old.md", 2),
    ("07-closure.md", "07-종걸.md", 2),
    ("05-monitoring.md", "05-monitor.md", 1),  # number-gap at 06-monitoring.md ("restore 05 from git")
    ("05-monitoring.md", "05-Monitoring.md", 1),  # (a variant told its name before, but not the gap's cause)
    ("04-intervention.md", "04-intervension.md", 1),  # number-gap at 05-monitoring.md
    ("09-followup.md", "09-folowup.md", 0),
])
def test_a_misspelt_stage_in_a_record_name_is_told_its_name_and_nothing_else_follows(
        sample: Path, moved: str, name: str, waiting: int) -> None:
    """A record whose file name misspells its stage (or adds a version mark) was a bare bad-file-name,
    and the case's correct records got what follows from its absence: needs-plan, plan-without-assessment,
    followup-before-closure twice, a number-gap telling to restore from git a record that is right there."""
    folder = sample / CASE_1
    (folder / moved).rename(folder / name)
    found = case_findings(sample)
    assert [(f.path, f.code) for f in found] == [(f"{CASE_1}/{name}", "bad-file-name")], found
    said = found[0].message_ko
    assert f"{moved}로 바꾸세요" in said or f"{moved}으로 바꾸세요" in said, said
    assert f"rename it {moved}" in found[0].message_en, found[0].message_en
    if waiting:
        assert f"다른 기록 검사 {waiting}건은 이름을 고친 뒤 다시 합니다" in said, said
    else:
        assert "다시 합니다" not in said, said
    (folder / name).rename(folder / moved)  # renamed as told: nothing left
    assert case_findings(sample) == []


@pytest.mark.parametrize(("case", "moved", "name", "waiting"), [
    # needs-plan at 04-intervention.md, and 07-plan.md's revised-plan-without-earlier telling to make a
    # right revised plan `type: initial`
    ("2026-0002", "03-plan.md", "03-plann.md", 2),
    ("2026-0002", "03-plan.md", "03-plan (김○○).md", 2),
    ("2026-0002", "07-plan.md", "07-plann.md", 12),  # unknown-goal G4, G5 after it, against 03-plan.md
    ("2026-0002", "06-assessment.md", "06-assesment.md", 2),  # unknown-need N4, N5 at 07-plan.md
    ("2026-0006", "02-assessment.md", "02_assessment.md", 1),  # plan-without-assessment at 03-plan.md
    ("2026-0006", "03-plan.md", "03-plann.md", 1),  # needs-plan at 04-intervention.md, naming 05 and 06
    ("2026-0006", "09-assessment.md", "09-assesment.md", 1),  # (the reopened episode's)
    ("2026-0006", "10-plan.md", "10-plann.md", 1),
])
def test_a_misnamed_record_of_a_stage_the_case_has_again_holds_back_what_follows_too(
        sample: Path, case: str, moved: str, name: str, waiting: int) -> None:
    """What a misnamed record's absence makes the records it governs say — those after it, up to and
    including the case's next record of its stage — waits until it is renamed, as where it is the case's
    only one: 03-plann.md in a case with a revised plan gave needs-plan, and the revised plan a
    revised-plan-without-earlier telling to make it `type: initial` (damaging a right record)."""
    folder = sample / "cases" / case
    (folder / moved).rename(folder / name)
    found = case_findings(sample, f"cases/{case}")
    assert [(f.path, f.code) for f in found] == [(f"cases/{case}/{name}", "bad-file-name")], found
    assert f"다른 기록 검사 {waiting}건은 이름을 고친 뒤 다시 합니다" in found[0].message_ko, found[0].message_ko
    (folder / name).rename(folder / moved)  # renamed as told: nothing left
    assert case_findings(sample, f"cases/{case}") == []


def test_a_misnamed_record_holds_back_nothing_past_the_next_record_of_its_stage(sample: Path) -> None:
    # 03-plann.md governs up to 07-plan.md: a goal 08-intervention.md names that 07-plan.md lacks is said
    edit(sample, "cases/2026-0002/08-intervention.md", "goal: G4", "goal: G9")
    folder = sample / "cases/2026-0002"
    (folder / "03-plan.md").rename(folder / "03-plann.md")
    found = case_findings(sample, "cases/2026-0002")
    assert [(f.path.rsplit("/", 1)[-1], f.code) for f in found] == [
        ("03-plann.md", "bad-file-name"), ("08-intervention.md", "unknown-goal")], found


def test_a_misnamed_record_that_leaves_a_number_gap_names_the_number(sample: Path) -> None:
    folder = sample / CASE_1
    (folder / "05-monitoring.md").rename(folder / "05-monitor.md")
    (found,) = case_findings(sample)
    assert "이 파일을 기록으로 읽지 못해 순번 05가 빈 것으로 보여" in found.message_ko, found.message_ko
    assert "(number-gap)" in found.message_en and "git" not in found.message_ko


@pytest.mark.parametrize("name", [
    "03-plan_최종.md", "03-plan 최종.md", "03-plan-old.md", "03-plan_v2.md", "03-plan_old.md", "03-plan 사본.md",
    "03-plan - 복사본.md", "03-plan(최종).md", "03-plan_20260325.md", "03-paln (1).md", "03-Plan (1).md",
])
def test_a_version_saved_beside_its_record_is_a_copy_of_it(sample: Path, name: str) -> None:
    folder = sample / CASE_1
    (folder / name).write_bytes((folder / "03-plan.md").read_bytes())
    found = case_findings(sample)
    assert [(f.path, f.code, f.severity) for f in found] == [(f"{CASE_1}/{name}", "copy-file", "error")], found
    assert "03-plan.md의 사본으로 보입니다" in found[0].message_ko and "a copy of 03-plan.md" in found[0].message_en


def test_a_revised_plan_named_after_the_plan_is_a_new_plan_not_a_copy(sample: Path) -> None:
    folder = sample / CASE_1
    (folder / "03-plan-revised.md").write_bytes((folder / "03-plan.md").read_bytes())
    (found,) = case_findings(sample)
    assert found.code == "bad-file-name" and "10-plan.md로 바꾸세요" in found.message_ko, found.message_ko


def test_the_front_matter_names_a_record_whose_file_name_names_no_stage(sample: Path) -> None:
    folder = sample / CASE_1
    (folder / "03-plan.md").rename(folder / "03-서비스.md")
    (found,) = case_findings(sample)
    assert (found.code, found.line, found.column) == ("bad-file-name", 3, 8)  # at `stage: plan`
    assert "이 파일 3행(머리말)의 stage: plan에 따라 03-plan.md로 바꾸세요" in found.message_ko, found.message_ko
    assert "계획 내용(목표 등)을 읽지 못해, 그에 따라 달라지는 이 사례의 다른 기록 검사 1건은" in found.message_ko


@pytest.mark.parametrize(("moved", "name", "meant", "other"), [
    ("05-monitoring.md", "03-plann.md", "03-monitoring.md", "03-plan.md"),  # the plan's name, a monitoring's content
    ("05-monitoring.md", "05-plan.md ", "05-monitoring.md", "05-plan.md"),  # (a trailing space: not read either)
])
def test_a_name_and_a_front_matter_that_disagree_are_both_said(
        sample: Path, moved: str, name: str, meant: str, other: str) -> None:
    folder = sample / CASE_1
    if name.startswith("03"):
        (folder / "03-plan.md").unlink()
    (folder / moved).rename(folder / name)
    found = [f for f in case_findings(sample) if f.code == "bad-file-name"]
    assert [(f.path, f.line, f.column) for f in found] == [(f"{CASE_1}/{name}", 3, 8)], found
    said = found[0].message_ko
    assert "이름은 계획(plan) 기록 같지만 이 파일 3행(머리말)에는 stage: monitoring으로 적혀 있습니다" in said, said
    assert f"점검 기록이면 {meant}로 바꾸고, 계획 기록이면 stage를 plan으로 고친 뒤 {other}로 바꾸세요" in said, said
    assert "its front matter says stage: monitoring (line 3)" in found[0].message_en


@pytest.mark.parametrize(("name", "content"), [
    ("notes.md", "전화 상담 메모: 다음 주 방문\n"),
    ("메모.md", "# 메모\n\n방문 일정 확인\n"),
    ("README.md", "# 이 폴더\n\n사례 기록입니다.\n"),
    ("03-notes.md", "계획 회의 메모\n"),
    ("03-plan-notes.md", "계획 회의 메모\n"),
    ("01-interview.md", "면담 메모\n"),
    ("02-사진.md", "사진 목록\n"),
    ("03-실행계획서.md", "메모\n"),  # two stages' words: no guess
])
def test_a_file_that_is_no_record_is_told_no_record_name(sample: Path, name: str, content: str) -> None:
    """No guess where the name names no one stage and no front matter says what it is: the bare
    bad-file-name it always had, and the case's own findings are not held back for it."""
    folder = sample / CASE_1
    (folder / "03-plan.md").unlink()  # the case lacks its plan: its needs-plan stands
    (folder / name).write_text(content, encoding="utf-8")
    found = case_findings(sample)
    named = [f for f in found if f.path == f"{CASE_1}/{name}"]
    assert [f.code for f in named] == ["bad-file-name"] and (named[0].line, named[0].column) == (None, None)
    assert "바꾸세요" not in named[0].message_ko and "다시 합니다" not in named[0].message_ko, named[0].message_ko
    assert "needs-plan" in [f.code for f in found]


def test_a_scan_saved_under_a_record_name_is_not_told_to_become_one(sample: Path) -> None:
    folder = sample / CASE_1
    for name in ("03-plan.pdf", "03-plan.hwp", "03-plan.docx"):
        (folder / name).write_bytes(b"%PDF-1.4 \x00\x01")
    found = case_findings(sample)
    assert found and all(f.code == "bad-file-name" and "바꾸세요" not in f.message_ko for f in found), found


def test_a_memo_naming_another_case_is_not_read_as_this_cases_record(sample: Path) -> None:
    folder = sample / CASE_1
    text = (folder / "03-plan.md").read_text(encoding="utf-8").replace('case: "2026-0001"', 'case: "2026-0009"')
    (folder / "notes.md").write_text(text, encoding="utf-8")
    (found,) = case_findings(sample)
    assert found.code == "bad-file-name" and "바꾸세요" not in found.message_ko, found.message_ko


@pytest.mark.parametrize(("word", "stage"), [
    ("plann", "plan"), ("paln", "plan"), ("plans", "plan"), ("planning", "plan"), ("plan-revised", "plan"),
    ("assesment", "assessment"), ("assess", "assessment"), ("intak", "intake"), ("intervension", "intervention"),
    ("monitor", "monitoring"), ("monitring", "monitoring"), ("close", "closure"), ("closing", "closure"),
    ("follow", "followup"), ("folowup", "followup"), ("conferance", "conference"),
    ("게획", "plan"), ("계획서", "plan"), ("사정기록지", "assessment"), ("점겅", "monitoring"), ("종결보고서", "closure"),
    ("사후관리기록", "followup"), ("사례회의록", "conference"), ("모니터", "monitoring"),
    ("notes", None), ("메모", None), ("readme", None), ("interview", None), ("index", None), ("memo", None),
    ("scan", None), ("사진", None), ("상담일지", None), ("동의서", None), ("실행계획서", None), ("plan.pdf", None),
    ("사례", None),
])
def test_the_stage_a_record_names_word_reads_as(word: str, stage: str | None) -> None:
    from casekit.core.names import stage_in_name

    assert stage_in_name(word) == stage


def test_an_intervention_saved_as_a_monitoring_is_checked_as_what_it_holds(sample: Path) -> None:
    folder = sample / "cases/2026-0012"
    (folder / "04-intervention.md").rename(folder / "04-monitoring.md")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]
    assert [f.code for f in found] == ["stage-mismatch"], found  # not 2 required, unknown-field, 3 goal-not-monitored
    assert "내용이 실행(intervention) 기록이어서 그렇게 검사했습니다: 파일 이름을 04-intervention.md로 바꾸세요" \
        in found[0].message_ko, found[0].message_ko


# --- what a record says that nothing else in it follows ---

def test_a_closure_referred_to_no_agency_is_told_to_name_it(sample: Path) -> None:
    closure = "cases/2026-0003/02-closure.md"
    line = edit(sample, closure, "reason: ineligible", "reason: referred")
    found = [f for f in check(sample, today=None).findings if f.path == closure]
    assert [(f.code, f.line, f.severity) for f in found] == [("referred-without-agency", line, "warning")], found
    assert "referred_to에 받는 기관의 자원 ID" in found[0].message_ko
    edit(sample, closure, "reason: referred", "reason: referred\nreferred_to: gaon-food-bank")
    assert "referred-without-agency" not in [f.code for f in check(sample, today=None).findings if f.path == closure]


def test_an_intake_referred_elsewhere_to_no_agency_is_told_to_name_it(sample: Path) -> None:
    line = edit(sample, INTAKE_12, "decision: eligible", "decision: referred_elsewhere")
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path == INTAKE_12]
    assert ("referred-without-agency", line) in found, found


def test_a_conference_whose_next_meeting_is_before_it_is_said(sample: Path) -> None:
    conference = next(p for p in sorted((sample / "cases").glob("*/*-conference.md"))
                      if "next_meeting:" in p.read_text(encoding="utf-8"))
    rel = str(conference.relative_to(sample))
    text = conference.read_text(encoding="utf-8")
    date = next(x.split('"')[1] for x in text.splitlines() if x.startswith("date:"))
    line = edit(sample, rel, "next_meeting: ", f'next_meeting: "{int(date[:4]) - 1}{date[4:]}"\nx_was: ')
    found = [f for f in check(sample, today=None).findings if f.path == rel and f.code == "next-before-record"]
    assert [(f.line, f.severity) for f in found] == [(line, "warning")] and "다음 회의일" in found[0].message_ko, found


# --- a full-width space (U+3000) or a no-break space where YAML needs a space: the record still read ---

INTAKE_1 = "cases/2026-0001/01-intake.md"


@pytest.mark.parametrize(("new", "column", "spaces"), [
    ("consents:\n\u3000- date", 1, 2),  # one U+3000 for the two spaces it is drawn as wide as
    ("consents:\n\u3000\u3000- date", 1, 2),  # one for each space
    ("consents:\n \u00a0- date", 2, 2),  # a no-break space from the web
])
def test_an_odd_space_in_an_indentation_is_one_finding_and_the_record_is_read_as_meant(
        sample: Path, new: str, column: int, spaces: int) -> None:
    line = edit(sample, INTAKE_1, "consents:\n  - date", new) + 1
    mistake = edit(sample, INTAKE_1, "gender: male", "gender: mael")  # another slip in the same record
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.line, f.column) for f in found] == [("not-in-list", mistake, 11),
                                                           ("yaml-wide-space", line, column)], found
    assert f"이 줄의 들여쓰기를 지우고 스페이스 {spaces}칸으로 다시 넣으세요" in found[1].message_ko, found[1].message_ko
    assert "\u3000" in (sample / INTAKE_1).read_text(encoding="utf-8") or "\u00a0" in (
        sample / INTAKE_1).read_text(encoding="utf-8")  # the file is never rewritten


def test_a_full_width_colon_and_space_are_read_as_a_colon_and_a_space_at_the_files_columns(sample: Path) -> None:
    line = edit(sample, INTAKE_1, "  gender: male", "  gender\uff1amael")
    found = [(f.code, f.line, f.column) for f in check(sample, today=None).findings if f.path == INTAKE_1]
    assert found == [("yaml-wide-space", line, 9), ("not-in-list", line, 10)], found
    edit(sample, INTAKE_1, "  gender\uff1amael", "  gender:\u3000\u3000mael #1")
    found = [(f.code, f.line, f.column) for f in check(sample, today=None).findings if f.path == INTAKE_1]
    assert found == [("yaml-wide-space", line, 10), ("not-in-list", line, 12), ("comment-cuts-value", line, 17)], found


def test_a_full_width_space_opening_a_line_of_a_text_block_is_the_texts_own(sample: Path) -> None:
    edit(sample, INTAKE_1, "eligibility:\n", "eligibility:\n  note: |\n    \u3000첫 문단은 한 칸 들여 썼다.\n    둘째 줄.\n")
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path == INTAKE_1]
    assert "yaml-wide-space" not in [c for c, _ in found], found


# --- consent to case management taken after the assessment ---

@pytest.mark.parametrize(("consented", "after"), [
    ("2026-03-20", "02 사정(2026-03-12)"),  # after the assessment, before the plan
    ("2026-03-30", "02 사정(2026-03-12)"),  # after both: the first is named
    ("2026-03-12", None),  # the same day: consent, then the assessment
    ("2026-03-06", None),
])
def test_a_consent_to_case_management_dated_after_the_assessment_is_said_at_its_date(
        sample: Path, consented: str, after: str | None) -> None:
    line = edit(sample, INTAKE_1, '  - date: "2026-03-04"\n    scope: case_management',
                f'  - date: "{consented}"\n    scope: case_management')
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    if after is None:
        assert found == [], found
        return
    assert [(f.path, f.code, f.line, f.column, f.severity) for f in found] == [
        (INTAKE_1, "consent-after-assessment", line, 11, "warning")], found
    assert f"사례관리 동의일({consented})이 {after}보다 늦습니다. 사정과 계획은 사례관리 동의를 받은 뒤에" in found[0].message_ko


def test_a_verbal_consent_before_the_assessment_and_the_written_one_after_are_in_time(sample: Path) -> None:
    edit(sample, INTAKE_1, "consents:\n", 'consents:\n  - date: "2026-03-20"\n    scope: case_management\n'
         '    action: given\n    by: self\n    method: written\n')
    edit(sample, INTAKE_1, "    method: written\n  - date", "    method: verbal\n  - date")
    assert [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")] == []


# --- a key or list item one space off its siblings: said at it, with the siblings' column ---

@pytest.mark.parametrize(("old", "new", "moved", "column", "says"), [
    ("  gender: male", "   gender: male", 0, 4, "이 줄은 3칸 들여 썼습니다. 같은 묶음의 다른 항목들처럼 2칸으로 맞추세요"),
    ("  gender: male", " gender: male", 0, 2, "이 줄은 1칸 들여 썼습니다. 같은 묶음의 다른 항목들처럼 2칸으로 맞추세요"),
    # the first key of the block off: the parser stops on the next line, the mistake is this one
    ('  alias: "박○○"', '   alias: "박○○"', 0, 4, "이 줄은 3칸 들여 썼습니다. 같은 묶음의 다른 항목들처럼 2칸으로"),
    ('  alias: "박○○"', ' alias: "박○○"', 0, 2, "이 줄은 1칸 들여 썼습니다. 같은 묶음의 다른 항목들처럼 2칸으로"),
    ('  household: "1인 가구"', '   household: "1인 가구"', 0, 4, "이 줄은 3칸 들여 썼습니다"),  # the last key: not at its colon
    ("    method: written\n  - date", "    method: written\n - date", 1, 2,
     "이 목록 항목은 1칸 들여 썼습니다. 같은 목록의 다른 항목들처럼 2칸으로 맞추세요"),
    ("    method: written\n  - date", "    method: written\n   - date", 1, 4, "이 목록 항목은 3칸 들여 썼습니다"),
    ("  gender: male", "\tgender: male", 0, 1, "탭을 지우고 이 줄을 스페이스 2칸 들여 쓰세요"),
    ("    method: written\n  - date", "    method: written\n\t- date", 1, 1, "탭을 지우고 이 줄을 스페이스 2칸 들여 쓰세요"),
    # a list's first item: its siblings are the items below, not its own keys (4 spaces in, under its dash)
    ("consents:\n  - date", "consents:\n\t- date", 1, 1, "탭을 지우고 이 줄을 스페이스 2칸 들여 쓰세요"),
])
def test_a_key_indented_off_its_siblings_is_said_at_it_with_their_column(
        sample: Path, old: str, new: str, moved: int, column: int, says: str) -> None:
    line = edit(sample, INTAKE_1, old, new) + moved
    found = errors_in(sample, INTAKE_1)
    assert [(c, n) for c, n, _ in found] == [("yaml-tab" if "\t" in new else "yaml-syntax", line)], found
    (where,) = [f.column for f in check(sample, today=None).findings if f.path == INTAKE_1]
    assert where == column and says in found[0][2], (where, found[0][2])


@pytest.mark.parametrize(("old", "new"), [
    ("  gender: male", "gender: male"),
    ("  phone: ", "phone: "),
    ('  referrer: "나래동', 'referrer: "나래동'),
])
def test_a_key_moved_left_onto_its_blocks_opener_is_said_at_it(sample: Path, old: str, new: str) -> None:
    """A key moved two spaces left, onto the level of `client:`, between two of its siblings: YAML
    ends the block there and stops on the next line, which is right; the moved line is named."""
    line = edit(sample, INTAKE_1, old, new)
    (found,) = [f for f in check(sample, today=None).findings if f.path == INTAKE_1]
    assert (found.code, found.line, found.column) == ("yaml-syntax", line, 1), found
    block = "referral" if "referrer" in old else "client"
    assert f"이 줄은 0칸 들여 썼습니다. 윗줄과 아랫줄처럼 '{block}:' 아래 항목이면 2칸으로 맞추세요" in found.message_ko


@pytest.mark.parametrize(("rel", "old", "new", "key", "whole"), [
    # the list's first item: YAML stops on the key under it, which looks indented too far
    (MONITORING, "progress:\n  - goal: G1", "progress:\n- goal: G1", "progress", False),
    (INTAKE_1, "consents:\n  - date", "consents:\n- date", "consents", False),
    (MONITORING, "\n  - goal: G2\n    status", "\n- goal: G2\n    status", "progress", False),  # a middle one
    (INTAKE_1, "    method: written\n  - date", "    method: written\n- date", "consents", False),  # the last one
    ("cases/2026-0001/02-assessment.md", '  - "일하려는', '- "일하려는', "strengths", False),  # an item of text
    ("cases/2026-0010/05-conference.md", '  - task: "보호명령', '- task: "보호명령', "tasks", False),
    (MONITORING, '  - goal: G2\n    status: in_progress\n    note: "집수리',
     '- goal: G2\n  status: in_progress\n  note: "집수리', "progress", True),  # the whole item, its keys too
    # a list of one item: its keys below say where it belongs
    ("cases/2026-0013/03-conference.md", 'consents:\n  - date', 'consents:\n- date', "consents", None),
])
def test_a_list_item_moved_left_onto_its_lists_key_is_said_at_it(
        sample: Path, rel: str, old: str, new: str, key: str, whole: bool | None) -> None:
    """A `- date: …` moved two spaces left, onto the level of `consents:`, was said with the parser's
    generic words ("이 줄 0칸, 윗줄 4칸"; for the list's first item at the key under it, as if that
    key were too far in); it is said at the item, with the column the list's other items use
    (measured: each list item of the sample's front matters moved two spaces left, 474 of 474 said
    at the moved line so, 366 before, 108 of them on the next line)."""
    moved = edit(sample, rel, old, new) + new[: new.index("- ")].count("\n")
    (found,) = [f for f in check(sample, today=None).findings if f.path == rel]
    assert (found.code, found.line, found.column) == ("yaml-syntax", moved, 1), found
    says = (f"이 목록 항목은 0칸 들여 썼습니다. '{key}:' 아래 목록이면 아랫줄의 키들에 맞춰 2칸으로 맞추세요."
            if whole is None else f"이 목록 항목은 0칸 들여 썼습니다. '{key}:' 아래 목록의 다른 항목들처럼 2칸으로 맞추세요.")
    assert says in found.message_ko, found.message_ko
    assert ("이 항목의 아랫줄들도 함께 2칸씩 더 들여 쓰세요" in found.message_ko) is bool(whole), found.message_ko


def test_a_key_of_a_list_item_indented_off_the_items_other_keys(sample: Path) -> None:
    plan = "cases/2026-0001/03-plan.md"
    line = edit(sample, plan, '    service: "식품 꾸러미 정기 지원"', '     service: "식품 꾸러미 정기 지원"')
    (found,) = [f for f in check(sample, today=None).findings if f.path == plan]
    assert (found.code, found.line, found.column) == ("yaml-syntax", line, 6), found
    assert "이 줄은 5칸 들여 썼습니다. 같은 묶음의 다른 항목들처럼 4칸으로 맞추세요" in found.message_ko


def test_a_phone_or_resident_number_above_a_front_matter_found_lower_down_is_named(sample: Path) -> None:
    record = sample / INTAKE_12
    record.write_text("# 접수 010-1234-5678\n주민번호 900101-1234567\n\n" + record.read_text(encoding="utf-8"),
                      encoding="utf-8")
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path == INTAKE_12]
    assert found == [("front-matter-not-first", 1), ("pii-phone", 1), ("pii-resident-number", 2)], found


def test_a_goal_numbered_again_is_one_finding_not_the_other_goal_missing_everywhere(sample: Path) -> None:
    plan = "cases/2026-0001/03-plan.md"
    text = (sample / plan).read_text(encoding="utf-8")
    at = text.index("  - id: G2")
    (sample / plan).write_text(text[:at] + text[at:].replace("  - id: G2", "  - id: G1", 1), encoding="utf-8")
    found = [(f.code, f.path) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == [("duplicate-id", plan)], found  # not also "G2 is not in the plan" in six records
    edit(sample, "cases/2026-0001/04-intervention.md", "goal: G1", "goal: G7")  # a goal no plan had: still said
    found = [f.code for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert "unknown-goal" in found, found


@pytest.mark.parametrize(("old", "new"), [
    ("  - id: G1\n    need: N1", "  - need: N1"),  # the id line deleted
    ("  - id: G1\n    need: N1", "  - id:\n    need: N1"),  # left empty
])
def test_a_goal_whose_id_is_left_out_is_one_finding_not_its_goal_unknown_everywhere(
        sample: Path, old: str, new: str) -> None:
    """A plan's goal without its id gave, besides the plan's own finding, ten unknown-goal 'G1' in
    four records naming it: the id left out is the one mistake; a goal no plan had is still said."""
    plan = "cases/2026-0001/03-plan.md"
    edit(sample, plan, old, new)
    found = [(f.code, f.path) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert len(found) == 1 and found[0][1] == plan, found
    edit(sample, INTERVENTION, "goal: G2", "goal: G7")
    edit(sample, INTERVENTION, "goal: G3", "goal: G8")  # two goals no plan had, one id left out
    found = [f.code for f in check(sample, today=None).findings if f.path == INTERVENTION]
    assert found.count("unknown-goal") >= 2, found


def test_a_need_numbered_again_is_one_finding_not_the_other_need_missing_in_the_plan(sample: Path) -> None:
    """An assessment with N3 written twice (N4 gone) gave its duplicate-id and the plan's goal for
    N4 an unknown-need: the renumbering is the one mistake, said once; a need no assessment had
    is still said."""
    assessment, plan = "cases/2026-0005/03-assessment.md", "cases/2026-0005/04-plan.md"
    edit(sample, assessment, "  - id: N4", "  - id: N3")
    found = [(f.code, f.path) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0005/")]
    assert found == [("duplicate-id", assessment)], found
    edit(sample, plan, "need: N1", "need: N8")  # two needs the assessment lacks, one id given twice
    found = [f.code for f in check(sample, today=None).findings if f.path == plan]
    assert found.count("unknown-need") == 2, found


def test_a_case_whose_intake_is_deleted_is_one_finding_not_its_sharing_without_consent(sample: Path) -> None:
    """01-intake.md deleted (or moved away): first-not-intake, and six sharing-without-consent in the
    plan and the intervention, the consents being in the intake. The missing intake is said once."""
    (sample / INTAKE_1).unlink()
    found = [(f.code, f.path) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == [("first-not-intake", "cases/2026-0001/02-assessment.md")], found


@pytest.mark.parametrize(("rel", "old", "new", "code"), [
    ("cases/2026-0001/08-followup.md", 'date: "2026-08-20"', 'date: "2026-12-20"', "date-future"),  # ahead
    (MONITORING, 'date: "2026-05-20"', 'date: "2062-05-20"', "date-far-future"),  # a year typo
])
def test_a_record_dated_after_today_is_not_what_the_next_records_date_is_held_to(
        sample: Path, rel: str, old: str, new: str, code: str) -> None:
    """A record dated after the day of the check (its own finding) made the next record's right date
    a date-decreasing error; the next is held to the last record dated by then."""
    line = edit(sample, rel, old, new)
    found = [(f.code, f.path, f.line) for f in check(sample, today=dt.date(2026, 12, 3)).findings
             if f.path.startswith("cases/2026-0001/")]
    assert found == [(code, rel, line)], found


def test_a_record_dated_before_the_one_above_is_one_finding_not_one_per_activity_after_it(sample: Path) -> None:
    """An intervention dated 2026-03-20 for 2026-04-20: its date is before the plan's (date-decreasing)
    and before each of its five activities (five activity-after-record): one mistake, said once."""
    line = edit(sample, INTERVENTION, 'date: "2026-04-20"', 'date: "2026-03-20"')
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == [("date-decreasing", line)], found
    edit(sample, INTERVENTION, 'date: "2026-03-20"', 'date: "2026-04-10"')  # in order, one activity after it
    found = [f.code for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == ["activity-after-record"], found


@pytest.mark.parametrize(("rel", "old", "new", "entry", "left_out"), [
    (MONITORING, "goal: G3\n    status", "goal: G4\n    status",
     '  - goal: G3\n    status: in_progress\n    note: "진료를 재개해', "goal-not-monitored"),
    (MONITORING, "goal: G1\n    status", "goal: g1\n    status",
     '  - goal: G1\n    status: achieved\n    note: "5월 초', "goal-not-monitored"),
    ("cases/2026-0001/07-closure.md", "goal: G3\n    result", "goal: G4\n    result",
     '  - goal: G3\n    result: achieved\n    note: "진료와', "closure-goal-unevaluated"),
])
def test_a_goal_id_mistyped_in_a_monitoring_or_closure_is_not_also_a_goal_left_out(
        sample: Path, rel: str, old: str, new: str, entry: str, left_out: str) -> None:
    """G4 typed for G3 in a 점검's progress gave unknown-goal and goal-not-monitored for G3 (in a
    종결, closure-goal-unevaluated): one typo, said once, where it is."""
    line = edit(sample, rel, old, new)
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == [("unknown-goal", line)], found
    edit(sample, rel, new, old)
    text = (sample / rel).read_text(encoding="utf-8")  # the goal's entry deleted instead: said
    start = text.index(entry)
    (sample / rel).write_text(text[:start] + text[text.index("\n", start + len(entry)) + 1:], encoding="utf-8")
    found = [f.code for f in check(sample, today=None).findings if f.path == rel]
    assert found == [left_out], found


@pytest.mark.parametrize("key", ["goal", "목표", "gaols"])
def test_a_plans_goals_key_mistyped_is_one_finding_not_every_goal_unknown(sample: Path, key: str) -> None:
    """`goal:` (or `목표:`) for `goals:` in a plan: the plan's goals are not read, and every record
    naming one gave an unknown-goal with "있는 목표: -" (25 in the sample's 2026-0001). The key is
    the one mistake, said at it."""
    plan = "cases/2026-0001/03-plan.md"
    line = edit(sample, plan, "goals:\n", f"{key}:\n")
    found = [(f.code, f.path, f.line) for f in check(sample, today=None).findings
             if f.path.startswith("cases/2026-0001/") and f.severity == "error"]
    assert [(p, n) for _, p, n in found] == [(plan, line)], found


@pytest.mark.parametrize(("scope", "other"), [("사례관리", None), ("case_managment", None), ("photo", "eligible-without-consent")])
def test_a_consent_scope_written_in_words_is_one_finding_not_also_no_consent(
        sample: Path, scope: str, other: str | None) -> None:
    """`scope: 사례관리` for case_management: the schema's not-in-list, and eligible-without-consent
    beside it, as if no consent had been given. What was consented to is not known until the scope is
    written as a code; a scope of the casebook's own (`photo`, no slip of ours) is still no consent
    to case management."""
    line = edit(sample, INTAKE_1, "scope: case_management", f"scope: {scope}")
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path == INTAKE_1]
    assert ("not-in-list", line) in found and (other in [c for c, _ in found]) is (other is not None), found
    assert len(found) == 1 + (other is not None), found


@pytest.mark.parametrize(("rel", "old", "new", "choices"), [
    (MONITORING, "worker: kim.sw", "worker:", None),  # "글자이어야 하는데 빈 값입니다. 값이 비어 있습니다."
    ("cases/2026-0001/07-closure.md", "reason: goals_achieved", 'reason: ""', "goals_achieved(목표 달성)"),
    ("cases/2026-0001/07-closure.md", "reason: goals_achieved", "reason:", "goals_achieved(목표 달성)"),  # (and not-in-list 'None')
    (MONITORING, "status: in_progress", "status:", "in_progress(진행 중)"),
    (MONITORING, "stage: monitoring", "stage:", "monitoring"),  # ('monitoring'이어야 하는데 'None')
])
def test_a_value_left_empty_is_said_empty_once_with_the_values_it_takes(
        sample: Path, rel: str, old: str, new: str, choices: str | None) -> None:
    """`worker:` said "'worker'는 글자이어야 하는데 빈 값입니다. 값이 비어 있습니다."; `reason: ""` "값 ''은 쓸 수
    없습니다"; `reason:` two findings, one naming the value 'None'. A value left empty is said so, once,
    with the values it takes when the schema lists them."""
    line = edit(sample, rel, old, new)
    found = [f for f in check(sample, today=None).findings if f.path == rel]
    assert [(f.code, f.line) for f in found] == [("empty-value", line)], found
    assert "비어 있습니다." in found[0].message_ko and "None" not in found[0].message_ko, found[0].message_ko
    listed = found[0].message_ko.partition("쓸 수 있는 값: ")[2]
    assert (choices in listed) if choices else not listed, found[0].message_ko


@pytest.mark.parametrize(("rel", "old", "new", "code"), [
    (MONITORING, "  - goal: G2\n    status: in_progress", "  - status: in_progress", "required"),
    (MONITORING, "goal: G2\n    status", "goal:\n    status", "empty-value"),
    ("cases/2026-0001/07-closure.md", "  - goal: G3\n    result", "  - result", "required"),
])
def test_an_entrys_goal_left_out_is_not_also_that_goal_unmonitored(
        sample: Path, rel: str, old: str, new: str, code: str) -> None:
    """A progress (or result) entry written without its `goal:` gave its own finding and a
    goal-not-monitored (closure-goal-unevaluated) for the goal the entry was about."""
    line = edit(sample, rel, old, new)
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == [(code, line)], found


@pytest.mark.parametrize(("progress", "code"), [("progress: []\n", "empty-value"), ("progress:\n", "empty-value"),
                                              ("", "required"), ("progress: G1\n", "wrong-type")])
def test_progress_left_empty_or_out_is_one_finding_not_also_every_goal_unmonitored(
        sample: Path, progress: str, code: str) -> None:
    """`progress: []` gave its empty-value and a goal-not-monitored for each of the plan's three goals."""
    record = sample / MONITORING
    text = record.read_text(encoding="utf-8")
    record.write_text(re.sub(r"progress:\n(?:  .*\n)+", progress, text, count=1), encoding="utf-8")
    found = [f.code for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == [code], found


def test_a_plan_deleted_is_one_needs_plan_naming_the_records_that_need_it(sample: Path) -> None:
    """`03-plan.md` deleted gave a needs-plan at each later intervention and monitoring record (3 on
    2026-0001), and the closure evaluating its goals a goal-without-plan at each; a case reopened
    needs its own plan again, said in its own episode."""
    (sample / "cases/2026-0001/03-plan.md").unlink()
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path) for f in found] == [("needs-plan", "cases/2026-0001/04-intervention.md")], found
    assert "뒤의 기록 3개(05-monitoring.md, 06-monitoring.md, 07-closure.md)도 이 계획이 필요합니다" in found[0].message_ko, \
        found[0].message_ko
    assert "so do 3 later record(s): 05-monitoring.md, 06-monitoring.md, 07-closure.md" in found[0].message_en


def test_a_closure_evaluating_goals_no_plan_set_is_told_at_each_goal(sample: Path) -> None:
    """The plan and the work on it deleted (saved to another case's folder, say): the closure's
    `results` graded G1-G3, which no plan of the case defines, and check said nothing."""
    for name in ("03-plan.md", "04-intervention.md", "05-monitoring.md", "06-monitoring.md"):
        (sample / "cases/2026-0001" / name).unlink()
    text = (sample / "cases/2026-0001/07-closure.md").read_text(encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path) for f in found] == [("goal-without-plan", "cases/2026-0001/07-closure.md")] * 3, found
    lines = text.splitlines()
    for f, goal in zip(found, ("G1", "G2", "G3"), strict=True):
        assert lines[f.line - 1][f.column - 1:].startswith(goal), (f, lines[f.line - 1])
        assert f"목표 '{goal}'의 결과를 적었는데 이 종결 앞에 계획 기록이 없습니다" in f.message_ko


@pytest.mark.parametrize(("old", "new", "quoted"), [
    ('    note: "5월 초 생계급여와 주거급여가 결정되었고 체납 월세를 정리함"', "    note: #1 목표 달성", 'note: "#1 목표 달성"'),
    ('    note: "5월 초 생계급여와 주거급여가 결정되었고 체납 월세를 정리함"', '    note:   #"1차" 달성  ', 'note: "#\\"1차\\" 달성"'),
])
def test_a_value_typed_after_a_hash_is_told_to_be_quoted(sample: Path, old: str, new: str, quoted: str) -> None:
    """`note: #1 목표 달성` was called empty ('progress[1].note'이 비어 있습니다) while the worker sees
    the text there: YAML reads what follows # as a comment."""
    line = edit(sample, MONITORING, old, new)
    found = [f for f in check(sample, today=None).findings if f.path == MONITORING]
    assert [(f.code, f.line) for f in found] == [("empty-value", line)], found
    assert f"따옴표로 감싸세요: {quoted}" in found[0].message_ko, found[0].message_ko
    assert new[found[0].column - 1] == "#"


def test_a_reopened_cases_first_assessment_typed_reassessment_is_said(sample: Path) -> None:
    """Case 2026-0006 was reopened (08-intake.md): its new episode's first assessment typed
    `type: reassessment` passed, while the plan typed `revised` was caught (found by a probe)."""
    line = edit(sample, "cases/2026-0006/09-assessment.md", "type: initial", "type: reassessment")
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0006/")]
    assert found == [("reassessment-first", line)], found


def test_a_record_copied_in_from_another_case_is_its_case_mismatch_alone(sample: Path) -> None:
    """A monitoring record of 2026-0001 copied into 2026-0002 gave its case-mismatch, two
    goal-not-monitored (2026-0002's goals G4, G5) and a date-decreasing: all of it said by "this is
    another case's record". What is wrong in the record itself is still said."""
    target = "cases/2026-0002/20-monitoring.md"
    shutil.copy(sample / MONITORING, sample / target)
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0002/")]
    assert found == [("case-mismatch", 2)], found
    edit(sample, target, "decision: continue", "decision: maybe")
    found = [f.code for f in check(sample, today=None).findings if f.path == target]
    assert sorted(found) == ["case-mismatch", "not-in-list"], found


@pytest.mark.parametrize(("rel", "old", "new", "meant"), [
    (MONITORING, "status: achieved", "status: done", "achieved"),
    (MONITORING, "status: in_progress", "status: ongoing", "in_progress"),
    (MONITORING, "delivered: partly", "delivered: Partial", "partly"),
    (MONITORING, "decision: continue", "decision: 유지", "continue"),
    ("cases/2026-0001/02-assessment.md", "severity: high", "severity: 상", "high"),  # 상/중/하, as rated on paper
    ("cases/2026-0001/02-assessment.md", "severity: medium", "severity: 중", "medium"),
    ("cases/2026-0001/07-closure.md", "result: achieved", "result: completed", "achieved"),
])
def test_a_word_practitioners_type_for_a_code_gets_a_guess(sample: Path, rel: str, old: str, new: str, meant: str) -> None:
    """`status: done`, `severity: 상`, `decision: 유지` were "not allowed" with the list of codes and no guess."""
    line = edit(sample, rel, old, new)
    (found,) = [f for f in check(sample, today=None).findings if f.path == rel]
    assert (found.code, found.line) == ("not-in-list", line)
    assert f"혹시 {meant}(" in found.message_ko, found.message_ko


def test_a_case_folder_renamed_is_one_finding_not_one_per_record(sample: Path) -> None:
    """`2026-0001` renamed `2026-001`: nine case-mismatch, one per record, each telling to fix the
    record. One finding at the first record says the folder differs from all its records; a single
    record copied in from another case is still its own case-mismatch."""
    (sample / "cases/2026-0001").rename(sample / "cases/2026-001")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-001/")]
    assert [(f.code, f.path, f.line) for f in found] == [("case-folder-renamed", "cases/2026-001/01-intake.md", 2)], found
    assert "기록 9개가 모두 case 값을 '2026-0001'로 적어, 폴더 이름 '2026-001'과 다릅니다. 폴더 이름을 바꿨다면 " \
           "'2026-0001'로 되돌리세요" in found[0].message_ko, found[0].message_ko
    shutil.copy(sample / "cases/2026-001/05-monitoring.md", sample / "cases/2026-0002/12-monitoring.md")
    assert "case-mismatch" in [f.code for f in check(sample, today=None).findings
                               if f.path == "cases/2026-0002/12-monitoring.md"]


@pytest.mark.parametrize("closing", ["--", "----", "———", "－－－", "--- 끝", "ㅡㅡㅡ", "───"])
def test_a_closing_line_typed_short_long_or_with_other_dashes_is_said_at_it(sample: Path, closing: str) -> None:
    """The front matter's closing line typed `--` (or `----`, an em dash an editor made of it,
    full-width dashes, the Hangul ㅡ drawn as a dash) was said as a missing '---' "before" the body's first line: the line is there,
    typed wrong; it is named, with what it holds."""
    old = 'next_review: "2026-06-20"\n---\n'
    line = edit(sample, MONITORING, old, old.replace("\n---\n", f"\n{closing}\n")) + 1
    (found,) = [f for f in check(sample, today=None).findings if f.path == MONITORING]
    assert (found.code, found.line, found.column) == ("front-matter-unclosed", line, 1), found
    assert f"이 줄을 대시 세 개 '---'로 고치세요(지금은 '{closing}')" in found.message_ko, found.message_ko


INTAKE = "cases/2026-0001/01-intake.md"


@pytest.mark.parametrize(("old", "new", "code", "shape"), [
    ('phone: "010-0000-1001"', "phone: 01000001001", "yaml-number-form", '"○○○○○○○○○○○"'),
    ('birth_date: "1969-07-21"', 'birth_date: "1969-7-21"', "bad-date", "1969-○○-○○"),
    ('birth_date: "1969-07-21"', "birth_date: 19690721", "wrong-type", "1969-○○-○○"),
    ('birth_date: "1969-07-21"', "birth_date: 1969년 7월 21일", "bad-date", "'○○○○년 ○월 ○○일'은 "),  # (particles decided)
    ('address: "가온구 나래동 101-1 2층"', "address: 가온구 나래동: 101-1 2층", "yaml-syntax", '"○○○ ○○○: ○○○-○ ○층"'),
])
def test_a_message_about_a_sensitive_value_shows_its_shape_not_the_value(
        sample: Path, old: str, new: str, code: str, shape: str) -> None:
    """check's output is read on shared screens and kept in CI logs: a slip in a sensitive field
    printed the value whole ('01000001001'…, 1969-07-21로 적으세요, address: "가온구 나래동: …"), and
    told a phone number to drop its leading 0 (found by a probe). The message shows the value's
    shape (○ for each letter and digit), which still says what to write."""
    line = edit(sample, INTAKE, old, new)
    found = [f for f in check(sample, today=None).findings if f.path == INTAKE]
    assert [(f.code, f.line) for f in found] == [(code, line)], found
    message = found[0].message_ko + found[0].message_en
    assert shape in message, message
    value = new.split(":", 1)[1].strip().strip('"')
    for part in re.findall(r"[0-9]{3,}|[가-힣]{2,}", value.replace("1969", "")):
        assert part not in message, (part, message)
    assert "0을 빼고" not in message


def test_a_phone_number_yaml_reads_as_a_number_is_told_to_be_quoted_not_to_lose_its_0(sample: Path) -> None:
    """Outside a sensitive field too (a resource's own number in a field of its own schema, say)."""
    from casekit.core.source import number_form

    said = number_form("0212345678", 212345678, ("office_line",))
    assert "따옴표로 감싸세요" in said["advice"] and "0을 빼고" not in said["advice"] and said["value"] == "0212345678"
    assert "0을 빼고 30" in number_form("030", 24, ("minutes",))["advice"]


def test_a_goal_reported_twice_is_an_error_at_the_second(sample: Path) -> None:
    """A closure grading G2 achieved and then G2 not achieved gave only a warning about the
    second result, and a monitoring whose G3 entry was copied from G2's and left G2 only a
    warning that G3 was not monitored (found by a probe): which one holds is not for casekit to
    pick. The second entry is an error at its goal, naming the first's line."""
    closure = "cases/2026-0001/07-closure.md"
    text = (sample / closure).read_text(encoding="utf-8")
    assert "  - goal: G3\n    result: achieved\n" in text
    line = edit(sample, closure, "  - goal: G3\n    result: achieved\n",
                "  - goal: G2\n    result: not_achieved\n")
    assert [(code, at) for code, at, _ in errors_in(sample, closure)] == [
        ("closure-goal-unevaluated", 7), ("goal-twice", line)]  # (G3 then goes ungraded: an error of its own, at results)
    (message,) = [m for code, _, m in errors_in(sample, closure) if code == "goal-twice"]
    assert "목표 G2의 결과가 이 기록에 두 번 있습니다(처음은 11번째 줄)" in message, message


@pytest.mark.parametrize(("number", "what"), [
    ("700721-1000000", "생년월일이 birth_date와 다릅니다"),  # (the intake's birth_date is 1969-07-21)
    ("690721-2000000", "성별이 gender와 다릅니다"),  # (gender: male)
    ("690721-100000", "숫자가 12자리입니다"),
    ("690721-10000000", "숫자가 14자리입니다"),
    ("690721-3000000", "생년월일이 birth_date와 다릅니다"),  # (3: born in the 2000s)
])
def test_a_resident_number_unlike_the_intakes_birth_date_or_gender_is_an_error(sample: Path, number: str,
                                                                                 what: str) -> None:
    """A resident number a digit off (year, the digit of century and sex, one digit lost) passed
    check beside the intake's own birth_date and gender (found by a probe): the one number a
    benefit application must get right. Said at the number, without it."""
    line = edit(sample, INTAKE, '"690721-1000000"', f'"{number}"')
    found = errors_in(sample, INTAKE)
    assert [(code, at) for code, at, _ in found] == [("resident-number-mismatch", line)], found
    assert what in found[0][2] and number[:6] not in found[0][2], found


@pytest.mark.parametrize("number", ["690721-1******", "690721-1", "690721-1XXXXXX", "６９０７２１－１０００００００"[:-1]])
def test_a_resident_number_kept_in_part_or_full_width_is_read_as_it_is(sample: Path, number: str) -> None:
    """Agencies often keep the front and the first digit of the back only (690721-1******)."""
    edit(sample, INTAKE, '"690721-1000000"', f'"{number}"')
    assert [code for code, _, _ in errors_in(sample, INTAKE)] == []


def test_an_activity_dated_before_the_case_was_opened_says_to_check_the_year(sample: Path) -> None:
    """2025-03-26 typed for 2026-03-26 said only that it was before the latest plan (found by a probe)."""
    line = edit(sample, INTERVENTION, '  - date: "2026-03-26"', '  - date: "2025-03-26"')
    (found,) = [f for f in check(sample, today=None).findings if f.path == INTERVENTION and f.line == line]
    assert found.code == "activity-before-plan"
    assert "사례 접수일(2026-03-04)보다도 이르니 연도나 월을" in found.message_ko, found.message_ko
    edit(sample, INTERVENTION, '  - date: "2025-03-26"', '  - date: "2026-03-24"')  # (after the intake: as before)
    (found,) = [f for f in check(sample, today=None).findings if f.path == INTERVENTION and f.line == line]
    assert found.message_ko == "활동 날짜 2026-03-24가 최근 계획 날짜 2026-03-25보다 이릅니다.", found.message_ko


def test_a_worker_id_written_as_its_first_part_is_told_the_id_meant(sample: Path) -> None:
    """`worker: kim` passed check while kimsw and Kim.sw got worker-typo (found by a probe)."""
    line = edit(sample, MONITORING, "worker: kim.sw", "worker: kim")
    found = [f for f in check(sample, today=None).findings if f.path == MONITORING and f.line == line]
    assert [f.code for f in found] == ["worker-typo"] and "'kim.sw'" in found[0].message_ko, found


def test_a_code_with_a_space_inside_its_quotes_says_where_the_space_is(sample: Path) -> None:
    """`status: "achieved "` said 보이지 않거나 모양만 같은 문자()가 섞여 있습니다, the parentheses empty
    (found by a probe)."""
    line = edit(sample, MONITORING, "status: achieved", 'status: "achieved "')
    (found,) = [m for code, at, m in errors_in(sample, MONITORING) if at == line]
    assert "값의 끝에 공백이 있습니다. 지우고 achieved로 적으세요" in found and "()" not in found, found


def test_an_intakes_yaml_slip_in_the_household_is_one_finding_not_one_per_record_naming_a_member(sample: Path) -> None:
    """`relation:` dedented under household_members gave the yaml-syntax error and an unknown-member
    error in each of four correct records naming M1 (found by a probe): they wait for the intake."""
    intake = "cases/2026-0002/01-intake.md"
    line = edit(sample, intake, '    relation: "자녀(아들)"', '  relation: "자녀(아들)"')
    found = [(f.path, f.code) for f in check(sample, today=None).errors if f.path.startswith("cases/2026-0002/")]
    assert found == [(intake, "yaml-syntax")], found
    assert [f.line for f in check(sample, today=None).errors if f.path == intake] == [line]


@pytest.mark.parametrize(("typed", "said"), [
    ("kim,sw", "혹시 kim.sw인가요? 쉼표나 가운뎃점, 공백 대신 점(.)을 찍으세요."),
    ("kim sw", "혹시 kim.sw인가요? 쉼표나 가운뎃점, 공백 대신 점(.)을 찍으세요."),
    ("kim, lee.sw", "기록마다 담당자는 한 명입니다: 이 기록을 쓴 사람을 worker: kim처럼 적고, 함께한 사람(lee.sw)은 본문에"),
])
def test_a_worker_written_with_a_comma_gets_one_piece_of_advice(sample: Path, typed: str, said: str) -> None:
    """`worker: kim,sw` was told to write `worker: kim` and give `sw` an item of its own, then, in the
    next finding, that kim.sw was meant (found by a probe)."""
    line = edit(sample, MONITORING, "worker: kim.sw", f"worker: {typed}")
    (found,) = [m for code, at, m in errors_in(sample, MONITORING) if at == line]
    assert said in found, found
    assert "항목을 따로" not in found


def test_a_placeholder_left_from_the_template_lists_its_choices_without_the_goals_text(sample: Path) -> None:
    """After `casekit add … 점검` the template's `<진행 상황: … | stalled — <the goal's text>>` was
    answered with the goal's text as if it were one of the values (found by a probe)."""
    template = (Path(__file__).parent.parent / "templates/monitoring.md").read_text(encoding="utf-8")
    assert "stalled — {{goal.text}}>" in template
    line = edit(sample, MONITORING, "status: achieved",
                'status: "<진행 상황: not_started | in_progress | achieved | stalled — 체납 전기요금을 정리한다>"')
    (found,) = [m for code, at, m in errors_in(sample, MONITORING) if at == line]
    assert "not_started | in_progress | achieved | stalled 가운데 하나만 적으세요" in found, found
    assert "체납" not in found.split("꺾쇠 < >와 안내를 지우고")[1]  # (the value quoted before it holds it, as written)


def test_minutes_with_a_fraction_are_told_to_be_whole(sample: Path) -> None:
    """`minutes: 40.5` said '정수이어야 하는데 숫자입니다' and nothing more (found by a probe)."""
    line = edit(sample, INTERVENTION, "minutes: 40", "minutes: 40.5")
    (found,) = [m for code, at, m in errors_in(sample, INTERVENTION) if at == line]
    assert "정수여야 하는데" in found and "소수점 없이 정수로 적으세요. 예: 40" in found, found


def test_a_goal_partly_met_at_a_monitoring_is_told_in_progress(sample: Path) -> None:
    """`status: 부분달성` suggested nothing, while `달성` got achieved (found by a probe)."""
    line = edit(sample, MONITORING, "status: achieved", "status: 부분달성")
    (found,) = [m for code, at, m in errors_in(sample, MONITORING) if at == line]
    assert "혹시 in_progress(진행 중)인가요?" in found, found


@pytest.mark.parametrize(("typed", "meant"), [("예", "delivered(제공됨)"), ("아니오", "not_delivered(제공 안 됨)"),
                                               ("안 됨", "not_delivered(제공 안 됨)")])
def test_a_yes_or_no_for_a_service_delivered_is_told_the_code(sample: Path, typed: str, meant: str) -> None:
    """`delivered: 예`, the form's box answered 예/아니오, listed the codes and guessed none."""
    line = edit(sample, MONITORING, "delivered: delivered", f"delivered: {typed}")
    (found,) = [m for code, at, m in errors_in(sample, MONITORING) if at == line]
    assert f"혹시 {meant}인가요?" in found, found


def test_an_indented_opening_line_is_said_to_be_indented(sample: Path) -> None:
    """A first line `  ---` said only that the front matter was missing (found by a probe)."""
    edit(sample, MONITORING, "---\n", "  ---\n")
    found = [(code, at, m) for code, at, m in errors_in(sample, MONITORING)]
    assert [(code, at) for code, at, _ in found] == [("front-matter-missing", 1)], found
    assert "첫 줄의 '---' 앞에 빈칸이 있습니다" in found[0][2]


@pytest.mark.parametrize("typed", ["0012", "12"])
def test_a_case_called_by_its_number_alone_is_told_the_id(sample: Path, typed: str) -> None:
    """`casekit add 0012 점검` said only that there was no case 0012 (found by a probe)."""
    from casekit.core.scaffold import case_hint

    assert case_hint(sample / "cases", typed) == " 혹시 2026-0012인가요?"
    assert case_hint(sample / "cases", "9999") == ""


@pytest.mark.parametrize(("typed", "meant"), [("2026-1", "2026-0001"), ("2026-01", "2026-0001"),
                                               ("2026-001", "2026-0001"), ("2026-4", "2026-0004"),
                                               ("2026-04", "2026-0004"), ("2026-12", "2026-0012"),
                                               ("2026-00012", "2026-0012"), ("2026-0102", "2026-0012")])
def test_a_short_case_id_is_read_as_its_number(sample: Path, run, typed: str, meant: str) -> None:
    """`casekit add 2026-1 점검` was asked 혹시 2026-0014인가요? (one keystroke from `2026-1`): a tired
    worker retyping it wrote a monitoring into another client's case (a probe). The number is what
    a short id means; a number no case has gets no guess at all."""
    from casekit.core.scaffold import case_hint

    assert case_hint(sample / "cases", typed) == f" 혹시 {meant}인가요?"
    for command in (["status", typed], ["add", typed, "점검"], ["log", typed]):
        result = run(sample, *command)
        assert result.exit_code == 2 and f"혹시 {meant}인가요?" in result.output, (command, result.output)
    assert case_hint(sample / "cases", "2026-21") == ""


def test_a_monitoring_copied_from_another_case_names_services_its_plan_lacks(sample: Path) -> None:
    """2026-0001's monitoring copied into 2026-0012, only its case and date changed, said 문제 없음,
    though it checks services (goal, resource) 2026-0012's plan never had (found by a probe)."""
    text = (sample / MONITORING).read_text(encoding="utf-8")
    plan = (sample / "cases/2026-0012/03-plan.md").read_text(encoding="utf-8")
    copied = sample / "cases/2026-0012/05-monitoring.md"
    copied.write_text(text.replace('case: "2026-0001"', 'case: "2026-0012"'), encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path == "cases/2026-0012/05-monitoring.md"
             and f.code == "service-not-in-plan"]
    assert found and all(f.severity == "warning" for f in found)
    named = {re.search(r"goal (G\d+), resource '([^']+)'", f.message_en).groups() for f in found}  # type: ignore[union-attr]
    assert ("G2", "gaon-self-sufficiency-center") in named
    for goal, resource in named:  # (none the copy's plan pairs so; the pairs it has are not named)
        assert not re.search(rf"- goal: {goal}\n    resource: {resource}\n", plan), (goal, resource)
    assert "최근 계획 03-plan.md의 서비스에 없습니다" in found[0].message_ko


def test_the_parsers_own_words_name_no_line_that_says_nothing(sample: Path) -> None:
    """The parser's text ended `(line 2, column 1)`, the front matter's first key, where every
    top-level mapping begins, beside a finding on line 13 (found by a probe)."""
    plan = "cases/2026-0001/03-plan.md"
    text = (sample / plan).read_text(encoding="utf-8").split("\n")
    text.insert(12, "- 잘못")
    (sample / plan).write_text("\n".join(text), encoding="utf-8")
    (found,) = [m for code, at, m in errors_in(sample, plan)]
    assert "(YAML 원문: while parsing a block mapping did not find expected key)" in found, found


def test_yes_or_no_in_korean_is_told_true_or_false(sample: Path) -> None:
    """`client_agreed: 예` got only '참/거짓이어야 하는데 글자입니다' (found by a probe)."""
    plan = "cases/2026-0001/03-plan.md"
    line = edit(sample, plan, "client_agreed: true", "client_agreed: 예")
    (found,) = [m for code, at, m in errors_in(sample, plan) if at == line]
    assert "'예' 대신 true로 적으세요" in found, found


def test_a_value_with_a_colon_and_double_quotes_is_shown_quoted_in_single_quotes(sample: Path) -> None:
    """The fix offered for `note: 설명: "인용" 포함` was `note: "설명: "인용" 포함"`, broken YAML again."""
    line = edit(sample, MONITORING, 'note: "5월 초', 'note: 설명: "인용" 포함\n    extra: "5월 초')
    (found,) = [m for code, at, m in errors_in(sample, MONITORING) if at == line]
    assert """예: note: '설명: "인용" 포함'""" in found, found


def test_a_korean_label_typed_for_a_code_gets_the_right_particle(sample: Path) -> None:
    line = edit(sample, MONITORING, "status: achieved", "status: 달성")
    (found,) = [m for code, at, m in errors_in(sample, MONITORING) if at == line]
    assert "'달성' 대신 코드 achieved(달성)으로 적으세요" in found, found


def test_a_file_told_to_be_renamed_twice_is_told_one_name(sample: Path) -> None:
    """An intervention saved as 04-monitoring.md beside 04-intervention.md was told by
    duplicate-number to become 05-intervention.md and by stage-mismatch 04-intervention.md, a
    name taken (found by a probe): both now say the free one."""
    shutil.copy(sample / "cases/2026-0012/04-intervention.md", sample / "cases/2026-0012/04-monitoring.md")
    found = {f.code: f.message_ko for f in check(sample, today=None).findings
             if f.path == "cases/2026-0012/04-monitoring.md"}
    assert set(found) == {"duplicate-number", "stage-mismatch"}, found
    assert all("05-intervention.md로 바꾸세요" in m and "04-intervention.md로" not in m for m in found.values()), found


def test_a_copy_saved_under_another_stage_is_told_to_move_not_the_original(sample: Path) -> None:
    """05-monitoring.md copied to 05-intervention.md (to start the next 실행) and left as it was: the
    original was told to renumber every record after it, and the copy told to become 05-monitoring.md,
    the original's own name (renaming it so overwrites the original; found by a probe). Now the copy
    is the one told to move, that it is word for word the original, and no name taken."""
    case = "cases/2026-0001"
    shutil.copy(sample / case / "05-monitoring.md", sample / case / "05-intervention.md")
    found = [f for f in check(sample, today=None).findings if f.path.startswith(case + "/")]
    assert {(f.code, f.path) for f in found} == {("duplicate-number", f"{case}/05-intervention.md"),
                                                 ("stage-mismatch", f"{case}/05-intervention.md")}, found
    assert all("05-monitoring.md로" not in f.message_ko for f in found), found
    (dup,) = [f.message_ko for f in found if f.code == "duplicate-number"]
    assert "05-monitoring.md의 본문과 한 글자도 다르지 않습니다. 복사만 하고 고치지 않았다면 이 파일을 지우세요" in dup, dup


def test_a_key_with_a_value_and_a_list_under_it_is_said_at_the_value(sample: Path) -> None:
    """`goals: 없음` with the goals' list still under it was said one line low, as the list item's
    indentation not matching (found by a probe)."""
    plan = "cases/2026-0001/03-plan.md"
    line = edit(sample, plan, "goals:\n", "goals: 없음\n")
    found = errors_in(sample, plan)
    assert [(code, at) for code, at, _ in found] == [("yaml-syntax", line)], found
    assert "'goals:' 뒤에 값('없음')이 있는데 아래에 목록이 이어집니다" in found[0][2]


def test_a_year_mistyped_is_one_date_decreasing_with_the_year_meant(sample: Path) -> None:
    """2026-0010's 사례회의 dated 2025-11-12 for 2026-11-12 gave date-decreasing with no fix, and three
    sharing-without-consent whose hint (add consents) would have had the worker write false ones."""
    rel = "cases/2026-0010/05-conference.md"
    path = sample / rel
    text = path.read_text(encoding="utf-8")
    assert 'date: "2026-11-12"' in text
    path.write_text(text.replace('date: "2026-11-12"', 'date: "2025-11-12"', 1), encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0010/")]
    assert [(f.code, f.path) for f in found] == [("date-decreasing", rel)]
    assert found[0].message_ko.endswith("연도를 잘못 적었나요? 2026-11-12")


def test_a_year_typed_one_too_many_is_an_error_with_the_year_meant_while_it_is_ahead(sample: Path) -> None:
    """2026-0007's 종결 dated 2027-07-03 for 2026-07-03, its 사후관리 after it 2026-08-04: only a
    date-future warning (exit 0: dates going back, RECORD-FORMAT rule 2) while 2027-07-03 was still
    ahead, the year meant unsaid (found by a probe). A year one too few was already an error."""
    rel = "cases/2026-0007/06-closure.md"
    path = sample / rel
    text = path.read_text(encoding="utf-8")
    assert 'date: "2026-07-03"' in text
    path.write_text(text.replace('date: "2026-07-03"', 'date: "2027-07-03"', 1), encoding="utf-8")
    found = [f for f in check(sample, today=dt.date(2026, 12, 7)).findings if f.path.startswith("cases/2026-0007/")]
    assert [(f.code, f.path, f.severity) for f in found] == [("date-year-typo", rel, "error")], found
    assert found[0].message_ko.endswith("2026-07-03으로 고치세요."), found[0].message_ko


def test_an_intakes_consents_deleted_is_one_finding_naming_the_agencies_shared_with(sample: Path) -> None:
    """The `consents:` block of an intake deleted gave eligible-without-consent and six
    sharing-without-consent in two other files: one mistake, now one finding."""
    import re as _re

    rel = "cases/2026-0001/01-intake.md"
    path = sample / rel
    path.write_text(_re.sub(r"consents:\n(  .*\n)+", "", path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path) for f in found] == [("eligible-without-consent", rel)]
    assert "정보 제공 동의도 없어, 기록에 적힌 기관 4곳(gaon-food-bank" in found[0].message_ko


# --- what a practitioner's probe found passing silently (session 37) ---

def _found(sample: Path, case: str) -> list[tuple[str, str, int]]:
    return [(f.code, f.path.rsplit("/", 1)[-1], f.line or 0) for f in check(sample, today=None).findings
            if f.path.startswith(f"cases/{case}/")]


def test_a_record_deleted_from_the_middle_is_a_number_gap_alone(sample: Path) -> None:
    (sample / "cases/2026-0002/09-monitoring.md").unlink()
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0002/")]
    assert [(f.code, f.path, f.line) for f in found] == [("number-gap", "cases/2026-0002/10-intervention.md", 1)], found
    assert "순번 09가 비어 있습니다(08-intervention.md 다음)" in found[0].message_ko, found[0].message_ko
    assert "git log --diff-filter=D -- cases/2026-0002" in found[0].message_ko
    assert found[0].severity == "warning"


def test_a_body_copied_from_the_record_before_is_record_copied_at_the_later(sample: Path) -> None:
    def body(rel: str) -> tuple[str, str]:
        text = (sample / rel).read_text(encoding="utf-8")
        end = text.index("\n---\n", 4) + 5
        return text[:end], text[end:]

    front, _ = body("cases/2026-0002/08-intervention.md")
    (sample / "cases/2026-0002/08-intervention.md").write_text(front + body("cases/2026-0002/04-intervention.md")[1],
                                                              encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0002/")]
    assert [(f.code, f.path, f.line) for f in found] == [
        ("record-copied", "cases/2026-0002/08-intervention.md", front.count("\n") + 1)], found
    assert "앞선 기록 04-intervention.md의 본문과 한 글자도 다르지 않습니다" in found[0].message_ko


def test_an_activity_pasted_twice_is_activity_twice_at_the_second(sample: Path) -> None:
    rel = "cases/2026-0002/10-intervention.md"
    text = (sample / rel).read_text(encoding="utf-8")
    m = re.search(r"activities:\n((  - [^\n]*\n(?:    [^\n]*\n)*))", text)
    assert m is not None
    (sample / rel).write_text(text.replace(m.group(0), m.group(0) + m.group(1)), encoding="utf-8")
    first = text[: m.start(1)].count("\n") + 1
    second = first + m.group(1).count("\n")
    found = _found(sample, "2026-0002")
    assert found == [("activity-twice", "10-intervention.md", second)], found


def test_a_records_sections_left_empty_is_body_empty_but_a_title_alone_is_not(sample: Path) -> None:
    rel = "cases/2026-0002/05-monitoring.md"
    text = (sample / rel).read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 5
    (sample / rel).write_text(text[:end] + "# 점검\n\n## 목표별 진행 상황\n\n## 서비스 제공 상황과 계획 변경\n", encoding="utf-8")
    found = _found(sample, "2026-0002")
    assert found == [("body-empty", "05-monitoring.md", text[:end].count("\n") + 1)], found
    (sample / rel).write_text(text[:end] + "# 점검\n", encoding="utf-8")
    assert _found(sample, "2026-0002") == []


def test_a_revised_plan_giving_a_goal_id_to_another_goal_is_goal_id_reused(sample: Path) -> None:
    rel = "cases/2026-0002/07-plan.md"
    line = edit(sample, rel, 'goal: "회복 속도에 맞춰 시간제 요양보호사 일을 시작한다"', 'goal: "임대주택으로 이사한다"')
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0002/")]
    assert [(f.code, f.path, f.line) for f in found] == [("goal-id-reused", rel, line - 2)], found
    assert "목표 G3은 앞선 계획 03-plan.md에서 '요양보호사로 낮 시간 일자리를 구한다'였는데" in found[0].message_ko
    assert "새 목표라면 G6처럼 새 번호를 쓰세요" in found[0].message_ko


def test_a_goal_reworded_in_a_revised_plan_keeps_its_id_silently(sample: Path) -> None:
    edit(sample, "cases/2026-0002/07-plan.md", 'goal: "회복 속도에 맞춰 시간제 요양보호사 일을 시작한다"',
         'goal: "요양보호사 자격으로 주 3일 일한다"')
    assert _found(sample, "2026-0002") == []


def test_a_markdown_heading_inside_the_front_matter_is_comment_heading(sample: Path) -> None:
    line = edit(sample, INTAKE_12, "eligibility:\n", "## 대상 여부\neligibility:\n")
    found = _found(sample, "2026-0012")
    assert found == [("comment-heading", "01-intake.md", line)], found


@pytest.mark.parametrize(("rel", "old", "new", "says"), [
    ("cases/2026-0001/03-plan.md", "  - id: G1", "  - id: g1", "대문자로 적으세요: id: G1"),
    ("cases/2026-0001/02-assessment.md", "  - id: N1", "  - id: n1", "대문자로 적으세요: id: N1"),
])
def test_an_id_in_the_wrong_case_is_one_finding_not_one_per_record_naming_it(
        sample: Path, rel: str, old: str, new: str, says: str) -> None:
    """A plan's `id: g1` gave its bad-pattern and nine unknown-goal, each guessing "혹시 g1인가요?" for
    the G1 that was right (a probe)."""
    line = edit(sample, rel, old, new)
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path, f.line) for f in found] == [("bad-pattern", rel, line)], found
    assert says in found[0].message_ko, found[0].message_ko


def test_a_goal_renumbered_in_the_plan_tells_each_record_the_plans_id(sample: Path) -> None:
    """A plan that renumbered G1 as G01 (and G3 as G11, its records following) left each record's G1
    guessed as "혹시 G11인가요?" (the closest spelling): each reference is still one finding, at its
    place, now telling the plan's id of the same number, G01."""
    case = sample / "cases/2026-0001"
    for record in sorted(case.glob("*.md")):
        text = record.read_text(encoding="utf-8")
        if record.name == "03-plan.md":
            text = re.sub(r"\b(id|goal): G1$", r"\1: G01", text, flags=re.M)
        text = re.sub(r"\b(id|goal): G3$", r"\1: G11", text, flags=re.M)
        record.write_text(text, encoding="utf-8")
    refs = [(f"cases/2026-0001/{r.name}", n) for r in sorted(case.glob("*.md"))
            for n, line in enumerate(r.read_text(encoding="utf-8").splitlines(), 1) if re.search(r"goal: G1$", line)]
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert len(refs) >= 5 and [(f.code, f.path, f.line) for f in found] == [("unknown-goal", *r) for r in refs], found
    assert all("번호가 같은 G01이 있습니다: G01로 고쳐 적으세요." in f.message_ko for f in found), found[0].message_ko


@pytest.mark.parametrize(("old", "new", "says"), [
    ('done: "2026-11-12"', "done: 예", "예/완료가 아니라 날짜(YYYY-MM-DD)를 적습니다"),
    ('done: "2026-11-12"', "done: true", "예/아니오가 아니라 날짜(YYYY-MM-DD)를 적습니다"),
    ('due: "2026-11-10"', 'due: "2026-11"', "날짜까지 적으세요: 그 달 안이면 2026-11-30(그 달의 마지막 날)처럼"),
    ('due: "2026-11-10"', 'due: "11월 말"', "연도와 날을 넣어 날짜로 적으세요. 예: YYYY-11-30"),
])
def test_a_date_field_answered_otherwise_is_told_to_write_a_date(sample: Path, old: str, new: str, says: str) -> None:
    rel = "cases/2026-0013/03-conference.md"
    line = edit(sample, rel, old, new)
    (found,) = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0013/")]
    assert found.line == line and says in found.message_ko, found


def test_a_worker_with_a_space_for_its_dot_is_one_finding(sample: Path) -> None:
    line = edit(sample, MONITORING, "worker: kim.sw", "worker: kim sw")
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == [("bad-pattern", line)], found  # (not also a worker-typo saying the same)


def test_a_household_member_without_its_dash_is_one_wrong_type_not_an_unknown_member_in_each_record(sample: Path) -> None:
    intake = "cases/2026-0002/01-intake.md"
    edit(sample, intake, "  - id: M1\n    relation", "    id: M1\n    relation")
    found = [(f.code, f.path) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0002/")]
    assert found == [("wrong-type", intake)], found


@pytest.mark.parametrize("value", [
    '|\n    ## 판단 근거\n    소득 상실, 주거비 체납 #2건, 건강 관리 중단',  # a block: its lines are text
    '>-\n    ## 판단 근거\n    소득 상실',
    '"소득 상실\n    ## 판단 근거 #3 계속"',  # a quoted value going on
])
def test_a_hash_inside_a_value_of_several_lines_is_text_not_a_comment(sample: Path, value: str) -> None:
    """`reason: |` with a `## 판단 근거` line and a `#2건` in it gave comment-heading and a
    comment-cuts-value error, though YAML keeps both as the value's text (a probe)."""
    edit(sample, "cases/2026-0001/01-intake.md",
         '  reason: "소득 상실, 주거비 체납, 건강 관리 중단이 겹친 복합 욕구로 통합사례관리가 필요함"', f"  reason: {value}")
    assert _found(sample, "2026-0001") == []


def test_a_need_whose_id_is_left_out_is_its_required_alone(sample: Path) -> None:
    """A need's `- id: N2` line lost gave its required and an unknown-need at the plan's goal
    naming N2 (a probe); the goals' ids wait likewise (duplicate-id, required)."""
    rel = "cases/2026-0001/02-assessment.md"
    edit(sample, rel, "  - id: N2\n    domain: employment", "  - domain: employment")
    found = [(f.code, f.path) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == [("required", rel)], found


# --- what a practitioner's probe found (helper-66, session 37) ---

@pytest.mark.parametrize(("rel", "old", "new", "code", "says"), [
    # a client judged in crisis at a follow-up that ends follow-up and does not reopen: off every list
    ("cases/2026-0001/09-followup.md", "status: stable", "status: crisis", "followup-crisis-left",
     "다시 개입한다면 reopen: true로 하고 재개 접수를 쓰세요(casekit add 2026-0001 접수)"),
    # a year typed one too far in a next review: the overdue 점검 left `casekit due` for a year
    ("cases/2026-0006/12-monitoring.md", 'next_review: "2026-11-13"', 'next_review: "2027-11-13"',
     "next-far-after-record", "반년 넘게 뒤입니다. 그때까지 casekit due에 이 일이 나오지 않습니다. 연도를 잘못 적었나요? 2026-11-13"),
    # a second plan or assessment of the episode written as the first
    ("cases/2026-0002/07-plan.md", "type: revised", "type: initial", "initial-again", "type: revised(수정 계획)로 적으세요"),
    ("cases/2026-0002/06-assessment.md", "type: reassessment", "type: initial", "initial-again",
     "type: reassessment(재사정)로 적으세요"),
    ("cases/2026-0001/04-intervention.md", "minutes: 40", "minutes: 1.5", "wrong-type", "분으로 적으세요: 1.5시간이면 90"),
    ("cases/2026-0001/03-plan.md", "client_agreed: true", 'client_agreed: "true"', "wrong-type",
     "따옴표를 지우고 true로 적으세요"),
    # a form's brackets around a text: YAML reads a list (braces: a mapping)
    ("cases/2026-0001/01-intake.md", '  reason: "소득 상실, 주거비 체납, 건강 관리 중단이 겹친 복합 욕구로 통합사례관리가 필요함"',
     "  reason: [심사중]", "wrong-type", "대괄호([ ])로 감싼 값은 목록으로 읽습니다. 글로 쓰려면 값 전체를 따옴표로 감싸세요: "
     "reason: '[심사중]'"),
    ("cases/2026-0001/01-intake.md", '  alias: "박○○"', "  alias: {박}", "wrong-type", "따옴표로 감싸세요: alias: '{박}'"),
    # a field an if/then requires is named with its title (it was '…relation'())
    ("cases/2026-0001/01-intake.md", '  - date: "2026-03-04"\n    scope: information_sharing\n    action: given\n    by: self',
     '  - date: "2026-03-04"\n    scope: information_sharing\n    action: given\n    by: legal_guardian', "required", "필수 항목 'consents[2].relation'(법정대리인 관계)가 없습니다"),
    # the plan's agreement a year early: it hid every activity before the real agreement
    ("cases/2026-0001/03-plan.md", '  date: "2026-03-25"\n  method: signed', '  date: "2025-03-25"\n  method: signed',
     "agreement-before-plan", "한 달 넘게 앞섭니다. 동의는 계획을 세우며 받습니다: 동의서의 날짜를 적으세요. 연도를 잘못 적었나요? 2026-03-25"),
    # a member copied into a 1인 가구's intake (another case's, or a daughter living apart)
    ("cases/2026-0001/01-intake.md", '  household: "1인 가구"\n', '  household: "1인 가구"\nhousehold_members:\n'
     '  - id: M1\n    relation: "딸"\n    age_group: adult\n', "household-mismatch",
     "가구원이 1명 적혀 있습니다: M1(딸). 가구원(household_members)은 함께 사는 사람입니다"),
    # a goal's status as a share done (a third probe): not "quote it", which gives a not-in-list next
    ("cases/2026-0001/05-monitoring.md", "    status: in_progress", "    status: 80", "wrong-type",
     "진행률(80%)은 note에 적고, 이 칸에는 코드 in_progress(진행 중)으로 적으세요"),
    ("cases/2026-0001/05-monitoring.md", "    status: in_progress", "    status: 100%", "not-in-list",
     "진행률(100%)은 note에 적고, 이 칸에는 코드 achieved(달성)으로 적으세요"),
    # a mapping written as one line of text, a list's entry as a text: the keys the form wants
    ("cases/2026-0001/07-closure.md", 'aftercare:\n  plan: "종결 후 약 6주와 3개월 무렵 두 차례 전화·방문으로 수급 유지와 건강 상태를 '
     '확인"\n  first_check: "2026-08-20"', 'aftercare: "6주 후 전화 확인"', "wrong-type",
     "'aftercare:' 다음 줄부터 두 칸 들여 '키: 값'으로 나눠 적으세요: plan: … / first_check: …"),
    ("cases/2026-0001/05-monitoring.md", '  - goal: G1\n    status: achieved\n    note: "5월 초 생계급여와 주거급여가 결정되었고 '
     '체납 월세를 정리함"', "  - G1 달성", "wrong-type", "목록의 항목마다 '키: 값'으로 나눠 적으세요"),
    # a conference's decision with a colon in it: YAML reads a key and its value
    ("cases/2026-0010/05-conference.md", '  - "보호명령 결정 전까지 자녀 등하교는 학교와 상담소가 함께 살핀다"',
     "  - 등하교: 학교와 상담소가 함께 살핀다", "wrong-type",
     "글 전체를 따옴표로 감싸세요: - '등하교: 학교와 상담소가 함께 살핀다'"),
    # a client needing support at a follow-up that ends follow-up (a third probe), and one ended with a next check
    ("cases/2026-0001/09-followup.md", "status: stable", "status: needs_support", "followup-crisis-left",
     "사후관리에서 현재 상태를 '지원 필요'로 보았는데 재개하지 않고"),
    ("cases/2026-0001/09-followup.md", 'note: "가정 방문.', 'next_check: "2026-12-21"\nnote: "가정 방문.',
     "followup-done-with-next", "다음 확인일 2026-12-21을 적었습니다"),
    # a 종결's results under a key misspelt, or written as a text: one finding, not also a goal unevaluated each
    ("cases/2026-0001/07-closure.md", "results:", "result:", "unknown-field", "혹시 'results'(목표별 평가)를 뜻했나요?"),
    ("cases/2026-0001/07-closure.md", "    result: achieved", "    status: achieved", "unknown-field",
     "혹시 'result'(결과)를 뜻했나요?"),
    ("cases/2026-0010/05-conference.md", '    who: "법률홈닥터"', '    owner: "법률홈닥터"', "unknown-field",
     "혹시 'who'(담당)을 뜻했나요?"),
    # the practice's everyday words for a follow-up's codes
    ("cases/2026-0001/08-followup.md", "status: stable", "status: 연락두절", "not-in-list", "혹시 unreachable(연락 안 됨)인가요?"),
    ("cases/2026-0001/08-followup.md", "contact: phone", "contact: 카톡", "not-in-list", "혹시 phone(전화)인가요?"),
    # a goal named by its words, or its id with words after it (a third probe)
    ("cases/2026-0002/11-monitoring.md", "  - goal: G1", "  - goal: 아동양육비와 가계부로 생활비 부족을 줄인다", "unknown-goal",
     "목표는 문장이 아니라 ID로 적습니다: 이 목표는 G1입니다. goal: G1."),
    ("cases/2026-0002/11-monitoring.md", "  - goal: G1", "  - goal: G1 생활비", "unknown-goal",
     "ID 뒤의 설명을 지우고 ID만 적으세요: goal: G1."),
    # a task's `done` left empty, or "": a date, or the line away (not a bad date of '')
    ("cases/2026-0010/05-conference.md", '    done: "2026-11-25"', "    done:", "empty-value",
     "날짜(YYYY-MM-DD)를 적거나, 아직 없으면 이 줄을 지우세요."),
    ("cases/2026-0010/05-conference.md", '    done: "2026-11-25"', '    done: ""', "empty-value",
     "날짜(YYYY-MM-DD)를 적거나, 아직 없으면 이 줄을 지우세요."),
    ("cases/2026-0001/04-intervention.md", 'date: "2026-04-20"', "date:", "empty-value", "'date'(기록 날짜)가 비어 있습니다."),
    # a next date written as a time after the record (한 달 후): the date it counts to
    ("cases/2026-0006/12-monitoring.md", 'next_review: "2026-11-13"', "next_review: 한달 후", "bad-date",
     "날짜(YYYY-MM-DD)로 적으세요: 기록 날짜에서 '한달 후'이면 next_review: 2026-11-30"),
    # a key holding a character no one sees (pasted from a messenger) is told so, not "did you mean worker?"
    ("cases/2026-0001/01-intake.md", "worker: kim.sw", "wor\u200bker: kim.sw", "unknown-field",
     "항목 이름에 보이지 않는 문자 U+200B가 섞여 있습니다. 그 글자를 지우고 다시 쓰세요: worker:"),
    # a malformed phone's shape gets its particle (it was 010-○○○-○○○○○은(는))
    ("cases/2026-0001/07-closure.md", '  plan: "종결 후 약 6주와 3개월 무렵 두 차례 전화·방문으로 수급 유지와 건강 상태를 확인"',
     "  plan: 없음", "aftercare-none-with-check", "first_check 줄을 지우세요"),
    ("cases/2026-0001/07-closure.md", '  plan: "종결 후 약 6주와 3개월 무렵 두 차례 전화·방문으로 수급 유지와 건강 상태를 확인"',
     '  plan: "해당 없음"', "aftercare-none-with-check", "(first_check: 2026-08-20)"),
    ("cases/2026-0001/01-intake.md", '  phone: "010-0000-1001"', '  phone: "010-000-10012"', "phone-malformed",
     "에 적힌 번호(010-○○○-○○○○○)는 전화번호 형식이 아닙니다"),
])
def test_what_the_second_probe_found_is_one_finding_saying_what_to_do(
        sample: Path, rel: str, old: str, new: str, code: str, says: str) -> None:
    line = edit(sample, rel, old, new)
    case = rel.split("/")[1]
    found = [f for f in check(sample, today=dt.date(2026, 12, 5)).findings if f.path.startswith(f"cases/{case}/")]
    assert [(f.code, f.path, f.line) for f in found] == [(code, rel, line)], found
    assert says in found[0].message_ko, found[0].message_ko


def test_a_reopening_intake_deleted_gives_no_goal_renumbering_advice(sample: Path) -> None:
    (sample / "cases/2026-0006/08-intake.md").unlink()
    codes = {f.code for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0006/")}
    assert "after-closure" in codes and "goal-id-reused" not in codes, codes


def test_a_handover_file_without_its_handovers_line_is_told_to_add_it(sample: Path) -> None:
    """The entries written as a bare list were told the file must be a list of 'key: value' and
    was a list (a probe): it is told the line to add."""
    (sample / "cases/2026-0001/handover.yml").write_text(
        '- date: "2026-09-01"\n  from: kim.sw\n  to: lee.sw\n  by: park.tl\n  reason: "휴직"\n', encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path, f.line) for f in found] == [
        ("front-matter-not-mapping", "cases/2026-0001/handover.yml", 1)], found
    assert "맨 위에 handovers: 한 줄을 넣고" in found[0].message_ko


def test_a_consent_dated_a_year_late_is_one_finding_at_the_consent(sample: Path) -> None:
    """The intake's consent to share typed 2027-03-04 for 2026-03-04 gave a sharing-without-consent
    at each of six shares, telling the worker to write a consent that was there (a probe): one
    error at the consent's date, with the date meant and the shares it leaves without consent."""
    rel = "cases/2026-0001/01-intake.md"
    line = edit(sample, rel, '  - date: "2026-03-04"\n    scope: information_sharing',
                '  - date: "2027-03-04"\n    scope: information_sharing')
    found = [f for f in check(sample, today=dt.date(2026, 12, 5)).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path, f.line, f.severity) for f in found] == [("consent-after-record", rel, line, "error")], found
    assert "정보 제공 6건이 동의 없이 한 것이 됩니다. 연도를 잘못 적었나요? 2026-03-04" in found[0].message_ko


def test_a_consent_dated_a_few_days_after_its_intake_is_not_judged(sample: Path) -> None:
    edit(sample, "cases/2026-0001/01-intake.md", '  - date: "2026-03-04"\n    scope: information_sharing',
         '  - date: "2026-03-09"\n    scope: information_sharing')
    assert _found(sample, "2026-0001") == []


@pytest.mark.parametrize(("rel", "old", "new", "codes"), [
    # an activity's year typo: its activity-before-plan says it, not also a share without consent
    ("cases/2026-0001/04-intervention.md", '  - date: "2026-03-30"', '  - date: "2025-03-30"', ["activity-before-plan"]),
    # a plan's service the client had before the case was opened: consent judged on the plan's date
    ("cases/2026-0001/03-plan.md", '    start: "2026-03-30"', '    start: "2025-03-30"', []),
])
def test_a_share_dated_before_the_case_is_judged_on_its_records_date(
        sample: Path, rel: str, old: str, new: str, codes: list[str]) -> None:
    edit(sample, rel, old, new)
    found = [f.code for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == codes


def test_a_record_put_where_casekit_does_not_read_is_said_so(sample: Path) -> None:
    """A monitoring moved into `old/` of its case, and a plan saved in cases/ itself: each was an
    unexpected-file speaking of a file that is no record, and the case a number-gap telling to
    restore 06 from git (a probe)."""
    case = sample / "cases/2026-0001"
    (case / "old").mkdir()
    (case / "06-monitoring.md").rename(case / "old/06-monitoring.md")
    (sample / "cases/03-plan.md").write_bytes((sample / "cases/2026-0002/03-plan.md").read_bytes())
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/") and f.path.count("/") <= 2]
    assert [(f.code, f.path) for f in found] == [("record-outside-case", "cases/03-plan.md"),
                                                 ("folder-in-case", "cases/2026-0001/old")], found
    assert "그 안의 기록 1개(06-monitoring.md)는 검사도 게시도 되지 않습니다" in found[1].message_ko


@pytest.mark.parametrize("written", ["나래아파트 2-605", "나래아파트 2/605호", "나래아파트2-605"])
def test_an_apartment_written_short_is_the_clients_address(sample: Path, written: str) -> None:
    """2026-0008's client lives at 나래아파트 2동 605호; written as the neighbours write it in
    another case's record, it passed check (a probe): 2-605 alone is any number, with the
    complex's name it is the home."""
    with open(sample / "cases/2026-0009/01-intake.md", "a", encoding="utf-8") as f:
        f.write(f"\n같은 단지 {written}에 사는 이웃이 함께 왔다.\n")
    found = [(f.code, f.path) for f in check(sample, today=None).findings]
    assert found == [("sensitive-variant-in-text", "cases/2026-0009/01-intake.md")], found


@pytest.mark.parametrize(("first", "second"), [("07-followup.md", "08-intake.md"), ("06-closure.md", "07-followup.md")])
def test_two_records_numbered_the_wrong_way_round_are_told_to_swap(sample: Path, first: str, second: str) -> None:
    """Around a reopening, 07-followup and 08-intake saved as 08 and 07 gave a date-decreasing and a
    followup-before-closure that the numbers alone caused (a probe): one finding, naming both names."""
    case = sample / "cases/2026-0006"
    a, b = case / first, case / second
    swapped_a, swapped_b = case / f"{second[:2]}{first[2:]}", case / f"{first[:2]}{second[2:]}"
    a.rename(case / "tmp")
    b.rename(swapped_b)
    (case / "tmp").rename(swapped_a)
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0006/")]
    assert [(f.code, f.path) for f in found] == [("date-decreasing", f"cases/2026-0006/{swapped_a.name}")], found
    assert f"두 기록의 번호가 바뀐 것 같습니다: 날짜대로라면 이 기록은 {first}" in found[0].message_ko, found[0].message_ko


@pytest.mark.parametrize(("rel", "old", "new", "says"), [
    ("cases/2026-0001/02-assessment.md", 'date: "2026-03-12"', 'date: "2026-03-02"',
     "사정은 접수 뒤에 하므로 번호 순서는 맞고, 이 기록의 날짜가 틀린 것 같습니다: 사정일은 접수일(2026-03-04) 이후여야 "
     "합니다(다음 기록 03-plan.md의 날짜 2026-03-25 이전). 날짜를 확인하세요."),
    ("cases/2026-0001/08-followup.md", 'date: "2026-08-20"', 'date: "2026-07-01"',
     "사후관리는 종결 뒤에 하므로 번호 순서는 맞고, 이 기록의 날짜가 틀린 것 같습니다: 사후관리일은 종결일(2026-07-10) "
     "이후여야 합니다(다음 기록 09-followup.md의 날짜 2026-10-21 이전). 날짜를 확인하세요."),
    ("cases/2026-0001/04-intervention.md", 'date: "2026-04-20"', 'date: "2026-03-20"',
     "실행은 계획 뒤에 하므로 번호 순서는 맞고, 이 기록의 날짜가 틀린 것 같습니다: 실행 기록 날짜는 계획 수립일(2026-03-25)"),
])
def test_a_date_before_the_stage_it_follows_is_told_to_be_checked_not_the_numbers_swapped(
    sample: Path, rel: str, old: str, new: str, says: str,
) -> None:
    """An assessment dated before its intake, a follow-up before its closure: date-decreasing told to
    rename them 01-assessment.md and 02-intake.md, 07-followup.md and 08-closure.md (a probe), which
    gave first-not-intake, intake-again and plan-without-assessment, or followup-before-closure.
    The stage order forbids that swap: the date is the mistake, said with the dates it may have."""
    line = edit(sample, rel, old, new)
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path, f.line, f.column) for f in found] == [("date-decreasing", rel, line, 7)], found
    assert says in found[0].message_ko and "번호가 바뀐" not in found[0].message_ko, found[0].message_ko


def test_a_swap_of_numbers_is_advised_only_where_the_renamed_records_keep_the_stage_order() -> None:
    """Each record of every sample case dated a day before the one above it: where date-decreasing
    says to swap the two files' numbers, the case so renamed has no error of order or date (following
    the advice makes no new error); where the swap would break the stage order, it says the date is wrong."""
    from casekit.core.rules import ORDER_CODES, check_case
    from casekit.core.scaffold import case_summaries

    root = Path(__file__).resolve().parent.parent
    resources = {p.stem for p in (root / "resources").glob("*.md")}
    today = dt.date(2027, 1, 1)
    told = {"swap": 0, "date": 0}
    for case in sorted(p.name for p in (root / "cases").iterdir() if p.is_dir()):
        records = case_summaries(root, case)
        for i in range(1, len(records)):
            prev, r = records[i - 1], records[i]
            if prev.stage == r.stage or not prev.date:
                continue
            day = (dt.date.fromisoformat(prev.date) - dt.timedelta(days=1)).isoformat()
            moved = [*records[:i], dataclasses.replace(r, date=day), *records[i + 1 :]]
            found = [f for f in check_case(f"cases/{case}", moved, resources, today)
                     if f.code == "date-decreasing" and f.path == r.rel]
            assert len(found) == 1, (case, r.rel, found)
            if "번호가 바뀐" in found[0].message_ko:
                told["swap"] += 1
                renamed = [*records[: i - 1],
                           dataclasses.replace(r, date=day, nn=prev.nn, rel=f"cases/{case}/{prev.nn:02d}-{r.stage}.md"),
                           dataclasses.replace(prev, nn=r.nn, rel=f"cases/{case}/{r.nn:02d}-{prev.stage}.md"),
                           *records[i + 1 :]]
                after = [f.code for f in check_case(f"cases/{case}", renamed, resources, today)
                         if f.code in ORDER_CODES | {"first-not-intake", "date-decreasing", "date-year-typo"}]
                assert after == [], (case, r.rel, found[0].message_ko, after)
            elif "날짜가 틀린 것 같습니다" in found[0].message_ko:
                told["date"] += 1
    assert told["swap"] > 0 and told["date"] > 0, told


@pytest.mark.parametrize(("rel", "old", "new", "meant"), [
    ("cases/2026-0012/01-intake.md", 'date: "2026-10-14"', 'date: "2016-10-14"', "2026-10-14"),
    ("cases/2026-0012/01-intake.md", 'date: "2026-10-14"', 'date: "2025-10-14"', "2026-10-14"),
    ("cases/2026-0001/01-intake.md", 'date: "2026-03-04"', 'date: "2023-03-04"', "2026-03-04"),
])
def test_a_year_mistyped_in_a_cases_first_record_is_one_error_at_its_date(
    sample: Path, rel: str, old: str, new: str, meant: str,
) -> None:
    """2026-0012's intake dated 2016-10-14 for 2026-10-14 passed check with four warnings, none at the
    date: an age group "wrong" on the age counted from 2016, two consents "a month after" the intake
    told to be dated 2016-10-14 (the typo), and a date-gap on the assessment, whose date is right (a
    probe). The year toward the future (2062) was an error already. One error at the date now, with
    the date meant and what says so (the next record, the consents, the case id)."""
    edit(sample, rel, old, new)
    case = rel.rsplit("/", 1)[0]
    found = [f for f in check(sample, today=None).findings if f.path.startswith(case + "/")]
    assert [(f.code, f.path, f.line, f.column, f.severity) for f in found] == \
        [("date-year-typo", rel, 4, 7, "error")], found
    assert f"연도를 잘못 적은 것 같습니다: {meant}로 고치세요." in found[0].message_ko, found[0].message_ko
    assert f"사례 번호는 {case.rsplit('/', 1)[1]}" in found[0].message_ko


def test_a_year_mistyped_ahead_in_the_middle_of_a_case_is_said_at_it_not_at_the_record_after(sample: Path) -> None:
    """2026-0001's plan dated 2027-03-25 for 2026-03-25, checked in 2027: the intervention after it got
    a date-decreasing (its date right), and every activity an activity-before-plan; one error at the
    plan's date now, with the year meant."""
    rel = "cases/2026-0001/03-plan.md"
    edit(sample, rel, 'date: "2026-03-25"', 'date: "2027-03-25"')
    found = [f for f in check(sample, today=dt.date(2027, 6, 1)).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path, f.line) for f in found] == [("date-year-typo", rel, 4)], found
    assert "2026-03-25로 고치세요" in found[0].message_ko, found[0].message_ko


@pytest.mark.parametrize(("old", "new", "line", "says"), [
    ("  plan_days: 30", "  plan_days:30", 5, "콜론(:) 뒤에 공백이 있어야 합니다"),
    ("  plan_days: 30", "   plan_days: 30", 5, "이 줄은 3칸 들여 썼습니다"),
    ("allow_resident_number: true", "allow_resident_number: 예", 19, "true 또는 false를 적으세요"),
])
def test_a_slip_in_the_settings_is_one_finding_at_its_line(sample: Path, old: str, new: str, line: int, says: str) -> None:
    """casekit.yml's YAML slips were told to add the front matter's closing '---', at 1:1, and the
    settings lost made a resident-number-kept in a record that `allow_resident_number: true` allows
    (a probe): one finding at the line, the resident number's warning waiting for the file."""
    edit(sample, "casekit.yml", old, new)
    found = check(sample, today=None).findings
    assert [(f.code, f.path, f.line) for f in found] == [("config-invalid", "casekit.yml", line)], found
    assert says in found[0].message_ko and "머리말" not in found[0].message_ko, found[0].message_ko


def test_a_resource_file_renamed_is_one_finding_saying_to_rename_it_back(sample: Path) -> None:
    """gaon-food-bank.md saved as gaon-foodbank.md gave an unknown-resource at each of 15 references,
    each guessing the new name (the typo), and a resource-id-mismatch (a probe): one finding."""
    (sample / "resources/gaon-food-bank.md").rename(sample / "resources/gaon-foodbank.md")
    found = check(sample, today=None).findings
    assert [(f.code, f.path) for f in found] == [("resource-file-renamed", "resources/gaon-foodbank.md")], found
    assert "기록 15개가 이 자원을 id 'gaon-food-bank'로 15번 가리키는데" in found[0].message_ko, found[0].message_ko
    assert "파일 이름을 gaon-food-bank.md로 되돌리세요" in found[0].message_ko


def test_a_case_folder_copied_to_start_a_new_case_is_said_once(sample: Path) -> None:
    """2026-0012 copied as 2026-0015, its `case:` values and the client's name and birth changed: the
    other client's assessment, plan and story stayed, and only an alias-duplicate with advice for
    another situation was said (a probe)."""
    shutil.copytree(sample / "cases/2026-0012", sample / "cases/2026-0015")
    for path in (sample / "cases/2026-0015").glob("*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace('case: "2026-0012"', 'case: "2026-0015"'), encoding="utf-8")
    edit(sample, "cases/2026-0015/01-intake.md", '"이순자"', '"최말순"')
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0015/")]
    assert [(f.code, f.path) for f in found] == [("case-copied", "cases/2026-0015/01-intake.md")], found
    assert "본문이 다른 사례 2026-0012의 기록" in found[0].message_ko


def test_a_worker_id_mistyped_in_the_last_record_is_its_typo_alone(sample: Path) -> None:
    """`worker: lee` for lee.sw in a case's last record gave a worker-typo and, at the same place, a
    worker-changed-unrecorded advising a handover to `lee` (a probe)."""
    rel = "cases/2026-0012/04-intervention.md"
    text = (sample / rel).read_text(encoding="utf-8")
    (sample / rel).write_text(re.sub(r"(?m)^worker: .*$", "worker: lee", text, count=1), encoding="utf-8")
    found = [(f.code, f.path) for f in check(sample, today=None).findings]
    assert found == [("worker-typo", rel)], found


@pytest.mark.parametrize(("rel", "key", "text", "says"), [
    ("cases/2026-0001/07-closure.md", "results", "모두 달성", "- goal: … / result: … / note: …"),
    ("cases/2026-0001/05-monitoring.md", "progress", "G1 달성, G2 진행중, G3 진행중", "- goal: … / status: … / note: …"),
    # keyed by goal: a mapping where the list wants an entry for each goal
    ("cases/2026-0001/05-monitoring.md", "progress", "\n  G1: achieved\n  G2: in_progress\n  G3: in_progress",
     "목록의 항목마다 '- '로 시작해 '키: 값'으로 나눠 적으세요(둘째 키부터는 '-' 없이 두 칸 더 들여): - goal: …"),
])
def test_a_list_of_entries_written_as_a_text_is_shown_its_entries(
        sample: Path, rel: str, key: str, text: str, says: str) -> None:
    """`results: 모두 달성` gave a goal unevaluated for each goal and advice to write `- 모두 달성`,
    a list of texts, which gave more findings (a probe): one finding with the entries' keys."""
    path = sample / rel
    path.write_text(re.sub(rf"{key}:\n(?:  .*\n)+", f"{key}: {text}\n", path.read_text(encoding="utf-8")),
                    encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path) for f in found] == [("wrong-type", rel)], found
    assert says in found[0].message_ko, found[0].message_ko


@pytest.mark.parametrize("mark", ["\u200b", "\ufeff"])
def test_an_invisible_character_in_the_opening_line_is_named(sample: Path, mark: str) -> None:
    """A zero-width space, or a second byte-order mark, before the opening '---' was told to write a
    '---' the worker sees there (a probe)."""
    path = sample / "cases/2026-0001/05-monitoring.md"
    path.write_text(mark + path.read_text(encoding="utf-8"), encoding="utf-8")
    if mark == "\ufeff":  # (the file's own BOM is taken off as it is read: this is a second one)
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [f.code for f in found] == ["front-matter-missing"], found
    assert f"보이지 않는 문자(U+{ord(mark):04X})가 섞여 있습니다" in found[0].message_ko, found[0].message_ko


def test_a_follow_up_called_by_another_word_is_added_as_one(sample: Path) -> None:
    """`casekit add 2026-0007 사후점검` on a closed case guessed 점검, the one stage refused there (a probe)."""
    proc = subprocess.run([sys.executable, "-m", "casekit", "add", "2026-0007", "사후점검"], cwd=sample,
                          capture_output=True, text=True, check=False, env={**os.environ, "LANG": "C.UTF-8"})
    assert proc.returncode == 0, proc.stderr
    assert (sample / "cases/2026-0007/08-followup.md").is_file()


@pytest.mark.parametrize(("allow", "codes"), [(False, ["phone-mobile-public"]), (True, [])])
def test_a_mobile_number_as_a_resources_public_phone_is_not_published_unasked(
        sample: Path, allow: bool, codes: list[str]) -> None:
    """An informal group's contact writing their own mobile as its 대표 전화 (`phone`, published on
    purpose) passed check and went onto the site (a probe): an error, unless casekit.yml allows it."""
    edit(sample, "resources/naraedong-neighbors.md", "contact_phone:", 'phone: "010-2222-3333"\ncontact_phone:')
    if allow:  # (compared by its digits)
        edit(sample, "casekit.yml", "  allow: []", '  allow: ["010 2222 3333"]')
    found = [f.code for f in check(sample, today=None).findings]
    assert found == codes, found


@pytest.mark.parametrize(("text", "code", "says"), [
    ('handovers:\n  - date: 2026-11-20\n    from: 김사회\n    to: lee.sw\n    reason: "업무 조정"\n    by: park.tl\n',
     "bad-pattern", "이름이 아닌 영문 ID"),
    ('handovers:\n  date: 2026-11-20\n  from: kim.sw\n  to: lee.sw\n  reason: "업무 조정"\n  by: park.tl\n',
     "wrong-type", "항목마다 첫 키 앞에 '- '를 붙이세요(예: - date: …"),
])
def test_a_handover_written_wrong_is_one_finding_saying_what_to_write(
        sample: Path, text: str, code: str, says: str) -> None:
    """The previous worker written by name gave a bad-pattern ending in the schema's bare description and
    a handover-from-mismatch at the same place; an entry without its `- ` no advice (a probe)."""
    (sample / "cases/2026-0012/handover.yml").write_text(text, encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]
    assert [f.code for f in found] == [code], found
    assert says in found[0].message_ko, found[0].message_ko


@pytest.mark.parametrize(("pasted", "says"), [
    ("목표\t상태\t비고\nG1\t달성\t수급 결정\nG2\t진행\t6주째\n", "탭으로 나뉜 칸(엑셀에서 붙여 넣은 표)"),
    ("진행 상황은 아래와 같다.\n| 목표 | 상태 |\n|---|---|\n| G1 | 달성 |\n", "표 앞에 빈 줄을 한 줄 넣으세요"),
    ("| 목표 | 상태 |\n| G1 | 달성 |\n", "|---|---| 구분 줄이 없어"),
])
def test_a_table_the_site_would_run_together_is_said(sample: Path, pasted: str, says: str) -> None:
    """Cells pasted from Excel, a table right under a sentence, pipe rows without their |---| row: each
    passed check, and the site showed one run-together paragraph (a probe)."""
    rel = "cases/2026-0001/05-monitoring.md"
    path = sample / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n\n" + pasted, encoding="utf-8")
    line = text.rstrip("\n").count("\n") + 3 + (1 if pasted.startswith("진행") else 0)
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.line) for f in found] == [("table-not-rendered", line)], found
    assert says in found[0].message_ko


def test_a_markdown_table_written_right_is_not_judged(sample: Path) -> None:
    path = sample / "cases/2026-0001/05-monitoring.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n| 목표 | 상태 |\n|:---|---:|\n| G1 | 달성 |\n\n```\na\tb\nc\td\n```\n",
                    encoding="utf-8")
    assert _found(sample, "2026-0001") == []


@pytest.mark.parametrize("written", ["가온푸드뱅크", "gaon-foodbank"])
def test_a_resource_id_written_unlike_its_file_is_one_finding_with_the_id_to_write(sample: Path, written: str) -> None:
    """`id: 가온푸드뱅크` gave a bad-pattern and a resource-id-mismatch, neither saying what to write (a probe)."""
    edit(sample, "resources/gaon-food-bank.md", "id: gaon-food-bank", f"id: {written}")
    found = check(sample, today=None).findings
    assert [(f.code, f.path) for f in found] == [("resource-id-mismatch", "resources/gaon-food-bank.md")], found
    assert "id: gaon-food-bank로 고치세요" in found[0].message_ko


def test_a_goal_found_stalled_then_called_achieved_at_closure_is_said(sample: Path) -> None:
    """The last 점검 found G2 stalled; the closure 16 days later calls it achieved, no review between:
    silence (a probe)."""
    edit(sample, "cases/2026-0001/06-monitoring.md", "  - goal: G2\n    status: achieved", "  - goal: G2\n    status: stalled")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path) for f in found] == [("closure-achieved-unreviewed", "cases/2026-0001/07-closure.md")], found
    assert "목표 G2는 마지막 점검(06-monitoring.md)에서 정체되었거나 시작 전이었고" in found[0].message_ko


def test_a_closure_for_unreachable_whose_follow_up_reaches_the_client_is_said(sample: Path) -> None:
    """연락 두절 picked for a closure whose follow-ups talk with the client: silence (a probe)."""
    rel = "cases/2026-0001/07-closure.md"
    line = edit(sample, rel, "reason: goals_achieved", "reason: unreachable")
    found = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert [(f.code, f.path, f.line) for f in found] == [("closure-unreachable-reached", rel, line)], found
    assert "사후관리(08-followup.md)에서 클라이언트와 연락이 닿아" in found[0].message_ko


def test_a_web_page_pasted_whole_is_one_finding(sample: Path) -> None:
    """A page from 복지로 pasted with its <html>, <head>, <title>, <body> gave a warning a tag (a probe);
    what loads from afar is still said apart."""
    path = sample / "cases/2026-0001/05-monitoring.md"
    path.write_text(path.read_text(encoding="utf-8") + '\n<html><head><meta charset="utf-8"><title>복지로</title></head>'
                    '<body><p>생계지원 안내</p><img src="https://www.bokjiro.go.kr/a.png"></body></html>\n', encoding="utf-8")
    found = [f.code for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0001/")]
    assert found == ["html-page-pasted", "outside-content"], found


def test_one_record_alike_in_two_cases_is_a_stock_phrase_not_a_copy(sample: Path) -> None:
    """Two cases' follow-ups written in the same stock sentences are no copied case (case-copied asks
    for two records or more of one other case)."""
    stock = "\n## 확인 내용\n전화로 안부를 확인했다. 생활은 안정적이며 특이사항이 없다. 다음 사후관리 때 다시 확인하기로 했다.\n"
    for rel in ("cases/2026-0006/07-followup.md", "cases/2026-0008/07-followup.md"):
        path = sample / rel
        head, _, _ = path.read_text(encoding="utf-8").partition("\n---\n")
        path.write_text(head + "\n---\n# 사후관리\n" + stock, encoding="utf-8")
    assert [f for f in check(sample, today=None).findings if f.code == "case-copied"] == []


def test_a_new_case_numbered_unlike_the_others_is_asked_about(sample: Path) -> None:
    """`casekit new 2026-15` among 2026-0001 … 2026-0014 made cases/2026-15 without a word (a probe)."""
    def new(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "casekit", "new", *args], cwd=sample, capture_output=True,
                              text=True, check=False, env={**os.environ, "LANG": "C.UTF-8"})

    refused = new("2026-15")
    assert refused.returncode == 1 and "혹시 2026-0015인가요?" in refused.stderr, refused.stderr
    assert not (sample / "cases/2026-15").exists()
    assert new("2026-0015").returncode == 0 and (sample / "cases/2026-0015/01-intake.md").is_file()
    assert new("2026-16", "--force").returncode == 0 and (sample / "cases/2026-16").is_dir()


def test_a_worker_mistyped_in_casekit_add_is_said_at_once(sample: Path) -> None:
    """`casekit add 2026-0012 점검 --worker lee` (for lee.sw) wrote the record without a word (a probe)."""
    def add(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "casekit", "add", *args], cwd=sample, capture_output=True,
                              text=True, check=False, env={**os.environ, "LANG": "C.UTF-8"})

    slip = add("2026-0012", "점검", "--worker", "lee")
    assert slip.returncode == 0 and "혹시 lee.sw인가요?" in slip.stderr, slip.stderr
    right = add("2026-0012", "실행", "--worker", "lee.sw")
    assert right.returncode == 0 and "경고" not in right.stderr, right.stderr


@pytest.mark.parametrize("committed", [False, True])
def test_a_resource_file_deleted_is_told_how_to_bring_it_back(sample: Path, committed: bool) -> None:
    """`resources/gaon-food-bank.md` deleted gave a bare unknown-resource at each of 15 references (a
    probe): each says the file was deleted and the git command that brings it back."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "casebook"]):
        subprocess.run(["git", *args], cwd=sample, check=True, env=env, capture_output=True)
    (sample / "resources/gaon-food-bank.md").unlink()
    if committed:
        subprocess.run(["git", "commit", "-qam", "자원 정리"], cwd=sample, check=True, env=env, capture_output=True)
    found = [f for f in check(sample, today=None).findings if f.code == "unknown-resource"]
    assert len(found) == 15 and all("resources/gaon-food-bank.md가 지워졌습니다" in f.message_ko for f in found), found[:1]
    assert ("git checkout HEAD -- resources/gaon-food-bank.md" in found[0].message_ko) is not committed
    assert ("^ -- resources/gaon-food-bank.md" in found[0].message_ko) is committed


@pytest.mark.parametrize("committed", [False, True])
def test_a_resource_renamed_with_its_id_is_said_renamed_not_deleted(sample: Path, committed: bool) -> None:
    """The file and its `id` renamed alike (gaon-food-bank -> gaon-foodbank), the records left naming
    the old id: each said the file was deleted (a probe). The resource whose `name` the deleted file
    had is named, with what to write."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "casebook"]):
        subprocess.run(["git", *args], cwd=sample, check=True, env=env, capture_output=True)
    old = sample / "resources/gaon-food-bank.md"
    text = old.read_text(encoding="utf-8")
    old.unlink()
    (sample / "resources/gaon-foodbank.md").write_text(text.replace("id: gaon-food-bank", "id: gaon-foodbank", 1),
                                                       encoding="utf-8")
    if committed:
        subprocess.run(["git", "add", "-A"], cwd=sample, check=True, env=env, capture_output=True)
        subprocess.run(["git", "commit", "-qm", "자원 id 정리"], cwd=sample, check=True, env=env, capture_output=True)
    found = [f for f in check(sample, today=None).findings if f.code == "unknown-resource"]
    assert len(found) == 15, found
    assert all("이름과 id가 'gaon-foodbank'로 바뀌었습니다" in f.message_ko and "'gaon-foodbank'로 고치세요" in f.message_ko
               for f in found), found[0].message_ko
    assert "지워졌습니다" not in found[0].message_ko and "renamed to resources/gaon-foodbank.md" in found[0].message_en
    # a resource of another name is no rename: the deletion is said as before
    renamed = sample / "resources/gaon-foodbank.md"
    renamed.write_text(renamed.read_text(encoding="utf-8").replace("name: ", "name: 새 ", 1), encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.code == "unknown-resource"]
    assert all("resources/gaon-food-bank.md가 지워졌습니다" in f.message_ko for f in found), found[0].message_ko


def test_a_worker_id_slipped_on_the_command_line_keeps_the_case_on_the_workers_lists(sample: Path, run) -> None:
    """`casekit add 2026-0014 계획 --worker kim` (for kim.sw) handed the case to a worker 'kim' no one
    is: it dropped out of `due --worker kim.sw` and `reassign --from kim.sw`, 'kim' counted as a
    worker there is (`due --worker kim` listed 0건, `reassign --to kim` went without --force), and
    `casekit new --worker lee` said nothing (a probe)."""
    added = run(sample, "add", "2026-0014", "계획", "--worker", "kim", "--date", "2026-12-01")
    assert added.exit_code == 0 and "혹시 kim.sw인가요?" in added.output, added.output
    new = run(sample, "new", "2026-0015", "--worker", "lee", "--date", "2026-12-01")
    assert new.exit_code == 0 and "혹시 lee.sw인가요?" in new.output, new.output
    for slip, meant in (("kim", "kim.sw"), ("lee", "lee.sw")):
        due = run(sample, "due", "--worker", slip, "--all")
        assert due.exit_code == 2 and f"혹시 {meant}인가요?" in due.output and "0건" not in due.output, due.output
    due = run(sample, "due", "--worker", "kim.sw", "--all")
    assert due.exit_code == 0 and "사례 2026-0014의 담당자가 'kim'으로 적혀 있습니다" in due.output, due.output
    assert any("2026-0014" in line and "담당 kim" in line for line in due.output.splitlines()), due.output
    handed = run(sample, "reassign", "--from", "kim.sw", "--to", "lee.sw", "--dry-run")
    assert handed.exit_code == 1 and "건너뜀 2026-0014: 지금 담당자가 'kim'으로 적혀 있습니다" in handed.output, handed.output
    assert "사례 1건(2026-0014)은 넘기지 않습니다" in handed.output
    to_slip = run(sample, "reassign", "--from", "kim.sw", "--to", "kim", "--dry-run")
    assert to_slip.exit_code == 2 and "혹시 kim.sw인가요?" in to_slip.output and "--force" in to_slip.output
    listed = run(sample, "reassign", "--from", "kim.sw", "--to", "이사회")
    assert listed.exit_code == 2 and "있는 담당자: choi.sw, kim.sw, lee.sw, park.sw " in listed.output, listed.output


def test_a_stage_typed_in_two_words_or_before_the_case_is_understood(sample: Path, run) -> None:
    """`casekit add 2026-0001 사후 관리` (unquoted, as a worker types it) got 필요 없는 인자가 더 있습니다
    (관리), and `casekit add 점검 2026-0005` 알 수 없는 단계 '2026-0005' (a probe)."""
    split = run(sample, "add", "2026-0001", "사후", "관리", "--date", "2026-12-01")
    assert split.exit_code == 0 and split.stdout.strip().endswith("-followup.md"), split.output
    assert "사후관리 기록의 <...> 안내 문구를 채운 뒤 `casekit check`로 확인하세요." in split.stderr
    paren = run(sample, "add", "2026-0005", "실행", "(개입)", "--date", "2026-12-01")
    assert paren.exit_code == 0 and paren.stdout.strip().endswith("-intervention.md"), paren.output
    swapped = run(sample, "add", "점검", "2026-0005")
    assert swapped.exit_code == 2 and "순서가 바뀐 것 같습니다" in swapped.output, swapped.output
    assert "casekit add 2026-0005 점검 " in swapped.output
    odd = run(sample, "add", "2026-0005", "점검", "하나")
    assert odd.exit_code == 2 and "알 수 없는 단계 '점검 하나'" in odd.output and "혹시 점검인가요?" in odd.output


def test_a_returning_client_given_a_new_case_is_told_to_reopen_the_closed_one(sample: Path) -> None:
    """2026-0004 (김철수, 1964-11-03) was closed on 2026-05-12; he comes back in September and a
    worker opens a new case for him, with no history: told to put the new intake into 2026-0004,
    marked as a reopening. Someone else of the same name, or the intake put where it belongs, is not."""
    intake = (sample / "cases/2026-0004/01-intake.md").read_text(encoding="utf-8")
    again = intake.replace('case: "2026-0004"', 'case: "2026-0015"').replace('date: "2026-05-07"', 'date: "2026-09-01"', 1)
    (sample / "cases/2026-0015").mkdir()
    (sample / "cases/2026-0015/01-intake.md").write_text(again, encoding="utf-8")
    told = [f for f in check(sample).findings if f.code == "client-returning"]
    assert [(f.path, f.severity) for f in told] == [("cases/2026-0015/01-intake.md", "warning")]
    assert "2026-0004" in told[0].message_ko and "2026-05-12" in told[0].message_ko and "재개 접수" in told[0].message_ko
    assert "김철수" not in told[0].message_ko + told[0].message_en  # (compared hashed, never printed)
    (sample / "cases/2026-0015/01-intake.md").write_text(again.replace('"1964-11-03"', '"1964-11-04"'), encoding="utf-8")
    assert not [f for f in check(sample).findings if f.code == "client-returning"]
    # before the closure (a case opened while the other was still open): not a return
    (sample / "cases/2026-0015/01-intake.md").write_text(again.replace('date: "2026-09-01"', 'date: "2026-05-08"', 1),
                                                         encoding="utf-8")
    assert not [f for f in check(sample).findings if f.code == "client-returning"]


# --- a case id or a docs/ file named with a client's value: check says so, at the name, as the build's audit reads it ---

def _renumber(sample: Path, old: str, new: str) -> None:
    """Case folder `old` renamed `new`, and the `case:` of its records with it."""
    (sample / "cases" / old).rename(sample / "cases" / new)
    for record in (sample / "cases" / new).glob("*.md"):
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace(f'case: "{old}"', f'case: "{new}"', 1), encoding="utf-8")


def _keys(found: list) -> list[tuple]:
    return [(f.path, f.line, f.column, f.code, f.message_ko, f.message_en) for f in found]


@pytest.mark.parametrize(("case_id", "field"), [
    ("park-690721", "client.birth_date"),  # yymmdd: the audit reads park 690721 in the case's title
    ("park_19690721", "client.birth_date"),
    ("690721-1", "client.resident_number"),  # a resident number's first half
])
def test_a_case_id_holding_the_clients_value_is_one_finding_at_its_folder(sample: Path, case_id: str,
                                                                          field: str) -> None:
    """A case folder named with its client's birth date (park-690721) passed check with findings
    at every record's `case:` telling to take the value out of the text, or none; the build's
    audit then refused the site naming no folder. Now: one error at the folder, saying to renumber
    the case, the same cold and from the cache."""
    _renumber(sample, "2026-0001", case_id)
    cold = [f for f in check(sample, cache=False).findings if f.path.startswith(f"cases/{case_id}")]
    errors = [f for f in cold if f.severity == "error"]
    assert [f.path for f in errors] == [f"cases/{case_id}"] * len(errors) and errors, _keys(cold)
    assert any(field in f.message_ko for f in errors), _keys(errors)
    for f in errors:
        assert f.line is None and f.code in ("sensitive-in-text", "sensitive-variant-in-text")
        assert "사례 번호(사례 폴더 이름)" in f.message_ko and "폴더 이름을 바꾸고" in f.message_ko, f.message_ko
        assert "case: 값도" in f.message_ko and "rename the folder" in f.message_en
    check(sample)  # (fills the cache)
    warm = [f for f in check(sample).findings if f.path.startswith(f"cases/{case_id}")]
    assert _keys(warm) == _keys(cold)
    alone = [f for f in check(sample, [sample / "cases" / case_id]).findings if f.path.startswith(f"cases/{case_id}")]
    assert _keys(alone) == _keys(cold)


@pytest.mark.parametrize("case_id", ["S000421", "20261205-AB12", "2026-0015", "A20260001"])
def test_an_ordinary_case_id_is_no_sensitive_value(sample: Path, case_id: str) -> None:
    """Six digits with a letter beside them are an id's, not a yymmdd (S000421 for a client born
    2000-04-21, as the audit reads it too); the ids casekit makes hold no client's value."""
    _renumber(sample, "2026-0002", case_id)
    intake = sample / "cases" / case_id / "01-intake.md"
    text = intake.read_text(encoding="utf-8")
    born = re.search(r'birth_date: "([0-9-]+)"', text)
    assert born is not None
    intake.write_text(text.replace(born.group(1), "2000-04-21", 1), encoding="utf-8")
    found = [f for f in check(sample).findings if f.path == f"cases/{case_id}"]
    assert found == []


@pytest.mark.parametrize(("name", "field"), [
    ("010-0000-1001.md", "client.phone"),
    ("%EB%B0%95%EC%98%81%EC%88%98.md", "client.name"),  # 박영수, percent-encoded: the site decodes it
    ("박영수_안내.md", "client.name"),
    ("010_0000_1001", "client.phone"),  # a folder
])
def test_a_docs_file_named_with_a_clients_value_is_found_at_it_saying_to_rename_it(sample: Path, name: str,
                                                                                   field: str) -> None:
    """`casekit check` said 문제 없음 of docs/%EB%B0%95%EC%98%81%EC%88%98.md (a client's name the site
    decodes in its address and title) and told to edit the text of docs/010-0000-1001.md; the
    build's audit refused the site with a message naming no file to rename."""
    page = sample / "docs" / name
    if page.suffix != ".md":
        page.mkdir()
        page = page / "index.md"
    page.write_text("# 안내\n\n기관 안내입니다.\n", encoding="utf-8")
    found = [f for f in check(sample).findings if f.path == f"docs/{name}"]
    assert found and all(f.severity == "error" and f.line is None for f in found), _keys(found)
    assert any(field in f.message_ko for f in found), _keys(found)
    assert all("이름으로 바꾸세요" in f.message_ko and "rename it" in f.message_en for f in found), _keys(found)
    assert _keys([f for f in check(sample).findings if f.path == f"docs/{name}"]) == _keys(found)  # (from the cache)


# a value of the front matter as written on its line (`key: value`, `- key: value`), not one that opens
# a block (`key:` alone), nor a bare list item's
_VALUE_LINE = re.compile(r"^( *(?:- )?[A-Za-z_][A-Za-z0-9_]*: )(\S.*)$", re.MULTILINE)


@pytest.mark.parametrize("shape", ["[information, linking]", "{a: 1}", "12"])
def test_any_value_written_as_a_list_a_mapping_or_a_number_is_a_finding_in_every_command(
        sample: Path, run, shape: str) -> None:
    """An activity's type written as a list (`type: [information, linking]`, two things done at
    once) made every command end in a traceback (unhashable type: 'list'): check, status, due,
    export, report, build. Every value of a record of each stage (and a conference's, a
    resource's) written in each shape: each command ends with a finding, none with a traceback."""
    files = ["cases/2026-0001/01-intake.md", "cases/2026-0001/02-assessment.md", "cases/2026-0001/03-plan.md",
             "cases/2026-0001/04-intervention.md", "cases/2026-0001/05-monitoring.md", "cases/2026-0001/07-closure.md",
             "cases/2026-0001/08-followup.md", "cases/2026-0010/05-conference.md", "resources/gaon-food-bank.md"]
    for rel in files:
        path = sample / rel
        text = path.read_text(encoding="utf-8")
        end = text.index("\n---", 3)
        front = _VALUE_LINE.sub(lambda m: m.group(1) + (shape if m.group(1).strip() not in ("id:", "case:") else m.group(2)),
                                text[:end])
        path.write_text(front + text[end:], encoding="utf-8")
    report = check(sample, today=None)
    assert report.errors
    for rel in files:
        assert [f for f in report.findings if f.path == rel and f.severity == "error"], rel
    for args in (["check"], ["status"], ["status", "2026-0001"], ["due"], ["export", "-o", str(sample.parent / "x.csv")],
                 ["report", "--month", "2026-04"]):
        result = run(sample, *args)  # (exceptions propagate: a traceback fails the test)
        assert result.exit_code in (0, 1, 2), (args, result.output)


def test_a_resource_file_saved_under_a_korean_name_is_said_once_with_its_id(sample: Path) -> None:
    """gaon-food-bank.md saved as `가온 푸드뱅크.md` gave 16 errors: bad-resource-id with no name to
    give it, and unknown-resource in each of the 15 records naming the food bank. One finding at the
    file says the id its front matter gives and the name to give it back, in a check of a case too."""
    (sample / "resources/gaon-food-bank.md").rename(sample / "resources/가온 푸드뱅크.md")
    for scope in (None, [sample / "cases/2026-0001"]):
        found = [f for f in check(sample, scope, today=None).findings if f.severity == "error"]
        assert [(f.code, f.path) for f in found] == [("resource-file-renamed", "resources/가온 푸드뱅크.md")], found
        assert "gaon-food-bank.md로" in found[0].message_ko
    # a file so named that no record names: bad-resource-id, as before
    (sample / "resources/가온 푸드뱅크.md").write_text("---\nid: gaon-nothing\nname: x\n---\n", encoding="utf-8")
    assert "bad-resource-id" in {f.code for f in check(sample, today=None).findings}


@pytest.mark.parametrize("typed", ["2026 0001", "20260001", "kim.sw", "2026-0001.", "사례 2026-0001"])
def test_a_case_id_mistyped_is_one_finding_saying_what_to_write(sample: Path, typed: str) -> None:
    """`case: 2026 0001` gave case-mismatch and several-ids (its hint: write case: 2026, the rest as
    another entry); `case: 20260001` case-mismatch and wrong-type; `case: kim.sw` bad-pattern and
    case-mismatch: two findings at one value, one of them wrong. case-mismatch alone says it."""
    line = edit(sample, "cases/2026-0001/03-plan.md", 'case: "2026-0001"', f"case: {typed}")
    found = [(f.code, f.line) for f in check(sample, [sample / "cases/2026-0001"], today=None).findings
             if f.path == "cases/2026-0001/03-plan.md" and f.line == line]
    assert found == [("case-mismatch", line)]


@pytest.mark.parametrize(("old", "new", "says"), [
    ("worker: kim.sw", "worker: [kim.sw]", "대괄호([ ])를 빼고 적으세요: worker: kim.sw"),
    ("    goal: G1", "    goal: [G1]", "대괄호([ ])를 빼고 적으세요: goal: G1"),
    ("    type: information", "    type: [information, linking]", "값은 하나만 적습니다. 하나를 고르고"),
])
def test_an_id_or_code_in_brackets_is_told_to_lose_them(sample: Path, old: str, new: str, says: str) -> None:
    """`worker: [kim.sw]` was told to quote the value (worker: '[kim.sw]'), which only gave the next
    error: no id holds brackets. One id or code in brackets: leave them out; several: pick one."""
    line = edit(sample, INTERVENTION, old, new)
    found = [f for f in check(sample, [sample / "cases/2026-0001"], today=None).findings
             if f.path.endswith(INTERVENTION) and f.line == line]
    assert [f.code for f in found] == ["wrong-type"], found
    assert says in found[0].message_ko, found[0].message_ko
    assert "따옴표로 감싸세요" not in found[0].message_ko


def test_the_templates_choices_left_in_a_value_are_told_to_pick_one(sample: Path) -> None:
    """`decision: continue | reassess` (the template's choices, one left out) was told to keep only
    the code, `continue`: it chose for the worker. The worker is asked to pick one."""
    line = edit(sample, MONITORING, "decision: continue", "decision: continue | reassess")
    found = [f for f in check(sample, [sample / "cases/2026-0001"], today=None).findings
             if f.path.endswith(MONITORING) and f.line == line]
    assert [f.code for f in found] == ["not-in-list"], found
    assert "continue, reassess 중 하나를 골라" in found[0].message_ko


@pytest.mark.parametrize(("old", "new", "says"), [
    ("kind: review\n", "kind: review\nparticipants: []\n", "'participants:' 아래에 두 칸 들여 항목마다 '- agency: …"),
    ("kind: review\n", "kind: review\nparticipants:\n", "'participants:' 아래에 두 칸 들여 항목마다 '- agency: …"),
])
def test_an_empty_list_is_told_the_lines_to_write(sample: Path, old: str, new: str, says: str) -> None:
    """`participants: []` (or the key alone) got "'participants'(참석자)가 비어 있습니다." and no more;
    a missing one was told to add the line 'participants: 값', which is the next error (a list)."""
    conference = "cases/2026-0010/05-conference.md"
    text = (sample / conference).read_text(encoding="utf-8")
    block = re.search(r"^participants:\n(?:  .*\n)+", text, re.MULTILINE)
    assert block is not None
    (sample / conference).write_text(text[:block.start()] + text[block.end():], encoding="utf-8")
    missing = [f for f in check(sample, [sample / "cases/2026-0010"], today=None).findings
               if f.path == conference and f.code == "required"]
    assert missing and "'participants:' 줄을 쓰고, 그 아래에 두 칸 들여 항목마다 '- agency: …" in missing[0].message_ko
    edit(sample, conference, old, new)
    empty = [f for f in check(sample, [sample / "cases/2026-0010"], today=None).findings
             if f.path == conference and f.code == "empty-value"]
    assert empty and says in empty[0].message_ko, empty


def test_a_date_typed_as_month_and_day_is_told_to_add_its_year(sample: Path) -> None:
    """`date: 0426` (April 26, the year left out) was told YAML reads the number 278 and to drop its
    leading 0 (426) or quote it: number advice for a date. It is told to write YYYY-04-26."""
    line = edit(sample, INTERVENTION, 'date: "2026-04-20"', "date: 0426")
    found = [f for f in check(sample, [sample / "cases/2026-0001"], today=None).findings
             if f.path.endswith(INTERVENTION) and f.line == line and f.code == "yaml-number-form"]
    assert found and "YYYY-04-26처럼" in found[0].message_ko and "426(으)로" not in found[0].message_ko, found


def test_a_file_cut_inside_a_character_is_said_to_be_cut_and_the_rest_is_read(sample: Path) -> None:
    """A record cut in the middle of a Hangul syllable (its front matter with it) was `encoding-invalid`,
    "save it as UTF-8 again", which cannot help, and nothing more: it is `file-cut` at its end,
    and the front matter the cut left open is said too."""
    record = sample / "cases/2026-0001/03-plan.md"
    raw = record.read_bytes()
    cut = next(i for i in range(240, len(raw)) if raw[i] >= 0xC0) + 1  # (one byte into a character)
    record.write_bytes(raw[:cut])
    codes = {f.code for f in check(sample, [sample / "cases/2026-0001"], today=None).findings
             if f.path == "cases/2026-0001/03-plan.md"}
    assert {"file-cut", "front-matter-unclosed"} <= codes and "encoding-invalid" not in codes, codes


def test_a_record_numbered_with_a_digit_mistyped_is_told_its_number(sample: Path) -> None:
    """04-intervention.md renamed 14-intervention.md (04 typed as 14) gave after-closure ("only a
    follow-up may come after a closure: add a reopening intake") and date-decreasing, neither naming
    the empty 04. One finding: 04 is free and the record's date puts it there."""
    case = sample / "cases/2026-0001"
    (case / "04-intervention.md").rename(case / "14-intervention.md")
    found = [f for f in check(sample, [case], today=None).findings if f.path == "cases/2026-0001/14-intervention.md"]
    assert [f.code for f in found] == ["date-decreasing"], found
    assert "04번이 비어 있고" in found[0].message_ko and "04-intervention.md로 바꾸세요" in found[0].message_ko


@pytest.mark.parametrize(("typed", "says"), [
    ('"2026-04-2O"', "숫자 자리에 영문자(O, l, I)가 있습니다: 2026-04-20으로 적으세요"),
    ('"2026-04-20~21"', "날짜는 하나만 적습니다: 시작한 날 2026-04-20을 적고"),
    ("작년", "말로 한 날은 날짜로 읽지 않습니다"),
    ('"ㅇ2026-04-20"', "날짜에 한글 자모 'ㅇ'이 섞여 있습니다. 'ㅇ'을 지우세요: 2026-04-20으로 적으세요."),  # a stray jamo
    ('"(월) 2026-04-20"', "요일은 빼고 날짜만 적으세요: 2026-04-20"),  # the day of the week first
    ('"46132"', "엑셀의 날짜 번호로 보입니다(엑셀에서 46132는 2026-04-20): 그날이면 2026-04-20으로 적으세요."),
])
def test_a_date_typed_otherwise_is_told_what_to_write(sample: Path, typed: str, says: str) -> None:
    """`2026-04-2O` (the letter O), a span `2026-04-20~21`, `작년` got only "올바른 날짜(YYYY-MM-DD)가
    아닙니다" (a probe): each is told what to write."""
    line = edit(sample, INTERVENTION, 'date: "2026-04-20"', f"date: {typed}")
    found = [f for f in check(sample, [sample / "cases/2026-0001"], today=None).findings
             if f.path.endswith(INTERVENTION) and f.line == line and f.code == "bad-date"]
    assert found and says in found[0].message_ko, found


@pytest.mark.parametrize("typed", ['"3/26"', "3월 26일"])
def test_an_activitys_date_without_its_year_is_offered_the_records_year(sample: Path, typed: str) -> None:
    """An activity dated `3/26` was told to write YYYY-03-26 although its record is dated 2026-04-20:
    the date with the record's year is offered (as a question: the activity may be of the year before)."""
    line = edit(sample, INTERVENTION, '  - date: "2026-03-26"', f"  - date: {typed}")
    found = [f for f in check(sample, [sample / "cases/2026-0001"], today=None).findings
             if f.path.endswith(INTERVENTION) and f.line == line and f.code == "bad-date"]
    assert found and "기록 날짜(2026-04-20)와 같은 해라면 2026-03-26" in found[0].message_ko, found
    # the record's own date so written: no year to take, the form to write
    line = edit(sample, INTERVENTION, 'date: "2026-04-20"', "date: 4월 20일")
    found = [f for f in check(sample, [sample / "cases/2026-0001"], today=None).findings
             if f.path.endswith(INTERVENTION) and f.line == line and f.code == "bad-date"]
    assert found and "YYYY-04-20" in found[0].message_ko, found


@pytest.mark.parametrize(("first", "says"), [
    ("--- 접수 기록", "'---' 뒤에 글('접수 기록')"), ("\u2014", "(지금은 '\u2014')"), ("\u2010\u2010\u2010", "(지금은 '\u2010\u2010\u2010')"),
    ("  ---", "앞에 빈칸"),
])
def test_an_opening_line_typed_wrong_is_one_finding_and_the_fields_are_no_body(sample: Path, first: str,
                                                                              says: str) -> None:
    """`--- 접수 기록` was told the file has no '---' at all, and the client's phone fields were then read as
    body text: two pii-phone errors more (a probe). The fields are not the body, whatever the first line."""
    rel = "cases/2026-0002/01-intake.md"
    record = sample / rel
    record.write_text(first + record.read_text(encoding="utf-8")[3:], encoding="utf-8")
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path == rel]
    assert found == [("front-matter-missing", 1)], found
    said = next(f.message_ko for f in check(sample, today=None).findings if f.path == rel)
    assert says in said and "머리말(front matter)을 여는 '---' 줄이 아닙니다" in said, said


def test_a_record_pasted_twice_is_said_once_at_its_second_front_matter(sample: Path) -> None:
    """The whole record pasted twice passed check and the site showed its second front matter as the
    body's text (a probe)."""
    record = sample / MONITORING
    text = record.read_text(encoding="utf-8")
    record.write_text(text + text, encoding="utf-8")
    found = [(f.code, f.line, f.severity) for f in check(sample, today=None).findings if f.path == MONITORING]
    second = text.count("\n") + 1
    assert found == [("front-matter-repeated", second, "error")], found


@pytest.mark.parametrize("body", [
    "\n---\n\n요약: 다음 점검은 12월\n메모: 없음\n\n---\n",  # thematic breaks around key-like lines
    "\n```yaml\n---\ncase: \"2026-0001\"\nstage: monitoring\n---\n```\n",  # shown as code
    "\n---\ndate: 2026-04-20\nnote: 전화\n---\n",  # no case: or stage:
])
def test_a_body_with_lines_like_fields_is_no_repeated_front_matter(sample: Path, body: str) -> None:
    record = sample / MONITORING
    record.write_text(record.read_text(encoding="utf-8") + body, encoding="utf-8")
    assert "front-matter-repeated" not in {f.code for f in check(sample, today=None).findings}


_CONFLICT = "<<<<<<< HEAD\n{ours}\n=======\n{theirs}\n>>>>>>> lee-branch"


@pytest.mark.parametrize("where", ["fields", "closing", "body"])
def test_a_merge_conflict_in_a_record_is_one_git_conflict_at_once(sample: Path, where: str) -> None:
    """Two workers editing one 점검 leave conflict markers: in its fields check hung (a pattern for a
    front matter pasted into a body took minutes on the file's indented lines), and in its body it
    also said `front-matter-repeated` at line 1, telling to delete the record's real fields."""
    record = sample / MONITORING
    lines = record.read_text(encoding="utf-8").split("\n")
    if where == "fields":
        at = next(i for i, x in enumerate(lines) if x.startswith("decision:"))
        lines[at] = _CONFLICT.format(ours=lines[at], theirs="decision: revise_plan")
    elif where == "closing":
        at = next(i for i, x in enumerate(lines) if x == "---" and i > 0)
        lines[at] = _CONFLICT.format(ours="---", theirs="next_review: 2026-12-01\n---")
    else:
        at = next(i for i, x in enumerate(lines) if x.startswith("## ") and i > 5) + 1
        lines[at] = _CONFLICT.format(ours=lines[at], theirs="보호자와 통화함.")
    record.write_text("\n".join(lines), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "casekit", "check", "--no-cache", "--format", "json"], cwd=sample,
                          capture_output=True, text=True, timeout=120, check=False)
    found = [(f["code"], f["line"]) for f in json.loads(done.stdout)["findings"] if f["path"] == MONITORING]
    assert found == [("git-conflict", at + 1)], found


def test_indented_lines_after_lines_like_fields_are_read_in_a_blink() -> None:
    """Twenty nested items under two `Key: value` lines after a '---', with no closing '---', took
    265 s to be told apart from a pasted front matter; each line is now read one way."""
    import time

    from casekit.core.docs import repeated_front_matter
    body = "---\nName: 가\nOther: 나\n" + "".join(f"    - 항목 {i}\n" for i in range(400)) + "끝\n"
    started = time.process_time()
    assert repeated_front_matter(body, "x.md", 30) == []
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize(("rel", "old", "new", "field"), [
    ("cases/2026-0001/01-intake.md", '  alias: "박○○"', '  alias: " "', "client.alias"),
    ("cases/2026-0001/01-intake.md", '  reason: "소득 상실', '  reason: "   "\n  x: "', "eligibility.reason"),
    ("cases/2026-0001/01-intake.md", '  - "월세 2개월 체납"', '  - "\t"', "presenting_problems[2]"),
    ("cases/2026-0001/03-plan.md", '    goal: "자활근로에', '    goal: "\u3000"\n    x: "', "goals[2].goal"),
])
def test_a_value_of_spaces_alone_is_empty(sample: Path, rel: str, old: str, new: str, field: str) -> None:
    """RECORD-FORMAT rule 7: required fields present and filled. `reason: "   "` passed as filled (a
    contract probe); `""` was already empty-value."""
    line = edit(sample, rel, old, new)
    found = [(f.code, f.line) for f in check(sample, today=None).findings if f.path == rel]
    assert ("empty-value", line) in found and f"'{field}'" in next(
        f.message_ko for f in check(sample, today=None).findings if f.path == rel and f.code == "empty-value"), found


@pytest.mark.parametrize(("old", "new", "code", "says"), [
    ("worker: kim.sw", "worker: kim.swㅇ", "bad-pattern", "'kim.swㅇ'이 형식에"),  # a jamo typed after the id
    ('case: "2026-0001"', 'case: "2026-0001 김○○"', "case-mismatch", "'2026-0001 김○○'이 폴더"),  # a masked name
    ('case: "2026-0001"', "case: " + "9" * 40, "yaml-number-too-large", "9999999…가 너무"),  # shortened with …
])
def test_a_value_ending_in_a_jamo_a_circle_or_an_ellipsis_takes_its_particle(
        sample: Path, old: str, new: str, code: str, says: str) -> None:
    """'kim.swㅇ'이(가), '2026-0003 김○○'이(가), 9999…이(가) were left undecided (the README: never 이(가)):
    a jamo is read by its name, a mask's circles and an ellipsis by the letter or digit before them."""
    line = edit(sample, MONITORING, old, new)
    found = [f for f in errors_in(sample, MONITORING) if f[0] == code and f[1] == line]
    assert found and says in found[0][2] and "이(가)" not in found[0][2], found


@pytest.mark.parametrize(("rel", "old", "new", "meant"), [
    (MONITORING, "date: ", "ㅇㅁㅅㄷ: ", "date"),
    (MONITORING, "worker: ", "재갇ㄱ: ", "worker"),
    (MONITORING, "stage: ", "ㄴㅅㅁㅎㄷ: ", "stage"),
    (MONITORING, "next_review: ", "ㅜㄷㅌㅅ_ㄱㄷ퍋ㅈ: ", "next_review"),  # (a syllable, `_` typed as it is)
    ("cases/2026-0001/03-plan.md", "goals:", "해민:", "goals"),
])
def test_a_key_typed_with_the_keyboard_left_in_korean_is_read_as_its_keys(
        sample: Path, rel: str, old: str, new: str, meant: str) -> None:
    """`ㅇㅁㅅㄷ:` for `date:` (한/영 not pressed) was a `required` for date and an `unknown-field` with no
    guess: one finding, the key its keys type, and the keyboard named."""
    line = edit(sample, rel, old, new)
    found = errors_in(sample, rel)
    assert [(c, n) for c, n, _ in found] == [("unknown-field", line)], found
    typed = new.rstrip(": ")
    assert f"혹시 '{meant}'" in found[0][2] and f"'{typed}'은 한/영 키가 한글에 놓인 채 친 {meant}입니다" in found[0][2]


def test_a_goals_id_written_as_its_korean_word_is_told_id(sample: Path) -> None:
    """`- 아이디: G1` in a plan's goals was a `required` id and an `unknown-field` with no guess."""
    rel = "cases/2026-0001/03-plan.md"
    line = edit(sample, rel, "  - id: G1", "  - 아이디: G1")
    found = errors_in(sample, rel)
    assert [(c, n) for c, n, _ in found] == [("unknown-field", line)], found
    assert "혹시 'id'(목표 ID)를 뜻했나요?" in found[0][2]


@pytest.mark.parametrize(("char", "name"), [
    ("\u2028", "줄 구분 문자(U+2028)"), ("\u2029", "문단 구분 문자(U+2029)"), ("\x85", "다음 줄 문자(NEL, U+0085)"),
])
def test_a_line_break_no_one_sees_inside_a_value_is_named(sample: Path, char: str, name: str) -> None:
    """A line separator pasted into an unquoted value (`note: … 복용 중<U+2028>혈당 …`) was "'키: 값' 모양이
    아닌 줄입니다": the character is named, placed between the words around it, with how to take it out."""
    old = '    note: "진료를 재개해 약을 다시 복용 중이나 혈당 기록은 가끔 빠짐"'
    line = edit(sample, MONITORING, old, f"    note: 진료를 재개해 약을 다시 복용 중{char}혈당 기록은 가끔 빠짐")
    found = errors_in(sample, MONITORING)
    assert [(c, n) for c, n, _ in found] == [("yaml-syntax", line)], found
    assert f"'약을 다시 복용 중'과 '혈당 기록은 가끔 빠짐' 사이에 보이지 않는 {name}가 있습니다" in found[0][2]
    assert "줄바꿈으로 읽어" in found[0][2] and "'중혈'을 지우고 다시 치세요" in found[0][2]
    column = [f.column for f in check(sample, today=None).findings if f.path.endswith(MONITORING)]
    assert column == [len("    note: 진료를 재개해 약을 다시 복용 중") + 1]  # (at the character)


@pytest.mark.parametrize(("old", "new", "column", "says"), [
    # a byte-order mark in the middle of the front matter (two files joined, a text pasted from another program)
    ("worker: kim.sw", "\ufeffworker: kim.sw", 1,
     "이 줄 맨 앞에 보이지 않는 바이트 순서 표시(BOM, U+FEFF)가 있습니다. 파일을 이어 붙이거나"),
    # an invisible character where YAML needs a space: after a list's dash, after a key's colon
    ("  - goal: G2", "  -\u200bgoal: G2", 4, "이 줄의 '-' 뒤에 보이지 않는 문자(U+200B)가 있습니다"),
    ("worker: kim.sw", "worker:\u200bkim.sw", 8, "그 문자를 지우고 스페이스를 넣어 다시 치세요: worker: kim.sw"),
    ("  - goal: G2", "\ufeff  - goal: G2", 1, "이 줄을 지우고 다시 치세요(스페이스 2칸 들여): - goal: G2"),
])
def test_a_character_no_one_sees_that_breaks_the_front_matter_is_named(
        sample: Path, old: str, new: str, column: int, says: str) -> None:
    """A BOM before `worker:` got "이 줄이나 바로 윗줄의 따옴표, 콜론(:), 들여쓰기를 확인하세요"; a U+200B after
    a dash, "목록 표시(-) 뒤에 공백이 있어야 합니다. 예: - <U+200B>goal: G2" (the character in the example)."""
    line = edit(sample, MONITORING, old, new)
    found = [f for f in check(sample, today=None).findings if f.path.endswith(MONITORING)]
    assert [(f.code, f.line, f.column) for f in found] == [("yaml-syntax", line, column)], found
    assert says in found[0].message_ko, found[0].message_ko
    hint = found[0].message_ko.split(" (YAML 원문")[0]
    assert "\u200b" not in hint and "\ufeff" not in hint  # (an example to copy holds none)


@pytest.mark.parametrize(("old", "new", "column", "example"), [
    ("  - goal: G2", "  -\tgoal: G2", 4, "예: - goal: G2"),
    ("  - goal: G1", "  - \tgoal: G1", 5, "예: - goal: G1"),  # (the list's first item, a space then a tab)
])
def test_a_tab_after_a_list_dash_is_a_yaml_tab(sample: Path, old: str, new: str, column: int, example: str) -> None:
    """`-<TAB>goal: G2` got "이 줄이나 바로 윗줄의 따옴표, 콜론(:), 들여쓰기를 확인하세요"; a tab elsewhere in
    the indentation was already `yaml-tab`."""
    line = edit(sample, MONITORING, old, new)
    found = [f for f in check(sample, today=None).findings if f.path.endswith(MONITORING)]
    assert [(f.code, f.line, f.column) for f in found] == [("yaml-tab", line, column)], found
    assert "목록 표시(-) 뒤의 탭을 지우고 스페이스 한 칸을 넣으세요" in found[0].message_ko and example in found[0].message_ko


def test_a_date_pasted_from_excel_as_its_number_is_told_the_date(sample: Path) -> None:
    """`date: 46162` (Excel's number for 2026-05-20, a cell pasted as its number) was told that quoting it
    would not fit either: the date it stands for is offered; a number Excel gives no recent date is not."""
    line = edit(sample, MONITORING, 'date: "2026-05-20"', "date: 46162")
    found = errors_in(sample, MONITORING)
    assert [(c, n) for c, n, _ in found] == [("wrong-type", line)], found
    assert '엑셀의 날짜 번호로 보입니다(엑셀에서 46162는 2026-05-20): 그날이면 date: "2026-05-20"처럼 적으세요.' in found[0][2]
    edit(sample, MONITORING, "date: 46162", "date: 99999")
    assert not any("엑셀" in m for _, _, m in errors_in(sample, MONITORING))


def test_a_follow_up_with_no_closure_before_it_is_told_what_to_do(sample: Path) -> None:
    """`followup-before-closure` said only what was wrong: the closure numbered after it is named with the
    numbers to swap; with none, the closure to put first (restored from git if deleted) or, in a case still
    open, a monitoring instead."""
    case = sample / "cases/2026-0001"
    (case / "07-closure.md").rename(case / "x")
    (case / "08-followup.md").rename(case / "07-followup.md")
    (case / "x").rename(case / "08-closure.md")
    edit(sample, "cases/2026-0001/07-followup.md", 'date: "2026-08-20"', 'date: "2026-07-10"')  # (no date says it)
    found = [f for f in check(sample, [case], today=None).findings if f.code == "followup-before-closure"]
    assert [f.path for f in found] == ["cases/2026-0001/07-followup.md"], found
    assert "종결 기록 08-closure.md가 바로 뒤 번호입니다. 두 번호를 맞바꿔 07-closure.md, 08-followup.md로 바꾸세요." \
        in found[0].message_ko
    (case / "08-closure.md").unlink()
    found = [f for f in check(sample, [case], today=None).findings if f.code == "followup-before-closure"]
    assert found and all("git log --diff-filter=D -- cases/2026-0001" in f.message_ko
                         and "사후관리가 아니라 점검(monitoring) 기록으로 쓰세요" in f.message_ko for f in found), found


@pytest.mark.parametrize("name", ["Thumbs.db", "desktop.ini", "Desktop.ini", "ehthumbs.db", ".DS_Store"])
def test_a_file_the_file_manager_leaves_is_passed_over(sample: Path, name: str) -> None:
    """Windows' Thumbs.db and desktop.ini in a case folder or resources/ were an `unexpected-file` warning
    each, about nobody's file and nothing to do (macOS's .DS_Store, hidden, was passed over already)."""
    for folder in ("cases", "cases/2026-0001", "resources"):
        (sample / folder / name).write_bytes(b"\x00\x01")
    assert [f for f in check(sample, today=None).findings if name in f.path] == []


@pytest.mark.parametrize(("rel", "says"), [
    ("cases/2026-0001/상담메모.txt", "사례 폴더에 기록이 아닌 파일이 있습니다: 상담메모.txt. 검사도 게시도 되지 않지만, git에"),
    ("cases/2026-0001/동의서_스캔.pdf", "개인정보가 담긴 파일이면 사례집 밖(기관의 안전한 저장소)으로 옮기고"),
    ("cases/2026-0001/memo", "이 사례의 기록이라면 내용을 NN-단계.md 기록(casekit add 2026-0001 점검처럼)에 옮겨 적고"),
    ("cases/memo", "cases 폴더에 사례 폴더가 아닌 파일이 있습니다: memo. 사례의 기록은 cases/<사례 ID>/ 폴더에"),
    ("resources/list.xlsx", "resources 폴더에 자원 파일(.md)이 아닌 파일이 있습니다: list.xlsx. 검사도 게시도"),
    ("resources/memo", "자원은 resources/<자원 id>.md 파일 하나에 적습니다"),
])
def test_a_file_that_is_no_record_is_told_what_to_do_with_it(sample: Path, rel: str, says: str) -> None:
    """`unexpected-file` said "사례 폴더에 기록이 아닌 파일이 있습니다" and no more, in resources/ too."""
    (sample / rel).write_text("메모", encoding="utf-8")
    found = [f for f in check(sample, today=None).findings if f.path == rel]
    assert [f.code for f in found] == ["unexpected-file"], found
    assert says in found[0].message_ko, found[0].message_ko


@pytest.mark.parametrize(("name", "says"), [
    ("2026-0001_박영수", "이 폴더의 기록 9개가 모두 case: \"2026-0001\"입니다. 폴더 이름을 2026-0001로 바꾸세요."),
    ("2026-0001 김○○", "이 폴더의 기록 9개가 모두 case: \"2026-0001\"입니다. 폴더 이름을 2026-0001로 바꾸세요."),
])
def test_a_case_folder_named_with_the_clients_name_is_told_its_id(sample: Path, name: str, says: str) -> None:
    """`cases/2026-0001_박영수` was a bad-case-id listing '박', '영', '수' as characters an id cannot hold: the
    id its records give is the name to take, and a client's name does not belong in a folder's name."""
    (sample / "cases/2026-0001").rename(sample / "cases" / name)
    found = [f for f in check(sample, today=None).findings if f.path == f"cases/{name}"]
    assert [f.code for f in found] == ["bad-case-id"], found
    assert says in found[0].message_ko and "대상자 이름 같은 개인정보는 넣지 마세요" in found[0].message_ko
    assert "쓸 수 없는 문자" not in found[0].message_ko  # (the name spelt out again, letter by letter)
    assert "이(가)" not in found[0].message_ko


def test_a_case_folder_named_with_words_and_no_records_is_told_the_id_it_starts_with(sample: Path) -> None:
    (sample / "cases/2026-0015_홍길동").mkdir()
    found = [f for f in check(sample, today=None).findings if f.path == "cases/2026-0015_홍길동"]
    assert [f.code for f in found] == ["bad-case-id"], found
    assert "사례 번호 2026-0015 뒤에 글자가 붙어 있습니다. 폴더 이름을 2026-0015로 바꾸세요." in found[0].message_ko
