/**
 * Pocket's highlights (`annotations/part_000000.json` in the 2024+ export):
 * `[{ url, title, highlights: [{ quote, created_at }] }]`, `created_at` in Unix
 * seconds. They attach to the export's items by the article's identity (the
 * URL as the library keys it: tracking parameters, scheme and `www.` do not
 * matter) and are anchored by quote once the article's text is in the library.
 */
import { urlKey } from '../../url';
import { ImportFileError } from '../import-error';
import { httpUrl, unixSeconds } from './fields';
import type { ImportedHighlight, ImportItem } from './types';

export interface PocketAnnotations {
  /** urlKey → highlights */
  byKey: Map<string, ImportedHighlight[]>;
  count: number;
}

export function parsePocketAnnotations(text: string, name: string): PocketAnnotations {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError('bad-json', `${name} is not valid JSON (${error instanceof Error ? error.message : String(error)}); Folio imported nothing.`);
  }
  const byKey = new Map<string, ImportedHighlight[]>();
  let count = 0;
  if (!Array.isArray(data)) return { byKey, count };
  for (const entry of data as unknown[]) {
    if (!entry || typeof entry !== 'object') continue;
    const { url, highlights } = entry as { url?: unknown; highlights?: unknown };
    const key = urlKey(httpUrl(url) ?? '');
    if (!key || !Array.isArray(highlights)) continue;
    const list = byKey.get(key) ?? [];
    for (const h of highlights as unknown[]) {
      const { quote, created_at: created } = (h ?? {}) as { quote?: unknown; created_at?: unknown };
      if (typeof quote !== 'string' || !quote.trim()) continue;
      const createdAt = unixSeconds(created);
      list.push({ quote: quote.trim(), note: '', ...(createdAt !== null ? { createdAt } : {}) });
      count++;
    }
    byKey.set(key, list);
  }
  return { byKey, count };
}

/** Gives each item its highlights; returns how many highlights found no item (their article is not in the export). */
export function attachHighlights(items: ImportItem[], annotations: PocketAnnotations): number {
  const left = new Map(annotations.byKey);
  for (const item of items) {
    const key = urlKey(item.url);
    const found = key ? left.get(key) : undefined;
    if (!found) continue;
    item.highlights.push(...found);
    left.delete(key!);
  }
  let orphans = 0;
  for (const list of left.values()) orphans += list.length;
  return orphans;
}
