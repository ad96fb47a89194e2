/**
 * The library page's state and actions. The page is an extension page and
 * talks to the repository directly (utils/library/types.ts), no messages.
 *
 * - First screen from `listRecent(50)`, then `listAll()` holds every meta in
 *   memory: views, tag and site filters and sorts are computed here, search
 *   ranks come from `repo.search` and are mapped to the metas.
 * - Writes are optimistic: the list changes at once, the repository is
 *   called, and a failure shows the error and reloads the rows it touched.
 *   Every write is posted on LIBRARY_CHANNEL so other library tabs follow;
 *   changes posted by others (saves from the background, the reader's
 *   progress) are applied here in place.
 * - Deleting is deferred: rows leave the list at once and `deleteArticles`
 *   runs when the undo window ends, when another delete replaces it, or when
 *   the page is hidden for good (`commitPending` on pagehide).
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { ArticleMeta, LibraryChange, LibraryRepository, SearchResult, StatePatch, StorageUsage } from '../library/types';
import { LIBRARY_CHANNEL } from '../library/types';
import { t } from '../i18n';
import { normalizeTag } from '../library/tags';
import { createDeleteIntents, type DeleteIntents } from './library-intents';
import {
  inView, renamedTags, siteFacets, sortMetas, tagFacets, viewCounts, withTag,
  type LibrarySort, type LibraryView,
} from './library-view';

export const FIRST_SCREEN = 50;
export const UNDO_MS = 6_000;
export const SEARCH_DEBOUNCE_MS = 150;

/** The part of BroadcastChannel the model uses. */
export interface ChannelLike {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(data: unknown): void;
  close(): void;
}

export interface LibraryDeps {
  repo: LibraryRepository;
  /** `new BroadcastChannel(name)`; null where there is none. */
  openChannel: (name: string) => ChannelLike | null;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
  /** Text for a failure of the data layer. */
  errorText: (error: unknown) => string;
  /**
   * Whether the page posts its own writes on the channel. The IndexedDB
   * repository announces every change itself (utils/library/channel.ts), so
   * the real page leaves this off; a repository that does not announce needs it.
   */
  postChanges: boolean;
  /** Pending deletes written down so that a page closed in the undo window still deletes. */
  intents: DeleteIntents;
  /**
   * Resolves once the first screen has had a chance to paint. Loading every
   * row's metadata (10,000 at scale) is a large structured clone on the main
   * thread: started before that frame, it pushed the first rows' paint back.
   * Absent: at once.
   */
  afterPaint?: () => Promise<void>;
}

export function defaultErrorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return t('errorStorage');
}

export const browserLibraryDeps = (repo: LibraryRepository, errorText: (e: unknown) => string = defaultErrorText): LibraryDeps => ({
  repo,
  openChannel: (name) => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
  errorText,
  postChanges: false,
  intents: createDeleteIntents(pageStorage(), crypto.randomUUID(), () => Date.now()),
  afterPaint: nextPaint,
});

/** After the next frame; a hidden tab gets no frames, so a timer stands in after a moment. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 100);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(done, 0));
  });
}

function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface PendingDelete {
  ids: string[];
  /** What the toast says: the title of one article, or how many. */
  message: string;
  /** Bumped on every delete so the view restarts the toast's countdown. */
  serial: number;
}

interface SearchState {
  query: string;
  ids: string[];
  terms: string[];
}

export type EmptyKind = 'library' | 'search' | 'view' | null;

export type LibraryModel = ReturnType<typeof createLibraryModel>;

export function createLibraryModel(deps: LibraryDeps) {
  const { repo } = deps;
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  /** Every meta loaded so far, in no particular order. */
  const all = signal<readonly ArticleMeta[]>([]);
  /** True once listAll has answered: counts and filters are over everything. */
  const complete = signal(false);
  const error = signal<string | null>(null);
  /** A short confirmation for the polite live region ("3 articles archived."). */
  const notice = signal<string | null>(null);
  const usage = signal<StorageUsage | null>(null);
  /** An upgrade of the database waits for another (older) Folio tab to close. */
  const blocked = signal(false);

  const query = signal('');
  const search = signal<SearchState | null>(null);
  const searching = signal(false);
  const view = signal<LibraryView>('saved');
  const tag = signal<string | null>(null);
  const site = signal<string | null>(null);
  const browseSort = signal<Exclude<LibrarySort, 'relevance'>>('newest');
  const searchSort = signal<LibrarySort>('relevance');
  const selection = signal<ReadonlySet<string>>(new Set());
  const focusedId = signal<string | null>(null);
  /** Set by keyboard moves: the list scrolls the row into view and focuses it. */
  const focusRequest = signal<{ id: string; serial: number } | null>(null);
  const pending = signal<PendingDelete | null>(null);

  let channel: ChannelLike | null = null;
  let searchTimer: unknown = null;
  let undoTimer: unknown = null;
  let searchSerial = 0;
  let loadSerial = 0;
  let deleteSerial = 0;
  let focusSerial = 0;
  let started = false;
  let firstLoad: Promise<void> | null = null;

  // ---- derived state ----

  const pendingIds = computed(() => new Set(pending.value?.ids ?? []));
  /** What the library holds as the user sees it: pending deletes are gone already. */
  const live = computed(() => {
    const hidden = pendingIds.value;
    return hidden.size ? all.value.filter((m) => !hidden.has(m.id)) : all.value;
  });
  const byId = computed(() => new Map(live.value.map((m) => [m.id, m])));
  const searchActive = computed(() => search.value !== null && query.value.trim() !== '');
  const sort = computed<LibrarySort>(() => (searchActive.value ? searchSort.value : browseSort.value));

  const visible = computed(() => {
    let base: ArticleMeta[];
    if (searchActive.value) {
      const map = byId.value;
      base = [];
      for (const id of search.value!.ids) {
        const m = map.get(id);
        if (m) base.push(m);
      }
    } else {
      base = live.value.slice();
    }
    const v = view.value;
    const tg = tag.value;
    const st = site.value;
    const shown = base.filter((m) => inView(m, v) && (tg === null || m.tags.includes(tg)) && (st === null || m.siteKey === st));
    return sortMetas(shown, sort.value);
  });

  const count = computed(() => visible.value.length);
  const counts = computed(() => viewCounts(live.value));
  const tags = computed(() => tagFacets(live.value));
  const sites = computed(() => siteFacets(live.value));
  const terms = computed(() => (searchActive.value ? search.value!.terms : []));
  const selectedShown = computed(() => visible.value.filter((m) => selection.value.has(m.id)).map((m) => m.id));
  const allShownSelected = computed(() => visible.value.length > 0 && selectedShown.value.length === visible.value.length);

  const emptyKind = computed<EmptyKind>(() => {
    if (status.value !== 'ready' || visible.value.length > 0) return null;
    if (searchActive.value) return 'search';
    if (live.value.length === 0 && complete.value) return 'library';
    return complete.value ? 'view' : null;
  });

  // ---- helpers ----

  function fail(e: unknown, what: string): void {
    console.warn(`[folio] library: ${what} failed`, e);
    error.value = deps.errorText(e);
  }

  function post(change: LibraryChange): void {
    if (!deps.postChanges) return;
    try {
      channel?.postMessage(change);
    } catch (e) {
      console.warn('[folio] library: posting a change failed', e);
    }
  }

  /** Puts fresh metas in place (or adds them) and drops `gone` ids. */
  function upsert(fresh: readonly ArticleMeta[], gone: readonly string[] = []): void {
    if (fresh.length === 0 && gone.length === 0) return;
    const updates = new Map(fresh.map((m) => [m.id, m]));
    const drop = new Set(gone);
    const next: ArticleMeta[] = [];
    for (const m of all.value) {
      if (drop.has(m.id)) continue;
      const u = updates.get(m.id);
      if (u) updates.delete(m.id);
      next.push(u ?? m);
    }
    all.value = [...updates.values(), ...next];
    if (drop.size && selection.value.size) {
      selection.value = new Set([...selection.value].filter((id) => !drop.has(id)));
    }
  }

  function patchLocal(ids: readonly string[], change: (m: ArticleMeta) => ArticleMeta): void {
    const wanted = new Set(ids);
    all.value = all.value.map((m) => (wanted.has(m.id) ? change(m) : m));
  }

  /** Above this many rows one listAll is cheaper than a getMeta each (a tag renamed on thousands). */
  const RELOAD_ALL_OVER = 200;

  /** Re-reads these rows from the repository (after a failed write, or a change posted elsewhere). */
  async function reload(ids: readonly string[]): Promise<void> {
    if (ids.length > RELOAD_ALL_OVER) return loadAll();
    const results = await Promise.all(ids.map((id) => repo.getMeta(id).then((m) => ({ id, m }))));
    upsert(results.flatMap((r) => (r.m ? [r.m] : [])), results.filter((r) => !r.m).map((r) => r.id));
  }

  async function write(ids: readonly string[], local: (m: ArticleMeta) => ArticleMeta, remote: () => Promise<unknown>, what: string): Promise<boolean> {
    if (ids.length === 0) return false;
    patchLocal(ids, local);
    try {
      await remote();
      error.value = null;
      post({ kind: 'updated', ids: [...ids] });
      return true;
    } catch (e) {
      fail(e, what);
      await reload(ids).catch((again: unknown) => console.warn('[folio] library: reload failed', again));
      return false;
    }
  }

  function applyPatch(m: ArticleMeta, patch: StatePatch): ArticleMeta {
    const next: ArticleMeta = { ...m, updatedAt: deps.now() };
    for (const key of ['readAt', 'archivedAt', 'favoritedAt', 'progress'] as const) {
      if (!(key in patch)) continue;
      const value = patch[key];
      if (value === null || value === undefined) delete next[key];
      else next[key] = value;
    }
    return next;
  }

  const titleOf = (id: string) => {
    const m = all.value.find((x) => x.id === id);
    return m ? m.title || m.url : '';
  };

  // ---- loading ----

  async function loadUsage(): Promise<void> {
    try {
      usage.value = await repo.usage();
    } catch (e) {
      console.warn('[folio] library: usage failed', e);
    }
  }

  /** Deletes that a closed library page left in its undo window. */
  async function commitOrphans(): Promise<void> {
    const ids = deps.intents.takeOrphans();
    if (ids.length === 0) return;
    try {
      await repo.deleteArticles(ids);
      post({ kind: 'deleted', ids });
    } catch (e) {
      fail(e, 'deleteArticles (left by a closed page)');
    }
  }

  /** First screen, then everything. */
  async function load(): Promise<void> {
    const serial = ++loadSerial;
    await commitOrphans();
    try {
      const recent = await repo.listRecent(FIRST_SCREEN);
      if (serial !== loadSerial) return;
      batch(() => {
        if (!complete.value) upsert(recent);
        status.value = 'ready';
      });
    } catch (e) {
      if (serial !== loadSerial) return;
      fail(e, 'listRecent');
      status.value = 'error';
      return;
    }
    await deps.afterPaint?.();
    if (serial !== loadSerial) return;
    void loadUsage();
    await loadAll(serial);
  }

  async function loadAll(serial = ++loadSerial): Promise<void> {
    try {
      const every = await repo.listAll();
      if (serial !== loadSerial) return;
      batch(() => {
        all.value = every;
        complete.value = true;
        status.value = 'ready';
      });
    } catch (e) {
      if (serial !== loadSerial) return;
      fail(e, 'listAll');
      if (all.value.length === 0) status.value = 'error';
    }
  }

  /** When the tab comes back: everything again, the search again, the storage figure again. */
  async function refresh(): Promise<void> {
    if (status.value === 'error' && all.value.length === 0) {
      status.value = 'loading';
      error.value = null;
      return load();
    }
    // A library tab closed meanwhile may have left a delete in its undo window.
    await commitOrphans();
    await Promise.all([loadAll(), loadUsage(), searchActive.value ? runSearch() : Promise.resolve()]);
  }

  // ---- search ----

  async function runSearch(): Promise<void> {
    const q = query.value.trim();
    const serial = ++searchSerial;
    if (q === '') {
      batch(() => {
        search.value = null;
        searching.value = false;
      });
      return;
    }
    searching.value = true;
    try {
      const result: SearchResult = await repo.search(q);
      if (serial !== searchSerial) return;
      batch(() => {
        search.value = { query: q, ids: result.hits.map((h) => h.id), terms: result.terms };
        searching.value = false;
      });
    } catch (e) {
      if (serial !== searchSerial) return;
      searching.value = false;
      fail(e, 'search');
    }
  }

  function setQuery(value: string): void {
    const wasEmpty = query.value.trim() === '';
    query.value = value;
    if (searchTimer !== null) deps.clearTimeout(searchTimer);
    searchTimer = null;
    if (value.trim() === '') {
      void runSearch();
      return;
    }
    if (wasEmpty) searchSort.value = 'relevance';
    searchTimer = deps.setTimeout(() => {
      searchTimer = null;
      void runSearch();
    }, SEARCH_DEBOUNCE_MS);
  }

  // ---- filters and sort ----

  function clearSelectionIfHidden(): void {
    if (selection.value.size === 0) return;
    const shown = new Set(visible.value.map((m) => m.id));
    const kept = [...selection.value].filter((id) => shown.has(id));
    if (kept.length !== selection.value.size) selection.value = new Set(kept);
  }

  function setView(next: LibraryView): void {
    view.value = next;
    clearSelectionIfHidden();
  }
  function setTag(next: string | null): void {
    tag.value = next;
    clearSelectionIfHidden();
  }
  function setSite(next: string | null): void {
    site.value = next;
    clearSelectionIfHidden();
  }
  function setSort(next: LibrarySort): void {
    if (searchActive.value) searchSort.value = next;
    else if (next !== 'relevance') browseSort.value = next;
  }

  // ---- selection ----

  function toggleSelected(id: string, on = !selection.value.has(id)): void {
    const next = new Set(selection.value);
    if (on) next.add(id);
    else next.delete(id);
    selection.value = next;
  }
  function selectAllShown(on = !allShownSelected.value): void {
    selection.value = on ? new Set(visible.value.map((m) => m.id)) : new Set();
  }
  function clearSelection(): void {
    if (selection.value.size) selection.value = new Set();
  }

  function say(text: string): void {
    notice.value = text;
  }

  // ---- state ----

  /** Writes damaged records back in their checked form (utils/library/repair.ts). */
  async function repair(ids: readonly string[]): Promise<void> {
    try {
      await repo.repair([...ids]);
      await reload(ids);
      notice.value = t('libraryRepaired');
    } catch (e) {
      fail(e, 'repair');
    }
  }

  async function setRead(ids: readonly string[], read: boolean): Promise<void> {
    const patch: StatePatch = { readAt: read ? deps.now() : null };
    const ok = await write(ids, (m) => applyPatch(m, patch), () => repo.updateState([...ids], patch), 'updateState');
    if (ok && ids.length > 1) say(t(read ? 'libraryMarkedReadMany' : 'libraryMarkedUnreadMany', ids.length));
  }

  async function setFavourite(id: string, on: boolean): Promise<void> {
    const patch: StatePatch = { favoritedAt: on ? deps.now() : null };
    await write([id], (m) => applyPatch(m, patch), () => repo.updateState([id], patch), 'updateState');
  }

  async function setArchived(ids: readonly string[], on: boolean): Promise<void> {
    const patch: StatePatch = { archivedAt: on ? deps.now() : null };
    const ok = await write(ids, (m) => applyPatch(m, patch), () => repo.updateState([...ids], patch), 'updateState');
    if (!ok) return;
    if (ids.length === 1) say(t(on ? 'libraryArchivedOne' : 'libraryUnarchivedOne', titleOf(ids[0]!)));
    else say(t(on ? 'libraryArchivedMany' : 'libraryUnarchivedMany', ids.length));
    clearSelectionIfHidden();
  }

  // ---- tags ----

  /** Adds a tag (as typed) to these articles; false when the name is empty. */
  async function addTag(ids: readonly string[], raw: string): Promise<boolean> {
    const name = normalizeTag(raw);
    if (!name || ids.length === 0) return false;
    // Reuse an existing tag's spelling: "News" typed where "news" exists is "news".
    const existing = tags.value.find((f) => f.key.toLowerCase() === name.toLowerCase())?.key ?? name;
    const targets = ids.filter((id) => !byId.value.get(id)?.tags.some((x) => x.toLowerCase() === existing.toLowerCase()));
    if (targets.length === 0) return true;
    const ok = await write(targets, (m) => ({ ...m, tags: withTag(m.tags, existing) }), () => repo.addTags(targets, [existing]), 'addTags');
    if (ok && ids.length > 1) say(t('libraryTaggedMany', existing, ids.length));
    return ok;
  }

  async function removeTag(ids: readonly string[], name: string): Promise<void> {
    const targets = ids.filter((id) => byId.value.get(id)?.tags.includes(name));
    await write(targets, (m) => ({ ...m, tags: m.tags.filter((x) => x !== name) }), () => repo.removeTags(targets, [name]), 'removeTags');
  }

  /** Renames a tag on every article (merging into an existing tag of that name). */
  async function renameTag(from: string, raw: string): Promise<boolean> {
    const to = normalizeTag(raw);
    if (!to) return false;
    if (to === from) return true;
    const ids = all.value.filter((m) => m.tags.includes(from)).map((m) => m.id);
    const ok = await write(ids, (m) => ({ ...m, tags: renamedTags(m.tags, from, to) }), () => repo.renameTag(from, to), 'renameTag');
    if (ok) {
      if (tag.value === from) tag.value = to;
      say(t('libraryTagRenamed', from, to));
    }
    return ok;
  }

  /** Takes a tag off every article that has it. */
  async function deleteTag(name: string): Promise<void> {
    const ids = all.value.filter((m) => m.tags.includes(name)).map((m) => m.id);
    const ok = await write(ids, (m) => ({ ...m, tags: m.tags.filter((x) => x !== name) }), () => repo.removeTags(ids, [name]), 'removeTags');
    if (ok) {
      if (tag.value === name) tag.value = null;
      say(t('libraryTagDeleted', name));
    }
  }

  // ---- delete with undo ----

  /** Hides these articles now; they are deleted when the undo window ends. */
  function remove(ids: readonly string[]): void {
    const known = ids.filter((id) => byId.value.has(id));
    if (known.length === 0) return;
    // One toast at a time: a new delete commits the one before.
    void commitPending();
    const message = known.length === 1 ? t('libraryDeletedOne', titleOf(known[0]!)) : t('libraryDeletedMany', known.length);
    deps.intents.save(known);
    batch(() => {
      pending.value = { ids: known, message, serial: ++deleteSerial };
      if (selection.value.size) selection.value = new Set([...selection.value].filter((id) => !known.includes(id)));
      if (focusedId.value && known.includes(focusedId.value)) focusedId.value = null;
    });
    undoTimer = deps.setTimeout(() => {
      undoTimer = null;
      void commitPending();
    }, UNDO_MS);
  }

  function undo(): void {
    if (undoTimer !== null) deps.clearTimeout(undoTimer);
    undoTimer = null;
    pending.value = null;
    deps.intents.clear();
  }

  /** Deletes what is pending now: the toast ran out, another delete came, or the page is going away. */
  async function commitPending(): Promise<void> {
    const p = pending.value;
    if (!p) return;
    if (undoTimer !== null) deps.clearTimeout(undoTimer);
    undoTimer = null;
    batch(() => {
      // Out of `all` before the toast goes, so the rows never flash back.
      upsert([], p.ids);
      pending.value = null;
    });
    try {
      await repo.deleteArticles(p.ids);
      // Only now: had the page died mid-delete, the next one would finish it.
      if (pending.value === null) deps.intents.clear();
      post({ kind: 'deleted', ids: p.ids });
      void loadUsage();
    } catch (e) {
      if (pending.value === null) deps.intents.clear();
      fail(e, 'deleteArticles');
      await reload(p.ids).catch(() => undefined);
    }
  }

  // ---- live updates ----

  /** Changes arriving together (an import, a burst of saves) are applied as one reload. */
  const CHANGE_BATCH_MS = 80;
  let changedIds = new Set<string>();
  let savedSince = false;
  let changeTimer: unknown = null;

  async function applyChanged(): Promise<void> {
    changeTimer = null;
    const ids = [...changedIds];
    const saved = savedSince;
    changedIds = new Set();
    savedSince = false;
    try {
      await reload(ids);
      if (searchActive.value) await runSearch();
      if (saved) await loadUsage();
    } catch (e) {
      console.warn('[folio] library: applying a change failed', e);
    }
  }

  function onChange(change: LibraryChange): Promise<void> {
    if (change.kind === 'deleted') {
      for (const id of change.ids) changedIds.delete(id);
      upsert([], change.ids);
      return Promise.resolve();
    }
    if (change.kind === 'saved') {
      changedIds.add(change.id);
      savedSince = true;
    } else if (change.kind === 'highlights') {
      // A highlight's note changes what search finds, not the row: the row reloads like an update.
      changedIds.add(change.articleId);
    } else {
      for (const id of change.ids) changedIds.add(id);
    }
    changeTimer ??= deps.setTimeout(() => void applyChanged(), CHANGE_BATCH_MS);
    return Promise.resolve();
  }

  function isChange(data: unknown): data is LibraryChange {
    if (!data || typeof data !== 'object') return false;
    const d = data as { kind?: unknown; id?: unknown; ids?: unknown };
    if (d.kind === 'saved') return typeof d.id === 'string';
    return (d.kind === 'updated' || d.kind === 'deleted') && Array.isArray(d.ids) && d.ids.every((x) => typeof x === 'string');
  }

  // ---- keyboard-independent focus logic ----

  /** Moves the roving focus `delta` rows (clamped); returns the row's id. */
  function moveFocus(delta: number): string | null {
    const rows = visible.value;
    if (rows.length === 0) return null;
    const at = focusedId.value ? rows.findIndex((m) => m.id === focusedId.value) : -1;
    const index = at === -1 ? (delta >= 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
    const id = rows[index]!.id;
    batch(() => {
      focusedId.value = id;
      focusRequest.value = { id, serial: ++focusSerial };
    });
    return id;
  }

  /** Escape: clears the search first, then the selection. True when it did something. */
  function escape(): boolean {
    if (query.value !== '') {
      setQuery('');
      return true;
    }
    if (selection.value.size) {
      clearSelection();
      return true;
    }
    return false;
  }

  /** The stored lead image of a row, or null (never throws: a thumbnail is not worth an error). */
  async function leadImage(meta: ArticleMeta): Promise<Blob | null> {
    if (!meta.leadImage) return null;
    try {
      return (await repo.getLeadAsset(meta))?.blob ?? null;
    } catch (e) {
      console.warn('[folio] library: lead image failed', e);
      return null;
    }
  }

  return {
    // state
    status, all, complete, error, notice, usage, blocked, query, search, searching, view, tag, site, sort,
    selection, focusedId, focusRequest, pending,
    // derived
    live, visible, count, counts, tags, sites, terms, searchActive, selectedShown, allShownSelected, emptyKind,
    /** The articles as the user sees them, by id (the highlights view titles its rows with them). */
    articlesById: byId as ReadonlySignal<ReadonlyMap<string, ArticleMeta>>,
    // actions
    /** Opens the channel and loads; later calls share the first load (the entry starts it before the first render). */
    start(): Promise<void> {
      if (!started) {
        started = true;
        channel = deps.openChannel(LIBRARY_CHANNEL);
        if (channel) {
          channel.onmessage = (event) => {
            if (isChange(event.data)) void onChange(event.data);
          };
        }
        firstLoad = load();
      }
      return firstLoad!;
    },
    load, refresh, setQuery, runSearch, setView, setTag, setSite, setSort,
    toggleSelected, selectAllShown, clearSelection,
    setRead, setFavourite, setArchived, repair,
    addTag, removeTag, renameTag, deleteTag,
    remove, undo, commitPending,
    /** The page is going away (pagehide): hand the pending delete to the next page, and try it now. */
    leave(): void {
      if (!pending.value) return;
      deps.intents.orphan();
      void commitPending();
    },
    moveFocus, escape, leadImage,
    /** The data layer says an upgrade waits for another tab (true) or went through (false: load again). */
    setBlocked(on: boolean): void {
      const was = blocked.value;
      blocked.value = on;
      if (was && !on) void refresh();
    },
    dismissError(): void {
      error.value = null;
    },
    /** Takes a change as if another context had posted it (applied with the next batch). */
    applyChange: onChange,
    dispose(): void {
      if (searchTimer !== null) deps.clearTimeout(searchTimer);
      searchTimer = null;
      if (changeTimer !== null) deps.clearTimeout(changeTimer);
      changeTimer = null;
      channel?.close();
      channel = null;
      // Unmounting is not leaving: the page calls commitPending on pagehide.
      if (undoTimer !== null) deps.clearTimeout(undoTimer);
      undoTimer = null;
    },
  };
}
