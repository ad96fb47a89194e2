import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { MIGRATIONS } from '@/utils/db/migrations';
import { openFolioDB } from '@/utils/db/open';
import { DB_VERSION } from '@/utils/db/schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

it('has exactly one upgrade step per schema version', () => {
  expect(MIGRATIONS).toHaveLength(DB_VERSION);
});

it('a fresh install has the library and reader-view stores with their indexes', async () => {
  const conn = await openFolioDB('fresh');
  expect([...conn.objectStoreNames].sort()).toEqual(['articles', 'readerViews']);
  const tx = conn.transaction('articles');
  expect([...tx.store.indexNames].sort()).toEqual(['savedAt', 'urlKey']);
  expect(tx.store.index('urlKey').unique).toBe(true);
  conn.close();
});

it('refuses a version it has no upgrade step for instead of half-upgrading', async () => {
  await expect(openFolioDB('future', DB_VERSION + 1)).rejects.toThrow(/No upgrade step/);
});
