/**
 * "Fix this page" rules (`siteRules`), one per site. The background reads them
 * before each extraction and writes them when the user fixes a page; the
 * library page lists, deletes and restores them; the backup carries them.
 * Content scripts never call this (the rule is handed to the injected
 * extractor: utils/extract-in-tab.ts).
 */
import type { SiteRule } from '../site-rules/types';
import { db } from './open';
import { queue } from './requests';

export async function getSiteRule(site: string): Promise<SiteRule | null> {
  return (await (await db()).get('siteRules', site)) ?? null;
}

export async function putSiteRule(rule: SiteRule): Promise<void> {
  await (await db()).put('siteRules', rule);
}

/** Removes the site's rule; the rule that was there (for Undo), or null. */
export async function deleteSiteRule(site: string): Promise<SiteRule | null> {
  const tx = (await db()).transaction('siteRules', 'readwrite');
  const old = (await tx.store.get(site)) ?? null;
  if (old) await tx.store.delete(site);
  await tx.done;
  return old;
}

/** Every rule, the one changed last first. */
export async function listSiteRules(): Promise<SiteRule[]> {
  const all = await (await db()).getAll('siteRules');
  return all.sort((a, b) => b.updatedAt - a.updatedAt || (a.site < b.site ? -1 : 1));
}

/**
 * Writes rules from a backup in one transaction: a site without a rule takes
 * the backup's, a site with one keeps whichever was changed last (`pick`).
 * Returns how many rules were written.
 */
export async function mergeSiteRules(rules: readonly SiteRule[], pick: (here: SiteRule | undefined, incoming: SiteRule) => SiteRule): Promise<number> {
  const tx = (await db()).transaction('siteRules', 'readwrite');
  let written = 0;
  for (const incoming of rules) {
    const here = await tx.store.get(incoming.site);
    const chosen = pick(here, incoming);
    if (chosen !== here) {
      queue(tx.store.put(chosen));
      written++;
    }
  }
  await tx.done;
  return written;
}
