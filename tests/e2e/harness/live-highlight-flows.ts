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
  adoptedSelectors, anchoredText, INSERTED, LIVE_PATH, LIVE_PHRASE, LIVE_TITLE, NOTE_WORD, pageLook, paintedTexts, READER_PHRASE,
  readerBodyOf, readerSelectors, registryNames, selectWithMouse, serveLiveStory,
} from './live-highlights';
import { waitForValue } from './pages';
import type { SiteServer } from './server';

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
  /** Stores a highlight the way the reader's toolbar does (the background test hook). */
  addHighlight(input: unknown): Promise<{ id: string }>;
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
 * The library copy in the reader: the live page's highlight anchors over the
 * reader's `.reader-body` (Folio's anchoring on the reader's rendered text);
 * then a highlight is made "in the reader" (stored as its toolbar does, with
 * a note and another colour), to be shown on the live page next.
 */
export async function readerPlacesAndMakes(session: LiveSession, state: LiveState): Promise<StoredHighlightRow> {
  const reader = await session.extensionPage(`reader.html?article=${state.articleId}`);
  const body = await readerBodyOf(reader);
  expect(anchoredText(body, state.live.selectors)).toBe(LIVE_PHRASE);
  // Positive control for the check above: a quote the article does not have finds nothing.
  expect(anchoredText(body, { ...state.live.selectors, quote: { ...state.live.selectors.quote, exact: 'no such passage in this story at all, not one word' } })).toBeNull();

  const selectors = readerSelectors(body, READER_PHRASE);
  const { bodies } = await storedHighlights(reader);
  const saved = bodies.find((b) => b.id === state.articleId)!;
  await session.addHighlight({
    articleId: state.articleId,
    selectors,
    basis: { contentHash: saved.contentHash, extractorVersion: saved.extractorVersion, textModel: 1 },
    color: 'green',
    note: `Check the ${NOTE_WORD} figures`,
  });
  await reader.close();
  const made = (await stored(session)).highlights.find((h) => h.selectors.quote.exact === READER_PHRASE);
  expect(made).toMatchObject({ color: 'green', articleId: state.articleId });
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
export const COMMAND_PHRASE = 'Vice Premier He Lifeng led the Chinese side';

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
