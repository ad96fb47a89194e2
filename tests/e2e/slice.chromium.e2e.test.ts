/**
 * The foundation slice in Chromium, through the real UI: the sample article is
 * detected (toolbar title), the real toolbar popup shows it, the font size setting
 * changes and persists, "Open reader view" shows every story paragraph and none of
 * the page furniture at the chosen size, "Save for later" saves once, and the
 * library opens the saved copy with the site server stopped.
 * Steps share one browser and run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_SITE_NAME, SAMPLE_TITLE, checkReaderText, readSampleArticleHtml } from './harness/sample';
import { byName, clickByName, waitForText, waitForValue } from './harness/pages';
import {
  ARTICLE_TITLE_PREFIX,
  DEFAULT_FONT_SIZE,
  FONT_SIZE_KEY,
  UI,
  libraryEntries,
  readerArticle,
  saveAndWait,
  shownFontSize,
} from './harness/folio';
import { POPUP_UI, shownScale } from './harness/popup-ui';

/** A second copy of the sample under its own URL and title, for the save-twice check. */
const COPY_PATH = '/article-copy.html';
const COPY_TITLE = 'Copy desk: US says China talks ‘very constructive’ as Trump jets to KL';

describe('foundation slice (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let articleUrl: string;
  let tab: Page;
  let tabId: number;
  let fontSize = DEFAULT_FONT_SIZE;

  beforeAll(async () => {
    server = await startSiteServer();
    server.addRoute(
      COPY_PATH,
      readSampleArticleHtml().replaceAll(SAMPLE_TITLE, COPY_TITLE).replaceAll('/article.html', COPY_PATH),
    );
    chromium = await launchChromium();
    articleUrl = server.url('article.html');
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('detects the sample article: the toolbar title says so', async () => {
    tab = await chromium.openTab(articleUrl);
    tabId = await chromium.tabIdOf(tab);
    const title = await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    expect(title).toBe('Folio: article detected — open the reader');
  });

  it('the real toolbar popup shows the article title and site', async () => {
    const popup = await chromium.openPopup(tab);
    await waitForText(popup, SAMPLE_TITLE);
    await waitForText(popup, SAMPLE_SITE_NAME);
    await byName(popup, UI.openReader, 'button');
    await byName(popup, UI.saveForLater, 'button');
    for (const name of [UI.shareWhatsApp, UI.shareFacebook, UI.shareLinkedIn, UI.openLibrary]) {
      await byName(popup, name, 'link');
    }
    await popup.close();
  });

  // Issue #5: on a web article the popup's text size scales the live page (per site, in %);
  // the reader setting (px) is stepped from the popup on a reader tab (tests/e2e/menus.chromium.e2e.test.ts).
  it('"Increase font size" on the article scales the live page, not the reader setting, and survives reopening the popup', async () => {
    let popup = await chromium.openPopup(tab);
    expect(await waitForValue(() => shownScale(popup), (s) => s !== null, 'the popup text scale')).toBe(100);
    await clickByName(popup, UI.increaseFont, 'button');
    await waitForValue(() => shownScale(popup), (s) => s === 110, 'the popup to show 110 %');
    await popup.close();

    popup = await chromium.openPopup(tab);
    expect(await waitForValue(() => shownScale(popup), (s) => s !== null, 'the popup text scale')).toBe(110);
    // Leave the page as the site styles it for the steps that follow.
    await clickByName(popup, POPUP_UI.resetTextSize, 'button');
    await waitForValue(() => shownScale(popup), (s) => s === 100, 'the popup to show 100 %');
    await popup.close();
    expect((await chromium.syncStorage(FONT_SIZE_KEY))[FONT_SIZE_KEY] ?? DEFAULT_FONT_SIZE).toBe(fontSize);
  });

  it('"Open reader view" turns the tab into the reader: every story paragraph, no page furniture, the chosen size', async () => {
    const popup = await chromium.openPopup(tab);
    const readerPrefix = chromium.extensionUrl('reader.html?view=');
    const readerAppears = chromium.waitForPage(readerPrefix, 30_000);
    await clickByName(popup, UI.openReader, 'button');
    const reader = await readerAppears;
    expect((await chromium.tabIdsAt(reader.url()))).toEqual([tabId]);

    const { text, fontSize: computed } = await readerArticle(reader);
    const check = checkReaderText(text);
    expect(check.missing, 'story paragraphs missing from the reader').toEqual([]);
    expect(check.leaked, 'page widgets that leaked into the reader').toEqual([]);
    expect(check.inOrder).toBe(true);
    expect(computed).toBe(`${fontSize}px`);
    tab = reader;
  });

  it('in the reader, the popup\'s "Increase font size" changes the reader\'s font size live, and it survives reopening', async () => {
    let popup = await chromium.openPopup(tab);
    expect(await waitForValue(() => shownFontSize(popup), (s) => s !== null, 'the popup font size')).toBe(fontSize);
    await clickByName(popup, UI.increaseFont, 'button');
    const bigger = (await waitForValue(
      async () => (await chromium.syncStorage(FONT_SIZE_KEY))[FONT_SIZE_KEY],
      (v) => typeof v === 'number' && v > fontSize,
      `storage.sync ${FONT_SIZE_KEY} to grow`,
    )) as number;
    await popup.close();
    // Applied live to the open reader, without a reload…
    await waitForValue(async () => (await readerArticle(tab)).fontSize, (s) => s === `${bigger}px`, 'the reader article to grow');
    // …and kept: the reopened popup and a reloaded reader both show it.
    popup = await chromium.openPopup(tab);
    expect(await waitForValue(() => shownFontSize(popup), (s) => s === bigger, 'the popup to show the new size')).toBe(bigger);
    await popup.close();
    await tab.reload();
    expect((await readerArticle(tab)).fontSize).toBe(`${bigger}px`);
    fontSize = bigger;
  });

  it('"Back to original" returns the tab to the page, where "Save for later" in the popup becomes "Saved"', async () => {
    const original = chromium.waitForPage(articleUrl, 20_000);
    await clickByName(tab, UI.backToOriginal, 'button');
    tab = await original;
    await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));

    const popup = await chromium.openPopup(tab);
    await waitForText(popup, SAMPLE_TITLE);
    await saveAndWait(popup);
    await popup.close();

    // Reopened, the popup remembers the article is saved.
    const again = await chromium.openPopup(tab);
    const saved = await byName(again, UI.saved);
    expect(await saved.evaluate((el) => el.getAttribute('aria-pressed'))).toBe('true');
    await again.close();
  });

  it('saving the same URL twice keeps one library entry', async () => {
    const copyUrl = server.url(COPY_PATH);
    const first = await chromium.openTab(copyUrl);
    const firstId = await chromium.tabIdOf(first);
    const second = await chromium.openTab(copyUrl);
    const secondId = (await chromium.tabIdsAt(copyUrl)).find((id) => id !== firstId)!;
    for (const id of [firstId, secondId]) {
      await chromium.waitForActionTitle(id, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    }
    // Both popups are open, each showing "Save for later", before either saves.
    const popups = [
      await chromium.browser.newPage(),
      await chromium.browser.newPage(),
    ];
    await popups[0]!.goto(chromium.extensionUrl(`popup.html?tabId=${firstId}`));
    await popups[1]!.goto(chromium.extensionUrl(`popup.html?tabId=${secondId}`));
    for (const popup of popups) await waitForText(popup, UI.saveForLater);
    // Chromium answers accessibility queries only for the tab in front.
    for (const popup of popups) {
      await popup.bringToFront();
      await saveAndWait(popup);
    }

    const library = await chromium.openTab(chromium.extensionUrl('library.html'));
    await waitForText(library, COPY_TITLE);
    expect(await libraryEntries(library, COPY_TITLE)).toHaveLength(1);
    for (const page of [...popups, first, second, library]) await page.close();
  });

  it('the library lists the article and opens it in the reader with the site server stopped', async () => {
    const popup = await chromium.openPopup(tab);
    const libraryAppears = chromium.waitForPage(chromium.extensionUrl('library.html'), 20_000);
    await clickByName(popup, UI.openLibrary, 'link');
    const library = await libraryAppears;
    await waitForText(library, SAMPLE_TITLE);

    await server.close();
    await library.reload();
    await waitForText(library, SAMPLE_TITLE);
    const entries = await libraryEntries(library, SAMPLE_TITLE);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.text).toContain(SAMPLE_SITE_NAME);
    expect(entries[0]!.hasDate).toBe(true);
    expect(entries[0]!.href).toMatch(new RegExp(`^${chromium.extensionUrl('reader.html')}\\?article=.+`));

    await Promise.all([library.waitForNavigation(), clickByName(library, SAMPLE_TITLE, 'link')]);
    expect(library.url()).toMatch(/\/reader\.html\?article=/);
    const { text, fontSize: computed } = await readerArticle(library);
    const check = checkReaderText(text);
    expect(check.missing).toEqual([]);
    expect(check.leaked).toEqual([]);
    expect(computed).toBe(`${fontSize}px`);
  });
});
