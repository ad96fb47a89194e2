/**
 * Reading a zip the user chose to import: the import's caps and sentences over
 * Folio's one zip reader (zip-reader.ts, by the central directory). Every cap
 * is checked on what the directory declares before an entry is inflated, and
 * the reader stops any entry that inflates past its declared size, so a zip
 * bomb's lies cost nothing: an entry over its size cap or an absurd compression
 * ratio, or entries that together pass the total, refuse the file before the
 * first byte is inflated. A name that could escape a folder (`../`, `/etc/…`,
 * `C:\…`) refuses the whole file, because an export never contains one and a
 * file that does is not what it claims to be.
 *
 * Nothing is written to disk; the entries Folio wants are read into memory
 * (the caller's `want` says which), the others are never read.
 */
import { ImportFileError } from './import-error';
import type { ImportLimits } from './limits';
import { listZip, readEntry, ZipFormatError, ZipSource, type ZipEntry } from './zip-reader';

export type ZipEntries = Map<string, Uint8Array>;

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
const MB = 1024 * 1024;

export function looksLikeZip(head: Uint8Array): boolean {
  return LOCAL_HEADER.every((b, i) => head[i] === b) || END_OF_DIRECTORY.every((b, i) => head[i] === b);
}

/** Why a zip entry's name is unsafe, or null. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'contains a NUL character';
  if (/^[/\\]/.test(name)) return 'is an absolute path';
  if (/^[a-zA-Z]:/.test(name)) return 'names a drive';
  if (name.split(/[/\\]/).includes('..')) return 'climbs out of its folder (../)';
  return null;
}

const CUT_SHORT = 'This zip ends before it should (the download or copy was cut short). Download the export again; Folio imported nothing.';

function bomb(entry: ZipEntry, over: number): ImportFileError {
  return new ImportFileError(
    'zip-bomb',
    `“${entry.name}” in this zip inflates far beyond any export (over ${Math.round(over / MB)} MB from ${Math.max(1, Math.round(entry.compressedSize / 1024))} kB); Folio stopped reading and imported nothing.`,
  );
}

/**
 * The smallest per-entry cap `entry` declares itself past, or null when it is
 * within them. The ratio counts once the entry passes `ratioFloorBytes`: small
 * files of repeated markup compress far better than 1:200 and are harmless.
 */
function capPassed(entry: ZipEntry, limits: ImportLimits): number | null {
  const caps: number[] = [];
  if (entry.size > limits.maxEntryBytes) caps.push(limits.maxEntryBytes);
  if (entry.size > limits.ratioFloorBytes && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
    caps.push(Math.max(limits.ratioFloorBytes, entry.compressedSize * limits.maxRatio));
  }
  return caps.length ? Math.min(...caps) : null;
}

/** The reader's error as the import words it; `entry` when it happened reading one. */
function asImportError(error: unknown, head: Uint8Array, limits: ImportLimits, entry?: ZipEntry): unknown {
  if (!(error instanceof ZipFormatError)) return error;
  switch (error.problem) {
    case 'no-directory':
      // A zip's start with no end record is a zip cut short; anything else is not a zip at all.
      return looksLikeZip(head) ? new ImportFileError('truncated', CUT_SHORT) : new ImportFileError('not-a-zip', 'This file is not a zip archive.');
    case 'cut-short':
      return new ImportFileError('truncated', CUT_SHORT);
    case 'too-many':
      return new ImportFileError('too-many', `This zip holds more than ${limits.maxEntries.toLocaleString('en')} entries; Folio did not import it.`);
    case 'too-large':
    case 'overflows':
      return entry ? bomb(entry, entry.size) : error;
    case 'unsupported-compression':
      return entry ? unsupported(entry) : error;
    case 'damaged':
      return entry
        ? new ImportFileError('truncated', `“${entry.name}” in this zip is damaged (${error.detail}); Folio did not import the file.`)
        : new ImportFileError('truncated', `This zip is damaged and cannot be read (${error.detail}).`);
  }
}

function unsupported(entry: ZipEntry): ImportFileError {
  return new ImportFileError('unsupported-compression', `“${entry.name}” is compressed with a method Folio cannot read (method ${entry.method}); zip it again with ordinary compression.`);
}

/**
 * The entries of the zip `blob` that `want` accepts, read whole. Throws
 * ImportFileError (not a zip, truncated, unsafe name, bomb, too many entries,
 * unsupported compression) before returning anything.
 */
export async function readZip(blob: Blob, limits: ImportLimits, want: (name: string) => boolean = () => true): Promise<ZipEntries> {
  const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  if (head.length < 4 || !looksLikeZip(head)) throw new ImportFileError('not-a-zip', 'This file is not a zip archive.');
  const source = new ZipSource(blob);
  let listed: ZipEntry[];
  try {
    listed = await listZip(source, limits.maxEntries);
  } catch (error) {
    throw asImportError(error, head, limits);
  }

  // Every name is checked, wanted or not: one unsafe name says the file is not an export.
  const wanted: ZipEntry[] = [];
  let declared = 0;
  for (const entry of listed) {
    const unsafe = unsafeEntryName(entry.name);
    if (unsafe) throw new ImportFileError('unsafe-path', `This zip holds an entry whose name ${unsafe} (“${entry.name.slice(0, 80)}”). Exports never do; Folio did not import it.`);
    if (entry.name.endsWith('/') || !want(entry.name)) continue;
    if (entry.method !== 0 && entry.method !== 8) throw unsupported(entry);
    const over = capPassed(entry, limits);
    if (over !== null) throw bomb(entry, over);
    declared += entry.size;
    if (declared > limits.maxInflatedBytes) {
      throw new ImportFileError('zip-bomb', `The files in this zip inflate to over ${Math.round(limits.maxInflatedBytes / MB)} MB together, far beyond any export; Folio stopped reading and imported nothing.`);
    }
    wanted.push(entry);
  }

  // In the order they were written, so consecutive entries come from one read of the file.
  wanted.sort((a, b) => a.offset - b.offset);
  const kept: ZipEntries = new Map();
  for (const entry of wanted) {
    try {
      kept.set(entry.name, await readEntry(source, entry, limits.maxEntryBytes));
    } catch (error) {
      throw asImportError(error, head, limits, entry);
    }
  }
  return kept;
}
