/**
 * The live-page highlight flows, shared by the Chromium and Firefox files.
 * Each browser file supplies a LiveSession (how to open tabs and extension
 * pages there, and how to reach the background's test hook, since puppeteer
 * cannot click native menus or press browser shortcuts).
 */
import type { Page } from 'puppeteer';
import { expect } from 'vitest';
import { ARTICLE_TITLE_PREFIX } from './folio';
import { storedArticles, storedHighlights, type StoredHighlightRow } from './library-db';
import {
  adoptedSelectors, INSERTED, LIVE_PATH, LIVE_PHRASE, LIVE_TITLE, NOTE_WORD, pageLook, paintedTexts, READER_PHRASE,
  registryNames, selectWithMouse, serveLiveStory,
} from './live-highlights';
import { clickIn, dragSelect, HL_UI, selectionToolbar, waitForPainted } from './highlights';
import { attribute, byName, clickByName, hasName, waitForText, waitForValue } from './pages';
import { waitForArticle } from './reader';
import { search } from './library';
import type { SiteServer } from './server';
import { waitForElement } from './wait';

export interface LiveSession {
  server: SiteServer;
  openTab(url: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  waitForActionTitle(tabId: number, predicate: (title: string) => boolean): Promise<string>;
  actionTitle(tabId: number): Promise<string>;
  badgeText(tabId: number): Promise<string>;
  /** Runs the context menu's click handler as a real click on `page`'s tab would. */
  menuClick(info: Record<string, unknown>, page: Page): Promise<void>;
  /** Runs a keyboard command's handler as the browser does for the active tab. */
  command(name: string): Promise<void>;
  setSync(items: Record<string, unknown>): Promise<void>;
  /** A Folio extension page in a new tab, loaded. */
  extensionPage(path: string): Promise<Page>;
}

/** The changed page's inserted paragraph is on screen (the page really changed). */
async function showsInserted(page: Page): Promise<boolean> {
  return page.evaluate((text) => document.body.textContent?.includes(text) ?? false, INSERTED);
}

export interface LiveState {
  page: Page;
  tabId: number;
  articleId: string;
  live: StoredHighlightRow;
}

async function stored(session: LiveSession): Promise<Awaited<ReturnType<typeof storedHighlights>>> {
  const probe = await session.extensionPage(`library.html?probe=${Date.now()}`);
  try {
    return await storedHighlights(probe);
  } finally {
    await probe.close();
  }
}

/**
 * An article that is not saved: select a phrase with the mouse, "Highlight
 * selection" → painted in yellow (the default colour), the page's markup and
 * styles exactly as before, the article saved, one highlight stored.
 */
export async function highlightWithMenu(session: LiveSession): Promise<LiveState> {
  serveLiveStory(session.server, 'first');
  const page = await session.openTab(session.server.url(LIVE_PATH));
  const tabId = await session.tabIdOf(page);
  await session.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  // Not saved: nothing is injected, the page's highlight registry stays empty.
  expect(await registryNames(page)).toEqual([]);
  expect(await adoptedSelectors(page)).toEqual([]);
  const before = await pageLook(page);

  expect(await selectWithMouse(page, LIVE_PHRASE)).toBe(LIVE_PHRASE);
  await session.menuClick({ menuItemId: 'folio-highlight-selection', pageUrl: page.url(), selectionText: LIVE_PHRASE }, page);
  const painted = await waitForValue(() => paintedTexts(page), (p) => (p.yellow ?? []).includes(LIVE_PHRASE), 'the phrase painted yellow', 30_000);
  expect(painted).toEqual({ yellow: [LIVE_PHRASE] });

  // The page is as it was: same markup, same computed styles, same stylesheets; Folio's one
  // adopted sheet holds only rules for its own highlight names.
  expect(await pageLook(page)).toEqual(before);
  const selectors = await adoptedSelectors(page);
  expect(selectors.length).toBeGreaterThan(0);
  expect(selectors.filter((s) => !s.startsWith('::highlight(folio-hl-'))).toEqual([]);
  // The selection made way for the colour.
  expect(await page.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true);

  // Highlighting an article that was not saved saved it.
  const probe = await session.extensionPage(`library.html?probe=${Date.now()}`);
  const articles = await storedArticles(probe);
  const { highlights } = await storedHighlights(probe);
  await probe.close();
  const article = articles.find((a) => a.title === LIVE_TITLE);
  expect(article).toBeDefined();
  expect(highlights).toHaveLength(1);
  const live = highlights[0]!;
  expect(live).toMatchObject({ articleId: article!.id, color: 'yellow', note: '', orphaned: false });
  expect(live.selectors.quote.exact).toBe(LIVE_PHRASE);
  // Made on the live page: its offsets are the page's, so the reader must place it by its quote.
  expect(live.basis.contentHash).toBe('live-page');
  return { page, tabId, articleId: article!.id, live };
}

/**
 * The library copy in the reader, as a person meets it: the live page's
 * highlight is painted yellow over the phrase in the reader and listed in its
 * "Highlights" panel; then a phrase is highlighted there with the mouse and
 * the toolbar ("Green"), and given a note through its popover — to be shown on
 * the live page next.
 */
export async function readerPlacesAndMakes(session: LiveSession, state: LiveState): Promise<StoredHighlightRow> {
  const reader = await session.extensionPage(`reader.html?article=${state.articleId}`);
  await waitForArticle(reader);
  const shown = await waitForPainted(reader, (p) => p.some((r) => r.text === LIVE_PHRASE), 'the live page’s highlight painted in the reader');
  // Exactly it, in its colour: nothing else was painted (the green one comes next, and must then show too).
  expect(shown.map((r) => [r.name, r.text])).toEqual([['folio-hl-yellow', LIVE_PHRASE]]);

  await clickByName(reader, HL_UI.panel, 'button');
  const panel = await byName(reader, HL_UI.panel, 'dialog');
  const listed = await panel.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' '));
  expect(listed).toContain(LIVE_PHRASE);
  expect(listed).not.toContain(HL_UI.notFound);
  await panel.dispose();
  await reader.keyboard.press('Escape');
  await waitForValue(() => hasName(reader, HL_UI.panel, 'dialog'), (open) => !open, 'the panel to close on Escape');

  expect((await dragSelect(reader, READER_PHRASE)).trim()).toBe(READER_PHRASE);
  const toolbar = await selectionToolbar(reader);
  await clickIn(toolbar, 'Green');
  await toolbar.dispose();
  await waitForPainted(
    reader,
    (p) => p.some((r) => r.name === 'folio-hl-green' && r.text === READER_PHRASE) && p.some((r) => r.text === LIVE_PHRASE),
    'both painted in the reader',
  );
  const note = `Check the ${NOTE_WORD} figures`;
  await clickPainted(reader, READER_PHRASE);
  const popover = await byName(reader, HL_UI.popover, 'dialog');
  await clickIn(popover, HL_UI.editNote);
  const field = await waitForElement(popover, 'textarea');
  await field!.type(note);
  await field!.dispose();
  await clickIn(popover, HL_UI.saveNote);
  await popover.dispose();
  const made = await waitForValue(
    async () => (await stored(session)).highlights.find((h) => h.selectors.quote.exact === READER_PHRASE),
    (h) => h?.note === note,
    'the reader’s highlight stored with its note',
  );
  await reader.close();
  expect(made).toMatchObject({ color: 'green', articleId: state.articleId, orphaned: false });
  return made!;
}

/** A reload (a visit) paints both: the live page's own and the reader's. */
export async function revisitRepaints(state: LiveState): Promise<void> {
  await state.page.reload({ waitUntil: 'load' });
  await waitForValue(
    () => paintedTexts(state.page),
    (p) => (p.yellow ?? []).includes(LIVE_PHRASE) && (p.green ?? []).includes(READER_PHRASE),
    'both highlights painted after the visit',
    30_000,
  );
}

/** The page changed (a paragraph and a wrapper inserted before the sentence): both still anchor. */
export async function changedPageAnchors(session: LiveSession, state: LiveState): Promise<void> {
  serveLiveStory(session.server, 'changed');
  await state.page.reload({ waitUntil: 'load' });
  expect(await showsInserted(state.page)).toBe(true);
  const painted = await waitForValue(
    () => paintedTexts(state.page),
    (p) => (p.yellow ?? []).includes(LIVE_PHRASE) && (p.green ?? []).includes(READER_PHRASE),
    'both highlights painted on the changed page',
    30_000,
  );
  expect(painted).toEqual({ yellow: [LIVE_PHRASE], green: [READER_PHRASE] });
}

/**
 * The page became a teaser (paywall): nothing can be placed, nothing is
 * painted, and the highlights stay as they were (not orphaned, not deleted).
 * Served whole again, they are painted again.
 */
export async function teaserKeepsHighlights(session: LiveSession, state: LiveState): Promise<void> {
  serveLiveStory(session.server, 'teaser');
  await state.page.reload({ waitUntil: 'load' });
  // The highlighter came (its sheet is adopted) and found nothing to place.
  await waitForValue(() => adoptedSelectors(state.page), (s) => s.length > 0, 'the highlighter on the teaser', 30_000);
  expect(await paintedTexts(state.page)).toEqual({});
  const { highlights } = await stored(session);
  expect(highlights.map((h) => [h.selectors.quote.exact, h.orphaned]).sort()).toEqual([[LIVE_PHRASE, false], [READER_PHRASE, false]].sort());

  serveLiveStory(session.server, 'first');
  await state.page.reload({ waitUntil: 'load' });
  await waitForValue(
    () => paintedTexts(state.page),
    (p) => (p.yellow ?? []).includes(LIVE_PHRASE) && (p.green ?? []).includes(READER_PHRASE),
    'both painted again on the whole page',
    30_000,
  );
}

/** A phrase highlighted with the keyboard command. */
export const COMMAND_PHRASE = 'joined by Trade Representative Li Chenggang';

/**
 * Alt+Shift+H on the active tab: without a selection the badge says what to
 * do; with one, it is painted in the last-used colour (here blue).
 */
export async function commandHighlights(session: LiveSession, state: LiveState, bringToFront: () => Promise<void>): Promise<void> {
  await bringToFront();
  await state.page.evaluate(() => document.getSelection()?.removeAllRanges());
  await session.command('highlight-selection');
  expect(await waitForValue(() => session.badgeText(state.tabId), (b) => b !== '', 'the badge')).toBe('!');
  expect(await session.actionTitle(state.tabId)).toContain('Select some text');

  await session.setSync({ 'highlights.lastColor': 'blue' });
  await bringToFront();
  expect(await selectWithMouse(state.page, COMMAND_PHRASE)).toBe(COMMAND_PHRASE);
  await session.command('highlight-selection');
  await waitForValue(() => paintedTexts(state.page), (p) => (p.blue ?? []).includes(COMMAND_PHRASE), 'the command’s highlight in blue', 30_000);
  const made = (await stored(session)).highlights.find((h) => h.selectors.quote.exact === COMMAND_PHRASE);
  expect(made).toMatchObject({ color: 'blue', articleId: state.articleId });
}

// ── the library's highlights view ───────────────────────────────────────────

export const HIGHLIGHTS_UI = {
  view: 'Highlights',
  search: 'Search highlights',
  allColours: 'All colours',
  empty: 'No highlights yet.',
} as const;

/** The highlights listed, top to bottom: quote (without the screen-reader colour label), colour, note, title link. */
export async function listedHighlights(page: Page): Promise<{ quote: string; color: string; note: string; title: string; href: string }[]> {
  return page.$$eval('li[data-highlight-id]', (items) =>
    items.map((li) => {
      const quote = li.querySelector('blockquote')!.cloneNode(true) as HTMLElement;
      quote.querySelectorAll('.sr-only').forEach((el) => el.remove());
      const note = li.querySelector('p.whitespace-pre-line, p span.whitespace-pre-line');
      const link = li.querySelector<HTMLAnchorElement>('a[data-open]');
      return {
        quote: (quote.textContent ?? '').trim(),
        color: li.getAttribute('data-color') ?? '',
        note: (note?.textContent ?? '').trim(),
        title: (link?.textContent ?? '').trim(),
        href: link?.href ?? '',
      };
    }),
  );
}

async function listedQuotes(page: Page): Promise<string[]> {
  return (await listedHighlights(page)).map((h) => h.quote);
}

/** Before anything is highlighted, the view says what to do. */
export async function emptyHighlightsView(session: LiveSession): Promise<void> {
  const library = await session.extensionPage('library.html#highlights');
  await waitForText(library, HIGHLIGHTS_UI.empty);
  await waitForText(library, 'Highlight selection');
  const button = await byName(library, HIGHLIGHTS_UI.view, 'button');
  expect(await attribute(button, 'aria-pressed')).toBe('true');
  await button.dispose();
  await library.close();
}

/**
 * The highlights made above, in the library: newest first with their article,
 * search by a word only a note has, the colour filter, the keyboard (↓ from
 * the search field, ↓ again, Enter opens the reader on the article).
 */
export async function libraryHighlightsView(state: LiveState, library: Page): Promise<void> {
  await clickByName(library, HIGHLIGHTS_UI.view, 'button');
  const all = [COMMAND_PHRASE, READER_PHRASE, LIVE_PHRASE];
  await waitForValue(() => listedQuotes(library), (q) => q.join('|') === all.join('|'), 'the three highlights, newest first');
  const rows = await listedHighlights(library);
  expect(rows.map((r) => r.color)).toEqual(['blue', 'green', 'yellow']);
  expect(rows.every((r) => r.title === LIVE_TITLE && r.href.endsWith(`/reader.html?article=${state.articleId}`))).toBe(true);
  expect(rows[1]!.note).toBe(`Check the ${NOTE_WORD} figures`);
  expect(library.url()).toMatch(/#highlights$/);

  // Search: a word only the reader highlight's note has (in the library's index with the article).
  await search(library, NOTE_WORD);
  await waitForValue(() => listedQuotes(library), (q) => q.join('|') === READER_PHRASE, 'the note word to find its highlight');
  expect(await library.$$eval('li[data-highlight-id] mark', (marks) => marks.map((m) => m.textContent?.toLowerCase()))).toContain(NOTE_WORD);
  // A word of one quote finds that highlight only; a word in none finds none and says so.
  await search(library, 'soybean');
  await waitForValue(() => listedQuotes(library), (q) => q.join('|') === READER_PHRASE, 'a quote word');
  await search(library, 'stand-off');
  await waitForValue(() => listedQuotes(library), (q) => q.join('|') === LIVE_PHRASE, 'another quote word');
  await search(library, 'qqzzxx');
  await waitForText(library, 'No highlight matches');
  await search(library, '');
  await waitForValue(() => listedQuotes(library), (q) => q.length === 3, 'every highlight again');

  // Colour filter.
  await clickByName(library, 'Green', 'button');
  await waitForValue(() => listedQuotes(library), (q) => q.join('|') === READER_PHRASE, 'green only');
  await clickByName(library, 'Yellow', 'button');
  await waitForValue(() => listedQuotes(library), (q) => q.join('|') === LIVE_PHRASE, 'yellow only');
  await clickByName(library, 'Purple', 'button');
  await waitForText(library, 'No highlights in this colour.');
  await clickByName(library, HIGHLIGHTS_UI.allColours, 'button');
  await waitForValue(() => listedQuotes(library), (q) => q.length === 3, 'all colours');
}

/** Keyboard: / to the search, ↓ into the list, ↓ to the next highlight, Enter opens the reader. */
export async function highlightsKeyboard(library: Page, state: LiveState): Promise<void> {
  await library.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await library.keyboard.press('/');
  await waitForValue(() => library.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), (l) => l === HIGHLIGHTS_UI.search, 'the highlights search focused');
  await library.keyboard.press('ArrowDown');
  const focused = () => library.evaluate(() => document.activeElement?.getAttribute('data-highlight-id') ?? null);
  const first = await waitForValue(focused, (id) => id !== null, 'the first highlight focused');
  await library.keyboard.press('ArrowDown');
  await waitForValue(focused, (id) => id !== null && id !== first, 'the second highlight focused');
  await library.keyboard.press('Enter');
  const url = await waitForValue(() => library.evaluate(() => location.href).catch(() => ''), (u) => u.includes('/reader.html?article='), 'Enter to open the reader');
  expect(url).toContain(`article=${encodeURIComponent(state.articleId)}`);
}

// ── the live page's highlight panel (closed shadow root) ────────────────────

/** Clicks the middle of the first line `phrase` is painted on. */
async function clickPainted(page: Page, phrase: string): Promise<void> {
  // A tab in the background gets no animation frames (and the probe pages of `stored` come to the front).
  await page.bringToFront();
  const point = await page.evaluate(async (wanted) => {
    // Scrolled into view first, and two frames let the scroll events pass (the panel follows scrolls).
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    let found: Range | null = null;
    CSS.highlights.forEach((highlight, name) => {
      if (found || !name.startsWith('folio-hl-')) return;
      for (const r of highlight as unknown as Iterable<AbstractRange>) {
        if (!(r instanceof Range) || r.toString() !== wanted) continue;
        found = r;
      }
    });
    const range = found as Range | null;
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    await frame();
    await frame();
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
  }, phrase);
  if (!point) throw new Error(`"${phrase}" is not painted`);
  await page.mouse.click(point.x, point.y);
}

/** The highlight panel's host, which is all the page can see of it (its shadow root is closed). */
async function panelHost(page: Page): Promise<{ present: boolean; shadowVisibleToPage: boolean; inBody: boolean }> {
  return page.evaluate(() => {
    const host = document.querySelector('folio-highlight-ui');
    return { present: host !== null, shadowVisibleToPage: host?.shadowRoot != null, inBody: host ? document.body.contains(host) : false };
  });
}

/**
 * Click a painted highlight → its panel (keyboard: focus starts on its colour):
 * Tab, Enter makes it pink (stored, and the colour for the next highlight);
 * "Remove highlight" unpaints it and Undo paints it back; removed again and the
 * panel closed, it is gone from the library. The page's markup and styles stay
 * as they were, and the page cannot look into the panel.
 */
export async function livePanelFlow(session: LiveSession, state: LiveState, shoot: (name: string) => Promise<void>): Promise<void> {
  await state.page.bringToFront();
  const before = await pageLook(state.page);
  await clickPainted(state.page, COMMAND_PHRASE);
  await waitForValue(() => panelHost(state.page), (h) => h.present, 'the highlight panel');
  expect(await panelHost(state.page)).toEqual({ present: true, shadowVisibleToPage: false, inBody: false });
  await shoot('panel');

  // Focus is on the current colour (blue); Tab goes to the next one (pink), Enter picks it.
  // The panel takes focus just after it appears: keys pressed before that went to the page
  // (a CI flake on a loaded machine). Seen from the page, focus inside the closed shadow
  // root is focus on its host.
  await waitForValue(
    () => state.page.evaluate(() => document.activeElement?.localName ?? ''),
    (name) => name === 'folio-highlight-ui',
    'the highlight panel to take focus',
  );
  await state.page.keyboard.press('Tab');
  await state.page.keyboard.press('Enter');
  await waitForValue(() => paintedTexts(state.page), (p) => (p.pink ?? []).includes(COMMAND_PHRASE) && !(p.blue ?? []).includes(COMMAND_PHRASE), 'the highlight repainted pink');
  await waitForValue(async () => (await stored(session)).highlights.find((h) => h.selectors.quote.exact === COMMAND_PHRASE)?.color, (c) => c === 'pink', 'pink stored');
  await state.page.bringToFront();

  // Tab past purple to "Remove highlight": unpainted at once, Undo (focused) paints it back.
  await state.page.keyboard.press('Tab');
  await state.page.keyboard.press('Tab');
  await state.page.keyboard.press('Enter');
  await waitForValue(() => paintedTexts(state.page), (p) => !Object.values(p).flat().includes(COMMAND_PHRASE), 'the highlight unpainted');
  await state.page.bringToFront();
  await shoot('undo');
  await state.page.keyboard.press('Enter');
  await waitForValue(() => paintedTexts(state.page), (p) => (p.pink ?? []).includes(COMMAND_PHRASE), 'Undo to paint it back');
  expect((await stored(session)).highlights.some((h) => h.selectors.quote.exact === COMMAND_PHRASE)).toBe(true);

  // Removed again, and the notice dismissed with Escape: the removal is stored.
  await clickPainted(state.page, COMMAND_PHRASE);
  // Focus on pink now; past purple to "Remove highlight".
  await state.page.keyboard.press('Tab');
  await state.page.keyboard.press('Tab');
  await state.page.keyboard.press('Enter');
  await waitForValue(() => paintedTexts(state.page), (p) => !Object.values(p).flat().includes(COMMAND_PHRASE), 'unpainted again');
  await state.page.keyboard.press('Escape');
  await waitForValue(async () => (await stored(session)).highlights.map((h) => h.selectors.quote.exact), (q) => !q.includes(COMMAND_PHRASE) && q.length === 2, 'the removal stored');
  // The others are untouched, and so is the page.
  expect(await paintedTexts(state.page)).toEqual({ yellow: [LIVE_PHRASE], green: [READER_PHRASE] });
  const after = await pageLook(state.page);
  expect({ ...after, elements: 0 }).toEqual({ ...before, elements: 0 });
  // The one element Folio added is the panel's host, under <html>.
  expect(after.elements).toBe(before.elements + 1);

  // The page nudges its scroll (as pages do when images load above): the panel stays, with the
  // keyboard. Scrolled until its highlight is off screen, it goes (a hidden panel loses focus).
  const panelFocused = () => state.page.evaluate(() => document.activeElement?.localName === 'folio-highlight-ui');
  const scrollAndSettle = (dy: number) =>
    state.page.evaluate(async (by) => {
      scrollBy(0, by);
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
    }, dy);
  await clickPainted(state.page, LIVE_PHRASE);
  await waitForValue(panelFocused, (f) => f, 'the panel open and focused');
  await scrollAndSettle(2);
  expect(await panelFocused()).toBe(true);
  await scrollAndSettle(-3);
  expect(await panelFocused()).toBe(true);
  await scrollAndSettle(2 * (await state.page.evaluate(() => innerHeight)));
  await waitForValue(panelFocused, (f) => !f, 'the panel gone with its highlight off screen');
  expect(await paintedTexts(state.page)).toEqual({ yellow: [LIVE_PHRASE], green: [READER_PHRASE] });
}

// ── a single-page site: highlights follow its routes ─────────────────────────

export const SPA_PHRASE = 'discussing a shared fund to help the region';

/**
 * On a single-page site (tests/fixtures/site/spa.html: pushState routes), a
 * highlight made on the story route is cleared when the site routes to its
 * list (not saved, nothing of the story's stays painted) and painted again
 * when Forward brings the story back (the page reports its route again).
 */
export async function spaRoutes(session: LiveSession): Promise<void> {
  const page = await session.openTab(session.server.url('spa.html?highlights'));
  const tabId = await session.tabIdOf(page);
  await page.click('a[data-route]');
  await waitForValue(() => page.evaluate(() => location.pathname), (p) => p.startsWith('/live/'), 'the story route');
  await session.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  expect(await selectWithMouse(page, SPA_PHRASE)).toBe(SPA_PHRASE);
  await session.menuClick({ menuItemId: 'folio-highlight-selection', pageUrl: page.url(), selectionText: SPA_PHRASE }, page);
  await waitForValue(() => paintedTexts(page), (p) => (p.pink ?? []).includes(SPA_PHRASE), 'the story’s highlight (in the last colour, pink)', 30_000);

  await page.goBack();
  await waitForValue(() => page.evaluate(() => location.pathname), (p) => !p.startsWith('/live/'), 'the list route');
  await waitForValue(() => paintedTexts(page), (p) => Object.keys(p).length === 0, 'nothing painted on the list');

  await page.goForward();
  await waitForValue(() => page.evaluate(() => location.pathname), (p) => p.startsWith('/live/'), 'the story route again');
  await waitForValue(() => paintedTexts(page), (p) => (p.pink ?? []).includes(SPA_PHRASE), 'the story’s highlight painted again', 30_000);
  await page.close();
}
