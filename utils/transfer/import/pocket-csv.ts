/**
 * Pocket's CSV export (`part_000000.csv` … in the zip, 2024 onwards):
 * `title,url,time_added,cursor,tags,status` — columns found by name (some
 * files carry `cursor`, some do not), titles with quoted newlines,
 * `time_added` in Unix seconds, tags joined by `|`, status `unread` or
 * `archive`.
 */
import { readCsv, column } from './csv';
import { httpUrl, oneLine, rowRef, tagList, unixSeconds } from './fields';
import type { ImportItem, UnreadableRow } from './types';

export function parsePocketCsv(text: string, name: string): { items: ImportItem[]; unreadable: UnreadableRow[] } {
  const table = readCsv(text, name);
  const at = {
    title: column(table, 'title'),
    url: column(table, 'url', 'given_url', 'resolved_url'),
    time: column(table, 'time_added'),
    tags: column(table, 'tags'),
    status: column(table, 'status'),
    favorite: column(table, 'favorite', 'starred'),
  };
  const items: ImportItem[] = [];
  const unreadable: UnreadableRow[] = table.ragged.map((r) => ({ ref: rowRef(name, r.line), reason: r.reason }));
  if (at.url < 0) {
    unreadable.push({ ref: name, reason: 'no “url” column' });
    return { items, unreadable };
  }
  for (const { cells, line } of table.rows) {
    const ref = rowRef(name, line);
    const url = httpUrl(cells[at.url]);
    if (!url) {
      unreadable.push({ ref, reason: cells[at.url]?.trim() ? `not a web address: “${cells[at.url]!.trim().slice(0, 80)}”` : 'no address' });
      continue;
    }
    const status = (at.status >= 0 ? cells[at.status] ?? '' : '').trim().toLowerCase();
    const savedAt = at.time >= 0 ? unixSeconds(cells[at.time]) : null;
    const archived = status === 'archive' || status === 'archived' || status === 'read';
    items.push({
      ref,
      url,
      title: at.title >= 0 ? oneLine(cells[at.title]) : '',
      ...(savedAt !== null ? { savedAt } : {}),
      tags: at.tags >= 0 ? tagList((cells[at.tags] ?? '').split('|')) : [],
      archived,
      // Pocket's "archive" is what its users call "read".
      read: archived,
      favorite: at.favorite >= 0 && /^(1|true|yes)$/i.test((cells[at.favorite] ?? '').trim()),
      highlights: [],
    });
  }
  return { items, unreadable };
}
