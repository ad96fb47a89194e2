/**
 * The upgrade ladder. Step N brings a database at version N-1 to version N; a
 * fresh install runs every step in order, so a new install and an upgraded one
 * end with the same shape. Steps only use the upgrade transaction they are given.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { FolioDB } from './schema';

export type UpgradeStep = (
  db: IDBPDatabase<FolioDB>,
  tx: IDBPTransaction<FolioDB, StoreNames<FolioDB>[], 'versionchange'>,
) => void;

export const MIGRATIONS: readonly UpgradeStep[] = [
  // v1: the library and the reader's recent views.
  (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('urlKey', 'urlKey', { unique: true });
    articles.createIndex('savedAt', 'savedAt');
    const views = db.createObjectStore('readerViews', { keyPath: 'id' });
    views.createIndex('createdAt', 'createdAt');
  },
];
