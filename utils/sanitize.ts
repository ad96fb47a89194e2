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
 * - the only thing article markup may load is a plain image (<img>, <picture>),
 *   lazily and without a referrer: audio and video become links, SVG and MathML
 *   may only reference their own fragments, and no attribute may carry url(…)
 *   (SVG presentation attributes are CSS: fill="url(https://…)" fetches);
 * - attributes that name other elements by id (for, aria-labelledby, headers…)
 *   are namespaced like the ids themselves, so an article cannot label, describe
 *   or click Folio's own controls; tab order cannot jump ahead of Folio's;
 * - in-page links (footnotes) keep working after ids were namespaced.
 */
import DOMPurify from 'dompurify';
import { parseHttpUrl } from './url';

/** Everything that can run script, fetch a page, restyle ours or submit data. */
const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'form', 'input',
  'button', 'select', 'option', 'textarea', 'base', 'meta', 'link', 'noscript', 'template', 'dialog', 'foreignObject',
  // Loaders that are not plain images: SVG <image> and <feImage> fetch their href, <track> its captions,
  // MathML <mglyph> its src (Firefox). <audio>/<video> are kept for finishTree to turn into links.
  'image', 'feImage', 'track', 'mglyph',
];

/**
 * `style` and `class` would let the article restyle the reader (our utility
 * classes are global: an article `class="hidden"` or `"fixed inset-0"` would
 * match them). The rest fetch, navigate or autoplay.
 */
const FORBID_ATTR = [
  'style', 'class', 'srcdoc', 'action', 'formaction', 'ping', 'background', 'autoplay', 'target', 'rel',
  'referrerpolicy', 'integrity', 'crossorigin', 'http-equiv', 'nonce',
  // Media would start loading on its own.
  'preload',
  // overflow="visible" lets an SVG paint outside its box, over Folio's header (the reader CSS clips it too).
  'overflow',
  // Popovers live in the top layer, above everything (and above the article's paint containment);
  // popovertarget/command/commandfor make an element act on another one by id.
  'popover', 'popovertarget', 'popovertargetaction', 'command', 'commandfor', 'interesttarget',
  // Keyboard and focus belong to Folio: an article access key or autofocus would take them.
  'accesskey', 'autofocus',
];

/** Schemes a link may keep; everything else (javascript:, data:, file:, vbscript:, chrome:…) is removed. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const MEDIA_SCHEMES = new Set(['http:', 'https:']);
/** Inline images are harmless in <img>; other data: payloads (HTML, SVG documents) are not allowed anywhere. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]+$/i;

/** DOMPurify prefixes ids with this (SANITIZE_NAMED_PROPS) so article ids cannot clobber page globals. */
export const ID_PREFIX = 'user-content-';

/** Attributes whose value is a space-separated list of ids: namespaced with ID_PREFIX like the ids. */
const ID_LIST_ATTRS = [
  'for', 'headers', 'itemref', 'list', 'form', 'anchor',
  'aria-activedescendant', 'aria-controls', 'aria-describedby', 'aria-details', 'aria-errormessage',
  'aria-flowto', 'aria-labelledby', 'aria-owns',
];
/** Attributes that hold a URL: judged by the URL rules in finishTree, never by the url( rule. */
const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'srcset', 'poster', 'cite']);
const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
/**
 * A CSS function that loads something. In SVG and MathML, presentation attributes are
 * parsed as CSS (fill, filter, mask, cursor…); url( is refused in every attribute.
 */
const CSS_LOADER = /(?:^|[^a-z0-9_-])(?:-webkit-)?(?:url|src|image|image-set|cross-fade|element)\s*\(/i;
/** url(#id): a reference to an element of the article's own SVG (a gradient, a clip path). */
const LOCAL_URL_REF = /url\(\s*(['"]?)#([A-Za-z0-9_.:-]+)\1\s*\)/g;

const CONFIG = {
  RETURN_DOM_FRAGMENT: true as const,
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  // The one data attribute kept: the extractor's name for a block's kind (utils/site-rules/blocks.ts),
  // which "Remove parts" reads. Inert text that nothing styles or runs; a page that writes its own
  // loses it at extraction. URI-safe: its value is a CSS class name, not a URL to judge.
  ADD_ATTR: ['data-folio-step'],
  ADD_URI_SAFE_ATTR: ['data-folio-step'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  // Relative URLs are allowed through here and resolved (or dropped) by finishTree below.
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
  // Markup without a body to keep (a lone <frameset>): nothing to show, not a failure.
  if (fragment === null) return document.createDocumentFragment();
  // A DOMPurify that silently returned a string or the input would be a bypass: refuse it.
  if (!fragment || typeof fragment !== 'object' || (fragment as Node).nodeType !== 11) {
    throw new SanitizerUnavailableError('DOMPurify did not return a DocumentFragment');
  }
  const result = fragment as DocumentFragment;
  finishTree(result, parseHttpUrl(articleUrl));
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
 * configuration and then through finishTree, so each node is treated exactly
 * as in one pass (DOMPurify and finishTree judge node by node, and the tree is
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

/**
 * The other way article HTML becomes DOM here: to change the stored HTML
 * itself ("Remove parts"), not to show it. The HTML is parsed into an inert
 * document (DOMParser: nothing in it loads or runs, and it is never attached
 * to a page), `edit` changes its body, and the body is written back as HTML,
 * which stays as untrusted as before and is sanitised at every render like
 * any other. Null when `edit` declines (returns false): nothing changed.
 */
export function editArticleHtml(html: string, edit: (body: HTMLElement) => boolean): { html: string; body: HTMLElement } | null {
  const doc = new DOMParser().parseFromString(String(html), 'text/html');
  if (!edit(doc.body)) return null;
  return { html: doc.body.innerHTML, body: doc.body };
}

/** sanitizeArticle for markup that is already parsed (inertly): DOMPurify imports and sanitises a copy. */
function sanitizeNode(node: Node, articleUrl: string | null): DocumentFragment {
  if (!DOMPurify.isSupported) {
    throw new SanitizerUnavailableError('DOMPurify cannot run in this environment; refusing to render article HTML');
  }
  const fragment: unknown = DOMPurify.sanitize(node, CONFIG);
  if (fragment === null) return document.createDocumentFragment();
  if (!fragment || typeof fragment !== 'object' || (fragment as Node).nodeType !== 11) {
    throw new SanitizerUnavailableError('DOMPurify did not return a DocumentFragment');
  }
  const result = fragment as DocumentFragment;
  finishTree(result, parseHttpUrl(articleUrl));
  return result;
}

/** The second pass (see the top of this file), element by element. */
function finishTree(root: DocumentFragment, base: URL | null): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    // Already removed with an ancestor (a <video>'s children).
    if (!root.contains(el)) continue;
    const name = el.localName;
    if (el.namespaceURI !== SVG_NS && el.namespaceURI !== MATHML_NS && (name === 'video' || name === 'audio')) {
      mediaToLink(el, base);
      continue;
    }
    if (name === 'source' && el.parentElement?.localName !== 'picture') {
      // A <source> outside <picture> is audio or video, which never loads here.
      el.remove();
      continue;
    }
    finishAttributes(el, base);
    if (name === 'img') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
      el.setAttribute('referrerpolicy', 'no-referrer');
    }
  }
}

function finishAttributes(el: Element, base: URL | null): void {
  const foreign = el.namespaceURI === SVG_NS || el.namespaceURI === MATHML_NS;
  const name = el.localName;
  for (const attr of Array.from(el.attributes)) {
    const attrName = attr.name.toLowerCase();
    if (URL_ATTRS.has(attrName)) {
      if (attrName === 'href' || attrName === 'xlink:href') {
        // SVG's <a> is a link; any other SVG or MathML href (gradients, patterns, textPath,
        // MathML's href on any element) may only point inside the article.
        if (foreign && !(el.namespaceURI === SVG_NS && name === 'a')) fixFragmentRef(el, attr.name, base);
        else fixLink(el, attr.name, base);
      } else if (attrName === 'src') {
        if (name === 'img' && !foreign) fixMedia(el, attr.name, base);
        else el.removeAttribute(attr.name);
      } else if (attrName === 'srcset') {
        if (!foreign && (name === 'img' || (name === 'source' && el.parentElement?.localName === 'picture'))) fixSrcset(el, base);
        else el.removeAttribute(attr.name);
      } else if (attrName === 'poster') {
        el.removeAttribute(attr.name);
      } else {
        const cite = resolve(attr.value, base, MEDIA_SCHEMES);
        if (cite) el.setAttribute(attr.name, cite);
        else el.removeAttribute(attr.name);
      }
      continue;
    }
    if (ID_LIST_ATTRS.includes(attrName)) {
      const ids = attr.value.split(/\s+/).filter(Boolean).map(namespacedId);
      if (ids.length) el.setAttribute(attr.name, ids.join(' '));
      else el.removeAttribute(attr.name);
      continue;
    }
    if (attrName === 'usemap') {
      const map = attr.value.trim().replace(/^#/, '');
      if (map) el.setAttribute(attr.name, `#${namespacedId(map)}`);
      else el.removeAttribute(attr.name);
      continue;
    }
    if (attrName === 'tabindex') {
      // Positive values would put article elements ahead of Folio's toolbar in the tab order.
      const index = Number.parseInt(attr.value, 10);
      if (Number.isNaN(index)) el.removeAttribute(attr.name);
      else el.setAttribute(attr.name, index < 0 ? '-1' : '0');
      continue;
    }
    const value = cssLoaderFree(attr.value, foreign);
    if (value === null) el.removeAttribute(attr.name);
    else if (value !== attr.value) el.setAttribute(attr.name, value);
  }
}

/** `value` with its url(#id) references namespaced, or null when it could load something. */
function cssLoaderFree(value: string, foreign: boolean): string | null {
  if (!/\(/.test(value)) return value;
  if (!foreign) return /url\s*\(/i.test(value) ? null : value;
  // CSS escapes ("u\72l(") spell the same function: no presentation attribute needs them.
  if (value.includes('\\')) return null;
  const local = value.replace(LOCAL_URL_REF, (_m, _q: string, id: string) => `url(#${namespacedId(id)})`);
  const rest = local.replace(/url\(#[A-Za-z0-9_.:-]+\)/g, '');
  return CSS_LOADER.test(rest) ? null : local;
}

function namespacedId(id: string): string {
  return id.startsWith(ID_PREFIX) ? id : ID_PREFIX + id;
}

/** An SVG or MathML reference: kept only as a namespaced in-article fragment ("#grad" → "#user-content-grad"). */
function fixFragmentRef(el: Element, name: string, base: URL | null): void {
  const fragmentId = inPageTarget((el.getAttribute(name) ?? '').trim(), base);
  if (fragmentId) el.setAttribute(name, `#${namespacedId(fragmentId)}`);
  else el.removeAttribute(name);
}

/**
 * <audio> and <video> never load in the reader: each becomes a paragraph with a link to
 * its first http(s) source (opened in a new tab, like every article link), or disappears.
 */
function mediaToLink(media: Element, base: URL | null): void {
  const candidates = [media.getAttribute('src'), ...Array.from(media.querySelectorAll('source'), (s) => s.getAttribute('src'))];
  const url = candidates.map((raw) => resolve((raw ?? '').trim(), base, MEDIA_SCHEMES)).find(Boolean);
  if (!url) {
    media.remove();
    return;
  }
  const doc = media.ownerDocument;
  const paragraph = doc.createElement('p');
  const link = doc.createElement('a');
  link.setAttribute('href', url);
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
  const label = (media.getAttribute('aria-label') ?? media.getAttribute('title') ?? '').trim();
  link.textContent = `${media.localName === 'video' ? '▶' : '♪'} ${label || mediaName(url)}`;
  paragraph.append(link);
  media.replaceWith(paragraph);
}

/** "clip.mp4 (example.com)": what a media link shows when the media has no title. */
function mediaName(url: string): string {
  const parsed = new URL(url);
  const file = decodeHash(parsed.pathname.split('/').filter(Boolean).pop() ?? '');
  return file ? `${file} (${parsed.hostname})` : parsed.hostname;
}

function fixLink(el: Element, name: string, base: URL | null): void {
  const raw = (el.getAttribute(name) ?? '').trim();
  const fragmentId = inPageTarget(raw, base);
  if (fragmentId !== null) {
    // A footnote or table-of-contents link: stay in the reader, on the namespaced id.
    el.setAttribute(name, `#${namespacedId(fragmentId)}`);
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
