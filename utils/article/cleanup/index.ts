/**
 * The cleanup passes, in order. Each rule lives in its own file and says why it
 * exists; the golden fixtures in tests/fixtures/extract/ pin each one.
 */
import { absoluteUrls } from './absolute-urls';
import { adPlaceholders } from './ad-placeholders';
import { affiliateCtas } from './affiliate-ctas';
import { appeals } from './appeals';
import { authorBio } from './author-bio';
import { cmsCredits } from './cms-credits';
import { disclosures } from './disclosures';
import { emptyBlocks } from './empty-blocks';
import { removeMatchingLines } from './lines';
import { nosnippet } from './nosnippet';
import { notices } from './notices';
import { pointerPromos } from './pointer-promos';
import { promoBoxes } from './promo-boxes';
import { promos } from './promos';
import { relatedLinks } from './related-links';
import type { CleanupContext, CleanupRule } from './rule';
import { shareWidgets } from './share-widgets';
import { sidebarWidgets } from './sidebar-widgets';
import { teaserCards } from './teaser-cards';

/** Rules that recognise clutter (structure first, then one shared walk for their text lines). */
export const CLEANUP_RULES: readonly CleanupRule[] = [
  shareWidgets, sidebarWidgets, relatedLinks, pointerPromos, teaserCards, promos, promoBoxes, affiliateCtas,
  authorBio, cmsCredits, adPlaceholders, notices, appeals, disclosures, nosnippet,
];
/** Rules that tidy up after them: empty wrappers and caption-only figures, then URLs. */
export const FINISHING_RULES: readonly CleanupRule[] = [emptyBlocks, absoluteUrls];

/** `disabled`: rule names to skip, so a test can show that a fixture's result depends on its rule. */
export function runCleanup(root: Element, ctx: Omit<CleanupContext, 'named'>, disabled: readonly string[] = []): void {
  const full: CleanupContext = { ...ctx, named: Array.from(root.querySelectorAll('[class], [id]')) };
  const rules = disabled.length ? CLEANUP_RULES.filter((r) => !disabled.includes(r.name)) : CLEANUP_RULES;
  for (const rule of rules) rule.run?.(root, full);
  removeMatchingLines(root, rules.flatMap((r) => r.lines ?? []));
  for (const rule of FINISHING_RULES) rule.run?.(root, full);
}
