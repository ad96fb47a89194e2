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
import { QueryRanker, type RankedHit, type TermRange } from '../library/search-rank';
import { blocksFor, buildSegment, MAX_SEGMENT_DOCS, mergeSegments, pickMerge, termsIn, type BuiltSegment, type IndexedDoc, type SegmentBlock } from '../library/segments';
import type { SearchHit, SearchResult } from '../library/types';
import { db } from './open';
import { abortQuietly, queue } from './requests';
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
  built.blocks.forEach((block, n) => queue(tx.objectStore('searchBlocks').put(block, [id, n])));
  for (const docId of built.docIds) queue(tx.objectStore('searchDocs').put({ id: docId, seg: id }));
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

type ReadTx = IDBPTransaction<FolioDB, ('searchSegments' | 'searchBlocks')[], 'readonly'>;

/**
 * Reads for one query. They start in the query's transaction; a read issued
 * after it has finished (a word's typo candidates wait for a block another
 * query was already reading) opens another: segments are immutable, so a
 * block read later is the same block.
 */
class QueryReads {
  constructor(private tx: ReadTx) {}

  private get<T>(read: (tx: ReadTx) => Promise<T>): Promise<T> {
    try {
      return read(this.tx);
    } catch (error) {
      if (!(error instanceof DOMException) || (error.name !== 'TransactionInactiveError' && error.name !== 'InvalidStateError')) throw error;
      this.tx = this.tx.db.transaction(['searchSegments', 'searchBlocks'], 'readonly');
      return read(this.tx);
    }
  }

  block(seg: number, n: number): Promise<SegmentBlock | undefined> {
    const key = `${seg}:${n}`;
    let p = blockCache.get(key);
    if (p) {
      // Most recently used last: Map order is the eviction order.
      blockCache.delete(key);
    } else {
      p = this.get((tx) => tx.objectStore('searchBlocks').get([seg, n]));
      p.catch(() => blockCache.delete(key));
    }
    blockCache.set(key, p);
    if (blockCache.size > BLOCK_CACHE_SIZE) blockCache.delete(blockCache.keys().next().value!);
    return p;
  }

  done(): Promise<void> {
    return this.tx.done;
  }
}

/** The postings of `term` (or, with `prefix`, of every term starting with it) in every segment. */
async function lookup(reads: QueryReads, segments: readonly SearchSegment[], term: string, prefix: boolean): Promise<TermRange[]> {
  const out: TermRange[] = [];
  await Promise.all(
    segments.map(async (seg, s) => {
      const blocks = await Promise.all(blocksFor(seg.bounds, term, prefix).map((n) => reads.block(seg.id, n)));
      for (const b of blocks) {
        if (b) for (const n of termsIn(b, term, prefix)) out.push({ seg: s, t: b.terms[n]!, block: b, from: b.starts[n]!, to: b.starts[n + 1]! });
      }
    }),
  );
  return out;
}

/**
 * Terms one edit away from `term` that the index holds. Typos rarely hit the
 * first letter: keeping it confines the candidates to the few blocks that letter
 * covers in each segment (read once, shared by all).
 */
async function typoLookup(reads: QueryReads, segments: readonly SearchSegment[], term: string): Promise<TermRange[]> {
  const candidates = oneEditAway(term).filter((t) => t.length >= MIN_TERM && t[0] === term[0]);
  const found = await Promise.all(candidates.map((t) => lookup(reads, segments, t, false)));
  return found.flat();
}

/** Marks the local numbers of a segment's dead articles; null when it has none. */
function deadMask(seg: SearchSegment): Uint8Array | null {
  if (seg.dead.length === 0) return null;
  const dead = new Set(seg.dead);
  const mask = new Uint8Array(seg.docIds.length);
  seg.docIds.forEach((id, i) => {
    if (dead.has(id)) mask[i] = 1;
  });
  return mask;
}

const NOTHING: SearchResult = { hits: [], terms: [] };

/**
 * Every article matching all of the query's words, best first, and the index
 * terms they matched (empty when nothing matched: nothing is shown to mark).
 */
export async function searchIndex(query: string): Promise<SearchResult> {
  const words = queryTerms(query);
  if (words.length === 0) return NOTHING;
  const tx = (await db()).transaction(['searchSegments', 'searchBlocks'], 'readonly');
  const reads = new QueryReads(tx);
  const segments = await tx.objectStore('searchSegments').getAll();
  const total = Math.max(1, segments.reduce((n, s) => n + s.docIds.length - s.dead.length, 0));
  const ranker = new QueryRanker(segments.map((seg) => ({ size: seg.docIds.length, dead: deadMask(seg) })), total, words.length);
  const result = await rank(reads, segments, words, ranker);
  await reads.done();
  if (!result) return NOTHING;
  const hits: SearchHit[] = result.map((h) => ({ id: segments[h.seg]!.docIds[h.doc]!, score: h.score }));
  hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return { hits, terms: ranker.terms() };
}

/**
 * Every word's own postings are read at once (one round of reads); they are
 * ranked rarest first, and a word absent from the index looks for its typos
 * only while some article still matches the other words.
 */
async function rank(reads: QueryReads, segments: readonly SearchSegment[], words: readonly string[], ranker: QueryRanker): Promise<RankedHit[] | null> {
  const direct = await Promise.all(words.map((w) => lookup(reads, segments, w, w.length >= MIN_PREFIX)));
  // A word whose postings are all dead has no typo search either (as before the index kept them apart).
  if (direct.some((ranges, i) => ranges.length === 0 && words[i]!.length < TYPO_MIN)) return null;
  const size = (ranges: readonly TermRange[]) => ranges.reduce((n, r) => n + r.to - r.from, 0);
  const order = words.map((_, i) => i).filter((i) => direct[i]!.length > 0).sort((a, b) => size(direct[a]!) - size(direct[b]!));
  for (const i of order) {
    const term = words[i]!;
    if (ranker.add(i, { ranges: direct[i]!, factorOf: (t) => (t === term ? 1 : PREFIX_FACTOR) }) === 0) return null;
  }
  for (let i = 0; i < words.length; i++) {
    if (direct[i]!.length > 0) continue;
    if (ranker.add(i, { ranges: await typoLookup(reads, segments, words[i]!), factorOf: () => TYPO_FACTOR }) === 0) return null;
  }
  return ranker.hits();
}
