/** Text fragment links: spec-reserved characters encoded, long quotes linked by their ends. */
import { describe, expect, it } from 'vitest';
import { encodeTextTerm, normaliseQuote, textDirective, withTextFragment } from '../../utils/text-fragment';

describe('text fragments', () => {
  it('percent-encodes the reserved "-", "&" and "," and everything URL-special', () => {
    expect(encodeTextTerm('a-b & c, d')).toBe('a%2Db%20%26%20c%2C%20d');
    expect(encodeTextTerm('50% #1 ?x=y')).toBe('50%25%20%231%20%3Fx%3Dy');
    expect(encodeTextTerm('東京 🚀')).toBe('%E6%9D%B1%E4%BA%AC%20%F0%9F%9A%80');
  });

  it('links a short quote whole, whitespace collapsed', () => {
    expect(textDirective('  very\n constructive\t talks ')).toBe(':~:text=very%20constructive%20talks');
    expect(normaliseQuote('a\u2028b\r\nc')).toBe('a b c');
  });

  it('links a long quote by its first and last five words', () => {
    const quote = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textDirective(quote)).toBe(':~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve');
  });

  it('links a long space-less (CJK) quote by its first and last characters', () => {
    const quote = '東'.repeat(50) + '京'.repeat(50);
    const directive = textDirective(quote)!;
    const [start, end] = directive.replace(':~:text=', '').split(',');
    expect(decodeURIComponent(start!)).toBe('東'.repeat(20));
    expect(decodeURIComponent(end!)).toBe('京'.repeat(20));
  });

  it('returns the URL unchanged for an empty quote and replaces an existing fragment', () => {
    expect(textDirective(' \n ')).toBeNull();
    expect(withTextFragment('https://a.example/x', '  ')).toBe('https://a.example/x');
    expect(withTextFragment('https://a.example/x#top', 'hello')).toBe('https://a.example/x#:~:text=hello');
  });
});
