/**
 * "Same answer as the extension" (issue #12): the CLI (scripts/extract.ts: the
 * extension's modules on linkedom, repaired by scripts/parse-document.ts) and the
 * same extraction code inside real Chromium must agree on corpus pages.
 *
 * utils/article/extract.ts is bundled with esbuild (the code the injected
 * extractor runs) and evaluated in each served page; the page's own scripts are
 * blocked by a CSP header (not by turning JavaScript off, which would make
 * Chromium parse <noscript> as markup where a reader's browser does not).
 * Agreement is word-level F1 of the two texts (bag of lower-cased \w+ words, as
 * in scripts/bench-quality.ts), required ≥ MIN_F1 on every page; titles must match.
 * The corpora live in ../shared/fixtures: without them this test fails, never skips.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPage } from '../../scripts/extract';
import { prf, words } from '../../scripts/quality-metrics';
import { readPageHtml, sharedFixtures, wcxbPages } from '../../scripts/wcxb-corpus';
import { CHROMIUM_ARGS, findChromium } from './harness/chromium';
import { REPO_ROOT } from './harness/paths';
import { makeTempDir, removeDirs } from './harness/temp';

const MIN_F1 = 0.99;
const PER_CORPUS = 12;

interface ParityPage { name: string; html: string; url: string }

/** Every k-th page of a sorted list: a fixed spread over the corpus, not a pick. */
function spread<T>(items: T[], n: number): T[] {
  const step = Math.max(1, Math.floor(items.length / n));
  return items.filter((_, i) => i % step === 0).slice(0, n);
}

function corpusPages(): ParityPage[] {
  const readabilityDir = join(sharedFixtures, 'readability-test-pages');
  if (!existsSync(readabilityDir)) throw new Error(`The parity corpora are missing: ${sharedFixtures}`);
  const readability = spread(readdirSync(readabilityDir).filter((d) => existsSync(join(readabilityDir, d, 'source.html'))).sort(), PER_CORPUS)
    .map((d) => ({ name: `readability/${d}`, html: readFileSync(join(readabilityDir, d, 'source.html'), 'utf8'), url: 'http://fakehost/test/page.html' }));
  const wcxb = (name: 'wcxb-dev-sample' | 'wcxb-dev-rest'): ParityPage[] =>
    spread(wcxbPages(name).filter((p) => p.type === 'article'), PER_CORPUS).map((p) => ({ name: `${name}/${p.id}`, html: readPageHtml(p), url: p.url || `https://example.org/${p.id}` }));
  return [...readability, ...wcxb('wcxb-dev-sample'), ...wcxb('wcxb-dev-rest')];
}

/** Word-bag F1 of the two texts (the quality benchmark's metric); two empty texts agree. */
function wordF1(a: string, b: string): number {
  return !words(a).length && !words(b).length ? 1 : prf(a, b).f;
}

describe('extraction parity: CLI (linkedom) vs real Chromium', () => {
  const pages = corpusPages();
  let browser: Browser;
  let server: Server;
  let origin = '';
  let bundle = '';
  let home = '';
  const scores: { name: string; f1: number }[] = [];

  beforeAll(async () => {
    const entry = `import { extractArticle } from ${JSON.stringify(join(REPO_ROOT, 'utils/article/extract.ts'))};
      globalThis.__folioExtract = (url) => { const r = extractArticle(document, url, { force: true }); return r.ok ? { title: r.article.title, text: r.article.textContent } : { title: '', text: '', reason: r.reason }; };`;
    const out = await build({ stdin: { contents: entry, resolveDir: REPO_ROOT, loader: 'ts' }, bundle: true, format: 'iife', write: false, platform: 'browser', alias: { '@': REPO_ROOT } });
    bundle = out.outputFiles[0]?.text ?? '';
    server = createServer((req, res) => {
      const page = pages[Number(req.url?.split('/')[2])];
      if (!page) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" });
      res.end(page.html);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    home = await makeTempDir('folio-parity-');
    const executablePath = findChromium();
    if (!executablePath) throw new Error('No Chromium found (CHROME_PATH or /usr/bin/chromium)');
    browser = await puppeteer.launch({ executablePath, headless: true, pipe: true, userDataDir: join(home, 'profile'), env: { ...process.env, HOME: home }, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
    if (home) await removeDirs([home]);
    if (scores.length) {
      const f1s = scores.map((s) => s.f1);
      process.stdout.write(`extraction parity over ${scores.length} pages: mean word F1 ${(f1s.reduce((a, b) => a + b, 0) / f1s.length).toFixed(4)}, min ${Math.min(...f1s).toFixed(4)} (${scores.find((s) => s.f1 === Math.min(...f1s))?.name})\n`);
    }
  });

  it(`covers at least 30 corpus pages (${pages.length})`, () => {
    expect(pages.length).toBeGreaterThanOrEqual(30);
  });

  for (const [i, p] of pages.entries()) {
    it(`${p.name}: same text and title in Chromium as in the CLI`, async () => {
      const cli = runPage(p.html, p.url);
      const tab = await browser.newPage();
      try {
        await tab.goto(`${origin}/p/${i}`, { waitUntil: 'domcontentloaded' });
        // A string, not a function: tsx would inject its helpers into a serialised function.
        const inBrowser = (await tab.evaluate(`${bundle}; globalThis.__folioExtract(${JSON.stringify(p.url)})`)) as { title: string; text: string };
        const f1 = wordF1(inBrowser.text, cli.textContent);
        scores.push({ name: p.name, f1 });
        expect(cli.textContent.length, 'the CLI extracted something').toBeGreaterThan(0);
        expect(f1, `word F1 Chromium vs CLI`).toBeGreaterThanOrEqual(MIN_F1);
        expect(inBrowser.title).toBe(cli.title);
      } finally {
        await tab.close();
      }
    });
  }
});
