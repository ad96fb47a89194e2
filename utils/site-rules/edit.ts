/**
 * Changing a site's rule as the user fixes pages: "Use this as the article"
 * sets the container, "Remove parts" adds blocks to drop, and a restored
 * backup meets the rule already here. Pure: the caller reads and writes the
 * store (utils/db/site-rules.ts).
 */
import type { SiteRule } from './types';

/** Kinds of block one site's rule may remove: more is a rule gone wrong, not a template. */
export const MAX_REMOVALS = 50;

/** The rule with `article` as its container (a new rule when the site had none). */
export function withArticle(rule: SiteRule | null, site: string, article: string, now: number): SiteRule {
  return rule ? { ...rule, article, updatedAt: now } : { site, article, remove: [], createdAt: now, updatedAt: now };
}

/** The rule with `steps` added to what it removes (kept once each, oldest first, capped at MAX_REMOVALS). */
export function withRemovals(rule: SiteRule | null, site: string, steps: readonly string[], now: number): SiteRule {
  const remove = [...new Set([...(rule?.remove ?? []), ...steps])].slice(0, MAX_REMOVALS);
  return rule ? { ...rule, remove, updatedAt: now } : { site, article: null, remove, createdAt: now, updatedAt: now };
}

/**
 * A rule from a backup against the one this library has for the site: the one
 * changed last wins whole. Merging their parts would make a rule neither page
 * was fixed with (a container from one, removals made against another).
 */
export function newerRule(here: SiteRule | undefined, incoming: SiteRule): SiteRule {
  return here && here.updatedAt >= incoming.updatedAt ? here : incoming;
}
