/**
 * In-body promos for other stories go as a unit: the "See also:" / "Read
 * more:" / "Related:" label *and* the linked headline it introduces.
 *
 * The line rules remove a pointer line whose whole text matches, but they work
 * innermost first: on the seed page's `<p><span>See also:</span> <a>Trump,
 * Brazil's Lula aim for KL meeting…</a></p>` the `<span>` alone matched, went,
 * and the headline stayed behind as a story paragraph. Two shapes, both seen there
 * and on WCXB pages:
 *
 * - inline: one block that opens with the label (its own element or plain
 *   text) and holds nothing else but link text: the block goes;
 * - label on its own: a block that is only the label, and right after it a
 *   short block that is mostly link text (the headline, or a short list of
 *   them): both go. When what follows is prose, only the label goes (the line
 *   rule in related-links.ts does that): a story sentence that merely contains
 *   a link stays.
 */
import { normalizeSpace } from '../text';
import { isInside, removeWithEmptyParents, textOf, textUpTo } from './dom';
import type { CleanupRule } from './rule';

const LABEL_WORDS =
  "see also|read more|read also|also read|more to read|related(?: story| article| stories| articles| reading| content| coverage| link| links)?|" +
  "more on this(?: story| topic)?|recommended(?: reading| article| story)?|further reading|don['’]t miss|must read|watch|listen|keep reading|" +
  "continue reading|editor['’]s picks?|top story";
/** The label opening a block, with the separator that makes it a label ("See also: …", "READ MORE » …"). */
const LABEL_PREFIX = new RegExp(`^(?:${LABEL_WORDS})\\s*[:>»|\\-–—]\\s*`, 'i');
/** A block that is nothing but the label (separator optional: "Related", "Read more:"). */
const LABEL_ONLY = new RegExp(`^(?:${LABEL_WORDS})\\s*[:>»|\\-–—]?$`, 'i');

/** Longer than this, a block is prose (or a whole section), not a pointer to one story. */
const MAX_PROMO_CHARS = 300;
/** A headline list after a label may be a few lines. */
const MAX_HEADLINES_CHARS = 600;
/** The share of the block's non-label text that must be link text. */
const MIN_LINK_SHARE = 0.8;

const BLOCKS = 'p, li, dd, dt, div, h2, h3, h4, h5, h6, blockquote, aside, section';

function linkedChars(el: Element): number {
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a[href]'))) linked += textOf(a).length;
  return linked;
}

/** `el` has a link and its text (the label's `skip` characters excluded) is mostly link text. */
function isLinkLine(el: Element, text: string, skip: number): boolean {
  const rest = text.length - skip;
  if (rest <= 0) return false;
  const linked = linkedChars(el);
  return linked > 0 && linked >= rest * MIN_LINK_SHARE;
}

/** The outermost wrapper of `el` below `root` that holds nothing but `el`'s text. */
function outermostSameText(el: Element, root: Element, text: string): Element {
  let target = el;
  while (target.parentElement && target.parentElement !== root && textOf(target.parentElement) === text) target = target.parentElement;
  return target;
}

function nextBlockWithText(el: Element): Element | null {
  for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
    if (textOf(next)) return next;
  }
  return null;
}

export const pointerPromos: CleanupRule = {
  name: 'pointer-promos',
  run(root) {
    let removed = 0;
    // Outer blocks first: a <div> holding one pointer paragraph is judged (and removed) as a whole.
    for (const block of Array.from(root.querySelectorAll(BLOCKS))) {
      if (!isInside(block, root)) continue;
      // Containers are read only as far as a promo could be long (indentation allowed for).
      const raw = textUpTo(block, MAX_HEADLINES_CHARS * 3 + 200);
      const text = normalizeSpace(raw);
      if (!text || text.length > MAX_HEADLINES_CHARS) continue;
      // Inline: "See also: <a>Headline</a>" in one block.
      const prefix = LABEL_PREFIX.exec(text);
      if (prefix && text.length <= MAX_PROMO_CHARS && isLinkLine(block, text, prefix[0].length)) {
        removeWithEmptyParents(block, root);
        removed++;
        continue;
      }
      // Label on its own, headline in the next block.
      if (text.length > 40 || !LABEL_ONLY.test(text)) continue;
      const label = outermostSameText(block, root, text);
      const next = nextBlockWithText(label);
      if (!next || next.matches('h1, h2, h3, h4, h5, h6')) continue;
      const nextText = textOf(next);
      if (nextText.length > MAX_HEADLINES_CHARS || !isLinkLine(next, nextText, 0)) continue;
      next.remove();
      removeWithEmptyParents(label, root);
      removed += 2;
    }
    return removed;
  },
};
