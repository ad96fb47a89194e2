/**
 * The cleanup passes, in order. Each rule lives in its own file and says why it
 * exists; the golden fixtures in tests/fixtures/extract/ pin each one.
 */
import { absoluteUrls } from './absolute-urls';
import { adPlaceholders } from './ad-placeholders';
import { authorBio } from './author-bio';
import { cmsCredits } from './cms-credits';
import { emptyBlocks } from './empty-blocks';
import { removeMatchingLines } from './lines';
import { notices } from './notices';
import { promos } from './promos';
import { relatedLinks } from './related-links';
import type { CleanupContext, CleanupRule } from './rule';
import { shareWidgets } from './share-widgets';

/** Rules that recognise clutter (structure first, then one shared walk for their text lines). */
export const CLEANUP_RULES: readonly CleanupRule[] = [shareWidgets, relatedLinks, promos, authorBio, cmsCredits, adPlaceholders, notices];
/** Rules that tidy up after them: empty wrappers and caption-only figures, then URLs. */
export const FINISHING_RULES: readonly CleanupRule[] = [emptyBlocks, absoluteUrls];

export function runCleanup(root: Element, ctx: Omit<CleanupContext, 'named'>): void {
  const full: CleanupContext = { ...ctx, named: Array.from(root.querySelectorAll('[class], [id]')) };
  for (const rule of CLEANUP_RULES) rule.run?.(root, full);
  removeMatchingLines(root, CLEANUP_RULES.flatMap((r) => r.lines ?? []));
  for (const rule of FINISHING_RULES) rule.run?.(root, full);
}
