// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/utils/article/extract';
import { stableSelector, removalSelector } from '@/utils/site-rules/selector';
import type { RuleOutcome, SiteRule } from '@/utils/site-rules/types';

const STORY = [
  'The harbour council voted on Tuesday to rebuild the sea wall before the winter storms arrive, ending a year of delay.',
  'Engineers said the old wall, built in 1952, had cracked along half its length and could fail in a strong surge.',
  'Work starts in March and should take eleven months; the ferry will move to the north quay while it lasts.',
];
const COMMENTS = Array.from({ length: 40 }, (_, i) => `Reader ${i} writes: I have lived by this harbour for decades and the council has never listened to any of us about the wall, the ferry or the parking, and this vote changes nothing at all.`);

/** A template where Readability takes the long comment thread for the story. */
const page = (n: number) =>
  new DOMParser().parseFromString(
    `<!doctype html><html><head><title>Harbour wall ${n}</title><meta property="og:type" content="article"></head><body>
    <main id="content"><div class="story-body" id="story-${n}">${STORY.map((p) => `<p>${p} (${n})</p>`).join('')}
    <div class="promo-box"><p>Read more: ${'Ten things to do in the harbour this summer. '.repeat(3)}</p></div></div>
    <section class="comment-thread">${COMMENTS.map((c) => `<div class="comment"><p>${c}</p></div>`).join('')}</section></main></body></html>`,
    'text/html',
  );

describe('extraction with a site rule', () => {
  it('without the rule the comments win; with the rule made on one page, the next page gives the story, promo gone', () => {
    const plain = extractArticle(page(2), 'https://news.example/2', { force: true });
    expect(plain.ok && plain.article.textContent).toContain('Reader 3 writes');

    const first = page(1);
    const rule: SiteRule = {
      site: 'news.example',
      article: stableSelector(first.querySelector('.story-body')!),
      remove: [removalSelector(first.querySelector('.promo-box')!)!],
      createdAt: 1,
      updatedAt: 1,
    };
    expect(rule.article).not.toMatch(/story-1/);
    let outcome: RuleOutcome | null = null;
    const fixed = extractArticle(page(2), 'https://news.example/2', { rule, onRule: (o) => (outcome = o) });
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    expect(fixed.article.textContent).toContain('The harbour council voted on Tuesday');
    expect(fixed.article.textContent).toContain('(2)');
    expect(fixed.article.textContent).not.toContain('Reader 3 writes');
    expect(fixed.article.textContent).not.toContain('Read more');
    expect(outcome).toEqual({ used: true, narrowed: true, removed: 1 });
  });

  it('a rule that matches nothing leaves extraction as it was', () => {
    const rule: SiteRule = { site: 'news.example', article: '#no-such-thing', remove: ['div.not-here'], createdAt: 1, updatedAt: 1 };
    let outcome: RuleOutcome | null = null;
    const a = extractArticle(page(3), 'https://news.example/3', { force: true, rule, onRule: (o) => (outcome = o) });
    const b = extractArticle(page(3), 'https://news.example/3', { force: true });
    expect(a.ok && b.ok && a.article.textContent === b.article.textContent).toBe(true);
    expect(outcome).toEqual({ used: false, narrowed: false, removed: 0 });
  });
});
