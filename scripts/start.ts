/**
 * npm start: build Folio for Chrome, serve the sample news site on 127.0.0.1 and
 * open it in the system's Chromium with Folio loaded.
 *
 *   npm start                     build, then a visible browser; runs until the browser closes
 *   npm start -- --no-build       skip the build (use the existing one)
 *   npm start -- --headless       no display: write screenshots/{article,popup,reader}.png, exit
 *
 * Chromium: CHROME_PATH, /usr/bin/chromium, or chromium/google-chrome on PATH.
 * Build folder: FOLIO_EXT_CHROME, else $FOLIO_OUT_DIR/chrome-mv3 (default .output).
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { findChromium, launchChromium, type ChromiumSession } from '../tests/e2e/harness/chromium';
import { aria } from '../tests/e2e/harness/pages';
import { REPO_ROOT } from '../tests/e2e/harness/paths';
import { SAMPLE_ARTICLE_PATH } from '../tests/e2e/harness/sample';
import { startSiteServer, type SiteServer } from '../tests/e2e/harness/server';

const args = new Set(process.argv.slice(2));
const headless = args.has('--headless');
const build = !args.has('--no-build');
const known = new Set(['--headless', '--no-build']);
for (const arg of args) {
  if (!known.has(arg)) {
    console.error(`Unknown option ${arg}. Options: --headless, --no-build`);
    process.exit(2);
  }
}

const extensionPath = resolve(
  process.env.FOLIO_EXT_CHROME ?? join(REPO_ROOT, process.env.FOLIO_OUT_DIR || '.output', 'chrome-mv3'),
);
const screenshotsDir = join(REPO_ROOT, 'screenshots');

function runBuild(): Promise<void> {
  console.log('Building Folio for Chrome (wxt build)…');
  return new Promise((resolveBuild, reject) => {
    const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveBuild() : reject(new Error(`wxt build exited with ${code}`))));
  });
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(screenshotsDir, name);
  await page.screenshot({ path });
  console.log(`  wrote ${relative(process.cwd(), path)}`);
}

/** Wait for entrance animations (the UI fades content in) to finish, so screenshots show the end state. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

/** Headless tour: the page, the real toolbar popup on it, and the reader it opens. */
async function screenshots(chromium: ChromiumSession, article: Page): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true });
  await shoot(article, 'article.png');

  const tabId = await chromium.tabIdOf(article);
  const title = await chromium
    .waitForActionTitle(tabId, (t) => t !== 'Folio', 10_000)
    .catch(() => chromium.actionTitle(tabId));
  console.log(`  toolbar title on the article: ${JSON.stringify(title)}`);

  const popup = await chromium.openPopup(article);
  const openReader = await popup.waitForSelector(aria('Open reader view', 'button'), { timeout: 15_000 });
  await settled(popup);
  await shoot(popup, 'popup.png');

  const readerPrefix = chromium.extensionUrl('reader.html');
  const readerAppears = chromium.waitForPage(readerPrefix, 20_000);
  await openReader!.click();
  const reader = await readerAppears;
  await reader.waitForSelector('article', { timeout: 20_000 });
  await reader.waitForFunction(() => (document.querySelector('article')?.textContent ?? '').length > 500, { timeout: 20_000 });
  await settled(reader);
  await shoot(reader, 'reader.png');
}

async function main(): Promise<void> {
  if (build) await runBuild();

  const executablePath = findChromium();
  if (!executablePath) {
    console.error('Chromium not found. Install it (apt-get install chromium) or set CHROME_PATH.');
    process.exit(1);
  }
  console.log(`Chromium: ${executablePath}`);
  console.log(`Folio build: ${extensionPath}`);

  let server: SiteServer | null = null;
  let chromium: ChromiumSession | null = null;
  const shutdown = async () => {
    await chromium?.close();
    await server?.close();
  };
  process.on('SIGINT', () => {
    console.log('\nStopping…');
    void shutdown().then(() => process.exit(130));
  });
  process.on('SIGTERM', () => void shutdown().then(() => process.exit(143)));

  try {
    server = await startSiteServer();
    const articleUrl = server.url(SAMPLE_ARTICLE_PATH);
    console.log(`Sample site: ${server.origin}/ (article: ${articleUrl}, home: ${server.url('home.html')})`);

    chromium = await launchChromium({ headless, executablePath, extensionPath });
    console.log(`Folio installed (extension id ${chromium.extensionId}).`);
    const blank = await chromium.browser.pages();
    const article = await chromium.openTab(articleUrl);
    for (const page of blank) if (page.url() === 'about:blank') await page.close();

    if (headless) {
      console.log('Headless: taking screenshots…');
      await screenshots(chromium, article);
      await shutdown();
      console.log('Done.');
      return;
    }

    console.log('Chromium is open with the sample article. Close the browser or press Ctrl+C to stop.');
    await new Promise<void>((resolveClosed) => chromium!.browser.once('disconnected', () => resolveClosed()));
    await shutdown();
  } catch (error) {
    await shutdown();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
