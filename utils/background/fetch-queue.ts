/**
 * The background download of imported links. The queue is the `fetchQueue`
 * store (utils/db/fetch-queue.ts), never worker memory; `browser.alarms`
 * drives it: a heartbeat alarm every 30 s while jobs wait (the shortest period
 * Chrome gives a packed MV3 extension), and one at the next job's due time
 * after a backoff. Each wake runs a pump that works while there is due work
 * and then returns; a worker killed mid-pump loses nothing: the next
 * background's first pump frees the jobs it held (leases), and a lease also
 * runs out on its own. The browser's
 * start (runtime.onStartup) and a finished import also wake it.
 *
 * Politeness: at most CONCURRENCY downloads at once, one at a time per host,
 * and each host's requests at least HOST_GAP_MS apart; a failure that may pass
 * (timeouts, 5xx, 429, network errors) is retried with exponential backoff
 * (1, 2, 4 … minutes, MAX_ATTEMPTS in all); a link that is gone (404, 410),
 * is not an article, or is refused stays a link with its reason.
 *
 * The per-host "last request" times are the one thing held in memory, as a
 * courtesy only: losing them with the worker means a host may get its next
 * request up to HOST_GAP_MS sooner, once.
 */
import type { ExtractedArticle } from '../article/types';
import type { FetchJob } from '../db/schema';
import type { HighlightSelectors } from '../highlights/types';
import type { Failure, Result } from '../result';

export const QUEUE_ALARM = 'folio-fetch-queue';
export const HEARTBEAT_MINUTES = 0.5;
export const CONCURRENCY = 3;
export const HOST_GAP_MS = 1_000;
/** Longer than a fetch (20 s) plus extraction and images: a live pump never loses its lease. */
export const LEASE_MS = 120_000;
export const MAX_ATTEMPTS = 4;
export const BACKOFF_BASE_MS = 60_000;

export interface QueueStore {
  releaseLeases(now: number): Promise<number>;
  claimJobs(rules: { now: number; max: number; leaseMs: number; blockedHosts: ReadonlySet<string> }): Promise<FetchJob[]>;
  retryLater(articleId: string, dueAt: number, reason: string, now: number): Promise<void>;
  failJob(articleId: string, reason: string, now: number): Promise<void>;
  dropJob(articleId: string): Promise<void>;
  nextDueAt(): Promise<number | null>;
  clearFinishedRun(): Promise<boolean>;
  awaitingQuotes(articleId: string): Promise<string[]>;
}

export interface QueueDeps {
  store: QueueStore;
  fetchArticle(url: string): Promise<Result<ExtractedArticle>>;
  anchorQuotes(content: string, url: string, quotes: string[]): Promise<(HighlightSelectors | null)[]>;
  /** Saves into the link's record (utils/db/articles.ts `intoId`); throws SaveTargetGoneError when it was deleted. */
  save(extracted: ExtractedArticle, intoId: string, anchors: Map<string, HighlightSelectors | null>): Promise<void>;
  /** Sets the wake-up: `heartbeat` while work waits, plus a one-off at `at`; `null` clears both (the run is over). */
  schedule(wake: { at: number | null } | null): Promise<void>;
  isPaused(): Promise<boolean>;
  now(): number;
  /** A pause for host spacing inside a running pump (≤ HOST_GAP_MS). */
  pause(ms: number): Promise<void>;
}

/** What a failed attempt means: try again later, or the link stays a link. */
export function classify(failure: Failure): { retry: boolean; reason: string } {
  const [, kind = '', detail = ''] = /^([\w-]+): (.*)$/s.exec(failure.detail) ?? [];
  const status = Number(/HTTP (\d{3})/.exec(detail)?.[1] ?? NaN);
  if (failure.code === 'not-an-article') {
    if (kind === 'unsupported-type') return { retry: false, reason: 'Not a web page (it is another kind of file)' };
    if (kind === 'too-large') return { retry: false, reason: 'The page is too large to read' };
    return { retry: false, reason: 'Not an article: Folio found nothing to read on the page' };
  }
  if (failure.code === 'blocked-address') return { retry: false, reason: 'Refused: the link leads into your own network' };
  if (failure.code === 'restricted-page') return { retry: false, reason: 'Not a web address Folio can fetch' };
  if (kind === 'http-status') {
    if (status === 404 || status === 410) return { retry: false, reason: `The page is gone (${status})` };
    if (status === 401 || status === 403) return { retry: false, reason: `The site refused to show the page (${status})` };
    if (status === 429 || status >= 500) return { retry: true, reason: `The site is busy or failing (${status})` };
    return { retry: false, reason: `The site answered ${status}` };
  }
  if (kind === 'timeout') return { retry: true, reason: 'The site took too long to answer' };
  if (kind === 'network') return { retry: true, reason: 'The site could not be reached (offline, or the name does not exist)' };
  return { retry: true, reason: 'The page could not be read' };
}

export function backoffMs(attempts: number, base = BACKOFF_BASE_MS): number {
  return base * 2 ** Math.max(0, attempts);
}

export function createFetchQueue(deps: QueueDeps) {
  const lastStart = new Map<string, number>();
  const running = new Set<string>();
  let pumping: Promise<void> | null = null;
  /** This background's first pump frees the leases of the one before it (killed mid-download). */
  let released = false;

  async function work(job: FetchJob): Promise<void> {
    const { store } = deps;
    const result = await deps.fetchArticle(job.url);
    if (!result.ok) {
      const { retry, reason } = classify(result);
      const now = deps.now();
      if (retry && job.attempts + 1 < MAX_ATTEMPTS) await store.retryLater(job.articleId, now + backoffMs(job.attempts), reason, now);
      else await store.failJob(job.articleId, retry ? `${reason}; gave up after ${job.attempts + 1} tries` : reason, now);
      return;
    }
    const quotes = await store.awaitingQuotes(job.articleId);
    const placed = quotes.length ? await deps.anchorQuotes(result.value.content, result.value.url, quotes) : [];
    const anchors = new Map(quotes.map((q, i) => [q, placed[i] ?? null] as const));
    try {
      await deps.save(result.value, job.articleId, anchors);
    } catch (error) {
      if (error instanceof Error && error.name === 'SaveTargetGoneError') await store.dropJob(job.articleId);
      else await store.retryLater(job.articleId, deps.now() + backoffMs(job.attempts), 'Saving the article failed', deps.now());
    }
  }

  async function run(): Promise<void> {
    if (!released) {
      await deps.store.releaseLeases(deps.now());
      released = true;
    }
    const inFlight = new Map<string, Promise<void>>();
    for (;;) {
      if (await deps.isPaused()) break;
      const now = deps.now();
      const blocked = new Set(running);
      for (const [host, at] of lastStart) if (now - at < HOST_GAP_MS) blocked.add(host);
      const free = CONCURRENCY - inFlight.size;
      const jobs = free > 0 ? await deps.store.claimJobs({ now, max: free, leaseMs: LEASE_MS, blockedHosts: blocked }) : [];
      for (const job of jobs) {
        running.add(job.host);
        lastStart.set(job.host, now);
        const p = work(job)
          .catch((error: unknown) => console.warn('[folio] fetch queue: a job failed unexpectedly', error))
          .finally(() => {
            running.delete(job.host);
            inFlight.delete(job.articleId);
          });
        inFlight.set(job.articleId, p);
      }
      if (inFlight.size > 0) {
        await Promise.race(inFlight.values());
        continue;
      }
      if (jobs.length > 0) continue;
      const next = await deps.store.nextDueAt();
      if (next === null) break;
      // Only host spacing (or a lease about to run out) holds the next job back: a short pause, then on.
      if (next - now <= HOST_GAP_MS) {
        await deps.pause(Math.max(50, next - now));
        continue;
      }
      // Backoff: the alarm wakes a pump at the job's due time.
      await deps.schedule({ at: next });
      return;
    }
    if (await deps.isPaused()) return;
    if (await deps.store.clearFinishedRun()) await deps.schedule(null);
  }

  return {
    /** Works the queue until nothing is due; concurrent calls share one pump. */
    pump(): Promise<void> {
      pumping ??= run().finally(() => {
        pumping = null;
      });
      return pumping;
    },
    /** A new import queued links: make sure the heartbeat runs, then work. */
    async start(): Promise<void> {
      await deps.schedule({ at: null });
      await this.pump();
    },
  };
}

export type FetchQueue = ReturnType<typeof createFetchQueue>;
