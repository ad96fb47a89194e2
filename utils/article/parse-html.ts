/**
 * Extraction from HTML text (a link saved without opening it, an import): parse
 * with the context's DOMParser, which runs no scripts and loads nothing, then
 * the same extractArticle the in-page path uses.
 */
import { articleContainer } from '../site-rules/apply';
import { extractArticle, type ExtractOptions, type ExtractionResult } from './extract';
import { revealStreamedSegments } from './prepare/streamed-segments';

function parseHtml(html: string, url: string): Document {
  // The byte decoder drops a BOM when a browser loads a page; a string handed to
  // DOMParser still has it, and a leading U+FEFF would put the parser in quirks mode.
  const doc = new DOMParser().parseFromString(html.replace(/^\uFEFF/, ''), 'text/html');
  // The one thing a React-streamed page's scripts do that its reader needs: put the story where it shows.
  // Before detection (a Save link is not forced), which would otherwise see only the page's shell.
  revealStreamedSegments(doc);
  // Relative links and images must resolve against the article, not the extension.
  // (A frameset page has a head but no body: extractArticle refuses it.)
  const head = doc.head ?? doc.documentElement;
  if (head && !doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    head.prepend(base);
  }
  return doc;
}

export function extractFromHtml(html: string, url: string, options: ExtractOptions = {}): ExtractionResult {
  try {
    return extractArticle(parseHtml(html, url), url, options);
  } catch (error) {
    return { ok: false, reason: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether a site rule's article selector picks this page's story out (one element, enough text): a new rule's trial. */
export function articleFitsHtml(html: string, url: string, selector: string): boolean {
  return articleContainer(parseHtml(html, url), selector) !== null;
}
