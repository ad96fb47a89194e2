/**
 * Popup time to interactive in real Chromium: popup.html?tabId=<article tab>
 * opened in a tab N times; the time from navigation start to the popup's
 * `folio-popup-ready` mark (components/Popup.tsx: it has the tab's state and its
 * buttons work). Baseline in the same run: loading a static extension resource
 * (the icon SVG), i.e. what any extension page pays before its own code runs.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { launchChromium } from '../../tests/e2e/harness/chromium';
import { startSiteServer } from '../../tests/e2e/harness/server';
import { median, runs, spread } from './stats';
import type { Bench } from './types';

const RUNS = runs(15);
const READY_MARK = 'folio-popup-ready';

async function readyTime(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark)[0]?.startTime,
    { timeout: 15_000 },
    READY_MARK,
  );
  return (await handle.jsonValue()) as number;
}

async function loadTime(page: Page): Promise<number> {
  await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd, {
    timeout: 15_000,
  });
  return page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
}

export const popupBench: Bench = {
  name: 'popup time to interactive (Chromium)',
  async run() {
    const server = await startSiteServer();
    const chromium = await launchChromium({ extensionPath: process.env.FOLIO_EXT_CHROME ?? join(import.meta.dirname, '../../.output/chrome-mv3') });
    try {
      const article = await chromium.openTab(server.url('article.html'));
      const tabId = await chromium.tabIdOf(article);
      await chromium.waitForActionTitle(tabId, (t) => t.startsWith('Folio: article detected'));
      const page = await chromium.browser.newPage();
      const popupTimes: number[] = [];
      const baselineTimes: number[] = [];
      // One warm-up of each, then alternate so both see the same machine load.
      for (let i = -1; i < RUNS; i++) {
        await page.goto(chromium.extensionUrl(`icon/folio.svg?run=${i}`));
        const baseline = await loadTime(page);
        await page.goto(chromium.extensionUrl(`popup.html?tabId=${tabId}&run=${i}`));
        const popup = await readyTime(page);
        if (i >= 0) {
          baselineTimes.push(baseline);
          popupTimes.push(popup);
        }
      }
      return [
        {
          name: `popup ready median (${RUNS} opens, article tab)`,
          ...spread(popupTimes),
          unit: 'ms',
          baselineName: 'static extension resource load',
          baseline: median(baselineTimes),
          goal: '< 100 ms',
        },
        { name: 'popup ready worst', value: Math.max(...popupTimes), unit: 'ms' },
      ];
    } finally {
      await chromium.close();
      await server.close();
    }
  },
};
