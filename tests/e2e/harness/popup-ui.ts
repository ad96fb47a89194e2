/**
 * Names and small flows for the popup features of issue #5 (sharing, live-page
 * text size, remove with undo), shared by the Chromium and Firefox suites.
 */
import type { Page } from 'puppeteer';
import { byName } from './pages';

export const POPUP_UI = {
  removeFromLibrary: 'Remove from library',
  removed: 'Removed from your library.',
  undo: 'Undo',
  copyLink: 'Copy link',
  copied: 'Copied',
  resetTextSize: 'Reset text size',
  tryAnyway: 'Try anyway',
  openReaderAnyway: 'Open reader view anyway',
  offline: 'offline. Articles you saved are still readable',
  share: [
    'Share on WhatsApp',
    'Share on Facebook',
    'Share on LinkedIn',
    'Share on X',
    'Share on Telegram',
    'Share on Reddit',
    'Share by email',
  ],
} as const;

/** storage.local key of a site's live text scale (utils/site-font.ts). */
export const siteFontKey = (host: string) => `siteFont:${host.replace(/^www\./, '')}`;

/** The scale (%) the popup shows between − and + on a web article. */
export async function shownScale(page: Page): Promise<number | null> {
  const decrease = await byName(page, 'Decrease font size', 'button');
  const text = await decrease.evaluate((button) => button.parentElement?.textContent ?? '');
  await decrease.dispose();
  const match = /(\d+)\s*%/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Computed font size (px) of the sample story's first paragraph. */
export async function storyParagraphSize(page: Page): Promise<number> {
  return page.$eval('[itemprop="articleBody"] p', (p) => parseFloat(getComputedStyle(p).fontSize));
}

/** The popup's lead image thumbnail, if shown. */
export async function thumbnail(page: Page): Promise<{ src: string; referrerPolicy: string } | null> {
  return page.evaluate(() => {
    const img = document.querySelector('img');
    return img ? { src: img.src, referrerPolicy: img.getAttribute('referrerpolicy') ?? '' } : null;
  });
}
