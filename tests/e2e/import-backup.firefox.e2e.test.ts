/**
 * The Folio backup's round trip in Firefox, through the UI only, with the
 * same flows as the Chromium file (harness/backup-flows.ts): articles saved
 * through the popup opened as a tab (headless Firefox has no toolbar popup),
 * dressed, exported with the Export dialog (the download saved to a temp
 * folder by Firefox's download prefs), wiped, imported with the Import
 * dialog and compared store by store; imported again; a corrupt backup.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  corruptBackupFlow, dressLibrary, exportBackup, importAgainFlow, importBackupFlow, wipeLibrary, type BackupBrowser, type LibrarySnapshot,
} from './harness/backup-flows';
import { downloadsToFirefox } from './harness/export';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { ARTICLE_TITLE_PREFIX, saveAndWait } from './harness/folio';
import { addSeedRoutes, SEED, waitForTitles } from './harness/library';
import { startSiteServer, type SiteServer } from './harness/server';
import { makeTempDir, removeDirs } from './harness/temp';

describe('Folio backup through the Import dialog (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let b: BackupBrowser;
  let before: LibrarySnapshot;
  let backup: string;
  let downloads: string;

  beforeAll(async () => {
    server = await startSiteServer();
    addSeedRoutes(server);
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
    if (downloads) await removeDirs([downloads]);
  });

  it('a library saved and dressed through the UI is exported as a Folio backup', async () => {
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
    const library = await firefox.openExtensionPage('library.html');
    await library.bringToFront();
    await waitForTitles(library, (t) => t.length === 3, 'three saved articles');
    b = {
      library,
      downloads,
      // moz-extension:// navigations never settle in puppeteer: open and wait for the page instead.
      async openReader(id) {
        const reader = await firefox.openExtensionPage(`reader.html?article=${encodeURIComponent(id)}`);
        await reader.bringToFront();
        return reader;
      },
    };
    before = await dressLibrary(b);
    backup = await exportBackup(b);
  }, 120_000);

  it('wiped, then imported: every article, body, image, highlight, tag and state is back, the highlight painted', async () => {
    await wipeLibrary(b.library);
    // From here on, the library as the reader left it (opening A moved its reading position).
    before = await importBackupFlow(b, backup, before, 'firefox');
  }, 120_000);

  it('the same backup again: all already in the library, nothing doubled', async () => {
    await importAgainFlow(b, backup, before);
  });

  it('a corrupt backup: the dialog says which article and why; the library is unchanged', async () => {
    await corruptBackupFlow(b, backup, before);
  });
});
