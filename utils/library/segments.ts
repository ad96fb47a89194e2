/**
 * The search index's on-disk shape: immutable segments, as search engines keep
 * them (a log-structured merge). Why: in Chromium every IndexedDB request is a
 * round trip to another process (about 0.1–0.25 ms here), and an article has
 * ~1,000 distinct terms, so one record per (term, article) made a save cost
 * seconds at 1,000 articles. A segment stores many articles' postings packed
 * in a few records; a save writes one small segment, and segments of the same
 * size are merged in the background, so a query reads one block per segment
 * per term however large the library grows.
 *
 * A segment: the articles it holds (`docIds`, local numbers are positions in
 * it) and its postings sorted by term, cut into blocks of about BLOCK_BYTES
 * each. Pure functions here; utils/db/search-index.ts stores them.
 */

/**
 * A block's size, in bytes as stored (estimated: blockBytes). A query reads one
 * block per segment for each word, and in Chromium a read's time grows with the
 * value's size: ten parallel reads took ~2.5 ms at 2 kB, ~5 ms at 16 kB, ~10 ms
 * at 60 kB and ~33 ms past 64 kB, where the value is kept as a separate file
 * (measured on an extension page here, under load). Blocks used to be cut by
 * posting count, 4,096 each, so a small segment's blocks, a few postings for
 * each of thousands of terms, were 60–85 kB: over that edge.
 */
export const BLOCK_BYTES = 16 * 1024;

/** Bytes a term adds to a block: its string, its start and its postings (doc number and weight each). */
const entryBytes = (term: string, postings: number, docBytes: number) => term.length + 8 + postings * (docBytes + 4);

/** The estimate BLOCK_BYTES is compared with. */
export function blockBytes(block: SegmentBlock): number {
  let n = 0;
  for (let i = 0; i < block.terms.length; i++) n += entryBytes(block.terms[i]!, block.starts[i + 1]! - block.starts[i]!, block.docs.BYTES_PER_ELEMENT);
  return n;
}

/** One block of a segment's postings: terms in order, and for each its articles and weights. */
export interface SegmentBlock {
  terms: string[];
  /** Postings of terms[i] are at starts[i] … starts[i + 1] - 1. */
  starts: Uint32Array;
  /** Local article numbers: 16 bits when the segment has at most 65,536 articles (all Folio writes), 32 in blocks written before. */
  docs: Uint16Array | Uint32Array;
  weights: Float32Array;
}

/**
 * The term range of each block, flat: block n holds the terms from
 * `bounds[2n]` to `bounds[2n + 1]`. Flat strings, not an object per block:
 * every query reads every segment's bounds (~1,400 blocks in a 4,096-article
 * segment), and the structured clone of 1,400 small objects took ~20 times as
 * long to read back as the same strings in one array (measured in Node's V8).
 */
export type BlockBounds = string[];

export interface BuiltSegment {
  docIds: string[];
  blocks: SegmentBlock[];
  bounds: BlockBounds;
  /** Every term of the segment, sorted. */
  terms: string[];
}

export interface IndexedDoc {
  id: string;
  weights: ReadonlyMap<string, number>;
}

/** One term's postings, in article order. */
interface TermPostings {
  t: string;
  docs: ArrayLike<number>;
  weights: ArrayLike<number>;
}

/**
 * Cuts a term-sorted stream of postings into blocks of about BLOCK_BYTES
 * (a term's postings are never split: a common word may make a block larger).
 */
class BlockWriter {
  readonly blocks: SegmentBlock[] = [];
  readonly bounds: BlockBounds = [];
  readonly terms: string[] = [];
  private pending: TermPostings[] = [];
  private count = 0;
  private bytes = 0;
  private readonly docBytes: 2 | 4;

  /** `docCount`: the segment's articles (its local numbers' range). */
  constructor(docCount: number) {
    this.docBytes = docCount <= 0x10000 ? 2 : 4;
  }

  add(entry: TermPostings): void {
    const bytes = entryBytes(entry.t, entry.docs.length, this.docBytes);
    if (this.count > 0 && this.bytes + bytes > BLOCK_BYTES) this.flush();
    this.pending.push(entry);
    this.count += entry.docs.length;
    this.bytes += bytes;
    this.terms.push(entry.t);
  }

  flush(): void {
    if (!this.pending.length) return;
    const starts = new Uint32Array(this.pending.length + 1);
    const docs = this.docBytes === 2 ? new Uint16Array(this.count) : new Uint32Array(this.count);
    const weights = new Float32Array(this.count);
    let k = 0;
    this.pending.forEach((p, n) => {
      starts[n] = k;
      docs.set(p.docs, k);
      weights.set(p.weights, k);
      k += p.docs.length;
    });
    starts[this.pending.length] = k;
    const terms = this.pending.map((p) => p.t);
    this.blocks.push({ terms, starts, docs, weights });
    this.bounds.push(terms[0]!, terms[terms.length - 1]!);
    this.pending = [];
    this.count = 0;
    this.bytes = 0;
  }
}

/** Builds a segment from whole articles. */
export function buildSegment(docs: readonly IndexedDoc[]): BuiltSegment {
  const byTerm = new Map<string, { docs: number[]; weights: number[] }>();
  docs.forEach((d, doc) => {
    for (const [t, w] of d.weights) {
      let list = byTerm.get(t);
      if (!list) byTerm.set(t, (list = { docs: [], weights: [] }));
      list.docs.push(doc);
      list.weights.push(w);
    }
  });
  const out = new BlockWriter(docs.length);
  for (const t of [...byTerm.keys()].sort()) out.add({ t, ...byTerm.get(t)! });
  out.flush();
  return { docIds: docs.map((d) => d.id), blocks: out.blocks, bounds: out.bounds, terms: out.terms };
}

export interface SegmentInput {
  docIds: readonly string[];
  blocks: readonly SegmentBlock[];
  dead: ReadonlySet<string>;
}

/**
 * Merges segments into one, dropping dead articles, without rebuilding
 * per-article maps: every input is sorted by term, so the output is a k-way
 * merge of their term lists with article numbers shifted per input.
 */
export function mergeSegments(inputs: readonly SegmentInput[]): BuiltSegment {
  const docIds: string[] = [];
  const remap = inputs.map((input) => {
    const map = new Int32Array(input.docIds.length).fill(-1);
    input.docIds.forEach((id, i) => {
      if (!input.dead.has(id)) map[i] = docIds.push(id) - 1;
    });
    return map;
  });
  // Cursors over each input's (block, term) positions.
  const cursors = inputs.map(() => ({ block: 0, term: 0 }));
  const termAt = (i: number): string | null => {
    const c = cursors[i]!;
    const blocks = inputs[i]!.blocks;
    while (c.block < blocks.length && c.term >= blocks[c.block]!.terms.length) {
      c.block++;
      c.term = 0;
    }
    return c.block < blocks.length ? blocks[c.block]!.terms[c.term]! : null;
  };
  const out = new BlockWriter(docIds.length);
  for (;;) {
    let next: string | null = null;
    for (let i = 0; i < inputs.length; i++) {
      const t = termAt(i);
      if (t !== null && (next === null || t < next)) next = t;
    }
    if (next === null) break;
    const docs: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < inputs.length; i++) {
      if (termAt(i) !== next) continue;
      const c = cursors[i]!;
      const b = inputs[i]!.blocks[c.block]!;
      for (let k = b.starts[c.term]!; k < b.starts[c.term + 1]!; k++) {
        const doc = remap[i]![b.docs[k]!]!;
        if (doc >= 0) {
          docs.push(doc);
          weights.push(b.weights[k]!);
        }
      }
      c.term++;
    }
    if (docs.length) out.add({ t: next, docs, weights });
  }
  out.flush();
  return { docIds, blocks: out.blocks, bounds: out.bounds, terms: out.terms };
}

/** The first index in `0 … n` for which `past(i)` holds (`past` is false then true along the range). */
function firstPast(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Indexes of the blocks whose term range can hold `term` (or, with `prefix`,
 * terms starting with it). A segment's blocks are in term order and do not
 * overlap, so two binary searches find them: a misspelt word checks hundreds of
 * candidates against every segment, and a scan of ~1,400 bounds each was most
 * of the JS a typo cost at 10,000 articles.
 */
export function blocksFor(bounds: readonly string[], term: string, prefix: boolean): number[] {
  const hi = prefix ? `${term}\uffff` : term;
  const blocks = bounds.length / 2;
  const out: number[] = [];
  for (let n = firstPast(blocks, (i) => bounds[2 * i + 1]! >= term); n < blocks && bounds[2 * n]! <= hi; n++) out.push(n);
  return out;
}

/** Positions in `block.terms` of `term` (or of every term starting with it). */
export function termsIn(block: SegmentBlock, term: string, prefix: boolean): number[] {
  const out: number[] = [];
  for (let n = firstPast(block.terms.length, (i) => block.terms[i]! >= term); n < block.terms.length; n++) {
    const t = block.terms[n]!;
    if (prefix ? !t.startsWith(term) : t !== term) break;
    out.push(n);
  }
  return out;
}

/** Calls `visit` for each posting of `term` (or of every term starting with it) in `block`. */
export function postingsIn(block: SegmentBlock, term: string, prefix: boolean, visit: (t: string, doc: number, w: number) => void): void {
  for (const n of termsIn(block, term, prefix)) {
    for (let k = block.starts[n]!; k < block.starts[n + 1]!; k++) visit(block.terms[n]!, block.docs[k]!, block.weights[k]!);
  }
}

/** Segments are tiered by size (1, 4, 16, 64 … articles): four of a tier merge into one of the next. */
export const MERGE_FACTOR = 4;
/** Segments stop growing here: a merge rewrites at most this many articles (bounded background work). */
export const MAX_SEGMENT_DOCS = 2_048;

export function tierOf(docCount: number): number {
  return Math.floor(Math.log(Math.max(1, docCount)) / Math.log(MERGE_FACTOR));
}

/** The segments to merge next, smallest tier first, or null when no tier has MERGE_FACTOR of them. */
export function pickMerge<S extends { id: number; live: number }>(segments: readonly S[]): S[] | null {
  const byTier = new Map<number, S[]>();
  for (const s of segments) {
    if (s.live >= MAX_SEGMENT_DOCS) continue;
    const tier = tierOf(s.live);
    let list = byTier.get(tier);
    if (!list) byTier.set(tier, (list = []));
    list.push(s);
  }
  for (const tier of [...byTier.keys()].sort((a, b) => a - b)) {
    const list = byTier.get(tier)!;
    if (list.length >= MERGE_FACTOR) return list.slice(0, MERGE_FACTOR);
  }
  return null;
}
