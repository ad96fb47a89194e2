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
import { LETTERS, SECOND_PATH, SECOND_STORY, clickUseByName, forgetFix, libraryFixes, pickNotKeptWhenAnotherPageLacksIt, pickWithKeyboard, pickWithMouseFromPopup, readsWrongFirst, removePromo, secondArticleRight, type FixSession } from './harness/fix-page';
import { openReaderChromium, runAxe, waitForStill, type AxeViolation } from './harness/reader';
import { useSiteAndChromium } from './harness/suite';
import { waitInPage } from './harness/wait';

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

type Hook = { folioTest: { menuClick(i: unknown, t: unknown): Promise<void> } };

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
    await waitInPage(second, () => !document.querySelector('[data-removing]'), { what: 'the removal to finish' });
  });

  /**
   * "Save link to Folio" on the second article, as a person does from a page
   * that links to it: fetched and extracted in the background (no tab), and the
   * stored text, read from IndexedDB.
   */
  async function saveLinkText(query: string): Promise<string> {
    const from = await chromium.openTab(session.server.url('home.html'));
    const url = session.server.url(`${SECOND_PATH}?${query}`);
    const id = await chromium.tabIdOf(from);
    await (await chromium.worker()).evaluate(
      (data, tab) => (globalThis as unknown as Hook).folioTest.menuClick(data, tab),
      { menuItemId: 'folio-save-link', editable: false, pageUrl: from.url(), linkUrl: url },
      { id, url: from.url(), title: await from.title() },
    );
    await from.close();
    return (await chromium.worker()).evaluate(async (wanted) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('folio');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const get = <T,>(store: string, key?: string) =>
        new Promise<T>((resolve, reject) => {
          const os = db.transaction(store).objectStore(store);
          const req = key === undefined ? os.getAll() : os.get(key);
          req.onsuccess = () => resolve(req.result as T);
          req.onerror = () => reject(req.error);
        });
      const meta = (await get<{ id: string; url: string }[]>('articles')).find((m) => m.url === wanted);
      const body = meta ? await get<{ textContent: string } | undefined>('bodies', meta.id) : undefined;
      db.close();
      return body?.textContent ?? '(not saved)';
    }, url);
  }

  it('a link to the site saved with "Save link to Folio" (fetched in the background, as imported links are) is read with the fix', async () => {
    const text = await saveLinkText('via=link');
    expect(text).toContain(SECOND_STORY);
    expect(text).not.toContain(LETTERS);
  });

  it('"Forget the fix for this site": the site is read as before, a saved link too', async () => {
    await forgetFix(session, second);
    // The control for the test above: without the rule the same page is read wrong.
    expect(await saveLinkText('via=link-unfixed')).toContain(LETTERS);
  });

  it('a block another article of the site lacks is used for this page only: the reader says so, the site keeps no rule', async () => {
    await pickNotKeptWhenAnotherPageLacksIt(session);
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
