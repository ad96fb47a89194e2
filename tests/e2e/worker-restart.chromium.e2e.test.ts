/**
 * MV3 stops idle service workers at any time. Nothing Folio knows may live only in
 * worker memory: after the worker is killed, the library still has the saved
 * article, and the per-tab "article detected" state (storage.session) still
 * reaches the popup, which still shows "Saved".
 */
import { expect, it } from 'vitest';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import { SAMPLE_TITLE } from './harness/sample';
import { attribute, byName, waitForText, waitForValue } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, UI, libraryEntries, saveAndWait } from './harness/folio';

let server: SiteServer;
let chromium: ChromiumSession;

useSiteAndChromium((s, c) => {
  server = s;
  chromium = c;
});

async function runningWorkers(): Promise<number> {
  return chromium.browser.targets().filter((t) => t.type() === 'service_worker' && t.url().startsWith(chromium.extensionUrl(''))).length;
}

it('saved articles and per-tab state survive the service worker being killed', async () => {
  const tab = await chromium.openTab(server.url('article.html'));
  const tabId = await chromium.tabIdOf(tab);
  await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  let popup = await chromium.openPopup(tab);
  await saveAndWait(popup);
  await popup.close();

  await (await chromium.worker()).close();
  await waitForValue(runningWorkers, (n) => n === 0, 'the service worker to stop');

  // A Folio page's message wakes a fresh worker, which must find the library intact.
  const library = await chromium.openTab(chromium.extensionUrl('library.html'));
  await waitForText(library, SAMPLE_TITLE);
  expect(await libraryEntries(library, SAMPLE_TITLE)).toHaveLength(1);
  await library.close();

  // The new worker answers the popup from storage.session and IndexedDB alone.
  popup = await chromium.openPopup(tab);
  await waitForText(popup, SAMPLE_TITLE);
  const saved = await byName(popup, UI.saved, 'button');
  expect(await attribute(saved, 'aria-pressed')).toBe('true');
  await popup.close();
});
