/**
 * Hostile article content in the reader (Firefox): the Firefox twin of
 * hostile.chromium.e2e.test.ts. The same hostile article (<script>, onerror=,
 * javascript: and data: links, <iframe srcdoc>, <meta http-equiv=refresh>,
 * <base href>, <form>, SVG script, CSS aimed at the reader's toolbar), opened through
 * the popup (as a tab, ?tabId=): the reader must run none of it, strip it from the
 * article, and keep its toolbar visible and clickable.
 *
 * What can be observed over WebDriver BiDi in a moz-extension:// page, and what stands in:
 *  - Dialogs: `page.on('dialog')` does fire for the reader tab (the control test proves it).
 *  - Console messages and uncaught errors: `page.on('console' | 'pageerror')` get nothing
 *    from moz-extension:// documents (they do from http pages), and preload scripts
 *    (evaluateOnNewDocument) do not run in them, so console.error cannot be hooked before
 *    the reader renders either. Instead every payload, before its alert(), marks
 *    `window.folioPwned` and requests `/pwned/<id>` from the local server, which records
 *    it: code that ran is seen even if its alert were swallowed. The control test runs
 *    one payload in the reader's own realm and sees all three signals.
 *  - Navigation: `page.url()` lags behind moz-extension:// navigations, so the test reads
 *    `location.href` from the document. The refresh points at the local server, so a
 *    refresh that fired would also show up as a `/evil-refresh` request.
 *  - The original page follows its own <meta refresh> in Firefox (its CSP cannot forbid
 *    that) and would leave the article before the reader opens. Auto-refresh is therefore
 *    blocked (`accessibility.blockautorefresh`) only while the original page loads, and
 *    reset to the default before the reader is opened; the last test shows the reader
 *    tab honours a refresh again, so the "no navigation" result is the reader's own.
 *
 * The original page carries a CSP meta that forbids its scripts: the test is about the
 * reader, so the page must not raise dialogs or beacons of its own first. The
 * extension's content script and extractor are not bound by the page's CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startSiteServer, type SiteServer } from './harness/server';
import { readSampleArticleHtml } from './harness/sample';
import { UI } from './harness/folio';
import { clickByName, waitForValue } from './harness/pages';
import { expectArticleSanitised, expectToolbarIntact } from './harness/hostile';
import { waitForArticle } from './harness/reader';
import { waitForElement } from './harness/wait';

const HOSTILE_PATH = '/hostile-article.html';
const FIRST_PARAGRAPH_END = 'including a meeting with the Chinese leader next week.</p>';
const BLOCK_REFRESH = 'accessibility.blockautorefresh';

/** JS that records that it ran (flag, server request), then alerts; `id` names the payload. */
function payload(origin: string, id: string, win = 'window'): string {
  return `(${win}.folioPwned=${win}.folioPwned||[]).push('${id}');fetch('${origin}/pwned/${id}');${win}.alert('${id}')`;
}

/** The Chromium test's markup, each payload made observable without the console (see above). */
function hostileMarkup(origin: string): string {
  const js = (id: string, win?: string) => payload(origin, id, win);
  return `
<p>Hostile paragraph one <img src="/missing.png" alt="a missing chart" onerror="${js('img-onerror')}"> with an image.</p>
<script>${js('inline-script')}; document.title = 'pwned';</script>
<p><a href="javascript:${js('js-link')}">js link</a> <a href="jav&#x09;ascript:${js('tab-js-link')}">tab js link</a> <a href="data:text/html,<script>${js('data-link')}</script>">data link</a> <a href="/relative-story.html">relative story</a></p>
<iframe srcdoc="<script>${js('srcdoc', 'parent')}</script>" width="300" height="100"></iframe>
<meta http-equiv="refresh" content="1;url=${origin}/evil-refresh">
<base href="http://evil.invalid/">
<style>.reader-toolbar, header, button { display: none !important; visibility: hidden !important; opacity: 0 !important; } body { background: red !important; }</style>
<link rel="stylesheet" href="data:text/css,button{display:none!important}">
<div class="fixed inset-0 z-50 bg-ink" style="position:fixed;inset:0;z-index:2147483647;background:red">Overlay that tries to cover the reader</div>
<svg width="10" height="10"><script>${js('svg-script')}</script><a href="javascript:${js('svg-link')}"><text y="10">svg</text></a></svg>
<form action="http://evil.invalid/"><input name="q"><button formaction="javascript:${js('form')}">Send</button></form>
<details open ontoggle="${js('ontoggle')}"><summary>More</summary><p onclick="${js('click')}" onmouseover="${js('hover')}">Hover me, a paragraph with handlers.</p></details>
<object data="javascript:${js('object')}"></object><embed src="javascript:${js('embed')}">
<p>Hostile paragraph two, still part of the story, which continues below.</p>`;
}

function hostilePage(origin: string): string {
  const html = readSampleArticleHtml();
  if (!html.includes(FIRST_PARAGRAPH_END)) throw new Error('the sample article changed: update FIRST_PARAGRAPH_END');
  return html
    .replace('<head>', `<head>\n  <meta http-equiv="Content-Security-Policy" content="script-src 'none'">`)
    .replace(FIRST_PARAGRAPH_END, FIRST_PARAGRAPH_END + hostileMarkup(origin))
    .replaceAll('/article.html', HOSTILE_PATH);
}

/** Where the tab is, from the document itself (page.url() lags for moz-extension://). */
const locationOf = (page: Page) => page.evaluate(() => location.href);
const pwnedFlag = (page: Page) => page.evaluate(() => (globalThis as { folioPwned?: string[] }).folioPwned ?? []);

describe('hostile article content (Firefox)', () => {
  let server: SiteServer;
  let firefox: FirefoxSession;
  let tab: Page;
  const dialogs: string[] = [];
  const beacons = () => server.requests.filter((r) => r.startsWith('/pwned/') || r.includes('evil'));

  beforeAll(async () => {
    server = await startSiteServer();
    server.addRoute(HOSTILE_PATH, hostilePage(server.origin));
    firefox = await launchFirefox();

    tab = await firefox.browser.newPage();
    tab.on('dialog', (d) => {
      dialogs.push(`${tab.url()}: ${d.message()}`);
      void d.dismiss();
    });
    // The original page's own refresh must not take the tab away before the reader opens (see above).
    await firefox.setPrefs({ [BLOCK_REFRESH]: true });
    await tab.goto(server.url(HOSTILE_PATH), { waitUntil: 'load' });
    const tabId = await firefox.tabIdOf(tab);
    await firefox.waitForActionTitle(tabId, (t) => t.startsWith('Folio: article detected'));
    await firefox.setPrefs({ [BLOCK_REFRESH]: null });

    const popup = await firefox.openPopupTab(tabId);
    await clickByName(popup, UI.openReader, 'button');
    await waitForValue(
      () => locationOf(tab).catch(() => ''),
      (u) => u.startsWith(firefox.extensionUrl('reader.html?view=')),
      'the tab to become the reader',
      30_000,
    );
    if (!popup.isClosed()) await popup.close();
    await waitForArticle(tab);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('runs nothing: no dialog, no payload signal, no navigation (the refresh and base are inert)', async () => {
    const url = await locationOf(tab);
    // Longer than the refresh's 1 s delay.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await locationOf(tab)).toBe(url);
    expect(dialogs).toEqual([]);
    expect(await pwnedFlag(tab)).toEqual([]);
    expect(beacons()).toEqual([]);
    expect(await tab.evaluate(() => document.title)).not.toBe('pwned');
  });

  it('strips the dangerous markup from the article and keeps the story and the alt text', async () => {
    await expectArticleSanitised(tab, server.url('/relative-story.html'));
  });

  it('keeps the toolbar intact: visible, on top and clickable', async () => {
    await expectToolbarIntact(tab);
    // Clicking the paragraph that carried onclick/onmouseover (the pointer moves over it first) runs nothing.
    const paragraph = await waitForElement(tab, '::-p-text(Hover me, a paragraph with handlers.)');
    await paragraph!.click();
    await paragraph!.dispose();
    expect(dialogs).toEqual([]);
    expect(await pwnedFlag(tab)).toEqual([]);
  });

  it('control: a payload that does run in the reader is seen by all three observers', async () => {
    await tab.evaluate(payload(server.origin, 'control'));
    await waitForValue(async () => dialogs.length, (n) => n > 0, 'the control dialog');
    await waitForValue(async () => server.requests.includes('/pwned/control'), Boolean, 'the control request');
    expect(dialogs).toEqual([expect.stringContaining(': control')]);
    expect(await pwnedFlag(tab)).toEqual(['control']);
  });

  it('control: the reader tab honours a refresh again (auto-refresh is not blocked any more)', async () => {
    // Last: this takes the tab away from the reader.
    await tab.evaluate((to) => {
      const meta = document.createElement('meta');
      meta.httpEquiv = 'refresh';
      meta.content = `0;url=${to}`;
      document.head.append(meta);
    }, server.url('/refresh-control'));
    await waitForValue(async () => server.requests.includes('/refresh-control'), Boolean, 'the refresh to be followed');
  });
});
