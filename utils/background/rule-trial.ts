/**
 * A new site rule is tried on another article of the site before it is kept
 * (issue #14): the picker names the other articles the page links to
 * (utils/site-rules/other-pages.ts), the background fetches them as "Save link"
 * does (the user's cookies, no private addresses from a public page, size and
 * time caps) and checks that the rule's selector picks one story out there too.
 *
 * - `fits`: it did on a page of the site; the rule is kept.
 * - `misfits`: every page that could be read has no such block, or several; the
 *   rule would read the next article wrong, so the fix is for this page only.
 * - `untested`: no other article could be read (none linked, offline, refused);
 *   the rule is kept on the evidence of the page at hand, and the next page of
 *   the site tests it again (a rule that does not match there changes nothing).
 */
import { siteOf } from '../site-rules/apply';
import type { Result } from '../result';

export type Trial = 'fits' | 'misfits' | 'untested';

/** Pages tried at most: each is a request the user did not make, so few. */
export const MAX_TRIALS = 2;

export interface TrialDeps {
  /** Fetches a page: its HTML and the address it was read from after redirects. */
  fetchHtml(url: string, initiator: string): Promise<Result<{ html: string; url: string }>>;
  /** Whether `selector` picks one story out of the page. */
  fits(html: string, url: string, selector: string): Promise<boolean>;
}

export async function tryOnOtherPages(selector: string, others: readonly string[], pageUrl: string, deps: TrialDeps): Promise<Trial> {
  const site = siteOf(pageUrl);
  const candidates = others.filter((url) => siteOf(url) === site && url !== pageUrl).slice(0, MAX_TRIALS);
  let misfit = false;
  for (const url of candidates) {
    const fetched = await deps.fetchHtml(url, pageUrl);
    // A redirect off the site is not the site's template.
    if (!fetched.ok || siteOf(fetched.value.url) !== site) continue;
    let fits: boolean;
    try {
      fits = await deps.fits(fetched.value.html, fetched.value.url, selector);
    } catch (error) {
      console.warn('[folio] fix: trying the rule on another page failed', error);
      continue;
    }
    if (fits) return 'fits';
    misfit = true;
  }
  return misfit ? 'misfits' : 'untested';
}
