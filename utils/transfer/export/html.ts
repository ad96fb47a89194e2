/**
 * HTML export: one self-contained file per article (its images inlined as
 * data: URIs from the stored copies) and an `index.html` linking them, in a
 * zip. Readable offline in any browser, and inert: the body is sanitised
 * (utils/sanitize.ts), and each file's first element in <head> is a CSP that
 * allows nothing but inline styles and data: images, so even a sanitiser miss
 * could neither run script nor load anything.
 */
import { base64Of, escapeHtml, exportFragment, fragmentHtml, highlightQuotes } from '../article-html';
import { languageTag } from '../language-tag';
import type { ArticleBundle } from '../bundle';
import { createNamer } from '../file-names';
import type { DeflatePool } from '../deflate-pool';
import { blobBytes, ZipBlobWriter } from '../zip-writer';
import type { ExportSummary } from './markdown';

export const EXPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const STYLE = `
:root { color-scheme: light dark; --ink: #1f1d1a; --paper: #fbfaf7; --muted: #6b665e; --line: #e4e0d8; --accent: #8a4b16; --mark: #fde68a; }
@media (prefers-color-scheme: dark) { :root { --ink: #ece8e1; --paper: #171614; --muted: #a39d93; --line: #34312c; --accent: #f0b27a; --mark: #6b5200; } }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1.125rem/1.65 Georgia, "Iowan Old Style", serif; }
main { max-width: 42rem; margin: 0 auto; padding: 3rem 1.25rem 5rem; }
h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 .5rem; }
.meta { color: var(--muted); font: .9rem/1.5 system-ui, sans-serif; margin: 0 0 2rem; }
a { color: var(--accent); }
img { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; } figcaption { color: var(--muted); font-size: .9rem; }
blockquote { margin: 1.25rem 0; padding-left: 1rem; border-left: 3px solid var(--line); }
pre { overflow-x: auto; } table { border-collapse: collapse; } td, th { border: 1px solid var(--line); padding: .25rem .5rem; }
.image-not-saved { display: inline-block; padding: .25rem .5rem; border: 1px dashed var(--line); color: var(--muted); font: .85rem system-ui, sans-serif; }
.highlights { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: 1rem; }
.highlights blockquote { background: color-mix(in srgb, var(--mark) 35%, transparent); border-left-color: var(--mark); padding: .5rem 1rem; }
.note { font: .95rem/1.5 system-ui, sans-serif; white-space: pre-wrap; }
ul.index { list-style: none; padding: 0; } ul.index li { margin: 0 0 1rem; } ul.index .meta { margin: 0; }
`;

function page(title: string, lang: string | null, dir: string | null, body: string): string {
  const tag = languageTag(lang);
  const langAttr = tag ? ` lang="${tag}"` : '';
  const dirAttr = dir === 'rtl' ? ' dir="rtl"' : '';
  return `<!DOCTYPE html>
<html${langAttr}${dirAttr}>
<head>
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function metaLine(bundle: ArticleBundle): string {
  const { meta } = bundle;
  const bits = [meta.byline, meta.siteName || meta.siteKey].filter((b): b is string => Boolean(b)).map(escapeHtml);
  const published = meta.publishedTime && !Number.isNaN(Date.parse(meta.publishedTime)) ? new Date(meta.publishedTime).toISOString().slice(0, 10) : null;
  if (published) bits.push(`<time datetime="${escapeHtml(published)}">${escapeHtml(published)}</time>`);
  bits.push(`<a href="${escapeHtml(meta.url)}" rel="noreferrer">Original</a>`);
  return bits.join(' · ');
}

function highlightsHtml(bundle: ArticleBundle): string {
  const items = highlightQuotes(bundle.highlights).map(({ quote, note }) => `<blockquote>${escapeHtml(quote)}</blockquote>${note ? `<p class="note">${escapeHtml(note)}</p>` : ''}`);
  if (!items.length) return '';
  return `<section class="highlights" aria-labelledby="highlights"><h2 id="highlights">Highlights</h2>\n${items.join('\n')}</section>`;
}

/** One article as a self-contained HTML page; images come from `inline` (asset URL → data: URI). */
export function articleHtml(bundle: ArticleBundle, inline: ReadonlyMap<string, string>): string {
  const title = bundle.meta.title.replace(/\s+/g, ' ').trim() || 'Untitled';
  const body = bundle.body ? fragmentHtml(exportFragment(bundle, (a) => inline.get(a.url) ?? null)) : '<p><em>The text of this article is missing from the library.</em></p>';
  return page(title, bundle.meta.lang, bundle.meta.dir, `<article>\n<h1>${escapeHtml(title)}</h1>\n<p class="meta">${metaLine(bundle)}</p>\n${body}\n${highlightsHtml(bundle)}\n</article>`);
}

export async function writeHtml(bundles: AsyncIterable<ArticleBundle>, pool: DeflatePool | null = null): Promise<ExportSummary> {
  const zip = new ZipBlobWriter('application/zip', pool);
  // index.html is the index: no article may take its name.
  const name = createNamer();
  name('index', 'html');
  const entries: string[] = [];
  let articles = 0;
  try {
    for await (const bundle of bundles) {
      articles++;
      const inline = new Map<string, string>();
      for (const a of bundle.assets) inline.set(a.url, `data:${a.type};base64,${base64Of(await blobBytes(a.blob))}`);
      const file = name(bundle.meta.title, 'html');
      await zip.add(file, articleHtml(bundle, inline));
      const title = bundle.meta.title.replace(/\s+/g, ' ').trim() || 'Untitled';
      entries.push(`<li><a href="${escapeHtml(encodeURIComponent(file))}">${escapeHtml(title)}</a><p class="meta">${metaLine(bundle)}</p></li>`);
    }
    await zip.add('index.html', page('Folio library', null, null, `<h1>Folio library</h1>\n<p class="meta">${articles} articles</p>\n<ul class="index">\n${entries.join('\n')}\n</ul>`));
  } catch (error) {
    zip.abort();
    throw error;
  }
  return { blob: await zip.finish(), articles };
}
