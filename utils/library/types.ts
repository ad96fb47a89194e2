/**
 * The library's records as the data layer v2 keeps them (utils/db/schema.ts).
 * List views read `ArticleMeta` only: bodies and images live in their own
 * stores, so a list of 10,000 rows never touches article HTML or blobs.
 */
import type { ArticleOrigin, ExtractedArticle } from '../article/types';

/** One saved article's metadata and state: the `articles` store. */
export interface ArticleMeta {
  id: string;
  /** Identity (utils/library/identity.ts): canonical URL when it is on the page's own site, else the address. */
  urlKey: string;
  url: string;
  canonicalUrl: string;
  title: string;
  /** Lower-cased, accent-free title for sorting by title. */
  titleKey: string;
  byline: string | null;
  siteName: string | null;
  /** The site's host without `www.`: the site filter and sort. */
  siteKey: string;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  dir: ExtractedArticle['dir'];
  leadImage: string | null;
  leadImageAlt: string | null;
  leadImageCaption: string | null;
  excerpt: string | null;
  wordCount: number;
  readingTimeMinutes: number;
  /** Epoch ms of the first save; re-saving keeps it. */
  savedAt: number;
  /** Epoch ms of the last change to content, metadata or state. */
  updatedAt: number;
  /** State as indexable values: epoch ms, absent when not set. */
  readAt?: number;
  archivedAt?: number;
  favoritedAt?: number;
  tags: string[];
  /** Reading progress 0 … 1, absent when never opened. */
  progress?: number;
  progressAt?: number;
  origin: ArticleOrigin;
  /**
   * Set while this is an imported link whose article is not in the library yet
   * (no body): what the list says about it. Absent once the article is there.
   */
  fetchState?: FetchState;
  /** Images stored for offline reading, and those left out (cap, errors). */
  images: { stored: number; skipped: number; bytes: number };
  /**
   * Set on reads only, never stored: the fields of the stored record that were
   * missing or of the wrong type and are shown with defaults (utils/library/repair.ts).
   */
  damaged?: string[];
}

/** Where an imported link's background fetch stands (utils/background/fetch-queue.ts). */
export interface FetchState {
  status: 'queued' | 'fetching' | 'failed';
  /** Why it failed, in words for the list ("The page is gone (404)"). */
  reason?: string;
  at: number;
}

/** Content of one article: the `bodies` store, read only when the article is opened or exported. */
export interface ArticleBody {
  id: string;
  /** Untrusted HTML with absolute URLs (original image URLs: the reader swaps in local copies). */
  content: string;
  textContent: string;
  /** A hash of `content`: highlights re-anchor when it changes. */
  contentHash: string;
  /** Which extractor produced `content` (utils/article/extract.ts EXTRACTOR_VERSION). */
  extractorVersion: number;
}

/** One stored image: the `assets` store, keyed by [articleId, url]. */
export interface ArticleAsset {
  articleId: string;
  /** The absolute URL the article's HTML names. */
  url: string;
  blob: Blob;
  type: string;
  bytes: number;
}

/** A state change applied to one or more articles. null clears a field. */
export interface StatePatch {
  readAt?: number | null;
  archivedAt?: number | null;
  favoritedAt?: number | null;
  progress?: number | null;
}

export interface SearchHit {
  id: string;
  score: number;
}

export interface SearchResult {
  /** Every matching article, best first. */
  hits: SearchHit[];
  /** The index terms the query matched (prefix and typo expansions included), for marking matches. */
  terms: string[];
}

export interface StorageUsage {
  usedBytes: number;
  quotaBytes: number;
  persisted: boolean;
}

/** What the library page and the reader read and write directly (same origin as the background). */
export interface LibraryRepository {
  /** Newest first, stable on equal timestamps: the first screen of the library. */
  listRecent(limit: number): Promise<ArticleMeta[]>;
  /** Every article's metadata (no bodies), for filters and sorts in memory. */
  listAll(): Promise<ArticleMeta[]>;
  getMeta(id: string): Promise<ArticleMeta | undefined>;
  getBody(id: string): Promise<ArticleBody | undefined>;
  getAssets(articleId: string): Promise<ArticleAsset[]>;
  /** The stored lead image (thumbnail), when there is one. */
  getLeadAsset(meta: ArticleMeta): Promise<ArticleAsset | undefined>;
  updateState(ids: string[], patch: StatePatch): Promise<void>;
  addTags(ids: string[], tags: string[]): Promise<void>;
  removeTags(ids: string[], tags: string[]): Promise<void>;
  /** Renames a tag on every article that has it (merging with an existing tag of that name). */
  renameTag(from: string, to: string): Promise<number>;
  /** Deletes articles with their bodies, images, highlights and index entries. */
  deleteArticles(ids: string[]): Promise<void>;
  /** Writes damaged records back in their checked form (utils/library/repair.ts); how many were repaired. */
  repair(ids: string[]): Promise<number>;
  /** Full-text search over title, byline, site, body and tags: ranked, prefix and typo tolerant. */
  search(query: string): Promise<SearchResult>;
  usage(): Promise<StorageUsage>;
}

/** Posted on the BroadcastChannel LIBRARY_CHANNEL whenever the library changes, by any context. */
export type LibraryChange =
  | { kind: 'saved'; id: string }
  | { kind: 'updated'; ids: string[] }
  | { kind: 'deleted'; ids: string[] }
  /** An article's highlights or notes changed (utils/db/highlights.ts). */
  | { kind: 'highlights'; articleId: string };

export const LIBRARY_CHANNEL = 'folio-library';
