/**
 * Headless Firefox ESR with the built Folio extension installed as a temporary
 * add-on over WebDriver BiDi, per TOOLCHAIN.md. The moz-extension:// UUID is pinned
 * through the `extensions.webextensions.uuids` pref so extension URLs are known
 * before launch. Firefox quirks handled here:
 *  - `page.goto('moz-extension://…')` never resolves although the page loads, so
 *    extension pages are opened without awaiting goto, then polled for.
 *  - A toolbar popup cannot be opened headless; the popup is opened as a tab with
 *    `?tabId=<id>` naming the tab it acts on.
 *  - `page.emulateMediaFeatures()` needs CDP, which Firefox lacks: `emulateColorScheme`
 *    sets the browser's colour-scheme pref instead (through a privileged about:config
 *    tab, which `--remote-allow-system-access` lets the driver script).
 */
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserGlobal, ExtTab } from './ext-api';
import { firefoxExtensionPath } from './paths';
import { makeTempDir, removeDirs } from './temp';

/** wxt.config.ts GECKO_ID (not imported: that module pulls in the build toolchain). */
export const GECKO_ID = 'folio@folio-reader.org';
export const FIREFOX_EXTENSION_UUID = '6f1f0c1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxOptions {
  extensionPath?: string;
  headless?: boolean;
  /** Prefs read only at start-up (quota limits), set before Firefox starts. */
  prefs?: Record<string, boolean | number | string>;
}

export interface FirefoxSession {
  browser: Browser;
  /** The gecko id returned by installExtension. */
  extensionId: string;
  /** moz-extension://<pinned uuid>/<path> */
  extensionUrl(path: string): string;
  /** Open a new tab at an http(s) URL and wait for load. */
  openTab(url: string): Promise<Page>;
  /** Open (or navigate `page` to) an extension page; resolves once it has loaded. */
  openExtensionPage(path: string, page?: Page): Promise<Page>;
  /** Evaluate `fn` in an extension page (a hidden control tab) with the `browser` API. */
  inExtension<T, A>(fn: (api: BrowserGlobal['browser'], arg: A) => Promise<T>, arg: A): Promise<T>;
  /** Tab id of `page` (matched by URL; must be unique among tabs). */
  tabIdOf(page: Page): Promise<number>;
  actionTitle(tabId: number): Promise<string>;
  waitForActionTitle(tabId: number, predicate: (title: string) => boolean, timeoutMs?: number): Promise<string>;
  syncStorage(keys: string | string[]): Promise<Record<string, unknown>>;
  /** The popup opened as a tab acting on `tabId`. */
  openPopupTab(tabId: number): Promise<Page>;
  /**
   * Set Firefox prefs at run time (Services.prefs in a privileged about:config tab);
   * `null` clears a pref to its default. Effects on other documents may arrive asynchronously.
   */
  setPrefs(prefs: Record<string, boolean | number | string | null>): Promise<void>;
  close(): Promise<void>;
}

/** `layout.css.prefers-color-scheme.content-override`: 0 dark, 1 light, 2 (default) the browser theme. */
export const COLOR_SCHEME_PREF = 'layout.css.prefers-color-scheme.content-override';

/**
 * Firefox's stand-in for `page.emulateMediaFeatures([{ name: 'prefers-color-scheme', … }])`
 * (CDP only): force the scheme browser-wide (`null`: back to the default) and wait until
 * `page` sees it (pref changes reach content processes asynchronously), then bring `page`
 * to the front again (the about:config tab may have taken focus).
 */
export async function emulateColorScheme(firefox: FirefoxSession, page: Page, scheme: 'light' | 'dark' | null): Promise<void> {
  await firefox.setPrefs({ [COLOR_SCHEME_PREF]: scheme === null ? null : scheme === 'dark' ? 0 : 1 });
  await page.bringToFront();
  const expectDark = scheme === 'dark';
  const deadline = Date.now() + 10_000;
  while ((await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) !== expectDark) {
    if (Date.now() > deadline) throw new Error(`${page.url()} never saw prefers-color-scheme: ${scheme ?? 'light (default)'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const extensionPath = options.extensionPath ?? firefoxExtensionPath();
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionPath}: run \`npm run build:test\` or set FOLIO_EXT_FIREFOX.`);
  }
  if (!existsSync(FIREFOX_PATH)) throw new Error(`Firefox not found at ${FIREFOX_PATH} (set FIREFOX_PATH).`);

  const home = await makeTempDir('firefox-home');
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: options.headless ?? true,
      defaultViewport: { width: 1280, height: 900 },
      // Without it Firefox refuses to navigate to moz-extension:// URLs.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        'network.dns.disablePrefetch': true,
        'network.prefetch-next': false,
        'network.predictor.enabled': false,
        ...options.prefs,
      },
      env: { ...process.env, HOME: home, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    });
  } catch (error) {
    await removeDirs([home]);
    throw error;
  }

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => undefined);
    await removeDirs([home]);
  };

  let extensionId: string;
  try {
    extensionId = await browser.installExtension(extensionPath);
  } catch (error) {
    await close();
    throw error;
  }
  const origin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const extensionUrl = (path: string) => `${origin}/${path.replace(/^\/+/, '')}`;

  const openExtensionPage = async (path: string, existing?: Page): Promise<Page> => {
    const page = existing ?? (await browser.newPage());
    const url = extensionUrl(path);
    // Reopening the URL a page already shows: mark the old document, or the poll below would
    // find it "ready" before the navigation has even begun.
    if (existing) await page.evaluate(() => Object.assign(globalThis, { __folioLeaving: true })).catch(() => undefined);
    // goto() never settles for moz-extension:// pages: fire and poll instead.
    void page.goto(url).catch(() => undefined);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ready = await page
        .evaluate(
          (expected) => location.href === expected && document.readyState === 'complete' && 'browser' in globalThis && !('__folioLeaving' in globalThis),
          url,
        )
        .catch(() => false);
      if (ready) return page;
      if (Date.now() > deadline) throw new Error(`Extension page ${url} did not load (at ${page.url()}).`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // A tab on an extension page, used only to call extension APIs from the test.
  let control: Page | null = null;
  const inExtension = async <T, A>(fn: (api: BrowserGlobal['browser'], arg: A) => Promise<T>, arg: A): Promise<T> => {
    if (!control || control.isClosed()) control = await openExtensionPage('popup.html?tabId=-1');
    // evaluate() cannot pass a function as an argument: send its source instead.
    // (Evaluated by the driver, so the page's CSP does not apply.)
    const expression = `(${fn.toString()})(globalThis.browser, ${JSON.stringify(arg)})`;
    return control.evaluate(expression) as Promise<T>;
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    const tabs = await inExtension((api) => api.tabs.query({}), null);
    const matches = tabs.filter((tab: ExtTab) => tab.url === url);
    if (matches.length !== 1 || matches[0]?.id === undefined) {
      throw new Error(`Expected one tab at ${url}, found ${matches.length}. Give each test page a unique URL.`);
    }
    return matches[0].id;
  };

  const actionTitle = (tabId: number) => inExtension((api, id) => api.action.getTitle({ tabId: id }), tabId);

  const waitForActionTitle = async (tabId: number, predicate: (title: string) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const last = await actionTitle(tabId);
      if (predicate(last)) return last;
      if (Date.now() > deadline) throw new Error(`Toolbar title for tab ${tabId} stayed ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // A privileged page whose realm has Services.prefs (opened on first use, kept in the background).
  let prefsPage: Page | null = null;
  const setPrefs = async (prefs: Record<string, boolean | number | string | null>): Promise<void> => {
    if (!prefsPage || prefsPage.isClosed()) {
      const page = await browser.newPage();
      prefsPage = page;
      // Like moz-extension:// pages, goto('about:config') never settles: fire and poll.
      void page.goto('about:config').catch(() => undefined);
      const deadline = Date.now() + 20_000;
      while (!(await page.evaluate(`location.href === 'about:config' && typeof Services === 'object'`).catch(() => false))) {
        if (Date.now() > deadline) throw new Error('about:config did not load (is --remote-allow-system-access set?)');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const expression = `(() => {
      const p = Services.prefs;
      for (const [name, value] of Object.entries(${JSON.stringify(prefs)})) {
        if (value === null) p.clearUserPref(name);
        else if (typeof value === 'boolean') p.setBoolPref(name, value);
        else if (typeof value === 'number') p.setIntPref(name, value);
        else p.setStringPref(name, value);
      }
    })()`;
    await prefsPage.evaluate(expression);
  };

  const syncStorage = (keys: string | string[]) => inExtension((api, k) => api.storage.sync.get(k), keys);

  const openTab = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  return {
    browser,
    extensionId,
    extensionUrl,
    openTab,
    openExtensionPage,
    inExtension,
    tabIdOf,
    actionTitle,
    waitForActionTitle,
    syncStorage,
    openPopupTab: (tabId) => openExtensionPage(`popup.html?tabId=${tabId}`),
    setPrefs,
    close,
  };
}
