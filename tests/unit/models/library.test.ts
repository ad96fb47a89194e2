/** Library model over an in-memory repository: views, sorts, search mapping, tags, bulk, delete + undo, live updates. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { LIBRARY_CHANNEL, type ArticleMeta } from '../../../utils/library/types';
import { createLibraryModel, FIRST_SCREEN, SEARCH_DEBOUNCE_MS, UNDO_MS, type LibraryDeps } from '../../../utils/models/library';
import { createDeleteIntents, memoryStore, STALE_MS, type KeyValueStore } from '../../../utils/models/library-intents';
import { FakeChannelHub, FakeLibrary, makeMeta } from '../helpers/fake-library';

// The fake browser has no i18n: an empty message makes t() return the key, which the tests compare.
beforeEach(() => {
  vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const NOW = 1_700_000_000_000;
/** Field reads allowed per row per comparison step: measured at about 1 (405,896 reads for three passes over 10,000 rows); n² would be 10⁸. */
const READS_PER_COMPARISON = 4;

function setup(metas: ArticleMeta[], bodies: Record<string, string> = {}, extra: Partial<LibraryDeps> = {}, store: KeyValueStore = memoryStore()) {
  const repo = new FakeLibrary(metas, bodies);
  const hub = new FakeChannelHub();
  const model = createLibraryModel({
    repo,
    openChannel: hub.create,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    now: () => NOW,
    errorText: (e) => (e instanceof Error ? e.message : String(e)),
    postChanges: true,
    intents: createDeleteIntents(store, 'this-page', () => NOW),
    ...extra,
  });
  /** Another library tab (or the background) on the same channel. */
  const other = hub.create(LIBRARY_CHANNEL);
  const heard: unknown[] = [];
  other.onmessage = (e) => heard.push(e.data);
  return { repo, hub, model, other, heard, store };
}

const ids = (metas: readonly ArticleMeta[]) => metas.map((m) => m.id);

const SAMPLE = () => [
  makeMeta({ id: 'a', title: 'Zebra crossings return', savedAt: 100, wordCount: 900, url: 'https://b.example/a', siteName: 'B Daily' }),
  makeMeta({ id: 'b', title: 'Apples and tariffs', savedAt: 300, wordCount: 200, url: 'https://a.example/b', siteName: 'A Times', readAt: 5 }),
  makeMeta({ id: 'c', title: 'Monsoon in Kuala Lumpur', savedAt: 200, wordCount: 1500, url: 'https://www.c.example/c', siteName: null, archivedAt: 7 }),
  makeMeta({ id: 'd', title: 'Élan of the markets', savedAt: 400, wordCount: 600, url: 'https://a.example/d', siteName: 'A Times', favoritedAt: 9, tags: ['economy'] }),
];

describe('loading', () => {
  it('paints the first screen from listRecent, then loads everything with listAll', async () => {
    const many = Array.from({ length: 120 }, (_, i) => makeMeta({ id: `m${i}`, savedAt: i }));
    const { model, repo } = setup(many);
    let resolveAll!: () => void;
    const gate = new Promise<void>((r) => (resolveAll = r));
    const listAll = repo.listAll.bind(repo);
    repo.listAll = async () => {
      await gate;
      return listAll();
    };
    const started = model.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(model.status.value).toBe('ready');
    expect(model.visible.value).toHaveLength(FIRST_SCREEN);
    expect(model.visible.value[0]!.id).toBe('m119');
    expect(model.complete.value).toBe(false);
    expect(model.emptyKind.value).toBeNull();
    resolveAll();
    await started;
    expect(model.complete.value).toBe(true);
    expect(model.count.value).toBe(120);
    expect(model.usage.value?.usedBytes).toBeGreaterThan(0);
  });

  it('asks for every row only after the first screen had its frame, and once however often start is called', async () => {
    const many = Array.from({ length: 80 }, (_, i) => makeMeta({ id: `m${i}`, savedAt: i }));
    let painted!: () => void;
    const frame = new Promise<void>((r) => (painted = r));
    const { model, repo } = setup(many, {}, { afterPaint: () => frame });
    const listAll = vi.spyOn(repo, 'listAll');
    const listRecent = vi.spyOn(repo, 'listRecent');
    const first = model.start();
    const again = model.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(model.visible.value).toHaveLength(FIRST_SCREEN);
    expect(listAll).not.toHaveBeenCalled();
    painted();
    await Promise.all([first, again]);
    expect(listAll).toHaveBeenCalledTimes(1);
    expect(listRecent).toHaveBeenCalledTimes(1);
    expect(model.count.value).toBe(80);
  });

  it('shows the data layer error and stays usable', async () => {
    const { model, repo } = setup(SAMPLE());
    repo.failing.listRecent = new Error('A newer version of Folio created this library.');
    await model.start();
    expect(model.status.value).toBe('error');
    expect(model.error.value).toBe('A newer version of Folio created this library.');
    delete repo.failing.listRecent;
    await model.refresh();
    expect(model.status.value).toBe('ready');
    expect(model.error.value).toBeNull();
    expect(model.count.value).toBe(3);
  });

  it('an empty library says so (not "nothing matches")', async () => {
    const { model } = setup([]);
    await model.start();
    expect(model.emptyKind.value).toBe('library');
  });
});

describe('views, filters and sorts', () => {
  it('Saved is the default and leaves out archived articles; each view has a count', async () => {
    const { model } = setup(SAMPLE());
    await model.start();
    expect(ids(model.visible.value)).toEqual(['d', 'b', 'a']);
    expect(model.counts.value).toEqual({ saved: 3, unread: 2, favourites: 1, archived: 1, all: 4 });
    model.setView('unread');
    expect(ids(model.visible.value)).toEqual(['d', 'a']);
    model.setView('favourites');
    expect(ids(model.visible.value)).toEqual(['d']);
    model.setView('archived');
    expect(ids(model.visible.value)).toEqual(['c']);
    model.setView('all');
    expect(ids(model.visible.value)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('sorts: oldest, title (accent-free), site, longest, shortest', async () => {
    const { model } = setup(SAMPLE());
    await model.start();
    model.setView('all');
    model.setSort('oldest');
    expect(ids(model.visible.value)).toEqual(['a', 'c', 'b', 'd']);
    model.setSort('title');
    expect(ids(model.visible.value)).toEqual(['b', 'd', 'c', 'a']);
    model.setSort('site');
    // a.example (d newer than b), b.example, c.example (www. dropped)
    expect(ids(model.visible.value)).toEqual(['d', 'b', 'a', 'c']);
    model.setSort('longest');
    expect(ids(model.visible.value)).toEqual(['c', 'a', 'd', 'b']);
    model.setSort('shortest');
    expect(ids(model.visible.value)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('tag and site filters combine with the view; facets count articles', async () => {
    const { model } = setup(SAMPLE());
    await model.start();
    expect(model.sites.value).toEqual([
      { key: 'a.example', label: 'A Times', count: 2 },
      { key: 'b.example', label: 'B Daily', count: 1 },
      { key: 'c.example', label: 'c.example', count: 1 },
    ]);
    model.setSite('a.example');
    expect(ids(model.visible.value)).toEqual(['d', 'b']);
    model.setTag('economy');
    expect(ids(model.visible.value)).toEqual(['d']);
    model.setView('archived');
    expect(model.visible.value).toEqual([]);
    expect(model.emptyKind.value).toBe('view');
  });

  it('10,000 articles filter and sort in memory with n log n work, not more', async () => {
    // Work is counted, not timed (a timed bound fails on a loaded machine and
    // passes a slow algorithm on a fast one): every field read of every row.
    let reads = 0;
    const count = <T extends object>(m: T): T => new Proxy(m, { get: (target, key, receiver) => (reads++, Reflect.get(target, key, receiver)) });
    const n = 10_000;
    const many = Array.from({ length: n }, (_, i) =>
      makeMeta({ id: `m${i}`, savedAt: i, title: `Story ${(i * 7919) % n}`, wordCount: (i * 31) % 5000, tags: i % 3 ? [] : ['x'] }),
    );
    const { model } = setup(many);
    await model.start();
    // The rows as loaded (the repository hands out copies), each counting its reads.
    model.all.value = model.all.value.map(count);
    reads = 0;
    model.setSort('title');
    expect(model.visible.value).toHaveLength(n);
    model.setTag('x');
    expect(model.visible.value).toHaveLength(3334);
    model.setSort('longest');
    expect(model.visible.value[0]!.wordCount).toBeGreaterThanOrEqual(model.visible.value[1]!.wordCount);
    // Three passes over n rows at ~n log2 n comparisons each; a quadratic step would read ~n² = 10⁸.
    const nLogN = n * Math.log2(n);
    expect(reads).toBeGreaterThan(n);
    expect(reads).toBeLessThan(READS_PER_COMPARISON * 3 * nLogN);
  });
});

describe('search', () => {
  it('is debounced, maps ranked ids to metas in rank order, and keeps the matched terms', async () => {
    const { model, repo } = setup(SAMPLE(), { a: 'crossing guards in the city' });
    await model.start();
    repo.searchAnswer = { hits: [{ id: 'a', score: 2 }, { id: 'gone', score: 1.5 }, { id: 'd', score: 1 }], terms: ['crossing', 'crossings'] };
    model.setQuery('c');
    model.setQuery('cr');
    model.setQuery('crossing');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 10);
    expect(repo.callsOf('search')).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(repo.callsOf('search')).toEqual([['crossing']]);
    expect(model.sort.value).toBe('relevance');
    expect(ids(model.visible.value)).toEqual(['a', 'd']);
    expect(model.terms.value).toEqual(['crossing', 'crossings']);
    expect(model.count.value).toBe(2);
  });

  it('combines with views and sorts, and clearing it returns to the browse sort', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    model.setSort('oldest');
    repo.searchAnswer = { hits: [{ id: 'c', score: 3 }, { id: 'd', score: 2 }, { id: 'a', score: 1 }], terms: [] };
    model.setQuery('x');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(ids(model.visible.value)).toEqual(['d', 'a']); // c is archived: not in Saved
    model.setSort('title');
    expect(ids(model.visible.value)).toEqual(['d', 'a']);
    model.setSort('newest');
    expect(ids(model.visible.value)).toEqual(['d', 'a']);
    model.setView('all');
    model.setSort('relevance');
    expect(ids(model.visible.value)).toEqual(['c', 'd', 'a']);
    model.setQuery('');
    expect(model.searchActive.value).toBe(false);
    expect(model.sort.value).toBe('oldest');
    expect(ids(model.visible.value)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('no match is its own empty state; an older answer never replaces a newer one', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    const answers: Record<string, () => Promise<void>> = {};
    const search = repo.search.bind(repo);
    repo.search = async (q) => {
      await new Promise<void>((r) => (answers[q] = async () => r()));
      return search(q);
    };
    model.setQuery('zebra');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    model.setQuery('qqqq');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    await answers.qqqq!();
    await vi.advanceTimersByTimeAsync(0);
    await answers.zebra!();
    await vi.advanceTimersByTimeAsync(0);
    expect(model.visible.value).toEqual([]);
    expect(model.emptyKind.value).toBe('search');
  });

  it('a search failure shows the error', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    repo.failing.search = new Error('index unavailable');
    model.setQuery('x');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(model.error.value).toBe('index unavailable');
    expect(model.searching.value).toBe(false);
  });
});

describe('state changes', () => {
  it('mark as read / unread, favourite and archive write through, update the list at once and post "updated"', async () => {
    const { model, repo, heard } = setup(SAMPLE());
    await model.start();
    await model.setRead(['a'], true);
    expect(repo.callsOf('updateState')).toEqual([[['a'], { readAt: NOW }]]);
    expect(model.live.value.find((m) => m.id === 'a')!.readAt).toBe(NOW);
    await model.setRead(['b'], false);
    expect(repo.metas.get('b')!.readAt).toBeUndefined();
    model.setView('unread');
    expect(ids(model.visible.value)).toEqual(['d', 'b']);
    await model.setFavourite('a', true);
    expect(repo.metas.get('a')!.favoritedAt).toBe(NOW);
    await model.setArchived(['d'], true);
    expect(ids(model.visible.value)).toEqual(['b']);
    expect(model.notice.value).toBe('libraryArchivedOne');
    expect(heard).toEqual([
      { kind: 'updated', ids: ['a'] },
      { kind: 'updated', ids: ['b'] },
      { kind: 'updated', ids: ['a'] },
      { kind: 'updated', ids: ['d'] },
    ]);
  });

  it('a failed write shows the error and puts the row back as stored', async () => {
    const { model, repo, heard } = setup(SAMPLE());
    await model.start();
    repo.failing.updateState = new Error('The disk is full.');
    await model.setArchived(['a'], true);
    expect(model.error.value).toBe('The disk is full.');
    expect(ids(model.visible.value)).toEqual(['d', 'b', 'a']);
    expect(heard).toEqual([]);
  });
});

describe('tags', () => {
  it('adds a tag (trimmed; reusing an existing spelling) to one article and to a selection', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    expect(await model.addTag(['a'], '  Economy ')).toBe(true);
    expect(repo.callsOf('addTags')).toEqual([[['a'], ['economy']]]);
    expect(await model.addTag(['a'], '   ')).toBe(false);
    model.toggleSelected('a');
    model.toggleSelected('b');
    await model.addTag(model.selectedShown.value, 'long reads');
    expect(repo.metas.get('a')!.tags).toEqual(['economy', 'long reads']);
    expect(repo.metas.get('b')!.tags).toEqual(['long reads']);
    expect(model.tags.value).toEqual([
      { key: 'economy', label: 'economy', count: 2 },
      { key: 'long reads', label: 'long reads', count: 2 },
    ]);
    expect(model.notice.value).toBe('libraryTaggedMany');
  });

  it('removes a tag from an article', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    await model.removeTag(['d'], 'economy');
    expect(repo.callsOf('removeTags')).toEqual([[['d'], ['economy']]]);
    expect(model.tags.value).toEqual([]);
  });

  it('renames a tag everywhere, merging into an existing one, and keeps the tag filter on it', async () => {
    const metas = SAMPLE();
    metas[0]!.tags = ['econ'];
    metas[1]!.tags = ['econ', 'economy'];
    const { model, repo, heard } = setup(metas);
    await model.start();
    model.setTag('econ');
    expect(await model.renameTag('econ', 'economy')).toBe(true);
    expect(repo.callsOf('renameTag')).toEqual([['econ', 'economy']]);
    expect(model.tag.value).toBe('economy');
    expect(model.tags.value).toEqual([{ key: 'economy', label: 'economy', count: 3 }]);
    expect(model.live.value.find((m) => m.id === 'b')!.tags).toEqual(['economy']);
    expect(heard).toEqual([{ kind: 'updated', ids: ['b', 'a'] }]);
    expect(ids(model.visible.value)).toEqual(['d', 'b', 'a']);
  });

  it('deletes a tag from every article', async () => {
    const metas = SAMPLE();
    metas[0]!.tags = ['economy'];
    const { model, repo } = setup(metas);
    await model.start();
    model.setTag('economy');
    await model.deleteTag('economy');
    expect(repo.callsOf('removeTags')).toEqual([[['d', 'a'], ['economy']]]);
    expect(model.tag.value).toBeNull();
    expect(model.tags.value).toEqual([]);
  });
});

describe('bulk selection', () => {
  it('selects all shown, acts on the selection, and drops hidden rows from it', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    model.selectAllShown();
    expect(model.allShownSelected.value).toBe(true);
    expect(model.selectedShown.value).toEqual(['d', 'b', 'a']);
    await model.setRead(model.selectedShown.value, true);
    expect(repo.callsOf('updateState')).toEqual([[['d', 'b', 'a'], { readAt: NOW }]]);
    expect(model.notice.value).toBe('libraryMarkedReadMany');
    model.setView('favourites');
    expect([...model.selection.value]).toEqual(['d']);
    model.setView('saved');
    await model.setArchived(model.selectedShown.value, true);
    expect(model.selection.value.size).toBe(0);
    expect(ids(model.visible.value)).toEqual(['b', 'a']);
  });

  it('Escape clears the search first, then the selection', async () => {
    const { model } = setup(SAMPLE());
    await model.start();
    model.toggleSelected('a');
    model.setQuery('zebra');
    expect(model.escape()).toBe(true);
    expect(model.query.value).toBe('');
    expect(model.selection.value.size).toBe(1);
    expect(model.escape()).toBe(true);
    expect(model.selection.value.size).toBe(0);
    expect(model.escape()).toBe(false);
  });
});

describe('delete with undo', () => {
  it('hides at once and deletes when the undo window ends, then posts "deleted"', async () => {
    const { model, repo, heard } = setup(SAMPLE());
    await model.start();
    model.remove(['b']);
    expect(ids(model.visible.value)).toEqual(['d', 'a']);
    expect(model.pending.value?.message).toBe('libraryDeletedOne');
    await vi.advanceTimersByTimeAsync(UNDO_MS - 100);
    expect(repo.callsOf('deleteArticles')).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(repo.callsOf('deleteArticles')).toEqual([[['b']]]);
    expect(model.pending.value).toBeNull();
    expect(ids(model.visible.value)).toEqual(['d', 'a']);
    expect(heard).toEqual([{ kind: 'deleted', ids: ['b'] }]);
  });

  it('undo brings a bulk delete back and never deletes', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    model.selectAllShown();
    model.remove(model.selectedShown.value);
    expect(model.visible.value).toEqual([]);
    expect(model.pending.value?.message).toBe('libraryDeletedMany');
    expect(model.selection.value.size).toBe(0);
    model.undo();
    await vi.advanceTimersByTimeAsync(UNDO_MS * 2);
    expect(repo.callsOf('deleteArticles')).toEqual([]);
    expect(ids(model.visible.value)).toEqual(['d', 'b', 'a']);
  });

  it('a second delete commits the first; leaving the page commits the pending one', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    model.remove(['a']);
    model.remove(['b']);
    await vi.advanceTimersByTimeAsync(0);
    expect(repo.callsOf('deleteArticles')).toEqual([[['a']]]);
    expect(model.pending.value?.ids).toEqual(['b']);
    await model.commitPending(); // what the page does on pagehide
    expect(repo.callsOf('deleteArticles')).toEqual([[['a']], [['b']]]);
    expect(ids(model.live.value).sort()).toEqual(['c', 'd']);
  });

  it('a failed delete shows the error and brings the rows back', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    repo.failing.deleteArticles = new Error('Another Folio tab is upgrading the library.');
    model.remove(['a']);
    await model.commitPending();
    expect(model.error.value).toBe('Another Folio tab is upgrading the library.');
    expect(ids(model.visible.value)).toEqual(['d', 'b', 'a']);
  });
});

describe('live updates', () => {
  it('applies saved, updated and deleted changes from other contexts in place', async () => {
    const { model, repo, other } = setup(SAMPLE());
    await model.start();
    repo.metas.set('e', makeMeta({ id: 'e', title: 'Fresh', savedAt: 500 }));
    other.postMessage({ kind: 'saved', id: 'e' });
    await vi.advanceTimersByTimeAsync(100);
    expect(ids(model.visible.value)).toEqual(['e', 'd', 'b', 'a']);

    repo.metas.get('a')!.title = 'Zebra crossings, updated';
    repo.metas.get('b')!.archivedAt = 1;
    other.postMessage({ kind: 'updated', ids: ['a', 'b'] });
    await vi.advanceTimersByTimeAsync(100);
    expect(ids(model.visible.value)).toEqual(['e', 'd', 'a']);
    expect(model.visible.value[2]!.title).toBe('Zebra crossings, updated');

    other.postMessage({ kind: 'deleted', ids: ['e'] });
    other.postMessage({ kind: 'nonsense' });
    await vi.advanceTimersByTimeAsync(0);
    expect(ids(model.visible.value)).toEqual(['d', 'a']);
  });

  it('an "updated" article that is gone is dropped; a saved one that matches the search appears in it', async () => {
    const { model, repo, other } = setup(SAMPLE());
    await model.start();
    model.setQuery('monsoon');
    model.setView('all');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(ids(model.visible.value)).toEqual(['c']);
    repo.metas.set('e', makeMeta({ id: 'e', title: 'Monsoon again', savedAt: 500 }));
    other.postMessage({ kind: 'saved', id: 'e' });
    await vi.advanceTimersByTimeAsync(100);
    expect(ids(model.visible.value)).toEqual(['e', 'c']);
    repo.metas.delete('c');
    other.postMessage({ kind: 'updated', ids: ['c'] });
    await vi.advanceTimersByTimeAsync(100);
    expect(ids(model.visible.value)).toEqual(['e']);
  });

  it('a burst of saves (an import) is applied as one batch: one usage read, one search', async () => {
    const { model, repo, other } = setup(SAMPLE());
    await model.start();
    model.setQuery('story');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    const before = { usage: repo.callsOf('usage').length, search: repo.callsOf('search').length };
    for (let i = 0; i < 30; i++) {
      repo.metas.set(`n${i}`, makeMeta({ id: `n${i}`, savedAt: 1000 + i }));
      other.postMessage({ kind: 'saved', id: `n${i}` });
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(repo.callsOf('usage').length - before.usage).toBe(1);
    expect(repo.callsOf('search').length - before.search).toBe(1);
    expect(repo.callsOf('getMeta')).toHaveLength(30);
    model.setQuery('');
    expect(model.count.value).toBe(33);
  });

  it('refresh (the tab becomes visible again) reloads everything', async () => {
    const { model, repo } = setup(SAMPLE());
    await model.start();
    repo.metas.set('e', makeMeta({ id: 'e', savedAt: 500 }));
    await model.refresh();
    expect(ids(model.visible.value)[0]).toBe('e');
  });

  it('dispose closes the channel', async () => {
    const { model, hub, other } = setup(SAMPLE());
    await model.start();
    const mine = hub.channels.find((c) => c !== other)!;
    expect(mine.name).toBe(LIBRARY_CHANNEL);
    model.dispose();
    expect(mine.closed).toBe(true);
  });
});

describe('roving focus and thumbnails', () => {
  it('moves through the shown rows, clamped at both ends', async () => {
    const { model } = setup(SAMPLE());
    await model.start();
    expect(model.moveFocus(1)).toBe('d');
    expect(model.moveFocus(1)).toBe('b');
    expect(model.moveFocus(5)).toBe('a');
    expect(model.moveFocus(-10)).toBe('d');
    expect(model.focusRequest.value?.id).toBe('d');
    model.focusedId.value = null;
    expect(model.moveFocus(-1)).toBe('a');
  });

  it('reads the stored lead image, and a failure is just no thumbnail', async () => {
    const metas = SAMPLE();
    metas[0]!.leadImage = 'https://b.example/lead.jpg';
    const { model, repo } = setup(metas);
    await model.start();
    const blob = new Blob(['x'], { type: 'image/jpeg' });
    repo.assets.set('a', blob);
    expect(await model.leadImage(model.live.value.find((m) => m.id === 'a')!)).toBe(blob);
    expect(await model.leadImage(model.live.value.find((m) => m.id === 'b')!)).toBeNull();
    repo.failing.getLeadAsset = new Error('boom');
    expect(await model.leadImage(model.live.value.find((m) => m.id === 'a')!)).toBeNull();
  });
});

describe('with the IndexedDB repository', () => {
  it('does not post its own writes when the repository announces them', async () => {
    const { model, heard } = setup(SAMPLE(), {}, { postChanges: false });
    await model.start();
    await model.setRead(['a'], true);
    model.remove(['b']);
    await model.commitPending();
    expect(heard).toEqual([]);
  });

  it('a change to thousands of rows reloads once with listAll, not a getMeta each', async () => {
    const many = Array.from({ length: 500 }, (_, i) => makeMeta({ id: `m${i}`, savedAt: i, tags: ['x'] }));
    const { model, repo, other } = setup(many);
    await model.start();
    for (const m of repo.metas.values()) m.tags = ['y'];
    other.postMessage({ kind: 'updated', ids: many.map((m) => m.id) });
    await vi.advanceTimersByTimeAsync(100);
    expect(repo.callsOf('getMeta')).toEqual([]);
    expect(repo.callsOf('listAll')).toHaveLength(2);
    expect(model.tags.value).toEqual([{ key: 'y', label: 'y', count: 500 }]);
  });

  it('an upgrade blocked by another tab is shown, and loading resumes when it goes through', async () => {
    const { model, repo } = setup(SAMPLE());
    repo.failing.listRecent = new Error('blocked');
    await model.start();
    model.setBlocked(true);
    expect(model.blocked.value).toBe(true);
    delete repo.failing.listRecent;
    model.setBlocked(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(model.status.value).toBe('ready');
    expect(model.count.value).toBe(3);
  });
});

describe('a page closed during the undo window', () => {
  it('hands its pending delete to the next library page, which deletes before it lists', async () => {
    const store = memoryStore();
    const repo = new FakeLibrary(SAMPLE());
    const first = createLibraryModelFor(repo, store, 'page-1');
    await first.start();
    first.remove(['b']);
    // pagehide: the page dies while its delete is under way (it never finishes).
    const realDelete = repo.deleteArticles.bind(repo);
    repo.deleteArticles = () => new Promise<void>(() => undefined);
    first.leave();
    await vi.advanceTimersByTimeAsync(0);
    repo.deleteArticles = realDelete;
    repo.calls.length = 0;
    const second = createLibraryModelFor(repo, store, 'page-2');
    await second.start();
    expect(repo.calls[0]).toEqual({ method: 'deleteArticles', args: [['b']] });
    expect(ids(second.visible.value)).toEqual(['d', 'a']);
    expect(store.length).toBe(0);
  });

  it('leaves the intent of a page that is still open (its toast still showing), and takes a stale one', async () => {
    const store = memoryStore();
    const repo = new FakeLibrary(SAMPLE());
    const first = createLibraryModelFor(repo, store, 'page-1');
    await first.start();
    first.remove(['b']);
    const second = createLibraryModelFor(repo, store, 'page-2');
    await second.start();
    expect(repo.callsOf('deleteArticles')).toEqual([]);
    first.undo();
    expect(store.length).toBe(0);
    first.remove(['a']);
    const later = createLibraryModelFor(repo, store, 'page-3', NOW + STALE_MS + 1);
    await later.start();
    expect(repo.callsOf('deleteArticles')).toEqual([[['a']]]);
  });

  it('an open page takes a closed page\'s delete when it is shown again', async () => {
    const store = memoryStore();
    const repo = new FakeLibrary(SAMPLE());
    const open = createLibraryModelFor(repo, store, 'page-open');
    await open.start();
    const closing = createLibraryModelFor(repo, store, 'page-closing');
    await closing.start();
    repo.deleteArticles = () => new Promise<void>(() => undefined);
    closing.remove(['a']);
    closing.leave();
    repo.deleteArticles = FakeLibrary.prototype.deleteArticles.bind(repo);
    await open.refresh();
    expect(repo.callsOf('deleteArticles')).toEqual([[['a']]]);
    expect(ids(open.visible.value)).toEqual(['d', 'b']);
  });

  it('undo and a committed delete leave nothing behind', async () => {
    const { model, store } = setup(SAMPLE());
    await model.start();
    model.remove(['a']);
    expect(store.length).toBe(1);
    model.undo();
    expect(store.length).toBe(0);
    model.remove(['a']);
    await vi.advanceTimersByTimeAsync(UNDO_MS);
    expect(store.length).toBe(0);
  });
});

function createLibraryModelFor(repo: FakeLibrary, store: KeyValueStore, pageId: string, now = NOW) {
  return createLibraryModel({
    repo,
    openChannel: () => null,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    now: () => now,
    errorText: (e) => (e instanceof Error ? e.message : String(e)),
    postChanges: false,
    intents: createDeleteIntents(store, pageId, () => now),
  });
}
