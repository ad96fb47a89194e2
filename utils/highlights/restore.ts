/**
 * Placing an article's stored highlights on what the reader shows now, in one
 * pass over one text index: each record goes through `locate` (position first
 * when the basis is unchanged, else quote, then fuzzy) and comes out placed,
 * with a Range to paint, or orphaned. The pass also says which records need
 * writing back: a highlight found by its quote on changed content gets fresh
 * selectors and the shown basis (so next time the position is trusted), one
 * found again after being orphaned is placed, one not found is orphaned. A
 * highlight found by position on the content it was made on needs no write,
 * so opening an article writes nothing in the usual case.
 *
 * Pure over the DOM it is given: no storage, no painting (tests run it in jsdom).
 */
import { describe, locate, sameBasis } from './anchor';
import { offsetsToRange, type TextIndex } from './text-model';
import type { AnchorBasis, Highlight, HighlightSelectors } from './types';

export interface PlacedHighlight {
  record: Highlight;
  range: Range;
  start: number;
  end: number;
}

export type RestoreWrite =
  | { kind: 'place'; id: string; selectors: HighlightSelectors; basis: AnchorBasis }
  | { kind: 'orphan'; id: string };

export interface RestoreResult {
  /** In document order of where they are now. */
  placed: PlacedHighlight[];
  /** Highlights that could not be placed, in the order of where they used to be. */
  orphans: Highlight[];
  writes: RestoreWrite[];
}

/** Document order of where highlights are now; equal ranges by creation, then id (as byDocumentOrder). */
export function byPlacement(a: PlacedHighlight, b: PlacedHighlight): number {
  return a.start - b.start || a.end - b.end || a.record.createdAt - b.record.createdAt || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
}

export function restoreHighlights(records: readonly Highlight[], index: TextIndex, shown: AnchorBasis): RestoreResult {
  const placed: PlacedHighlight[] = [];
  const orphans: Highlight[] = [];
  const writes: RestoreWrite[] = [];
  for (const record of records) {
    const same = sameBasis(record.basis, shown);
    const placement = locate(record.selectors, index.text, { sameContent: same });
    const range = placement ? offsetsToRange(placement, index) : null;
    if (!placement || !range) {
      orphans.push(record);
      if (!record.orphaned) writes.push({ kind: 'orphan', id: record.id });
      continue;
    }
    placed.push({ record, range, start: placement.start, end: placement.end });
    if (placement.method === 'position' && same && !record.orphaned) continue;
    const selectors = describe(range, index);
    if (selectors) writes.push({ kind: 'place', id: record.id, selectors, basis: { ...shown } });
  }
  placed.sort(byPlacement);
  return { placed, orphans, writes };
}
