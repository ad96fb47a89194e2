/**
 * Reading Folio's IndexedDB from one of its extension pages, for assertions only:
 * the test looks at what was stored without going through the UI under test.
 */
import type { Page } from 'puppeteer';

export interface StoredArticleRow {
  id: string;
  url: string;
  title: string;
  urlKey: string;
  images: { stored: number; skipped: number; bytes: number };
  assets: string[];
}

/** Every saved article with the URLs of its stored images. `page` must be a Folio extension page. */
export async function storedArticles(page: Page): Promise<StoredArticleRow[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('folio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    type Meta = { id: string; url: string; title: string; urlKey: string; images: { stored: number; skipped: number; bytes: number } };
    const [metas, assets] = await Promise.all([all<Meta>('articles'), all<{ articleId: string; url: string }>('assets')]);
    db.close();
    return metas.map((m) => ({
      id: m.id, url: m.url, title: m.title, urlKey: m.urlKey, images: m.images,
      assets: assets.filter((a) => a.articleId === m.id).map((a) => a.url),
    }));
  });
}

export interface StoredHighlightRow {
  id: string;
  articleId: string;
  color: string;
  note: string;
  orphaned: boolean;
  createdAt: number;
  basis: { contentHash: string; extractorVersion: number; textModel: number };
  selectors: {
    quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
    position: { type: 'TextPositionSelector'; start: number; end: number };
  };
}

/** Every stored highlight, and the saved bodies' anchoring basis. `page` must be a Folio extension page. */
export async function storedHighlights(page: Page): Promise<{ highlights: StoredHighlightRow[]; bodies: { id: string; contentHash: string; extractorVersion: number }[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('folio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    type Body = { id: string; contentHash: string; extractorVersion: number };
    const [highlights, bodies] = await Promise.all([all<StoredHighlightRow>('highlights'), all<Body>('bodies')]);
    db.close();
    return { highlights, bodies: bodies.map(({ id, contentHash, extractorVersion }) => ({ id, contentHash, extractorVersion })) };
  });
}
