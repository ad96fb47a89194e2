/** The page side of utils/extract-in-tab.ts: runs inside the tab's isolated world. */
import type { RuleOutcome, SiteRule } from '../site-rules/types';
import { extractArticle, type ExtractionResult } from './extract';
import { knownArticle } from './page-verdict';

/** What the injected extractor hands back: the extraction, and what the site's rule did to it. */
export type InPageResult = ExtractionResult & { rule?: RuleOutcome };

/** Set by a preceding injection (utils/extract-in-tab.ts); this isolated world's globals, which the page cannot see. */
interface Handover {
  __folioForce?: boolean;
  __folioRule?: SiteRule;
}

export function extractInPage(): InPageResult {
  const scope = globalThis as Handover;
  // "Try anyway" and the site's rule are set by a preceding injection; consume
  // them so the next extraction in this tab starts from the default again.
  const force = scope.__folioForce === true;
  const rule = scope.__folioRule;
  delete scope.__folioForce;
  delete scope.__folioRule;
  let outcome: RuleOutcome | undefined;
  // Detection is skipped when forced, and when the content script already said "article" here.
  const result = extractArticle(document, location.href, {
    force: force || knownArticle(location.href),
    rule,
    onRule: (o) => (outcome = o),
    markBlocks: true,
  });
  return outcome ? { ...result, rule: outcome } : result;
}
