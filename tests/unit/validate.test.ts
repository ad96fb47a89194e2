import { describe, expect, it } from 'vitest';
import * as v from '@/utils/validate';
import { checkResult } from '@/utils/extract-in-tab';
import { pageAccess } from '@/utils/page-access';
import { makeExtracted } from './helpers/article';

describe('payload validation', () => {
  it('accepts a well-formed page report and trims oversized titles', () => {
    const report = v.pageReport({ url: 'https://news.example/a', isArticle: true, title: 'x'.repeat(5000), siteName: null });
    expect(report.title).toHaveLength(2000);
    expect(report.url).toBe('https://news.example/a');
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['an array', []],
    ['a javascript: URL', { url: 'javascript:alert(1)', isArticle: true, title: '' }],
    ['a missing isArticle', { url: 'https://news.example/a', title: '' }],
    ['isArticle as a string', { url: 'https://news.example/a', isArticle: 'yes', title: '' }],
    ['a non-string title', { url: 'https://news.example/a', isArticle: true, title: { toString: 1 } }],
  ])('refuses a page report that is %s', (_label, payload) => {
    expect(() => v.pageReport(payload)).toThrow(v.ValidationError);
  });

  it('tab ids are non-negative integers', () => {
    expect(v.tabRequest({ tabId: 3 })).toEqual({ tabId: 3, force: false });
    expect(v.tabRequest({ tabId: 3, force: true }).force).toBe(true);
    for (const bad of [-1, 1.5, '3', NaN, null]) expect(() => v.tabRequest({ tabId: bad })).toThrow(v.ValidationError);
  });

  it('ids are short tokens, never paths or keys of another shape', () => {
    expect(v.idRequest({ id: '0f8e7a5c-1b2d-4c3e-9f00-123456789abc' }).id).toHaveLength(36);
    for (const bad of ['', '../x', 'a'.repeat(65), 'x y', 7]) expect(() => v.idRequest({ id: bad })).toThrow(v.ValidationError);
  });

  it('reader sources name a kind and an id', () => {
    expect(v.readerSource({ kind: 'view', id: 'abc' })).toEqual({ kind: 'view', id: 'abc' });
    expect(() => v.readerSource({ kind: 'file', id: 'abc' })).toThrow(v.ValidationError);
  });

});

describe('senders', () => {
  const runtimeId = 'folio-id';
  const origin = 'chrome-extension://folio-id/';
  it('extension pages are Folio pages of this extension', () => {
    expect(v.isExtensionPage({ id: runtimeId, url: `${origin}popup.html` }, runtimeId, origin)).toBe(true);
    expect(v.isExtensionPage({ id: runtimeId, url: 'https://evil.example/' }, runtimeId, origin)).toBe(false);
    expect(v.isExtensionPage({ id: 'other', url: `${origin}popup.html` }, runtimeId, origin)).toBe(false);
  });
  it('content scripts run in a web tab', () => {
    expect(v.isContentScript({ id: runtimeId, url: 'https://news.example/', tab: { id: 4 } }, runtimeId)).toBe(true);
    expect(v.isContentScript({ id: runtimeId, url: `${origin}popup.html` }, runtimeId)).toBe(false);
  });
});

describe('results that come back from a page', () => {
  it('passes a well-formed article', () => {
    expect(checkResult({ ok: true, article: makeExtracted() })).toMatchObject({ ok: true });
  });
  it('maps "not an article" and refuses malformed results', () => {
    expect(checkResult({ ok: false, reason: 'not-an-article', detail: '' })).toMatchObject({ ok: false, code: 'not-an-article' });
    expect(checkResult(undefined)).toMatchObject({ ok: false, code: 'extraction-failed' });
    expect(checkResult({ ok: true, article: { ...makeExtracted(), url: 'javascript:1' } })).toMatchObject({ ok: false });
    expect(checkResult({ ok: true, article: { ...makeExtracted(), content: 5 } })).toMatchObject({ ok: false });
  });
});

it('knows the pages Folio may not touch', () => {
  expect(pageAccess('https://news.example/a')).toBe('ok');
  expect(pageAccess('chrome://extensions')).toBe('browser-page');
  expect(pageAccess('about:addons')).toBe('browser-page');
  expect(pageAccess('https://chromewebstore.google.com/detail/x')).toBe('store');
  expect(pageAccess('https://addons.mozilla.org/en-US/firefox/')).toBe('store');
  expect(pageAccess('https://example.org/report.PDF')).toBe('pdf');
  expect(pageAccess(null)).toBe('browser-page');
});
