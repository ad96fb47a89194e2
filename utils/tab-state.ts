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

const tabQueues = new Map<number, Promise<unknown>>();

/**
 * Runs `work` after any earlier work for the same tab has finished. A page back
 * from the back/forward cache reports itself at about the moment the browser
 * says the tab's URL changed; interleaved, "clear the old page's report" could
 * land after "store the new one" and wipe it. Only events that arrive together
 * need ordering, so a queue in memory is enough (a stopped worker has none left).
 */
export function serialiseTab<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const previous = tabQueues.get(tabId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  const settled = next.catch(() => undefined);
  tabQueues.set(tabId, settled);
  void settled.then(() => {
    if (tabQueues.get(tabId) === settled) tabQueues.delete(tabId);
  });
  return next;
}
