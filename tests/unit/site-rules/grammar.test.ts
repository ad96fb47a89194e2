// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { classStep, exactPath, isExactPath, isRemovalStep, isStableSelector, isStableStep, stableSelector, stepOf } from '@/utils/site-rules/selector';

const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><body>${body}</body>`, 'text/html');

describe('the stable selector grammar (what a stored rule may hold)', () => {
  it('accepts what stepOf and stableSelector write', () => {
    const doc = page('<main id="content"><div class="story-body kRqXzB"><p>x</p></div></main><div class="story-body">y</div>');
    const selector = stableSelector(doc.querySelector('#content .story-body')!)!;
    expect(selector).toBe('#content div.story-body');
    expect(isStableSelector(selector)).toBe(true);
    for (const step of ['#content', 'div.story-body', '.promo-box', 'aside', 'my-widget.card']) expect(isStableStep(step), step).toBe(true);
  });

  it('refuses positions, attributes, other combinators, generated names and ids with numbers', () => {
    for (const selector of ['div:nth-child(2)', 'div > p', 'div[class]', '#story-48213', 'div.css-1q2w3e', 'div.kRqXzB', 'p.a3f9c2', '*', 'div..x', '', 'DIV', 'a b c d e f', 'div.x,p', `div.${'a'.repeat(41)}`]) {
      expect(isStableSelector(selector), selector).toBe(false);
    }
  });

  it('a removal names more than a tag: never "every p"', () => {
    expect(isRemovalStep('.promo-box')).toBe(true);
    expect(isRemovalStep('#newsletter')).toBe(true);
    expect(isRemovalStep('p')).toBe(false);
    expect(isRemovalStep('div p.x')).toBe(false);
  });

  it('steps leave out names that would need escaping, so they read back exactly', () => {
    const el = page('<div class="2col a.b promo é">x</div>').querySelector('div')!;
    expect(stepOf(el)).toBe('div.promo');
    expect(classStep(el)).toBe('.promo');
    expect(classStep(page('<div id="newsletter" class="box">x</div>').querySelector('div')!)).toBe('#newsletter');
    expect(classStep(page('<div class="x7Gh2KpQ">x</div>').querySelector('div')!)).toBeNull();
  });

  it('the exact path is for this page only: it finds the element here and has the one shape a page may send', () => {
    const doc = page('<div><p>a</p></div><div><p>b</p><p id="me">c</p></div>');
    const path = exactPath(doc.getElementById('me')!)!;
    expect(path).toBe('body > div:nth-child(2) > p:nth-child(2)');
    expect(doc.querySelectorAll(path)).toHaveLength(1);
    expect(isExactPath(path)).toBe(true);
    expect(isStableSelector(path)).toBe(false);
    expect(isExactPath('body > div:nth-child(2), script')).toBe(false);
    expect(exactPath(doc.body)).toBeNull();
  });
});
