import { describe, expect, it } from 'vitest';
import { fetchArticleImages, type ImageFetch } from '@/utils/background/offline-images';

const fakeFetch = (sizes: Record<string, number | null>): ImageFetch => async (url, max) => {
  const size = sizes[url];
  if (size === null || size === undefined || size > max) return null;
  return { blob: new Blob([new Uint8Array(size)], { type: 'image/png' }), type: 'image/png' };
};

describe('offline images', () => {
  it('stores images in document order within the per-article cap and counts the rest as skipped', async () => {
    const html = ['a', 'b', 'c', 'd'].map((n) => `<img src="https://i.example/${n}.png">`).join('');
    const sizes = { 'https://i.example/a.png': 400, 'https://i.example/b.png': 500, 'https://i.example/c.png': null, 'https://i.example/d.png': 200 };
    const got = await fetchArticleImages(html, null, 1_000, 'https://news.example/a', fakeFetch(sizes));
    const urls = got.assets.map((a) => a.url);
    expect(got.assets.reduce((n, a) => n + a.bytes, 0)).toBeLessThanOrEqual(1_000);
    expect(urls).toContain('https://i.example/a.png');
    expect(got.skipped).toBe(4 - urls.length);
    expect(urls).toEqual([...urls].sort());
  });

  it('fetches the lead image too, and a zero cap keeps nothing', async () => {
    const got = await fetchArticleImages('<p>no images</p>', 'https://i.example/lead.jpg', 1_000, 'https://news.example/a', fakeFetch({ 'https://i.example/lead.jpg': 10 }));
    expect(got.assets.map((a) => a.url)).toEqual(['https://i.example/lead.jpg']);
    const none = await fetchArticleImages('<img src="https://i.example/a.png">', null, 0, 'https://news.example/a', fakeFetch({ 'https://i.example/a.png': 1 }));
    expect(none).toEqual({ assets: [], skipped: 1 });
  });
});
