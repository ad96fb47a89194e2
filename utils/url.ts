/**
 * URL identity and hygiene. An article is identified by its canonical URL with
 * tracking parameters removed, so the same story reached from a newsletter, a
 * social post or a search result is saved once and shared cleanly.
 */

/** Query parameters that only say where a click came from, never which page it is. */
const TRACKING_PARAM_NAMES = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'li_fat_id', 'igshid', 'igsh', 'mc_cid', 'mc_eid', 'mkt_tok', '_hsenc', '_hsmi', '__hssc', '__hstc',
  '__hsfp', 'hsctatracking', 'ref_src', 'ref_url', 'vero_id', 'vero_conv', 'oly_anon_id', 'oly_enc_id',
  'rb_clickid', 's_cid', 'wt_mc', 'at_medium', 'at_campaign', 'cmpid', 'ocid', 'sr_share', 'smid',
  'ito', 'xtor', 'ncid', 'guccounter', 'guce_referrer', 'guce_referrer_sig', 'spm', 'share_id',
]);
/** Prefixes of whole tracking families (utm_source, utm_medium, pk_campaign…). */
const TRACKING_PARAM_PREFIXES = ['utm_', 'pk_', 'mtm_', 'matomo_', 'hmb_', 'ga_', 'trk_'];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAM_NAMES.has(lower) || TRACKING_PARAM_PREFIXES.some((p) => lower.startsWith(p));
}

/** Parses `url` and returns it only when it is an absolute http(s) URL. */
export function parseHttpUrl(url: string | null | undefined, base?: string): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  try {
    const parsed = base ? new URL(url, base) : new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

export function isHttpUrl(url: string | null | undefined): url is string {
  return parseHttpUrl(url) !== null;
}

/** `url` parsed, without tracking parameters or fragment; null when it is not http(s). */
function parseClean(url: string): URL | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  // forEach, not a spread of keys(): in Firefox's injected scripts that iterator is not iterable.
  const names: string[] = [];
  parsed.searchParams.forEach((_value, name) => names.push(name));
  for (const name of names) {
    if (isTrackingParam(name)) parsed.searchParams.delete(name);
  }
  parsed.hash = '';
  // URLSearchParams leaves a bare "?" behind when every parameter went.
  if (parsed.search === '?') parsed.search = '';
  return parsed;
}

/** The URL without tracking parameters or fragment; null when it is not http(s). */
export function cleanUrl(url: string): string | null {
  return parseClean(url)?.href ?? null;
}

/**
 * The identity of an article: scheme-less, www-less, lower-cased host, clean and
 * sorted query. http/https and www/no-www variants of one story are one article.
 * One parse per call (not cleanUrl's string parsed again): an import of
 * thousands computes a key per row in its preview and again per write.
 */
export function urlKey(url: string): string | null {
  const parsed = parseClean(url);
  if (!parsed) return null;
  parsed.searchParams.sort();
  const host = parsed.hostname.replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname === '/' ? '' : parsed.pathname;
  return `${host}${port}${path}${parsed.search}`;
}

/** A human label for a URL's site: "theedgesingapore.com". */
export function siteLabel(url: string): string {
  const parsed = parseHttpUrl(url);
  return parsed ? parsed.hostname.replace(/^www\./, '') : '';
}
