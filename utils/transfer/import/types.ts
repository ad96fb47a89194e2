/**
 * What every import source produces, whatever its format: items in one shape,
 * the rows it could not read (with why), and warnings about the file as a
 * whole. Parsers are pure (bytes or text in, this out) and write nothing.
 */

export type ImportFormat = 'pocket-zip' | 'pocket-csv' | 'pocket-html' | 'instapaper-csv' | 'omnivore-zip' | 'bookmarks-html' | 'folio-backup';

/** A highlight as an export names it: a quote to find again in the article's text. */
export interface ImportedHighlight {
  quote: string;
  note: string;
  /** Epoch ms; absent when the export does not say. */
  createdAt?: number;
}

/** One article an export brings. Link-only unless `html` is there. */
export interface ImportItem {
  /** Where it came from, for the preview and report: "part_000000.csv, row 12". */
  ref: string;
  /** Absolute http(s) URL (checked by the parser). */
  url: string;
  /** As the export names it; may be '' (the list then shows the address). */
  title: string;
  /** Epoch ms; absent when the export does not say (the import's time is used). */
  savedAt?: number;
  tags: string[];
  archived: boolean;
  read: boolean;
  favorite: boolean;
  /** 0 … 1 */
  progress?: number;
  byline?: string | null;
  excerpt?: string | null;
  publishedTime?: string | null;
  /** Article HTML that came with the export (Omnivore): extracted and sanitised like any page, never trusted. */
  html?: string;
  highlights: ImportedHighlight[];
}

/** A row or entry that could not become an item. */
export interface UnreadableRow {
  ref: string;
  reason: string;
}

/**
 * What a Folio backup's preview keeps beside its light rows: the file itself
 * (restored from, article by article, once the user confirms) and each row's
 * identity, which decides "already in the library" exactly as the restore does.
 */
export interface BackupSource {
  file: Blob;
  /** By the row's `ref` (its entry name, `articles/000001.json`). */
  identities: ReadonlyMap<string, { id: string; urlKey: string }>;
  images: number;
}

export interface ParsedImport {
  format: ImportFormat;
  /** For the preview: "Pocket export (zip)". */
  label: string;
  items: ImportItem[];
  unreadable: UnreadableRow[];
  /** About the file as a whole (not UTF-8, highlights for articles not in the export…). */
  warnings: string[];
  /** Only for a Folio backup: its items are restored whole from here, not written from the rows. */
  backup?: BackupSource;
}

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'pocket-zip': 'Pocket export (zip)',
  'pocket-csv': 'Pocket export (CSV)',
  'pocket-html': 'Pocket export (ril_export.html)',
  'instapaper-csv': 'Instapaper export (CSV)',
  'omnivore-zip': 'Omnivore export (zip)',
  'bookmarks-html': 'Browser bookmarks (HTML)',
  'folio-backup': 'Folio backup',
};
