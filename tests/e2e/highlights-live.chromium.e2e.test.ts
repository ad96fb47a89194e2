/**
 * Highlights on the live page in Chromium (issue #10): "Highlight selection" on
 * a served article selected with the mouse, painted with the CSS Custom
 * Highlight API and nothing else of the page changed; the reader's copy places
 * it; a highlight made in the reader shows on the live page on the next visit;
 * a changed page still anchors both; a teaser keeps them; Alt+Shift+H uses the
 * last colour. Menus and commands run through the background's test hook
 * (utils/test-hook.ts), as menus.chromium.e2e.test.ts explains.
 */
import { describe, expect, it } from 'vitest';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import {
  changedPageAnchors, commandHighlights, emptyHighlightsView, highlightsKeyboard, highlightWithMenu, libraryHighlightsView, livePanelFlow, spaRoutes,
  readerPlacesAndMakes, revisitRepaints, teaserKeepsHighlights, type LiveSession, type LiveState,
} from './harness/live-highlight-flows';
import { runAxe, waitForStill, type AxeViolation } from './harness/reader';
import { waitForValue } from './harness/pages';

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

type Hook = { folioTest: { menuClick(i: unknown, t: unknown): Promise<void>; command(n: string): Promise<void> } };
type Chrome = { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> }; storage: { sync: { set(i: object): Promise<void> } } } };

describe('highlights on the live page (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let session: LiveSession;
  let state: LiveState;

  useSiteAndChromium((s, c) => {
    server = s;
    chromium = c;
    session = {
      server,
      openTab: (url) => chromium.openTab(url),
      tabIdOf: (page) => chromium.tabIdOf(page),
      waitForActionTitle: (id, p) => chromium.waitForActionTitle(id, p),
      actionTitle: (id) => chromium.actionTitle(id),
      badgeText: async (id) => (await chromium.worker()).evaluate((tab) => (globalThis as unknown as Chrome).chrome.action.getBadgeText({ tabId: tab }), id),
      menuClick: async (info, page) => {
        const id = await chromium.tabIdOf(page);
        await (await chromium.worker()).evaluate(
          (data, tab) => (globalThis as unknown as Hook).folioTest.menuClick(data, tab),
          { editable: false, ...info },
          { id, url: page.url(), title: await page.title() },
        );
      },
      command: async (name) => (await chromium.worker()).evaluate((n) => (globalThis as unknown as Hook).folioTest.command(n), name),
      setSync: async (items) => (await chromium.worker()).evaluate((i) => (globalThis as unknown as Chrome).chrome.storage.sync.set(i), items),
      extensionPage: async (path) => {
        const page = await chromium.browser.newPage();
        await page.goto(chromium.extensionUrl(path), { waitUntil: 'load' });
        return page;
      },
    };
  });

  it('registers the "Highlight selection" menu item and Alt+Shift+H', async () => {
    const worker = await chromium.worker();
    type Api = { chrome: { contextMenus: { update(id: string, p: object): Promise<void> }; commands: { getAll(): Promise<{ name: string; shortcut: string }[]> } } };
    // Chrome has no contextMenus getter: updating an id that does not exist fails.
    // Created at install, a moment after the worker starts: wait for it.
    const missing = await waitForValue(
      () => worker.evaluate((id) => (globalThis as unknown as Api).chrome.contextMenus.update(id, {}).then(() => null, (e: Error) => e.message), 'folio-highlight-selection'),
      (error) => error === null,
      'the "Highlight selection" menu item',
    );
    expect(missing).toBeNull();
    const unknown = await worker.evaluate((id) => (globalThis as unknown as Api).chrome.contextMenus.update(id, {}).then(() => null, (e: Error) => e.message), 'folio-no-such-item');
    expect(unknown).not.toBeNull();
    const commands = await worker.evaluate(() => (globalThis as unknown as Api).chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'highlight-selection')?.shortcut.replace(/\s/g, '')).toBe('Alt+Shift+H');
  });

  it('the library’s highlights view says what to do while there are none', async () => {
    await emptyHighlightsView(session);
  });

  it('"Highlight selection" on a page that is not saved: saves it, paints the phrase, changes nothing else of the page', async () => {
    state = await highlightWithMenu(session);
  });

  it('the reader’s copy places it; a highlight made in the reader is stored with its note', async () => {
    await readerPlacesAndMakes(session, state);
  });

  it('visiting the page again repaints both', async () => {
    await revisitRepaints(state);
  });

  it('a paragraph inserted before the sentence: both still anchor', async () => {
    await changedPageAnchors(session, state);
  });

  it('a teaser of the page paints nothing and keeps every highlight as it was', async () => {
    await teaserKeepsHighlights(session, state);
  });

  it('Alt+Shift+H: says what to do without a selection, highlights in the last colour with one', async () => {
    await commandHighlights(session, state, () => state.page.bringToFront());
  });

  it('the live page with its highlights, light and dark (screenshots for a person to look at)', async () => {
    await state.page.bringToFront();
    await state.page.evaluate(() => document.querySelector('.story-body p:nth-of-type(2)')?.scrollIntoView({ block: 'start' }));
    for (const scheme of ['light', 'dark'] as const) {
      await state.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await state.page.screenshot({ path: `/tmp/folio-live-highlights-chromium-${scheme}.png` });
    }
    await state.page.emulateMediaFeatures([]);
  });

  it('the library lists every highlight: search by a note word, filter by colour, keyboard; axe clean light and dark', async () => {
    const library = await chromium.openTab(chromium.extensionUrl('library.html'));
    await library.bringToFront();
    await libraryHighlightsView(state, library);
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await waitForStill(library);
      expect(serious(await runAxe(library)), scheme).toEqual([]);
      await library.screenshot({ path: `/tmp/folio-library-highlights-chromium-${scheme}.png` });
    }
    await library.emulateMediaFeatures([]);
    await highlightsKeyboard(library, state);
  });

  it('clicking a painted highlight opens its panel (closed shadow root): colour, Remove with Undo, by keyboard', async () => {
    await livePanelFlow(session, state, async (name) => {
      for (const scheme of ['light', 'dark'] as const) {
        await state.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
        await state.page.screenshot({ path: `/tmp/folio-live-${name}-chromium-${scheme}.png` });
      }
      await state.page.emulateMediaFeatures([]);
    });
  });

  it('a single-page site: a route away clears the story’s highlight, Forward paints it again', async () => {
    await spaRoutes(session);
  });
});
