/**
 * Restoring a Folio backup. `restoreItem` writes one article whole (one
 * transaction: utils/db/transfer.ts) — the piece the import pipeline plugs in.
 * `restoreBackup` is the whole flow: check every entry first (verifyBackup,
 * and the site rules: site-rules.ts), so a bad file writes nothing, then
 * restore article by article, then the site rules.
 */
import { checkCancelled, type ProgressListener } from '../bundle';
import { restoreBundle, type RestoreOutcome } from '../../db/transfer';
import { readBackup, verifyBackup, type BackupItem } from './reader';
import { readSiteRules, restoreSiteRules } from './site-rules';

export type { RestoreOutcome };

export function restoreItem(item: BackupItem): Promise<RestoreOutcome> {
  return restoreBundle(item);
}

export interface RestoreReport {
  restored: number;
  duplicates: number;
}

export async function restoreBackup(file: Blob, options: { signal?: AbortSignal; onProgress?: ProgressListener } = {}): Promise<RestoreReport> {
  const summary = await verifyBackup(file);
  const rules = await readSiteRules(file);
  const report: RestoreReport = { restored: 0, duplicates: 0 };
  let done = 0;
  for await (const item of readBackup(file)) {
    checkCancelled(options.signal);
    if ((await restoreItem(item)) === 'restored') report.restored++;
    else report.duplicates++;
    options.onProgress?.(++done, summary.articles);
  }
  await restoreSiteRules(rules);
  return report;
}
