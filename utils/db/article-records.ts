/**
 * Reading and deleting saved articles by id. Apart from articles.ts (saving,
 * finding by address) because pages that only read — the library, the
 * reader — then never load the identity rules and their public-suffix list
 * (tldts, the bulk of that code): the library's first paint parses less.
 */
import type { LibraryArticle } from '../article/types';
import { announce } from '../library/channel';
import { joinArticle } from '../library/records';
import type { ArticleMeta } from '../library/types';
import { db } from './open';
import { queue } from './requests';
import { ARTICLE_STORES } from './schema';
import { compactLater, deleteIndex } from './search-index';

export async function getMeta(id: string): Promise<ArticleMeta | undefined> {
  return (await db()).get('articles', id);
}

/** A saved article with its body, as one record (reader, exports). */
export async function getArticle(id: string): Promise<LibraryArticle | undefined> {
  const tx = (await db()).transaction(['articles', 'bodies'], 'readonly');
  const [meta, body] = await Promise.all([tx.objectStore('articles').get(id), tx.objectStore('bodies').get(id)]);
  await tx.done;
  return meta && body ? joinArticle(meta, body) : undefined;
}

/** Deletes articles with their bodies, images, highlights and index entries, in one transaction. */
export async function deleteArticles(ids: readonly string[]): Promise<number> {
  const tx = (await db()).transaction([...ARTICLE_STORES], 'readwrite');
  let removed = 0;
  for (const id of ids) {
    if ((await tx.objectStore('articles').getKey(id)) === undefined) continue;
    removed++;
    queue(tx.objectStore('articles').delete(id));
    queue(tx.objectStore('bodies').delete(id));
    queue(tx.objectStore('fetchQueue').delete(id));
    for (const key of await tx.objectStore('assets').index('articleId').getAllKeys(id)) queue(tx.objectStore('assets').delete(key));
    for (const key of await tx.objectStore('highlights').index('articleId').getAllKeys(id)) queue(tx.objectStore('highlights').delete(key));
    await deleteIndex(tx, id);
  }
  await tx.done;
  if (removed > 0) {
    announce({ kind: 'deleted', ids: [...ids] });
    compactLater();
  }
  return removed;
}

export async function removeArticle(id: string): Promise<boolean> {
  return (await deleteArticles([id])) > 0;
}
