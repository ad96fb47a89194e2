/**
 * The reader view in Firefox: opened through the popup (as a tab, ?tabId=), each
 * typography control changes the computed style, the settings survive a reload
 * and a second reader tab follows live, and no font is fetched from the web.
 * Firefox quirks (moz-extension goto never settles) per slice.firefox.e2e.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { UI } from './harness/folio';
import { clickByName, waitForValue } from './harness/pages';
import { PAPER, choose, openReaderFirefox, readerStyle, waitForArticle } from './harness/reader';
import { waitInPage } from './harness/wait';

describe('reader view (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let reader: Page;
  let size = 0;

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox();
    reader = await openReaderFirefox(firefox, server.url('article.html'));
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('every control changes the computed style: size, font, line spacing, width, theme', async () => {
    size = (await readerStyle(reader)).fontSize;
    await clickByName(reader, UI.increaseFont, 'button');
    size = (await waitForValue(() => readerStyle(reader), (s) => s.fontSize > size, 'a bigger size')).fontSize;
    await reader.keyboard.press('-');
    await reader.keyboard.press('=');
    await choose(reader, 'Sans-serif');
    await waitForValue(() => readerStyle(reader), (s) => s.fontFamily.startsWith('"Source Sans 3"'), 'the sans face');
    await choose(reader, 'Relaxed');
    await waitForValue(() => readerStyle(reader), (s) => Math.abs(s.lineHeight - size * 1.9) < 0.5, 'relaxed line spacing');
    await choose(reader, 'Wide');
    await waitForValue(() => readerStyle(reader), (s) => Math.abs(s.width - size * 44) < 1, 'the wide column');
    await choose(reader, 'Dark');
    await waitForValue(() => readerStyle(reader), (s) => s.background === PAPER.dark, 'dark paper');
    await reader.keyboard.press('Escape');
    // The faces come from the extension's own files (Firefox lists no moz-extension resource timings,
    // so: the faces are loaded, and no font resource came from anywhere else).
    const fonts = await reader.evaluate(async () => {
      await document.fonts.ready;
      return {
        loaded: Array.from(document.fonts).filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
        external: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(woff2?|ttf|otf)(\?|$)/.test(n) && !n.startsWith('moz-extension://')),
      };
    });
    expect(fonts.loaded).toContain('Source Sans 3');
    expect(fonts.external).toEqual([]);
  });

  it('settings persist across a reload and a second reader tab follows a change live', async () => {
    const url = await reader.evaluate(() => location.href);
    // A mark on this document: the reload has happened once it is gone (else the old page's article
    // could answer waitForArticle and be torn down mid-read, as a loaded CI machine showed).
    await reader.evaluate(() => {
      (window as unknown as { folioBeforeReload?: boolean }).folioBeforeReload = true;
    });
    void reader.reload().catch(() => undefined);
    await waitInPage(reader, () => !(window as unknown as { folioBeforeReload?: boolean }).folioBeforeReload && document.readyState === 'complete', { timeout: 30_000, what: 'the reloaded reader' });
    await waitForArticle(reader);
    const after = await readerStyle(reader);
    expect(after.fontSize).toBe(size);
    expect(after.fontFamily.startsWith('"Source Sans 3"')).toBe(true);
    expect(after.background).toBe(PAPER.dark);

    const second = await firefox.browser.newPage();
    void second.goto(url).catch(() => undefined);
    await waitForArticle(second);
    await choose(second, 'Sepia');
    await choose(second, 'Serif');
    await waitForValue(
      () => readerStyle(reader),
      (s) => s.background === PAPER.sepia && /^"?Literata/.test(s.fontFamily),
      'the first tab to follow the second',
    );
    await second.close();
  });
});
