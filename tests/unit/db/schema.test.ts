import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it, vi } from 'vitest';
import { MIGRATIONS } from '@/utils/db/migrations';
import { DatabaseTooNewError, openFolioDB } from '@/utils/db/open';
import { DB_VERSION } from '@/utils/db/schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

it('has exactly one upgrade step per schema version', () => {
  expect(MIGRATIONS).toHaveLength(DB_VERSION);
});

it('a fresh install has every store (v3: the fetch queue, v5: site rules, v6: pending links), with state and paging indexes', async () => {
  const conn = await openFolioDB('fresh');
  expect([...conn.objectStoreNames].sort()).toEqual(['articles', 'assets', 'bodies', 'fetchPending', 'fetchQueue', 'highlights', 'positions', 'readerViews', 'searchBlocks', 'searchDocs', 'searchSegments', 'siteRules', 'siteScales']);
  const tx = conn.transaction('articles');
  expect([...tx.store.indexNames].sort()).toEqual(['archivedAt', 'favoritedAt', 'readAt', 'savedAt_id', 'siteKey', 'tags', 'urlKey']);
  expect(tx.store.index('urlKey').unique).toBe(true);
  expect(tx.store.index('tags').multiEntry).toBe(true);
  expect(tx.store.index('savedAt_id').keyPath).toEqual(['savedAt', 'id']);
  conn.close();
});

it('upgrades even when the database list was stale (created or deleted since): the open retries with the ladder', async () => {
  // The list claims a current database that does not exist: the first open's upgrade finds no ladder loaded.
  vi.spyOn(globalThis.indexedDB, 'databases').mockResolvedValue([{ name: 'stale', version: DB_VERSION }]);
  const conn = await openFolioDB('stale');
  expect(conn.version).toBe(DB_VERSION);
  expect(conn.objectStoreNames.contains('articles')).toBe(true);
  conn.close();
});

it('refuses a version it has no upgrade step for instead of half-upgrading', async () => {
  await expect(openFolioDB('future', DB_VERSION + 1)).rejects.toThrow(/No upgrade step/);
});

it('leaves a database made by a newer Folio untouched, with a clear error', async () => {
  const newer = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('folio-newer', DB_VERSION + 3);
    req.onupgradeneeded = () => req.result.createObjectStore('future');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  newer.close();
  await expect(openFolioDB('folio-newer')).rejects.toBeInstanceOf(DatabaseTooNewError);
  await expect(openFolioDB('folio-newer')).rejects.toThrow(/newer version of Folio/);
  const again = await new Promise<IDBDatabase>((resolve) => {
    const req = indexedDB.open('folio-newer');
    req.onsuccess = () => resolve(req.result);
  });
  expect(again.version).toBe(DB_VERSION + 3);
  expect([...again.objectStoreNames]).toEqual(['future']);
  again.close();
});
