// @vitest-environment jsdom
/**
 * What the URL says, in detection (utils/article/detect.ts): a company site's
 * blog sits under its company pages (/company/blog/…, /About/Blog/…), and a
 * story there is not a service page. Three such WCXB development articles
 * were called "not an article" by the service-URL penalty until 2026-12-03.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectArticle, detectionFeatures } from '../../../utils/article/detect';

const sentence = 'The council met on Tuesday to weigh the harbour plan, and residents filled the hall to say what the new quay would mean for their streets. ';
const story = `<!doctype html><html><head><title>Harbour plan</title></head><body><header><nav><a href="/">Home</a></nav></header>
<main><h1>Harbour plan</h1>${Array.from({ length: 6 }, () => `<p>${sentence.repeat(3)}</p>`).join('')}</main></body></html>`;

function at(url: string) {
  const doc = new JSDOM(story, { url }).window.document;
  return { features: detectionFeatures(doc, url), detection: detectArticle(doc, url) };
}

describe('detection: service URLs and story sections', () => {
  it('a service path with no story section is penalised (the control)', () => {
    const { features, detection } = at('https://acme.example/services/web-design');
    expect(features.servicePath).toBe(true);
    expect(detection.signals).toContain('service-url(-5)');
    expect(detection.isArticle).toBe(false);
  });

  it.each([
    'https://acme.example/company/blog/engineering/token-count-based-batching',
    'https://plumber.example/About/Blog/entryid/20/comparing-6-types-of-plumbing-pipes',
    'https://acme.example/products/news/2025/10/harbour-plan',
  ])('a story under a company section is not a service page: %s', (url) => {
    const { features, detection } = at(url);
    expect(features.articlePath).toBe(true);
    expect(features.servicePath).toBe(false);
    expect(detection.signals.some((s) => s.startsWith('service-url'))).toBe(false);
    expect(detection.isArticle).toBe(true);
  });
});
