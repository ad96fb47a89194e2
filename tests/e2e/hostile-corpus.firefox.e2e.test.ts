/**
 * The hostile corpus (tests/fixtures/hostile/, 150+ payloads by category) in the real
 * reader (Firefox): the twin of hostile-corpus.chromium.e2e.test.ts, batches and checks
 * in tests/e2e/harness/hostile-corpus.ts. Firefox gives no console or page errors for
 * moz-extension:// pages over BiDi (see hostile.firefox.e2e.test.ts), so a script that
 * ran is seen by its own traces instead: `window.folioPwned`, a /pwned/ request on the
 * local server and a dialog; the control tests prove each observer works here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { openReaderFirefox } from './harness/reader';
import { waitForValue } from './harness/pages';
import {
  corpusBatches, currentViewId, expectFolioIntact, leaks, scrollThrough, serverQuiet, showBatch, storeBatches,
} from './harness/hostile-corpus';
import { beaconScript } from '../support/hostile-corpus';

const SVG = { body: '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', contentType: 'image/svg+xml' };

describe('hostile corpus in the reader (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let reader: Page;
  const list = corpusBatches('firefox');
  const dialogs: string[] = [];
  const pwned = () => reader.evaluate(() => (globalThis as { folioPwned?: string[] }).folioPwned ?? []);

  beforeAll(async () => {
    server = await startSiteServer();
    for (const b of list) server.addRoute(b.canaryPath, SVG);
    firefox = await launchFirefox();
    reader = await openReaderFirefox(firefox, server.url('article.html'));
    reader.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await storeBatches(reader, await currentViewId(reader), server, list);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  for (const batch of list) {
    it(`${batch.title} (${batch.payloads.length} payloads): nothing runs, loads or navigates; Folio stays on top and usable`, async () => {
      const from = server.requests.length;
      const url = await showBatch(reader, firefox.extensionUrl, batch);
      // The positive control: a plain image on the same server, in the same article, is requested.
      await waitForValue(async () => server.requests.slice(from).includes(batch.canaryPath), Boolean, `the canary ${batch.canaryPath}`);
      await scrollThrough(reader);
      await serverQuiet(server);
      expect(leaks(server, from)).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(await pwned()).toEqual([]);
      expect(await reader.evaluate(() => location.href)).toBe(url);
      await expectFolioIntact(reader, batch);
      expect(leaks(server, from)).toEqual([]);
      expect(dialogs).toEqual([]);
    });
  }

  it('control: a beacon that does run in the reader is seen by all three observers', async () => {
    await reader.evaluate(beaconScript(server.origin, 'control'));
    await waitForValue(async () => dialogs.length, (n) => n > 0, 'the control dialog');
    await waitForValue(async () => leaks(server), (l) => l.includes('/pwned/control'), 'the control request');
    expect(dialogs).toEqual(['control']);
    expect(await pwned()).toEqual(['control']);
  });
});
