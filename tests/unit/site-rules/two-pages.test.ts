// @vitest-environment jsdom
/**
 * The e2e sample site's two articles of one template (tests/fixtures/site/gazette/):
 * readers' letters outweigh a short story, so Readability takes the letters too.
 * A rule made on the first page — its container picked, its promo removed in the
 * reader — must read the second page right without help.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/article/extract';
import { sanitizeArticle } from '@/utils/sanitize';
import { blockRefs, partAt, removeByRefs, ruleSteps } from '@/utils/site-rules/blocks';
import { withArticle, withRemovals } from '@/utils/site-rules/edit';
import { stableSelector } from '@/utils/site-rules/selector';
import type { RuleOutcome } from '@/utils/site-rules/types';

const DIR = resolve(__dirname, '../../fixtures/site/gazette');
const URL1 = 'http://127.0.0.1/gazette/sea-wall.html';
const URL2 = 'http://127.0.0.1/gazette/ferry-timetable.html';
const load = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(DIR, file), 'utf8'), 'text/html');
const first = () => load('sea-wall.html');
const second = () => load('ferry-timetable.html');

describe('a fix made on one page of a site reads its next page', () => {
  it('without a rule both pages come out with the letters (the wrong block)', () => {
    for (const [doc, url] of [[first(), URL1], [second(), URL2]] as const) {
      const plain = extractArticle(doc, url);
      expect(plain.ok && plain.article.textContent).toMatch(/What readers say/);
    }
  });

  it('the story container picked on page 1 is named by stable classes only, and finds the story on page 2', () => {
    const doc = first();
    const selector = stableSelector(doc.querySelector('.copy')!)!;
    // Not the article's number (copy-48213) nor the generated class (kRqXzB).
    expect(selector).toBe('div.copy');
    expect(second().querySelectorAll(selector)).toHaveLength(1);
    expect(second().querySelector(selector)?.textContent).toContain('The last boat back');
  });

  it('page 2 read with the rule: the story, no letters; then "Remove parts" on page 1’s promo removes it on page 2 too, after Readability', () => {
    let rule = withArticle(null, '127.0.0.1', stableSelector(first().querySelector('.copy')!)!, 1);
    let outcome: RuleOutcome | null = null;
    const fixed = extractArticle(second(), URL2, { rule, onRule: (o) => (outcome = o), markBlocks: true });
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    expect(fixed.article.textContent).toContain('The island ferry will run two extra evening crossings');
    expect(fixed.article.textContent).not.toMatch(/What readers say|Kofi/);
    expect(outcome).toEqual({ used: true, narrowed: true, removed: 0 });
    expect(fixed.article.textContent).toContain('Quayside Weekend');

    // In the reader of page 1 (read with the rule), the promo is removed by pointing at it.
    const page1 = extractArticle(first(), URL1, { rule, markBlocks: true });
    if (!page1.ok) throw new Error(page1.detail);
    const body = document.createElement('div');
    body.append(sanitizeArticle(page1.article.content, URL1));
    const refs = blockRefs(body);
    const promo = partAt([...body.querySelectorAll('strong')].find((s) => s.textContent?.includes('Quayside'))!, body)!;
    const { steps, pageOnly } = ruleSteps([promo], refs.keys());
    // Readability turned the text-only <div class="quay-guide"> into a <p>: the step has no tag, so it still names the page's <div>.
    expect({ steps, pageOnly }).toEqual({ steps: ['.quay-guide'], pageOnly: 0 });
    const stored = new DOMParser().parseFromString(page1.article.content, 'text/html').body;
    expect(removeByRefs(stored, [refs.get(promo)!])).toBe(true);
    expect(stored.textContent).not.toContain('Quayside');

    rule = withRemovals(rule, '127.0.0.1', steps, 2);
    expect(rule).toMatchObject({ article: 'div.copy', remove: ['.quay-guide'], createdAt: 1, updatedAt: 2 });
    outcome = null;
    const again = extractArticle(second(), URL2, { rule, onRule: (o) => (outcome = o) });
    expect(again.ok && again.article.textContent).not.toContain('Quayside');
    expect(again.ok && again.article.textContent).toContain('The last boat back');
    // Removed before Readability, on the page itself.
    expect(outcome).toEqual({ used: true, narrowed: true, removed: 1 });
  });

  it('a removal-only rule works without a container, and a rule whose container is gone falls back silently', () => {
    const removeOnly = withRemovals(null, '127.0.0.1', ['.quay-guide'], 1);
    const out = extractArticle(second(), URL2, { rule: removeOnly });
    expect(out.ok && out.article.textContent).not.toContain('Quayside');
    expect(out.ok && out.article.textContent).toContain('What readers say');

    const gone = withArticle(null, '127.0.0.1', 'div.story-text', 1);
    let outcome: RuleOutcome | null = null;
    const plain = extractArticle(second(), URL2, { rule: gone, onRule: (o) => (outcome = o) });
    expect(plain.ok && plain.article.textContent).toContain('What readers say');
    expect(outcome).toEqual({ used: false, narrowed: false, removed: 0 });
  });

  it('marks only blocks with stable names, and never keeps a page’s own marks', () => {
    const doc = first();
    doc.querySelector('.copy p')!.setAttribute('data-folio-step', 'p');
    const out = extractArticle(doc, URL1, { rule: withArticle(null, '127.0.0.1', 'div.copy', 1), markBlocks: true });
    if (!out.ok) throw new Error(out.detail);
    const marks = [...out.article.content.matchAll(/data-folio-step="([^"]*)"/g)].map((m) => m[1]);
    expect(marks).toContain('.quay-guide');
    expect(marks).not.toContain('p');
    expect(marks.every((m) => !/kRqXzB|48213/.test(m!))).toBe(true);
    const unmarked = extractArticle(first(), URL1, { rule: withArticle(null, '127.0.0.1', 'div.copy', 1) });
    expect(unmarked.ok && unmarked.article.content).not.toContain('data-folio-step');
  });
});
