/**
 * Where a page keeps its story text, found cheaply (no Readability): the
 * publisher's own `itemprop=articleBody`, else the largest `<article>`, else the
 * element that directly holds the most paragraph text. Used for the popup's
 * reading-time estimate and for live-page text scaling.
 */

/** Below this many characters a candidate is a teaser or a caption, not the story. */
const MIN_TEXT = 400;

function textLength(el: Element): number {
  return el.textContent?.length ?? 0;
}

export function mainTextContainer(doc: Document): HTMLElement | null {
  const declared = doc.querySelector<HTMLElement>('[itemprop~="articleBody"]');
  if (declared && textLength(declared) >= MIN_TEXT) return declared;

  // Each article's length once: textContent builds the whole string every time it is read.
  let best: HTMLElement | null = null;
  let bestLength = 0;
  for (const article of doc.querySelectorAll<HTMLElement>('article')) {
    const length = textLength(article);
    if (!best || length > bestLength) {
      best = article;
      bestLength = length;
    }
  }
  if (best && bestLength >= MIN_TEXT) return best;

  // No markup to go by: the parent of the most paragraph text (one pass over <p>).
  const byParent = new Map<HTMLElement, number>();
  let top: HTMLElement | null = null;
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent) continue;
    const sum = (byParent.get(parent) ?? 0) + textLength(p);
    byParent.set(parent, sum);
    if (!top || sum > byParent.get(top)!) top = parent;
  }
  return top && byParent.get(top)! >= MIN_TEXT ? top : null;
}

/** Silent-reading speed used by most "N min read" labels. */
const WORDS_PER_MINUTE = 230;
/** Chinese, Japanese and Korean text has no spaces: count characters instead. */
const CJK_CHARS_PER_MINUTE = 500;

export function readingMinutes(text: string): number {
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  const words = text.match(/[^\s\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE));
}

/** The page's declared share image (og:image, then twitter:image) as an absolute http(s) URL. */
export function leadImage(doc: Document): string | null {
  for (const name of ['og:image', 'twitter:image']) {
    const meta = doc.querySelector<HTMLMetaElement>(`meta[property="${name}"], meta[name="${name}"]`);
    const raw = meta?.content.trim();
    if (!raw) continue;
    try {
      // og:image should be absolute, but relative values are common: resolve like the page would.
      const url = new URL(raw, doc.baseURI);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not a URL: try the next tag.
    }
  }
  return null;
}

/** The page's declared canonical URL (absolute http(s)), which is what gets shared. */
export function canonicalUrl(doc: Document): string | null {
  const href = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
  return href && /^https?:/.test(href) ? href : null;
}
