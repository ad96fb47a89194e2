/**
 * The fetch queue's records (`fetchQueue`, utils/db/schema.ts FetchJob) and
 * the link-only articles they fill in. Every step is one transaction that
 * changes the job and the article's `fetchState` together, so the list never
 * says "Fetching…" for a job that is not running for long: a job is *leased*
 * while a pump works on it, and a lease that ran out (the worker was killed
 * mid-fetch) makes it claimable again.
 *
 * A run's jobs stay (done / failed) until no job is waiting, so the library can
 * show "Downloading 12 of 300"; then the run is cleared.
 */
import type { IDBPTransaction } from 'idb';
import { isAwaitingContent } from '../highlights/awaiting';
import { announce } from '../library/channel';
import type { ArticleMeta, FetchState } from '../library/types';
import { db } from './open';
import { abandon, getAllRaw, putRaw, queue } from './requests';
import type { FetchJob, FolioDB } from './schema';

export interface QueueProgress {
  total: number;
  done: number;
  failed: number;
  waiting: number;
}

export interface ClaimRules {
  now: number;
  max: number;
  /** How long a claim holds a job. */
  leaseMs: number;
  /** Hosts that may not get a job now (one request at a time per host, and spacing). */
  blockedHosts: ReadonlySet<string>;
}

type QueueTx = IDBPTransaction<FolioDB, ('fetchQueue' | 'articles')[], 'readwrite'>;

export function jobFor(meta: Pick<ArticleMeta, 'id' | 'url'>, now: number): FetchJob {
  return { articleId: meta.id, url: meta.url, host: new URL(meta.url).hostname.toLowerCase(), state: 'waiting', attempts: 0, dueAt: now, leaseUntil: 0, addedAt: now };
}

/**
 * Makes the jobs of the links imports queued (schema.ts PendingJobs): one
 * transaction per pending record, so a record is either still pending or all
 * its jobs exist. A link filled by a save meanwhile gets its job already done
 * (as a job that existed would have been marked: it counts in the run's
 * progress); a deleted one gets none. Returns how many jobs were made.
 */
export async function expandPending(): Promise<number> {
  let made = 0;
  for (;;) {
    const tx = (await db()).transaction(['fetchPending', 'fetchQueue', 'articles'], 'readwrite');
    try {
      const cursor = await tx.objectStore('fetchPending').openCursor();
      if (!cursor) {
        await tx.done;
        return made;
      }
      const { articleIds, addedAt } = cursor.value;
      const [metas, jobs] = await Promise.all([getAllRaw<ArticleMeta>(tx.objectStore('articles'), articleIds), getAllRaw<FetchJob>(tx.objectStore('fetchQueue'), articleIds)]);
      metas.forEach((meta, i) => {
        if (!meta || jobs[i]) return;
        const job = jobFor(meta, addedAt);
        putRaw(tx.objectStore('fetchQueue'), meta.fetchState ? job : { ...job, state: 'done' });
        made++;
      });
      queue(cursor.delete());
      await tx.done;
    } catch (error) {
      throw abandon(tx, error);
    }
  }
}

async function anyPending(): Promise<boolean> {
  return (await (await db()).count('fetchPending')) > 0;
}

async function setFetchState(tx: QueueTx, id: string, state: FetchState | null): Promise<boolean> {
  const meta = await tx.objectStore('articles').get(id);
  if (!meta || !meta.fetchState) return false;
  const next = { ...meta };
  if (state) next.fetchState = state;
  else delete next.fetchState;
  queue(tx.objectStore('articles').put(next));
  return true;
}

/** Leases up to `max` due jobs on distinct, unblocked hosts, and marks their articles "Fetching…". */
export async function claimJobs(rules: ClaimRules): Promise<FetchJob[]> {
  await expandPending();
  const tx = (await db()).transaction(['fetchQueue', 'articles'], 'readwrite');
  const claimed: FetchJob[] = [];
  try {
    const hosts = new Set(rules.blockedHosts);
    let cursor = await tx.objectStore('fetchQueue').index('state_dueAt').openCursor(IDBKeyRange.bound(['waiting', 0], ['waiting', rules.now]));
    while (cursor && claimed.length < rules.max) {
      const job = cursor.value;
      if (job.leaseUntil <= rules.now && !hosts.has(job.host)) {
        const leased: FetchJob = { ...job, leaseUntil: rules.now + rules.leaseMs };
        queue(cursor.update(leased));
        hosts.add(job.host);
        claimed.push(leased);
        await setFetchState(tx, job.articleId, { status: 'fetching', at: rules.now });
      }
      cursor = await cursor.continue();
    }
    await tx.done;
  } catch (error) {
    throw abandon(tx, error);
  }
  if (claimed.length) announce({ kind: 'updated', ids: claimed.map((j) => j.articleId) });
  return claimed;
}

/**
 * A new background (the worker was killed, the browser restarted) frees every
 * lease: only the background pumps, and the one that held them is gone.
 */
export async function releaseLeases(now: number): Promise<number> {
  const tx = (await db()).transaction(['fetchQueue', 'articles'], 'readwrite');
  const ids: string[] = [];
  let cursor = await tx.objectStore('fetchQueue').index('state').openCursor('waiting');
  while (cursor) {
    if (cursor.value.leaseUntil > 0) {
      ids.push(cursor.value.articleId);
      queue(cursor.update({ ...cursor.value, leaseUntil: 0 }));
      await setFetchState(tx, cursor.value.articleId, { status: 'queued', at: now });
    }
    cursor = await cursor.continue();
  }
  await tx.done;
  if (ids.length) announce({ kind: 'updated', ids });
  return ids.length;
}

/** After a failed attempt that may work later: back to waiting from `dueAt`, "Not downloaded yet" with why. */
export async function retryLater(articleId: string, dueAt: number, reason: string, now: number): Promise<void> {
  const tx = (await db()).transaction(['fetchQueue', 'articles'], 'readwrite');
  const job = await tx.objectStore('fetchQueue').get(articleId);
  if (job) {
    queue(tx.objectStore('fetchQueue').put({ ...job, attempts: job.attempts + 1, dueAt, leaseUntil: 0, reason }));
    await setFetchState(tx, articleId, { status: 'queued', reason, at: now });
  }
  await tx.done;
  announce({ kind: 'updated', ids: [articleId] });
}

/** The link stays a link, with why (gone, not an article, refused, or out of retries). */
export async function failJob(articleId: string, reason: string, now: number): Promise<void> {
  const tx = (await db()).transaction(['fetchQueue', 'articles'], 'readwrite');
  const job = await tx.objectStore('fetchQueue').get(articleId);
  if (job) queue(tx.objectStore('fetchQueue').put({ ...job, state: 'failed', attempts: job.attempts + 1, leaseUntil: 0, reason }));
  await setFetchState(tx, articleId, { status: 'failed', reason, at: now });
  await tx.done;
  announce({ kind: 'updated', ids: [articleId] });
}

/** A job whose article was deleted meanwhile: nothing to fill in. */
export async function dropJob(articleId: string): Promise<void> {
  await (await db()).delete('fetchQueue', articleId);
}

export async function getJob(articleId: string): Promise<FetchJob | undefined> {
  return (await db()).get('fetchQueue', articleId);
}

export async function queueProgress(): Promise<QueueProgress | null> {
  // Counted as jobs: pending links become jobs first (a link filled meanwhile counts as done, not waiting).
  await expandPending();
  const tx = (await db()).transaction('fetchQueue', 'readonly');
  const index = tx.store.index('state');
  const [total, done, failed, waiting] = await Promise.all([tx.store.count(), index.count('done'), index.count('failed'), index.count('waiting')]);
  await tx.done;
  return total === 0 ? null : { total, done, failed, waiting };
}

/** When the next waiting job may run: its due time, or when its lease runs out; null when none waits. */
export async function nextDueAt(): Promise<number | null> {
  // Pending links are due at once: claiming makes them jobs.
  if (await anyPending()) return 0;
  const tx = (await db()).transaction('fetchQueue', 'readonly');
  let next: number | null = null;
  let cursor = await tx.store.index('state_dueAt').openCursor(IDBKeyRange.bound(['waiting', -Infinity], ['waiting', Infinity]));
  while (cursor) {
    const at = Math.max(cursor.value.dueAt, cursor.value.leaseUntil);
    if (next === null || at < next) next = at;
    cursor = await cursor.continue();
  }
  await tx.done;
  return next;
}

/** Ends a run with nothing waiting: its done and failed jobs go (the articles keep their state). */
export async function clearFinishedRun(): Promise<boolean> {
  const tx = (await db()).transaction(['fetchQueue', 'fetchPending'], 'readwrite');
  const [waitingJobs, pending] = await Promise.all([tx.objectStore('fetchQueue').index('state').count('waiting'), tx.objectStore('fetchPending').count()]);
  const waiting = waitingJobs + pending;
  if (waiting === 0) queue(tx.objectStore('fetchQueue').clear());
  await tx.done;
  // Library pages show the run's progress: tell them it is over.
  if (waiting === 0) announce({ kind: 'updated', ids: [] });
  return waiting === 0;
}

/** Cancel: every waiting link stays a link, saying it was not downloaded. */
export async function cancelWaiting(reason: string, now: number): Promise<number> {
  // Pending links are waiting too: made jobs first, then cancelled with the rest.
  await expandPending();
  const tx = (await db()).transaction(['fetchQueue', 'articles'], 'readwrite');
  const ids: string[] = [];
  let cursor = await tx.objectStore('fetchQueue').index('state').openCursor('waiting');
  while (cursor) {
    ids.push(cursor.value.articleId);
    queue(cursor.update({ ...cursor.value, state: 'failed', leaseUntil: 0, reason }));
    await setFetchState(tx, cursor.value.articleId, { status: 'failed', reason, at: now });
    cursor = await cursor.continue();
  }
  await tx.done;
  if (ids.length) announce({ kind: 'updated', ids });
  return ids.length;
}

/** The quotes of an article's highlights that still wait for its text (utils/highlights/awaiting.ts). */
export async function awaitingQuotes(articleId: string): Promise<string[]> {
  const all = await (await db()).getAllFromIndex('highlights', 'articleId', articleId);
  return all.filter(isAwaitingContent).map((h) => h.selectors.quote.exact);
}
