/**
 * Share links: plain URLs to each service's public share endpoint. No SDKs and
 * no scripts from those services ever load in Folio; the user's click opens the
 * service in a new tab, and only the clean article URL and its title leave.
 *
 * Adding a service (X, Telegram, Reddit, email…) is one entry in SHARE_TARGETS
 * plus its label in _locales.
 */
import type { MessageKey } from './i18n';
import { cleanUrl } from './url';

export interface ShareTarget {
  url: string;
  title: string;
  siteName?: string | null;
}

export type ShareServiceId = 'whatsapp' | 'facebook' | 'linkedin';

export interface ShareLink {
  id: ShareServiceId;
  /** i18n key of the link's accessible name ("Share on WhatsApp"). */
  label: MessageKey;
  href: string;
}

interface ShareService {
  id: ShareServiceId;
  label: MessageKey;
  /** Builds the service URL from an already clean http(s) URL and a one-line text. */
  build(url: string, text: string): string;
}

/** Encodes one query value; URLSearchParams would turn spaces into "+", which some services show literally. */
const q = encodeURIComponent;

export const SHARE_TARGETS: readonly ShareService[] = [
  {
    id: 'whatsapp',
    label: 'shareWhatsApp',
    // WhatsApp takes a single text; the URL goes on its own line so it previews.
    build: (url, text) => `https://wa.me/?text=${q(`${text}\n${url}`)}`,
  },
  {
    id: 'facebook',
    label: 'shareFacebook',
    // Facebook reads the title from the page's own Open Graph tags; only the URL is accepted.
    build: (url) => `https://www.facebook.com/sharer/sharer.php?u=${q(url)}`,
  },
  {
    id: 'linkedin',
    label: 'shareLinkedIn',
    build: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}`,
  },
];

/** Max characters of shared text: titles are occasionally whole paragraphs. */
const MAX_TEXT = 300;

/** "Title — Site" on one line, without control characters; the site is left out when the title already names it. */
export function shareText(title: string, siteName?: string | null): string {
  const oneLine = (s: string) => s.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const cleanTitle = oneLine(title);
  const site = siteName ? oneLine(siteName) : '';
  const text =
    site && !cleanTitle.toLowerCase().includes(site.toLowerCase()) ? (cleanTitle ? `${cleanTitle} — ${site}` : site) : cleanTitle;
  return [...text].length > MAX_TEXT ? `${[...text].slice(0, MAX_TEXT - 1).join('')}…` : text;
}

/** Share links for `target`, or an empty list when its URL is not http(s) (nothing to share safely). */
export function shareLinks(target: ShareTarget): ShareLink[] {
  const url = cleanUrl(target.url);
  if (!url) return [];
  const text = shareText(target.title, target.siteName);
  return SHARE_TARGETS.map(({ id, label, build }) => ({ id, label, href: build(url, text) }));
}
