/**
 * The library page's import: choose a file → preview → "Import" (or Cancel) →
 * progress with Cancel → the report, downloadable. State in signals; the
 * reading, planning and writing are injected (utils/transfer/import/), so the
 * model is tested without a browser.
 */
import { batch, signal } from '@preact/signals';
import type { ApplyDeps } from '../transfer/import/apply';
import type { ImportPlan } from '../transfer/import/plan';
import type { ImportReport } from '../transfer/import/report';
import type { ParsedImport } from '../transfer/import/types';

export type ImportPhase = 'closed' | 'reading' | 'preview' | 'importing' | 'report' | 'error';

export type ImportHooks = Pick<ApplyDeps, 'onProgress' | 'signal'>;

export interface ImportDeps {
  /** `onProgress`: articles checked so far, for a file read article by article (a Folio backup). */
  readFile(file: File, onProgress?: (done: number, total: number) => void): Promise<ParsedImport>;
  plan(parsed: ParsedImport): Promise<ImportPlan>;
  apply(plan: ImportPlan, hooks: ImportHooks): Promise<ImportReport>;
  /** Asks the background to download the links the import queued. */
  startDownloads(): Promise<void>;
  /** The sentence for a refused file or a failure. */
  errorText(error: unknown): string;
}

export function createImportModel(deps: ImportDeps) {
  const phase = signal<ImportPhase>('closed');
  const fileName = signal('');
  const plan = signal<ImportPlan | null>(null);
  const progress = signal<{ done: number; total: number }>({ done: 0, total: 0 });
  /** While reading: how far the check of a backup is (total 0 for a file read in one go). */
  const readProgress = signal<{ done: number; total: number }>({ done: 0, total: 0 });
  const report = signal<ImportReport | null>(null);
  const error = signal<string | null>(null);
  let controller: AbortController | null = null;
  let serial = 0;

  async function choose(file: File): Promise<void> {
    const mine = ++serial;
    batch(() => {
      phase.value = 'reading';
      readProgress.value = { done: 0, total: 0 };
      fileName.value = file.name;
      plan.value = null;
      report.value = null;
      error.value = null;
    });
    try {
      const parsed = await deps.readFile(file, (done, total) => {
        // Closed or another file chosen meanwhile: stop reading this one (the throw ends the read, caught below).
        if (mine !== serial) throw new Error('import reading abandoned');
        readProgress.value = { done, total };
      });
      const planned = await deps.plan(parsed);
      if (mine !== serial) return;
      batch(() => {
        plan.value = planned;
        phase.value = 'preview';
      });
    } catch (e) {
      if (mine !== serial) return;
      batch(() => {
        error.value = deps.errorText(e);
        phase.value = 'error';
      });
    }
  }

  async function confirm(): Promise<void> {
    const current = plan.value;
    if (!current || phase.value !== 'preview') return;
    controller = new AbortController();
    batch(() => {
      phase.value = 'importing';
      progress.value = { done: 0, total: current.items.length };
    });
    try {
      const done = await deps.apply(current, {
        signal: controller.signal,
        onProgress: (d, total) => {
          progress.value = { done: d, total };
        },
      });
      batch(() => {
        report.value = done;
        phase.value = 'report';
      });
      if (done.queued > 0) await deps.startDownloads().catch((e: unknown) => console.warn('[folio] import: starting downloads failed', e));
    } catch (e) {
      batch(() => {
        error.value = deps.errorText(e);
        phase.value = 'error';
      });
    } finally {
      controller = null;
    }
  }

  return {
    phase, fileName, plan, progress, readProgress, report, error,
    choose, confirm,
    /** Cancel: in the preview nothing was written; while importing, stops after the current batch. */
    cancel(): void {
      if (phase.value === 'importing') {
        controller?.abort();
        return;
      }
      serial++;
      batch(() => {
        phase.value = 'closed';
        plan.value = null;
      });
    },
    close(): void {
      if (phase.value === 'importing') return;
      serial++;
      batch(() => {
        phase.value = 'closed';
        plan.value = null;
        report.value = null;
        error.value = null;
      });
    },
  };
}

export type ImportModel = ReturnType<typeof createImportModel>;
