/**
 * The library page as tests see it: three variants of the sample article
 * (own title, own canonical URL, one word of their own in the body) and
 * row-scoped controls found the way a person does, by the row's title and the
 * control's accessible name.
 */
import type { ElementHandle, Page } from 'puppeteer';
import { readSampleArticleHtml, SAMPLE_TITLE } from './sample';
import type { SiteServer } from './server';
import { clickFound, waitForValue } from './pages';
import { POLL_MS, waitForElement } from './wait';

export const LIBRARY_UI = {
  search: 'Search saved articles',
  sort: 'Sort',
  tagFilter: 'Tag',
  markRead: 'Mark as read',
  markUnread: 'Mark as unread',
  favourite: 'Favourite',
  archive: 'Archive',
  unarchive: 'Unarchive',
  delete: 'Delete',
  undo: 'Undo',
  addTag: 'Add tag',
  newTag: 'New tag',
  rename: 'Rename',
  selectAll: 'Select all (shown)',
  viewArchived: 'Archived',
  viewSaved: 'Saved',
} as const;

export interface SeedArticle {
  path: string;
  title: string;
  /** A word only this article's body has. */
  word: string;
}

/** The sample story under three names; "soybean" in its body becomes each one's own word. */
export const SEED: readonly SeedArticle[] = [
  { path: '/harbour-talks.html', title: 'Harbour talks resume as the truce nears its end', word: 'durian' },
  { path: '/monsoon-ports.html', title: 'Monsoon closes two ports on the straits', word: 'rambutan' },
  { path: '/budget-bridge.html', title: 'Budget pays for the old river bridge', word: 'mangosteen' },
];

/** Saved while the library is open: it must appear there without a reload. */
export const LIVE_SEED: SeedArticle = { path: '/late-edition.html', title: 'Late edition: the ferry timetable changes', word: 'cempedak' };

export function addSeedRoutes(server: SiteServer): void {
  const html = readSampleArticleHtml();
  for (const seed of [...SEED, LIVE_SEED]) {
    server.addRoute(
      seed.path,
      html.replaceAll(SAMPLE_TITLE, seed.title).replaceAll('/article.html', seed.path).replaceAll('soybean', seed.word),
    );
  }
}

/** Titles of the rows on screen, top to bottom (textContent: <mark> does not split them). */
export async function shownTitles(page: Page): Promise<string[]> {
  return page.$$eval('[data-row-id]', (rows) =>
    rows
      .sort((a, b) => parseFloat((a as HTMLElement).style.top) - parseFloat((b as HTMLElement).style.top))
      .map((row) => (row.querySelector('a[data-open]')?.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

export async function waitForTitles(page: Page, predicate: (titles: string[]) => boolean, what: string): Promise<string[]> {
  return waitForValue(() => shownTitles(page), predicate, what, 20_000);
}

/** The control named `name` inside the row titled `title`. */
export async function rowControl(page: Page, title: string, name: string): Promise<ElementHandle<Element>> {
  // An element handle is wanted, so a page-side wait, polled on a timer (not on frames: see wait.ts).
  // eslint-disable-next-line no-restricted-syntax
  const handle = await page.waitForFunction(
    (wanted, label) => {
      const rows = [...document.querySelectorAll('[data-row-id]')];
      const row = rows.find((r) => (r.querySelector('a[data-open]')?.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted);
      return row ? [...row.querySelectorAll('button, a, input')].find((el) => el.getAttribute('aria-label') === label || el.textContent?.trim() === label) ?? null : null;
    },
    { timeout: 15_000, polling: POLL_MS },
    title,
    name,
  );
  return handle as ElementHandle<Element>;
}

export async function clickInRow(page: Page, title: string, name: string): Promise<void> {
  await clickFound(() => rowControl(page, title, name));
}

/** Words marked as matches in the rows shown. */
export async function markedWords(page: Page): Promise<string[]> {
  return page.$$eval('[data-row-id] mark', (marks) => marks.map((m) => (m.textContent ?? '').toLowerCase()));
}

/** Replace the search field's text as typing would (select all, type). */
export async function search(page: Page, text: string): Promise<void> {
  const field = await waitForElement(page, 'input[type=search]');
  await field!.click({ count: 3 });
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
  await field!.dispose();
}

/** The id of the row that has keyboard focus, or null. */
export async function focusedRow(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-row-id') ?? null);
}
