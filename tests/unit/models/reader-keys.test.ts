/** Reader shortcuts: single keys, never with a modifier, never while typing (except Escape). */
import { describe, expect, it } from 'vitest';
import { readerShortcut } from '../../../utils/models/reader-keys';

describe('readerShortcut', () => {
  it('maps - / + / = / ? / a / Escape', () => {
    expect(['-', '+', '=', '?', 'a', 'Escape'].map((key) => readerShortcut({ key }))).toEqual(['decrease', 'increase', 'increase', 'help', 'text', 'close']);
    expect(readerShortcut({ key: 'x' })).toBeNull();
  });
  it('leaves browser shortcuts and typing alone', () => {
    expect(readerShortcut({ key: '=', ctrlKey: true })).toBeNull();
    expect(readerShortcut({ key: '-', metaKey: true })).toBeNull();
    expect(readerShortcut({ key: 'a', altKey: true })).toBeNull();
    expect(readerShortcut({ key: 'a', typing: true })).toBeNull();
    expect(readerShortcut({ key: 'Escape', typing: true })).toBe('close');
  });
});
