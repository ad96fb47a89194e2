/**
 * The background killed in the middle of a flow (issue #13's fault tests),
 * walked as a person meets it. MV3 may stop the worker at any moment; a save
 * fetches the article's images before its one transaction, so the test parks
 * a save on its lead image (the site server holds that one response), kills
 * the worker there, then lets the image go:
 * - "Save for later" from the popup: nothing of the article is written (no
 *   meta, body or image without the rest), the popup does not claim "Saved",
 *   and saving again keeps exactly one whole copy with its image;
 * - "Highlight selection" on an article not yet saved (which saves it first):
 *   neither the article nor the highlight is half there; highlighting again
 *   gives one article with one highlight, painted.
 * Each test checks first that the save really was parked on the held image
 * (the server saw the request), so a kill that came too late cannot pass as one
 * that came mid-save. The import's link download killed mid-fetch is in
 * import.chromium.e2e.test.ts; a kill right after a save in
 * library-offline.chromium.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import { SAMPLE_TITLE, readSampleArticleHtml } from './harness/sample';
import { SITE_DIR } from './harness/paths';
import { byName, pageText, waitForValue } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, UI, saveAndWait } from './harness/folio';
import { storedArticles, storedHighlights } from './harness/library-db';
import { LIVE_PHRASE, paintedTexts, selectWithMouse } from './harness/live-highlights';

let server: SiteServer;
let chromium: ChromiumSession;

useSiteAndChromium((s, c) => {
  server = s;
  chromium = c;
});

type Hook = { folioTest: { menuClick(i: unknown, t: unknown): Promise<void> } };

/** The sample story under its own title and path, its lead image at `imagePath`, whose answer waits for `release()`. */
function heldStory(name: string): { path: string; title: string; imagePath: string; parked: () => boolean; release: () => void } {
  const path = `/${name}.html`;
  const imagePath = `/${name}-lead.svg`;
  const title = `${SAMPLE_TITLE} (${name})`;
  let release!: () => void;
  const hold = new Promise<void>((resolve) => (release = resolve));
  const html = readSampleArticleHtml()
    .replaceAll(SAMPLE_TITLE, title)
    .replaceAll('lead.svg', imagePath.slice(1))
    // Its own canonical address: two stories sharing the sample's would be one article.
    .replaceAll('/article.html', path);
  server.addRoute(path, html);
  let parked = 0;
  // The background's fetch() (Sec-Fetch-Dest: empty), not the page's or the popup's <img> (image).
  const holdWhen = (req: IncomingMessage) => req.headers['sec-fetch-dest'] === 'empty' && ++parked > 0;
  server.addRoute(imagePath, { body: readFileSync(join(SITE_DIR, 'lead.svg')), contentType: 'image/svg+xml', hold, holdWhen });
  return { path, title, imagePath, parked: () => parked > 0, release };
}

async function runningWorkers(): Promise<number> {
  return chromium.browser.targets().filter((t) => t.type() === 'service_worker' && t.url().startsWith(chromium.extensionUrl(''))).length;
}

async function killWorker(): Promise<void> {
  await (await chromium.worker()).close();
  await waitForValue(runningWorkers, (n) => n === 0, 'the service worker to stop');
}

/** Every record of every article store, as ids: what a half-written save would leave behind. */
async function storeIds(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('folio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: Record<string, string[]> = {};
    for (const [store, field] of [['articles', 'id'], ['bodies', 'id'], ['assets', 'articleId'], ['highlights', 'articleId'], ['searchDocs', 'id']] as const) {
      const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error);
      });
      out[store] = rows.map((r) => String(r[field]));
    }
    db.close();
    return out;
  });
}

/** Ids in bodies, assets, highlights or the search index whose article is not there. */
function orphans(ids: Record<string, string[]>): string[] {
  const articles = new Set(ids.articles);
  return ['bodies', 'assets', 'highlights', 'searchDocs'].flatMap((s) => (ids[s] ?? []).filter((id) => !articles.has(id)).map((id) => `${s}:${id}`));
}

async function probe<T>(read: (page: Page) => Promise<T>): Promise<T> {
  const page = await chromium.browser.newPage();
  try {
    await page.goto(chromium.extensionUrl(`library.html?probe=${Date.now()}`), { waitUntil: 'load' });
    return await read(page);
  } finally {
    await page.close();
  }
}

it('the worker killed while "Save for later" waits for an image: nothing is half-written, and saving again keeps one whole copy', async () => {
  const story = heldStory('fault-save');
  const tab = await chromium.openTab(server.url(story.path));
  await chromium.waitForActionTitle(await chromium.tabIdOf(tab), (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  const popup = await chromium.openPopup(tab);
  await (await byName(popup, UI.saveForLater, 'button')).click();
  // The save is parked on the held image: the kill lands mid-save, not after it.
  await waitForValue(async () => story.parked(), Boolean, 'the save to ask for the held image');
  await killWorker();
  story.release();

  // The popup does not claim a save that did not happen: it offers the save again…
  await waitForValue(() => pageText(popup), (t) => !t.includes(UI.saved) && t.includes(UI.saveForLater), 'the popup to offer "Save for later" again', 20_000);
  // …and says why, not a silent failure.
  expect(await pageText(popup)).toMatch(/couldn.t reach its background service\. Try again/);
  await popup.close();

  const after = await probe(async (page) => ({ rows: await storedArticles(page), ids: await storeIds(page) }));
  expect(after.rows.filter((r) => r.title === story.title)).toEqual([]);
  expect(orphans(after.ids)).toEqual([]);

  // The person saves again: one whole copy, with the image that was held.
  const again = await chromium.openPopup(tab);
  await saveAndWait(again);
  await again.close();
  const saved = await probe(async (page) => ({ rows: await storedArticles(page), ids: await storeIds(page) }));
  const mine = saved.rows.filter((r) => r.title === story.title);
  expect(mine).toHaveLength(1);
  expect(mine[0]!.assets.some((u) => u.endsWith(story.imagePath))).toBe(true);
  expect(saved.ids.bodies!.filter((id) => id === mine[0]!.id)).toHaveLength(1);
  expect(orphans(saved.ids)).toEqual([]);
  await tab.close();
});

it('the worker killed while "Highlight selection" saves the article first: neither is half there, and highlighting again gives one article with one highlight', async () => {
  const story = heldStory('fault-highlight');
  const tab = await chromium.openTab(server.url(story.path));
  const tabId = await chromium.tabIdOf(tab);
  await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  const highlight = async () => {
    expect(await selectWithMouse(tab, LIVE_PHRASE)).toBe(LIVE_PHRASE);
    // The context menu's click, as menus.chromium.e2e.test.ts explains (puppeteer cannot open the menu).
    return (await chromium.worker()).evaluate(
      (data, t) => (globalThis as unknown as Hook).folioTest.menuClick(data, t),
      { menuItemId: 'folio-highlight-selection', editable: false, pageUrl: tab.url(), selectionText: LIVE_PHRASE },
      { id: tabId, url: tab.url(), title: await tab.title() },
    );
  };
  const first = highlight().catch(() => 'the worker went away');
  await waitForValue(async () => story.parked(), Boolean, 'the save before the highlight to ask for the held image');
  await killWorker();
  story.release();
  await first;

  const after = await probe(async (page) => ({ rows: await storedArticles(page), ids: await storeIds(page), highlights: (await storedHighlights(page)).highlights }));
  const article = after.rows.filter((r) => r.title === story.title);
  expect(article).toEqual([]);
  expect(after.highlights.filter((h) => h.selectors.quote.exact === LIVE_PHRASE && !after.ids.articles!.includes(h.articleId))).toEqual([]);
  expect(orphans(after.ids)).toEqual([]);
  expect(await paintedTexts(tab)).toEqual({});

  // Again, with a worker that lives: one article, one highlight, painted.
  await highlight();
  await waitForValue(() => paintedTexts(tab), (p) => (p.yellow ?? []).includes(LIVE_PHRASE), 'the phrase painted yellow', 30_000);
  const saved = await probe(async (page) => ({ rows: await storedArticles(page), ids: await storeIds(page), highlights: (await storedHighlights(page)).highlights }));
  const mine = saved.rows.filter((r) => r.title === story.title);
  expect(mine).toHaveLength(1);
  expect(saved.highlights.filter((h) => h.articleId === mine[0]!.id).map((h) => h.selectors.quote.exact)).toEqual([LIVE_PHRASE]);
  expect(orphans(saved.ids)).toEqual([]);
  await tab.close();
});
