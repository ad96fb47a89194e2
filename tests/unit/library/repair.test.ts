import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveArticle } from '@/utils/db/articles';
import { addTags, getMeta, listAll, listRecent, repair } from '@/utils/db/library-repository';
import { closeDB, db } from '@/utils/db/open';
import { searchIndex } from '@/utils/db/search-index';
import { checkMeta, repaired } from '@/utils/library/repair';
import { makeExtracted } from '../helpers/article';

async function good(path: string) {
  const url = `https://news.example/${path}`;
  return (await saveArticle(makeExtracted({ url, canonicalUrl: url, title: `Good ${path}`, textContent: 'harbour story', content: '<p>harbour story</p>' }))).meta;
}

describe('checkMeta (pure)', () => {
  it('passes a sound record through unchanged, with no damage', async () => {
    globalThis.indexedDB = new IDBFactory();
    const meta = await good('a');
    expect(checkMeta(meta)).toEqual(meta);
    await closeDB();
  });

  it('replaces wrong or missing fields with defaults and names them', () => {
    const m = checkMeta({ id: 'x', url: 'https://www.news.example/x', title: 42, tags: 'economy', savedAt: '2025', wordCount: -3, readAt: 'yes', images: null })!;
    expect(m.title).toBe('');
    expect(m.tags).toEqual([]);
    expect(m.savedAt).toBe(0);
    expect(m.wordCount).toBe(0);
    expect(m.readAt).toBeUndefined();
    expect(m.siteKey).toBe('news.example');
    expect(m.images).toEqual({ stored: 0, skipped: 0, bytes: 0 });
    expect(m.damaged).toEqual(expect.arrayContaining(['title', 'tags', 'savedAt', 'wordCount', 'readAt', 'images']));
    expect(repaired(m).damaged).toBeUndefined();
  });

  it('keeps the good strings of a partly bad tag list, and says tags were damaged', () => {
    const m = checkMeta({ id: 'x', url: 'https://a.example/', title: 't', tags: ['ok', 7, null], savedAt: 1, updatedAt: 1 })!;
    expect(m.tags).toEqual(['ok']);
    expect(m.damaged).toContain('tags');
  });

  it('has no usable form without a string id (nothing could address it)', () => {
    expect(checkMeta(null)).toBeNull();
    expect(checkMeta({ id: 5 })).toBeNull();
    expect(checkMeta('text')).toBeNull();
  });
});

describe('damaged records in the library', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(async () => {
    await closeDB();
  });

  async function damage() {
    const sound = await good('sound');
    const conn = await db();
    // Written past the typed API, as a bug or a disk error would.
    const raw = conn.transaction('articles', 'readwrite').objectStore('articles') as unknown as IDBObjectStore;
    raw.put({ id: 'bad-tags', urlKey: 'news.example/bad-tags', url: 'https://news.example/bad-tags', title: 'Bad tags', savedAt: 5, tags: 'economy' });
    raw.put({ id: 'no-date', urlKey: 'news.example/no-date', url: 'https://news.example/no-date', title: 'No date', tags: [] });
    await new Promise((r) => setTimeout(r, 0));
    return sound;
  }

  it('lists every record — the damaged ones marked, one without a saved date too — instead of failing', async () => {
    const sound = await damage();
    const all = await listAll();
    expect(all.map((m) => m.id).sort()).toEqual(['bad-tags', 'no-date', sound.id].sort());
    expect(all.find((m) => m.id === sound.id)!.damaged).toBeUndefined();
    expect(all.find((m) => m.id === 'bad-tags')!.damaged).toContain('tags');
    expect((await listRecent(10)).find((m) => m.id === 'bad-tags')!.tags).toEqual([]);
    expect((await getMeta('no-date'))!.damaged).toContain('savedAt');
  });

  it('repair writes the cleaned record back: no damage on the next read, and it is searchable', async () => {
    await damage();
    expect(await repair(['bad-tags', 'no-date'])).toBe(2);
    expect((await getMeta('bad-tags'))!.damaged).toBeUndefined();
    expect((await getMeta('no-date'))!.damaged).toBeUndefined();
    expect((await searchIndex('bad tags')).hits.map((h) => h.id)).toEqual(['bad-tags']);
  });

  it('a change to a damaged record (adding a tag) repairs it instead of throwing', async () => {
    await damage();
    await addTags(['bad-tags'], ['later']);
    const m = (await getMeta('bad-tags'))!;
    expect(m.tags).toEqual(['later']);
    expect(m.damaged).toBeUndefined();
  });
});
