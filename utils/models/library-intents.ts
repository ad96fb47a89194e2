/**
 * Deletes waiting for their undo window, written down synchronously so that a
 * page closed or reloaded during the window still deletes. An IndexedDB
 * delete started on pagehide does not survive the page (the transaction needs
 * several round trips and dies with the document), so the page marks its
 * intent as orphaned on pagehide (a synchronous write) and the next library
 * page to start commits orphaned intents. An intent whose page is still open
 * (another library tab, toast still showing) is never touched; one left by a
 * page that crashed without pagehide is taken once it is clearly stale.
 *
 * Kept in the page's localStorage (extension origin: no web page or content
 * script can read it); only article ids, and only for seconds.
 */

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'folio.pendingDelete.';
/** Past this age an intent's page is gone even if it never said so (crash). */
export const STALE_MS = 60_000;

interface Intent {
  ids: string[];
  at: number;
  orphaned?: boolean;
}

export interface DeleteIntents {
  /** This page means to delete `ids` (replaces its earlier intent). */
  save(ids: readonly string[]): void;
  clear(): void;
  /** The page is going away: whoever starts next commits what is left. */
  orphan(): void;
  /** Intents of pages that are gone, removed from the store: their ids, to delete now. */
  takeOrphans(): string[];
}

export function createDeleteIntents(store: KeyValueStore | null, pageId: string, now: () => number): DeleteIntents {
  const mine = PREFIX + pageId;
  const safe = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      console.warn('[folio] library: pending delete not recorded', e);
    }
  };
  return {
    save(ids) {
      if (store) safe(() => store.setItem(mine, JSON.stringify({ ids: [...ids], at: now() } satisfies Intent)));
    },
    clear() {
      if (store) safe(() => store.removeItem(mine));
    },
    orphan() {
      if (!store) return;
      safe(() => {
        const raw = store.getItem(mine);
        if (!raw) return;
        const intent = JSON.parse(raw) as Intent;
        store.setItem(mine, JSON.stringify({ ...intent, orphaned: true }));
      });
    },
    takeOrphans() {
      if (!store) return [];
      const ids: string[] = [];
      safe(() => {
        const keys: string[] = [];
        for (let i = 0; i < store.length; i++) {
          const key = store.key(i);
          if (key?.startsWith(PREFIX) && key !== mine) keys.push(key);
        }
        for (const key of keys) {
          let intent: Intent | null;
          try {
            intent = JSON.parse(store.getItem(key) ?? 'null') as Intent | null;
          } catch {
            intent = null;
          }
          const gone = !intent || !Array.isArray(intent.ids) || intent.orphaned === true || now() - intent.at > STALE_MS;
          if (!gone) continue;
          store.removeItem(key);
          if (intent && Array.isArray(intent.ids)) ids.push(...intent.ids.filter((id) => typeof id === 'string'));
        }
      });
      return [...new Set(ids)];
    },
  };
}

/** A store in memory (tests; pages without localStorage). */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
  };
}
