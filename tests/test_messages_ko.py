"""Messages a tired social worker understands: the mistakes practitioners make in front matter each
give ONE finding, at the line of the mistake, saying in Korean what to write instead."""

from __future__ import annotations

import datetime as dt
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.hints import (
    attach_particles,
    close_to,
    date_hint,
    enum_hint,
    final_consonant,
    short_year_hint,
)
from casekit.core.messages import MESSAGES

ROOT = Path(__file__).resolve().parent.parent
PLAN = "cases/2026-0001/03-plan.md"

# (name, text to replace in the sample's 03-plan.md, replacement, expected (code, line), words the message must hold)
MISTAKES = [
    ("colon-in-value", '    service: "식품 꾸러미 정기 지원"', "    service: 식품 꾸러미: 정기 지원",
     ("yaml-syntax", 32), ["콜론(:)", "따옴표로 감싸세요", 'service: "식품 꾸러미: 정기 지원"']),
    ("unclosed-quote", '    service: "식품 꾸러미 정기 지원"', '    service: "식품 꾸러미 정기 지원',
     ("yaml-syntax", 32), ['닫는 "가 없습니다']),
    ("escaped-control-character", '    service: "식품 꾸러미 정기 지원"', '    service: "식품 꾸러미\\e[31m 정기 지원"',
     ("yaml-control-char", 32), ["제어 문자(U+001B)"]),  # (a terminal's colour: YAML took it, the site published it)
    ("quotes-that-differ", '    service: "식품 꾸러미 정기 지원"', "    service: '식품 꾸러미 정기 지원\"",
     ("yaml-syntax", 32), ["'로 시작하는데 \"로 끝납니다", "같은 따옴표로 맞추세요"]),
    ("quote-inside-quotes", '    service: "식품 꾸러미 정기 지원"', '    service: "식품 "꾸러미" 정기 지원"',
     ("yaml-syntax", 32), ["바깥을 '로 감싸거나"]),
    ("quoted-speech-then-text", '    service: "식품 꾸러미 정기 지원"', '    service: "같이 가자"고 해서 시작한 식품 지원',
     ("yaml-syntax", 32), ["따옴표(\")로 시작하면", "값 전체를 따옴표로 감싸세요", "service: '\"같이 가자\"고 해서 시작한 식품 지원'"]),
    ("single-quoted-speech-then-text", '    service: "식품 꾸러미 정기 지원"', "    service: '같이 가자'는 말로 시작한 지원",
     ("yaml-syntax", 32), ["따옴표(')로 시작하면", "service: \"'같이 가자'는 말로 시작한 지원\""]),
    ("bracket-label-then-text", '    service: "식품 꾸러미 정기 지원"', "    service: [정기] 식품 꾸러미",
     ("yaml-syntax", 32), ["대괄호([)로 시작하면", "service: '[정기] 식품 꾸러미'"]),
    ("indent-too-deep", '    service: "식품 꾸러미 정기 지원"', '     service: "식품 꾸러미 정기 지원"',
     ("yaml-syntax", 32), ["이 줄은 5칸 들여 썼습니다", "다른 항목들처럼 4칸으로 맞추세요"]),
    ("indent-too-shallow", '    service: "식품 꾸러미 정기 지원"', '   service: "식품 꾸러미 정기 지원"',
     ("yaml-syntax", 32), ["이 줄은 3칸 들여 썼습니다", "다른 항목들처럼 4칸으로 맞추세요"]),
    ("missing-dash", "  - goal: G2\n    resource: gaon-self", "    goal: G2\n    resource: gaon-self",
     ("yaml-duplicate-key", 36), ["'- '를 붙이세요"]),
    ("no-space-after-colon", "type: initial", "type:initial", ("yaml-syntax", 6), ["콜론(:) 뒤에 공백", "type: initial"]),
    ("korean-label-for-enum", "type: initial", "type: 최초", ("not-in-list", 6), ["코드 initial(최초 계획)으로 적으세요"]),
    ("enum-typo", "type: initial", "type: inital", ("not-in-list", 6), ["혹시 initial(최초 계획)인가요?"]),
    ("date-with-dots", 'date: "2026-03-25"', "date: 2026.03.25", ("bad-date", 4), ["2026-03-25로 적으세요"]),
    ("date-one-digit", 'date: "2026-03-25"', "date: 2026-3-5", ("bad-date", 4), ["2026-03-05로 적으세요"]),
    ("date-past-month-end", 'date: "2026-03-25"', 'date: "2026-04-31"', ("bad-date", 4), ["4월은 30일까지입니다"]),
    ("key-typo", "type: initial", "typ: initial", ("unknown-field", 6), ["혹시 'type'(계획 유형)을 뜻했나요?"]),
    ("resource-typo", "    resource: gaon-food-bank", "    resource: gaon-foodbank", ("unknown-resource", 31),
     ["혹시 gaon-food-bank인가요?"]),
    ("last-key-of-a-block-moved-left", "  method: signed", "method: signed", ("unknown-field", 49),
     ["'agreement:' 아래 항목이라면 다른 항목들처럼 2칸 들여 쓰세요."]),
    ("goal-as-a-number", "  - goal: G2\n    resource: gaon-self", "  - goal: 2\n    resource: gaon-self",
     ("wrong-type", 36), ["G2로 적으세요(ID는 앞의 글자까지 씁니다)"]),
    ("resource-by-its-name", "    resource: gaon-food-bank", "    resource: 가온구 기초푸드뱅크·푸드마켓",
     ("unknown-resource", 31), ["이름이 아니라", "'가온구 기초푸드뱅크·푸드마켓'은 'gaon-food-bank'입니다"]),
    ("resource-by-part-of-its-name", "    resource: gaon-food-bank", "    resource: 가온구 푸드뱅크",
     ("unknown-resource", 31), ["'가온구 기초푸드뱅크·푸드마켓'은 'gaon-food-bank'입니다"]),
    ("resource-in-hangul-not-in-the-casebook", "    resource: gaon-food-bank", "    resource: 무료급식소",
     ("unknown-resource", 31), ["이름이 아니라 resources/의 파일 이름(영문 id"]),
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _one_case(tmp_path_factory.mktemp("book"))


def _one_case(root: Path) -> Path:
    """The sample's settings, schemas, resources and its first case, copied to `root`."""
    for name in ("mkdocs.yml", "casekit.yml"):
        (root / name).write_bytes((ROOT / name).read_bytes())
    for folder in ("schemas", "resources", "cases/2026-0001"):
        (root / folder).mkdir(parents=True)
        for f in (ROOT / folder).iterdir():
            (root / folder / f.name).write_bytes(f.read_bytes())
    return root


@pytest.mark.parametrize(("name", "old", "new", "expected", "words"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_practitioners_mistake_gives_one_finding_at_its_line(
    sample: Path, name: str, old: str, new: str, expected: tuple[str, int], words: list[str]
) -> None:
    path = sample / PLAN
    original = (ROOT / PLAN).read_text(encoding="utf-8")
    assert old in original, name
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    try:
        findings = check(sample, [sample / "cases/2026-0001"]).findings
    finally:
        path.write_text(original, encoding="utf-8")
    assert [(f.code, f.line) for f in findings] == [expected]
    for word in words:
        assert word in findings[0].message_ko
    assert not any(p in findings[0].message_ko for p in ("이(가)", "은(는)", "을(를)", "과(와)"))


def _sample_args(template: str, word: str) -> dict[str, str]:
    return {field: word for _, field, _, _ in string.Formatter().parse(template) if field}


@pytest.mark.parametrize("word", ["위기도", "상담", "goal", "intake", "3", "2", "'노인'", "risk_level"])
@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_no_message_leaves_a_particle_undecided(code: str, word: str) -> None:
    from casekit.core.findings import finding

    f = finding(code, "x.md", 1, 1, **_sample_args(MESSAGES[code][1] + MESSAGES[code][2], word))
    for pair in ("이(가)", "은(는)", "을(를)", "과(와)", "(으)로"):
        assert pair not in f.message_ko


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'위기도'이(가) 없습니다", "'위기도'가 없습니다"),
        ("'상담'이(가) 없습니다", "'상담'이 없습니다"),
        ("'type'(계획 유형)이(가) 없습니다", "'type'(계획 유형)이 없습니다"),
        ("goal은(는)", "goal은"), ("plan을(를)", "plan을"), ("intake은(는)", "intake는"),
        ("순번 3이(가)", "순번 3이"), ("순번 2이(가)", "순번 2가"), ("서울(으)로", "서울로"), ("부산(으)로", "부산으로"),
        ("집(으)로", "집으로"), ("'최초'과(와)", "'최초'와"), ("'80%'은(는)", "'80%'는"),
        # a jamo alone: a consonant read by its name (ㅇ 이응, ㄹ 리을), a vowel as itself
        ("'kim.swㅇ'이(가)", "'kim.swㅇ'이"), ("'ㄹ'(으)로", "'ㄹ'로"), ("'ㄱ'(으)로", "'ㄱ'으로"), ("'sㅏ'을(를)", "'sㅏ'를"),
        # a mask's circles and an ellipsis: the letter or digit before them; circles alone read 동그라미
        ("'2026-0003 김○○'이(가)", "'2026-0003 김○○'이"), ("숫자 9999…이(가)", "숫자 9999…가"),
        ("'kim.sw…'은(는)", "'kim.sw…'는"), ("'○○○'이(가)", "'○○○'가"), ("'1969-○○-○○'(으)로", "'1969-○○-○○'로"),
        # a value of signs only is read by their names: 점, 하이픈, 밑줄, 공백 (consonant); 슬래시, 골뱅이 (vowel)
        ("'..'이(가)", "'..'이"), ("'.'은(는)", "'.'은"), ("'-'이(가)", "'-'이"), ("'_'(으)로", "'_'로"),
        ("' '이(가)", "' '이"), ("'/'이(가)", "'/'가"), ("'@'을(를)", "'@'를"), ("'../x'이(가)", "'../x'가"),
        ("'a/b'이(가)", "'a/b'가"), ("경로 ..이(가)", "경로 ..이"), ("'é'이(가)", "'é'가"), ("'café'은(는)", "'café'는"),
    ],
)
def test_particles_follow_the_final_consonant(text: str, expected: str) -> None:
    assert attach_particles(text) == expected


def test_final_consonant_of_hangul_digits_and_english() -> None:
    assert final_consonant("강") == "ㅇ" and final_consonant("길") == "ㄹ" and final_consonant("가") == ""
    assert final_consonant("7") == "ㄹ" and final_consonant("9") == ""
    assert final_consonant("…") is None
    # a space or sign at the end is not read aloud: the letter before it takes the particle
    assert attach_particles("목표 'G1\u3000'이(가)") == "목표 'G1\u3000'이"
    assert attach_particles("'03-plan.md~'이(가)") == "'03-plan.md~'가"
    # a vowel then p or b is read closed (followup 업, job 잡); after a consonant it is not (help 헬프)
    assert attach_particles("'10-followup'이(가)") == "'10-followup'이" and attach_particles("help은(는)") == "help는"


def test_hints_for_dates_enums_and_near_misses() -> None:
    # the particle after a date follows its last digit as read: 25 (이십오) -> 로, 10 (십) -> 으로
    assert attach_particles(date_hint("2026.11.25")[0]) == " 2026-11-25로 적으세요."
    assert attach_particles(date_hint("2026-11-5")[0]) == " 2026-11-05로 적으세요."
    assert attach_particles(date_hint("2026-008-20")[0]) == " 2026-08-20으로 적으세요."  # a zero too many
    assert attach_particles(date_hint("2026-03-004")[0]) == " 2026-03-04로 적으세요."
    assert date_hint("2026-0311-04") == ("", "")  # not a month with zeros: no guess
    assert attach_particles(date_hint("2026.3.10")[0]) == " 2026-03-10으로 적으세요."
    assert attach_particles(date_hint("2026.3.16")[0]) == " 2026-03-16으로 적으세요."
    assert attach_particles(date_hint("2026.3.11")[0]) == " 2026-03-11로 적으세요."
    assert date_hint("2026-11-31")[0] == " 11월은 30일까지입니다."
    assert date_hint("2028-02-30")[0] == " 2월은 29일까지입니다."
    assert attach_particles(date_hint("2026년 11월 5일")[0]) == " 2026-11-05로 적으세요."
    assert date_hint("다음 주")[0] == ""
    labels = {"older": "노인", "child": "아동", "adult": "성인"}
    assert "older" in enum_hint("노인", list(labels), labels)[0]
    assert enum_hint("전혀 다른 말", list(labels), labels) == ("", "")
    # an assessment's type called 최초 as a plan's is (its label is 초기 사정): guessed as for a plan
    kinds = {"initial": "초기 사정", "reassessment": "재사정"}
    assert "initial(초기 사정)" in enum_hint("최초", list(kinds), kinds)[0]
    assert close_to("risk_levl", ["risk_level", "needs"]) == "risk_level"
    assert close_to("Gaon-Food-Bank", ["gaon-food-bank"]) == "gaon-food-bank"
    assert close_to("zzz", ["gaon-food-bank"]) is None


def _casekit(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    environ.update(env or {})
    environ["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "casekit", *args], capture_output=True, text=True, env=environ,
                          cwd=ROOT, check=False)


def test_cli_help_and_usage_errors_are_korean() -> None:
    helped = _casekit("--help")
    assert helped.returncode == 0
    assert "사용법:" in helped.stdout and "옵션:" in helped.stdout and "명령:" in helped.stdout
    assert "이 도움말을 보여 주고 끝냅니다." in helped.stdout
    wrong = _casekit("check", "--formt", "json")
    assert wrong.returncode == 2
    assert "오류: '--formt'라는 옵션은 없습니다. 혹시 '--format'인가요?" in wrong.stderr
    missing = _casekit("add")
    assert "빠진 인자: 'CASE'" in missing.stderr


def test_cli_stays_english_for_an_english_locale() -> None:
    wrong = _casekit("check", "--formt", "json", env={"LANG": "en_US.UTF-8"})
    assert "No such option" in wrong.stderr


def test_check_counts_records_and_resources() -> None:
    done = _casekit("check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "기록 " in done.stdout and "자원 15개 검사: 문제 없음" in done.stdout


def test_an_id_given_twice_is_found_at_the_second_with_the_first_line_and_a_free_id(tmp_path: Path) -> None:
    from tests.conftest import copy_casebook

    sample = copy_casebook(tmp_path / "book")
    plan = sample / "cases/2026-0005/04-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("  - id: G2", "  - id: G1", 1), encoding="utf-8")
    found = [f for f in check(sample).findings if f.code == "duplicate-id"]
    assert [(f.path, f.line, f.column) for f in found] == [("cases/2026-0005/04-plan.md", 13, 9)]
    assert found[0].message_ko == ("목표 번호 'G1'이 이 기록에 두 번 있습니다(처음은 8번째 줄). 목표마다 다른 번호를 "
                                   "매기세요(예: G2). 다른 기록이 부르는 번호라면 그 기록도 함께 고치세요.")


def test_one_syllable_that_begins_one_label_only_is_taken_for_it() -> None:
    labels = {"male": "남성", "female": "여성", "other": "기타", "unknown": "모름"}
    assert attach_particles(enum_hint("남", list(labels), labels)[0]) == " '남' 대신 코드 male(남성)으로 적으세요."
    assert attach_particles(enum_hint("여", list(labels), labels)[0]) == " '여' 대신 코드 female(여성)으로 적으세요."
    both = {"a": "가나", "b": "가다"}
    assert enum_hint("가", list(both), both) == ("", "")  # two labels begin so: no guess


@pytest.mark.parametrize("name", ["-x", "_2026-0001"])
def test_a_case_folder_named_with_a_symbol_first_gets_no_undecided_particle(sample: Path, name: str) -> None:
    """'-'이(가) 영문이나 숫자가 아닙니다: a symbol has no final consonant to choose by."""
    import shutil

    shutil.copytree(sample / "cases/2026-0001", sample / "cases" / name)
    found = [f for f in check(sample).findings if f.path == f"cases/{name}"]
    assert found and all(not any(p in f.message_ko for p in ("이(가)", "은(는)", "을(를)", "과(와)")) for f in found), found


def test_the_hint_for_a_resource_named_by_its_name_follows_a_renamed_resource(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case rules are kept in the cache with the resources they were found with: a resource
    renamed gives the hint its new name at once."""
    root = tmp_path / "book"
    root.mkdir()
    _one_case(root)
    plan = root / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace("    resource: gaon-food-bank", "    resource: 행복나눔 식품창고", 1),
                    encoding="utf-8")
    monkeypatch.setenv("CASEKIT_CACHE_DIR", str(tmp_path / "cache"))
    first = [f.message_ko for f in check(root).findings if f.code == "unknown-resource"]
    bank = root / "resources/gaon-food-bank.md"
    bank.write_text(bank.read_text(encoding="utf-8").replace('name: "가온구 기초푸드뱅크·푸드마켓"',
                                                             'name: "행복나눔 식품창고"', 1), encoding="utf-8")
    second = [f.message_ko for f in check(root).findings if f.code == "unknown-resource"]
    assert len(first) == 1 and "gaon-food-bank" not in first[0] and "영문 id" in first[0]
    assert len(second) == 1 and "'행복나눔 식품창고'는 'gaon-food-bank'입니다" in second[0]


def test_an_intake_whose_opening_line_is_left_out_is_one_finding_not_its_numbers(tmp_path: Path) -> None:
    """The opening '---' deleted: its fields (the client's phone and resident number, where they
    belong) were read as body text, and pii-phone told the worker to delete them."""
    root = _one_case(tmp_path)
    intake = root / "cases/2026-0001/01-intake.md"
    text = intake.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    intake.write_text(text[4:], encoding="utf-8")
    closing = text[4:].split("\n").index("---") + 1
    findings = [f for f in check(root, [root / "cases/2026-0001"]).findings if f.path.endswith("01-intake.md")]
    assert [(f.code, f.line) for f in findings] == [("front-matter-missing", 1)]
    assert f"첫 줄 위에 '---' 한 줄을 넣으세요({closing}번째 줄의 '---'가 머리말을 닫습니다)" in findings[0].message_ko
    intake.write_text(text[4:] + "\n연락처 010-9876-5432로 통화\n", encoding="utf-8")  # (the body is still read)
    assert "pii-phone" in [f.code for f in check(root, [root / "cases/2026-0001"]).findings]


_COMMON = Path(__file__).resolve().parent.parent / "schemas" / "common.schema.json"


@pytest.mark.parametrize(("kind", "typed", "code"), [
    # the practice's everyday words for a list's codes (a practitioner's probe: none was guessed)
    ("referralSource", "동 주민센터", "public"), ("referralSource", "동사무소", "public"), ("referralSource", "구청", "public"),
    ("referralSource", "복지관", "agency"), ("referralSource", "병원", "hospital"), ("referralSource", "통장", "community"),
    ("referralSource", "직접 방문", "self"), ("referralSource", "사각지대", "crisis_info"),
    ("referralSource", "자체발굴", "outreach"),
    ("closureReason", "연락 안됨", "unreachable"), ("closureReason", "본인 거부", "withdrew"),
    ("closureReason", "시설입소", "institution"), ("closureReason", "대상아님", "ineligible"),
    ("needDomain", "주거", "living_environment"), ("needDomain", "의료", "health"), ("needDomain", "돌봄", "daily_living"),
    ("needDomain", "일자리", "employment"), ("needDomain", "생계", "economy"), ("needDomain", "학습", "education"),
    ("activityType", "방문상담", "counselling"), ("activityType", "서비스 연계", "linking"),
    ("riskLevel", "긴급", "crisis"), ("caseType", "집중", "intensive"), ("conferenceKind", "선정회의", "selection"),
    ("restrictedReason", "DV", "domestic_violence"),
])
def test_an_everyday_word_for_a_code_is_told_the_code(kind: str, typed: str, code: str) -> None:
    import json

    schema = json.loads(_COMMON.read_text(encoding="utf-8"))["$defs"][kind]
    said = enum_hint(typed, schema["enum"], schema["x-enum-labels"])[0]
    assert f" {code}(" in said, said


def test_a_word_inside_two_labels_gets_no_guess() -> None:
    import json

    schema = json.loads(_COMMON.read_text(encoding="utf-8"))["$defs"]["closureReason"]
    assert enum_hint("관리", schema["enum"], schema["x-enum-labels"]) == ("", "")


def test_a_consent_signed_is_told_written() -> None:
    import json

    schema = json.loads(_COMMON.read_text(encoding="utf-8"))["$defs"]["consentEntry"]["properties"]["method"]
    assert " written(" in enum_hint("서명", schema["enum"], schema["x-enum-labels"])[0]


@pytest.mark.parametrize(("typed", "keys"), [
    ("ㅇㅁㅅㄷ", "date"), ("재갇ㄱ", "worker"), ("ㄴㅅㅁㅎㄷ", "stage"), ("해민", "goals"), ("ㅜㄷㅌㅅ_ㄱㄷ퍋ㅈ", "next_review"),
    ("솨", "thk"), ("닭", "ekfr"), ("ㄳ", "rt"), ("ㄲㅒ", "ro"),  # a joined vowel or final its two keys, a double its key
    ("date", None), ("漢字", None),  # no Hangul; a character no key types
])
def test_the_keys_a_run_of_hangul_was_typed_with(typed: str, keys: str | None) -> None:
    from casekit.core.keyboard import keyboard_hangul, typed_keys

    assert typed_keys(typed) == keys
    if keys is not None and (hangul := keyboard_hangul(keys)) is not None:
        assert typed_keys(hangul) == keys  # (the one way undoes the other)


@pytest.mark.parametrize(("value", "says"), [
    ("05-20-2026", " 연도-월-일 순서로 적으세요: 2026-05-20"),  # month first (as in English)
    ("5/20/2026", " 연도-월-일 순서로 적으세요: 2026-05-20"),
    ("20.05.2026", " 연도-월-일 순서로 적으세요: 2026-05-20"),  # day first (as in Europe)
    ("20/05/2026", " 연도-월-일 순서로 적으세요: 2026-05-20"),
    ("20. 05. 2026.", " 연도-월-일 순서로 적으세요: 2026-05-20"),
    ("05.05.2026", " 연도-월-일 순서로 적으세요: 2026-05-05"),  # either order reads the same
    ("20.05.2026 (수)", " 연도-월-일 순서로 적으세요: 2026-05-20"),
    ("05-20-2026 14:30", " 연도-월-일 순서로 적으세요: 2026-05-20"),
    ("31-04-2026", " 연도-월-일 순서로 적습니다. 그런데 4월은 30일까지입니다."),
    ("31.13.2026", " 연도-월-일 순서로 적으세요(예: 2026-05-20)."),
])
def test_a_date_with_its_year_last_is_told_the_date_it_is(value: str, says: str) -> None:
    """05-20-2026, 20.05.2026 (a form or a browser set to English or a European language) had no hint
    at all, where 2026.5.20 and 2026년 5월 20일 were told the date to write."""
    assert attach_particles(date_hint(value)[0]) == says
    assert date_hint(value)[1]


def test_a_date_in_two_digit_groups_gives_the_readings_the_records_dates_bear_out() -> None:
    """20.05.26 was read as 2020-05-26 only; in a record of 2026 it may be 20 May 2026 (the year last)."""
    of_2026 = [dt.date(2026, 5, 10), dt.date(2026, 4, 10)]
    ko, en = short_year_hint("20.05.26", of_2026) or ("", "")
    assert attach_particles(ko) == (" 연도는 네 자리로 적습니다. 이 값만으로는 어느 숫자가 연도인지 알 수 없으니"
                                    "(이 기록의 다른 날짜는 2026년), 2020-05-26과 2026-05-20 중 맞는 날짜를 적으세요.")
    assert "2020-05-26 or 2026-05-20" in en
    assert short_year_hint("26.05.20", of_2026) is None  # 2020-05-26 is far from 2026: date_hint's 2026-05-20
    assert short_year_hint("20.05.26", []) is None  # no other date: yy.mm.dd, as Koreans write it
    assert short_year_hint("26.04.31", of_2026) is None  # not 2031-04-26 in a record of 2026
    assert (short_year_hint("20.02.30", []) or ("",))[0] == " 연도는 네 자리로, 연도-월-일 순서로 적으세요: 2030-02-20"
    assert short_year_hint("2020.05.26", of_2026) is None and short_year_hint("2" * 41, of_2026) is None


def test_a_date_whose_day_and_month_can_be_read_both_ways_is_given_both_not_a_guess() -> None:
    ko, en = date_hint("05-06-2026")
    assert attach_particles(ko) == (" 연도-월-일 순서로 적습니다. 이 값만으로는 어느 쪽이 월인지 알 수 없으니,"
                                    " 2026-05-06과 2026-06-05 중 맞는 날짜를 적으세요.")
    assert "2026-05-06 or 2026-06-05" in en
    other = date_hint("06/05/2026")[0]
    assert "2026-06-05" in other and "2026-05-06" in other

