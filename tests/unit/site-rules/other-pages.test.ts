// @vitest-environment jsdom
/**
 * Which other articles of a site a new rule is tried on (utils/site-rules/other-pages.ts)
 * and how the trial decides (utils/background/rule-trial.ts), on the e2e sample
 * site's two articles and on made-up link lists.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFitsHtml } from '@/utils/article/parse-html';
import { MAX_TRIALS, tryOnOtherPages, type TrialDeps } from '@/utils/background/rule-trial';
import { fail, ok } from '@/utils/result';
import { otherArticleLinks } from '@/utils/site-rules/other-pages';

const DIR = resolve(__dirname, '../../fixtures/site/gazette');
const URL1 = 'http://127.0.0.1/gazette/sea-wall.html';
const URL2 = 'http://127.0.0.1/gazette/ferry-timetable.html';
const html = (file: string) => readFileSync(resolve(DIR, file), 'utf8');

function page(body: string, url: string): Document {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><head><base href="${url}"></head><body>${body}</body></html>`, 'text/html');
  return doc;
}

describe('otherArticleLinks', () => {
  it('on the sample site: the other story of the rail, not the home page, the sections or the masthead', () => {
    const doc = new DOMParser().parseFromString(html('sea-wall.html'), 'text/html');
    const base = doc.createElement('base');
    base.href = URL1;
    doc.head.prepend(base);
    expect(otherArticleLinks(doc, URL1)).toEqual([URL2]);
  });

  it('keeps stories of the same section and depth, nearest relatives first, each once, at most three', () => {
    const url = 'https://www.news.example/world/2026/12/01/ferry-strike-ends';
    const doc = page(
      `<nav><a href="/world/2026/12/01/nav-story-link">in the nav</a></nav>
       <a href="/sport/2026/12/01/cup-final-report">another section</a>
       <a href="/world/2025/01/02/older-story-here">older</a>
       <a href="/world/2026/12/01/harbour-reopens">same day</a>
       <a href="/world/2026/12/01/harbour-reopens#comments">same day, comments</a>
       <a href="https://other.example/world/2026/12/01/elsewhere-story">other site</a>
       <a href="https://news.example/world/2026/11/30/bridge-repairs">same site without www</a>
       <a href="/world/2026/12/01/ferry-strike-ends">this page</a>
       <a href="/world/2026/12/01/index.html">section index</a>
       <a href="/world/2026/12/01/">the day</a>
       <a href="/world/2026/12/01/video">a word, not a slug</a>
       <a href="/world/2026/12/02/yet-another-story">fourth</a>
       <footer><a href="/world/2026/12/01/footer-story-link">footer</a></footer>`,
      url,
    );
    expect(otherArticleLinks(doc, url)).toEqual([
      'https://www.news.example/world/2026/12/01/harbour-reopens',
      'https://www.news.example/world/2026/12/02/yet-another-story',
      'https://news.example/world/2026/11/30/bridge-repairs',
    ]);
  });

  it('takes numbered story ids as slugs, and nothing from a page at the site root', () => {
    const doc = page('<a href="/news/48377">next</a><a href="/news/about">about</a>', 'https://paper.example/news/48213');
    expect(otherArticleLinks(doc, 'https://paper.example/news/48213')).toEqual(['https://paper.example/news/48377']);
    expect(otherArticleLinks(page('<a href="/a-story">x</a>', 'https://paper.example/'), 'https://paper.example/')).toEqual([]);
  });
});

describe('articleFitsHtml', () => {
  it('the story container of page 1 fits page 2; a selector page 2 lacks, or has twice, does not', () => {
    expect(articleFitsHtml(html('ferry-timetable.html'), URL2, 'div.copy')).toBe(true);
    expect(articleFitsHtml(html('ferry-timetable.html'), URL2, 'div.story-body')).toBe(false);
    expect(articleFitsHtml(html('ferry-timetable.html'), URL2, 'div.letter')).toBe(false);
  });
});

describe('tryOnOtherPages', () => {
  const pages: Record<string, string> = { [URL2]: html('ferry-timetable.html') };
  const deps = (over: Partial<TrialDeps> = {}): TrialDeps & { fetched: string[] } => {
    const fetched: string[] = [];
    return {
      fetched,
      fetchHtml: async (url) => {
        fetched.push(url);
        return pages[url] ? ok({ html: pages[url]!, url }) : fail('extraction-failed', 'network');
      },
      fits: async (h, url, selector) => articleFitsHtml(h, url, selector),
      ...over,
    };
  };

  it('fits when the selector picks the story out of the other article', async () => {
    expect(await tryOnOtherPages('div.copy', [URL2], URL1, deps())).toBe('fits');
  });

  it('misfits when every page read lacks the block', async () => {
    expect(await tryOnOtherPages('div.story-body', [URL2], URL1, deps())).toBe('misfits');
  });

  it('untested when nothing could be read: no links, failed fetches, a redirect off the site', async () => {
    expect(await tryOnOtherPages('div.copy', [], URL1, deps())).toBe('untested');
    expect(await tryOnOtherPages('div.copy', ['http://127.0.0.1/gazette/gone-story.html'], URL1, deps())).toBe('untested');
    const offSite = deps({ fetchHtml: async () => ok({ html: pages[URL2]!, url: 'https://elsewhere.example/x' }) });
    expect(await tryOnOtherPages('div.copy', [URL2], URL1, offSite)).toBe('untested');
    const broken = deps({ fits: async () => { throw new Error('offscreen gone'); } });
    expect(await tryOnOtherPages('div.copy', [URL2], URL1, broken)).toBe('untested');
  });

  it('a failed fetch goes on to the next page; other sites and the page itself are never fetched; at most MAX_TRIALS requests', async () => {
    const d = deps();
    const others = ['https://other.example/gazette/x-y.html', URL1, 'http://127.0.0.1/gazette/gone-story.html', URL2, 'http://127.0.0.1/gazette/third-story.html'];
    expect(await tryOnOtherPages('div.copy', others, URL1, d)).toBe('fits');
    expect(d.fetched).toEqual(['http://127.0.0.1/gazette/gone-story.html', URL2]);
    expect(d.fetched.length).toBeLessThanOrEqual(MAX_TRIALS);
  });
});
