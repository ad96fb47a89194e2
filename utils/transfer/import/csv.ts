/**
 * CSV for the importers, through papaparse (quoted newlines, doubled quotes,
 * CRLF). Columns are found by header name, case-insensitively, so an export
 * that adds a column (Pocket's `cursor`) or reorders them still reads.
 *
 * Broken quoting refuses the whole file: an unterminated quote swallows every
 * row after it into one cell, so a "successful" parse would import nonsense.
 */
import Papa from 'papaparse';
import { ImportFileError } from '../import-error';

export interface CsvTable {
  /** Lower-cased, trimmed header names. */
  header: string[];
  /** Data rows, as arrays aligned with `header`; `line` is the 1-based row in the file (header = 1). */
  rows: { cells: string[]; line: number }[];
  /** Rows whose field count does not match the header. */
  ragged: { line: number; reason: string }[];
}

export function readCsv(text: string, name: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const quoting = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoting) {
    const row = typeof quoting.row === 'number' ? ` near row ${quoting.row + 1}` : '';
    throw new ImportFileError('bad-csv', `${name} has broken quoting${row} (${quoting.message.toLowerCase()}); Folio imported nothing. Open it in a spreadsheet and save it as CSV again.`);
  }
  const [first, ...data] = parsed.data;
  if (!first) throw new ImportFileError('empty', `${name} is empty.`);
  const header = first.map((h) => h.trim().toLowerCase());
  const rows: CsvTable['rows'] = [];
  const ragged: CsvTable['ragged'] = [];
  // Lines in the file, not records: a quoted newline makes one record span two lines; papaparse gives records, so count records.
  data.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length < header.length) {
      // Fewer cells than columns: old exports drop trailing empty columns; pad rather than refuse.
      rows.push({ cells: [...cells, ...Array<string>(header.length - cells.length).fill('')], line });
    } else if (cells.length > header.length) {
      ragged.push({ line, reason: `${cells.length} fields where the header names ${header.length}` });
    } else {
      rows.push({ cells, line });
    }
  });
  return { header, rows, ragged };
}

/** A column's index by any of `names`, or -1. */
export function column(table: CsvTable, ...names: string[]): number {
  for (const n of names) {
    const i = table.header.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}
