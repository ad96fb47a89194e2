/**
 * The export formats and one way to run any of them: walk the chosen
 * articles one at a time (utils/transfer/source.ts), write the format, name
 * the download. The library page's export model calls `runExport` with the
 * database reader; tests call it with bundles of their own.
 */
import { writeBackup } from '../backup/writer';
import { DeflatePool } from '../deflate-pool';
import { downloadName } from '../file-names';
import { bundlesOf, type ExportOptions, type ReadBundles } from '../source';
import { writeBookmarks } from './bookmarks';
import { writeEpub } from './epub';
import { writeHtml } from './html';
import { writeMarkdown } from './markdown';
import { writePocketCsv } from './pocket-csv';
import { writeReadwiseCsv } from './readwise-csv';
import { byCodeUnits } from '../../compare';

import type { ExportFormat } from './format-list';

export { EXPORT_FORMATS, type ExportFormat } from './format-list';

export interface ExportOutput {
  blob: Blob;
  fileName: string;
  articles: number;
  /** Articles exported without their text (missing from the library). */
  withoutBody: number;
}

const FILES: Record<ExportFormat, { kind: string; extension: string }> = {
  backup: { kind: 'backup', extension: 'zip' },
  markdown: { kind: 'markdown', extension: 'zip' },
  html: { kind: 'html', extension: 'zip' },
  epub: { kind: 'articles', extension: 'epub' },
  'pocket-csv': { kind: 'pocket', extension: 'csv' },
  bookmarks: { kind: 'bookmarks', extension: 'html' },
  'readwise-csv': { kind: 'readwise-highlights', extension: 'csv' },
};

/**
 * The order a format's articles are read and written in. A backup or a
 * Markdown folder (usually the whole library) goes in id order: batches of
 * neighbouring keys are read with one range request per store
 * (utils/db/transfer.ts readBundles), several times faster than by id, and
 * the order is still the same for the same library. The other formats keep
 * the caller's order (a reading order the user chose: an EPUB's chapters).
 */
export function exportOrder(format: ExportFormat, ids: readonly string[]): readonly string[] {
  return format === 'backup' || format === 'markdown' ? [...ids].sort(byCodeUnits) : ids;
}

export async function runExport(format: ExportFormat, ids: readonly string[], read: ReadBundles, options: ExportOptions = {}): Promise<ExportOutput> {
  const now = options.now ?? Date.now();
  const bundles = bundlesOf(exportOrder(format, ids), read, options);
  let missing = 0;
  const counted = (async function* () {
    for await (const b of bundles) {
      if (!b.body) missing++;
      yield b;
    }
  })();
  let result: { blob: Blob; articles: number };
  const zipped = format === 'backup' || format === 'markdown' || format === 'html' || format === 'epub';
  const pool = zipped && options.spawnDeflater ? new DeflatePool(options.spawnDeflater, DeflatePool.sizeFor(options.cores)) : null;
  try {
    switch (format) {
      case 'backup': result = await writeBackup(counted, now, { pool, siteRules: options.siteRules }); break;
      case 'markdown': result = await writeMarkdown(counted, pool); break;
      case 'html': result = await writeHtml(counted, pool); break;
      case 'epub': result = await writeEpub(counted, { now, pool }); break;
      case 'pocket-csv': result = await writePocketCsv(counted); break;
      case 'bookmarks': result = await writeBookmarks(counted, now); break;
      case 'readwise-csv': result = await writeReadwiseCsv(counted); break;
    }
  } finally {
    pool?.close();
  }
  const file = FILES[format];
  return { blob: result.blob, fileName: downloadName(file.kind, file.extension, new Date(now)), articles: result.articles, withoutBody: missing };
}
