/**
 * From the file the user picked to a ParsedImport: refuse by size before
 * reading, sniff the format from the content (never the name: Pocket's zip is
 * often renamed, an Instapaper CSV may be called anything), read and parse.
 * Everything here is read-only; nothing is written until the user confirms.
 */
import type { ProgressListener } from '../bundle';
import { ImportFileError } from '../import-error';
import { IMPORT_LIMITS, type ImportLimits } from '../limits';
import { decodeText } from '../text';
import { looksLikeZip, readZip } from '../zip';
import { parseBookmarksHtml } from './bookmarks-html';
import { isFolioBackup, readFolioBackup } from './folio-backup';
import { parseInstapaperCsv } from './instapaper-csv';
import { isOmnivoreMetadata, parseOmnivoreZip } from './omnivore-zip';
import { attachHighlights, parsePocketAnnotations } from './pocket-annotations';
import { parsePocketCsv } from './pocket-csv';
import { parsePocketHtml } from './pocket-html';
import { FORMAT_LABELS, type ImportFormat, type ImportItem, type ParsedImport, type UnreadableRow } from './types';

const isPocketCsv = (name: string) => /(^|\/)part_[^/]*\.csv$/i.test(name);
const isPocketAnnotations = (name: string) => /(^|\/)annotations\/[^/]*\.json$/i.test(name);
const isPocketHtml = (name: string) => /(^|\/)ril_export\.html?$/i.test(name);
const isOmnivorePart = (name: string) => /(^|\/)(content\/[^/]+\.html|highlights\/[^/]+\.md)$/i.test(name);
const base = (name: string) => name.replace(/^.*\//, '');

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
}

/** Which text format this is, from its first line or markup; null when none. */
export function sniffText(text: string): Exclude<ImportFormat, 'pocket-zip' | 'omnivore-zip' | 'folio-backup'> | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/<!DOCTYPE\s+NETSCAPE-Bookmark-file/i.test(head)) return 'bookmarks-html';
  if (/^\s*</.test(head)) {
    if (/<h1>\s*(unread|read archive)\s*<\/h1>/i.test(text.slice(0, 200_000)) || /time_added\s*=/i.test(head)) return 'pocket-html';
    if (/<dl>/i.test(head) && /<dt>/i.test(head)) return 'bookmarks-html';
    return null;
  }
  const firstLine = head.split(/\r?\n/, 1)[0]!.toLowerCase().replace(/"/g, '');
  const cols = firstLine.split(',').map((c) => c.trim());
  if (cols.includes('url') && cols.includes('title') && cols.includes('folder')) return 'instapaper-csv';
  if (cols.includes('url') && (cols.includes('time_added') || cols.includes('status'))) return 'pocket-csv';
  return null;
}

function check(items: ImportItem[], limits: ImportLimits): void {
  if (items.length > limits.maxItems) {
    throw new ImportFileError('too-many', `This export lists ${items.length.toLocaleString('en')} articles; Folio imports at most ${limits.maxItems.toLocaleString('en')} at a time. Split the export and import the parts one after another.`);
  }
}

async function readPocketOrOmnivoreZip(file: Blob, limits: ImportLimits): Promise<ParsedImport> {
  const entries = await readZip(file, limits, (n) => isPocketCsv(n) || isPocketAnnotations(n) || isPocketHtml(n) || isOmnivoreMetadata(n) || isOmnivorePart(n));
  const names = [...entries.keys()];
  const warnings: string[] = [];
  if (names.some(isOmnivoreMetadata)) {
    const parsed = parseOmnivoreZip(entries);
    check(parsed.items, limits);
    return { format: 'omnivore-zip', label: FORMAT_LABELS['omnivore-zip'], ...parsed };
  }
  const csvs = names.filter(isPocketCsv).sort();
  const html = names.find(isPocketHtml);
  if (csvs.length === 0 && !html) {
    throw new ImportFileError('unknown-format', 'This zip is not a Folio backup or a Pocket or Omnivore export: it has no Folio manifest.json, part_*.csv, ril_export.html or metadata_*.json. Folio imported nothing.');
  }
  const items: ImportItem[] = [];
  const unreadable: UnreadableRow[] = [];
  for (const name of csvs) {
    const { text, warning } = decodeText(entries.get(name)!, base(name));
    if (warning) warnings.push(warning);
    const part = parsePocketCsv(text, base(name));
    items.push(...part.items);
    unreadable.push(...part.unreadable);
  }
  if (html && csvs.length === 0) {
    const part = parsePocketHtml(decodeText(entries.get(html)!).text, base(html));
    items.push(...part.items);
    unreadable.push(...part.unreadable);
  }
  for (const name of names.filter(isPocketAnnotations).sort()) {
    const { text, warning } = decodeText(entries.get(name)!, base(name));
    if (warning) warnings.push(warning);
    const annotations = parsePocketAnnotations(text, name);
    const orphans = attachHighlights(items, annotations);
    if (orphans) warnings.push(`${orphans} highlight${orphans === 1 ? '' : 's'} in ${name} belong to articles that are not in this export; they were left out.`);
  }
  check(items, limits);
  return { format: 'pocket-zip', label: FORMAT_LABELS['pocket-zip'], items, unreadable, warnings };
}

/**
 * Reads and parses `file`; throws ImportFileError (or, for a Folio backup,
 * BackupFormatError) with the user's sentence when it cannot. `onProgress`
 * follows the reading of a backup, the one format read article by article.
 */
export async function readImportFile(file: Blob & { name?: string }, limits: ImportLimits = IMPORT_LIMITS, onProgress?: ProgressListener): Promise<ParsedImport> {
  const name = file.name || 'The file';
  if (file.size === 0) throw new ImportFileError('empty', `${name} is empty.`);
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const tooLarge = file.size > limits.maxFileBytes;
  if (looksLikeZip(head)) {
    // A backup is read one entry at a time and keeps only light rows, so its size costs time, not
    // memory: it has no file cap (its entries have theirs, utils/transfer/backup/format.ts). Telling
    // it apart reads only the directory and manifest.json, even of a file too large for the rest.
    const backup = await isFolioBackup(file, limits).catch((error: unknown) => {
      if (tooLarge) return false;
      throw error;
    });
    if (backup) return readFolioBackup(file, onProgress);
  }
  if (tooLarge) {
    throw new ImportFileError('too-large', `${name} is ${megabytes(file.size)}; Folio imports files up to ${megabytes(limits.maxFileBytes)}. Nothing was read or imported.`);
  }
  if (looksLikeZip(head)) return readPocketOrOmnivoreZip(file, limits);

  const { text, warning } = decodeText(new Uint8Array(await file.arrayBuffer()), name);
  const format = sniffText(text);
  if (!format) {
    throw new ImportFileError('unknown-format', `Folio does not recognise ${name === 'The file' ? 'this file' : name}. It imports Folio backups (zip), Pocket exports (zip, CSV or ril_export.html), Instapaper CSV, Omnivore exports (zip) and bookmarks exported from a browser (HTML).`);
  }
  const parsed: { items: ImportItem[]; unreadable: UnreadableRow[]; warnings?: string[] } =
    format === 'pocket-csv' ? parsePocketCsv(text, name)
    : format === 'instapaper-csv' ? parseInstapaperCsv(text, name)
    : format === 'pocket-html' ? parsePocketHtml(text, name)
    : parseBookmarksHtml(text, name);
  check(parsed.items, limits);
  const warnings = [...(parsed.warnings ?? [])];
  if (warning) warnings.unshift(warning);
  return { format, label: FORMAT_LABELS[format], items: parsed.items, unreadable: parsed.unreadable, warnings };
}
