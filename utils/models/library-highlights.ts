/**
 * The library's highlights view: every highlight across all saved articles,
 * newest first, searchable and filterable by colour. Reads the highlights
 * repository directly (the library is an extension page) and follows changes
 * other pages post on the library channel (a highlight made in the reader or
 * on a live page, an article deleted).
 *
 * Search goes through the library's own index (quotes and notes are part of
 * each article's entry: utils/highlights/search-text.ts), so it forgives the
 * same prefixes and typos as the article search. The index answers with
 * articles and the terms it matched; a highlight is shown when its article is
 * one of them and its quote, note or article title holds one of those terms
 * (a note word finds that highlight, not every highlight of its article).
 */
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Highlight, HighlightColor } from '../highlights/types';
import { HIGHLIGHT_COLORS } from '../highlights/types';
import type { ArticleMeta, LibraryChange, SearchResult } from '../library/types';
import { LIBRARY_CHANNEL } from '../library/types';
import type { ChannelLike } from './library';
import { markParts } from './library-marks';

export const HIGHLIGHTS_SEARCH_DEBOUNCE_MS = 150;
/** Rows rendered at first and added by each "Show more" (the view is not windowed). */
export const HIGHLIGHTS_PAGE = 200;
/** Changes arriving together (an import, a burst of highlights) reload once. */
const CHANGE_BATCH_MS = 80;

export interface HighlightsDeps {
  /** Every highlight, newest first (utils/db/highlights.ts listAllHighlights). */
  listAll(): Promise<Highlight[]>;
  search(query: string): Promise<SearchResult>;
  openChannel: (name: string) => ChannelLike | null;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  errorText: (error: unknown) => string;
}

export const browserHighlightsDeps = (
  listAll: HighlightsDeps['listAll'],
  search: HighlightsDeps['search'],
  errorText: HighlightsDeps['errorText'],
): HighlightsDeps => ({
  listAll,
  search,
  openChannel: (name) => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  errorText,
});

/** True when one of `terms` marks a word of `text` (the same rule that marks matches on screen). */
function holdsTerm(text: string, terms: readonly string[]): boolean {
  return text !== '' && markParts(text, terms).some((part) => part.mark);
}

/** Whether a highlight answers a search whose index matched `terms` in its article. */
export function highlightMatches(h: Pick<Highlight, 'selectors' | 'note'>, title: string, terms: readonly string[]): boolean {
  return holdsTerm(h.selectors.quote.exact, terms) || holdsTerm(h.note, terms) || holdsTerm(title, terms);
}

/** How many highlights of each colour. */
export function colorCounts(highlights: readonly Pick<Highlight, 'color'>[]): Record<HighlightColor, number> {
  const counts = Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, 0])) as Record<HighlightColor, number>;
  for (const h of highlights) counts[h.color]++;
  return counts;
}

export type HighlightsEmpty = 'none' | 'search' | 'color' | null;

export interface HighlightRow {
  highlight: Highlight;
  /** The article it belongs to (loaded by the library model). */
  article: ArticleMeta | undefined;
}

export type HighlightsModel = ReturnType<typeof createHighlightsModel>;

/**
 * `articles`: the library's articles by id as the user sees them (pending
 * deletes already gone), from the library model: a highlight of an article
 * being deleted leaves the view with it.
 */
export function createHighlightsModel(deps: HighlightsDeps, articles: ReadonlySignal<ReadonlyMap<string, ArticleMeta>>) {
  const open = signal(false);
  const status = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const all = signal<readonly Highlight[]>([]);
  const error = signal<string | null>(null);
  const query = signal('');
  const color = signal<HighlightColor | null>(null);
  const found = signal<{ query: string; ids: ReadonlySet<string>; terms: string[] } | null>(null);
  const searching = signal(false);
  const limit = signal(HIGHLIGHTS_PAGE);
  const focusedId = signal<string | null>(null);
  const focusRequest = signal<{ id: string; serial: number } | null>(null);

  let channel: ChannelLike | null = null;
  let searchTimer: unknown = null;
  let changeTimer: unknown = null;
  let loadSerial = 0;
  let searchSerial = 0;
  let focusSerial = 0;

  const searchActive = computed(() => found.value !== null && query.value.trim() !== '');
  const terms = computed(() => (searchActive.value ? found.value!.terms : []));

  /** Highlights of articles in the library (an article deleted elsewhere takes its own along). */
  const present = computed(() => {
    const map = articles.value;
    return all.value.filter((h) => map.has(h.articleId));
  });
  const counts = computed(() => colorCounts(present.value));

  const matching = computed(() => {
    let rows = present.value;
    const c = color.value;
    if (c) rows = rows.filter((h) => h.color === c);
    if (searchActive.value) {
      const { ids, terms: words } = found.value!;
      const map = articles.value;
      rows = rows.filter((h) => ids.has(h.articleId) && highlightMatches(h, map.get(h.articleId)?.title ?? '', words));
    }
    return rows;
  });

  const visible = computed<HighlightRow[]>(() => {
    const map = articles.value;
    return matching.value.slice(0, limit.value).map((highlight) => ({ highlight, article: map.get(highlight.articleId) }));
  });
  const count = computed(() => matching.value.length);
  const more = computed(() => matching.value.length > limit.value);

  const emptyKind = computed<HighlightsEmpty>(() => {
    if (status.value !== 'ready' || matching.value.length > 0) return null;
    if (present.value.length === 0) return 'none';
    return searchActive.value ? 'search' : 'color';
  });

  async function load(): Promise<void> {
    const serial = ++loadSerial;
    if (status.value !== 'ready') status.value = 'loading';
    try {
      const every = await deps.listAll();
      if (serial !== loadSerial) return;
      batch(() => {
        all.value = every;
        status.value = 'ready';
        error.value = null;
      });
    } catch (e) {
      if (serial !== loadSerial) return;
      console.warn('[folio] library: listing highlights failed', e);
      batch(() => {
        error.value = deps.errorText(e);
        if (all.value.length === 0) status.value = 'error';
      });
    }
  }

  async function runSearch(): Promise<void> {
    const q = query.value.trim();
    const serial = ++searchSerial;
    if (q === '') {
      batch(() => {
        found.value = null;
        searching.value = false;
      });
      return;
    }
    searching.value = true;
    try {
      const result = await deps.search(q);
      if (serial !== searchSerial) return;
      batch(() => {
        found.value = { query: q, ids: new Set(result.hits.map((hit) => hit.id)), terms: result.terms };
        searching.value = false;
      });
    } catch (e) {
      if (serial !== searchSerial) return;
      console.warn('[folio] library: searching highlights failed', e);
      batch(() => {
        searching.value = false;
        error.value = deps.errorText(e);
      });
    }
  }

  function setQuery(value: string): void {
    query.value = value;
    limit.value = HIGHLIGHTS_PAGE;
    if (searchTimer !== null) deps.clearTimeout(searchTimer);
    searchTimer = null;
    if (value.trim() === '') {
      void runSearch();
      return;
    }
    searchTimer = deps.setTimeout(() => {
      searchTimer = null;
      void runSearch();
    }, HIGHLIGHTS_SEARCH_DEBOUNCE_MS);
  }

  function onChange(change: LibraryChange): void {
    // Saves and state changes alter titles only (the library model has them); deletes the article
    // map already reflects. Highlights and deletes change what this list holds.
    if (change.kind !== 'highlights' && change.kind !== 'deleted') return;
    changeTimer ??= deps.setTimeout(() => {
      changeTimer = null;
      void load().then(() => (searchActive.value ? runSearch() : undefined));
    }, CHANGE_BATCH_MS);
  }

  function isChange(data: unknown): data is LibraryChange {
    if (!data || typeof data !== 'object') return false;
    const d = data as { kind?: unknown; articleId?: unknown; ids?: unknown };
    if (d.kind === 'highlights') return typeof d.articleId === 'string';
    return d.kind === 'deleted' && Array.isArray(d.ids);
  }

  /** Moves the keyboard focus `delta` rows through the shown highlights (clamped). */
  function moveFocus(delta: number): string | null {
    const rows = visible.value;
    if (rows.length === 0) return null;
    const at = focusedId.value ? rows.findIndex((r) => r.highlight.id === focusedId.value) : -1;
    const index = at === -1 ? (delta >= 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
    const id = rows[index]!.highlight.id;
    batch(() => {
      focusedId.value = id;
      focusRequest.value = { id, serial: ++focusSerial };
    });
    return id;
  }

  return {
    open, status, all, error, query, color, searching, focusedId, focusRequest,
    present, counts, visible, count, more, emptyKind, terms, searchActive,
    /** Shows (or leaves) the view; the first showing loads the highlights and starts following changes. */
    show(on: boolean): void {
      open.value = on;
      if (!on) return;
      if (!channel) {
        channel = deps.openChannel(LIBRARY_CHANNEL);
        if (channel) {
          channel.onmessage = (event) => {
            if (isChange(event.data)) onChange(event.data);
          };
        }
      }
      void load();
    },
    load, setQuery, runSearch,
    setColor(next: HighlightColor | null): void {
      batch(() => {
        color.value = next;
        limit.value = HIGHLIGHTS_PAGE;
      });
    },
    showMore(): void {
      limit.value += HIGHLIGHTS_PAGE;
    },
    moveFocus,
    /** Escape in the view's search: clears it; true when there was something to clear. */
    escape(): boolean {
      if (query.value === '') return false;
      setQuery('');
      return true;
    },
    applyChange: onChange,
    dispose(): void {
      if (searchTimer !== null) deps.clearTimeout(searchTimer);
      if (changeTimer !== null) deps.clearTimeout(changeTimer);
      searchTimer = changeTimer = null;
      channel?.close();
      channel = null;
    },
  };
}
