/** Library model: deferred removal with undo, search races, paging. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { ArticleSummary } from '../../../utils/article/types';
import type { sendMessage } from '../../../utils/messaging';
import { createLibraryModel, UNDO_MS } from '../../../utils/models/library';

// The fake browser has no i18n: an empty message makes t() return the key, which the tests compare.
beforeEach(() => {
  vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
});

function summary(id: string, savedAt: number, title = `Story ${id}`): ArticleSummary {
  return {
    id, url: `https://x.example/${id}`, title, siteName: 'X', byline: null, excerpt: null, leadImage: null,
    savedAt, readingTimeMinutes: 3, wordCount: 600, tags: [], archived: false, favorite: false,
  };
}

function setup(all: ArticleSummary[]) {
  const calls: { type: string; data: unknown }[] = [];
  let store = [...all];
  const send = vi.fn(async (type: string, data: Record<string, unknown>) => {
    calls.push({ type, data });
    if (type === 'article.list') {
      const q = typeof data.query === 'string' ? data.query.toLowerCase() : '';
      const before = typeof data.before === 'number' ? data.before : Infinity;
      const matching = store.filter((a) => a.title.toLowerCase().includes(q)).sort((a, b) => b.savedAt - a.savedAt);
      const items = matching.filter((a) => a.savedAt < before).slice(0, (data.limit as number) ?? 50);
      return { ok: true, value: { items, total: matching.length } };
    }
    if (type === 'article.remove') {
      store = store.filter((a) => a.id !== data.id);
      return { ok: true, value: { removed: true } };
    }
    throw new Error(`unexpected ${type}`);
  });
  const model = createLibraryModel({
    send: send as unknown as typeof sendMessage,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });
  return { model, calls, send };
}

describe('library model', () => {
  it('lists newest first with a count', async () => {
    const { model } = setup([summary('a', 1), summary('b', 3), summary('c', 2)]);
    await model.refresh();
    expect(model.status.value).toBe('ready');
    expect(model.visible.value.map((i) => i.id)).toEqual(['b', 'c', 'a']);
    expect(model.count.value).toBe(3);
  });

  it('hides a removed item at once and sends article.remove only when the undo window ends', async () => {
    vi.useFakeTimers();
    try {
      const { model, calls } = setup([summary('a', 1), summary('b', 2)]);
      await model.refresh();
      model.remove(model.visible.value[0]!);
      expect(model.visible.value.map((i) => i.id)).toEqual(['a']);
      expect(model.count.value).toBe(1);
      expect(model.pending.value?.item.id).toBe('b');
      await vi.advanceTimersByTimeAsync(UNDO_MS - 100);
      expect(calls.some((c) => c.type === 'article.remove')).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(calls.filter((c) => c.type === 'article.remove')).toEqual([{ type: 'article.remove', data: { id: 'b' } }]);
      expect(model.pending.value).toBeNull();
      expect(model.visible.value.map((i) => i.id)).toEqual(['a']);
      expect(model.count.value).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('undo brings the item back and never sends article.remove', async () => {
    vi.useFakeTimers();
    try {
      const { model, calls } = setup([summary('a', 1), summary('b', 2)]);
      await model.refresh();
      model.remove(model.visible.value[1]!);
      model.undo();
      await vi.advanceTimersByTimeAsync(UNDO_MS * 2);
      expect(calls.some((c) => c.type === 'article.remove')).toBe(false);
      expect(model.visible.value.map((i) => i.id)).toEqual(['b', 'a']);
      expect(model.count.value).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaving the page during the undo window removes nothing', async () => {
    vi.useFakeTimers();
    try {
      const { model, calls } = setup([summary('a', 1)]);
      await model.refresh();
      model.remove(model.visible.value[0]!);
      model.dispose();
      await vi.advanceTimersByTimeAsync(UNDO_MS * 2);
      expect(calls.some((c) => c.type === 'article.remove')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a second removal confirms the first', async () => {
    vi.useFakeTimers();
    try {
      const { model, calls } = setup([summary('a', 1), summary('b', 2), summary('c', 3)]);
      await model.refresh();
      model.remove(model.visible.value[0]!); // c
      model.remove(model.visible.value[0]!); // b
      await vi.advanceTimersByTimeAsync(0);
      expect(calls.filter((c) => c.type === 'article.remove').map((c) => c.data)).toEqual([{ id: 'c' }]);
      expect(model.pending.value?.item.id).toBe('b');
      expect(model.visible.value.map((i) => i.id)).toEqual(['a']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('search as you type is debounced and ignores answers to older queries', async () => {
    vi.useFakeTimers();
    try {
      const { model, calls } = setup([summary('a', 1, 'Tariffs rise'), summary('b', 2, 'Rain in KL')]);
      await model.refresh();
      model.setQuery('t');
      model.setQuery('ta');
      model.setQuery('tariffs');
      await vi.advanceTimersByTimeAsync(500);
      expect(calls.filter((c) => c.type === 'article.list')).toHaveLength(2);
      expect(model.visible.value.map((i) => i.id)).toEqual(['a']);
      expect(model.shownQuery.value).toBe('tariffs');
      model.setQuery('nothing matches');
      await vi.advanceTimersByTimeAsync(500);
      expect(model.visible.value).toEqual([]);
      expect(model.shownQuery.value).toBe('nothing matches');
    } finally {
      vi.useRealTimers();
    }
  });

  it('pages with `before` and reports a failure as an error, not a crash', async () => {
    const many = Array.from({ length: 60 }, (_, i) => summary(`id${i}`, i + 1));
    const { model } = setup(many);
    await model.refresh();
    expect(model.visible.value).toHaveLength(50);
    expect(model.hasMore.value).toBe(true);
    await model.loadMore();
    expect(model.visible.value).toHaveLength(60);
    expect(model.hasMore.value).toBe(false);

    const broken = createLibraryModel({
      send: (async () => ({ ok: false, code: 'storage', detail: '' })) as unknown as typeof sendMessage,
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    });
    await broken.refresh();
    expect(broken.status.value).toBe('error');
    expect(broken.error.value).toBe('errorStorage');
  });
});
