/**
 * axe-core (WCAG 2.1 A/AA + best practices) on the reader in every theme, with
 * the panels open too: zero serious or critical violations. Auto is checked
 * under both system colour schemes. And the names the reader exposes, read from
 * Chromium's full accessibility tree, are as written: the setting legends and the
 * site label are drawn in capitals, which Chromium would otherwise expose as
 * "FONT", "LINE SPACING"… (text-transform reaches its accessible names).
 * No fixed sleeps: each check waits until nothing on the page is animating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_SITE_NAME } from './harness/sample';
import {
  SETTING_GROUPS, choose, fullAxTree, openReaderChromium, openTextPanel, runAxe, waitForStill, type AxeViolation,
} from './harness/reader';
import { waitForElement } from './harness/wait';

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
      // The 120 ms colour transitions must be over: axe reads computed colours.
      await waitForStill(reader);
      expect(serious(await runAxe(reader)), 'with the text panel open').toEqual([]);
      await reader.keyboard.press('Escape');
      await waitForElement(reader, '#reader-text-panel', { hidden: true, timeout: 10_000 });
      await waitForStill(reader);
      expect(serious(await runAxe(reader)), 'reading').toEqual([]);
    });
  }

  it('the shortcuts panel has no serious or critical violations', async () => {
    await reader.keyboard.press('?');
    await waitForElement(reader, '#reader-help-panel');
    // The panel fades in (180 ms): axe would measure a half-transparent heading.
    await waitForStill(reader);
    expect(serious(await runAxe(reader))).toEqual([]);
    await reader.keyboard.press('Escape');
    await waitForElement(reader, '#reader-help-panel', { hidden: true, timeout: 10_000 });
  });

  it('names read as written in the full accessibility tree: setting groups and site label, not their capitals', async () => {
    await openTextPanel(reader);
    const tree = await fullAxTree(reader);
    const groups = tree.filter((n) => n.role === 'group').map((n) => n.name);
    expect(groups).toEqual(expect.arrayContaining([...SETTING_GROUPS]));
    const shouting = [...SETTING_GROUPS, SAMPLE_SITE_NAME].map((n) => n.toUpperCase());
    expect(tree.filter((n) => shouting.includes(n.name))).toEqual([]);
    expect(tree.some((n) => n.name === SAMPLE_SITE_NAME)).toBe(true);
    await reader.keyboard.press('Escape');
    await waitForElement(reader, '#reader-text-panel', { hidden: true, timeout: 10_000 });
  });
});
