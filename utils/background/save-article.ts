/**
 * Saving an extraction to the library with its images: the one path every
 * trigger (popup, reader, context menus, keyboard command) takes.
 */
import type { ExtractedArticle } from '../article/types';
import { saveArticle, type SaveOptions, type SaveOutcome } from '../db/articles';
import { imageCapBytes, offlineImageCapMB } from '../settings';
import { fetchArticleImages } from './offline-images';

export async function saveWithImages(extracted: ExtractedArticle, options: Omit<SaveOptions, 'images'> = {}): Promise<SaveOutcome> {
  const cap = imageCapBytes(await offlineImageCapMB.getValue().catch(() => undefined));
  const images = await fetchArticleImages(extracted.content, extracted.leadImage, cap, extracted.url);
  return saveArticle(extracted, { ...options, images });
}
