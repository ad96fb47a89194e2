/**
 * Reading the library's records back: as one article, as search fields, as a
 * sort key. Building them from an extraction is new-records.ts (it needs the
 * identity rules, which pages that only read never load). Pure.
 */
import type { LibraryArticle } from '../article/types';
import { normalizeText, type SearchableFields } from './search-terms';
import type { ArticleBody, ArticleMeta } from './types';

export function titleKey(title: string): string {
  return normalizeText(title).replace(/^[^\p{L}\p{N}]+/u, '').trim();
}

/** The fields search indexes for an article. */
export function searchableOf(meta: ArticleMeta, body: Pick<ArticleBody, 'textContent'> | undefined, notes?: string): SearchableFields {
  return {
    title: meta.title,
    byline: meta.byline,
    siteName: meta.siteName,
    siteKey: meta.siteKey,
    tags: meta.tags,
    body: body?.textContent,
    notes,
  };
}

/** One whole article, as the reader and exports use it. */
export function joinArticle(meta: ArticleMeta, body: ArticleBody): LibraryArticle {
  return {
    url: meta.url, canonicalUrl: meta.canonicalUrl, title: meta.title, byline: meta.byline, siteName: meta.siteName,
    publishedTime: meta.publishedTime, modifiedTime: meta.modifiedTime, lang: meta.lang, dir: meta.dir,
    leadImage: meta.leadImage, leadImageAlt: meta.leadImageAlt, leadImageCaption: meta.leadImageCaption,
    excerpt: meta.excerpt, content: body.content, textContent: body.textContent, wordCount: meta.wordCount,
    readingTimeMinutes: meta.readingTimeMinutes, id: meta.id, urlKey: meta.urlKey, savedAt: meta.savedAt,
    updatedAt: meta.updatedAt, tags: meta.tags, archived: meta.archivedAt !== undefined,
    favorite: meta.favoritedAt !== undefined, origin: meta.origin,
  };
}
