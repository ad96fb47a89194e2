/**
 * The Export dialog as tests drive it, and its downloads caught in a temp
 * folder: Chromium through CDP (Browser.setDownloadBehavior), Firefox through
 * its download prefs (BiDi has no download command in puppeteer; with
 * `browser.download.useDownloadDir` and a folder set, a download is saved
 * there without asking, headless too). Shared by the export and backup files.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listZip, readEntry } from '../../../utils/transfer/zip-reader';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';
import { waitForValue } from './pages';
import { waitForElement, waitInPage } from './wait';

/** Partly written downloads: Chromium's and Firefox's suffixes. */
const PARTIAL = /\.(crdownload|part)$/;

export async function downloadsToChromium(chromium: ChromiumSession, dir: string): Promise<void> {
  const cdp = await chromium.browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
}

export async function downloadsToFirefox(firefox: FirefoxSession, dir: string): Promise<void> {
  await firefox.setPrefs({
    'browser.download.folderList': 2,
    'browser.download.dir': dir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
  });
}

/** Downloads finished in `dir`, by name. */
export async function finishedFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => !PARTIAL.test(n)).sort();
}

/** Waits for a download named like `name` to be whole in `dir`; returns its name, path and bytes. */
export async function downloaded(dir: string, name: RegExp): Promise<{ file: string; path: string; blob: Blob }> {
  const files = await waitForValue(
    async () => {
      const all = await readdir(dir);
      return { done: all.filter((n) => !PARTIAL.test(n)), partial: all.filter((n) => PARTIAL.test(n)) };
    },
    (v) => v.partial.length === 0 && v.done.some((n) => name.test(n)),
    `a download named ${name}`,
    60_000,
  );
  const file = files.done.find((n) => name.test(n))!;
  const path = join(dir, file);
  return { file, path, blob: new Blob([await readFile(path)]) };
}

export async function zipEntries(blob: Blob): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const e of await listZip(blob)) out.set(e.name, await readEntry(blob, e, 1e8));
  return out;
}

export async function openExportDialog(library: Page): Promise<void> {
  await library.click('button[aria-haspopup="dialog"]');
  await waitForElement(library, 'dialog[open] #export-title');
}

/** Picks the format whose label contains `formatLabel` and the scope, then starts the export. */
export async function chooseAndExport(library: Page, formatLabel: string, scope: 'all' | 'shown' | 'selected' = 'all'): Promise<void> {
  await library.evaluate((label, s) => {
    const dialog = document.querySelector('dialog[open]')!;
    const radios = [...dialog.querySelectorAll<HTMLInputElement>('input[name="export-format"]')];
    const wanted = radios.find((r) => r.closest('label')!.textContent!.includes(label));
    if (!wanted) throw new Error(`no format ${label}`);
    wanted.click();
    dialog.querySelector<HTMLInputElement>(`input[name="export-scope"][value="${s}"]`)!.click();
  }, formatLabel, scope);
  await library.click('dialog[open] button[type="submit"]');
}

/** Waits for the dialog's "Exported …" line and returns it. */
export async function waitForExportDone(library: Page): Promise<string> {
  return waitInPage(library, () => {
    const text = document.querySelector('dialog[open] [aria-live]')?.textContent ?? '';
    return text.startsWith('Exported') ? text : null;
  }, { timeout: 60_000, what: '"Exported …"' }).catch(async (e: unknown) => {
    throw new Error(`${String(e)}; the dialog says: ${await library.$eval('dialog[open]', (d) => d.textContent).catch(() => '(no dialog)')}`);
  });
}

export async function closeExportDialog(library: Page): Promise<void> {
  await library.keyboard.press('Escape');
  await waitInPage(library, () => !document.querySelector('dialog[open]'), { what: 'the dialog to close' });
}

/** A downloaded Folio backup holds every article named in `titles`, with its body and every stored image. */
export async function expectWholeBackup(blob: Blob, titles: readonly string[]): Promise<void> {
  const zip = await zipEntries(blob);
  const json = (name: string) => JSON.parse(new TextDecoder().decode(zip.get(name))) as Record<string, unknown>;
  expect(json('manifest.json')).toMatchObject({ format: 'folio-backup', version: 1 });
  const articles = [...zip.keys()].filter((n) => n.startsWith('articles/')).map(json) as { meta: { title: string }; body: { content: string }; assets: { path: string; bytes: number }[] }[];
  expect(articles.map((a) => a.meta.title).sort()).toEqual([...titles].sort());
  for (const a of articles) {
    expect(a.body.content.length).toBeGreaterThan(1000);
    expect(a.assets.length).toBeGreaterThan(0);
    for (const ref of a.assets) expect(zip.get(ref.path)!.length).toBe(ref.bytes);
  }
}

/**
 * A downloaded Markdown zip holds exactly one `<title>.md` per article in
 * `articles`, each with front matter a YAML parser reads (title, address) and
 * its images linked to files in the zip's assets/, never to the site.
 */
export async function expectMarkdownZip(blob: Blob, articles: readonly { title: string; url: string }[]): Promise<void> {
  const zip = await zipEntries(blob);
  expect([...zip.keys()].filter((n) => n.endsWith('.md')).sort()).toEqual(articles.map((a) => `${a.title}.md`).sort());
  for (const a of articles) {
    const md = new TextDecoder().decode(zip.get(`${a.title}.md`));
    const fm = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(md)![1]!) as Record<string, unknown>;
    expect(fm).toMatchObject({ title: a.title, url: a.url });
    const links = [...md.matchAll(/!\[[^\]]*\]\((assets\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(zip.has(link), link).toBe(true);
    expect(md).not.toContain('127.0.0.1/images');
  }
}

/** A story long enough that its backup entry goes to a compression worker (entries from 16 kB do). */
export const LONG_READ = { path: '/long-read.html', title: 'The long read: a year on the harbour with its pilots' } as const;

export function addLongReadRoute(server: { addRoute(path: string, body: string): void }, sampleHtml: string, sampleTitle: string): void {
  const extra = Array.from({ length: 60 }, (_, i) =>
    `<p>Pilot log ${i + 1}: the tide turned at the outer mark, the tug stood off the breakwater and the crew counted ${i + 3} containers onto the quay before the squall came in from the straits.</p>`,
  ).join('\n');
  const at = sampleHtml.indexOf('</p>') + '</p>'.length;
  server.addRoute(LONG_READ.path, (sampleHtml.slice(0, at) + extra + sampleHtml.slice(at)).replaceAll(sampleTitle, LONG_READ.title).replaceAll('/article.html', LONG_READ.path));
}

/**
 * Counts the workers the page starts from now on, by script address: a spy on
 * the Worker constructor (the worker itself is the real one and runs).
 */
async function spyOnWorkers(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as { Worker: typeof Worker; folioWorkers?: string[] };
    scope.folioWorkers = [];
    const Real = scope.Worker;
    scope.Worker = new Proxy(Real, {
      construct(target, args: [string | URL, WorkerOptions?]) {
        scope.folioWorkers!.push(String(args[0]));
        return new target(...args);
      },
    });
  });
}

async function workersStarted(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { folioWorkers?: string[] }).folioWorkers ?? []);
}

/**
 * The long read's backup: saved through the popup by `save`, exported with the
 * dialog → the page started its compression workers for it (none before: the
 * control), the entry is over the 16 kB from which entries go to them, and
 * the zip reads back with every checksum right.
 */
export async function longReadBackupFlow(library: Page, dir: string, save: () => Promise<void>, count: number): Promise<void> {
  await save();
  await waitForValue(async () => (await library.$$('[data-row-id]')).length, (n) => n === count, `${count} rows`, 30_000);
  // The earlier backup's file would answer for this one: it goes first.
  for (const name of await readdir(dir)) if (/^folio-backup-/.test(name)) await rm(join(dir, name));
  await spyOnWorkers(library);
  expect(await workersStarted(library)).toEqual([]);
  await openExportDialog(library);
  await chooseAndExport(library, 'Folio backup');
  expect(await waitForExportDone(library)).toContain(`Exported ${count} articles`);
  const { blob } = await downloaded(dir, /^folio-backup-\d{4}-\d{2}-\d{2}\.zip$/);
  await closeExportDialog(library);
  const started = await workersStarted(library);
  expect(started.length).toBeGreaterThan(0);
  expect(started.every((url) => url.endsWith('/deflate-worker.js'))).toBe(true);
  // zipEntries reads every entry through readEntry, which checks its size and CRC-32.
  const zip = await zipEntries(blob);
  const long = [...zip].filter(([n]) => n.startsWith('articles/')).map(([, b]) => b).find((b) => new TextDecoder().decode(b).includes(LONG_READ.title));
  expect(long, 'the long read in the backup').toBeDefined();
  expect(long!.length).toBeGreaterThan(16 * 1024);
  expect(new TextDecoder().decode(long!)).toContain('Pilot log 60: the tide turned');
}
