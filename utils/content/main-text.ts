/**
 * Where a page keeps its story text, found cheaply (no Readability): the
 * publisher's own `itemprop=articleBody`, else the largest `<article>`, else the
 * element that directly holds the most paragraph text. Used for the popup's
 * reading-time estimate and for live-page text scaling.
 *
 * Bounded on any page: the always-on content script runs this on every article
 * a person opens, and on the benchmark's 10 MB page reading whole texts (a 10 MB
 * textContent built twice, then counted) took over 0.7 s.
 */

/** Below this many characters a candidate is a teaser or a caption, not the story. */
const MIN_TEXT = 400;
/** Past this, an <article> is long enough to be the story: longer ones are not measured further. */
const ENOUGH_TEXT = 50_000;
/** Paragraphs looked at when no markup says where the story is (a listing may have thousands). */
const MAX_PARAGRAPHS = 3_000;

/**
 * Length of `el`'s text (its textContent's length), counted only up to `cap`.
 * Text nodes' lengths are read without building the text.
 */
function textLength(el: Element, cap: number): number {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let node = walker.nextNode(); node && n < cap; node = walker.nextNode()) n += (node as Text).length;
  return n;
}

export function mainTextContainer(doc: Document): HTMLElement | null {
  const declared = doc.querySelector<HTMLElement>('[itemprop~="articleBody"]');
  if (declared && textLength(declared, MIN_TEXT) >= MIN_TEXT) return declared;

  let best: HTMLElement | null = null;
  let bestLength = 0;
  for (const article of doc.querySelectorAll<HTMLElement>('article')) {
    const length = textLength(article, ENOUGH_TEXT);
    if (!best || length > bestLength) {
      best = article;
      bestLength = length;
    }
  }
  if (best && bestLength >= MIN_TEXT) return best;

  // No markup to go by: the parent of the most paragraph text (one pass over <p>; a paragraph's text is short).
  const byParent = new Map<HTMLElement, number>();
  let top: HTMLElement | null = null;
  const paragraphs = doc.querySelectorAll('p');
  for (let i = 0; i < Math.min(paragraphs.length, MAX_PARAGRAPHS); i++) {
    const p = paragraphs[i]!;
    const parent = p.parentElement;
    if (!parent) continue;
    const sum = (byParent.get(parent) ?? 0) + (p.textContent?.length ?? 0);
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
 * Counts words (runs of characters that are neither spaces nor CJK) and CJK
 * characters over text given in pieces, as if the pieces were one string (a
 * word split by markup, "un<em>like</em>ly", is one word, as in textContent).
 * One pass over character codes: the two global regex matches this replaced
 * built an array of every word, and on a 1 MB page (the benchmark's Wikipedia
 * article) they were most of the content script's work.
 */
class WordCounter {
  words = 0;
  cjk = 0;
  private inWord = false;

  add(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isCjk(c)) {
        this.cjk++;
        this.inWord = false;
      } else if (isSpace(c)) this.inWord = false;
      else if (!this.inWord) {
        this.words++;
        this.inWord = true;
      }
    }
  }
}

export function textCounts(text: string): { words: number; cjk: number } {
  const counter = new WordCounter();
  counter.add(text);
  return { words: counter.words, cjk: counter.cjk };
}

const minutesFor = (words: number, cjk: number) => Math.max(1, Math.round(words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE));

/** Characters read word by word for an element's reading time (about half an hour of reading); the rest is estimated at the same density. */
export const COUNTED_CHARS = 50_000;
/** Past this many elements the text is measured node by node: concatenating 50,000 paragraphs' text cost 0.3 s. */
const MANY_ELEMENTS = 20_000;
/** Text measured at most: about twelve hours of reading. A longer page is timed as this long (bounded work on any page). */
export const MEASURED_CHARS = 1_000_000;

/**
 * Minutes to read the text of `root` as its textContent reads: its first
 * COUNTED_CHARS characters are counted, and a longer text's words are
 * estimated from its length at the density counted.
 */
export function readingMinutesOf(root: Element): number {
  const counter = new WordCounter();
  let counted = 0;
  let total = 0;
  if (root.getElementsByTagName('*').length <= MANY_ELEMENTS) {
    // Most stories: textContent, one native pass, beats visiting their thousands of text nodes from script.
    const text = root.textContent ?? '';
    total = Math.min(text.length, MEASURED_CHARS);
    counted = Math.min(text.length, COUNTED_CHARS);
    counter.add(text.slice(0, counted));
  } else {
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && total < MEASURED_CHARS; node = walker.nextNode()) {
      const text = node as Text;
      total += text.length;
      if (counted < COUNTED_CHARS) {
        counter.add(text.data);
        counted += text.length;
      }
    }
  }
  const scale = counted > 0 ? total / counted : 1;
  return minutesFor(counter.words * scale, counter.cjk * scale);
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
