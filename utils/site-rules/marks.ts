/**
 * The extractor's marks for "Remove parts" (ExtractOptions.markBlocks): each
 * block of the page with a stable class or id carries it as `data-folio-step`
 * into the extracted HTML, where classes are stripped, so the reader can tell
 * which kind of block a person removed (utils/site-rules/blocks.ts).
 *
 * Marked on the page's copy before Readability, because Readability does not
 * keep every element: a `<div class="promo">` holding only text becomes a new
 * `<p>` with the div's children and none of its attributes. The div's children
 * are the page's own nodes, moved, so a block whose children all came from
 * one marked element gets that element's mark afterwards.
 */
import { REMOVABLE_SELECTOR, STEP_ATTR } from './blocks';
import { classStep } from './selector';

/** Which marked element each child node came from (its step). */
export type MarkOwners = WeakMap<Node, string>;

/** Marks `root`'s blocks; a mark the page wrote itself is dropped first, so only Folio's count. */
export function markBlocks(root: ParentNode): MarkOwners {
  const owners: MarkOwners = new WeakMap();
  for (const el of Array.from(root.querySelectorAll(`[${STEP_ATTR}]`))) el.removeAttribute(STEP_ATTR);
  for (const el of Array.from(root.querySelectorAll(REMOVABLE_SELECTOR))) {
    const step = classStep(el);
    if (!step) continue;
    el.setAttribute(STEP_ATTR, step);
    for (const child of Array.from(el.childNodes)) owners.set(child, step);
  }
  return owners;
}

const isBlank = (node: Node) => node.nodeType === 3 && !(node.textContent ?? '').trim();

/** Gives a block Readability rebuilt the mark of the element its children all came from. */
export function carryMarks(root: Element, owners: MarkOwners): void {
  for (const el of Array.from(root.querySelectorAll(REMOVABLE_SELECTOR))) {
    if (el.hasAttribute(STEP_ATTR)) continue;
    let step: string | null = null;
    let carried = false;
    for (const child of Array.from(el.childNodes)) {
      if (isBlank(child)) continue;
      const owner = owners.get(child);
      if (!owner || (step !== null && owner !== step)) {
        carried = false;
        break;
      }
      step = owner;
      carried = true;
    }
    if (carried && step) el.setAttribute(STEP_ATTR, step);
  }
}
