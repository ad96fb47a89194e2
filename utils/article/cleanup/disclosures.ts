/**
 * Advertiser and affiliate disclosures ("We may earn a commission when you buy
 * through links on this page") and boilerplate legal disclaimers ("… is a
 * Registered Investment Adviser. Past performance is no guarantee …"). They are
 * the site's legal small print, printed on every page, not part of the story.
 *
 * Two parts:
 * - `removeDisclosureBoxes` runs on the page *before* Readability: a disclosure
 *   pop-up can hold the longest single paragraph on a page whose story is split
 *   into many short blocks, and Readability then picks the pop-up as the article
 *   (removing it afterwards would leave nothing). Only boxes the page names as a
 *   disclosure/disclaimer *and* whose text speaks of being paid for links go:
 *   a "ranking methodology" box named `…-disclosure` is content.
 * - the cleanup rule catches the same statements inside the story, where no class
 *   names them: a short paragraph stating, in the first person, that the site
 *   earns from its links; or a paragraph made of several legal-disclaimer
 *   phrases (one phrase is a story quoting a warning; three are the small print).
 */
import { normalizeSpace } from '../text';
import { isInside, namesOf, removeWithEmptyParents, textUpTo } from './dom';
import type { CleanupRule } from './rule';

/** The site says it is paid for its links or placements. */
const PAID_FOR_LINKS = new RegExp(
  [
    '\\b(?:we|i|us)\\b (?:may |might |will |can |could |sometimes )?(?:earn|receive|get|make|be compensated)\\b.{0,40}\\b(?:commissions?|compensation|compensated)\\b',
    '\\b(?:we|i) (?:may|might|can|could|will)? ?be compensated\\b',
    '\\b(?:may |might |will )?earns? us (?:a )?(?:small )?commission',
    '\\b(?:this|the) (?:post|article|page|story|review|guide|site)\\b.{0,20}\\b(?:contains?|includes?|uses?|has|may (?:contain|include))\\b.{0,20}\\baffiliate\\b',
    '\\blinks? (?:in|on|within) this (?:post|article|page|story)\\b.{0,30}\\baffiliate\\b',
    '\\b(?:advertiser|affiliate|ftc) disclosure\\b',
  ].join('|'),
  'i',
);
/** A disclosure is about links or purchases; a quote about commissions is not a disclosure. */
const ABOUT_LINKS = /\b(?:links?|linked|purchases?|purchasing|buy|buying|click(?:s|ing)?|affiliates?|advertis\w*)\b/i;
const QUOTE_MARKS = /["“”«»„]/;

/** Phrases of financial, medical and legal small print. A story may use one; the small print strings three together. */
const DISCLAIMER_PHRASES: readonly RegExp[] = [
  /\bregistered investment advis[eo]rs?\b/i,
  /\bpast performance (?:is|does) (?:not|no)\b/i,
  /\binvesting involves (?:\w+ )?risk/i,
  /\bfor (?:general )?(?:informational|information|educational)(?: and (?:informational|educational))? purposes only\b/i,
  /\b(?:is|are|does|do|should) not (?:intended (?:to|as)|meant to|constitute|provide|be (?:construed|considered|relied))\b.{0,60}\b(?:advice|recommendations?|offer|solicitation)\b/i,
  /\bconsult (?:with )?(?:your own|a qualified|a licensed|a professional|an? (?:independent|financial|tax|legal))\b/i,
  /\bno (?:advice|guarantee) (?:may|can|is|will)\b/i,
  /\b(?:member fdic|not fdic insured|securities offered through)\b/i,
];
const DISCLAIMER_LABEL = /^(?:disclaimer|disclosure|important (?:information|disclosures?)|legal notice)\s*:/i;

/**
 * A cheap first test, since most paragraphs are story: every paid-links
 * pattern has one of these words, and so does every disclaimer phrase but one
 * (and a disclaimer needs two).
 */
const KEYWORDS = /commission|compensat|affiliat|disclos|disclaim|advis[eo]r|advice|performance|purposes only|investing|consult|fdic|securities/i;

function isPaidLinksDisclosure(text: string): boolean {
  return text.length <= 400 && !QUOTE_MARKS.test(text) && PAID_FOR_LINKS.test(text) && ABOUT_LINKS.test(text);
}

function isLegalDisclaimer(text: string): boolean {
  if (text.length > 900) return false;
  let hits = 0;
  for (const phrase of DISCLAIMER_PHRASES) if (phrase.test(text)) hits++;
  return hits >= 3 || (hits >= 2 && DISCLAIMER_LABEL.test(text));
}

const DISCLOSURE_NAME = /disclosure|disclaimer/;
/** `has-disclaimer`, `container-with-disclosure`: a container that holds one, not the box itself. */
const HOLDER_NAME = /(?:^|[-_])(?:has|with|show)[-_]/;

function namesDisclosureBox(el: Element): boolean {
  const names = namesOf(el);
  return DISCLOSURE_NAME.test(names) && names.split(/\s+/).some((token) => DISCLOSURE_NAME.test(token) && !HOLDER_NAME.test(token));
}
/** A box of small print: short, no story headings. */
const MAX_BOX_CHARS = 1200;

/**
 * Before Readability: removes elements named as a disclosure whose text says the
 * site is paid for its links (pop-ups, banners, boxes above the story).
 * Returns how many it removed.
 */
export function removeDisclosureBoxes(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  let removed = 0;
  // Substring selectors: the engine filters the page's elements faster than a loop over all named ones.
  for (const el of Array.from(body.querySelectorAll('[class*="isclos"], [class*="isclaim"], [id*="isclos"], [id*="isclaim"]'))) {
    if (!namesDisclosureBox(el) || !el.parentElement || /^(?:BODY|MAIN|ARTICLE)$/.test(el.tagName)) continue;
    const raw = textUpTo(el, MAX_BOX_CHARS * 3);
    if (raw === null) continue; // a whole section named "…disclaimer": not a box
    const text = normalizeSpace(raw);
    if (text.length > MAX_BOX_CHARS || !PAID_FOR_LINKS.test(text) || el.querySelector('h1, h2, article, main')) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/** Blocks that hold other blocks are judged through their children. */
const BLOCK_INSIDE = 'p, div, li, ul, ol, section, aside, article, table, blockquote, figure, h1, h2, h3, h4, h5, h6';

export const disclosures: CleanupRule = {
  name: 'disclosures',
  // A paragraph-level pass, not a line rule: the statement is often split over
  // <em>s and <br>s ("…affiliate ones.<br><em>This means…</em>") and the
  // paragraph as a whole is the disclosure, down to its "Learn more here" link.
  run(root) {
    let removed = 0;
    // Most stories have none of the words at all: one look at the whole text spares the walk
    // (an element's text is part of the whole, so nothing is missed).
    if (!KEYWORDS.test(root.textContent ?? '')) return 0;
    for (const el of Array.from(root.querySelectorAll('p, li, dd, div, section, aside, small, blockquote'))) {
      if (!isInside(el, root)) continue;
      const raw = textUpTo(el, 2700);
      if (raw === null || !KEYWORDS.test(raw) || el.querySelector(BLOCK_INSIDE)) continue;
      const text = normalizeSpace(raw);
      if (!text || !(isPaidLinksDisclosure(text) || isLegalDisclaimer(text))) continue;
      removeWithEmptyParents(el, root);
      removed++;
    }
    return removed;
  },
};
