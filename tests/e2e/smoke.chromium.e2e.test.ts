/** The Chromium harness itself: Folio installs, its worker runs, the sample site loads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_TITLE } from './harness/sample';
import { clickByName, waitForText } from './harness/pages';
import { waitForElement } from './harness/wait';

describe('chromium harness', () => {
  let chromium: ChromiumSession;
  let server: SiteServer;
  beforeAll(async () => {
    server = await startSiteServer();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('installs Folio and runs its service worker', async () => {
    expect(chromium.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await chromium.worker();
    expect(worker.url()).toMatch(new RegExp(`^chrome-extension://${chromium.extensionId}/`));
    const manifest = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { getManifest(): { manifest_version: number } } } }).chrome.runtime.getManifest(),
    );
    expect(manifest.manifest_version).toBe(3);
  });

  it('loads the sample article from the local server and knows its tab id', async () => {
    const page = await chromium.openTab(server.url('article.html?smoke=1'));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(SAMPLE_TITLE);
    expect(await chromium.tabIdOf(page)).toBeGreaterThan(0);
    await page.close();
  });

  it("the sample site's own Font Resizer really resizes the story", async () => {
    const page = await chromium.openTab(server.url('article.html?smoke=resizer'));
    const size = () => page.$eval('.story-body p', (p) => getComputedStyle(p).fontSize);
    expect(await size()).toBe('18px');
    await clickByName(page, 'Larger story text', 'button');
    expect(await size()).toBe('20px');
    await clickByName(page, 'Smaller story text', 'button');
    await clickByName(page, 'Smaller story text', 'button');
    expect(await size()).toBe('16px');
    await page.close();
  });

  it('the harness waits see a page that is not in front (where frame-polled waits stall)', async () => {
    const behind = await chromium.openTab(server.url('article.html?smoke=behind'));
    const front = await chromium.openTab(server.url('article.html?smoke=front'));
    expect(await behind.evaluate(() => document.visibilityState)).toBe('hidden');
    const later = (text: string) =>
      behind.evaluate((t) => {
        setTimeout(() => {
          const p = document.createElement('p');
          p.textContent = t;
          document.body.append(p);
        }, 300);
      }, text);
    // The control: puppeteer's default wait (requestAnimationFrame) never sees the change.
    await later('Shown late, the control');
    // eslint-disable-next-line no-restricted-syntax
    const stalled = await behind.waitForFunction(() => document.body.innerText.includes('Shown late, the control'), { timeout: 2_000 }).then(
      () => false,
      () => true,
    );
    expect(stalled).toBe(true);
    await later('Shown late, by text');
    await waitForText(behind, 'Shown late, by text', 5_000);
    await later('Shown late, as an element');
    await (await waitForElement(behind, '::-p-text(Shown late, as an element)', { visible: true, timeout: 5_000 })).dispose();
    for (const page of [front, behind]) await page.close();
  });
});
