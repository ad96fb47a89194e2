/**
 * What a tag is, in one place: the library page's inputs, the repository's
 * writes and imports all clean a tag the same way, so a tag typed, renamed or
 * imported is the same string and the list never shows near-duplicates.
 */

export const MAX_TAG_LENGTH = 64;

/** A tag as the user meant it: trimmed, inner whitespace folded to one space, capped; null when nothing is left. */
export function normalizeTag(raw: string): string | null {
  const tag = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH).trim();
  return tag === '' ? null : tag;
}
