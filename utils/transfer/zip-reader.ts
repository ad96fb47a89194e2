/**
 * Reading a zip from a Blob by its central directory, entry by entry.
 *
 * Why not fflate's streaming Unzip: for entries written with a data descriptor
 * (every streaming writer, fflate's own Zip included) it finds where an entry
 * ends by scanning for the descriptor's signature, and compressed or image
 * bytes contain that signature by chance (about once per gigabyte): a large
 * backup would be cut at a random place. A Blob can be read anywhere, so the
 * central directory (which states every entry's offset and sizes) is exact.
 * Only this index is parsed here; inflating is fflate's.
 *
 * Everything in the file is untrusted: offsets and sizes are bounds-checked,
 * names with `..`, absolute paths, backslashes or drive letters are refused,
 * declared sizes are capped before anything is inflated and the inflated size
 * and CRC must match what the directory says (a zip bomb or a corrupt entry
 * stops with ZipFormatError).
 */
import { Inflate } from 'fflate';

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
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
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const MAX_COMMENT = 0xffff;

function u16(v: DataView, at: number): number {
  return v.getUint16(at, true);
}
function u32(v: DataView, at: number): number {
  return v.getUint32(at, true);
}

/** An entry name that stays inside the folder it is unpacked into. */
export function isSafeEntryName(name: string): boolean {
  if (!name || name.length > 1024) return false;
  if (name.startsWith('/') || name.includes('\\') || /^[a-z]:/i.test(name) || name.includes('\u0000')) return false;
  return name.split('/').every((part, i, all) => part !== '..' && part !== '.' && (part !== '' || i === all.length - 1));
}

async function bytesAt(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

/** Lists the entries of `blob`; throws ZipFormatError when it is not a zip Folio can read. */
export async function listZip(blob: Blob, maxEntries = 200_000): Promise<ZipEntry[]> {
  if (blob.size < 22) throw new ZipFormatError('The file is not a zip archive (too short).');
  const tailStart = Math.max(0, blob.size - 22 - MAX_COMMENT);
  const tail = await bytesAt(blob, tailStart, blob.size);
  const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tv, i) === EOCD_SIG && i + 22 + u16(tv, i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('The file is not a zip archive, or it is cut short (no end of central directory).');
  const count = u16(tv, eocd + 10);
  const cdSize = u32(tv, eocd + 12);
  const cdOffset = u32(tv, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipFormatError('Zip64 archives are not supported.');
  if (count > maxEntries) throw new ZipFormatError(`The zip holds ${count} files, more than the ${maxEntries} Folio reads.`);
  if (cdOffset + cdSize > tailStart + eocd) throw new ZipFormatError('The zip archive is damaged (central directory out of bounds).');
  const cd = await bytesAt(blob, cdOffset, cdOffset + cdSize);
  const v = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > cd.length || u32(v, at) !== CDH_SIG) throw new ZipFormatError('The zip archive is damaged (bad central directory entry).');
    const nameLength = u16(v, at + 28);
    const extraLength = u16(v, at + 30);
    const commentLength = u16(v, at + 32);
    if (at + 46 + nameLength > cd.length) throw new ZipFormatError('The zip archive is damaged (entry name out of bounds).');
    const name = decoder.decode(cd.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: u16(v, at + 10),
      crc: u32(v, at + 16),
      compressedSize: u32(v, at + 20),
      size: u32(v, at + 24),
      offset: u32(v, at + 42),
    };
    if (entry.offset + 30 + entry.compressedSize > cdOffset) throw new ZipFormatError(`The zip archive is damaged (“${name}” out of bounds).`);
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

/** One entry's bytes, at most `maxBytes` of them; throws ZipFormatError for anything that does not add up. */
export async function readEntry(blob: Blob, entry: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  if (entry.size > maxBytes) throw new ZipFormatError(`“${entry.name}” is too large (${entry.size} bytes; at most ${maxBytes}).`);
  const header = await bytesAt(blob, entry.offset, entry.offset + 30);
  const hv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || u32(hv, 0) !== LFH_SIG) throw new ZipFormatError(`The zip archive is damaged (no header for “${entry.name}”).`);
  const start = entry.offset + 30 + u16(hv, 26) + u16(hv, 28);
  const raw = await bytesAt(blob, start, start + entry.compressedSize);
  if (raw.length !== entry.compressedSize) throw new ZipFormatError(`The zip archive is cut short (“${entry.name}”).`);
  let out: Uint8Array;
  if (entry.method === 0) out = raw;
  else if (entry.method === 8) out = inflateCapped(raw, entry, maxBytes);
  else throw new ZipFormatError(`“${entry.name}” uses a compression Folio does not read (method ${entry.method}).`);
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw new ZipFormatError(`“${entry.name}” is damaged (size or checksum does not match).`);
  return out;
}

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
  const STEP = 64 * 1024;
  try {
    for (let i = 0; i < raw.length && !over; i += STEP) inflater.push(raw.subarray(i, i + STEP), i + STEP >= raw.length);
  } catch (error) {
    throw new ZipFormatError(`“${entry.name}” is damaged (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (over) throw new ZipFormatError(`“${entry.name}” inflates to more than it declares: refused.`);
  return out.subarray(0, length);
}
