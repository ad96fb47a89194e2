// @vitest-environment jsdom
/**
 * React-streamed pages read without their scripts (Save link, imported links,
 * the CLI): the hidden segments go where the page's scripts would put them.
 * Run on the browser-like DOM (jsdom) and on the CLI's (linkedom).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { revealStreamedSegments } from '@/utils/article/prepare/streamed-segments';

const DOMS = {
  jsdom: (html: string) => new DOMParser().parseFromString(html, 'text/html'),
  linkedom: (html: string) => parseHTML(html).document as unknown as Document,
};

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
/** The page's blocks of text in document order (scripts and templates hold none). */
const text = (doc: Document) =>
  Array.from(doc.querySelectorAll('header, p, footer'))
    .map((el) => (el.textContent ?? '').trim())
    .join(' ');

describe.each(Object.entries(DOMS))('revealStreamedSegments (%s)', (_name, parse) => {
  it('moves a segment into its boundary as the page script says, dropping the loading fallback', () => {
    const doc = parse(page(
      '<header>Masthead</header><main><!--$?--><template id="B:0"></template><p>Loading the story…</p><!--/$--></main><footer>Footer links</footer>' +
        '<div hidden id="S:0"><article><p>The harbour reopened.</p><p>Ferries run again.</p></article></div>' +
        '<script>$RC=function(b,c){/* React runtime */};$RC("B:0","S:0")</script>',
    ));
    expect(revealStreamedSegments(doc)).toBe(1);
    expect(text(doc)).toBe('Masthead The harbour reopened. Ferries run again. Footer links');
    expect(doc.querySelector('[hidden]')).toBeNull();
    expect(doc.querySelector('main article')).not.toBeNull();
  });

  it('fills a placeholder inside a segment from a later one ($RS), whichever order the calls come in', () => {
    const doc = parse(page(
      '<main><!--$?--><template id="B:0"></template><div class="skeleton"></div><!--/$--></main><footer>Footer</footer>' +
        '<div hidden id="S:0"><p>First half.</p><template id="P:1"></template><p>Last line.</p></div>' +
        '<div hidden id="S:1"><p>Second half.</p></div>' +
        '<script>$RS("S:1","P:1");$RC("B:0","S:0")</script>',
    ));
    expect(revealStreamedSegments(doc)).toBe(2);
    expect(text(doc)).toBe('First half. Second half. Last line. Footer');
    expect(doc.querySelector('.skeleton')).toBeNull();
  });

  it('reads React 19 instruction templates (data-rci / data-rsi)', () => {
    const doc = parse(page(
      '<main><!--$?--><template id="B:0"></template><!--/$--></main>' +
        '<div hidden id="S:2"><p>Story text.</p></div><template data-rci="" data-bid="B:0" data-sid="S:2"></template>',
    ));
    expect(revealStreamedSegments(doc)).toBe(1);
    expect(doc.querySelector('main')!.textContent).toContain('Story text.');
  });

  it('without the scripts, pairs a segment with the placeholder or boundary of its number, and unhides one left over', () => {
    const doc = parse(page(
      '<main><template id="B:0"></template><div class="skeleton"></div></main>' +
        '<div hidden id="S:0"><p>Body.</p><template id="P:1"></template></div>' +
        '<div hidden id="S:1"><p>More body.</p></div>' +
        '<div hidden id="S:7"><p>Orphan part.</p></div>',
    ));
    expect(revealStreamedSegments(doc)).toBe(3);
    expect(Array.from(doc.querySelectorAll('main p')).map((p) => p.textContent)).toEqual(['Body.', 'More body.']);
    // No closing marker in the capture: the skeleton stays (it holds no text).
    expect(doc.querySelector('.skeleton')).not.toBeNull();
    expect(doc.querySelector('[hidden]')).toBeNull();
    expect(text(doc)).toContain('Orphan part.');
  });

  it('leaves other hidden elements and pages without segments alone', () => {
    const doc = parse(page('<nav hidden id="menu"><a href="/">Home</a></nav><div hidden id="Settings">x</div><p>Story.</p><script>$RC("B:0","S:0")</script>'));
    expect(revealStreamedSegments(doc)).toBe(0);
    expect(doc.querySelectorAll('[hidden]')).toHaveLength(2);
  });

  it('never moves a segment into a template inside itself', () => {
    const doc = parse(page('<div hidden id="S:0"><template id="B:0"></template><p>Self.</p></div><script>$RC("B:0","S:0")</script>'));
    revealStreamedSegments(doc);
    // Not moved: unhidden where it is, its text intact.
    expect(doc.querySelector('[hidden]')).toBeNull();
    expect(text(doc)).toBe('Self.');
  });
});
