/**
 * Reading a Folio backup (format.ts) back into article bundles.
 *
 * The zip is read by its central directory (utils/transfer/zip-reader.ts) one
 * entry at a time, so a large backup is never in memory whole. Every entry is
 * checked before it is used: the manifest's format and version, each
 * article's JSON against the schema, each image path against the article's
 * own folder, sizes against the caps. Anything wrong stops the read with a
 * BackupFormatError that names the entry and the problem.
 *
 * `verifyBackup` reads the whole file without keeping anything, so a restore
 * (restore.ts, the Import dialog: utils/transfer/import/folio-backup.ts) can
 * refuse a bad file before it writes the first article; `openBackup` then
 * reads the articles one by one.
 */
import * as s from 'valibot';
import type { ArticleAsset } from '../../library/types';
import type { ArticleBundle } from '../bundle';
import { isSafeEntryName, listZip, readEntry, ZipFormatError, ZipSource, type ZipEntry } from '../zip-reader';
import {
  ARTICLE_PATH, ASSET_PATH, BackupArticleSchema, BackupManifestSchema, BACKUP_FORMAT, BACKUP_VERSION, issueText,
  MANIFEST_PATH, MAX_ARTICLE_JSON_BYTES, MAX_ASSET_BYTES, MAX_MANIFEST_BYTES, SITE_RULES_PATH,
} from './format';

export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

/** One article of a backup, ready for restoreItem. */
export type BackupItem = ArticleBundle;

/** A backup can hold at most this many times its own size once inflated (zip bombs stop here). */
const MAX_RATIO = 200;
const MIN_BUDGET = 256 * 1024 * 1024;

interface OpenBackup {
  /** The file, read through one window: an article's JSON and its images were written side by side. */
  source: ZipSource;
  entries: Map<string, ZipEntry>;
  articles: ZipEntry[];
  version: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new BackupFormatError(`“${name}” is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}

async function open(file: Blob): Promise<OpenBackup> {
  const source = new ZipSource(file);
  let listed: ZipEntry[];
  try {
    listed = await listZip(source);
  } catch (error) {
    throw asBackupError(error);
  }
  const entries = new Map<string, ZipEntry>();
  let declared = 0;
  for (const entry of listed) {
    if (!isSafeEntryName(entry.name)) throw new BackupFormatError(`The backup holds a file with an unsafe path (“${entry.name}”): refused.`);
    if (entries.has(entry.name)) throw new BackupFormatError(`The backup holds “${entry.name}” twice: refused.`);
    entries.set(entry.name, entry);
    declared += entry.size;
  }
  if (declared > Math.max(MIN_BUDGET, file.size * MAX_RATIO)) {
    throw new BackupFormatError('The backup would inflate to far more than its own size: refused as a zip bomb.');
  }
  const manifestEntry = entries.get(MANIFEST_PATH);
  if (!manifestEntry) throw new BackupFormatError('This is not a Folio backup (it has no manifest.json).');
  const manifest = s.safeParse(BackupManifestSchema, parseJson(await read(source, manifestEntry, MAX_MANIFEST_BYTES), MANIFEST_PATH));
  if (!manifest.success) {
    const format = (manifest.issues[0]?.input as unknown) ?? null;
    throw new BackupFormatError(format === BACKUP_FORMAT ? `manifest.json: ${issueText(manifest.issues)}` : 'This is not a Folio backup (manifest.json names another format).');
  }
  const { version } = manifest.output;
  if (version !== BACKUP_VERSION) {
    throw new BackupFormatError(
      version > BACKUP_VERSION
        ? `This backup was written by a newer Folio (format version ${version}; this Folio reads version ${BACKUP_VERSION}). Update Folio to restore it.`
        : `Unknown backup format version ${String(version)}.`,
    );
  }
  for (const name of entries.keys()) {
    // site-rules.json is read and checked by site-rules.ts.
    if (name !== MANIFEST_PATH && name !== SITE_RULES_PATH && !ARTICLE_PATH.test(name) && !ASSET_PATH.test(name) && !name.endsWith('/')) {
      throw new BackupFormatError(`The backup holds a file Folio does not know (“${name}”): refused.`);
    }
  }
  const articles = listed.filter((e) => ARTICLE_PATH.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  return { source, entries, articles, version };
}

function asBackupError(error: unknown): Error {
  if (error instanceof ZipFormatError) return new BackupFormatError(`The backup cannot be read: ${error.message}`);
  return error instanceof Error ? error : new Error(String(error));
}

async function read(source: ZipSource, entry: ZipEntry, max: number): Promise<Uint8Array> {
  try {
    return await readEntry(source, entry, max);
  } catch (error) {
    throw asBackupError(error);
  }
}

/** Article entry → bundle; `withImages: false` checks the images without keeping their bytes. */
async function readArticle(backup: OpenBackup, entry: ZipEntry, withImages: boolean): Promise<BackupItem> {
  const parsed = s.safeParse(BackupArticleSchema, parseJson(await read(backup.source, entry, MAX_ARTICLE_JSON_BYTES), entry.name));
  if (!parsed.success) throw new BackupFormatError(`“${entry.name}” is not a valid article (${issueText(parsed.issues)}).`);
  const record = parsed.output;
  const folder = `assets/${entry.name.slice('articles/'.length, -'.json'.length)}/`;
  const assets: ArticleAsset[] = [];
  for (const ref of record.assets) {
    if (!ref.path.startsWith(folder)) throw new BackupFormatError(`“${entry.name}” names an image of another article (“${ref.path}”).`);
    const image = backup.entries.get(ref.path);
    if (!image) throw new BackupFormatError(`“${entry.name}” names an image that is not in the backup (“${ref.path}”).`);
    const bytes = await read(backup.source, image, MAX_ASSET_BYTES);
    const blob = withImages ? new Blob([bytes as BlobPart], { type: ref.type }) : new Blob([]);
    assets.push({ articleId: record.meta.id, url: ref.url, blob, type: ref.type, bytes: ref.bytes });
  }
  return { meta: record.meta, body: record.body, highlights: record.highlights, assets, position: record.position };
}

/** A backup opened once, its articles read one at a time by entry name. */
export interface BackupReader {
  /** The article entries (`articles/000001.json`, …), in the order they were written. */
  articles: readonly string[];
  /** One article whole, with its image blobs, checked again as it is read; throws BackupFormatError. */
  read(name: string): Promise<BackupItem>;
}

/** Opens `file` (its directory and manifest checked); throws BackupFormatError. */
export async function openBackup(file: Blob): Promise<BackupReader> {
  const backup = await open(file);
  const byName = new Map(backup.articles.map((e) => [e.name, e]));
  return {
    articles: backup.articles.map((e) => e.name),
    read(name) {
      const entry = byName.get(name);
      if (!entry) return Promise.reject(new BackupFormatError(`The backup has no article “${name}”.`));
      return readArticle(backup, entry, true);
    },
  };
}

/** The articles of a backup, in the order they were written. Throws BackupFormatError on the first bad entry. */
export async function* readBackup(file: Blob): AsyncGenerator<BackupItem> {
  const backup = await openBackup(file);
  for (const name of backup.articles) yield await backup.read(name);
}

export interface BackupSummary {
  version: number;
  articles: number;
  highlights: number;
  images: number;
}

export interface VerifyOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * Each article as it is checked, without its image bytes (the blobs are
   * empty): what the Import dialog's preview keeps a few fields of. Called in
   * the order the articles were written.
   */
  onArticle?: (name: string, item: BackupItem) => void;
}

/** Reads every entry of a backup and checks it, keeping nothing; throws BackupFormatError. */
export async function verifyBackup(file: Blob, options: VerifyOptions = {}): Promise<BackupSummary> {
  const backup = await open(file);
  const summary: BackupSummary = { version: backup.version, articles: 0, highlights: 0, images: 0 };
  const ids = new Set<string>();
  options.onProgress?.(0, backup.articles.length);
  for (const entry of backup.articles) {
    const item = await readArticle(backup, entry, false);
    if (ids.has(item.meta.id)) throw new BackupFormatError(`“${entry.name}” repeats article ${item.meta.id}.`);
    ids.add(item.meta.id);
    summary.articles++;
    summary.highlights += item.highlights.length;
    summary.images += item.assets.length;
    options.onArticle?.(entry.name, item);
    options.onProgress?.(summary.articles, backup.articles.length);
  }
  return summary;
}
