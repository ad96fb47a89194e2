// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { indexText, offsetsToRange, rangeToOffsets, textOf, UI_ATTRIBUTE } from '@/utils/highlights/text-model';
import { marked, readerBody } from './dom';

describe('the text model', () => {
  it('is the body’s Text nodes joined in document order, no separators, whitespace kept', () => {
    const root = readerBody('<h2>Talks</h2>\n<p>One <em>two</em></p><p>three<br>four</p>');
    expect(textOf(root)).toBe('Talks\nOne twothreefour');
  });

  it('leaves out the header: only .reader-body counts', () => {
    const root = readerBody('<p>Body text.</p>', '<header><h1>Headline</h1><p>By Someone</p></header>');
    expect(textOf(root)).toBe('Body text.');
  });

  it('skips text that is never rendered and Folio’s own decorations, keeps aria-hidden text', () => {
    const root = readerBody(
      '<p>a<script>x()</script>b<style>p{}</style>c<noscript>n</noscript>d<span hidden>h</span>e' +
        `<sup ${UI_ATTRIBUTE}="">note</sup>f<span class="image-not-saved">Image not saved: alt</span>g<span aria-hidden="true">!</span></p>`,
    );
    expect(textOf(root)).toBe('abcdefg!');
  });

  it('maps a boundary between elements to the characters before it', () => {
    const { root, range } = marked('<p>First.</p><x-s></x-s><p>Second.</p><x-e></x-e><p>Third.</p>');
    expect(rangeToOffsets(range, root)).toEqual({ start: 6, end: 13 });
  });

  it('maps a boundary inside a skipped decoration to the decoration’s place', () => {
    const root = readerBody(`<p>Before<sup ${UI_ATTRIBUTE}="">[1]</sup>after</p>`);
    const marker = root.querySelector('sup')!.firstChild as Text;
    const range = root.ownerDocument.createRange();
    range.setStart(marker, 1);
    range.setEnd(root.querySelector('p')!.lastChild!, 3);
    expect(rangeToOffsets(range, root)).toEqual({ start: 6, end: 9 });
  });

  it('clamps a range reaching into the header and ignores one wholly outside', () => {
    const root = readerBody('<p>Body words</p>');
    const doc = root.ownerDocument;
    const h1 = doc.querySelector('h1')!.firstChild as Text;
    const partial = doc.createRange();
    partial.setStart(h1, 3);
    partial.setEnd(root.querySelector('p')!.firstChild!, 4);
    expect(rangeToOffsets(partial, root)).toEqual({ start: 0, end: 4 });
    const outside = doc.createRange();
    outside.selectNodeContents(doc.querySelector('h1')!);
    expect(rangeToOffsets(outside, root)).toBeNull();
  });

  it('refuses offsets out of bounds and a root without text', () => {
    const root = readerBody('<p>abc</p>');
    expect(offsetsToRange({ start: 0, end: 4 }, root)).toBeNull();
    expect(offsetsToRange({ start: 2, end: 1 }, root)).toBeNull();
    expect(offsetsToRange({ start: -1, end: 1 }, root)).toBeNull();
    expect(offsetsToRange({ start: 0, end: 0 }, readerBody('<img alt="x">'))).toBeNull();
    const collapsed = offsetsToRange({ start: 1, end: 1 }, root)!;
    expect(collapsed.collapsed).toBe(true);
  });

  it('puts a start at a node boundary into the next node and an end into the previous one', () => {
    const root = readerBody('<p><b>bold</b><i>italic</i></p>');
    const range = offsetsToRange({ start: 4, end: 4 + 6 }, root)!;
    expect(range.startContainer).toBe(root.querySelector('i')!.firstChild);
    expect(range.startOffset).toBe(0);
    const back = offsetsToRange({ start: 0, end: 4 }, root)!;
    expect(back.endContainer).toBe(root.querySelector('b')!.firstChild);
    expect(back.endOffset).toBe(4);
  });

  it('passes over empty Text nodes', () => {
    const root = readerBody('<p>ab</p>');
    const p = root.querySelector('p')!;
    p.append(root.ownerDocument.createTextNode(''), root.ownerDocument.createTextNode('cd'));
    const range = offsetsToRange({ start: 2, end: 4 }, root)!;
    expect(range.toString()).toBe('cd');
    expect((range.startContainer as Text).data).toBe('cd');
    expect(rangeToOffsets(range, root)).toEqual({ start: 2, end: 4 });
  });

  it('is unchanged when painting splits Text nodes into marks', () => {
    const root = readerBody('<p>Chinese and American officials met.</p>');
    const before = textOf(root);
    const range = offsetsToRange({ start: 12, end: 20 }, root)!;
    const mark = root.ownerDocument.createElement('mark');
    range.surroundContents(mark);
    expect(indexText(root).nodes).toHaveLength(3);
    expect(textOf(root)).toBe(before);
    expect(offsetsToRange({ start: 12, end: 20 }, root)!.toString()).toBe('American');
  });
});
