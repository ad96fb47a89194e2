/**
 * The only door for article HTML into a Folio page.
 *
 * Article HTML is untrusted forever: whatever the extractor or the library hands
 * over, it passes through here at every render. DOMPurify removes anything that
 * can run code or reach outside the article; a second pass then fixes what
 * DOMPurify leaves as-is but a reader page must not have:
 * - relative URLs, which inside reader.html would resolve against the extension
 *   origin, are resolved against the article's own URL (or dropped without one);
 * - links open in a new tab, without an opener or a referrer;
 * - images load lazily;
 * - in-page links (footnotes) keep working after ids were namespaced.
 */
import DOMPurify from 'dompurify';
import { parseHttpUrl } from './url';

/** Everything that can run script, fetch a page, restyle ours or submit data. */
const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'form', 'input',
  'button', 'select', 'option', 'textarea', 'base', 'meta', 'link', 'noscript', 'template', 'dialog', 'foreignObject',
];

/**
 * `style` and `class` would let the article restyle the reader (our utility
 * classes are global: an article `class="hidden"` or `"fixed inset-0"` would
 * match them). The rest fetch, navigate or autoplay.
 */
const FORBID_ATTR = [
  'style', 'class', 'srcdoc', 'action', 'formaction', 'ping', 'background', 'autoplay', 'target', 'rel',
  'referrerpolicy', 'integrity', 'crossorigin', 'http-equiv', 'nonce',
];

/** Schemes a link may keep; everything else (javascript:, data:, file:, vbscript:, chrome:…) is removed. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const MEDIA_SCHEMES = new Set(['http:', 'https:']);
/** Inline images are harmless in <img>; other data: payloads (HTML, SVG documents) are not allowed anywhere. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;

/** DOMPurify prefixes ids with this (SANITIZE_NAMED_PROPS) so article ids cannot clobber page globals. */
const ID_PREFIX = 'user-content-';

const CONFIG = {
  RETURN_DOM_FRAGMENT: true as const,
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  // Relative URLs are allowed through here and resolved (or dropped) by resolveUrls below.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

export class SanitizerUnavailableError extends Error {
  override name = 'SanitizerUnavailableError';
}

/**
 * Turns untrusted article HTML into a safe DocumentFragment.
 * @param html the article's HTML, never trusted.
 * @param articleUrl the page the HTML came from: relative URLs resolve against it.
 * @throws SanitizerUnavailableError when DOMPurify cannot run here; the input is never returned as-is.
 */
export function sanitizeArticle(html: string, articleUrl: string | null): DocumentFragment {
  if (!DOMPurify.isSupported) {
    throw new SanitizerUnavailableError('DOMPurify cannot run in this environment; refusing to render article HTML');
  }
  const fragment: unknown = DOMPurify.sanitize(String(html), CONFIG);
  // A DOMPurify that silently returned a string or the input would be a bypass: refuse it.
  if (!fragment || typeof fragment !== 'object' || (fragment as Node).nodeType !== 11) {
    throw new SanitizerUnavailableError('DOMPurify did not return a DocumentFragment');
  }
  const result = fragment as DocumentFragment;
  resolveUrls(result, parseHttpUrl(articleUrl));
  return result;
}

function resolveUrls(root: DocumentFragment, base: URL | null): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const name of ['href', 'xlink:href']) {
      if (el.hasAttribute(name)) fixLink(el, name, base);
    }
    for (const name of ['src', 'poster']) {
      if (el.hasAttribute(name)) fixMedia(el, name, base);
    }
    if (el.hasAttribute('srcset')) fixSrcset(el, base);
    if (el.hasAttribute('cite')) {
      const cite = resolve(el.getAttribute('cite') ?? '', base, MEDIA_SCHEMES);
      if (cite) el.setAttribute('cite', cite);
      else el.removeAttribute('cite');
    }
    if (el.localName === 'img') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
    }
  }
}

function fixLink(el: Element, name: string, base: URL | null): void {
  const raw = (el.getAttribute(name) ?? '').trim();
  const fragmentId = inPageTarget(raw, base);
  if (fragmentId !== null) {
    // A footnote or table-of-contents link: stay in the reader, on the namespaced id.
    el.setAttribute(name, `#${fragmentId.startsWith(ID_PREFIX) ? fragmentId : ID_PREFIX + fragmentId}`);
    return;
  }
  const url = resolve(raw, base, LINK_SCHEMES);
  if (!url) {
    el.removeAttribute(name);
    return;
  }
  el.setAttribute(name, url);
  if (el.localName === 'a' || el.localName === 'area') {
    el.setAttribute('target', '_blank');
    el.setAttribute('rel', 'noopener noreferrer');
  }
}

/** The fragment id when `raw` points inside the article itself ("#fn1" or "<article url>#fn1"). */
function inPageTarget(raw: string, base: URL | null): string | null {
  if (raw.startsWith('#')) return raw.length > 1 ? decodeHash(raw.slice(1)) : null;
  if (!base) return null;
  try {
    const url = new URL(raw, base);
    if (url.hash.length <= 1) return null;
    const hash = url.hash.slice(1);
    url.hash = '';
    const page = new URL(base.href);
    page.hash = '';
    return url.href === page.href ? decodeHash(hash) : null;
  } catch {
    return null;
  }
}

function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

function fixMedia(el: Element, name: string, base: URL | null): void {
  const raw = (el.getAttribute(name) ?? '').trim();
  if (el.localName === 'img' && name === 'src' && DATA_IMAGE.test(raw)) return;
  const url = resolve(raw, base, MEDIA_SCHEMES);
  if (url) el.setAttribute(name, url);
  else el.removeAttribute(name);
}

/** srcset="a.jpg 1x, b.jpg 2x": each candidate's URL is resolved; unsafe candidates are dropped. */
function fixSrcset(el: Element, base: URL | null): void {
  const candidates = parseSrcset(el.getAttribute('srcset') ?? '');
  const kept: string[] = [];
  for (const { url, descriptor } of candidates) {
    const resolved = resolve(url, base, MEDIA_SCHEMES);
    if (resolved) kept.push(descriptor ? `${resolved} ${descriptor}` : resolved);
  }
  if (kept.length) el.setAttribute('srcset', kept.join(', '));
  else el.removeAttribute('srcset');
}

/** A small srcset parser after the HTML spec's: a URL runs to whitespace; a trailing comma ends the candidate. */
export function parseSrcset(value: string): { url: string; descriptor: string }[] {
  const out: { url: string; descriptor: string }[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i]!)) i++;
    if (i >= value.length) break;
    let url = '';
    while (i < value.length && !/\s/.test(value[i]!)) url += value[i++];
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      while (i < value.length && value[i] !== ',') descriptor += value[i++];
    }
    out.push({ url, descriptor: descriptor.trim() });
  }
  return out;
}

/**
 * Absolute URL for `raw` against the article, or null when it has a scheme not in `schemes`
 * or is relative without an article URL to resolve against (never against the extension origin).
 */
function resolve(raw: string, base: URL | null, schemes: Set<string>): string | null {
  if (!raw) return null;
  // Browsers ignore tabs and newlines inside URLs ("java\nscript:"); strip them before judging.
  const cleaned = raw.replace(/[\t\n\r]/g, '').trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(cleaned);
  if (!hasScheme && !base) return null;
  try {
    const url = base ? new URL(cleaned, base) : new URL(cleaned);
    return schemes.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
