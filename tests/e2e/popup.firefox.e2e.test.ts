/**
 * Issue #5 in Firefox. Headless Firefox cannot open the toolbar popup, so the
 * popup is opened as a tab with `?tabId=` naming the tab it acts on. Covered:
 * the article state (reading time, thumbnail, every share target), Copy link
 * (navigator.clipboard.writeText is observed in the popup page: reading the
 * clipboard back needs a permission Folio does not ask for), saved with Remove
 * + Undo, not an article, live-page text size across a reload, and the context
 * menus through the background's test hook (runtime.getBackgroundPage() from an
 * extension page: the event page shares the extension's process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_SITE_NAME, SAMPLE_TITLE, readSampleArticleHtml } from './harness/sample';
import { attribute, byName, clickByName, waitForText, waitForValue } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, UI, isNotArticleText, libraryEntries, saveAndWait } from './harness/folio';
import { POPUP_UI, shownScale, storyParagraphSize, thumbnail } from './harness/popup-ui';
import { waitInPage } from './harness/wait';

const LINKED_PATH = '/linked-story.html';
const LINKED_TITLE = 'Linked desk: Asean ministers meet as trade truce nears its end';

describe('popup, live text size and menus (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let article: Page;
  let tabId: number;

  async function menuClick(info: Record<string, unknown>, page: Page): Promise<void> {
    const id = await firefox.tabIdOf(page);
    await firefox.inExtension(
      async (api, { data, tab }) => {
        const runtime = api.runtime as unknown as { getBackgroundPage(): Promise<Window & { folioTest: { menuClick(i: unknown, t: unknown): Promise<void> } }> };
        const background = await runtime.getBackgroundPage();
        await background.folioTest.menuClick(data, tab);
      },
      { data: { editable: false, ...info }, tab: { id, url: page.url(), title: await page.title() } },
    );
  }

  beforeAll(async () => {
    server = await startSiteServer();
    server.addRoute(LINKED_PATH, readSampleArticleHtml().replaceAll(SAMPLE_TITLE, LINKED_TITLE).replaceAll('/article.html', LINKED_PATH));
    firefox = await launchFirefox();
    article = await firefox.openTab(server.url('article.html?utm_source=newsletter'));
    tabId = await firefox.tabIdOf(article);
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('an article: title, site, reading time, thumbnail, share targets; Copy link copies the clean URL', async () => {
    const popup = await firefox.openPopupTab(tabId);
    await waitForText(popup, SAMPLE_TITLE);
    await waitForText(popup, SAMPLE_SITE_NAME);
    await waitForText(popup, 'min read');
    expect(await thumbnail(popup)).toEqual({ src: server.url('lead.svg'), referrerPolicy: 'no-referrer' });
    for (const name of POPUP_UI.share) await (await byName(popup, name, 'link')).dispose();

    await popup.evaluate(() => {
      const w = window as unknown as { copiedTexts: string[] };
      w.copiedTexts = [];
      const original = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text: string) => {
        w.copiedTexts.push(text);
        return original(text);
      };
    });
    await clickByName(popup, POPUP_UI.copyLink, 'button');
    await waitForText(popup, POPUP_UI.copied);
    expect(await popup.evaluate(() => (window as unknown as { copiedTexts: string[] }).copiedTexts)).toEqual([server.url('article.html')]);
    await popup.close();
  });

  it('saved: "Saved" pressed, "Remove from library" then "Undo"', async () => {
    const popup = await firefox.openPopupTab(tabId);
    await waitForText(popup, SAMPLE_TITLE);
    await saveAndWait(popup);
    await clickByName(popup, POPUP_UI.removeFromLibrary, 'button');
    await waitForText(popup, POPUP_UI.removed);
    expect(await attribute(await byName(popup, UI.saveForLater, 'button'), 'aria-pressed')).toBe('false');
    await clickByName(popup, POPUP_UI.undo, 'button');
    expect(await attribute(await byName(popup, UI.saved, 'button', 20_000), 'aria-pressed')).toBe('true');
    await popup.close();
  });

  it('not an article: says so and offers "Open reader view anyway"', async () => {
    const home = await firefox.openTab(server.url('home.html'));
    const popup = await firefox.openPopupTab(await firefox.tabIdOf(home));
    await waitInPage(popup, () => /doesn[’']t look like an article/.test(document.body.innerText), { what: 'the not-an-article notice' });
    expect(isNotArticleText(await popup.evaluate(() => document.body.innerText))).toBe(true);
    await byName(popup, POPUP_UI.openReaderAnyway, 'button');
    await popup.close();
    await home.close();
  });

  it('live-page text size: scales the story on the page, survives a reload, resets exactly', async () => {
    const original = await storyParagraphSize(article);
    let popup = await firefox.openPopupTab(tabId);
    expect(await waitForValue(() => shownScale(popup), (s) => s !== null, 'the popup scale')).toBe(100);
    await clickByName(popup, UI.increaseFont, 'button');
    await waitForValue(() => shownScale(popup), (s) => s === 110, 'the popup to show 110 %');
    expect(await waitForValue(() => storyParagraphSize(article), (s) => s !== original, 'the story to grow')).toBeCloseTo(original * 1.1, 1);
    await popup.close();

    await article.reload({ waitUntil: 'load' });
    expect(await waitForValue(() => storyParagraphSize(article), (s) => s !== original, 'the scale after reload')).toBeCloseTo(original * 1.1, 1);
    // The reload cleared the tab's report; the popup needs the new one to know this is an article.
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));

    popup = await firefox.openPopupTab(tabId);
    await waitForValue(() => shownScale(popup), (s) => s === 110, 'the popup to remember 110 %');
    await clickByName(popup, POPUP_UI.resetTextSize, 'button');
    expect(await waitForValue(() => storyParagraphSize(article), (s) => s === original, 'the original size')).toBe(original);
    await popup.close();
  });

  it('context menu "Save link to Folio": the event page fetches and parses the link, and the library lists it', async () => {
    await menuClick({ menuItemId: 'folio-save-link', pageUrl: article.url(), linkUrl: server.url(LINKED_PATH) }, article);
    const library = await firefox.openExtensionPage('library.html');
    await waitForText(library, LINKED_TITLE, 20_000);
    expect(await libraryEntries(library, LINKED_TITLE)).toHaveLength(1);
    await library.close();
  });

  it('"Save link" on a public page refuses a link to 127.0.0.1 before requesting it (utils/net/safe-fetch.ts)', async () => {
    server.addRoute('/router-admin-ff.html', readSampleArticleHtml().replaceAll(SAMPLE_TITLE, 'Router admin (Firefox)'));
    await menuClick({ menuItemId: 'folio-save-link', pageUrl: 'https://news.example.com/front', linkUrl: server.url('/router-admin-ff.html') }, article);
    expect(await firefox.waitForActionTitle(tabId, (t) => t.includes('home network'))).toContain('home network');
    expect(server.requests).not.toContain('/router-admin-ff.html');
  });

  it('extension fetch cannot read a manual redirect (why safe-fetch follows and checks the final URL)', async () => {
    server.addRoute('/hop-ff', { body: '', status: 302, headers: { Location: '/article.html' } });
    const seen = await firefox.inExtension(async (_api, url) => {
      const manual = await fetch(url, { redirect: 'manual' });
      const follow = await fetch(url, { redirect: 'follow' });
      return { manual: [manual.type, manual.status, manual.headers.get('location')], follow: [follow.redirected, follow.url] };
    }, server.url('/hop-ff'));
    expect(seen).toEqual({ manual: ['opaqueredirect', 0, null], follow: [true, server.url('/article.html')] });
  });
});
