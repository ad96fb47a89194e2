/**
 * THE text that highlight offsets count over. Every offset Folio stores or
 * computes (TextPositionSelector, quote search, painting) goes through here.
 *
 * Definition (TEXT_MODEL_VERSION 1). The text of a root (the reader's
 * `.reader-body` element, not the header, not ArticleBody.textContent) is the
 * concatenation, in document order, of the `data` of every Text node under
 * the root, except Text nodes that have an ancestor element (up to and
 * including the root) that is
 *   - never rendered: `script`, `style`, `template`, `noscript`, or any
 *     element with the `hidden` attribute;
 *   - a Folio decoration, not article text: an element carrying
 *     `data-folio-ui` (what highlight painting adds: note markers, buttons) or
 *     the "image not saved" box (`.image-not-saved`, utils/library/offline-images.ts),
 *     so a saved article's offsets do not depend on which images were stored.
 * Nothing else is added or removed: no separators between blocks, `<br>` and
 * images count for nothing, whitespace is kept exactly as in the Text nodes
 * (no collapsing), and offsets are UTF-16 code units.
 *
 * Why this and not `innerText`: innerText depends on layout and CSS (jsdom has
 * none, and a font or width change must not move a highlight); raw Text nodes
 * are the same on every render of the same sanitised HTML. Why not
 * `aria-hidden`: it hides text from assistive technology only, the text is
 * still on screen and selectable. Why these decorations can be trusted: the
 * sanitiser strips `class` and `data-*` from article HTML (utils/sanitize.ts),
 * so only Folio's own code can produce them. Painting a highlight wraps text
 * in elements, which splits Text nodes but leaves this text unchanged.
 *
 * Bump TEXT_MODEL_VERSION when this definition changes: stored positions then
 * stop being trusted and highlights re-anchor by their quotes.
 */

export const TEXT_MODEL_VERSION = 1;

/** The element whose text the offsets count over. */
export const READER_BODY_SELECTOR = '.reader-body';

/** Marks an element Folio adds inside the reader body that is not article text. */
export const UI_ATTRIBUTE = 'data-folio-ui';

const NOT_RENDERED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const IMAGE_NOT_SAVED = 'image-not-saved';

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function skipsItsText(el: Element): boolean {
  return (
    NOT_RENDERED.has(el.nodeName.toUpperCase()) ||
    el.hasAttribute('hidden') ||
    el.hasAttribute(UI_ATTRIBUTE) ||
    el.classList.contains(IMAGE_NOT_SAVED)
  );
}

/** The text model of one root, with where each counted Text node begins in it. */
export interface TextIndex {
  root: Node;
  text: string;
  /** Counted Text nodes in document order. */
  nodes: Text[];
  /** starts[i]: offset of nodes[i]'s first character in `text`. */
  starts: number[];
}

export interface TextOffsets {
  start: number;
  end: number;
}

/** Builds the text model of `root` (see the definition above). */
export function indexText(root: Node): TextIndex {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  // An explicit walk rather than a TreeWalker: skipping a whole subtree is one
  // decision at its element, and the root itself may be a skipped element.
  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      const text = node as Text;
      nodes.push(text);
      starts.push(length);
      parts.push(text.data);
      length += text.data.length;
      return;
    }
    if (node.nodeType === ELEMENT_NODE && skipsItsText(node as Element)) return;
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  return { root, text: parts.join(''), nodes, starts };
}

/** The text of `root` as highlight offsets count it. */
export function textOf(root: Node): string {
  return indexText(root).text;
}

function indexOf(source: Node | TextIndex): TextIndex {
  return 'nodes' in source && 'starts' in source ? source : indexText(source);
}

/**
 * The text offset of a DOM boundary point: inside a counted Text node, its
 * start plus the offset; anywhere else (between elements, inside a skipped
 * decoration, outside the root), the number of counted characters before the
 * point in document order.
 */
function offsetOfPoint(index: TextIndex, container: Node, offset: number): number {
  const i = index.nodes.indexOf(container as Text);
  if (i >= 0) return index.starts[i]! + Math.min(offset, index.nodes[i]!.data.length);
  const doc = container.ownerDocument ?? (container as Document);
  const point = doc.createRange();
  point.setStart(container, offset);
  // Binary search for the first counted node that begins at or after the point.
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(index.nodes[mid]!, 0) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo < index.nodes.length ? index.starts[lo]! : index.text.length;
}

/**
 * A DOM Range as offsets into the text model of `source` (a root, or its
 * index when the caller already built one). Parts of the range outside the
 * root are clamped to its text; null when the range does not touch the root.
 */
export function rangeToOffsets(range: Range, source: Node | TextIndex): TextOffsets | null {
  const index = indexOf(source);
  try {
    if (!range.intersectsNode(index.root)) return null;
  } catch {
    return null;
  }
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(index, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}

/** Index of the last node whose start is <= offset (nodes are sorted by start). */
function lastStartingAtOrBefore(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The boundary point for a text offset. Where the offset falls between two
 * Text nodes (the end of one is the start of the next), a range's start goes
 * to the beginning of the next node with text and its end to the end of the
 * previous one, so a highlight never reaches into a neighbouring element with
 * an empty piece (and adjacent highlights do not share a node boundary).
 */
function pointAt(index: TextIndex, offset: number, side: 'start' | 'end'): [Text, number] {
  const { nodes, starts } = index;
  // Text nodes are contiguous (each starts where the previous ends), so the last
  // node starting at or before the offset is the one a start belongs in.
  let i = lastStartingAtOrBefore(index, offset);
  // An end belongs in the node that ends there, not in those starting there.
  if (side === 'end') while (i > 0 && starts[i]! >= offset) i--;
  return [nodes[i]!, Math.max(0, Math.min(offset - starts[i]!, nodes[i]!.data.length))];
}

/**
 * Offsets into the text model of `source` as a DOM Range over its Text nodes;
 * null when they are out of bounds or the root has no text. `start === end`
 * gives a collapsed range at that point.
 */
export function offsetsToRange(offsets: TextOffsets, source: Node | TextIndex): Range | null {
  const index = indexOf(source);
  const { start, end } = offsets;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > index.text.length) return null;
  if (index.nodes.length === 0) return null;
  const [startNode, startOffset] = pointAt(index, start, 'start');
  const [endNode, endOffset] = start === end ? [startNode, startOffset] : pointAt(index, end, 'end');
  const range = (index.root.ownerDocument ?? (index.root as Document)).createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}
