/**
 * The library page in Chromium over the real IndexedDB library: three
 * articles saved through the popup's "Save for later", then search (body
 * word, prefix, typo, no match), keyboard (/, arrows, Enter), tags (add,
 * rename in the tags manager, filter), archive and the Archived view, and
 * delete with Undo (and committed when the page goes away), a save from
 * another tab showing up live, and axe-core in light and dark. Also writes
 * light and dark screenshots to /tmp for a person to look at.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { useSiteAndChromium } from './harness/suite';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { ARTICLE_TITLE_PREFIX, saveAndWait } from './harness/folio';
import { addSeedRoutes, clickInRow, LIVE_SEED, search, SEED, waitForTitles } from './harness/library';
import { archiveFlow, deleteUndoFlow, expectSeeded, keyboardFlow, searchFlows, tagFlows } from './harness/library-flows';
import { runAxe, waitForStill, type AxeViolation } from './harness/reader';

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

describe('library (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let library: Page;
  useSiteAndChromium((s, c) => {
    server = s;
    chromium = c;
    addSeedRoutes(server);
  });

  async function openLibrary(): Promise<Page> {
    const page = await chromium.openTab(chromium.extensionUrl('library.html'));
    await page.bringToFront();
    return page;
  }

  it('lists three articles saved with "Save for later"', async () => {
    for (const seed of SEED) {
      const tab = await chromium.openTab(server.url(seed.path));
      await chromium.waitForActionTitle(await chromium.tabIdOf(tab), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
      const popup = await chromium.openPopup(tab);
      await saveAndWait(popup);
      await popup.close();
      await tab.close();
    }
    library = await openLibrary();
    await expectSeeded(library);
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // Colour transitions finish after the scheme flips.
      await waitForStill(library);
      await library.screenshot({ path: `/tmp/folio-library-chromium-${scheme}.png` });
    }
    await library.emulateMediaFeatures([]);
  });

  it('axe-core: no serious or critical violations, light and dark, with marked matches and the bulk bar', async () => {
    await search(library, 'monsoon');
    await waitForTitles(library, (t) => t.length === 1, 'one match');
    await clickInRow(library, SEED[1]!.title, 'Select');
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await waitForStill(library);
      expect(serious(await runAxe(library)), scheme).toEqual([]);
    }
    await library.screenshot({ path: '/tmp/folio-library-chromium-search-dark.png' });
    await library.emulateMediaFeatures([]);
    await clickInRow(library, SEED[1]!.title, 'Select');
    await search(library, '');
    await waitForTitles(library, (t) => t.length === 3, 'every article');
  });

  it('search: a body word, a prefix, a typo, a marked title word, no match', async () => {
    await searchFlows(library);
  });

  it('tags: add one to an article, rename it in the tags manager, filter by it', async () => {
    await tagFlows(library);
  });

  it('archive: the article leaves Saved, shows in Archived, Unarchive brings it back', async () => {
    await archiveFlow(library);
  });

  it('delete: Undo brings it back; a delete left pending is committed when the page goes', async () => {
    await deleteUndoFlow(library, async () => {
      await library.reload();
      await library.bringToFront();
    });
  });

  it('live: an article saved in another tab appears in the open library without a reload', async () => {
    const tab = await chromium.openTab(server.url(LIVE_SEED.path));
    await chromium.waitForActionTitle(await chromium.tabIdOf(tab), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
    const popup = await chromium.openPopup(tab);
    await saveAndWait(popup);
    await popup.close();
    await tab.close();
    await library.bringToFront();
    await waitForTitles(library, (t) => t.includes(LIVE_SEED.title), 'the new article in the open library');
  });

  it('keyboard: / focuses search, Escape clears it, arrows move through rows, Enter opens the reader', async () => {
    await keyboardFlow(library);
  });
});
