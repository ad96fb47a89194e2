/**
 * What the background accepts from pages: extraction results by allow-list,
 * page reports only from the tab's active top frame and about the sender's own
 * URL, and not faster than a per-tab rate kept in storage.session.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkResult } from '@/utils/extract-in-tab';
import { PAGE_REPORT_LIMIT, reportRefusal } from '@/utils/handlers/page';
import { takeToken } from '@/utils/rate-limit';
import * as v from '@/utils/validate';
import { makeExtracted } from './helpers/article';

beforeEach(() => fakeBrowser.reset());

describe('extraction results are an allow-list', () => {
  it('drops library fields a page adds (id, savedAt, tags, origin…) and anything else unknown', () => {
    const hostile = { ...makeExtracted(), id: 'attacker-chosen', savedAt: 1, updatedAt: 2, tags: ['pwned'], origin: 'import', favorite: true, urlKey: 'x', __proto__x: 1 };
    const result = checkResult({ ok: true, article: hostile, extra: 'x' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value).sort()).toEqual(Object.keys(makeExtracted()).sort());
    expect(result.value).toEqual(makeExtracted());
  });

  it.each([
    ['a javascript: canonical URL', { canonicalUrl: 'javascript:alert(1)' }],
    ['a non-string title', { title: 7 }],
    ['a missing textContent', { textContent: undefined }],
    ['a negative word count', { wordCount: -1 }],
    ['an object as byline', { byline: { toString: 1 } }],
  ])('refuses an article with %s', (_label, change) => {
    expect(checkResult({ ok: true, article: { ...makeExtracted(), ...change } })).toMatchObject({ ok: false, code: 'extraction-failed' });
  });

  it('turns a hostile lead image or direction into null instead of failing the article', () => {
    const result = checkResult({ ok: true, article: { ...makeExtracted(), leadImage: 'javascript:alert(1)', dir: 'sideways' } });
    expect(result).toMatchObject({ ok: true, value: { leadImage: null, dir: null } });
  });

  it('keeps the optional lead-image text when present', () => {
    const result = checkResult({ ok: true, article: { ...makeExtracted(), leadImageAlt: 'Tower', leadImageCaption: null } });
    expect(result).toMatchObject({ ok: true, value: { leadImageAlt: 'Tower', leadImageCaption: null } });
  });

  it('maps failures and trims their detail', () => {
    expect(checkResult({ ok: false, reason: 'not-an-article', detail: 'x'.repeat(10_000) })).toMatchObject({ ok: false, code: 'not-an-article' });
    expect(checkResult({ ok: false, reason: 'weird', detail: 5 })).toMatchObject({ ok: false, code: 'extraction-failed' });
  });
});

describe('page reports: only from the active top frame, about the sender itself', () => {
  const report = { url: 'https://news.example.com/a?x=1' };
  const top = { id: 'folio', url: 'https://news.example.com/a?x=1#comments', tab: { id: 3 }, frameId: 0 };

  it('accepts the top frame reporting its own URL (fragments aside), in Chrome and Firefox shapes', () => {
    expect(reportRefusal(report, top)).toBeNull();
    expect(reportRefusal(report, { ...top, documentLifecycle: 'active' })).toBeNull();
    expect(reportRefusal({ url: 'https://news.example.com/a?x=1#top' }, top)).toBeNull();
  });

  it('refuses iframes, prerendered and back/forward-cached documents', () => {
    expect(reportRefusal(report, { ...top, frameId: 5 })).toMatch(/top frame/);
    expect(reportRefusal(report, { ...top, frameId: undefined })).toMatch(/top frame/);
    expect(reportRefusal(report, { ...top, documentLifecycle: 'prerender' })).toMatch(/top frame/);
    expect(reportRefusal(report, { ...top, documentLifecycle: 'cached' })).toMatch(/top frame/);
  });

  it('refuses a report about another site than the sender’s', () => {
    expect(reportRefusal({ url: 'https://bank.example/' }, top)).toMatch(/origin/);
    expect(reportRefusal({ url: 'http://news.example.com/a' }, top)).toMatch(/origin/);
    expect(reportRefusal({ url: 'not a url' }, top)).toMatch(/origin/);
    expect(reportRefusal(report, { ...top, url: undefined })).toMatch(/origin/);
  });

  it('accepts a report about another URL of the sender’s origin: sender.url does not follow pushState', () => {
    expect(reportRefusal({ url: 'https://news.example.com/story/2?x=2' }, top)).toBeNull();
  });
});

describe('per-tab rate limit (storage.session, survives a worker restart)', () => {
  it('allows the limit per window, then drops, per tab, and opens again in the next window', async () => {
    const limit = { limit: 3, windowMs: 1000 };
    const t0 = 1_000_000;
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await takeToken('page.report', 1, limit, t0 + i));
    expect(results).toEqual([true, true, true, false, false]);
    expect(await takeToken('page.report', 2, limit, t0 + 5)).toBe(true);
    expect(await takeToken('page.report', 1, limit, t0 + 1000)).toBe(true);
  });

  it('keeps its count in storage.session, not in memory', async () => {
    await takeToken('page.report', 9, PAGE_REPORT_LIMIT, 5);
    expect(await fakeBrowser.storage.session.get('rate:page.report:9')).toEqual({ 'rate:page.report:9': { start: 5, count: 1 } });
  });
});

describe('payload schemas', () => {
  it('refuses a payload that carries data where none is expected', () => {
    expect(v.noPayload(undefined)).toBeUndefined();
    expect(() => v.noPayload({ host: 'bank.example' })).toThrow(v.ValidationError);
  });

  it('site requests name a plain host', () => {
    expect(v.siteQuery({ host: 'news.example.com' })).toEqual({ host: 'news.example.com' });
    for (const bad of ['', 'a/b', 'user@host', 'host:80', 'x'.repeat(300), 5]) expect(() => v.siteQuery({ host: bad })).toThrow(v.ValidationError);
    expect(() => v.siteScaleRequest({ host: 'a.example', scale: Number.NaN })).toThrow(v.ValidationError);
  });

  it('page reports drop unknown keys', () => {
    expect(v.pageReport({ url: 'https://a.example/', isArticle: false, title: 't', siteName: null, savedId: 'x', tabId: 4 })).toEqual({
      url: 'https://a.example/',
      isArticle: false,
      title: 't',
      siteName: null,
    });
  });
});
