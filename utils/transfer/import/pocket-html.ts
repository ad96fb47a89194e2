/**
 * Pocket's older export, `ril_export.html`: `<h1>Unread</h1>` and
 * `<h1>Read Archive</h1>`, each followed by a `<ul>` of
 * `<a href time_added tags>title</a>` (tags comma-separated). Parsed with
 * DOMParser, which builds an inert document: no script runs, nothing loads.
 */
import { httpUrl, oneLine, tagList, unixSeconds } from './fields';
import type { ImportItem, UnreadableRow } from './types';

export function parsePocketHtml(html: string, name: string, parser: DOMParser = new DOMParser()): { items: ImportItem[]; unreadable: UnreadableRow[] } {
  const doc = parser.parseFromString(html, 'text/html');
  const items: ImportItem[] = [];
  const unreadable: UnreadableRow[] = [];
  let archived = false;
  let n = 0;
  // Document order: each heading switches the section for the links after it.
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    const tag = node.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      archived = /read archive|archive/i.test(node.textContent ?? '');
      continue;
    }
    if (tag !== 'a') continue;
    n++;
    const ref = `${name}, link ${n}`;
    const url = httpUrl(node.getAttribute('href'));
    if (!url) {
      unreadable.push({ ref, reason: `not a web address: “${(node.getAttribute('href') ?? '').slice(0, 80)}”` });
      continue;
    }
    const savedAt = unixSeconds(node.getAttribute('time_added'));
    items.push({
      ref,
      url,
      title: oneLine(node.textContent),
      ...(savedAt !== null ? { savedAt } : {}),
      tags: tagList((node.getAttribute('tags') ?? '').split(',')),
      archived,
      read: archived,
      favorite: false,
      highlights: [],
    });
  }
  return { items, unreadable };
}
