/**
 * The always-on content script's main job: once the page has loaded and is idle, decide whether
 * it is an article and tell the background. It imports detection only (no
 * Readability). For articles it adds what the popup shows beside the title: the
 * declared lead image. The reading time is counted only when the popup asks
 * (answerReadingTime): counting the text on every page load cost more than
 * detecting it (2 ms on the sample article, 17 ms on a 1 MB page).
 *
 * The report follows the page (utils/content/page-watch.ts says when): a new URL
 * is detected afresh; the same URL is never detected twice, but its last report
 * is sent again when the page comes back from the back/forward cache, because
 * the background forgot it when the tab navigated away (tabs-lifecycle.ts).
 */
import { detectArticle } from '../article/detect';
import { rememberVerdict } from '../article/page-verdict';
import { onMessage, sendMessage, type ProtocolMap } from '../messaging';
import { fromThisExtension } from './extension-id';
import { LOAD_WAIT_MS, whenDomReady, whenLoaded } from './dom-ready';
import { canonicalUrl, leadImage, mainTextContainer, readingMinutesOf } from './main-text';

/** What this script sends (the schema's input; the background stores the validated output). */
type PageReport = Parameters<ProtocolMap['page.report']>[0];

/** Let the page finish its own work first; give up waiting after this long. */
const IDLE_TIMEOUT_MS = 2000;

/** After the page's load event (or LOAD_WAIT_MS after the DOM is parsed), when it next has nothing to do. */
function whenIdle(callback: () => void): void {
  whenDomReady(document, () =>
    whenLoaded(window, LOAD_WAIT_MS, () => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
      else setTimeout(callback, 200);
    }),
  );
}

/** The last report sent from this page, for the URL it describes. */
let last: PageReport | null = null;

function send(report: PageReport): void {
  sendMessage('page.report', report).catch(() => {
    // The extension was reloaded or updated under this page: nothing to report to.
  });
}

function isReportable(): boolean {
  return /^https?:$/.test(location.protocol) && document instanceof HTMLDocument;
}

/** Detects the page at its current URL and reports it, unless that URL was reported already. */
export function reportPage(): void {
  if (!isReportable()) return;
  whenIdle(() => {
    const url = location.href;
    if (last?.url === url) return;
    const detection = detectArticle(document);
    rememberVerdict(url, detection.isArticle);
    // Only articles get the extras: a teaser page's image would mislead.
    last = {
      url,
      isArticle: detection.isArticle,
      title: detection.title,
      siteName: detection.siteName,
      ...(detection.isArticle ? { leadImage: leadImage(document), canonicalUrl: canonicalUrl(document) } : {}),
    };
    send(last);
  });
}

/** The page came back unchanged (back/forward cache): send its report again without detecting again. */
export function reportAgain(): void {
  if (!isReportable()) return;
  if (last?.url === location.href) send(last);
  else reportPage();
}

/** Answers the popup's "how long a read?" (through the background) for the page as it is now. */
export function answerReadingTime(): void {
  onMessage('page.readingTime', ({ sender }) => {
    if (!fromThisExtension(sender)) return null;
    const main = mainTextContainer(document);
    return main ? readingMinutesOf(main) : null;
  });
}
