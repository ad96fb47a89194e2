/** Per-site text scale: each tab learns its own site's scale only (utils/site-font-store.ts). */
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging';
import { getSiteScale, isPageOfSite, migrateSiteFontsFromStorageLocal, setSiteScale } from '../site-font-store';
import * as v from '../validate';
import { handle } from './register';

/** Tells the tabs showing `host`, and no other tab, to apply `scale`. */
async function applyToSite(host: string, scale: number): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && isPageOfSite(tab.url, host))
      // A tab without Folio's content script (still loading, discarded) has nobody to answer: fine.
      .map((tab) => sendMessage('siteFont.apply', { scale }, tab.id!).catch(() => undefined)),
  );
}

export function registerSiteFontHandlers(): void {
  // The site comes from the sender's URL, not the payload: a tab can only learn its own site's scale.
  handle('siteFont.get', 'content-script', v.noPayload, async (_none, sender) => {
    if (!v.isActiveTopFrame(sender)) throw new Error('siteFont.get: not the active top frame');
    return getSiteScale(new URL(sender.url!).hostname);
  });
  handle('siteFont.query', 'extension-page', v.siteQuery, async ({ host }) => getSiteScale(host));
  handle('siteFont.set', 'extension-page', v.siteScaleRequest, async ({ host, scale }) => {
    const stored = await setSiteScale(host, scale);
    await applyToSite(host, stored);
    return stored;
  });
  browser.runtime.onInstalled.addListener(() => void migrateSiteFontsFromStorageLocal().catch(() => undefined));
}
