/**
 * Highlights that arrive before their article's text: an import's quotes
 * (Pocket annotations) for a link the queue has not fetched yet. They are
 * stored at once, so they are searchable, exported and never lost, with a
 * basis that matches no body (`contentHash: ''`): anything that anchors them
 * goes by the quote, as for any highlight on changed content. Once the
 * article's text is there they are placed for real (utils/db/articles.ts).
 */
import type { AnchorBasis, HighlightSelectors } from './types';

export const AWAITING_BASIS: AnchorBasis = { contentHash: '', extractorVersion: 0, textModel: 0 };

export function isAwaitingContent(h: { basis: AnchorBasis }): boolean {
  return h.basis.contentHash === '';
}

/** Selectors that say only the quote (the position is a placeholder that the empty basis never lets anyone trust). */
export function quoteOnly(quote: string): HighlightSelectors {
  return {
    quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: Math.max(1, quote.length) },
  };
}
