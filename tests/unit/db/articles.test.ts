import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findIdByUrl, getArticle, listArticles, removeArticle, saveArticle } from '@/utils/db/articles';
import { closeDB } from '@/utils/db/open';
import { makeExtracted } from '../helpers/article';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

describe('articles repository', () => {
  it('saves an article with library fields and reads it back', async () => {
    const { article, created } = await saveArticle(makeExtracted(), 1_000);
    expect(created).toBe(true);
    expect(article).toMatchObject({ savedAt: 1_000, updatedAt: 1_000, tags: [], archived: false, favorite: false, origin: 'web' });
    expect(await getArticle(article.id)).toEqual(article);
  });

  it('saving the same URL twice keeps one record, its id and first save date', async () => {
    const first = await saveArticle(makeExtracted(), 1_000);
    const second = await saveArticle(makeExtracted({ title: 'Updated headline' }), 2_000);
    expect(second.created).toBe(false);
    expect(second.article.id).toBe(first.article.id);
    expect(second.article.savedAt).toBe(1_000);
    expect(second.article.updatedAt).toBe(2_000);
    const { items, total } = await listArticles({ limit: 10 });
    expect(total).toBe(1);
    expect(items[0]?.title).toBe('Updated headline');
  });

  it('treats tracking-parameter, www and scheme variants as the same article', async () => {
    await saveArticle(makeExtracted({ url: 'https://www.news.example/a?id=7&utm_source=x', canonicalUrl: 'https://www.news.example/a?id=7&utm_source=x' }));
    const again = await saveArticle(makeExtracted({ url: 'http://news.example/a?fbclid=abc&id=7', canonicalUrl: 'http://news.example/a?fbclid=abc&id=7' }));
    expect(again.created).toBe(false);
    expect(await findIdByUrl('https://news.example/a?id=7#comments')).toBe(again.article.id);
    expect(await findIdByUrl('https://news.example/a?id=8')).toBeNull();
  });

  it('concurrent saves of one URL leave exactly one record', async () => {
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => saveArticle(makeExtracted({ title: `v${i}` }), 1_000 + i)));
    expect(new Set(outcomes.map((o) => o.article.id)).size).toBe(1);
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    expect((await listArticles({ limit: 10 })).total).toBe(1);
  });

  it('lists newest first, pages with `before`, and filters by words', async () => {
    for (let i = 0; i < 5; i++) {
      await saveArticle(makeExtracted({ url: `https://news.example/${i}`, canonicalUrl: `https://news.example/${i}`, title: i % 2 ? `Tariffs ${i}` : `Soybeans ${i}` }), 1_000 + i);
    }
    const page1 = await listArticles({ limit: 2 });
    expect(page1.items.map((a) => a.title)).toEqual(['Soybeans 4', 'Tariffs 3']);
    const page2 = await listArticles({ limit: 2, before: page1.items[1]!.savedAt });
    expect(page2.items.map((a) => a.title)).toEqual(['Soybeans 2', 'Tariffs 1']);
    const found = await listArticles({ limit: 10, query: 'TARIFFS' });
    expect(found.items.map((a) => a.title)).toEqual(['Tariffs 3', 'Tariffs 1']);
    expect(found.items[0]).not.toHaveProperty('content');
  });

  it('removes an article and says whether it existed', async () => {
    const { article } = await saveArticle(makeExtracted());
    expect(await removeArticle(article.id)).toBe(true);
    expect(await removeArticle(article.id)).toBe(false);
    expect(await getArticle(article.id)).toBeUndefined();
  });

  it('refuses an article without an http(s) URL', async () => {
    await expect(saveArticle(makeExtracted({ url: 'javascript:alert(1)', canonicalUrl: 'javascript:alert(1)' }))).rejects.toThrow(TypeError);
  });
});
