/**
 * Omnivore's export zip: `metadata_<n>_to_<m>.json` (arrays of `{ id, slug,
 * title, description, author, url, state, readingProgress, labels, savedAt,
 * publishedAt }`), `content/<slug>.html` (the article as Omnivore stored it:
 * imported as it is, never re-fetched, since many of those links are dead)
 * and `highlights/<slug>.md`. `state` "Archived" is archived; "Deleted" items
 * are left out; `readingProgress` is a percentage.
 */
import { decodeText } from '../text';
import { ImportFileError } from '../import-error';
import type { ZipEntries } from '../zip';
import { dateMs, httpUrl, oneLine, tagList } from './fields';
import { parseOmnivoreHighlights } from './omnivore-highlights';
import type { ImportItem, UnreadableRow } from './types';

export const isOmnivoreMetadata = (name: string) => /(^|\/)metadata_[^/]*\.json$/i.test(name);

const base = (name: string) => name.replace(/^.*\//, '');

function labelsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((l: unknown) => (typeof l === 'string' ? [l] : l && typeof l === 'object' && typeof (l as { name?: unknown }).name === 'string' ? [(l as { name: string }).name] : []));
}

export function parseOmnivoreZip(entries: ZipEntries): { items: ImportItem[]; unreadable: UnreadableRow[]; warnings: string[] } {
  const content = new Map<string, Uint8Array>();
  const highlights = new Map<string, Uint8Array>();
  for (const [name, bytes] of entries) {
    const m = /(?:^|\/)(content|highlights)\/([^/]+)\.(html|md)$/i.exec(name);
    if (m) (m[1]!.toLowerCase() === 'content' ? content : highlights).set(m[2]!, bytes);
  }
  const items: ImportItem[] = [];
  const unreadable: UnreadableRow[] = [];
  const warnings: string[] = [];
  const metaFiles = [...entries.keys()].filter(isOmnivoreMetadata).sort();
  for (const file of metaFiles) {
    const { text, warning } = decodeText(entries.get(file)!, base(file));
    if (warning) warnings.push(warning);
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch (error) {
      throw new ImportFileError('bad-json', `${base(file)} in this zip is not valid JSON (${error instanceof Error ? error.message : String(error)}); Folio imported nothing.`);
    }
    if (!Array.isArray(list)) throw new ImportFileError('bad-json', `${base(file)} in this zip is not a list of articles; Folio imported nothing.`);
    list.forEach((entry: unknown, i) => {
      const ref = `${base(file)}, item ${i + 1}`;
      if (!entry || typeof entry !== 'object') {
        unreadable.push({ ref, reason: 'not an article record' });
        return;
      }
      const e = entry as Record<string, unknown>;
      const url = httpUrl(e.url);
      if (!url) {
        unreadable.push({ ref, reason: typeof e.url === 'string' && e.url ? `not a web address: “${e.url.slice(0, 80)}”` : 'no address' });
        return;
      }
      const state = typeof e.state === 'string' ? e.state.toLowerCase() : '';
      if (state === 'deleted') return;
      const slug = typeof e.slug === 'string' ? e.slug : '';
      const html = slug && content.has(slug) ? decodeText(content.get(slug)!, `content/${slug}.html`).text : undefined;
      const md = slug && highlights.has(slug) ? decodeText(highlights.get(slug)!).text : '';
      const savedAt = dateMs(e.savedAt);
      const progressRaw = typeof e.readingProgress === 'number' && Number.isFinite(e.readingProgress) ? e.readingProgress : null;
      const progress = progressRaw === null ? undefined : Math.min(1, Math.max(0, progressRaw > 1 ? progressRaw / 100 : progressRaw));
      const archived = state === 'archived';
      const published = dateMs(e.publishedAt);
      items.push({
        ref,
        url,
        title: oneLine(e.title),
        ...(savedAt !== null ? { savedAt } : {}),
        tags: tagList(labelsOf(e.labels)),
        archived,
        read: archived || (progress !== undefined && progress >= 0.98),
        favorite: false,
        ...(progress !== undefined && progress > 0 ? { progress } : {}),
        byline: typeof e.author === 'string' && e.author.trim() ? oneLine(e.author, 300) : null,
        excerpt: typeof e.description === 'string' && e.description.trim() ? oneLine(e.description, 400) : null,
        publishedTime: published !== null ? new Date(published).toISOString() : null,
        ...(html && html.trim() ? { html } : {}),
        highlights: md ? parseOmnivoreHighlights(md) : [],
      });
    });
  }
  if (metaFiles.length && items.length === 0 && unreadable.length === 0) warnings.push('This Omnivore export lists no articles.');
  return { items, unreadable, warnings };
}
