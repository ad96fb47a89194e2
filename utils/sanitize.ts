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

/** Articles with less HTML than this are sanitised and shown in one piece. */
const SPLIT_MIN_HTML = 100_000;
/** Text in the first part of a split article: more than a tall screen shows at the smallest size. */
const FIRST_PART_TEXT = 24_000;
/** How far the cut may descend through nested wrappers. */
const MAX_SPLIT_DEPTH = 8;
/** Wrappers the split may descend through: plain elements DOMPurify keeps as they are. */
const PLAIN_WRAPPERS = new Set(['DIV', 'ARTICLE', 'SECTION', 'MAIN']);

/** A long article, sanitised as the screenful the reader shows first and, on request, the rest. */
export interface SanitizedParts {
  first: DocumentFragment;
  /**
   * Sanitises the rest and appends it where it belongs in `first` (which must
   * be mounted by then, or still be the fragment); null when there is no rest.
   */
  appendRest: ((mountedFirst: ParentNode, prepare?: (part: DocumentFragment) => void) => void) | null;
}

/**
 * Like sanitizeArticle, but a long article comes in two parts, so the reader can
 * paint its beginning before it has sanitised (DOMPurify: ~35 ms per 700 kB)
 * and laid out (~50 ms) the rest. Both parts go through DOMPurify with the same
 * configuration and then through resolveUrls, so each node is treated exactly
 * as in one pass (DOMPurify and resolveUrls judge node by node, and the tree is
 * only ever cut between siblings). The cut follows the text: it descends into
 * plain wrapper elements (div, section…) that DOMPurify keeps as they are, so
 * in the first part each of them is the last element of its parent and the
 * rest finds its place again by walking down the last elements.
 */
export function sanitizeArticleInParts(html: string, articleUrl: string | null): SanitizedParts {
  const source = String(html);
  if (source.length < SPLIT_MIN_HTML || typeof DOMParser === 'undefined') {
    return { first: sanitizeArticle(source, articleUrl), appendRest: null };
  }
  // An inert document: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(source, 'text/html');
  // restGroups[k]: what follows the cut inside the k-th container (0 = body).
  const restGroups: Node[][] = [];
  let container: Element = doc.body;
  let text = 0;
  for (let level = 0; level < MAX_SPLIT_DEPTH; level++) {
    const children = Array.from(container.childNodes);
    let crossing = -1;
    for (let i = 0; i < children.length; i++) {
      const length = children[i]!.textContent?.length ?? 0;
      if (text + length >= FIRST_PART_TEXT) {
        crossing = i;
        break;
      }
      text += length;
    }
    if (crossing < 0) break;
    restGroups.push(children.slice(crossing + 1));
    const child = children[crossing]!;
    if (child.nodeType !== 1 || !PLAIN_WRAPPERS.has((child as Element).tagName) || child.childNodes.length < 2) break;
    container = child as Element;
  }
  if (!restGroups.some((group) => group.length)) return { first: sanitizeArticle(source, articleUrl), appendRest: null };

  // One holder for the whole rest, one plain <div> in it per level: sanitised in one call.
  const holder = doc.createElement('div');
  for (const group of restGroups) {
    const level = doc.createElement('div');
    level.append(...group);
    holder.append(level);
  }
  const first = sanitizeNode(doc.body, articleUrl);
  return {
    first,
    appendRest(mountedFirst, prepare) {
      const sanitized = sanitizeNode(holder, articleUrl);
      // DOMPurify returns the holder itself (plain, attribute-less <div>s are kept as they are).
      const levels = Array.from(sanitized.firstElementChild?.children ?? []);
      if (levels.length !== restGroups.length) throw new Error('The rest of the article did not survive sanitising as expected');
      // Every place is found before anything is appended: appending changes the last elements.
      const targets: ParentNode[] = [mountedFirst];
      for (let k = 1; k < levels.length; k++) {
        const next = targets[k - 1]!.lastElementChild;
        if (!next) throw new Error('The first part of the article has no place for the rest');
        targets.push(next);
      }
      const doc = mountedFirst.ownerDocument ?? document;
      levels.forEach((level, k) => {
        const part = doc.createDocumentFragment();
        part.append(...Array.from(level.childNodes));
        prepare?.(part);
        targets[k]!.append(part);
      });
    },
  };
}

/** sanitizeArticle for markup that is already parsed (inertly): DOMPurify imports and sanitises a copy. */
function sanitizeNode(node: Node, articleUrl: string | null): DocumentFragment {
  if (!DOMPurify.isSupported) {
    throw new SanitizerUnavailableError('DOMPurify cannot run in this environment; refusing to render article HTML');
  }
  const fragment: unknown = DOMPurify.sanitize(node, CONFIG);
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
