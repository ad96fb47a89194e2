/**
 * Library records from imported items, and what merging an item into an
 * article already saved does. Pure: utils/db/imports.ts writes them.
 *
 * Merging never loses what the library has and never removes state:
 * - tags: the union (the article's spelling wins when only the case differs);
 * - saved date: the earlier of the two (you saved it first back then);
 * - read / archived / favourite: set when the import says so, never cleared
 *   (an export's "unread" is the absence of a state, not a request to undo one);
 * - reading progress: the further of the two;
 * - highlights: the import's quotes not already highlighted are added;
 * - content: the library's article is kept; only a link still waiting for its
 *   article takes the content an import brings (Omnivore).
 */
import type { ArticleMeta, FetchState } from '../../library/types';
import { titleKey } from '../../library/records';
import { siteLabel, urlKey } from '../../url';
import type { ImportItem } from './types';

/**
 * The list's record for an imported link: no body yet, queued for the background fetch.
 * `key`: the item's urlKey when the caller has it already (an import batch computes it for its duplicate check).
 */
export function linkMeta(item: ImportItem, id: string, now: number, key = urlKey(item.url)): ArticleMeta {
  if (!key) throw new TypeError('An imported item needs an http(s) URL');
  const fetchState: FetchState = { status: 'queued', at: now };
  return {
    id,
    urlKey: key,
    url: item.url,
    canonicalUrl: item.url,
    title: item.title,
    titleKey: titleKey(item.title || item.url),
    byline: item.byline ?? null,
    siteName: null,
    siteKey: siteLabel(item.url),
    publishedTime: item.publishedTime ?? null,
    modifiedTime: null,
    lang: null,
    dir: null,
    leadImage: null,
    leadImageAlt: null,
    leadImageCaption: null,
    excerpt: item.excerpt ?? null,
    wordCount: 0,
    readingTimeMinutes: 0,
    savedAt: item.savedAt ?? now,
    updatedAt: now,
    tags: [...item.tags],
    origin: 'import',
    fetchState,
    images: { stored: 0, skipped: 0, bytes: 0 },
    ...stateOf(item, now),
  };
}

/** The state fields an item brings, as the library stores them (timestamps). */
export function stateOf(item: ImportItem, now: number): Partial<Pick<ArticleMeta, 'readAt' | 'archivedAt' | 'favoritedAt' | 'progress' | 'progressAt'>> {
  // An export says "archived", not when: the saved date is the honest guess, else now.
  const when = item.savedAt ?? now;
  return {
    ...(item.read ? { readAt: when } : {}),
    ...(item.archived ? { archivedAt: when } : {}),
    ...(item.favorite ? { favoritedAt: when } : {}),
    ...(item.progress !== undefined && item.progress > 0 ? { progress: item.progress, progressAt: now } : {}),
  };
}

/** `existing` with `item` merged in, and what changed in words for the report ([] when nothing did). */
export function mergeMeta(existing: ArticleMeta, item: ImportItem, now: number): { meta: ArticleMeta; changes: string[] } {
  const meta: ArticleMeta = { ...existing, tags: [...existing.tags] };
  const changes: string[] = [];
  const have = new Set(meta.tags.map((t) => t.toLowerCase()));
  const added = item.tags.filter((t) => !have.has(t.toLowerCase()));
  if (added.length) {
    meta.tags.push(...added);
    changes.push(`tags + ${added.join(', ')}`);
  }
  if (item.savedAt !== undefined && item.savedAt < meta.savedAt) {
    meta.savedAt = item.savedAt;
    changes.push(`saved date ${new Date(item.savedAt).toISOString().slice(0, 10)}`);
  }
  const state = stateOf(item, now);
  for (const [field, word] of [['readAt', 'read'], ['archivedAt', 'archived'], ['favoritedAt', 'favourite']] as const) {
    if (state[field] !== undefined && meta[field] === undefined) {
      meta[field] = state[field];
      changes.push(word);
    }
  }
  if (state.progress !== undefined && (meta.progress ?? 0) < state.progress) {
    meta.progress = state.progress;
    meta.progressAt = now;
    changes.push(`progress ${Math.round(state.progress * 100)}%`);
  }
  if (changes.length) meta.updatedAt = now;
  return { meta, changes };
}
