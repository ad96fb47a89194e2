/**
 * "Remove parts" in the reader, the DOM side: which block a pointer or a key
 * means, how a block shown in the reader (a sanitised copy) is found again in
 * the article's stored HTML, and which removals can become part of the site's
 * rule. Pure DOM; the reader page wires it to events (components/reader/).
 *
 * Why a block is found again by tag, position and text: the reader shows a
 * sanitised copy of the stored HTML, and the stored HTML is what must change
 * (the saved article keeps the content the user fixed). The sanitiser keeps
 * every block element in order (it drops scripts, forms and the like, which
 * extraction has already removed), so the k-th `<p>` of the copy is the k-th
 * `<p>` of the stored HTML; the text confirms it, and where it does not match
 * (an image shown as "Image not saved"), the first block of that tag with that
 * text is taken, and only then the position alone.
 */
import { normalizeSpace } from '../article/text';
import { isRemovalStep } from './selector';

/** Blocks a person means by "this part": paragraphs, figures, lists, boxes. */
export const REMOVABLE_SELECTOR = 'p, figure, ul, ol, dl, aside, blockquote, table, pre, section, div, details, h2, h3, h4, h5, h6';

/** Where the extractor wrote a block's stable step (utils/article/extract.ts, markBlocks). */
export const STEP_ATTR = 'data-folio-step';

/** A block bigger than this share of the article is the article itself, not a part of it. */
const MAX_PART_SHARE = 0.9;
/** Text kept to recognise a block again: enough to tell paragraphs apart, small in a message. */
const REF_TEXT_CHARS = 200;

/** A block of the stored HTML, as the reader's copy names it. */
export interface BlockRef {
  tag: string;
  /** Its position among the body's elements of that tag. */
  index: number;
  /** Its whitespace-collapsed text, cut to REF_TEXT_CHARS. */
  text: string;
}

const refText = (el: Element) => normalizeSpace(el.textContent).slice(0, REF_TEXT_CHARS);

/** Folio's own wrappers in the reader (wide tables scroll in a box: components/ArticleBody.tsx): not article markup. */
function isFolioWrapper(el: Element): boolean {
  return el.classList.contains('table-scroll');
}

function isRemovable(el: Element): boolean {
  return el.matches(REMOVABLE_SELECTOR) && !isFolioWrapper(el);
}

/**
 * The part `target` (the element under the pointer, or focused) belongs to:
 * the nearest removable block, widened through wrappers that add nothing to
 * see (a `<div class="promo">` around its one `<p>` is one part to the eye,
 * and the outer element is the one the site's template names). Null when the
 * block is the article itself or outside `body`.
 */
export function partAt(target: Element | null, body: Element): Element | null {
  let block = target?.closest(REMOVABLE_SELECTOR) ?? null;
  while (block && isFolioWrapper(block)) block = block.parentElement?.closest(REMOVABLE_SELECTOR) ?? null;
  if (!block || block === body || !body.contains(block)) return null;
  const text = normalizeSpace(block.textContent);
  for (let up = block.parentElement; up && up !== body && body.contains(up); up = up.parentElement) {
    if (normalizeSpace(up.textContent) !== text) break;
    if (isRemovable(up)) block = up;
  }
  const whole = normalizeSpace(body.textContent).length;
  if (whole > 0 && text.length >= whole * MAX_PART_SHARE) return null;
  return block;
}

/** Every removable block of `body` with its ref, in document order (taken before anything is removed). */
export function blockRefs(body: Element): Map<Element, BlockRef> {
  const refs = new Map<Element, BlockRef>();
  const seen = new Map<string, number>();
  for (const el of Array.from(body.querySelectorAll(REMOVABLE_SELECTOR))) {
    if (isFolioWrapper(el)) continue;
    const tag = el.tagName.toLowerCase();
    const index = seen.get(tag) ?? 0;
    seen.set(tag, index + 1);
    refs.set(el, { tag, index, text: refText(el) });
  }
  return refs;
}

/**
 * Removes the blocks `refs` name from `body` (the stored HTML, parsed inert).
 * Every block is found before any is removed (a removed wrapper takes its
 * children along, and positions must be counted on the untouched tree).
 * Returns false, changing nothing, when one of them cannot be found.
 */
export function removeByRefs(body: Element, refs: readonly BlockRef[]): boolean {
  const byTag = new Map<string, Element[]>();
  const of = (tag: string) => {
    let list = byTag.get(tag);
    if (!list) byTag.set(tag, (list = Array.from(body.getElementsByTagName(tag))));
    return list;
  };
  const found = new Set<Element>();
  for (const ref of refs) {
    const list = of(ref.tag);
    const free = (el: Element | undefined): el is Element => !!el && !found.has(el);
    const at = list[ref.index];
    const match =
      (free(at) && refText(at) === ref.text ? at : undefined) ??
      list.find((el) => free(el) && refText(el) === ref.text) ??
      (free(at) ? at : undefined);
    if (!match) return false;
    found.add(match);
  }
  for (const el of found) el.remove();
  return true;
}

/** The stable step the extractor wrote on a block, when it is one a rule may hold. */
export function stepOfBlock(el: Element): string | null {
  const step = el.getAttribute(STEP_ATTR);
  return step && isRemovalStep(step) ? step : null;
}

/**
 * Which removals may become part of the site's rule. A step is kept only when
 * it names exactly the blocks the user removed on this page: a class every
 * paragraph of the story carries would otherwise remove the next article's
 * story too. This is the check made on the one page at hand (no second page of
 * the site is); the next page tests it again, and a removal that matches
 * nothing there changes nothing.
 */
export function ruleSteps(removed: readonly Element[], all: Iterable<Element>): { steps: string[]; pageOnly: number } {
  const removedBy = new Map<string, number>();
  let pageOnly = 0;
  for (const el of removed) {
    const step = stepOfBlock(el);
    if (step) removedBy.set(step, (removedBy.get(step) ?? 0) + 1);
    else pageOnly++;
  }
  const onPage = new Map<string, number>();
  for (const el of all) {
    const step = stepOfBlock(el);
    if (step && removedBy.has(step)) onPage.set(step, (onPage.get(step) ?? 0) + 1);
  }
  const steps: string[] = [];
  for (const [step, count] of removedBy) {
    if (onPage.get(step) === count) steps.push(step);
    else pageOnly += count;
  }
  return { steps, pageOnly };
}
