"""A practitioner's mistake said with what to write instead (found by a probe that edited copies
of the sample as a tired case manager would): a form's `=` for YAML's `:`, a word processor's curly
quotes around a value holding a colon, a line of four dashes for `---`, a field left empty or out
(its form, its codes, its one value), the risk words a colleague says (중간, 고위험), and the
particle after a word with its example in brackets."""

from __future__ import annotations

from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.hints import attach_particles
from tests.test_practitioner_mistakes import edit

ASSESSMENT = "cases/2026-0001/02-assessment.md"


def said(sample: Path, rel: str) -> list[tuple[str, int, int, str, str]]:
    return [(f.code, f.line or 0, f.column or 0, f.message_ko, f.message_en) for f in check(sample).findings
            if f.path == rel]


@pytest.mark.parametrize("line", ["risk_level = medium", "risk_level=medium", "risk_level =medium"])
def test_an_equals_sign_for_the_colon_is_said_as_such(sample: Path, line: str) -> None:
    at = edit(sample, ASSESSMENT, "risk_level: medium", line)
    [(code, n, col, ko, en)] = said(sample, ASSESSMENT)
    assert (code, n, col) == ("yaml-syntax", at, line.index("=") + 1)
    assert "등호(=)가 아니라 콜론(:)" in ko and "예: risk_level: medium" in ko, ko
    assert "이어진 것 같습니다" not in ko  # (not a value wrapped from the line above)
    assert "risk_level: medium" in en


def test_curly_quotes_around_a_value_with_a_colon_are_said_to_be_straightened(sample: Path) -> None:
    old = '  rationale: "소득 상실·체납·건강 관리 중단이 겹쳤으나 당장 퇴거나 안전 위기는 없어 일반 사례로 선정"'
    at = edit(sample, ASSESSMENT, old, "  rationale: “소득 상실: 당장 퇴거는 없음”")
    [(code, n, _, ko, _)] = said(sample, ASSESSMENT)
    assert (code, n) == ("yaml-syntax", at)
    assert "둥근 따옴표(“”)" in ko and '곧은 따옴표(")' in ko, ko
    assert '예: rationale: "소득 상실: 당장 퇴거는 없음"' in ko, ko  # the curly ones gone, not quoted again
    assert "“" not in ko.split("예:")[1]


def test_a_colon_inside_a_plain_value_is_still_said_to_be_quoted(sample: Path) -> None:
    old = '  rationale: "소득 상실·체납·건강 관리 중단이 겹쳤으나 당장 퇴거나 안전 위기는 없어 일반 사례로 선정"'
    edit(sample, ASSESSMENT, old, "  rationale: 소득 상실: 당장 퇴거는 없음")
    [(code, _, _, ko, _)] = said(sample, ASSESSMENT)
    assert code == "yaml-syntax" and "값 전체를 따옴표로 감싸세요" in ko and "둥근" not in ko, ko


@pytest.mark.parametrize("first", ["----", "--", "-----", "———", "- - -", "－－－"])
def test_an_opening_line_of_other_dashes_is_said_to_be_three_hyphens(sample: Path, first: str) -> None:
    edit(sample, ASSESSMENT, "---\ncase:", f"{first}\ncase:")
    [(code, n, col, ko, en)] = said(sample, ASSESSMENT)
    assert (code, n, col) == ("front-matter-missing", 1, 1)
    assert "하이픈(-) 딱 세 개('---')" in ko and f"(지금은 '{first}')" in ko, ko
    assert "three hyphens" in en


def test_a_line_of_dashes_in_a_body_is_no_finding(sample: Path) -> None:
    record = sample / ASSESSMENT
    record.write_text(record.read_text(encoding="utf-8") + "\n----\n\n다음 방문 때 확인.\n", encoding="utf-8")
    assert said(sample, ASSESSMENT) == []


def test_a_field_left_empty_or_out_is_said_with_what_to_write(sample: Path) -> None:
    edit(sample, ASSESSMENT, "worker: kim.sw", 'worker: ""')
    edit(sample, "cases/2026-0001/03-plan.md", 'date: "2026-03-25"', 'date: ""')
    edit(sample, "cases/2026-0001/04-intervention.md", "stage: intervention\n", "")
    edit(sample, "cases/2026-0001/07-closure.md", "reason: goals_achieved\n", "")
    found = {(f.path.rsplit("/", 1)[1], f.code): f for f in check(sample).findings}
    worker = found[("02-assessment.md", "empty-value")]  # (it was `bad-pattern`: "''가 형식에 맞지 않습니다")
    assert "비어 있습니다" in worker.message_ko and "영문 ID" in worker.message_ko, worker.message_ko
    date = found[("03-plan.md", "empty-value")]
    assert "YYYY-MM-DD" in date.message_ko and "YYYY-MM-DD" in date.message_en
    stage = found[("04-intervention.md", "required")]
    assert "'stage: intervention' 한 줄을 넣으세요" in stage.message_ko, stage.message_ko
    reason = found[("07-closure.md", "required")]
    assert "'reason: 값' 한 줄을 넣으세요" in reason.message_ko
    assert "goals_achieved(목표 달성)" in reason.message_ko and "other(기타)" in reason.message_ko
    assert "goals_achieved" in reason.message_en
    assert not any(code == "bad-pattern" for _, code in found)


def test_a_required_field_inside_an_entry_says_where_it_goes(sample: Path) -> None:
    edit(sample, "cases/2026-0001/07-closure.md", "  - goal: G1\n", "  - \n")
    found = [f for f in check(sample).findings if f.path.endswith("07-closure.md") and f.code == "required"]
    assert found and all("해당 항목 안에" in f.message_ko for f in found), [f.message_ko for f in found]


@pytest.mark.parametrize(("word", "meant"), [("중간", "medium"), ("고위험", "high"), ("저위험", "low"),
                                             ("위험 높음", "high"), ("중위험", "medium")])
def test_the_risk_words_a_colleague_says_get_their_code(sample: Path, word: str, meant: str) -> None:
    edit(sample, ASSESSMENT, "risk_level: medium", f"risk_level: {word}")
    [(code, _, _, ko, _)] = said(sample, ASSESSMENT)
    assert code == "not-in-list" and f"혹시 {meant}(" in ko, ko


def test_a_particle_after_a_korean_word_with_its_example_in_brackets_fits_the_word(sample: Path) -> None:
    assert attach_particles("전각 숫자(２０２６)이(가) 있습니다") == "전각 숫자(２０２６)가 있습니다"
    assert attach_particles("낫표(「」)이(가) 있습니다") == "낫표(「」)가 있습니다"
    assert attach_particles("전각 하이픈(－)이(가) 있습니다") == "전각 하이픈(－)이 있습니다"
    # a key with its Korean gloss: the gloss is what is read
    assert attach_particles("'risk_level'(위기도)이(가) 없습니다") == "'risk_level'(위기도)가 없습니다"
    assert attach_particles("'goal'(목표 번호)을(를)") == "'goal'(목표 번호)를"
    edit(sample, ASSESSMENT, 'date: "2026-03-12"', 'date: "２０２６-03-12"')
    [(code, _, _, ko, _)] = said(sample, ASSESSMENT)
    assert code == "odd-character" and "전각 숫자(２０２６)가 있습니다" in ko, ko


def test_a_template_tag_left_in_a_body_is_said_once_where_it_is(sample: Path) -> None:
    record = sample / ASSESSMENT
    text = record.read_text(encoding="utf-8")
    first = text.count("\n") + 2
    record.write_text(text + "\n목표 {{goal.text}}를 함께 정했다.\n\n{{#goals}}\n\n`{{case}}`는 코드로 보여 준다.\n\n"
                      "```\n{{worker}}\n```\n", encoding="utf-8")
    [(code, n, col, ko, en)] = said(sample, ASSESSMENT)
    assert (code, n, col) == ("template-tag-in-body", first, 4)
    assert "{{goal.text}}" in ko and f"2곳: {first}, {first + 2}번째 줄" in ko, ko  # (code is passed over)
    assert "the page shows it" in en
    assert next(f for f in check(sample).findings if f.path == ASSESSMENT).severity == "warning"


def test_template_unfilled_says_add_numbers_after_the_last_record(sample: Path) -> None:
    edit(sample, "cases/2026-0001/07-closure.md", 'case: "2026-0001"', "case: {{case}}")
    [f] = [f for f in check(sample).findings if f.path.endswith("07-closure.md")]
    assert f.code == "template-unfilled" and "casekit add 2026-0001 closure" in f.message_ko
    assert "마지막 기록 다음으로" in f.message_ko and "after the case's last record" in f.message_en


def test_a_given_name_that_is_an_ordinary_word_in_a_field_may_be_said_so_on_its_line(sample: Path) -> None:
    """A household member named 정도움 made `도움을 요청할 줄 앎`, a strength, an error no record could
    pass (a probe): a field has no HTML comment, so its YAML line says `# casekit: name-ok`."""
    edit(sample, "cases/2026-0002/01-intake.md", '    relation: "자녀(아들)"', '    name: "정도움"\n    relation: "자녀(아들)"')
    rel = "cases/2026-0002/06-assessment.md"
    found = [f for f in check(sample).findings if f.path == rel and f.code == "given-name-in-field"]
    assert [f.line for f in found] == [35], found
    assert "# casekit: name-ok" in found[0].message_ko and "# casekit: name-ok" in found[0].message_en
    line = '  - "도움을 요청할 줄 앎(스스로 우울감을 먼저 이야기함)"'
    edit(sample, rel, line, line + "  # casekit: name-ok")
    assert not [f for f in check(sample).findings if f.path == rel and f.code == "given-name-in-field"]
    # (on its own line only: the name elsewhere in a field is still an error)
    edit(sample, rel, line + "  # casekit: name-ok", line + "  # casekit: name-ok\n  - \"도움 군이 학교를 쉬는 날이 늘었음\"")
    assert [f.line for f in check(sample).findings if f.path == rel and f.code == "given-name-in-field"] == [36]
