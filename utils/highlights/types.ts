/**
 * A highlight as Folio stores it: one record per highlight in the `highlights`
 * store (utils/db/schema.ts), shaped after the W3C Web Annotation selectors
 * (https://www.w3.org/TR/annotation-model/#selectors) so an export can carry
 * them as they are.
 *
 * Two selectors describe the same piece of text, because each fails where the
 * other holds: offsets are exact and cheap but meaningless once the text
 * changes; a quote with its context survives edits but can be ambiguous.
 * Offsets always count over the text model of utils/highlights/text-model.ts.
 */

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export function isHighlightColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

/** The highlighted text and up to CONTEXT_CHARS (utils/highlights/anchor.ts) either side of it. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets into the text model: `start` inclusive, `end` exclusive, in UTF-16 code units. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * What the selectors were computed against. While all three are unchanged the
 * position is trusted first (after checking it against the quote); when any
 * differs (re-saved article, new extractor, new text model) the quote leads.
 */
export interface AnchorBasis {
  /** ArticleBody.contentHash of the body the highlight was made on. */
  contentHash: string;
  /** ArticleBody.extractorVersion of that body. */
  extractorVersion: number;
  /** TEXT_MODEL_VERSION (utils/highlights/text-model.ts) the offsets count by. */
  textModel: number;
}

/** One highlight: the `highlights` store's record. */
export interface Highlight {
  id: string;
  articleId: string;
  selectors: HighlightSelectors;
  basis: AnchorBasis;
  color: HighlightColor;
  /** The reader's note; '' when there is none. */
  note: string;
  createdAt: number;
  updatedAt: number;
  /**
   * True when the last attempt to place it on the article found no match (the
   * passage was edited away). An orphan is kept with its quote and note, never
   * deleted for it: the UI lists it apart and it can still be exported.
   */
  orphaned: boolean;
  /** When it was found orphaned; absent while it is placed. */
  orphanedAt?: number;
}
