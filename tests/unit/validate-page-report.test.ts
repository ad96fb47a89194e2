/** The page report's optional extras from the content script: kept when sound, dropped (not fatal) when not. */
import { describe, expect, it } from 'vitest';
import { pageReport } from '../../utils/validate';

const BASE = { url: 'https://news.example.com/a', isArticle: true, title: 'T', siteName: 'S' };

describe('pageReport extras', () => {
  it('keeps an http(s) lead image, a canonical URL and a whole reading time', () => {
    expect(
      pageReport({ ...BASE, leadImage: 'https://cdn.example/a.jpg', canonicalUrl: 'https://news.example.com/a', readingTimeMinutes: 4 }),
    ).toEqual({ ...BASE, leadImage: 'https://cdn.example/a.jpg', canonicalUrl: 'https://news.example.com/a', readingTimeMinutes: 4 });
  });

  it('drops hostile or malformed extras but keeps the report', () => {
    for (const extras of [
      { leadImage: 'javascript:alert(1)' },
      { leadImage: 'data:image/png;base64,AA' },
      { leadImage: 42 },
      { canonicalUrl: 'file:///etc/passwd' },
      { readingTimeMinutes: 0 },
      { readingTimeMinutes: 2.5 },
      { readingTimeMinutes: 10_000 },
      { readingTimeMinutes: '4' },
      { readingTimeMinutes: Number.NaN },
    ]) {
      expect(pageReport({ ...BASE, ...extras })).toEqual(BASE);
    }
  });

  it('still refuses a report without a valid page URL', () => {
    expect(() => pageReport({ ...BASE, url: 'javascript:alert(1)', leadImage: 'https://cdn.example/a.jpg' })).toThrow();
  });
});
