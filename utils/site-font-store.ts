/**
 * Where per-site text scales live, and who learns them. The list of sites a
 * user resized is reading history, so it is kept where no content script can
 * read it: Folio's own IndexedDB origin (a content script opening IndexedDB
 * opens the *news site's* database). `storage.local` and `storage.sync` are
 * readable by every content script (storage.session is not, but does not last
 * past the browser session), and every storage.onChanged event reaches every
 * tab: a change on one site was announced to all of them.
 *
 * So: the background keeps the scales; a content script asks for *its own
 * site's* scale by message ('siteFont.get', the site taken from the sender, not
 * from the payload); a change is sent only to tabs showing that site
 * ('siteFont.apply').
 *
 * The scales are a database of their own, opened here with the bare IndexedDB
 * API: utils/db/ (the library's schema and upgrade ladder) is being reworked
 * by another change; once that lands this store belongs there as one more
 * object store. Scales from earlier versions (storage.local "siteFont:<host>")
 * move here once, at install/update (migrateSiteFontsFromStorageLocal).
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SCALE, normaliseScale, siteKey } from './site-font';

const DB_NAME = 'folio-site-fonts';
const STORE = 'scales';
/** The key prefix earlier versions used in storage.local. */
const LEGACY_PREFIX = 'siteFont:';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
}

async function inStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function getSiteScale(host: string): Promise<number> {
  return normaliseScale(await inStore<unknown>('readonly', (store) => store.get(siteKey(host))));
}

/** 100 % removes the entry: a site never resized leaves no trace. */
export async function setSiteScale(host: string, scale: number): Promise<number> {
  const value = normaliseScale(scale);
  const key = siteKey(host);
  await inStore('readwrite', (store) => {
    if (value === DEFAULT_SCALE) store.delete(key);
    else store.put(value, key);
  });
  return value;
}

/** Every stored site (tests, exports). */
export async function allSiteScales(): Promise<Record<string, number>> {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const out: Record<string, number> = {};
      const cursor = db.transaction(STORE).objectStore(STORE).openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return resolve(out);
        out[String(c.key)] = normaliseScale(c.value);
        c.continue();
      };
      cursor.onerror = () => reject(cursor.error ?? new Error('cursor failed'));
    });
  } finally {
    db.close();
  }
}

/** True when `url` is a page of the site `host` names (www. or not). */
export function isPageOfSite(url: string | undefined, host: string): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) && siteKey(parsed.hostname) === siteKey(host);
  } catch {
    return false;
  }
}

/** Moves scales earlier versions kept in storage.local (readable by content scripts) into the store. */
export async function migrateSiteFontsFromStorageLocal(): Promise<void> {
  const all = await browser.storage.local.get(null);
  const legacy = Object.keys(all).filter((key) => key.startsWith(LEGACY_PREFIX));
  if (legacy.length === 0) return;
  for (const key of legacy) await setSiteScale(key.slice(LEGACY_PREFIX.length), normaliseScale(all[key]));
  await browser.storage.local.remove(legacy);
}
