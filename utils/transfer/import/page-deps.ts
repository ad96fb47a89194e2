/**
 * The import's dependencies as the library page has them: the file read and
 * parsed in the page, the library's repositories written directly (no JSON
 * round trips through messages for bulk data), and one message to the
 * background, which owns the downloads that must outlive the page.
 */
import { importFinished, savedKeys, writeImportBatch } from '../../db/imports';
import { queueProgress } from '../../db/fetch-queue';
import { libraryErrorText } from '../../i18n';
import { queuePaused } from '../../library/queue-paused';
import { LIBRARY_CHANNEL } from '../../library/types';
import { sendMessage } from '../../messaging';
import type { FetchProgressDeps } from '../../models/fetch-progress';
import type { ImportDeps } from '../../models/library-import';
import { isQuotaError } from '../../result';
import { ImportFileError } from '../import-error';
import { applyPlan } from './apply';
import { prepareContent } from './content';
import { planImport } from './plan';
import { readImportFile } from './read-file';

function importErrorText(error: unknown): string {
  if (error instanceof ImportFileError) return error.message;
  if (isQuotaError(error)) return libraryErrorText(error);
  return error instanceof Error && error.message ? error.message : libraryErrorText(error);
}

export const browserImportDeps = (): ImportDeps => ({
  readFile: (file) => readImportFile(file),
  plan: async (parsed) => planImport(parsed, await savedKeys()),
  async apply(plan, hooks) {
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
