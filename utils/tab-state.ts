/**
 * Per-tab state: what the content script reported for the page in each tab.
 * Kept in storage.session because the MV3 worker forgets its globals whenever
 * it is stopped; the session area lives as long as the browser session.
 */
import { storage } from 'wxt/utils/storage';
import type { PageReport } from './messaging';
import type { PageAccess } from './page-access';

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

export async function setReport(tabId: number, report: PageReport): Promise<void> {
  await storage.setItem(key(tabId), report);
}

export async function clearReport(tabId: number): Promise<void> {
  await storage.removeItem(key(tabId));
}
