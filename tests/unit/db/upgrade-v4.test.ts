/**
 * v3 → v4 with data: search segments written by v3 (ids and bounds in the
 * header) are rewritten (a small header; ids and flat bounds beside the
 * blocks), and search, saves, deletes and merges work on them as before.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deleteArticles } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import { closeDB, db, openFolioDB } from '@/utils/db/open';
import { compactIndex, searchIndex } from '@/utils/db/search-index';
import { DB_VERSION, SEGMENT_BOUNDS, SEGMENT_DOC_IDS } from '@/utils/db/schema';
import { recordsFor } from '@/utils/library/new-records';
import { searchableOf } from '@/utils/library/records';
import { termWeights } from '@/utils/library/search-terms';
import { makeExtracted } from '../helpers/article';
import { writeSegmentV3 } from './v3/writer';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

it('v3 → v4: v3 search segments are rewritten; search finds the same articles, dead ones stay out; saves, deletes and merges work', async () => {
  const v3 = await openFolioDB('folio', 3);
  const article = (path: string, title: string, text: string) => recordsFor(makeExtracted({ url: `https://old.example/${path}`, canonicalUrl: `https://old.example/${path}`, title, textContent: text }), undefined, 5_000);
  const a = article('a', 'Harbor pilots', 'Pilots guide tankers through the harbor.');
  const b = article('b', 'Gone story', 'Superseded harbor text.');
  const c = article('c', 'Orchard frost', 'Frost reached the orchard overnight.');
  const tx = v3.transaction(['articles', 'bodies'], 'readwrite');
  for (const r of [a, c]) {
    await tx.objectStore('articles').put(r.meta);
    await tx.objectStore('bodies').put(r.body);
  }
  await tx.done;
  const doc = (r: typeof a) => ({ id: r.meta.id, weights: termWeights(searchableOf(r.meta, r.body)) });
  // B was deleted under v3: still in its segment, listed dead.
  await writeSegmentV3(v3 as never, 1_000, [doc(a), doc(b)], [b.meta.id]);
  await writeSegmentV3(v3 as never, 2_000, [doc(c)]);
  v3.close();

  const conn = await db();
  expect(conn.version).toBe(DB_VERSION);
  expect(await conn.getAll('searchSegments')).toEqual([
    { id: 1_000, size: 2, dead: [b.meta.id] },
    { id: 2_000, size: 1, dead: [] },
  ]);
  expect(await conn.get('searchBlocks', [1_000, SEGMENT_DOC_IDS])).toEqual([a.meta.id, b.meta.id]);
  const bounds = (await conn.get('searchBlocks', [1_000, SEGMENT_BOUNDS])) as string[];
  expect(bounds).toHaveLength(2);
  expect(bounds[0]! < bounds[1]!).toBe(true);

  expect((await searchIndex('harbor')).hits.map((h) => h.id)).toEqual([a.meta.id]);
  expect((await searchIndex('orch')).hits.map((h) => h.id)).toEqual([c.meta.id]);
  expect((await searchIndex('frots')).hits.map((h) => h.id)).toEqual([c.meta.id]);
  expect((await searchIndex('superseded')).hits).toEqual([]);

  const d = (await saveArticle(makeExtracted({ url: 'https://new.example/d', canonicalUrl: 'https://new.example/d', title: 'Harbor ferry', textContent: 'A new ferry.' }))).meta.id;
  expect((await searchIndex('harbor')).hits.map((h) => h.id).sort()).toEqual([a.meta.id, d].sort());
  // A's segment then holds only dead articles: it goes, with its ids, bounds and blocks.
  await deleteArticles([a.meta.id]);
  expect(await conn.get('searchSegments', 1_000)).toBeUndefined();
  expect(await conn.getAllKeys('searchBlocks', IDBKeyRange.bound([1_000, -Infinity], [1_000, Infinity]))).toEqual([]);
  expect((await searchIndex('harbor')).hits.map((h) => h.id)).toEqual([d]);
  while ((await compactIndex()) > 0);
  expect((await searchIndex('frost')).hits.map((h) => h.id)).toEqual([c.meta.id]);
});
