"""Sensitive values found in published text anywhere in the casebook, by check and by the build alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.findings import Finding
from casekit.core.reader import unstruck, unstruck_offset
from casekit.core.sensitive import SensitiveIndex, scan_name
from casekit.site.audit import Scanner, _scan_name
from tests.builders import FULL_PATH, make_casebook


def leaks(root: Path) -> list[tuple[str, int | None, int | None, str]]:
    return [(f.path, f.line, f.column, f.message_en) for f in check(root).findings if f.code == "sensitive-in-text"]


def test_index_ignores_case_and_white_space() -> None:
    index = SensitiveIndex([("가온구 나래동 7-15", "a.md", "client.address"), ("Kim Minsu", "b.md", "client.name")])
    text = "주소는 가온구\n  나래동 7-15 이고 KIM MINSU 씨"
    hits = [(offset, sorted(src)) for offset, src in index.finditer(text)]
    assert hits == [(4, [("a.md", "client.address")]), (22, [("b.md", "client.name")])]
    assert not SensitiveIndex([("x", "a.md", "f")])  # one character is no value worth guarding


def test_name_from_another_case(tmp_path: Path) -> None:
    other = [("intake", "2026-03-01", {"client": {"alias": "김○○", "name": "김철수"}})]
    mention = [("intake", "2026-03-01", {}), ("assessment", "2026-03-05", {"body": "본문\n이웃 김철수 씨가 도움"})]
    root = make_casebook(tmp_path, {"a": other, "b": mention})
    assert leaks(root) == [("cases/b/02-assessment.md", 19, 4, "the value of a sensitive field (client.name) of "
                            "cases/a/01-intake.md appears where it would be published; use the alias")]  # (whose: a's)


def test_name_in_a_resource_and_a_docs_page(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:1]})
    res = root / "resources/food-bank.md"
    res.write_text(res.read_text(encoding="utf-8") + "홍길동 님이 이용\n", encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs/guide.md").write_text("# 안내\n\n예: 010-0000-1111\n", encoding="utf-8")
    found = {(p, line, col) for p, line, col, _ in leaks(root)}
    assert ("resources/food-bank.md", 13, 1) in found
    assert ("docs/guide.md", 3, 4) in found


def test_a_value_in_a_field_is_located_at_the_value_where_the_field_is_written_as_it_reads(tmp_path: Path) -> None:
    other = [("intake", "2026-03-01", {"client": {"alias": "김○○", "name": "김철수"}})]
    root = make_casebook(tmp_path, {"a": other, "b": FULL_PATH[:1]})
    rec = root / "cases/b/01-intake.md"
    text = rec.read_text(encoding="utf-8")
    written = ['worker_note: "이웃 김철수 씨가 도움"', "worker_note: 이웃 김철수 씨가 도움",
               'worker_note: "이웃\\t김철수 씨가 도움"',  # (an escape: not written as it reads)
               "worker_note: >-\n  이웃\n  김철수 씨가 도움"]  # (folded: the value's lines are not its text)
    found = []
    for line in written:
        rec.write_text(text.replace("---\n", "---\n" + line + "\n", 1), encoding="utf-8")
        found.append([(f.line, f.column) for f in check(root).findings if f.code == "sensitive-in-text"])
    assert found == [[(2, 18)], [(2, 17)], [(2, 14)], [(2, 14)]]


def test_narrowed_check_still_scans_the_case(tmp_path: Path) -> None:
    path = [("intake", "2026-03-01", {}), ("assessment", "2026-03-05", {"body": "홍길동"})]
    root = make_casebook(tmp_path, {"c1": path})
    assert [f.code for f in check(root, [root / "cases/c1"]).findings] == ["sensitive-in-text"]


def test_long_values_do_not_recurse() -> None:
    from casekit.core.sensitive import MAX_VALUE

    value = "가" * MAX_VALUE  # (longer, no value: not looked for, `sensitive-value-too-long` says so)
    index = SensitiveIndex([(value, "a.md", "client.name"), ("홍길동", "a.md", "client.name")])
    assert [offset for offset, _ in index.finditer("x" + value + " 홍길동")] == [1, MAX_VALUE + 2]  # in text order


def test_given_names_of_a_case_are_found_as_the_pattern_finds_them() -> None:
    """A case's given names are looked for with str.find (sensitive._given_spans) instead of a
    pattern compiled for each case; the spans must be the pattern's, word starts and all."""
    import random

    from casekit.core.sensitive import _given_pattern, _given_spans

    rng = random.Random(3)
    alphabet = "가나다라수민지 -.·\n○a1해온보"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        firsts = "".join(sorted({rng.choice("가나수민해보") for _ in range(rng.randint(1, 3))}))
        pattern = _given_pattern(firsts)
        assert pattern is not None
        assert _given_spans(text, firsts) == [m.span() for m in pattern.finditer(text)], (text, firsts)


def test_compact_drops_what_the_separator_pattern_drops() -> None:
    """sensitive._compact drops white space with str.split and the other separators with a
    pattern: the same text as _SEPS.sub for every character there is, and for mixed texts."""
    import random

    from casekit.core.sensitive import _SEPS, _compact

    for cp in range(0x110000):  # (lone surrogates too: a file read with surrogateescape holds them)
        text = f"가{chr(cp)}{chr(cp)}나"
        assert _compact(text) == _SEPS.sub("", text), hex(cp)
    rng = random.Random(5)
    alphabet = "가나 \t\n\u3000\u00a0-./()·*_~`\\\u200b\u2028x1"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert _compact(text) == _SEPS.sub("", text), repr(text)


def test_lower_case_by_context_is_only_sigma_and_dotted_i() -> None:
    """SensitiveIndex._part_clean judges a field's text alone, lower-cased as a whole, though
    `_lower` lower-cases the joined fields, character by character when one holds a character
    whose lower case is longer; the two agree on any text without Σ (final sigma: the only
    lower case that depends on the neighbours) and İ (the only longer one), never clean."""
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF or cp in (0x03A3, 0x0130):
            continue
        c = chr(cp)
        assert len(c.lower()) == 1, hex(cp)
        assert ("A" + c).lower()[1:] == ("A" + c + "A").lower()[1:-1] == c.lower(), hex(cp)


def test_fields_judged_one_by_one_find_what_the_joined_text_does() -> None:
    """find_joined skips the search for words and dates when every field alone holds none
    (remembered per text); it must find exactly what find of the joined text finds, whatever
    sits at the edges of the fields, and also once the texts are remembered."""
    import random

    from casekit.core.sensitive import TEXT_BREAK, scope_of

    needles = [
        ("탁해온", "cases/a/01-intake.md", "client.name"),
        ("1958-03-17", "cases/a/01-intake.md", "client.birth"),
        ("010-0000-1001", "cases/b/01-intake.md", "client.phone"),
        ("가온구 나래로 12, 103동 1502호", "cases/b/01-intake.md", "client.address"),
        ("ΑΣ", "cases/b/01-intake.md", "client.alias"),
        ("iİx", "cases/b/01-intake.md", "client.code"),
        ("ασ", "cases/b/01-intake.md", "client.code"),
        ("690721-1234567", "cases/a/01-intake.md", "client.rrn"),
    ]
    pieces = ["탁해온", "해온", "해온 씨", "탁", "해", "온", "1958", "-03-17", "1958년 3월 17일", "58.03.17", "580317",
              "010", "0000", "1001", "010-0000-1001", "1502호", "103동", "나래로 12", "Σ", "ΑΣ", "ας", "İ", "i",
              "x", "690721-", "1", "690721-1", " ", "-", ".", "\n", "가", "나", "3", "12", "(", "*", "\x00", "", "2026-04-24",
              "=", "→", "&", "010=0000=1001", "0082-10-", "1958_03_17", "3월 17일(1958년)"]
    rng = random.Random(11)
    for nul in (False, True):
        index = SensitiveIndex(needles + ([("가\x00나", "cases/c/01-intake.md", "client.note")] if nul else []))
        assert index._parts_apart is not nul
        edges = [["가", "나"], ["1958-03-", "17"], ["1958-03-17", "x"], ["x", "1958.3.17"], ["ΑΣ", "İ"], ["탁", "해온"],
                 ["탁해", "온"], ["해온", ""], ["", ""], ["690721-", "1234567"], ["010-0000-", "1001"], ["103동", "1502호"],
                 ["가 " * 150, "나 " * 150 + "탁해온"], ["가 " * 150 + "1958.3.17", "해온"]]  # (long texts are not remembered)
        for parts in edges + [
            ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 4))]
            for _ in range(3000)
        ]:
            for scope in (scope_of("cases/a/02-assessment.md"), scope_of("cases/b/02-assessment.md"), None):
                expected = index.find(TEXT_BREAK.join(parts), scope=scope)
                assert index.find_joined(parts, scope=scope) == expected, (parts, scope)
                assert index.find_joined(parts, scope=scope) == expected, (parts, scope)  # remembered


def test_reader_text_skips_only_what_holds_no_unit() -> None:
    """reader_text takes a source as it is when it holds none of the characters a unit starts
    with (_UNIT_FIRST); no unit may start with any other character, and what it gives is what
    reading the units gives, markup or not."""
    import random

    from casekit.core.reader import _UNIT, _UNIT_FIRST, _reader_text, fold, reader_text

    rests = ["", "!--x-->", "a>", "/a>", "#53456;", "#x41;", "amp;", "41", "-", "x"]  # what completes a unit
    assert not any(_UNIT_FIRST.search(rest) for rest in rests)
    for cp in range(0x110000):
        c = fold(chr(cp))
        if _UNIT_FIRST.match(c) is None:
            assert not any(_UNIT.match(c + rest) for rest in rests), hex(cp)
    rng = random.Random(7)
    alphabet = ["가", "나", " ", "\n", "*", "**", "~~", "`", "<b>", "</b>", "<!-- x -->", "&amp;", "&#53456;", "\\-",
                "%ED%83%81", "\u200b", "＜", "＊", "1", "-", "a"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert reader_text(text) == _reader_text(fold(text), text), repr(text)


def test_index_is_made_of_each_value_as_variants_makes_it() -> None:
    """SensitiveIndex reads each distinct value once, as fold(normalize(value)) (the same as
    normalize(fold(value)): fold maps white space to white space and nothing else to it, and
    folds what it folds once): its words and dates are those of `variants` for every needle."""
    import random

    from casekit.core.reader import fold
    from casekit.core.sensitive import (
        _ISO_DATE,
        EXACT,
        GIVEN,
        MIN_LENGTH,
        NAME_PART,
        name_part,
        normalize,
        variants,
    )

    for cp in range(0x110000):
        c = chr(cp)
        assert fold(c).isspace() == c.isspace() and fold(fold(c)) == fold(c), hex(cp)
    rng = random.Random(13)
    parts = ["탁해온", "김 철수", "１９５８－０３－１７", "1958-03-17", "010\u20130000\u20131001", " ", "\u3000", "\u00a0", "\t",
             "가온구 나래로 12, 103동 1502호", "６９０７２１－１２３４５６７", "ㅡ", "x", "정옥순"]
    needles = []
    for k in range(400):
        value = "".join(rng.choice(parts) for _ in range(rng.randint(1, 2)))
        needles.append((value, f"cases/c{k % 7}/01-intake.md", rng.choice(["client.name", "client.address"])))
    index = SensitiveIndex(needles)
    words: dict[str, dict[str, set[tuple[str, str]]]] = {}
    dates: dict[tuple[int, ...], set[tuple[str, str]]] = {}
    for value, src, field in needles:
        if len(normalize(value)) < MIN_LENGTH:
            continue
        date = _ISO_DATE.fullmatch(normalize(fold(value)))
        if date:
            dates.setdefault(tuple(map(int, date.groups())), set()).add((src, field))
        for word, kind, _ in variants(value):
            words.setdefault(word, {}).setdefault(kind, set()).add((src, field))
        name = name_part(field, normalize(fold(value)))
        for word, kind, _ in variants(name) if name else []:  # a name written with more: 탁해온 김
            words.setdefault(word, {}).setdefault(NAME_PART if kind == EXACT else kind, set()).add((src, field))
            assert kind != GIVEN or src.startswith("cases/")
    assert index.words == words and list(index.words) == list(words)
    assert index.dates == dates


def test_a_name_in_the_site_settings_is_found_at_its_line(tmp_path: Path) -> None:
    """mkdocs.yml's site name, menu labels and copyright are published on every page: a client's
    name or phone number there is an error at its line and column (the value's own), before the output audit."""
    from tests.conftest import copy_casebook

    root = copy_casebook(tmp_path / "book")
    settings = root / "mkdocs.yml"
    lines = settings.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("site_name:"))
    lines[at] = 'site_name: "박영수 님 사례집"'
    lines.append('copyright: "문의 010-0000-1001"')
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = sorted((f.path, f.line, f.column) for f in check(root).findings if f.path == "mkdocs.yml"
                   and f.code.startswith("sensitive"))
    assert found == [("mkdocs.yml", at + 1, 13), ("mkdocs.yml", len(lines), 16)]  # (at the name, at the number)


def test_a_handover_reason_naming_the_client_is_found_where_it_is_written(sample: Path) -> None:
    """The reason of a handover is shown on the case page: check passed 이순자 written there, and the
    build's audit then failed, naming 01-intake.md (where the value comes from), not this file."""
    (sample / "cases/2026-0012/handover.yml").write_text(
        'handovers:\n  - date: 2026-11-20\n    from: kim.sw\n    to: lee.sw\n    reason: "이순자 님 요청으로 변경"\n',
        encoding="utf-8")
    found = [f for f in check(sample).findings if f.path == "cases/2026-0012/handover.yml"]
    assert [(f.code, f.line) for f in found if f.code == "sensitive-in-text"] == [("sensitive-in-text", 5)], found


def test_an_index_kept_in_the_cache_finds_what_it_found_when_made() -> None:
    """The index is pickled into the cache with each word's variants and each case's given names
    packed, unpacked when a text needs them: loaded, it finds the same values, variants and given
    names (of the text's own case only) as the index it was made as."""
    import pickle

    needles = [("김가영", "cases/A/01-intake.md", "client.name"), ("박민수", "cases/B/01-intake.md", "client.name"),
               ("010-1234-5678", "cases/A/01-intake.md", "client.phone"), ("1990-03-04", "cases/B/01-intake.md",
                                                                             "client.birth_date")]
    made = SensitiveIndex(needles)
    made.prepare()
    loaded = pickle.loads(pickle.dumps(made))
    texts = ["가영 씨와 민수 씨가 왔다", "가영을 만남", "김 가영, 박민수", "연락처 01012345678", "생일 1990. 3. 4.",
             "아무 일 없음"]
    for scope in ("cases/A/", "cases/B/", None):
        for text in texts:
            assert loaded.find(text, scope=scope) == made.find(text, scope=scope), (scope, text)
    assert [h.variant for h in loaded.find("가영을 만남", scope="cases/A/")] == ["given-name"]
    assert loaded.find("가영을 만남", scope="cases/B/") == []  # (another case's: only with a cue, 가영 씨)
    assert [h.variant for h in loaded.find("가영 씨", scope="cases/B/")] == ["given-name"]


def test_a_finding_names_whose_value_it_is_never_the_value(tmp_path: Path) -> None:
    """A record dated on another client's birthday, a name two cases' clients share: the finding
    says whose value it is (the first record, and how many more), so the worker sees why a date
    or a word is refused; the value itself is in no message."""
    a = {"alias": "김○○", "name": "김철수", "birth_date": "1958-03-17"}
    root = make_casebook(tmp_path, {
        "a": [("intake", "2026-03-01", {"client": a})],
        "b": [("intake", "2026-03-01", {"client": {**a, "birth_date": "1961-05-02"}})],
        "c": [("intake", "2026-03-01", {}), ("assessment", "2026-03-05", {"body": "본문\n이웃 김철수 씨와 1958. 3. 17. 방문"})],
    })
    found = {(f.code, f.message_ko) for f in check(root).findings if f.path == "cases/c/02-assessment.md"}
    assert ("sensitive-in-text", "cases/a/01-intake.md 외 1곳에 적힌 민감 정보(client.name, 클라이언트 실명)의 값이 게시되는 "
            "곳에 그대로 있습니다. 본문과 일반 항목에서 지우세요(사람을 가리켜야 하면 가명 표기로).") in found
    assert any(code == "sensitive-variant-in-text" and message.startswith("cases/a/01-intake.md에 적힌 민감 정보(client."
               "birth_date") for code, message in found), found
    assert not any("김철수" in message or "1958" in message for _, message in found)


def test_leftmost_longest_finds_what_iter_long_dropped() -> None:
    """pyahocorasick's `iter_long` dropped matches: a value's detail (나래동448) at the end of a
    text that began like the whole value (가온구나래동448…), and others in the middle. Checked
    here against the definition, on every small case of a few words over three letters."""
    import itertools
    import random

    import ahocorasick

    from casekit.core.sensitive import leftmost_longest

    def by_definition(words: list[str], text: str) -> list[tuple[int, int, str]]:
        out, i = [], 0
        while i < len(text):
            best = max((w for w in words if text.startswith(w, i)), key=len, default=None)
            if best is None:
                i += 1
            else:
                out.append((i, i + len(best), best))
                i += len(best)
        return out

    rng = random.Random(7)
    cases = [(["가온구나래동448반지하", "나래동448"], "가온구나래동448"), (["bbab", "a"], "cbbbba")]
    for _ in range(5000):
        words = sorted({"".join(rng.choices("abc", k=rng.randint(1, 5))) for _ in range(rng.randint(1, 4))})
        cases.append((words, "".join(rng.choices("abc", k=rng.randint(0, 12)))))
    cases += [(["ab", "b"], "".join(t)) for t in itertools.product("ab", repeat=6)]
    for words, text in cases:
        automaton = ahocorasick.Automaton()
        for w in words:
            automaton.add_word(w, w)
        automaton.make_automaton()
        assert leftmost_longest(automaton, text) == by_definition(words, text), (words, text)


def test_a_part_of_an_address_at_the_end_of_a_body_is_found_by_check(sample: Path) -> None:
    """`가온구 나래동 44-8` (case 2026-0013's address without its 반지하) as a record's last line
    passed check; the build then refused the pages, naming no record (found by a probe)."""
    plan = sample / "cases/2026-0001/03-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n주소: 가온구 나래동 44-8\n", encoding="utf-8")
    found = [f for f in check(sample).errors if f.path == "cases/2026-0001/03-plan.md"]
    assert [f.code for f in found] == ["sensitive-variant-in-text"], found
    assert found[0].column == len("주소: 가온구 ") + 1  # (at 나래동 44-8, the part that names the home)


def test_a_name_written_with_a_title_is_found_without_it() -> None:
    """A resource's contact person is written `정보람 팀장`; `정보람 씨와 통화` was published (found by
    a probe). A person's field holding more than the name (a title, a relationship, the title
    first) has the name as a variant of its own, found as a name is (starting a word); other
    fields' first words (가온구 of an address) are not names."""
    from casekit.core.sensitive import NAME_PART, name_part

    assert name_part("contact_person", "정보람 팀장") == "정보람"
    assert name_part("contact_person", "주무관 한지윤") == "한지윤"
    assert name_part("household[2].name", "박철수(부)") == "박철수"
    assert name_part("client.name", "탁해온") is None  # the value is the name: its own variants
    assert name_part("client.address", "가온구 나래동 7-15") is None
    index = SensitiveIndex([("정보람 팀장", "resources/r.md", "contact_person"),
                            ("박철수(부)", "cases/c1/01-intake.md", "household[2].name")])
    for text in ("정보람 씨와 통화", "정보람씨와", "담당 정보람과 연락", "정 보 람 님께"):
        assert [h.variant for h in index.find(text)] == [NAME_PART], text
    assert index.find("김정보람 작가") == []  # inside a longer word: not the name
    assert index.find("보람을 느꼈다") == []  # a resource's contact's given name: only after a cue (보람 팀장)
    assert [h.variant for h in index.find("철수가 왔다", scope="cases/c1/")] == ["given-name"]
    assert index.find("철수가 왔다", scope="cases/c2/") == []  # (another case's: only after a cue, 철수 씨가)


def test_a_contact_named_without_title_in_a_record_is_an_error(sample: Path) -> None:
    """end to end: the sample's 나래동 맞춤형복지팀 contact (`한지윤 주무관`) named in a record's body
    without the title is an error at the name, saying which variant it is and whose value."""
    plan = sample / "cases/2026-0001/03-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n한지윤 씨와 통화해 일정을 잡음\n", encoding="utf-8")
    found = [f for f in check(sample).errors if f.path == "cases/2026-0001/03-plan.md"]
    assert [(f.code, f.column) for f in found] == [("sensitive-variant-in-text", 1)], found
    assert "직함이나 관계를 뺀 이름" in found[0].message_ko and "resources/naraedong-welfare-team.md" in found[0].message_ko


def test_a_room_without_a_dong_is_a_detail_of_the_address(sample: Path) -> None:
    """Case 2026-0002 lives at `… 가온빌라 301호`: `301호` alone, with no 동 before it, was not a
    variant (only `103동 1502호`'s 1502호 was), and `가온빌라 301호에 방문` passed check (found by a
    probe). A room of three or four digits is a detail of its address, as written or spaced."""
    from casekit.core.sensitive import address_details

    assert "301호" in address_details("가온구 나래동 220 가온빌라 301호")
    assert "12호" not in address_details("가온구 나래동 1 12호")  # (two digits: in every text)
    assert address_details("가온구 나래동 310 나래아파트 2동 605호").count("605호") == 1
    intake = (sample / "cases/2026-0002/01-intake.md").read_text(encoding="utf-8")
    assert '"가온구 나래동 220 가온빌라 301호"' in intake
    plan = sample / "cases/2026-0001/03-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n이웃 301 호에 사는 분이 도와줌\n", encoding="utf-8")
    found = [f for f in check(sample).errors if f.path == "cases/2026-0001/03-plan.md"]
    assert [(f.code, f.column) for f in found] == [("sensitive-variant-in-text", len("이웃 ") + 1)], found
    assert "상세 주소" in found[0].message_ko and "cases/2026-0002/01-intake.md" in found[0].message_ko


def test_a_lot_written_with_its_sub_number_after_ui_is_the_address() -> None:
    """`나래동 101의 1`: how older documents (and older workers) write the lot 101-1."""
    from casekit.core.sensitive import ADDRESS

    index = SensitiveIndex([("가온구 나래동 101-1 2층", "cases/a/01-intake.md", "client.address")])
    for text in ("나래동 101의 1 방문", "나래동 101의1", "나래동 101 의 1"):
        assert [h.variant for h in index.find(text)] == [ADDRESS], text
    assert index.find("나래동 101의 10") == [] and index.find("나래동 1101의 1") == []


def test_a_flat_number_is_a_dong_and_a_ho_not_digits_of_other_numbers() -> None:
    """`103동 1401호` is a detail of its address also as a flat's number (`103-1401`, `103 1401`);
    its digits read through other numbers were taken for it too: a case page of a 10,000-case
    casebook saying `목표 달성 예정일 10-31 (401일 지남)` failed the build's audit, naming 12 clients of
    `103동 1401호`, on the day the goal was 401 days late."""
    from casekit.core.sensitive import ADDRESS

    index = SensitiveIndex([("가온구 다온로3길 18, 103동 1401호", "cases/a/01-intake.md", "client.address")])
    for text in ("103-1401", "103 1401", "103 - 1401", "103/1401", "103동 1401호", "1401호 방문"):
        assert [h.variant for h in index.find(text)] == [ADDRESS], text
    for text in ("목표 달성 예정일 10-31 (401일 지남 · 기한 지남)", "10 3 1401", "1031401", "1-031-401", "10.31.401"):
        assert index.find(text) == [], text


def test_the_clients_number_written_another_way_is_one_finding_not_two(sample: Path) -> None:
    """`010 0000 1001` (case 2026-0001's phone, spaced) gave both pii-phone and
    sensitive-variant-in-text at one column (found by a probe): the one naming whose number stays."""
    plan = sample / "cases/2026-0001/03-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n연락: 010 0000 1001\n연락2: 01000001001\n", encoding="utf-8")
    found = [f.code for f in check(sample).errors if f.path == "cases/2026-0001/03-plan.md"]
    assert found == ["sensitive-variant-in-text"] * 2, found


def test_a_latin_letter_touching_the_clients_number_hides_nothing(sample: Path) -> None:
    """`HP010-0000-1001`, `ID690721-1000000` (case 2026-0001's phone and resident number with a
    letter glued to them), in the text or an HTML attribute, passed check and were published (a
    probe): a letter was read as the edge of a longer id."""
    plan = sample / "cases/2026-0001/03-plan.md"
    planted = ["본인 연락처 HP010-0000-1001, 주민번호 ID690721-1000000 확인.", "TEL010-0000-1001", "010-0000-1001HP",
               "RRN6907211000000", "DOB1969-07-21", "나래동101-1B", '<h5 id="r010-0000-1001">상담</h5>',
               '<span class="p690721 x6907211000000">상담</span>', "[이동](#r010-0000-1001)"]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text + "".join(f"\n{line}\n" for line in planted), encoding="utf-8")
    first = text.count("\n") + 2
    found = [(f.line, f.code) for f in check(sample).errors if f.path == "cases/2026-0001/03-plan.md"]
    assert sorted({line for line, _ in found}) == [first + 2 * k for k in range(len(planted))], found
    assert len([line for line, _ in found if line == first]) == 2  # the phone and the resident number
    assert {code for _, code in found} == {"sensitive-in-text", "sensitive-variant-in-text"}


def test_the_clients_number_with_other_marks_between_its_groups_is_found(sample: Path) -> None:
    """Case 2026-0001's phone, birth date and lot written with other marks between their digit
    groups (`010=0000=1001`, `010→0000→1001`, `010&amp;0000&amp;1001`, `010x0000x1001`,
    `1969_07_21`, `7월 21일(1969년)`, `나래동 101;1`) or dialled from Korea (`0082-10-…`) passed
    check (the last a pii-account warning) and were published (a probe)."""
    plan = sample / "cases/2026-0001/03-plan.md"
    planted = [f"010{m}0000{m}1001" for m in ("=", "+", ";", "×", "→", "&amp;", "@", "…", "»", "&gt;", "%", "!", "$", "^",
                                               "?", "x", " o ", " = ")]
    planted += ["1969_07_21", "1969=07=21", "1969;07;21", "1969~07~21", "7월 21일(1969년)", "나래동 101=1", "나래동 101;1",
                "0082-10-0000-1001", "001 82 10 0000 1001"]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text + "".join(f"\n{line}\n" for line in planted), encoding="utf-8")
    first = text.count("\n") + 2
    found = [(f.line, f.code) for f in check(sample).findings if f.path == "cases/2026-0001/03-plan.md"]
    assert found == [(first + 2 * k, "sensitive-variant-in-text") for k in range(len(planted))], found


def test_digits_apart_in_a_sentence_are_no_value() -> None:
    """Marks join a number's digit groups; words do not, nor more than three marks in a row, nor a
    hex digit (a digest's letters)."""
    index = SensitiveIndex([("010-0000-1001", "cases/a/01-intake.md", "client.phone")])
    for text in ["010 고 0000 고 1001", "010번 버스로 0000번 1001", "010 ==== 0000 ==== 1001", "010a0000b1001",
                 "0100000100123", "1010=0000=1001", "010=0000=10012", "10082-10-0000-1001", "7월 21일, 10년 만에"]:
        assert index.find(text) == [], text


def test_the_given_name_of_a_vietnamese_client_is_found_in_her_own_records(sample: Path) -> None:
    """Case 2026-0013's client is 응우옌 티 린: `티린 씨가`, `린 씨는`, `티 린 씨` in her records passed
    check whole and were published (a probe). They are her given name: a warning in a body (the
    site masks it), an error in a front-matter value (published as written)."""
    record = sample / "cases/2026-0013/02-assessment.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "\n티린 씨가 말했다.\n\n린 씨는 아이를 데리러 갔다.\n\n티 린 씨와 통화함.\n", encoding="utf-8")
    first = text.count("\n") + 2
    findings = check(sample).findings
    found = [(f.line, f.code) for f in findings if f.path == "cases/2026-0013/02-assessment.md"]
    assert found == [(first, "given-name-in-text"), (first + 2, "given-name-in-text"), (first + 4, "given-name-in-text")]
    assert [f for f in findings if f.path != "cases/2026-0013/02-assessment.md"] == []  # (nothing new elsewhere)


def test_a_name_with_an_honorific_and_a_particle_glued_to_it_is_found() -> None:
    """박영수님과, 박 영 수님과, 영수씨가: 님 or 씨 and a particle after a name in its word (a probe's
    `박 영 수님과 통화함. 영수님이 말했다.` passed check and was published)."""
    from casekit.core.sensitive import GIVEN, SPACED

    index = SensitiveIndex([("박영수", "cases/c1/01-intake.md", "client.name")])
    for text, kind in (("박영수님과 통화함", "exact"), ("박 영 수님과 통화함", SPACED), ("박영수님께서 오심", "exact"),
                       ("영수님이 말했다", GIVEN), ("영수씨가 말했다", GIVEN), ("영수님께 드림", GIVEN)):
        hits = [h.variant for h in index.find(text, scope="cases/c1/")]
        assert hits == [kind], text
    for text in ("영수님들 가게", "영수씨름"):  # (a given name: more Hangul after the tail is another word)
        assert [h.variant for h in index.find(text, scope="cases/c1/")] == [], text


def test_a_given_name_with_a_kinship_title_or_ne_glued_to_it_is_found() -> None:
    """순자네, 순자씨네, 순자할머니, 순자언니 were published whole (an attacker's probe)."""
    from casekit.core.sensitive import GIVEN

    index = SensitiveIndex([("이순자", "cases/c1/01-intake.md", "client.name")])
    for text in ("순자네 집 방문", "순자씨네 방문", "순자할머니가 오심", "순자언니와 통화", "순자님네"):
        assert [h.variant for h in index.find(text, scope="cases/c1/")] == [GIVEN], text
    assert [h.variant for h in index.find("이순자할머니가 오심", scope="cases/c1/")] == ["exact"]


def test_a_given_name_with_the_words_a_case_note_glues_to_it_is_masked() -> None:
    """영수씨댁 방문, 영수님댁에서, 영수엄마가 (a child's mother named by the child), 영수에게는, 영수씨에게서
    were neither warned of nor masked in the client's own records (a probe: the tail after a name knew
    씨, 님, a few kinship words and one particle), and 민호씨댁, 민호엄마 in another's record or docs/ were
    published as written. Ordinary words stay: 영수증, 영수씨름, 영수님들, and 지원으로, 지원에 (a bare name
    takes a noun's particles only after a title)."""
    from casekit.core.sensitive import GIVEN

    index = SensitiveIndex([("박영수", "cases/c1/01-intake.md", "client.name"),
                            ("정민호", "cases/a/01-intake.md", "client.name"),
                            ("이지원", "cases/c1/01-intake.md", "household.0.name")])
    own = ("영수씨댁 방문", "영수님댁에서 면담", "영수씨집에 들름", "영수엄마가 전화함", "영수아빠와 통화", "영수동생이 옴",
           "영수에게는 어려움", "영수한테서 연락", "영수씨에게서 들음", "영수씨로부터", "영수네에서", "영수씨하고 같이",
           "영수씨처럼", "영수할머니에게는")
    for text in own:
        assert [h.variant for h in index.find(text, scope="cases/c1/")] == [GIVEN], text
        assert index.mask(text, markdown=False, scope="cases/c1/").startswith("○○"), text
    for text in ("민호씨댁 방문", "민호 씨에게서 들음", "민호엄마가 옴", "민호님댁에서", "민호 씨까지"):
        assert index.mask(text, markdown=False, scope="cases/b/").startswith("○○"), text
        assert index.mask(text, markdown=False, scope=None).startswith("○○"), text
    for text in ("영수증 제출", "영수씨름", "영수님들 가게", "영수씨집들이", "지원으로 해결", "지원에 대해", "지원하고 있음",
                 "지원센터장", "민호댁"):
        assert index.find(text, scope="cases/c1/" if not text.startswith("민호") else "cases/b/") == [], text


def test_a_given_name_escaped_in_a_link_or_an_attribute_is_masked() -> None:
    """`[자료](https://x.org/%EC%98%81%EC%88%98)`, `<span title="&#50689;수 씨">` and a punycode host were
    told by check to be masked on the site (it reads markup as the status bar and a tooltip show it) and
    were published as written: the status bar showed https://x.org/영수 (a probe)."""
    index = SensitiveIndex([("박영수", "cases/c1/01-intake.md", "client.name")])
    host = "xn--" + "영수".encode("punycode").decode("ascii")
    for text, masked in (("[자료](https://x.org/%EC%98%81%EC%88%98)", "[자료](https://x.org/○○)"),
                         ("[자료](https://x.org/?q=%EC%98%81%EC%88%98%20%EC%94%A8)", "[자료](https://x.org/?q=○○%20%EC%94%A8)"),
                         ("[자료](https://x.org/%EC%98%81수)", "[자료](https://x.org/○○)"),
                         ('<span title="&#50689;수 씨">메모</span>', '<span title="○○ 씨">메모</span>'),
                         ('<a href="https://x.org/&#xC601;&#xC218;">x</a>', '<a href="https://x.org/○○">x</a>'),
                         (f"[자료](https://{host}.example/)", "[자료](https://○○.example/)")):
        assert index.mask(text, scope="cases/c1/") == masked, text
    for text in ("[자료](https://x.org/%EC%98%81%EC%88%98%EC%A6%9D)",  # (영수증: a word)
                 "[자료](https://x.org/?a=1&amp;b=%20)", "[자료](https://x.org/%E0%A4%20x)",
                 '<span title="&#50689;수 씨">메모</span> <!-- casekit: name-ok -->'):
        assert index.mask(text, scope="cases/c1/") == text, text


def test_a_given_name_glued_or_escaped_is_masked_on_the_built_page(sample: Path) -> None:
    """end to end: what check warns of as given-name-in-text (masked on the site) is not on the page."""
    from casekit.site.build import build

    rel = "cases/2026-0001/04-intervention.md"
    lines = ["영수씨댁 방문.", "영수엄마가 옴.", "영수에게는 어려움.", "[자료](https://x.org/%EC%98%81%EC%88%98) 참고.",
             '<span title="&#50689;수 씨">메모</span>']
    record = sample / rel
    record.write_text(record.read_text(encoding="utf-8") + "\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    said = {f.line for f in check(sample).findings if f.path == rel and f.code == "given-name-in-text"}
    assert len(said) == len(lines), said
    site = sample.parent / "site"
    build(sample, site)
    page = (site / "cases/2026-0001/index.html").read_text(encoding="utf-8")
    assert "○○씨댁 방문" in page and "○○엄마가" in page and "https://x.org/○○" in page and 'title="○○ 씨"' in page
    for shown in ("영수씨댁", "영수엄마", "영수에게는", "%EC%98%81%EC%88%98", "&#50689;수"):
        assert shown not in page, shown


def test_a_name_in_a_docs_pages_front_matter_written_in_escapes_is_found(tmp_path: Path) -> None:
    """`title: "\\ubc15\\uc601\\uc218"` passed check (its text was read as written) and failed the
    build's audit (MkDocs publishes the title as YAML reads it: 박영수)."""
    other = [("intake", "2026-03-01", {"client": {"alias": "박○○", "name": "박영수"}})]
    root = make_casebook(tmp_path, {"c1": other})
    (root / "docs").mkdir()
    page = root / "docs/guide.md"
    page.write_text('---\ntitle: "\\ubc15\\uc601\\uc218"\n---\n# 안내\n', encoding="utf-8")
    assert [(p, line) for p, line, _, _ in leaks(root)] == [("docs/guide.md", 2)]
    page.write_text('---\ntitle: "박영수 안내"\n---\n# 안내\n', encoding="utf-8")  # (written as it reads: said once)
    assert [(p, line, col) for p, line, col, _ in leaks(root)] == [("docs/guide.md", 2, 9)]


NAMES = ["010-0000-1111.md", "010_0000_1111.md", "01000001111.md", "%EB%B0%95%EC%98%81%EC%88%98.md", "박영수_안내.md",
         "박-영-수.md", "park-690721", "park_690721", "park-69-07-21", "P690721", "690721park", "690721-1",
         "1969-07-21-상담", "가온구-나래동-101-1", "2026-0001", "S000421", "20261205-AB12", "guide.md", "영수.md",
         "img", "logo.png", "지윤.png", "지윤-주무관.md", "영수가-메모.md", "영수증.png"]


def test_check_refuses_a_file_or_folder_name_exactly_when_the_build_audit_does() -> None:
    """A name (a docs/ file or folder, a case folder: its id) is read by check as the audit reads it
    in the site's addresses and titles: an error of check where the audit refuses the site, and
    none where it does not (an id's six digits beside a letter, a given name inside a longer word:
    masked on a page). A given name as a word of its own or after a cue (`영수.md`, `지윤-주무관.md`)
    is in an address as written: refused by both."""
    index = SensitiveIndex([("박영수", "cases/a/01-intake.md", "client.name"),
                            ("한지윤 주무관", "resources/r.md", "contact_person"),
                            ("010-0000-1111", "cases/a/01-intake.md", "client.phone"),
                            ("1969-07-21", "cases/a/01-intake.md", "client.birth_date"),
                            ("690721-1000000", "cases/a/01-intake.md", "client.resident_number"),
                            ("가온구 나래동 101-1 2층", "cases/a/01-intake.md", "client.address"),
                            ("2000-04-21", "cases/b/01-intake.md", "client.birth_date")])
    for rel in [f"docs/{n}" for n in NAMES] + [f"docs/img/{n}" for n in NAMES] + [f"cases/{n}" for n in NAMES]:
        refused = bool(_scan_name(rel, Scanner(index)))
        errors = [f for f in scan_name(index, rel) if f.severity == "error"]
        assert bool(errors) == refused, (rel, refused, [f.message_en for f in errors])
        assert all(f.path == rel and f.line is None for f in errors)
        assert len({f.message_en.split(";")[0] for f in errors}) == len(errors)  # (a value once)
    assert not scan_name(index, "cases/2026-0001") and not scan_name(index, "cases/S000421")
    assert [f.code for f in scan_name(index, "docs/영수.md")] == ["given-name-in-name"]
    assert [f.code for f in scan_name(index, "docs/img/지윤-주무관.md")] == ["given-name-in-name"]
    assert [f.code for f in scan_name(index, "docs/영수가-메모.md")] == ["given-name-in-text"]  # (a warning)
    assert scan_name(index, "docs/영수증.png") == []


def test_a_value_split_by_exclamation_marks_or_pictographs_is_found_and_masked() -> None:
    """`영!!희`, `영🙂희`, `영※희` (the client's given name) passed check and the mask: `!`, `?`, `※` and
    pictographs were no separator, though a reader reads the name through them (a probe). So did a
    phone written 010!0000!1001. More than three marks in a row still join nothing."""
    index = SensitiveIndex([("이영희", "cases/b/01-intake.md", "client.name"),
                            ("010-0000-1001", "cases/a/01-intake.md", "client.phone")])
    for text in ["영!!희 씨와 면담", "영🙂희 메모", "영※희 메모", "영?희"]:
        assert [h.variant for h in index.find(text, scope="cases/b/")] == ["given-name"], text
        assert "영" not in index.mask(text, markdown=False, scope="cases/b/"), text
    assert [h.variant for h in index.find("연락처 010!0000!1001")] == ["number"]
    assert index.find("010 !!!! 0000 !!!! 1001") == []
    assert index.find("정말요!! 희망을 가져요") == []  # (요 is no given name's first syllable: no name starts there)


@pytest.mark.parametrize("mask", ["○", "◯", "●", "◎", "□", "■", "△", "☆", "★", "⬤", "🔴", "×"])
def test_a_name_masked_with_a_shape_is_no_given_name(mask: str) -> None:
    """An alias masks the given name (한○종 for 한한종): the shapes a mask is typed with are no
    separators, or 한○종 would read as the given name 한종 (the bench's casebook, 8 errors)."""
    index = SensitiveIndex([("한한종", "cases/b/01-intake.md", "client.name")])
    assert index.find(f"한{mask}종 님", scope="cases/b/") == [], mask


def test_another_cases_or_a_contacts_given_name_counts_where_a_cue_marks_a_person() -> None:
    """`민호 씨와 통화함` in another client's record and `지윤 주무관에게` (the contact 한지윤 주무관's
    given name) passed check and were published: a given name counted in its own case only, a
    contact's nowhere. In any text now, a given name of any client or contact counts where Korean marks
    it as a person's (an honorific, a kinship word, a title, 이가 after a final consonant), never as a
    bare word (지원, 영수증) nor where a title glued to it makes a department's (지원팀장)."""
    from casekit.core.sensitive import GIVEN

    index = SensitiveIndex([("정민호", "cases/a/01-intake.md", "client.name"),
                            ("이지원", "cases/c/01-intake.md", "client.name"),
                            ("박영수", "cases/d/01-intake.md", "client.name"),
                            ("한지윤 주무관", "resources/r.md", "contact_person")])
    for text, source in (("민호 씨와 통화함", "cases/a/01-intake.md"), ("민호씨가 말함", "cases/a/01-intake.md"),
                         ("지윤 주무관에게 연락함", "resources/r.md"), ("지윤이가 알려 줌", "resources/r.md"),
                         ("영수 할아버지께서", "cases/d/01-intake.md"), ("지원 팀장과 협의", "cases/c/01-intake.md"),
                         ("민 호 님께", "cases/a/01-intake.md"), ("(영수 어르신)", "cases/d/01-intake.md")):
        for scope in ("cases/b/", "resources/other.md", None):
            hits = index.find(text, scope=scope)
            assert [(h.variant, sorted(h.sources)) for h in hits] == [(GIVEN, [(source, hits[0].field)])], (text, scope)
        assert text[hits[0].start] not in index.mask(text, markdown=False, scope="cases/b/"), text
    for text in ("지원이 필요함", "지원팀장에게 보고", "지원센터장", "지원을 받음", "영수증 제출", "민호가 왔다",
                 "김민호 씨", "영수님들 가게", "영수씨름", "지윤 선생님들이", "지원군", "지원형 일자리", "결정 이의 신청"):
        assert index.find(text, scope="cases/b/") == [], text
    assert index.mask("민호 씨와 통화함 <!-- casekit: name-ok -->", scope="cases/b/").startswith("민호")


def test_another_cases_given_name_is_found_by_check_and_masked_by_the_build(sample: Path) -> None:
    """end to end, in the sample: case 2026-0003's client is 정민호, the contact of
    naraedong-welfare-team 한지윤 주무관. In a record of case 2026-0012 their given names after a
    cue are a warning in the body (masked on the page) and an error in a front-matter value
    (published as written); the sample itself holds none."""
    assert [f for f in check(sample).findings if "given-name" in f.code] == []
    rel = "cases/2026-0012/02-assessment.md"
    record = sample / rel
    text = record.read_text(encoding="utf-8")
    said = "전기요금 체납 해결이 가장 급하다."
    text = text.replace(said, said + " 민호 씨와 통화함. 지윤 주무관에게 연락함.", 1)
    lines = text.split("\n")
    line = next(i for i, t in enumerate(lines) if "민호 씨" in t) + 1
    record.write_text(text.replace('  - "경로당 친구들"', '  - "경로당 친구들"\n  - "민호 씨"', 1), encoding="utf-8")
    found = [(f.line, f.column, f.code, f.severity) for f in check(sample).findings if f.path == rel]
    field_line = text.split("\n").index('  - "경로당 친구들"') + 2
    body_line = line + 1  # (the line of the field added above it)
    column = lines[line - 1].index("민호") + 1
    assert found == [(field_line, 6, "given-name-in-field", "error"),
                     (body_line, column, "given-name-in-text", "warning"),
                     (body_line, lines[line - 1].index("지윤") + 1, "given-name-in-text", "warning")], found
    messages = [f.message_ko for f in check(sample).findings if f.path == rel]
    assert "클라이언트 실명" in messages[1] and "자원 담당자 이름" in messages[2]
    record.write_text(text, encoding="utf-8")  # (the field taken out: the build is not refused)
    from casekit.site.build import build

    site = sample.parent / "site"
    build(sample, site)
    page = (site / "cases/2026-0012/index.html").read_text(encoding="utf-8")
    assert "○○ 씨와 통화함" in page and "○○ 주무관에게" in page
    published = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".xml")
                 and ("민호 씨" in (t := p.read_text(encoding="utf-8", errors="replace")) or "지윤 주무관" in t)]
    assert published == []


PLANTED_IN = "cases/2026-0002/04-intervention.md"  # a record of another case than 2026-0001, whose values are planted


def _planted_errors(sample: Path, planted: list[str]) -> tuple[int, list[Finding]]:
    """Each line of `planted` appended to PLANTED_IN of the sample, a blank line before each: the line
    the first stands on, and check's errors in that record."""
    record = sample / PLANTED_IN
    text = record.read_text(encoding="utf-8")
    record.write_text(text + "".join(f"\n{line}\n" for line in planted), encoding="utf-8")
    return text.count("\n") + 2, [f for f in check(sample).errors if f.path == PLANTED_IN]


def test_a_value_spelled_across_a_struck_character_is_found_at_its_start(sample: Path) -> None:
    """박<del>가</del>영수 and 010-<s>9</s>0000-1001 (case 2026-0001's client name and phone, a struck
    character in them) in another case's record passed check and were published: a reader reads
    straight through the struck character (a probe). So with ~~가~~ and <strike>. Found at the
    value's start, once, and a value written whole beside a struck text is said once too."""
    planted = ["S1 박<del>가</del>영수 씨 면담.", "S2 010-<s>9</s>0000-1001 번호.", "S3 박~~가~~영수 씨.",
               "S4 박<strike>가</strike>영수.", "S5 박<DEL class=x><b>가</b></DEL>영수.", "S6 박영수 씨 ~~x~~ 평문.",
               "S7 <del>가</del>나 ~~다~~ 라."]
    first, errors = _planted_errors(sample, planted)
    found = [(f.line, f.column) for f in errors]
    assert found == [(first + 2 * k, 4) for k in range(len(planted) - 1)], found


def test_a_given_name_spelled_across_a_struck_character_is_masked_the_struck_one_kept() -> None:
    index = SensitiveIndex([("박영수", "cases/c1/01-intake.md", "client.name")])
    assert index.mask("영<del>가</del>수 씨 방문", scope="cases/c1/") == "○<del>가</del>○ 씨 방문"
    assert index.mask("영~~가~~수 씨 방문", scope="cases/c1/") == "○~~가~~○ 씨 방문"
    assert index.mask("영<s>가</s>수 씨 <!-- casekit: name-ok -->", scope="cases/c1/") == \
        "영<s>가</s>수 씨 <!-- casekit: name-ok -->"
    assert index.mask("<del>가</del>나 영수 씨", scope="cases/c1/") == "<del>가</del>나 ○○ 씨"


def test_an_s_left_open_strikes_on_into_the_next_paragraphs(sample: Path) -> None:
    """<s> and <strike> are formatting elements: left open at a paragraph's end, a browser opens them
    again in the paragraphs after it until they are closed, so 박<s>가⏎⏎나</s>영수 shows 박, then 영수 with
    가 and 나 struck (a probe: check said nothing; it read 나 as shown). A <del> ends with its paragraph:
    박<del>가⏎⏎나</del>영수 shows 나영수."""
    planted = ["박<s>가\n\n나</s>영수 씨 면담.", "010-0000-<s>9\n\n9</s>1001 번호.", "박<del>가\n\n나</del>영수 씨."]
    first, errors = _planted_errors(sample, planted)
    found = [(f.line, f.column) for f in errors]
    assert found == [(first, 1), (first + 4, 1)], found


def test_unstruck_keeps_the_paragraphs_an_open_s_strikes_across_apart() -> None:
    read = unstruck("박<s>가\n\n나</s>영수")
    assert read is not None and read[0] == "박\n\n영수"
    assert [unstruck_offset(read[1], k) for k in range(len(read[0]))] == [0, 5, 6, 12, 13]
    assert unstruck("박<del>가\n\n나</del>영수") == ("박\n\n나</del>영수", [(0, 0), (1, 7)])
    assert unstruck("박<del>가</s>영수</del>.") == ("박.", [(0, 0), (1, 19)])  # (</s> closes no <del>)
    assert unstruck("x<s><s><s><s>a\n\nb</s></s></s>c")[0] == "x\n\nc"  # (three of a kind opened again)


def test_a_tilde_run_that_strikes_nothing_does_not_hide_a_value_struck_after_it(sample: Path) -> None:
    """A `~~` with a space after it opens no strike (pymdownx.tilde), nor one a paragraph before it left
    open: `정리~~ 이웃 박~~가~~영수` shows 박, 가 struck, 영수, and was read with 박 and 영수 struck (the
    first ~~ taken to open): check said nothing of 2026-0001's client's name and phone."""
    planted = ["메모 ~~지난 내용\n\n정리~~ 이웃 박~~가~~영수 씨.", "전화 b~~ 010-~~9~~0000-1001 확인."]
    first, errors = _planted_errors(sample, planted)
    found = [(f.line, f.column, f.code) for f in errors]
    assert found == [(first + 2, 9, "sensitive-in-text"), (first + 4, 8, "sensitive-in-text")], found


def test_unstruck_pairs_tilde_runs_as_the_page_draws_them() -> None:
    assert unstruck("정리~~ 박~~가~~영수")[0] == "정리~~ 박영수"  # (a space after it: opens nothing)
    assert unstruck("x ~~a 박영수") is None  # (none closes it: drawn as it is, nothing struck)
    assert unstruck("010-0000-~~ 메모 ~~1001~~")[0] == "010-0000-~~ 메모 "  # (was read 010-0000-1001)
    assert unstruck("~~a\n\nb~~ c ~~d~~ e")[0] == "~~a\n\nb~~ c  e"  # (~~ pairs within a paragraph)
    assert unstruck("a ~~b\nc~~ d")[0] == "a  d"  # (across a soft line break: the same paragraph)


def test_a_value_drawn_right_to_left_across_a_struck_character_is_found(sample: Path) -> None:
    """U+200F before 1001_0000_010 draws it 010_0000_1001 (case 2026-0001's client's phone); with a struck
    character in it (1001_0000_<s>9</s>010) the text read without the strike was not read as drawn: check
    said nothing, and the site's audit refused the build. Said once, where the value is drawn from."""
    planted = ["\u200f1001_0000_<s>9</s>010 번호.", "메모 \u200f1001_<s>9</s>0000_010", "\u200f1001_0000_010 <s>x</s> 번호."]
    first, errors = _planted_errors(sample, planted)
    found = [(f.line, f.column, f.code) for f in errors]
    assert found == [(first, 2, "sensitive-variant-in-text"), (first + 2, 5, "sensitive-variant-in-text"),
                     (first + 4, 2, "sensitive-variant-in-text")], found
