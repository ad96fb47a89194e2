/**
 * Whether the user paused the download of imported links. In storage.local so
 * it survives restarts; it says nothing about what anyone reads.
 */
import { storage } from 'wxt/utils/storage';

export const queuePaused = storage.defineItem<boolean>('local:fetchQueue.paused', { fallback: false });
