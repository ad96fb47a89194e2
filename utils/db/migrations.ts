/**
 * The upgrade ladder. Step N brings a database at version N-1 to version N; a
 * fresh install runs every step in order, so a new install and an upgraded one
 * end with the same shape. Steps only use the upgrade transaction they are
 * given, and await nothing but its requests (any other await would let the
 * transaction commit half-way).
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { LibraryArticle } from '../article/types';
import { fromV1 } from '../library/new-records';
import { searchableOf } from '../library/records';
import { termWeights } from '../library/search-terms';
import { buildSegment, MAX_SEGMENT_DOCS, type IndexedDoc } from '../library/segments';
import { newSegmentId, writeSegment } from './search-index';
import { SEGMENT_BOUNDS, SEGMENT_DOC_IDS, type FolioDB } from './schema';
import { queue } from './requests';

type UpgradeTx = IDBPTransaction<FolioDB, StoreNames<FolioDB>[], 'versionchange'>;
export type UpgradeStep = (db: IDBPDatabase<FolioDB>, tx: UpgradeTx) => void | Promise<void>;

export const MIGRATIONS: readonly UpgradeStep[] = [
  // v1: the library (one store, whole records) and the reader's recent views.
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('urlKey', 'urlKey', { unique: true });
    // v1's index, dropped by step 2 (the v2 schema type no longer names it).
    (articles as unknown as IDBObjectStore).createIndex('savedAt', 'savedAt');
    const views = db.createObjectStore('readerViews', { keyPath: 'id' });
    views.createIndex('createdAt', 'createdAt');
  },
  // v2: metadata apart from bodies and images, indexable state, a search index,
  // highlights and reading positions. Every v1 article is kept.
  async (db, tx) => {
    const articles = tx.objectStore('articles');
    articles.deleteIndex('savedAt');
    articles.createIndex('savedAt_id', ['savedAt', 'id']);
    articles.createIndex('tags', 'tags', { multiEntry: true });
    articles.createIndex('siteKey', 'siteKey');
    articles.createIndex('readAt', 'readAt');
    articles.createIndex('archivedAt', 'archivedAt');
    articles.createIndex('favoritedAt', 'favoritedAt');
    db.createObjectStore('bodies', { keyPath: 'id' });
    db.createObjectStore('assets', { keyPath: ['articleId', 'url'] }).createIndex('articleId', 'articleId');
    db.createObjectStore('highlights', { keyPath: 'id' }).createIndex('articleId', 'articleId');
    db.createObjectStore('searchSegments', { keyPath: 'id' });
    db.createObjectStore('searchBlocks');
    db.createObjectStore('searchDocs', { keyPath: 'id' });
    db.createObjectStore('positions', { keyPath: 'key' }).createIndex('at', 'at');
    db.createObjectStore('siteScales');

    const bodies = tx.objectStore('bodies');
    const now = Date.now();
    const docs: IndexedDoc[] = [];
    let cursor = await articles.openCursor();
    while (cursor) {
      const old = cursor.value as unknown as LibraryArticle;
      const { meta, body } = fromV1(old, now);
      docs.push({ id: meta.id, weights: termWeights(searchableOf(meta, body)) });
      queue(cursor.update(meta));
      queue(bodies.put(body));
      cursor = await cursor.continue();
    }
    for (let i = 0; i < docs.length; i += MAX_SEGMENT_DOCS) {
      await writeSegment(tx, await newSegmentId(tx), buildSegment(docs.slice(i, i + MAX_SEGMENT_DOCS)));
    }
  },
  // v3: the fetch queue for imported links (utils/background/fetch-queue.ts). Existing
  // articles all have their content, so nothing else changes and no record is rewritten.
  (db) => {
    const jobs = db.createObjectStore('fetchQueue', { keyPath: 'articleId' });
    jobs.createIndex('state_dueAt', ['state', 'dueAt']);
    jobs.createIndex('state', 'state');
  },
  // v4: a search segment's header keeps only what changes (its dead articles); its article ids and
  // its blocks' bounds (flat, no longer an object per block) move beside its blocks, where a page reads
  // them once (schema.ts SearchSegment). Step 2 writes segments through today's writeSegment, so
  // only headers written by v2 and v3 code have ids in them; those are the ones rewritten.
  async (_db, tx) => {
    const blocks = tx.objectStore('searchBlocks');
    let cursor = await tx.objectStore('searchSegments').openCursor();
    while (cursor) {
      const old = cursor.value as unknown as { id: number; docIds?: unknown; bounds?: unknown; dead?: unknown };
      if (Array.isArray(old.docIds) && Array.isArray(old.bounds)) {
        const bounds = (old.bounds as { first: string; last: string }[]).flatMap((b) => [b.first, b.last]);
        queue(blocks.put(old.docIds as string[], [old.id, SEGMENT_DOC_IDS]));
        queue(blocks.put(bounds, [old.id, SEGMENT_BOUNDS]));
        queue(cursor.update({ id: old.id, size: old.docIds.length, dead: Array.isArray(old.dead) ? (old.dead as string[]) : [] }));
      }
      cursor = await cursor.continue();
    }
  },
  // v5: "Fix this page" rules, one per site (utils/site-rules/). A new store and nothing
  // else: no existing record changes, so every earlier library upgrades as it is.
  (db) => {
    db.createObjectStore('siteRules', { keyPath: 'site' });
  },
  // v6: an import's queued links, a record per batch until the background makes them jobs
  // (schema.ts PendingJobs). A new store and nothing else.
  (db) => {
    db.createObjectStore('fetchPending', { keyPath: 'id' });
  },
];

