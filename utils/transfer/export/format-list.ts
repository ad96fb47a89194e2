/**
 * The export formats' names, apart from their writers (formats.ts): the
 * library page's Export dialog lists them at start-up, and importing them from
 * formats.ts pulled every writer (zip, EPUB, turndown, fflate, papaparse) into
 * the page's first script, which the page parsed before its first rows.
 */
export const EXPORT_FORMATS = ['backup', 'markdown', 'html', 'epub', 'pocket-csv', 'bookmarks', 'readwise-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
