/**
 * Article metadata from the page head, JSON-LD and Readability's guesses, in
 * that order of trust: what the publisher declares for machines beats what we
 * infer from the layout.
 */
import { cleanUrl, parseHttpUrl } from '../url';
import { ARTICLE_TYPES, stringOf, typesOf, type JsonLdNode } from './jsonld';
import { leadImageDetails } from './lead-image';
import { normalizeSpace } from './text';
import type { TextDirection } from './types';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  lang: string | null;
  dir: TextDirection | null;
  canonicalUrl: string | null;
  leadImage: string | null;
  leadImageAlt: string | null;
  leadImageCaption: string | null;
  excerpt: string | null;
}

const metaIndexes = new WeakMap<Document, Map<string, string>>();

/**
 * <meta> content by property/name/itemprop/http-equiv (lower-cased), first one
 * wins. Built in one pass: a querySelector per key walks the whole page each
 * time it misses, which on a Node DOM cost more than Readability itself.
 */
function metaIndex(doc: Document): Map<string, string> {
  let index = metaIndexes.get(doc);
  if (index) return index;
  index = new Map();
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    const content = normalizeSpace(meta.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, content);
    }
  }
  metaIndexes.set(doc, index);
  return index;
}

/** The first non-empty <meta> content among `keys` ("og:title", "author"…). */
export function metaContent(doc: Document, ...keys: string[]): string | null {
  const index = metaIndex(doc);
  for (const key of keys) {
    const value = index.get(key.toLowerCase());
    if (value) return value;
  }
  return null;
}

/** The first article-typed JSON-LD node, else null. */
export function articleNode(nodes: JsonLdNode[]): JsonLdNode | null {
  return nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t))) ?? null;
}

/** The document's base for relative URLs: <base href> resolved against the page URL. */
export function baseUrlOf(doc: Document, pageUrl: string): string {
  // The first <base> with an href, as browsers take it (by tag name: cheaper than a selector on Node DOMs).
  const href = Array.from(doc.getElementsByTagName('base')).find((b) => b.hasAttribute('href'))?.getAttribute('href');
  return (href && parseHttpUrl(href, pageUrl)?.href) || pageUrl;
}

export function absoluteUrl(value: string | null | undefined, base: string): string | null {
  if (!value) return null;
  return parseHttpUrl(value.trim(), parseHttpUrl(base) ? base : undefined)?.href ?? null;
}

// ---- title -------------------------------------------------------------

const TITLE_SEPARATOR = /\s+[|\-–—:·•»/\\]\s+|\s+::\s+/;

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Drops a trailing (or leading) " | Site name" from a title. A part is the site's
 * name when it matches og:site_name or the host name, or when it is the short end
 * of a title whose other end matches the page's <h1>.
 */
export function stripSiteFromTitle(title: string, siteName: string | null, pageUrl: string, h1: string | null): string {
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const host = comparable(parseHttpUrl(pageUrl)?.hostname.replace(/^www\./, '').replace(/\.[a-z]+$/, '') ?? '');
  const site = siteName ? comparable(siteName) : '';
  const isSite = (part: string): boolean => {
    const c = comparable(part);
    if (!c) return true;
    if (site && (c === site || site.includes(c) || c.includes(site))) return true;
    return host.length > 2 && (c === host || c.includes(host) || (c.length > 3 && host.includes(c)));
  };
  // Find the longest run of parts after removing site-like parts at either end.
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && isSite(parts[end - 1] ?? '')) end--;
  while (end - start > 1 && isSite(parts[start] ?? '')) start++;
  if (start === 0 && end === parts.length && h1) {
    // No site name known: if the h1 equals everything but the last part, the last part is the site.
    const head = comparable(parts.slice(0, -1).join(' '));
    if (head && head === comparable(h1)) end = parts.length - 1;
  }
  if (start === 0 && end === parts.length) return title;
  // Re-cut the original string so separators inside the kept title survive.
  const kept = parts.slice(start, end);
  const from = title.indexOf(kept[0] ?? '');
  const last = kept[kept.length - 1] ?? '';
  const to = title.lastIndexOf(last) + last.length;
  return normalizeSpace(from >= 0 && to > from ? title.slice(from, to) : kept.join(' - '));
}

// ---- byline ------------------------------------------------------------

const BYLINE_PREFIX = /^(?:(?:written|posted|published|reported|words|story|text|photos?)\s+)?(?:by|von|par|por|di|door|av|af)\s*[:-]?\s+/i;

/** People, not "By " prefixes, URLs, dates or job titles glued on by the CMS. */
export function cleanByline(raw: string | null | undefined): string | null {
  let text = normalizeSpace(raw);
  if (!text) return null;
  if (/^https?:\/\//i.test(text) || text.includes('@') && !text.includes(' ')) return null;
  text = text.replace(BYLINE_PREFIX, '');
  // "Jane Doe | Updated March 3, 2024" / "Jane Doe, 3 hours ago"
  text = text.replace(/\s*[|•·]\s*(?:updated|published|posted).*$/i, '');
  text = text.replace(/\s*(?:[|•·,]\s*)?(?:updated|published|posted)?\s*(?:on\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}.*$/i, '');
  text = text.replace(/\s*[|•·]\s*\d+\s+min(?:ute)?s?\s+read.*$/i, '');
  text = normalizeSpace(text.replace(/^[,;:|•·\-–—\s]+|[,;:|•·\-–—\s]+$/g, ''));
  if (!text || text.length > 120 || !/\p{L}/u.test(text)) return null;
  return text;
}

function personNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') names.push(item);
    else if (item && typeof item === 'object') {
      const node = item as JsonLdNode;
      // An Organization as "author" is the publisher, not a byline.
      if (typesOf(node).includes('Organization')) continue;
      const name = stringOf(node.name);
      if (name) names.push(name);
    }
  }
  return names.map((n) => normalizeSpace(n)).filter((n) => n && !/^https?:/i.test(n));
}

// ---- dates -------------------------------------------------------------

/**
 * ISO 8601 for whatever date format the page uses: full timestamps with a zone
 * are normalised to UTC, date-only values stay dates, unparseable values are dropped.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  const text = normalizeSpace(raw);
  if (!text || text.length > 64) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const isoLocal = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(text);
  if (isoLocal) return `${isoLocal[1]}T${isoLocal[2]}`;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2}|\bGMT|\bUTC)$/i.test(text);
  const millis = Date.parse(text.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(millis)) return null;
  const date = new Date(millis);
  if (date.getUTCFullYear() < 1990 || date.getUTCFullYear() > 2100) return null;
  if (hasZone) return date.toISOString().replace('.000Z', 'Z');
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// ---- language ------------------------------------------------------------

const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'ha', 'he', 'iw', 'khw', 'ks', 'ps', 'sd', 'ur', 'yi']);

export function normalizeLang(raw: string | null | undefined): string | null {
  const text = normalizeSpace(raw).replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(text)) return null;
  const [primary = '', ...rest] = text.split('-');
  return [primary.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

export function directionOf(declared: string | null | undefined, lang: string | null): TextDirection | null {
  const d = normalizeSpace(declared).toLowerCase();
  if (d === 'rtl' || d === 'ltr') return d;
  if (!lang) return null;
  return RTL_LANGS.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

// ---- everything ------------------------------------------------------------

export interface ReadabilityGuess {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  excerpt?: string | null;
  lang?: string | null;
  dir?: string | null;
}

/** Reads metadata from the original document (never from the extracted clone, whose head Readability strips). */
export function readMetadata(doc: Document, pageUrl: string, jsonLd: JsonLdNode[], guess: ReadabilityGuess = {}): PageMetadata {
  const base = baseUrlOf(doc, pageUrl);
  const art = articleNode(jsonLd);
  const siteNode = jsonLd.find((n) => typesOf(n).some((t) => t === 'WebSite' || t === 'Organization' || t === 'NewsMediaOrganization'));
  const siteName =
    metaContent(doc, 'og:site_name', 'application-name', 'apple-mobile-web-app-title') ||
    stringOf((art?.publisher as JsonLdNode | undefined)?.name) ||
    (siteNode ? stringOf(siteNode.name) : null) ||
    normalizeSpace(guess.siteName) ||
    null;

  const h1 = normalizeSpace(doc.querySelector('article h1, main h1, h1')?.textContent) || null;
  const rawTitle =
    metaContent(doc, 'og:title', 'twitter:title') ||
    stringOf(art?.headline) ||
    normalizeSpace(guess.title) ||
    h1 ||
    normalizeSpace(doc.title);
  const title = rawTitle ? stripSiteFromTitle(rawTitle, siteName, pageUrl, h1) : null;

  const bylineCandidates = [
    ...personNames(art?.author),
    metaContent(doc, 'author', 'article:author', 'parsely-author', 'sailthru.author'),
    guess.byline,
  ];
  let byline: string | null = null;
  if (art && personNames(art.author).length > 1) {
    byline = personNames(art.author).map((n) => cleanByline(n)).filter(Boolean).join(', ') || null;
  }
  for (const candidate of bylineCandidates) {
    if (byline) break;
    const cleaned = cleanByline(candidate);
    if (cleaned && (!siteName || comparable(cleaned) !== comparable(siteName))) byline = cleaned;
  }

  const publishedTime = toIsoDate(
    metaContent(doc, 'article:published_time', 'article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'dc.date', 'DC.date.issued') ||
      stringOf(art?.datePublished) ||
      doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ||
      doc.querySelector('[itemprop="datePublished"]')?.getAttribute('content') ||
      guess.publishedTime ||
      doc.querySelector('article time[datetime], main time[datetime]')?.getAttribute('datetime'),
  );
  const modifiedTime = toIsoDate(
    metaContent(doc, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified') ||
      stringOf(art?.dateModified) ||
      doc.querySelector('[itemprop="dateModified"]')?.getAttribute('datetime'),
  );

  const lang = normalizeLang(
    doc.documentElement?.getAttribute('lang') ||
      guess.lang ||
      metaContent(doc, 'content-language', 'og:locale') ||
      stringOf(art?.inLanguage),
  );
  const dir = directionOf(doc.documentElement?.getAttribute('dir') || doc.body?.getAttribute('dir') || guess.dir, lang);

  const pageClean = cleanUrl(pageUrl);
  let canonicalUrl: string | null = null;
  for (const candidate of [
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    metaContent(doc, 'og:url'),
  ]) {
    const abs = absoluteUrl(candidate, base);
    const cleaned = abs ? cleanUrl(abs) : null;
    // A canonical pointing at the site's home page from a deeper page is a CMS misconfiguration.
    if (cleaned && !(new URL(cleaned).pathname === '/' && pageClean && new URL(pageClean).pathname !== '/')) {
      canonicalUrl = cleaned;
      break;
    }
  }
  canonicalUrl ??= pageClean;

  const imageNode = art?.image;
  const leadImage =
    absoluteUrl(metaContent(doc, 'og:image:secure_url', 'og:image', 'og:image', 'twitter:image', 'twitter:image', 'twitter:image:src'), base) ||
    absoluteUrl(stringOf(imageNode && typeof imageNode === 'object' && !Array.isArray(imageNode) ? (imageNode as JsonLdNode).url : imageNode), base) ||
    absoluteUrl(doc.querySelector('link[rel="image_src"]')?.getAttribute('href'), base);

  const excerpt =
    metaContent(doc, 'og:description', 'description', 'twitter:description') ||
    stringOf(art?.description) ||
    normalizeSpace(guess.excerpt) ||
    null;

  const lead = leadImage
    ? leadImageDetails(doc, leadImage, base, imageNode, metaContent(doc, 'og:image:alt', 'twitter:image:alt'))
    : { alt: null, caption: null };

  return {
    title, byline, siteName, publishedTime, modifiedTime, lang, dir, canonicalUrl,
    leadImage, leadImageAlt: lead.alt, leadImageCaption: lead.caption, excerpt,
  };
}
