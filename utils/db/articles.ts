/**
 * Saving and finding articles by address (reading and deleting: article-records.ts) (`articles`, `bodies`, `assets` and the search
 * index together). A save is one transaction over every store it writes: the
 * article, its body, its images and its index entries are in whole or not at
 * all, so a worker killed mid-save, a quota error or two concurrent saves of
 * one URL leave the old record or the new one, never a half.
 */
import type { ArticleOrigin, ExtractedArticle } from '../article/types';
import { announce } from '../library/channel';
import { identityKeys } from '../library/identity';
import { imageUrlsOf } from '../library/image-urls';
import { recordsFor } from '../library/new-records';
import { searchableOf } from '../library/records';
import { termWeights } from '../library/search-terms';
import type { ArticleAsset, ArticleMeta } from '../library/types';
import { urlKey } from '../url';
import { notesFor } from './highlights';
import { db } from './open';
import { abortQuietly, queue } from './requests';
import { ARTICLE_STORES, type FolioDB } from './schema';
import { compactLater, writeIndex } from './search-index';
import type { IDBPTransaction } from 'idb';

type SaveTx = IDBPTransaction<FolioDB, (typeof ARTICLE_STORES)[number][], 'readwrite'>;

/** Images fetched for offline reading before the save transaction starts. */
export interface FetchedImages {
  assets: Omit<ArticleAsset, 'articleId'>[];
  /** Images the article names that were not stored (cap, errors, not images). */
  skipped: number;
}

export interface SaveOutcome {
  meta: ArticleMeta;
  created: boolean;
}

export interface SaveOptions {
  images?: FetchedImages;
  now?: number;
  origin?: ArticleOrigin;
  /** State an import brings along; applied only when the article is new. */
  initial?: Partial<Pick<ArticleMeta, 'savedAt' | 'readAt' | 'archivedAt' | 'favoritedAt' | 'tags' | 'progress'>>;
}

/**
 * Saves an extracted article. Saving an article already in the library (same
 * identity: the canonical URL when on the page's own site, else the address)
 * updates that record: same id, saved date, tags and state.
 */
export async function saveArticle(extracted: ExtractedArticle, options: SaveOptions = {}): Promise<SaveOutcome> {
  const now = options.now ?? Date.now();
  const keys = identityKeys(extracted.url, extracted.canonicalUrl);
  if (keys.length === 0) throw new TypeError('An article needs an http(s) URL');
  const tx = (await db()).transaction([...ARTICLE_STORES], 'readwrite');
  try {
    return await writeSave(tx, extracted, keys, options, now);
  } catch (error) {
    // A request that threw (rather than failed) would otherwise let the rest commit.
    abortQuietly(tx);
    throw error;
  }
}

async function writeSave(tx: SaveTx, extracted: ExtractedArticle, keys: string[], options: SaveOptions, now: number): Promise<SaveOutcome> {
  const articles = tx.objectStore('articles');
  let existing: ArticleMeta | undefined;
  for (const key of keys) {
    existing = await articles.index('urlKey').get(key);
    if (existing) break;
  }
  const { meta, body } = recordsFor(extracted, existing, now, { origin: options.origin });
  if (!existing && options.initial) Object.assign(meta, options.initial);
  // Re-keying to a better identity must not collide with another saved record.
  if (existing && meta.urlKey !== existing.urlKey) {
    const clash = await articles.index('urlKey').getKey(meta.urlKey);
    if (clash !== undefined && clash !== meta.id) meta.urlKey = existing.urlKey;
  }

  const assets = tx.objectStore('assets');
  const wanted = new Set(imageUrlsOf(body.content));
  if (meta.leadImage) wanted.add(meta.leadImage);
  const fresh = options.images?.assets ?? [];
  const freshUrls = new Set(fresh.map((a) => a.url));
  if (existing) {
    // Keep images the new content still names but this save could not fetch; drop the rest.
    for (const key of await assets.index('articleId').getAllKeys(meta.id)) {
      if (!wanted.has(key[1]) || freshUrls.has(key[1])) queue(assets.delete(key));
    }
  }
  for (const a of fresh) queue(assets.put({ ...a, articleId: meta.id }));
  const kept = existing ? (await assets.index('articleId').getAll(meta.id)) : fresh.map((a) => ({ ...a, articleId: meta.id }));
  meta.images = {
    stored: kept.length,
    skipped: options.images?.skipped ?? Math.max(0, wanted.size - kept.length),
    bytes: kept.reduce((n, a) => n + a.bytes, 0),
  };

  queue(articles.put(meta));
  queue(tx.objectStore('bodies').put(body));
  // A re-save keeps the article's highlights: their quotes and notes stay searchable.
  const notes = existing ? await notesFor(tx, meta.id) : undefined;
  await writeIndex(tx, meta.id, termWeights(searchableOf(meta, body, notes)));
  await tx.done;
  announce({ kind: 'saved', id: meta.id });
  compactLater();
  return { meta, created: !existing };
}

/**
 * The saved article for a page: by its accepted canonical first, then by its
 * address (tracking parameters, scheme and `www.` never matter: utils/url.ts).
 */
export async function findSavedId(url: string, canonical?: string | null): Promise<string | null> {
  const conn = await db();
  for (const key of identityKeys(url, canonical)) {
    const found = await conn.getKeyFromIndex('articles', 'urlKey', key);
    if (found) return found;
  }
  return null;
}

/** @deprecated-free shorthand kept for callers that only know an address. */
export async function findIdByUrl(url: string): Promise<string | null> {
  return urlKey(url) ? findSavedId(url) : null;
}
