/**
 * Export from the library UI in Chromium, as a person does it: three articles
 * saved with the popup's "Save for later" (their images fetched by Folio),
 * then Export → a format → Export, the download landing in a temp folder
 * (CDP Browser.setDownloadBehavior) and opened here: the Folio backup (every
 * article with its images and a highlight-free record), Markdown (front matter
 * parsed back, images in assets/) and the EPUB's structure. Cancel: a large
 * export (bulk records written straight into IndexedDB) stops on Cancel and
 * leaves no file. Screenshots of the dialog in light and dark for a person.
 */
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { listZip, readEntry } from '../../utils/transfer/zip-reader';
import type { ChromiumSession } from './harness/chromium';
import {
  addLongReadRoute, chooseAndExport, closeExportDialog, downloaded, downloadsToChromium, expectMarkdownZip, expectWholeBackup, finishedFiles, LONG_READ,
  longReadBackupFlow, openExportDialog, waitForExportDone,
} from './harness/export';
import { ARTICLE_TITLE_PREFIX, saveAndWait } from './harness/folio';
import { addSeedRoutes, SEED, waitForTitles, clickInRow } from './harness/library';
import { readSampleArticleHtml, SAMPLE_TITLE } from './harness/sample';
import { runAxe, waitForStill } from './harness/reader';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import { makeTempDir, removeDirs } from './harness/temp';
import { waitForElement, waitInPage } from './harness/wait';

let server: SiteServer;
let chromium: ChromiumSession;
let library: Page;
let downloads: string;

useSiteAndChromium((s, c) => {
  server = s;
  chromium = c;
  addSeedRoutes(server);
  addLongReadRoute(server, readSampleArticleHtml(), SAMPLE_TITLE);
});

describe('export (Chromium)', () => {
  it('seeds three saved articles and lets downloads land in a temp folder', async () => {
    for (const seed of SEED) {
      const tab = await chromium.openTab(server.url(seed.path));
      await chromium.waitForActionTitle(await chromium.tabIdOf(tab), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
      const popup = await chromium.openPopup(tab);
      await saveAndWait(popup);
      await popup.close();
      await tab.close();
    }
    downloads = await makeTempDir('downloads');
    await downloadsToChromium(chromium, downloads);
    library = await chromium.openTab(chromium.extensionUrl('library.html'));
    await library.bringToFront();
    await waitForTitles(library, (t) => t.length === 3, 'three saved articles');
  });

  it('the dialog: keyboard reachable, named, no serious axe violations; screenshots light and dark', async () => {
    await library.focus('button[aria-haspopup="dialog"]');
    await library.keyboard.press('Enter');
    await waitForElement(library, 'dialog[open] #export-title');
    // Focus moved into the modal dialog.
    expect(await library.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    expect(await library.$eval('dialog[open]', (d) => d.getAttribute('aria-labelledby'))).toBe('export-title');
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await waitForStill(library);
      const serious = (await runAxe(library)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious, scheme).toEqual([]);
      await library.screenshot({ path: `/tmp/folio-export-dialog-chromium-${scheme}.png` });
    }
    await library.emulateMediaFeatures([]);
    await closeExportDialog(library);
    // Escape closed the dialog only: the library is still all there.
    await waitForTitles(library, (t) => t.length === 3, 'the list after Escape');
  });

  it('Folio backup: every article, body and stored image in the downloaded zip', async () => {
    await openExportDialog(library);
    await chooseAndExport(library, 'Folio backup');
    expect(await waitForExportDone(library)).toContain('Exported 3 articles');
    const { file, blob } = await downloaded(downloads, /^folio-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(file).toMatch(/^folio-backup-/);
    await expectWholeBackup(blob, SEED.map((s) => s.title));
    await closeExportDialog(library);
  });

  it('Markdown of the selection: one .md with front matter a YAML parser reads, images in assets/', async () => {
    await clickInRow(library, SEED[1]!.title, 'Select');
    await openExportDialog(library);
    // With a selection, the selection is the scope chosen for you.
    expect(await library.$eval('input[name="export-scope"][value="selected"]', (i) => (i as HTMLInputElement).checked)).toBe(true);
    await chooseAndExport(library, 'Markdown', 'selected');
    expect(await waitForExportDone(library)).toContain('Exported 1 articles');
    const { blob } = await downloaded(downloads, /^folio-markdown-.*\.zip$/);
    await expectMarkdownZip(blob, [{ title: SEED[1]!.title, url: server.url(SEED[1]!.path) }]);
    await closeExportDialog(library);
    await clickInRow(library, SEED[1]!.title, 'Select');
  });

  it('EPUB of everything: mimetype first, a chapter per article in the table of contents', async () => {
    await openExportDialog(library);
    await chooseAndExport(library, 'E-book');
    await waitForExportDone(library);
    const { blob } = await downloaded(downloads, /^folio-articles-.*\.epub$/);
    const list = await listZip(blob);
    expect(list[0]).toMatchObject({ name: 'mimetype', method: 0 });
    const nav = new TextDecoder().decode(await readEntry(blob, list.find((e) => e.name === 'OEBPS/nav.xhtml')!, 1e6));
    for (const s of SEED) expect(nav).toContain(s.title);
    await closeExportDialog(library);
  });

  it('a long article is compressed on a worker thread; its backup reads back checksum-true', async () => {
    await longReadBackupFlow(library, downloads, async () => {
      const tab = await chromium.openTab(server.url(LONG_READ.path));
      await chromium.waitForActionTitle(await chromium.tabIdOf(tab), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
      const popup = await chromium.openPopup(tab);
      await saveAndWait(popup);
      await popup.close();
      await tab.close();
      await library.bringToFront();
    }, 4);
  }, 90_000);

  it('Cancel stops a large export: progress shows, Cancel ends it, no file arrives', async () => {
    // 1,500 articles with a 100 kB image each, written straight into IndexedDB (seeding, not the flow under test).
    await library.evaluate(async (count: number) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('folio');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const read = <T,>(store: string) => new Promise<T[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
      });
      const [meta] = await read<Record<string, unknown>>('articles');
      const [body] = await read<Record<string, unknown>>('bodies');
      const image = new Blob([new Uint8Array(100_000).fill(7)], { type: 'image/jpeg' });
      const tx = db.transaction(['articles', 'bodies', 'assets'], 'readwrite');
      for (let i = 0; i < count; i++) {
        const id = `bulk-${i}`;
        const url = `https://bulk.example/${i}`;
        tx.objectStore('articles').put({ ...meta, id, urlKey: `bulk.example/${i}`, url, canonicalUrl: url, title: `Bulk ${i}`, savedAt: 1_600_000_000_000 + i });
        tx.objectStore('bodies').put({ ...body, id, content: `<p>Bulk ${i}</p><img src="https://bulk.example/${i}.jpg">` });
        tx.objectStore('assets').put({ articleId: id, url: `https://bulk.example/${i}.jpg`, blob: image, type: 'image/jpeg', bytes: image.size });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, 1_500);
    await library.reload();
    await library.bringToFront();
    await waitForElement(library, 'button[aria-haspopup="dialog"]');
    const before = await finishedFiles(downloads);
    await openExportDialog(library);
    await chooseAndExport(library, 'HTML pages');
    await waitForElement(library, 'dialog[open] progress');
    const seen = await waitInPage(library, () => {
      const p = document.querySelector<HTMLProgressElement>('dialog[open] progress');
      return p && p.value > 0 ? { value: p.value, max: p.max } : null;
    }, { timeout: 60_000, what: 'progress' });
    expect(seen.max).toBe(1_504);
    await library.screenshot({ path: '/tmp/folio-export-progress-chromium.png' });
    const cancel = await waitForElement(library, 'dialog[open] ::-p-text(Cancel)');
    await cancel!.click();
    await waitInPage(library, () => document.querySelector('dialog[open] [aria-live]')?.textContent?.includes('Export cancelled'), { timeout: 60_000, what: '"Export cancelled"' });
    expect(await library.$('dialog[open] progress')).toBeNull();
    // A small export after it: its file arrives, the cancelled one never does.
    await chooseAndExport(library, 'Link list', 'all');
    await waitForExportDone(library);
    await downloaded(downloads, /^folio-pocket-.*\.csv$/);
    const after = await finishedFiles(downloads);
    expect(after.filter((n) => !before.includes(n))).toEqual([after.find((n) => /^folio-pocket-/.test(n))]);
    expect(after.some((n) => /^folio-html-/.test(n))).toBe(false);
    await closeExportDialog(library);
    await removeDirs([downloads]);
  }, 180_000);
});
