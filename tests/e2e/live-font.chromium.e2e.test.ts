/**
 * Live-page text size in Chromium: on an article that is not in reader view, the
 * real toolbar popup's "Increase font size" scales the story text on the page
 * itself (computed size), the site keeps that size across a reload, and
 * "Reset text size" restores the page's own size exactly. The scale is reading
 * history: it never lands in storage.local (which content scripts can read) and
 * only tabs of that site hear of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_DIR } from './harness/paths';
import { waitInPage } from './harness/wait';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import { byName, clickByName, waitForValue } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, DEFAULT_FONT_SIZE, FONT_SIZE_KEY, UI } from './harness/folio';
import { POPUP_UI, shownScale, storyParagraphSize } from './harness/popup-ui';

/** Another site, served by the same local server (Chromium maps the name to 127.0.0.1). */
const OTHER_SITE = 'other-news.folio-public.test';

describe('live-page text size (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;

  useSiteAndChromium(
    (s, c) => {
      server = s;
      chromium = c;
    },
    { mapToLoopback: [OTHER_SITE] },
  );

  /** storage.local as any content script could read it. */
  const localStorageKeys = async () =>
    Object.keys(await (await chromium.worker()).evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome.storage.local.get(null)));

  it('scales the article text on the page, keeps it for the site across a reload, and resets exactly', async () => {
    const page = await chromium.openTab(server.url('article.html'));
    await chromium.waitForActionTitle(await chromium.tabIdOf(page), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    const original = await storyParagraphSize(page);
    const other = await chromium.openTab(`http://${OTHER_SITE}:${new URL(server.origin).port}/article.html`);
    const otherOriginal = await storyParagraphSize(other);

    let popup = await chromium.openPopup(page);
    expect(await waitForValue(() => shownScale(popup), (s) => s !== null, 'the popup scale')).toBe(100);
    const reset = await byName(popup, POPUP_UI.resetTextSize, 'button');
    expect(await reset.evaluate((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await reset.dispose();

    await clickByName(popup, UI.increaseFont, 'button');
    await clickByName(popup, UI.increaseFont, 'button');
    await waitForValue(() => shownScale(popup), (s) => s === 120, 'the popup to show 120 %');
    const scaled = await waitForValue(() => storyParagraphSize(page), (s) => s !== original, 'the story text to grow');
    expect(scaled).toBeCloseTo(original * 1.2, 1);
    // The live page scale is per site; the reader's own setting is untouched.
    expect((await chromium.syncStorage(FONT_SIZE_KEY))[FONT_SIZE_KEY] ?? DEFAULT_FONT_SIZE).toBe(DEFAULT_FONT_SIZE);
    await popup.close();
    // Reading history stays with the background: nothing in storage.local, the other site untouched.
    expect((await localStorageKeys()).filter((key) => /siteFont|127\.0\.0\.1/.test(key))).toEqual([]);
    expect(await storyParagraphSize(other)).toBe(otherOriginal);
    await other.close();

    await page.reload({ waitUntil: 'load' });
    expect(await waitForValue(() => storyParagraphSize(page), (s) => s !== original, 'the scale to come back after reload')).toBeCloseTo(
      original * 1.2,
      1,
    );
    // A reload clears the tab's report; the popup needs the new one to know this is an article.
    await chromium.waitForActionTitle(await chromium.tabIdOf(page), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));

    popup = await chromium.openPopup(page);
    expect(await waitForValue(() => shownScale(popup), (s) => s === 120, 'the popup to remember 120 %')).toBe(120);
    await clickByName(popup, POPUP_UI.resetTextSize, 'button');
    expect(await waitForValue(() => storyParagraphSize(page), (s) => s === original, 'the original size')).toBe(original);
    // Back at 100 %, no inline size is left behind on the story.
    expect(await page.$$eval('[itemprop="articleBody"], [itemprop="articleBody"] *', (els) => els.filter((e) => (e as HTMLElement).style.fontSize).length)).toBe(0);
    await popup.close();
  });

  it('a page whose stylesheet arrives after its DOM is parsed is scaled from its own text size, not the default', async () => {
    // The scale is applied after the load event. Applied when the DOM was parsed (as it was for a
    // day), it scaled the browser's default 16 px before site.css set the story's size, and the
    // inline size it left stayed wrong; only a slow CI machine showed it.
    const page = await chromium.openTab(server.url('article.html?before-late-css'));
    await chromium.waitForActionTitle(await chromium.tabIdOf(page), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    const original = await storyParagraphSize(page);
    let popup = await chromium.openPopup(page);
    await clickByName(popup, UI.increaseFont, 'button');
    await clickByName(popup, UI.increaseFont, 'button');
    await waitForValue(() => shownScale(popup), (s) => s === 120, 'the popup to show 120 %');
    await popup.close();

    // The same article, its stylesheet held back by the server and no deferred script (which would
    // hold DOMContentLoaded until the stylesheet came).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const html = readFileSync(join(SITE_DIR, 'article.html'), 'utf8').replace('href="site.css"', 'href="late.css"').replace('<script src="site.js" defer></script>', '');
    server.addRoute('article-late-css.html', html);
    server.addRoute('late.css', { body: readFileSync(join(SITE_DIR, 'site.css')), contentType: 'text/css; charset=utf-8', hold: held });
    const late = await chromium.browser.newPage();
    await late.goto(server.url('article-late-css.html'), { waitUntil: 'domcontentloaded' });
    // A grace period, not a wait for a condition: the check below is that nothing was applied yet, and the
    // old code applied the scale one message round trip after DOMContentLoaded (the readyState check keeps it honest).
    await new Promise((r) => setTimeout(r, 300));
    // The control: the story is still at the browser's default size (the stylesheet is not there yet).
    expect(await late.evaluate(() => document.readyState)).toBe('interactive');
    const unstyled = await storyParagraphSize(late);
    expect(unstyled).not.toBeCloseTo(original, 1);
    release();
    await waitInPage(late, () => document.readyState === 'complete', { what: 'the load event' });
    expect(await waitForValue(() => storyParagraphSize(late), (s) => Math.abs(s - original * 1.2) < 0.05, 'the story scaled from its own size')).toBeCloseTo(original * 1.2, 1);
    await late.close();

    popup = await chromium.openPopup(page);
    await clickByName(popup, POPUP_UI.resetTextSize, 'button');
    await waitForValue(() => storyParagraphSize(page), (s) => s === original, 'the original size');
    await popup.close();
    await page.close();
  });
});
