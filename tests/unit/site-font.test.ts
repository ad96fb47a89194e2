/** Per-site live text scale: steps, snapping hostile stored values, one storage.local entry per site. */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSiteScale, normaliseScale, setSiteScale, siteFontKey, SITE_SCALES, stepScale, watchSiteScale } from '../../utils/site-font';
import { createSiteFontModel } from '../../utils/models/site-font';

beforeEach(() => fakeBrowser.reset());

describe('site font scale', () => {
  it('keys by host without www', () => {
    expect(siteFontKey('WWW.News.Example.com')).toBe('siteFont:news.example.com');
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

  it('stores a scale for the site and removes the entry at 100 %, so unresized sites cost nothing', async () => {
    await setSiteScale('news.example.com', 1.35);
    expect(await browser.storage.local.get(null)).toEqual({ 'siteFont:news.example.com': 1.35 });
    expect(await getSiteScale('www.news.example.com')).toBe(1.35);
    await setSiteScale('news.example.com', 1);
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await getSiteScale('news.example.com')).toBe(1);
  });

  it('notifies watchers of this site only', async () => {
    const seen: number[] = [];
    const stop = watchSiteScale('a.example', (s) => seen.push(s));
    await setSiteScale('b.example', 1.5);
    await setSiteScale('a.example', 1.2);
    await setSiteScale('a.example', 1);
    stop();
    await setSiteScale('a.example', 2);
    expect(seen).toEqual([1.2, 1]);
  });
});

describe('site font model', () => {
  it('shows a percentage, steps, disables at the ends and resets', async () => {
    const model = createSiteFontModel('a.example');
    await model.start();
    expect(model.percent.value).toBe(100);
    expect(model.isDefault.value).toBe(true);
    await model.increase();
    expect(model.percent.value).toBe(110);
    expect(await getSiteScale('a.example')).toBe(1.1);
    for (let i = 0; i < 12; i++) await model.increase();
    expect(model.canIncrease.value).toBe(false);
    await model.reset();
    expect(model.isDefault.value).toBe(true);
    expect(await browser.storage.local.get(null)).toEqual({});
    model.dispose();
  });
});
