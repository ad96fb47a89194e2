/**
 * Import in Chromium, as a person does it: the library's "Import" button, a
 * Pocket export zip built here from rows pointing at pages on 127.0.0.1, the
 * preview's counts, "Import", the report; the links are in the library at
 * once ("Not downloaded yet") and the background downloads them into readable
 * articles, a gone link staying a link with its reason; the Pocket
 * annotations end as highlights stored against the downloaded body and
 * anchored by quote there; and a worker killed mid-download resumes from the
 * persisted queue when its alarm wakes a new one. Light and dark screenshots
 * go to /tmp for a person to look at.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import { addSeedRoutes, SEED } from './harness/library';
import { byName, clickByName, waitForText, waitForValue } from './harness/pages';
import { runAxe, waitForStill } from './harness/reader';
import { readSampleArticleHtml, SAMPLE_TITLE } from './harness/sample';
import { chooseImportFile, dialogCounts, storeRecords, writePocketZip, type StoredMeta } from './harness/import';
import { waitForElement } from './harness/wait';

const QUOTE = 'Chinese and American officials met in Kuala Lumpur on Saturday';

interface StoredHighlight {
  articleId: string;
  selectors: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } };
  basis: { contentHash: string };
  orphaned: boolean;
}

describe('import (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  useSiteAndChromium((s, c) => {
    server = s;
    chromium = c;
    addSeedRoutes(server);
  });

  async function openLibrary(): Promise<Page> {
    const page = await chromium.openTab(chromium.extensionUrl('library.html'));
    await page.bringToFront();
    return page;
  }

  it('a Pocket zip: preview counts, Import, report; links download into articles, a gone one keeps its reason; highlights anchored by quote', async () => {
    const zip = await writePocketZip(
      [
        { url: `${server.url('article.html')}?utm_source=pocket`, title: 'Pocket’s title for the talks', timeAdded: 1_700_000_000, tags: ['trade', 'asia'] },
        { url: server.url(SEED[0]!.path), title: SEED[0]!.title, timeAdded: 1_600_000_000, status: 'archive' },
        { url: server.url('/gone-for-good.html'), title: 'A page that is gone', timeAdded: 1_650_000_000 },
        { url: 'not a url', title: 'Broken row', timeAdded: 1_650_000_001 },
      ],
      [{ url: server.url('article.html'), title: 'x', highlights: [{ quote: QUOTE, created_at: 1_700_000_500 }] }],
    );
    const library = await openLibrary();
    await byName(library, 'Import', 'button');
    await chooseImportFile(library, zip);
    await waitForText(library, 'Pocket export (zip)');
    expect(await dialogCounts(library)).toEqual({ New: 3, 'Already in your library (merged)': 0, 'Unreadable rows': 1, Highlights: 1 });
    // The keyboard is on "Import"; axe finds nothing serious in the dialog, light or dark.
    expect(await library.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Import');
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await waitForStill(library);
      await library.screenshot({ path: `/tmp/folio-import-preview-${scheme}.png` });
      expect((await runAxe(library)).filter((v) => v.impact === 'serious' || v.impact === 'critical'), scheme).toEqual([]);
    }
    await library.emulateMediaFeatures([]);
    // Nothing is written before "Import".
    expect(await storeRecords(library, 'articles')).toEqual([]);

    await library.click('dialog[open] .btn-primary');
    await waitForText(library, 'Import finished');
    expect(await dialogCounts(library)).toEqual({ Imported: 3, Merged: 0, Skipped: 1, Failed: 0 });
    await library.screenshot({ path: '/tmp/folio-import-report-light.png' });
    await clickByName(library, 'Close', 'button');

    // The links are in the library at once, with the export's tags, dates and state…
    const early = await storeRecords<StoredMeta>(library, 'articles');
    expect(early).toHaveLength(3);
    const talks = early.find((m) => m.url.includes('article.html'))!;
    expect(talks).toMatchObject({ tags: ['trade', 'asia'], savedAt: 1_700_000_000_000 });
    expect(early.find((m) => m.url.includes(SEED[0]!.path))!.archivedAt).toBe(1_600_000_000_000);

    // …then the background downloads them: two become articles, the gone one stays a link with why.
    const settled = await waitForValue(
      () => storeRecords<StoredMeta>(library, 'articles'),
      (ms) => ms.every((m) => !m.fetchState || m.fetchState.status === 'failed') && ms.some((m) => m.fetchState?.status === 'failed'),
      'the downloads to finish',
      45_000,
    );
    const after = settled.find((m) => m.id === talks.id)!;
    expect(after.fetchState).toBeUndefined();
    expect(after.title).toBe(SAMPLE_TITLE);
    expect(after.tags).toEqual(['trade', 'asia']);
    expect(after.savedAt).toBe(1_700_000_000_000);
    const gone = settled.find((m) => m.url.includes('gone-for-good'))!;
    expect(gone.fetchState).toMatchObject({ status: 'failed', reason: 'The page is gone (404)' });
    await waitForText(library, 'Not downloaded: The page is gone (404)');
    for (const scheme of ['light', 'dark'] as const) {
      await library.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await waitForStill(library);
      await library.screenshot({ path: `/tmp/folio-import-library-${scheme}.png` });
    }
    await library.emulateMediaFeatures([]);

    // The annotation is a highlight stored against the downloaded body, found by its quote.
    const bodies = await storeRecords<{ id: string; contentHash: string }>(library, 'bodies');
    const [h] = (await storeRecords<StoredHighlight>(library, 'highlights')).filter((x) => x.articleId === talks.id);
    expect(h).toBeDefined();
    expect(h!.orphaned).toBe(false);
    expect(h!.selectors.quote.exact).toBe(QUOTE);
    expect(h!.basis.contentHash).toBe(bodies.find((b) => b.id === talks.id)!.contentHash);
    expect(h!.selectors.quote.suffix.length).toBeGreaterThan(0);
    // In the reader, the stored position covers the quote in the body's text model (utils/highlights/text-model.ts).
    const reader = await chromium.openTab(chromium.extensionUrl(`reader.html?article=${encodeURIComponent(talks.id)}`));
    await waitForElement(reader, '.reader-body p');
    const placed = await reader.evaluate(({ start, end }) => {
      const root = document.querySelector('.reader-body')!;
      const skip = (el: Element | null): boolean => {
        for (let e = el; e && e !== root.parentElement; e = e.parentElement) {
          if (['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(e.nodeName) || e.hasAttribute('hidden') || e.hasAttribute('data-folio-ui') || e.classList.contains('image-not-saved')) return true;
        }
        return false;
      };
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!skip(n.parentElement)) text += (n as Text).data;
      return text.slice(start, end);
    }, h!.selectors.position);
    expect(placed).toBe(QUOTE);
    await reader.close();

    // Opening a link that never downloaded goes to the page itself (the reader has nothing to show).
    const goneLink = await library.$eval(`[data-row-id="${gone.id}"] a[data-open]`, (a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target') }));
    expect(goneLink).toEqual({ href: gone.url, target: '_blank' });
    const talksLink = await library.$eval(`[data-row-id="${talks.id}"] a[data-open]`, (a) => a.getAttribute('href'));
    expect(talksLink).toContain('reader.html?article=');
    await library.close();
  });

  it('a worker killed mid-download: the alarm wakes a new one, which resumes the queue from IndexedDB', async () => {
    // A server that holds its first response until the test lets it go.
    const html = readSampleArticleHtml();
    const requests: string[] = [];
    let held: ServerResponse | null = null;
    const slow = createServer((req, res) => {
      requests.push(req.url ?? '');
      const body = html.replaceAll(SAMPLE_TITLE, `Slow story ${req.url}`);
      if (req.url === '/slow/1' && !held && requests.filter((r) => r === '/slow/1').length === 1) {
        held = res;
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
    const origin = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      const zip = await writePocketZip([1, 2, 3].map((n) => ({ url: `${origin}/slow/${n}`, title: `Slow ${n}`, timeAdded: 1_700_000_000 + n })));
      const library = await openLibrary();
      await chooseImportFile(library, zip);
      await waitForText(library, 'Pocket export (zip)');
      await library.click('dialog[open] .btn-primary');
      await waitForText(library, 'Import finished');
      await clickByName(library, 'Close', 'button');
      // One host, one download at a time: the queue reaches /slow/1 (first or after others) and waits on it.
      await waitForValue(async () => held !== null, (h) => h, 'the held download to start');
      const shown = await waitForValue(
        () => library.$eval('[data-download-progress]', (p) => p.textContent ?? '').catch(() => ''),
        (text) => /^Downloading imported articles: [0-2] of 3$/.test(text),
        'the progress line',
      );
      expect(shown).toMatch(/of 3$/);

      // The worker dies with a download in flight (MV3 may stop it at any time).
      await (await chromium.worker()).close();
      await waitForValue(
        async () => chromium.browser.targets().filter((t) => t.type() === 'service_worker' && t.url().startsWith(chromium.extensionUrl(''))).length,
        (n) => n === 0,
        'the service worker to stop',
      );
      (held as ServerResponse | null)?.destroy();
      const before = requests.length;

      // Nothing in memory survived; the heartbeat alarm (30 s) wakes a new worker that finds the queue in IndexedDB.
      const done = await waitForValue(
        async () => (await storeRecords<StoredMeta>(library, 'articles')).filter((m) => m.url.startsWith(`${origin}/slow/`)),
        (ms) => ms.length === 3 && ms.every((m) => !m.fetchState),
        'the queue to resume and finish',
        75_000,
      );
      expect(done.map((m) => m.title).sort()).toEqual(['/slow/1', '/slow/2', '/slow/3'].map((p) => `Slow story ${p}`));
      // The download the dead worker held was made again by the new one.
      expect(requests.slice(before)).toContain('/slow/1');
      await library.close();
    } finally {
      await new Promise<void>((r) => {
        slow.close(() => r());
        slow.closeAllConnections();
      });
    }
  }, 120_000);
});
