/**
 * Saving and finding articles by address (reading and deleting: article-records.ts) (`articles`, `bodies`, `assets` and the search
 * index together). A save is one transaction over every store it writes: the
 * article, its body, its images and its index entries are in whole or not at
 * all, so a worker killed mid-save, a quota error or two concurrent saves of
 * one URL leave the old record or the new one, never a half.
 */
import { EXTRACTOR_VERSION, type ArticleOrigin, type ExtractedArticle } from '../article/types';
import { isAwaitingContent } from '../highlights/awaiting';
import { TEXT_MODEL_VERSION } from '../highlights/text-model';
import type { Highlight, HighlightSelectors } from '../highlights/types';
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
import { abandon, queue } from './requests';
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
  /**
   * Fill this saved record (an imported link fetched by the queue) rather than
   * finding one by URL: the page may have redirected or declare another
   * canonical. When the record is gone (deleted meanwhile), nothing is saved.
   */
  intoId?: string;
  /**
   * Where imported highlights' quotes fall in the new content (utils/highlights/anchor-quotes.ts),
   * by quote: highlights waiting for content (no basis yet) get these selectors in the same transaction.
   */
  anchors?: ReadonlyMap<string, HighlightSelectors | null>;
}

/** Thrown when `intoId` names a record that is no longer in the library. */
export class SaveTargetGoneError extends Error {
  override name = 'SaveTargetGoneError';
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
    throw abandon(tx, error);
  }
}

async function writeSave(tx: SaveTx, extracted: ExtractedArticle, keys: string[], options: SaveOptions, now: number): Promise<SaveOutcome> {
  const articles = tx.objectStore('articles');
  let existing: ArticleMeta | undefined;
  if (options.intoId) {
    existing = await articles.get(options.intoId);
    if (!existing) throw new SaveTargetGoneError('The imported link was deleted before its article arrived');
  } else {
    for (const key of keys) {
      existing = await articles.index('urlKey').get(key);
      if (existing) break;
    }
  }
  const { meta, body } = recordsFor(extracted, existing, now, { origin: options.origin });
  if (!existing && options.initial) Object.assign(meta, options.initial);
  if (existing?.fetchState) {
    // An imported link gets its article: what the export said stands where the page says nothing.
    if (!meta.title.trim()) meta.title = existing.title;
    meta.excerpt ??= existing.excerpt;
    meta.byline ??= existing.byline;
  }
  // The article is here now, however it came (the queue, or the user saving the page): its job is done.
  delete meta.fetchState;
  const job = await tx.objectStore('fetchQueue').get(meta.id);
  if (job && job.state !== 'done') queue(tx.objectStore('fetchQueue').put({ ...job, state: 'done', leaseUntil: 0 }));
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
  if (existing && options.anchors?.size) await placeImportedHighlights(tx, meta.id, body.contentHash, options.anchors, now);
  // A re-save keeps the article's highlights: their quotes and notes stay searchable.
  const notes = existing ? await notesFor(tx, meta.id) : undefined;
  await writeIndex(tx, meta.id, termWeights(searchableOf(meta, body, notes)));
  await tx.done;
  announce({ kind: 'saved', id: meta.id });
  compactLater();
  return { meta, created: !existing };
}

/** Highlights that were waiting for content (imported before the article arrived) take their place on it. */
async function placeImportedHighlights(tx: SaveTx, articleId: string, hash: string, anchors: ReadonlyMap<string, HighlightSelectors | null>, now: number): Promise<void> {
  const store = tx.objectStore('highlights');
  for (const h of await store.index('articleId').getAll(articleId)) {
    if (!isAwaitingContent(h)) continue;
    const selectors = anchors.get(h.selectors.quote.exact);
    if (selectors === undefined) continue;
    const next: Highlight = selectors
      ? { ...h, selectors, basis: { contentHash: hash, extractorVersion: EXTRACTOR_VERSION, textModel: TEXT_MODEL_VERSION }, orphaned: false, updatedAt: now }
      : { ...h, orphaned: true, orphanedAt: now, updatedAt: now };
    queue(store.put(next));
  }
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
