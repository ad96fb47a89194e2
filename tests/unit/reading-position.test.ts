/** Per-article reading positions: keyed by urlKey, clamped, not worth keeping at the ends, pruned oldest first. */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach } from 'vitest';
import { closeDB } from '../../utils/db/open';
import { getPositionRecord } from '../../utils/db/positions';
import { loadPosition, MAX_POSITIONS, positionKey, savePosition, worthRestoring } from '../../utils/reading-position';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

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
    expect(await getPositionRecord('example.com/a')).toBeUndefined();
    expect(worthRestoring(0.01)).toBe(false);
  });

  it('lives in IndexedDB, not in storage.local where content scripts could read it', async () => {
    await savePosition('example.com/secret', 0.4, 1);
    expect(await getPositionRecord('example.com/secret')).toEqual({ key: 'example.com/secret', fraction: 0.4, at: 1 });
    const { browser } = await import('wxt/browser');
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('secret');
  });

  it('keeps only the newest MAX_POSITIONS positions', async () => {
    for (let i = 0; i < MAX_POSITIONS + 3; i++) await savePosition(`k${i}`, 0.5, i);
    expect(await loadPosition('k0')).toBeNull();
    expect(await loadPosition(`k${MAX_POSITIONS + 2}`)).toBe(0.5);
  });
});
