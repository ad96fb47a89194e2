/**
 * The images a saved article needs offline, read from its stored HTML without a
 * DOM (Chrome's background is a service worker). The HTML comes from the DOM
 * serialiser, so attributes are double-quoted and entities are the five basic
 * ones; anything this misses is simply not stored and shows as "not saved".
 */
import { parseHttpUrl } from '../url';

const IMG_TAG = /<img\b[^>]*>/gi;
const SRC_ATTR = /\ssrc="([^"]*)"/i;

export function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Absolute http(s) URL of an image, normalised the same way everywhere (the asset key). */
export function imageKey(src: string | null | undefined, base?: string): string | null {
  if (!src) return null;
  return parseHttpUrl(src.trim(), base)?.href ?? null;
}

/** The `src` of every `<img>` in `html`, in document order, each once. */
export function imageUrlsOf(html: string, max = 200): string[] {
  const found = new Set<string>();
  for (const tag of html.match(IMG_TAG) ?? []) {
    const raw = SRC_ATTR.exec(tag)?.[1];
    const key = raw ? imageKey(decodeAttribute(raw)) : null;
    if (key) found.add(key);
    if (found.size >= max) break;
  }
  return [...found];
}
