/**
 * "Downloading 12 of 300" for the library page: the background queue's
 * progress read from IndexedDB (the page may read the library's stores), again
 * whenever the library changes; pause / resume / cancel go to the background,
 * which owns the downloads.
 */
import { signal } from '@preact/signals';
import type { QueueProgress } from '../db/fetch-queue';

export interface FetchProgressDeps {
  progress(): Promise<QueueProgress | null>;
  paused(): Promise<boolean>;
  control(action: 'pause' | 'resume' | 'cancel'): Promise<void>;
}

export function createFetchProgressModel(deps: FetchProgressDeps) {
  const progress = signal<QueueProgress | null>(null);
  const paused = signal(false);
  let reading: Promise<void> | null = null;
  let again = false;

  async function read(): Promise<void> {
    do {
      again = false;
      try {
        const [p, stopped] = await Promise.all([deps.progress(), deps.paused()]);
        progress.value = p;
        paused.value = stopped;
      } catch (e) {
        console.warn('[folio] library: reading download progress failed', e);
      }
    } while (again);
  }

  return {
    progress, paused,
    /** Re-reads the figures; calls while a read runs fold into one more read. */
    refresh(): Promise<void> {
      if (reading) {
        again = true;
        return reading;
      }
      reading = read().finally(() => {
        reading = null;
      });
      return reading;
    },
    async control(action: 'pause' | 'resume' | 'cancel'): Promise<void> {
      await deps.control(action);
      await this.refresh();
    },
  };
}

export type FetchProgressModel = ReturnType<typeof createFetchProgressModel>;
