// @vitest-environment jsdom
/**
 * Golden fixtures for extraction: tests/fixtures/extract/<case>/source.html
 * (+ input.json with the page URL) against expected.json. Each case is named
 * after the rule it pins. A missing expected.json is a failure, never written
 * silently (a golden made from whatever the code does today pins nothing).
 * Write or regenerate them only on purpose: UPDATE_GOLDENS=1 npx vitest run
 * tests/unit/article/extract-golden.test.ts, then review the diff.
 * input.json may say `"expect": "not-an-article"` (frames, empty pages): then
 * expected.json holds the refusal instead of an article.
 *
 * The `document-*` cases pin document shapes that used to crash or lose the
 * story (no doctype, prologues, a BOM, no <html> tag, a root named like
 * clutter…): they must give the same article from every parser Folio uses —
 * jsdom (this test), the CLI's linkedom with its repairs
 * (scripts/parse-document.ts) and DOMParser (utils/article/parse-html.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractionResult } from '../../../utils/article/extract';
import { extractFromHtml } from '../../../utils/article/parse-html';
import { parseDocument } from '../../../scripts/parse-document';

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
      const input = JSON.parse(readFileSync(join(dir, name, 'input.json'), 'utf8')) as { url: string; expect?: 'not-an-article' };
      const doc = new JSDOM(readFileSync(join(dir, name, 'source.html'), 'utf8'), { url: input.url }).window.document;
      const result = extractArticle(doc, input.url, { force: true });
      const actual = goldenOf(result, input.expect);
      const expectedPath = join(dir, name, 'expected.json');
      if (update) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(existsSync(expectedPath), `${name}/expected.json is missing: write it with UPDATE_GOLDENS=1 and review it`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }

  // A fixture pins its rule only if switching the rule off changes the result.
  const ruleOf: Record<string, string> = {
    'see-also-label-span-and-headline-removed': 'pointer-promos',
    'read-more-inline-label-and-headline-removed': 'pointer-promos',
    'related-label-paragraph-before-headline-removed': 'pointer-promos',
    'nosnippet-blocks-removed': 'nosnippet',
  };
  for (const [name, rule] of Object.entries(ruleOf)) {
    it(`${name}: depends on the ${rule} rule`, () => {
      expect(cases).toContain(name);
      const input = JSON.parse(readFileSync(join(dir, name, 'input.json'), 'utf8')) as { url: string };
      const doc = new JSDOM(readFileSync(join(dir, name, 'source.html'), 'utf8'), { url: input.url }).window.document;
      const without = goldenOf(extractArticle(doc, input.url, { force: true, disabledRules: [rule] }), undefined);
      expect(without).not.toEqual(JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')));
    });
  }

  const shapes = cases.filter((name) => name.startsWith('document-'));
  it('finds the document-shape cases', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(8);
  });
  for (const name of shapes) {
    it(`${name}: the same result from linkedom (CLI) and DOMParser`, () => {
      const input = JSON.parse(readFileSync(join(dir, name, 'input.json'), 'utf8')) as { url: string; expect?: 'not-an-article' };
      const html = readFileSync(join(dir, name, 'source.html'), 'utf8');
      const expected = comparable(JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as Record<string, unknown>);
      const cli = extractArticle(parseDocument(html, input.url, 'linkedom'), input.url, { force: true, mutateDocument: true });
      expect(comparable(goldenOf(cli, input.expect))).toEqual(expected);
      expect(comparable(goldenOf(extractFromHtml(html, input.url, { force: true }), input.expect))).toEqual(expected);
    });
  }
});

/** What expected.json holds for a result: the article without its markup (plus its image URLs), or the refusal. */
function goldenOf(result: ExtractionResult, expectation: 'not-an-article' | undefined): Record<string, unknown> {
  if (expectation) {
    expect(result).toMatchObject({ ok: false, reason: expectation });
    return { ok: false, reason: result.ok ? null : result.reason };
  }
  expect(result.ok, result.ok ? '' : result.detail).toBe(true);
  if (!result.ok) return {};
  const { content: _content, ...rest } = result.article;
  return { ...rest, images: Array.from(result.article.content.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/g), (m) => m[1]?.replace(/&amp;/g, '&')) };
}

/** The fields every parser must agree on (serialisation details such as the excerpt's whitespace may differ). */
function comparable(golden: Record<string, unknown>): Record<string, unknown> {
  if (golden.ok === false) return golden;
  const { title, textContent, wordCount, lang, dir } = golden;
  return { title, textContent, wordCount, lang, dir };
}
