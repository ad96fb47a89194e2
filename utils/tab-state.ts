/**
 * Per-tab state: what the content script reported for the page in each tab.
 * Kept in storage.session because the MV3 worker forgets its globals whenever
 * it is stopped; the session area lives as long as the browser session.
 */
import { storage } from 'wxt/utils/storage';
import type { PageReport } from './messaging';
import type { PageAccess } from './page-access';
import { urlKey } from './url';

export interface TabState {
  tabId: number;
  url: string | null;
  access: PageAccess;
  /** The content script's last report for this tab's current page, if any. */
  report: PageReport | null;
  /** Library id of this page's article, when saved. */
  savedId: string | null;
}

const key = (tabId: number) => `session:tab:${tabId}` as const;

export async function getReport(tabId: number): Promise<PageReport | null> {
  return storage.getItem<PageReport>(key(tabId));
}

/** The report for the page the tab shows now: one left from the page it showed before is stale. */
export async function reportFor(tabId: number, url: string): Promise<PageReport | null> {
  const report = await getReport(tabId);
  return report && urlKey(report.url) === urlKey(url) ? report : null;
}

export async function setReport(tabId: number, report: PageReport): Promise<void> {
  await storage.setItem(key(tabId), report);
}

export async function clearReport(tabId: number): Promise<void> {
  await storage.removeItem(key(tabId));
}
