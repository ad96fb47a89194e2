/**
 * Storage full, in real Firefox: the browser's own quota, made small with
 * Firefox's start-up pref `dom.quotaManager.temporaryStorage.fixedLimit` (the
 * storage Folio's unlimitedStorage permission grants still sits inside that
 * global limit, so IndexedDB raises a real QuotaExceededError). Chromium has no
 * equivalent for an extension's origin: CDP's Storage.overrideQuotaForOrigin
 * leaves chrome-extension:// origins at their full quota (measured 2026-12-02,
 * also in a build without unlimitedStorage), so this runs in Firefox only.
 *
 * As a reader meets it: the sample article saves (the control: the small quota
 * leaves room for an ordinary save) → a story with 12 MB of photos does not fit
 * → the popup says the storage is full and what to do → nothing of that save
 * was kept (no article, no orphan image), the first article is whole in the
 * library and opens in the reader.
 */
import { randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { SITE_DIR } from './harness/paths';
import { SAMPLE_TITLE, checkReaderText } from './harness/sample';
import { byName, waitForText } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, UI, readerArticle, saveAndWait } from './harness/folio';
import { storedArticles } from './harness/library-db';

/** Firefox's global storage limit for this profile, in kB: room for the sample article, not for 12 MB of photos. */
const LIMIT_KB = 8 * 1024;
const PHOTO_BYTES = 4 * 1024 * 1024;
const QUOTA_MESSAGE = "Your browser's storage for Folio is full. Remove some saved articles and try again.";

/** Random bytes behind a PNG signature: served as image/png, incompressible, so they take their size on disk. */
function photo(): Buffer {
  const bytes = randomFillSync(Buffer.alloc(PHOTO_BYTES));
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}

async function totalAssets(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('folio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const req = db.transaction('assets').objectStore('assets').count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return n;
  });
}

async function openPopupFor(firefox: FirefoxSession, url: string): Promise<{ tab: Page; popup: Page }> {
  const tab = await firefox.openTab(url);
  const tabId = await firefox.tabIdOf(tab);
  await firefox.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  const popup = await firefox.openPopupTab(tabId);
  await waitForText(popup, SAMPLE_TITLE);
  return { tab, popup };
}

describe('storage full (Firefox, a real quota)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let firstId = '';
  let firstAssets = 0;

  beforeAll(async () => {
    server = await startSiteServer();
    // The sample article with three big photos in its body: the same story, another address.
    const photos = [1, 2, 3].map((n) => `<figure><img src="photo-${n}.png" width="1200" height="800" alt="The harbour, photo ${n}"><figcaption>Photo ${n} of the harbour.</figcaption></figure>`).join('');
    const html = readFileSync(join(SITE_DIR, 'article.html'), 'utf8')
      .replace(/(<div class="story-body" itemprop="articleBody">\s*<p>[\s\S]*?<\/p>)/, `$1${photos}`)
      // Its own address, so it is not the article saved first.
      .replaceAll('"/article.html"', '"/photo-story.html"');
    if (!html.includes('photo-3.png') || html.includes('"/article.html"')) throw new Error('the sample article no longer has the story body this test adds photos to');
    server.addRoute('photo-story.html', html);
    for (const n of [1, 2, 3]) server.addRoute(`photo-${n}.png`, { body: photo(), contentType: 'image/png' });
    firefox = await launchFirefox({ prefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': LIMIT_KB } });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('an ordinary save fits (the control)', async () => {
    const { tab, popup } = await openPopupFor(firefox, server.url('article.html'));
    await saveAndWait(popup);
    const rows = await storedArticles(popup);
    expect(rows).toHaveLength(1);
    firstId = rows[0]!.id;
    firstAssets = await totalAssets(popup);
    expect(firstAssets).toBeGreaterThan(0);
    await popup.close();
    await tab.close();
  });

  it('a save that does not fit says the storage is full and keeps nothing of itself', async () => {
    const { tab, popup } = await openPopupFor(firefox, server.url('photo-story.html'));
    // The page's own photos did load: the save below has 12 MB to keep.
    expect(server.requests.filter((p) => /^\/photo-\d\.png/.test(p)).length).toBeGreaterThanOrEqual(3);
    await (await byName(popup, UI.saveForLater, 'button')).click();
    await waitForText(popup, QUOTA_MESSAGE, 30_000);
    // Beside the button that failed, not below the share row (out of sight in a full popup).
    const place = await popup.evaluate(() => {
      const alert = document.querySelector('[role="alert"]');
      const save = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Save for later'));
      const copy = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Copy link'));
      if (!alert || !save || !copy) return 'missing';
      const after = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return after(save, alert) && after(alert, copy) ? 'between Save and Share' : 'elsewhere';
    });
    expect(place).toBe('between Save and Share');
    // Still offered: the user can free space and press it again.
    expect(await byName(popup, UI.saveForLater, 'button')).toBeTruthy();
    const rows = await storedArticles(popup);
    expect(rows.map((r) => r.id)).toEqual([firstId]);
    expect(await totalAssets(popup)).toBe(firstAssets);
    await popup.close();
    await tab.close();
  });

  it('the library still lists the first article whole, and it reads', async () => {
    const library = await firefox.openExtensionPage('library.html');
    await waitForText(library, SAMPLE_TITLE);
    const reader = await firefox.openExtensionPage(`reader.html?article=${firstId}`);
    const { text } = await readerArticle(reader);
    expect(checkReaderText(text).missing).toEqual([]);
  });
});
