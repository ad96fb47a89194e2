/** Article bundles (what exporters read) built in memory, for format tests that need no database. */
import type { Highlight } from '@/utils/highlights/types';
import type { ArticleBundle } from '@/utils/transfer/bundle';
import { imageBytes } from './export-library';

export const PNG_URL = 'https://img.news.example/port.png';

export function highlight(articleId: string, exact: string, start: number, note = '', createdAt = 1_700_000_100_000): Highlight {
  return {
    id: `${articleId}-h${start}`, articleId,
    selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start, end: start + exact.length } },
    basis: { contentHash: 'x', extractorVersion: 1, textModel: 1 }, color: 'yellow', note, createdAt, updatedAt: createdAt, orphaned: false,
  };
}

export function bundle(n: number, overrides: { title?: string; tags?: string[]; content?: string | null; archived?: boolean; highlights?: Highlight[]; byline?: string | null; lang?: string } = {}): ArticleBundle {
  const id = `article-${n}`;
  const url = `https://news.example/story/${n}`;
  const content = overrides.content === undefined
    ? `<h2>Section</h2><p>Chinese and American officials met in <a href="https://kl.example/">Kuala Lumpur</a>.</p><figure><img src="${PNG_URL}" alt="The port"><figcaption>Port</figcaption></figure><p><img src="https://img.news.example/not-saved.jpg" alt="A chart"></p><ul><li>One</li><li>Two</li></ul><script>alert(1)</script><p onclick="alert(2)">Done <b>now</b>.</p>`
    : overrides.content;
  const bytes = imageBytes(n);
  return {
    meta: {
      id, urlKey: `news.example/story/${n}`, url, canonicalUrl: url, title: overrides.title ?? `Story ${n}`, titleKey: `story ${n}`,
      byline: overrides.byline === undefined ? 'Josh Xiao' : overrides.byline, siteName: 'The Straits Ledger', siteKey: 'news.example',
      publishedTime: '2025-10-25T08:00:00Z', modifiedTime: null, lang: overrides.lang ?? 'en', dir: 'ltr', leadImage: PNG_URL, leadImageAlt: null,
      leadImageCaption: null, excerpt: null, wordCount: 20, readingTimeMinutes: 1, savedAt: 1_700_000_000_000 + n * 1000, updatedAt: 1_700_000_000_000,
      tags: overrides.tags ?? ['trade', 'long read'], origin: 'web', images: { stored: 1, skipped: 1, bytes: bytes.length },
      ...(overrides.archived ? { archivedAt: 1_700_000_500_000 } : {}),
    },
    body: content === null ? null : { id, content, textContent: 'Chinese and American officials met in Kuala Lumpur.', contentHash: 'x', extractorVersion: 1 },
    assets: [{ articleId: id, url: PNG_URL, blob: new Blob([bytes as BlobPart], { type: 'image/png' }), type: 'image/png', bytes: bytes.length }],
    highlights: overrides.highlights ?? [highlight(id, 'American officials', 8, 'Who exactly?')],
    position: null,
  };
}

export async function* each(bundles: ArticleBundle[]): AsyncGenerator<ArticleBundle> {
  yield* bundles;
}
