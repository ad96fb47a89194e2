/**
 * Reading a zip the user chose to import, with fflate's streaming Unzip so that
 * the caps hold while inflating: an entry is stopped the moment it passes its
 * size cap or an absurd compression ratio (a zip bomb's headers can claim any
 * size), the total inflated size is capped, and a name that could escape a
 * folder (`../`, `/etc/…`, `C:\…`) refuses the whole file, because an export
 * never contains one and a file that does is not what it claims to be.
 *
 * Nothing is written to disk; the entries Folio wants are kept in memory (the
 * caller's `want` says which), the rest are inflated only to be counted.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { ImportFileError } from './import-error';
import type { ImportLimits } from './limits';

export type ZipEntries = Map<string, Uint8Array>;

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
/** The end-of-directory record is 22 bytes plus a comment of at most 65,535. */
const TAIL_BYTES = 22 + 0xffff;
/** Compressed bytes handed to the inflater at a time: bounds what one step can inflate. */
const PUSH_BYTES = 4096;

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

function hasEndOfDirectory(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) return true;
  }
  return false;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Inflates the zip streamed as `chunks`, keeping the entries `want` accepts.
 * Throws ImportFileError (not a zip, truncated, unsafe name, bomb, too many
 * entries, unsupported compression) before returning anything.
 */
export async function readZip(chunks: AsyncIterable<Uint8Array>, limits: ImportLimits, want: (name: string) => boolean = () => true): Promise<ZipEntries> {
  const kept: ZipEntries = new Map();
  let problem: ImportFileError | null = null;
  let pushed = 0;
  let inflatedTotal = 0;
  let entries = 0;
  const open = new Set<string>();
  let head: Uint8Array | null = null;
  let tail = new Uint8Array(0);

  const unzip = new Unzip((file: UnzipFile) => {
    if (problem) return;
    const unsafe = unsafeEntryName(file.name);
    if (unsafe) {
      problem = new ImportFileError('unsafe-path', `This zip holds an entry whose name ${unsafe} (“${file.name.slice(0, 80)}”). Exports never do; Folio did not import it.`);
      return;
    }
    if (++entries > limits.maxEntries) {
      problem = new ImportFileError('too-many', `This zip holds more than ${limits.maxEntries.toLocaleString('en')} entries; Folio did not import it.`);
      return;
    }
    if (file.name.endsWith('/')) return;
    if (file.compression !== 0 && file.compression !== 8) {
      problem = new ImportFileError('unsupported-compression', `“${file.name}” is compressed with a method Folio cannot read (method ${file.compression}); zip it again with ordinary compression.`);
      return;
    }
    const keep = want(file.name);
    const parts: Uint8Array[] = [];
    let size = 0;
    open.add(file.name);
    file.ondata = (error, data, final) => {
      if (problem) return;
      if (error) {
        problem = new ImportFileError('truncated', `“${file.name}” in this zip is damaged (${error.message}); Folio did not import the file.`);
        return;
      }
      size += data.byteLength;
      inflatedTotal += data.byteLength;
      const compressed = file.size ?? pushed;
      if (size > limits.maxEntryBytes || inflatedTotal > limits.maxInflatedBytes || (size > limits.ratioFloorBytes && size / Math.max(1, compressed) > limits.maxRatio)) {
        problem = new ImportFileError('zip-bomb', `“${file.name}” in this zip inflates far beyond any export (over ${Math.round(size / 1048576)} MB from ${Math.max(1, Math.round(compressed / 1024))} kB); Folio stopped reading and imported nothing.`);
        file.terminate();
        return;
      }
      if (keep && data.byteLength) parts.push(data);
      if (final) {
        open.delete(file.name);
        if (keep) kept.set(file.name, concat(parts, size));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);

  const throwIfProblem = () => {
    if (problem) throw problem;
  };
  try {
    for await (const chunk of chunks) {
      if (!head) {
        head = chunk.subarray(0, 4);
        if (chunk.byteLength >= 4 && !looksLikeZip(head)) throw new ImportFileError('not-a-zip', 'This file is not a zip archive.');
      }
      pushed += chunk.byteLength;
      const joined = new Uint8Array(Math.min(TAIL_BYTES, tail.byteLength + chunk.byteLength));
      const fromChunk = Math.min(chunk.byteLength, joined.byteLength);
      joined.set(tail.subarray(tail.byteLength - (joined.byteLength - fromChunk)), 0);
      joined.set(chunk.subarray(chunk.byteLength - fromChunk), joined.byteLength - fromChunk);
      tail = joined;
      // Deflate expands at most ~1:1032, so a 4 kB push inflates to at most ~4 MB before the
      // caps are checked again: pushing a whole 1 MB chunk of a bomb would inflate 1 GB at once.
      for (let at = 0; at < chunk.byteLength; at += PUSH_BYTES) {
        unzip.push(chunk.subarray(at, at + PUSH_BYTES), false);
        throwIfProblem();
      }
    }
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throwIfProblem();
    throw new ImportFileError('truncated', `This zip is damaged and cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  throwIfProblem();
  if (pushed < 4 || !head || !looksLikeZip(head)) throw new ImportFileError('not-a-zip', 'This file is not a zip archive.');
  if (open.size > 0 || !hasEndOfDirectory(tail)) {
    throw new ImportFileError('truncated', 'This zip ends before it should (the download or copy was cut short). Download the export again; Folio imported nothing.');
  }
  return kept;
}

/**
 * A Blob (the picked File) as chunks, read a slice at a time: only one slice is
 * in memory beside what the zip reader keeps (slices work in every context,
 * jsdom included, where Blob.stream does not).
 */
export async function* blobChunks(blob: Blob, size = 1024 * 1024): AsyncIterable<Uint8Array> {
  for (let at = 0; at < blob.size; at += size) yield new Uint8Array(await blob.slice(at, at + size).arrayBuffer());
}

/** Bytes already in memory, in chunks (tests, small files). */
export async function* byteChunks(bytes: Uint8Array, size = 64 * 1024): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}
