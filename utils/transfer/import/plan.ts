/**
 * The preview: what an import would do, before anything is written. Items are
 * matched against the library by its identity rules (utils/library/identity.ts:
 * tracking parameters, scheme and `www.` never matter), and an article listed
 * twice in one export is folded into its first listing.
 */
import { identityKeys } from '../../library/identity';
import { tagList } from './fields';
import type { ImportItem, ParsedImport, UnreadableRow } from './types';

export interface PlannedItem {
  item: ImportItem;
  /** The saved article this item is a duplicate of (merged into it), or null for a new one. */
  existingId: string | null;
}

export interface RepeatedRow {
  ref: string;
  url: string;
  title: string;
  /** The listing it was folded into. */
  sameAs: string;
}

export interface ImportPlan {
  parsed: ParsedImport;
  items: PlannedItem[];
  repeats: RepeatedRow[];
  unreadable: UnreadableRow[];
  counts: { new: number; duplicates: number; unreadable: number; repeats: number; links: number; withContent: number; highlights: number };
}

/** `into` with `other` folded in (same rules as a merge into the library: utils/transfer/import/records.ts). */
function fold(into: ImportItem, other: ImportItem): void {
  into.tags = tagList([...into.tags, ...other.tags]);
  if (other.savedAt !== undefined && (into.savedAt === undefined || other.savedAt < into.savedAt)) into.savedAt = other.savedAt;
  into.archived ||= other.archived;
  into.read ||= other.read;
  into.favorite ||= other.favorite;
  if (other.progress !== undefined && (into.progress ?? 0) < other.progress) into.progress = other.progress;
  if (!into.title && other.title) into.title = other.title;
  into.html ??= other.html;
  const quotes = new Set(into.highlights.map((h) => h.quote));
  into.highlights.push(...other.highlights.filter((h) => !quotes.has(h.quote)));
}

/** `saved` maps identity keys to saved article ids (utils/db/imports.ts savedKeys). */
export function planImport(parsed: ParsedImport, saved: ReadonlyMap<string, string>): ImportPlan {
  const firstByKey = new Map<string, PlannedItem>();
  const items: PlannedItem[] = [];
  const repeats: RepeatedRow[] = [];
  for (const original of parsed.items) {
    const item: ImportItem = { ...original, tags: [...original.tags], highlights: [...original.highlights] };
    const keys = identityKeys(item.url, null);
    const first = keys.map((k) => firstByKey.get(k)).find(Boolean);
    if (first) {
      fold(first.item, item);
      repeats.push({ ref: item.ref, url: item.url, title: item.title, sameAs: first.item.ref });
      continue;
    }
    const existingId = keys.map((k) => saved.get(k)).find((id) => id !== undefined) ?? null;
    const planned: PlannedItem = { item, existingId };
    for (const k of keys) firstByKey.set(k, planned);
    items.push(planned);
  }
  const duplicates = items.filter((p) => p.existingId !== null).length;
  return {
    parsed,
    items,
    repeats,
    unreadable: parsed.unreadable,
    counts: {
      new: items.length - duplicates,
      duplicates,
      unreadable: parsed.unreadable.length,
      repeats: repeats.length,
      links: items.filter((p) => !p.item.html).length,
      withContent: items.filter((p) => p.item.html).length,
      highlights: items.reduce((n, p) => n + p.item.highlights.length, 0),
    },
  };
}
