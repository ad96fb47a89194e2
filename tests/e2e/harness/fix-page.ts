/**
 * "Fix this page" (issue #14) as a person does it, shared by the Chromium and
 * Firefox files. The sample site is The Harbour Gazette
 * (tests/fixtures/site/gazette/): two articles of one template whose readers'
 * letters outweigh a short story, so the reader first shows the letters too.
 * Each browser file supplies a FixSession (how to open the reader, the popup,
 * extension pages, and take light and dark screenshots there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { expect } from 'vitest';
import { ARTICLE_TITLE_PREFIX, saveAndWait } from './folio';
import { aria, byName, clickByName, hasName, pageText, waitForText, waitForValue } from './pages';
import { waitForArticle } from './reader';
import { SITE_DIR } from './paths';
import type { SiteServer } from './server';
import { waitForElement } from './wait';

export const FIX_UI = {
  fixThisPage: 'Fix this page',
  removeParts: 'Remove parts',
  done: 'Done',
  undo: 'Undo',
  use: 'Use this as the article',
  wider: 'Wider',
  forget: 'Forget the fix for this site',
  siteFixes: 'Site fixes',
  deleteFix: (site: string) => `Delete the fix for ${site}`,
} as const;

export const FIRST_PATH = 'gazette/sea-wall.html';
export const SECOND_PATH = 'gazette/ferry-timetable.html';
/** Rules are kept per site: the test server's host. */
export const SITE = '127.0.0.1';

/** A sentence of each story, one of the letters, and the promo inside the story. */
export const FIRST_STORY = 'Engineers told councillors that the old wall';
export const SECOND_STORY = 'The last boat back from the mainland';
export const LETTERS = 'What readers say';
export const PROMO = 'Quayside Weekend';

export interface FixSession {
  server: SiteServer;
  /** Opens `url` in a tab and the reader on it through the popup, as a user does; returns the reader tab. */
  openReader(url: string): Promise<Page>;
  openTab(url: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  waitForActionTitle(tabId: number, predicate: (title: string) => boolean): Promise<string>;
  /** The popup acting on `page`'s tab. */
  openPopup(page: Page): Promise<Page>;
  extensionPage(path: string): Promise<Page>;
  /** Screenshots of `page` in light and dark, for a person to look at. */
  shoot(page: Page, name: string): Promise<void>;
  /** Clicks "Use this as the article" in the picker's closed shadow root (by name where the driver can find it there). */
  clickUse(page: Page): Promise<void>;
}

const readerText = (page: Page) => page.$eval('article', (a) => a.textContent ?? '');
const hasPicker = (page: Page) => page.evaluate(() => document.querySelector('folio-picker-ui') !== null).catch(() => false);

/** Waits for the reader on `page` (the tab the picker ran in) and returns its article text. */
async function readerAfterPick(page: Page): Promise<string> {
  await waitForValue(() => page.evaluate(() => location.href).catch(() => ''), (u) => u.includes('/reader.html?view='), 'the tab to become the reader', 30_000).catch(async (error: unknown) => {
    // The picker's status line says why (it lives in a closed shadow root: only a screenshot shows it).
    await page.screenshot({ path: '/tmp/folio-fix-pick-failed.png' }).catch(() => undefined);
    throw error;
  });
  await waitForArticle(page);
  return readerText(page);
}

/** What the page shows of itself: Folio's picker must add its host under <html> and change nothing else. */
function pageMarkup(page: Page): Promise<{ body: string; hostInBody: boolean; shadowVisible: boolean }> {
  return page.evaluate(() => {
    const host = document.querySelector('folio-picker-ui');
    return { body: document.body.innerHTML, hostInBody: host ? document.body.contains(host) : false, shadowVisible: host?.shadowRoot != null };
  });
}

/** The first article in the reader: read wrong (the letters come with the story). */
export async function readsWrongFirst(s: FixSession): Promise<Page> {
  const reader = await s.openReader(s.server.url(FIRST_PATH));
  const text = await readerText(reader);
  expect(text).toContain(LETTERS);
  expect(await hasName(reader, FIX_UI.forget, 'button')).toBe(false);
  return reader;
}

/**
 * The reader's "Fix this page": the tab goes back to the page and the picker
 * comes up there. With the keyboard only: the story's last paragraph is in the
 * middle of the window (as after Page Down), ↑ widens to the story, ↑ again to
 * the column with the headline, ↓ back to the story, Enter reads it.
 */
export async function pickWithKeyboard(s: FixSession, reader: Page, path = FIRST_PATH, notice = `Read with your fix for ${SITE}.`): Promise<void> {
  const requestsBefore = s.server.requests.length;
  await clickByName(reader, FIX_UI.fixThisPage, 'button');
  await waitForValue(async () => (await reader.evaluate(() => location.href).catch(() => '')) === s.server.url(path) && (await hasPicker(reader)), (v) => v, 'the picker on the original page', 30_000);
  const before = await pageMarkup(reader);
  expect(before).toMatchObject({ hostInBody: false, shadowVisible: false });
  await reader.bringToFront();
  await reader.evaluate(() => {
    const paragraphs = document.querySelectorAll('.copy p');
    paragraphs[paragraphs.length - 1]!.scrollIntoView({ block: 'center' });
  });
  // Two frames: the scroll event reaches the picker, which follows the middle of the window.
  await reader.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // Shot before the keys: Firefox's colour scheme goes through another tab, and keys pressed right
  // after coming back can miss the page on a loaded machine.
  await s.shoot(reader, 'fix-picker-keyboard');
  await reader.bringToFront();
  await reader.keyboard.press('ArrowUp');
  await reader.keyboard.press('ArrowUp');
  await reader.keyboard.press('ArrowDown');
  // Picking changed nothing of the page.
  expect((await pageMarkup(reader)).body).toBe(before.body);
  await reader.keyboard.press('Enter');
  const text = await readerAfterPick(reader);
  expect(text).toContain(FIRST_STORY);
  expect(text).not.toContain(LETTERS);
  await waitForText(reader, notice);
  // The rule was tried on the other article the page links to ("More from the Gazette") before it was kept.
  if (path === FIRST_PATH) expect(s.server.requests.slice(requestsBefore)).toContain(`/${SECOND_PATH}`);
  await s.shoot(reader, path === FIRST_PATH ? 'fix-reader-notice' : 'fix-reader-page-only');
}

export const PAGE_ONLY_PATH = 'gazette/harbour-lights.html';
const OTHER_TEMPLATE_PATH = 'gazette/lighthouse-open-day.html';

/**
 * A fix the site's other article does not bear out: the first article's
 * template under another address, whose "More from the Gazette" link goes to
 * an article of another template (no such block there). The reader reads the
 * chosen block and says the fix is for this page only; the site keeps no rule,
 * so the next article is read as before. Run with no rule for the site.
 */
export async function pickNotKeptWhenAnotherPageLacksIt(s: FixSession): Promise<void> {
  const first = readFileSync(join(SITE_DIR, FIRST_PATH), 'utf8').replace('href="ferry-timetable.html"', `href="${OTHER_TEMPLATE_PATH.split('/')[1]}"`);
  s.server.addRoute(PAGE_ONLY_PATH, first);
  s.server.addRoute(
    OTHER_TEMPLATE_PATH,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lighthouse open day draws a crowd</title><meta property="og:type" content="article"></head><body>
    <article class="feature"><h1>Lighthouse open day draws a crowd</h1><div class="story-body">${'<p>Hundreds of visitors climbed the hundred and twelve steps of the old lighthouse on Saturday, the first open day since the lamp room was restored by volunteers over two long winters.</p>'.repeat(5)}</div></article>
    </body></html>`,
  );
  const reader = await s.openReader(s.server.url(PAGE_ONLY_PATH));
  expect(await readerText(reader)).toContain(LETTERS);
  const requestsBefore = s.server.requests.length;
  await pickWithKeyboard(s, reader, PAGE_ONLY_PATH, `for this page only: another article of ${SITE} has no such block`);
  expect(s.server.requests.slice(requestsBefore)).toContain(`/${OTHER_TEMPLATE_PATH}`);
  expect(await hasName(reader, FIX_UI.forget, 'button')).toBe(false);
  // No rule was kept: the site's next article is read as before, letters and all.
  const next = await s.openReader(s.server.url(SECOND_PATH));
  expect(await readerText(next)).toContain(LETTERS);
  await next.close();
}

/** The second article of the same template: right without help, and the reader says the fix was used. */
export async function secondArticleRight(s: FixSession): Promise<Page> {
  const reader = await s.openReader(s.server.url(SECOND_PATH));
  const text = await readerText(reader);
  expect(text).toContain(SECOND_STORY);
  expect(text).not.toContain(LETTERS);
  expect(text).toContain(PROMO);
  await waitForText(reader, `Read with your fix for ${SITE}.`);
  return reader;
}

/** The centre of the reader's block holding `phrase`, scrolled into view. */
async function blockPoint(page: Page, phrase: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(async (wanted) => {
    const el = [...document.querySelectorAll('.reader-body p, .reader-body div')].find((p) => (p.textContent ?? '').trim().startsWith(wanted));
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, phrase);
  if (!point) throw new Error(`"${phrase}" is not in the reader`);
  return point;
}

/**
 * Reloads an extension page. Not awaited: Firefox never settles navigations of
 * moz-extension:// pages (harness/firefox.ts); a marker on the old document's
 * window tells when the new one is there.
 */
async function reload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __old?: boolean }).__old = true));
  void page.reload().catch(() => undefined);
  await waitForValue(
    () => page.evaluate(() => !(window as unknown as { __old?: boolean }).__old && document.readyState === 'complete').catch(() => false),
    (fresh) => fresh,
    'the page to load again',
  );
}

/** The saved articles' stored text, read from IndexedDB in a Folio extension page (for assertions only). */
function storedBodies(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('folio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const bodies = await new Promise<{ textContent: string }[]>((resolve, reject) => {
      const req = db.transaction('bodies').objectStore('bodies').getAll();
      req.onsuccess = () => resolve(req.result as { textContent: string }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return bodies.map((b) => b.textContent);
  });
}

const bodyText = (page: Page) => page.$eval('.reader-body', (b) => b.textContent ?? '');

/**
 * "Remove parts" in the second article's reader: Tab to a part and Enter takes
 * it out, Undo puts it back; the promo under the pointer is outlined, a click
 * takes it out, Done stores it: gone after a reload, and gone from the first
 * article too (the site's rule).
 */
export async function removePromo(s: FixSession, reader: Page): Promise<void> {
  await reader.bringToFront();
  await clickByName(reader, FIX_UI.removeParts, 'button');
  const toggle = await byName(reader, FIX_UI.removeParts, 'button');
  expect(await toggle.evaluate((b) => b.getAttribute('aria-pressed'))).toBe('true');
  await toggle.dispose();
  await waitForValue(() => reader.evaluate(() => document.activeElement?.textContent?.trim() ?? ''), (t) => t === 'Done', 'focus on Done');

  // Keyboard: Tab into the article until a part has focus; Enter removes it, Undo brings it back.
  const focusedPart = () => reader.evaluate(() => (document.activeElement?.hasAttribute('data-remove-part') ? (document.activeElement.textContent ?? '').trim().slice(0, 30) : null));
  let part: string | null = null;
  for (let i = 0; i < 12 && !part; i++) {
    await reader.keyboard.press('Tab');
    part = await focusedPart();
  }
  expect(part).not.toBeNull();
  await reader.keyboard.press('Enter');
  await waitForValue(() => bodyText(reader), (t) => !t.includes(part!), 'the focused part removed');
  await waitForText(reader, 'Removed: 1');
  await clickByName(reader, FIX_UI.undo, 'button');
  await waitForValue(() => bodyText(reader), (t) => t.includes(part!), 'Undo to bring it back');

  // The mouse: the promo is outlined under the pointer, a click removes it.
  const point = await blockPoint(reader, PROMO);
  await reader.mouse.move(point.x, point.y);
  await waitForValue(() => reader.evaluate(() => (document.querySelector('[data-remove-target]')?.textContent ?? '').trim()), (t) => t.startsWith(PROMO), 'the promo outlined');
  await s.shoot(reader, 'fix-remove-hover');
  await reader.mouse.click(point.x, point.y);
  await waitForValue(() => bodyText(reader), (t) => !t.includes(PROMO), 'the promo removed');
  await clickByName(reader, FIX_UI.done, 'button');
  await waitForText(reader, 'Removed. The site');
  expect(await hasName(reader, FIX_UI.done, 'button')).toBe(false);
  await reader.evaluate(() => window.scrollTo(0, 0));
  await s.shoot(reader, 'fix-removed');

  await reload(reader);
  await waitForArticle(reader);
  expect(await bodyText(reader)).not.toContain(PROMO);
  expect(await bodyText(reader)).toContain(SECOND_STORY);
  // Saved, the library keeps the content the user fixed.
  await saveAndWait(reader);
  expect(await storedBodies(reader)).toEqual([expect.not.stringContaining(PROMO)]);
  expect((await storedBodies(reader))[0]).toContain(SECOND_STORY);

  const first = await s.openReader(s.server.url(FIRST_PATH));
  const text = await readerText(first);
  expect(text).toContain(FIRST_STORY);
  expect(text).not.toContain(PROMO);
  expect(text).not.toContain(LETTERS);
  await first.close();
}

/** "Forget the fix for this site": said, with Undo; the next page of the site is read as it was at first. */
export async function forgetFix(s: FixSession, reader: Page): Promise<void> {
  await reader.bringToFront();
  await clickByName(reader, FIX_UI.forget, 'button');
  await waitForText(reader, `The fix for ${SITE} is forgotten.`);
  const again = await s.openReader(s.server.url(FIRST_PATH));
  const text = await readerText(again);
  expect(text).toContain(LETTERS);
  expect(text).toContain(PROMO);
  expect(await hasName(again, FIX_UI.forget, 'button')).toBe(false);
  await again.close();
}

/** Clicks "Use this as the article" by its accessible name (Chromium's accessibility tree reaches into closed shadow roots). */
export async function clickUseByName(page: Page): Promise<void> {
  const button = await waitForElement(page, aria(FIX_UI.use, 'button'), { timeout: 10_000 }).catch(async (error: unknown) => {
    throw new Error(`The picker has no "${FIX_UI.use}" button; the page shows: ${(await pageText(page)).slice(0, 300)}`, { cause: error });
  });
  await button!.click();
  await button!.dispose();
}

/**
 * Clicks "Use this as the article" where the picker draws it: the last button
 * of the bar fixed at the bottom centre (utils/content/picker.ts: 16px from the
 * bottom, at most 640px wide, 16px padding, 36px buttons). For drivers that
 * cannot find nodes in a closed shadow root by name (Firefox over BiDi).
 */
export async function clickUseByPlace(page: Page): Promise<void> {
  const { width, height } = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const bar = Math.min(640, width - 24);
  await page.mouse.click(width / 2 + bar / 2 - 17 - 40, height - 16 - 1 - 14 - 18);
}

/**
 * From the popup, on the second article: the picker comes up; Escape closes it
 * and the page is as it was; again, with the mouse: the pointer on a story
 * paragraph, one wheel notch up widens to the story, a click holds it (and
 * follows no link), "Use this as the article" reads it.
 */
export async function pickWithMouseFromPopup(s: FixSession): Promise<void> {
  const tab = await s.openTab(s.server.url(`${SECOND_PATH}?from=popup`));
  const tabId = await s.tabIdOf(tab);
  await s.waitForActionTitle(tabId, (title) => title.startsWith(ARTICLE_TITLE_PREFIX));
  const before = await pageMarkup(tab);
  const openPicker = async (shoot: boolean) => {
    const popup = await s.openPopup(tab);
    await byName(popup, FIX_UI.fixThisPage, 'button');
    // Not before Escape: after a shot (another tab in Firefox) a key can miss the page.
    if (shoot) await s.shoot(popup, 'fix-popup');
    await clickByName(popup, FIX_UI.fixThisPage, 'button');
    await waitForValue(() => hasPicker(tab), (v) => v, 'the picker on the page');
    if (!popup.isClosed()) await popup.close().catch(() => undefined);
    await tab.bringToFront();
  };

  await openPicker(false);
  await tab.keyboard.press('Escape');
  await waitForValue(() => hasPicker(tab), (v) => !v, 'Escape to close the picker');
  expect((await pageMarkup(tab)).body).toBe(before.body);
  expect(tab.url()).toBe(s.server.url(`${SECOND_PATH}?from=popup`));

  await openPicker(true);
  const point = await tab.evaluate(() => {
    const p = document.querySelector('.copy p')!;
    const r = p.getBoundingClientRect();
    return { x: r.left + 40, y: r.top + r.height / 2 };
  });
  await tab.mouse.move(point.x, point.y);
  await tab.mouse.move(point.x + 5, point.y);
  await tab.mouse.wheel({ deltaY: -120 });
  await tab.mouse.click(point.x + 5, point.y);
  await s.shoot(tab, 'fix-picker-mouse');
  await s.clickUse(tab);
  const text = await readerAfterPick(tab);
  expect(text).toContain(SECOND_STORY);
  expect(text).not.toContain(LETTERS);
  await tab.close();
}

/**
 * The library lists the site's fix (site, what it does, when), light and dark;
 * Delete says so with Undo, Undo brings it back, Delete again leaves the empty view.
 */
export async function libraryFixes(s: FixSession, check?: (library: Page) => Promise<void>): Promise<void> {
  const library = await s.extensionPage('library.html');
  await clickByName(library, FIX_UI.siteFixes, 'button');
  await waitForValue(() => library.evaluate(() => location.hash), (h) => h === '#site-fixes', 'the view’s address');
  await waitForText(library, 'Reads the article from');
  const row = await pageText(library);
  expect(row).toContain(SITE);
  expect(row).toContain('div.copy');
  expect(row).toMatch(/Changed \w/);
  await s.shoot(library, 'fix-library');
  await check?.(library);
  await clickByName(library, FIX_UI.deleteFix(SITE), 'button');
  await waitForText(library, `Deleted the fix for ${SITE}.`);
  await waitForText(library, 'No site fixes yet.');
  await clickByName(library, FIX_UI.undo, 'button');
  await waitForText(library, 'Reads the article from');
  await clickByName(library, FIX_UI.deleteFix(SITE), 'button');
  await waitForText(library, 'No site fixes yet.');
  // A reload lands on the same view.
  await reload(library);
  await waitForText(library, 'No site fixes yet.');
  await library.close();
}
