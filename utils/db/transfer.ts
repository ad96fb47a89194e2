/**
 * Reading whole articles for an export, and writing one back from a backup.
 *
 * An export reads a few dozen articles at a time (one read-only transaction
 * for each batch), so a 10,000-article export holds at most two batches of
 * bodies on the page's heap (image blobs are handles until a writer reads them). A restore writes one article in one
 * transaction over every store it touches, like a save (utils/db/articles.ts):
 * the article, body, images, highlights, position and search entry are in
 * whole or not at all.
 */
import { byDocumentOrder } from '../highlights/order';
import { searchableNotes } from '../highlights/search-text';
import { announce } from '../library/channel';
import { searchableOf } from '../library/records';
import { termWeights } from '../library/search-terms';
import type { ArticleBundle } from '../transfer/bundle';
import { jobFor } from './fetch-queue';
import { db } from './open';
import { abandon, queue } from './requests';
import { ARTICLE_STORES, type HighlightRecord } from './schema';
import { byCodeUnits } from '../compare';
import type { ArticleAsset, ArticleBody, ArticleMeta } from '../library/types';
import { compactLater, writeIndex } from './search-index';

/**
 * Whole articles for `ids`, in order (undefined for an id no longer in the
 * library). One read-only transaction with every request issued at once: a
 * transaction per article costs a round of IndexedDB scheduling each, which
 * under load dominated the export of a large library.
 *
 * When the ids are dense in the key space (nearly every article between the
 * lowest and the highest is asked for, as when an export walks the whole
 * library in key order: runExport), each store is read with one getAll over
 * that range instead of one request per article and store; articles in the
 * range that were not asked for are dropped. A scattered selection is read
 * by id.
 */
export async function readBundles(ids: readonly string[]): Promise<(ArticleBundle | undefined)[]> {
  const tx = (await db()).transaction(['articles', 'bodies', 'assets', 'highlights', 'positions'], 'readonly');
  const wanted = [...new Set(ids)].sort(byCodeUnits);
  const range = wanted.length > 1 ? IDBKeyRange.bound(wanted[0], wanted[wanted.length - 1]) : null;
  const dense = range !== null && (await tx.objectStore('articles').count(range)) <= wanted.length * DENSE_FACTOR;
  const found = new Map<string, { meta: ArticleMeta; body: ArticleBody | undefined; assets: ArticleAsset[]; highlights: HighlightRecord[] }>();
  if (dense) {
    const asked = new Set(wanted);
    const [metas, bodies, assets, highlights] = await Promise.all([
      tx.objectStore('articles').getAll(range),
      tx.objectStore('bodies').getAll(range),
      tx.objectStore('assets').index('articleId').getAll(range),
      tx.objectStore('highlights').index('articleId').getAll(range),
    ]);
    for (const meta of metas) if (asked.has(meta.id)) found.set(meta.id, { meta, body: undefined, assets: [], highlights: [] });
    for (const body of bodies) {
      const f = found.get(body.id);
      if (f) f.body = body;
    }
    for (const a of assets) found.get(a.articleId)?.assets.push(a);
    for (const h of highlights) found.get(h.articleId)?.highlights.push(h);
  } else {
    const read = await Promise.all(
      wanted.map((id) =>
        Promise.all([
          tx.objectStore('articles').get(id),
          tx.objectStore('bodies').get(id),
          tx.objectStore('assets').index('articleId').getAll(id),
          tx.objectStore('highlights').index('articleId').getAll(id),
        ]),
      ),
    );
    for (const [meta, body, assets, highlights] of read) if (meta) found.set(meta.id, { meta, body, assets, highlights });
  }
  const positions = new Map(
    await Promise.all([...found.values()].map(async ({ meta }) => [meta.id, await tx.objectStore('positions').get(meta.urlKey)] as const)),
  );
  await tx.done;
  return ids.map((id) => {
    const f = found.get(id);
    if (!f) return undefined;
    const position = positions.get(id);
    return {
      meta: f.meta,
      body: f.body ?? null,
      assets: [...f.assets].sort((a, b) => byCodeUnits(a.url, b.url)),
      highlights: [...f.highlights].sort(byDocumentOrder),
      position: position ? { fraction: position.fraction, at: position.at } : null,
    };
  });
}

/** A range read is used when the range holds at most this many articles per one asked for. */
const DENSE_FACTOR = 2;

/** One article with its body, images, highlights and position; undefined when it is not in the library. */
export async function readBundle(id: string): Promise<ArticleBundle | undefined> {
  return (await readBundles([id]))[0];
}

export type RestoreOutcome = 'restored' | 'duplicate';

export interface RestoreOptions {
  /**
   * Leave telling open pages to the caller (importFinished, utils/db/imports.ts):
   * a backup of thousands restored through the Import dialog posts once at its
   * end, since every post makes each open library page re-read its rows. The
   * search index is still merged after each article, quiet or not: a restore
   * writes a one-article segment per article (an import batch writes one
   * segment for hundreds), and a merger that waited for the end would leave
   * every search reading thousands of them.
   */
  quiet?: boolean;
}

/**
 * Writes one article exactly as it was backed up (same id, dates, state).
 * An article already in the library (same id or same identity) is left as it
 * is: 'duplicate' (the import report says so; merging is the import's choice).
 */
export async function restoreBundle(bundle: ArticleBundle, options: RestoreOptions = {}): Promise<RestoreOutcome> {
  const { meta, body, assets, highlights, position } = bundle;
  const tx = (await db()).transaction([...ARTICLE_STORES, 'positions'], 'readwrite');
  try {
    const articles = tx.objectStore('articles');
    const clash = (await articles.getKey(meta.id)) ?? (await articles.index('urlKey').getKey(meta.urlKey));
    if (clash !== undefined) {
      await tx.done;
      return 'duplicate';
    }
    // A link still waiting for its article when it was backed up goes back into the download queue.
    const waiting = !body && meta.fetchState !== undefined && meta.fetchState.status !== 'failed';
    const now = Date.now();
    queue(articles.put(waiting ? { ...meta, fetchState: { status: 'queued', at: now } } : meta));
    if (waiting) queue(tx.objectStore('fetchQueue').put(jobFor(meta, now)));
    if (body) queue(tx.objectStore('bodies').put(body));
    for (const asset of assets) queue(tx.objectStore('assets').put({ ...asset, articleId: meta.id }));
    for (const h of highlights) queue(tx.objectStore('highlights').put({ ...h, articleId: meta.id }));
    if (position) queue(tx.objectStore('positions').put({ key: meta.urlKey, fraction: position.fraction, at: position.at }));
    await writeIndex(tx, meta.id, termWeights(searchableOf(meta, body ?? undefined, searchableNotes(highlights))));
    await tx.done;
  } catch (error) {
    throw abandon(tx, error);
  }
  if (!options.quiet) announce({ kind: 'saved', id: meta.id });
  compactLater();
  return 'restored';
}
