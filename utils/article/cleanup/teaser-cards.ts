/**
 * Teasers of the site's other stories after the article: a list of cards, each a
 * linked headline plus a blurb ("Review: the lighthouse hotel / A former
 * keeper's cottage at the end of the island road…"). Readability merges them when they share the story's
 * container; a reader would otherwise read three story openings as if they
 * continued this one.
 *
 * A card list is a block whose children all have the same shape (tag and
 * class), at least two and at least half of them cards; a card has a heading
 * that is wholly one link to another page of the *same site*, and a blurb
 * besides it. Listicles whose headings link to shops or other sites, and lists
 * of bare product names, are not cards. Two guards keep a page's own sections:
 * - a roundup made of such cards is the story itself, so the cards go only
 *   when the text outside them is at least half as long as they are;
 * - teasers come after the story, so a list with a story paragraph after it
 *   (a grid of sections with prose below) stays.
 */
import { normalizeSpace } from '../text';
import { hasText, isInside, removeWithEmptyParents, textOf, textUpTo } from './dom';
import type { CleanupRule } from './rule';

const MAX_CARD_CHARS = 1200;
/** How far above a headline its card list may sit (headline, its card, the list). */
const MAX_LEVELS = 4;
/** A blurb, not a byline or a date. */
const MIN_BLURB_CHARS = 40;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

function isCard(el: Element, baseUrl: string, pageHost: string, pagePath: string): boolean {
  const heading = el.querySelector('h2, h3, h4, h5, h6');
  if (!heading) return false;
  const headline = textOf(heading);
  if (!headline) return false;
  const link = heading.querySelector('a[href]') ?? heading.closest('a[href]');
  if (!link || (!el.contains(link) && link !== el) || textOf(link) !== headline) return false;
  let target: URL;
  try {
    target = new URL(link.getAttribute('href') ?? '', baseUrl);
  } catch {
    return false;
  }
  if (target.hostname.replace(/^www\./, '') !== pageHost || target.pathname === pagePath) return false;
  return textOf(el).length - headline.length >= MIN_BLURB_CHARS;
}

/**
 * `el` comes after `ref` in document order (and is not inside it). Written out
 * because linkedom's compareDocumentPosition answers wrongly across nesting levels.
 */
function comesAfter(el: Element, ref: Element): boolean {
  const chain = (n: Element): Element[] => {
    const out: Element[] = [];
    for (let x: Element | null = n; x; x = x.parentElement) out.unshift(x);
    return out;
  };
  const a = chain(el);
  const b = chain(ref);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length || i === b.length) return false; // one holds the other
  // Siblings under the common ancestor: is b's branch before a's?
  for (let sib = a[i]!.previousElementSibling; sib; sib = sib.previousElementSibling) if (sib === b[i]) return true;
  return false;
}

/** A paragraph this long is story prose, not a caption or a card's date line. */
const MIN_PROSE_CHARS = 150;

/** The last long paragraph outside the card lists, in document order. */
function lastStoryParagraph(root: Element, lists: Element[]): Element | null {
  const paragraphs = Array.from(root.querySelectorAll('p'));
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i]!;
    const raw = textUpTo(p, MIN_PROSE_CHARS * 3);
    if (raw !== null && normalizeSpace(raw).length < MIN_PROSE_CHARS) continue;
    if (!lists.some((l) => l.contains(p))) return p;
  }
  return null;
}

const signature = (el: Element): string => `${el.tagName} ${el.getAttribute('class') ?? ''}`;

export const teaserCards: CleanupRule = {
  name: 'teaser-cards',
  run(root, ctx) {
    const pageHost = hostOf(ctx.baseUrl);
    if (!pageHost) return 0;
    const pagePath = new URL(ctx.baseUrl).pathname;
    const lists: Element[] = [];
    let cardChars = 0;
    // Start from linked headings: only blocks holding one can be card lists.
    for (const heading of Array.from(root.querySelectorAll('h2, h3, h4, h5, h6'))) {
      const link = heading.querySelector('a[href]') ?? heading.closest('a[href]');
      if (!link || !isInside(heading, root)) continue;
      // The list is the nearest ancestor (a few levels up) whose children are same-shaped cards.
      let level = 0;
      for (let card: Element = heading; card.parentElement && card.parentElement !== root && level < MAX_LEVELS; card = card.parentElement, level++) {
        const list = card.parentElement;
        if (lists.some((l) => l === list || l.contains(list) || list.contains(l))) break;
        // Cheap tests first: this runs for every heading, and the story's own container has many children.
        const kids = Array.from(list.children).filter((k) => hasText(k));
        if (kids.length < 2) continue;
        const shape = signature(kids[0]!);
        if (!kids.every((k) => signature(k) === shape)) continue;
        if (kids.some((k) => textUpTo(k, MAX_CARD_CHARS * 3) === null || textOf(k).length > MAX_CARD_CHARS)) break;
        const cards = kids.filter((k) => isCard(k, ctx.baseUrl, pageHost, pagePath)).length;
        if (cards < 2 || cards * 2 < kids.length) break;
        lists.push(list);
        cardChars += textOf(list).length;
        break;
      }
    }
    // A rail of such lists: same-shaped sibling lists go with them, even where a card lacks its headline.
    // Only named components (a class): two bare <ul>s are not one rail.
    for (const list of [...lists]) {
      if (!list.getAttribute('class')?.trim()) continue;
      const cardShape = list.firstElementChild ? signature(list.firstElementChild) : '';
      for (const sib of Array.from(list.parentElement?.children ?? [])) {
        if (lists.includes(sib) || signature(sib) !== signature(list) || !sib.children.length) continue;
        if (!Array.from(sib.children).every((k) => signature(k) === cardShape && textOf(k).length <= MAX_CARD_CHARS)) continue;
        lists.push(sib);
        cardChars += textOf(sib).length;
      }
    }
    if (!lists.length || (textOf(root).length - cardChars) * 2 < cardChars) return 0;
    // Teasers follow the story: a list with story prose after it is part of the page's body.
    const lastProse = lastStoryParagraph(root, lists);
    let removed = 0;
    for (const list of lists) {
      if (lastProse && !comesAfter(list, lastProse)) continue;
      if (!isInside(list, root)) continue;
      removeWithEmptyParents(list, root);
      removed++;
    }
    return removed;
  },
};
