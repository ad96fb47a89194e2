import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteArticles } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import { closeDB, db } from '@/utils/db/open';
import { compactIndex, searchIndex } from '@/utils/db/search-index';
import { BLOCK_BYTES, blockBytes, blocksFor, buildSegment, mergeSegments, pickMerge, postingsIn, tierOf } from '@/utils/library/segments';
import { makeExtracted } from '../helpers/article';

const doc = (id: string, terms: Record<string, number>) => ({ id, weights: new Map(Object.entries(terms)) });

function lookup(seg: ReturnType<typeof buildSegment>, term: string, prefix = false) {
  const out: string[] = [];
  for (const n of blocksFor(seg.bounds, term, prefix)) postingsIn(seg.blocks[n]!, term, prefix, (t, d, w) => out.push(`${t}:${seg.docIds[d]}:${w}`));
  return out.sort();
}

describe('segments (pure)', () => {
  it('builds sorted blocks and finds exact and prefix postings', () => {
    const seg = buildSegment([doc('a', { trade: 2, talks: 1 }), doc('b', { trade: 1, tariff: 3 })]);
    expect(seg.terms).toEqual(['talks', 'tariff', 'trade']);
    expect(lookup(seg, 'trade')).toEqual(['trade:a:2', 'trade:b:1']);
    expect(lookup(seg, 'ta', true)).toEqual(['talks:a:1', 'tariff:b:3']);
    expect(lookup(seg, 'tr')).toEqual([]);
  });

  it('cuts blocks at BLOCK_BYTES and still finds every term across block edges', () => {
    const terms = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`t${String(i).padStart(5, '0')}`, 1]));
    const seg = buildSegment(['a', 'b', 'c', 'd'].map((id) => doc(id, terms)));
    expect(seg.blocks.length).toBeGreaterThan(1);
    for (const b of seg.blocks) expect(blockBytes(b)).toBeLessThanOrEqual(BLOCK_BYTES);
    expect(lookup(seg, 't04999')).toHaveLength(4);
    expect(lookup(seg, 't0', true)).toHaveLength(20_000);
  });

  it('keeps a small segment of many terms in small blocks, its article numbers in 16 bits', () => {
    // One article's thousands of distinct terms: blocks cut by posting count were 60–85 kB here.
    const terms = Object.fromEntries(Array.from({ length: 4_000 }, (_, i) => [`vocabulary${i}`, 1.5]));
    const seg = buildSegment([doc('a', terms)]);
    expect(seg.blocks.length).toBeGreaterThan(3);
    for (const b of seg.blocks) {
      expect(blockBytes(b)).toBeLessThanOrEqual(BLOCK_BYTES);
      expect(b.docs).toBeInstanceOf(Uint16Array);
    }
    expect(lookup(seg, 'vocabulary3999')).toEqual(['vocabulary3999:a:1.5']);
  });

  it('lets one common term make a block larger than BLOCK_BYTES, whole', () => {
    const seg = buildSegment(Array.from({ length: 5_000 }, (_, i) => doc(`d${i}`, { common: 1, [`own${i}`]: 2 })));
    const common = seg.blocks.find((b) => b.terms.includes('common'))!;
    expect(common.terms).toEqual(['common']);
    expect(blockBytes(common)).toBeGreaterThan(BLOCK_BYTES);
    expect(lookup(seg, 'common')).toHaveLength(5_000);
  });

  it('reads blocks written before with 32-bit article numbers', () => {
    const old = { terms: ['x', 'y'], starts: Uint32Array.of(0, 2, 3), docs: Uint32Array.of(0, 1, 1), weights: Float32Array.of(1, 2, 3) };
    const merged = mergeSegments([{ docIds: ['a', 'b'], blocks: [old], dead: new Set() }]);
    expect(lookup(merged, 'x')).toEqual(['x:a:1', 'x:b:2']);
    expect(lookup(merged, 'y')).toEqual(['y:b:3']);
  });

  it('finds the same blocks as checking every block’s range (binary search over the bounds)', () => {
    const terms = Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`w${(i * 7919) % 100_000}`, 1]));
    const seg = buildSegment(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => doc(id, terms)));
    expect(seg.blocks.length).toBeGreaterThan(3);
    const linear = (term: string, prefix: boolean) => {
      const hi = prefix ? `${term}\uffff` : term;
      return seg.blocks.flatMap((_, n) => (seg.bounds[2 * n]! <= hi && seg.bounds[2 * n + 1]! >= term ? [n] : []));
    };
    for (const term of ['a', 'w', 'w1', 'w5', 'w50', 'w99', 'w7919', 'w12345', 'x', seg.bounds[2]!, seg.bounds[3]!]) {
      for (const prefix of [false, true]) expect(blocksFor(seg.bounds, term, prefix), `${term} ${prefix}`).toEqual(linear(term, prefix));
    }
  });

  it('merging equals building from the live articles, dead ones dropped', () => {
    const a = buildSegment([doc('a', { x: 1, y: 2 }), doc('b', { y: 1 })]);
    const b = buildSegment([doc('c', { x: 3, z: 1 })]);
    const merged = mergeSegments([
      { docIds: a.docIds, blocks: a.blocks, dead: new Set(['b']) },
      { docIds: b.docIds, blocks: b.blocks, dead: new Set() },
    ]);
    expect(merged.docIds).toEqual(['a', 'c']);
    expect(lookup(merged, 'x')).toEqual(['x:a:1', 'x:c:3']);
    expect(lookup(merged, 'y')).toEqual(['y:a:2']);
    expect(merged.terms).toEqual(['x', 'y', 'z']);
  });

  it('merges four segments of a tier, smallest tier first', () => {
    expect(tierOf(1)).toBe(0);
    expect(tierOf(16)).toBe(2);
    const segs = [1, 2, 3, 4, 5].map((id) => ({ id, live: 1 }));
    expect(pickMerge(segs)!.map((s) => s.id)).toEqual([1, 2, 3, 4]);
    expect(pickMerge([{ id: 1, live: 1 }, { id: 2, live: 5 }])).toBeNull();
  });
});

describe('segments in IndexedDB', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(async () => {
    await closeDB();
  });

  it('compaction merges small segments and search answers the same, with re-saves and deletes honoured', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 17; i++) {
      const url = `https://news.example/${i}`;
      ids.push((await saveArticle(makeExtracted({ url, canonicalUrl: url, title: `Story ${i}`, textContent: `common word${i % 3} unique${i}`, content: '<p>x</p>' }))).meta.id);
    }
    const before = await searchIndex('common');
    const url = 'https://news.example/3';
    await saveArticle(makeExtracted({ url, canonicalUrl: url, title: 'Story 3', textContent: 'rewritten', content: '<p>x</p>' }));
    await deleteArticles([ids[5]!]);
    while ((await compactIndex()) > 0);
    const segments = await (await db()).getAll('searchSegments');
    expect(segments.length).toBeLessThan(8);
    const after = await searchIndex('common');
    expect(after.hits.map((h) => h.id).sort()).toEqual(before.hits.map((h) => h.id).filter((id) => id !== ids[3] && id !== ids[5]).sort());
    expect((await searchIndex('rewritten')).hits.map((h) => h.id)).toEqual([ids[3]]);
    expect((await searchIndex('unique5')).hits).toEqual([]);
    expect((await searchIndex('unique12')).hits.map((h) => h.id)).toEqual([ids[12]]);
    expect((await searchIndex('uniqeu12')).hits.map((h) => h.id)).toEqual([ids[12]]);
  });
});
