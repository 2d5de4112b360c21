"""Four more disguises of a sensitive value, found by `casekit check` where it would be published:
a Hangul name written in jamo (`ㅂㅏㄱㅇㅕㅇㅅㅜ`), a birth date in CJK numerals (`一九六九年七月二十一日`),
in digits spelled apart (`6 9 0 7 2 1`) and a birth date in number words with only spaces or dots between its parts (`일구육구. 칠. 이십일`,
`육구. 칠. 이십일`).
Case 2026-0001's client is 박영수, born 1969-07-21; 2026-0002's 이영희, born 1992-02-14."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from casekit.core import sensitive
from casekit.core.casebook import check
from casekit.core.sensitive import _SPELLED_HINT, SensitiveIndex, reader_text
from tests.conftest import copy_casebook, write_pages

REC = "cases/2026-0004/03-followup.md"  # (another case's record: the client's values count everywhere)
JAMO = "자모로 풀어 쓴 글자"
DATE = "다른 형식으로 쓴 날짜"


def _planted(tmp_path: Path, lines: list[tuple[str, str, str]]) -> tuple[int, list[tuple[int, int | None, str, str]]]:
    """Check a copy of the sample with `lines` (before, form, after) each a paragraph at the end of
    REC's body: the file line of the first, and the findings in REC (line, column, code, Korean message)."""
    root = copy_casebook(tmp_path / "book")
    rec = root / REC
    text = rec.read_text(encoding="utf-8").rstrip("\n")
    rec.write_text(text + "\n\n" + "\n\n".join("".join(parts) for parts in lines) + "\n", encoding="utf-8")
    found = [(f.line or 0, f.column, f.code, f.message("ko")) for f in check(root).findings if f.path == REC]
    return text.count("\n") + 3, found


def _expect_each(tmp_path: Path, lines: list[tuple[str, str, str]], label: str) -> None:
    """One `sensitive-variant-in-text` at the start of each planted form, naming the variant `label`."""
    first, found = _planted(tmp_path, lines)
    assert [(line, col, code) for line, col, code, _ in found] == [
        (first + 2 * i, len(before) + 1, "sensitive-variant-in-text") for i, (before, _, _) in enumerate(lines)], found
    assert all(label in said for _, _, _, said in found), found


# --- 1. a name in jamo -----------------------------------------------------------------------------

NAME_IN_JAMO = [
    ("이웃 ", "ㅂㅏㄱㅇㅕㅇㅅㅜ", " 씨와 통화함."),
    ("이웃 ", "ㅂㅏㄱ ㅇㅕㅇ ㅅㅜ", " 씨."),
    ("이웃 ", "ㅂㅏㄱ·ㅇㅕㅇ·ㅅㅜ", "님."),
    ("이웃 ", "ㅂ ㅏ ㄱ ㅇ ㅕ ㅇ ㅅ ㅜ", " 씨."),  # (a space between every letter)
    ("이웃 ", "박ㅇㅕㅇㅅㅜ", " 씨."),  # (a syllable or two of it)
    ("이웃 ", "바ㄱ영수", " 씨."),  # (the last consonant typed apart)
    ("이웃 ", "ㅇㅣㅇㅕㅇㅎㅡㅣ", " 씨."),  # 2026-0002's 이영희: ㅡ (read as a dash) and ㅣ make 희
    # conjoining jamo NFC leaves apart (a zero-width space between them, which a reader does not see)
    ("이웃 ", "\u1107\u200b\u1161\u200b\u11a8\u110b\u200b\u1167\u200b\u11bc\u1109\u200b\u116e", " 씨."),
    ("이웃 ", "\u1107 \u1161 \u11a8 \u110b \u1167 \u11bc \u1109 \u116e", " 씨."),
]


def test_a_name_written_in_jamo_fails_check(tmp_path: Path) -> None:
    _expect_each(tmp_path, NAME_IN_JAMO, JAMO)


def test_a_name_in_jamo_in_a_published_field_is_found_at_it(tmp_path: Path) -> None:
    root = copy_casebook(tmp_path / "book")
    rec = root / REC
    text = rec.read_text(encoding="utf-8")
    rec.write_text(text.replace('note: "정신건강', 'note: "ㅂㅏㄱ ㅇㅕㅇ ㅅㅜ 님 건. 정신건강', 1), encoding="utf-8")
    found = [(f.line, f.column, f.code) for f in check(root).findings if f.path == REC]
    assert found == [(9, 8, "sensitive-variant-in-text")], found


SAMPLE = SensitiveIndex([("박영수", "cases/2026-0001/01-intake.md", "client.name"),
                         ("1969-07-21", "cases/2026-0001/01-intake.md", "client.birth_date"),
                         ("이영희", "cases/2026-0002/01-intake.md", "client.name"),
                         ("1992-02-14", "cases/2026-0002/01-intake.md", "client.birth_date"),
                         ("김철수", "cases/2026-0004/01-intake.md", "client.name"),
                         ("1964-11-03", "cases/2026-0004/01-intake.md", "client.birth_date"),
                         ("최순자", "cases/2026-0005/01-intake.md", "client.name"),
                         ("2000-09-12", "cases/2026-0009/01-intake.md", "client.birth_date")])


def found_in(text: str, scope: str | None = "cases/2026-0004/") -> list[tuple[str, str]]:
    rt = reader_text(text).text
    return [(h.variant, rt[h.start:h.end]) for h in SAMPLE.find(rt, folded=True, scope=scope)]


@pytest.mark.parametrize(("text", "found"), [
    ("ㅊㅗㅣㅅㅜㄴㅈㅏ 님", "ㅊㅗㅣㅅㅜㄴㅈㅏ"),  # ㅗ and ㅣ typed apart make ㅚ
    ("ㅊㅚㅅㅜㄴㅈㅏ 님", "ㅊㅚㅅㅜㄴㅈㅏ"),
    ("ㄱㅣㅁㅊㅓㄹㅅㅜ씨", "ㄱㅣㅁㅊㅓㄹㅅㅜ"),
    ("바\u1100여\u110b수 씨", "바\u1100여\u110b수"),  # NFKC's ㅂㅏㄱㅇㅕㅇㅅㅜ (the site's audit reads it so)
    ("초\u1175수\u1102자 님", "초\u1175수\u1102자"),  # NFKC's ㅊㅗㅣㅅㅜㄴㅈㅏ
    ("ㅂㅏㄱ-ㅇㅕㅇ-ㅅㅜ", "ㅂㅏㄱ-ㅇㅕㅇ-ㅅㅜ"),
    # (a dash before ㅣ read as ㅡ gives 긤 and the given name 철수 alone: the reading as a mark, 김철수, takes it)
    ("ㄱ-ㅣ-ㅁ-ㅊ-ㅓ-ㄹ-ㅅ-ㅜ", "ㄱ-ㅣ-ㅁ-ㅊ-ㅓ-ㄹ-ㅅ-ㅜ"),
])
def test_names_in_jamo_are_found_whole(text: str, found: str) -> None:
    assert found_in(text) == [("jamo", found)]


def test_a_given_name_in_jamo_is_a_given_name_in_its_own_case() -> None:
    assert found_in("ㅇㅕㅇㅅㅜ는 왔다", scope="cases/2026-0001/") == [("given-name", "ㅇㅕㅇㅅㅜ")]
    assert found_in("ㅇㅕㅇㅅㅜ는 왔다") == []
    assert found_in("ㅇㅕㅇㅅㅜ 씨가 왔다") == [("given-name", "ㅇㅕㅇㅅㅜ")]  # (any case's, after a cue)


@pytest.mark.parametrize("text", [
    "ㄱ. 소득 ㄴ. 주거 ㄷ. 건강", "상담 중 ㅎㅎ 웃으셨고 ㅠㅠ 하셨다", "문자 답장: ㅇㅇ ㅇㅋ ㄱㅅ",
    "ㅂㅏㄱ", "ㅂㅏㄱㅇㅕㅇ", "ㅂㅏㄱㅇㅕㅇㅅㅜㄴ", "ㅂㅏㄱㅇㅕㅇㅅㅓ", "ㅇㅕㅇㅅㅜㄴ 씨",
    "자모 ㅂ ㅏ ㄱ 연습, ㅇ ㅕ ㅇ 연습", "ㄱ-ㄴ-ㄷ 순서",
])
def test_jamo_in_ordinary_text_are_no_name(text: str) -> None:
    assert found_in(text, scope="cases/2026-0001/") == []


# --- 2. a birth date in CJK numerals ---------------------------------------------------------------

DATE_IN_CJK = [
    ("생년월일 ", "六九〇七二一", "."),
    ("생년월일 ", "一九六九年七月二十一日", " 생."),
    ("생년월일 ", "一九六九.七.二一", "."),
    ("생년월일 ", "1969年7月21日", "."),  # (found before: digits with 年 月 日)
    ("생년월일 ", "一九六九年 七月 二十一日生", "."),
    ("생년월일 ", "一九六九-〇七-二一", "."),
    ("생년월일 ", "六九零七二一", "."),
    ("생년월일 ", "千九百六十九年七月二十一日", "."),
    ("생년월일 ", "六九○七二一", "."),  # (○, a circle: how a Korean keyboard types 〇)
    ("생년월일 ", "一九六九年七月廿一日", "."),  # (廿: twenty)
    ("생년월일 ", "壹玖陸玖年柒月貳拾壹日", "."),  # (the formal numerals of a contract: 갖은자)
    ("생년월일 ", "陸玖零柒貳壹", "."),
]


# --- 2b. a birth date in digits spelled apart -----------------------------------------------------

DATE_SPELLED = [
    ("생년월일 ", "6 9 0 7 2 1", "."),
    ("생년월일 ", "1 9 6 9 - 0 7 - 2 1", "."),
    ("생일 ", "1 9 6 9 0 7 2 1", " 생."),
    ("생년월일 ", "6 9 0 7 21", "."),  # (the last digits typed together)
    ("생년월일 ", "1969 0 7 2 1", "."),
]


def test_a_birth_date_in_digits_spelled_apart_fails_check(tmp_path: Path) -> None:
    _expect_each(tmp_path, DATE_SPELLED, DATE)


@pytest.mark.parametrize(("text", "found"), [
    ("6 4 1 1 0 3", "6 4 1 1 0 3"),  # 2026-0004's 김철수, 1964-11-03
    ("생일은 1 9 6 4 . 1 1 . 0 3 이다", "1 9 6 4 . 1 1 . 0 3"),
    ("1 9 6 4년 1 1월 3일", "1 9 6 4년 1 1월 3일"),
    ("1 9 6 4-11-03", "1 9 6 4-11-03"),
    ("6\t4\t1\t1\t0\t3", "6\t4\t1\t1\t0\t3"),
    ("3/1 1/1 9 6 4", "3/1 1/1 9 6 4"),  # (the year last)
    ("DOB 6 4 1 1 0 3 (passport)", "6 4 1 1 0 3"),  # (a word beside it, not a path's command letter)
    # four digits apart or more, with a group of two or four before them or one or two of two after
    ("6 4 1 1 03", "6 4 1 1 03"), ("1 9 6 4 11 03", "1 9 6 4 11 03"), ("1964 1 1 0 3", "1964 1 1 0 3"),
    ("64 1 1 0 3", "64 1 1 0 3"), ("생일 6 4 1 1 03 이다", "6 4 1 1 03"),
])
def test_dates_in_digits_spelled_apart_are_found(text: str, found: str) -> None:
    assert found_in(text) == [("date", found)]


@pytest.mark.parametrize("text", [
    "6 4 1 1 0 4", "1 2 3 4 5 6", "6 4 1 1 0 3 5", "1 6 4 1 1 0 3", "쪽 1 2 3 4 5 6 7 8 9 10", "64 11 03",
    "점수 6 4 1 1 0 3 7 2",
    # groups with fewer than four digits apart are a list of numbers, or a timeline's marks
    "6 4 11 03", "1 2 10 15", "3 6 4 1 1 03", "6 4 1 1 03 5", "M 6 4 1 1 03 L",
    # a drawing's path data (`<path d="…">`, read by the site's audit) is digits apart too
    "M 6 4 1 1 0 3 L 2 2", "M12 8a6 4 1 1 0 3-3", "1.6 4 1 1 0 3", "0 0 1 6 4 1 1 0 3.5", "6 4 1 1 0 3z", "a 6 4 1 1 0 3",
])
def test_digits_spelled_apart_that_are_no_sensitive_date_are_none(text: str) -> None:
    assert found_in(text) == []


def test_no_path_of_materials_icons_reads_as_a_date_spelled_apart() -> None:
    """The site's audit reads attribute values, a drawing's path data among them (`M12 8a3 3 0 0 0
    3-3`: digits apart): with every day from 1920 to 2026 a birth date, none of the paths of the
    icons Material ships (those a casebook's settings may show) is a date spelled apart."""
    import material

    icons = Path(material.__file__).parent / "templates" / ".icons"
    paths = {m.group(1) for svg in icons.rglob("*.svg")
             for m in re.finditer(r'\sd="([^"]*)"', svg.read_text(encoding="utf-8"))}
    assert len(paths) > 10_000
    first = dt.date(1920, 1, 1)
    every_day = SensitiveIndex([((first + dt.timedelta(days=n)).isoformat(), "cases/2026-0001/01-intake.md",
                                 "client.birth_date") for n in range((dt.date(2026, 12, 31) - first).days + 1)])
    read = [(d, every_day._spelled_date_hits(d)) for d in sorted(paths) if _SPELLED_HINT.search(d)]
    assert [(d[:60], [d[h.start:h.end] for h in hits]) for d, hits in read if hits] == []


def test_a_birth_date_in_cjk_numerals_fails_check(tmp_path: Path) -> None:
    _expect_each(tmp_path, DATE_IN_CJK, DATE)


@pytest.mark.parametrize(("text", "found"), [
    ("一九六四年十一月三日", "一九六四年十一月三日"),  # 2026-0004's 김철수: 十一 is 11
    ("一九六四.一一.〇三", "一九六四.一一.〇三"),
    ("二〇〇〇年九月十二日", "二〇〇〇年九月十二日"),
    ("二○○○年九月十二日", "二○○○年九月十二日"),  # (○ and ◯ for 〇)
    ("二◯◯◯.九.一二", "二◯◯◯.九.一二"),
    ("2○○○.09.12", "2○○○.09.12"),  # (one numeral among digits)
    ("1964.11.○3", "1964.11.○3"),
    ("一九六四_十一_〇三", "一九六四_十一_〇三"),
    ("一九六四_一一_〇三", "一九六四_一一_〇三"),  # (一一 between marks: no numeral touches its dashes)
    ("一九六四 一一 〇三", "一九六四 一一 〇三"),
    ("一九六四 _ 一一 _ 〇三", "一九六四 _ 一一 _ 〇三"),
    ("九二〇二一四", "九二〇二一四"),
    ("壹玖陸肆年拾壹月參日", "壹玖陸肆年拾壹月參日"),  # (갖은자, and their Chinese and Japanese forms)
    ("壹玖陆肆.壹壹.〇参", "壹玖陆肆.壹壹.〇参"),
    ("贰〇〇〇年玖月拾贰日", "贰〇〇〇年玖月拾贰日"),
    ("弐〇〇〇年九月十弐日", "弐〇〇〇年九月十弐日"),
])
def test_dates_in_cjk_numerals_are_found(text: str, found: str) -> None:
    assert found_in(text) == [("date", found.replace("一", "-"))]  # (一 is read as a dash: `fold`)


@pytest.mark.parametrize("text", [
    "二〇二六年 三月 二十一日 회의", "七月二十一日 방문", "一九六九年", "第一 二 三 조", "一九六九年七月二十二日",
    "六九〇七二二", "一九六九-〇七-二二", "六九〇七二一〇", "一六九〇七二一",
    "이○○ 씨와 상담", "20○○년 ○월 ○일", "○ 상담 1969년", "○○○○○○-○○○○○○○",  # (○ as a mask and a bullet)
    "一九六九年七月廿二日", "一九六九年七月卅一日", "七月廿一日 방문", "壹玖陸玖年", "參拾 명 參加", "金 壹百萬 원整",
    "壹玖陸肆年拾貳月參日", "廿廿一", "卅卅",
])
def test_cjk_numerals_that_are_no_sensitive_date_are_none(text: str) -> None:
    assert found_in(text) == []


_NUMBERS = SensitiveIndex([("690721-1234567", "cases/2026-0001/01-intake.md", "client.resident_number"),
                           ("1969-07-21", "cases/2026-0001/01-intake.md", "client.birth_date")])


@pytest.mark.parametrize(("text", "found"), [
    ("주민번호 六九〇七二一-1234567 확인", [("number", "六九〇七二--1234567")]),  # (its front no date: inside a number)
    ("주민번호 六九〇七二一一二三四五六七 확인", [("number", "六九〇七二--二三四五六七"), ("resident-front", "六九〇七二-")]),
    # (一-一: its dashes, ---, 一, a mark and 一, read each run apart)
    ("주민번호 六九〇七二一-一二三四五六七 확인", [("number", "六九〇七二---二三四五六七"), ("resident-front", "六九〇七二--")]),
])
def test_a_resident_number_in_cjk_numerals_is_found(text: str, found: list[tuple[str, str]]) -> None:
    """A resident number (690721-1234567) with its digits in CJK numerals, its back in digits or
    numerals: no date (its front is inside a longer number), but the number, found in the text
    read with the numerals as digits, or at least its front."""
    folded = reader_text(text).text
    assert [(h.variant, folded[h.start:h.end]) for h in _NUMBERS.find(folded, folded=True)] == found
    assert _NUMBERS.find("주민번호 六九〇七二二-1234567 확인") == []  # (another number)


_PHONES = SensitiveIndex([("010-1234-5678", "cases/2026-0001/01-intake.md", "client.phone"),
                          ("010-0000-1001", "cases/2026-0002/01-intake.md", "client.phone"),
                          ("1969-07-21", "cases/2026-0001/01-intake.md", "client.birth_date")])


@pytest.mark.parametrize(("text", "found"), [
    # `fold` makes 一 a dash (010一0000): 〇-〇--二三四-五六七八, whose first dash is 一, whose run of two is
    # a mark and 一, and whose last is a mark: no one reading of every run at once has all three
    ("전화 〇一〇-一二三四-五六七八 로", "〇-〇--二三四-五六七八"),
    ("전화 〇一〇-〇〇〇〇-一〇〇一 로", "〇-〇-〇〇〇〇--〇〇-"),
    ("전화 〇一〇 一二三四 五六七八 로", "〇-〇 -二三四 五六七八"),
    ("전화 〇一〇.一二三四.五六七八 로", "〇-〇.-二三四.五六七八"),
    ("전화 ○一○-一二三四-五六七八 로", "○-○--二三四-五六七八"),
    ("전화 〇一〇一二三四五六七八 로", "〇-〇-二三四五六七八"),
    ("전화 〇一〇-一二三四-5678 로", "〇-〇--二三四-5678"),
    ("주소 나래동 一一 전화 〇一〇-一二三四-五六七八", "〇-〇--二三四-五六七八"),  # (another number before it)
    ("전화 零壹零-壹貳參肆-伍陸柒捌 로", "零壹零-壹貳參肆-伍陸柒捌"),  # (갖은자: no 一 to read again)
    ("전화 〇壹〇 一二三四 伍陸柒捌 로", "〇壹〇 -二三四 伍陸柒捌"),
])
def test_a_phone_number_in_cjk_numerals_with_one_in_it_is_found(text: str, found: str) -> None:
    folded = reader_text(text).text
    assert [(h.variant, folded[h.start:h.end]) for h in _PHONES.find(folded, folded=True)] == [("number", found)]


_ONES = SensitiveIndex([("1911-01-11", "cases/2026-0001/01-intake.md", "client.birth_date"),
                        ("010-1111-5678", "cases/2026-0001/01-intake.md", "client.phone")])


@pytest.mark.parametrize(("text", "found"), [
    # a part all 一 between spaces or marks, or at the text's edge: folded to dashes with nothing to
    # read them as 一 by (no numeral touches them), read both as 一 and as marks (六九 - 〇七 - 二一)
    ("생일 一九一一 〇一 一一", [("date", "-九-- 〇- --")]),
    ("생일 一九一一_〇一_一一 확인", [("date", "-九--_〇-_--")]),
    ("一九一一=〇一=一一", [("date", "-九--=〇-=--")]),
    ("전화 〇一〇 一一一一 五六七八", [("number", "〇-〇 ---- 五六七八")]),
    ("전화 〇一〇_一一一一_五六七八 로", [("number", "〇-〇_----_五六七八")]),
    ("전화 〇一〇 - 一一一一 - 五六七八", [("number", "〇-〇 - ---- - 五六七八")]),
    ("一九一一 一二 一一", []), ("一一 一九一一", []), ("〇一〇 一一一一 五六七九", []),
])
def test_a_part_of_a_number_all_one_between_marks_is_found(text: str, found: list[tuple[str, str]]) -> None:
    folded = reader_text(text).text
    assert [(h.variant, folded[h.start:h.end]) for h in _ONES.find(folded, folded=True)] == found


@pytest.mark.parametrize("text", [
    "〇一〇-一二三四-五六七九", "一二三-一二三", "第一-一 조", "〇一〇-一二三四-五六七八九",
])
def test_other_numbers_in_cjk_numerals_are_none(text: str) -> None:
    assert _PHONES.find(text) == []


@pytest.mark.parametrize(("text", "read"), [
    ("六九년 七월 二一일", True), ("1964.11.○3", True), ("〇-〇 -二三四", True), ("二年二月二日", True),
    ("二○○五年", True), ("六九_〇七_二一", True), ("六九=〇七=二一", True),
    ("이○○ 씨와 상담", False), ("S000006 · 모○재 | 가온 사례집", False), ("○ 상담 내용", False),
])
def test_only_a_text_that_may_hold_a_number_in_cjk_numerals_is_read_as_one(text: str, read: bool) -> None:
    """A mask or a bullet (이○○, ○ 상담: most texts holding a numeral) costs no reading of the text
    with its numerals as digits (a case page of the sample took a fifth longer to search)."""
    from casekit.core.sensitive import _may_hold_cjk_number

    assert _may_hold_cjk_number(reader_text(text).text) is read


def test_a_text_of_many_numbers_in_cjk_numerals_is_read_in_bounded_time() -> None:
    """Each number is read every way its dashes may be, within bounds (MAX_CLUSTER_READINGS a
    number, MAX_CJK_READINGS a text): 16,000 numbers of six runs of dashes each, and one long one,
    in a second or two (unbounded: half a minute), and a phone number after them still found by the
    readings of the whole text."""
    import time

    text = "가 ".join(["〇-〇-〇-〇-〇-〇-〇"] * 16000) + " " + "〇-" * 5000 + " 전화 〇二〇-二三四五-六七八九"
    index = SensitiveIndex([("020-2345-6789", "cases/2026-0001/01-intake.md", "client.phone"),
                            ("1969-07-21", "cases/2026-0001/01-intake.md", "client.birth_date")])
    # (CPU time, not the clock's: on a loaded machine the wait for a core counted, 12 s against 8 in
    # a run whose suite took 27 minutes; unbounded, the readings take half a minute of CPU)
    start = time.process_time()
    hits = index.find(text)
    assert time.process_time() - start < 12
    assert [text[h.start:h.end] for h in hits] == ["〇二〇-二三四五-六七八九"]


# --- 2b'. letters drawn as digits ----------------------------------------------------------------

# 2026-0001's 박영수: phone 010-0000-1001, born 1969-07-21
NUMBER_LOOKALIKE = [
    ("연락처 ", "O1O-0000-1OO1", "."),  # (O for 0)
    ("연락처 ", "o1o 0000 l00l", "로 연락."),  # (o for 0, l for 1)
    ("연락처 ", "010-OOOO-lOOl", "."),  # (groups of such letters alone after the digits)
    # every character drawn as a digit (Unicode's confusables), not only letters: a probe's forms passed
    # check and the build's audit (the Hangul ㅇ for 0, a bar or a dental click ǀ for 1, a Cyrillic б for 6)
    ("연락처 메모 A: ", "ㅇ1ㅇ-ㅇㅇㅇㅇ-1ㅇㅇ1", ""),
    ("연락처 메모 B: ", "0|0-0000-|00|", ""),
    ("연락처 메모 C: ", "0ǀ0-0000-ǀ00ǀ", ""),
    ("주민 메모: ", "б9О721-1О00000", ""),
]
# 2026-0001's 박영수, 2026-0002's 이영희 and 2026-0004's 김철수 in Latin letters, a Greek or Cyrillic letter
# drawn as a Latin one among them (the Cyrillic о of Yоungsu, е of Lее; КІМ all Cyrillic)
NAME_LOOKALIKE = [
    ("영문 이름: ", "Park Yоungsu", ""),
    ("이웃 ", "Lее Younghee", " 씨."),
    ("이웃 ", "КІМ Chulsoo", " 씨."),
    ("이웃 ", "Ρark Yoυngsu", " 씨."),  # (a Greek capital rho, a small upsilon)
]


def test_a_number_with_letters_drawn_as_digits_fails_check(tmp_path: Path) -> None:
    _expect_each(tmp_path, NUMBER_LOOKALIKE, "구분 기호를 바꾼 번호")


def test_a_name_with_greek_or_cyrillic_letters_drawn_as_latin_ones_fails_check(tmp_path: Path) -> None:
    _expect_each(tmp_path, NAME_LOOKALIKE, "로마자로 적은 한글 이름")


def test_the_sites_audit_reads_characters_drawn_as_digits_and_letters(tmp_path: Path) -> None:
    """The audit reads a page as check reads a record (`reader.digits_unconfused`, `reader.base_letters`):
    it refuses each page holding one of the forms check finds."""
    from casekit.site.audit import audit_casebook

    root = copy_casebook(tmp_path / "book")
    forms = [form for _, form, _ in NUMBER_LOOKALIKE + NAME_LOOKALIKE]
    write_pages(tmp_path / "site", forms, "<p>010-ㅇㅇㅇㅇ-1001 (가림), A|B, ㅇㅇ, Ольга Σοφία, |1|2|</p>")
    needles = [(value, "cases/2026-0001/01-intake.md", field) for value, field in
               (("박영수", "client.name"), ("010-0000-1001", "client.phone"), ("690721-1000000", "client.resident_number"))]
    needles += [("이영희", "cases/2026-0002/01-intake.md", "client.name"),
                ("김철수", "cases/2026-0004/01-intake.md", "client.name")]
    refused = {f.path for f in audit_casebook(root, tmp_path / "site", needles) if f.code == "site-sensitive"}
    missed = [form for i, form in enumerate(forms) if f"p{i}/index.html" not in refused]
    assert missed == [] and len(refused) == len(forms), (missed, refused)


@pytest.mark.parametrize("text", ["Ольга Σοφία", "Сергей", "Ρόδος", "Московская 12", "α-β 분석", "ㅇㅇ 알겠어 010-ㅇㅇㅇㅇ-1001"])
def test_greek_and_cyrillic_words_and_masks_are_no_value(text: str) -> None:
    assert found_in(text) == []


# --- 2b''. a punycode host label ------------------------------------------------------------------

# `xn--bh3b03i1td` is 박영수 in punycode: the address bar and the status bar show it decoded, and the
# build's audit read it so (site-sensitive), while check passed it (a probe)
PUNYCODE = ["자료: [안내문](https://xn--bh3b03i1td.kr/) 참고.", "자료: <https://xn--bh3b03i1td.kr/> 참고.",
            "자료: https://xn--bh3b03i1td.kr/ 참고.", '<a href="https://XN--BH3B03I1TD.kr">안내</a>']


def test_a_punycode_label_fails_check_as_it_fails_the_audit(tmp_path: Path) -> None:
    from casekit.site.audit import audit_casebook

    root = copy_casebook(tmp_path / "book")
    rec = root / REC
    text = rec.read_text(encoding="utf-8").rstrip("\n")
    rec.write_text(text + "\n\n" + "\n\n".join(PUNYCODE) + "\n", encoding="utf-8")
    (root / "docs/notice.md").write_text('---\ntitle: 안내\ndescription: "사례 안내 xn--bh3b03i1td"\n---\n# 안내\n\n본문.\n',
                                         encoding="utf-8")
    first = text.count("\n") + 3
    findings = check(root).findings
    found = [(f.line, f.code) for f in findings if f.path == REC]
    assert found == [(first + 2 * i, "sensitive-in-text") for i in range(len(PUNYCODE))], found
    assert [f.code for f in findings if f.path == "docs/notice.md"] == ["sensitive-in-text"]
    write_pages(tmp_path / "site", [*PUNYCODE[3:], '<meta name="description" content="사례 안내 xn--bh3b03i1td">'],
                "<p>xn--abc 자료</p>")
    needles = [("박영수", "cases/2026-0001/01-intake.md", "client.name")]
    refused = sorted(f.path for f in audit_casebook(root, tmp_path / "site", needles) if f.code == "site-sensitive")
    assert refused == ["p0/index.html", "p1/index.html"], refused


@pytest.mark.parametrize(("text", "found"), [
    # (a group of such letters alone, ll of l964-ll-O3, stays letters: a word holds a digit to be read)
    ("생일 l964-1l-O3", "l964-1l-O3"), ("64ll03", "64ll03"), ("l964년 1l월 3일", "l964년 1l월 3일"),
])
def test_a_date_with_letters_drawn_as_digits_is_found(text: str, found: str) -> None:
    assert found_in(text) == [("date", found)]


@pytest.mark.parametrize("text", ["No1 CO2 Call1964", "l964-ll-O4", "Oll964ll03"])
def test_letters_beside_digits_in_words_are_no_date(text: str) -> None:
    assert found_in(text) == []


# --- 2c. a flat's or a street's number in number words --------------------------------------------

# 2026-0002 lives at 가온구 나래동 220 가온빌라 301호, 2026-0008 at 나래동 310 나래아파트 2동 605호
ADDRESS_IN_WORDS = [
    ("이웃 가온빌라 ", "삼백일호", "에 사는 분."),
    ("이웃 ", "삼공일호", "에 사는 분."),
    ("방문: ", "나래아파트 2동 육백오호", "."),  # (the whole detail: 나래아파트 2동 605호)
]

# and in the Hanja of its units, as an old register or a form from abroad writes them
ADDRESS_IN_HANJA = [
    ("이웃 가온빌라 ", "301號", "에 사는 분."),
    ("방문: ", "나래아파트 2棟 605号", "."),
    ("방문: ", "나래아파트 2동 605號", "."),
]


def test_an_address_with_its_units_in_hanja_fails_check(tmp_path: Path) -> None:
    _expect_each(tmp_path, ADDRESS_IN_HANJA, "상세 주소")


def test_an_address_with_its_number_in_words_fails_check(tmp_path: Path) -> None:
    _expect_each(tmp_path, ADDRESS_IN_WORDS, "상세 주소")


@pytest.mark.parametrize(("text", "found"), [
    ("백삼동 천오백이호", "백삼동 천오백이호"), ("일공삼동 일오공이호", "일공삼동 일오공이호"),
    ("103동 천오백이호에 방문", "103동 천오백이호"), ("백삼동 1502호", "백삼동 1502호"),
    ("나래로 십이 방문", "나래로 십이"), ("나래로십이", "나래로십이"), ("나래동 백일번지", "나래동 백일번지"),
    ("103棟 1502號", "103棟 1502號"), ("103棟1502号", "103棟1502号"), ("百三棟 千五百二號", "百三棟 千五百二號"),
    ("백삼棟 천오백이號", "백삼棟 천오백이號"), ("나래동 101番地 2層", "나래동 101番地"),
])
def test_a_flat_or_a_street_number_in_words_is_found(text: str, found: str) -> None:
    index = SensitiveIndex([("가온구 나래로 12, 103동 1502호", "cases/a/01-intake.md", "client.address"),
                            ("가온구 나래동 101 2층", "cases/b/01-intake.md", "client.address")])
    assert [(h.variant, text[h.start:h.end]) for h in index.find(text)] == [("address-detail", found)]


@pytest.mark.parametrize("text", [
    "활동 이동 공동 구호 운동을 했다", "이동 중 삼백이호 앞", "으로 이 일을 맡음", "천오백삼호", "백삼동 천오백삼호",
    "나래로 십삼", "나래로 이어서 십이 분", "土地 番號 103", "103棟 1503號",
])
def test_number_words_that_are_no_address_are_none(text: str) -> None:
    index = SensitiveIndex([("가온구 나래로 12, 103동 1502호", "cases/a/01-intake.md", "client.address")])
    assert index.find(text) == []


# --- 3. a birth date in number words, spaced or dotted ---------------------------------------------

DATE_IN_SPACED_WORDS = [
    ("생년월일 ", "일구육구. 칠. 이십일", "."),
    ("생년월일 ", "일구육구 칠 이십일", "."),
    ("생년월일은 ", "일구육구.칠.이십일", "이다."),
    ("생년월일 ", "일구육구/공칠/이십일", "."),
    ("생년월일 ", "일구육구 - 칠 - 이일", "."),
    ("생신 ", "일구육구. 7. 21", "."),
    ("생년월일 ", "육구. 칠. 이십일", "."),  # (a year of two words, with the same mark between the parts)
    ("생년월일 ", "육구/칠/이십일일", "."),
    ("생신 ", "육구 - 칠 - 21", "."),
    ("생년월일 ", "69. 칠. 이십일", "."),  # (the year in digits, the month or the day in words)
    ("생년월일 ", "1969/칠/21", "."),
]


def test_a_birth_date_in_spaced_number_words_fails_check(tmp_path: Path) -> None:
    _expect_each(tmp_path, DATE_IN_SPACED_WORDS, DATE)


@pytest.mark.parametrize(("text", "found"), [
    ("일구육사. 십일. 삼", "일구육사. 십일. 삼"),  # 김철수, 1964-11-03
    ("이공공공. 구. 십이", "이공공공. 구. 십이"),
    ("이영영영 구 십이일", "이영영영 구 십이"),
    ("육사. 십일. 삼", "육사. 십일. 삼"),  # (a year of two words: 1964, 2000)
    ("공공-구-십이일", "공공-구-십이"),
    ("영영 / 구 / 십이", "영영 / 구 / 십이"),
    ("64. 십일. 삼", "64. 십일. 삼"), ("1964-십일-3", "1964-십일-3"), ("64 / 11 / 삼", "64 / 11 / 삼"),
])
def test_dates_in_spaced_number_words_are_found(text: str, found: str) -> None:
    assert found_in(text) == [("date", found)]


@pytest.mark.parametrize(("text", "found"), [
    ("64년생 11월 3일", "64년생 11월 3일"),  # (the year a birth year: 64년생, as people say it)
    ("1964년생, 11월 3일 생일", "1964년생, 11월 3일"),
    ("육사년생 십일월 삼일", "육사년생 십일월 삼일"),
    ("一九六四年生十一月三日", "一九六四年生十一月三日"),
])
def test_a_birth_year_then_the_day_is_found(text: str, found: str) -> None:
    assert found_in(text) == [("date", found.replace("一", "-"))]


# sentences of the sample's records and of a practitioner's notes, with number words in them: no
# date of anyone's, though 일, 이, 사, 구 are in every other word
ORDINARY = [
    "클라이언트는 \"스무 해 넘게 공장에서 일했는데 하루아침에 문을 닫았다\"며 실직 뒤 생계비와 월세를 감당하지 못하고 있다고 말했다.",
    "사례관리와 정보 제공에 대한 동의서를 받았고, 욕구 및 위기도 조사는 열흘 안에 하기로 했다.",
    "일구어 온 텃밭에서 이십일 동안 칠 명이 일했다.",
    "사이사이 일 이 사 구 오 하고 숫자를 세며 놀았다.",
    "일구육구 년도 기록은 없음. 칠 일 뒤 이십일 일에 재방문.",
    "이사 오일 뒤 구청에 들러 이십일 일자 서류를 냈다.",
    "구구단 칠 단을 외우고 이십일 쪽까지 읽음.",
    "일구육구 칠 이십이",  # (the day after the birthday)
    "일구육구. 십칠. 이십일",  # (no month 17)
    "일구육구 칠이십일",  # (no mark between the month and the day)
    "삼일구육구 칠 이십일",  # (five digit words: no year of four)
    "육구 칠 이십일",  # (a year of two words with spaces alone: as in prose, 오이 삼 일)
    "삼육구. 칠. 이십일", "육구. 칠/이십일", "육구. 칠. 이십이", "사이. 칠. 이십일 회의록 1. 칠. 이십일",
    "169. 칠. 이십일", "2069. 칠. 이십일", "3.69. 칠. 이십일", "오69. 칠. 이십일", "69. 칠. 이십이",  # (digits: no year)
    "2026. 칠. 이십일 회의",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_number_words_in_ordinary_sentences_are_no_date(text: str) -> None:
    assert found_in(text, scope="cases/2026-0001/") == []


# --- where no one's value is written, and the site's audit ----------------------------------------

# lines of a record written in its own case (where even its client's given name counts)
IN_ITS_OWN_RECORD = [
    "ㄱ. 소득 ㄴ. 주거 ㄷ. 건강 (ㅎㅎ, ㅠㅠ)", "문자 답장: ㅇㅇ ㅇㅋ ㄱㅅ",  # (jamo in ordinary use)
    "二〇二六年 三月 二十一日 회의. 第一 조.", "六九〇七二二",  # (CJK numerals, no one's birth date)
    *ORDINARY,  # (number words)
]


def test_ordinary_text_with_jamo_cjk_numerals_and_number_words_passes_check(tmp_path: Path) -> None:
    root = copy_casebook(tmp_path / "book")
    rec = root / "cases/2026-0001/04-intervention.md"
    rec.write_text(rec.read_text(encoding="utf-8") + "\n" + "\n\n".join(IN_ITS_OWN_RECORD) + "\n", encoding="utf-8")
    assert [(f.path, f.line, f.code) for f in check(root).findings] == []


def test_the_sites_audit_refuses_a_page_holding_any_of_the_forms(tmp_path: Path) -> None:
    """The built site's audit reads a page as a reader does (NFKC: `ㅂㅏㄱ` is `바ᄀ` there) and
    refuses each page that holds one of the forms above, whatever check let through."""
    from casekit.site.audit import audit_casebook

    root = copy_casebook(tmp_path / "book")
    forms = [form for _, form, _ in NAME_IN_JAMO + DATE_IN_CJK + DATE_SPELLED + DATE_IN_SPACED_WORDS]
    for i, form in enumerate(forms):
        page = tmp_path / f"site/p{i}/index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<!doctype html><html><body><p>이웃 {form} 씨.</p></body></html>", encoding="utf-8")
    needles = [(value, "cases/2026-0001/01-intake.md", field) for value, field in
               (("박영수", "client.name"), ("1969-07-21", "client.birth_date"))]
    needles += [("이영희", "cases/2026-0002/01-intake.md", "client.name")]
    refused = sorted(f.path for f in audit_casebook(root, tmp_path / "site", needles) if f.code == "site-sensitive")
    missed = [form for i, form in enumerate(forms) if f"p{i}/index.html" not in refused]
    assert missed == [] and len(refused) == len(forms), (missed, refused)


# --- 5. a number in digit words after a digit and a mark ----------------------------------------

NUMBER = "구분 기호를 바꾼 번호"
# 2026-0001's client's phone, 010-0000-1001, in digit words after a digit and a mark: the run of words and
# digits was read whole, as one number, and was none; check and the build's audit passed it
WORDS_AFTER_A_DIGIT = [
    ("통화 2026-03-10 ", "공일공-공공공공-일공공일", " 통화함."),
    ("메모4: ", "공일공 공공공공 일공공일", ""),
    ("연락 3 ", "010-공공공공-일공공일", "로."),
    ("", "공일공 공공공공 일공공일", " 2026-03-10 확인."),
]


def test_a_phone_in_digit_words_beside_a_digit_fails_check(tmp_path: Path) -> None:
    _expect_each(tmp_path, WORDS_AFTER_A_DIGIT, NUMBER)


def test_the_sites_audit_reads_a_phone_in_digit_words(tmp_path: Path) -> None:
    """The audit searches the casebook's values alone, never the personal-number patterns: a client's
    phone in digit words (alone or after a digit) is one of its values once read as digits."""
    from casekit.site.audit import audit_casebook

    root = copy_casebook(tmp_path / "book")
    forms = ["".join(parts) for parts in WORDS_AFTER_A_DIGIT] + ["공일공-공공공공-일공공일", "1. 영일영 영영영영 일영영일"]
    write_pages(tmp_path / "site", forms, "<p>3-공일공-공공공공-일공공일 이 일이 사 오</p>")
    needles = [("010-0000-1001", "cases/2026-0001/01-intake.md", "client.phone")]
    refused = sorted(f.path for f in audit_casebook(root, tmp_path / "site", needles) if f.code == "site-sensitive")
    assert refused == sorted(f"p{i}/index.html" for i in range(len(forms))), refused


# --- 6. what NFKC makes of a character, read by check as the audit reads it --------------------------

# (the site's audit reads a page NFKC-normalized: ⒑ is 10., ﹒ a dot; check folded a table of characters one
# for one, so these passed check and the build's audit then removed the site)
NFKC_FORMS = [
    ("기록: ", "0⒑0000.1001", ""),  # 2026-0001's client's phone (U+2491 DIGIT TEN FULL STOP)
    ("이웃 ", "박﹒영﹒수", " 씨."),  # (U+FE52 SMALL FULL STOP)
    ("생일 ", "1969﹒07﹒21", "."),
]


def test_what_nfkc_makes_of_a_character_is_read_by_check(tmp_path: Path) -> None:
    first, found = _planted(tmp_path, NFKC_FORMS)
    assert [(line, col, code) for line, col, code, _ in found] == [
        (first + 2 * i, len(before) + 1, "sensitive-variant-in-text") for i, (before, _, _) in enumerate(NFKC_FORMS)], found


def test_the_sites_audit_reads_enclosed_digits_nfkc_leaves_as_they_are(tmp_path: Path) -> None:
    """❶ ➀ ⓵ ❿ are drawn as digits in a circle, and NFKC leaves them: the audit now reads them as their
    digits (as ① was), as check does."""
    from casekit.site.audit import audit_casebook

    root = copy_casebook(tmp_path / "book")
    forms = ["0❶0-0000-❶00❶", "0➀0 0000 ➀00➀", "0⓵0.0000.⓵00⓵", "0❿-0000-1001", "⓪⑩-⓪⓪⓪⓪-❿⓪❶"]
    for i, form in enumerate(forms):
        page = tmp_path / f"site/p{i}/index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<!doctype html><html><body><p>연락 {form}</p></body></html>", encoding="utf-8")
    needles = [("010-0000-1001", "cases/2026-0001/01-intake.md", "client.phone")]
    refused = sorted(f.path for f in audit_casebook(root, tmp_path / "site", needles) if f.code == "site-sensitive")
    assert refused == sorted(f"p{i}/index.html" for i in range(len(forms))), refused
    rec = root / "cases/2026-0004/03-followup.md"
    rec.write_text(rec.read_text(encoding="utf-8") + "\n" + "\n\n".join(forms) + "\n", encoding="utf-8")
    found = [(f.line, f.code) for f in check(root).findings if f.path == "cases/2026-0004/03-followup.md"]
    assert len(found) == len(forms) and all(code.startswith("sensitive-") for _, code in found), found


@pytest.mark.parametrize("form", ["1969-07-\n21", "1969.\n7. 21.", "1969년\n7월 21일", "1969\n-07-21", "69. 07.\n21",
                                  "1969-07-\n> 21"])
def test_a_birth_date_run_on_across_a_line_break_fails_check(tmp_path: Path, form: str) -> None:
    """A paragraph's line break shows as a space: 1969-07-⏎21 reads 1969-07- 21 on the page (the site's
    audit refused the build; check said nothing)."""
    quoted = form.startswith("1969-07-\n>")
    first, found = _planted(tmp_path, [("> " if quoted else "", "생일 " + form, " 확인")])
    assert [(line, col, code) for line, col, code, _ in found] == [
        (first, 6 if quoted else 4, "sensitive-variant-in-text")], found
    assert DATE in found[0][3]


@pytest.mark.parametrize("text", ["상담 1969-07-\n\n21 방문", "2026-03-\n15 방문", "1969-07\n21번 버스"])
def test_lines_that_only_end_in_part_of_a_date_are_none(text: str) -> None:
    index = SensitiveIndex([("1969-07-21", "cases/a/01-intake.md", "client.birth_date")])
    rt = reader_text(text)
    assert index.broken_date_hits(rt.text, index.find(rt.text, folded=True)) == []


@pytest.mark.parametrize("text", ["0 0-3-3", "10-0 3-3", "M10 0 0-3-3 3l-3-3", "69-0 7-21"])
def test_a_gap_in_a_date_with_a_two_digit_year_is_none(text: str) -> None:
    """Only a year of four digits takes a gap: the numbers of an icon's drawing on every page of the
    site (an SVG path, `0 0-3-3`) read as 2000-03-03, which failed the build of any casebook with a
    client born that day (tests/test_build.py::test_no_birth_date_before_the_casebook_is_read_in_its_site)."""
    index = SensitiveIndex([("2000-03-03", "cases/a/01-intake.md", "client.birth_date"),
                            ("2010-03-03", "cases/a/01-intake.md", "client.birth_date"),
                            ("1969-07-21", "cases/a/01-intake.md", "client.birth_date")])
    rt = reader_text(text)
    assert index.broken_date_hits(rt.text, index.find(rt.text, folded=True)) == []


@pytest.mark.parametrize("form", ["1969-0\n7-21", "1969-0 7-21", "1969-07-2\n1", "1969-07-2 1", "196\n9-07-21",
                                  "1969.0\n7.21", "1969-0\n> 7-21", "1969.0\t7.21"])
def test_a_birth_date_with_a_break_inside_a_group_fails_check(tmp_path: Path, form: str) -> None:
    """A line break inside one of a date's groups shows as a space (1969-0⏎7-21 reads 1969-0 7-21 on the
    page), which a reader reads through, as a space typed there: check said nothing of either."""
    quoted = "\n>" in form
    first, found = _planted(tmp_path, [("> " if quoted else "", "생일 " + form, " 확인")])
    assert [(line, col, code) for line, col, code, _ in found] == [
        (first, 6 if quoted else 4, "sensitive-variant-in-text")], found
    assert DATE in found[0][3]


def test_a_birth_date_whose_year_is_broken_is_told_once() -> None:
    """19⏎69-07-21: 69-07-21 is a date already (found as written); the date read whole is not told again."""
    index = SensitiveIndex([("1969-07-21", "cases/a/01-intake.md", "client.birth_date")])
    rt = reader_text("생일 19\n69-07-21 확인")
    written = index.find(rt.text, folded=True)
    assert len(written) == 1 and index.broken_date_hits(rt.text, written) == []


@pytest.mark.parametrize("text", ["금액 1,200\n3,400원", "10:30\n11:00 상담", "2026-03-15\n2026-03-20 방문", "69 07 21",
                                  "1969-0\n\n7-21", "1969-0 7-21-5", "6907\n21 확인", "1969-0 7 21"])
def test_numbers_split_over_lines_or_spaces_are_no_date(text: str) -> None:
    """Only a date's shape with one gap inside one group is read through it: a list's numbers, times, a
    timeline's marks, paragraphs apart stay apart."""
    index = SensitiveIndex([("1969-07-21", "cases/a/01-intake.md", "client.birth_date"),
                            ("2026-03-15", "cases/b/01-intake.md", "client.birth_date")])
    rt = reader_text(text)
    written = index.find(rt.text, folded=True)
    hits = written + index.broken_date_hits(rt.text, written)
    assert [h for h in hits if any(ch.isspace() for ch in rt.text[h.start:h.end])] == [], text


def test_a_birth_date_with_spaces_inside_a_group_in_a_field_is_found() -> None:
    """A published field (a need's description) holding 1969-0 7-21 is read as the body is."""
    index = SensitiveIndex([("1969-07-21", "cases/a/01-intake.md", "client.birth_date")])
    hits = index.find_joined(["양육비 미지급", "1969-0 7-21 생 모친"])
    at = len("양육비 미지급\n\x00\n")
    assert [(h.start, h.end, h.variant) for h in hits] == [(at, at + 11, sensitive.DATE)]


def test_a_birth_date_with_a_break_inside_a_group_is_masked() -> None:
    index = SensitiveIndex([("1969-07-21", "cases/a/01-intake.md", "client.birth_date")])
    masked = index.mask("생일 1969-0\n7-21 확인, 1969-07-2 1 확인")
    assert not any(ch.isdigit() for ch in masked), masked
