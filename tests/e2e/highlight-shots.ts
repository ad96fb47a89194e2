/**
 * Screenshots of the reader's highlight UI for a person to look at (not a test):
 * the selection toolbar, the popover with a note, the note editor and the
 * "Highlights" panel, in the light and dark themes. Writes PNGs to .tmp/shots-highlights/.
 *   FOLIO_TEST_BUILD=1 npx wxt build, then run this file with vitest through a config that includes it, e.g.
 *   .tmp/shots.config.mjs: export default { test: { include: ['tests/e2e/highlight-shots.ts'], testTimeout: 120000 } };
 *   npx vitest run --config .tmp/shots.config.mjs
 *   (tsx cannot run it: the __name helper it adds does not exist inside page.evaluate.)
 */
import { mkdirSync } from 'node:fs';
import { it } from 'vitest';
import { join } from 'node:path';
import { launchChromium } from './harness/chromium';
import { startSiteServer } from './harness/server';
import { REPO_ROOT } from './harness/paths';
import { choose, openReaderChromium } from './harness/reader';
import { harbourArticleHtml, HL, HL_PATH } from './harness/highlight-fixtures';
import { clickIn, clickPainted, dragSelect, selectionToolbar, waitForPainted } from './harness/highlights';
import { byName, clickByName } from './harness/pages';

it('screenshots', async () => {
const out = join(REPO_ROOT, '.tmp', 'shots-highlights');
mkdirSync(out, { recursive: true });
const server = await startSiteServer();
server.addRoute(HL_PATH, harbourArticleHtml());
const chromium = await launchChromium();
try {
  const reader = await openReaderChromium(chromium, server.url(HL_PATH));
  await reader.setViewport({ width: 1100, height: 760 });
  const shot = async (name: string) => {
    await reader.evaluate(() => document.fonts.ready);
    await new Promise((r) => setTimeout(r, 250));
    await reader.screenshot({ path: join(out, `${name}.png`) as `${string}.png` });
  };
  // Some highlights to show: three colours, one with a note.
  for (const [text, colour] of [[HL.sentence, 'Yellow'], [HL.keySentence, 'Blue']] as const) {
    await dragSelect(reader, text);
    const bar = await selectionToolbar(reader);
    await clickIn(bar, colour);
    await bar.dispose();
  }
  await waitForPainted(reader, (p) => p.length === 2, 'two painted');
  await dragSelect(reader, HL.crossStart, 'a month later.');
  let bar = await selectionToolbar(reader);
  await clickIn(bar, 'Add note');
  await bar.dispose();
  await reader.keyboard.type('Compare with the 2019 harbour report.');
  await clickByName(reader, 'Save note', 'button');
  await waitForPainted(reader, (p) => p.length === 3, 'three painted');

  for (const theme of ['Light', 'Dark'] as const) {
    const name = theme.toLowerCase();
    await choose(reader, theme);
    await reader.keyboard.press('Escape');
    await reader.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await dragSelect(reader, 'The harbour town spent', 'after the storm.');
    bar = await selectionToolbar(reader);
    await bar.dispose();
    await shot(`${name}-toolbar`);
    await clickByName(reader, 'Add note', 'button');
    await shot(`${name}-toolbar-note`);
    await reader.keyboard.press('Escape');
    await reader.keyboard.press('Escape');
    await reader.evaluate(() => document.getSelection()?.removeAllRanges());
    await clickPainted(reader, `${HL.crossStart} in the second year, and the market reopened a month later.`);
    await byName(reader, 'Highlight', 'dialog');
    await shot(`${name}-popover`);
    await reader.keyboard.press('Escape');
    await clickByName(reader, 'Highlights', 'button');
    await byName(reader, 'Highlights', 'dialog');
    await shot(`${name}-panel`);
    await reader.keyboard.press('Escape');
  }
  console.log(`Screenshots in ${out}`);
} finally {
  await chromium.close();
  await server.close();
}
});
