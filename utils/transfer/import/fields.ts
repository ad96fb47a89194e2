/**
 * Small readers the parsers share: URLs, times, tags, text. Each returns a
 * clean value or null, never throws, so a parser can say which field of which
 * row was unreadable.
 */
import { parseHttpUrl } from '../../url';

/** An absolute http(s) URL as its href, or null. */
export function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return parseHttpUrl(value.trim())?.href ?? null;
}

/** Unix seconds (Pocket, Instapaper, bookmarks) as epoch ms; null when absent or absurd. */
export function unixSeconds(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : NaN;
  // 1990 … 2200: anything else is a broken cell, not a date.
  if (!Number.isFinite(n) || n < 631_152_000 || n > 7_258_118_400) return null;
  return Math.round(n * 1000);
}

/** An ISO 8601 (or RFC 2822) date as epoch ms, or null. */
export function dateMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || !value.trim()) return null;
  const ms = Date.parse(value.trim());
  return Number.isFinite(ms) ? ms : null;
}

/** Trimmed, whitespace folded, at most 64 characters (as utils/db/library-repository.ts cleanTag). */
export function cleanImportedTag(tag: string): string {
  return tag.replace(/\s+/g, ' ').trim().slice(0, 64);
}

/** Unique, clean, non-empty tags in first-seen order. */
export function tagList(tags: Iterable<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = cleanImportedTag(raw);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** Text with whitespace folded (titles with quoted newlines become one line), cut to `max`. */
export function oneLine(value: unknown, max = 2_000): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim().slice(0, max) : '';
}

/** "part_000000.csv, row 12" */
export function rowRef(file: string, row: number): string {
  return `${file}, row ${row}`;
}
