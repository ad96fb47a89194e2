/**
 * Turning text into search terms, the same way for the index and for queries.
 *
 * A term is a lower-cased, accent-free run of letters and digits (2–32 chars).
 * Scripts written without spaces (Chinese, Japanese, Korean, Thai) have no word
 * runs to split on, so their runs become overlapping character pairs: a query
 * of two or more characters then finds them anywhere.
 *
 * Weights: a word in the title counts more than one in a byline, site or tag,
 * which counts more than one in the body; repeats count with diminishing
 * returns (1 + ln tf), so a long article does not win on length alone.
 */

export const MIN_TERM = 2;
export const MAX_TERM = 32;
/** Upper bound of terms indexed per article (the heaviest kept): bounds the cost of one save. */
export const MAX_TERMS_PER_ARTICLE = 6_000;

/** Words too common to narrow a search; skipped in the index and in queries. */
const STOP_WORDS = new Set(
  ('a an and are as at be but by for from has have he her his i if in into is it its of on or our she so that the their ' +
    'them then there these they this to was we were what when which who will with you your').split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const MARKS = /\p{M}+/gu;

export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** Every term of `text` in order (repeats kept). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of normalizeText(text).match(WORD) ?? []) {
    if (UNSPACED.test(run)) {
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
      if (run.length === 1) out.push(run);
      continue;
    }
    if (run.length < MIN_TERM || run.length > MAX_TERM || STOP_WORDS.has(run)) continue;
    out.push(run);
  }
  return out;
}

/** The fields of an article that search looks at. */
export interface SearchableFields {
  title: string;
  byline?: string | null;
  siteName?: string | null;
  siteKey?: string | null;
  tags?: readonly string[];
  body?: string;
  /** Highlight quotes and notes (the highlights issue). */
  notes?: string;
}

const BOOST = { title: 8, meta: 4, notes: 3, body: 1 } as const;

/** term → weight for one article, at most MAX_TERMS_PER_ARTICLE terms (the heaviest). */
export function termWeights(fields: SearchableFields): Map<string, number> {
  const counts = new Map<string, { title: number; meta: number; notes: number; body: number }>();
  const add = (text: string | null | undefined, field: keyof typeof BOOST) => {
    if (!text) return;
    for (const term of tokenize(text)) {
      let c = counts.get(term);
      if (!c) counts.set(term, (c = { title: 0, meta: 0, notes: 0, body: 0 }));
      c[field]++;
    }
  };
  add(fields.title, 'title');
  add([fields.byline, fields.siteName, fields.siteKey, ...(fields.tags ?? [])].filter(Boolean).join(' '), 'meta');
  add(fields.notes, 'notes');
  add(fields.body, 'body');
  const weights = new Map<string, number>();
  for (const [term, c] of counts) {
    let w = 0;
    for (const field of ['title', 'meta', 'notes', 'body'] as const) {
      if (c[field] > 0) w += BOOST[field] * (1 + Math.log(c[field]));
    }
    weights.set(term, Math.round(w * 100) / 100);
  }
  if (weights.size <= MAX_TERMS_PER_ARTICLE) return weights;
  return new Map([...weights].sort((a, b) => b[1] - a[1]).slice(0, MAX_TERMS_PER_ARTICLE));
}

/** A query's terms, each once, in the order typed. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query))];
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Every string one edit (delete, swap of neighbours, substitute, insert) away
 * from `term`: the candidates a typo-tolerant lookup checks against the index.
 */
export function oneEditAway(term: string): string[] {
  const letters = new Set(ALPHABET + term);
  const out = new Set<string>();
  for (let i = 0; i <= term.length; i++) {
    const head = term.slice(0, i);
    const tail = term.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const ch of letters) {
      if (tail) out.add(head + ch + tail.slice(1));
      out.add(head + ch + tail);
    }
  }
  out.delete(term);
  return [...out].filter((t) => t.length >= MIN_TERM);
}
