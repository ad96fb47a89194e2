/**
 * Context menus in Chromium. Puppeteer cannot click native context menus, so the
 * tests call the same click handler the menu runs, through the worker's
 * documented test hook (globalThis.folioTest.menuClick, utils/menus.ts), with
 * the OnClickData Chromium would pass. What follows is real: the library entry,
 * the offscreen parse of a link that was never opened, the reader in the tab,
 * the share window.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { SAMPLE_TITLE, readSampleArticleHtml } from './harness/sample';
import { byName, clickByName, waitForText, waitForValue } from './harness/pages';
import { ARTICLE_TITLE_PREFIX, DEFAULT_FONT_SIZE, FONT_SIZE_KEY, UI, libraryEntries, readerArticle, shownFontSize } from './harness/folio';
import { POPUP_UI } from './harness/popup-ui';

const LINKED_PATH = '/linked-story.html';
const LINKED_TITLE = 'Linked desk: Asean ministers meet as trade truce nears its end';
/** Served by the local server but, by its name, a public site (Chromium maps it to 127.0.0.1). */
const PUBLIC_HOST = 'news.folio-public.test';
const REDIRECTED_TITLE = 'Redirected desk: the story moved to its own section';
/** A React-streamed page (its story in a hidden segment that the page's script would move): the extraction golden's page. */
const STREAMED_PATH = '/2025/06/11/harbour-ferries-return';
const STREAMED_TITLE = 'Ferries return to the old harbour';
const PRIVATE_TITLE = 'Router admin: this page must never reach the library';

interface ClickData {
  menuItemId: string;
  pageUrl?: string;
  linkUrl?: string;
  selectionText?: string;
}

describe('context menus (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let article: Page;
  let tabId: number;

  /** Runs the menu's click handler in the worker, as a real click on `page`'s tab would. */
  async function menuClick(info: ClickData, page: Page): Promise<void> {
    const id = await chromium.tabIdOf(page);
    const worker = await chromium.worker();
    await worker.evaluate(
      (data, tab) => (globalThis as unknown as { folioTest: { menuClick(i: unknown, t: unknown): Promise<void> } }).folioTest.menuClick(data, tab),
      { editable: false, ...info },
      { id, url: page.url(), title: await page.title() },
    );
  }

  async function libraryHas(title: string): Promise<number> {
    const library = await chromium.openTab(chromium.extensionUrl(`library.html?q=${Date.now()}`));
    await waitForText(library, title, 20_000);
    const count = (await libraryEntries(library, title)).length;
    await library.close();
    return count;
  }

  beforeAll(async () => {
    server = await startSiteServer();
    server.addRoute(LINKED_PATH, readSampleArticleHtml().replaceAll(SAMPLE_TITLE, LINKED_TITLE).replaceAll('/article.html', LINKED_PATH));
    server.addRoute('/links.html', `<!doctype html><title>Links</title><p><a href="${LINKED_PATH}">A story</a></p>`);
    server.addRoute('/go/story', { body: '', status: 302, headers: { Location: '/desk/2026/moved-story.html' } });
    server.addRoute(
      '/desk/2026/moved-story.html',
      readSampleArticleHtml().replaceAll(SAMPLE_TITLE, REDIRECTED_TITLE).replaceAll('/article.html', '/desk/2026/moved-story.html'),
    );
    server.addRoute(STREAMED_PATH, readFileSync(join(import.meta.dirname, '../fixtures/extract/streamed-story-revealed/source.html'), 'utf8'));
    server.addRoute('/router-admin.html', readSampleArticleHtml().replaceAll(SAMPLE_TITLE, PRIVATE_TITLE));
    chromium = await launchChromium({ mapToLoopback: [PUBLIC_HOST] });
    article = await chromium.openTab(server.url('article.html'));
    tabId = await chromium.tabIdOf(article);
    await chromium.waitForActionTitle(tabId, (t) => t.startsWith(ARTICLE_TITLE_PREFIX));
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('registers every menu item, "Share selection…" on selections', async () => {
    const worker = await chromium.worker();
    // Chrome has no contextMenus getter: re-creating an existing id fails, which proves it exists.
    const errors = await worker.evaluate(async () => {
      const menus = (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome.contextMenus;
      const ids = ['folio-save-page', 'folio-save-link', 'folio-open-reader', 'folio-share-selection'];
      return Promise.all(ids.map((id) => menus.update(id, {}).then(() => null, (e: Error) => `${id}: ${e.message}`)));
    });
    expect(errors.filter(Boolean)).toEqual([]);
  });

  it('"Save page to Folio" creates a library entry and badges the tab', async () => {
    await menuClick({ menuItemId: 'folio-save-page', pageUrl: article.url() }, article);
    expect(await libraryHas(SAMPLE_TITLE)).toBe(1);
    const badge = await (await chromium.worker()).evaluate(
      (id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe('✓');
  });

  it('"Save link to Folio" fetches and extracts the link in the background (offscreen document) without opening it', async () => {
    const links = await chromium.openTab(server.url('links.html'));
    await menuClick({ menuItemId: 'folio-save-link', pageUrl: links.url(), linkUrl: server.url(LINKED_PATH) }, links);
    expect(await chromium.tabIdsAt(server.url(LINKED_PATH))).toEqual([]);
    expect(await libraryHas(LINKED_TITLE)).toBe(1);
    expect(server.requests).toContain(LINKED_PATH);
    await links.close();
  });

  /** The library as stored, read in the worker (IndexedDB "folio", store "articles"). */
  async function storedArticles(): Promise<{ title: string; url: string; content: string; leadImage: string | null }[]> {
    return (await chromium.worker()).evaluate(
      () =>
        new Promise<{ title: string; url: string; content: string; leadImage: string | null }[]>((resolve, reject) => {
          const open = indexedDB.open('folio');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            // Library v2: metadata in `articles`, the HTML in `bodies`.
            const tx = open.result.transaction(['articles', 'bodies']);
            const metas = tx.objectStore('articles').getAll();
            const bodies = tx.objectStore('bodies').getAll();
            tx.oncomplete = () => {
              const content = new Map((bodies.result as { id: string; content: string }[]).map((b) => [b.id, b.content]));
              resolve(
                (metas.result as { id: string; title: string; url: string; leadImage: string | null }[]).map(({ id, title, url, leadImage }) => ({
                  title, url, leadImage, content: content.get(id) ?? '',
                })),
              );
              open.result.close();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  }

  async function badgeOf(id: number): Promise<{ text: string; title: string }> {
    const worker = await chromium.worker();
    const text = await worker.evaluate(
      (tab) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({ tabId: tab }),
      id,
    );
    return { text, title: await chromium.actionTitle(id) };
  }

  it('"Save link" reads a redirected link from its final address: the article URL and its relative images use the final page as base', async () => {
    const links = await chromium.openTab(server.url('links.html?redirect'));
    await menuClick({ menuItemId: 'folio-save-link', pageUrl: links.url(), linkUrl: server.url('/go/story') }, links);
    await waitForValue(async () => (await storedArticles()).find((a) => a.title === REDIRECTED_TITLE), Boolean, 'the redirected article in the library');
    const saved = (await storedArticles()).find((a) => a.title === REDIRECTED_TITLE)!;
    expect(saved.url).toBe(server.url('/desk/2026/moved-story.html'));
    // The page's lead image is written relative ("lead.svg"): it lives beside the final page, not the link.
    expect(saved.leadImage).toBe(server.url('/desk/2026/lead.svg'));
    expect(saved.content).not.toContain('/go/');
    await links.close();
  });

  it('"Save link" on a React-streamed page keeps its story, which only the page\'s script would have shown', async () => {
    const links = await chromium.openTab(server.url('links.html?streamed'));
    await menuClick({ menuItemId: 'folio-save-link', pageUrl: links.url(), linkUrl: server.url(STREAMED_PATH) }, links);
    const saved = await waitForValue(async () => (await storedArticles()).find((a) => a.title === STREAMED_TITLE), Boolean, 'the streamed article in the library');
    // Both streamed parts, in the order the script would put them; not the shell's footer or its "Loading…".
    const text = saved!.content.replace(/<[^>]+>/g, ' ');
    expect(text).toContain('the morning ferry pulled into the old harbour');
    expect(text.indexOf('Residents who spoke')).toBeGreaterThan(text.indexOf('Since then, commuters'));
    expect(text.indexOf('Residents who spoke')).toBeLessThan(text.indexOf('The harbour master said'));
    expect(text).not.toContain('All rights reserved');
    expect(text).not.toContain('Loading');
    await links.close();
  });

  it('"Save link" on a public page refuses a link to 127.0.0.1: nothing is requested, the badge says why', async () => {
    const page = await chromium.openTab(`http://${PUBLIC_HOST}:${new URL(server.origin).port}/links.html?public`);
    const id = await chromium.tabIdOf(page);
    const before = server.requests.length;
    await menuClick({ menuItemId: 'folio-save-link', pageUrl: page.url(), linkUrl: server.url('/router-admin.html') }, page);
    const badge = await waitForValue(() => badgeOf(id), (b) => b.text !== '', 'the badge');
    expect(badge).toEqual({ text: '!', title: expect.stringContaining('home network') });
    expect(server.requests.slice(before)).not.toContain('/router-admin.html');
    expect((await storedArticles()).map((a) => a.title)).not.toContain(PRIVATE_TITLE);
    await page.close();
  });

  it('"Save link" on a public page refuses a public link that redirects to 127.0.0.1: its body never reaches the library', async () => {
    const publicOrigin = `http://${PUBLIC_HOST}:${new URL(server.origin).port}`;
    server.addRoute('/go/admin', { body: '', status: 302, headers: { Location: server.url('/router-admin.html') } });
    const page = await chromium.openTab(`${publicOrigin}/links.html?public-redirect`);
    const id = await chromium.tabIdOf(page);
    await menuClick({ menuItemId: 'folio-save-link', pageUrl: page.url(), linkUrl: `${publicOrigin}/go/admin` }, page);
    const badge = await waitForValue(() => badgeOf(id), (b) => b.text !== '', 'the badge');
    expect(badge).toEqual({ text: '!', title: expect.stringContaining('home network') });
    expect(server.requests).toContain('/go/admin');
    // The trade-off README "Security" explains: the browser followed the redirect (extensions cannot read
    // manual redirects), so the GET went out; what came back was refused before a byte was read.
    expect((await storedArticles()).map((a) => a.title)).not.toContain(PRIVATE_TITLE);
    await page.close();
  });

  it('extension fetch cannot read a manual redirect (why safe-fetch follows and checks the final URL)', async () => {
    const seen = await (await chromium.worker()).evaluate(async (url) => {
      const manual = await fetch(url, { redirect: 'manual' });
      const follow = await fetch(url, { redirect: 'follow' });
      return { manual: [manual.type, manual.status, manual.headers.get('location')], follow: [follow.redirected, follow.url] };
    }, server.url('/go/story'));
    expect(seen).toEqual({ manual: ['opaqueredirect', 0, null], follow: [true, server.url('/desk/2026/moved-story.html')] });
  });

  it('"Share selection…" opens the share window with the quote and text-fragment links', async () => {
    const quote = 'The US said it held “very constructive” discussions with China';
    const shareAppears = chromium.waitForPage(chromium.extensionUrl('share.html'));
    await menuClick({ menuItemId: 'folio-share-selection', pageUrl: article.url(), selectionText: quote }, article);
    const share = await shareAppears;
    await waitForText(share, quote);
    const x = await byName(share, 'Share on X', 'link');
    const href = new URL(await x.evaluate((a) => (a as HTMLAnchorElement).href));
    await x.dispose();
    // Ten words: linked whole, percent-encoded as the text fragment spec asks.
    expect(href.searchParams.get('url')).toBe(`${server.url('article.html')}#:~:text=${encodeURIComponent(quote)}`);
    expect(href.searchParams.get('text')).toContain(`“${quote}”`);
    for (const name of POPUP_UI.share) await (await byName(share, name, 'link')).dispose();
    await share.close();
  });

  it('"Share selection…" ignores a report left from the page the tab showed before', async () => {
    const worker = await chromium.worker();
    type Session = { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } };
    const key = `tab:${tabId}`;
    const current = (await worker.evaluate((k) => (globalThis as unknown as Session).chrome.storage.session.get(k), key))[key];
    const stale = { url: server.url('/previous-page.html'), isArticle: true, title: 'Stale title', siteName: 'Stale Site', canonicalUrl: 'https://stale.example/previous' };
    await worker.evaluate((k, r) => (globalThis as unknown as Session).chrome.storage.session.set({ [k]: r }), key, stale);
    try {
      const quote = 'Chinese and American officials met in Kuala Lumpur';
      const shareAppears = chromium.waitForPage(chromium.extensionUrl('share.html'));
      await menuClick({ menuItemId: 'folio-share-selection', pageUrl: article.url(), selectionText: quote }, article);
      const share = await shareAppears;
      await waitForText(share, quote);
      const x = await byName(share, 'Share on X', 'link');
      const href = new URL(await x.evaluate((a) => (a as HTMLAnchorElement).href));
      await x.dispose();
      expect(href.searchParams.get('url')).toContain(server.url('article.html'));
      expect(href.toString()).not.toContain('stale.example');
      expect(await share.evaluate(() => document.body.innerText)).not.toContain('Stale');
      await share.close();
    } finally {
      await worker.evaluate((k, r) => (globalThis as unknown as Session).chrome.storage.session.set({ [k]: r }), key, current);
    }
  });

  it('"Open in reader view" turns the tab into the reader; there the popup steps the reader text size (px)', async () => {
    const readerAppears = chromium.waitForPage(chromium.extensionUrl('reader.html?view='), 30_000);
    await menuClick({ menuItemId: 'folio-open-reader', pageUrl: article.url() }, article);
    const reader = await readerAppears;
    expect(await chromium.tabIdsAt(reader.url())).toEqual([tabId]);
    expect((await readerArticle(reader)).text).toContain('very constructive');

    const popup = await chromium.openPopup(reader);
    await waitForText(popup, 'reader view');
    expect(await waitForValue(() => shownFontSize(popup), (s) => s !== null, 'the reader font size')).toBe(DEFAULT_FONT_SIZE);
    await clickByName(popup, UI.increaseFont, 'button');
    await waitForValue(async () => (await chromium.syncStorage(FONT_SIZE_KEY))[FONT_SIZE_KEY], (v) => v === 20, 'the reader setting to grow');
    await popup.close();
  });
});
