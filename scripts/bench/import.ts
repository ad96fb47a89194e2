/**
 * Import at scale, in real Chromium: a 10,000-row Pocket CSV (some titles with
 * quoted newlines, tags, both statuses) chosen in the library's Import dialog,
 * timed from choosing the file to the preview, and from "Import" to the
 * report (every row a link in the library, queued for download). The queue is
 * paused first so downloads do not run during the measurement. Baseline: the
 * same number of small records put into a scratch IndexedDB store in one
 * transaction from the same page (the floor for any import's writes).
 *
 * FOLIO_BENCH_IMPORT_ROWS=10000 (default) sets the size.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '../../tests/e2e/harness/chromium';
import { chooseImportFile, pocketCsv, type PocketRow } from '../../tests/e2e/harness/import';
import { waitForText } from '../../tests/e2e/harness/pages';
import { makeTempDir } from '../../tests/e2e/harness/temp';
import { TINY } from './stats';
import type { Bench, BenchRow } from './types';

function rows(n: number): PocketRow[] {
  return Array.from({ length: n }, (_, i) => ({
    url: `https://site${i % 97}.example/news/${i}/story?utm_source=pocket`,
    title: i % 10 === 0 ? `Story ${i}\nwith a second line, "quoted"` : `Story number ${i} about the harbour`,
    timeAdded: 1_600_000_000 + i,
    tags: i % 3 === 0 ? ['news', `tag${i % 20}`] : [],
    status: i % 4 === 0 ? 'archive' : 'unread',
  }));
}

export const importBench: Bench = {
  name: 'import',
  async run(): Promise<BenchRow[]> {
    const n = Number(process.env.FOLIO_BENCH_IMPORT_ROWS ?? (TINY ? 200 : 10_000));
    const dir = await makeTempDir('folio-bench-import');
    const path = join(dir, 'part_000000.csv');
    await writeFile(path, pocketCsv(rows(n)));
    const chromium = await launchChromium();
    try {
      const library = await chromium.openTab(chromium.extensionUrl('library.html'));
      await library.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'fetchQueue.paused': true }));
      const t0 = performance.now();
      await chooseImportFile(library, path);
      await waitForText(library, 'Pocket export (CSV)', 60_000);
      const t1 = performance.now();
      await library.click('dialog[open] .btn-primary');
      await waitForText(library, 'Import finished', 120_000);
      const t2 = performance.now();
      const imported = await library.$eval('dialog[open] dl > div dd', (dd) => Number(dd.textContent!.replace(/[^\d]/g, '')));
      if (imported !== n) throw new Error(`imported ${imported} of ${n}`);
      const floor = await library.evaluate(async (count) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('bench-floor', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('s', { keyPath: 'id' });
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const start = performance.now();
        const tx = db.transaction('s', 'readwrite');
        for (let i = 0; i < count; i++) tx.objectStore('s').put({ id: String(i), url: `https://x.example/${i}`, title: `Story ${i}`, tags: [] });
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        const ms = performance.now() - start;
        db.close();
        indexedDB.deleteDatabase('bench-floor');
        return ms;
      }, n);
      return [
        { name: `${n.toLocaleString('en')}-row Pocket CSV: file chosen → preview`, value: t1 - t0, unit: 'ms' },
        { name: `${n.toLocaleString('en')}-row Pocket CSV: "Import" → report (all rows links, queued)`, value: t2 - t1, unit: 'ms', baselineName: `${n} plain puts, one transaction`, baseline: floor },
        { name: `${n.toLocaleString('en')}-row Pocket CSV: file chosen → report`, value: t2 - t0, unit: 'ms', goal: 'under 5 s at 10,000 rows' },
      ];
    } finally {
      await chromium.close();
    }
  },
};
