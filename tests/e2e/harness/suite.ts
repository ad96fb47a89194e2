/**
 * The usual e2e file setup: the sample site on 127.0.0.1 and Chromium with Folio
 * loaded, started before the file's tests and closed after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, type ChromiumOptions, type ChromiumSession } from './chromium';
import { startSiteServer, type SiteServer, type SiteServerOptions } from './server';

export function useSiteAndChromium(
  ready: (server: SiteServer, chromium: ChromiumSession) => void,
  options: ChromiumOptions = {},
  serverOptions: SiteServerOptions = {},
): void {
  let server: SiteServer | undefined;
  let chromium: ChromiumSession | undefined;
  beforeAll(async () => {
    server = await startSiteServer(serverOptions);
    chromium = await launchChromium(options);
    ready(server, chromium);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });
}
