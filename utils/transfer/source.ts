/**
 * The articles an export walks: read one at a time by id, in the order given
 * (the library's order as the user sees it), cancellable between articles.
 */
import { checkCancelled, type ArticleBundle, type ProgressListener } from './bundle';

export type ReadBundle = (id: string) => Promise<ArticleBundle | undefined>;

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  /** The export's time (file names, manifests). */
  now?: number;
}

/** Bundles for `ids`, skipping articles deleted meanwhile; reports progress after each one. */
export async function* bundlesOf(ids: readonly string[], read: ReadBundle, options: ExportOptions = {}): AsyncGenerator<ArticleBundle> {
  for (let i = 0; i < ids.length; i++) {
    checkCancelled(options.signal);
    const bundle = await read(ids[i]!);
    if (bundle) yield bundle;
    options.onProgress?.(i + 1, ids.length);
  }
  checkCancelled(options.signal);
}
