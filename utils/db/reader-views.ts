/** Repository for the reader's recent views (`readerViews` store). */
import type { ExtractedArticle, ReaderView } from '../article/types';
import type { FixNote } from '../site-rules/types';
import { db } from './open';
import { READER_VIEW_LIMIT } from './schema';

/**
 * The view created last, kept in memory: the reader tab asks for exactly this
 * view a moment later, and reading a 1 MB record back (structured clone) would
 * sit on its critical path. Frozen, because callers get the same object each
 * time instead of a fresh copy. A restarted worker simply reads IndexedDB.
 */
let latest: ReaderView | null = null;

/**
 * Creates a view for a fresh extraction and starts storing it. The view can be
 * read at once (from memory), so the caller may send the tab to the reader while
 * IndexedDB is still writing; `stored` settles when the write (and the trimming
 * of the oldest views beyond the limit) has committed or failed.
 */
export function startReaderView(article: ExtractedArticle, { now = Date.now(), fix = null }: { now?: number; fix?: FixNote | null } = {}): { view: ReaderView; stored: Promise<void> } {
  const view: ReaderView = Object.freeze({ id: crypto.randomUUID(), article: Object.freeze({ ...article }), createdAt: now, ...(fix ? { fix } : {}) });
  latest = view;
  return { view, stored: storeView(view) };
}

/** Stores a fresh extraction for the reader and resolves once IndexedDB has it. */
export async function putReaderView(article: ExtractedArticle, now = Date.now()): Promise<ReaderView> {
  const { view, stored } = startReaderView(article, { now });
  await stored;
  return view;
}

/**
 * Replaces what a view shows ("Remove parts": the same page with blocks gone),
 * keeping its id, so the reader's address and a reload show the fixed article.
 * Undefined when the view is gone.
 */
export async function replaceReaderView(id: string, article: ExtractedArticle, fix: FixNote | null): Promise<ReaderView | undefined> {
  const old = await getReaderView(id);
  if (!old) return undefined;
  const { fix: _old, ...rest } = old;
  const view: ReaderView = Object.freeze({ ...rest, article: Object.freeze({ ...article }), ...(fix ? { fix } : {}) });
  if (latest?.id === id) latest = view;
  await (await db()).put('readerViews', view);
  return view;
}

async function storeView(view: ReaderView): Promise<void> {
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
}

export async function getReaderView(id: string): Promise<ReaderView | undefined> {
  if (latest?.id === id) return latest;
  return (await db()).get('readerViews', id);
}
