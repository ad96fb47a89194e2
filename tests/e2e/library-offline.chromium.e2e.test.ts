/**
 * A saved article is kept whole and reads offline, walked as a person does:
 * the sample article → popup "Save for later" (its images are fetched by the
 * background) → the worker is killed → the library's copy opens in the reader
 * with every image from the local store and no request leaving the reader,
 * then again with the site's server stopped. A positive control shows the
 * request counter and the CDP listener do see the images of an unsaved view.
 * Revisiting the article under tracking parameters, the popup says "Saved".
 */
import { expect, it } from 'vitest';
import type { HTTPRequest, Page } from 'puppeteer';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import { SAMPLE_TITLE, checkReaderText } from './harness/sample';
import { attribute, byName, clickByName, waitForText } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, UI, readerArticle, saveAndWait } from './harness/folio';
import { storedArticles } from './harness/library-db';
import { waitInPage } from './harness/wait';

let server: SiteServer;
let chromium: ChromiumSession;

useSiteAndChromium((s, c) => {
  server = s;
  chromium = c;
});

/** Requests a page makes that leave the extension (anything but chrome-extension: and blob:). */
function watchRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r: HTTPRequest) => {
    if (!/^(chrome-extension|blob|data):/.test(r.url())) seen.push(r.url());
  });
  return seen;
}

async function bodyImages(page: Page) {
  await waitInPage(page, () => [...document.querySelectorAll<HTMLImageElement>('.reader-body img')].every((i) => i.complete), { what: 'the images to load' });
  return page.$$eval('.reader-body img, header figure img', (imgs) =>
    (imgs as HTMLImageElement[]).map((i) => ({ src: i.currentSrc || i.src, loaded: i.complete && i.naturalWidth > 0 })),
  );
}

let savedId = '';

it('positive control: the reader of an unsaved article loads its images from the site (and the counters see it)', async () => {
  const tab = await chromium.openTab(server.url('article.html'));
  const tabId = await chromium.tabIdOf(tab);
  await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  const leaving = watchRequests(tab);
  const popup = await chromium.openPopup(tab);
  const readerAppears = chromium.waitForPage(chromium.extensionUrl('reader.html?view='), 30_000);
  await clickByName(popup, UI.openReader, 'button');
  const reader = await readerAppears;
  await readerArticle(reader);
  const images = await bodyImages(reader);
  expect(images.length).toBeGreaterThan(0);
  expect(images.every((i) => i.src.startsWith(server.origin))).toBe(true);
  // An unsaved view may load the article's own images: the watcher that must stay empty below sees them here.
  expect(leaving.some((u) => u.endsWith('/lead.svg'))).toBe(true);
  await reader.close();
});

it('"Save for later" keeps the article with its images; killing the worker right after loses and duplicates nothing', async () => {
  const tab = await chromium.openTab(server.url('article.html'));
  const tabId = await chromium.tabIdOf(tab);
  await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  const popup = await chromium.openPopup(tab);
  await saveAndWait(popup);
  await popup.close();
  await (await chromium.worker()).close();

  const page = await chromium.openTab(chromium.extensionUrl('library.html'));
  const rows = await storedArticles(page);
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  expect(row.title).toBe(SAMPLE_TITLE);
  expect(row.images.stored).toBeGreaterThan(0);
  expect(row.assets.some((u) => u.endsWith('/lead.svg'))).toBe(true);
  savedId = row.id;

  // Saving again after the restart updates the one record.
  const again = await chromium.openPopup(tab);
  await waitForText(again, SAMPLE_TITLE);
  expect(await attribute(await byName(again, UI.saved, 'button'), 'aria-pressed')).toBe('true');
  await again.close();
  expect(await storedArticles(page)).toHaveLength(1);
  await page.close();
  await tab.close();
});

it('revisiting the saved article under other tracking parameters, the popup says "Saved"', async () => {
  const tab = await chromium.openTab(server.url('article.html?utm_source=newsletter&utm_medium=email&fbclid=abc123'));
  const tabId = await chromium.tabIdOf(tab);
  await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  const popup = await chromium.openPopup(tab);
  await waitForText(popup, SAMPLE_TITLE);
  expect(await attribute(await byName(popup, UI.saved, 'button'), 'aria-pressed')).toBe('true');
  await popup.close();
  await tab.close();
});

it('the saved copy opens in the reader with local images and makes no network request, with the server up and stopped', async () => {
  const reader = await chromium.browser.newPage();
  const leaving = watchRequests(reader);
  const served = server.requests.length;
  await reader.goto(chromium.extensionUrl(`reader.html?article=${savedId}`));
  const { text } = await readerArticle(reader);
  expect(checkReaderText(text).missing).toEqual([]);
  const images = await bodyImages(reader);
  expect(images.length).toBeGreaterThan(0);
  expect(images.every((i) => i.src.startsWith('blob:'))).toBe(true);
  expect(images.every((i) => i.loaded)).toBe(true);
  expect(leaving).toEqual([]);
  expect(server.requests.slice(served)).toEqual([]);

  await server.close();
  await reader.reload();
  await readerArticle(reader);
  const offline = await bodyImages(reader);
  expect(offline.length).toBe(images.length);
  expect(offline.every((i) => i.loaded && i.src.startsWith('blob:'))).toBe(true);
  expect(leaving).toEqual([]);
  await reader.close();
});
