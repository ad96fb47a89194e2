/**
 * The Export dialog as tests drive it, and its downloads caught in a temp
 * folder: Chromium through CDP (Browser.setDownloadBehavior), Firefox through
 * its download prefs (BiDi has no download command in puppeteer; with
 * `browser.download.useDownloadDir` and a folder set, a download is saved
 * there without asking, headless too). Shared by the export and backup files.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listZip, readEntry } from '../../../utils/transfer/zip-reader';
import type { ChromiumSession } from './chromium';
import type { FirefoxSession } from './firefox';
import { waitForValue } from './pages';

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
  await library.waitForSelector('dialog[open] #export-title');
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
  const handle = await library.waitForFunction(() => {
    const text = document.querySelector('dialog[open] [aria-live]')?.textContent ?? '';
    return text.startsWith('Exported') ? text : null;
  }, { timeout: 60_000 }).catch(async (e: unknown) => {
    throw new Error(`${String(e)}; the dialog says: ${await library.$eval('dialog[open]', (d) => d.textContent).catch(() => '(no dialog)')}`);
  });
  return (await handle.jsonValue()) as string;
}

export async function closeExportDialog(library: Page): Promise<void> {
  await library.keyboard.press('Escape');
  await library.waitForFunction(() => !document.querySelector('dialog[open]'));
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
