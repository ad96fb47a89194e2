/**
 * Runs inside a Folio extension page during `npm run bench` (bundled by
 * scripts/bench/export.ts): the library seeder (library-seed.ts) plus the
 * export as the library page runs it (runExport over readBundle), timed.
 * Never part of the extension build.
 */
import './library-seed';
import { listAll } from '../../utils/db/library-repository';
import { readBundles } from '../../utils/db/transfer';
import { exportOrder, runExport, type ExportFormat } from '../../utils/transfer/export/formats';

async function exportOnce(format: ExportFormat, workers = true): Promise<{ ms: number; bytes: number; articles: number }> {
  const ids = (await listAll()).map((m) => m.id);
  const start = performance.now();
  // As the library page runs it: compression on worker threads (entrypoints/library/main.tsx).
  const spawnDeflater = () => new Worker((globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome.runtime.getURL('/deflate-worker.js'));
  const out = await runExport(format, ids, readBundles, workers ? { spawnDeflater, cores: navigator.hardwareConcurrency } : {});
  return { ms: performance.now() - start, bytes: out.blob.size, articles: out.articles };
}

/** The baseline: reading every article's records once (in the backup's order and batches), writing nothing. */
async function readAll(): Promise<number> {
  const ids = exportOrder('backup', (await listAll()).map((m) => m.id));
  const start = performance.now();
  for (let i = 0; i < ids.length; i += 32) await readBundles(ids.slice(i, i + 32));
  return performance.now() - start;
}

(globalThis as Record<string, unknown>).folioExportBench = { exportOnce, readAll };
