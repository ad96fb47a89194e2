/** Zips built in the test from the fixture folders (fixtures are data; the zips are made fresh each run). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export const IMPORT_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import');

export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(IMPORT_FIXTURES, path)));
}

export function fixtureText(path: string): string {
  return readFileSync(join(IMPORT_FIXTURES, path), 'utf8');
}

/** Every file under `folder`, by its path relative to it, optionally under `prefix/`. */
export function zipFolder(folder: string, prefix = ''): Uint8Array {
  const root = join(IMPORT_FIXTURES, folder);
  const files: Zippable = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[prefix + relative(root, full).split('\\').join('/')] = new Uint8Array(readFileSync(full));
    }
  };
  walk(root);
  return zipSync(files);
}

export function fileOf(bytes: Uint8Array, name: string): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name);
}

/**
 * `zip` rewritten the way a zip64 writer stores it (Go's archive/zip, 7-Zip and
 * others past 65,535 entries or 4 GB): every size and offset in the central
 * directory saturated with the real values in a zip64 extra field, and the end
 * record pointing at a zip64 end record through its locator.
 */
export function asZip64(zip: Uint8Array): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = v.getUint16(eocd + 10, true);
  const cdOffset = v.getUint32(eocd + 16, true);
  const parts: Uint8Array[] = [zip.subarray(0, cdOffset)];
  let at = cdOffset;
  let cdSize = 0;
  for (let n = 0; n < count; n++) {
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    const header = zip.slice(at, at + 46 + nameLength);
    const hv = new DataView(header.buffer);
    const extra = new Uint8Array(4 + 24);
    const ev = new DataView(extra.buffer);
    ev.setUint16(0, 1, true);
    ev.setUint16(2, 24, true);
    // In the order the format lists them: uncompressed size, compressed size, offset.
    ev.setBigUint64(4, BigInt(hv.getUint32(24, true)), true);
    ev.setBigUint64(12, BigInt(hv.getUint32(20, true)), true);
    ev.setBigUint64(20, BigInt(hv.getUint32(42, true)), true);
    for (const field of [20, 24, 42]) hv.setUint32(field, 0xffffffff, true);
    hv.setUint16(30, extra.length, true);
    hv.setUint16(32, 0, true);
    parts.push(header, extra);
    cdSize += header.length + extra.length;
    at += 46 + nameLength + extraLength + commentLength;
  }
  const recordAt = cdOffset + cdSize;
  const tail = new Uint8Array(56 + 20 + 22);
  const tv = new DataView(tail.buffer);
  tv.setUint32(0, 0x06064b50, true);
  tv.setBigUint64(4, 44n, true);
  tv.setUint16(12, 45, true);
  tv.setUint16(14, 45, true);
  tv.setBigUint64(24, BigInt(count), true);
  tv.setBigUint64(32, BigInt(count), true);
  tv.setBigUint64(40, BigInt(cdSize), true);
  tv.setBigUint64(48, BigInt(cdOffset), true);
  tv.setUint32(56, 0x07064b50, true);
  tv.setBigUint64(64, BigInt(recordAt), true);
  tv.setUint32(72, 1, true);
  tv.setUint32(76, 0x06054b50, true);
  tv.setUint16(76 + 8, 0xffff, true);
  tv.setUint16(76 + 10, 0xffff, true);
  tv.setUint32(76 + 12, 0xffffffff, true);
  tv.setUint32(76 + 16, 0xffffffff, true);
  parts.push(tail);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
