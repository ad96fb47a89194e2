/**
 * Ranking a query from the postings its words matched (utils/db/search-index.ts
 * reads them). Every word must match (AND); a word's score in an article is its
 * best matching term's weight times that term's rarity (idf) times the term's
 * factor (exact, prefix, typo); an article's score adds its words' scores.
 *
 * Why typed arrays indexed by a segment's local article number, not one object
 * per posting and maps keyed by article id: a word found in every article has
 * 10,000 postings at 10,000 articles, and allocating, filtering and hashing an
 * object for each was most of a query's JS and garbage (CDP profile of the
 * library bench). Here a word costs one pass over its postings, and the
 * intersection with the words before it one pass over the segment.
 */
import type { SegmentBlock } from './segments';

/** One index term's postings in one segment: `block.docs` and `block.weights` from `from` to `to - 1`. */
export interface TermRange {
  /** Position of the segment in the query's segment list. */
  seg: number;
  t: string;
  block: SegmentBlock;
  from: number;
  to: number;
}

/** What one query word matched: the terms' postings, and each term's factor (exact 1, prefix and typo lower). */
export interface WordMatch {
  ranges: TermRange[];
  factorOf: (t: string) => number;
}

export interface RankSegment {
  /** Its articles: local numbers 0 … size - 1. */
  size: number;
  /** 1 at the local number of an article deleted or re-indexed since; null when there is none. */
  dead: Uint8Array | null;
}

export interface RankedHit {
  seg: number;
  doc: number;
  score: number;
}

/** Live postings of each term (the `df` of its idf), over every segment. */
function liveCounts(segs: readonly RankSegment[], ranges: readonly TermRange[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const r of ranges) {
    const dead = segs[r.seg]!.dead;
    let n = r.to - r.from;
    if (dead) for (let k = r.from; k < r.to; k++) n -= dead[r.block.docs[k]!]!;
    if (n > 0) df.set(r.t, (df.get(r.t) ?? 0) + n);
  }
  return df;
}

/**
 * Adds the query's words one at a time, in any order (the cheapest first lets a
 * query stop early: an article must match every word), and keeps, per segment,
 * each word's score of the articles that still match every word added.
 */
export class QueryRanker {
  /** scores[word][segment]: the word's score per local article (0: no match). */
  private readonly scores: (Float64Array | undefined)[][];
  /** Per segment, 1 where the article matched every word added so far; null before the first word. */
  private alive: (Uint8Array | undefined)[] | null = null;
  private readonly matched: string[][];
  private added = 0;

  constructor(
    private readonly segs: readonly RankSegment[],
    /** Live articles in the index (the `N` of idf). */
    private readonly total: number,
    private readonly words: number,
  ) {
    this.scores = Array.from({ length: words }, () => []);
    this.matched = Array.from({ length: words }, () => []);
  }

  /** Adds word `word`'s matches; returns how many articles still match every word added. */
  add(word: number, match: WordMatch): number {
    const df = liveCounts(this.segs, match.ranges);
    this.matched[word] = [...df.keys()].sort();
    const mine = this.scores[word]!;
    for (const r of match.ranges) {
      const count = df.get(r.t);
      if (!count) continue;
      const alive = this.alive?.[r.seg];
      // Every article of this segment already failed an earlier word.
      if (this.alive && !alive) continue;
      const { dead, size } = this.segs[r.seg]!;
      const idf = Math.log(1 + this.total / count);
      const factor = match.factorOf(r.t);
      const out = (mine[r.seg] ??= new Float64Array(size));
      const { docs, weights } = r.block;
      for (let k = r.from; k < r.to; k++) {
        const doc = docs[k]!;
        if ((dead && dead[doc]) || (alive && !alive[doc])) continue;
        const s = weights[k]! * idf * factor;
        // An article matching one query word through several expansions counts its best.
        if (s > out[doc]!) out[doc] = s;
      }
    }
    let left = 0;
    const next: (Uint8Array | undefined)[] = [];
    this.segs.forEach((seg, i) => {
      const out = mine[i];
      const alive = this.alive ? this.alive[i] : undefined;
      if (!out || (this.alive && !alive)) return;
      const keep = new Uint8Array(seg.size);
      let n = 0;
      for (let doc = 0; doc < seg.size; doc++) {
        if (out[doc]! > 0 && (!alive || alive[doc])) {
          keep[doc] = 1;
          n++;
        }
      }
      if (n > 0) next[i] = keep;
      left += n;
    });
    this.alive = next;
    this.added++;
    return left;
  }

  /** Articles matching every word, with their scores: the words' scores added in the query's order. */
  hits(): RankedHit[] {
    if (this.added < this.words || !this.alive) return [];
    const out: RankedHit[] = [];
    this.alive.forEach((alive, seg) => {
      if (!alive) return;
      for (let doc = 0; doc < alive.length; doc++) {
        if (!alive[doc]) continue;
        // In the query's order, whatever order the words were added in: a float sum
        // in another order can differ in its last bit, and ties would sort differently.
        let score = this.scores[0]![seg]![doc]!;
        for (let w = 1; w < this.words; w++) score += this.scores[w]![seg]![doc]!;
        out.push({ seg, doc, score });
      }
    });
    return out;
  }

  /** The index terms each word matched (live postings only), in the query's word order. */
  terms(): string[] {
    return [...new Set(this.matched.flat())];
  }
}
