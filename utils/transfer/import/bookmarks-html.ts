/**
 * Netscape bookmarks HTML, what every browser exports: nested
 * `<DT><H3>Folder</H3><DL>…</DL>` with `<DT><A HREF ADD_DATE TAGS>` links.
 * Each folder a link sits in becomes a tag (Folio has tags, not folders); the
 * browsers' own top folders ("Bookmarks bar", "Other bookmarks"…) do not.
 * Firefox writes `TAGS="a,b"` too. Parsed inertly with DOMParser (the format's
 * unclosed `<DT>`s are why an HTML parser, not a regex, reads it).
 */
import { httpUrl, oneLine, tagList, unixSeconds } from './fields';
import type { ImportItem, UnreadableRow } from './types';

/** Browser root folders: where a bookmark is kept, not what it is about. */
const ROOT_FOLDERS = /^(bookmarks( bar| toolbar| menu)?|favorites( bar)?|other bookmarks|mobile bookmarks|unsorted bookmarks|speed dial)$/i;

function foldersOf(link: Element): string[] {
  const folders: string[] = [];
  for (let el: Element | null = link.parentElement; el; el = el.parentElement) {
    if (el.tagName !== 'DL') continue;
    // The folder's name is the <H3> just before its <DL> (inside the same <DT>, or as the previous sibling).
    let prev = el.previousElementSibling;
    while (prev && prev.tagName === 'P') prev = prev.previousElementSibling;
    if (prev?.tagName === 'H3') folders.unshift(oneLine(prev.textContent, 64));
  }
  return folders.filter((f) => f && !ROOT_FOLDERS.test(f));
}

export function parseBookmarksHtml(html: string, name: string, parser: DOMParser = new DOMParser()): { items: ImportItem[]; unreadable: UnreadableRow[] } {
  const doc = parser.parseFromString(html, 'text/html');
  const items: ImportItem[] = [];
  const unreadable: UnreadableRow[] = [];
  let n = 0;
  for (const link of doc.querySelectorAll('a')) {
    n++;
    const href = link.getAttribute('href') ?? '';
    // javascript: bookmarklets, place: queries and file: links are not articles.
    if (/^(javascript|place|file|chrome|about|data):/i.test(href.trim())) continue;
    const ref = `${name}, bookmark ${n}`;
    const url = httpUrl(href);
    if (!url) {
      unreadable.push({ ref, reason: `not a web address: “${href.slice(0, 80)}”` });
      continue;
    }
    const savedAt = unixSeconds(link.getAttribute('add_date'));
    items.push({
      ref,
      url,
      title: oneLine(link.textContent),
      ...(savedAt !== null ? { savedAt } : {}),
      tags: tagList([...foldersOf(link), ...(link.getAttribute('tags') ?? '').split(',')]),
      archived: false,
      read: false,
      favorite: false,
      highlights: [],
    });
  }
  return { items, unreadable };
}
