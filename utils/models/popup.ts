/**
 * The popup's state and actions. The popup is a remote control for one tab:
 * it asks the background what it knows of that tab (tab.getState) and sends
 * commands (reader.open, article.saveTab); it never touches the page itself.
 */
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { errorText, t } from '../i18n';
import { sendMessage } from '../messaging';
import type { Result } from '../result';
import type { TabState } from '../tab-state';
import { shareLinks, type ShareLink } from '../share';
import { createFontSizeModel } from './font-size';

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
}

export const defaultPopupDeps = (): PopupDeps => ({
  send: sendMessage,
  search: window.location.search,
  activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
  openTab: (url) => browser.tabs.create({ url }),
  extensionUrl: (path) => browser.runtime.getURL(path),
  close: () => window.close(),
});

/** `?tabId=12` → 12; anything else → null. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export type PopupModel = ReturnType<typeof createPopupModel>;

export function createPopupModel(deps: PopupDeps = defaultPopupDeps()) {
  const view = signal<PopupView>({ kind: 'loading' });
  const tabId = signal<number | null>(null);
  const savedId = signal<string | null>(null);
  /** Which command is running; buttons show progress and ignore repeated clicks. */
  const busy = signal<'open' | 'save' | null>(null);
  const error = signal<string | null>(null);
  const fontSize = createFontSizeModel();

  const article = computed(() => {
    const v = view.value;
    return v.kind === 'page' && v.isArticle && v.state.report ? v.state.report : null;
  });
  const shares = computed<ShareLink[]>(() => {
    const a = article.value;
    return a ? shareLinks({ url: a.url, title: a.title, siteName: a.siteName }) : [];
  });

  function fail(result: Result<unknown>): void {
    if (!result.ok) error.value = errorText(result.code);
  }

  async function load(): Promise<void> {
    void fontSize.start();
    try {
      const id = tabIdFromSearch(deps.search) ?? (await deps.activeTabId());
      if (id === null) {
        view.value = { kind: 'unavailable' };
        error.value = t('errorUnavailable');
        return;
      }
      tabId.value = id;
      const state = await deps.send('tab.getState', { tabId: id });
      savedId.value = state.savedId;
      if (state.url && state.url.startsWith(deps.extensionUrl('/reader.html'))) {
        view.value = { kind: 'reader' };
      } else if (state.access !== 'ok') {
        view.value = { kind: 'restricted', access: state.access };
      } else {
        view.value = { kind: 'page', state, isArticle: state.report?.isArticle === true };
      }
    } catch (e) {
      console.warn('[folio] popup could not load the tab state', e);
      view.value = { kind: 'unavailable' };
      error.value = t('errorUnavailable');
    }
  }

  async function openReader(force = false): Promise<void> {
    const id = tabId.value;
    if (id === null || busy.value) return;
    busy.value = 'open';
    error.value = null;
    try {
      const result = await deps.send('reader.open', { tabId: id, force });
      if (result.ok) {
        // The tab is becoming the reader; the popup has done its job.
        deps.close();
        return;
      }
      fail(result);
    } catch (e) {
      console.warn('[folio] reader.open failed', e);
      error.value = t('errorUnavailable');
    } finally {
      busy.value = null;
    }
  }

  async function save(): Promise<void> {
    const id = tabId.value;
    // "Saved" is a state, not a command: removing lives in the library, with undo.
    if (id === null || busy.value || savedId.value) return;
    busy.value = 'save';
    error.value = null;
    try {
      const result = await deps.send('article.saveTab', { tabId: id });
      if (result.ok) savedId.value = result.value.id;
      else fail(result);
    } catch (e) {
      console.warn('[folio] article.saveTab failed', e);
      error.value = t('errorUnavailable');
    } finally {
      busy.value = null;
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
    article,
    shares,
    fontSize,
    load,
    openReader,
    save,
    openLibrary,
    dispose: () => fontSize.dispose(),
  };
}
