/**
 * Where the reader was in each article, so reopening it (saved or not) lands
 * where the user left off. Kept in IndexedDB on this device (utils/db/positions.ts:
 * not storage.local, which content scripts can read), keyed by the article's `urlKey`
 * (utils/url.ts) so the same story opened from another link finds its place.
 *
 * A position is a fraction of the scrollable height, not pixels: it survives a
 * different font size, width or window. The map is pruned to the most recently
 * read MAX_POSITIONS entries so it never grows without bound.
 */
import { getPositionRecord, putPositionRecord } from './db/positions';
import { urlKey } from './url';

export const MAX_POSITIONS = 300;

export interface ReadingPosition {
  /** 0 (top) … 1 (end) of the scrollable height. */
  fraction: number;
  /** Epoch ms of the last update; the oldest entries are pruned first. */
  at: number;
}

/** The article's key: its canonical URL's urlKey, else its address's; null when neither is an http URL. */
export function positionKey(article: { url: string; canonicalUrl?: string | null }): string | null {
  return (article.canonicalUrl ? urlKey(article.canonicalUrl) : null) ?? urlKey(article.url);
}

/** Whether a stored entry is usable: a finite fraction in [0, 1]. */
function valid(p: unknown): p is ReadingPosition {
  const v = p as ReadingPosition | null;
  return !!v && typeof v.fraction === 'number' && v.fraction >= 0 && v.fraction <= 1 && typeof v.at === 'number';
}

/**
 * Positions near the top or the very end are not worth restoring: reopening at
 * the top is the default, and a finished article should start over.
 */
export function worthRestoring(fraction: number): boolean {
  return fraction > 0.02 && fraction < 0.98;
}

export async function loadPosition(key: string): Promise<number | null> {
  try {
    const entry = await getPositionRecord(key);
    return valid(entry) && worthRestoring(entry.fraction) ? entry.fraction : null;
  } catch {
    return null;
  }
}

export async function savePosition(key: string, fraction: number, now = Date.now()): Promise<void> {
  const keep = worthRestoring(fraction) ? Math.min(1, Math.max(0, fraction)) : null;
  await putPositionRecord(key, keep, now, MAX_POSITIONS);
}
