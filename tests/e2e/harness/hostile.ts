/**
 * The checks both browsers' hostile-content tests make on the reader once it
 * shows the hostile article (tests/e2e/hostile.*.e2e.test.ts): what survived
 * sanitising, and whether the toolbar is still there and usable.
 */
import { expect } from 'vitest';
import type { Page } from 'puppeteer';
import { UI } from './folio';
import { clickByName } from './pages';
import { READER_UI } from './reader';
import { waitInPage } from './wait';

/** No dangerous element, handler, scheme or styling survived; the story, its relative link and alt text did. */
export async function expectArticleSanitised(tab: Page, relativeStoryUrl: string): Promise<void> {
  const article = await tab.$eval('article', (a) => ({
    dangerous: a.querySelectorAll('script, iframe, meta, base, style, link, object, embed, form, input, svg script').length,
    handlers: Array.from(a.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((at) => at.name.startsWith('on')).map((at) => at.name)),
    hrefs: Array.from(a.querySelectorAll('[href]')).map((el) => el.getAttribute('href') ?? ''),
    styled: a.querySelectorAll('[style]:not(article), [class*="fixed"]').length,
    text: a.textContent ?? '',
    alt: a.querySelector('img[alt="a missing chart"]') !== null,
  }));
  expect(article.dangerous).toBe(0);
  expect(article.handlers).toEqual([]);
  expect(article.hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h) || h.includes('evil'))).toEqual([]);
  expect(article.hrefs).toContain(relativeStoryUrl);
  expect(article.styled).toBe(0);
  expect(article.text).toContain('Hostile paragraph two');
  expect(article.alt).toBe(true);
}

/** Every toolbar button is visible, on top and clickable, and the font button still works. */
export async function expectToolbarIntact(tab: Page): Promise<void> {
  for (const name of [UI.backToOriginal, UI.increaseFont, READER_UI.textSettings, READER_UI.shortcuts]) {
    const state = await tab.$eval(`::-p-aria([name=${JSON.stringify(name)}][role="button"])`, (el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return {
        size: box.width > 10 && box.height > 10,
        shown: style.display !== 'none' && style.visibility === 'visible' && Number(style.opacity) > 0.4,
        onTop: !!hit && el.contains(hit),
      };
    });
    expect(state, name).toEqual({ size: true, shown: true, onTop: true });
  }
  expect(await tab.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 0, 0)');
  const before = await tab.$eval('article', (a) => getComputedStyle(a).fontSize);
  await clickByName(tab, UI.increaseFont, 'button');
  await waitInPage(tab, (b: string) => getComputedStyle(document.querySelector('article')!).fontSize !== b, { what: 'a new font size' }, before);
}
