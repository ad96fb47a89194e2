import { describe, expect, it } from 'vitest';
import { createNamer, cutToBytes, MAX_STEM_BYTES, safeStem } from '@/utils/transfer/file-names';
import { neutralizeCell } from '@/utils/transfer/csv-cell';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('file names safe on every OS', () => {
  it('replaces characters Windows or POSIX refuse, and control characters', () => {
    expect(safeStem('A/B: the "why" of <it>?*|\\x')).toBe('A B the why of it x');
    expect(safeStem('tab\there\u0000nul\u001fend')).toBe('tab here nul end');
    // Positive control: ordinary punctuation and letters stay.
    expect(safeStem("Trump's 'deal' — 50% off, (really)")).toBe("Trump's 'deal' — 50% off, (really)");
  });

  it('renames reserved device names, with or without an extension-like suffix', () => {
    for (const name of ['CON', 'con', 'NUL', 'Com1', 'LPT9', 'aux.tar', 'PRN ']) expect(safeStem(name)).toMatch(/^_/);
    expect(safeStem('Console')).toBe('Console');
    expect(safeStem('CONTROL')).toBe('CONTROL');
  });

  it('drops trailing dots and spaces, and names empty titles', () => {
    expect(safeStem('trailing dot.')).toBe('trailing dot');
    expect(safeStem('   ...   ')).toBe('Untitled');
    expect(safeStem('')).toBe('Untitled');
    expect(safeStem('\u202eexe.txt')).toBe('exe.txt');
  });

  it('caps names in bytes without splitting an emoji or a character', () => {
    const long = '👩‍👩‍👧 Ünïcödé '.repeat(40);
    const stem = safeStem(long);
    expect(bytes(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(stem.startsWith('👩‍👩‍👧')).toBe(true);
    expect(stem).not.toMatch(/\ufffd/);
    expect(cutToBytes('ab👩‍👩‍👧', 5)).toBe('ab');
    expect(safeStem('🌧️ Monsoon')).toBe('🌧️ Monsoon');
  });

  it('keeps names unique in one folder, ignoring case', () => {
    const name = createNamer();
    expect([name('Same title', 'md'), name('same TITLE', 'md'), name('Same title', 'md'), name('', 'md'), name('', 'md')]).toEqual([
      'Same title.md', 'same TITLE (2).md', 'Same title (3).md', 'Untitled.md', 'Untitled (2).md',
    ]);
  });
});

describe('CSV cells a spreadsheet would run', () => {
  it('neutralises = + - @ tab and CR at the start', () => {
    for (const v of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralizeCell(v)).toBe(`'${v}`);
    // Positive control: everything else is left alone, including formula characters inside.
    for (const v of ['Plain title', 'a=b', 'x+y', 'mail@example.com', '']) expect(neutralizeCell(v)).toBe(v);
  });
});
