/**
 * Per-site live text scale: steps, snapping hostile values, and where the
 * scales live — in Folio's own IndexedDB, never in storage.local, which every
 * content script can read (the list of resized sites is reading history).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { normaliseScale, siteKey, SITE_SCALES, stepScale } from '../../utils/site-font';
import { allSiteScales, getSiteScale, isPageOfSite, migrateSiteFontsFromStorageLocal, setSiteScale } from '../../utils/site-font-store';
import { createSiteFontModel, type SiteFontStore } from '../../utils/models/site-font';

beforeEach(async () => {
  fakeBrowser.reset();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('folio-site-fonts');
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

describe('site font scale', () => {
  it('keys by host without www', () => {
    expect(siteKey('WWW.News.Example.com')).toBe('news.example.com');
    expect(siteKey('news.example.com.')).toBe('news.example.com');
  });

  it('snaps stored values to the nearest step and treats junk as 100 %', () => {
    expect(normaliseScale(1.23)).toBe(1.2);
    expect(normaliseScale(99)).toBe(2);
    expect(normaliseScale(-1)).toBe(0.8);
    for (const junk of ['1.2', null, undefined, Number.NaN, {}]) expect(normaliseScale(junk)).toBe(1);
  });

  it('steps within the scale list and stops at both ends', () => {
    expect(stepScale(1, 1)).toBe(1.1);
    expect(stepScale(1, -1)).toBe(0.9);
    expect(stepScale(SITE_SCALES[0], -1)).toBe(SITE_SCALES[0]);
    expect(stepScale(2, 1)).toBe(2);
  });
});

describe('site font store', () => {
  it('keeps scales out of storage.local (content scripts read it), and removes the entry at 100 %', async () => {
    expect(await setSiteScale('news.example.com', 1.35)).toBe(1.35);
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await browser.storage.sync.get(null)).toEqual({});
    expect(await allSiteScales()).toEqual({ 'news.example.com': 1.35 });
    expect(await getSiteScale('www.news.example.com')).toBe(1.35);
    await setSiteScale('news.example.com', 1);
    expect(await allSiteScales()).toEqual({});
    expect(await getSiteScale('news.example.com')).toBe(1);
  });

  it('snaps what it is given to a step', async () => {
    expect(await setSiteScale('a.example', 1.23)).toBe(1.2);
    expect(await getSiteScale('a.example')).toBe(1.2);
  });

  it('moves the scales earlier versions left in storage.local, and leaves other keys alone', async () => {
    await browser.storage.local.set({ 'siteFont:a.example': 1.5, 'siteFont:b.example': 'junk', other: 1 });
    await migrateSiteFontsFromStorageLocal();
    expect(await browser.storage.local.get(null)).toEqual({ other: 1 });
    expect(await allSiteScales()).toEqual({ 'a.example': 1.5 });
  });

  it('names the tabs of one site only (www. or not, http or https)', () => {
    expect(isPageOfSite('https://www.news.example.com/a', 'news.example.com')).toBe(true);
    expect(isPageOfSite('http://news.example.com/b', 'www.news.example.com')).toBe(true);
    expect(isPageOfSite('https://evil.example/news.example.com', 'news.example.com')).toBe(false);
    expect(isPageOfSite('https://sub.news.example.com/', 'news.example.com')).toBe(false);
    expect(isPageOfSite('chrome-extension://abc/reader.html', 'abc')).toBe(false);
    expect(isPageOfSite(undefined, 'news.example.com')).toBe(false);
  });
});

describe('site font model', () => {
  function memoryStore(): SiteFontStore & { data: Map<string, number> } {
    const data = new Map<string, number>();
    return {
      data,
      get: vi.fn(async (host: string) => data.get(host) ?? 1),
      set: vi.fn(async (host: string, scale: number) => {
        data.set(host, scale);
      }),
    };
  }

  it('shows a percentage, steps, disables at the ends and resets', async () => {
    const store = memoryStore();
    const model = createSiteFontModel('a.example', store);
    await model.start();
    expect(model.percent.value).toBe(100);
    expect(model.isDefault.value).toBe(true);
    await model.increase();
    expect(model.percent.value).toBe(110);
    expect(store.data.get('a.example')).toBe(1.1);
    for (let i = 0; i < 12; i++) await model.increase();
    expect(model.canIncrease.value).toBe(false);
    await model.reset();
    expect(model.isDefault.value).toBe(true);
    expect(store.data.get('a.example')).toBe(1);
    model.dispose();
  });

  it('starts from the stored scale', async () => {
    const store = memoryStore();
    store.data.set('a.example', 1.5);
    const model = createSiteFontModel('a.example', store);
    await model.start();
    expect(model.percent.value).toBe(150);
  });
});
