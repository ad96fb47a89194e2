/**
 * Highlights on the original article page (the "live page"), as opposed to
 * the reader's saved copy.
 *
 * The live page's text model (definition). Offsets on a live page count over
 * text-model.ts's `indexText(document.body)`: the same rules as the reader
 * (Text nodes in document order, nothing rendered-dependent, scripts, styles
 * and `hidden` skipped), over the page's whole `<body>`. Why the body and not
 * the article element detection or Readability picked: that choice is a
 * heuristic that can change from one visit to the next (a late ad, an A/B
 * layout, a new extractor version), and a root that moves turns every offset
 * into noise; the body is the one root every visit agrees on. It does mean
 * that a live page's offsets never match the reader's, so:
 *
 * - A highlight made on a live page is stored with LIVE_PAGE_BASIS, which
 *   matches no saved body (`sameBasis` is false), so the reader places it by
 *   its quote, prefix and suffix, then fuzzily (anchor.ts), never by offsets.
 * - On a live page every highlight (made there or in the reader) is placed by
 *   its quote with its context, the stored position serving only as a hint of
 *   nearness; then fuzzily.
 * - A highlight that cannot be placed on a live page is left as it is: the
 *   page may be a teaser, paywalled or rewritten. Only the reader's saved copy
 *   decides that a highlight is an orphan.
 */
import { anchor, describe } from './anchor';
import type { Painter } from './paint';
import { indexText, TEXT_MODEL_VERSION } from './text-model';
import type { AnchorBasis, HighlightColor, HighlightSelectors } from './types';

/** The basis of a highlight made on a live page: no saved body has this hash, so its quote always leads. */
export const LIVE_PAGE_BASIS: AnchorBasis = { contentHash: 'live-page', extractorVersion: 0, textModel: TEXT_MODEL_VERSION };

/** The root a live page's offsets count over (see above). */
export function liveRoot(doc: Document): Node | null {
  return doc.body;
}

/** What painting needs of a highlight: no note, no article, no dates reach the page. */
export interface LiveHighlight {
  id: string;
  color: HighlightColor;
  selectors: HighlightSelectors;
}

/** Selectors for the page's current selection over the live text model, or null when nothing (no text) is selected. */
export function describeSelection(doc: Document): HighlightSelectors | null {
  const selection = doc.getSelection();
  const root = liveRoot(doc);
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !root) return null;
  return describe(selection.getRangeAt(0), root);
}

export interface PaintOutcome {
  painted: number;
  /** Not found on this page: left alone (never orphaned for it). */
  missing: string[];
}

/**
 * Paints `highlights` on the live page with `painter`. `replace` first
 * unpaints what is there (the page's full set arrives on every visit and
 * SPA route); `add` paints one just described on this page as it is now,
 * so its position is tried first (checked against its quote).
 */
export function paintLive(painter: Painter, doc: Document, highlights: readonly LiveHighlight[], mode: 'replace' | 'add'): PaintOutcome {
  if (mode === 'replace') painter.clear();
  const root = liveRoot(doc);
  const missing: string[] = [];
  if (!root) return { painted: 0, missing: highlights.map((h) => h.id) };
  // One index for the whole batch: the page does not change while this runs.
  const index = indexText(root);
  let painted = 0;
  for (const h of highlights) {
    const range = anchor(h.selectors, root, { index, sameContent: mode === 'add' });
    if (range) {
      painter.paint(h.id, range, h.color);
      painted++;
    } else {
      missing.push(h.id);
    }
  }
  return { painted, missing };
}
