/**
 * "Fix this page" in Firefox: the same flows as fix-page.chromium.e2e.test.ts
 * (the popup is opened as a tab acting on the article's tab, as in
 * popup.firefox.e2e.test.ts; colour schemes through the browser's pref).
 */
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { emulateColorScheme, launchFirefox, type FirefoxSession } from './harness/firefox';
import { clickUseByPlace, forgetFix, libraryFixes, pickNotKeptWhenAnotherPageLacksIt, pickWithKeyboard, pickWithMouseFromPopup, readsWrongFirst, removePromo, secondArticleRight, type FixSession } from './harness/fix-page';
import { openReaderFirefox, waitForStill } from './harness/reader';
import { startSiteServer, type SiteServer } from './harness/server';

describe('Fix this page (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let session: FixSession;
  let second: Page;

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox();
    session = {
      server,
      openReader: (url) => openReaderFirefox(firefox, url),
      openTab: (url) => firefox.openTab(url),
      tabIdOf: (page) => firefox.tabIdOf(page),
      waitForActionTitle: (id, p) => firefox.waitForActionTitle(id, p),
      openPopup: async (page) => firefox.openPopupTab(await firefox.tabIdOf(page)),
      extensionPage: (path) => firefox.openExtensionPage(path),
      clickUse: clickUseByPlace,
      shoot: async (page, name) => {
        for (const scheme of ['light', 'dark'] as const) {
          await emulateColorScheme(firefox, page, scheme);
          await waitForStill(page).catch(() => undefined);
          await page.screenshot({ path: `/tmp/folio-${name}-firefox-${scheme}.png` });
        }
        await emulateColorScheme(firefox, page, null);
      },
    };
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('the first article is read wrong; "Fix this page" in the reader, the story picked with the keyboard: the reader shows the story', async () => {
    const reader = await readsWrongFirst(session);
    await pickWithKeyboard(session, reader);
  });

  it('the second article of the same site is right without help', async () => {
    second = await secondArticleRight(session);
  });

  it('"Remove parts" on the promo: gone, after a reload too, and gone on the first article', async () => {
    await removePromo(session, second);
  });

  it('"Forget the fix for this site": the site is read as before', async () => {
    await forgetFix(session, second);
  });

  it('a block another article of the site lacks is used for this page only: the reader says so, the site keeps no rule', async () => {
    await pickNotKeptWhenAnotherPageLacksIt(session);
  });

  it('"Fix this page" from the popup: Escape cancels; the story picked with the mouse (wheel to widen, click, "Use this as the article")', async () => {
    await pickWithMouseFromPopup(session);
  });

  it('the library lists the fix (site, what it does, date) and deletes it with Undo', async () => {
    await libraryFixes(session);
  });
});
