/**
 * Pocket's CSV (`title,url,time_added,tags,status`), the list every
 * read-later service imports: time_added in Unix seconds, tags joined by `|`,
 * status `unread` or `archive`. papaparse quotes titles with commas, quotes or
 * newlines; cells a spreadsheet would run as formulas are neutralised.
 */
import Papa from 'papaparse';
import type { ArticleBundle } from '../bundle';
import { neutralizeRow } from '../csv-cell';

export const POCKET_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status'] as const;

export async function writePocketCsv(bundles: AsyncIterable<ArticleBundle>): Promise<{ blob: Blob; articles: number }> {
  const rows: (string | number)[][] = [];
  for await (const { meta } of bundles) {
    rows.push(
      neutralizeRow([
        meta.title,
        meta.url,
        Math.floor(meta.savedAt / 1000),
        meta.tags.map((t) => t.replace(/\|/g, '/')).join('|'),
        meta.archivedAt !== undefined ? 'archive' : 'unread',
      ]),
    );
  }
  const csv = Papa.unparse({ fields: [...POCKET_COLUMNS], data: rows }, { newline: '\n' });
  return { blob: new Blob([`${csv}\n`], { type: 'text/csv;charset=utf-8' }), articles: rows.length };
}
