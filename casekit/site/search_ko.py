"""Korean search terms, made the same way at build time (Python) and at query time (JavaScript).

Korean glues particles (조사) and verb endings (어미) to words and writes compounds both joined and
apart: a worker types 상담하였음 where the record says 상담했다, 채무독촉 where it says 채무 독촉,
주거 지원 where it says 주거지원. Instead of a dictionary (kiwipiepy: 218 MB installed, and it
does not split compounds it does not know, such as 가온지역자활센터), every word becomes:

1. its stem: a trailing particle (을, 에서, 에게는 ...) and then a light-verb or copula ending
   (하였음, 했다, 해, 함, 됨, 돼, 받음, 이다 ...) are cut, keeping at least two syllables (one for a
   long particle), so 아이, 회의, 피해, 기한 keep their last syllable;
2. the Hangul bigrams of that stem (채무독촉 -> 채무 무독 독촉; a one-syllable stem is its own term);
3. where the word reads as a verb or adjective, its *predicate key* (`lemma`): the ending cut and
   the stem's irregular or contracted last syllable put back, then 다 (어려움, 어려워한다,
   어려워짐, 어렵고 -> 어렵다; 끊겼다, 끊기고, 끊긴 -> 끊기다; 끊음, 끊은 -> 끊다; 밀린, 밀림, 밀려 ->
   밀리다; 몰라 -> 모르다; 바빠서 -> 바쁘다). A key is a
   term of three syllables or more (or the word's own two-syllable bigram), so it meets only the
   forms of its own verb;
4. where a one-syllable particle that also ends nouns (의, 이, 가, 도, 로, 과) was cut from a longer
   word, the bigrams of the uncut word too (사례회의 -> 사례 례회 and 회의), so 회의 meets 사례회의:
   after 의 (in a word of four syllables or more: 아동의, 사이의, 가정의 are 아동, 사이, 가정 with the
   particle, not 동의, 이의, 정의) and 도 always, after the others only where the syllable before could
   not take that particle (이 and 과 follow a final consonant, 가 and 와 a vowel: 인사평가, 상담효과), so
   팀이, 리포트가, 면담과 add no term.

Each way of reading a word is a *group* of terms (`word_groups`); a page is indexed under all of
them, and a query word is matched by whichever group the page holds best. A typed word that is
another name of a stage (모니터링, 초기면접, 개입: `casekit.core.names.STAGE_WORDS`) is matched by
the stage's name on the site (점검, 접수, 실행) too: one group more for the query, nothing more in
the index (`STAGE_ALIASES`, `query_groups`). Bigrams make a compound
findable joined or split and make infix search free (주거 is in 가온주거복지센터); two words side by side
hold the term across the space (고용 센터: "용 센", `ACROSS`), so a compound typed joined meets it written
apart where its parts stand together, not where they merely stand on one page (`split_groups`). A verb's
noun form in 기 with 도, 는, 만, 까지 or 조차 before 하다 or 못하다 is the verb (울기도 했다, 먹기조차 못했다:
울다, 먹다, `PREDICATE_GI`). A particle written onto Latin letters or digits is no word (ID나, kim이나:
`RUN_PARTICLES`). Latin letters and digits form whole lowercase terms (2026, 0006, kim, sw); written
with hyphens, also joined (2026-0006 -> 20260006, for a case number typed without its hyphen), but not
a date (2026-12-01) nor a file name (01-intake.md); written with dots or underscores, also joined (a worker id kim.sw ->
kimsw, lee_hj -> leehj), but not a date (2026.03.04), and a run of digits only as written (1.5, not
15). Such a run typed in a query is one word, looked for joined (kim.sw finds Kim's pages, not every
page of another *.sw).

Dates are terms of their own (`date_terms`, `DATE`): a date written 2026-03-15, 2026.3.15, 2026/03/15,
2026. 3. 15. or 2026년 3월 15일 is indexed as its day (2026-03-15), its month (2026-03) and its month
without the year (3월); a month 2026-03, 2026.3 or 2026년 3월 as the last two; one written without its
year, 3월 15일 or 3월 (초, 중순, 말 ...), as 3월15일 and 3월 or as 3월. A date in a query is one
query word (`query_groups`): 3월 looks for 3월 (any year); 2026-03 and 2026년 3월 for 2026-03;
2026-03-15 for that day; 3월 15일 for 3월15일 and for that day of each year the index holds dates in
(`years`, from the manifest), so a lone digit before 월 no longer leaves the query looking for 월 on
every page; a month and day typed without a year, 03-04, 3/4 or 3.4. (`MONTH_DAY`, a query's only),
is read as 3월 4일 is. The words of a date (2026, 03, 월) are indexed as before; a number with
another counter (3회, 3명, 3개월) is no date: a number and its counter are a count term (`count_terms`,
`COUNTERS`: 4인, 3개월째, 30만원; with a period before it, 주1회, 월2회), in a query joined or apart
(`count_groups`: 4인 or 4 인 looks for 4인; 40인 for 40인, or else 40 and 인). Which dates of a page count is the index's affair: not the site's own
bookkeeping (`data-search-nodate`: the day a record file last changed, the day the site was built, the
기준일).

The tables are written into the search manifest and `assets/search-worker.js` applies them, with
the same few lines of syllable arithmetic, to what is typed (tests/test_search_forms.py runs both on
every word of the sample site). This module knows nothing of MkDocs or HTML.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterator, Sequence

from casekit.core.keyboard import keyboard_hangul
from casekit.core.names import STAGE_WORDS, word_key
from casekit.core.schemas import STAGE_KO

__all__ = ["ACROSS", "ALIASES", "ALONE_NOTHING", "BARE_ENDINGS", "COUNT", "COUNTERS", "DATE", "DATE_TAILS", "ENDINGS", "EVERYDAY_WORDS", "FUNCTION_WORDS", "GI", "LEMMA_ENDINGS", "MONTH_DAY", "NODATE", "PARTICLES", "PREDICATE_DO", "PREDICATE_GI", "RUN_PARTICLE", "RUN_PARTICLES", "SERVICE_NAMES", "SPELLINGS", "STAGE_ALIASES", "bigrams",
           "count_groups", "count_terms", "date_terms", "dotted_terms", "gi_keys", "is_across_term", "is_count_term", "is_date_term", "is_regular_key", "joined", "kept_whole", "lemma", "predicates", "query_groups", "query_terms", "stem",
           "terms", "undated", "word_groups", "words"]

# Particles, longest first where one is the tail of another (the cut takes the longest match).
LONG_PARTICLES: tuple[str, ...] = (
    "에서부터", "으로부터", "에게서는",
    "때문에", "때문이", "때문",  # (a dependent noun typed onto its noun: 빚때문에, 월세때문)
    "에서는", "에서도", "에서의", "에게는", "에게도", "에게서", "한테서", "한테는", "께서는",
    "으로는", "으로도", "으로서", "으로써", "로부터", "까지는", "까지도", "부터는", "이라도",
    "이라는", "이랑은", "처럼은", "들에게", "들에서", "들한테",
    "에서", "에게", "한테", "께서", "께는", "으로", "까지", "부터", "처럼", "보다", "마다", "조차",
    "에는", "에도", "에의", "로는", "로도", "로서", "로써", "와는", "과는", "와도", "과도", "이나",
    "이랑", "이란", "이며", "이고", "들이", "들을", "들은", "들의", "들과", "들도", "들로", "들에",
    "들께",
)
SHORT_PARTICLES: tuple[str, ...] = (
    "을", "를", "이", "가", "은", "는", "에", "의", "와", "과", "도", "로", "만", "께", "들", "랑",
)
PARTICLES: tuple[str, ...] = LONG_PARTICLES + SHORT_PARTICLES
# One-syllable particles that are also the last syllable of common nouns (회의, 제도, 평가, 효과):
# cut from a longer word, the uncut word's bigrams are a second reading of it, where the syllable
# before fits the rule: any; vowel (no final consonant: 이 and 과 would be 가 and 와 after it);
# final (a final consonant: 가 would be 이); final_not_l (로 would be 으로, but ㄹ로 is the particle).
NOUN_FINAL: tuple[tuple[str, str], ...] = (
    ("의", "any"), ("도", "any"), ("이", "vowel"), ("과", "vowel"), ("가", "final"), ("로", "final_not_l"),
)
_NOUN_FINAL = dict(NOUN_FINAL)

_LIGHT_ENDINGS: set[str] = {
    "하였으나", "하였는데", "하였지만", "하였으며", "하였으므로", "하였음", "하였다", "하였고", "하였던",
    "했으나", "했는데", "했지만", "했으며", "했음", "했다", "했고", "했던", "했고요", "했어요", "했습니다",
    "합니다", "하도록", "하려고", "하면서", "하기로", "하지만",
    "함", "하다", "한다", "하고", "하며", "하여", "해서", "하는", "하기", "하게", "하면", "하려", "하지", "한",
    "하여서", "하여야", "하여도", "해", "해요", "해야", "해도",
    "되었음", "되었다", "되었고", "되었으며", "됐음", "됐다", "됐고", "됩니다",
    "됨", "된다", "되다", "되고", "되며", "되어", "되는", "되기", "되면", "된",
    "되어서", "되어야", "되어도", "돼", "돼서", "돼요", "돼야", "돼도",
    "받았음", "받았다", "받았고", "받음", "받고", "받는", "받을", "받아", "받기", "받게",
    "시켰음", "시켰다", "시킴", "드렸음", "드렸다", "드림",
    "이었음", "이었다", "였음", "였다", "입니다", "이다", "임",
    # with the 시 of respect (어르신께서 말씀하심, 거부하셨음, 연계되셨다, 지원받으심)
    "하심", "하셨음", "하셨다", "하셨고", "하셨으며", "하셨는데", "하셨지만", "하셨습니다", "하시고", "하시며",
    "하시는", "하신", "하신다", "하시다", "하시면", "하시기", "하시게", "하시도록", "하셔서", "하셔야", "하셔도",
    "하셔", "하세요", "하십니다", "하셨어요", "하셨어",
    "되심", "되셨음", "되셨다", "되셨고", "되시고", "되신", "되셔서", "되셨어요", "되세요",
    "받으심", "받으셨음", "받으셨다", "받으셨고", "받으시고", "받으신", "받으셔서", "받으셨어요", "받으세요",
    # the light verb's ㄹ form (방문할); its stem alone (방문하는, 연결되는: 는 cut as a particle) is `BARE_ENDINGS`
    "할", "될", "하던", "되던",
}
# The light verb's stem left when 는 is cut as a particle (방문하는, 연결되는 -> 방문하, 연결되): cut only
# then. A word ending in 하 or 되 otherwise is a noun ending so (반지하, 인지저하, 영하): 반지하를 was
# 반지 and its light verb, found by 반지 and not by 지하, and marked "<mark>반지</mark>하".
BARE_ENDINGS: tuple[str, ...] = ("하", "되")
# 하였 is written 했, 하여 해, 되었 됐, 되어 돼: each ending is in the table in both spellings.
_CONTRACTIONS = (("하였", "했"), ("하여", "해"), ("되었", "됐"), ("되어", "돼"))


def _both_spellings(endings: set[str]) -> set[str]:
    out = set(endings)
    for ending in endings:
        for long, short in _CONTRACTIONS:
            if ending.startswith(long):
                out.add(short + ending[len(long):])
            elif ending.startswith(short):
                out.add(long + ending[len(short):])
    return out


# Endings of the light verbs records are written with (상담하였음, 연계했다, 방문함, 결정됨,
# 상담받음, 대상임), longest first. Cut only when two syllables stay.
ENDINGS: tuple[str, ...] = tuple(sorted(_both_spellings(_LIGHT_ENDINGS), key=lambda e: (-len(e), e)))
_PARTICLE_ORDER: tuple[str, ...] = tuple(sorted(set(PARTICLES), key=lambda p: (-len(p), p)))
_SHORT = frozenset(SHORT_PARTICLES)

# Verb endings cut before a predicate key is made, with what must stay before them:
#   any: a syllable; long: two syllables (며, 면 also end nouns: 라면, 측면);
#   verb: two syllables, or one closed by a consonant other than ㄴ, ㅁ, ㅇ (찾고, 먹지, 받게; 고, 게,
#   지 also end nouns: 사고, 가게, 신고, 참고, 창고, 광고; 복지 and 잡지 get a key, 복다, no verb form meets);
#   open: a syllable ending in the vowel of 아/어 (바빠서, 어려워요, 몰라도);
#   closed: a syllable with a final consonant (좋아서, 있어요; 끊음, 끊은, 끊는, 끊겼음: the noun and
#   adnominal forms after a closed stem, where 음 and 는 are no particle; 은 after a one-syllable
#   noun is, 집은, which then gets a key too, 집다, as a one-syllable word read as a verb).
LEMMA_ENDINGS: tuple[tuple[str, str], ...] = tuple(sorted((
    ("습니다", "any"), ("는데", "any"), ("지만", "any"), ("면서", "any"), ("니까", "any"),
    ("도록", "any"), ("려고", "any"), ("네요", "any"), ("지요", "any"), ("다", "any"),
    ("고", "verb"), ("게", "verb"), ("지", "verb"), ("며", "long"), ("면", "long"),
    ("서", "open"), ("요", "open"), ("도", "open"), ("야", "open"),
    ("어서", "closed"), ("아서", "closed"), ("어요", "closed"), ("아요", "closed"),
    ("어도", "closed"), ("아도", "closed"), ("어야", "closed"), ("아야", "closed"),
    ("음", "closed"), ("은", "closed"), ("는", "closed"),
    ("던", "past"),  # 다쳤던, 먹었던: the past's 었 before it (가던, 하던: a present stem, left)
), key=lambda e: (-len(e[0]), e[0])))

# Words a query is written with that say nothing of what is looked for (때문에, 위해, 및, 통해, 것,
# 수, 하다, 있어요 …; not 등, also the back: 등 통증): left out of a query that holds another word. `월세 때문에 힘들어요` ranked a page
# for its "나이 때문에" and the privacy page for "때문입니다" above pages about rent. By stem. Also
# 안 and 못 (not): `병원에 안 가요` looked for a lone 안 on the page, where records write 가지 않음,
# 거부함 or 못 감; the rest of the query is what is looked for.
FUNCTION_WORDS: frozenset[str] = frozenset({
    "때문", "위해", "위해서", "위하여", "및", "통해", "통해서", "통하여", "대한", "대해", "대해서", "대하여", "관련",
    "관련해", "관련해서", "것", "수", "때", "하고", "해요", "해서", "했어요", "했다", "합니다", "하다", "되다",
    "돼요", "됐어요", "있어요", "있다", "있음", "있는", "그리고", "또는", "혹은", "좀", "너무", "많이", "매우", "아주",
    "정말", "그냥", "안", "못",
})

# The Hangul words practitioners write for a stage that the site names otherwise (모니터링 -> 점검):
# a query word whose stem is one also looks for the stage's name. Not 재개 (서비스 재개: everyday
# use; every intake would match it).
STAGE_ALIASES: dict[str, str] = {
    key: STAGE_KO[stage] for stage, names in STAGE_WORDS.items() for name in names
    if re.fullmatch(r"[가-힣]+", key := word_key(name)) and STAGE_KO[stage] not in key and key != "재개"
}

# Other names of one office or service: the names it had before (동사무소 and 주민센터 are now
# 행정복지센터; 정신보건센터 정신건강복지센터; 건강가정지원센터 and 다문화가족지원센터 가족센터; 의료보호
# 의료급여; 기초노령연금 기초연금; 노인돌봄기본서비스 노인맞춤돌봄서비스), and the short names workers
# use (기초수급, 자활센터, 아보전). A query word whose stem is one also looks for each other name of
# it, as a stage's other names do; the index is the same.
SERVICE_NAMES: tuple[tuple[str, ...], ...] = (
    ("행정복지센터", "주민센터", "동주민센터", "동사무소", "읍사무소", "면사무소", "행복센터"),
    ("정신건강복지센터", "정신건강센터", "정신보건센터", "정신건강증진센터"),
    ("가족센터", "건강가정지원센터", "다문화가족지원센터", "건강가정다문화가족지원센터", "건가센터"),
    ("고용복지플러스센터", "고용센터", "고용지원센터"),
    ("의료급여", "의료보호"),
    ("기초연금", "기초노령연금"),
    ("노인맞춤돌봄서비스", "노인맞춤돌봄", "노인돌봄", "노인돌봄서비스", "노인돌봄기본서비스", "노인돌봄종합서비스", "독거노인돌봄"),
    ("기초생활수급", "기초생활수급자", "기초수급", "기초수급자", "기초생활보장", "국민기초생활보장"),
    ("긴급지원", "긴급복지", "긴급복지지원"),
    ("치매안심센터", "치매센터", "치매상담센터", "치매지원센터"),
    ("장애인연금", "장애연금"),
    ("지역자활센터", "자활센터"),
    ("아동보호전문기관", "아보전"),
    ("노인보호전문기관", "노보전"),
    # (what workers call them in their notes, and their former names)
    ("국민취업지원제도", "국민취업지원", "국취", "취업성공패키지", "취성패"),
    ("맞춤형복지팀", "맞복팀", "맞춤형복지전담팀"),
    ("희망복지지원단", "희복단"),
    ("은둔형외톨이", "은둔청년", "고립은둔", "히키코모리", "은둔"),
)
# The everyday word a worker, a family or a supervisor types for what records write in the practice's
# terms (남편, 할머니, 빚, 집주인 typed; 배우자, 어르신, 채무, 임대인 written): a query word whose stem is
# a key also looks for each word after it, as a service's other names do. One way only, from the word
# typed to the words that stand for it on a page: 남편 finds 배우자 (the husband a record calls the
# spouse), 배우자 finds 남편 and 아내, but 남편 never 아내. Only words that mean the same person or
# thing in a case record; not a broader theme (외로움 is not 고립, 돈 is not 생계).
EVERYDAY_WORDS: dict[str, tuple[str, ...]] = {
    "남편": ("배우자",), "아내": ("배우자",), "부인": ("배우자", "아내"), "와이프": ("배우자", "아내"),
    "배우자": ("남편", "아내"),
    "할머니": ("어르신", "노인"), "할아버지": ("어르신", "노인"), "어르신": ("노인",), "노인": ("어르신",),
    "아이": ("아동", "자녀"), "애": ("아이", "아동", "자녀"), "애들": ("아이", "아동", "자녀"), "아동": ("아이",),
    "자녀": ("아들", "딸", "아이"), "아들": ("자녀",), "딸": ("자녀",),
    "손주": ("손자", "손녀", "조손"), "손자": ("손주", "조손"), "손녀": ("손주", "조손"),  # (조손 가구: 조부모와 손주)
    "아빠": ("아버지", "부친"), "엄마": ("어머니", "모친"), "아버지": ("아빠", "부친"), "어머니": ("엄마", "모친"),
    "집주인": ("임대인",), "임대인": ("집주인",), "집세": ("월세", "임대료"),
    "빚": ("채무", "부채"), "채무": ("빚",), "부채": ("빚", "채무"),
    "술": ("음주", "알코올"), "음주": ("술",),
    "일자리": ("취업", "구직"), "취업": ("일자리",), "구직": ("일자리",),
    "밥": ("식사", "끼니"), "끼니": ("식사",),
    "병원비": ("의료비",), "의료비": ("병원비",),
    "전기": ("단전",), "혼자": ("독거",), "독거": ("혼자",),
}

# Loanwords written otherwise than their standard spelling (외래어 표기법) where workers often do:
# a word holding one is also read with the standard spelling, on a page and in a query alike, so
# that 알콜 typed finds 알코올 written, and 알코올 typed finds a record that says 알콜.
SPELLINGS: tuple[tuple[str, str], ...] = (
    ("알콜", "알코올"), ("센타", "센터"), ("쎈터", "센터"), ("메세지", "메시지"), ("워크샵", "워크숍"),
    ("리더쉽", "리더십"), ("컨퍼런스", "콘퍼런스"), ("바우쳐", "바우처"), ("카운셀링", "카운슬링"),
    ("네트웍", "네트워크"), ("써비스", "서비스"), ("스케쥴", "스케줄"), ("비젼", "비전"),
    ("레크레이션", "레크리에이션"), ("컨텐츠", "콘텐츠"), ("팜플렛", "팸플릿"), ("링겔", "링거"),
    ("기브스", "깁스"), ("엠뷸런스", "앰뷸런스"), ("앰블런스", "앰뷸런스"), ("알러지", "알레르기"),
    ("텔레비젼", "텔레비전"),
)

_WORD = re.compile(r"[가-힣]+|[0-9A-Za-z]+")  # a run of Hangul, or of Latin letters and digits
_HANGUL = re.compile(r"[가-힣]+")
# a hyphenated run of Latin letters and digits (2026-0007, 000-1234, a file name's 01-intake)
# (the first letter or digit before the look behind it: a pattern that opens with a character class
# is searched for by that class, in C, not tried at every character of a page's text; the look
# behind sees the two characters, the one before the run and its first: `(?<![0-9A-Za-z-])` of old)
_JOINED = re.compile(r"[0-9A-Za-z](?<![0-9A-Za-z-][0-9A-Za-z])[0-9A-Za-z]*(?:-[0-9A-Za-z]+)+(?![0-9A-Za-z])")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
# a run of Latin letters and digits joined by dots or underscores, no hyphen (a worker id kim.sw,
# lee_hj; v1.2.3, a.b of a.b@c.org, 1.5), not part of a longer run of those characters (the worker's
# DOTTED is the same, the character before the run in its group 1); `dotted_terms` says what it gives
_DOTTED = re.compile(r"[0-9A-Za-z](?<![0-9A-Za-z._-][0-9A-Za-z])[0-9A-Za-z]*(?:[._][0-9A-Za-z]+)+"
                     r"(?![0-9A-Za-z]|[-._][0-9A-Za-z])")
# a dot or underscore between a letter or digit and another: where a `_DOTTED` run may be (a
# pattern opening with the class of two characters is searched for in C; the letters and digits
# `_DOTTED` opens with are ten times as many on a page)
_DOT_PAIR = re.compile(r"[._](?<=[0-9A-Za-z][._])(?=[0-9A-Za-z])")
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_SEPARATOR = re.compile(r"[-._]")
_LETTER = re.compile(r"[A-Za-z]")
JOINED_PARTS = 8  # a run of more parts is indexed joined whole only, not each stretch of it


def joined(run: str) -> list[str]:
    """The joined terms of a run of letters and digits joined by hyphens, dots or underscores
    (`_JOINED`, `_DOTTED`; not a date): each stretch of two parts or more, whole first
    (02-000-1234 -> 020001234, 02000, 0001234; kim.sw -> kimsw), so a query's run (a case number,
    the end of a phone number, 101-1, a worker id) meets a page's wherever it stands in a longer
    one. The worker's `joined` is the same."""
    parts = _SEPARATOR.split(run.lower())
    if len(parts) > JOINED_PARTS:
        return ["".join(parts)]
    n = len(parts)
    return ["".join(parts[i:i + k]) for k in range(n, 1, -1) for i in range(n - k + 1)]

# A date, the character before it in group 1 (not a letter or digit: 13월 is no 3월, 2026-0007 no
# month; the worker's copy of this pattern runs where a regex has no lookbehind, Safari before 16.4):
#   2026-03-15 2026.3.15 2026/03/15 (one separator twice) and 2026-03 2026.3, the year in group 2,
#   the separator 3, month 4, day 5; 2026. 3. 15. (the Korean dotted style): month 6, day 7;
#   2026년 3월 (15일): month 8, day 9; without a year, 3월 (15일): month 10, day 11.
# A numeric month followed by a separator and a digit that make no day (2026-03-45) is no date.
_MONTH, _DAY, _YEAR = "(0?[1-9]|1[0-2])", "(0?[1-9]|[12][0-9]|3[01])", "((?:19|20)[0-9]{2})"
DATE = re.compile(
    r"(^|[^0-9A-Za-z])(?:" + _YEAR + r"(?:([-./])" + _MONTH + r"(?:\3" + _DAY + r"(?![0-9])|(?![0-9]|[-./][0-9]))"
    + r"|\. " + _MONTH + r"\. " + _DAY + r"(?![0-9])"
    + r"|년 ?" + _MONTH + r"월(?: ?" + _DAY + r"일)?)"
    + r"|" + _MONTH + r"월(?: ?" + _DAY + r"일)?)")
# What may follow a date in a query, joined to it, and say no more than the date: 3월에, 3월부터,
# 3월초, 3월 중순에 (a particle, or one of these with a particle after it).
DATE_TAILS: tuple[str, ...] = ("초", "말", "중", "초순", "중순", "하순", "경", "쯤", "께")

# Counters (단위성 의존 명사) a number is written with in case records: a number and its counter are
# one term (`count_terms`: 4인, 3개월, 6주째, 2회, 30만원), so `4인 가구` finds first the page of
# "4인 가구", not every page of 1인 or 2인 가구 (the number, one digit, was no term, and 인 on every
# household), `월 2회` the page saying 월 2회 (its 월 no month: a month is a digit and 월, `DATE`).
# Longest first where one starts another (개월 before 개, 회기 before 회); 만 원 is written apart too.
# Not 월 (a month), nor 번 alone (13번 is a case called by its number: `NUMBERED`; 3번째 is here).
COUNTERS: tuple[str, ...] = (
    "개월", "주일", "주차", "시간", "회기", "차례", "번째", "학년", "학기", "등급", "단계", "분기", "가구", "세대",
    "만원", "천원", "인", "명", "세", "살", "주", "일", "년", "시", "분", "회", "차", "건", "개", "곳", "권", "장",
    "통", "원", "만", "천", "억", "평", "층", "점", "배", "끼", "병", "잔", "갑", "달",
)
# Particles written onto a run of Latin letters or digits (ID나, ID를, kim이나, 2026-0006에서, 119나): no
# word of their own, on a page or in a query, as `stem` cuts them after Hangul (a query `ID나` looked for
# the word 나 too, and found pages of 나를, 나가는). PARTICLES, and the forms after a vowel of those in 이
# (나, 라도, 라는, 란, 며: ID is read 아이디, 3 삼 or 셋); not a counter (30만 원 is a count: `COUNTERS`).
RUN_PARTICLES: tuple[str, ...] = tuple(sorted((set(PARTICLES) | {"나", "라도", "라는", "란", "며"}) - set(COUNTERS),
                                              key=lambda p: (-len(p), p)))
# (the letter or digit before it kept, the particle made a space: 2026-0006에서 is 2026-0006, not 20260006에서)
RUN_PARTICLE = re.compile(r"([0-9A-Za-z])(?:" + "|".join(RUN_PARTICLES) + r")(?![가-힣])")


# a number and a counter joined (3개월, 4인가구, 3개월째: what follows the counter in the word is left
# to the word), 째 (the n-th) kept; in a query also written apart (4 인), then a particle or nothing
# after it (not 2 일상: a word of its own). The character before it in group 1 (no letter, digit or
# separator: G1, 2026-0001 are no numbers of a count); the number 2, the counter 3, 째 4.
_COUNT_NUMBER = r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"
_COUNTER = "(" + "|".join(c if c != "만원" else "만 ?원" for c in COUNTERS) + ")"
COUNT = re.compile(r"(^|[^0-9A-Za-z.,_-])" + _COUNT_NUMBER + _COUNTER + "(째)?")
QUERY_COUNT = re.compile(r"(^|[^0-9A-Za-z.,_-])" + _COUNT_NUMBER + " ?" + _COUNTER + "(째)?")
# How often (주 1회, 월 2회, 주 5일, 하루 3끼): the period and the count are a term too (주1회), so
# `월 2회` finds first the page of 월 2회, not the pages of 주 2회 and of any 월 (of 9월). The word
# before it in group 1 (no Hangul or digit: the 월 of 3월 2회 is a month's), the period 2, then the
# number 3, the counter 4 and 째 5, as `COUNT`'s; written apart or joined.
PERIODS: tuple[str, ...] = ("하루", "매일", "매주", "매월", "매년", "격주", "격월", "주", "월", "연", "년", "일")
_PERIOD = r"(^|[^가-힣0-9A-Za-z.,_-])(" + "|".join(PERIODS) + ") ?"
PERIOD_COUNT = re.compile(_PERIOD + _COUNT_NUMBER + _COUNTER + "(째)?")
QUERY_PERIOD_COUNT = re.compile(_PERIOD + _COUNT_NUMBER + " ?" + _COUNTER + "(째)?")

# --- syllables: 가 = 0xAC00 + (initial * 21 + vowel) * 28 + final ----------------------------------
_A, _EO, _YEO, _WA, _WEO, _EU, _U, _O, _AE, _E = 0, 4, 6, 9, 14, 18, 13, 8, 1, 5  # vowels ㅏ ㅓ ㅕ ㅘ ㅝ ㅡ ㅜ ㅗ ㅐ ㅔ
_I_VOWEL = 20  # ㅣ
_IEUNG = 11  # initial ㅇ
_RIEUL, _BIEUP, _SSANG_SIOS = 8, 17, 20  # finals ㄹ ㅂ ㅆ
_OPEN = frozenset({_A, _EO, _YEO, _WA, _WEO, _AE, _E})  # the vowel an 아/어 ending leaves on the stem (지내요, 세요)
_TENSE = frozenset({1, 4, 8, 10, 13, 14, 15, 16, 17})  # initials ㄲ ㄸ ㅃ ㅆ ㅉ ㅊ ㅋ ㅌ ㅍ
# The initials of the syllables 리, 기, 히 that end the stems of passive and causative verbs (밀리다,
# 끊기다, 얽히다): with 어 fused to them (밀려, 끊겨, 얽혀), or ㄴ or ㅁ (밀린, 밀림, 끊긴, 얽힌), they
# are read back to the stem (`lemma`). Not 이: 인, 임, 여 end nouns most often (노인, 본인, 참여,
# 급여), and other syllables so ending too (기한, 마음, 자녀).
_PASSIVE = frozenset({0, 5, 18, 14})  # ㄱ ㄹ ㅎ, and ㅊ of 치다 (다쳐, 다친 -> 다치다; 모친, 부친 get a key no verb has)
_NIEUN, _MIEUM, _RIEUL_MIEUM = 4, 16, 10  # finals ㄴ ㅁ ㄻ
_NOT_VERB_FINALS = frozenset({0, _NIEUN, _MIEUM, 21})  # none, ㄴ, ㅁ, ㅇ: 보고, 신고, 참고, 창고 (the "verb" rule)


def _parts(ch: str) -> tuple[int, int, int]:
    n = ord(ch) - 0xAC00
    return n // 588, (n // 28) % 21, n % 28


def _syllable(initial: int, vowel: int, final: int) -> str:
    return chr(0xAC00 + (initial * 21 + vowel) * 28 + final)


def _noun_final_fits(before: str, particle: str) -> bool:
    """Whether a word ending in `before` + `particle` is also read as a noun ending in the particle."""
    rule = _NOUN_FINAL.get(particle)
    if rule is None:
        return False
    final = _parts(before)[2]
    if rule == "vowel":
        return final == 0
    if rule == "final":
        return final != 0
    if rule == "final_not_l":
        return final not in (0, _RIEUL)
    return True


def _ending_fits(rest: str, rule: str) -> bool:
    if not rest:
        return False
    _, vowel, final = _parts(rest[-1])
    if rule == "long":
        return len(rest) >= 2
    if rule == "verb":
        return len(rest) >= 2 or final not in _NOT_VERB_FINALS
    if rule == "open":
        return vowel in _OPEN and final == 0
    if rule == "closed":
        return final != 0
    if rule == "past":
        return final == _SSANG_SIOS
    return True


def lemma(s: str, honorific: bool = False, regular: bool = False) -> str | None:
    """The predicate key of a stem (`stem(word)`) that reads as a verb or adjective, else None.
    `honorific`: the key of the stem with the 시 of respect taken out (None when it has none).
    `regular`: the key of a stem in ㄹ라 or ㄹ러 read as it stands (놀라요, 놀라: 놀라다's), not as a 르 verb's
    (몰라요: 모르다's); a noun form in ㄹ람 is always read so (`word_groups` gives a verb form both keys), and
    so is a form a 르 verb has not: an ending that joins a stem, not the 아/어 form (놀라고, 열라고: 고 after
    라), or 라/러 against the vowel before (a 르 verb has 몰라, 불러: 놀러 is 놀다's).

    어렵다 어렵고 어려움 어려운 어려워 어려웠다 (어려워한다, 어려워짐: stems 어려워, 어려워짐) -> 어렵다;
    끊겼다 끊기고 끊겨서 끊겨 끊긴 끊김 -> 끊기다; 다쳤던 다쳐 다친 다침 -> 다치다; 끊었다 끊음 끊은 끊는 -> 끊다; 밀렸어요 밀린 밀림 밀려
    -> 밀리다; 몰라 몰랐다 -> 모르다; 바빠 바빠서 바빴다 -> 바쁘다; 보였다 -> 보이다. The noun form
    of a stem that ends in a vowel (ㅁ joined to it, as records are written: 술을 마심, 병원에 다님,
    도움, 힘듦) meets the verb's other forms: 마심 마셔요 마셨다 -> 마시다; 다님 다녀요 -> 다니다;
    만남 만났다 -> 만느다; 모자람 모자라요 -> 모자르다. A 르 verb's noun form is 름 (모름, 흐름 ->
    모르다, 흐르다), never ㄹ람: 놀람 is 놀라다's (놀르다, as 놀라요 read `regular`), and a noun in ㄹ람 is no
    form of a 르 verb (열람 -> 열르다, not 여르다, the key of 여름). Not 음 (마음, 처음, 다음); other words of two
    syllables or more in ㅁ get a key no verb has (아침 -> 아치다; the nouns in 담, 검, 점, 람, 험 on
    every case page, 상담 -> 상드다, 점검 -> 점그다); a one-syllable word (감, 잠, 봄) never: its key
    would be two syllables, a bigram's. An ending left apart from an open stem is taken off as
    the fused one is: 나누었다, 나눠요 -> 나누다; 주었다, 줬다 -> 주다. A word typed is read the same way: 버팀 or 돌봄 typed
    meets 버티고 or 돌봐 written, as 마셔요 typed meets 마심.
    Every form of one verb meets the same key, whatever the key spells (만나다 gives 만느다); a
    noun that looks like a form (아빠, 빌라) gets a key no verb has. The worker's `lemma` is the same.
    """
    if len(s) < 2 or not _HANGUL.fullmatch(s):
        return None
    changed = False
    cut = ""
    fused = True  # whether what the cut leaves may be an 아/어 form (몰라, 몰라서, 몰랐다; not 놀라고, 열라고)
    for ending, rule in LEMMA_ENDINGS:
        if s.endswith(ending) and _ending_fits(s[: -len(ending)], rule):
            s, changed, cut, fused = s[: -len(ending)], True, ending, rule == "open"
            break
    if s in ("해", "했"):  # 했다, 해서, 해야: the light verb alone (a query's function word), no key
        return None
    if cut == "다" and len(s) >= 2 and s[-1] == "는" and _parts(s[-2])[2]:
        s = s[:-1]  # the present 는다 after a closed stem: 먹는다, 찾는다 -> 먹, 찾
    elif cut == "다" and _parts(s[-1])[2] == _NIEUN and s[-1] != "는":
        i, v, _ = _parts(s[-1])
        s = s[:-1] + _syllable(i, v, 0)  # ㄴ다 after an open stem: 다닌다, 지낸다, 간다 -> 다니, 지내, 가
    initial, vowel, final = _parts(s[-1])
    if not changed and len(s) >= 2 and initial in _PASSIVE and (
            (vowel == _YEO and final == 0) or (vowel == _I_VOWEL and final in (_NIEUN, _MIEUM))):
        return s[:-1] + _syllable(initial, _I_VOWEL, 0) + "다"  # 밀린, 밀림, 밀려 -> 밀리다; 끊긴, 끊겨 -> 끊기다
    noun = False
    if not changed and final in (_MIEUM, _RIEUL_MIEUM) and not (initial == _IEUNG and vowel == _EU):
        # the noun form of an open stem: 마심, 다님, 느낌, 도움, 힘듦, 만남, 모자람; not 음 (마음, 처음, 다음).
        # The nouns in 담, 검, 점, 람, 험 (상담, 점검, 강점, 사람, 위험) get a key too, one no verb has
        s, changed, noun = s[:-1] + _syllable(initial, vowel, 0 if final == _MIEUM else _RIEUL), True, True
    if not changed and final == _NIEUN and vowel == _A and initial == 5 and len(s) >= 2 and _parts(s[-2])[2] == _RIEUL:
        # 놀란: the adnominal past of a stem in ㄹ라 (놀라다's, as 놀람), which no 르 verb has (모른)
        s, changed, noun = s[:-1] + "라", True, True
    if final == _SSANG_SIOS and (len(s) >= 2 or vowel in _OPEN):  # past: 끊겼 -> 끊겨, 몰랐 -> 몰라, 갔 -> 가 (not 있)
        s, changed, fused = s[:-1] + _syllable(initial, vowel, 0), True, True
    if changed and len(s) >= 2 and s[-1] == "세":
        s = s[:-1] + "시"  # 시+어요: 가세요, 계세요 -> 가시, 계시 (as 가심, 계셨다)
    if honorific:
        # the 시 of respect (시+어: 셔, 세) before the ending: 다니심, 다니셨다, 다니세요, 받으시고 -> 다니, 받
        # (a second key: 마시다, 모시다 end in 시 themselves); not 관심, 점심: 심 after one syllable
        if not (changed and s[-1] in "시셔" and len(s) >= (3 if noun else 2)):
            return None
        s = s[:-1]
        if len(s) >= 2 and s[-1] == "으" and _parts(s[-2])[2] != 0:
            s = s[:-1]  # 받으시고, 편찮으심: the 으 after a closed stem
    if changed and len(s) >= 2 and s[-1] == "해":
        s = s[:-1] + "하"  # 원해요, 원했다 -> 원하 (a one-syllable word and 하다: 원함, 원하고)
    if s[-1] in "짐져" and len(s) >= 2:  # 어려워짐, 어려워져: 어려워지 (지다 with ㅁ, or with 어)
        s, changed = s[:-1] + "지", True
    if s[-1] == "지" and len(s) >= 3:  # 어려워지, 나빠지: the auxiliary 지다 after 아/어
        _, v, f = _parts(s[-2])
        if v in _OPEN and f == 0:
            s, changed = s[:-1], True
    initial, vowel, final = _parts(s[-1])
    before = _parts(s[-2]) if len(s) >= 2 else None
    if (vowel in (_A, _EO) and initial == _IEUNG and final == 0 and before is not None and changed
            and (before[2] != 0 or before[1] not in (_A, _EO))):
        s = s[:-1]  # 좋아, 있어: the ending 아/어 after a closed syllable; 나누어, 주어, 되어: unfused after a vowel
    elif before is not None and before[2] == 0 and initial == _IEUNG and final == 0 and vowel == _WA \
            and s[-2] not in "도고":
        s, changed = s[:-1] + "오", True  # 오+아: 나와, 나왔다 -> 나오 (as 나옴); only 돕다 and 곱다 have ㅂ with 와
    elif before is not None and before[2] == 0 and initial == _IEUNG and final == 0 and vowel in (_WA, _WEO):
        s, changed = s[:-2] + _syllable(before[0], before[1], _BIEUP), True  # ㅂ: 어려워 -> 어렵, 도와 -> 돕
    elif (before is not None and before[2] == 0 and initial == _IEUNG and vowel == _U
          and ((final == 0 and changed) or (final in (4, _RIEUL, 16) and len(s) >= 3))):
        s, changed = s[:-2] + _syllable(before[0], before[1], _BIEUP), True  # ㅂ: 어려우(면), 어려운, 어려움
    elif before is not None and before[2] == _RIEUL and initial == 5 and final == 0 and vowel in (_A, _EO) \
            and not noun and fused and (before[1] in (_A, _O)) == (vowel == _A):
        # 르: 몰라, 몰라서, 몰랐다 -> 모르; 불러 -> 부르 (라 after ㅏ, ㅗ, else 러). Not 열람, 놀람 (a noun form),
        # not 놀라고, 열라고 (고 joins a stem, not an 아/어 form: 놀라다's, 열다's), not 놀러 (놀다's: 르 gives
        # 놀라). `regular`: as it stands, also uncut (놀라: 놀르다, as 놀라요 and 놀람)
        s = s[:-1] + _syllable(initial, _EU, 0) if regular else s[:-2] + _syllable(before[0], before[1], 0) + "르"
        changed = True
    elif final == 0 and vowel in (_A, _EO) and initial != _IEUNG and (changed or (initial in _TENSE and len(s) == 2)) \
            and (len(s) >= 2 or (vowel == _EO and initial in _TENSE)) and s[-1] != "하":
        # 으 탈락: 바빠 -> 바쁘, 아파 -> 아프; of one syllable only 써 커 꺼 떠 (쓰다, 크다): 가, 자, 사, 서 stay
        s, changed = s[:-1] + _syllable(initial, _EU, 0), True
    elif final == 0 and vowel == _YEO and changed:
        s = s[:-1] + _syllable(initial, _I_VOWEL, 0)  # 기+어 -> 겨, 이+어 -> 여: 끊겨 -> 끊기
    elif final == 0 and vowel in (_WEO, _WA) and changed:  # 우+어 -> 워, 오+아 -> 와: 미뤄 -> 미루, 돌봐 -> 돌보
        s = s[:-1] + _syllable(initial, _U if vowel == _WEO else _O, 0)
    return s + "다" if changed else None


def _by_length(tails: tuple[str, ...]) -> list[tuple[int, frozenset[str]]]:
    lengths = sorted({len(t) for t in tails}, reverse=True)
    return [(n, frozenset(t for t in tails if len(t) == n)) for n in lengths]


def _cut(word: str, tails: list[tuple[int, frozenset[str]]], keep: int, keep_short: int) -> str:
    """Cut the longest tail that leaves enough of the word (the worker's `cut` does the same)."""
    for n, group in tails:
        rest = len(word) - n
        if rest >= (keep_short if n == 1 else keep) and word[rest:] in group:
            return word[:rest]
    return word


_PARTICLE_TAILS = _by_length(_PARTICLE_ORDER)
_ENDING_TAILS = _by_length(ENDINGS)


def _without_particle(word: str) -> str:
    return _cut(word, _PARTICLE_TAILS, keep=1, keep_short=2)


def stem(word: str) -> str:
    """A Hangul word without its trailing particle, then without a light-verb ending.

    주거지원을 -> 주거지원, 상담하였음 -> 상담, 연계했다 -> 연계, 정신건강복지센터에서 -> 정신건강복지센터,
    아이 -> 아이, 피해 -> 피해. Anything that is not all Hangul is returned unchanged.
    """
    if not _HANGUL.fullmatch(word):
        return word
    bare = _without_particle(word)
    if len(bare) >= 3 and bare[-1] in BARE_ENDINGS and word == bare + "는":
        return bare[:-1]  # 방문하는 -> 방문 (반지하, 반지하를: the noun)
    return _cut(bare, _ENDING_TAILS, keep=2, keep_short=2)


# a query word's stem -> the other names it also looks for: a stage's (모니터링 -> 점검), a service's and
# the practice's word for an everyday one (EVERYDAY_WORDS)
ALIASES: dict[str, tuple[str, ...]] = {
    **{key: (name,) for key, name in STAGE_ALIASES.items()},
    **{stem(name): tuple(other for other in names if other != name) for names in SERVICE_NAMES for name in names},
}
for _typed, _written in EVERYDAY_WORDS.items():
    ALIASES[stem(_typed)] = tuple(dict.fromkeys((*ALIASES.get(stem(_typed), ()), *_written)))


def bigrams(word: str) -> list[str]:
    """The Hangul bigrams of a stem (a one-syllable stem is its own term)."""
    if len(word) < 2:
        return [word] if word else []
    return [word[i:i + 2] for i in range(len(word) - 1)]


# A verb's connective 지, 기 or 고 and the particle 도 before the auxiliary of the negation or of 모르다
# (열지도 따라가지도 않습니다, 먹지도 못함, 갈지도 모름, 하지도 말 것), each word of such a run: a verb, not a
# noun ending in 도 (지도, 기도, 고도). Read uncut (`word_groups`, as 사례회의 is), 열지도 held the 지도 of
# 복약 지도 and was found and marked by it. `predicates` drops the 도 of each: the stem is the same, and
# no noun reading is left. (`search-worker.js` has the same pattern.)
PREDICATE_DO = re.compile(r"[가-힣]+[지기고]도(?=(?:\s+[가-힣]+[지기고]도)*\s+(?:않|못|말|모[르름]|몰))")


_HANGUL_RUN = re.compile(r"[가-힣]+")
_AUXILIARIES = ("않", "못", "말", "모르", "모름", "몰")

# A verb's noun form in 기 with 도, 는, 만, 까지 or 조차 before 하다 or 못하다 (울기도 했다, 읽기는 하지만,
# 돕기만 하기로, 울기까지 했다, 먹기조차 못했다 or 못 했다: the verb itself, cried, read, helped, ate;
# each word of a run of such forms, 울기도 웃기도 했다): `predicates` puts GI (INVISIBLE SEPARATOR: no
# letter, no space) for its particle. The word keeps its own terms (울기, 이야기 of 이야기도 했다), not a
# noun in 기도 (위기도 and 기도 met 울기도; nor 기 of 울기까지), and holds the verb's key
# (`gi_keys`: 울다, which 울었다 and 울고 hold): `울기도 했다` looked for 울기 and 기도 and found the pages of
# 위기도 by the 했다 being typed. `_HA_FORMS`: the light verb's forms as `ENDINGS` writes them.
GI = "\u2063"
_HA_FORMS = frozenset(e for e in ENDINGS if e[0] in "하했해한할함합")
_GI_PARTICLES = ("까지", "조차")  # (and 도, 는, 만: one syllable)
PREDICATE_GI = re.compile(r"[가-힣]+기(?:[도는만]|까지|조차)(?=(?:\s+[가-힣]+기(?:[도는만]|까지|조차))*\s+(?:못\s*)?(?:"
                          + "|".join(sorted(_HA_FORMS, key=lambda e: (-len(e), e))) + r")(?![가-힣]))")


def predicates(text: str) -> str:
    """`text` with the 도 of each verb form of `PREDICATE_DO` dropped (열지도 않음 -> 열지 않음), and the
    particle of each of `PREDICATE_GI` made GI (울기도 했다 -> 울기\u2063 했다): what `PREDICATE_DO.sub`
    drops and `PREDICATE_GI.sub` marks, read from the last word back, once each. (The pattern, searched,
    read each word again from each of its syllables and each run of such verbs again from each of its
    words: a record's line of 200,000 가 took 134 s to build, 20,000 `가지도 ` 12 s.)"""
    if "도" not in text and "기는" not in text and "기만" not in text and "기까지" not in text and "기조차" not in text:
        return text
    runs = [m.span() for m in _HANGUL_RUN.finditer(text)]
    edits: list[tuple[int, int, str]] = []  # (where a particle is, its length, what stands for it), last first
    leads = False  # whether the run after this one is an auxiliary, or a verb form before one
    helps = False  # whether it is a form of 하다 or 못하다 (못 했다), or a noun form in 기 before one
    light = False  # whether it is a form of 하다 itself (not 못했다, nor a noun form in 기)
    after = -1  # where that run starts
    for start, end in reversed(runs):
        between = (leads or helps) and text[end:after].isspace()  # (blanks only between the two)
        verb = end - start >= 3 and text[end - 1] == "도" and text[end - 2] in "지기고"
        follows = verb and leads and between
        stop = end - follows  # (the word as `PREDICATE_GI` meets it, after `PREDICATE_DO`)
        particle = 1 if stop - start >= 3 and text[stop - 2] == "기" and text[stop - 1] in "도는만" else \
            2 if stop - start >= 4 and text[stop - 3] == "기" and text[stop - 2:stop] in _GI_PARTICLES else 0
        helped = particle and helps and between
        if follows:
            edits.append((end - 1, 1, ""))
        if helped:
            edits.append((stop - particle, particle, GI))
        leads = text.startswith(_AUXILIARIES, start) or follows
        ha = start + (text[start] == "못" and end - start > 1)  # (못했다: 했다; 하기도 않음: 하기, its 도 dropped)
        form = text[ha] in "하했해한할함합" and text[ha:stop] in _HA_FORMS  # of 하다, or 못하다 joined
        helps = form or bool(helped) or (text[start:end] == "못" and light and text[end:after].isspace())  # (못 했다)
        light = form and ha == start
        after = start
    if not edits:
        return text
    out, at = [], 0
    for where, length, put in reversed(edits):
        out += [text[at:where], put]
        at = where + length
    return "".join(out) + text[at:]


def gi_keys(text: str) -> list[str]:
    """The keys of the verbs `predicates` marked in `text` (울기\u2063 했다 -> 울다), in order."""
    out = []
    at = text.find(GI)
    while at >= 0:
        start = at - 1  # (its 기)
        while start > 0 and "가" <= text[start - 1] <= "힣":
            start -= 1
        key = _gi_key(text[start:at - 1])
        if key is not None:
            out.append(key)
        at = text.find(GI, at + 1)
    return out


@functools.lru_cache(maxsize=1 << 12)
def _gi_key(verb: str) -> str | None:
    """The key of the verb whose noun form in 기 is `verb` + 기 (울 -> 울다); none for the light verb's
    (상담하기도 했다: `stem` cuts 하기)."""
    if not verb or verb[-1] in BARE_ENDINGS:
        return None
    return lemma(verb + "다")


def words(text: str) -> list[str]:
    """The words of `text` (NFKC: full-width ２０２６－０００６ and ＫＩＭ, as a Korean keyboard's
    full-width mode or a word processor writes them, read as 2026-0006 and KIM): runs of Hangul, runs
    of Latin letters and digits (lowercased)."""
    return _words(unicodedata.normalize("NFKC", text))


def _words(text: str) -> list[str]:
    # (lowercased by `map`, in C: a run of Hangul lowercases to itself)
    return list(map(str.lower, _WORD.findall(text)))


@functools.lru_cache(maxsize=1 << 16)  # a casebook repeats its words: cut each once
def word_groups(word: str) -> tuple[tuple[str, ...], ...]:
    """The ways `word` may be written on a page, each a group of terms; a page that holds every term
    of one group holds the word. The first group is the stem's bigrams. A word typed in a query and
    a word of a page are cut alike: 버팀 typed meets 버티고 written, 버티고 typed meets 버팀."""
    if not _HANGUL.fullmatch(word):
        return ((word,),) if len(word) >= 2 else ()
    s = stem(word)
    if len(s) == 1 and s in _SHORT:  # a stray particle
        return ()
    if len(s) == 2 and s[1] in _SHORT:  # 약을, 집에: a one-syllable word and its particle, or 아이, 회의
        groups: list[tuple[str, ...]] = [(s, s[0]), (s,)]
    else:
        groups = [tuple(bigrams(s))]
    bare = _without_particle(word)
    if bare == s and len(word) >= (4 if word[-1] == "의" else 3) and len(bare) == len(word) - 1 \
            and _noun_final_fits(word[-2], word[-1]):
        groups.append(tuple(bigrams(word)))  # 사례회의: 사례회 (+의), or 사례회의 (아동의, 사이의: the particle)
    key = lemma(s)
    if key is None and bare != s and len(s) >= 2 and s[-1] in "어아" and _parts(s[-2])[2]:
        key = lemma(s + "요")  # 힘들어함, 싫어해요: the 어/아 before a light verb, after a closed stem (힘들어요)
    honored = lemma(s, honorific=True)  # 다니셨다: 다니시다, and 다니다 as 다녀요 and 다님 have it
    # (ㄹ drops before ㄴ too: 산다, 만든다 are 살다, 만들다 as well as 사다, 만드다)
    present = _with_rieul(key) if key is not None and len(s) >= 2 and s[-1] == "다" and s[-2] != "는" \
        and _parts(s[-2])[2] == _NIEUN else None
    # (a form in ㄹ라, ㄹ러 is a 르 verb's or one whose stem ends so: 몰라요 and 놀라요 both, as 모름 and
    # 놀람 are read: `lemma`'s `regular`)
    plain = lemma(s, regular=True) if key is not None else None
    # (열라고, 살라고: an ㄹ verb's 라고, telling to open, to live: 열다's, as 열고, 열었다; or 놀라고, 놀라다's;
    # 오라고, 가라며, 먹으라는: the imperative's 라 after an open stem or 으, telling to come, go, eat: 오다,
    # 가다, 먹다, not 오르다, 가르다 (올라, 갈라: a 르 verb's 라 follows ㄹ) where the stem is one syllable
    # or 으 stands for it; 모자라고, 마시라고 keep 모자르다 as well)
    told = _told(word)
    if told is not None and _parts(word[-3])[2] != _RIEUL and (len(word) == 3 or word[-3] == "으") \
            and word[:-2] not in _RA_STEMS:
        key = plain = None
    for k in (key, plain, honored, _with_rieul(honored), present, told):
        if k is not None and (k,) not in groups and k not in groups[0]:
            groups.append((k,))
    standard = _standard_spelling(word)
    if standard is not None:  # 알콜중독: also 알코올중독
        groups += [g for g in word_groups(standard) if g not in groups]
    if len(word) in (3, 4) and word[1:] in _WITH and (word[0],) not in groups:
        # 딸하고, 빚하고도: a one-syllable noun and the particle 하고 (with, and), which the cut leaves
        # on it (하고 is a light verb's ending too: 엄마하고 is cut to 엄마, 딸하고 would be a verb 딸하다)
        groups.append((word[0],))
    if bare == s == word[:-2] and word.endswith("보다"):
        # 돌보다, 알아보다, 지켜보다: a verb in 보다 (돌봄, 알아봄 on a page), not only a word and the
        # particle "than" (지난달보다: its verb reading is a key no page has)
        groups += [g for g in (tuple(bigrams(word[:-1])), (word,)) if g not in groups]
    return tuple(groups)


_WITH = frozenset({"하고", "하고는", "하고도"})


# the verbs whose stem is one open syllable and 라 (바라다 to hope, 자라다 to grow): 바라고, 자라고 are theirs
# as well as the imperative's (자다: told to sleep), and keep the key their other forms get (바라요, 자랐다)
_RA_STEMS = frozenset({"바", "자"})  # (the syllable before 라)


def _told(word: str) -> str | None:
    """The key of the verb a word in 라고, 라는 or 라며 tells to do (the imperative's 라 and 고, quoted):
    after ㄹ or an open stem as it stands (열라고, 오라고, 가라며 -> 열다, 오다, 가다), after 으 that
    follows a closed stem without it (먹으라고, 받으라는 -> 먹다, 받다); else None."""
    if len(word) < 3 or word[-2:] not in ("라고", "라는", "라며") or not _HANGUL.fullmatch(word):
        return None
    s = word[:-2]
    final = _parts(s[-1])[2]
    if s[-1] == "으" and len(s) >= 2 and _parts(s[-2])[2] != 0:
        return s[:-1] + "다"
    return s + "다" if final in (0, _RIEUL) and s[-1] != "으" else None


def _with_rieul(key: str | None) -> str | None:
    """A key whose stem ends in an open syllable with ㄹ put back (사다 -> 살다): a stem in ㄹ drops it
    before the 시 of respect (사세요, 아세요, 힘드셨다 are 살다, 알다, 힘들다). None for any other key."""
    if key is None or len(key) < 2:
        return None
    initial, vowel, final = _parts(key[-2])
    return None if final else key[:-2] + _syllable(initial, vowel, _RIEUL) + "다"


def adnominal_keys(word: str) -> tuple[str, ...]:
    """The keys of the verb a word typed in a query may be the adnominal form of, where a stem ends
    in a vowel: 는 joined (다니는, 지내는: read as the particle by `stem`) or ㄴ fused to a last
    syllable in ㅡ, ㅐ or ㅔ (아픈, 바쁜, 지낸; not 방문, 지원, 노인, 시간: nouns in ㄴ are many, and a
    query's every such word would look for two keys more), and with ㄹ put back, which drops before
    them (사는, 힘든: 살다, 힘들다). A query's only: a page's other forms of the verb hold the key
    (다님, 다녀요, 힘들어요), and nouns in 는 (아이는) would give every page a key no verb has."""
    if len(word) < 2 or not _HANGUL.fullmatch(word):
        return ()
    if word[-1] == "는":
        base = word[:-1]
        if _parts(base[-1])[2] != 0:
            return ()  # (먹는: the key of a closed stem is the word's own, `lemma`)
    else:
        initial, vowel, final = _parts(word[-1])
        if final != _NIEUN or vowel not in (_EU, _AE, _E):
            return ()
        base = word[:-1] + _syllable(initial, vowel, 0)
    return tuple(k for k in (base + "다", _with_rieul(base + "다")) if k is not None)


def _standard_spelling(word: str) -> str | None:
    """`word` with each loanword of SPELLINGS in its standard spelling; None when it holds none."""
    out = word
    for variant, standard in SPELLINGS:
        if variant in out:
            out = out.replace(variant, standard)
    return out if out != word else None


@functools.lru_cache(maxsize=1 << 16)
def _written_terms(word: str) -> tuple[str, ...]:
    groups = word_groups(word)
    return groups[0] if groups else ()


@functools.lru_cache(maxsize=1 << 16)
def _word_terms(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for group in word_groups(word) for t in group))


def _date(m: re.Match[str]) -> tuple[int | None, int, int | None]:
    """The year (None: not written), month and day (None: a month) of a `DATE` match."""
    g = m.groups()
    if g[1] is not None:  # written with its year
        for month, day in ((g[3], g[4]), (g[5], g[6]), (g[7], g[8])):
            if month is not None:
                return int(g[1]), int(month), int(day) if day is not None else None
    return None, int(g[9]), int(g[10]) if g[10] is not None else None


def _day_terms(year: int | None, month: int, day: int | None) -> list[str]:
    """The index terms of a date: 2026-03-15, 2026-03, 3월; 2026-03, 3월; 3월15일, 3월; 3월."""
    if year is None:
        return [f"{month}월", f"{month}월{day}일"] if day is not None else [f"{month}월"]
    out = [f"{year}-{month:02d}", f"{month}월"]
    return [f"{year}-{month:02d}-{day:02d}", *out] if day is not None else out


_DATE_TERM = re.compile(r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?|[0-9]{1,2}월(?:[0-9]{1,2}일)?")


def is_date_term(term: str) -> bool:
    """Whether `term` is one `date_terms` makes (no other term holds a hyphen, or digits and Hangul)."""
    return _DATE_TERM.fullmatch(term) is not None


_DIGITS = re.compile(r"[0-9]+")
_DIGIT_HANGUL = re.compile(r"[0-9] ?[가-힣]")  # (where a count may be: most texts have none)


def _count(m: re.Match[str]) -> str:
    """The term of a `COUNT` match: the number without its commas, the counter without its space."""
    return m.group(2).replace(",", "") + m.group(3).replace(" ", "") + (m.group(4) or "")


def count_terms(text: str) -> list[str]:
    """The count terms of `text` (NFKC), in order, repeats kept: each number joined to a counter
    (`COUNTERS`) as written (4인, 3개월째, 300000원); with 째, also without it (3개월째 is 3개월 too:
    `3개월` typed finds it), not a date's day or year (the 15일 of 3월 15일, the 2026년 of 2026년 3월:
    `date_terms` say them)."""
    return _count_terms(unicodedata.normalize("NFKC", text))


def _count_terms(text: str) -> list[str]:
    dates: list[tuple[int, int]] | None = None
    out: list[str] = []
    for m in COUNT.finditer(text):
        if m.group(3) in ("일", "년") and ("월" in text or "년" in text):  # (a date's day or year?)
            if dates is None:
                dates = [d.span() for d in date_matches(text)]
            if any(s <= m.start(2) < e for s, e in dates):
                continue
        term = _count(m)
        out.append(term)
        if m.group(4):
            out.append(term[:-1])
    return out + [_period_count(m) for m in PERIOD_COUNT.finditer(text)]


def _period_count(m: re.Match[str]) -> str:
    """The term of a `PERIOD_COUNT` match: 주1회, 월2회 (its 째 left: 주 2회째 is no frequency)."""
    return m.group(2) + m.group(3).replace(",", "") + m.group(4).replace(" ", "")


_COUNT_TERM = re.compile(r"[가-힣]{0,2}[0-9][0-9.]*[가-힣]+")


def is_count_term(term: str) -> bool:
    """Whether `term` is one `count_terms` makes (a number and a counter, a period before it or not:
    4인, 주1회; a date term is not)."""
    return _COUNT_TERM.fullmatch(term) is not None and not is_date_term(term)



def date_matches(text: str) -> Iterator[re.Match[str]]:
    """`DATE.finditer(text)`, in a fraction of its time: a date starts with a digit, so `DATE` is
    tried only where a run of digits starts (at the character before it, its group 1), not at
    every character of a page's text (a pattern that opens with a group gets no fast scan)."""
    at = 0
    for d in _DIGITS.finditer(text):
        start = d.start() - 1 if d.start() else 0
        if start < at:  # (inside the date found last)
            continue
        m = DATE.match(text, start)
        if m is not None:
            at = m.end()
            yield m


# Written after each run of digits of a date the site writes for its own bookkeeping (the 기준일, the
# day a record file last changed, the day the site was built: `data-search-nodate`), a WORD JOINER
# (invisible, no space, no letter) makes it no date, for the index and the worker alike: its words
# stay terms (2026, 12, 07), its dates do not (2026-12-07, 2026-12, 12월), and a snippet neither
# picks nor marks it for `12월` or `이번 달` (it showed "기준일 <mark>2026-12-07</mark>"). The worker
# drops it from what it shows (`NODATE` there).
NODATE = "\u2060"
_DIGIT_RUN = re.compile(r"[0-9]+")


def undated(text: str) -> str:
    """`text` with each of its dates made no date (`NODATE` after each of the date's runs of digits:
    2026-12-07 -> 2026\u2060-12\u2060-07\u2060); its other numbers left as they are (12건)."""
    out: list[str] = []
    at = 0
    for m in date_matches(text):
        start = m.start() + len(m.group(1))
        out += [text[at:start], _DIGIT_RUN.sub(lambda d: d.group() + NODATE, text[start:m.end()])]
        at = m.end()
    return "".join(out) + text[at:] if out else text


def date_terms(text: str) -> list[str]:
    """The date terms of `text` (NFKC), in order, repeats kept."""
    return _date_terms(unicodedata.normalize("NFKC", text))


def _date_terms(text: str) -> list[str]:
    return [t for m in date_matches(text) for t in _day_terms(*_date(m))] if "월" in text or "-" in text or "." in text \
        or "/" in text else []


def dotted_matches(text: str) -> Iterator[re.Match[str]]:
    """`_DOTTED.finditer(text)`, in a fraction of its time: `_DOTTED` is tried only at the start
    of the letters and digits before a dot or underscore that joins two (`_DOT_PAIR`), not at every
    letter and digit of a page's text."""
    at = 0
    for m in _DOT_PAIR.finditer(text):
        start = m.start()
        if start < at:  # (inside the run found last)
            continue
        while start and text[start - 1] in _ALNUM:
            start -= 1
        run = _DOTTED.match(text, start)
        if run is not None:
            at = run.end()
            yield run


def dotted_terms(run: str) -> list[str]:
    """The terms of a run of letters and digits joined by dots or underscores (`_DOTTED`): none for
    a date (2026.03.04, 2026.3: its date terms say it); a run of digits only as written, its dots
    kept (1.5, 1.6.1: joined, 15 and 161 would be other numbers, on every page with a 15); else
    joined (kim.sw -> kimsw, v1.2.3 -> v123, v12: `joined`), but not a stretch of digits only (23:
    a query of digits and dots is looked for as written, so that would only find every 23). The
    worker's `dottedTerms` is the same."""
    if DATE.fullmatch(run):
        return []
    run = run.lower()
    return [t for t in joined(run) if not t.isdigit()] if _LETTER.search(run) else [run]


def terms(text: str, runs: bool = True) -> list[str]:
    """Every index term of `text`, in order, repeats kept (the caller counts them); then the terms
    across two words side by side (`across`: 고용 센터 -> "용 센"), the keys of the verbs of `-기도 하다`
    (`gi_keys`: 울기도 했다 -> 울다); then the joined
    form of each run of Latin letters and digits joined by hyphens (2026-0006 -> 20260006), then
    by dots or underscores (kim.sw -> kimsw, lee_hj -> leehj: `dotted_terms`; the parts stay terms
    too); then the terms of its dates (`date_terms`), then its counts (`count_terms`: 4인, 3개월). `runs=False`: not the joined forms (a second
    spelling of the parts, for a query typed without the separators)."""
    text = predicates(unicodedata.normalize("NFKC", text))
    counts = _count_terms(text) if _DIGIT_HANGUL.search(text) else []
    said = RUN_PARTICLE.sub(r"\1 ", text)  # (its words: ID나 is ID)
    if not runs:  # (a sentence's words as written: each word's first reading, not its verb's key)
        return list(itertools.chain.from_iterable(map(_written_terms, _words(said)))) + _date_terms(text) + counts
    # (the terms chained in C: the index reads ~60 sentences a case page)
    out = list(itertools.chain.from_iterable(map(_word_terms, _words(said))))
    if " " in said:
        out += filter(None, itertools.starmap(_across, _PAIR.findall(said)))
    if GI in text:
        out += gi_keys(text)
    if "-" in text:
        out += [t for m in _JOINED.finditer(text) if not _DATE.fullmatch(m.group()) for t in joined(m.group())]
    if "." in text or "_" in text:
        out += [t for m in dotted_matches(text) for t in dotted_terms(m.group())]
    return out + _date_terms(text) + counts


def _date_groups(year: int | None, month: int, day: int | None, years: Sequence[int]) -> tuple[tuple[str, ...], ...]:
    """What a date typed in a query looks for: 2026-03-15; 2026-03; 3월; 3월 15일 written without a
    year, or that day of each of `years`."""
    if year is not None:
        return ((f"{year}-{month:02d}-{day:02d}",),) if day is not None else ((f"{year}-{month:02d}",),)
    if day is None:
        return ((f"{month}월",),)
    return ((f"{month}월{day}일",), *((f"{y}-{month:02d}-{day:02d}",) for y in years))


# A day, a week or a month named from today (어제 통화, 지난주 방문, 이번 달 점검): in a query, the
# dates it means by the reader's clock (a week: Monday to Sunday), and its own words (a record that
# says 지난달 as it is). The character before it is in group 1 (the worker's pattern has no lookbehind).
RELATIVE = re.compile(r"(^|[^가-힣])(오늘|어제|그저께|그제|내일|모레|(?:이번|지난|저번|다음) ?(?:달|주))")
_RELATIVE_DAYS = {"오늘": 0, "어제": -1, "그제": -2, "그저께": -2, "내일": 1, "모레": 2}
_RELATIVE_STEP = {"이번": 0, "지난": -1, "저번": -1, "다음": 1}


def relative_groups(word: str, today: dt.date) -> tuple[tuple[str, ...], ...]:
    """The dates a word of RELATIVE means on `today`, each a group (a week's seven days)."""
    if word in _RELATIVE_DAYS:
        days = [today + dt.timedelta(days=_RELATIVE_DAYS[word])]
    elif word.endswith("주"):
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=_RELATIVE_STEP[word[:2]])
        days = [monday + dt.timedelta(days=n) for n in range(7)]
    else:
        n = today.year * 12 + today.month - 1 + _RELATIVE_STEP[word[:2]]
        return ((f"{n // 12}-{n % 12 + 1:02d}",),)
    return tuple((day.isoformat(),) for day in days)


def _date_tail(run: str) -> bool:
    """Whether a Hangul run joined to a date says no more than the date (에, 부터, 초, 중순에)."""
    return run in _PARTICLE_SET or any(
        run.startswith(tail) and (run == tail or run[len(tail):] in _PARTICLE_SET) for tail in DATE_TAILS)


_PARTICLE_SET = frozenset(PARTICLES)
# particles that are words too, looked for when typed alone: 때문에 (a dependent noun, cut only from the
# noun it is typed onto: 빚때문에), 보다 (to see); any other particle typed apart looks for nothing
_WORDS_TOO = frozenset({"때문에", "때문이", "때문", "보다"})
ALONE_NOTHING = _PARTICLE_SET - _WORDS_TOO
_TAIL = re.compile(r"[가-힣]+")


def kept_whole(s: str) -> bool:
    """Whether a stem of two syllables may be a noun whole as well as a one-syllable noun and its
    particle: its last syllable is a particle that also ends nouns, after a syllable it fits
    (`NOUN_FINAL`: 회의, 제도, 정도, 태도, 의의, 아이, 평가, 효과; not 약을, 빚이, 집과). A query's word
    so cut is looked for whole, not as its first syllable too, when the index holds it whole
    (`query_groups`' `whole`): `회의` looked for 회 beside it and marked the 회 of "주 1회"."""
    return len(s) == 2 and _HANGUL.fullmatch(s) is not None and _noun_final_fits(s[0], s[1])


def _word_query_groups(text: str, whole: Collection[str] = ()) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    out = []
    said = predicates(text)
    for m in _WORD.finditer(said):
        typed = m.group()
        w = typed.lower()
        if w in ALONE_NOTHING:  # 을, 에서, 은 는 이 가: a particle typed apart is no word to look for
            continue
        groups = word_groups(w)
        s = stem(w)
        one = len(s) == 2 and s in whole and kept_whole(s)
        if one:  # 회의: the noun whole, not 회 and the particle 의 (nor 회's other names)
            groups = tuple(g for g in groups if s[0] not in g)
        for alias in (ALIASES.get(s, ()) if one else _aliases(s)) if groups else ():
            groups += tuple(g for g in word_groups(alias) if g not in groups)
        groups += tuple((key,) for key in adnominal_keys(w) if groups and (key,) not in groups)
        if groups and said.startswith(GI, m.end()) and w.endswith("기"):  # 울기도 했다: 울다 too
            gi = _gi_key(w[:-1])
            groups += ((gi,),) if gi is not None and (gi,) not in groups else ()
        hangul = keyboard_hangul(typed)  # tkfP: 사례 typed with the keyboard left in English
        if hangul is not None:
            groups += tuple(g for g in word_groups(hangul) if g not in groups)
        if groups and _HANGUL.fullmatch(w):
            groups += tuple(g for g in split_groups(stem(w)) if g not in groups)
        if groups:
            out.append((w, groups))
    return out


def _aliases(s: str) -> tuple[str, ...]:
    """The other names a stem looks for (ALIASES); a one-syllable noun and its particle (술을, 빚이:
    the stem keeps them, `word_groups`) looks for the noun's too. (`search-worker.js` mirrors this.)"""
    if s in ALIASES:
        return ALIASES[s]
    return ALIASES.get(s[0], ()) if len(s) == 2 and s[1] in _SHORT else ()


def split_groups(s: str) -> tuple[tuple[str, ...], ...]:
    """A compound typed joined (애도상담, 은둔청년, 고용센터) as a page may write it apart (애도 상담,
    고립·은둔 청년, 고용 센터): for each way to write its stem `s` in parts of two syllables or more, two to
    `MAX_PARTS` of them (two only past `MAX_SPLIT` syllables), and when it is six syllables or more of even
    length in its two-syllable words (정신 건강 복지 센터), the bigrams of each part and the term `across`
    each space (고용 센터: 고용, "용 센", 센터); a noun of three syllables also as two and one (동의서: 동의 서).
    A page holds a group only where it writes those parts side by side, not where it holds 고용 and
    센터 anywhere (`across`: the worker looks for such a group whole). (Typed apart, each part is a word
    of its own.) (`search-worker.js` mirrors this.)"""
    n = len(s)
    if n < 3 or not _HANGUL.fullmatch(s):
        return ()
    places = range(2, n - 1)  # (where a space leaves two syllables at least on each side)
    cuts: list[tuple[int, ...]] = [(2,)] if n == 3 and lemma(s) is None else []
    for parts in range(2, (MAX_PARTS if n <= MAX_SPLIT else 2) + 1):
        cuts += [c for c in itertools.combinations(places, parts - 1) if all(b - a >= 2 for a, b in itertools.pairwise(c))]
    if n >= 6 and n % 2 == 0:
        cuts.append(tuple(range(2, n, 2)))
    out = []
    for cut in dict.fromkeys(cuts):
        group: list[str] = []
        for at, end in zip((0, *cut), (*cut, n), strict=True):
            if at:
                group.append(s[at - 1] + ACROSS + s[at])
            group += bigrams(s[at:end])
        out.append(tuple(dict.fromkeys(group)))
    return tuple(out)


MAX_PARTS = 4  # the parts a compound typed joined is looked for written in, at most (`split_groups`)
MAX_SPLIT = 12  # syllables: a longer compound typed joined is looked for in two parts only
# Two words written apart, side by side (one space or more between), the first of two syllables or
# more and whole (no particle or ending `stem` cuts; a two-syllable one not a one-syllable noun and its
# particle, 약을): the syllables on each side of the space, a space between, are a term of the page
# (고용 센터 -> "용 센", 동의 서 -> "의 서"), so a compound typed joined meets a page that writes it apart
# only where its parts stand side by side (`split_groups`). A word's terms hold no space.
ACROSS = " "
# (the first word, possessive, from where its run starts, and the second's first syllable: each pair once,
# in time linear in the text)
_PAIR = re.compile(r"(?<![가-힣])([가-힣]{2,}+) +(?=([가-힣]))")


@functools.lru_cache(maxsize=1 << 16)
def _across(first: str, then: str) -> str:
    """The term across `first` and a word starting with syllable `then` (`ACROSS`), or ""."""
    if stem(first) != first or (len(first) == 2 and first[1] in _SHORT and not kept_whole(first)):
        return ""
    return first[-1] + ACROSS + then


def is_regular_key(term: str) -> bool:
    """Whether `term` is a key as `lemma` reads a stem in ㄹ라 `regular` (놀르다 of 놀랐다, 골르다 of 골랐다:
    ㄹ before 르), the second key of such a verb form (its first, 노르다, 고르다, says it again: the
    index's page length counts the first only)."""
    return len(term) >= 3 and term.endswith("르다") and _HANGUL.fullmatch(term) is not None \
        and _parts(term[-3])[2] == _RIEUL


def is_across_term(term: str) -> bool:
    """Whether `term` is one `_across` makes (two words' syllables side by side: "용 센")."""
    return ACROSS in term


# A month and day typed without a year, in a query (03-04, 3/4, 3.4., 3. 4.): the character before
# in group 1 (not a letter, digit or separator: 2026-03-04 is a date already, 101-1 no month), the
# month 2, the day 3 (03-04, 3/4) or 4 (3.4., 3. 4.: the closing dot says it is no decimal, 3.4); not
# followed by a letter, digit or separator and digit (03-04-05 is a run). Only where the month has
# the day (`_DAYS_IN`: 2-30 is no date); the page's text is not read so (a number there is anything).
MONTH_DAY = re.compile(r"(^|[^0-9A-Za-z./-])" + _MONTH + r"(?:[-/]" + _DAY + r"|\. ?" + _DAY + r"\.)"
                       + r"(?![0-9A-Za-z]|[-./][0-9])")
_DAYS_IN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# a case called by its number, in a query (13번, 13번 사례: before it group 1, the number 2), read as the
# case number's last part (0013, as the index holds it) or as typed (13 and 번)
NUMBERED = re.compile(r"(^|[^0-9A-Za-z.-])([0-9]{1,4})번(?![가-힣0-9])")
# a day with a two-digit year, in a query (26.3.4, 26-03-04, 26/03/04: year 2, separator 3, month 4,
# day 5), read as 2026-03-04 when the index holds dates of 2026; a page's text is not read so
SHORT_YEAR = re.compile(r"(^|[^0-9A-Za-z./-])([0-9]{2})([-./])" + _MONTH + r"\3" + _DAY
                        + r"(?![0-9A-Za-z]|[-./][0-9])")


def _joined_groups(run: str, years: Sequence[int]) -> tuple[tuple[str, ...], ...]:
    """A hyphenated run looked for joined (2026-0007 -> 20260007); a case id typed with its year's
    last two digits (26-0006, of a year the index holds) also as the id with the whole year."""
    joined = "".join(run.split("-"))
    short = re.fullmatch(r"([0-9]{2})-([0-9]{3,6})", run)
    if short is not None and 2000 + int(short.group(1)) in years:
        return ((joined,), (f"20{short.group(1)}{short.group(2)}",))
    return ((joined,),)


def count_groups(m: re.Match[str], at: int = 0, years: Sequence[int] = ()) -> tuple[tuple[str, ...], ...]:
    """What a number and its counter typed (`QUERY_COUNT`: 4인, 4 인, 3개월째) look for: the count
    term, or else the number and the counter as words, the counter as typed joined (10인 for 40인: found,
    below the pages of 40인; a number of one digit is no term, and its counter alone is no reading of
    it: `3개` found every page of a lone 개, `4인` every page of 1인; 2026년 typed is the 2026 and 년 of a page's 2026년 3월; 30만 원 is 30 and
    만원, not 원: the worker finds a page by them only when it holds both, not 30일 for 30만원). `at`: where the number's group is, past 2
    (`QUERY_PERIOD_COUNT`: 주 1회 is 주1회, or 1회, or 주 and 회). A day, 15일, is the count or else that
    day of each month (`_day_of_month_groups`; `years`: the index's). (`search-worker.js` mirrors this.)"""
    number, counter = m.group(2 + at).replace(",", ""), m.group(3 + at).replace(" ", "") + (m.group(4 + at) or "")
    if counter == "일" and not at and number.isdigit() and 1 <= int(number) <= 31:
        return ((number + counter,), *_day_of_month_groups(int(number), years))
    if len(number) < 2:  # (a digit is no term: the counter alone, 개 of 3개, would be every page's 개)
        return ((number + counter,),)
    return ((number + counter,), tuple(dict.fromkeys([number, *_word_terms(counter)])))


def _day_of_month_groups(day: int, years: Sequence[int]) -> tuple[tuple[str, ...], ...]:
    """The dates a day typed without its month (15일) may be: the 15th of each month, without a year
    (3월15일) or in each of `years` (2026-03-15). Not the 15 and the 일 of a page as words: a page
    holding a 15 anywhere (2026-03-15, 자원 15곳) and the word 일 was a result, nothing marked."""
    months = [month for month in range(1, 13) if day <= _DAYS_IN[month - 1]]
    return (*((f"{month}월{day}일",) for month in months),
            *((f"{year}-{month:02d}-{day:02d}",) for year in years for month in months))


def query_groups(query: str, years: Sequence[int] = (), today: dt.date | None = None,
                 whole: Collection[str] = ()) -> list[tuple[str, tuple[tuple[str, ...], ...]]]:
    """What a typed query looks for: each typed word with its groups, and those of the stage's name
    when the word is another name of a stage; a date (`DATE`) is one word, as typed, with its date's
    groups, a particle or 초, 중순 ... joined to it left out (3월에, 3월부터); so is a month and day
    without a year (`MONTH_DAY`: 03-04, 3/4, 3.4.), read as 3월 4일 is, and a day with a two-digit
    year (`SHORT_YEAR`: 26.3.4, 26-03-04) of one of `years`, as 2026-03-04; a case called by its
    number (`NUMBERED`: 13번) looks for 0013, or 13 and 번; a hyphenated run of letters
    and digits that is no date (`_JOINED`: 2026-0007, 000-1234, 101-1) is one word too, looked for
    joined (20260007), as the index holds it, not as its parts (2026 is on every page); and so is a
    run joined by dots or underscores (`_DOTTED`: kim.sw -> kimsw, lee_hj -> leehj, not kim and sw;
    1.5 as written: `dotted_terms`).
    `years`: the years the index holds dates in (the manifest's), for a day typed without its year.
    `today`: the reader's day, for a day, week or month named from it (`RELATIVE`: 어제, 지난주,
    이번 달), looked for as its dates or its own words; None: those are words like any other.
    `whole`: the stems of two syllables the index holds as terms, of those `kept_whole` says may be
    nouns whole (회의, 제도): such a word typed is looked for whole only.
    (`search-worker.js` mirrors this.)"""
    text = RUN_PARTICLE.sub(r"\1 ", unicodedata.normalize("NFKC", query))  # (ID나: ID, RUN_PARTICLES)
    spans: list[tuple[int, int, str, tuple[tuple[str, ...], ...]]] = []  # (start, end, word, groups)

    def free(start: int, end: int) -> bool:  # (no span taken overlaps start:end)
        return not any(start < e and s < end for s, e, _, _ in spans)

    def add_date(start: int, end: int, groups: tuple[tuple[str, ...], ...]) -> None:
        at = end
        tail = _TAIL.match(text, at)
        if tail is not None and _date_tail(tail.group()):
            at = tail.end()
        spans.append((start, at, text[start:end], groups))

    at = 0
    for m in date_matches(text):
        start = m.start() + len(m.group(1))
        if start < at:  # (the character before was a joined tail's: 3월에4월)
            continue
        add_date(start, m.end(), _date_groups(*_date(m), years))
        at = spans[-1][1]
    if today is not None:
        for m in RELATIVE.finditer(text):
            start, end = m.start(2), m.end()
            tail = _TAIL.match(text, end)
            if free(start, end) and (tail is None or _date_tail(tail.group())):  # (not 오늘날, 어제오늘)
                word = m.group(2)
                own = tuple(dict.fromkeys(t for part in word.split() for t in bigrams(part)))  # (이번 달: 이번, 달)
                add_date(start, end, (own, *relative_groups(word.replace(" ", ""), today)))
    if "-" in text or "/" in text or "." in text:
        for m in SHORT_YEAR.finditer(text):
            start, year, month, day = m.start() + len(m.group(1)), 2000 + int(m.group(2)), int(m.group(4)), int(m.group(5))
            if year in years and day <= _DAYS_IN[month - 1] and free(start, m.end()):
                add_date(start, m.end(), _date_groups(year, month, day, years))
        for m in MONTH_DAY.finditer(text):
            start, month, day = m.start() + len(m.group(1)), int(m.group(2)), int(m.group(3) or m.group(4))
            if day <= _DAYS_IN[month - 1] and free(start, m.end()):
                add_date(start, m.end(), _date_groups(None, month, day, years))
    if "-" in text:  # (a run that holds a date, 2026-03 or x-2026-03-04, is left to the date)
        spans += [(m.start(), m.end(), m.group().lower(), _joined_groups(m.group().lower(), years))
                  for m in list(_JOINED.finditer(text)) if not _DATE.fullmatch(m.group()) and free(m.start(), m.end())]
    if "번" in text:
        for m in NUMBERED.finditer(text):
            start, number = m.start() + len(m.group(1)), m.group(2)
            if free(start, m.end()):
                spans.append((start, m.end(), number + "번", ((f"{int(number):04d}",), (number, "번"))))
    if "." in text or "_" in text:
        spans += [(m.start(), m.end(), m.group().lower(), (tuple(got[:1]),))
                  for m in list(_DOTTED.finditer(text)) if (got := dotted_terms(m.group())) and free(m.start(), m.end())]
    if _DIGIT_HANGUL.search(text):
        for m in list(QUERY_PERIOD_COUNT.finditer(text)):  # 주 1회: 주1회, or 1회, or 주 and 회
            start = m.start(2)
            tail = _TAIL.match(text, m.end())
            if free(start, m.end()) and (tail is None or tail.group() in _PARTICLE_SET or " " not in m.group(0)):
                count = count_groups(m, 1)
                spans.append((start, m.end(), text[start:m.end()],
                              ((_period_count(m),), count[0],
                               *(tuple(dict.fromkeys((*_word_terms(m.group(2)), *g))) for g in count[1:]))))
        for m in list(QUERY_COUNT.finditer(text)):
            start = m.start(2)
            tail = _TAIL.match(text, m.end())
            if free(start, m.end()) and (" " not in m.group(0)[len(m.group(1)):] or tail is None
                                         or tail.group() in _PARTICLE_SET):
                spans.append((start, m.end(), text[start:m.end()], count_groups(m, 0, years)))
    spans.sort()
    out = []
    at = 0
    for start, end, word, groups in spans:
        out += _word_query_groups(text[at:start], whole)
        out.append((word, groups))
        at = end
    out += _word_query_groups(text[at:], whole)
    content = [(word, groups) for word, groups in out if not _function_word(word, [t for g in groups for t in g])]
    return content if content else out


def _function_word(word: str, terms: list[str]) -> bool:
    """Whether a typed word is one of `FUNCTION_WORDS`: its stem, or a short word one of whose terms
    is (것이, 수가: the stem keeps a particle after one syllable). (`search-worker.js` mirrors this.)"""
    return stem(word) in FUNCTION_WORDS or (len(word) <= 3 and any(t in FUNCTION_WORDS for t in terms))


def query_terms(query: str, years: Sequence[int] = (), today: dt.date | None = None,
                whole: Collection[str] = ()) -> list[tuple[str, list[str]]]:
    """Each typed word with all its terms, every group's (`query_groups` keeps them apart)."""
    return [(w, list(dict.fromkeys(t for g in gs for t in g))) for w, gs in query_groups(query, years, today, whole)]
