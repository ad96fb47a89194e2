/**
 * Which URL names a saved article. A page's declared canonical (or og:url) is
 * its identity only when it is on the page's own site: a page on one site that
 * declares another site's canonical must not overwrite that site's saved
 * article, so then the page's own address is the identity.
 *
 * "Same site" is the registrable domain (public suffix list, via tldts):
 * m.example.co.uk and www.example.co.uk are one site, example.co.uk and
 * other.co.uk are not. Hosts without a registrable domain (IP literals,
 * localhost) must match exactly.
 */
import { getDomain } from 'tldts';
import { parseHttpUrl, urlKey } from '../url';

export function siteOf(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  const host = parsed.hostname.toLowerCase();
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

export function sameSite(a: string, b: string): boolean {
  const siteA = siteOf(a);
  return siteA !== null && siteA === siteOf(b);
}

/** The canonical URL Folio accepts for a page at `url`: the declared one when it is on the same site, else `url`. */
export function acceptedCanonical(url: string, declared: string | null | undefined): string {
  return declared && parseHttpUrl(declared) && sameSite(url, declared) ? declared : url;
}

/**
 * The keys under which an article at `url` (declaring `canonical`) may already be
 * saved, most specific first: the accepted canonical's key, then the address's.
 */
export function identityKeys(url: string, canonical: string | null | undefined): string[] {
  const own = urlKey(url);
  // Usually the accepted canonical is `url` itself: its key is computed once (an import computes keys per row).
  const accepted = acceptedCanonical(url, canonical);
  const keys = [accepted === url ? own : urlKey(accepted), own].filter((k): k is string => !!k);
  return [...new Set(keys)];
}
