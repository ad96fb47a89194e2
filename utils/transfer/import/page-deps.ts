/**
 * The import's dependencies as the library page has them: the file read and
 * parsed in the page, the library's repositories written directly (no JSON
 * round trips through messages for bulk data), and one message to the
 * background, which owns the downloads that must outlive the page.
 *
 * The parsers, zip reading and the write path load when a file is chosen, not
 * with the library page: they are most of its code and most visits never import.
 * A Folio backup takes its own path through the same dialog: planned by id and
 * identity key, restored whole article by article (apply-backup.ts).
 */
import { queueProgress } from '../../db/fetch-queue';
import { libraryErrorText } from '../../i18n';
import { queuePaused } from '../../library/queue-paused';
import { LIBRARY_CHANNEL } from '../../library/types';
import { sendMessage } from '../../messaging';
import type { FetchProgressDeps } from '../../models/fetch-progress';
import type { ImportDeps, ImportHooks } from '../../models/library-import';
import { isQuotaError } from '../../result';
import { ImportFileError } from '../import-error';
import type { ImportPlan } from './plan';
import type { ImportReport } from './report';
import type { BackupSource } from './types';

function importErrorText(error: unknown): string {
  if (error instanceof ImportFileError) return error.message;
  if (isQuotaError(error)) return libraryErrorText(error);
  return error instanceof Error && error.message ? error.message : libraryErrorText(error);
}

/** A Folio backup, restored article by article from the file the preview verified. */
async function applyBackup(plan: ImportPlan, backup: BackupSource, hooks: ImportHooks): Promise<ImportReport> {
  const [{ applyBackupPlan }, { openBackup }, { restoreBundle }, { importFinished }, { readSiteRules, restoreSiteRules }] = await Promise.all([
    import('./apply-backup'),
    import('../backup/reader'),
    import('../../db/transfer'),
    import('../../db/imports'),
    import('../backup/site-rules'),
  ]);
  const reader = await openBackup(backup.file);
  // The site fixes are checked before the first article is written: a bad entry refuses the file whole.
  const rules = await readSiteRules(backup.file);
  // Quiet restores and one change posted at the end, as for the other formats.
  const ids: string[] = [];
  try {
    return await applyBackupPlan(plan, {
      readItem: (ref) => reader.read(ref),
      async restore(bundle) {
        const outcome = await restoreBundle(bundle, { quiet: true });
        if (outcome === 'restored') ids.push(bundle.meta.id);
        return outcome;
      },
      errorText: importErrorText,
      ...hooks,
    }).then(async (report) => {
      // After the articles, as restoreBackup does: the newer rule per site wins.
      if (rules.length && !report.cancelled) await restoreSiteRules(rules);
      return report;
    });
  } finally {
    importFinished(ids);
  }
}

export const browserImportDeps = (): ImportDeps => ({
  readFile: async (file, onProgress) => (await import('./read-file')).readImportFile(file, undefined, onProgress),
  async plan(parsed) {
    const [{ planBackup, planImport }, { savedKeys }] = await Promise.all([import('./plan'), import('../../db/imports')]);
    const saved = await savedKeys();
    return parsed.backup ? planBackup(parsed, saved) : planImport(parsed, saved);
  },
  async apply(plan, hooks) {
    if (plan.parsed.backup) return applyBackup(plan, plan.parsed.backup, hooks);
    const [{ applyPlan }, { prepareContent }, { importFinished, writeImportBatch }] = await Promise.all([
      import('./apply'),
      import('./content'),
      import('../../db/imports'),
    ]);
    // One change posted at the end, not one per batch: each post makes every open library page re-read its rows.
    const ids: string[] = [];
    try {
      return await applyPlan(plan, {
        writeBatch: async (writes) => {
          const outcomes = await writeImportBatch(writes, { quiet: true });
          for (const o of outcomes) if (o.status !== 'skipped') ids.push(o.id);
          return outcomes;
        },
        prepareContent,
        errorText: importErrorText,
        ...hooks,
      });
    } finally {
      importFinished(ids);
    }
  },
  async startDownloads() {
    const result = await sendMessage('fetchQueue.control', { action: 'start' });
    if (!result.ok) throw new Error(result.detail);
  },
  errorText: importErrorText,
});

export const browserFetchProgressDeps = (): FetchProgressDeps => ({
  progress: queueProgress,
  paused: () => queuePaused.getValue(),
  async control(action) {
    const result = await sendMessage('fetchQueue.control', { action });
    if (!result.ok) throw new Error(result.detail);
  },
});

/** Calls `listener` whenever the library changes (the queue's progress moves with it). */
export function onLibraryChange(listener: () => void): () => void {
  if (typeof BroadcastChannel !== 'function') return () => {};
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
