/** What the popup needs to know about a tab. */
import { browser } from 'wxt/browser';
import { findSavedId } from '../db/articles';
import { pageAccess } from '../page-access';
import { reportFor, type TabState } from '../tab-state';
import * as v from '../validate';
import { sendMessage } from '../messaging';
import { handle } from './register';

export function registerTabHandlers(): void {
  handle('tab.getState', 'extension-page', v.tabRequest, async ({ tabId }): Promise<TabState> => {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    const url = tab?.url ?? null;
    const access = pageAccess(url);
    if (access !== 'ok' || !url) return { tabId, url, access, report: null, savedId: null };
    const current = await reportFor(tabId, url);
    // Saving keys an article by its canonical URL (when on the page's own site): look it up the same way.
    const savedId = await findSavedId(url, current?.canonicalUrl).catch(() => null);
    return { tabId, url, access, report: current, savedId };
  });
  // Counted by the tab's content script when asked (it no longer counts on every page load).
  // No answer (a page still loading, one without the script) is "not known", never an error.
  handle('tab.readingTime', 'extension-page', v.tabRequest, async ({ tabId }) => {
    const reply = await sendMessage('page.readingTime', undefined, { tabId, frameId: 0 }).catch(() => null);
    return v.readingMinutes(reply);
  });
}
