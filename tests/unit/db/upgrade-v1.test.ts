// @vitest-environment jsdom
/**
 * v1 → v2 with data: a database written by the v1 save code (frozen in
 * v1/writer.ts) opens under v2 with every article, its content, state and tags,
 * searchable, and an old v1 connection left open does not wedge the upgrade.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { extractFromHtml } from '@/utils/article/parse-html';
import { getArticle } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import { listAll } from '@/utils/db/library-repository';
import { closeDB, db, onUpgradeBlocked } from '@/utils/db/open';
import { searchIndex } from '@/utils/db/search-index';
import { makeExtracted } from '../helpers/article';
import { openV1, saveArticleV1 } from './v1/writer';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

function sampleArticle() {
  const html = readFileSync(join(__dirname, '..', '..', 'fixtures', 'site', 'article.html'), 'utf8');
  const result = extractFromHtml(html, 'https://straitsledger.example/news/us-china-talks?utm_source=nl');
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

it('keeps every v1 article, its content, tags and state, and makes it searchable', async () => {
  const real = sampleArticle();
  const a = await saveArticleV1('folio', real, 1_000, { tags: ['trade'], favorite: true });
  const b = await saveArticleV1('folio', makeExtracted({ url: 'https://b.example/x', canonicalUrl: 'https://b.example/x', title: 'Soybean harvest' }), 1_000, { archived: true });
  const c = await saveArticleV1('folio', makeExtracted({ url: 'https://c.example/y', canonicalUrl: 'https://c.example/y', title: 'Equal time' }), 1_000);

  const all = await listAll();
  expect(all.map((m) => m.id).sort()).toEqual([a.id, b.id, c.id].sort());
  const upgraded = all.find((m) => m.id === a.id)!;
  expect(upgraded).toMatchObject({ title: real.title, tags: ['trade'], savedAt: 1_000, urlKey: a.urlKey });
  expect(upgraded.favoritedAt).toBeTypeOf('number');
  expect(upgraded.archivedAt).toBeUndefined();
  expect(upgraded).not.toHaveProperty('content');
  expect(all.find((m) => m.id === b.id)!.archivedAt).toBeTypeOf('number');
  expect((await getArticle(a.id))?.content).toBe(real.content);

  expect((await searchIndex('Bessent')).hits.map((h) => h.id)).toEqual([a.id]);
  expect((await searchIndex('soybean')).hits.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());

  // Saving the same story again after the upgrade updates the v1 record.
  const again = await saveArticle(real);
  expect(again.created).toBe(false);
  expect(again.meta.id).toBe(a.id);
});

it('an old v1 connection that never closes reports a blocked upgrade, and the upgrade runs once it goes', async () => {
  await saveArticleV1('folio', makeExtracted(), 1_000);
  const stale = await openV1('folio');
  // The v1 code closed on versionchange; a stale tab of an even older build might not.
  stale.addEventListener('versionchange', () => {});
  const states: boolean[] = [];
  const off = onUpgradeBlocked((b) => states.push(b));
  const opening = db();
  await new Promise((r) => setTimeout(r, 50));
  expect(states).toEqual([true]);
  stale.close();
  await opening;
  expect(states).toEqual([true, false]);
  expect(await listAll()).toHaveLength(1);
  off();
});
