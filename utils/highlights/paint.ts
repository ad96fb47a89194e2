/**
 * Painting highlights with the CSS Custom Highlight API
 * (https://developer.mozilla.org/docs/Web/API/CSS_Custom_Highlight_API):
 * ranges are registered in `CSS.highlights` and styled by `::highlight(name)`.
 *
 * Why not wrap text in <mark> elements: painting then changes no DOM at all.
 * The text model (text-model.ts) stays what it was, the reader's two-part
 * mount and a live page's own scripts (frameworks that re-render their nodes)
 * never meet Folio's elements, and the page's CSS cannot restyle a highlight
 * nor a highlight restyle the page. Ranges are live, so they follow the DOM
 * when text is inserted around them. Chromium 105+ and Firefox 140+ have it.
 *
 * One `Highlight` per colour (the registry's names are global to the
 * document), plus one for the highlight that has keyboard focus or is being
 * edited, drawn above the others.
 */

import { HIGHLIGHT_COLORS, type HighlightColor } from './types';

export const PAINT_PREFIX = 'folio-hl-';
const FOCUS_NAME = `${PAINT_PREFIX}focus`;

/** The registry name a colour is painted under. */
export function paintName(color: HighlightColor): string {
  return PAINT_PREFIX + color;
}

/**
 * Light and dark fills, chosen so body text keeps at least 4.5:1 contrast on
 * both (the colour is a tint behind the text; the text colour is unchanged).
 */
const FILLS: Record<HighlightColor, { light: string; dark: string }> = {
  yellow: { light: 'rgb(255 226 90 / 0.55)', dark: 'rgb(200 160 0 / 0.45)' },
  green: { light: 'rgb(140 220 140 / 0.55)', dark: 'rgb(40 140 60 / 0.5)' },
  blue: { light: 'rgb(140 195 255 / 0.55)', dark: 'rgb(40 100 200 / 0.5)' },
  pink: { light: 'rgb(255 160 200 / 0.55)', dark: 'rgb(190 60 120 / 0.5)' },
  purple: { light: 'rgb(200 165 255 / 0.55)', dark: 'rgb(120 70 200 / 0.5)' },
};

/** The colour swatch a button or list shows for `color` (the light fill, opaque enough to see). */
export function swatchOf(color: HighlightColor): string {
  return FILLS[color].light.replace(/\/ [0-9.]+\)$/, '/ 0.9)');
}

/**
 * The stylesheet for painted highlights. `dark` picks the dark fills; pass
 * `'media'` to follow `prefers-color-scheme` (the live page, whose theme Folio
 * does not know).
 */
export function highlightCss(dark: boolean | 'media'): string {
  const rules = (which: 'light' | 'dark') =>
    HIGHLIGHT_COLORS.map((c) => `::highlight(${paintName(c)}) { background-color: ${FILLS[c][which]}; }`).join('\n');
  const focus = `::highlight(${FOCUS_NAME}) { text-decoration: underline 2px; text-underline-offset: 3px; }`;
  if (dark === 'media') return `${rules('light')}\n@media (prefers-color-scheme: dark) {\n${rules('dark')}\n}\n${focus}`;
  return `${rules(dark ? 'dark' : 'light')}\n${focus}`;
}

/** Whether this document can paint highlights at all. */
export function canPaint(doc: Document = document): boolean {
  const css = doc.defaultView?.CSS as { highlights?: unknown } | undefined;
  return !!css?.highlights && typeof doc.defaultView?.Highlight === 'function';
}

interface Painted {
  range: Range;
  color: HighlightColor;
  /** Paint order: later highlights win hit tests where two overlap. */
  order: number;
}

export interface Painter {
  /** Paints (or repaints in a new colour) highlight `id` over `range`. */
  paint(id: string, range: Range, color: HighlightColor): void;
  unpaint(id: string): void;
  has(id: string): boolean;
  /** The live range highlight `id` is painted over. */
  rangeOf(id: string): Range | undefined;
  /** Ids of every painted highlight. */
  ids(): string[];
  /** The topmost highlight at a viewport point, or null. */
  at(x: number, y: number): string | null;
  /** The topmost highlight containing a DOM point (a click's caret, a selection's start). */
  atPoint(node: Node, offset: number): string | null;
  /** Marks one highlight (keyboard focus, the one being edited); null clears. */
  focus(id: string | null): void;
  /** Unpaints everything and leaves the registry as it found it. */
  clear(): void;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretAt(doc: CaretDoc, x: number, y: number): [Node, number] | null {
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? [p.offsetNode, p.offset] : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? [r.startContainer, r.startOffset] : null;
}

function inRange(range: Range, node: Node, offset: number): boolean {
  try {
    // A caret at the very end of a range is beyond its last character.
    return range.isPointInRange(node, offset) && !(node === range.endContainer && offset === range.endOffset);
  } catch {
    return false;
  }
}

/** A painter for `doc`. Without Custom Highlight support it keeps ranges (hit tests still work) but draws nothing. */
export function createPainter(doc: Document = document): Painter {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const supported = canPaint(doc);
  const registry: HighlightRegistry | null = supported ? win!.CSS.highlights : null;
  const painted = new Map<string, Painted>();
  let counter = 0;
  let focused: string | null = null;

  const layers = new Map<string, Highlight>();
  const layer = (name: string, priority: number): Highlight | null => {
    if (!registry) return null;
    let h = layers.get(name);
    if (!h) {
      h = new win!.Highlight();
      h.priority = priority;
      layers.set(name, h);
      registry.set(name, h);
    }
    return h;
  };

  const unregister = (id: string) => {
    const p = painted.get(id);
    if (!p) return;
    layers.get(paintName(p.color))?.delete(p.range);
    if (focused === id) layers.get(FOCUS_NAME)?.delete(p.range);
    painted.delete(id);
  };

  const topmost = (test: (range: Range) => boolean): string | null => {
    let best: string | null = null;
    let bestOrder = -1;
    for (const [id, p] of painted) {
      if (p.order > bestOrder && test(p.range)) {
        best = id;
        bestOrder = p.order;
      }
    }
    return best;
  };

  return {
    paint(id, range, color) {
      const wasFocused = focused === id;
      unregister(id);
      painted.set(id, { range, color, order: counter++ });
      layer(paintName(color), 1)?.add(range);
      if (wasFocused) layer(FOCUS_NAME, 2)?.add(range);
    },
    unpaint(id) {
      unregister(id);
      if (focused === id) focused = null;
    },
    has: (id) => painted.has(id),
    rangeOf: (id) => painted.get(id)?.range,
    ids: () => [...painted.keys()],
    at(x, y) {
      const caret = caretAt(doc as CaretDoc, x, y);
      return caret ? this.atPoint(caret[0], caret[1]) : null;
    },
    atPoint: (node, offset) => topmost((range) => inRange(range, node, offset)),
    focus(id) {
      const focusLayer = layer(FOCUS_NAME, 2);
      focusLayer?.clear();
      focused = id && painted.has(id) ? id : null;
      if (focused) focusLayer?.add(painted.get(focused)!.range);
    },
    clear() {
      painted.clear();
      focused = null;
      for (const [name, h] of layers) {
        h.clear();
        if (registry?.get(name) === h) registry.delete(name);
      }
      layers.clear();
    },
  };
}
