/**
 * The Folio backup's round trip in Chromium, through the UI only: three
 * articles saved with the popup (their images fetched by Folio), one
 * archived, one a tagged favourite, a highlight made in the reader with the
 * mouse; exported with the Export dialog (the download caught over CDP);
 * every article deleted in the library; the backup imported with the Import
 * dialog and compared store by store with the library it came from, the
 * highlight painted in the reader and the images shown from the restored
 * copies; the same file again leaves everything as it is; a corrupt backup is
 * refused with its sentence. The flows are shared with Firefox
 * (harness/backup-flows.ts).
 */
import { afterAll, describe, it } from 'vitest';
import type { ChromiumSession } from './harness/chromium';
import {
  corruptBackupFlow, dressLibrary, exportBackup, importAgainFlow, importBackupFlow, wipeLibrary, type BackupBrowser, type LibrarySnapshot,
} from './harness/backup-flows';
import { downloadsToChromium } from './harness/export';
import { ARTICLE_TITLE_PREFIX, saveAndWait } from './harness/folio';
import { addSeedRoutes, SEED, waitForTitles } from './harness/library';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import { makeTempDir, removeDirs } from './harness/temp';

describe('Folio backup through the Import dialog (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let b: BackupBrowser;
  let before: LibrarySnapshot;
  let backup: string;
  useSiteAndChromium((s, c) => {
    server = s;
    chromium = c;
    addSeedRoutes(server);
  });
  afterAll(async () => {
    if (b?.downloads) await removeDirs([b.downloads]);
  });

  it('a library saved and dressed through the UI is exported as a Folio backup', async () => {
    for (const seed of SEED) {
      const tab = await chromium.openTab(server.url(seed.path));
      await chromium.waitForActionTitle(await chromium.tabIdOf(tab), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
      const popup = await chromium.openPopup(tab);
      await saveAndWait(popup);
      await popup.close();
      await tab.close();
    }
    const downloads = await makeTempDir('downloads');
    await downloadsToChromium(chromium, downloads);
    const library = await chromium.openTab(chromium.extensionUrl('library.html'));
    await library.bringToFront();
    await waitForTitles(library, (t) => t.length === 3, 'three saved articles');
    b = {
      library,
      downloads,
      async openReader(id) {
        const reader = await chromium.openTab(chromium.extensionUrl(`reader.html?article=${encodeURIComponent(id)}`));
        await reader.bringToFront();
        return reader;
      },
    };
    before = await dressLibrary(b);
    backup = await exportBackup(b);
  });

  it('wiped, then imported: every article, body, image, highlight, tag and state is back, the highlight painted', async () => {
    await wipeLibrary(b.library);
    // From here on, the library as the reader left it (opening A moved its reading position).
    before = await importBackupFlow(b, backup, before, 'chromium');
  });

  it('the same backup again: all already in the library, nothing doubled', async () => {
    await importAgainFlow(b, backup, before);
  });

  it('a corrupt backup: the dialog says which article and why; the library is unchanged', async () => {
    await corruptBackupFlow(b, backup, before);
  });
});
