/**
 * Renders Folio's PNG icons from their SVG sources with headless Chromium:
 *   public/icon/folio.svg      -> public/icon/{16,32,48,96,128}.png (manifest icons)
 *   public/toolbar/idle.svg    -> public/toolbar/idle-{16,32}.png   (not an article)
 *   public/toolbar/active.svg  -> public/toolbar/active-{16,32}.png (article detected)
 * Run: npx tsx scripts/render-icons.ts
 */
import puppeteer from 'puppeteer';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/harness/chromium';
import { REPO_ROOT } from '../tests/e2e/harness/paths';
import { makeTempDir, removeDirs } from '../tests/e2e/harness/temp';

interface IconJob {
  source: string;
  sizes: number[];
  output: (size: number) => string;
}

const JOBS: IconJob[] = [
  { source: 'public/icon/folio.svg', sizes: [16, 32, 48, 96, 128], output: (s) => `public/icon/${s}.png` },
  { source: 'public/toolbar/idle.svg', sizes: [16, 32], output: (s) => `public/toolbar/idle-${s}.png` },
  { source: 'public/toolbar/active.svg', sizes: [16, 32], output: (s) => `public/toolbar/active-${s}.png` },
];

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it or set CHROME_PATH.');
  const profile = await makeTempDir('icons-profile');
  const home = await makeTempDir('icons-home');
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    env: { ...process.env, HOME: home },
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    for (const job of JOBS) {
      const svg = await readFile(join(REPO_ROOT, job.source), 'utf8');
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      for (const size of job.sizes) {
        await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
        await page.setContent(
          `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
            `<img src="${src}" width="${size}" height="${size}" alt="">`,
          { waitUntil: 'load' },
        );
        const png = await page.screenshot({ omitBackground: true, type: 'png', clip: { x: 0, y: 0, width: size, height: size } });
        const out = join(REPO_ROOT, job.output(size));
        await writeFile(out, png);
        console.log(`wrote ${relative(REPO_ROOT, out)} (${size}x${size})`);
      }
    }
  } finally {
    await browser.close();
    await removeDirs([profile, home]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
