/**
 * Folio's share page (entrypoints/share): opened by "Share selection…" with what
 * to share in its query string. Both directions live here so they cannot drift.
 */
import type { ShareTarget } from './share';
import { parseHttpUrl } from './url';

const MAX_FIELD = 4_000;

export function sharePageUrl(base: string, target: ShareTarget): string {
  const params = new URLSearchParams({ url: target.url, title: target.title });
  if (target.siteName) params.set('site', target.siteName);
  if (target.quote) params.set('quote', target.quote.slice(0, MAX_FIELD));
  return `${base}?${params.toString()}`;
}

/** The share target from the page's query string; null unless it names an http(s) page. */
export function shareTargetFromSearch(search: string): ShareTarget | null {
  const params = new URLSearchParams(search);
  const url = parseHttpUrl(params.get('url'));
  if (!url) return null;
  const field = (name: string) => (params.get(name) ?? '').slice(0, MAX_FIELD);
  return { url: url.href, title: field('title'), siteName: field('site') || null, quote: field('quote') || null };
}
