/* casekit: Korean search worker for Material for MkDocs' search box (no lunr, no eval).
 *
 * Speaks Material's worker protocol: SETUP (0) -> READY (1), QUERY (2) -> RESULT (3).
 * SETUP carries search/search_index.json: a manifest written by casekit.site.search_index,
 * with the particle and ending tables of casekit.site.search_ko. A query is cut into the same
 * terms as the pages were (stem, then Hangul bigrams); only the shards holding those terms and
 * the doc shards of the best pages are fetched, from this site, so the first result costs tens
 * of kilobytes whatever the size of the casebook.
 */
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const MAX_RESULTS = 20;
const FIRST_SCREEN = 10;  /* Material renders ten results before the list is scrolled */
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
const WORD = /[\uAC00-\uD7A3]+|[0-9A-Za-z]+/g;

function cut(word, tails, keep, keepShort) {
  for (const tail of tails) {
    if (word.endsWith(tail)) {
      const rest = word.length - tail.length;
      if (rest >= (tail.length === 1 ? keepShort : keep)) return word.slice(0, rest);
    }
  }
  return word;
}

function stem(word) {
  if (!HANGUL.test(word)) return word;
  word = cut(word, manifest.particles, 1, 2);
  return cut(word, manifest.endings, 2, 2);
}

function bigrams(word) {
  if (word.length < 2) return word ? [word] : [];
  const out = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

function wordTerms(word) {
  if (!HANGUL.test(word)) return word.length >= 2 ? [word] : [];
  const s = stem(word);
  if (s.length === 1 && manifest.short_particles.includes(s)) return [];
  if (s.length === 2 && manifest.short_particles.includes(s[1])) return [s, s[0]];  /* 약을, 아이 */
  return bigrams(s);
}

function queryTerms(query) {
  const words = (query.normalize("NFC").match(WORD) || [])
    .map(w => (HANGUL.test(w) ? w : w.toLowerCase()));
  const out = [];
  for (const w of words) {
    const ts = wordTerms(w);
    if (ts.length) out.push({ word: w, stem: stem(w), terms: [...new Set(ts)] });
  }
  return out;
}

function shardOf(term, shards) {
  let h = 0;
  for (let i = 0; i < term.length; i++) h = (Math.imul(h, 31) + term.charCodeAt(i)) >>> 0;
  return h % shards;
}

/* --- snippets: the page's own sentence that holds the most of the query ---------------------- */
function escapeHTML(s) {
  return s.replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function snippet(sentences, words) {
  let best = null, bestScore = 0;
  sentences.forEach((s, i) => {
    const lower = s.toLowerCase();
    let score = 0;
    for (const w of words) {
      const hits = w.terms.filter(t => lower.includes(t)).length / w.terms.length;
      score += lower.includes(w.stem) ? 1.5 : hits;
    }
    score -= i * 0.001; /* earlier sentences are the record's own fields */
    if (score > bestScore) { best = s; bestScore = score; }
  });
  if (best === null) return sentences.length ? escapeHTML(sentences[0]) : "";  /* the page's first sentence */
  /* mark the typed stems and, for a compound written apart on the page, its parts */
  const marks = [...new Set(words.flatMap(w => [w.stem, ...w.terms]))]
    .filter(s => s.length > 1).sort((a, b) => b.length - a.length);
  if (!marks.length) return escapeHTML(best);
  const re = new RegExp("(" + marks.map(m => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") + ")", "i");
  /* split the plain sentence (odd parts matched), escape every part, then wrap the matches */
  return best.split(re)
    .map((part, i) => (i % 2 ? "<mark>" + escapeHTML(part) + "</mark>" : escapeHTML(part)))
    .join("").replace(/<\/mark><mark>/g, "");
}

/* --- search ----------------------------------------------------------------------------------- */
async function search(query) {
  const words = queryTerms(query);
  if (!words.length) return null;
  const all = [...new Set(words.flatMap(w => w.terms))];
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
  const scores = new Map();   /* doc -> summed score */
  const matched = new Map();  /* doc -> Set of matched terms */
  for (const t of all) {
    const list = post.get(t), w = idf.get(t);
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i];
      scores.set(doc, (scores.get(doc) || 0) + w * list[i + 1] / 100);
      if (!matched.has(doc)) matched.set(doc, new Set());
      matched.get(doc).add(t);
    }
  }
  const ranked = [];
  for (const [doc, score] of scores) {
    const have = matched.get(doc);
    let cover = 0;
    for (const w of words) {
      let got = 0, want = 0;
      for (const t of w.terms) { want += idf.get(t); if (have.has(t)) got += idf.get(t); }
      cover += want ? got / want : 0;
    }
    cover /= words.length;
    ranked.push({ doc, score: score * (0.1 + 0.9 * cover * cover), cover });
  }
  ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return { words, matched, ranked: ranked.slice(0, MAX_RESULTS) };
}

/* The pages of ranked hits, as Material's result items: [[{location, title, text, score, terms}]] */
async function items({ words, matched, ranked }) {
  const per = manifest.docs_per_shard;
  const need = [...new Set(ranked.map(r => Math.floor(r.doc / per)))];
  const docShards = new Map();
  await Promise.all(need.map(async n => docShards.set(n, await fetchJSON("d-" + n + ".json"))));
  const out = [];
  for (const r of ranked) {
    const shard = docShards.get(Math.floor(r.doc / per));
    const entry = shard && shard[r.doc % per];
    if (!entry) continue;
    const [location, title, sentences] = entry;
    const terms = {};
    const have = matched.get(r.doc);
    for (const w of words) terms[w.word] = w.terms.some(t => have.has(t));
    out.push([{ location, title: escapeHTML(title), text: snippet(sentences, words),
                score: r.score, terms }]);
  }
  return out;
}

addEventListener("message", async ev => {
  const message = ev.data;
  if (message.type === SETUP) {
    manifest = (message.data && message.data.config && message.data.config.casekit) || null;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const mine = ++seq;
    try {
      const hits = manifest ? await search(String(message.data || "")) : null;
      if (!hits) {
        if (mine === seq) postMessage({ type: RESULT, data: { items: [] } });
        return;
      }
      /* the first screen (ten) as soon as its pages are known, then the rest */
      const first = await items({ ...hits, ranked: hits.ranked.slice(0, FIRST_SCREEN) });
      if (mine !== seq) return;
      postMessage({ type: RESULT, data: { items: first } });
      if (hits.ranked.length > FIRST_SCREEN) {
        const all = await items(hits);
        if (mine === seq) postMessage({ type: RESULT, data: { items: all } });
      }
    } catch (err) {
      console.warn("casekit search:", err);
      if (mine === seq) postMessage({ type: RESULT, data: { items: [] } });
    }
  }
});
