/**
 * readBundles reads a batch dense in the key space with one range request per
 * store and a scattered one by id: both give the same bundles, in the
 * caller's order, without the articles of the range that were not asked for.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAll } from '@/utils/db/library-repository';
import { closeDB } from '@/utils/db/open';
import { readBundles } from '@/utils/db/transfer';
import type { ArticleBundle } from '@/utils/transfer/bundle';
import { exportOrder } from '@/utils/transfer/export/formats';
import { seedLibrary } from '../helpers/export-library';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

/** Blobs as bytes, so bundles compare by content. */
async function plain(b: ArticleBundle | undefined) {
  if (!b) return b;
  return { ...b, assets: await Promise.all(b.assets.map(async (a) => ({ ...a, blob: [...new Uint8Array(await a.blob.arrayBuffer())] }))) };
}

describe('readBundles', () => {
  it('gives the same bundles read by key range as read one by one, in the order asked', async () => {
    await seedLibrary(40);
    const sorted = (await listAll()).map((m) => m.id).sort();
    // One at a time: never a range.
    const single = new Map<string, unknown>();
    for (const id of sorted) single.set(id, await plain((await readBundles([id]))[0]));
    // Dense: a run of neighbouring keys, asked for backwards, with an id not in the library.
    const run = sorted.slice(5, 25).reverse();
    const dense = await readBundles([...run, 'not-there']);
    expect(dense).toHaveLength(21);
    expect(dense[20]).toBeUndefined();
    expect(dense.map((b) => b?.meta.id)).toEqual([...run, undefined]);
    for (const [k, b] of dense.slice(0, 20).entries()) expect(await plain(b)).toEqual(single.get(run[k]!));
    // Every other key (dense enough for a range): the ones between are dropped.
    const alternate = sorted.filter((_, i) => i % 2 === 0);
    const half = await readBundles(alternate);
    expect(half.map((b) => b?.meta.id)).toEqual(alternate);
    for (const [k, b] of half.entries()) expect(await plain(b)).toEqual(single.get(alternate[k]!));
    // Positive control: the range reads compared above carried images, highlights and positions.
    // (Over both reads, ~30 of the 40 articles: ids are random, so which ones a slice holds is too;
    // until 2026-12-03 this looked at one slice of 20, and ~5% of runs found no article there with
    // both images and highlights, then tripped over the 'not-there' entry.)
    const ranged = [...dense.slice(0, 20), ...half].map((b) => b!);
    expect(ranged.some((b) => b.assets.length > 0)).toBe(true);
    expect(ranged.some((b) => b.highlights.length > 0)).toBe(true);
    expect(ranged.some((b) => b.position !== null)).toBe(true);
    // Scattered (the two ends): read by id.
    const ends = await readBundles([sorted[39]!, sorted[0]!]);
    expect(await Promise.all(ends.map(plain))).toEqual([single.get(sorted[39]!), single.get(sorted[0]!)]);
  });

  it('a backup and a Markdown export walk ids in key order; other formats keep the caller order', () => {
    const ids = ['c', 'a', 'b'];
    expect(exportOrder('backup', ids)).toEqual(['a', 'b', 'c']);
    expect(exportOrder('markdown', ids)).toEqual(['a', 'b', 'c']);
    expect(exportOrder('epub', ids)).toEqual(ids);
    expect(exportOrder('html', ids)).toEqual(ids);
  });
});
