// @vitest-environment jsdom
/** The content script's cheap reads: main text container, reading time, lead image, canonical URL. */
import { describe, expect, it } from 'vitest';
import { COUNTED_CHARS, MEASURED_CHARS, canonicalUrl, leadImage, mainTextContainer, readingMinutesOf, textCounts } from '../../../utils/content/main-text';

function doc(html: string, url = 'https://news.example.com/world/story'): Document {
  const d = new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
  const base = d.createElement('base');
  base.href = url;
  d.head.prepend(base);
  return d;
}

const para = (n: number) => `<p>${'word '.repeat(n)}</p>`;

describe('mainTextContainer', () => {
  it('prefers the publisher-declared articleBody', () => {
    const d = doc(`<article><h1>T</h1><div id="body" itemprop="articleBody">${para(100)}</div></article>`);
    expect(mainTextContainer(d)?.id).toBe('body');
  });

  it('falls back to the largest <article>, then to the parent of most paragraph text', () => {
    expect(mainTextContainer(doc(`<article id="a">${para(10)}</article><article id="b">${para(200)}</article>`))?.id).toBe('b');
    const d = doc(`<div id="teasers">${para(20)}${para(20)}</div><div id="story">${para(150)}${para(150)}</div>`);
    expect(mainTextContainer(d)?.id).toBe('story');
  });

  it('finds nothing on a page without real text', () => {
    expect(mainTextContainer(doc('<p>Hi</p><nav><a href="/">Home</a></nav>'))).toBeNull();
  });
});

const minutesOf = (html: string) => readingMinutesOf(doc(`<div id="m">${html}</div>`).getElementById('m')!);

describe('readingMinutesOf', () => {
  it('estimates about 230 words a minute, at least one', () => {
    expect(minutesOf('word '.repeat(920))).toBe(4);
    expect(minutesOf('short')).toBe(1);
    expect(minutesOf('')).toBe(1);
  });

  it('counts characters in space-less scripts', () => {
    expect(minutesOf('東'.repeat(1500))).toBe(3);
  });

  it('reads words across markup as textContent does ("un<em>like</em>ly" is one word)', () => {
    expect(minutesOf(`${'un<em>like</em>ly '.repeat(460)}<p>${'a<b>b</b> '.repeat(460)}</p>`)).toBe(4);
    expect(minutesOf(`${'un<em>like</em>ly '.repeat(460)}<p>${'a<b>b</b> '.repeat(460)}</p>`)).toBe(Math.round(textCounts(`${'unlikely '.repeat(460)}${'ab '.repeat(460)}`).words / 230));
  });

  it('past COUNTED_CHARS, estimates the rest at the density counted (within 1% of counting it all)', () => {
    const paragraph = `<p>${'The harbour council voted to rebuild the sea wall before the storms. '.repeat(40)}</p>`;
    const html = paragraph.repeat(Math.ceil((COUNTED_CHARS * 5) / paragraph.length));
    const exact = textCounts(doc(html).body.textContent ?? '').words / 230;
    expect(Math.abs(minutesOf(html) - exact) / exact).toBeLessThan(0.01);
  });

  it('a story of very many elements, measured node by node, reads as the same text in few elements', () => {
    const words = Array.from({ length: 21_000 }, (_, i) => `w${String(i).padStart(5, "0")}`);
    // Each word split over two elements: still one word, as in textContent.
    const many = minutesOf(words.map((w) => `<span>${w.slice(0, 3)}</span><span>${w.slice(3)} </span>`).join(''));
    expect(many).toBe(minutesOf(words.join(' ')));
    expect(many).toBe(Math.round(21_000 / 230));
  });

  it('measures at most MEASURED_CHARS: a longer text reads as that long (bounded work on any page)', () => {
    const paragraph = `<p>${'The harbour council voted to rebuild the sea wall before the storms. '.repeat(40)}</p>`;
    const at = (chars: number) => minutesOf(paragraph.repeat(Math.ceil(chars / paragraph.length)));
    expect(at(MEASURED_CHARS * 3)).toBe(at(MEASURED_CHARS + paragraph.length));
    expect(at(MEASURED_CHARS / 2)).toBeLessThan(at(MEASURED_CHARS));
  });

  it('counts words and CJK characters as the regexes `[^\\s CJK]+` and `[CJK]` do, on mixed text', () => {
    const cjk = '[\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af]';
    const byRegex = (text: string) => {
      const c = text.match(new RegExp(cjk, 'g'))?.length ?? 0;
      const w = text.match(new RegExp(`[^\\s${cjk.slice(1, -1)}]+`, 'g'))?.length ?? 0;
      return { words: w, cjk: c };
    };
    const pieces = ['word', ' ', '\u00a0', '\u2009', '\u3000', '\ufeff', '\n\t', '東京', 'が', '한국', 'x-y', '😀', '\u0007', '.', '\u2028'];
    let seed = 7;
    for (let run = 0; run < 200; run++) {
      let text = '';
      const n = 50 + (run % 7) * 400;
      for (let i = 0; i < n; i++) text += pieces[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length];
      expect(textCounts(text), text.slice(0, 40)).toEqual(byRegex(text));
    }
  });
});

describe('leadImage and canonicalUrl', () => {
  it('reads og:image, then twitter:image, resolved against the page and only when http(s)', () => {
    expect(leadImage(doc('<meta property="og:image" content="/img/lead.jpg">'))).toBe('https://news.example.com/img/lead.jpg');
    expect(leadImage(doc('<meta name="twitter:image" content="https://cdn.example/t.png"><meta property="og:image" content="https://cdn.example/o.png">'))).toBe(
      'https://cdn.example/o.png',
    );
    expect(leadImage(doc('<meta property="og:image" content="javascript:alert(1)"><meta name="twitter:image" content="https://cdn.example/t.png">'))).toBe(
      'https://cdn.example/t.png',
    );
    expect(leadImage(doc('<meta property="og:image" content="data:image/png;base64,AAAA">'))).toBeNull();
    expect(leadImage(doc(''))).toBeNull();
  });

  it('reads the canonical link as an absolute http(s) URL', () => {
    expect(canonicalUrl(doc('<link rel="canonical" href="/world/story?id=1">'))).toBe('https://news.example.com/world/story?id=1');
    expect(canonicalUrl(doc('<link rel="canonical" href="javascript:x">'))).toBeNull();
  });
});
