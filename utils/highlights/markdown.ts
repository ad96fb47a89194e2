/**
 * "Copy highlights as Markdown": a heading that links back to the article,
 * then each highlight in document order as a block quote with its note under
 * it. Quotes are article text and are escaped so they read as text (a quote
 * starting "1." or "#" must not become a list or a heading); notes are the
 * reader's own writing and go in as written.
 */
import { normaliseQuote } from '../text-fragment';
import { byDocumentOrder } from './order';
import type { Highlight } from './types';

export interface MarkdownArticle {
  title: string;
  url: string;
}

/** Characters that format inline in CommonMark. */
const INLINE = /[\\`*_[\]<>~|]/g;
/** Line starts that would open a heading, list, rule or setext underline. */
const LINE_START = /^(#|[-+=]|\d+[.)])/;

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, (m) => (/^\d/.test(m) ? m.replace(/([.)])$/, '\\$1') : `\\${m}`));
}

/** A URL safe inside `(…)` of a Markdown link. */
export function linkTarget(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function linkText(text: string): string {
  return normaliseQuote(text).replace(/[\\[\]]/g, '\\$&') || 'Untitled';
}

/** Each highlight in document order as a quote block, its note (if any) as the block after it. */
export function highlightBlocks(highlights: readonly Highlight[]): string[] {
  const blocks: string[] = [];
  for (const h of [...highlights].sort(byDocumentOrder)) {
    // The text model keeps the HTML's line breaks and indentation: a quote reads as one line.
    const quote = normaliseQuote(h.selectors.quote.exact);
    if (!quote) continue;
    blocks.push(`> ${escapeMarkdown(quote)}`);
    const note = h.note.trim();
    if (note) blocks.push(note);
  }
  return blocks;
}

export function highlightsToMarkdown(article: MarkdownArticle, highlights: readonly Highlight[]): string {
  const blocks = [`## [${linkText(article.title)}](${linkTarget(article.url)})`, ...highlightBlocks(highlights)];
  return `${blocks.join('\n\n')}\n`;
}
