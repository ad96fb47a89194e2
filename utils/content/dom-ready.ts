/**
 * The always-on content script starts at `document_start` (see wxt.config.ts why): the page's
 * body is not parsed yet, so anything that reads the story waits for these.
 */
export function whenDomReady(doc: Document, callback: () => void): void {
  if (doc.readyState !== 'loading') callback();
  else doc.addEventListener('DOMContentLoaded', () => callback(), { once: true });
}

/** A page whose load event never comes (a stalled subresource) is treated as loaded this long after the wait starts. */
export const LOAD_WAIT_MS = 3000;

/**
 * After the page's load event, or `latestMs` after this call if the load never comes (a
 * stalled image or ad): work done before the load event would delay it, and a page's load
 * event is what sites and people wait on.
 */
export function whenLoaded(win: Window, latestMs: number, callback: () => void): void {
  if (win.document.readyState === 'complete') {
    callback();
    return;
  }
  // Whichever comes first takes the other away, so the callback runs once.
  const once = () => {
    clearTimeout(timer);
    win.removeEventListener('load', once);
    callback();
  };
  const timer = setTimeout(once, latestMs);
  win.addEventListener('load', once);
}
