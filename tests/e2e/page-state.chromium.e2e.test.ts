/**
 * Detection state follows the page (Chromium, the real toolbar popup): after
 * "Back to original" from the reader the page comes back from the
 * back/forward cache and the popup must still show the article, with "Save for
 * later" working; the same after Back/Forward between pages; and on a
 * single-page site (tests/fixtures/site/spa.html) whose history.pushState
 * switches from a teaser list to a story, the popup follows the route both ways.
 * The bfcache steps check that the page really was restored (a marker left in
 * the page survives), so they test the restore, not a reload.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { SAMPLE_TITLE, readSampleArticleHtml } from './harness/sample';
import { byName, clickByName, pageText, waitForText, waitForValue } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, IDLE_TITLE, UI, isNotArticleText, saveAndWait, tabReportKey, type StoredReport } from './harness/folio';
import { useSiteAndChromium } from './harness/suite';
import { SPA_PATH, SPA_STORY_TITLE, leaveMarker, markerSurvived, waitForReport } from './harness/page-state';

const OTHER_PATH = '/article-other.html';
const OTHER_TITLE = 'Desk two: US says China talks ‘very constructive’ as Trump jets to KL';

describe('detection state follows the page (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  useSiteAndChromium(
    (s, c) => {
      server = s;
      chromium = c;
      server.addRoute(OTHER_PATH, readSampleArticleHtml().replaceAll(SAMPLE_TITLE, OTHER_TITLE).replaceAll('/article.html', OTHER_PATH));
    },
    {},
    // Cacheable like real news pages: Chromium keeps no-store pages out of the cache when leaving for the reader.
    { cacheControl: 'no-cache' },
  );

  const report = (tabId: number) => async (): Promise<StoredReport | null> =>
    ((await chromium.sessionStorage(tabReportKey(tabId)))[tabReportKey(tabId)] as StoredReport | undefined) ?? null;

  async function popupShowsArticle(tab: Page, title: string): Promise<Page> {
    const popup = await chromium.openPopup(tab);
    await waitForText(popup, title);
    expect(isNotArticleText(await pageText(popup))).toBe(false);
    return popup;
  }

  async function popupShowsNotArticle(tab: Page): Promise<void> {
    const popup = await chromium.openPopup(tab);
    await waitForValue(() => pageText(popup), isNotArticleText, 'the popup to say "not an article"');
    await popup.close();
  }

  it('"Back to original" from the reader: the restored page is an article in the popup and "Save for later" works', async () => {
    const url = server.url('article.html?case=back-to-original');
    let tab = await chromium.openTab(url);
    const tabId = await chromium.tabIdOf(tab);
    await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    await leaveMarker(tab);

    const popup = await chromium.openPopup(tab);
    const readerAppears = chromium.waitForPage(chromium.extensionUrl('reader.html?view='), 30_000);
    await clickByName(popup, UI.openReader, 'button');
    const reader = await readerAppears;
    await byName(reader, UI.backToOriginal, 'button');
    // The reader tab forgot the article's report; the restored page must bring it back.
    await waitForReport(report(tabId), (r) => r === null || !r.url.startsWith('http'), 'the tab to leave the article');

    const original = chromium.waitForPage(url, 20_000);
    await clickByName(reader, UI.backToOriginal, 'button');
    tab = await original;
    expect(await markerSurvived(tab), 'the article page should come back from the back/forward cache').toBe(true);
    await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));

    const again = await popupShowsArticle(tab, SAMPLE_TITLE);
    await saveAndWait(again);
    await again.close();
  });

  it('Back and Forward between pages: the popup shows each page as it is', async () => {
    const url = server.url(`${OTHER_PATH}?case=back-forward`);
    const tab = await chromium.openTab(url);
    const tabId = await chromium.tabIdOf(tab);
    await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    await leaveMarker(tab);

    await tab.goto(server.url('home.html?case=back-forward'), { waitUntil: 'load' });
    await waitForReport(report(tabId), (r) => r?.url.includes('home.html') === true, 'the home page report');
    await popupShowsNotArticle(tab);

    await tab.goBack();
    expect(await markerSurvived(tab), 'Back should restore the article from the back/forward cache').toBe(true);
    await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    const popup = await popupShowsArticle(tab, OTHER_TITLE);
    await saveAndWait(popup);
    await popup.close();

    await tab.goForward();
    await chromium.waitForActionTitle(tabId, (t) => t === IDLE_TITLE);
    await waitForReport(report(tabId), (r) => r?.url.includes('home.html') === true && !r.isArticle, 'the home page report again');
    await popupShowsNotArticle(tab);
  });

  it('a single-page site: history.pushState from the teaser list to a story, and Back, are followed by the popup', async () => {
    const tab = await chromium.openTab(server.url(SPA_PATH));
    const tabId = await chromium.tabIdOf(tab);
    await waitForReport(report(tabId), (r) => r?.url === server.url(SPA_PATH), 'the teaser list report');
    expect((await report(tabId)())?.isArticle).toBe(false);
    await popupShowsNotArticle(tab);

    // Which of page-watch.ts's two paths this browser takes (the Navigation API, or URL checks after clicks).
    console.log(`${await tab.evaluate(() => navigator.userAgent)}: Navigation API ${await tab.evaluate(() => 'navigation' in window)}`);
    await tab.bringToFront();
    const clicked = Date.now();
    await tab.click('a[data-route]');
    await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    console.log(`pushState route to story -> article icon: ${Date.now() - clicked} ms`);
    expect(tab.url()).toContain('/live/');
    const popup = await popupShowsArticle(tab, SPA_STORY_TITLE);
    await saveAndWait(popup);
    await popup.close();

    await tab.goBack();
    await chromium.waitForActionTitle(tabId, (t) => t === IDLE_TITLE);
    await waitForReport(report(tabId), (r) => r?.url === server.url(SPA_PATH) && !r.isArticle, 'the teaser list report again');
    await popupShowsNotArticle(tab);
  });
});
