// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { basisOf, sameBasis } from '@/utils/highlights/anchor';
import { describeSelection, LIVE_PAGE_BASIS, liveRoot, paintLive, type LiveHighlight } from '@/utils/highlights/live-page';
import { createPainter } from '@/utils/highlights/paint';
import type { HighlightSelectors } from '@/utils/highlights/types';
import * as v from '@/utils/validate';

/**
 * A live page: its own furniture around the story, in jsdom's window document
 * (a selection needs a document with a window; jsdom runs no scripts here).
 */
function page(story: string): Document {
  document.getSelection()?.removeAllRanges();
  // Test markup only (no untrusted input): the sanitiser is for article HTML.
  // eslint-disable-next-line no-unsanitized/property
  document.body.innerHTML =
    `<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><h1>Talks resume</h1>${story}</main>` +
    '<aside>Most read: talks elsewhere</aside><script>var talks = "in a script";</script>';
  return document;
}

const STORY = '<p>Officials met in Kuala Lumpur on Saturday for a new round of talks.</p><p>The talks resume on Sunday.</p>';

function select(doc: Document, phrase: string): void {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(phrase);
    if (at < 0) continue;
    const range = doc.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + phrase.length);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    return;
  }
  throw new Error(`not on the page: ${phrase}`);
}

const live = (id: string, selectors: HighlightSelectors, color: LiveHighlight['color'] = 'yellow'): LiveHighlight => ({ id, color, selectors });

describe('the live page’s text model and selection', () => {
  it('counts over the whole body: a selection in the story gets the page’s offsets and its context', () => {
    const doc = page(STORY);
    expect(liveRoot(doc)).toBe(doc.body);
    select(doc, 'a new round of talks');
    const selectors = describeSelection(doc)!;
    expect(selectors.quote.exact).toBe('a new round of talks');
    expect(doc.body.textContent!.slice(selectors.position.start, selectors.position.end)).toBe('a new round of talks');
    expect(selectors.quote.prefix.endsWith('on Saturday for ')).toBe(true);
  });

  it('no selection, a collapsed one, or one of whitespace only: nothing to highlight', () => {
    const doc = page(STORY);
    expect(describeSelection(doc)).toBeNull();
    select(doc, 'Saturday');
    doc.getSelection()!.collapseToStart();
    expect(describeSelection(doc)).toBeNull();
    select(doc, ' ');
    expect(describeSelection(doc)).toBeNull();
  });

  it('a live page’s basis matches no saved body: the reader places its highlights by quote', () => {
    expect(sameBasis(LIVE_PAGE_BASIS, basisOf({ contentHash: '0123456789abcdef', extractorVersion: 3 }))).toBe(false);
    expect(LIVE_PAGE_BASIS.contentHash).toBe('live-page');
  });
});

describe('painting on the live page', () => {
  it('paints a highlight made here, and finds it again when a paragraph is inserted before it', () => {
    const doc = page(STORY);
    select(doc, 'a new round of talks');
    const selectors = describeSelection(doc)!;
    const painter = createPainter(doc);
    expect(paintLive(painter, doc, [live('h1', selectors)], 'add')).toEqual({ painted: 1, missing: [] });
    expect(painter.rangeOf('h1')!.toString()).toBe('a new round of talks');

    const changed = page(`<p>Editor’s note: updated with fresh reporting.</p><div><p>Fresh:</p></div>${STORY}`);
    const again = createPainter(changed);
    expect(paintLive(again, changed, [live('h1', selectors)], 'replace')).toEqual({ painted: 1, missing: [] });
    expect(again.rangeOf('h1')!.toString()).toBe('a new round of talks');
  });

  it('places a highlight made in the reader (offsets of another text) by its quote and context', () => {
    // The reader's text model: the story only, no page furniture, so offsets differ from the page's.
    const readerText = 'Officials met in Kuala Lumpur on Saturday for a new round of talks.The talks resume on Sunday.';
    const start = readerText.indexOf('talks resume');
    const fromReader: HighlightSelectors = {
      quote: { type: 'TextQuoteSelector', exact: 'talks resume', prefix: readerText.slice(start - 32, start), suffix: readerText.slice(start + 12, start + 44) },
      position: { type: 'TextPositionSelector', start, end: start + 12 },
    };
    const doc = page(STORY);
    const painter = createPainter(doc);
    expect(paintLive(painter, doc, [live('r1', fromReader, 'green')], 'replace').painted).toBe(1);
    const range = painter.rangeOf('r1')!;
    expect(range.toString()).toBe('talks resume');
    // The story's sentence, not the headline's "Talks resume" nor the aside's "talks elsewhere".
    expect(range.startContainer.parentElement!.textContent).toBe('The talks resume on Sunday.');
  });

  it('a teaser that lacks the passage: reported missing, nothing painted, the rest painted', () => {
    const full = page(STORY);
    select(full, 'talks resume on Sunday');
    const gone = describeSelection(full)!;
    select(full, 'Kuala Lumpur');
    const kept = describeSelection(full)!;
    const teaser = page('<p>Officials met in Kuala Lumpur on Saturday. Subscribe to read more.</p>');
    const painter = createPainter(teaser);
    expect(paintLive(painter, teaser, [live('gone', gone), live('kept', kept)], 'replace')).toEqual({ painted: 1, missing: ['gone'] });
    expect(painter.ids()).toEqual(['kept']);
  });

  it('replace unpaints what was there; add keeps it', () => {
    const doc = page(STORY);
    select(doc, 'Kuala Lumpur');
    const a = describeSelection(doc)!;
    select(doc, 'Sunday');
    const b = describeSelection(doc)!;
    const painter = createPainter(doc);
    paintLive(painter, doc, [live('a', a)], 'replace');
    paintLive(painter, doc, [live('b', b)], 'add');
    expect(painter.ids().sort()).toEqual(['a', 'b']);
    paintLive(painter, doc, [live('b', b)], 'replace');
    expect(painter.ids()).toEqual(['b']);
  });
});

describe('live-page payloads', () => {
  const selectors: HighlightSelectors = {
    quote: { type: 'TextQuoteSelector', exact: 'Kuala Lumpur', prefix: 'met in ', suffix: ' on Saturday' },
    position: { type: 'TextPositionSelector', start: 10, end: 22 },
  };

  it('a selection from the page: selectors or null; an empty, huge or backwards one is refused', () => {
    expect(v.liveSelection(null)).toBeNull();
    expect(v.liveSelection({ selectors, extra: 'dropped' })).toEqual({ selectors });
    expect(() => v.liveSelection({ selectors: { ...selectors, quote: { ...selectors.quote, exact: '   ' } } })).toThrow(v.ValidationError);
    expect(() => v.liveSelection({ selectors: { ...selectors, quote: { ...selectors.quote, exact: 'x'.repeat(v.MAX_QUOTE_CHARS + 1) } } })).toThrow(v.ValidationError);
    expect(() => v.liveSelection({ selectors: { ...selectors, quote: { ...selectors.quote, prefix: 'p'.repeat(65) } } })).toThrow(v.ValidationError);
    expect(() => v.liveSelection({ selectors: { ...selectors, position: { type: 'TextPositionSelector', start: 9, end: 9 } } })).toThrow(v.ValidationError);
    expect(() => v.liveSelection({ selectors: { ...selectors, position: { type: 'TextPositionSelector', start: -1, end: 3 } } })).toThrow(v.ValidationError);
  });

  it('a paint request carries ids, colours and selectors only, for one http(s) page', () => {
    const request = { url: 'https://news.example/a', mode: 'replace', highlights: [{ id: 'h-1', color: 'pink', selectors, note: 'never sent' }] };
    expect(v.livePaint(request)).toEqual({ url: 'https://news.example/a', mode: 'replace', highlights: [{ id: 'h-1', color: 'pink', selectors }] });
    expect(() => v.livePaint({ ...request, url: 'file:///etc/passwd' })).toThrow(v.ValidationError);
    expect(() => v.livePaint({ ...request, highlights: [{ id: 'h-1', color: 'red', selectors }] })).toThrow(v.ValidationError);
    expect(() => v.livePaint({ ...request, mode: 'merge' })).toThrow(v.ValidationError);
    expect(() => v.paintOutcome({ painted: 1.5, missing: [] })).toThrow(v.ValidationError);
    expect(v.paintOutcome({ painted: 2, missing: ['h-2'] })).toEqual({ painted: 2, missing: ['h-2'] });
  });
});
