/** Reader model: addressing, loading, saving and the way back. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { ExtractedArticle } from '../../../utils/article/types';
import type { ReaderDocument, sendMessage } from '../../../utils/messaging';
import { createReaderModel, leadImageInContent, sourceFromSearch, type ReaderDeps } from '../../../utils/models/reader';

// The fake browser has no i18n: an empty message makes t() return the key, which the tests compare.
beforeEach(() => {
  vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
});

const ARTICLE: ExtractedArticle = {
  url: 'https://news.example.com/a', canonicalUrl: 'https://news.example.com/a', title: 'T', byline: null, siteName: 'S',
  publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr', leadImage: 'https://cdn.example.com/img/lead-photo-large.jpg',
  excerpt: null, content: '<p>x</p>', textContent: 'x', wordCount: 1, readingTimeMinutes: 1,
};

function setup(search: string, replies: Record<string, unknown>, historyLength = 2) {
  const send = vi.fn(async (type: string) => {
    if (type in replies) return replies[type];
    throw new Error(`unexpected ${type}`);
  });
  const deps: ReaderDeps = {
    send: send as unknown as typeof sendMessage,
    search,
    historyLength: () => historyLength,
    back: vi.fn(),
    assign: vi.fn(),
    loadSaved: vi.fn(async (id: string) => {
      const doc = replies[`saved:${id}`] as ReaderDocument | undefined;
      return doc ? { doc, images: new Map([['https://cdn.example.com/a.jpg', 'blob:local-a']]), release: vi.fn() } : null;
    }),
    recordProgress: vi.fn(async () => {}),
  };
  return { model: createReaderModel(deps), send, deps };
}

describe('sourceFromSearch', () => {
  it('reads ?view= or ?article= with a valid id only', () => {
    expect(sourceFromSearch('?view=abc-1')).toEqual({ kind: 'view', id: 'abc-1' });
    expect(sourceFromSearch('?article=xyz')).toEqual({ kind: 'article', id: 'xyz' });
    expect(sourceFromSearch('?view=../../etc')).toBeNull();
    expect(sourceFromSearch('')).toBeNull();
  });
});

describe('leadImageInContent', () => {
  it('matches by file name across sizes and query strings', () => {
    expect(leadImageInContent('<img src="https://cdn.example.com/x/lead-photo-large.jpg?w=800">', ARTICLE.leadImage)).toBe(true);
    expect(leadImageInContent('<img src="https://cdn.example.com/other.jpg">', ARTICLE.leadImage)).toBe(false);
    expect(leadImageInContent('<p>no images</p>', null)).toBe(true);
  });
});

describe('reader model', () => {
  it('loads a view, saves it once, and goes back through history', async () => {
    const { model, send, deps } = setup('?view=v1', {
      'reader.load': { ok: true, value: { source: { kind: 'view', id: 'v1' }, article: ARTICLE, savedId: null } },
      'article.saveView': { ok: true, value: { id: 'saved1', created: true } },
    });
    await model.load();
    expect(model.status.value.kind).toBe('ready');
    expect(model.showLeadImage.value).toBe(true);
    await model.save();
    expect(model.savedId.value).toBe('saved1');
    await model.save();
    expect(send.mock.calls.filter(([t]) => t === 'article.saveView')).toHaveLength(1);
    model.backToOriginal();
    expect(deps.back).toHaveBeenCalled();
    expect(deps.assign).not.toHaveBeenCalled();
  });

  it('a saved article loads from the library stores (no message) with its local images, and goes back by URL', async () => {
    const { model, deps, send } = setup('?article=a1', {
      'saved:a1': { source: { kind: 'article', id: 'a1' }, article: ARTICLE, savedId: 'a1' },
    });
    await model.load();
    expect(send).not.toHaveBeenCalledWith('reader.load', expect.anything());
    expect(model.savedId.value).toBe('a1');
    const status = model.status.value;
    expect(status.kind === 'ready' && status.images?.get('https://cdn.example.com/a.jpg')).toBe('blob:local-a');
    model.backToOriginal();
    expect(deps.assign).toHaveBeenCalledWith('https://news.example.com/a');
  });

  it('a saved article that is gone, or a library that cannot open, is an error state', async () => {
    const gone = setup('?article=zz', {});
    await gone.model.load();
    expect(gone.model.status.value).toEqual({ kind: 'error', message: 'readerNotFound' });
    const broken = setup('?article=a1', {});
    const tooNew = new Error('newer');
    tooNew.name = 'DatabaseTooNewError';
    vi.mocked(broken.deps.loadSaved).mockRejectedValueOnce(tooNew);
    await broken.model.load();
    expect(broken.model.status.value).toEqual({ kind: 'error', message: 'errorDatabaseTooNew' });
  });

  it('not found and unreachable are error states with readable text', async () => {
    const a = setup('?view=gone', { 'reader.load': { ok: false, code: 'not-found', detail: '' } });
    await a.model.load();
    expect(a.model.status.value).toEqual({ kind: 'error', message: 'readerNotFound' });

    const b = setup('?view=v', {});
    await b.model.load();
    expect(b.model.status.value).toEqual({ kind: 'error', message: 'errorUnavailable' });

    const c = setup('', {});
    await c.model.load();
    expect(c.model.status.value.kind).toBe('error');
    expect(c.send).not.toHaveBeenCalled();
  });

  it('tracks progress and time left, and remembers the position per article (batched)', async () => {
    const { model } = setup('?view=v1', {
      'reader.load': { ok: true, value: { source: { kind: 'view', id: 'v1' }, article: { ...ARTICLE, readingTimeMinutes: 10 }, savedId: null } },
    });
    await model.load();
    expect(model.minutesLeft.value).toBe(10);
    model.scrolled(0.5);
    expect(model.minutesLeft.value).toBe(5);
    expect(await model.savedPosition()).toBeNull();
    model.flushPosition();
    await vi.waitFor(async () => expect(await model.savedPosition()).toBe(0.5));
    model.scrolled(0.2, false);
    model.flushPosition();
    expect(await model.savedPosition()).toBe(0.5);
    model.togglePanel('help');
    expect(model.panel.value).toBe('help');
    model.togglePanel('help');
    expect(model.panel.value).toBeNull();
    model.dispose();
  });
});
