/** The page report's optional extras from the content script: kept when sound, dropped (not fatal) when not. */
import { describe, expect, it } from 'vitest';
import { pageReport, readingMinutes } from '../../utils/validate';

const BASE = { url: 'https://news.example.com/a', isArticle: true, title: 'T', siteName: 'S' };

describe('pageReport extras', () => {
  it('keeps an http(s) lead image and a canonical URL', () => {
    expect(pageReport({ ...BASE, leadImage: 'https://cdn.example/a.jpg', canonicalUrl: 'https://news.example.com/a' })).toEqual({
      ...BASE,
      leadImage: 'https://cdn.example/a.jpg',
      canonicalUrl: 'https://news.example.com/a',
    });
  });

  it('carries no reading time any more (the popup asks the page for it): a sent one is dropped', () => {
    expect(pageReport({ ...BASE, readingTimeMinutes: 4 })).toEqual(BASE);
  });

  it('drops hostile or malformed extras but keeps the report', () => {
    for (const extras of [
      { leadImage: 'javascript:alert(1)' },
      { leadImage: 'data:image/png;base64,AA' },
      { leadImage: 42 },
      { canonicalUrl: 'file:///etc/passwd' },
    ]) {
      expect(pageReport({ ...BASE, ...extras })).toEqual(BASE);
    }
  });

  it('still refuses a report without a valid page URL', () => {
    expect(() => pageReport({ ...BASE, url: 'javascript:alert(1)', leadImage: 'https://cdn.example/a.jpg' })).toThrow();
  });
});

describe('readingMinutes (the page\'s answer to the popup)', () => {
  it('keeps a whole count of minutes and reads anything else as not known', () => {
    expect(readingMinutes(4)).toBe(4);
    expect(readingMinutes(600)).toBe(600);
    for (const bad of [0, 2.5, 10_000, '4', Number.NaN, undefined, null, { minutes: 4 }]) expect(readingMinutes(bad)).toBeNull();
  });
});
