// @vitest-environment jsdom
/**
 * Detection fixtures: tests/fixtures/detect/<case>/source.html (+ input.json
 * with the URL) and expected.json `{ "isArticle": … }`. Most are page shapes
 * that are not articles (shops, search, home and tag pages, login, frames).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../utils/article/detect';
import { extractArticle } from '../../../utils/article/extract';

const dir = resolve(__dirname, '../../fixtures/detect');
const cases = existsSync(dir) ? readdirSync(dir).filter((d) => existsSync(join(dir, d, 'source.html'))).sort() : [];

describe('detection fixtures', () => {
  it('finds fixture folders (empty-suite guard)', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const { url } = JSON.parse(readFileSync(join(dir, name, 'input.json'), 'utf8')) as { url: string };
      const { isArticle } = JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as { isArticle: boolean };
      const doc = new JSDOM(readFileSync(join(dir, name, 'source.html'), 'utf8'), { url }).window.document;
      const detection = detectArticle(doc, url);
      expect(detection.isArticle, detection.signals.join(' ')).toBe(isArticle);
      // Extraction without "Try anyway" agrees and never throws.
      const extracted = extractArticle(doc, url);
      if (!isArticle) expect(extracted.ok).toBe(false);
    });
  }

  it('does no work on documents that are not http(s)', () => {
    const doc = new JSDOM('<p>x</p>', { url: 'file:///tmp/x.html' }).window.document;
    expect(detectArticle(doc).signals).toEqual(['not-an-http-document']);
  });

  // Deep nesting, 10 MB pages and broken encodings: tests/unit/article/bad-input.test.ts.
});
