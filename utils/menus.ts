/**
 * Context menu items. Created at install and browser start (Chrome keeps them,
 * a Firefox event page re-creates them); the click listener is registered
 * synchronously at worker start so a click that wakes the worker is not lost.
 */
import { browser, type Browser } from 'wxt/browser';
import { saveArticle } from './db/articles';
import { fetchAndExtract } from './fetch-article';
import { openReaderInTab, saveTabArticle, storageFailure } from './flows';
import { t } from './i18n';
import { showActionOutcome } from './action-state';
import type { Result } from './result';

const WEB = ['http://*/*', 'https://*/*'];

export const MENU = {
  savePage: 'folio-save-page',
  saveLink: 'folio-save-link',
  openReader: 'folio-open-reader',
} as const;

async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU.savePage, title: t('menuSavePage'), contexts: ['page'], documentUrlPatterns: WEB });
  browser.contextMenus.create({ id: MENU.openReader, title: t('menuOpenReader'), contexts: ['page'], documentUrlPatterns: WEB });
  browser.contextMenus.create({ id: MENU.saveLink, title: t('menuSaveLink'), contexts: ['link'], targetUrlPatterns: WEB });
}

export async function saveLink(url: string): Promise<Result<{ id: string; created: boolean }>> {
  const extracted = await fetchAndExtract(url);
  if (!extracted.ok) return extracted;
  try {
    const { article, created } = await saveArticle(extracted.value);
    return { ok: true, value: { id: article.id, created } };
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
      if (info.linkUrl) await showActionOutcome(tabId, await saveLink(info.linkUrl));
      break;
    case MENU.openReader: {
      const opened = await openReaderInTab(tabId);
      if (!opened.ok) await showActionOutcome(tabId, opened);
      break;
    }
  }
}

export function registerMenus(): void {
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.runtime.onStartup.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
}
