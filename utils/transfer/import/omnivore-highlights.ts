/**
 * Omnivore's `highlights/<slug>.md`: one block per highlight, the quote as a
 * Markdown quote (`> …`, possibly several lines, possibly ending with a
 * `[⤴️](https://omnivore.app/…)` back-link), then the note as plain
 * paragraphs, and labels as `#label` words. Labels stay in the note (Folio's
 * highlights have notes, not labels), so they remain searchable.
 */
import type { ImportedHighlight } from './types';

const BACKLINK = /\s*\[[^\]]*\]\((?:https?:\/\/)?[^)]*omnivore\.app[^)]*\)\s*$/;

export function parseOmnivoreHighlights(markdown: string): ImportedHighlight[] {
  const out: ImportedHighlight[] = [];
  let quote: string[] | null = null;
  let note: string[] = [];
  const flush = () => {
    if (quote) {
      const text = quote.join(' ').replace(BACKLINK, '').replace(/\s+/g, ' ').trim();
      if (text) out.push({ quote: text, note: note.join('\n').trim() });
    }
    quote = null;
    note = [];
  };
  let inQuote = false;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (/^\s*>/.test(line)) {
      // A quote line after a note (or after a blank line ending a quote) starts the next highlight.
      if (!inQuote) flush();
      quote ??= [];
      quote.push(line.replace(/^\s*>\s?/, ''));
      inQuote = true;
      continue;
    }
    inQuote = false;
    if (!quote) continue; // a title line or front matter before the first quote
    if (/^#{1,6}\s/.test(line)) continue; // a Markdown heading, not a label
    if (line.trim() || note.length) note.push(line.trim());
  }
  flush();
  return out;
}
