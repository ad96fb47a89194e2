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

/**
 * The preview of a Folio backup. An article is already in the library when
 * its id or its identity key is, exactly as the restore decides
 * (utils/db/transfer.ts restoreBundle): a backup's record carries both, so no
 * URL is matched loosely. Such an article is left as it is, never merged. An
 * identity listed twice in the file (two ids, one address: only a hand-edited
 * backup) is a repeat of its first listing.
 */
export function planBackup(parsed: ParsedImport, saved: ReadonlyMap<string, string>): ImportPlan {
  const identities = parsed.backup?.identities ?? new Map<string, { id: string; urlKey: string }>();
  const savedIds = new Set(saved.values());
  const firstByKey = new Map<string, string>();
  const items: PlannedItem[] = [];
  const repeats: RepeatedRow[] = [];
  for (const item of parsed.items) {
    const identity = identities.get(item.ref);
    if (!identity) throw new Error(`The backup's preview lost the identity of ${item.ref}.`);
    const first = firstByKey.get(identity.urlKey);
    if (first) {
      repeats.push({ ref: item.ref, url: item.url, title: item.title, sameAs: first });
      continue;
    }
    firstByKey.set(identity.urlKey, item.ref);
    items.push({ item, existingId: saved.get(identity.urlKey) ?? (savedIds.has(identity.id) ? identity.id : null) });
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
      // Every article comes whole, with its text: none is a link to download.
      links: 0,
      withContent: items.length,
      highlights: items.reduce((n, p) => n + p.item.highlights.length, 0),
    },
  };
}
