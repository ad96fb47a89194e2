/**
 * The hostile corpus (tests/fixtures/hostile/, 150+ payloads by category) in the real
 * reader (Chromium), a few batches of ~50 payloads per reader page; how batches reach
 * the reader and what each must show: tests/e2e/harness/hostile-corpus.ts.
 * Chromium also reports console errors and uncaught exceptions from the reader: the
 * browser refusing something (CSP) or an image failing to load is expected; anything
 * else (an error thrown by injected code) fails the batch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { openReaderChromium } from './harness/reader';
import { waitForValue } from './harness/pages';
import {
  corpusBatches, currentViewId, expectFolioIntact, leaks, scrollThrough, serverQuiet, showBatch, storeBatches, type HostileBatch,
} from './harness/hostile-corpus';

describe('hostile corpus in the reader (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let reader: Page;
  const list: HostileBatch[] = corpusBatches('chromium');
  const dialogs: string[] = [];
  const readerErrors: string[] = [];

  beforeAll(async () => {
    server = await startSiteServer();
    for (const b of list) server.addRoute(b.canaryPath, { body: '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', contentType: 'image/svg+xml' });
    chromium = await launchChromium();
    reader = await openReaderChromium(chromium, server.url('article.html'));
    reader.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    reader.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (/Content Security Policy|^Failed to load resource/.test(m.text())) return;
      readerErrors.push(`${m.location().url ?? ''}: ${m.text()}`);
    });
    reader.on('pageerror', (e) => readerErrors.push(String(e)));
    await storeBatches(reader, await currentViewId(reader), server, list);
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  for (const batch of list) {
    it(`${batch.title} (${batch.payloads.length} payloads): nothing runs, loads or navigates; Folio stays on top and usable`, async () => {
      const from = server.requests.length;
      const url = await showBatch(reader, chromium.extensionUrl, batch);
      // The positive control: a plain image on the same server, in the same article, is requested.
      await waitForValue(async () => server.requests.slice(from).includes(batch.canaryPath), Boolean, `the canary ${batch.canaryPath}`);
      await scrollThrough(reader);
      await serverQuiet(server);
      expect(leaks(server, from)).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(readerErrors).toEqual([]);
      expect(await reader.evaluate(() => (globalThis as { folioPwned?: string[] }).folioPwned ?? [])).toEqual([]);
      expect(await reader.evaluate(() => location.href)).toBe(url);
      await expectFolioIntact(reader, batch);
      expect(leaks(server, from)).toEqual([]);
      expect(dialogs).toEqual([]);
    });
  }

  it('control: the counter sees a request for a leak URL the reader makes, and the dialog observer sees a dialog', async () => {
    await reader.evaluate((u) => void (new Image().src = u), server.url('/leak/control'));
    await waitForValue(async () => leaks(server), (l) => l.includes('/leak/control'), 'the control request');
    await reader.evaluate(() => alert('control'));
    await waitForValue(async () => dialogs.length, (n) => n > 0, 'the control dialog');
    expect(dialogs).toEqual(['control']);
  });
});
