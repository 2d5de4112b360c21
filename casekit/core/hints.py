"""Words a tired social worker understands: Korean particles chosen by 받침, "혹시 …인가요?"
suggestions for near misses, date hints, and plain-Korean explanations of YAML syntax errors.

Pure functions over strings; the finding table (messages.py) stays the one place for wording.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterable

from casekit.core.masking import SENSITIVE_KEYS, masked
from casekit.core.reader import IGNORABLE_RE

# --- particles (조사) ---------------------------------------------------------------------

# "이(가)" style pairs as written in message templates -> (after a final consonant, after a vowel)
_PAIRS = {
    "이(가)": ("이", "가"),
    "은(는)": ("은", "는"),
    "을(를)": ("을", "를"),
    "과(와)": ("과", "와"),
    "이나(나)": ("이나", "나"),
    "으로(로)": ("으로", "로"),
    "(으)로": ("으로", "로"),
    "이라는(라는)": ("이라는", "라는"),
    "이에요(예요)": ("이에요", "예요"),
    "이어야(여야)": ("이어야", "여야"),
}
_PAIR_RE = re.compile("|".join(re.escape(p) for p in sorted(_PAIRS, key=len, reverse=True)))
# digits as read aloud: 영 일 이 삼 사 오 육 칠 팔 구 -> whether the reading ends in a consonant (ㄹ for 1, 7, 8)
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
_SKIP = "'\"’”)]}>»」』 "  # closing quotes and brackets: the particle follows the word inside
_UNREAD = "".join(chr(c) for c in range(0x10000) if chr(c).isspace()) + "~`!@#$%^&*_-+=|\\:;,.?/\u200b\u200c\u200d\ufeff"
# a mask's circles and an ellipsis (김○○, 9999…, 'kim.sw…'): read past, to the letter, digit or jamo before them
_MASKS = "○◯…⋯"
_OPENING = "'\"‘“([{<«「『"


# signs as read aloud when a value is nothing but signs ('..' 점점, 'a/' 에이 슬래시 is read by its
# letter): whether the name ends in a consonant (점, 하이픈, 밑줄 …) or a vowel (슬래시, 쉼표 …)
_SIGN_FINAL = {".": "ㅇ", "-": "ㅇ", "_": "ㄹ", "~": "ㄹ", "|": "ㄹ", ":": "ㅇ", ";": "ㅇ", "`": "ㅇ", "^": "ㅇ",
               "#": "ㅇ", "/": "", "\\": "", ",": "", "?": "", "!": "", "@": "", "$": "", "&": "", "*": "",
               "+": "", "=": ""}
_QUOTED_END = re.compile("(['\"‘“])([^'\"‘“’”]*)(['\"’”])[)\\]}>»」』 ]*$")


def _signs_final(signs: str) -> str | None:
    """The final sound of a value made only of signs and spaces, read by the last one's name
    ('..' 점, ' ' 공백, '/' 슬래시); None when nothing in it is read (invisible characters only)."""
    for ch in reversed(signs):
        if ch in _SIGN_FINAL:
            return _SIGN_FINAL[ch]
        if ch.isspace():
            return "ㅇ"  # 공백
    return None


def final_consonant(word: str) -> str | None:
    """The 받침 the last sounded letter of `word` ends in ('' for a vowel; 'ㄹ' matters for 으로),
    or None when it cannot be told (no letter at all). A quoted value or a word made only of signs
    ('..', '/', ' ': a hostile case id as typed) is read by its signs' names."""
    quoted = _QUOTED_END.search(word)
    if quoted is not None and quoted.group(2) and not quoted.group(2).strip(_UNREAD):
        return _signs_final(quoted.group(2))
    last = word.rstrip(_SKIP).rsplit(None, 1)[-1:] or [""]
    if last[0] and not last[0].strip(_UNREAD) and _signs_final(last[0]) is not None:
        return _signs_final(last[0])
    text = word.rstrip(_SKIP)
    if text.endswith(")") or not text:
        return None
    if text.endswith(("%", "％")):  # 80% is read 팔십 퍼센트: a vowel
        return ""
    # a space or sign the word ends in is not read aloud ('G1　', '03-plan.md~'): the letter before it is
    text = text.rstrip(_UNREAD)
    if not text:
        return None
    shown = text.rstrip(_UNREAD + _MASKS)
    if shown != text and (not shown or shown[-1] in _OPENING):
        # nothing but circles (a value masked whole, '○○○'): read as 동그라미, a vowel
        return "" if any(ch in "○◯" for ch in text[len(shown):]) else None
    text = shown
    ch = unicodedata.normalize("NFKC", text[-1])[-1:] or text[-1]  # ｅ (a full-width e) is read as e
    if "가" <= ch <= "힣":
        jong = (ord(ch) - 0xAC00) % 28
        return "" if jong == 0 else ("ㄹ" if jong == 8 else "ㅇ")
    if "\u1100" <= ch <= "\u11ff":  # a jamo alone (NFKC makes ㅇ ᄋ): a vowel is read as itself (ㅏ 아), a
        # consonant by its name, which ends in it (ㅇ 이응, ㄹ 리을, ㄳ 기역시옷)
        return "" if "\u1161" <= ch <= "\u11a7" else "ㄹ" if ch in "\u1105\u11af" else "ㅇ"
    if ch.isdigit() and ch in _DIGIT_FINAL:
        return _DIGIT_FINAL[ch]
    if not ch.isascii() and ch.isalpha():  # a Latin letter with a mark (é, ü): read as the letter under it
        base = unicodedata.normalize("NFKD", ch)[:1]
        if base.isascii() and base.isalpha():
            text, ch = text[:-1] + base, base
    if ch.isascii() and ch.isalpha():  # English as Koreans read it: goal은, plan은, intake는, older는
        low = text.lower()
        if low.endswith("l"):
            return "ㄹ"
        if len(low) >= 2 and low[-1] in "pb" and low[-2] in "aeiou":  # followup(업), job(잡), web(웹); help(프) not
            return "ㅂ"
        return "ㅇ" if low.endswith(("m", "n", "ng")) else ""
    return None


def attach_particles(text: str) -> str:
    """Replace '이(가)', '은(는)' … with the particle that fits the word before it."""
    if "(" not in text:
        return text

    def pick(m: re.Match[str]) -> str:
        pair = m.group(0)
        start = m.start()
        before = text[:start]
        # the word the particle belongs to: skip a trailing "(설명)" such as 'risk_level'(위기도)
        if before.endswith(")") and "(" in before:
            inner_start = before.rfind("(")
            inner = before[inner_start + 1 : -1]
            outer = before[:inner_start]
            # a Korean word with its example or its sign in brackets, 전각 숫자(２０２６), 낫표(「」): the word's
            # particle, as Korean writes it (a key with its gloss, 'risk_level'(위기도): the gloss's; a
            # sign read as nothing, 전각 하이픈(－): the word before it)
            korean = outer[-1:] >= "가" and outer[-1:] <= "힣"
            before = inner if not korean and inner.strip() and final_consonant(inner) is not None else outer
        final = final_consonant(before)
        if final is None:
            return pair
        with_final, without = _PAIRS[pair]
        if pair in ("으로(로)", "(으)로"):
            return without if final in ("", "ㄹ") else with_final
        return with_final if final else without

    return _PAIR_RE.sub(pick, text)


# --- near misses ------------------------------------------------------------------------------

def close_to(value: str, candidates: Iterable[str], *, cutoff: float = 0.75) -> str | None:
    """The candidate a typo most likely meant, or None; case, spaces, '-' and '_' are not counted."""
    pool = [c for c in candidates if isinstance(c, str)]
    if not pool or not isinstance(value, str) or not value:
        return None

    def key(s: str) -> str:
        return re.sub(r"[\s_\-·.]", "", s.lower())

    keyed = {key(c): c for c in pool}
    k = key(value)
    if k in keyed and keyed[k] != value:
        return keyed[k]
    hit = difflib.get_close_matches(k, list(keyed), n=1, cutoff=cutoff)
    return keyed[hit[0]] if hit and keyed[hit[0]] != value else None


def edit_distance(a: str, b: str) -> int:
    """Letters added, dropped or changed, and two neighbours swapped, to make `b` of `a` (optimal
    string alignment: kim.ws -> kim.sw is one step)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def near_miss(typed: str, other: str) -> bool:
    """Whether `typed` looks like a slip for `other` (ids such as a worker's): the same but for
    letter case or a dot, dash or underscore (Kim.sw, kimsw for kim.sw), one letter off or two
    neighbours swapped (kim.ws), or two letters off in an id of eight letters or more (a short id
    two letters off is as likely another person: lee.hj beside lee.sw)."""
    if typed == other:
        return False

    def key(s: str) -> str:
        return re.sub(r"[._\-\s]", "", s.lower())

    a, b = key(typed), key(other)
    if a == b:
        return True
    steps = edit_distance(a, b)
    return steps <= 1 or (steps == 2 and min(len(a), len(b)) >= 8)


# words practitioners type for a code (English they use, 상/중/하 ratings, Korean shorthand the labels
# lack): a guess only where one code of the field's list has the word
SYNONYMS: dict[str, tuple[str, ...]] = {
    "achieved": ("done", "complete", "completed", "accomplished", "met", "완료"),
    "in_progress": ("ongoing", "progress", "in progress", "inprogress", "started", "진행", "진행중",
                    "부분달성", "부분 달성", "일부 달성", "일부달성"),  # (a goal part met at a 점검 is still under way)
    "stalled": ("stuck", "blocked", "paused", "on hold", "on_hold", "hold", "중단", "지연", "보류"),
    "not_started": ("pending", "todo", "not started", "notstarted", "planned", "예정", "시작 전", "시작전"),
    "partly": ("partial", "partially", "some", "부분", "일부만"),
    "partly_achieved": ("partly", "partial", "partially", "부분", "부분달성", "일부 달성"),
    "not_achieved": ("failed", "not met", "unmet", "미달성"),
    # (예/아니오, as a form's box is answered: 제공 여부 예, 동의 예)
    "delivered": ("yes", "provided", "done", "제공", "완료", "예", "네", "됨", "제공함", "제공했음", "제공 완료"),
    "not_delivered": ("no", "none", "missed", "undelivered", "미제공", "제공 안 됨", "제공안됨", "아니오", "아니요",
                      "안 됨", "안됨"),
    "high": ("상", "높음", "높다", "고위험", "위험 높음", "상위험"),
    "medium": ("중", "중간", "보통", "mid", "moderate", "중위험", "중간 위험"),
    "low": ("하", "낮음", "낮다", "저위험", "위험 낮음", "하위험"),
    "continue": ("keep", "ongoing", "계속", "유지", "계속 진행", "계속진행", "계속 개입"), "close": ("closing", "end", "종결"),
    "revise_plan": ("revise", "revised", "계획수정"), "reassess": ("reassessment", "재사정"),
    "initial": ("최초", "처음", "초기", "신규", "first"),  # (an assessment's 초기 사정 is called 최초 as a plan's is)
    "female": ("f", "여", "여자", "여성"), "male": ("m", "남", "남자", "남성"),
    "written": ("서면", "signed", "paper", "서명", "서명함", "동의서"), "signed": ("서명", "서면", "written"), "verbal": ("oral", "구두"),
    "given": ("동의", "agreed", "yes", "예", "네"), "refused": ("거부", "declined", "denied", "no", "아니오", "아니요"),
    "withdrawn": ("철회", "withdrew"),
    # the practice's everyday words for a list's codes, as a form or a colleague says them
    "public": ("주민센터", "동 주민센터", "동주민센터", "동사무소", "구청", "시청", "군청", "읍사무소", "면사무소",
               "맞춤형복지팀", "찾아가는 보건복지팀", "보건소", "공공기관"),
    "agency": ("복지관", "사회복지관", "종합사회복지관", "타기관", "다른 기관", "기관 의뢰", "기관의뢰"),
    "community": ("통장", "반장", "이장", "통반장", "명예사회복지공무원", "주민", "동네 주민"),
    "self": ("직접 방문", "직접방문", "내방", "본인 내방", "본인내방", "자발", "자발적", "직접"),
    "hospital": ("병원", "의료원", "보건의료기관"),
    "crisis_info": ("사각지대", "복지사각지대", "행복e음", "단전", "단수"),
    "unreachable": ("연락 안됨", "연락안됨", "연락 안 됨", "연락불가", "연락 불가", "두절", "연락두절", "연락 두절"),
    "withdrew": ("본인 거부", "본인거부", "거절", "서비스 거부", "중도 포기", "포기"),
    "living_environment": ("주거", "주거환경", "집", "주택"),
    "health": ("의료", "질병", "병원", "정신건강", "건강관리"),
    "daily_living": ("돌봄", "일상", "생활", "식사"),
    "employment": ("일자리", "취업", "구직", "직업", "근로"),
    "economy": ("생계", "소득", "채무", "부채", "빚", "경제적"),
    "education": ("학습", "학업", "학교생활"),
    "counselling": ("방문상담", "방문 상담", "전화상담", "전화 상담", "가정방문", "가정 방문", "면담", "심리상담"),
    "linking": ("서비스 연계", "서비스연계", "자원 연계", "자원연계", "의뢰"),
    "crisis": ("긴급", "매우 높음"),
    "intensive": ("집중", "집중사례", "고위험"),
    "selection": ("선정회의", "선정 회의", "대상자 선정"),
    "plan_approval": ("계획승인", "계획 승인 회의", "승인"),
    "emergency": ("긴급회의", "긴급 회의", "긴급사례회의"),
    "domestic_violence": ("dv", "가폭", "부부폭력"),
    "stable": ("양호", "안정적", "괜찮음", "좋음", "이상 없음", "이상없음", "문제없음", "문제 없음"),
    "needs_support": ("도움 필요", "도움필요", "지원필요", "어려움"),
    "review": ("점검회의", "점검 회의", "중간점검 회의"),
    "phone": ("전화", "통화", "전화상담", "전화 상담", "문자", "카톡", "카카오톡", "휴대폰"),
    "visit": ("방문", "가정방문", "가정 방문", "방문상담", "방문 상담", "재가방문"),
    "office": ("내방", "내소", "기관 방문", "기관방문", "센터 방문"),
    "inactive": ("휴관", "폐업", "폐관", "운영 중단", "운영중단", "중단", "종료", "없어짐"),
    "active": ("운영", "운영중", "운영 중", "정상"),
    "general": ("일반사례", "일반 사례", "일반사례관리"),
    "service_linkage": ("서비스연계사례", "단순연계", "단순 연계", "연계사례"),
}


def _inside_label(squeezed: str, codes: list[str], labels: dict[str, str]) -> str | None:
    """The one code whose label holds `squeezed` (spaces aside, three letters or more): 대상아님 in
    사례관리 대상 아님."""
    if len(squeezed) < 3:
        return None
    meant = [code for code in codes if squeezed in "".join(labels.get(code, "").split())]
    return meant[0] if len(meant) == 1 else None


def _synonym(text: str, codes: list[str]) -> str | None:
    word = text.strip().lower()
    meant = [code for code in codes if word in SYNONYMS.get(code, ())]
    return meant[0] if len(meant) == 1 else None


def percent_hint(share: float, codes: list[str], labels: dict[str, str]) -> tuple[str, str] | None:
    """For a goal's status written as a share done (80, 80%): the code it means (100 achieved, 0
    not started, else in progress), with the share moved to the note; None for a list of other codes."""
    if not {"in_progress", "achieved"} <= set(codes) or not 0 <= share <= 100:
        return None
    code = "achieved" if share >= 100 else "not_started" if share == 0 and "not_started" in codes else "in_progress"
    label = labels.get(code, "")
    shown = f"{code}({label})" if label else code
    return (f" 진행률({share:g}%)은 note에 적고, 이 칸에는 코드 {shown}(으)로 적으세요.",
            f" put the share done ({share:g}%) in the note and write the code {code} here.")


def enum_hint(value: object, allowed: list[object], labels: dict[str, str]) -> tuple[str, str]:
    """For a value not in an enum: which code to write, in Korean and English ('' when no guess).
    A Korean label typed instead of its code ('노인' for older, '최초' for initial) is recognised."""
    if not isinstance(value, str):
        return "", ""
    text = value.strip()
    codes = [a for a in allowed if isinstance(a, str)]
    same = lookalike_hint(value, codes)
    if same is not None:
        return same
    unquoted = text.strip(CURLY_QUOTES).strip()
    if unquoted != text and unquoted in codes:  # “stalled” pasted from a word processor
        return (f" 워드나 메신저의 따옴표는 YAML이 값의 글자로 읽습니다. 따옴표를 지우고 {unquoted}(으)로 적으세요.",
                f" curly quotes are read as part of the value: write {unquoted}.")
    percent = re.fullmatch(r"([0-9]{1,3}(?:\.[0-9]+)?)\s*(?:%|퍼센트|프로)", text)
    if percent is not None:  # `status: 80%`: a goal's progress as a share done
        said = percent_hint(float(percent.group(1)), codes, labels)
        if said is not None:
            return said
    squeezed = "".join(text.split())  # (대상아님 for 대상 아님, 시설입소 for 시설 입소·장기 입원)
    for code in codes:
        label = labels.get(code, "")
        parts = [p.strip() for p in re.split(r"[·/(),]|\s+", label) if p.strip()]
        phrases = {"".join(p.split()) for p in re.split(r"[·/(),]", label) if p.strip()}
        if text and (text == label or text in parts or (len(text) >= 2 and label.startswith(text))
                     or (len(squeezed) >= 2 and squeezed in phrases)):
            return (f" '{text}' 대신 코드 {code}({label})(으)로 적으세요.", f" write the code {code} instead of '{text}'.")
    starting = [code for code in codes if text and labels.get(code, "").startswith(text)]
    if len(starting) == 1:  # one syllable that begins one label only: 남 for 남성
        code = starting[0]
        return (f" '{text}' 대신 코드 {code}({labels[code]})(으)로 적으세요.",
                f" write the code {code} instead of '{text}'.")
    offered = [c for c in re.split(r"\s*(?:[|/,·]|\bor\b|또는)\s*", text) if c in codes]
    if len(offered) >= 2:  # `decision: continue | reassess`: the template's choices left, none chosen
        listed = ", ".join(dict.fromkeys(offered))
        return (f" 값은 하나만 적습니다: {listed} 중 하나를 골라 그것만 남기세요.",
                f" one value only: keep the one of {listed} that holds.")
    lead = re.match(r"([A-Za-z_]+)\s*(?:[-—–:(#·,/]|\s)", text)
    if lead is not None and lead.group(1) in codes:  # the template's explanation left after the value
        code = lead.group(1)
        return (f" 값 뒤의 설명을 지우고 코드만 적으세요: {code}.", f" keep only the code: {code}.")
    guess = close_to(text, codes) or close_to(text, list(labels.values())) or _synonym(text, codes) \
        or _inside_label(squeezed, codes, labels)
    if guess is not None:
        code = guess if guess in codes else next(c for c in codes if labels.get(c) == guess)
        label = labels.get(code, "")
        shown = f"{code}({label})" if label else code
        return f" 혹시 {shown}인가요?", f" did you mean {code}?"
    return "", ""


def lookalike_hint(value: str, codes: list[str]) -> tuple[str, str] | None:
    """A value that is one of `codes` but for characters drawn alike or not at all (a full-width
    space or letters, a no-break or zero-width space): which characters, and the code to write."""
    plain = unicodedata.normalize("NFKC", IGNORABLE_RE.sub("", value)).strip()
    if plain == value or plain not in codes:
        return None
    names = ", ".join(dict.fromkeys(_char_name(ch) for ch in value if not ch.isascii() or ch == "\t"))
    if not names:  # (ASCII white space alone, before or after: "achieved ")
        where = [w for w, edge in (("앞", value[:1]), ("끝", value[-1:])) if edge.isspace()]
        return (f" 값의 {'과 '.join(where)}에 공백이 있습니다. 지우고 {plain}(으)로 적으세요.",
                f" it has a space at its {' and '.join('start' if w == '앞' else 'end' for w in where)}: write {plain}.")
    return (f" 보이지 않거나 모양만 같은 문자({names})가 섞여 있습니다. 그 값을 지우고 {plain}(으)로 다시 적으세요.",
            f" it holds characters that look alike or show nothing ({names}): retype it as {plain}.")


# dashes that are not the hyphen (a word processor's, a Korean input method's ㅡ)
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\u3161"
# quotes a word processor or a messenger makes of the straight ones (“2026-06-10”, ‘lee.sw’): YAML
# reads them as the value's own characters, not as quotes
CURLY_QUOTES = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u300c\u300d\u300e\u300f"
# characters that only look like what a code, an id or a date holds: full-width forms, odd spaces,
# dashes that are not the hyphen, invisible characters; and a space at either end
_ODD_IN_CODE = re.compile("[\uff01-\uff5e\u00a0\u2000-\u200a\u202f\u205f\u3000" + DASHES + CURLY_QUOTES
                          + IGNORABLE_RE.pattern[1:-1] + "]|^\\s|\\s$")
# a quick test of a whole front matter's text (most hold no odd character): such a character of the
# Basic Multilingual Plane (a class of them is a bitmap there), any beyond it, a backslash escape
_ODD_QUICK = re.compile("[\uff01-\uff5e\u00a0\u2000-\u2015\u2018-\u201f\u300c-\u300f\u202a-\u202f\u205f-\u206f\u3000\u2212\ufe58\ufe63\u3161"
                        "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\ufeff\uffa0"
                        "\ufff0-\ufff8\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\\\\]|[\U00010000-\U0010FFFF]")


def may_hold_odd(front: str) -> bool:
    """Whether a front matter's text may hold a value `odd_characters` finds something in: such a
    character, an escape, or a space inside quotes at either end of a value."""
    return (_ODD_QUICK.search(front) is not None or ' "\n' in front or " '\n" in front or '" ' in front
            or "' " in front or '\t"' in front)


def clean_code(value: str) -> str:
    """`value` as meant: full-width forms and dashes made ASCII, odd and invisible characters
    dropped, no space at either end (`２０２６－0012　` -> 2026-0012)."""
    text = IGNORABLE_RE.sub("", value).translate({ord(c): "-" for c in DASHES} | {ord(c): None for c in CURLY_QUOTES})
    return unicodedata.normalize("NFKC", text).strip()


_SPACE_NAMES = {" ": ("공백", "a space"), "\u3000": ("전각 공백 U+3000", "a full-width space U+3000"),
                "\u00a0": ("줄바꿈 없는 공백 U+00A0", "a no-break space U+00A0")}


def _space_name(ch: str) -> tuple[str, str]:
    return _SPACE_NAMES.get(ch, (f"특수 공백 U+{ord(ch):04X}", f"an odd space U+{ord(ch):04X}"))


def unseen_in_name(name: str) -> tuple[str, str]:
    """What a name holds that nobody can see or tell from a plain letter: a space or a dot at an end
    (`2026-0014 `, `2026-0015.`), an invisible character (U+200B), full-width digits or letters
    (`２０２６`), an odd space; said as `끝에 공백, 전각 숫자 ２０２６` (and in English), '' when none."""
    ko: list[str] = []
    en: list[str] = []
    said: set[str] = set()
    for ch, where, where_en in ((name[:1], "앞에", "at the start"), (name.rstrip(".")[-1:], "끝에", "at the end")):
        if ch.isspace():
            what, what_en = _space_name(ch)
            ko.append(f"{where} {what}")
            en.append(f"{what_en} {where_en}")
            said.add(ch)
    if name.endswith("."):
        ko.append("끝에 마침표(.)")
        en.append("a dot at the end")
    wide: dict[str, str] = {}
    for ch in name:
        if (ch.isascii() and (ch.isprintable() or ch == " ")) or ch in said:
            continue
        plain = unicodedata.normalize("NFKC", ch)
        if IGNORABLE_RE.fullmatch(ch) or unicodedata.category(ch) in ("Cf", "Cc"):
            ko.append(f"보이지 않는 문자 U+{ord(ch):04X}")
            en.append(f"an invisible character U+{ord(ch):04X}")
            said.add(ch)
        elif ch.isspace():
            what, what_en = _space_name(ch)
            ko.append(what)
            en.append(what_en)
            said.add(ch)
        elif plain != ch and plain.isascii():  # every one, in order: 전각 숫자 ２０２６
            kind = "숫자" if plain.isdigit() else "영문" if plain.isalpha() else "기호"
            wide[kind] = wide.get(kind, "") + ch
    for kind, chars in wide.items():
        kind_en = {"숫자": "digits", "영문": "letters", "기호": "signs"}[kind]
        ko.append(f"전각 {kind} {chars}")
        en.append(f"full-width {kind_en} {chars}")
    return ", ".join(ko), ", ".join(en)


_WIDE_DIGITS = re.compile("[\uff10-\uff19]+")


def odd_characters(value: str) -> tuple[str, str, str, int] | None:
    """What in a code, an id or a date only looks right (a full-width space or digit, a dash that is
    not the hyphen, a space at the end): (where: ' 끝' or ' 앞' when it is only spaces at that end,
    else ''; Korean; English; index of the first such character); None when nothing does."""
    if value.isascii() and value == value.strip():
        return None
    m = _ODD_IN_CODE.search(value)
    if m is None:
        return None
    kinds: dict[str, tuple[str, str]] = {}  # kind -> (Korean, English), in the order met
    ends: set[str] = set()
    # white space alone before `lead`, from `last` on: asked of each character by stripping what
    # stood before and after it, a value of 300,000 characters took minutes
    lead, last = len(value) - len(value.lstrip()), len(value.rstrip()) - 1
    for i, ch in enumerate(value):
        end = "앞" if i <= lead else "끝" if i >= last else ""
        if ch.isspace() and (ch not in " \t" or end):
            ends.add(end)
            if ch == "\u3000":
                kinds.setdefault(ch, ("전각 공백(U+3000)", "a full-width space (U+3000)"))
            elif ch in " \t":
                kinds.setdefault(ch, ("공백", "a space at an end"))
            elif ch in "\n\r\x85\u2028\u2029":
                kinds.setdefault("\n", ("줄바꿈", "a line break"))
            else:
                kinds.setdefault(ch, (f"특수 공백(U+{ord(ch):04X})", f"a Unicode space (U+{ord(ch):04X})"))
        elif "\uff10" <= ch <= "\uff19":
            if "digits" not in kinds:  # (the first run's: each digit's made a copy of the rest)
                run = _WIDE_DIGITS.match(value, i)
                kinds["digits"] = (f"전각 숫자({run.group(0) if run else ch})", "full-width digits")
        elif ch == "\uff0d":
            kinds.setdefault(ch, ("전각 하이픈(－)", "a full-width hyphen (U+FF0D)"))
        elif ch in CURLY_QUOTES:
            if "quotes" not in kinds:  # (the marks read once, not again at each)
                marks = "".join(dict.fromkeys(c for c in value if c in CURLY_QUOTES))
                kinds["quotes"] = (("낫표" if ch >= "\u300c" else "둥근 따옴표") + f"({marks})", "curly quotes")
        elif ch in DASHES:
            kinds.setdefault(ch, (f"하이픈(-)이 아닌 줄표({ch}, U+{ord(ch):04X})",
                                  f"a dash that is not a hyphen (U+{ord(ch):04X})"))
        elif "\uff01" <= ch <= "\uff5e":
            kinds.setdefault("letters", ("전각 글자", "full-width letters"))
        elif IGNORABLE_RE.fullmatch(ch):
            kinds.setdefault(ch, (f"보이지 않는 문자(U+{ord(ch):04X})", f"an invisible character (U+{ord(ch):04X})"))
    if not kinds:
        return None
    only_spaces = all(k.isspace() for k in kinds) and len(ends) == 1 and "" not in ends
    where = f" {ends.pop()}" if only_spaces else ""
    return (where, ", ".join(ko for ko, _ in kinds.values()), ", ".join(dict.fromkeys(en for _, en in kinds.values())),
            m.start())


def _char_name(ch: str) -> str:
    if ch == "\u3000":
        return "전각 공백 U+3000"
    if ch == "\u00a0":
        return "줄바꿈 없는 공백 U+00A0"
    if IGNORABLE_RE.fullmatch(ch):
        return f"보이지 않는 문자 U+{ord(ch):04X}"
    if unicodedata.normalize("NFKC", ch) != ch:
        return "전각 글자"
    return f"U+{ord(ch):04X}"


# --- dates ------------------------------------------------------------------------------------

# (a month or day with a zero too many, 2026-008-20, is read as the number it is)
# (2026. 11. 6. as Korean writes it: a dot after the day too)
_DATE_PARTS = re.compile(r"^\s*(\d{2}|\d{4})\s*(?:[-./년]\s*)0*(\d{1,2})\s*(?:[-./월]\s*)0*(\d{1,2})\s*(?:일|\.)?\s*$")
YEAR_PIVOT = 40  # a two-digit year below it is 20xx, else 19xx
# the day of the week after a date: 2026-11-06 (금), 2026-11-06 금요일
_WEEKDAY = re.compile(r"\s*[(\[]?\s*[월화수목금토일](?:요일)?\s*[)\]]?\s*$")


_WITH_TIME = re.compile(r"^\s*(.+?일?)\s*(?:[T ]\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?|\s(?:오전|오후)?\s*[0-9]{1,2}\s*시"
                        r"(?:\s*[0-9]{1,2}\s*분)?|\s(?:오전|오후))\s*$")
_DONE_WORDS = frozenset({"예", "네", "완료", "했음", "함", "o", "v", "✓", "✔", "y", "yes", "done", "아니오", "아니요", "미완료", "x"})
_YEAR_MONTH = re.compile(r"^\s*([0-9]{4})\s*(?:[-./]|년)\s*([0-9]{1,2})\s*(?:월|\.)?\s*$")
_MONTH_PART = re.compile(r"^\s*([0-9]{1,2})\s*월\s*(초순|중순|하순|초|중|말)\s*(?:까지|경)?\s*$")
_MONTH_DAY = re.compile(r"^\s*([0-9]{1,2})\s*(?:월\s*|[./]\s*)([0-9]{1,2})\s*일?\s*$")


_LATER = re.compile(r"\s*(한|두|세|네|[0-9]{1,3})\s*(일|주|주일|달|개월)\s*(?:후|뒤|이후|안에|내)\s*")
_COUNTS = {"한": 1, "두": 2, "세": 3, "네": 4}


def month_day(value: object) -> tuple[int, int] | None:
    """(month, day) of a date written without its year (3월 5일, 3/5), when it is one; else None."""
    if not isinstance(value, str) or len(value) > MAX_DATE_TEXT:
        return None
    m = _MONTH_DAY.match(unicodedata.normalize("NFKC", value))
    return (int(m.group(1)), int(m.group(2))) if m is not None else None


def later_date(value: object, day: object) -> str | None:
    """The date `value` counts from `day` (YYYY-MM-DD), when it is written as a time after it (한 달 후,
    2주 뒤, 10일 후, 3개월 후): what a next date written so means. None otherwise."""
    if not isinstance(value, str) or not isinstance(day, str):
        return None
    m = _LATER.fullmatch(unicodedata.normalize("NFKC", value))
    if m is None:
        return None
    try:
        start = dt.date.fromisoformat(day)
    except ValueError:
        return None
    count, unit = m.groups()
    n = int(count) if count.isdigit() else _COUNTS[count]
    if not n:
        return None
    if unit == "일":
        return (start + dt.timedelta(days=n)).isoformat()
    if unit in ("주", "주일"):
        return (start + dt.timedelta(weeks=n)).isoformat()
    year, month = divmod(start.month - 1 + n, 12)  # (months on: the same day, or the month's last)
    year, month = start.year + year, month + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1])).isoformat()


# the longest text a date hint reads (2026년 11월 25일 (수요일) 오후 2시 30분 is 28 characters): past it a
# value is no date mistyped, and the patterns that read a date with its time or its day of the week
# tried every way to share out a run of spaces between their parts (a date of 200 spaces took 5 s,
# of 400, minutes)
MAX_DATE_TEXT = 40


def date_hint(value: object) -> tuple[str, str]:
    """What a date that is not YYYY-MM-DD probably means: '2026.11.25' -> 2026-11-25,
    '2026-11-5' -> 2026-11-05, '2026-11-31' -> 11월은 30일까지. Nothing for a text longer than
    MAX_DATE_TEXT."""
    if not isinstance(value, str) or len(value) > MAX_DATE_TEXT:
        return "", ""
    jamo = "".join(dict.fromkeys(_JAMO.findall(value)))
    if jamo and _JAMO.sub("", value).strip():  # ㅇ2026-04-20: a key pressed with the keyboard in Hangul
        rest = _JAMO.sub("", value).strip()
        then = date_hint(rest) if not _calendar_day(rest) else (f" {rest}(으)로 적으세요.", f" write {rest}.")
        if then[0]:
            return (f" 날짜에 한글 자모 '{jamo}'이(가) 섞여 있습니다. '{jamo}'을(를) 지우세요:{then[0]}",
                    f" a Hangul letter ('{jamo}') is in the date: delete it;{then[1]}")
    value = unicodedata.normalize("NFKC", value)
    serial = excel_date(value)
    if serial is not None:  # 46162: a date Excel shows as a number (copied from a cell formatted as a number)
        return (f" 엑셀의 날짜 번호로 보입니다(엑셀에서 {value.strip()}은(는) {serial}): 그날이면 {serial}(으)로 적으세요.",
                f" it looks like Excel's number for a date ({value.strip()} is {serial}): write {serial}.")
    ahead = _WEEKDAY_FIRST.match(value)
    if ahead is not None and _date_shaped(value[ahead.end():]):  # (월) 2026-04-08: the day of the week first
        hint = date_hint(value[ahead.end():])
        return hint if hint[0] else (f" 요일은 빼고 날짜만 적으세요: {value[ahead.end():].strip()}",
                                     f" write the date without the day of the week: {value[ahead.end():].strip()}")
    timed = _WITH_TIME.match(value)
    if timed is not None:  # 2026-05-20 14:30, 2026-05-20T14:30, 2026-05-20 오후 2시
        day = timed.group(1).strip()
        m = _DATE_PARTS.match(day)
        fixed = None
        if m is not None and len(m.group(1)) == 4:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
                fixed = f"{y:04d}-{mo:02d}-{d:02d}"
        if fixed is None:
            return date_hint(day)
        return (f" 날짜만 적으세요: {fixed} (시각은 본문에 적습니다).", f" write the date only: {fixed}.")
    if value.strip().lower() in _DONE_WORDS:  # done: 예, 완료 (a form's box, where a date is asked)
        return (" 예/완료가 아니라 날짜(YYYY-MM-DD)를 적습니다(예: 2026-11-12). 아직 아니라면 이 항목을 지우세요.",
                " write the date (YYYY-MM-DD), not yes or done; leave the field out while there is none.")
    month_only = _YEAR_MONTH.match(value)
    if month_only is not None:  # 2026-06, 2026년 6월, 2026.6: a month, where a day is asked
        y, mo = int(month_only.group(1)), int(month_only.group(2))
        if 1 <= mo <= 12:
            month_end = f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
            return (f" 날짜까지 적으세요: 그 달 안이면 {month_end}(그 달의 마지막 날)처럼.",
                    f" write a day too: {month_end} for the month's end.")
    part = _MONTH_PART.match(value)
    if part is not None:  # 6월 말, 6월 초
        mo = int(part.group(1))
        if 1 <= mo <= 12:
            near = {"초": 10, "중": 20, "중순": 20, "말": 30, "하순": 30, "초순": 10}[part.group(2)]
            near = min(near, calendar.monthrange(2023, mo)[1])  # (2월 말: the 28th, any year)
            return (f" 연도와 날을 넣어 날짜로 적으세요. 예: YYYY-{mo:02d}-{near:02d}(YYYY는 연도 네 자리).",
                    f" write a date with its year and day: YYYY-{mo:02d}-{near:02d}.")
    short = _MONTH_DAY.match(value)
    if short is not None:  # 3월 5일, 3/5: no year
        month, day = int(short.group(1)), int(short.group(2))
        return (f" 연도를 넣어 YYYY-{month:02d}-{day:02d}처럼 적으세요(YYYY는 연도 네 자리).",
                f" add the year: YYYY-{month:02d}-{day:02d}.")
    m = _DATE_PARTS.match(value)
    if m is None and _LETTER_DIGITS.search(value):  # 2026-04-2O: the letter O typed for 0 (l, I for 1)
        digits = _LETTER_DIGITS.sub(lambda x: x.group().translate(_AS_DIGITS), value)
        if _date_shaped(digits):
            fixed = date_hint(digits)[0].strip() or f"{digits.strip()}(으)로 적으세요."
            fixed_en = date_hint(digits)[1].strip() or f"write {digits.strip()}."
            return (f" 숫자 자리에 영문자(O, l, I)가 있습니다: {fixed}", f" a letter stands for a digit: {fixed_en}")
    span = _DATE_RANGE.match(value)
    if span is not None:  # 2026-04-20~21, 2026-04-20 ~ 2026-04-21: a span, where a day is asked
        first = span.group(1).strip()
        return (f" 날짜는 하나만 적습니다: 시작한 날 {first}을(를) 적고, 기간은 본문에 적으세요.",
                f" one date only: write the first day, {first}, and the span in the text.")
    weekday = _WEEKDAY.search(value) if m is None else None
    if weekday is not None and weekday.start() > 0 and _date_shaped(value[: weekday.start()]):
        hint = date_hint(value[: weekday.start()])
        if hint[0]:
            return hint
        return (f" 요일은 빼고 날짜만 적으세요: {value[: weekday.start()].strip()}",
                f" write the date without the day of the week: {value[: weekday.start()].strip()}")
    if m is None and _RELATIVE_DAY.search(value):  # 작년, 지난주, 어제: a day said, not written
        return (" '작년', '지난주'처럼 말로 한 날은 날짜로 읽지 않습니다: 그날의 날짜를 YYYY-MM-DD로 적으세요.",
                " a day said in words is not read as a date: write the day as YYYY-MM-DD.")
    if m is None:
        return _year_last_hint(value)
    year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
    if len(year) == 2:
        # 26 is 2026 for a record, 55 is 1955 for a birth date (a fixed pivot: a finding never depends
        # on the day it is made, and the full date shown lets the worker see a wrong century)
        full = (2000 if int(year) < YEAR_PIVOT else 1900) + int(year)
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(full, month)[1]:
            fixed = f"{full:04d}-{month:02d}-{day:02d}"
            return (f" 연도는 네 자리로 적으세요: {fixed}", f" write the year with four digits: {fixed}")
        return (" 연도는 네 자리로 적으세요(예: 2026-11-25).", " write the year with four digits (e.g. 2026-11-25).")
    y = int(year)
    if y == 0:
        return (" 0000년은 없습니다. 연도를 바로 적으세요(예: 2026-11-25).", " there is no year 0000.")
    if not 1 <= month <= 12:
        return (f" {month}월은 없습니다. 월은 01~12입니다.", f" there is no month {month}.")
    last = calendar.monthrange(y, month)[1]
    if not 1 <= day <= last:
        return (f" {month}월은 {last}일까지입니다.", f" month {month} of {y} has {last} days.")
    fixed = f"{y:04d}-{month:02d}-{day:02d}"
    if fixed == value:
        return "", ""
    return f" {fixed}(으)로 적으세요.", f" write {fixed}."


# the year last, as in English or European forms: 05-20-2026, 5/20/2026 (month first), 20.05.2026,
# 20/05/2026 (day first)
_YEAR_LAST = re.compile(r"^\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})\s*\.?\s*$")


def _date_shaped(text: str) -> bool:
    """Whether `text` is a date's three numbers, its year first or last (2026.5.20, 20.05.2026)."""
    return bool(_DATE_PARTS.match(text) or _YEAR_LAST.match(text))


def _year_last_hint(value: str) -> tuple[str, str]:
    """The hint for a date written with its year last (05-20-2026, 20.05.2026): the date it is, when
    only one of its first two numbers can be the month; both readings, when either can (05-06-2026 is
    6 May or 5 June: never a guess); nothing for any other text. (No words naming the day, 5월 6일:
    a birth date's hint is shown with its digits masked, and words would show them.)"""
    m = _YEAR_LAST.match(value)
    if m is None:
        return "", ""
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))

    def real(month: int, day: int) -> str | None:
        if y and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(y, month)[1]:
            return f"{y:04d}-{month:02d}-{day:02d}"
        return None

    readings = list(dict.fromkeys(r for r in (real(a, b), real(b, a)) if r is not None))
    if len(readings) == 1:
        return (f" 연도-월-일 순서로 적으세요: {readings[0]}", f" write the year first, then the month and the day: {readings[0]}")
    if readings:
        return (f" 연도-월-일 순서로 적습니다. 이 값만으로는 어느 쪽이 월인지 알 수 없으니, {readings[0]}과(와)"
                f" {readings[1]} 중 맞는 날짜를 적으세요.",
                f" write the year first, then the month and the day: {readings[0]} or {readings[1]},"
                f" whichever is meant (this value does not tell which is the month).")
    month = b if a > 12 >= b else a if b > 12 >= a else 0
    if y and month and 1 <= month <= 12:  # 31-04-2026: April has 30 days
        last = calendar.monthrange(y, month)[1]
        return (f" 연도-월-일 순서로 적습니다. 그런데 {month}월은 {last}일까지입니다.",
                f" write the year first, then the month and the day; month {month} of {y} has {last} days.")
    return (" 연도-월-일 순서로 적으세요(예: 2026-05-20).", " write the year first, then the month and the day (e.g. 2026-05-20).")


# three groups of two digits (20.05.26, 20-05-26, 20/05/26): yy.mm.dd as Koreans write it, or the year last
_TWO_DIGIT_GROUPS = re.compile(r"^\s*(\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{2})\s*\.?\s*$")
NEAR_DAYS = 366  # a reading is borne out by the record's other dates when one of them is this close


def short_year_hint(value: object, others: Iterable[dt.date]) -> tuple[str, str] | None:
    """The hint for a date of three two-digit groups (20.05.26) read against the record's other dates:
    yy.mm.dd (2020-05-26), as Koreans write it, and also the year last (26 = 2026: day first, 2026-05-20,
    or month first) when such a reading is a date within NEAR_DAYS of one of `others` (or, with no other
    date to read it by, when the year first is no date: 20.02.30). Both readings when both stand (never a
    guess); the one that stands, when one does; None when the year-first reading alone stands (date_hint
    says it) or none does (26.04.31 in a record of 2026: not 2031-04-26)."""
    if not isinstance(value, str) or len(value) > MAX_DATE_TEXT:
        return None
    m = _TWO_DIGIT_GROUPS.match(unicodedata.normalize("NFKC", value))
    if m is None:
        return None
    a, b, c = (int(g) for g in m.groups())

    def real(yy: int, month: int, day: int) -> dt.date | None:
        year = (2000 if yy < YEAR_PIVOT else 1900) + yy
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return dt.date(year, month, day)
        return None

    near = list(others)
    first = real(a, b, c)
    last = [r for r in dict.fromkeys((real(c, b, a), real(c, a, b))) if r is not None and r != first]
    if first is not None or near:  # (yy.mm.dd stands; the year last only where the record's dates bear it out)
        last = [r for r in last if any(abs((r - n).days) <= NEAR_DAYS for n in near)]
    readings = ([first] if first is not None else []) + last
    if not last:
        return None  # the year first alone, or no date at all: date_hint's words
    if len(readings) == 1:
        return (f" 연도는 네 자리로, 연도-월-일 순서로 적으세요: {readings[0]}",
                f" write the year with four digits, first: {readings[0]}")
    listed = ", ".join(str(r) for r in readings[:-1])
    years = sorted({n.year for n in near if any(abs((r - n).days) <= NEAR_DAYS for r in last)})
    said = f"(이 기록의 다른 날짜는 {', '.join(f'{y}년' for y in years)})" if years and first is not None else ""
    return (f" 연도는 네 자리로 적습니다. 이 값만으로는 어느 숫자가 연도인지 알 수 없으니{said}, {listed}과(와)"
            f" {readings[-1]} 중 맞는 날짜를 적으세요.",
            f" write the year with four digits: {listed} or {readings[-1]}, whichever is meant (this value does"
            " not tell which number is the year).")


_JAMO = re.compile("[\u3131-\u318e\u1100-\u11ff]")  # a jamo alone (a compatibility jamo, or as NFKC makes one)
# the day of the week before a date: (월) 2026-04-08, [화] 2026-04-08, 수요일 2026-04-08
_WEEKDAY_FIRST = re.compile(r"\s*(?:[(\[]\s*[월화수목금토일](?:요일)?\s*[)\]]|[월화수목금토일]요일)\s*")
EXCEL_DAYS = (36526, 55153)  # Excel's numbers for 2000-01-01 and 2050-12-31: a date a record may hold


def excel_date(value: object) -> str | None:
    """The date (YYYY-MM-DD) Excel's number `value` stands for (46162 -> 2026-05-20: Excel's 1900
    system, a cell's date pasted as its number), when it is one of EXCEL_DAYS; else None."""
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    if not text.isascii() or not text.isdigit() or not EXCEL_DAYS[0] <= int(text) <= EXCEL_DAYS[1]:
        return None
    return (dt.date(1899, 12, 30) + dt.timedelta(days=int(text))).isoformat()  # (Excel counts 1900-02-29: from 12-30)


def _calendar_day(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


# (a date's digits with a letter drawn alike in their place: O, o for 0; l, I for 1)
_LETTER_DIGITS = re.compile(r"(?<=[0-9])[OolI]|[OolI](?=[0-9])")
_AS_DIGITS = str.maketrans("OolI", "0011")
_DATE_RANGE = re.compile(r"^\s*([0-9]{4}\s*[-./년]\s*[0-9]{1,2}\s*[-./월]\s*[0-9]{1,2}\s*일?)\s*[~∼〜～–—]\s*\S.*$")
_RELATIVE_DAY = re.compile(r"작년|올해|재작년|지난\s*(?:주|달|해)|이번\s*(?:주|달)|어제|그제|그저께|오늘|내일|모레|며칠\s*전|last|yesterday|today")

_DAY_WORDS = {"오늘": 0, "어제": -1, "내일": 1, "today": 0, "yesterday": -1, "tomorrow": 1}
_SHORT_DAY = re.compile(r"\s*([0-9]{1,2})\s*(?:[-/.]|월\s*)\s*([0-9]{1,2})\s*(?:일|\.)?\s*")


def option_date_hint(value: str, option: str, today: dt.date) -> str:
    """What a date option (`--today`, `--date`) given something other than YYYY-MM-DD should say:
    the date to type after `option`, never a record field's advice (an option has no field to leave
    out, nor a month's last day to be due by). '내일' -> the date it means; '12-01' -> this year's;
    '예' -> `--today` with today's date; '2026-11' -> a day of that month (today, in this month; else
    its first day); '2026-12-05 14:30' -> the date alone. Else date_hint's fix, or today as the example."""
    text = unicodedata.normalize("NFKC", value).strip()
    if len(text) > MAX_DATE_TEXT:  # (no date mistyped; _WITH_TIME took minutes on 4,000 spaces in the middle)
        return f" 날짜로 적으세요. 예: {option} {today}"
    if text.lower() in _DAY_WORDS:  # 오늘, 어제, 내일: the day it means, as a date
        return f" 날짜로 적으세요: {option} {today + dt.timedelta(days=_DAY_WORDS[text.lower()])}"
    short = _SHORT_DAY.fullmatch(text)
    if short is not None:  # 12-01, 12/1, 12월 1일: this year's, as the day is typed on the command line
        try:
            meant = dt.date(today.year, int(short.group(1)), int(short.group(2)))
        except ValueError:
            pass
        else:
            return f" {meant}처럼 연도 네 자리를 넣어 적으세요."
    if text.lower() in _DONE_WORDS:  # 예, 완료, yes: a date is asked
        return f" 날짜로 적으세요: {option} {today}"
    month_only = _YEAR_MONTH.match(text)
    if month_only is not None:  # 2026-11, 2026년 11월: a day of that month
        y, mo = int(month_only.group(1)), int(month_only.group(2))
        if y == 0:
            return f" 0000년은 없습니다. 날짜로 적으세요: {option} {today}"
        if not 1 <= mo <= 12:
            return f" {mo}월은 없습니다. 날짜로 적으세요: {option} {today}"
        day = today if (y, mo) == (today.year, today.month) else dt.date(y, mo, 1)
        return f" 달이 아니라 날짜를 적으세요: {option} {day}"
    part = _MONTH_PART.match(text)
    if part is not None and 1 <= (mo := int(part.group(1))) <= 12:  # 6월 말: this year's, its real last day
        last = calendar.monthrange(today.year, mo)[1]
        near = {"초": 10, "초순": 10, "중": 20, "중순": 20}.get(part.group(2), last)
        return f" 날짜로 적으세요: {option} {dt.date(today.year, mo, near)}"
    timed = _WITH_TIME.match(text)
    if timed is not None:  # 2026-12-05 14:30: the date alone
        try:
            return f" 날짜만 적으세요: {option} {dt.date.fromisoformat(timed.group(1).strip())}"
        except ValueError:
            return option_date_hint(timed.group(1).strip(), option, today)
    digits = re.fullmatch(r"([0-9]{4})([0-9]{2})([0-9]{2})", text)
    if digits is not None:  # 20261205: the date with its hyphens
        try:
            return f" 붙임표(-)를 넣어 적으세요: {option} {dt.date(*map(int, digits.groups()))}"
        except ValueError:
            pass
    return attach_particles(date_hint(text)[0]) or f" 날짜로 적으세요. 예: {option} {today}"


# --- YAML syntax --------------------------------------------------------------------------------

def _value_part(line: str) -> str:
    """The value of a `key: value` or `- value` line (the text after the first ': ')."""
    body = line.strip()
    if body.startswith("- "):
        body = body[2:]
    m = re.match(r"^[^'\"#:\s][^:#]*:\s+(.*)$", body)
    return m.group(1) if m else body


def _text_after_closing(value: str) -> tuple[str, str] | None:
    """(the opening character, the whole value quoted as YAML reads it) when `value` starts with a
    quote, "[" or "{" that closes before more text (not a comment); else None."""
    if not value or value[0] not in "\"'[{":
        return None
    opener = value[0]
    closer = {"[": "]", "{": "}"}.get(opener, opener)
    if opener in "\"'" and value.endswith(opener) and len(value) > 1:
        return None  # "식품 "꾸러미" 지원": a quote inside quotes (said as such by yaml_hint)
    end = value.find(closer, 1)
    while opener == "'" and end > 0 and value[end + 1 : end + 2] == "'":  # '' is a quote inside '…'
        end = value.find(closer, end + 2)
    rest = value[end + 1 :] if end > 0 else ""
    if end < 0 or not rest.strip() or rest.lstrip().startswith("#") or rest.lstrip()[:1] in ",]}":
        return None
    if "'" not in value:
        return opener, f"'{value}'"
    return opener, '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_HEADING = re.compile(r"#{1,6}[ \t]+[^\s:][^:]*$")  # (no colon: not a commented-out field)
_FIELD_LINE = re.compile(r"[ \t]*(?:-(?:[ \t]|$)|[^\s:#][^:]*:(?:[ \t]|$))|[ \t]+\S|[ \t]*$|[ \t]*#")


def body_start(lines: list[str], upto: int | None = None) -> int | None:
    """The 1-based line where a Markdown body seems to begin among a file's lines (front matter
    whose closing '---' is missing): a heading (`# 접수`) or a line of prose that is no YAML, at
    the left edge, after the first line; None when none does."""
    for n, line in enumerate(lines[1:upto], 2):
        if _HEADING.match(line) or not _FIELD_LINE.match(line):
            return n
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_DASH_GLUED = re.compile(r"^([ \t]*)-(?=[^\s\-])")  # `-goal: G2` (never `---`)
_INDICATORS = frozenset("@`%*&!|>-")  # a plain value may not start with these (YAML's indicators)
_PLAIN_VALUE = re.compile(r"^[ \t]*(?:-[ \t]+)?[^\s:#'\"][^:#]*:[ \t]+[^\s'\"\[{|>&*!#]")


def _previous(lines: list[str], n: int) -> str:
    """The nearest line above line `n` (1-based) that holds more than a comment."""
    return next((lines[i - 1] for i in range(n - 1, 0, -1)
                 if lines[i - 1].strip() and not lines[i - 1].lstrip().startswith("#")), "")


def _key_column(line: str) -> int:
    """Where the keys of the item a line opens start: `  - goal: G1` -> 4."""
    m = re.match(r"^([ \t]*-[ \t]+)+", line)
    return len(m.group(0)) if m else _indent(line)


_BLOCK_TEXT = re.compile(r"^[ \t]*(?:-[ \t]+)*[^\s:#'\"][^:#]*:[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?$")  # `key: |`


def _layout(lines: list[str]) -> dict[int, int]:
    """Line (1-based) -> indentation of the lines that hold a key or a list item: not blank, not a
    comment, not a line of a text block (`note: |`), not one a tab indents (`yaml-tab` says that)."""
    out: dict[int, int] = {}
    block: int | None = None
    for n, text in enumerate(lines, 1):
        if not text.strip() or text.lstrip(" ").startswith("#"):
            continue
        indent = _indent(text)
        if block is not None and indent > block:
            continue
        block = indent if _BLOCK_TEXT.match(text) else None
        if text[indent:indent + 1] != "\t":
            out[n] = indent
    return out


def odd_indent(lines: list[str], near: list[int]) -> tuple[int, int, int] | None:
    """A key or list item indented one or two spaces off its siblings (the other keys of its mapping,
    the other items of its list), among the lines `near` (1-based, in order of likelihood): (its
    line, its indentation, its siblings'); None when the lines around show no such one. The
    siblings are the shallowest entries of its kind under the nearest line above that opens their
    block (`client:`, or the `- ` that starts a list item and its first key); their indentation is
    the one most of them have (on a tie, the opener's: two spaces in, or the item's first key)."""
    layout = _layout(lines)
    for n in near:
        if n not in layout:
            continue
        above = [m for m in layout if m < n]
        if not above:
            continue
        before = above[-1]
        dash = _is_dash(lines[n - 1])
        # (the line above is a sibling, or the key that opens the block: `client:` over `   alias:`)
        level = layout[n] if _OPENS.match(lines[before - 1]) else min(layout[n], layout[before])
        # the line that opens the block: the nearest above whose own keys start left of this level,
        # or, for a key, the list item whose keys start there
        opener = next((m for m in reversed(above) if _key_column(lines[m - 1]) < level
                       or (not dash and _is_dash(lines[m - 1]) and _key_column(lines[m - 1]) <= level)), None)
        if opener is None:
            continue
        indents = {m: layout[m] for m in layout if m > opener}
        top = layout[opener]
        block = []
        for m in sorted(indents):
            if indents[m] <= top:
                break
            block.append(m)
        if _is_dash(lines[opener - 1]) and not dash:  # the item's first key, on its `- ` line
            indents[opener] = _key_column(lines[opener - 1])
            block.insert(0, opener)
        kin = [m for m in block if m == opener or _is_dash(lines[m - 1]) == dash]
        if n not in kin:
            continue
        least = min(indents[m] for m in kin)
        entries: list[int] = []
        nest: int | None = None  # the indentation of an entry that opened a block of its own (`address:`)
        for m in kin:
            if nest is not None and indents[m] > nest and m != n:
                continue  # (inside that block: not a sibling)
            nest = indents[m] if m != opener and _OPENS.match(lines[m - 1]) else None
            if indents[m] <= least + 2:
                entries.append(m)
        counts: dict[int, int] = {}
        for m in entries:
            counts[indents[m]] = counts.get(indents[m], 0) + 1
        if len(counts) == 1 and dash and entries == [n]:  # a list of one item: its keys below tell
            column: set[int] = set()
            for m in sorted(layout):
                if m <= n:
                    continue
                if layout[m] <= layout[n] or _is_dash(lines[m - 1]):
                    break
                column.add(layout[m])
            if len(column) == 1 and (k := column.pop()) != _key_column(lines[n - 1]) and k - 2 == layout[opener] + 2:
                return n, layout[n], k - 2
        if len(counts) < 2 or n not in entries:
            continue
        best = max(counts.values())
        tied = [i for i, c in counts.items() if c == best]
        # a tie (two keys, one of them off): the column the block's opener sets, keys two spaces in
        expected = indents[opener] if opener in indents else layout[opener] + 2
        if len(tied) > 1 and expected not in tied:
            continue
        usual = tied[0] if len(tied) == 1 else expected
        if indents[n] != usual and abs(indents[n] - usual) <= 2:
            return n, indents[n], usual
    return None


def moved_left(lines: list[str], line: int) -> tuple[int, int, int, str] | None:
    """A key or list item moved left onto the level of the line that opens its block, between two
    of its siblings or as its first (`client:`, `  name: …`, `birth_year: …`, `  gender: …`): YAML reads it as the
    block's end and stops on the next line, which is where it is right. (its line, its indentation,
    its siblings', the opener's key) when line `line` (1-based, where the parser stopped) and the
    entry above the moved one stand at the same column under an opener at the moved one's;
    None otherwise."""
    layout = _layout(lines)
    if line not in layout:
        return None
    above = [m for m in layout if m < line]
    if len(above) < 3:
        return None
    moved, sibling = above[-1], above[-2]
    column, indent = layout[line], layout[moved]
    dash = _is_dash(lines[line - 1])
    if (indent >= column or _OPENS.match(lines[moved - 1]) or _BLOCK_TEXT.match(lines[moved - 1])
            or _is_dash(lines[moved - 1]) != dash):
        return None
    if layout[sibling] == indent and _OPENS.match(lines[sibling - 1]) and not _is_dash(lines[sibling - 1]):
        opener = sibling  # (the block's first entry moved: the opener just above it)
    elif layout[sibling] == column and _is_dash(lines[sibling - 1]) == dash:
        opener = next((m for m in reversed(above[:-2]) if layout[m] < column), 0)
    else:
        return None
    if not opener or layout[opener] != indent or not _OPENS.match(lines[opener - 1]):
        return None
    key = lines[opener - 1].split(":", 1)[0].strip().lstrip("- ").strip()
    return moved, indent, column, key


def item_moved_left(lines: list[str], line: int) -> tuple[int, int, int, str, str] | None:
    """A list item (`- date: …`) moved left onto the level of the key that opens its list
    (`consents:`), while the list's other items stand further in. YAML stops on the item itself, or,
    when it was the list's first, on the key under it (which then looks indented too far). (the
    item's line, its indentation, the other items', the list's key, and how: "item" (the `- ` line
    alone moved), "whole" (its keys below moved left with it), "alone" (the list's only item, its
    keys below telling where it belongs)) when line `line` (1-based, where the parser stopped) or
    the one above it is such an item; None otherwise."""
    layout = _layout(lines)
    for n in (line, line - 1):
        if n not in layout or not _is_dash(lines[n - 1]):
            continue
        indent = layout[n]
        opener = next((m for m in sorted(layout, reverse=True) if m < n and layout[m] <= indent), None)
        if (opener is None or layout[opener] != indent or _is_dash(lines[opener - 1])
                or not _OPENS.match(lines[opener - 1])):
            continue
        own: list[int] = []  # the lines of the moved item below it (its keys, moved with it or not)
        for m in sorted(layout):
            if m <= n:
                continue
            if layout[m] <= indent or (_is_dash(lines[m - 1]) and layout[m] <= _key_column(lines[n - 1])):
                break
            own.append(m)
        block: list[int] = []  # the list's other items and their lines
        for m in sorted(layout):
            if m <= opener or m == n or m in own:
                continue
            if layout[m] <= indent:
                break
            block.append(m)
        key = lines[opener - 1].split(":", 1)[0].strip()
        if not block:  # the list's only item: its keys below, two spaces past where it belongs, tell
            keys = {layout[m] for m in own}
            if len(keys) == 1 and 0 < (k := keys.pop()) - 2 - indent <= 2:
                return n, indent, k - 2, key, "alone"
            continue
        top = min(layout[m] for m in block)
        kin = [m for m in block if layout[m] == top]
        if top - indent > 2 or not all(_is_dash(lines[m - 1]) for m in kin):
            continue
        whole = bool(own) and max(layout[m] for m in own) < _key_column(lines[kin[0] - 1])
        return n, indent, top, key, "whole" if whole else "item"
    return None


def _is_dash(line: str) -> bool:
    return line.lstrip(" ").startswith("- ") or line.strip() == "-"


def indent_advice(lines: list[str], n: int, indent: int, usual: int) -> tuple[str, str]:
    """What `odd_indent` found, said: Korean, English."""
    if _is_dash(lines[n - 1]):
        return (f"이 목록 항목은 {indent}칸 들여 썼습니다. 같은 목록의 다른 항목들처럼 {usual}칸으로 맞추세요.",
                f"this list item is indented {indent} spaces; indent it {usual}, as the other items of its list")
    return (f"이 줄은 {indent}칸 들여 썼습니다. 같은 묶음의 다른 항목들처럼 {usual}칸으로 맞추세요.",
            f"this line is indented {indent} spaces; indent it {usual}, as the other keys beside it")


_OPENS = re.compile(r"^[ \t]*(?:-[ \t]+)?[^\s:#'\"][^:#]*:[ \t]*(?:#.*)?$")  # `client:`: a block follows


def tab_advice(lines: list[str], n: int) -> int | None:
    """How many spaces the line `n` (1-based) that a tab indents is meant to have: its siblings'
    indentation, or the first entry's under the block the line above opens; None if not told."""
    layout = _layout(lines)
    above = [m for m in layout if m < n]
    below = [m for m in layout if m > n]
    if not above:
        return None
    prev = above[-1]
    if _OPENS.match(lines[prev - 1]):
        if _is_dash(lines[n - 1].lstrip("\t ")):  # the list's first item: where its other items start, not its own keys
            level = layout[prev]
            block = list(itertools.takewhile(lambda m: layout[m] > level or (layout[m] == level and _is_dash(lines[m - 1])), below))
            keys = next((layout[m] for m in block if not _is_dash(lines[m - 1])), None)  # its own keys, under its dash
            items = [layout[m] for m in block if _is_dash(lines[m - 1]) and (keys is None or layout[m] < keys)]
            if items:
                return min(items)
            return keys - 2 if keys is not None and keys - 2 >= level else _key_column(lines[prev - 1]) + 2
        return layout[below[0]] if below and layout[below[0]] > layout[prev] else _key_column(lines[prev - 1]) + 2
    if not _is_dash(lines[n - 1].lstrip("\t ")):
        return _key_column(lines[prev - 1])  # a key: where the keys of the line above start
    # a list item: where the list's items above it start
    return next((layout[m] for m in reversed(above) if _is_dash(lines[m - 1]) and layout[m] <= layout[prev]), None)


# characters no one sees that break a line of YAML: what it reads as a line break, a byte-order mark
# in the middle of a file (two files joined, a text pasted from another program), and the invisible
# ones where YAML needs a space (an indentation, after a list's dash or a key's colon)
_UNSEEN_BREAKS = {
    "\u2028": ("줄 구분 문자(U+2028)", "a line separator (U+2028)"),
    "\u2029": ("문단 구분 문자(U+2029)", "a paragraph separator (U+2029)"),
    "\x85": ("다음 줄 문자(NEL, U+0085)", "a next-line character (NEL, U+0085)"),
}
_BOM_NAME = ("바이트 순서 표시(BOM, U+FEFF)", "a byte-order mark (BOM, U+FEFF)")
_KEY_PREFIX = re.compile(r"[ \t]*(?:-[ \t]+)*([^\s:#'\"-][^:#]*):[ \t]+|[ \t]*(?:-[ \t]+)+")  # `key: `, `- key: `, `- `
_UNSEEN_RE = re.compile(f"[{IGNORABLE_RE.pattern[1:-1]}{''.join(_UNSEEN_BREAKS)}]")
# a line's indentation and list dashes, with what no one sees among them
_LAYOUT = re.compile(f"[ \t{IGNORABLE_RE.pattern[1:-1]}]*(?:-[ \t{IGNORABLE_RE.pattern[1:-1]}]*)*")


def unseen_character(lines: list[str], near: list[int]) -> tuple[int, int, str, str] | None:
    """(line, column, Korean, English) for a character no one sees that breaks a line of `lines`
    (1-based `near`, the first that holds one): U+2028, U+2029 or NEL, which YAML reads as a line
    break; a byte-order mark U+FEFF not at the file's start; an invisible character (U+200B …) in
    the indentation, after a list's dash or right after a key's colon. Named, placed between the
    characters around it, with how to take it out; None when no line holds one."""
    for n in dict.fromkeys(near):
        if not 1 <= n <= len(lines):
            continue
        line = lines[n - 1]
        layout = _LAYOUT.match(line).end()  # type: ignore[union-attr] # (matches the empty text at least)
        prefix = _KEY_PREFIX.match(line)
        quoted = prefix is not None and line[prefix.end() : prefix.end() + 1] in ("'", '"')  # (a break there is folded)
        at = next((i for i, ch in enumerate(line) if (ch in _UNSEEN_BREAKS and not quoted) or ch == "\ufeff"), None)
        if at is None:
            at = next((i for i, ch in enumerate(line) if IGNORABLE_RE.fullmatch(ch)
                       and (i < layout or line[i - 1 : i] == ":")), None)
        if at is not None:
            return (n, at + 1, *_unseen_advice(line, at, layout))
    return None


def _words_at(text: str, end: int, most: int = 12) -> str:
    """The words at the end (`end` -1) or the start (1) of `text`, at most `most` characters and
    whole words when it is longer (a word that alone is longer: cut)."""
    text = text.strip()
    if len(text) <= most:
        return text
    part = text[-most:] if end < 0 else text[:most]
    if (text[-most - 1] if end < 0 else text[most]) == " ":
        return part.strip()  # (cut between two words)
    cut = part.split(" ")
    whole = cut[1:] if end < 0 else cut[:-1]
    return " ".join(whole).strip() or part


def _unseen_advice(line: str, at: int, layout: int) -> tuple[str, str]:
    ch = line[at]
    name, name_en = _UNSEEN_BREAKS.get(ch) or (_BOM_NAME if ch == "\ufeff" else (
        f"문자(U+{ord(ch):04X})", f"an invisible character (U+{ord(ch):04X})"))
    if ch in _UNSEEN_BREAKS:
        why, why_en = "YAML은 이 문자를 줄바꿈으로 읽어 여기서 줄이 끊깁니다.", "YAML reads it as a line break"
    elif ch == "\ufeff":
        why, why_en = ("파일을 이어 붙이거나 다른 프로그램에서 복사할 때 섞이는 문자로, YAML은 파일 중간의 이 문자를 "
                       "읽지 못합니다.", "YAML cannot read one inside a file")
    else:
        why, why_en = ("메신저나 웹에서 복사할 때 섞이는 문자로, YAML은 이 문자를 빈칸으로 읽지 않습니다.",
                       "YAML does not read it as a space")
    seen = _UNSEEN_RE.sub("", line)  # (the line as it looks)
    before, after = _UNSEEN_RE.sub("", line[:at]), _UNSEEN_RE.sub("", line[at + 1 :])
    prefix = _KEY_PREFIX.match(before)
    if prefix is not None and prefix.end() < len(before):  # in a value: what is said of it is the value's
        before = before[prefix.end():]
        if (prefix.group(1) or "").strip() in SENSITIVE_KEYS:  # (an address's characters: their shape only)
            seen = seen[: prefix.end()] + masked(seen[prefix.end():])
            before, after = masked(before), masked(after)
    if not before.strip(" \t-"):  # at the line's start, or after its dash: the line typed again
        where = ("이 줄 맨 앞", "at the start of the line") if not before.strip() else \
            (f"이 줄의 '{before.strip()}' 뒤", f"after '{before.strip()}'")
        # (as it is meant: what no one sees in its dashes a space where none is beside it)
        head = _UNSEEN_RE.sub(lambda m: "" if m.string[m.start() - 1 : m.start()] in ("", " ", "\t")
                              or m.string[m.end() : m.end() + 1] in (" ", "\t") else " ", line[:layout])
        fixed = (head.lstrip(" \t") + seen[len(_UNSEEN_RE.sub("", line[:layout])):]).strip()
        indent = len(head) - len(head.lstrip(" \t"))
        deep = (f"(스페이스 {indent}칸 들여)", f" ({indent} spaces in)") if indent else ("", "")
        fix = (f"이 줄을 지우고 다시 치세요{deep[0]}: {fixed}", f"delete the line and type it again{deep[1]}: {fixed}")
    elif at < layout or line[at - 1 : at] == ":":  # `worker:\u200bkim.sw`: where YAML needs a space
        where = (f"이 줄의 '{before.strip()[-12:]}' 뒤", f"after '{before.strip()[-12:]}'")
        fixed = f"{before.strip()} {after.strip()}"
        fix = (f"그 문자를 지우고 스페이스를 넣어 다시 치세요: {fixed}", f"delete it and type a space: {fixed}")
    else:  # inside a value: the letters around it typed again take it away
        shown_before, shown_after = _words_at(before, -1), _words_at(after, 1)
        where = (f"이 줄의 '{shown_before}'과(와) '{shown_after}' 사이", f"between '{shown_before}' and '{shown_after}'")
        around = before.rstrip()[-1:] + after.lstrip()[:1]
        fix = (f"그 앞뒤 글자 '{around}'을(를) 지우고 다시 치세요(그 사이의 문자도 함께 지워집니다).",
               f"delete the letters around it, '{around}', and type them again")
    return (attach_particles(f"{where[0]}에 보이지 않는 {name}이(가) 있습니다. {why} {fix[0]}"),
            f"{name_en} {where[1]}: {why_en}; {fix[1]}")


_KEY_WITH_VALUE = re.compile(r"^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w.-]*):[ \t]+([^#\s'\"|>&*!\[{][^#]*?)[ \t]*(?:#.*)?$")


# an entry of keys numbered as a list's item is (`1. goal: 주거 안정`, `2) id: G2`, `③ need: N3`), or a
# number alone on its line with the entry's keys under it (`1.`)
_NUMBERED_KEY = re.compile(r"^([ \t]*)([0-9]{1,2}[.)]|[\u2460-\u2473])[ \t]*(?:([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*))?)?$")
_KEY_LINE = re.compile(r"^[ \t]*([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*))?$")


def numbered_entry(lines: list[str], line: int, *, flat: bool = False) -> tuple[int, int, str, str] | None:
    """yaml_hint's answer when the error at `line` is inside a list of entries numbered instead of
    dashed (`goals:` then `  1. goal: 주거 안정` / `     target_date: 2026-08-01`): YAML reads `1. goal`
    as a key and stops at the next key, and the advice on lining up the indentation made it worse.
    Said at the first numbered line: a '- ' for each number, the keys under it lined up with the
    first one, with the entry as it is to be written. None when the error is not in such a list.
    `flat`: the entries' other keys may stand at the numbers' own column (`  1. goal: 주거 안정` /
    `  id: G1`), which YAML reads as one mapping (its keys repeated from the second number on)."""
    def at(n: int) -> str:
        return lines[n - 1] if 1 <= n <= len(lines) else ""

    def item(n: int) -> re.Match[str] | None:  # a numbered line opening an entry: its key on it, or under it
        m = _NUMBERED_KEY.match(at(n))
        if m is None or m.group(3) or (_KEY_LINE.match(at(n + 1)) and _indent(at(n + 1)) > len(m.group(1))):
            return m
        return None

    def outside(text: str, indent: int) -> bool:  # a line that ends the list: at its column or left (a key there, flat)
        return _indent(text) <= indent and not (flat and _indent(text) == indent and _KEY_LINE.match(text))

    start, indent = 0, -1
    for n in range(line, max(line - 60, 0), -1):  # (up to the list's first numbered line)
        text = at(n)
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        m = item(n)
        if m is not None and indent in (-1, len(m.group(1))):
            start, indent = n, len(m.group(1))
        elif (outside(text, indent) if indent >= 0 else _indent(text) == 0 if flat else _indent(text) <= 0):
            break  # the key that owns the list, or (no number found yet) a top-level key
    if not start:
        return None
    for n in range(start, line + 1):  # every line down to the error's is an entry or a key inside one
        text = at(n)
        if text.strip() and not text.lstrip().startswith("#") and item(n) is None and outside(text, indent):
            return None
    first = item(start)
    marks: list[str] = []  # (the list's numbers, as far as it goes on)
    for n in range(start, min(start + 60, len(lines) + 1)):
        text, m = at(n), item(n)
        if m is not None and len(m.group(1)) == indent:
            marks.append(m.group(2))
        elif text.strip() and not text.lstrip().startswith("#") and outside(text, indent):
            break
    # the first entry as it is to be written: its keys (up to three) with their values
    pairs: list[tuple[str, str]] = []
    if first is not None and first.group(3):
        pairs.append((first.group(3), (first.group(4) or "").strip()))
    for n in range(start + 1, min(start + 8, len(lines) + 1)):
        text = at(n)
        if len(pairs) >= 3 or item(n) is not None or (text.strip() and outside(text, indent)):
            break
        key = _KEY_LINE.match(text)
        if key is not None:
            pairs.append((key.group(1), (key.group(2) or "").strip()))

    def shown(key: str, value: str) -> str:
        value = masked(value) if key in SENSITIVE_KEYS else value
        value = value if len(value) <= 30 else value[:29] + "…"
        return f"{key}: {value}" if value else f"{key}:"

    pad = " " * indent
    example = " / ".join(f"'{pad}{'- ' if i == 0 else '  '}{shown(k, v)}'" for i, (k, v) in enumerate(pairs))
    said = " ".join(dict.fromkeys(marks[:3]))
    return (start, indent + 1,
            f"목록의 항목은 번호({said}) 대신 '- '로 시작합니다. 항목마다 번호를 '- '로 바꾸고, 그 아래 키들은 '- ' 뒤의 "
            f"첫 키와 같은 칸에 맞춰 쓰세요. 예: {example}",
            f"a list's entries start with '- ', not a number ({said}): put '- ' for each number and line the keys "
            f"below it up with the first key after it: {example}")


def yaml_hint(problem: str, lines: list[str], line: int, context_line: int | None,
              front: bool = True) -> tuple[int, int | None, str, str]:
    """Explain a YAML syntax error in plain words: (line to point at, its column or None when the
    parser's own column stands, Korean, English).
    `lines` are the front matter's lines, `line`/`context_line` 1-based within them; `front`: False
    for a file of YAML alone (casekit.yml), where a `#` line is a comment, never a body's heading."""
    def at(n: int) -> str:
        return lines[n - 1] if 1 <= n <= len(lines) else ""

    text = at(line)
    p = problem.lower()
    prev_line = next((n for n in range(line - 1, 0, -1) if at(n).strip()), 0)
    unseen = unseen_character(lines, [n for n in (line, context_line, prev_line) if n])
    if unseen is not None:  # (a line break no one sees, a mark in the middle of the file: named, not guessed past)
        return unseen
    # the closing '---' left out, and a '---' rule further down the body taken for it: the body's
    # heading is a YAML comment, its first sentence the error
    body = body_start(["---", *lines], line + 1) if front else None
    if body is not None and _HEADING.match(at(body - 1)):
        return (body - 1, 1, "머리말을 닫는 '---' 줄이 빠진 것 같습니다: 본문이 시작하는 이 줄 앞에 '---' 한 줄을 넣으세요.",
                "the front matter's closing '---' seems missing: add a '---' line before this one, where the body begins")
    # a list item without the space after its dash (`-goal: G2`): YAML reads a key "-goal"
    for n in dict.fromkeys(x for x in (line, line - 1, context_line) if x):
        dash = _DASH_GLUED.match(at(n))
        if dash is not None:
            fixed = f"{dash.group(1)}- {at(n)[dash.end():].strip()}".strip()
            return (n, len(dash.group(1)) + 2, f"목록 표시(-) 뒤에 공백이 있어야 합니다. 예: {fixed}",
                    f"a list dash must be followed by a space: {fixed}")
    # an opening quote never closed: the scanner runs on and stops lines later
    first = context_line if context_line and context_line <= line else line
    for n in range(first, line + 1):
        value = _value_part(at(n)).strip()
        if value and value[0] in "\"'" and value.count(value[0]) == 1:
            q = value[0]
            other = "'" if q == '"' else '"'
            if len(value) > 1 and value[-1] == other:  # '…" : opened with one quote, closed with the other
                return (n, at(n).find(q) + 1, f"이 줄의 값이 {q}로 시작하는데 {other}로 끝납니다. 값 끝의 {other}를 {q}로 "
                        f"바꿔 같은 따옴표로 맞추세요.", f"the value opens with {q} and ends with {other}: "
                        f"make its last {other} a {q}")
            return (n, at(n).find(q) + 1, f"이 줄의 값이 {q}로 시작하는데 닫는 {q}가 없습니다. 값 끝에 {q}를 붙이세요.",
                    f"the value opens a quote ({q}) that is never closed; add {q} at its end")
    value = _value_part(text)
    spoken = _text_after_closing(value.strip())
    if spoken is not None:  # "같이 가자"고 해서 버텼다, [만족] 다시 혼자: a quote or a list ends, then text goes on
        opener, whole = spoken
        key = text.split(":", 1)[0].strip().lstrip("- ").strip() if ": " in text else ""
        shown = f"{key}: {whole}" if key else whole
        what = "따옴표" if opener in "\"'" else ("대괄호" if opener == "[" else "중괄호")
        return (line, at(line).find(opener) + 1,
                f"값이 {what}({opener})로 시작하면 YAML은 {what}가 끝나는 곳에서 값이 끝난다고 읽는데, 그 뒤에 글이 더 "
                f"있습니다. 값 전체를 따옴표로 감싸세요. 예: {shown}",
                f"a value that starts with {opener} ends where it closes, and text follows; quote the whole value: {shown}")
    start = value.strip()[:1]
    if start and start in _INDICATORS and (start != "-" or value.strip()[1:2] in (" ", "")):
        key = text.split(":", 1)[0].strip().lstrip("- ").strip() if ": " in text else ""
        quoted = '"' + value.strip().replace("\\", "\\\\").replace('"', '\\"') + '"'
        shown = f"{key}: {quoted}" if key else quoted
        return (line, at(line).find(start, len(at(line)) - len(at(line).lstrip()) + len(key)) + 1,
                f"값이 {start}(으)로 시작하면 YAML은 특수 기호로 읽습니다. 값 전체를 따옴표로 감싸세요. 예: {shown}",
                f"a value starting with {start} is read as YAML syntax; quote the whole value: {shown}")
    if value and value[0] in "\"'" and value.count(value[0]) > 2:
        q = value[0]
        other = "'" if q == '"' else '"'
        return (line, None, f"따옴표로 감싼 값 안에 {q}가 또 있습니다. 바깥을 {other}로 감싸거나, 안쪽 따옴표를 지우세요. "
                      f"예: {other}{value.strip()[1:-1] if value.strip().endswith(q) else value.strip()[1:]}{other}",
                f"a quoted value holds the same quote ({q}) again; wrap it in {other} instead or drop the inner quotes")
    if ("flow sequence" in p or "flow mapping" in p) and context_line:
        opener, closer = ("[", "]") if "sequence" in p else ("{", "}")
        src = at(context_line)
        col = src.find(opener) + 1 or None
        return (context_line, col, f"여기서 연 '{opener}'가 '{closer}'로 닫히지 않았습니다. 목록을 '{closer}'로 닫거나, "
                                   f"글로 쓴 값이라면 값 전체를 따옴표로 감싸세요.",
                f"the '{opener}' opened here is never closed with '{closer}'; close it, or quote the value if it is text")
    indentation = ("mapping values are not allowed" in p or "expected '-' indicator" in p
                   or "expected <block end>" in p or "did not find expected key" in p)
    numbered = numbered_entry(lines, line) if indentation else None
    if numbered is not None:  # `1. goal: 주거 안정` / `   target_date: …`: entries numbered, where YAML wants '- '
        return numbered
    if indentation:  # a key or an item one space off the others of its mapping or list: said at it
        prev_n = next((n for n in range(line - 1, 0, -1) if at(n).strip() and not at(n).lstrip().startswith("#")), 0)
        odd = odd_indent(lines, [n for n in (line, prev_n, context_line) if n])
        if odd is not None:
            n, indent, usual = odd
            ko, en = indent_advice(lines, n, indent, usual)
            return (n, indent + 1, ko, en)
        item = item_moved_left(lines, line)
        if item is not None:
            n, indent, usual, key, how = item
            if how == "alone":
                ko = (f"이 목록 항목은 {indent}칸 들여 썼습니다. '{key}:' 아래 목록이면 아랫줄의 키들에 맞춰 "
                      f"{usual}칸으로 맞추세요.")
                en = f"this list item is indented {indent} spaces; under '{key}:', indent it {usual}, as its keys below say"
            else:
                ko = (f"이 목록 항목은 {indent}칸 들여 썼습니다. '{key}:' 아래 목록의 다른 항목들처럼 {usual}칸으로 맞추세요."
                      + (f" 이 항목의 아랫줄들도 함께 {usual - indent}칸씩 더 들여 쓰세요." if how == "whole" else ""))
                en = (f"this list item is indented {indent} spaces; indent it {usual}, as the other items of the list "
                      f"under '{key}:'" + (f", and its lines below {usual - indent} more each" if how == "whole" else ""))
            return (n, indent + 1, ko, en)
        left = moved_left(lines, line)
        if left is not None:
            n, indent, usual, key = left
            first = _OPENS.match(lines[n - 2]) is not None and _indent(lines[n - 2]) == indent  # (its opener above it)
            beside = ("아랫줄처럼", "as the line below it does") if first else \
                ("윗줄과 아랫줄처럼", "as the lines above and below it do")
            return (n, indent + 1, f"이 줄은 {indent}칸 들여 썼습니다. {beside[0]} '{key}:' 아래 항목이면 "
                                   f"{usual}칸으로 맞추세요.",
                    f"this line is indented {indent} spaces; if it belongs under '{key}:', {beside[1]}, "
                    f"indent it {usual}")
    if "mapping values are not allowed" in p:
        prev_at = next((n for n in range(line - 1, 0, -1) if at(n).strip() and not at(n).lstrip().startswith("#")), 0)
        prev = at(prev_at)
        owner = _KEY_WITH_VALUE.match(prev)
        if owner is not None and text.lstrip().startswith("- ") and _indent(text) > _indent(prev):
            # `goals: 없음` with the list under it: the key holds a value and a list at once
            key, said = owner.group(2), owner.group(3).strip()
            shown = masked(said) if key in SENSITIVE_KEYS else said
            return (prev_at, owner.start(3) + 1,
                    f"'{key}:' 뒤에 값('{shown}')이 있는데 아래에 목록이 이어집니다. 목록을 쓰려면 '{key}:' 뒤의 값을 "
                    "지우고, 목록이 없다면 아래 항목들을 지우세요.",
                    f"'{key}:' has a value ('{shown}') and a list under it: remove the value to keep the list, or the list")
        if prev and _indent(text) > _indent(prev) and not prev.rstrip().endswith(":"):
            return (line, None, f"이 줄의 들여쓰기({_indent(text)}칸)가 윗줄({_indent(prev)}칸)과 맞지 않습니다. "
                          "같은 묶음의 항목은 같은 칸에서 시작하세요.",
                    f"this line is indented {_indent(text)} spaces, the line above {_indent(prev)}; align them")
        if ": " in value or value.endswith(":"):
            key = text.split(":", 1)[0].strip().lstrip("- ").strip()
            shown = masked(value.strip()) if key in SENSITIVE_KEYS else value.strip()  # (an address: its shape only)
            # (a value holding " in '…', its ' doubled: "…" around it would be broken YAML again)
            curly = len(shown) >= 2 and shown[0] in "“‘「『" and shown[-1] in "”’」』"
            if curly:  # (typed by a word processor's or a phone's keyboard: YAML reads them as letters)
                inner = shown[1:-1]
                quoted = "'" + inner.replace("'", "''") + "'" if '"' in inner else f'"{inner}"'
                return (line, None, f"값을 둥근 따옴표({shown[0]}{shown[-1]})로 감쌌는데, YAML은 곧은 따옴표만 따옴표로 읽어 "
                              f"값 안의 콜론(:)에서 막힙니다. 곧은 따옴표(\")로 바꾸세요. 예: {key}: {quoted}",
                        f"the value is in curly quotes, which YAML reads as letters, so the colon inside breaks it; "
                        f"use straight quotes: {key}: {quoted}")
            quoted = "'" + shown.replace("'", "''") + "'" if '"' in shown else f'"{shown}"'
            return (line, None, f"값 안에 콜론(:)이 있습니다. 값 전체를 따옴표로 감싸세요. 예: {key}: {quoted}",
                    f"the value contains a colon; put the whole value in quotes: {key}: {quoted}")
    if "could not find expected ':'" in p and context_line:
        src = at(context_line)
        if re.match(r"^\s*(- )?[A-Za-z_][\w.-]*:\S", src):
            key, rest = src.strip().lstrip("- ").split(":", 1)
            return (context_line, _indent(src) + 1, f"콜론(:) 뒤에 공백이 있어야 합니다. 예: {key}: {rest}",
                    f"a colon must be followed by a space: {key}: {rest}")
        assigned = re.match(r"^\s*(- )?([A-Za-z_][\w.-]*)[ \t]*=[ \t]*(\S.*)?$", src)
        if assigned and ":" not in src:  # `risk_level = medium`, `risk_level=medium`: written as in a program or a form
            key, rest = assigned.group(2), (assigned.group(3) or "").rstrip()
            return (context_line, src.index("=") + 1, f"키와 값 사이에 등호(=)가 아니라 콜론(:)과 공백을 쓰세요. 예: {key}: {rest}",
                    f"put a colon and a space between key and value, not '=': {key}: {rest}")
        above = _previous(lines, context_line)
        if ":" not in src and above and _PLAIN_VALUE.match(above) and _indent(src) <= _indent(above):
            # a long value wrapped onto the next line, not indented past its key
            return (context_line, _indent(src) + 1,
                    "윗줄의 값이 이 줄로 이어진 것 같습니다. 두 줄을 한 줄로 붙이거나, 이 줄을 윗줄의 키보다 더 들여 쓰세요"
                    f"({_indent(above) + 2}칸 이상).",
                    "the value of the line above seems to go on here: join the two lines, or indent this one "
                    "past the key above")
        return (context_line, _indent(src) + 1, "'키: 값' 모양이 아닌 줄입니다. 콜론(:)과 공백을 넣거나, 목록이면 앞에 '- '를 붙이세요.",
                "this line is not 'key: value'; add ': ' or, for a list item, start it with '- '")
    if "expected '-' indicator" in p or "expected <block end>" in p or "did not find expected key" in p:
        prev = next((at(n) for n in range(line - 1, 0, -1) if at(n).strip() and not at(n).lstrip().startswith("#")), "")
        if prev and _indent(text) != _indent(prev):
            keys = _key_column(prev)
            if keys != _indent(prev) and _indent(text) != keys:  # under `  - goal: G1` its keys start at 4
                return (line, None, f"들여쓰기가 맞지 않습니다: 이 줄은 {_indent(text)}칸인데 윗줄 항목의 키는 {keys}칸에서 "
                              f"시작합니다. 같은 항목의 키면 {keys}칸으로 맞추고, 목록의 새 항목이면 '- '로 시작하세요.",
                        f"indentation does not line up: this line {_indent(text)} spaces, the keys of the item above "
                        f"start at {keys}; align them, or start a new list item with '- '")
            return (line, None, f"들여쓰기가 맞지 않습니다(이 줄 {_indent(text)}칸, 윗줄 {_indent(prev)}칸). "
                          "같은 항목의 키는 같은 칸에서, 목록 항목은 '- '로 시작하세요.",
                    f"indentation does not line up (this line {_indent(text)}, above {_indent(prev)} spaces); "
                    "keys of one item start in the same column, list items with '- '")
    return (line, None, "", "")
