/**
 * Fetching a saved article's images so it reads offline. Runs in the
 * background (which has host access) before the save transaction opens:
 * IndexedDB transactions must not wait on the network.
 *
 * Requests carry no cookies (safe-fetch's default): Folio fetches public images,
 * it does not act as the user on the image host. Each image and the whole
 * article are capped; what does not fit or fails is counted as skipped, and
 * the reader shows those as "image not saved" instead of loading them.
 */
import type { FetchedImages } from '../db/articles';
import { imageUrlsOf } from '../library/image-urls';
import { safeFetch } from '../net/safe-fetch';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 15_000;
const CONCURRENCY = 4;

export interface ImageFetch {
  (url: string, maxBytes: number, initiator: string): Promise<{ blob: Blob; type: string } | null>;
}

/**
 * One image through utils/net/safe-fetch.ts: an image of a public page may not
 * reach into a private network; the byte cap holds whatever the headers say.
 */
export const fetchImage: ImageFetch = async (url, maxBytes, initiator) => {
  const got = await safeFetch(url, { as: 'blob', maxBytes, timeoutMs: TIMEOUT_MS, initiator, accept: (type) => type.startsWith('image/') });
  return got.ok ? { blob: got.body, type: got.contentType } : null;
};

/** Fetches the images `content` names (and the lead image), within `capBytes` for the article. */
export async function fetchArticleImages(
  content: string,
  leadImage: string | null,
  capBytes: number,
  articleUrl: string,
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
      const got = room > 0 ? await fetcher(url, room, articleUrl) : null;
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
