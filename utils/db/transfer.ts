/**
 * Reading whole articles for an export, and writing one back from a backup.
 *
 * An export reads one article at a time (one read-only transaction over its
 * stores), so a 10,000-article export never holds more than one article's
 * body and images on the page's heap. A restore writes one article in one
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
import { db } from './open';
import { abortQuietly, queue } from './requests';
import { ARTICLE_STORES } from './schema';
import { compactLater, writeIndex } from './search-index';

/** One article with its body, images, highlights and position; undefined when it is not in the library. */
export async function readBundle(id: string): Promise<ArticleBundle | undefined> {
  const tx = (await db()).transaction(['articles', 'bodies', 'assets', 'highlights', 'positions'], 'readonly');
  const meta = await tx.objectStore('articles').get(id);
  if (!meta) {
    await tx.done;
    return undefined;
  }
  const [body, assets, highlights, position] = await Promise.all([
    tx.objectStore('bodies').get(id),
    tx.objectStore('assets').index('articleId').getAll(id),
    tx.objectStore('highlights').index('articleId').getAll(id),
    tx.objectStore('positions').get(meta.urlKey),
  ]);
  await tx.done;
  return {
    meta,
    body: body ?? null,
    assets: assets.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
    highlights: highlights.sort(byDocumentOrder),
    position: position ? { fraction: position.fraction, at: position.at } : null,
  };
}

export type RestoreOutcome = 'restored' | 'duplicate';

/**
 * Writes one article exactly as it was backed up (same id, dates, state).
 * An article already in the library (same id or same identity) is left as it
 * is: 'duplicate' (the import report says so; merging is the import's choice).
 */
export async function restoreBundle(bundle: ArticleBundle): Promise<RestoreOutcome> {
  const { meta, body, assets, highlights, position } = bundle;
  const tx = (await db()).transaction([...ARTICLE_STORES, 'positions'], 'readwrite');
  try {
    const articles = tx.objectStore('articles');
    const clash = (await articles.getKey(meta.id)) ?? (await articles.index('urlKey').getKey(meta.urlKey));
    if (clash !== undefined) {
      await tx.done;
      return 'duplicate';
    }
    queue(articles.put(meta));
    if (body) queue(tx.objectStore('bodies').put(body));
    for (const asset of assets) queue(tx.objectStore('assets').put({ ...asset, articleId: meta.id }));
    for (const h of highlights) queue(tx.objectStore('highlights').put({ ...h, articleId: meta.id }));
    if (position) queue(tx.objectStore('positions').put({ key: meta.urlKey, fraction: position.fraction, at: position.at }));
    await writeIndex(tx, meta.id, termWeights(searchableOf(meta, body ?? undefined, searchableNotes(highlights))));
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  announce({ kind: 'saved', id: meta.id });
  compactLater();
  return 'restored';
}
