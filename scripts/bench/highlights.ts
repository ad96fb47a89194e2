/**
 * Highlights in the reader, real Chromium, on a long saved article (the
 * highlight suites' harbour article: ~125 kB of HTML, mounted in two parts):
 * - restoring 200 stored highlights when the saved article opens: anchoring
 *   every one over the body and painting them (the model's
 *   `folio:highlights-restored` measure), beside one bare walk over the body's
 *   Text nodes in the same page (the least any anchoring can cost); and the
 *   same from the start of reading them from IndexedDB (`folio:highlights-loaded`);
 * - making one highlight with the `h` key: describing the selection and
 *   painting it (`folio:highlight-made`; storing follows after the paint),
 *   beside one frame of the page (two requestAnimationFrame callbacks apart).
 * Reports only; asserts nothing.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { median, runs, spread } from './stats';
import type { Page } from 'puppeteer';
import { launchChromium } from '../../tests/e2e/harness/chromium';
import { saveAndWait } from '../../tests/e2e/harness/folio';
import { harbourArticleHtml, HL_PATH } from '../../tests/e2e/harness/highlight-fixtures';
import { openReaderChromium, waitForArticle } from '../../tests/e2e/harness/reader';
import { startSiteServer } from '../../tests/e2e/harness/server';
import type { Bench, BenchRow } from './types';

const HIGHLIGHTS = 200;
const OPEN_RUNS = runs(7);
const MAKE_RUNS = runs(9);
const root = join(import.meta.dirname, '../..');

async function seedBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(import.meta.dirname, 'highlights-seed.ts')],
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** Waits until `count` ranges are painted and the first restore measure exists; returns both measures. */
async function restoredTimes(page: Page, count: number): Promise<{ restored: number; loaded: number }> {
  await page.waitForFunction(
    (n) => {
      let total = 0;
      (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h, name) => {
        if (name !== 'folio-hl-focus') total += h.size;
      });
      return total === n && performance.getEntriesByName('folio:highlights-restored').length > 0;
    },
    { timeout: 60_000, polling: 50 },
    count,
  );
  return page.evaluate(() => ({
    restored: performance.getEntriesByName('folio:highlights-restored')[0]!.duration,
    loaded: performance.getEntriesByName('folio:highlights-loaded')[0]!.duration,
  }));
}

export const highlightsBench: Bench = {
  name: 'highlights (reader, Chromium)',
  async run() {
    const server = await startSiteServer();
    server.addRoute(HL_PATH, harbourArticleHtml());
    const chromium = await launchChromium({ extensionPath: process.env.FOLIO_EXT_CHROME ?? join(root, '.output-test/chrome-mv3') });
    const rows: BenchRow[] = [];
    try {
      const view = await openReaderChromium(chromium, server.url(HL_PATH));
      await saveAndWait(view);
      const articleId = await view.evaluate(async () => {
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
        return String(keys[0]);
      });
      await view.close();

      const reader = await chromium.browser.newPage();
      await reader.goto(chromium.extensionUrl(`reader.html?article=${articleId}`));
      await waitForArticle(reader);
      await reader.waitForFunction(() => !document.querySelector('.reader-body[data-pending]'), { timeout: 30_000 });
      await reader.evaluate(await seedBundle());
      const made = (await reader.evaluate(
        (id, n) => (globalThis as unknown as { __folioHighlightSeed: (id: string, n: number) => Promise<number> }).__folioHighlightSeed(id, n),
        articleId,
        HIGHLIGHTS,
      )) as number;

      const restored: number[] = [];
      const loaded: number[] = [];
      const walk: number[] = [];
      for (let i = 0; i < OPEN_RUNS; i++) {
        await reader.reload();
        await waitForArticle(reader);
        const t = await restoredTimes(reader, made);
        restored.push(t.restored);
        loaded.push(t.loaded);
        walk.push(await reader.evaluate(() => {
          const start = performance.now();
          const parts: string[] = [];
          const w = document.createTreeWalker(document.querySelector('.reader-body')!, NodeFilter.SHOW_TEXT);
          for (let n = w.nextNode(); n; n = w.nextNode()) parts.push((n as Text).data);
          parts.join('');
          return performance.now() - start;
        }));
      }
      rows.push({ name: `restore ${made} highlights on opening a long saved article: anchor + paint (median of ${OPEN_RUNS})`, ...spread(restored), unit: 'ms', baselineName: 'one bare walk over the body text', baseline: median(walk), goal: '< 50 ms' });
      rows.push({ name: `  the same from the start of reading them from IndexedDB`, value: median(loaded), unit: 'ms' });

      // Making one: select a sentence (programmatically: the drag is not what is timed) and press h.
      const makes: number[] = [];
      const frames: number[] = [];
      for (let i = 0; i < MAKE_RUNS; i++) {
        await reader.evaluate((n) => {
          const needle = `Paragraph ${n} of the survey notes how the berths`;
          const w = document.createTreeWalker(document.querySelector('.reader-body')!, NodeFilter.SHOW_TEXT);
          for (let t = w.nextNode(); t; t = w.nextNode()) {
            const at = (t as Text).data.indexOf(needle);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(t, at);
            range.setEnd(t, at + needle.length);
            document.getSelection()!.removeAllRanges();
            document.getSelection()!.addRange(range);
            return;
          }
        }, 300 + i * 7);
        const before = await reader.evaluate(() => performance.getEntriesByName('folio:highlight-made').length);
        await reader.keyboard.press('h');
        await reader.waitForFunction((b) => performance.getEntriesByName('folio:highlight-made').length > b, { timeout: 10_000 }, before);
        makes.push(await reader.evaluate(() => performance.getEntriesByName('folio:highlight-made').at(-1)!.duration));
        frames.push(await reader.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame((a) => requestAnimationFrame((b) => resolve(b - a))))));
      }
      rows.push({ name: `make one highlight with h on the same article (${made} already there): describe + paint (median of ${MAKE_RUNS})`, ...spread(makes), unit: 'ms', baselineName: 'one frame', baseline: median(frames), goal: '< 16 ms' });
    } finally {
      await chromium.close();
      await server.close();
    }
    return rows;
  },
};
