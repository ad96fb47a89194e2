/**
 * The per-item report an import ends with: every row of the export, what
 * became of it and why, downloadable as CSV (spreadsheets) or JSON.
 */
import Papa from 'papaparse';

export type ReportStatus = 'imported' | 'merged' | 'skipped' | 'failed';

export interface ReportRow {
  ref: string;
  url: string;
  title: string;
  status: ReportStatus;
  /** Why (skipped, failed) or what (merged: "tags + news, archived"; imported: "link, queued to download"). */
  detail: string;
  /** The library id, when the item is in the library. */
  id?: string;
}

export interface ImportReport {
  format: string;
  startedAt: number;
  finishedAt: number;
  cancelled: boolean;
  rows: ReportRow[];
  counts: Record<ReportStatus, number>;
  /** Links queued for the background download. */
  queued: number;
  warnings: string[];
}

export function countRows(rows: readonly ReportRow[]): Record<ReportStatus, number> {
  const counts: Record<ReportStatus, number> = { imported: 0, merged: 0, skipped: 0, failed: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}

/** A cell a spreadsheet would run as a formula (= + - @, tab, CR) is prefixed with an apostrophe. */
export function neutralCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function reportCsv(report: ImportReport): string {
  return Papa.unparse({
    fields: ['status', 'title', 'url', 'detail', 'source'],
    data: report.rows.map((r) => [r.status, r.title, r.url, r.detail, r.ref].map(neutralCell)),
  });
}

export function reportJson(report: ImportReport): string {
  return JSON.stringify(report, null, 2);
}
