/**
 * The library page in Firefox over the real IndexedDB library: the same
 * flows as library.chromium.e2e.test.ts. Articles are saved through the
 * popup opened as a tab (?tabId=), since headless Firefox cannot open the
 * toolbar popup. Light and dark screenshots go to /tmp.
 */
import { waitForStill } from './harness/reader';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'puppeteer';
import { emulateColorScheme, launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { ARTICLE_TITLE_PREFIX, saveAndWait } from './harness/folio';
import { addSeedRoutes, SEED } from './harness/library';
import { archiveFlow, deleteUndoFlow, expectSeeded, keyboardFlow, searchFlows, tagFlows } from './harness/library-flows';

describe('library (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let library: Page;

  beforeAll(async () => {
    server = await startSiteServer();
    addSeedRoutes(server);
    firefox = await launchFirefox();
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('lists three articles saved with "Save for later"', async () => {
    for (const seed of SEED) {
      const tab = await firefox.openTab(server.url(seed.path));
      const tabId = await firefox.tabIdOf(tab);
      await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
      const popup = await firefox.openPopupTab(tabId);
      await saveAndWait(popup);
      await popup.close();
      await tab.close();
    }
    library = await firefox.openExtensionPage('library.html');
    await expectSeeded(library);
    for (const scheme of ['light', 'dark'] as const) {
      await emulateColorScheme(firefox, library, scheme);
      // Colour transitions finish after the scheme flips.
      await waitForStill(library);
      await library.screenshot({ path: `/tmp/folio-library-firefox-${scheme}.png` });
    }
    await emulateColorScheme(firefox, library, null);
  });

  it('search: a body word, a prefix, a typo, a marked title word, no match', async () => {
    await searchFlows(library);
  });

  it('tags: add one to an article, rename it in the tags manager, filter by it', async () => {
    await tagFlows(library);
  });

  it('archive: the article leaves Saved, shows in Archived, Unarchive brings it back', async () => {
    await archiveFlow(library);
  });

  it('delete: Undo brings it back; a delete left pending is committed when the page goes', async () => {
    await deleteUndoFlow(library, async () => {
      await firefox.openExtensionPage('library.html', library);
    });
  });

  it('keyboard: / focuses search, Escape clears it, arrows move through rows, Enter opens the reader', async () => {
    await keyboardFlow(library);
  });
});
