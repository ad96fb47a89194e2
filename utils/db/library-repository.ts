/**
 * The library as Folio's extension pages read and change it: directly, in the
 * extension's own IndexedDB (same origin as the background), so lists, bodies
 * and blobs never cross a message boundary. Every change is announced on the
 * library channel so other open pages follow.
 */
import { announce } from '../library/channel';
import { searchableOf } from '../library/records';
import { checkMeta, repaired } from '../library/repair';
import { normalizeTag } from '../library/tags';
import { termWeights } from '../library/search-terms';
import type { ArticleAsset, ArticleBody, ArticleMeta, LibraryRepository, StatePatch, StorageUsage } from '../library/types';
import { deleteArticles } from './article-records';
import { notesFor } from './highlights';
import { db } from './open';
import { abandon, committed, queue } from './requests';
import { SEARCH_STORES, type FolioDB } from './schema';
import type { IDBPTransaction } from 'idb';
import { compactLater, searchIndex, writeIndex } from './search-index';

/** A page of articles saved before (savedAt, id), newest first; stable on equal timestamps. */
export async function listBefore(cursorKey: [number, string] | null, limit: number): Promise<ArticleMeta[]> {
  const range = cursorKey ? IDBKeyRange.upperBound(cursorKey, true) : null;
  const tx = (await db()).transaction('articles', 'readonly');
  const out: ArticleMeta[] = [];
  let cursor = await tx.store.index('savedAt_id').openCursor(range, 'prev');
  while (cursor && out.length < limit) {
    const meta = checkMeta(cursor.value);
    if (meta) out.push(meta);
    cursor = await cursor.continue();
  }
  await tx.done;
  return out;
}

export async function listRecent(limit: number): Promise<ArticleMeta[]> {
  return listBefore(null, limit);
}

/** Records per request of listAll. */
const LIST_CHUNK = 500;

/**
 * Every record, newest first. Read from the store, not the `[savedAt, id]`
 * index: a damaged record without a numeric `savedAt` is missing from the
 * index, and would be invisible (and impossible to delete) in the library.
 *
 * In chunks of LIST_CHUNK, not one getAll: the browser answers one origin's
 * IndexedDB requests in turn, and one getAll of 10,000 records kept it busy
 * after the page had gone, so the next library page's first rows waited behind
 * it (measured: leaving each page only once its getAll had finished made the
 * next first paint sooner in every round). A page that goes away mid-list now
 * leaves at most one chunk behind.
 */
export async function listAll(): Promise<ArticleMeta[]> {
  const tx = (await db()).transaction('articles', 'readonly');
  const raw: unknown[] = [];
  // A damaged record may have a number for an id: any key orders the chunks.
  let after: IDBValidKey | null = null;
  for (;;) {
    const chunk: { id: IDBValidKey }[] = await tx.store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), LIST_CHUNK);
    raw.push(...chunk);
    if (chunk.length < LIST_CHUNK) break;
    after = chunk[chunk.length - 1]!.id;
  }
  await tx.done;
  const all = raw.map(checkMeta).filter((m): m is ArticleMeta => m !== null);
  return all.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

export async function getMeta(id: string): Promise<ArticleMeta | undefined> {
  return checkMeta(await (await db()).get('articles', id)) ?? undefined;
}

export async function getBody(id: string): Promise<ArticleBody | undefined> {
  return (await db()).get('bodies', id);
}

export async function getAssets(articleId: string): Promise<ArticleAsset[]> {
  return (await db()).getAllFromIndex('assets', 'articleId', articleId);
}

export async function getLeadAsset(meta: ArticleMeta): Promise<ArticleAsset | undefined> {
  if (!meta.leadImage) return undefined;
  return (await db()).get('assets', [meta.id, meta.leadImage]);
}

/** Applies `change` to each article in one transaction; re-indexes when `reindex` (tags are searchable). */
async function changeEach(ids: readonly string[], change: (meta: ArticleMeta) => boolean, reindex = false): Promise<string[]> {
  // Tags are searchable: changing them re-indexes, so those stores join the transaction
  // (highlights too: the new entry must keep the article's quotes and notes).
  const tx = (await db()).transaction(['articles', 'bodies', 'highlights', ...SEARCH_STORES], 'readwrite');
  const changed: string[] = [];
  const now = Date.now();
  try {
    await applyEach(tx, ids, change, reindex, changed, now);
  } catch (error) {
    throw abandon(tx, error);
  }
  await committed(tx);
  if (reindex && changed.length) compactLater();
  if (changed.length) announce({ kind: 'updated', ids: changed });
  return changed;
}

async function applyEach(
  tx: IDBPTransaction<FolioDB, ('articles' | 'bodies' | 'highlights' | (typeof SEARCH_STORES)[number])[], 'readwrite'>,
  ids: readonly string[],
  change: (meta: ArticleMeta) => boolean,
  reindex: boolean,
  changed: string[],
  now: number,
): Promise<void> {
  const articles = tx.objectStore('articles');
  for (const id of ids) {
    // A change to a damaged record writes it back repaired (a wrong-typed `tags` would throw here).
    const checked = checkMeta(await articles.get(id));
    const meta = checked && repaired(checked);
    if (!meta || !change(meta)) continue;
    meta.updatedAt = now;
    queue(articles.put(meta));
    changed.push(id);
    if (reindex) {
      const body = await tx.objectStore('bodies').get(id);
      await writeIndex(tx, id, termWeights(searchableOf(meta, body, await notesFor(tx, id))));
    }
  }
}

function setOptional(meta: ArticleMeta, field: keyof StatePatch, value: number | null | undefined): boolean {
  if (value === undefined) return false;
  if (value === null) {
    if (meta[field] === undefined) return false;
    delete meta[field];
    return true;
  }
  if (meta[field] === value) return false;
  meta[field] = value;
  return true;
}

export async function updateState(ids: string[], patch: StatePatch): Promise<void> {
  await changeEach(ids, (meta) => {
    let changed = false;
    for (const field of ['readAt', 'archivedAt', 'favoritedAt', 'progress'] as const) {
      changed = setOptional(meta, field, patch[field]) || changed;
    }
    if (patch.progress !== undefined && patch.progress !== null) meta.progressAt = Date.now();
    return changed;
  });
}

export async function addTags(ids: string[], tags: string[]): Promise<void> {
  const clean = tags.map(normalizeTag).filter((t): t is string => t !== null);
  if (!clean.length) return;
  await changeEach(ids, (meta) => {
    const next = [...new Set([...meta.tags, ...clean])];
    if (next.length === meta.tags.length) return false;
    meta.tags = next;
    return true;
  }, true);
}

export async function removeTags(ids: string[], tags: string[]): Promise<void> {
  const drop = new Set(tags);
  await changeEach(ids, (meta) => {
    const next = meta.tags.filter((t) => !drop.has(t));
    if (next.length === meta.tags.length) return false;
    meta.tags = next;
    return true;
  }, true);
}

export async function renameTag(from: string, to: string): Promise<number> {
  const target = normalizeTag(to) ?? '';
  if (!target || target === from) return 0;
  const ids = await (await db()).getAllKeysFromIndex('articles', 'tags', from);
  const changed = await changeEach(ids, (meta) => {
    if (!meta.tags.includes(from)) return false;
    meta.tags = [...new Set(meta.tags.map((t) => (t === from ? target : t)))];
    return true;
  }, true);
  return changed.length;
}

export async function repair(ids: string[]): Promise<number> {
  const fixed = await changeEach(ids, () => true, true);
  return fixed.length;
}

export async function usage(): Promise<StorageUsage> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const estimate = (await storage?.estimate?.().catch(() => undefined)) ?? {};
  const persisted = (await storage?.persisted?.().catch(() => false)) ?? false;
  return { usedBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persisted };
}

export const libraryRepository: LibraryRepository = {
  listRecent,
  listAll,
  getMeta,
  repair,
  getBody,
  getAssets,
  getLeadAsset,
  updateState,
  addTags,
  removeTags,
  renameTag,
  deleteArticles: async (ids) => {
    await deleteArticles(ids);
  },
  search: searchIndex,
  usage,
};
