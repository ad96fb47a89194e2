/**
 * Where a small floating box (the selection toolbar, a highlight's popover)
 * goes beside a passage: centred above it when there is room under the sticky
 * toolbar, else below it; never past the viewport's sides. Page coordinates,
 * so the box scrolls with the text it belongs to.
 */
export interface Box {
  top: number;
  left: number;
}

export interface Viewport {
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
}

/** The reader's sticky toolbar (h-14) plus breathing room: a box above a passage must clear it. */
const TOP_RESERVED = 64;
const GAP = 8;
const MARGIN = 8;

export function placeNear(rect: Pick<DOMRect, 'top' | 'bottom' | 'left' | 'right'>, size: { width: number; height: number }, view: Viewport): Box {
  const above = rect.top - GAP - size.height >= TOP_RESERVED;
  const top = above ? rect.top - GAP - size.height : rect.bottom + GAP;
  const centre = (rect.left + rect.right) / 2;
  const left = Math.max(MARGIN, Math.min(centre - size.width / 2, view.width - size.width - MARGIN));
  return { top: Math.round(top + view.scrollY), left: Math.round(left + view.scrollX) };
}

export function currentViewport(): Viewport {
  return { width: document.documentElement.clientWidth, height: window.innerHeight, scrollX: window.scrollX, scrollY: window.scrollY };
}

/** The rectangle a box is placed by: the passage's first line (a long selection's top, not its middle). */
export function anchorRect(range: Range): DOMRect {
  const rects = range.getClientRects();
  return rects.length ? rects[0]! : range.getBoundingClientRect();
}
