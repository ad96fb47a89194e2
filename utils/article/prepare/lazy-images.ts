/**
 * Lazy-loaded images, fixed on the clone before Readability runs. Pages ship a
 * placeholder `src` (a 1×1 GIF, a "blank.png", nothing) and keep the real one in
 * `data-src`/`data-srcset`, in `<picture><source data-srcset>` or in a
 * `<noscript><img></noscript>` fallback. Readability only handles some of these,
 * and an image without a real source is dropped or shown broken.
 */

const SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-actualsrc', 'data-pagespeed-lazy-src'];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];
const PLACEHOLDER = /^data:|blank|placeholder|spacer|transparent|pixel\.|lazy|loading|grey\.gif|1x1/i;

function isPlaceholder(src: string | null): boolean {
  return !src || !src.trim() || PLACEHOLDER.test(src);
}

/** Upgrades one <img> in place; returns true when it changed. */
export function upgradeLazyImage(img: Element): boolean {
  let changed = false;
  if (isPlaceholder(img.getAttribute('src'))) {
    for (const attr of SRC_ATTRS) {
      const value = img.getAttribute(attr);
      if (value && !isPlaceholder(value)) {
        img.setAttribute('src', value.trim());
        changed = true;
        break;
      }
    }
  }
  if (!img.getAttribute('srcset')) {
    for (const attr of SRCSET_ATTRS) {
      const value = img.getAttribute(attr);
      if (value && value.trim()) {
        img.setAttribute('srcset', value.trim());
        changed = true;
        break;
      }
    }
  }
  if (isPlaceholder(img.getAttribute('src'))) {
    // Still nothing: take the first candidate of srcset as src.
    const first = img.getAttribute('srcset')?.split(',')[0]?.trim().split(/\s+/)[0];
    if (first && !isPlaceholder(first)) {
      img.setAttribute('src', first);
      changed = true;
    }
  }
  return changed;
}

/** An attribute of the first <img> in an HTML snippet, read without parsing it into a document. */
function imgAttr(html: string, name: string): string | null {
  const tag = /<img\b[^>]*>/i.exec(html)?.[0];
  if (!tag) return null;
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = match ? (match[1] ?? match[2] ?? match[3]) : null;
  return value ? value.replace(/&amp;/g, '&').trim() : null;
}

/**
 * `<noscript><img src=real></noscript>` next to a placeholder image: the
 * noscript holds the truth. A scripting DOM keeps noscript content as text, so
 * the attributes are read from that text (nothing is parsed into the page).
 */
function unwrapNoscript(noscript: Element): void {
  const html = noscript.textContent ?? '';
  if (html.length > 5000) return;
  const src = imgAttr(html, 'src');
  if (!src || isPlaceholder(src)) return;
  const prev = noscript.previousElementSibling;
  const sibling = prev?.tagName === 'IMG' ? prev : prev?.querySelector?.('img');
  if (sibling && isPlaceholder(sibling.getAttribute('src')) && !sibling.getAttribute('srcset')) {
    sibling.setAttribute('src', src);
    const srcset = imgAttr(html, 'srcset');
    if (srcset) sibling.setAttribute('srcset', srcset);
    noscript.remove();
  }
}

export function fixLazyImages(root: Document | Element): void {
  // By tag name: on Node DOMs (the CLI, the quality benchmark) selectors cost a match per element.
  // A snapshot (the collection is live), capped: pages with thousands of images are galleries or listings.
  for (const img of Array.from(root.getElementsByTagName('img')).slice(0, 3000)) upgradeLazyImage(img);
  for (const source of Array.from(root.getElementsByTagName('source')).slice(0, 3000)) {
    if (source.parentElement?.tagName !== 'PICTURE') continue;
    if (!source.getAttribute('srcset')) {
      const value = SRCSET_ATTRS.map((a) => source.getAttribute(a)).find(Boolean);
      if (value) source.setAttribute('srcset', value);
    }
  }
  for (const noscript of Array.from(root.getElementsByTagName('noscript')).slice(0, 500)) unwrapNoscript(noscript);
}
