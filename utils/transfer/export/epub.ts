/**
 * EPUB 3 export: the chosen articles as one book, one chapter per article,
 * with a table of contents (nav.xhtml), the stored images and metadata, valid
 * under epubcheck (tests/unit/transfer/epub.test.ts runs it). Images in the
 * EPUB core media types (JPEG, PNG, GIF) are included; others would need a
 * fallback chain and are shown as their alt text, as in the offline reader.
 */
import { exportFragment, highlightQuotes } from '../article-html';
import { languageTag } from '../language-tag';
import type { ArticleBundle } from '../bundle';
import { imageExtension } from '../image-types';
import type { DeflatePool } from '../deflate-pool';
import { ZipBlobWriter } from '../zip-writer';
import { epubXhtml, xmlText } from './epub-xhtml';
import type { ExportSummary } from './markdown';

const CORE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif']);

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

const STYLE = `body { font-family: serif; line-height: 1.5; }
h1 { font-size: 1.6em; line-height: 1.2; }
.meta { font-size: .85em; color: #555; }
img { max-width: 100%; }
blockquote { margin: 1em 0 1em 1em; padding-left: .8em; border-left: 2px solid #aaa; }
.image-not-saved { font-style: italic; color: #555; }
.note { font-size: .9em; }
`;

function chapter(title: string, lang: string, bodyXhtml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head><meta charset="utf-8"/><title>${xmlText(title)}</title><link rel="stylesheet" type="text/css" href="../style.css"/></head>
<body>
${bodyXhtml}
</body>
</html>
`;
}

function highlightsXhtml(bundle: ArticleBundle): string {
  const items = highlightQuotes(bundle.highlights).map(({ quote, note }) => `<blockquote><p>${xmlText(quote)}</p></blockquote>${note ? `<p class="note">${xmlText(note)}</p>` : ''}`);
  return items.length ? `<section><h2>Highlights</h2>${items.join('')}</section>` : '';
}

export interface EpubOptions {
  now?: number;
  /** Compresses chapters on worker threads (deflate-pool.ts). */
  pool?: DeflatePool | null;
  /** The book's identifier; a fresh UUID by default. */
  uuid?: string;
}

export async function writeEpub(bundles: AsyncIterable<ArticleBundle>, options: EpubOptions = {}): Promise<ExportSummary> {
  const now = options.now ?? Date.now();
  const zip = new ZipBlobWriter('application/epub+zip', options.pool ?? null);
  // The mimetype must come first and be stored uncompressed (OCF 3.0 §4.3).
  await zip.add('mimetype', 'application/epub+zip', { compress: false });
  await zip.add('META-INF/container.xml', CONTAINER);
  await zip.add('OEBPS/style.css', STYLE);
  const manifest: string[] = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>', '<item id="css" href="style.css" media-type="text/css"/>'];
  const spine: string[] = [];
  const toc: string[] = [];
  let articles = 0;
  let bookLang: string | null = null;
  let firstTitle = '';
  try {
    for await (const bundle of bundles) {
      articles++;
      const n = String(articles).padStart(6, '0');
      const title = bundle.meta.title.replace(/\s+/g, ' ').trim() || 'Untitled';
      if (articles === 1) firstTitle = title;
      const lang = languageTag(bundle.meta.lang) ?? 'en';
      bookLang ??= languageTag(bundle.meta.lang);
      const images = new Map<string, string>();
      let k = 0;
      for (const asset of bundle.assets) {
        if (!CORE_IMAGES.has(asset.type)) continue;
        const file = `images/${n}-${++k}.${imageExtension(asset.type)}`;
        images.set(asset.url, `../${file}`);
        await zip.addBlob(`OEBPS/${file}`, asset.blob);
        manifest.push(`<item id="i${n}-${k}" href="${file}" media-type="${asset.type}"/>`);
      }
      let body: string;
      if (bundle.body) body = epubXhtml(exportFragment(bundle, (a) => images.get(a.url) ?? null));
      else {
        body = '<p><em>The text of this article is missing from the library.</em></p>';
      }
      const metaBits = [bundle.meta.byline, bundle.meta.siteName || bundle.meta.siteKey].filter(Boolean).map((b) => xmlText(b!));
      const meta = `<p class="meta">${[...metaBits, `<a href="${xmlText(bundle.meta.url)}">${xmlText(bundle.meta.url)}</a>`].join(' · ')}</p>`;
      const file = `text/a${n}.xhtml`;
      await zip.add(`OEBPS/${file}`, chapter(title, lang, `<section epub:type="chapter"><h1>${xmlText(title)}</h1>${meta}${body}${highlightsXhtml(bundle)}</section>`));
      manifest.push(`<item id="a${n}" href="${file}" media-type="application/xhtml+xml"/>`);
      spine.push(`<itemref idref="a${n}"/>`);
      toc.push(`<li><a href="${file}">${xmlText(title)}</a></li>`);
    }
    if (articles === 0) throw new RangeError('An e-book needs at least one article.');
    const lang = bookLang ?? 'en';
    const bookTitle = articles === 1 ? firstTitle : `Folio: ${articles} articles`;
    const modified = new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    await zip.add('OEBPS/nav.xhtml', `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head><meta charset="utf-8"/><title>${xmlText(bookTitle)}</title></head>
<body><nav epub:type="toc" id="toc"><h1>Contents</h1><ol>${toc.join('')}</ol></nav></body>
</html>
`);
    await zip.add('OEBPS/content.opf', `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="uid">urn:uuid:${options.uuid ?? crypto.randomUUID()}</dc:identifier>
<dc:title>${xmlText(bookTitle)}</dc:title>
<dc:language>${lang}</dc:language>
<dc:creator>Folio</dc:creator>
<dc:date>${modified}</dc:date>
<meta property="dcterms:modified">${modified}</meta>
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine>
${spine.join('\n')}
</spine>
</package>
`);
  } catch (error) {
    zip.abort();
    throw error;
  }
  return { blob: await zip.finish(), articles };
}
