/**
 * Pages Folio cannot work on. Browsers forbid extensions on their own pages and
 * their add-on stores, and the PDF viewer is not a DOM we can read; the popup
 * says so plainly instead of failing.
 */
import { parseHttpUrl } from './url';

const STORE_HOSTS = ['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

export type PageAccess = 'ok' | 'browser-page' | 'store' | 'pdf';

export function pageAccess(url: string | null | undefined): PageAccess {
  const parsed = parseHttpUrl(url);
  if (!parsed) return 'browser-page';
  if (STORE_HOSTS.includes(parsed.hostname) || (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))) {
    return 'store';
  }
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return 'ok';
}
