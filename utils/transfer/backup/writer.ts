/**
 * Writing a Folio backup (format.ts; docs/export.md): one JSON entry per
 * article and its images as separate entries, streamed into a zip
 * (utils/transfer/zip-writer.ts), so memory holds one article at a time.
 */
import type { DeflatePool } from '../deflate-pool';
import { ZipBlobWriter } from '../zip-writer';
import type { ArticleBundle } from '../bundle';
import { canonicalJson } from '../canonical-json';
import type { SiteRule } from '../../site-rules/types';
import { articlePath, assetPath, BACKUP_FORMAT, BACKUP_VERSION, MANIFEST_PATH, SITE_RULES_PATH, type BackupArticle } from './format';

export interface BackupResult {
  blob: Blob;
  articles: number;
}

/** The JSON record for article number `n` and the zip paths of its images. */
export function backupRecord(bundle: ArticleBundle, n: number): { record: BackupArticle; files: { path: string; blob: Blob }[] } {
  const files: { path: string; blob: Blob }[] = [];
  const assets = bundle.assets.map((a, k) => {
      const path = assetPath(n, k + 1, a.type);
      files.push({ path, blob: a.blob });
      return { url: a.url, type: a.type, bytes: a.bytes, path };
    });
  const record: BackupArticle = { meta: bundle.meta, body: bundle.body, highlights: bundle.highlights, assets, position: bundle.position };
  return { record, files };
}

export interface BackupOptions {
  /** Compresses entries on worker threads (utils/transfer/deflate-pool.ts). */
  pool?: DeflatePool | null;
  /** The library's "Fix this page" rules, written as one entry when there are any. */
  siteRules?: readonly SiteRule[];
}

export async function writeBackup(bundles: AsyncIterable<ArticleBundle>, now = Date.now(), options: BackupOptions = {}): Promise<BackupResult> {
  const zip = new ZipBlobWriter('application/zip', options.pool ?? null);
  const siteRules = options.siteRules ?? [];
  let n = 0;
  try {
    // Entries written later may not be counted in advance: the manifest leads and the count is the reader's.
    await zip.add(MANIFEST_PATH, canonicalJson({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString() }, 2));
    if (siteRules.length) await zip.add(SITE_RULES_PATH, canonicalJson({ rules: siteRules }));
    for await (const bundle of bundles) {
      n++;
      const { record, files } = backupRecord(bundle, n);
      await zip.add(articlePath(n), canonicalJson(record));
      for (const f of files) await zip.addBlob(f.path, f.blob);
    }
  } catch (error) {
    zip.abort();
    throw error;
  }
  return { blob: await zip.finish(), articles: n };
}
