/**
 * Screenshots of the reader for a person to look at (not a test): each theme at
 * two font sizes, the panels open, RTL, print. Writes PNGs to .tmp/shots-reader/.
 *   FOLIO_EXT_CHROME=$PWD/.tmp/out-r/chrome-mv3 npx tsx tests/e2e/reader-shots.ts
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './harness/chromium';
import type { ChromeGlobal } from './harness/ext-api';
import { startSiteServer } from './harness/server';
import { REPO_ROOT } from './harness/paths';
import { choose, openReaderChromium, openTextPanel } from './harness/reader';
import { RTL_ARTICLE_HTML, RTL_PATH } from './harness/reader-fixtures';

const out = join(REPO_ROOT, '.tmp', 'shots-reader');
mkdirSync(out, { recursive: true });
const server = await startSiteServer();
server.addRoute(RTL_PATH, RTL_ARTICLE_HTML);
const chromium = await launchChromium();
try {
  const reader = await openReaderChromium(chromium, server.url('article.html'));
  await reader.setViewport({ width: 1280, height: 800 });
  const shot = async (name: string) => {
    await reader.evaluate(() => document.fonts.ready);
    // A focus ring left by the last keypress is not part of the design being looked at.
    if (!name.startsWith('panel') && !name.startsWith('mobile-panel')) await reader.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await new Promise((r) => setTimeout(r, 150));
    await reader.screenshot({ path: join(out, `${name}.png`) as `${string}.png` });
  };
  const setSize = (px: number) =>
    chromium.worker().then((w) => w.evaluate((v) => (globalThis as unknown as ChromeGlobal).chrome.storage.sync.set({ 'reader.fontSize': v }), px));
  for (const theme of ['Light', 'Sepia', 'Dark']) {
    await choose(reader, theme);
    await reader.keyboard.press('Escape');
    for (const size of [17, 24]) {
      await setSize(size);
      await shot(`theme-${theme.toLowerCase()}-${size}px`);
    }
  }
  await setSize(19);
  await choose(reader, 'Light');
  await shot('panel-text-light');
  await choose(reader, 'Dark');
  await shot('panel-text-dark');
  await reader.keyboard.press('Escape');
  await reader.keyboard.press('?');
  await shot('panel-help-dark');
  await reader.keyboard.press('Escape');
  await choose(reader, 'Sans-serif');
  await choose(reader, 'Light');
  await reader.keyboard.press('Escape');
  await shot('font-sans-light');
  await choose(reader, 'Hyperlegible');
  await choose(reader, 'Wide');
  await reader.keyboard.press('Escape');
  await shot('font-legible-wide');
  await choose(reader, 'OpenDyslexic');
  await choose(reader, 'Loose');
  await reader.keyboard.press('Escape');
  await shot('font-dyslexic-loose');
  await choose(reader, 'Serif');
  await choose(reader, 'Normal');
  await choose(reader, 'Medium');
  await reader.keyboard.press('Escape');
  await shot('light-default');
  await reader.evaluate(() => window.scrollTo(0, 900));
  await shot('scrolled-progress');
  await reader.evaluate(() => window.scrollTo(0, 0));
  await reader.emulateMediaType('print');
  await shot('print');
  await reader.pdf({ path: join(out, 'print.pdf') });
  await reader.emulateMediaType('screen');
  await reader.setViewport({ width: 390, height: 844 });
  await shot('mobile-light');
  await openTextPanel(reader);
  await shot('mobile-panel');
  await reader.keyboard.press('Escape');

  const rtl = await openReaderChromium(chromium, server.url(RTL_PATH));
  await rtl.setViewport({ width: 1280, height: 800 });
  await rtl.evaluate(() => document.fonts.ready);
  await rtl.screenshot({ path: join(out, 'rtl-light.png') });
  console.log(`Screenshots in ${out}`);
  copyFileSync(join(out, 'light-default.png'), join(REPO_ROOT, 'docs', 'reader.png'));
} finally {
  await chromium.close();
  await server.close();
}
