/**
 * Folio's UI contract as tests see it: the stable accessible names and texts of the
 * popup, reader and library, and small flows over them shared by the browser suites.
 */
import type { Page } from 'puppeteer';
import { aria, attribute, byName, pageText } from './pages';
import { waitForElement, waitInPage } from './wait';

export const UI = {
  openReader: 'Open reader view',
  saveForLater: 'Save for later',
  saved: 'Saved',
  decreaseFont: 'Decrease font size',
  increaseFont: 'Increase font size',
  shareWhatsApp: 'Share on WhatsApp',
  shareFacebook: 'Share on Facebook',
  shareLinkedIn: 'Share on LinkedIn',
  openLibrary: 'Open library',
  backToOriginal: 'Back to original',
  notArticle: "This page doesn't look like an article.",
} as const;

export const ARTICLE_TITLE_PREFIX = 'Folio: article detected';
export const IDLE_TITLE = 'Folio';
export const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 27, 30, 34] as const;
export const DEFAULT_FONT_SIZE = 19;
export const FONT_SIZE_KEY = 'reader.fontSize';

/**
 * Where the background keeps the content script's last report for a tab
 * (utils/tab-state.ts: WXT item `session:tab:<id>` → storage.session key `tab:<id>`).
 * Tests read it only to know a report has arrived before asserting that nothing changed.
 */
export const tabReportKey = (tabId: number) => `tab:${tabId}`;

export interface StoredReport {
  url: string;
  isArticle: boolean;
  title: string;
}

/** The "not an article" notice, matched with either apostrophe. */
export function isNotArticleText(text: string): boolean {
  return /This page doesn[’']t look like an article\./.test(text);
}

/** The font size (px) the popup or reader shows between its − and + buttons. */
export async function shownFontSize(page: Page): Promise<number | null> {
  const decrease = await byName(page, UI.decreaseFont, 'button');
  const text = await decrease.evaluate((button) => {
    // The number sits beside the buttons: search their closest common container.
    let box: Element | null = button.parentElement;
    while (box && !/\d+\s*px/.test(box.textContent ?? '')) box = box.parentElement;
    return box?.textContent ?? '';
  });
  await decrease.dispose();
  const match = /(\d+)\s*px/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Click "Save for later" and wait for it to turn into "Saved" with aria-pressed="true". */
export async function saveAndWait(page: Page): Promise<void> {
  const save = await byName(page, UI.saveForLater, 'button');
  await save.click();
  await save.dispose();
  const saved = await waitForElement(page, aria(UI.saved), { timeout: 20_000 }).catch(async (error: unknown) => {
    const shown = await pageText(page).catch(() => '(page text unavailable)');
    throw new Error(`"${UI.saveForLater}" never became "${UI.saved}"; the page shows: ${shown.slice(0, 600)}`, { cause: error });
  });
  if (!saved) throw new Error('"Saved" did not appear');
  const pressed = await attribute(saved, 'aria-pressed');
  await saved.dispose();
  if (pressed !== 'true') throw new Error(`"Saved" has aria-pressed=${pressed}`);
}

/** The reader's <article> text (textContent: hidden text counts as leaked too) and computed font size. */
export async function readerArticle(page: Page): Promise<{ text: string; fontSize: string }> {
  await waitInPage(page, () => (document.querySelector('article')?.textContent ?? '').length > 500, { timeout: 30_000, what: 'the article' });
  return page.$eval('article', (article) => ({
    text: article.textContent ?? '',
    fontSize: getComputedStyle(article).fontSize,
  }));
}

/** Library entries whose title link is exactly `title`: their hrefs and item texts. */
export async function libraryEntries(page: Page, title: string): Promise<{ href: string; text: string; hasDate: boolean }[]> {
  return page.$$eval(
    'a',
    (links, wanted) =>
      links
        .filter((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted)
        .map((a) => {
          const item = a.closest('li, article, [role="listitem"]') ?? a.parentElement!;
          const text = (item.textContent ?? '').replace(/\s+/g, ' ');
          return { href: a.href, text, hasDate: item.querySelector('time') !== null || /\b20\d\d\b/.test(text) };
        }),
    title,
  );
}
