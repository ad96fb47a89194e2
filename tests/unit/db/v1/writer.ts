/**
 * Folio's version-1 save code as it shipped (utils/db/articles.ts at schema
 * version 1), frozen here so the upgrade test writes a v1 database exactly the
 * way v1 users' browsers did: one `articles` store of whole records with
 * boolean state. Do not "fix" it: it is a record of the past.
 */
import { openDB } from 'idb';
import type { ExtractedArticle, LibraryArticle } from '@/utils/article/types';
import { urlKey as keyOf } from '@/utils/url';

export async function openV1(name = 'folio') {
  return openDB(name, 1, {
    upgrade(db) {
      const articles = db.createObjectStore('articles', { keyPath: 'id' });
      articles.createIndex('urlKey', 'urlKey', { unique: true });
      articles.createIndex('savedAt', 'savedAt');
      const views = db.createObjectStore('readerViews', { keyPath: 'id' });
      views.createIndex('createdAt', 'createdAt');
    },
  });
}

export async function saveArticleV1(name: string, extracted: ExtractedArticle, now: number, state: Partial<Pick<LibraryArticle, 'tags' | 'archived' | 'favorite'>> = {}) {
  const conn = await openV1(name);
  const key = keyOf(extracted.canonicalUrl) ?? keyOf(extracted.url);
  if (!key) throw new TypeError('An article needs an http(s) URL');
  const tx = conn.transaction('articles', 'readwrite');
  const existing = (await tx.store.index('urlKey').get(key)) as LibraryArticle | undefined;
  const article: LibraryArticle = existing
    ? { ...existing, ...extracted, urlKey: key, updatedAt: now }
    : { ...extracted, id: crypto.randomUUID(), urlKey: key, savedAt: now, updatedAt: now, tags: [], archived: false, favorite: false, origin: 'web', ...state };
  await tx.store.put(article);
  await tx.done;
  conn.close();
  return article;
}
