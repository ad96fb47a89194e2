/**
 * Writing a zip as it goes (fflate's streaming Zip), so a large export never
 * becomes one huge string or buffer: each entry is compressed as it is added
 * and its bytes are folded into a Blob every few megabytes. A Blob's bytes
 * live in the browser's blob storage (Chromium moves large ones to disk), not
 * on the page's JS heap, so the heap holds at most one slab of output.
 *
 * Entries carry a fixed time (FIXED_MTIME), so exporting the same library
 * twice gives the same bytes per entry.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';

/** Bytes of output collected before they are folded into a Blob. */
const SLAB_BYTES = 8 * 1024 * 1024;
/** The classic zip format counts entries in 16 bits; fflate writes no zip64. */
export const MAX_ZIP_ENTRIES = 65_535;
/** 2000-01-01 UTC: a stable stamp for every entry (the data carries its own dates). */
export const FIXED_MTIME = Date.UTC(2000, 0, 1);

export class ZipTooLargeError extends Error {
  override name = 'ZipTooLargeError';
}

export interface ZipEntryOptions {
  /** false for data that is compressed already (images, the EPUB mimetype). Default true. */
  compress?: boolean;
}

export class ZipBlobWriter {
  private readonly zip: Zip;
  private slab: Uint8Array[] = [];
  private slabBytes = 0;
  private readonly parts: Blob[] = [];
  private entries = 0;
  private failure: Error | null = null;
  private finished: ((blob: Blob) => void) | null = null;
  private done: Blob | null = null;

  constructor(private readonly type = 'application/zip') {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure = error;
        return;
      }
      this.slab.push(chunk);
      this.slabBytes += chunk.length;
      if (this.slabBytes >= SLAB_BYTES) this.fold();
      if (final) {
        this.fold();
        this.done = new Blob(this.parts, { type: this.type });
        this.finished?.(this.done);
      }
    });
  }

  private fold(): void {
    if (this.slab.length === 0) return;
    this.parts.push(new Blob(this.slab as BlobPart[]));
    this.slab = [];
    this.slabBytes = 0;
  }

  /** Adds one whole entry. `name` must already be safe (utils/transfer/file-names.ts). */
  add(name: string, data: Uint8Array | string, options: ZipEntryOptions = {}): void {
    if (this.failure) throw this.failure;
    if (++this.entries > MAX_ZIP_ENTRIES) {
      throw new ZipTooLargeError(`A zip can hold at most ${MAX_ZIP_ENTRIES.toLocaleString('en')} files; export fewer articles at a time.`);
    }
    const bytes = typeof data === 'string' ? strToU8(data) : data;
    // Level 1: text shrinks about as much as at level 6, at a fraction of the time.
    const entry = options.compress === false ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 1 });
    entry.mtime = FIXED_MTIME;
    this.zip.add(entry);
    entry.push(bytes, true);
    if (this.failure) throw this.failure;
  }

  /** Ends the archive; resolves with the whole zip as a Blob. */
  finish(): Promise<Blob> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.finished = resolve;
      this.zip.end();
      if (this.failure) reject(this.failure);
      else if (this.done) resolve(this.done);
    });
  }

  /** Drops everything written (a cancelled export). */
  abort(): void {
    this.zip.terminate();
    this.slab = [];
    this.parts.length = 0;
  }
}

/** A Blob's bytes. */
export async function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}
