/**
 * Reader speed in real Chromium with the built extension: time from the popup's
 * "Open reader view" click to the article painted in the reader (the reader's
 * `folio:article-painted` mark, components/reader/use-page-effects.ts), for the
 * sample article and a ~1 MB page, each beside the bare Readability parse of the
 * same page in the same run; and how many frames a font-size change re-lays.
 * The popup asks the background to extract while it is open (reader.prepare),
 * and this benchmark clicks as soon as the button exists, so only part of the
 * extraction is hidden; a second row opens the reader by keyboard command,
 * where nothing is prepared.
 * Reports only; asserts nothing.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { launchChromium } from '../../tests/e2e/harness/chromium';
import { startSiteServer } from '../../tests/e2e/harness/server';
import { readSampleArticleHtml, STORY_PARAGRAPHS } from '../../tests/e2e/harness/sample';
import { aria } from '../../tests/e2e/harness/pages';
import { median, runs, spread } from './stats';
import type { Bench, BenchRow } from './types';

const RUNS = runs(7);
const root = join(import.meta.dirname, '../..');

/** The sample article grown past 1 MB (1,048,576 bytes): the story many times over, plus page furniture around it. */
export function bigPage(): string {
  const html = readSampleArticleHtml();
  const end = '</p>';
  const anchor = html.indexOf(STORY_PARAGRAPHS[0]!);
  const cut = html.indexOf(end, anchor) + end.length;
  const block = STORY_PARAGRAPHS.map((p, i) => (i % 5 === 4 ? `<h2>Section ${i}</h2><p>${p}</p>` : `<p>${p}</p>`)).join('\n');
  const junk = `<aside class="related">${'<div class="teaser"><a href="/x">Related story teaser text</a></div>'.repeat(2500)}</aside>`;
  const rest = html.slice(cut).replace('</body>', `${junk}</body>`);
  let extra = '';
  while (Buffer.byteLength(html.slice(0, cut) + extra + rest) < 1024 * 1024) extra += block;
  return html.slice(0, cut) + extra + rest;
}


export const readerBench: Bench = {
  name: 'reader (open → painted, Chromium)',
  async run() {
    const readability = (
      await build({ stdin: { contents: "import { Readability } from '@mozilla/readability'; window.__Readability = Readability;", resolveDir: root, loader: 'ts' }, bundle: true, format: 'iife', write: false, minify: true })
    ).outputFiles[0]!.text;
    const server = await startSiteServer();
    const big = bigPage();
    server.addRoute('/big-article.html', big);
    const chromium = await launchChromium({ extensionPath: process.env.FOLIO_EXT_CHROME ?? join(root, '.output-test/chrome-mv3') });
    const rows: BenchRow[] = [];
    try {
      for (const [label, path, goal] of [['sample article', 'article.html', '< 150 ms'], [`${Math.round(Buffer.byteLength(big) / 1024)} kB page`, 'big-article.html', '< 400 ms']] as const) {
        const open: number[] = [];
        const inReader: number[] = [];
        const parse: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const tab = await chromium.openTab(server.url(`${path}?run=${i}`));
          const tabId = await chromium.tabIdOf(tab);
          await chromium.waitForActionTitle(tabId, (t) => t.startsWith('Folio: article detected'));
          // Bare Readability on a clone of the same document, in the same page.
          parse.push(await tab.evaluate(`(() => { ${readability}; const t = performance.now(); new window.__Readability(document.cloneNode(true)).parse(); return performance.now() - t; })()`) as number);
          const popup = await chromium.openPopup(tab);
          const button = await popup.waitForSelector(aria('Open reader view', 'button'));
          const target = chromium.browser.waitForTarget((t) => t.url().startsWith(chromium.extensionUrl('reader.html?view=')) && t.url() !== '', { timeout: 30_000 });
          const t0 = Date.now();
          await button!.click();
          const reader = (await (await target).asPage())!;
          const painted = (await reader.waitForFunction(
            () => { const m = performance.getEntriesByName('folio:article-painted')[0]; return m ? performance.timeOrigin + m.startTime : 0; },
            { timeout: 30_000, polling: 20 },
          ).then((h) => h.jsonValue())) as number;
          open.push(painted - t0);
          // The reader page's own share: from its navigation start to the paint (the rest is extraction and storage).
          inReader.push(painted - ((await reader.evaluate(() => performance.timeOrigin)) as number));
          await reader.close();
        }
        rows.push({ name: `open reader → article painted, ${label} (median of ${RUNS})`, ...spread(open), unit: 'ms', baselineName: 'bare Readability.parse', baseline: median(parse), goal });
        rows.push({ name: `  of which the reader page (navigation start → painted), ${label}`, value: median(inReader), unit: 'ms' });

        // The keyboard command (and the context menu) has no popup, so no extraction
        // prepared while it was open: the whole extraction is on this path.
        const byCommand: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const tab = await chromium.openTab(server.url(`${path}?run=cmd${i}`));
          const tabId = await chromium.tabIdOf(tab);
          await chromium.waitForActionTitle(tabId, (t) => t.startsWith('Folio: article detected'));
          await tab.bringToFront();
          const target = chromium.browser.waitForTarget((t) => t.url().startsWith(chromium.extensionUrl('reader.html?view=')), { timeout: 30_000 });
          const worker = await chromium.worker();
          const t0 = Date.now();
          await worker.evaluate("globalThis.folioTest.command('toggle-reader')");
          const reader = (await (await target).asPage())!;
          const painted = (await reader.waitForFunction(
            () => { const m = performance.getEntriesByName('folio:article-painted')[0]; return m ? performance.timeOrigin + m.startTime : 0; },
            { timeout: 30_000, polling: 20 },
          ).then((h) => h.jsonValue())) as number;
          byCommand.push(painted - t0);
          await reader.close();
        }
        rows.push({ name: `  by keyboard command, no popup (Alt+Shift+R → painted), ${label}`, ...spread(byCommand), unit: 'ms', baselineName: 'bare Readability.parse', baseline: median(parse) });
      }

      // Font size change: how many frames change the article's layout after one click.
      const tab = await chromium.openTab(server.url('article.html?run=font'));
      const popup = await chromium.openPopup(tab);
      const target = chromium.browser.waitForTarget((t) => t.url().startsWith(chromium.extensionUrl('reader.html?view=')), { timeout: 30_000 });
      await (await popup.waitForSelector(aria('Open reader view', 'button')))!.click();
      const reader = (await (await target).asPage())!;
      await reader.waitForSelector('article .reader-body p');
      const frames = await reader.evaluate(async () => {
        const article = document.querySelector('article')!;
        const button = document.querySelector<HTMLButtonElement>('[aria-label="Increase font size"]')!;
        const heights: number[] = [article.getBoundingClientRect().height];
        const start = performance.now();
        button.click();
        for (let i = 0; i < 12; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          heights.push(article.getBoundingClientRect().height);
        }
        const changed = heights.filter((h, i) => i > 0 && h !== heights[i - 1]).length;
        return { changed, ms: performance.now() - start };
      });
      rows.push({ name: 'font-size change: frames in which the layout changed', value: frames.changed, unit: 'frames', goal: '1' });
    } finally {
      await chromium.close();
      await server.close();
    }
    return rows;
  },
};
