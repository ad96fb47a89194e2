/**
 * Applying a confirmed import: batches of whole items, each batch one
 * transaction (utils/db/imports.ts). When a batch fails, nothing of it was
 * written; its items are tried again one at a time, so one bad item fails
 * alone with its reason. Cancel stops between batches: what was written
 * stays (whole items), the rest is reported as not imported.
 *
 * Items that bring their HTML (Omnivore) are extracted here, before their
 * batch's transaction opens (nothing but IndexedDB is awaited inside one);
 * extraction is forced, because importing is the user's choice, not a
 * detection question. The HTML is parsed inertly and stays untrusted: it is
 * sanitised at every render like any article.
 */
import type { ImportWrite, WriteOutcome } from '../../db/imports';
import type { ImportPlan, PlannedItem } from './plan';
import { countRows, type ImportReport, type ReportRow } from './report';

export const BATCH_SIZE = 250;

export interface ApplyDeps {
  writeBatch(writes: ImportWrite[]): Promise<WriteOutcome[]>;
  /** Turns an item with HTML into a write with its extraction and highlight anchors; null when the HTML holds no article. */
  prepareContent(item: PlannedItem['item']): Promise<ImportWrite | null>;
  /** Text for a write failure (quota, storage). */
  errorText(error: unknown): string;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  now?: () => number;
}

function rowOf(p: PlannedItem, outcome: WriteOutcome, note: string | null): ReportRow {
  const { item } = p;
  const detail =
    outcome.status === 'merged' ? `merged into the saved article: ${outcome.changes.join(', ')}`
    : outcome.status === 'skipped' ? 'already in the library; nothing new to add'
    : outcome.queued ? 'link; its article downloads in the background'
    : 'article with its content';
  return { ref: item.ref, url: item.url, title: item.title, status: outcome.status, detail: note ? `${detail} (${note})` : detail, id: outcome.id };
}

async function prepare(p: PlannedItem, deps: ApplyDeps): Promise<{ write: ImportWrite; note: string | null }> {
  if (!p.item.html) return { write: { item: p.item, plannedNew: p.existingId === null }, note: null };
  try {
    const write = await deps.prepareContent(p.item);
    if (write) return { write, note: null };
  } catch (error) {
    console.warn('[folio] import: reading an item’s content failed', error);
  }
  // The export's copy holds nothing readable: keep the item as a link, fetched from the web instead.
  const item = { ...p.item };
  delete item.html;
  return { write: { item, plannedNew: p.existingId === null }, note: 'the export’s copy of the article could not be read; it downloads from the web instead' };
}

export async function applyPlan(plan: ImportPlan, deps: ApplyDeps): Promise<ImportReport> {
  const now = deps.now ?? (() => Date.now());
  const startedAt = now();
  const rows: ReportRow[] = [];
  const total = plan.items.length;
  let done = 0;
  let queued = 0;
  let cancelled = false;
  deps.onProgress?.(0, total);

  /**
   * Writes a prepared batch; its items one by one when the batch fails. Two
   * batches are in flight: the next one's transaction is created (and its puts
   * queued) while the database still writes this one. IndexedDB runs them in
   * the order they were created, so nothing changes but the waiting: the
   * database's own work and the page's serialising of the next records overlap.
   */
  const settle = async (batch: PlannedItem[], prepared: { write: ImportWrite; note: string | null }[], writing: Promise<WriteOutcome[]>): Promise<void> => {
    try {
      const outcomes = await writing;
      outcomes.forEach((o, i) => {
        rows.push(rowOf(batch[i]!, o, prepared[i]!.note));
        if (o.queued) queued++;
      });
    } catch (batchError) {
      console.warn('[folio] import: a batch failed; trying its items one by one', batchError);
      for (let i = 0; i < batch.length; i++) {
        const p = batch[i]!;
        try {
          const [o] = await deps.writeBatch([prepared[i]!.write]);
          rows.push(rowOf(p, o!, prepared[i]!.note));
          if (o!.queued) queued++;
        } catch (error) {
          rows.push({ ref: p.item.ref, url: p.item.url, title: p.item.title, status: 'failed', detail: deps.errorText(error) });
        }
      }
    }
    done += batch.length;
    deps.onProgress?.(done, total);
  };

  let inFlight: Promise<void> = Promise.resolve();
  for (let at = 0; at < total; at += BATCH_SIZE) {
    if (deps.signal?.aborted) {
      await inFlight;
      cancelled = true;
      for (const p of plan.items.slice(at)) rows.push({ ref: p.item.ref, url: p.item.url, title: p.item.title, status: 'skipped', detail: 'not imported: the import was cancelled before this item' });
      break;
    }
    const batch = plan.items.slice(at, at + BATCH_SIZE);
    const prepared: { write: ImportWrite; note: string | null }[] = [];
    for (const p of batch) prepared.push(await prepare(p, deps));
    const previous = inFlight;
    const writing = deps.writeBatch(prepared.map((x) => x.write));
    // Settled in order (rows, progress); a rejection is handled in settle, never left unobserved.
    writing.catch(() => undefined);
    inFlight = previous.then(() => settle(batch, prepared, writing));
    await previous;
  }
  await inFlight;

  for (const r of plan.repeats) rows.push({ ref: r.ref, url: r.url, title: r.title, status: 'skipped', detail: `listed again in the export; merged into ${r.sameAs}` });
  for (const u of plan.unreadable) rows.push({ ref: u.ref, url: '', title: '', status: 'skipped', detail: `unreadable: ${u.reason}` });
  return { format: plan.parsed.label, startedAt, finishedAt: now(), cancelled, rows, counts: countRows(rows), queued, warnings: plan.parsed.warnings };
}
