/**
 * axe-core (WCAG 2.1 A/AA + best practices) on the reader in every theme, with
 * the panels open too: zero serious or critical violations. Auto is checked
 * under both system colour schemes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { choose, openReaderChromium, runAxe, type AxeViolation } from './harness/reader';

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

describe('reader accessibility (Chromium, axe-core)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let reader: Page;

  beforeAll(async () => {
    server = await startSiteServer();
    chromium = await launchChromium();
    reader = await openReaderChromium(chromium, server.url('article.html'));
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const cases: { theme: string; scheme: 'light' | 'dark' }[] = [
    { theme: 'Light', scheme: 'dark' },
    { theme: 'Sepia', scheme: 'light' },
    { theme: 'Dark', scheme: 'light' },
    { theme: 'Auto', scheme: 'light' },
    { theme: 'Auto', scheme: 'dark' },
  ];

  for (const { theme, scheme } of cases) {
    it(`${theme} theme (system ${scheme}): no serious or critical violations, panel open and closed`, async () => {
      await reader.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await choose(reader, theme);
      // Let the 120 ms colour transitions finish: axe reads computed colours.
      await new Promise((r) => setTimeout(r, 250));
      expect(serious(await runAxe(reader)), 'with the text panel open').toEqual([]);
      await reader.keyboard.press('Escape');
      await new Promise((r) => setTimeout(r, 250));
      expect(serious(await runAxe(reader)), 'reading').toEqual([]);
    });
  }

  it('the shortcuts panel has no serious or critical violations', async () => {
    await reader.keyboard.press('?');
    await reader.waitForSelector('#reader-help-panel');
    // The panel fades in (180 ms): axe would measure a half-transparent heading.
    await new Promise((r) => setTimeout(r, 250));
    expect(serious(await runAxe(reader))).toEqual([]);
    await reader.keyboard.press('Escape');
  });
});
