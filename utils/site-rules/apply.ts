/**
 * Applying a site rule to a page. Before Readability the page is narrowed to
 * the rule's article container (its `<head>` stays: metadata comes from there)
 * and the blocks to remove are dropped; after Readability the same blocks are
 * dropped from its output too, because Readability rebuilds the content and a
 * block it kept may come back in another shape. A rule whose article selector
 * matches nothing (or more than one element, or too little text) narrows
 * nothing: the page is extracted as if there were no rule.
 */
import { matchCount } from './selector';
import type { RuleOutcome, SiteRule } from './types';

/** Below this the matched container is a teaser or an empty shell on this page, not the story. */
export const MIN_ARTICLE_CHARS = 200;

export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

function removeAll(root: ParentNode, selectors: readonly string[]): number {
  let removed = 0;
  for (const selector of selectors) {
    if (matchCount(root, selector) === 0) continue;
    for (const el of root.querySelectorAll(selector)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

/** The one element `selector` picks out of `doc` as its story, or null: none, several, or too little text. */
export function articleContainer(doc: Document, selector: string): Element | null {
  if (!doc.body || matchCount(doc, selector) !== 1) return null;
  const container = doc.querySelector(selector)!;
  return (container.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS ? container : null;
}

/** Narrows and cleans `doc` in place, before extraction. */
export function applyBefore(doc: Document, rule: SiteRule): RuleOutcome {
  let narrowed = false;
  const container = rule.article ? articleContainer(doc, rule.article) : null;
  if (container) {
    doc.body.replaceChildren(container);
    narrowed = true;
  }
  const removed = removeAll(doc, rule.remove);
  return { used: narrowed || removed > 0, narrowed, removed };
}

/** Drops the rule's blocks from extracted content (Readability's output); how many went. */
export function applyAfter(content: ParentNode, rule: SiteRule): number {
  return removeAll(content, rule.remove);
}
