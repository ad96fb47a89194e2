/** Reports from the always-on content script. */
import { showArticleState } from '../action-state';
import { repaintSavedPage } from '../background/live-highlights';
import { takeToken, type RateLimit } from '../rate-limit';
import { serialiseTab, setReport } from '../tab-state';
import * as v from '../validate';
import { handle } from './register';

/**
 * A page reports once at idle and again after each single-page navigation: a
 * burst of SPA route changes stays far below this, a page looping on
 * pushState to flood the background does not.
 */
export const PAGE_REPORT_LIMIT: RateLimit = { limit: 20, windowMs: 10_000 };

/**
 * Why a report is refused, or null when it may be stored. It must come from the
 * tab's top frame showing its document now (not an iframe, a prerender or the
 * back/forward cache), and describe the page that sent it: `report.url` is the
 * sender's own URL (fragments aside), so a script cannot report for another page.
 */
export function reportRefusal(report: { url: string }, sender: v.SenderLike): string | null {
  if (!v.isActiveTopFrame(sender)) return 'not the active top frame';
  if (!sender.url || originOf(report.url) === null || originOf(report.url) !== originOf(sender.url)) return 'report.url is not on the sender’s origin';
  return null;
}

/**
 * Same origin, not same URL: `sender.url` is the document's URL when it loaded
 * and does not follow history.pushState (measured in Chromium and Firefox), so
 * a single-page site's route change would be refused. A page may pushState to
 * any URL of its own origin anyway, so the origin is exactly what it can claim.
 */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function registerPageHandlers(): void {
  handle('page.report', 'content-script', v.pageReport, async (report, sender) => {
    const tabId = sender.tab!.id!;
    const refusal = reportRefusal(report, sender);
    if (refusal) throw new Error(`page.report refused: ${refusal}`);
    // Over the limit: dropped quietly; the last accepted report stands.
    if (!(await takeToken('page.report', tabId, PAGE_REPORT_LIMIT))) return;
    await serialiseTab(tabId, async () => {
      await setReport(tabId, report);
      await showArticleState(tabId, report.isArticle, { keepOutcome: true });
    });
    // A saved article's page shows its highlights again (also after SPA routes and back/forward restores,
    // which report again). Not awaited by the page: a failure here is logged, the report stands.
    await repaintSavedPage(tabId, report).catch((error: unknown) => console.warn('[folio] repainting highlights failed', error));
  });
}
