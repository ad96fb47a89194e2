/**
 * Finding imported quotes in an article's content, before it is stored: the
 * content is sanitised and laid out in a detached element exactly as the
 * reader's `.reader-body` holds it, so the offsets count over the same text
 * model (utils/highlights/text-model.ts) the reader will use. Needs a DOM: the
 * library page, Firefox's background page, Chrome's offscreen document.
 */
import { sanitizeArticle } from '../sanitize';
import { CONTEXT_CHARS, locate } from './anchor';
import { quoteOnly } from './awaiting';
import { indexText } from './text-model';
import type { HighlightSelectors } from './types';

/** For each quote: selectors on `content`, or null when it is not in the text (kept as an orphan). */
export function anchorQuotes(content: string, url: string | null, quotes: readonly string[]): (HighlightSelectors | null)[] {
  if (quotes.length === 0) return [];
  const root = document.createElement('div');
  root.append(sanitizeArticle(content, url));
  const { text } = indexText(root);
  return quotes.map((quote) => {
    const found = locate(quoteOnly(quote), text);
    if (!found) return null;
    return {
      quote: {
        type: 'TextQuoteSelector',
        exact: text.slice(found.start, found.end),
        prefix: text.slice(Math.max(0, found.start - CONTEXT_CHARS), found.start),
        suffix: text.slice(found.end, found.end + CONTEXT_CHARS),
      },
      position: { type: 'TextPositionSelector', start: found.start, end: found.end },
    };
  });
}
