/**
 * A Folio backup in the Import dialog (docs/export.md is the format). It is
 * recognised by its content — a zip whose manifest.json names the Folio
 * format — and verified whole while the dialog says "Reading…", so a bad
 * backup is refused with the reader's sentence before anything is written.
 * The preview keeps light rows only (ref = the entry name, address, title,
 * saved date, tags, states, highlight quotes for the count) and the file:
 * bodies and image bytes are read again, one article at a time, when the
 * user confirms (apply-backup.ts).
 */
import type { ProgressListener } from '../bundle';
import { BACKUP_FORMAT, MANIFEST_PATH } from '../backup/format';
import { verifyBackup, type BackupItem } from '../backup/reader';
import type { ImportLimits } from '../limits';
import { readZip } from '../zip';
import { FORMAT_LABELS, type ImportItem, type ParsedImport } from './types';

/**
 * Whether the zip `file` is a Folio backup: reads only its manifest.json. A
 * manifest that is not JSON or names another format is some other program's
 * zip, and goes on to the other zip formats.
 */
export async function isFolioBackup(file: Blob, limits: ImportLimits): Promise<boolean> {
  const bytes = (await readZip(file, limits, (name) => name === MANIFEST_PATH)).get(MANIFEST_PATH);
  if (!bytes) return false;
  try {
    const manifest: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof manifest === 'object' && manifest !== null && (manifest as { format?: unknown }).format === BACKUP_FORMAT;
  } catch {
    return false;
  }
}

/** The preview's row for one article: what the counts and lists show, nothing more. */
function rowOf(ref: string, { meta, highlights }: BackupItem): ImportItem {
  return {
    ref,
    url: meta.url,
    title: meta.title,
    savedAt: meta.savedAt,
    tags: [...meta.tags],
    archived: meta.archivedAt !== undefined,
    read: meta.readAt !== undefined,
    favorite: meta.favoritedAt !== undefined,
    ...(meta.progress !== undefined ? { progress: meta.progress } : {}),
    highlights: highlights.map((h) => ({ quote: h.selectors.quote.exact, note: '' })),
  };
}

/** Verifies the backup `file` entry by entry and returns its light rows; throws BackupFormatError. */
export async function readFolioBackup(file: Blob, onProgress?: ProgressListener): Promise<ParsedImport> {
  const items: ImportItem[] = [];
  const identities = new Map<string, { id: string; urlKey: string }>();
  const summary = await verifyBackup(file, {
    onProgress,
    onArticle(name, item) {
      items.push(rowOf(name, item));
      identities.set(name, { id: item.meta.id, urlKey: item.meta.urlKey });
    },
  });
  return { format: 'folio-backup', label: FORMAT_LABELS['folio-backup'], items, unreadable: [], warnings: [], backup: { file, identities, images: summary.images } };
}
