/**
 * The library's flows, shared by the Chromium and Firefox files: each takes
 * the library page (already showing the three seeded articles) and asserts
 * what a person would see.
 */
import type { Page } from 'puppeteer';
import { expect } from 'vitest';
import { byName, clickByName, hasName, waitForText, waitForValue } from './pages';
import {
  clickInRow, focusedRow, LIBRARY_UI, markedWords, search, SEED, shownTitles, waitForTitles,
} from './library';

const [A, B, C] = SEED as [typeof SEED[0], typeof SEED[0], typeof SEED[0]];
const all = SEED.map((s) => s.title);
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export async function expectSeeded(page: Page): Promise<void> {
  await waitForTitles(page, (t) => sameSet(t, all), 'the three saved articles');
  await waitForText(page, '3 articles');
  const field = await byName(page, LIBRARY_UI.search, 'searchbox');
  await field.dispose();
}

export async function searchFlows(page: Page): Promise<void> {
  // A word only B's body has: B alone, the word marked (the title has none of it: the excerpt may).
  await search(page, B.word);
  await waitForTitles(page, (t) => sameSet(t, [B.title]), `only "${B.title}" for "${B.word}"`);
  await waitForText(page, '1 article');
  // A prefix of it.
  await search(page, B.word.slice(0, 5));
  await waitForTitles(page, (t) => sameSet(t, [B.title]), 'the prefix match');
  // One typo in it.
  await search(page, `${C.word.slice(0, -1)}x`);
  await waitForTitles(page, (t) => sameSet(t, [C.title]), 'the typo match');
  // A title word is marked.
  await search(page, 'monsoon');
  await waitForTitles(page, (t) => sameSet(t, [B.title]), 'the title match');
  expect(await markedWords(page)).toContain('monsoon');
  // Nothing matches: the empty state says so.
  await search(page, 'zzqqxx');
  await waitForText(page, 'No saved article matches');
  await search(page, '');
  await waitForTitles(page, (t) => sameSet(t, all), 'every article again');
}

export async function keyboardFlow(page: Page): Promise<void> {
  const before = await shownTitles(page);
  expect(before.length).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  await waitForValue(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type ?? ''), (t) => t === 'search', 'the search field to have focus');
  await page.keyboard.type(A.word);
  await waitForTitles(page, (t) => sameSet(t, [A.title]), 'the search result');
  await page.keyboard.press('Escape');
  await waitForTitles(page, (t) => sameSet(t, before), 'Escape to clear the search');
  // From the search field, ArrowDown enters the list; then it moves row by row.
  await page.keyboard.press('ArrowDown');
  const first = await waitForValue(() => focusedRow(page), (id) => id !== null, 'a focused row');
  await page.keyboard.press('ArrowDown');
  const second = await waitForValue(() => focusedRow(page), (id) => id !== null && id !== first, 'the next row');
  await page.keyboard.press('ArrowUp');
  await waitForValue(() => focusedRow(page), (id) => id === first, 'back to the first row');
  await page.keyboard.press('ArrowDown');
  await waitForValue(() => focusedRow(page), (id) => id === second, 'the second row again');
  await page.keyboard.press('Enter');
  const url = await waitForValue(() => page.evaluate(() => location.href).catch(() => ''), (u) => u.includes('/reader.html?article='), 'Enter to open the reader');
  expect(url).toContain(`article=${encodeURIComponent(second!)}`);
}

export async function tagFlows(page: Page): Promise<void> {
  await clickInRow(page, A.title, LIBRARY_UI.addTag);
  const field = await byName(page, LIBRARY_UI.newTag);
  await field.type('economy');
  await page.keyboard.press('Enter');
  await field.dispose();
  await waitForValue(() => rowTags(page, A.title), (tags) => tags.includes('economy'), 'the tag chip');
  // The tags manager counts it; renaming it there renames it on the article.
  await waitForText(page, 'economy');
  // Narrow windows fold the tags list above the results.
  if (!(await hasName(page, LIBRARY_UI.rename, 'button')) && (await hasName(page, 'Tags and storage'))) {
    await clickByName(page, 'Tags and storage');
  }
  await clickByName(page, LIBRARY_UI.rename, 'button');
  const rename = await byName(page, 'New name for “economy”');
  await rename.click({ count: 3 });
  await page.keyboard.press('Backspace');
  await rename.type('markets');
  await page.keyboard.press('Enter');
  await rename.dispose();
  await waitForValue(() => rowTags(page, A.title), (tags) => tags.includes('markets') && !tags.includes('economy'), 'the renamed tag');
  // The tag filter shows only A.
  await page.select('select#library-tag', 'markets');
  await waitForTitles(page, (t) => sameSet(t, [A.title]), 'the tag filter');
  await page.select('select#library-tag', '');
  await waitForTitles(page, (t) => sameSet(t, all), 'no tag filter');
}

async function rowTags(page: Page, title: string): Promise<string[]> {
  return page.evaluate((wanted) => {
    const row = [...document.querySelectorAll('[data-row-id]')].find((r) => (r.querySelector('a[data-open]')?.textContent ?? '').trim() === wanted);
    return row ? [...row.querySelectorAll('button[aria-label^="Show articles tagged"]')].map((b) => b.textContent?.trim() ?? '') : [];
  }, title);
}

export async function archiveFlow(page: Page): Promise<void> {
  await clickInRow(page, C.title, LIBRARY_UI.archive);
  await waitForTitles(page, (t) => sameSet(t, [A.title, B.title]), 'the archived article to leave Saved');
  await clickByName(page, LIBRARY_UI.viewArchived, 'button');
  await waitForTitles(page, (t) => sameSet(t, [C.title]), 'the Archived view');
  await clickInRow(page, C.title, LIBRARY_UI.unarchive);
  await waitForTitles(page, (t) => t.length === 0, 'Unarchive to empty the view');
  await waitForText(page, 'Nothing in this view.');
  await clickByName(page, LIBRARY_UI.viewSaved, 'button');
  await waitForTitles(page, (t) => sameSet(t, all), 'Saved again');
}

export async function deleteUndoFlow(page: Page, reload: () => Promise<void>): Promise<void> {
  await clickInRow(page, B.title, LIBRARY_UI.delete);
  await waitForTitles(page, (t) => sameSet(t, [A.title, C.title]), 'the deleted row to go');
  await waitForText(page, `Deleted “${B.title}”.`);
  // Focus went to Undo: Enter undoes.
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  expect(focused).toBe(LIBRARY_UI.undo);
  await clickByName(page, LIBRARY_UI.undo, 'button');
  await waitForTitles(page, (t) => sameSet(t, all), 'Undo to bring it back');
  // Delete again and let the page go: the delete is committed on pagehide.
  await clickInRow(page, B.title, LIBRARY_UI.delete);
  await waitForTitles(page, (t) => sameSet(t, [A.title, C.title]), 'the deleted row to go');
  await reload();
  // Past the first screen's render: the list that stays is the committed one.
  await waitForText(page, '2 articles');
  await waitForTitles(page, (t) => sameSet(t, [A.title, C.title]), 'the delete to have been committed');
}
