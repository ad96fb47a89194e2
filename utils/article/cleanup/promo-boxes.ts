/**
 * The site selling its own course, workshop or e-book inside the story: "Join
 * my FREE workshop and learn…", "Sign up for our 5-day budgeting challenge!".
 * Bloggers put these in a coloured box with a hook title ("Tired of flat
 * bread?"), an image and the call to action; the whole box goes, title
 * included, when it is small. A lone call-to-action paragraph goes on its own.
 *
 * The call must be an imperative in the site's voice (verb, then "my"/"our",
 * then the product), opening a sentence or a clause: "students who take our
 * course" in a story is a description, not an offer.
 */
import { normalizeSpace } from '../text';
import { isInside, removeWithEmptyParents, textOf, textUpTo } from './dom';
import type { CleanupRule } from './rule';

const OFFER = /(?:^|[.!?,:;…]\s+|[\u{1F449}\u27A1\u2192\u25BA\u25B6]\s*)(?:join|sign up for|register for|enrol+ (?:in|on)|save your (?:spot|seat) (?:in|at|for)|grab|claim|download|get|take|watch) (?:my|our) (?:[\w'’&-]+ ){0,4}(?:workshop|webinar|masterclass|master class|mini-course|e-?course|course|class|challenge|bootcamp|boot camp|e-?book|cheat ?sheet|checklist|printable)s?\b/iu;
/** One of the products above, as a cheap first test before OFFER (most paragraphs are story). */
const PRODUCT_WORD = /workshop|webinar|class|course|challenge|camp|book|sheet|checklist|printable/i;
const MAX_OFFER_CHARS = 300;
/** A box holding the offer: small, and opening with its title. */
const MAX_BOX_CHARS = 700;
const TITLE = /^H[2-6]$/;

function opensWithTitle(el: Element): boolean {
  const first = el.firstElementChild;
  if (!first) return false;
  if (TITLE.test(first.tagName)) return true;
  // <p><strong>Title</strong></p>
  const only = first.tagName === 'P' && first.children.length === 1 ? first.firstElementChild : null;
  return !!only && /^(?:STRONG|B)$/.test(only.tagName) && textOf(only) === textOf(first);
}

export const promoBoxes: CleanupRule = {
  name: 'promo-boxes',
  run(root) {
    let removed = 0;
    for (const line of Array.from(root.querySelectorAll('p, li'))) {
      if (!isInside(line, root)) continue;
      const raw = textUpTo(line, MAX_OFFER_CHARS * 3);
      if (raw === null || !PRODUCT_WORD.test(raw)) continue;
      const text = normalizeSpace(raw);
      if (!text || text.length > MAX_OFFER_CHARS || !OFFER.test(text)) continue;
      // The highest small ancestor that opens with a title is the promo box.
      let target: Element = line;
      for (let box = line.parentElement; box && box !== root; box = box.parentElement) {
        const boxRaw = textUpTo(box, MAX_BOX_CHARS * 3);
        if (boxRaw === null || normalizeSpace(boxRaw).length > MAX_BOX_CHARS) break;
        if (opensWithTitle(box)) target = box;
      }
      removeWithEmptyParents(target, root);
      removed++;
    }
    return removed;
  },
};
