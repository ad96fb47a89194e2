/**
 * Hostile and broken backups: each is refused with a message that says what
 * is wrong, and the library is left as it was (restoreBackup checks the whole
 * file before it writes the first article). The valid backup they are made
 * from restores: the positive control.
 */
import { IDBFactory } from 'fake-indexeddb';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAll } from '@/utils/db/library-repository';
import { closeDB, db } from '@/utils/db/open';
import { readBundles } from '@/utils/db/transfer';
import { restoreBackup } from '@/utils/transfer/backup/restore';
import { writeBackup } from '@/utils/transfer/backup/writer';
import { bundlesOf } from '@/utils/transfer/source';
import { listZip, readEntry } from '@/utils/transfer/zip-reader';
import { seedLibrary } from '../helpers/export-library';

let valid: Record<string, Uint8Array>;

beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  await seedLibrary(4);
  const ids = (await listAll()).map((m) => m.id);
  const { blob } = await writeBackup(bundlesOf(ids, readBundles));
  valid = {};
  for (const e of await listZip(blob)) valid[e.name] = await readEntry(blob, e, 1e8);
  await closeDB();
});
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const zipOf = (files: Record<string, Uint8Array>) => new Blob([zipSync(files as Zippable) as BlobPart]);
const json = (value: unknown) => strToU8(JSON.stringify(value));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test edits of parsed JSON
type Loose = Record<string, any>;
const article = (name: string) => JSON.parse(new TextDecoder().decode(valid[name])) as Loose;
const withArticle = (name: string, change: (a: Loose) => void) => {
  const a = article(name);
  change(a);
  return { ...valid, [name]: json(a) };
};

async function expectRefused(file: Blob, message: RegExp): Promise<void> {
  await expect(restoreBackup(file)).rejects.toThrow(message);
  const conn = await db();
  for (const store of ['articles', 'bodies', 'assets', 'highlights', 'searchDocs'] as const) expect(await conn.count(store), store).toBe(0);
}

/** The zip's bytes with the central directory's uncompressed size of `name` set to `size`. */
async function withDeclaredSize(files: Record<string, Uint8Array>, name: string, size: number): Promise<Blob> {
  const bytes = zipSync(files as Zippable);
  const entries = await listZip(new Blob([bytes as BlobPart]));
  const view = new DataView(bytes.buffer);
  // Walk the central directory to the entry and patch its size field (offset 24).
  let at = view.getUint32(bytes.length - 22 + 16, true);
  for (const e of entries) {
    if (e.name === name) view.setUint32(at + 24, size, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return new Blob([bytes as BlobPart]);
}

describe('hostile backups change nothing', () => {
  it('positive control: the unmodified backup restores all four articles', async () => {
    expect(await restoreBackup(zipOf(valid))).toEqual({ restored: 4, duplicates: 0 });
  });

  it('not a zip at all', async () => {
    await expectRefused(new Blob(['title,url\nA,https://a.example/']), /not a zip archive/);
  });

  it('a zip cut short', async () => {
    const whole = zipSync(valid as Zippable);
    await expectRefused(new Blob([whole.subarray(0, whole.length - 100) as BlobPart]), /not a zip archive|cut short|damaged/);
  });

  it('a zip without manifest.json (another program’s zip)', async () => {
    const { 'manifest.json': _m, ...rest } = valid;
    await expectRefused(zipOf(rest), /not a Folio backup/);
  });

  it('a manifest naming another format', async () => {
    await expectRefused(zipOf({ ...valid, 'manifest.json': json({ format: 'pocket', version: 1 }) }), /not a Folio backup/);
  });

  it('a newer format version', async () => {
    await expectRefused(zipOf({ ...valid, 'manifest.json': json({ format: 'folio-backup', version: 2 }) }), /newer Folio.*version 2/);
  });

  it('an article that is not JSON, after good ones', async () => {
    await expectRefused(zipOf({ ...valid, 'articles/000003.json': strToU8('{"meta": {') }), /000003\.json.*not valid JSON/);
  });

  it('an article whose URL is javascript:', async () => {
    await expectRefused(zipOf(withArticle('articles/000002.json', (a) => { a.meta.url = 'javascript:alert(1)'; })), /000002\.json.*meta\.url/);
  });

  it('a highlight belonging to another article', async () => {
    const name = Object.keys(valid).find((n) => n.startsWith('articles/') && article(n).highlights.length > 0)!;
    await expectRefused(zipOf(withArticle(name, (a) => { a.highlights[0].articleId = 'someone-else'; })), /another article/);
  });

  it('an entry with a ../ path', async () => {
    await expectRefused(zipOf({ ...valid, '../../evil.json': json({}) }), /unsafe path/);
  });

  it('an image path pointing into another article’s folder', async () => {
    const withImage = Object.keys(valid).find((n) => n.startsWith('assets/000001/'))!;
    const other = { ...valid, 'assets/000002/9.png': valid[withImage]! };
    const a = article('articles/000001.json');
    a.assets[0].path = 'assets/000002/9.png';
    await expectRefused(zipOf({ ...other, 'articles/000001.json': json(a) }), /image of another article/);
  });

  it('an image named by the article but missing from the zip', async () => {
    const withImage = Object.keys(valid).find((n) => n.startsWith('assets/000001/'))!;
    const { [withImage]: _gone, ...rest } = valid;
    await expectRefused(zipOf(rest), /not in the backup/);
  });

  it('a file Folio does not know', async () => {
    await expectRefused(zipOf({ ...valid, 'articles/notes.txt': strToU8('hello') }), /does not know/);
  });

  it('an entry declaring a huge size (a zip bomb) is refused before it is inflated', async () => {
    await expectRefused(await withDeclaredSize(valid, 'articles/000002.json', 0xfffffff0), /zip bomb|too large/);
  });

  it('an entry inflating to more than it declares', async () => {
    await expectRefused(await withDeclaredSize(valid, 'articles/000002.json', 10), /more than it declares|damaged/);
  });
});
