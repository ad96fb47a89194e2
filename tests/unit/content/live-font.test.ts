// @vitest-environment jsdom
/** Live-page scaling: exact multiples of the original sizes, and 100 % restores the page's own inline styles. */
import { describe, expect, it } from 'vitest';
import { applyScale } from '../../../utils/content/live-font';

/** Replaces the test document's body with `html` (parsed, not assigned through innerHTML). */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
}

describe('applyScale', () => {
  it('scales the story text from its original sizes, never compounding, and restores it exactly', () => {
    setBody(`
      <style>.story p { font-size: 18px } .story h2 { font-size: 24px }</style>
      <p id="outside" style="font-size: 12px">Sidebar</p>
      <div class="story" itemprop="articleBody" style="font-size: 16px">
        <h2>Heading</h2>
        <p id="p1">${'word '.repeat(100)}</p>
        <p id="p2" style="font-size: 20px !important">${'word '.repeat(50)}</p>
      </div>`);
    const p1 = document.getElementById('p1')!;
    const p2 = document.getElementById('p2')!;
    const size = (el: Element) => getComputedStyle(el).fontSize;

    applyScale(1.5);
    expect(size(p1)).toBe('27px');
    expect(size(p2)).toBe('30px');
    expect(size(document.querySelector('h2')!)).toBe('36px');
    expect(size(document.getElementById('outside')!)).toBe('12px');

    applyScale(2);
    expect(size(p1)).toBe('36px');

    applyScale(1);
    expect(p1.style.fontSize).toBe('');
    expect(size(p1)).toBe('18px');
    expect(p2.style.getPropertyValue('font-size')).toBe('20px');
    expect(p2.style.getPropertyPriority('font-size')).toBe('important');
    expect((document.querySelector('.story') as HTMLElement).style.fontSize).toBe('16px');
  });

  it('does nothing at 100 % on a page it never scaled', () => {
    setBody(`<article><p style="font-size: 15px">${'word '.repeat(200)}</p></article>`);
    applyScale(1);
    expect(document.querySelector('p')!.getAttribute('style')).toBe('font-size: 15px');
  });
});
