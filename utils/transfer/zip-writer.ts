/**
 * Writing a zip as it goes (fflate's streaming Zip), so a large export never
 * becomes one huge string or buffer: each entry is compressed as it is added
 * and its bytes are folded into a Blob every few megabytes. A Blob's bytes
 * live in the browser's blob storage (Chromium moves large ones to disk), not
 * on the page's JS heap, so the heap holds at most one slab of output.
 *
 * Entries carry a fixed time (FIXED_MTIME), so exporting the same library
 * twice gives the same bytes per entry.
 *
 * With a DeflatePool (deflate-pool.ts), entries of some size are compressed
 * on worker threads: `add` then hands the bytes over and returns once the
 * pool has room, and fflate's Zip keeps the entries in the order they were
 * added whichever finishes first. Without one (tests, a page without
 * workers) they are compressed inline; the bytes are the same either way.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { DEFLATE_LEVEL, type DeflatePool } from './deflate-pool';

/** Bytes of output collected before they are folded into a Blob. */
const SLAB_BYTES = 8 * 1024 * 1024;
/** The classic zip format counts entries in 16 bits; fflate writes no zip64. */
export const MAX_ZIP_ENTRIES = 65_535;
/** 2000-01-01 UTC: a stable stamp for every entry (the data carries its own dates). */
export const FIXED_MTIME = Date.UTC(2000, 0, 1);

export class ZipTooLargeError extends Error {
  override name = 'ZipTooLargeError';
}

/** Entries smaller than this are compressed inline: a round trip to a worker costs more than they do. */
const POOL_MIN_BYTES = 16 * 1024;

export interface ZipEntryOptions {
  /** false for data that is compressed already (images, the EPUB mimetype). Default true. */
  compress?: boolean;
}

export class ZipBlobWriter {
  private readonly zip: Zip;
  private slab: BlobPart[] = [];
  private slabBytes = 0;
  private readonly parts: Blob[] = [];
  private entries = 0;
  private failure: Error | null = null;
  private finished: ((blob: Blob) => void) | null = null;
  private done: Blob | null = null;
  private readonly jobs = new Set<Promise<void>>();
  /** Bytes of stored entries (addBlob) whose Blob goes into the output in their place: see addBlob. */
  private readonly standIns = new Map<Uint8Array, Blob>();

  constructor(
    private readonly type = 'application/zip',
    private readonly pool: DeflatePool | null = null,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure = error;
        return;
      }
      const blob = this.standIns.get(chunk);
      if (blob) {
        this.standIns.delete(chunk);
        this.slab.push(blob);
      } else {
        this.slab.push(chunk as Uint8Array<ArrayBuffer>);
        this.slabBytes += chunk.length;
      }
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
    this.parts.push(new Blob(this.slab));
    this.slab = [];
    this.slabBytes = 0;
  }

  /**
   * Adds one whole entry. `name` must already be safe (utils/transfer/file-names.ts).
   * Byte arrays handed in may be transferred to a worker: do not use them again.
   */
  async add(name: string, data: Uint8Array | string, options: ZipEntryOptions = {}): Promise<void> {
    if (this.failure) throw this.failure;
    this.countEntry();
    // Text long enough for the pool goes to it as a string: the worker encodes it (UTF-8 of a string's
    // length in code units is at least that many bytes), which was a large share of the page's own work.
    if (options.compress !== false && this.pool && (typeof data === 'string' ? data.length : data.byteLength) >= POOL_MIN_BYTES) {
      await this.pool.room();
      this.addDeflated(name, data, this.pool);
      return;
    }
    const bytes = typeof data === 'string' ? strToU8(data) : data;
    const entry = options.compress === false ? new ZipPassThrough(name) : new ZipDeflate(name, { level: DEFLATE_LEVEL });
    entry.mtime = FIXED_MTIME;
    this.zip.add(entry);
    entry.push(bytes, true);
    if (this.failure) throw this.failure;
  }

  /** One more entry, refused past MAX_ZIP_ENTRIES. */
  private countEntry(): void {
    if (++this.entries > MAX_ZIP_ENTRIES) {
      throw new ZipTooLargeError(`A zip can hold at most ${MAX_ZIP_ENTRIES.toLocaleString('en')} files; export fewer articles at a time.`);
    }
  }

  /** The entry takes its place in the zip now; its bytes, CRC and size arrive from the pool. */
  private addDeflated(name: string, bytes: Uint8Array | string, pool: DeflatePool): void {
    // fflate's own entry object, so the headers are exactly those of an inline entry; its data
    // is fed straight to the zip instead of through its own compressor.
    const entry = new ZipDeflate(name, { level: DEFLATE_LEVEL });
    entry.mtime = FIXED_MTIME;
    this.zip.add(entry);
    const job = pool.deflate(bytes).then(
      (out) => {
        // fflate reads the CRC and size when the entry's last bytes come (its data descriptor).
        entry.crc = out.crc;
        entry.size = out.size;
        entry.ondata(null, out.data as Uint8Array<ArrayBuffer>, true);
      },
      (error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
    this.jobs.add(job);
    void job.finally(() => this.jobs.delete(job));
  }

  /**
   * Adds a Blob as a stored (uncompressed) entry: an image. Its bytes are read
   * once for the CRC, and the Blob itself takes their place in the output, so
   * they are not copied back into browser memory (a Blob made of Blobs
   * refers to them). The bytes are the same as `add(name, bytes, { compress: false })`.
   */
  async addBlob(name: string, blob: Blob): Promise<void> {
    const bytes = await blobBytes(blob);
    if (this.failure) throw this.failure;
    this.countEntry();
    const entry = new ZipPassThrough(name);
    entry.mtime = FIXED_MTIME;
    this.zip.add(entry);
    // fflate hands the pushed array on as one chunk (now, or once the entries before it are done).
    this.standIns.set(bytes, blob);
    entry.push(bytes, true);
    if (this.failure) throw this.failure;
  }

  /** Ends the archive; resolves with the whole zip as a Blob. */
  async finish(): Promise<Blob> {
    await Promise.all([...this.jobs]);
    if (this.failure) throw this.failure;
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
    this.standIns.clear();
  }
}

/** Bytes read ahead for a Blob (warmBlobs), taken by the first blobBytes that asks. */
const warmed = new WeakMap<Blob, Promise<Uint8Array>>();

/**
 * Starts reading these Blobs' bytes now, all at once: a stored image is a file
 * the browser reads on request, and one request after another left an export
 * waiting on each. Resolves once all are read; a read that fails is left to
 * blobBytes to report.
 */
export async function warmBlobs(blobs: readonly Blob[]): Promise<void> {
  const reads = blobs.map((blob) => {
    const read = blob.arrayBuffer().then((b) => new Uint8Array(b));
    read.catch(() => {});
    warmed.set(blob, read);
    return read;
  });
  await Promise.allSettled(reads);
}

/** A Blob's bytes (read ahead by warmBlobs, or now). */
export async function blobBytes(blob: Blob): Promise<Uint8Array> {
  const ahead = warmed.get(blob);
  if (ahead) {
    warmed.delete(blob);
    return ahead;
  }
  return new Uint8Array(await blob.arrayBuffer());
}
