/**
 * Test hook: puppeteer cannot click native context menus or press the browser's
 * own shortcuts, so e2e tests call the same handlers through the background
 * (Chromium: worker.evaluate; Firefox: runtime.getBackgroundPage() from an
 * extension page). It lives on the background's own global scope, which no web
 * page or content script can reach, and does nothing a real click or key could not.
 */
import type { Browser } from 'wxt/browser';

export interface FolioTestHook {
  menuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void>;
  command(name: string): Promise<void>;
}

export function exposeForTests(part: Partial<FolioTestHook>): void {
  const scope = globalThis as { folioTest?: Partial<FolioTestHook> };
  scope.folioTest = { ...scope.folioTest, ...part };
}
