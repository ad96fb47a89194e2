/**
 * Reading a zip from a Blob by its central directory, entry by entry: Folio's
 * one zip reader. The import (utils/transfer/zip.ts words its caps and errors
 * for the Import dialog) and the backup (utils/transfer/backup/reader.ts) both
 * read through it, so a fix to how a zip is parsed is made once.
 *
 * Why not fflate's streaming Unzip: for entries written with a data descriptor
 * (every streaming writer, fflate's own Zip included) it finds where an entry
 * ends by scanning for the descriptor's signature, and compressed or image
 * bytes contain that signature by chance (about once per gigabyte): a large
 * backup would be cut at a random place. A Blob can be read anywhere, so the
 * central directory (which states every entry's offset and sizes) is exact,
 * and an entry nobody wants is never read at all. Only this index is parsed
 * here; inflating is fflate's.
 *
 * Everything in the file is untrusted: offsets and sizes are bounds-checked,
 * declared sizes are capped before anything is inflated, and the inflated size
 * and CRC must match what the directory says (a zip bomb or a corrupt entry
 * stops with ZipFormatError). Callers refuse unsafe names (isSafeEntryName
 * here; the import's own rule in zip.ts).
 */
import { Inflate } from 'fflate';

/**
 * What went wrong, for callers that word it their own way (the import's
 * ImportFileError codes: utils/transfer/zip.ts); `message` is a sentence of its own.
 */
export type ZipProblem =
  /** No end-of-directory record: not a zip, or one cut short (only the caller's sniff of the head can tell). */
  | 'no-directory'
  /** The directory or an entry does not add up: out-of-bounds offsets, a missing header, a bad checksum, bad deflate data. */
  | 'damaged'
  /** An entry's bytes run past the end of the file. */
  | 'cut-short'
  | 'too-many'
  /** An entry declares more bytes than the caller allows. */
  | 'too-large'
  /** An entry inflates past the size it declares (a lying directory: a zip bomb's trick). */
  | 'overflows'
  | 'unsupported-compression';

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
  constructor(
    readonly problem: ZipProblem,
    message: string,
    /** The fault alone, without the entry's name ("size or checksum does not match"), for callers' own sentences. */
    readonly detail = message,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** A classic field at its maximum means "see the zip64 record". */
const SAT16 = 0xffff;
const SAT32 = 0xffffffff;

function u16(v: DataView, at: number): number {
  return v.getUint16(at, true);
}
function u32(v: DataView, at: number): number {
  return v.getUint32(at, true);
}
/** A zip64 field; beyond 2^53 no Blob reaches, so the bounds checks refuse it. */
function u64(v: DataView, at: number): number {
  return u32(v, at) + u32(v, at + 4) * 2 ** 32;
}

/** An entry name that stays inside the folder it is unpacked into. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 1024) return false;
  if (name.startsWith('/') || name.includes('\\') || /^[a-z]:/i.test(name) || name.includes('\u0000')) return false;
  return name.split('/').every((part, i, all) => part !== '..' && part !== '.' && (part !== '' || i === all.length - 1));
}

/**
 * A Blob read through a window of consecutive bytes. Each `slice().arrayBuffer()`
 * of a picked File is a round trip to the browser's blob store; a zip of 100,000
 * small entries (an Omnivore export) read entry by entry would pay two per entry.
 * Entries read in offset order (the order they were written) share one window.
 */
export class ZipSource {
  private start = 0;
  private bytes: Uint8Array = new Uint8Array(0);

  constructor(
    readonly blob: Blob,
    private readonly windowBytes = 1024 * 1024,
  ) {}

  get size(): number {
    return this.blob.size;
  }

  /** Bytes [start, end) (fewer when the file ends first). */
  async read(start: number, end: number): Promise<Uint8Array> {
    end = Math.min(end, this.blob.size);
    if (start >= end) return new Uint8Array(0);
    if (start >= this.start && end <= this.start + this.bytes.length) return this.bytes.subarray(start - this.start, end - this.start);
    // Large reads (an image, the directory) bypass the window rather than replace it with a copy of themselves.
    if (end - start > this.windowBytes / 2) return bytesAt(this.blob, start, end);
    const bytes = await bytesAt(this.blob, start, Math.min(this.blob.size, start + this.windowBytes));
    // Set together after the read, so a read that overlapped this one never pairs one window's start with another's bytes.
    this.start = start;
    this.bytes = bytes;
    return bytes.subarray(0, end - start);
  }
}

async function bytesAt(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

const sourceOf = (file: Blob | ZipSource): ZipSource => (file instanceof ZipSource ? file : new ZipSource(file));

/** Where the central directory is and how many entries it lists, from the (zip64) end record. */
async function directoryOf(source: ZipSource): Promise<{ count: number; cdOffset: number; cdSize: number; cdEnd: number }> {
  const size = source.size;
  if (size < 22) throw new ZipFormatError('no-directory', 'The file is not a zip archive (too short).');
  const tailStart = Math.max(0, size - 22 - MAX_COMMENT);
  const tail = await bytesAt(source.blob, tailStart, size);
  const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tv, i) === EOCD_SIG && i + 22 + u16(tv, i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no-directory', 'The file is not a zip archive, or it is cut short (no end of central directory).');
  const eocdAt = tailStart + eocd;
  let count = u16(tv, eocd + 10);
  let cdSize = u32(tv, eocd + 12);
  let cdOffset = u32(tv, eocd + 16);
  let cdEnd = eocdAt;
  if (count === SAT16 || cdSize === SAT32 || cdOffset === SAT32) {
    // Zip64: more than 65,535 entries (an Omnivore export of a large library) or offsets past 4 GB.
    // The locator sits just before the classic record and points at the zip64 record.
    const locator = eocdAt >= 20 ? await bytesAt(source.blob, eocdAt - 20, eocdAt) : new Uint8Array(0);
    const lv = new DataView(locator.buffer, locator.byteOffset, locator.byteLength);
    if (locator.length < 20 || u32(lv, 0) !== ZIP64_LOCATOR_SIG) {
      // A classic zip may hold exactly 65,535 entries: without a locator the fields are what they say.
      if (count !== SAT16 || cdSize === SAT32 || cdOffset === SAT32) throw new ZipFormatError('damaged', 'The zip archive is damaged (zip64 end record missing).');
    } else {
      const recordAt = u64(lv, 8);
      const record = recordAt + 56 <= eocdAt - 20 ? await bytesAt(source.blob, recordAt, recordAt + 56) : new Uint8Array(0);
      const rv = new DataView(record.buffer, record.byteOffset, record.byteLength);
      if (record.length < 56 || u32(rv, 0) !== ZIP64_EOCD_SIG) throw new ZipFormatError('damaged', 'The zip archive is damaged (bad zip64 end record).');
      count = u64(rv, 32);
      cdSize = u64(rv, 40);
      cdOffset = u64(rv, 48);
      cdEnd = recordAt;
    }
  }
  if (cdOffset + cdSize > cdEnd) throw new ZipFormatError('damaged', 'The zip archive is damaged (central directory out of bounds).');
  return { count, cdOffset, cdSize, cdEnd };
}

/** The zip64 extra field (id 1) holds, in this order, whichever of the three fields are saturated. */
function applyZip64Extra(v: DataView, at: number, end: number, entry: ZipEntry): void {
  const wanted = [entry.size === SAT32, entry.compressedSize === SAT32, entry.offset === SAT32];
  if (!wanted.some(Boolean)) return;
  for (let p = at; p + 4 <= end; p += 4 + u16(v, p + 2)) {
    if (u16(v, p) !== 1) continue;
    let q = p + 4;
    const next = (): number => {
      if (q + 8 > Math.min(end, p + 4 + u16(v, p + 2))) throw new ZipFormatError('damaged', `The zip archive is damaged (short zip64 field for “${entry.name}”).`);
      const value = u64(v, q);
      q += 8;
      return value;
    };
    if (wanted[0]) entry.size = next();
    if (wanted[1]) entry.compressedSize = next();
    if (wanted[2]) entry.offset = next();
    return;
  }
  throw new ZipFormatError('damaged', `The zip archive is damaged (“${entry.name}” lacks its zip64 sizes).`);
}

/** Lists the entries of `file`; throws ZipFormatError when it is not a zip Folio can read. */
export async function listZip(file: Blob | ZipSource, maxEntries = 200_000): Promise<ZipEntry[]> {
  const source = sourceOf(file);
  const { count, cdOffset, cdSize } = await directoryOf(source);
  if (count > maxEntries) throw new ZipFormatError('too-many', `The zip holds ${count} files, more than the ${maxEntries} Folio reads.`);
  const cd = await bytesAt(source.blob, cdOffset, cdOffset + cdSize);
  const v = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || u32(v, at) !== CDH_SIG) throw new ZipFormatError('damaged', 'The zip archive is damaged (bad central directory entry).');
    const nameLength = u16(v, at + 28);
    const extraLength = u16(v, at + 30);
    const commentLength = u16(v, at + 32);
    if (at + 46 + nameLength + extraLength > cd.length) throw new ZipFormatError('damaged', 'The zip archive is damaged (entry name out of bounds).');
    const name = decoder.decode(cd.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: u16(v, at + 10),
      crc: u32(v, at + 16),
      compressedSize: u32(v, at + 20),
      size: u32(v, at + 24),
      offset: u32(v, at + 42),
    };
    applyZip64Extra(v, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry);
    if (entry.offset + 30 + entry.compressedSize > cdOffset) throw new ZipFormatError('damaged', `The zip archive is damaged (“${name}” out of bounds).`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

let crcTable: Uint32Array | null = null;
/** CRC-32 (the zip polynomial), to tell a damaged entry from a good one. */
function crc32(data: Uint8Array, crc = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[i] = c >>> 0;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * One entry's bytes, at most `maxBytes` of them; throws ZipFormatError for
 * anything that does not add up. A declared size over `maxBytes` is refused
 * before a byte is inflated, and inflating stops the moment the output passes
 * the declared size, so a lying directory costs no more than an honest one.
 */
export async function readEntry(file: Blob | ZipSource, entry: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  if (entry.size > maxBytes) throw new ZipFormatError('too-large', `“${entry.name}” is too large (${entry.size} bytes; at most ${maxBytes}).`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError('unsupported-compression', `“${entry.name}” uses a compression Folio does not read (method ${entry.method}).`);
  const source = sourceOf(file);
  const header = await source.read(entry.offset, entry.offset + 30);
  const hv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || u32(hv, 0) !== LFH_SIG) throw new ZipFormatError('damaged', `The zip archive is damaged (no header for “${entry.name}”).`, 'its header is missing');
  const start = entry.offset + 30 + u16(hv, 26) + u16(hv, 28);
  const raw = await source.read(start, start + entry.compressedSize);
  if (raw.length !== entry.compressedSize) throw new ZipFormatError('cut-short', `The zip archive is cut short (“${entry.name}”).`);
  // A stored entry is a view of the window: copied, so the caller's bytes outlive the next read.
  const out = entry.method === 0 ? raw.slice() : inflateCapped(raw, entry, maxBytes);
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw new ZipFormatError('damaged', `“${entry.name}” is damaged (size or checksum does not match).`, 'size or checksum does not match');
  return out;
}

/**
 * Deflate expands at most ~1:1032, so handing the inflater 4 kB at a time lets
 * one step make at most ~4 MB before the cap is checked again (a whole 1 MB
 * piece of a bomb would be a gigabyte at once).
 */
const INFLATE_STEP = 4096;

/** Inflates in pieces and stops as soon as the output passes what the entry declared. */
function inflateCapped(raw: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const limit = Math.min(entry.size, maxBytes);
  const out = new Uint8Array(limit);
  let length = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (over) return;
    if (length + chunk.length > limit) {
      over = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let i = 0; i < raw.length && !over; i += INFLATE_STEP) inflater.push(raw.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= raw.length);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ZipFormatError('damaged', `“${entry.name}” is damaged (${detail}).`, detail);
  }
  if (over) throw new ZipFormatError('overflows', `“${entry.name}” inflates to more than it declares: refused.`);
  return out.subarray(0, length);
}
