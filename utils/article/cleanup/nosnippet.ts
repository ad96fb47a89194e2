/**
 * Blocks the site itself marks `data-nosnippet`: Google's directive for "not
 * part of this page's text in search results". Sites put it on what frames
 * the story — a byline box with the author's bio, a date line, a disclaimer, a
 * newsletter box — and on the 11 tuning-part WCXB articles that use it, 2 of
 * the 3,151 words so marked (outside navigation) were in the story.
 *
 * A site can also mark much of its story so (paywalled text kept out of
 * snippets): when the marked blocks hold a large share of the article, none
 * is removed.
 */
import type { CleanupRule } from './rule';

const ATTR = 'data-nosnippet';
const SELECTOR = `[${ATTR}]`;
/** Marked blocks are removed only while all of them together hold less than this share of the article's words. */
const MAX_SHARE = 0.3;

const wordCount = (el: Element) => (el.textContent ?? '').split(/\s+/).filter(Boolean).length;

/**
 * On the working copy, before Readability: the mark is copied onto a marked
 * element's children, since Readability replaces a box holding one paragraph
 * by that paragraph, and the box's attributes go with it.
 */
export function carryNosnippet(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll(SELECTOR))) {
    for (const child of Array.from(el.children)) child.setAttribute(ATTR, '');
  }
}

export const nosnippet: CleanupRule = {
  name: 'nosnippet',
  run(root) {
    const marked = Array.from(root.querySelectorAll(SELECTOR)).filter((el) => !el.parentElement?.closest(SELECTOR));
    if (!marked.length) return 0;
    const markedWords = marked.reduce((n, el) => n + wordCount(el), 0);
    if (markedWords >= wordCount(root) * MAX_SHARE) return 0;
    for (const el of marked) el.remove();
    return marked.length;
  },
};
