/**
 * Folio's IndexedDB: names, version and record types. Only utils/db/ imports idb.
 * Who opens it: the background (flows a tab starts: save, menus, commands) and
 * Folio's own extension pages (library, reader), which share the extension's
 * origin and read lists, bodies and images directly instead of through
 * messages. Content scripts never do: they would open the news site's database.
 *
 * Bump DB_VERSION only together with a new step in migrations.ts and a test that
 * upgrades data written by every earlier version.
 */
import type { DBSchema } from 'idb';
import type { ReaderView } from '../article/types';
import type { ArticleAsset, ArticleBody, ArticleMeta } from '../library/types';
import type { SegmentBlock } from '../library/segments';
import type { Highlight } from '../highlights/types';
import type { SiteRule } from '../site-rules/types';

export const DB_NAME = 'folio';
export const DB_VERSION = 6;

/** Which search segment holds an article's current index entries (utils/library/segments.ts). */
export interface SearchDoc {
  id: string;
  seg: number;
}

/**
 * A search segment's header: only what changes once the segment is written.
 * Its article ids and its blocks' term ranges never change, so they are kept
 * beside its blocks (SEGMENT_DOC_IDS, SEGMENT_BOUNDS), where a page reads them
 * once: until v4 they were in this record, and every query read every header
 * whole (~870 kB, ~17,000 strings at 10,000 articles; most of a query's time).
 */
export interface SearchSegment {
  id: number;
  /** How many articles it was written with (dead ones included). */
  size: number;
  /** Articles deleted or re-indexed since: their postings here are ignored, and dropped by the next merge. */
  dead: string[];
}

/**
 * Keys in searchBlocks, [segment, n], of a segment's immutable records besides
 * its blocks (0 … n): its article ids in local order, and its blocks' bounds.
 * Negative, so a segment's blocks are still the range [id, 0] … [id, Infinity].
 */
export const SEGMENT_DOC_IDS = -2;
export const SEGMENT_BOUNDS = -1;

/** Where the reader was in an article (saved or not), keyed by its URL identity. */
export interface ReadingPositionRecord {
  key: string;
  fraction: number;
  at: number;
}

/** A highlight: quote and position selectors, colour, note (utils/highlights/types.ts). */
export type HighlightRecord = Highlight;

/**
 * The links one import batch queued, written in the batch's own transaction;
 * the background turns it into one FetchJob per link before it next claims
 * (utils/db/fetch-queue.ts expandPending). Why not a job per link at once: a
 * 10,000-link import spent about a fifth of its time writing them (Chromium,
 * 2026-12-03: 10,000 job puts ≈ 1.2 s of a 5.7 s import).
 */
export interface PendingJobs {
  id: string;
  articleIds: string[];
  addedAt: number;
}

/**
 * An imported link waiting for its article (utils/background/fetch-queue.ts).
 * The queue lives here, not in worker memory: a killed worker or a browser
 * restart resumes from these records.
 */
export interface FetchJob {
  /** The link-only article this job fills in (one job per article). */
  articleId: string;
  url: string;
  /** Lower-cased host: per-host politeness. */
  host: string;
  state: 'waiting' | 'done' | 'failed';
  /** Attempts made so far (backoff grows with them). */
  attempts: number;
  /** Epoch ms before which the job is not tried (backoff, per-host spacing). */
  dueAt: number;
  /** Epoch ms until which a running pump holds the job; a lease that ran out (worker killed mid-fetch) frees it. */
  leaseUntil: number;
  /** Why the last attempt failed, for the list and the report. */
  reason?: string;
  addedAt: number;
}

export interface FolioDB extends DBSchema {
  /** Saved articles' metadata and state: everything a list shows, no bodies. */
  articles: {
    key: string;
    value: ArticleMeta;
    indexes: {
      /** Unique: one record per article identity. */
      urlKey: string;
      /** Newest-first listing, stable when timestamps are equal (imports save many at once). */
      savedAt_id: [number, string];
      tags: string;
      siteKey: string;
      readAt: number;
      archivedAt: number;
      favoritedAt: number;
    };
  };
  /** Article HTML and text, read when an article is opened, exported or re-indexed. */
  bodies: { key: string; value: ArticleBody };
  /** Images for offline reading, keyed by [articleId, url]. */
  assets: { key: [string, string]; value: ArticleAsset; indexes: { articleId: string } };
  highlights: { key: string; value: HighlightRecord; indexes: { articleId: string } };
  /** The search index (utils/library/segments.ts): segment headers, and their blocks keyed [segment, n] (with their ids and bounds). */
  searchSegments: { key: number; value: SearchSegment };
  searchBlocks: { key: [number, number]; value: SegmentBlock | string[] };
  searchDocs: { key: string; value: SearchDoc };
  /** Articles opened in the reader, saved or not; pruned to the newest READER_VIEW_LIMIT. */
  readerViews: {
    key: string;
    value: ReaderView;
    indexes: { createdAt: number };
  };
  /** Per-site text scales of the live page, keyed by site (utils/site-font-store.ts). */
  siteScales: { key: string; value: number };
  /** Reading positions, pruned to the newest MAX_POSITIONS (utils/reading-position.ts). */
  positions: { key: string; value: ReadingPositionRecord; indexes: { at: number } };
  /** Imported links waiting to be fetched; `state_dueAt` finds the next due job. */
  fetchQueue: { key: string; value: FetchJob; indexes: { state_dueAt: [string, number]; state: string } };
  /** Links an import queued, a record per import batch, not yet jobs (PendingJobs). */
  fetchPending: { key: string; value: PendingJobs };
  /** "Fix this page" rules, one per site, keyed by site (utils/site-rules/); read by the background before each extraction. */
  siteRules: { key: string; value: SiteRule };
}

export const READER_VIEW_LIMIT = 30;

/** Every store a save, delete or import touches together. */
export const SEARCH_STORES = ['searchSegments', 'searchBlocks', 'searchDocs'] as const;
/** The fetch queue is in it: a save fills a link-only article and ends its job; a delete drops the job. */
export const ARTICLE_STORES = ['articles', 'bodies', 'assets', 'highlights', 'fetchQueue', ...SEARCH_STORES] as const;
