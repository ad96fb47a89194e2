/**
 * Readwise's highlight CSV (`Highlight,Title,Author,URL,Note,Location,Date`),
 * one row per highlight in document order. Location is the highlight's
 * character offset in the article (Readwise sorts by it); Date is when it was
 * made, as `YYYY-MM-DD HH:MM:SS` in UTC, the form Readwise's importer reads.
 */
import Papa from 'papaparse';
import { byDocumentOrder } from '../../highlights/order';
import { normaliseQuote } from '../../text-fragment';
import type { ArticleBundle } from '../bundle';
import { neutralizeRow } from '../csv-cell';

export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

export function readwiseDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export async function writeReadwiseCsv(bundles: AsyncIterable<ArticleBundle>): Promise<{ blob: Blob; articles: number; highlights: number }> {
  const rows: (string | number)[][] = [];
  let articles = 0;
  for await (const { meta, highlights } of bundles) {
    articles++;
    for (const h of [...highlights].sort(byDocumentOrder)) {
      const quote = normaliseQuote(h.selectors.quote.exact);
      if (!quote) continue;
      rows.push(neutralizeRow([quote, meta.title, meta.byline ?? '', meta.url, h.note, h.selectors.position.start, readwiseDate(h.createdAt)]));
    }
  }
  const csv = Papa.unparse({ fields: [...READWISE_COLUMNS], data: rows }, { newline: '\n' });
  return { blob: new Blob([`${csv}\n`], { type: 'text/csv;charset=utf-8' }), articles, highlights: rows.length };
}
