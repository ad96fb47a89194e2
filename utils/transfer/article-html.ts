/**
 * A saved article's body as exports show it: sanitised (utils/sanitize.ts, the
 * only door for article HTML) with every image pointed at the export's own copy
 * (a file in the zip, a data: URI) or turned into its alt text when there is
 * no stored copy, exactly as the reader shows it offline. Nothing an export
 * writes names the network for an image.
 */
import { byDocumentOrder } from '../highlights/order';
import type { Highlight } from '../highlights/types';
import { imageKey } from '../library/image-urls';
import { localizeImages } from '../library/offline-images';
import type { ArticleAsset } from '../library/types';
import { sanitizeArticle } from '../sanitize';
import { normaliseQuote } from '../text-fragment';
import type { ArticleBundle } from './bundle';

export const MISSING_IMAGE_LABEL = 'Image not saved';

/** The sanitised body of `bundle` with images at `srcFor(asset)`; an empty fragment when the body is missing. */
export function exportFragment(bundle: ArticleBundle, srcFor: (asset: ArticleAsset) => string | null): DocumentFragment {
  if (!bundle.body) return document.createDocumentFragment();
  const fragment = sanitizeArticle(bundle.body.content, bundle.meta.url);
  const local = new Map<string, string>();
  for (const asset of bundle.assets) {
    const src = srcFor(asset);
    const key = imageKey(asset.url);
    if (src && key) local.set(key, src);
  }
  leadFigure(bundle, fragment, local);
  localizeImages(fragment, local, MISSING_IMAGE_LABEL);
  return fragment;
}

/**
 * The reader shows the lead image above the text (the extractor takes it out of
 * the body); an export does the same when there is a stored copy of it and the
 * body does not show it already. Built as DOM, never as markup.
 */
function leadFigure(bundle: ArticleBundle, fragment: DocumentFragment, local: ReadonlyMap<string, string>): void {
  const lead = imageKey(bundle.meta.leadImage);
  if (!lead || !local.has(lead)) return;
  if (Array.from(fragment.querySelectorAll('img')).some((img) => imageKey(img.getAttribute('src')) === lead)) return;
  const doc = fragment.ownerDocument;
  const figure = doc.createElement('figure');
  const img = doc.createElement('img');
  img.setAttribute('src', lead);
  img.setAttribute('alt', bundle.meta.leadImageAlt ?? '');
  figure.append(img);
  if (bundle.meta.leadImageCaption) {
    const caption = doc.createElement('figcaption');
    caption.textContent = bundle.meta.leadImageCaption;
    figure.append(caption);
  }
  fragment.prepend(figure);
}

/** A fragment as HTML text (the HTML serialiser: what a browser writes for innerHTML). */
export function fragmentHtml(fragment: DocumentFragment): string {
  const host = document.createElement('div');
  host.append(fragment);
  return host.innerHTML;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML or XML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Bytes as base64, in pieces (String.fromCharCode on a whole image overflows the argument limit). */
export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Highlights in document order as one-line quotes with their notes (empty quotes left out). */
export function highlightQuotes(highlights: readonly Highlight[]): { quote: string; note: string }[] {
  return [...highlights].sort(byDocumentOrder).flatMap((h) => {
    const quote = normaliseQuote(h.selectors.quote.exact);
    return quote ? [{ quote, note: h.note.trim() }] : [];
  });
}
