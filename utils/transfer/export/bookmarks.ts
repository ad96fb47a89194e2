/**
 * Netscape bookmarks HTML: the file every browser imports and exports. One
 * folder "Folio" holding a link per article with its save date (ADD_DATE, Unix
 * seconds) and tags (TAGS, comma-separated: Pocket, Pinboard and Raindrop read
 * them). Titles and URLs are escaped; the file carries no script (browsers
 * parse it as data, but an export opened in a browser must not run anything).
 */
import { escapeHtml } from '../article-html';
import type { ArticleBundle } from '../bundle';

export async function writeBookmarks(bundles: AsyncIterable<ArticleBundle>, now = Date.now()): Promise<{ blob: Blob; articles: number }> {
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<META HTTP-EQUIV="Content-Security-Policy" CONTENT="default-src 'none'">`,
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
    `    <DT><H3 ADD_DATE="${Math.floor(now / 1000)}">Folio</H3>`,
    '    <DL><p>',
  ];
  let articles = 0;
  for await (const { meta } of bundles) {
    articles++;
    const title = meta.title.replace(/\s+/g, ' ').trim() || meta.url;
    const tags = meta.tags.map((t) => t.replace(/,/g, ' ')).join(',');
    const attrs = [`HREF="${escapeHtml(meta.url)}"`, `ADD_DATE="${Math.floor(meta.savedAt / 1000)}"`];
    if (tags) attrs.push(`TAGS="${escapeHtml(tags)}"`);
    lines.push(`        <DT><A ${attrs.join(' ')}>${escapeHtml(title)}</A>`);
  }
  lines.push('    </DL><p>', '</DL><p>', '');
  return { blob: new Blob([lines.join('\n')], { type: 'text/html;charset=utf-8' }), articles };
}
