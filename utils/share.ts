/**
 * Share links: plain URLs to each service's public share endpoint. No SDKs and
 * no scripts from those services ever load in Folio; the user's click opens the
 * service in a new tab, and only the clean article URL, its title and (when the
 * user shares a quote) the quote leave.
 *
 * Adding a service is one entry in SHARE_TARGETS plus its label in _locales and
 * its icon in components/share/ShareIcon.tsx.
 */
import type { MessageKey } from './i18n';
import { withTextFragment } from './text-fragment';
import { cleanUrl } from './url';

export interface ShareTarget {
  url: string;
  title: string;
  siteName?: string | null;
  /** A passage the user selected: shared as a quote, linked with a text fragment. */
  quote?: string | null;
}

export type ShareServiceId = 'whatsapp' | 'facebook' | 'linkedin' | 'x' | 'telegram' | 'reddit' | 'email';

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
  {
    id: 'x',
    label: 'shareX',
    build: (url, text) => `https://x.com/intent/post?text=${q(text)}&url=${q(url)}`,
  },
  {
    id: 'telegram',
    label: 'shareTelegram',
    build: (url, text) => `https://t.me/share/url?url=${q(url)}&text=${q(text)}`,
  },
  {
    id: 'reddit',
    label: 'shareReddit',
    build: (url, text) => `https://www.reddit.com/submit?url=${q(url)}&title=${q(text)}`,
  },
  {
    id: 'email',
    label: 'shareEmail',
    // RFC 6068: percent-encoding (not "+") in both fields; the body keeps its line breaks.
    build: (url, text) => `mailto:?subject=${q(text)}&body=${q(`${text}\n\n${url}`)}`,
  },
];

/** Max characters of shared text: titles are occasionally whole paragraphs. */
const MAX_TEXT = 300;
/** Max characters of a quote inside the shared text; the link still points at the whole passage. */
const MAX_QUOTE = 200;

const oneLine = (s: string) => s.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : text;
}

/** "Title — Site" on one line, without control characters; the site is left out when the title already names it. */
export function shareText(title: string, siteName?: string | null, quote?: string | null): string {
  const cleanTitle = oneLine(title);
  const site = siteName ? oneLine(siteName) : '';
  const text =
    site && !cleanTitle.toLowerCase().includes(site.toLowerCase()) ? (cleanTitle ? `${cleanTitle} — ${site}` : site) : cleanTitle;
  const quoted = quote ? oneLine(quote) : '';
  if (!quoted) return clip(text, MAX_TEXT);
  return clip(`“${clip(quoted, MAX_QUOTE)}” — ${text}`, MAX_TEXT);
}

/**
 * The URL that leaves Folio: canonical, without tracking parameters or fragment,
 * plus a text fragment when a quote is shared. Null when not http(s).
 */
export function shareUrl(target: Pick<ShareTarget, 'url' | 'quote'>): string | null {
  const url = cleanUrl(target.url);
  if (!url) return null;
  return target.quote ? withTextFragment(url, target.quote) : url;
}

/** Share links for `target`, or an empty list when its URL is not http(s) (nothing to share safely). */
export function shareLinks(target: ShareTarget): ShareLink[] {
  const url = shareUrl(target);
  if (!url) return [];
  const text = shareText(target.title, target.siteName, target.quote);
  return SHARE_TARGETS.map(({ id, label, build }) => ({ id, label, href: build(url, text) }));
}

/** What navigator.share receives (the system share sheet), or null for a non-http(s) URL. */
export function shareData(target: ShareTarget): ShareData | null {
  const url = shareUrl(target);
  return url ? { title: oneLine(target.title), text: shareText(target.title, target.siteName, target.quote), url } : null;
}
