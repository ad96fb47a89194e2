/**
 * Fetching a saved article's images so it reads offline. Runs in the
 * background (which has host access) before the save transaction opens:
 * IndexedDB transactions must not wait on the network.
 *
 * Requests carry no cookies and no referrer: Folio fetches public images, it
 * does not act as the user on the image host. Each image and the whole
 * article are capped; what does not fit or fails is counted as skipped, and
 * the reader shows those as "image not saved" instead of loading them.
 */
import type { FetchedImages } from '../db/articles';
import { imageUrlsOf } from '../library/image-urls';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
const CONCURRENCY = 4;

export interface ImageFetch {
  (url: string, maxBytes: number): Promise<{ blob: Blob; type: string } | null>;
}

/** Reads at most `maxBytes` of an image; null when it is not an image, too big, or fails. */
export const fetchImage: ImageFetch = async (url, maxBytes) => {
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'force-cache',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!response.ok || !type.startsWith('image/')) return null;
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) return null;
    const reader = response.body?.getReader();
    if (!reader) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    return { blob: new Blob(chunks as BlobPart[], { type }), type };
  } catch {
    return null;
  }
};

/** Fetches the images `content` names (and the lead image), within `capBytes` for the article. */
export async function fetchArticleImages(
  content: string,
  leadImage: string | null,
  capBytes: number,
  fetcher: ImageFetch = fetchImage,
): Promise<FetchedImages> {
  const urls = imageUrlsOf(content);
  if (leadImage && !urls.includes(leadImage)) urls.unshift(leadImage);
  const assets: FetchedImages['assets'] = [];
  let used = 0;
  let skipped = 0;
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const room = Math.min(MAX_IMAGE_BYTES, capBytes - used);
      const got = room > 0 ? await fetcher(url, room) : null;
      // Another worker may have used the room meanwhile: check again before keeping it.
      if (got && used + got.blob.size <= capBytes) {
        used += got.blob.size;
        assets.push({ url, blob: got.blob, type: got.type, bytes: got.blob.size });
      } else skipped++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, urls.length) }, worker));
  // Document order, so an export lists images as the article does.
  assets.sort((a, b) => urls.indexOf(a.url) - urls.indexOf(b.url));
  return { assets, skipped };
}
