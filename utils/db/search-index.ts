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
import { abandon, putRaw, queue } from './requests';
import { SEARCH_STORES, SEGMENT_BOUNDS, SEGMENT_DOC_IDS, type FolioDB, type SearchSegment } from './schema';


type WriteTx = IDBPTransaction<FolioDB, StoreNames<FolioDB>[], 'readwrite' | 'versionchange'>;

const PREFIX_FACTOR = 0.6;
const TYPO_FACTOR = 0.4;
/** A prefix of one or two letters matches a large part of the vocabulary: prefixes start at three. */
const MIN_PREFIX = 3;
const TYPO_MIN = 4;
/** Merges one compaction pass may do: bounded background work. */
const MAX_MERGES_PER_PASS = 3;
/** Writes a built segment under `id` (header, article ids, bounds, blocks) and points its articles at it. */
export async function writeSegment(tx: WriteTx, id: number, built: BuiltSegment): Promise<void> {
  const header: SearchSegment = { id, size: built.docIds.length, dead: [] };
  const blocks = tx.objectStore('searchBlocks');
  // add, not put: an id already taken aborts the transaction instead of overwriting a segment (unseenSegmentIds).
  queue(tx.objectStore('searchSegments').add(header));
  putRaw(blocks, built.docIds, [id, SEGMENT_DOC_IDS]);
  putRaw(blocks, built.bounds, [id, SEGMENT_BOUNDS]);
  built.blocks.forEach((block, n) => putRaw(blocks, block, [id, n]));
  const docs = tx.objectStore('searchDocs');
  for (const docId of built.docIds) putRaw(docs, { id: docId, seg: id });
}

/** A segment's blocks: [id, 0] … (its ids and bounds sit below 0). */
const blocksOf = (id: number) => IDBKeyRange.bound([id, 0], [id, Infinity]);

/**
 * A segment id never used before, in this database or a deleted one: the page's
 * block cache trusts that an id names one immutable segment forever. Time-based
 * with a random tail, checked against the store.
 */
export async function newSegmentId(tx: WriteTx): Promise<number> {
  return (await newSegmentIds(tx, 1))[0]!;
}

/** Time-based with a random tail: never an id of a deleted database's segment (the block cache's trust). */
const candidateSegmentId = (): number => Date.now() * 1_000 + Math.floor(Math.random() * 1_000);

/**
 * `count` distinct new segment ids (as newSegmentId), checked with one round of
 * reads. An import batch reserves its ids before queuing its puts: a read
 * issued after them is answered only once the database has written them all,
 * and that wait was a third of a 10,000-row import's time.
 */
export async function newSegmentIds(tx: WriteTx, count: number): Promise<number[]> {
  const ids = new Set<number>();
  while (ids.size < count) {
    const candidates = new Set<number>();
    while (candidates.size < count - ids.size) {
      const id = candidateSegmentId();
      if (!ids.has(id)) candidates.add(id);
    }
    const taken = await Promise.all([...candidates].map((id) => tx.objectStore('searchSegments').getKey(id)));
    [...candidates].forEach((id, i) => {
      if (taken[i] === undefined) ids.add(id);
    });
  }
  return [...ids];
}

/**
 * `count` distinct segment ids of the same form as newSegmentIds, not checked
 * against the store: the check is writeSegment's add(), which fails the
 * transaction (ConstraintError) if an id is taken. For import batches, whose
 * puts then go out the moment the transaction is created: with no read to wait
 * for, a batch's requests are queued while the one before it is still being
 * written (utils/transfer/import/apply.ts keeps two in flight).
 */
export function unseenSegmentIds(count: number): number[] {
  const ids = new Set<number>();
  while (ids.size < count) ids.add(candidateSegmentId());
  return [...ids];
}

/** How many segments writeIndexMany writes for `count` articles. */
export const segmentsFor = (count: number): number => Math.ceil(count / MAX_SEGMENT_DOCS);

function dropSegment(tx: WriteTx, id: number): void {
  queue(tx.objectStore('searchSegments').delete(id));
  queue(tx.objectStore('searchBlocks').delete(IDBKeyRange.bound([id, -Infinity], [id, Infinity])));
}

/** Marks article `id`'s current entries dead; drops their segment when nothing live is left in it. */
async function retire(tx: WriteTx, id: string): Promise<void> {
  const doc = await tx.objectStore('searchDocs').get(id);
  if (!doc) return;
  const seg = await tx.objectStore('searchSegments').get(doc.seg);
  if (!seg) return;
  if (!seg.dead.includes(id)) seg.dead.push(id);
  if (seg.dead.length >= seg.size) dropSegment(tx, seg.id);
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
 * `segmentIds`: ids reserved earlier in the transaction (newSegmentIds), used in turn.
 */
export async function writeIndexMany(tx: WriteTx, docs: readonly IndexedDoc[], fresh: ReadonlySet<string> = new Set(), segmentIds: readonly number[] = []): Promise<void> {
  // Articles created in this transaction have no entries to retire: skip a read each.
  for (const d of docs) if (!fresh.has(d.id)) await retire(tx, d.id);
  for (let i = 0, n = 0; i < docs.length; i += MAX_SEGMENT_DOCS, n++) {
    await writeSegment(tx, segmentIds[n] ?? (await newSegmentId(tx)), buildSegment(docs.slice(i, i + MAX_SEGMENT_DOCS)));
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
      const pick = pickMerge(segments.map((s) => ({ ...s, live: s.size - s.dead.length })));
      if (!pick) {
        await tx.done;
        return merges;
      }
      const inputs = await Promise.all(
        pick.map(async (s) => {
          const [docIds, blocks] = await Promise.all([
            tx.objectStore('searchBlocks').get([s.id, SEGMENT_DOC_IDS]),
            tx.objectStore('searchBlocks').getAll(blocksOf(s.id)),
          ]);
          return { docIds: docIds as string[], dead: new Set(s.dead), blocks: blocks as SegmentBlock[] };
        }),
      );
      const merged = mergeSegments(inputs);
      const id = await newSegmentId(tx as unknown as WriteTx);
      for (const s of pick) dropSegment(tx as unknown as WriteTx, s.id);
      await writeSegment(tx as unknown as WriteTx, id, merged);
      await tx.done;
      merges++;
    } catch (error) {
      throw abandon(tx, error);
    }
  }
  return merges;
}

/** Starts a compaction after a write and lets it run on its own (a failure only postpones the merge). */
export function compactLater(): void {
  compactIndex().catch((error: unknown) => console.warn('[folio] search index compaction failed; it runs again after the next save', error));
}

/**
 * Records read by earlier queries of this page. A segment never changes once
 * written (a merge writes a new segment under a new id), so a cached block, id
 * list or bounds list is never stale: typing "neg", "nego", "negot" reads each
 * block once, and only a segment's header (its dead articles) is read per query.
 */
const BLOCK_CACHE_SIZE = 512;
/** Ids and bounds: two records a segment, and a library has a handful of segments. */
const SEGMENT_CACHE_SIZE = 64;
const blockCache = new Map<string, Promise<SegmentBlock | undefined>>();
const segmentCache = new Map<string, Promise<string[] | undefined>>();

/** The cached read of `key`, or `load()`'s, kept most recently used last (Map order is the eviction order). */
function cached<T>(cache: Map<string, Promise<T>>, limit: number, key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key);
  if (p) cache.delete(key);
  else {
    p = load();
    p.catch(() => cache.delete(key));
  }
  cache.set(key, p);
  if (cache.size > limit) cache.delete(cache.keys().next().value!);
  return p;
}

type ReadTx = IDBPTransaction<FolioDB, ('searchSegments' | 'searchBlocks')[], 'readonly'>;

/**
 * Reads for one query. They start in the query's transaction; a read issued
 * after it has finished (a word's typo candidates wait for a block another
 * query was already reading) opens another: segments are immutable, so a
 * record read later is the same record.
 */
class QueryReads {
  constructor(private tx: ReadTx) {}

  private get(key: [number, number]): Promise<SegmentBlock | string[] | undefined> {
    try {
      return this.tx.objectStore('searchBlocks').get(key);
    } catch (error) {
      if (!(error instanceof DOMException) || (error.name !== 'TransactionInactiveError' && error.name !== 'InvalidStateError')) throw error;
      this.tx = this.tx.db.transaction(['searchSegments', 'searchBlocks'], 'readonly');
      return this.tx.objectStore('searchBlocks').get(key);
    }
  }

  block(seg: number, n: number): Promise<SegmentBlock | undefined> {
    return cached(blockCache, BLOCK_CACHE_SIZE, `${seg}:${n}`, () => this.get([seg, n]) as Promise<SegmentBlock | undefined>);
  }

  /** A segment's article ids (SEGMENT_DOC_IDS) or block bounds (SEGMENT_BOUNDS). */
  segment(seg: number, n: typeof SEGMENT_DOC_IDS | typeof SEGMENT_BOUNDS): Promise<string[] | undefined> {
    return cached(segmentCache, SEGMENT_CACHE_SIZE, `${seg}:${n}`, () => this.get([seg, n]) as Promise<string[] | undefined>);
  }

  /**
   * Lets the transaction finish on its own. Every read has its answer by now, and
   * waiting for a read-only transaction's complete event cost a round trip of up
   * to 10 ms per query (traced in the library bench).
   */
  release(): void {
    this.tx.done.catch(() => undefined);
  }
}

/** A segment as a query sees it: its header and its blocks' bounds. */
interface QuerySegment extends SearchSegment {
  bounds: readonly string[];
}

/** The postings of `term` (or, with `prefix`, of every term starting with it) in every segment. */
async function lookup(reads: QueryReads, segments: readonly QuerySegment[], term: string, prefix: boolean): Promise<TermRange[]> {
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
async function typoLookup(reads: QueryReads, segments: readonly QuerySegment[], term: string): Promise<TermRange[]> {
  const candidates = oneEditAway(term).filter((t) => t.length >= MIN_TERM && t[0] === term[0]);
  const found = await Promise.all(candidates.map((t) => lookup(reads, segments, t, false)));
  return found.flat();
}

/** Marks the local numbers of a segment's dead articles; null when it has none. */
async function deadMask(reads: QueryReads, seg: SearchSegment): Promise<Uint8Array | null> {
  if (seg.dead.length === 0) return null;
  const dead = new Set(seg.dead);
  const mask = new Uint8Array(seg.size);
  (await reads.segment(seg.id, SEGMENT_DOC_IDS))?.forEach((id, i) => {
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
  const headers = await tx.objectStore('searchSegments').getAll();
  const [segments, dead] = await Promise.all([
    Promise.all(headers.map(async (h): Promise<QuerySegment> => ({ ...h, bounds: (await reads.segment(h.id, SEGMENT_BOUNDS)) ?? [] }))),
    Promise.all(headers.map((h) => deadMask(reads, h))),
  ]);
  const total = Math.max(1, segments.reduce((n, s) => n + s.size - s.dead.length, 0));
  const ranker = new QueryRanker(segments.map((seg, i) => ({ size: seg.size, dead: dead[i]! })), total, words.length);
  const ranked = await rank(reads, segments, words, ranker);
  // Ids only of the segments with hits: a rare word's query leaves most unread.
  const ids = ranked ? await Promise.all(segments.map((seg, i) => (ranked.some((h) => h.seg === i) ? reads.segment(seg.id, SEGMENT_DOC_IDS) : undefined))) : [];
  reads.release();
  if (!ranked) return NOTHING;
  const hits: SearchHit[] = [];
  for (const h of ranked) {
    const id = ids[h.seg]?.[h.doc];
    if (id !== undefined) hits.push({ id, score: h.score });
  }
  hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return { hits, terms: ranker.terms() };
}

/**
 * Every word's own postings are read at once (one round of reads); they are
 * ranked rarest first, and a word absent from the index looks for its typos
 * only while some article still matches the other words.
 */
async function rank(reads: QueryReads, segments: readonly QuerySegment[], words: readonly string[], ranker: QueryRanker): Promise<RankedHit[] | null> {
  const direct = await Promise.all(words.map((w) => lookup(reads, segments, w, w.length >= MIN_PREFIX)));
  // A word with no postings, too short for typos, matches nothing: neither does the query. (A word
  // whose postings are all dead keeps them, matches nothing and has no typo search, as ever.)
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
