import { describe, expect, it, vi } from 'vitest';
import { createPreparedExtractions, PREPARED_FRESH_MS } from '@/utils/prepared-extraction';
import { fail, ok } from '@/utils/result';
import { makeExtracted } from './helpers/article';

const URL_A = 'https://news.example/2025/10/25/talks';

function setup() {
  let clock = 1_000;
  const extract = vi.fn(async (_tabId: number, force: boolean) => ok({ article: makeExtracted({ url: URL_A, title: force ? 'forced' : 'prepared' }), fix: null }));
  const cache = createPreparedExtractions(extract, () => clock);
  return { cache, extract, advance: (ms: number) => (clock += ms) };
}

describe('prepared extractions', () => {
  it('a click after prepare reuses the extraction instead of running it again', async () => {
    const { cache, extract } = setup();
    cache.prepare(1, URL_A);
    const result = await cache.take(1, URL_A, false);
    expect(result.ok && result.value.article.title).toBe('prepared');
    expect(extract).toHaveBeenCalledTimes(1);
    // Save after open: still the same extraction.
    await cache.take(1, URL_A, true);
    expect(extract).toHaveBeenCalledTimes(1);
  });

  it('preparing twice for the same page extracts once', () => {
    const { cache, extract } = setup();
    cache.prepare(1, URL_A);
    cache.prepare(1, `${URL_A}#comments`);
    expect(extract).toHaveBeenCalledTimes(1);
  });

  it('extracts again for another URL, another tab, a stale entry or a forgotten tab', async () => {
    const { cache, extract, advance } = setup();
    cache.prepare(1, URL_A);
    await cache.take(1, 'https://news.example/other-story', false);
    await cache.take(2, URL_A, false);
    expect(extract).toHaveBeenCalledTimes(3);

    cache.prepare(3, URL_A);
    advance(PREPARED_FRESH_MS);
    await cache.take(3, URL_A, false);
    expect(extract).toHaveBeenCalledTimes(5);

    cache.prepare(4, URL_A);
    cache.forget(4);
    await cache.take(4, URL_A, false);
    expect(extract).toHaveBeenCalledTimes(7);
  });

  it('never reuses a failure: "Try anyway" gets its forced extraction', async () => {
    const { cache, extract } = setup();
    extract.mockResolvedValueOnce(fail('not-an-article', 'Detection: none'));
    cache.prepare(1, URL_A);
    const result = await cache.take(1, URL_A, true);
    expect(result.ok && result.value.article.title).toBe('forced');
    expect(extract).toHaveBeenLastCalledWith(1, true);
  });

  it('an extraction that throws becomes a failure, and the click still extracts', async () => {
    const { cache, extract } = setup();
    extract.mockRejectedValueOnce(new Error('boom'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cache.prepare(1, URL_A);
    const result = await cache.take(1, URL_A, false);
    expect(result.ok).toBe(true);
    expect(extract).toHaveBeenCalledTimes(2);
  });

  it('keeps at most two prepared pages in memory', async () => {
    const { cache, extract } = setup();
    cache.prepare(1, URL_A);
    cache.prepare(2, URL_A);
    cache.prepare(3, URL_A);
    await cache.take(1, URL_A, false);
    expect(extract).toHaveBeenCalledTimes(4);
  });
});
