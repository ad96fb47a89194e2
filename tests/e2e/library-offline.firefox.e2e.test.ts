/**
 * Firefox: a saved article is kept with its images and reads offline. Save from
 * the popup (as a tab) → the library's copy opens in the reader with every image
 * from the local store and the site's server sees no request → the same with the
 * server stopped. Positive control: the same server counter does see the live
 * page's image requests. Revisiting under tracking parameters shows "Saved".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_TITLE, checkReaderText } from './harness/sample';
import { attribute, byName, waitForText, waitForValue } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, UI, readerArticle, saveAndWait } from './harness/folio';
import { storedArticles } from './harness/library-db';

async function bodyImages(page: Page) {
  await waitForValue(
    () => page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.reader-body img')].every((i) => i.complete)),
    (done) => done,
    'the reader images to finish',
  );
  return page.$$eval('.reader-body img, header figure img', (imgs) =>
    (imgs as HTMLImageElement[]).map((i) => ({ src: i.currentSrc || i.src, loaded: i.complete && i.naturalWidth > 0 })),
  );
}

describe('offline library copy (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let savedId = '';

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('saves the article with its images (the server counter sees the page’s own image requests)', async () => {
    const tab = await firefox.openTab(server.url('article.html'));
    expect(server.requests.some((p) => p.startsWith('/lead.svg'))).toBe(true);
    const tabId = await firefox.tabIdOf(tab);
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    const popup = await firefox.openPopupTab(tabId);
    await waitForText(popup, SAMPLE_TITLE);
    await saveAndWait(popup);
    const rows = await storedArticles(popup);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.assets.some((u) => u.endsWith('/lead.svg'))).toBe(true);
    savedId = rows[0]!.id;
    await popup.close();
    await tab.close();
  });

  it('under other tracking parameters the popup says "Saved"', async () => {
    const tab = await firefox.openTab(server.url('article.html?utm_campaign=x&gclid=123'));
    const tabId = await firefox.tabIdOf(tab);
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    const popup = await firefox.openPopupTab(tabId);
    await waitForText(popup, SAMPLE_TITLE);
    expect(await attribute(await byName(popup, UI.saved, 'button'), 'aria-pressed')).toBe('true');
    await popup.close();
    await tab.close();
  });

  it('the saved copy reads from local images with no request to the site, also with the server stopped', async () => {
    const served = server.requests.length;
    const reader = await firefox.openExtensionPage(`reader.html?article=${savedId}`);
    const { text } = await readerArticle(reader);
    expect(checkReaderText(text).missing).toEqual([]);
    const images = await bodyImages(reader);
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((i) => i.loaded && i.src.startsWith('blob:'))).toBe(true);
    expect(server.requests.slice(served)).toEqual([]);

    await server.close();
    const again = await firefox.openExtensionPage(`reader.html?article=${savedId}`);
    await readerArticle(again);
    const offline = await bodyImages(again);
    expect(offline.length).toBe(images.length);
    expect(offline.every((i) => i.loaded && i.src.startsWith('blob:'))).toBe(true);
  });
});
