import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteArticles, getArticle, getMeta, removeArticle } from '@/utils/db/article-records';
import { findSavedId, saveArticle } from '@/utils/db/articles';
import { addTags, getAssets, listAll, listBefore, listRecent, renameTag, updateState } from '@/utils/db/library-repository';
import { closeDB, db } from '@/utils/db/open';
import { searchIndex } from '@/utils/db/search-index';
import { makeExtracted } from '../helpers/article';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const at = (path: string, overrides = {}) => makeExtracted({ url: `https://news.example/${path}`, canonicalUrl: `https://news.example/${path}`, ...overrides });

describe('saving', () => {
  it('keeps metadata apart from the body: list rows carry no content', async () => {
    const { meta, created } = await saveArticle(makeExtracted(), { now: 1_000 });
    expect(created).toBe(true);
    expect(meta).toMatchObject({ savedAt: 1_000, updatedAt: 1_000, tags: [], origin: 'web', siteKey: 'news.example' });
    expect(meta).not.toHaveProperty('content');
    expect(meta).not.toHaveProperty('textContent');
    expect((await listRecent(5))[0]).not.toHaveProperty('content');
    const body = await (await db()).get('bodies', meta.id);
    expect(body).toMatchObject({ content: makeExtracted().content, extractorVersion: 1 });
    expect(body?.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect((await getArticle(meta.id))?.content).toBe(makeExtracted().content);
  });

  it('saving the same article twice keeps one record, its id, first save date, tags and state', async () => {
    const first = await saveArticle(makeExtracted(), { now: 1_000 });
    await addTags([first.meta.id], ['trade']);
    await updateState([first.meta.id], { favoritedAt: 1_500 });
    const second = await saveArticle(makeExtracted({ title: 'Updated headline' }), { now: 2_000 });
    expect(second.created).toBe(false);
    expect(second.meta).toMatchObject({ id: first.meta.id, savedAt: 1_000, updatedAt: 2_000, tags: ['trade'], favoritedAt: 1_500, title: 'Updated headline' });
    expect(await listAll()).toHaveLength(1);
  });

  it('finds a saved article by its canonical URL and by its address, tracking parameters ignored', async () => {
    const { meta } = await saveArticle(
      makeExtracted({ url: 'https://m.news.example/a?utm_source=x', canonicalUrl: 'https://www.news.example/a' }),
    );
    expect(meta.urlKey).toBe('news.example/a');
    expect(await findSavedId('https://news.example/a?fbclid=1')).toBe(meta.id);
    expect(await findSavedId('https://m.news.example/a?utm_medium=y')).toBeNull();
    // The popup knows the page's declared canonical: that finds it from the mobile address too.
    expect(await findSavedId('https://m.news.example/a?utm_medium=y', 'https://www.news.example/a')).toBe(meta.id);
  });

  it('dedupes by address when a page later declares a canonical', async () => {
    const first = await saveArticle(at('story?id=7'));
    const again = await saveArticle(makeExtracted({ url: 'https://news.example/story?id=7&utm_campaign=z', canonicalUrl: 'https://news.example/story/7' }));
    expect(again.created).toBe(false);
    expect(again.meta.id).toBe(first.meta.id);
    expect(await listAll()).toHaveLength(1);
  });

  it('refuses a canonical on another site: it cannot overwrite that site’s saved article', async () => {
    const victim = await saveArticle(makeExtracted({ url: 'https://bank.example/news/rates', canonicalUrl: 'https://bank.example/news/rates', title: 'Real story' }));
    const spoof = await saveArticle(makeExtracted({ url: 'https://evil.example/page', canonicalUrl: 'https://bank.example/news/rates', title: 'Fake story' }));
    expect(spoof.created).toBe(true);
    expect(spoof.meta.id).not.toBe(victim.meta.id);
    expect(spoof.meta.urlKey).toBe('evil.example/page');
    expect((await getMeta(victim.meta.id))?.title).toBe('Real story');
    // Same registrable domain (public suffix aware) is the same site.
    const mobile = await saveArticle(makeExtracted({ url: 'https://m.bank.example/news/rates', canonicalUrl: 'https://bank.example/news/rates', title: 'Real story, mobile' }));
    expect(mobile.meta.id).toBe(victim.meta.id);
    const suffix = await saveArticle(makeExtracted({ url: 'https://other.co.uk/p', canonicalUrl: 'https://paper.co.uk/p' }));
    expect(suffix.meta.urlKey).toBe('other.co.uk/p');
  });

  it('concurrent saves of one URL leave exactly one record', async () => {
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => saveArticle(makeExtracted({ title: `v${i}` }), { now: 1_000 + i })));
    expect(new Set(outcomes.map((o) => o.meta.id)).size).toBe(1);
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect(await listAll()).toHaveLength(1);
  });

  it('stores images with the article in the same transaction, and replaces them on re-save', async () => {
    const content = '<p>x</p><img src="https://img.example/a.jpg"><img src="https://img.example/b.jpg">';
    const blob = (s: string) => new Blob([s], { type: 'image/jpeg' });
    const { meta } = await saveArticle(at('pics', { content }), {
      images: { assets: [{ url: 'https://img.example/a.jpg', blob: blob('aaaa'), type: 'image/jpeg', bytes: 4 }], skipped: 1 },
    });
    expect(meta.images).toEqual({ stored: 1, skipped: 1, bytes: 4 });
    expect((await getAssets(meta.id)).map((a) => a.url)).toEqual(['https://img.example/a.jpg']);
    // Re-saved offline with new content that drops a.jpg: a.jpg goes, b.jpg arrives.
    const again = await saveArticle(at('pics', { content: '<img src="https://img.example/b.jpg">' }), {
      images: { assets: [{ url: 'https://img.example/b.jpg', blob: blob('bb'), type: 'image/jpeg', bytes: 2 }], skipped: 0 },
    });
    expect((await getAssets(again.meta.id)).map((a) => a.url)).toEqual(['https://img.example/b.jpg']);
    expect(again.meta.images).toEqual({ stored: 1, skipped: 0, bytes: 2 });
  });

  it('a quota error leaves nothing half-written', async () => {
    await saveArticle(at('kept'));
    const conn = await db();
    const realPut = IDBObjectStore.prototype.put;
    // The body write fails the way a full disk does; article and index writes in the same transaction must roll back.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'bodies') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    try {
      await expect(saveArticle(at('too-big', { title: 'Quota victim' }))).rejects.toThrow(/quota/i);
    } finally {
      IDBObjectStore.prototype.put = realPut;
    }
    expect((await listAll()).map((m) => m.url)).toEqual(['https://news.example/kept']);
    expect((await searchIndex('victim')).hits).toEqual([]);
    expect(await conn.count('searchDocs')).toBe(1);
    expect(await conn.count('searchSegments')).toBe(1);
  });

  it('refuses an article without an http(s) URL', async () => {
    await expect(saveArticle(makeExtracted({ url: 'javascript:alert(1)', canonicalUrl: 'javascript:alert(1)' }))).rejects.toThrow(TypeError);
  });
});

describe('listing', () => {
  it('pages newest first by [savedAt, id] without skipping articles that share a timestamp', async () => {
    for (let i = 0; i < 7; i++) await saveArticle(at(`s${i}`), { now: i < 5 ? 5_000 : 6_000 + i });
    const seen: string[] = [];
    let page = await listBefore(null, 2);
    while (page.length) {
      seen.push(...page.map((m) => m.id));
      const last = page[page.length - 1]!;
      page = await listBefore([last.savedAt, last.id], 2);
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect((await listAll()).map((m) => m.id)).toEqual(seen);
  });

  it('lists every article, newest first, when the library is larger than one request reads (500)', async () => {
    const conn = await db();
    const { meta } = await saveArticle(at('template'), { now: 1 });
    const tx = conn.transaction('articles', 'readwrite');
    for (let i = 0; i < 1_203; i++) void tx.store.put({ ...meta, id: `bulk-${String(i).padStart(4, '0')}`, urlKey: `bulk-${i}`, savedAt: 10_000 + i });
    await tx.done;
    const all = await listAll();
    expect(all).toHaveLength(1_204);
    expect(all[0]!.id).toBe('bulk-1202');
    expect(all.at(-1)!.id).toBe(meta.id);
  });
});

describe('state and tags', () => {
  it('stores state as indexable timestamps and clears them with null', async () => {
    const { meta } = await saveArticle(at('s'));
    await updateState([meta.id], { readAt: 10, archivedAt: 20, progress: 0.5 });
    const conn = await db();
    expect(await conn.getAllKeysFromIndex('articles', 'archivedAt')).toEqual([meta.id]);
    expect(await getMeta(meta.id)).toMatchObject({ readAt: 10, archivedAt: 20, progress: 0.5 });
    await updateState([meta.id], { archivedAt: null });
    expect(await conn.getAllKeysFromIndex('articles', 'archivedAt')).toEqual([]);
    expect((await getMeta(meta.id))?.archivedAt).toBeUndefined();
  });

  it('tags are indexed (multi-entry), searchable, and rename merges', async () => {
    const a = (await saveArticle(at('a'))).meta.id;
    const b = (await saveArticle(at('b'))).meta.id;
    await addTags([a, b], ['Economy ']);
    await addTags([b], ['econ']);
    expect((await searchIndex('economy')).hits.map((h) => h.id).sort()).toEqual([a, b].sort());
    expect(await renameTag('econ', 'Economy')).toBe(1);
    expect((await getMeta(b))?.tags).toEqual(['Economy']);
    expect(await (await db()).getAllKeysFromIndex('articles', 'tags', 'Economy')).toHaveLength(2);
  });
});

describe('deleting', () => {
  it('removes the article with its body, images and index entries', async () => {
    const { meta } = await saveArticle(at('gone', { content: '<img src="https://img.example/a.jpg"><p>Kuala Lumpur</p>' }), {
      images: { assets: [{ url: 'https://img.example/a.jpg', blob: new Blob(['a']), type: 'image/jpeg', bytes: 1 }], skipped: 0 },
    });
    await saveArticle(at('stays'));
    expect(await deleteArticles([meta.id, 'missing'])).toBe(1);
    const conn = await db();
    expect(await conn.get('bodies', meta.id)).toBeUndefined();
    expect(await getAssets(meta.id)).toEqual([]);
    expect(await conn.get('searchDocs', meta.id)).toBeUndefined();
    expect((await searchIndex('kuala')).hits.map((h) => h.id)).not.toContain(meta.id);
    expect(await removeArticle(meta.id)).toBe(false);
  });
});
