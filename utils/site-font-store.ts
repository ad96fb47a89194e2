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
 * The scales are one more store of Folio's database (utils/db/site-scales.ts).
 * Scales from earlier versions (storage.local "siteFont:<host>") move there
 * once, at install/update (migrateSiteFontsFromStorageLocal).
 */
import { browser } from 'wxt/browser';
import { allScaleRecords, getScaleRecord, putScaleRecord } from './db/site-scales';
import { DEFAULT_SCALE, normaliseScale, siteKey } from './site-font';

/** The key prefix earlier versions used in storage.local. */
const LEGACY_PREFIX = 'siteFont:';

export async function getSiteScale(host: string): Promise<number> {
  return normaliseScale(await getScaleRecord(siteKey(host)));
}

/** 100 % removes the entry: a site never resized leaves no trace. */
export async function setSiteScale(host: string, scale: number): Promise<number> {
  const value = normaliseScale(scale);
  await putScaleRecord(siteKey(host), value === DEFAULT_SCALE ? null : value);
  return value;
}

/** Every stored site (tests, exports). */
export async function allSiteScales(): Promise<Record<string, number>> {
  return Object.fromEntries((await allScaleRecords()).map(([k, v]) => [k, normaliseScale(v)]));
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
