/**
 * Folio's IndexedDB: names, version and record types. Only utils/db/ imports idb,
 * and only the background calls utils/db/ (a content script would open the
 * news site's database, not ours).
 *
 * Bump DB_VERSION only together with a new step in migrations.ts and a test that
 * upgrades data written by every earlier version.
 */
import type { DBSchema } from 'idb';
import type { LibraryArticle, ReaderView } from '../article/types';

export const DB_NAME = 'folio';
export const DB_VERSION = 1;

export interface FolioDB extends DBSchema {
  /** The library: saved articles. */
  articles: {
    key: string;
    value: LibraryArticle;
    indexes: {
      /** Unique: one record per article URL identity. */
      urlKey: string;
      /** Newest-first listing and paging. */
      savedAt: number;
    };
  };
  /** Articles opened in the reader, saved or not; pruned to the newest READER_VIEW_LIMIT. */
  readerViews: {
    key: string;
    value: ReaderView;
    indexes: { createdAt: number };
  };
}

export const READER_VIEW_LIMIT = 30;
