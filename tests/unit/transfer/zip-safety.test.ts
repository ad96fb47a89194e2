/**
 * Hostile zips: entry names that climb out of a folder or are absolute, a zip
 * bomb built here (a few kB that inflate to far past the caps), too many
 * entries, a truncated download. Each is refused with its own message, while
 * inflating stops early (bounded work: the bomb's inflated bytes never
 * accumulate), and each has a positive control that the same shape within
 * the limits reads.
 */
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { IMPORT_LIMITS, type ImportLimits } from '@/utils/transfer/limits';
import { ImportFileError } from '@/utils/transfer/import-error';
import { byteChunks, readZip, unsafeEntryName } from '@/utils/transfer/zip';
import { zipFolder } from './fixture-zip';

const code = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  return e instanceof ImportFileError ? e.code : `no ImportFileError: ${String(e)}`;
};

/** fflate's zipSync refuses nothing: it writes whatever name it is given, like a hostile tool would. */
const zipOf = (files: Record<string, Uint8Array>, level: 0 | 9 = 9) => zipSync(files, { level });

describe('zip entry names', () => {
  it.each(['../evil.txt', 'a/../../evil.txt', '/etc/passwd', '\\windows\\evil', 'C:\\evil.txt', 'a\\..\\..\\evil'])('refuses %s', async (name) => {
    expect(unsafeEntryName(name)).not.toBeNull();
    expect(await code(readZip(byteChunks(zipOf({ 'part_000000.csv': strToU8('url\n'), [name]: strToU8('x') })), IMPORT_LIMITS))).toBe('unsafe-path');
  });

  it('ordinary nested names and dots inside names are fine', async () => {
    for (const name of ['annotations/part_000000.json', 'content/a..b.html', '.hidden/x', 'pocket/part_000000.csv']) expect(unsafeEntryName(name)).toBeNull();
    const entries = await readZip(byteChunks(zipOf({ 'annotations/part_000000.json': strToU8('[]'), 'content/a..b.html': strToU8('<p>') })), IMPORT_LIMITS);
    expect([...entries.keys()].sort()).toEqual(['annotations/part_000000.json', 'content/a..b.html']);
  });
});

describe('zip bombs', () => {
  const limits: ImportLimits = { ...IMPORT_LIMITS, maxEntryBytes: 20 * 1024 * 1024, maxInflatedBytes: 30 * 1024 * 1024 };

  it('an entry that inflates past its ratio is stopped while inflating, whatever its header claims', async () => {
    // 64 MB of zeros deflates to ~64 kB: a 1:1000 ratio, like a bomb's layers.
    const bomb = zipOf({ 'part_000000.csv': new Uint8Array(64 * 1024 * 1024) });
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    const error = await readZip(byteChunks(bomb), limits).catch((e: unknown) => e);
    expect((error as ImportFileError).code).toBe('zip-bomb');
    // It stopped once the ratio passed 1:200 (about 13 MB in), long before the 64 MB the entry holds.
    const mb = Number(/over (\d+) MB/.exec((error as ImportFileError).message)?.[1]);
    expect(mb).toBeGreaterThan(0);
    expect(mb).toBeLessThanOrEqual(20);
  });

  it('many entries that each pass but together exceed the total are stopped too', async () => {
    const files: Record<string, Uint8Array> = {};
    // Incompressible-ish content so the ratio check does not trip first: 8 × 5 MB = 40 MB > 30 MB total.
    const noise = new Uint8Array(5 * 1024 * 1024);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    for (let i = 0; i < 8; i++) files[`content/${i}.html`] = noise;
    expect(await code(readZip(byteChunks(zipOf(files, 0)), limits))).toBe('zip-bomb');
    // Positive control: five of them (25 MB) are within the total.
    const five = Object.fromEntries(Object.entries(files).slice(0, 5));
    expect((await readZip(byteChunks(zipOf(five, 0)), limits)).size).toBe(5);
  });

  it('more entries than the cap are refused', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 30; i++) files[`content/${i}.html`] = strToU8('x');
    expect(await code(readZip(byteChunks(zipOf(files)), { ...IMPORT_LIMITS, maxEntries: 20 }))).toBe('too-many');
    expect((await readZip(byteChunks(zipOf(files)), { ...IMPORT_LIMITS, maxEntries: 30 })).size).toBe(30);
  });
});

describe('damaged zips', () => {
  const whole = zipFolder('pocket', 'pocket/');

  it('a truncated download is refused, wherever it was cut', async () => {
    for (const keep of [0.3, 0.6, 0.9, 0.99]) {
      expect(await code(readZip(byteChunks(whole.subarray(0, Math.floor(whole.byteLength * keep)), 512), IMPORT_LIMITS)), `cut at ${keep}`).toBe('truncated');
    }
    // Positive control: the whole file reads.
    expect((await readZip(byteChunks(whole, 512), IMPORT_LIMITS)).size).toBe(3);
  });

  it('a file that is not a zip is said to be one', async () => {
    expect(await code(readZip(byteChunks(strToU8('title,url\n')), IMPORT_LIMITS))).toBe('not-a-zip');
  });
});
