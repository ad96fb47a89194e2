/**
 * The Folio backup, both ways, over fake-indexeddb: a generated library of
 * 500 articles (images, highlights with notes, tags, states, progress,
 * positions) → backup → a fresh database → restore → backup again gives the
 * same entries byte for byte and the same records in every store; the
 * restored library finds the same articles by search.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAll } from '@/utils/db/library-repository';
import { closeDB, db } from '@/utils/db/open';
import { compactIndex, searchIndex } from '@/utils/db/search-index';
import { readBundle, readBundles } from '@/utils/db/transfer';
import { readBackup, verifyBackup } from '@/utils/transfer/backup/reader';
import { restoreBackup, restoreItem } from '@/utils/transfer/backup/restore';
import { writeBackup } from '@/utils/transfer/backup/writer';
import { canonicalJson } from '@/utils/transfer/canonical-json';
import { bundlesOf } from '@/utils/transfer/source';
import { listZip, readEntry } from '@/utils/transfer/zip-reader';
import { seedLibrary } from '../helpers/export-library';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

async function backupOfLibrary(): Promise<Blob> {
  const ids = (await listAll()).map((m) => m.id);
  return (await writeBackup(bundlesOf(ids, readBundles), 1_800_000_000_000)).blob;
}

async function entriesOf(zip: Blob): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await listZip(zip)) out.set(e.name, Buffer.from(await readEntry(zip, e, 1e9)).toString('base64'));
  return out;
}

/** Every store except the search index (its segment ids are fresh per write), blobs as bytes. */
async function dumpStores(): Promise<Record<string, unknown[]>> {
  const conn = await db();
  const out: Record<string, unknown[]> = {};
  for (const store of ['articles', 'bodies', 'assets', 'highlights', 'positions'] as const) {
    const rows = (await conn.getAll(store)) as unknown as Record<string, unknown>[];
    out[store] = await Promise.all(
      rows.map(async (r) => (r.blob instanceof Blob ? { ...r, blob: Buffer.from(await r.blob.arrayBuffer()).toString('base64'), blobType: r.blob.type } : r)),
    );
    // Sorted by content with keys in one order: a restored record lists its keys in the schema's order.
    out[store]!.sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
  }
  return out;
}

async function searchIds(query: string): Promise<string[]> {
  return (await searchIndex(query)).hits.map((h) => h.id).sort();
}

describe('Folio backup round trip', () => {
  it('500 articles: backup → fresh database → restore → backup is identical, entry for entry and record for record', async () => {
    await seedLibrary(500);
    const before = await dumpStores();
    expect(before.articles).toHaveLength(500);
    expect(before.assets!.length).toBeGreaterThan(300);
    expect(before.highlights!.length).toBe(125);
    const queries = ['kuala', 'officials', 'tag3', 'monsoon', 'note', 'constructiv'];
    const found = await Promise.all(queries.map(searchIds));
    const first = await backupOfLibrary();

    await closeDB();
    globalThis.indexedDB = new IDBFactory();
    expect(await listAll()).toHaveLength(0);
    const report = await restoreBackup(first);
    expect(report).toEqual({ restored: 500, duplicates: 0 });

    expect(await dumpStores()).toEqual(before);
    await compactIndex(50);
    expect(await Promise.all(queries.map(searchIds))).toEqual(found);
    expect(found.every((ids) => ids.length > 0)).toBe(true);

    const second = await backupOfLibrary();
    expect(await entriesOf(second)).toEqual(await entriesOf(first));
  }, 120_000);

  it('restoring into a library that has the article already reports a duplicate and writes nothing for it', async () => {
    const [a] = await seedLibrary(1);
    const item = (await readBundle(a!.id))!;
    expect(await restoreItem(item)).toBe('duplicate');
    // Positive control: in a fresh library the same item is restored.
    await closeDB();
    globalThis.indexedDB = new IDBFactory();
    expect(await restoreItem(item)).toBe('restored');
    expect((await listAll()).map((m) => m.id)).toEqual([a!.id]);
  });

  it('a restore is one transaction: a failing write leaves no part of the article', async () => {
    const [a] = await seedLibrary(1);
    const item = (await readBundle(a!.id))!;
    await closeDB();
    globalThis.indexedDB = new IDBFactory();
    // A highlight whose id is not a valid key fails the put half-way through the article.
    const broken = { ...item, highlights: [{ ...item.highlights[0]!, id: undefined as unknown as string }] };
    await expect(restoreItem(broken)).rejects.toThrow();
    const conn = await db();
    for (const store of ['articles', 'bodies', 'assets', 'highlights', 'searchDocs'] as const) expect(await conn.count(store), store).toBe(0);
    expect(await restoreItem(item)).toBe('restored');
    expect(await conn.count('articles')).toBe(1);
  });

  it('readBackup yields whole bundles with image blobs; verifyBackup counts them', async () => {
    await seedLibrary(4);
    const zip = await backupOfLibrary();
    expect(await verifyBackup(zip)).toEqual({ version: 1, articles: 4, highlights: 1, images: 4 });
    const items = [];
    for await (const item of readBackup(zip)) items.push(item);
    expect(items).toHaveLength(4);
    const withImages = items.find((i) => i.assets.length > 0)!;
    expect(withImages.assets[0]!.blob.size).toBe(600);
    expect(withImages.assets[0]!.blob.type).toBe('image/png');
  });
});
