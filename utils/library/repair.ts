/**
 * Reading a stored article record defensively. A record can be damaged — an
 * older build's bug, a disk error, an import gone wrong, someone editing the
 * database in devtools — and one bad row must never take the whole library
 * down (a `tags` that was not an array stopped the page at "Loading…").
 *
 * `checkMeta` returns the record as the library can use it: every field of the
 * right type, a wrong or missing one replaced by a neutral default, and the
 * names of the replaced fields in `damaged` (shown on the row, with "Repair"
 * to write the cleaned record back). Derived fields (`titleKey`, `siteKey`,
 * `urlKey`) are recomputed quietly. Pure.
 */
import type { ArticleOrigin, TextDirection } from '../article/types';
import { urlKey as keyOfUrl } from '../url';
import { titleKey } from './records';
import type { ArticleMeta, FetchState } from './types';

type Raw = Record<string, unknown>;

const ORIGINS: readonly ArticleOrigin[] = ['web', 'import'];
const FETCH_STATUSES: readonly FetchState['status'][] = ['queued', 'fetching', 'failed'];
const DIRECTIONS: readonly TextDirection[] = ['ltr', 'rtl'];
const OPTIONAL_STRINGS = ['byline', 'siteName', 'publishedTime', 'modifiedTime', 'lang', 'leadImage', 'leadImageAlt', 'leadImageCaption', 'excerpt'] as const;
const OPTIONAL_TIMES = ['readAt', 'archivedAt', 'favoritedAt', 'progressAt'] as const;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The usable form of a stored record, or null when it has no id to address it by. */
export function checkMeta(stored: unknown): ArticleMeta | null {
  if (!stored || typeof stored !== 'object') return null;
  const raw = stored as Raw;
  if (typeof raw.id !== 'string' || raw.id === '') return null;
  const damaged: string[] = [];
  const str = (field: string, fallback: string): string => {
    const v = raw[field];
    if (typeof v === 'string') return v;
    damaged.push(field);
    return fallback;
  };
  const url = str('url', '');
  const title = str('title', '');
  const savedAt = isNumber(raw.savedAt) ? raw.savedAt : (damaged.push('savedAt'), isNumber(raw.updatedAt) ? raw.updatedAt : 0);
  const updatedAt = isNumber(raw.updatedAt) ? raw.updatedAt : (damaged.push('updatedAt'), savedAt);
  const count = (field: string): number => {
    const v = raw[field];
    if (isNumber(v) && v >= 0) return v;
    damaged.push(field);
    return 0;
  };
  let tags: string[] = [];
  if (Array.isArray(raw.tags)) {
    tags = raw.tags.filter((t): t is string => typeof t === 'string');
    if (tags.length !== raw.tags.length) damaged.push('tags');
  } else damaged.push('tags');
  const images = raw.images as Raw | undefined;
  const imagesOk = !!images && typeof images === 'object' && isNumber(images.stored) && isNumber(images.skipped) && isNumber(images.bytes);
  if (!imagesOk) damaged.push('images');
  const origin = ORIGINS.includes(raw.origin as ArticleOrigin) ? (raw.origin as ArticleOrigin) : (damaged.push('origin'), 'web');
  const dir = raw.dir === null || DIRECTIONS.includes(raw.dir as TextDirection) ? (raw.dir as TextDirection | null) : (damaged.push('dir'), null);

  const meta: ArticleMeta = {
    id: raw.id,
    urlKey: typeof raw.urlKey === 'string' && raw.urlKey ? raw.urlKey : (keyOfUrl(url) ?? raw.id),
    url,
    canonicalUrl: typeof raw.canonicalUrl === 'string' ? raw.canonicalUrl : url,
    title,
    titleKey: typeof raw.titleKey === 'string' ? raw.titleKey : titleKey(title),
    byline: null,
    siteName: null,
    siteKey: typeof raw.siteKey === 'string' ? raw.siteKey : hostOf(url),
    publishedTime: null,
    modifiedTime: null,
    lang: null,
    dir,
    leadImage: null,
    leadImageAlt: null,
    leadImageCaption: null,
    excerpt: null,
    wordCount: count('wordCount'),
    readingTimeMinutes: count('readingTimeMinutes'),
    savedAt,
    updatedAt,
    tags,
    origin,
    images: imagesOk ? { stored: images.stored as number, skipped: images.skipped as number, bytes: images.bytes as number } : { stored: 0, skipped: 0, bytes: 0 },
  };
  for (const field of OPTIONAL_STRINGS) {
    const v = raw[field];
    if (typeof v === 'string') meta[field] = v;
    else if (v !== null && v !== undefined) damaged.push(field);
  }
  for (const field of OPTIONAL_TIMES) {
    const v = raw[field];
    if (isNumber(v)) meta[field] = v;
    else if (v !== undefined) damaged.push(field);
  }
  if (isNumber(raw.progress) && raw.progress >= 0 && raw.progress <= 1) meta.progress = raw.progress;
  else if (raw.progress !== undefined) damaged.push('progress');
  const fetch = raw.fetchState as Raw | undefined;
  if (fetch !== undefined) {
    if (fetch && typeof fetch === 'object' && FETCH_STATUSES.includes(fetch.status as FetchState['status']) && isNumber(fetch.at)) {
      meta.fetchState = { status: fetch.status as FetchState['status'], at: fetch.at, ...(typeof fetch.reason === 'string' ? { reason: fetch.reason } : {}) };
    } else damaged.push('fetchState');
  }
  if (damaged.length) meta.damaged = damaged;
  return meta;
}

/** The record to write back: the checked form without the read-only damage list. */
export function repaired(meta: ArticleMeta): ArticleMeta {
  const { damaged: _damaged, ...clean } = meta;
  return clean;
}
