/** Popup model: which tab, what it shows, and what its commands send. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { sendMessage } from '../../../utils/messaging';
import { createPopupModel, tabIdFromSearch, type PopupDeps } from '../../../utils/models/popup';
import type { TabState } from '../../../utils/tab-state';

// The fake browser has no i18n: an empty message makes t() return the key, which the tests compare.
beforeEach(() => {
  vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
});

const ARTICLE_STATE: TabState = {
  tabId: 7,
  url: 'https://news.example.com/a?utm_source=x',
  access: 'ok',
  report: { url: 'https://news.example.com/a?utm_source=x', isArticle: true, title: 'A & B', siteName: 'News' },
  savedId: null,
};

function setup(state: TabState | Error, replies: Record<string, unknown> = {}, search = '?tabId=7', extra: Partial<PopupDeps> = {}) {
  const send = vi.fn(async (type: string, data: unknown) => {
    if (type === 'tab.getState') {
      if (state instanceof Error) throw state;
      return state;
    }
    if (type in replies) return replies[type];
    if (type === 'reader.prepare') return undefined;
    if (type === 'tab.readingTime') return null;
    throw new Error(`unexpected ${type} ${JSON.stringify(data)}`);
  });
  const deps: PopupDeps = {
    send: send as unknown as typeof sendMessage,
    search,
    activeTabId: vi.fn(async () => 99),
    openTab: vi.fn(async () => undefined),
    extensionUrl: (path) => `chrome-extension://folio${path}`,
    close: vi.fn(),
    copyText: vi.fn(async () => undefined),
    nativeShare: null,
    online: () => true,
    ...extra,
  };
  return { model: createPopupModel(deps), send, deps };
}

describe('tabIdFromSearch', () => {
  it('reads only a plain non-negative integer', () => {
    expect(tabIdFromSearch('?tabId=12')).toBe(12);
    expect(tabIdFromSearch('?tabId=-1')).toBeNull();
    expect(tabIdFromSearch('?tabId=1e3')).toBeNull();
    expect(tabIdFromSearch('?tabId=')).toBeNull();
    expect(tabIdFromSearch('')).toBeNull();
  });
});

describe('popup model', () => {
  it('uses ?tabId when present, else the active tab', async () => {
    const a = setup(ARTICLE_STATE);
    await a.model.load();
    expect(a.send).toHaveBeenCalledWith('tab.getState', { tabId: 7 });
    expect(a.deps.activeTabId).not.toHaveBeenCalled();
    // The reading time first (the extraction keeps the page busy), then the extraction, before
    // the state, so both run while the popup renders.
    expect(a.send.mock.calls.map((c) => c[0]).slice(0, 3)).toEqual(['tab.readingTime', 'reader.prepare', 'tab.getState']);

    const b = setup({ ...ARTICLE_STATE, tabId: 99 }, {}, '');
    await b.model.load();
    expect(b.send).toHaveBeenCalledWith('tab.getState', { tabId: 99 });
  });

  it("shows the page's reading time once it answers, and nothing while it does not", async () => {
    const counted = setup(ARTICLE_STATE, { 'tab.readingTime': 4 });
    expect(counted.model.readingMinutes.value).toBeNull();
    await counted.model.load();
    expect(counted.send).toHaveBeenCalledWith('tab.readingTime', { tabId: 7 });
    expect(counted.model.readingMinutes.value).toBe(4);

    const silent = setup(ARTICLE_STATE);
    await silent.model.load();
    expect(silent.model.readingMinutes.value).toBeNull();
  });

  it('shows the article with clean share links', async () => {
    const { model } = setup(ARTICLE_STATE);
    await model.load();
    expect(model.article.value?.title).toBe('A & B');
    expect(model.shares.value.map((s) => s.id)).toEqual(['whatsapp', 'facebook', 'linkedin', 'x', 'telegram', 'reddit', 'email']);
    expect(model.shares.value.every((s) => !s.href.includes('utm_source'))).toBe(true);
  });

  it('explains restricted pages without an error', async () => {
    const { model } = setup({ ...ARTICLE_STATE, access: 'store', report: null });
    await model.load();
    expect(model.view.value).toEqual({ kind: 'restricted', access: 'store' });
    expect(model.error.value).toBeNull();
  });

  it('a page that is not an article offers the forced reader', async () => {
    const { model, send, deps } = setup(
      { ...ARTICLE_STATE, report: { ...ARTICLE_STATE.report!, isArticle: false } },
      { 'reader.open': { ok: true, value: { viewId: 'v1' } } },
    );
    await model.load();
    expect(model.view.value.kind).toBe('page');
    expect(model.article.value).toBeNull();
    await model.openReader(true);
    expect(send).toHaveBeenCalledWith('reader.open', { tabId: 7, force: true });
    expect(deps.close).toHaveBeenCalled();
  });

  it('saving turns the button into Saved; a failure shows the error text and keeps the popup open', async () => {
    const { model, send } = setup(ARTICLE_STATE, { 'article.saveTab': { ok: true, value: { id: 'abc', created: true } } });
    await model.load();
    await model.save();
    expect(model.savedId.value).toBe('abc');
    await model.save();
    expect(send.mock.calls.filter(([type]) => type === 'article.saveTab')).toHaveLength(1);

    const failing = setup(ARTICLE_STATE, { 'reader.open': { ok: false, code: 'extraction-failed', detail: 'x' } });
    await failing.model.load();
    await failing.model.openReader();
    expect(failing.model.error.value).toBe('errorExtraction');
    expect(failing.deps.close).not.toHaveBeenCalled();
    expect(failing.model.busy.value).toBeNull();
  });

  it('an unreachable background is an error, not a spinner forever', async () => {
    const { model } = setup(new Error('Could not establish connection'));
    await model.load();
    expect(model.view.value.kind).toBe('unavailable');
    expect(model.error.value).toBe('errorUnavailable');
  });

  it('Copy link copies the clean canonical URL and shows Copied', async () => {
    const state = { ...ARTICLE_STATE, report: { ...ARTICLE_STATE.report!, canonicalUrl: 'https://news.example.com/canonical?id=1&fbclid=2' } };
    const { model, deps } = setup(state);
    await model.load();
    await model.copyLink();
    expect(deps.copyText).toHaveBeenCalledWith('https://news.example.com/canonical?id=1');
    expect(model.copied.value).toBe(true);
  });

  it('offers the system share sheet only where navigator.share exists', async () => {
    const without = setup(ARTICLE_STATE);
    await without.model.load();
    expect(without.model.canNativeShare.value).toBe(false);
    const share = vi.fn(async () => undefined);
    const withShare = setup(ARTICLE_STATE, {}, '?tabId=7', { nativeShare: share });
    await withShare.model.load();
    expect(withShare.model.canNativeShare.value).toBe(true);
    await withShare.model.nativeShare();
    expect(share).toHaveBeenCalledWith({ title: 'A & B', text: 'A & B — News', url: 'https://news.example.com/a' });
  });

  it('Remove from library removes at once; Undo saves the page again', async () => {
    const { model, send } = setup(
      { ...ARTICLE_STATE, savedId: 'abc' },
      { 'article.remove': { ok: true, value: { removed: true } }, 'article.saveTab': { ok: true, value: { id: 'def', created: true } } },
    );
    await model.load();
    expect(model.savedId.value).toBe('abc');
    await model.remove();
    expect(send).toHaveBeenCalledWith('article.remove', { id: 'abc' });
    expect(model.savedId.value).toBeNull();
    expect(model.removed.value).toBe(true);
    await model.undoRemove();
    expect(send).toHaveBeenCalledWith('article.saveTab', { tabId: 7 });
    expect(model.savedId.value).toBe('def');
    expect(model.removed.value).toBe(false);
  });

  it('"not-an-article" from Open reader view keeps its code so the popup offers Try anyway', async () => {
    const { model } = setup(ARTICLE_STATE, { 'reader.open': { ok: false, code: 'not-an-article', detail: '' } });
    await model.load();
    await model.openReader();
    expect(model.errorCode.value).toBe('not-an-article');
    expect(model.error.value).toBe('errorNotAnArticle');
  });

  it('knows when the browser is offline', async () => {
    const { model } = setup(ARTICLE_STATE, {}, '?tabId=7', { online: () => false });
    expect(model.online.value).toBe(false);
  });

  it('drives the live page scale for a web article, and the reader setting in the reader', async () => {
    const siteFont = vi.fn((host: string) => ({ host, start: vi.fn(async () => undefined), dispose: vi.fn() }));
    const { model } = setup(ARTICLE_STATE, {}, '?tabId=7', { siteFont: siteFont as unknown as PopupDeps['siteFont'] });
    await model.load();
    expect(siteFont).toHaveBeenCalledWith('news.example.com');
    expect(model.siteFont.value).not.toBeNull();

    const reader = setup({ ...ARTICLE_STATE, url: 'chrome-extension://folio/reader.html?view=1', report: null });
    await reader.model.load();
    expect(reader.model.view.value.kind).toBe('reader');
    expect(reader.model.siteFont.value).toBeNull();
  });
});
