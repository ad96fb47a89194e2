// @vitest-environment jsdom
/**
 * Pages that are not articles in the worst ways: nothing there, frames, 10 MB,
 * 10,000 levels deep, no text, wrong encodings. Each must give a clear
 * "not an article" (or error) result: never a hang, never a throw.
 *
 * No wall-clock limits here (they fail on a busy machine and pass on a slow
 * algorithm run on a fast one): each test asserts the *work* is bounded instead —
 * which cap was hit, that Readability never started on a refused page, that the
 * size walk stopped at its limit, that the text read grows linearly with the page.
 * Timings belong to the benchmarks (npm run bench).
 *
 * Big inputs are generated here, never committed. The 10 MB pages are parsed
 * with linkedom: jsdom alone needs ~5 s to parse them, which would measure the
 * test DOM, not Folio (a browser has the page parsed already).
 */
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectArticle } from '../../../utils/article/detect';
import { DEFAULT_MAX_ELEMENTS, extractArticle, MAX_DEPTH, MAX_TEXT_CHARS, measureTree } from '../../../utils/article/extract';

const URL = 'https://news.example.org/2025/03/04/council-votes-on-the-new-budget';
const SENTENCE = 'The council voted on the new budget on Tuesday after a long debate about schools, roads and the library. ';
const story = (paragraphs: number): string => Array.from({ length: paragraphs }, () => `<p>${SENTENCE.repeat(3)}</p>`).join('');

function jsdom(html: string, url = URL): Document {
  return new JSDOM(html, { url }).window.document;
}

function linkedom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Readability's parse, watched: a page refused by the guards must never reach it. */
function watchReadability() {
  return vi.spyOn(Readability.prototype, 'parse');
}

/**
 * Characters of `textContent` read from `doc`'s nodes (and their clones) while
 * `fn` runs: the measure of work for text-reading cleanup passes. The getter
 * is wrapped on whichever prototype defines it, then restored.
 */
function textCharsRead(doc: Document, fn: () => void): number {
  let proto: object | null = doc.body;
  while (proto && !Object.getOwnPropertyDescriptor(proto, 'textContent')) proto = Object.getPrototypeOf(proto) as object | null;
  const descriptor = proto && Object.getOwnPropertyDescriptor(proto, 'textContent');
  if (!proto || !descriptor?.get) throw new Error('no textContent getter found');
  const original = descriptor.get;
  let chars = 0;
  Object.defineProperty(proto, 'textContent', {
    ...descriptor,
    get(this: Node) {
      const value = original.call(this) as string | null;
      chars += value?.length ?? 0;
      return value;
    },
  });
  try {
    fn();
  } finally {
    Object.defineProperty(proto, 'textContent', descriptor);
  }
  return chars;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('bad input', () => {
  it('empty document: not an article', () => {
    const doc = jsdom('');
    expect(detectArticle(doc, URL).isArticle).toBe(false);
    const result = extractArticle(doc, URL, { force: true });
    expect(result.ok).toBe(false);
  });

  it('frameset: not an article, even when forced', () => {
    const doc = jsdom('<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>');
    expect(detectArticle(doc, URL).signals).toEqual(['not-an-http-document']);
    const result = extractArticle(doc, URL, { force: true });
    expect(result).toMatchObject({ ok: false, reason: 'not-an-article' });
  });

  it('page with no text (only images): not an article', () => {
    const doc = jsdom(`<!doctype html><html><body><main>${'<div><img src="/a.jpg" alt=""></div>'.repeat(20)}</main></body></html>`);
    expect(detectArticle(doc, URL).isArticle).toBe(false);
    expect(extractArticle(doc, URL, { force: true }).ok).toBe(false);
  });

  it('3,000-deep nesting under jsdom: refused before Readability', () => {
    // Built with DOM calls: jsdom's parser takes ~16 s on 10,000-deep markup and
    // overflows its own stack attaching a 10,000-deep subtree, so jsdom gets a
    // shallower (still far too deep) tree and the 10,000-deep case runs on linkedom below.
    // Browsers' parsers stop nesting at 512: such trees only exist in Node.
    const doc = jsdom('<!doctype html><html><head><title>Deep</title></head><body></body></html>');
    let parent: Element = doc.body;
    for (let i = 0; i < 3_000; i++) parent = parent.appendChild(doc.createElement('div'));
    parent.textContent = SENTENCE.repeat(20);
    const parse = watchReadability();
    const result = extractArticle(doc, URL, { force: true });
    expect(result).toMatchObject({ ok: false, reason: 'not-an-article' });
    if (!result.ok) expect(result.detail).toMatch(/deeply nested/);
    expect(parse).not.toHaveBeenCalled();
    // The depth walk itself is iterative: it reports the full depth without recursing.
    expect(measureTree(doc.documentElement, 10_000, DEFAULT_MAX_ELEMENTS).depth).toBe(3_001);
    expect(detectArticle(doc, URL).isArticle).toBe(false);
  });

  it('10,000-deep nesting from markup (linkedom parser): refused, no stack overflow', () => {
    const doc = linkedom(`<!doctype html><html><body>${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}</body></html>`);
    const parse = watchReadability();
    const result = extractArticle(doc, URL, { force: true });
    expect(result).toMatchObject({ ok: false, reason: 'not-an-article' });
    if (!result.ok) expect(result.detail).toMatch(/deeply nested/);
    expect(parse).not.toHaveBeenCalled();
  });

  it('measureTree counts iteratively and stops at its limits', () => {
    const doc = jsdom(`<!doctype html><html><body><div><p>a</p><p>b<span>c</span></p></div><p>d</p><script>var json = "not text";</script></body></html>`);
    // html > body > div > p > span: depth 4 below <html>; html, head, body, div, p, p, span, p, script: 9 elements;
    // text "a", "b", "c", "d" (script text is not reading matter).
    expect(measureTree(doc.documentElement, 100, 1000)).toEqual({ depth: 4, elements: 9, textChars: 4 });
    expect(measureTree(doc.documentElement, 100, 1000, 2).textChars).toBe(3);
    expect(measureTree(doc.documentElement, 2, 1000).depth).toBe(3);
    expect(measureTree(doc.documentElement, 100, 3).elements).toBe(4);
    expect(MAX_DEPTH).toBeGreaterThanOrEqual(512);
  });

  it('10 MB page of prose: refused as too long, before Readability, the text count stopping at its cap', () => {
    const paragraph = `<p>${SENTENCE.repeat(4)}</p>`;
    const html = `<!doctype html><html><head><title>Huge</title></head><body><article>${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}</article></body></html>`;
    expect(html.length).toBeGreaterThanOrEqual(10_000_000);
    const doc = linkedom(html);
    const parse = watchReadability();
    const result = extractArticle(doc, URL, { force: true });
    expect(result).toMatchObject({ ok: false, reason: 'not-an-article' });
    if (!result.ok) expect(result.detail).toMatch(/Too long/);
    expect(parse).not.toHaveBeenCalled();
    // Counting stops just past the cap (within one text node), not after all ~10 M characters.
    const counted = measureTree(doc.documentElement, MAX_DEPTH, DEFAULT_MAX_ELEMENTS, MAX_TEXT_CHARS).textChars;
    expect(counted).toBeGreaterThan(MAX_TEXT_CHARS);
    expect(counted).toBeLessThanOrEqual(MAX_TEXT_CHARS + paragraph.length);
  });

  it('10 MB page of tiny elements: refused as too large, before Readability, the walk stopping at its cap', () => {
    const html = `<!doctype html><html><head><title>Huge</title></head><body>${'<div><span>x</span></div>'.repeat(Math.ceil(10_000_000 / 25))}</body></html>`;
    const doc = linkedom(html);
    const parse = watchReadability();
    const result = extractArticle(doc, URL, { force: true });
    expect(result).toMatchObject({ ok: false, reason: 'not-an-article' });
    if (!result.ok) expect(result.detail).toMatch(/Too large/);
    expect(parse).not.toHaveBeenCalled();
    // 800,000 elements on the page; the walk looks at one past the cap and stops.
    expect(measureTree(doc.documentElement, MAX_DEPTH, DEFAULT_MAX_ELEMENTS).elements).toBe(DEFAULT_MAX_ELEMENTS + 1);
  });

  it('10,000 one-word lines that a cleanup rule removes: linear, not quadratic', () => {
    // Each "x" line matches the share-widget text rule; removing them one by one
    // once re-read the whole container per line (45 s for 20,000 here). Work is the
    // text read: linear means 4× the lines read about 4× the text; quadratic, 16×.
    const page = (lines: number) => linkedom(`<!doctype html><html><body>${'<div><span>x</span></div>'.repeat(lines)}</body></html>`);
    const run = (lines: number) => {
      const doc = page(lines);
      let result: ReturnType<typeof extractArticle> | undefined;
      const chars = textCharsRead(doc, () => {
        result = extractArticle(doc, URL, { force: true });
      });
      expect(result?.ok).toBe(false);
      return chars;
    };
    const small = run(2_500);
    const large = run(10_000);
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThan(8);
  });

  it('invalid UTF-8 bytes read as UTF-8: unreadable text is not an article', () => {
    // Bytes 0x80–0xFF with no lead byte are invalid UTF-8; the decoder turns each into U+FFFD.
    const bytes = Uint8Array.from({ length: 6000 }, (_, i) => 0x80 + ((i * 37) % 0x40));
    const garbage = new TextDecoder('utf-8').decode(bytes);
    expect(garbage).toContain('\uFFFD');
    const paragraphs = Array.from({ length: 10 }, (_, i) => `<p>${garbage.slice(i * 600, (i + 1) * 600)}</p>`).join('');
    const doc = jsdom(`<!doctype html><html><head><title>Broken</title></head><body><article>${paragraphs}</article></body></html>`);
    const result = extractArticle(doc, URL, { force: true });
    expect(result).toMatchObject({ ok: false, reason: 'not-an-article' });
    if (!result.ok) expect(result.detail).toMatch(/undecodable/);
  });

  it('a binary file decoded as HTML: no throw, no article', () => {
    const bytes = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256);
    const doc = jsdom(new TextDecoder('utf-8').decode(bytes));
    expect(() => detectArticle(doc, URL)).not.toThrow();
    expect(extractArticle(doc, URL).ok).toBe(false);
  });

  it('mojibake (UTF-8 read as Latin-1): still extracted, text kept as it came', () => {
    const text = 'Le conseil a voté le budget après un long débat sur les écoles, les routes et la bibliothèque municipale. ';
    const mojibake = new TextDecoder('latin1').decode(new TextEncoder().encode(text));
    expect(mojibake).toContain('Ã©');
    const doc = jsdom(`<!doctype html><html lang="fr"><head><title>Budget</title></head><body><article><h1>Budget</h1>${`<p>${mojibake.repeat(3)}</p>`.repeat(6)}</article></body></html>`);
    const result = extractArticle(doc, URL, { force: true });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.textContent).toContain('votÃ©');
  });

  it('a normal story still passes the guards', () => {
    const doc = jsdom(`<!doctype html><html><head><title>Budget</title></head><body><article><h1>Budget</h1>${story(8)}</article></body></html>`);
    expect(extractArticle(doc, URL).ok).toBe(true);
  });
});
