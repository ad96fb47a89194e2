/**
 * The always-on content script's whole job: once the page is idle, decide whether
 * it is an article and tell the background; again after an SPA navigation. It
 * imports detection only (no Readability) and does nothing else.
 */
import { detectArticle } from '../article/detect';
import { sendMessage } from '../messaging';

/** Let the page finish its own work first; give up waiting after this long. */
const IDLE_TIMEOUT_MS = 2000;

function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(callback, 200);
}

export function reportPage(): void {
  if (!/^https?:$/.test(location.protocol) || !(document instanceof HTMLDocument)) return;
  whenIdle(() => {
    const detection = detectArticle(document);
    sendMessage('page.report', {
      url: location.href,
      isArticle: detection.isArticle,
      title: detection.title,
      siteName: detection.siteName,
    }).catch(() => {
      // The extension was reloaded or updated under this page: nothing to report to.
    });
  });
}
