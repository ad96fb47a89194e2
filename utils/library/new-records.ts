/**
 * Building the library's records from an extraction (a save, an upgrade from
 * v1). Pure: the repositories decide when to write. Apart from records.ts
 * because it needs the identity rules and their public-suffix list.
 */
import { EXTRACTOR_VERSION, type ArticleOrigin, type ExtractedArticle, type LibraryArticle } from '../article/types';
import { siteLabel, urlKey } from '../url';
import { contentHash } from './content-hash';
import { acceptedCanonical } from './identity';
import { titleKey } from './records';
import type { ArticleBody, ArticleMeta } from './types';

/** The identity key an extraction is saved under. */
export function saveKey(extracted: Pick<ExtractedArticle, 'url' | 'canonicalUrl'>): string | null {
  return urlKey(acceptedCanonical(extracted.url, extracted.canonicalUrl));
}

export interface NewRecords {
  meta: ArticleMeta;
  body: ArticleBody;
}

/**
 * Records for saving `extracted`. Re-saving an article that is already in the
 * library (`existing`) keeps its id, saved date, tags and state and replaces
 * its content and metadata.
 */
export function recordsFor(
  extracted: ExtractedArticle,
  existing: ArticleMeta | undefined,
  now: number,
  extra: { origin?: ArticleOrigin; id?: string } = {},
): NewRecords {
  const canonicalUrl = acceptedCanonical(extracted.url, extracted.canonicalUrl);
  const key = urlKey(canonicalUrl) ?? urlKey(extracted.url);
  if (!key) throw new TypeError('An article needs an http(s) URL');
  const id = existing?.id ?? extra.id ?? crypto.randomUUID();
  const base: ArticleMeta = existing
    ? { ...existing }
    : ({ id, savedAt: now, tags: [], origin: extra.origin ?? 'web', images: { stored: 0, skipped: 0, bytes: 0 } } as unknown as ArticleMeta);
  const meta: ArticleMeta = {
    ...base,
    id,
    urlKey: key,
    url: extracted.url,
    canonicalUrl,
    title: extracted.title,
    titleKey: titleKey(extracted.title),
    byline: extracted.byline,
    siteName: extracted.siteName,
    siteKey: siteLabel(canonicalUrl) || siteLabel(extracted.url),
    publishedTime: extracted.publishedTime,
    modifiedTime: extracted.modifiedTime,
    lang: extracted.lang,
    dir: extracted.dir,
    leadImage: extracted.leadImage,
    leadImageAlt: extracted.leadImageAlt ?? null,
    leadImageCaption: extracted.leadImageCaption ?? null,
    excerpt: extracted.excerpt,
    wordCount: extracted.wordCount,
    readingTimeMinutes: extracted.readingTimeMinutes,
    updatedAt: now,
  };
  const body: ArticleBody = {
    id,
    content: extracted.content,
    textContent: extracted.textContent,
    contentHash: contentHash(extracted.content),
    extractorVersion: EXTRACTOR_VERSION,
  };
  return { meta, body };
}

/** A v1 record (one store held everything, state as booleans) split into v2's meta and body. */
export function fromV1(v1: LibraryArticle, now: number): NewRecords {
  const { meta, body } = recordsFor(v1, undefined, v1.updatedAt ?? now, { id: v1.id, origin: v1.origin });
  meta.savedAt = typeof v1.savedAt === 'number' ? v1.savedAt : now;
  // v1 keyed by its own urlKey (the declared canonical, trusted across sites): keep it, it is unique there.
  if (typeof v1.urlKey === 'string' && v1.urlKey) meta.urlKey = v1.urlKey;
  meta.tags = Array.isArray(v1.tags) ? v1.tags.filter((t): t is string => typeof t === 'string') : [];
  if (v1.archived) meta.archivedAt = meta.updatedAt;
  if (v1.favorite) meta.favoritedAt = meta.updatedAt;
  return { meta, body };
}
