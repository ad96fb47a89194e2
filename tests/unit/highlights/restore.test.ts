// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { describe as describeRange } from '@/utils/highlights/anchor';
import { restoreHighlights } from '@/utils/highlights/restore';
import { indexText, offsetsToRange } from '@/utils/highlights/text-model';
import type { AnchorBasis, Highlight } from '@/utils/highlights/types';
import { readerBody } from './dom';

const SHOWN: AnchorBasis = { contentHash: 'aaaa', extractorVersion: 1, textModel: 1 };
const OLD: AnchorBasis = { contentHash: 'bbbb', extractorVersion: 1, textModel: 1 };

/** A record for `exact` as made on `html` (its first occurrence), with the given basis. */
function recordOn(html: string, exact: string, basis: AnchorBasis, extra: Partial<Highlight> = {}): Highlight {
  const root = readerBody(html);
  const index = indexText(root);
  const start = index.text.indexOf(exact);
  if (start < 0) throw new Error(`not in the markup: ${exact}`);
  const selectors = describeRange(offsetsToRange({ start, end: start + exact.length }, index)!, index)!;
  return { id: exact, articleId: 'a', selectors, basis, color: 'yellow', note: '', createdAt: 1, updatedAt: 1, orphaned: false, ...extra };
}

const PAGE = '<p>First paragraph with a <a href="#">linked phrase</a> inside.</p><ul><li>List item one.</li></ul><blockquote><p>A quoted line.</p></blockquote>';

describe('restoreHighlights', () => {
  it('places highlights made on the content shown by position, in document order, and writes nothing', () => {
    const root = readerBody(PAGE);
    const records = [recordOn(PAGE, 'A quoted line.', SHOWN), recordOn(PAGE, 'linked phrase', SHOWN), recordOn(PAGE, 'List item one.', SHOWN)];
    const result = restoreHighlights(records, indexText(root), SHOWN);
    expect(result.placed.map((p) => p.range.toString())).toEqual(['linked phrase', 'List item one.', 'A quoted line.']);
    expect(result.orphans).toEqual([]);
    expect(result.writes).toEqual([]);
  });

  it('on changed content finds the quote again and writes fresh selectors with the shown basis', () => {
    const changed = `<p>A new opening paragraph.</p>${PAGE}`;
    const record = recordOn(PAGE, 'linked phrase', OLD);
    const result = restoreHighlights([record], indexText(readerBody(changed)), SHOWN);
    expect(result.placed[0]!.range.toString()).toBe('linked phrase');
    expect(result.writes).toHaveLength(1);
    const write = result.writes[0]!;
    expect(write.kind).toBe('place');
    if (write.kind !== 'place') return;
    expect(write.basis).toEqual(SHOWN);
    expect(write.selectors.position.start).toBeGreaterThan(record.selectors.position.start);
  });

  it('keeps a highlight whose passage is gone as an orphan, and writes the orphan mark once', () => {
    const record = recordOn(PAGE, 'A quoted line.', OLD);
    const without = '<p>First paragraph with a <a href="#">linked phrase</a> inside.</p>';
    const first = restoreHighlights([record], indexText(readerBody(without)), SHOWN);
    expect(first.placed).toEqual([]);
    expect(first.orphans).toEqual([record]);
    expect(first.writes).toEqual([{ kind: 'orphan', id: record.id }]);
    const again = restoreHighlights([{ ...record, orphaned: true }], indexText(readerBody(without)), SHOWN);
    expect(again.writes).toEqual([]);
  });

  it('an orphan found again is placed (and written back)', () => {
    const record = recordOn(PAGE, 'List item one.', SHOWN, { orphaned: true });
    const result = restoreHighlights([record], indexText(readerBody(PAGE)), SHOWN);
    expect(result.placed).toHaveLength(1);
    expect(result.writes.map((w) => w.kind)).toEqual(['place']);
  });

  it('overlapping and adjacent highlights are each placed once', () => {
    const html = '<p>Alpha beta gamma delta epsilon.</p>';
    const records = [recordOn(html, 'Alpha beta gamma', SHOWN), recordOn(html, 'beta gamma delta', SHOWN), recordOn(html, ' epsilon', SHOWN)];
    const result = restoreHighlights(records, indexText(readerBody(html)), SHOWN);
    expect(result.placed.map((p) => p.range.toString())).toEqual(['Alpha beta gamma', 'beta gamma delta', 'epsilon']);
  });
});
