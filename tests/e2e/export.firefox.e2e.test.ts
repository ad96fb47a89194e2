/**
 * Export from the library UI in Firefox: three articles saved through the
 * popup opened as a tab, then Export → a format → Export, the download
 * caught as a file. Puppeteer's WebDriver BiDi has no download command, but
 * Firefox itself saves a download into a set folder without asking once its
 * download prefs say so (harness/export.ts downloadsToFirefox), headless too:
 * the file tested is the one Firefox wrote, not a Blob taken from the page.
 * The Folio backup (every article with its body and images) and Markdown of
 * everything (front matter, images in assets/) are opened here; the dialog
 * is screenshotted for a person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import {
  addLongReadRoute, chooseAndExport, closeExportDialog, downloaded, downloadsToFirefox, expectMarkdownZip, expectWholeBackup, LONG_READ, longReadBackupFlow,
  openExportDialog, waitForExportDone,
} from './harness/export';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { ARTICLE_TITLE_PREFIX, saveAndWait } from './harness/folio';
import { addSeedRoutes, SEED, waitForTitles } from './harness/library';
import { readSampleArticleHtml, SAMPLE_TITLE } from './harness/sample';
import { startSiteServer, type SiteServer } from './harness/server';
import { makeTempDir, removeDirs } from './harness/temp';

describe('export (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let library: Page;
  let downloads: string;

  beforeAll(async () => {
    server = await startSiteServer();
    addSeedRoutes(server);
    addLongReadRoute(server, readSampleArticleHtml(), SAMPLE_TITLE);
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    if (downloads) await removeDirs([downloads]);
  });

  it('seeds three saved articles and lets downloads land in a temp folder', async () => {
    for (const seed of SEED) {
      const tab = await firefox.openTab(server.url(seed.path));
      const tabId = await firefox.tabIdOf(tab);
      await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
      const popup = await firefox.openPopupTab(tabId);
      await saveAndWait(popup);
      await popup.close();
      await tab.close();
    }
    downloads = await makeTempDir('downloads');
    await downloadsToFirefox(firefox, downloads);
    library = await firefox.openExtensionPage('library.html');
    await library.bringToFront();
    await waitForTitles(library, (t) => t.length === 3, 'three saved articles');
  }, 90_000);

  it('Folio backup: every article, body and stored image in the downloaded zip', async () => {
    await openExportDialog(library);
    await library.screenshot({ path: '/tmp/folio-export-dialog-firefox.png' });
    await chooseAndExport(library, 'Folio backup');
    expect(await waitForExportDone(library)).toContain('Exported 3 articles');
    const { file, blob } = await downloaded(downloads, /^folio-backup-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(file).toMatch(/^folio-backup-/);
    await expectWholeBackup(blob, SEED.map((s) => s.title));
    await closeExportDialog(library);
  });

  it('Markdown of everything: one .md per article with front matter, images in assets/', async () => {
    await openExportDialog(library);
    await chooseAndExport(library, 'Markdown');
    expect(await waitForExportDone(library)).toContain('Exported 3 articles');
    const { blob } = await downloaded(downloads, /^folio-markdown-.*\.zip$/);
    await expectMarkdownZip(blob, SEED.map((s) => ({ title: s.title, url: server.url(s.path) })));
    await closeExportDialog(library);
  });

  it('a long article is compressed on a worker thread; its backup reads back checksum-true', async () => {
    await longReadBackupFlow(library, downloads, async () => {
      const tab = await firefox.openTab(server.url(LONG_READ.path));
      const tabId = await firefox.tabIdOf(tab);
      await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
      const popup = await firefox.openPopupTab(tabId);
      await saveAndWait(popup);
      await popup.close();
      await tab.close();
      await library.bringToFront();
    }, 4);
  }, 120_000);
});
