/** Repository for the reader's recent views (`readerViews` store). */
import type { ExtractedArticle, ReaderView } from '../article/types';
import { db } from './open';
import { READER_VIEW_LIMIT } from './schema';

/** Stores a fresh extraction for the reader and drops the oldest beyond the limit. */
export async function putReaderView(article: ExtractedArticle, now = Date.now()): Promise<ReaderView> {
  const view: ReaderView = { id: crypto.randomUUID(), article, createdAt: now };
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
  return view;
}

export async function getReaderView(id: string): Promise<ReaderView | undefined> {
  return (await db()).get('readerViews', id);
}
