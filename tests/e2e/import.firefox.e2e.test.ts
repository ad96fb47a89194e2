/**
 * Import in Firefox: a Pocket zip chosen through the library's "Import"
 * button, the preview, "Import", the report; the background (an event page
 * here, parsing with its own DOM) downloads the link into an article with its
 * highlight anchored by quote, and a gone link keeps its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { waitForText, waitForValue } from './harness/pages';
import { SAMPLE_TITLE } from './harness/sample';
import { chooseImportFile, dialogCounts, storeRecords, writePocketZip, type StoredMeta } from './harness/import';

const QUOTE = 'Chinese and American officials met in Kuala Lumpur on Saturday';

describe('import (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;

  beforeAll(async () => {
    server = await startSiteServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('a Pocket zip through the Import dialog; the link downloads into an article with its highlight; a gone link keeps its reason', async () => {
    const zip = await writePocketZip(
      [
        { url: server.url('article.html'), title: 'Pocket’s title', timeAdded: 1_700_000_000, tags: ['trade'] },
        { url: server.url('/no-such-page.html'), title: 'Gone', timeAdded: 1_650_000_000 },
      ],
      [{ url: server.url('article.html'), title: 'x', highlights: [{ quote: QUOTE, created_at: 1_700_000_500 }] }],
    );
    const library = await firefox.openExtensionPage('library.html');
    await chooseImportFile(library, zip);
    await waitForText(library, 'Pocket export (zip)');
    expect(await dialogCounts(library)).toEqual({ New: 2, 'Already in your library (merged)': 0, 'Unreadable rows': 0, Highlights: 1 });
    await library.click('dialog[open] .btn-primary');
    await waitForText(library, 'Import finished');
    expect(await dialogCounts(library)).toEqual({ Imported: 2, Merged: 0, Skipped: 0, Failed: 0 });

    const settled = await waitForValue(
      () => storeRecords<StoredMeta>(library, 'articles'),
      (ms) => ms.length === 2 && ms.every((m) => !m.fetchState || m.fetchState.status === 'failed'),
      'the downloads to finish',
      45_000,
    );
    const talks = settled.find((m) => m.url.includes('article.html'))!;
    expect(talks).toMatchObject({ title: SAMPLE_TITLE, tags: ['trade'], savedAt: 1_700_000_000_000 });
    expect(talks.fetchState).toBeUndefined();
    expect(settled.find((m) => m.url.includes('no-such-page'))!.fetchState).toMatchObject({ status: 'failed', reason: 'The page is gone (404)' });
    const bodies = await storeRecords<{ id: string; contentHash: string; textContent: string }>(library, 'bodies');
    const [h] = (await storeRecords<{ articleId: string; orphaned: boolean; basis: { contentHash: string }; selectors: { quote: { exact: string } } }>(library, 'highlights')).filter((x) => x.articleId === talks.id);
    expect(h).toMatchObject({ orphaned: false, selectors: { quote: { exact: QUOTE } } });
    expect(h!.basis.contentHash).toBe(bodies.find((b) => b.id === talks.id)!.contentHash);
    await library.screenshot({ path: '/tmp/folio-import-firefox.png' });
  });
});
