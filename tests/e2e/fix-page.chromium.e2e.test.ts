/**
 * "Fix this page" in Chromium (issue #14), on The Harbour Gazette
 * (tests/fixtures/site/gazette/): the first article read wrong, fixed from the
 * reader with the keyboard; the second article right without help; "Remove
 * parts" on its promo, gone on both; "Forget the fix for this site"; a fix
 * from the popup with the mouse; the library's list of site fixes. axe on the
 * reader's remove mode and the library view, light and dark.
 */
import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import type { ChromiumSession } from './harness/chromium';
import { clickUseByName, forgetFix, libraryFixes, pickWithKeyboard, pickWithMouseFromPopup, readsWrongFirst, removePromo, secondArticleRight, type FixSession } from './harness/fix-page';
import { openReaderChromium, runAxe, waitForStill, type AxeViolation } from './harness/reader';
import { useSiteAndChromium } from './harness/suite';

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

describe('Fix this page (Chromium)', () => {
  let chromium: ChromiumSession;
  let session: FixSession;
  let second: Page;

  useSiteAndChromium((server, c) => {
    chromium = c;
    session = {
      server,
      openReader: (url) => openReaderChromium(chromium, url),
      openTab: (url) => chromium.openTab(url),
      tabIdOf: (page) => chromium.tabIdOf(page),
      waitForActionTitle: (id, p) => chromium.waitForActionTitle(id, p),
      openPopup: (page) => chromium.openPopup(page),
      extensionPage: async (path) => {
        const page = await chromium.browser.newPage();
        await page.goto(chromium.extensionUrl(path), { waitUntil: 'load' });
        return page;
      },
      clickUse: clickUseByName,
      shoot: async (page, name) => {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          await waitForStill(page).catch(() => undefined);
          await page.screenshot({ path: `/tmp/folio-${name}-chromium-${scheme}.png` });
        }
        await page.emulateMediaFeatures([]);
      },
    };
  });

  it('the first article is read wrong; "Fix this page" in the reader, the story picked with the keyboard: the reader shows the story', async () => {
    const reader = await readsWrongFirst(session);
    await pickWithKeyboard(session, reader);
  });

  it('the second article of the same site is right without help', async () => {
    second = await secondArticleRight(session);
  });

  it('"Remove parts" on the promo: gone, after a reload too, and gone on the first article; axe clean in the mode, light and dark', async () => {
    await removePromo(session, second);
    // The mode as a keyboard and screen reader user meets it.
    await second.bringToFront();
    const toggle = await second.$('::-p-aria([name="Remove parts"][role="button"])');
    await toggle!.click();
    for (const scheme of ['light', 'dark'] as const) {
      await second.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await waitForStill(second);
      expect(serious(await runAxe(second)), scheme).toEqual([]);
    }
    await second.emulateMediaFeatures([]);
    await second.keyboard.press('Escape');
    await second.waitForFunction(() => !document.querySelector('[data-removing]'));
  });

  it('"Forget the fix for this site": the site is read as before', async () => {
    await forgetFix(session, second);
  });

  it('"Fix this page" from the popup: Escape cancels; the story picked with the mouse (wheel to widen, click, "Use this as the article")', async () => {
    await pickWithMouseFromPopup(session);
  });

  it('the library lists the fix (site, what it does, date) and deletes it with Undo; axe clean light and dark', async () => {
    await libraryFixes(session, async (library) => {
      for (const scheme of ['light', 'dark'] as const) {
        await library.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await waitForStill(library);
        expect(serious(await runAxe(library)), scheme).toEqual([]);
      }
      await library.emulateMediaFeatures([]);
    });
  });
});
