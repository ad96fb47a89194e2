/**
 * Writing imported items: a batch of whole items in one transaction over every
 * store an article lives in (metadata, body, highlights, search index, fetch
 * queue), so an item is in whole or not at all and a failure half-way through a
 * batch leaves none of that batch (utils/transfer/import/apply.ts then retries
 * its items one by one, so one bad item does not fail its neighbours).
 *
 * The duplicate check is done again here, inside the transaction: the preview's
 * answer may be stale (a save from another tab meanwhile).
 */
import type { IDBPTransaction } from 'idb';
import type { ExtractedArticle } from '../article/types';
import { AWAITING_BASIS, quoteOnly } from '../highlights/awaiting';
import { TEXT_MODEL_VERSION } from '../highlights/text-model';
import type { Highlight, HighlightSelectors } from '../highlights/types';
import { announce } from '../library/channel';
import { identityKeys } from '../library/identity';
import { recordsFor } from '../library/new-records';
import { searchableOf } from '../library/records';
import { termWeights } from '../library/search-terms';
import type { IndexedDoc } from '../library/segments';
import type { ArticleMeta } from '../library/types';
import { linkMeta, mergeMeta, stateOf } from '../transfer/import/records';
import type { ImportItem } from '../transfer/import/types';
import { searchableNotes } from '../highlights/search-text';
import { db } from './open';
import { abandon, getAllRaw, putRaw, queue } from './requests';
import { ARTICLE_STORES, type FolioDB } from './schema';
import { compactLater, newSegmentIds, segmentsFor, unseenSegmentIds, writeIndexMany } from './search-index';

/** An article's stores, and the record of the links a batch queued (schema.ts PendingJobs). */
const IMPORT_STORES = [...ARTICLE_STORES, 'fetchPending'] as const;
type ImportTx = IDBPTransaction<FolioDB, (typeof IMPORT_STORES)[number][], 'readwrite'>;

export interface ImportWrite {
  item: ImportItem;
  /** The item's own HTML extracted (Omnivore), before the transaction: no await on other work inside it. */
  extracted?: ExtractedArticle;
  /** Selectors for each of `item.highlights` on `extracted` (same order), null where the quote was not found. */
  anchors?: readonly (HighlightSelectors | null)[];
  /** The preview found no saved article for the item (utils/transfer/import/plan.ts): see lookupKeys. */
  plannedNew?: boolean;
}

export interface WriteOutcome {
  status: 'imported' | 'merged' | 'skipped';
  id: string;
  /** For merges: what changed, in words ("tags + news", "archived"). */
  changes: string[];
  /** A link queued for the background fetch. */
  queued: boolean;
}

export interface BatchOptions {
  now?: number;
  /**
   * Called inside the transaction after each item's records are queued; a throw
   * aborts the whole batch. A test seam: the pipeline tests inject a failure here
   * to prove nothing of a failed batch stays.
   */
  afterItem?: (item: ImportItem) => void;
  /**
   * Leave posting the change and merging the search index to the caller
   * (importFinished): an import of thousands does both once at its end
   * (utils/transfer/import/page-deps.ts), since every post makes each open
   * library page re-read its rows and each merge competes with the next batch.
   */
  quiet?: boolean;
}

function highlightRecords(articleId: string, write: ImportWrite, body: { contentHash: string; extractorVersion: number } | null, skipQuotes: ReadonlySet<string>, now: number): Highlight[] {
  const out: Highlight[] = [];
  write.item.highlights.forEach((h, i) => {
    if (skipQuotes.has(h.quote)) return;
    const placed = write.anchors?.[i] ?? null;
    const orphaned = body !== null && !placed;
    out.push({
      id: crypto.randomUUID(),
      articleId,
      selectors: placed ?? quoteOnly(h.quote),
      basis: placed && body ? { contentHash: body.contentHash, extractorVersion: body.extractorVersion, textModel: TEXT_MODEL_VERSION } : { ...AWAITING_BASIS },
      color: 'yellow',
      note: h.note,
      createdAt: h.createdAt ?? now,
      updatedAt: now,
      orphaned,
      ...(orphaned ? { orphanedAt: now } : {}),
    });
  });
  return out;
}

/** The keys an item may already be saved under: its extraction's identity first, then its own address. */
function keysOf({ item, extracted }: ImportWrite): string[] {
  // A link (no extraction) has only its own address's keys.
  if (!extracted) return identityKeys(item.url, null);
  return [...new Set([...identityKeys(extracted.url, extracted.canonicalUrl), ...identityKeys(item.url, null)])];
}

/**
 * The keys to look up before writing `write`: none for a link the preview found
 * new. Its record's urlKey is its one identity key, so the unique urlKey index
 * is the same duplicate check, made by the put itself inside the transaction:
 * an article saved under that key since the preview (another tab) makes the put
 * fail, which aborts the batch, and writeImportBatch writes it again with every
 * key looked up (then merging). A 10,000-row import saves 10,000 reads.
 */
function lookupKeys(write: ImportWrite, keys: string[], lookUpAll: boolean): string[] {
  return !lookUpAll && write.plannedNew && !write.extracted ? [] : keys;
}

/**
 * Every batch item's saved record, looked up with all requests issued at once:
 * IndexedDB answers queued requests back to back, where awaiting each in turn
 * would pay a round trip per key (the bench: most of a 10,000-row import's time).
 */
async function existingOf(tx: ImportTx, keys: readonly string[][]): Promise<(ArticleMeta | undefined)[]> {
  const flat = keys.flat();
  const hits = await getAllRaw<ArticleMeta>(tx.objectStore('articles').index('urlKey'), flat);
  let at = 0;
  return keys.map((k) => {
    const mine = hits.slice(at, at + k.length);
    at += k.length;
    return mine.find((m) => m !== undefined);
  });
}

async function writeOne(tx: ImportTx, write: ImportWrite, keys: readonly string[], existing: ArticleMeta | undefined, now: number, docs: Map<string, IndexedDoc>): Promise<{ outcome: WriteOutcome; meta: ArticleMeta }> {
  const { item, extracted } = write;
  const articles = tx.objectStore('articles');
  let meta: ArticleMeta;
  let body: { id: string; content: string; textContent: string; contentHash: string; extractorVersion: number } | undefined;
  let status: WriteOutcome['status'];
  let changes: string[] = [];
  let queued = false;
  if (!existing) {
    status = 'imported';
    if (extracted) {
      const records = recordsFor(extracted, undefined, now, { origin: 'import' });
      meta = { ...records.meta, tags: [...item.tags], savedAt: item.savedAt ?? now, ...stateOf(item, now) };
      if (!meta.title.trim() && item.title) meta.title = item.title;
      meta.byline ??= item.byline ?? null;
      meta.excerpt ??= item.excerpt ?? null;
      body = records.body;
    } else {
      // A link's one identity key is its urlKey (keysOf).
      meta = linkMeta(item, crypto.randomUUID(), now, keys[0] ?? null);
      // Its job is in the batch's pending record (writeBatchOnce).
      queued = true;
    }
  } else {
    const merged = mergeMeta(existing, item, now);
    meta = merged.meta;
    changes = merged.changes;
    if (extracted && existing.fetchState) {
      // A link still waiting for its article takes the content the import brings (and needs no fetch).
      const records = recordsFor(extracted, meta, now, { origin: meta.origin });
      meta = records.meta;
      delete meta.fetchState;
      if (!meta.title.trim()) meta.title = existing.title;
      body = records.body;
      queue(tx.objectStore('fetchQueue').delete(meta.id));
      changes.push('article content');
    }
    status = 'merged';
  }

  const highlights = tx.objectStore('highlights');
  const known = existing ? new Set((await highlights.index('articleId').getAll(meta.id)).map((h) => h.selectors.quote.exact)) : new Set<string>();
  const baseBody = body ?? (existing && !existing.fetchState ? await tx.objectStore('bodies').get(meta.id) : undefined);
  // Quotes only land on content this import brought (anchors were computed on it); on an existing body they wait to be anchored by quote.
  const fresh = highlightRecords(meta.id, body ? write : { item, anchors: [] }, body ?? null, known, now);
  for (const h of fresh) queue(highlights.put(h));
  if (existing && fresh.length) changes.push(`${fresh.length} highlight${fresh.length === 1 ? '' : 's'}`);
  if (status === 'merged' && changes.length === 0) status = 'skipped';

  if (status !== 'skipped') {
    putRaw(articles, meta);
    if (body) putRaw(tx.objectStore('bodies'), body);
    const all = existing ? await highlights.index('articleId').getAll(meta.id) : [];
    docs.set(meta.id, { id: meta.id, weights: termWeights(searchableOf(meta, baseBody, searchableNotes([...all, ...fresh]))) });
  }
  return { outcome: { status, id: meta.id, changes, queued }, meta };
}

/** Writes `writes` in one transaction; either every item of the batch is written or none is. */
export async function writeImportBatch(writes: readonly ImportWrite[], options: BatchOptions = {}): Promise<WriteOutcome[]> {
  try {
    return await writeBatchOnce(writes, options, false);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'ConstraintError')) throw error;
    // A link the preview found new was saved since (lookupKeys), or an unchecked segment id was taken: nothing of
    // the batch was written; again, looking every item up and checking the ids.
    return writeBatchOnce(writes, options, true);
  }
}

async function writeBatchOnce(writes: readonly ImportWrite[], options: BatchOptions, lookUpAll: boolean): Promise<WriteOutcome[]> {
  const now = options.now ?? Date.now();
  const tx = (await db()).transaction([...IMPORT_STORES], 'readwrite');
  const outcomes: WriteOutcome[] = [];
  try {
    const docs = new Map<string, IndexedDoc>();
    // Each write's keys once: parsing URLs was a visible share of a large import's time.
    const keyLists = writes.map(keysOf);
    // Segment ids beside the lookups: asked after the puts, a check would wait for all of them.
    const lookups = writes.map((w, i) => lookupKeys(w, keyLists[i]!, lookUpAll));
    // First try: ids checked by the segment header's add(); a taken one (ConstraintError) retries with checked ids.
    const ids = lookUpAll ? newSegmentIds(tx, segmentsFor(writes.length)) : unseenSegmentIds(segmentsFor(writes.length));
    const [found, segmentIds] = await Promise.all([existingOf(tx, lookups), ids]);
    // Two items of one batch naming one article: the second merges into what the first wrote.
    const written = new Map<string, ArticleMeta>();
    for (const [i, write] of writes.entries()) {
      const keys = keyLists[i]!;
      const earlier = keys.map((k) => written.get(k)).find(Boolean);
      const { outcome, meta } = await writeOne(tx, write, keys, earlier ?? found[i], now, docs);
      outcomes.push(outcome);
      for (const k of [...keys, meta.urlKey]) written.set(k, meta);
      options.afterItem?.(write.item);
    }
    const queuedIds = outcomes.filter((o) => o.queued).map((o) => o.id);
    if (queuedIds.length) putRaw(tx.objectStore('fetchPending'), { id: crypto.randomUUID(), articleIds: queuedIds, addedAt: now });
    await writeIndexMany(tx, [...docs.values()], new Set(outcomes.filter((o) => o.status === 'imported').map((o) => o.id)), segmentIds);
    await tx.done;
  } catch (error) {
    // The request that aborted the transaction, not a later one refused because of it (for the ConstraintError retry).
    throw abandon(tx, error);
  }
  const ids = outcomes.filter((o) => o.status !== 'skipped').map((o) => o.id);
  if (ids.length && !options.quiet) importFinished(ids);
  return outcomes;
}

/** After quiet batches: tell open pages what changed and merge the index segments the import wrote. */
export function importFinished(ids: readonly string[]): void {
  if (ids.length === 0) return;
  announce({ kind: 'updated', ids: [...ids] });
  compactLater();
}

/** Every saved article's identity key → id, in one pass over the index (the preview's duplicate check). */
export async function savedKeys(): Promise<Map<string, string>> {
  const tx = (await db()).transaction('articles', 'readonly');
  const out = new Map<string, string>();
  let cursor = await tx.store.index('urlKey').openKeyCursor();
  while (cursor) {
    out.set(cursor.key, cursor.primaryKey);
    cursor = await cursor.continue();
  }
  await tx.done;
  return out;
}
