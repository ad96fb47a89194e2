/**
 * The popup's states and sharing in Chromium's real toolbar popup
 * (chrome.action.openPopup): article (title, site, reading time, thumbnail, every
 * share target), Copy link (the real clipboard, read back with clipboard
 * permissions granted to the extension origin), saved with Remove + Undo, not an
 * article, a browser page, offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_SITE_NAME, SAMPLE_TITLE } from './harness/sample';
import { attribute, byName, clickByName, hasName, waitForText } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, UI, isNotArticleText, saveAndWait } from './harness/folio';
import { POPUP_UI, thumbnail } from './harness/popup-ui';
import { waitInPage } from './harness/wait';

describe('popup states and sharing (Chromium, real toolbar popup)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let article: Page;

  beforeAll(async () => {
    server = await startSiteServer();
    chromium = await launchChromium();
    // Tracking parameters in the address bar: what is shared must not carry them.
    article = await chromium.openTab(server.url('article.html?utm_source=newsletter&fbclid=abc'));
    await chromium.waitForActionTitle(await chromium.tabIdOf(article), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('an article: title, site, reading time, lead image thumbnail without referrer, every share target', async () => {
    const popup = await chromium.openPopup(article);
    await waitForText(popup, SAMPLE_TITLE);
    await waitForText(popup, SAMPLE_SITE_NAME);
    await waitForText(popup, 'min read');
    expect(await thumbnail(popup)).toEqual({ src: server.url('lead.svg'), referrerPolicy: 'no-referrer' });
    for (const name of POPUP_UI.share) {
      const link = await byName(popup, name, 'link');
      const href = (await attribute(link, 'href'))!;
      await link.dispose();
      expect(href).not.toContain('utm_source');
      expect(href).not.toContain('fbclid');
      expect(href).toContain(encodeURIComponent(server.url('article.html')));
    }
    await byName(popup, POPUP_UI.copyLink, 'button');
    await popup.close();
  });

  it('Copy link puts the clean canonical URL on the clipboard and says "Copied"', async () => {
    const origin = chromium.extensionUrl('').replace(/\/$/, '');
    await chromium.browser.defaultBrowserContext().overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const popup = await chromium.openPopup(article);
    await clickByName(popup, POPUP_UI.copyLink, 'button');
    await waitForText(popup, POPUP_UI.copied);
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(server.url('article.html'));
    await popup.close();
  });

  it('saved: "Saved" is pressed, "Remove from library" removes, "Undo" saves it again', async () => {
    let popup = await chromium.openPopup(article);
    await saveAndWait(popup);
    await popup.close();

    popup = await chromium.openPopup(article);
    const saved = await byName(popup, UI.saved, 'button');
    expect(await attribute(saved, 'aria-pressed')).toBe('true');
    await saved.dispose();
    await clickByName(popup, POPUP_UI.removeFromLibrary, 'button');
    await waitForText(popup, POPUP_UI.removed);
    const save = await byName(popup, UI.saveForLater, 'button');
    expect(await attribute(save, 'aria-pressed')).toBe('false');
    await save.dispose();
    await clickByName(popup, POPUP_UI.undo, 'button');
    await byName(popup, UI.saved, 'button', 20_000);
    await popup.close();
  });

  it('not an article: says so and offers "Open reader view anyway"', async () => {
    const home = await chromium.openTab(server.url('home.html'));
    const popup = await chromium.openPopup(home);
    await waitInPage(popup, () => /doesn[’']t look like an article/.test(document.body.innerText), { what: 'the not-an-article notice' });
    expect(isNotArticleText(await popup.evaluate(() => document.body.innerText))).toBe(true);
    await byName(popup, POPUP_UI.openReaderAnyway, 'button');
    await popup.close();
    await home.close();
  });

  it("a browser page: a plain explanation, no error", async () => {
    const blank = await chromium.browser.newPage();
    await blank.goto('about:blank');
    const popup = await chromium.openPopup(blank);
    await waitForText(popup, 'browser');
    expect(await popup.$('[role="alert"]')).toBeNull();
    expect(await hasName(popup, UI.openReader, 'button')).toBe(false);
    await popup.close();
    await blank.close();
  });

  it('offline: a calm note that saved articles are still readable', async () => {
    const popup = await chromium.openPopup(article);
    await waitForText(popup, SAMPLE_TITLE);
    await popup.setOfflineMode(true);
    await waitForText(popup, POPUP_UI.offline);
    expect(await popup.$('[role="alert"]')).toBeNull();
    await popup.close();
  });
});
