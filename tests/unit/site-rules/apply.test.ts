// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyAfter, applyBefore, siteOf } from '@/utils/site-rules/apply';
import type { SiteRule } from '@/utils/site-rules/types';

const story = 'The council voted on Tuesday to rebuild the harbour wall before the winter storms. '.repeat(4);
const page = (body: string) => new DOMParser().parseFromString(`<!doctype html><head><title>T</title><meta property="og:title" content="Harbour"></head><body>${body}</body>`, 'text/html');
const rule = (over: Partial<SiteRule> = {}): SiteRule => ({ site: 'news.example', article: '#content div.story-body', remove: ['div.promo'], createdAt: 1, updatedAt: 1, ...over });

describe('applying a site rule', () => {
  it('narrows the page to the article container (head kept) and removes the listed blocks', () => {
    const doc = page(`<section class="comments">${'comment '.repeat(200)}</section><main id="content"><div class="story-body"><p>${story}</p><div class="promo">See also</div></div></main>`);
    const outcome = applyBefore(doc, rule());
    expect(outcome).toEqual({ used: true, narrowed: true, removed: 1 });
    expect(doc.body.textContent).not.toContain('comment');
    expect(doc.body.textContent).not.toContain('See also');
    expect(doc.querySelector('meta[property="og:title"]')).not.toBeNull();
  });

  it('a rule that no longer matches changes nothing (falls back to normal extraction)', () => {
    const html = `<article><p>${story}</p></article>`;
    const doc = page(html);
    expect(applyBefore(doc, rule({ remove: [] }))).toEqual({ used: false, narrowed: false, removed: 0 });
    expect(doc.body.innerHTML).toBe(html);
  });

  it('does not narrow to a container with too little text, or one that matches twice', () => {
    const thin = page('<main id="content"><div class="story-body">Subscribe</div></main><p>x</p>');
    expect(applyBefore(thin, rule({ remove: [] })).narrowed).toBe(false);
    const twice = page(`<main id="content"><div class="story-body"><p>${story}</p></div><div class="story-body"><p>${story}</p></div></main>`);
    expect(applyBefore(twice, rule({ remove: [] })).narrowed).toBe(false);
  });

  it('removes the blocks from extracted content too, and ignores a broken selector', () => {
    const content = page(`<div><p>${story}</p><div class="promo">Read more</div></div>`).body;
    expect(applyAfter(content, rule({ remove: ['div.promo', 'div['] }))).toBe(1);
    expect(content.textContent).not.toContain('Read more');
  });

  it('keys rules by host without www, for web pages only', () => {
    expect(siteOf('https://www.news.example/a/b?c')).toBe('news.example');
    expect(siteOf('chrome-extension://abc/reader.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
});
