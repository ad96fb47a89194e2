// @vitest-environment jsdom
/**
 * Golden fixtures for extraction: tests/fixtures/extract/<case>/source.html
 * (+ input.json with the page URL) against expected.json. Each case is named
 * after the rule it pins. A missing expected.json is a failure, never written
 * silently (a golden made from whatever the code does today pins nothing).
 * Write or regenerate them only on purpose: UPDATE_GOLDENS=1 npx vitest run
 * tests/unit/article/extract-golden.test.ts, then review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/article/extract';

const dir = resolve(__dirname, '../../fixtures/extract');
const cases = existsSync(dir) ? readdirSync(dir).filter((d) => existsSync(join(dir, d, 'source.html'))).sort() : [];
const update = process.env.UPDATE_GOLDENS === '1';

describe('extraction golden fixtures', () => {
  it('finds fixture folders (empty-suite guard)', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  // The "-kept" cases pin markup, which expected.json (text + metadata) does not show.
  const keptMarkup: Record<string, RegExp> = {
    'embedded-tweet-kept-as-quote': /<blockquote\b[^>]*>[\s\S]*Tonight the council[\s\S]*@MayorRuiz[\s\S]*<\/blockquote>/,
    'table-kept': /<table\b[\s\S]*<th>Amount<\/th>[\s\S]*<\/table>/,
    'code-kept': /<pre><code>rate = levy/,
    'figure-caption-kept': /<figure>[\s\S]*<img\b[\s\S]*<figcaption>Council members vote/,
  };
  for (const [name, pattern] of Object.entries(keptMarkup)) {
    it(`${name}: markup`, () => {
      expect(cases).toContain(name);
      const input = JSON.parse(readFileSync(join(dir, name, 'input.json'), 'utf8')) as { url: string };
      const doc = new JSDOM(readFileSync(join(dir, name, 'source.html'), 'utf8'), { url: input.url }).window.document;
      const result = extractArticle(doc, input.url, { force: true });
      expect(result.ok && result.article.content).toMatch(pattern);
    });
  }

  for (const name of cases) {
    it(name, () => {
      const input = JSON.parse(readFileSync(join(dir, name, 'input.json'), 'utf8')) as { url: string };
      const doc = new JSDOM(readFileSync(join(dir, name, 'source.html'), 'utf8'), { url: input.url }).window.document;
      const result = extractArticle(doc, input.url, { force: true });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const { content: _content, ...rest } = result.article;
      const actual = { ...rest, images: Array.from(result.article.content.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g), (m) => m[1]?.replace(/&amp;/g, '&')) };
      const expectedPath = join(dir, name, 'expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(existsSync(expectedPath), `${name}/expected.json is missing: write it with UPDATE_GOLDENS=1 and review it`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
