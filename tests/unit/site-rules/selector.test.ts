// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isGeneratedToken, matchCount, removalSelector, stableSelector } from '@/utils/site-rules/selector';

const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');

/** Two articles of one template: the story and a promo in the same places, different ids and hashes. */
const templated = (n: number, hash: string) =>
  page(`<header class="site-header"><nav>Home</nav></header>
  <main id="content" class="layout ${hash}">
    <div class="article-wrap">
      <div id="post-${n}" class="story-body css-${hash}"><p>Story ${n} paragraph.</p><p>More of story ${n}.</p></div>
      <div class="promo promo-box"><a href="/x">See also: something else</a></div>
      <section class="comments" id="comments-${n}"><p>A long comment thread ${n}.</p></section>
    </div>
  </main>`);

describe('generated tokens', () => {
  it('refuses numbers, hashes, CSS-module and CSS-in-JS names, Tailwind arbitrary values', () => {
    for (const t of ['post-48213', 'a3f9c2', 'x7Gh2KpQ', 'css-1q2w3e', 'sc-bdVaJa', 'bdVaJa', 'title__3kx9a', 'w-[37rem]', 'hover:underline', 'x'.repeat(41)]) {
      expect(isGeneratedToken(t), t).toBe(true);
    }
  });

  it('keeps names a person wrote, including small numbers and headings', () => {
    for (const t of ['story-body', 'article__content', 'col-2', 'h2', 'promo-box', 'mainContentArea', 'entry-content', 'grid-12']) {
      expect(isGeneratedToken(t), t).toBe(false);
    }
  });
});

describe('stable selectors', () => {
  it('picks the story on one page by stable classes, and the same selector finds it on the next page', () => {
    const first = templated(48213, 'k3j9x2');
    const second = templated(48377, 'p0q8w1');
    const story = first.querySelector('.story-body')!;
    const selector = stableSelector(story)!;
    expect(selector).not.toMatch(/48213|k3j9x2|nth-child/);
    expect(first.querySelectorAll(selector)).toHaveLength(1);
    expect(second.querySelector(selector)?.textContent).toContain('Story 48377');
  });

  it('uses a stable id when there is one', () => {
    const doc = page('<div id="article-text"><p>x</p></div><div><p>y</p></div>');
    expect(stableSelector(doc.querySelector('#article-text')!)).toBe('#article-text');
  });

  it('climbs to a stable ancestor when the element alone is ambiguous', () => {
    const doc = page('<aside class="rail"><div class="text">rail</div></aside><main id="content"><div class="text">story</div></main>');
    const target = doc.querySelector('#content .text')!;
    expect(stableSelector(target)).toBe('#content div.text');
  });

  it('gives no selector rather than a fragile one (only generated names, no unique stable path)', () => {
    const doc = page('<div class="x7Gh2KpQ"><p>a</p></div><div class="k9Lm3NpR"><p>b</p></div>');
    expect(stableSelector(doc.querySelectorAll('div')[1]!)).toBeNull();
  });

  it('a removal selector matches every block of that kind: the promo on both pages', () => {
    const first = templated(1001, 'aa11bb');
    const second = templated(2002, 'cc22dd');
    const selector = removalSelector(first.querySelector('.promo')!)!;
    expect(selector).toBe('div.promo.promo-box');
    expect(matchCount(second, selector)).toBe(1);
    expect(matchCount(second, 'div[')).toBe(0);
  });
});
