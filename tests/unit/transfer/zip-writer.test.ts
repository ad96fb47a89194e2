// @vitest-environment jsdom
/**
 * Images go into a zip as their Blob (addBlob) with the very bytes of adding
 * their bytes stored, also when entries before them are still out with a
 * worker; bytes read ahead (warmBlobs) are the ones used, once.
 */
import { describe, expect, it } from 'vitest';
import { blobBytes, warmBlobs, ZipBlobWriter } from '@/utils/transfer/zip-writer';
import { DeflatePool, serveDeflate, type DeflateReply, type DeflateRequest } from '@/utils/transfer/deflate-pool';
import { listZip, readEntry } from '@/utils/transfer/zip-reader';

function slowWorker(): Worker {
  const scope: Parameters<typeof serveDeflate>[0] = { onmessage: null, postMessage: () => {} };
  const worker = {
    onmessage: null as ((e: MessageEvent<DeflateReply>) => void) | null,
    onerror: null,
    postMessage(message: DeflateRequest) {
      setTimeout(() => {
        scope.postMessage = (reply) => worker.onmessage?.({ data: reply } as MessageEvent<DeflateReply>);
        scope.onmessage!({ data: message } as MessageEvent<DeflateRequest>);
      }, 10);
    },
    terminate() {},
  };
  serveDeflate(scope);
  return worker as unknown as Worker;
}

const image = (n: number) => {
  const bytes = new Uint8Array(5000 + n * 1000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + n) & 255;
  return bytes;
};
const text = 'A long paragraph about the harbour and its tides. '.repeat(600);

async function write(asBlob: boolean, pool: DeflatePool | null): Promise<Uint8Array> {
  const zip = new ZipBlobWriter('application/zip', pool);
  for (let n = 0; n < 4; n++) {
    await zip.add(`article-${n}.json`, `${text}${n}`);
    if (asBlob) await zip.addBlob(`image-${n}.png`, new Blob([image(n)]));
    else await zip.add(`image-${n}.png`, image(n), { compress: false });
  }
  return new Uint8Array(await (await zip.finish()).arrayBuffer());
}

describe('stored Blobs in a zip', () => {
  it('gives the same bytes as storing their bytes, inline or behind entries still on a worker', async () => {
    const reference = await write(false, null);
    expect(await write(true, null)).toEqual(reference);
    const pool = new DeflatePool(slowWorker, 1);
    const pooled = await write(true, pool);
    pool.close();
    expect(pooled).toEqual(reference);
    const blob = new Blob([pooled as BlobPart]);
    const entries = await listZip(blob);
    expect(entries.map((e) => e.name)).toEqual(['article-0.json', 'image-0.png', 'article-1.json', 'image-1.png', 'article-2.json', 'image-2.png', 'article-3.json', 'image-3.png']);
    expect(await readEntry(blob, entries[3]!, 1e8)).toEqual(image(1));
  });

  it('takes bytes read ahead once, then reads again', async () => {
    const blob = new Blob([image(2)]);
    await warmBlobs([blob]);
    const first = await blobBytes(blob);
    first[0] = 99; // a writer may hand them on (transfer): the next read is fresh
    expect((await blobBytes(blob))[0]).toBe(image(2)[0]);
  });
});
