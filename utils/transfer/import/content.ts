/**
 * An item's own HTML (Omnivore's `content/<slug>.html`) made into a write:
 * parsed inertly (DOMParser: no script runs, nothing loads), extracted with
 * the same code as any page, forced (the user chose to import it), and its
 * highlights' quotes found in the extracted content. Needs a DOM (the library
 * page); Readability is loaded only when an import has content to read.
 */
import type { ImportWrite } from '../../db/imports';
import type { ImportItem } from './types';

export async function prepareContent(item: ImportItem): Promise<ImportWrite | null> {
  if (!item.html) return { item };
  const [{ extractFromHtml }, { anchorQuotes }] = await Promise.all([import('../../article/parse-html'), import('../../highlights/anchor-quotes')]);
  const result = extractFromHtml(item.html, item.url, { force: true });
  if (!result.ok) return null;
  const extracted = { ...result.article, url: item.url, canonicalUrl: item.url };
  // The export knows the title, author and dates better than a copy without its page's metadata.
  if (item.title) extracted.title = item.title;
  if (item.byline) extracted.byline = item.byline;
  if (item.publishedTime) extracted.publishedTime = item.publishedTime;
  if (item.excerpt) extracted.excerpt = item.excerpt;
  const anchors = anchorQuotes(extracted.content, extracted.url, item.highlights.map((h) => h.quote));
  return { item, extracted, anchors };
}
