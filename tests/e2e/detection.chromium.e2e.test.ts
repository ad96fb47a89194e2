/**
 * Detection in Chromium: the sample site's home page (a list of headline teasers)
 * is not an article. The popup says so, and the toolbar keeps its plain title; the
 * same tab flips to "article detected" on the article and back on the home page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { readSampleArticleHtml } from './harness/sample';
import { useSiteAndChromium } from './harness/suite';
import { hasName, pageText, waitForValue } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, IDLE_TITLE, UI, isNotArticleText, tabReportKey, type StoredReport } from './harness/folio';

describe('article detection (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let tab: Page;
  let tabId: number;

  useSiteAndChromium((s, c) => {
    server = s;
    chromium = c;
  });

  it('the home page is not reported as an article: the popup says so and the toolbar title stays "Folio"', async () => {
    const homeUrl = server.url('home.html');
    tab = await chromium.openTab(homeUrl);
    tabId = await chromium.tabIdOf(tab);

    // "Stays Folio" means something only once the content script has reported.
    const report = await waitForValue(
      async () => (await chromium.sessionStorage(tabReportKey(tabId)))[tabReportKey(tabId)] as StoredReport | undefined,
      (r) => r?.url === homeUrl,
      'the content script to report the home page',
    );
    expect(report?.isArticle).toBe(false);
    expect(await chromium.actionTitle(tabId)).toBe(IDLE_TITLE);

    const popup = await chromium.openPopup(tab);
    const text = await waitForValue(() => pageText(popup), isNotArticleText, 'the popup to show the not-an-article text');
    expect(text).toContain(UI.notArticle);
    expect(await hasName(popup, UI.saveForLater, 'button')).toBe(false);
    await popup.close();
  });

  it('the same tab shows "article detected" on the article and "Folio" again back on the home page', async () => {
    await tab.goto(server.url('article.html'), { waitUntil: 'load' });
    await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));

    await tab.goto(server.url('home.html'), { waitUntil: 'load' });
    expect(await chromium.waitForActionTitle(tabId, (t) => t === IDLE_TITLE)).toBe(IDLE_TITLE);
    const popup = await chromium.openPopup(tab);
    await waitForValue(() => pageText(popup), isNotArticleText, 'the popup to show the not-an-article text');
    await popup.close();
  });

  it('an article whose image never finishes loading is still detected, before its load event', async () => {
    // Detection waits for the load event (so it never delays it) but not for ever: a stalled
    // image or ad must not leave the toolbar blank.
    let release!: () => void;
    server.addRoute('never.png', { body: Buffer.alloc(0), contentType: 'image/png', hold: new Promise<void>((r) => (release = r)) });
    server.addRoute('stalled-article.html', readSampleArticleHtml().replace('</body>', '<img src="/never.png" alt=""></body>'));
    try {
      await tab.goto(server.url('home.html'), { waitUntil: 'load' });
      await chromium.waitForActionTitle(tabId, (t) => t === IDLE_TITLE);
      await tab.goto(server.url('stalled-article.html'), { waitUntil: 'domcontentloaded' });
      await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX), 15_000);
      // The control: the load event had not come, so the report came from the fallback.
      expect(await tab.evaluate(() => document.readyState)).not.toBe('complete');
    } finally {
      release();
    }
  });
});
