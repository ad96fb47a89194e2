/**
 * The reader's highlights: what is painted, what the "Highlights" panel lists,
 * the popover on one highlight, and Undo after a removal.
 *
 * The reader is an extension page, so it reads and writes the highlights store
 * directly (utils/db/highlights.ts); every change is announced on the library
 * channel, and changes made elsewhere (another reader tab, the live page through
 * the background) arrive the same way and repaint. Painting uses the CSS Custom
 * Highlight API (utils/highlights/paint.ts): no element is added to the article.
 *
 * Everything a browser or the database provides is injected (ReaderHighlightsDeps),
 * so the logic is tested with fake-indexeddb and jsdom.
 */
import { computed, signal } from '@preact/signals';
import { contentHash } from '../library/content-hash';
import { EXTRACTOR_VERSION } from '../article/types';
import { getBody } from '../db/library-repository';
import {
  addHighlight, HighlightArticleMissingError, listHighlights, orphanHighlight, placeHighlight, removeHighlight,
  restoreHighlight, updateHighlight, type HighlightPatch, type NewHighlight,
} from '../db/highlights';
import { basisOf, describe } from '../highlights/anchor';
import { highlightsToMarkdown, type MarkdownArticle } from '../highlights/markdown';
import { byDocumentOrder } from '../highlights/order';
import { createPainter, type Painter } from '../highlights/paint';
import { restoreHighlights, type RestoreWrite } from '../highlights/restore';
import { indexText, offsetsToRange, TEXT_MODEL_VERSION, type TextIndex } from '../highlights/text-model';
import { HIGHLIGHT_COLORS, type AnchorBasis, type Highlight, type HighlightColor } from '../highlights/types';
import { libraryErrorText, t } from '../i18n';
import { listen } from '../library/channel';
import type { LibraryChange } from '../library/types';
import { lastHighlightColor } from '../settings';
import { createChoice, type Choice } from './typography';

/** How long "Highlight removed. Undo" stays (ms). */
export const UNDO_MS = 8000;

/** performance.measure names read by scripts/bench/highlights.ts. */
export const RESTORED_MEASURE = 'folio:highlights-restored';
/** The same, from the start of reading the store. */
export const LOADED_MEASURE = 'folio:highlights-loaded';
export const MADE_MEASURE = 'folio:highlight-made';

export interface HighlightStore {
  list(articleId: string): Promise<Highlight[]>;
  add(input: NewHighlight): Promise<Highlight>;
  update(id: string, patch: HighlightPatch): Promise<Highlight | undefined>;
  remove(id: string): Promise<Highlight | undefined>;
  restore(record: Highlight): Promise<boolean>;
  place(id: string, selectors: Highlight['selectors'], basis: AnchorBasis): Promise<Highlight | undefined>;
  orphan(id: string): Promise<Highlight | undefined>;
}

export interface ReaderHighlightsDeps {
  store: HighlightStore;
  painter: Painter;
  /** The saved article's id, or null while the article shown is not saved. */
  savedId: () => string | null;
  /** Saves the article shown (the reader's own Save) and returns its id; null when saving failed (the reader says why). */
  save: () => Promise<string | null>;
  /** The anchoring basis of `content` as shown, for the saved article `articleId`. */
  basisFor: (articleId: string, content: string) => Promise<AnchorBasis>;
  listen: (listener: (change: LibraryChange) => void) => () => void;
  /** The last colour picked (storage.sync, so every tab and `h` use it). */
  color: Choice<HighlightColor>;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** High-resolution clock and a measure, for the benchmark (performance.now / performance.measure). */
  now: () => number;
  measure: (name: string, start: number) => void;
}

/**
 * The basis of what the reader shows: the stored body's when the reader shows
 * exactly that body, else (a fresh extraction that differs from the saved copy)
 * the shown content's own, made by the current extractor.
 */
export async function shownBasis(articleId: string, content: string): Promise<AnchorBasis> {
  const hash = contentHash(content);
  const body = await getBody(articleId);
  if (body && body.contentHash === hash) return basisOf(body);
  return { contentHash: hash, extractorVersion: EXTRACTOR_VERSION, textModel: TEXT_MODEL_VERSION };
}

export function defaultHighlightDeps(reader: { savedId: () => string | null; save: () => Promise<string | null> }, doc: Document = document): ReaderHighlightsDeps {
  return {
    store: {
      list: listHighlights,
      add: (input) => addHighlight(input),
      update: (id, patch) => updateHighlight(id, patch),
      remove: removeHighlight,
      restore: restoreHighlight,
      place: (id, selectors, basis) => placeHighlight(id, selectors, basis),
      orphan: (id) => orphanHighlight(id),
    },
    painter: createPainter(doc),
    savedId: reader.savedId,
    save: reader.save,
    basisFor: shownBasis,
    listen,
    color: createChoice<HighlightColor>(lastHighlightColor, HIGHLIGHT_COLORS, 'yellow'),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => performance.now(),
    measure: (name, start) => {
      try {
        performance.measure(name, { start, end: performance.now() });
      } catch {
        // Measuring is for the benchmark only.
      }
    },
  };
}

/** One highlight as the reader shows it: placed on the page, or listed as not found. */
export interface ShownHighlight {
  record: Highlight;
  placed: boolean;
}

export type ReaderHighlights = ReturnType<typeof createReaderHighlights>;

export function createReaderHighlights(deps: ReaderHighlightsDeps) {
  const { painter, store } = deps;
  /** Placed highlights in document order, then orphans. */
  const items = signal<ShownHighlight[]>([]);
  const placed = computed(() => items.value.filter((h) => h.placed));
  const orphans = computed(() => items.value.filter((h) => !h.placed));
  /** The highlight whose popover is open (clicked, or reached from the panel). */
  const selected = signal<string | null>(null);
  /** The last removal, offered for Undo; `serial` restarts the toast for each one. */
  const removed = signal<{ record: Highlight; serial: number } | null>(null);
  const error = signal<string | null>(null);
  const lastColor = deps.color.value;

  let root: HTMLElement | null = null;
  let content = '';
  let index: TextIndex | null = null;
  let basis: { articleId: string; value: Promise<AnchorBasis> } | null = null;
  let generation = 0;
  let refreshing: Promise<void> | null = null;
  let again = false;
  let undoTimer: unknown = null;
  let serial = 0;
  let unlisten: (() => void) | null = null;

  function basisFor(articleId: string): Promise<AnchorBasis> {
    if (basis?.articleId !== articleId) basis = { articleId, value: deps.basisFor(articleId, content) };
    return basis.value;
  }

  function fail(e: unknown, what: string): void {
    console.warn(`[folio] ${what}`, e);
    error.value = e instanceof HighlightArticleMissingError ? t('highlightArticleGone') : libraryErrorText(e);
  }

  function setItems(next: ShownHighlight[]): void {
    const at = (h: ShownHighlight) => (h.placed ? 0 : 1);
    items.value = [...next].sort((a, b) => at(a) - at(b) || byDocumentOrder(a.record, b.record));
  }

  function replaceRecord(record: Highlight, isPlaced = true): void {
    const others = items.value.filter((h) => h.record.id !== record.id);
    setItems([...others, { record, placed: isPlaced }]);
  }

  async function applyWrites(writes: readonly RestoreWrite[]): Promise<void> {
    for (const w of writes) {
      try {
        if (w.kind === 'place') await store.place(w.id, w.selectors, w.basis);
        else await store.orphan(w.id);
      } catch (e) {
        console.warn('[folio] could not record where a highlight is', e);
      }
    }
  }

  /** Reads the article's highlights and places and paints every one of them (the whole body is mounted). */
  async function refreshOnce(): Promise<void> {
    const id = deps.savedId();
    const gen = ++generation;
    if (!id || !index) {
      painter.clear();
      items.value = [];
      return;
    }
    const loading = deps.now();
    const [records, shown] = await Promise.all([store.list(id), basisFor(id)]);
    if (gen !== generation || !index) return;
    const start = deps.now();
    const result = restoreHighlights(records, index, shown);
    painter.clear();
    for (const p of result.placed) painter.paint(p.record.id, p.range, p.record.color);
    deps.measure(RESTORED_MEASURE, start);
    deps.measure(LOADED_MEASURE, loading);
    const written = new Map(result.writes.filter((w) => w.kind === 'place').map((w) => [w.id, w]));
    setItems([
      ...result.placed.map((p) => {
        const w = written.get(p.record.id);
        const record = w?.kind === 'place' ? { ...p.record, selectors: w.selectors, basis: w.basis, orphaned: false } : p.record;
        return { record, placed: true };
      }),
      ...result.orphans.map((record) => ({ record, placed: false })),
    ]);
    if (selected.value && painter.has(selected.value)) painter.focus(selected.value);
    else selected.value = null;
    await applyWrites(result.writes);
  }

  /** One refresh at a time; changes announced meanwhile fold into one more. */
  function refresh(): Promise<void> {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        do {
          again = false;
          await refreshOnce();
        } while (again);
      } catch (e) {
        fail(e, 'could not load the highlights');
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  function onChange(change: LibraryChange): void {
    const id = deps.savedId();
    if (!id || !index) return;
    // Our own writes come back here too; repainting from the store is idempotent.
    if (change.kind === 'highlights' && change.articleId === id) void refresh();
    if (change.kind === 'saved' && change.id === id) void refresh();
  }

  /** The article body is mounted in full (both parts of a long article): index it and paint. */
  function attach(body: HTMLElement, shownContent: string): Promise<void> {
    root = body;
    content = shownContent;
    index = indexText(body);
    basis = null;
    unlisten ??= deps.listen(onChange);
    return refresh();
  }

  /**
   * Highlights `range` (a selection in the article body) in `color` (the last
   * colour by default), with an optional note. An article that is not saved is
   * saved first. Painted at once; stored right after. Null when the range holds
   * no article text or saving failed.
   */
  async function create(range: Range, options: { color?: HighlightColor; note?: string } = {}): Promise<Highlight | null> {
    error.value = null;
    const started = deps.now();
    if (!root || !index) return null;
    const selectors = describe(range, index);
    if (!selectors) return null;
    const color = options.color ?? lastColor.value;
    if (options.color) void deps.color.set(options.color).catch(() => undefined);
    const paintRange = offsetsToRange(selectors.position, index);
    if (!paintRange) return null;
    const tempId = `new-${++serial}`;
    supersedeRefresh();
    painter.paint(tempId, paintRange, color);
    deps.measure(MADE_MEASURE, started);
    try {
      let id = deps.savedId();
      if (!id) {
        id = await deps.save();
        if (!id) {
          painter.unpaint(tempId);
          if (selected.value === tempId) select(null);
          return null;
        }
      }
      const record = await store.add({ articleId: id, selectors, basis: await basisFor(id), color, note: options.note?.trim() ?? '' });
      painter.unpaint(tempId);
      painter.paint(record.id, paintRange, record.color);
      replaceRecord(record);
      // Clicked while it was being stored: the popover opens on the stored highlight.
      if (selected.value === tempId) select(record.id);
      return record;
    } catch (e) {
      painter.unpaint(tempId);
      if (selected.value === tempId) select(null);
      fail(e, 'could not store the highlight');
      return null;
    }
  }

  function find(id: string): ShownHighlight | undefined {
    return items.value.find((h) => h.record.id === id);
  }

  async function patch(id: string, change: HighlightPatch): Promise<void> {
    const item = find(id);
    if (!item) return;
    error.value = null;
    supersedeRefresh();
    const before = item.record;
    const optimistic = { ...before, ...change };
    replaceRecord(optimistic, item.placed);
    const range = painter.rangeOf(id);
    if (change.color && range) painter.paint(id, range, change.color);
    try {
      const saved = await store.update(id, change);
      if (saved) replaceRecord(saved, item.placed);
    } catch (e) {
      replaceRecord(before, item.placed);
      if (change.color && range) painter.paint(id, range, before.color);
      fail(e, 'could not change the highlight');
    }
  }

  function setColor(id: string, color: HighlightColor): Promise<void> {
    void deps.color.set(color).catch(() => undefined);
    return patch(id, { color });
  }

  function setNote(id: string, note: string): Promise<void> {
    return patch(id, { note: note.trim() });
  }

  /** A refresh that read the store before this change must not paint over it (the change's own announcement refreshes again). */
  function supersedeRefresh(): void {
    generation++;
  }

  async function remove(id: string): Promise<void> {
    const item = find(id);
    if (!item) return;
    error.value = null;
    supersedeRefresh();
    painter.unpaint(id);
    if (selected.value === id) selected.value = null;
    items.value = items.value.filter((h) => h.record.id !== id);
    try {
      const record = (await store.remove(id)) ?? item.record;
      if (undoTimer !== null) deps.clearTimeout(undoTimer);
      removed.value = { record, serial: ++serial };
      undoTimer = deps.setTimeout(() => {
        undoTimer = null;
        removed.value = null;
      }, UNDO_MS);
    } catch (e) {
      fail(e, 'could not remove the highlight');
      void refresh();
    }
  }

  /** Puts the last removed highlight back exactly as it was (same id, colour, note, dates). */
  async function undo(): Promise<void> {
    const last = removed.value;
    if (!last) return;
    if (undoTimer !== null) deps.clearTimeout(undoTimer);
    undoTimer = null;
    removed.value = null;
    try {
      if (!(await store.restore(last.record))) {
        error.value = t('highlightArticleGone');
        return;
      }
    } catch (e) {
      fail(e, 'could not restore the highlight');
      return;
    }
    await refresh();
  }

  function dismissUndo(): void {
    if (undoTimer !== null) deps.clearTimeout(undoTimer);
    undoTimer = null;
    removed.value = null;
  }

  /** Opens the popover on highlight `id` (null closes it) and marks it on the page. */
  function select(id: string | null): void {
    selected.value = id && painter.has(id) ? id : null;
    painter.focus(selected.value);
  }

  return {
    items,
    placed,
    orphans,
    selected,
    removed,
    error,
    lastColor,
    painter,
    start: () => deps.color.start(),
    attach,
    refresh,
    create,
    setColor,
    setNote,
    remove,
    undo,
    dismissUndo,
    select,
    /** The highlight painted at a viewport point (a click), or null. */
    at: (x: number, y: number) => painter.at(x, y),
    /** The painted range of a highlight, to position a popover or scroll to it. */
    rangeOf: (id: string) => painter.rangeOf(id),
    markdown: (article: MarkdownArticle) => highlightsToMarkdown(article, items.value.map((h) => h.record)),
    dispose(): void {
      unlisten?.();
      unlisten = null;
      if (undoTimer !== null) deps.clearTimeout(undoTimer);
      undoTimer = null;
      deps.color.dispose();
      painter.clear();
      generation++;
      root = null;
      index = null;
    },
  };
}
