/**
 * Export at scale, in real Chromium: a generated library (library-seed.ts:
 * 5–50 kB of text per article, a quarter with a 40–160 kB image) exported as
 * the Folio backup and as Markdown by the library page's own code, beside
 * reading every article's records once (the same run's baseline). The page's
 * JS heap is sampled over CDP while each export runs: the peak shows whether
 * memory stays bounded (the zip is streamed into Blob parts).
 *
 * FOLIO_BENCH_EXPORT_SIZE=10000 (default) sets the library size.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { TINY } from './stats';
import type { CDPSession } from 'puppeteer';
import { launchChromium } from '../../tests/e2e/harness/chromium';
import type { Bench, BenchRow } from './types';

interface ExportApi {
  exportOnce(format: string): Promise<{ ms: number; bytes: number; articles: number }>;
  readAll(): Promise<number>;
}
interface SeedApi {
  seed(from: number, to: number): Promise<void>;
}
const SEED_CHUNK = 500;

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(import.meta.dirname, 'export-run.ts')],
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

async function heapMB(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / (1024 * 1024);
}

/** Runs `work` while sampling the heap every 100 ms; returns its result and the peak. */
async function withPeakHeap<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = await heapMB(cdp);
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await heapMB(cdp).catch(() => 0));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const result = await work();
    return { result, peak };
  } finally {
    running = false;
    await sampler;
  }
}

export const exportBench: Bench = {
  name: 'export at scale (Chromium)',
  async run() {
    const size = Number(process.env.FOLIO_BENCH_EXPORT_SIZE ?? (TINY ? 20 : 10_000));
    const code = await bundle();
    const chromium = await launchChromium({ extensionPath: process.env.FOLIO_EXT_CHROME ?? join(import.meta.dirname, '../../.output/chrome-mv3') });
    const rows: BenchRow[] = [];
    try {
      const page = await chromium.openTab(chromium.extensionUrl('popup.html?tabId=-1'));
      await page.evaluate(code);
      const started = Date.now();
      for (let from = 0; from < size; from += SEED_CHUNK) {
        await page.evaluate((f: number, t: number) => (globalThis as unknown as { folioBench: SeedApi }).folioBench.seed(f, t), from, Math.min(size, from + SEED_CHUNK));
      }
      console.log(`  seeded ${size} articles (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      const cdp = await page.createCDPSession();
      await cdp.send('Performance.enable');
      await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
      const idle = await heapMB(cdp);
      const read = (await page.evaluate(() => (globalThis as unknown as { folioExportBench: ExportApi }).folioExportBench.readAll())) as number;
      for (const format of ['backup', 'markdown'] as const) {
        await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
        const { result, peak } = await withPeakHeap(cdp, () =>
          page.evaluate((f: string) => (globalThis as unknown as { folioExportBench: ExportApi }).folioExportBench.exportOnce(f), format) as Promise<{ ms: number; bytes: number; articles: number }>,
        );
        console.log(`  ${format}: ${result.articles} articles, ${(result.bytes / 1e6).toFixed(1)} MB in ${(result.ms / 1000).toFixed(1)} s; peak heap ${peak.toFixed(0)} MB (idle ${idle.toFixed(0)} MB)`);
        rows.push({ name: `${size} articles: ${format} export (ms)`, value: Math.round(result.ms), unit: 'ms', baselineName: 'reading every article once', baseline: Math.round(read), goal: size === 10_000 ? '< 10 s' : '< 10 s at 10,000' });
        rows.push({ name: `${size} articles: ${format} export, peak JS heap (MB)`, value: Math.round(peak), unit: 'MB', baselineName: 'page heap before', baseline: Math.round(idle), goal: 'bounded (not growing with the library)' });
        rows.push({ name: `${size} articles: ${format} file size`, value: result.bytes, unit: 'bytes' });
      }
    } finally {
      await chromium.close();
    }
    return rows;
  },
};
