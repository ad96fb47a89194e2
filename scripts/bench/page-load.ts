/**
 * What Folio costs every page a person opens: the same pages loaded in one
 * real Chromium with Folio (where the always-on content script runs) and in a
 * second, identical Chromium without it (same flags, a fresh profile of its own;
 * until 2026-12-02 an incognito context of the first, which also differs in its
 * storage and cache), alternating so both see the same machine load. Per page:
 * - the load event, with beside without (goal: under 1% slower);
 * - main-thread script time up to a second after load, with minus without: the
 *   content script's own work (goal: under 2 ms), from CDP Performance metrics.
 * Pages: the sample article (small), a typical news page and a ~1 MB one from
 * the readability corpus, and the sample site's home page (not an article).
 * Then the pages built to hurt a content script (10 MB, 10,000-deep, 100,000
 * elements, a page that never stops growing), generated and labelled so.
 * A corpus page that is missing fails the benchmark; nothing stands in for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'puppeteer';
import { launchChromium, launchPlainChromium } from '../../tests/e2e/harness/chromium';
import { pathologicalPages } from '../../tests/e2e/harness/pathological-pages';
import { startSiteServer } from '../../tests/e2e/harness/server';
import { median, runs, spread } from './stats';
import type { Bench, BenchRow } from './types';

const RUNS = runs(9);
const SETTLE_MS = 1_000;
const CORPUS = join(import.meta.dirname, '../../../shared/fixtures/readability-test-pages');

const PAGES: readonly ({ label: string; path: string; corpus?: string })[] = [
  { label: 'small article (sample, 14 kB)', path: 'article.html' },
  { label: 'typical news page (corpus "article-author-tag", 290 kB)', corpus: 'article-author-tag', path: 'typical.html' },
  { label: '1 MB news page (corpus "wikipedia-2")', corpus: 'wikipedia-2', path: 'big.html' },
  { label: 'not an article (sample home page)', path: 'home.html' },
  ...pathologicalPages().map(({ label, path }) => ({ label, path })),
];

async function loadOnce(context: BrowserContext, url: string): Promise<{ load: number; script: number }> {
  const page: Page = await context.newPage();
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const load = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const script = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
    return { load, script };
  } finally {
    await page.close();
  }
}

export const pageLoadBench: Bench = {
  name: 'page load with and without Folio (Chromium)',
  async run() {
    const server = await startSiteServer();
    const chromium = await launchChromium({ extensionPath: process.env.FOLIO_EXT_CHROME ?? join(import.meta.dirname, '../../.output/chrome-mv3') });
    const plain = await launchPlainChromium().catch(async (error: unknown) => {
      await chromium.close();
      throw error;
    });
    const rows: BenchRow[] = [];
    try {
      for (const p of pathologicalPages()) server.addRoute(p.path, p.html);
      for (const p of PAGES) {
        if (p.corpus) {
          const file = join(CORPUS, p.corpus, 'source.html');
          if (!existsSync(file)) throw new Error(`corpus page missing: ${file}`);
          server.addRoute(p.path, readFileSync(file));
        }
      }
      const withFolio = chromium.browser.defaultBrowserContext();
      const without = plain.browser.defaultBrowserContext();
      // Proof the "with" side runs Folio: its content script reports the sample article.
      const probe = await chromium.openTab(server.url('article.html?probe'));
      await chromium.waitForActionTitle(await chromium.tabIdOf(probe), (t) => t.startsWith('Folio: article detected'));
      await probe.close();
      for (const p of PAGES) {
        const a: { load: number; script: number }[] = [];
        const b: { load: number; script: number }[] = [];
        for (let i = -1; i < RUNS; i++) {
          const url = server.url(`${p.path}?run=${i}`);
          const w = await loadOnce(withFolio, url);
          const o = await loadOnce(without, url);
          if (i >= 0) {
            a.push(w);
            b.push(o);
          }
        }
        // Paired by run: both loads of one run saw the same moment of the machine.
        const extra = a.map((x, i) => x.script - b[i]!.script);
        rows.push({ name: `${p.label}: load event with Folio`, ...spread(a.map((x) => x.load)), unit: 'ms', baselineName: 'without Folio', baseline: median(b.map((x) => x.load)), goal: '< 1.01× without' });
        rows.push({ name: `${p.label}: main-thread script time, with minus without`, ...spread(extra), unit: 'ms', baselineName: 'page script time without Folio', baseline: median(b.map((x) => x.script)), goal: '< 2 ms' });
      }
    } finally {
      await plain.close();
      await chromium.close();
      await server.close();
    }
    return rows;
  },
};
