/**
 * The fetch queue with the browser's pieces: alarms as its clock, the
 * existing fetch-and-extract path (utils/fetch-article.ts: safe-fetch, then
 * Chrome's offscreen document or Firefox's own DOM), saving with images, and
 * the paused flag in storage.local (it says nothing about what you read).
 *
 * Which addresses an imported link may reach: the link is one the user saved
 * themselves, so it is fetched as if opened from itself (its own address space
 * bounds it: a link to a machine on your network was saved from there), and a
 * public link that redirects into your network is refused as for any fetch.
 */
import { browser, type Browser } from 'wxt/browser';
import * as queueStore from '../db/fetch-queue';
import { queuePaused } from '../library/queue-paused';
import { ensureOffscreenDocument, fetchAndExtract } from '../fetch-article';
import { sendMessage } from '../messaging';
import { saveWithImages } from './save-article';
import { createFetchQueue, HEARTBEAT_MINUTES, QUEUE_ALARM, type FetchQueue } from './fetch-queue';

export const QUEUE_DUE_ALARM = `${QUEUE_ALARM}-due`;


async function anchorQuotes(content: string, url: string, quotes: string[]) {
  if (import.meta.env.FIREFOX) {
    const { anchorQuotes: inPage } = await import('../highlights/anchor-quotes');
    return inPage(content, url, quotes);
  }
  await ensureOffscreenDocument();
  return sendMessage('offscreen.anchorQuotes', { html: content, url, quotes });
}

let queue: FetchQueue | null = null;

/**
 * Whom an imported link is fetched on behalf of. An export file is anyone's
 * writing: its links are fetched as from the public web, so a hostile file
 * cannot make Folio request addresses on your own network (safe-fetch refuses
 * loopback and private ranges from a public initiator). Only the test build,
 * whose e2e serves the links from 127.0.0.1, lets a link reach its own space.
 */
const importInitiator = (url: string): string | undefined => (import.meta.env.FOLIO_TEST_HOOK ? url : undefined);

export function fetchQueue(): FetchQueue {
  queue ??= createFetchQueue({
    store: queueStore,
    fetchArticle: (url) => fetchAndExtract(url, importInitiator(url)),
    anchorQuotes,
    async save(extracted, intoId, anchors) {
      await saveWithImages(extracted, { intoId, anchors, origin: 'import' });
    },
    async schedule(wake) {
      if (wake === null) {
        await browser.alarms.clear(QUEUE_ALARM);
        await browser.alarms.clear(QUEUE_DUE_ALARM);
        return;
      }
      if (!(await browser.alarms.get(QUEUE_ALARM))) await browser.alarms.create(QUEUE_ALARM, { periodInMinutes: HEARTBEAT_MINUTES });
      if (wake.at !== null) await browser.alarms.create(QUEUE_DUE_ALARM, { when: wake.at });
    },
    isPaused: () => queuePaused.getValue(),
    now: () => Date.now(),
    pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  return queue;
}

/** Listeners, registered synchronously when the worker starts: an alarm or the browser's start must find them. */
export function registerFetchQueue(): void {
  browser.alarms.onAlarm.addListener((alarm: Browser.alarms.Alarm) => {
    if (alarm.name === QUEUE_ALARM || alarm.name === QUEUE_DUE_ALARM) void fetchQueue().pump().catch((e: unknown) => console.warn('[folio] fetch queue', e));
  });
  // Alarms do not always survive a browser restart: the queue in IndexedDB does, so look at it on start.
  browser.runtime.onStartup.addListener(() => void fetchQueue().pump().catch((e: unknown) => console.warn('[folio] fetch queue', e)));
}


