/**
 * Extraction from HTML text (a link saved without opening it, an import): parse
 * with the context's DOMParser, which runs no scripts and loads nothing, then
 * the same extractArticle the in-page path uses.
 */
import { extractArticle, type ExtractionResult } from './extract';

export function extractFromHtml(html: string, url: string): ExtractionResult {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // Relative links and images must resolve against the article, not the extension.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  return extractArticle(doc, url);
}
