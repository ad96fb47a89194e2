/**
 * Compressing zip entries on worker threads.
 *
 * Why: fflate's deflate at level 1 runs at about 35 MB/s on one core of the
 * development machine, and a backup of 10,000 generated articles is ~600 MB
 * of JSON: ~17 s of compression on the library page's own thread, during
 * which it can neither read the next articles nor paint progress. Workers
 * compress while the page reads and encodes; with more cores, more of them.
 *
 * An entry's raw deflate stream, CRC-32 and size come from fflate's own
 * ZipDeflate (the same code the zip writer runs inline), so an entry's bytes
 * are the same whichever thread made them, and the zip container stays
 * fflate's (zip-writer.ts).
 */
import { strToU8, ZipDeflate } from 'fflate';

/** The level every zip entry is written at. Level 1: text shrinks about as much as at level 6, at a fraction of the time. */
export const DEFLATE_LEVEL = 1;

export interface Deflated {
  crc: number;
  size: number;
  data: Uint8Array;
}

export interface DeflateRequest {
  id: number;
  /** A string is encoded as UTF-8 by the worker (as fflate's strToU8 does inline). */
  bytes: Uint8Array | string;
}

export type DeflateReply = ({ id: number } & Deflated) | { id: number; error: string };

/** One entry's raw deflate stream with its CRC-32 and size (in a worker, or inline). */
export function deflateEntry(bytes: Uint8Array): Deflated {
  const entry = new ZipDeflate('', { level: DEFLATE_LEVEL });
  const parts: Uint8Array[] = [];
  let total = 0;
  let failure: Error | null = null;
  entry.ondata = (error, chunk) => {
    if (error) failure = error;
    else {
      parts.push(chunk);
      total += chunk.length;
    }
  };
  entry.push(bytes, true);
  if (failure) throw failure;
  let data: Uint8Array;
  if (parts.length === 1) data = parts[0]!;
  else {
    data = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      data.set(p, at);
      at += p.length;
    }
  }
  return { crc: entry.crc, size: entry.size, data };
}

/** The worker's side: answers each request with its entry deflated (entrypoints/deflate-worker.ts). */
export function serveDeflate(scope: { onmessage: ((event: MessageEvent<DeflateRequest>) => void) | null; postMessage(message: DeflateReply, transfer: Transferable[]): void }): void {
  scope.onmessage = ({ data }) => {
    try {
      const out = deflateEntry(typeof data.bytes === 'string' ? strToU8(data.bytes) : data.bytes);
      scope.postMessage({ id: data.id, ...out }, [out.data.buffer]);
    } catch (error) {
      scope.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) }, []);
    }
  };
}

interface Slot {
  worker: Worker;
  busy: number;
}

/** Bytes handed to workers and not yet back: bounds what an export holds beyond its current batch. */
const MAX_IN_FLIGHT_BYTES = 24 * 1024 * 1024;

export class DeflatePool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, { slot: Slot; bytes: number; resolve(d: Deflated): void; reject(e: Error): void }>();
  private nextId = 1;
  private inFlight = 0;
  private roomWaiters: (() => void)[] = [];
  private broken: Error | null = null;

  constructor(spawn: () => Worker, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = spawn();
      const slot: Slot = { worker, busy: 0 };
      worker.onmessage = ({ data }: MessageEvent<DeflateReply>) => this.settle(data);
      worker.onerror = (event) => this.fail(new Error(`A compression worker failed: ${event.message || 'unknown error'}`));
      this.slots.push(slot);
    }
  }

  /** Workers for this machine: one core is left to the page (it reads and encodes meanwhile). */
  static sizeFor(cores: number | undefined): number {
    return Math.min(4, Math.max(1, (cores ?? 2) - 1));
  }

  /** Resolves once fewer than the cap's bytes are out with the workers. */
  async room(): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT_BYTES && !this.broken) await new Promise<void>((r) => this.roomWaiters.push(r));
    if (this.broken) throw this.broken;
  }

  /**
   * Deflates `bytes` (a string: its UTF-8) on the least busy worker. A byte
   * array is transferred: the caller must not use it again.
   */
  deflate(bytes: Uint8Array | string): Promise<Deflated> {
    if (this.broken) return Promise.reject(this.broken);
    // Transferring detaches the whole buffer: a view into a larger one is copied out first.
    const own = typeof bytes === 'string' || (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) ? bytes : bytes.slice();
    const size = typeof own === 'string' ? own.length : own.byteLength;
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    slot.busy++;
    this.inFlight += size;
    return new Promise<Deflated>((resolve, reject) => {
      this.pending.set(id, { slot, bytes: size, resolve, reject });
      slot.worker.postMessage({ id, bytes: own } satisfies DeflateRequest, typeof own === 'string' ? [] : [own.buffer]);
    });
  }

  private settle(reply: DeflateReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    job.slot.busy--;
    this.inFlight -= job.bytes;
    if ('error' in reply) job.reject(new Error(`Compressing a file of the export failed: ${reply.error}`));
    else job.resolve({ crc: reply.crc, size: reply.size, data: reply.data });
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const w of waiters) w();
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const job of this.pending.values()) job.reject(this.broken);
    this.pending.clear();
    for (const w of this.roomWaiters) w();
    this.roomWaiters = [];
  }

  /** Stops every worker; anything still out is rejected. */
  close(): void {
    this.fail(new Error('The export was stopped.'));
    for (const s of this.slots) s.worker.terminate();
  }
}
