// @vitest-environment jsdom
/**
 * The sanitiser is the only door for article HTML into Folio's pages: every
 * hostile input below must come out inert, and relative URLs must point at the
 * article's site, never at the extension.
 */
import DOMPurify from 'dompurify';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSrcset, sanitizeArticle, SanitizerUnavailableError } from '../../utils/sanitize';

const ARTICLE = 'https://news.example.com/world/2025/story.html?id=7';

function html(input: string, base: string | null = ARTICLE): string {
  const host = document.createElement('div');
  host.append(sanitizeArticle(input, base));
  return host.innerHTML;
}

function dom(input: string, base: string | null = ARTICLE): HTMLElement {
  const host = document.createElement('div');
  host.append(sanitizeArticle(input, base));
  return host;
}

describe('sanitizeArticle', () => {
  it('returns a DocumentFragment that keeps the article text and structure', () => {
    const fragment = sanitizeArticle('<h2>Heading</h2><p>Para <em>one</em></p><ul><li>a</li></ul>', ARTICLE);
    expect(fragment.nodeType).toBe(Node.DOCUMENT_FRAGMENT_NODE);
    expect(html('<h2>Heading</h2><p>Para <em>one</em></p>')).toBe('<h2>Heading</h2><p>Para <em>one</em></p>');
  });

  it('removes <script>, inline and in SVG', () => {
    const out = html('<p>a</p><script>alert(1)</script><svg><script>alert(2)</script><circle r="2"></circle></svg>');
    expect(out).not.toMatch(/script|alert/i);
    expect(out).toContain('<p>a</p>');
  });

  it('removes event handler attributes', () => {
    const out = html('<img src="/a.png" onerror="alert(1)"><p onclick="x()" onmouseover="y()">t</p><svg onload="z()"></svg>');
    expect(out).not.toMatch(/on(error|click|mouseover|load)/i);
  });

  it('removes javascript:, vbscript: and data: links, including obfuscated ones', () => {
    const root = dom(
      '<a id="a" href="javascript:alert(1)">1</a><a id="b" href="JaVaScRiPt:alert(1)">2</a>' +
        '<a id="c" href="java&#x0A;script:alert(1)">3</a><a id="d" href=" javascript:alert(1)">4</a>' +
        '<a id="e" href="data:text/html,<script>alert(1)</script>">5</a><a id="f" href="vbscript:msgbox(1)">6</a>',
    );
    for (const a of Array.from(root.querySelectorAll('a'))) {
      const href = a.getAttribute('href');
      expect(href === null || /^https?:/.test(href)).toBe(true);
    }
    expect(root.innerHTML).not.toMatch(/javascript|vbscript|data:/i);
  });

  it('removes <iframe srcdoc>, object, embed, forms and inputs', () => {
    const out = html(
      '<iframe srcdoc="<script>alert(1)</script>"></iframe><object data="x.swf"></object><embed src="x.swf">' +
        '<form action="https://evil.test"><input name="q"><button>go</button></form><p>kept</p>',
    );
    expect(out).not.toMatch(/iframe|srcdoc|object|embed|form|input|button/i);
    expect(out).toContain('<p>kept</p>');
  });

  it('removes <meta http-equiv=refresh>, <base href> and <link>', () => {
    const out = html(
      '<meta http-equiv="refresh" content="0;url=https://evil.test"><base href="https://evil.test/"><link rel="stylesheet" href="https://evil.test/x.css"><p><a href="page2.html">next</a></p>',
    );
    expect(out).not.toMatch(/meta|refresh|<base|<link|evil\.test/i);
    // The removed <base> must not have changed how the relative link resolves.
    expect(dom('<base href="https://evil.test/"><a href="page2.html">n</a>').querySelector('a')!.getAttribute('href')).toBe(
      'https://news.example.com/world/2025/page2.html',
    );
  });

  it('removes <style> elements and style/class attributes so the article cannot restyle the reader', () => {
    const out = html(
      '<style>body{display:none}.x{visibility:hidden}</style><p style="position:fixed;inset:0" class="hidden fixed">text</p><svg><style>*{display:none}</style></svg>',
    );
    expect(out).not.toMatch(/style|display|class=|hidden/i);
    expect(out).toContain('text');
  });

  it('resolves relative href and src against the article URL, never the extension', () => {
    const root = dom(
      '<a href="/about">a</a><a href="other.html">b</a><a href="//cdn.example.net/x">c</a><a href="?page=2">d</a>' +
        '<img src="img/photo.jpg"><img src="/pic.png" srcset="small.jpg 480w, /big.jpg 1080w">',
    );
    const hrefs = Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://news.example.com/about',
      'https://news.example.com/world/2025/other.html',
      'https://cdn.example.net/x',
      'https://news.example.com/world/2025/story.html?page=2',
    ]);
    const imgs = root.querySelectorAll('img');
    expect(imgs[0]!.getAttribute('src')).toBe('https://news.example.com/world/2025/img/photo.jpg');
    expect(imgs[1]!.getAttribute('src')).toBe('https://news.example.com/pic.png');
    expect(imgs[1]!.getAttribute('srcset')).toBe(
      'https://news.example.com/world/2025/small.jpg 480w, https://news.example.com/big.jpg 1080w',
    );
    expect(root.innerHTML).not.toMatch(/chrome-extension|moz-extension|localhost/);
  });

  it('drops relative URLs when there is no http(s) article URL to resolve them against', () => {
    for (const base of [null, 'chrome-extension://abc/reader.html', 'not a url']) {
      const root = dom('<a href="/about">a</a><img src="x.png"><a href="https://ok.example/">b</a>', base);
      expect(root.querySelectorAll('a')[0]!.hasAttribute('href')).toBe(false);
      expect(root.querySelector('img')!.hasAttribute('src')).toBe(false);
      expect(root.querySelectorAll('a')[1]!.getAttribute('href')).toBe('https://ok.example/');
    }
  });

  it('opens links in a new tab without opener or referrer, overriding the article', () => {
    const a = dom('<a href="https://x.example/" target="_self" rel="opener">x</a>').querySelector('a')!;
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps footnote links in the page, pointing at the namespaced ids', () => {
    const root = dom(
      `<p>Claim<a href="#fn1">1</a> and <a href="${ARTICLE}#fn2">2</a></p><ol><li id="fn1">one</li><li id="fn2">two</li></ol>`,
    );
    const [a1, a2] = Array.from(root.querySelectorAll('a'));
    expect(a1!.getAttribute('href')).toBe('#user-content-fn1');
    expect(a2!.getAttribute('href')).toBe('#user-content-fn2');
    expect(a1!.hasAttribute('target')).toBe(false);
    expect(root.querySelector('#user-content-fn1')?.textContent).toBe('one');
  });

  it('makes images lazy and allows only inline raster data: images', () => {
    const root = dom(
      '<img id="a" src="https://x.example/a.jpg"><img id="b" src="data:image/png;base64,iVBORw0KGgo="><img id="c" src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="><img id="d" src="data:text/html;base64,PHNjcmlwdD4=">',
    );
    const imgs = root.querySelectorAll('img');
    expect(Array.from(imgs).every((i) => i.getAttribute('loading') === 'lazy')).toBe(true);
    expect(imgs[0]!.getAttribute('src')).toBe('https://x.example/a.jpg');
    expect(imgs[1]!.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(imgs[2]!.hasAttribute('src')).toBe(false);
    expect(imgs[3]!.hasAttribute('src')).toBe(false);
  });

  it('keeps code formatting, tables and direction', () => {
    const out = html('<pre><code>if (a &lt; b) {\n  go();\n}</code></pre><table><tr><td>1</td></tr></table><p dir="rtl">مرحبا</p>');
    expect(out).toContain('<pre><code>if (a &lt; b) {\n  go();\n}</code></pre>');
    expect(out).toContain('<table>');
    expect(out).toContain('dir="rtl"');
  });

  it('removes mutation-XSS and namespace-confusion payloads', () => {
    const out = html(
      '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>' +
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(2)></style></mglyph></table></mtext></math>' +
        '<noscript><p title="</noscript><img src=x onerror=alert(3)>"></noscript>',
    );
    expect(out).not.toMatch(/onerror|alert/i);
  });

  it('throws instead of returning the input when DOMPurify cannot run', () => {
    DOMPurify.isSupported = false;
    expect(() => sanitizeArticle('<script>alert(1)</script><p>x</p>', ARTICLE)).toThrow(SanitizerUnavailableError);
  });

  afterEach(() => {
    DOMPurify.isSupported = true;
  });
});

describe('parseSrcset', () => {
  it('splits candidates and keeps descriptors', () => {
    expect(parseSrcset('a.jpg 1x, b.jpg 2x')).toEqual([
      { url: 'a.jpg', descriptor: '1x' },
      { url: 'b.jpg', descriptor: '2x' },
    ]);
    expect(parseSrcset('a.jpg, b.jpg 640w')).toEqual([
      { url: 'a.jpg', descriptor: '' },
      { url: 'b.jpg', descriptor: '640w' },
    ]);
    // As in the HTML spec, a comma inside a URL (not followed by whitespace) belongs to the URL.
    expect(parseSrcset('a.jpg,b.jpg 640w')).toEqual([{ url: 'a.jpg,b.jpg', descriptor: '640w' }]);
    expect(parseSrcset('https://x.example/i.jpg?w=1,2 300w')).toEqual([{ url: 'https://x.example/i.jpg?w=1,2', descriptor: '300w' }]);
  });
});
