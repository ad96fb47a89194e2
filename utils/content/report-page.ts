/**
 * The always-on content script's main job: once the page is idle, decide whether
 * it is an article and tell the background; again after an SPA navigation. It
 * imports detection only (no Readability). For articles it adds what the popup
 * shows beside the title: the declared lead image and a cheap reading time.
 */
import { detectArticle } from '../article/detect';
import { rememberVerdict } from '../article/page-verdict';
import { sendMessage } from '../messaging';
import { canonicalUrl, leadImage, mainTextContainer, readingMinutes } from './main-text';

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
    rememberVerdict(location.href, detection.isArticle);
    // Only articles get the extras: a teaser page's image or length would mislead.
    const main = detection.isArticle ? mainTextContainer(document) : null;
    sendMessage('page.report', {
      url: location.href,
      isArticle: detection.isArticle,
      title: detection.title,
      siteName: detection.siteName,
      ...(detection.isArticle ? { leadImage: leadImage(document), canonicalUrl: canonicalUrl(document) } : {}),
      ...(main ? { readingTimeMinutes: readingMinutes(main.textContent ?? '') } : {}),
    }).catch(() => {
      // The extension was reloaded or updated under this page: nothing to report to.
    });
  });
}
