/**
 * Highlights on live pages, the background's side: "Highlight selection"
 * (context menu, Alt+Shift+H) and repainting a saved article's highlights
 * when its page is visited. The background owns the flow and the storage;
 * the injected highlighter (utils/content/highlighter.ts) only describes the
 * selection and paints what it is sent.
 */
import { browser } from 'wxt/browser';
import { addHighlight, DEFAULT_COLOR, listHighlights } from '../db/highlights';
import { findSavedId } from '../db/articles';
import { saveTabArticle, storageFailure } from '../flows';
import { LIVE_PAGE_BASIS, type LiveHighlight } from '../highlights/live-page';
import { isHighlightColor, type Highlight, type HighlightColor } from '../highlights/types';
import { sendMessage, type PageReport } from '../messaging';
import { pageAccess } from '../page-access';
import { describe, fail, ok, type Result } from '../result';
import { lastHighlightColor } from '../settings';
import { reportFor } from '../tab-state';
import * as v from '../validate';

/** Built from entrypoints/highlighter.ts. */
const HIGHLIGHTER_FILE = '/highlighter.js';

/** The top frame only: Folio highlights the article, not the ads and embeds around it. */
const TOP = (tabId: number) => ({ tabId, frameId: 0 });

/** Injects the highlighter into the tab's top frame (a second injection finds the first and does nothing). */
async function injectHighlighter(tabId: number): Promise<Result<void>> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [HIGHLIGHTER_FILE] });
    return ok(undefined);
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
}

const forPage = (h: Highlight): LiveHighlight => ({ id: h.id, color: h.color, selectors: h.selectors });

async function paint(tabId: number, url: string, highlights: readonly Highlight[], mode: 'replace' | 'add') {
  const answer = await sendMessage('highlighter.paint', { url, mode, highlights: highlights.map(forPage) }, TOP(tabId));
  return v.paintOutcome(answer);
}

/** The colour a new highlight gets: the one used last (reader or live page), yellow at first. */
export async function nextColor(): Promise<HighlightColor> {
  const stored = await lastHighlightColor.getValue().catch(() => DEFAULT_COLOR);
  return isHighlightColor(stored) ? stored : DEFAULT_COLOR;
}

/**
 * Highlights the selection in the tab's page: inject the highlighter, take
 * the selection's selectors, save the article first when it is not in the
 * library ("highlighting an article that is not saved saves it"), store the
 * highlight (which announces it to open reader and library pages on the
 * library channel) and paint it.
 */
export async function highlightSelection(tabId: number): Promise<Result<{ id: string; articleId: string }>> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url;
  if (!url || pageAccess(url) !== 'ok') return fail('restricted-page', url ?? '');
  const injected = await injectHighlighter(tabId);
  if (!injected.ok) return injected;
  let selection;
  try {
    // The answer comes from a page's realm: parsed like any other payload.
    selection = v.liveSelection(await sendMessage('highlighter.describe', undefined, TOP(tabId)));
  } catch (error) {
    return fail('extraction-failed', describe(error));
  }
  if (!selection) return fail('no-selection');

  const report = await reportFor(tabId, url).catch(() => null);
  let articleId = await findSavedId(url, report?.canonicalUrl).catch(() => null);
  if (!articleId) {
    const saved = await saveTabArticle(tabId);
    if (!saved.ok) return saved;
    articleId = saved.value.id;
  }
  let highlight: Highlight;
  try {
    highlight = await addHighlight({ articleId, selectors: selection.selectors, basis: LIVE_PAGE_BASIS, color: await nextColor() });
  } catch (error) {
    return storageFailure(error);
  }
  // Stored is what counts: a page that navigated meanwhile shows it on its next visit.
  await paint(tabId, url, [highlight], 'add').catch((error: unknown) => console.warn('[folio] painting the new highlight failed', error));
  return ok({ id: highlight.id, articleId });
}

/**
 * A page reported itself (load, SPA route, back/forward cache): when it is a
 * saved article with highlights, inject the highlighter and paint them all.
 * Looked up the way the popup finds "Saved" (canonical, then address). Pages
 * that are not saved, or have no highlights, get nothing injected.
 */
export async function repaintSavedPage(tabId: number, report: Pick<PageReport, 'url' | 'canonicalUrl'>): Promise<void> {
  if (pageAccess(report.url) !== 'ok') return;
  const articleId = await findSavedId(report.url, report.canonicalUrl);
  if (!articleId) return;
  const highlights = await listHighlights(articleId);
  if (highlights.length === 0) return;
  const injected = await injectHighlighter(tabId);
  if (!injected.ok) return;
  await paint(tabId, report.url, highlights, 'replace');
}
