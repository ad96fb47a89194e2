/**
 * The export formats by name: all the export dialog needs to list them. Kept
 * apart from formats.ts, whose writers (zip, turndown, EPUB) must load on the
 * first export, not with the library page.
 */
export const EXPORT_FORMATS = ['backup', 'markdown', 'html', 'epub', 'pocket-csv', 'bookmarks', 'readwise-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
