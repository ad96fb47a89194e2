import type { ExtractedArticle } from '@/utils/article/types';

/** A small valid extraction; override what a test is about. */
export function makeExtracted(overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  const url = overrides.url ?? 'https://news.example/2025/10/25/talks';
  return {
    url,
    canonicalUrl: url,
    title: 'US says China talks very constructive',
    byline: 'Josh Xiao',
    siteName: 'The Straits Ledger',
    publishedTime: '2025-10-25T08:00:00Z',
    modifiedTime: null,
    lang: 'en',
    dir: 'ltr',
    leadImage: null,
    excerpt: 'The Chinese delegation made no public remarks.',
    content: '<p>Chinese and American officials met in Kuala Lumpur.</p>',
    textContent: 'Chinese and American officials met in Kuala Lumpur.',
    wordCount: 8,
    readingTimeMinutes: 1,
    ...overrides,
  };
}
