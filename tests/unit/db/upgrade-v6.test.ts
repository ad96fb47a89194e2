// @vitest-environment jsdom
/**
 * → v6: the store for an import's queued links (schema.ts PendingJobs) is
 * added, empty; a v5 library's jobs and articles stay as they were; an import
 * then writes one pending record per batch, and claiming turns it into jobs
 * (a link deleted meanwhile gets none, one filled by a save gets a done job).
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { deleteArticles } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import { claimJobs, queueProgress } from '@/utils/db/fetch-queue';
import { writeImportBatch } from '@/utils/db/imports';
import { listAll } from '@/utils/db/library-repository';
import { closeDB, db, openFolioDB } from '@/utils/db/open';
import { DB_VERSION } from '@/utils/db/schema';
import { makeExtracted } from '../helpers/article';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const link = (url: string) => ({ item: { ref: url, url, title: 'A link', tags: [], archived: false, read: false, favorite: false, highlights: [] }, plannedNew: true });
const rules = { now: Date.now() + 60_000, max: 10, leaseMs: 1_000, blockedHosts: new Set<string>() };

it('is version 6', () => {
  expect(DB_VERSION).toBe(6);
});

it('v5 → v6: a queued job stays, the pending store is new and empty', async () => {
  const v5 = await openFolioDB('folio', 5);
  expect([...v5.objectStoreNames]).not.toContain('fetchPending');
  await v5.put('fetchQueue', { articleId: 'queued', url: 'https://q.example/a', host: 'q.example', state: 'waiting', attempts: 0, dueAt: 0, leaseUntil: 0, addedAt: 1 });
  v5.close();
  const conn = await db();
  expect(conn.version).toBe(6);
  expect(await conn.getAll('fetchPending')).toEqual([]);
  expect((await conn.getAll('fetchQueue')).map((j) => j.articleId)).toEqual(['queued']);
});

it('an import batch writes one pending record; claiming makes the jobs, skipping a deleted link and marking a filled one done', async () => {
  const outcomes = await writeImportBatch(['https://a.example/1', 'https://b.example/2', 'https://c.example/3'].map(link));
  const conn = await db();
  const [record, ...more] = await conn.getAll('fetchPending');
  expect(more).toEqual([]);
  expect(record!.articleIds).toEqual(outcomes.map((o) => o.id));
  expect(await conn.count('fetchQueue')).toBe(0);

  await deleteArticles([outcomes[0]!.id]);
  await saveArticle(makeExtracted({ url: 'https://b.example/2', canonicalUrl: 'https://b.example/2' }));
  const claimed = await claimJobs(rules);
  expect(claimed.map((j) => j.url)).toEqual(['https://c.example/3']);
  expect(await conn.count('fetchPending')).toBe(0);
  expect((await conn.getAll('fetchQueue')).map((j) => [j.url, j.state]).sort()).toEqual([['https://b.example/2', 'done'], ['https://c.example/3', 'waiting']]);
  expect(await queueProgress()).toEqual({ total: 2, done: 1, failed: 0, waiting: 1 });
  expect((await listAll()).map((m) => m.url).sort()).toEqual(['https://b.example/2', 'https://c.example/3']);
});
