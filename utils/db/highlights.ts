/**
 * The `highlights` store: adding, editing, removing (with Undo) and listing
 * highlights. Each change is one transaction that also rewrites the article's
 * search entry (quotes and notes are searchable: utils/highlights/search-text.ts),
 * so the library never finds a note that is gone or misses one just written,
 * and is announced on the library channel as `{ kind: 'highlights' }`.
 *
 * A highlight belongs to a saved article: adding one to an article that is not
 * in the library (or was just deleted in another tab) throws
 * HighlightArticleMissingError instead of leaving a record nothing deletes.
 * Deleting an article deletes its highlights (utils/db/articles.ts).
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import { byDocumentOrder } from '../highlights/order';
import { searchableNotes } from '../highlights/search-text';
import { isHighlightColor, type AnchorBasis, type Highlight, type HighlightColor, type HighlightSelectors } from '../highlights/types';
import { announce } from '../library/channel';
import { searchableOf } from '../library/records';
import { termWeights } from '../library/search-terms';
import { db } from './open';
import { abandon, committed, queue } from './requests';
import { SEARCH_STORES, type FolioDB } from './schema';
import { compactLater, writeIndex } from './search-index';

const STORES = ['articles', 'bodies', 'highlights', ...SEARCH_STORES] as const;
type Tx = IDBPTransaction<FolioDB, (typeof STORES)[number][], 'readwrite'>;
/** Any transaction that can read the highlights store (saves and tag changes re-index too). */
type ReadsHighlights = IDBPTransaction<FolioDB, StoreNames<FolioDB>[], IDBTransactionMode>;

export class HighlightArticleMissingError extends Error {
  override name = 'HighlightArticleMissingError';
}

export interface NewHighlight {
  articleId: string;
  selectors: HighlightSelectors;
  basis: AnchorBasis;
  color?: HighlightColor;
  note?: string;
}

export interface HighlightPatch {
  note?: string;
  color?: HighlightColor;
}

export const DEFAULT_COLOR: HighlightColor = 'yellow';

/** The text an article's highlights add to its search entry, read inside the caller's transaction. */
export async function notesFor(tx: ReadsHighlights, articleId: string): Promise<string | undefined> {
  return searchableNotes(await tx.objectStore('highlights').index('articleId').getAll(articleId));
}

/** Rewrites the article's search entry with its current highlights; false when the article is gone. */
async function reindex(tx: Tx, articleId: string): Promise<boolean> {
  const meta = await tx.objectStore('articles').get(articleId);
  if (!meta) return false;
  const body = await tx.objectStore('bodies').get(articleId);
  await writeIndex(tx, articleId, termWeights(searchableOf(meta, body, await notesFor(tx, articleId))));
  return true;
}

interface Outcome<T> {
  result: T;
  /** The article whose highlights changed, if any did. */
  changed: string | null;
}

/** Runs `work` in one read-write transaction; announces and compacts after it commits. */
async function write<T>(work: (tx: Tx) => Promise<Outcome<T>>): Promise<T> {
  const tx = (await db()).transaction([...STORES], 'readwrite');
  let outcome: Outcome<T>;
  try {
    outcome = await work(tx);
  } catch (error) {
    throw abandon(tx, error);
  }
  await committed(tx);
  if (outcome.changed) {
    announce({ kind: 'highlights', articleId: outcome.changed });
    compactLater();
  }
  return outcome.result;
}

function checkSelectors(selectors: HighlightSelectors): void {
  const { quote, position } = selectors;
  if (!quote.exact.trim()) throw new TypeError('A highlight needs a non-empty quote');
  if (!(Number.isInteger(position.start) && Number.isInteger(position.end) && position.start >= 0 && position.end > position.start)) {
    throw new TypeError('A highlight needs a position with start < end');
  }
}

/** Stores a new highlight on a saved article and indexes its quote and note. */
export async function addHighlight(input: NewHighlight, now = Date.now()): Promise<Highlight> {
  checkSelectors(input.selectors);
  const color = input.color ?? DEFAULT_COLOR;
  if (!isHighlightColor(color)) throw new TypeError(`Unknown highlight colour: ${String(color)}`);
  const record: Highlight = {
    id: crypto.randomUUID(),
    articleId: input.articleId,
    selectors: structuredClone(input.selectors),
    basis: { ...input.basis },
    color,
    note: input.note ?? '',
    createdAt: now,
    updatedAt: now,
    orphaned: false,
  };
  return write(async (tx) => {
    if ((await tx.objectStore('articles').getKey(input.articleId)) === undefined) {
      throw new HighlightArticleMissingError('The article is not in the library');
    }
    queue(tx.objectStore('highlights').put(record));
    await reindex(tx, record.articleId);
    return { result: record, changed: record.articleId };
  });
}

/** Changes a highlight's note or colour; undefined when there is no such highlight. */
export async function updateHighlight(id: string, patch: HighlightPatch, now = Date.now()): Promise<Highlight | undefined> {
  if (patch.color !== undefined && !isHighlightColor(patch.color)) throw new TypeError(`Unknown highlight colour: ${String(patch.color)}`);
  return write(async (tx) => {
    const current = await tx.objectStore('highlights').get(id);
    if (!current) return { result: undefined, changed: null };
    const next: Highlight = { ...current, ...definedOf(patch), updatedAt: now };
    if (next.note === current.note && next.color === current.color) return { result: current, changed: null };
    queue(tx.objectStore('highlights').put(next));
    // Only the note is searchable; a colour change leaves the index as it is.
    if (next.note !== current.note) await reindex(tx, current.articleId);
    return { result: next, changed: current.articleId };
  });
}

function definedOf(patch: HighlightPatch): HighlightPatch {
  const out: HighlightPatch = {};
  if (patch.note !== undefined) out.note = patch.note;
  if (patch.color !== undefined) out.color = patch.color;
  return out;
}

/** Deletes a highlight and returns it, so the UI can offer Undo (restoreHighlight). */
export async function removeHighlight(id: string): Promise<Highlight | undefined> {
  return write(async (tx) => {
    const current = await tx.objectStore('highlights').get(id);
    if (!current) return { result: undefined, changed: null };
    queue(tx.objectStore('highlights').delete(id));
    await reindex(tx, current.articleId);
    return { result: current, changed: current.articleId };
  });
}

/** Puts a removed highlight back as it was (same id); false when its article is gone meanwhile. */
export async function restoreHighlight(record: Highlight): Promise<boolean> {
  checkSelectors(record.selectors);
  return write(async (tx) => {
    if ((await tx.objectStore('articles').getKey(record.articleId)) === undefined) return { result: false, changed: null };
    queue(tx.objectStore('highlights').put(structuredClone(record)));
    await reindex(tx, record.articleId);
    return { result: true, changed: record.articleId };
  });
}

/**
 * Records where a highlight was found on new content (after `anchor` on a
 * changed body): fresh selectors and basis, no longer an orphan.
 */
export async function placeHighlight(id: string, selectors: HighlightSelectors, basis: AnchorBasis, now = Date.now()): Promise<Highlight | undefined> {
  checkSelectors(selectors);
  return write(async (tx) => {
    const current = await tx.objectStore('highlights').get(id);
    if (!current) return { result: undefined, changed: null };
    const next: Highlight = { ...current, selectors: structuredClone(selectors), basis: { ...basis }, orphaned: false, updatedAt: now };
    delete next.orphanedAt;
    queue(tx.objectStore('highlights').put(next));
    if (next.selectors.quote.exact !== current.selectors.quote.exact) await reindex(tx, current.articleId);
    return { result: next, changed: current.articleId };
  });
}

/** Marks a highlight that could not be placed; it keeps its quote and note (and stays searchable). */
export async function orphanHighlight(id: string, now = Date.now()): Promise<Highlight | undefined> {
  return write(async (tx) => {
    const current = await tx.objectStore('highlights').get(id);
    if (!current) return { result: undefined, changed: null };
    if (current.orphaned) return { result: current, changed: null };
    const next: Highlight = { ...current, orphaned: true, orphanedAt: now, updatedAt: now };
    queue(tx.objectStore('highlights').put(next));
    return { result: next, changed: current.articleId };
  });
}

export async function getHighlight(id: string): Promise<Highlight | undefined> {
  return (await db()).get('highlights', id);
}

/** An article's highlights in document order (orphans by where they used to be). */
export async function listHighlights(articleId: string): Promise<Highlight[]> {
  const all = await (await db()).getAllFromIndex('highlights', 'articleId', articleId);
  return all.sort(byDocumentOrder);
}

/** Every highlight in the library, newest first: the library's highlights view. */
export async function listAllHighlights(): Promise<Highlight[]> {
  const all = await (await db()).getAll('highlights');
  return all.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
