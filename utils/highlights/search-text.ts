/**
 * What an article's highlights add to its search entry (the `notes` field of
 * utils/library/search-terms.ts, weighted above the body): every quote and
 * every note, so searching the library for a word only written in a note
 * finds the article, and a highlighted passage ranks it higher.
 */
import type { Highlight } from './types';

export function searchableNotes(highlights: readonly Pick<Highlight, 'selectors' | 'note'>[]): string | undefined {
  const parts: string[] = [];
  for (const h of highlights) {
    parts.push(h.selectors.quote.exact);
    if (h.note.trim()) parts.push(h.note);
  }
  return parts.length ? parts.join('\n') : undefined;
}
