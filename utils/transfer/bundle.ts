/**
 * One saved article with everything Folio keeps for it: what an export reads
 * (utils/db/transfer.ts) and what a backup restores. Exporters are pure
 * functions of bundles, so each format is tested without a browser.
 */
import type { Highlight } from '../highlights/types';
import type { ArticleAsset, ArticleBody, ArticleMeta } from '../library/types';

export interface ArticleBundle {
  meta: ArticleMeta;
  /** null when the article's text is missing from the library (it is exported as metadata, with a warning). */
  body: ArticleBody | null;
  /** Stored images, by the URL the HTML names. */
  assets: ArticleAsset[];
  /** In document order. */
  highlights: Highlight[];
  /** The reader's last position in it (the `positions` store), when there is one. */
  position: { fraction: number; at: number } | null;
}

/** Progress of an export or restore: `done` of `total` articles. */
export type ProgressListener = (done: number, total: number) => void;

export class ExportCancelledError extends Error {
  override name = 'ExportCancelledError';
  constructor() {
    super('The export was cancelled.');
  }
}

/** Throws ExportCancelledError once `signal` is aborted: checked between articles. */
export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError();
}
