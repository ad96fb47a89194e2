/**
 * Context menu items. Created at install and browser start (Chrome keeps them,
 * a Firefox event page re-creates them); the click listener is registered
 * synchronously at worker start so a click that wakes the worker is not lost.
 */
import { browser, type Browser } from 'wxt/browser';
import { highlightSelection } from './background/live-highlights';
import { saveWithImages } from './background/save-article';
import { fetchAndExtract } from './fetch-article';
import { openReaderInTab, saveTabArticle, storageFailure } from './flows';
import { t } from './i18n';
import { showActionOutcome } from './action-state';
import { exposeForTests } from './test-hook';
import type { Result } from './result';
import { sharePageUrl } from './share-page';
import { reportFor } from './tab-state';

const WEB = ['http://*/*', 'https://*/*'];

export const MENU = {
  savePage: 'folio-save-page',
  saveLink: 'folio-save-link',
  openReader: 'folio-open-reader',
  shareSelection: 'folio-share-selection',
  highlightSelection: 'folio-highlight-selection',
} as const;

/** The share window: small, like the popup it stands in for (a menu click cannot open the real popup). */
const SHARE_WINDOW = { width: 440, height: 620 };

async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU.savePage, title: t('menuSavePage'), contexts: ['page'], documentUrlPatterns: WEB });
  browser.contextMenus.create({ id: MENU.openReader, title: t('menuOpenReader'), contexts: ['page'], documentUrlPatterns: WEB });
  browser.contextMenus.create({ id: MENU.saveLink, title: t('menuSaveLink'), contexts: ['link'], targetUrlPatterns: WEB });
  browser.contextMenus.create({ id: MENU.shareSelection, title: t('menuShareSelection'), contexts: ['selection'], documentUrlPatterns: WEB });
  browser.contextMenus.create({ id: MENU.highlightSelection, title: t('menuHighlightSelection'), contexts: ['selection'], documentUrlPatterns: WEB });
}

/**
 * Opens Folio's share page for the selected quote, with the title, site and
 * canonical URL from the report for the page the tab shows now: a report left
 * from the page before (navigation not yet re-reported) would share the wrong article.
 */
async function shareSelection(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab): Promise<void> {
  const pageUrl = info.pageUrl ?? tab.url;
  if (!pageUrl || !info.selectionText) return;
  const report = tab.id === undefined ? null : await reportFor(tab.id, pageUrl).catch(() => null);
  const url = sharePageUrl(browser.runtime.getURL('/share.html'), {
    url: report?.canonicalUrl ?? pageUrl,
    title: report?.title || tab.title || '',
    siteName: report?.siteName ?? null,
    quote: info.selectionText,
  });
  await browser.windows.create({ url, type: 'popup', ...SHARE_WINDOW });
}

/** `pageUrl` is the page the link was clicked on: a public page's link may not reach a private address. */
export async function saveLink(url: string, pageUrl?: string): Promise<Result<{ id: string; created: boolean }>> {
  const extracted = await fetchAndExtract(url, pageUrl);
  if (!extracted.ok) return extracted;
  try {
    const { meta, created } = await saveWithImages(extracted.value);
    return { ok: true, value: { id: meta.id, created } };
  } catch (error) {
    return storageFailure(error);
  }
}

async function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  const tabId = tab?.id;
  if (tabId === undefined) return;
  switch (info.menuItemId) {
    case MENU.savePage:
      await showActionOutcome(tabId, await saveTabArticle(tabId));
      break;
    case MENU.saveLink:
      if (info.linkUrl) await showActionOutcome(tabId, await saveLink(info.linkUrl, info.frameUrl ?? info.pageUrl ?? tab?.url));
      break;
    case MENU.openReader: {
      const opened = await openReaderInTab(tabId);
      if (!opened.ok) await showActionOutcome(tabId, opened);
      break;
    }
    case MENU.shareSelection:
      await shareSelection(info, tab!);
      break;
    case MENU.highlightSelection: {
      // Success shows as the painted highlight; only a failure needs the badge.
      const done = await highlightSelection(tabId);
      if (!done.ok) await showActionOutcome(tabId, done);
      break;
    }
  }
}

export function registerMenus(): void {
  exposeForTests({ menuClick: onMenuClick });
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.runtime.onStartup.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
}
