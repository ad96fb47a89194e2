/**
 * Keeps per-tab state honest: a tab that navigates forgets the old page's report
 * and shows the idle icon until the content script reports the new page.
 */
import { browser } from 'wxt/browser';
import { showArticleState } from '../action-state';
import { preparedExtractions } from '../prepared-extraction';
import { forgetTab } from '../rate-limit';
import { clearReport } from '../tab-state';

export function registerTabLifecycle(): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.url === undefined) return;
    preparedExtractions.forget(tabId);
    void clearReport(tabId).then(() => showArticleState(tabId, false)).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    preparedExtractions.forget(tabId);
    void clearReport(tabId).catch(() => undefined);
    void forgetTab('page.report', tabId).catch(() => undefined);
  });
}
