// @vitest-environment jsdom
/**
 * v1 → v3 and v2 → v3 with data (opened at the current version, so later
 * steps run too): the fetch queue store is added and nothing a library already holds changes — every article, body, highlight and tag is
 * there after the upgrade, the library still saves, and an import then queues
 * its links in the new store.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getArticle } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import { expandPending } from '@/utils/db/fetch-queue';
import { savedKeys, writeImportBatch } from '@/utils/db/imports';
import { listAll } from '@/utils/db/library-repository';
import { listHighlights } from '@/utils/db/highlights';
import { closeDB, db, openFolioDB } from '@/utils/db/open';
import { DB_VERSION } from '@/utils/db/schema';
import { recordsFor } from '@/utils/library/new-records';
import { makeExtracted } from '../helpers/article';
import { saveArticleV1 } from './v1/writer';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const link = (url: string) => ({ item: { ref: 'r', url, title: 'A link', tags: ['t'], archived: false, read: false, favorite: false, highlights: [] } });

it('v2 → v3: articles, bodies, highlights and tags stay; the fetch queue is new and empty; saving and importing work', async () => {
  // A v2 database as v2 wrote it: the v2 schema (steps 1-2 only) and its records.
  const v2 = await openFolioDB('folio', 2);
  expect([...v2.objectStoreNames]).not.toContain('fetchQueue');
  const { meta, body } = recordsFor(makeExtracted({ url: 'https://old.example/story', canonicalUrl: 'https://old.example/story' }), undefined, 5_000);
  meta.tags = ['kept'];
  meta.archivedAt = 6_000;
  const tx = v2.transaction(['articles', 'bodies', 'highlights'], 'readwrite');
  await tx.objectStore('articles').put(meta);
  await tx.objectStore('bodies').put(body);
  await tx.objectStore('highlights').put({
    id: 'h1', articleId: meta.id, color: 'yellow', note: 'n', createdAt: 1, updatedAt: 1, orphaned: false,
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'officials', prefix: 'American ', suffix: ' met' }, position: { type: 'TextPositionSelector', start: 22, end: 31 } },
    basis: { contentHash: body.contentHash, extractorVersion: 1, textModel: 1 },
  });
  await tx.done;
  v2.close();

  const conn = await db();
  expect(conn.version).toBe(DB_VERSION);
  expect([...conn.objectStoreNames]).toContain('fetchQueue');
  expect(await conn.getAll('fetchQueue')).toEqual([]);
  const [after] = await listAll();
  expect(after).toEqual(meta);
  expect((await getArticle(meta.id))?.content).toBe(body.content);
  expect((await listHighlights(meta.id)).map((h) => h.id)).toEqual(['h1']);

  expect((await saveArticle(makeExtracted({ url: 'https://new.example/x', canonicalUrl: 'https://new.example/x' }))).created).toBe(true);
  const [outcome] = await writeImportBatch([link('https://queued.example/a')]);
  expect(outcome).toMatchObject({ status: 'imported', queued: true });
  await expandPending();
  expect((await conn.getAll('fetchQueue')).map((j) => j.url)).toEqual(['https://queued.example/a']);
  expect((await savedKeys()).size).toBe(3);
});

it('v1 → v3: v1 articles arrive with content and state, and an import merges into them', async () => {
  const a = await saveArticleV1('folio', makeExtracted({ url: 'https://v1.example/a', canonicalUrl: 'https://v1.example/a', title: 'From v1' }), 1_000, { tags: ['old'], favorite: true });
  const all = await listAll();
  expect(all).toHaveLength(1);
  expect(all[0]).toMatchObject({ id: a.id, title: 'From v1', tags: ['old'], savedAt: 1_000 });
  expect(all[0]!.favoritedAt).toBeTypeOf('number');
  expect((await getArticle(a.id))?.content).toContain('Kuala Lumpur');
  const [merged] = await writeImportBatch([{ item: { ...link('http://www.v1.example/a?utm_source=x').item, archived: true } }]);
  expect(merged).toMatchObject({ status: 'merged', id: a.id, queued: false });
  const [m] = await listAll();
  expect(m!.tags).toEqual(['old', 't']);
  expect(m!.archivedAt).toBeTypeOf('number');
  expect(m!.fetchState).toBeUndefined();
});
