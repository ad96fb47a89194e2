/**
 * Full-text search kept in IndexedDB: one posting per (term, article) under the
 * key [term, id], written in the same transaction as the article it indexes.
 *
 * Why not an in-memory engine: at 10,000 articles of 5–50 kB text the postings
 * number in the millions; MiniSearch holds them as JS Maps (several hundred MB
 * at that size, measured in docs/library.md) and must be loaded whole before
 * the first query. Here a query reads only the postings of its own terms, the
 * library page holds no index in memory, and a save updates the index
 * incrementally without ever rebuilding it.
 *
 * Matching: every query term must match (AND). A term matches the index term
 * itself, longer terms it is a prefix of (ranked lower), and, when neither
 * exists, terms one edit away (a typo; ranked lower still). Scores add each
 * matched posting's weight (utils/library/search-terms.ts) times the term's
 * rarity (idf).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { MIN_TERM, oneEditAway, queryTerms } from '../library/search-terms';
import type { SearchHit, SearchResult } from '../library/types';
import { db } from './open';
import { queue } from './requests';
import type { FolioDB, SearchPosting } from './schema';

type WriteTx = IDBPTransaction<FolioDB, StoreNames<FolioDB>[], 'readwrite' | 'versionchange'>;

const PREFIX_FACTOR = 0.6;
const TYPO_FACTOR = 0.4;
/** A prefix of one or two letters would read a large part of the index: prefixes start at three. */
const MIN_PREFIX = 3;
const TYPO_MIN = 4;
/** Bounds the postings one prefix may read (a very common prefix ranks on what it found). */
const MAX_PREFIX_POSTINGS = 40_000;

/** Replaces the index entries of article `id` with `weights`. Issues requests only; the caller awaits the transaction. */
export async function writeIndex(tx: WriteTx, id: string, weights: Map<string, number>): Promise<void> {
  const postings = tx.objectStore('searchPostings');
  const docs = tx.objectStore('searchDocs');
  const old = await docs.get(id);
  if (old) for (const t of old.terms) if (!weights.has(t)) queue(postings.delete([t, id]));
  for (const [t, w] of weights) queue(postings.put({ t, id, w }));
  await docs.put({ id, terms: [...weights.keys()] });
}

export async function deleteIndex(tx: WriteTx, id: string): Promise<void> {
  const postings = tx.objectStore('searchPostings');
  const docs = tx.objectStore('searchDocs');
  const old = await docs.get(id);
  if (!old) return;
  for (const t of old.terms) queue(postings.delete([t, id]));
  await docs.delete(id);
}

const exactRange = (t: string) => IDBKeyRange.bound([t, ''], [t, '\uffff']);
const prefixRange = (t: string) => IDBKeyRange.bound([t, ''], [`${t}\uffff`, ''], false, true);

/** The postings that match one query term, with the factor each match earns. */
async function termMatches(
  store: ReturnType<IDBPTransaction<FolioDB, ['searchPostings'], 'readonly'>['objectStore']>,
  term: string,
): Promise<{ postings: SearchPosting[]; factorOf: (t: string) => number }> {
  const usePrefix = term.length >= MIN_PREFIX;
  const postings = usePrefix ? await store.getAll(prefixRange(term), MAX_PREFIX_POSTINGS) : await store.getAll(exactRange(term));
  if (postings.length > 0 || term.length < TYPO_MIN) {
    return { postings, factorOf: (t) => (t === term ? 1 : PREFIX_FACTOR) };
  }
  const candidates = oneEditAway(term).filter((t) => t.length >= MIN_TERM);
  const found = await Promise.all(candidates.map((t) => store.getAll(exactRange(t))));
  return { postings: found.flat(), factorOf: () => TYPO_FACTOR };
}

export async function searchIndex(query: string): Promise<SearchResult> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { hits: [], terms: [] };
  const conn = await db();
  const tx = conn.transaction(['searchPostings', 'searchDocs'], 'readonly');
  const store = tx.objectStore('searchPostings');
  const total = Math.max(1, await tx.objectStore('searchDocs').count());
  const perTerm = await Promise.all(terms.map((t) => termMatches(store, t)));
  await tx.done;

  const matched = new Set<string>();
  let scores: Map<string, number> | null = null;
  for (const { postings, factorOf } of perTerm) {
    const df = new Map<string, number>();
    for (const p of postings) df.set(p.t, (df.get(p.t) ?? 0) + 1);
    const mine = new Map<string, number>();
    for (const p of postings) {
      const idf = Math.log(1 + total / (df.get(p.t) ?? 1));
      const s = p.w * idf * factorOf(p.t);
      // An article matching a term through several expansions counts its best one.
      if (s > (mine.get(p.id) ?? 0)) mine.set(p.id, s);
    }
    for (const t of df.keys()) matched.add(t);
    if (scores === null) scores = mine;
    else {
      const next = new Map<string, number>();
      for (const [id, s] of scores) {
        const other = mine.get(id);
        if (other !== undefined) next.set(id, s + other);
      }
      scores = next;
    }
    if (scores.size === 0) break;
  }
  const hits: SearchHit[] = [...(scores ?? new Map<string, number>())].map(([id, score]) => ({ id, score }));
  hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return { hits, terms: [...matched] };
}
