/**
 * Opening a saved article in the reader straight from the library's stores
 * (the reader is an extension page: no message carries the body or the
 * images). Images become object URLs made here, revoked when the page goes.
 */
import type { ReaderDocument } from '../messaging';
import { getArticle } from '../db/article-records';
import { getAssets, updateState } from '../db/library-repository';
import type { LocalImages } from '../library/offline-images';

export interface SavedReaderDocument {
  doc: ReaderDocument;
  images: LocalImages;
  release(): void;
}

export async function loadSavedArticle(id: string, createUrl = (b: Blob) => URL.createObjectURL(b), revokeUrl = (u: string) => URL.revokeObjectURL(u)): Promise<SavedReaderDocument | null> {
  const [article, assets] = await Promise.all([getArticle(id), getAssets(id)]);
  if (!article) return null;
  const { textContent: _plain, ...forReader } = article;
  const images = new Map<string, string>();
  for (const asset of assets) images.set(asset.url, createUrl(asset.blob));
  return {
    doc: { source: { kind: 'article', id }, article: forReader, savedId: id },
    images,
    release: () => images.forEach((url) => revokeUrl(url)),
  };
}

/** Reading progress of a saved article; reaching the end marks it read. */
export async function recordSavedProgress(id: string, fraction: number, now = Date.now()): Promise<void> {
  const progress = Math.round(Math.min(1, Math.max(0, fraction)) * 1000) / 1000;
  await updateState([id], progress >= 0.98 ? { progress, readAt: now } : { progress });
}
