/**
 * The export dialog's state: format and scope, then a running export with
 * progress and Cancel, then the result (or the error). The export itself runs
 * in the library page over IndexedDB (utils/transfer/export/formats.ts) and the
 * file is handed to the browser by the page (a Blob and a download link): no
 * `downloads` permission, no bulk data through messages.
 */
import { batch, computed, effect, signal } from '@preact/signals';
import { ExportCancelledError } from '../transfer/bundle';
import type { ExportFormat } from '../transfer/export/format-list';
import type { ExportOutput } from '../transfer/export/formats';
import type { ExportOptions } from '../transfer/source';

export type ExportScope = 'all' | 'shown' | 'selected';

export interface ExportDeps {
  run(format: ExportFormat, ids: readonly string[], options: ExportOptions): Promise<ExportOutput>;
  /** Hands the file to the browser's downloads. */
  download(blob: Blob, fileName: string): void;
  errorText(error: unknown): string;
  /** Which articles each scope means right now, in the order the library shows them. */
  ids(scope: ExportScope): readonly string[];
  /**
   * Resolves once `ids` is over the whole library: the page lists its first
   * screen before every row's metadata has arrived, and "Export everything"
   * pressed in that moment must not export only the first screen.
   */
  ready?(): Promise<void>;
}

export type ExportPhase = 'closed' | 'choose' | 'running' | 'done';

export type ExportModel = ReturnType<typeof createExportModel>;

export function createExportModel(deps: ExportDeps) {
  const phase = signal<ExportPhase>('closed');
  const format = signal<ExportFormat>('backup');
  const scope = signal<ExportScope>('all');
  const progress = signal<{ done: number; total: number }>({ done: 0, total: 0 });
  const error = signal<string | null>(null);
  /** Said once after a cancelled export ("Export cancelled."). */
  const cancelled = signal(false);
  const result = signal<Pick<ExportOutput, 'fileName' | 'articles' | 'withoutBody'> | null>(null);
  let controller: AbortController | null = null;
  let starting = false;

  const fraction = computed(() => (progress.value.total ? progress.value.done / progress.value.total : 0));

  async function start(): Promise<void> {
    if (phase.value === 'running' || starting) return;
    if (deps.ready) {
      starting = true;
      try {
        await deps.ready();
      } finally {
        starting = false;
      }
    }
    const ids = deps.ids(scope.value);
    if (ids.length === 0) {
      error.value = null;
      return;
    }
    controller = new AbortController();
    const mine = controller;
    batch(() => {
      phase.value = 'running';
      error.value = null;
      cancelled.value = false;
      result.value = null;
      progress.value = { done: 0, total: ids.length };
    });
    try {
      const out = await deps.run(format.value, ids, {
        signal: mine.signal,
        onProgress: (done, total) => {
          progress.value = { done, total };
        },
      });
      if (mine.signal.aborted) throw new ExportCancelledError();
      deps.download(out.blob, out.fileName);
      batch(() => {
        result.value = { fileName: out.fileName, articles: out.articles, withoutBody: out.withoutBody };
        phase.value = 'done';
      });
    } catch (e) {
      batch(() => {
        if (e instanceof ExportCancelledError) cancelled.value = true;
        else {
          console.warn('[folio] export failed', e);
          error.value = deps.errorText(e);
        }
        phase.value = 'choose';
      });
    } finally {
      if (controller === mine) controller = null;
    }
  }

  return {
    phase, format, scope, progress, fraction, error, cancelled, result,
    /** Opens the dialog; with a selection, the selection is the natural scope. */
    open(hasSelection: boolean): void {
      batch(() => {
        scope.value = hasSelection ? 'selected' : scope.value === 'selected' ? 'all' : scope.value;
        error.value = null;
        cancelled.value = false;
        result.value = null;
        phase.value = 'choose';
      });
    },
    setFormat(value: ExportFormat): void {
      format.value = value;
    },
    setScope(value: ExportScope): void {
      scope.value = value;
    },
    start,
    cancel(): void {
      controller?.abort();
    },
    /** Closes the dialog; a running export is cancelled first. */
    close(): void {
      controller?.abort();
      phase.value = 'closed';
    },
    count(value: ExportScope): number {
      return deps.ids(value).length;
    },
  };
}

/** The library model's articles for each scope: everything (newest first), what the list shows, or the selection. */
export function libraryScopeIds(
  library: { live: { value: readonly { id: string; savedAt: number }[] }; visible: { value: readonly { id: string }[] }; selectedShown: { value: readonly string[] } },
  scope: ExportScope,
): readonly string[] {
  if (scope === 'selected') return library.selectedShown.value;
  if (scope === 'shown') return library.visible.value.map((m) => m.id);
  return [...library.live.value].sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : 1)).map((m) => m.id);
}

/** Resolves once the library model has every row (or gave up trying: its error is shown). */
export function whenLoaded(library: { complete: { value: boolean }; error: { value: unknown } }): Promise<void> {
  return new Promise((resolve) => {
    const dispose = effect(() => {
      if (library.complete.value || library.error.value) {
        resolve();
        // Disposing inside the effect's own run is not allowed: after it.
        queueMicrotask(() => dispose());
      }
    });
  });
}
