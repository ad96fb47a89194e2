/**
 * Import e2e helpers: export files built in the test (fixtures are data; the
 * zips are made fresh), the file chooser driven as a person does, and reads of
 * Folio's IndexedDB from an extension page for assertions.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Page } from 'puppeteer';
import { makeTempDir } from './temp';
import { waitForElement } from './wait';

export interface PocketRow {
  url: string;
  title: string;
  timeAdded: number;
  tags?: string[];
  status?: 'unread' | 'archive';
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function pocketCsv(rows: readonly PocketRow[]): string {
  return ['title,url,time_added,cursor,tags,status', ...rows.map((r, i) => [r.title, r.url, String(r.timeAdded), `c${i}`, (r.tags ?? []).join('|'), r.status ?? 'unread'].map(csvCell).join(','))].join('\n') + '\n';
}

/** A Pocket export zip (part_000000.csv + annotations/part_000000.json) written to a temp file; returns its path. */
export async function writePocketZip(rows: readonly PocketRow[], annotations: { url: string; title: string; highlights: { quote: string; created_at: number }[] }[] = []): Promise<string> {
  const zip = zipSync({
    'part_000000.csv': strToU8(pocketCsv(rows)),
    ...(annotations.length ? { 'annotations/part_000000.json': strToU8(JSON.stringify(annotations)) } : {}),
  });
  const dir = await makeTempDir('folio-import');
  const path = join(dir, 'pocket-export.zip');
  await writeFile(path, zip);
  return path;
}

/** Chooses `path` in the library's import file chooser (the hidden input behind the "Import" button). */
export async function chooseImportFile(library: Page, path: string): Promise<void> {
  const input = await waitForElement(library, 'input[data-import-file]');
  await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
}

/** The numbers in the import dialog, by their label. */
export async function dialogCounts(library: Page): Promise<Record<string, number>> {
  return library.$$eval('dialog[open] dl > div', (cells) =>
    Object.fromEntries(cells.map((c) => [c.querySelector('dt')!.textContent!.trim(), Number(c.querySelector('dd')!.textContent!.replace(/[^\d]/g, ''))])),
  );
}

/** Every record of one store of Folio's database. `page` must be a Folio extension page. */
export async function storeRecords<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('folio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return out;
  }, store) as Promise<T[]>;
}

export interface StoredMeta {
  id: string;
  url: string;
  title: string;
  tags: string[];
  savedAt: number;
  archivedAt?: number;
  fetchState?: { status: string; reason?: string };
}
