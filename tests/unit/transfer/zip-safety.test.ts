/**
 * Hostile zips: entry names that climb out of a folder or are absolute, a zip
 * bomb built here (a few kB that inflate to far past the caps), each cap on
 * its own (ratio, entry size, total), a directory that lies about a size, too
 * many entries, a truncated download, a damaged entry. Each is refused with
 * its own message, before or while inflating (bounded work: the bomb's
 * inflated bytes never accumulate), and each has a positive control that the
 * same shape within the limits reads. Then zips as other writers make them:
 * streamed entries whose bytes hold a header's signature, and zip64.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, Zip, ZipPassThrough, zipSync } from 'fflate';
import { IMPORT_LIMITS, type ImportLimits } from '@/utils/transfer/limits';
import { ImportFileError } from '@/utils/transfer/import-error';
import { readZip, unsafeEntryName } from '@/utils/transfer/zip';
import { asZip64, zipFolder } from './fixture-zip';

const code = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  return e instanceof ImportFileError ? e.code : `no ImportFileError: ${String(e)}`;
};

/** fflate's zipSync refuses nothing: it writes whatever name it is given, like a hostile tool would. */
const zipOf = (files: Record<string, Uint8Array>, level: 0 | 9 = 9) => zipSync(files, { level });
/** The picked file, as the Import dialog hands it over. */
const blobOf = (bytes: Uint8Array) => new Blob([bytes as BlobPart]);

/** Calls `edit` with the offset of each central directory entry of `zip` (patched in place). */
function patchDirectory(zip: Uint8Array, edit: (v: DataView, at: number, name: string) => void): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  let at = v.getUint32(eocd + 16, true);
  for (let n = 0; n < v.getUint16(eocd + 10, true); n++) {
    const nameLength = v.getUint16(at + 28, true);
    edit(v, at, new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return zip;
}

/** Incompressible-ish bytes, so the ratio check does not trip. */
function noise(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < out.length; i++) out[i] = (i * 2654435761) >>> 24;
  return out;
}

describe('zip entry names', () => {
  it.each(['../evil.txt', 'a/../../evil.txt', '/etc/passwd', '\\windows\\evil', 'C:\\evil.txt', 'a\\..\\..\\evil'])('refuses %s', async (name) => {
    expect(unsafeEntryName(name)).not.toBeNull();
    expect(await code(readZip(blobOf(zipOf({ 'part_000000.csv': strToU8('url\n'), [name]: strToU8('x') })), IMPORT_LIMITS))).toBe('unsafe-path');
  });

  it('ordinary nested names and dots inside names are fine', async () => {
    for (const name of ['annotations/part_000000.json', 'content/a..b.html', '.hidden/x', 'pocket/part_000000.csv']) expect(unsafeEntryName(name)).toBeNull();
    const entries = await readZip(blobOf(zipOf({ 'annotations/part_000000.json': strToU8('[]'), 'content/a..b.html': strToU8('<p>') })), IMPORT_LIMITS);
    expect([...entries.keys()].sort()).toEqual(['annotations/part_000000.json', 'content/a..b.html']);
  });
});

describe('zip bombs', () => {
  const limits: ImportLimits = { ...IMPORT_LIMITS, maxEntryBytes: 20 * 1024 * 1024, maxInflatedBytes: 30 * 1024 * 1024 };

  it('an entry that inflates past its ratio is stopped while inflating, whatever its header claims', async () => {
    // 64 MB of zeros deflates to ~64 kB: a 1:1000 ratio, like a bomb's layers.
    const bomb = zipOf({ 'part_000000.csv': new Uint8Array(64 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const error = await readZip(blobOf(bomb), limits).catch((e: unknown) => e);
    expect((error as ImportFileError).code).toBe('zip-bomb');
    // It was refused at the ratio's cap (1:200, about 13 MB), long before the 64 MB the entry holds.
    const mb = Number(/over (\d+) MB/.exec((error as ImportFileError).message)?.[1]);
    expect(mb).toBeGreaterThan(0);
    expect(mb).toBeLessThanOrEqual(20);
  });

  it('many entries that each pass but together exceed the total are stopped too', async () => {
    const files: Record<string, Uint8Array> = {};
    // Incompressible-ish content so the ratio check does not trip first: 8 × 5 MB = 40 MB > 30 MB total.
    const five = noise(5 * 1024 * 1024);
    for (let i = 0; i < 8; i++) files[`content/${i}.html`] = five;
    expect(await code(readZip(blobOf(zipOf(files, 0)), limits))).toBe('zip-bomb');
    // Positive control: five of them (25 MB) are within the total.
    const within = Object.fromEntries(Object.entries(files).slice(0, 5));
    expect((await readZip(blobOf(zipOf(within, 0)), limits)).size).toBe(5);
  });

  // Smaller caps for the ones below, so each file is small enough to build quickly.
  const small: ImportLimits = { ...IMPORT_LIMITS, maxEntryBytes: 4 * 1024 * 1024, maxInflatedBytes: 6 * 1024 * 1024 };
  const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.from(a).equals(Buffer.from(b));

  it('the ratio alone stops an entry within the size cap', async () => {
    // 3 MB of zeros: under the 4 MB entry cap and the 6 MB total, but 1:1000.
    expect(await code(readZip(blobOf(zipOf({ 'part_000000.csv': new Uint8Array(3 * 1024 * 1024) })), small))).toBe('zip-bomb');
    // Positive control: text-like content of the same size (about 1:5) reads.
    const text = strToU8(Array.from({ length: 90_000 }, (_, i) => `row ${(i * 7919) % 100_003},https://a.example/${i}`).join('\n'));
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(same((await readZip(blobOf(zipOf({ 'part_000000.csv': text })), small)).get('part_000000.csv'), text)).toBe(true);
  });

  it('the entry cap alone stops an incompressible entry past it', async () => {
    expect(await code(readZip(blobOf(zipOf({ 'content/big.html': noise(5 * 1024 * 1024) }, 0)), small))).toBe('zip-bomb');
    const within = noise(3 * 1024 * 1024);
    expect(same((await readZip(blobOf(zipOf({ 'content/big.html': within }, 0)), small)).get('content/big.html'), within)).toBe(true);
  });

  it('a directory that understates an entry’s size is stopped while inflating, at the size it claims', async () => {
    // 16 MB of zeros declared as 1 MB: every cap passes on paper; the inflater must stop at 1 MB.
    const lying = patchDirectory(zipOf({ 'part_000000.csv': new Uint8Array(16 * 1024 * 1024) }), (v, at) => v.setUint32(at + 24, 1024 * 1024, true));
    expect(await code(readZip(blobOf(lying), small))).toBe('zip-bomb');
  });

  it('more entries than the cap are refused', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) files[`content/${i}.html`] = strToU8('x');
    expect(await code(readZip(blobOf(zipOf(files)), { ...IMPORT_LIMITS, maxEntries: 20 }))).toBe('too-many');
    expect((await readZip(blobOf(zipOf(files)), { ...IMPORT_LIMITS, maxEntries: 30 })).size).toBe(30);
  });
});

describe('damaged zips', () => {
  const whole = zipFolder('pocket', 'pocket/');

  it('a truncated download is refused, wherever it was cut', async () => {
    for (const keep of [0.3, 0.6, 0.9, 0.99]) {
      expect(await code(readZip(blobOf(whole.subarray(0, Math.floor(whole.byteLength * keep))), IMPORT_LIMITS)), `cut at ${keep}`).toBe('truncated');
    }
    // Positive control: the whole file reads.
    expect((await readZip(blobOf(whole), IMPORT_LIMITS)).size).toBe(3);
  });

  it('an entry whose bytes were changed is refused by its checksum', async () => {
    const zip = zipOf({ 'part_000000.csv': strToU8('title,url\nA,https://a.example/\n') }, 0);
    const at = zip.indexOf(0x41); // the "A" of the row, stored as is
    const damaged = zip.slice();
    damaged[at] = 0x42;
    const error = await readZip(blobOf(damaged), IMPORT_LIMITS).catch((e: unknown) => e);
    expect((error as ImportFileError).code).toBe('truncated');
    expect((error as ImportFileError).message).toMatch(/part_000000\.csv.*damaged.*checksum/);
    expect((await readZip(blobOf(zip), IMPORT_LIMITS)).size).toBe(1);
  });

  it('an entry the import does not want is never read', async () => {
    const zip = zipOf({ 'part_000000.csv': strToU8('url\n'), 'notes/other.bin': strToU8('something else entirely') }, 0);
    const damaged = zip.slice();
    damaged[zip.indexOf(0x73)] = 0x53; // the "s" of "something": a bad checksum, if it were read
    const entries = await readZip(blobOf(damaged), IMPORT_LIMITS, (n) => n.endsWith('.csv'));
    expect([...entries.keys()]).toEqual(['part_000000.csv']);
  });

  it('a file that is not a zip is said to be one', async () => {
    expect(await code(readZip(blobOf(strToU8('title,url\n')), IMPORT_LIMITS))).toBe('not-a-zip');
  });
});

describe('zips as other writers make them', () => {
  it('a streamed entry (sizes after its data) whose bytes hold a header’s signature reads whole', async () => {
    // A streaming reader ends such an entry at the first bytes that look like a header or a
    // data descriptor; the central directory says where it really ends.
    const content = strToU8('title,url\nA,https://a.example/\nPK\u0003\u0004 and PK\u0007\u0008 in a cell\nB,https://b.example/\n');
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    const entry = new ZipPassThrough('part_000000.csv');
    zip.add(entry);
    entry.push(content, true);
    zip.end();
    const entries = await readZip(new Blob(chunks as BlobPart[]), IMPORT_LIMITS);
    expect(entries.get('part_000000.csv')).toEqual(content);
  });

  it('zip64 (sizes, offsets and the count in zip64 records) reads like the classic form', async () => {
    const files = { 'part_000000.csv': strToU8('title,url\nA,https://a.example/\n'), 'annotations/part_000000.json': strToU8('[]') };
    const entries = await readZip(blobOf(asZip64(zipOf(files))), IMPORT_LIMITS);
    expect(Object.fromEntries(entries)).toEqual(files);
    // The caps read the zip64 sizes too.
    const bomb = asZip64(zipOf({ 'part_000000.csv': new Uint8Array(8 * 1024 * 1024) }));
    expect(await code(readZip(blobOf(bomb), { ...IMPORT_LIMITS, maxEntryBytes: 4 * 1024 * 1024 }))).toBe('zip-bomb');
  });
});
