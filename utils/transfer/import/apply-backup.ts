/**
 * Applying a confirmed Folio backup: article by article from the file, each
 * read whole (its body, images, highlights and position) and restored in one
 * transaction (utils/db/transfer.ts restoreBundle), so every article is in
 * whole or not at all. An article that fails — to read or to write — fails
 * alone, with its reason, and the next one is tried. Stop takes effect between
 * articles: what was restored stays, the rest is reported as not imported.
 *
 * The reading and writing are injected, like apply.ts, so the flow is tested
 * without a browser (tests/unit/transfer/apply-backup.test.ts).
 */
import type { ArticleBundle } from '../bundle';
import type { ImportPlan, PlannedItem } from './plan';
import { countRows, type ImportReport, type ReportRow } from './report';

export interface BackupApplyDeps {
  /** One article of the backup, whole, by its entry name (the row's `ref`). */
  readItem(ref: string): Promise<ArticleBundle>;
  /** Writes it whole; 'duplicate' when the library already has it (left as it is). */
  restore(bundle: ArticleBundle): Promise<'restored' | 'duplicate'>;
  /** Text for a failure (a damaged entry, quota, storage). */
  errorText(error: unknown): string;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  now?: () => number;
}

export const KEPT_DETAIL = 'already in the library; left as it is';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "restored with its 2 highlights, 3 images and reading position": what came back with it. */
export function restoredDetail({ highlights, assets, position }: ArticleBundle): string {
  const parts = [
    ...(highlights.length ? [plural(highlights.length, 'highlight')] : []),
    ...(assets.length ? [plural(assets.length, 'image')] : []),
    ...(position ? ['reading position'] : []),
  ];
  if (parts.length === 0) return 'restored';
  return `restored with its ${parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`}`;
}

function row(p: PlannedItem, status: ReportRow['status'], detail: string, id?: string): ReportRow {
  const { ref, url, title } = p.item;
  return { ref, url, title, status, detail, ...(id !== undefined ? { id } : {}) };
}

export async function applyBackupPlan(plan: ImportPlan, deps: BackupApplyDeps): Promise<ImportReport> {
  const now = deps.now ?? (() => Date.now());
  const startedAt = now();
  const rows: ReportRow[] = [];
  const total = plan.items.length;
  let cancelled = false;
  let queued = 0;
  deps.onProgress?.(0, total);

  for (const [i, p] of plan.items.entries()) {
    if (deps.signal?.aborted) {
      cancelled = true;
      for (const rest of plan.items.slice(i)) rows.push(row(rest, 'skipped', 'not imported: the import was cancelled before this item'));
      break;
    }
    try {
      const bundle = await deps.readItem(p.item.ref);
      const outcome = await deps.restore(bundle);
      // A link that was still waiting for its article when backed up waits again here (restoreBundle queues it).
      const waiting = outcome === 'restored' && !bundle.body && bundle.meta.fetchState !== undefined && bundle.meta.fetchState.status !== 'failed';
      if (waiting) queued++;
      rows.push(
        outcome === 'restored'
          ? row(p, 'imported', waiting ? 'link; its article downloads in the background' : restoredDetail(bundle), bundle.meta.id)
          : row(p, 'skipped', KEPT_DETAIL, p.existingId ?? bundle.meta.id),
      );
    } catch (error) {
      rows.push(row(p, 'failed', deps.errorText(error)));
    }
    deps.onProgress?.(i + 1, total);
  }

  for (const r of plan.repeats) rows.push({ ref: r.ref, url: r.url, title: r.title, status: 'skipped', detail: `listed again in the backup; the same article as ${r.sameAs}` });
  for (const u of plan.unreadable) rows.push({ ref: u.ref, url: '', title: '', status: 'skipped', detail: `unreadable: ${u.reason}` });
  return { format: plan.parsed.label, startedAt, finishedAt: now(), cancelled, rows, counts: countRows(rows), queued, warnings: plan.parsed.warnings };
}
