/**
 * Full-text search kept in IndexedDB as immutable segments
 * (utils/library/segments.ts says why): a save writes its article as a new
 * one-article segment in the save's own transaction; `compactIndex` later
 * merges four segments of a size into one, in a transaction of its own, so a
 * killed worker leaves either the old segments or the merged one.
 *
 * Why not an in-memory engine: at 10,000 articles of 5–50 kB text there are
 * about ten million postings; MiniSearch keeps them as JS Maps (far over the
 * library page's 200 MB budget) and must load all of them before the first
 * query. Here a query reads only the blocks that can hold its terms.
 *
 * Matching: every query term must match (AND). A term matches itself, longer
 * terms it is a prefix of (ranked lower) and, when neither exists, terms one
 * edit away (a typo; lower still). Scores add the posting weights
 * (utils/library/search-terms.ts) times the term's rarity (idf).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { MIN_TERM, oneEditAway, queryTerms } from '../library/search-terms';
import { blocksFor, buildSegment, MAX_SEGMENT_DOCS, mergeSegments, pickMerge, postingsIn, type BuiltSegment, type IndexedDoc, type SegmentBlock } from '../library/segments';
import type { SearchHit, SearchResult } from '../library/types';
import { db } from './open';
import { abortQuietly, putRaw, queue } from './requests';
import { SEARCH_STORES, type FolioDB, type SearchSegment } from './schema';


type WriteTx = IDBPTransaction<FolioDB, StoreNames<FolioDB>[], 'readwrite' | 'versionchange'>;

const PREFIX_FACTOR = 0.6;
const TYPO_FACTOR = 0.4;
/** A prefix of one or two letters matches a large part of the vocabulary: prefixes start at three. */
const MIN_PREFIX = 3;
const TYPO_MIN = 4;
/** Merges one compaction pass may do: bounded background work. */
const MAX_MERGES_PER_PASS = 3;
/** Writes a built segment under `id` (header, blocks, term list) and points its articles at it. */
export async function writeSegment(tx: WriteTx, id: number, built: BuiltSegment): Promise<void> {
  const header: SearchSegment = { id, docIds: built.docIds, bounds: built.bounds, dead: [] };
  queue(tx.objectStore('searchSegments').put(header));
  built.blocks.forEach((block, n) => putRaw(tx.objectStore('searchBlocks'), block, [id, n]));
  const docs = tx.objectStore('searchDocs');
  for (const docId of built.docIds) putRaw(docs, { id: docId, seg: id });
}

/**
 * A segment id never used before, in this database or a deleted one: the page's
 * block cache trusts that an id names one immutable segment forever. Time-based
 * with a random tail, checked against the store.
 */
export async function newSegmentId(tx: WriteTx): Promise<number> {
  for (;;) {
    const id = Date.now() * 1_000 + Math.floor(Math.random() * 1_000);
    if ((await tx.objectStore('searchSegments').getKey(id)) === undefined) return id;
  }
}

function dropSegment(tx: WriteTx, id: number): void {
  queue(tx.objectStore('searchSegments').delete(id));
  queue(tx.objectStore('searchBlocks').delete(IDBKeyRange.bound([id, 0], [id, Infinity])));
}

/** Marks article `id`'s current entries dead; drops their segment when nothing live is left in it. */
async function retire(tx: WriteTx, id: string): Promise<void> {
  const doc = await tx.objectStore('searchDocs').get(id);
  if (!doc) return;
  const seg = await tx.objectStore('searchSegments').get(doc.seg);
  if (!seg) return;
  if (!seg.dead.includes(id)) seg.dead.push(id);
  if (seg.dead.length >= seg.docIds.length) dropSegment(tx, seg.id);
  else queue(tx.objectStore('searchSegments').put(seg));
}

/** Replaces the index entries of article `id` with `weights`, inside the caller's transaction. */
export async function writeIndex(tx: WriteTx, id: string, weights: Map<string, number>): Promise<void> {
  await retire(tx, id);
  await writeSegment(tx, await newSegmentId(tx), buildSegment([{ id, weights }]));
}

/**
 * Index entries for many articles at once (an import batch): their old entries
 * retired, the new ones written as segments of up to MAX_SEGMENT_DOCS, not one
 * segment per article (10,000 one-article segments would take the merger a while).
 */
export async function writeIndexMany(tx: WriteTx, docs: readonly IndexedDoc[], fresh: ReadonlySet<string> = new Set()): Promise<void> {
  // Articles created in this transaction have no entries to retire: skip a read each.
  for (const d of docs) if (!fresh.has(d.id)) await retire(tx, d.id);
  for (let i = 0; i < docs.length; i += MAX_SEGMENT_DOCS) {
    await writeSegment(tx, await newSegmentId(tx), buildSegment(docs.slice(i, i + MAX_SEGMENT_DOCS)));
  }
}

export async function deleteIndex(tx: WriteTx, id: string): Promise<void> {
  await retire(tx, id);
  queue(tx.objectStore('searchDocs').delete(id));
}

/**
 * Merges segments of the same size (four at a time, up to MAX_SEGMENT_DOCS
 * articles each). Safe to call any time and from any context: each merge is one
 * transaction, and a merge that finds nothing to do writes nothing.
 */
export async function compactIndex(maxMerges = MAX_MERGES_PER_PASS): Promise<number> {
  let merges = 0;
  while (merges < maxMerges) {
    const tx = (await db()).transaction([...SEARCH_STORES], 'readwrite');
    try {
      const segments = await tx.objectStore('searchSegments').getAll();
      const pick = pickMerge(segments.map((s) => ({ ...s, live: s.docIds.length - s.dead.length })));
      if (!pick) {
        await tx.done;
        return merges;
      }
      const inputs = await Promise.all(
        pick.map(async (s) => ({
          docIds: s.docIds,
          dead: new Set(s.dead),
          blocks: await tx.objectStore('searchBlocks').getAll(IDBKeyRange.bound([s.id, 0], [s.id, Infinity])),
        })),
      );
      const merged = mergeSegments(inputs);
      const id = await newSegmentId(tx as unknown as WriteTx);
      for (const s of pick) dropSegment(tx as unknown as WriteTx, s.id);
      await writeSegment(tx as unknown as WriteTx, id, merged);
      await tx.done;
      merges++;
    } catch (error) {
      abortQuietly(tx);
      throw error;
    }
  }
  return merges;
}

/** Starts a compaction after a write and lets it run on its own (a failure only postpones the merge). */
export function compactLater(): void {
  compactIndex().catch((error: unknown) => console.warn('[folio] search index compaction failed; it runs again after the next save', error));
}

/**
 * Blocks read by earlier queries of this page. Segments never change once
 * written (a merge writes a new segment under a new id), so a cached block is
 * never stale: typing "neg", "nego", "negot" reads each block once.
 */
const BLOCK_CACHE_SIZE = 512;
const blockCache = new Map<string, Promise<SegmentBlock | undefined>>();

interface Match {
  postings: { seg: SearchSegment; t: string; doc: number; w: number }[];
  factorOf: (t: string) => number;
}

export async function searchIndex(query: string): Promise<SearchResult> {
  const terms = queryTerms(query);
  if (terms.length === 0) return { hits: [], terms: [] };
  const tx = (await db()).transaction(['searchSegments', 'searchBlocks'], 'readonly');
  const segments = await tx.objectStore('searchSegments').getAll();
  const dead = new Map(segments.map((s) => [s.id, new Set(s.dead)]));
  const total = Math.max(1, segments.reduce((n, s) => n + s.docIds.length - s.dead.length, 0));
  const block = (seg: number, n: number) => {
    const key = `${seg}:${n}`;
    let p = blockCache.get(key);
    if (p) {
      // Most recently used last: Map order is the eviction order.
      blockCache.delete(key);
    } else {
      p = tx.objectStore('searchBlocks').get([seg, n]);
      p.catch(() => blockCache.delete(key));
    }
    blockCache.set(key, p);
    if (blockCache.size > BLOCK_CACHE_SIZE) blockCache.delete(blockCache.keys().next().value!);
    return p;
  };

  const collect = async (term: string, prefix: boolean, into: Match['postings']) => {
    await Promise.all(
      segments.map(async (seg) => {
        const blocks = await Promise.all(blocksFor(seg.bounds, term, prefix).map((n) => block(seg.id, n)));
        for (const b of blocks) if (b) postingsIn(b, term, prefix, (t, doc, w) => into.push({ seg, t, doc, w }));
      }),
    );
  };

  const matchTerm = async (term: string): Promise<Match> => {
    const postings: Match['postings'] = [];
    await collect(term, term.length >= MIN_PREFIX, postings);
    if (postings.length > 0 || term.length < TYPO_MIN) return { postings, factorOf: (t) => (t === term ? 1 : PREFIX_FACTOR) };
    // Typos rarely hit the first letter: keeping it confines the candidates to the
    // few blocks that letter covers in each segment (read once, shared by all).
    const candidates = oneEditAway(term).filter((t) => t.length >= MIN_TERM && t[0] === term[0]);
    await Promise.all(candidates.map((t) => collect(t, false, postings)));
    return { postings, factorOf: () => TYPO_FACTOR };
  };

  const perTerm = await Promise.all(terms.map(matchTerm));
  await tx.done;

  const matched = new Set<string>();
  let scores: Map<string, number> | null = null;
  for (const { postings, factorOf } of perTerm) {
    const live = postings.filter((p) => !dead.get(p.seg.id)!.has(p.seg.docIds[p.doc]!));
    const df = new Map<string, number>();
    for (const p of live) df.set(p.t, (df.get(p.t) ?? 0) + 1);
    const mine = new Map<string, number>();
    for (const p of live) {
      const id = p.seg.docIds[p.doc]!;
      const s = p.w * Math.log(1 + total / df.get(p.t)!) * factorOf(p.t);
      // An article matching one query word through several expansions counts its best.
      if (s > (mine.get(id) ?? 0)) mine.set(id, s);
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
