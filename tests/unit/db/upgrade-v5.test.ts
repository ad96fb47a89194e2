// @vitest-environment jsdom
/**
 * → v5 with data, from every earlier version: the site rules store is added,
 * empty, and nothing a library already holds changes — articles, bodies,
 * highlights, the fetch queue and reader views are all there after the
 * upgrade, and the new store takes, lists and deletes rules.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getArticle } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import { listAll } from '@/utils/db/library-repository';
import { listHighlights } from '@/utils/db/highlights';
import { closeDB, db, openFolioDB } from '@/utils/db/open';
import { DB_VERSION } from '@/utils/db/schema';
import { deleteSiteRule, getSiteRule, listSiteRules, putSiteRule } from '@/utils/db/site-rules';
import { recordsFor } from '@/utils/library/new-records';
import type { SiteRule } from '@/utils/site-rules/types';
import { makeExtracted } from '../helpers/article';
import { saveArticleV1 } from './v1/writer';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const rule = (site: string, updatedAt: number): SiteRule => ({ site, article: 'div.copy', remove: ['.quay-guide'], createdAt: 1, updatedAt });

it('v3 → v5 (through the v4 search headers step): every store keeps its records (a queued job and a reader view too); site rules is new and empty, and works', async () => {
  const v3 = await openFolioDB('folio', 3);
  expect([...v3.objectStoreNames]).not.toContain('siteRules');
  const { meta, body } = recordsFor(makeExtracted({ url: 'https://old.example/story', canonicalUrl: 'https://old.example/story' }), undefined, 5_000);
  meta.tags = ['kept'];
  const tx = v3.transaction(['articles', 'bodies', 'highlights', 'fetchQueue', 'readerViews'], 'readwrite');
  await tx.objectStore('articles').put(meta);
  await tx.objectStore('bodies').put(body);
  await tx.objectStore('highlights').put({
    id: 'h1', articleId: meta.id, color: 'green', note: '', createdAt: 1, updatedAt: 1, orphaned: false,
    selectors: { quote: { type: 'TextQuoteSelector', exact: 'officials', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 22, end: 31 } },
    basis: { contentHash: body.contentHash, extractorVersion: 1, textModel: 1 },
  });
  await tx.objectStore('fetchQueue').put({ articleId: 'queued', url: 'https://q.example/a', host: 'q.example', state: 'waiting', attempts: 0, dueAt: 0, leaseUntil: 0, addedAt: 1 });
  await tx.objectStore('readerViews').put({ id: 'v1', article: makeExtracted(), createdAt: 7 });
  await tx.done;
  v3.close();

  const conn = await db();
  expect(conn.version).toBe(DB_VERSION);
  expect(await conn.getAll('siteRules')).toEqual([]);
  expect(await listAll()).toEqual([meta]);
  expect((await getArticle(meta.id))?.content).toBe(body.content);
  expect((await listHighlights(meta.id)).map((h) => h.id)).toEqual(['h1']);
  expect((await conn.getAll('fetchQueue')).map((j) => j.articleId)).toEqual(['queued']);
  expect((await conn.get('readerViews', 'v1'))?.createdAt).toBe(7);

  await putSiteRule(rule('news.example', 10));
  await putSiteRule(rule('other.example', 20));
  expect(await getSiteRule('news.example')).toEqual(rule('news.example', 10));
  expect((await listSiteRules()).map((r) => r.site)).toEqual(['other.example', 'news.example']);
  expect(await deleteSiteRule('news.example')).toEqual(rule('news.example', 10));
  expect(await deleteSiteRule('news.example')).toBeNull();
  expect(await getSiteRule('news.example')).toBeNull();
});

it('v1 → v5 and v2 → v5: the old library arrives whole beside the new store', async () => {
  const a = await saveArticleV1('folio', makeExtracted({ url: 'https://v1.example/a', canonicalUrl: 'https://v1.example/a', title: 'From v1' }), 1_000, { tags: ['old'] });
  const conn = await db();
  expect(conn.version).toBe(DB_VERSION);
  expect([...conn.objectStoreNames]).toContain('siteRules');
  expect((await listAll()).map((m) => [m.id, m.title, m.tags])).toEqual([[a.id, 'From v1', ['old']]]);
  await closeDB();

  globalThis.indexedDB = new IDBFactory();
  const v2 = await openFolioDB('folio', 2);
  v2.close();
  const upgraded = await db();
  expect([...upgraded.objectStoreNames]).toEqual(expect.arrayContaining(['fetchQueue', 'siteRules']));
  expect((await saveArticle(makeExtracted({ url: 'https://new.example/x', canonicalUrl: 'https://new.example/x' }))).created).toBe(true);
});
