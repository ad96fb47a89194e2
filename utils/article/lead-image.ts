/**
 * Alt text and caption for the lead image. The reader shows the lead image in
 * its header when the article body does not already hold it (a page's og:image
 * often sits in a hero block outside the story), and an image there should keep
 * what the page said about it: its alt text for screen readers and its caption.
 */
import { stringOf, type JsonLdNode } from './jsonld';
import { normalizeSpace } from './text';

export interface LeadImageDetails {
  alt: string | null;
  caption: string | null;
}

/** Pages with hundreds of images: the hero is near the top. */
const MAX_IMAGES_SEARCHED = 60;
const MAX_CAPTION_CHARS = 400;
const MAX_ALT_CHARS = 300;

/**
 * The file name's stem without size suffixes CDNs add ("photo-1200x800.jpg" and
 * "photo.jpg?w=600" are one picture). Too short a stem ("1", "image") would match
 * unrelated images, so it counts as no stem.
 */
function stemOf(url: string, base: string): string | null {
  let name: string;
  try {
    name = new URL(url, base).pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return null;
  }
  const stem = decodeURIComponentSafe(name)
    .toLowerCase()
    .replace(/\.[a-z0-9]{2,5}$/, '')
    .replace(/[-_@]\d+(x\d+)?w?$/, '');
  return stem.length >= 6 ? stem : null;
}

/** The last path segment without extension or size suffix, as written (not decoded), lower-cased. */
function rawStem(url: string): string {
  const name = url.split(/[?#]/)[0]!.split('/').pop() ?? '';
  return name.toLowerCase().replace(/\.[a-z0-9]{2,5}$/, '').replace(/[-_@]\d+(x\d+)?w?$/, '');
}

function absolute(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Every URL an <img> (or its <picture>) may load: lazy-loading attributes included. */
function imageUrls(img: Element): string[] {
  const urls: string[] = [];
  for (const attr of ['src', 'data-src', 'data-lazy-src', 'data-original']) {
    const value = img.getAttribute(attr);
    if (value) urls.push(value);
  }
  const sets = [img.getAttribute('srcset'), img.getAttribute('data-srcset')];
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
  if (picture) for (const source of Array.from(picture.getElementsByTagName('source'))) sets.push(source.getAttribute('srcset'));
  for (const set of sets) {
    for (const candidate of set?.split(',') ?? []) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) urls.push(url);
    }
  }
  return urls;
}

function clip(text: string | null | undefined, max: number): string | null {
  const value = normalizeSpace(text);
  if (!value) return null;
  return value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value;
}

/**
 * What the page says about `leadImage`: JSON-LD's ImageObject caption, else the
 * <figcaption> of the <figure> that shows the same picture on the page; alt text
 * from that <img>, else og:image:alt / twitter:image:alt.
 */
export function leadImageDetails(
  doc: Document,
  leadImage: string,
  baseUrl: string,
  imageNode: unknown,
  metaAlt: string | null,
): LeadImageDetails {
  const want = stemOf(leadImage, baseUrl);
  // Either match needs the lead's file-name stem in the candidate's text: a substring test
  // skips the URL parsing for the page's other images (pages carry hundreds of srcset entries).
  const key = rawStem(leadImage);
  const same = (url: string | null | undefined) => {
    if (!url || (key && !url.toLowerCase().includes(key))) return false;
    return absolute(url, baseUrl) === leadImage || (want !== null && stemOf(url, baseUrl) === want);
  };
  const first: unknown = Array.isArray(imageNode) ? imageNode[0] : imageNode;
  const node = first && typeof first === 'object' ? (first as JsonLdNode) : null;
  // A JSON-LD caption describes the JSON-LD image, which is not always the og:image.
  let caption = node && same(stringOf(node.url ?? node.contentUrl)) ? clip(stringOf(node.caption), MAX_CAPTION_CHARS) : null;
  let alt = clip(metaAlt, MAX_ALT_CHARS);

  const images = Array.from(doc.getElementsByTagName('img')).slice(0, MAX_IMAGES_SEARCHED);
  const match = images.find((img) => imageUrls(img).some(same));
  if (match) {
    alt = clip(match.getAttribute('alt'), MAX_ALT_CHARS) ?? alt;
    const figcaption = match.closest('figure')?.querySelector('figcaption');
    caption ??= clip(figcaption?.textContent, MAX_CAPTION_CHARS);
  }
  return { alt, caption };
}
