/**
 * The live-page highlighter's requests (utils/content/highlighter.ts): change
 * a highlight's colour, remove one. A content script runs beside the page's
 * own code, so a request is honoured only for a highlight of the article the
 * sender's tab shows (found the way the popup finds "Saved"): no page can
 * touch another article's highlights, even knowing their ids.
 */
import { browser } from 'wxt/browser';
import { findSavedId } from '../db/articles';
import { getHighlight, removeHighlight, updateHighlight } from '../db/highlights';
import { lastHighlightColor } from '../settings';
import { reportFor } from '../tab-state';
import * as v from '../validate';
import { handle } from './register';

/** The highlight `id` when it belongs to the article shown in the sender's tab, else null. */
export async function ownHighlight(id: string, sender: v.SenderLike) {
  if (!v.isActiveTopFrame(sender)) return null;
  const tabId = sender.tab!.id!;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab?.url) return null;
  const report = await reportFor(tabId, tab.url).catch(() => null);
  const [highlight, articleId] = await Promise.all([getHighlight(id), findSavedId(tab.url, report?.canonicalUrl)]);
  return highlight && articleId !== null && highlight.articleId === articleId ? highlight : null;
}

export function registerLiveHighlightHandlers(): void {
  handle('highlight.recolor', 'content-script', v.highlightColorRequest, async ({ id, color }, sender) => {
    if (!(await ownHighlight(id, sender))) return false;
    await updateHighlight(id, { color });
    // Chosen on purpose: the next highlight (menu, shortcut, the reader's `h`) takes it.
    await lastHighlightColor.setValue(color);
    return true;
  });

  handle('highlight.remove', 'content-script', v.highlightIdRequest, async ({ id }, sender) => {
    if (!(await ownHighlight(id, sender))) return false;
    return (await removeHighlight(id)) !== undefined;
  });
}
