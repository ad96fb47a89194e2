/** The library page starts, pauses, resumes or cancels the download of imported links (utils/background/fetch-queue.ts). */
import { cancelWaiting } from '../db/fetch-queue';
import { fetchQueue } from '../background/fetch-queue-browser';
import { queuePaused } from '../library/queue-paused';
import { ok } from '../result';
import * as v from '../validate';
import { failureOf, handle } from './register';

export function registerFetchQueueHandlers(): void {
  handle('fetchQueue.control', 'extension-page', v.fetchQueueControl, async ({ action }) => {
    try {
      if (action === 'pause') await queuePaused.setValue(true);
      if (action === 'resume' || action === 'start') await queuePaused.setValue(false);
      if (action === 'cancel') {
        await cancelWaiting('Not downloaded: the download was cancelled', Date.now());
        await queuePaused.setValue(false);
      }
      // The pump runs on after this answer: the handler does not wait for downloads.
      if (action !== 'pause') void fetchQueue().start().catch((e: unknown) => console.warn('[folio] fetch queue', e));
      return ok({ paused: action === 'pause' });
    } catch (error) {
      return failureOf(error);
    }
  });
}
