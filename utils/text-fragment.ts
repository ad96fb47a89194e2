/**
 * Text fragment links (`#:~:text=…`, https://wicg.github.io/scroll-to-text-fragment/):
 * a link that scrolls to and highlights a quote. Chromium and Firefox ≥ 131 follow
 * them; other browsers simply open the page.
 */

/** Quotes up to this many words are linked whole; longer ones by their first and last words. */
const MAX_WHOLE_WORDS = 10;
/** Words kept at each end of a long quote (textStart,textEnd). */
const EDGE_WORDS = 5;
/** Space-less scripts (CJK) have no words: characters kept at each end instead. */
const EDGE_CHARS = 20;
const MAX_WHOLE_CHARS = 80;

/** Percent-encodes a fragment term; the spec reserves `-`, `&` and `,`, which encodeURIComponent leaves or must not miss. */
export function encodeTextTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/** Selections arrive with line breaks and runs of spaces; the browser matches on collapsed text. */
export function normaliseQuote(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** `:~:text=…` for a quote, or null when the quote is empty. */
export function textDirective(quote: string): string | null {
  const text = normaliseQuote(quote);
  if (!text) return null;
  const words = text.split(' ');
  if (words.length > MAX_WHOLE_WORDS) {
    const start = words.slice(0, EDGE_WORDS).join(' ');
    const end = words.slice(-EDGE_WORDS).join(' ');
    return `:~:text=${encodeTextTerm(start)},${encodeTextTerm(end)}`;
  }
  const chars = [...text];
  if (chars.length > MAX_WHOLE_CHARS) {
    const start = chars.slice(0, EDGE_CHARS).join('');
    const end = chars.slice(-EDGE_CHARS).join('');
    return `:~:text=${encodeTextTerm(start)},${encodeTextTerm(end)}`;
  }
  return `:~:text=${encodeTextTerm(text)}`;
}

/** `url` (already clean, no fragment) with a text fragment pointing at `quote`. */
export function withTextFragment(url: string, quote: string): string {
  const directive = textDirective(quote);
  if (!directive) return url;
  return `${url.replace(/#.*$/s, '')}#${directive}`;
}
