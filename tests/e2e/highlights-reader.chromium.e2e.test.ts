/**
 * Highlights and notes in the reader, Chromium: a mouse drag on an unsaved
 * article and a colour saves the article and paints the highlight; a note
 * added from its popover; both back after a reload and in a fresh tab; the
 * "Highlights" panel and its Markdown; remove + Undo; across paragraphs, into
 * a link and in the second part of a long article's mount; the `h` key.
 */
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { openReaderChromium } from './harness/reader';
import { harbourArticleHtml, HL_PATH } from './harness/highlight-fixtures';
import {
  highlightUnsavedFlow, keyFlow, noteFlow, panelFlow, persistsFlow, removeUndoFlow, shapesFlow, type HighlightBrowser,
} from './harness/highlight-flows';

describe('reader highlights (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let reader: Page;
  let articleId = '';
  const browser: HighlightBrowser = {
    async openSaved(id) {
      const page = await chromium.browser.newPage();
      await page.goto(chromium.extensionUrl(`reader.html?article=${id}`));
      return page;
    },
    async reload(page) {
      await page.reload();
      return page;
    },
  };

  beforeAll(async () => {
    server = await startSiteServer();
    server.addRoute(HL_PATH, harbourArticleHtml());
    chromium = await launchChromium();
    reader = await openReaderChromium(chromium, server.url(HL_PATH));
  });

  // Each step reads in the reader tab, in front (a fresh tab opened by a step may still be).
  beforeEach(async () => {
    await reader.bringToFront();
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('a drag and a colour on an unsaved article saves it and paints the highlight', async () => {
    articleId = await highlightUnsavedFlow(reader);
  });

  it('a note added from the highlight\'s popover is stored and shown', async () => {
    await noteFlow(reader);
  });

  it('a reload and a fresh tab show the highlight painted with its note', async () => {
    const pages = await persistsFlow(reader, browser, articleId);
    reader = pages.reader;
    await pages.fresh.close();
  });

  it('the Highlights panel lists it and copies them as Markdown', async () => {
    await panelFlow(reader, server.url(HL_PATH));
  });

  it('Remove highlight, then Undo, restores the same record', async () => {
    await removeUndoFlow(reader);
  });

  it('highlights across paragraphs, into a link and in the second part of the mount survive a reload', async () => {
    reader = await shapesFlow(reader, browser);
  });

  it('h highlights the selection in the last colour', async () => {
    // The last colour picked was Purple (the previous test).
    await keyFlow(reader, 'purple');
  });
});
