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

/** What the regex `\s` matches: the characters that end a word. */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

/**
 * Words (runs of characters that are neither spaces nor CJK) and CJK characters
 * in `text`. One pass over character codes: the two global regex matches this
 * replaced built an array of every word, and on a 1 MB page (the benchmark's
 * Wikipedia article) they were most of the content script's work.
 */
export function textCounts(text: string): { words: number; cjk: number } {
  let words = 0;
  let cjk = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) {
      cjk++;
      inWord = false;
    } else if (isSpace(c)) inWord = false;
    else if (!inWord) {
      words++;
      inWord = true;
    }
  }
  return { words, cjk };
}

/** Minutes to read `text`: its words, and its CJK characters read like words at their own pace. */
export function readingMinutes(text: string): number {
  const { words, cjk } = textCounts(text);
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
