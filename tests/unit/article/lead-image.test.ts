// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { leadImageDetails } from '@/utils/article/lead-image';

const BASE = 'https://news.example/2025/10/25/talks';

function doc(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

describe('leadImageDetails', () => {
  it('takes alt and caption from the figure that shows the lead image (relative src)', () => {
    const d = doc('<figure><img src="/img/harbour-at-dawn.jpg" alt="The harbour at dawn"><figcaption> Boats leave at 5am. </figcaption></figure>');
    expect(leadImageDetails(d, 'https://news.example/img/harbour-at-dawn.jpg', BASE, null, null)).toEqual({
      alt: 'The harbour at dawn',
      caption: 'Boats leave at 5am.',
    });
  });

  it('matches CDN size variants and lazy-loading attributes by file name', () => {
    const d = doc('<figure><picture><source srcset="https://cdn.example/harbour-at-dawn-1200x800.webp 1200w"><img data-src="x.gif" alt="Harbour"></picture><figcaption>Caption</figcaption></figure>');
    expect(leadImageDetails(d, 'https://cdn.example/harbour-at-dawn.jpg?w=600', BASE, null, null).caption).toBe('Caption');
  });

  it('falls back to og:image:alt, and a JSON-LD caption only when it describes the same image', () => {
    const d = doc('<p>No images here.</p>');
    expect(leadImageDetails(d, 'https://news.example/img/harbour-at-dawn.jpg', BASE, { url: 'https://news.example/img/harbour-at-dawn.jpg', caption: 'From JSON-LD' }, 'From og')).toEqual({
      alt: 'From og',
      caption: 'From JSON-LD',
    });
    expect(leadImageDetails(d, 'https://news.example/img/harbour-at-dawn.jpg', BASE, [{ url: 'https://news.example/img/other-picture.jpg', caption: 'Other' }], null)).toEqual({
      alt: null,
      caption: null,
    });
  });

  it('does not match unrelated images with generic short names', () => {
    const d = doc('<figure><img src="/a/image.jpg" alt="Unrelated"><figcaption>Unrelated</figcaption></figure>');
    expect(leadImageDetails(d, 'https://news.example/b/image.jpg', BASE, null, null)).toEqual({ alt: null, caption: null });
  });

  it('clips a runaway caption', () => {
    const d = doc(`<figure><img src="/img/harbour-at-dawn.jpg"><figcaption>${'word '.repeat(200)}</figcaption></figure>`);
    const caption = leadImageDetails(d, 'https://news.example/img/harbour-at-dawn.jpg', BASE, null, null).caption!;
    expect(caption.length).toBeLessThanOrEqual(400);
    expect(caption.endsWith('…')).toBe(true);
  });
});
