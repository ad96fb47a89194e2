/**
 * Opening the database. The connection is cached only as a shortcut: when the
 * worker dies the cache goes with it and the next call opens again, and when
 * another context upgrades the schema we close and let the next call reopen.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { MIGRATIONS } from './migrations';
import { DB_NAME, DB_VERSION, type FolioDB } from './schema';

let connection: Promise<IDBPDatabase<FolioDB>> | null = null;

export async function openFolioDB(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<FolioDB>> {
  // Checked before opening: an exception inside `upgrade` would abort with an opaque AbortError.
  if (version > MIGRATIONS.length) throw new Error(`No upgrade step for database version ${version}`);
  return openDB<FolioDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      const target = newVersion ?? version;
      for (let v = oldVersion + 1; v <= target; v++) {
        const step = MIGRATIONS[v - 1];
        if (!step) throw new Error(`No upgrade step for database version ${v}`);
        step(db, tx);
      }
    },
  });
}

export function db(): Promise<IDBPDatabase<FolioDB>> {
  if (!connection) {
    const opening = openFolioDB().then((conn) => {
      const reset = () => {
        if (connection === opening) connection = null;
      };
      // A newer Folio (another tab of an updated extension) wants to upgrade: step aside.
      conn.addEventListener('versionchange', () => {
        conn.close();
        reset();
      });
      conn.addEventListener('close', reset);
      return conn;
    });
    opening.catch(() => {
      if (connection === opening) connection = null;
    });
    connection = opening;
  }
  return connection;
}

/** For tests: forget the cached connection (after deleting the database). */
export async function closeDB(): Promise<void> {
  const current = connection;
  connection = null;
  if (current) (await current.catch(() => null))?.close();
}
