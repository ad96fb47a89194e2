// @vitest-environment jsdom
/**
 * Big articles are sanitised and mounted in two parts so the first screenful
 * paints sooner (utils/sanitize.ts sanitizeArticleInParts). The split must be
 * invisible: the two parts together equal sanitising the whole in one pass,
 * including hostile markup, and wrappers it may not cut through fall back to one pass.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { sanitizeArticle, sanitizeArticleInParts } from '@/utils/sanitize';

const ARTICLE_URL = 'https://news.example/story.html';
const para = '<p>Plain paragraph with <a href="/rel">a link</a>, <em>emphasis</em> and <a href="#fn1">a note</a>.</p>\n';
const hostile = [
  '<script>alert(1)</script>',
  '<img src="/a.png" onerror="alert(2)" alt="chart">',
  '<a href="javascript:alert(3)">click</a>',
  '<iframe srcdoc="<script>alert(4)</script>"></iframe>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '<style>header{display:none}</style>',
  '<svg><script>alert(5)</script></svg>',
  '<form action="https://evil.example/"><input name="q"></form>',
].join('\n');
const table = '<table><tr><td>cell</td></tr></table>';

const cases: Record<string, string> = {
  flat: (para + hostile + table).repeat(300),
  wrapped: `<div id="readability-page-1" class="page"><p>lead</p><div class="x">${(para + hostile + table).repeat(300)}</div>${para.repeat(50)}</div>${para.repeat(20)}`,
  'inside a form (no cut)': `<div><form><div>${(para + hostile).repeat(300)}</div></form></div>`,
  'bare text': `<div>${'some bare text &amp; more '.repeat(20000)}<p>x</p></div>`,
};
// A few golden extraction sources, grown past the split threshold.
const goldens = join(__dirname, '../fixtures/extract');
for (const name of readdirSync(goldens).sort().slice(0, 6)) {
  cases[`golden ${name}`] = readFileSync(join(goldens, name, 'source.html'), 'utf8').repeat(60);
}

it.each(Object.entries(cases))('parts equal the one-pass result: %s', (_name, html) => {
  const whole = document.createElement('div');
  whole.append(sanitizeArticle(html, ARTICLE_URL));
  const parts = sanitizeArticleInParts(html, ARTICLE_URL);
  const split = document.createElement('div');
  split.append(parts.first);
  parts.appendRest?.(split);
  expect(split.innerHTML).toBe(whole.innerHTML);
  expect(split.querySelector('script, iframe, meta, base, style, form, [onerror]')).toBeNull();
});

it('splits only big articles', () => {
  expect(sanitizeArticleInParts(para.repeat(10), ARTICLE_URL).appendRest).toBeNull();
  expect(sanitizeArticleInParts((para + table).repeat(2000), ARTICLE_URL).appendRest).not.toBeNull();
});
