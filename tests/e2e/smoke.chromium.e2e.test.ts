/** The Chromium harness itself: Folio installs, its worker runs, the sample site loads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_TITLE } from './harness/sample';
import { clickByName } from './harness/pages';

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
});
