/** Repository for the reader's recent views (`readerViews` store). */
import type { ExtractedArticle, ReaderView } from '../article/types';
import { db } from './open';
import { READER_VIEW_LIMIT } from './schema';

/**
 * The view stored last, kept in memory once IndexedDB has it: the reader tab
 * asks for exactly this view a moment later, and reading a 1 MB record back
 * (structured clone) would sit on its critical path. Frozen, because callers
 * get the same object each time instead of a fresh copy. A restarted worker
 * simply reads IndexedDB again.
 */
let latest: ReaderView | null = null;

/** Stores a fresh extraction for the reader and drops the oldest beyond the limit. */
export async function putReaderView(article: ExtractedArticle, now = Date.now()): Promise<ReaderView> {
  const view: ReaderView = { id: crypto.randomUUID(), article, createdAt: now };
  latest = null;
  const tx = (await db()).transaction('readerViews', 'readwrite');
  await tx.store.put(view);
  const excess = (await tx.store.count()) - READER_VIEW_LIMIT;
  if (excess > 0) {
    let cursor = await tx.store.index('createdAt').openCursor(null, 'next');
    for (let i = 0; cursor && i < excess; i++) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  latest = Object.freeze({ ...view, article: Object.freeze({ ...article }) });
  return view;
}

export async function getReaderView(id: string): Promise<ReaderView | undefined> {
  if (latest?.id === id) return latest;
  return (await db()).get('readerViews', id);
}
