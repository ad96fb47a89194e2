/**
 * The articles an export walks: read a batch at a time by id, in the order
 * given (the library's order as the user sees it), the next batch read while
 * the current one is written; cancellable between articles.
 */
import { checkCancelled, type ArticleBundle, type ProgressListener } from './bundle';

/** Whole articles for `ids`, in order; undefined for an id no longer in the library. */
export type ReadBundles = (ids: readonly string[]) => Promise<(ArticleBundle | undefined)[]>;

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** The export's time (file names, manifests). */
  now?: number;
  /** Articles per read. Default 32. */
  batchSize?: number;
}

/** Bundles for `ids`, skipping articles deleted meanwhile; reports progress after each one. */
export async function* bundlesOf(ids: readonly string[], read: ReadBundles, options: ExportOptions = {}): AsyncGenerator<ArticleBundle> {
  const size = Math.max(1, options.batchSize ?? 32);
  const batch = (from: number) => (from < ids.length ? read(ids.slice(from, from + size)) : null);
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
