/**
 * Shopping buttons between the paragraphs of reviews and buying guides:
 * "Compare new car deals with Leasefinder", "Check price at Amazon", "Buy now".
 * They are links to a shop (the site earns on the click), styled as buttons.
 *
 * Only a line that *is* one link counts: a heading "Compare prices" in a how-to
 * is text, and "you can compare deals with a broker" in a story is a sentence
 * with maybe a link in it; a button's whole text is its link.
 */
import { isInside, removeWithEmptyParents, textOf } from './dom';
import type { CleanupRule } from './rule';

const CTA = new RegExp(
  [
    // "Compare new car deals with X", "See today's best prices", "Get a quote"
    "^(?:compare|find|see|get|check|view|shop|browse|grab)(?: (?:the|all|our|a|an))?(?: (?:best|latest|new|used|cheapest|current|lowest|today['’]s|great|live))*(?: [\\w'’.&-]+){0,3} (?:deals?|prices?|offers?|quotes?|discounts?|rates)\\b(?: (?:on|at|with|from|for|in|via) .{1,40})?$",
    // "Buy on Amazon", "Buy it now from X", "Order at X"
    '^(?:buy|shop|order)(?: (?:it|one|yours|now|this|today))* (?:on|at|from|via) .{1,40}$',
    '^(?:buy|shop|order) (?:it )?now$',
    '^(?:view|see|get|grab|check|shop) (?:the |this )?deal$',
    '^(?:check|see|view) (?:the )?(?:current |latest )?(?:price|availability)(?: (?:on|at) .{1,40})?$',
  ].join('|'),
  'i',
);
const MAX_CTA_CHARS = 100;

export const affiliateCtas: CleanupRule = {
  name: 'affiliate-ctas',
  run(root) {
    let removed = 0;
    for (const a of Array.from(root.querySelectorAll('a[href]'))) {
      if (!isInside(a, root)) continue;
      const text = textOf(a);
      if (!text || text.length > MAX_CTA_CHARS || !CTA.test(text)) continue;
      // The link must be the whole line: climb while the block holds nothing but it.
      let line: Element = a;
      while (line.parentElement && line.parentElement !== root && textOf(line.parentElement) === text) line = line.parentElement;
      // Still the bare link with a parent below root: the parent says more, so the link sits in a sentence.
      if (line === a && a.parentElement !== root) continue;
      removeWithEmptyParents(line, root);
      removed++;
    }
    return removed;
  },
};
