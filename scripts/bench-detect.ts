/**
 * Detection cost in real Chromium: the always-on content script runs
 * `detectArticle(document)` on every page, so it is timed where it runs.
 * Bundles utils/article/detect.ts with esbuild, serves a ~200 kB article page
 * from 127.0.0.1 (port 0), injects the bundle and times N runs against bare
 * `isProbablyReaderable` measured in the same page. Prints ratios; asserts nothing.
 *
 *   npx tsx scripts/bench-detect.ts [--page <file.html>] [--runs 200]
 * Also importable: `benchDetect()` for scripts/bench.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface DetectBench { page: string; bytes: number; runs: number; detectMedianMs: number; detectP95Ms: number; readerableMedianMs: number; ratio: number; isArticle: boolean; bundleBytes: number; bundleGzipBytes: number }

/** A 200 kB WCXB article page (0174), else a synthetic one. */
function defaultPage(): string {
  const shared = resolve(root, '../shared/fixtures/wcxb-dev-sample/html/0174.html');
  try {
    return readFileSync(shared, 'utf8');
  } catch {
    const para = '<p>' + 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8) + '</p>';
    return `<!doctype html><html><head><title>t</title></head><body><article>${para.repeat(400)}</article></body></html>`;
  }
}

export async function benchDetect(pageHtml = defaultPage(), runs = 200): Promise<DetectBench> {
  const entry = `
    import { detectArticle } from ${JSON.stringify(join(root, 'utils/article/detect.ts'))};
    import { isProbablyReaderable } from '@mozilla/readability';
    window.__folio = { detectArticle, isProbablyReaderable };`;
  const bundle = await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, format: 'iife', write: false, minify: true, platform: 'browser' });
  const code = bundle.outputFiles[0]?.text ?? '';
  // Size of detection alone, as the content script would ship it.
  const alone = await build({ entryPoints: [join(root, 'utils/article/detect.ts')], bundle: true, format: 'esm', write: false, minify: true, platform: 'browser' });
  const aloneText = alone.outputFiles[0]?.contents ?? new Uint8Array();
  const { gzipSync } = await import('node:zlib');

  const server = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(pageHtml); });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const home = mkdtempSync(join(tmpdir(), 'folio-bench-home-'));
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium', headless: true, userDataDir: join(home, 'profile'), env: { ...process.env, HOME: home },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false); // the page's own scripts are not part of the measurement
    await page.goto(`http://127.0.0.1:${port}/news/2025/10/some-story-about-trade-talks`, { waitUntil: 'load' });
    await page.setJavaScriptEnabled(true);
    // The in-page code is a string: tsx would otherwise inject its helpers (__name) into the function.
    const inPage = `(() => {
      ${code}
      const f = window.__folio, n = ${runs};
      const time = (fn) => { const out = []; for (let i = 0; i < n; i++) { const t = performance.now(); fn(); out.push(performance.now() - t); } return out; };
      time(() => f.detectArticle(document));
      const d = time(() => f.detectArticle(document));
      const r = time(() => f.isProbablyReaderable(document));
      return { d, r, isArticle: f.detectArticle(document).isArticle };
    })()`;
    const result = (await page.evaluate(inPage)) as { d: number[]; r: number[]; isArticle: boolean };
    const q = (v: number[], p: number): number => [...v].sort((a, b) => a - b)[Math.floor(p * (v.length - 1))] ?? NaN;
    return {
      page: 'served', bytes: Buffer.byteLength(pageHtml), runs, detectMedianMs: q(result.d, 0.5), detectP95Ms: q(result.d, 0.95),
      readerableMedianMs: q(result.r, 0.5), ratio: q(result.d, 0.5) / q(result.r, 0.5), isArticle: result.isArticle,
      bundleBytes: aloneText.length, bundleGzipBytes: gzipSync(aloneText).length,
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const pageArg = args.indexOf('--page');
  const runsArg = args.indexOf('--runs');
  const html = pageArg >= 0 && args[pageArg + 1] ? readFileSync(args[pageArg + 1] ?? '', 'utf8') : undefined;
  const result = await benchDetect(html, runsArg >= 0 ? Number(args[runsArg + 1]) : 200);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
