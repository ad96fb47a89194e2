// @vitest-environment jsdom
/**
 * Compression on worker threads gives the very bytes of compressing inline,
 * entries stay in the order they were added whatever order the workers answer
 * in, and a worker that fails fails the export with a message (no zip with a
 * hole in it). Workers are simulated in-process: the worker side is the real
 * serveDeflate, the transport a queue that answers out of order.
 */
import { describe, expect, it } from 'vitest';
import { writeBackup } from '@/utils/transfer/backup/writer';
import { DeflatePool, serveDeflate, type DeflateReply, type DeflateRequest } from '@/utils/transfer/deflate-pool';
import { writeMarkdown } from '@/utils/transfer/export/markdown';
import { listZip, readEntry } from '@/utils/transfer/zip-reader';
import { bundle, each } from '../helpers/bundles';

/** A stand-in for Worker: runs serveDeflate on the same thread, answering after `delay(n)` ms for the n-th request. */
function fakeWorkers(delay: (n: number) => number, broken = false): { spawn: () => Worker; requests: () => number } {
  let requests = 0;
  const spawn = () => {
    const scope: Parameters<typeof serveDeflate>[0] = { onmessage: null, postMessage: () => {} };
    const worker = {
      onmessage: null as ((e: MessageEvent<DeflateReply>) => void) | null,
      onerror: null as ((e: ErrorEvent) => void) | null,
      postMessage(message: DeflateRequest) {
        const n = requests++;
        setTimeout(() => {
          if (broken) {
            worker.onerror?.({ message: 'out of memory' } as ErrorEvent);
            return;
          }
          scope.postMessage = (reply) => worker.onmessage?.({ data: reply } as MessageEvent<DeflateReply>);
          scope.onmessage!({ data: message } as MessageEvent<DeflateRequest>);
        }, delay(n));
      },
      terminate() {},
    };
    serveDeflate(scope);
    return worker as unknown as Worker;
  };
  return { spawn, requests: () => requests };
}

/** Long enough to go to the pool (entries under 16 kB are compressed inline). */
const longBundles = () => Array.from({ length: 6 }, (_, i) => bundle(i, { content: `<p>${`Paragraph ${i} of the harbour story, with its tides and its captains. `.repeat(400)}</p>` }));

async function names(blob: Blob): Promise<string[]> {
  return (await listZip(blob)).map((e) => e.name);
}

describe('compressing zip entries on worker threads', () => {
  it('gives the same backup, byte for byte, as compressing inline, with the workers answering out of order', async () => {
    const inline = await writeBackup(each(longBundles()), 1_700_000_000_000);
    const workers = fakeWorkers((n) => (n % 2 ? 1 : 15));
    const pool = new DeflatePool(workers.spawn, 3);
    const pooled = await writeBackup(each(longBundles()), 1_700_000_000_000, { pool });
    pool.close();
    // Positive control: the entries really went to the workers.
    expect(workers.requests()).toBeGreaterThanOrEqual(6);
    expect(await names(pooled.blob)).toEqual(await names(inline.blob));
    expect(new Uint8Array(await pooled.blob.arrayBuffer())).toEqual(new Uint8Array(await inline.blob.arrayBuffer()));
    // And every entry reads back with its CRC checked.
    for (const e of await listZip(pooled.blob)) expect((await readEntry(pooled.blob, e, 1e8)).length).toBe(e.size);
  });

  it('a Markdown zip too', async () => {
    const inline = await writeMarkdown(each(longBundles()));
    const pool = new DeflatePool(fakeWorkers(() => 2).spawn, 2);
    const pooled = await writeMarkdown(each(longBundles()), pool);
    pool.close();
    expect(new Uint8Array(await pooled.blob.arrayBuffer())).toEqual(new Uint8Array(await inline.blob.arrayBuffer()));
  });

  it('a worker that fails fails the export with a message', async () => {
    const pool = new DeflatePool(fakeWorkers(() => 1, true).spawn, 2);
    await expect(writeBackup(each(longBundles()), 1_700_000_000_000, { pool })).rejects.toThrow(/compression worker failed: out of memory/);
    pool.close();
  });

  it('sizes the pool by the machine, leaving a core to the page', () => {
    expect([undefined, 1, 2, 3, 8, 64].map((c) => DeflatePool.sizeFor(c))).toEqual([1, 1, 1, 2, 4, 4]);
  });
});
