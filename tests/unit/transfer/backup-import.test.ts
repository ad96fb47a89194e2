/**
 * A Folio backup through the import pipeline, over fake-indexeddb: the file
 * is recognised by its manifest (not its name) and verified whole while it is
 * read, with progress; the preview holds light rows only (no bodies, no image
 * bytes) and counts new and already-saved articles by id and identity key;
 * applying it restores whole articles (bodies, images, highlights, states,
 * positions) quietly with one change posted at the end; the same file again
 * leaves everything as it is. A corrupt backup is refused with the reader's
 * sentence before anything is written; a zip with another program's
 * manifest.json is not taken for a backup; the file cap does not apply.
 */
import { IDBFactory } from 'fake-indexeddb';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFinished, savedKeys } from '@/utils/db/imports';
import { listAll } from '@/utils/db/library-repository';
import { closeDB, db } from '@/utils/db/open';
import { readBundle, restoreBundle } from '@/utils/db/transfer';
import { LIBRARY_CHANNEL, type LibraryChange } from '@/utils/library/types';
import { BackupFormatError, openBackup } from '@/utils/transfer/backup/reader';
import { writeBackup } from '@/utils/transfer/backup/writer';
import { ImportFileError } from '@/utils/transfer/import-error';
import { applyBackupPlan } from '@/utils/transfer/import/apply-backup';
import { planBackup } from '@/utils/transfer/import/plan';
import { readImportFile } from '@/utils/transfer/import/read-file';
import type { ParsedImport } from '@/utils/transfer/import/types';
import { IMPORT_LIMITS } from '@/utils/transfer/limits';
import { listZip, readEntry } from '@/utils/transfer/zip-reader';
import { bundle, each, highlight } from '../helpers/bundles';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

/** Three articles: one with two highlights and a position, one archived and favourite, one read. */
function bundles() {
  const a = bundle(1, { highlights: [highlight('article-1', 'American officials', 8, 'Who?'), highlight('article-1', 'Kuala Lumpur', 38)] });
  a.position = { fraction: 0.4, at: 1_700_000_900_000 };
  const b = bundle(2, { archived: true, tags: ['asia'] });
  b.meta.favoritedAt = 1_700_000_600_000;
  const c = bundle(3, { highlights: [] });
  c.meta.readAt = 1_700_000_700_000;
  return [a, b, c];
}

async function backupFile(name = 'my-library.zip'): Promise<File> {
  const { blob } = await writeBackup(each(bundles()), 1_800_000_000_000);
  return new File([blob], name);
}

async function entriesOf(file: Blob): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const e of await listZip(file)) out[e.name] = await readEntry(file, e, 1e8);
  return out;
}

/** The whole pipeline as the library page runs it (utils/transfer/import/page-deps.ts). */
async function restoreThrough(parsed: ParsedImport) {
  const plan = planBackup(parsed, await savedKeys());
  const reader = await openBackup(parsed.backup!.file);
  const ids: string[] = [];
  const report = await applyBackupPlan(plan, {
    readItem: (ref) => reader.read(ref),
    async restore(b) {
      const outcome = await restoreBundle(b, { quiet: true });
      if (outcome === 'restored') ids.push(b.meta.id);
      return outcome;
    },
    errorText: (e) => (e instanceof Error ? e.message : String(e)),
  });
  importFinished(ids);
  return { plan, report };
}

/** Library changes posted while `run` runs (and a moment after: channels deliver asynchronously). */
async function changesDuring(run: () => Promise<unknown>): Promise<LibraryChange[]> {
  const seen: LibraryChange[] = [];
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.onmessage = (event: MessageEvent<LibraryChange>) => seen.push(event.data);
  try {
    await run();
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    channel.close();
  }
  return seen;
}

describe('a Folio backup in the Import dialog', () => {
  it('is recognised by its content and verified with progress; the preview keeps light rows only', async () => {
    const progress: [number, number][] = [];
    // Named like anything: the manifest says what it is.
    const parsed = await readImportFile(await backupFile('export (3).bin'), IMPORT_LIMITS, (done, total) => progress.push([done, total]));
    expect(parsed).toMatchObject({ format: 'folio-backup', label: 'Folio backup', unreadable: [], warnings: [] });
    expect(progress).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]]);
    expect(parsed.items.map((i) => [i.ref, i.title, i.archived, i.favorite, i.read, i.highlights.length])).toEqual([
      ['articles/000001.json', 'Story 1', false, false, false, 2],
      ['articles/000002.json', 'Story 2', true, true, false, 1],
      ['articles/000003.json', 'Story 3', false, false, true, 0],
    ]);
    expect(parsed.items[1]).toMatchObject({ url: 'https://news.example/story/2', savedAt: 1_700_000_002_000, tags: ['asia'] });
    expect(parsed.items[0]!.highlights.map((h) => h.quote)).toEqual(['American officials', 'Kuala Lumpur']);
    // No body, no HTML, no image: the rows are what the preview shows.
    const rows = JSON.stringify(parsed.items);
    expect(rows).not.toContain('<h2>');
    expect(rows).not.toContain('officials met');
    expect(parsed.items.every((i) => i.html === undefined)).toBe(true);
    expect(parsed.backup!.images).toBe(3);
    expect([...parsed.backup!.identities.values()][1]).toEqual({ id: 'article-2', urlKey: 'news.example/story/2' });
  });

  it('restores whole articles quietly with one change at the end; the same file again leaves them as they are', async () => {
    const file = await backupFile();
    const parsed = await readImportFile(file);
    let first!: Awaited<ReturnType<typeof restoreThrough>>;
    const changes = await changesDuring(async () => {
      first = await restoreThrough(parsed);
    });
    expect(first.plan.counts).toMatchObject({ new: 3, duplicates: 0, links: 0, highlights: 3 });
    expect(first.report.counts).toEqual({ imported: 3, merged: 0, skipped: 0, failed: 0 });
    // One post for the whole restore, naming every article: open pages re-read their rows once.
    expect(changes).toEqual([{ kind: 'updated', ids: ['article-1', 'article-2', 'article-3'] }]);

    const original = bundles();
    for (const b of original) {
      const restored = (await readBundle(b.meta.id))!;
      expect(restored.meta).toEqual(b.meta);
      expect(restored.body).toEqual(b.body);
      expect(restored.highlights).toEqual(b.highlights);
      expect(restored.position).toEqual(b.position);
      expect(restored.assets.map((x) => [x.url, x.type, x.bytes])).toEqual(b.assets.map((x) => [x.url, x.type, x.bytes]));
      expect(Buffer.from(await restored.assets[0]!.blob.arrayBuffer())).toEqual(Buffer.from(await b.assets[0]!.blob.arrayBuffer()));
    }

    // Again: every article is already in the library, and nothing changes.
    const again = await restoreThrough(await readImportFile(file));
    expect(again.plan.counts).toMatchObject({ new: 0, duplicates: 3 });
    expect(again.report.counts).toEqual({ imported: 0, merged: 0, skipped: 3, failed: 0 });
    expect(again.report.rows.every((r) => r.detail === 'already in the library; left as it is')).toBe(true);
    expect(await listAll()).toHaveLength(3);
    expect(await (await db()).count('highlights')).toBe(3);
  });

  it('already in the library is decided by id or identity key, as the restore decides', async () => {
    const parsed = await readImportFile(await backupFile());
    // Article 1 saved under the same address with another id; article 2 under its id at another address.
    const saved = new Map([['news.example/story/1', 'someone-else'], ['elsewhere.example/2', 'article-2']]);
    const plan = planBackup(parsed, saved);
    expect(plan.items.map((p) => p.existingId)).toEqual(['someone-else', 'article-2', null]);
    expect(plan.counts).toMatchObject({ new: 1, duplicates: 2 });
  });

  it('an article listed twice under one address (a hand-edited backup) is a repeat of the first', async () => {
    const files = await entriesOf(await backupFile());
    const third = JSON.parse(new TextDecoder().decode(files['articles/000003.json']));
    third.meta.urlKey = 'news.example/story/1';
    const parsed = await readImportFile(new File([zipSync({ ...files, 'articles/000003.json': strToU8(JSON.stringify(third)) } as Zippable) as BlobPart], 'b.zip'));
    const plan = planBackup(parsed, new Map());
    expect(plan.items.map((p) => p.item.ref)).toEqual(['articles/000001.json', 'articles/000002.json']);
    expect(plan.repeats).toEqual([{ ref: 'articles/000003.json', url: 'https://news.example/story/3', title: 'Story 3', sameAs: 'articles/000001.json' }]);
  });

  it('a corrupt backup is refused with the reader’s sentence, and nothing is written', async () => {
    const files = await entriesOf(await backupFile());
    const second = JSON.parse(new TextDecoder().decode(files['articles/000002.json']));
    second.meta.savedAt = 'yesterday';
    const corrupt = new File([zipSync({ ...files, 'articles/000002.json': strToU8(JSON.stringify(second)) } as Zippable) as BlobPart], 'b.zip');
    const error = await readImportFile(corrupt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFormatError);
    expect((error as Error).message).toMatch(/“articles\/000002\.json” is not a valid article \(meta\.savedAt: /);
    expect(await listAll()).toEqual([]);
  });

  it('a zip whose manifest.json is another program’s is not a backup; a backup past the file cap still reads', async () => {
    const other = new File([zipSync({ 'manifest.json': strToU8('{"format":"something-else"}'), 'x.txt': strToU8('x') }) as BlobPart], 'other.zip');
    const error = await readImportFile(other).catch((e: unknown) => e);
    expect((error as ImportFileError).code).toBe('unknown-format');
    const file = await backupFile();
    const small = { ...IMPORT_LIMITS, maxFileBytes: 1024 };
    expect(file.size).toBeGreaterThan(1024);
    expect((await readImportFile(file, small)).items).toHaveLength(3);
    // The same size cap refuses any other zip from its size alone.
    expect(((await readImportFile(other, { ...IMPORT_LIMITS, maxFileBytes: 10 }).catch((e: unknown) => e)) as ImportFileError).code).toBe('too-large');
  });

  it('restoreBundle posts its change unless it is quiet', async () => {
    const [a, b] = bundles();
    expect(await changesDuring(() => restoreBundle(a!))).toEqual([{ kind: 'saved', id: 'article-1' }]);
    expect(await changesDuring(() => restoreBundle(b!, { quiet: true }))).toEqual([]);
  });
});

describe('a backed-up link still waiting for its article', () => {
  it('goes back into the download queue when restored; a failed one stays failed', async () => {
    const waiting = bundle(7, { highlights: [] });
    waiting.body = null;
    waiting.assets = [];
    waiting.meta.fetchState = { status: 'queued', at: 1_700_000_000_000 };
    const failed = bundle(8, { highlights: [] });
    failed.body = null;
    failed.assets = [];
    failed.meta.fetchState = { status: 'failed', reason: 'The page is gone (404)', at: 1_700_000_000_000 };
    const { blob } = await writeBackup(each([waiting, failed]), 1_800_000_000_000);
    const { report } = await restoreThrough(await readImportFile(new File([blob], 'b.zip')));
    expect(report.queued).toBe(1);
    expect(report.rows.map((r) => [r.title, r.status, r.detail])).toEqual([
      ['Story 7', 'imported', 'link; its article downloads in the background'],
      ['Story 8', 'imported', 'restored'],
    ]);
    const jobs = await (await db()).getAll('fetchQueue');
    expect(jobs.map((j) => [j.articleId, j.state])).toEqual([['article-7', 'waiting']]);
    const metas = await listAll();
    expect(metas.find((m) => m.id === 'article-7')!.fetchState!.status).toBe('queued');
    expect(metas.find((m) => m.id === 'article-8')!.fetchState).toMatchObject({ status: 'failed', reason: 'The page is gone (404)' });
  });
});
