/**
 * Telling every open Folio page that the library changed. A BroadcastChannel
 * reaches all same-origin extension contexts (pages, the service worker or
 * event page) and no web page or content script, and needs no listener to be
 * present: a save with no library open posts into the void.
 */
import { LIBRARY_CHANNEL, type LibraryChange } from './types';

export function announce(change: LibraryChange): void {
  if (typeof BroadcastChannel === 'undefined') return;
  try {
    const channel = new BroadcastChannel(LIBRARY_CHANNEL);
    channel.postMessage(change);
    channel.close();
  } catch (error) {
    console.warn('[folio] could not announce a library change', error);
  }
}

/** Calls `listener` for every change another context announces; returns the unsubscribe. */
export function listen(listener: (change: LibraryChange) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(LIBRARY_CHANNEL);
  channel.onmessage = (event: MessageEvent<LibraryChange>) => listener(event.data);
  return () => channel.close();
}
