/**
 * Opening the database. The connection is cached only as a shortcut: when the
 * worker dies the cache goes with it and the next call opens again, and when
 * another context upgrades the schema we close and let the next call reopen.
 *
 * Upgrades must never wedge: a context holding an older connection closes it as
 * soon as a newer Folio asks (`blocking` / `versionchange`); while an upgrade
 * waits for a context that does not (an old tab of a previous version), pages
 * are told (`onUpgradeBlocked`) so they can say what to do. A database created
 * by a newer Folio than this code is left untouched with a clear error.
 *
 * The upgrade ladder (migrations.ts) is loaded only when an upgrade will run:
 * it carries the v1 conversion and with it the identity rules and their
 * public-suffix list, which every page would otherwise parse on every load.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { UpgradeStep } from './migrations';
import { DB_NAME, DB_VERSION, type FolioDB } from './schema';

/**
 * The ladder when opening `name` at `version` may upgrade it; null when the
 * database is known to be at (or past) that version already. Where the browser
 * cannot list databases, the ladder is loaded.
 */
async function ladderFor(name: string, version: number, force: boolean): Promise<readonly UpgradeStep[] | null> {
  if (!force) {
    const known = await indexedDB.databases?.().catch(() => undefined);
    const found = known?.find((d) => d.name === name);
    if (found?.version !== undefined && found.version >= version) return null;
  }
  return (await import('./migrations')).MIGRATIONS;
}

/** The upgrade started without the ladder loaded (the database changed since it was listed): open again with it. */
class LadderMissing extends Error {}

/** The library was written by a newer Folio: this version must not touch it. */
export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
}

/** Upgrading the library failed; the database is as it was before. */
export class UpgradeFailedError extends Error {
  override name = 'UpgradeFailedError';
}

type BlockedListener = (blocked: boolean) => void;
const blockedListeners = new Set<BlockedListener>();

/** Tells `listener` when an upgrade waits for another Folio tab to close (true) and when it went through (false). */
export function onUpgradeBlocked(listener: BlockedListener): () => void {
  blockedListeners.add(listener);
  return () => blockedListeners.delete(listener);
}

let connection: Promise<IDBPDatabase<FolioDB>> | null = null;

export async function openFolioDB(name = DB_NAME, version = DB_VERSION): Promise<IDBPDatabase<FolioDB>> {
  try {
    return await openWith(name, version, await ladderFor(name, version, false));
  } catch (error) {
    if (!(error instanceof LadderMissing)) throw error;
    return openWith(name, version, await ladderFor(name, version, true));
  }
}

async function openWith(name: string, version: number, ladder: readonly UpgradeStep[] | null): Promise<IDBPDatabase<FolioDB>> {
  // Checked before opening: an exception inside `upgrade` would abort with an opaque AbortError.
  if (ladder && version > ladder.length) throw new Error(`No upgrade step for database version ${version}`);
  let wasBlocked = false;
  let upgradeError: unknown = null;
  try {
    const conn = await openDB<FolioDB>(name, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        const target = newVersion ?? version;
        if (!ladder) {
          upgradeError = new LadderMissing();
          tx.done.catch(() => undefined);
          tx.abort();
          return;
        }
        // Steps may be async (they walk cursors); run them in order and abort the
        // whole upgrade on any failure, so the old database stays as it was.
        const run = async () => {
          for (let v = oldVersion + 1; v <= target; v++) await ladder[v - 1]!(db, tx);
        };
        run().catch((error: unknown) => {
          upgradeError = error;
          console.error('[folio] database upgrade failed', error);
          try {
            tx.abort();
          } catch {
            // Already finished or aborted.
          }
        });
      },
      blocked() {
        wasBlocked = true;
        for (const l of blockedListeners) l(true);
      },
      blocking(_current, _blockedVersion, event) {
        (event.target as IDBDatabase).close();
      },
    });
    if (wasBlocked) for (const l of blockedListeners) l(false);
    return conn;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'VersionError') {
      throw new DatabaseTooNewError('This library was saved by a newer version of Folio. Update Folio to open it; nothing was changed.');
    }
    if (upgradeError instanceof LadderMissing) throw upgradeError;
    if (upgradeError) throw new UpgradeFailedError(`Folio could not upgrade the library (${String(upgradeError)}); it is unchanged.`);
    throw error;
  }
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
