/** The page side of utils/extract-in-tab.ts: runs inside the tab's isolated world. */
import { extractArticle, type ExtractionResult } from './extract';
import { knownArticle } from './page-verdict';

export function extractInPage(): ExtractionResult {
  const scope = globalThis as { __folioForce?: boolean };
  // "Try anyway" sets this flag in a preceding injection; consume it so the next
  // extraction in this tab starts from the default again.
  const force = scope.__folioForce === true;
  delete scope.__folioForce;
  // Detection is skipped when forced, and when the content script already said "article" here.
  return extractArticle(document, location.href, { force: force || knownArticle(location.href) });
}
