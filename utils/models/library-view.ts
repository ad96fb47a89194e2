/**
 * The library's list as pure functions over ArticleMeta: which view an article
 * belongs to, the sorts, the tag and site lists with counts. The model
 * (library.ts) composes them; they run over all 10,000 rows in memory, so each
 * is a single pass or one sort with cheap comparisons (no localeCompare).
 */
import type { ArticleMeta } from '../library/types';
import { byCodeUnits } from '../compare';

export const VIEWS = ['saved', 'unread', 'favourites', 'archived', 'all'] as const;
export type LibraryView = (typeof VIEWS)[number];

export const SORTS = ['relevance', 'newest', 'oldest', 'title', 'site', 'longest', 'shortest'] as const;
export type LibrarySort = (typeof SORTS)[number];

export function inView(meta: ArticleMeta, view: LibraryView): boolean {
  switch (view) {
    case 'saved':
      return meta.archivedAt === undefined;
    case 'unread':
      return meta.archivedAt === undefined && meta.readAt === undefined;
    case 'favourites':
      return meta.favoritedAt !== undefined;
    case 'archived':
      return meta.archivedAt !== undefined;
    case 'all':
      return true;
  }
}

export function viewCounts(metas: readonly ArticleMeta[]): Record<LibraryView, number> {
  const counts: Record<LibraryView, number> = { saved: 0, unread: 0, favourites: 0, archived: 0, all: 0 };
  for (const m of metas) for (const v of VIEWS) if (inView(m, v)) counts[v]++;
  return counts;
}

const newest = (a: ArticleMeta, b: ArticleMeta) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const COMPARE: Record<Exclude<LibrarySort, 'relevance'>, (a: ArticleMeta, b: ArticleMeta) => number> = {
  newest,
  oldest: (a, b) => -newest(a, b),
  title: (a, b) => byCodeUnits(a.titleKey, b.titleKey) || newest(a, b),
  site: (a, b) => byCodeUnits(a.siteKey, b.siteKey) || newest(a, b),
  longest: (a, b) => b.wordCount - a.wordCount || newest(a, b),
  shortest: (a, b) => a.wordCount - b.wordCount || newest(a, b),
};

/** A sorted copy; 'relevance' keeps the given (search-ranked) order. */
export function sortMetas(metas: readonly ArticleMeta[], sort: LibrarySort): ArticleMeta[] {
  const copy = metas.slice();
  if (sort !== 'relevance') copy.sort(COMPARE[sort]);
  return copy;
}

export interface Facet {
  key: string;
  label: string;
  count: number;
}

/** Tags with how many articles carry each, by name. */
export function tagFacets(metas: readonly ArticleMeta[]): Facet[] {
  const counts = new Map<string, number>();
  for (const m of metas) for (const tag of m.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, label: key, count })).sort((a, b) => byCodeUnits(a.key.toLowerCase(), b.key.toLowerCase()));
}

/** Sites (by siteKey) with a display name and count, by name. */
export function siteFacets(metas: readonly ArticleMeta[]): Facet[] {
  const sites = new Map<string, Facet>();
  for (const m of metas) {
    const site = sites.get(m.siteKey);
    if (site) site.count++;
    else sites.set(m.siteKey, { key: m.siteKey, label: m.siteName || m.siteKey, count: 1 });
  }
  return [...sites.values()].sort((a, b) => byCodeUnits(a.label.toLowerCase(), b.label.toLowerCase()));
}


/** `tags` plus `add`, without a case-insensitive duplicate of an existing tag. */
export function withTag(tags: readonly string[], add: string): string[] {
  return tags.some((t) => t.toLowerCase() === add.toLowerCase()) ? [...tags] : [...tags, add];
}

/** `tags` with `from` renamed to `to`, merged when `to` is already there. */
export function renamedTags(tags: readonly string[], from: string, to: string): string[] {
  return tags.includes(from) ? [...new Set(tags.map((t) => (t === from ? to : t)))] : [...tags];
}
