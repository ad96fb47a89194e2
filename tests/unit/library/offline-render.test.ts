// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { localizeImages } from '@/utils/library/offline-images';

function fragment(html: string): DocumentFragment {
  // Test markup written here, parsed inertly (a template-less DOMParser document: nothing runs or loads).
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const f = document.createDocumentFragment();
  f.append(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  return f;
}

describe('a saved article shows local image copies only', () => {
  it('swaps stored images for object URLs and drops every other way to load', () => {
    const f = fragment(
      '<picture><source srcset="https://i.example/a.webp"><img src="https://i.example/a.jpg" srcset="https://i.example/a-2x.jpg 2x" alt="Port"></picture>' +
        '<img src="https://i.example/missing.jpg" alt="Chart of tariffs"><img src="https://i.example/none.jpg">' +
        '<video poster="https://i.example/p.jpg" src="https://i.example/v.mp4"></video><table background="https://i.example/bg.png"></table>',
    );
    const outcome = localizeImages(f, new Map([['https://i.example/a.jpg', 'blob:chrome-extension://x/1']]), 'Image not saved');
    expect(outcome).toEqual({ shown: 1, missing: 2 });
    const img = f.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('blob:chrome-extension://x/1');
    expect(img.hasAttribute('srcset')).toBe(false);
    expect(f.querySelector('source, video')).toBeNull();
    expect(f.querySelector('[background]')).toBeNull();
    const boxes = [...f.querySelectorAll('.image-not-saved')];
    expect(boxes.map((b) => b.textContent)).toEqual(['Chart of tariffs', 'Image not saved']);
    expect(boxes[0]!.getAttribute('aria-label')).toBe('Image not saved: Chart of tariffs');
    // Nothing left that names a remote URL a browser would load.
    const html = [...f.childNodes].map((n) => (n as Element).outerHTML ?? '').join('');
    expect(html).not.toMatch(/https:\/\/i\.example/);
  });
});
