/** Repository for the library (`articles` store). */
import type { ArticleSummary, ExtractedArticle, LibraryArticle } from '../article/types';
import { toSummary } from '../article/types';
import { urlKey as keyOf } from '../url';
import { db } from './open';

export interface SaveOutcome {
  article: LibraryArticle;
  created: boolean;
}

/**
 * Saves an extracted article. Saving a URL that is already in the library updates
 * that record (same id, same savedAt, tags and flags kept) instead of adding a
 * second one. Lookup and write share one transaction, so concurrent saves of the
 * same URL serialise and still leave one record.
 */
export async function saveArticle(extracted: ExtractedArticle, now = Date.now()): Promise<SaveOutcome> {
  const key = keyOf(extracted.canonicalUrl) ?? keyOf(extracted.url);
  if (!key) throw new TypeError('An article needs an http(s) URL');
  const tx = (await db()).transaction('articles', 'readwrite');
  const existing = await tx.store.index('urlKey').get(key);
  const article: LibraryArticle = existing
    ? { ...existing, ...extracted, urlKey: key, updatedAt: now }
    : {
        ...extracted,
        id: crypto.randomUUID(),
        urlKey: key,
        savedAt: now,
        updatedAt: now,
        tags: [],
        archived: false,
        favorite: false,
        origin: 'web',
      };
  await tx.store.put(article);
  await tx.done;
  return { article, created: !existing };
}

export async function getArticle(id: string): Promise<LibraryArticle | undefined> {
  return (await db()).get('articles', id);
}

export async function findIdByUrl(url: string): Promise<string | null> {
  const key = keyOf(url);
  if (!key) return null;
  const found = await (await db()).getKeyFromIndex('articles', 'urlKey', key);
  return found ?? null;
}

export async function removeArticle(id: string): Promise<boolean> {
  const tx = (await db()).transaction('articles', 'readwrite');
  const existed = (await tx.store.getKey(id)) !== undefined;
  if (existed) await tx.store.delete(id);
  await tx.done;
  return existed;
}

/** Newest first. Filtering by words scans summaries; the library issue adds a real index. */
export async function listArticles(options: { query?: string; limit: number; before?: number }): Promise<{ items: ArticleSummary[]; total: number }> {
  const conn = await db();
  const words = (options.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const range = options.before !== undefined ? IDBKeyRange.upperBound(options.before, true) : undefined;
  const items: ArticleSummary[] = [];
  const tx = conn.transaction('articles', 'readonly');
  const total = await tx.store.count();
  let cursor = await tx.store.index('savedAt').openCursor(range, 'prev');
  while (cursor && items.length < options.limit) {
    const a = cursor.value;
    const haystack = `${a.title} ${a.siteName ?? ''} ${a.byline ?? ''}`.toLowerCase();
    if (words.every((w) => haystack.includes(w))) items.push(toSummary(a));
    cursor = await cursor.continue();
  }
  await tx.done;
  return { items, total };
}
