/**
 * The Folio backup's round trip through the library UI, shared by the
 * Chromium and Firefox files: a library dressed as a person would (an
 * archived article, a favourite with a tag, a highlight made in the reader
 * with the mouse), exported with the Export dialog, wiped through the UI,
 * imported with the Import dialog (file chooser → preview → Import → report)
 * and compared store by store with what it was; the highlight painted in the
 * reader and the images shown from the restored copies; the same file again
 * changes nothing; a corrupt backup is refused with its sentence.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Page } from 'puppeteer';
import { expect } from 'vitest';
import { chooseAndExport, downloaded, openExportDialog, waitForExportDone, closeExportDialog, zipEntries } from './export';
import { clickIn, dragSelect, selectionToolbar, storedHighlights, waitForPainted } from './highlights';
import { chooseImportFile, dialogCounts } from './import';
import { clickInRow, LIBRARY_UI, SEED, waitForTitles } from './library';
import { aria, byName, clickByName, waitForText, waitForValue } from './pages';
import { waitForArticle } from './reader';
import { makeTempDir } from './temp';
import { waitForElement, waitInPage } from './wait';

const [A, B, C] = SEED as [typeof SEED[0], typeof SEED[0], typeof SEED[0]];
/** A sentence of the sample story, highlighted in A. */
export const BACKUP_QUOTE = 'Chinese and American officials met in Kuala Lumpur on Saturday';
export const BACKUP_TAG = 'harbours';

export interface BackupBrowser {
  /** The library page (showing the three seeded articles at first). */
  library: Page;
  /** A saved article in the reader, in a tab of its own. */
  openReader(id: string): Promise<Page>;
  /** Where the browser saves downloads. */
  downloads: string;
}

/** What the library holds, store by store, in a stable order (image bytes as their size). */
export interface LibrarySnapshot {
  articles: Record<string, unknown>[];
  bodies: { id: string; contentHash: string; length: number }[];
  assets: { articleId: string; url: string; type: string; bytes: number; size: number }[];
  highlights: Record<string, unknown>[];
  positions: Record<string, unknown>[];
}

export async function librarySnapshot(page: Page): Promise<LibrarySnapshot> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('folio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    type Asset = { articleId: string; url: string; type: string; bytes: number; blob: Blob };
    type Body = { id: string; contentHash: string; content: string };
    const [articles, bodies, assets, highlights, positions] = await Promise.all([
      all<Record<string, unknown>>('articles'), all<Body>('bodies'), all<Asset>('assets'), all<Record<string, unknown>>('highlights'), all<Record<string, unknown>>('positions'),
    ]);
    db.close();
    const key = (x: unknown) => JSON.stringify(x);
    const sorted = <T,>(xs: T[]) => xs.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    return {
      articles: sorted(articles),
      bodies: sorted(bodies.map((b) => ({ id: b.id, contentHash: b.contentHash, length: b.content.length }))),
      assets: sorted(assets.map((a) => ({ articleId: a.articleId, url: a.url, type: a.type, bytes: a.bytes, size: a.blob.size }))),
      highlights: sorted(highlights),
      positions: sorted(positions),
    };
  });
}

const idOf = (snapshot: LibrarySnapshot, title: string) => snapshot.articles.find((m) => m.title === title)!.id as string;

/** The reader's images (the lead image and the body's) once loaded: where from and whether they decoded. */
async function readerImages(reader: Page): Promise<{ src: string; loaded: boolean }[]> {
  await waitForValue(
    () => reader.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.reader-body img, header figure img')].every((i) => i.complete)),
    (done) => done,
    'the reader images to finish',
  );
  return reader.$$eval('.reader-body img, header figure img', (imgs) => (imgs as HTMLImageElement[]).map((i) => ({ src: i.currentSrc || i.src, loaded: i.complete && i.naturalWidth > 0 })));
}

/**
 * C archived, B a favourite tagged BACKUP_TAG, and BACKUP_QUOTE highlighted in
 * A by a mouse drag in the reader; returns the library as it then is.
 */
export async function dressLibrary(b: BackupBrowser): Promise<LibrarySnapshot> {
  const { library } = b;
  await clickInRow(library, B.title, LIBRARY_UI.favourite);
  await clickInRow(library, B.title, LIBRARY_UI.addTag);
  const field = await byName(library, LIBRARY_UI.newTag);
  await field.type(BACKUP_TAG);
  await library.keyboard.press('Enter');
  await field.dispose();
  await clickInRow(library, C.title, LIBRARY_UI.archive);
  await waitForTitles(library, (t) => t.length === 2, 'the archived article to leave Saved');

  const reader = await b.openReader(idOf(await librarySnapshot(library), A.title));
  await waitForArticle(reader);
  expect((await dragSelect(reader, BACKUP_QUOTE)).trim()).toBe(BACKUP_QUOTE);
  const toolbar = await selectionToolbar(reader);
  await clickIn(toolbar, 'Yellow');
  await toolbar.dispose();
  await waitForValue(() => storedHighlights(reader), (rows) => rows.length === 1, 'the highlight to be stored');
  await reader.close();
  // Background tabs get no animation frames, which the page waits poll with.
  await library.bringToFront();

  const snapshot = await waitForValue(
    () => librarySnapshot(library),
    (s) => s.highlights.length === 1 && s.articles.some((m) => m.archivedAt !== undefined) && s.articles.some((m) => m.favoritedAt !== undefined && (m.tags as string[]).includes(BACKUP_TAG)),
    'the dressed library',
  );
  expect(snapshot.articles).toHaveLength(3);
  expect(snapshot.assets.length).toBeGreaterThan(0);
  return snapshot;
}

/** Export → Folio backup → Export; returns the downloaded file's path. */
export async function exportBackup(b: BackupBrowser): Promise<string> {
  await openExportDialog(b.library);
  await chooseAndExport(b.library, 'Folio backup');
  expect(await waitForExportDone(b.library)).toContain('Exported 3 articles');
  const { path } = await downloaded(b.downloads, /^folio-backup-.*\.zip$/);
  await closeExportDialog(b.library);
  return path;
}

/** Deletes every article through the UI (Saved, then Archived: select all, Delete) and waits until the stores are empty. */
export async function wipeLibrary(library: Page): Promise<void> {
  for (const view of [LIBRARY_UI.viewSaved, LIBRARY_UI.viewArchived]) {
    await clickByName(library, view, 'button');
    await waitForTitles(library, (t) => t.length > 0, `the ${view} view`);
    await clickByName(library, LIBRARY_UI.selectAll, 'checkbox');
    const bar = await waitForElement(library, aria('Selected articles', 'region'));
    await clickIn(bar!, LIBRARY_UI.delete);
    await bar!.dispose();
    await waitForTitles(library, (t) => t.length === 0, `the ${view} view to empty`);
  }
  await clickByName(library, LIBRARY_UI.viewSaved, 'button');
  // The last delete is committed when its undo window ends.
  await waitForValue(() => librarySnapshot(library), (s) => s.articles.length === 0 && s.highlights.length === 0 && s.assets.length === 0, 'the library to be empty', 20_000);
}

async function importAndConfirm(library: Page, path: string, expected: { new: number; kept: number }): Promise<void> {
  await chooseImportFile(library, path);
  await waitForText(library, 'Folio backup ·');
  expect(await dialogCounts(library)).toEqual({ New: expected.new, 'Already in your library': expected.kept, 'Unreadable rows': 0, Highlights: 1 });
  await waitForText(library, 'Each article comes back whole');
  if (expected.kept) await waitForText(library, 'left as they are');
  // The merge note is for the other formats: a backup never merges.
  expect(await library.$eval('dialog[open]', (d) => d.textContent ?? '')).not.toContain('Duplicates keep what your library has');
  await library.click('dialog[open] .btn-primary');
  await waitForText(library, 'Import finished', 60_000);
}

async function reportRows(library: Page): Promise<{ status: string; detail: string }[]> {
  return library.$$eval('dialog[open] [data-report-status]', (rows) => rows.map((r) => ({ status: r.getAttribute('data-report-status') ?? '', detail: r.lastElementChild?.textContent ?? '' })));
}

/**
 * The backup at `path` imported into the empty library: preview counts, the
 * report, every store as it was in `before`, the rows listed without a
 * reload, the highlight painted in the reader and the images from the
 * restored copies. Screenshots of the preview and report go to /tmp. Returns
 * the library after the reader's visit (which moved A's reading position).
 */
export async function importBackupFlow(b: BackupBrowser, path: string, before: LibrarySnapshot, shots: string): Promise<LibrarySnapshot> {
  const { library } = b;
  await chooseImportFile(library, path);
  await waitForText(library, 'Folio backup ·');
  await library.screenshot({ path: `/tmp/folio-import-backup-preview-${shots}.png` });
  await library.keyboard.press('Escape');
  await waitInPage(library, () => !document.querySelector('dialog[open]'), { what: 'the dialog to close' });

  await importAndConfirm(library, path, { new: 3, kept: 0 });
  expect(await dialogCounts(library)).toEqual({ Imported: 3, Merged: 0, Skipped: 0, Failed: 0 });
  const rows = await reportRows(library);
  expect(rows.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
  expect(rows.every((r) => r.detail.startsWith('restored with its'))).toBe(true);
  expect(rows.some((r) => r.detail.includes('1 highlight'))).toBe(true);
  await library.screenshot({ path: `/tmp/folio-import-backup-report-${shots}.png` });
  await clickByName(library, 'Close', 'button');

  // The list shows them without a reload (one change posted at the end), archived one in Archived.
  await waitForTitles(library, (t) => t.length === 2 && t.includes(A.title) && t.includes(B.title), 'the restored articles in Saved');
  expect(await librarySnapshot(library)).toEqual(before);

  const reader = await b.openReader(idOf(before, A.title));
  await waitForArticle(reader);
  await waitForPainted(reader, (ranges) => ranges.some((r) => r.text === BACKUP_QUOTE), 'the restored highlight to be painted');
  const images = await readerImages(reader);
  expect(images.length).toBeGreaterThan(0);
  // From the restored copies (object URLs), decoded.
  expect(images.filter((i) => i.src.startsWith('blob:') && i.loaded).length).toBeGreaterThan(0);
  expect(images.every((i) => !i.src.startsWith('http'))).toBe(true);
  await reader.close();
  await library.bringToFront();
  return librarySnapshot(library);
}

/** The same file again: every article already in the library, left as it is; nothing doubles. */
export async function importAgainFlow(b: BackupBrowser, path: string, before: LibrarySnapshot): Promise<void> {
  await importAndConfirm(b.library, path, { new: 0, kept: 3 });
  expect(await dialogCounts(b.library)).toEqual({ Imported: 0, Merged: 0, Skipped: 3, Failed: 0 });
  expect((await reportRows(b.library)).every((r) => r.detail === 'already in the library; left as it is')).toBe(true);
  await clickByName(b.library, 'Close', 'button');
  expect(await librarySnapshot(b.library)).toEqual(before);
}

/**
 * The backup at `path` with one article's JSON edited so its schema fails:
 * the dialog says which entry and why, and the library stays as `before`.
 */
export async function corruptBackupFlow(b: BackupBrowser, path: string, before: LibrarySnapshot): Promise<void> {
  const entries = await zipEntries(new Blob([await readFile(path)]));
  const name = 'articles/000002.json';
  const article = JSON.parse(new TextDecoder().decode(entries.get(name))) as { meta: { savedAt: unknown } };
  article.meta.savedAt = 'yesterday';
  entries.set(name, strToU8(JSON.stringify(article)));
  const corrupt = join(await makeTempDir('folio-backup'), 'corrupt-backup.zip');
  await writeFile(corrupt, zipSync(Object.fromEntries(entries) as Zippable));

  await chooseImportFile(b.library, corrupt);
  await waitForText(b.library, 'This file cannot be imported');
  const alert = await b.library.$eval('dialog[open] [role="alert"]', (a) => a.textContent ?? '');
  expect(alert).toContain('“articles/000002.json” is not a valid article (meta.savedAt:');
  await clickByName(b.library, 'Close', 'button');
  expect(await librarySnapshot(b.library)).toEqual(before);
}
