/**
 * Detection state follows the page, in Firefox (the popup opened as a tab with
 * `?tabId=`, see popup.firefox.e2e.test.ts): "Back to original" from the reader,
 * Back/Forward between pages, and a single-page site's history.pushState route
 * from a teaser list to a story and back. The same flows as
 * page-state.chromium.e2e.test.ts; the restore steps check the page really came
 * back from the back/forward cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_TITLE, readSampleArticleHtml } from './harness/sample';
import { byName, clickByName, pageText, waitForText, waitForValue } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, IDLE_TITLE, UI, isNotArticleText, saveAndWait, tabReportKey, type StoredReport } from './harness/folio';
import { SPA_PATH, SPA_STORY_TITLE, leaveMarker, markerSurvived, waitForReport } from './harness/page-state';

const OTHER_PATH = '/article-other.html';
const OTHER_TITLE = 'Desk two: US says China talks ‘very constructive’ as Trump jets to KL';

describe('detection state follows the page (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    // Cacheable like real news pages (no-store pages are kept out of the back/forward cache).
    server = await startSiteServer({ cacheControl: 'no-cache' });
    server.addRoute(OTHER_PATH, readSampleArticleHtml().replaceAll(SAMPLE_TITLE, OTHER_TITLE).replaceAll('/article.html', OTHER_PATH));
    firefox = await launchFirefox();
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  const report = (tabId: number) => async (): Promise<StoredReport | null> =>
    firefox.inExtension(async (api, key) => ((await api.storage.session!.get(key))[key] as StoredReport | undefined) ?? null, tabReportKey(tabId));

  const tabUrl = async (tabId: number): Promise<string> => (await firefox.inExtension((api, id) => api.tabs.get(id), tabId)).url ?? '';

  async function popupShowsArticle(tabId: number, title: string): Promise<Page> {
    const popup = await firefox.openPopupTab(tabId);
    await waitForText(popup, title);
    expect(isNotArticleText(await pageText(popup))).toBe(false);
    return popup;
  }

  async function popupShowsNotArticle(tabId: number): Promise<void> {
    const popup = await firefox.openPopupTab(tabId);
    await waitForValue(() => pageText(popup), isNotArticleText, 'the popup to say "not an article"');
    await popup.close();
  }

  it('"Back to original" from the reader: the restored page is an article in the popup and "Save for later" works', async () => {
    const url = server.url('article.html?case=back-to-original');
    const tab = await firefox.openTab(url);
    const tabId = await firefox.tabIdOf(tab);
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    await leaveMarker(tab);

    const popup = await firefox.openPopupTab(tabId);
    await clickByName(popup, UI.openReader, 'button');
    await waitForValue(() => tabUrl(tabId), (u) => u.startsWith(firefox.extensionUrl('reader.html?view=')), 'the tab to become the reader', 30_000);
    if (!popup.isClosed()) await popup.close();
    await tab.bringToFront();
    await byName(tab, UI.backToOriginal, 'button');
    await waitForReport(report(tabId), (r) => r === null, 'the reader tab to forget the article report');

    await clickByName(tab, UI.backToOriginal, 'button');
    await waitForValue(() => tabUrl(tabId), (u) => u === url, 'the tab to return to the article');
    // Firefox ESR 153 reloads the page here rather than restoring it (measured: the marker is
    // gone), so this step checks the reload path; Back below checks a real restore.
    console.log('Firefox "Back to original" restored from the back/forward cache:', await markerSurvived(tab));
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));

    const again = await popupShowsArticle(tabId, SAMPLE_TITLE);
    await saveAndWait(again);
    await again.close();
  });

  it('Back and Forward between pages: the popup shows each page as it is', async () => {
    const url = server.url(`${OTHER_PATH}?case=back-forward`);
    const tab = await firefox.openTab(url);
    const tabId = await firefox.tabIdOf(tab);
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    await leaveMarker(tab);

    await tab.goto(server.url('home.html?case=back-forward'), { waitUntil: 'load' });
    await waitForReport(report(tabId), (r) => r?.url.includes('home.html') === true, 'the home page report');
    await popupShowsNotArticle(tabId);

    await tab.bringToFront();
    // page.goBack() waits for a load event, which a page restored from the cache never fires.
    await tab.evaluate(() => history.back());
    await waitForValue(() => tabUrl(tabId), (u) => u === url, 'Back to return to the article');
    expect(await markerSurvived(tab), 'Back should restore the article from the back/forward cache').toBe(true);
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    const popup = await popupShowsArticle(tabId, OTHER_TITLE);
    await saveAndWait(popup);
    await popup.close();

    await tab.bringToFront();
    await tab.evaluate(() => history.forward());
    await firefox.waitForActionTitle(tabId, (t) => t === IDLE_TITLE);
    await waitForReport(report(tabId), (r) => r?.url.includes('home.html') === true && !r.isArticle, 'the home page report again');
    await popupShowsNotArticle(tabId);
  });

  it('a single-page site: history.pushState from the teaser list to a story, and Back, are followed by the popup', async () => {
    const tab = await firefox.openTab(server.url(SPA_PATH));
    const tabId = await firefox.tabIdOf(tab);
    await waitForReport(report(tabId), (r) => r?.url === server.url(SPA_PATH), 'the teaser list report');
    expect((await report(tabId)())?.isArticle).toBe(false);
    await popupShowsNotArticle(tabId);

    // Which of page-watch.ts's two paths this browser takes (the Navigation API, or URL checks after clicks).
    console.log(`${await tab.evaluate(() => navigator.userAgent)}: Navigation API ${await tab.evaluate(() => 'navigation' in window)}`);
    await tab.bringToFront();
    const clicked = Date.now();
    await tab.click('a[data-route]');
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    console.log(`pushState route to story -> article icon: ${Date.now() - clicked} ms`);
    expect(await tabUrl(tabId)).toContain('/live/');
    const popup = await popupShowsArticle(tabId, SPA_STORY_TITLE);
    await saveAndWait(popup);
    await popup.close();

    await tab.bringToFront();
    await tab.evaluate(() => history.back());
    await firefox.waitForActionTitle(tabId, (t) => t === IDLE_TITLE);
    await waitForReport(report(tabId), (r) => r?.url === server.url(SPA_PATH) && !r.isArticle, 'the teaser list report again');
    await popupShowsNotArticle(tabId);
  });
});
