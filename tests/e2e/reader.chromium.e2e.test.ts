/**
 * The reader view in Chromium, through the real UI: rendering (one h1, landmarks,
 * lang, links to the original targets), every typography control changing the
 * computed style (buttons, keyboard, panel), settings surviving a reload and
 * syncing live to a second reader tab, bundled fonts only (no font request
 * leaves the extension), progress / "Back to top" / remembered position, the
 * help panel and Escape, print, RTL and the error state. One browser, steps in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTTPRequest, Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { DEFAULT_FONT_SIZE, UI } from './harness/folio';
import { aria, byName, clickByName, waitForText, waitForValue } from './harness/pages';
import { PAPER, READER_UI, choose, openReaderChromium, readerStyle, waitForArticle } from './harness/reader';
import { HERO_ALT, HERO_ARTICLE_HTML, HERO_CAPTION, HERO_PATH, RTL_ARTICLE_HTML, RTL_PATH, RTL_TITLE } from './harness/reader-fixtures';
import { waitForElement } from './harness/wait';

describe('reader view (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let reader: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    server = await startSiteServer();
    server.addRoute(RTL_PATH, RTL_ARTICLE_HTML);
    server.addRoute(HERO_PATH, HERO_ARTICLE_HTML);
    chromium = await launchChromium();
    reader = await openReaderChromium(chromium, server.url('article.html'));
    reader.on('request', (r: HTTPRequest) => requests.push(r.url()));
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('renders the article: one h1, landmarks, lang, links to the original site in a new tab, lazy images', async () => {
    const facts = await reader.evaluate(() => ({
      h1: document.querySelectorAll('h1').length,
      main: document.querySelectorAll('main').length,
      banner: document.querySelectorAll('body header.reader-toolbar').length,
      lang: document.documentElement.lang,
      links: Array.from(document.querySelectorAll<HTMLAnchorElement>('.reader-body a[href]')).map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
      images: Array.from(document.querySelectorAll('article img')).map((i) => i.getAttribute('loading')),
      time: document.querySelector('article time')?.getAttribute('datetime') ?? null,
    }));
    expect(facts.h1).toBe(1);
    expect(facts.main).toBe(1);
    expect(facts.banner).toBe(1);
    expect(facts.lang).toBe('en');
    expect(facts.time).toMatch(/^2025-10-25T/);
    for (const link of facts.links) {
      expect(link.href.startsWith(server.origin) || /^(https?|mailto|tel):/.test(link.href), link.href).toBe(true);
      expect(link.href.startsWith('chrome-extension:'), link.href).toBe(false);
      if (!link.href.includes('#')) expect([link.target, link.rel]).toEqual(['_blank', 'noopener noreferrer']);
    }
    expect(facts.images.every((l) => l === 'lazy')).toBe(true);
  });

  it('font size: the buttons and the - / + / = keys change the computed size one step at a time', async () => {
    expect((await readerStyle(reader)).fontSize).toBe(DEFAULT_FONT_SIZE);
    await clickByName(reader, UI.increaseFont, 'button');
    await waitForValue(() => readerStyle(reader), (s) => s.fontSize === 20, 'the article at 20px');
    await reader.keyboard.press('=');
    await waitForValue(() => readerStyle(reader), (s) => s.fontSize === 22, 'the "=" key to step up');
    await reader.keyboard.press('-');
    await reader.keyboard.press('-');
    await waitForValue(() => readerStyle(reader), (s) => s.fontSize === 19, 'the "-" key to step down');
    await clickByName(reader, UI.decreaseFont, 'button');
    await waitForValue(() => readerStyle(reader), (s) => s.fontSize === 18, 'the article at 18px');
  });

  it('font, line spacing, width and theme change the computed style live', async () => {
    await choose(reader, 'Sans-serif');
    await waitForValue(() => readerStyle(reader), (s) => s.fontFamily.startsWith('"Source Sans 3"'), 'the sans face');
    await choose(reader, 'Loose');
    await waitForValue(() => readerStyle(reader), (s) => Math.abs(s.lineHeight - 18 * 2.15) < 0.5, 'loose line spacing');
    await choose(reader, 'Narrow');
    await waitForValue(() => readerStyle(reader), (s) => Math.abs(s.width - 18 * 29) < 0.5, 'the narrow column');
    await choose(reader, 'Sepia');
    await waitForValue(() => readerStyle(reader), (s) => s.theme === 'sepia' && s.background === PAPER.sepia, 'sepia paper');
    await choose(reader, 'Dark');
    await waitForValue(() => readerStyle(reader), (s) => s.background === PAPER.dark, 'dark paper');
    // Auto follows the system, both ways.
    await choose(reader, 'Auto');
    await reader.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await waitForValue(() => readerStyle(reader), (s) => s.theme === null && s.background === PAPER.dark, 'auto → dark');
    await reader.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await waitForValue(() => readerStyle(reader), (s) => s.background === PAPER.light, 'auto → light');
    await choose(reader, 'Hyperlegible');
    await waitForValue(() => readerStyle(reader), (s) => s.fontFamily.startsWith('"Atkinson Hyperlegible"'), 'the legible face');
    await choose(reader, 'Sepia');
    await reader.keyboard.press('Escape');
    await waitForElement(reader, '#reader-text-panel', { hidden: true });
  });

  it('fonts come from the extension: the chosen faces load, and no request leaves for a font', async () => {
    const loaded = await reader.evaluate(async () => {
      await document.fonts.ready;
      return ['"Atkinson Hyperlegible"', '"Literata"', '"Source Sans 3"'].map((f) => document.fonts.check(`16px ${f}`));
    });
    expect(loaded).toEqual([true, true, true]);
    const fonts = requests.filter((u) => /\.(woff2?|ttf|otf)(\?|$)/.test(u) || /fonts\.(googleapis|gstatic)/.test(u));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((u) => !u.startsWith(`chrome-extension://${chromium.extensionId}/`))).toEqual([]);
  });

  it('settings are in storage.sync and survive a reload', async () => {
    const stored = await chromium.syncStorage(['reader.fontSize', 'reader.fontFamily', 'reader.lineHeight', 'reader.contentWidth', 'reader.theme']);
    expect(stored).toEqual({
      'reader.fontSize': 18, 'reader.fontFamily': 'legible', 'reader.lineHeight': 'loose', 'reader.contentWidth': 'narrow', 'reader.theme': 'sepia',
    });
    await reader.reload();
    await waitForArticle(reader);
    const style = await readerStyle(reader);
    expect(style.fontSize).toBe(18);
    expect(style.fontFamily.startsWith('"Atkinson Hyperlegible"')).toBe(true);
    expect(style.lineHeight).toBeCloseTo(18 * 2.15, 0);
    expect(style.width).toBeCloseTo(18 * 29, 0);
    expect([style.theme, style.background]).toEqual(['sepia', PAPER.sepia]);
  });

  it('two reader tabs stay in sync: a change in one restyles the other', async () => {
    const second = await chromium.browser.newPage();
    await second.goto(reader.url());
    await waitForArticle(second);
    expect((await readerStyle(second)).theme).toBe('sepia');
    await choose(second, 'Dark');
    await clickByName(second, UI.increaseFont, 'button');
    await choose(second, 'Serif');
    await choose(second, 'Normal');
    await choose(second, 'Medium');
    await waitForValue(
      () => readerStyle(reader),
      (s) => s.theme === 'dark' && s.fontSize === 19 && /^"?Literata/.test(s.fontFamily) && Math.abs(s.lineHeight - 19 * 1.68) < 0.5 && Math.abs(s.width - 19 * 35) < 0.5,
      'the first tab to follow the second',
    );
    await second.close();
    await reader.bringToFront();
  });

  it('progress bar, time left, "Back to top", and the position remembered across a reload', async () => {
    await reader.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    const max = await reader.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    await reader.evaluate((y) => window.scrollTo(0, y), Math.round(max / 2));
    await waitForValue(
      () => reader.$eval('[role="progressbar"]', (el) => Number(el.getAttribute('aria-valuenow'))),
      (v) => v >= 45 && v <= 55,
      'the progress bar at half way',
    );
    await byName(reader, READER_UI.backToTop, 'button');
    // Leaving the tab writes the position at once.
    await reader.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await reader.reload();
    await waitForArticle(reader);
    const restored = await waitForValue(() => reader.evaluate(() => window.scrollY / (document.documentElement.scrollHeight - innerHeight)), (f) => f > 0.4, 'the position to be restored');
    expect(restored).toBeLessThan(0.6);

    await clickByName(reader, READER_UI.backToTop, 'button');
    await waitForValue(() => reader.evaluate(() => window.scrollY), (y) => y === 0, 'the page back at the top');
    expect(await reader.evaluate(() => document.activeElement?.id)).toBe('reader-title');
  });

  it('keyboard: "?" opens the shortcuts, Escape closes and returns focus; every toolbar control is reachable with Tab', async () => {
    await reader.keyboard.press('?');
    await byName(reader, READER_UI.shortcuts, 'dialog');
    await reader.keyboard.press('Escape');
    await waitForElement(reader, '#reader-help-panel', { hidden: true });
    expect(await reader.evaluate(() => document.activeElement?.id)).toBe('reader-help-button');

    await reader.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const names: string[] = [];
    for (let i = 0; i < 12; i++) {
      await reader.keyboard.press('Tab');
      names.push(await reader.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
      }));
    }
    for (const name of [UI.backToOriginal, UI.decreaseFont, UI.increaseFont, READER_UI.textSettings, UI.saveForLater, UI.openLibrary, READER_UI.shortcuts]) {
      expect(names.some((n) => n.includes(name)), `${name} reachable by Tab (got ${names.join(' | ')})`).toBe(true);
    }
    // The text panel opens from the keyboard and its choices take arrow keys.
    await reader.focus('#reader-text-button');
    await reader.keyboard.press('Enter');
    await waitForElement(reader, '#reader-text-panel input:focus');
    await reader.keyboard.press('ArrowRight');
    await waitForValue(() => readerStyle(reader), (s) => s.fontFamily.startsWith('"Source Sans 3"'), 'arrow key to pick the next face');
    await reader.keyboard.press('ArrowLeft');
    await reader.keyboard.press('Escape');
    expect(await reader.evaluate(() => document.activeElement?.id)).toBe('reader-text-button');
  });

  it('print shows only the article, dark text on white', async () => {
    await reader.emulateMediaType('print');
    const printed = await reader.evaluate(() => ({
      toolbar: getComputedStyle(document.querySelector('.reader-toolbar')!).display,
      color: getComputedStyle(document.querySelector('article')!).color,
      background: getComputedStyle(document.documentElement).backgroundColor,
      article: getComputedStyle(document.querySelector('article')!).display,
    }));
    await reader.emulateMediaType('screen');
    expect(printed).toEqual({ toolbar: 'none', color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)', article: 'block' });
  });

  it('a lead image from outside the story shows in the header with its alt text and caption', async () => {
    const hero = await openReaderChromium(chromium, server.url(HERO_PATH));
    const figure = await hero.$eval('header figure', (f) => ({
      alt: f.querySelector('img')?.getAttribute('alt'),
      caption: f.querySelector('figcaption')?.textContent,
      inBody: document.querySelectorAll('.reader-body img').length,
    }));
    expect(figure).toEqual({ alt: HERO_ALT, caption: HERO_CAPTION, inBody: 0 });
    await hero.close();
  });

  it('a right-to-left article renders right to left, with its language', async () => {
    const rtl = await openReaderChromium(chromium, server.url(RTL_PATH));
    await waitForText(rtl, RTL_TITLE);
    const facts = await rtl.evaluate(() => {
      const article = document.querySelector('article')!;
      return { dir: getComputedStyle(article).direction, lang: article.lang, toolbar: getComputedStyle(document.querySelector('.reader-toolbar')!).direction };
    });
    expect(facts).toEqual({ dir: 'rtl', lang: 'ar', toolbar: 'ltr' });
    await rtl.close();
  });

  it('an unknown article shows a clear error with the way to the library, not a blank page', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(chromium.extensionUrl('reader.html?view=no-such-view'));
    await waitForText(page, "Can't show this article");
    await byName(page, UI.openLibrary, 'link');
    expect(await page.$(aria(READER_UI.textSettings, 'button'))).toBeNull();
    await page.close();
  });
});
