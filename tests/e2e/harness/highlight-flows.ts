/**
 * The reader's highlight flows, shared by the Chromium and Firefox files. Each
 * step works the way a person does (mouse drags, the toolbar's buttons, the
 * panel, keys) and checks what is painted (CSS.highlights and the text under
 * each range) and what is stored.
 */
import type { Page } from 'puppeteer';
import { expect } from 'vitest';
import { UI } from './folio';
import { HL, HL_TITLE } from './highlight-fixtures';
import {
  captureClipboard, clickIn, clickPainted, copied, dragSelect, HL_UI, paintedColours, selectionToolbar, storedHighlights,
  waitForPainted, type StoredHighlight,
} from './highlights';
import { aria, byName, clickByName, hasName, waitForText, waitForValue } from './pages';
import { waitForArticle } from './reader';
import { waitForElement } from './wait';

/** What the flows need from a browser: open a saved article in a fresh tab, reload a reader tab. */
export interface HighlightBrowser {
  openSaved(id: string): Promise<Page>;
  /** Shows the reader's address again and returns the page to go on with (Firefox: a new tab, see its file). */
  reload(page: Page): Promise<Page>;
}

const NOTE = 'Ask the captains for the tide logs.';

async function stored(page: Page, predicate: (rows: StoredHighlight[]) => boolean, what: string): Promise<StoredHighlight[]> {
  return waitForValue(() => storedHighlights(page), predicate, what);
}

/**
 * On an unsaved article: drag over a sentence, pick "Green" in the selection
 * toolbar → the article is saved, the highlight stored against it and painted
 * green over exactly the sentence. Returns the saved article's id.
 */
export async function highlightUnsavedFlow(reader: Page): Promise<string> {
  expect(await hasName(reader, UI.saveForLater, 'button')).toBe(true);
  expect(await storedHighlights(reader)).toEqual([]);
  const selected = await dragSelect(reader, HL.sentence);
  expect(selected.trim()).toBe(HL.sentence);
  const toolbar = await selectionToolbar(reader);
  for (const name of ['Yellow', 'Green', 'Blue', 'Pink', 'Purple', HL_UI.addNote, HL_UI.copy, HL_UI.shareQuote]) {
    expect(await toolbar.$(aria(name, 'button')), name).not.toBeNull();
  }
  await clickIn(toolbar, 'Green');
  await toolbar.dispose();
  const rows = await stored(reader, (r) => r.length === 1, 'one stored highlight');
  expect(rows[0]!.selectors.quote.exact).toBe(HL.sentence);
  expect(rows[0]!.color).toBe('green');
  // Highlighting saved the article: the toolbar says so, and the highlight belongs to it.
  await waitForElement(reader, aria(UI.saved), { timeout: 20_000 });
  const ids = await reader.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('folio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const req = db.transaction('articles').objectStore('articles').getAllKeys();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return keys as string[];
  });
  expect(ids).toEqual([rows[0]!.articleId]);
  const shown = await waitForPainted(reader, (p) => p.length === 1, 'one painted highlight');
  expect(shown[0]).toMatchObject({ name: 'folio-hl-green', text: HL.sentence });
  // The selection is gone, so the paint shows (a selection would cover it).
  expect(await reader.evaluate(() => document.getSelection()?.isCollapsed ?? true)).toBe(true);
  return rows[0]!.articleId;
}

/** Click the highlight → popover → "Edit note" → type → "Save note": stored and shown. */
export async function noteFlow(reader: Page): Promise<void> {
  await clickPainted(reader, HL.sentence);
  const popover = await byName(reader, HL_UI.popover, 'dialog');
  await clickIn(popover, HL_UI.editNote);
  const field = await waitForElement(popover, 'textarea');
  await field!.type(NOTE);
  await field!.dispose();
  await clickIn(popover, HL_UI.saveNote);
  await popover.dispose();
  await stored(reader, (r) => r[0]?.note === NOTE, 'the note stored');
  await waitForText(reader, NOTE);
  await reader.keyboard.press('Escape');
  await waitForValue(() => hasName(reader, HL_UI.popover, 'dialog'), (open) => !open, 'the popover to close on Escape');
}

/** Reload, then a fresh tab: the highlight is painted over the sentence again and its note is there. Returns both pages. */
export async function persistsFlow(before: Page, browser: HighlightBrowser, articleId: string): Promise<{ reader: Page; fresh: Page }> {
  const reader = await browser.reload(before);
  await waitForArticle(reader);
  await waitForPainted(reader, (p) => p.length === 1 && p[0]!.text === HL.sentence && p[0]!.name === 'folio-hl-green', 'the highlight painted after a reload');
  const fresh = await browser.openSaved(articleId);
  await waitForArticle(fresh);
  await waitForPainted(fresh, (p) => p.length === 1 && p[0]!.text === HL.sentence, 'the highlight painted in a fresh tab');
  await clickPainted(fresh, HL.sentence);
  const popover = await byName(fresh, HL_UI.popover, 'dialog');
  expect(await popover.evaluate((el) => el.textContent ?? '')).toContain(NOTE);
  // A change in one tab repaints the other (the library channel).
  await clickIn(popover, 'Purple');
  await waitForPainted(reader, (p) => p.length === 1 && p[0]!.name === 'folio-hl-purple', 'the other tab repainted purple');
  await clickIn(popover, 'Green');
  await waitForPainted(reader, (p) => p.length === 1 && p[0]!.name === 'folio-hl-green', 'the other tab repainted green');
  await popover.dispose();
  await fresh.keyboard.press('Escape');
  return { reader, fresh };
}

/** The panel lists the highlight with its note; "Copy highlights as Markdown" copies quote, note and link. */
export async function panelFlow(reader: Page, articleUrl: string): Promise<void> {
  await captureClipboard(reader);
  await clickByName(reader, HL_UI.panel, 'button');
  const panel = await byName(reader, HL_UI.panel, 'dialog');
  const text = await panel.evaluate((el) => (el.textContent ?? '').replace(/\s+/g, ' '));
  expect(text).toContain(HL.sentence);
  expect(text).toContain(NOTE);
  await clickIn(panel, HL_UI.copyMarkdown);
  await panel.dispose();
  const [markdown] = await waitForValue(() => copied(reader), (c) => c.length === 1, 'the Markdown copied');
  expect(markdown).toContain(`> ${HL.sentence}`);
  expect(markdown).toContain(NOTE);
  expect(markdown).toContain(`](${articleUrl})`);
  expect(markdown).toContain(HL_TITLE);
}

/**
 * In the panel: "Remove highlight" → unpainted and gone from the store, a toast
 * offers Undo → Undo puts back the very same record and paints it again.
 */
export async function removeUndoFlow(reader: Page): Promise<void> {
  const before = await storedHighlights(reader);
  expect(before).toHaveLength(1);
  if (!(await hasName(reader, HL_UI.panel, 'dialog'))) await clickByName(reader, HL_UI.panel, 'button');
  const panel = await byName(reader, HL_UI.panel, 'dialog');
  await clickIn(panel, HL_UI.remove);
  await panel.dispose();
  await waitForText(reader, HL_UI.removed);
  await stored(reader, (r) => r.length === 0, 'the highlight removed from the store');
  await waitForPainted(reader, (p) => p.length === 0, 'nothing painted');
  await clickByName(reader, HL_UI.undo, 'button');
  const after = await stored(reader, (r) => r.length === 1, 'the highlight back');
  expect(after[0]).toEqual(before[0]);
  await waitForPainted(reader, (p) => p.length === 1 && p[0]!.text === HL.sentence && p[0]!.name === 'folio-hl-green', 'painted again after Undo');
  await reader.keyboard.press('Escape');
}

/** `h` highlights the selection in the last colour picked (`last`). */
export async function keyFlow(reader: Page, last: string): Promise<void> {
  expect((await dragSelect(reader, HL.keySentence)).trim()).toBe(HL.keySentence);
  await selectionToolbar(reader);
  await reader.keyboard.press('h');
  const rows = await stored(reader, (r) => r.some((h) => h.selectors.quote.exact === HL.keySentence), 'the h-key highlight stored');
  expect(rows.find((h) => h.selectors.quote.exact === HL.keySentence)!.color).toBe(last);
  await waitForPainted(reader, (p) => p.some((r) => r.text === HL.keySentence && r.name === `folio-hl-${last}`), `the h-key highlight painted ${last}`);

  // By keyboard: Tab moves into the toolbar, the arrows move along it, Enter picks.
  const text = 'It lifted its first load in April.';
  expect((await dragSelect(reader, text)).trim()).toBe(text);
  await selectionToolbar(reader);
  await reader.keyboard.press('Tab');
  const focused = () => reader.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
  expect(await focused()).toBe('Yellow');
  await reader.keyboard.press('ArrowRight');
  expect(await focused()).toBe('Green');
  await reader.keyboard.press('Enter');
  const rows2 = await stored(reader, (r) => r.some((h) => h.selectors.quote.exact === text), 'the keyboard highlight stored');
  expect(rows2.find((h) => h.selectors.quote.exact === text)!.color).toBe('green');
  // Escape puts the toolbar away.
  await dragSelect(reader, HL.crossStart);
  await selectionToolbar(reader);
  await reader.keyboard.press('Escape');
  await waitForValue(() => hasName(reader, HL_UI.toolbar, 'toolbar'), (shown) => !shown, 'the toolbar to close on Escape');
}

/** A drag across two paragraphs, one into a link, one in the mount's second part; all survive a reload. Returns the page to go on with. */
export async function shapesFlow(before: Page, browser: HighlightBrowser): Promise<Page> {
  let reader = before;
  const cross = await dragSelect(reader, HL.crossStart, HL.crossEnd);
  expect(cross).toContain(HL.crossEnd);
  let toolbar = await selectionToolbar(reader);
  await clickIn(toolbar, 'Blue');
  await toolbar.dispose();
  const rows = await stored(reader, (r) => r.some((h) => h.color === 'blue'), 'the two-paragraph highlight stored');
  const crossQuote = rows.find((h) => h.color === 'blue')!.selectors.quote.exact;
  expect(crossQuote.startsWith(HL.crossStart)).toBe(true);
  expect(crossQuote.endsWith(HL.crossEnd)).toBe(true);
  expect(crossQuote).toMatch(/market reopened a month later\.\s+The first catch/);

  // From the word before the link into the link's text (a drag that starts on a link drags the link).
  expect((await dragSelect(reader, 'According to', HL.linkText)).trim()).toBe(`According to the harbour authority's ${HL.linkText}`);
  toolbar = await selectionToolbar(reader);
  await clickIn(toolbar, 'Pink');
  await toolbar.dispose();
  await stored(reader, (r) => r.some((h) => h.color === 'pink'), 'the link highlight stored');

  // The last sentence sits in the second part of the two-part mount.
  expect((await dragSelect(reader, HL.lateSentence)).trim()).toBe(HL.lateSentence);
  toolbar = await selectionToolbar(reader);
  await clickIn(toolbar, 'Purple');
  await toolbar.dispose();
  await stored(reader, (r) => r.some((h) => h.color === 'purple'), 'the late highlight stored');

  reader = await browser.reload(reader);
  await waitForArticle(reader);
  const shown = await waitForPainted(reader, (p) => p.length === 4, 'four highlights painted after a reload');
  const byColour = Object.fromEntries(shown.map((p) => [p.name, p]));
  expect(byColour['folio-hl-blue']!.text).toBe(crossQuote);
  expect(byColour['folio-hl-pink']!.text).toBe(`According to the harbour authority's ${HL.linkText}`);
  expect(byColour['folio-hl-pink']!.inLink).toBe(true);
  expect(byColour['folio-hl-purple']!.text).toBe(HL.lateSentence);
  expect(byColour['folio-hl-green']!.text).toBe(HL.sentence);
  // None lost or duplicated: one painted range per stored highlight.
  expect((await storedHighlights(reader)).length).toBe(4);
  expect((await paintedColours(reader)).length).toBe(4);
  return reader;
}
