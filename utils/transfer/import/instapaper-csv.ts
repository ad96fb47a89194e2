/**
 * Instapaper's CSV export: `URL,Title,Selection,Folder,Timestamp,Tags`; older
 * files have only the first four columns. `Folder` is Unread, Archive, Starred
 * or the name of one of the user's folders, which becomes a tag (Folio has tags,
 * not folders). `Tags` is a JSON array string (`["news","long read"]`).
 * `Selection` is the text the user had selected when saving: kept as the
 * excerpt, not as a highlight (Instapaper's highlights are not in this file).
 */
import { column, readCsv } from './csv';
import { httpUrl, oneLine, rowRef, tagList, unixSeconds } from './fields';
import type { ImportItem, UnreadableRow } from './types';

function jsonTags(cell: string): string[] | null {
  const text = cell.trim();
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value.filter((t): t is string => typeof t === 'string');
    return null;
  } catch {
    return null;
  }
}

export function parseInstapaperCsv(text: string, name: string): { items: ImportItem[]; unreadable: UnreadableRow[]; warnings: string[] } {
  const table = readCsv(text, name);
  const at = {
    url: column(table, 'url'),
    title: column(table, 'title'),
    selection: column(table, 'selection'),
    folder: column(table, 'folder'),
    time: column(table, 'timestamp'),
    tags: column(table, 'tags'),
  };
  const items: ImportItem[] = [];
  const unreadable: UnreadableRow[] = table.ragged.map((r) => ({ ref: rowRef(name, r.line), reason: r.reason }));
  const warnings: string[] = [];
  let badTags = 0;
  for (const { cells, line } of table.rows) {
    const ref = rowRef(name, line);
    const url = httpUrl(cells[at.url]);
    if (!url) {
      unreadable.push({ ref, reason: cells[at.url]?.trim() ? `not a web address: “${cells[at.url]!.trim().slice(0, 80)}”` : 'no address' });
      continue;
    }
    const folder = oneLine(at.folder >= 0 ? cells[at.folder] : '', 64);
    const kind = folder.toLowerCase();
    const tags: string[] = [];
    if (at.tags >= 0) {
      const parsed = jsonTags(cells[at.tags] ?? '');
      if (parsed) tags.push(...parsed);
      else {
        badTags++;
        // Not JSON: a hand-edited file; a comma list is the likely intent.
        tags.push(...(cells[at.tags] ?? '').split(','));
      }
    }
    if (folder && !['unread', 'archive', 'starred'].includes(kind)) tags.unshift(folder);
    const savedAt = at.time >= 0 ? unixSeconds(cells[at.time]) : null;
    const selection = at.selection >= 0 ? oneLine(cells[at.selection], 400) : '';
    items.push({
      ref,
      url,
      title: at.title >= 0 ? oneLine(cells[at.title]) : '',
      ...(savedAt !== null ? { savedAt } : {}),
      tags: tagList(tags),
      archived: kind === 'archive',
      read: kind === 'archive',
      favorite: kind === 'starred',
      ...(selection ? { excerpt: selection } : {}),
      highlights: [],
    });
  }
  if (badTags) warnings.push(`${badTags} row${badTags === 1 ? '' : 's'} of ${name} had a Tags cell that is not a JSON list; Folio split it at commas.`);
  return { items, unreadable, warnings };
}
