/**
 * Pages built to hurt a content script (tests/e2e/harness/pathological-pages.ts):
 * 10 MB of text, 10,000-deep nesting, 100,000 elements, a page that keeps
 * growing and rewriting itself. With Folio loaded, each page is reported
 * (detection finished, no crash), and the page's own timer kept beating after
 * the report — the page stayed alive. Times live in the page-load benchmark.
 * Control: the sample article is reported as an article on the same server.
 */
import { describe, expect, it } from 'vitest';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import { waitForValue } from './harness/pages';
import { tabReportKey, type StoredReport } from './harness/folio';
import { pathologicalPages } from './harness/pathological-pages';
import { waitInPage } from './harness/wait';

describe('pathological pages (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  useSiteAndChromium((s, c) => {
    server = s;
    chromium = c;
    for (const p of pathologicalPages()) server.addRoute(p.path, p.html);
  });

  const reportOf = async (tabId: number) => ((await chromium.sessionStorage(tabReportKey(tabId)))[tabReportKey(tabId)] as StoredReport | undefined) ?? null;

  it('control: the sample article is reported as an article', async () => {
    const url = server.url('article.html?control');
    const tab = await chromium.openTab(url);
    const tabId = await chromium.tabIdOf(tab);
    const report = await waitForValue(() => reportOf(tabId), (r) => r?.url === url, 'the sample article report');
    expect(report?.isArticle).toBe(true);
    await tab.close();
  });

  for (const p of pathologicalPages()) {
    it(`${p.label}: reported, and the page kept running`, async () => {
      const url = server.url(p.path);
      const tab = await chromium.openTab(url);
      const tabId = await chromium.tabIdOf(tab);
      await waitForValue(() => reportOf(tabId), (r) => r?.url === url, `a report for ${p.label}`, 60_000);
      const before = Number(await tab.evaluate(() => document.documentElement.dataset.beats ?? '0'));
      await waitInPage(tab, (n: number) => Number(document.documentElement.dataset.beats ?? '0') > n + 3, { timeout: 20_000, what: 'more heartbeats' }, before);
      await tab.close();
    });
  }
});
