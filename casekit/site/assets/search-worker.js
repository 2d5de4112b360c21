/* casekit: Korean search worker for Material for MkDocs' search box (no lunr, no eval).
 *
 * Speaks Material's worker protocol: SETUP (0) -> READY (1), QUERY (2) -> RESULT (3).
 * SETUP carries search/search_index.json: a manifest written by casekit.site.search_index,
 * with the particle, ending and verb-ending tables of casekit.site.search_ko. A query is cut into
 * the same terms as the pages were (stem, Hangul bigrams, predicate key); only the shards holding
 * those terms and the doc shards of the results shown are fetched, from this site, so the first
 * result costs tens of kilobytes whatever the size of the casebook. The last word, while it is typed
 * (no space after it), is also the start of terms (`typing`: kim.s, 2026-000, 어먼) when the query
 * finds less than a screen as it is.
 *
 * Every match is returned (Material's count line is the true count, and it renders the list as it
 * is scrolled): the first screen as soon as its pages are known, the others standing in as
 * "…" until the next message, moments later, fills them in (with a sentence up to SNIPPET_RESULTS,
 * then title only, from the small head shards).
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const FIRST_SCREEN = 10;     /* Material renders ten results before the list is scrolled */
const SNIPPET_RESULTS = 50;  /* results shown with a sentence of the page; the others title only */
let manifest = null;
let seq = 0;
const shardCache = new Map();

function base() {
  return new URL("../../" + manifest.shard_dir + "/", self.location.href);
}

function fetchJSON(name) {
  if (!shardCache.has(name)) {
    const url = new URL(name, base());
    shardCache.set(name, fetch(url, { credentials: "same-origin" })
      .then(r => (r.ok ? r.json() : null))
      .catch(() => null));
  }
  return shardCache.get(name);
}

/* --- terms: the same rules as casekit/site/search_ko.py ------------------------------------ */
const HANGUL = /^[\uAC00-\uD7A3]+$/;
const TWO_SYLLABLES = /^[\uAC00-\uD7A3]{2}$/;
const WORD = /[\uAC00-\uD7A3]+|[0-9A-Za-z]+/g;
/* a hyphenated run of letters and digits (its group 2: 2026-0007, a file name's 01-intake) */
const JOINED = /(^|[^0-9A-Za-z-])([0-9A-Za-z]+(?:-[0-9A-Za-z]+)+)(?![0-9A-Za-z])/g;
const DATE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/;
/* a run joined by dots or underscores, no hyphen (its group 2: kim.sw, lee_hj, v1.2.3, 1.5), not
   part of a longer run (search_ko._DOTTED) */
const DOTTED = /(^|[^0-9A-Za-z._-])([0-9A-Za-z]+(?:[._][0-9A-Za-z]+)+)(?![0-9A-Za-z]|[-._][0-9A-Za-z])/g;
const JOINED_PARTS = 8;  /* search_ko.JOINED_PARTS */
/* a date, the character before it in m[1] (search_ko.DATE, group for group; no lookbehind, which
   Safari before 16.4 cannot parse): 2026-03-15 2026.3.15 2026/03 (year 2, separator 3, month 4,
   day 5), 2026. 3. 15. (month 6, day 7), 2026년 3월 15일 (month 8, day 9), 3월 15일 (month 10, day 11) */
const M_ = "(0?[1-9]|1[0-2])", D_ = "(0?[1-9]|[12][0-9]|3[01])", Y_ = "((?:19|20)[0-9]{2})";
const DATES = new RegExp("(^|[^0-9A-Za-z])(?:" + Y_ + "(?:([-./])" + M_ + "(?:\\3" + D_ + "(?![0-9])|(?![0-9]|[-./][0-9]))"
  + "|\\. " + M_ + "\\. " + D_ + "(?![0-9])"
  + "|년 ?" + M_ + "월(?: ?" + D_ + "일)?)"
  + "|" + M_ + "월(?: ?" + D_ + "일)?)", "g");
const DATE_RUN = new RegExp("^" + DATES.source + "$");  /* a whole run that is a date (search_ko.DATE.fullmatch) */
/* a month and day typed without a year, in a query (search_ko.MONTH_DAY: 03-04, 3/4, 3.4., 3. 4.;
   before it m[1], month m[2], day m[3] or m[4]) and the days of each month (search_ko._DAYS_IN) */
const MONTH_DAY = new RegExp("(^|[^0-9A-Za-z./-])" + M_ + "(?:[-/]" + D_ + "|\\. ?" + D_ + "\\.)(?![0-9A-Za-z]|[-./][0-9])", "g");
const DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/* a case called by its number, in a query (search_ko.NUMBERED: 13번; before it m[1], the number m[2]) */
const NUMBERED = /(^|[^0-9A-Za-z.-])([0-9]{1,4})번(?![\uAC00-\uD7A30-9])/g;
/* a day with a two-digit year, in a query (search_ko.SHORT_YEAR: 26.3.4, 26-03-04; year m[2],
   separator m[3], month m[4], day m[5]), read as 2026-03-04 when the index holds dates of 2026 */
const SHORT_YEAR = new RegExp("(^|[^0-9A-Za-z./-])([0-9]{2})([-./])" + M_ + "\\3" + D_ + "(?![0-9A-Za-z]|[-./][0-9])", "g");
const TAIL = /^[\uAC00-\uD7A3]+/;
/* a day, a week or a month named from today (search_ko.RELATIVE, relative_groups) */
const RELATIVE = /(^|[^\uAC00-\uD7A3])(오늘|어제|그저께|그제|내일|모레|(?:이번|지난|저번|다음) ?(?:달|주))/g;
const RELATIVE_DAYS = {"오늘": 0, "어제": -1, "그제": -2, "그저께": -2, "내일": 1, "모레": 2};
const RELATIVE_STEP = {"이번": 0, "지난": -1, "저번": -1, "다음": 1};

/* a number and its counter (search_ko.COUNT, QUERY_COUNT: 4인, 3개월째; in a query 4 인 too): the
   character before it m[1], the number m[2], the counter m[3], 째 m[4]; made from the manifest's counters */
let countPatterns = null;
function counts() {
  if (countPatterns === null || countPatterns.of !== manifest) {
    const alt = "(" + (manifest.counters || []).map(c => (c === "만원" ? "만 ?원" : c)).join("|") + ")";
    const number = "(^|[^0-9A-Za-z.,_-])([0-9]+(?:,[0-9]{3})*(?:\\.[0-9]+)?)";
    /* how often (search_ko.PERIOD_COUNT: 주 1회, 월 2회): the word before m[1], the period m[2], then
       the number m[3], the counter m[4], 째 m[5] */
    const period = "(^|[^\uAC00-\uD7A30-9A-Za-z.,_-])(" + (manifest.periods || []).join("|") + ") ?" + number.slice(number.indexOf(")") + 1);
    countPatterns = (manifest.counters || []).length
      ? { of: manifest, page: new RegExp(number + alt + "(째)?", "g"), query: new RegExp(number + " ?" + alt + "(째)?", "g"),
          periodPage: new RegExp(period + alt + "(째)?", "g"), periodQuery: new RegExp(period + " ?" + alt + "(째)?", "g") }
      : { of: manifest, page: null, query: null };
  }
  return countPatterns;
}
const DIGIT_HANGUL = /[0-9] ?[\uAC00-\uD7A3]/;

/* The term of a count match: the number without its commas, the counter without its space */
function countTerm(m) {
  return m[2].split(",").join("") + m[3].replace(" ", "") + (m[4] || "");
}

/* The count terms of a text (search_ko.count_terms): 4인, 3개월째 and 3개월; not a date's day or year */
function countTerms(text) {
  const out = [], page = counts().page;
  if (page === null || !DIGIT_HANGUL.test(text)) return out;
  let dates = null;
  for (const m of text.matchAll(page)) {
    const at = m.index + m[1].length;
    if ((m[3] === "일" || m[3] === "년") && (text.includes("월") || text.includes("년"))) {
      if (dates === null) dates = [...text.matchAll(DATES)].map(d => [d.index, d.index + d[0].length]);
      if (dates.some(([s, e]) => s <= at && at < e)) continue;
    }
    const term = countTerm(m);
    out.push(term);
    if (m[4]) out.push(term.slice(0, -1));
  }
  for (const m of text.matchAll(counts().periodPage)) out.push(periodCount(m));
  return out;
}

/* The term of a period count match: 주1회 (search_ko._period_count) */
function periodCount(m) {
  return m[2] + m[3].split(",").join("") + m[4].replace(" ", "");
}

function localToday() {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
}

/* The dates a word of RELATIVE means on `today` ([year, month, day]), each a group (a week: Monday to Sunday) */
function relativeGroups(word, today) {
  const base = Date.UTC(today[0], today[1] - 1, today[2]);
  const day = n => new Date(base + n * 86400000).toISOString().slice(0, 10);
  if (Object.prototype.hasOwnProperty.call(RELATIVE_DAYS, word)) return [[day(RELATIVE_DAYS[word])]];
  const step = RELATIVE_STEP[word.slice(0, 2)];
  if (word.endsWith("주")) {
    const monday = -((new Date(base).getUTCDay() + 6) % 7) + 7 * step;
    return [0, 1, 2, 3, 4, 5, 6].map(n => [day(monday + n)]);
  }
  const n = today[0] * 12 + today[1] - 1 + step;
  return [[`${Math.floor(n / 12)}-${String(n % 12 + 1).padStart(2, "0")}`]];
}

function cut(word, tails, keep, keepShort) {
  for (const tail of tails) {
    if (word.endsWith(tail)) {
      const rest = word.length - tail.length;
      if (rest >= (tail.length === 1 ? keepShort : keep)) return word.slice(0, rest);
    }
  }
  return word;
}

function withoutParticle(word) {
  return cut(word, manifest.particles, 1, 2);
}

function stem(word) {
  if (!HANGUL.test(word)) return word;
  const bare = withoutParticle(word);
  /* the light verb's stem alone only where 는 was cut (방문하는; 반지하, 반지하를: the noun; search_ko.stem) */
  if (bare.length >= 3 && (manifest.bare_endings || []).includes(bare[bare.length - 1]) && word === bare + "는") {
    return bare.slice(0, -1);
  }
  return cut(bare, manifest.endings, 2, 2);
}

/* The verb forms in 지도, 기도, 고도 before the auxiliary of the negation or of 모르다 (열지도 따라가지도
   않습니다) with their 도 dropped: no noun ending in 도 (search_ko.predicates, PREDICATE_DO); and the noun
   forms in 기 with 도, 는, 만, 까지 or 조차 before 하다 or 못하다 (울기도 했다, 먹기조차 못했다) with their
   particle made GI (PREDICATE_GI: the verb, 울다, `giKeys`) */
let predicatePattern = null;
function predicatePatterns() {
  if (predicatePattern === null || predicatePattern.of !== manifest) {
    predicatePattern = { of: manifest, re: manifest.predicate_do ? new RegExp(manifest.predicate_do, "g") : null,
                         gi: manifest.predicate_gi ? new RegExp(manifest.predicate_gi, "g") : null };
  }
  return predicatePattern;
}
const mayBePredicate = text => text.includes("도") || text.includes("기는") || text.includes("기만")
  || text.includes("기까지") || text.includes("기조차");
const giStem = m => m.slice(0, m.lastIndexOf("기") + 1);  /* 울기도, 울기까지 -> 울기 */
function predicates(text) {
  const { re, gi } = predicatePatterns();
  if (!mayBePredicate(text)) return text;
  const dropped = re === null ? text : text.replace(re, m => m.slice(0, -1));
  return gi === null ? dropped : dropped.replace(gi, m => giStem(m) + manifest.gi);
}
/* where the words of `text` that are such verb forms start */
function predicateStarts(text) {
  const { re, gi } = predicatePatterns();
  if (!mayBePredicate(text)) return new Set();
  return new Set([re, gi].filter(x => x !== null).flatMap(x => [...text.matchAll(x)].map(m => m.index)));
}
/* The key of the verb whose noun form in 기 is `verb` + 기 (울 -> 울다; none for the light verb's, 상담하기:
   search_ko._gi_key) */
function giKey(verb) {
  return !verb || (manifest.bare_endings || []).includes(verb[verb.length - 1]) ? null : lemma(verb + "다");
}
/* The keys of the verbs `predicates` marked in `text` (search_ko.gi_keys) */
function giKeys(text) {
  const out = [];
  for (let at = text.indexOf(manifest.gi); manifest.gi && at >= 0; at = text.indexOf(manifest.gi, at + 1)) {
    let start = at - 1;
    while (start > 0 && text[start - 1] >= "\uAC00" && text[start - 1] <= "\uD7A3") start--;
    const key = giKey(text.slice(start, at - 1));
    if (key !== null) out.push(key);
  }
  return out;
}
/* Each such noun form of `text` as written (울기도), with its verb's key */
function giWords(text) {
  const { gi } = predicatePatterns();
  return gi === null || !mayBePredicate(text) ? [] : [...text.normalize("NFKC").matchAll(gi)].map(m => [m[0], giKey(giStem(m[0]).slice(0, -1))]);
}

/* A particle written onto a run of letters or digits (ID나, kim이나: search_ko.RUN_PARTICLE) made a
   space: no word of its own */
let runPattern = null;
function runParticles(text) {
  if (runPattern === null || runPattern.of !== manifest) {
    const tails = manifest.run_particles || [];
    runPattern = { of: manifest, re: tails.length ? new RegExp("([0-9A-Za-z])(?:" + tails.join("|") + ")(?![\uAC00-\uD7A3])", "g") : null };
  }
  return runPattern.re === null ? text : text.replace(runPattern.re, "$1 ");
}

/* syllables: 가 = 0xAC00 + (initial * 21 + vowel) * 28 + final (search_ko.lemma does the same) */
const A = 0, EO = 4, YEO = 6, WA = 9, WEO = 14, EU = 18, U = 13, I = 20, IEUNG = 11, O = 8, AE = 1, E = 5;
const RIEUL = 8, BIEUP = 17, SSANG_SIOS = 20;
const OPEN = new Set([A, EO, YEO, WA, WEO, AE, E]);
const TENSE = new Set([1, 4, 8, 10, 13, 14, 15, 16, 17]);
const PASSIVE = new Set([0, 5, 18, 14]);  /* 리, 기, 히, 치 (search_ko._PASSIVE) */
const NIEUN = 4, MIEUM = 16, RIEUL_MIEUM = 10, IEUNG_FINAL = 21;

function parts(ch) {
  const n = ch.charCodeAt(0) - 0xAC00;
  return [Math.floor(n / 588), Math.floor(n / 28) % 21, n % 28];
}

function syllable(initial, vowel, final) {
  return String.fromCharCode(0xAC00 + (initial * 21 + vowel) * 28 + final);
}

/* Whether a word ending in `before` + `particle` is also read as a noun ending in the particle. */
function nounFinalFits(before, particle) {
  const rule = manifest.noun_final.find(e => e[0] === particle);
  if (!rule) return false;
  const final = parts(before)[2];
  if (rule[1] === "vowel") return final === 0;
  if (rule[1] === "final") return final !== 0;
  if (rule[1] === "final_not_l") return final !== 0 && final !== RIEUL;
  return true;
}

function endingFits(rest, rule) {
  if (!rest) return false;
  const [, vowel, final] = parts(rest[rest.length - 1]);
  if (rule === "long") return rest.length >= 2;
  if (rule === "verb") return rest.length >= 2 || ![0, NIEUN, MIEUM, IEUNG_FINAL].includes(final);
  if (rule === "open") return OPEN.has(vowel) && final === 0;
  if (rule === "closed") return final !== 0;
  if (rule === "past") return final === SSANG_SIOS;
  return true;
}

/* The predicate key of a stem (search_ko.lemma); `honorific`: the key with the 시 of respect taken out;
   `regular`: a stem in ㄹ라, ㄹ러 read as it stands (놀라요, 놀라: 놀라다's), not as a 르 verb's (몰라요), as a
   noun form in ㄹ람 always is (열람 is no form of 여르다, 여름's key), and a form no 르 verb has (놀라고,
   열라고: 고 joins a stem; 놀러: 라/러 against the vowel before) */
function lemma(s, honorific = false, regular = false) {
  if (s.length < 2 || !HANGUL.test(s)) return null;
  let changed = false, cut = "", fused = true;  /* fused: what the cut leaves may be an 아/어 form (몰라서; not 놀라고) */
  for (const [ending, rule] of manifest.lemma_endings) {
    if (s.endsWith(ending) && endingFits(s.slice(0, s.length - ending.length), rule)) {
      s = s.slice(0, s.length - ending.length);
      changed = true;
      cut = ending;
      fused = rule === "open";
      break;
    }
  }
  if (s === "해" || s === "했") return null;  /* 했다, 해서, 해야: the light verb alone, no key */
  if (cut === "다" && s.length >= 2 && s[s.length - 1] === "는" && parts(s[s.length - 2])[2]) {
    s = s.slice(0, -1);  /* 먹는다 -> 먹 */
  } else if (cut === "다" && parts(s[s.length - 1])[2] === NIEUN && s[s.length - 1] !== "는") {
    const [i, v] = parts(s[s.length - 1]);
    s = s.slice(0, -1) + syllable(i, v, 0);  /* 다닌다, 간다 -> 다니, 가 */
  }
  let [initial, vowel, final] = parts(s[s.length - 1]);
  if (!changed && s.length >= 2 && PASSIVE.has(initial)
      && ((vowel === YEO && final === 0) || (vowel === I && (final === NIEUN || final === MIEUM)))) {
    return s.slice(0, -1) + syllable(initial, I, 0) + "다";  /* 밀린, 밀림, 밀려 -> 밀리다 */
  }
  let noun = false;
  if (!changed && (final === MIEUM || final === RIEUL_MIEUM)
      && !(initial === IEUNG && vowel === EU)) {  /* 마심, 만남, 모자람; not 마음 */
    s = s.slice(0, -1) + syllable(initial, vowel, final === MIEUM ? 0 : RIEUL); changed = true; noun = true;
  }
  if (!changed && final === NIEUN && vowel === A && initial === 5 && s.length >= 2 && parts(s[s.length - 2])[2] === RIEUL) {
    s = s.slice(0, -1) + "라"; changed = true; noun = true;  /* 놀란: 놀라다's adnominal past, as 놀람 (search_ko.lemma) */
  }
  if (final === SSANG_SIOS && (s.length >= 2 || OPEN.has(vowel))) { s = s.slice(0, -1) + syllable(initial, vowel, 0); changed = true; fused = true; }
  if (changed && s.length >= 2 && s[s.length - 1] === "세") s = s.slice(0, -1) + "시";  /* 가세요 -> 가시 (as 가심) */
  if (honorific) {  /* 다니심, 다니셨다, 다니세요, 받으시고 -> 다니, 받; not 관심, 점심 */
    if (!(changed && "시셔".includes(s[s.length - 1]) && s.length >= (noun ? 3 : 2))) return null;
    s = s.slice(0, -1);
    if (s.length >= 2 && s[s.length - 1] === "으" && parts(s[s.length - 2])[2] !== 0) s = s.slice(0, -1);
  }
  if (changed && s.length >= 2 && s[s.length - 1] === "해") s = s.slice(0, -1) + "하";  /* 원해요 -> 원하 */
  if ((s[s.length - 1] === "짐" || s[s.length - 1] === "져") && s.length >= 2) { s = s.slice(0, -1) + "지"; changed = true; }
  if (s[s.length - 1] === "지" && s.length >= 3) {
    const [, v, f] = parts(s[s.length - 2]);
    if (OPEN.has(v) && f === 0) { s = s.slice(0, -1); changed = true; }
  }
  [initial, vowel, final] = parts(s[s.length - 1]);
  const before = s.length >= 2 ? parts(s[s.length - 2]) : null;
  if ((vowel === A || vowel === EO) && initial === IEUNG && final === 0 && before !== null && changed
      && (before[2] !== 0 || (before[1] !== A && before[1] !== EO))) {  /* 좋아, 있어; 나누어, 주어 */
    s = s.slice(0, -1);
  } else if (before !== null && before[2] === 0 && initial === IEUNG && final === 0 && vowel === WA
             && !"도고".includes(s[s.length - 2])) {
    s = s.slice(0, -1) + "오"; changed = true;  /* 오+아: 나와 -> 나오; only 돕다 and 곱다 have ㅂ with 와 */
  } else if (before !== null && before[2] === 0 && initial === IEUNG && final === 0 && (vowel === WA || vowel === WEO)) {
    s = s.slice(0, -2) + syllable(before[0], before[1], BIEUP); changed = true;
  } else if (before !== null && before[2] === 0 && initial === IEUNG && vowel === U
             && ((final === 0 && changed) || ((final === 4 || final === RIEUL || final === 16) && s.length >= 3))) {
    s = s.slice(0, -2) + syllable(before[0], before[1], BIEUP); changed = true;
  } else if (before !== null && before[2] === RIEUL && initial === 5 && final === 0 && (vowel === A || vowel === EO)
             && !noun && fused && (before[1] === A || before[1] === O) === (vowel === A)) {
    /* 르: 몰라, 몰랐다 -> 모르; 불러 -> 부르. Not 열람, 놀람, 놀라고, 열라고, 놀러 (search_ko.lemma);
       `regular`: as it stands, uncut too (놀라: 놀르다) */
    s = regular ? s.slice(0, -1) + syllable(initial, EU, 0) : s.slice(0, -2) + syllable(before[0], before[1], 0) + "르";
    changed = true;
  } else if (final === 0 && (vowel === A || vowel === EO) && initial !== IEUNG
             && (changed || (TENSE.has(initial) && s.length === 2))
             && (s.length >= 2 || (vowel === EO && TENSE.has(initial))) && s[s.length - 1] !== "하") {  /* 써 커 꺼 떠; not 가 자 사 서 */
    s = s.slice(0, -1) + syllable(initial, EU, 0); changed = true;
  } else if (final === 0 && vowel === YEO && changed) {
    s = s.slice(0, -1) + syllable(initial, I, 0);
  } else if (final === 0 && (vowel === WEO || vowel === WA) && changed) {  /* 미뤄 -> 미루, 돌봐 -> 돌보 */
    s = s.slice(0, -1) + syllable(initial, vowel === WEO ? U : O, 0);
  }
  return changed ? s + "다" : null;
}

function bigrams(word) {
  if (word.length < 2) return word ? [word] : [];
  const out = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

/* The word with each loanword of the manifest's spellings in its standard spelling (search_ko.SPELLINGS);
   null when it holds none. */
function standardSpelling(word) {
  let out = word;
  for (const [variant, standard] of manifest.spellings || []) {
    if (out.includes(variant)) out = out.split(variant).join(standard);
  }
  return out === word ? null : out;
}

/* A key whose stem ends in an open syllable with ㄹ put back (search_ko._with_rieul): 사세요, 힘드셨다 */
function withRieul(key) {
  if (key === null || key.length < 2) return null;
  const [initial, vowel, final] = parts(key[key.length - 2]);
  return final ? null : key.slice(0, -2) + syllable(initial, vowel, RIEUL) + "다";
}

/* The keys of the verb a typed word may be the adnominal form of (search_ko.adnominal_keys): 다니는,
   아픈, 지낸; 사는, 힘든 with ㄹ put back. A query's only. */
function adnominalKeys(word) {
  if (word.length < 2 || !HANGUL.test(word)) return [];
  let base;
  if (word[word.length - 1] === "는") {
    base = word.slice(0, -1);
    if (parts(base[base.length - 1])[2] !== 0) return [];
  } else {
    const [initial, vowel, final] = parts(word[word.length - 1]);
    if (final !== NIEUN || (vowel !== EU && vowel !== AE && vowel !== E)) return [];  /* 아픈, 지낸; not 방문 */
    base = word.slice(0, -1) + syllable(initial, vowel, 0);
  }
  return [base + "다", withRieul(base + "다")].filter(k => k !== null);
}

/* Whether a word cut of a one-syllable particle that also ends nouns is read uncut too (search_ko.word_groups:
   사례회의, 국민취업지원제도; not 아동의, 사이의: 의 in a word of four syllables or more) */
function nounWhole(word) {
  const bare = withoutParticle(word);
  return bare === stem(word) && word.length >= (word.endsWith("의") ? 4 : 3) && bare.length === word.length - 1
    && nounFinalFits(word[word.length - 2], word[word.length - 1]);
}

const groupCache = new Map();

/* The ways a word may be written on a page, each a group of terms (search_ko.word_groups): a word
   typed is cut as a page's word is */
/* The key of the verb a word in 라고, 라는 or 라며 tells to do: 열라고, 오라고 -> 열다, 오다; 먹으라고 ->
   먹다 (search_ko._told) */
/* the verbs whose stem is one open syllable and 라: 바라다 (to hope), 자라다 (to grow), whose 바라고, 자라고
   keep the key of 바라요, 자랐다 (search_ko._RA_STEMS) */
const RA_STEMS = new Set(["바", "자"]);  /* (the syllable before 라) */
function toldKey(word) {
  if (word.length < 3 || !["라고", "라는", "라며"].includes(word.slice(-2)) || !HANGUL.test(word)) return null;
  const s = word.slice(0, -2);
  const final = parts(s[s.length - 1])[2];
  if (s[s.length - 1] === "으" && s.length >= 2 && parts(s[s.length - 2])[2] !== 0) return s.slice(0, -1) + "다";
  return (final === 0 || final === RIEUL) && s[s.length - 1] !== "으" ? s + "다" : null;
}

function wordGroups(word) {
  if (groupCache.has(word)) return groupCache.get(word);
  let groups;
  if (!HANGUL.test(word)) {
    groups = word.length >= 2 ? [[word]] : [];
  } else {
    const s = stem(word);
    if (s.length === 1 && manifest.short_particles.includes(s)) {
      groups = [];
    } else {
      groups = s.length === 2 && manifest.short_particles.includes(s[1]) ? [[s, s[0]], [s]] : [bigrams(s)];
      const bare = withoutParticle(word);
      if (nounWhole(word)) groups.push(bigrams(word));
      let key = lemma(s);
      if (key === null && bare !== s && s.length >= 2 && (s.endsWith("어") || s.endsWith("아")) && parts(s[s.length - 2])[2]) {
        key = lemma(s + "요");  /* 힘들어함, 싫어해요: the 어/아 before a light verb, after a closed stem */
      }
      const honored = lemma(s, true);  /* 다니셨다: 다니시다, and 다니다 as 다녀요 has it */
      /* (ㄹ drops before ㄴ too: 산다, 만든다 are 살다, 만들다 as well) */
      const present = key !== null && s.length >= 2 && s[s.length - 1] === "다" && s[s.length - 2] !== "는"
        && parts(s[s.length - 2])[2] === NIEUN ? withRieul(key) : null;
      /* 열라고, 살라고: an ㄹ verb's 라고 (열다's); 오라고, 가라며, 먹으라는: the imperative's 라, 오다, 가다,
         먹다, not 오르다, 가르다 where the stem is one syllable or 으 stands for it (search_ko.word_groups) */
      const told = toldKey(word);
      let plain = key !== null ? lemma(s, false, true) : null;  /* 몰라요 and 놀라요 both (search_ko.word_groups) */
      if (told !== null && parts(word[word.length - 3])[2] !== RIEUL && (word.length === 3 || word[word.length - 3] === "으")
          && !RA_STEMS.has(word.slice(0, -2))) {
        key = null; plain = null;
      }
      for (const k of [key, plain, honored, withRieul(honored), present, told]) {
        if (k !== null && !groups.some(g => g.length === 1 && g[0] === k) && !groups[0].includes(k)) groups.push([k]);
      }
      const standard = standardSpelling(word);
      if (standard !== null) {  /* 알콜중독: also 알코올중독 */
        for (const g of wordGroups(standard)) {
          if (!groups.some(h => h.join(" ") === g.join(" "))) groups.push(g);
        }
      }
      if ((word.length === 3 || word.length === 4) && ["하고", "하고는", "하고도"].includes(word.slice(1))
          && !groups.some(g => g.length === 1 && g[0] === word[0])) {
        groups.push([word[0]]);  /* 딸하고: a one-syllable noun and the particle 하고 (search_ko.word_groups) */
      }
      if (bare === s && s === word.slice(0, -2) && word.endsWith("보다")) {
        /* 돌보다, 알아보다: a verb in 보다 as well as a word and the particle "than" */
        for (const g of [bigrams(word.slice(0, -1)), [word]]) {
          if (!groups.some(h => h.join(" ") === g.join(" "))) groups.push(g);
        }
      }
    }
  }
  groupCache.set(word, groups);
  return groups;
}

function wordTerms(word) {
  return [...new Set(wordGroups(word).flat())];
}

function words(text) {
  return (text.normalize("NFKC").match(WORD) || []).map(w => (HANGUL.test(w) ? w : w.toLowerCase()));
}

/* --- dates: search_ko.date_terms and search_ko._date_groups --------------------------------- */
function dateOf(m) {  /* [year or null, month, day or null] */
  const num = x => (x === undefined ? null : parseInt(x, 10));
  if (m[2] !== undefined) {
    for (const [month, day] of [[m[4], m[5]], [m[6], m[7]], [m[8], m[9]]]) {
      if (month !== undefined) return [num(m[2]), num(month), num(day)];
    }
  }
  return [null, num(m[10]), num(m[11])];
}

const pad = n => (n < 10 ? "0" : "") + n;

function dayTerms([year, month, day]) {
  if (year === null) return day !== null ? [month + "월", month + "월" + day + "일"] : [month + "월"];
  const out = [year + "-" + pad(month), month + "월"];
  return day !== null ? [year + "-" + pad(month) + "-" + pad(day)].concat(out) : out;
}

function dateGroups([year, month, day]) {
  if (year !== null) return [[year + "-" + pad(month) + (day !== null ? "-" + pad(day) : "")]];
  if (day === null) return [[month + "월"]];
  return [[month + "월" + day + "일"]].concat((manifest.years || []).map(y => [y + "-" + pad(month) + "-" + pad(day)]));
}

function dateTail(run) {
  const particles = manifest.particles;
  return particles.includes(run) || manifest.date_tails.some(
    tail => run.startsWith(tail) && (run === tail || particles.includes(run.slice(tail.length))));
}

/* The joined terms of a run joined by hyphens, dots or underscores: each stretch of two parts or
   more (search_ko.joined). */
function joined(run) {
  const parts = run.toLowerCase().split(/[-._]/), n = parts.length;
  if (n > JOINED_PARTS) return [parts.join("")];
  const out = [];
  for (let k = n; k > 1; k--) for (let i = 0; i + k <= n; i++) out.push(parts.slice(i, i + k).join(""));
  return out;
}

/* The terms of a run joined by dots or underscores (search_ko.dotted_terms): none for a date; a
   run of digits only as written (1.5 is no 15); else joined (kim.sw -> kimsw), no stretch of digits
   only (v1.2.3 gives no 23). */
function dottedTerms(run) {
  if (DATE_RUN.test(run)) return [];
  run = run.toLowerCase();
  return /[a-z]/.test(run) ? joined(run).filter(t => !/^[0-9]+$/.test(t)) : [run];
}

/* The term across a word and a word after it starting with `then` (search_ko._across: 고용 센터, "용 센"),
   or "" */
function across(first, then) {
  if (stem(first) !== first || (first.length === 2 && manifest.short_particles.includes(first[1]) && !keptWhole(first))) return "";
  return first[first.length - 1] + manifest.across + then;
}

/* The terms across each two words side by side, the first of two syllables or more (search_ko._PAIR) */
function acrossTerms(text) {
  const out = [];
  if (!manifest.across) return out;
  const runs = [...text.matchAll(/[\uAC00-\uD7A3]+/g)];
  for (let i = 0; i + 1 < runs.length; i++) {
    const a = runs[i], b = runs[i + 1];
    if (a[0].length >= 2 && /^ +$/.test(text.slice(a.index + a[0].length, b.index))) {
      const t = across(a[0], b[0][0]);
      if (t) out.push(t);
    }
  }
  return out;
}

/* Every term of a text (search_ko.terms), as a set. */
function textTerms(text) {
  const out = new Set();
  const norm = predicates(text.normalize("NFKC"));
  const said = runParticles(norm);
  for (const w of words(said)) for (const t of wordTerms(w)) out.add(t);
  for (const t of acrossTerms(said)) out.add(t);
  for (const t of giKeys(norm)) out.add(t);
  for (const m of norm.matchAll(JOINED)) {
    if (!DATE.test(m[2])) for (const t of joined(m[2])) out.add(t);
  }
  for (const m of norm.matchAll(DOTTED)) for (const t of dottedTerms(m[2])) out.add(t);
  for (const m of norm.matchAll(DATES)) for (const t of dayTerms(dateOf(m))) out.add(t);
  for (const t of countTerms(norm)) out.add(t);
  return out;
}

/* The bigrams of the ending a verb form's stem ends in, as `lemma` cuts it (어요 of 쫓겨났어요, 습니 and
   니다 of 체납됐습니다): no word of a page. A page holding nothing else of the word holds none of it
   (좋겠어요 met 쫓겨났어요 by its 어요, the only result, marked). */
function endingBigrams(s) {
  if (s.length < 3 || !HANGUL.test(s)) return [];
  for (const [ending, rule] of manifest.lemma_endings) {
    if (s.endsWith(ending) && endingFits(s.slice(0, s.length - ending.length), rule)) {
      return ending.length >= 2 ? bigrams(ending) : [];
    }
  }
  return [];
}

/* Whether a stem of two syllables may be a noun whole as well as a one-syllable noun and its particle
   (search_ko.kept_whole: 회의, 제도, 아이; not 약을) */
function keptWhole(s) {
  return TWO_SYLLABLES.test(s) && nounFinalFits(s[0], s[1]);
}

function wordQueryTerms(text, out, whole) {
  const aliases = manifest.aliases || {};  /* a stem -> the other names it also looks for (search_ko.ALIASES) */
  const said = predicates(text.normalize("NFKC"));
  for (const m of said.matchAll(WORD)) {
    const typed = m[0];
    const w = HANGUL.test(typed) ? typed : typed.toLowerCase();
    if (manifest.alone_nothing.includes(w)) continue;  /* 을, 에서, 은 는 이 가: a particle typed apart is no word (때문에 is) */
    let groups = wordGroups(w);
    const s = stem(w);
    /* 회의 the index holds whole: the noun whole, not 회 and the particle 의 (search_ko._word_query_groups) */
    const one = whole.has(s) && keptWhole(s);
    if (one) groups = groups.filter(g => !g.includes(s[0]));
    const readings = [];  /* the terms of each other reading of the word: another name, the keyboard's Hangul */
    const names = [];  /* those other names, and the Hangul: marked whole in a snippet, never their bigrams apart */
    /* (a one-syllable noun and its particle, 술을, 빚이: the noun's; search_ko._aliases) */
    const key = Object.prototype.hasOwnProperty.call(aliases, s) ? s
      : !one && s.length === 2 && manifest.short_particles.includes(s[1]) ? s[0] : null;
    if (groups.length && key !== null && Object.prototype.hasOwnProperty.call(aliases, key)) {
      for (const alias of aliases[key]) {
        const have = new Set(groups.map(g => g.join(" ")));
        groups = groups.concat(wordGroups(alias).filter(g => !have.has(g.join(" "))));
        readings.push(wordTerms(alias));
        names.push(alias);
      }
    }
    for (const key of groups.length ? adnominalKeys(w) : []) {  /* 다니는, 힘든: the verb's key */
      if (!groups.some(g => g.length === 1 && g[0] === key)) groups = groups.concat([[key]]);
    }
    if (groups.length && manifest.gi && said.startsWith(manifest.gi, m.index + typed.length) && w.endsWith("기")) {
      const gi = giKey(w.slice(0, -1));  /* 울기도 했다: 울다 too */
      if (gi !== null && !groups.some(g => g.length === 1 && g[0] === gi)) groups = groups.concat([[gi]]);
    }
    const hangul = keyboardHangul(typed);  /* tkfP: 사례 typed with the keyboard left in English */
    if (hangul !== null) {
      const have = new Set(groups.map(g => g.join(" ")));
      groups = groups.concat(wordGroups(hangul).filter(g => !have.has(g.join(" "))));
      readings.push(wordTerms(hangul));
      names.push(stem(hangul));
    }
    const unsplit = new Set(groups.flat());
    if (groups.length && HANGUL.test(w)) {  /* 애도상담 typed joined, 애도 상담 written apart */
      const have = new Set(groups.map(g => g.join(" ")));
      groups = groups.concat(splitGroups(s).filter(g => !have.has(g.join(" "))));
    }
    if (!groups.length) continue;
    const terms = [...new Set(groups.flat())], other = new Set(readings.flat());
    /* its own reading: the terms of the word as typed (its stem's bigrams, the uncut noun, a verb's keys);
       not those only its parts written apart have (the term across, "활 근", and a last part of one syllable,
       근 of 자활 근): they say where the parts stand, and scored, a page holding a lone 근 ranked above the
       record writing 자활근로 */
    readings.unshift(terms.filter(t => unsplit.has(t) && (!other.has(t) || wordTerms(w).includes(t))));
    const weak = endingBigrams(s).filter(t => terms.includes(t));
    /* (a noun: no verb reading, no key nor adnominal form; see `rank`) */
    const noun = HANGUL.test(w) && lemma(s) === null && lemma(s, true) === null && !adnominalKeys(w).length;
    out.push({ word: w, stem: s, terms, groups, readings, names, weak: weak.length ? new Set(weak) : null, noun });
  }
}

/* A compound typed joined, as a page may write it apart (search_ko.split_groups): each way to write it in
   parts of two syllables or more, two to MAX_PARTS (two only past MAX_SPLIT syllables), and in its
   two-syllable words; a noun of three as two and one (동의 서); the bigrams of each part, the term across
   each space ("용 센") */
const MAX_PARTS = 4, MAX_SPLIT = 12;  /* search_ko.MAX_PARTS, MAX_SPLIT */
function splitGroups(s) {
  const n = s.length;
  if (n < 3 || !HANGUL.test(s)) return [];
  const cuts = n === 3 && lemma(s) === null ? [[2]] : [];
  const combos = (k, from, acc) => {  /* the places of k spaces, in order (itertools.combinations) */
    if (!k) { cuts.push(acc); return; }
    for (let p = from; p <= n - 2; p++) combos(k - 1, p + 1, acc.concat([p]));
  };
  for (let parts = 2; parts <= (n <= MAX_SPLIT ? MAX_PARTS : 2); parts++) {
    const before = cuts.length;
    combos(parts - 1, 2, []);
    const got = cuts.splice(before).filter(c => c.every((p, i) => i === 0 || p - c[i - 1] >= 2));
    cuts.push(...got);
  }
  if (n >= 6 && n % 2 === 0) {
    const pairs = [];
    for (let i = 2; i < n; i += 2) pairs.push(i);
    cuts.push(pairs);
  }
  const seen = new Set(), out = [];
  for (const cut of cuts) {
    if (seen.has(cut.join(","))) continue;
    seen.add(cut.join(","));
    const group = [], ends = cut.concat([n]);
    [0].concat(cut).forEach((at, i) => {
      if (at) group.push(s[at - 1] + manifest.across + s[at]);
      group.push(...bigrams(s.slice(at, ends[i])));
    });
    out.push([...new Set(group)]);
  }
  return out;
}

/* The Korean keyboard (두벌식): the jamo each Latin key types (search_ko.keyboard_hangul). */
const KEYS = new Map([..."qwertyuiopasdfghjklzxcvbnmQWERTOP"].map((c, i) => [c, "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔㅁㄴㅇㄹㅎㅗㅓㅏㅣㅋㅌㅊㅍㅠㅜㅡㅃㅉㄸㄲㅆㅒㅖ"[i]]));
const INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ", "ㅁ", "ㅂ", "ㅄ",
                "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"];
const JOINED_VOWELS = { "ㅗㅏ": "ㅘ", "ㅗㅐ": "ㅙ", "ㅗㅣ": "ㅚ", "ㅜㅓ": "ㅝ", "ㅜㅔ": "ㅞ", "ㅜㅣ": "ㅟ", "ㅡㅣ": "ㅢ" };
const JOINED_FINALS = { "ㄱㅅ": "ㄳ", "ㄴㅈ": "ㄵ", "ㄴㅎ": "ㄶ", "ㄹㄱ": "ㄺ", "ㄹㅁ": "ㄻ", "ㄹㅂ": "ㄼ", "ㄹㅅ": "ㄽ",
                        "ㄹㅌ": "ㄾ", "ㄹㅍ": "ㄿ", "ㄹㅎ": "ㅀ", "ㅂㅅ": "ㅄ" };
const SPLIT_FINALS = Object.fromEntries(Object.entries(JOINED_FINALS).map(([pair, joined]) => [joined, [pair[0], pair[1]]]));

/* The Hangul a run of Latin letters types on the Korean keyboard (tkfP -> 사례), when every key falls
   into a syllable and there are two syllables or more; else null. */
function keyboardHangul(typed) {
  if (typed.length < 3 || !/^[A-Za-z]+$/.test(typed)) return null;
  const out = [];
  let initial = "", vowel = "", final = "";
  const syllable = () => String.fromCharCode(
    0xAC00 + (INITIALS.indexOf(initial) * 21 + VOWELS.indexOf(vowel)) * 28 + FINALS.indexOf(final));
  for (const c of typed) {
    const j = KEYS.get(c) || KEYS.get(c.toLowerCase());
    if (VOWELS.includes(j)) {
      if (!initial) return null;
      if (!vowel) {
        vowel = j;
      } else if (!final && (vowel + j) in JOINED_VOWELS) {
        vowel = JOINED_VOWELS[vowel + j];
      } else if (final) {
        const [kept, moved] = SPLIT_FINALS[final] || ["", final];
        final = kept;
        out.push(syllable());
        initial = moved; vowel = j; final = "";
      } else {
        return null;
      }
    } else if (!vowel) {
      if (initial) return null;
      initial = j;
    } else if (!final && FINALS.includes(j)) {
      final = j;
    } else if (final && (final + j) in JOINED_FINALS) {
      final = JOINED_FINALS[final + j];
    } else {
      out.push(syllable());
      initial = j; vowel = ""; final = "";
    }
  }
  if (!vowel) return null;
  out.push(syllable());
  return out.length >= 2 ? out.join("") : null;
}

/* Each typed word with its groups, and the stage's name's when it is another name of a stage
   (모니터링 -> 점검); a date is one word, a particle or 초, 중순 ... joined to it left out, and so is
   a month and day without a year (03-04, 3/4, 3.4.: read as 3월 4일); a run of letters and digits
   joined by hyphens that is no date (2026-0007, 000-1234), or by dots or underscores (kim.sw,
   lee_hj), is one word, looked for joined (20260007, kimsw), not as its parts; 1.5 as written;
   function words (때문에, 위해 …) left out of a query holding another word (search_ko.query_groups) */
function queryTerms(query, today = localToday(), whole = new Set()) {
  const text = runParticles(query.normalize("NFKC"));  /* (ID나: ID) */
  const spans = [];  /* [start, end, word entry] */
  const free = (start, end) => !spans.some(([s, e]) => s < end && start < e);
  const addDate = (start, end, groups, relative = false) => {
    let at = end;
    const tail = text.slice(at).match(TAIL);
    if (tail && dateTail(tail[0])) at += tail[0].length;
    const word = text.slice(start, end);
    spans.push([start, at, { word, stem: word, terms: [...new Set(groups.flat())], groups, date: true, relative }]);
  };
  let at = 0;
  for (const m of text.matchAll(DATES)) {
    const start = m.index + m[1].length;
    if (start < at) continue;
    addDate(start, m.index + m[0].length, dateGroups(dateOf(m)));
    at = spans[spans.length - 1][1];
  }
  for (const m of text.matchAll(RELATIVE)) {  /* 어제, 지난주, 이번 달: its dates, and its own words */
    const start = m.index + m[1].length, end = m.index + m[0].length;
    const tail = text.slice(end).match(TAIL);
    if (!free(start, end) || (tail && !dateTail(tail[0]))) continue;
    const own = [...new Set(m[2].split(" ").flatMap(part => bigrams(part)))];
    addDate(start, end, [own, ...relativeGroups(m[2].replace(" ", ""), today)], true);
  }
  if (text.includes("-") || text.includes("/") || text.includes(".")) {
    for (const m of text.matchAll(SHORT_YEAR)) {
      const start = m.index + m[1].length, end = m.index + m[0].length;
      const year = 2000 + parseInt(m[2], 10), month = parseInt(m[4], 10), day = parseInt(m[5], 10);
      if ((manifest.years || []).includes(year) && day <= DAYS_IN[month - 1] && free(start, end)) {
        addDate(start, end, dateGroups([year, month, day]));
      }
    }
    for (const m of text.matchAll(MONTH_DAY)) {
      const start = m.index + m[1].length, end = m.index + m[0].length;
      const month = parseInt(m[2], 10), day = parseInt(m[3] !== undefined ? m[3] : m[4], 10);
      if (day <= DAYS_IN[month - 1] && free(start, end)) addDate(start, end, dateGroups([null, month, day]));
    }
  }
  if (text.includes("-")) {  /* a run that holds a date (2026-03) is left to the date */
    for (const m of text.matchAll(JOINED)) {
      const start = m.index + m[1].length, end = m.index + m[0].length;
      if (DATE.test(m[2]) || !free(start, end)) continue;
      const word = m[2].toLowerCase(), term = word.split("-").join("");
      /* 26-0006: a case id with its year's last two digits, as the id with the whole year (search_ko._joined_groups) */
      const short = /^([0-9]{2})-([0-9]{3,6})$/.exec(word);
      const groups = short && (manifest.years || []).includes(2000 + parseInt(short[1], 10))
        ? [[term], ["20" + short[1] + short[2]]] : [[term]];
      spans.push([start, end, { word, stem: word, terms: [...new Set(groups.flat())], groups }]);
    }
  }
  if (text.includes("번")) {  /* 13번: the case number's last part, 0013, or 13 and 번 */
    for (const m of text.matchAll(NUMBERED)) {
      const start = m.index + m[1].length, end = m.index + m[0].length;
      if (!free(start, end)) continue;
      const number = m[2], id = String(parseInt(number, 10)).padStart(4, "0"), word = number + "번";
      spans.push([start, end, { word, stem: word, terms: [...new Set([id, number, "번"])], groups: [[id], [number, "번"]] }]);
    }
  }
  if (text.includes(".") || text.includes("_")) {
    for (const m of text.matchAll(DOTTED)) {
      const start = m.index + m[1].length, end = m.index + m[0].length, got = dottedTerms(m[2]);
      if (!got.length || !free(start, end)) continue;
      const word = m[2].toLowerCase();
      spans.push([start, end, { word, stem: word, terms: [got[0]], groups: [[got[0]]] }]);
    }
  }
  const countQuery = counts().query;
  if (countQuery !== null && DIGIT_HANGUL.test(text)) {  /* 4인, 4 인, 3개월째: the count, or the number and the counter */
    for (const m of [...text.matchAll(counts().periodQuery)]) {  /* 주 1회: 주1회, or 1회, or 주 and 회 */
      const start = m.index + m[1].length, end = m.index + m[0].length;
      const tail = text.slice(end).match(TAIL);
      if (!free(start, end) || (tail && !manifest.particles.includes(tail[0]) && m[0].includes(" "))) continue;
      const count = countEntry([m[0], m[1], ...m.slice(3)], "", true);
      const groups = [[periodCount(m)], count.groups[0], ...count.groups.slice(1).map(g => [...new Set(wordTerms(m[2]).concat(g))])];
      spans.push([start, end, { word: text.slice(start, end), stem: text.slice(start, end), terms: [...new Set(groups.flat())], groups, count: true }]);
    }
    for (const m of [...text.matchAll(countQuery)]) {
      const start = m.index + m[1].length, end = m.index + m[0].length;
      const tail = text.slice(end).match(TAIL);
      if (!free(start, end) || (m[0].slice(m[1].length).includes(" ") && tail && !manifest.particles.includes(tail[0]))) continue;
      spans.push([start, end, countEntry(m, text.slice(start, end))]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out = [];
  at = 0;
  for (const [start, end, entry] of spans) {
    wordQueryTerms(text.slice(at, start), out, whole);
    out.push(entry);
    at = end;
  }
  wordQueryTerms(text.slice(at), out, whole);
  /* words that say nothing of what is looked for (때문에, 위해, 및 …), left out when another is typed */
  const idle = new Set(manifest.function_words || []);
  const content = out.filter(e => !(idle.has(e.stem) || ([...e.word].length <= 3 && e.terms.some(t => idle.has(t)))));
  return content.length ? content : out;
}

/* A number and its counter typed (search_ko.count_groups): the count term, or else the number (of
   two digits or more: a digit is no term, and 개 alone no reading of 3개) and the counter as words */
function countEntry(m, word, period = false) {
  const number = m[2].split(",").join(""), counter = m[3].replace(" ", "") + (m[4] || "");
  const groups = [[number + m[3].replace(" ", "") + (m[4] || "")]];
  const day = /^[0-9]+$/.test(number) ? parseInt(number, 10) : 0;
  if (counter === "일" && !period && day >= 1 && day <= 31) {  /* 15일: or the 15th of a month (search_ko._day_of_month_groups) */
    const months = DAYS_IN.map((n, k) => k + 1).filter(month => day <= DAYS_IN[month - 1]);
    for (const month of months) groups.push([month + "월" + day + "일"]);
    for (const year of manifest.years || []) for (const month of months) groups.push([year + "-" + pad(month) + "-" + pad(day)]);
  } else if (number.length >= 2) groups.push([...new Set([number].concat(wordTerms(counter)))]);
  return { word, stem: word, terms: [...new Set(groups.flat())], groups, count: true };
}

function shardOf(term, shards) {
  let h = 0;
  for (let i = 0; i < term.length; i++) h = (Math.imul(h, 31) + term.charCodeAt(i)) >>> 0;
  return h % shards;
}

/* --- snippets: the page's own sentence that holds the most of the query ---------------------- */
/* after each run of digits of a date the site writes for its own bookkeeping (기준일, 마지막 변경:
   search_ko.NODATE, a WORD JOINER): no date to find or mark; not shown, not in a text fragment */
const NODATE = /\u2060/g;

function escapeHTML(s) {
  return s.replace(NODATE, "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/* How much of word `w` a set of terms holds: its best-held group, weighted by idf (1 each without).
   `whole`: the groups held only whole, and `least` the terms a page holds of another of its groups
   at least (`rank`) */
function held(w, have, idf, whole = null, least = 0) {
  let best = 0;
  for (const group of w.groups) {
    let got = 0, want = 0, n = 0;
    for (const t of group) {
      const x = idf ? idf.get(t) || 0 : 1;
      want += x;
      if (have.has(t)) { got += x; n++; }
    }
    if (whole !== null && got < want && whole.has(group)) continue;  /* (only whole: `rank`) */
    if (n < Math.min(least, group.length)) continue;
    /* (a count's other readings, 10인 for 40인, 주 12회 for 주 1회 (a count of one digit has none), hold it half: the exact count first; and
       only whole, the number with its counter: a page of 30일 holds nothing of 30만원) */
    const share = want ? (w.count && group !== w.groups[0] ? (got < want ? 0 : 0.5) : 1) * got / want : 0;
    if (share > best) best = share;
  }
  return best;
}

/* How much of each typed word sentence `s` holds: 1.5 when it writes the word's stem, else the
   share of the word's terms it holds (1: all of one of its forms) */
function wordScores(s, words) {
  const lower = s.toLowerCase();
  const have = textTerms(s);
  /* (a one-syllable stem by its terms: 약 is no match inside 복약; one of two syllables where a word
     starts with it or its stem holds it, as it is marked: not 동의 inside 아동의) */
  return words.map(w => (w.count ? (have.has(w.groups[0][0]) ? 1.5 : 0.5 * held(w, have, null))
    : !w.date && w.stem.length > 1 && (LATIN_EDGE.test(w.stem) ? runIn(lower, w.stem) : lower.includes(w.stem))
    && (!TWO_SYLLABLES.test(w.stem) || writesShort(s, w.stem)) ? 1.5 : held(w, have, null)
    || (w.date && w.terms.some(t => have.has(yearless(t))) ? 0.5 : 0)
    || (w.prefix && w.prefix.some(g => g.every(t => have.has(t))) ? 0.75 : 0)));
}

/* Whether `t`, of letters and digits at its ends (id, kim.sw), stands in `lower` as a run of its own:
   not the id of outside */
const LATIN_EDGE = /^[0-9a-z](?:.*[0-9a-z])?$/i;
function runIn(lower, t) {
  return new RegExp("(^|[^0-9a-z])" + escapeRegExp(t.toLowerCase()) + "(?![0-9a-z])").test(lower);
}

/* A day or a month typed with its year as a page writes it without one (2026-09-29: 9월29일): a
   sentence saying so is likely the one the page was found by (a record dated 2026-09-29 that says
   "9월 29일 …"); it is chosen for the snippet, not marked (it may be another year's) */
function yearless(t) {
  const m = /^[0-9]{4}-([0-9]{2})(?:-([0-9]{2}))?$/.exec(t);
  return m ? (+m[1]) + "월" + (m[2] ? (+m[2]) + "일" : "") : "";
}

/* Where a word of a sentence holds `t` (two syllables) as a snippet marks it: the word starts with it,
   or the word's stem holds it, or the word read uncut (nounWhole: the 회의 of 사례회의; not a verb form
   in 지도 before 않다, `verb`: predicateStarts), at each of those */
function shortAt(run, t, verb = false) {
  const out = run.startsWith(t) ? [0] : [];
  const held = !verb && nounWhole(run) ? run : stem(run);
  for (let at = held.indexOf(t); at >= 0; at = held.indexOf(t, at + 1)) out.push(at);
  return out;
}

/* Whether a word of `s` holds `t` (two syllables) as a snippet marks it (shortAt) */
function writesShort(s, t) {
  const verbs = predicateStarts(s);
  for (const m of s.matchAll(/[\uAC00-\uD7A3]+/g)) {
    if (shortAt(m[0], t, verbs.has(m.index)).length) return true;
  }
  return false;
}

/* The page's sentence that holds the most of the query (null: none holds any of it), with how
   much it holds and whether it holds every typed word */
function bestOf(sentences, words) {
  let best = null, bestScore = 0, score = 0, all = false;
  sentences.forEach((s, i) => {
    /* each word by its weight (search: how rare its terms are), so that of two sentences holding one
       word each, the one holding the word that found the page shows (가계부 of "가계부 쓰기", not 쓰기) */
    const got = wordScores(s, words), sum = got.reduce((a, b, k) => a + b * (words[k].weight || 1), 0);
    const ranked = sum - i * 0.001; /* earlier sentences are the record's own fields */
    if (ranked > bestScore) { best = s; bestScore = ranked; score = sum; all = got.every(x => x >= 1); }
  });
  return { best, score, all };
}

function bestSentence(sentences, words) {
  return bestOf(sentences, words).best;
}

function snippet(sentences, words, best = bestSentence(sentences, words)) {
  if (best === null) return sentences.length ? escapeHTML(sentences[0]) : "";  /* the page's first sentence */
  /* mark the typed stems and, for a compound written apart on the page, its parts; and the
     words of the sentence that are a form of a typed verb (어려워한다 for 어렵다), or that are a
     typed one-syllable word with its particle (빚을, 빚 for 빚; not 빚독촉, whose terms are 빚독 독촉:
     a lone syllable is never marked inside another word; a key of two syllables too, 끊다 of 끊음 or
     없다 typed: 끊은 and 끊었고 for 끊음, 없음 for 없다) */
  /* (a word's own terms, not those of its other names, 긴급복지 of 긴급지원, whose bigrams apart, 복지 of
     행정복지센터, are no match: the other names are marked whole, `names`) */
  const own = w => (w.readings ? w.readings[0] : w.terms);
  /* (and a word that has other names, 주민센터, 긴급지원, is marked whole too, not by its own bigrams
     apart: the 주민 of 주민등록, the 지원 of 학습지원) */
  const whole = w => (w.names && w.names.length ? [] : own(w));
  const key = (w, g) => g.length === 1 && own(w).includes(g[0])
    && (g[0].length > 2 || (g[0].length === 2 && (lemma(w.stem, false) === g[0] || lemma(w.stem, true) === g[0])));
  const keys = new Set(words.filter(w => !w.count).flatMap(w => w.groups.filter(g => key(w, g)).map(g => g[0])
    .concat(w.date ? [] : own(w).concat(w.names || []).filter(t => t.length === 1 && HANGUL.test(t)))));
  const forms = keys.size ? words_of(best).filter(x => wordTerms(x).some(t => keys.has(t))) : [];
  if (keys.size) forms.push(...giWords(best).filter(([, k]) => keys.has(k)).map(([x]) => x));  /* 울기도 (하고) for 울었다 */
  /* (not a term across two words, "용 센": the compound written apart is marked whole, `apart` below) */
  const all = [...new Set([...words.filter(w => !w.date && !w.count).flatMap(w => [w.word, w.stem, ...whole(w), ...(w.names || [])])
    .filter(s => s.length > 1 && !(manifest.across && s.includes(manifest.across))), ...forms])];
  /* two syllables (a word typed, 동의, 근로, or a part of a longer one, 동의 of 동의서) only in a
     word of the sentence that starts with them or whose stem holds them: 동의를, 재동의, 자활근로;
     not the 동의 of 아동의 (아동 + 의), where the index does not meet it either */
  const short = new Set(all.filter(m => TWO_SYLLABLES.test(m)));
  const marks = all.filter(m => !short.has(m) && !LATIN_EDGE.test(m)).sort((a, b) => b.length - a.length);
  /* a word of letters and digits where it stands as a run of its own: ID of "ID나", not the id of outside */
  const runs = all.filter(m => !short.has(m) && LATIN_EDGE.test(m)).sort((a, b) => b.length - a.length);
  /* a typed compound's stem written apart on the page (가정방문: 가정 방문, 정신건강복지센터: 정신건강
     복지센터) is one match, as its bigrams on each side of the space found it: a space may stand
     where two syllables or more are on each side (the parts are marked alone where they stand alone) */
  const apart = new Set(words.filter(w => !w.date).flatMap(w => [w.stem, ...(w.names || [])])
    .filter(m => m.length >= 4 && HANGUL.test(m)));
  const pattern = m => (apart.has(m)
    ? [...m].map((c, i) => (i >= 2 && i <= m.length - 2 ? " ?" : "") + c).join("")
    : m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const spans = [];  /* [start, end) of each mark, in the sentence as it stands */
  if (marks.length) {
    for (const m of best.matchAll(new RegExp(marks.map(pattern).join("|"), "gi"))) spans.push([m.index, m.index + m[0].length]);
  }
  if (runs.length) {
    for (const m of best.matchAll(new RegExp("(^|[^0-9A-Za-z])(" + runs.map(escapeRegExp).join("|") + ")(?![0-9A-Za-z])", "gi"))) {
      spans.push([m.index + m[1].length, m.index + m[0].length]);
    }
  }
  if (short.size) {
    const verbs = predicateStarts(best);
    for (const m of best.matchAll(/[\uAC00-\uD7A3]+/g)) {
      for (const t of short) for (const at of shortAt(m[0], t, verbs.has(m.index))) spans.push([m.index + at, m.index + at + 2]);
    }
  }
  /* and the dates of the sentence a typed date holds, where they stand (2026-03-04 and 3월 for 3월;
     not the 2월 of 12월 for 2월) */
  const want = new Set(words.filter(w => w.date || w.count).flatMap(w => w.terms));
  if (want.size) {
    for (const m of best.matchAll(DATES)) {
      if (dayTerms(dateOf(m)).some(t => want.has(t))) spans.push([m.index + m[1].length, m.index + m[0].length]);
    }
  }
  /* and a day, a week or a month named from today where the sentence names it so (오늘, 어제는, 이번 달에;
     not 오늘날, 어제오늘: as a query reads it) */
  const named = new Set(words.filter(w => w.relative).map(w => w.word.replace(" ", "")));
  if (named.size) {
    for (const m of best.matchAll(RELATIVE)) {
      const end = m.index + m[0].length, tail = best.slice(end).match(TAIL);
      if (named.has(m[2].replace(" ", "")) && (!tail || dateTail(tail[0]))) spans.push([m.index + m[1].length, end]);
    }
  }
  /* and where the sentence goes on from the word being typed (kim.s of kim.sw, 어머니 of 어먼) */
  for (const [ways, before] of [[words.flatMap(w => w.prefixMarks || []), "0-9A-Za-z"],
                                 [words.flatMap(w => w.prefixStarts || []), "0-9A-Za-z\uAC00-\uD7A3"]]) {
    if (!ways.length) continue;
    for (const m of best.matchAll(new RegExp("(^|[^" + before + "])(" + ways.join("|") + ")", "gi"))) {
      spans.push([m.index + m[1].length, m.index + m[0].length]);
    }
  }
  /* and the runs joined by dots, underscores or hyphens a typed word is the joined form of (kim.sw
     for kimsw, 2026-0007 for 20260007: the index holds them joined) */
  const joinedWords = new Set(words.filter(w => !w.date && !w.count && !HANGUL.test(w.word)).flatMap(w => w.terms));
  if (joinedWords.size) {
    for (const m of best.matchAll(DOTTED)) {
      if (dottedTerms(m[2]).some(t => joinedWords.has(t))) spans.push([m.index + m[1].length, m.index + m[0].length]);
    }
    for (const m of best.matchAll(JOINED)) {
      if (!DATE.test(m[2]) && joined(m[2]).some(t => joinedWords.has(t))) spans.push([m.index + m[1].length, m.index + m[0].length]);
    }
  }
  /* and the counts of the sentence a typed count is (4인 of 4인 가구; not the 인 of 1인) */
  const counted = new Set(words.filter(w => w.count).map(w => w.groups[0][0]));
  if (counted.size && counts().page !== null) {
    for (const m of best.matchAll(counts().page)) {
      const term = countTerm(m);
      if (counted.has(term) || (m[4] && counted.has(term.slice(0, -1)))) {
        spans.push([m.index + m[1].length, m.index + m[0].length - (m[4] && !counted.has(term) ? 1 : 0)]);
      }
    }
    for (const m of best.matchAll(counts().periodPage)) {
      if (counted.has(periodCount(m))) spans.push([m.index + m[1].length, m.index + m[0].length - (m[5] ? 1 : 0)]);
    }
  }
  /* the marks that overlap or touch as one, every part of the text escaped */
  spans.sort((a, b) => a[0] - b[0]);
  let out = "", at = 0, open = -1;
  for (const [start, end] of spans) {
    if (open >= 0 && start <= at) { at = Math.max(at, end); continue; }
    if (open >= 0) out += "<mark>" + escapeHTML(best.slice(open, at)) + "</mark>";
    out += escapeHTML(best.slice(at, start));
    open = start; at = end;
  }
  if (open >= 0) out += "<mark>" + escapeHTML(best.slice(open, at)) + "</mark>";
  return out + escapeHTML(best.slice(at));
}

/* A text fragment (`#:~:text=`) naming the sentence a result shows: casekit.js adds it to the
   result's link when it is followed, and the browser opens the page scrolled to that sentence and
   highlighted (Chromium, Safari 16.1+, Firefox 131+; others open the page at its top, as before).
   Whole words only: a sentence cut at 160 characters ends in "…" after a part of a word that the
   page does not hold there; a long sentence is named by its first and last words. */
const FRAGMENT_END = 40;  /* characters of each end of a long sentence */
const VALUES = /^([^:.!?]{1,20}): (?:.* · )?(.+)$/;  /* a field's label and its short values (search_index.values) */
function fragment(sentence) {
  if (!sentence) return "";
  sentence = sentence.replace(NODATE, "");
  const part = t => encodeURIComponent(t).replace(/-/g, "%2D");
  /* `목표일: 2026-10-31 · 2026-11-30`, the label and its values as the page has them apart: from the
     label to the last value (a sentence of the page written so is named as well) */
  const field = VALUES.exec(sentence);
  if (field && !sentence.endsWith("…")) return "#:~:text=" + part(field[1]) + "," + part(field[2]);
  const words = sentence.split(" ");
  if (sentence.endsWith("…")) words.pop();
  const text = words.join(" ");
  if (!text) return "";
  if (text.length <= 2 * FRAGMENT_END || words.length < 2) return "#:~:text=" + part(text);
  let start = words[0], end = words[words.length - 1];
  for (let i = 1; i < words.length && start.length + 1 + words[i].length <= FRAGMENT_END; i++) start += " " + words[i];
  for (let i = words.length - 2; i >= 0 && end.length + 1 + words[i].length <= FRAGMENT_END; i--) end = words[i] + " " + end;
  return "#:~:text=" + part(start) + "," + part(end);
}

function words_of(text) {
  return text.normalize("NFKC").match(/[\uAC00-\uD7A3]+/g) || [];
}

/* --- the word being typed: the start of a term ----------------------------------------------------
   The last word of a query with no space after it is still being typed (k, kim.s, 2026-000, and
   Hangul mid-syllable: 어먼 on the way to 어머니, 주걱 to 주거급여, 병워 to 병원): besides its own terms,
   it is looked for as the start of the index's terms, from the terms in order (`v-<n>.json`: the
   manifest's `vocab` holds the first term of each file; a binary search there and in the file finds
   a range, never a scan of every term). A page holding the word itself ranks above one holding only
   a term it starts (PREFIX_GAIN, PREFIX_COVER). */
const PREFIX_TERMS = 12;   /* terms a range gives, the most pages first */
const PREFIX_FILES = 4;    /* files of terms a range may read (a range wider is read from its start) */
const PREFIX_GAIN = 0.5, PREFIX_COVER = 0.9;
const JAMO = /[\u3131-\u314E]$/;
const LAST_RUN = /(?:^|[^0-9A-Za-z._-])([0-9A-Za-z]+(?:[-._][0-9A-Za-z]+)*[-._]?)$/;
const LAST_HANGUL = /([0-9]*)([\uAC00-\uD7A3]+)([\u3131-\u314E]?)$/;
const HANGUL_END = "\uD7A3";

function firstAtLeast(list, t, step = 1) {  /* the first index (of every `step`-th item) not below t */
  let lo = 0, hi = list.length / step;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid * step] < t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* The terms from lo (included) to hi (excluded), with their page counts */
async function termsBetween(lo, hi) {
  const firsts = manifest.vocab || [];
  if (!firsts.length || lo >= hi) return [];
  const from = Math.max(0, firstAtLeast(firsts, lo) - (firsts[firstAtLeast(firsts, lo)] === lo ? 0 : 1));
  const to = Math.min(firstAtLeast(firsts, hi), from + PREFIX_FILES);
  const files = await Promise.all([...Array(Math.max(0, to - from)).keys()].map(n => fetchJSON("v-" + (from + n) + ".json")));
  const out = [];
  for (const flat of files) {
    if (!flat) continue;
    for (let i = firstAtLeast(flat, lo, 2) * 2; i < flat.length && flat[i] < hi; i += 2) out.push([flat[i], flat[i + 1]]);
  }
  return out;
}

/* The ways the word being typed may go on: [terms a page holds already, lo, hi, what to mark] each;
   a term between lo and hi completes it. */
/* The query in NFKC, a consonant typed alone as the keyboard types it (NFKC makes ㄱ the conjoining
   U+1100, and 주ㄱ was read as 주 and nothing) */
function typedText(query) {
  return query.normalize("NFKC").replace(/[\u1100-\u1112]/g, c => INITIALS[c.charCodeAt(0) - 0x1100]);
}

function prefixPatterns(query, last = null, finished = false) {
  if (/\s$/.test(query)) return [];
  const text = typedText(query);
  if (last && last.count && text.endsWith(last.word)) {  /* 30만 원, 3개: the start of a count, its counter typed apart or not */
    const term = last.groups[0][0];
    return [{ exact: [], lo: term, hi: term + "\uFFFF", mark: last.word.split(" ").map(escapeRegExp).join(" ?") }];
  }
  const run = LAST_RUN.exec(text);
  if (run && finished && /^[0-9]+$/.test(run[1])) return [];  /* (0003: held as written) */
  if (run) {  /* k, kim.s, 2026-000, 202: the start of a term of letters and digits, as joined */
    /* (digits joined by dots or underscores, 1.5, 1.6.: as written, as the index holds them, dottedTerms;
       joined, 1.5 was the start of 15, 15세, 15곳) */
    const asWritten = /^[0-9]+(?:[._][0-9]*)+$/.test(run[1]);
    const typed = asWritten ? run[1] : run[1].replace(/[-._]$/, "");
    const key = asWritten ? typed : typed.toLowerCase().split(/[-._]/).join("");
    if (!key || DATE_RUN.test(typed)) return [];
    return [{ exact: [], lo: key, hi: key + "\uFFFF", mark: escapeRegExp(typed) }];
  }
  const m = LAST_HANGUL.exec(text);
  if (!m || (finished && !m[1] && !m[3])) return [];
  const number = m[1], word = m[2], next = m[3];
  /* (a particle written onto a run of letters or digits, ID나, 119나, is the start of no word: runParticles) */
  if (!next && (manifest.run_particles || []).includes(word) && (number || /[0-9A-Za-z]$/.test(text.slice(0, m.index)))) return [];
  /* (a particle typed apart, 을, 은 는 이 가, is the start of no word looked for: 을 marked 이<mark>으려</mark>면) */
  if (!number && !next && manifest.alone_nothing.includes(word) && text.slice(0, text.length - word.length).match(/(^|[^\uAC00-\uD7A3])$/)) return [];
  if (number) {  /* 3개 on the way to 3개월: the start of a count */
    return [{ exact: [], lo: number + word, hi: number + word + "\uFFFF", mark: escapeRegExp(number) + " ?" + escapeRegExp(word) }];
  }
  const out = [];
  /* the syllables before, then a syllable between a and b starting the rest */
  const add = (before, a, b) => {
    const last = before.slice(-1);
    /* (a syllable alone, 나 on the way to 나이, 죽 of 주ㄱ, is marked only where a word starts with it:
       not the 나 of 경로당이나, the 낮 of 낮음 for 나) */
    out.push({ exact: before.length >= 2 ? bigrams(before) : [], lo: last + a, hi: last + b + "\uFFFF",
               mark: escapeRegExp(before) + "[" + a + "-" + b + "]", start: !before });
  };
  const startsWith = initial => [syllable(initial, 0, 0), syllable(initial, 20, 27)];
  if (next) {  /* 주거급ㅇ: a consonant typed alone starts the next syllable, or ends the last (주ㄱ: 죽) */
    const initial = INITIALS.indexOf(next);
    if (initial >= 0) add(word, ...startsWith(initial));
    const [i, v, f] = parts(word[word.length - 1]), final = FINALS.indexOf(next);
    if (!f && final > 0) { const s = syllable(i, v, final); add(word.slice(0, -1), s, s); }
    return out.filter(p => p.lo < p.hi);
  }
  const before = word.slice(0, -1), [i, v, f] = parts(word[word.length - 1]);
  if (f) {  /* 어먼, 주걱, 엄: its final may be the next syllable's first consonant (ㄺ: ㄹ stays, ㄱ goes) */
    const [kept, moved] = SPLIT_FINALS[FINALS[f]] || ["", FINALS[f]];
    const initial = INITIALS.indexOf(moved);
    if (initial >= 0) add(before + syllable(i, v, FINALS.indexOf(kept)), ...startsWith(initial));
    for (const [pair, joined] of Object.entries(JOINED_FINALS)) {  /* 달 on the way to 닭 */
      if (pair[0] === FINALS[f]) { const s = syllable(i, v, FINALS.indexOf(joined)); add(before, s, s); }
    }
    if (!before) add("", word, word);  /* 엄: 엄마 */
  } else {  /* 병워, 병우: the syllable may take a final, or its vowel another (ㅜ+ㅓ) */
    const vowels = [v].concat(Object.entries(JOINED_VOWELS).filter(([pair]) => pair[0] === VOWELS[v]).map(([, j]) => VOWELS.indexOf(j)));
    for (const x of vowels) add(before, syllable(i, x, 0), syllable(i, x, 27));
  }
  return out.filter(p => p.lo < p.hi);
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/* The word being typed, with the groups its ways on give (each: the terms before and one term a
   page may go on with), or null */
async function typing(query, words, finished = false) {
  const patterns = prefixPatterns(query, words.length ? words[words.length - 1] : null, finished);
  if (!patterns.length) return null;
  const own = new Set(words.flatMap(w => w.terms));
  const groups = [], terms = new Set();
  const found = await Promise.all(patterns.map(p => termsBetween(p.lo, p.hi)));
  patterns.forEach((p, k) => {
    const best = found[k].filter(([t]) => !own.has(t)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, PREFIX_TERMS);
    for (const [t] of best) {
      groups.push([...new Set(p.exact.concat([t]))]);
      for (const x of p.exact) terms.add(x);
      terms.add(t);
    }
  });
  return groups.length ? { groups, terms: [...terms], marks: patterns.filter(p => !p.start).map(p => p.mark),
                           starts: patterns.filter(p => p.start).map(p => p.mark) } : null;
}

/* --- search ----------------------------------------------------------------------------------- */
/* The stems of the query's words that may be nouns whole (keptWhole: 회의, 제도) and that the index
   holds as terms: queryTerms looks for them whole only (their shards, which the search reads next) */
async function heldWhole(query) {
  const stems = [...new Set(words(query).filter(w => HANGUL.test(w)).map(stem).filter(keptWhole))];
  const shards = await Promise.all(stems.map(t => fetchJSON("t-" + shardOf(t, manifest.term_shards) + ".json")));
  return new Set(stems.filter((t, i) => shards[i] && shards[i][t] && shards[i][t].length));
}

/* The words of a query typed with - before them (긴급지원 -주거: the pages of 긴급지원 that do not hold
   주거) and with + (주거 +긴급지원: only the pages holding 긴급지원), as Material's own search box reads
   them; the query without the words excluded (and without the +), and the entries of each */
function operators(query, today) {
  const exclude = [], require = [];
  const text = query.normalize("NFKC").replace(/(^|\s)([-+])(?=[^\s+-])(\S+)/g, (m, space, sign, word) => {
    (sign === "-" ? exclude : require).push(word);
    return sign === "-" ? space : space + word;
  });
  const entries = words => words.flatMap(w => queryTerms(w, today)).filter(w => w.terms.length);
  return { text, exclude: entries(exclude), require: entries(require) };
}

async function search(query, stale = () => false) {
  const ops = operators(query, localToday());
  query = ops.text;
  const words = queryTerms(query, localToday(), await heldWhole(query));
  words.ops = ops;
  /* a syllable with a consonant typed after it (주ㄱ, 긴급지ㅇ: the keyboard mid-syllable) is only the
     start of a word: not looked for as it stands (주ㄱ found the 주 of "주 2회" on 16 pages) */
  const partial = JAMO.test(typedText(query)) && words.length
    && typedText(query).slice(0, -1).endsWith(words[words.length - 1].word) ? words[words.length - 1] : null;
  if (partial) Object.assign(partial, { partial: true, groups: [], terms: [], readings: [[]], names: [] });
  const hits = words.some(w => w.terms.length) ? await rank(words) : null;
  if (stale()) return null;  /* (a later query came while its terms were fetched: no more work for this one) */
  /* the word being typed, looked for as the start of terms too when the query finds less than a
     screen as it is (주거 지원 typed: no term more fetched before its first results) */
  if (!partial && ((hits && hits.ranked.length >= FIRST_SCREEN) || (words.length && words[words.length - 1].date))) return hits;
  /* (a word that says nothing of what is looked for, typed last after others, is left out whole, not looked
     for as the start of terms: 했다 of `울기도 했다` found every page of 했다) */
  const lastRun = typedText(query).trim().split(/\s+/).pop() || "";
  if (!partial && HANGUL.test(lastRun) && (manifest.function_words || []).includes(stem(lastRun))
      && words.length && !words.some(w => w.word === lastRun)) return hits;
  /* (a word of Hangul typed whole, that a page holds as it is, is finished: not a syllable on its way to
     another, 아내 to 아낼 of 알아낼, 지도 to 지되 of 유지되도록) */
  /* (a number typed whole that a page holds as written is finished too: 0003 is not the start of the
     0003456 of 02-000-3456, a phone number's parts joined; nor is a word of one syllable after other
     words that a page holds with them all: 나 of "고장 나" is not on its way to 낮, 낱) */
  const last = words.length ? words[words.length - 1] : null;
  const holdsAll = r => words.every(w => held(w, hits.matched.get(r.doc), null) >= 1);
  const finished = last !== null && !last.count && hits !== null && !last.partial
    && ((HANGUL.test(last.word) && last.word.length >= 2) || /^[0-9]+$/.test(last.word)
        || (HANGUL.test(last.word) && words.length >= 2 && hits.ranked.some(holdsAll)))
    && hits.ranked.some(r => held(last, hits.matched.get(r.doc), null) >= 1);
  const typed = await typing(query, words, finished);
  if (stale()) return null;
  if (typed) {  /* the last word, being typed: the typed word's entry, or one of its own (k: no term alone) */
    const run = query.normalize("NFKC").trim().split(/\s+/).pop().toLowerCase();
    const mine = last && !last.date && (run.endsWith(last.word) || last.word.endsWith(run) || run.startsWith(last.word))
      ? last : null;
    const entry = mine || { word: run, stem: run, terms: [], groups: [] };
    entry.prefix = typed.groups;
    entry.prefixTerms = typed.terms;
    entry.prefixMarks = typed.marks;
    entry.prefixStarts = typed.starts;
    if (!mine) words.push(entry);
    return rank(words);
  }
  return hits;
}

/* What a page holds whole of the query: each compound typed joined, all of its own bigrams (위기개입:
   위기 기개 개입, not only 위기 and 개입 apart), and each two nouns typed apart, the bigram across them as
   a page writing them joined holds it (위기 개입: 기개), besides the two words. [terms, words] each. */
function wholes(words) {
  const out = [];
  const noun = w => w && !w.date && !w.count && !w.prefix && HANGUL.test(w.stem) && w.stem.length >= 2;
  words.forEach((w, i) => {
    if (noun(w) && w.stem.length >= 4 && lemma(w.stem) === null && w.groups[0] && w.groups[0].length >= 3) {
      out.push([w.groups[0], [w]]);
    }
    const next = words[i + 1];
    if (noun(w) && noun(next) && lemma(w.stem) === null) {
      const across = w.stem.slice(-1) + next.stem[0];
      if (!w.terms.includes(across) && !next.terms.includes(across)) out.push([[across], [w, next]]);
    }
  });
  return out;
}

/* The pages holding the query's words, best first: those holding more of the query whole (a compound
   or two nouns as one: `wholes`) before those holding only its parts, then by score */
async function rank(words) {
  const whole = wholes(words), ops = words.ops || { exclude: [], require: [] };
  const all = [...new Set(words.flatMap(w => w.terms.concat(w.prefixTerms || [])).concat(whole.flatMap(([ts]) => ts))
    .concat(ops.exclude.flatMap(w => w.terms), ops.require.flatMap(w => w.terms)))];
  const shards = await Promise.all(
    all.map(t => fetchJSON("t-" + shardOf(t, manifest.term_shards) + ".json")));
  const N = manifest.docs;
  const idf = new Map(), post = new Map();
  all.forEach((t, i) => {
    const list = (shards[i] && shards[i][t]) || [];
    post.set(t, list);
    const df = list.length / 2;
    idf.set(t, Math.log(1 + (N - df + 0.5) / (df + 0.5)));
  });
  for (const w of words) {  /* a word's weight for the snippet: the mean idf of its written form's terms */
    const ts = (w.groups && w.groups[0] && w.groups[0].length ? w.groups[0] : w.terms).filter(t => idf.has(t));
    w.weight = ts.length ? ts.reduce((a, t) => a + idf.get(t), 0) / ts.length : 1;
  }
  /* a page's score: for each typed word, what its own forms' terms add (돌봄 and 돌보다 both: a page
     writing 돌봄 and 돌봐 holds more of 돌봄과) or what one of its other names' terms add, whichever is
     more (애도 is also 애 + 도, and 애 looks for 아이, 아동, 자녀: added up, a child's case holding the
     three scored as the case of 애도 상담) */
  const gains = new Map();  /* doc -> Map term -> what the term adds to the page's score */
  const matched = new Map();  /* doc -> Set of matched terms */
  for (const t of all) {
    const list = post.get(t), w = idf.get(t);
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i];
      if (!gains.has(doc)) { gains.set(doc, new Map()); matched.set(doc, new Set()); }
      gains.get(doc).set(t, w * list[i + 1] / 100);
      matched.get(doc).add(t);
    }
  }
  /* a noun of three syllables (its own, or another name's: 배우자 for 남편) is held by a page only whole,
     not by one of its two bigrams: 배우자 (배우 우자) is no word of "운동을 배우기 시작함", 청소년 none of
     "청소를" (where no page held it whole, a page holding a part was a result).
     One of four syllables or more is held only whole, joined or apart as its split groups say (복지 센터
     for 복지센터), where some page holds it so; where none does, by two of its bigrams at least (고혈압 약
     for 고혈압약), never by one: that is a word of two syllables of its own (고용 of 고용센터, 검사 of
     치매검사), and a page holding it alone held a third of the word and was a result. Another name of
     four syllables or more (국민취업지원제도 for 국취) is held only whole, always: a name, not its parts
     (취업, 지원, 제도) */
  const three = g => g.length === 2 && g[0].length === 2 && g[1].length === 2 && g[0][1] === g[1][0] && HANGUL.test(g[0] + g[1]);
  /* (a compound as written apart, 동의 서 for 동의서, 고용 센터 for 고용센터: its parts side by side, never
     the parts anywhere on the page: held only whole, as a noun of three syllables is) */
  const apart = g => manifest.across && g.some(t => t.includes(manifest.across));
  const anyWhole = g => [...matched.values()].some(have => g.every(t => have.has(t)));
  const whole3 = new Map(), least = new Map();
  for (const w of words) {
    const only = new Set();
    if (w.noun) {
      const named = new Set((w.names || []).flatMap(name => wordGroups(name).filter(g => g.length >= 3).map(g => g.join(" "))));
      const long = w.stem.length >= 4 ? w.groups.filter(g => g.length >= 2 && !named.has(g.join(" "))) : [];
      for (const g of w.groups) {
        if (named.has(g.join(" ")) || ((three(g) || apart(g)) && !long.includes(g))) only.add(g);
      }
      if (long.some(anyWhole)) for (const g of long) only.add(g);
      else if (long.length) least.set(w, 2);
    }
    whole3.set(w, only);
  }
  const ranked = [];
  for (const [doc, gain] of gains) {
    const have = matched.get(doc);
    /* (-주거: no page holding it; +주거: only those holding it) */
    if (ops.exclude.some(w => held(w, have, null) >= 1) || ops.require.some(w => held(w, have, null) < 1)) continue;
    let cover = 0, score = 0, some = false, all = true;
    for (const w of words) {
      const own = held(w, have, idf, whole3.get(w), least.get(w) || 0);
      let best = 0;
      for (const r of own > 0 ? w.readings || [w.terms] : []) {  /* (a word it does not hold adds nothing) */
        let sum = 0;
        for (const t of r) sum += gain.get(t) || 0;
        if (sum > best) best = sum;
      }
      if (own === 0 && w.prefix) {  /* held only by a term it starts (every term of a way on): below the pages holding it */
        for (const g of w.prefix) {
          if (!g.every(t => have.has(t))) continue;
          let sum = 0;
          for (const t of g) sum += gain.get(t) || 0;
          if (PREFIX_GAIN * sum > best) best = PREFIX_GAIN * sum;
        }
        if (best > 0) { cover += PREFIX_COVER; some = true; } else all = false;
      } else {
        if (own < (w.count ? 0.5 : 1)) all = false;
        cover += own;
        if (own > 0 && (!w.weak || w.terms.some(t => have.has(t) && !w.weak.has(t)))) {
          some = true;  /* (not by the bigrams of its ending alone: endingBigrams) */
        }
      }
      score += best;
    }
    if (!some) continue;  /* (a page holding a part of a way on only) */
    cover /= words.length;
    let heldWhole = 0;
    for (const [ts, ws] of whole) {
      if (ts.every(t => have.has(t)) && ws.every(w => held(w, have, idf) >= 1)) heldWhole++;
    }
    ranked.push({ doc, score: score * (0.1 + 0.9 * cover * cover), cover, whole: heldWhole, all: all ? 1 : 0 });
  }
  /* a page holding every word typed before one holding some of them, however often (자활센터 초기상담에
     동행했다: the record that says so before the page of the centre, which says 자활센터 and 동행 often) */
  ranked.sort((a, b) => b.all - a.all || b.whole - a.whole || b.score - a.score || a.doc - b.doc);
  return { words, matched, ranked };
}

function item(location, title, text, r, words, matched) {
  const terms = {};
  const have = matched.get(r.doc);
  for (const w of words) terms[w.word] = w.terms.concat(w.prefixTerms || []).some(t => have.has(t));
  /* the title marked as a snippet is (kim.sw on its worker's page, 2026-0005 on its case's), escaped */
  return [{ location, title: title ? snippet([title], words, title) : "", text, score: r.score, terms }];
}

/* The pages of ranked hits with a sentence each (the kept sentence holding the most of the query;
   when none holds all of it and the page has more, the best of all its sentences, from its rest
   shard: `rests`, for the first screen once it is shown), as Material's result items:
   [[{location, title, text, score, terms}]] */
async function items({ words, matched, ranked, query }, rests = false) {
  const per = manifest.docs_per_shard;
  const need = [...new Set(ranked.map(r => Math.floor(r.doc / per)))];
  const got = new Map(), rest = new Map();
  await Promise.all(need.map(async n => got.set(n, await fetchJSON("d-" + n + ".json"))));
  const hits = [];
  for (const r of ranked) {
    const shard = got.get(Math.floor(r.doc / per));
    const entry = shard && shard[r.doc % per];
    if (entry) hits.push({ r, entry, found: bestOf(entry[2], words) });
  }
  /* (a 1 after the kept sentences: the page has others, in the rest shard of the same number) */
  const short = rests ? hits.filter(h => h.entry[3] && !h.found.all) : [];
  await Promise.all([...new Set(short.map(h => Math.floor(h.r.doc / per)))].map(async n => {
    rest.set(n, await fetchJSON("r-" + n + ".json"));
  }));
  const out = [];
  for (const { r, entry, found } of hits) {
    const [location, title, kept] = entry;
    const more = rest.get(Math.floor(r.doc / per));
    const others = (more && more[r.doc % per]) || [];
    let best = found.best;
    if (others.length && !found.all) {
      const better = bestOf(others, words);
      if (better.best !== null && better.score > found.score) best = better.best;
    }
    const at = fragment(best);
    /* the fragment rides in the teaser (a location with "#" would be shown as a section of a page),
       and the query the result answers (casekit.js shows a result only while the box holds it) */
    const text = '<span class="ck-at" data-ck-q="' + escapeHTML(query) + '"' + (at ? ' data-ck-at="' + escapeHTML(at) + '"' : "")
      + "></span>" + snippet(kept, words, best);
    out.push(item(location, title, text, r, words, matched));
  }
  return out;
}

/* Whether sentence `s` holds the words typed one after another, as typed (each word's stem, the
   rest of a word and a space between: "자활센터 초기상담에 동행했다." for 자활센터 초기상담에 동행했다) */
function phraseIn(s, words) {
  const stems = words.filter(w => !w.date && !w.count && !w.partial && !w.prefix && w.stem).map(w => w.stem.toLowerCase());
  if (stems.length < 2 || stems.length !== words.length) return false;
  return new RegExp(stems.map(escapeRegExp).join("[\uAC00-\uD7A3]*[^\uAC00-\uD7A30-9A-Za-z]{0,3}")).test(s.normalize("NFKC").toLowerCase());
}

/* The first screen of ranked hits, the pages whose one sentence holds the query as typed first, then
   those whose one sentence holds every word of it, then the others, each as `rank` put them: a page
   holding the words apart (the centre's page: 자활센터 ... 동행하면) after the record that says it. The
   sentences are the kept ones of the doc shards the first screen is shown with; with `rests`, where
   they hold not the query as typed, a long page's other sentences too (its rest shard: a query of two
   words or more reads it before its first results, if it comes within SETTLE_WAIT). */
const SETTLE_WAIT = 300;  /* ms a query of two words or more waits for its first screen's rest shards */
async function settle(hits, rests = false) {
  if (hits.words.length < 2) return hits;
  const per = manifest.docs_per_shard, screen = hits.ranked.slice(0, FIRST_SCREEN);
  const got = new Map(), rest = new Map();
  const shards = [...new Set(screen.map(r => Math.floor(r.doc / per)))];
  await Promise.all(shards.map(async n => got.set(n, await fetchJSON("d-" + n + ".json"))));
  const entry = r => { const shard = got.get(Math.floor(r.doc / per)); return (shard && shard[r.doc % per]) || null; };
  const tierOf = sentences => (sentences.some(x => phraseIn(x, hits.words)) ? 2 : bestOf(sentences, hits.words).all ? 1 : 0);
  const tier = new Map(screen.map(r => [r, tierOf(entry(r) ? [entry(r)[1]].concat(entry(r)[2]) : [])]));  /* (its title too) */
  const more = rests ? screen.filter(r => tier.get(r) < 2 && entry(r) && entry(r)[3]) : [];
  /* (waited for SETTLE_WAIT at most: a slow rest shard delays no first result, the kept order stands) */
  await Promise.race([Promise.all([...new Set(more.map(r => Math.floor(r.doc / per)))].map(async n => rest.set(n, await fetchJSON("r-" + n + ".json")))),
                      new Promise(done => setTimeout(done, SETTLE_WAIT))]);
  for (const r of more) {
    if (!rest.has(Math.floor(r.doc / per))) continue;
    const others = (rest.get(Math.floor(r.doc / per)) || [])[r.doc % per] || [];
    tier.set(r, Math.max(tier.get(r), tierOf(entry(r)[2].concat(others))));
  }
  const order = screen.map((r, i) => [r, i]).sort(([a, i], [b, j]) => b.all - a.all || tier.get(b) - tier.get(a) || i - j);
  return { ...hits, ranked: order.map(([r]) => r).concat(hits.ranked.slice(FIRST_SCREEN)) };
}

/* Ranked hits by title only, from the head shards ([location, title] of many pages each). */
async function heads({ words, matched, ranked }) {
  const per = manifest.heads_per_shard;
  const need = [...new Set(ranked.map(r => manifest.heads_at + Math.floor(r.doc / per)))];
  const got = new Map();
  await Promise.all(need.map(async n => got.set(n, await fetchJSON("d-" + n + ".json"))));
  const out = [];
  for (const r of ranked) {
    const shard = got.get(manifest.heads_at + Math.floor(r.doc / per));
    const entry = shard && shard[r.doc % per];
    if (entry) out.push(item(entry[0], entry[1], "", r, words, matched));
  }
  return out;
}

/* A result not fetched yet: shown as "…" only if the list is scrolled before the next message. */
function pending(r) {
  return [{ location: "", title: "…", text: "", score: r.score, terms: {} }];
}

addEventListener("message", async ev => {
  const message = ev.data;
  if (message.type === SETUP) {
    manifest = (message.data && message.data.config && message.data.config.casekit) || null;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    /* Each query has its number (`seq`, in each answer with the query it answers): a query typed
       while another is searched supersedes it, whose work stops at its next step and whose answer
       is never sent; only the newest query's results are (and casekit.js hides results whose query
       is no longer the box's, should one cross a newer query on its way) */
    const mine = ++seq, query = String(message.data || "");
    const answer = list => postMessage({ type: RESULT, data: { items: list, query, seq: mine } });
    try {
      let hits = manifest ? await search(query, () => mine !== seq) : null;
      if (hits) hits = await settle(hits, true);
      if (!hits) {
        if (mine === seq) answer([]);
        return;
      }
      hits.query = query;
      /* the first screen as soon as its pages are known, every other match counted */
      const ranked = hits.ranked, screen = { ...hits, ranked: ranked.slice(0, FIRST_SCREEN) };
      const first = await items(screen);
      if (mine !== seq) return;
      answer(first.concat(ranked.slice(FIRST_SCREEN).map(pending)));
      /* then the first screen again, its long pages' sentences that hold the query fetched where the
         kept ones did not (never before the first results are shown), and the other results */
      const [better, more, rest] = await Promise.all([
        items(screen, true),
        items({ ...hits, ranked: ranked.slice(FIRST_SCREEN, SNIPPET_RESULTS) }),
        heads({ ...hits, ranked: ranked.slice(SNIPPET_RESULTS) }),
      ]);
      if (mine === seq && (ranked.length > FIRST_SCREEN || better.some((x, i) => x[0].text !== first[i][0].text))) {
        answer(better.concat(more, rest));
      }
    } catch (err) {
      console.warn("casekit search:", err);
      if (mine === seq) answer([]);
    }
  }
});
