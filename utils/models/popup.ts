/**
 * The popup's state and actions. The popup is a remote control for one tab:
 * it asks the background what it knows of that tab (tab.getState) and sends
 * commands (reader.open, article.saveTab, article.remove); it never touches the
 * page itself. Live-page text size goes through storage.local, which the page's
 * content script watches (utils/site-font.ts).
 */
import { computed, signal } from '@preact/signals';
import { requestPersistentStorage } from '../library/persist';
import { browser } from 'wxt/browser';
import { errorText, t } from '../i18n';
import { sendMessage } from '../messaging';
import type { ErrorCode, Result } from '../result';
import type { TabState } from '../tab-state';
import { shareData, shareLinks, shareUrl, type ShareLink, type ShareTarget } from '../share';
import { parseHttpUrl } from '../url';
import { createFontSizeModel } from './font-size';
import { createSiteFontModel, type SiteFontModel } from './site-font';

export type PopupView =
  | { kind: 'loading' }
  /** The background could not be reached or the tab is gone. */
  | { kind: 'unavailable' }
  /** Browser pages, stores, PDFs: explain, don't fail. */
  | { kind: 'restricted'; access: Exclude<TabState['access'], 'ok'> }
  /** The tab already shows Folio's reader. */
  | { kind: 'reader' }
  | { kind: 'page'; state: TabState; isArticle: boolean };

export interface PopupDeps {
  send: typeof sendMessage;
  /** The popup's own query string: `?tabId=N` when opened as a tab (tests, Firefox). */
  search: string;
  activeTabId: () => Promise<number | null>;
  openTab: (url: string) => Promise<unknown>;
  extensionUrl: (path: '/library.html' | '/reader.html') => string;
  close: () => void;
  /** Clipboard write from the user's click (navigator.clipboard). */
  copyText?: (text: string) => Promise<void>;
  /** The system share sheet, where the browser has one (navigator.share). */
  nativeShare?: ((data: ShareData) => Promise<void>) | null;
  /** navigator.onLine and its events. */
  online?: () => boolean;
  watchOnline?: (onChange: () => void) => () => void;
  siteFont?: (host: string) => SiteFontModel;
}

export const defaultPopupDeps = (): PopupDeps => ({
  send: sendMessage,
  search: window.location.search,
  activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
  openTab: (url) => browser.tabs.create({ url }),
  extensionUrl: (path) => browser.runtime.getURL(path),
  close: () => window.close(),
  copyText: (text) => navigator.clipboard.writeText(text),
  nativeShare: typeof navigator.share === 'function' ? (data) => navigator.share(data) : null,
  online: () => navigator.onLine,
  watchOnline: (onChange) => {
    window.addEventListener('online', onChange);
    window.addEventListener('offline', onChange);
    return () => {
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
    };
  },
});

/** `?tabId=12` → 12; anything else → null. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** How long "Copied" stays visible. */
const COPIED_MS = 2500;

export type PopupModel = ReturnType<typeof createPopupModel>;

export function createPopupModel(deps: PopupDeps = defaultPopupDeps()) {
  const view = signal<PopupView>({ kind: 'loading' });
  const tabId = signal<number | null>(null);
  const savedId = signal<string | null>(null);
  /** Which command is running; buttons show progress and ignore repeated clicks. */
  const busy = signal<'open' | 'save' | 'remove' | 'fix' | null>(null);
  const error = signal<string | null>(null);
  /** The last failure's code: "not-an-article" from Open reader view offers "Try anyway". */
  const errorCode = signal<ErrorCode | null>(null);
  /** True right after "Remove from library": the popup offers Undo. */
  const removed = signal(false);
  const copied = signal(false);
  const online = signal(deps.online?.() ?? true);
  const fontSize = createFontSizeModel();
  /** The article's reading time, counted by the page when the popup opens (null until known, or unknown). */
  const readingMinutes = signal<number | null>(null);
  /** The live page's text scale; set once the tab is known to be a web article. */
  const siteFont = signal<SiteFontModel | null>(null);
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;
  const cleanups: (() => void)[] = [];

  const article = computed(() => {
    const v = view.value;
    return v.kind === 'page' && v.isArticle && v.state.report ? v.state.report : null;
  });
  const shareTarget = computed<ShareTarget | null>(() => {
    const a = article.value;
    return a ? { url: a.canonicalUrl ?? a.url, title: a.title, siteName: a.siteName } : null;
  });
  const shares = computed<ShareLink[]>(() => (shareTarget.value ? shareLinks(shareTarget.value) : []));
  const canNativeShare = computed(() => Boolean(deps.nativeShare) && shareTarget.value !== null);

  function fail(result: Result<unknown>): void {
    if (!result.ok) {
      error.value = errorText(result.code);
      errorCode.value = result.code;
    }
  }

  function clearError(): void {
    error.value = null;
    errorCode.value = null;
  }

  function unreachable(what: string, e: unknown): void {
    console.warn(`[folio] ${what} failed`, e);
    error.value = t('errorUnavailable');
    errorCode.value = null;
  }

  async function load(): Promise<void> {
    void fontSize.start();
    if (deps.watchOnline) cleanups.push(deps.watchOnline(() => (online.value = deps.online?.() ?? true)));
    try {
      const id = tabIdFromSearch(deps.search) ?? (await deps.activeTabId());
      if (id === null) {
        view.value = { kind: 'unavailable' };
        error.value = t('errorUnavailable');
        return;
      }
      tabId.value = id;
      // Asked first: the extraction below keeps the page's main thread busy for a while on a long page.
      deps
        .send('tab.readingTime', { tabId: id })
        .then((minutes) => (readingMinutes.value = minutes))
        .catch((e: unknown) => console.warn('[folio] tab.readingTime failed', e));
      // Extraction starts now, beside the state request: by the time the user
      // clicks "Open reader view" or "Save", the article is usually ready.
      deps.send('reader.prepare', { tabId: id }).catch((e: unknown) => console.warn('[folio] reader.prepare failed', e));
      const state = await deps.send('tab.getState', { tabId: id });
      savedId.value = state.savedId;
      if (state.url && state.url.startsWith(deps.extensionUrl('/reader.html'))) {
        view.value = { kind: 'reader' };
      } else if (state.access !== 'ok') {
        view.value = { kind: 'restricted', access: state.access };
      } else {
        const isArticle = state.report?.isArticle === true;
        const host = parseHttpUrl(state.url)?.hostname;
        if (isArticle && host) {
          const model = (deps.siteFont ?? createSiteFontModel)(host);
          siteFont.value = model;
          void model.start();
        }
        view.value = { kind: 'page', state, isArticle };
      }
    } catch (e) {
      view.value = { kind: 'unavailable' };
      unreachable('loading the tab state', e);
    }
  }

  async function openReader(force = false): Promise<void> {
    const id = tabId.value;
    if (id === null || busy.value) return;
    busy.value = 'open';
    clearError();
    try {
      const result = await deps.send('reader.open', { tabId: id, force });
      if (result.ok) {
        // The tab is becoming the reader; the popup has done its job.
        deps.close();
        return;
      }
      fail(result);
    } catch (e) {
      unreachable('reader.open', e);
    } finally {
      busy.value = null;
    }
  }

  /** "Fix this page": the picker comes up on the page; the popup gets out of its way. */
  async function fixPage(): Promise<void> {
    const id = tabId.value;
    if (id === null || busy.value) return;
    busy.value = 'fix';
    clearError();
    try {
      const result = await deps.send('fix.pickTab', { tabId: id });
      if (result.ok) {
        deps.close();
        return;
      }
      fail(result);
    } catch (e) {
      unreachable('fix.pickTab', e);
    } finally {
      busy.value = null;
    }
  }

  async function save(): Promise<void> {
    const id = tabId.value;
    // "Saved" is a state, not a toggle: removing is its own, separately labelled action.
    if (id === null || busy.value || savedId.value) return;
    busy.value = 'save';
    clearError();
    try {
      const result = await deps.send('article.saveTab', { tabId: id });
      if (result.ok) {
        savedId.value = result.value.id;
        // The first thing worth keeping: ask the browser not to evict Folio's storage.
        if (result.value.created) void requestPersistentStorage();
        removed.value = false;
      } else fail(result);
    } catch (e) {
      unreachable('article.saveTab', e);
    } finally {
      busy.value = null;
    }
  }

  /**
   * Removes at once; Undo saves the page again. A delayed remove (as the library
   * does) cannot work here: the popup closes the moment the user clicks
   * elsewhere, and a pending timer would die with it, silently keeping the
   * article. The tab still shows the article, so saving it again is a faithful undo.
   */
  async function remove(): Promise<void> {
    const id = savedId.value;
    if (!id || busy.value) return;
    busy.value = 'remove';
    clearError();
    try {
      const result = await deps.send('article.remove', { id });
      if (result.ok) {
        savedId.value = null;
        removed.value = true;
      } else fail(result);
    } catch (e) {
      unreachable('article.remove', e);
    } finally {
      busy.value = null;
    }
  }

  async function copyLink(): Promise<void> {
    const url = shareTarget.value && shareUrl(shareTarget.value);
    if (!url || !deps.copyText) return;
    try {
      await deps.copyText(url);
      copied.value = true;
      clearTimeout(copiedTimer);
      copiedTimer = setTimeout(() => (copied.value = false), COPIED_MS);
    } catch (e) {
      console.warn('[folio] copying the link failed', e);
      error.value = t('errorCopy');
    }
  }

  async function nativeShare(): Promise<void> {
    const data = shareTarget.value && shareData(shareTarget.value);
    if (!data || !deps.nativeShare) return;
    try {
      await deps.nativeShare(data);
    } catch {
      // The user closed the share sheet (AbortError): nothing to report.
    }
  }

  async function openLibrary(): Promise<void> {
    await deps.openTab(deps.extensionUrl('/library.html'));
    deps.close();
  }

  return {
    libraryUrl: deps.extensionUrl('/library.html'),
    view,
    tabId,
    savedId,
    busy,
    error,
    errorCode,
    removed,
    copied,
    online,
    article,
    shares,
    canNativeShare,
    fontSize,
    siteFont,
    load,
    readingMinutes,
    openReader,
    fixPage,
    save,
    remove,
    undoRemove: save,
    copyLink,
    nativeShare,
    openLibrary,
    dispose(): void {
      fontSize.dispose();
      siteFont.value?.dispose();
      clearTimeout(copiedTimer);
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}
