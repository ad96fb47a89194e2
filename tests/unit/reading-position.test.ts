/** Per-article reading positions: keyed by urlKey, clamped, not worth keeping at the ends, pruned oldest first. */
import { describe, expect, it } from 'vitest';
import { loadPosition, positionKey, readingPositions, savePosition, withPosition, worthRestoring } from '../../utils/reading-position';

describe('reading positions', () => {
  it('keys an article by its canonical URL (tracking parameters and www ignored)', () => {
    expect(positionKey({ url: 'https://www.example.com/a?utm_source=x', canonicalUrl: 'https://example.com/a' })).toBe('example.com/a');
    expect(positionKey({ url: 'https://example.com/b?utm_medium=y' })).toBe('example.com/b');
    expect(positionKey({ url: 'about:blank' })).toBeNull();
  });

  it('saves and restores a middle position; the top and the end are forgotten', async () => {
    await savePosition('example.com/a', 0.5, 1);
    expect(await loadPosition('example.com/a')).toBe(0.5);
    await savePosition('example.com/a', 0.995, 2);
    expect(await loadPosition('example.com/a')).toBeNull();
    expect((await readingPositions.getValue())['example.com/a']).toBeUndefined();
    expect(worthRestoring(0.01)).toBe(false);
  });

  it('prunes to the newest entries and drops malformed ones', () => {
    let map = {};
    for (let i = 0; i < 5; i++) map = withPosition(map, `k${i}`, 0.5, i, 3);
    expect(Object.keys(map).sort()).toEqual(['k2', 'k3', 'k4']);
    const dirty = { ...map, bad: { fraction: 7, at: 1 }, worse: null } as never;
    expect(Object.keys(withPosition(dirty, 'k5', 2, 9, 10)).sort()).toEqual(['k2', 'k3', 'k4', 'k5']);
    expect(withPosition(dirty, 'k5', 2, 9, 10).k5).toEqual({ fraction: 1, at: 9 });
  });
});
