/**
 * Headless Chromium with the built Folio extension installed, per TOOLCHAIN.md:
 * a fresh profile and HOME per launch, no network beyond 127.0.0.1, and the
 * extension installed over the pipe (browser.installExtension returns its id,
 * which depends on the checkout path, so it is read at run time).
 */
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChromeGlobal, ExtTab } from './ext-api';
import { chromeExtensionPath } from './paths';
import { makeTempDir, removeDirs } from './temp';
import { waitInPage } from './wait';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Without this Chromium still resolves Google hosts and prefetches link hosts.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

/** Where Chromium is: CHROME_PATH, the Debian package, or the first on PATH. */
export function findChromium(): string | null {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    ...(process.env.PATH ?? '')
      .split(':')
      .filter(Boolean)
      .flatMap((dir) => ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].map((name) => join(dir, name))),
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!)) ?? null;
}

export interface ChromiumOptions {
  /** Folder of the built extension; FOLIO_EXT_CHROME or the test build .output-test/chrome-mv3 by default. */
  extensionPath?: string;
  /** false opens a visible window (npm start). Default true. */
  headless?: boolean;
  executablePath?: string;
  /**
   * Host names resolved to 127.0.0.1 (Chromium's host resolver rules): a test
   * page on a *public-looking* name that is served by the local test server.
   */
  mapToLoopback?: string[];
  /**
   * A profile folder to use and keep (it is neither emptied nor deleted on
   * close): experiments seed a large library once and reuse it. Default: a
   * fresh temporary profile, deleted on close.
   */
  userDataDir?: string;
}

export interface ChromiumSession {
  browser: Browser;
  extensionId: string;
  /** chrome-extension://<id>/<path> */
  extensionUrl(path: string): string;
  /** The extension's service worker (waits for it to be running). */
  worker(): Promise<WebWorker>;
  /** Open a new tab at `url` and wait for it to load. */
  openTab(url: string): Promise<Page>;
  /** The browser's tab id of `page` (matched by URL; the page's URL must be unique among tabs). */
  tabIdOf(page: Page): Promise<number>;
  /** Ids of every tab currently at exactly `url`. */
  tabIdsAt(url: string): Promise<number[]>;
  /** The toolbar button's title for a tab (chrome.action.getTitle). */
  actionTitle(tabId: number): Promise<string>;
  /** Wait until the toolbar title for the tab satisfies `predicate`; returns it. */
  waitForActionTitle(tabId: number, predicate: (title: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Read keys from storage.session through the worker. */
  sessionStorage(keys: string | string[]): Promise<Record<string, unknown>>;
  /** Read keys from storage.sync through the worker. */
  syncStorage(keys: string | string[]): Promise<Record<string, unknown>>;
  /**
   * Open the real toolbar popup (chrome.action.openPopup) for `page`'s tab:
   * brings the tab to the front first. Closes an earlier popup still open.
   */
  openPopup(page: Page): Promise<Page>;
  /** Wait for a tab whose URL starts with `prefix` (e.g. extensionUrl('reader.html')) and return it. */
  waitForPage(prefix: string, timeoutMs?: number): Promise<Page>;
  /** Close the browser and delete the profile and HOME folders. */
  close(): Promise<void>;
}

/**
 * The same Chromium with the same flags and no extension: the "without Folio" side of
 * the page-load benchmark. (An incognito context of the browser with Folio differs in
 * more than the extension: its own storage partition and an in-memory cache.)
 */
export async function launchPlainChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it or set CHROME_PATH.');
  const profile = await makeTempDir('chromium-plain-profile');
  const home = await makeTempDir('chromium-plain-home');
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir: profile,
      defaultViewport: { width: 1280, height: 900 },
      env: { ...process.env, HOME: home },
      args: CHROMIUM_ARGS,
    });
    return {
      browser,
      close: async () => {
        await browser.close().catch(() => undefined);
        await removeDirs([profile, home]);
      },
    };
  } catch (error) {
    await removeDirs([profile, home]);
    throw error;
  }
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const extensionPath = options.extensionPath ?? chromeExtensionPath();
  if (!existsSync(join(extensionPath, 'manifest.json'))) {
    throw new Error(`No Chrome build at ${extensionPath}: run \`npm run build:test\` or set FOLIO_EXT_CHROME.`);
  }
  const executablePath = options.executablePath ?? findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it or set CHROME_PATH.');

  const profile = options.userDataDir ?? (await makeTempDir('chromium-profile'));
  const home = await makeTempDir('chromium-home');
  // A kept profile is the caller's: only the temporary folders are removed.
  const temporary = options.userDataDir ? [home] : [profile, home];
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: options.headless ?? true,
      enableExtensions: true,
      pipe: true,
      userDataDir: profile,
      defaultViewport: options.headless === false ? null : { width: 1280, height: 900 },
      env: { ...process.env, HOME: home },
      args: [
        ...CHROMIUM_ARGS.map((arg) =>
          arg.startsWith('--host-resolver-rules=') && options.mapToLoopback?.length
            ? `--host-resolver-rules=${options.mapToLoopback.map((host) => `MAP ${host} 127.0.0.1 , `).join('')}${arg.slice('--host-resolver-rules='.length)}`
            : arg,
        ),
        ...(options.headless === false ? ['--window-size=1280,960'] : []),
      ],
    });
  } catch (error) {
    await removeDirs(temporary);
    throw error;
  }

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => undefined);
    await removeDirs(temporary);
  };

  let extensionId: string;
  try {
    extensionId = await browser.installExtension(extensionPath);
  } catch (error) {
    await close();
    throw error;
  }
  const origin = `chrome-extension://${extensionId}`;
  const extensionUrl = (path: string) => `${origin}/${path.replace(/^\/+/, '')}`;

  const worker = async (): Promise<WebWorker> => {
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`${origin}/`),
      { timeout: 20_000 },
    );
    const w = await target.worker();
    if (!w) throw new Error('The extension service worker target has no worker.');
    return w;
  };

  const tabs = async (): Promise<ExtTab[]> =>
    (await worker()).evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.tabs.query({}));

  const tabIdsAt = async (url: string): Promise<number[]> =>
    (await tabs()).filter((tab) => tab.url === url && tab.id !== undefined).map((tab) => tab.id!);

  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    const matches = (await tabs()).filter((tab) => tab.url === url);
    if (matches.length !== 1 || matches[0]?.id === undefined) {
      throw new Error(`Expected one tab at ${url}, found ${matches.length}. Give each test page a unique URL.`);
    }
    return matches[0].id;
  };

  const actionTitle = async (tabId: number): Promise<string> =>
    (await worker()).evaluate((id) => (globalThis as unknown as ChromeGlobal).chrome.action.getTitle({ tabId: id }), tabId);

  const waitForActionTitle = async (tabId: number, predicate: (title: string) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const last = await actionTitle(tabId);
      if (predicate(last)) return last;
      if (Date.now() > deadline) throw new Error(`Toolbar title for tab ${tabId} stayed ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const syncStorage = async (keys: string | string[]) =>
    (await worker()).evaluate((k) => (globalThis as unknown as ChromeGlobal).chrome.storage.sync.get(k), keys);

  const sessionStorage = async (keys: string | string[]) =>
    (await worker()).evaluate((k) => (globalThis as unknown as ChromeGlobal).chrome.storage.session!.get(k), keys);

  const isPopup = (t: Target) => t.url().startsWith(`${origin}/popup.html`);

  const openPopup = async (page: Page): Promise<Page> => {
    for (const target of browser.targets().filter(isPopup)) {
      const old = await target.asPage();
      await old.close().catch(() => undefined);
    }
    await page.bringToFront();
    const w = await worker();
    const appeared = browser.waitForTarget(isPopup, { timeout: 15_000 });
    await w.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.openPopup());
    const popup = await (await appeared).asPage();
    await waitInPage(popup, () => document.readyState === 'complete', { what: 'the popup to load' });
    return popup;
  };

  const openTab = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  const waitForPage = async (prefix: string, timeoutMs = 15_000): Promise<Page> => {
    const target = await browser.waitForTarget((t) => t.url().startsWith(prefix), { timeout: timeoutMs });
    return target.asPage();
  };

  return {
    browser,
    waitForPage,
    extensionId,
    extensionUrl,
    worker,
    openTab,
    tabIdsAt,
    tabIdOf,
    actionTitle,
    waitForActionTitle,
    syncStorage,
    sessionStorage,
    openPopup,
    close,
  };
}
