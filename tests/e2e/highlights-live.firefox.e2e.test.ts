/**
 * Highlights on the live page in Firefox: the same flows as
 * highlights-live.chromium.e2e.test.ts. The menu's click handler, the command
 * and the reader's "store a highlight" run through the background's test hook,
 * reached with runtime.getBackgroundPage() from an extension page (the event
 * page shares the extension's process), as popup.firefox.e2e.test.ts does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulateColorScheme, launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import {
  changedPageAnchors, commandHighlights, emptyHighlightsView, highlightsKeyboard, highlightWithMenu, libraryHighlightsView, livePanelFlow, spaRoutes,
  readerPlacesAndMakes, revisitRepaints, teaserKeepsHighlights, type LiveSession, type LiveState,
} from './harness/live-highlight-flows';
import { waitForStill } from './harness/reader';

type Hook = { folioTest: { menuClick(i: unknown, t: unknown): Promise<void>; command(n: string): Promise<void> } };
type Runtime = { getBackgroundPage(): Promise<Window & Hook> };

describe('highlights on the live page (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let session: LiveSession;
  let state: LiveState;

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox();
    session = {
      server,
      openTab: (url) => firefox.openTab(url),
      tabIdOf: (page) => firefox.tabIdOf(page),
      waitForActionTitle: (id, p) => firefox.waitForActionTitle(id, p),
      actionTitle: (id) => firefox.actionTitle(id),
      badgeText: (id) =>
        firefox.inExtension((api, tab) => (api.action as unknown as { getBadgeText(d: { tabId: number }): Promise<string> }).getBadgeText({ tabId: tab }), id),
      menuClick: async (info, page) => {
        const id = await firefox.tabIdOf(page);
        const tab = { id, url: page.url(), title: await page.title() };
        await firefox.inExtension(async (api, { data, tab: t }) => {
          const background = await (api.runtime as unknown as Runtime).getBackgroundPage();
          await background.folioTest.menuClick(data, t);
        }, { data: { editable: false, ...info }, tab });
      },
      command: (name) =>
        firefox.inExtension(async (api, n) => {
          const background = await (api.runtime as unknown as Runtime).getBackgroundPage();
          await background.folioTest.command(n);
        }, name),
      setSync: (items) => firefox.inExtension((api, i) => api.storage.sync.set(i), items),
      extensionPage: (path) => firefox.openExtensionPage(path),
    };
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('registers Alt+Shift+H for "Highlight selection"', async () => {
    const commands = await firefox.inExtension(
      (api) => (api as unknown as { commands: { getAll(): Promise<{ name: string; shortcut?: string }[]> } }).commands.getAll(),
      null,
    );
    expect(commands.find((c) => c.name === 'highlight-selection')?.shortcut?.replace(/\s/g, '')).toBe('Alt+Shift+H');
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
      await emulateColorScheme(firefox, state.page, scheme);
      await state.page.screenshot({ path: `/tmp/folio-live-highlights-firefox-${scheme}.png` });
    }
    await emulateColorScheme(firefox, state.page, null);
  });

  it('the library lists every highlight: search by a note word, filter by colour, keyboard', async () => {
    const library = await firefox.openExtensionPage('library.html');
    await libraryHighlightsView(state, library);
    for (const scheme of ['light', 'dark'] as const) {
      await emulateColorScheme(firefox, library, scheme);
      await waitForStill(library);
      await library.screenshot({ path: `/tmp/folio-library-highlights-firefox-${scheme}.png` });
    }
    await emulateColorScheme(firefox, library, null);
    await highlightsKeyboard(library, state);
  });

  it('clicking a painted highlight opens its panel (closed shadow root): colour, Remove with Undo, by keyboard', async () => {
    // The theme switches while the panel (or its Undo notice) is open and focused, and the keys
    // after it still go to the panel.
    await livePanelFlow(session, state, async (name) => {
      for (const scheme of ['light', 'dark'] as const) {
        await emulateColorScheme(firefox, state.page, scheme);
        await state.page.screenshot({ path: `/tmp/folio-live-${name}-firefox-${scheme}.png` });
      }
      await emulateColorScheme(firefox, state.page, null);
    });
  });

  it('a single-page site: a route away clears the story’s highlight, Forward paints it again', async () => {
    await spaRoutes(session);
  });
});
