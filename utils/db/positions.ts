/**
 * Reading positions in IndexedDB (`positions`), read and written by the reader
 * page itself. They used to live in storage.local, which every content script
 * can read: a list of the URLs someone reads is reading history, and it must
 * not be visible to scripts running inside news sites.
 */
import { db } from './open';
import { queue } from './requests';

export async function getPositionRecord(key: string): Promise<{ fraction: number; at: number } | undefined> {
  return (await db()).get('positions', key);
}

/** Sets (or, with null, forgets) a position and keeps only the newest `max` records. */
export async function putPositionRecord(key: string, fraction: number | null, now: number, max: number): Promise<void> {
  const tx = (await db()).transaction('positions', 'readwrite');
  if (fraction === null) queue(tx.store.delete(key));
  else queue(tx.store.put({ key, fraction, at: now }));
  const excess = (await tx.store.count()) - max;
  if (excess > 0) {
    let cursor = await tx.store.index('at').openCursor(null, 'next');
    for (let i = 0; cursor && i < excess; i++) {
      queue(cursor.delete());
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}
