// @vitest-environment jsdom
/**
 * The download queue for imported links, on fake-indexeddb with a fake
 * fetcher and clock: articles fill in their link records (with highlights
 * anchored by quote), gone links stay links with their reason, passing
 * failures back off exponentially and give up, a worker killed mid-download
 * is resumed from the persisted queue by a fresh pump, and one host never
 * gets two requests at once.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import * as store from '@/utils/db/fetch-queue';
import { writeImportBatch } from '@/utils/db/imports';
import { listHighlights } from '@/utils/db/highlights';
import { listAll } from '@/utils/db/library-repository';
import { closeDB, db } from '@/utils/db/open';
import { anchorQuotes } from '@/utils/highlights/anchor-quotes';
import { BACKOFF_BASE_MS, createFetchQueue, LEASE_MS, MAX_ATTEMPTS, type QueueDeps } from '@/utils/background/fetch-queue';
import { fail, ok, type Result } from '@/utils/result';
import type { ExtractedArticle } from '@/utils/article/types';
import type { ImportItem } from '@/utils/transfer/import/types';
import { makeExtracted } from '../helpers/article';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const item = (url: string, over: Partial<ImportItem> = {}): ImportItem => ({ ref: url, url, title: `Title of ${url}`, tags: ['imported'], archived: false, read: false, favorite: false, highlights: [], ...over });

/** Jobs are due from the import's time: the harness clock's start. */
const importAt = (writes: Parameters<typeof writeImportBatch>[0]) => writeImportBatch(writes, { now: 1_000_000 });

const PROSE = '<p>The ferries wait at the pier while the rain came three weeks early this year, and the harbour master counts boats.</p>';

interface Harness {
  deps: QueueDeps;
  clock: { now: number };
  fetched: string[];
  schedules: ({ at: number | null } | null)[];
}

function harness(answer: (url: string) => Promise<Result<ExtractedArticle>> | Result<ExtractedArticle>): Harness {
  const clock = { now: 1_000_000 };
  const fetched: string[] = [];
  const schedules: ({ at: number | null } | null)[] = [];
  const deps: QueueDeps = {
    store,
    fetchArticle: async (url) => {
      fetched.push(url);
      return answer(url);
    },
    anchorQuotes: async (content, url, quotes) => anchorQuotes(content, url, quotes),
    save: async (extracted, intoId, anchors) => {
      await saveArticle(extracted, { intoId, anchors, origin: 'import' });
    },
    schedule: async (wake) => {
      schedules.push(wake);
    },
    isPaused: async () => false,
    now: () => clock.now,
    pause: async (ms) => {
      clock.now += ms;
    },
  };
  return { deps, clock, fetched, schedules };
}

const article = (url: string) => ok(makeExtracted({ url, canonicalUrl: url, title: `Fetched ${url}`, content: PROSE, textContent: PROSE.replace(/<[^>]+>/g, '') }));
const http = (status: number) => fail('extraction-failed', `http-status: HTTP ${status} (x)`);

async function metaOf(url: string) {
  return (await listAll()).find((m) => m.url === url)!;
}

describe('fetch queue', () => {
  it('fills each link with its article (state and tags kept, highlights anchored), keeps a gone link as a link with its reason, and ends the run', async () => {
    await importAt([
      { item: item('https://a.example/story', { archived: true, tags: ['kept'], highlights: [{ quote: 'rain came three weeks early', note: 'n' }, { quote: 'not in the text at all', note: '' }] }) },
      { item: item('https://b.example/gone') },
    ]);
    const h = harness((url) => (url.includes('gone') ? http(404) : article(url)));
    await createFetchQueue(h.deps).pump();

    const a = await metaOf('https://a.example/story');
    expect(a).toMatchObject({ title: 'Fetched https://a.example/story', tags: ['kept'] });
    expect(a.fetchState).toBeUndefined();
    expect(a.archivedAt).toBeTypeOf('number');
    expect((await getArticle(a.id))!.content).toBe(PROSE);
    const [placed, orphan] = (await listHighlights(a.id)).sort((x, y) => Number(x.orphaned) - Number(y.orphaned));
    expect(placed!.basis.contentHash).not.toBe('');
    expect(placed!.selectors.quote).toMatchObject({ exact: 'rain came three weeks early', prefix: expect.stringContaining('pier while the') });
    expect(placed!.orphaned).toBe(false);
    expect(orphan!.orphaned).toBe(true);

    const b = await metaOf('https://b.example/gone');
    expect(b.fetchState).toMatchObject({ status: 'failed', reason: 'The page is gone (404)' });
    expect(await getArticle(b.id)).toBeUndefined();
    // Nothing waits: the run's jobs are cleared and the alarms too.
    expect(await store.queueProgress()).toBeNull();
    expect(h.schedules.at(-1)).toBeNull();
  });

  it('a passing failure backs off exponentially, with the alarm set to the due time, and gives up after MAX_ATTEMPTS', async () => {
    await importAt([{ item: item('https://flaky.example/x') }]);
    const h = harness(() => fail('extraction-failed', 'network: TypeError: Failed to fetch (x)'));
    const q = createFetchQueue(h.deps);
    const dues: number[] = [];
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      await q.pump();
      const job = (await (await db()).getAll('fetchQueue'))[0];
      if (attempt < MAX_ATTEMPTS - 1) {
        expect(job).toMatchObject({ state: 'waiting', attempts: attempt + 1 });
        expect(job!.dueAt - h.clock.now).toBe(BACKOFF_BASE_MS * 2 ** attempt);
        expect(h.schedules.at(-1)).toEqual({ at: job!.dueAt });
        expect((await metaOf('https://flaky.example/x')).fetchState).toMatchObject({ status: 'queued', reason: expect.stringContaining('could not be reached') });
        dues.push(job!.dueAt);
        // Before its due time nothing is fetched again.
        const before = h.fetched.length;
        await q.pump();
        expect(h.fetched.length).toBe(before);
        h.clock.now = job!.dueAt;
      }
    }
    expect(h.fetched).toHaveLength(MAX_ATTEMPTS);
    expect((await metaOf('https://flaky.example/x')).fetchState).toMatchObject({ status: 'failed', reason: expect.stringContaining(`gave up after ${MAX_ATTEMPTS} tries`) });
  });

  it('resumes from the persisted queue after the worker died mid-download: a fresh background frees its lease and takes the job', async () => {
    await importAt([{ item: item('https://slow.example/a') }, { item: item('https://slow.example/b') }]);
    // The first worker claimed a job and died before finishing it (no pump survives; only IndexedDB does).
    const [held] = await store.claimJobs({ now: 1_000_000, max: 1, leaseMs: LEASE_MS, blockedHosts: new Set() });
    expect((await metaOf(held!.url)).fetchState?.status).toBe('fetching');

    const h = harness((url) => article(url));
    // A new background frees it at once: its first pump takes both jobs.
    await createFetchQueue(h.deps).pump();
    expect(h.fetched.sort()).toEqual(['https://slow.example/a', 'https://slow.example/b']);
    expect((await listAll()).every((m) => m.fetchState === undefined)).toBe(true);
  });

  it('never runs two downloads for one host at once, and spaces them', async () => {
    await importAt(['1', '2', '3'].map((n) => ({ item: item(`https://one.example/${n}`) })).concat([{ item: item('https://two.example/x') }]));
    let active = 0;
    let most = 0;
    const starts: number[] = [];
    const h = harness(async (url) => {
      if (url.includes('one.example')) {
        active++;
        most = Math.max(most, active);
        starts.push(h.clock.now);
        await new Promise((r) => setTimeout(r, 5));
        active--;
      }
      return article(url);
    });
    await createFetchQueue(h.deps).pump();
    expect(h.fetched).toHaveLength(4);
    expect(most).toBe(1);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(1_000);
  });

  it('a link deleted before its article arrives is dropped, not re-created', async () => {
    const [o] = await importAt([{ item: item('https://deleted.example/x') }]);
    const h = harness(async (url) => {
      await (await import('@/utils/db/article-records')).deleteArticles([o!.id]);
      return article(url);
    });
    await createFetchQueue(h.deps).pump();
    expect(await listAll()).toEqual([]);
    expect(await store.queueProgress()).toBeNull();
  });

  it('saving the page by hand meanwhile fills the link and ends its job', async () => {
    await importAt([{ item: item('https://hand.example/x', { tags: ['t'] }) }]);
    await saveArticle(makeExtracted({ url: 'https://hand.example/x', canonicalUrl: 'https://hand.example/x' }));
    const m = await metaOf('https://hand.example/x');
    expect(m.fetchState).toBeUndefined();
    expect(m.tags).toEqual(['t']);
    expect(await store.queueProgress()).toMatchObject({ total: 1, done: 1, waiting: 0 });
  });
});
