/**
 * axe-core (WCAG 2.1 A/AA + best practices) on the reader in Firefox, in every
 * theme, with the text panel open and closed, and on the shortcuts panel: zero
 * serious or critical violations. The Firefox twin of a11y.chromium.e2e.test.ts.
 *
 * Firefox differences:
 *  - The reader is opened through the popup as a tab (?tabId=), per harness/reader.ts.
 *  - `page.emulateMediaFeatures()` is CDP-only. The system scheme is forced through
 *    Firefox's own pref instead (harness/firefox.ts `emulateColorScheme`), so Auto
 *    is still checked under both a light and a dark system scheme.
 *  - axe is injected by `runAxe` through WebDriver BiDi script.evaluate, which the
 *    reader's extension CSP (script-src 'self') does not govern, as in Chromium.
 *  - The full accessibility tree (puppeteer's accessibility.snapshot) is CDP-only. Names
 *    are read through puppeteer's ARIA selector instead, which over BiDi asks Firefox's
 *    own accessibility engine (browsingContext.locateNodes with an accessibility locator).
 *  - No fixed sleeps: each check waits until nothing on the page is animating.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { emulateColorScheme, launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { waitForValue } from './harness/pages';
import { SAMPLE_SITE_NAME } from './harness/sample';
import {
  PAPER, SETTING_GROUPS, choose, openReaderFirefox, openTextPanel, readerStyle, runAxe, waitForStill, type AxeViolation,
} from './harness/reader';
import { hasName } from './harness/pages';
import { waitForElement } from './harness/wait';

const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

describe('reader accessibility (Firefox, axe-core)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let reader: Page;

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox();
    reader = await openReaderFirefox(firefox, server.url('article.html'));
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  // `paper`: the page background the theme must show, so axe is known to measure the intended colours.
  const cases: { theme: string; scheme: 'light' | 'dark'; paper: string }[] = [
    { theme: 'Light', scheme: 'dark', paper: PAPER.light },
    { theme: 'Sepia', scheme: 'light', paper: PAPER.sepia },
    { theme: 'Dark', scheme: 'light', paper: PAPER.dark },
    { theme: 'Auto', scheme: 'light', paper: PAPER.light },
    { theme: 'Auto', scheme: 'dark', paper: PAPER.dark },
  ];

  for (const { theme, scheme, paper } of cases) {
    it(`${theme} theme (system ${scheme}): no serious or critical violations, panel open and closed`, async () => {
      await emulateColorScheme(firefox, reader, scheme);
      await choose(reader, theme);
      await waitForValue(() => readerStyle(reader), (s) => s.background === paper, `${theme} paper under a ${scheme} scheme`);
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
    await emulateColorScheme(firefox, reader, null);
    await reader.keyboard.press('?');
    await waitForElement(reader, '#reader-help-panel');
    // The panel fades in (180 ms): axe would measure a half-transparent heading.
    await waitForStill(reader);
    expect(serious(await runAxe(reader))).toEqual([]);
    await reader.keyboard.press('Escape');
    await waitForElement(reader, '#reader-help-panel', { hidden: true, timeout: 10_000 });
  });

  it('names read as written: the setting groups and the site label, not their capitals', async () => {
    await openTextPanel(reader);
    for (const name of SETTING_GROUPS) {
      expect(await hasName(reader, name, 'group'), name).toBe(true);
      expect(await hasName(reader, name.toUpperCase()), name.toUpperCase()).toBe(false);
    }
    expect(await hasName(reader, SAMPLE_SITE_NAME.toUpperCase())).toBe(false);
    await reader.keyboard.press('Escape');
    await waitForElement(reader, '#reader-text-panel', { hidden: true, timeout: 10_000 });
  });

  it('control: axe injected over BiDi does see a violation planted in the reader', async () => {
    // Zero violations only means something if axe really audits this document in Firefox.
    await reader.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'axe-control';
      p.textContent = 'Faint text that fails contrast';
      // Through the CSSOM: the reader's CSP (style-src 'self') refuses style attributes.
      p.style.color = '#ddd';
      p.style.background = '#fff';
      document.querySelector('article')!.append(p);
    });
    try {
      const found = serious(await runAxe(reader));
      expect(found.map((v) => v.id)).toContain('color-contrast');
      expect(found.find((v) => v.id === 'color-contrast')?.nodes).toContain(JSON.stringify(['#axe-control']));
    } finally {
      await reader.evaluate(() => document.getElementById('axe-control')?.remove());
    }
  });
});
