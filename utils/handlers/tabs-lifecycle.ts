/**
 * Keeps per-tab state honest: a tab that navigates forgets the old page's report
 * and shows the idle icon until the content script reports the new page.
 */
import { browser } from 'wxt/browser';
import { showArticleState } from '../action-state';
import { preparedExtractions } from '../prepared-extraction';
import { forgetTab } from '../rate-limit';
import { clearReport, getReport, serialiseTab } from '../tab-state';
import { urlKey } from '../url';

export function registerTabLifecycle(): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    const url = changeInfo.url;
    if (url === undefined) return;
    preparedExtractions.forget(tabId);
    void serialiseTab(tabId, async () => {
      // A page back from the back/forward cache, or an SPA route, may have reported
      // its new URL before this event arrives: that report is the new page's, keep it.
      const report = await getReport(tabId);
      const key = urlKey(url);
      if (report && key !== null && urlKey(report.url) === key) return;
      await clearReport(tabId);
      await showArticleState(tabId, false);
    }).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    preparedExtractions.forget(tabId);
    void clearReport(tabId).catch(() => undefined);
    void forgetTab('page.report', tabId).catch(() => undefined);
  });
}
