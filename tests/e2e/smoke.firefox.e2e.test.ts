/** The Firefox harness itself: Folio installs at the pinned UUID, extension APIs answer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID, launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_TITLE } from './harness/sample';

describe('firefox harness', () => {
  let firefox: FirefoxSession;
  let server: SiteServer;
  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('installs Folio under its gecko id and runs extension pages', async () => {
    expect(firefox.extensionId).toBe(GECKO_ID);
    const id = await firefox.inExtension((api) => Promise.resolve(api.runtime.id), null);
    expect(id).toBe(GECKO_ID);
  });

  it('registers the three keyboard shortcuts with their default keys', async () => {
    const commands = await firefox.inExtension(
      (api) => (api as unknown as { commands: { getAll(): Promise<{ name: string; shortcut?: string }[]> } }).commands.getAll(),
      null,
    );
    const keys = Object.fromEntries(commands.map((c) => [c.name, (c.shortcut ?? '').replace(/\s/g, '')]));
    expect(keys).toMatchObject({ 'toggle-reader': 'Alt+Shift+R', 'save-page': 'Alt+Shift+S', 'open-library': 'Alt+Shift+L' });
  });

  it('loads the sample article from the local server and knows its tab id', async () => {
    const page = await firefox.openTab(server.url('article.html?smoke=1'));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe(SAMPLE_TITLE);
    expect(await firefox.tabIdOf(page)).toBeGreaterThan(0);
    await page.close();
  });
});
