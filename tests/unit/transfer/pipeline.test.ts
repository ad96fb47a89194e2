// @vitest-environment jsdom
/**
 * The import pipeline on fake-indexeddb: preview counts (new, duplicates by the
 * library's identity rules, repeats inside the file, unreadable rows), apply
 * with the report, merges into saved articles (tags union, earliest saved
 * date, states added, never removed), whole-or-nothing items under an
 * injected failure, Omnivore content extracted, sanitised at render and its
 * highlights anchored, and the downloadable report.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import { expandPending } from '@/utils/db/fetch-queue';
import { savedKeys, writeImportBatch, type ImportWrite } from '@/utils/db/imports';
import { listAll } from '@/utils/db/library-repository';
import { closeDB, db } from '@/utils/db/open';
import { searchIndex } from '@/utils/db/search-index';
import { listHighlights } from '@/utils/db/highlights';
import { anchor } from '@/utils/highlights/anchor';
import { sanitizeArticle } from '@/utils/sanitize';
import { applyPlan, type ApplyDeps } from '@/utils/transfer/import/apply';
import { prepareContent } from '@/utils/transfer/import/content';
import { planImport } from '@/utils/transfer/import/plan';
import { readImportFile } from '@/utils/transfer/import/read-file';
import { reportCsv } from '@/utils/transfer/import/report';
import { makeExtracted } from '../helpers/article';
import { fileOf, zipFolder } from './fixture-zip';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const deps = (over: Partial<ApplyDeps> = {}): ApplyDeps => ({
  writeBatch: (writes) => writeImportBatch(writes),
  prepareContent,
  errorText: (e) => (e instanceof Error ? e.message : String(e)),
  ...over,
});

async function pocketPlan() {
  const parsed = await readImportFile(fileOf(zipFolder('pocket', 'pocket/'), 'pocket.zip'));
  return planImport(parsed, await savedKeys());
}

/** The links' jobs, as the background makes them (before it claims) from the batches' pending records. */
async function jobs() {
  await expandPending();
  return (await db()).getAll('fetchQueue');
}

describe('preview', () => {
  it('counts new items, duplicates of saved articles (tracking, scheme and www. ignored), repeats in the file and unreadable rows', async () => {
    await saveArticle(makeExtracted({ url: 'http://news.example/two-lines?utm_campaign=x', title: 'Saved before' }), { initial: { savedAt: 1_800_000_000_000, tags: ['mine'] } });
    const plan = await pocketPlan();
    expect(plan.counts).toMatchObject({ new: 3, duplicates: 1, repeats: 1, unreadable: 1, links: 4, highlights: 2 });
    expect(plan.repeats[0]).toMatchObject({ ref: 'part_000001.csv, row 3', sameAs: 'part_000000.csv, row 2' });
    // Nothing is written by reading and previewing.
    expect(await listAll()).toHaveLength(1);
    expect(await jobs()).toEqual([]);
  });
});

describe('apply', () => {
  it('links are in the library at once with their state and a queued download; duplicates are merged and say what changed', async () => {
    const saved = await saveArticle(makeExtracted({ url: 'http://news.example/two-lines?utm_campaign=x', title: 'Saved before' }), { initial: { savedAt: 1_800_000_000_000, tags: ['mine'] } });
    const report = await applyPlan(await pocketPlan(), deps());
    expect(report.counts).toEqual({ imported: 3, merged: 1, skipped: 2, failed: 0 });
    expect(report.queued).toBe(3);

    const metas = await listAll();
    expect(metas).toHaveLength(4);
    const monsoon = metas.find((m) => m.url.includes('monsoon'))!;
    expect(monsoon).toMatchObject({ title: 'Monsoon season arrives early, and the ferries wait', fetchState: { status: 'queued' }, origin: 'import' });
    // Folded with its repeat in part 1: tags union, the earlier saved date.
    expect(monsoon.tags).toEqual(['weather', 'travel', 'ferries']);
    expect(monsoon.savedAt).toBe(1_690_000_000_000);
    expect(monsoon.archivedAt).toBeUndefined();
    const harbour = metas.find((m) => m.url.includes('harbour'))!;
    expect(harbour.archivedAt).toBe(1_600_000_000_000);
    expect(harbour.readAt).toBe(1_600_000_000_000);

    const merged = metas.find((m) => m.id === saved.meta.id)!;
    expect(merged.title).toBe('Saved before');
    expect(merged.fetchState).toBeUndefined();
    expect(merged.archivedAt).toBe(1_700_000_100_000);
    expect(merged.savedAt).toBe(1_700_000_100_000);
    expect(report.rows.find((r) => r.status === 'merged')!.detail).toMatch(/saved date 2023-11-14, read, archived/);
    expect((await getArticle(saved.meta.id))!.content).toContain('Kuala Lumpur');

    // Written by the import as one pending record for its batch, not a job per link (schema.ts PendingJobs).
    const pending = await (await db()).getAll('fetchPending');
    expect(pending.flatMap((p) => p.articleIds).sort()).toEqual(metas.filter((m) => m.fetchState).map((m) => m.id).sort());
    expect(await (await db()).getAll('fetchQueue')).toEqual([]);
    expect((await jobs()).map((j) => j.articleId).sort()).toEqual(metas.filter((m) => m.fetchState).map((m) => m.id).sort());
    expect(await (await db()).count('fetchPending')).toBe(0);
    // The highlights are stored at once, waiting for the article's text, and searchable.
    const hs = await listHighlights(monsoon.id);
    expect(hs.map((h) => h.selectors.quote.exact).sort()).toEqual(['rain came three weeks early', 'the ferries wait at the pier']);
    expect(hs.every((h) => h.basis.contentHash === '' && !h.orphaned)).toBe(true);
    expect((await searchIndex('ferries')).hits.map((h) => h.id)).toContain(monsoon.id);
    expect((await searchIndex('pier')).hits.map((h) => h.id)).toEqual([monsoon.id]);

    expect(report.rows.filter((r) => r.status === 'skipped').map((r) => r.detail)).toEqual([
      'listed again in the export; merged into part_000000.csv, row 2',
      'unreadable: not a web address: “not-a-url”',
    ]);
  });

  it('importing the same file twice adds nothing the second time', async () => {
    await applyPlan(await pocketPlan(), deps());
    const again = await applyPlan(await pocketPlan(), deps());
    expect(again.counts).toMatchObject({ imported: 0, merged: 0 });
    expect(again.rows.filter((r) => r.detail.startsWith('already in the library'))).toHaveLength(4);
    expect(await listAll()).toHaveLength(4);
  });

  it('an article saved after the preview (another tab) is merged into, not saved twice: the batch is written again with every item looked up', async () => {
    const plan = await pocketPlan();
    expect(plan.counts.duplicates).toBe(0);
    const saved = await saveArticle(makeExtracted({ url: 'http://news.example/two-lines?utm_campaign=x', title: 'Saved meanwhile' }));
    const attempts: number[] = [];
    const report = await applyPlan(plan, deps({
      writeBatch: async (writes: ImportWrite[]) => {
        attempts.push(writes.length);
        return writeImportBatch(writes);
      },
    }));
    // One batch call: the unique index refused the first try inside writeImportBatch, which tried again itself.
    expect(attempts).toEqual([4]);
    expect(report.counts).toMatchObject({ imported: 3, merged: 1, failed: 0 });
    expect(report.rows.find((r) => r.status === 'merged')!.id).toBe(saved.meta.id);
    const metas = await listAll();
    expect(metas).toHaveLength(4);
    expect(metas.find((m) => m.id === saved.meta.id)!.title).toBe('Saved meanwhile');
    expect(await jobs()).toHaveLength(3);
  });

  it('a failure half-way through a batch leaves none of that batch; its other items are retried alone; the failing item is whole-not-there', async () => {
    const plan = await pocketPlan();
    const bad = plan.items[1]!.item.url;
    const seenAtFailure: number[] = [];
    const report = await applyPlan(plan, deps({
      writeBatch: async (writes: ImportWrite[]) => {
        try {
          return await writeImportBatch(writes, { afterItem: (item) => { if (item.url === bad) throw new Error('disk on fire (injected)'); } });
        } catch (error) {
          seenAtFailure.push((await listAll()).length);
          throw error;
        }
      },
    }));
    // The first batch (all four) failed with nothing written; then, one by one, the bad item (second) failed alone.
    expect(seenAtFailure).toEqual([0, 1]);
    expect(report.counts).toMatchObject({ imported: 3, failed: 1 });
    expect(report.rows.find((r) => r.status === 'failed')).toMatchObject({ url: bad, detail: 'disk on fire (injected)' });
    const metas = await listAll();
    expect(metas.map((m) => m.url)).not.toContain(bad);
    expect(await jobs()).toHaveLength(3);
    const conn = await db();
    expect((await conn.getAll('highlights')).every((h) => metas.some((m) => m.id === h.articleId))).toBe(true);
  });

  it('cancel stops between batches: written items stay whole, the rest are reported as not imported', async () => {
    const plan = await pocketPlan();
    const controller = new AbortController();
    controller.abort();
    const report = await applyPlan(plan, deps({ signal: controller.signal }));
    expect(report.cancelled).toBe(true);
    expect(report.counts.imported).toBe(0);
    expect(report.rows.filter((r) => r.detail.includes('cancelled'))).toHaveLength(4);
    expect(await listAll()).toEqual([]);
  });
});

describe('Omnivore content', () => {
  it('is imported (not fetched), extracted, sanitised at render with nothing executable, its highlights anchored by quote', async () => {
    const parsed = await readImportFile(fileOf(zipFolder('omnivore'), 'omnivore.zip'));
    const report = await applyPlan(planImport(parsed, await savedKeys()), deps());
    expect(report.counts).toMatchObject({ imported: 2, failed: 0 });
    expect(report.queued).toBe(0);
    expect(await jobs()).toEqual([]);
    const metas = await listAll();
    const river = metas.find((m) => m.url.includes('river'))!;
    expect(river).toMatchObject({ title: 'The river and the town', byline: 'Ana Lima', tags: ['rivers', 'towns'], progress: 0.45 });
    expect(river.archivedAt).toBe(Date.parse('2023-05-01T10:00:00.000Z'));
    expect(river.fetchState).toBeUndefined();
    const article = (await getArticle(river.id))!;
    expect(article.textContent).toContain('summer street');

    const root = document.createElement('div');
    root.append(sanitizeArticle(article.content, article.url));
    const hs = await listHighlights(river.id);
    expect(hs).toHaveLength(3);
    for (const h of hs) {
      expect(h.basis.contentHash).not.toBe('');
      expect(h.orphaned).toBe(false);
      const range = anchor(h.selectors, root, { sameContent: true });
      expect(range?.toString().replace(/\s+/g, ' ')).toBe(h.selectors.quote.exact.replace(/\s+/g, ' '));
    }
    expect(hs.find((h) => h.note)!.note).toBe('A clever habit. #habits #towns');

    const hostile = (await getArticle(metas.find((m) => m.url.includes('hostile'))!.id))!;
    const shown = document.createElement('div');
    shown.append(sanitizeArticle(hostile.content, hostile.url));
    expect(shown.textContent).toContain('harmless text');
    expect(shown.querySelectorAll('script, iframe, form, input, [onclick], [onerror]')).toHaveLength(0);
    const urls = [...shown.querySelectorAll('*')].flatMap((el) => ['href', 'src', 'xlink:href'].map((a) => el.getAttribute(a) ?? ''));
    expect(urls.filter((u) => /^\s*javascript:/i.test(u))).toEqual([]);
    // Positive control: the stored copy is the untrusted original, which does hold them.
    expect(hostile.content + hostile.textContent).toMatch(/javascript/i);
    expect((window as { __folioImportPwned?: boolean }).__folioImportPwned).toBeUndefined();
  });
});

describe('report', () => {
  it('downloads as CSV with every row, formula-like cells neutralised', async () => {
    const plan = await pocketPlan();
    plan.items[0]!.item.title = '=HYPERLINK("https://evil.example")';
    const csv = reportCsv(await applyPlan(plan, deps()));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('status,title,url,detail,source');
    expect(lines).toHaveLength(1 + 6);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
  });
});
