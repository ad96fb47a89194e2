/** DOM helpers the cleanup rules share. Readability's article element is detached from any document, so "still there?" is `isInside(el, root)`, never `isConnected`. */
import { normalizeSpace } from '../text';

export function textOf(el: Element): string {
  return normalizeSpace(el.textContent);
}

/** Not only whitespace (the characters normalizeSpace collapses). */
const VISIBLE_CHAR = /[^\s\u00a0\u200b]/;

/**
 * Same answer as `textOf(el) !== ''`, but stops at the first visible
 * character instead of copying and normalising the whole subtree's text: the
 * "is it empty?" tests run over every block of the article, containers included.
 */
export function hasText(el: Node): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 || child.nodeType === 4) {
      if (VISIBLE_CHAR.test(child.nodeValue ?? '')) return true;
    } else if (child.nodeType === 1 && hasText(child)) {
      return true;
    }
  }
  return false;
}

/**
 * `el.textContent` when it is at most `limit` characters long, else null. Stops
 * reading as soon as the limit is passed, so asking a big container for its
 * text costs little when the answer is "too long".
 */
export function textUpTo(el: Node, limit: number): string | null {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): boolean => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 || child.nodeType === 4) {
        const value = child.nodeValue ?? '';
        length += value.length;
        if (length > limit) return false;
        parts.push(value);
      } else if (child.nodeType === 1 && !walk(child)) {
        return false;
      }
    }
    return true;
  };
  return walk(el) ? parts.join('') : null;
}

/** Share of the element's text that sits inside links (0 when it has no text). */
export function linkDensity(el: Element): number {
  const total = textOf(el).length;
  if (!total) return 0;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += textOf(a).length;
  return Math.min(1, linked / total);
}

/** class + id, lower-cased, for the name-based heuristics. */
export function namesOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase();
}

export function hasMedia(el: Element): boolean {
  return el.matches('img, picture, video, audio, iframe, svg, canvas, object, embed, table, math') ||
    el.querySelector('img, picture, video, audio, iframe, svg, canvas, object, embed, table, math') !== null;
}

/**
 * Removes `el`, then any ancestors it leaves empty (a wrapper div whose only
 * child was the widget), stopping at `root`. Returns the nearest ancestor left
 * standing (`root` at most), or null when `el` had no parent.
 */
export function removeWithEmptyParents(el: Element, root: Element): Element | null {
  let parent = el.parentElement;
  el.remove();
  while (parent && parent !== root && isEmptyWrapper(parent)) {
    const next = parent.parentElement;
    parent.remove();
    parent = next;
  }
  return parent;
}

/** Elements that are "a line": paragraphs, list items, headings and leaf-ish divs. */
export const LINE_SELECTOR = 'p, li, h1, h2, h3, h4, h5, h6, div, span, section, aside, blockquote, strong, b, em, figcaption, dd, dt, small, header, footer';

/** `root` is `el` or one of its ancestors. Walks up (cost: the depth), where `contains` may walk the whole subtree on Node DOMs. */
export function isInside(el: Element, root: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node === root) return true;
  }
  return false;
}

/**
 * No text and no media left. Stops at the first child that has either, so a
 * big container that just lost one line is answered after looking at one child.
 */
export function isEmptyWrapper(el: Element): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      if (normalizeSpace(child.nodeValue)) return false;
    } else if (child.nodeType === 1) {
      if (normalizeSpace(child.textContent) || hasMedia(child as Element)) return false;
    }
  }
  return true;
}
