/**
 * The reader page's state and actions. The page is addressed by its URL
 * (`?view=<id>` for a fresh extraction, `?article=<id>` for a saved one), so a
 * reload, a restored session or a bookmark shows the same article again.
 */
import { computed, signal } from '@preact/signals';
import { requestPersistentStorage } from '../library/persist';
import { errorText, libraryErrorText, t } from '../i18n';
import { sendMessage, type ReaderDocument, type ReaderSource } from '../messaging';
import { loadPosition, positionKey, savePosition } from '../reading-position';
import { isHttpUrl } from '../url';
import { createFontSizeModel } from './font-size';
import { createTypographyModel } from './typography';
import type { LocalImages } from '../library/offline-images';
import { loadSavedArticle, recordSavedProgress, type SavedReaderDocument } from './saved-article';

/** The reader's panels; at most one is open. */
export type ReaderPanel = 'text' | 'help' | 'highlights';

/** Scroll positions are written at most this often while the user scrolls (ms). */
const POSITION_SAVE_DELAY = 600;

export type ReaderStatus =
  | { kind: 'loading' }
  /** `images`: a saved article's local image copies (it then loads nothing from the network). */
  | { kind: 'ready'; doc: ReaderDocument; images?: LocalImages }
  | { kind: 'error'; message: string };

export interface ReaderDeps {
  send: typeof sendMessage;
  search: string;
  /** How many entries this tab's history has: more than one means the original page is behind us. */
  historyLength: () => number;
  back: () => void;
  assign: (url: string) => void;
  /** A saved article straight from the library's stores (with its images). */
  loadSaved: (id: string) => Promise<SavedReaderDocument | null>;
  recordProgress: (id: string, fraction: number) => Promise<void>;
}

export const defaultReaderDeps = (): ReaderDeps => ({
  send: sendMessage,
  search: window.location.search,
  historyLength: () => window.history.length,
  back: () => window.history.back(),
  assign: (url) => window.location.assign(url),
  loadSaved: (id) => loadSavedArticle(id),
  recordProgress: (id, fraction) => recordSavedProgress(id, fraction),
});

/** `?view=<id>` or `?article=<id>` → the source; ids are checked the way the background checks them. */
export function sourceFromSearch(search: string): ReaderSource | null {
  const params = new URLSearchParams(search);
  const valid = (id: string | null): id is string => id !== null && /^[A-Za-z0-9-]{1,64}$/.test(id);
  const view = params.get('view');
  if (valid(view)) return { kind: 'view', id: view };
  const article = params.get('article');
  if (valid(article)) return { kind: 'article', id: article };
  return null;
}

/**
 * Whether the lead image already appears in the article HTML, so the header
 * does not show it twice. Compared by file name: CDNs serve one image under
 * several sizes and query strings.
 */
export function leadImageInContent(content: string, leadImage: string | null): boolean {
  if (!leadImage) return true;
  let name: string;
  try {
    name = new URL(leadImage).pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return true;
  }
  // Too generic a name ("image.jpg", "1.png") would match unrelated images: show it.
  if (name.length < 6) return content.includes(leadImage);
  const stem = name.replace(/\.[a-z0-9]{2,5}$/i, '');
  return content.includes(name) || (stem.length >= 8 && content.includes(stem));
}

export type ReaderModel = ReturnType<typeof createReaderModel>;

export function createReaderModel(deps: ReaderDeps) {
  const source = sourceFromSearch(deps.search);
  const status = signal<ReaderStatus>({ kind: 'loading' });
  const savedId = signal<string | null>(null);
  const saving = signal(false);
  /** A failed action (saving); loading failures are the page's error state instead. */
  const error = signal<string | null>(null);
  const fontSize = createFontSizeModel();
  const typography = createTypographyModel();
  const panel = signal<ReaderPanel | null>(null);
  /** 0 … 1: how far down the page the reader is. */
  const progress = signal(0);

  const article = computed(() => (status.value.kind === 'ready' ? status.value.doc.article : null));
  const showLeadImage = computed(() => {
    const a = article.value;
    return !!a && !!a.leadImage && isHttpUrl(a.leadImage) && !leadImageInContent(a.content, a.leadImage);
  });
  /** Minutes of reading left at the current position (the article's estimate, scaled). */
  const minutesLeft = computed(() => {
    const total = article.value?.readingTimeMinutes ?? 0;
    return Math.max(0, Math.ceil(total * (1 - progress.value) - 0.05));
  });
  const positionId = computed(() => (article.value ? positionKey(article.value) : null));
  /** Back is possible when the original page is behind us in history, or we know its URL. */
  const canGoBack = computed(() => canUseHistory() || isHttpUrl(article.value?.url));

  function canUseHistory(): boolean {
    return source?.kind === 'view' && deps.historyLength() > 1;
  }

  let loading: Promise<void> | null = null;
  let release: (() => void) | null = null;

  /**
   * Loads the article and the settings once: the page entry starts this before
   * Preact renders anything, and the component's effect then joins the same load.
   */
  function load(): Promise<void> {
    loading ??= loadOnce();
    return loading;
  }

  async function loadOnce(): Promise<void> {
    // Settings load beside the article: the first paint already has the user's
    // size, face and theme, so the page is laid out once, not once per setting.
    const settings = Promise.all([fontSize.start(), typography.start()]);
    if (!source) {
      await settings;
      status.value = { kind: 'error', message: t('readerNotFound') };
      return;
    }
    if (source.kind === 'article') {
      try {
        const [saved] = await Promise.all([deps.loadSaved(source.id), settings]);
        if (saved) {
          release = saved.release;
          savedId.value = source.id;
          status.value = { kind: 'ready', doc: saved.doc, images: saved.images };
        } else {
          status.value = { kind: 'error', message: t('readerNotFound') };
        }
      } catch (e) {
        console.warn('[folio] could not open the saved article', e);
        status.value = { kind: 'error', message: libraryErrorText(e) };
      }
      return;
    }
    try {
      const [result] = await Promise.all([deps.send('reader.load', source), settings]);
      if (result.ok) {
        savedId.value = result.value.savedId;
        status.value = { kind: 'ready', doc: result.value };
      } else {
        status.value = { kind: 'error', message: result.code === 'not-found' ? t('readerNotFound') : errorText(result.code) };
      }
    } catch (e) {
      console.warn('[folio] reader.load failed', e);
      status.value = { kind: 'error', message: t('errorUnavailable') };
    }
  }

  let savingNow: Promise<string | null> | null = null;

  /** Saves the view shown; resolves to the library id (null when it failed: `error` says why). */
  function save(): Promise<string | null> {
    // "Saved" is a state, not a command: removing lives in the library, with undo.
    if (savedId.value) return Promise.resolve(savedId.value);
    if (!source || source.kind !== 'view') return Promise.resolve(null);
    // A highlight made while the Save button's save is running joins it.
    savingNow ??= saveOnce(source.id).finally(() => {
      savingNow = null;
    });
    return savingNow;
  }

  async function saveOnce(viewId: string): Promise<string | null> {
    saving.value = true;
    error.value = null;
    try {
      const result = await deps.send('article.saveView', { viewId });
      if (result.ok) {
        savedId.value = result.value.id;
        if (result.value.created) void requestPersistentStorage();
        return result.value.id;
      }
      error.value = errorText(result.code);
    } catch (e) {
      console.warn('[folio] article.saveView failed', e);
      error.value = t('errorUnavailable');
    } finally {
      saving.value = false;
    }
    return null;
  }

  let positionTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingFraction: number | null = null;

  function flushPosition(): void {
    if (positionTimer) clearTimeout(positionTimer);
    positionTimer = null;
    const key = positionId.value;
    if (key === null || pendingFraction === null) return;
    const fraction = pendingFraction;
    pendingFraction = null;
    savePosition(key, fraction).catch((e: unknown) => console.warn('[folio] could not save the reading position', e));
    const id = savedId.value;
    if (id) deps.recordProgress(id, fraction).catch((e: unknown) => console.warn('[folio] could not save reading progress', e));
  }

  /** The page is at `fraction`: show it, and (when the user scrolled) remember it, batched, for the next visit. */
  function scrolled(fraction: number, remember = true): void {
    progress.value = Math.min(1, Math.max(0, fraction));
    if (!remember) return;
    pendingFraction = progress.value;
    positionTimer ??= setTimeout(flushPosition, POSITION_SAVE_DELAY);
  }

  /** Where this article was left last time (a fraction), or null to start at the top. */
  async function savedPosition(): Promise<number | null> {
    const key = positionId.value;
    return key === null ? null : loadPosition(key);
  }

  /**
   * The article shown changed under the reader ("Remove parts" stored it
   * without some blocks): the page shows the new content and the site's fix
   * note as the background now has them.
   */
  function showFixed(change: Pick<ReaderDocument['article'], 'content' | 'wordCount' | 'readingTimeMinutes'>, fix: ReaderDocument['fix']): void {
    const current = status.value;
    if (current.kind !== 'ready') return;
    status.value = { ...current, doc: { ...current.doc, article: { ...current.doc.article, ...change }, fix } };
  }

  function togglePanel(which: ReaderPanel): void {
    panel.value = panel.value === which ? null : which;
  }

  function backToOriginal(): void {
    if (canUseHistory()) {
      deps.back();
      return;
    }
    const url = article.value?.url;
    if (isHttpUrl(url)) deps.assign(url);
    else if (deps.historyLength() > 1) deps.back();
  }

  return {
    source,
    status,
    article,
    savedId,
    saving,
    error,
    showLeadImage,
    canGoBack,
    fontSize,
    typography,
    panel,
    progress,
    minutesLeft,
    load,
    save,
    backToOriginal,
    scrolled,
    flushPosition,
    savedPosition,
    showFixed,
    togglePanel,
    dispose(): void {
      flushPosition();
      release?.();
      fontSize.dispose();
      typography.dispose();
    },
  };
}
