/**
 * WCXB's metrics, as bench-quality.ts scores every extraction: a bag of
 * lower-cased \w+ words against the page's main_content (precision, recall,
 * F1), and whether each `with` / `without` snippet is in the extraction.
 * Kept apart from the runner so the matching can be tested on its own.
 */

export function words(text: string): string[] {
  return text.toLowerCase().match(/\w+/g) ?? [];
}

export function prf(extracted: string, truth: string): { p: number; r: number; f: number } {
  const got = words(extracted);
  const want = words(truth);
  if (!got.length || !want.length) return { p: got.length || want.length ? 0 : 1, r: want.length ? 0 : 1, f: 0 };
  const bag = new Map<string, number>();
  for (const w of want) bag.set(w, (bag.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of got) {
    const n = bag.get(w) ?? 0;
    if (n > 0) { hit++; bag.set(w, n - 1); }
  }
  const p = hit / got.length;
  const r = hit / want.length;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** An extraction's words as one string, the haystack `snippetFound` searches. */
export const wordString = (text: string): string => words(text).join(' ');

/**
 * Whether `snippet` is in the extraction (`haystack` from wordString), matched
 * on its word sequence so spacing and punctuation do not count. WCXB cuts its
 * snippets at a character count, often inside a word ("…a supportive chair. We"
 * for "…chair. Well-designed"; "ng. Enough to…"): the snippet's first word may
 * be the end of a longer word and its last the start of one. Every word in
 * between must match whole. Until 2026-12-03 the ends had to match whole too,
 * and 6.4% of the article pages' `with` snippets were not found even in their
 * own ground truth.
 */
export function snippetFound(haystack: string, snippet: string): boolean {
  const w = words(snippet);
  if (w.length === 0) return false;
  if (w.length === 1) return ` ${haystack} `.includes(` ${w[0]} `);
  return haystack.includes(w.join(' '));
}
