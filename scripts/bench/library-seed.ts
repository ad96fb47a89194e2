/**
 * Runs inside Folio's library page during `npm run bench` (bundled by
 * scripts/bench/library.ts and evaluated over CDP): fills the library with
 * generated articles through Folio's own save code, and times the operations
 * the library issue sets goals for. Never part of the extension build.
 */
import type { ExtractedArticle } from '../../utils/article/types';
import { saveArticle } from '../../utils/db/articles';
import { listAll, listRecent } from '../../utils/db/library-repository';
import { db } from '../../utils/db/open';
import { compactIndex, searchIndex } from '../../utils/db/search-index';
import { articleParagraphs, rng, sentence, zipfWord } from './library-text';

const IMAGE_SIZES = [40_000, 90_000, 160_000];

async function imageBlob(r: () => number): Promise<Blob> {
  // Random bytes under an image type: the store's cost is its size, not its pixels.
  const bytes = new Uint8Array(IMAGE_SIZES[Math.floor(r() * IMAGE_SIZES.length)]!);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = Math.floor(r() * 256);
  return new Blob([bytes], { type: 'image/jpeg' });
}

export function generated(index: number): ExtractedArticle {
  const r = rng(index + 1);
  const paragraphs = articleParagraphs(r);
  const text = paragraphs.join('\n\n');
  const site = `site${index % 120}.example`;
  const url = `https://www.${site}/news/${index}/${zipfWord(r)}-${zipfWord(r)}`;
  const words = text.split(/\s+/).length;
  const hasImage = index % 4 === 0;
  const lead = hasImage ? `https://img.${site}/${index}/lead.jpg` : null;
  return {
    url, canonicalUrl: url, title: sentence(r, 6 + Math.floor(r() * 7)).replace(/\.$/, ''), byline: `${zipfWord(r)} ${zipfWord(r)}`,
    siteName: `Site ${index % 120}`, publishedTime: new Date(1_700_000_000_000 + index * 3_600_000).toISOString(), modifiedTime: null,
    lang: 'en', dir: 'ltr', leadImage: lead, leadImageAlt: null, leadImageCaption: null, excerpt: paragraphs[0]!.slice(0, 200),
    content: (lead ? `<figure><img src="${lead}" alt=""></figure>` : '') + paragraphs.map((p) => `<p>${p}</p>`).join(''),
    textContent: text, wordCount: words, readingTimeMinutes: Math.max(1, Math.round(words / 230)),
  };
}

async function saveGenerated(index: number, now: number) {
  const article = generated(index);
  const r = rng(index + 99);
  const images = article.leadImage
    ? { assets: [{ url: article.leadImage, blob: await imageBlob(r), type: 'image/jpeg', bytes: 0 }], skipped: 0 }
    : { assets: [], skipped: 0 };
  for (const a of images.assets) a.bytes = a.blob.size;
  return saveArticle(article, { images, now });
}

/** Saves articles [from, to) a few at a time (each its own transaction, as real saves are). */
async function seed(from: number, to: number): Promise<void> {
  const parallel = 4;
  for (let i = from; i < to; i += parallel) {
    await Promise.all(Array.from({ length: Math.min(parallel, to - i) }, (_, k) => saveGenerated(i + k, 1_700_000_000_000 + (i + k) * 60_000)));
  }
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Milliseconds for each query (searchIndex, as the library page calls it). */
async function searchTimes(queries: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const q of queries) out.push(await time(() => searchIndex(q)));
  return out;
}

/** Milliseconds to save one more article (new each time), with its body and index; and the baseline: one put of its body alone. */
async function saveTimes(runs: number, base: number): Promise<{ save: number[]; put: number[] }> {
  const save: number[] = [];
  const put: number[] = [];
  for (let i = 0; i < runs; i++) {
    const article = generated(base + i);
    save.push(await time(() => saveArticle(article)));
    const conn = await db();
    put.push(await time(async () => {
      const tx = conn.transaction('readerViews', 'readwrite');
      await tx.store.put({ id: `bench-${i}`, article, createdAt: Date.now() });
      await tx.done;
    }));
  }
  return { save, put };
}

/** Lets background merges finish (as they would between a person's saves), then counts segments. */
async function segments(): Promise<number> {
  while ((await compactIndex()) > 0);
  return (await db()).count('searchSegments');
}

async function count(): Promise<number> {
  return (await db()).count('articles');
}

(globalThis as Record<string, unknown>).folioBench = { seed, searchTimes, saveTimes, count, segments, listAll: async () => (await listAll()).length, listRecent, generated };
