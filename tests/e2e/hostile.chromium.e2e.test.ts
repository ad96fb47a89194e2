/**
 * Hostile article content in the reader (Chromium): an article page whose body
 * carries <script>, onerror= handlers, javascript: and data: links, <iframe srcdoc>,
 * <meta http-equiv=refresh>, <base href>, <form>, SVG script and CSS aimed at the
 * reader's toolbar. Opened through the popup as a user would, the reader must run
 * none of it (no dialog, no console error, no navigation), strip it from the
 * article, and keep its toolbar visible and clickable.
 *
 * The original page itself carries a CSP meta that forbids its scripts: the test
 * is about the reader, so the page must not raise dialogs of its own first.
 * The extension's content script and extractor are not bound by the page's CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startSiteServer, type SiteServer } from './harness/server';
import { readSampleArticleHtml } from './harness/sample';
import { UI } from './harness/folio';
import { clickByName, waitForValue } from './harness/pages';
import { expectArticleSanitised, expectToolbarIntact } from './harness/hostile';
import { waitForArticle } from './harness/reader';
import { waitInPage } from './harness/wait';

const HOSTILE_PATH = '/hostile-article.html';
const FIRST_PARAGRAPH_END = 'including a meeting with the Chinese leader next week.</p>';

/** Every URL the markup names is on the local test server, so a request for it is counted there. */
const hostileMarkup = (origin: string) => `
<p>Hostile paragraph one <img src="/missing.png" alt="a missing chart" onerror="alert('img onerror')"> with an image.</p>
<script>alert('inline script'); document.title = 'pwned';</script>
<p><a href="javascript:alert('js link')">js link</a> <a href="jav&#x09;ascript:alert('tab js')">tab js link</a> <a href="data:text/html,<script>alert(5)</script>">data link</a> <a href="/relative-story.html">relative story</a></p>
<iframe srcdoc="<script>parent.alert('srcdoc')</script>" width="300" height="100"></iframe>
<meta http-equiv="refresh" content="1;url=${origin}/evil-refresh">
<base href="${origin}/evil-base/">
<style>.reader-toolbar, header, button { display: none !important; visibility: hidden !important; opacity: 0 !important; } body { background: red !important; }</style>
<link rel="stylesheet" href="data:text/css,button{display:none!important}">
<div class="fixed inset-0 z-50 bg-ink" style="position:fixed;inset:0;z-index:2147483647;background:red">Overlay that tries to cover the reader</div>
<svg width="10" height="10"><script>alert('svg script')</script><a href="javascript:alert('svg link')"><text y="10">svg</text></a></svg>
<form action="${origin}/evil-form"><input name="q"><button formaction="javascript:alert('form')">Send</button></form>
<details open ontoggle="alert('ontoggle')"><summary>More</summary><p onclick="alert('click')" onmouseover="alert('hover')">Hover me, a paragraph with handlers.</p></details>
<object data="javascript:alert('object')"></object><embed src="javascript:alert('embed')">
<p>Hostile paragraph two, still part of the story, which continues below.</p>`;

function hostilePage(origin: string): string {
  const html = readSampleArticleHtml();
  if (!html.includes(FIRST_PARAGRAPH_END)) throw new Error('the sample article changed: update FIRST_PARAGRAPH_END');
  return html
    .replace('<head>', `<head>\n  <meta http-equiv="Content-Security-Policy" content="script-src 'none'">`)
    .replace(FIRST_PARAGRAPH_END, FIRST_PARAGRAPH_END + hostileMarkup(origin))
    .replaceAll('/article.html', HOSTILE_PATH);
}

describe('hostile article content (Chromium)', () => {
  let server: SiteServer;
  let chromium: ChromiumSession;
  let tab: Page;
  const dialogs: string[] = [];
  const readerErrors: string[] = [];
  const navigationsFromReader: string[] = [];
  /** How many requests the server had seen when the reader was opened. */
  let readerFrom = 0;
  const refused: string[] = [];
  /** The original page's own refusals of its <meta refresh> (it is served sandboxed). */
  const refreshRefused: string[] = [];

  beforeAll(async () => {
    server = await startSiteServer();
    // Served sandboxed (scripts off, same origin kept): a sandboxed document never follows
    // its own <meta refresh>, so the original page cannot leave the article, or cancel the
    // reader's navigation with its own, however slow the machine. Folio's content script and
    // extractor run in their isolated world all the same.
    server.addRoute(HOSTILE_PATH, { body: hostilePage(server.origin), headers: { 'Content-Security-Policy': 'sandbox allow-same-origin' } });
    chromium = await launchChromium();

    tab = await chromium.browser.newPage();
    tab.on('dialog', (d) => {
      dialogs.push(`${tab.url()}: ${d.message()}`);
      void d.dismiss();
    });
    // Only what happens in the reader counts; the original page's CSP refusals are expected.
    tab.on('console', (m) => {
      if (!tab.url().startsWith('chrome-extension://')) {
        if (/Refused to execute the redirect/.test(m.text())) refreshRefused.push(m.text());
        return;
      }
      if (m.type() !== 'error') return;
      // The browser refusing something (CSP) or an article image failing to load is not injected code
      // running: DOMPurify's inert parsing document inherits the reader's CSP in Chromium, which reports
      // the handlers and <base> it refused. Anything else (an error thrown by injected code) counts.
      if (/violates the following Content Security Policy|^Failed to load resource/.test(m.text())) refused.push(m.text());
      else readerErrors.push(`${m.location().url ?? ''}: ${m.text()}`);
    });
    tab.on('pageerror', (e) => {
      if (tab.url().startsWith('chrome-extension://')) readerErrors.push(String(e));
    });
    // Once the tab is the reader, whatever it asks for reaches the local server and is
    // counted there, and its navigations are noted. Before that, requests for the evil URLs
    // are cancelled: the original page is not what this test is about.
    await tab.setRequestInterception(true);
    tab.on('request', (request) => {
      const inReader = tab.url().startsWith('chrome-extension://');
      if (inReader && request.isNavigationRequest() && request.frame() === tab.mainFrame() && !request.url().startsWith('chrome-extension://')) {
        navigationsFromReader.push(request.url());
      }
      if (!inReader && request.url().includes('/evil-')) void request.abort('aborted');
      else void request.continue();
    });
    await tab.goto(server.url(HOSTILE_PATH), { waitUntil: 'load' });
    const tabId = await chromium.tabIdOf(tab);
    await chromium.waitForActionTitle(tabId, (t) => t.startsWith('Folio: article detected'));
    const popup = await chromium.openPopup(tab);
    readerFrom = server.requests.length;
    await clickByName(popup, UI.openReader, 'button');
    await waitInPage(tab, () => location.protocol === 'chrome-extension:', { timeout: 30_000, what: 'the tab to become the reader' });
    await waitForArticle(tab);
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('the setting holds: the original page refused its own <meta refresh>, so only the reader could navigate', () => {
    // Without this the "no navigation" check below could pass because the refresh was never there.
    expect(refreshRefused.length).toBeGreaterThan(0);
  });

  it('runs nothing: no dialog, no console error, no navigation, no request for a URL the markup names', async () => {
    const url = tab.url();
    // The positive control: the article's image (an unsaved article shows remote images) does reach
    // the server from the reader: the count below sees what the reader asks for.
    await waitForValue(async () => server.requests.slice(readerFrom), (r) => r.some((p) => p.endsWith('/missing.png')), 'the article image request');
    // Longer than the refresh's 1 s delay.
    await new Promise((r) => setTimeout(r, 1500));
    expect(tab.url()).toBe(url);
    expect(dialogs).toEqual([]);
    expect(readerErrors).toEqual([]);
    expect(await tab.title()).not.toBe('pwned');
    expect(server.requests.slice(readerFrom).filter((p) => /\/evil-(refresh|form)/.test(p))).toEqual([]);
    expect(navigationsFromReader).toEqual([]);
  });

  it('strips the dangerous markup from the article and keeps the story and the alt text', async () => {
    await expectArticleSanitised(tab, server.url('/relative-story.html'));
  });

  it('keeps the toolbar intact: visible, on top and clickable', async () => {
    await expectToolbarIntact(tab);
  });

  it('control: a navigation the reader does make reaches the server and is counted (last: it leaves the reader)', async () => {
    const from = server.requests.length;
    void tab.evaluate((to) => location.assign(to), server.url('/evil-refresh')).catch(() => undefined);
    await waitForValue(async () => server.requests.slice(from), (r) => r.includes('/evil-refresh'), 'the control navigation');
    expect(navigationsFromReader).toEqual([server.url('/evil-refresh')]);
  });
});
