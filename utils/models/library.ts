/**
 * The library page's state and actions: search as you type, newest first,
 * paging, and removal with undo.
 *
 * Removal is deferred: the item leaves the list at once, and `article.remove`
 * is sent only when the undo window ends. Closing the page during that window
 * therefore removes nothing, which is the safe way to fail.
 */
import { batch, computed, signal } from '@preact/signals';
import type { ArticleSummary } from '../article/types';
import { errorText, t } from '../i18n';
import { sendMessage } from '../messaging';

export const PAGE_SIZE = 50;
export const UNDO_MS = 6_000;
const SEARCH_DEBOUNCE_MS = 150;

export interface LibraryDeps {
  send: typeof sendMessage;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export const defaultLibraryDeps = (): LibraryDeps => ({
  send: sendMessage,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

export interface PendingRemoval {
  item: ArticleSummary;
  /** Bumped on every removal so the view can restart the toast's countdown. */
  serial: number;
}

export type LibraryModel = ReturnType<typeof createLibraryModel>;

export function createLibraryModel(deps: LibraryDeps = defaultLibraryDeps()) {
  const status = signal<'loading' | 'ready' | 'error'>('loading');
  const items = signal<ArticleSummary[]>([]);
  const total = signal(0);
  const query = signal('');
  /** The query the current items answer (the field may already hold a newer one). */
  const shownQuery = signal('');
  const loadingMore = signal(false);
  const error = signal<string | null>(null);
  const pending = signal<PendingRemoval | null>(null);

  let requestSerial = 0;
  let removalSerial = 0;
  let searchTimer: unknown = null;
  let undoTimer: unknown = null;

  const visible = computed(() => {
    const hiddenId = pending.value?.item.id;
    return hiddenId ? items.value.filter((i) => i.id !== hiddenId) : items.value;
  });
  const count = computed(() => {
    const p = pending.value;
    const hidden = p && items.value.some((i) => i.id === p.item.id) ? 1 : 0;
    return Math.max(0, total.value - hidden);
  });
  const hasMore = computed(() => items.value.length < total.value);

  async function fetchPage(before?: number) {
    return deps.send('article.list', { query: query.value.trim() || undefined, limit: PAGE_SIZE, before });
  }

  /** Loads the first page for the current query; answers to older queries are dropped. */
  async function refresh(): Promise<void> {
    const serial = ++requestSerial;
    const q = query.value;
    try {
      const result = await fetchPage();
      if (serial !== requestSerial) return;
      batch(() => {
        if (result.ok) {
          items.value = result.value.items;
          total.value = result.value.total;
          shownQuery.value = q.trim();
          status.value = 'ready';
          error.value = null;
        } else {
          error.value = errorText(result.code);
          if (status.value === 'loading') status.value = 'error';
        }
      });
    } catch (e) {
      if (serial !== requestSerial) return;
      console.warn('[folio] article.list failed', e);
      batch(() => {
        error.value = t('errorUnavailable');
        if (status.value === 'loading') status.value = 'error';
      });
    }
  }

  function setQuery(value: string): void {
    query.value = value;
    if (searchTimer !== null) deps.clearTimeout(searchTimer);
    searchTimer = deps.setTimeout(() => {
      searchTimer = null;
      void refresh();
    }, SEARCH_DEBOUNCE_MS);
  }

  async function loadMore(): Promise<void> {
    const last = items.value[items.value.length - 1];
    if (!last || loadingMore.value || !hasMore.value) return;
    loadingMore.value = true;
    const serial = requestSerial;
    try {
      const result = await fetchPage(last.savedAt);
      if (serial !== requestSerial) return;
      if (result.ok) {
        const known = new Set(items.value.map((i) => i.id));
        batch(() => {
          items.value = [...items.value, ...result.value.items.filter((i) => !known.has(i.id))];
          total.value = result.value.total;
        });
      } else {
        error.value = errorText(result.code);
      }
    } catch (e) {
      console.warn('[folio] article.list (more) failed', e);
      error.value = t('errorUnavailable');
    } finally {
      loadingMore.value = false;
    }
  }

  /** Hides `item` now; it is really removed when the undo window ends. */
  function remove(item: ArticleSummary): void {
    // One toast at a time: a second removal confirms the first.
    void commitPending();
    pending.value = { item, serial: ++removalSerial };
    undoTimer = deps.setTimeout(() => {
      undoTimer = null;
      void commitPending();
    }, UNDO_MS);
  }

  function undo(): void {
    if (undoTimer !== null) deps.clearTimeout(undoTimer);
    undoTimer = null;
    pending.value = null;
  }

  async function commitPending(): Promise<void> {
    const p = pending.value;
    if (!p) return;
    if (undoTimer !== null) deps.clearTimeout(undoTimer);
    undoTimer = null;
    pending.value = null;
    // Keep it hidden while the request runs, so it does not flash back.
    const before = items.value;
    batch(() => {
      items.value = before.filter((i) => i.id !== p.item.id);
      total.value = Math.max(0, total.value - 1);
    });
    try {
      const result = await deps.send('article.remove', { id: p.item.id });
      if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
    } catch (e) {
      console.warn('[folio] article.remove failed', e);
      error.value = errorText('storage');
      void refresh();
    }
  }

  return {
    status,
    items,
    visible,
    total,
    count,
    hasMore,
    query,
    shownQuery,
    loadingMore,
    error,
    pending,
    refresh,
    setQuery,
    loadMore,
    remove,
    undo,
    /** Confirms the pending removal now (the toast's own close button). */
    confirmRemoval: commitPending,
    dispose(): void {
      if (searchTimer !== null) deps.clearTimeout(searchTimer);
      // Deliberately not committing: leaving the page during the undo window removes nothing.
      if (undoTimer !== null) deps.clearTimeout(undoTimer);
    },
  };
}
