// @vitest-environment jsdom
import { describe as group, expect, it } from 'vitest';
import { anchor, basisOf, describe, locate, sameBasis } from '@/utils/highlights/anchor';
import { offsetsToRange, rangeToOffsets, textOf, UI_ATTRIBUTE } from '@/utils/highlights/text-model';
import type { HighlightSelectors } from '@/utils/highlights/types';
import { marked, readerBody } from './dom';

/** Selectors for the marked selection; fails the test when there are none. */
function selectorsOf(html: string): { root: HTMLElement; sel: HighlightSelectors } {
  const { root, range } = marked(html);
  const sel = describe(range, root);
  if (!sel) throw new Error('no selectors');
  return { root, sel };
}

/** The text an anchored range covers, in the text model (skipped decorations excluded). */
function covered(range: Range | null, root: HTMLElement): string | null {
  if (!range) return null;
  const o = rangeToOffsets(range, root);
  return o ? textOf(root).slice(o.start, o.end) : null;
}

const PARA = 'Chinese and American officials met in Kuala Lumpur on Saturday for a fifth round of trade talks.';

group('round trips: describe then anchor on the same render', () => {
  const shapes: [string, string, string][] = [
    ['inside one text node', '<p>Chinese and ⟦American officials⟧ met.</p>', 'American officials'],
    ['a whole text node', '<p>⟦Only this.⟧</p>', 'Only this.'],
    ['at the very start of the body (no prefix)', '<p>⟦Chinese⟧ and American</p>', 'Chinese'],
    ['at the very end of the body (no suffix)', '<p>Chinese and ⟦American⟧</p>', 'American'],
    ['across inline elements', '<p>The <em>qu⟦ick</em> brown <strong>fo⟧x</strong></p>', 'ick brown fo'],
    ['from inside an element to outside it', '<p>See <a href="https://x.example/">the ⟦report</a> today⟧ now</p>', 'report today'],
    ['across a block boundary', '<p>End of one⟦.</p><p>Start⟧ of two</p>', '.Start'],
    ['across a <br>', '<p>Line one ⟦ends<br>line two⟧ starts</p>', 'endsline two'],
    ['a link’s text', '<p>Read <a href="https://x.example/">⟦the full report⟧</a>.</p>', 'the full report'],
    ['across list items', '<ul><li>Apples ⟦and</li><li>pears⟧ too</li></ul>', 'andpears'],
    ['inside a block quote', '<blockquote><p>“We ⟦will not⟧ back down,” she said.</p></blockquote>', 'will not'],
    ['across table cells', '<table><tr><td>Q1 ⟦revenue</td><td>4.2⟧ bn</td></tr></table>', 'revenue4.2'],
    ['deep inline nesting', '<p><strong><em><a href="https://x.example/">de⟦ep</a></em> nest⟧ing</strong></p>', 'ep nest'],
    ['pretty-printed markup with indentation between blocks', '<p>One ⟦end.</p>\n    \n    <p>Two⟧ start</p>', 'end.\n    \n    Two'],
    ['boundaries between elements rather than in text', '<p>Before.</p><x-s></x-s><p>Whole paragraph.</p><x-e></x-e><p>After.</p>', 'Whole paragraph.'],
    ['emoji and other astral characters', '<p>Fans 🎉 ⟦cheered 🎉 loudly⟧ 🎉 there</p>', 'cheered 🎉 loudly'],
    ['unspaced script (Japanese)', '<p>東京で⟦米中の貿易協議⟧が行われた。</p>', '米中の貿易協議'],
    ['right-to-left text', '<p dir="rtl">قال ⟦المسؤولون إن⟧ المحادثات</p>', 'المسؤولون إن'],
    ['a selection with a note marker inside it', `<p>Chinese ⟦and<sup ${UI_ATTRIBUTE}="">✎</sup> American⟧ officials</p>`, 'and American'],
  ];

  it.each(shapes)('%s', (_name, html, exact) => {
    const { root, sel } = selectorsOf(html);
    expect(sel.quote.exact).toBe(exact);
    const range = anchor(sel, root, { sameContent: true });
    expect(covered(range, root)).toBe(exact);
    expect(rangeToOffsets(range!, root)).toEqual({ start: sel.position.start, end: sel.position.end });
  });

  it('keeps 32 characters of context either side', () => {
    const { sel } = selectorsOf(`<p>${PARA.replace('fifth', '⟦fifth⟧')}</p>`);
    expect(sel.quote.prefix).toBe(' Kuala Lumpur on Saturday for a ');
    expect(sel.quote.prefix).toHaveLength(32);
    expect(sel.quote.suffix).toBe(' round of trade talks.');
  });

  it('trims whitespace at the edges of a selection', () => {
    const { sel } = selectorsOf('<p>Chinese and⟦ American \n⟧officials</p>');
    expect(sel.quote.exact).toBe('American');
    expect(sel.position).toMatchObject({ start: 12, end: 20 });
  });

  it('describes a collapsed or whitespace-only selection as nothing', () => {
    expect(describe(marked('<p>Chin⟦⟧ese</p>').range, marked('<p>Chin⟦⟧ese</p>').root)).toBeNull();
    const ws = marked('<p>One⟦   ⟧two</p>');
    expect(describe(ws.range, ws.root)).toBeNull();
  });

  it('does not describe a selection outside the body (the header)', () => {
    const root = readerBody('<p>Body</p>');
    const range = root.ownerDocument.createRange();
    range.selectNodeContents(root.ownerDocument.querySelector('h1')!);
    expect(describe(range, root)).toBeNull();
  });
});

group('same content: the position first', () => {
  it('uses the stored position when the text there is the quote', () => {
    const { root, sel } = selectorsOf('<p>tax ⟦cuts⟧ and tax cuts</p>');
    expect(locate(sel, textOf(root), { sameContent: true })).toMatchObject({ method: 'position', start: 4, end: 8 });
  });

  it('picks the second of two identical quotes by position, on the same content', () => {
    const html = '<p>The vote. The vote.</p>';
    const { root, sel } = selectorsOf(html.replace('The vote. The vote.', 'The vote. ⟦The vote.⟧'));
    const range = anchor(sel, root, { sameContent: true })!;
    expect(rangeToOffsets(range, root)).toEqual({ start: 10, end: 19 });
  });

  it('falls back to the quote when the position is past the end of the text', () => {
    const root = readerBody('<p>Short now: trade talks.</p>');
    const sel: HighlightSelectors = {
      quote: { type: 'TextQuoteSelector', exact: 'trade talks', prefix: 'Short now: ', suffix: '.' },
      position: { type: 'TextPositionSelector', start: 500, end: 511 },
    };
    expect(covered(anchor(sel, root, { sameContent: true }), root)).toBe('trade talks');
  });

  it('falls back to the quote when the live page changed under the same basis', () => {
    const { sel } = selectorsOf(`<p>${PARA.replace('Kuala Lumpur', '⟦Kuala Lumpur⟧')}</p>`);
    // Same stored body, but this render shows an extra line before (e.g. an image's alt box the text model did not skip).
    const live = readerBody(`<p>An extra caption line.</p><p>${PARA}</p>`);
    const p = locate(sel, textOf(live), { sameContent: true })!;
    expect(p.method).toBe('quote');
    expect(textOf(live).slice(p.start, p.end)).toBe('Kuala Lumpur');
  });

  it('gives the same offsets whether or not an image was stored', () => {
    const withImage = selectorsOf('<p>Before <img src="https://x.example/a.png" alt="A chart"> ⟦after⟧ it</p>');
    const without = readerBody('<p>Before <span class="image-not-saved" role="img">A chart</span> after it</p>');
    expect(locate(withImage.sel, textOf(without), { sameContent: true })).toMatchObject({ method: 'position' });
  });

  it('tells the basis apart by hash, extractor and text model', () => {
    const a = basisOf({ contentHash: 'abc', extractorVersion: 1 });
    expect(sameBasis(a, { ...a })).toBe(true);
    expect(sameBasis(a, { ...a, contentHash: 'abd' })).toBe(false);
    expect(sameBasis(a, { ...a, extractorVersion: 2 })).toBe(false);
    expect(sameBasis(a, { ...a, textModel: a.textModel + 1 })).toBe(false);
  });
});

group('changed content: the quote', () => {
  const original = `<p>${PARA}</p><p>The delegation made no public remarks after the meeting.</p>`;
  const made = (target: string) => selectorsOf(original.replace(target, `⟦${target}⟧`)).sel;

  it('finds the quote after text was inserted before it', () => {
    const sel = made('fifth round of trade talks');
    const root = readerBody(`<p>Update: this story was corrected.</p>${original}`);
    const p = locate(sel, textOf(root))!;
    expect(p.method).toBe('quote');
    expect(covered(anchor(sel, root), root)).toBe('fifth round of trade talks');
    expect(p.start).toBeGreaterThan(sel.position.start);
  });

  it('finds the quote after text was inserted after it', () => {
    const sel = made('no public remarks');
    const root = readerBody(`${original}<p>More to follow.</p>`);
    expect(covered(anchor(sel, root), root)).toBe('no public remarks');
  });

  it('finds the quote when the paragraphs were re-wrapped in other elements', () => {
    const sel = made('Kuala Lumpur on Saturday');
    const root = readerBody(`<section><div><p>${PARA}</p></div></section><p>The delegation made no public remarks after the meeting.</p>`);
    expect(covered(anchor(sel, root), root)).toBe('Kuala Lumpur on Saturday');
  });

  it('ignores changed line breaks and indentation (not a fuzzy match)', () => {
    const sel = selectorsOf('<p>Officials met.</p>\n<p>⟦The delegation made</p>\n<p>no public⟧ remarks.</p>').sel;
    const root = readerBody('<p>Officials met.</p>\n\n      <p>The delegation made</p>\n      \n      <p>no public remarks.</p>');
    const p = locate(sel, textOf(root))!;
    expect(p).toMatchObject({ method: 'quote', errors: 0 });
    expect(textOf(root).slice(p.start, p.end)).toBe('The delegation made\n      \n      no public');
  });

  it('tells duplicate quotes apart by their prefix', () => {
    const html = '<p>Exports rose. Imports said the figures were final.</p><p>Exports fell. Analysts said the figures were final.</p>';
    const sel = selectorsOf(html.replace('Analysts said the figures were final', 'Analysts ⟦said the figures were final⟧')).sel;
    const root = readerBody(`<p>Correction appended.</p>${html}`);
    const p = locate(sel, textOf(root))!;
    expect(textOf(root).slice(p.start - 9, p.start)).toBe('Analysts ');
  });

  it('tells duplicate quotes apart by their suffix', () => {
    const html = '<p>He said no to the first offer.</p><p>He said no to the second offer.</p>';
    const sel = selectorsOf(html.replace('He said no to the second', '⟦He said no⟧ to the second')).sel;
    const root = readerBody(`<p>Inserted first.</p>${html}`);
    const p = locate(sel, textOf(root))!;
    expect(textOf(root).slice(p.end, p.end + 15)).toBe(' to the second ');
  });

  it('tells duplicate quotes with the same context apart by nearness to the old position', () => {
    const line = 'Same words here, again and again, in a refrain.';
    const html = [0, 1, 2, 3, 4].map((i) => `<p>${i === 3 ? line.replace('again and again', '⟦again and again⟧') : line}</p>`).join('');
    const sel = selectorsOf(html).sel;
    const root = readerBody(`<p>x</p>${html.replace(/[⟦⟧]/g, '')}`);
    const p = locate(sel, textOf(root))!;
    // The fourth repetition, one character further on.
    expect(Math.floor((p.start - 1) / line.length)).toBe(3);
  });
  it('a stale position on the other duplicate does not override the context', () => {
    const alpha = 'Alpha, the first speaker, said: it is over.';
    const beta = 'Beta, the second speaker, said: it is over.';
    const sel = selectorsOf(`<p>${alpha} ${beta.replace('it is over', '⟦it is over⟧')}</p>`).sel;
    // The new version swapped the speakers: the old position now points at Alpha's words.
    const root = readerBody(`<p>${beta} ${alpha}</p>`);
    const p = locate(sel, textOf(root))!;
    expect(p.start).toBe(beta.indexOf('it is over'));
  });

  it('finds a very common short quote by its context among many occurrences', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `<p>Item ${i} is in the list of the things.</p>`).join('');
    const html = `${filler}<p>The minister resigned on Friday after the vote.</p>${filler}`;
    const sel = selectorsOf(html.replace('after the vote', 'after ⟦the⟧ vote')).sel;
    const root = readerBody(`<p>Breaking.</p>${html}`);
    const p = locate(sel, textOf(root))!;
    expect(textOf(root).slice(p.start - 6, p.end + 5)).toBe('after the vote');
  });
});

group('long texts', () => {
  it('anchors on each of two long texts in turn (the folded text is cached per text)', () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40);
    const one = `${filler}The minister resigned on Friday. ${filler}`;
    const two = `${filler}${filler}The minister resigned on Friday. `;
    const sel: HighlightSelectors = {
      quote: { type: 'TextQuoteSelector', exact: 'minister resigned', prefix: 'elit. The ', suffix: ' on Friday.' },
      position: { type: 'TextPositionSelector', start: 0, end: 17 },
    };
    for (const text of [one, two, one]) {
      const p = locate(sel, text)!;
      expect(text.slice(p.start, p.end)).toBe('minister resigned');
    }
  });
});

group('changed content: fuzzy', () => {
  it('places a quote a word inside of which was edited', () => {
    const sel = selectorsOf(`<p>${PARA.replace('met in Kuala Lumpur on Saturday for a fifth', '⟦met in Kuala Lumpur on Saturday for a fifth⟧')}</p>`).sel;
    const root = readerBody(`<p>${PARA.replace('Saturday', 'Sunday')}</p>`);
    const p = locate(sel, textOf(root))!;
    expect(p.method).toBe('fuzzy');
    expect(p.errors).toBeGreaterThan(0);
    expect(textOf(root).slice(p.start, p.end)).toBe('met in Kuala Lumpur on Sunday for a fifth');
  });

  it('places a quote after a typo was fixed', () => {
    const sel = selectorsOf('<p>Officials ⟦agred to meet again⟧ next month.</p>').sel;
    const root = readerBody('<p>Officials agreed to meet again next month.</p>');
    expect(covered(anchor(sel, root), root)).toBe('agreed to meet again');
  });

  it('prefers the edited passage in its own context over an identical quote elsewhere', () => {
    const html = '<p>Earlier: the bill passed the senate easily.</p><p>Later, the committee said the bill passed the senate narrowly.</p>';
    const sel = selectorsOf(html.replace('said the bill passed the senate narrowly', 'said ⟦the bill passed the senate⟧ narrowly')).sel;
    const root = readerBody(html.replace('committee said the bill passed the senate narrowly', 'committee said the bill cleared the senate narrowly'));
    const p = locate(sel, textOf(root))!;
    expect(p.method).toBe('fuzzy');
    expect(textOf(root).slice(p.start, p.end)).toBe('the bill cleared the senate');
  });

  it('gives up when the quote changed beyond a quarter of its length', () => {
    const sel = selectorsOf('<p>⟦Prices rose sharply in March⟧ and April.</p>').sel;
    const root = readerBody('<p>Costs went up a lot during spring and April.</p>');
    expect(anchor(sel, root)).toBeNull();
  });
});

group('orphans and nothing to find', () => {
  const article = '<p>First paragraph stays as it was.</p><p>The second paragraph holds the highlighted sentence about tariffs.</p><p>Third paragraph stays too.</p>';

  it('returns null when the paragraph was deleted', () => {
    const sel = selectorsOf(article.replace('highlighted sentence about tariffs', '⟦highlighted sentence about tariffs⟧')).sel;
    const root = readerBody('<p>First paragraph stays as it was.</p><p>Third paragraph stays too.</p>');
    expect(anchor(sel, root)).toBeNull();
  });

  it('does not put a short quote from a deleted paragraph on the same word elsewhere', () => {
    const sel = selectorsOf(article.replace('The second paragraph', 'The second ⟦paragraph⟧')).sel;
    const root = readerBody('<p>First paragraph stays as it was.</p><p>Third paragraph stays too.</p>');
    expect(anchor(sel, root)).toBeNull();
  });

  it('returns null for an empty or whitespace-only quote', () => {
    const root = readerBody(article);
    const empty = (exact: string): HighlightSelectors => ({
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
    });
    expect(anchor(empty(''), root, { sameContent: true })).toBeNull();
    expect(anchor(empty('   '), root, { sameContent: true })).toBeNull();
  });

  it('returns null for a quote that is not in the text', () => {
    const root = readerBody(article);
    const sel: HighlightSelectors = {
      quote: { type: 'TextQuoteSelector', exact: 'entirely unrelated words about volcanoes', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 40 },
    };
    expect(anchor(sel, root)).toBeNull();
  });

  it('returns null for a quote longer than the whole text', () => {
    const sel = selectorsOf(`<p>⟦${PARA}⟧</p>`).sel;
    expect(anchor(sel, readerBody('<p>Chinese officials.</p>'))).toBeNull();
  });

  it('returns null on an empty body', () => {
    const sel = selectorsOf('<p>⟦Something⟧ here</p>').sel;
    expect(anchor(sel, readerBody(''))).toBeNull();
  });
});

group('several highlights on one body', () => {
  const html = `<p>${PARA}</p>`;

  it('anchors overlapping highlights independently', () => {
    const a = selectorsOf(`<p>${PARA.replace('American officials met', '⟦American officials met⟧')}</p>`).sel;
    const b = selectorsOf(`<p>${PARA.replace('officials met in Kuala', '⟦officials met in Kuala⟧')}</p>`).sel;
    const root = readerBody(`<p>New first line.</p>${html}`);
    const ra = anchor(a, root)!;
    const rb = anchor(b, root)!;
    expect(covered(ra, root)).toBe('American officials met');
    expect(covered(rb, root)).toBe('officials met in Kuala');
    const [oa, ob] = [rangeToOffsets(ra, root)!, rangeToOffsets(rb, root)!];
    expect(oa.start < ob.start && ob.start < oa.end && oa.end < ob.end).toBe(true);
  });

  it('keeps adjacent highlights touching but not sharing a character', () => {
    const root = readerBody('<p><b>Trade</b><i> talks resumed</i></p>');
    const first = describe(offsetsToRange({ start: 0, end: 5 }, root)!, root)!;
    const second = describe(offsetsToRange({ start: 6, end: 12 }, root)!, root)!;
    const ra = anchor(first, root, { sameContent: true })!;
    const rb = anchor(second, root, { sameContent: true })!;
    expect(ra.endContainer).toBe(root.querySelector('b')!.firstChild);
    expect(rb.startContainer).toBe(root.querySelector('i')!.firstChild);
    expect(rangeToOffsets(ra, root)!.end).toBeLessThanOrEqual(rangeToOffsets(rb, root)!.start);
  });

  it('still anchors a highlight after another one was painted (text split into marks)', () => {
    const a = selectorsOf(`<p>${PARA.replace('Kuala Lumpur', '⟦Kuala Lumpur⟧')}</p>`).sel;
    const b = selectorsOf(`<p>${PARA.replace('met in Kuala', '⟦met in Kuala⟧')}</p>`).sel;
    const root = readerBody(html);
    const mark = root.ownerDocument.createElement('mark');
    anchor(a, root, { sameContent: true })!.surroundContents(mark);
    const p = locate(b, textOf(root), { sameContent: true })!;
    expect(p.method).toBe('position');
    expect(covered(anchor(b, root, { sameContent: true }), root)).toBe('met in Kuala');
  });

  it('reuses one text index for many highlights', () => {
    const root = readerBody(html);
    const a = describe(offsetsToRange({ start: 0, end: 7 }, root)!, root)!;
    const b = describe(offsetsToRange({ start: 12, end: 20 }, root)!, root)!;
    expect(a.quote.exact).toBe('Chinese');
    expect(b.quote.exact).toBe('American');
  });
});
