/** Pure pieces of the library list: tag names and match marking. */
import { describe, expect, it } from 'vitest';
import { markParts } from '../../../utils/models/library-marks';
import { normalizeTag } from '../../../utils/library/tags';
import { renamedTags, withTag } from '../../../utils/models/library-view';

describe('markParts', () => {
  it('marks whole words whose folded form is a matched term or starts with one', () => {
    expect(markParts('Tariffs rise; the tariff war', ['tariff'])).toEqual([
      { text: 'Tariffs', mark: true },
      { text: ' rise; the ', mark: false },
      { text: 'tariff', mark: true },
      { text: ' war', mark: false },
    ]);
  });

  it('matches accent-free terms against accented text and keeps the original spelling', () => {
    expect(markParts('Élan in São Paulo', ['elan', 'sao'])).toEqual([
      { text: 'Élan', mark: true },
      { text: ' in ', mark: false },
      { text: 'São', mark: true },
      { text: ' Paulo', mark: false },
    ]);
  });

  it('leaves text alone without terms, and ignores one-letter terms', () => {
    expect(markParts('A story', [])).toEqual([{ text: 'A story', mark: false }]);
    expect(markParts('A story', ['a'])).toEqual([{ text: 'A story', mark: false }]);
  });
});

describe('tags', () => {
  it('normalises what was typed', () => {
    expect(normalizeTag('  long   reads ')).toBe('long reads');
    expect(normalizeTag(' \t ')).toBeNull();
    expect(normalizeTag("x".repeat(90))).toHaveLength(64);
  });

  it('adds without a case-insensitive duplicate and renames with a merge', () => {
    expect(withTag(['News'], 'news')).toEqual(['News']);
    expect(withTag(['a'], 'b')).toEqual(['a', 'b']);
    expect(renamedTags(['econ', 'economy', 'x'], 'econ', 'economy')).toEqual(['economy', 'x']);
    expect(renamedTags(['x'], 'econ', 'economy')).toEqual(['x']);
  });
});
