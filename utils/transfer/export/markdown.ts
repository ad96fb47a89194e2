/**
 * Markdown export: a zip with one `.md` file per article and its images in
 * `assets/`, linked relatively, so Obsidian (a folder is a vault) and Logseq
 * open it as is. Each file starts with YAML front matter (title, author, site,
 * url, published, saved, tags), then the body converted by turndown from the
 * sanitised HTML, then the highlights as quote blocks with their notes.
 *
 * Front matter values are written as double-quoted JSON strings: JSON is a
 * subset of YAML 1.2, so a title with a colon, a quote, a `#`, a newline or a
 * leading `-` stays one string in every YAML reader. Tags lose their spaces
 * (Obsidian tags cannot contain one: `long read` → `long-read`).
 */
import TurndownService from 'turndown';
import { highlightBlocks } from '../../highlights/markdown';
import type { ArticleAsset } from '../../library/types';
import { exportFragment } from '../article-html';
import type { ArticleBundle } from '../bundle';
import { createNamer } from '../file-names';
import { imageExtension } from '../image-types';
import type { DeflatePool } from '../deflate-pool';
import { ZipBlobWriter } from '../zip-writer';

export interface ExportSummary {
  blob: Blob;
  articles: number;
}

const yamlString = (value: string) => JSON.stringify(value);

/** An Obsidian-safe tag: no spaces, no `#`, no characters a tag cannot hold. */
export function markdownTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '-').replace(/[#,;:!?"'`()[\]{}<>|\\/^*=+~@$%&]/g, '');
}

function isoDate(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function frontMatter(bundle: ArticleBundle): string {
  const { meta } = bundle;
  const lines = ['---', `title: ${yamlString(meta.title || 'Untitled')}`];
  if (meta.byline) lines.push(`author: ${yamlString(meta.byline)}`);
  if (meta.siteName || meta.siteKey) lines.push(`site: ${yamlString(meta.siteName || meta.siteKey)}`);
  lines.push(`url: ${yamlString(meta.url)}`);
  const published = isoDate(meta.publishedTime);
  if (published) lines.push(`published: ${yamlString(published)}`);
  lines.push(`saved: ${yamlString(new Date(meta.savedAt).toISOString())}`);
  const tags = [...new Set(meta.tags.map(markdownTag).filter(Boolean))];
  lines.push(tags.length ? `tags:\n${tags.map((t) => `  - ${yamlString(t)}`).join('\n')}` : 'tags: []');
  lines.push('---');
  return lines.join('\n');
}

let service: TurndownService | null = null;
function turndown(): TurndownService {
  if (!service) {
    service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_', hr: '---' });
    // Figures read as their image and caption; the sanitiser already removed anything that runs.
    service.remove(['script', 'style', 'noscript']);
    // Turndown's own list items pad the marker to four columns ("-   One"); one space reads as people write it,
    // and continuation lines are indented to where the item's text starts (CommonMark's rule).
    service.addRule('listItem', {
      filter: 'li',
      replacement(content, node, options) {
        const parent = node.parentNode as Element | null;
        let prefix = `${options.bulletListMarker} `;
        if (parent?.nodeName === 'OL') {
          const start = Number(parent.getAttribute('start') ?? '1');
          prefix = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call(parent.children, node)}. `;
        }
        const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n').replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
        return prefix + body + (node.nextSibling && !/\n$/.test(body) ? '\n' : '');
      },
    });
  }
  return service;
}

/** One article's Markdown, with images at `srcFor(asset)`. */
export function articleMarkdown(bundle: ArticleBundle, srcFor: (asset: ArticleAsset) => string | null): string {
  const parts = [frontMatter(bundle), `# ${bundle.meta.title.replace(/\s+/g, ' ').trim() || 'Untitled'}`];
  if (bundle.body) {
    const host = document.createElement('div');
    host.append(exportFragment(bundle, srcFor));
    const body = turndown().turndown(host).trim();
    if (body) parts.push(body);
  } else {
    parts.push('_The text of this article is missing from the library._');
  }
  const quotes = highlightBlocks(bundle.highlights);
  if (quotes.length) parts.push('## Highlights', ...quotes);
  return `${parts.join('\n\n')}\n`;
}

export async function writeMarkdown(bundles: AsyncIterable<ArticleBundle>, pool: DeflatePool | null = null): Promise<ExportSummary> {
  const zip = new ZipBlobWriter('application/zip', pool);
  const name = createNamer();
  let articles = 0;
  try {
    for await (const bundle of bundles) {
      articles++;
      const files = new Map<ArticleAsset, string>();
      // Numbered names: no spaces or odd characters to encode in the links.
      bundle.assets.forEach((a, k) => files.set(a, `assets/${String(articles).padStart(6, '0')}-${k + 1}.${imageExtension(a.type)}`));
      await zip.add(name(bundle.meta.title, 'md'), articleMarkdown(bundle, (a) => files.get(a) ?? null));
      for (const [asset, path] of files) await zip.addBlob(path, asset.blob);
    }
  } catch (error) {
    zip.abort();
    throw error;
  }
  return { blob: await zip.finish(), articles };
}
