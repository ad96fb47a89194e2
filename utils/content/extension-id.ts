/**
 * The always-on content script's sender check: did this message come from Folio itself?
 *
 * Read from `chrome.runtime` rather than through `wxt/browser`: that import is
 * webextension-polyfill, which in Chrome builds its wrapped API when it loads,
 * on the main thread of every page opened (about 10 ms of script time per page
 * load, measured with and without it). Both browsers give content scripts
 * `chrome.runtime.id`; nothing else of the API is needed here (messaging goes
 * through @webext-core/messaging, which uses `chrome` directly).
 * tests/e2e/content-script-build.e2e.test.ts keeps the polyfill out.
 */
interface ChromeRuntimeGlobal {
  chrome?: { runtime?: { id?: string } };
}

export function fromThisExtension(sender: { id?: string }): boolean {
  const id = (globalThis as ChromeRuntimeGlobal).chrome?.runtime?.id;
  return id !== undefined && sender.id === id;
}
