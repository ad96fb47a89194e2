// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createPainter, highlightCss, paintName } from '@/utils/highlights/paint';
import { indexText, offsetsToRange } from '@/utils/highlights/text-model';
import { readerBody } from './dom';

function body(html: string) {
  const root = readerBody(html);
  const index = indexText(root);
  const range = (start: number, end: number) => offsetsToRange({ start, end }, index)!;
  return { root, index, range };
}

describe('painter (jsdom: no Custom Highlight API, ranges only)', () => {
  it('finds the topmost highlight at a DOM point, later paints over earlier', () => {
    const { root, index, range } = body('<p>Alpha beta gamma delta.</p>');
    const p = createPainter(root.ownerDocument);
    p.paint('a', range(0, 10), 'yellow');
    p.paint('b', range(6, 16), 'blue');
    const node = index.nodes[0]!;
    expect(p.atPoint(node, 2)).toBe('a');
    expect(p.atPoint(node, 7)).toBe('b');
    expect(p.atPoint(node, 12)).toBe('b');
    expect(p.atPoint(node, 20)).toBeNull();
    // The end point itself is past the last character.
    expect(p.atPoint(node, 16)).toBeNull();
  });

  it('repaints in a new colour without a duplicate, unpaints, clears', () => {
    const { root, index, range } = body('<p>One <b>two</b> three</p>');
    const p = createPainter(root.ownerDocument);
    p.paint('a', range(0, 7), 'yellow');
    p.paint('a', range(0, 7), 'green');
    expect(p.ids()).toEqual(['a']);
    p.unpaint('a');
    expect(p.has('a')).toBe(false);
    expect(p.atPoint(index.nodes[0]!, 1)).toBeNull();
    p.paint('b', range(4, 7), 'pink');
    p.clear();
    expect(p.ids()).toEqual([]);
  });

  it('ranges are live: text inserted before a highlight moves it with the text', () => {
    const { root, range } = body('<p id="x">Keep this sentence.</p>');
    const p = createPainter(root.ownerDocument);
    p.paint('a', range(5, 9), 'yellow');
    root.insertBefore(root.ownerDocument.createElement('p'), root.firstChild).textContent = 'New paragraph. ';
    expect(p.rangeOf('a')!.toString()).toBe('this');
  });

  it('styles every colour, light, dark and by media query', () => {
    expect(highlightCss(false)).toContain(`::highlight(${paintName('purple')})`);
    expect(highlightCss('media')).toContain('prefers-color-scheme: dark');
  });
});
