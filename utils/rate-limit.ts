/**
 * Per-tab rate limits for messages a web page's content script sends. The
 * count lives in storage.session, not worker memory: MV3 stops an idle worker
 * whenever it likes, and a limit kept in a global would reset with it (a page
 * could then flood the background by waiting for each restart).
 * Fixed windows: cheap, one read and one write per message.
 */
import { storage } from 'wxt/utils/storage';

export interface RateLimit {
  /** Messages allowed per window. */
  limit: number;
  windowMs: number;
}

interface Window {
  start: number;
  count: number;
}

const key = (name: string, tabId: number) => `session:rate:${name}:${tabId}` as const;

/** Counts one message from `tabId`; false when it is over the limit (the caller drops it). */
export async function takeToken(name: string, tabId: number, { limit, windowMs }: RateLimit, now = Date.now()): Promise<boolean> {
  const current = await storage.getItem<Window>(key(name, tabId));
  const fresh = !current || typeof current.start !== 'number' || now - current.start >= windowMs || now < current.start;
  const next: Window = fresh ? { start: now, count: 1 } : { start: current.start, count: current.count + 1 };
  if (next.count > limit) return false;
  await storage.setItem(key(name, tabId), next);
  return true;
}

export async function forgetTab(name: string, tabId: number): Promise<void> {
  await storage.removeItem(key(name, tabId));
}
