/**
 * The articles an export walks: read a batch at a time by id, in the order
 * given (the library's order as the user sees it), the next batch read while
 * the current one is written; cancellable between articles.
 */
import type { SiteRule } from '../site-rules/types';
import { checkCancelled, type ArticleBundle, type ProgressListener } from './bundle';
import { warmBlobs } from './zip-writer';

/** Whole articles for `ids`, in order; undefined for an id no longer in the library. */
export type ReadBundles = (ids: readonly string[]) => Promise<(ArticleBundle | undefined)[]>;

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** The export's time (file names, manifests). */
  now?: number;
  /** Articles per read. Default 32. */
  batchSize?: number;
  /** Starts a compression worker (entrypoints/deflate-worker.ts); without it zip formats compress on the page's thread. */
  spawnDeflater?: () => Worker;
  /** Cores to size the worker pool by (navigator.hardwareConcurrency). */
  cores?: number;
  /** The library's "Fix this page" rules: a backup carries them (site-rules.json); other formats ignore them. */
  siteRules?: readonly SiteRule[];
}

/** Bundles for `ids`, skipping articles deleted meanwhile; reports progress after each one. */
export async function* bundlesOf(ids: readonly string[], read: ReadBundles, options: ExportOptions = {}): AsyncGenerator<ArticleBundle> {
  const size = Math.max(1, options.batchSize ?? 32);
  const batch = (from: number) => (from < ids.length ? read(ids.slice(from, from + size)).then(warmImages) : null);
  let next = batch(0);
  // A read started ahead and then abandoned (cancel, a writer's error) must not surface as unhandled.
  next?.catch(() => {});
  for (let from = 0; next; from += size) {
    checkCancelled(options.signal);
    const bundles = await next;
    next = batch(from + size);
    next?.catch(() => {});
    for (let k = 0; k < bundles.length; k++) {
      checkCancelled(options.signal);
      const bundle = bundles[k];
      if (bundle) yield bundle;
      options.onProgress?.(from + k + 1, ids.length);
    }
  }
  checkCancelled(options.signal);
}

const WARM_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Reads a batch's image bytes all at once, ahead of the writer (warmBlobs:
 * a stored image is a file the browser reads on request, and one request
 * after another left the export waiting on each). The writer takes the bytes
 * with blobBytes; until then they are held for two batches at most.
 */
async function warmImages(bundles: (ArticleBundle | undefined)[]): Promise<(ArticleBundle | undefined)[]> {
  const blobs = bundles.flatMap((b) => b?.assets.map((a) => a.blob) ?? []);
  // A batch of unusually large images is left to be read one at a time: memory stays bounded.
  if (blobs.reduce((n, b) => n + b.size, 0) > WARM_MAX_BYTES) return bundles;
  await warmBlobs(blobs);
  return bundles;
}
