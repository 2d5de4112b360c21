"""Korean search: verb forms meet, a long page's snippets hold its words, every match is reachable.

Real builds of the sample casebook and real Chromium (tests/browser_support.py); the term
cutting of the worker (JavaScript) is held equal to casekit.site.search_ko (Python) on every word
the sample site shows.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest

from casekit.site import search_ko
from casekit.site.search_index import (
    MAX_MONTHS,
    MAX_SENTENCES,
    SHARD_DIR,
    index_files,
    kept,
    page_of,
    read_page,
    sentences,
    shard_of,
    weighed,
)
from tests.browser_support import (  # noqa: F401  (browser, built_site, served_site are fixtures)
    RESULT_ITEM,
    SNIPPET_JS,
    browser,
    built_site,
    open_context,
    search,
    served_site,
    site_path,
)

ROOT = Path(__file__).resolve().parent.parent

NEW_YEAR = dt.date(2026, 1, 1)  # the reader's day the worker and Python are both given (relative dates)

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def _key(word: str) -> str | None:
    return search_ko.lemma(search_ko.stem(word))


# --------------------------------------------------------------------------------------------
# Terms, without a browser


@pytest.mark.parametrize(
    ("forms", "key"),
    [
        ("어렵다 어렵고 어려움 어려운 어려워 어려워요 어려웠다 어려워한다 어려워짐 어려워져서 어려우면", "어렵다"),
        ("쉽다 쉬워 쉬워서 쉬웠다", "쉽다"),
        ("고맙다 고마워 고마움 고마웠다 고마워요", "고맙다"),
        ("무섭다 무서워 무서움 무서워한다", "무섭다"),
        ("반갑다 반가워 반가움 반가웠다", "반갑다"),
        ("끊겼다 끊기고 끊겨서 끊겼음", "끊기다"),
        ("모르다 몰라 몰라서 몰랐다 몰라요", "모르다"),
        ("바쁘다 바빠 바빠서 바빴다 바빠요", "바쁘다"),
        ("아프다 아파 아파서 아팠다", "아프다"),
        ("보이다 보였다 보여서", "보이다"),
        # the noun and adnominal forms: after a closed stem (음, 은, 는), and fused to the 리, 기, 히
        # of a passive or causative stem (밀린, 밀림, 밀려)
        ("끊다 끊었다 끊었고 끊음 끊은 끊는", "끊다"),
        ("없다 없음 없는 없었다", "없다"),
        ("밀리다 밀렸어요 밀렸다 밀린 밀림 밀려 밀려서", "밀리다"),
        ("끊기다 끊겨 끊긴 끊김", "끊기다"),
        ("얽히다 얽혀 얽힌", "얽히다"),
        # the noun form of an open stem, as records are written (술을 마심, 병원에 다님)
        ("마시다 마셔요 마셨다 마심 마심을", "마시다"),
        ("다니다 다녀요 다녔다 다님", "다니다"),
        ("느끼다 느껴요 느꼈다 느낌", "느끼다"),
        ("그리다 그려요 그렸다 그림", "그리다"),
        ("돕다 도와 도와요 도왔다 도움", "돕다"),
        # 오+아 fused (나와): 오다 after a stem, not ㅂ (only 돕다 and 곱다 take 와 for ㅂ)
        ("나오다 나와 나와서 나왔다 나옴 나오고", "나오다"),
        ("돌아오다 돌아와서 돌아왔다 돌아옴", "돌아오다"),
        ("찾아오다 찾아왔다 찾아왔음 찾아옴", "찾아오다"),
        ("힘들다 힘들어요 힘들었다 힘듦", "힘들다"),
        ("아프다 아파요 아픔", "아프다"),
        ("기쁘다 기뻐요 기쁨", "기쁘다"),
        ("모이다 모였다 모임", "모이다"),
        # 우+어 and 오+아 fused (미뤄, 돌봐), and the stems ending in ㅐ or ㅔ (지내요)
        ("미루다 미뤄요 미뤘다 미룸", "미루다"),
        ("나누다 나눠요 나눴다 나눔", "나누다"),
        ("돌봐요 돌봤다 돌봄", "돌보다"),
        ("지내다 지내요 지냈다 지냄", "지내다"),
        ("보내다 보내요 보냈다 보냄", "보내다"),
        # one-syllable stems: the stem as it is (가요 is 가다, not 그다), 으 dropped only after 써 커 꺼 떠
        ("가다 가요 갔다 갔어요 가서", "가다"),
        ("자다 자요 잤다", "자다"),
        ("오다 와요 왔다 와서", "오다"),
        ("보다 봐요 봤다", "보다"),
        ("주다 줘요 줬다", "주다"),
        ("사다 사요 샀다", "사다"),
        ("서다 서요 섰다", "서다"),
        ("쓰다 써요 썼다", "쓰다"),
        ("크다 커요 컸다", "크다"),
        ("있다 있어요 있었다", "있다"),
        # a one-syllable stem closed by a consonant, with 고, 지 or 게 (not ㄴ, ㅁ, ㅇ: 신고, 참고, 창고)
        ("먹다 먹고 먹지 먹게 먹음 먹었다", "먹다"),
        ("찾다 찾고 찾지 찾음 찾았다 찾아요", "찾다"),
        ("받다 받고 받지 받게 받음 받았다", "받다"),
        ("맞다 맞지 맞아요 맞았다", "맞다"),
        ("살다 살고 살지 살았다 살아요", "살다"),
        # the noun form of a longer open stem meets its other endings
        ("버티다 버티고 버티며 버팀 버텼다", "버티다"),
        # after ㅏ or ㅓ too (whatever the key spells: every form meets it; 만나 reads like 바빠)
        ("만나다 만나요 만났다 만나서 만남", "만느다"),
        ("떠나다 떠나요 떠났다 떠남", "떠느다"),
        ("모자라다 모자라요 모자랐다 모자람", "모자르다"),
        ("찾아가다 찾아가서 찾아갔다 찾아감", "찾아그다"),
        # 어/아 left apart after an open stem (나누어, 주었다) as fused (나눠, 줬다)
        ("나누어서 나누었다 나눠요 나눔", "나누다"),
        ("주어서 주었다 줬다", "주다"),
        ("바뀌다 바뀌어서 바뀌었다 바뀜", "바뀌다"),
        # the present ㄴ다 after an open stem, 는다 after a closed one (narrative records: 경로당에 다닌다)
        ("다닌다 다님 다녀요", "다니다"),
        ("지낸다 지냄 지내요", "지내다"),
        ("먹는다 먹음 먹었다", "먹다"),
        ("밀린다 밀린 밀렸다", "밀리다"),
        # a one-syllable word and 하다 (no light verb is cut: one syllable would stay)
        ("원해요 원했다 원하고 원함", "원하다"),
        ("심해요 심했다 심해서 심함", "심하다"),
        # 치다's ㅊ as 기, 리, 히 (a search probe: 다쳤던, 다침 found "다쳤고" but not "남편이 다쳐", "다친 뒤로")
        ("다쳐 다친 다침 다쳤던 다쳤고 다쳐서", "다치다"),
        ("고쳐 고친 고침 고쳤던", "고치다"),
        # 던 after the past's 었 (먹었던: 었 then 던)
        ("먹었던 먹었다 먹음", "먹다"),
    ],
)
def test_forms_of_one_verb_meet_on_one_key(forms: str, key: str) -> None:
    for form in forms.split():
        assert _key(form) == key, form
        assert key in search_ko.terms(form), form


@pytest.mark.parametrize(("forms", "key"), [
    ("놀라다 놀라요 놀랐다 놀람", "놀르다"),  # a stem in ㄹ라 (놀라다): its noun form in ㄹ람
    ("모르다 몰라요 몰랐다 모름 모르고", "모르다"),  # a 르 verb: 름, never ㄹ람
    ("흐르다 흘러 흘렀다 흐름", "흐르다"),
])
def test_a_stem_in_rieul_ra_and_a_reu_verb_each_meet_their_own_noun_form(forms: str, key: str) -> None:
    """A tester: `열람 제한` (access restricted) listed the page of "여름 침수" (summer), 여름 marked: 열람
    was read as the noun form of a 르 verb (몰라 -> 모르다), 여르다, the key of 여름 (여르 + ㅁ). A 르 verb's
    noun form is 름 (모름, 흐름); ㄹ람 is the noun form of a stem in ㄹ라 (놀람, 놀라다) or a noun (열람):
    a form in ㄹ라 has both keys, a noun in ㄹ람 only its own."""
    for form in forms.split():
        assert key in search_ko.terms(form), (form, search_ko.terms(form))
    for typed, written in (("열람", "여름 침수가 걱정됨"), ("여름", "기록 열람 제한"), ("열람을", "여름에")):
        have = set(search_ko.terms(written))
        assert not any(set(g) <= have for _, gs in search_ko.query_groups(typed) for g in gs), (typed, written)
    assert any(set(g) <= set(search_ko.terms("기록을 열람함")) for _, gs in search_ko.query_groups("열람") for g in gs)


@pytest.mark.parametrize(("typed", "written", "meets"), [
    # 열라고 (telling to open): 열다's 라고, not a 르 verb's 라 and 고 (여르다, the key of 여름)
    ("열라고", "문을 열었다", True), ("열었다", "문을 열라고 했다", True), ("열라고", "여름 침수가 걱정됨", False),
    ("여름", "문을 열라고 했다", False), ("놀라고", "소리에 놀람", True),
    # 놀라 (surprised): 놀라다's forms, not 놀러 (놀다, to play), which a 르 verb would spell 놀라
    ("놀라", "아이가 놀랐다", True), ("놀라", "소리에 놀라서 울었다", True), ("놀라", "놀람이 컸다", True),
    ("놀라", "친구와 놀러 갔다", False), ("놀랐다", "친구와 놀러 갔다", False), ("놀러", "아이가 놀랐다", False),
    ("몰라", "모름", True), ("불러", "이름을 불렀다", True), ("흘러", "흐름", True),
    # 오라고, 가라고, 먹으라고 (told to come, go, eat): the imperative's 라 and 고, 오다's, not 오르다's (올라)
    ("오라고", "월세가 올랐다", False), ("오라고", "집에 왔다", True), ("가라고", "병원에 갔다", True),
    ("가라고", "땅을 갈라 놓았다", False), ("먹으라고", "약을 먹었다", True), ("먹었다", "약을 먹으라고 했다", True),
    ("왔다", "집에 오라고 했다", True), ("올랐다", "집에 오라고 했다", False), ("가라며", "병원에 갔다", True),
    ("받으라는", "치료를 받았다", True), ("열라는", "문을 열었다", True), ("열라며", "문을 열었다", True),
    ("올라", "월세가 올랐다", True), ("골라", "옷을 고르고", True), ("모자라고", "돈이 모자라요", True),
    # 바라고, 자라고 (hoping, growing) are 바라다's and 자라다's too, as 바라요, 자랐다 (자다: told to sleep)
    ("바라고", "지원을 바라요", True), ("바라요", "지원을 바라고 있다", True), ("바라고", "도움을 바랐다", True),
    ("자라고", "아이가 잘 자랐다", True), ("자라고", "일찍 잤다", True),
    # 놀란 (surprised, the adnominal past): 놀라다's, as 놀라 and 놀람
    ("놀란", "아이가 놀랐다", True), ("놀란", "소리에 놀라서 울었다", True), ("놀라", "놀란 아이", True),
    ("놀란", "친구와 놀러 갔다", False), ("놀란", "모른다", False),
])
def test_a_form_no_reu_verb_has_is_not_read_as_one(typed: str, written: str, meets: bool) -> None:
    """A probe: `열라고` (telling to open) found the page of "여름 침수" (summer) and not that of "열었다", and
    `놀라` (surprised) the page of "놀러 갔다" (went to play): a form in ㄹ라 or ㄹ러 was read as a 르 verb's
    (몰라 -> 모르다) whatever followed it and whatever vowel stood before, 열라고 as 여르다 and 고, 놀러 as 노르다.
    A 르 verb's 라 follows ㅏ or ㅗ and 러 any other vowel (몰라, 불러), and only an 아/어 ending or the
    past follows it (몰라서, 몰랐다; 고 joins the stem: 모르고): 열라고 is 열다's (or a verb in ㄹ라's: 놀라고).
    Then `오라고` (told to come) found "월세가 올랐다": 오라 read as 올라 is, 오르다; an imperative's 라 and 고,
    라는, 라며 after an open stem or 으 is that verb's (오다, 가다, 먹다), and 놀란 (surprised) is 놀라다's."""
    assert _meets(typed, written) is meets, (search_ko.query_groups(typed), search_ko.terms(written))


@pytest.mark.parametrize(("written", "typed"), [
    ("다님", "다니세요"), ("병원에 다님", "병원에 다니셨어요"), ("식사를 거름", "식사를 거르세요"),
    ("치료를 받음", "치료 받으셨어요"), ("다리가 아픔", "다리가 아프세요"), ("몸이 편찮음", "편찮으세요"),
    ("생활이 어려움", "어려우세요"), ("도움을 원함", "원하세요"), ("지원을 거부함", "거부하셨어요"),
    ("혼자 지냄", "혼자 지내세요"), ("병원에 다니심", "다녀요"), ("병원에 다니셨다", "다님"), ("집에 계심", "계세요"),
    ("약을 드심", "드세요"), ("이용을 원함", "원해요"), ("원했다", "원하고"),
    # a stem in ㄹ drops it before 시: 사세요, 힘드셨다 are 살다, 힘들다
    ("혼자 살고 있음", "혼자 사세요"), ("많이 힘들어함", "많이 힘드셨어요"), ("사정을 알고 있음", "사정을 아세요"),
])
def test_a_verb_typed_with_the_si_of_respect_meets_the_record(written: str, typed: str) -> None:
    """Workers and families speak of an elder with the 시 of respect (병원에 다니세요, 받으셨어요,
    거부하셨어요); records write 다님, 받음, 거부함, or 다니심 themselves: each meets the other."""
    have = set(search_ko.terms(written))
    for word, groups in search_ko.query_groups(typed):
        assert any(set(g) <= have for g in groups), (word, groups, sorted(have))


@pytest.mark.parametrize(("written", "typed"), [
    ("병원에 다님", "병원 다니는"), ("교회에 다니며", "다니는 교회"), ("혼자 살고 있음", "혼자 사는 어르신"),
    ("생활이 힘들어함", "힘든 생활"), ("다리가 아파서", "아픈 다리"), ("일을 그만둠", "그만두는 일"),
    ("이웃과 지냄", "지내는 이웃"), ("자녀 돌봄", "돌보는 자녀"), ("식사를 거름", "거르는 식사"),
    ("가정방문함", "가정방문하는"), ("기관에 연결됨", "연결되는 기관"), ("방문했다", "방문할 예정"),
    ("혼자 산다", "혼자 살아요"), ("경로당에 다닌다", "경로당 다니는"), ("혼자 산다", "혼자 사는"),
])
def test_an_adnominal_form_typed_meets_the_verbs_other_forms(written: str, typed: str) -> None:
    """People describe with the adnominal form (혼자 사는 어르신, 병원 다니는, 힘든 생활); records write
    다님, 살고, 힘들어함. The verb's key is looked for (with ㄹ put back: 사는 is 살다), and a light verb
    with 는 or ㄹ (방문하는, 방문할) is cut as 방문함 is."""
    have = set(search_ko.terms(written))
    for word, groups in search_ko.query_groups(typed):
        if word not in ("어르신", "예정"):
            assert any(set(g) <= have for g in groups), (word, groups, sorted(have))
    assert search_ko.adnominal_keys("아이는") == ("아이다", "아일다")  # (a query's only: no page holds them)
    assert search_ko.adnominal_keys("먹는") == () and search_ko.adnominal_keys("사례") == ()
    assert search_ko.adnominal_keys("방문") == search_ko.adnominal_keys("노인") == ()  # (nouns in ㄴ)


@pytest.mark.parametrize("noun", ["관심", "점심", "의심", "중심", "안심"])
def test_a_noun_in_sim_is_no_form_of_respect(noun: str) -> None:
    """관심, 점심 end in 심 as 가심 does: they get no key of a verb without 시 (관다, 점다)."""
    assert search_ko.lemma(search_ko.stem(noun), honorific=True) is None


@pytest.mark.parametrize(("forms", "key"), [
    ("힘들다 힘들어요 힘들어함 힘들어해요 힘들어했다 힘듦", "힘들다"),
    ("싫다 싫어요 싫어함 싫어해요 싫어했음", "싫다"),
    ("좋다 좋아요 좋아함 좋아해서", "좋다"),
    ("귀찮다 귀찮아요 귀찮아함", "귀찮다"),
])
def test_a_feeling_with_a_light_verb_meets_the_adjective(forms: str, key: str) -> None:
    """힘들어함, 싫어해요 (어/아 and a light verb after a closed stem, as records and queries say a
    client's feeling) meet 힘들어요, 싫다; a noun ending in 어 with no light verb gets no key."""
    for form in forms.split():
        assert key in search_ko.terms(form), form
    for noun in ("단어", "영어를", "한국어", "언어"):
        assert [t for t in search_ko.terms(noun) if t.endswith("다")] == [], noun


@pytest.mark.parametrize("noun", ["사례회의", "자녀", "마음", "사고", "보고서", "계약서", "할머니", "서울", "겨울",
                                  "사회복지사", "주거지원을", "정신건강복지센터에서", "아이", "피해", "기한",
                                  "노인", "본인", "임대인", "참여", "급여", "주민", "처음", "신고", "참고", "창고",
                                  "광고", "보고", "가게", "통지", "잔고"])
def test_nouns_get_no_verb_key(noun: str) -> None:
    assert _key(noun) is None


@pytest.mark.parametrize("noun", ["상담", "점검", "강점", "사람", "위험", "부담", "경험", "불안감", "마감"])
def test_a_noun_read_as_a_noun_form_meets_only_its_own_forms(noun: str) -> None:
    """A noun in ㅁ after ㅏ or ㅓ (상담, 점검, 사람) is read as a verb's noun form too, like 만남: its
    key is one the other words of the sample site's pages do not have, unless they are the noun
    itself with a particle or a light verb (상담을, 상담하였음)."""
    key = _key(noun)
    assert key is not None and len(key) >= 3, noun
    others = {w for w in _sample_words() if key in search_ko.terms(w)}
    assert {search_ko.stem(w) for w in others} <= {noun}, others


@functools.lru_cache(maxsize=1)
def _sample_words() -> frozenset[str]:
    words: set[str] = set()
    for md in (ROOT / "cases").rglob("*.md"):
        words |= set(search_ko.words(md.read_text(encoding="utf-8")))
    return frozenset(words)


@pytest.mark.parametrize(("typed", "written"), [
    ("주민센터에", "가온동 행정복지센터 방문"), ("동사무소", "행정복지센터에서"), ("정신보건센터", "정신건강복지센터"),
    ("건강가정지원센터", "가족센터"), ("의료보호", "의료급여"), ("기초수급", "기초생활수급"), ("긴급복지", "긴급지원"),
    ("긴급지원", "긴급복지지원"), ("노인돌봄", "노인맞춤돌봄서비스"), ("지역자활센터", "자활센터"), ("아보전", "아동보호전문기관"),
    ("국취", "국민취업지원제도 상담"), ("취성패", "국민취업지원 참여"), ("맞복팀", "맞춤형복지팀 연계"),
    ("행복센터", "행정복지센터"), ("건가센터", "가족센터"), ("희복단", "희망복지지원단"), ("히키코모리", "고립·은둔 청년"),
])
def test_an_office_or_service_typed_by_another_name_meets_the_records_name(typed: str, written: str) -> None:
    """동사무소 became 주민센터, then 행정복지센터; workers say 기초수급 for 기초생활수급: a query word
    that is one name of an office or a service also looks for its other names (the index is the same)."""
    have = set(search_ko.terms(written))
    for word, groups in search_ko.query_groups(typed):
        assert any(set(g) <= have for g in groups), (word, groups, sorted(have))
    assert not any(set(g) <= set(search_ko.terms("가온종합사회복지관 상담")) for _, gs in search_ko.query_groups(typed)
                   for g in gs[1:]), typed  # (the other names look for themselves, not for any 센터)


def test_each_name_of_an_office_is_in_one_group_only() -> None:
    """A name in two groups of SERVICE_NAMES would look for the second group's names only (ALIASES
    is keyed by each name's stem: the later group's entry replaces the first's)."""
    stems = [search_ko.stem(name) for names in search_ko.SERVICE_NAMES for name in names]
    assert len(stems) == len(set(stems))


@pytest.mark.parametrize(("typed", "written"), [
    ("남편이", "배우자 사별 뒤"), ("할머니", "어르신 댁 방문"), ("빚", "채무 독촉 전화"), ("집주인이", "임대인과 협의"),
    ("애들", "자녀 두 명"), ("배우자", "남편이 다쳐서"), ("술을", "음주 문제"), ("부채", "빚 때문에"),
    ("손자와", "조손 가구(할머니와 둘이 삶)"), ("아빠가", "아버지 병원 동행"), ("엄마랑", "어머니와 상담"),
])
def test_an_everyday_word_meets_the_practices_word(typed: str, written: str) -> None:
    """남편 사별한 할머니 typed, 배우자 사별 … 어르신 written (a search probe found the case third):
    a word of EVERYDAY_WORDS also looks for the words a record writes for it."""
    have = set(search_ko.terms(written))
    [(_, groups)] = search_ko.query_groups(typed)
    assert not set(groups[0]) <= have and any(set(g) <= have for g in groups), (groups, sorted(have))


@pytest.mark.parametrize(("typed", "written"), [("남편", "아내와 통화"), ("아들", "딸이 방문"), ("어르신", "할머니가")])
def test_an_everyday_word_looks_one_way_only(typed: str, written: str) -> None:
    """남편 finds 배우자, never 아내; 어르신 finds 노인, not every 할머니 (a name for a kin, not a synonym)."""
    have = set(search_ko.terms(written))
    [(_, groups)] = search_ko.query_groups(typed)
    assert not any(set(g) <= have for g in groups), (groups, sorted(have))


@pytest.mark.parametrize(("typed", "written"), [
    ("애도상담", "애도 상담을 받았어요"), ("은둔청년", "고립·은둔 청년으로"), ("주거지원을", "주거 지원 신청"),
    ("정신건강복지센터", "정신 건강 복지 센터"), ("자살예방", "자살 예방 교육"),
    ("복지센터", "복지 센터"),
])
def test_a_compound_typed_joined_meets_it_written_apart(typed: str, written: str) -> None:
    """Korean compounds are written joined or apart (애도상담, 애도 상담): typed apart, each part is
    a word of the query and meets either; typed joined, it looks for its parts side by side too (the
    term across the space: "도 상"), and a page that writes it joined holds its first group."""
    have = set(search_ko.terms(written))
    [(_, groups)] = search_ko.query_groups(typed)
    assert not set(groups[0]) <= have and any(set(g) <= have for g in groups), (groups, sorted(have))
    assert set(groups[0]) <= set(search_ko.terms(typed))
    assert search_ko.split_groups("사례") == search_ko.split_groups("어렵다") == ()


@pytest.mark.parametrize(("typed", "written"), [("딸하고", "딸과 통화"), ("빚하고", "빚 때문에"), ("딸하고도", "딸을 만남")])
def test_a_one_syllable_noun_with_hago_meets_the_noun(typed: str, written: str) -> None:
    """딸하고 (with the daughter) was cut as a verb 딸하다 and lost the noun (found by a probe);
    엄마하고 was already 엄마."""
    have = set(search_ko.terms(written))
    [(_, groups)] = search_ko.query_groups(typed)
    assert any(set(g) <= have for g in groups), (groups, sorted(have))
    assert typed[0] in search_ko.terms(typed)  # (a page that writes it holds the noun)


def test_a_verb_in_boda_typed_as_in_a_dictionary_meets_its_forms() -> None:
    """돌보다 was cut to 돌 (보다 read as the particle "than") and looked for a word 돌 alone; it is
    also read as the verb, and meets 돌봄, 돌봐요, 알아봄. A noun and 보다 (지난달보다) keeps its reading."""
    for typed, written in (("돌보다", "돌봄"), ("돌보다", "돌봐요"), ("알아보다", "알아봄"), ("지켜보다", "지켜봤다")):
        assert any(set(g) <= set(search_ko.terms(written)) and len(g[0]) > 1 for g in search_ko.word_groups(typed)[1:]), \
            (typed, written)
    assert search_ko.word_groups("지난달보다")[0] == ("지난", "난달")
    assert search_ko.word_groups("보다") == (("보다",),)


@pytest.mark.parametrize(("typed", "written"), [("알콜", "알코올"), ("알코올을", "알콜"), ("알콜중독", "알코올중독"),
                                               ("복지센타", "복지센터"), ("에너지바우쳐", "에너지바우처")])
def test_a_loanword_spelled_otherwise_meets_its_standard_spelling(typed: str, written: str) -> None:
    """알콜 typed finds 알코올 written, and a record that says 알콜 is found by 알코올 (the page's word
    is read with the standard spelling too); a word holding no such loanword is read as before."""
    assert any(set(g) <= set(search_ko.terms(written)) for g in search_ko.word_groups(typed)), (typed, written)
    assert search_ko.word_groups("알코올") == (("알코", "코올"),)


@pytest.mark.parametrize(("typed", "hangul"), [
    ("tkfP", "사례"), ("wnrj", "주거"), ("dkssud", "안녕"), ("rkwjdvhrfur", "가정폭력"), ("wjdtlsrjsrkd", "정신건강"),
    ("dlftkdtodghkf", "일상생활"), ("Tkfkd", "싸랑"), ("dlfrdj", "읽어"), ("ekfrdml", "닭의"), ("ghkswk", "환자"),
])
def test_a_query_typed_with_the_keyboard_left_in_english_looks_for_its_hangul(typed: str, hangul: str) -> None:
    """The 한/영 slip: 사례 typed with the input method in English comes out tkfP. A run of Latin
    letters that falls whole into two Hangul syllables or more is also looked for as that Hangul."""
    assert search_ko.keyboard_hangul(typed) == hangul
    (word, groups), = search_ko.query_groups(typed)
    assert word == typed.lower() and groups[0] == (typed.lower(),)
    assert all(g in groups for g in search_ko.word_groups(hangul))


@pytest.mark.parametrize("typed", ["kim", "intake", "adhd", "sw", "go", "dk", "lee", "park", "home", "care", "kim2",
                                   "qwerty", "ptsd", "mri", "hhh"])
def test_a_latin_word_that_types_no_hangul_words_is_looked_for_as_written(typed: str) -> None:
    assert search_ko.keyboard_hangul(typed) is None
    assert search_ko.query_groups(typed) == [(typed, ((typed,),))]


def test_a_word_typed_is_cut_as_a_pages_word_is() -> None:
    """버팀 typed meets 버티고 written (its noun form gives the verb's key in a query too), and
    one-syllable verbs with 고 or 지 meet their other forms: 찾고 typed meets 찾음, 먹지 meets 먹음."""
    for typed, written in (("버팀", "버티고"), ("돌봄", "돌봐요"), ("찾고", "찾았음"), ("먹지", "먹음")):
        key = search_ko.word_groups(typed)[-1]
        assert key in search_ko.word_groups(written), (typed, written)
        assert set(key) <= set(search_ko.terms(written)), (typed, written)
    assert search_ko.query_groups("방문") == [("방문", (("방문",),))]  # a noun typed looks for itself alone
    # (a noun in ㅁ after ㅏ or ㅓ, as 만남 is a verb's: its key too, which only its own forms have)
    assert search_ko.query_groups("점검") == [("점검", (("점검",), ("점그다",)))]


@pytest.mark.parametrize("typed", ["반지하를", "반지하에서", "반지하", "반지하는"])
def test_a_noun_ending_in_ha_is_no_light_verb(typed: str) -> None:
    """A probe: `반지하를` marked "<mark>반지</mark>하 방": the 하 of 반지하 was cut as the stem of the light
    verb (방문하는 -> 방문하 -> 방문), so 반지하 was 반지, found by 반지 and not by 지하. The light verb's stem
    alone is cut only where 는 was (방문하는, 연결되는); a noun in 하 is the noun (인지저하, 영하)."""
    assert search_ko.stem(typed) == ("반지" if typed == "반지하는" else "반지하")  # (반지하는: read as 반지하다)
    page = set(search_ko.terms("지금 사는 반지하 방은 곰팡이와 침수 위험"))
    assert {"반지", "지하"} <= page
    if typed != "반지하는":  # (반지하, or 반지 하 written apart as a compound may be: never 반지 alone)
        [(_, groups)] = search_ko.query_groups(typed)
        assert groups[0] == ("반지", "지하") and all("지하" in g or "지 하" in g for g in groups), groups
    assert set(search_ko.terms("지하")) <= page  # 지하 typed finds 반지하
    assert search_ko.stem("인지저하") == "인지저하" and "저하" in search_ko.terms("인지저하 의심")
    assert search_ko.stem("방문하는") == "방문" and search_ko.stem("연결되는") == "연결"
    assert search_ko.stem("방문할") == "방문" and search_ko.stem("방문하던") == "방문"


@pytest.mark.parametrize("text", ["열지도 따라가지도 않습니다", "약을 먹지도 못함", "갈지도 모름", "연락하지도 말라고 함",
                                  "자고도 않는", "참여하기도 않아"])
def test_a_verb_with_do_before_the_negation_is_no_noun_in_do(text: str) -> None:
    """A probe: `지도` found and marked the privacy page's "열<mark>지도</mark> 따라가<mark>지도</mark> 않습니다":
    a word cut of the particle 도 is also read uncut, as a noun ending in 도 (제도 of 국민취업지원제도),
    and 열지도 held 지도. A verb's connective (지, 기, 고) with 도 before 않다, 못하다, 말다 or 모르다 is the
    verb: no noun reading. A noun in 지도 is still one (복약지도, 학습지도를)."""
    got = search_ko.terms(text)
    assert not {"지도", "기도", "고도"} & set(got), got
    assert not {"지도", "기도", "고도"} & {t for _, ts in search_ko.query_terms(text) for t in ts}
    assert "지도" in search_ko.terms("복약지도 함") and "지도" in search_ko.terms("학습지도를 받지도 않음")
    assert "지도" in search_ko.terms("재활 운동 지도도 않고")  # (지도 itself: no verb before 도)


def _meets(typed: str, written: str) -> bool:
    """Whether each word of query `typed` has a group of terms the text `written` holds every one of."""
    have = set(search_ko.terms(written))
    return all(any(set(g) <= have for g in groups) for _, groups in search_ko.query_groups(typed))


@pytest.mark.parametrize(("typed", "side_by_side", "apart"), [
    ("고용센터", "가온 고용 센터에 연계", "고용 욕구가 있어 자활센터에 연계"),
    ("주거지원을", "주거 지원 신청", "주거 환경이 나빠 긴급지원 신청"),
    ("정신건강복지센터", "정신건강 복지 센터", "정신 건강이 나빠져 행정복지센터에 연계"),
    ("동의서", "정보 제공 동의 서 작성", "이용에 동의했다. 서 씨가 동행"),
])
def test_a_compound_typed_joined_meets_its_parts_side_by_side_not_anywhere(
        typed: str, side_by_side: str, apart: str) -> None:
    """A tester: `고용센터` listed the pages holding 고용 and 센터 anywhere (욕구 영역: 고용 · ... 자활센터) as
    if they wrote the compound: written apart, a compound was looked for by its parts alone. A page's two
    words side by side hold the term across the space ("용 센"), and the compound typed joined looks for
    its parts with it: found written joined or apart, not where its parts merely stand on the page. So is
    a noun of three syllables written as two and one (동의 서); not 동의 서류, whose 서류 is no 서 (a
    document of consent, but 동의 서명, 동의 서비스 would be met as well)."""
    assert _meets(typed, typed) and _meets(typed, side_by_side) and not _meets(typed, apart)
    assert not _meets("동의서", "동의 서류를 모두 냈다") and _meets("동의서", "동의서를 받았다")
    assert "용 센" not in search_ko.terms("고용을 센터에서") and "용 센" in search_ko.terms("고용 센터에서")
    assert "약 먹" not in search_ko.terms("약을 먹지 않음")  # (a one-syllable noun and its particle)


@pytest.mark.parametrize(("typed", "word"), [("ID나", "id"), ("ID나 ", "id"), ("kim이나", "kim"), ("119나", "119"),
                                            ("A4라도", "a4"), ("CCTV보다", "cctv"), ("ID랑", "id")])
def test_a_particle_written_onto_letters_or_digits_is_no_word(typed: str, word: str) -> None:
    """A tester: `ID나` (ID or) found and marked 나가는, 나를: the particle after Latin letters was a word
    of its own, 나, looked for (and, being typed, as the start of 나이, 나가). A particle written onto a run
    of letters or digits is cut as after Hangul (나 too, the form of 이나 after a vowel, as ID is read);
    a page's too; 나 typed alone is a word, and a counter after a number a count (30만 원)."""
    assert search_ko.query_groups(typed) == [(word, ((word,),))]
    assert "나" not in search_ko.terms("ID나 비밀번호는 적지 않는다") and "나" in search_ko.terms("나 혼자 산다")
    assert search_ko.query_groups("나") == [("나", (("나",),))]
    assert search_ko.query_groups("2026-0006에서") == [("2026-0006", (("20260006",),))]
    assert search_ko.query_groups("30만 원") == [("30만 원", (("30만원",), ("30", "만원")))]


@pytest.mark.parametrize(("typed", "written"), [
    ("울기도 했다", "아이가 밤새 울었다"), ("울기도 했다", "울기도 하고 웃기도 했다"), ("울었다", "울기도 하고 웃기도 했다"),
    ("웃었어요", "울기도 하고 웃기도 했다"), ("읽기는 해요", "책을 읽고 있음"), ("힘들기도 했다", "생활이 힘들어요"),
    ("돕기만 했다", "이웃을 도움"), ("이야기도 했다", "이야기를 나눔"),
    ("울기까지 했다", "아이가 밤새 울었다"), ("울었다", "아이가 울기까지 했다"), ("먹기조차 못했다", "밥을 먹었다"),
    ("먹기조차 못 했다", "밥을 먹고 있음"), ("먹었다", "밥을 먹기조차 못했어요"), ("읽기는 못했다", "책을 읽음"),
])
def test_a_verb_in_gi_do_hada_is_the_verb(typed: str, written: str) -> None:
    """A tester: `울기도 했다` (cried too) found nothing it said: 울기도 was read as 울기 and the noun 기도
    (prayer), and the 했다 being typed found every page of 했다, marking the 기도 of 위기도. A verb's noun
    form in 기 with 도, 는 or 만 before 하다 is the verb (울다), on a page and in a query; a noun stays
    one (이야기도 했다: 이야기)."""
    assert _meets(typed, written), (search_ko.query_groups(typed), search_ko.terms(written))
    assert not _meets("울기도 했다", "위기도 높음. 상담하기로 했다")
    assert "기도" not in search_ko.terms("울기도 하고") and "기도" in search_ko.terms("위기도 높음")
    assert "울다" not in search_ko.terms("울기도 어렵다")  # (no 하다 after it)
    # (까지, 조차: so also after a noun in 기, 동절기까지 지원, 전기조차 끊겼다; 기 is no word of 울기까지)
    assert "울다" in search_ko.terms("울기까지 했다") and "기" not in search_ko.terms("울기까지 했다")
    assert not {"동절다", "전다"} & set(search_ko.terms("동절기까지 지원한다. 전기조차 끊겼다"))


@pytest.mark.parametrize(("short", "long"), [("상담해", "상담하여"), ("연계해서", "연계하여서"), ("결정돼", "결정되어"),
                                             ("연결됐다", "연결되었다"), ("상담했음", "상담하였음")])
def test_contracted_light_verbs_cut_like_the_long_spelling(short: str, long: str) -> None:
    assert search_ko.stem(short) == search_ko.stem(long) == short[:2]


def test_a_particle_that_ends_nouns_leaves_the_noun_readable() -> None:
    """사례회의 cuts like 사례회 + 의, and is also read whole, so 회의 meets it."""
    assert "회의" in search_ko.terms("사례회의") and "회의" in search_ko.terms("사례회의에서")
    assert search_ko.word_groups("사례회의") == (("사례", "례회"), ("사례", "례회", "회의"))


def test_hyphenated_numbers_are_also_indexed_joined() -> None:
    assert {"2026", "0007", "20260007"} <= set(search_ko.terms("사례 2026-0007 참고"))
    assert search_ko.query_terms("20260007") == [("20260007", ["20260007"])]


def test_the_scanning_patterns_find_what_their_plain_spelling_finds() -> None:
    """`_JOINED`, `_DOTTED` and `_WORD` are spelled for speed (a character class first, no groups),
    and `dotted_matches` tries `_DOTTED` only before a dot or underscore between two letters or
    digits; they find the same runs, at the same places, as their plain spelling, on text of every
    edge they look at (a run's neighbours, hyphens, a file's extension, Hangul, full stops, line
    breaks)."""
    import random

    plain_joined = re.compile(r"(?<![0-9A-Za-z-])[0-9A-Za-z]+(?:-[0-9A-Za-z]+)+(?![0-9A-Za-z])")
    plain_dotted = re.compile(r"(?<![0-9A-Za-z._-])[0-9A-Za-z]+(?:[._][0-9A-Za-z]+)+(?![0-9A-Za-z]|[-._][0-9A-Za-z])")
    plain_word = re.compile(r"([가-힣]+)|([0-9A-Za-z]+)")
    pieces = ["a", "Z", "1", "0", "-", "--", ".", ".md", " ", "\n", "가", "각", "·", "_", "é", "._"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        spans = [(m.start(), m.end()) for m in search_ko._JOINED.finditer(text)]
        assert spans == [(m.start(), m.end()) for m in plain_joined.finditer(text)], repr(text)
        spans = [(m.start(), m.end()) for m in search_ko._DOTTED.finditer(text)]
        assert spans == [(m.start(), m.end()) for m in plain_dotted.finditer(text)], repr(text)
        assert spans == [(m.start(), m.end()) for m in search_ko.dotted_matches(text)], repr(text)
        assert search_ko._words(text) == [h or o.lower() for h, o in plain_word.findall(text)], repr(text)


def test_a_hyphenated_run_in_a_query_is_looked_for_joined() -> None:
    """2026-0007 looked for 2026 and 0007, and every page holds dates of 2026: a hyphenated run of
    letters and digits that is no date is one query word, looked for joined, as the index holds it
    (each stretch of a run: the end of a phone number, a case number inside a longer run); dates
    stay dates."""
    groups = search_ko.query_groups
    assert groups("2026-0007의 방문") == [("2026-0007", (("20260007",),)), ("방문", (("방문",),))]
    assert groups("101-1") == [("101-1", (("1011",),))] and groups("KIM-SW") == [("kim-sw", (("kimsw",),))]
    assert groups("２０２６－０００７") == groups("2026-0007")
    assert groups("2026-03-04") == [("2026-03-04", (("2026-03-04",),))]
    assert groups("2026-03") == groups("x-2026-03") == [("2026-03", (("2026-03",),))]
    assert groups("3월 2026-0007") == [("3월", (("3월",),)), ("2026-0007", (("20260007",),))]
    assert groups("01-intake.md") == [("01-intake", (("01intake",),)), ("md", (("md",),))]  # (a file name)
    # a case id with its year's last two digits (a search probe: 26-0006 found nothing), of a year the index holds
    assert groups("26-0006", [2026]) == [("26-0006", (("260006",), ("20260006",)))]
    assert groups("26-0006", [2025]) == [("26-0006", (("260006",),))]
    # every stretch of a run a page shows, typed, is looked for by a term the page holds
    text = "연락처 02-000-1234, cases/2026-0012/, remark-lint-frontmatter-schema"
    held = set(search_ko.terms(text))
    for typed in ("02-000-1234", "000-1234", "02-000", "2026-0012", "lint-frontmatter", "frontmatter-schema"):
        (_, [(term,)]), = groups(typed)
        assert term in held, typed
    assert "20260012" in held and "2026" in held and "0012" in held  # (the parts are words as before)
    assert len(search_ko.joined("a-b-c-d-e-f-g-h-i")) == 1  # a run of more parts: whole only


def test_full_width_letters_and_digits_read_as_ascii() -> None:
    """A Korean keyboard's full-width mode and word processors write ２０２６－０００７ and ＫＩＭ."""
    assert search_ko.terms("２０２６－０００７ ＫＩＭ．ｓｗ") == search_ko.terms("2026-0007 kim.sw")
    assert search_ko.query_terms("２０２６０００７") == [("20260007", ["20260007"])]


def test_another_name_of_a_stage_also_looks_for_the_stage() -> None:
    """모니터링 is what many write for 점검 (casekit add takes it too): the query looks for 점검 as well,
    as one more group, so a page with 점검 holds the word; the index is the same."""
    assert search_ko.query_groups("모니터링을") == [("모니터링을", (("모니", "니터", "터링"), ("점검",), ("점그다",),
                                                                  ("모니", "니 터", "터링")))]  # (and as if written apart)
    assert search_ko.query_terms("초기면접") == [("초기면접", ["초기", "기면", "면접", "접수", "기 면"])]
    assert "점검" not in search_ko.terms("모니터링") and search_ko.STAGE_ALIASES.get("재개") is None


@pytest.mark.parametrize(("text", "dates"), [
    ("03 사례회의 · 2026-10-30", ["2026-10-30", "2026-10", "10월"]),
    ("2026.3.15 2026/03/15 2026. 3. 15. 2026년 3월 15일에", ["2026-03-15", "2026-03", "3월"] * 4),
    ("2026-03 2026.3 2026년 3월", ["2026-03", "3월"] * 3),
    ("3월 초 의뢰했다", ["3월"]),
    ("9월 29일 자살위기가", ["9월", "9월29일"]),
    ("１２월 ４일", ["12월", "12월4일"]),
])
def test_dates_are_terms_of_their_own(text: str, dates: list[str]) -> None:
    assert search_ko.date_terms(text) == dates
    assert set(dates) <= set(search_ko.terms(text)) and all(search_ko.is_date_term(t) for t in dates)


@pytest.mark.parametrize("text", ["3회 3명 3개월 월 2회 65세", "13월", "2026-0007 2026-1201 cases/2026-0012/",
                                  "2026-03-45", "010-2012-3456", "1.6.1", "2026년", "15일 지남"])
def test_a_number_with_another_counter_is_no_date(text: str) -> None:
    assert search_ko.date_terms(text) == []
    assert not any(search_ko.is_date_term(t) for t in search_ko.terms(text))


def test_a_day_week_or_month_named_from_today_looks_for_its_dates() -> None:
    """어제 통화, 지난주 방문, 이번 달 점검: a worker names the day from today. The query looks for the
    dates it means (a week: Monday to Sunday; across a year's end too) or its own words (a record
    that says 지난달 as it is); with no day given (the index's own use), they are words."""
    groups = search_ko.query_groups
    assert groups("어제 통화", (), NEW_YEAR) == [("어제", (("어제",), ("2025-12-31",))), ("통화", (("통화",),))]
    assert groups("지난달에", (), NEW_YEAR) == [("지난달", (("지난", "난달"), ("2025-12",)))]
    assert groups("이번 달 점검", (), NEW_YEAR)[0] == ("이번 달", (("이번", "달"), ("2026-01",)))
    week = groups("지난주", (), NEW_YEAR)[0][1]  # 2026-01-01 is a Thursday
    assert week[1:] == tuple((f"2025-12-{d}",) for d in range(22, 29))
    assert groups("다음 주", (), dt.date(2026, 3, 8))[0][1][1:] == tuple((f"2026-03-{d:02d}",) for d in range(9, 16))
    assert groups("그저께부터", (), NEW_YEAR) == [("그저께", (("그저", "저께"), ("2025-12-30",)))]
    for word in ("오늘날", "어제오늘"):  # a longer word, not a day
        assert groups(word, (), NEW_YEAR) == groups(word), word
    assert groups("어제 통화") == [("어제", (("어제",),)), ("통화", (("통화",),))]
    day = search_ko.terms("2025-12-31 통화함")
    assert any(set(g) <= set(day) for g in groups("어제 통화", (), NEW_YEAR)[0][1])


def test_a_date_in_a_query_is_one_word() -> None:
    """3월 looks for March of any year, not for 월 on every page; 2026-03, 2026.3 and 2026년 3월 for
    that month; 3월 15일 for a 3월 15일 written without a year or that day of each year the index
    holds; a particle or 초, 중순 joined to a date says nothing more."""
    groups = search_ko.query_groups
    assert groups("3월") == groups("3월에") == groups("3월부터") == groups("3월초") == [("3월", (("3월",),))]
    for typed in ("2026-03", "2026.03", "2026.3", "2026/3", "2026년 3월", "2026년3월"):
        assert groups(typed) == [(typed, (("2026-03",),))], typed
    assert groups("2026-03-15") == [("2026-03-15", (("2026-03-15",),))]
    assert groups("2026. 3. 15.") == [("2026. 3. 15", (("2026-03-15",),))]
    assert groups("3월 15일", [2025, 2026]) == [("3월 15일", (("3월15일",), ("2025-03-15",), ("2026-03-15",)))]
    assert groups("3월 방문") == groups("3월방문") == [("3월", (("3월",),)), ("방문", (("방문",),))]
    assert groups("2026-0007") == [("2026-0007", (("20260007",),))]  # a case number: no date, one word
    assert groups("3회") == [("3회", (("3회",),))]  # a count, no date (`count_groups`)


@pytest.mark.parametrize(("text", "counts"), [
    ("4인 가구(배우자, 자녀 2명)", ["4인", "2명"]),
    ("4인가구", ["4인"]),
    ("당뇨 약을 3개월째 끊은 상태", ["3개월째", "3개월"]),
    ("30만 원, 300,000원 지원", ["30만원", "300000원"]),
    ("식품 지원(월 2회), 주 5일 참여", ["2회", "5일", "월2회", "주5일"]),
    ("3월 15일 방문, 2026년 3월", []),  # a date's day and year are the date's
    ("G1 주 2회", ["2회", "주2회"]), ("9월 2회", ["2회"]),  # (the 월 of 9월 is a month's: no period)
    ("2026-0001 인, v1.2인", []),
])
def test_a_number_and_its_counter_are_a_term(text: str, counts: list[str]) -> None:
    assert search_ko.count_terms(text) == counts
    got = search_ko.terms(text)
    assert [t for t in got if search_ko.is_count_term(t)] == counts
    assert not any(search_ko.is_count_term(t) for t in search_ko.terms("상담 어렵다 3월 2026-03-15 kim.sw 2026"))


@pytest.mark.parametrize("typed", ["3개", "3 개", "4인", "3개월", "주 1회", "월 2회", "6주째"])
def test_a_count_of_one_digit_is_looked_for_with_its_number(typed: str) -> None:
    """A probe: `3개` found every page of a lone 개 (기록 83개, 10개 영역), `4인` every page of 1인 가구:
    a digit is no term, so the other reading of a count, the number and the counter as words, was the
    counter alone. A count of one digit is looked for as the count only."""
    got = search_ko.query_groups(typed)
    assert len(got) == 1
    for group in got[0][1]:
        assert any(ch.isdigit() for t in group for ch in t), (typed, got)
    assert not set(search_ko.terms("기록 83개, 자원 15개 · 1인 가구 · 주 2회 · 10개월")) >= {
        t for g in got[0][1][:1] for t in g}


def test_a_count_of_two_digits_or_more_needs_its_number() -> None:
    """`65세` finds and is the 65세 of "만 65세 이상", not 650 or 1965."""
    assert search_ko.query_groups("65세") == [("65세", (("65세",), ("65", "세")))]
    assert "65세" in search_ko.terms("만 65세 이상 기초연금 수급 어르신")
    other = set(search_ko.terms("1965년생, 650명 참여, 세대주"))
    assert "65세" not in other and "65" not in other


def test_a_day_typed_without_its_month_is_that_day_of_a_month_not_its_number_and_il() -> None:
    """A probe: `15일` gave 11 pages, nothing marked, `26일` 3: the count's other reading, 15 and 일 as
    words, met any page holding a 15 (2026-03-15, 자원 15곳) and the word 일. A day is the count (15일간)
    or that day of a month, with or without the year, as the index holds dates."""
    got = search_ko.query_groups("15일", [2026])
    assert got[0][0] == "15일" and got[0][1][0] == ("15일",)
    readings = {t for g in got[0][1][1:] for t in g}
    assert {"3월15일", "12월15일", "2026-03-15", "2026-02-15"} <= readings and not {"15", "일"} & readings
    assert "2월31일" not in {t for g in search_ko.query_groups("31일", [2026])[0][1] for t in g}
    assert set(search_ko.terms("3월 15일 방문")) & readings and set(search_ko.terms("2026-03-15 방문")) & readings
    assert not set(search_ko.terms("자원 15곳, 하루 일을 쉼")) & readings
    assert search_ko.query_groups("주 5일") == [("주 5일", (("주5일",), ("5일",)))]  # (how often: no day)


@pytest.mark.parametrize("query", ["을", "은 는 이 가", "에서", "를 "])
def test_a_query_of_particles_only_looks_for_nothing(query: str) -> None:
    """A probe: `을` marked "이<mark>으려</mark>면", `은 는 이 가` gave 48 pages marking 강, 간. A particle
    typed apart is no word to look for (and the worker takes it for the start of none)."""
    assert search_ko.query_groups(query) == []
    assert search_ko.query_groups("주거 를") == search_ko.query_groups("주거")


def test_a_number_and_its_counter_typed_joined_or_apart_are_one_word() -> None:
    groups = search_ko.query_groups
    assert groups("4인 가구") == groups("4인가구") == [("4인", (("4인",),)), ("가구", (("가구",),))]
    assert groups("4 인 가구") == [("4 인", (("4인",),)), ("가구", (("가구",),))]
    assert groups("3개월 체납")[0] == ("3개월", (("3개월",),))
    assert groups("6주째")[0] == ("6주째", (("6주째",),))
    assert groups("2026년")[0] == ("2026년", (("2026년",), ("2026", "년")))  # the 2026 of 2026년 3월 still
    # an amount: the number and its counter whole (만 of 만 원 is no particle)
    assert groups("30만 원") == [("30만 원", (("30만원",), ("30", "만원")))]
    assert groups("월 30만 원") == [("월 30만 원", (("월30만원",), ("30만원",), ("월", "30", "만원")))]
    # how often: 월 2회 is the period and the count, no month (the 월 of 9월 and 10월 found it first)
    assert groups("월 2회") == [("월 2회", (("월2회",), ("2회",)))]
    assert groups("주 5일") == [("주 5일", (("주5일",), ("5일",)))]
    assert groups("주5일") == [("주5일", (("주5일",), ("5일",)))]
    # dates stay dates, and a number before a word of its own is no count
    assert groups("3월 12일", [2026]) == [("3월 12일", (("3월12일",), ("2026-03-12",)))]
    assert groups("26.3.12", [2026]) == [("26.3.12", (("2026-03-12",),))]
    assert groups("2 일상") == [("일상", (("일상",),))]
    assert groups("13번 사례")[0] == ("13번", (("0013",), ("13", "번")))


def test_the_sites_bookkeeping_dates_are_not_the_pages() -> None:
    """The day a record file last changed, the day the site was built and the 기준일 (marked
    data-search-nodate) are no date of the page: their words are indexed, not their dates; the
    record's own date is, weighing as its heading does."""
    page = page_of('<article><h1>사례 A</h1>'
                   '<h2 class="ck-record ck-record-intake" id="r01">01 접수 · 2026-03-04</h2>'
                   '<p>접수 담당 kim.sw<span class="ck-changed" data-search-nodate> · 마지막 변경: 2026-12-01</span></p>'
                   '<p>점검 2026-03-20 (3일 지남)<small data-search-nodate> 기준일 2026-03-23</small></p>'
                   '<p class="ck-asof" data-search-nodate>기준일 2026-03-23 · 2026-03-23에 만든 목록</p></article>',
                   "cases/a/")
    assert page is not None and page.body[0].replace(search_ko.NODATE, "") == "접수 담당 kim.sw · 마지막 변경: 2026-12-01"
    entry = weighed(page)
    assert entry is not None
    # nor is it a date of the sentence a snippet is chosen from and marks in (it showed "기준일
    # <mark>2026-12-07</mark>" for 12월, 2026-12, 이번 달): the record's own date still is
    shown = cast(list[str], entry[0][2])
    dated = {t for s in shown for t in search_ko.terms(s) if search_ko.is_date_term(t)}
    assert "2026-03-20" in dated and "2026-03-04" in dated
    assert not dated & {"2026-12-01", "2026-12", "12월", "2026-03-23", "3월23일"}, shown
    assert any(s.startswith("점검 2026-03-20 (3일 지남) 기준일 2026") for s in shown), shown
    weights = entry[1]
    assert {"마지", "변경", "기준", "2026", "12"} <= set(weights)
    assert "2026-12-01" not in weights and "2026-12" not in weights and "2026-03-23" not in weights
    assert weights["2026-03-04"] > weights["2026-03-20"] > 0 and weights["2026-03"] > weights["2026-03-20"]


# --------------------------------------------------------------------------------------------
# The worker's cutting is Python's


_GROUPS_JS = """
async ([words, config, today]) => {
  const src = await (await fetch('assets/casekit/search-worker.js')).text();
  const make = new Function('self', 'addEventListener', 'postMessage',
    src + '; return m => { manifest = m; return [queryTerms, textTerms, lemma, stem]; };');
  const [queryTerms, textTerms, lemma, stem] = make({location: location}, () => {}, () => {})(config);
  return words.map(w => [queryTerms(w, today).map(x => [x.word, x.terms, x.groups]), [...textTerms(w)].sort(),
                         lemma(stem(w))]);
}
"""


def _shown_words(site: Path) -> set[str]:
    words: set[str] = set()
    for page in site.rglob("*.html"):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        words |= set(search_ko.words(text))
    return words


@pytest.mark.browser
@pytest.mark.slow
def test_worker_cuts_every_word_of_the_site_like_python(browser: Browser, served_site: str,  # noqa: F811
                                                        built_site: Path) -> None:  # noqa: F811
    extra = ("어려워한다 어려워짐 끊겼다 끊기고 몰라 바빠서 고마움 반가워 무서워 쉬워 보였다 상담해 결정돼 "
             "사례회의 사례회의에서 2026-0007 20260007 아빠 빌라 배워 도와 만나서 있어요 좋아서 "
             "모니터링 모니터링을 초기면접에서 개입 서비스제공 재개 ２０２６－０００７ ＫＩＭ 3월 3월에 3월초 3회 13월 "
             "2026-03 2026.3 2026/03 2026-03-15 2026.3.15 2026-03-45 2026-1201 02-000-1234 000-1234 101-1 KIM-SW "
             "x-2026-03 2026-0007의 a-b-c-d-e-f-g-h-i a-b-c-d-e-f-g-h 2026-03-04-0007 01-intake.md "
             "kim.sw KIM.SW. lee_hj 1.5 36.5도 a.b@c.org v1.2.3 2026.03.04 2026.3 kim.sw-2 x.3.4. 2026.0007 "
             "03-04 3-4 3/4 03/04 3.4. 3.4 03-04에 12/31 2-30 2/29 13/1 03-04-05 1/3/4 3/4,3/5 "
             "밀렸어요 밀린 밀림 밀려 끊음 끊은 끊는 끊겨 끊긴 끊김 얽힌 노인 참여 집은 없음 "
             "버팀 돌봄 찾고 먹지 받게 신고 참고 복지 나와 나왔다 찾아왔다 도와 고와 기와 돌보다 알아보다 "
             "지난달보다 보다 나보다 알콜 알콜중독 알콜을 알코올 복지센타 써비스 바우쳐를 "
             "만남 만났다 모자람 모자라요 놀람 놀랐다 찾아감 나누었다 주었다 바뀌어서 상담 점검 원함 원해요 원했다 "
             "다니심 다니셨다 다니세요 다니셔서 받으시고 받으심 편찮으심 어려우심 가세요 계세요 드세요 마셨다 모시고 "
             "관심 점심 자존심 거부하셨어요 말씀하심 하세요 지원받으세요 사세요 힘드셨다 아세요 만드셨어요 "
             "주민센터 동사무소에서 긴급복지 정신보건센터 기초수급 아보전 노인돌봄 자활센터에 "
             "어제 오늘 그제 그저께부터 내일 모레 지난주 저번주에 이번주 다음주 지난달에 이번달 저번달 다음달 오늘날 어제오늘 "
             "다니는 다닌 사는 힘든 아픈 바쁜 지낸 그만둔 지내는 돌보는 방문하는 연결되는 방문할 지원하던 아이는 병원 먹는 "
             "애도상담 은둔청년 히키코모리 국취 맞복팀 정신건강복지센터 주거지원을 받았어요 어려워하셨어요 "
             "딸하고 빚하고도 집하고는 엄마하고 26-0006 26-0012의 25-0001 26-03 "
             "tkfP wnrj dkssud rkwjdvhrfur Tkfkd dlfrdj qkfqdma rmfja kim intake adhd go sw Ekf "
             "열람 열람을 여름 놀람 놀라요 골랐다 달라고 열라고 놀라 놀라고 놀러 열러 불러 오라고 가라며 먹으라고 받으라는 열라는 열라며 놀란 혼란 모자라고 바라고 자라고 바라요 자랐다 마시라고 으라고 그으라고 울기까지 먹기조차 ID나 kim이나 119나 A4라도 동의서 고용센터 자활근로 반지하 정신건강복지센터")
    dates = ["이번 달 점검", "지난 주에 방문", "다음 주 사례회의", "어제 통화함", "2026-03-04 어제", "지난 주말", "3월 15일", "3월 중순에", "3월점검", "2026. 3. 15.", "2026년 3월 15일에 방문", "3월에4월",
             "12월 4일", "(2026-03-15,2026-03-16)", "１２월 ４일", "3. 4.", "2026. 3. 4. 3. 5.", "담당 kim.sw 03-04 방문",
             "울기도 했다", "울기도 하고 웃기도 했다", "읽기는 하지만", "이야기도 했다", "동의 서 작성", "고용 센터에 연계",
             "울기까지 했다", "먹기조차 못했다", "먹기조차 못 했다", "동절기까지 지원한다",
             "ID나 주소", "2026-0006에서 열람", "30만 원"]
    words = sorted(_shown_words(built_site) | set(extra.split()) | set(dates))
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        js = page.evaluate(_GROUPS_JS, [words, config, [2026, 1, 1]])
    assert len(words) > 2000
    differ = []
    for word, (groups, text_terms, key) in zip(words, js, strict=True):
        want = [[w, list(dict.fromkeys(t for g in gs for t in g)), [list(g) for g in gs]]
                for w, gs in search_ko.query_groups(word, config["years"], NEW_YEAR)]
        if groups != want or text_terms != sorted(set(search_ko.terms(word))) or key != _key(word):
            differ.append(f"{word}: browser {groups} {text_terms} {key}, python {want} {_key(word)}")
    assert not differ, "\n".join(differ[:20])


_TEXT_TERMS_JS = """
async ([texts, config]) => {
  const src = await (await fetch('assets/casekit/search-worker.js')).text();
  const make = new Function('self', 'addEventListener', 'postMessage',
    src + '; return m => { manifest = m; return textTerms; };');
  const textTerms = make({location: location}, () => {}, () => {})(config);
  return texts.map(t => [...textTerms(t)].sort());
}
"""


@pytest.mark.browser
@pytest.mark.slow
def test_worker_reads_every_text_of_the_site_like_python(browser: Browser, served_site: str,  # noqa: F811
                                                         built_site: Path) -> None:  # noqa: F811
    """Every block of text the index reads (dates with the words around them), cut by the worker
    (snippets) as by Python (the index)."""
    texts: set[str] = set()
    for path, location in index_files(built_site):
        read = read_page(path, location)
        if read is not None:
            texts |= {read.title, *read.about, *read.body}
    texts = {t for t in texts if t}
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    ordered = sorted(texts)
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        js = page.evaluate(_TEXT_TERMS_JS, [ordered, config])
    assert sum(any(search_ko.is_date_term(t) for t in got) for got in js) > 100
    differ = [f"{text!r}: browser {got}, python {sorted(set(search_ko.terms(text)))}"
              for text, got in zip(ordered, js, strict=True) if got != sorted(set(search_ko.terms(text)))]
    assert not differ, "\n".join(differ[:10])


# --------------------------------------------------------------------------------------------
# In the browser, on the built sample


def _meta(page: object) -> str:
    return page.locator(".md-search-result__meta").inner_text()  # type: ignore[attr-defined, no-any-return]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "page_says"), [("어렵다", "어려운"), ("어렵다", "어려움"), ("끊겼다", "끊기고")])
def test_a_verb_finds_its_other_forms_marked(browser: Browser, served_site: str,  # noqa: F811
                                             query: str, page_says: str) -> None:
    """(어려워하고 is asked of the worker's snippet below: which of a page's sentences its result
    shows is the index's greedy cover, and the sentences holding it are not kept since 없음, 않음
    and the like have keys.)"""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        search(page, query)
        marked = page.locator(f"{RESULT_ITEM} mark").all_inner_texts()
    assert any(page_says in m for m in marked), f"{query}: no result marks {page_says!r} ({marked})"


@pytest.mark.browser
@pytest.mark.slow
def test_a_verb_typed_in_another_form_than_the_pages_finds_it(browser: Browser, served_site: str,  # noqa: F811
                                                              built_site: Path) -> None:  # noqa: F811
    """월세 밀렸어요 finds first the case whose need says 밀린 월세 (the page's 밀린 and the typed
    밀렸어요 meet on 밀리다; 밀린 had no key, and the case of 원룸 월세 came first), and 끊음 marks
    the 끊은 of a snippet (끊다: a key of two syllables)."""
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    case = next(p.parent.name for p in (built_site / "cases").glob("*/index.html")
                if "밀린 월세" in p.read_text(encoding="utf-8") and p.parent.name != "summary")
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        found = [site_path(h, served_site) for h in search(page, "월세 밀렸어요")]
        missing = page.locator(f"{RESULT_ITEM} >> nth=0").inner_text()
        got = page.evaluate(SNIPPET_JS, [config, ["당뇨 진료 재개", "당뇨 약을 3개월째 끊은 상태"], "당뇨 약 끊음"])
        says = page.evaluate(SNIPPET_JS, [config, ["셈하기를 어려워하고 도와줄 사람이 없음"], "어렵다"])
        none = page.evaluate(SNIPPET_JS, [config, ["대화할 사람이 없음"], "살 이유가 없다"])
    assert found[0] == f"/cases/{case}/", found
    assert "밀렸어요" not in missing, missing
    assert got == "<mark>당뇨</mark> <mark>약을</mark> 3개월째 <mark>끊은</mark> 상태", got
    assert says == "셈하기를 <mark>어려워하고</mark> 도와줄 사람이 없음", says
    assert none == "대화할 사람이 <mark>없음</mark>", none  # (a key that is the typed word's own bigram)


@pytest.mark.browser
@pytest.mark.slow
def test_a_verb_form_in_a_snippet_is_marked(browser: Browser, served_site: str, built_site: Path) -> None:  # noqa: F811
    """어렵다 finds the case that says 대화와 전화가 어려워짐, and a snippet holding that sentence marks
    어려워짐. (Which of a page's sentences its result shows is the index's greedy cover: on this
    case it keeps 감당하기 어려움, whose verb key holds the query already. Asking the result list for
    어려워짐 failed on a new machine at commits whose CI had passed, the index's cover the same under
    every hash seed; the cause was not found, so the marking is asked of the worker itself.)"""
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    says = "보청기가 고장 나 대화와 전화가 어려워짐"
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        found = [site_path(h, served_site) for h in search(page, "어렵다", top=20)]
        got = page.evaluate(SNIPPET_JS, [config, ["경로당 모임에 꾸준히 나감", says], "어렵다"])
    case = next(p.parent.name for p in (built_site / "cases").glob("*/index.html")
                if says in p.read_text(encoding="utf-8") and p.parent.name != "summary")
    assert f"/cases/{case}/" in found, found
    assert got == "보청기가 고장 나 대화와 전화가 <mark>어려워짐</mark>", got


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "query", "marked"), [
    # a bigram of the typed word (동의 of 동의서) is no mark inside 아동의 (아동 + 의) ...
    ("아동의 학교 적응을 위해 동의서를 받음", "동의서", "아동의 학교 적응을 위해 <mark>동의서</mark>를 받음"),
    ("아동의 학교 적응 상담", "동의서", "아동의 학교 적응 상담"),
    # ... where the page's word starts with it or its stem holds it, it is
    ("보호자 동의 서류 제출", "동의서", "보호자 <mark>동의</mark> 서류 제출"),
    ("동의 받음. 재동의서 제출", "동의서", "<mark>동의</mark> 받음. 재<mark>동의서</mark> 제출"),
    # a word typed as it is, wherever it stands (the index met the page by it there)
    ("재방문 후 가정방문 일정", "방문", "재<mark>방문</mark> 후 가정<mark>방문</mark> 일정"),
    ("자활근로를 계속함", "근로 시간", "자활<mark>근로</mark>를 계속함"),
    # marks that meet are one, dates among them; the text around them escaped
    ("2026-03-04 방문, 3월 점검", "3월 방문", "<mark>2026-03-04</mark> <mark>방문</mark>, <mark>3월</mark> 점검"),
    ("<b>방문</b> & 상담", "방문 상담", "&lt;b&gt;<mark>방문</mark>&lt;/b&gt; &amp; <mark>상담</mark>"),
])
def test_a_word_is_marked_where_it_stands_not_inside_another(browser: Browser, served_site: str, built_site: Path,  # noqa: F811
                                                              sentence: str, query: str, marked: str) -> None:
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        got = page.evaluate(SNIPPET_JS, [config, [sentence], query])
    assert got == marked, got


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "sentences", "want"), [
    ("빚", ["빚독촉이 심함", "\"빚 독촉 전화가 무서워\"고 털어놓았다."], "&quot;<mark>빚</mark> 독촉 전화가 무서워&quot;고 털어놓았다."),
    ("약", ["요일별 복약 달력 쓰는 법을 교육했다.", "고혈압 약을 다시 챙겨 먹는다"], "고혈압 <mark>약을</mark> 다시 챙겨 먹는다"),
    ("빚을", ["모아 둔 돈이 바닥남", "빚이 늘었다"], "<mark>빚이</mark> 늘었다"),
])
def test_a_one_syllable_word_is_shown_and_marked_where_it_is_a_word(
        browser: Browser, served_site: str, built_site: Path, query: str, sentences: list[str], want: str) -> None:  # noqa: F811
    """빚 was never marked (no mark under two syllables), and a sentence holding it inside another
    word (복약 for 약) was shown as a match: a one-syllable word is found and marked where it stands
    as a word, with its particle (빚, 빚을, 약을), as the index holds it; not inside 빚독촉 or 복약."""
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        got = page.evaluate(SNIPPET_JS, [config, sentences, query])
    assert got == want


@pytest.mark.browser
@pytest.mark.slow
def test_every_match_is_counted_and_reachable(browser: Browser, served_site: str, built_site: Path) -> None:  # noqa: F811
    """사례회의 is on more pages than one screen: the count line says how many, and scrolling the
    list reaches every one of them, each with its own title and link."""
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    terms = {t for _, ts in search_ko.query_terms("사례회의") for t in ts}
    docs: set[int] = set()
    for t in terms:
        shard = json.loads((built_site / SHARD_DIR / f"t-{shard_of(t, config['term_shards'])}.json").read_text("utf-8"))
        docs |= set(shard.get(t, [])[0::2])
    assert len(docs) > 20
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        search(page, "사례회의")
        assert re.search(rf"(?<![0-9]){len(docs)}(?![0-9])", _meta(page)), _meta(page)
        wrap = page.locator(".md-search__scrollwrap")
        for _ in range(60):  # Material renders four more each time the list is scrolled to its end
            wrap.evaluate("el => el.scrollTo(0, 0)")
            page.wait_for_timeout(40)
            wrap.evaluate("el => el.scrollTo(0, el.scrollHeight)")
            page.wait_for_timeout(60)
            if page.locator(RESULT_ITEM).count() >= len(docs):
                break
        hrefs = page.eval_on_selector_all(f"{RESULT_ITEM} a.md-search-result__link", "as => as.map(a => a.href)")
        titles = page.locator(f"{RESULT_ITEM} h1").all_inner_texts()
    assert len({site_path(h, served_site) for h in hrefs}) == len(docs)
    assert "…" not in titles


def _long_page(site: Path) -> tuple[list[str], dict[str, float]]:
    """The sentences and term weights of the sample's longest case page (2026-0006)."""
    read = page_of((site / "cases" / "2026-0006" / "index.html").read_text(encoding="utf-8"), "cases/2026-0006/")
    assert read is not None
    entry = weighed(read)
    assert entry is not None
    return list(dict.fromkeys(sentences(read.about) + sentences(read.body))), entry[1]


def test_a_long_page_keeps_the_sentences_holding_the_most_of_its_words(built_site: Path) -> None:  # noqa: F811
    """A long page keeps MAX_SENTENCES of its sentences, in its order, in no more characters than
    MAX_SENTENCES of them take on average and the shortest sentence of each month it is dated in,
    no file more; chosen, those hold more of its words."""
    shown, weights = _long_page(built_site)
    keep = kept(shown, weights)
    assert len(shown) > 4 * MAX_SENTENCES
    assert len(keep) <= MAX_SENTENCES and keep == [s for s in shown if s in keep]
    months = {t for t in weights if len(t) == 7 and search_ko.is_date_term(t)}
    dated = sum(min((len(s) for s in shown if month in search_ko.terms(s)), default=0) for month in months)
    assert sum(map(len, keep)) <= MAX_SENTENCES * sum(map(len, shown)) / len(shown) + dated

    def held(chosen: list[str]) -> int:
        return len({t for s in chosen for t in search_ko.terms(s)})

    assert held(keep) > 1.3 * held(shown[:MAX_SENTENCES])  # (240 terms against 165)
    assert kept(shown[:MAX_SENTENCES]) == shown[:MAX_SENTENCES]  # a short page keeps every sentence


def test_a_long_page_keeps_a_sentence_of_each_month_it_is_dated_in(built_site: Path) -> None:  # noqa: F811
    """A month typed (3월, 2026-03) finds the cases with records dated in it, and its snippet shows
    that date: every long case page of the sample keeps, for each month it is dated in, a sentence
    holding it (01 접수 · 2026-03-18). The greedy cover of its words kept it or not as the day of
    the build moved the page's other lines (기준일, 3일 지남): on 2026-12-03, 2026-0002 kept no
    sentence of March, and 2026-03 showed it with none marked."""
    long = 0
    for path in sorted((built_site / "cases").glob("*/index.html")):
        read = read_page(path, "cases/x/")
        entry = weighed(read)
        assert read is not None and entry is not None
        shown = list(dict.fromkeys(sentences(read.about) + sentences(read.body)))
        if len(shown) <= MAX_SENTENCES:
            continue
        long += 1
        keep = entry[0][2]
        assert isinstance(keep, list)
        months = {t for t in entry[1] if len(t) == 7 and search_ko.is_date_term(t)}
        assert len(months) <= MAX_MONTHS, path
        for month in months:
            if any(month in search_ko.terms(s) for s in shown):
                assert any(month in search_ko.terms(s) for s in keep), f"{path}: no kept sentence of {month}"
    assert long >= 10


def test_a_long_page_keeps_its_sentences_by_their_words_not_their_runs_joined(built_site: Path) -> None:  # noqa: F811
    """The joined forms of a run spell its parts again (kim.sw: kimsw of kim and sw; 2026-0007:
    20260007): the cover counts the terms of a sentence's words and dates only, so every long case
    page of the sample keeps the same sentences with its runs written apart (kim sw, 2026 0007);
    counted, short bookkeeping lines (접수 담당 kim.sw · cases/2026-0007/01-intake.md) took the
    place of sentences with words more."""
    def apart(sentence: str) -> str:
        return re.sub(r"[0-9A-Za-z]+(?:[-._][0-9A-Za-z]+)+", lambda m: m.group() if search_ko.date_terms(m.group())
                      else re.sub(r"[-._]", " ", m.group()), sentence)

    long = 0
    for path in sorted((built_site / "cases").glob("*/index.html")):
        read = read_page(path, "cases/x/")
        assert read is not None
        entry = weighed(read)
        assert entry is not None
        shown = list(dict.fromkeys(sentences(read.about) + sentences(read.body)))
        if len(shown) <= MAX_SENTENCES:
            continue
        long += 1
        spaced = [apart(s) for s in shown]
        assert [shown.index(s) for s in kept(shown, entry[1])] == [spaced.index(s) for s in kept(spaced, entry[1])], path
    assert long >= 10


# the queries on six workers at once. A query is answered at most twice: its first screen, then again
# with the long pages' other sentences and the results past the first ten, which always come when
# the first answer has more than ten; else the second comes only when a snippet changed, waited for
# 300 ms (one worker in turn, waiting 100 ms past every answer, took a minute)
_SNIPPETS_JS = """
async (queries) => {
  const manifest = await (await fetch('search/search_index.json')).json();
  const out = new Array(queries.length), lanes = 6;
  await Promise.all([...Array(lanes).keys()].map(async lane => {
    const w = new Worker('assets/casekit/search-worker.js');
    await new Promise(r => { w.onmessage = e => { if (e.data.type === 1) r(); }; w.postMessage({type: 0, data: manifest}); });
    for (let i = lane; i < queries.length; i += lanes) {
      out[i] = await new Promise(r => {  /* the last message of a query: every result with its snippet */
        let timer = null, answers = 0;
        w.onmessage = e => {
          if (e.data.type !== 3) return;
          const items = e.data.data.items, done = () => r(items.slice(0, 10).map(i => i[0].text));
          clearTimeout(timer);
          if (++answers === 2) done();
          else if (items.length <= 10) timer = setTimeout(done, 300);
        };
        w.postMessage({type: 2, data: queries[i]});
      });
    }
    w.terminate();
  }));
  return out;
}
"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("query", ["산재", "재활 운동", "끊겼다", "통역", "받아쓰기"])
def test_a_word_far_down_a_long_page_is_shown_marked(browser: Browser, served_site: str,  # noqa: F811
                                                     query: str) -> None:
    """Words 2026-0006 (187 sentences) and its like write only after their first MAX_SENTENCES
    sentences: the first result shows a kept sentence holding the word, marked. (장마철, once on that
    page, is not kept: 24 sentences hold about half a long page's words.)"""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        search(page, query)
        first = page.locator(RESULT_ITEM).first
        text, marks = first.inner_text(), first.locator("mark").all_inner_texts()
    assert marks and all(m in text for m in marks), f"{query}: {text!r}"


@pytest.mark.browser
@pytest.mark.slow
def test_most_snippets_of_a_one_word_query_hold_a_match(browser: Browser, served_site: str,  # noqa: F811
                                                       built_site: Path) -> None:  # noqa: F811
    """Over one word in eight of the sample's sentences, typed alone: the share of the first ten
    results whose snippet marks a match (57% when pages kept their first 24 sentences; 62.7% with
    `kept` in the bytes of the first 24; measured 67.8% of 3,071 snippets of 610 queries with `kept`
    in 24 sentences' mean length, a one-syllable word marked where it stands as a word, 빚 독촉,
    빚을, and a one-syllable stem not taken as found inside another word, 복약 for 약; on the sample
    of 2026-12, 66.6% of 3,080 snippets, and 66.9% with the cover counting a sentence's words and
    dates, not the joined forms of its runs: 66.1% had it counted kimsw for kim.sw; 69.0% with the
    shortest sentence of each month a page is dated in kept first, beyond the budget; 96.5% of 3,396
    snippets of 637 queries on the sample of 2026-12-06, the results marked by what was typed, its
    stem and its forms). The floor sits under that: the query set is drawn from the sample's own
    text, and a sentence added to a record or a docs/ page moves the share by a few tenths (59.8%
    against a 60% floor once); what it guards is the method, not the sample's last decimal."""
    words: set[str] = set()
    for path, location in index_files(built_site):
        read = read_page(path, location)
        if read is not None:
            words |= {w for s in sentences(read.about) + sentences(read.body) for w in search_ko.words(s)
                      if len(w) >= 2 and search_ko.word_groups(w)}
    queries = sorted(words)[::8]
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        snippets = [t for texts in page.evaluate(_SNIPPETS_JS, queries) for t in texts]
    marked = sum("<mark>" in t for t in snippets) / len(snippets)
    assert len(queries) > 200 and marked >= 0.9, f"{marked:.1%} of {len(snippets)} snippets of {len(queries)} queries"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("query", ["3월", "2026-03", "2026년 3월", "2026.3"])
def test_a_month_finds_the_cases_with_records_of_it_first(browser: Browser, served_site: str,  # noqa: F811
                                                          query: str) -> None:
    """Only 2026-0001, 0002 and 0006 have records dated in March: they come first, a date of the
    month marked in each snippet (3월 searched for 월 on every page before)."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        marks = [page.locator(RESULT_ITEM).nth(i).locator("mark").all_inner_texts() for i in range(3)]
    assert set(pages[:3]) == {"/cases/2026-0001/", "/cases/2026-0002/", "/cases/2026-0006/"}, pages
    assert all(m and all(re.fullmatch(r"2026-03-[0-9]{2}|3월", x) for x in m) for m in marks), marks


@pytest.mark.browser
@pytest.mark.slow
def test_a_query_typed_with_the_keyboard_left_in_english_finds_what_its_hangul_finds(
        browser: Browser, served_site: str) -> None:  # noqa: F811
    """채무독촉 typed with the input method in English is coanehrchr: it finds what 채무독촉 finds."""
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        slipped = [site_path(h, served_site) for h in search(page, "coanehrchr")]
        page.goto(served_site)
        meant = [site_path(h, served_site) for h in search(page, "채무독촉")]
    assert meant and slipped[:3] == meant[:3]


@pytest.mark.browser
@pytest.mark.slow
def test_a_case_number_typed_without_its_hyphen(browser: Browser, served_site: str) -> None:  # noqa: F811
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, "20260007")]
    assert pages[0] in {"/cases/2026-0007/", "/cases/2026-0007/summary/"} and "/cases/2026-0007/" in pages[:2]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("query", "run"), [("2026-0007", "2026-0007"), ("000-1234", "000-1234")])
def test_a_case_number_typed_with_its_hyphen_finds_only_the_pages_naming_it(
        browser: Browser, served_site: str, built_site: Path, query: str, run: str) -> None:  # noqa: F811
    """2026-0007 matched every page (each holds a date of 2026); now the pages that show the run, the
    case first, and the count line says so many; the end of a phone number finds the page with it
    (a stretch of 02-000-1234)."""
    holding = set()
    for path, location in index_files(built_site):
        read = read_page(path, location)
        if read is not None and re.search(rf"(?<![0-9A-Za-z]){run}(?![0-9A-Za-z])",
                                          " ".join([read.title, *read.about, *read.body])):
            holding.add("/" + location)
    assert 0 < len(holding) < 5, holding
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        meta = _meta(page)
    assert set(pages) == holding and re.search(rf"(?<![0-9]){len(holding)}(?![0-9])", meta), (pages, meta)
    assert query != "2026-0007" or pages[0] == "/cases/2026-0007/"


def _pages_showing(site: Path, pattern: str) -> set[str]:
    """The indexed pages whose read text matches `pattern`."""
    out = set()
    for path, location in index_files(site):
        read = read_page(path, location)
        if read is not None and re.search(pattern, " ".join([read.title, *read.about, *read.body])):
            out.add("/" + location)
    return out


@pytest.mark.browser
@pytest.mark.slow
def test_a_worker_id_finds_only_the_pages_naming_that_worker(browser: Browser, served_site: str,  # noqa: F811
                                                             built_site: Path) -> None:  # noqa: F811
    """kim.sw searched kim and sw, and every page with lee.sw or park.sw was a result too (19 for
    8): now the pages that show kim.sw, and the count line says so many."""
    holding = _pages_showing(built_site, r"(?<![0-9A-Za-z._-])kim\.sw(?![0-9A-Za-z])")
    others = _pages_showing(built_site, r"(?<![0-9A-Za-z._-])(?:lee|park|choi)\.sw(?![0-9A-Za-z])") - holding
    assert 0 < len(holding) <= 10 and others, (holding, others)
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, "kim.sw")]
        meta = _meta(page)
        marks = page.locator(f"{RESULT_ITEM} mark").all_inner_texts()
    assert set(pages) == holding and re.search(rf"(?<![0-9]){len(holding)}(?![0-9])", meta), (pages, meta)
    assert "kim.sw" in marks and "sw" not in marks, marks


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("query", ["03-04", "3/4", "3.4."])
def test_a_month_and_day_typed_without_a_year_finds_that_day(browser: Browser, served_site: str,  # noqa: F811
                                                             built_site: Path, query: str) -> None:  # noqa: F811
    """03-04 looked for 0304 and found nothing: a month and day without a year is that day of each
    year the index holds dates of, as 3월 4일 is; the page with 2026-03-04 (2026-0001's 접수) is
    found and the date marked."""
    holding = _pages_showing(built_site, r"(?<![0-9])(?:(?:19|20)[0-9]{2}([-./]) ?0?3\1 ?0?4|3월 ?4일)(?![0-9])")
    assert holding, holding
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
        marks = page.locator(RESULT_ITEM).first.locator("mark").all_inner_texts()
    assert set(pages) == holding and marks == ["2026-03-04"], (pages, marks)


@pytest.mark.browser
@pytest.mark.slow
def test_a_compound_written_apart_is_marked_as_one(browser: Browser, served_site: str,  # noqa: F811
                                                   built_site: Path) -> None:  # noqa: F811
    """채무독촉 finds 2026-0007's "채무 독촉이 계속되어 …", whose snippet marked 채무 and 독촉 apart:
    the split form is one match where the query word's bigrams on each side of the space hold it
    (가정방문 on 가정 방문); a query typed apart, 가정 방문, marks 가정방문 whole. A part alone is
    still marked alone (채무조정)."""
    config = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]["casekit"]
    with open_context(browser, bypass_csp=True) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, "채무독촉")]
        first = page.locator(RESULT_ITEM).first.locator("mark").all_inner_texts()
        apart = page.evaluate(SNIPPET_JS, [config, ["두 달 뒤 연락함", "가정 방문으로 두 번째 사후관리를 했다."], "가정방문"])
        joined = page.evaluate(SNIPPET_JS, [config, ["두 달 뒤 연락함", "통번역사와 함께 가정방문으로 상담했다."], "가정 방문"])
        long = page.evaluate(SNIPPET_JS, [config, ["정신건강 복지센터에 연계함", "없음"], "정신건강복지센터에서"])
    assert pages[0] == "/cases/2026-0007/" and first == ["채무 독촉", "채무"], (pages, first)
    assert apart == "<mark>가정 방문</mark>으로 두 번째 사후관리를 했다."
    assert joined == "통번역사와 함께 <mark>가정방문</mark>으로 상담했다."
    assert long == "<mark>정신건강 복지센터</mark>에 연계함"


def test_a_records_heading_says_what_the_case_is_about() -> None:
    """`03 사례회의 · 2026-10-30` on a case page: the kinds of work a case holds weigh like its
    about-fields, not like a word of its long body."""
    page = page_of('<article><h1>사례 A</h1><p>긴 본문</p>'
                                '<h2 class="ck-record ck-record-conference" id="r03">03 사례회의 · 2026-10-30</h2>'
                                '<h2 id="household">가구와 생태도</h2></article>', "cases/a/")
    assert page is not None
    assert page.about == ["03 사례회의 · 2026-10-30"] and page.body == ["긴 본문", "가구와 생태도"]


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("query", ["사례회의", "사례회의에서"])
def test_the_case_with_a_conference_record_comes_first_among_cases(browser: Browser, served_site: str,  # noqa: F811
                                                                   query: str) -> None:
    with open_context(browser) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        pages = [site_path(h, served_site) for h in search(page, query)]
    cases = [p for p in pages if p.startswith("/cases/")]
    assert cases[0] == "/cases/2026-0013/", pages  # its 03 사례회의 record (0005 only mentions one)


_OPEN_SEARCH_JS = """() => { const m = document.querySelector('.md-search-result__meta');
    return m && m.textContent.trim() !== '' && !m.textContent.includes('초기화'); }"""


@pytest.mark.browser
@pytest.mark.slow
def test_on_a_phone_a_pasted_query_searches_and_its_result_opens_at_its_sentence(
        browser: Browser, served_site: str) -> None:  # noqa: F811
    """Material reads the box on keyup; a query pasted from the long-press menu (or dictated, picked
    from the keyboard's suggestions, committed by an IME) comes with no key event: casekit.js passes
    it on. The result, tapped, opens its page at the sentence it shows (a `#:~:text=` fragment):
    반지하 is ten screens down 2026-0006. The header's icon buttons have names and the count line is
    a status, for a screen reader."""
    phone = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
    with open_context(browser, **phone) as (context, _log):
        page = context.new_page()
        page.goto(served_site)
        assert page.get_by_role("button", name="네비게이션", exact=True).is_visible()  # named for a screen reader
        page.get_by_role("button", name="검색", exact=True).tap()
        page.wait_for_function(_OPEN_SEARCH_JS)
        page.locator(".md-search__input").focus()
        page.keyboard.insert_text("반지하 모니터링")  # input events only, as a paste sends
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
        assert page.locator(".md-search-result__meta").get_attribute("role") == "status"
        first = page.locator(f"{RESULT_ITEM} a.md-search-result__link").first
        assert site_path(first.get_attribute("href") or "", served_site) == "/cases/2026-0006/"
        assert "반지하" in first.locator("mark").all_inner_texts()
        first.tap()
        page.wait_for_url("**/cases/2026-0006/**")
        page.wait_for_function("() => scrollY > 0")
        shown = page.evaluate("""() => [...document.querySelectorAll('article dd, article p, article li')]
            .filter(e => e.textContent.includes('반지하'))
            .some(e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })""")
    assert shown, "the result opened 2026-0006 without 반지하 in view"


_IN_VIEW_JS = """(word) => [...document.querySelectorAll('article dd, article p, article li')]
    .filter(e => e.textContent.includes(word))
    .some(e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })"""


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("scrolled", [0, 2000])
def test_on_a_phone_a_result_on_the_page_already_open_scrolls_to_its_sentence(
        browser: Browser, served_site: str, scrolled: int) -> None:  # noqa: F811
    """Reading 2026-0006 on a phone, a search for 반지하 (ten screens down the page) shows this page
    first; tapped, the page goes to the sentence. It stayed where it was: Material holds the page
    still while its search is open and scrolls it back as the search closes (at 1,280 px, and from
    another page, it already went)."""
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    with open_context(browser, **phone) as (context, _log):
        page = context.new_page()
        page.goto(served_site + "cases/2026-0006/")
        page.evaluate(f"() => scrollTo(0, {scrolled})")
        page.get_by_role("button", name="검색", exact=True).tap()
        page.wait_for_function(_OPEN_SEARCH_JS)
        page.locator(".md-search__input").focus()
        page.keyboard.insert_text("반지하")
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
        page.wait_for_function("() => document.body.hasAttribute('data-md-scrolllock')")  # (Material's, at 400 ms)
        first = page.locator(f"{RESULT_ITEM} a.md-search-result__link").first
        assert site_path(first.get_attribute("href") or "", served_site) == "/cases/2026-0006/"
        assert not page.evaluate(_IN_VIEW_JS, "반지하")
        first.tap()
        shown = False
        for _ in range(30):  # (the search closes in 100 ms; give it three seconds)
            page.wait_for_timeout(100)
            shown = page.evaluate(_IN_VIEW_JS, "반지하") and not page.evaluate(
                "() => document.body.hasAttribute('data-md-scrolllock')")
            if shown:
                break
        page.wait_for_timeout(300)  # and it stays there
        shown = shown and page.evaluate(_IN_VIEW_JS, "반지하")
        where = page.evaluate("() => [scrollY, location.pathname, document.getElementById('__search').checked]")
    assert shown and where[1:] == ["/cases/2026-0006/", False], where


def test_dates_are_found_where_digits_start_as_a_scan_of_every_character_finds_them() -> None:
    """`date_matches` tries `DATE` only where a run of digits starts (a page's text is scanned in a
    fraction of the time): the same matches as `DATE.finditer` on every sample record and on random
    texts of digits, separators and the date words."""
    import random
    import unicodedata

    rng = random.Random(7)
    alphabet = "0123456789-./ 년월일a가\n"
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent.parent / "cases").rglob("*.md"))]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in search_ko.date_matches(text)] == [m.span() for m in search_ko.DATE.finditer(text)], text
        assert search_ko.date_terms(text) == [t for m in search_ko.DATE.finditer(unicodedata.normalize("NFKC", text))
                                              for t in search_ko._day_terms(*search_ko._date(m))], text
