/**
 * A generated library for export tests, written through Folio's own save,
 * highlight and state code (fake-indexeddb): articles with images, tags,
 * read/archived/favourite states, progress, reading positions, highlights with
 * notes, and the awkward titles file names and CSV cells must survive.
 */
import { saveArticle } from '@/utils/db/articles';
import { addHighlight } from '@/utils/db/highlights';
import { addTags, updateState } from '@/utils/db/library-repository';
import { putPositionRecord } from '@/utils/db/positions';
import { TEXT_MODEL_VERSION } from '@/utils/highlights/text-model';
import { makeExtracted } from './article';

export const AWKWARD_TITLES = [
  'CON', '=HYPERLINK("https://evil.example","click")', 'A/B: the "why" of <it>?*|', '', '   ...   ', '🌧️ Monsoon 👩‍👩‍👧 rains',
  'Line one\nline two', 'trailing dot.', 'Same title', 'same TITLE', '+1 for @everyone', '-minus',
];

/** Deterministic bytes that look like nothing in particular (an image's content is irrelevant here). */
export function imageBytes(seed: number, size = 600): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed * 2654435761 + 1;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  // A PNG signature in front: a reader that sniffs types sees an image.
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return out;
}

export interface SeededArticle {
  id: string;
  title: string;
}

/** Saves `count` articles; every third has two images, every fourth highlights, states vary. */
export async function seedLibrary(count: number, base = 1_700_000_000_000): Promise<SeededArticle[]> {
  const out: SeededArticle[] = [];
  for (let i = 0; i < count; i++) {
    const title = i < AWKWARD_TITLES.length ? AWKWARD_TITLES[i]! : `Article ${i}: trade talks, part ${i % 7}`;
    const url = `https://site${i % 9}.example/news/${i}`;
    const withImages = i % 3 === 0;
    const img = (k: number) => `https://img.site${i % 9}.example/${i}/${k}.png`;
    const paragraph = `Officials met in Kuala Lumpur on day ${i}. The *talks* were <very> constructive & long — “quoted” text.`;
    const content =
      `<h2>Part ${i}</h2><p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>` +
      (withImages ? `<figure><img src="${img(1)}" alt="Port at dawn"><figcaption>The port</figcaption></figure><p><img src="${img(2)}" alt=""></p>` : '') +
      `<ul><li>First point</li><li>Second point</li></ul><p><a href="https://site${i % 9}.example/related">Related</a> and <em>more</em>.</p>` +
      `<script>alert(1)</script><p onclick="alert(2)">End.</p>`;
    const text = `Part ${i}\n${paragraph}\nFirst point\nSecond point\nRelated and more.\nEnd.`;
    const extracted = makeExtracted({
      url, canonicalUrl: url, title, content, textContent: text, leadImage: withImages ? img(1) : null,
      byline: i % 5 === 0 ? null : `Reporter ${i % 4}`, siteName: i % 6 === 0 ? null : `Site ${i % 9}`,
      publishedTime: i % 8 === 0 ? null : new Date(base - i * 86_400_000).toISOString(),
    });
    const images = withImages
      ? { assets: [1, 2].map((k) => { const bytes = imageBytes(i * 10 + k); return { url: img(k), blob: new Blob([bytes as BlobPart], { type: 'image/png' }), type: 'image/png', bytes: bytes.length }; }), skipped: 0 }
      : undefined;
    const { meta } = await saveArticle(extracted, { now: base + i * 60_000, images });
    if (i % 2 === 0) await addTags([meta.id], [`tag${i % 5}`, i % 4 === 0 ? 'long read' : 'news']);
    if (i % 3 === 1) await updateState([meta.id], { readAt: base + i * 60_000 + 5, progress: 0.5 });
    if (i % 7 === 0) await updateState([meta.id], { archivedAt: base + i * 60_000 + 9 });
    if (i % 11 === 0) await updateState([meta.id], { favoritedAt: base + i * 60_000 + 7 });
    if (i % 4 === 0) {
      const start = text.indexOf('Officials');
      await addHighlight({
        articleId: meta.id,
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: 'Officials met in Kuala Lumpur', prefix: text.slice(0, start), suffix: ` on day ${i}` },
          position: { type: 'TextPositionSelector', start, end: start + 'Officials met in Kuala Lumpur'.length },
        },
        basis: { contentHash: 'x', extractorVersion: 1, textModel: TEXT_MODEL_VERSION },
        color: i % 8 === 0 ? 'green' : 'yellow',
        note: i % 8 === 0 ? `A note on ${i}\n- with a list line` : '',
      }, base + i * 60_000 + 3);
      await putPositionRecord(meta.urlKey, 0.25, base + i * 60_000 + 4, 10_000);
    }
    out.push({ id: meta.id, title });
  }
  return out;
}
